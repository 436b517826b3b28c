//! Command-line arguments as parsed by clap.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Find where a volunteer association's work meets a municipality's stated goals.
#[derive(Debug, Parser)]
#[command(name = "policymatch", version, about, long_about = None)]
pub struct Cli {
    /// Language of everything the command writes for a person: da (default) or en
    /// [env: POLICYMATCH_LANG].
    #[arg(long, global = true, value_name = "da|en", value_parser = parse_lang)]
    pub lang: Option<policymatch_i18n::Lang>,
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// `--lang da|en`.
fn parse_lang(s: &str) -> Result<policymatch_i18n::Lang, String> {
    policymatch_i18n::Lang::parse(s).ok_or_else(|| {
        policymatch_i18n::t!(
            crate::output::lang(),
            "cli-bad-lang",
            value = format!("{s:?}")
        )
    })
}

/// Output formats for commands that print data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Human-readable text.
    Text,
    /// JSON.
    Json,
}

/// Output formats of `deadlines`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DeadlineFormat {
    /// Human-readable text.
    Text,
    /// JSON.
    Json,
    /// iCalendar (RFC 5545), one all-day entry per dated event.
    Ics,
}

/// The kinds of events `deadlines --kind` selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EventKind {
    /// A consultation (høring).
    Consultation,
    /// A chance to apply for money or an award.
    Application,
    /// A meeting associations or citizens may attend.
    Meeting,
    /// Another cut-off open to citizens or associations.
    Deadline,
    /// A planned revision or evaluation.
    Revision,
}

impl EventKind {
    /// The core library's kind.
    pub fn kind(self) -> policymatch_core::deadlines::DeadlineKind {
        use policymatch_core::deadlines::DeadlineKind as K;
        match self {
            EventKind::Consultation => K::Consultation,
            EventKind::Application => K::Application,
            EventKind::Meeting => K::Meeting,
            EventKind::Deadline => K::Deadline,
            EventKind::Revision => K::Revision,
        }
    }
}

/// Output formats for reports meant for people as well as programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Human-readable text.
    Text,
    /// JSON.
    Json,
    /// Markdown, to read and forward.
    Markdown,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// JSON lines.
    Jsonl,
}

