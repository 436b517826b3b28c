//! The association's profile: a small TOML file written once by the association.
//!
//! ```toml
//! name = "Besøgsvennerne"                  # required
//! description = """free Danish text"""     # required
//! themes = ["ensomhed", "fællesskab"]      # optional lists of words or phrases
//! activities = ["besøgsven", "fællesspisning"]
//! target_groups = ["ældre", "enlige"]
//! municipalities = ["Greve"]               # optional filter
//! areas = ["sundhed", "aeldre"]            # optional filter
//! exclude = ["idrætshal"]                  # optional: push passages about these down
//! facts = ["120 frivillige", "300 besøg om året"]  # optional: numbers the pitch may cite
//!
//! [contact]                                # optional: the pitch's signature
//! name = "Anne Jensen"
//! email = "anne@besoegsvennerne.dk"
//! phone = "12 34 56 78"
//! ```
//!
//! Unknown keys, wrong types, empty files and empty required values are
//! [`ProfileError`]s that name the file, line and column.

use serde::Deserialize;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// A parsed, validated profile.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    /// The association's name.
    pub name: String,
    /// Free Danish text about what the association does.
    pub description: String,
    /// Themes the association works with (words or phrases).
    pub themes: Vec<String>,
    /// Activities the association runs.
    pub activities: Vec<String>,
    /// The people the association works for.
    pub target_groups: Vec<String>,
    /// Only documents from these municipalities (empty: all).
    pub municipalities: Vec<String>,
    /// Only documents of these policy areas (empty: all).
    pub areas: Vec<String>,
    /// Passages about these words are pushed down.
    pub exclude: Vec<String>,
    /// Numbers the association can show ("120 frivillige", "300 besøg om året"); the pitch
    /// cites them as written.
    pub facts: Vec<String>,
    /// Who signs the pitch.
    pub contact: Option<ContactPerson>,
}

/// The person who signs the pitch; every part optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactPerson {
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default)]
    pub phone: Option<String>,
}

/// Why a profile could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ProfileError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The profile file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is not a valid profile; `line` and `column` are 1-based.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Invalid {
        /// The profile file.
        path: PathBuf,
        /// Line of the offending value.
        line: usize,
        /// Column (in characters) of the offending value.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The file holds nothing.
    #[error(
        "{}: empty profile; write at least `name = \"...\"` and `description = \"...\"`",
        path.display()
    )]
    Empty {
        /// The profile file.
        path: PathBuf,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    name: Spanned<String>,
    description: Spanned<String>,
    #[serde(default)]
    themes: Vec<Spanned<String>>,
    #[serde(default)]
    activities: Vec<Spanned<String>>,
    #[serde(default)]
    target_groups: Vec<Spanned<String>>,
    #[serde(default)]
    municipalities: Vec<Spanned<String>>,
    #[serde(default)]
    areas: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    facts: Vec<Spanned<String>>,
    #[serde(default)]
    contact: Option<ContactPerson>,
}

/// 1-based line and column (in characters) of byte offset `at` in `text`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

impl Profile {
    /// Reads and validates the profile at `path`.
    pub fn load(path: &Path) -> Result<Profile, ProfileError> {
        let text = fs_err::read_to_string(path).map_err(|source| ProfileError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Profile::parse(&text, path)
    }

    /// Parses and validates profile `text`; `path` names the file in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Profile, ProfileError> {
        let invalid = |at: usize, message: String| {
            let (line, column) = line_column(text, at);
            ProfileError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                message,
            }
        };
        let meaningful = text
            .lines()
            .any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
        if !meaningful {
            return Err(ProfileError::Empty {
                path: path.to_path_buf(),
            });
        }
        let raw: RawProfile = toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            invalid(at, e.message().trim().replace('\n', " "))
        })?;
        let required = |value: Spanned<String>, key: &str| {
            if value.get_ref().trim().is_empty() {
                Err(invalid(
                    value.span().start,
                    format!("`{key}` is empty; the profile needs a {key}"),
                ))
            } else {
                Ok(value.into_inner().trim().to_string())
            }
        };
        let list = |values: Vec<Spanned<String>>, key: &str| {
            values
                .into_iter()
                .map(|v| {
                    if v.get_ref().trim().is_empty() {
                        Err(invalid(
                            v.span().start,
                            format!("empty entry in `{key}`; remove it or write a word"),
                        ))
                    } else {
                        Ok(v.into_inner().trim().to_string())
                    }
                })
                .collect::<Result<Vec<_>, _>>()
        };
        Ok(Profile {
            name: required(raw.name, "name")?,
            description: required(raw.description, "description")?,
            themes: list(raw.themes, "themes")?,
            activities: list(raw.activities, "activities")?,
            target_groups: list(raw.target_groups, "target_groups")?,
            municipalities: list(raw.municipalities, "municipalities")?,
            areas: list(raw.areas, "areas")?,
            exclude: list(raw.exclude, "exclude")?,
            facts: list(raw.facts, "facts")?,
            contact: raw.contact.map(|c| {
                let keep =
                    |v: Option<String>| v.map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
                ContactPerson {
                    name: keep(c.name),
                    email: keep(c.email),
                    phone: keep(c.phone),
                }
            }),
        })
    }
}

