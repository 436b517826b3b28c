//! PDF → pages → normalised text.
//!
//! [`extract_pdf`] is the in-process entry point; it never panics (panics inside the PDF
//! backends are caught and reported as [`ExtractError::Panicked`]). Stack overflows, endless
//! loops and memory bombs cannot be caught in-process, so batch callers run extraction through
//! [`isolated`], which bounds each file's time and memory in a worker process.

mod font;
mod interp;
pub mod isolated;
mod lexer;
pub mod normalize;
mod repair;

use crate::document::Page;

/// Why no text could be extracted from a file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub enum ExtractError {
    /// The file is a PDF without a text layer (scanned, image-only or blank). Not an error for a
    /// batch: such files are skipped.
    #[error("no text layer (image-only or empty PDF)")]
    NoTextLayer,
    /// The file is encrypted and cannot be read without a password.
    #[error("encrypted")]
    Encrypted,
    /// The file is not a PDF at all.
    #[error("not a PDF (no %PDF header)")]
    NotPdf,
    /// The file is empty.
    #[error("empty file")]
    Empty,
    /// The PDF is damaged beyond what the extractor can recover.
    #[error("malformed PDF: {0}")]
    Malformed(String),
    /// The backend panicked; the message is the panic's.
    #[error("extractor crashed: {0}")]
    Panicked(String),
    /// The file took longer than the time limit.
    #[error("timed out after {0} s")]
    Timeout(u64),
    /// The file needed more memory than the limit.
    #[error("out of memory (limit {0} MiB)")]
    OutOfMemory(u64),
    /// The worker process died.
    #[error("extractor process died: {0}")]
    WorkerDied(String),
}

impl ExtractError {
    /// True for files that are skipped rather than failed (no text to index, by nature).
    pub fn is_skip(&self) -> bool {
        matches!(self, ExtractError::NoTextLayer | ExtractError::Empty)
    }
}

/// Extracts the text of each page of a PDF held in memory, as laid out in the file: words by
/// position, one text line per line, ligature characters and line-end hyphens as printed
/// (soft hyphens removed). See [`extract_pdf_normalized`] for the indexing form.
pub fn extract_pdf(bytes: &[u8]) -> Result<Vec<Page>, ExtractError> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    let raw = match raw_pages(bytes) {
        Ok(raw) => raw,
        Err(ExtractError::Malformed(_)) if !has_pdf_header(bytes) => {
            return Err(ExtractError::NotPdf);
        }
        Err(e) => return Err(e),
    };
    let raw = raw.into_iter().map(|t| t.replace('\u{ad}', "")).collect();
    let pages = normalize::number_pages(raw);
    if pages.iter().all(|p| p.text.trim().is_empty()) {
        return Err(ExtractError::NoTextLayer);
    }
    Ok(pages)
}

/// Extracts the text of each page like [`extract_pdf`] and normalises it for passages and the
/// index with [`normalize::normalize_document`]: NFKC (ligatures), hyphenation joined,
/// running headers, footers and page numbers removed.
pub fn extract_pdf_normalized(bytes: &[u8]) -> Result<Vec<Page>, ExtractError> {
    extract_pdf(bytes).map(normalize::normalize_document)
}

fn has_pdf_header(bytes: &[u8]) -> bool {
    bytes.windows(5).take(1024).any(|w| w == b"%PDF-")
}

fn has_text(pages: &[String]) -> bool {
    pages.iter().any(|p| !p.trim().is_empty())
}

fn raw_pages(bytes: &[u8]) -> Result<Vec<String>, ExtractError> {
    let run = |repair: bool| {
        std::panic::catch_unwind(|| lopdf_pages(bytes, repair))
            .unwrap_or_else(|payload| Err(ExtractError::Panicked(panic_message(&payload))))
    };
    let mut primary = run(false);
    if matches!(&primary, Ok(pages) if !has_text(pages)) {
        // Loaded but empty: a stale xref can point past the real objects; try a rebuilt one.
        if let Ok(pages) = run(true)
            && has_text(&pages)
        {
            primary = Ok(pages);
        }
    }
    match primary {
        Ok(pages) if has_text(&pages) => Ok(pages),
        Err(ExtractError::Encrypted) => Err(ExtractError::Encrypted),
        primary => match pdf_extract_pages(bytes) {
            Ok(pages) if pages.iter().any(|p| !p.trim().is_empty()) => Ok(pages),
            fallback => primary.or(fallback),
        },
    }
}

