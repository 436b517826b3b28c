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
    /// Index the PDFs (and agenda exports, HTML and text files) under PATH...
    Index {
        /// Files or folders to index; folders are walked.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        index: IndexArg,
        /// Metadata manifest (TSV or CSV with a `file` column); a MANIFEST.tsv inside a
        /// given folder is read automatically.
        #[arg(long)]
        manifest: Option<PathBuf>,
        /// Time limit for one file, in seconds.
        #[arg(long, default_value_t = 60)]
        timeout: u64,
        /// Output format of the summary.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Search indexed passages with free text.
    Search {
        /// The query.
        query: String,
        #[command(flatten)]
        index: IndexArg,
        /// Number of hits.
        #[arg(long, default_value_t = 10)]
        top: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// List indexed documents.
    List {
        #[command(flatten)]
        index: IndexArg,
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

/// The `--index DIR` option shared by commands that read or write the index.
#[derive(Debug, Clone, clap::Args)]
pub struct IndexArg {
    /// Index directory [default: $POLICYMATCH_INDEX, else .policymatch]
    #[arg(long = "index", value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

impl IndexArg {
    /// The directory to use.
    pub fn resolve(&self) -> PathBuf {
        policymatch_core::index::resolve_dir(self.dir.as_deref())
    }
}
