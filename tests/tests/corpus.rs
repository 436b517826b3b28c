//! Tests over the real shared corpus (`../shared/corpus`, present in CI). They skip, saying
//! so, when the corpus is absent or when built without optimisations (run them with
//! `cargo test --release -p policymatch-corpus-tests`).

use policymatch_core::extract::extract_pdf;
use policymatch_core::index::PolicyIndex;
use policymatch_core::index::build::{IndexOptions, index_paths};
use policymatch_core::metadata::Manifest;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared");
    if !dir.join("corpus").is_dir() {
        eprintln!(
            "SKIP: {} not found; the real-corpus suite needs ../shared",
            dir.display()
        );
        return None;
    }
    if cfg!(debug_assertions) {
        eprintln!("SKIP: the real-corpus suite runs with --release only (too slow in debug)");
        return None;
    }
    Some(dir)
}

/// Words as the measuring script counts them: runs of two or more letters, lower-cased.
fn bag(text: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            if word.chars().count() >= 2 {
                *m.entry(word.to_lowercase()).or_insert(0) += 1;
            }
            word.clear();
        }
    }
    m
}

#[test]
fn extraction_quality_against_poppler_reference() {
    let Some(shared) = shared() else { return };
    let corpus = shared.join("corpus");
    let reference = shared.join("corpus-reference");
    let mut names: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.to_lowercase().ends_with(".pdf"))
        .collect();
    names.sort();
    let (mut matched, mut ref_total, mut got_total, mut failed) = (0usize, 0usize, 0usize, 0usize);
    let mut worst = (1.0f64, String::new());
    for name in names {
        let ref_path = reference.join(format!("{}.txt", &name[..name.len() - 4]));
        let Ok(ref_text) = std::fs::read_to_string(&ref_path) else {
            continue;
        };
        let r = bag(&ref_text);
        let r_n: usize = r.values().sum();
        if r_n < 20 {
            continue;
        }
        let bytes = std::fs::read(corpus.join(&name)).unwrap();
        let text = match extract_pdf(&bytes) {
            Ok(pages) => pages
                .iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join("\u{c}"),
            Err(e) => {
                eprintln!("failed {name}: {e}");
                failed += 1;
                String::new()
            }
        };
        let g = bag(&text);
        let m: usize = r
            .iter()
            .map(|(w, n)| (*n).min(*g.get(w).unwrap_or(&0)))
            .sum();
        matched += m;
        ref_total += r_n;
        got_total += g.values().sum::<usize>();
        let recall = m as f64 / r_n as f64;
        if recall < worst.0 {
            worst = (recall, name.clone());
        }
    }
    let recall = matched as f64 / ref_total.max(1) as f64;
    let precision = matched as f64 / got_total.max(1) as f64;
    eprintln!(
        "failed {failed} recall {recall:.4} precision {precision:.4} worst_recall {:.3} ({})",
        worst.0, worst.1
    );
    assert_eq!(failed, 0);
    assert!(recall >= MIN_RECALL, "recall {recall:.4}");
    assert!(precision >= MIN_PRECISION, "precision {precision:.4}");
    assert!(
        worst.0 >= MIN_WORST,
        "worst recall {:.3} in {}",
        worst.0,
        worst.1
    );
}

/// Floors this suite holds the extractor to (the targets where they are met).
const MIN_RECALL: f64 = 0.99;
const MIN_PRECISION: f64 = 0.99;
const MIN_WORST: f64 = 0.90;

