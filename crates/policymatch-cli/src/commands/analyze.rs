//! `policymatch analyze TEXT`.

use crate::args::Format;
use policymatch_core::analysis::analyze;
use std::io::Write;
use std::process::ExitCode;

pub fn run(text: &str, format: Format) -> anyhow::Result<ExitCode> {
    let tokens = analyze(text);
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
