//! Sources other than PDF: agenda-system JSON exports, Word documents, HTML and plain text.

pub mod agenda_json;
pub mod agenda_pdf;
pub mod docx;
pub mod html;

pub use html::html_to_text;

use crate::document::Page;
use crate::index::build::{Loaded, SourceDocument};
use crate::index::walk::SourceKind;
use std::path::Path;

/// Loads a non-PDF source file.
pub fn load_non_pdf(path: &Path, bytes: &[u8], kind: SourceKind) -> Loaded {
    if kind == SourceKind::Docx {
        return match docx::docx_pages(bytes) {
            Ok(pages) => plain(path, pages.join("\u{c}")),
            Err(e) => Loaded::Failed(e.to_string()),
        };
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Loaded::Failed("not valid UTF-8 text".into());
    };
    match kind {
        SourceKind::Text => plain(path, text.to_string()),
        SourceKind::Html => plain(path, html_to_text(text)),
        SourceKind::AgendaJson => agenda_json::load(path, text),
        SourceKind::Pdf | SourceKind::Docx => {
            Loaded::Failed("internal: a binary document given to the text loader".into())
        }
    }
}

fn plain(path: &Path, text: String) -> Loaded {
    if text.trim().is_empty() {
        return Loaded::Skipped("no text".into());
    }
    let text = crate::extract::normalize::normalize_text(&text);
    let pages = text
        .split('\u{c}')
        .enumerate()
        .map(|(i, t)| Page {
            number: u32::try_from(i + 1).unwrap_or(u32::MAX),
            text: t.to_string(),
        })
        .collect();
    Loaded::Documents(vec![SourceDocument {
        doc_id: path.to_string_lossy().to_string(),
        pages,
        ..Default::default()
    }])
}

/// What the agenda loaders know of one item, for its extra metadata.
#[derive(Debug)]
pub struct AgendaItemInfo<'a> {
    /// Committee name.
    pub committee: &'a str,
    /// Meeting date as YYYYMMDD (0 when unknown).
    pub date: u64,
    /// Item number.
    pub number: &'a str,
    /// Caption.
    pub caption: &'a str,
    /// Case number.
    pub case_number: Option<&'a str>,
    /// Attachment names.
    pub attachments: &'a [String],
    /// The item's whole text.
    pub text: &'a str,
    /// The recommendation and decision text.
    pub recommendation: &'a str,
}

/// The extra metadata stored with an agenda item: committee, meeting date, item and case
/// number, attachments, stage in the policy process and administrative unit.
pub fn agenda_extra(item: &AgendaItemInfo<'_>) -> serde_json::Value {
    let stage = crate::process::stage_of(item.caption, item.recommendation);
    let unit = crate::process::administrative_unit(item.text);
    serde_json::json!({
        "kind": "agenda_item",
        "committee": item.committee,
        "meeting_date": (item.date > 0).then(|| crate::deadlines::format_date(item.date)),
        "item": item.number,
        "case_number": item.case_number,
        "attachments": item.attachments,
        "stage": stage,
        "unit": unit,
    })
}
