//! A fuzz harness on stable for every format `index` reads: PDF, agenda JSON, agenda XML,
//! Word (`.docx`, `.doc`), HTML and text. proptest mutates real files (the bundled samples,
//! `../shared/corpus/other-formats`, `../shared/badinputs` and `../shared/badpdfs` when
//! present) and drives each case through the real binary, as a user would: `index` of a
//! folder holding only that file, then `export` of what was indexed.
//!
//! The binary runs with `POLICYMATCH_PANIC=abort`, so that any panic, even one the code
//! catches and turns into a file's failure, aborts the process that raised it. A case fails
//! when:
//! - the run does not end with a documented exit code (0, 1 or 3), or a worker died, timed out,
//!   ran out of memory or panicked (the file's reason says so);
//! - the summary does not account for the file (indexed, skipped or failed, with a reason);
//! - what was indexed cannot be exported as JSON lines.
//!
//! A finding is written to `target/tmp/fuzz-findings/`; once the bug is fixed, it is moved to
//! `tests/regressions/`, named after the bug it pins, and `regressions_stay_fixed` replays it.
//!
//! `POLICYMATCH_FUZZ_CASES` sets the number of cases per format (default 24, so the suite stays
//! quick; raise it for a real fuzzing session) and `POLICYMATCH_FUZZ_SEED` the seed (default 7).

use proptest::prelude::*;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The file extensions fuzzed, one test each.
const PDF: &[&str] = &["pdf"];
const JSON: &[&str] = &["json"];
const XML: &[&str] = &["xml"];
const DOCX: &[&str] = &["docx"];
const DOC: &[&str] = &["doc"];
const HTML: &[&str] = &["html", "htm"];
const TEXT: &[&str] = &["txt"];

/// Seeds larger than this are left out, so that each case stays quick.
const MAX_SEED: usize = 400_000;

/// Wall-clock bound of one `index` run of one file: the worker's own limit (`--timeout`)
/// plus start-up and commit.
const RUN_LIMIT: Duration = Duration::from_secs(60);

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Real files with one of `exts`, sorted by path, from the samples and the shared material.
fn seeds(exts: &[&str]) -> Vec<(String, Vec<u8>)> {
    let root = root();
    let dirs = [
        root.join("corpus-samples"),
        root.join("tools/make-samples"),
        root.join("../shared/corpus/other-formats"),
        root.join("../shared/badinputs"),
        root.join("../shared/badpdfs"),
    ];
    let mut paths = Vec::new();
    for dir in dirs {
        collect(&dir, exts, &mut paths, 0);
    }
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let bytes = std::fs::read(&p).ok()?;
            let ext = extension(&p)?;
            (!bytes.is_empty() && bytes.len() < MAX_SEED).then_some((ext, bytes))
        })
        .collect()
}

fn extension(p: &Path) -> Option<String> {
    Some(p.extension()?.to_string_lossy().to_lowercase())
}

fn collect(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>, depth: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.filter_map(|e| e.ok()) {
        let p = e.path();
        if p.is_dir() && depth < 3 {
            collect(&p, exts, out, depth + 1);
        } else if extension(&p).is_some_and(|x| exts.contains(&x.as_str())) {
            out.push(p);
        }
    }
}

/// Byte-level and token-level changes to a file.
#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    FlipByte(usize, u8),
    Splice(usize, usize, usize),
    InsertDigits(usize, u32),
    DuplicateRange(usize, usize),
    /// Inserts one of [`TOKENS`]: markup, escapes and characters that change length when
    /// case-folded, the stuff readers trip on.
    InsertToken(usize, usize),
}

/// Fragments that matter to the readers' grammars (HTML, XML, JSON, the PDF syntax) and text
/// that changes byte length under case folding or normalisation.
const TOKENS: &[&str] = &[
    "<script>",
    "</script",
    "<style>",
    "<h2>",
    "</h1>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "&amp;",
    "&#x212A;",
    "&#99999999;",
    "&aelig",
    "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]>",
    "&a;",
    "\u{212A}a",
    "\u{130}",
    "\u{DF}",
    "\u{FB03}",
    "\u{0}",
    "\u{FEFF}",
    "\u{c}",
    "{\"",
    "[[[[[[[[",
    "]]]]",
    "\\u00e6",
    "\\ud800",
    "\":",
    "null",
    "\"Dato\":\"2027-02-31T00:00:00\"",
    "31. februar 2027",
    "senest den 99. marts",
    " obj ",
    "endobj",
    "stream\n",
    "endstream",
    "/Length 999999999",
    "xref",
    "trailer",
    "<<",
    ">>",
];

