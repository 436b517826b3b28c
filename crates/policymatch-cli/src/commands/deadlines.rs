//! `policymatch deadlines`: the events an association can act on, as text, JSON or an
//! iCalendar file.

use crate::args::DeadlineFormat;
use crate::output::document_json;
use crate::output::lang;
use anyhow::Context;
use policymatch_core::dates::{format_date, last_day, parse_iso_or_year, today};
use policymatch_core::deadlines::DeadlineKind;
use policymatch_core::index::PolicyIndex;
use policymatch_core::index::civic::DeadlineHit;
use policymatch_core::index::search::Filters;
use policymatch_i18n::t;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// What `deadlines` lists.
pub struct Query<'a> {
    /// Only events in the documents the profile's best matches come from.
    pub profile: Option<&'a Path>,
    /// Only events dated on or after this date (undated ones: written on or after it).
    pub after: Option<&'a str>,
    /// Only these municipalities.
    pub municipality: Vec<String>,
    /// Only these kinds (all when empty).
    pub kinds: Vec<DeadlineKind>,
    /// Only events still ahead today.
    pub upcoming: bool,
}

/// Whether `h` is still ahead on `today`: dated, with its last day today or later.
fn ahead(h: &DeadlineHit, today: u64) -> bool {
    h.deadline.last_day().is_some_and(|d| d >= today)
}

/// Where the event stands: "punkt 3" or "s. 4" (with the attachment it belongs to).
fn place(h: &DeadlineHit) -> String {
    let p = &h.passage;
    match p.facts.item.as_deref() {
        Some(item) => t!(lang(), "deadlines-item", item = item),
        None => match &p.facts.attachment_of {
            Some(of) => format!(
                "{}, {}",
                t!(lang(), "deadlines-page", page = p.page),
                policymatch_matcher::text::attachment(lang(), of)
            ),
            None => t!(lang(), "deadlines-page", page = p.page),
        },
    }
}

/// The event's dates as the text states them: "2025-03-01 – 2025-03-31", "– 2025-08-10"
/// (a closing date only), "2025-04", or the undated mark.
fn when(h: &DeadlineHit) -> String {
    let d = &h.deadline;
    match (d.start, d.end) {
        (Some(s), Some(e)) => format!("{} – {}", format_date(s), format_date(e)),
        (None, Some(e)) => format!("– {}", format_date(e)),
        (Some(s), None) => format_date(s),
        (None, None) => t!(lang(), "deadlines-undated"),
    }
}