/// Formats of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFileFormat {
    /// One self-contained HTML page.
    Html,
    /// Markdown.
    Markdown,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the text of each page of a PDF, pages separated by form feeds.
    Extract {
        /// The PDF file.
        file: PathBuf,
        /// Normalise as for indexing: running headers and footers dropped, NFKC (ligatures),
        /// line-end hyphenation joined. Without it the text is as printed, like pdftotext.
        #[arg(long)]
        normalize: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Show the tokens the Danish analyzer makes of TEXT.
    Analyze {
        /// The text to analyze.
        text: String,
        /// Use this index's analyzer, with the words added by `index --words`
        /// [default: the built-in analyzer].
        #[arg(long = "index", value_name = "DIR")]
        index: Option<PathBuf>,
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
        /// Domain words for compound splitting (one per line), kept with the index and used
        /// for queries too; when they change, every document is re-indexed.
        #[arg(long, value_name = "FILE")]
        words: Option<PathBuf>,
        /// Time limit for one file, in seconds.
        #[arg(long, default_value_t = 60)]
        timeout: u64,
        /// Files larger than this, in MiB, are skipped without being read.
        #[arg(long, value_name = "MIB",
              default_value_t = policymatch_core::index::build::DEFAULT_MAX_FILE_SIZE >> 20,
              value_parser = clap::value_parser!(u64).range(1..=1024 * 1024))]
        max_file_size: u64,
        /// Commit after this many changed files (a killed run loses at most this many).
        #[arg(long, default_value_t = 64, hide = true)]
        commit_every: usize,
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
    /// Rank indexed passages against an association's profile and say why each matches.
    Suggest {
        /// The association's profile (TOML).
        #[arg(long)]
        profile: PathBuf,
        #[command(flatten)]
        index: IndexArg,
        /// Number of suggestions.
        #[arg(long, default_value_t = 10)]
        top: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// Only documents from this municipality (repeatable; overrides the profile's list).
        #[arg(long)]
        municipality: Vec<String>,
        /// Only documents of this policy area (repeatable; overrides the profile's list).
        #[arg(long)]
        area: Vec<String>,
        /// Only documents from this year (YYYY) or date (YYYY-MM-DD) on.
        #[arg(long, value_name = "YEAR|DATE")]
        since: Option<String>,
        /// Only documents added by the last `index` run.
        #[arg(long)]
        new: bool,
    },
    /// Measure ranking quality against graded page-level judgments.
    Eval {
        /// Folder of profiles (*.toml); a profile's name in the judgments is its file stem.
        #[arg(long)]
        profiles: PathBuf,
        /// Judgments, tab-separated: profile, file, page, grade (0-2).
        #[arg(long)]
        qrels: PathBuf,
        /// Ranking settings (TOML, the shape of RankConfig); a `[sweep]` table tries settings.
        #[arg(long)]
        config: Option<PathBuf>,
        /// Leave-one-profile-out over the sweep (the built-in one without --config).
        #[arg(long)]
        loo: bool,
        #[command(flatten)]
        index: IndexArg,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Show whom to talk to: the committees, units and people behind a profile's best matches.
    Who {
        #[command(flatten)]
        index: IndexArg,
        /// The association profile (TOML).
        #[arg(long)]
        profile: PathBuf,
        /// Only documents from this municipality (repeatable).
        #[arg(long)]
        municipality: Vec<String>,
        /// Number of committees, units and people to show.
        #[arg(long, default_value_t = 12)]
        top: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// List public consultations and deadlines (høringer, ansøgningsfrister, revisions).
    Deadlines {
        #[command(flatten)]
        index: IndexArg,
        /// Only deadlines relevant to this association profile.
        #[arg(long)]
        profile: Option<PathBuf>,
        /// Only deadlines on or after this date (YYYY-MM-DD or YYYY) [default: one year ago].
        #[arg(long, value_name = "DATE")]
        after: Option<String>,
        /// Only documents from this municipality (repeatable).
        #[arg(long)]
        municipality: Vec<String>,
        /// Only events of this kind (repeatable).
        #[arg(long, value_enum)]
        kind: Vec<EventKind>,
        /// Only events still ahead today (dated, with their last day today or later).
        #[arg(long)]
        upcoming: bool,
        /// Output format: text, JSON, or an iCalendar file to subscribe to.
        #[arg(long, value_enum, default_value_t = DeadlineFormat::Text)]
        format: DeadlineFormat,
    },
    /// Show where a policy or case stands: its agenda items in date order with their stage.
    Timeline {
        /// Words from the policy or case (e.g. "sundhedspolitik").
        #[arg(required_unless_present = "case", conflicts_with = "case")]
        query: Option<String>,
        /// A case number (sagsnummer).
        #[arg(long)]
        case: Option<String>,
        #[command(flatten)]
        index: IndexArg,
        /// Number of cases to show for a query.
        #[arg(long, default_value_t = 3)]
        top: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Export every passage with its metadata, for a distributed search engine.
    Export {
        #[command(flatten)]
        index: IndexArg,
        /// Output format (JSON lines: one passage per line).
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
    },
    /// Write a report for an association: best matches by policy and committee, who to
    /// contact, deadlines, a chart and draft pitches (one self-contained HTML page).
    Report {
        /// The association's profile (TOML).
        #[arg(long)]
        profile: PathBuf,
        #[command(flatten)]
        index: IndexArg,
        /// Only documents from this municipality (repeatable; overrides the profile's list).
        #[arg(long)]
        municipality: Vec<String>,
        /// Number of matches.
        #[arg(long, default_value_t = 15)]
        top: usize,
        /// Write the report to this file instead of stdout.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFileFormat::Html)]
        format: ReportFileFormat,
    },
    /// Download agendas (and with --attachments their PDFs) from municipalities' agenda
    /// portals (`dagsordener.<kommune>.dk`) into a folder for `index`.
    Fetch(FetchArgs),
    /// Follow the council: write per profile an Atom feed, an iCalendar file and a Danish
    /// digest of what is new since the last run, and e-mail the digest when configured.
    Watch {
        /// The watch configuration (TOML): profiles, municipalities, cases, output folder, mail.
        #[arg(long)]
        config: PathBuf,
        #[command(flatten)]
        index: IndexArg,
        /// Follow this case number from now on (repeatable; kept with the index).
        #[arg(long, value_name = "CASE")]
        follow: Vec<String>,
        /// The day to run as (YYYY-MM-DD) [default: today].
        #[arg(long, value_name = "DATE")]
        today: Option<String>,
    },
    /// Internal: extract one file in a worker process and print the result as JSON.
    #[command(name = "__extract-worker", hide = true)]
    ExtractWorker {
        /// Load the file as this kind of source, as `index` does, instead of extracting a
        /// PDF's pages.
        #[arg(long, value_name = "KIND")]
        load: Option<String>,
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

/// The options of `fetch`.
#[derive(Debug, Clone, clap::Args)]
pub struct FetchArgs {
    /// The agenda portal (e.g. `https://dagsordener.greve.dk`; repeatable).
    #[arg(long, value_name = "URL", required_unless_present = "portals")]
    pub portal: Vec<String>,
    /// A file of portals, one a line: URL and optionally the municipality's short name.
    #[arg(long, value_name = "FILE")]
    pub portals: Option<PathBuf>,
    /// Only meetings on or after this date (YYYY-MM-DD or YYYY).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only this committee, by its name on the portal (repeatable).
    #[arg(long, value_name = "NAME")]
    pub committee: Vec<String>,
    /// Fetch the agenda items' attachments (bilag) too.
    #[arg(long)]
    pub attachments: bool,
    /// The folder to download into (made when missing).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// List what would be fetched (only the committee lists are fetched).
    #[arg(long)]
    pub dry_run: bool,
    /// Requests per second at most.
    #[arg(long, default_value_t = 2.0)]
    pub rate: f64,
    /// Time limit for one request, in seconds.
    #[arg(long, default_value_t = 30)]
    pub timeout: u64,
    /// Retries after 429, 5xx, a timeout or a broken connection.
    #[arg(long, default_value_t = 3)]
    pub retries: u32,
    /// Size limit for one attachment, in MB (agendas: 20 MB).
    #[arg(long, value_name = "MB", default_value_t = 100)]
    pub max_size: u64,
    /// The first wait before a retry, in milliseconds (doubles each retry).
    #[arg(long, default_value_t = 1000, hide = true)]
    pub backoff_ms: u64,
    /// Output format of the summary.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}
