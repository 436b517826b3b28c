//! Everything that can go wrong while matching.

/// Everything that can go wrong while matching.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The index could not be searched or read.
    #[error(transparent)]
    Index(#[from] policymatch_core::Error),
    /// Tantivy failed while searching.
    #[error("searching {path}: {source}")]
    Search {
        /// The index directory.
        path: std::path::PathBuf,
        /// The underlying error.
        source: tantivy::TantivyError,
    },
    /// The index has no Danish analyzer registered (it was not opened through
    /// [`PolicyIndex`](policymatch_core::index::PolicyIndex)).
    #[error("the index has no analyzer {0:?}; open it with PolicyIndex::open")]
    Analyzer(String),
}

/// Result of the matcher.
pub type Result<T> = std::result::Result<T, Error>;
