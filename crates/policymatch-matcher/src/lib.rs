//! # policymatch-matcher
//!
//! Ranks indexed policy passages against a volunteer association's profile and says why
//! each one matches.
//!
//! A short tour:
//!
//! - [`Profile`] is the association's TOML profile ([`Profile::load`]), with errors that name
//!   the file, line and column ([`ProfileError`]).
//! - [`Matcher`] over an opened [`PolicyIndex`] turns a profile into [`Suggestion`]s
//!   ([`Matcher::suggest`]): each is a passage with its score, the profile terms it matched,
//!   its [`Reason`]s and the other places the same text appears (`also_in`).
//! - [`intent`] finds the words that mark goals, initiatives, decisions, funding and
//!   consultations; [`kind`] reads what a document's title says it is; [`diversity`] finds
//!   near-duplicate passages.
//! - [`eval`] measures a ranking against graded page judgments (nDCG@10, P@5, R@20).
//!
//! How the ranking works: every theme, activity and target group becomes a concept, analysed
//! with the index's Danish analyzer (so stems and compounds match as indexed; multi-word
//! entries stay phrases with a little slop). A weighted tantivy query retrieves candidate
//! passages under the filters (a theme or activity required, target groups adding); each
//! candidate is then re-scored, from the index's postings and the intent marks stored with it,
//! by the concepts it mentions (field weight × rarity, so that covering several concepts beats
//! repeating one), whether they stand in sentences that state intent, whether the heading or
//! document title names them, civil-society mentions and the exclude terms, in the context of
//! its page (which is pushed down when it is about another stage of life than the profile's
//! target groups), and fused with its page's retrieval score. The final order weighs each
//! passage's feature score by its page's wording: BM25 of the profile read as one text over
//! the candidates' whole words, as a share of the best page's (a product, so a page far ahead
//! by its features stays ahead), which only reorders the passages the features kept; a
//! document whose title names money or a consultation is lifted and one whose title names a
//! report on the past (supervision, accounts) lowered ([`kind`]).
//! Near-duplicates are shown once, and no page gives more than two suggestions. Suggestions
//! whose feature score is below [`SCORE_FLOOR`] are never shown; a suggestion's `score` is its
//! ranking score, the feature score weighed by the wording, and `feature_score` the feature
//! score.
//!
//! ```
//! use policymatch_core::index::{PolicyIndex, build::{index_paths, IndexOptions}};
//! use policymatch_matcher::{Lang, Matcher, Options, Profile};
//! use std::path::Path;
//!
//! let dir = tempfile::tempdir()?;
//! let docs = dir.path().join("docs");
//! std::fs::create_dir(&docs)?;
//! std::fs::write(
//!     docs.join("aeldrepolitik.txt"),
//!     "Ensomhed\n\nMålet er, at færre ældre oplever ensomhed. Vi vil styrke samarbejdet med \
//!      frivillige foreninger om besøgsvenner og fællesspisning.\n\n\
//!      Trafik\n\nVejene i kommunen asfalteres i løbet af foråret, og cykelstierne udvides.",
//! )?;
//! let index = PolicyIndex::open_or_create(&dir.path().join("index"))?;
//! index_paths(&index, &[docs], &IndexOptions::default())?;
//! index.reload()?;
//!
//! let profile = Profile::parse(
//!     r#"
//!     name = "Besøgsvennerne"
//!     description = "Frivillige besøgsvenner hos ældre, der sidder alene."
//!     themes = ["ensomhed"]
//!     target_groups = ["ældre"]
//!     "#,
//!     Path::new("besoegsvennerne.toml"),
//! )?;
//! let suggestions = Matcher::new(&index).suggest(&profile, &Options::default())?;
//! assert_eq!(suggestions.len(), 1);
//! assert!(suggestions[0].passage.text.contains("Målet er"));
//! // each reason has a code, and a text in the reader's language
//! assert_eq!(suggestions[0].reasons[0].code(), "in_intent_sentence");
//! assert_eq!(
//!     suggestions[0].reasons[0].text(Lang::Da),
//!     "tema »ensomhed« i en målsætning"
//! );
//! assert_eq!(
//!     suggestions[0].reasons[0].text(Lang::En),
//!     "theme 'ensomhed' in a goal sentence"
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

pub mod config;
pub mod diversity;
pub mod eval;
mod gather;
mod general;
pub mod intent;
pub mod kind;
mod lexical;
mod occurrence;
mod par;
pub mod profile;
mod query;
mod rank;
pub mod report;
mod stage;
pub mod text;
pub mod who;

pub use config::RankConfig;
pub use intent::Intent;
pub use kind::ItemKind;
pub use policymatch_i18n::Lang;
pub use profile::{ContactPerson, Profile, ProfileError};
pub use query::ProfileField;
pub use stage::Stage as StageOfLife;

use policymatch_core::index::PolicyIndex;
use policymatch_core::index::records::PassageRecord;
use policymatch_core::index::search::Filters;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use tantivy::TantivyDocument;
use tantivy::collector::TopDocs;

/// Suggestions whose feature score ([`Suggestion::feature_score`]) is below this are never
/// shown. A passage that names one theme of ordinary rarity once, in no particular context,
/// on a page that also names a target group, scores about 5; one that names only target
/// groups or description words scores below 2.
pub const SCORE_FLOOR: f32 = 2.0;

/// Everything that can go wrong while matching.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The index could not be searched or read.
    #[error(transparent)]
    Index(#[from] policymatch_core::Error),
    /// Tantivy failed while searching.
    #[error("searching {path}: {source}")]
    Search {
        /// The index directory.
        path: std::path::PathBuf,
        /// The underlying error.
        source: tantivy::TantivyError,
    },
    /// The index has no Danish analyzer registered (it was not opened through
    /// [`PolicyIndex`]).
    #[error("the index has no analyzer {0:?}; open it with PolicyIndex::open")]
    Analyzer(String),
}

/// Result of the matcher.
pub type Result<T> = std::result::Result<T, Error>;