#[test]
fn indexes_the_whole_corpus() {
    let Some(shared) = shared() else { return };
    let corpus = shared.join("corpus");
    let idx = tempfile::tempdir().unwrap();
    let index = PolicyIndex::open_or_create(idx.path()).unwrap();
    let opts = IndexOptions {
        manifest: Manifest::read(&corpus.join("MANIFEST.tsv")).unwrap(),
        ..IndexOptions::default()
    };
    let s = index_paths(&index, std::slice::from_ref(&corpus), &opts).unwrap();
    eprintln!(
        "indexed {} unchanged {} skipped {} failed {} documents {} pages {} passages {} in {:.1} s",
        s.indexed.len(),
        s.unchanged,
        s.skipped.len(),
        s.failed.len(),
        s.documents,
        s.pages,
        s.passages,
        s.seconds
    );
    for (p, r) in &s.failed {
        eprintln!("failed {}: {r}", p.display());
    }
    let no_text = s
        .skipped
        .iter()
        .filter(|(_, r)| r.code() == "no_text_layer")
        .count();
    assert_eq!(no_text, 3, "{:?}", s.skipped);
    assert!(s.failed.is_empty(), "{:?}", s.failed);
    // Word documents are read too, old (.doc) and new (.docx)
    let is_word = |p: &std::path::Path| p.extension().is_some_and(|e| e == "docx" || e == "doc");
    let word = s.indexed.iter().filter(|p| is_word(p)).count();
    assert!(word >= 4, "{word} Word files indexed");
    assert!(
        !s.skipped.iter().any(|(p, _)| is_word(p)),
        "{:?}",
        s.skipped
    );
    let policy = index
        .documents()
        .unwrap()
        .into_iter()
        .find(|d| d.path.ends_with("2531342e2.doc"))
        .expect("the Syddjurs .doc is indexed");
    assert_eq!(policy.municipality, "Syddjurs Kommune");
    index.reload().unwrap();
    let found = index
        .search(
            "lokalt engagement kultur og fritid",
            &Default::default(),
            50,
        )
        .unwrap();
    assert!(
        found
            .iter()
            .any(|h| h.passage.document.path.ends_with("2531342e2.doc")),
        "the .doc's text is searchable"
    );
    assert!(s.pages > 2800, "{} pages", s.pages);
    assert_eq!(index.passage_count().unwrap(), s.passages);
    let docs = index.documents().unwrap();
    let greve = docs
        .iter()
        .filter(|d| d.municipality.contains("Greve"))
        .count();
    assert!(greve >= 149, "{greve} Greve documents");
    // agenda publications as XML (SBSYS / eDagsorden): one document per item
    for file in ["publication553.xml", "publication32.xml"] {
        let items = docs.iter().filter(|d| d.path.ends_with(file)).count();
        assert!(items >= 4, "{items} items from {file}");
    }
    // A second run changes nothing.
    let again = index_paths(&index, &[corpus], &opts).unwrap();
    assert!(again.indexed.is_empty());
    assert_eq!(index.passage_count().unwrap(), s.passages);
    meets_the_ranking_targets_on_the_dev_judgments(&index, &shared.join("eval/dev"));
    leave_one_profile_out_stays_near_in_sample(&index, &shared.join("eval/dev"));
}

/// How far the mean nDCG@10 and P@5 may fall below the figures recorded in
/// `tests/figures/ranking.tsv` before the suite fails.
const TOLERANCE: f64 = 0.02;

/// One profile's recorded figures (`tests/figures/ranking.tsv`).
#[derive(Debug, Clone, Copy)]
struct Recorded {
    ndcg: f64,
    p5: f64,
    bm25_ndcg: f64,
}

/// Reads the recorded ranking figures: one row per dev profile, `#` lines and the header
/// skipped.
fn recorded_figures() -> std::collections::BTreeMap<String, Recorded> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("figures/ranking.tsv");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut out = std::collections::BTreeMap::new();
    for line in text.lines() {
        if line.starts_with('#') || line.starts_with("profile\t") || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 5, "{}: bad row {line:?}", path.display());
        let num = |i: usize| -> f64 { f[i].parse().unwrap() };
        out.insert(
            f[0].to_string(),
            Recorded {
                ndcg: num(1),
                p5: num(2),
                bm25_ndcg: num(3),
            },
        );
    }
    out
}

/// Most in-sample mean nDCG@10 may exceed leave-one-profile-out (issue 16).
const LOO_GAP: f64 = 0.03;

