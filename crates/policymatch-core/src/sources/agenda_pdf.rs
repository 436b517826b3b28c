//! Agendas and minutes published as PDF: split into their items where the structure is
//! recognisable.
//!
//! A PDF is taken for an agenda when its first page names a "Dagsorden" or "Referat" and the
//! text has numbered item headings ("2. Årligt dialogmøde med plejecenterlederne") numbered
//! 1, 2, 3, … in order, most of them followed within a few lines by a case number ("Sagsnr.:")
//! or a section heading ("Beslutning", "Indstilling", "Resume", "Sagsfremstilling"). Each item
//! becomes a document that keeps the real page numbers of the pages it spans, so page-level
//! references stay right. Anything else is left as one document.

use crate::document::SourceDocument;
use crate::document::{DocumentMeta, MetaValue, Page};
use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;

static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    // Invariant: a constant pattern that is known to compile (tested below).
    Regex::new(r"^\s*(?:Punkt\s+)?(\d{1,3})[.:]\s+(\S.{2,200})$").expect("constant regex")
});
// Invariant: a constant pattern; this module's tests compile and use it.
static CASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:sagsnr|sagsnummer|sag nr)\.?\s*:?\s*([\w./-]+)")
        .expect("constant regex")
});

// Invariant: a constant pattern; this module's tests compile and use it.
static COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:[A-ZÆØÅ][\wæøå]*-,\s+)*(?:[A-ZÆØÅ][\wæøå]*-\s+og\s+)?[A-ZÆØÅ][\wæøå]*udvalget\b|\bByrådet\b|\bKommunalbestyrelsen\b|\bØkonomiudvalget\b",
    )
    .expect("constant regex")
});

const SECTION_CUES: &[&str] = &[
    "Beslutning",
    "Indstilling",
    "Resume",
    "Sagsfremstilling",
    "Sagsbeskrivelse",
    "Fremstilling",
    "Sagsprocedure",
];

/// A line of the document: page number, byte span in that page's text, and the text.
struct Line<'a> {
    page: u32,
    start: usize,
    end: usize,
    text: &'a str,
}

fn lines(pages: &[Page]) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    for p in pages {
        let mut pos = 0;
        for raw in p.text.split_inclusive('\n') {
            let text = raw.trim_end_matches(['\n', '\r']);
            out.push(Line {
                page: p.number,
                start: pos,
                end: pos + text.len(),
                text,
            });
            pos += raw.len();
        }
    }
    out
}

/// Splits an agenda PDF into its items, or returns `None` when the structure is not that of
/// an agenda.
pub fn split_agenda(path: &Path, pages: &[Page]) -> Option<Vec<SourceDocument>> {
    let first = pages.first()?;
    let head: String = first.text.chars().take(1500).collect();
    if !head.contains("Dagsorden") && !head.contains("Referat") && !head.contains("DAGSORDEN") {
        return None;
    }
    let lines = lines(pages);
    // Item headings numbered 1, 2, 3, … in order.
    let mut starts: Vec<(usize, u32, String)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let Some(c) = ITEM.captures(l.text) else {
            continue;
        };
        let (Some(n), Some(caption)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let Ok(n) = n.as_str().parse::<u32>() else {
            continue;
        };
        // Numbers go up one at a time; an item whose heading the text layer broke up (one
        // word per line) may be skipped, and its text then stays with the item before.
        let expected = starts.last().map(|s| s.1 + 1).unwrap_or(1);
        let in_sequence = n >= expected && n <= expected + 3 && (n == 1 || !starts.is_empty());
        if !in_sequence
            || !caption
                .as_str()
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            continue;
        }
        let followed = lines[i + 1..]
            .iter()
            .take(5)
            .any(|next| CASE.is_match(next.text) || SECTION_CUES.contains(&next.text.trim()));
        if followed {
            starts.push((i, n, caption.as_str().trim().to_string()));
        }
    }
    if starts.len() < 2 {
        return None;
    }
    let preamble: Vec<&str> = lines[..starts[0].0].iter().map(|l| l.text.trim()).collect();
    // Over the preamble's line breaks: a title set on two lines ("Referat – Sundheds- og" /
    // "Omsorgsudvalget 20. januar 2027") names the whole committee.
    let committee = COMMITTEE
        .find(&preamble.join("\n"))
        .map(|m| m.as_str().split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    let date = preamble
        .iter()
        .filter(|l| {
            let lower = l.to_lowercase();
            lower.starts_with("dato")
                || lower.starts_with("mødedato")
                || lower.starts_with("tidspunkt")
        })
        .find_map(|l| crate::dates::first_date_in(l, None, false))
        // Else the first full date in the preamble ("Ordinært møde onsdag den 20. januar 2027").
        .or_else(|| {
            preamble
                .iter()
                .find_map(|l| crate::dates::first_date_in(l, None, false))
        })
        .unwrap_or(0);

    let mut docs = Vec::new();
    for (k, (line_idx, number, caption)) in starts.iter().enumerate() {
        let end_idx = starts.get(k + 1).map(|s| s.0).unwrap_or(lines.len());
        let item_lines = &lines[*line_idx..end_idx];
        // The caption may wrap onto the next line(s) before the case number.
        let mut caption = caption.clone();
        for l in item_lines.iter().skip(1).take(2) {
            let t = l.text.trim();
            if t.is_empty() || CASE.is_match(t) || SECTION_CUES.contains(&t) {
                break;
            }
            caption.push(' ');
            caption.push_str(t);
        }
        let case = item_lines
            .iter()
            .take(6)
            .find_map(|l| CASE.captures(l.text))
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().to_string());
        let mut item_pages: Vec<Page> = Vec::new();
        for l in item_lines {
            let Some(page) = pages.iter().find(|p| p.number == l.page) else {
                continue;
            };
            let text = page.text.get(l.start..l.end).unwrap_or_default();
            match item_pages.last_mut() {
                Some(p) if p.number == l.page => {
                    p.text.push('\n');
                    p.text.push_str(text);
                }
                _ => item_pages.push(Page {
                    number: l.page,
                    text: text.to_string(),
                }),
            }
        }
        let body: String = item_pages
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let facts = super::agenda_facts(
            &super::AgendaItemSource {
                committee: &committee,
                date,
                number: &number.to_string(),
                caption: &caption,
                case_number: case.as_deref(),
                attachments: &[],
                fields: &[],
                staff: &[],
            },
            &body,
            &recommendation(&body),
        );
        let mut meta = DocumentMeta {
            title: Some(MetaValue::given(caption)),
            ..Default::default()
        };
        if date > 0 {
            meta.year = Some(MetaValue::given((date / 10000) as u32));
        }
        docs.push(SourceDocument {
            doc_id: format!("{}#{}", path.to_string_lossy(), number),
            meta,
            date,
            pages: item_pages,
            sections: Vec::new(),
            facts,
        });
    }
    Some(docs)
}

