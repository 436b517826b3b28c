//! `policymatch suggest --profile FILE`.

use crate::args::ReportFormat;
use std::path::PathBuf;
use std::process::ExitCode;

/// Checked arguments of `suggest`.
pub struct SuggestArgs {
    pub profile: PathBuf,
    pub dir: PathBuf,
    pub top: usize,
    pub format: ReportFormat,
    pub municipality: Vec<String>,
    pub area: Vec<String>,
    pub since: Option<String>,
    pub new: bool,
}

pub fn run(args: SuggestArgs) -> anyhow::Result<ExitCode> {
    let _ = (
        &args.profile,
        &args.dir,
        args.top,
        args.format,
        &args.municipality,
        &args.area,
        &args.since,
        args.new,
    );
    anyhow::bail!("suggest is not implemented yet")
}
