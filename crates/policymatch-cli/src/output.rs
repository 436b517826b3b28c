//! Printing errors and shared output helpers, and the reader's language.

use policymatch_i18n::{Lang, t};
use std::sync::OnceLock;

static LANG: OnceLock<Lang> = OnceLock::new();

/// Chooses the language of this run, once, before the arguments are parsed (so that the help
/// and the parse errors are in it too): `--lang X` or `--lang=X` among `args`, else
/// `POLICYMATCH_LANG`, else Danish. An unknown `--lang` value is reported by the parser.
pub fn init_lang(args: impl IntoIterator<Item = std::ffi::OsString>) -> Lang {
    let args: Vec<String> = args
        .into_iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let given = args.iter().enumerate().find_map(|(i, a)| {
        if a == "--lang" {
            args.get(i + 1).and_then(|v| Lang::parse(v))
        } else {
            a.strip_prefix("--lang=").and_then(Lang::parse)
        }
    });
    *LANG.get_or_init(|| given.unwrap_or_else(Lang::from_env))
}

/// The language of this run (Danish until [`init_lang`] chose one).
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// Prints `err` and its causes on stderr as one line each, with a hint when one applies.
pub fn print_error(err: &anyhow::Error) {
    eprintln!("{}", error_line(err));
}

/// `err` and its causes as one line. Typed errors of the libraries are said in the reader's
/// language (file and reason); a parser's own detail follows verbatim.
fn error_line(err: &anyhow::Error) -> String {
    let mut line = String::new();
    let mut skip_sources = 0;
    for cause in err.chain() {
        if skip_sources > 0 {
            skip_sources -= 1;
            continue;
        }
        let (text, sources) = match localised(lang(), cause) {
            Some(found) => found,
            None => (cause.to_string(), 0),
        };
        skip_sources = sources;
        // Typed errors often end with their source already; do not say it twice. (Only a
        // repeated ending counts: a cause that merely occurs in a file name, such as
        // "encrypted" in `…-encrypted-….pdf`, is still printed.)
        if line.is_empty() {
            line = text;
        } else if !line.ends_with(&text) && !line.ends_with(&cause.to_string()) {
            line.push_str(&format!(": {text}"));
        }
    }
    t!(lang(), "cli-error", message = line)
}

