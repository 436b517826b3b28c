//! Documents and pages as they come out of extraction.

use serde::{Deserialize, Serialize};

/// One page of extracted, normalised text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    /// 1-based page number.
    pub number: u32,
    /// The page's text; paragraphs are separated by blank lines.
    pub text: String,
}

/// A metadata value and whether it was inferred from the document rather than given by a
/// manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetaValue<T> {
    /// The value.
    pub value: T,
    /// True when guessed from the document's text, metadata or file name.
    pub inferred: bool,
}

impl<T> MetaValue<T> {
    /// A value given by a manifest.
    pub fn given(value: T) -> Self {
        MetaValue {
            value,
            inferred: false,
        }
    }

    /// A value inferred from the document.
    pub fn inferred(value: T) -> Self {
        MetaValue {
            value,
            inferred: true,
        }
    }
}

/// Descriptive metadata of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentMeta {
    /// Title.
    pub title: Option<MetaValue<String>>,
    /// Municipality, e.g. "Greve Kommune".
    pub municipality: Option<MetaValue<String>>,
    /// Policy area, e.g. "sundhed" or "dagsorden".
    pub area: Option<MetaValue<String>>,
    /// Year of the document.
    pub year: Option<MetaValue<u32>>,
}

/// Kinds of source files policymatch reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SourceKind {
    /// A PDF file.
    Pdf,
    /// An agenda-system JSON export.
    AgendaJson,
    /// An HTML file.
    Html,
    /// A plain text file.
    Text,
    /// A Word document (`.docx`).
    Docx,
    /// A Word 97-2003 document (`.doc`).
    Doc,
    /// An XML file: an agenda publication (SBSYS / eDagsorden) or skipped.
    AgendaXml,
}

impl SourceKind {
    /// Every kind, in declaration order.
    pub const ALL: [SourceKind; 7] = [
        SourceKind::Pdf,
        SourceKind::AgendaJson,
        SourceKind::Html,
        SourceKind::Text,
        SourceKind::Docx,
        SourceKind::Doc,
        SourceKind::AgendaXml,
    ];

    /// The kind of a path, by its extension.
    pub fn of(path: &std::path::Path) -> Option<SourceKind> {
        let ext = path.extension()?.to_string_lossy().to_lowercase();
        match ext.as_str() {
            "pdf" => Some(SourceKind::Pdf),
            "json" => Some(SourceKind::AgendaJson),
            "html" | "htm" => Some(SourceKind::Html),
            "txt" => Some(SourceKind::Text),
            "docx" => Some(SourceKind::Docx),
            "doc" => Some(SourceKind::Doc),
            "xml" => Some(SourceKind::AgendaXml),
            _ => None,
        }
    }
}

/// A document ready to be indexed: one file, or one item of an agenda file.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SourceDocument {
    /// Identity: the source path for whole files, `path#item` for agenda items.
    pub doc_id: String,
    /// Metadata (given or inferred).
    pub meta: DocumentMeta,
    /// Date as YYYYMMDD, 0 when unknown.
    pub date: u64,
    /// The pages (for agenda items, sections may stand as pages).
    pub pages: Vec<Page>,
    /// Known sections (e.g. an agenda item's "Indstilling", "Beslutning"): byte spans of a
    /// page's text with their heading. Pages with sections are segmented section by section
    /// under the given heading; other pages get detected headings.
    pub sections: Vec<Section>,
    /// What is known about the document as a case: its agenda facts and the item an
    /// attachment belongs to.
    pub facts: Facts,
}

/// A section of a page with a known heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// 1-based page number.
    pub page: u32,
    /// Byte span start in the page text.
    pub start: usize,
    /// Byte span end in the page text.
    pub end: usize,
    /// The section's heading.
    pub heading: Option<String>,
}

/// What a document is, where it is more than a file of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// One item of a committee's agenda or minutes.
    AgendaItem,
}

/// The agenda item an attachment (bilag) belongs to, as `fetch` records it beside the file
/// (see [`crate::sources::sidecar`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentOf {
    /// The committee (udvalg).
    pub committee: String,
    /// The meeting date, YYYY-MM-DD.
    pub meeting_date: String,
    /// The item number (punktnummer).
    pub item: String,
    /// The item's caption.
    pub caption: String,
    /// The case number (sagsnummer), when the item has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_number: Option<String>,
    /// File name of the meeting's agenda JSON beside the attachment.
    pub agenda: String,
    /// Where the attachment was fetched from.
    pub url: String,
}

impl AttachmentOf {
    /// "item 3 «Caption», Committee 2025-06-02", with `item_word` for "item" (e.g. "punkt").
    pub fn describe(&self, item_word: &str) -> String {
        format!(
            "{item_word} {} «{}», {} {}",
            self.item, self.caption, self.committee, self.meeting_date
        )
    }
}

/// What is known about a document, or a passage of it, as a case an association can act on:
/// the agenda facts of an item (committee, meeting, case number, stage, units, contacts), the
/// item an attachment belongs to, which metadata was inferred, and a passage's events.
///
/// It is stored with every document and passage in the index (as JSON, under the stable key
/// `extra`, with these field names) and read back typed; nothing reads it by key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    /// What the document is, where it is more than a file of text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ItemKind>,
    /// The committee whose agenda holds the item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee: Option<String>,
    /// The meeting's date, YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_date: Option<String>,
    /// The item's number on the agenda.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The case number (sagsnummer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_number: Option<String>,
    /// The item's attachments (bilag), by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<String>,
    /// Where the item's case stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<crate::process::Stage>,
    /// The first of [`Facts::units`], for readers that take one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The administrative units the item names as handling its case.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<String>,
    /// Named people to contact about the case.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<crate::contacts::Contact>,
    /// An agenda export of a meeting also indexed as PDF: searches show the PDF's pages.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub twin: bool,
    /// The agenda item the document is an attachment of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_of: Option<AttachmentOf>,
    /// Which metadata fields were inferred rather than given ("title", "municipality",
    /// "area", "year").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<String>,
    /// A passage's events (consultations, deadlines, meetings, revisions).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deadlines: Vec<crate::deadlines::Deadline>,
}

impl Facts {
    /// True for an item of a committee's agenda.
    pub fn is_agenda_item(&self) -> bool {
        self.kind == Some(ItemKind::AgendaItem)
    }

    /// Reads stored facts; empty facts for text that is not (or no longer) their JSON.
    pub fn from_json(text: &str) -> Facts {
        serde_json::from_str(text).unwrap_or_default()
    }

    /// The facts as stored.
    pub fn to_json(&self) -> String {
        // Strings, numbers, booleans and enums of unit variants always serialise.
        serde_json::to_string(self).unwrap_or_default()
    }
}
