//! The draft pitch: a short text, 80-150 words, that connects three things, as the seed's
//! advice has it ("Jo bedre I formår at skabe en direkte sammenhæng mellem den vedtagne eller
//! kommende politik, embedsværkets opgave med at sætte konkrete initiativer i gang og jeres
//! sag eller aktiviteter, jo mere indflydelse vil I få"):
//!
//! 1. the municipality's goal: the passage's sentence that states a goal and holds the most
//!    matched words, quoted word for word with document, municipality and page;
//! 2. the administration's task: a sentence that states an initiative or a decision, from
//!    the same passage or else from the same document ([`Task`]), quoted with its page, and the
//!    unit or committee that owns it when the document names one;
//! 3. the association's activities that match (all of them when none matched), for its target
//!    groups, with the numbers it can show (`facts`), signed by its `contact`.
//!
//! The words around the quotes come from the message files (`pitch-*`); everything else comes
//! from the documents or the profile, so the pitch cannot state anything that is in neither.
//! A long quote is shortened with "…" to keep the pitch within 150 words.

use super::Contact;
use crate::{Intent, Lang, Profile, ProfileField, Suggestion};
use policymatch_i18n::t;
use serde::Serialize;

/// A draft pitch.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Pitch {
    /// Whom it is addressed to.
    pub to: String,
    /// The quoted goal sentence (word for word, possibly shortened with "…").
    pub quote: String,
    /// Where the quote stands: "Title, Municipality, s. N".
    pub source: String,
    /// The quoted task sentence (an initiative or a decision), when one was found.
    pub task: Option<String>,
    /// The whole pitch text.
    pub text: String,
    /// Its number of words.
    pub words: usize,
}

/// A sentence that states the administration's task (an initiative or a decision), from the
/// suggestion's document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    /// The sentence, word for word.
    pub sentence: String,
    /// Its page.
    pub page: u64,
}

const MIN_WORDS: usize = 80;
const MAX_WORDS: usize = 150;

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// `text` with its white space made single spaces and a leading list bullet taken off: the
/// words of a quote, as the document has them.
pub(crate) fn flat(text: &str) -> String {
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    words
        .trim_start_matches(['•', '▪', '◦', '–', '-', '*', ' '])
        .to_string()
}

/// `text` with line breaks made spaces: in a PDF's layout they are not sentence ends, and a
/// space has the same length, so byte ranges (highlights) still line up.
pub(crate) fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

/// The sentences of `text` with the intents each states, in order.
pub(crate) fn intent_sentences(text: &str) -> Vec<(usize, usize, Vec<Intent>)> {
    let cues = crate::intent::detect(text);
    crate::intent::sentences(text)
        .into_iter()
        .map(|(a, b)| {
            let intents = cues
                .iter()
                .filter(|c| c.span.0 >= a && c.span.1 <= b)
                .map(|c| c.intent)
                .collect();
            (a, b, intents)
        })
        .collect()
}

/// Whether `intents` name the administration's task: an initiative or a decision.
pub(crate) fn is_task(intents: &[Intent]) -> bool {
    intents
        .iter()
        .any(|i| matches!(i, Intent::Initiative | Intent::Decision))
}

/// The goal sentence of the passage, as a byte range: it states a goal (or else any intent)
/// and holds the most matched words.
fn goal_sentence(s: &Suggestion) -> (usize, usize) {
    let text = &one_line(&s.passage.text);
    let mut best: Option<(usize, (usize, usize))> = None;
    for (start, end, intents) in intent_sentences(text) {
        let hits = s
            .highlights
            .iter()
            .filter(|(a, b)| *a >= start && *b <= end)
            .count();
        let intent = if intents.contains(&Intent::Goal) {
            4
        } else if intents.is_empty() {
            0
        } else {
            2
        };
        let score = hits * 2 + intent;
        if word_count(&text[start..end]) >= 4 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, (start, end)));
        }
    }
    best.map_or((0, text.len()), |(_, r)| r)
}

/// The task sentence inside the passage, other than the goal sentence `goal`.
fn task_in_passage(s: &Suggestion, goal: (usize, usize)) -> Option<Task> {
    let text = &one_line(&s.passage.text);
    intent_sentences(text)
        .into_iter()
        .filter(|(a, b, i)| (*a, *b) != goal && is_task(i) && word_count(&text[*a..*b]) >= 4)
        .map(|(a, b, _)| Task {
            sentence: flat(&text[a..b]),
            page: s.passage.page,
        })
        .next()
}

