//! One module per subcommand.

mod analyze;
mod deadlines;
mod eval;
mod export;
mod extract;
mod fetch;
mod index;
mod list;
mod report;
mod search;
mod suggest;
mod timeline;
mod watch;
mod who;

use crate::args::{Cli, Command};
use std::process::ExitCode;

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Extract {
            file,
            normalize,
            format,
        } => extract::run(&file, normalize, format),
        Command::Analyze {
            text,
            index,
            format,
        } => analyze::run(&text, index.as_deref(), format),
        Command::Index {
            paths,
            index,
            manifest,
            words,
            timeout,
            max_file_size,
            commit_every,
            format,
        } => index::run(
            &paths,
            &index.resolve(),
            index::RunOptions {
                manifest: manifest.as_deref(),
                words: words.as_deref(),
                timeout,
                max_file_size_mib: max_file_size,
                commit_every,
                format,
            },
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
            config,
            loo,
            index,
            format,
        } => eval::run(
            &eval::Args {
                profiles: &profiles,
                qrels: &qrels,
                config: config.as_deref(),
                loo,
                dir: &index.resolve(),
            },
            format,
        ),
        Command::Deadlines {
            index,
            profile,
            after,
            municipality,
            kind,
            upcoming,
            format,
        } => deadlines::run(
            &index.resolve(),
            &deadlines::Query {
                profile: profile.as_deref(),
                after: after.as_deref(),
                municipality,
                kinds: kind.iter().map(|k| k.kind()).collect(),
                upcoming,
            },
            format,
        ),
        Command::Who {
            index,
            profile,
            municipality,
            top,
            format,
        } => who::run(&index.resolve(), &profile, municipality, top, format),
        Command::Timeline {
            query,
            case,
            index,
            top,
            format,
        } => timeline::run(
            &index.resolve(),
            query.as_deref(),
            case.as_deref(),
            top,
            format,
        ),
        Command::Export { index, format } => export::run(&index.resolve(), format),
        Command::Report {
            profile,
            index,
            municipality,
            top,
            out,
            format,
        } => report::run(
            &profile,
            &index.resolve(),
            municipality,
            top,
            out.as_deref(),
            format,
        ),
        Command::Fetch(args) => fetch::run(&args),
        Command::Watch {
            config,
            index,
            follow,
            today,
        } => watch::run(&config, index.dir.as_deref(), &follow, today.as_deref()),
        Command::ExtractWorker { load: None, file } => {
            policymatch_core::extract::isolated::run_worker(&file)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::ExtractWorker {
            load: Some(kind),
            file,
        } => {
            use policymatch_core::index::isolated::{kind_named, run_load_worker};
            let kind =
                kind_named(&kind).ok_or_else(|| anyhow::anyhow!("{kind}: not a kind of source"))?;
            run_load_worker(&file, kind)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
