//! Intent cues: words that mark a passage as stating a goal, an initiative, a decision, a
//! funding pool or a public consultation, rather than background or procedure.
//!
//! The cues are general Danish policy vocabulary ("Målet er", "Vi vil", "indsats",
//! "handleplan", "indstiller"), matched on lower-cased words: a cue ending in `*` matches any
//! word that starts with it, other cues match whole words. Whether a word is money and whether
//! a sentence is a consultation or a public meeting are decided once, by the event layer
//! ([`crate::deadlines::is_money_word`], [`crate::deadlines::is_consultation`],
//! [`crate::deadlines::is_public_meeting`]), so that a consultation the event list leaves out
//! ("skal ikke i høring", a MED hearing) is not one to the ranking either.
//!
//! Indexing stores each passage's [`Marks`] (the intent of each sentence by word position,
//! and whether it mentions volunteers or associations), so that ranking reads them instead of
//! scanning every candidate's text again.

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
    // "skal" alone is procedure as often as a goal ("ansøgningen skal indeholde"); these
    // say what is to be achieved.
    (Intent::Goal, "skal opleve"),
    (Intent::Goal, "skal have mulighed"),
    (Intent::Goal, "skal sikre"),
    (Intent::Goal, "skal fremme"),
    (Intent::Goal, "skal understøtte"),
    (Intent::Goal, "skal bidrage"),
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
    // Words of money ("puljen", "projektmidler", not "midlertidig") are decided by
    // [`crate::deadlines::is_money_word`]; these are the acts of granting and applying.
    (Intent::Funding, "bevilge*"),
    (Intent::Funding, "ansøgning*"),
    (Intent::Funding, "ansøge"),
    (Intent::Funding, "finansier*"),
    (Intent::Funding, "udmønt*"),
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
pub fn words(text: &str) -> Vec<(String, usize, usize)> {
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
    cues_in(text, &words(text), &sentences(text))
}

/// The intent cues in `text`, whose words `ws` and sentences `sents` the caller has already
/// found (see [`words`], [`sentences`]).
fn cues_in(text: &str, ws: &[(String, usize, usize)], sents: &[(usize, usize)]) -> Vec<Cue> {
    let cues: Vec<(Intent, Vec<&str>)> = CUES
        .iter()
        .map(|&(intent, cue)| (intent, cue.split(' ').collect()))
        .collect();
    let mut out = Vec::new();
    for i in 0..ws.len() {
        for (intent, parts) in &cues {
            let Some(window) = ws.get(i..i + parts.len()) else {
                continue;
            };
            if window
                .iter()
                .zip(parts)
                .all(|((w, _, _), p)| word_matches(w, p))
            {
                let end = window.last().map_or(ws[i].2, |w| w.2);
                out.push(Cue {
                    intent: *intent,
                    span: (ws[i].1, end),
                });
            }
        }
        if crate::deadlines::is_money_word(&ws[i].0) {
            out.push(Cue {
                intent: Intent::Funding,
                span: (ws[i].1, ws[i].2),
            });
        }
    }
    for &(s, e) in sents {
        let lower = text[s..e].to_lowercase();
        if crate::deadlines::is_consultation(&lower) || crate::deadlines::is_public_meeting(&lower)
        {
            out.push(Cue {
                intent: Intent::Consultation,
                span: (s, e),
            });
        }
    }
    out.sort_by_key(|c| (c.span.0, c.span.1, c.intent));
    out
}

pub use crate::sentence::sentences;

/// Word stems that mark volunteers, associations and civil society: where an association
/// can act ("frivillige", "foreningslivet", "civilsamfundet", "NGO'er").
pub const CIVIL_SOCIETY: &[&str] = &["frivillig", "forening", "civilsamfund", "ngo"];

/// Words of working together (`*` ends a prefix). A sentence holding one of them and a
/// [`CIVIL_SOCIETY`] word is a civil-society opening: the municipality states that it works,
/// or wants to work, with associations, volunteers or civil society ("styrke samarbejdet med
/// de frivillige foreninger", "partnerskab med civilsamfundet", "netværk gennem frivillige").
pub const OPENING: &[&str] = &[
    "samarbejd*",
    "partnerskab*",
    "inddrag*",
    "involver*",
    "samskab*",
    "netværk*",
];

