//! Why a file was skipped or failed, or a URL could not be fetched, in the reader's language:
//! one message per kind of [`Problem`] (`problem-*` in `cli.ftl`) and of [`FetchError`]
//! (`fetch-err-*`), with the details the library gives.

use policymatch_core::extract::ExtractError;
use policymatch_core::problem::{DocDamage, DocError, DocxError, IoKind, ManifestProblem, Problem};
use policymatch_fetch::{Answer, FetchError, NotPdf};
use policymatch_i18n::{Lang, t};

/// A size in bytes as `lang` writes it ("2,2 MiB", "512 byte").
fn size(lang: Lang, bytes: u64) -> String {
    let english = policymatch_core::size::format_size(bytes);
    match lang {
        Lang::Da => english.replace('.', ",").replace("bytes", "byte"),
        _ => english,
    }
}

/// A failure of the kind `kind` in `lang`; the system's words `detail` for other kinds.
fn io_kind(lang: Lang, kind: IoKind, detail: &str) -> String {
    match kind {
        IoKind::NotFound => t!(lang, "err-io-not-found"),
        IoKind::PermissionDenied => t!(lang, "err-io-permission"),
        IoKind::IsADirectory => t!(lang, "err-io-is-dir"),
        _ => detail.to_string(),
    }
}

/// What is wrong in a manifest, in `lang`.
pub fn manifest(lang: Lang, p: &ManifestProblem) -> String {
    match p {
        ManifestProblem::Empty => t!(lang, "problem-manifest-empty"),
        ManifestProblem::Row(d) => t!(lang, "problem-manifest-row", detail = d.as_str()),
        ManifestProblem::NoFileColumn => t!(lang, "problem-manifest-no-file-column"),
        ManifestProblem::NoFile => t!(lang, "problem-manifest-no-file"),
        ManifestProblem::Year(y) => t!(lang, "problem-manifest-year", year = format!("{y:?}")),
        other => other.to_string(),
    }
}

/// `p` in `lang`.
pub fn say(lang: Lang, p: &Problem) -> String {
    match p {
        Problem::Unsupported => t!(lang, "problem-unsupported"),
        Problem::NotFound => t!(lang, "err-io-not-found"),
        Problem::BrokenLink => t!(lang, "problem-broken-link"),
        Problem::LinkLoop => t!(lang, "problem-link-loop"),
        Problem::FolderVisited => t!(lang, "problem-folder-visited"),
        Problem::TooDeep => t!(lang, "problem-too-deep"),
        Problem::NotRegular => t!(lang, "problem-not-regular"),
        Problem::IgnorePatterns(d) => t!(lang, "problem-ignore-patterns", detail = d.as_str()),
        Problem::Several(all) => all
            .iter()
            .map(|p| say(lang, p))
            .collect::<Vec<_>>()
            .join("; "),
        Problem::Manifest { line, problem } => t!(
            lang,
            "problem-manifest",
            line = *line,
            detail = manifest(lang, problem)
        ),
        Problem::ManifestUnreadable { kind, detail } => t!(
            lang,
            "problem-manifest-unreadable",
            reason = io_kind(lang, *kind, detail)
        ),
        Problem::TooLarge { size: s, limit } => t!(
            lang,
            "problem-too-large",
            size = size(lang, *s),
            limit = size(lang, *limit)
        ),
        Problem::Unreadable { kind, detail } => t!(
            lang,
            "problem-unreadable",
            reason = io_kind(lang, *kind, detail)
        ),
        Problem::Io(d) => t!(lang, "problem-io", detail = d.as_str()),
        Problem::Extract(e) => extract(lang, e),
        Problem::Docx(e) => docx(lang, e),
        Problem::Doc(e) => doc(lang, e),
        Problem::NotUtf8 => t!(lang, "problem-not-utf8"),
        Problem::NoText => t!(lang, "problem-no-text"),
        Problem::JsonInvalid(d) => t!(lang, "problem-json-invalid", detail = d.as_str()),
        Problem::JsonNotAgenda => t!(lang, "problem-json-not-agenda"),
        Problem::JsonNoItems => t!(lang, "problem-json-no-items"),
        Problem::XmlNotAgenda => t!(lang, "problem-xml-not-agenda"),
        Problem::XmlDamaged(d) => t!(lang, "problem-xml-damaged", detail = d.as_str()),
        Problem::XmlNoItems => t!(lang, "problem-xml-no-items"),
        Problem::ReaderCrashed(d) => t!(lang, "problem-reader-crashed", detail = d.as_str()),
        Problem::Internal(d) => t!(lang, "problem-internal", detail = d.as_str()),
        // a problem added to the library later, in its English words
        other => other.to_string(),
    }
}

/// Why no text came from a PDF (or a worker stopped), in `lang`.
pub fn extract(lang: Lang, e: &ExtractError) -> String {
    match e {
        ExtractError::NoTextLayer => t!(lang, "problem-no-text-layer"),
        ExtractError::Encrypted => t!(lang, "problem-encrypted"),
        ExtractError::NotPdf => t!(lang, "problem-not-pdf"),
        ExtractError::Empty => t!(lang, "problem-empty"),
        ExtractError::Malformed(d) => t!(lang, "problem-malformed-pdf", detail = d.as_str()),
        ExtractError::Panicked(d) => t!(lang, "problem-extractor-crashed", detail = d.as_str()),
        ExtractError::Timeout(s) => t!(lang, "problem-timeout", seconds = *s),
        ExtractError::OutOfMemory(m) => t!(lang, "problem-out-of-memory", mib = *m),
        ExtractError::WorkerDied(d) => t!(lang, "problem-worker-died", detail = d.as_str()),
        ExtractError::OutputTooLarge(m) => t!(lang, "problem-output-too-large", mib = *m),
        other => other.to_string(),
    }
}