pub fn run(dir: &Path, q: &Query<'_>, format: DeadlineFormat) -> anyhow::Result<ExitCode> {
    let after = match q.after {
        Some(a) => parse_iso_or_year(a).with_context(|| {
            let value = format!("{a:?}");
            policymatch_i18n::t!(crate::output::lang(), "deadlines-bad-after", value = value)
        })?,
        None => today().saturating_sub(10000),
    };
    let today = today();
    let index = PolicyIndex::open(dir)?;
    let filters = Filters {
        municipalities: q.municipality.clone(),
        ..Filters::default()
    };
    let mut hits = match q.profile {
        // Relevant to the profile: in the documents (agenda items, policies) that the
        // matcher's best suggestions for it come from.
        Some(p) => {
            let profile = policymatch_matcher::Profile::load(p)?;
            let options = policymatch_matcher::Options {
                top: 60,
                filters: filters.clone(),
                ..policymatch_matcher::Options::default()
            };
            let suggestions =
                policymatch_matcher::Matcher::new(&index).suggest(&profile, &options)?;
            let docs: std::collections::HashSet<String> = suggestions
                .iter()
                .map(|s| s.passage.document.doc_id.clone())
                .collect();
            index.deadlines_where(&filters, after, None, |p| docs.contains(&p.document.doc_id))?
        }
        None => index.deadlines(&filters, after, None)?,
    };
    hits.retain(|h| q.kinds.is_empty() || q.kinds.contains(&h.deadline.kind));
    if q.upcoming {
        hits.retain(|h| ahead(h, today));
    }
    let mut out = std::io::stdout().lock();
    match format {
        DeadlineFormat::Json => {
            let items: Vec<_> = hits
                .iter()
                .map(|h| {
                    let d = &h.deadline;
                    serde_json::json!({
                        "kind": d.kind,
                        "start": d.start.map(format_date),
                        "end": d.end.map(format_date),
                        "upcoming": d.upcoming,
                        "ahead_today": ahead(h, today),
                        "date": format_date(d.date),
                        "date_explicit": d.explicit,
                        "unreadable_date": d.unreadable_date,
                        "document": document_json(&h.passage.document),
                        "page": h.passage.page,
                        "item": h.passage.facts.item,
                        "committee": h.passage.facts.committee,
                        "attachment_of": h.passage.facts.attachment_of,
                        "sentence": d.sentence,
                    })
                })
                .collect();
            serde_json::to_writer(&mut out, &serde_json::json!({ "deadlines": items }))?;
            writeln!(out)?;
        }
        DeadlineFormat::Ics => {
            let events = ics_events(&hits);
            let name = t!(lang(), "deadlines-calendar-name");
            write!(
                out,
                "{}",
                policymatch_watch::ics::render(lang(), &name, &events)
            )?;
            if events.len() < hits.len() {
                eprintln!(
                    "{}",
                    t!(
                        lang(),
                        "deadlines-ics-left-out",
                        count = hits.len() - events.len()
                    )
                );
            }
        }
        DeadlineFormat::Text => {
            for h in &hits {
                let p = &h.passage;
                writeln!(
                    out,
                    "{}  {}  {} — {}, {}",
                    when(h),
                    policymatch_matcher::text::deadline(lang(), h.deadline.kind),
                    p.document.title,
                    if p.document.municipality.is_empty() {
                        "?"
                    } else {
                        &p.document.municipality
                    },
                    place(h)
                )?;
                writeln!(out, "    {}", h.deadline.sentence)?;
                if let Some(bad) = &h.deadline.unreadable_date {
                    writeln!(
                        out,
                        "    {}",
                        t!(lang(), "deadlines-unreadable", date = bad.as_str())
                    )?;
                }
            }
        }
    }
    if hits.is_empty() {
        eprintln!(
            "{}",
            t!(lang(), "deadlines-none", date = format_date(after))
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The calendar entries of the events dated to a day or a month (a year is too vague for a
/// calendar), each naming its source and page.
fn ics_events(hits: &[DeadlineHit]) -> Vec<policymatch_watch::ics::IcsEvent> {
    let mut events = Vec::new();
    for h in hits {
        let d = &h.deadline;
        let (Some(first), Some(last)) = (d.start.or(d.end), d.end.or(d.start)) else {
            continue;
        };
        if first % 10000 == 0 || last % 10000 == 0 {
            continue;
        }
        // A month ("i april 2025") is the whole month; a day is that day.
        let first = if first % 100 == 0 { first + 1 } else { first };
        let last = last_day(last);
        let p = &h.passage;
        let kind = policymatch_matcher::text::deadline(lang(), d.kind);
        let mut kind_title = kind.chars();
        let kind: String = match kind_title.next() {
            Some(c) => c.to_uppercase().chain(kind_title).collect(),
            None => kind,
        };
        let summary = format!("{kind}: {}", p.document.title);
        let source = format!(
            "{}: {}, {} ({})",
            t!(lang(), "deadlines-source"),
            p.document.path,
            place(h),
            if p.document.municipality.is_empty() {
                "?"
            } else {
                &p.document.municipality
            }
        );
        let key = format!(
            "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
            p.document.doc_id,
            d.kind.code(),
            d.start.unwrap_or(0),
            d.end.unwrap_or(0),
            d.sentence
        );
        let uid = blake3::hash(key.as_bytes()).to_hex();
        events.push(policymatch_watch::ics::IcsEvent {
            uid: format!("{}@policymatch", &uid.as_str()[..24]),
            summary,
            description: format!("{}\n\n{source}", d.sentence),
            url: policymatch_watch::digest::source_url(&p.document.path, p.page),
            first,
            last,
            stamp: if p.document.date > 0 {
                p.document.date
            } else {
                first
            },
        });
    }
    events
}
