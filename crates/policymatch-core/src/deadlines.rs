//! Events an association can act on: consultations, applications, meetings, deadlines and
//! revisions; which sentences announce one, and the dates they state.
//!
//! This module is the one place that decides "is this a consultation / an application /
//! a meeting / a deadline / a revision". The kinds and what does not count follow
//! `eval/CIVIC.md`:
//! - **consultation**: a høring the municipality runs, publicly or in a council or board
//!   (Handicaprådet, Seniorrådet, Folkeoplysningsudvalget, …); not staff (MED) hearings,
//!   partshøring, the content of a høringssvar, "skal ikke i høring", nor the municipality
//!   answering someone else's consultation;
//! - **application**: a chance to apply for money or an award (pulje, § 18-midler, tilskud,
//!   legat, pris); not the municipality's own applications;
//! - **meeting**: a meeting associations or citizens may attend (dialogmøde, borgermøde,
//!   temamøde, workshop, høringsmøde); not ordinary committee meetings;
//! - **deadline**: another cut-off open to citizens or associations (tilmelding, forslag,
//!   indstilling); not contract expiry, tenders, limitation periods, processing times or
//!   "senest" meaning "most recently";
//! - **revision**: a planned revision or evaluation of a policy, strategy or plan; not an
//!   audit of accounts, not a contract.
//!
//! Dates are taken only from the sentence, as precisely as it states them (a day, a month,
//! a year); a date written without a year takes the document's year. An event whose sentence
//! gives no date stays undated: it is never given the meeting's or the document's date.

use crate::dates::{self, TextDate};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// What an event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// A consultation (høring) the municipality runs, or its deadline (høringsfrist).
    Consultation,
    /// A chance to apply for money or an award (ansøgningsfrist, pulje).
    Application,
    /// A planned revision or evaluation of a policy.
    Revision,
    /// Another cut-off open to citizens or associations ("tilmelding senest den …").
    Deadline,
    /// A meeting associations or citizens may attend (dialogmøde, borgermøde, workshop).
    Meeting,
}

impl DeadlineKind {
    /// Every kind, in the order lists show them.
    pub const ALL: [DeadlineKind; 5] = [
        DeadlineKind::Consultation,
        DeadlineKind::Application,
        DeadlineKind::Meeting,
        DeadlineKind::Deadline,
        DeadlineKind::Revision,
    ];

    /// The stable code JSON and the command line use ("consultation", …).
    pub fn code(self) -> &'static str {
        match self {
            DeadlineKind::Consultation => "consultation",
            DeadlineKind::Application => "application",
            DeadlineKind::Revision => "revision",
            DeadlineKind::Deadline => "deadline",
            DeadlineKind::Meeting => "meeting",
        }
    }

    /// The kind with code `code`.
    pub fn from_code(code: &str) -> Option<DeadlineKind> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// An event found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// What it is.
    pub kind: DeadlineKind,
    /// The date the event is filed under (YYYYMMDD; YYYYMM00 for a month, YYYY0000 for a
    /// year): its end when it has one, else its start; for an undated event the document's
    /// date, with `explicit` false. Lists sort and filter by it; it is never shown as the
    /// event's date when `explicit` is false.
    pub date: u64,
    /// True when the sentence states a date.
    pub explicit: bool,
    /// The first date the sentence states (an opening, or the only date), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<u64>,
    /// The closing date the sentence states (a høringsfrist, the end of a period), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<u64>,
    /// Whether the event was still ahead when the text was written (by its date against the
    /// document's date; undated, by the sentence's tense).
    #[serde(default)]
    pub upcoming: bool,
    /// A date as the sentence writes it that is no real day ("31. februar 2024"): the event
    /// stays undated and says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unreadable_date: Option<String>,
    /// The sentence that announces it.
    pub sentence: String,
}

impl Deadline {
    /// The last day the event's date covers (the end, else the start), when it is dated.
    pub fn last_day(&self) -> Option<u64> {
        self.end.or(self.start).map(dates::last_day)
    }
}

