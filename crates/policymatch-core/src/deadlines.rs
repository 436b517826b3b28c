//! Public consultations and deadlines: which sentences announce one, and the date.
//!
//! A sentence is a candidate when it carries a cue of one of the [`DeadlineKind`]s
//! ("sendes i høring", "høringsfrist", "ansøgningsfrist", "senest", "revideres i 2026", …).
//! Dates are read in the forms Danish municipal texts use: "1. marts 2024", "den 15. marts",
//! "15.03.2027", "15/3-2027", "2027-03-15", and for revisions a bare year ("i 2026").
//! A date without a year takes the year of the document's date. A consultation announced
//! without a date ("sendes i offentlig høring") is dated by the document (the meeting that
//! decided it).

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

/// What a deadline is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// A public consultation (høring) or its deadline (høringsfrist).
    Consultation,
    /// An application deadline (ansøgningsfrist) for a pool or grant.
    Application,
    /// A planned revision or evaluation of a policy.
    Revision,
    /// Any other deadline ("senest den …", "frist").
    Deadline,
}

impl DeadlineKind {
    /// A short Danish-English label.
    pub fn label(self) -> &'static str {
        match self {
            DeadlineKind::Consultation => "consultation (høring)",
            DeadlineKind::Application => "application deadline",
            DeadlineKind::Revision => "revision",
            DeadlineKind::Deadline => "deadline",
        }
    }
}

/// A consultation or deadline found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// What it is.
    pub kind: DeadlineKind,
    /// The date as YYYYMMDD (a bare year as YYYY0000); taken from the document's date when
    /// the sentence gives none.
    pub date: u64,
    /// True when the date is written in the sentence, false when it is the document's date.
    pub explicit: bool,
    /// The sentence that announces it.
    pub sentence: String,
}

fn kind_of(lower: &str) -> Option<DeadlineKind> {
    let consultation = [
        "i høring",
        "høringsfrist",
        "høringsperiode",
        "offentlig høring",
        "høringsudkast",
        "høringssvar skal",
        "høringssvar sendes",
        "høringssvar kan",
    ];
    if consultation.iter().any(|c| lower.contains(c)) {
        return Some(DeadlineKind::Consultation);
    }
    if lower.contains("ansøgningsfrist")
        || (lower.contains("ansøg") && (lower.contains("senest") || lower.contains("frist")))
        || (lower.contains("søge") && lower.contains("senest"))
    {
        return Some(DeadlineKind::Application);
    }
    if [
        "revideres",
        "revision",
        "evalueres",
        "rulleres",
        "udløber",
        "genbesøges",
    ]
    .iter()
    .any(|c| lower.contains(c))
    {
        return Some(DeadlineKind::Revision);
    }
    if lower.contains("frist") || lower.contains("senest den") || lower.contains("senest d.") {
        return Some(DeadlineKind::Deadline);
    }
    None
}

/// The consultations and deadlines announced in `text`. `doc_date` (YYYYMMDD, 0 if unknown)
/// completes dates without a year and dates consultations announced without a date.
pub fn find_deadlines(text: &str, doc_date: u64) -> Vec<Deadline> {
    let year_hint = (doc_date > 0).then_some(doc_date / 10000);
    let mut out = Vec::new();
    // Line breaks from the page layout are not sentence ends.
    let flat = text.replace(['\n', '\r'], " ");
    for sentence in flat.unicode_sentences() {
        let lower = sentence.to_lowercase();
        let Some(kind) = kind_of(&lower) else {
            continue;
        };
        let sentence = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
        let date =
            crate::dates::first_date_in(&sentence, year_hint, kind == DeadlineKind::Revision);
        match (date, kind) {
            (Some(date), _) => out.push(Deadline {
                kind,
                date,
                explicit: true,
                sentence,
            }),
            (None, DeadlineKind::Consultation) if doc_date > 0 => out.push(Deadline {
                kind,
                date: doc_date,
                explicit: false,
                sentence,
            }),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_of_sentences() {
        type Expected = Option<(DeadlineKind, u64, bool)>;
        let cases: &[(&str, Expected)] = &[
            (
                "Forslaget sendes i offentlig høring med høringsfrist den 15. marts 2027.",
                Some((DeadlineKind::Consultation, 20270315, true)),
            ),
            (
                "Sundhedspolitikken sendes i høring.",
                Some((DeadlineKind::Consultation, 20230501, false)),
            ),
            (
                "Ansøgningsfristen er 1. april.",
                Some((DeadlineKind::Application, 20230401, true)),
            ),
            (
                "Politikken revideres i 2026.",
                Some((DeadlineKind::Revision, 20260000, true)),
            ),
            (
                "Svar skal sendes senest den 01.09.2024 til sekretariatet.",
                Some((DeadlineKind::Deadline, 20240901, true)),
            ),
            ("Borgerne oplever mindre ensomhed end i 2019.", None),
            ("Udvalget drøftede sagen.", None),
        ];
        for (text, want) in cases {
            let got = find_deadlines(text, 20230501);
            let got = got.first().map(|d| (d.kind, d.date, d.explicit));
            assert_eq!(&got, want, "{text}");
        }
    }
}
