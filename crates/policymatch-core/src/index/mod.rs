//! The on-disk passage index.
//!
//! One tantivy index holds a record per document and a record per passage (see [`schema`]).
//! Writes go through [`build::index_paths`], which takes the [`lock::WriteLock`], adds or replaces
//! whole documents, and commits in batches: a commit is atomic in tantivy, and a document's
//! old records are deleted in the same commit that adds its new ones, so a run killed at any
//! moment leaves the last committed state, which the next run completes.

pub mod build;
pub mod civic;
pub mod isolated;
pub mod lock;
pub mod query;
pub mod records;
pub mod schema;
pub mod search;
pub mod walk;

use crate::error::{Error, Result};
use records::DocumentRecord;
use schema::{Fields, KEYWORD, SCHEMA_VERSION};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, TextAnalyzer};
use tantivy::{DocSet, Index, IndexReader, ReloadPolicy, TERMINATED, Term};

/// Default index directory, relative to the working directory.
pub const DEFAULT_DIR: &str = ".policymatch";

/// Environment variable that overrides the default index directory.
pub const ENV_DIR: &str = "POLICYMATCH_INDEX";

/// What each commit records about the run that made it (tantivy's commit payload).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct CommitInfo {
    /// Schema version the index was written with.
    pub schema: u64,
    /// Number of the run that made the commit (runs count from 1).
    pub run: u64,
    /// True when the run finished; false for an intermediate commit.
    pub complete: bool,
    /// [`PIPELINE_VERSION`] of the documents in the index (0 in indexes made before it was
    /// recorded).
    #[serde(default)]
    pub pipeline: u64,
    /// BLAKE3 hash (hex) of the domain words the documents were analysed with; empty for none.
    #[serde(default)]
    pub words: String,
}

/// Version of what indexing makes of a file (text extraction, passages, the marks stored with
/// each). Unlike [`schema::SCHEMA_VERSION`], a change needs no new index: the next
/// `index` run finds the index made by another version and indexes every file again.
/// 1: a page of headings only is one passage.
/// 2: an inferred title broken over lines is joined.
/// 3: a full stop after an abbreviation or before a lower-case word ends no sentence (marks).
/// 4: the stage of an agenda item is read over the line breaks of its recommendation, its
///    first request to the end of its sentence, and from the decision when nothing else says;
///    an HTML heading element that reads as a sentence is text.
/// 5: facts are stored typed ([`crate::document::Facts`]); an agenda XML item's author is a
///    contact; a committee named over two preamble lines is read whole.
/// 6: intent marks take money words and consultations from the event layer; "skal" alone,
///    "midlertidig" and a consultation the event list leaves out mark nothing.
/// 7: one sentence splitter: an event's sentence goes on after "kl.", a sentence ends after
///    "kr." before a capital.
/// 8: intent marks count civil-society openings and words of internal matters.
/// 9: intent marks count political requests (`intent::is_request`).
/// 10: intent marks place each civil-society opening (`intent::Marks::openings`).
pub const PIPELINE_VERSION: u64 = 10;

/// An opened policymatch index.
pub struct PolicyIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    lexicon: std::sync::Arc<crate::analysis::Lexicon>,
}

impl std::fmt::Debug for PolicyIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PolicyIndex")
            .field("dir", &self.dir)
            .finish()
    }
}

impl PolicyIndex {
    /// Opens the index at `dir`, creating it when the directory holds none.
    pub fn open_or_create(dir: &Path) -> Result<PolicyIndex> {
        fs_err::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let (schema, fields) = schema::build();
        let mmap =
            tantivy::directory::MmapDirectory::open(dir).map_err(|e| Error::index(dir, e))?;
        let index = if Index::exists(&mmap).map_err(|e| Error::index(dir, e))? {
            Index::open(mmap).map_err(|e| Error::index(dir, e))?
        } else {
            Index::create(mmap, schema, tantivy::IndexSettings::default())
                .map_err(|e| Error::index(dir, e))?
        };
        Self::finish_open(dir, index, fields)
    }

