//! The Danish analyzer: tokenise, lower-case (æ, ø, å kept), drop stop words, split compounds,
//! Snowball-stem.
//!
//! Registered in tantivy under [`DANISH`] by [`register`] (or [`register_with`] for a lexicon
//! with the user's domain words), which every create and open path of [`crate::index`] calls
//! (tantivy does not store analyzers in the index).
//!
//! The pipeline, one file per step:
//!
//! - [`tokenizer::DanishTokenizer`] cuts words at non-alphanumeric characters and keeps the
//!   hyphen of a suspended compound ("Social-" in "Social- og Handicapudvalget");
//! - tantivy's `LowerCaser` and Danish `StopWordFilter`;
//! - [`compound_filter::CompoundFilter`] keeps each word and adds its compound parts at the same
//!   position, using [`splitter::CompoundSplitter`] and a [`lexicon::Lexicon`];
//! - tantivy's Danish Snowball `Stemmer` stems the word and each part.
//!
//! The same analyzer runs at index and at query time. A compound query word therefore yields
//! several terms at one position: a query should combine them with OR (whole word boosted),
//! not as a phrase, so that "ensomhedsindsats" finds "indsats mod ensomhed".
//!
//! ```
//! use policymatch_core::analysis::analyze;
//!
//! let texts: Vec<String> = analyze("ensomhedsindsats").into_iter().map(|t| t.text).collect();
//! assert_eq!(texts, ["ensomhedsindsat", "ensom", "indsat"]);
//! ```

use std::sync::Arc;

use serde::Serialize;
use tantivy::tokenizer::{
    Language, LowerCaser, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer, TokenStream,
};

pub mod compound_filter;
pub mod lexicon;
pub mod splitter;
pub mod tokenizer;

#[cfg(test)]
mod tests;

pub use compound_filter::CompoundFilter;
pub use lexicon::Lexicon;
pub use splitter::CompoundSplitter;
pub use tokenizer::DanishTokenizer;

/// Name under which the Danish analyzer is registered in tantivy.
pub const DANISH: &str = "policymatch_danish";

/// Name under which the Danish analyzer without compound splitting
/// ([`stemming_analyzer`]) is registered in tantivy.
pub const PLAIN: &str = "policymatch_plain";

fn danish_stop_words() -> StopWordFilter {
    StopWordFilter::new(Language::Danish).unwrap_or_else(|| StopWordFilter::remove(Vec::new()))
}

/// Builds the Danish analyzer with compound splitting over the built-in lexicon.
pub fn danish_analyzer() -> TextAnalyzer {
    danish_analyzer_with(Lexicon::builtin())
}

/// Builds the Danish analyzer with compound splitting over `lexicon` (for instance
/// [`Lexicon::with_words_file`] with the user's domain words).
pub fn danish_analyzer_with(lexicon: Arc<Lexicon>) -> TextAnalyzer {
    TextAnalyzer::builder(DanishTokenizer::default())
        .filter(LowerCaser)
        .filter(danish_stop_words())
        .filter(CompoundFilter::new(lexicon))
        .filter(Stemmer::new(Language::Danish))
        .build()
}

/// Builds the Danish analyzer without compound splitting: tokenise, lower-case, drop stop words,
/// stem. The baseline for benchmarks, and usable for a field that should not split.
pub fn stemming_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(danish_stop_words())
        .filter(Stemmer::new(Language::Danish))
        .build()
}

/// Registers the Danish analyzer (built-in lexicon) with `index`.
pub fn register(index: &tantivy::Index) {
    index.tokenizers().register(DANISH, danish_analyzer());
    index.tokenizers().register(PLAIN, stemming_analyzer());
}

/// Registers the Danish analyzer over `lexicon` with `index`. Use the same lexicon every time
/// the index is opened, or query terms may not match indexed ones.
pub fn register_with(index: &tantivy::Index, lexicon: Arc<Lexicon>) {
    index
        .tokenizers()
        .register(DANISH, danish_analyzer_with(lexicon));
    index.tokenizers().register(PLAIN, stemming_analyzer());
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
    analyze_with(&mut danish_analyzer(), text)
}

/// Runs `analyzer` (for instance from [`danish_analyzer_with`]) over `text`.
pub fn analyze_with(analyzer: &mut TextAnalyzer, text: &str) -> Vec<AnalyzedToken> {
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
