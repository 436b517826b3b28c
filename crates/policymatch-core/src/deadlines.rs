//! Public consultations and deadlines: which sentences announce one, and the date.
//!
//! A sentence is a candidate when it carries a cue of one of the [`DeadlineKind`]s
//! ("sendes i høring", "høringsfrist", "ansøgningsfrist", "senest", "revideres i 2026", …).
//! Dates are read in the forms Danish municipal texts use: "1. marts 2024", "den 15. marts",
//! "15.03.2027", "15/3-2027", "2027-03-15", and for revisions a bare year ("i 2026").
//! A date without a year takes the year of the document's date. A consultation announced
//! without a date ("sendes i offentlig høring") is dated by the document (the meeting that
//! decided it).

use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;
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

const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

static MONTH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    // Invariant: a constant pattern that is known to compile (tested below).
    Regex::new(r"(?i)\b(\d{1,2})\.?\s*(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?(?:\s+(\d{4}))?")
        .expect("constant regex")
});
// Invariant: a constant pattern; this module's tests compile and use it.
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})[./](\d{1,2})(?:[./-](\d{4}|\d{2}))\b").expect("constant regex")
});
static ISO_DATE: LazyLock<Regex> =
    // Invariant: a constant pattern; this module's tests compile and use it.
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("constant regex"));
static YEAR: LazyLock<Regex> =
    // Invariant: a constant pattern; this module's tests compile and use it.
    LazyLock::new(|| Regex::new(r"\b(19[9]\d|20\d\d)\b").expect("constant regex"));

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

fn month_number(name: &str) -> Option<u64> {
    let name = name.to_lowercase();
    MONTHS
        .iter()
        .position(|m| m.starts_with(&name) && name.len() >= 3)
        .map(|i| i as u64 + 1)
}

fn valid(y: u64, m: u64, d: u64) -> Option<u64> {
    ((1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then_some(y * 10000 + m * 100 + d)
}

/// The first date written in `sentence`, as YYYYMMDD; `year_hint` completes dates without a
/// year; `allow_year` accepts a bare year (as YYYY0000).
pub fn parse_date(sentence: &str, year_hint: Option<u64>, allow_year: bool) -> Option<u64> {
    let mut found: Vec<(usize, u64)> = Vec::new();
    for c in MONTH_DATE.captures_iter(sentence) {
        let (Some(whole), Some(d), Some(m)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let day = d.as_str().parse().ok();
        let month = month_number(m.as_str());
        let year = c.get(3).and_then(|y| y.as_str().parse().ok()).or(year_hint);
        if let (Some(day), Some(month), Some(year)) = (day, month, year)
            && let Some(v) = valid(year, month, day)
        {
            found.push((whole.start(), v));
        }
    }
    for c in NUMERIC_DATE.captures_iter(sentence) {
        let (Some(whole), Some(d), Some(m), Some(y)) = (c.get(0), c.get(1), c.get(2), c.get(3))
        else {
            continue;
        };
        let mut year: u64 = y.as_str().parse().unwrap_or(0);
        if year < 100 {
            year += 2000;
        }
        if let (Ok(day), Ok(month)) = (d.as_str().parse(), m.as_str().parse())
            && let Some(v) = valid(year, month, day)
        {
            found.push((whole.start(), v));
        }
    }
    for c in ISO_DATE.captures_iter(sentence) {
        let (Some(whole), Some(y), Some(m), Some(d)) = (c.get(0), c.get(1), c.get(2), c.get(3))
        else {
            continue;
        };
        if let (Ok(y), Ok(m), Ok(d)) = (y.as_str().parse(), m.as_str().parse(), d.as_str().parse())
            && let Some(v) = valid(y, m, d)
        {
            found.push((whole.start(), v));
        }
    }
    if let Some(&(_, v)) = found.iter().min_by_key(|(pos, _)| *pos) {
        return Some(v);
    }
    if allow_year {
        return YEAR
            .captures(sentence)
            .and_then(|c| c.get(1))
            .and_then(|y| y.as_str().parse::<u64>().ok())
            .map(|y| y * 10000);
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
        let date = parse_date(&sentence, year_hint, kind == DeadlineKind::Revision);
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

/// Formats a YYYYMMDD date as YYYY-MM-DD (a bare year, YYYY0000, as YYYY; 0 as "-").
pub fn format_date(date: u64) -> String {
    let (y, m, d) = (date / 10000, date / 100 % 100, date % 100);
    if date == 0 {
        "-".to_string()
    } else if m == 0 {
        format!("{y:04}")
    } else {
        format!("{y:04}-{m:02}-{d:02}")
    }
}

/// Parses YYYY-MM-DD or YYYY into YYYYMMDD (a bare year as its first day).
pub fn parse_iso_or_year(s: &str) -> Option<u64> {
    let s = s.trim();
    if s.len() == 4 {
        return s.parse::<u64>().ok().map(|y| y * 10000 + 101);
    }
    let parts: Vec<&str> = s.split('-').collect();
    if let [y, m, d] = parts.as_slice() {
        return valid(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    }
    None
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

    #[test]
    fn dates_and_formats() {
        assert_eq!(parse_date("d. 3. feb. 2025", None, false), Some(20250203));
        assert_eq!(parse_date("15/3-2027", None, false), Some(20270315));
        assert_eq!(parse_date("ingen dato", Some(2024), true), None);
        assert_eq!(format_date(20270315), "2027-03-15");
        assert_eq!(format_date(20260000), "2026");
        assert_eq!(parse_iso_or_year("2024"), Some(20240101));
        assert_eq!(parse_iso_or_year("2024-03-05"), Some(20240305));
        assert_eq!(parse_iso_or_year("marts"), None);
    }
}