    /// Opens the index at `dir` for indexing, creating it when the directory holds none and
    /// making it again, empty, when another version of policymatch made it with another
    /// schema (it cannot be read, and every file has to be indexed again anyway). Returns
    /// the index and, when it was made again, why. Only the files the index itself lists are
    /// removed; the domain words and anything else in the folder stay.
    pub fn open_or_rebuild(dir: &Path) -> Result<(PolicyIndex, Option<String>)> {
        fs_err::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let mmap =
            tantivy::directory::MmapDirectory::open(dir).map_err(|e| Error::index(dir, e))?;
        if Index::exists(&mmap).map_err(|e| Error::index(dir, e))? {
            let index = Index::open(mmap).map_err(|e| Error::index(dir, e))?;
            let Some(why) = other_version(&index, dir)? else {
                return Ok((Self::ready(dir, index, schema::build().1)?, None));
            };
            drop(index);
            let _lock = lock::WriteLock::acquire(dir)?;
            remove_index_files(dir)?;
            return Ok((Self::open_or_create(dir)?, Some(why)));
        }
        Ok((Self::open_or_create(dir)?, None))
    }

    /// Opens an existing index at `dir`.
    pub fn open(dir: &Path) -> Result<PolicyIndex> {
        let (_, fields) = schema::build();
        let missing = || Error::NoIndex {
            path: dir.to_path_buf(),
        };
        if !dir.is_dir() {
            return Err(missing());
        }
        let mmap =
            tantivy::directory::MmapDirectory::open(dir).map_err(|e| Error::index(dir, e))?;
        if !Index::exists(&mmap).map_err(|e| Error::index(dir, e))? {
            return Err(missing());
        }
        let index = Index::open(mmap).map_err(|e| Error::index(dir, e))?;
        Self::finish_open(dir, index, fields)
    }

    /// `index` checked to be of this version's schema, then made ready.
    fn finish_open(dir: &Path, index: Index, fields: Fields) -> Result<PolicyIndex> {
        if let Some(why) = other_version(&index, dir)? {
            return Err(Error::Index {
                path: dir.to_path_buf(),
                message: format!("{why}; run `policymatch index FOLDER` to make it again"),
            });
        }
        Self::ready(dir, index, fields)
    }

