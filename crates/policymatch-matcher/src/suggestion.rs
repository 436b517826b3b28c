//! What a suggestion is: the passage, its scores, the profile terms it matched, why it was
//! suggested ([`Reason`]) and the other places of the same text ([`Place`]).

use crate::intent::Intent;
use crate::kind::ItemKind;
use crate::query::ProfileField;
use crate::stage::Stage as StageOfLife;
use crate::text;
use policymatch_core::index::records::PassageRecord;
use policymatch_i18n::Lang;
use serde::Serialize;

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
    /// ([`DiversityConfig::per_item`](crate::config::DiversityConfig::per_item)), rather than
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
    /// volunteers or civil society on a theme, activity or target group of the profile (named
    /// in the same sentence), which lifted it.
    Opening {
        /// The field of the term.
        field: ProfileField,
        /// The term named in the opening sentence.
        term: String,
    },
    /// The passage is about a matter internal to the administration (staff training, its own
    /// organisation, visitation rules), which lowered it.
    Internal,
    /// A committee or the council asks the administration for something in the passage, which
    /// lifted it.
    Request,
    /// The page's wording is among the closest to the profile read as one text, which lifted
    /// it (see the crate documentation).
    CloseWording {
        /// The page is among this many closest pages
        /// ([`Weights::close_wording`](crate::config::Weights::close_wording)).
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
    /// The document is not a municipality's own (a national report or guide), which lowered it
    /// ([`Weights::other_issuer`](crate::config::Weights::other_issuer)).
    OtherIssuer {
        /// Who issued it, as the document's metadata names them.
        issuer: String,
    },
    /// The agenda item reports the status or evaluation of work under way, which lifted it
    /// ([`Weights::status_stage`](crate::config::Weights::status_stage)).
    StatusStage,
    /// The document's title names money or a consultation (lifted), or a report on the past
    /// or an orientation (pushed down); see [`crate::kind`].
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
            Reason::Opening { .. } => "civil_society_opening",
            Reason::Internal => "internal_matter",
            Reason::Request => "political_request",
            Reason::CloseWording { .. } => "close_wording",
            Reason::Excluded { .. } => "excluded",
            Reason::OtherStage { .. } => "other_stage",
            Reason::OtherIssuer { .. } => "other_issuer",
            Reason::StatusStage => "status_stage",
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
            Reason::Opening { field: f, term } => t!(
                lang,
                "reason-civil_society_opening",
                field = field(f),
                term = term.as_str()
            ),
            Reason::Internal => t!(lang, "reason-internal_matter"),
            Reason::Request => t!(lang, "reason-political_request"),
            Reason::CloseWording { within } => t!(lang, "reason-close_wording", count = *within),
            Reason::Excluded { term } => t!(lang, "reason-excluded", term = term.as_str()),
            Reason::OtherStage { about } => t!(lang, "reason-other_stage", about = about.key()),
            Reason::OtherIssuer { issuer } => {
                t!(lang, "reason-other_issuer", issuer = issuer.as_str())
            }
            Reason::StatusStage => t!(lang, "reason-status_stage"),
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
    /// 0.01 to 1), by what the document's title says it is (times 1.75 for money or a
    /// consultation, 0.25 for a report on the past or an orientation; see [`crate::kind`]), by
    /// who issued it and by where its item's case stands. Suggestions come in its order,
    /// highest first.
    pub score: f32,
    /// The score by the profile's entries alone (themes, activities, target groups and
    /// description words, their context and the page's); never below the floor
    /// ([`crate::Options::min_score`], by default [`crate::SCORE_FLOOR`]).
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
