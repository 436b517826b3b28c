//! Re-ranking retrieved passages with features of what they say.
//!
//! For every candidate the passage text is analysed once; from the tokens come the profile
//! concepts it mentions (whole phrases, all words of a phrase, or single words), where they
//! stand (in a sentence that states intent, in the heading or title), and the exclude terms.
//! The score is the sum over matched concepts of field weight × rarity (idf) × strength,
//! multiplied by intent and coverage factors, plus a small share of the retrieval score.

use crate::intent::{self, Intent};
use crate::query::{Concept, ProfileField, SLOP, Token, analyze};
use std::collections::{BTreeSet, HashMap};
use tantivy::tokenizer::TextAnalyzer;

/// How a concept was found in a passage.
#[derive(Debug, Clone)]
pub(crate) struct ConceptHit {
    /// Index into the concept list.
    pub concept: usize,
    /// 1.0 for the phrase (or the word), less for scattered words.
    pub strength: f32,
    /// Occurrences in the text.
    pub count: usize,
    /// Byte ranges in the passage text.
    pub spans: Vec<(usize, usize)>,
    /// Found in the heading or document title.
    pub in_heading: bool,
    /// The strongest intent of a sentence holding it.
    pub intent: Option<Intent>,
}

/// Features of one passage.
#[derive(Debug, Clone, Default)]
pub(crate) struct Features {
    pub hits: Vec<ConceptHit>,
    pub intents: BTreeSet<Intent>,
    pub civil_society: bool,
    pub excluded: Vec<usize>,
    /// Names a theme or activity.
    pub topic: bool,
    /// Names a target group.
    pub audience: bool,
    pub score: f32,
}

/// Occurrences of stems in a token stream: stem → [(position, from, to)].
type Occurrences = HashMap<String, Vec<(usize, usize, usize)>>;

fn occurrences(tokens: &[Token]) -> Occurrences {
    let mut occ: Occurrences = HashMap::new();
    for t in tokens {
        occ.entry(t.text.clone())
            .or_default()
            .push((t.position, t.from, t.to));
    }
    occ
}

/// Strength of a match inside a compound that starts with the concept's word.
const COMPOUND: f32 = 0.8;

/// Finds `c` in `occ`: (strength, count, spans).
fn find(c: &Concept, occ: &Occurrences) -> Option<(f32, usize, Vec<(usize, usize)>)> {
    let lists: Vec<Option<&Vec<(usize, usize, usize)>>> =
        c.words.iter().map(|w| occ.get(&w.stem)).collect();
    let Some(first) = lists.first().copied().flatten() else {
        if let Some(prefix) = c.prefix() {
            // compounds that start with the word count a little less than the word
            let spans: Vec<(usize, usize)> = occ
                .iter()
                .filter(|(k, _)| k.starts_with(prefix))
                .flat_map(|(_, v)| v.iter().map(|o| (o.1, o.2)))
                .collect();
            return (!spans.is_empty()).then(|| (COMPOUND, spans.len(), spans));
        }
        // the first word is missing: maybe the others are there
        return partial(c, &lists);
    };
    if c.words.len() == 1 {
        return Some((1.0, first.len(), first.iter().map(|o| (o.1, o.2)).collect()));
    }
    // phrase: each next word within its offset plus slop of the previous one
    let mut spans = Vec::new();
    let mut count = 0;
    'starts: for &(p0, from0, to0) in first {
        let mut at = p0;
        let mut found = vec![(from0, to0)];
        for (w, list) in c.words.iter().zip(&lists).skip(1) {
            let Some(list) = list else { break 'starts };
            let gap = w.offset;
            let next = list
                .iter()
                .find(|o| o.0 > at && o.0 <= at + gap.max(1) + SLOP as usize);
            match next {
                Some(o) => {
                    at = o.0;
                    found.push((o.1, o.2));
                }
                None => continue 'starts,
            }
        }
        count += 1;
        spans.extend(found);
    }
    if count > 0 {
        return Some((1.0, count, spans));
    }
    partial(c, &lists)
}

