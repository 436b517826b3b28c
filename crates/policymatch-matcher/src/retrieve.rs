//! The first stage: retrieval. The profile becomes concepts ([`crate::query`]), a weighted
//! tantivy query over them finds the candidate passages under the filters, and everything
//! the later stages need of each candidate is read from the index here, once: its stored
//! passage and marks, where the concepts' words stand in it (from the postings, see
//! [`crate::gather`]), the stages of life it names, its document's length and its score by
//! wording ([`crate::wording::scores_of`]). The later stages never read the index.

use crate::candidate::Candidate;
use crate::config::RankConfig;
use crate::error::{Error, Result};
use crate::profile::Profile;
use crate::{gather, par, query, stage, wording};
use policymatch_core::index::PolicyIndex;
use policymatch_core::index::records::PassageRecord;
use policymatch_core::index::search::Filters;
use std::collections::{BTreeSet, HashMap};
use tantivy::TantivyDocument;
use tantivy::collector::TopDocs;
use tantivy::tokenizer::TextAnalyzer;

/// Retrieved passages and what ranking knows of them.
pub(crate) struct Retrieved {
    /// The profile's concepts, each with its expansions.
    pub concepts: Vec<query::Concept>,
    /// The profile's exclude terms as concepts.
    pub excludes: Vec<query::Concept>,
    /// The candidates in retrieval order.
    pub items: Vec<Candidate>,
    /// The stage of life the profile mainly works for.
    pub stage: Option<stage::Stage>,
    /// The number of pages of each candidate's document, by document id.
    pub doc_pages: HashMap<String, u64>,
}

/// The first stage: the candidates of `profile` under `filters` (at most `limit`, best by
/// the weighted concept query first), observed from the index's postings; `None` when the
/// profile gives nothing to look for.
pub(crate) fn retrieve(
    index: &PolicyIndex,
    cfg: &RankConfig,
    profile: &Profile,
    filters: &Filters,
    limit: usize,
    analyzer: &mut TextAnalyzer,
) -> Result<Option<Retrieved>> {
    let fields = index.fields();
    let searcher = index.searcher();
    let mut concepts = query::concepts(profile, analyzer, &searcher, fields.text, &cfg.concepts);
    let mut excludes = query::excludes(profile, analyzer, &cfg.concepts);
    if concepts.is_empty() {
        return Ok(None);
    }
    let search_err = |source| Error::Search {
        path: index.dir().to_path_buf(),
        source,
    };
    let mut expansions: HashMap<String, Vec<String>> = HashMap::new();
    let mut splitter = policymatch_core::analysis::CompoundSplitter::new(index.lexicon());
    for prefix in concepts.iter().filter_map(query::Concept::prefix) {
        if !expansions.contains_key(prefix) {
            let terms =
                gather::prefix_terms(&searcher, fields.text, prefix, &mut splitter, &cfg.concepts)
                    .map_err(search_err)?;
            expansions.insert(prefix.to_string(), terms);
        }
    }
    for c in concepts.iter_mut().chain(excludes.iter_mut()) {
        if let Some(p) = c.prefix().map(str::to_string) {
            c.expansions = expansions.get(&p).cloned().unwrap_or_default();
        }
    }
    let q = query::build_query(index, &concepts, &expansions, filters, cfg);
    let top_docs = searcher
        .search(&q, &TopDocs::with_limit(limit).order_by_score())
        .map_err(search_err)?;
    // the document store is read on several cores (see `par`); in retrieval order
    let loaded = par::map(&top_docs, |&(_, addr)| {
        searcher
            .doc::<TantivyDocument>(addr)
            .map(|doc| PassageRecord::from_doc(&doc, fields))
    });
    let mut passages = Vec::with_capacity(top_docs.len());
    let mut addresses = Vec::with_capacity(top_docs.len());
    let mut retrieval = Vec::with_capacity(top_docs.len());
    for ((score, addr), passage) in top_docs.into_iter().zip(loaded) {
        retrieval.push(score);
        passages.push(passage.map_err(search_err)?);
        addresses.push(addr);
    }
    let marks = passages
        .iter_mut()
        .map(|p| {
            p.marks
                .take()
                .unwrap_or_else(|| policymatch_core::intent::Marks::of(&p.text))
        })
        .collect();
    let stage_words = stage::StageWords::new(analyzer, &cfg.stage);
    let stage = stage_words.of_profile(analyzer, &profile.target_groups);
    let words = gather::words_needed(&concepts, &excludes, &expansions);
    // whether a candidate names a stage of life is all ranking needs of the stage words
    let presence: BTreeSet<String> = match stage {
        Some(_) => stage_words.all().cloned().collect(),
        None => BTreeSet::new(),
    };
    let whole = gather::whole_words_needed(&concepts);
    let mut seen = gather::observe_all(
        &searcher, fields, &words, &presence, &whole, &addresses, marks,
    )
    .map_err(search_err)?;
    // how long each candidate's document is, for the weight of its title
    let doc_pages = index.page_counts(
        &searcher,
        passages
            .iter()
            .map(|p| p.document.doc_id.as_str())
            .collect::<BTreeSet<_>>(),
    )?;
    for (o, p) in seen.iter_mut().zip(&passages) {
        o.doc_pages = doc_pages.get(&p.document.doc_id).copied().unwrap_or(0);
    }
    // the stages each candidate names, in its text, heading, title or committee
    let mut committees: HashMap<String, stage::Named> = HashMap::new();
    let stages: Vec<stage::Named> = passages
        .iter()
        .zip(&seen)
        .map(|(p, o)| {
            if stage.is_none() {
                return stage::Named::default();
            }
            let committee = p.facts.committee.as_deref().unwrap_or_default();
            let by_committee = *committees
                .entry(committee.to_string())
                .or_insert_with(|| stage_words.named_in(analyzer, committee));
            stage_words
                .named(&o.text)
                .or(stage_words.named(&o.head))
                .or(by_committee)
        })
        .collect();
    // how closely each candidate's wording follows the whole profile
    let wording = wording::scores_of(
        index,
        &searcher,
        &wording::profile_text(profile),
        &addresses,
    )
    .map_err(search_err)?;
    let items = passages
        .into_iter()
        .zip(seen)
        .zip(retrieval.into_iter().zip(stages))
        .zip(wording)
        .map(|(((passage, seen), (retrieval, named)), wording)| {
            Candidate::retrieved(passage, seen, retrieval, named, wording)
        })
        .collect();
    Ok(Some(Retrieved {
        concepts,
        excludes,
        items,
        stage,
        doc_pages,
    }))
}
