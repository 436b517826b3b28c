//! Dates: the one place where policymatch reads, checks, formats and counts them.
//!
//! The index keeps a date as a number, YYYYMMDD, and a bare year as YYYY0000. Every check and
//! every calculation goes through [`jiff::civil::Date`], so that "31. februar" and
//! "2023-02-31" are not dates and leap years are right. Today's date comes from jiff's clock,
//! or from `POLICYMATCH_TODAY` (YYYY-MM-DD) when that is set, which makes runs reproducible.
//!
//! Dates in running text are read in the forms Danish municipal texts use: "1. marts 2024",
//! "den 15. marts", "3. feb. 2025", "15.03.2027", "15/3-2027" and "2027-03-15".

use jiff::civil::Date;
use regex::Regex;
use std::sync::LazyLock;

/// The environment variable that fixes today's date (YYYY-MM-DD).
pub const TODAY_VAR: &str = "POLICYMATCH_TODAY";

/// Years a date written in a municipal text may plausibly have; "1. januar 1066" in a
/// history section or a page number read as a year is not an event's date.
const TEXT_YEARS: std::ops::RangeInclusive<i64> = 1990..=2100;

/// `d` (YYYYMMDD) as a date, when it is a real day (not a bare year, not 31 February).
pub fn civil(d: u64) -> Option<Date> {
    let (y, m, day) = (d / 10000, d / 100 % 100, d % 100);
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

/// A date as YYYYMMDD.
pub fn number(d: Date) -> u64 {
    // A civil date's year is -9999..=9999; dates before year 0 are not kept (0 = unknown).
    let y = u64::try_from(d.year()).unwrap_or(0);
    y * 10000 + d.month().unsigned_abs() as u64 * 100 + d.day().unsigned_abs() as u64
}

/// The day `y`-`m`-`d` as YYYYMMDD, when it exists.
pub fn ymd(y: i64, m: i64, d: i64) -> Option<u64> {
    let date = Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()?;
    Some(number(date))
}

/// `d` (YYYYMMDD) plus `days` (negative to go back); `None` for a bare year or no date.
pub fn add_days(d: u64, days: i64) -> Option<u64> {
    let date = civil(d)?;
    date.checked_add(jiff::Span::new().days(days))
        .ok()
        .map(number)
}

/// The first of `d`'s year as YYYY0000 (so that a bare year counts as in it).
pub fn year_start(d: u64) -> u64 {
    d / 10000 * 10000
}

/// Today as YYYYMMDD: `POLICYMATCH_TODAY` when it holds a date, else the system clock in the
/// system's time zone.
pub fn today() -> u64 {
    std::env::var(TODAY_VAR)
        .ok()
        .and_then(|t| parse_iso(&t))
        .unwrap_or_else(|| number(jiff::Zoned::now().date()))
}

/// Parses YYYY-MM-DD (a real day).
pub fn parse_iso(s: &str) -> Option<u64> {
    let s = s.trim();
    // jiff also reads forms like "+002024-01-01"; the command line takes the plain form only.
    if s.len() != 10 {
        return None;
    }
    s.parse::<Date>().ok().map(number)
}

/// Parses YYYY-MM-DD, or a four-digit year YYYY (as its first day, YYYY0101).
pub fn parse_iso_or_year(s: &str) -> Option<u64> {
    let s = s.trim();
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse::<i64>().ok().and_then(|y| ymd(y, 1, 1));
    }
    parse_iso(s)
}

/// The date at the start of a timestamp as agenda systems write them: "2012-09-25T15:30:00",
/// "2012-09-25", "25-09-2012 15:30:00" or "25.09.2012". 0 when it holds no real day.
pub fn timestamp_date(s: &str) -> u64 {
    let head: String = s.trim().chars().take(10).collect();
    let parts: Vec<&str> = head.split(['-', '.', '/']).collect();
    let (y, m, d) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 => (*y, *m, *d),
        [d, m, y] if y.len() == 4 => (*y, *m, *d),
        _ => return 0,
    };
    match (y.parse(), m.parse(), d.parse()) {
        (Ok(y), Ok(m), Ok(d)) => ymd(y, m, d).unwrap_or(0),
        _ => 0,
    }
}

/// Formats a YYYYMMDD date as YYYY-MM-DD (a month, YYYYMM00, as YYYY-MM; a bare year,
/// YYYY0000, as YYYY; 0 as "-").
pub fn format_date(date: u64) -> String {
    let (y, m, d) = (date / 10000, date / 100 % 100, date % 100);
    if date == 0 {
        "-".to_string()
    } else if m == 0 {
        format!("{y:04}")
    } else if d == 0 {
        format!("{y:04}-{m:02}")
    } else {
        format!("{y:04}-{m:02}-{d:02}")
    }
}

