//! Page-level ranking quality against graded judgments.
//!
//! Mirrors `tools/relevance.py` exactly: a ranked item is a page, `(file base name, page)`;
//! repeats keep their first rank; a suggestion's `also_in` places rank right after it.
//!
//! - nDCG@k with gain `2^grade - 1` and discount `log2(rank + 1)`, ideal from all judgments;
//! - P@5 counts grade-2 pages in the first five;
//! - R@20 is the share of pages of grade ≥ 1 found in the first twenty;
//! - judged@k is the share of the first `min(k, n)` ranked pages that have a judgment.

use crate::{Matcher, Options, Profile, Suggestion};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// A judged page: file base name and 1-based page number.
pub type Page = (String, u64);

/// Graded judgments of one profile: page → grade (0, 1 or 2).
pub type Judgments = HashMap<Page, u8>;

/// Why judgments could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum QrelsError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The judgments file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A line is malformed.
    #[error("{}:{line}: {message}", path.display())]
    Invalid {
        /// The judgments file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Reads judgments: `profile<TAB>file<TAB>page<TAB>grade` per line; blank lines and lines
/// starting with `#` are skipped. Returns profile → judgments, sorted by profile.
pub fn read_qrels(path: &Path) -> Result<BTreeMap<String, Judgments>, QrelsError> {
    let text = fs_err::read_to_string(path).map_err(|source| QrelsError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_qrels(&text, path)
}

/// Parses judgments text (see [`read_qrels`]); `path` names the file in errors.
pub fn parse_qrels(text: &str, path: &Path) -> Result<BTreeMap<String, Judgments>, QrelsError> {
    let mut out: BTreeMap<String, Judgments> = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let invalid = |message: String| QrelsError::Invalid {
            path: path.to_path_buf(),
            line: i + 1,
            message,
        };
        let cols: Vec<&str> = line.split('\t').collect();
        let [profile, file, page, grade, ..] = cols[..] else {
            return Err(invalid(format!(
                "expected profile<TAB>file<TAB>page<TAB>grade, found {} column(s)",
                cols.len()
            )));
        };
        let page: u64 = page
            .trim()
            .parse()
            .map_err(|_| invalid(format!("page {page:?} is not a number")))?;
        let grade: u8 = grade
            .trim()
            .parse()
            .map_err(|_| invalid(format!("grade {grade:?} is not a number")))?;
        out.entry(profile.to_string())
            .or_default()
            .insert((file.to_string(), page), grade);
    }
    Ok(out)
}

/// The ranked pages of `suggestions`: each suggestion's page, then its `also_in` places.
pub fn ranked_pages(suggestions: &[Suggestion]) -> Vec<Page> {
    let mut out = Vec::new();
    for s in suggestions {
        out.push((base_name(&s.passage.document.path), s.passage.page));
        for a in &s.also_in {
            out.push((base_name(&a.path), a.page));
        }
    }
    out
}

fn base_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned())
}

/// The measures of one ranking.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Metrics {
    /// Normalised discounted cumulative gain at k.
    pub ndcg: f64,
    /// Share of grade-2 pages in the first five.
    pub p5: f64,
    /// Share of relevant (grade ≥ 1) pages found in the first twenty.
    pub r20: f64,
    /// Share of the first k ranked pages that are judged.
    pub judged: f64,
}

impl Metrics {
    /// The mean of `rows` (all zero when empty).
    pub fn mean(rows: &[Metrics]) -> Metrics {
        if rows.is_empty() {
            return Metrics::default();
        }
        let n = rows.len() as f64;
        Metrics {
            ndcg: rows.iter().map(|m| m.ndcg).sum::<f64>() / n,
            p5: rows.iter().map(|m| m.p5).sum::<f64>() / n,
            r20: rows.iter().map(|m| m.r20).sum::<f64>() / n,
            judged: rows.iter().map(|m| m.judged).sum::<f64>() / n,
        }
    }

    /// One profile's line, as `tools/relevance.py` prints it.
    pub fn line(&self, profile: &str) -> String {
        format!(
            "{profile:28} nDCG@{K} {:.3} P@5 {:.2} R@20 {:.2} judged@{K} {:.2}",
            self.ndcg, self.p5, self.r20, self.judged
        )
    }

    /// The mean's line (see [`Metrics::mean`]), as `tools/relevance.py` prints it.
    pub fn mean_line(&self) -> String {
        format!(
            "mean nDCG@{K} {:.3} P@5 {:.3} R@20 {:.3} judged@{K} {:.3}",
            self.ndcg, self.p5, self.r20, self.judged
        )
    }
}

