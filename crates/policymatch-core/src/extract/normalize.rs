//! Text normalisation of extracted pages: NFKC, soft hyphens, line-end hyphenation, running
//! headers and footers.
//!
//! [`extract_pdf`](super::extract_pdf) returns page text as laid out in the PDF (the form the
//! poppler reference has); these functions turn it into the form passages and the index want.
//! [`normalize_document`] does all of it; the parts are public for callers that need only one:
//! [`normalize_text`] (NFKC, soft hyphens, hyphenation), [`running_lines`] and
//! [`strip_running_lines`] (headers, footers and page numbers repeated across pages).

use crate::document::Page;
use std::collections::{HashMap, HashSet};
use unicode_normalization::UnicodeNormalization;

/// Lines at the top and at the bottom of a page that are candidates for running headers and
/// footers.
const EDGE_LINES: usize = 3;
/// Fewest pages a document needs before lines are called running (on two pages, a repeat is
/// as likely to be content).
const MIN_PAGES: usize = 3;

/// Fully normalises extracted pages for segmentation and indexing: removes running headers,
/// footers and page numbers ([`strip_running_lines`]), then applies [`normalize_text`] to each
/// page.
pub fn normalize_document(mut pages: Vec<Page>) -> Vec<Page> {
    strip_running_lines(&mut pages);
    for page in &mut pages {
        page.text = normalize_text(&page.text);
    }
    pages
}

/// The key under which a line is compared across pages: trimmed, inner whitespace collapsed,
/// every run of digits replaced by `#` so that "Side 3 af 13" and "Side 4 af 13" match.
fn line_key(line: &str) -> String {
    let mut key = String::with_capacity(line.len());
    let mut in_digits = false;
    for word in line.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
            in_digits = false;
        }
        for c in word.chars() {
            if c.is_ascii_digit() {
                if !in_digits {
                    key.push('#');
                }
                in_digits = true;
            } else {
                key.push(c);
                in_digits = false;
            }
        }
    }
    key
}

/// The candidate lines of one page: the first and last [`EDGE_LINES`] non-blank lines.
fn edge_lines(text: &str) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.len() <= 2 * EDGE_LINES {
        return lines;
    }
    let mut out = lines[..EDGE_LINES].to_vec();
    out.extend_from_slice(&lines[lines.len() - EDGE_LINES..]);
    out
}

/// Identifies running headers, footers and page numbers: the keys (see below) of lines that
/// stand among the first or last three lines of more than half of the pages of a document of
/// at least three pages. A key is the trimmed line with whitespace collapsed and each run of
/// digits replaced by `#`, so "Side 3 af 13", "1 of 13" and a bare page number are each one
/// key across pages. Returns the keys, sorted.
pub fn running_lines(pages: &[Page]) -> Vec<String> {
    if pages.len() < MIN_PAGES {
        return Vec::new();
    }
    let mut counts: HashMap<String, usize> = HashMap::new();
    for page in pages {
        let keys: HashSet<String> = edge_lines(&page.text).into_iter().map(line_key).collect();
        for key in keys {
            *counts.entry(key).or_default() += 1;
        }
    }
    let mut keys: Vec<String> = counts
        .into_iter()
        .filter(|(key, n)| 2 * n > pages.len() && !key.is_empty())
        .map(|(key, _)| key)
        .collect();
    keys.sort();
    keys
}

/// Removes the running lines found by [`running_lines`] from the top and bottom edges of each
/// page (the same line in the body of a page is kept). Returns how many lines were removed.
pub fn strip_running_lines(pages: &mut [Page]) -> usize {
    let keys: HashSet<String> = running_lines(pages).into_iter().collect();
    if keys.is_empty() {
        return 0;
    }
    let mut removed = 0;
    for page in pages.iter_mut() {
        let edges: HashSet<*const u8> = edge_lines(&page.text)
            .into_iter()
            .filter(|l| keys.contains(&line_key(l)))
            .map(str::as_ptr)
            .collect();
        if edges.is_empty() {
            continue;
        }
        let mut out = String::with_capacity(page.text.len());
        for line in page.text.lines() {
            if edges.contains(&line.as_ptr()) {
                removed += 1;
                continue;
            }
            out.push_str(line);
            out.push('\n');
        }
        page.text = out;
    }
    removed
}

/// Fully normalises the raw text of each page ([`normalize_document`]) and numbers the pages
/// from 1.
pub fn normalize_pages(raw: Vec<String>) -> Vec<Page> {
    normalize_document(number_pages(raw))
}

/// Numbers raw page texts from 1, without changing them.
pub fn number_pages(raw: Vec<String>) -> Vec<Page> {
    raw.into_iter()
        .enumerate()
        .map(|(i, text)| Page {
            number: u32::try_from(i + 1).unwrap_or(u32::MAX),
            text,
        })
        .collect()
}

