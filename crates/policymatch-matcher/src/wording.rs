//! The wording stage: pages ranked by how closely their wording follows the whole profile.
//!
//! The concept features ([`crate::features`]) judge a passage by the profile's entries, one by
//! one. This view reads the profile as one text (name, description, themes, activities,
//! target groups) and scores passages by BM25 over their heading and text, as a reader
//! skimming for the association's own words would; a page ranks by its best passage. It
//! reads the `words` field, where compounds are not split: a plain reading, in which
//! "ældrepolitik" is not "ældre". The two views err differently, so the final order weighs
//! each page by both: its feature score times its wording's share of the best page's wording
//! ([`fuse`]). A product keeps how far apart the scores are, which a fusion of ranks throws
//! away: a page far ahead by its features stays ahead of one the wording prefers a little.
//! Only the candidates are scored, and pages rank among the candidates' pages: the cost does
//! not grow with the index, and a page the features dropped, or scored below the floor, does
//! not come back through its wording.

use crate::candidate::Candidate;
use crate::config::Weights;
use crate::context::PageContext;
use crate::profile::Profile;
use policymatch_core::index::PolicyIndex;
use std::collections::BTreeMap;
use tantivy::query::EnableScoring;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Searcher, Term};

/// The profile as one text, as the wording stage reads it.
pub(crate) fn profile_text(p: &Profile) -> String {
    let mut parts = vec![p.name.as_str(), p.description.as_str()];
    for list in [&p.themes, &p.activities, &p.target_groups] {
        parts.extend(list.iter().map(String::as_str));
    }
    parts.join("\n")
}

/// The BM25 score of each of `addresses` for `text` over the `words` field (0 when none of its
/// words is there). Scores only those passages, seeking each in the postings, so the cost
/// does not grow with the index.
pub(crate) fn scores_of(
    index: &PolicyIndex,
    searcher: &Searcher,
    text: &str,
    addresses: &[DocAddress],
) -> tantivy::Result<Vec<f32>> {
    let mut out = vec![0.0; addresses.len()];
    let Some(query) = words_query(index, text) else {
        return Ok(out);
    };
    let weight = query.weight(EnableScoring::enabled_from_searcher(searcher))?;
    for (segment, docs) in crate::gather::by_segment(addresses) {
        let mut scorer = weight.scorer(searcher.segment_reader(segment), 1.0)?;
        crate::gather::on_each_held(scorer.as_mut(), &docs, |scorer, i| {
            out[i] = scorer.score();
        });
    }
    Ok(out)
}

/// The profile text's words as a query over the `words` field: whole words as the field holds
/// them, each weighted by how often the profile uses it (the words it repeats are what it is
/// about). `None` when the text has no words.
fn words_query(index: &PolicyIndex, text: &str) -> Option<BooleanQuery> {
    let f = index.fields();
    let mut analyzer = policymatch_core::analysis::stemming_analyzer();
    let mut stems: BTreeMap<String, f32> = BTreeMap::new();
    let mut ts = analyzer.token_stream(text);
    while let Some(t) = ts.next() {
        *stems.entry(t.text.clone()).or_default() += 1.0;
    }
    if stems.is_empty() {
        return None;
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
    Some(BooleanQuery::new(words))
}

/// The rank (0 = best) of each page by its wording score (its best passage's, see
/// [`PageContext::wording`]); a page whose passages all score 0 has no rank.
pub(crate) fn page_ranks(best: &[f32]) -> Vec<Option<usize>> {
    let mut order: Vec<usize> = (0..best.len()).filter(|&i| best[i] > 0.0).collect();
    order.sort_by(|&a, &b| best[b].total_cmp(&best[a]).then(a.cmp(&b)));
    let mut ranks = vec![None; best.len()];
    for (rank, i) in order.into_iter().enumerate() {
        ranks[i] = Some(rank);
    }
    ranks
}

/// The final weight of a passage: its feature score (`ours`) times its page's wording score
/// as a share of the best page's (`wording / best`), raised to a small floor so that a page
/// with none of the profile's whole words keeps the features' order below the others: a factor
/// from `w.wording_floor` to 1. When no candidate shares a word with the profile (it matched
/// through compounds only), the wording says nothing and the features stand alone.
pub(crate) fn fuse(ours: f32, wording: f32, best: f32, w: &Weights) -> f32 {
    if best <= 0.0 {
        return ours;
    }
    let share = (wording / best).clamp(0.0, 1.0);
    ours * (w.wording_floor + (1.0 - w.wording_floor) * share)
}

/// The stage: each candidate's score after the page context (`scores.fused`) weighed by its
/// page's wording ([`fuse`]), as `scores.worded`, and its page's rank by wording
/// (`by_wording`), among all the candidates' `pages`.
pub(crate) fn apply(items: &mut [Candidate], pages: &[PageContext], w: &Weights) {
    let wording: Vec<f32> = pages.iter().map(|p| p.wording).collect();
    let ranks = page_ranks(&wording);
    let best = wording.iter().copied().fold(0.0, f32::max);
    for c in items {
        let page = wording.get(c.page).copied().unwrap_or(0.0);
        c.by_wording = ranks.get(c.page).copied().flatten();
        c.scores.worded = fuse(c.scores.fused, page, best, w);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fusion_weighs_the_features_by_the_wording() {
        let w = Weights::default();
        // with the same wording the features' order stands
        assert!(fuse(2.0, 5.0, 10.0, &w) > fuse(1.0, 5.0, 10.0, &w));
        // closer wording lifts a page over one a little ahead by its features
        assert!(fuse(1.0, 10.0, 10.0, &w) > fuse(1.2, 6.0, 10.0, &w));
        // but not over one far ahead of it
        assert!(fuse(1.0, 10.0, 10.0, &w) < fuse(3.0, 6.0, 10.0, &w));
        // a page without the profile's words keeps its order below the others
        assert!(fuse(2.0, 0.0, 10.0, &w) > fuse(1.0, 0.0, 10.0, &w));
        assert!(fuse(9.0, 0.0, 10.0, &w) < fuse(1.0, 1.0, 10.0, &w));
        // the best page keeps its feature score, the others get less
        assert_eq!(fuse(2.0, 10.0, 10.0, &w), 2.0);
        assert!(fuse(2.0, 9.0, 10.0, &w) < 2.0);
        // no wording anywhere: the features alone, unchanged
        assert_eq!(fuse(2.0, 0.0, 0.0, &w), 2.0);
    }

    #[test]
    fn pages_rank_by_their_wording_and_unmatched_pages_have_no_rank() {
        // page 2 has no word of the profile; a tie goes to the page found first
        assert_eq!(page_ranks(&[3.0, 2.5, 0.0]), [Some(0), Some(1), None]);
        assert_eq!(page_ranks(&[1.0, 2.0, 1.0]), [Some(1), Some(0), Some(2)]);
    }

    #[test]
    fn the_profile_text_holds_every_field() {
        let p = Profile::parse(
            "name = \"A\"\ndescription = \"b\"\nthemes = [\"c\"]\nactivities = [\"d\"]\n\
             target_groups = [\"e\"]\n",
            std::path::Path::new("p.toml"),
        );
        let text = p.map(|p| profile_text(&p)).unwrap_or_default();
        assert_eq!(text, "A\nb\nc\nd\ne");
    }
}
