//! Sources other than PDF: agenda-system JSON and XML exports, Word documents (`.docx` and
//! Word 97-2003 `.doc`), HTML and plain text.

pub mod agenda_json;
pub mod agenda_pdf;
pub mod agenda_xml;
pub mod doc;
pub mod docx;
pub mod html;
pub mod sidecar;
pub mod xml;

pub use html::html_to_text;

use crate::document::{DocumentMeta, MetaValue, Page};
use crate::document::{Facts, ItemKind, Section, SourceDocument, SourceKind};
use crate::problem::Problem;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// What loading one file gave (serialisable: a worker process sends it to the indexing run,
/// see [`crate::index::isolated`]).
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Loaded {
    /// One or more documents.
    Documents(Vec<SourceDocument>),
    /// Nothing to index, by nature (no text layer, empty file).
    Skipped(Problem),
    /// The file is broken or hostile.
    Failed(Problem),
}

/// Loads a non-PDF source file.
pub fn load_non_pdf(path: &Path, bytes: &[u8], kind: SourceKind) -> Loaded {
    if kind == SourceKind::Docx {
        return match docx::docx_pages(bytes) {
            Ok(pages) => plain(path, pages.join("\u{c}")),
            Err(e) => Loaded::Failed(e.into()),
        };
    }
    if kind == SourceKind::Doc {
        return match doc::doc_pages(bytes) {
            Ok(pages) => plain(path, pages.join("\u{c}")),
            Err(e) => Loaded::Failed(e.into()),
        };
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Loaded::Failed(Problem::NotUtf8);
    };
    match kind {
        SourceKind::Text => plain(path, text.to_string()),
        SourceKind::Html => plain(path, html_to_text(text)),
        SourceKind::AgendaJson => agenda_json::load(path, text),
        SourceKind::AgendaXml => agenda_xml::load(path, text),
        SourceKind::Pdf | SourceKind::Docx | SourceKind::Doc => Loaded::Failed(Problem::Internal(
            "a binary document given to the text loader".into(),
        )),
    }
}

fn plain(path: &Path, text: String) -> Loaded {
    if text.trim().is_empty() {
        return Loaded::Skipped(Problem::NoText);
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

/// One agenda item as an agenda export gives it.
#[derive(Debug)]
pub struct AgendaItemSource<'a> {
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
    /// The item's fields as (field name, HTML content), in order (none where the item's
    /// text comes from elsewhere, as in a PDF).
    pub fields: &'a [(Option<String>, String)],
    /// Staff the agenda system names as the item's authors (XML's `CreatedBy`), as contacts.
    pub staff: &'a [crate::contacts::Contact],
}

/// The document of one agenda item: titled by its caption, its fields' sections as headed
/// sections of one page, with the item's extra metadata.
pub fn agenda_item_document(path: &Path, item: &AgendaItemSource<'_>) -> SourceDocument {
    let mut text = String::new();
    let mut sections = Vec::new();
    for (field_name, html) in item.fields {
        for s in html::html_sections(html) {
            let start = text.len();
            text.push_str(&s.text);
            sections.push(Section {
                page: 1,
                start,
                end: text.len(),
                heading: s.heading.or_else(|| field_name.clone()),
            });
            text.push_str("\n\n");
        }
    }
    let recommendation: String = sections
        .iter()
        .filter(|s| {
            s.heading.as_deref().is_some_and(|h| {
                let h = h.to_lowercase();
                h.contains("indstilling") || h.contains("beslutning")
            })
        })
        .filter_map(|s| text.get(s.start..s.end))
        .collect::<Vec<_>>()
        .join(" ");
    let facts = agenda_facts(item, &text, &recommendation);
    let mut meta = DocumentMeta {
        title: Some(MetaValue::given(item.caption.to_string())),
        ..Default::default()
    };
    if item.date > 0 {
        meta.year = Some(MetaValue::given((item.date / 10000) as u32));
    }
    if text.trim().is_empty() {
        // An item with no case text still has its caption as its one passage.
        text = item.caption.to_string();
    }
    SourceDocument {
        doc_id: format!("{}#{}", path.to_string_lossy(), item.number),
        meta,
        date: item.date,
        pages: vec![Page { number: 1, text }],
        sections,
        facts,
    }
}

/// The facts of an agenda item: committee, meeting date, item and case number, attachments,
/// stage in the policy process (from the caption and `recommendation`, the recommendation and
/// decision text), administrative units and contacts (from `text`, the item's whole text, and
/// `staff`, the people the agenda system names as the item's authors).
pub fn agenda_facts(item: &AgendaItemSource<'_>, text: &str, recommendation: &str) -> Facts {
    let units = crate::process::administrative_units(text);
    let mut contacts = crate::contacts::contacts_in(text);
    for person in item.staff {
        if !contacts.iter().any(|c| c.name == person.name) {
            contacts.push(person.clone());
        }
    }
    Facts {
        kind: Some(ItemKind::AgendaItem),
        committee: Some(item.committee.to_string()).filter(|c| !c.is_empty()),
        meeting_date: (item.date > 0).then(|| crate::dates::format_date(item.date)),
        item: Some(item.number.to_string()),
        case_number: item.case_number.map(str::to_string),
        attachments: item.attachments.to_vec(),
        stage: crate::process::stage_of(item.caption, recommendation),
        unit: units.first().cloned(),
        units,
        contacts,
        ..Facts::default()
    }
}
