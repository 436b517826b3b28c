//! Text normalisation of extracted pages: NFKC, soft hyphens, line-end hyphenation, running
//! headers and footers.

use crate::document::Page;
use unicode_normalization::UnicodeNormalization;

/// Normalises the raw text of each page and numbers the pages from 1.
pub fn normalize_pages(raw: Vec<String>) -> Vec<Page> {
    raw.into_iter()
        .enumerate()
        .map(|(i, text)| Page {
            number: u32::try_from(i + 1).unwrap_or(u32::MAX),
            text: normalize_text(&text),
        })
        .collect()
}

/// NFKC-normalises `text`, removes soft hyphens and joins words hyphenated at a line end, but
/// keeps suspended compounds such as "Sundheds- og Omsorgsudvalget".
pub fn normalize_text(text: &str) -> String {
    let nfkc: String = text.nfkc().filter(|&c| c != '\u{ad}').collect();
    let mut out = String::with_capacity(nfkc.len());
    let lines: Vec<&str> = nfkc.lines().collect();
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
    fn keeps_suspended_compounds() {
        let t = normalize_text("Sundheds-\nog Omsorgsudvalget");
        assert!(t.contains("Sundheds-\nog"), "{t}");
    }

    #[test]
    fn ligatures_and_soft_hyphens() {
        assert_eq!(
            normalize_text("ﬁnansiering af\u{ad}tale"),
            "finansiering aftale\n"
        );
    }
}
