//! Item kinds: what a document's title says the document is.
//!
//! The title of an agenda item or a paper names its business: "Fordeling af §79-midler",
//! "Høring over udkast til værdighedspolitik", "Socialtilsynets tilsynsrapport",
//! "Årsregnskab og årsberetning". An association looks for money it can apply for and
//! consultations it can answer; a supervision report or a set of accounts looks back and
//! seldom leaves an opening, however many of the association's words it contains. Ranking
//! lifts the first two (× 1.75) and lowers the last (× 0.5), and the reasons say so.

use policymatch_core::deadlines::{is_money_word, title_names_consultation};
use policymatch_core::intent::words;
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
}

impl ItemKind {
    /// The kind's key in messages and JSON: "funding", "consultation", "report".
    pub fn key(self) -> &'static str {
        match self {
            ItemKind::Funding => "funding",
            ItemKind::Consultation => "consultation",
            ItemKind::Report => "report",
        }
    }

    /// Whether the kind opens a door to an association (money, a consultation).
    pub fn is_offer(self) -> bool {
        matches!(self, ItemKind::Funding | ItemKind::Consultation)
    }
}

/// Parts of words that name money besides what [`is_money_word`] knows: "projektansøgning".
const APPLICATION: &str = "ansøgning";

/// Parts of words that name a report on the past: "tilsyn", "socialtilsyn", "årsregnskab",
/// "anlægsregnskab", "årsberetning".
const REPORT: &[&str] = &["tilsyn", "regnskab", "årsberetning"];

/// Heads of compounds that make a document a policy, not a report, whatever it is about:
/// "tilsynspolitik", "regnskabsstrategi", "tilsynsplan" (a Danish compound is what its last
/// part says).
const POLICY: &[&str] = &["politik", "strategi", "plan", "planen"];

fn is_report(word: &str) -> bool {
    REPORT.iter().any(|p| word.contains(p)) && !POLICY.iter().any(|h| word.ends_with(h))
}

fn is_money(word: &str) -> bool {
    is_money_word(word) || word.contains(APPLICATION)
}

/// The kinds `title` names, in [`ItemKind`] order, each once.
pub fn of_title(title: &str) -> Vec<ItemKind> {
    let mut kinds = Vec::new();
    if title_names_consultation(&title.to_lowercase()) {
        kinds.push(ItemKind::Consultation);
    }
    for (word, _, _) in words(title) {
        let word = word.as_str();
        if is_money(word) {
            kinds.push(ItemKind::Funding);
        }

        if is_report(word) {
            kinds.push(ItemKind::Report);
        }
    }
    kinds.sort();
    kinds.dedup();
    kinds
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
}
