//! `policymatch report --profile FILE [--municipality M] [--out report.html]`.

use crate::args::ReportFileFormat;
use crate::output::lang;
use policymatch_core::index::PolicyIndex;
use policymatch_i18n::t;
use policymatch_matcher::Profile;
use policymatch_matcher::report::{ReportOptions, build_report, html, markdown};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    profile: &Path,
    dir: &Path,
    municipality: Vec<String>,
    top: usize,
    out: Option<&Path>,
    format: ReportFileFormat,
) -> anyhow::Result<ExitCode> {
    let profile = Profile::load(profile)?;
    let index = PolicyIndex::open(dir)?;
    let report = build_report(
        &index,
        &profile,
        &ReportOptions {
            top,
            municipalities: municipality,
            today: policymatch_core::dates::today(),
            lang: lang(),
        },
    )?;
    let text = match format {
        ReportFileFormat::Html => html::render(&report),
        ReportFileFormat::Markdown => markdown::render(&report),
    };
    match out {
        Some(path) => {
            fs_err::write(path, text)?;
            let path = path.display().to_string();
            eprintln!("{}", t!(lang(), "report-wrote", path = path));
        }
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    if report.groups.is_empty() {
        eprintln!("{}", t!(lang(), "report-none"));
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
