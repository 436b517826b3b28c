//! Extraction and indexing throughput on the real corpus (`../shared/corpus`), with poppler's
//! `pdftotext` (one process per file, the way a user would script it) as the baseline measured
//! in the same run. At the end the medians are printed as ratios against that baseline.
//!
//! By default every 4th PDF of the corpus is used so a run takes minutes; set
//! `POLICYMATCH_BENCH_ALL=1` for the whole corpus. Without `pdftotext` on PATH (Debian package
//! poppler-utils) the baseline is skipped and no ratio is printed.

use criterion::{Criterion, criterion_group};
use policymatch_core::extract::extract_pdf;
use policymatch_core::index::PolicyIndex;
use policymatch_core::index::build::{IndexOptions, index_paths};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

fn corpus_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("SKIP: {} not found", dir.display());
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();
    if std::env::var_os("POLICYMATCH_BENCH_ALL").is_none() {
        files = files.into_iter().step_by(4).collect();
    }
    files
}

fn have_pdftotext() -> bool {
    Command::new("pdftotext")
        .arg("-v")
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

fn out_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/criterion-policymatch")
}

fn bench(c: &mut Criterion) {
    let files = corpus_files();
    if files.is_empty() {
        return;
    }
    let staged = tempfile::tempdir().expect("a temporary folder");
    for f in &files {
        let _ = std::fs::copy(f, staged.path().join(f.file_name().unwrap_or_default()));
    }
    let mut g = c.benchmark_group("corpus");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(20))
        .warm_up_time(Duration::from_secs(1));
    if have_pdftotext() {
        g.bench_function("pdftotext_per_file", |b| {
            b.iter(|| {
                let mut ok = 0;
                for f in &files {
                    let s = Command::new("pdftotext")
                        .arg(f)
                        .arg("-")
                        .stdout(Stdio::null())
                        .stderr(Stdio::null())
                        .status();
                    ok += usize::from(s.is_ok());
                }
                assert_eq!(ok, files.len());
            })
        });
    }
    g.bench_function("extract", |b| {
        b.iter(|| {
            let mut pages = 0;
            for f in &files {
                let bytes = std::fs::read(f).unwrap_or_default();
                pages += extract_pdf(&bytes).map(|p| p.len()).unwrap_or(0);
            }
            assert!(pages > 0);
        })
    });
    g.bench_function("index_end_to_end", |b| {
        b.iter(|| {
            let idx = tempfile::tempdir().expect("a temporary folder");
            let index = PolicyIndex::open_or_create(idx.path()).expect("index opens");
            let s = index_paths(
                &index,
                &[staged.path().to_path_buf()],
                &IndexOptions::default(),
            )
            .expect("indexing runs");
            assert!(s.passages > 0);
        })
    });
    g.finish();
}

fn median_ns(function: &str) -> Option<f64> {
    let p = out_dir()
        .join("corpus")
        .join(function)
        .join("new/estimates.json");
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(p).ok()?).ok()?;
    v["median"]["point_estimate"].as_f64()
}

fn report() {
    let Some(base) = median_ns("pdftotext_per_file") else {
        return;
    };
    eprintln!("ratios against pdftotext (one process per file), same run:");
    for f in ["extract", "index_end_to_end"] {
        if let Some(t) = median_ns(f) {
            eprintln!(
                "  {f:<18} {:.2}x  ({:.2} s vs {:.2} s)",
                t / base,
                t / 1e9,
                base / 1e9
            );
        }
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().output_directory(&out_dir());
    targets = bench
}

fn main() {
    benches();
    Criterion::default()
        .output_directory(&out_dir())
        .final_summary();
    report();
}
