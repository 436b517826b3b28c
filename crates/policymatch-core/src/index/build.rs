//! Indexing runs: walk, load, segment, write, commit.

use super::lock::WriteLock;
use super::records::DocInfo;
use super::schema::{Fields, kind};
use super::walk::walk;
use super::{CommitInfo, PIPELINE_VERSION, PolicyIndex};
use crate::document::{Facts, SourceKind};
use crate::error::{Error, Result};
use crate::extract::ExtractError;
use crate::ingest::Prepared;
use crate::metadata::Manifest;
use crate::problem::Problem;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::io::Read;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;
use tantivy::{IndexWriter, TantivyDocument, Term};

pub use crate::document::{Section, SourceDocument};
pub use crate::ingest::{InProcessLoader, Loader, pdf_outcome};
pub use crate::sources::Loaded;

/// Options of an indexing run.
pub struct IndexOptions<'a> {
    /// Metadata given by manifests.
    pub manifest: Manifest,
    /// How files become documents.
    pub loader: &'a dyn Loader,
    /// Commit after this many changed files (bounds the work a crash can lose).
    pub commit_every: usize,
    /// Memory budget of the tantivy writer, in bytes.
    pub writer_memory: usize,
    /// Re-index every file even when unchanged (after the analyzer's domain words changed).
    pub force: bool,
    /// Called after each file with its outcome.
    pub progress: Option<&'a (dyn Fn(&Progress<'_>) + Sync)>,
    /// Files larger than this many bytes are skipped, by their size on disk, before they are
    /// read.
    pub max_file_size: u64,
}

/// The default of [`IndexOptions::max_file_size`]: 128 MiB. Municipal PDFs run to 50 MB and
/// more (scanned appendices, maps), and a PDF of 120 MB still indexes within a worker's memory
/// limit ([`crate::extract::isolated::WORKER_MEMORY_MIB`]); the limit is there so that no file
/// is read into memory for its hash unbounded.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 128 * 1024 * 1024;

impl Default for IndexOptions<'_> {
    fn default() -> Self {
        IndexOptions {
            manifest: Manifest::default(),
            loader: &InProcessLoader,
            commit_every: 64,
            force: false,
            writer_memory: 96 * 1024 * 1024,
            progress: None,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
        }
    }
}

/// Progress of a run, reported after each file.
#[derive(Debug)]
pub struct Progress<'a> {
    /// Files done so far.
    pub done: usize,
    /// Files in the run.
    pub total: usize,
    /// The file just done.
    pub path: &'a Path,
    /// Its outcome.
    pub status: &'a FileStatus,
}

/// The outcome for one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status", content = "reason")]
pub enum FileStatus {
    /// Indexed (new or changed).
    Indexed,
    /// Unchanged since the last run.
    Unchanged,
    /// Not indexed, by nature (e.g. no text layer).
    Skipped(Problem),
    /// Not indexed because it is broken.
    Failed(Problem),
}

/// What an indexing run did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IndexSummary {
    /// Files indexed (new or changed).
    pub indexed: Vec<PathBuf>,
    /// Number of unchanged files.
    pub unchanged: usize,
    /// Files removed from the index because they are gone.
    pub removed: Vec<String>,
    /// Files skipped, with the reason (in JSON `[path, text, code]`).
    #[serde(serialize_with = "crate::problem::serialize_problems")]
    pub skipped: Vec<(PathBuf, Problem)>,
    /// Files and folders passed over because a [`super::walk::IGNORE_FILE`] names them.
    pub ignored: Vec<PathBuf>,
    /// Files that failed, with the reason (in JSON `[path, text, code]`).
    #[serde(serialize_with = "crate::problem::serialize_problems")]
    pub failed: Vec<(PathBuf, Problem)>,
    /// Documents written (agenda files give one per item).
    pub documents: usize,
    /// Pages written.
    pub pages: usize,
    /// Passages written.
    pub passages: usize,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// Number of this run.
    pub run: u64,
}

enum Work {
    Unchanged(PathBuf),
    Loaded(PathBuf, String, Loaded),
    Unreadable(PathBuf, Problem),
}

