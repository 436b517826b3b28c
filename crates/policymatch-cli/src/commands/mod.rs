//! One module per subcommand.

mod analyze;
mod eval;
mod extract;
mod index;
mod list;
mod search;
mod suggest;

use crate::args::{Cli, Command};
use std::process::ExitCode;

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Extract { file, format } => extract::run(&file, format),
        Command::Analyze { text, format } => analyze::run(&text, format),
        Command::Index {
            paths,
            index,
            manifest,
            timeout,
            commit_every,
            format,
        } => index::run(
            &paths,
            &index.resolve(),
            manifest.as_deref(),
            timeout,
            commit_every,
            format,
        ),
        Command::Search {
            query,
            index,
            top,
            format,
        } => search::run(&query, &index.resolve(), top, format),
        Command::List { index, format } => list::run(&index.resolve(), format),
        Command::Suggest {
            profile,
            index,
            top,
            format,
            municipality,
            area,
            since,
            new,
        } => suggest::run(suggest::SuggestArgs {
            profile,
            dir: index.resolve(),
            top,
            format,
            municipality,
            area,
            since,
            new,
        }),
        Command::Eval {
            profiles,
            qrels,
            index,
            format,
        } => eval::run(&profiles, &qrels, &index.resolve(), format),
        Command::ExtractWorker { file } => {
            policymatch_core::extract::isolated::run_worker(&file)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
