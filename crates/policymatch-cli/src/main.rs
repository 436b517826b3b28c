//! The `policymatch` command: a thin layer over `policymatch-core` and `policymatch-matcher`.
//!
//! Exit codes: 0 success (results found), 1 ran fine but found nothing, 2 error.

mod args;
mod commands;
mod help;
mod output;
mod problem;

use clap::{CommandFactory, FromArgMatches};
use policymatch_i18n::t;

use std::process::ExitCode;

fn main() -> ExitCode {
    let lang = output::init_lang(std::env::args_os());
    // Load the message files before the panic hook below uses them: a hook that panicked
    // while they load would wait on itself for ever. (The i18n tests keep the files valid.)
    let _ = t!(lang, "cli-internal-error", message = "");
    // A panic is a bug; say so in one line instead of a backtrace. (Panics inside PDF
    // extraction never get here: they are caught in the worker and reported per file.)
    std::panic::set_hook(Box::new(move |info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        if std::env::var_os("POLICYMATCH_WORKER").is_none() {
            eprintln!("{}", t!(lang, "cli-internal-error", message = msg.as_str()));
        }
        // For fuzzing and tests: every panic, even one the code catches and reports as a
        // file's failure, ends the process, so that no panic can pass unnoticed.
        if std::env::var_os("POLICYMATCH_PANIC").is_some_and(|v| v == "abort") {
            eprintln!("policymatch: panic ({msg}); POLICYMATCH_PANIC=abort");
            std::process::abort();
        }
    }));
    let parsed = help::localise(args::Cli::command(), lang)
        .try_get_matches()
        .and_then(|m| args::Cli::from_arg_matches(&m));
    let cli = match parsed {
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
    // the parser checked `--lang`; `init_lang` read the same value before parsing
    debug_assert!(cli.lang.is_none_or(|l| l == lang));
    match commands::run(cli) {
        Ok(code) => code,
        Err(err) if output::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            output::print_error(&err);
            ExitCode::from(2)
        }
    }
}
