//! Free-text queries through the Danish analyzer, compound-aware.
//!
//! The analyzer puts a compound and its parts at one position ("ensomhedsindsats" →
//! ensomhedsindsat, ensom, indsat). Tantivy's query parser would make such a position a
//! phrase, so "ensomhedsindsats" would not find "indsats mod ensomhed". Here each position
//! becomes an OR of its terms, the whole word boosted so exact matches still rank first, and
//! the positions are combined with OR (or AND, for [`Combine::All`]) over the given fields.

use tantivy::Term;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

/// How the words of a query combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Combine {
    /// Any word may match (ranked by how many and how rare).
    Any,
    /// Every word must match (in some field).
    All,
}

/// Weight of the whole compound against each of its parts.
const WHOLE_BOOST: f32 = 2.0;

/// The analysed terms of `text`, grouped by position (the whole word first in each group).
pub fn analyzed_positions(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Vec<String>> {
    let mut groups: Vec<(usize, Vec<String>)> = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(t) = stream.next() {
        match groups.last_mut() {
            Some((pos, terms)) if *pos == t.position => {
                if !terms.contains(&t.text) {
                    terms.push(t.text.clone());
                }
            }
            _ => groups.push((t.position, vec![t.text.clone()])),
        }
    }
    groups.into_iter().map(|(_, terms)| terms).collect()
}

/// Builds the query for `text` over `fields` (field, boost). `None` when the text has no
/// searchable words (only stop words or punctuation).
pub fn danish_query(
    analyzer: &mut TextAnalyzer,
    text: &str,
    fields: &[(Field, f32)],
    combine: Combine,
) -> Option<Box<dyn Query>> {
    let positions = analyzed_positions(analyzer, text);
    if positions.is_empty() {
        return None;
    }
    let occur = match combine {
        Combine::Any => Occur::Should,
        Combine::All => Occur::Must,
    };
    let words: Vec<(Occur, Box<dyn Query>)> = positions
        .iter()
        .map(|terms| {
            let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            if combine == Combine::All && terms.len() > 1 {
                // A required compound matches as a whole, or with all of its parts.
                for &(field, boost) in fields {
                    let whole = term_query(field, &terms[0], boost * WHOLE_BOOST);
                    let parts: Vec<(Occur, Box<dyn Query>)> = terms[1..]
                        .iter()
                        .map(|t| (Occur::Must, term_query(field, t, boost)))
                        .collect();
                    alternatives.push((Occur::Should, whole));
                    alternatives.push((Occur::Should, Box::new(BooleanQuery::new(parts))));
                }
                return (
                    occur,
                    Box::new(BooleanQuery::new(alternatives)) as Box<dyn Query>,
                );
            }
            for &(field, boost) in fields {
                for (i, term) in terms.iter().enumerate() {
                    let weight = boost
                        * if i == 0 && terms.len() > 1 {
                            WHOLE_BOOST
                        } else {
                            1.0
                        };
                    alternatives.push((Occur::Should, term_query(field, term, weight)));
                }
            }
            (
                occur,
                Box::new(BooleanQuery::new(alternatives)) as Box<dyn Query>,
            )
        })
        .collect();
    Some(Box::new(BooleanQuery::new(words)))
}

/// A filter on the exact indexed text `value` of `field` (no scoring weight of its own).
pub(crate) fn exact(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

/// A filter on values of the u64 `field` from `min` on.
pub(crate) fn at_least(field: Field, min: u64) -> Box<dyn Query> {
    Box::new(tantivy::query::RangeQuery::new(
        std::ops::Bound::Included(Term::from_field_u64(field, min)),
        std::ops::Bound::Unbounded,
    ))
}

fn term_query(field: Field, term: &str, boost: f32) -> Box<dyn Query> {
    let q: Box<dyn Query> = Box::new(TermQuery::new(
        Term::from_field_text(field, term),
        IndexRecordOption::WithFreqs,
    ));
    if (boost - 1.0).abs() > f32::EPSILON {
        Box::new(BoostQuery::new(q, boost))
    } else {
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::danish_analyzer;

    #[test]
    fn compound_parts_share_a_position_group() {
        let mut a = danish_analyzer();
        let groups = analyzed_positions(&mut a, "ensomhedsindsats for ældre");
        assert_eq!(groups[0][0], "ensomhedsindsat");
        assert!(groups[0].contains(&"ensom".to_string()));
        assert!(groups[0].contains(&"indsat".to_string()));
        assert_eq!(groups.len(), 2, "{groups:?}");
    }
}