/// The last day a date of any precision covers: the day itself, a month's last day, a
/// year's 31 December (YYYYMMDD); 0 stays 0.
pub fn last_day(date: u64) -> u64 {
    let (y, m, d) = (date / 10000, date / 100 % 100, date % 100);
    if date == 0 || d > 0 {
        return date;
    }
    if m == 0 {
        return y * 10000 + 1231;
    }
    civil(y * 10000 + m * 100 + 1)
        .map(|first| number(first.last_of_month()))
        .unwrap_or(date)
}

/// Danish month names, January first.
pub const MONTHS: [&str; 12] = [
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
    // Invariant: a constant pattern, compiled by the test `every_pattern_compiles`.
    Regex::new(r"(?i)\b(\d{1,2})\.?\s*(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?(?:\s+(\d{4}))?")
        .expect("constant regex")
});
// Invariant: a constant pattern, compiled by the test `every_pattern_compiles`.
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})[./](\d{1,2})(?:[./-](\d{4}|\d{2}))\b").expect("constant regex")
});
static ISO_DATE: LazyLock<Regex> =
    // Invariant: a constant pattern, compiled by the test `every_pattern_compiles`.
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("constant regex"));
static YEAR: LazyLock<Regex> =
    // Invariant: a constant pattern, compiled by the test `every_pattern_compiles`.
    LazyLock::new(|| Regex::new(r"\b(199\d|20\d\d)\b").expect("constant regex"));

fn month_number(name: &str) -> Option<i64> {
    let name = name.to_lowercase();
    MONTHS
        .iter()
        .position(|m| m.starts_with(&name) && name.len() >= 3)
        .map(|i| i as i64 + 1)
}

/// A day written in a text: a real day in a plausible year.
fn text_day(y: i64, m: i64, d: i64) -> Option<u64> {
    TEXT_YEARS.contains(&y).then(|| ymd(y, m, d)).flatten()
}

/// A date written in a text, with where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextDate {
    /// Byte offset of the date in the text.
    pub at: usize,
    /// Byte offset just after it.
    pub end: usize,
    /// The date as YYYYMMDD.
    pub date: u64,
}

/// Every full date written in `text`, in order of position. `year_hint` completes dates
/// written without a year ("den 15. marts"). Dates that do not exist ("31. februar",
/// "2023-02-31") are left out.
pub fn dates_in_text(text: &str, year_hint: Option<i64>) -> Vec<TextDate> {
    let mut found: Vec<TextDate> = written_days(text)
        .into_iter()
        .filter_map(|w| {
            let date = text_day(w.year.or(year_hint)?, w.month, w.day)?;
            Some(TextDate {
                at: w.at,
                end: w.end,
                date,
            })
        })
        .collect();
    found.sort_by_key(|t| (t.at, t.end, t.date));
    // One date per place: "15. marts 2027" is not also "15. mar".
    found.dedup_by(|b, a| b.at < a.end);
    found
}

/// A day written in a text as it stands, before it is checked.
struct Written {
    at: usize,
    end: usize,
    /// The year, when written ("15. marts" has none).
    year: Option<i64>,
    month: i64,
    day: i64,
}

/// Every day-month(-year) `text` writes, in the three forms (month name, numeric, ISO), read
/// once for both the real days and the unreadable ones.
fn written_days(text: &str) -> Vec<Written> {
    let mut out = Vec::new();
    for c in MONTH_DATE.captures_iter(text) {
        let (Some(w), Some(d), Some(m)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        if let (Ok(day), Some(month)) = (d.as_str().parse(), month_number(m.as_str())) {
            let year = c.get(3).and_then(|y| y.as_str().parse().ok());
            out.push(Written {
                at: w.start(),
                end: w.end(),
                year,
                month,
                day,
            });
        }
    }
    for c in NUMERIC_DATE.captures_iter(text) {
        let (Some(w), Some(d), Some(m), Some(y)) = (c.get(0), c.get(1), c.get(2), c.get(3)) else {
            continue;
        };
        let mut year: i64 = y.as_str().parse().unwrap_or(0);
        if y.as_str().len() == 2 {
            year += 2000;
        }
        if let (Ok(day), Ok(month)) = (d.as_str().parse(), m.as_str().parse()) {
            out.push(Written {
                at: w.start(),
                end: w.end(),
                year: Some(year),
                month,
                day,
            });
        }
    }
    for c in ISO_DATE.captures_iter(text) {
        let (Some(w), Some(y), Some(m), Some(d)) = (c.get(0), c.get(1), c.get(2), c.get(3)) else {
            continue;
        };
        if let (Ok(y), Ok(month), Ok(day)) =
            (y.as_str().parse(), m.as_str().parse(), d.as_str().parse())
        {
            out.push(Written {
                at: w.start(),
                end: w.end(),
                year: Some(y),
                month,
                day,
            });
        }
    }
    out
}

static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    // Invariant: a constant pattern, compiled by the test `every_pattern_compiles`.
    Regex::new(r"(?i)\b(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)\s+(\d{4})\b")
        .expect("constant regex")
});
static PART_OF_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    // Invariant: a constant pattern, compiled by the test `every_pattern_compiles`.
    Regex::new(r"(?i)\b(ultimo|primo|medio|udgangen af|slutningen af|starten af|begyndelsen af|midten af|foråret|efteråret|sommeren|vinteren)\s+(\d{4})\b")
        .expect("constant regex")
});
static YEAR_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    // Invariant: a constant pattern, compiled by the test `every_pattern_compiles`.
    Regex::new(r"\b(?:199\d|20\d\d)\s*[-–/]\s*(?:199\d|20\d\d|\d\d)\b").expect("constant regex")
});

