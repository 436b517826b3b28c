//! `policymatch export --format jsonl`.

use crate::args::ExportFormat;
use policymatch_core::index::PolicyIndex;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

pub fn run(dir: &Path, format: ExportFormat) -> anyhow::Result<ExitCode> {
    let ExportFormat::Jsonl = format;
    let index = PolicyIndex::open(dir)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut count = 0usize;
    let result = index.for_each_passage(|p| -> std::io::Result<()> {
        let d = &p.document;
        let line = serde_json::json!({
            "id": format!("{}:{}", d.doc_id, p.ordinal),
            "path": d.path,
            "doc_id": d.doc_id,
            "title": d.title,
            "municipality": d.municipality,
            "area": d.area,
            "year": d.year,
            "date": (d.date > 0).then(|| policymatch_core::dates::format_date(d.date)),
            "page": p.page,
            "heading": p.heading,
            "text": p.text,
            "span": [p.span.0, p.span.1],
            "stage": p.facts.stage,
            "units": p.facts.units,
            "contacts": p.facts.contacts,
            "extra": p.facts,
        });
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
        count += 1;
        Ok(())
    })?;
    result?;
    out.flush()?;
    Ok(if count == 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
