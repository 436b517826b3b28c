//! HTML to text, and HTML cut into sections at its headings.

/// Converts HTML to text: tags dropped, block elements as paragraph breaks, entities decoded.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..lt]));
        let Some(gt) = rest[lt..].find('>') else {
            rest = "";
            break;
        };
        let tag = rest[lt + 1..lt + gt].trim().to_lowercase();
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        rest = &rest[lt + gt + 1..];
        if matches!(name.as_str(), "script" | "style") && !tag.starts_with('/') {
            let close = format!("</{name}");
            match rest.to_lowercase().find(&close) {
                Some(i) => rest = &rest[i..],
                None => rest = "",
            }
            continue;
        }
        match name.as_str() {
            "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "tr" | "table"
            | "ul" | "ol" | "section" | "article" => out.push_str("\n\n"),
            "br" => out.push('\n'),
            "td" | "th" => out.push(' '),
            _ => {}
        }
    }
    out.push_str(&decode_entities(rest));
    out
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| decode_entity(&after[..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "shy" => '\u{ad}',
        "aelig" => 'æ',
        "AElig" => 'Æ',
        "oslash" => 'ø',
        "Oslash" => 'Ø',
        "aring" => 'å',
        "Aring" => 'Å',
        "eacute" => 'é',
        "ndash" => '–',
        "mdash" => '—',
        "laquo" => '«',
        "raquo" => '»',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "hellip" => '…',
        _ => return None,
    })
}

/// A section of an HTML text: the nearest heading above it and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlSection {
    /// The heading (text of the nearest `h1`-`h6` element above), if any.
    pub heading: Option<String>,
    /// The section's text, paragraphs separated by blank lines.
    pub text: String,
}

/// Cuts HTML into sections at its `h1`-`h6` headings; empty sections are dropped.
pub fn html_sections(html: &str) -> Vec<HtmlSection> {
    let lower = html.to_ascii_lowercase();
    let mut sections = Vec::new();
    let mut heading: Option<String> = None;
    let mut pos = 0;
    loop {
        let next = (1..=6)
            .filter_map(|n| lower[pos..].find(&format!("<h{n}")).map(|i| (pos + i, n)))
            .filter(|&(i, _)| {
                lower[i + 3..]
                    .chars()
                    .next()
                    .is_some_and(|c| c == '>' || c.is_whitespace())
            })
            .min();
        let body_end = next.map(|(i, _)| i).unwrap_or(html.len());
        let text = tidy(&html_to_text(&html[pos..body_end]));
        if !text.is_empty() {
            sections.push(HtmlSection {
                heading: heading.clone(),
                text,
            });
        }
        let Some((start, n)) = next else { break };
        let close = format!("</h{n}>");
        let inner_start = lower[start..]
            .find('>')
            .map(|i| start + i + 1)
            .unwrap_or(html.len());
        let inner_end = lower[inner_start..]
            .find(&close)
            .map(|i| inner_start + i)
            .unwrap_or(html.len());
        let h = tidy(&html_to_text(&html[inner_start..inner_end]));
        heading = (!h.is_empty()).then(|| h.split_whitespace().collect::<Vec<_>>().join(" "));
        pos = (inner_end + close.len()).min(html.len());
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
}
