//! Cutting a page into passages of about one paragraph.
//!
//! Extracted PDF text has lines, sometimes blank lines between paragraphs, and no markup. The
//! segmenter works in three steps:
//!
//! 1. split the page into blocks of consecutive non-blank lines;
//! 2. inside a block, a short line that does not end a sentence and follows a line that does
//!    (or starts the block) and is followed by more text is a heading; a block that is one such
//!    line is a heading too;
//! 3. body text under one heading is gathered into passages of [`MIN_WORDS`]..[`MAX_WORDS`]
//!    words: short paragraphs are merged with the next one, long ones are cut at sentence
//!    boundaries (Unicode sentence segmentation).
//!
//! Every passage is a byte span of the page text, so callers can always point back into the
//! page. Spans are in order and never overlap.

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

/// A passage with fewer words is merged with the next paragraph under the same heading.
pub const MIN_WORDS: usize = 30;
/// A paragraph with more words is cut at sentence boundaries.
pub const MAX_WORDS: usize = 250;
/// Target size of the pieces a long paragraph is cut into.
const TARGET_WORDS: usize = 150;

/// A passage of a page: about one paragraph, with its nearest heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    /// Byte offset of the start of the passage in the page text.
    pub start: usize,
    /// Byte offset just past the end of the passage in the page text.
    pub end: usize,
    /// The nearest heading above the passage, if any.
    pub heading: Option<String>,
}

impl Passage {
    /// The passage's text within `page_text` (the text it was cut from).
    pub fn text<'a>(&self, page_text: &'a str) -> &'a str {
        page_text.get(self.start..self.end).unwrap_or("")
    }
}

/// A line of the page with its byte span (without the line break).
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    start: usize,
    text: &'a str,
}

impl Line<'_> {
    fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// One unit of body text (a paragraph) or a heading, in page order.
#[derive(Debug)]
enum Unit {
    Heading(String),
    Body { start: usize, end: usize },
}

/// Cuts `page_text` into passages. `inherited_heading` is the heading in force at the end of the
/// previous page, used until the page names its own.
pub fn segment_page_with(page_text: &str, inherited_heading: Option<&str>) -> Vec<Passage> {
    let units = units(page_text);
    let mut heading: Option<String> = inherited_heading.map(str::to_string);
    let mut passages = Vec::new();
    let mut pending: Option<(usize, usize)> = None;
    let flush = |pending: &mut Option<(usize, usize)>,
                 passages: &mut Vec<Passage>,
                 heading: &Option<String>| {
        if let Some((s, e)) = pending.take() {
            cut_long(page_text, s, e, heading, passages);
        }
    };
    for unit in units {
        match unit {
            Unit::Heading(h) => {
                flush(&mut pending, &mut passages, &heading);
                heading = Some(h);
            }
            Unit::Body { start, end } => {
                let (s, _) = pending.unwrap_or((start, end));
                pending = Some((s, end));
                if word_count(&page_text[s..end]) >= MIN_WORDS {
                    flush(&mut pending, &mut passages, &heading);
                }
            }
        }
    }
    // A short tail joins the previous passage when they share a heading, else stands alone.
    if let Some((s, e)) = pending.take() {
        match passages.last_mut() {
            Some(last)
                if last.heading == heading
                    && word_count(&page_text[last.start..e]) <= MAX_WORDS =>
            {
                last.end = e;
            }
            _ => cut_long(page_text, s, e, &heading, &mut passages),
        }
    }
    // A page of headings only (a caption-only agenda item, a chapter's title page) is one
    // passage under its last heading rather than nothing: its words stay findable.
    if passages.is_empty() {
        let trimmed = page_text.trim();
        if !trimmed.is_empty() {
            let start = page_text.len() - page_text.trim_start().len();
            passages.push(Passage {
                start,
                end: start + trimmed.len(),
                heading,
            });
        }
    }
    passages
}

/// Cuts `page_text` into passages (no heading carried over from a previous page).
pub fn segment_page(page_text: &str) -> Vec<Passage> {
    segment_page_with(page_text, None)
}

/// The heading in force at the end of a page, to carry over to the next.
pub fn last_heading(passages: &[Passage]) -> Option<&str> {
    passages.last().and_then(|p| p.heading.as_deref())
}

/// The most frequent Danish function words: running prose has 30-50 % of them.
const FUNCTION_WORDS: &[&str] = &[
    "og", "i", "at", "der", "til", "af", "for", "som", "på", "en", "det", "er", "de", "med", "den",
    "ikke", "har", "et", "vil", "skal", "kan", "om", "fra", "ved", "være", "blev", "bliver",
    "også", "så", "var", "efter", "eller", "men", "have", "hvor", "nu", "over", "under", "når",
    "sig", "jeg", "vi", "man", "dem", "sin", "sine", "deres", "hvis", "alle", "andre", "mere",
    "meget", "blandt", "samt", "dette", "disse", "denne",
];