/// True when `lower` holds any of `cues`.
fn any(lower: &str, cues: &[&str]) -> bool {
    cues.iter().any(|c| lower.contains(c))
}

/// A council or board by name: "Handicaprådet", "Greve Seniorråd", "ungerådene" (not
/// "område" or "rådhus").
static COUNCIL: LazyLock<Regex> = LazyLock::new(|| {
    // Invariant: a constant pattern, compiled by the test `every_pattern_compiles`.
    Regex::new(r"\w*råd(?:et|ene|s)?\b").expect("constant regex")
});

/// "i høring", "til høring" as words (not "i høringssvaret").
static SENT_TO_HEARING: LazyLock<Regex> = LazyLock::new(|| {
    // Invariant: a constant pattern, compiled by the test `every_pattern_compiles`.
    Regex::new(r"\b(?:i|til) høring\b").expect("constant regex")
});

/// Councils and boards a municipality consults, and the public (besides [`COUNCIL`]).
const CONSULTED: &[&str] = &[
    "folkeoplysningsudvalg",
    "offentlig",
    "borgere",
    "foreninger",
    "brugerbestyrelse",
    "bestyrelse",
    "parter",
    "interessenter",
];

/// Words that make "revision" an audit of accounts.
const AUDIT: &[&str] = &[
    "revisor",
    "revisionsberetning",
    "revisionsfirma",
    "revisionsselskab",
    "revisionsprotokol",
    "revisionsbemærkning",
    "revisionspåtegning",
    "revisionsregulativ",
    "regnskab",
    "ekstern revision",
    "intern revision",
    "kommunens revision",
];

/// Words of contracts, grants and tenders (expiry and deadlines that are not the public's).
const CONTRACT: &[&str] = &[
    "kontrakt",
    "lejemål",
    "lejeaftale",
    "driftsaftale",
    "overenskomst",
    "udbud",
    "tilbudsfrist",
    "licitation",
    "bevillingen udløber",
    "tilsagnet udløber",
    "aftalen udløber",
    "aftale udløber",
];

/// Deadlines set by law or for the administration, not for the public.
const NOT_PUBLIC_DEADLINE: &[&str] = &[
    "forældelse",
    "sagsbehandlingstid",
    "behandlingstid",
    "klagefrist",
    "ankefrist",
    "svarfrist",
    "lovpligtig",
    "frister i loven",
    "tidsfrist for afgørelse",
    "partshøring",
    "meldes tilbage",
    "tilbage til kl",
    "administrationen skal senest",
];

/// Words of money or an award that can be applied for.
const MONEY: &[&str] = &[
    "pulje",
    "tilskud",
    "midler ",
    "midlerne",
    "legat",
    "pris ",
    "priser",
    "prisen",
    "støtte",
    "§ 18",
    "§18",
    "underskudsgaranti",
    "fond",
];

/// Plans whose revision counts.
const PLANS: &[&str] = &[
    "politik",
    "strategi",
    "plan",
    "standard",
    "program",
    "indsats",
    "ordning",
    "model",
    "retningslinje",
    "vision",
];

/// A sentence about what would happen if ("Hvis udvalget vælger …").
fn conditional(lower: &str) -> bool {
    lower.starts_with("hvis ") || lower.starts_with("såfremt ")
}

/// The municipality (or another one) applying for money itself.
fn own_application(lower: &str) -> bool {
    any(
        lower,
        &[
            "kommune har ansøgt",
            "kommune har søgt",
            "kommune ansøger",
            "kommune søger",
            "administrationen har ansøgt",
            "administrationen har søgt",
            "administrationen ansøger",
            "administrationen søger",
            "har modtaget tilsagn",
            "har fået tilsagn",
            "ansøgning til ministeriet",
            "ansøgning til styrelsen",
            "ansøgning til socialstyrelsen",
            "ansøgning til sundhedsstyrelsen",
            "søgt om midler",
            "ansøgt om midler",
            "søge om midler hos",
            "kommune agter at søge",
            "kommuners ansøgning",
            "kommunes ansøgning",
        ],
    )
}

