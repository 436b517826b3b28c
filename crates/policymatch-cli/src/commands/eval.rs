//! `policymatch eval --profiles DIR --qrels FILE`.

use crate::args::Format;
use anyhow::Context;
use policymatch_core::index::PolicyIndex;
use policymatch_matcher::eval::{self, K, Metrics};
use policymatch_matcher::{Matcher, Profile};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(profiles: &Path, qrels: &Path, dir: &Path, format: Format) -> anyhow::Result<ExitCode> {
    let judged = eval::read_qrels(qrels)?;
    let mut loaded = BTreeMap::new();
    let entries = fs_err::read_dir(profiles)?;
    for entry in entries {
        let path = entry
            .with_context(|| {
                let path = profiles.display().to_string();
                policymatch_i18n::t!(crate::output::lang(), "eval-reading", path = path)
            })?
            .path();
        if path.extension().is_some_and(|e| e == "toml")
            && let Some(stem) = path.file_stem()
        {
            loaded.insert(stem.to_string_lossy().into_owned(), Profile::load(&path)?);
        }
    }
    let index = PolicyIndex::open(dir)?;
    let rows = eval::evaluate(&Matcher::new(&index), &loaded, &judged)?;
    let mean = Metrics::mean(&rows.iter().map(|r| r.1).collect::<Vec<_>>());
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let per: Vec<_> = rows
                .iter()
                .map(|(name, m)| serde_json::json!({ "profile": name, "metrics": m }))
                .collect();
            serde_json::to_writer(
                &mut out,
                &serde_json::json!({ "k": K, "profiles": per, "mean": mean }),
            )?;
            writeln!(out)?;
        }
        Format::Text => {
            // the same lines as tools/relevance.py prints
            for (name, m) in &rows {
                writeln!(out, "{}", m.line(name))?;
            }
            writeln!(out, "{}", mean.mean_line())?;
        }
    }
    for name in loaded.keys().filter(|n| !judged.contains_key(*n)) {
        let name = name.to_string();
        eprintln!(
            "{}",
            policymatch_i18n::t!(crate::output::lang(), "eval-no-judgments", name = name)
        );
    }
    Ok(ExitCode::SUCCESS)
}
