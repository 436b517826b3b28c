//! Sidecar files: what `fetch` knows about a downloaded attachment (bilag), kept beside it so
//! that `index` links the attachment to its agenda item.
//!
//! The sidecar of `folder/name.pdf` is `folder/.name.pdf.policymatch.json` (hidden, so the
//! walk never indexes it). It holds `{"attachment_of": {...}}`, an [`AttachmentOf`]. `index`
//! stores it in the extra metadata of each document read from the attachment, and fills in
//! the item's committee, meeting date and case number where the document has none of its
//! own, so that suggestions, deadlines and the report show the item as the source.

use std::path::{Path, PathBuf};

pub use crate::document::AttachmentOf;

/// The key of the sidecar's object, and of the document's extra metadata that holds it.
pub const KEY: &str = "attachment_of";

/// The sidecar path of `file`.
pub fn path_for(file: &Path) -> PathBuf {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    file.with_file_name(format!(".{name}.policymatch.json"))
}

/// The sidecar's content for `of`.
pub fn to_json(of: &AttachmentOf) -> String {
    // A struct of strings always serialises.
    serde_json::to_string_pretty(&serde_json::json!({ KEY: of })).unwrap_or_default() + "\n"
}

/// Reads the sidecar of `file`; `None` when there is none or it cannot be read as one (a
/// sidecar is a hint: a broken one leaves the file indexed as it is).
pub fn read(file: &Path) -> Option<AttachmentOf> {
    let text = std::fs::read_to_string(path_for(file)).ok()?;
    #[derive(serde::Deserialize)]
    struct Sidecar {
        attachment_of: AttachmentOf,
    }
    let sidecar: Sidecar = serde_json::from_str(&text).ok()?;
    Some(sidecar.attachment_of)
}

/// Links a document read from an attachment to its item: `attachment_of` in its extra
/// metadata, and the item's committee, meeting date and case number where it has none; its
/// date becomes the meeting's when it has none.
pub fn apply(doc: &mut crate::document::SourceDocument, of: &AttachmentOf) {
    let facts = &mut doc.facts;
    facts.attachment_of = Some(of.clone());
    let fill = |field: &mut Option<String>, v: Option<&String>| {
        if field.as_deref().is_none_or(str::is_empty)
            && let Some(v) = v
        {
            *field = Some(v.clone());
        }
    };
    fill(&mut facts.committee, Some(&of.committee));
    fill(&mut facts.meeting_date, Some(&of.meeting_date));
    fill(&mut facts.case_number, of.case_number.as_ref());
    if doc.date == 0 {
        let digits: String = of
            .meeting_date
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        if digits.len() == 8 {
            doc.date = digits.parse().unwrap_or(0);
        }
    }
}

#[cfg(test)]
mod tests {
    /// A test's outcome: an error fails it with its message.
    type TestResult = Result<(), Box<dyn std::error::Error>>;
    use super::*;
    use crate::document::SourceDocument;

    fn sample() -> AttachmentOf {
        AttachmentOf {
            committee: "Sundheds- og Omsorgsudvalget".into(),
            meeting_date: "2025-06-02".into(),
            item: "4".into(),
            caption: "Sundhedspolitik - høring".into(),
            case_number: Some("25-1234".into()),
            agenda: "greve-x.json".into(),
            url: "http://127.0.0.1/Vis/Pdf/bilag/abc".into(),
        }
    }

    #[test]
    fn the_sidecar_is_hidden_beside_the_file_and_read_back() -> TestResult {
        let dir = tempfile::tempdir()?;
        let pdf = dir.path().join("a.pdf");
        assert_eq!(path_for(&pdf), dir.path().join(".a.pdf.policymatch.json"));
        assert_eq!(read(&pdf), None);
        std::fs::write(path_for(&pdf), to_json(&sample()))?;
        assert_eq!(read(&pdf), Some(sample()));
        std::fs::write(path_for(&pdf), "{broken")?;
        assert_eq!(read(&pdf), None);
        Ok(())
    }

    #[test]
    fn apply_fills_what_the_document_lacks_and_keeps_what_it_has() {
        let mut doc = SourceDocument::default();
        apply(&mut doc, &sample());
        let f = &doc.facts;
        assert_eq!(f.committee.as_deref(), Some("Sundheds- og Omsorgsudvalget"));
        assert_eq!(f.case_number.as_deref(), Some("25-1234"));
        assert_eq!(f.meeting_date.as_deref(), Some("2025-06-02"));
        assert_eq!(doc.date, 20250602);
        assert_eq!(f.attachment_of, Some(sample()));
        let mut item = SourceDocument {
            date: 20240101,
            facts: crate::document::Facts {
                kind: Some(crate::document::ItemKind::AgendaItem),
                committee: Some("Byrådet".into()),
                ..Default::default()
            },
            ..Default::default()
        };
        apply(&mut item, &sample());
        assert_eq!(item.facts.committee.as_deref(), Some("Byrådet"));
        assert_eq!(item.date, 20240101);
        assert_eq!(
            sample().describe("item"),
            "item 4 «Sundhedspolitik - høring», Sundheds- og Omsorgsudvalget 2025-06-02"
        );
    }
}