fn consultation(lower: &str) -> bool {
    if any(
        lower,
        &[
            "ikke i høring",
            "ikke sendes i høring",
            "ikke skal i høring",
            "ikke sendt i høring",
            "ikke været i høring",
            "uden høring",
        ],
    ) {
        return false;
    }
    // Staff hearings (MED) count only where a council or the public is heard too.
    let staff = any(
        lower,
        &[
            "med-udvalg",
            "medudvalg",
            "-med ",
            "-med,",
            "-med.",
            "hovedudvalg",
            "medarbejderrepræsentant",
            "tillidsrepræsentant",
        ],
    );
    let heard = any(lower, CONSULTED) || COUNCIL.is_match(lower);
    // "sendt til høring i: • Område-MED … • Handicaprådet": a list of those heard goes on
    // past the sentence, so staff named first do not make it a staff hearing.
    let list = any(lower, &["høring i:", "høring hos:", "høring blandt:"]);
    if staff && !heard && !list {
        return false;
    }
    if SENT_TO_HEARING.is_match(lower)
        || any(
            lower,
            &[
                "høringsfrist",
                "høringsperiode",
                "offentlig høring",
                "høringsudkast",
                "høringsperioden",
            ],
        )
    {
        return true;
    }
    // A høringssvar is an event when a council or board gives it ("Høringssvar fra
    // Handicaprådet vedlægges"), not when the sentence quotes what it says ("I
    // høringssvaret skriver …"), nor when the municipality answers another body's høring.
    if lower.contains("høringssvar") {
        let answering_others = any(
            lower,
            &[
                "høringssvar til ",
                "afgive høringssvar til",
                "kommunens høringssvar",
                "administrationens høringssvar",
                "udkast til høringssvar",
            ],
        );
        let content = any(lower, &["i høringssvaret", "høringssvaret påpeger"]);
        // Without a verb it is a title ("Høringssvar fra Handicaprådet vedr. …", a Bilag).
        let given = any(
            lower,
            &[
                "vedlægges",
                "vedlagt",
                "afgav",
                "afgivet",
                "afgive",
                "foreligge",
                "modtaget",
                "indkommet",
                "er kommet",
                "har givet",
                "fremsendt",
                "indsendt",
                "blev",
                "er sendt",
            ],
        );
        return heard && given && !answering_others && !content;
    }
    false
}

/// Whether the sentence `lower` (lower-cased) announces a public consultation: the one place
/// that decides it, for events, the ranking's intent marks and the stage of an item. Not a
/// consultation: "skal ikke i høring", a staff (MED) hearing alone, a høringssvar quoted or
/// given to another body.
pub fn is_consultation(lower: &str) -> bool {
    consultation(lower)
}

/// Whether the sentence `lower` names a meeting the public may attend (dialogmøde,
/// borgermøde, høringsmøde, …), dated or not; meetings of leaders and staff are not.
pub fn is_public_meeting(lower: &str) -> bool {
    lower.contains("høringsmøde") || meeting(lower, false)
}

/// Whether the title `lower` (lower-cased) names a consultation: a word of it is a høring
/// ("Høring over udkast til værdighedspolitik", "høringssvar"), not a partshøring, and it
/// does not say the case is not sent to one.
pub fn title_names_consultation(lower: &str) -> bool {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.contains("høring") && !w.contains("partshøring"))
        && !any(lower, &["ikke i høring", "uden høring"])
}

/// Whether the recommendation `lower` asks to send a draft to consultation ("at udkastet
/// sendes i høring"), not that it is not sent.
pub fn sends_to_consultation(lower: &str) -> bool {
    any(
        lower,
        &[
            "sendes i høring",
            "sendes i offentlig høring",
            "udsendes i høring",
        ],
    ) && !any(lower, &["ikke sendes i høring", "ikke udsendes i høring"])
}

