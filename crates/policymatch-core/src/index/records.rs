//! Typed views of the records stored in the index.

use super::schema::Fields;
use serde::{Deserialize, Serialize};
use tantivy::TantivyDocument;
use tantivy::schema::Value;

/// Document-level metadata carried by every record of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocInfo {
    /// Source file path.
    pub path: String,
    /// Document identity (`path` or `path#item`).
    pub doc_id: String,
    /// Title.
    pub title: String,
    /// Municipality (empty when unknown).
    pub municipality: String,
    /// Policy area (empty when unknown).
    pub area: String,
    /// Year (0 when unknown).
    pub year: u64,
    /// Date as YYYYMMDD (0 when unknown).
    pub date: u64,
}

/// A document as listed by `policymatch list`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    /// Source file path.
    pub path: String,
    /// Document identity (`path` or `path#item`).
    #[serde(skip)]
    pub doc_id: String,
    /// Title.
    pub title: String,
    /// Municipality (empty when unknown).
    pub municipality: String,
    /// Policy area (empty when unknown).
    pub area: String,
    /// Year (0 when unknown).
    pub year: u64,
    /// Number of pages.
    pub pages: u64,
    /// Number of passages.
    pub passages: u64,
    /// Content hash of the source file.
    #[serde(skip)]
    pub hash: String,
    /// The index run that added it.
    #[serde(skip)]
    pub run: u64,
    /// What is known about the document as a case (agenda facts, inferred fields).
    #[serde(skip)]
    pub facts: crate::document::Facts,
}

/// A passage as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PassageRecord {
    /// The document it belongs to.
    pub document: DocInfo,
    /// 1-based page number.
    pub page: u64,
    /// Nearest heading (empty when none).
    pub heading: String,
    /// The passage text.
    pub text: String,
    /// Byte span in the page text.
    pub span: (u64, u64),
    /// Ordinal of the passage in its document.
    pub ordinal: u64,
    /// The index run that added it.
    pub run: u64,
    /// The document's facts with the passage's own events; in JSON under the stable key
    /// `extra`.
    #[serde(rename = "extra")]
    pub facts: crate::document::Facts,
    /// What the passage states, as stored at indexing (`None` in other sources).
    #[serde(skip)]
    pub marks: Option<crate::intent::Marks>,
}

pub(crate) fn text_of(doc: &TantivyDocument, field: tantivy::schema::Field) -> String {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string()
}

pub(crate) fn u64_of(doc: &TantivyDocument, field: tantivy::schema::Field) -> u64 {
    doc.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0)
}

fn facts_of(doc: &TantivyDocument, field: tantivy::schema::Field) -> crate::document::Facts {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(crate::document::Facts::from_json)
        .unwrap_or_default()
}

impl DocInfo {
    /// Reads the document-level fields of a stored record.
    pub fn from_doc(doc: &TantivyDocument, f: &Fields) -> DocInfo {
        DocInfo {
            path: text_of(doc, f.path),
            doc_id: text_of(doc, f.doc_id),
            title: text_of(doc, f.title),
            municipality: text_of(doc, f.municipality),
            area: text_of(doc, f.area),
            year: u64_of(doc, f.year),
            date: u64_of(doc, f.date),
        }
    }

    /// Writes the document-level fields into `doc`.
    pub fn write(&self, doc: &mut TantivyDocument, f: &Fields) {
        doc.add_text(f.path, &self.path);
        doc.add_text(f.doc_id, &self.doc_id);
        let file_name = std::path::Path::new(&self.path)
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        doc.add_text(f.file_name, file_name);
        doc.add_text(f.title, &self.title);
        doc.add_text(f.municipality, &self.municipality);
        doc.add_text(f.area, &self.area);
        doc.add_u64(f.year, self.year);
        doc.add_u64(f.date, self.date);
    }
}

impl DocumentRecord {
    /// Reads a stored document record.
    pub fn from_doc(doc: &TantivyDocument, f: &Fields) -> DocumentRecord {
        let info = DocInfo::from_doc(doc, f);
        DocumentRecord {
            path: info.path,
            doc_id: info.doc_id,
            title: info.title,
            municipality: info.municipality,
            area: info.area,
            year: info.year,
            pages: u64_of(doc, f.page),
            passages: u64_of(doc, f.ordinal),
            hash: text_of(doc, f.hash),
            run: u64_of(doc, f.run),
            facts: facts_of(doc, f.extra),
        }
    }
}

impl PassageRecord {
    /// Reads a stored passage record.
    pub fn from_doc(doc: &TantivyDocument, f: &Fields) -> PassageRecord {
        PassageRecord {
            document: DocInfo::from_doc(doc, f),
            page: u64_of(doc, f.page),
            heading: text_of(doc, f.heading),
            text: text_of(doc, f.text),
            span: (u64_of(doc, f.span_start), u64_of(doc, f.span_end)),
            ordinal: u64_of(doc, f.ordinal),
            run: u64_of(doc, f.run),
            facts: facts_of(doc, f.extra),
            marks: doc
                .get_first(f.marks)
                .and_then(|v| v.as_str())
                .and_then(crate::intent::Marks::decode),
        }
    }
}