/// Indexes the files under `roots` into `index`: new and changed files are (re)indexed,
/// unchanged ones skipped by content hash, and files that were indexed from under one of the
/// roots but are gone are removed.
pub fn index_paths(
    index: &PolicyIndex,
    roots: &[PathBuf],
    opts: &IndexOptions<'_>,
) -> Result<IndexSummary> {
    let started = Instant::now();
    let dir = index.dir().to_path_buf();
    let _lock = WriteLock::acquire(&dir)?;
    index.reload()?;
    let info = index.commit_info()?;
    let run = info.run + 1;
    // Documents made by another version of the pipeline, or analysed with other domain words,
    // are all indexed again. Until such a run completes, its intermediate commits keep the
    // old values, so that a run cut short is taken up again in full.
    let words = domain_words_hash(&dir);
    let stale = info.run > 0 && (info.pipeline != PIPELINE_VERSION || info.words != words);
    let (pipeline_before, words_before) = if stale {
        (info.pipeline, info.words.clone())
    } else {
        (PIPELINE_VERSION, words.clone())
    };
    let made = |complete: bool| {
        if complete {
            (PIPELINE_VERSION, words.clone())
        } else {
            (pipeline_before, words_before.clone())
        }
    };
    let fields = *index.fields();

    let mut known: HashMap<String, String> = HashMap::new();
    for d in index.documents()? {
        known.insert(d.path, d.hash);
    }
    let walked = walk(roots);
    // Manifests found in the walked folders, then the one given explicitly (which wins).
    let mut manifest = Manifest::default();
    let mut skipped = walked.skipped.clone();
    for m in &walked.manifests {
        match Manifest::read(m) {
            Ok(found) => manifest.merge(found),
            Err(e) => skipped.push((m.clone(), Problem::manifest(&e))),
        }
    }
    manifest.merge(opts.manifest.clone());
    let mut summary = IndexSummary {
        skipped,
        ignored: walked.ignored.clone(),
        run,
        ..Default::default()
    };
    let canonical_roots: Vec<PathBuf> = roots
        .iter()
        .filter_map(|r| std::fs::canonicalize(r).ok())
        .collect();
    let files: Vec<(PathBuf, String, SourceKind)> = walked
        .files
        .iter()
        .map(|(p, k)| {
            let key = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            (p.clone(), key.to_string_lossy().to_string(), *k)
        })
        .collect();
    let present: HashSet<&str> = files.iter().map(|(_, k, _)| k.as_str()).collect();
    // Agenda exports of meetings that are also indexed as PDF (same file stem) are marked as
    // twins: searches show the PDF, whose pages can be cited, and not the same text twice.
    let pdf_stems: HashSet<String> = files
        .iter()
        .filter(|(_, _, k)| *k == SourceKind::Pdf)
        .filter_map(|(p, _, _)| p.file_stem().map(|s| s.to_string_lossy().to_string()))
        .collect();
    let removed: Vec<String> = known
        .keys()
        .filter(|k| !present.contains(k.as_str()))
        .filter(|k| canonical_roots.iter().any(|r| Path::new(k).starts_with(r)))
        .cloned()
        .collect();

    let mut writer: IndexWriter = index
        .tantivy()
        .writer_with_num_threads(1, opts.writer_memory.max(15_000_000))
        .map_err(|e| match e {
            tantivy::TantivyError::LockFailure(..) => Error::Locked {
                path: dir.clone(),
                holder: "another tantivy writer".into(),
            },
            e => Error::index(&dir, e),
        })?;
    for path in &removed {
        writer.delete_term(Term::from_field_text(fields.path, path));
    }
    summary.removed = removed;

    let (tx, rx) = mpsc::sync_channel::<Work>(16);
    let loader = opts.loader;
    let max_file_size = opts.max_file_size;
    let unchanged_map = HashMap::new();
    let known_ref = if opts.force || stale {
        &unchanged_map
    } else {
        &known
    };
    let mut pending = 0usize;
    let mut done = 0usize;
    let result: Result<()> = std::thread::scope(|scope| {
        let files_ref = &files;
        scope.spawn(move || {
            files_ref
                .par_iter()
                .for_each_with(tx, |tx, (path, key, kind)| {
                    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
                    let work = if size > max_file_size {
                        // by its size on disk, before a byte is read; a file that grew over
                        // the limit loses its old records like any changed file
                        let reason = Problem::TooLarge {
                            size,
                            limit: max_file_size,
                        };
                        Work::Loaded(path.clone(), String::new(), Loaded::Skipped(reason))
                    } else {
                        read_and_load(path, key, *kind, known_ref, loader, max_file_size)
                    };
                    let _ = tx.send(work);
                });
        });
        for work in rx {
            let (path, status) = match work {
                Work::Unchanged(p) => {
                    summary.unchanged += 1;
                    (p, FileStatus::Unchanged)
                }
                Work::Unreadable(p, reason) => {
                    summary.skipped.push((p.clone(), reason.clone()));
                    (p, FileStatus::Skipped(reason))
                }
                Work::Loaded(p, hash, loaded) => {
                    let key = std::fs::canonicalize(&p)
                        .unwrap_or_else(|_| p.clone())
                        .to_string_lossy()
                        .to_string();
                    // A file that changed into something unreadable loses its old records.
                    writer.delete_term(Term::from_field_text(fields.path, &key));
                    match loaded {
                        Loaded::Documents(docs) => {
                            let attachment_of = crate::sources::sidecar::read(&p);
                            let twin = SourceKind::of(&p) == Some(SourceKind::AgendaJson)
                                && p.file_stem().is_some_and(|s| {
                                    pdf_stems.contains(s.to_string_lossy().as_ref())
                                });
                            let cx = crate::ingest::Context {
                                path: &p,
                                key: &key,
                                attachment_of: attachment_of.as_ref(),
                                twin,
                                manifest: Some(&manifest),
                            };
                            for doc in docs {
                                let doc = crate::ingest::prepare(doc, &cx);
                                let (pages, passages) =
                                    write_document(&writer, &fields, &key, &hash, run, &doc)
                                        .map_err(|e| Error::index(&dir, e))?;
                                summary.documents += 1;
                                summary.pages += pages;
                                summary.passages += passages;
                            }
                            summary.indexed.push(p.clone());
                            pending += 1;
                            (p, FileStatus::Indexed)
                        }
                        Loaded::Skipped(reason) => {
                            summary.skipped.push((p.clone(), reason.clone()));
                            (p, FileStatus::Skipped(reason))
                        }
                        Loaded::Failed(reason) => {
                            summary.failed.push((p.clone(), reason.clone()));
                            (p, FileStatus::Failed(reason))
                        }
                    }
                }
            };
            done += 1;
            if let Some(progress) = opts.progress {
                progress(&Progress {
                    done,
                    total: files.len(),
                    path: &path,
                    status: &status,
                });
            }
            if pending >= opts.commit_every.max(1) {
                commit(&mut writer, run, made(false), false, &dir)?;
                pending = 0;
            }
        }
        Ok(())
    });
    result?;
    commit(&mut writer, run, made(true), true, &dir)?;
    writer
        .wait_merging_threads()
        .map_err(|e| Error::index(&dir, e))?;
    index.reload()?;
    summary.seconds = started.elapsed().as_secs_f64();
    crate::problem::sort(&mut summary.failed);
    crate::problem::sort(&mut summary.skipped);
    Ok(summary)
}