/// Parts of words that name money: "puljen", "driftstilskud", "tillægsbevilling".
const MONEY_PARTS: &[&str] = &["pulje", "tilskud", "bevilling"];

/// The ending of words that name money: "midler", "projektmidler", "fondsmidlerne" (the
/// definite "-ne" is taken off first); not "midlertidig".
const MONEY_ENDING: &str = "midler";

/// Words ending in "midler" that are not money: aids, intoxicants, medicines, instruments,
/// foodstuffs, those who mediate.
const NOT_MONEY: &[&str] = &[
    "hjælpemidler",
    "rusmidler",
    "lægemidler",
    "virkemidler",
    "næringsmidler",
    "formidler",
];

/// Whether `word` (lower-cased) names money that can be granted: the one place that
/// decides it, for the ranking's intent marks and what a title says a document is.
pub fn is_money_word(word: &str) -> bool {
    let word = word.strip_suffix("ne").unwrap_or(word);
    MONEY_PARTS.iter().any(|p| word.contains(p))
        || (word.ends_with(MONEY_ENDING) && !NOT_MONEY.iter().any(|n| word.ends_with(n)))
}

/// A chance to apply counts when the sentence says when: without a date it is a rule
/// ("er berettiget til at ansøge om tilskud") or a description, not an event.
fn application(lower: &str, dated: bool) -> bool {
    if !dated || own_application(lower) || conditional(lower) {
        return false;
    }
    if lower.contains("ansøgningsfrist") {
        return true;
    }
    let applying = any(
        lower,
        &[
            "kan ansøge",
            "kan søge",
            "kan søges",
            "ansøge om",
            "ansøges",
            "søge om",
            "ansøgningsrunde",
            "ansøgninger",
            "uddeling af midler",
            "uddeles",
            "indkaldes ansøgninger",
            "opslag af puljen",
        ],
    );
    applying && any(lower, MONEY)
}

/// "tager dialog" as words (not "tager dialogen til efterretning").
static TAKES_DIALOGUE: LazyLock<Regex> = LazyLock::new(|| {
    // Invariant: a constant pattern, compiled by the test `every_pattern_compiles`.
    Regex::new(r"\btager dialog\b").expect("constant regex")
});

/// A meeting the public may attend: one named as such (dialogmøde, borgermøde, temadag, …),
/// or a workshop or event with a date. Meetings of leaders and staff are internal.
fn meeting(lower: &str, dated: bool) -> bool {
    if any(
        lower,
        &[
            "lederworkshop",
            "ledere af",
            "for alle ledere",
            "medarbejdere",
            "personalemøde",
        ],
    ) {
        return false;
    }
    let named = any(
        lower,
        &[
            "dialogmøde",
            "borgermøde",
            "temamøde",
            "temadag",
            "høringsmøde",
            "informationsmøde",
            "stormøde",
            "fyraftensmøde",
            "folkemøde",
            "åbent hus",
        ],
    ) || TAKES_DIALOGUE.is_match(lower);
    let dated_event = dated
        && any(
            lower,
            &[
                "workshop",
                "afholde et arrangement",
                "afholdes et arrangement",
                "inviteres til",
                "netværksmøde",
                "borgerinddragelse",
            ],
        );
    named || dated_event
}

/// Authorities whose deadlines bind municipalities, not the public.
const AUTHORITIES: &[&str] = &[
    "ministeriet",
    "styrelsen",
    "regeringen",
    "folketinget",
    "kkr",
    "kommunerne skal",
    "kommunerne senest",
];

