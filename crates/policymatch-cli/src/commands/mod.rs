//! One module per subcommand.

mod analyze;
mod extract;

use crate::args::{Cli, Command};
use std::process::ExitCode;

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Extract { file, format } => extract::run(&file, format),
        Command::Analyze { text, format } => analyze::run(&text, format),
        Command::ExtractWorker { file } => {
            policymatch_core::extract::isolated::run_worker(&file)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
