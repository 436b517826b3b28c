//! `watch.toml`: what to follow and where to write it.
//!
//! ```toml
//! profiles = ["profiles/ensomhed.toml"]   # association profiles (paths from this file)
//! municipalities = ["Greve"]              # only these (empty: each profile's own list)
//! cases = ["24-00123"]                    # case numbers (sagsnumre) to follow
//! out = "watch-out"                       # feeds, calendars and digests go here
//! # index = ".policymatch"                # the index (default: --index, $POLICYMATCH_INDEX)
//! # top = 10                              # new matches per profile and run
//!
//! [mail]                                  # optional
//! from = "Besøgsvennerne <watch@example.org>"
//! to = ["formand@example.org"]
//! host = "smtp.example.org"
//! port = 587                              # default: 587 (starttls), 465 (tls), 25 (none)
//! tls = "starttls"                        # "starttls", "tls" or "none"
//! user = "watch@example.org"              # the password is read from $POLICYMATCH_SMTP_PASSWORD
//! ```
//!
//! Unknown keys are errors, and every error names the file, line and column.

use crate::Error;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// Default number of new matches reported per profile and run.
pub const DEFAULT_TOP: usize = 10;

/// How the SMTP connection is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tls {
    /// Plain connection upgraded with STARTTLS (required).
    Starttls,
    /// TLS from the first byte (SMTPS).
    Tls,
    /// No encryption (a relay on the same machine).
    None,
}

impl Tls {
    /// The usual port for this kind of connection.
    pub fn default_port(self) -> u16 {
        match self {
            Tls::Starttls => 587,
            Tls::Tls => 465,
            Tls::None => 25,
        }
    }
}

/// E-mail delivery of the digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailConfig {
    /// Sender (`Name <address>` or `address`).
    pub from: String,
    /// Recipients.
    pub to: Vec<String>,
    /// SMTP server host name or address.
    pub host: String,
    /// SMTP port.
    pub port: u16,
    /// Connection security.
    pub tls: Tls,
    /// Login user; the password comes from [`crate::PASSWORD_ENV`].
    pub user: Option<String>,
}

/// A checked `watch.toml`, with paths resolved against the file's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchConfig {
    /// The file it was read from.
    pub path: PathBuf,
    /// Association profiles.
    pub profiles: Vec<PathBuf>,
    /// Only documents from these municipalities (empty: each profile's list).
    pub municipalities: Vec<String>,
    /// Case numbers to follow.
    pub cases: Vec<String>,
    /// Output folder.
    pub out: PathBuf,
    /// The index folder, when the file names one.
    pub index: Option<PathBuf>,
    /// New matches per profile and run.
    pub top: usize,
    /// E-mail, when configured.
    pub mail: Option<MailConfig>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    profiles: Spanned<Vec<PathBuf>>,
    #[serde(default)]
    municipalities: Vec<String>,
    #[serde(default)]
    cases: Vec<Spanned<String>>,
    out: PathBuf,
    index: Option<PathBuf>,
    top: Option<Spanned<usize>>,
    mail: Option<RawMail>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMail {
    from: Spanned<String>,
    to: Spanned<Vec<Spanned<String>>>,
    host: Spanned<String>,
    port: Option<u16>,
    tls: Option<Tls>,
    user: Option<String>,
}

/// What is wrong in a `watch.toml` (the English text is its `Display`; the CLI says it in
/// the reader's language).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigProblem {
    /// Not TOML, or a key or value of the wrong kind (the TOML parser's text).
    #[error("{0}")]
    Syntax(String),
    /// `profiles` is empty.
    #[error("`profiles` is empty; name at least one profile file")]
    NoProfiles,
    /// `top = 0`.
    #[error("`top` must be at least 1")]
    TopZero,
    /// A case number that is empty.
    #[error("an empty case number")]
    EmptyCase,
    /// `from` is not a mailbox (the address parser's text).
    #[error("`from`: {0}")]
    From(String),
    /// `to` is empty.
    #[error("`to` is empty; name at least one recipient")]
    NoRecipients,
    /// An address in `to` is not a mailbox (the address parser's text).
    #[error("`to`: {0}")]
    To(String),
    /// `host` is empty.
    #[error("`host` is empty")]
    NoHost,
}

/// 1-based line and column (in characters) of byte offset `at` in `text`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

impl WatchConfig {
    /// Reads and checks `path`.
    pub fn load(path: &Path) -> Result<WatchConfig, Error> {
        let text = fs_err::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        WatchConfig::parse(&text, path)
    }

