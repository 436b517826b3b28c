//! The lexical view: pages ranked by how closely their wording follows the whole profile.
//!
//! The concept features ([`crate::rank`]) judge a passage by the profile's entries, one by
//! one. This view reads the profile as one text (name, description, themes, activities,
//! target groups) and ranks passages by BM25 over their text, as a reader skimming for the
//! association's own words would; a page ranks by its best passage. It reads the `words`
//! field, where compounds are not split: a plain reading, in which "ældrepolitik" is not
//! "ældre". The two views err
//! differently, so the final order fuses their page ranks ([`fuse_ranks`], reciprocal-rank
//! fusion). The fusion only reorders the passages the features kept: a page the features
//! dropped, or scored below the floor, does not come back through its wording.

use crate::rank::Weights;
use policymatch_core::index::PolicyIndex;
use policymatch_core::index::records::{PassageRecord, path_key};
use policymatch_core::index::search::Filters;
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};
use tantivy::collector::TopDocs;
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

/// A page: its source path's [`path_key`] and its page number.
pub(crate) type PageKey = (u64, u64);

/// The key of the page a passage stands on.
pub(crate) fn page_key(p: &PassageRecord) -> PageKey {
    (path_key(&p.document.path), p.page)
}

/// The profile as one text, as the lexical view reads it.
pub(crate) fn profile_text(p: &crate::Profile) -> String {
    let mut parts = vec![p.name.as_str(), p.description.as_str()];
    for list in [&p.themes, &p.activities, &p.target_groups] {
        parts.extend(list.iter().map(String::as_str));
    }
    parts.join("\n")
}

/// Passages the lexical view reads: pages beyond the first hundred or so change a fused rank
/// by almost nothing (1 / (60 + 100)), and 150, 300 and 900 passages gave the same ranking on
/// the dev judgments.
pub(crate) const HITS: usize = 150;

/// Pages ranked by wording above this are said to be close to the profile in the reasons.
pub(crate) const CLOSE: usize = 10;

/// The rank (0 = best) of each page among the pages of the best `limit` passages for `text`
/// by BM25 over the `words` field (whole words, no compound parts: a plain reading) under
/// `filters`. Pages are told apart by fast fields; no stored record is read.
pub(crate) fn page_ranks(
    index: &PolicyIndex,
    searcher: &Searcher,
    text: &str,
    filters: &Filters,
    limit: usize,
) -> tantivy::Result<HashMap<PageKey, usize>> {
    let f = index.fields();
    let mut analyzer = policymatch_core::analysis::stemming_analyzer();
    // whole words as the `words` field holds them, each weighted by how often the profile
    // uses it (the words it repeats are what it is about)
    let mut stems: BTreeMap<String, f32> = BTreeMap::new();
    let mut ts = analyzer.token_stream(text);
    while let Some(t) = ts.next() {
        *stems.entry(t.text.clone()).or_default() += 1.0;
    }
    let mut ranks = HashMap::new();
    if stems.is_empty() || limit == 0 {
        return Ok(ranks);
    }
    let words: Vec<(Occur, Box<dyn Query>)> = stems
        .iter()
        .map(|(s, &n)| {
            let q = TermQuery::new(
                Term::from_field_text(f.words, s),
                IndexRecordOption::WithFreqs,
            );
            (
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(q), n)) as Box<dyn Query>,
            )
        })
        .collect();
    let mut clauses = index.filter_clauses(filters);
    clauses.push((Occur::Must, Box::new(BooleanQuery::new(words))));
    let hits = searcher.search(
        &BooleanQuery::new(clauses),
        &TopDocs::with_limit(limit).order_by_score(),
    )?;
    let mut columns: HashMap<u32, (Column<u64>, Column<u64>)> = HashMap::new();
    for (_, addr) in hits {
        let (paths, pages) = match columns.entry(addr.segment_ord) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => {
                let fast = searcher.segment_reader(addr.segment_ord).fast_fields();
                e.insert((fast.u64("path_key")?, fast.u64("page")?))
            }
        };
        let key = (
            paths.first(addr.doc_id).unwrap_or(0),
            pages.first(addr.doc_id).unwrap_or(0),
        );
        // hits come best first: a page ranks by its best passage
        let next = ranks.len();
        ranks.entry(key).or_insert(next);
    }
    Ok(ranks)
}

/// Reciprocal-rank fusion of a page's rank by the features (`ours`, 0 = best) and by its
/// wording (`lexical`, when it has one): `1 / (k + ours + 1) + w.lexical / (k + lexical + 1)`.
pub(crate) fn fuse_ranks(ours: usize, lexical: Option<usize>, w: &Weights) -> f32 {
    let share = |rank: usize| 1.0 / (w.rrf_k + rank as f32 + 1.0);
    share(ours) + lexical.map_or(0.0, |r| w.lexical * share(r))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rank::WEIGHTS;

    #[test]
    fn fusion_lifts_a_page_whose_wording_ranks_well() {
        let w = WEIGHTS;
        // without a lexical rank the features' order stands
        assert!(fuse_ranks(0, None, &w) > fuse_ranks(1, None, &w));
        // a page the wording ranks first overtakes the next one by the features
        assert!(fuse_ranks(1, Some(0), &w) > fuse_ranks(0, None, &w));
        // but not a page far ahead of it
        assert!(fuse_ranks(40, Some(0), &w) < fuse_ranks(0, Some(60), &w));
    }

    #[test]
    fn the_profile_text_holds_every_field() {
        let p = crate::Profile::parse(
            "name = \"A\"\ndescription = \"b\"\nthemes = [\"c\"]\nactivities = [\"d\"]\n\
             target_groups = [\"e\"]\n",
            std::path::Path::new("p.toml"),
        );
        let text = p.map(|p| profile_text(&p)).unwrap_or_default();
        assert_eq!(text, "A\nb\nc\nd\ne");
    }
}
