//! Intent cues: words that mark a passage as stating a goal, an initiative, a decision, a
//! funding pool or a public consultation, rather than background or procedure.
//!
//! The cues are general Danish policy vocabulary ("Målet er", "Vi vil", "indsats",
//! "handleplan", "pulje", "høring", "indstiller"), matched on lower-cased words: a cue
//! ending in `*` matches any word that starts with it, other cues match whole words.

use serde::Serialize;

/// What kind of intent a cue marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Intent {
    /// A stated goal or wish ("Målet er", "Vi vil", "ønsket effekt").
    Goal,
    /// An initiative, plan or project ("indsats", "handleplan", "projekt").
    Initiative,
    /// A decision or recommendation ("indstiller", "besluttet", "godkendt").
    Decision,
    /// Money: a pool, a grant or a budget ("pulje", "tilskud", "midler").
    Funding,
    /// A public consultation or dialogue ("høring", "dialogmøde").
    Consultation,
}

impl Intent {
    /// The word used in reasons: "a goal sentence", "a funding sentence".
    pub fn noun(self) -> &'static str {
        match self {
            Intent::Goal => "goal",
            Intent::Initiative => "initiative",
            Intent::Decision => "decision",
            Intent::Funding => "funding",
            Intent::Consultation => "consultation",
        }
    }
}

/// Cues as (intent, words): each entry is one or more words, the last may end in `*`.
const CUES: &[(Intent, &str)] = &[
    (Intent::Goal, "målet er"),
    (Intent::Goal, "målet med"),
    (Intent::Goal, "målsætning*"),
    (Intent::Goal, "vi vil"),
    (Intent::Goal, "vi ønsker"),
    (Intent::Goal, "ønsket effekt"),
    (Intent::Goal, "ønskede effekt*"),
    (Intent::Goal, "vision*"),
    (Intent::Goal, "pejlemærke*"),
    (Intent::Goal, "ambition*"),
    (Intent::Goal, "sigter mod"),
    (Intent::Goal, "formålet"),
    (Intent::Goal, "prioriter*"),
    (Intent::Goal, "styrke*"),
    (Intent::Goal, "fokus på"),
    (Intent::Initiative, "indsats*"),
    (Intent::Initiative, "initiativ*"),
    (Intent::Initiative, "handleplan*"),
    (Intent::Initiative, "handlingsplan*"),
    (Intent::Initiative, "projekt*"),
    (Intent::Initiative, "tiltag*"),
    (Intent::Initiative, "pilot*"),
    (Intent::Initiative, "strategi*"),
    (Intent::Initiative, "partnerskab*"),
    (Intent::Initiative, "samarbejde med"),
    (Intent::Initiative, "samspil med"),
    (Intent::Decision, "indstiller"),
    (Intent::Decision, "indstilling*"),
    (Intent::Decision, "beslutning*"),
    (Intent::Decision, "besluttede"),
    (Intent::Decision, "besluttet"),
    (Intent::Decision, "godkend*"),
    (Intent::Decision, "vedtag*"),
    (Intent::Decision, "vedtog"),
    (Intent::Decision, "budgetforlig*"),
    (Intent::Decision, "anbefal*"),
    (Intent::Funding, "pulje*"),
    (Intent::Funding, "tilskud*"),
    (Intent::Funding, "bevilling*"),
    (Intent::Funding, "bevilge*"),
    (Intent::Funding, "midler*"),
    (Intent::Funding, "ansøgning*"),
    (Intent::Funding, "ansøge"),
    (Intent::Funding, "finansier*"),
    (Intent::Funding, "budgetmidler*"),
    (Intent::Funding, "udmønt*"),
    (Intent::Consultation, "høring*"),
    (Intent::Consultation, "dialogmøde*"),
    (Intent::Consultation, "borgermøde*"),
    (Intent::Consultation, "inddragelse*"),
    (Intent::Consultation, "workshop*"),
];

/// One cue found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// What it marks.
    pub intent: Intent,
    /// Byte range of the cue in the text.
    pub span: (usize, usize),
}

/// Words of `text` as (lower-cased word, byte start, byte end).
pub(crate) fn words(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((text[s..i].to_lowercase(), s, i));
        }
    }
    if let Some(s) = start {
        out.push((text[s..].to_lowercase(), s, text.len()));
    }
    out
}

fn word_matches(word: &str, cue: &str) -> bool {
    match cue.strip_suffix('*') {
        Some(prefix) => word.starts_with(prefix),
        None => word == cue,
    }
}

/// The intent cues in `text`, in text order.
pub fn detect(text: &str) -> Vec<Cue> {
    let ws = words(text);
    let mut out = Vec::new();
    for i in 0..ws.len() {
        for &(intent, cue) in CUES {
            let parts: Vec<&str> = cue.split(' ').collect();
            let Some(window) = ws.get(i..i + parts.len()) else {
                continue;
            };
            if window
                .iter()
                .zip(&parts)
                .all(|((w, _, _), p)| word_matches(w, p))
            {
                let end = window.last().map_or(ws[i].2, |w| w.2);
                out.push(Cue {
                    intent,
                    span: (ws[i].1, end),
                });
            }
        }
    }
    out
}

/// Byte ranges of the sentences of `text` (split after `.`, `!`, `?`, `:` or `;` followed by
/// white space, and at line breaks).
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_space = chars.peek().is_some_and(|&(_, n)| n.is_whitespace());
        let end = if c == '\n' {
            Some(i)
        } else if matches!(c, '.' | '!' | '?' | ':' | ';') && next_is_space {
            Some(i + c.len_utf8())
        } else {
            None
        };
        if let Some(end) = end {
            if !text[start..end].trim().is_empty() {
                out.push((start, end));
            }
            start = end;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push((start, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Intent> {
        detect(text).into_iter().map(|c| c.intent).collect()
    }

    #[test]
    fn detects_each_kind_of_intent() {
        let table = [
            ("Målet er, at færre er ensomme.", vec![Intent::Goal]),
            (
                "Vi vil styrke fællesskaberne.",
                vec![Intent::Goal, Intent::Goal],
            ),
            ("En ny indsats mod ensomhed.", vec![Intent::Initiative]),
            ("Handleplanen følges op.", vec![Intent::Initiative]),
            (
                "Administrationen indstiller, at sagen godkendes.",
                vec![Intent::Decision, Intent::Decision],
            ),
            ("Puljen kan søges af foreninger.", vec![Intent::Funding]),
            ("Politikken sendes i høring.", vec![Intent::Consultation]),
            ("Mødet blev holdt i salen.", vec![]),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want, "{text}");
        }
    }

    #[test]
    fn cue_spans_cover_the_cue_words() {
        let text = "Ældre: Målet er trivsel.";
        let cues = detect(text);
        assert_eq!(cues.len(), 1);
        assert_eq!(&text[cues[0].span.0..cues[0].span.1], "Målet er");
    }

    #[test]
    fn whole_word_cues_do_not_match_inside_words() {
        assert!(kinds("De besluttedes ikke.").is_empty());
        assert_eq!(kinds("vedtaget"), vec![Intent::Decision]);
    }

    #[test]
    fn splits_sentences() {
        let text = "Første sætning. Anden: tredje\nfjerde 2.5 mio";
        let s: Vec<&str> = sentences(text).iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(
            s,
            ["Første sætning.", " Anden:", " tredje", "\nfjerde 2.5 mio"]
        );
    }
}
