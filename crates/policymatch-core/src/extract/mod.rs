//! PDF → pages (numbered from 1) → text.
//!
//! [`extract_pdf`] is the in-process entry point; it never panics (panics inside the PDF
//! backends are caught and reported as [`ExtractError::Panicked`]). Stack overflows, endless
//! loops and memory bombs cannot be caught in-process, so batch callers run extraction through
//! [`isolated`], which bounds each file's time and memory in a worker process.
//! [`extract_pdf_normalized`] is the same text in the form passages and the index want
//! (see [`normalize`]).
//!
//! # Backends and how one is chosen
//!
//! Figures are from `tools/extract_quality.py` over the 185 scored files of the shared corpus
//! (bags of words against poppler's `pdftotext`; see the tool for the exact definition).
//!
//! - **pdf-extract 0.12.1** (the first implementation): panics on 11 of the 149 Greve agenda
//!   PDFs (index out of bounds in adobe-cmap-parser on Identity-H fonts), cannot open one file
//!   with a damaged xref table, and glues or splits words because it decides spaces from the
//!   strings, not from glyph positions: `failed 12 recall 0.8612 precision 0.9836`.
//! - **pdf_oxide 0.3.78** (measured by the issue, not used): never fails but draws text that
//!   the PDF paints twice (fake bold, shadows) twice, precision 0.918; it is also a large
//!   dependency tree for this workspace's two-core builds.
//! - **Our own interpreter on lopdf** (primary, modules `lexer`, `font`, `interp`, `repair`):
//!   lopdf 0.42 (already compiled for pdf-extract) parses the file, decrypts empty-password
//!   files and unpacks object streams. On top of it a forgiving content-stream tokenizer runs
//!   the text operators (`Tf Tm Td TD T* Tj TJ ' " Tc Tw Tz TL Ts cm q Q Do`, form XObjects),
//!   decodes codes through `/ToUnicode` (own CMap parser: bfchar, bfrange with arrays,
//!   code-space ranges), Identity-H two-byte codes, predefined UCS-2 CMaps and simple-font
//!   encodings with `/Differences` (Adobe glyph list via lopdf, `uniXXXX` names), and places
//!   every glyph in device space with its width (`/Widths`, CID `/W`, Type 3 font matrix).
//!   Words come from gaps (more than 0.15 of the font size), lines from baselines, in any
//!   rotation. A word drawn again with the same text within 0.1 em along and 0.2 em across
//!   the baseline is dropped, the rule poppler uses: deduplicating single glyphs instead lost
//!   the invisible one-word-per-position layers some Greve PDFs carry (recall 0.93), and not
//!   deduplicating at all gave precision 0.905. Glyphs outside the crop/media box are dropped,
//!   as poppler does.
//!
//! The interpreter answers first. When it cannot load the file or finds no text, the file is
//! tried again with a rebuilt cross-reference table (`repair`: object headers found by
//! scanning, junk before `%PDF` cut off, a header supplied when missing), content streams that
//! lopdf could not read (missing or wrong `/Length`) are taken from a scan of the file, and
//! an empty page tree falls back to every `/Type /Page` object. Only then is pdf-extract
//! asked (panics caught), so it can only add files, never lose one; and as a last resort,
//! every stream in the file that looks like page content (found by scanning, `BT` plus a
//! text operator) is interpreted without resources, one "page" each. Result:
//! `files 185 failed 0 recall 0.9954 precision 0.9965 worst_recall 0.959`.
//!
//! # Hostile and damaged files
//!
//! Recovery techniques, each for a class of damage (unit tests build a small PDF of each):
//!
//! - **cross-reference rebuilt by scanning** (`repair::rebuild_xref`), junk before `%PDF` cut
//!   off, a header supplied; the rebuilt trailer keeps `/Encrypt` and `/ID`, or an encrypted
//!   file (e.g. one whose offsets count from before leading junk) would be read as ciphertext;
//! - **encryption without a password**: lopdf decrypts empty-user-password RC4/AES files at
//!   load; in addition (`unlock_without_password`) files whose crypt filters leave strings
//!   and streams alone (`/StmF`, `/StrF` absent or `/Identity`, as with `/AuthEvent /EFOpen`
//!   where only attachments are encrypted) are read as they are, and a file without the
//!   `/ID` the key derivation needs is tried with an empty one (also in a rebuilt trailer).
//!   Before lopdf's loader (which drops every object when the empty password does not
//!   authenticate as written, fails the file on one object that does not decrypt, decrypts
//!   with RC4 for want of a usable crypt filter, and inflates object streams whole), `crypt`
//!   loads the file with its `/Encrypt` entry hidden, repairs the encryption dictionary
//!   (missing or wrong key `/Length`, short `/U`, unknown `AES…` method, absent
//!   `/StmF`/`/StrF`), decrypts object by object and unpacks object streams within the decode
//!   budget. Anything else that stays encrypted is [`ExtractError::Encrypted`];
//! - **streams lopdf could not read** (missing or wrong `/Length`, no end-of-line after
//!   `stream`) are cut at `endstream` from a scan of the file; an object whose header is
//!   damaged (`x 0 obj`, `4 0 xbj`) is missed by the scan and read from its xref offset;
//! - **wrong or unknown filter names**: a stream whose declared filters fail but whose data
//!   starts with a zlib header is inflated (`repair::stream_content`); a truncated Flate
//!   stream keeps the output decoded before the damage (lopdf's decoder does);
//! - **missing page tree**: every `/Type /Page` object, in object order; and as the last
//!   resort every stream that looks like page content, one "page" each. Stream bytes found
//!   by scanning that no filter decodes are only taken when they read like a content stream
//!   (three quarters printable), so binary junk and ciphertext do not turn into noise;
//! - **fonts**: no `/ToUnicode` → standard encodings and `/Differences` glyph names; Type 3
//!   fonts whose glyph procedure names are not glyph-list names pass their codes through as
//!   Latin-1 (poppler does the same), so Type 3 fonts drawing other Type 3 fonts give text.
//!
//! Everything is bounded (operators, glyphs, form nesting with a cycle check, CMap sizes,
//! streams scanned). Streams are decoded by our own filters (`decode`) within 64 MiB per
//! stream and 128 MiB per document, so a decompression bomb ends in a truncated stream, not in
//! the worker's memory limit in [`isolated`] (which still bounds what lopdf and pdf-extract
//! decode themselves). Over the 311 damaged files of `badpdfs/`:
//! text (a word of two letters or more) from 160 (146 before the techniques above), no crash
//! or hang; by the same count `pdftotext` (poppler 22.12) gives 126, and every one of those
//! 126 is among our 160 (the figures, by its own count: poppler 182, pdf_oxide 133,
//! pdf-extract 55). Of the other 151, none holds a word of text that a reader could
//! recover: fuzzer reproducers without content, image-only or digit-only pages, private-use
//! Type 3 glyphs, and files that need a real password.
//!
//! # Faithful text, normalisation on request
//!
//! [`extract_pdf`] returns the text as printed (soft hyphens removed, nothing else). The
//! reference keeps ligature characters (7,496 of its words contain ﬁ, ﬂ or ﬀ) and line-end
//! hyphens, so NFKC plus hyphen joining inside `extract_pdf` cost 1.1 points of recall
//! (0.9844 instead of 0.9954), below the 0.99 target; hyphen joining alone still costs 0.2
//! (0.9933; poppler joins some line-end hyphens, keeps others); removing running headers costs
//! more.
//! [`extract_pdf_normalized`] (and [`normalize::normalize_document`] for pages already
//! extracted) applies NFKC, hyphenation joining that keeps suspended compounds, and removes
//! running headers, footers and page numbers ([`normalize::running_lines`]).
//!
//! Image-only and empty files give [`ExtractError::NoTextLayer`]; files that need a password
//! give [`ExtractError::Encrypted`].

