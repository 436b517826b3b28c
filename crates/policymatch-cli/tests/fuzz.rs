//! A fuzz harness on stable: proptest mutates real PDFs (the bundled samples, and
//! `../shared/badpdfs` when present) and drives bytes → pages → passages through the real
//! worker process, with the same time and memory limits `index` uses. A case fails when the
//! worker dies (abort, stack overflow, signal), times out, runs out of memory, or when passages break their invariants.
//! Findings are kept as regression files in `tests/regressions/` and replayed by
//! `regressions_stay_fixed`.
//!
//! `POLICYMATCH_FUZZ_CASES` sets the number of cases (default 64, so the suite stays quick;
//! raise it for a real fuzzing session).

use policymatch_core::extract::ExtractError;
use policymatch_core::extract::isolated::{Limits, WorkerCommand, extract_isolated};
use policymatch_core::segment::segment_page;
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn worker() -> WorkerCommand {
    WorkerCommand {
        program: PathBuf::from(env!("CARGO_BIN_EXE_policymatch")),
        args: vec!["__extract-worker".into()],
    }
}

fn limits() -> Limits {
    Limits {
        timeout: Duration::from_secs(20),
        ..Limits::default()
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = Vec::new();
    for dir in [root.join("corpus-samples"), root.join("../shared/badpdfs")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        {
            if let Ok(bytes) = std::fs::read(&p)
                && bytes.len() < 400_000
            {
                out.push(bytes);
            }
        }
    }
    out
}

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    FlipByte(usize, u8),
    Splice(usize, usize, usize),
    InsertDigits(usize, u32),
    DuplicateRange(usize, usize),
}

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
    ]
}

/// Runs one input through the worker and checks the outcome; `Err` describes a finding.
fn check(bytes: &[u8]) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let path = dir.path().join("case.pdf");
    std::fs::write(&path, bytes).map_err(|e| e.to_string())?;
    match extract_isolated(&worker(), &path, limits()) {
        Ok(pages) => {
            for page in &pages {
                let mut prev = 0;
                for p in segment_page(&page.text) {
                    if p.start < prev || p.end > page.text.len() || p.start >= p.end {
                        return Err(format!("bad passage span {p:?}"));
                    }
                    prev = p.end;
                }
            }
            Ok(())
        }
        // A panic caught inside the extractor is reported as the file's reason, like any
        // other damage; what must never happen is a dead, hung or memory-hungry worker.
        Err(
            e @ (ExtractError::Timeout(_)
            | ExtractError::WorkerDied(_)
            | ExtractError::OutOfMemory(_)),
        ) => Err(e.to_string()),
        Err(_) => Ok(()),
    }
}

fn save_finding(bytes: &[u8], what: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let _ = std::fs::create_dir_all(&dir);
    let name = format!("finding-{}.pdf", name_hash(bytes));
    let _ = std::fs::write(dir.join(&name), bytes);
    eprintln!("finding saved as tests/regressions/{name}: {what}");
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
        .unwrap_or(64)
}

#[test]
fn mutated_pdfs_never_crash_hang_or_break_passages() {
    let seeds = seeds();
    assert!(!seeds.is_empty(), "the bundled samples are seeds");
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let strategy = (0..seeds.len(), prop::collection::vec(mutation(), 1..6));
    let result = runner.run(&strategy, |(seed, muts)| {
        let bytes = apply(&seeds[seed], &muts);
        if let Err(what) = check(&bytes) {
            save_finding(&bytes, &what);
            return Err(TestCaseError::fail(what));
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("fuzz finding: {e}");
    }
}

#[test]
fn regressions_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for e in entries.filter_map(|e| e.ok()) {
        let bytes = std::fs::read(e.path()).unwrap();
        if let Err(what) = check(&bytes) {
            panic!("{}: {what}", e.path().display());
        }
    }
}
