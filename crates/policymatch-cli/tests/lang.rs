//! The reader's language: Danish by default, English with `--lang en` or `POLICYMATCH_LANG`;
//! `suggest`'s text output in both, pinned as snapshots over the bundled corpus-samples.

mod english;

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
    assert_eq!(
        text(&o.stderr).trim_end(),
        "policymatch: fejl: profilen /definitely/not/here.toml kan ikke læses: filen eller mappen findes ikke"
    );

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

/// stderr of `args` in the default language and in English.
fn both(args: &[&str]) -> (String, String) {
    let da = bin().args(args).output().unwrap();
    let en = bin().args(args).args(["--lang", "en"]).output().unwrap();
    assert_eq!(da.status.code(), en.status.code(), "exit codes differ");
    (text(&da.stderr), text(&en.stderr))
}

#[test]
fn library_errors_are_said_in_the_readers_language() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().display().to_string();
    let profile = dir.path().join("p.toml");
    std::fs::write(&profile, "name = \"A\"\n").unwrap();
    let p = profile.display().to_string();
    let (da, en) = both(&["suggest", "--profile", &p, "--index", &d]);
    assert_eq!(
        da.trim_end(),
        format!(
            "policymatch: fejl: profilen {p} (linje 1, kolonne 1) er ikke gyldig: missing field `description`"
        )
    );
    assert_eq!(
        en.trim_end(),
        format!(
            "policymatch: error: profile {p} (line 1, column 1) is not valid: missing field `description`"
        )
    );
    std::fs::write(&profile, "# nothing\n").unwrap();
    let (da, en) = both(&["suggest", "--profile", &p, "--index", &d]);
    assert!(
        da.starts_with(&format!("policymatch: fejl: profilen {p} er tom;")),
        "{da}"
    );
    assert!(
        en.starts_with(&format!("policymatch: error: profile {p} is empty;")),
        "{en}"
    );

    let missing = dir.path().join("no-index").display().to_string();
    let (da, en) = both(&["list", "--index", &missing]);
    assert_eq!(
        da.trim_end(),
        format!(
            "policymatch: fejl: der er intet indeks i {missing}; kør først `policymatch index MAPPE` (eller angiv --index MAPPE)"
        )
    );
    assert_eq!(
        en.trim_end(),
        format!(
            "policymatch: error: index {missing}: no index here; run `policymatch index FOLDER` first (or pass --index DIR)"
        )
    );
}

#[test]
fn timeline_stages_are_in_the_readers_language() {
    let idx = index_samples();
    let run = |extra: &[&str]| {
        let o = bin()
            .args(["timeline", "sundhedspolitik", "--index"])
            .arg(idx.path())
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        text(&o.stdout)
    };
    let da = run(&[]);
    assert!(
        da.contains("Sag ") && da.contains("offentlig høring"),
        "{da}"
    );
    assert!(!da.contains("public consultation"), "{da}");
    let en = run(&["--lang", "en"]);
    assert!(
        en.contains("Case ") && en.contains("public consultation"),
        "{en}"
    );
    // JSON is for programs: the same in both languages
    assert_eq!(
        run(&["--format", "json"]),
        run(&["--format", "json", "--lang", "en"])
    );
}

#[test]
fn usage_errors_are_said_in_the_readers_language() {
    let (da, en) = both(&["list", "--bogus"]);
    assert_eq!(
        da.trim_end(),
        "policymatch: fejl: uventet argument '--bogus' (tip: se `policymatch --help`)"
    );
    assert_eq!(
        en.trim_end(),
        "policymatch: error: unexpected argument '--bogus' found (hint: see `policymatch --help`)"
    );
    let (da, en) = both(&["list", "--format", "xml"]);
    assert!(
        da.contains("ugyldig værdi 'xml' til '--format <FORMAT>': mulige værdier: text, json"),
        "{da}"
    );
    assert!(
        en.contains("invalid value 'xml' for '--format <FORMAT>': possible values: text, json"),
        "{en}"
    );
    let o = bin().args(["frobnicate"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "clap's exit code");
    assert!(text(&o.stderr).contains("ukendt kommando 'frobnicate'"));
}

#[test]
fn defaults_and_possible_values_in_help_are_in_the_readers_language() {
    let help = text(&bin().args(["search", "--help"]).output().unwrap().stdout);
    assert!(help.contains("Antal resultater [standard: 10]"), "{help}");
    assert!(help.contains("[mulige værdier: text, json]"), "{help}");
    assert!(
        !help.contains("[default:") && !help.contains("Possible values"),
        "{help}"
    );
    let help = text(
        &bin()
            .env("POLICYMATCH_LANG", "en")
            .args(["search", "--help"])
            .output()
            .unwrap()
            .stdout,
    );
    assert!(help.contains("Number of results [default: 10]"), "{help}");
    assert!(help.contains("[possible values: text, json]"), "{help}");
    let help = text(
        &bin()
            .env("POLICYMATCH_LANG", "en")
            .arg("--help")
            .output()
            .unwrap()
            .stdout,
    );
    assert!(
        help.contains("Commands:") && help.contains("Usage: policymatch"),
        "{help}"
    );
}

/// The commands that `policymatch --help` lists (without `help`).
fn commands() -> Vec<String> {
    let help = text(&bin().arg("--help").output().unwrap().stdout);
    let listed = help
        .split("Kommandoer:")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .unwrap_or_default();
    let names: Vec<String> = listed
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|&n| n != "help")
        .map(String::from)
        .collect();
    assert!(names.len() >= 10, "{help}");
    names
}

