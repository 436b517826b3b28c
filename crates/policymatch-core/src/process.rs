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

/// The stage an agenda item's caption and recommendation text suggest.
pub fn stage_of(caption: &str, text: &str) -> Option<Stage> {
    let c = caption.to_lowercase();
    let t = text.to_lowercase();
    let any = |s: &str, cues: &[&str]| cues.iter().any(|cue| s.contains(cue));
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
    if any(
        &c,
        &[
            "status",
            "evaluering",
            "midtvejs",
            "opfølgning",
            "årsrapport",
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
    if any(&c, &["godkendelse", "vedtagelse"]) {
        return Some(Stage::Approval);
    }
    if any(&c, &["orientering", "meddelelse"]) || any(&t, &["tages til efterretning"]) {
        return Some(Stage::Orientation);
    }
    None
}

static UNIT: LazyLock<Regex> = LazyLock::new(|| {
    // Invariant: a constant pattern that is known to compile (tested below).
    Regex::new(
        r"\b(?:(?:Center|Centret|Afdeling|Sekretariat|Enhed|Team)\s+for\s+[A-ZÆØÅ][\wæøåÆØÅ-]*(?:\s*(?:&|og|,)\s*[A-ZÆØÅa-zæøå][\wæøåÆØÅ-]*|\s+[A-ZÆØÅ][\wæøåÆØÅ-]*){0,3}|[A-ZÆØÅ][\wæøå-]*(?:\s+og\s+[A-ZÆØÅ][\wæøå]*)?forvaltningen)",
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