fn deadline(lower: &str, dated: bool) -> bool {
    if any(lower, NOT_PUBLIC_DEADLINE)
        || any(lower, CONTRACT)
        || any(lower, AUTHORITIES)
        || conditional(lower)
    {
        return false;
    }
    if any(
        lower,
        &[
            "tilmeldingsfrist",
            "tilmelding senest",
            "frist for tilmelding",
            "frist for forslag",
            "frist for bidrag",
            "frist for indstilling",
            "indstille deres kandidater",
            "indstille kandidater",
            "indstillinger til",
            "indsende forslag",
        ],
    ) {
        return true;
    }
    // "senest" is a deadline only with a date ("senest den 1. marts"); without one it
    // means "most recently".
    if dated
        && any(
            lower,
            &[
                "senest den",
                "senest d.",
                "frist den",
                "fristen er",
                "frist:",
            ],
        )
    {
        return true;
    }
    // Citizens apply within a period for something that is not money (halls, seasons).
    dated && any(lower, &["ansøgning", "ansøge"]) && lower.contains("perioden")
}

fn revision(lower: &str) -> bool {
    if any(lower, AUDIT) || any(lower, CONTRACT) {
        return false;
    }
    if any(
        lower,
        &[
            "revideres",
            "revision af",
            "revisionen af",
            "revideret udgave",
            "rulleres",
            "rullering",
            "genbesøges",
            "skal evalueres",
            "evalueres",
            "ny evaluering",
            "evaluering, som",
            "behov for at evaluere",
            "skal evaluere",
            "vil evaluere",
            "evaluering og revision",
            "løbende evaluering",
        ],
    ) {
        return !any(
            lower,
            &["evalueringen viser", "blev evalueret", "er evalueret"],
        );
    }
    // A policy running out is due for renewal ("politikker som udløber i 2022").
    (lower.contains("udløber") || lower.contains("gælder foreløbig frem til")) && any(lower, PLANS)
}

/// The kind of event `sentence` (lower-cased) announces, if any; `dated` tells whether it
/// states a full date, `any_date` whether it states a date of any precision. The kinds are
/// tried from the most specific cue to the least.
pub fn kind_of(lower: &str, dated: bool, any_date: bool) -> Option<DeadlineKind> {
    if lower.contains("høringsmøde") {
        return Some(DeadlineKind::Meeting);
    }
    if consultation(lower) {
        return Some(DeadlineKind::Consultation);
    }
    if application(lower, any_date) {
        return Some(DeadlineKind::Application);
    }
    if deadline(lower, dated) {
        return Some(DeadlineKind::Deadline);
    }
    if meeting(lower, any_date) {
        return Some(DeadlineKind::Meeting);
    }
    if revision(lower) {
        return Some(DeadlineKind::Revision);
    }
    None
}

/// True when the consultation sentence `lower` only mentions an answer given in it
/// ("Høringssvar fra Seniorrådet vedlægges"): where the same item states the consultation
/// itself, the answer is part of that event, not another one.
pub fn answer_only(lower: &str) -> bool {
    lower.contains("høringssvar")
        && !SENT_TO_HEARING.is_match(lower)
        && !any(
            lower,
            &["høringsfrist", "høringsperiode", "offentlig høring"],
        )
}

/// Words of a sentence that speak of the past ("blev afholdt", "er sendt i høring").
fn past_tense(lower: &str) -> bool {
    any(
        lower,
        &[
            "blev ",
            "er blevet",
            "har været",
            "var ",
            "er sendt",
            "afgav",
            "afholdt",
            "har afgivet",
            "har givet",
            "vedlægges",
            "foreligger",
            "vil foreligge",
            "taget til efterretning",
        ],
    )
}