fn apply(bytes: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut b = bytes.to_vec();
    for m in mutations {
        if b.is_empty() {
            break;
        }
        let at = |i: usize, b: &Vec<u8>| i % b.len();
        match *m {
            Mutation::Truncate(i) => {
                let n = at(i, &b);
                b.truncate(n.max(8));
            }
            Mutation::FlipByte(i, v) => {
                let n = at(i, &b);
                b[n] ^= v;
            }
            Mutation::Splice(from, to, len) => {
                let (f, t) = (at(from, &b), at(to, &b));
                let chunk: Vec<u8> = b[f..(f + len % 256).min(b.len())].to_vec();
                b.splice(t..t, chunk);
            }
            Mutation::InsertDigits(i, v) => {
                let n = at(i, &b);
                let digits = v.to_string().into_bytes();
                b.splice(n..n, digits);
            }
            Mutation::DuplicateRange(i, len) => {
                let n = at(i, &b);
                let chunk: Vec<u8> = b[n..(n + len % 4096).min(b.len())].to_vec();
                b.extend_from_slice(&chunk);
            }
            Mutation::InsertToken(i, t) => {
                let n = at(i, &b);
                let token = TOKENS[t % TOKENS.len()].as_bytes().to_vec();
                b.splice(n..n, token);
            }
        }
    }
    b
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), 1u8..=255).prop_map(|(i, v)| Mutation::FlipByte(i, v)),
        (any::<usize>(), any::<usize>(), any::<usize>())
            .prop_map(|(a, b, c)| Mutation::Splice(a, b, c)),
        (any::<usize>(), any::<u32>()).prop_map(|(i, v)| Mutation::InsertDigits(i, v)),
        (any::<usize>(), any::<usize>()).prop_map(|(i, l)| Mutation::DuplicateRange(i, l)),
        (any::<usize>(), any::<usize>()).prop_map(|(i, t)| Mutation::InsertToken(i, t)),
    ]
}

/// What a run of the binary gave.
struct Run {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
}

/// Runs the binary with `args` under [`RUN_LIMIT`], panics aborting.
fn run(args: &[&std::ffi::OsStr]) -> Result<Run, String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_policymatch"))
        .args(args)
        .env("POLICYMATCH_PANIC", "abort")
        // English reasons: BROKEN lists them in English.
        .env("POLICYMATCH_LANG", "en")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start policymatch: {e}"))?;
    let mut out = child.stdout.take().ok_or("no stdout")?;
    let mut err = child.stderr.take().ok_or("no stderr")?;
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = String::new();
        let _ = err.read_to_string(&mut buf);
        buf
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > RUN_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("policymatch ran over {} s", RUN_LIMIT.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(e.to_string()),
        }
    };
    Ok(Run {
        code: status.code(),
        stdout: out_reader.join().unwrap_or_default(),
        stderr: err_reader.join().unwrap_or_default(),
    })
}

/// Reasons that mean the reader itself broke, not the file: a finding.
const BROKEN: &[&str] = &[
    "timed out",
    "out of memory",
    "process died",
    "crashed",
    "panic",
    "internal error",
];

/// Indexes `bytes` as a file with extension `ext` and checks the outcome; `Err` describes a
/// finding.
fn check(ext: &str, bytes: &[u8]) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).map_err(|e| e.to_string())?;
    let file = docs.join(format!("case.{ext}"));
    std::fs::write(&file, bytes).map_err(|e| e.to_string())?;
    let idx = dir.path().join("idx");
    let index = run(&[
        "index".as_ref(),
        docs.as_os_str(),
        "--index".as_ref(),
        idx.as_os_str(),
        "--timeout".as_ref(),
        "20".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ])?;
    if !matches!(index.code, Some(0 | 1 | 3)) {
        return Err(format!(
            "index exited with {:?}: {}",
            index.code,
            index.stderr.trim()
        ));
    }
    if index.stderr.contains("internal error") {
        return Err(format!("index: {}", index.stderr.trim()));
    }
    let summary: serde_json::Value = serde_json::from_slice(&index.stdout)
        .map_err(|e| format!("index summary is not JSON: {e}"))?;
    let listed = |key: &str| -> Vec<String> {
        summary[key]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter(|row| {
                        row[0]
                            .as_str()
                            .or_else(|| row.as_str())
                            .is_some_and(|p| p.ends_with(&format!("case.{ext}")))
                    })
                    .map(|row| row[1].as_str().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    let indexed = listed("indexed").len();
    let reasons: Vec<String> = listed("skipped")
        .into_iter()
        .chain(listed("failed"))
        .collect();
    if indexed + reasons.len() != 1 {
        return Err(format!(
            "the summary lists the file {} times: {}",
            indexed + reasons.len(),
            String::from_utf8_lossy(&index.stdout)
        ));
    }
    for reason in &reasons {
        let lower = reason.to_lowercase();
        if reason.trim().is_empty() {
            return Err("a file was skipped or failed without a reason".into());
        }
        if let Some(b) = BROKEN.iter().find(|b| lower.contains(*b)) {
            return Err(format!("reader broke ({b}): {reason}"));
        }
    }
    if indexed == 1 {
        let export = run(&[
            "export".as_ref(),
            "--index".as_ref(),
            idx.as_os_str(),
            "--format".as_ref(),
            "jsonl".as_ref(),
        ])?;
        // 1 is the documented "found nothing": a file whose text gave no passage.
        if !matches!(export.code, Some(0 | 1)) {
            return Err(format!(
                "export exited with {:?}: {}",
                export.code,
                export.stderr.trim()
            ));
        }
        for line in String::from_utf8_lossy(&export.stdout).lines() {
            let v: serde_json::Value =
                serde_json::from_str(line).map_err(|e| format!("export line not JSON: {e}"))?;
            if v["page"].as_u64().is_none_or(|p| p == 0) {
                return Err(format!("passage without a page: {line}"));
            }
        }
    }
    Ok(())
}

fn save_finding(ext: &str, bytes: &[u8], what: &str) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-findings");
    let _ = std::fs::create_dir_all(&dir);
    let name = format!("finding-{}.{ext}", name_hash(bytes));
    let _ = std::fs::write(dir.join(&name), bytes);
    eprintln!(
        "finding saved as {}: {what} (once fixed, move it to tests/regressions/ named after the bug)",
        dir.join(&name).display()
    );
}

