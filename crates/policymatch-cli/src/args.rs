//! Command-line arguments as parsed by clap.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Find where a volunteer association's work meets a municipality's stated goals.
#[derive(Debug, Parser)]
#[command(name = "policymatch", version, about, long_about = None)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Output formats for commands that print data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Human-readable text.
    Text,
    /// JSON.
    Json,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the text of each page of a PDF, pages separated by form feeds.
    Extract {
        /// The PDF file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Show the tokens the Danish analyzer makes of TEXT.
    Analyze {
        /// The text to analyze.
        text: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Internal: extract one file in a worker process and print the result as JSON.
    #[command(name = "__extract-worker", hide = true)]
    ExtractWorker {
        /// The file.
        file: PathBuf,
    },
}