#[test]
fn usage_lines_and_value_names_in_help_are_in_the_readers_language() {
    // clap's English words for the usage line and its default value names (an argument's id
    // in capitals), which the Danish help must not show
    let english = [
        "Usage:",
        "Options:",
        "Arguments:",
        "[OPTIONS]",
        "<COMMAND>",
        "<PROFILE>",
        "<DIR>",
        "<FILE>",
        "<PATHS>",
        "<TOP>",
        "<MUNICIPALITY>",
        "<AREA>",
        "<QUERY>",
        "<TEXT>",
        "<DATE>",
        "<YEAR|DATE>",
        "<CASE>",
        "<KIND>",
        "<NAME>",
        "<QRELS>",
        "<CONFIG>",
    ];
    let root = text(&bin().arg("--help").output().unwrap().stdout);
    assert!(
        root.contains("Brug: policymatch [TILVALG] <KOMMANDO>"),
        "{root}"
    );
    for command in commands() {
        let help = text(&bin().args([&command, "--help"]).output().unwrap().stdout);
        for word in english {
            assert!(
                !help.contains(word),
                "`{command} --help` says {word}:\n{help}"
            );
        }
    }
    let suggest = text(&bin().args(["suggest", "--help"]).output().unwrap().stdout);
    assert!(
        suggest.contains("Brug: policymatch suggest [TILVALG] --profile <PROFIL>")
            && suggest.contains("--index <MAPPE>")
            && suggest.contains("--since <ÅR|DATO>"),
        "{suggest}"
    );
    let o = bin().arg("suggest").output().unwrap();
    assert!(
        text(&o.stderr).contains("--profile <PROFIL>"),
        "{}",
        text(&o.stderr)
    );

    let en = text(
        &bin()
            .args(["--lang", "en", "suggest", "--help"])
            .output()
            .unwrap()
            .stdout,
    );
    assert!(
        en.contains("Usage: policymatch suggest [OPTIONS] --profile <PROFILE>")
            && en.contains("--index <DIR>")
            && en.contains("--since <YEAR|DATE>"),
        "{en}"
    );
}

#[test]
fn a_missing_file_is_named_with_the_reason_in_the_readers_language() {
    let o = bin()
        .args(["extract", "/definitely/not/here.pdf"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        text(&o.stderr).trim_end(),
        "policymatch: fejl: /definitely/not/here.pdf: filen eller mappen findes ikke"
    );
    let o = bin()
        .args(["--lang", "en", "extract", "/definitely/not/here.pdf"])
        .output()
        .unwrap();
    assert_eq!(
        text(&o.stderr).trim_end(),
        "policymatch: error: /definitely/not/here.pdf: no such file or folder"
    );
    // a folder where a file is expected: the system's reason, said by the tool
    let dir = tempfile::tempdir().unwrap();
    let o = bin().arg("extract").arg(dir.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.starts_with(&format!("policymatch: fejl: {}", dir.path().display()))
            && !err.contains("failed to"),
        "{err}"
    );
}

#[test]
fn index_says_why_a_file_is_skipped_or_failed_in_the_readers_language() {
    let docs = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(docs.path().join(name), bytes).unwrap();
    write("tom.pdf", b"");
    write("falsk.pdf", b"hello");
    write("noter.docx", b"PK");
    write("noter.odt", b"PK");
    write("andet.json", br#"{"a": 1}"#);
    write("latin1.txt", b"\xe6\xf8\xe5 \xff");
    write("rod.xml", br#"<?xml version="1.0"?><Root/>"#);
    write("stor.txt", &vec![b'a'; 3 << 20]);
    write("MANIFEST.tsv", b"name\tyear\n");
    let idx = tempfile::tempdir().unwrap();
    let o = bin()
        .arg("index")
        .arg(docs.path())
        .arg("--index")
        .arg(idx.path())
        .args(["--max-file-size", "2"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    let d = docs.path().display();
    for line in [
        format!("sprunget over {d}/tom.pdf: tom fil"),
        format!("sprunget over {d}/falsk.pdf: ikke en PDF (begynder ikke med %PDF)"),
        format!("sprunget over {d}/stor.txt: 3 MiB, over grænsen på 2 MiB"),
        format!(
            "sprunget over {d}/MANIFEST.tsv: manifestet bruges ikke: linje 1: overskriftsrækken har ingen `file`-kolonne"
        ),
        format!(
            "sprunget over {d}/andet.json: JSON, der ikke er en dagsordenseksport (ingen \"Dagsordenpunkter\"-liste)"
        ),
        format!("fejlet {d}/latin1.txt: ikke gyldig UTF-8-tekst"),
    ] {
        assert!(out.lines().any(|l| l == line), "no line {line:?} in\n{out}");
    }
    let reasons: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("sprunget over ") || l.starts_with("fejlet "))
        .collect();
    assert_eq!(reasons.len(), 9, "{out}");
    for fragment in english::reason_fragments() {
        assert!(!out.contains(&fragment), "English {fragment:?} in\n{out}");
        assert!(!text(&o.stderr).contains(&fragment), "{}", text(&o.stderr));
    }

    // JSON: the text in the reader's language, and a stable code beside it
    let o = bin()
        .args(["--lang", "en", "index"])
        .arg(docs.path())
        .arg("--index")
        .arg(idx.path())
        .args(["--max-file-size", "2", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let empty = v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e[0].as_str().unwrap().ends_with("tom.pdf"))
        .unwrap();
    assert_eq!(empty[1], "empty file");
    assert_eq!(empty[2], "empty");
    let failed = &v["failed"][0];
    assert_eq!(failed[2], "not_utf8", "{v}");
}
