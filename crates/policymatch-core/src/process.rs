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
/// "at"-clause, numbered clause or sentence end ("… indstiller, at orienteringen tages til
/// efterretning"; "støtten på 10.000 kr. fra puljen ophører" is one sentence). The whole text
/// when it holds no recommendation.
fn first_request(t: &str) -> &str {
    let Some(i) = t.find("indstiller") else {
        return t;
    };
    let rest = &t[i + "indstiller".len()..];
    // skip the first "at" and stop at the next one, a numbered clause or a sentence's end
    let body = rest.find(" at ").map(|j| &rest[j + 4..]).unwrap_or(rest);
    let sentence_end = crate::intent::sentences(body)
        .first()
        .map_or(body.len(), |&(_, end)| end);
    let end = [" at ", " 2. "]
        .iter()
        .filter_map(|m| body.find(m))
        .chain([sentence_end])
        .min()
        .unwrap_or(body.len());
    &body[..end]
}

/// The stage an agenda item's caption and recommendation text suggest: what the item does
/// with its case. The recommendation's first request decides between approval and taking
/// note; the caption tells a draft, a consultation or a status report.
pub fn stage_of(caption: &str, text: &str) -> Option<Stage> {
    // a line break of the layout inside "til\nefterretning" is a space
    let flat = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let (c, t) = (flat(caption), flat(text));
    let any = |s: &str, cues: &[&str]| cues.iter().any(|cue| s.contains(cue));
    let request = first_request(&t);
    if crate::deadlines::title_names_consultation(&c) || crate::deadlines::sends_to_consultation(&t)
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
    // Nothing in the caption or the first request: what the committee did, as the decision
    // says it ("Orienteringen blev taget til efterretning", "Godkendt", "Udvalget besluttede").
    if any(&t, &["taget til efterretning", "tages til efterretning"]) {
        return Some(Stage::Orientation);
    }
    if any(&t, &["godkendt", "besluttede", "vedtaget", "anbefales"]) {
        return Some(Stage::Approval);
    }
    None
}

/// A unit's name after "Center for": a capitalised word, after any adjectives ending in -t
/// ("Frivilligt Socialt Arbejde"); then, once, "& X" or "og X" (X capitalised, or a noun in
/// lower case: "og skoler"), before which a list of names may run ("Politik, Organisation &
/// Borgerbetjening"). A capitalised word that merely follows (a person's name, "Bilag") is not
/// part of it.
const UNIT_NAME: &str = r"(?:[A-ZÆØÅ][\wæøåÆØÅ-]*t\s+)*[A-ZÆØÅ][\wæøåÆØÅ-]*(?:(?:\s*,\s*(?:[A-ZÆØÅ][\wæøåÆØÅ-]*t\s+)*[A-ZÆØÅ][\wæøåÆØÅ-]*)*\s*(?:&|og)\s*(?:(?:[A-ZÆØÅ][\wæøåÆØÅ-]*t\s+)*[A-ZÆØÅ][\wæøåÆØÅ-]*|[a-zæøå][\wæøå-]*(?:er|else|ing|hed|skab|miljø|pleje|service)\b))?";

static UNIT: LazyLock<Regex> = LazyLock::new(|| {
    // Invariant: a constant pattern that is known to compile (tested below).
    Regex::new(&format!(
        r"\b(?:(?:Center|Centret|Afdeling|Sekretariat|Enhed|Team)\s+for\s+{UNIT_NAME}|[A-ZÆØÅ][\wæøå-]*(?:\s+og\s+[A-ZÆØÅ][\wæøå]*)?forvaltningen)"
    ))
    .expect("constant regex")
});

static RECOMMENDER: LazyLock<Regex> = LazyLock::new(|| {
    // Invariant: a constant pattern that is known to compile (tested below).
    Regex::new(r"\b(Administrationen|Forvaltningen|Direktionen|Borgmesteren)\s+indstiller")
        .expect("constant regex")
});

/// The units `text` names, in order, each as written: a genitive's -s dropped ("Center for
/// Teknik og Miljøs ansvar" names "Center for Teknik og Miljø"; "Center for Dokumentation og
/// Indsats" keeps its own).
fn units_in(text: &str) -> Vec<String> {
    UNIT.find_iter(text)
        .map(|m| {
            let name = m.as_str();
            // the genitive -s of a word that ends in a vowel or -er without it (Miljøs,
            // Skolers, Plejes), not a noun's own (Indsats)
            let stem = name.strip_suffix('s').unwrap_or(name);
            let genitive_of = stem.ends_with("er")
                || stem.ends_with(['a', 'e', 'i', 'o', 'u', 'y', 'æ', 'ø', 'å']);
            let possessive = name.ends_with('s')
                && genitive_of
                && text[m.end()..]
                    .strip_prefix(' ')
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(char::is_lowercase);
            if possessive {
                name[..name.len() - 1].to_string()
            } else {
                name.to_string()
            }
        })
        .collect()
}