/// The text under "Indstilling" and "Beslutning" headings (what is recommended and decided).
fn recommendation(body: &str) -> String {
    let mut out = String::new();
    let mut keep = false;
    for line in body.lines() {
        let t = line.trim();
        if SECTION_CUES.contains(&t) || t == "Høring" || t == "Lovgrundlag" || t == "Bilag" {
            keep = t == "Indstilling" || t == "Beslutning";
            continue;
        }
        if keep {
            out.push_str(t);
            out.push(' ');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(n: u32, t: &str) -> Page {
        Page {
            number: n,
            text: t.to_string(),
        }
    }

    #[test]
    fn committee_names_keep_every_suspended_part() {
        for name in [
            "Skole-, Børne- og Ungeudvalget",
            "Kultur-, Idræts- og Fritidsudvalget",
            "Social- og Handicapudvalget",
            "Økonomiudvalget",
        ] {
            let text = format!("Referat fra mødet i {name} den 3. maj");
            let found = COMMITTEE.find(&text).map(|m| m.as_str());
            assert_eq!(found, Some(name));
        }
    }

    #[test]
    fn splits_minutes_into_items_keeping_page_numbers() {
        let pages = vec![
            page(
                1,
                "Egeby Kommune\nReferat – Sundheds- og\nOmsorgsudvalget 8. september 2025\nReferat\nDato: 2025-09-08\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n2. Sundhedspolitik 2026-2029, udsendelse i\nhøring\nSagsnr.: 25-008500\nIndstilling\nAdministrationen indstiller, at udkastet sendes i høring.",
            ),
            page(2, "Beslutning\nGodkendt.\n3. Eventuelt\nBeslutning\nIntet."),
        ];
        let docs = split_agenda(Path::new("m.pdf"), &pages).unwrap();
        assert_eq!(docs.len(), 3);
        let item2 = &docs[1];
        assert_eq!(
            item2.meta.title.as_ref().unwrap().value,
            "Sundhedspolitik 2026-2029, udsendelse i høring"
        );
        assert_eq!(
            item2.pages.iter().map(|p| p.number).collect::<Vec<_>>(),
            [1, 2]
        );
        assert_eq!(item2.facts.case_number.as_deref(), Some("25-008500"));
        assert_eq!(
            item2.facts.committee.as_deref(),
            Some("Sundheds- og Omsorgsudvalget")
        );
        assert_eq!(item2.facts.stage, Some(crate::process::Stage::Consultation));
        assert_eq!(item2.date, 20250908);
        assert_eq!(docs[2].pages[0].number, 2);
    }

    #[test]
    fn a_policy_with_numbered_headings_is_not_an_agenda() {
        let pages = vec![page(
            1,
            "Sundhedspolitik\n1. Indledning\nTekst.\n2. Mål\nVi vil.",
        )];
        assert!(split_agenda(Path::new("p.pdf"), &pages).is_none());
    }
}