/// A library error that the command reports without stopping (e.g. one profile of `watch`),
/// in the reader's language, with its sources.
pub fn describe(e: &(dyn std::error::Error + 'static)) -> String {
    let (mut line, mut skip) = localised(lang(), e).unwrap_or_else(|| (e.to_string(), 0));
    let mut source = e.source();
    while let Some(cause) = source {
        if skip > 0 {
            skip -= 1;
        } else {
            let raw = cause.to_string();
            let text = localised(lang(), cause).map_or_else(|| raw.clone(), |(t, _)| t);
            if !line.ends_with(&text) && !line.ends_with(&raw) {
                line.push_str(&format!(": {text}"));
            }
        }
        source = cause.source();
    }
    line
}

/// An I/O error's reason in `lang`; for kinds without a message of their own, the system's
/// text (of the innermost error, so that a file name is not said twice).
fn io_reason(lang: Lang, e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => t!(lang, "err-io-not-found"),
        K::PermissionDenied => t!(lang, "err-io-permission"),
        K::IsADirectory => t!(lang, "err-io-is-dir"),
        K::NotADirectory => t!(lang, "err-io-not-dir"),
        K::InvalidData => t!(lang, "err-io-invalid-data"),
        K::AlreadyExists => t!(lang, "err-io-exists"),
        K::DirectoryNotEmpty => t!(lang, "err-io-not-empty"),
        K::ReadOnlyFilesystem => t!(lang, "err-io-read-only"),
        K::StorageFull | K::QuotaExceeded => t!(lang, "err-io-full"),
        K::FileTooLarge => t!(lang, "err-io-too-large"),
        K::UnexpectedEof => t!(lang, "err-io-eof"),
        K::TimedOut => t!(lang, "err-io-timed-out"),
        K::ResourceBusy | K::ExecutableFileBusy => t!(lang, "err-io-busy"),
        K::CrossesDevices => t!(lang, "err-io-crosses-devices"),
        K::InvalidFilename => t!(lang, "err-io-bad-name"),
        K::OutOfMemory => t!(lang, "err-io-memory"),
        _ => {
            let mut inner: &(dyn std::error::Error + 'static) = e;
            while let Some(next) = inner.source() {
                inner = next;
            }
            t!(lang, "err-io-other", detail = inner.to_string())
        }
    }
}

/// The file that an I/O error from `fs-err` names: its text reads "failed to … `PATH`", and
/// its source is the system's error.
fn fs_err_path(e: &std::io::Error) -> Option<String> {
    let inner = e.get_ref()?.to_string();
    let start = inner.find('`')? + 1;
    let end = inner.rfind('`')?;
    (end > start).then(|| inner[start..end].to_string())
}

/// What is wrong in a watch configuration, in `lang`.
fn config_problem(lang: Lang, p: &policymatch_watch::ConfigProblem) -> String {
    use policymatch_watch::ConfigProblem as C;
    match p {
        C::NoProfiles => t!(lang, "err-config-no-profiles"),
        C::TopZero => t!(lang, "err-config-top-zero"),
        C::EmptyCase => t!(lang, "err-config-empty-case"),
        C::From(d) => t!(lang, "err-config-from", detail = d.as_str()),
        C::NoRecipients => t!(lang, "err-config-no-recipients"),
        C::To(d) => t!(lang, "err-config-to", detail = d.as_str()),
        C::NoHost => t!(lang, "err-config-no-host"),
        // the TOML parser's own words, and any problem added later
        other => other.to_string(),
    }
}

/// Why mail could not be made or sent, in `lang` (the mail library's detail as it says it).
fn mail_problem(lang: Lang, m: &policymatch_watch::MailError) -> Option<String> {
    use policymatch_watch::MailError as M;
    Some(match m {
        M::Address { address, detail } => t!(
            lang,
            "err-mail-address",
            address = format!("{address:?}"),
            detail = detail.as_str()
        ),
        M::Build { detail } => t!(lang, "err-mail-build", detail = detail.as_str()),
        M::Server { at, detail } => t!(
            lang,
            "err-mail-server",
            at = at.as_str(),
            detail = detail.as_str()
        ),
        M::NoPassword { user } => t!(
            lang,
            "err-mail-no-password",
            user = format!("{user:?}"),
            env = policymatch_watch::PASSWORD_ENV
        ),
        M::Send { at, detail } => t!(
            lang,
            "err-mail-send",
            at = at.as_str(),
            detail = detail.as_str()
        ),
        _ => return None,
    })
}

/// `e` in `lang` when it is a typed error the CLI knows, with the number of its sources in
/// the chain that the text already says.
fn localised(lang: Lang, e: &(dyn std::error::Error + 'static)) -> Option<(String, usize)> {
    use policymatch_core::Error as Core;
    use policymatch_matcher::ProfileError as Prof;
    let path = |p: &std::path::Path| p.display().to_string();
    if let Some(e) = e.downcast_ref::<std::io::Error>() {
        if e.get_ref().is_none() {
            return Some((io_reason(lang, e), 0));
        }
        // fs-err's error names the operation and the file in English; say the file and the
        // reason, which covers its source too
        let path = fs_err_path(e)?;
        let sources = std::iter::successors(std::error::Error::source(e), |c| c.source()).count();
        return Some((
            t!(
                lang,
                "err-file-io",
                path = path,
                reason = io_reason(lang, e)
            ),
            sources,
        ));
    }
    if let Some(e) = e.downcast_ref::<Prof>() {
        return Some(match e {
            Prof::Io { path: p, source } => (
                t!(
                    lang,
                    "err-profile-io",
                    path = path(p),
                    reason = io_reason(lang, source)
                ),
                1,
            ),
            Prof::Invalid {
                path: p,
                line,
                column,
                message,
            } => (
                t!(
                    lang,
                    "err-profile-invalid",
                    path = path(p),
                    line = *line,
                    column = *column,
                    detail = message.as_str()
                ),
                0,
            ),
            Prof::Empty { path: p } => (t!(lang, "err-profile-empty", path = path(p)), 0),
            _ => return None,
        });
    }
    if let Some(e) = e.downcast_ref::<policymatch_matcher::config::ConfigError>() {
        use policymatch_matcher::config::ConfigError as C;
        return match e {
            C::Io { path: p, source } => Some((
                t!(
                    lang,
                    "err-file-io",
                    path = path(p),
                    reason = io_reason(lang, source)
                ),
                1,
            )),
            C::Invalid { path: p, message } => Some((
                t!(
                    lang,
                    "err-rank-config",
                    path = path(p),
                    detail = message.as_str()
                ),
                0,
            )),
            _ => None,
        };
    }
    if let Some(e) = e.downcast_ref::<policymatch_core::extract::ExtractError>() {
        return Some((crate::problem::extract(lang, e), 0));
    }
    if let Some(f) = e.downcast_ref::<policymatch_fetch::FetchError>() {
        // the text says its source (a portals file's line)
        let sources = std::iter::successors(std::error::Error::source(f), |c| c.source()).count();
        return Some((crate::problem::fetch_error(lang, f), sources));
    }
    if let Some(p) = e.downcast_ref::<policymatch_core::problem::Problem>() {
        return Some((crate::problem::say(lang, p), 0));
    }
    if let Some(m) = e.downcast_ref::<policymatch_watch::MailError>() {
        return mail_problem(lang, m).map(|s| (s, 0));
    }
    if let Some(e) = e.downcast_ref::<policymatch_watch::Error>() {
        use policymatch_watch::Error as W;
        return match e {
            W::Profile(inner) => localised(lang, inner).map(|(s, n)| (s, n + 1)),
            W::Index(inner) => localised(lang, inner).map(|(s, n)| (s, n + 1)),
            W::Io { path: p, source } => Some((
                t!(
                    lang,
                    "err-file-io",
                    path = path(p),
                    reason = io_reason(lang, source)
                ),
                1,
            )),
            W::Config {
                path: p,
                line,
                column,
                problem,
            } => Some((
                t!(
                    lang,
                    "err-watch-config",
                    path = path(p),
                    line = *line,
                    column = *column,
                    detail = config_problem(lang, problem)
                ),
                0,
            )),
            W::State { path: p, problem } => Some((
                match problem {
                    policymatch_watch::StateProblem::Damaged(detail) => t!(
                        lang,
                        "err-watch-state-damaged",
                        path = path(p),
                        detail = detail.as_str()
                    ),
                    policymatch_watch::StateProblem::Version { found, expected } => t!(
                        lang,
                        "err-watch-state-version",
                        path = path(p),
                        found = *found,
                        expected = *expected
                    ),
                    _ => return None,
                },
                0,
            )),
            W::SameName { path: p } => Some((t!(lang, "err-watch-same-name", path = path(p)), 0)),
            W::Mail(m) => mail_problem(lang, m).map(|s| (s, 1)),
            W::Match(inner) => localised(lang, inner).map(|(s, n)| (s, n + 1)),
            _ => None,
        };
    }
    let e = e.downcast_ref::<Core>()?;
    Some(match e {
        Core::Io { path: p, source } => (
            t!(
                lang,
                "err-file-io",
                path = path(p),
                reason = io_reason(lang, source)
            ),
            1,
        ),
        Core::Extract { path: p, source } => (
            t!(
                lang,
                "err-file-io",
                path = path(p),
                reason = crate::problem::extract(lang, source)
            ),
            1,
        ),
        Core::Index { path: p, message } => (
            t!(lang, "err-index", path = path(p), detail = message.as_str()),
            0,
        ),
        Core::NoIndex { path: p } => (t!(lang, "err-no-index", path = path(p)), 0),
        Core::Locked { path: p, holder } => (
            t!(
                lang,
                "err-index-locked",
                path = path(p),
                holder = holder.as_str()
            ),
            0,
        ),
        Core::Manifest {
            path: p,
            line,
            problem,
        } => (
            t!(
                lang,
                "err-manifest",
                path = path(p),
                line = *line,
                detail = crate::problem::manifest(lang, problem)
            ),
            0,
        ),
        Core::Query { query, message } => (
            t!(
                lang,
                "err-query",
                query = format!("{query:?}"),
                detail = message.as_str()
            ),
            0,
        ),
        _ => return None,
    })
}

use policymatch_core::index::records::DocInfo;
use policymatch_i18n::decimal;
use std::io::IsTerminal;

/// The `document` object of JSON output.
pub fn document_json(d: &DocInfo) -> serde_json::Value {
    serde_json::json!({
        "path": d.path,
        "title": d.title,
        "municipality": d.municipality,
        "area": d.area,
        "year": d.year,
    })
}

/// Whether to use ANSI styling on stdout (a terminal, and `NO_COLOR` not set).
pub fn color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// `text` on one line with the byte ranges marked: bold on a terminal, `**…**` otherwise.
pub fn highlight(text: &str, ranges: &[(usize, usize)]) -> String {
    let (open, close) = if color() {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("**", "**")
    };
    highlight_with(text, ranges, open, close)
}

/// `text` on one line with the byte ranges between `open` and `close`.
pub fn highlight_with(text: &str, ranges: &[(usize, usize)], open: &str, close: &str) -> String {
    let mut out = String::with_capacity(text.len() + ranges.len() * 8);
    let mut pos = 0;
    let mut sorted = ranges.to_vec();
    sorted.sort_unstable();
    for (s, e) in sorted {
        if s < pos || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        out.push_str(&text[pos..s]);
        out.push_str(open);
        out.push_str(&text[s..e]);
        out.push_str(close);
        pos = e;
    }
    out.push_str(&text[pos..]);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when `err` is a write to a closed pipe (e.g. output piped into `head`): not an error.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == BrokenPipe)
            // serde_json writes through the pipe and wraps its error
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(BrokenPipe))
    })
}

