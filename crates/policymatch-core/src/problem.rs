//! Why a file gave nothing to index: one typed reason for every file that `index` skips or
//! that fails, from the walk, the reading, and each reader.
//!
//! A [`Problem`] has a stable [`code`](Problem::code) for programs and an English text (its
//! `Display`, the words of the JSON summary); the command line says it in the reader's
//! language from its variant and details. It is serialisable, because a worker process sends
//! it back with its [`crate::index::build::Loaded`].

use crate::extract::ExtractError;
use serde::{Deserialize, Serialize};

/// Why a file was skipped or failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Problem {
    /// A file of a kind policymatch does not read.
    #[error("not a supported document (PDF, agenda JSON or XML, Word .doc or .docx, HTML or text)")]
    Unsupported,
    /// The path does not exist (or vanished during the run).
    #[error("no such file or folder")]
    NotFound,
    /// A symbolic link whose target does not exist.
    #[error("broken symbolic link")]
    BrokenLink,
    /// A symbolic link that leads back into itself.
    #[error("symbolic link loop")]
    LinkLoop,
    /// A link to a folder the walk has already visited.
    #[error("symbolic link loop (folder already visited)")]
    FolderVisited,
    /// Folders nested deeper than the walk goes.
    #[error("folder nesting too deep")]
    TooDeep,
    /// Neither a file nor a folder (a device, a socket, a pipe).
    #[error("not a regular file")]
    NotRegular,
    /// An ignore file with a pattern that does not parse: the parser's words.
    #[error("ignore patterns not used: {0}")]
    IgnorePatterns(String),
    /// Several problems with one path (an ignore file with several bad lines).
    #[error("{}", join(.0))]
    Several(Vec<Problem>),
    /// A manifest that cannot be used: the line that is wrong, and what.
    #[error("manifest not used: line {line}: {problem}")]
    Manifest {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        problem: ManifestProblem,
    },
    /// A manifest that cannot be read.
    #[error("manifest not used: {detail}")]
    ManifestUnreadable {
        /// What kind of failure.
        kind: IoKind,
        /// The system's words.
        detail: String,
    },
    /// Larger on disk than the limit allows (both in bytes).
    #[error("{}", crate::size::over_limit(*size, *limit))]
    TooLarge {
        /// The file's size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The file cannot be read.
    #[error("cannot read: {detail}")]
    Unreadable {
        /// What kind of failure.
        kind: IoKind,
        /// The system's words.
        detail: String,
    },
    /// Any other failure of the file system: the system's words.
    #[error("{0}")]
    Io(String),
    /// No text from a PDF, or a PDF that fails (or a worker that ran out of time or memory).
    #[error(transparent)]
    Extract(ExtractError),
    /// A `.docx` file that gives no text.
    #[error(transparent)]
    Docx(DocxError),
    /// A `.doc` file that gives no text.
    #[error(transparent)]
    Doc(DocError),
    /// A text, HTML, JSON or XML file that is not UTF-8.
    #[error("not valid UTF-8 text")]
    NotUtf8,
    /// A file whose text is empty or only white space.
    #[error("no text")]
    NoText,
    /// A `.json` file that does not parse: the parser's words.
    #[error("invalid JSON: {0}")]
    JsonInvalid(String),
    /// JSON that is not an agenda export.
    #[error("JSON is not an agenda export (no \"Dagsordenpunkter\" list)")]
    JsonNotAgenda,
    /// An agenda export without items.
    #[error("agenda without items")]
    JsonNoItems,
    /// XML that is not an agenda publication.
    #[error("XML is not an agenda publication (SBSYS/eDagsorden <Publication>)")]
    XmlNotAgenda,
    /// An agenda publication whose XML is broken: the parser's words.
    #[error("damaged agenda publication XML: {0}")]
    XmlDamaged(String),
    /// An agenda publication without items.
    #[error("agenda publication without items")]
    XmlNoItems,
    /// A reader panicked (a bug): the panic's message, on one line.
    #[error("reader crashed: {0}")]
    ReaderCrashed(String),
    /// A bug in how the run called a reader.
    #[error("internal: {0}")]
    Internal(String),
}

/// What is wrong in a manifest (see [`crate::metadata::Manifest`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ManifestProblem {
    /// No rows at all.
    #[error("empty manifest; expected a header row with a `file` column")]
    Empty,
    /// A row the table reader cannot read: its words.
    #[error("unreadable row: {0}")]
    Row(String),
    /// The header row has no `file` column.
    #[error("no `file` column in the header row")]
    NoFileColumn,
    /// A row without a file name.
    #[error("row has no value in the `file` column")]
    NoFile,
    /// A year that is not a number: the cell.
    #[error("year {0:?} is not a number")]
    Year(String),
}

