//! `policymatch watch --config watch.toml [--follow CASE] [--today DATE]`.
//!
//! Exit codes: 0 something new was reported, 1 nothing new, 2 an error (a profile that could
//! not be read, mail that could not be sent: the other profiles still ran).

use anyhow::Context;
use policymatch_watch::{ItemKind, PASSWORD_ENV, RunOptions, WatchConfig};
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    config: &Path,
    index: Option<&Path>,
    follow: &[String],
    today: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let cfg = WatchConfig::load(config)?;
    let index_dir = match (index, &cfg.index) {
        (Some(dir), _) => dir.to_path_buf(),
        (None, Some(dir)) => dir.clone(),
        (None, None) => policymatch_core::index::resolve_dir(None),
    };
    let today = match today {
        Some(t) => policymatch_watch::dates::parse(t)
            .with_context(|| format!("--today {t:?}: expected a date (2024-03-01)"))?,
        None => policymatch_watch::dates::today(),
    };
    let password = std::env::var(PASSWORD_ENV).ok();
    let report = policymatch_watch::run(
        &cfg,
        &RunOptions {
            index_dir,
            today,
            follow: follow.to_vec(),
            password,
        },
    )?;
    for p in &report.profiles {
        if let Some(e) = &p.error {
            eprintln!("policymatch: {e}");
            continue;
        }
        let count = |k: ItemKind| p.new.iter().filter(|i| i.kind == k).count();
        let files = p
            .files
            .as_ref()
            .map(|f| {
                f.feed
                    .with_extension("{atom,ics,md,html}")
                    .display()
                    .to_string()
            })
            .unwrap_or_default();
        eprintln!(
            "policymatch: {}: {} new ({} matches, {} deadlines, {} meetings, {} case items), \
             {} upcoming events{} -> {files}",
            p.name,
            p.new.len(),
            count(ItemKind::Match),
            count(ItemKind::Deadline),
            count(ItemKind::Meeting),
            count(ItemKind::CaseItem),
            p.events,
            if p.sent { ", mailed" } else { "" },
        );
    }
    if !report.cases.is_empty() {
        eprintln!("policymatch: following cases {}", report.cases.join(", "));
    }
    if let Some(e) = &report.mail_error {
        eprintln!("policymatch: {e} (the digests stay unsent and go out with the next run)");
    }
    if report.failed() {
        return Ok(ExitCode::from(2));
    }
    if report.new_items() == 0 {
        eprintln!("policymatch: nothing new since the last run");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