/// True for text that is a bag of words rather than language: at least 25 words of which
/// fewer than 12 % are Danish function words. Some PDFs carry such a hidden layer (the page's
/// words with the small words stripped, for their own search); indexing it would let a page
/// match on words that stand in no sentence, so such passages are left out.
pub fn is_word_salad(text: &str) -> bool {
    let (words, function) = function_words(text);
    words >= 25 && (function as f64) < 0.12 * words as f64
}

/// The words of `text` with a letter, and how many of them are Danish function words.
fn function_words(text: &str) -> (usize, usize) {
    let mut words = 0usize;
    let mut function = 0usize;
    for w in text.unicode_words() {
        if !w.chars().any(char::is_alphabetic) {
            continue;
        }
        words += 1;
        if FUNCTION_WORDS.contains(&w.to_lowercase().as_str()) {
            function += 1;
        }
    }
    (words, function)
}

/// True for a sentence of at least eight words none of which is a Danish function word: a
/// stretch of such a hidden layer ("Enhedsleder myndighed Morten Helmer Nielsen souschef
/// Center Sundhed Pleje Pia Mols deltager punktet"), too short for [`is_word_salad`].
pub fn is_bare_words(sentence: &str) -> bool {
    let (words, function) = function_words(sentence);
    words >= 8 && function == 0
}

fn word_count(text: &str) -> usize {
    text.unicode_words().count()
}

/// Pushes the span `start..end` as one passage, or as several cut at sentence boundaries
/// when it has more than [`MAX_WORDS`] words.
fn cut_long(
    text: &str,
    start: usize,
    end: usize,
    heading: &Option<String>,
    out: &mut Vec<Passage>,
) {
    let span = &text[start..end];
    if span.trim().is_empty() {
        return;
    }
    if word_count(span) <= MAX_WORDS {
        push_trimmed(text, start, end, heading, out);
        return;
    }
    let mut piece_start = start;
    let mut words = 0;
    let mut last_end = start;
    for (off, sentence) in span.split_sentence_bound_indices() {
        let s_words = word_count(sentence);
        let s_end = start + off + sentence.len();
        if words > 0 && words + s_words > TARGET_WORDS {
            push_trimmed(text, piece_start, last_end, heading, out);
            piece_start = start + off;
            words = 0;
        }
        // A single sentence longer than MAX_WORDS (a table, a list without full stops) is cut
        // at word boundaries.
        if s_words > MAX_WORDS {
            let mut w = 0;
            let mut cut_from = piece_start;
            for (woff, word) in sentence.split_word_bound_indices() {
                if word.chars().any(char::is_alphanumeric) {
                    w += 1;
                    if w > TARGET_WORDS {
                        let at = start + off + woff;
                        push_trimmed(text, cut_from, at, heading, out);
                        cut_from = at;
                        w = 1;
                    }
                }
            }
            piece_start = cut_from;
            words = w;
            last_end = s_end;
            continue;
        }
        words += s_words;
        last_end = s_end;
    }
    push_trimmed(text, piece_start, end, heading, out);
}

fn push_trimmed(
    text: &str,
    start: usize,
    end: usize,
    heading: &Option<String>,
    out: &mut Vec<Passage>,
) {
    let span = &text[start..end];
    let lead = span.len() - span.trim_start().len();
    let trail = span.len() - span.trim_end().len();
    if lead + trail >= span.len() {
        return;
    }
    out.push(Passage {
        start: start + lead,
        end: end - trail,
        heading: heading.clone(),
    });
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let body = raw.trim_end_matches(['\n', '\r', '\u{c}']);
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        out.push(Line {
            start: pos + lead,
            text: trimmed,
        });
        pos += raw.len();
    }
    out
}

fn ends_sentence(line: &str) -> bool {
    line.ends_with(['.', '!', '?', ':', ';', '»', '"', '”'])
}

/// True for a line that reads like a heading: short, not a sentence, starting with a capital
/// letter or a section number, and with letters in it.
fn looks_like_heading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    if words == 0 || words > 10 || line.chars().count() > 90 {
        return false;
    }
    if line.ends_with([',', '.', ';', '-', '–', '(']) {
        return false;
    }
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 {
        return false;
    }
    let body = line.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
    body.chars().next().is_some_and(char::is_uppercase)
}

