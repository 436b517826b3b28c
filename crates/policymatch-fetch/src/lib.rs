//! # policymatch-fetch
//!
//! Fetches committee agendas, and the attachments (bilag) their items link to, from the
//! agenda portal many Danish municipalities publish their meetings through
//! (`dagsordener.<kommune>.dk`), into a folder that `policymatch index` reads.
//!
//! - [`portal`] knows the portal's JSON interface: the committee list
//!   (`/api/agenda/udvalgsliste`), a meeting's agenda (`/api/agenda/dagsorden/{id}`) and its
//!   attachments (`/Vis/Pdf/bilag/{id}`), and the names the files get.
//! - [`client`] is polite: a rate limit, retries with backoff on 429 and 5xx honouring
//!   Retry-After, a time and a size limit on every answer, conditional requests.
//! - [`store`] writes every file under a temporary name and renames it when complete, and
//!   keeps each URL's validators, so that a rerun fetches only what changed and a run killed
//!   at any point goes on where it stopped.
//!
//! An attachment is stored beside its agenda with a sidecar
//! ([`policymatch_core::sources::sidecar`]) naming its item, which `index` reads.
//!
//! Each URL that fails is reported as a [`FetchError`] in [`Summary::failures`] and the run
//! goes on with the rest; nothing already fetched is removed.
#![deny(missing_docs)]

pub mod client;
pub mod error;
pub mod portal;
pub mod store;

pub use client::{ClientConfig, user_agent};
pub use error::{Answer, FetchError, NotPdf};

use client::{Client, Got, Validators};
use policymatch_core::sources::sidecar;
use portal::Meeting;
use std::path::Path;
use store::Store;

/// One portal to fetch from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Portal {
    /// Its base URL, without a trailing slash (`https://dagsordener.greve.dk`).
    pub base: String,
    /// The municipality's short name for file names (`greve`); when `None`, it is read from
    /// a `dagsordener.<kommune>.dk` host or from the links inside the agendas.
    pub name: Option<String>,
}

impl Portal {
    /// A portal from a URL as a person writes it (`dagsordener.greve.dk` or a full URL).
    pub fn parse(url: &str, name: Option<&str>) -> Result<Portal, FetchError> {
        let base =
            portal::normalize_base(url).ok_or_else(|| FetchError::NotUrl { url: url.into() })?;
        Ok(Portal {
            base,
            name: name.map(portal::slug).filter(|s| !s.is_empty()),
        })
    }
}

/// Reads a list of portals: one a line, `URL [name]`; blank lines and `#` comments skipped.
pub fn parse_portals(file: &Path, text: &str) -> Result<Vec<Portal>, FetchError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let mut words = line.split_whitespace();
        let url = words.next().unwrap_or("");
        let name = words.next();
        let p = Portal::parse(url, name).map_err(|e| FetchError::PortalsLine {
            file: file.to_path_buf(),
            line: i + 1,
            source: Box::new(e),
        })?;
        if !out.contains(&p) {
            out.push(p);
        }
    }
    if out.is_empty() {
        return Err(FetchError::NoPortals {
            file: file.to_path_buf(),
        });
    }
    Ok(out)
}

/// `YYYY-MM-DD` or `YYYY` (its first day) as `YYYY-MM-DD`.
pub fn parse_since(s: &str) -> Result<String, FetchError> {
    let s = s.trim();
    if s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()) {
        return Ok(format!("{s}-01-01"));
    }
    match portal::iso_date(s) {
        Some(d) if d.len() == s.len() => Ok(d),
        _ => Err(FetchError::BadSince { value: s.into() }),
    }
}

/// What to fetch and how.
#[derive(Debug, Clone)]
pub struct Options {
    /// The portals.
    pub portals: Vec<Portal>,
    /// Only meetings on or after this date (YYYY-MM-DD).
    pub since: Option<String>,
    /// Only these committees (names as the portal gives them, case ignored); empty: all.
    pub committees: Vec<String>,
    /// Fetch the attachments too.
    pub attachments: bool,
    /// List what would be fetched; fetch only the committee lists.
    pub dry_run: bool,
    /// The HTTP client's behaviour.
    pub client: ClientConfig,
    /// Size limit for a committee list or an agenda, in bytes.
    pub max_json_bytes: u64,
    /// Size limit for an attachment, in bytes.
    pub max_attachment_bytes: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            portals: Vec::new(),
            since: None,
            committees: Vec::new(),
            attachments: false,
            dry_run: false,
            client: ClientConfig::default(),
            max_json_bytes: 20 << 20,
            max_attachment_bytes: 100 << 20,
        }
    }
}