/// Words of matters internal to the administration (`*` ends a prefix): its staff's
/// training, its own organisation, its rules for granting services. Such a passage may name
/// the association's target group, but leaves it no role.
pub const INTERNAL: &[&str] = &[
    "kompetenceløft*",
    "kompetenceudvikl*",
    "efteruddann*",
    "opkvalificer*",
    "visitation*",
    "organisering*",
    "omorganiser*",
    "arbejdsmiljø*",
    "sygefravær*",
    "personale*",
    "intern",
    "interne",
    "internt",
];

/// Whether `word` (lower case) is a word of a matter internal to the administration
/// ([`INTERNAL`]).
pub fn is_internal_word(word: &str) -> bool {
    INTERNAL.iter().any(|c| word_matches(word, c))
}

/// Political bodies whose request sets the administration a task (`*` ends a prefix).
pub const BODY: &[&str] = &[
    "*udvalget",
    "byrådet",
    "kommunalbestyrelsen",
    "borgmesteren",
];

/// Whether the words `w` (lower case, in text order) hold a political request: a committee,
/// the council or the mayor asking the administration for something ("udvalget ønsker en sag
/// om", "byrådet anmoder forvaltningen", "godkendt med bemærkning om", "beder administrationen
/// undersøge"). Such a sentence shows where the politicians want action, which is where an
/// association's offer is heard.
pub fn is_request(w: &[&str]) -> bool {
    let body = |x: &str| {
        BODY.iter().any(|b| match b.strip_prefix('*') {
            Some(tail) => x.ends_with(tail),
            None => x == *b,
        })
    };
    let asks = |x: &str| {
        matches!(
            x,
            "ønsker" | "ønskede" | "anmoder" | "anmodede" | "beder" | "bad"
        )
    };
    w.windows(2).any(|p| {
        (body(p[0]) && asks(p[1]))
            || (matches!(p[0], "beder" | "bede" | "bedes" | "bad")
                && matches!(p[1], "administrationen" | "forvaltningen"))
    }) || w.windows(3).any(|p| {
        (p[0] == "ønsker" && p[1] == "en" && p[2] == "sag")
            || (p[0] == "ønsker" && p[1] == "at" && p[2] == "få")
            || (p[0] == "med" && matches!(p[1], "bemærkning" | "bemærkningen") && p[2] == "om")
    })
}

impl Intent {
    fn code(self) -> char {
        match self {
            Intent::Goal => 'g',
            Intent::Initiative => 'i',
            Intent::Decision => 'd',
            Intent::Funding => 'f',
            Intent::Consultation => 'c',
        }
    }

    fn from_code(c: char) -> Option<Intent> {
        Some(match c {
            'g' => Intent::Goal,
            'i' => Intent::Initiative,
            'd' => Intent::Decision,
            'f' => Intent::Funding,
            'c' => Intent::Consultation,
            _ => return None,
        })
    }
}

/// What a passage states, by word position: computed once at indexing, read at ranking.
///
/// Word positions are those of the index's analyzer (the n-th run of alphanumeric
/// characters is position n), so a term's positions from the index fall into sentences here.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    /// Every kind of intent some cue in the passage marks.
    pub intents: Vec<Intent>,
    /// Words that mention volunteers, associations or civil society.
    pub civil_society: u32,
    /// Sentences as (position of the first word, the strongest intent a cue in it marks).
    pub sentences: Vec<(u32, Option<Intent>)>,
    /// Length of the text in characters.
    pub chars: u32,
    /// Sentences that are civil-society openings (see [`OPENING`]).
    pub opening: u32,
    /// The position of the first word of each opening sentence, ascending (a sentence of
    /// `sentences`).
    pub openings: Vec<u32>,
    /// Words of matters internal to the administration (see [`INTERNAL`]).
    pub internal: u32,
    /// Sentences that hold a political request (see [`is_request`]).
    pub request: u32,
}

