//! Why a request or a file failed.

use std::path::PathBuf;

/// A failure to fetch one URL or to store one file. Each names what failed and why, in one
/// line.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The server answered with an error status (after retries, for 429 and 5xx).
    #[error("{url}: HTTP {status}")]
    Status {
        /// The URL.
        url: String,
        /// The status code.
        status: u16,
    },
    /// No complete answer within the time limit.
    #[error("{url}: no answer within {seconds} s")]
    Timeout {
        /// The URL.
        url: String,
        /// The time limit in seconds.
        seconds: u64,
    },
    /// The answer was larger than the size limit.
    #[error("{url}: larger than the limit of {limit} bytes")]
    TooLarge {
        /// The URL.
        url: String,
        /// The limit in bytes.
        limit: u64,
    },
    /// The body ended before its announced length.
    #[error("{url}: body cut short ({got} of {expected} bytes)")]
    Truncated {
        /// The URL.
        url: String,
        /// Bytes received.
        got: u64,
        /// Bytes announced by Content-Length.
        expected: u64,
    },
    /// Redirects that come back to a URL already visited, or too many of them.
    #[error("{url}: redirect loop ({hops} redirects)")]
    RedirectLoop {
        /// The URL first asked for.
        url: String,
        /// Redirects followed before giving up.
        hops: usize,
    },
    /// The server asked to wait longer than we are willing to.
    #[error("{url}: server asks to wait {seconds} s (Retry-After), more than the {max} s allowed")]
    WaitTooLong {
        /// The URL.
        url: String,
        /// The wait asked for.
        seconds: u64,
        /// The longest wait accepted.
        max: u64,
    },
    /// The connection failed.
    #[error("{url}: {reason}")]
    Transport {
        /// The URL.
        url: String,
        /// What went wrong.
        reason: String,
    },
    /// The URL does not answer like an agenda portal.
    #[error("{url}: not an agenda portal ({reason})")]
    NotAPortal {
        /// The committee list's URL.
        url: String,
        /// What was wrong with the answer.
        reason: String,
    },
    /// A meeting's answer is not an agenda.
    #[error("{url}: not an agenda ({reason})")]
    BadAgenda {
        /// The meeting's URL.
        url: String,
        /// What was wrong.
        reason: String,
    },
    /// An attachment that is not a PDF.
    #[error("{url}: not a PDF ({what})")]
    NotPdf {
        /// The attachment's URL.
        url: String,
        /// What it looks like instead.
        what: String,
    },
    /// A file could not be written or read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// A bad option (portal URL, date, portals file).
    #[error("{0}")]
    Usage(String),
}

impl FetchError {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> FetchError {
        FetchError::Io {
            path: path.into(),
            source,
        }
    }
}
