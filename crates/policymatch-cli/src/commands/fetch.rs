//! `policymatch fetch --portal URL --out DIR`.

use crate::args::{FetchArgs, Format};
use crate::output::lang;
use indicatif::{ProgressBar, ProgressStyle};
use policymatch_fetch::{ClientConfig, Observer, Options, Outcome, Portal, Summary};
use policymatch_i18n::t;
use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

/// The progress bar on stderr.
struct Bar(ProgressBar);

impl Observer for Bar {
    fn planned(&self, n: u64) {
        self.0.inc_length(n);
    }
    fn finished(&self, url: &str, _outcome: Outcome) {
        self.0.inc(1);
        self.0
            .set_message(url.rsplit('/').next().unwrap_or(url).to_string());
    }
}

pub fn run(args: &FetchArgs) -> anyhow::Result<ExitCode> {
    let mut portals = Vec::new();
    for url in &args.portal {
        portals.push(Portal::parse(url, None)?);
    }
    if let Some(file) = &args.portals {
        let text = fs_err::read_to_string(file)?;
        for p in policymatch_fetch::parse_portals(file, &text)? {
            if !portals.contains(&p) {
                portals.push(p);
            }
        }
    }
    if !(args.rate > 0.0 && args.rate.is_finite()) {
        anyhow::bail!(t!(lang(), "fetch-bad-rate", rate = args.rate.to_string()));
    }
    let since = args
        .since
        .as_deref()
        .map(policymatch_fetch::parse_since)
        .transpose()?;
    let opts = Options {
        portals,
        since,
        committees: args.committee.clone(),
        attachments: args.attachments,
        dry_run: args.dry_run,
        client: ClientConfig {
            rate: args.rate,
            timeout: Duration::from_secs(args.timeout.max(1)),
            retries: args.retries,
            backoff: Duration::from_millis(args.backoff_ms),
            ..ClientConfig::default()
        },
        max_attachment_bytes: args.max_size.saturating_mul(1 << 20),
        ..Options::default()
    };
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let observer = Bar(bar);
    let summary = policymatch_fetch::fetch(&args.out, &opts, &observer)?;
    observer.0.finish_and_clear();
    for e in &summary.failures {
        eprintln!("policymatch: {}", crate::problem::fetch_error(lang(), e));
    }
    print(&summary, args)?;
    Ok(if summary.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}

fn print(s: &Summary, args: &FetchArgs) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            let v = serde_json::json!({
                "dry_run": args.dry_run,
                "planned": s.planned.iter().map(|p| serde_json::json!({
                    "url": p.url, "file": p.file, "conditional": p.conditional,
                })).collect::<Vec<_>>(),
                "agendas_fetched": s.agendas_fetched,
                "agendas_unchanged": s.agendas_unchanged,
                "attachments_fetched": s.attachments_fetched,
                "attachments_unchanged": s.attachments_unchanged,
                "requests": s.requests,
                "conditional_requests": s.conditional_requests,
                "retries": s.retries,
                "failures": s.failures.iter().map(|e| crate::problem::fetch_error(lang(), e)).collect::<Vec<_>>(),
                "out": args.out,
            });
            serde_json::to_writer_pretty(&mut out, &v)?;
            writeln!(out)?;
        }
        Format::Text if args.dry_run => {
            for p in &s.planned {
                let action = if p.conditional {
                    t!(lang(), "fetch-plan-check")
                } else {
                    t!(lang(), "fetch-plan-get")
                };
                let file = match &p.file {
                    Some(f) => f.clone(),
                    None => t!(lang(), "fetch-plan-unnamed"),
                };
                let line = t!(
                    lang(),
                    "fetch-plan-line",
                    action = format!("{action:<5}"),
                    url = p.url.as_str(),
                    file = file
                );
                writeln!(out, "{line}")?;
            }
            let line = t!(
                lang(),
                "fetch-plan-summary",
                count = s.planned.len(),
                out = args.out.display().to_string(),
                conditional = s.planned.iter().filter(|p| p.conditional).count(),
                failed = s.failures.len()
            );
            writeln!(out, "{line}")?;
        }
        Format::Text => {
            let line = t!(
                lang(),
                "fetch-summary",
                agendas = s.agendas_fetched,
                agendas_unchanged = s.agendas_unchanged,
                attachments = s.attachments_fetched,
                attachments_unchanged = s.attachments_unchanged,
                failed = s.failures.len(),
                requests = s.requests,
                conditional = s.conditional_requests,
                retries = s.retries,
                out = args.out.display().to_string()
            );
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}
