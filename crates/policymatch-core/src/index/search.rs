//! Free-text search over passages.

use super::PolicyIndex;
use super::query::{Combine, at_least, danish_query, exact};
use super::records::PassageRecord;
use super::schema::kind;
use crate::error::{Error, Result};
use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::snippet::SnippetGenerator;
use tantivy::{TantivyDocument, Term};

/// Filters shared by search and suggest.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Keep only documents whose municipality contains one of these words.
    pub municipalities: Vec<String>,
    /// Keep only documents of these policy areas.
    pub areas: Vec<String>,
    /// Keep only documents from this year on.
    pub since_year: Option<u64>,
    /// Keep only documents dated (YYYYMMDD) on or after this date.
    pub since_date: Option<u64>,
    /// Keep only records added by this index run.
    pub run: Option<u64>,
    /// Keep only records added by this index run or a later one.
    pub since_run: Option<u64>,
    /// Also return agenda exports of meetings that are indexed as PDF too (hidden by default:
    /// the PDF holds the same text, with pages).
    pub include_twins: bool,
}

/// One search hit.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// The passage.
    pub passage: PassageRecord,
    /// BM25 score.
    pub score: f32,
    /// Byte ranges of matched words in `passage.text`.
    pub highlights: Vec<(usize, usize)>,
}

impl PolicyIndex {
    /// Builds the filter clauses for `filters` (kind = passage always included).
    pub fn filter_clauses(&self, filters: &Filters) -> Vec<(Occur, Box<dyn Query>)> {
        let f = self.fields();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Must, exact(f.kind, kind::PASSAGE))];
        if !filters.include_twins {
            clauses.push((Occur::MustNot, exact(f.flags, "twin")));
        }
        let any_of = |field, values: &[String]| -> Option<Box<dyn Query>> {
            let terms: Vec<(Occur, Box<dyn Query>)> = values
                .iter()
                .flat_map(|v| keyword_terms(v))
                .map(|t| (Occur::Should, exact(field, &t)))
                .collect();
            (!terms.is_empty()).then(|| Box::new(BooleanQuery::new(terms)) as Box<dyn Query>)
        };
        if let Some(q) = any_of(f.municipality, &filters.municipalities) {
            clauses.push((Occur::Must, q));
        }
        if let Some(q) = any_of(f.area, &filters.areas) {
            clauses.push((Occur::Must, q));
        }
        if let Some(y) = filters.since_year {
            clauses.push((Occur::Must, at_least(f.year, y)));
        }
        if let Some(d) = filters.since_date {
            clauses.push((Occur::Must, at_least(f.date, d)));
        }
        if let Some(r) = filters.since_run {
            clauses.push((Occur::Must, at_least(f.run, r)));
        }
        if let Some(r) = filters.run {
            clauses.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_u64(f.run, r),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        clauses
    }

    /// The Danish analyzer as registered for this index (with its domain words).
    pub fn analyzer(&self) -> Result<tantivy::tokenizer::TextAnalyzer> {
        self.tantivy()
            .tokenizers()
            .get(crate::analysis::DANISH)
            .ok_or_else(|| Error::index(self.dir(), "the Danish analyzer is not registered"))
    }

    /// Searches passages for `query` (free text, analysed like the passages), best first.
    pub fn search(&self, query: &str, filters: &Filters, top: usize) -> Result<Vec<Hit>> {
        let f = self.fields();
        let mut analyzer = self.analyzer()?;
        let Some(text_query) = danish_query(
            &mut analyzer,
            query,
            &[(f.text, 1.0), (f.heading, 1.5), (f.title, 0.5)],
            Combine::Any,
        ) else {
            return Ok(Vec::new());
        };
        let mut clauses = self.filter_clauses(filters);
        clauses.push((Occur::Must, text_query.box_clone()));
        let full = BooleanQuery::new(clauses);
        let searcher = self.searcher();
        let top_docs = searcher
            .search(&full, &TopDocs::with_limit(top.max(1)).order_by_score())
            .map_err(|e| Error::Query {
                query: query.to_string(),
                message: e.to_string(),
            })?;
        let mut snippets = SnippetGenerator::create(&searcher, &*text_query, f.text).ok();
        if let Some(g) = snippets.as_mut() {
            g.set_max_num_chars(1 << 20);
        }
        let mut hits = Vec::with_capacity(top_docs.len());
        for (score, addr) in top_docs {
            let doc: TantivyDocument = searcher
                .doc(addr)
                .map_err(|e| Error::index(self.dir(), e))?;
            let passage = PassageRecord::from_doc(&doc, f);
            let highlights = snippets
                .as_ref()
                .map(|g| highlight_ranges(g, &passage.text))
                .unwrap_or_default();
            hits.push(Hit {
                passage,
                score,
                highlights,
            });
        }
        Ok(hits)
    }
}

/// Byte ranges in `text` of the words the query matches (set the generator's maximum
/// fragment size above the passage length first).
pub fn highlight_ranges(generator: &SnippetGenerator, text: &str) -> Vec<(usize, usize)> {
    let snippet = generator.snippet(text);
    let offset = snippet
        .fragment()
        .get(..16.min(snippet.fragment().len()))
        .and_then(|head| text.find(head))
        .unwrap_or(0);
    snippet
        .highlighted()
        .iter()
        .map(|r| (r.start + offset, r.end + offset))
        .filter(|&(s, e)| e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e))
        .collect()
}

/// The lower-cased words of a keyword filter value.
pub fn keyword_terms(value: &str) -> Vec<String> {
    value
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter(|w| !w.eq_ignore_ascii_case("kommune"))
        .map(str::to_lowercase)
        .collect()
}
