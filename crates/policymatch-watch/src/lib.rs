//! # policymatch-watch
//!
//! Follows the council for an association without anyone reading it by hand. After an
//! `index` run, [`run`] finds, for each profile named in a [`WatchConfig`], what is new since
//! the last run: matches in the documents indexed since, consultations and deadlines in them,
//! the meetings they were on, and the agenda items of followed cases with their stage
//! ([`item`]). It writes per profile an Atom feed of the new items ([`feed`]), an iCalendar
//! file of upcoming deadlines and meetings ([`calendar`]) and a digest (Danish by default, or
//! English) as Markdown and HTML ([`digest`]), and e-mails the digest when the configuration says so ([`mail`]).
//!
//! What has been reported is kept with the index ([`state`]): a rerun reports nothing twice.
//! The order is: find the new items, write the files, send, and only then record the items as
//! reported (without e-mail, once the files are written), one profile at a time, so a run
//! killed at any point reports the rest next time and never sends an item twice.
#![deny(missing_docs)]

pub mod calendar;
pub mod config;
pub mod dates;
pub mod digest;
pub mod feed;
pub mod ics;
pub mod item;
pub mod mail;
pub mod state;
pub mod text;

pub use config::{ConfigProblem, MailConfig, Tls, WatchConfig};
pub use item::{Event, Item, ItemKind};
pub use mail::{MailError, PASSWORD_ENV};
pub use state::StateProblem;

use policymatch_core::index::PolicyIndex;
use policymatch_matcher::{Profile, ProfileError};
use state::State;
use std::path::{Path, PathBuf};

