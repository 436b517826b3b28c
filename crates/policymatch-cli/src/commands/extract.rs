//! `policymatch extract FILE`.

use crate::args::Format;
use anyhow::Context;
use policymatch_core::extract::ExtractError;
use policymatch_core::extract::isolated::{Limits, WorkerCommand, extract_isolated};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(file: &Path, normalize: bool, format: Format) -> anyhow::Result<ExitCode> {
    // Read once here so that a missing or unreadable file is reported with its path; the
    // extraction itself runs in a worker process, bounded in time and memory like `index`.
    fs_err::metadata(file)?;
    let worker = WorkerCommand {
        program: std::env::current_exe()
            .with_context(|| policymatch_i18n::t!(crate::output::lang(), "cli-no-executable"))?,
        args: vec!["__extract-worker".into()],
    };
    let pages = match extract_isolated(&worker, file, Limits::default()) {
        Ok(pages) => pages,
        Err(ExtractError::NoTextLayer) => {
            let path = file.display().to_string();
            eprintln!(
                "{}",
                policymatch_i18n::t!(crate::output::lang(), "extract-no-text", path = path)
            );
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(e).with_context(|| format!("{}", file.display())),
    };
    let pages = if normalize {
        policymatch_core::extract::normalize::normalize_document(pages)
    } else {
        pages
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