    /// `index` with its analyzers registered and a reader.
    fn ready(dir: &Path, index: Index, fields: Fields) -> Result<PolicyIndex> {
        let lexicon = register_analyzers(&index, dir)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| Error::index(dir, e))?;
        Ok(PolicyIndex {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
            lexicon,
        })
    }

    /// The lexicon the index's Danish analyzer splits compounds with (the built-in words and
    /// the index's domain words).
    pub fn lexicon(&self) -> std::sync::Arc<crate::analysis::Lexicon> {
        self.lexicon.clone()
    }

    /// The index directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The tantivy index.
    pub fn tantivy(&self) -> &Index {
        &self.index
    }

    /// The field handles.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// A searcher over the last committed state.
    pub fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }

    /// Reloads the reader to see the latest commit.
    pub fn reload(&self) -> Result<()> {
        self.reader.reload().map_err(|e| Error::index(&self.dir, e))
    }

    /// What the last commit recorded about its run.
    pub fn commit_info(&self) -> Result<CommitInfo> {
        read_commit_info(&self.index, &self.dir)
    }

    /// Number of passage records (counted, not read from document records, so duplicates
    /// would show).
    pub fn passage_count(&self) -> Result<usize> {
        let q = TermQuery::new(
            Term::from_field_text(self.fields.kind, schema::kind::PASSAGE),
            IndexRecordOption::Basic,
        );
        self.searcher()
            .search(&q, &tantivy::collector::Count)
            .map_err(|e| Error::index(&self.dir, e))
    }

    /// Calls `f` with every passage record, segment by segment (streaming: memory stays flat
    /// however large the index). Stops at the first error `f` returns.
    pub fn for_each_passage<E>(
        &self,
        mut f: impl FnMut(records::PassageRecord) -> std::result::Result<(), E>,
    ) -> Result<std::result::Result<(), E>> {
        let searcher = self.searcher();
        for segment in searcher.segment_readers() {
            let store = segment
                .get_store_reader(64)
                .map_err(|e| Error::index(&self.dir, e))?;
            for doc in store.iter::<tantivy::TantivyDocument>(segment.alive_bitset()) {
                let doc = doc.map_err(|e| Error::index(&self.dir, e))?;
                if records::text_of(&doc, self.fields.kind) != schema::kind::PASSAGE {
                    continue;
                }
                if let Err(e) = f(records::PassageRecord::from_doc(&doc, &self.fields)) {
                    return Ok(Err(e));
                }
            }
        }
        Ok(Ok(()))
    }

    /// The passage records of the document `doc_id` (its identity, as passages carry it), in
    /// reading order.
    pub fn passages_of(&self, doc_id: &str) -> Result<Vec<records::PassageRecord>> {
        let searcher = self.searcher();
        let q = tantivy::query::BooleanQuery::new(vec![
            (
                tantivy::query::Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.doc_id, doc_id),
                    IndexRecordOption::Basic,
                )) as Box<dyn tantivy::query::Query>,
            ),
            (
                tantivy::query::Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.kind, schema::kind::PASSAGE),
                    IndexRecordOption::Basic,
                )),
            ),
        ]);
        let mut out = Vec::new();
        for addr in self.matching(&searcher, &q)? {
            let doc = searcher
                .doc::<tantivy::TantivyDocument>(addr)
                .map_err(|e| Error::index(&self.dir, e))?;
            out.push(records::PassageRecord::from_doc(&doc, &self.fields));
        }
        out.sort_by_key(|p| p.ordinal);
        Ok(out)
    }

    /// The addresses of every record `q` matches, in index order. Tantivy's
    /// [`DocSetCollector`] gives a hash set, whose order differs from run to run; every
    /// caller that reads all matches goes through here so that ties keep one order.
    pub fn matching(
        &self,
        searcher: &tantivy::Searcher,
        q: &dyn tantivy::query::Query,
    ) -> Result<Vec<tantivy::DocAddress>> {
        let mut addrs: Vec<tantivy::DocAddress> = searcher
            .search(q, &DocSetCollector)
            .map_err(|e| Error::index(&self.dir, e))?
            .into_iter()
            .collect();
        addrs.sort_unstable();
        Ok(addrs)
    }

    /// All document records, sorted by path and document id (records of one path and id
    /// in index order).
    pub fn documents(&self) -> Result<Vec<DocumentRecord>> {
        let searcher = self.searcher();
        let q = TermQuery::new(
            Term::from_field_text(self.fields.kind, schema::kind::DOCUMENT),
            IndexRecordOption::Basic,
        );
        let addrs = self.matching(&searcher, &q)?;
        let mut docs = Vec::with_capacity(addrs.len());
        for addr in addrs {
            let doc = searcher
                .doc::<tantivy::TantivyDocument>(addr)
                .map_err(|e| Error::index(&self.dir, e))?;
            docs.push(DocumentRecord::from_doc(&doc, &self.fields));
        }
        docs.sort_by(|a, b| a.path.cmp(&b.path).then(a.doc_id.cmp(&b.doc_id)));
        Ok(docs)
    }

    /// The number of pages of each of `doc_ids` (document identities, as passages carry them)
    /// that is in the index. Reads postings and the `page` fast field only: a document
    /// record is the record of its identity that is also of kind "document".
    pub fn page_counts<'a>(
        &self,
        searcher: &tantivy::Searcher,
        doc_ids: impl IntoIterator<Item = &'a str>,
    ) -> Result<std::collections::HashMap<String, u64>> {
        let ids: Vec<&str> = doc_ids.into_iter().collect();
        let mut counts = std::collections::HashMap::new();
        let err = |e: tantivy::TantivyError| Error::index(&self.dir, e);
        let io = |e: std::io::Error| Error::io(&self.dir, e);
        let kind = Term::from_field_text(self.fields.kind, schema::kind::DOCUMENT);
        if ids.is_empty() {
            return Ok(counts);
        }
        for segment in searcher.segment_readers() {
            let pages = segment.fast_fields().u64("page").map_err(err)?;
            let by_id = segment.inverted_index(self.fields.doc_id).map_err(err)?;
            // the segment's live document records, in document order (read once)
            let mut records = Vec::new();
            if let Some(mut list) = segment
                .inverted_index(self.fields.kind)
                .map_err(err)?
                .read_postings(&kind, IndexRecordOption::Basic)
                .map_err(io)?
            {
                while list.doc() != TERMINATED {
                    let doc = list.doc();
                    if segment.alive_bitset().is_none_or(|a| a.is_alive(doc)) {
                        records.push(doc);
                    }
                    list.advance();
                }
            }
            for id in &ids {
                let term = Term::from_field_text(self.fields.doc_id, id);
                let Some(mut of_id) = by_id
                    .read_postings(&term, IndexRecordOption::Basic)
                    .map_err(io)?
                else {
                    continue;
                };
                // the identity's first record that is a live document record
                while of_id.doc() != TERMINATED {
                    let doc = of_id.doc();
                    if records.binary_search(&doc).is_ok() {
                        counts.insert((*id).to_string(), pages.first(doc).unwrap_or(0));
                        break;
                    }
                    of_id.advance();
                }
            }
        }
        Ok(counts)
    }
}

