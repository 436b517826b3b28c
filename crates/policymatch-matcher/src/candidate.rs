//! One retrieved passage on its way through the ranking's stages, with a named score for
//! each stage that changes it.
//!
//! The stages run in this order, each in a module of its own, and each writes only its own
//! fields:
//!
//! 1. [`crate::retrieve`]: the weighted concept query finds the candidates and reads what
//!    ranking needs of each from the index (`passage`, `seen`, `retrieval`, `named`,
//!    `wording`);
//! 2. [`crate::features`]: what the passage says of the profile (`features`, with its own
//!    score, `features.score`);
//! 3. [`crate::context`]: the passage in the context of its page, fused with the page's
//!    retrieval score (`page`, `other_stage`, [`Scores::context`], [`Scores::fused`]);
//! 4. [`crate::wording`]: the page's wording against the whole profile (`by_wording`,
//!    [`Scores::worded`]);
//! 5. [`crate::kind`]: what the document's title says it is ([`Scores::ranking`]);
//! 6. [`crate::diversity`]: near-duplicates, pages and agenda items shown once.
//!
//! The types here are the data the stages pass on; each stage's module holds its logic and
//! reads these, never another stage's module.

use crate::config::Weights;
use crate::intent::{Intent, Marks};
use crate::occurrence::Occurrences;
use crate::stage::{Named, Stage};
use policymatch_core::index::records::PassageRecord;
use std::collections::{BTreeSet, HashMap};

/// How a concept was found in a passage.
#[derive(Debug, Clone)]
pub(crate) struct ConceptHit {
    /// Index into the concept list.
    pub concept: usize,
    /// 1.0 for the phrase (or the word), less for compounds and scattered words.
    pub strength: f32,
    /// Byte ranges in the passage text.
    pub spans: Vec<(usize, usize)>,
    /// Found in the heading.
    pub in_heading: bool,
    /// Found in the document's title and not in the heading.
    pub in_title: bool,
    /// The strongest intent of a sentence holding it.
    pub intent: Option<Intent>,
}

/// Features of one passage.
#[derive(Debug, Clone, Default)]
pub(crate) struct Features {
    pub hits: Vec<ConceptHit>,
    pub intents: BTreeSet<Intent>,
    pub civil_society: bool,
    /// States that the municipality works with civil society on something of the profile
    /// (see [`policymatch_core::intent::OPENING`]): the first concept (by index) named in
    /// such a sentence.
    pub opening: Option<usize>,
    /// Is about a matter internal to the administration and names no opening (see
    /// [`policymatch_core::intent::INTERNAL`]).
    pub internal: bool,
    /// Holds a political request: a committee or the council asks the administration for
    /// something (see [`policymatch_core::intent::is_request`]).
    pub request: bool,
    pub excluded: Vec<usize>,
    /// Names a theme or activity (a phrase found only scattered, by a word the profile names
    /// as a target group, does not count).
    pub topic: bool,
    /// Names a target group.
    pub audience: bool,
    /// The score by the profile's entries the passage itself names; the later stages start
    /// from it (see [`crate::candidate::Scores`]).
    pub score: f32,
}

/// Positions of the title's words in [`Observed::head`] start here, after the heading's, so
/// that no phrase runs from the heading into the title.
pub(crate) const TITLE_OFFSET: usize = 1 << 16;

/// What ranking knows of one passage.
#[derive(Debug, Clone, Default)]
pub(crate) struct Observed {
    /// Where each stem stands in the text.
    pub text: Occurrences,
    /// Where each stem stands in the heading, then (from [`TITLE_OFFSET`]) in the title.
    pub head: Occurrences,
    /// How often a stem stands as a whole word in its heading and text, not only as part of
    /// a compound (the index's `words` field): filled for the description's words, which
    /// count only as whole words ("råd" is not the "råd" of "byrådet").
    pub whole: HashMap<String, u32>,
    /// What its sentences state.
    pub marks: Marks,
    /// Pages of its document (0 when unknown, taken as 1).
    pub doc_pages: u64,
}

impl Observed {
    /// How much the document's title says about this passage: fully in a document of up to
    /// `w.title_pages` pages (an agenda item, a short memo), less in proportion beyond (a
    /// title over 40 pages says little about page 19).
    pub fn title_share(&self, w: &Weights) -> f32 {
        (w.title_pages / self.doc_pages.max(1) as f32).min(1.0)
    }
}

/// The scores a candidate gets after the features' own (`Candidate::features.score`), one
/// per stage, each from the one before.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Scores {
    /// The features' score in the context of its page ([`crate::context::in_context`]); the floor
    /// (`Options::min_score`) applies to it.
    pub context: f32,
    /// `context` fused with the page's retrieval score ([`crate::context::fuse`]); shown as a
    /// suggestion's `feature_score`.
    pub fused: f32,
    /// `fused` weighed by the page's wording ([`crate::wording::fuse`]).
    pub worded: f32,
    /// `worded` weighed by the document's kind ([`crate::kind::factor`]); the final order.
    pub ranking: f32,
}

/// One retrieved passage and what ranking knows of it, by name.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    /// The passage as the index stores it (its marks are in `seen`).
    pub passage: PassageRecord,
    /// Where the concepts' words stand in it, and its marks.
    pub seen: Observed,
    /// The retrieval query's score.
    pub retrieval: f32,
    /// The stages of life it names (all `false` when the profile names none).
    pub named: Named,
    /// Its own score by its wording (see [`crate::wording`]).
    pub wording: f32,
    /// What it says of the profile (see [`crate::features`]).
    pub features: Features,
    /// Its page, as an index into the page contexts (see [`crate::context`]).
    pub page: usize,
    /// The other stage of life its page is about, when it was pushed down for that.
    pub other_stage: Option<Stage>,
    /// Its page's rank among the candidates' pages by wording (see [`crate::wording`]).
    pub by_wording: Option<usize>,
    /// Its score after each stage.
    pub scores: Scores,
}

impl Candidate {
    /// A candidate as retrieval finds it, before any stage has scored it.
    pub fn retrieved(
        passage: PassageRecord,
        seen: Observed,
        retrieval: f32,
        named: Named,
        wording: f32,
    ) -> Candidate {
        Candidate {
            passage,
            seen,
            retrieval,
            named,
            wording,
            features: Features::default(),
            page: 0,
            other_stage: None,
            by_wording: None,
            scores: Scores::default(),
        }
    }
}
