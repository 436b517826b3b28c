//! The `policymatch` command: a thin layer over `policymatch-core` and `policymatch-matcher`.
//!
//! Exit codes: 0 success (results found), 1 ran fine but found nothing, 2 error.

mod args;
mod commands;
mod output;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(err) if output::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            output::print_error(&err);
            ExitCode::from(2)
        }
    }
}
