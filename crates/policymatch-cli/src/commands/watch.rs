//! `policymatch watch --config watch.toml [--follow CASE] [--today DATE]`.
//!
//! Exit codes: 0 something new was reported, 1 nothing new, 2 an error (a profile that could
//! not be read, mail that could not be sent: the other profiles still ran).

use crate::output::lang;
use anyhow::Context;
use policymatch_i18n::t;
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
            .with_context(|| t!(lang(), "watch-bad-today", value = format!("{t:?}")))?,
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
            lang: lang(),
        },
    )?;
    for p in &report.profiles {
        if let Some(e) = &p.error {
            eprintln!("policymatch: {}", crate::output::describe(e));
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
        let mailed = if p.sent {
            t!(lang(), "watch-mailed")
        } else {
            String::new()
        };
        let line = t!(
            lang(),
            "watch-profile-line",
            name = p.name.as_str(),
            new = p.new.len(),
            matches = count(ItemKind::Match),
            deadlines = count(ItemKind::Deadline),
            meetings = count(ItemKind::Meeting),
            cases = count(ItemKind::CaseItem),
            events = p.events,
            mailed = mailed,
            files = files
        );
        eprintln!("{line}");
    }
    if !report.cases.is_empty() {
        let line = t!(lang(), "watch-following", cases = report.cases.join(", "));
        eprintln!("{line}");
    }
    if let Some(e) = &report.mail_error {
        let line = t!(
            lang(),
            "watch-mail-error",
            message = crate::output::describe(e)
        );
        eprintln!("{line}");
    }
    if report.failed() {
        return Ok(ExitCode::from(2));
    }
    if report.new_items() == 0 {
        eprintln!("{}", t!(lang(), "watch-nothing-new"));
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
