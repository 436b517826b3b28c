//! Which words of a profile's description carry meaning.
//!
//! A description is free Danish text: beside "besøgsvenner" and "fællesspisning" it holds
//! the words every description holds, "kommer", "holdes", "ønsker", "sammen", "borgere". The
//! analyzer already drops stop words ("og", "der", "som"); the configuration holds the list of
//! common verbs and general words ([`ConceptConfig::general_words`](crate::config::ConceptConfig::general_words)) that are not stop words
//! but say nothing about what an association does. A description word in it is no evidence for a match: it is not shown as a reason, not
//! highlighted, and does not count in the ranking. This module is the one place that decides.

use std::collections::HashSet;
use tantivy::tokenizer::TextAnalyzer;

/// The stems of the general words ([`ConceptConfig::general_words`](crate::config::ConceptConfig::general_words)) under one analyzer.
#[derive(Debug, Clone)]
pub(crate) struct GeneralWords {
    stems: HashSet<String>,
    written: HashSet<String>,
}

impl GeneralWords {
    /// The list's stems as `analyzer` makes them (the index's own analyzer, so that they
    /// compare with the profile's description words).
    pub fn new(analyzer: &mut TextAnalyzer, words: &[String]) -> GeneralWords {
        let mut stems = HashSet::new();
        for word in words {
            // the first token is the whole word (compound parts follow it)
            let mut stream = analyzer.token_stream(word);
            if stream.advance() {
                stems.insert(stream.token().text.clone());
            }
        }
        GeneralWords {
            stems,
            written: words.iter().map(|w| w.to_lowercase()).collect(),
        }
    }

    /// Whether a description word, its stem `stem` and its written form `written`, says
    /// nothing about what an association does.
    pub fn contains(&self, stem: &str, written: &str) -> bool {
        self.has_stem(stem) || self.written.contains(&written.to_lowercase())
    }

    /// Whether `stem` is the stem of a general word (for a word whose written form is not at
    /// hand, such as a word of a profile phrase).
    pub fn has_stem(&self, stem: &str) -> bool {
        self.stems.contains(stem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_verbs_and_general_words_are_general_and_activities_are_not() {
        let mut analyzer = policymatch_core::analysis::danish_analyzer();
        let general = GeneralWords::new(
            &mut analyzer,
            &crate::config::ConceptConfig::default().general_words,
        );
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
