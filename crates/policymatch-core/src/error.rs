//! Typed errors of the core library.

use std::path::PathBuf;

/// Everything that can go wrong in the core library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Text could not be extracted from a document.
    #[error("{path}: {source}")]
    Extract {
        /// The document.
        path: PathBuf,
        /// Why extraction failed.
        source: crate::extract::ExtractError,
    },
    /// The search index failed.
    #[error("index {path}: {message}")]
    Index {
        /// The index directory.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// There is no index at `path` (the folder is missing or holds none).
    #[error(
        "index {path}: no index here; run `policymatch index FOLDER` first (or pass --index DIR)"
    )]
    NoIndex {
        /// The index directory.
        path: PathBuf,
    },
    /// Another process holds the index's write lock.
    #[error("index {path} is locked by {holder}; wait for it to finish or stop it")]
    Locked {
        /// The index directory.
        path: PathBuf,
        /// Who holds the lock (process id and command, when known).
        holder: String,
    },
    /// A metadata manifest is malformed.
    #[error("{path}:{line}: {problem}")]
    Manifest {
        /// The manifest file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        problem: crate::problem::ManifestProblem,
    },
    /// A search query could not be parsed.
    #[error("query {query:?}: {message}")]
    Query {
        /// The query text.
        query: String,
        /// What is wrong.
        message: String,
    },
}

/// Result with the core [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An I/O error for `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// An index error for the index at `path`.
    pub fn index(path: impl Into<PathBuf>, err: impl std::fmt::Display) -> Self {
        Error::Index {
            path: path.into(),
            message: err.to_string(),
        }
    }
}