fn partial(
    c: &Concept,
    lists: &[Option<&Vec<(usize, usize, usize)>>],
) -> Option<(f32, usize, Vec<(usize, usize)>)> {
    let present = lists.iter().filter(|l| l.is_some()).count();
    if present == 0 || c.words.len() < 2 {
        return None;
    }
    let spans: Vec<(usize, usize)> = lists
        .iter()
        .flatten()
        .flat_map(|l| l.iter().map(|o| (o.1, o.2)))
        .collect();
    if present == c.words.len() {
        Some((0.6, 1, spans))
    } else if present * 2 >= c.words.len() && c.words.len() >= 3 {
        Some((0.3, 1, spans))
    } else {
        None
    }
}

/// The tunable weights of the score.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Weights {
    pub heading: f32,
    pub intent_sentence: f32,
    pub intent_kind: f32,
    pub coverage: f32,
    pub civil_society: f32,
    pub exclude: f32,
    pub retrieval: f32,
    pub audience: f32,
    pub description_cap: f32,
    pub page: f32,
    pub no_topic: f32,
    pub no_audience: f32,
    pub audience_page: f32,
    pub tf: f32,
    pub desc_min_idf: f32,
}

pub(crate) const WEIGHTS: Weights = Weights {
    heading: 0.5,
    intent_sentence: 0.25,
    intent_kind: 0.06,
    coverage: 0.15,
    civil_society: 0.6,
    exclude: 0.4,
    retrieval: 0.0,
    audience: 0.5,
    description_cap: 2.0,
    page: 0.3,
    no_topic: 0.3,
    no_audience: 0.5,
    audience_page: 1.0,
    tf: 0.8,
    desc_min_idf: 0.0,
};

// TUNING-ONLY (remove before merge)
pub(crate) fn weights() -> Weights {
    let mut w = WEIGHTS;
    if let Ok(spec) = std::env::var("PM_TUNE") {
        for kv in spec.split(',') {
            let Some((k, v)) = kv.split_once('=') else {
                continue;
            };
            let Ok(v) = v.parse::<f32>() else { continue };
            match k {
                "heading" => w.heading = v,
                "intent_sentence" => w.intent_sentence = v,
                "intent_kind" => w.intent_kind = v,
                "coverage" => w.coverage = v,
                "civil_society" => w.civil_society = v,
                "exclude" => w.exclude = v,
                "retrieval" => w.retrieval = v,
                "audience" => w.audience = v,
                "description_cap" => w.description_cap = v,
                "page" => w.page = v,
                "no_topic" => w.no_topic = v,
                "no_audience" => w.no_audience = v,
                "audience_page" => w.audience_page = v,
                "tf" => w.tf = v,
                "desc_min_idf" => w.desc_min_idf = v,
                _ => {}
            }
        }
    }
    w
}

/// Words that mark volunteers, associations and civil society: where an association can act.
const CIVIL_SOCIETY: &[&str] = &["frivillig", "forening", "civilsamfund", "ngo"];