/// How to suggest.
#[derive(Debug, Clone)]
pub struct Options {
    /// Maximum number of suggestions.
    pub top: usize,
    /// Filters; an empty municipality or area list falls back to the profile's list.
    pub filters: Filters,
    /// Number of passages retrieved before re-ranking.
    pub candidates: usize,
    /// Suggestions whose feature score is below this are dropped (see [`SCORE_FLOOR`]).
    pub min_score: f32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            top: 10,
            filters: Filters::default(),
            candidates: 300,
            min_score: SCORE_FLOOR,
        }
    }
}

/// A profile term a suggestion matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Matched {
    /// The profile field it comes from.
    pub field: ProfileField,
    /// The term as written in the profile (for the description, the word as written there).
    pub term: String,
}

/// Another place of a suggestion: where the same passage text appears, or another page of
/// the same agenda item ([`Place::same_item`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    /// Source file path.
    pub path: String,
    /// 1-based page.
    pub page: u64,
    /// Document title.
    pub title: String,
    /// Another page of the same agenda item, listed under its best page
    /// ([`DiversityConfig::per_item`](config::DiversityConfig::per_item)), rather than
    /// the same text elsewhere.
    pub same_item: bool,
}

/// Why a passage was suggested.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Reason {
    /// A profile term in a sentence that states a goal, initiative, decision, funding or
    /// consultation.
    InIntentSentence {
        /// The field.
        field: ProfileField,
        /// The term.
        term: String,
        /// What the sentence states.
        intent: Intent,
    },
    /// A profile term named in the passage's heading.
    InHeading {
        /// The field.
        field: ProfileField,
        /// The term.
        term: String,
    },
    /// A profile term named in the document's title (and not in the heading).
    InTitle {
        /// The field.
        field: ProfileField,
        /// The term.
        term: String,
    },
    /// A profile term in the passage.
    Term {
        /// The field.
        field: ProfileField,
        /// The term.
        term: String,
    },
    /// Words of the profile's description.
    Description {
        /// The words as they stand in the description.
        words: Vec<String>,
    },
    /// The passage states intent (listed when no term stands in an intent sentence).
    States {
        /// What it states.
        intents: Vec<Intent>,
    },
    /// The passage mentions volunteers, associations or civil society.
    CivilSociety,
    /// The passage states that the municipality works, or wants to work, with associations,
    /// volunteers or civil society, which lifted it.
    Opening,
    /// The passage is about a matter internal to the administration (staff training, its own
    /// organisation, visitation rules), which lowered it.
    Internal,
    /// The page's wording is among the closest to the profile read as one text, which lifted
    /// it (see the crate documentation).
    CloseWording {
        /// The page is among this many closest pages
        /// ([`Weights::close_wording`](config::Weights::close_wording)).
        within: usize,
    },
    /// The passage mentions an excluded term and was pushed down.
    Excluded {
        /// The term.
        term: String,
    },
    /// The page is about another stage of life than the one the profile's target groups
    /// name, and was pushed down.
    OtherStage {
        /// Whom the page is about.
        about: StageOfLife,
    },
    /// The document's title names money or a consultation (lifted), or a report on the past
    /// (pushed down); see [`kind`].
    TitleNames {
        /// What the title names.
        names: ItemKind,
    },
}

impl Reason {
    /// The reason's stable code, as in JSON: "in_intent_sentence", "title_names".
    pub fn code(&self) -> &'static str {
        match self {
            Reason::InIntentSentence { .. } => "in_intent_sentence",
            Reason::InHeading { .. } => "in_heading",
            Reason::InTitle { .. } => "in_title",
            Reason::Term { .. } => "term",
            Reason::Description { .. } => "description",
            Reason::States { .. } => "states",
            Reason::CivilSociety => "civil_society",
            Reason::Opening => "civil_society_opening",
            Reason::Internal => "internal_matter",
            Reason::CloseWording { .. } => "close_wording",
            Reason::Excluded { .. } => "excluded",
            Reason::OtherStage { .. } => "other_stage",
            Reason::TitleNames { .. } => "title_names",
        }
    }

    /// The reason as a person reads it, in `lang` (the message `reason-CODE`).
    pub fn text(&self, lang: Lang) -> String {
        use policymatch_i18n::t;
        let field = |f: &ProfileField| text::field(lang, *f);
        match self {
            Reason::InIntentSentence {
                field: f,
                term,
                intent,
            } => t!(
                lang,
                "reason-in_intent_sentence",
                field = field(f),
                term = term.as_str(),
                intent = text::intent_key(*intent)
            ),
            Reason::InHeading { field: f, term } => {
                t!(
                    lang,
                    "reason-in_heading",
                    field = field(f),
                    term = term.as_str()
                )
            }
            Reason::InTitle { field: f, term } => {
                t!(
                    lang,
                    "reason-in_title",
                    field = field(f),
                    term = term.as_str()
                )
            }
            Reason::Term { field: f, term } => {
                t!(lang, "reason-term", field = field(f), term = term.as_str())
            }
            Reason::Description { words } => {
                t!(lang, "reason-description", words = words.join(", "))
            }
            Reason::States { intents } => {
                let names: Vec<String> = intents.iter().map(|i| text::intent(lang, *i)).collect();
                t!(lang, "reason-states", intents = text::list(lang, &names))
            }
            Reason::CivilSociety => t!(lang, "reason-civil_society"),
            Reason::Opening => t!(lang, "reason-civil_society_opening"),
            Reason::Internal => t!(lang, "reason-internal_matter"),
            Reason::CloseWording { within } => t!(lang, "reason-close_wording", count = *within),
            Reason::Excluded { term } => t!(lang, "reason-excluded", term = term.as_str()),
            Reason::OtherStage { about } => t!(lang, "reason-other_stage", about = about.key()),
            Reason::TitleNames { names } => {
                t!(lang, "reason-title_names", kind = names.key())
            }
        }
    }
}

/// The reason in the default language, Danish (see [`Reason::text`]).
impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::default()))
    }
}

