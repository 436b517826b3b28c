//! Where a case stands and who handles it: the stage of an agenda item in the policy process,
//! and the administrative unit named in a text.

use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// Stage of an agenda item in the life of a policy or case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Start or first draft: the committee discusses a process, a draft or a commission.
    Draft,
    /// The draft is sent to (or back from) public consultation.
    Consultation,
    /// Final adoption or approval.
    Approval,
    /// Follow-up: status, evaluation, mid-term report.
    Status,
    /// Information to the committee (orientering).
    Orientation,
}

impl Stage {
    /// A short label.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Draft => "draft / discussion",
            Stage::Consultation => "public consultation",
            Stage::Approval => "approval",
            Stage::Status => "status / evaluation",
            Stage::Orientation => "orientation",
        }
    }
}

/// The first thing a recommendation asks for: the clause after "indstiller" up to the next
/// "at"-clause or sentence end ("… indstiller, at orienteringen tages til efterretning").
/// The whole text when it holds no recommendation.
fn first_request(t: &str) -> &str {
    let Some(i) = t.find("indstiller") else {
        return t;
    };
    let rest = &t[i + "indstiller".len()..];
    // skip the first "at" and stop at the next one, a numbered clause or a full stop
    let body = rest.find(" at ").map(|j| &rest[j + 4..]).unwrap_or(rest);
    let end = [" at ", ". ", " 2. "]
        .iter()
        .filter_map(|m| body.find(m))
        .min()
        .unwrap_or(body.len());
    &body[..end]
}

/// The stage an agenda item's caption and recommendation text suggest: what the item does
/// with its case. The recommendation's first request decides between approval and taking
/// note; the caption tells a draft, a consultation or a status report.
pub fn stage_of(caption: &str, text: &str) -> Option<Stage> {
    let c = caption.to_lowercase();
    let t = text.to_lowercase();
    let any = |s: &str, cues: &[&str]| cues.iter().any(|cue| s.contains(cue));
    let request = first_request(&t);
    if any(&c, &["høring"])
        || any(
            &t,
            &[
                "sendes i høring",
                "sendes i offentlig høring",
                "udsendes i høring",
            ],
        )
    {
        return Some(Stage::Consultation);
    }
    if any(
        &c,
        &["endelig godkendelse", "endelig vedtagelse", "vedtagelse af"],
    ) || any(
        &t,
        &[
            "godkendes endeligt",
            "vedtages endeligt",
            "endelig godkendelse",
        ],
    ) {
        return Some(Stage::Approval);
    }
    // Taking note: "at orienteringen tages til efterretning", "… om klagesager godkendes".
    let note = any(
        request,
        &[
            "til efterretning",
            "til orientering",
            "orienteringen",
            "orientering om",
        ],
    );
    // Deciding: approving, granting, ending support, choosing.
    let decide = !note
        && any(
            request,
            &[
                "godkendes",
                "godkender",
                "vedtages",
                "bevilges",
                "meddeles anlægsbevilling",
                "meddeles bevilling",
                "frigives",
                "ophører",
                "udpeges",
                "besluttes",
                "fastsættes",
                "beslutter",
                "vælger",
            ],
        );
    if decide {
        return Some(Stage::Approval);
    }
    if any(
        &c,
        &[
            "status",
            "evaluering",
            "midtvejs",
            "årsrapport",
            "afrapportering",
        ],
    ) {
        return Some(Stage::Status);
    }
    if any(
        &c,
        &[
            "udkast",
            "proces for",
            "procesplan",
            "kommissorium",
            "drøftelse",
            "temadrøftelse",
            "igangsætning",
        ],
    ) {
        return Some(Stage::Draft);
    }
    if note || any(&c, &["orientering", "meddelelse", "besøg"]) {
        return Some(Stage::Orientation);
    }
    if any(&c, &["godkendelse", "vedtagelse"]) {
        return Some(Stage::Approval);
    }
    None
}

static UNIT: LazyLock<Regex> = LazyLock::new(|| {
    // Invariant: a constant pattern that is known to compile (tested below).
    Regex::new(
        r"\b(?:(?:Center|Centret|Afdeling|Sekretariat|Enhed|Team)\s+for\s+[A-ZÆØÅ][\wæøåÆØÅ-]*(?:\s*(?:&|og)\s*(?:[A-ZÆØÅ][\wæøåÆØÅ-]*|[a-zæøå][\wæøå-]*(?:er|else|ing|hed|skab|miljø|pleje|service)\b)|\s+[A-ZÆØÅ][\wæøåÆØÅ-]*){0,3}|[A-ZÆØÅ][\wæøå-]*(?:\s+og\s+[A-ZÆØÅ][\wæøå]*)?forvaltningen)",
    )
    .expect("constant regex")
});

static RECOMMENDER: LazyLock<Regex> = LazyLock::new(|| {
    // Invariant: a constant pattern that is known to compile (tested below).
    Regex::new(r"\b(Administrationen|Forvaltningen|Direktionen|Borgmesteren)\s+indstiller")
        .expect("constant regex")
});

/// The administrative unit a text names ("Center for Sundhed & Pleje", "Social- og
/// Sundhedsforvaltningen", or "Administrationen" when it is the one recommending), if any.
pub fn administrative_unit(text: &str) -> Option<String> {
    UNIT.find(text)
        .map(|m| m.as_str())
        .or_else(|| {
            RECOMMENDER
                .captures(text)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str())
        })
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Words that begin a unit's name, where one unit's name ends and the next begins
/// ("Center for Børn & Familier og Center for Job & Socialservice").
const UNIT_HEADS: [&str; 6] = [
    "Center",
    "Centret",
    "Afdeling",
    "Sekretariat",
    "Enhed",
    "Team",
];

