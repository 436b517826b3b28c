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
//! Near-duplicates are shown once, no page gives more than one suggestion, and one agenda
//! item shows at most four pages (its further pages are listed under its best one). Suggestions
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

mod candidate;
pub mod config;
mod context;
pub mod diversity;
mod error;
pub mod eval;
mod explain;
mod features;
mod gather;
mod general;
pub mod intent;
pub mod kind;
mod occurrence;
mod par;
pub mod profile;
mod query;
pub mod report;
mod retrieve;
mod stage;
mod suggestion;
pub mod text;
pub mod who;
mod wording;

pub use config::RankConfig;
pub use error::{Error, Result};
pub use intent::Intent;
pub use kind::ItemKind;
pub use policymatch_i18n::Lang;
pub use profile::{ContactPerson, Profile, ProfileError};
pub use query::ProfileField;
pub use stage::Stage as StageOfLife;
pub use suggestion::{Matched, Place, Reason, Suggestion};

use policymatch_core::index::PolicyIndex;
use policymatch_core::index::search::Filters;

/// Suggestions whose feature score ([`Suggestion::feature_score`]) is below this are never
/// shown. A passage that names one theme of ordinary rarity once, in no particular context,
/// on a page that also names a target group, scores about 5; one that names only target
/// groups or description words scores below 2.
pub const SCORE_FLOOR: f32 = 2.0;

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
    ///
    /// The ranking's stages run in order, each in its own module (see the crate's private
    /// `candidate` module for what each one writes): retrieve, features, page context,
    /// wording, document kind, diversity; the picked candidates are then shown.
    pub fn suggest(&self, profile: &Profile, options: &Options) -> Result<Vec<Suggestion>> {
        let mut analyzer = self
            .index
            .tantivy()
            .tokenizers()
            .get(policymatch_core::analysis::DANISH)
            .ok_or_else(|| Error::Analyzer(policymatch_core::analysis::DANISH.into()))?;
        if options.top == 0 {
            return Ok(Vec::new());
        }
        let cfg = &self.config;
        let filters = Matcher::filters(profile, options);
        let limit = options.candidates.max(options.top);
        let Some(retrieved) =
            retrieve::retrieve(self.index, cfg, profile, &filters, limit, &mut analyzer)?
        else {
            return Ok(Vec::new());
        };
        let retrieve::Retrieved {
            concepts,
            excludes,
            mut items,
            stage,
            doc_pages,
        } = retrieved;
        features::apply(&mut items, &concepts, &excludes, cfg);
        let asks = context::Asks::of(&concepts, stage);
        let (mut items, pages) = context::apply(items, asks, options.min_score, &cfg.weights);
        wording::apply(&mut items, &pages, &cfg.weights);
        kind::apply(&mut items, pages.len(), cfg);
        items.sort_by(|a, b| {
            b.scores
                .ranking
                .total_cmp(&a.scores.ranking)
                .then_with(|| b.scores.fused.total_cmp(&a.scores.fused))
                .then_with(|| a.passage.document.path.cmp(&b.passage.document.path))
                .then_with(|| a.passage.ordinal.cmp(&b.passage.ordinal))
        });
        let picked = diversity::pick(items, options.top, &cfg.diversity);
        let shower = explain::Shower {
            concepts: &concepts,
            excludes: &excludes,
            doc_pages: &doc_pages,
            cfg,
        };
        let mut plain = policymatch_core::analysis::stemming_analyzer();
        Ok(picked
            .into_iter()
            .map(|(c, also_in)| shower.show(&mut analyzer, &mut plain, c, also_in))
            .collect())
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
    fn postings_and_text_give_the_same_features() -> TestResult {
        let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus-samples");
        let tmp = tempfile::tempdir()?;
        let index = PolicyIndex::open_or_create(&tmp.path().join("idx"))?;
        index_paths(
            &index,
            std::slice::from_ref(&samples),
            &IndexOptions::default(),
        )?;
        index.reload()?;
        let cfg = RankConfig::default();
        let mut analyzer = index
            .tantivy()
            .tokenizers()
            .get(policymatch_core::analysis::DANISH)
            .ok_or("the Danish analyzer is registered at open")?;
        let mut compared = 0;
        for name in ["ensomhed", "demens-paaroerende", "idraet-unge"] {
            let profile = Profile::load(&samples.join(format!("profiles/{name}.toml")))?;
            let filters = Matcher::filters(&profile, &Options::default());
            let c = retrieve::retrieve(&index, &cfg, &profile, &filters, 300, &mut analyzer)?
                .ok_or("the profile has concepts")?;
            assert!(!c.items.is_empty(), "{name}: no candidates");
            for (p, seen) in c.items.iter().map(|c| (&c.passage, &c.seen)) {
                let fast = features::features(&c.concepts, &c.excludes, seen, &cfg);
                let again =
                    features::observe(&mut analyzer, &p.text, &p.heading, &p.document.title);
                let slow = features::features(&c.concepts, &c.excludes, &again, &cfg);
                assert_eq!(seen.marks, again.marks, "{name}: {}", p.text);
                assert!(
                    (fast.score - slow.score).abs() <= 1e-4 * slow.score.max(1.0),
                    "{name}: {} vs {} for {}",
                    fast.score,
                    slow.score,
                    p.text
                );
                let key = |f: &candidate::Features| {
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
        Ok(())
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
                     styrke samarbejdet med de frivillige foreninger mod ensomhed i årene."
                        .into(),
                ),
                (
                    // an opening on something else than the theme: civil society named
                    "andet.txt".into(),
                    "Ensomhed\n\nKommunen ønsker mindre ensomhed i alle aldre. Desuden søges et \
                     tættere samarbejde med foreningslivet om vejenes vedligehold og skilte."
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
        assert_eq!(order, ["aaben.txt", "andet.txt", "plain.txt", "intern.txt"]);
        let codes = |i: usize| -> Vec<&str> { found[i].reasons.iter().map(Reason::code).collect() };
        assert!(
            codes(0).contains(&"civil_society_opening"),
            "{:?}",
            codes(0)
        );
        assert!(!codes(0).contains(&"civil_society"), "{:?}", codes(0));
        assert!(codes(1).contains(&"civil_society"), "{:?}", codes(1));
        assert!(
            !codes(1).contains(&"civil_society_opening"),
            "{:?}",
            codes(1)
        );
        assert!(codes(3).contains(&"internal_matter"), "{:?}", codes(3));
        assert!(!codes(2).contains(&"internal_matter"));
        // in the reader's language
        let opening = found[0]
            .reasons
            .iter()
            .find(|r| r.code() == "civil_society_opening")
            .map(|r| r.text(Lang::Da));
        assert_eq!(
            opening.as_deref(),
            Some(
                "kommunen vil samarbejde med frivillige, foreninger eller civilsamfundet om tema \
                 »ensomhed«"
            )
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