/// Scores one passage.
#[allow(clippy::too_many_arguments)]
pub(crate) fn features(
    analyzer: &mut TextAnalyzer,
    concepts: &[Concept],
    excludes: &[Concept],
    text: &str,
    heading: &str,
    title: &str,
    retrieval: f32,
    w: &Weights,
) -> Features {
    let tokens = analyze(analyzer, text);
    let occ = occurrences(&tokens);
    let mut head_tokens = analyze(analyzer, heading);
    head_tokens.extend(analyze(analyzer, title));
    let head_occ = occurrences(&head_tokens);
    let cues = intent::detect(text);
    let sentences = intent::sentences(text);
    // the intent of each sentence: its most specific cue
    let sentence_intent: Vec<Option<Intent>> = sentences
        .iter()
        .map(|&(s, e)| {
            cues.iter()
                .filter(|c| c.span.0 >= s && c.span.1 <= e)
                .map(|c| c.intent)
                .max()
        })
        .collect();
    let intent_of = |at: usize| {
        sentences
            .iter()
            .position(|&(s, e)| at >= s && at < e)
            .and_then(|i| sentence_intent[i])
    };

    let mut f = Features {
        intents: cues.iter().map(|c| c.intent).collect(),
        ..Features::default()
    };
    let lower_words = intent::words(text);
    f.civil_society = lower_words
        .iter()
        .any(|(w, _, _)| CIVIL_SOCIETY.iter().any(|c| w.starts_with(c)));

    let mut topic = 0.0;
    let mut audience = 0.0;
    let mut desc = 0.0;
    for (i, c) in concepts.iter().enumerate() {
        let in_text = find(c, &occ);
        let in_head = find(c, &head_occ).is_some_and(|h| h.0 >= 0.6);
        if in_text.is_none() && !in_head {
            continue;
        }
        let (strength, count, spans) = in_text.unwrap_or((0.0, 0, Vec::new()));
        let intent = spans.iter().filter_map(|s| intent_of(s.0)).max();
        if c.field == ProfileField::Description && c.idf < w.desc_min_idf {
            continue;
        }
        let mut s = c.weight() * strength * (1.0 + w.tf * (count.max(1) as f32).ln());
        if intent.is_some() {
            s *= 1.0 + w.intent_sentence;
        }
        if in_head {
            s += c.weight() * w.heading;
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
            }
        }
        f.hits.push(ConceptHit {
            concept: i,
            strength,
            count,
            spans,
            in_heading: in_head,
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
    score *= 1.0 + w.coverage * (distinct.saturating_sub(1) as f32).min(4.0);
    let kinds = f.intents.len() as f32;
    score *= 1.0 + w.intent_kind * kinds.min(4.0);
    if f.civil_society {
        score *= 1.0 + w.civil_society;
    }
    for (i, c) in excludes.iter().enumerate() {
        if find(c, &occ).is_some_and(|h| h.0 >= 0.6) || find(c, &head_occ).is_some() {
            f.excluded.push(i);
        }
    }
    if !f.excluded.is_empty() {
        score *= w.exclude;
    }
    // very short passages (a heading, a line of procedure) say little
    let len = text.chars().count() as f32;
    if len < 200.0 {
        score *= (len / 200.0).sqrt();
    }
    f.score = score + w.retrieval * retrieval;
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
}

impl PageContext {
    pub fn add(&mut self, f: &Features) {
        self.total += f.score;
        self.topic |= f.topic;
        self.audience |= f.audience;
    }
}

/// The final score of a passage in the context of its page: a page whose passages never
/// name what the association does (its themes and activities), or never whom it works
/// for (its target groups), is pushed down; the rest of the page adds a little.
pub(crate) fn in_context(
    f: &Features,
    page: &PageContext,
    has_topic: bool,
    has_audience: bool,
    w: &Weights,
) -> f32 {
    let mut score = f.score + w.page * (page.total - f.score).max(0.0);
    if has_topic && !page.topic {
        score *= w.no_topic;
    }
    if has_audience
        && !(if w.audience_page > 0.5 {
            page.audience
        } else {
            f.audience
        })
    {
        score *= w.no_audience;
    }
    score
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
        Concept {
            field,
            term: term.into(),
            words,
            idf: 2.0,
            emphasis: 1.0,
        }
    }

    fn score(concepts: &[Concept], text: &str) -> Features {
        features(&mut analyzer(), concepts, &[], text, "", "", 0.0, &WEIGHTS)
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
        let pushed = features(&mut analyzer(), &c, &ex, &text, "", "", 0.0, &WEIGHTS);
        let plain = score(&c, &text);
        assert_eq!(pushed.excluded, [0]);
        assert!(pushed.score < plain.score);
    }

    #[test]
    fn heading_match_counts_without_text_match() {
        let c = [concept(ProfileField::Theme, "ensomhed")];
        let f = features(
            &mut analyzer(),
            &c,
            &[],
            FILLER,
            "Forebyggelse af ensomhed",
            "",
            0.0,
            &WEIGHTS,
        );
        assert!(f.hits[0].in_heading && f.score > 0.0);
    }
}
