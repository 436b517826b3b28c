//! One module per subcommand.

mod analyze;
mod deadlines;
mod eval;
mod export;
mod extract;
mod index;
mod list;
mod search;
mod suggest;
mod timeline;

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
        Command::Deadlines {
            index,
            profile,
            after,
            municipality,
            format,
        } => deadlines::run(
            &index.resolve(),
            profile.as_deref(),
            after.as_deref(),
            municipality,
            format,
        ),
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
        Command::ExtractWorker { file } => {
            policymatch_core::extract::isolated::run_worker(&file)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Free text for "relevant to this profile": its themes, activities and target groups.
///
/// Temporary reader until the matcher's profile type is wired in.
pub fn profile_query(path: &std::path::Path) -> anyhow::Result<String> {
    let text = fs_err::read_to_string(path)?;
    let value: toml::Value = toml::from_str(&text)
        .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), e.message()))?;
    let mut words = Vec::new();
    for key in ["themes", "activities", "target_groups"] {
        if let Some(list) = value.get(key).and_then(|v| v.as_array()) {
            words.extend(list.iter().filter_map(|v| v.as_str()).map(str::to_string));
        }
    }
    Ok(words.join(" "))
}
