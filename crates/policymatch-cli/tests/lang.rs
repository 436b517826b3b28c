//! The reader's language: Danish by default, English with `--lang en` or `POLICYMATCH_LANG`;
//! `suggest`'s text output in both, pinned as snapshots over the bundled corpus-samples.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus-samples")
}

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_policymatch"));
    c.env_remove("POLICYMATCH_INDEX")
        .env_remove("POLICYMATCH_LANG")
        .env("NO_COLOR", "1");
    c
}

fn text(o: &[u8]) -> String {
    String::from_utf8_lossy(o).into_owned()
}

fn index_samples() -> tempfile::TempDir {
    let idx = tempfile::tempdir().unwrap();
    let o = bin()
        .arg("index")
        .arg(samples())
        .arg("--index")
        .arg(idx.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    idx
}

fn suggest(idx: &Path, extra: &[&str]) -> Output {
    bin()
        .args(["suggest", "--top", "3", "--profile"])
        .arg(samples().join("profiles/ensomhed.toml"))
        .arg("--index")
        .arg(idx)
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn suggest_text_in_both_languages() {
    let idx = index_samples();
    let canonical = samples().canonicalize().unwrap();
    let mut settings = insta::Settings::clone_current();
    // the paths of this checkout and of the temporary index are not the output's business
    for dir in [
        canonical.display().to_string(),
        samples().display().to_string(),
    ] {
        settings.add_filter(&regex_escape(&dir), "[samples]");
    }
    settings.add_filter(&regex_escape(&idx.path().display().to_string()), "[index]");
    settings.bind(|| {
        let da = suggest(idx.path(), &[]);
        assert_eq!(da.status.code(), Some(0), "{}", text(&da.stderr));
        insta::assert_snapshot!("suggest_da", text(&da.stdout));
        let en = suggest(idx.path(), &["--lang", "en"]);
        assert_eq!(en.status.code(), Some(0), "{}", text(&en.stderr));
        insta::assert_snapshot!("suggest_en", text(&en.stdout));
        // the environment chooses too, and the flag wins over it
        let env = bin()
            .env("POLICYMATCH_LANG", "en")
            .args(["suggest", "--top", "3", "--profile"])
            .arg(samples().join("profiles/ensomhed.toml"))
            .arg("--index")
            .arg(idx.path())
            .output()
            .unwrap();
        assert_eq!(env.stdout, en.stdout);
        let flag = bin()
            .env("POLICYMATCH_LANG", "en")
            .args(["suggest", "--lang", "da", "--top", "3", "--profile"])
            .arg(samples().join("profiles/ensomhed.toml"))
            .arg("--index")
            .arg(idx.path())
            .output()
            .unwrap();
        assert_eq!(flag.stdout, da.stdout);
    });
}

/// `s` with the characters a regular expression treats specially escaped.
fn regex_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[test]
fn errors_hints_and_help_are_danish_by_default() {
    let o = bin().args(["suggest"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(err.starts_with("policymatch: fejl: "), "{err}");
    assert!(
        err.trim_end().ends_with("(tip: se `policymatch --help`)"),
        "{err}"
    );

    let o = bin()
        .args(["suggest", "--profile", "/definitely/not/here.toml"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).starts_with("policymatch: fejl: /definitely/not/here.toml"));

    let help = text(&bin().arg("--help").output().unwrap().stdout);
    assert!(help.contains("Kommandoer:"), "{help}");
    assert!(help.contains("Rangér indekserede passager"), "{help}");
    assert!(help.contains("Brug: policymatch"), "{help}");
    let help = text(&bin().args(["suggest", "--help"]).output().unwrap().stdout);
    assert!(
        help.contains("Tilvalg:") && help.contains("Foreningens profil (TOML)"),
        "{help}"
    );

    let help = text(
        &bin()
            .args(["--lang", "en", "--help"])
            .output()
            .unwrap()
            .stdout,
    );
    assert!(help.contains("Commands:"), "{help}");
    assert!(help.contains("Rank indexed passages"), "{help}");
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let o = bin().args(["--lang", "sv", "list"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(err.contains("ukendt sprog \"sv\""), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}