/// NFKC-normalises `text`, removes soft hyphens and joins words hyphenated at a line end, but
/// keeps suspended compounds such as "Sundheds- og Omsorgsudvalget".
pub fn normalize_text(text: &str) -> String {
    let nfkc: String = text.nfkc().filter(|&c| c != '\u{ad}').collect();
    join_hyphenation(&nfkc)
}

/// Joins a word hyphenated at a line end with its rest on the next line ("sund-\nhed" →
/// "sundhed"), unless the next line starts with an upper-case letter or with "og", "eller",
/// "samt" or "til" (a suspended compound: "Sundheds-\nog Omsorgsudvalget" stays). Every line
/// of the result ends with a newline.
pub fn join_hyphenation(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_end();
        if let Some(stem) = line.strip_suffix('-')
            && stem.chars().last().is_some_and(char::is_alphabetic)
            && let Some(next) = lines.get(i + 1)
        {
            let next_trim = next.trim_start();
            let first_word: String = next_trim
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            let suspended = matches!(first_word.as_str(), "og" | "eller" | "samt" | "til");
            if first_word.chars().next().is_some_and(char::is_lowercase) && !suspended {
                out.push_str(stem);
                let rest_start = next_trim
                    .find(char::is_whitespace)
                    .unwrap_or(next_trim.len());
                out.push_str(&next_trim[..rest_start]);
                out.push('\n');
                let rest = next_trim[rest_start..].trim_start();
                if !rest.is_empty() {
                    out.push_str(rest);
                    out.push('\n');
                }
                i += 2;
                continue;
            }
        }
        out.push_str(line);
        out.push('\n');
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_line_end_hyphenation() {
        assert_eq!(
            normalize_text("sundheds-\npolitikken er"),
            "sundhedspolitikken\ner\n"
        );
    }

    #[test]
    fn join_hyphenation_keeps_ligatures_and_upper_case_continuations() {
        assert_eq!(join_hyphenation("ﬁnan-\nsiering"), "ﬁnansiering\n");
        assert_eq!(
            join_hyphenation("Børne-\nUngeudvalget"),
            "Børne-\nUngeudvalget\n"
        );
        assert_eq!(
            join_hyphenation("børne- og unge-\nområdet"),
            "børne- og ungeområdet\n"
        );
    }

    #[test]
    fn keeps_suspended_compounds() {
        let t = normalize_text("Sundheds-\nog Omsorgsudvalget");
        assert!(t.contains("Sundheds-\nog"), "{t}");
    }

    fn pages(texts: &[&str]) -> Vec<Page> {
        number_pages(texts.iter().map(|t| t.to_string()).collect())
    }

    #[test]
    fn running_header_and_page_numbers_are_found() {
        let p = pages(&[
            "1 of 13\nLokalt engagement\nForeningerne er vigtige.\nSide 1 af 3",
            "2 of 13\nFrivillige i kommunen.\nSide 2 af 3",
            "3 of 13\nFællesskab og kultur.\nLokalt engagement\nSide 3 af 3",
        ]);
        assert_eq!(
            running_lines(&p),
            vec!["# of #", "Lokalt engagement", "Side # af #"]
        );
    }

    #[test]
    fn strip_running_lines_keeps_body_text() {
        let mut p = pages(&[
            "Greve Kommune\nFørste side tekst.\n1",
            "Greve Kommune\nAnden side tekst.\n2",
            "Greve Kommune\nTredje side tekst.\n3",
            "Greve Kommune\nFjerde side tekst.\n4",
        ]);
        assert_eq!(strip_running_lines(&mut p), 8);
        assert_eq!(p[0].text, "Første side tekst.\n");
        assert_eq!(p[3].text, "Fjerde side tekst.\n");
    }

    #[test]
    fn two_page_documents_have_no_running_lines() {
        let p = pages(&["Referat\nA", "Referat\nB"]);
        assert!(running_lines(&p).is_empty());
    }

    #[test]
    fn normalize_document_strips_and_normalises() {
        let p = normalize_document(pages(&[
            "Side 1 af 3\nﬁre sund-\nhedsplaner",
            "Side 2 af 3\nSundheds-\nog Omsorgsudvalget",
            "Side 3 af 3\nslut",
        ]));
        assert_eq!(p[0].text, "fire sundhedsplaner\n");
        assert_eq!(p[1].text, "Sundheds-\nog Omsorgsudvalget\n");
    }

    #[test]
    fn ligatures_and_soft_hyphens() {
        assert_eq!(
            normalize_text("ﬁnansiering af\u{ad}tale"),
            "finansiering aftale\n"
        );
    }
}