impl Marks {
    /// The marks of `text`.
    pub fn of(text: &str) -> Marks {
        let ws = words(text);
        let sents = sentences(text);
        let cues = cues_in(text, &ws, &sents);
        let mut intents: Vec<Intent> = cues.iter().map(|c| c.intent).collect();
        intents.sort();
        intents.dedup();
        let civil = ws
            .iter()
            .filter(|(w, _, _)| CIVIL_SOCIETY.iter().any(|c| w.starts_with(c)))
            .count();
        let internal = ws.iter().filter(|(w, _, _)| is_internal_word(w)).count();
        let mut opening = 0u32;
        let mut openings = Vec::new();
        let mut request = 0u32;
        let mut out = Vec::new();
        let mut at = 0usize;
        for &(s, e) in &sents {
            let inside = || ws.iter().filter(move |w| w.1 >= s && w.2 <= e);
            let opens = civil > 0
                && inside().any(|(w, _, _)| CIVIL_SOCIETY.iter().any(|c| w.starts_with(c)))
                && inside().any(|(w, _, _)| OPENING.iter().any(|c| word_matches(w, c)));
            if opens {
                opening += 1;
            }
            let sentence: Vec<&str> = inside().map(|(w, _, _)| w.as_str()).collect();
            if is_request(&sentence) {
                request += 1;
            }
            // the first word starting inside the sentence
            while at < ws.len() && ws[at].1 < s {
                at += 1;
            }
            if at >= ws.len() || ws[at].1 >= e {
                continue;
            }
            if opens {
                openings.push(at as u32);
            }
            let intent = cues
                .iter()
                .filter(|c| c.span.0 >= s && c.span.1 <= e)
                .map(|c| c.intent)
                .max();
            out.push((at as u32, intent));
        }
        Marks {
            intents,
            civil_society: u32::try_from(civil).unwrap_or(u32::MAX),
            sentences: out,
            chars: u32::try_from(text.chars().count()).unwrap_or(u32::MAX),
            opening,
            openings,
            internal: u32::try_from(internal).unwrap_or(u32::MAX),
            request,
        }
    }

    /// Whether the sentence holding the word at `position` is a civil-society opening.
    pub fn opening_at(&self, position: u32) -> bool {
        let i = self.sentences.partition_point(|&(p, _)| p <= position);
        i.checked_sub(1)
            .is_some_and(|i| self.openings.binary_search(&self.sentences[i].0).is_ok())
    }

    /// The intent of the sentence holding the word at `position`.
    pub fn intent_at(&self, position: u32) -> Option<Intent> {
        let i = self.sentences.partition_point(|&(p, _)| p <= position);
        i.checked_sub(1).and_then(|i| self.sentences[i].1)
    }

    /// A compact text form for a stored field: `gid;3;120;0-,12g,30i;1;0;1;12` (intents, civil
    /// society words, characters, sentences, openings, internal words, requests, the first
    /// word of each opening).
    pub fn encode(&self) -> String {
        let kinds: String = self.intents.iter().map(|i| i.code()).collect();
        let sentences: Vec<String> = self
            .sentences
            .iter()
            .map(|(p, i)| format!("{p}{}", i.map_or('-', Intent::code)))
            .collect();
        format!(
            "{kinds};{};{};{};{};{};{};{}",
            self.civil_society,
            self.chars,
            sentences.join(","),
            self.opening,
            self.internal,
            self.request,
            self.openings
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(",")
        )
    }