/// Everything that can go wrong in a watch run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// `watch.toml` is not valid; `line` and `column` are 1-based.
    #[error("{}:{line}:{column}: {problem}", path.display())]
    Config {
        /// The file.
        path: PathBuf,
        /// Line.
        line: usize,
        /// Column (in characters).
        column: usize,
        /// What is wrong.
        problem: ConfigProblem,
    },
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The state file is damaged or from another version.
    #[error("{}: {problem}", path.display())]
    State {
        /// The state file.
        path: PathBuf,
        /// What is wrong.
        problem: StateProblem,
    },
    /// Two profiles would write the same files.
    #[error("{}: another profile in the list has the same file name; rename one", path.display())]
    SameName {
        /// The second profile.
        path: PathBuf,
    },
    /// A profile could not be read.
    #[error(transparent)]
    Profile(#[from] ProfileError),
    /// The index could not be read.
    #[error(transparent)]
    Index(#[from] policymatch_core::Error),
    /// Matching failed.
    #[error(transparent)]
    Match(#[from] policymatch_matcher::Error),
    /// The digest could not be sent.
    #[error(transparent)]
    Mail(#[from] mail::MailError),
}

/// How to run, beside the configuration.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// The index folder (its state file is kept there).
    pub index_dir: PathBuf,
    /// Today (YYYYMMDD).
    pub today: u64,
    /// Case numbers to add to the followed cases (kept in the state).
    pub follow: Vec<String>,
    /// The SMTP password, when the configuration names a user.
    pub password: Option<String>,
    /// The language of the feed, calendar, digest and mail.
    pub lang: policymatch_i18n::Lang,
}

/// The files written for one profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Files {
    /// Atom feed.
    pub feed: PathBuf,
    /// iCalendar file.
    pub calendar: PathBuf,
    /// Markdown digest.
    pub markdown: PathBuf,
    /// HTML digest.
    pub html: PathBuf,
}

impl Files {
    /// The files of the profile with file stem `stem` in `out`.
    pub fn new(out: &Path, stem: &str) -> Files {
        Files {
            feed: out.join(format!("{stem}.atom")),
            calendar: out.join(format!("{stem}.ics")),
            markdown: out.join(format!("{stem}.md")),
            html: out.join(format!("{stem}.html")),
        }
    }
}

/// What a run did for one profile.
#[derive(Debug)]
pub struct ProfileRun {
    /// The profile file.
    pub path: PathBuf,
    /// The association's name (empty when the profile could not be read).
    pub name: String,
    /// The new items reported.
    pub new: Vec<Item>,
    /// Upcoming events in the calendar.
    pub events: usize,
    /// The files (feed and digest are rewritten only when something is new).
    pub files: Option<Files>,
    /// True when the digest was sent.
    pub sent: bool,
    /// What went wrong for this profile.
    pub error: Option<Error>,
}

/// What a run did.
#[derive(Debug)]
pub struct RunReport {
    /// Per profile, in the configuration's order.
    pub profiles: Vec<ProfileRun>,
    /// The followed cases.
    pub cases: Vec<String>,
    /// Why sending stopped, when it did (the items stay unsent).
    pub mail_error: Option<Error>,
}

impl RunReport {
    /// Number of new items over all profiles.
    pub fn new_items(&self) -> usize {
        self.profiles.iter().map(|p| p.new.len()).sum()
    }

    /// True when a profile failed or mail could not be sent.
    pub fn failed(&self) -> bool {
        self.mail_error.is_some() || self.profiles.iter().any(|p| p.error.is_some())
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// A profile whose digest waits to be sent.
struct Pending {
    at: usize,
    stem: String,
    text: String,
    html: String,
}

/// Runs the watch: see the crate documentation for the order of things.
pub fn run(cfg: &WatchConfig, opts: &RunOptions) -> Result<RunReport, Error> {
    let index = PolicyIndex::open(&opts.index_dir)?;
    let index_run = index.commit_info()?.run;
    let state_path = state::state_path(&opts.index_dir);
    let mut state = State::load(&state_path)?;
    let before = state.follow.len();
    state.follow.extend(
        opts.follow
            .iter()
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty()),
    );
    if state.follow.len() != before {
        state.save(&state_path)?;
    }
    let mut cases = cfg.cases.clone();
    for c in &state.follow {
        if !cases.contains(c) {
            cases.push(c.clone());
        }
    }
    fs_err::create_dir_all(&cfg.out).map_err(io(&cfg.out))?;

    let mut runs: Vec<ProfileRun> = Vec::new();
    let mut pending: Vec<Pending> = Vec::new();
    let mut stems: Vec<String> = Vec::new();
    for path in &cfg.profiles {
        let mut pr = ProfileRun {
            path: path.clone(),
            name: String::new(),
            new: Vec::new(),
            events: 0,
            files: None,
            sent: false,
            error: None,
        };
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let result = if stems.contains(&stem) {
            Err(Error::SameName { path: path.clone() })
        } else {
            stems.push(stem.clone());
            watch_profile(&index, cfg, opts, &cases, &state, path, &stem, &mut pr)
        };
        match result {
            Err(e) => pr.error = Some(e),
            Ok(Some((text, html))) if cfg.mail.is_some() && !pr.new.is_empty() => {
                pending.push(Pending {
                    at: runs.len(),
                    stem,
                    text,
                    html,
                });
            }
            Ok(_) => {
                state.record(&stem, index_run, pr.new.iter().map(|i| i.key.as_str()));
                state.save(&state_path)?;
            }
        }
        runs.push(pr);
    }

    let mut mail_error = None;
    if let (Some(mail_cfg), false) = (&cfg.mail, pending.is_empty()) {
        match mail::transport(mail_cfg, opts.password.as_deref()) {
            Err(e) => mail_error = Some(Error::Mail(e)),
            Ok(transport) => {
                for p in pending {
                    let pr = &mut runs[p.at];
                    let keys: Vec<&str> = pr.new.iter().map(|i| i.key.as_str()).collect();
                    let out = mail::Outgoing {
                        subject: text::subject(opts.lang, &pr.name, pr.new.len()),
                        text: p.text,
                        html: p.html,
                        keys,
                    };
                    let sent = mail::message(mail_cfg, &out)
                        .and_then(|m| mail::send(mail_cfg, &transport, &m));
                    if let Err(e) = sent {
                        mail_error = Some(Error::Mail(e));
                        break;
                    }
                    pr.sent = true;
                    state.record(&p.stem, index_run, pr.new.iter().map(|i| i.key.as_str()));
                    state.save(&state_path)?;
                }
            }
        }
    }
    Ok(RunReport {
        profiles: runs,
        cases,
        mail_error,
    })
}

/// Finds and writes one profile's items; returns the digest (text, HTML) when it was written.
#[allow(clippy::too_many_arguments)]
fn watch_profile(
    index: &PolicyIndex,
    cfg: &WatchConfig,
    opts: &RunOptions,
    cases: &[String],
    state: &State,
    path: &Path,
    stem: &str,
    pr: &mut ProfileRun,
) -> Result<Option<(String, String)>, Error> {
    let profile = Profile::load(path)?;
    pr.name = profile.name.clone();
    let seen = state.profile(stem);
    let since_run = (seen.index_run > 0).then(|| seen.index_run + 1);
    let found = item::find(
        index,
        &profile,
        &item::Query {
            municipalities: &cfg.municipalities,
            top: cfg.top,
            since_run,
            cases,
            today: opts.today,
            lang: opts.lang,
        },
    )?;
    let mut new: Vec<Item> = found
        .items
        .into_iter()
        .filter(|i| !seen.reported.contains(&i.key))
        .collect();
    let meetings: Vec<Item> = item::meetings(&new)
        .into_iter()
        .filter(|m| !seen.reported.contains(&m.key))
        .collect();
    new.extend(meetings);
    // Matches, deadlines, meetings, case items; each kind in its own order.
    new.sort_by_key(|i| i.kind);
    pr.events = found.events.len();
    let files = Files::new(&cfg.out, stem);
    let municipalities = if cfg.municipalities.is_empty() {
        profile.municipalities.clone()
    } else {
        cfg.municipalities.clone()
    };
    let ics = calendar::render(opts.lang, &profile.name, opts.today, &found.events);
    state::write_atomically(&files.calendar, ics.as_bytes())?;
    let first = !files.feed.exists() || !files.markdown.exists() || !files.html.exists();
    pr.new = new;
    pr.files = Some(files.clone());
    if pr.new.is_empty() && !first {
        return Ok(None);
    }
    let d = digest::Digest {
        profile: &profile.name,
        today: opts.today,
        municipalities: &municipalities,
        items: &pr.new,
        lang: opts.lang,
    };
    let md = digest::markdown(&d);
    let html = digest::html(&d);
    let atom = feed::render(
        opts.lang,
        &profile.name,
        stem,
        opts.today,
        &municipalities,
        &pr.new,
    );
    state::write_atomically(&files.feed, atom.as_bytes())?;
    state::write_atomically(&files.markdown, md.as_bytes())?;
    state::write_atomically(&files.html, html.as_bytes())?;
    Ok(Some((md, html)))
}