#[cfg(test)]
mod tests {
    /// A test's outcome: an error fails it with its message.
    type TestResult = Result<(), Box<dyn std::error::Error>>;
    use super::*;

    fn err(text: &str) -> String {
        match Profile::parse(text, Path::new("p.toml")) {
            Ok(p) => panic!("expected an error, got {p:?}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn parses_a_full_profile() -> TestResult {
        let p = Profile::parse(
            "name = \"Besøgsvennerne\"\ndescription = \"\"\"Vi besøger ældre.\"\"\"\n\
             themes = [\"ensomhed\"]\nactivities = [\"besøgsven\"]\n\
             target_groups = [\"hjemmeboende ældre\"]\nmunicipalities = [\"Greve\"]\n\
             areas = [\"aeldre\"]\nexclude = [\"idrætshal\"]\n",
            Path::new("p.toml"),
        )?;
        assert_eq!(p.name, "Besøgsvennerne");
        assert_eq!(p.description, "Vi besøger ældre.");
        assert_eq!(p.target_groups, ["hjemmeboende ældre"]);
        assert_eq!(p.exclude, ["idrætshal"]);
        Ok(())
    }

    #[test]
    fn facts_and_contact_are_read() -> TestResult {
        let p = Profile::parse(
            "name = \"A\"\ndescription = \"B\"\nfacts = [\"120 frivillige\"]\n\
             [contact]\nname = \"Anne Jensen\"\nphone = \" \"\n",
            Path::new("p.toml"),
        )?;
        assert_eq!(p.facts, ["120 frivillige"]);
        let c = p.contact.ok_or("no contact")?;
        assert_eq!(c.name.as_deref(), Some("Anne Jensen"));
        assert_eq!(c.phone, None, "an empty value is no value");
        assert!(err("name = \"A\"\ndescription = \"B\"\n[contact]\nfax = \"1\"\n").contains("fax"));
        Ok(())
    }

    #[test]
    fn optional_lists_default_to_empty() -> TestResult {
        let p = Profile::parse("name = \"A\"\ndescription = \"B\"\n", Path::new("p.toml"))?;
        assert!(p.themes.is_empty() && p.municipalities.is_empty());
        Ok(())
    }

    #[test]
    fn unknown_key_names_line_and_column() {
        assert_eq!(
            err("name = \"A\"\ndescription = \"B\"\n  temes = [\"x\"]\n"),
            "p.toml:3:3: unknown field `temes`, expected one of `name`, `description`, \
             `themes`, `activities`, `target_groups`, `municipalities`, `areas`, `exclude`, \
             `facts`, `contact`"
        );
    }

    #[test]
    fn wrong_type_names_line_and_column() {
        assert_eq!(
            err("name = \"A\"\ndescription = \"B\"\nthemes = \"ensomhed\"\n"),
            "p.toml:3:10: invalid type: string \"ensomhed\", expected a sequence"
        );
    }

    #[test]
    fn missing_description_is_an_error() {
        assert_eq!(
            err("name = \"A\"\n"),
            "p.toml:1:1: missing field `description`"
        );
    }

    #[test]
    fn empty_file_is_an_error() {
        assert_eq!(
            err("\n# nothing yet\n\n"),
            "p.toml: empty profile; write at least `name = \"...\"` and `description = \"...\"`"
        );
    }

    #[test]
    fn empty_name_is_an_error() {
        assert_eq!(
            err("name = \"  \"\ndescription = \"B\"\n"),
            "p.toml:1:8: `name` is empty; the profile needs a name"
        );
    }

    #[test]
    fn empty_list_entry_is_an_error() {
        assert_eq!(
            err("name = \"A\"\ndescription = \"B\"\nthemes = [\"a\", \"\"]\n"),
            "p.toml:3:16: empty entry in `themes`; remove it or write a word"
        );
    }

    #[test]
    fn syntax_error_names_line_and_column() {
        let e = err("name = \"A\"\ndescription = \"B\nthemes = []\n");
        assert!(e.starts_with("p.toml:2:"), "{e}");
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("æøå\nab", 7), (2, 1));
        assert_eq!(line_column("æøå\nab", 8), (2, 2));
        assert_eq!(line_column("æø", 2), (1, 2));
    }
}
