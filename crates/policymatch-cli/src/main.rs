//! The `policymatch` command: a thin layer over `policymatch-core` and `policymatch-matcher`.
//!
//! Exit codes: 0 success (results found), 1 ran fine but found nothing, 2 error.

mod args;
mod commands;
mod output;

use clap::Parser;

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version: print as clap renders them, exit 0.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            output::print_usage_error(&e);
            return ExitCode::from(2);
        }
    };
    match commands::run(cli) {
        Ok(code) => code,
        Err(err) if output::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            output::print_error(&err);
            ExitCode::from(2)
        }
    }
}
