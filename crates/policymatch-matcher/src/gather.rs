//! Observing candidates from the index's postings instead of analysing their text again.
//!
//! The index keeps, for every analysed word of the text, heading and title fields, the
//! passages it occurs in and at which word positions. For the candidates of one query this
//! module reads those positions for just the concepts' words, segment by segment, walking
//! each word's postings forward through the candidates in document order. The result is the
//! same [`Observed`] that [`features::observe_marked`](crate::features::observe_marked) gets from the text, without
//! byte ranges (which only the few suggestions shown need).

use crate::candidate::{Observed, TITLE_OFFSET};
use crate::config::ConceptConfig;
use crate::occurrence::Occurrence;
use crate::query::Concept;
use policymatch_core::analysis::CompoundSplitter;
use policymatch_core::index::schema::Fields;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use tantivy::postings::Postings;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, DocSet, Searcher, TERMINATED, Term};

/// Whether the index word `term`, which starts with the one-word concept's stem `prefix`, is
/// a form of that word or a compound of it: another form ("besøgsven" for "besøgsv", by the
/// endings of [`ConceptConfig::same_word`]), or a
/// word the lexicon splits with the concept's word as its first part ("ensomheds|indsats",
/// "fællesskabs|hus"); not a word that merely starts with it ("naturlig", "midlertidig").
pub(crate) fn is_compound_of(
    splitter: &mut CompoundSplitter,
    same_word: &[String],
    prefix: &str,
    term: &str,
) -> bool {
    let Some(rest) = term.strip_prefix(prefix).filter(|r| !r.is_empty()) else {
        return false;
    };
    if same_word.iter().any(|e| e == rest) {
        return true;
    }
    let mut parts = Vec::new();
    splitter.split(term, &mut parts)
        && parts.first().is_some_and(|p| {
            // the first part holds the concept's word and at most a form's ending more
            p.end >= prefix.len() && term[prefix.len()..p.end].chars().count() <= 5
        })
}

/// The words of the index's `field` that start with `prefix` and are compounds of it
/// ([`is_compound_of`]), at most [`ConceptConfig::prefix_terms`] of them, the most frequent
/// first.
pub(crate) fn prefix_terms(
    searcher: &Searcher,
    field: Field,
    prefix: &str,
    splitter: &mut CompoundSplitter,
    cfg: &ConceptConfig,
) -> tantivy::Result<Vec<String>> {
    let mut freq: HashMap<Vec<u8>, u64> = HashMap::new();
    let mut upper = prefix.as_bytes().to_vec();
    upper.push(0xff);
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted
            .terms()
            .range()
            .gt(prefix.as_bytes())
            .lt(&upper)
            .into_stream()?;
        while stream.advance() {
            *freq.entry(stream.key().to_vec()).or_default() += u64::from(stream.value().doc_freq);
        }
    }
    let mut terms: Vec<(Vec<u8>, u64)> = freq.into_iter().collect();
    terms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(terms
        .into_iter()
        .filter_map(|(t, _)| String::from_utf8(t).ok())
        .filter(|t| is_compound_of(splitter, &cfg.same_word, prefix, t))
        .take(cfg.prefix_terms)
        .collect())
}

/// The description's words, which count only where they stand as whole words (see
/// [`Observed::whole`]).
pub(crate) fn whole_words_needed(concepts: &[Concept]) -> BTreeSet<String> {
    concepts
        .iter()
        .filter(|c| c.field == crate::query::ProfileField::Description)
        .flat_map(|c| c.words.iter().map(|w| w.stem.clone()))
        .collect()
}

/// The words whose positions ranking needs: every word of every concept and exclude
/// entry, and the compounds that start with a one-word concept.
pub(crate) fn words_needed(
    concepts: &[Concept],
    excludes: &[Concept],
    expansions: &HashMap<String, Vec<String>>,
) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for c in concepts.iter().chain(excludes) {
        out.extend(c.words.iter().map(|w| w.stem.clone()));
        if let Some(p) = c.prefix() {
            out.extend(expansions.get(p).into_iter().flatten().cloned());
        }
    }
    out
}

