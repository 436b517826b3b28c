//! The Atom feed (RFC 4287) of a run's new items, written with `atom_syndication`.

use crate::digest::{facts, quote, source_url};
use crate::item::{Item, ItemKind};
use crate::text::{self, Label};
use atom_syndication::{Category, Entry, Feed, FixedDateTime, Link, Person, Text};
use policymatch_i18n::Lang;

/// Midnight UTC of `d` (YYYYMMDD; a bare year is its first day), or of `fallback` when `d`
/// is no date.
fn timestamp(d: u64, fallback: u64) -> FixedDateTime {
    let day = |d: u64| {
        let d = if d.is_multiple_of(10000) { d + 101 } else { d };
        crate::dates::civil(d)
    };
    let date = day(d).or_else(|| day(fallback));
    let (y, m, dd) = date
        .map(|x| (i32::from(x.year()), x.month() as u32, x.day() as u32))
        .unwrap_or((1970, 1, 1));
    chrono::NaiveDate::from_ymd_opt(y, m, dd)
        .and_then(|n| n.and_hms_opt(0, 0, 0))
        .map(|n| n.and_utc().fixed_offset())
        .unwrap_or_default()
}

fn title(lang: Lang, i: &Item) -> String {
    match i.kind {
        ItemKind::Match => text::match_title(lang, &i.title),
        ItemKind::Deadline => text::deadline_title(
            lang,
            i.deadline_kind
                .unwrap_or(policymatch_core::deadlines::DeadlineKind::Deadline),
            i.date,
            &i.title,
        ),
        ItemKind::Meeting => text::meeting_title(lang, &i.title, i.date),
        ItemKind::CaseItem => {
            text::case_title(lang, i.case_number.as_deref().unwrap_or("-"), &i.title)
        }
    }
}

fn summary(lang: Lang, i: &Item) -> String {
    let body = match i.kind {
        ItemKind::Meeting => format!(
            "{}: {}",
            text::label(lang, Label::OnTheAgenda),
            i.text.replace('\n', "; ")
        ),
        _ => quote(&i.text),
    };
    let f = facts(lang, i);
    let source = format!(
        "{}: {}",
        text::label(lang, Label::Source),
        crate::digest::source_line(lang, i, false)
    );
    [body, f, source]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The feed of `items` for profile `name` (file stem `stem`) over `municipalities`, dated
/// `today`, in `lang`.
pub fn render(
    lang: Lang,
    name: &str,
    stem: &str,
    today: u64,
    municipalities: &[String],
    items: &[Item],
) -> String {
    let entries: Vec<Entry> = items
        .iter()
        .map(|i| {
            let mut e = Entry::default();
            e.set_id(format!("urn:policymatch:item:{}", i.key));
            e.set_title(Text::plain(title(lang, i)));
            e.set_updated(timestamp(i.date, today));
            e.set_summary(Some(Text::plain(summary(lang, i))));
            let mut link = Link::default();
            link.set_href(source_url(&i.path, i.page));
            link.set_rel("alternate");
            e.set_links(vec![link]);
            let mut c = Category::default();
            c.set_term(text::kind(lang, i.kind));
            e.set_categories(vec![c]);
            e
        })
        .collect();
    let mut feed = Feed::default();
    feed.set_id(format!("urn:policymatch:watch:{stem}"));
    feed.set_title(Text::plain(text::digest_title(lang, name)));
    feed.set_subtitle(Some(Text::plain(text::digest_intro(
        lang,
        today,
        items.len(),
        municipalities,
    ))));
    feed.set_updated(timestamp(today, today));
    let mut author = Person::default();
    author.set_name("policymatch");
    feed.set_authors(vec![author]);
    feed.set_lang(Some(lang.code().to_string()));
    feed.set_entries(entries);
    feed.to_string()
}
