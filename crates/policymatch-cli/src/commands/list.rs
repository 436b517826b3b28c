//! `policymatch list`.

use crate::args::Format;
use policymatch_core::index::PolicyIndex;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(dir: &Path, format: Format) -> anyhow::Result<ExitCode> {
    let index = PolicyIndex::open(dir)?;
    let docs = index.documents()?;
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            serde_json::to_writer(
                &mut out,
                &serde_json::json!({
                    "documents": docs,
                    "passages": index.passage_count()?,
                }),
            )?;
            writeln!(out)?;
        }
        Format::Text => {
            for d in &docs {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    d.title,
                    if d.municipality.is_empty() {
                        "-"
                    } else {
                        &d.municipality
                    },
                    if d.area.is_empty() { "-" } else { &d.area },
                    if d.year == 0 {
                        "-".to_string()
                    } else {
                        d.year.to_string()
                    },
                    policymatch_i18n::t!(crate::output::lang(), "list-pages", count = d.pages),
                    policymatch_i18n::t!(
                        crate::output::lang(),
                        "list-passages",
                        count = d.passages
                    ),
                    d.path
                )?;
            }
        }
    }
    Ok(if docs.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