fn shorten(quote: &str, max_words: usize) -> String {
    let words: Vec<&str> = quote.split_whitespace().collect();
    if words.len() <= max_words {
        return quote.to_string();
    }
    format!("{} …", words[..max_words].join(" "))
}

/// The profile's activities that the suggestion matched, in the profile's order; all of them
/// when it matched none.
fn matched_activities(profile: &Profile, s: &Suggestion) -> Vec<String> {
    let matched: Vec<String> = profile
        .activities
        .iter()
        .filter(|a| {
            s.matched
                .iter()
                .any(|m| m.field == ProfileField::Activity && &m.term == *a)
        })
        .cloned()
        .collect();
    if matched.is_empty() {
        profile.activities.clone()
    } else {
        matched
    }
}

/// Builds the pitch for suggestion `s` in `lang`; `task` is a task sentence from the same
/// document, used when the passage itself states none.
pub fn build(
    lang: Lang,
    profile: &Profile,
    s: &Suggestion,
    contact: &Contact,
    task: Option<Task>,
) -> Pitch {
    let doc = &s.passage.document;
    let to = contact
        .unit
        .clone()
        .or_else(|| contact.committee.clone())
        .unwrap_or_else(|| t!(lang, "pitch-to-default"));
    let place_of = |page: u64| {
        if doc.municipality.is_empty() {
            t!(lang, "pitch-place-page", page = page)
        } else {
            t!(
                lang,
                "pitch-place",
                municipality = doc.municipality.as_str(),
                page = page
            )
        }
    };
    let place = place_of(s.passage.page);
    let source = format!("{}, {place}", doc.title);
    let goal = goal_sentence(s);
    let full_quote = flat(&s.passage.text[goal.0..goal.1]);
    let task = task_in_passage(s, goal)
        .or(task)
        .filter(|t| t.sentence != full_quote);
    let owner = contact.unit.clone().or_else(|| contact.committee.clone());
    let about = profile
        .themes
        .first()
        .or(profile.activities.first())
        .cloned()
        .unwrap_or_else(|| t!(lang, "pitch-the-area"));
    let activities = crate::text::list(lang, &take(&matched_activities(profile, s), 4));
    let groups = crate::text::list(lang, &take(&profile.target_groups, 3));
    let offer_activity = matched_activities(profile, s)
        .first()
        .cloned()
        .unwrap_or_else(|| t!(lang, "pitch-our-activities"));
    let facts = crate::text::list(lang, &take(&profile.facts, 3));
    let mut signature = vec![t!(lang, "pitch-regards")];
    let person = profile.contact.clone().unwrap_or_default();
    signature.extend(person.name.clone());
    signature.push(profile.name.clone());
    let reach: Vec<String> = [person.email, person.phone].into_iter().flatten().collect();
    if !reach.is_empty() {
        signature.push(reach.join(" · "));
    }

    let compose = |goal_quote: &str, task_quote: Option<&str>, with_extra: bool| {
        let mut parts = vec![t!(lang, "pitch-greeting", to = to.as_str())];
        parts.push(t!(
            lang,
            "pitch-goal",
            title = doc.title.as_str(),
            place = place.as_str(),
            quote = goal_quote
        ));
        let mut task_part = Vec::new();
        if let (Some(q), Some(task)) = (task_quote, &task) {
            task_part.push(t!(
                lang,
                "pitch-task",
                place = place_of(task.page),
                quote = q
            ));
        }
        if let Some(unit) = &owner {
            task_part.push(t!(lang, "pitch-task-unit", unit = unit.as_str()));
        }
        if !task_part.is_empty() {
            parts.push(task_part.join(" "));
        }
        let mut ours = Vec::new();
        if !activities.is_empty() {
            ours.push(if groups.is_empty() {
                t!(
                    lang,
                    "pitch-activities",
                    name = profile.name.as_str(),
                    activities = activities.as_str()
                )
            } else {
                t!(
                    lang,
                    "pitch-activities-for",
                    name = profile.name.as_str(),
                    activities = activities.as_str(),
                    groups = groups.as_str()
                )
            });
        }
        if !facts.is_empty() {
            ours.push(t!(lang, "pitch-facts", facts = facts.as_str()));
        }
        if !ours.is_empty() {
            parts.push(ours.join(" "));
        }
        let mut ask = t!(
            lang,
            "pitch-ask",
            activity = offer_activity.as_str(),
            about = about.as_str()
        );
        if with_extra {
            let reach = if groups.is_empty() {
                t!(lang, "pitch-citizens")
            } else {
                groups.clone()
            };
            ask.push(' ');
            ask.push_str(&t!(
                lang,
                "pitch-extra",
                about = about.as_str(),
                groups = reach
            ));
        }
        parts.push(ask);
        parts.push(signature.join("\n"));
        parts.join("\n\n")
    };
    let full_task = task.as_ref().map(|t| t.sentence.clone());
    let mut quote = full_quote.clone();
    let mut task_quote = full_task.clone();
    let mut text = compose(&quote, task_quote.as_deref(), false);
    if word_count(&text) < MIN_WORDS {
        text = compose(&quote, task_quote.as_deref(), true);
    }
    let mut max_quote = 45;
    while word_count(&text) > MAX_WORDS && max_quote > 12 {
        quote = shorten(&full_quote, max_quote);
        task_quote = full_task.as_deref().map(|t| shorten(t, max_quote * 2 / 3));
        let short = compose(&quote, task_quote.as_deref(), false);
        text = if word_count(&short) < MIN_WORDS {
            compose(&quote, task_quote.as_deref(), true)
        } else {
            short
        };
        max_quote -= 5;
    }
    if word_count(&text) > MAX_WORDS {
        // the goal and the activities matter most: the task's quote goes
        task_quote = None;
        text = compose(&quote, None, false);
    }
    Pitch {
        to,
        words: word_count(&text),
        quote,
        source,
        task: task_quote,
        text,
    }
}