mod crypt;
mod decode;
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
    /// The worker printed more than the output limit (in MiB) allows.
    #[error("extracted text larger than {0} MiB")]
    OutputTooLarge(u64),
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
    let defused = repair::defuse_xref_widths(bytes);
    let bytes = defused.as_deref().unwrap_or(bytes);
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
    // One decode budget for every attempt on this file (see `decode`).
    let budget = decode::Budget::default();
    let run = |repair: bool| {
        // Unwind safety: the budget is a counter, valid whatever value a panic leaves in it.
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            lopdf_pages(bytes, repair, &budget)
        }))
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
            Ok(pages) if has_text(&pages) => Ok(pages),
            fallback => {
                let scanned = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    scanned_streams(bytes, &budget)
                }))
                .unwrap_or_default();
                if has_text(&scanned) {
                    Ok(scanned)
                } else {
                    primary.or(fallback)
                }
            }
        },
    }
}

/// The primary backend: lopdf's object model and our own content-stream interpreter.
fn lopdf_pages(
    bytes: &[u8],
    force_repair: bool,
    budget: &decode::Budget,
) -> Result<Vec<String>, ExtractError> {
    // Encrypted files are opened by `crypt` first: it also copes with damaged encryption
    // dictionaries, and it unpacks object streams within the decode budget.
    let decrypted = crypt::has_encrypt_key(bytes)
        .then(|| open_encrypted(bytes, force_repair, budget).ok())
        .flatten();
    let mut doc = match decrypted {
        Some(doc) => doc,
        None => {
            let loaded = if force_repair {
                load_repaired(bytes)
                    .ok_or_else(|| ExtractError::Malformed("no objects found".into()))
            } else {
                load_document(bytes)
            };
            loaded?
        }
    };
    if doc.is_encrypted() && !unlock_without_password(&mut doc) {
        return Err(ExtractError::Encrypted);
    }
    if doc
        .encryption_state
        .as_ref()
        .is_some_and(crypt::guessed_filter)
    {
        // lopdf decrypted with RC4 for want of a usable crypt filter, which `crypt` could not
        // repair: the objects are noise.
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
        let scan = scanned.get_or_init(|| repair::RawObjects::new(bytes));
        scan.stream(num, budget)
            .or_else(|| match doc.reference_table.get(num) {
                // The scan misses objects whose header is damaged; the xref still knows where
                // they start.
                Some(lopdf::xref::XrefEntry::Normal { offset, .. }) => {
                    scan.stream_at(*offset as usize, budget)
                }
                _ => None,
            })
    };
    let mut out = Vec::with_capacity(pages.len());
    for page_id in &pages {
        let text = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            interp::page_text(&doc, *page_id, &mut fonts, budget, &raw)
        }))
        .unwrap_or_default();
        out.push(text);
    }
    Ok(out)
}