/// The administrative unit a text names ("Center for Sundhed & Pleje", "Social- og
/// Sundhedsforvaltningen", or "Administrationen" when it is the one recommending), if any.
pub fn administrative_unit(text: &str) -> Option<String> {
    let tidy = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    units_in(&tidy(text)).into_iter().next().or_else(|| {
        RECOMMENDER
            .captures(text)
            .and_then(|c| c.get(1))
            .map(|m| tidy(m.as_str()))
    })
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
/// ", Afdeling for", " samt Center for"), so that a match never runs from one into the next.
fn separate(text: &str) -> String {
    let mut out = text.to_string();
    for head in UNIT_HEADS {
        for joint in [" og ", " & ", ", ", " samt "] {
            out = out.replace(&format!("{joint}{head} for"), &format!(" | {head} for"));
        }
    }
    out
}

/// The units in `text` (already [`separate`]d), each once, in order.
fn units_of(text: &str) -> Vec<String> {
    let mut units: Vec<String> = Vec::new();
    for u in units_in(text) {
        if !units.contains(&u) {
            units.push(u);
        }
    }
    units
}

/// The administrative units that handle the case in `text`, as the municipality writes them:
/// those that make the recommendation ("Center for Børn & Familier, Center for Job &
/// Socialservice og Center for Sundhed & Pleje indstiller …"), split apart; else those of
/// the first sentence that names any ("Gruppen består af repræsentanter fra Center for Børn og
/// Familier, Center for Dagtilbud og Skoler samt Center for Job og Socialservice"); else the
/// recommending body ("Administrationen indstiller"), or "Administrationen" where the text
/// names it at work and nothing more specific.
pub fn administrative_units(text: &str) -> Vec<String> {
    let tidy = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let flat = tidy(text);
    if let Some(i) = flat.find(" indstiller") {
        let before = &flat[..i];
        let start = before.rfind(['.', ':']).map(|j| j + 1).unwrap_or(0);
        let units = units_of(&separate(&before[start..]));
        if !units.is_empty() {
            return units;
        }
    }
    for (a, b) in crate::intent::sentences(&flat) {
        let units = units_of(&separate(&flat[a..b]));
        if !units.is_empty() {
            return units;
        }
    }
    if let Some(c) = RECOMMENDER.captures(&flat).and_then(|c| c.get(1)) {
        return vec![c.as_str().to_string()];
    }
    let names_administration = flat
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case("administrationen"));
    if names_administration {
        return vec!["Administrationen".to_string()];
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        for p in [&UNIT, &RECOMMENDER] {
            LazyLock::force(p);
        }
    }

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
        // a line break of the layout inside a cue
        assert_eq!(
            stage_of(
                "Dialog om sommerfestivalen",
                "Administrationen indstiller, at udvalget tager dialogen til\nefterretning."
            ),
            Some(Stage::Orientation)
        );
        // an abbreviation's full stop does not end the request
        assert_eq!(
            stage_of(
                "Stop Spild Lokalt",
                "Administrationen indstiller, at støtten på 10.000 kr. fra puljen ophører fra 1. januar 2025."
            ),
            Some(Stage::Approval)
        );
        // nothing in the caption or the request: the decision says what was done
        assert_eq!(
            stage_of(
                "Hædringsarrangement",
                "1. Udvalget besluttede model 3. 2. Ikke godkendt. 3. Godkendt."
            ),
            Some(Stage::Approval)
        );
        assert_eq!(
            stage_of(
                "Det sociale danmarkskort",
                "Centrene indstiller, at arbejdet fortsætter. Ad. 4 Orienteringen blev taget til efterretning"
            ),
            Some(Stage::Orientation)
        );
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
        // a list in one unit's name; a person's name after it is not part of it
        assert_eq!(
            administrative_units(
                "Center for Politik, Organisation & Borgerbetjening indstiller, at kalenderen godkendes."
            ),
            ["Center for Politik, Organisation & Borgerbetjening"]
        );
        assert_eq!(
            administrative_units("Kontakt: Center for Sundhed & Pleje Pia Mols, tlf. 4397 9797."),
            ["Center for Sundhed & Pleje"]
        );
        // the first sentence that names units, "samt" between two of them
        assert_eq!(
            administrative_units(
                "Administrationen indstiller, at orienteringen tages til efterretning. Gruppen består af repræsentanter fra Center for Børn og Familier, Center for Dagtilbud og Skoler samt Center for Job og Socialservice. Center for Teknik og Miljøs ansvar er vejene."
            ),
            [
                "Center for Børn og Familier",
                "Center for Dagtilbud og Skoler",
                "Center for Job og Socialservice"
            ]
        );
        assert_eq!(
            administrative_units("Det er Center for Teknik og Miljøs ansvar."),
            ["Center for Teknik og Miljø"]
        );
        assert_eq!(
            administrative_units("Center for Dokumentation og Indsats er med."),
            ["Center for Dokumentation og Indsats"]
        );
        // the administration at work, and nothing more specific
        assert_eq!(
            administrative_units(
                "I samarbejde med orkestret har administrationen udarbejdet en aftale."
            ),
            ["Administrationen"]
        );
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