/// Observes `candidates` (with the marks stored with each) from the postings of `words`;
/// of the words in `presence` only whether a candidate holds them is read (their entry has no
/// occurrences), which is cheaper for frequent words; of the words in `whole`, how often each
/// stands as a whole word (see [`Observed::whole`]).
pub(crate) fn observe_all(
    searcher: &Searcher,
    fields: &Fields,
    words: &BTreeSet<String>,
    presence: &BTreeSet<String>,
    whole: &BTreeSet<String>,
    candidates: &[DocAddress],
    marks: Vec<policymatch_core::intent::Marks>,
) -> tantivy::Result<Vec<Observed>> {
    let mut out: Vec<Observed> = marks
        .into_iter()
        .map(|marks| Observed {
            marks,
            ..Observed::default()
        })
        .collect();
    let by_segment = by_segment(candidates);
    let targets = [
        (fields.text, 0usize, false),
        (fields.heading, 0, true),
        (fields.title, TITLE_OFFSET, true),
    ];
    let mut positions = Vec::new();
    for (segment_ord, docs) in by_segment {
        let segment = searcher.segment_reader(segment_ord);
        let inverted = segment.inverted_index(fields.words)?;
        for word in whole {
            let term = Term::from_field_text(fields.words, word);
            let Some(mut postings) = inverted.read_postings(&term, IndexRecordOption::WithFreqs)?
            else {
                continue;
            };
            on_each_held(&mut postings, &docs, |postings, i| {
                out[i].whole.insert(word.clone(), postings.term_freq());
            });
        }
        for &(field, offset, head) in &targets {
            let inverted = segment.inverted_index(field)?;
            let all = words
                .iter()
                .map(|w| (w, true))
                .chain(presence.difference(words).map(|w| (w, false)));
            for (word, with_positions) in all {
                let term = Term::from_field_text(field, word);
                let option = if with_positions {
                    IndexRecordOption::WithFreqsAndPositions
                } else {
                    IndexRecordOption::Basic
                };
                let Some(mut postings) = inverted.read_postings(&term, option)? else {
                    continue;
                };
                on_each_held(&mut postings, &docs, |postings, i| {
                    let seen = &mut out[i];
                    let map = if head { &mut seen.head } else { &mut seen.text };
                    let entry = map.entry(word.clone()).or_default();
                    if with_positions {
                        postings.positions(&mut positions);
                        entry.extend(positions.iter().map(|&p| Occurrence {
                            position: p as usize + offset,
                            from: 0,
                            to: 0,
                        }));
                    }
                });
            }
        }
    }
    Ok(out)
}
/// Calls `f` with `postings` standing on each of `docs` (document ids in one segment, in
/// document order, each with its index; see [`by_segment`]) that it holds, seeking forward
/// only: a posting list or a scorer is read once for all the candidates of a segment.
pub(crate) fn on_each_held<D: DocSet + ?Sized>(
    postings: &mut D,
    docs: &[(u32, usize)],
    mut f: impl FnMut(&mut D, usize),
) {
    for &(doc, i) in docs {
        if postings.doc() == TERMINATED {
            break;
        }
        if postings.doc() > doc || postings.seek(doc) != doc {
            continue;
        }
        f(postings, i);
    }
}

/// `addresses` grouped by segment, each group in document order, as (document id in the
/// segment, index into `addresses`): the order postings and scorers are read in.
pub(crate) fn by_segment(addresses: &[DocAddress]) -> BTreeMap<u32, Vec<(u32, usize)>> {
    let mut out: BTreeMap<u32, Vec<(u32, usize)>> = BTreeMap::new();
    for (i, a) in addresses.iter().enumerate() {
        out.entry(a.segment_ord).or_default().push((a.doc_id, i));
    }
    for docs in out.values_mut() {
        docs.sort_unstable();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prefix_finds_its_compounds_not_words_that_merely_start_with_it() {
        let mut s = CompoundSplitter::new(policymatch_core::analysis::Lexicon::builtin());
        let same = ConceptConfig::default().same_word;
        for (prefix, term) in [
            ("ensomhed", "ensomhedsproblem"),
            ("frivillig", "frivilligcent"),
            ("ensom", "ensomhedsindsat"),
            ("besøgsv", "besøgsven"),
            ("bibliotek", "biblioteksbetjen"),
        ] {
            assert!(
                is_compound_of(&mut s, &same, prefix, term),
                "{prefix} {term}"
            );
        }
        for (prefix, term) in [
            ("natur", "naturlig"),
            ("natur", "naturalis"),
            ("midl", "midlertidig"),
            ("ensomhed", "ensomhed"),
            ("ensomhed", "frivillig"),
        ] {
            assert!(
                !is_compound_of(&mut s, &same, prefix, term),
                "{prefix} {term}"
            );
        }
    }
}
