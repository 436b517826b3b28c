//! Cutting a page into passages of about one paragraph.

use serde::{Deserialize, Serialize};

/// A passage of a page: about one paragraph, with its nearest heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    /// Byte offset of the start of the passage in the page text.
    pub start: usize,
    /// Byte offset just past the end of the passage in the page text.
    pub end: usize,
    /// The nearest heading above the passage, if any.
    pub heading: Option<String>,
}

impl Passage {
    /// The passage's text within `page_text` (the text it was cut from).
    pub fn text<'a>(&self, page_text: &'a str) -> &'a str {
        page_text.get(self.start..self.end).unwrap_or("")
    }
}

/// Cuts `page_text` into passages.
pub fn segment_page(page_text: &str) -> Vec<Passage> {
    let _ = page_text;
    Vec::new()
}
