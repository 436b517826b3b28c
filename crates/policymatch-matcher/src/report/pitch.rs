//! The draft pitch: a short Danish text, 80-150 words, that connects the municipality's stated
//! goal, the association's work and a concrete offer.
//!
//! It is built from a template, and only from two sources: the matched passage (quoted word
//! for word, with document, municipality and page) and the association's own profile (name,
//! description, activities, target groups, themes). It states nothing else about the
//! municipality, so it cannot invent facts. The quote is the passage's sentence that states
//! intent and holds the most matched words; a long quote is shortened with "…" to keep the
//! pitch within 150 words.

use super::Contact;
use crate::{Profile, Suggestion};
use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

/// A draft pitch.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Pitch {
    /// Whom it is addressed to.
    pub to: String,
    /// The quoted sentence (word for word, possibly shortened with "…").
    pub quote: String,
    /// Where the quote stands: "Title, Municipality, s. N".
    pub source: String,
    /// The whole pitch text.
    pub text: String,
    /// Its number of words.
    pub words: usize,
}

const MIN_WORDS: usize = 80;
const MAX_WORDS: usize = 150;

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// "a, b og c".
fn danish_list(items: &[String], max: usize) -> String {
    let items: Vec<&str> = items
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .take(max)
        .collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} og {}", init.join(", "), last),
    }
}

/// The sentence of the passage to quote: intent-stating, with the most matched words.
fn best_sentence(s: &Suggestion) -> String {
    // Line breaks from the PDF layout are not sentence ends; a space has the same length, so
    // the highlight spans still line up.
    let flat = s.passage.text.replace(['\n', '\r'], " ");
    let text = &flat;
    let cues = crate::intent::detect(text);
    let mut best: Option<(usize, &str)> = None;
    for (start, sentence) in text.split_sentence_bound_indices() {
        let end = start + sentence.len();
        let hits = s
            .highlights
            .iter()
            .filter(|(a, b)| *a >= start && *b <= end)
            .count();
        let intent = cues.iter().any(|c| c.span.0 >= start && c.span.1 <= end);
        let score = hits * 2 + usize::from(intent) * 3;
        if sentence.split_whitespace().count() >= 4 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, sentence));
        }
    }
    let sentence = best.map(|(_, s)| s).unwrap_or(text);
    sentence.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn shorten(quote: &str, max_words: usize) -> String {
    let words: Vec<&str> = quote.split_whitespace().collect();
    if words.len() <= max_words {
        return quote.to_string();
    }
    format!("{} …", words[..max_words].join(" "))
}

fn first_sentence(text: &str) -> String {
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match t.find(". ") {
        Some(i) => t[..=i].to_string(),
        None => t,
    }
}

/// Builds the pitch for suggestion `s`.
pub fn build(profile: &Profile, s: &Suggestion, contact: &Contact) -> Pitch {
    let doc = &s.passage.document;
    let to = contact
        .unit
        .clone()
        .or_else(|| contact.committee.clone())
        .unwrap_or_else(|| "forvaltningen".to_string());
    let place = if doc.municipality.is_empty() {
        format!("s. {}", s.passage.page)
    } else {
        format!("{}, s. {}", doc.municipality, s.passage.page)
    };
    let source = format!("{}, {place}", doc.title);
    let full_quote = best_sentence(s);
    let about = profile
        .themes
        .first()
        .or(profile.activities.first())
        .cloned()
        .unwrap_or_else(|| "området".into());
    let activities = danish_list(&profile.activities, 4);
    let groups = danish_list(&profile.target_groups, 3);
    let offer_activity = profile
        .activities
        .first()
        .cloned()
        .unwrap_or_else(|| "vores aktiviteter".into());
    let description = first_sentence(&profile.description);

    let compose = |quote: &str, with_description: bool, with_extra: bool| {
        let mut t = format!(
            "Til {to}\n\nI »{}« ({place}) skriver kommunen: »{quote}«\n\n",
            doc.title
        );
        t.push_str(&format!("{} arbejder for det samme. ", profile.name));
        if with_description && !description.is_empty() {
            t.push_str(&description);
            t.push(' ');
        }
        if !activities.is_empty() {
            t.push_str(&format!("Vi tilbyder {activities}"));
            if !groups.is_empty() {
                t.push_str(&format!(" for {groups}"));
            }
            t.push_str(". ");
        }
        t.push_str(&format!(
            "\n\nVi vil gerne bidrage til, at kommunen når målet, og foreslår et kort møde, hvor vi \
             fortæller, hvordan {offer_activity} kan indgå i arbejdet med {about}."
        ));
        if with_extra {
            t.push_str(&format!(
                " Konkret tilbyder vi at stille op til en dialog eller et høringsmøde om {about} og \
                 at dele vores erfaringer med at nå ud til {}.",
                if groups.is_empty() { "borgerne".to_string() } else { groups.clone() }
            ));
        }
        t.push_str(&format!("\n\nVenlig hilsen\n{}", profile.name));
        t
    };
    let mut quote = full_quote.clone();
    let mut text = compose(&quote, true, false);
    if word_count(&text) < MIN_WORDS {
        text = compose(&quote, true, true);
    }
    let mut max_quote = 45;
    while word_count(&text) > MAX_WORDS && max_quote > 12 {
        quote = shorten(&full_quote, max_quote);
        text = compose(
            &quote,
            word_count(&text) <= MAX_WORDS + 20,
            word_count(&text) < MIN_WORDS,
        );
        max_quote -= 5;
    }
    if word_count(&text) > MAX_WORDS {
        text = compose(&quote, false, false);
    }
    Pitch {
        to,
        words: word_count(&text),
        quote,
        source,
        text,
    }
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
                extra: serde_json::Value::Null,
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
        for (text, description) in [
            (short, "Vi besøger ældre."),
            (
                long_sentence.as_str(),
                &"Vi er en forening med mange aktiviteter. ".repeat(12),
            ),
        ] {
            let s = suggestion(text);
            let p = build(&profile(description), &s, &Contact::default());
            assert!(
                (MIN_WORDS..=MAX_WORDS).contains(&p.words),
                "{} words:\n{}",
                p.words,
                p.text
            );
            let flat = text.replace('\n', " ");
            let quote = p.quote.trim_end_matches(" …");
            assert!(flat.contains(quote), "quote {quote:?} not in the passage");
            assert!(p.text.contains("Egeby Kommune, s. 4"));
            assert!(p.text.contains("Besøgsvennerne"));
        }
    }

    #[test]
    fn the_quote_is_the_sentence_that_states_intent() {
        let s = suggestion("Kommunen har 40.000 borgere. Målet er, at færre oplever sig ensomme.");
        let p = build(&profile("Vi besøger ældre."), &s, &Contact::default());
        assert_eq!(p.quote, "Målet er, at færre oplever sig ensomme.");
        assert_eq!(p.to, "forvaltningen");
    }
}
