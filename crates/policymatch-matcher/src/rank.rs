//! Re-ranking retrieved passages with features of what they say.
//!
//! For every candidate an [`Observed`] says where each analysed word stands (by word
//! position) in the text and in the heading or title, and what each sentence states
//! ([`Marks`], stored at indexing). Ranking reads it from the index's postings
//! ([`crate::gather`]); the few suggestions shown are observed again from their text, which
//! gives the same features plus the byte ranges to highlight. From it come the profile
//! concepts it mentions (whole phrases, all words of a phrase, or single words), where they
//! stand (in a sentence that states intent, in the heading or title), and the exclude terms.
//! The score is the sum over matched concepts of field weight × rarity (idf) × strength,
//! multiplied by intent, coverage and civil-society factors; the page's other candidates add
//! a little, and a page that never names a theme or a target group is pushed down. Last, the
//! score is fused with the retrieval score of the passage's whole page ([`fuse`]).

use crate::config::{RankConfig, Weights};
use crate::intent::{Intent, Marks};
use crate::kind::ItemKind;
use crate::query::{Concept, ProfileField, analyze};
use crate::stage::{Named, Stage};
use std::collections::BTreeSet;
use tantivy::tokenizer::TextAnalyzer;

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
    /// States that the municipality works with civil society (see
    /// [`policymatch_core::intent::OPENING`]).
    pub opening: bool,
    /// Is about a matter internal to the administration and names no opening (see
    /// [`policymatch_core::intent::INTERNAL`]).
    pub internal: bool,
    pub excluded: Vec<usize>,
    /// Names a theme or activity.
    pub topic: bool,
    /// Names a target group.
    pub audience: bool,
    /// The stages of life it names (set by the caller; see [`crate::stage`]).
    pub named: Named,
    /// The other stage of life its page is about, when it was pushed down for that (set by
    /// the caller, from the page).
    pub other_stage: Option<Stage>,
    /// Its page's rank by wording (see [`crate::lexical`]; set by the caller).
    pub lexical: Option<usize>,
    /// The score by the profile's entries (the floor applies to it).
    pub score: f32,
    /// `score` weighed by its page's wording and by its document's kind, which orders the
    /// suggestions (set by the caller; see [`crate::lexical::fuse`] and [`kind_factor`]).
    pub ranking: f32,
}

pub(crate) use crate::occurrence::{Occurrence, Occurrences, occurrences};

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

/// Observes a passage from its text (the same as the index holds).
#[cfg(test)]
pub(crate) fn observe(
    analyzer: &mut TextAnalyzer,
    text: &str,
    heading: &str,
    title: &str,
) -> Observed {
    observe_marked(analyzer, text, heading, title, Marks::of(text))
}

