//! `policymatch index PATH...`.

use crate::args::Format;
use crate::output::lang;
use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use policymatch_core::extract::isolated::{Limits, WorkerCommand};
use policymatch_core::index::PolicyIndex;
use policymatch_core::index::build::{FileStatus, IndexOptions, Progress, index_paths};
use policymatch_core::index::isolated::IsolatedLoader;
use policymatch_core::metadata::Manifest;
use policymatch_i18n::{decimal, t};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

/// The options of `index` besides the paths and the index folder.
pub struct RunOptions<'a> {
    pub manifest: Option<&'a Path>,
    pub words: Option<&'a Path>,
    pub timeout: u64,
    pub max_file_size_mib: u64,
    pub commit_every: usize,
    pub format: Format,
}

pub fn run(paths: &[PathBuf], dir: &Path, opts: RunOptions<'_>) -> anyhow::Result<ExitCode> {
    let RunOptions {
        manifest,
        words,
        timeout,
        max_file_size_mib,
        commit_every,
        format,
    } = opts;
    for p in paths {
        if std::fs::symlink_metadata(p).is_err() {
            let path = p.display().to_string();
            anyhow::bail!(t!(lang(), "index-no-such-path", path = path));
        }
    }
    let manifest = match manifest {
        Some(m) => Manifest::read(m)?,
        None => Manifest::default(),
    };
    let program = std::env::current_exe().with_context(|| t!(lang(), "cli-no-executable"))?;
    // Every file is read in a worker process (this same binary), so that no file can crash
    // the run.
    let loader = IsolatedLoader {
        worker: WorkerCommand {
            program,
            args: vec!["__extract-worker".into()],
        },
        limits: Limits {
            timeout: Duration::from_secs(timeout.max(1)),
            ..Limits::default()
        },
    };
    if let Some(words) = words {
        // kept with the index; indexing sees they changed (by their hash) and indexes
        // everything again
        let new = fs_err::read_to_string(words)?;
        fs_err::create_dir_all(dir)?;
        let kept = dir.join(policymatch_core::index::DOMAIN_WORDS);
        if std::fs::read_to_string(&kept).ok().as_deref() != Some(new.as_str()) {
            fs_err::write(&kept, new)?;
        }
    }
    let (index, rebuilt) = PolicyIndex::open_or_rebuild(dir)?;
    if let Some(why) = rebuilt {
        let path = dir.display().to_string();
        eprintln!("{}", t!(lang(), "index-rebuilt", path = path, why = why));
    }
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let progress = |p: &Progress<'_>| {
        bar.set_length(p.total as u64);
        bar.set_position(p.done as u64);
        bar.set_message(
            p.path
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default(),
        );
        if let FileStatus::Failed(problem) = p.status {
            let reason = crate::problem::say(lang(), problem);
            bar.suspend(|| eprintln!("policymatch: {}: {reason}", p.path.display()));
        }
    };
    let opts = IndexOptions {
        manifest,
        loader: &loader,
        progress: Some(&progress),
        commit_every,
        max_file_size: max_file_size_mib.saturating_mul(1024 * 1024),
        ..IndexOptions::default()
    };
    let summary = index_paths(&index, paths, &opts)?;
    bar.finish_and_clear();
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let mut json = serde_json::to_value(&summary)?;
            // each reason as `[path, text, code]`, the text in the reader's language
            for (key, list) in [("skipped", &summary.skipped), ("failed", &summary.failed)] {
                json[key] = list
                    .iter()
                    .map(|(path, problem)| {
                        serde_json::json!([
                            path,
                            crate::problem::say(lang(), problem),
                            problem.code()
                        ])
                    })
                    .collect();
            }
            serde_json::to_writer_pretty(&mut out, &json)?;
            writeln!(out)?;
        }
        Format::Text => {
            let line = t!(
                lang(),
                "index-summary",
                indexed = summary.indexed.len(),
                unchanged = summary.unchanged,
                removed = summary.removed.len(),
                skipped = summary.skipped.len(),
                ignored = summary.ignored.len(),
                failed = summary.failed.len(),
                documents = summary.documents,
                pages = summary.pages,
                passages = summary.passages,
                seconds = decimal(lang(), summary.seconds, 1),
                index = dir.display().to_string()
            );
            writeln!(out, "{line}")?;
            for (p, problem) in &summary.skipped {
                let (path, reason) = (
                    p.display().to_string(),
                    crate::problem::say(lang(), problem),
                );
                writeln!(
                    out,
                    "{}",
                    t!(lang(), "index-skipped", path = path, reason = reason)
                )?;
            }
            for (p, problem) in &summary.failed {
                let (path, reason) = (
                    p.display().to_string(),
                    crate::problem::say(lang(), problem),
                );
                writeln!(
                    out,
                    "{}",
                    t!(lang(), "index-failed", path = path, reason = reason)
                )?;
            }
        }
    }
    Ok(if summary.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}
