//! From a profile to concepts, and from concepts to a tantivy query.
//!
//! Every entry of `themes`, `activities` and `target_groups` is a [`Concept`]: its words
//! analysed with the index's own Danish analyzer (so stemming and compound splitting match the
//! indexed passages), kept in order so that a phrase stays a phrase. The description adds
//! weak single-word concepts.

use crate::general::GeneralWords;
use crate::profile::Profile;
use policymatch_core::index::PolicyIndex;
use policymatch_core::index::search::Filters;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

/// Which part of the profile a concept comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileField {
    /// `themes`.
    Theme,
    /// `activities`.
    Activity,
    /// `target_groups`.
    TargetGroup,
    /// `description`.
    Description,
    /// `exclude`.
    Exclude,
}

impl ProfileField {
    /// Weight of a concept from this field in the ranking.
    pub fn weight(self) -> f32 {
        match self {
            ProfileField::Theme => 1.0,
            ProfileField::Activity => 0.8,
            ProfileField::TargetGroup => 0.6,
            ProfileField::Description => 0.12,
            ProfileField::Exclude => 0.0,
        }
    }

    /// The key in JSON output: "theme", "target_group".
    pub fn key(self) -> &'static str {
        match self {
            ProfileField::Theme => "theme",
            ProfileField::Activity => "activity",
            ProfileField::TargetGroup => "target_group",
            ProfileField::Description => "description",
            ProfileField::Exclude => "exclude",
        }
    }
}

/// One analysed word of a concept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    /// Position relative to the concept's first word (stop words leave gaps).
    pub offset: usize,
    /// The analysed form (the whole word's stem, not a compound part).
    pub stem: String,
}

/// A profile entry as the ranking sees it.
#[derive(Debug, Clone)]
pub(crate) struct Concept {
    pub field: ProfileField,
    /// The entry as written.
    pub term: String,
    pub words: Vec<Word>,
    /// Inverse document frequency of the concept's rarest word in passage text.
    pub idf: f32,
    /// How much the profile dwells on the concept: grows with the number of profile words
    /// that contain its words (repeats, compounds, other fields), from 1 up to 2.
    pub emphasis: f32,
    /// Names whom the association works for: a target group, also when the same entry is a
    /// theme or activity too ("pårørende" in both lists).
    pub audience: bool,
    /// The index words that are forms or compounds of a one-word concept
    /// ([`crate::gather::prefix_terms`]); both the postings and the text are read for these.
    pub expansions: Vec<String>,
}

/// Rarity (idf) beyond this says nothing more: a word found in a handful of passages is not
/// more relevant for being found in one. Below [`IDF_MIN`], every concept still counts
/// (a small index makes every word look common).
pub(crate) const IDF_CAP: f32 = 5.0;
/// See [`IDF_CAP`].
pub(crate) const IDF_MIN: f32 = 1.0;

/// Shortest word whose compounds are looked for by prefix ("børn" would find "børnehave").
pub(crate) const MIN_PREFIX: usize = 5;

impl Concept {
    pub fn weight(&self) -> f32 {
        self.field.weight() * self.idf.clamp(IDF_MIN, IDF_CAP) * self.emphasis
    }

    /// The stem that compounds starting with this one-word concept begin with; `None` for
    /// phrases, short words and words that are not plain letters.
    pub fn prefix(&self) -> Option<&str> {
        match self.words.as_slice() {
            [w] if w.stem.chars().count() >= MIN_PREFIX
                && self.field != ProfileField::Description
                && w.stem.chars().all(char::is_alphabetic) =>
            {
                Some(&w.stem)
            }
            _ => None,
        }
    }
}

/// Emphasis of a concept made of `words` in a profile whose words (as analysed) are
/// `profile_words`: the square root of the number of profile words containing one of the
/// concept's words, between 1 and 2.
fn emphasis(words: &[Word], profile_words: &[String]) -> f32 {
    // a phrase is emphasised as much as its least repeated word
    let n = words
        .iter()
        .filter(|w| w.stem.chars().count() >= 3)
        .map(|w| profile_words.iter().filter(|p| p.contains(&w.stem)).count())
        .min()
        .unwrap_or(1);
    (n.max(1) as f32).sqrt().min(2.0)
}

