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
