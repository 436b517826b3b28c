//! The second stage: features of what each retrieved passage says of the profile.
//!
//! For every candidate an [`Observed`] says where each analysed word stands (by word
//! position) in the text and in the heading or title, and what each sentence states
//! ([`Marks`], stored at indexing). Ranking reads it from the index's postings
//! ([`crate::gather`]); the few suggestions shown are observed again from their text, which
//! gives the same features plus the byte ranges to highlight. From it come the profile
//! concepts it mentions (whole phrases, all words of a phrase, or single words), where they
//! stand (in a sentence that states intent, in the heading or title), and the exclude terms.
//! The score is the sum over matched concepts of field weight × rarity (idf) × strength,
//! multiplied by intent, coverage, civil-society, opening and internal-matter factors. What the
//! page around it says is the next stage's ([`crate::context`]).

use crate::candidate::{Candidate, ConceptHit, Features, Observed, TITLE_OFFSET};
use crate::config::{RankConfig, Weights};
use crate::intent::Marks;
use crate::occurrence::{Occurrence, Occurrences, occurrences};
use crate::query::{Concept, ProfileField, analyze};
use std::collections::HashMap;
use tantivy::tokenizer::TextAnalyzer;

/// Observes a passage from its text (the same as the index holds).
#[cfg(test)]
pub(crate) fn observe(
    analyzer: &mut TextAnalyzer,
    text: &str,
    heading: &str,
    title: &str,
) -> Observed {
    let mut plain = policymatch_core::analysis::stemming_analyzer();
    observe_marked(analyzer, &mut plain, text, heading, title, Marks::of(text))
}

/// Observes a passage from its text whose marks are known already (the index stores them
/// with each passage; finding them again is the dearest part of observing), with the index's
/// Danish `analyzer` and the `plain` analyzer of its `words` field
/// ([`policymatch_core::analysis::stemming_analyzer`]).
pub(crate) fn observe_marked(
    analyzer: &mut TextAnalyzer,
    plain: &mut TextAnalyzer,
    text: &str,
    heading: &str,
    title: &str,
    marks: Marks,
) -> Observed {
    let mut head = analyze(analyzer, heading);
    head.extend(analyze(analyzer, title).into_iter().map(|mut t| {
        t.position += TITLE_OFFSET;
        t
    }));
    // whole words as the index's `words` field holds them: heading, then text
    let mut whole: HashMap<String, u32> = HashMap::new();
    for part in [heading, text] {
        let mut ts = plain.token_stream(part);
        while let Some(t) = ts.next() {
            *whole.entry(t.text.clone()).or_default() += 1;
        }
    }
    Observed {
        text: occurrences(&analyze(analyzer, text)),
        head: occurrences(&head),
        whole,
        marks,
        doc_pages: 0,
    }
}

/// A concept found in a token stream.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    /// 1.0 for the word or the phrase, less for compounds and scattered words.
    pub strength: f32,
    /// Occurrences.
    pub count: usize,
    /// The occurrences of the words found.
    pub at: Vec<Occurrence>,
}

type Positions<'o> = Option<&'o Vec<Occurrence>>;

/// Finds `c` in `occ`, with the strengths of [`Weights`] and the phrase slop of
/// [`RetrieveConfig`](crate::config::RetrieveConfig).
pub(crate) fn find(c: &Concept, occ: &Occurrences, cfg: &RankConfig) -> Option<Found> {
    let w = &cfg.weights;
    let lists: Vec<Positions<'_>> = c.words.iter().map(|w| occ.get(&w.stem)).collect();
    let Some(first) = lists.first().copied().flatten() else {
        if let Some(prefix) = c.prefix() {
            // compounds that start with the word count a little less than the word
            let at: Vec<Occurrence> = occ
                .iter()
                .filter(|(k, _)| k.starts_with(prefix) && c.expansions.iter().any(|e| e == *k))
                .flat_map(|(_, v)| v.iter().copied())
                .collect();
            return (!at.is_empty()).then_some(Found {
                strength: w.compound,
                count: at.len(),
                at,
            });
        }
        // the first word is missing: maybe the others are there
        return partial(c, &lists, w);
    };
    if c.words.len() == 1 {
        return Some(Found {
            strength: 1.0,
            count: first.len(),
            at: first.clone(),
        });
    }
    // phrase: each next word within its distance from the previous word plus the slop
    let mut spans = Vec::new();
    let mut count = 0;
    'starts: for start in first {
        let mut at = start.position;
        let mut found = vec![*start];
        for (pair, list) in c.words.windows(2).zip(&lists[1..]) {
            let Some(list) = list else { break 'starts };
            let gap = (pair[1].offset - pair[0].offset).max(1);
            match list
                .iter()
                .find(|o| o.position > at && o.position <= at + gap + cfg.retrieve.slop as usize)
            {
                Some(o) => {
                    at = o.position;
                    found.push(*o);
                }
                None => continue 'starts,
            }
        }
        count += 1;
        spans.extend(found);
    }
    if count > 0 {
        return Some(Found {
            strength: 1.0,
            count,
            at: spans,
        });
    }
    partial(c, &lists, w)
}

