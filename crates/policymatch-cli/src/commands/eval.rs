//! `policymatch eval --profiles DIR --qrels FILE`.

use crate::args::Format;
use std::path::Path;
use std::process::ExitCode;

pub fn run(profiles: &Path, qrels: &Path, dir: &Path, format: Format) -> anyhow::Result<ExitCode> {
    let _ = (profiles, qrels, dir, format);
    anyhow::bail!("eval is not implemented yet")
}
