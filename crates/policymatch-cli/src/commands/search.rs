//! `policymatch search QUERY`.

use crate::args::Format;
use crate::output::{document_json, highlight, passage_line};
use policymatch_core::index::PolicyIndex;
use policymatch_core::index::search::Filters;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(query: &str, dir: &Path, top: usize, format: Format) -> anyhow::Result<ExitCode> {
    let index = PolicyIndex::open(dir)?;
    let hits = index.search(query, &Filters::default(), top)?;
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let hits: Vec<_> = hits
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    serde_json::json!({
                        "rank": i + 1,
                        "score": h.score,
                        "document": document_json(&h.passage.document),
                        "page": h.passage.page,
                        "heading": h.passage.heading,
                        "text": h.passage.text,
                    })
                })
                .collect();
            serde_json::to_writer(
                &mut out,
                &serde_json::json!({ "query": query, "hits": hits }),
            )?;
            writeln!(out)?;
        }
        Format::Text => {
            for (i, h) in hits.iter().enumerate() {
                let p = &h.passage;
                writeln!(out, "{}", passage_line(i + 1, p, h.score))?;
                writeln!(out, "   {}", highlight(&p.text, &h.highlights))?;
                writeln!(out, "   {}", p.document.path)?;
            }
        }
    }
    if hits.is_empty() {
        let query = format!("{query:?}");
        eprintln!(
            "{}",
            policymatch_i18n::t!(crate::output::lang(), "search-none", query = query)
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