fn partial(c: &Concept, lists: &[Positions<'_>], w: &Weights) -> Option<Found> {
    let present = lists.iter().filter(|l| l.is_some()).count();
    if present == 0 || c.words.len() < 2 {
        return None;
    }
    // the words that carry meaning ("borgere" in "borgere med misbrug" does not): a phrase
    // whose meaningful words are mostly missing is not there
    let meaningful = c.words.iter().filter(|w| !w.general).count();
    let meaningful_present = c
        .words
        .iter()
        .zip(lists)
        .filter(|(w, l)| !w.general && l.is_some())
        .count();
    if meaningful_present == 0 || meaningful_present * 2 < meaningful {
        return None;
    }
    let at: Vec<Occurrence> = lists
        .iter()
        .flatten()
        .flat_map(|l| l.iter().copied())
        .collect();
    let strength = if present == c.words.len() {
        w.scattered
    } else if present * 2 >= c.words.len() && c.words.len() >= 3 {
        w.partial
    } else {
        return None;
    };
    Some(Found {
        strength,
        count: 1,
        at,
    })
}

/// The stage: the features of every candidate, read from what retrieval observed (on the
/// machine's cores, in order; see [`crate::par`]).
pub(crate) fn apply(
    items: &mut [Candidate],
    concepts: &[Concept],
    excludes: &[Concept],
    cfg: &RankConfig,
) {
    let found = crate::par::map(items, |c| features(concepts, excludes, &c.seen, cfg));
    for (c, f) in items.iter_mut().zip(found) {
        c.features = f;
    }
}

/// Scores one observed passage.
pub(crate) fn features(
    concepts: &[Concept],
    excludes: &[Concept],
    seen: &Observed,
    cfg: &RankConfig,
) -> Features {
    let w = &cfg.weights;
    let marks = &seen.marks;
    let mut f = Features {
        intents: marks.intents.iter().copied().collect(),
        civil_society: marks.civil_society > 0,
        opening: None,
        internal: marks.opening == 0 && marks.internal >= w.internal_words,
        request: marks.request > 0,
        ..Features::default()
    };
    let mut topic = 0.0;
    let mut audience = 0.0;
    let mut desc = 0.0;
    for (i, c) in concepts.iter().enumerate() {
        let mut in_text = find(c, &seen.text, cfg);
        if c.field == ProfileField::Description {
            // a description word counts only where it stands as a whole word in the heading or
            // text, and as often as it does there
            let whole = c
                .words
                .first()
                .and_then(|w| seen.whole.get(&w.stem))
                .copied()
                .unwrap_or(0) as usize;
            if whole == 0 {
                continue;
            }
            if let Some(f) = in_text.as_mut() {
                f.count = f.count.min(whole);
            }
        }
        // in the heading, or only in the document's title (positions from TITLE_OFFSET)
        let (in_heading, in_title) = match find(c, &seen.head, cfg) {
            Some(h) if h.strength >= w.scattered => {
                let heading = h.at.iter().any(|o| o.position < TITLE_OFFSET);
                (heading, !heading)
            }
            _ => (false, false),
        };
        if in_text.is_none() && !in_heading && !in_title {
            continue;
        }
        let Found {
            strength,
            count,
            at,
        } = in_text.unwrap_or(Found {
            strength: 0.0,
            count: 0,
            at: Vec::new(),
        });
        let intent = at
            .iter()
            .filter_map(|o| marks.intent_at(u32::try_from(o.position).unwrap_or(u32::MAX)))
            .max();
        if c.field == ProfileField::Description && c.idf < w.description_min_idf {
            continue;
        }
        let mut s = c.weight() * strength * (1.0 + w.tf * (count.max(1) as f32).ln());
        if intent.is_some() {
            s *= 1.0 + w.intent_sentence;
        }
        if in_heading {
            s += c.weight() * w.heading;
        } else if in_title {
            s += c.weight() * w.title * seen.title_share(w);
        }
        // an opening counts where it is about what the association does or whom it works
        // for: the theme, activity or target group stands in the opening sentence
        if c.field != ProfileField::Description
            && at
                .iter()
                .any(|o| marks.opening_at(u32::try_from(o.position).unwrap_or(u32::MAX)))
        {
            f.opening.get_or_insert(i);
        }
        match c.field {
            ProfileField::Description => desc += s,
            ProfileField::TargetGroup => {
                audience += s;
                f.audience = true;
            }
            _ => {
                topic += s;
                // a phrase found only in scattered words, one of which the profile names as a
                // target group ("rådgivning af pårørende" by "rådgivning" and the target group
                // "pårørende" far apart), does not make the passage name the topic: the target
                // group is counted as such
                f.topic |= strength >= 1.0 || !c.holds_target_group;
                f.audience |= c.audience;
            }
        }
        f.hits.push(ConceptHit {
            concept: i,
            strength,
            spans: at
                .iter()
                .map(|o| (o.from, o.to))
                .filter(|&(a, b)| b > a)
                .collect(),
            in_heading,
            in_title,
            intent,
        });
    }
    // the description counts, but cannot outweigh a theme on its own
    let mut score = topic + w.audience * audience + desc.min(w.description_cap);
    let distinct = f
        .hits
        .iter()
        .filter(|h| concepts[h.concept].field != ProfileField::Description)
        .count();
    score *= 1.0 + w.coverage * (distinct.saturating_sub(1) as f32).min(w.coverage_max);
    let kinds = f.intents.len() as f32;
    score *= 1.0 + w.intent_kind * kinds.min(w.intent_kinds_max);
    if f.civil_society {
        score *= 1.0 + w.civil_society;
    }
    if f.opening.is_some() {
        score *= 1.0 + w.opening;
    }
    if f.internal {
        score *= w.internal;
    }
    if f.request {
        score *= 1.0 + w.request;
    }
    for (i, c) in excludes.iter().enumerate() {
        if find(c, &seen.text, cfg).is_some_and(|h| h.strength >= w.scattered)
            || find(c, &seen.head, cfg).is_some()
        {
            f.excluded.push(i);
        }
    }
    if !f.excluded.is_empty() {
        score *= w.exclude;
    }
    // very short passages (a heading, a line of procedure) say little
    let len = marks.chars as f32;
    if len < w.short_passage {
        score *= (len / w.short_passage).sqrt();
    }
    f.score = score;
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intent::Intent;
    use crate::query::{Word, words_of};

    fn analyzer() -> TextAnalyzer {
        policymatch_core::analysis::danish_analyzer()
    }

    fn concept(field: ProfileField, term: &str) -> Concept {
        let words: Vec<Word> = words_of(&mut analyzer(), term);
        Concept::new(
            field,
            term.into(),
            words,
            2.0,
            &RankConfig::default().concepts,
        )
    }

    /// `concepts` marked as the profile's concepts are ([`crate::query::mark_words`]).
    fn marked(mut concepts: Vec<Concept>) -> Vec<Concept> {
        let general = crate::general::GeneralWords::new(
            &mut analyzer(),
            &RankConfig::default().concepts.general_words,
        );
        crate::query::mark_words(&mut concepts, &general);
        concepts
    }

    fn score(concepts: &[Concept], text: &str) -> Features {
        let seen = observe(&mut analyzer(), text, "", "");
        features(concepts, &[], &seen, &RankConfig::default())
    }

    const FILLER: &str = " Teksten fortsætter med flere ord om emnet, så længden er normal og \
        ikke straffes for at være kort, og den har ingen særlige kendetegn i øvrigt.";

    #[test]
    fn phrase_beats_scattered_words() {
        let c = [concept(ProfileField::TargetGroup, "hjemmeboende ældre")];
        let phrase = score(&c, &format!("Mange hjemmeboende ældre er alene.{FILLER}"));
        let scattered = score(
            &c,
            &format!("Ældre på plejehjem og hjemmeboende borgere.{FILLER}"),
        );
        assert_eq!(phrase.hits[0].strength, 1.0);
        assert_eq!(scattered.hits[0].strength, 0.6);
        assert!(phrase.score > scattered.score);
    }

    #[test]
    fn a_phrase_is_not_found_by_its_general_words() {
        let c = marked(vec![concept(
            ProfileField::TargetGroup,
            "borgere med misbrug eller psykisk sårbarhed",
        )])
        .remove(0);
        // "borgere" and "psykisk": half the words, but one of the three that carry meaning
        let weak = score(
            std::slice::from_ref(&c),
            &format!("Borgere med psykiske lidelser får hjælp.{FILLER}"),
        );
        assert!(weak.hits.is_empty(), "{:?}", weak.hits);
        // "misbrug" and "psykisk": two of the three
        let half = score(
            &[c],
            &format!("Borgere med misbrug og psykiske lidelser får hjælp.{FILLER}"),
        );
        assert_eq!(half.hits.len(), 1);
        assert_eq!(half.hits[0].strength, RankConfig::default().weights.partial);
    }

    #[test]
    fn a_target_group_scattered_in_an_activity_does_not_make_the_topic() {
        let c = marked(vec![
            concept(ProfileField::Activity, "rådgivning af pårørende"),
            concept(ProfileField::TargetGroup, "pårørende"),
        ]);
        let apart = score(
            &c,
            &format!("Pårørende inviteres til jul.{FILLER} Der er også rådgivning om økonomi."),
        );
        assert!(apart.audience);
        assert!(!apart.topic, "{:?}", apart.hits);
        let together = score(
            &c,
            &format!("Vi tilbyder rådgivning af pårørende hver uge.{FILLER}"),
        );
        assert!(together.topic && together.audience);
        // without the target group the scattered activity is the passage's topic
        let alone = score(
            &marked(c[..1].to_vec()),
            &format!("Pårørende inviteres til jul.{FILLER} Der er også rådgivning om økonomi."),
        );
        assert!(alone.topic);
    }

    #[test]
    fn phrase_allows_a_stop_word_and_slop() {
        let c = [concept(ProfileField::TargetGroup, "mennesker med demens")];
        let f = score(
            &c,
            &format!("Tilbud til mennesker, der lever med demens.{FILLER}"),
        );
        assert_eq!(f.hits[0].strength, 1.0);
    }

    #[test]
    fn intent_sentence_raises_the_score_and_is_reported() {
        let c = [concept(ProfileField::Theme, "ensomhed")];
        let goal = score(&c, &format!("Målet er mindre ensomhed.{FILLER}"));
        let background = score(&c, &format!("Rapporten beskriver ensomhed.{FILLER}"));
        assert_eq!(goal.hits[0].intent, Some(Intent::Goal));
        assert_eq!(background.hits[0].intent, None);
        assert!(goal.score > background.score);
    }

    #[test]
    fn coverage_beats_repetition() {
        let c = [
            concept(ProfileField::Theme, "ensomhed"),
            concept(ProfileField::TargetGroup, "ældre"),
        ];
        let both = score(&c, &format!("Ensomhed blandt ældre.{FILLER}"));
        let repeated = score(&c, &format!("Ensomhed, ensomhed og ensomhed.{FILLER}"));
        assert!(both.score > repeated.score);
    }

    #[test]
    fn excluded_terms_push_down() {
        let c = [concept(ProfileField::Theme, "fællesskab")];
        let ex = [concept(ProfileField::Exclude, "idrætshal")];
        let text = format!("Fællesskab i den nye idrætshal.{FILLER}");
        let pushed = features(
            &c,
            &ex,
            &observe(&mut analyzer(), &text, "", ""),
            &RankConfig::default(),
        );
        let plain = score(&c, &text);
        assert_eq!(pushed.excluded, [0]);
        assert!(pushed.score < plain.score);
    }

    #[test]
    fn heading_match_counts_without_text_match() {
        let c = [concept(ProfileField::Theme, "ensomhed")];
        let seen = observe(&mut analyzer(), FILLER, "Forebyggelse af ensomhed", "");
        let f = features(&c, &[], &seen, &RankConfig::default());
        assert!(f.hits[0].in_heading && f.score > 0.0);
    }

    #[test]
    fn a_title_counts_less_on_a_page_of_a_long_document() {
        let c = [concept(ProfileField::Theme, "ensomhed")];
        let mut seen = observe(&mut analyzer(), FILLER, "", "Politik mod ensomhed");
        let unknown = features(&c, &[], &seen, &RankConfig::default());
        seen.doc_pages = 3;
        let short = features(&c, &[], &seen, &RankConfig::default());
        seen.doc_pages = 40;
        let long = features(&c, &[], &seen, &RankConfig::default());
        assert!(short.hits[0].in_title && !short.hits[0].in_heading);
        assert_eq!(unknown.score, short.score);
        assert!(long.score > 0.0 && long.score < short.score / 4.0);
        // the heading speaks for the passage whatever the document's length
        let mut headed = observe(&mut analyzer(), FILLER, "Ensomhed", "Politik mod ensomhed");
        headed.doc_pages = 40;
        let h = features(&c, &[], &headed, &RankConfig::default());
        assert!(h.hits[0].in_heading && !h.hits[0].in_title && h.score > long.score);
    }

    #[test]
    fn a_description_word_counts_only_as_a_whole_word() {
        let c = [
            concept(ProfileField::Theme, "ensomhed"),
            concept(ProfileField::Description, "råd"),
        ];
        let part = score(&c, &format!("Byrådet vil mindske ensomhed.{FILLER}"));
        let whole = score(&c, &format!("Vi giver råd mod ensomhed.{FILLER}"));
        let described = |f: &Features| {
            f.hits
                .iter()
                .any(|h| c[h.concept].field == ProfileField::Description)
        };
        assert!(!described(&part), "{:?}", part.hits);
        assert!(described(&whole), "{:?}", whole.hits);
        assert!(whole.score > part.score);
    }
}