fn docx(lang: Lang, e: &DocxError) -> String {
    match e {
        DocxError::Zip(d) => t!(lang, "problem-docx-not-zip", detail = d.as_str()),
        DocxError::NoDocument => t!(lang, "problem-docx-no-document"),
        DocxError::TooLarge {
            part,
            size: s,
            limit,
            whole_file: false,
        } => t!(
            lang,
            "problem-docx-part-too-large",
            part = part.as_str(),
            size = size(lang, *s),
            limit = size(lang, *limit)
        ),
        DocxError::TooLarge {
            part,
            size: s,
            limit,
            whole_file: true,
        } => t!(
            lang,
            "problem-docx-file-too-large",
            part = part.as_str(),
            size = size(lang, *s),
            limit = size(lang, *limit)
        ),
        DocxError::Xml(d) => t!(lang, "problem-docx-damaged", detail = d.as_str()),
        other => other.to_string(),
    }
}

fn doc(lang: Lang, e: &DocError) -> String {
    match e {
        DocError::Container(d) => t!(lang, "problem-doc-not-compound", detail = d.as_str()),
        DocError::NoDocument => t!(lang, "problem-doc-no-document"),
        DocError::Encrypted => t!(lang, "problem-doc-encrypted"),
        DocError::Damaged(damage) => {
            let detail = match damage {
                DocDamage::NoTableStream => t!(lang, "problem-doc-no-table-stream"),
                DocDamage::PieceTableOutside => t!(lang, "problem-doc-piece-table-outside"),
                DocDamage::FibTooShort => t!(lang, "problem-doc-fib-short"),
                DocDamage::NoFib => t!(lang, "problem-doc-no-fib"),
                DocDamage::BrokenPieceTable => t!(lang, "problem-doc-broken-piece-table"),
                DocDamage::TextOutside => t!(lang, "problem-doc-text-outside"),
                other => other.to_string(),
            };
            t!(lang, "problem-doc-damaged", detail = detail)
        }
        other => other.to_string(),
    }
}

/// Why an answer from an agenda portal is not what was asked for, in `lang`.
fn answer(lang: Lang, a: &Answer) -> String {
    match a {
        Answer::InvalidJson(d) => t!(lang, "problem-json-invalid", detail = d.as_str()),
        Answer::NoCommittees => t!(lang, "fetch-err-no-committees"),
        Answer::NoItems => t!(lang, "fetch-err-no-items"),
        Answer::Status(s) => format!("HTTP {s}"),
        other => other.to_string(),
    }
}

/// Why a URL could not be fetched or a file stored, in `lang`.
pub fn fetch_error(lang: Lang, e: &FetchError) -> String {
    match e {
        FetchError::Status { url, status } => format!("{url}: HTTP {status}"),
        FetchError::Timeout { url, seconds } => t!(
            lang,
            "fetch-err-timeout",
            url = url.as_str(),
            seconds = *seconds
        ),
        FetchError::TooLarge { url, limit } => t!(
            lang,
            "fetch-err-too-large",
            url = url.as_str(),
            limit = size(lang, *limit)
        ),
        FetchError::Truncated { url, got, expected } => t!(
            lang,
            "fetch-err-truncated",
            url = url.as_str(),
            got = *got,
            expected = *expected
        ),
        FetchError::RedirectLoop { url, hops } => t!(
            lang,
            "fetch-err-redirect-loop",
            url = url.as_str(),
            hops = *hops
        ),
        FetchError::WaitTooLong { url, seconds, max } => t!(
            lang,
            "fetch-err-wait-too-long",
            url = url.as_str(),
            seconds = *seconds,
            max = *max
        ),
        // the HTTP library's words
        FetchError::Transport { url, reason } => format!("{url}: {reason}"),
        FetchError::UnaskedNotModified { url } => {
            t!(lang, "fetch-err-unasked-not-modified", url = url.as_str())
        }
        FetchError::NotAPortal { url, reason } => t!(
            lang,
            "fetch-err-not-a-portal",
            url = url.as_str(),
            reason = answer(lang, reason)
        ),
        FetchError::BadAgenda { url, reason } => t!(
            lang,
            "fetch-err-bad-agenda",
            url = url.as_str(),
            reason = answer(lang, reason)
        ),
        FetchError::NotPdf { url, what } => {
            let what = match what {
                NotPdf::Html => t!(lang, "fetch-err-html"),
                NotPdf::Empty => t!(lang, "fetch-err-empty"),
                NotPdf::ContentType(c) => format!("Content-Type {c}"),
                NotPdf::NoHeader => t!(lang, "fetch-err-no-header"),
                other => other.to_string(),
            };
            t!(lang, "fetch-err-not-pdf", url = url.as_str(), what = what)
        }
        FetchError::Io { path, source } => t!(
            lang,
            "err-file-io",
            path = path.display().to_string(),
            reason = io_kind(lang, source.kind().into(), &source.to_string())
        ),
        FetchError::NotUrl { url } => t!(lang, "fetch-err-not-url", url = url.as_str()),
        FetchError::PortalsLine { file, line, source } => {
            format!("{}:{line}: {}", file.display(), fetch_error(lang, source))
        }
        FetchError::NoPortals { file } => t!(
            lang,
            "fetch-err-no-portals",
            file = file.display().to_string()
        ),
        FetchError::BadSince { value } => {
            t!(lang, "fetch-err-bad-since", value = value.as_str())
        }
        FetchError::NoCommittee { url, name, known } => t!(
            lang,
            "fetch-err-no-committee",
            url = url.as_str(),
            name = name.as_str(),
            known = known.join(", ")
        ),
    }
}
