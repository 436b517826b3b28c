//! Integration tests of the `policymatch` binary over the bundled corpus-samples.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_policymatch"));
    // these tests pin the English wording of messages; the Danish default is pinned in
    // tests/lang.rs
    c.env_remove("POLICYMATCH_INDEX")
        .env("NO_COLOR", "1")
        .env("POLICYMATCH_LANG", "en");
    c
}

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus-samples")
}

fn run(args: &[&str]) -> Output {
    bin()
        .args(args)
        .output()
        .expect("the policymatch binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

/// Copies the sample PDFs and manifest into a fresh folder.
fn sample_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(samples()).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if name.ends_with(".pdf") || name == "MANIFEST.tsv" {
            std::fs::copy(&p, dir.path().join(&name)).unwrap();
        }
    }
    dir
}

/// The README's main job indexes the bundled folder as it is: every file in it is a document
/// (the generator's sources live elsewhere), so nothing is reported skipped or failed.
#[test]
fn the_bundled_samples_folder_indexes_without_skips() {
    let idx = tempfile::tempdir().unwrap();
    let o = run(&[
        "index",
        samples().to_str().unwrap(),
        "--index",
        idx.path().to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let summary: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(summary["indexed"].as_array().unwrap().len(), 8);
    assert_eq!(summary["skipped"], serde_json::json!([]), "{summary}");
    assert_eq!(summary["failed"], serde_json::json!([]), "{summary}");
}

#[test]
fn index_search_list_and_incremental_rerun() {
    let docs = sample_copy();
    let idx = tempfile::tempdir().unwrap();
    let idx_s = idx.path().to_str().unwrap();
    let docs_s = docs.path().to_str().unwrap();

    let o = run(&["index", docs_s, "--index", idx_s, "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let summary: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(summary["indexed"].as_array().unwrap().len(), 8);
    assert!(summary["failed"].as_array().unwrap().is_empty());
    assert!(summary["passages"].as_u64().unwrap() > 100);

    let o = run(&[
        "search",
        "ensomhed blandt ældre",
        "--index",
        idx_s,
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let hits: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let first = &hits["hits"][0];
    assert_eq!(first["rank"], 1);
    assert_eq!(first["document"]["municipality"], "Havsø Kommune");
    assert!(
        first["text"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("ensom")
    );
    assert!(first["page"].as_u64().unwrap() >= 1);

    let o = run(&["search", "ensomhed", "--index", idx_s]);
    assert!(stdout(&o).contains("**"), "text output highlights matches");

    let o = run(&["list", "--index", idx_s, "--format", "json"]);
    let list: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let docs_list = list["documents"].as_array().unwrap();
    let paths: std::collections::BTreeSet<&str> = docs_list
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 8);
    // The committee minutes are split into their items, one document each.
    let minutes: Vec<_> = docs_list
        .iter()
        .filter(|d| d["path"].as_str().unwrap().contains("referat"))
        .collect();
    assert!(minutes.len() >= 3, "{minutes:?}");
    assert!(
        docs_list
            .iter()
            .filter(|d| !d["path"].as_str().unwrap().contains("referat"))
            .all(|d| d["pages"].as_u64().unwrap() >= 3)
    );
    // Metadata comes from the MANIFEST.tsv found in the folder.
    let elderly = docs_list
        .iter()
        .find(|d| {
            d["path"]
                .as_str()
                .unwrap()
                .ends_with("havsoe-aeldrepolitik-2027-2030.pdf")
        })
        .unwrap();
    assert_eq!(elderly["area"], "aeldre");
    assert_eq!(elderly["year"], 2027);
    assert_eq!(elderly["title"], "Ældrepolitik 2027–2030");

    // Export: one JSON line per passage, as many as the index holds.
    let o = run(&["export", "--index", idx_s, "--format", "jsonl"]);
    assert!(o.status.success());
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len() as u64, list["passages"].as_u64().unwrap());
    assert!(
        lines
            .iter()
            .all(|l| l["text"].as_str().is_some_and(|t| !t.is_empty()))
    );

    // Unchanged files are skipped; a deleted one is removed; a changed one re-indexed.
    let o = run(&["index", docs_s, "--index", idx_s, "--format", "json"]);
    let summary: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(summary["unchanged"], 8);
    assert!(summary["indexed"].as_array().unwrap().is_empty());

    let victim = docs.path().join("ravnstrup-frivillighedspolitik-2026.pdf");
    std::fs::remove_file(&victim).unwrap();
    let o = run(&["index", docs_s, "--index", idx_s, "--format", "json"]);
    let summary: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(summary["removed"].as_array().unwrap().len(), 1);
    assert_eq!(summary["unchanged"], 7);
    let o = run(&["list", "--index", idx_s, "--format", "json"]);
    let list: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let paths: std::collections::BTreeSet<&str> = list["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 7);
}

#[test]
fn bad_files_are_reported_and_skipped_not_fatal() {
    let docs = tempfile::tempdir().unwrap();
    std::fs::copy(
        samples().join("havsoe-sundhedspolitik-2026-2030.pdf"),
        docs.path().join("good.pdf"),
    )
    .unwrap();
    std::fs::write(docs.path().join("empty.pdf"), b"").unwrap();
    std::fs::write(docs.path().join("fake.pdf"), b"this is not a pdf").unwrap();
    std::fs::write(
        docs.path().join("truncated.pdf"),
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog",
    )
    .unwrap();
    std::fs::write(docs.path().join("notes.docx"), b"PK").unwrap();
    std::fs::write(docs.path().join("notes.odt"), b"PK").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(docs.path(), docs.path().join("loop")).unwrap();
    let idx = tempfile::tempdir().unwrap();
    let o = run(&[
        "index",
        docs.path().to_str().unwrap(),
        "--index",
        idx.path().to_str().unwrap(),
    ]);
    let out = stdout(&o);
    assert!(
        matches!(o.status.code(), Some(0) | Some(3)),
        "{out}{}",
        stderr(&o)
    );
    assert!(out.contains("indexed 1 "), "{out}");
    assert!(out.contains("empty.pdf: empty file"), "{out}");
    assert!(out.contains("fake.pdf: not a PDF"), "{out}");
    assert!(
        out.contains("notes.docx: not a readable Word document"),
        "{out}"
    );
    assert!(out.contains("notes.odt: not a supported document"), "{out}");
    assert!(out.contains("truncated.pdf"), "{out}");
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
}

#[test]
fn analyze_json_shape() {
    let o = run(&["analyze", "--format", "json", "Ensomhed blandt ældre"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let tokens = v["tokens"].as_array().unwrap();
    assert!(tokens.iter().any(|t| t["text"] == "ensom"), "{v}");
    for t in tokens {
        assert!(t["offset_from"].as_u64() < t["offset_to"].as_u64());
        assert!(t["position"].is_u64());
    }
}

#[test]
fn extract_text_and_json() {
    let pdf = samples().join("havsoe-aeldrepolitik-2027-2030.pdf");
    let o = run(&["extract", pdf.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert_eq!(text.matches('\u{c}').count(), 4, "one form feed per page");
    assert!(text.contains("ældre"));
    let o = run(&["extract", "--format", "json", pdf.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["pages"][0]["number"], 1);
    assert!(v["path"].as_str().unwrap().ends_with(".pdf"));
}

#[test]
fn errors_are_one_line_with_exit_code_2() {
    let idx = tempfile::tempdir().unwrap();
    let missing = idx.path().join("nothing-here");
    let o = run(&["search", "ensomhed", "--index", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no index here"), "{err}");
    assert!(err.contains("nothing-here"), "{err}");
    assert!(o.stdout.is_empty());

    let o = run(&["extract", "/definitely/not/here.pdf"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("/definitely/not/here.pdf"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn second_writer_gets_a_lock_error() {
    let idx = tempfile::tempdir().unwrap();
    let _lock = policymatch_core::index::lock::WriteLock::acquire(idx.path()).unwrap();
    let o = run(&[
        "index",
        samples().to_str().unwrap(),
        "--index",
        idx.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("is locked by process"), "{err}");
}

/// Documents (path, pages, passages) and the counted passage records of an index.
fn index_state(idx: &str) -> (Vec<(String, u64, u64)>, u64) {
    let o = run(&["list", "--index", idx, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_default();
    let mut docs: Vec<(String, u64, u64)> = v["documents"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|d| {
                    (
                        d["path"].as_str().unwrap_or_default().to_string(),
                        d["pages"].as_u64().unwrap_or(0),
                        d["passages"].as_u64().unwrap_or(0),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    docs.sort();
    (docs, v["passages"].as_u64().unwrap_or(0))
}

#[cfg(unix)]
#[test]
fn sigkill_at_any_point_then_rerun_equals_clean_run() {
    // Many small documents so that a run takes long enough to be killed in the middle.
    let docs = tempfile::tempdir().unwrap();
    for copy in 0..6 {
        for entry in std::fs::read_dir(samples()).unwrap() {
            let p = entry.unwrap().path();
            if p.extension().is_some_and(|e| e == "pdf") {
                let name = format!("{copy}-{}", p.file_name().unwrap().to_string_lossy());
                let mut bytes = std::fs::read(&p).unwrap();
                // Make each copy distinct (a trailing comment is ignored by PDF readers).
                bytes.extend_from_slice(format!("\n% copy {copy}\n").as_bytes());
                std::fs::write(docs.path().join(name), bytes).unwrap();
            }
        }
    }
    let docs_s = docs.path().to_str().unwrap();
    let clean = tempfile::tempdir().unwrap();
    let clean_s = clean.path().to_str().unwrap();
    let o = run(&["index", docs_s, "--index", clean_s]);
    assert!(o.status.success(), "{}", stderr(&o));
    let expected = index_state(clean_s);
    let paths: std::collections::BTreeSet<&String> = expected.0.iter().map(|d| &d.0).collect();
    assert_eq!(paths.len(), 48);
    assert_eq!(expected.0.iter().map(|d| d.2).sum::<u64>(), expected.1);

    for delay_ms in [30u64, 120, 300, 700] {
        let idx = tempfile::tempdir().unwrap();
        let idx_s = idx.path().to_str().unwrap();
        let mut child = bin()
            .args(["index", docs_s, "--index", idx_s, "--commit-every", "3"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let o = run(&["index", docs_s, "--index", idx_s]);
        assert!(
            o.status.success(),
            "rerun after kill at {delay_ms} ms: {}",
            stderr(&o)
        );
        let state = index_state(idx_s);
        let strip = |s: &(Vec<(String, u64, u64)>, u64)| {
            let docs: Vec<_> =
                s.0.iter()
                    .map(|(p, a, b)| {
                        (
                            Path::new(p)
                                .file_name()
                                .unwrap()
                                .to_string_lossy()
                                .to_string(),
                            *a,
                            *b,
                        )
                    })
                    .collect();
            (docs, s.1)
        };
        assert_eq!(strip(&state), strip(&expected), "kill at {delay_ms} ms");
    }
}

#[test]
fn domain_words_split_new_compounds_and_force_a_reindex() {
    let docs = tempfile::tempdir().unwrap();
    std::fs::write(
        docs.path().join("a.txt"),
        "Kommunen opretter en ny zorblatforening for borgere i byen, og vi vil styrke den.",
    )
    .unwrap();
    let idx = tempfile::tempdir().unwrap();
    let (docs_s, idx_s) = (docs.path().to_str().unwrap(), idx.path().to_str().unwrap());
    assert!(run(&["index", docs_s, "--index", idx_s]).status.success());
    let o = run(&["search", "zorblat", "--index", idx_s]);
    assert_eq!(o.status.code(), Some(1), "unknown part: no split, no hit");

    let words = docs.path().join("words.lst");
    std::fs::write(&words, "zorblat\n").unwrap();
    let o = run(&[
        "index",
        docs_s,
        "--index",
        idx_s,
        "--words",
        words.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let summary: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        summary["indexed"].as_array().unwrap().len(),
        1,
        "changed words re-index"
    );
    let o = run(&["search", "zorblat", "--index", idx_s, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    // `analyze --index` shows the split the index makes; without it, the built-in analyzer
    let parts = |args: &[&str]| {
        let o = run(args);
        assert!(o.status.success(), "{}", stderr(&o));
        String::from_utf8(o.stdout).unwrap()
    };
    let with = parts(&["analyze", "zorblatforening", "--index", idx_s]);
    let without = parts(&["analyze", "zorblatforening"]);
    assert!(with.contains("\tzorblat\t"), "{with}");
    assert!(!without.contains("\tzorblat\t"), "{without}");
}

#[test]
fn deadlines_timeline_and_new_on_the_samples() {
    let idx = tempfile::tempdir().unwrap();
    let idx_s = idx.path().to_str().unwrap();
    let samples_s = samples();
    let samples_s = samples_s.to_str().unwrap();
    assert!(
        run(&["index", samples_s, "--index", idx_s])
            .status
            .success()
    );

    let o = run(&[
        "deadlines",
        "--index",
        idx_s,
        "--after",
        "2027-01-01",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let list = v["deadlines"].as_array().unwrap();
    assert!(
        list.iter()
            .any(|d| d["kind"] == "consultation" && d["date"] == "2027-03-15"),
        "the consultation deadline of the loneliness strategy: {v}"
    );
    assert!(list.iter().any(|d| d["kind"] == "application"));
    let dates: Vec<&str> = list.iter().map(|d| d["date"].as_str().unwrap()).collect();
    assert!(
        dates.windows(2).all(|w| w[0] <= w[1]),
        "soonest first: {dates:?}"
    );

    // With the profile, only deadlines in passages about its themes remain.
    let profile = samples().join("profiles/ensomhed.toml");
    let o = run(&[
        "deadlines",
        "--index",
        idx_s,
        "--after",
        "2027-01-01",
        "--format",
        "json",
        "--profile",
        profile.to_str().unwrap(),
    ]);
    let filtered: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let n = filtered["deadlines"].as_array().unwrap().len();
    assert!(n >= 1 && n <= list.len(), "{n} of {}", list.len());

    let o = run(&[
        "timeline",
        "strategi mod ensomhed",
        "--index",
        idx_s,
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let t: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let items = t["cases"][0]["items"].as_array().unwrap();
    assert_eq!(items[0]["stage"], "public consultation");
    assert_eq!(items[0]["date"], "2027-01-20");

    // `list --format json` gives each agenda item's stage, units and contacts.
    let o = run(&["list", "--index", idx_s, "--format", "json"]);
    let listed: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let strategy = listed["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| {
            d["title"]
                .as_str()
                .unwrap()
                .starts_with("Udkast til Strategi mod ensomhed")
        })
        .expect("the strategy's agenda item is listed");
    assert_eq!(strategy["stage"], "consultation", "{strategy}");
    assert_eq!(strategy["item"], "2", "{strategy}");
    assert_eq!(
        strategy["units"][0], "Center for Sundhed og Omsorg",
        "{strategy}"
    );
    assert!(strategy["contacts"].is_array(), "{strategy}");
    // the committee's name set over two lines of the minutes' title is read whole
    assert_eq!(
        strategy["committee"], "Sundheds- og Omsorgsudvalget",
        "{strategy}"
    );

    // The report names whom the cases lie with, each with its evidence.
    let o = run(&[
        "report",
        "--profile",
        samples().join("profiles/ensomhed.toml").to_str().unwrap(),
        "--index",
        idx_s,
        "--format",
        "markdown",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let md = stdout(&o);
    let who = md
        .split("## Who handles the cases")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .unwrap_or_else(|| panic!("no who section: {md}"));
    assert!(
        who.contains(". Committee: Sundheds- og Omsorgsudvalget — "),
        "{who}"
    );
    assert!(
        who.contains(". Unit: Center for Sundhed og Omsorg — ")
            && who.contains("Udkast til Strategi mod ensomhed 2027–2030 – offentlig høring, item 2: Høringssvar sendes til Center for Sundhed og Omsorg"),
        "{who}"
    );

    // Nothing changed since the last run, so nothing is new.
    assert!(
        run(&["index", samples_s, "--index", idx_s])
            .status
            .success()
    );
    let o = run(&[
        "suggest",
        "--profile",
        profile.to_str().unwrap(),
        "--index",
        idx_s,
        "--new",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
}

#[test]
fn compound_queries_find_their_parts_and_parts_find_compounds() {
    let docs = tempfile::tempdir().unwrap();
    std::fs::write(
        docs.path().join("a.txt"),
        "Kommunen vil styrke sin indsats mod ensomhed blandt unge.",
    )
    .unwrap();
    std::fs::write(
        docs.path().join("b.txt"),
        "Ensomhedsstrategien skal revideres, og foreningerne inddrages.",
    )
    .unwrap();
    let idx = tempfile::tempdir().unwrap();
    let idx_s = idx.path().to_str().unwrap();
    assert!(
        run(&["index", docs.path().to_str().unwrap(), "--index", idx_s])
            .status
            .success()
    );
    let hits = |q: &str| -> Vec<String> {
        let o = run(&["search", q, "--index", idx_s, "--format", "json"]);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_default();
        v["hits"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|h| h["text"].as_str().unwrap_or_default().to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    let got = hits("ensomhedsindsats");
    assert!(
        got.iter().any(|t| t.contains("indsats mod ensomhed")),
        "{got:?}"
    );
    let got = hits("strategi");
    assert!(
        got.iter().any(|t| t.contains("Ensomhedsstrategien")),
        "{got:?}"
    );
}

/// A `.policymatchignore` in the folder silences the files it names: they are neither indexed
/// nor reported as skipped, and a file indexed before it named them is removed.
#[test]
fn an_ignore_file_silences_and_removes_what_it_names() {
    let docs = sample_copy();
    let docs_s = docs.path().to_str().unwrap();
    let idx = tempfile::tempdir().unwrap();
    let idx_s = idx.path().to_str().unwrap();
    std::fs::write(docs.path().join("budget.xlsx"), b"PK").unwrap();
    std::fs::write(docs.path().join(".policymatchignore"), "*.xlsx\n").unwrap();
    let o = run(&["index", docs_s, "--index", idx_s, "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let summary: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(summary["indexed"].as_array().unwrap().len(), 8);
    assert_eq!(summary["skipped"], serde_json::json!([]), "{summary}");
    assert_eq!(summary["ignored"].as_array().unwrap().len(), 1, "{summary}");

    std::fs::write(
        docs.path().join(".policymatchignore"),
        "*.xlsx\nravnstrup-*.pdf\n",
    )
    .unwrap();
    let ravnstrup = std::fs::read_dir(docs.path())
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            name.to_string_lossy().starts_with("ravnstrup-")
        })
        .count();
    assert!(ravnstrup > 0);
    let o = run(&["index", docs_s, "--index", idx_s]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let expected = format!(
        "unchanged {} / removed {ravnstrup} / skipped 0 / ignored {} / failed 0",
        8 - ravnstrup,
        ravnstrup + 1
    );
    assert!(out.contains(&expected), "{out}");
}

#[test]
fn a_reader_that_crashes_on_a_file_never_ends_the_run() {
    // The HTML that once panicked the indexing process itself (a Kelvin sign, three bytes,
    // inside <script>): whatever its reader makes of it now, the run goes on, the other file is
    // indexed, and the HTML file is indexed or failed with a one-line reason naming it.
    let docs = tempfile::tempdir().unwrap();
    std::fs::write(
        docs.path().join("kelvin.html"),
        "<html><body><p>Ensomhed blandt ældre.</p><script>\u{212a}a</script><p>Frivillige.</p></body></html>",
    )
    .unwrap();
    std::fs::write(
        docs.path().join("good.txt"),
        "Kommunen vil styrke samarbejdet med de frivillige foreninger om ensomhed.",
    )
    .unwrap();
    let idx = tempfile::tempdir().unwrap();
    let o = run(&[
        "index",
        docs.path().to_str().unwrap(),
        "--index",
        idx.path().to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(matches!(o.status.code(), Some(0 | 3)), "{}", stderr(&o));
    assert!(!stderr(&o).contains("internal error"), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let indexed: Vec<&str> = v["indexed"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str())
        .collect();
    assert!(indexed.iter().any(|p| p.ends_with("good.txt")), "{v}");
    let failed = v["failed"].as_array().unwrap();
    let html_failed = failed
        .iter()
        .any(|e| e[0].as_str().unwrap().ends_with("kelvin.html"));
    assert!(
        html_failed || indexed.iter().any(|p| p.ends_with("kelvin.html")),
        "{v}"
    );
    assert_eq!(o.status.code(), Some(if html_failed { 3 } else { 0 }));
    for e in failed {
        let line = format!("{}: {}", e[0].as_str().unwrap(), e[1].as_str().unwrap());
        assert!(stderr(&o).lines().any(|l| l.ends_with(&line)), "{line}");
    }
}

#[test]
fn a_file_over_the_size_limit_is_skipped_unread() {
    let docs = tempfile::tempdir().unwrap();
    let big = "Frivillige foreninger og ensomhed. ".repeat(64 * 1024);
    assert!(big.len() > 2 * 1024 * 1024);
    std::fs::write(docs.path().join("big.txt"), &big).unwrap();
    std::fs::write(docs.path().join("small.txt"), "Frivillige foreninger.").unwrap();
    let idx = tempfile::tempdir().unwrap();
    let (docs_s, idx_s) = (docs.path().to_str().unwrap(), idx.path().to_str().unwrap());
    let o = run(&[
        "index",
        docs_s,
        "--index",
        idx_s,
        "--max-file-size",
        "1",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["indexed"].as_array().unwrap().len(), 1, "{v}");
    let skipped = &v["skipped"][0];
    assert!(skipped[0].as_str().unwrap().ends_with("big.txt"), "{v}");
    assert_eq!(skipped[1], "2.2 MiB, over the limit of 1 MiB");
    // within the default limit it is indexed
    let o = run(&["index", docs_s, "--index", idx_s, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        v["indexed"][0].as_str().unwrap().ends_with("big.txt"),
        "{v}"
    );
    // and given a limit it is over again, it is skipped and its passages are removed
    let o = run(&["index", docs_s, "--index", idx_s, "--max-file-size", "2"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("skipped ")
            && stdout(&o).contains("big.txt: 2.2 MiB, over the limit of 2 MiB"),
        "{}",
        stdout(&o)
    );
    let list = run(&["list", "--index", idx_s, "--format", "json"]);
    assert!(!stdout(&list).contains("big.txt"), "{}", stdout(&list));
}

/// `eval --config` ranks with the file's settings, sweeps its `[sweep]` table, and `--loo`
/// reports leave-one-profile-out; a bad file is one line naming it, exit code 2.
#[test]
fn eval_takes_settings_sweeps_them_and_leaves_one_profile_out() {
    let idx = tempfile::tempdir().unwrap();
    let idx_s = idx.path().to_str().unwrap();
    let samples_s = samples();
    assert!(
        run(&["index", samples_s.to_str().unwrap(), "--index", idx_s])
            .status
            .success()
    );
    let dir = tempfile::tempdir().unwrap();
    let qrels = dir.path().join("qrels.tsv");
    std::fs::write(
        &qrels,
        "ensomhed\thavsoe-strategi-mod-ensomhed-2027-2030-hoeringsudkast.pdf\t1\t2\n\
         ensomhed\thavsoe-strategi-mod-ensomhed-2027-2030-hoeringsudkast.pdf\t2\t2\n\
         ensomhed\thavsoe-aeldrepolitik-2027-2030.pdf\t1\t1\n",
    )
    .unwrap();
    let profiles = samples().join("profiles");
    let eval = |extra: &[&str]| {
        let mut args = vec![
            "eval",
            "--profiles",
            profiles.to_str().unwrap(),
            "--qrels",
            qrels.to_str().unwrap(),
            "--index",
            idx_s,
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        run(&args)
    };
    let json = |o: &Output| -> serde_json::Value {
        assert!(o.status.success(), "{}", stderr(o));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let plain = json(&eval(&[]));
    assert!(plain["mean"]["ndcg"].as_f64().unwrap() > 0.0, "{plain}");
    assert!(plain.get("points").is_none());

    // a setting takes effect: no suggestion per page leaves nothing to measure
    let none = dir.path().join("none.toml");
    std::fs::write(&none, "[diversity]\nper_page = 0\n").unwrap();
    let v = json(&eval(&["--config", none.to_str().unwrap()]));
    assert_eq!(v["mean"]["ndcg"].as_f64(), Some(0.0), "{v}");

    // a sweep tries every point; --loo chooses one per held-out profile
    let sweep = dir.path().join("sweep.toml");
    std::fs::write(&sweep, "[sweep]\n\"diversity.per_page\" = [0, 2]\n").unwrap();
    let v = json(&eval(&["--config", sweep.to_str().unwrap(), "--loo"]));
    let labels: Vec<&str> = v["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["diversity.per_page=0", "diversity.per_page=2"]);
    assert_eq!(v["best"], "diversity.per_page=2");
    assert_eq!(v["loo"]["in_sample_point"], "diversity.per_page=2");
    let held = v["loo"]["held_out"].as_array().unwrap();
    assert_eq!(held.len(), 1, "{v}");
    // with one judged profile, the others are none: the first point is chosen without it
    assert_eq!(held[0]["chosen"], "diversity.per_page=0");
    assert!(v["loo_gap"].as_f64().unwrap() > 0.0);

    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[weights]\npages = 0.1\n").unwrap();
    let o = eval(&["--config", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("bad.toml") && err.contains("pages"), "{err}");
}
