//! HTML to text, and HTML cut into sections at its headings.
//!
//! The markup is parsed by html5ever (through `scraper`), the parser browsers' HTML5 algorithm
//! is written down in, so that entities, unclosed tags, comments and `<script>` bodies are read
//! the way a browser reads them. The text is then taken from the parsed tree, never by byte
//! offsets into the source.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// How an element breaks the text around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Break {
    /// Inline: no break.
    None,
    /// A paragraph break before and after (blocks, list items, table rows).
    Paragraph,
    /// A line break (`br`).
    Line,
    /// A space (table cells).
    Space,
}

fn break_of(name: &str) -> Break {
    match name {
        "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "tr" | "table" | "ul"
        | "ol" | "section" | "article" | "header" | "footer" | "main" | "nav" | "aside"
        | "blockquote" | "pre" | "dl" | "dt" | "dd" | "figure" | "figcaption" | "form"
        | "fieldset" | "address" | "hr" | "body" | "caption" | "thead" | "tbody" | "tfoot" => {
            Break::Paragraph
        }
        "br" => Break::Line,
        "td" | "th" => Break::Space,
        _ => Break::None,
    }
}

/// Elements whose content is not text a reader sees.
fn hidden(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "noscript" | "template" | "head" | "title" | "iframe" | "object"
    )
}

fn heading_level(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn push_break(out: &mut String, b: Break) {
    match b {
        Break::None => {}
        Break::Paragraph => out.push_str("\n\n"),
        Break::Line => out.push('\n'),
        Break::Space => out.push(' '),
    }
}

/// Walks the parsed document in order. `on_heading` receives each `h1`-`h6` heading's text
/// together with the text gathered since the previous heading; the text after the last
/// heading is returned.
fn walk(doc: &Html, mut on_heading: impl FnMut(String, String)) -> String {
    let mut out = String::new();
    // The subtree being skipped (a hidden element) or read as a heading, by node id.
    let mut skip: Option<ego_tree::NodeId> = None;
    let mut heading: Option<(ego_tree::NodeId, String)> = None;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => match &mut heading {
                        Some((_, h)) => h.push_str(t),
                        None => out.push_str(t),
                    },
                    Node::Element(e) => {
                        let name = e.name();
                        if hidden(name) {
                            skip = Some(node.id());
                        } else if heading_level(name) && heading.is_none() {
                            heading = Some((node.id(), String::new()));
                        } else {
                            match &mut heading {
                                Some((_, h)) => push_break(h, break_of(name)),
                                None => push_break(&mut out, break_of(name)),
                            }
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skip == Some(node.id()) {
                    skip = None;
                    continue;
                }
                if skip.is_some() {
                    continue;
                }
                if heading.as_ref().is_some_and(|(id, _)| *id == node.id()) {
                    if let Some((_, h)) = heading.take() {
                        on_heading(h, std::mem::take(&mut out));
                    }
                    continue;
                }
                if let Node::Element(e) = node.value()
                    && break_of(e.name()) == Break::Paragraph
                {
                    match &mut heading {
                        Some((_, h)) => h.push_str("\n\n"),
                        None => out.push_str("\n\n"),
                    }
                }
            }
        }
    }
    out
}

/// Converts HTML to text: tags dropped, block elements as paragraph breaks, entities decoded,
/// scripts and styles left out, runs of blank lines folded to one. Headings stay in the text,
/// each as a paragraph of its own.
pub fn html_to_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut text = String::new();
    let rest = walk(&doc, |heading, before| {
        text.push_str(&before);
        text.push_str("\n\n");
        text.push_str(&heading);
        text.push_str("\n\n");
    });
    text.push_str(&rest);
    tidy(&text)
}

/// A section of an HTML text: the nearest heading above it and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlSection {
    /// The heading (text of the nearest `h1`-`h6` element above), if any.
    pub heading: Option<String>,
    /// The section's text, paragraphs separated by blank lines.
    pub text: String,
}

/// Most words a heading has; an `h1`-`h6` element with more, or one that ends a sentence, is
/// text set in heading type ("<h4>Administrationen indstiller, at udvalget …</h4>").
const HEADING_WORDS: usize = 12;