/// Start and end of an event of `kind` from the dates its sentence states.
fn start_end(kind: DeadlineKind, lower: &str, found: &[TextDate]) -> (Option<u64>, Option<u64>) {
    // The most precise dates the sentence gives: days over months over years.
    let precision = |d: u64| match (d / 100 % 100, d % 100) {
        (0, _) => 0,
        (_, 0) => 1,
        _ => 2,
    };
    let Some(best) = found.iter().map(|t| precision(t.date)).max() else {
        return (None, None);
    };
    let picked: Vec<&TextDate> = found.iter().filter(|t| precision(t.date) == best).collect();
    let (first, last) = match (picked.first(), picked.last()) {
        (Some(a), Some(b)) => (*a, *b),
        _ => return (None, None),
    };
    if picked.len() >= 2 && last.date > first.date {
        // A period: "fra den 1. januar til den 31. januar", "1.-15. marts".
        let between = &lower.get(first.end..last.at).unwrap_or("");
        if between.contains("til") || between.trim().starts_with(['-', '–']) || between.len() < 4
        {
            return (Some(first.date), Some(last.date));
        }
    }
    // One date. For a consultation a "frist" date closes it; otherwise it is the start.
    if kind == DeadlineKind::Consultation {
        let before = lower.get(..first.at).unwrap_or("");
        if before.contains("frist") || before.contains("senest") {
            return (None, Some(first.date));
        }
    }
    (Some(first.date), None)
}