/// An encrypted file opened by [`crypt::open`]: as it is, then with a rebuilt
/// cross-reference table (only the latter when `force_repair`).
fn open_encrypted(
    bytes: &[u8],
    force_repair: bool,
    budget: &decode::Budget,
) -> Result<lopdf::Document, ExtractError> {
    if !force_repair && let Some(doc) = crypt::open(bytes, budget) {
        return Ok(doc);
    }
    repaired_bytes(bytes)
        .and_then(|fixed| crypt::open(&fixed, budget))
        .ok_or(ExtractError::Encrypted)
}

/// Loads a document with lopdf; a damaged cross-reference table is rebuilt by scanning
/// for object headers ([`repair`]).
fn load_document(bytes: &[u8]) -> Result<lopdf::Document, ExtractError> {
    let err = match load_bounded(bytes) {
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
    load_bounded(&repaired_bytes(bytes)?).ok()
}

/// The file with junk before `%PDF` cut off (lopdf reads offsets from the header) or a
/// header supplied, and a rebuilt cross-reference table ([`repair::rebuild_xref`]).
fn repaired_bytes(bytes: &[u8]) -> Option<Vec<u8>> {
    let with_header;
    let header_at = bytes.windows(5).take(1024).position(|w| w == b"%PDF-");
    let bytes = if let Some(at) = header_at {
        &bytes[at..]
    } else {
        with_header = [b"%PDF-1.4\n".as_slice(), bytes].concat();
        &with_header
    };
    repair::rebuild_xref(bytes)
}

/// lopdf's loader with object streams decoded within the stream cap
/// ([`decode::unpack_object_streams`]).
fn load_bounded(bytes: &[u8]) -> Result<lopdf::Document, lopdf::Error> {
    let options = lopdf::LoadOptions {
        filter: Some(decode::unpack_object_streams),
        ..Default::default()
    };
    lopdf::Document::load_mem_with_options(bytes, options)
}

/// Makes an encrypted document readable when no password is needed, and says whether it now
/// is. Two cases besides lopdf's own empty-password decryption at load:
///
/// - crypt filters that leave strings and streams alone (`/StmF` and `/StrF` absent or
///   `/Identity`, e.g. `/AuthEvent /EFOpen` files where only attachments are encrypted): there
///   is nothing to decrypt, so the encryption dictionary is dropped from the trailer;
/// - a file without the `/ID` the key derivation needs: an empty identifier is assumed (what
///   poppler does) and the empty user password tried.
fn unlock_without_password(doc: &mut lopdf::Document) -> bool {
    let identity_only = doc.get_encrypted().is_ok_and(|enc| {
        let version = enc.get(b"V").and_then(|v| v.as_i64()).unwrap_or(0);
        let identity = |key: &[u8]| {
            enc.get(key)
                .ok()
                .is_none_or(|f| f.as_name().is_ok_and(|n| n == b"Identity"))
        };
        version >= 4 && identity(b"StmF") && identity(b"StrF")
    });
    if identity_only {
        doc.trailer.remove(b"Encrypt");
        return true;
    }
    if doc.trailer.get(b"ID").is_err() {
        let empty = || lopdf::Object::String(Vec::new(), lopdf::StringFormat::Hexadecimal);
        doc.trailer
            .set("ID", lopdf::Object::Array(vec![empty(), empty()]));
    }
    doc.decrypt("").is_ok() && !doc.is_encrypted()
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

/// The last resort when no page can be read: every stream in the file that looks like page
/// content (`BT` and a text-showing operator), interpreted without resources, one "page"
/// each.
fn scanned_streams(bytes: &[u8], budget: &decode::Budget) -> Vec<String> {
    /// Streams looked at, at most.
    const MAX_STREAMS: usize = 10_000;
    let raw = repair::RawObjects::new(bytes);
    let mut out = Vec::new();
    for num in raw.numbers().take(MAX_STREAMS) {
        let Some(content) = raw.stream_filtered(num, true, budget) else {
            continue;
        };
        let has = |op: &[u8]| content.windows(op.len()).any(|w| w == op);
        if has(b"BT") && (has(b"Tj") || has(b"TJ") || has(b"'")) {
            let text = interp::loose_text(&content);
            if !text.trim().is_empty() {
                out.push(text);
            }
        }
    }
    out
}

/// The fallback backend: pdf-extract. It is given only files whose page tree it can walk
/// (see [`pdf_extract_can_read`]): it indexes and unwraps page attributes without checking
/// them, and a panic is a failure even when it is caught.
fn pdf_extract_pages(bytes: &[u8]) -> Result<Vec<String>, ExtractError> {
    if let Some(why) = pdf_extract_can_read(bytes) {
        return Err(ExtractError::Malformed(why));
    }
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

/// Why pdf-extract would panic on `bytes`, if it would: every page must be a dictionary with
/// an inherited `/MediaBox` (and any `/ArtBox`) of four numbers and readable content, which
/// pdf-extract takes for granted (`expect("MediaBox")`, `media_box[3]`, `unwrap()` on the
/// content). `None` when those hold.
fn pdf_extract_can_read(bytes: &[u8]) -> Option<String> {
    let doc = match load_bounded(bytes) {
        Ok(doc) => doc,
        Err(e) => return Some(format!("fallback reader: {e}")),
    };
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Some("no pages".into());
    }
    for (number, id) in pages {
        let Ok(page) = doc.get_dictionary(id) else {
            return Some(format!("page {number} is not a dictionary"));
        };
        if !has_box(&doc, page, b"MediaBox", 0) {
            return Some(format!("page {number} has no page size (MediaBox)"));
        }
        if page.get(b"ArtBox").is_ok() && !has_box(&doc, page, b"ArtBox", 32) {
            return Some(format!("page {number} has a broken ArtBox"));
        }
        if doc.get_page_content(id).is_err() {
            return Some(format!("page {number} has unreadable content"));
        }
    }
    None
}

/// Whether `dict` (or, past `depth` 32 not at all, one of its `/Parent`s) holds `key` as an
/// array of at least four numbers.
fn has_box(doc: &lopdf::Document, dict: &lopdf::Dictionary, key: &[u8], depth: usize) -> bool {
    if let Ok(value) = dict.get(key) {
        let value = match value {
            lopdf::Object::Reference(id) => match doc.get_object(*id) {
                Ok(v) => v,
                Err(_) => return false,
            },
            v => v,
        };
        return value.as_array().is_ok_and(|a| {
            a.len() >= 4
                && a.iter()
                    .take(4)
                    .all(|n| matches!(n, lopdf::Object::Integer(_) | lopdf::Object::Real(_)))
        });
    }
    if depth >= 32 {
        return false;
    }
    dict.get(b"Parent")
        .and_then(|p| p.as_reference())
        .and_then(|id| doc.get_dictionary(id))
        .is_ok_and(|parent| has_box(doc, parent, key, depth + 1))
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    const HELLO: &[u8] = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n\
2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n\
3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R \
/Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n\
4 0 obj\n<< /Length 60 >>\nstream\nBT /F1 12 Tf 10 100 Td (Hej med dig) Tj 0 -14 Td (\\370) Tj ET\nendstream\nendobj\n\
5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n\
trailer\n<< /Root 1 0 R >>\n%%EOF\n";

    /// A saved one-page document (with a cross-reference table); `page_box` and `tree_box`
    /// are the page's and the page tree's `/MediaBox`.
    fn one_page(
        page_box: Option<Vec<i64>>,
        tree_box: Option<Vec<i64>>,
    ) -> std::io::Result<Vec<u8>> {
        use lopdf::{Dictionary, Object, Stream, dictionary};
        let arr = |b: Vec<i64>| Object::Array(b.into_iter().map(Object::Integer).collect());
        let mut doc = lopdf::Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let content = Stream::new(Dictionary::new(), b"BT (Hej) Tj ET".to_vec());
        let content_id = doc.add_object(content);
        let mut page = dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        };
        if let Some(b) = page_box {
            page.set("MediaBox", arr(b));
        }
        let page_id = doc.add_object(page);
        let mut tree = dictionary! {
            "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
        };
        if let Some(b) = tree_box {
            tree.set("MediaBox", arr(b));
        }
        doc.objects.insert(pages_id, Object::Dictionary(tree));
        let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog_id);
        let mut out = Vec::new();
        doc.save_to(&mut out)?;
        Ok(out)
    }

    /// pdf-extract's `expect("MediaBox")` (badpdfs' qpdf-issue-449.pdf): a page without a
    /// page size is not given to it, so no panic is raised, caught or not.
    #[test]
    fn pdf_extract_is_not_given_a_page_without_media_box() -> Result<(), Box<dyn std::error::Error>>
    {
        let without = one_page(None, None)?;
        let why = pdf_extract_can_read(&without).ok_or("refused")?;
        assert!(why.contains("MediaBox"), "{why}");
        assert!(pdf_extract_can_read(&one_page(Some(vec![0, 0, 300]), None)?).is_some());
        assert_eq!(
            pdf_extract_can_read(&one_page(None, Some(vec![0, 0, 300, 300]))?),
            None
        );
        assert_eq!(
            pdf_extract_can_read(&one_page(Some(vec![0, 0, 30, 30]), None)?),
            None
        );
        assert!(matches!(
            pdf_extract_pages(&without),
            Err(ExtractError::Malformed(_))
        ));
        Ok(())
    }

    #[test]
    fn minimal_pdf_without_xref_is_extracted() {
        let pages = extract_pdf(HELLO).expect("text");
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].number, 1);
        assert!(pages[0].text.contains("Hej med dig"), "{:?}", pages[0].text);
        assert!(pages[0].text.contains('ø'), "{:?}", pages[0].text);
    }

    #[test]
    fn empty_and_non_pdf_inputs() {
        assert_eq!(extract_pdf(b""), Err(ExtractError::Empty));
        assert_eq!(
            extract_pdf(b"hello world, not a pdf"),
            Err(ExtractError::NotPdf)
        );
    }

    #[test]
    fn truncated_and_corrupted_inputs_never_panic() {
        for cut in (0..HELLO.len()).step_by(7) {
            let _ = extract_pdf(&HELLO[..cut]);
        }
        let mut bytes = HELLO.to_vec();
        for i in (0..bytes.len()).step_by(11) {
            bytes[i] ^= 0x5a;
            let _ = extract_pdf(&bytes);
        }
    }

    fn shared(dir: &str, name: &str) -> Option<Vec<u8>> {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared")
            .join(dir)
            .join(name);
        match std::fs::read(&path) {
            Ok(bytes) => Some(bytes),
            Err(_) => {
                eprintln!(
                    "skipped: {} not found (shared corpus absent)",
                    path.display()
                );
                None
            }
        }
    }

    #[test]
    fn real_corpus_identity_h_greve_agenda_that_crashed_pdf_extract() {
        let Some(bytes) = shared(
            "corpus",
            "greve-kultur-og-fritidsudvalget-2022-06-01-546ed697.pdf",
        ) else {
            return;
        };
        let pages = extract_pdf(&bytes).expect("text");
        let all: String = pages.iter().map(|p| p.text.as_str()).collect();
        assert!(
            all.contains("Greve Kommune"),
            "{}",
            &all[..all.len().min(300)]
        );
        assert!(all.contains("Kultur- og Fritidsudvalget"));
    }

    #[test]
    fn real_corpus_damaged_xref_is_repaired() {
        let Some(bytes) = shared("corpus", "aarhus-moedesystemgruppen-referat-2016-10-06.pdf")
        else {
            return;
        };
        let pages = extract_pdf(&bytes).expect("text after xref repair");
        assert!(pages.iter().any(|p| p.text.contains("Referat")));
    }

    #[test]
    fn real_corpus_scanned_file_has_no_text_layer() {
        let Some(bytes) = shared(
            "corpus",
            "ballerup-ejendomsoversigt-kultur-og-fritid-scannet-2012.pdf",
        ) else {
            return;
        };
        assert_eq!(extract_pdf(&bytes), Err(ExtractError::NoTextLayer));
    }

    #[test]
    fn real_corpus_running_headers_of_syddjurs_policy() {
        let Some(bytes) = shared("corpus", "syddjurs-politik-for-kultur-og-fritid-2009.pdf") else {
            return;
        };
        let pages = extract_pdf(&bytes).expect("text");
        let keys = normalize::running_lines(&pages);
        assert!(keys.iter().any(|k| k.contains("# of #")), "{keys:?}");
        let normalized = extract_pdf_normalized(&bytes).expect("text");
        assert!(normalized.iter().all(|p| !p.text.contains(" of 13")));
    }

    #[test]
    fn content_stream_bomb_is_truncated_with_its_text() {
        use std::io::Write;
        // Text, then 300 MiB of spaces, deflated on the fly (about 300 KiB).
        let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(b"BT /F1 12 Tf 10 100 Td (Hej med dig) Tj ET\n")
            .expect("in-memory write");
        let spaces = vec![b' '; 1 << 20];
        for _ in 0..300 {
            enc.write_all(&spaces).expect("in-memory write");
        }
        let bomb = enc.finish().expect("in-memory write");
        let mut pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n\
2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n\
3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R \
/Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n\
5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n"
            .to_vec();
        pdf.extend_from_slice(
            format!(
                "4 0 obj\n<< /Length {} /Filter /FlateDecode >>\nstream\n",
                bomb.len()
            )
            .as_bytes(),
        );
        pdf.extend_from_slice(&bomb);
        pdf.extend_from_slice(b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        let budget = decode::Budget::new(1 << 20, 4 << 20);
        let pages = lopdf_pages(&pdf, false, &budget).expect("pages");
        assert!(pages[0].contains("Hej med dig"), "{pages:?}");
        // The content stream was cut at the 1 MiB stream cap, not decoded whole.
        assert_eq!(budget.remaining(), 3 << 20);
    }

    #[test]
    fn badpdfs_encryption_dictionary_without_length() {
        // /Length misspelt (/Wength) in an RC4 dictionary whose key is 128 bits.
        let Some(bytes) = shared("badpdfs", "qpdf-bad-encryption-length.pdf") else {
            return;
        };
        let pages = extract_pdf(&bytes).expect("text");
        assert!(pages[0].text.contains("Potato"), "{:?}", pages[0].text);
    }

    #[test]
    fn password_protected_file_is_encrypted() {
        let Some(bytes) = shared("badpdfs", "qpdf-encrypted-40-bit-R3.pdf") else {
            return;
        };
        assert_eq!(extract_pdf(&bytes), Err(ExtractError::Encrypted));
    }
}