fn gain(grade: u8) -> f64 {
    2f64.powi(i32::from(grade)) - 1.0
}

fn dcg(grades: impl Iterator<Item = u8>) -> f64 {
    grades
        .enumerate()
        .map(|(i, g)| gain(g) / ((i + 2) as f64).log2())
        .sum()
}

/// Measures `ranked` pages against `judged` at cut-off `k` (the first rank of a repeated
/// page counts; unjudged pages count as not relevant).
pub fn metrics(ranked: &[Page], judged: &Judgments, k: usize) -> Metrics {
    let mut seen = HashSet::new();
    let unique: Vec<&Page> = ranked.iter().filter(|p| seen.insert(*p)).collect();
    let grade = |p: &Page| judged.get(p).copied().unwrap_or(0);
    let got = dcg(unique.iter().take(k).map(|p| grade(p)));
    let mut ideal: Vec<u8> = judged.values().copied().collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let best = dcg(ideal.into_iter().take(k));
    let relevant = judged.values().filter(|&&g| g > 0).count();
    let p5 = unique.iter().take(5).filter(|p| grade(p) >= 2).count() as f64 / 5.0;
    let r20 = if relevant == 0 {
        0.0
    } else {
        unique.iter().take(20).filter(|p| grade(p) > 0).count() as f64 / relevant as f64
    };
    let judged_k = unique
        .iter()
        .take(k)
        .filter(|p| judged.contains_key(**p))
        .count() as f64
        / k.min(unique.len()).max(1) as f64;
    Metrics {
        ndcg: if best > 0.0 { got / best } else { 0.0 },
        p5,
        r20,
        judged: judged_k,
    }
}

/// Rank cut-off of nDCG and judged.
pub const K: usize = 10;

/// Suggestions asked for per profile (as `relevance.py` runs `suggest --top 30`).
pub const DEPTH: usize = 30;

/// Runs every judged profile through `matcher` with the options `suggest` uses by default
/// (the profile's own filters apply the same way) and measures it. Profiles are reported in
/// the judgments' order; a judged profile without a profile file scores zero.
pub fn evaluate(
    matcher: &Matcher<'_>,
    profiles: &BTreeMap<String, Profile>,
    qrels: &BTreeMap<String, Judgments>,
) -> crate::Result<Vec<(String, Metrics)>> {
    let options = Options {
        top: DEPTH,
        ..Options::default()
    };
    let mut rows = Vec::new();
    for (name, judged) in qrels {
        let ranked = match profiles.get(name) {
            Some(p) => ranked_pages(&matcher.suggest(p, &options)?),
            None => Vec::new(),
        };
        rows.push((name.clone(), metrics(&ranked, judged, K)));
    }
    Ok(rows)
}

/// The measures of every judged profile under one point of a sweep.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PointRun {
    /// The point's label ([`crate::config::Point::label`]).
    pub label: String,
    /// Each judged profile's measures, in the judgments' order.
    pub rows: Vec<(String, Metrics)>,
}

impl PointRun {
    /// The mean of the profiles' measures.
    pub fn mean(&self) -> Metrics {
        Metrics::mean(&self.rows.iter().map(|r| r.1).collect::<Vec<_>>())
    }

    /// The mean nDCG over the profiles other than `left_out`.
    fn ndcg_without(&self, left_out: &str) -> f64 {
        let others: Vec<f64> = self
            .rows
            .iter()
            .filter(|(n, _)| n != left_out)
            .map(|(_, m)| m.ndcg)
            .collect();
        if others.is_empty() {
            0.0
        } else {
            others.iter().sum::<f64>() / others.len() as f64
        }
    }
}

/// Runs [`evaluate`] under every point of a sweep, in the points' order.
pub fn sweep(
    index: &policymatch_core::index::PolicyIndex,
    points: &[crate::config::Point],
    profiles: &BTreeMap<String, Profile>,
    qrels: &BTreeMap<String, Judgments>,
) -> crate::Result<Vec<PointRun>> {
    points
        .iter()
        .map(|p| {
            let matcher = Matcher::with_config(index, p.config.clone());
            Ok(PointRun {
                label: p.label.clone(),
                rows: evaluate(&matcher, profiles, qrels)?,
            })
        })
        .collect()
}

/// The index of the run with the best mean nDCG by `score` (the first on a tie).
fn best_by(runs: &[PointRun], score: impl Fn(&PointRun) -> f64) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for (i, r) in runs.iter().enumerate() {
        let s = score(r);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.map(|(i, _)| i)
}

