//! Where a sentence ends: the one sentence splitter of the annotation layer (intent marks,
//! events, contacts, stage and units), so that all of them read the same sentences.
//!
//! [`sentences`] splits a passage as laid out (a line break ends a sentence, as in a list);
//! [`prose_sentences`] splits running text whose layout line breaks have been made spaces.

use unicode_segmentation::UnicodeSegmentation;

/// Abbreviations that never end a sentence ("jf. bilag 1", "ca. 300 borgere", "nr. 5"),
/// lower-case, without their final full stop. Not "kr." nor "mio.": "… bevilges 10.000 kr.
/// Udvalget …" ends there (before a word in lower case they go on anyway).
const ABBREVIATIONS: &[&str] = &[
    "ang", "att", "bl.a", "ca", "dvs", "evt", "f.eks", "fx", "hhv", "ift", "iflg", "iht", "inkl",
    "jf", "jvf", "kap", "kl", "mht", "nr", "pga", "pkt", "stk", "tlf", "vedr",
];

/// The word before the full stop at byte `dot` of `text`, lower-cased.
fn word_before(text: &str, dot: usize) -> String {
    let word_start = text[..dot]
        .rfind(|c: char| c.is_whitespace() || c == '(')
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    text[word_start..dot].to_lowercase()
}

/// Whether the full stop at byte `dot` of `text` ends a sentence: it does not after an
/// abbreviation of [`ABBREVIATIONS`], nor before a word in lower case (the ordinal of "den 5.
/// december", "m.m. og", an abbreviation the list does not know).
fn full_stop_ends_sentence(text: &str, dot: usize) -> bool {
    if ABBREVIATIONS.contains(&word_before(text, dot).as_str()) {
        return false;
    }
    let next = text[dot + 1..]
        .trim_start_matches([' ', '\t'])
        .chars()
        .next();
    !next.is_some_and(char::is_lowercase)
}

/// Byte ranges of the sentences of `text` (split after `.`, `!` or `?` followed by white
/// space, and at line breaks; a full stop after an abbreviation or before a word in lower
/// case does not end one). A colon or semicolon does not end
/// a sentence: what follows "Målet er:" is the goal.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_space = chars.peek().is_some_and(|&(_, n)| n.is_whitespace());
        let end = if c == '\n' {
            Some(i)
        } else if matches!(c, '!' | '?') && next_is_space
            || c == '.' && next_is_space && full_stop_ends_sentence(text, i)
        {
            Some(i + c.len_utf8())
        } else {
            None
        };
        if let Some(end) = end {
            if !text[start..end].trim().is_empty() {
                out.push((start, end));
            }
            start = end;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push((start, text.len()));
    }
    out
}

/// Byte ranges of the sentences of running text (line breaks of the layout already made
/// spaces): the Unicode sentence boundaries (UAX #29), except that a full stop after an
/// abbreviation ("kl. 15.00", "jf. bilag 1", "nr. 5") does not end a sentence.
pub fn prose_sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut joined = false;
    for (start, piece) in text.split_sentence_bound_indices() {
        let end = start + piece.len();
        if joined && let Some(last) = out.last_mut() {
            last.1 = end;
        } else {
            out.push((start, end));
        }
        let trimmed = piece.trim_end();
        let dot = start + trimmed.len();
        joined = trimmed.ends_with('.') && {
            let next = text[end..].trim_start().chars().next();
            next.is_some() && ABBREVIATIONS.contains(&word_before(text, dot - 1).as_str())
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_sentences_go_on_after_an_abbreviation() {
        let text = "Sagen sendes i høring med frist den 7. januar 2025 kl. 15.00. Svar sendes til centret. Se jf. bilag 1.";
        let got: Vec<&str> = prose_sentences(text)
            .into_iter()
            .map(|(a, b)| text[a..b].trim())
            .collect();
        assert_eq!(
            got,
            [
                "Sagen sendes i høring med frist den 7. januar 2025 kl. 15.00.",
                "Svar sendes til centret.",
                "Se jf. bilag 1."
            ]
        );
        assert!(prose_sentences("").is_empty());
        // an amount ends a sentence; a white space of two bytes before the word is no trouble
        let text = "Der bevilges 10.000 kr. Udvalget\u{a0}kl. tager stilling.";
        assert_eq!(
            prose_sentences(text).len(),
            2,
            "{:?}",
            prose_sentences(text)
        );
    }
}