/// One token as the analyzer emits it.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub text: String,
    pub position: usize,
    pub from: usize,
    pub to: usize,
}

pub(crate) fn analyze(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(t) = stream.next() {
        out.push(Token {
            text: t.text.clone(),
            position: t.position,
            from: t.offset_from,
            to: t.offset_to,
        });
    }
    out
}

/// The words of `text`: for each position the longest token (the whole word; compound
/// parts share its position and are shorter), positions made relative to the first.
pub(crate) fn words_of(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Word> {
    let mut by_pos: Vec<Token> = Vec::new();
    for t in analyze(analyzer, text) {
        match by_pos.last_mut() {
            Some(last) if last.position == t.position => {
                if t.text.chars().count() > last.text.chars().count() {
                    *last = t;
                }
            }
            _ => by_pos.push(t),
        }
    }
    let first = by_pos.first().map_or(0, |t| t.position);
    by_pos
        .into_iter()
        .map(|t| Word {
            offset: t.position - first,
            stem: t.text,
        })
        .collect()
}

fn idf(searcher: &Searcher, field: Field, stem: &str) -> f32 {
    let n = searcher.num_docs() as f32;
    let df = searcher
        .doc_freq(&Term::from_field_text(field, stem))
        .unwrap_or(0) as f32;
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln().max(0.0)
}

/// The concepts of `profile`: themes, activities, target groups (an entry repeated in a
/// later field is kept once, under the first), then description words not already covered.
pub(crate) fn concepts(
    profile: &Profile,
    analyzer: &mut TextAnalyzer,
    searcher: &Searcher,
    text_field: Field,
) -> Vec<Concept> {
    let mut seen: HashSet<Vec<String>> = HashSet::new();
    let mut out = Vec::new();
    let all_text = [&profile.description]
        .into_iter()
        .chain(&profile.themes)
        .chain(&profile.activities)
        .chain(&profile.target_groups)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" \n ");
    let profile_words: Vec<String> = words_of(analyzer, &all_text)
        .into_iter()
        .map(|w| w.stem)
        .collect();
    let fields = [
        (ProfileField::Theme, &profile.themes),
        (ProfileField::Activity, &profile.activities),
        (ProfileField::TargetGroup, &profile.target_groups),
    ];
    for (field, entries) in fields {
        for term in entries {
            let words = words_of(analyzer, term);
            let key: Vec<String> = words.iter().map(|w| w.stem.clone()).collect();
            if words.is_empty() {
                continue;
            }
            if !seen.insert(key.clone()) {
                // kept under its first field; a target group stays a target group
                if field == ProfileField::TargetGroup {
                    for c in out
                        .iter_mut()
                        .filter(|c: &&mut Concept| c.words.iter().map(|w| &w.stem).eq(key.iter()))
                    {
                        c.audience = true;
                    }
                }
                continue;
            }
            let idf = words
                .iter()
                .map(|w| idf(searcher, text_field, &w.stem))
                .fold(0.0, f32::max);
            out.push(Concept {
                field,
                term: term.clone(),
                emphasis: emphasis(&words, &profile_words),
                audience: field == ProfileField::TargetGroup,
                words,
                idf,
                expansions: Vec::new(),
            });
        }
    }
    let covered: HashSet<String> = out
        .iter()
        .flat_map(|c| c.words.iter().map(|w| w.stem.clone()))
        .collect();
    let mut desc_seen = HashSet::new();
    let mut words_seen = HashSet::new();
    let general = GeneralWords::new(analyzer);
    for t in analyze(analyzer, &profile.description) {
        let word = &profile.description[t.from..t.to];
        // compound parts share their word's offsets: one concept per written word (its
        // first token, the whole word)
        if covered.contains(&t.text)
            || t.text.chars().count() < 3
            || !words_seen.insert((t.from, t.to))
            || !desc_seen.insert(t.text.clone())
        {
            continue;
        }
        // a common verb or general word says nothing of the association (see `general`)
        if general.contains(&t.text, word) {
            continue;
        }
        out.push(Concept {
            field: ProfileField::Description,
            term: word.to_lowercase(),
            idf: idf(searcher, text_field, &t.text),
            emphasis: 1.0,
            audience: false,
            words: vec![Word {
                offset: 0,
                stem: t.text,
            }],
            expansions: Vec::new(),
        });
    }
    out
}