/// Every date written in `text`, of any precision, in order of position: full days as
/// YYYYMMDD, months ("i april 2025", "ultimo 2025" = December) as YYYYMM00, bare years
/// ("i 2026") as YYYY0000. A year inside a span of years ("2024-2028") is a period of
/// validity, not a date, and is left out.
pub fn mentions_in_text(text: &str, year_hint: Option<i64>) -> Vec<TextDate> {
    let mut found = dates_in_text(text, year_hint);
    // An unreadable day ("31. februar 2024") is not read as its month or year either.
    for (at, end) in unreadable_dates_in_text(text) {
        found.push(TextDate { at, end, date: 0 });
    }
    let taken =
        |found: &[TextDate], a: usize, b: usize| found.iter().any(|t| t.at < b && a < t.end);
    for c in MONTH_YEAR.captures_iter(text) {
        let (Some(w), Some(m), Some(y)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        if taken(&found, w.start(), w.end()) {
            continue;
        }
        if let (Some(m), Ok(y)) = (month_number(m.as_str()), y.as_str().parse::<i64>())
            && TEXT_YEARS.contains(&y)
        {
            found.push(TextDate {
                at: w.start(),
                end: w.end(),
                date: (y as u64) * 10000 + (m as u64) * 100,
            });
        }
    }
    for c in PART_OF_YEAR.captures_iter(text) {
        let (Some(w), Some(part), Some(y)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        if taken(&found, w.start(), w.end()) {
            continue;
        }
        let month = match part.as_str().to_lowercase().as_str() {
            "ultimo" | "udgangen af" | "slutningen af" => Some(12),
            "primo" | "starten af" | "begyndelsen af" => Some(1),
            "medio" | "midten af" => Some(6),
            // a season is vaguer than a month: the year
            _ => None,
        };
        if let Ok(y) = y.as_str().parse::<i64>()
            && TEXT_YEARS.contains(&y)
        {
            found.push(TextDate {
                at: w.start(),
                end: w.end(),
                date: (y as u64) * 10000 + month.unwrap_or(0) * 100,
            });
        }
    }
    let spans: Vec<(usize, usize)> = YEAR_RANGE
        .find_iter(text)
        .map(|m| (m.start(), m.end()))
        .collect();
    for c in YEAR.captures_iter(text) {
        let Some(w) = c.get(1) else { continue };
        if taken(&found, w.start(), w.end())
            || spans.iter().any(|&(a, b)| a <= w.start() && w.end() <= b)
        {
            continue;
        }
        if let Ok(y) = w.as_str().parse::<u64>() {
            found.push(TextDate {
                at: w.start(),
                end: w.end(),
                date: y * 10000,
            });
        }
    }
    found.retain(|t| t.date > 0);
    found.sort_by_key(|t| (t.at, t.end, t.date));
    found
}

/// Where `text` writes a date that is no real day ("31. februar 2024", "2023-02-31",
/// "31.02.2023"), as byte ranges.
pub fn unreadable_dates_in_text(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = written_days(text)
        .into_iter()
        .filter(|w| {
            // A leap day without a year may be real: check it against a leap year.
            let year = w.year.unwrap_or(2024);
            TEXT_YEARS.contains(&year)
                && (1..=12).contains(&w.month)
                && ymd(year, w.month, w.day).is_none()
        })
        .map(|w| (w.at, w.end))
        .collect();
    out.sort();
    out
}

/// The first date written in `sentence`, as YYYYMMDD; `year_hint` completes dates without a
/// year; `allow_year` accepts a bare year (as YYYY0000) when no full date is written.
pub fn first_date_in(sentence: &str, year_hint: Option<u64>, allow_year: bool) -> Option<u64> {
    let hint = year_hint.and_then(|y| i64::try_from(y).ok());
    if let Some(d) = dates_in_text(sentence, hint).first() {
        return Some(d.date);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Proves the invariant of every `expect("constant regex")` in this module.
    #[test]
    fn every_pattern_compiles() {
        for p in [
            &MONTH_DATE,
            &NUMERIC_DATE,
            &ISO_DATE,
            &YEAR,
            &MONTH_YEAR,
            &PART_OF_YEAR,
            &YEAR_RANGE,
        ] {
            LazyLock::force(p);
        }
    }

    #[test]
    fn only_real_days_are_dates() {
        assert_eq!(parse_iso("2024-02-29"), Some(20240229));
        assert_eq!(parse_iso("2023-02-29"), None);
        assert_eq!(parse_iso("2023-02-31"), None);
        assert_eq!(parse_iso("2023-2-3"), None);
        assert_eq!(ymd(2023, 2, 31), None);
        assert_eq!(ymd(2023, 13, 1), None);
        assert_eq!(first_date_in("Frist 31. februar 2025.", None, false), None);
        assert_eq!(first_date_in("Frist 2023-02-31.", None, false), None);
        assert_eq!(first_date_in("Frist 31.02.2023.", None, false), None);
        assert_eq!(
            first_date_in("senest 29. feb.", Some(2024), false),
            Some(20240229)
        );
        assert_eq!(first_date_in("senest 29. feb.", Some(2023), false), None);
    }

    #[test]
    fn any_four_digit_year_on_the_command_line() {
        assert_eq!(parse_iso_or_year("1950"), Some(19500101));
        assert_eq!(parse_iso_or_year("2024"), Some(20240101));
        assert_eq!(parse_iso_or_year(" 2024-03-05 "), Some(20240305));
        assert_eq!(parse_iso_or_year("marts"), None);
        assert_eq!(parse_iso_or_year("24"), None);
        assert_eq!(parse_iso_or_year("+02024-01-01"), None);
    }

    #[test]
    fn text_forms() {
        assert_eq!(
            first_date_in("d. 3. feb. 2025", None, false),
            Some(20250203)
        );
        assert_eq!(first_date_in("15/3-2027", None, false), Some(20270315));
        assert_eq!(first_date_in("den 1.4.26", None, false), Some(20260401));
        assert_eq!(first_date_in("ingen dato", Some(2024), true), None);
        assert_eq!(
            first_date_in("revideres i 2026", None, true),
            Some(20260000)
        );
        assert_eq!(first_date_in("i 1066 og 3. maj 1066", None, false), None);
        let all = dates_in_text("fra 1. marts 2027 til 15. april 2027", None);
        let got: Vec<u64> = all.iter().map(|d| d.date).collect();
        assert_eq!(got, [20270301, 20270415]);
    }

    #[test]
    fn mentions_of_any_precision() {
        let got = |t: &str| -> Vec<String> {
            mentions_in_text(t, Some(2025))
                .iter()
                .map(|d| format_date(d.date))
                .collect()
        };
        assert_eq!(got("et arrangement i april 2025"), ["2025-04"]);
        assert_eq!(got("en ny evaluering ultimo 2025"), ["2025-12"]);
        assert_eq!(got("ved udgangen af 2025"), ["2025-12"]);
        assert_eq!(got("politikker som udløber i 2022"), ["2022"]);
        assert_eq!(
            got("gælder for 2024-2028 og revideres inden 1. april 2028"),
            ["2028-04-01"]
        );
        assert_eq!(
            got("uddeling i november 2025 for årene 2026 og 2027"),
            ["2025-11", "2026", "2027"]
        );
        assert_eq!(
            got("fra den 1. januar til den 31. januar"),
            ["2025-01-01", "2025-01-31"]
        );
        assert_eq!(last_day(20240200), 20240229);
        assert_eq!(last_day(20250000), 20251231);
        assert_eq!(last_day(20250315), 20250315);
    }

    #[test]
    fn timestamps_and_formats() {
        assert_eq!(timestamp_date("2012-09-25T15:30:00"), 20120925);
        assert_eq!(timestamp_date("25-09-2012 15:30:00"), 20120925);
        assert_eq!(timestamp_date("31-02-2012"), 0);
        assert_eq!(timestamp_date("snart"), 0);
        assert_eq!(timestamp_date("2012-09"), 0);
        assert_eq!(format_date(20270315), "2027-03-15");
        assert_eq!(format_date(20260000), "2026");
        assert_eq!(format_date(20260400), "2026-04");
        assert_eq!(format_date(0), "-");
        assert_eq!(add_days(20240228, 2), Some(20240301));
        assert_eq!(add_days(20240000, 2), None);
        assert_eq!(year_start(20240815), 20240000);
        assert!(today() > 20240000);
    }
}
