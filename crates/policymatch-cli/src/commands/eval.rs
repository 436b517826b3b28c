//! `policymatch eval --profiles DIR --qrels FILE [--config FILE] [--loo]`.

use crate::args::Format;
use crate::output::lang;
use anyhow::Context;
use policymatch_core::index::PolicyIndex;
use policymatch_i18n::t;
use policymatch_matcher::Profile;
use policymatch_matcher::config::ConfigFile;
use policymatch_matcher::eval::{self, K, Metrics, PointRun};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// What `eval` was asked.
pub struct Args<'a> {
    /// Folder of profiles.
    pub profiles: &'a Path,
    /// Judgments.
    pub qrels: &'a Path,
    /// Ranking settings, perhaps with a sweep.
    pub config: Option<&'a Path>,
    /// Leave-one-profile-out over the sweep.
    pub loo: bool,
    /// The index.
    pub dir: &'a Path,
}

fn load_profiles(dir: &Path) -> anyhow::Result<BTreeMap<String, Profile>> {
    let mut loaded = BTreeMap::new();
    let mut paths = Vec::new();
    for entry in fs_err::read_dir(dir)? {
        let path = entry
            .with_context(|| {
                let path = dir.display().to_string();
                t!(lang(), "eval-reading", path = path)
            })?
            .path();
        paths.push(path);
    }
    paths.sort();
    for path in paths {
        if path.extension().is_some_and(|e| e == "toml")
            && let Some(stem) = path.file_stem()
        {
            loaded.insert(stem.to_string_lossy().into_owned(), Profile::load(&path)?);
        }
    }
    Ok(loaded)
}

pub fn run(args: &Args<'_>, format: Format) -> anyhow::Result<ExitCode> {
    let judged = eval::read_qrels(args.qrels)?;
    let loaded = load_profiles(args.profiles)?;
    let mut file = match args.config {
        Some(path) => ConfigFile::load(path)?,
        None => ConfigFile::default(),
    };
    if args.loo && file.sweep.axes.is_empty() {
        // the built-in sweep, over the file's settings
        let builtin = ConfigFile::parse(eval::DEFAULT_SWEEP, Path::new("loo-sweep.toml"))?;
        file.sweep = builtin.sweep;
    }
    let points = file.points().map_err(anyhow::Error::msg)?;
    let index = PolicyIndex::open(args.dir)?;
    let runs = eval::sweep(&index, &points, &loaded, &judged)?;
    let mut out = std::io::stdout().lock();
    let loo = if args.loo {
        eval::leave_one_out(&runs)
    } else {
        None
    };
    // the run whose per-profile rows are shown: the best in the mean
    let best = runs
        .iter()
        .enumerate()
        .fold(None::<(usize, f64)>, |b, (i, r)| {
            let m = r.mean().ndcg;
            if b.is_none_or(|(_, v)| m > v) {
                Some((i, m))
            } else {
                b
            }
        })
        .map(|(i, _)| i);
    let Some(best) = best else {
        return Ok(ExitCode::SUCCESS);
    };
    let shown = &runs[best];
    let mean = shown.mean();
    match format {
        Format::Json => {
            let per: Vec<_> = shown
                .rows
                .iter()
                .map(|(name, m)| serde_json::json!({ "profile": name, "metrics": m }))
                .collect();
            let mut doc = serde_json::json!({ "k": K, "profiles": per, "mean": mean });
            if runs.len() > 1 {
                let points: Vec<_> = runs
                    .iter()
                    .map(|r| serde_json::json!({ "label": r.label, "mean": r.mean() }))
                    .collect();
                doc["points"] = serde_json::json!(points);
                doc["best"] = serde_json::json!(shown.label);
            }
            if let Some(loo) = &loo {
                doc["loo"] = serde_json::to_value(loo)?;
                doc["loo_gap"] = serde_json::json!(loo.gap());
            }
            serde_json::to_writer(&mut out, &doc)?;
            writeln!(out)?;
        }
        Format::Text => {
            if runs.len() > 1 {
                for r in &runs {
                    let line = r.mean().mean_line();
                    let label = r.label.as_str();
                    writeln!(
                        out,
                        "{}",
                        t!(lang(), "eval-point", label = label, line = line)
                    )?;
                }
                let label = shown.label.as_str();
                writeln!(out, "{}", t!(lang(), "eval-best", label = label))?;
            }
            // the same lines as tools/relevance.py prints
            text_rows(&mut out, shown, &mean)?;
            if let Some(loo) = &loo {
                for h in &loo.held_out {
                    let ndcg = format!("{:.3}", h.metrics.ndcg);
                    let (profile, label) = (h.profile.as_str(), h.chosen.as_str());
                    writeln!(
                        out,
                        "{}",
                        t!(
                            lang(),
                            "eval-held-out",
                            profile = profile,
                            ndcg = ndcg,
                            label = label
                        )
                    )?;
                }
                let (l, p5, i, gap) = (
                    format!("{:.3}", loo.mean.ndcg),
                    format!("{:.3}", loo.mean.p5),
                    format!("{:.3}", loo.in_sample.ndcg),
                    format!("{:.3}", loo.gap()),
                );
                let label = loo.in_sample_point.as_str();
                writeln!(
                    out,
                    "{}",
                    t!(
                        lang(),
                        "eval-loo",
                        loo = l,
                        p5 = p5,
                        in_sample = i,
                        label = label,
                        gap = gap
                    )
                )?;
            }
        }
    }
    for name in loaded.keys().filter(|n| !judged.contains_key(*n)) {
        let name = name.to_string();
        eprintln!("{}", t!(lang(), "eval-no-judgments", name = name));
    }
    Ok(ExitCode::SUCCESS)
}

fn text_rows(out: &mut impl Write, run: &PointRun, mean: &Metrics) -> std::io::Result<()> {
    for (name, m) in &run.rows {
        writeln!(out, "{}", m.line(name))?;
    }
    writeln!(out, "{}", mean.mean_line())
}
