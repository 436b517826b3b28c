//! The iCalendar file (RFC 5545) of upcoming events, written with `icalendar`.

use crate::digest::source_url;
use crate::item::Event;
use crate::text::{self, Label};
use icalendar::{Calendar, Component, EventLike, Property};
use policymatch_i18n::Lang;

/// `d` (YYYYMMDD) as chrono's date, when it is a real day.
pub(crate) fn naive(d: u64) -> Option<chrono::NaiveDate> {
    let c = crate::dates::civil(d)?;
    chrono::NaiveDate::from_ymd_opt(i32::from(c.year()), c.month() as u32, c.day() as u32)
}

/// The calendar of `events` for profile `name`, stamped `today` (so that the same index and
/// day give the same file).
pub fn render(lang: Lang, name: &str, today: u64, events: &[Event]) -> String {
    let stamp = naive(today)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc())
        .unwrap_or_default();
    // Our own PRODID: RFC 5545 allows one, and Calendar::new() brings the library's.
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new("PRODID", text::prodid(lang, "watch")));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    cal.name(&text::calendar_name(lang, name));
    for e in events {
        let Some(day) = naive(e.date) else { continue };
        let Some(next) = day.succ_opt() else { continue };
        let description = format!(
            "{}\n{}: {}",
            e.description,
            text::label(lang, Label::Source),
            e.source
        );
        let event = icalendar::Event::new()
            .uid(&format!("{}@policymatch", e.key))
            .summary(&e.summary)
            .description(&description)
            .starts(day)
            .ends(next)
            .timestamp(stamp)
            .url(&source_url(&e.path, e.page))
            .done();
        cal.push(event);
    }
    cal.done().to_string()
}