/// The events announced in `text`. `doc_date` (YYYYMMDD, 0 if unknown) completes dates
/// written without a year and tells whether a dated event was still ahead when the text was
/// written; it is never an event's date.
pub fn find_deadlines(text: &str, doc_date: u64) -> Vec<Deadline> {
    let year_hint = (doc_date > 0).then_some((doc_date / 10000) as i64);
    let mut out = Vec::new();
    // Line breaks from the page layout are not sentence ends.
    let flat = text.replace(['\n', '\r'], " ");
    for (a, b) in crate::sentence::prose_sentences(&flat) {
        let sentence = flat[a..b].split_whitespace().collect::<Vec<_>>().join(" ");
        let lower = sentence.to_lowercase();
        // Byte offsets of dates are found in the lower-cased copy and used only there.
        let mut found = dates::mentions_in_text(&lower, year_hint);
        let full_date = found.iter().any(|t| t.date % 100 != 0);
        let Some(kind) = kind_of(&lower, full_date, !found.is_empty()) else {
            continue;
        };
        // "godkendte politikken til høring ved udvalgets møde den 6. februar": the date of
        // the meeting that decided it is not the event's date (except for a meeting).
        if kind != DeadlineKind::Meeting {
            found.retain(|t| {
                let before = &lower[..t.at];
                let from = before
                    .char_indices()
                    .rev()
                    .nth(24)
                    .map(|(i, _)| i)
                    .unwrap_or(0);
                !before[from..].contains("møde")
            });
        }
        let (start, end) = start_end(kind, &lower, &found);
        let dated = end.or(start);
        let upcoming = match dated {
            Some(d) if doc_date > 0 => dates::last_day(d) >= doc_date,
            Some(_) => true,
            None => !past_tense(&lower),
        };
        let unreadable_date = match dated {
            Some(_) => None,
            None => dates::unreadable_dates_in_text(&lower)
                .first()
                .and_then(|&(a, b)| lower.get(a..b))
                .map(str::to_string),
        };
        out.push(Deadline {
            kind,
            date: dated.unwrap_or(doc_date),
            explicit: dated.is_some(),
            start,
            end,
            upcoming,
            unreadable_date,
            sentence,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Proves the invariant of every `expect("constant regex")` in this module.
    #[test]
    fn every_pattern_compiles() {
        for p in [&COUNCIL, &SENT_TO_HEARING, &TAKES_DIALOGUE] {
            LazyLock::force(p);
        }
    }

    /// (sentence, expected (kind, start, end) or none). The document is dated 2023-05-01.
    type Row = (
        &'static str,
        Option<(DeadlineKind, &'static str, &'static str)>,
    );

    fn check(rows: &[Row]) {
        for (text, want) in rows {
            let got = find_deadlines(text, 20230501);
            let got = got.first().map(|d| {
                (
                    d.kind,
                    d.start.map(dates::format_date).unwrap_or_default(),
                    d.end.map(dates::format_date).unwrap_or_default(),
                )
            });
            let want = want.map(|(k, s, e)| (k, s.to_string(), e.to_string()));
            assert_eq!(got, want, "{text}");
        }
    }

    use DeadlineKind::*;

    #[test]
    fn consultations() {
        check(&[
            (
                "Forslaget sendes i offentlig høring med høringsfrist den 15. marts 2027.",
                Some((Consultation, "", "2027-03-15")),
            ),
            (
                "Sagen sendes i høring i Handicaprådet med frist den 10. august 2025 kl. 15.",
                Some((Consultation, "", "2025-08-10")),
            ),
            (
                "Sundhedspolitikken sendes i høring.",
                Some((Consultation, "", "")),
            ),
            (
                "Høringsperioden løber fra den 1. juni til den 30. juni 2023.",
                Some((Consultation, "2023-06-01", "2023-06-30")),
            ),
            (
                "Høringssvar fra Handicaprådet og Greve Seniorråd vedlægges.",
                Some((Consultation, "", "")),
            ),
            (
                "Handicaprådet afgav høringssvar ved behandlingen i oktober 2024.",
                Some((Consultation, "2024-10", "")),
            ),
        ]);
    }

    /// The false-positive families of "høring": the content of a høringssvar, an attachment
    /// title, "skal ikke i høring", staff (MED) hearings, partshøring, and the municipality
    /// answering another body's consultation.
    #[test]
    fn hearings_that_are_not_consultations() {
        check(&[
            (
                "I høringssvaret skriver rådet, at tilbuddet bør udvides.",
                None,
            ),
            ("Bilag 3: Høringssvar.", None),
            ("Sagen skal ikke i høring.", None),
            (
                "Forslaget har været i høring i Hoved-MED og Område-MED.",
                None,
            ),
            ("Der er gennemført partshøring af borgeren.", None),
            (
                "Greve Kommune har afgivet høringssvar til Sundhedsstyrelsen om retningslinjerne.",
                None,
            ),
        ]);
    }

    #[test]
    fn applications_and_their_false_friends() {
        check(&[
            (
                "Ansøgningsfristen er 1. april.",
                Some((Application, "2023-04-01", "")),
            ),
            (
                "Foreninger kan søge puljen senest den 15. september 2023.",
                Some((Application, "2023-09-15", "")),
            ),
            (
                "Der er planlagt ny uddeling af midler i november 2025 for årene 2026 og 2027.",
                Some((Application, "2025-11", "")),
            ),
            // the municipality's own application
            (
                "Greve Kommune har ansøgt Socialstyrelsen om midler fra puljen den 1. marts 2023.",
                None,
            ),
            // "midler*" is not "midlertidig"
            (
                "Borgeren kan søge om en midlertidig bolig senest den 1. juni 2023.",
                Some((Deadline, "2023-06-01", "")),
            ),
        ]);
    }

    #[test]
    fn meetings() {
        check(&[
            (
                "Workshop om frivillighed blev afholdt den 28. februar i Byrådssalen.",
                Some((Meeting, "2023-02-28", "")),
            ),
            (
                "Der inviteres til dialogmøde for foreninger den 12. juni 2023.",
                Some((Meeting, "2023-06-12", "")),
            ),
            (
                "Administrationen vurderer, at det vil være muligt at afholde et arrangement i april 2025.",
                Some((Meeting, "2025-04", "")),
            ),
            ("Udvalget drøftede sagen på mødet.", None),
        ]);
    }

    /// Deadlines, and the families that are not: contract or grant expiry, tenders,
    /// limitation periods, statutory processing times and "senest" meaning "most recently".
    #[test]
    fn deadlines_and_what_is_not_one() {
        check(&[
            (
                "Svar skal sendes senest den 01.09.2024 til sekretariatet.",
                Some((Deadline, "2024-09-01", "")),
            ),
            (
                "Tilmelding senest den 3. maj 2023 til frivilligcentret.",
                Some((Deadline, "2023-05-03", "")),
            ),
            (
                "Ansøgning til de to næste sæsoner sker i perioden fra den 1. januar til den 31. januar.",
                Some((Deadline, "2023-01-01", "2023-01-31")),
            ),
            ("Kontrakten udløber den 31. december 2024.", None),
            ("Tilbudsfristen i udbuddet er den 1. marts 2024.", None),
            ("Forældelsesfristen er tre år fra den 1. januar 2023.", None),
            (
                "Sagsbehandlingstiden er senest den 1. juli 2023 otte uger.",
                None,
            ),
            ("Planen blev senest revideret i 2019.", None),
            ("Senest har udvalget drøftet sagen i 2022.", None),
        ]);
    }

    /// Revisions, and audits and contracts that are not.
    #[test]
    fn revisions_and_audits() {
        check(&[
            ("Politikken revideres i 2026.", Some((Revision, "2026", ""))),
            (
                "Beredskabsplanen gælder for 2024-2028 og skal revideres inden 1. april 2028.",
                Some((Revision, "2028-04-01", "")),
            ),
            (
                "Byrådet har vedtaget en række politikker som udløber i 2022.",
                Some((Revision, "2022", "")),
            ),
            (
                "Administrationen foreslår, at der udarbejdes en ny evaluering ultimo 2025.",
                Some((Revision, "2025-12", "")),
            ),
            (
                "Kvalitetsstandarden skal revideres mindst hvert andet år.",
                Some((Revision, "", "")),
            ),
            ("Revisionen har gennemgået regnskabet for 2022.", None),
            ("Revisionsberetningen for 2022 forelægges udvalget.", None),
            ("Revisor har ingen bemærkninger til årsregnskabet.", None),
            ("Lejekontrakten udløber i 2025 og genforhandles.", None),
            ("Bevillingen udløber med udgangen af 2024.", None),
            ("Evalueringen viser, at indsatsen virker.", None),
            ("Borgerne oplever mindre ensomhed end i 2019.", None),
        ]);
    }

    #[test]
    fn the_date_of_the_deciding_meeting_is_not_the_events() {
        check(&[
            (
                "Udvalget godkendte politikken til høring ved udvalgets møde den 6. februar 2023.",
                Some((Consultation, "", "")),
            ),
            (
                "Regeringen og KL har aftalt, at kommunerne senest den 30. september 2022 skal byde ind.",
                None,
            ),
            (
                "Ministeriet udgiver hvert år senest den 1. juli Danmarkskortet.",
                None,
            ),
        ]);
        assert!(answer_only("høringssvar fra greve seniorråd vedlægges."));
        assert!(!answer_only(
            "sagen er sendt i høring, og høringssvar vil foreligge."
        ));
    }

    #[test]
    fn bad_dates_stay_undated_and_upcoming_follows_the_document() {
        let d = find_deadlines("Høringsfristen er den 31. februar 2024.", 20230501);
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].start, d[0].end, d[0].explicit), (None, None, false));
        assert_eq!(d[0].unreadable_date.as_deref(), Some("31. februar 2024"));
        let d = find_deadlines("Frist for tilmelding er 2023-02-31.", 20230501);
        assert_eq!(d[0].unreadable_date.as_deref(), Some("2023-02-31"));
        let d = find_deadlines("Politikken revideres i 2022.", 20230501);
        assert!(!d[0].upcoming);
        let d = find_deadlines("Politikken revideres i 2023.", 20230501);
        assert!(d[0].upcoming, "a year still running is ahead");
        let d = find_deadlines("Sagen blev sendt i høring i Handicaprådet.", 20230501);
        assert!(!d[0].upcoming);
        let d = find_deadlines("Sagen sendes i høring i Handicaprådet.", 0);
        assert!(d[0].upcoming);
        assert_eq!(d[0].date, 0);
    }
}
