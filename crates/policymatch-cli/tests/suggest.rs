//! Drives the real `policymatch` binary: index a few generated text files, then `suggest`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_policymatch");

const AELDRE: &str = "Ældrepolitik\n\n\
Ensomhed\n\n\
Målet er, at færre ældre oplever ensomhed. Vi vil styrke samarbejdet med frivillige \
foreninger om besøgsvenner og fællesspisning for hjemmeboende ældre.\n\n\
Baggrund\n\n\
Kommunen har i 2024 gennemført en undersøgelse af trivsel blandt borgerne over 65 år, og \
resultaterne er beskrevet i en særskilt rapport.\n";

const REFERAT: &str = "Referat\n\n\
Pulje til ældreaktiviteter\n\n\
Administrationen indstiller, at puljen til aktiviteter for ældre, der forebygger ensomhed og \
isolation, slås op igen, så frivillige foreninger kan søge om tilskud i 2025.\n";

const TRAFIK: &str = "Trafikplan\n\n\
Vejene asfalteres i løbet af foråret, og cykelstierne langs hovedvejen udvides til to spor, \
så skolebørn kan cykle sikkert.\n";

const PROFILE: &str = r#"name = "Besøgsvennerne"
description = """
Frivillig forening, der bekæmper ensomhed blandt ældre med besøgsvenner og fællesspisning.
"""
themes = ["ensomhed", "fællesskab"]
activities = ["besøgsven", "fællesspisning"]
target_groups = ["ældre", "hjemmeboende ældre"]
"#;

struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    index: PathBuf,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let docs = root.join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("aeldrepolitik.txt"), AELDRE).unwrap();
    std::fs::write(docs.join("referat.txt"), REFERAT).unwrap();
    std::fs::write(docs.join("trafik.txt"), TRAFIK).unwrap();
    let index = root.join("index");
    let out = Command::new(BIN)
        .args([
            "index",
            docs.to_str().unwrap(),
            "--index",
            index.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(root.join("profile.toml"), PROFILE).unwrap();
    Fixture {
        _dir: dir,
        root,
        index,
    }
}

fn suggest(f: &Fixture, profile: &Path, extra: &[&str]) -> Output {
    Command::new(BIN)
        .args(["suggest", "--profile", profile.to_str().unwrap()])
        .args(["--index", f.index.to_str().unwrap()])
        .args(extra)
        .env("NO_COLOR", "1")
        .env_remove("POLICYMATCH_LANG")
        .output()
        .unwrap()
}

#[test]
fn suggest_formats_and_exit_codes() {
    let f = fixture();
    let profile = f.root.join("profile.toml");

    // JSON: the documented shape, goal and decision passages, never the traffic plan
    let out = suggest(&f, &profile, &["--format", "json", "--lang", "en"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["profile"]["name"], "Besøgsvennerne");
    let s = v["suggestions"].as_array().unwrap();
    assert!(!s.is_empty());
    for (i, item) in s.iter().enumerate() {
        assert_eq!(item["rank"], i + 1);
        for key in ["path", "title", "municipality", "area", "year"] {
            assert!(item["document"].get(key).is_some(), "document.{key}");
        }
        for key in [
            "score",
            "feature_score",
            "page",
            "heading",
            "text",
            "matched",
            "reasons",
            "also_in",
        ] {
            assert!(item.get(key).is_some(), "{key}");
        }
        // scores fall with rank; the floor holds for the feature score
        if i > 0 {
            assert!(item["score"].as_f64() <= s[i - 1]["score"].as_f64());
        }
        assert!(item["feature_score"].as_f64() >= Some(2.0));
        assert!(
            !item["document"]["path"]
                .as_str()
                .unwrap()
                .contains("trafik")
        );
    }
    let first = &s[0];
    assert!(first["text"].as_str().unwrap().contains("Målet er"));
    assert!(
        first["matched"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!({"field": "theme", "term": "ensomhed"}))
    );
    assert!(
        first["reasons"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("theme 'ensomhed' in a goal sentence")),
        "{first}"
    );
    // beside each localised text, its stable code
    let details = first["reason_details"].as_array().unwrap();
    assert_eq!(details.len(), first["reasons"].as_array().unwrap().len());
    assert_eq!(details[0]["code"], "in_intent_sentence");
    assert_eq!(details[0]["text"], first["reasons"][0]);
    // the same in Danish, the default: the same codes and keys, Danish text
    let out = suggest(&f, &profile, &["--format", "json"]);
    let da: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let da_first = &da["suggestions"][0];
    assert_eq!(da_first["reason_details"], {
        // the same codes as in English
        let mut codes = first["reason_details"].clone();
        for (d, t) in codes
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .zip(da_first["reasons"].as_array().unwrap())
        {
            d["text"] = t.clone();
        }
        codes
    });
    assert!(
        da_first["reasons"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("tema »ensomhed« i en målsætning")),
        "{da_first}"
    );

    // text: title, page, highlighted passage and one line of reasons
    let out = suggest(&f, &profile, &["--lang", "en"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("1. "), "{text}");
    assert!(text.contains("**ensomhed**"), "{text}");
    assert!(text.contains("\n   why: "), "{text}");
    assert!(
        text.contains("theme 'ensomhed' in a goal sentence"),
        "{text}"
    );
    // every suggestion says why (regression: a passage matching nothing rode on its page)
    assert!(!text.contains("why: \n"), "{text}");

    // markdown: a report to forward
    let out = suggest(&f, &profile, &["--format", "markdown", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.starts_with("# Where Besøgsvennerne meets the municipality's goals"),
        "{md}"
    );
    assert!(md.contains("**Why:**"), "{md}");
    // Danish by default, like the report
    let out = suggest(&f, &profile, &["--format", "markdown"]);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.starts_with("# Hvor Besøgsvennerne møder kommunens mål"),
        "{md}"
    );
    assert!(md.contains("**Hvorfor:**"), "{md}");
    assert!(!md.contains("**Why:**"), "{md}");

    // nothing matches: exit 1, empty list, a message on stderr
    let none = f.root.join("none.toml");
    std::fs::write(
        &none,
        "name = \"Skakklubben\"\ndescription = \"Skak\"\nthemes = [\"skakturnering\"]\n",
    )
    .unwrap();
    let out = suggest(&f, &none, &["--format", "json", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["suggestions"], serde_json::json!([]));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no passage meets the profile"));
    let out = suggest(&f, &none, &["--format", "json"]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("ingen passage matcher profilen"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // a filter that excludes everything: exit 1 as well
    let out = suggest(&f, &profile, &["--municipality", "Aarhus"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn unknown_profile_key_is_a_one_line_error_with_position() {
    let f = fixture();
    let bad = f.root.join("bad.toml");
    std::fs::write(&bad, "name = \"A\"\ndescription = \"B\"\ntemes = [\"x\"]\n").unwrap();
    let out = suggest(&f, &bad, &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(&format!(
            "profilen {} (linje 3, kolonne 1) er ikke gyldig: unknown field `temes`",
            bad.display()
        )),
        "{err}"
    );
}

#[test]
fn bad_since_is_an_error() {
    let f = fixture();
    let out = suggest(&f, &f.root.join("profile.toml"), &["--since", "last year"]);
    assert_eq!(out.status.code(), Some(2));
}
