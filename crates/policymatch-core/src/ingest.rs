//! Ingestion, before anything is written: a file is loaded into [`SourceDocument`]s (by a
//! [`Loader`]: PDF extraction and normalisation, or one of the [`crate::sources`] readers), each
//! is completed with what is known beside it (an attachment's sidecar, a twin PDF, the
//! manifest's metadata and inference), then segmented into passages and annotated: events and
//! intent marks per passage. [`crate::index::build`] only writes what [`prepare`] gives.

use crate::document::{
    AttachmentOf, DocumentMeta, Facts, Page, Section, SourceDocument, SourceKind,
};
use crate::extract::ExtractError;
use crate::intent::Marks;
use crate::metadata::{self, Manifest};
use crate::segment::segment_page_with;
use crate::sources::Loaded;
use std::path::Path;

/// Turns a file into documents. The CLI supplies one that extracts PDFs in worker processes;
/// [`InProcessLoader`] extracts in the calling process.
pub trait Loader: Sync {
    /// Loads `path` (already read as `bytes`) of the given kind.
    fn load(&self, path: &Path, bytes: &[u8], kind: SourceKind) -> Loaded;
}

/// A loader that extracts PDFs in-process (panics are caught, but not stack overflows or
/// endless loops: use an isolated loader for untrusted batches).
#[derive(Debug, Default, Clone, Copy)]
pub struct InProcessLoader;

impl Loader for InProcessLoader {
    fn load(&self, path: &Path, bytes: &[u8], kind: SourceKind) -> Loaded {
        match kind {
            SourceKind::Pdf => pdf_outcome(path, crate::extract::extract_pdf(bytes)),
            _ => crate::sources::load_non_pdf(path, bytes, kind),
        }
    }
}

/// Converts a PDF extraction result into a [`Loaded`].
pub fn pdf_outcome(path: &Path, result: std::result::Result<Vec<Page>, ExtractError>) -> Loaded {
    match result {
        Ok(pages) => {
            let pages = crate::extract::normalize::normalize_document(pages);
            pdf_documents(path, pages)
        }
        Err(e) if e.is_skip() || e == ExtractError::NotPdf => Loaded::Skipped(e.into()),
        Err(e) => Loaded::Failed(e.into()),
    }
}

/// The documents of an extracted, normalised PDF: its agenda items when it is an agenda,
/// else the whole file.
fn pdf_documents(path: &Path, pages: Vec<Page>) -> Loaded {
    match crate::sources::agenda_pdf::split_agenda(path, &pages) {
        Some(items) => Loaded::Documents(items),
        None => Loaded::Documents(vec![SourceDocument {
            doc_id: path.to_string_lossy().to_string(),
            pages,
            ..Default::default()
        }]),
    }
}

/// What is known about a loaded document from beside it.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The file it was read from.
    pub path: &'a Path,
    /// The key the file is indexed under (its canonical path).
    pub key: &'a str,
    /// The agenda item the file is an attachment of, from its sidecar.
    pub attachment_of: Option<&'a AttachmentOf>,
    /// The file is an agenda export of a meeting also indexed as PDF.
    pub twin: bool,
    /// Metadata given by manifests.
    pub manifest: Option<&'a Manifest>,
}

/// A document ready to be written: completed, segmented and annotated.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The document, its metadata merged with the manifest's and inferred, its facts complete.
    pub document: SourceDocument,
    /// Its passages in reading order.
    pub passages: Vec<PreparedPassage>,
}

/// One passage of a [`Prepared`] document.
#[derive(Debug, Clone)]
pub struct PreparedPassage {
    /// 1-based page number.
    pub page: u32,
    /// Nearest heading.
    pub heading: Option<String>,
    /// The passage's text.
    pub text: String,
    /// Byte span in the page text.
    pub span: (usize, usize),
    /// The document's facts with the passage's own events.
    pub facts: Facts,
    /// What the passage states.
    pub marks: Marks,
}