/// Reads one file (its size on disk within `max_size`), hashes it and, unless it is
/// unchanged or empty, loads it.
fn read_and_load(
    path: &Path,
    key: &str,
    kind: SourceKind,
    known: &HashMap<String, String>,
    loader: &dyn Loader,
    max_size: u64,
) -> Work {
    let mut bytes = Vec::new();
    // at most one byte over the limit, in case the file grew since its size was read
    let read = std::fs::File::open(path)
        .and_then(|f| f.take(max_size.saturating_add(1)).read_to_end(&mut bytes));
    if let Err(e) = read {
        return Work::Unreadable(path.to_path_buf(), Problem::unreadable(&e));
    }
    if bytes.len() as u64 > max_size {
        let reason = Problem::TooLarge {
            size: bytes.len() as u64,
            limit: max_size,
        };
        return Work::Loaded(path.to_path_buf(), String::new(), Loaded::Skipped(reason));
    }
    let hash = blake3::hash(&bytes).to_hex().to_string();
    if known.get(key) == Some(&hash) {
        Work::Unchanged(path.to_path_buf())
    } else if bytes.is_empty() {
        Work::Loaded(
            path.to_path_buf(),
            hash,
            Loaded::Skipped(ExtractError::Empty.into()),
        )
    } else {
        let loaded = loader.load(path, &bytes, kind);
        Work::Loaded(path.to_path_buf(), hash, loaded)
    }
}

/// The hash recorded in [`CommitInfo::words`] for the domain words kept in `dir`.
fn domain_words_hash(dir: &Path) -> String {
    match std::fs::read(dir.join(super::DOMAIN_WORDS)) {
        Ok(bytes) if !bytes.is_empty() => blake3::hash(&bytes).to_hex().to_string(),
        _ => String::new(),
    }
}

