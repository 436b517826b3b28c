//! Sources other than PDF: agenda-system JSON exports, HTML and plain text.

pub mod agenda_json;
pub mod html;

pub use html::html_to_text;

use crate::document::Page;
use crate::index::build::{Loaded, SourceDocument};
use crate::index::walk::SourceKind;
use std::path::Path;

/// Loads a non-PDF source file.
pub fn load_non_pdf(path: &Path, bytes: &[u8], kind: SourceKind) -> Loaded {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Loaded::Failed("not valid UTF-8 text".into());
    };
    match kind {
        SourceKind::Text => plain(path, text.to_string()),
        SourceKind::Html => plain(path, html_to_text(text)),
        SourceKind::AgendaJson => agenda_json::load(path, text),
        SourceKind::Pdf => Loaded::Failed("internal: PDF given to the text loader".into()),
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