/// One suggested passage.
#[derive(Debug, Clone, Serialize)]
pub struct Suggestion {
    /// The passage and its document.
    pub passage: PassageRecord,
    /// The ranking score: [`Suggestion::feature_score`] weighed by how closely the wording of
    /// the passage's page follows the whole profile, as a share of the closest page's (times
    /// 0.01 to 1), and by what the document's title says it is (times 1.75 for money or a
    /// consultation, 0.5 for a report on the past; see [`kind`]). Suggestions come in its
    /// order, highest first.
    pub score: f32,
    /// The score by the profile's entries alone (themes, activities, target groups and
    /// description words, their context and the page's); never below the floor
    /// ([`Options::min_score`], by default [`SCORE_FLOOR`]).
    pub feature_score: f32,
    /// The profile terms it matched.
    pub matched: Vec<Matched>,
    /// Why it was suggested, strongest first.
    pub reasons: Vec<Reason>,
    /// What the passage states.
    pub intents: Vec<Intent>,
    /// Byte ranges of matched words in `passage.text`.
    pub highlights: Vec<(usize, usize)>,
    /// Other places where the same text appears.
    pub also_in: Vec<Place>,
}

/// Ranks passages of one index against profiles.
#[derive(Debug)]
pub struct Matcher<'a> {
    index: &'a PolicyIndex,
    config: RankConfig,
}