/// What happened to one URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Downloaded and stored.
    Fetched,
    /// Not changed since the last run (304).
    Unchanged,
    /// Failed (see [`Summary::failures`]).
    Failed,
}

/// Told of the run's progress.
pub trait Observer {
    /// `n` more URLs are to be fetched.
    fn planned(&self, n: u64);
    /// One URL is done.
    fn finished(&self, url: &str, outcome: Outcome);
}

/// An observer that ignores everything.
pub struct Quiet;

impl Observer for Quiet {
    fn planned(&self, _: u64) {}
    fn finished(&self, _: &str, _: Outcome) {}
}

/// One line of a dry run: a URL and the file it would be stored in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    /// The URL.
    pub url: String,
    /// The file name (`None` when it depends on the answer: the municipality is read from it).
    pub file: Option<String>,
    /// True when a copy exists and the request would be conditional.
    pub conditional: bool,
}

/// What a run did.
#[derive(Debug, Default)]
pub struct Summary {
    /// Agendas downloaded.
    pub agendas_fetched: usize,
    /// Agendas not changed.
    pub agendas_unchanged: usize,
    /// Attachments downloaded.
    pub attachments_fetched: usize,
    /// Attachments not changed.
    pub attachments_unchanged: usize,
    /// What a dry run would fetch, in order.
    pub planned: Vec<Planned>,
    /// Each URL that failed, in the order met.
    pub failures: Vec<FetchError>,
    /// Requests sent.
    pub requests: usize,
    /// Of which conditional.
    pub conditional_requests: usize,
    /// Retries.
    pub retries: usize,
}

/// Fetches into `dir`. `Err` only when `dir` cannot be used at all; each failing URL is
/// in [`Summary::failures`].
pub fn fetch(dir: &Path, opts: &Options, observer: &dyn Observer) -> Result<Summary, FetchError> {
    let mut store = Store::open(dir)?;
    let mut run = Run {
        client: Client::new(opts.client.clone()),
        opts,
        observer,
        summary: Summary::default(),
    };
    for p in &opts.portals {
        run.portal(&mut store, p);
    }
    let counts = run.client.counts();
    let mut summary = run.summary;
    summary.requests = counts.requests;
    summary.conditional_requests = counts.conditional;
    summary.retries = counts.retries;
    if !opts.dry_run {
        store.compact()?;
    }
    Ok(summary)
}

struct Run<'a> {
    client: Client,
    opts: &'a Options,
    observer: &'a dyn Observer,
    summary: Summary,
}