/// Removes the files of the tantivy index in `dir`: those its `.managed.json` lists, and
/// `meta.json` and `.managed.json` themselves.
fn remove_index_files(dir: &Path) -> Result<()> {
    let managed = dir.join(".managed.json");
    let listed: Vec<String> = match std::fs::read_to_string(&managed) {
        Ok(text) => serde_json::from_str(&text).map_err(|e| Error::index(dir, e))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(Error::io(&managed, e)),
    };
    for name in listed
        .iter()
        .map(String::as_str)
        .chain(["meta.json", ".managed.json"])
    {
        // a listed name is a plain file name inside the index folder
        if name.contains(['/', '\\']) || (name.starts_with('.') && name != ".managed.json") {
            continue;
        }
        let path = dir.join(name);
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&path, e)),
        }
    }
    Ok(())
}

/// File in the index directory with the user's domain words for compound splitting (one word
/// per line); used at index and query time alike.
pub const DOMAIN_WORDS: &str = "domain-words.txt";

/// Registers every analyzer the schema names, with the index's domain words when it has
/// them, and gives the lexicon the Danish analyzer splits with. Tantivy does not store
/// analyzers in the index, so every open and create path calls this.
pub fn register_analyzers(
    index: &Index,
    dir: &Path,
) -> Result<std::sync::Arc<crate::analysis::Lexicon>> {
    let words = dir.join(DOMAIN_WORDS);
    let lexicon = if words.is_file() {
        std::sync::Arc::new(crate::analysis::Lexicon::with_words_file(&words)?)
    } else {
        crate::analysis::Lexicon::builtin()
    };
    crate::analysis::register_with(index, lexicon.clone());
    index.tokenizers().register(
        KEYWORD,
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .build(),
    );
    Ok(lexicon)
}

/// Why this version cannot read `index`, when it cannot: its last commit names another schema
/// version, or its fields differ from this version's.
fn other_version(index: &Index, dir: &Path) -> Result<Option<String>> {
    let info = read_commit_info(index, dir)?;
    if info.run > 0 && info.schema != SCHEMA_VERSION {
        return Ok(Some(format!(
            "made by another version of policymatch (schema {}, this one reads {})",
            info.schema, SCHEMA_VERSION
        )));
    }
    if index.schema() != schema::build().0 {
        return Ok(Some(
            "made by another version of policymatch (other fields)".into(),
        ));
    }
    Ok(None)
}

fn read_commit_info(index: &Index, dir: &Path) -> Result<CommitInfo> {
    let metas = index.load_metas().map_err(|e| Error::index(dir, e))?;
    Ok(metas
        .payload
        .as_deref()
        .and_then(|p| serde_json::from_str(p).ok())
        .unwrap_or_default())
}

/// The index directory to use: `explicit`, else `$POLICYMATCH_INDEX`, else `.policymatch`.
pub fn resolve_dir(explicit: Option<&Path>) -> PathBuf {
    explicit
        .map(Path::to_path_buf)
        .or_else(|| std::env::var_os(ENV_DIR).map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(DEFAULT_DIR))
}