/// Settings chosen without a profile do nearly as well on it as settings chosen with it:
/// over the built-in sweep (`eval --loo`), the leave-one-profile-out mean nDCG@10 is within
/// [`LOO_GAP`] of the in-sample best.
fn leave_one_profile_out_stays_near_in_sample(index: &PolicyIndex, dev: &Path) {
    use policymatch_matcher::config::ConfigFile;
    use policymatch_matcher::{Profile, eval};
    let qrels = eval::read_qrels(&dev.join("qrels.tsv")).unwrap();
    let mut profiles = std::collections::BTreeMap::new();
    for name in qrels.keys() {
        let path = dev.join("profiles").join(format!("{name}.toml"));
        profiles.insert(name.clone(), Profile::load(&path).unwrap());
    }
    let sweep = ConfigFile::parse(eval::DEFAULT_SWEEP, Path::new("loo-sweep.toml")).unwrap();
    let points = sweep.points().unwrap();
    let runs = eval::sweep(index, &points, &profiles, &qrels).unwrap();
    let loo = eval::leave_one_out(&runs).unwrap();
    eprintln!(
        "leave-one-profile-out mean nDCG@10 {:.3}, in-sample {:.3} ({}), gap {:.3} over {} points",
        loo.mean.ndcg,
        loo.in_sample.ndcg,
        loo.in_sample_point,
        loo.gap(),
        points.len()
    );
    assert_eq!(loo.held_out.len(), profiles.len());
    assert!(
        loo.gap() <= LOO_GAP,
        "leave-one-profile-out {:.3} is more than {LOO_GAP} below in-sample {:.3}",
        loo.mean.ndcg,
        loo.in_sample.ndcg
    );
}

/// The ranking holds the figures recorded in the repo on the dev judgments: the mean nDCG@10
/// and P@5 stay within [`TOLERANCE`] of the recorded means, every profile stays at or above
/// its own BM25 baseline (`relevance.py baseline`, recorded beside it), and the top ten stays
/// judged. Every judged profile must have a recorded row, so a new profile is recorded before
/// it is guarded.
fn meets_the_ranking_targets_on_the_dev_judgments(index: &PolicyIndex, dev: &Path) {
    use policymatch_matcher::{Matcher, Profile, eval};
    let qrels = eval::read_qrels(&dev.join("qrels.tsv")).unwrap();
    let mut profiles = std::collections::BTreeMap::new();
    for name in qrels.keys() {
        let path = dev.join("profiles").join(format!("{name}.toml"));
        profiles.insert(name.clone(), Profile::load(&path).unwrap());
    }
    let recorded = recorded_figures();
    let rows = eval::evaluate(&Matcher::new(index), &profiles, &qrels).unwrap();
    for (name, m) in &rows {
        let bm25 = recorded.get(name).map_or(f64::NAN, |r| r.bm25_ndcg);
        eprintln!("{} (BM25 {bm25:.3})", m.line(name));
    }
    let mean = eval::Metrics::mean(&rows.iter().map(|r| r.1).collect::<Vec<_>>());
    let n = recorded.len() as f64;
    let recorded_ndcg = recorded.values().map(|r| r.ndcg).sum::<f64>() / n;
    let recorded_p5 = recorded.values().map(|r| r.p5).sum::<f64>() / n;
    eprintln!(
        "{} (recorded {recorded_ndcg:.3} / {recorded_p5:.3}, tolerance {TOLERANCE})",
        mean.mean_line()
    );
    let evaluated: Vec<&String> = rows.iter().map(|r| &r.0).collect();
    let expected: Vec<&String> = recorded.keys().collect();
    assert_eq!(
        evaluated, expected,
        "the judged profiles and tests/figures/ranking.tsv differ: record the new figures"
    );
    assert!(
        mean.ndcg >= recorded_ndcg - TOLERANCE,
        "mean nDCG@10 {:.3} below the recorded {recorded_ndcg:.3} - {TOLERANCE}",
        mean.ndcg
    );
    assert!(
        mean.p5 >= recorded_p5 - TOLERANCE,
        "mean P@5 {:.3} below the recorded {recorded_p5:.3} - {TOLERANCE}",
        mean.p5
    );
    for (name, m) in &rows {
        let bm25 = recorded[name].bm25_ndcg;
        assert!(
            m.ndcg >= bm25,
            "{name}: nDCG@10 {:.3} below its BM25 baseline {bm25:.3}",
            m.ndcg
        );
    }
    assert!(mean.judged >= 0.9, "judged@10 {:.3}", mean.judged);
}
