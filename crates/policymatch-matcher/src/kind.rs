//! Item kinds: what a document's title says the document is.
//!
//! The title of an agenda item or a paper names its business: "Fordeling af §79-midler",
//! "Høring over udkast til værdighedspolitik", "Socialtilsynets tilsynsrapport",
//! "Årsregnskab og årsberetning", "Orientering om hjemløse i Greve 2022". An association
//! looks for money it can apply for and consultations it can answer; a supervision report or
//! a set of accounts looks back, and an item its title calls an orientation exists to inform
//! the committee (figures, a count, news), which takes note of it. Those seldom leave an
//! opening, however many of the association's words they contain; nor does a matter internal
//! to the administration ("Kompetenceløft af medarbejdere"). Ranking lifts the first two and
//! lowers the others (by
//! [`Weights::offer_title`](crate::config::Weights::offer_title),
//! [`Weights::report_title`](crate::config::Weights::report_title),
//! [`Weights::orientation_title`](crate::config::Weights::orientation_title) and
//! [`Weights::internal_title`](crate::config::Weights::internal_title)), and the reasons say
//! so.
//!
//! The title says what the item is for. Where its case stands (draft, consultation,
//! approval, status, orientation) is another question, decided once from the caption and the
//! recommendation by `policymatch_core::process::stage_of`: an item can be taken note of
//! without being an orientation by its title ("Opfølgning på hjemløsetællingen", which
//! answers the committee's question), and those are often where an association is heard.
//!
//! This is the ranking's fifth stage (`apply`), after the wording.

use crate::candidate::Candidate;
use crate::config::{KindConfig, RankConfig, Weights};
use policymatch_core::deadlines::{is_money_word, title_names_consultation};
use policymatch_core::intent::words;
use policymatch_core::metadata::issuer_is_municipal;
use policymatch_core::process::Stage;
use serde::Serialize;

/// What a title says its document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// Money to apply for or to be shared out: a pool, a grant, an appropriation.
    Funding,
    /// A public consultation.
    Consultation,
    /// A look back: a supervision report, accounts, an annual report.
    Report,
    /// Information to the committee, by the title's own word: "Orientering om …".
    Orientation,
    /// A matter internal to the administration: its staff's training, its organisation, its
    /// rules for granting services ("Kompetenceløft af medarbejdere på børneområdet").
    Internal,
}

impl ItemKind {
    /// The kind's key in messages and JSON: "funding", "consultation", "report",
    /// "orientation", "internal".
    pub fn key(self) -> &'static str {
        match self {
            ItemKind::Funding => "funding",
            ItemKind::Consultation => "consultation",
            ItemKind::Report => "report",
            ItemKind::Orientation => "orientation",
            ItemKind::Internal => "internal",
        }
    }

    /// Whether the kind opens a door to an association (money, a consultation).
    pub fn is_offer(self) -> bool {
        matches!(self, ItemKind::Funding | ItemKind::Consultation)
    }
}

fn is_report(word: &str, words: &KindConfig) -> bool {
    words.report.iter().any(|p| word.contains(p.as_str()))
        && !words.policy.iter().any(|h| word.ends_with(h.as_str()))
}

fn is_orientation(word: &str, words: &KindConfig) -> bool {
    words.orientation.iter().any(|p| word.contains(p.as_str()))
}

fn is_money(word: &str, words: &KindConfig) -> bool {
    is_money_word(word) || words.money.iter().any(|m| word.contains(m.as_str()))
}

/// The kinds `title` names under the default words, in [`ItemKind`] order, each once (see
/// [`of_title_with`]).
pub fn of_title(title: &str) -> Vec<ItemKind> {
    of_title_with(title, &KindConfig::default())
}

/// The kinds `title` names, in [`ItemKind`] order, each once, with the title words of
/// `cfg`.
pub fn of_title_with(title: &str, cfg: &KindConfig) -> Vec<ItemKind> {
    let mut kinds = Vec::new();
    if title_names_consultation(&title.to_lowercase()) {
        kinds.push(ItemKind::Consultation);
    }
    for (word, _, _) in words(title) {
        let word = word.as_str();
        if is_money(word, cfg) {
            kinds.push(ItemKind::Funding);
        }

        if is_report(word, cfg) {
            kinds.push(ItemKind::Report);
        }
        if is_orientation(word, cfg) {
            kinds.push(ItemKind::Orientation);
        }
        if policymatch_core::intent::is_internal_word(word) {
            kinds.push(ItemKind::Internal);
        }
    }
    kinds.sort();
    kinds.dedup();
    kinds
}