impl Run<'_> {
    fn fail(&mut self, url: &str, e: FetchError) {
        self.summary.failures.push(e);
        self.observer.finished(url, Outcome::Failed);
    }

    /// GETs `url`, conditionally when `known` has validators: `Ok(None)` when unchanged.
    fn get(
        &mut self,
        url: &str,
        known: Option<&Validators>,
        limit: u64,
    ) -> Result<Option<client::Fetched>, FetchError> {
        let validators = known.cloned().unwrap_or_default();
        match self.client.get(url, &validators, limit)? {
            Got::NotModified if validators.any() => Ok(None),
            Got::NotModified => Err(FetchError::UnaskedNotModified {
                url: url.to_string(),
            }),
            Got::Fresh(f) => Ok(Some(f)),
        }
    }

    /// The meetings the committee list of `p` gives, filtered by the options.
    fn meetings(&mut self, store: &mut Store, p: &Portal) -> Option<Vec<Meeting>> {
        let url = portal::committees_url(&p.base);
        let list_file = format!("{}-udvalgsliste.json", portal::host_slug(&p.base));
        let known = store.entry(&url, true).map(|e| e.validators.clone());
        let not_portal = |reason: Answer| FetchError::NotAPortal {
            url: url.clone(),
            reason,
        };
        let body = match self.get(&url, known.as_ref(), self.opts.max_json_bytes) {
            Ok(Some(f)) => {
                if let Err(reason) = portal::meetings(&f.body) {
                    self.fail(&url, not_portal(reason));
                    return None;
                }
                if !self.opts.dry_run {
                    let path = store.list_path(&list_file);
                    let stored = store
                        .write_atomic(&path, &f.body)
                        .and_then(|()| store.record(&url, &list_file, &f.validators));
                    if let Err(e) = stored {
                        self.summary.failures.push(e);
                    }
                }
                f.body
            }
            Ok(None) => match std::fs::read(store.list_path(&list_file)) {
                Ok(b) => b,
                Err(e) => {
                    self.fail(&url, FetchError::io(store.list_path(&list_file), e));
                    return None;
                }
            },
            Err(FetchError::Status { status, .. }) => {
                self.fail(&url, not_portal(Answer::Status(status)));
                return None;
            }
            Err(e) => {
                self.fail(&url, e);
                return None;
            }
        };
        let all = match portal::meetings(&body) {
            Ok(m) => m,
            Err(reason) => {
                self.fail(&url, not_portal(reason));
                return None;
            }
        };
        let wanted: Vec<String> = self
            .opts
            .committees
            .iter()
            .map(|c| c.trim().to_lowercase())
            .collect();
        for w in &wanted {
            if !all.iter().any(|m| m.committee.to_lowercase() == *w) {
                let mut names: Vec<&str> = all.iter().map(|m| m.committee.as_str()).collect();
                names.sort();
                names.dedup();
                self.summary.failures.push(FetchError::NoCommittee {
                    url: url.clone(),
                    name: w.clone(),
                    known: names.into_iter().map(String::from).collect(),
                });
            }
        }
        Some(
            all.into_iter()
                .filter(|m| wanted.is_empty() || wanted.contains(&m.committee.to_lowercase()))
                .filter(|m| {
                    self.opts
                        .since
                        .as_ref()
                        .is_none_or(|s| !m.date.is_empty() && m.date >= *s)
                })
                .collect(),
        )
    }

    fn portal(&mut self, store: &mut Store, p: &Portal) {
        let Some(meetings) = self.meetings(store, p) else {
            return;
        };
        self.observer.planned(meetings.len() as u64);
        for m in &meetings {
            self.meeting(store, p, m);
        }
    }

    /// The municipality's short name for `p`'s files.
    fn municipality(p: &Portal, agenda: Option<&serde_json::Value>) -> String {
        p.name
            .clone()
            .or_else(|| portal::municipality_of_host(&p.base))
            .or_else(|| agenda.and_then(portal::municipality_of_agenda))
            .unwrap_or_else(|| portal::host_slug(&p.base))
    }

    fn meeting(&mut self, store: &mut Store, p: &Portal, m: &Meeting) {
        let url = portal::meeting_url(&p.base, &m.id);
        let known = store.entry(&url, false).cloned();
        if self.opts.dry_run {
            let local = known.as_ref().and_then(|k| {
                let bytes = std::fs::read(store.dir().join(&k.file)).ok()?;
                Some((k.file.clone(), portal::check_agenda(&bytes).ok()?))
            });
            let file = known.as_ref().map(|k| k.file.clone()).or_else(|| {
                (p.name.is_some() || portal::municipality_of_host(&p.base).is_some())
                    .then(|| portal::agenda_file(&Self::municipality(p, None), m))
            });
            self.summary.planned.push(Planned {
                url,
                file,
                conditional: known.is_some(),
            });
            if self.opts.attachments
                && let Some((file, agenda)) = local
            {
                for a in portal::attachments(&p.base, &agenda, &file, m) {
                    let conditional = store.entry(&a.of.url, false).is_some();
                    self.summary.planned.push(Planned {
                        url: a.of.url,
                        file: Some(a.file),
                        conditional,
                    });
                }
            }
            return;
        }
        let got = self.get(
            &url,
            known.as_ref().map(|k| &k.validators),
            self.opts.max_json_bytes,
        );
        // The agenda to read attachments from: the new one, or the copy we have.
        let agenda: Option<(String, serde_json::Value)> = match got {
            Ok(Some(f)) => match portal::check_agenda(&f.body) {
                Ok(v) => {
                    let file = portal::agenda_file(&Self::municipality(p, Some(&v)), m);
                    let path = store.dir().join(&file);
                    match store
                        .write_atomic(&path, &f.body)
                        .and_then(|()| store.record(&url, &file, &f.validators))
                    {
                        Ok(()) => {
                            self.summary.agendas_fetched += 1;
                            self.observer.finished(&url, Outcome::Fetched);
                            Some((file, v))
                        }
                        Err(e) => {
                            self.fail(&url, e);
                            None
                        }
                    }
                }
                Err(reason) => {
                    self.fail(
                        &url,
                        FetchError::BadAgenda {
                            url: url.clone(),
                            reason,
                        },
                    );
                    None
                }
            },
            Ok(None) => {
                self.summary.agendas_unchanged += 1;
                self.observer.finished(&url, Outcome::Unchanged);
                known.as_ref().and_then(|k| local_agenda(store, &k.file))
            }
            Err(e) => {
                self.fail(&url, e);
                known.as_ref().and_then(|k| local_agenda(store, &k.file))
            }
        };
        if !self.opts.attachments {
            return;
        }
        let Some((file, agenda)) = agenda else {
            return;
        };
        let list = portal::attachments(&p.base, &agenda, &file, m);
        self.observer.planned(list.len() as u64);
        for a in list {
            self.attachment(store, a);
        }
    }

    fn attachment(&mut self, store: &mut Store, a: portal::Attachment) {
        let url = a.of.url.clone();
        let path = store.dir().join(&a.file);
        // The sidecar first: a PDF is never there without the item it belongs to.
        let side = sidecar::path_for(&path);
        let text = sidecar::to_json(&a.of);
        if std::fs::read_to_string(&side).ok().as_deref() != Some(text.as_str())
            && let Err(e) = store.write_atomic(&side, text.as_bytes())
        {
            self.fail(&url, e);
            return;
        }
        let known = store.entry(&url, false).map(|e| e.validators.clone());
        match self.get(&url, known.as_ref(), self.opts.max_attachment_bytes) {
            Ok(Some(f)) => {
                if let Err(what) = check_pdf(&f.body, f.content_type.as_deref()) {
                    self.fail(
                        &url,
                        FetchError::NotPdf {
                            url: url.clone(),
                            what,
                        },
                    );
                    return;
                }
                match store
                    .write_atomic(&path, &f.body)
                    .and_then(|()| store.record(&url, &a.file, &f.validators))
                {
                    Ok(()) => {
                        self.summary.attachments_fetched += 1;
                        self.observer.finished(&url, Outcome::Fetched);
                    }
                    Err(e) => self.fail(&url, e),
                }
            }
            Ok(None) => {
                self.summary.attachments_unchanged += 1;
                self.observer.finished(&url, Outcome::Unchanged);
            }
            Err(e) => self.fail(&url, e),
        }
    }
}