/// `text` with a "|" where one unit's name ends and the next begins (" og Center for",
/// ", Afdeling for"), so that a match never runs from one into the next.
fn separate(text: &str) -> String {
    let mut out = text.to_string();
    for head in UNIT_HEADS {
        for joint in [" og ", " & ", ", "] {
            out = out.replace(&format!("{joint}{head} for"), &format!(" | {head} for"));
        }
    }
    out
}

/// Splits a match that runs into the next unit's name at " og Center", " & Center".
fn split_units(m: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let words: Vec<&str> = m.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let joins = matches!(w, "og" | "&");
        if joins
            && words.get(i + 1).is_some_and(|n| UNIT_HEADS.contains(n))
            && words.get(i + 2) == Some(&"for")
        {
            out.push(String::new());
            i += 1;
            continue;
        }
        if let Some(last) = out.last_mut() {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(w);
        }
        i += 1;
    }
    out.retain(|u| !u.is_empty());
    out
}

/// The administrative units that handle the case in `text`, as the municipality writes them:
/// those that make the recommendation ("Center for Børn & Familier, Center for Job &
/// Socialservice og Center for Sundhed & Pleje indstiller …"), split apart; else the
/// recommending body ("Administrationen indstiller"); else the first unit the text names.
pub fn administrative_units(text: &str) -> Vec<String> {
    let tidy = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(i) = text.find(" indstiller") {
        let before = &text[..i];
        let start = before.rfind(['.', '\n', ':']).map(|j| j + 1).unwrap_or(0);
        let subject = separate(&tidy(&before[start..]));
        let mut units: Vec<String> = UNIT
            .find_iter(&subject)
            .flat_map(|m| split_units(m.as_str()))
            .collect();
        units.dedup();
        if !units.is_empty() {
            return units;
        }
    }
    administrative_unit(&separate(text))
        .map(|u| split_units(&u))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages() {
        assert_eq!(
            stage_of(
                "Sundhedspolitik 2023-2026 - godkendelse af høringsudkast",
                ""
            ),
            Some(Stage::Consultation)
        );
        assert_eq!(
            stage_of("Sundhedspolitik - endelig godkendelse", ""),
            Some(Stage::Approval)
        );
        assert_eq!(
            stage_of("Status på ældrepolitikken", ""),
            Some(Stage::Status)
        );
        assert_eq!(
            stage_of(
                "Orientering om ensomhed",
                "Orienteringen tages til efterretning."
            ),
            Some(Stage::Orientation)
        );
        assert_eq!(
            stage_of("Godkendelse af dagsorden", ""),
            Some(Stage::Approval)
        );
        assert_eq!(stage_of("Eventuelt", ""), None);
        // the recommendation's first request decides
        assert_eq!(
            stage_of(
                "Klagesager på det sociale område",
                "Administrationen indstiller, at orienteringen om klagesager godkendes."
            ),
            Some(Stage::Orientation)
        );
        assert_eq!(
            stage_of(
                "Aftale med gymnasiet om lån af lokaler",
                "Administrationen indstiller, at aftalen om udlån af idrætshal godkendes."
            ),
            Some(Stage::Approval)
        );
        assert_eq!(
            stage_of(
                "Klub Havana - frigivelse af anlægsmidler",
                "Centrene indstiller, 1. at der meddeles anlægsbevilling på 2,6 mio. kr. 3. at orienteringen tages til efterretning."
            ),
            Some(Stage::Approval)
        );
        assert_eq!(
            stage_of(
                "Afrapportering af sommerferieaktiviteter 2025",
                "Administrationen indstiller, at orienteringen tages til efterretning."
            ),
            Some(Stage::Status)
        );
        assert_eq!(
            stage_of(
                "Budgetopfølgning 3",
                "Administrationen indstiller at sagen tages til efterretning."
            ),
            Some(Stage::Orientation)
        );
    }

    #[test]
    fn several_units_in_one_phrase_are_split_without_fragments() {
        assert_eq!(
            administrative_units(
                "Sagen. Center for Børn & Familier, Center for Job & Socialservice og Center for Sundhed & Pleje indstiller overfor udvalget, at arbejdet fortsætter."
            ),
            [
                "Center for Børn & Familier",
                "Center for Job & Socialservice",
                "Center for Sundhed & Pleje"
            ]
        );
        assert_eq!(
            administrative_units(
                "Center for Teknik & Miljø, Center for Børn og familier og Center for Dagtilbud og skoler indstiller til udvalget"
            ),
            [
                "Center for Teknik & Miljø",
                "Center for Børn og familier",
                "Center for Dagtilbud og skoler"
            ]
        );
        assert_eq!(
            administrative_units(
                "Opgaven ligger i Center for Sundhed og Omsorg, som har ansvaret."
            ),
            ["Center for Sundhed og Omsorg"]
        );
        assert_eq!(
            administrative_units("Administrationen indstiller, at planen godkendes."),
            ["Administrationen"]
        );
        assert!(administrative_units("Ingen enhed nævnt her.").is_empty());
    }

    #[test]
    fn units() {
        assert_eq!(
            administrative_unit("Sagen behandles af Center for Sundhed & Pleje i samarbejde")
                .as_deref(),
            Some("Center for Sundhed & Pleje")
        );
        assert_eq!(
            administrative_unit("Administrationen indstiller, at planen godkendes.").as_deref(),
            Some("Administrationen")
        );
        assert_eq!(administrative_unit("Ingen enhed nævnt her."), None);
        assert_eq!(
            administrative_unit("indstillet af Center for Frivilligt Socialt Arbejde. Sagen")
                .as_deref(),
            Some("Center for Frivilligt Socialt Arbejde")
        );
    }
}