/// The factor for what a document's title says it is: [`Weights::offer_title`] when it
/// names money or a consultation, times [`Weights::report_title`] when it names a report on
/// the past, times [`Weights::orientation_title`] when it names an orientation, times
/// [`Weights::internal_title`] when it names a matter internal to the administration, 1 when
/// it names none of them.
pub(crate) fn factor(kinds: &[ItemKind], w: &Weights) -> f32 {
    let by = |named: bool, f: f32| if named { f } else { 1.0 };
    by(kinds.iter().any(|k| k.is_offer()), w.offer_title)
        * by(kinds.contains(&ItemKind::Report), w.report_title)
        * by(kinds.contains(&ItemKind::Orientation), w.orientation_title)
        * by(kinds.contains(&ItemKind::Internal), w.internal_title)
}

/// Whether a document with the `municipality` field is known to be issued by someone else
/// than a municipality (see [`policymatch_core::metadata::issuer_is_municipal`]).
pub fn other_issuer(municipality: &str) -> bool {
    issuer_is_municipal(municipality) == Some(false)
}

/// The factor for who issued a document: [`Weights::other_issuer`] when it is known not to be
/// a municipality ([`other_issuer`]), 1 otherwise.
pub(crate) fn issuer_factor(municipality: &str, w: &Weights) -> f32 {
    if other_issuer(municipality) {
        w.other_issuer
    } else {
        1.0
    }
}

/// The kinds that weigh for a passage whose document's title names `kinds`: all of them,
/// except an orientation when the passage holds a political request (`request`): a
/// committee that asks for more has found something to act on in what it was told.
pub(crate) fn weighed(kinds: &[ItemKind], request: bool) -> Vec<ItemKind> {
    kinds
        .iter()
        .copied()
        .filter(|k| !(request && *k == ItemKind::Orientation))
        .collect()
}

/// The factor for where an item's case stands ([`Weights::status_stage`] for a status or
/// evaluation of work under way, 1 otherwise).
pub(crate) fn stage_factor(stage: Option<Stage>, w: &Weights) -> f32 {
    if stage == Some(Stage::Status) {
        w.status_stage
    } else {
        1.0
    }
}

