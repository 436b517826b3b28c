//! `policymatch analyze TEXT [--index DIR]`.

use crate::args::Format;
use policymatch_core::analysis::{analyze, analyze_with};
use policymatch_core::index::PolicyIndex;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(text: &str, index: Option<&Path>, format: Format) -> anyhow::Result<ExitCode> {
    let tokens = match index {
        // the index's analyzer knows the words added with `index --words`
        Some(dir) => analyze_with(&mut PolicyIndex::open(dir)?.analyzer()?, text),
        None => analyze(text),
    };
    let mut out = std::io::stdout().lock();
    match format {
        Format::Text => {
            for t in &tokens {
                writeln!(
                    out,
                    "{}\t{}\t{}..{}",
                    t.position, t.text, t.offset_from, t.offset_to
                )?;
            }
        }
        Format::Json => {
            serde_json::to_writer(&mut out, &serde_json::json!({ "tokens": tokens }))?;
            out.write_all(b"\n")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