fn commit(
    writer: &mut IndexWriter,
    run: u64,
    (pipeline, words): (u64, String),
    complete: bool,
    dir: &Path,
) -> Result<()> {
    let payload = serde_json::to_string(&CommitInfo {
        schema: super::schema::SCHEMA_VERSION,
        run,
        complete,
        pipeline,
        words,
    })
    .map_err(|e| Error::index(dir, e))?;
    let mut prepared = writer.prepare_commit().map_err(|e| Error::index(dir, e))?;
    prepared.set_payload(&payload);
    prepared.commit().map_err(|e| Error::index(dir, e))?;
    Ok(())
}

/// Indexes an agenda item's case number and marks it as an agenda item.
fn add_agenda_fields(d: &mut TantivyDocument, f: &Fields, facts: &Facts) {
    if facts.twin {
        d.add_text(f.flags, "twin");
    }
    if facts.is_agenda_item() {
        d.add_text(f.flags, "agenda_item");
    }
    if let Some(case) = &facts.case_number {
        d.add_text(f.case_number, case);
    }
}

/// Writes a prepared document: one record per passage, then the document's own record.
fn write_document(
    writer: &IndexWriter,
    f: &Fields,
    path_key: &str,
    hash: &str,
    run: u64,
    prepared: &Prepared,
) -> tantivy::Result<(usize, usize)> {
    let doc = &prepared.document;
    let value = |v: &Option<crate::document::MetaValue<String>>| {
        v.as_ref().map(|v| v.value.clone()).unwrap_or_default()
    };
    let info = DocInfo {
        path: path_key.to_string(),
        doc_id: doc.doc_id.clone(),
        title: value(&doc.meta.title),
        municipality: value(&doc.meta.municipality),
        area: value(&doc.meta.area),
        year: doc
            .meta
            .year
            .as_ref()
            .map(|v| u64::from(v.value))
            .unwrap_or(0),
        date: doc.date,
    };
    let mut ordinal = 0u64;
    for p in &prepared.passages {
        let mut d = TantivyDocument::default();
        d.add_text(f.kind, kind::PASSAGE);
        info.write(&mut d, f);
        add_agenda_fields(&mut d, f, &doc.facts);
        d.add_u64(f.page, u64::from(p.page));
        let heading = p.heading.as_deref().unwrap_or("");
        d.add_text(f.heading, heading);
        d.add_text(f.text, &p.text);
        d.add_text(f.words, heading);
        d.add_text(f.words, &p.text);
        d.add_text(f.marks, p.marks.encode());
        d.add_u64(f.span_start, p.span.0 as u64);
        d.add_u64(f.span_end, p.span.1 as u64);
        d.add_u64(f.ordinal, ordinal);
        d.add_u64(f.run, run);
        d.add_text(f.extra, p.facts.to_json());
        if p.has_event() {
            d.add_text(f.flags, "deadline");
        }
        if p.has_consultation() {
            d.add_text(f.flags, "consultation");
        }
        writer.add_document(d)?;
        ordinal += 1;
    }
    let mut d = TantivyDocument::default();
    d.add_text(f.kind, kind::DOCUMENT);
    info.write(&mut d, f);
    add_agenda_fields(&mut d, f, &doc.facts);
    d.add_text(f.hash, hash);
    d.add_u64(f.page, doc.pages.len() as u64);
    d.add_u64(f.ordinal, ordinal);
    d.add_u64(f.run, run);
    d.add_text(f.extra, doc.facts.to_json());
    writer.add_document(d)?;
    Ok((doc.pages.len(), ordinal as usize))
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

    const TEXT: &str = "Ensomhed\n\nMålet er, at færre ældre oplever ensomhed. Vi vil styrke \
        samarbejdet med frivillige foreninger om besøgsvenner og fællesspisning i alle \
        lokalområder i løbet af politikkens periode.";

    fn setup() -> TestResult<(tempfile::TempDir, PathBuf, PolicyIndex)> {
        let tmp = tempfile::tempdir()?;
        let docs = tmp.path().join("docs");
        std::fs::create_dir(&docs)?;
        for name in ["a.txt", "b.txt"] {
            std::fs::write(docs.join(name), TEXT)?;
        }
        let index = PolicyIndex::open_or_create(&tmp.path().join("idx"))?;
        Ok((tmp, docs, index))
    }

    fn run(index: &PolicyIndex, docs: &Path) -> Result<IndexSummary> {
        index_paths(index, &[docs.to_path_buf()], &IndexOptions::default())
    }

    /// Records a commit as an older version of policymatch would have (no pipeline version,
    /// no domain-words hash).
    fn commit_as_older_version(index: &PolicyIndex) -> TestResult {
        let mut writer: IndexWriter = index.tantivy().writer(15_000_000)?;
        let info = index.commit_info()?;
        commit(&mut writer, info.run, (0, String::new()), true, index.dir())?;
        index.reload()?;
        Ok(())
    }

    #[test]
    fn an_index_made_by_another_pipeline_version_is_indexed_again_in_full() -> TestResult {
        let (_tmp, docs, index) = setup()?;
        assert_eq!(run(&index, &docs)?.indexed.len(), 2);
        assert_eq!(run(&index, &docs)?.unchanged, 2);
        let info = index.commit_info()?;
        assert_eq!((info.pipeline, info.words.as_str()), (PIPELINE_VERSION, ""));

        commit_as_older_version(&index)?;
        let again = run(&index, &docs)?;
        assert_eq!((again.indexed.len(), again.unchanged), (2, 0));
        assert_eq!(index.commit_info()?.pipeline, PIPELINE_VERSION);
        // once is enough
        assert_eq!(run(&index, &docs)?.unchanged, 2);
        // the old documents were replaced, not added to
        index.reload()?;
        assert_eq!(index.documents()?.len(), 2);
        Ok(())
    }

    #[test]
    fn changed_domain_words_index_everything_again() -> TestResult {
        let (_tmp, docs, index) = setup()?;
        run(&index, &docs)?;
        std::fs::write(index.dir().join(crate::index::DOMAIN_WORDS), "besøgsven\n")?;
        let again = run(&index, &docs)?;
        assert_eq!((again.indexed.len(), again.unchanged), (2, 0));
        assert_eq!(run(&index, &docs)?.unchanged, 2);
        assert_eq!(
            index.commit_info()?.words,
            blake3::hash("besøgsven\n".as_bytes()).to_hex().to_string()
        );
        Ok(())
    }

    #[test]
    fn page_counts_are_read_for_the_documents_asked() -> TestResult {
        let (_tmp, docs, index) = setup()?;
        std::fs::write(
            docs.join("c.txt"),
            format!("{TEXT}\u{c}Side to.\u{c}Side tre."),
        )?;
        run(&index, &docs)?;
        index.reload()?;
        let ids: Vec<String> = index.documents()?.into_iter().map(|d| d.doc_id).collect();
        let c = ids
            .iter()
            .find(|id| id.ends_with("c.txt"))
            .ok_or("c.txt not indexed")?;
        let a = ids
            .iter()
            .find(|id| id.ends_with("a.txt"))
            .ok_or("a.txt not indexed")?;
        let counts = index.page_counts(&index.searcher(), [c.as_str(), a.as_str(), "nowhere"])?;
        assert_eq!(counts.len(), 2);
        assert_eq!((counts[c], counts[a]), (3, 1));
        assert!(index.page_counts(&index.searcher(), [])?.is_empty());
        // a changed document's old record is deleted: its new count is read
        std::fs::write(docs.join("c.txt"), format!("{TEXT}\u{c}Side to."))?;
        run(&index, &docs)?;
        index.reload()?;
        assert_eq!(index.page_counts(&index.searcher(), [c.as_str()])?[c], 2);
        Ok(())
    }

    #[test]
    fn an_index_with_another_schema_is_made_again_for_indexing() -> TestResult {
        let (tmp, docs, index) = setup()?;
        drop(index);
        let dir = tmp.path().join("old");
        std::fs::create_dir(&dir)?;
        {
            // an index as another version would have made it: other fields
            let mut b = tantivy::schema::Schema::builder();
            let body = b.add_text_field("body", tantivy::schema::TEXT);
            let old = tantivy::Index::create_in_dir(&dir, b.build())?;
            let mut w: IndexWriter = old.writer(15_000_000)?;
            w.add_document(tantivy::doc!(body => "gammel tekst"))?;
            w.commit()?;
        }
        std::fs::write(dir.join(crate::index::DOMAIN_WORDS), "besøgsven\n")?;
        assert!(PolicyIndex::open(&dir).is_err());
        let (index, reason) = PolicyIndex::open_or_rebuild(&dir)?;
        assert!(reason.is_some_and(|r| r.contains("another version")));
        assert_eq!(run(&index, &docs)?.indexed.len(), 2);
        index.reload()?;
        assert_eq!(index.documents()?.len(), 2);
        // the domain words stay, and a current index is opened as it is
        assert!(dir.join(crate::index::DOMAIN_WORDS).is_file());
        drop(index);
        let (index, reason) = PolicyIndex::open_or_rebuild(&dir)?;
        assert_eq!(reason, None);
        assert_eq!(index.documents()?.len(), 2);
        Ok(())
    }
}