/// Cuts HTML into sections at its `h1`-`h6` headings; empty sections are dropped. A heading
/// element that reads as a sentence (more than twelve words, or a full stop at its end) is
/// the first paragraph of the current section instead.
pub fn html_sections(html: &str) -> Vec<HtmlSection> {
    let doc = Html::parse_document(html);
    let mut sections = Vec::new();
    let mut current: Option<String> = None;
    // text set in heading type, waiting to begin the text that follows it
    let mut carried = String::new();
    let rest = walk(&doc, |heading, before| {
        let before = std::mem::take(&mut carried) + before.as_str();
        let h = heading.split_whitespace().collect::<Vec<_>>().join(" ");
        let is_text = h.split(' ').count() > HEADING_WORDS || h.ends_with('.');
        if is_text {
            carried = format!("{before}\n\n{h}\n\n");
            return;
        }
        let text = tidy(&before);
        if !text.is_empty() {
            sections.push(HtmlSection {
                heading: current.clone(),
                text,
            });
        }
        current = (!h.is_empty()).then_some(h);
    });
    let text = tidy(&(carried + rest.as_str()));
    if !text.is_empty() {
        sections.push(HtmlSection {
            heading: current,
            text,
        });
    }
    sections
}

/// Trims lines, folds runs of spaces and keeps at most one blank line between paragraphs.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push_str("\n\n");
        } else if !out.is_empty() {
            out.push('\n');
        }
        blank = false;
        out.push_str(&line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_set_as_a_heading_is_text() {
        let s = html_sections(
            "<h4>Indstilling</h4><h4><em>Administrationen indstiller, at Kultur- og \
             Fritidsudvalget træffer beslutning om finansieringsforslag og niveau for \
             egenbetaling</em></h4><p>forslag 1, 2 eller 3</p><h4>Beslutning</h4><p>Godkendt.</p>",
        );
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(s[0].heading.as_deref(), Some("Indstilling"));
        assert!(
            s[0].text
                .starts_with("Administrationen indstiller, at Kultur- og")
                && s[0].text.ends_with("forslag 1, 2 eller 3"),
            "{s:?}"
        );
        assert_eq!(s[1].heading.as_deref(), Some("Beslutning"));
    }

    #[test]
    fn html_to_text_keeps_paragraphs_and_entities() {
        let t = html_to_text(
            "<p>Sundheds&shy;politik</p><p>&aelig;ldre &amp; unge<br>ny</p><script>x<y</script>",
        );
        assert!(t.contains("ældre & unge\nny"), "{t}");
        assert!(!t.contains("x<y"));
    }

    #[test]
    fn sections_follow_headings() {
        let html = "<div><h3>Beslutning</h3><span><p>Godkendt.</p></span></div>\
                    <h3>Fremstilling</h3><span><h4>Resume</h4><p>Kort om sagen.</p>\
                    <h4>Indstilling</h4><p>Administrationen indstiller, at</p><p>planen godkendes.</p></span>";
        let s = html_sections(html);
        let heads: Vec<_> = s
            .iter()
            .map(|x| x.heading.as_deref().unwrap_or(""))
            .collect();
        assert_eq!(heads, ["Beslutning", "Resume", "Indstilling"]);
        assert_eq!(
            s[2].text,
            "Administrationen indstiller, at\n\nplanen godkendes."
        );
    }

    /// Lower-casing "K" (U+212A, the Kelvin sign) gives a one-byte "k": the old reader found
    /// `</script` in a lower-cased copy and sliced the original at that offset, and panicked.
    #[test]
    fn kelvin_sign_in_a_script_is_read_without_a_panic() {
        let html = "<p>før</p><script>var \u{212A}a = 1;</script><p>efter \u{212A}elvin</p>";
        let t = tidy(&html_to_text(html));
        assert_eq!(t, "før\n\nefter \u{212A}elvin");
        let s = html_sections(&format!("<h1>\u{212A}\u{212A}</h1>{html}"));
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].heading.as_deref(), Some("\u{212A}\u{212A}"));
    }

    #[test]
    fn unclosed_and_broken_markup_is_read_as_a_browser_would() {
        let t = tidy(&html_to_text(
            "<p>Et &quot;citat&quot; &#248; &#xE6; &bogus; <b>fed<p>ny <!-- skjult --> tekst",
        ));
        assert_eq!(t, "Et \"citat\" ø æ &bogus; fed\n\nny tekst");
        assert_eq!(
            tidy(&html_to_text("<style>p{}</style><title>T</title>")),
            ""
        );
        assert_eq!(tidy(&html_to_text("")), "");
    }
}