/// The stage: each candidate's final ranking score is its score after the wording times the
/// factor of its document's title ([`factor`] of the [`weighed`] kinds), of its issuer
/// ([`issuer_factor`]) and of its item's stage ([`stage_factor`]); the title is read once
/// per page (`pages` pages; a candidate's `page` indexes them).
pub(crate) fn apply(items: &mut [Candidate], pages: usize, cfg: &RankConfig) {
    let mut of_page: Vec<Option<Vec<ItemKind>>> = vec![None; pages];
    for c in items {
        let doc = &c.passage.document;
        let read;
        let kinds = match of_page.get_mut(c.page) {
            Some(slot) => slot.get_or_insert_with(|| of_title_with(&doc.title, &cfg.kind)),
            None => {
                read = of_title_with(&doc.title, &cfg.kind);
                &read
            }
        };
        let w = &cfg.weights;
        let f = factor(&weighed(kinds, c.features.request), w)
            * issuer_factor(&doc.municipality, w)
            * stage_factor(c.passage.facts.stage, w);
        c.scores.ranking = c.scores.worded * f;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_in_compounds_is_funding() {
        for title in [
            "Fordeling af §79-midler 2024",
            "Ansøgning om projektmidler",
            "Fritidspuljerne 2025",
            "Driftstilskud til foreninger",
            "Tillægsbevilling til ældreområdet",
            "Udmøntning af fondsmidlerne",
        ] {
            assert_eq!(of_title(title), vec![ItemKind::Funding], "{title}");
        }
    }

    #[test]
    fn means_that_are_not_money_are_not_funding() {
        for title in [
            "Hjælpemidler til borgere med handicap",
            "Unge og rusmidler",
            "Lægemidler på plejecentre",
            "Virkemidler i ældrepolitikken",
            "Midlertidige pladser",
        ] {
            assert!(of_title(title).is_empty(), "{title}");
        }
    }

    #[test]
    fn consultations_and_reports_are_told_apart() {
        assert_eq!(
            of_title("Høringssvar til værdighedspolitikken"),
            vec![ItemKind::Consultation]
        );
        assert_eq!(
            of_title("Socialtilsyn Østs tilsyn på Greve Rusmiddelcenter"),
            vec![ItemKind::Report]
        );
        assert_eq!(
            of_title("FrivilligCenter - årsregnskab og årsberetning 2022"),
            vec![ItemKind::Report]
        );
        assert_eq!(
            of_title("Regnskab for puljemidler"),
            vec![ItemKind::Funding, ItemKind::Report]
        );
        assert!(of_title("Værdighedspolitik 2023-2026").is_empty());
        assert!(of_title("Tilsynspolitik for ældreplejen").is_empty());
        assert!(ItemKind::Funding.is_offer() && !ItemKind::Report.is_offer());
    }

    #[test]
    fn the_title_kind_lifts_offers_and_lowers_reports() {
        let w = Weights::default();
        assert_eq!(factor(&[], &w), 1.0);
        assert_eq!(factor(&[ItemKind::Funding], &w), w.offer_title);
        // money and a consultation are one opening, not two
        assert_eq!(
            factor(&[ItemKind::Funding, ItemKind::Consultation], &w),
            w.offer_title
        );
        assert_eq!(factor(&[ItemKind::Report], &w), w.report_title);
        // the figures the documentation gives (kind.rs, Suggestion::score, the README)
        assert_eq!(
            (w.offer_title, w.report_title, w.orientation_title),
            (1.75, 0.25, 0.25)
        );
        let both = factor(&[ItemKind::Funding, ItemKind::Report], &w);
        assert!((both - w.offer_title * w.report_title).abs() < 1e-6);
    }

    #[test]
    fn an_orientation_by_its_title_is_lowered_unless_the_passage_asks_for_more() {
        for title in [
            "Orientering om hjemløse i Greve 2022",
            "Hjemløsetælling 2024 - orientering",
            "Orienteringssag om ventelister",
        ] {
            assert_eq!(of_title(title), vec![ItemKind::Orientation], "{title}");
        }
        // taking note is not in the title: where the case stands is `process::stage_of`'s
        assert!(of_title("Opfølgning på hjemløsetællingen 2024").is_empty());
        let w = Weights::default();
        let kinds = of_title("Hjemløsetælling 2024 - orientering");
        assert_eq!(factor(&weighed(&kinds, false), &w), w.orientation_title);
        assert!(w.orientation_title < 1.0);
        // the committee asks for a case in it: the orientation opened something
        assert!(weighed(&kinds, true).is_empty());
        assert_eq!(factor(&weighed(&kinds, true), &w), 1.0);
        // a pool in an orientation's title keeps its lift when a request is there
        let both = of_title("Orientering om puljemidler");
        assert_eq!(weighed(&both, true), vec![ItemKind::Funding]);
    }

    #[test]
    fn a_title_naming_an_internal_matter_is_lowered() {
        let title = "Indtægts- og udgiftsbevilling vedr. kompetenceløft af medarbejdere";
        assert_eq!(of_title(title), vec![ItemKind::Funding, ItemKind::Internal]);
        let w = Weights::default();
        assert!(w.internal_title < 1.0);
        let f = factor(&of_title(title), &w);
        assert!((f - w.offer_title * w.internal_title).abs() < 1e-6);
        assert!(of_title("Internationalt samarbejde om ældre").is_empty());
        assert_eq!(
            of_title("Ny organisering af hjemmeplejen"),
            vec![ItemKind::Internal]
        );
    }

    #[test]
    fn a_status_of_work_under_way_is_lifted_and_other_stages_are_left_alone() {
        let w = Weights::default();
        assert_eq!(stage_factor(Some(Stage::Status), &w), w.status_stage);
        assert!(w.status_stage > 1.0);
        for other in [
            None,
            Some(Stage::Draft),
            Some(Stage::Consultation),
            Some(Stage::Approval),
            Some(Stage::Orientation),
        ] {
            assert_eq!(stage_factor(other, &w), 1.0, "{other:?}");
        }
    }

    #[test]
    fn a_document_of_another_issuer_than_a_municipality_is_lowered() {
        let w = Weights::default();
        assert_eq!(
            issuer_factor("KL (Kommunernes Landsforening)", &w),
            w.other_issuer
        );
        assert_eq!(
            issuer_factor("Digitaliseringsstyrelsen", &w),
            w.other_issuer
        );
        assert!(w.other_issuer < 1.0);
        // a municipality's own paper, and one whose issuer is not known, are left alone
        assert_eq!(issuer_factor("Greve Kommune", &w), 1.0);
        assert_eq!(issuer_factor("", &w), 1.0);
        assert!(other_issuer("OS2 (municipal IT association)") && !other_issuer(""));
    }
}