fn name_hash(bytes: &[u8]) -> String {
    // A small stable hash (FNV-1a) is enough to name a file.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

fn cases() -> u32 {
    std::env::var("POLICYMATCH_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(24)
}

/// Fuzzes the files with `exts`: at least one seed is bundled or shared for each format.
fn fuzz(exts: &[&str]) {
    let seeds = seeds(exts);
    if seeds.is_empty() {
        let shared = root().join("../shared");
        assert!(
            !shared.is_dir(),
            "no {exts:?} seeds although ../shared is present"
        );
        eprintln!("SKIP: no {exts:?} seeds (../shared not found)");
        return;
    }
    eprintln!("fuzzing {exts:?}: {} seeds, {} cases", seeds.len(), cases());
    // A fixed seed, so that CI runs the same cases every time (POLICYMATCH_FUZZ_SEED varies
    // it for a real fuzzing session).
    let seed: u64 = std::env::var("POLICYMATCH_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(7);
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    let rng = proptest::test_runner::TestRng::from_seed(
        proptest::test_runner::RngAlgorithm::ChaCha,
        &key,
    );
    let config = ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        max_shrink_iters: 32,
        ..ProptestConfig::default()
    };
    let mut runner = proptest::test_runner::TestRunner::new_with_rng(config, rng);
    let strategy = (0..seeds.len(), prop::collection::vec(mutation(), 1..6));
    let result = runner.run(&strategy, |(seed, muts)| {
        let (ext, bytes) = &seeds[seed];
        let bytes = apply(bytes, &muts);
        if let Err(what) = check(ext, &bytes) {
            save_finding(ext, &bytes, &what);
            return Err(TestCaseError::fail(what));
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("fuzz finding in {exts:?}: {e}");
    }
}

#[test]
fn mutated_pdfs_never_crash_hang_or_panic() {
    fuzz(PDF);
}

#[test]
fn mutated_agenda_json_never_crashes_hangs_or_panics() {
    fuzz(JSON);
}

#[test]
fn mutated_agenda_xml_never_crashes_hangs_or_panics() {
    fuzz(XML);
}

#[test]
fn mutated_docx_never_crashes_hangs_or_panics() {
    fuzz(DOCX);
}

#[test]
fn mutated_doc_never_crashes_hangs_or_panics() {
    fuzz(DOC);
}

#[test]
fn mutated_html_never_crashes_hangs_or_panics() {
    fuzz(HTML);
}

#[test]
fn mutated_text_never_crashes_hangs_or_panics() {
    fuzz(TEXT);
}

/// Every file in `tests/regressions/` (named after the bug it pins) is read without a crash,
/// a hang or a panic.
#[test]
fn regressions_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "the regression files are bundled");
    for p in paths {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        assert!(
            !name.starts_with("finding-"),
            "{name}: name a regression file after the bug it pins"
        );
        let ext = extension(&p).unwrap();
        let bytes = std::fs::read(&p).unwrap();
        if let Err(what) = check(&ext, &bytes) {
            panic!("{}: {what}", p.display());
        }
    }
}
