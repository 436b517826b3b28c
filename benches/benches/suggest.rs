//! Suggest latency on the shared corpus, against a plain BM25 search of the same profile text.
//!
//! The index is `$POLICYMATCH_BENCH_INDEX` when set (an index of `../shared/corpus`), else
//! one built into a temporary folder first. The profiles are `../shared/eval/dev/profiles`.
//! Besides criterion's figures, prints each side's p50 over all profiles and their ratio, and
//! the command line's p50 including process start (when the release binary is built).
//!
//!     cargo bench -p policymatch-benches --bench suggest

use criterion::Criterion;
use policymatch_core::index::PolicyIndex;
use policymatch_core::index::build::{IndexOptions, index_paths};
use policymatch_core::index::search::Filters;
use policymatch_matcher::{Matcher, Options, Profile};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared")
}

fn profiles() -> Vec<(String, Profile, String)> {
    let dir = shared().join("eval/dev/profiles");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let profile = Profile::load(p).unwrap_or_else(|e| panic!("{e}"));
            // the baseline query: all profile text, as tools/relevance.py builds it
            let mut text = vec![profile.name.clone(), profile.description.clone()];
            text.extend(profile.themes.iter().cloned());
            text.extend(profile.activities.iter().cloned());
            text.extend(profile.target_groups.iter().cloned());
            let name = p.file_stem().map(|s| s.to_string_lossy().into_owned());
            (name.unwrap_or_default(), profile, text.join(" "))
        })
        .collect()
}

fn p50(mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..30)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let _tmp;
    let dir = match std::env::var_os("POLICYMATCH_BENCH_INDEX") {
        Some(d) => PathBuf::from(d),
        None => {
            let tmp = tempfile::tempdir().expect("a temporary folder");
            let dir = tmp.path().join("index");
            let index = PolicyIndex::open_or_create(&dir).expect("a new index");
            eprintln!(
                "building an index of the shared corpus (set POLICYMATCH_BENCH_INDEX to reuse one)"
            );
            index_paths(&index, &[shared().join("corpus")], &IndexOptions::default())
                .expect("indexing the shared corpus");
            _tmp = tmp;
            dir
        }
    };
    let index = PolicyIndex::open(&dir).expect("the bench index");
    let matcher = Matcher::new(&index);
    let profiles = profiles();
    let options = Options::default();

    let mut c = Criterion::default().configure_from_args();
    let mut group = c.benchmark_group("suggest");
    for (name, profile, text) in &profiles {
        group.bench_function(format!("matcher/{name}"), |b| {
            b.iter(|| {
                let s = matcher
                    .suggest(black_box(profile), &options)
                    .expect("suggest");
                assert!(!s.is_empty(), "no suggestions for {name}");
                s
            })
        });
        group.bench_function(format!("bm25/{name}"), |b| {
            b.iter(|| {
                let hits = index
                    .search(black_box(text), &Filters::default(), options.top)
                    .expect("search");
                assert!(!hits.is_empty(), "no hits for {name}");
                hits
            })
        });
    }
    group.finish();

    let mut ours = Vec::new();
    let mut base = Vec::new();
    for (_, profile, text) in &profiles {
        ours.push(p50(|| {
            black_box(matcher.suggest(profile, &options).expect("suggest"));
        }));
        base.push(p50(|| {
            black_box(
                index
                    .search(text, &Filters::default(), options.top)
                    .expect("search"),
            );
        }));
    }
    ours.sort();
    base.sort();
    let (o, b) = (ours[ours.len() / 2], base[base.len() / 2]);
    println!(
        "suggest p50 {:.2} ms, plain BM25 search p50 {:.2} ms, ratio {:.2} (median over {} profiles of each profile's p50)",
        o.as_secs_f64() * 1e3,
        b.as_secs_f64() * 1e3,
        o.as_secs_f64() / b.as_secs_f64(),
        profiles.len()
    );
    cli(&dir, &profiles);
    c.final_summary();
}

/// The command line including process start: `policymatch suggest` on the same index, against
/// `policymatch --version` (process start alone) in the same run. Needs the release binary.
fn cli(dir: &Path, profiles: &[(String, Profile, String)]) {
    let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/release/policymatch");
    if !bin.exists() {
        println!(
            "CLI latency skipped: build {} first (cargo build --release -p policymatch-cli)",
            bin.display()
        );
        return;
    }
    let run = |args: &[&std::ffi::OsStr]| {
        let status = std::process::Command::new(&bin)
            .args(args)
            .stdout(std::process::Stdio::null())
            .status()
            .expect("running policymatch");
        assert!(status.success(), "policymatch {args:?} failed");
    };
    let mut ours = Vec::new();
    for (name, _, _) in profiles {
        let profile = shared().join(format!("eval/dev/profiles/{name}.toml"));
        ours.push(p50(|| {
            run(&[
                "suggest".as_ref(),
                "--profile".as_ref(),
                profile.as_os_str(),
                "--index".as_ref(),
                dir.as_os_str(),
            ])
        }));
    }
    ours.sort();
    let start = p50(|| run(&["--version".as_ref()]));
    let o = ours[ours.len() / 2];
    println!(
        "CLI suggest p50 {:.1} ms including process start, `policymatch --version` p50 {:.1} ms, ratio {:.1} (median over {} profiles)",
        o.as_secs_f64() * 1e3,
        start.as_secs_f64() * 1e3,
        o.as_secs_f64() / start.as_secs_f64(),
        profiles.len()
    );
}