/// The kind of an I/O failure, as far as a reader of the reason cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum IoKind {
    /// The file is gone.
    NotFound,
    /// No permission to read it.
    PermissionDenied,
    /// A folder where a file was expected.
    IsADirectory,
    /// Anything else.
    Other,
}

impl From<std::io::ErrorKind> for IoKind {
    fn from(kind: std::io::ErrorKind) -> Self {
        match kind {
            std::io::ErrorKind::NotFound => IoKind::NotFound,
            std::io::ErrorKind::PermissionDenied => IoKind::PermissionDenied,
            std::io::ErrorKind::IsADirectory => IoKind::IsADirectory,
            _ => IoKind::Other,
        }
    }
}

/// Why a `.docx` file gives no text (see [`crate::sources::docx`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DocxError {
    /// Not a zip archive, or a damaged one: the zip reader's words.
    #[error("not a readable Word document (zip: {0})")]
    Zip(String),
    /// The archive has no `word/document.xml`.
    #[error("not a Word document (no word/document.xml)")]
    NoDocument,
    /// A part unpacks to more than [`crate::sources::docx::MAX_PART`] bytes, or the parts read
    /// to more than [`crate::sources::docx::MAX_UNPACKED`].
    #[error("Word document part {part} unpacks to {}", docx_sizes(*size, *limit, *whole_file))]
    TooLarge {
        /// The part's name in the archive.
        part: String,
        /// Bytes it unpacks to (with the parts before it, when `whole_file`).
        size: u64,
        /// The limit it is over.
        limit: u64,
        /// Whether the limit is the one for all parts of the file together.
        whole_file: bool,
    },
    /// The XML is broken, or holds a DTD: the parser's words.
    #[error("damaged Word document (XML: {0})")]
    Xml(String),
}

fn docx_sizes(size: u64, limit: u64, whole_file: bool) -> String {
    if whole_file {
        format!(
            "{} with the parts before it, over the limit of {} for one file",
            crate::size::format_size(size),
            crate::size::format_size(limit)
        )
    } else {
        crate::size::over_limit(size, limit)
    }
}

/// Why a `.doc` file gives no text (see [`crate::sources::doc`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DocError {
    /// Not a compound file, or a damaged one: the reader's words.
    #[error("not a readable Word 97-2003 document (compound file: {0})")]
    Container(String),
    /// A compound file without the `WordDocument` stream (another Office format).
    #[error("not a Word document (no WordDocument stream)")]
    NoDocument,
    /// The document is password-protected.
    #[error("encrypted Word document")]
    Encrypted,
    /// The File Information Block or the piece table is broken.
    #[error("damaged Word document ({0})")]
    Damaged(DocDamage),
}

/// What is broken in a `.doc` file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DocDamage {
    /// The table stream the File Information Block names is missing.
    #[error("no table stream")]
    NoTableStream,
    /// The piece table lies outside the table stream.
    #[error("piece table outside the table stream")]
    PieceTableOutside,
    /// The File Information Block ends early.
    #[error("file information block too short")]
    FibTooShort,
    /// The document stream does not start with a File Information Block.
    #[error("no file information block")]
    NoFib,
    /// The piece table does not parse.
    #[error("broken piece table")]
    BrokenPieceTable,
    /// A piece of text lies outside the document stream.
    #[error("text outside the document stream")]
    TextOutside,
}

