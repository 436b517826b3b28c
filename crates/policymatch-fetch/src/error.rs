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
    /// A server that answers 304 Not Modified to a request that asked for no such thing.
    #[error("{url}: 304 Not Modified to an unconditional request")]
    UnaskedNotModified {
        /// The URL.
        url: String,
    },
    /// The URL does not answer like an agenda portal.
    #[error("{url}: not an agenda portal ({reason})")]
    NotAPortal {
        /// The committee list's URL.
        url: String,
        /// What was wrong with the answer.
        reason: Answer,
    },
    /// A meeting's answer is not an agenda.
    #[error("{url}: not an agenda ({reason})")]
    BadAgenda {
        /// The meeting's URL.
        url: String,
        /// What was wrong.
        reason: Answer,
    },
    /// An attachment that is not a PDF.
    #[error("{url}: not a PDF ({what})")]
    NotPdf {
        /// The attachment's URL.
        url: String,
        /// What it looks like instead.
        what: NotPdf,
    },
    /// A file could not be written or read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// A portal given that is not an http(s) URL.
    #[error("{url}: not an http(s) URL")]
    NotUrl {
        /// What was given.
        url: String,
    },
    /// A line of a portals file that is wrong.
    #[error("{}:{line}: {source}", file.display())]
    PortalsLine {
        /// The portals file.
        file: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        source: Box<FetchError>,
    },
    /// A portals file without portals.
    #[error("{}: no portals", file.display())]
    NoPortals {
        /// The portals file.
        file: PathBuf,
    },
    /// A `--since` that is not a date.
    #[error("--since {value}: not a date (YYYY-MM-DD or YYYY)")]
    BadSince {
        /// What was given.
        value: String,
    },
    /// A `--committee` the portal does not have.
    #[error("{url}: no committee named '{name}' (there are: {})", known.join(", "))]
    NoCommittee {
        /// The committee list's URL.
        url: String,
        /// The name asked for.
        name: String,
        /// The committees the portal has, sorted.
        known: Vec<String>,
    },
}

/// Why an answer is not the agenda portal's JSON that was asked for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Answer {
    /// Not JSON: the parser's words.
    #[error("invalid JSON: {0}")]
    InvalidJson(String),
    /// A committee list without its `Udvalg` object.
    #[error("no \"Udvalg\" object")]
    NoCommittees,
    /// An agenda without its `Dagsordenpunkter` list.
    #[error("no \"Dagsordenpunkter\" list")]
    NoItems,
    /// An error status.
    #[error("HTTP {0}")]
    Status(u16),
}

/// What an attachment that should be a PDF is instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NotPdf {
    /// A web page.
    #[error("an HTML page")]
    Html,
    /// Nothing.
    #[error("empty")]
    Empty,
    /// Something of this Content-Type.
    #[error("Content-Type {0}")]
    ContentType(String),
    /// Something without the PDF header and without a Content-Type.
    #[error("no %PDF- header")]
    NoHeader,
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
