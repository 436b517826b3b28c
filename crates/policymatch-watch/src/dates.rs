//! Dates as the index keeps them (YYYYMMDD numbers), read and moved with jiff.

use jiff::civil::Date;

/// `d` (YYYYMMDD) as a date, when it is one.
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
    // A civil date's year is -9999..=9999; the index only holds positive years.
    let y = u64::try_from(d.year()).unwrap_or(0);
    y * 10000 + d.month() as u64 * 100 + d.day() as u64
}

/// `d` (YYYYMMDD) plus `days`.
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

/// Today in the system's time zone, as YYYYMMDD.
pub fn today() -> u64 {
    number(jiff::Zoned::now().date())
}

/// Parses YYYY-MM-DD.
pub fn parse(s: &str) -> Option<u64> {
    s.trim().parse::<Date>().ok().map(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_arithmetic() {
        assert_eq!(parse("2024-02-28"), Some(20240228));
        assert_eq!(parse("2024-02-30"), None);
        assert_eq!(add_days(20240228, 2), Some(20240301));
        assert_eq!(add_days(20240000, 2), None);
        assert_eq!(year_start(20240815), 20240000);
        assert!(today() > 20240000);
    }
}