impl<'a> Matcher<'a> {
    /// A matcher over `index` with the compiled-in settings ([`RankConfig::default`]).
    pub fn new(index: &'a PolicyIndex) -> Matcher<'a> {
        Matcher::with_config(index, RankConfig::default())
    }

    /// A matcher over `index` with the settings `config` (as `eval --config` tries them).
    pub fn with_config(index: &'a PolicyIndex, config: RankConfig) -> Matcher<'a> {
        Matcher { index, config }
    }

    /// The settings this matcher ranks with.
    pub fn config(&self) -> &RankConfig {
        &self.config
    }

    /// The filters a suggestion uses: `options.filters`, with the profile's municipalities
    /// and areas where the options give none.
    pub fn filters(profile: &Profile, options: &Options) -> Filters {
        let mut f = options.filters.clone();
        if f.municipalities.is_empty() {
            f.municipalities = profile.municipalities.clone();
        }
        if f.areas.is_empty() {
            f.areas = profile.areas.clone();
        }
        f
    }

    /// The passages that best meet `profile`, best first, at most `options.top`.
    pub fn suggest(&self, profile: &Profile, options: &Options) -> Result<Vec<Suggestion>> {
        let mut analyzer = self
            .index
            .tantivy()
            .tokenizers()
            .get(policymatch_core::analysis::DANISH)
            .ok_or_else(|| Error::Analyzer(policymatch_core::analysis::DANISH.into()))?;
        let Some(Candidates {
            concepts,
            excludes,
            items,
            stage,
            doc_pages,
        }) = self.candidates(profile, options, &mut analyzer)?
        else {
            return Ok(Vec::new());
        };
        let cfg = &self.config;
        let w = cfg.weights;
        let retrieval: Vec<f32> = items.iter().map(|c| c.retrieval).collect();
        let wording: Vec<f32> = items.iter().map(|c| c.wording).collect();
        let features = par::map(&items, |c| {
            let mut f = rank::features(&concepts, &excludes, &c.seen, cfg);
            f.named = c.named;
            f
        });
        let scored: Vec<(PassageRecord, rank::Features)> = items
            .into_iter()
            .zip(features)
            .map(|(c, f)| {
                // the marks go back with the passage: its suggestion is observed again with
                // them (see below)
                let mut passage = c.passage;
                passage.marks = Some(c.seen.marks);
                (passage, f)
            })
            .collect();
        // each candidate's page, as an index into `pages` (built once), and the factor for
        // what the page's document's title says it is (read once per page; see `kind`)
        let mut pages: Vec<rank::PageContext> = Vec::new();
        let mut page_kind: Vec<f32> = Vec::new();
        let page_of: Vec<usize> = {
            let mut index_of: HashMap<(&str, u64), usize> = HashMap::new();
            scored
                .iter()
                .zip(&retrieval)
                .map(|((p, f), &r)| {
                    let next = pages.len();
                    let i = *index_of
                        .entry((p.document.path.as_str(), p.page))
                        .or_insert(next);
                    if i == next {
                        pages.push(rank::PageContext::default());
                        page_kind.push(rank::kind_factor(
                            &kind::of_title_with(&p.document.title, &cfg.kind),
                            &w,
                        ));
                    }
                    pages[i].add(f, r);
                    i
                })
                .collect()
        };
        // the pages' ranks by their wording (see `lexical`)
        let page_wording = lexical::page_scores(&page_of, &wording, pages.len());
        let by_wording = lexical::page_ranks(&page_wording);
        let has_topic = concepts
            .iter()
            .any(|c| matches!(c.field, ProfileField::Theme | ProfileField::Activity));
        let has_audience = concepts.iter().any(|c| c.audience);
        let mut kept: Vec<(PassageRecord, rank::Features, usize)> = scored
            .into_iter()
            .zip(page_of)
            .filter_map(|((p, mut f), i)| {
                f.score = rank::in_context(&f, &pages[i], has_topic, has_audience, stage, &w);
                f.other_stage = pages[i].other_stage(stage);
                (f.score >= options.min_score).then_some((p, f, i))
            })
            .collect();
        // fusion with the retrieval query's score of the whole page (see `rank::fuse`)
        let best = kept.iter().map(|(_, f, _)| f.score).fold(0.0, f32::max);
        let best_page = pages.iter().map(|c| c.retrieval).fold(0.0, f32::max);
        for (_, f, i) in &mut kept {
            f.score = rank::fuse(f.score, pages[*i].retrieval, best, best_page, &w);
        }
        // the final order: each passage's feature score weighed by its page's wording (see
        // `lexical::fuse`); the passages of one page share its wording, so within a page the
        // features' order stands
        let best_wording = page_wording.iter().copied().fold(0.0, f32::max);
        let mut scored: Vec<(PassageRecord, rank::Features)> = kept
            .into_iter()
            .map(|(p, mut f, i)| {
                f.lexical = by_wording[i];
                f.ranking =
                    lexical::fuse(f.score, page_wording[i], best_wording, &w) * page_kind[i];
                (p, f)
            })
            .collect();
        scored.sort_by(|a, b| {
            b.1.ranking
                .total_cmp(&a.1.ranking)
                .then_with(|| b.1.score.total_cmp(&a.1.score))
                .then_with(|| a.0.document.path.cmp(&b.0.document.path))
                .then_with(|| a.0.ordinal.cmp(&b.0.ordinal))
        });
        let picked = diversify(scored, options.top, &cfg.diversity);
        Ok(picked
            .into_iter()
            .map(|(passage, ranked, also_in)| {
                // observed again from the text: the same features, with byte ranges
                let mut passage = passage;
                let marks = passage
                    .marks
                    .take()
                    .unwrap_or_else(|| policymatch_core::intent::Marks::of(&passage.text));
                let mut seen = rank::observe_marked(
                    &mut analyzer,
                    &passage.text,
                    &passage.heading,
                    &passage.document.title,
                    marks,
                );
                seen.doc_pages = doc_pages
                    .get(&passage.document.doc_id)
                    .copied()
                    .unwrap_or(0);
                let feats = rank::features(&concepts, &excludes, &seen, cfg);
                let mut s = explain(passage, feats, &concepts, &excludes);
                if ranked.lexical.is_some_and(|r| r < w.close_wording) {
                    s.reasons.push(Reason::CloseWording {
                        within: w.close_wording,
                    });
                }
                if let Some(other) = ranked.other_stage {
                    s.reasons.push(Reason::OtherStage { about: other });
                }
                // money or a consultation weighs as much as the strongest term (it comes
                // second, so that short lists show it); a report's push down comes last, with
                // the others
                for names in kind::of_title_with(&s.passage.document.title, &cfg.kind) {
                    let at = if names.is_offer() {
                        s.reasons.len().min(1)
                    } else {
                        s.reasons.len()
                    };
                    s.reasons.insert(at, Reason::TitleNames { names });
                }
                s.score = ranked.ranking;
                s.feature_score = ranked.score;
                s.also_in = also_in;
                s
            })
            .collect())
    }
    /// The retrieved candidates of `profile`, observed from the index's postings; `None`
    /// when the profile gives nothing to look for.
    fn candidates(
        &self,
        profile: &Profile,
        options: &Options,
        analyzer: &mut tantivy::tokenizer::TextAnalyzer,
    ) -> Result<Option<Candidates>> {
        let index = self.index;
        let fields = index.fields();
        let searcher = index.searcher();
        let cfg = &self.config;
        let mut concepts =
            query::concepts(profile, analyzer, &searcher, fields.text, &cfg.concepts);
        let mut excludes = query::excludes(profile, analyzer, &cfg.concepts);
        if concepts.is_empty() || options.top == 0 {
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
                let terms = gather::prefix_terms(
                    &searcher,
                    fields.text,
                    prefix,
                    &mut splitter,
                    &cfg.concepts,
                )
                .map_err(search_err)?;
                expansions.insert(prefix.to_string(), terms);
            }
        }
        for c in concepts.iter_mut().chain(excludes.iter_mut()) {
            if let Some(p) = c.prefix().map(str::to_string) {
                c.expansions = expansions.get(&p).cloned().unwrap_or_default();
            }
        }
        let filters = Matcher::filters(profile, options);
        let q = query::build_query(index, &concepts, &expansions, &filters, cfg);
        let top_docs = searcher
            .search(
                &q,
                &TopDocs::with_limit(options.candidates.max(options.top)).order_by_score(),
            )
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
        let mut seen = gather::observe_all(&searcher, fields, &words, &presence, &addresses, marks)
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
        let wording = lexical::scores_of(
            index,
            &searcher,
            &lexical::profile_text(profile),
            &addresses,
        )
        .map_err(search_err)?;
        let items = passages
            .into_iter()
            .zip(seen)
            .zip(retrieval.into_iter().zip(stages))
            .zip(wording)
            .map(
                |(((passage, seen), (retrieval, named)), wording)| Candidate {
                    passage,
                    seen,
                    retrieval,
                    named,
                    wording,
                },
            )
            .collect();
        Ok(Some(Candidates {
            concepts,
            excludes,
            items,
            stage,
            doc_pages,
        }))
    }
}

/// One retrieved passage and what ranking knows of it, by name.
struct Candidate {
    passage: PassageRecord,
    /// Where the concepts' words stand in it, and its marks.
    seen: rank::Observed,
    /// The retrieval query's score.
    retrieval: f32,
    /// The stages of life it names (all `false` when the profile names none).
    named: stage::Named,
    /// Its score by its wording (see [`lexical`]).
    wording: f32,
}

/// Retrieved passages and what ranking knows of them.
struct Candidates {
    concepts: Vec<query::Concept>,
    excludes: Vec<query::Concept>,
    /// The candidates in retrieval order.
    items: Vec<Candidate>,
    /// The stage of life the profile mainly works for.
    stage: Option<stage::Stage>,
    /// The number of pages of each candidate's document, by document id.
    doc_pages: HashMap<String, u64>,
}

/// A picked passage, its ranking features (with its final score) and the other places of the
/// same text.
type Picked = (PassageRecord, rank::Features, Vec<Place>);

/// Picks suggestions in score order: a near-duplicate of one already picked joins its
/// `also_in` (best first, one place per other document; a PDF place takes the lead from an
/// unpaged one); a page gives at most two suggestions.
fn diversify(
    scored: Vec<(PassageRecord, rank::Features)>,
    top: usize,
    cfg: &config::DiversityConfig,
) -> Vec<Picked> {
    let mut out: Vec<Picked> = Vec::new();
    let mut kept = diversity::Kept::default();
    let mut per_page: HashMap<(String, u64), usize> = HashMap::new();
    // each agenda item's first suggestion and how many it has
    let mut per_item: HashMap<(String, String), (usize, usize)> = HashMap::new();
    let shingles = par::map(&scored, |(p, _)| diversity::shingles(&p.text));
    for ((passage, feats), sh) in scored.into_iter().zip(shingles) {
        if let Some(i) = kept.first_duplicate(&sh, cfg) {
            // one place per document: the same text again in one document adds nothing
            let (lead, _, also_in) = &mut out[i];
            let here = &passage.document.path;
            let known = &lead.document.path == here || also_in.iter().any(|p| &p.path == here);
            if !known && paged(here) && !paged(&lead.document.path) {
                // show the place a reader can open at a page (the PDF of a meeting rather
                // than its agenda-system export); the group keeps its best score
                let old = std::mem::replace(lead, passage);
                also_in.insert(
                    0,
                    Place {
                        path: old.document.path,
                        page: old.page,
                        title: old.document.title,
                        same_item: false,
                    },
                );
                continue;
            }
            if !known {
                also_in.push(Place {
                    path: passage.document.path.clone(),
                    page: passage.page,
                    title: passage.document.title.clone(),
                    same_item: false,
                });
            }
            continue;
        }
        // an agenda item already shown as often as it may be: its page is listed under the
        // item's best suggestion
        let item = passage
            .facts
            .item
            .as_ref()
            .map(|i| (passage.document.path.clone(), i.clone()));
        if let Some(key) = item.as_ref().filter(|_| cfg.per_item > 0)
            && let Some(&lead) = per_item
                .get(key)
                .filter(|l| l.1 >= cfg.per_item)
                .map(|l| &l.0)
        {
            let (first, _, also_in) = &mut out[lead];
            let here = (&passage.document.path, passage.page);
            let known = (&first.document.path, first.page) == here
                || also_in.iter().any(|p| (&p.path, p.page) == here);
            if !known {
                also_in.push(Place {
                    path: passage.document.path.clone(),
                    page: passage.page,
                    title: passage.document.title.clone(),
                    same_item: true,
                });
            }
            continue;
        }
        if out.len() >= top {
            continue;
        }
        let n = per_page
            .entry((passage.document.path.clone(), passage.page))
            .or_default();
        if *n >= cfg.per_page {
            continue;
        }
        *n += 1;
        if let Some(key) = item {
            let e = per_item.entry(key).or_insert((out.len(), 0));
            e.1 += 1;
        }
        kept.push(&sh);
        out.push((passage, feats, Vec::new()));
    }
    out
}

/// Whether `path` is a paged document (a PDF), whose page numbers a reader can open.
fn paged(path: &str) -> bool {
    std::path::Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
}

/// Turns features into matched terms, reasons and highlights.
fn explain(
    passage: PassageRecord,
    feats: rank::Features,
    concepts: &[query::Concept],
    excludes: &[query::Concept],
) -> Suggestion {
    let mut hits = feats.hits.clone();
    hits.sort_by(|a, b| {
        let wa = concepts[a.concept].weight() * a.strength.max(0.5);
        let wb = concepts[b.concept].weight() * b.strength.max(0.5);
        wb.total_cmp(&wa)
    });
    let mut reasons = Vec::new();
    let mut matched = Vec::new();
    let mut highlights = Vec::new();
    let mut desc_words = Vec::new();
    let mut any_intent_sentence = false;
    for h in &hits {
        let c = &concepts[h.concept];
        matched.push(Matched {
            field: c.field,
            term: c.term.clone(),
        });
        highlights.extend(h.spans.iter().copied());
        if c.field == ProfileField::Description {
            desc_words.push(c.term.clone());
            continue;
        }
        let (field, term) = (c.field, c.term.clone());
        reasons.push(match (h.intent, h.in_heading, h.in_title) {
            (Some(intent), _, _) => {
                any_intent_sentence = true;
                Reason::InIntentSentence {
                    field,
                    term,
                    intent,
                }
            }
            (None, true, _) => Reason::InHeading { field, term },
            (None, false, true) => Reason::InTitle { field, term },
            (None, false, false) => Reason::Term { field, term },
        });
    }
    if !desc_words.is_empty() {
        desc_words.truncate(5);
        reasons.push(Reason::Description { words: desc_words });
    }
    if !any_intent_sentence && !feats.intents.is_empty() {
        reasons.push(Reason::States {
            intents: feats.intents.iter().copied().collect(),
        });
    }
    if feats.opening {
        reasons.push(Reason::Opening);
    } else if feats.civil_society {
        reasons.push(Reason::CivilSociety);
    }
    if feats.internal {
        reasons.push(Reason::Internal);
    }
    for &i in &feats.excluded {
        reasons.push(Reason::Excluded {
            term: excludes[i].term.clone(),
        });
    }
    highlights.sort_unstable();
    highlights.dedup();
    Suggestion {
        passage,
        score: feats.score,
        feature_score: feats.score,
        matched,
        reasons,
        intents: feats.intents.into_iter().collect(),
        highlights,
        also_in: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use policymatch_core::index::build::{IndexOptions, index_paths};
    use std::path::Path;

    type TestResult = std::result::Result<(), Box<dyn std::error::Error>>;

    /// Ranking reads candidates from the postings; the suggestions shown are observed again
    /// from their text. Both must give the same features, or reasons would not explain scores.
    #[test]
    fn postings_and_text_give_the_same_features() {
        let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus-samples");
        let tmp = tempfile::tempdir().expect("a temporary folder");
        let index = PolicyIndex::open_or_create(&tmp.path().join("idx")).expect("a new index");
        index_paths(
            &index,
            std::slice::from_ref(&samples),
            &IndexOptions::default(),
        )
        .expect("indexing");
        let matcher = Matcher::new(&index);
        let mut analyzer = index
            .tantivy()
            .tokenizers()
            .get(policymatch_core::analysis::DANISH)
            .expect("registered at open");
        let mut compared = 0;
        for name in ["ensomhed", "demens-paaroerende", "idraet-unge"] {
            let profile = Profile::load(&samples.join(format!("profiles/{name}.toml")))
                .expect("a sample profile");
            let c = matcher
                .candidates(&profile, &Options::default(), &mut analyzer)
                .expect("retrieval")
                .expect("concepts");
            assert!(!c.items.is_empty(), "{name}: no candidates");
            for (p, seen) in c.items.iter().map(|c| (&c.passage, &c.seen)) {
                let fast = rank::features(&c.concepts, &c.excludes, seen, &RankConfig::default());
                let again = rank::observe(&mut analyzer, &p.text, &p.heading, &p.document.title);
                let slow = rank::features(&c.concepts, &c.excludes, &again, &RankConfig::default());
                assert_eq!(seen.marks, again.marks, "{name}: {}", p.text);
                assert!(
                    (fast.score - slow.score).abs() <= 1e-4 * slow.score.max(1.0),
                    "{name}: {} vs {} for {}",
                    fast.score,
                    slow.score,
                    p.text
                );
                let key = |f: &rank::Features| {
                    f.hits
                        .iter()
                        .map(|h| {
                            (
                                h.concept,
                                h.strength.to_bits(),
                                h.in_heading,
                                h.in_title,
                                h.intent,
                            )
                        })
                        .collect::<Vec<_>>()
                };
                assert_eq!(key(&fast), key(&slow), "{name}: {}", p.text);
                compared += 1;
            }
        }
        assert!(compared > 50, "only {compared} passages compared");
    }

    #[test]
    fn a_target_group_that_is_also_a_theme_still_names_the_audience() -> TestResult {
        let tmp = tempfile::tempdir()?;
        let index = PolicyIndex::open_or_create(&tmp.path().join("idx"))?;
        let mut analyzer = index.analyzer()?;
        let profile = Profile::parse(
            "name = \"P\"\ndescription = \"Forening for pårørende.\"\n\
             themes = [\"pårørende\", \"aflastning\"]\ntarget_groups = [\"pårørende\", \"familier\"]\n",
            Path::new("p.toml"),
        )?;
        let concepts = query::concepts(
            &profile,
            &mut analyzer,
            &index.searcher(),
            index.fields().text,
            &RankConfig::default().concepts,
        );
        let find = |term: &str| {
            concepts
                .iter()
                .find(|c| c.term == term)
                .ok_or(format!("no concept for {term}"))
        };
        let both = find("pårørende")?;
        assert_eq!(
            both.field,
            ProfileField::Theme,
            "kept under its first field"
        );
        assert!(both.audience);
        assert!(!find("aflastning")?.audience);
        assert!(find("familier")?.audience);
        assert_eq!(
            concepts.iter().filter(|c| c.term == "pårørende").count(),
            1,
            "once"
        );
        Ok(())
    }

    /// A page about loneliness among pupils is pushed below a page on loneliness that names
    /// no stage of life, for a profile that works for older people, and says why; for a
    /// profile without a main stage nothing is pushed.
    #[test]
    fn a_page_about_the_other_stage_of_life_is_pushed_down_and_says_so() -> TestResult {
        let tmp = tempfile::tempdir()?;
        let docs = tmp.path().join("docs");
        std::fs::create_dir(&docs)?;
        // the pupils' page names the theme more often, so it would lead on words alone
        std::fs::write(
            docs.join("skole.txt"),
            "Ensomhed blandt elever\n\nMålet er mindre ensomhed. Vi vil styrke fællesskab \
             sammen med frivillige foreninger i skolen, så færre elever er alene med ensomhed.",
        )?;
        std::fs::write(
            docs.join("kommune.txt"),
            "Ensomhed i kommunen\n\nMålet er mindre ensomhed. Vi vil styrke fællesskab \
             sammen med frivillige foreninger i hele kommunen, så færre borgere er alene.",
        )?;
        let index = PolicyIndex::open_or_create(&tmp.path().join("idx"))?;
        index_paths(&index, &[docs], &IndexOptions::default())?;
        index.reload()?;
        let profile = |groups: &str| {
            Profile::parse(
                &format!(
                    "name = \"P\"\ndescription = \"Forening mod ensomhed.\"\n\
                     themes = [\"ensomhed\", \"fællesskab\"]\ntarget_groups = [{groups}]\n"
                ),
                Path::new("p.toml"),
            )
        };
        let matcher = Matcher::new(&index);
        let names = |s: &[Suggestion]| -> Vec<String> {
            s.iter()
                .map(|s| {
                    s.passage
                        .document
                        .path
                        .rsplit('/')
                        .next()
                        .unwrap_or("")
                        .to_string()
                })
                .collect()
        };
        let pushed = |s: &Suggestion| {
            s.reasons
                .iter()
                .any(|r| r.text(Lang::En) == "pushed down: about children and young people")
        };
        let neutral =
            matcher.suggest(&profile("\"enlige\", \"familier\"")?, &Options::default())?;
        assert_eq!(names(&neutral), ["skole.txt", "kommune.txt"]);
        assert!(!neutral.iter().any(pushed));
        let elderly = matcher.suggest(&profile("\"ældre\", \"enlige\"")?, &Options::default())?;
        assert_eq!(names(&elderly), ["kommune.txt", "skole.txt"]);
        assert!(pushed(&elderly[1]) && !pushed(&elderly[0]));
        Ok(())
    }

    /// An index of `files` (name, text) in `tmp`, and the visiting-friends profile that the
    /// wording tests read.
    fn wording_fixture(
        tmp: &tempfile::TempDir,
        files: &[(String, String)],
    ) -> std::result::Result<(PolicyIndex, Profile), Box<dyn std::error::Error>> {
        let docs = tmp.path().join("docs");
        std::fs::create_dir(&docs)?;
        for (name, text) in files {
            std::fs::write(docs.join(name), text)?;
        }
        let index = PolicyIndex::open_or_create(&tmp.path().join("idx"))?;
        index_paths(&index, &[docs], &IndexOptions::default())?;
        index.reload()?;
        let profile = Profile::parse(
            "name = \"Besøgsvennerne\"\n\
             description = \"Faste besøg hjemme hos mennesker, der sidder alene; gåture og \
             spisning sammen, så flere bliver en del af noget.\"\n\
             themes = [\"ensomhed\"]\n",
            Path::new("p.toml"),
        )?;
        Ok((index, profile))
    }

    #[test]
    fn an_opening_to_civil_society_lifts_and_an_internal_matter_lowers_and_both_say_so()
    -> TestResult {
        let tmp = tempfile::tempdir()?;
        // three texts of one length that name the theme alike, in different words
        let (index, profile) = wording_fixture(
            &tmp,
            &[
                (
                    "aaben.txt".into(),
                    "Ensomhed\n\nMålet er mindre ensomhed blandt ældre i byen. Derfor vil vi \
                     styrke samarbejdet med de frivillige foreninger i årene der kommer nu."
                        .into(),
                ),
                (
                    "intern.txt".into(),
                    "Ensomhed\n\nMålet er mindre ensomhed hos ældre på landet. Derfor følger \
                     et kompetenceløft af personalet og en intern omorganisering af centrene."
                        .into(),
                ),
                (
                    "plain.txt".into(),
                    "Ensomhed\n\nMålet er mindre ensomhed for ældre alle steder. Derfor skal \
                     planen gøres bedre og følges op og evalueres grundigt hvert eneste år."
                        .into(),
                ),
            ],
        )?;
        // no floor: the three are weak matches of a tiny index
        let all = Options {
            min_score: 0.0,
            ..Options::default()
        };
        let found = Matcher::new(&index).suggest(&profile, &all)?;
        let order: Vec<&str> = found
            .iter()
            .map(|s| {
                s.passage
                    .document
                    .path
                    .rsplit('/')
                    .next()
                    .unwrap_or_default()
            })
            .collect();
        assert_eq!(order, ["aaben.txt", "plain.txt", "intern.txt"]);
        let codes = |i: usize| -> Vec<&str> { found[i].reasons.iter().map(Reason::code).collect() };
        assert!(
            codes(0).contains(&"civil_society_opening"),
            "{:?}",
            codes(0)
        );
        assert!(!codes(0).contains(&"civil_society"), "{:?}", codes(0));
        assert!(codes(2).contains(&"internal_matter"), "{:?}", codes(2));
        assert!(!codes(1).contains(&"internal_matter"));
        // in the reader's language
        let opening = found[0]
            .reasons
            .iter()
            .find(|r| r.code() == "civil_society_opening")
            .map(|r| r.text(Lang::Da));
        assert_eq!(
            opening.as_deref(),
            Some("kommunen vil samarbejde med frivillige, foreninger eller civilsamfundet")
        );
        // with the signals set to nothing, the three score alike but for their length
        let neutral = config::ConfigFile::parse(
            "[weights]\nopening = 0.0\ninternal = 1.0\n",
            Path::new("n.toml"),
        )?;
        let flat = Matcher::with_config(&index, neutral.base).suggest(&profile, &all)?;
        let spread = |s: &[Suggestion]| s[0].feature_score / s[s.len() - 1].feature_score;
        assert!(spread(&found) > spread(&flat));
        Ok(())
    }

    fn passage(path: &str, page: u64, item: Option<&str>, text: &str) -> PassageRecord {
        PassageRecord {
            document: policymatch_core::index::records::DocInfo {
                path: path.into(),
                doc_id: format!("{path}#{}", item.unwrap_or_default()),
                title: "Dagsorden".into(),
                ..Default::default()
            },
            page,
            heading: String::new(),
            text: text.into(),
            span: (0, 0),
            ordinal: page,
            run: 1,
            facts: policymatch_core::document::Facts {
                item: item.map(str::to_string),
                ..Default::default()
            },
            marks: None,
        }
    }

    #[test]
    fn an_agenda_item_beyond_its_share_is_listed_under_its_best_page() {
        let texts = [
            "Puljen til frivilligt socialt arbejde fordeles efter ansøgning i foråret.",
            "Ældrerådet har afgivet høringssvar om værdighedspolitikken i maj måned.",
            "Besøgsvennerne mødes hver tirsdag i medborgerhuset ved biblioteket.",
            "Kommunen vil styrke samarbejdet med foreningerne om fællesspisning.",
        ];
        let scored = || -> Vec<(PassageRecord, rank::Features)> {
            vec![
                (
                    passage("m.pdf", 3, Some("5"), texts[0]),
                    rank::Features::default(),
                ),
                (
                    passage("m.pdf", 4, Some("5"), texts[1]),
                    rank::Features::default(),
                ),
                (
                    passage("m.pdf", 9, Some("7"), texts[2]),
                    rank::Features::default(),
                ),
                (
                    passage("m.pdf", 5, Some("5"), texts[3]),
                    rank::Features::default(),
                ),
            ]
        };
        let pages = |picked: &[Picked]| -> Vec<(u64, Vec<(u64, bool)>)> {
            picked
                .iter()
                .map(|(p, _, also)| (p.page, also.iter().map(|a| (a.page, a.same_item)).collect()))
                .collect()
        };
        // no limit: every page is its own suggestion
        let open = config::DiversityConfig::default();
        assert_eq!(open.per_item, 0);
        let all = diversify(scored(), 10, &open);
        assert_eq!(
            pages(&all),
            [(3, vec![]), (4, vec![]), (9, vec![]), (5, vec![])]
        );
        // one per item: item 5's further pages come under its best, in score order
        let one = config::DiversityConfig {
            per_item: 1,
            ..open
        };
        let picked = diversify(scored(), 10, &one);
        assert_eq!(
            pages(&picked),
            [(3, vec![(4, true), (5, true)]), (9, vec![])]
        );
    }

    #[test]
    fn wording_close_to_the_profile_lifts_a_page_but_brings_back_none() -> TestResult {
        let tmp = tempfile::tempdir()?;
        let (index, profile) = wording_fixture(
            &tmp,
            &[
                // the profile's own words, but none of its themes: the features drop it
                (
                    "ord.txt".into(),
                    "Besøg\n\nFaste besøg hjemme hos mennesker, der sidder alene, gåture og \
                     spisning sammen, så flere bliver en del af noget."
                        .into(),
                ),
                (
                    "tema.txt".into(),
                    "Ensomhed\n\nMålet er mindre ensomhed blandt borgerne i kommunen. Vi vil \
                     styrke samarbejdet med frivillige foreninger om faste besøg hos mennesker, \
                     der sidder alene, og om gåture, så færre oplever ensomhed i løbet af \
                     politikkens periode."
                        .into(),
                ),
            ],
        )?;
        let found = Matcher::new(&index).suggest(&profile, &Options::default())?;
        // only the page that names the theme; its wording is close, and the reasons say so
        assert_eq!(found.len(), 1);
        assert!(found[0].passage.document.path.ends_with("tema.txt"));
        assert!(
            found[0].reasons.iter().any(|r| r
                .text(Lang::En)
                .starts_with("wording among the 10 pages closest")),
            "{:?}",
            found[0].reasons
        );
        Ok(())
    }

    #[test]
    fn suggestions_come_in_the_order_of_their_score_and_keep_their_feature_score() -> TestResult {
        let tmp = tempfile::tempdir()?;
        let mut files = vec![
            // the theme four times, in a goal, with associations: a high feature score, but
            // little of the profile's other wording
            (
                "mål.txt".to_string(),
                "Ensomhed\n\nMålet er mindre ensomhed i hele kommunen. Vi vil bekæmpe ensomhed \
                 sammen med foreninger og frivillige, og indsatsen mod ensomhed skal med i \
                 handleplanen for de kommende år, så ensomhed bliver et fælles ansvar."
                    .to_string(),
            ),
            // the theme once, in the profile's own words
            (
                "ord.txt".to_string(),
                "Besøg\n\nEnsomhed rammer mennesker, der sidder alene hjemme. Faste besøg \
                 hjemme hos mennesker, der sidder alene, gåture og spisning sammen gør, at \
                 flere bliver en del af noget, og at færre mennesker sidder alene hjemme."
                    .to_string(),
            ),
        ];
        // other topics, so that the theme is as rare as in a real index
        for (i, topic) in [
            "veje",
            "skoler",
            "affald",
            "cykelstier",
            "vandløb",
            "parkering",
        ]
        .iter()
        .enumerate()
        {
            files.push((
                format!("andet{i}.txt"),
                format!("Om {topic}\n\nKommunen vil forbedre {topic} i de kommende år."),
            ));
        }
        let (index, profile) = wording_fixture(&tmp, &files)?;
        let found = Matcher::new(&index).suggest(&profile, &Options::default())?;
        assert_eq!(found.len(), 2, "{found:?}");
        // the order is the ranking score's, highest first ...
        assert!(found[0].score >= found[1].score);
        // ... which here differs from the features' order: the close wording comes first
        assert!(found[0].passage.document.path.ends_with("ord.txt"));
        assert!(found[0].feature_score < found[1].feature_score);
        for s in &found {
            // the floor holds for the feature score, and the wording weighs it by 0.01-1
            // (neither title names a kind of item)
            assert!(s.feature_score >= SCORE_FLOOR);
            assert!(s.score <= s.feature_score && s.score > 0.0);
        }
        Ok(())
    }

    /// A page titled as funding comes before a plain one and a supervision report after it,
    /// though the features alone order them the other way round, and the reasons say why.
    #[test]
    fn the_title_lifts_funding_and_lowers_a_report_and_says_so() -> TestResult {
        let tmp = tempfile::tempdir()?;
        let files = vec![
            // the most feature weight (the theme four times), but a look back
            (
                "tilsyn.txt".to_string(),
                "Tilsynsrapport for besøgstjenesten\n\nMålet er mindre ensomhed blandt ældre. \
                 Tjenesten har bekæmpet ensomhed med frivillige besøgsvenner, og ensomhed blev \
                 mindre hos de fleste. Arbejdet mod ensomhed skal fortsætte."
                    .to_string(),
            ),
            // the theme three times
            (
                "plan.txt".to_string(),
                "Besøgstjenesten i de kommende år\n\nVi vil mindske ensomhed i hele kommunen \
                 sammen med foreninger. Indsatsen mod ensomhed skal nå flere, så ensomhed \
                 rammer færre."
                    .to_string(),
            ),
            // the theme twice, but money an association can apply for
            (
                "pulje.txt".to_string(),
                "Pulje til besøgstjenesten\n\nForeninger kan søge om støtte til arbejdet mod \
                 ensomhed blandt borgere i alle dele af kommunen. Målet er, at færre føler \
                 ensomhed, og at flere får et fast sted at komme hver uge."
                    .to_string(),
            ),
        ];
        let (index, profile) = wording_fixture(&tmp, &files)?;
        let found = Matcher::new(&index).suggest(&profile, &Options::default())?;
        let names: Vec<&str> = found
            .iter()
            .map(|s| s.passage.document.path.rsplit('/').next().unwrap_or(""))
            .collect();
        assert_eq!(names, ["pulje.txt", "plan.txt", "tilsyn.txt"], "{found:?}");
        assert!(found[2].feature_score > found[1].feature_score);
        assert!(found[1].feature_score > found[0].feature_score);
        let says = |s: &Suggestion, what: &str| s.reasons.iter().any(|r| r.text(Lang::En) == what);
        assert_eq!(
            found[0].reasons[1].text(Lang::En),
            "the title names funding"
        );
        assert_eq!(
            found[0].reasons[1].text(Lang::Da),
            "titlen nævner penge, der kan søges"
        );
        assert!(says(
            &found[2],
            "pushed down: the title names a report on the past (supervision or accounts)"
        ));
        assert!(
            !found[1]
                .reasons
                .iter()
                .any(|r| matches!(r, Reason::TitleNames { .. }))
        );
        Ok(())
    }
}
