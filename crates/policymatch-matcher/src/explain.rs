//! Showing a picked candidate: the suggestion a person reads, with the profile terms it
//! matched, its reasons in order of strength and the words to highlight.
//!
//! Ranking observed each candidate from the index's postings; a shown one is observed again
//! from its text (with the marks the index stored for it), which gives the same features plus
//! the byte ranges to highlight. The reasons of the later stages (page context, wording,
//! document kind) come from what those stages recorded on the candidate.

use crate::candidate::{Candidate, Features};
use crate::config::RankConfig;
use crate::features;
use crate::kind;
use crate::query::{Concept, ProfileField};
use crate::suggestion::{Matched, Place, Reason, Suggestion};
use policymatch_core::index::records::PassageRecord;
use std::collections::HashMap;
use tantivy::tokenizer::TextAnalyzer;

/// What showing needs besides the candidate: the profile's concepts and exclude terms, the
/// page counts of the candidates' documents, the analyzer and the settings.
pub(crate) struct Shower<'a> {
    /// The profile's concepts.
    pub concepts: &'a [Concept],
    /// The profile's exclude terms.
    pub excludes: &'a [Concept],
    /// Pages of each candidate's document, by document id.
    pub doc_pages: &'a HashMap<String, u64>,
    /// The settings ranking used.
    pub cfg: &'a RankConfig,
}

impl Shower<'_> {
    /// The suggestion of the picked candidate `c`, with `also_in` its other places, observed
    /// with the index's Danish `analyzer` and the `words` field's `plain` one.
    pub fn show(
        &self,
        analyzer: &mut TextAnalyzer,
        plain: &mut TextAnalyzer,
        c: Candidate,
        also_in: Vec<Place>,
    ) -> Suggestion {
        let cfg = self.cfg;
        let w = &cfg.weights;
        let Candidate {
            passage,
            seen,
            scores,
            by_wording,
            other_stage,
            ..
        } = c;
        // observed again from the text: the same features, with byte ranges
        let mut seen = features::observe_marked(
            analyzer,
            plain,
            &passage.text,
            &passage.heading,
            &passage.document.title,
            seen.marks,
        );
        seen.doc_pages = self
            .doc_pages
            .get(&passage.document.doc_id)
            .copied()
            .unwrap_or(0);
        let feats = features::features(self.concepts, self.excludes, &seen, cfg);
        let feats_request = feats.request;
        let mut s = explain(passage, feats, self.concepts, self.excludes);
        if by_wording.is_some_and(|r| r < w.close_wording) {
            s.reasons.push(Reason::CloseWording {
                within: w.close_wording,
            });
        }
        if let Some(other) = other_stage {
            s.reasons.push(Reason::OtherStage { about: other });
        }
        // money or a consultation weighs as much as the strongest term (it comes second, so
        // that short lists show it); a report's push down comes last, with the others
        let titled = kind::of_title_with(&s.passage.document.title, &cfg.kind);
        for names in kind::weighed(&titled, feats_request) {
            let at = if names.is_offer() {
                s.reasons.len().min(1)
            } else {
                s.reasons.len()
            };
            s.reasons.insert(at, Reason::TitleNames { names });
        }
        if kind::stage_factor(s.passage.facts.stage, w) > 1.0 {
            s.reasons.push(Reason::StatusStage);
        }
        if kind::other_issuer(&s.passage.document.municipality) {
            s.reasons.push(Reason::OtherIssuer {
                issuer: s.passage.document.municipality.clone(),
            });
        }
        s.score = scores.ranking;
        s.feature_score = scores.fused;
        s.also_in = also_in;
        s
    }
}

/// Turns features into matched terms, reasons and highlights.
fn explain(
    passage: PassageRecord,
    feats: Features,
    concepts: &[Concept],
    excludes: &[Concept],
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
    if let Some(c) = feats.opening.and_then(|i| concepts.get(i)) {
        reasons.push(Reason::Opening {
            field: c.field,
            term: c.term.clone(),
        });
    } else if feats.civil_society {
        reasons.push(Reason::CivilSociety);
    }
    if feats.request {
        reasons.push(Reason::Request);
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