fn join(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

impl Problem {
    /// A file that cannot be read, from the system's error.
    pub fn unreadable(e: &std::io::Error) -> Problem {
        Problem::Unreadable {
            kind: e.kind().into(),
            detail: e.to_string(),
        }
    }

    /// A manifest that cannot be used, from the error that reading it gave.
    pub fn manifest(e: &crate::error::Error) -> Problem {
        match e {
            crate::error::Error::Manifest { line, problem, .. } => Problem::Manifest {
                line: *line,
                problem: problem.clone(),
            },
            crate::error::Error::Io { source, .. } => Problem::ManifestUnreadable {
                kind: source.kind().into(),
                detail: source.to_string(),
            },
            other => Problem::ManifestUnreadable {
                kind: IoKind::Other,
                detail: other.to_string(),
            },
        }
    }

    /// A stable code for programs (the JSON summary gives it beside the text).
    pub fn code(&self) -> &'static str {
        use DocError as D;
        use DocxError as X;
        use ExtractError as E;
        match self {
            Problem::Unsupported => "unsupported",
            Problem::NotFound => "not_found",
            Problem::BrokenLink => "broken_link",
            Problem::LinkLoop => "link_loop",
            Problem::FolderVisited => "folder_visited",
            Problem::TooDeep => "too_deep",
            Problem::NotRegular => "not_regular",
            Problem::IgnorePatterns(_) => "ignore_patterns",
            Problem::Several(_) => "several",
            Problem::Manifest { .. } => "manifest",
            Problem::ManifestUnreadable { .. } => "manifest_unreadable",
            Problem::TooLarge { .. } => "too_large",
            Problem::Unreadable { .. } => "unreadable",
            Problem::Io(_) => "io",
            Problem::Extract(e) => match e {
                E::NoTextLayer => "no_text_layer",
                E::Encrypted => "encrypted",
                E::NotPdf => "not_pdf",
                E::Empty => "empty",
                E::Malformed(_) => "malformed_pdf",
                E::Panicked(_) => "extractor_crashed",
                E::Timeout(_) => "timeout",
                E::OutOfMemory(_) => "out_of_memory",
                E::WorkerDied(_) => "worker_died",
                E::OutputTooLarge(_) => "output_too_large",
            },
            Problem::Docx(e) => match e {
                X::Zip(_) => "docx_not_zip",
                X::NoDocument => "docx_no_document",
                X::TooLarge { .. } => "docx_too_large",
                X::Xml(_) => "docx_damaged",
            },
            Problem::Doc(e) => match e {
                D::Container(_) => "doc_not_compound",
                D::NoDocument => "doc_no_document",
                D::Encrypted => "doc_encrypted",
                D::Damaged(_) => "doc_damaged",
            },
            Problem::NotUtf8 => "not_utf8",
            Problem::NoText => "no_text",
            Problem::JsonInvalid(_) => "json_invalid",
            Problem::JsonNotAgenda => "json_not_agenda",
            Problem::JsonNoItems => "json_no_items",
            Problem::XmlNotAgenda => "xml_not_agenda",
            Problem::XmlDamaged(_) => "xml_damaged",
            Problem::XmlNoItems => "xml_no_items",
            Problem::ReaderCrashed(_) => "reader_crashed",
            Problem::Internal(_) => "internal",
        }
    }
}

impl From<ExtractError> for Problem {
    fn from(e: ExtractError) -> Self {
        Problem::Extract(e)
    }
}

impl From<DocxError> for Problem {
    fn from(e: DocxError) -> Self {
        Problem::Docx(e)
    }
}

impl From<DocError> for Problem {
    fn from(e: DocError) -> Self {
        Problem::Doc(e)
    }
}

/// Sorts files and their problems by path, then by the problem's text (so that a summary
/// reads the same on every run).
pub fn sort(list: &mut [(std::path::PathBuf, Problem)]) {
    list.sort_by_cached_key(|(path, problem)| (path.clone(), problem.to_string()));
}

/// Serialises a list of files and their problems as `[path, text, code]` triples: the JSON
/// summary's shape (path and English text, as before there were codes, then the code).
pub fn serialize_problems<S: serde::Serializer>(
    list: &[(std::path::PathBuf, Problem)],
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(list.len()))?;
    for (path, problem) in list {
        seq.serialize_element(&(path, problem.to_string(), problem.code()))?;
    }
    seq.end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_survives_the_trip_from_a_worker() -> serde_json::Result<()> {
        let all = [
            Problem::TooLarge {
                size: 3 << 20,
                limit: 1 << 20,
            },
            Problem::Extract(ExtractError::Timeout(30)),
            Problem::Docx(DocxError::NoDocument),
            Problem::Doc(DocError::Damaged(DocDamage::NoTableStream)),
            Problem::Several(vec![Problem::LinkLoop, Problem::IgnorePatterns("x".into())]),
            Problem::unreadable(&std::io::Error::from(std::io::ErrorKind::PermissionDenied)),
        ];
        for p in all {
            let back: Problem = serde_json::from_str(&serde_json::to_string(&p)?)?;
            assert_eq!(back, p);
        }
        Ok(())
    }

    #[test]
    fn the_english_text_is_the_summarys() {
        assert_eq!(
            Problem::TooLarge {
                size: 2_306_867,
                limit: 1 << 20
            }
            .to_string(),
            "2.2 MiB, over the limit of 1 MiB"
        );
        assert_eq!(
            Problem::Extract(ExtractError::NoTextLayer).to_string(),
            "no text layer (image-only or empty PDF)"
        );
        assert_eq!(
            Problem::Several(vec![Problem::LinkLoop, Problem::TooDeep]).to_string(),
            "symbolic link loop; folder nesting too deep"
        );
        assert_eq!(Problem::Extract(ExtractError::Empty).code(), "empty");
    }
}