    /// Parses and checks `text`; `path` names the file in errors and anchors relative paths.
    pub fn parse(text: &str, path: &Path) -> Result<WatchConfig, Error> {
        let invalid = |at: usize, problem: ConfigProblem| {
            let (line, column) = line_column(text, at);
            Error::Config {
                path: path.to_path_buf(),
                line,
                column,
                problem,
            }
        };
        let raw: Raw = toml::from_str(text).map_err(|e| {
            let at = e.span().map(|s| s.start).unwrap_or(0);
            invalid(
                at,
                ConfigProblem::Syntax(e.message().trim().replace('\n', " ")),
            )
        })?;
        if raw.profiles.get_ref().is_empty() {
            return Err(invalid(
                raw.profiles.span().start,
                ConfigProblem::NoProfiles,
            ));
        }
        let base = path.parent().unwrap_or(Path::new(""));
        let resolve = |p: &Path| {
            if p.is_absolute() {
                p.to_path_buf()
            } else {
                base.join(p)
            }
        };
        let top = match raw.top {
            Some(t) if *t.get_ref() == 0 => {
                return Err(invalid(t.span().start, ConfigProblem::TopZero));
            }
            Some(t) => t.into_inner(),
            None => DEFAULT_TOP,
        };
        let mut cases = Vec::new();
        for c in raw.cases {
            let case = c.get_ref().trim();
            if case.is_empty() {
                return Err(invalid(c.span().start, ConfigProblem::EmptyCase));
            }
            if !cases.iter().any(|k| k == case) {
                cases.push(case.to_string());
            }
        }
        let mail = match raw.mail {
            None => None,
            Some(m) => {
                crate::mail::check_address(m.from.get_ref())
                    .map_err(|e| invalid(m.from.span().start, ConfigProblem::From(e)))?;
                if m.to.get_ref().is_empty() {
                    return Err(invalid(m.to.span().start, ConfigProblem::NoRecipients));
                }
                for t in m.to.get_ref() {
                    crate::mail::check_address(t.get_ref())
                        .map_err(|e| invalid(t.span().start, ConfigProblem::To(e)))?;
                }
                if m.host.get_ref().trim().is_empty() {
                    return Err(invalid(m.host.span().start, ConfigProblem::NoHost));
                }
                let tls = m.tls.unwrap_or(Tls::Starttls);
                Some(MailConfig {
                    from: m.from.into_inner(),
                    to: m
                        .to
                        .into_inner()
                        .into_iter()
                        .map(Spanned::into_inner)
                        .collect(),
                    host: m.host.into_inner().trim().to_string(),
                    port: m.port.unwrap_or(tls.default_port()),
                    tls,
                    user: m.user.filter(|u| !u.is_empty()),
                })
            }
        };
        Ok(WatchConfig {
            path: path.to_path_buf(),
            profiles: raw
                .profiles
                .into_inner()
                .iter()
                .map(|p| resolve(p))
                .collect(),
            municipalities: raw.municipalities,
            cases,
            out: resolve(&raw.out),
            index: raw.index.as_deref().map(resolve),
            top,
            mail,
        })
    }
}

#[cfg(test)]
mod tests {
    /// A test's outcome: an error fails it with its message.
    type TestResult = Result<(), Box<dyn std::error::Error>>;
    use super::*;

    #[test]
    fn a_full_file_resolves_paths_against_its_folder() -> TestResult {
        let text = r#"
profiles = ["p/a.toml", "/abs/b.toml"]
municipalities = ["Greve"]
cases = ["24-1", "24-1", "25-2"]
out = "out"

[mail]
from = "Watch <watch@example.org>"
to = ["a@example.org"]
host = "127.0.0.1"
port = 2525
tls = "none"
"#;
        let c = WatchConfig::parse(text, Path::new("/etc/pm/watch.toml"))?;
        assert_eq!(
            c.profiles,
            vec![
                PathBuf::from("/etc/pm/p/a.toml"),
                PathBuf::from("/abs/b.toml")
            ]
        );
        assert_eq!(c.out, PathBuf::from("/etc/pm/out"));
        assert_eq!(c.cases, vec!["24-1", "25-2"]);
        assert_eq!(c.top, DEFAULT_TOP);
        let m = c.mail.ok_or("no mail")?;
        assert_eq!((m.port, m.tls, m.user), (2525, Tls::None, None));
        Ok(())
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let cases = [
            (
                "profiles = [\"a.toml\"]\nout = \"o\"\ncolour = 1\n",
                3,
                1,
                "colour",
            ),
            ("profiles = []\nout = \"o\"\n", 1, 12, "empty"),
            ("profiles = [\"a\"]\n", 1, 1, "out"),
            ("profiles = [\"a\"]\nout = \"o\"\ntop = 0\n", 3, 7, "top"),
            (
                "profiles = [\"a\"]\nout = \"o\"\n[mail]\nfrom = \"x@y.dk\"\nto = [\"not an address\"]\nhost = \"h\"\n",
                5,
                7,
                "`to`",
            ),
        ];
        for (text, line, column, word) in cases {
            let e = WatchConfig::parse(text, Path::new("w.toml")).unwrap_err();
            let msg = e.to_string();
            assert!(
                msg.starts_with(&format!("w.toml:{line}:{column}: ")),
                "{text:?} gave {msg}"
            );
            assert!(msg.contains(word), "{msg}");
            assert!(!msg.contains('\n'), "{msg}");
        }
    }
}
