//! `policymatch extract FILE`.

use crate::args::Format;
use anyhow::Context;
use policymatch_core::extract::{ExtractError, extract_pdf};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(file: &Path, format: Format) -> anyhow::Result<ExitCode> {
    let bytes = fs_err::read(file)?;
    let pages = match extract_pdf(&bytes) {
        Ok(pages) => pages,
        Err(ExtractError::NoTextLayer) => {
            eprintln!(
                "policymatch: {}: no text layer (image-only or empty PDF)",
                file.display()
            );
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(e).with_context(|| format!("{}", file.display())),
    };
    let mut out = std::io::stdout().lock();
    match format {
        Format::Text => {
            for page in &pages {
                out.write_all(page.text.as_bytes())?;
                out.write_all(b"\x0c")?;
            }
        }
        Format::Json => {
            let json = serde_json::json!({
                "path": file.display().to_string(),
                "pages": pages,
            });
            serde_json::to_writer(&mut out, &json)?;
            out.write_all(b"\n")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
