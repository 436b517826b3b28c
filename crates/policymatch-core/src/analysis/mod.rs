//! The Danish analyzer: tokenise, lower-case (æ, ø, å kept), drop stop words, Snowball-stem.
//!
//! Registered in tantivy under [`DANISH`] by [`register`], which every create and open path
//! of [`crate::index`] calls (tantivy does not store analyzers in the index).
//!
//! Seam for compound splitting: [`danish_analyzer`] is the one place the filter chain is
//! built; a compound filter goes between the stop-word filter and the stemmer.

use serde::Serialize;
use tantivy::tokenizer::{
    Language, LowerCaser, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer, TokenStream,
};

/// Name under which the Danish analyzer is registered in tantivy.
pub const DANISH: &str = "policymatch_danish";

/// Builds the Danish analyzer.
pub fn danish_analyzer() -> TextAnalyzer {
    let mut builder = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .dynamic();
    if let Some(stop) = StopWordFilter::new(Language::Danish) {
        builder = builder.filter_dynamic(stop);
    }
    builder
        .filter_dynamic(Stemmer::new(Language::Danish))
        .build()
}

/// Registers the Danish analyzer with `index`.
pub fn register(index: &tantivy::Index) {
    index.tokenizers().register(DANISH, danish_analyzer());
}

/// One token as the analyzer emits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnalyzedToken {
    /// The token text (a stem or a compound part's stem).
    pub text: String,
    /// Position in the token stream; compound parts share the whole word's position.
    pub position: usize,
    /// Byte offset of the start of the source word in the input.
    pub offset_from: usize,
    /// Byte offset just past the end of the source word in the input.
    pub offset_to: usize,
}

/// Runs the Danish analyzer over `text`.
pub fn analyze(text: &str) -> Vec<AnalyzedToken> {
    let mut analyzer = danish_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(t) = stream.next() {
        out.push(AnalyzedToken {
            text: t.text.clone(),
            position: t.position,
            offset_from: t.offset_from,
            offset_to: t.offset_to,
        });
    }
    out
}
