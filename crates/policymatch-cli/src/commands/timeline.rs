//! `policymatch timeline QUERY|--case NUMBER`.

use crate::args::Format;
use policymatch_core::dates::format_date;
use policymatch_core::index::PolicyIndex;
use policymatch_matcher::text::stage as stage_label;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    dir: &Path,
    query: Option<&str>,
    case: Option<&str>,
    top: usize,
    format: Format,
) -> anyhow::Result<ExitCode> {
    let index = PolicyIndex::open(dir)?;
    let timelines = match (case, query) {
        (Some(c), _) => vec![index.case_timeline(c)?],
        (None, Some(q)) => index.timelines(q, top.max(1))?,
        (None, None) => anyhow::bail!(policymatch_i18n::t!(
            crate::output::lang(),
            "timeline-need-query"
        )),
    };
    let timelines: Vec<_> = timelines
        .into_iter()
        .filter(|t| !t.entries.is_empty())
        .collect();
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let cases: Vec<_> = timelines
                .iter()
                .map(|t| {
                    serde_json::json!({
                        "case_number": t.case_number,
                        "items": t.entries.iter().map(|e| serde_json::json!({
                            "date": format_date(e.date),
                            "committee": e.committee,
                            "stage": e.stage,
                            "title": e.item.title,
                            "item": e.item.facts.item,
                            "path": e.item.path,
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            serde_json::to_writer(&mut out, &serde_json::json!({ "cases": cases }))?;
            writeln!(out)?;
        }
        Format::Text => {
            for t in &timelines {
                let case = if t.case_number.is_empty() {
                    "-"
                } else {
                    &t.case_number
                };
                let lang = crate::output::lang();
                writeln!(
                    out,
                    "{}",
                    policymatch_i18n::t!(lang, "timeline-case", case = case)
                )?;
                for e in &t.entries {
                    // the label in the reader's language, from the item's stable stage code
                    let stage = e
                        .item
                        .facts
                        .stage
                        .map_or_else(|| "-".to_string(), |s| stage_label(lang, s));
                    writeln!(
                        out,
                        "  {}  {:<22} {} — {} ({})",
                        format_date(e.date),
                        stage,
                        e.item.title,
                        e.committee,
                        policymatch_i18n::t!(
                            lang,
                            "timeline-item",
                            item = e.item.facts.item.as_deref().unwrap_or("?")
                        )
                    )?;
                }
            }
        }
    }
    if timelines.is_empty() {
        eprintln!(
            "{}",
            policymatch_i18n::t!(crate::output::lang(), "timeline-none")
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