fn take(items: &[String], n: usize) -> Vec<String> {
    items.iter().take(n).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use policymatch_core::index::records::{DocInfo, PassageRecord};

    fn suggestion(text: &str) -> Suggestion {
        Suggestion {
            passage: PassageRecord {
                document: DocInfo {
                    title: "Ældrepolitik 2027-2030".into(),
                    municipality: "Egeby Kommune".into(),
                    ..DocInfo::default()
                },
                page: 4,
                heading: String::new(),
                text: text.into(),
                span: (0, text.len() as u64),
                ordinal: 0,
                run: 1,
                facts: Default::default(),
                marks: None,
            },
            score: 10.0,
            feature_score: 10.0,
            matched: vec![],
            reasons: vec![],
            intents: vec![],
            highlights: text
                .find("ensom")
                .map(|i| vec![(i, i + 5)])
                .unwrap_or_default(),
            also_in: vec![],
        }
    }

    fn profile(description: &str) -> Profile {
        Profile::parse(
            &format!(
                "name = \"Besøgsvennerne\"\ndescription = \"{description}\"\nthemes = [\"ensomhed\"]\n\
                 activities = [\"besøgsven\", \"fællesspisning\"]\ntarget_groups = [\"ældre\"]\n"
            ),
            std::path::Path::new("p.toml"),
        )
        .unwrap()
    }

    #[test]
    fn pitch_quotes_the_source_verbatim_and_stays_within_80_to_150_words() {
        let short = "Baggrund.\nMålet er, at færre ældre\noplever sig ensomme.";
        let long_sentence = format!(
            "Vi vil styrke indsatsen mod ensomhed {}.",
            "sammen med foreninger, frivillige og pårørende i alle lokalområder ".repeat(12)
        );
        for lang in Lang::ALL {
            for (text, description) in [
                (short, "Vi besøger ældre."),
                (
                    long_sentence.as_str(),
                    &"Vi er en forening med mange aktiviteter. ".repeat(12),
                ),
            ] {
                let s = suggestion(text);
                let p = build(lang, &profile(description), &s, &Contact::default(), None);
                assert!(
                    (MIN_WORDS..=MAX_WORDS).contains(&p.words),
                    "{} words:\n{}",
                    p.words,
                    p.text
                );
                let flat = text.replace('\n', " ");
                let quote = p.quote.trim_end_matches(" …");
                assert!(flat.contains(quote), "quote {quote:?} not in the passage");
                assert!(p.text.contains("Egeby Kommune"));
                assert!(p.text.contains("Besøgsvennerne"));
                // the description is the association's own; the pitch does not repeat it
                assert!(!p.text.contains(description.trim()), "{}", p.text);
            }
        }
    }

    #[test]
    fn the_quote_is_the_sentence_that_states_a_goal() {
        let s = suggestion(
            "Kommunen har 40.000 borgere. Forvaltningen laver en indsats i alle lokalområder. \
             Målet er, at færre oplever sig ensomme.",
        );
        let p = build(
            Lang::Da,
            &profile("Vi besøger ældre."),
            &s,
            &Contact::default(),
            None,
        );
        assert_eq!(p.quote, "Målet er, at færre oplever sig ensomme.");
        assert_eq!(p.to, "forvaltningen");
        // the initiative sentence of the same passage is the administration's task
        assert_eq!(
            p.task.as_deref(),
            Some("Forvaltningen laver en indsats i alle lokalområder.")
        );
        assert!(
            p.text
                .contains("»Forvaltningen laver en indsats i alle lokalområder.«"),
            "{}",
            p.text
        );
    }

    /// The pitch connects goal, task and activities, and every word in it is the template's
    /// (the message files' `pitch-*` and list messages), the documents' (passage, title,
    /// municipality, task sentence, unit) or the profile's (name, activities, target groups,
    /// themes, facts, contact): it states nothing that is in none of them.
    #[test]
    fn the_pitch_states_nothing_that_is_not_in_the_profile_or_the_documents()
    -> Result<(), Box<dyn std::error::Error>> {
        let words = |s: &str| -> Vec<String> {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect()
        };
        let mut profile = profile("Vi besøger ældre, og vi holder fester for hele byen.");
        profile.facts = vec!["120 frivillige".into(), "300 besøg om året".into()];
        profile.contact = Some(crate::ContactPerson {
            name: Some("Anne Jensen".into()),
            email: Some("anne@example.org".into()),
            phone: Some("12 34 56 78".into()),
        });
        let mut s = suggestion("Målet er, at færre ældre oplever sig ensomme i kommunen.");
        s.matched = vec![crate::Matched {
            field: ProfileField::Activity,
            term: "fællesspisning".into(),
        }];
        let contact = Contact {
            unit: Some("Sundhed og Omsorg".into()),
            ..Contact::default()
        };
        let task = Task {
            sentence: "Forvaltningen igangsætter en handleplan mod ensomhed.".into(),
            page: 7,
        };
        for (lang, ftl) in [
            (
                Lang::Da,
                concat!(
                    include_str!("../../../policymatch-i18n/locales/da/pitch.ftl"),
                    include_str!("../../../policymatch-i18n/locales/da/reasons.ftl")
                ),
            ),
            (
                Lang::En,
                concat!(
                    include_str!("../../../policymatch-i18n/locales/en/pitch.ftl"),
                    include_str!("../../../policymatch-i18n/locales/en/reasons.ftl")
                ),
            ),
        ] {
            let p = build(lang, &profile, &s, &contact, Some(task.clone()));
            // goal, task with its page and owner, the matched activity and the facts
            assert!(p.text.contains(&p.quote), "{}", p.text);
            assert!(p.text.contains(&task.sentence), "{}", p.text);
            assert!(p.text.contains("7") && p.text.contains("Sundhed og Omsorg"));
            assert!(p.text.contains("fællesspisning") && !p.text.contains("besøgsven"));
            assert!(p.text.contains("120 frivillige") && p.text.contains("300 besøg om året"));
            assert!(
                p.text
                    .contains("Anne Jensen\nBesøgsvennerne\nanne@example.org · 12 34 56 78")
            );
            let goal_at = p.text.find(&p.quote).ok_or("no goal")?;
            let task_at = p.text.find(&task.sentence).ok_or("no task")?;
            let ours_at = p.text.find("fællesspisning").ok_or("no activity")?;
            assert!(
                goal_at < task_at && task_at < ours_at,
                "goal, task, activities"
            );
            // every word has a source
            let template: Vec<String> = ftl
                .lines()
                .filter(|l| !l.trim_start().starts_with('#'))
                .flat_map(&words)
                .collect();
            let documents = format!(
                "{} {} {} {} {}",
                s.passage.text,
                s.passage.document.title,
                s.passage.document.municipality,
                task.sentence,
                "Sundhed og Omsorg"
            );
            let c = profile.contact.as_ref().ok_or("no contact")?;
            let own = format!(
                "{} {} {} {} {} {} {} {}",
                profile.name,
                profile.activities.join(" "),
                profile.target_groups.join(" "),
                profile.themes.join(" "),
                profile.facts.join(" "),
                c.name.as_deref().unwrap_or(""),
                c.email.as_deref().unwrap_or(""),
                c.phone.as_deref().unwrap_or(""),
            );
            let known: std::collections::HashSet<String> = template
                .into_iter()
                .chain(words(&documents))
                .chain(words(&own))
                .chain(["4".to_string(), "7".to_string()])
                .collect();
            for w in words(&p.text) {
                assert!(
                    known.contains(&w),
                    "{lang}: {w:?} has no source in\n{}",
                    p.text
                );
            }
            // the description's own words that are nowhere else are not stated
            assert!(!p.text.contains("fester"));
        }
        Ok(())
    }
}