fn units(text: &str) -> Vec<Unit> {
    let lines = lines(text);
    let mut units = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].text.is_empty() {
            i += 1;
            continue;
        }
        let block_start = i;
        while i < lines.len() && !lines[i].text.is_empty() {
            i += 1;
        }
        let block = &lines[block_start..i];
        let mut body: Option<(usize, usize)> = None;
        for (k, line) in block.iter().enumerate() {
            let prev_ends = k == 0 || ends_sentence(block[k - 1].text);
            let standalone = block.len() == 1;
            // A heading is followed by a line that starts a sentence; a line that runs on into
            // a lower-case continuation is wrapped body text.
            let followed = standalone
                || block.get(k + 1).is_some_and(|next| {
                    next.text.chars().next().is_some_and(|c| {
                        c.is_uppercase() || c.is_ascii_digit() || "•-–*".contains(c)
                    })
                });
            if prev_ends && followed && looks_like_heading(line.text) && !ends_sentence(line.text) {
                if let Some((s, e)) = body.take() {
                    units.push(Unit::Body { start: s, end: e });
                }
                units.push(Unit::Heading(line.text.to_string()));
                continue;
            }
            body = Some(match body {
                Some((s, _)) => (s, line.end()),
                None => (line.start, line.end()),
            });
        }
        if let Some((s, e)) = body {
            units.push(Unit::Body { start: s, end: e });
        }
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(page: &str) -> Vec<(Option<String>, String)> {
        segment_page(page)
            .iter()
            .map(|p| (p.heading.clone(), p.text(page).to_string()))
            .collect()
    }

    const GOAL: &str = "Målet er, at færre borgere oplever sig ensomme. Vi vil derfor styrke \
        samarbejdet med de frivillige foreninger, så flere ældre får en besøgsven, og vi vil \
        give mulighed for fællesspisning i alle lokalområder i løbet af politikkens periode.";

    #[test]
    fn heading_block_then_paragraph() {
        let page = format!("Ensomhed\n\n{GOAL}\n");
        let got = texts(&page);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0.as_deref(), Some("Ensomhed"));
        assert!(got[0].1.starts_with("Målet er"));
    }

    #[test]
    fn heading_inside_block() {
        let page = format!("Indledning er kort.\n2.1 Ensomhed blandt ældre\n{GOAL}");
        let got = texts(&page);
        assert_eq!(
            got.last().and_then(|g| g.0.as_deref()),
            Some("2.1 Ensomhed blandt ældre")
        );
    }

    #[test]
    fn short_paragraphs_are_merged() {
        let page = "Første korte afsnit.\n\nAndet korte afsnit.\n\nTredje.";
        let got = texts(page);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].1.ends_with("Tredje."));
    }

    #[test]
    fn long_paragraphs_are_cut_at_sentences() {
        let page = std::iter::repeat_n(GOAL, 20).collect::<Vec<_>>().join(" ");
        let got = texts(&page);
        assert!(got.len() > 1);
        for (_, t) in &got {
            assert!(word_count(t) <= MAX_WORDS, "{}", word_count(t));
            assert!(t.ends_with('.'), "{t}");
        }
    }

    #[test]
    fn word_salad_is_told_from_prose() {
        let salad = "voksenområde udvikling specialiserede udviklingen Handicappolitikken forløb \
            økonomisk Handicapudvalget viser nøgletal samværstilbud Handicapudvalgets borgerrettet \
            sættes indsatser ensomhed borgerinddragelse mental ordet slettes vægt ressource \
            lægges nuværende kaldet relation kommunen liv gennem følgende";
        assert!(is_word_salad(salad));
        assert!(!is_word_salad(GOAL));
        assert!(
            !is_word_salad("Kort tekst uden småord."),
            "too short to judge"
        );
    }

    #[test]
    fn a_page_of_headings_only_is_one_passage() {
        // a caption-only agenda item, a chapter's title page
        let page = "\n  Orientering om ensomhed blandt ældre\n";
        let p = segment_page(page);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].text(page), "Orientering om ensomhed blandt ældre");
        assert_eq!(
            p[0].heading.as_deref(),
            Some("Orientering om ensomhed blandt ældre")
        );
        assert!(segment_page(" \n\n ").is_empty());
    }

    #[test]
    fn inherited_heading_is_used_until_a_new_one() {
        let p = segment_page_with(GOAL, Some("Ældre"));
        assert_eq!(p[0].heading.as_deref(), Some("Ældre"));
    }

    proptest! {
        #[test]
        fn spans_inside_in_order_and_disjoint(s in "(\\PC{0,40}[\\n .]{0,3}){0,60}") {
            let ps = segment_page(&s);
            let mut prev_end = 0;
            for p in &ps {
                prop_assert!(p.start < p.end);
                prop_assert!(p.end <= s.len());
                prop_assert!(p.start >= prev_end);
                prop_assert!(s.is_char_boundary(p.start) && s.is_char_boundary(p.end));
                prop_assert!(!p.text(&s).trim().is_empty());
                prev_end = p.end;
            }
        }
    }
}
