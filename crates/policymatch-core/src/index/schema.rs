//! The tantivy schema: one record per document and one per passage, in one index, so that a
//! single commit makes a document and all its passages visible (or none of them).

use crate::analysis::{DANISH, PLAIN};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

/// Name of the lower-casing keyword analyzer used for municipality and area filters.
pub const KEYWORD: &str = "policymatch_keyword";

/// Version of the schema and analyzers; an index made with another version must be rebuilt.
pub const SCHEMA_VERSION: u64 = 7;

/// Record kinds stored in the `kind` field.
pub mod kind {
    /// A document record (one per file or agenda item).
    pub const DOCUMENT: &str = "doc";
    /// A passage record.
    pub const PASSAGE: &str = "passage";
}

/// Handles to the schema's fields.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// `doc` or `passage`.
    pub kind: Field,
    /// The source file's path (all records from one file share it; deletion key).
    pub path: Field,
    /// Identity of the document: the path, or `path#item` for one item of an agenda file.
    pub doc_id: Field,
    /// The file name of the document (base name).
    pub file_name: Field,
    /// Content hash of the source file (document records).
    pub hash: Field,
    /// Title (analysed, stored).
    pub title: Field,
    /// Municipality (stored, keyword-analysed for filters).
    pub municipality: Field,
    /// Policy area (stored, keyword-analysed for filters).
    pub area: Field,
    /// Year (0 when unknown).
    pub year: Field,
    /// Date as YYYYMMDD (0 when unknown).
    pub date: Field,
    /// 1-based page number (passages) or page count (documents).
    pub page: Field,
    /// Heading of the passage (analysed, stored).
    pub heading: Field,
    /// Passage text (analysed with positions, stored).
    pub text: Field,
    /// Byte span start of the passage in its page text.
    pub span_start: Field,
    /// Byte span end of the passage in its page text.
    pub span_end: Field,
    /// Number of passages (documents) or ordinal of the passage in its document.
    pub ordinal: Field,
    /// The index run that added the record.
    pub run: Field,
    /// JSON object with extra metadata (inferred flags, agenda fields, deadlines).
    pub extra: Field,
    /// Markers for quick filtering: `deadline`, `consultation`, `agenda_item`.
    pub flags: Field,
    /// Case number (sagsnummer) of an agenda item.
    pub case_number: Field,
    /// What a passage states, by word position ([`crate::intent::Marks::encode`]).
    pub marks: Field,
    /// The passage's heading and text as whole words (stemmed, compounds not split), with
    /// frequencies and no positions: what a plain BM25 reading of the passage sees.
    pub words: Field,
}

/// Builds the schema and its field handles.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let danish = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(DANISH)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let keyword = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(KEYWORD)
                .set_index_option(IndexRecordOption::Basic),
        )
        .set_stored();
    let fields = Fields {
        kind: b.add_text_field("kind", STRING | STORED),
        path: b.add_text_field("path", STRING | STORED),
        doc_id: b.add_text_field("doc_id", STRING | STORED),
        file_name: b.add_text_field("file_name", STRING | STORED),
        hash: b.add_text_field("hash", STRING | STORED),
        title: b.add_text_field("title", danish.clone()),
        municipality: b.add_text_field("municipality", keyword.clone()),
        area: b.add_text_field("area", keyword),
        year: b.add_u64_field("year", INDEXED | STORED | FAST),
        date: b.add_u64_field("date", INDEXED | STORED | FAST),
        page: b.add_u64_field("page", INDEXED | STORED | FAST),
        heading: b.add_text_field("heading", danish.clone()),
        text: b.add_text_field("text", danish),
        span_start: b.add_u64_field("span_start", STORED),
        span_end: b.add_u64_field("span_end", STORED),
        ordinal: b.add_u64_field("ordinal", STORED),
        run: b.add_u64_field("run", INDEXED | STORED | FAST),
        extra: b.add_text_field("extra", STORED),
        flags: b.add_text_field("flags", STRING),
        case_number: b.add_text_field("case_number", STRING | STORED),
        marks: b.add_text_field("marks", STORED),
        words: b.add_text_field(
            "words",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(PLAIN)
                    .set_index_option(IndexRecordOption::WithFreqs),
            ),
        ),
    };
    (b.build(), fields)
}