/// Prints a command-line usage error as one line with a hint, in the reader's language for
/// the kinds of error people meet (clap's own rendering for the rest).
pub fn print_usage_error(e: &clap::Error) {
    let message = usage_message(lang(), e).unwrap_or_else(|| clap_message(e));
    eprintln!("{}", t!(lang(), "cli-usage-error", message = message));
}

/// What clap says about `e`, on one line.
fn clap_message(e: &clap::Error) -> String {
    let rendered = e.render().to_string();
    let mut lines = rendered.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or_default();
    let mut message = first.strip_prefix("error: ").unwrap_or(first).to_string();
    // "the following required arguments were not provided:" lists them on the next lines.
    if message.ends_with(':') {
        let listed: Vec<&str> = lines.take_while(|l| !l.starts_with("Usage:")).collect();
        message.push(' ');
        message.push_str(&listed.join(", "));
    }
    message
}

/// The context `kind` of `e` as text.
fn context(e: &clap::Error, kind: clap::error::ContextKind) -> Option<String> {
    use clap::error::ContextValue as V;
    match e.get(kind)? {
        V::String(s) => Some(s.clone()),
        V::Strings(v) => Some(v.join(", ")),
        V::StyledStr(s) => Some(s.to_string()),
        V::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        V::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// `e` in `lang` from the message files, when it is a kind they cover and clap gave the
/// details; `None` otherwise.
fn usage_message(lang: Lang, e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind as C, ErrorKind as K};
    Some(match e.kind() {
        K::MissingRequiredArgument => {
            t!(lang, "usage-missing", args = context(e, C::InvalidArg)?)
        }
        K::InvalidSubcommand => t!(
            lang,
            "usage-unknown-command",
            value = context(e, C::InvalidSubcommand)?
        ),
        K::UnknownArgument => t!(
            lang,
            "usage-unknown-argument",
            arg = context(e, C::InvalidArg)?
        ),
        K::ArgumentConflict => t!(
            lang,
            "usage-conflict",
            arg = context(e, C::InvalidArg)?,
            prior = context(e, C::PriorArg)?
        ),
        K::InvalidValue => {
            let detail = match context(e, C::ValidValue) {
                Some(values) => t!(lang, "usage-possible-values", values = values),
                None => t!(lang, "usage-empty-value"),
            };
            t!(
                lang,
                "usage-invalid-value",
                value = context(e, C::InvalidValue)?,
                arg = context(e, C::InvalidArg)?,
                detail = detail
            )
        }
        K::ValueValidation => {
            let detail = std::error::Error::source(e)?.to_string();
            t!(
                lang,
                "usage-invalid-value",
                value = context(e, C::InvalidValue)?,
                arg = context(e, C::InvalidArg)?,
                detail = detail
            )
        }
        K::MissingSubcommand | K::DisplayHelpOnMissingArgumentOrSubcommand => {
            t!(lang, "usage-missing-command")
        }
        _ => return None,
    })
}

/// `s`, or "?" when it is empty (an unknown title or municipality).
pub fn or_unknown(s: &str) -> &str {
    if s.is_empty() { "?" } else { s }
}

/// The first line of a passage in text output:
/// "1. Title — Municipality p. 3 › Heading  (score 12.34)".
pub fn passage_line(
    rank: usize,
    p: &policymatch_core::index::records::PassageRecord,
    score: f32,
) -> String {
    let heading = if p.heading.is_empty() {
        String::new()
    } else {
        format!(" › {}", p.heading)
    };
    t!(
        lang(),
        "suggest-passage",
        rank = rank,
        title = or_unknown(&p.document.title),
        municipality = or_unknown(&p.document.municipality),
        page = p.page,
        heading = heading,
        score = decimal(lang(), f64::from(score), 2)
    )
}

#[cfg(test)]
mod error_line_tests {
    use super::error_line;
    use anyhow::Context;

    #[test]
    fn cause_named_in_the_path_is_still_printed() {
        let err = Err::<(), _>(policymatch_core::extract::ExtractError::Encrypted)
            .context("/files/qpdf-encrypted-40-bit-R3.pdf")
            .expect_err("error");
        assert_eq!(
            error_line(&err),
            "policymatch: fejl: /files/qpdf-encrypted-40-bit-R3.pdf: krypteret"
        );
    }

    #[test]
    fn source_already_printed_is_not_repeated() {
        let err = Err::<(), _>(std::io::Error::other("disk on fire"))
            .context("cannot read index: disk on fire")
            .expect_err("error");
        assert_eq!(
            error_line(&err),
            "policymatch: fejl: cannot read index: disk on fire"
        );
    }
}
