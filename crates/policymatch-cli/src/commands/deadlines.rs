//! `policymatch deadlines`.

use crate::args::Format;
use crate::output::document_json;
use crate::output::lang;
use anyhow::Context;
use policymatch_core::dates::{format_date, parse_iso_or_year, today};
use policymatch_core::index::PolicyIndex;
use policymatch_core::index::search::Filters;
use policymatch_core::sources::sidecar::AttachmentOf;
use policymatch_i18n::t;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    dir: &Path,
    profile: Option<&Path>,
    after: Option<&str>,
    municipality: Vec<String>,
    format: Format,
) -> anyhow::Result<ExitCode> {
    let after = match after {
        Some(a) => parse_iso_or_year(a).with_context(|| {
            let value = format!("{a:?}");
            policymatch_i18n::t!(crate::output::lang(), "deadlines-bad-after", value = value)
        })?,
        None => today().saturating_sub(10000),
    };
    let index = PolicyIndex::open(dir)?;
    let filters = Filters {
        municipalities: municipality,
        ..Filters::default()
    };
    let hits = match profile {
        // Relevant to the profile: in the documents (agenda items, policies) that the
        // matcher's best suggestions for it come from.
        Some(p) => {
            let profile = policymatch_matcher::Profile::load(p)?;
            let options = policymatch_matcher::Options {
                top: 60,
                filters: filters.clone(),
                ..policymatch_matcher::Options::default()
            };
            let suggestions =
                policymatch_matcher::Matcher::new(&index).suggest(&profile, &options)?;
            let docs: std::collections::HashSet<String> = suggestions
                .iter()
                .map(|s| s.passage.document.doc_id.clone())
                .collect();
            index.deadlines_where(&filters, after, None, |p| docs.contains(&p.document.doc_id))?
        }
        None => index.deadlines(&filters, after, None)?,
    };
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let items: Vec<_> = hits
                .iter()
                .map(|h| {
                    serde_json::json!({
                        "date": format_date(h.deadline.date),
                        "date_explicit": h.deadline.explicit,
                        "kind": h.deadline.kind,
                        "document": document_json(&h.passage.document),
                        "page": h.passage.page,
                        "item": h.passage.extra.get("item"),
                        "committee": h.passage.extra.get("committee"),
                        "attachment_of": AttachmentOf::of_extra(&h.passage.extra),
                        "sentence": h.deadline.sentence,
                    })
                })
                .collect();
            serde_json::to_writer(&mut out, &serde_json::json!({ "deadlines": items }))?;
            writeln!(out)?;
        }
        Format::Text => {
            for h in &hits {
                let p = &h.passage;
                let place = match p.extra.get("item").and_then(|i| i.as_str()) {
                    Some(item) => t!(lang(), "deadlines-item", item = item),
                    None => match AttachmentOf::of_extra(&p.extra) {
                        Some(of) => format!(
                            "{}, {}",
                            t!(lang(), "deadlines-page", page = p.page),
                            policymatch_matcher::text::attachment(lang(), &of)
                        ),
                        None => t!(lang(), "deadlines-page", page = p.page),
                    },
                };
                writeln!(
                    out,
                    "{}{}  {}  {} — {}, {}",
                    format_date(h.deadline.date),
                    if h.deadline.explicit { "" } else { "*" },
                    policymatch_matcher::text::deadline(lang(), h.deadline.kind),
                    p.document.title,
                    if p.document.municipality.is_empty() {
                        "?"
                    } else {
                        &p.document.municipality
                    },
                    place
                )?;
                writeln!(out, "    {}", h.deadline.sentence)?;
            }
            if !hits.is_empty() {
                writeln!(out, "{}", t!(lang(), "deadlines-implicit"))?;
            }
        }
    }
    if hits.is_empty() {
        eprintln!(
            "{}",
            t!(lang(), "deadlines-none", date = format_date(after))
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