/// One held-out profile of a leave-one-profile-out run.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct HeldOut {
    /// The profile left out.
    pub profile: String,
    /// The point chosen on the other profiles.
    pub chosen: String,
    /// The profile's measures under that point.
    pub metrics: Metrics,
}

/// Leave-one-profile-out against in-sample: how well settings chosen without a profile do
/// on it, against settings chosen on all profiles.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LeaveOneOut {
    /// The point with the best mean nDCG over all profiles.
    pub in_sample_point: String,
    /// The mean under it.
    pub in_sample: Metrics,
    /// Each profile, measured under the point best on the others.
    pub held_out: Vec<HeldOut>,
    /// The mean of the held-out measures.
    pub mean: Metrics,
}

impl LeaveOneOut {
    /// In-sample mean nDCG minus the held-out mean nDCG (how much choosing on the profile
    /// itself gains).
    pub fn gap(&self) -> f64 {
        self.in_sample.ndcg - self.mean.ndcg
    }
}

/// Leave-one-profile-out over the runs of a sweep: for each profile, the point with the best
/// mean nDCG over the other profiles is chosen (the first on a tie) and the profile is
/// measured under it. `None` when there are no runs.
pub fn leave_one_out(runs: &[PointRun]) -> Option<LeaveOneOut> {
    let all = best_by(runs, |r| r.mean().ndcg)?;
    let names: Vec<&String> = runs[all].rows.iter().map(|(n, _)| n).collect();
    let mut held_out = Vec::new();
    for name in names {
        let Some(i) = best_by(runs, |r| r.ndcg_without(name)) else {
            continue;
        };
        let Some(m) = runs[i].rows.iter().find(|(n, _)| n == name).map(|r| r.1) else {
            continue;
        };
        held_out.push(HeldOut {
            profile: name.clone(),
            chosen: runs[i].label.clone(),
            metrics: m,
        });
    }
    let mean = Metrics::mean(&held_out.iter().map(|h| h.metrics).collect::<Vec<_>>());
    Some(LeaveOneOut {
        in_sample_point: runs[all].label.clone(),
        in_sample: runs[all].mean(),
        held_out,
        mean,
    })
}

/// The sweep `eval --loo` runs when no configuration file names one: the settings that move
/// the ranking most, each at its default and a step either side.
pub const DEFAULT_SWEEP: &str = include_str!("loo-sweep.toml");

#[cfg(test)]
mod tests {
    use super::*;

    fn page(f: &str, p: u64) -> Page {
        (f.to_string(), p)
    }

    fn judged(rows: &[(&str, u64, u8)]) -> Judgments {
        rows.iter().map(|&(f, p, g)| (page(f, p), g)).collect()
    }

    #[test]
    fn perfect_ranking_scores_one() {
        let j = judged(&[("a", 1, 2), ("a", 2, 1), ("b", 1, 0)]);
        let m = metrics(&[page("a", 1), page("a", 2)], &j, 10);
        assert!((m.ndcg - 1.0).abs() < 1e-12);
        assert!((m.p5 - 0.2).abs() < 1e-12);
        assert!((m.r20 - 1.0).abs() < 1e-12);
        assert!((m.judged - 1.0).abs() < 1e-12);
    }