    /// Reads [`Marks::encode`]'s form (or an older one without the last counts, which read as
    /// 0); `None` when it is not that form.
    pub fn decode(s: &str) -> Option<Marks> {
        let mut parts = s.split(';');
        let kinds = parts.next()?;
        let civil_society = parts.next()?.parse().ok()?;
        let chars = parts.next()?.parse().ok()?;
        let list = parts.next()?;
        // the form before openings and internal words were counted reads as none of either
        let opening = parts.next().map_or(Some(0), |p| p.parse().ok())?;
        let internal = parts.next().map_or(Some(0), |p| p.parse().ok())?;
        // the form before requests were counted reads as none
        let request = parts.next().map_or(Some(0), |p| p.parse().ok())?;
        // the form before the openings' places were kept reads as none placed
        let openings = match parts.next() {
            None | Some("") => Vec::new(),
            Some(list) => list
                .split(',')
                .map(|p| p.parse().ok())
                .collect::<Option<Vec<u32>>>()?,
        };
        if parts.next().is_some() {
            return None;
        }
        let intents = kinds
            .chars()
            .map(Intent::from_code)
            .collect::<Option<_>>()?;
        let mut sentences = Vec::new();
        for item in list.split(',').filter(|i| !i.is_empty()) {
            let code = item.chars().last()?;
            let pos = item[..item.len() - code.len_utf8()].parse().ok()?;
            let intent = match code {
                '-' => None,
                c => Some(Intent::from_code(c)?),
            };
            sentences.push((pos, intent));
        }
        Some(Marks {
            intents,
            civil_society,
            sentences,
            chars,
            opening,
            openings,
            internal,
            request,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Intent> {
        detect(text).into_iter().map(|c| c.intent).collect()
    }

    #[test]
    fn cues_the_event_layer_rules_out_mark_nothing() {
        let table: [(&str, Vec<Intent>); 8] = [
            // "midler*" matched "midlertidig"
            ("Familien får en midlertidig bolig.", vec![]),
            ("Fondsmidlerne fordeles i foråret.", vec![Intent::Funding]),
            ("Der bruges hjælpemidler i hjemmet.", vec![]),
            // "skal" alone is procedure
            (
                "Ansøgningen skal indeholde et budget.",
                vec![Intent::Funding],
            ),
            (
                "Referatet skal godkendes af formanden.",
                vec![Intent::Decision],
            ),
            ("Færre borgere skal opleve sig ensomme.", vec![Intent::Goal]),
            // what the event layer does not count as a consultation
            ("Sagen skal ikke i høring.", vec![]),
            (
                "Der afholdes dialogmøde med foreningerne.",
                vec![Intent::Consultation],
            ),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want, "{text}");
        }
        assert_eq!(
            kinds("Forslaget har været i høring i Område-MED."),
            vec![],
            "a staff hearing alone"
        );
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
    fn abbreviations_and_ordinals_do_not_end_a_sentence() {
        let text = "Styrelsen har den 5. december 2024 givet tilsagn (jf. bilag 1) til ca. 300 \
                    borgere, jf. Serviceloven § 18. Det er godt, m.m. Nyt afsnit? Ja.";
        let s: Vec<&str> = sentences(text)
            .iter()
            .map(|&(a, b)| text[a..b].trim())
            .collect();
        assert_eq!(
            s,
            [
                "Styrelsen har den 5. december 2024 givet tilsagn (jf. bilag 1) til ca. 300 \
                 borgere, jf. Serviceloven § 18.",
                "Det er godt, m.m.",
                "Nyt afsnit?",
                "Ja."
            ]
        );
    }

    #[test]
    fn splits_sentences() {
        let text = "Første sætning. Anden: tredje\nfjerde 2.5 mio";
        let s: Vec<&str> = sentences(text).iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(s, ["Første sætning.", " Anden: tredje", "\nfjerde 2.5 mio"]);
    }

    #[test]
    fn marks_give_each_sentence_its_first_word_position_and_intent() {
        let text = "Baggrund for sagen. Målet er færre ensomme; frivillige foreninger hjælper.\nPuljen kan søges.";
        let m = Marks::of(text);
        // words: Baggrund(0) for(1) sagen(2) Målet(3) ... frivillige(7) ... Puljen(10)
        assert_eq!(
            m.sentences,
            [
                (0, None),
                (3, Some(Intent::Goal)),
                (10, Some(Intent::Funding))
            ]
        );
        assert_eq!(m.civil_society, 2);
        assert_eq!(m.intents, [Intent::Goal, Intent::Funding]);
        assert_eq!(m.intent_at(2), None);
        assert_eq!(m.intent_at(5), Some(Intent::Goal));
        assert_eq!(m.intent_at(8), Some(Intent::Goal));
        assert_eq!(m.intent_at(12), Some(Intent::Funding));
        assert_eq!(Marks::decode(&m.encode()), Some(m));
    }

    #[test]
    fn an_opening_sentence_is_placed_so_its_words_can_be_found_in_it() {
        let text = "Målet er færre ensomme. Vi vil samarbejde med foreningerne om ensomhed. \
            Puljen kan søges.";
        let m = Marks::of(text);
        // words: Målet(0) er(1) færre(2) ensomme(3) Vi(4) ... ensomhed(10) Puljen(11)
        assert_eq!((m.opening, m.openings.as_slice()), (1, &[4u32][..]));
        assert!(!m.opening_at(3));
        assert!(m.opening_at(4));
        assert!(m.opening_at(10));
        assert!(!m.opening_at(11));
        assert_eq!(Marks::decode(&m.encode()), Some(m));
        // an older form places none
        let old = Marks::decode("g;1;2;0g;1;0;0").map(|m| (m.opening, m.openings));
        assert_eq!(old, Some((1, Vec::new())));
        assert_eq!(Marks::decode("g;1;2;0g;1;0;0;x"), None);
    }

    /// Asserts that `count` of each text's marks is `want`.
    fn each_counts(texts: &[&str], count: fn(&Marks) -> u32, want: u32) {
        for text in texts {
            assert_eq!(count(&Marks::of(text)), want, "{text}");
        }
    }

    #[test]
    fn a_sentence_of_working_with_civil_society_is_an_opening() {
        let opening = |m: &Marks| m.opening;
        each_counts(
            &[
                "Vi vil styrke samarbejdet med de frivillige foreninger om fællesspisning.",
                "Kommunen indgår partnerskab med civilsamfundet.",
                "Familierne skal få netværk gennem frivillige organisationer.",
                "Foreningerne inddrages i arbejdet med planen.",
            ],
            opening,
            1,
        );
        each_counts(
            &[
                // civil society without working together, or the two in different sentences
                "Frivilligcentret har fået nye lokaler.",
                "Samarbejdet mellem forvaltningerne styrkes. Foreningerne holder møde i maj.",
                "Kommunen samarbejder med regionen om sundhedsaftalen.",
            ],
            opening,
            0,
        );
    }

    #[test]
    fn internal_matters_are_counted_by_whole_words_and_prefixes() {
        let m = Marks::of(
            "Kompetenceløft af medarbejderne og en intern omorganisering af visitationen.",
        );
        assert_eq!(m.internal, 4);
        // "international" and "internet" are not "intern"
        assert_eq!(
            Marks::of("Et internationalt projekt på internettet.").internal,
            0
        );
        assert_eq!(Marks::decode(&m.encode()), Some(m));
    }

    #[test]
    fn marks_of_empty_text_and_bad_forms() {
        let m = Marks::of("");
        assert_eq!(Marks::decode(&m.encode()), Some(m));
        assert_eq!(Marks::decode("x;1;2;"), None);
        assert_eq!(Marks::decode("g;1;2;3q"), None);
        assert_eq!(Marks::decode("g;1"), None);
        // the form before openings and internal words were counted reads as none of either
        let old = Marks::decode("g;1;2;0g").map(|m| (m.opening, m.internal, m.civil_society));
        assert_eq!(old, Some((0, 0, 1)));
        assert_eq!(Marks::decode("g;1;2;0g;x;0"), None);
    }

    #[test]
    fn a_political_request_is_counted_and_a_plain_wish_is_not() {
        let request = |m: &Marks| m.request;
        each_counts(
            &[
                "Udvalget ønsker en sag om, hvad kommunen gør for hjemløse i akutte situationer.",
                "Social- og Handicapudvalget ønsker, at administrationen undersøger mulighederne.",
                "Godkendt med bemærkning om, at frivillige inddrages.",
                "Byrådet beder administrationen om at vende tilbage med et oplæg.",
            ],
            request,
            1,
        );
        each_counts(
            &[
                "Mange borgere ønsker at bo hjemme længst muligt.",
                "Udvalget godkendte indstillingen.",
                "Udvalgets ønsker til budgettet fremgår af bilaget.",
            ],
            request,
            0,
        );
        let m = Marks::of("Udvalget ønsker en sag om bolig. Godkendt.");
        assert_eq!(Marks::decode(&m.encode()), Some(m));
        // the form before requests were counted reads as none
        let six = Marks::decode("g;1;2;0g;1;0").map(|m| (m.opening, m.request));
        assert_eq!(six, Some((1, 0)));
    }
}