/// Observes a passage from its text whose marks are known already (the index stores them
/// with each passage; finding them again is the dearest part of observing).
pub(crate) fn observe_marked(
    analyzer: &mut TextAnalyzer,
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
    Observed {
        text: occurrences(&analyze(analyzer, text)),
        head: occurrences(&head),
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

/// The factor for what the document's title says it is: [`Weights::offer_title`] when it
/// names money or a consultation, times [`Weights::report_title`] when it names a report on
/// the past, 1 when it names neither.
pub(crate) fn kind_factor(kinds: &[ItemKind], w: &Weights) -> f32 {
    let offer = kinds.iter().any(|k| k.is_offer());
    let report = kinds.contains(&ItemKind::Report);
    (if offer { w.offer_title } else { 1.0 }) * (if report { w.report_title } else { 1.0 })
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
        opening: marks.opening > 0,
        internal: marks.opening == 0 && marks.internal >= w.internal_words,
        ..Features::default()
    };
    let mut topic = 0.0;
    let mut audience = 0.0;
    let mut desc = 0.0;
    for (i, c) in concepts.iter().enumerate() {
        let in_text = find(c, &seen.text, cfg);
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
        match c.field {
            ProfileField::Description => desc += s,
            ProfileField::TargetGroup => {
                audience += s;
                f.audience = true;
            }
            _ => {
                topic += s;
                f.topic = true;
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
    if f.opening {
        score *= 1.0 + w.opening;
    }
    if f.internal {
        score *= w.internal;
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

/// What the candidates of one page say together.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PageContext {
    /// Sum of the scores of the page's candidates.
    pub total: f32,
    /// Some candidate on the page names a theme or activity.
    pub topic: bool,
    /// Some candidate on the page names a target group.
    pub audience: bool,
    /// Sum of the retrieval query's scores of the page's candidates.
    pub retrieval: f32,
    /// The stages of life the page's candidates name.
    pub named: Named,
}

impl PageContext {
    /// The other stage of life than `stage` when the page is about it: its candidates name
    /// that stage and never `stage`. (Judged by the page rather than the passage: a passage
    /// naming no stage is mostly about the same people as its neighbours.)
    pub fn other_stage(&self, stage: Option<Stage>) -> Option<Stage> {
        let other = stage?.other();
        (self.named.has(other) && !self.named.has(other.other())).then_some(other)
    }

    /// Adds a candidate of the page: its features and retrieval score.
    pub fn add(&mut self, f: &Features, retrieval: f32) {
        self.retrieval += retrieval;
        self.named = self.named.or(f.named);
        self.total += f.score;
        self.topic |= f.topic;
        self.audience |= f.audience;
    }
}

/// The final score of a passage in the context of its page: a page whose passages never
/// name what the association does (its themes and activities), or never whom it works
/// for (its target groups), is pushed down; the rest of the page adds a little to a passage
/// that names something of the profile itself.
pub(crate) fn in_context(
    f: &Features,
    page: &PageContext,
    has_topic: bool,
    has_audience: bool,
    stage: Option<Stage>,
    w: &Weights,
) -> f32 {
    // a passage that names no theme, activity or target group does not ride on its
    // neighbours
    if !f.topic && !f.audience {
        return 0.0;
    }
    let mut score = f.score + w.page * (page.total - f.score).max(0.0);
    if has_topic && !page.topic {
        score *= w.no_topic;
    }
    if has_audience && !page.audience {
        score *= w.no_audience;
    }
    // a page about the other stage of life than the profile's is about another programme,
    // whatever theme words they share
    if page.other_stage(stage).is_some() {
        score *= w.other_stage;
    }
    score
}

/// Fuses a passage's score with its page's retrieval score (the weighted concept query,
/// summed over the page's candidates): `score + w.retrieval × best × page / best_page`, where
/// `best` is the best passage score and `best_page` the best page's retrieval score among the
/// candidates. The features judge a passage closely; the retrieval score sees how much of the
/// profile a whole page covers (judgments are of pages), and the two err differently.
pub(crate) fn fuse(score: f32, page: f32, best: f32, best_page: f32, w: &Weights) -> f32 {
    if best_page <= 0.0 {
        return score;
    }
    score + w.retrieval * best * page / best_page
}

#[cfg(test)]
mod tests {
    use super::*;
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
    fn fusion_adds_the_page_retrieval_share_and_keeps_the_score_floor() {
        let w = Weights::default();
        // the best page adds w.retrieval of the best passage's score, others in proportion
        assert_eq!(fuse(10.0, 4.0, 20.0, 4.0, &w), 10.0 + w.retrieval * 20.0);
        assert_eq!(fuse(10.0, 1.0, 20.0, 4.0, &w), 10.0 + w.retrieval * 5.0);
        assert!(fuse(3.0, 0.0, 20.0, 4.0, &w) >= 3.0);
        assert_eq!(fuse(3.0, 0.0, 20.0, 0.0, &w), 3.0);
        // a weaker passage on a much better page can overtake
        assert!(fuse(9.0, 4.0, 10.0, 4.0, &w) > fuse(10.0, 0.5, 10.0, 4.0, &w));
    }

    #[test]
    fn the_title_kind_lifts_offers_and_lowers_reports() {
        let w = Weights::default();
        assert_eq!(kind_factor(&[], &w), 1.0);
        assert_eq!(kind_factor(&[ItemKind::Funding], &w), w.offer_title);
        // money and a consultation are one opening, not two
        assert_eq!(
            kind_factor(&[ItemKind::Funding, ItemKind::Consultation], &w),
            w.offer_title
        );
        assert_eq!(kind_factor(&[ItemKind::Report], &w), w.report_title);
        // the figures the documentation gives (kind.rs, Suggestion::score, the README)
        assert_eq!((w.offer_title, w.report_title), (1.75, 0.5));
        let both = kind_factor(&[ItemKind::Funding, ItemKind::Report], &w);
        assert!((both - w.offer_title * w.report_title).abs() < 1e-6);
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
}