/// The primary backend: lopdf's object model and our own content-stream interpreter.
fn lopdf_pages(bytes: &[u8], force_repair: bool) -> Result<Vec<String>, ExtractError> {
    let doc = if force_repair {
        load_repaired(bytes).ok_or_else(|| ExtractError::Malformed("no objects found".into()))?
    } else {
        load_document(bytes)?
    };
    if doc.is_encrypted() {
        return Err(ExtractError::Encrypted);
    }
    let mut fonts = interp::FontCache::default();
    let mut pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    if pages.is_empty() {
        // Broken page tree: take every page object, in object order.
        pages = doc
            .objects
            .iter()
            .filter(|(_, o)| {
                o.as_dict()
                    .is_ok_and(|d| d.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"Page"))
            })
            .map(|(id, _)| *id)
            .take(100_000)
            .collect();
    }
    let scanned = std::cell::OnceCell::new();
    let raw = |num: u32| {
        scanned
            .get_or_init(|| repair::RawObjects::new(bytes))
            .stream(num)
    };
    let mut out = Vec::with_capacity(pages.len());
    for page_id in &pages {
        let text = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            interp::page_text(&doc, *page_id, &mut fonts, &raw)
        }))
        .unwrap_or_default();
        out.push(text);
    }
    Ok(out)
}

/// Loads a document with lopdf; a damaged cross-reference table is rebuilt by scanning
/// for object headers ([`repair`]).
fn load_document(bytes: &[u8]) -> Result<lopdf::Document, ExtractError> {
    let err = match lopdf::Document::load_mem(bytes) {
        Ok(doc) => return Ok(doc),
        Err(e) => classify_lopdf_error(e),
    };
    if err == ExtractError::Encrypted {
        return Err(err);
    }
    load_repaired(bytes).ok_or(err)
}

/// Loads the document with a rebuilt cross-reference table (and a `%PDF` header put in front
/// when it has none).
fn load_repaired(bytes: &[u8]) -> Option<lopdf::Document> {
    let with_header;
    let header_at = bytes.windows(5).take(1024).position(|w| w == b"%PDF-");
    let bytes = if let Some(at) = header_at {
        // lopdf reads offsets from the header, so junk before it is cut off.
        &bytes[at..]
    } else {
        with_header = [b"%PDF-1.4\n".as_slice(), bytes].concat();
        &with_header
    };
    let fixed = repair::rebuild_xref(bytes)?;
    lopdf::Document::load_mem(&fixed).ok()
}

fn classify_lopdf_error(e: lopdf::Error) -> ExtractError {
    match e {
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => ExtractError::Encrypted,
        e => {
            let msg = e.to_string();
            if msg.to_lowercase().contains("encrypt") {
                ExtractError::Encrypted
            } else {
                ExtractError::Malformed(msg)
            }
        }
    }
}

/// The fallback backend: pdf-extract, with its panics caught.
fn pdf_extract_pages(bytes: &[u8]) -> Result<Vec<String>, ExtractError> {
    let result = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(bytes));
    match result {
        Ok(Ok(pages)) => Ok(pages),
        Ok(Err(e)) => {
            let msg = e.to_string();
            if msg.to_lowercase().contains("encrypt") {
                Err(ExtractError::Encrypted)
            } else {
                Err(ExtractError::Malformed(msg))
            }
        }
        Err(payload) => Err(ExtractError::Panicked(panic_message(&payload))),
    }
}

/// The message of a caught panic payload.
pub(crate) fn panic_message(payload: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}