    #[test]
    fn matches_relevance_py_on_a_worked_example() {
        // python: metrics([("x",1),("a",2),("a",2),("a",1)], {("a",1):2,("a",2):1,("b",3):1})
        let j = judged(&[("a", 1, 2), ("a", 2, 1), ("b", 3, 1)]);
        let m = metrics(
            &[page("x", 1), page("a", 2), page("a", 2), page("a", 1)],
            &j,
            10,
        );
        let dcg = 1.0 / 3f64.log2() + 3.0 / 4f64.log2();
        let idcg = 3.0 + 1.0 / 3f64.log2() + 1.0 / 4f64.log2();
        assert!((m.ndcg - dcg / idcg).abs() < 1e-12);
        assert!((m.p5 - 0.2).abs() < 1e-12);
        assert!((m.r20 - 2.0 / 3.0).abs() < 1e-12);
        assert!((m.judged - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn empty_ranking_and_empty_judgments_are_zero() {
        let m = metrics(&[], &Judgments::new(), 10);
        assert_eq!(m, Metrics::default());
        let m = metrics(&[], &judged(&[("a", 1, 2)]), 10);
        assert_eq!(m.ndcg, 0.0);
        assert_eq!(m.judged, 0.0);
    }

    #[test]
    fn cut_off_applies_after_removing_repeats() {
        let j = judged(&[("a", 11, 2)]);
        let mut ranked: Vec<Page> = (1..=10).map(|p| page("a", p)).collect();
        ranked.insert(3, page("a", 1));
        ranked.push(page("a", 11));
        assert_eq!(metrics(&ranked, &j, 10).ndcg, 0.0);
        assert!(metrics(&ranked, &j, 11).ndcg > 0.0);
    }

    #[test]
    fn parses_qrels_and_reports_bad_lines() {
        let q = parse_qrels(
            "# c\np\ta.pdf\t3\t2\n\np\tb.pdf\t1\t0\n",
            Path::new("q.tsv"),
        )
        .unwrap();
        assert_eq!(q["p"][&page("a.pdf", 3)], 2);
        assert_eq!(q["p"].len(), 2);
        let e = parse_qrels("p\ta.pdf\tx\t2\n", Path::new("q.tsv")).unwrap_err();
        assert_eq!(e.to_string(), "q.tsv:1: page \"x\" is not a number");
        let e = parse_qrels("p\ta.pdf\n", Path::new("q.tsv")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "q.tsv:1: expected profile<TAB>file<TAB>page<TAB>grade, found 2 column(s)"
        );
    }

    #[test]
    fn lines_read_as_relevance_py_prints_them() {
        let m = Metrics {
            ndcg: 0.8226,
            p5: 0.6,
            r20: 0.326,
            judged: 1.0,
        };
        assert_eq!(
            m.line("ensomhed"),
            "ensomhed                     nDCG@10 0.823 P@5 0.60 R@20 0.33 judged@10 1.00"
        );
        assert_eq!(
            m.mean_line(),
            "mean nDCG@10 0.823 P@5 0.600 R@20 0.326 judged@10 1.000"
        );
    }

    fn run(label: &str, ndcg: &[(&str, f64)]) -> PointRun {
        PointRun {
            label: label.into(),
            rows: ndcg
                .iter()
                .map(|&(n, v)| {
                    (
                        n.to_string(),
                        Metrics {
                            ndcg: v,
                            ..Metrics::default()
                        },
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn leave_one_out_chooses_each_point_without_its_profile() -> Result<(), &'static str> {
        // point a is best on x and y, point b on z; b is best in the mean
        let runs = [
            run("a", &[("x", 0.9), ("y", 0.8), ("z", 0.1)]),
            run("b", &[("x", 0.7), ("y", 0.7), ("z", 0.9)]),
        ];
        let loo = leave_one_out(&runs).ok_or("no runs")?;
        assert_eq!(loo.in_sample_point, "b");
        assert!((loo.in_sample.ndcg - 2.3 / 3.0).abs() < 1e-12);
        let chosen: Vec<&str> = loo.held_out.iter().map(|h| h.chosen.as_str()).collect();
        // without x: a 0.45, b 0.8 → b; without y: a 0.5, b 0.8 → b; without z: a 0.85 → a
        assert_eq!(chosen, ["b", "b", "a"]);
        assert!((loo.mean.ndcg - (0.7 + 0.7 + 0.1) / 3.0).abs() < 1e-12);
        assert!((loo.gap() - (2.3 - 1.5) / 3.0).abs() < 1e-12);
        assert!(leave_one_out(&[]).is_none());
        Ok(())
    }

    #[test]
    fn one_point_leaves_no_gap() -> Result<(), &'static str> {
        let runs = [run("defaults", &[("x", 0.5), ("y", 0.7)])];
        let loo = leave_one_out(&runs).ok_or("no runs")?;
        assert!(loo.gap().abs() < 1e-12);
        Ok(())
    }

    #[test]
    fn the_default_sweep_is_valid() -> Result<(), Box<dyn std::error::Error>> {
        let f = crate::config::ConfigFile::parse(DEFAULT_SWEEP, Path::new("loo-sweep.toml"))?;
        assert!(f.points()?.len() > 1);
        assert_eq!(f.base, crate::RankConfig::default());
        Ok(())
    }

    #[test]
    fn mean_averages_each_measure() {
        let a = Metrics {
            ndcg: 1.0,
            p5: 0.4,
            r20: 0.5,
            judged: 1.0,
        };
        let m = Metrics::mean(&[a, Metrics::default()]);
        assert!((m.ndcg - 0.5).abs() < 1e-12 && (m.p5 - 0.2).abs() < 1e-12);
    }
}
