//! From a profile to concepts, and from concepts to a tantivy query.
//!
//! Every entry of `themes`, `activities` and `target_groups` is a [`Concept`]: its words
//! analysed with the index's own Danish analyzer (so stemming and compound splitting match the
//! indexed passages), kept in order so that a phrase stays a phrase. The description adds
//! weak single-word concepts.

use crate::config::{ConceptConfig, RankConfig, RetrieveConfig};
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
    /// A general word ([`GeneralWords`]): in a phrase it is no evidence by itself.
    pub general: bool,
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
    /// The field's weight times the rarity, clamped ([`ConceptConfig`]).
    pub base: f32,
    /// Whether compounds of it are looked for (one word of plain letters, long enough, not
    /// a description word).
    pub prefixable: bool,
    /// A phrase one of whose words is, on its own, a target group of the profile ("pårørende"
    /// in "rådgivning af pårørende"): found only scattered, it is that target group, not the
    /// topic (set by [`mark_words`]).
    pub holds_target_group: bool,
}

impl Concept {
    /// A concept of `field` from `words` (analysed), with its weights under `cfg`.
    pub(crate) fn new(
        field: ProfileField,
        term: String,
        words: Vec<Word>,
        idf: f32,
        cfg: &ConceptConfig,
    ) -> Concept {
        let prefixable = match words.as_slice() {
            [w] => {
                w.stem.chars().count() >= cfg.min_prefix
                    && field != ProfileField::Description
                    && w.stem.chars().all(char::is_alphabetic)
            }
            _ => false,
        };
        Concept {
            field,
            term,
            words,
            idf,
            emphasis: 1.0,
            audience: field == ProfileField::TargetGroup,
            expansions: Vec::new(),
            base: cfg.field_weight(field) * idf.clamp(cfg.idf_min, cfg.idf_cap),
            prefixable,
            holds_target_group: false,
        }
    }

    /// The concept's weight in the ranking: field × rarity × emphasis.
    pub fn weight(&self) -> f32 {
        self.base * self.emphasis
    }

    /// The concept's weight in the retrieval query: field × emphasis (tantivy's BM25 weighs
    /// the rarity).
    pub fn query_weight(&self, cfg: &ConceptConfig) -> f32 {
        cfg.field_weight(self.field) * self.emphasis
    }

    /// The stem that compounds starting with this one-word concept begin with; `None` for
    /// phrases, short words and words that are not plain letters.
    pub fn prefix(&self) -> Option<&str> {
        match self.words.as_slice() {
            [w] if self.prefixable => Some(&w.stem),
            _ => None,
        }
    }
}

/// Emphasis of a concept made of `words` in a profile whose words (as analysed) are
/// `profile_words`: the square root of the number of profile words containing one of the
/// concept's words, between 1 and 2.
fn emphasis(words: &[Word], profile_words: &[String], max: f32) -> f32 {
    // a phrase is emphasised as much as its least repeated word
    let n = words
        .iter()
        .filter(|w| w.stem.chars().count() >= 3)
        .map(|w| profile_words.iter().filter(|p| p.contains(&w.stem)).count())
        .min()
        .unwrap_or(1);
    (n.max(1) as f32).sqrt().min(max)
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
            general: false,
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
    cfg: &ConceptConfig,
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
    let general = GeneralWords::new(analyzer, &cfg.general_words);
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
            let emphasis = emphasis(&words, &profile_words, cfg.emphasis_max);
            let mut c = Concept::new(field, term.clone(), words, idf, cfg);
            c.emphasis = emphasis;
            out.push(c);
        }
    }
    let covered: HashSet<String> = out
        .iter()
        .flat_map(|c| c.words.iter().map(|w| w.stem.clone()))
        .collect();
    let mut desc_seen = HashSet::new();
    let mut words_seen = HashSet::new();
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
        let idf = idf(searcher, text_field, &t.text);
        out.push(Concept::new(
            ProfileField::Description,
            word.to_lowercase(),
            vec![Word {
                offset: 0,
                stem: t.text,
                general: false,
            }],
            idf,
            cfg,
        ));
    }
    mark_words(&mut out, &general);
    out
}

/// Marks what the words of the profile's `concepts` are within the profile, once per query:
/// each general word ([`Word::general`]), and each phrase that holds a one-word target group
/// ([`Concept::holds_target_group`]).
pub(crate) fn mark_words(concepts: &mut [Concept], general: &GeneralWords) {
    let audience: HashSet<String> = concepts
        .iter()
        .filter(|c| c.field == ProfileField::TargetGroup)
        .filter_map(|c| match c.words.as_slice() {
            [w] => Some(w.stem.clone()),
            _ => None,
        })
        .collect();
    for c in concepts.iter_mut() {
        for w in &mut c.words {
            w.general = general.has_stem(&w.stem);
        }
        c.holds_target_group =
            c.words.len() > 1 && c.words.iter().any(|w| audience.contains(&w.stem));
    }
}

/// The exclude entries as concepts.
pub(crate) fn excludes(
    profile: &Profile,
    analyzer: &mut TextAnalyzer,
    cfg: &ConceptConfig,
) -> Vec<Concept> {
    profile
        .exclude
        .iter()
        .filter_map(|term| {
            let words = words_of(analyzer, term);
            (!words.is_empty())
                .then(|| Concept::new(ProfileField::Exclude, term.clone(), words, 1.0, cfg))
        })
        .collect()
}

fn concept_query(c: &Concept, field: Field, cfg: &RetrieveConfig) -> Box<dyn Query> {
    let term = |w: &Word| Term::from_field_text(field, &w.stem);
    if let [w] = c.words.as_slice() {
        return Box::new(TermQuery::new(term(w), IndexRecordOption::WithFreqs));
    }
    let mut phrase =
        PhraseQuery::new_with_offset(c.words.iter().map(|w| (w.offset, term(w))).collect());
    phrase.set_slop(cfg.slop);
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
        (
            Occur::Should,
            Box::new(BoostQuery::new(Box::new(bag), cfg.scattered)),
        ),
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
    cfg: &RankConfig,
) -> BooleanQuery {
    let r = &cfg.retrieve;
    let f = index.fields();
    let mut topic: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut audience: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for c in concepts
        .iter()
        .filter(|c| c.field != ProfileField::Description)
    {
        let w = c.query_weight(&cfg.concepts);
        let should = if c.field == ProfileField::TargetGroup {
            &mut audience
        } else {
            &mut topic
        };
        should.push((
            Occur::Should,
            Box::new(BoostQuery::new(concept_query(c, f.text, r), w)),
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
                        r.compounds * w,
                    )),
                ));
            }
        }
        should.push((
            Occur::Should,
            Box::new(BoostQuery::new(
                concept_query(c, f.heading, r),
                r.heading * w,
            )),
        ));
        should.push((
            Occur::Should,
            Box::new(BoostQuery::new(concept_query(c, f.title, r), r.title * w)),
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
