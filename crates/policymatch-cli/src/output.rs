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

/// `err` and its causes as one line.
fn error_line(err: &anyhow::Error) -> String {
    let mut line = err.to_string();
    for cause in err.chain().skip(1) {
        // Typed errors often end with their source already; do not say it twice. (Only a
        // repeated ending counts: a cause that merely occurs in a file name, such as
        // "encrypted" in `…-encrypted-….pdf`, is still printed.)
        let cause = cause.to_string();
        if !line.ends_with(&cause) {
            line.push_str(&format!(": {cause}"));
        }
    }
    t!(lang(), "cli-error", message = line)
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
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Prints a command-line usage error as one line with a hint.
pub fn print_usage_error(e: &clap::Error) {
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
    eprintln!("{}", t!(lang(), "cli-usage-error", message = message));
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
            "policymatch: fejl: /files/qpdf-encrypted-40-bit-R3.pdf: encrypted"
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
