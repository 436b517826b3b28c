//! Life stages: whether a text is about children and young people or about older people.
//!
//! An association that works mainly for one stage of life (its target groups say so) is
//! rarely helped by a page about the other one: the municipality's work against loneliness
//! among pupils is a different programme, run by different civil servants, from its work
//! against loneliness among the elderly, though the theme words are the same. Ranking reads
//! which stages a page names ([`StageWords::named`]) and pushes down a page that names only
//! the other stage (the ranking weighs it in its page context).

use crate::config::StageConfig;
use crate::occurrence::Occurrences;
use crate::query::analyze;
use std::collections::BTreeSet;
use tantivy::tokenizer::TextAnalyzer;

/// A stage of life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Children, pupils and young people.
    Young,
    /// Older people, pensioners, residents of care homes.
    Old,
}

impl Stage {
    /// The other stage.
    pub fn other(self) -> Stage {
        match self {
            Stage::Young => Stage::Old,
            Stage::Old => Stage::Young,
        }
    }

    /// The stage's key in messages and JSON: "young", "old".
    pub fn key(self) -> &'static str {
        match self {
            Stage::Young => "young",
            Stage::Old => "old",
        }
    }
}

/// The analysed words of each stage ([`StageConfig`]); compounds count through their
/// parts ("skolebørn", "ældrerådet", "plejehjemsbeboere").
#[derive(Debug, Clone, Default)]
pub(crate) struct StageWords {
    young: BTreeSet<String>,
    old: BTreeSet<String>,
}

/// The stages a text names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Named {
    /// Names children or young people.
    pub young: bool,
    /// Names older people.
    pub old: bool,
}

impl Named {
    /// Whether `stage` is named.
    pub fn has(self, stage: Stage) -> bool {
        match stage {
            Stage::Young => self.young,
            Stage::Old => self.old,
        }
    }

    /// Both texts' stages.
    pub fn or(self, other: Named) -> Named {
        Named {
            young: self.young || other.young,
            old: self.old || other.old,
        }
    }
}

impl StageWords {
    /// The stage words as `analyzer` indexes them (the whole word of each).
    pub fn new(analyzer: &mut TextAnalyzer, words: &StageConfig) -> StageWords {
        let mut stems = |words: &[String]| -> BTreeSet<String> {
            words
                .iter()
                .filter_map(|w| analyze(analyzer, w).into_iter().next())
                .map(|t| t.text)
                .collect()
        };
        StageWords {
            young: stems(&words.young),
            old: stems(&words.old),
        }
    }

    /// Every stage word, for reading positions from the index.
    pub fn all(&self) -> impl Iterator<Item = &String> {
        self.young.iter().chain(&self.old)
    }

    /// The stages of which `has` holds a word.
    fn named_by(&self, has: impl Fn(&str) -> bool) -> Named {
        Named {
            young: self.young.iter().any(|w| has(w)),
            old: self.old.iter().any(|w| has(w)),
        }
    }

    /// The stages named in analysed occurrences.
    pub fn named(&self, occ: &Occurrences) -> Named {
        self.named_by(|w| occ.contains_key(w))
    }

    /// The stages named in `text`.
    pub fn named_in(&self, analyzer: &mut TextAnalyzer, text: &str) -> Named {
        let tokens: BTreeSet<String> = analyze(analyzer, text)
            .into_iter()
            .map(|t| t.text)
            .collect();
        self.named_by(|w| tokens.contains(w))
    }

    /// The stage a profile mainly works for: the one that at least half of its target groups
    /// name, when none names the other. `None` when the target groups do not say.
    pub fn of_profile(
        &self,
        analyzer: &mut TextAnalyzer,
        target_groups: &[String],
    ) -> Option<Stage> {
        let groups: Vec<Named> = target_groups
            .iter()
            .map(|g| self.named_in(analyzer, g))
            .collect();
        let young = groups.iter().filter(|n| n.young).count();
        let old = groups.iter().filter(|n| n.old).count();
        match (young, old) {
            (y, 0) if y > 0 && y * 2 >= groups.len() => Some(Stage::Young),
            (0, o) if o > 0 && o * 2 >= groups.len() => Some(Stage::Old),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyzer() -> TextAnalyzer {
        policymatch_core::analysis::danish_analyzer()
    }

    fn group(term: &str) -> String {
        term.to_string()
    }

    #[test]
    fn compounds_name_their_stage() {
        let mut a = analyzer();
        let s = StageWords::new(&mut a, &StageConfig::default());
        let n = s.named_in(&mut a, "Tilbud til skolebørn og deres forældre");
        assert_eq!(
            n,
            Named {
                young: true,
                old: false
            }
        );
        let n = s.named_in(&mut a, "Plejehjemsbeboere og ældrerådet");
        assert_eq!(
            n,
            Named {
                young: false,
                old: true
            }
        );
        // "forældre" is not "for" + "ældre"
        let n = s.named_in(&mut a, "Forældre og bedsteforældre");
        assert_eq!(n, Named::default());
    }

    #[test]
    fn a_profile_has_a_stage_when_half_its_groups_name_it() {
        let mut a = analyzer();
        let s = StageWords::new(&mut a, &StageConfig::default());
        let elderly = [
            group("ældre"),
            group("enlige"),
            group("hjemmeboende ældre"),
            group("enker"),
        ];
        assert_eq!(s.of_profile(&mut a, &elderly), Some(Stage::Old));
        let sport = [group("børn"), group("unge"), group("foreninger")];
        assert_eq!(s.of_profile(&mut a, &sport), Some(Stage::Young));
        // one group of three is not the profile's main audience
        let relatives = [
            group("pårørende"),
            group("familier"),
            group("børn af syge forældre"),
        ];
        assert_eq!(s.of_profile(&mut a, &relatives), None);
        // both stages: no stage
        let both = [group("børn"), group("ældre")];
        assert_eq!(s.of_profile(&mut a, &both), None);
    }
}