impl PreparedPassage {
    /// True when the passage states an event.
    pub fn has_event(&self) -> bool {
        !self.facts.deadlines.is_empty()
    }

    /// True when one of its events is a consultation.
    pub fn has_consultation(&self) -> bool {
        self.facts
            .deadlines
            .iter()
            .any(|d| d.kind == crate::deadlines::DeadlineKind::Consultation)
    }
}

/// Completes `doc` with its context, then segments and annotates it.
pub fn prepare(mut doc: SourceDocument, cx: &Context<'_>) -> Prepared {
    if let Some(of) = cx.attachment_of {
        crate::sources::sidecar::apply(&mut doc, of);
    }
    if doc.doc_id == cx.path.to_string_lossy() {
        doc.doc_id = cx.key.to_string();
    }
    doc.facts.twin |= cx.twin;
    let mut given = cx
        .manifest
        .and_then(|m| m.get(cx.path))
        .cloned()
        .unwrap_or_default();
    if doc.facts.is_agenda_item() {
        // A manifest's title names the whole file; an item keeps its own caption.
        given.title = None;
    }
    merge_meta(&mut doc.meta, given);
    metadata::infer(&mut doc.meta, cx.path, &doc.pages);
    doc.facts.inferred = [
        ("title", doc.meta.title.as_ref().map(|v| v.inferred)),
        (
            "municipality",
            doc.meta.municipality.as_ref().map(|v| v.inferred),
        ),
        ("area", doc.meta.area.as_ref().map(|v| v.inferred)),
        ("year", doc.meta.year.as_ref().map(|v| v.inferred)),
    ]
    .into_iter()
    .filter(|(_, inf)| *inf == Some(true))
    .map(|(k, _)| k.to_string())
    .collect();
    let passages = passages_of(&doc);
    Prepared {
        document: doc,
        passages,
    }
}

/// Segments each page (section by section where sections are known, else with detected
/// headings carried over page breaks), drops word salad and annotates each passage.
fn passages_of(doc: &SourceDocument) -> Vec<PreparedPassage> {
    let mut out = Vec::new();
    let mut heading: Option<String> = None;
    for page in &doc.pages {
        let sections: Vec<&Section> = doc
            .sections
            .iter()
            .filter(|s| s.page == page.number)
            .collect();
        let passages = if sections.is_empty() {
            let passages = segment_page_with(&page.text, heading.as_deref());
            heading = crate::segment::last_heading(&passages)
                .map(str::to_string)
                .or(heading);
            passages
        } else {
            sectioned_passages(&page.text, &sections)
        };
        for p in &passages {
            let text = p.text(&page.text);
            if crate::segment::is_word_salad(text) {
                continue;
            }
            let mut facts = doc.facts.clone();
            facts.deadlines = crate::deadlines::find_deadlines(text, doc.date);
            out.push(PreparedPassage {
                page: page.number,
                heading: p.heading.clone(),
                text: text.to_string(),
                span: (p.start, p.end),
                facts,
                marks: Marks::of(text),
            });
        }
    }
    out
}

/// Segments each known section separately under its own heading.
fn sectioned_passages(text: &str, sections: &[&Section]) -> Vec<crate::segment::Passage> {
    let mut out = Vec::new();
    for s in sections {
        let Some(body) = text.get(s.start..s.end) else {
            continue;
        };
        for mut p in segment_page_with(body, None) {
            p.start += s.start;
            p.end += s.start;
            p.heading = s.heading.clone().or(p.heading);
            out.push(p);
        }
    }
    out
}

fn merge_meta(meta: &mut DocumentMeta, given: DocumentMeta) {
    // Values the loader found in the document itself (e.g. an agenda item's caption) win over
    // inference but not over a manifest.
    if given.title.is_some() {
        meta.title = given.title;
    }
    if given.municipality.is_some() {
        meta.municipality = given.municipality;
    }
    if given.area.is_some() {
        meta.area = given.area;
    }
    if given.year.is_some() {
        meta.year = given.year;
    }
}
