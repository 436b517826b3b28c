//! An iCalendar file (RFC 5545) of dated events, written with `icalendar`: the calendar an
//! association subscribes to in its own calendar program (`deadlines --format ics`).
//!
//! Every entry is an all-day event: a day, a period of days (a consultation period), or a
//! whole month when the text names only the month ("i april 2025"). The caller gives the
//! words (in the reader's language); this module only writes the file.

use crate::calendar::naive;
use icalendar::{Calendar, Component, EventLike, Property};
use policymatch_i18n::Lang;

/// One calendar entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsEvent {
    /// A stable identifier (the same event gives the same UID in every run).
    pub uid: String,
    /// The one-line title.
    pub summary: String,
    /// The text under it: the sentence and where it stands.
    pub description: String,
    /// Where the event is written (a file URL, with `#page=N` for a PDF page).
    pub url: String,
    /// First day (YYYYMMDD, a real day).
    pub first: u64,
    /// Last day (YYYYMMDD, a real day, not before `first`).
    pub last: u64,
    /// When the event was announced (YYYYMMDD), the entry's DTSTAMP; a fixed value keeps the
    /// file byte-identical for the same index.
    pub stamp: u64,
}

/// The calendar named `name` holding `events` (entries whose days are not real are left out);
/// `lang` is the language of its words, named in its PRODID.
pub fn render(lang: Lang, name: &str, events: &[IcsEvent]) -> String {
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new(
        "PRODID",
        crate::text::prodid(lang, "deadlines"),
    ));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    cal.name(name);
    for e in events {
        let (Some(first), Some(last)) = (naive(e.first), naive(e.last)) else {
            continue;
        };
        // DTEND of an all-day event is the day after the last (RFC 5545 3.6.1).
        let Some(end) = last.max(first).succ_opt() else {
            continue;
        };
        let stamp = naive(e.stamp)
            .or(Some(first))
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|d| d.and_utc())
            .unwrap_or_default();
        let event = icalendar::Event::new()
            .uid(&e.uid)
            .summary(&e.summary)
            .description(&e.description)
            .starts(first)
            .ends(end)
            .timestamp(stamp)
            .url(&e.url)
            .done();
        cal.push(event);
    }
    cal.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_day_entries_end_the_day_after() {
        let e = IcsEvent {
            uid: "a@policymatch".into(),
            summary: "Høring: Sundhedspolitik".into(),
            description: "Sagen sendes i høring.".into(),
            url: "file:///x.pdf#page=2".into(),
            first: 20250301,
            last: 20250331,
            stamp: 20250201,
        };
        let bad = IcsEvent {
            first: 20250231,
            ..e.clone()
        };
        let cal = render(Lang::Da, "policymatch", &[e, bad]);
        assert_eq!(cal.matches("BEGIN:VEVENT").count(), 1, "{cal}");
        assert!(cal.contains("DTSTART;VALUE=DATE:20250301"), "{cal}");
        assert!(cal.contains("DTEND;VALUE=DATE:20250401"), "{cal}");
        assert!(cal.contains("DTSTAMP:20250201T000000Z"), "{cal}");
    }
}