fn local_agenda(store: &Store, file: &str) -> Option<(String, serde_json::Value)> {
    let bytes = std::fs::read(store.dir().join(file)).ok()?;
    Some((file.to_string(), portal::check_agenda(&bytes).ok()?))
}

/// A PDF starts with `%PDF-` (within its first kilobyte, as readers allow); `Err` says what
/// the body looks like instead.
fn check_pdf(body: &[u8], content_type: Option<&str>) -> Result<(), NotPdf> {
    let head = &body[..body.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Ok(());
    }
    let start = String::from_utf8_lossy(&body[..body.len().min(200)]).to_lowercase();
    let start = start.trim_start();
    Err(
        if start.starts_with("<!doctype html") || start.starts_with("<html") {
            NotPdf::Html
        } else if body.is_empty() {
            NotPdf::Empty
        } else {
            match content_type {
                Some(t) => NotPdf::ContentType(t.to_string()),
                None => NotPdf::NoHeader,
            }
        },
    )
}

#[cfg(test)]
mod tests {
    /// A test's outcome: an error fails it with its message.
    type TestResult = Result<(), Box<dyn std::error::Error>>;
    use super::*;

    #[test]
    fn portals_files_and_dates_are_read_or_refused_with_a_reason() -> TestResult {
        let f = Path::new("portals.txt");
        let p = parse_portals(
            f,
            "# kommuner\nhttps://dagsordener.greve.dk/ greve\n\ndagsordener.roskilde.dk\n",
        )?;
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].name.as_deref(), Some("greve"));
        assert_eq!(p[1].base, "https://dagsordener.roskilde.dk");
        let e = parse_portals(f, "ftp://x\n").unwrap_err().to_string();
        assert!(e.starts_with("portals.txt:1: ftp://x"), "{e}");
        assert!(parse_portals(f, "# none\n").is_err());
        assert_eq!(parse_since("2024")?, "2024-01-01");
        assert_eq!(parse_since("2024-03-05")?, "2024-03-05");
        assert!(parse_since("2024-03-05x").is_err());
        assert!(parse_since("marts").is_err());
        Ok(())
    }

    #[test]
    fn a_pdf_is_recognised_and_an_html_page_named() {
        assert!(check_pdf(b"%PDF-1.7\n...", None).is_ok());
        assert_eq!(
            check_pdf(b"<!DOCTYPE html><p>Log ind", Some("text/html")).unwrap_err(),
            NotPdf::Html
        );
        assert_eq!(
            check_pdf(b"PK\x03\x04", Some("application/zip"))
                .unwrap_err()
                .to_string(),
            "Content-Type application/zip"
        );
        assert_eq!(check_pdf(b"", None).unwrap_err(), NotPdf::Empty);
    }
}
