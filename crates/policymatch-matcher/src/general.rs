//! Which words of a profile's description carry meaning.
//!
//! A description is free Danish text: beside "besøgsvenner" and "fællesspisning" it holds
//! the words every description holds, "kommer", "holdes", "ønsker", "sammen", "borgere". The
//! analyzer already drops stop words ("og", "der", "som"); this is the list of common verbs and
//! general words that are not stop words but say nothing about what an association does. A
//! description word in it is no evidence for a match: it is not shown as a reason, not
//! highlighted, and does not count in the ranking. This module is the one place that decides.

use std::collections::HashSet;
use tantivy::tokenizer::TextAnalyzer;

/// Common verbs and general words, as written; they are compared by their stems, so one form
/// covers its inflections ("komme" covers "kommer", "kom").
const GENERAL: &[&str] = &[
    // common verbs
    "komme",
    "kommer",
    "kom",
    "holde",
    "holdes",
    "holder",
    "gøre",
    "gør",
    "få",
    "får",
    "give",
    "giver",
    "tage",
    "tager",
    "gå",
    "går",
    "stå",
    "står",
    "ligge",
    "ligger",
    "sidde",
    "sidder",
    "sætte",
    "sætter",
    "finde",
    "finder",
    "se",
    "ser",
    "vise",
    "viser",
    "bruge",
    "bruges",
    "ønske",
    "ønsker",
    "ønskes",
    "skabe",
    "skaber",
    "lave",
    "laver",
    "mødes",
    "arbejde",
    "arbejder",
    "hjælpe",
    "hjælper",
    "tilbyde",
    "tilbyder",
    "tilbydes",
    "arrangere",
    "arrangerer",
    "sikre",
    "sikrer",
    "styrke",
    "styrker",
    "deltage",
    "deltager",
    "bo",
    "bor",
    "leve",
    "lever",
    "opleve",
    "oplever",
    "føle",
    "føler",
    "blive",
    "bliver",
    "være",
    "er",
    "have",
    "har",
    "bidrage",
    "bidrager",
    "samle",
    "samler",
    "mangle",
    "mangler",
    // general words
    "mest",
    "flest",
    "flere",
    "mange",
    "meget",
    "mere",
    "sammen",
    "andre",
    "anden",
    "andet",
    "borger",
    "borgere",
    "borgerne",
    "menneske",
    "mennesker",
    "person",
    "personer",
    "folk",
    "alle",
    "hver",
    "hvert",
    "hele",
    "del",
    "dele",
    "fast",
    "faste",
    "gerne",
    "godt",
    "god",
    "gode",
    "bedre",
    "bedst",
    "ny",
    "nye",
    "stor",
    "store",
    "lille",
    "små",
    "tid",
    "år",
    "dag",
    "dage",
    "uge",
    "ugen",
    "måned",
    "gang",
    "gange",
    "sted",
    "steder",
    "ting",
    "måde",
    "hinanden",
    "blandt",
    "både",
    "også",
    "omkring",
    "igennem",
    "via",
    "lokal",
    "lokale",
    "lokalt",
    "forening",
    "foreningen",
    "vores",
    "jeres",
    "mulighed",
    "muligheder",
    "brug",
    "behov",
];

/// The stems of [`GENERAL`] under one analyzer.
#[derive(Debug, Clone)]
pub(crate) struct GeneralWords {
    stems: HashSet<String>,
}

impl GeneralWords {
    /// The list's stems as `analyzer` makes them (the index's own analyzer, so that they
    /// compare with the profile's description words).
    pub fn new(analyzer: &mut TextAnalyzer) -> GeneralWords {
        let mut stems = HashSet::new();
        for word in GENERAL {
            // the first token is the whole word (compound parts follow it)
            let mut stream = analyzer.token_stream(word);
            if stream.advance() {
                stems.insert(stream.token().text.clone());
            }
        }
        GeneralWords { stems }
    }

    /// Whether a description word, its stem `stem` and its written form `written`, says
    /// nothing about what an association does.
    pub fn contains(&self, stem: &str, written: &str) -> bool {
        self.stems.contains(stem) || GENERAL.contains(&written.to_lowercase().as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_verbs_and_general_words_are_general_and_activities_are_not() {
        let mut analyzer = policymatch_core::analysis::danish_analyzer();
        let general = GeneralWords::new(&mut analyzer);
        let mut stem = |w: &str| {
            let mut s = analyzer.token_stream(w);
            let mut first = String::new();
            if s.advance() {
                first = s.token().text.clone();
            }
            first
        };
        for w in [
            "kommer", "komme", "holdes", "mest", "ønsker", "sammen", "borgere", "andre",
        ] {
            assert!(general.contains(&stem(w), w), "{w}");
        }
        for w in [
            "besøgsvenner",
            "telefonkæde",
            "fællesspisning",
            "ensomhed",
            "gåture",
            "ældre",
        ] {
            assert!(!general.contains(&stem(w), w), "{w}");
        }
    }
}