/// The exclude entries as concepts.
pub(crate) fn excludes(profile: &Profile, analyzer: &mut TextAnalyzer) -> Vec<Concept> {
    profile
        .exclude
        .iter()
        .filter_map(|term| {
            let words = words_of(analyzer, term);
            (!words.is_empty()).then(|| Concept {
                field: ProfileField::Exclude,
                term: term.clone(),
                words,
                idf: 1.0,
                emphasis: 1.0,
                audience: false,
                expansions: Vec::new(),
            })
        })
        .collect()
}

/// Maximum extra distance between the words of a phrase.
pub(crate) const SLOP: u32 = 2;

fn concept_query(c: &Concept, field: Field) -> Box<dyn Query> {
    let term = |w: &Word| Term::from_field_text(field, &w.stem);
    if let [w] = c.words.as_slice() {
        return Box::new(TermQuery::new(term(w), IndexRecordOption::WithFreqs));
    }
    let mut phrase =
        PhraseQuery::new_with_offset(c.words.iter().map(|w| (w.offset, term(w))).collect());
    phrase.set_slop(SLOP);
    let bag = BooleanQuery::new(
        c.words
            .iter()
            .map(|w| {
                (
                    Occur::Should,
                    Box::new(TermQuery::new(term(w), IndexRecordOption::WithFreqs))
                        as Box<dyn Query>,
                )
            })
            .collect(),
    );
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, Box::new(phrase) as Box<dyn Query>),
        (Occur::Should, Box::new(BoostQuery::new(Box::new(bag), 0.3))),
    ]))
}

/// The retrieval query: the filters, and at least one theme or activity in the text, heading
/// or title, each weighted by its field; target groups add to the score of what matches (or
/// are required themselves when the profile names no theme or activity). Description words
/// only re-rank.
///
/// Target groups are common words ("ældre", "børn"): as optional clauses beside required
/// topics they are looked up only in the passages that name a topic, instead of scoring every
/// passage that mentions them, which keeps retrieval fast on a large index.
pub(crate) fn build_query(
    index: &PolicyIndex,
    concepts: &[Concept],
    expansions: &HashMap<String, Vec<String>>,
    filters: &Filters,
) -> BooleanQuery {
    let f = index.fields();
    let mut topic: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut audience: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for c in concepts
        .iter()
        .filter(|c| c.field != ProfileField::Description)
    {
        let w = c.field.weight() * c.emphasis;
        let should = if c.field == ProfileField::TargetGroup {
            &mut audience
        } else {
            &mut topic
        };
        should.push((
            Occur::Should,
            Box::new(BoostQuery::new(concept_query(c, f.text), w)),
        ));
        if let Some(terms) = c.prefix().and_then(|p| expansions.get(p)) {
            // compounds that start with the word: "demens" finds "demensindsatsen"
            let any: Vec<(Occur, Box<dyn Query>)> = terms
                .iter()
                .map(|t| {
                    let q =
                        TermQuery::new(Term::from_field_text(f.text, t), IndexRecordOption::Basic);
                    (Occur::Should, Box::new(q) as Box<dyn Query>)
                })
                .collect();
            if !any.is_empty() {
                should.push((
                    Occur::Should,
                    // matched or not, like one term: the number of compounds says nothing
                    Box::new(BoostQuery::new(
                        Box::new(ConstScoreQuery::new(Box::new(BooleanQuery::new(any)), 1.0)),
                        0.5 * w,
                    )),
                ));
            }
        }
        should.push((
            Occur::Should,
            Box::new(BoostQuery::new(concept_query(c, f.heading), 0.5 * w)),
        ));
        should.push((
            Occur::Should,
            Box::new(BoostQuery::new(concept_query(c, f.title), 0.3 * w)),
        ));
    }
    let mut clauses = index.filter_clauses(filters);
    match (topic.is_empty(), audience.is_empty()) {
        (false, false) => {
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(topic))));
            clauses.push((Occur::Should, Box::new(BooleanQuery::new(audience))));
        }
        (false, true) => clauses.push((Occur::Must, Box::new(BooleanQuery::new(topic)))),
        (true, _) => clauses.push((Occur::Must, Box::new(BooleanQuery::new(audience)))),
    }
    BooleanQuery::new(clauses)
}
