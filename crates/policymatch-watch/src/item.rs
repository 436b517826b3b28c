//! What a run reports: matches, consultations and deadlines, meetings and the agenda items of
//! followed cases, each with a stable key; and the upcoming events for the calendar.
//!
//! A key is BLAKE3 of what identifies the item (its kind, document, page or agenda item, and
//! text or sentence), so the same index gives the same keys on every run, and a changed
//! consultation (a new date or wording) is a new item.

use crate::Error;
use policymatch_core::deadlines::DeadlineKind;
use policymatch_core::index::PolicyIndex;
use policymatch_core::index::civic::DeadlineHit;
use policymatch_core::index::records::PassageRecord;
use policymatch_core::index::search::Filters;
use policymatch_core::process::Stage;
use policymatch_matcher::{Matcher, Options, Profile, ProfileField, Suggestion};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Suggestions whose documents count as relevant to the profile for deadlines and meetings
/// (as `deadlines --profile` does).
const RELEVANT_TOP: usize = 60;

/// Consultations dated by their meeting (no date in the sentence) stay current this many days.
const UNDATED_DAYS: i64 = 42;

/// What an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A passage that meets the profile.
    Match,
    /// A consultation, application deadline, revision or other deadline.
    Deadline,
    /// A meeting with agenda items for the profile.
    Meeting,
    /// An agenda item in a followed case.
    CaseItem,
}

/// One reported thing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    /// Stable key (hex).
    pub key: String,
    /// What it is.
    pub kind: ItemKind,
    /// Its date as YYYYMMDD (a bare year as YYYY0000; 0 when unknown): the meeting or
    /// document date, or the deadline.
    pub date: u64,
    /// Document title or agenda caption (for meetings, the committee).
    pub title: String,
    /// The passage, the sentence, or (for meetings) the items on the agenda.
    pub text: String,
    /// Source file.
    pub path: String,
    /// Page (0 when not one page).
    pub page: u64,
    /// Agenda item number.
    pub item_no: Option<String>,
    /// Municipality (empty when unknown).
    pub municipality: String,
    /// Committee.
    pub committee: Option<String>,
    /// Case number.
    pub case_number: Option<String>,
    /// Stage of the case.
    pub stage: Option<Stage>,
    /// Stage of the case's previous agenda item, for followed cases.
    pub previous_stage: Option<Stage>,
    /// For deadlines, what kind.
    pub deadline_kind: Option<DeadlineKind>,
    /// Profile words a match contains.
    pub terms: Vec<String>,
}

/// A dated event for the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    /// Stable key (the calendar UID).
    pub key: String,
    /// Day (YYYYMMDD).
    pub date: u64,
    /// One line.
    pub summary: String,
    /// More text.
    pub description: String,
    /// Source file.
    pub path: String,
    /// Page (0 when not one page).
    pub page: u64,
    /// Where it is said, as the digest writes it ("path, punkt 5").
    pub source: String,
}

/// What to look for.
#[derive(Debug, Clone)]
pub struct Query<'a> {
    /// Only these municipalities (empty: the profile's list).
    pub municipalities: &'a [String],
    /// Number of matches.
    pub top: usize,
    /// Only documents added by this index run or later (None: all).
    pub since_run: Option<u64>,
    /// Followed case numbers.
    pub cases: &'a [String],
    /// Today (YYYYMMDD): deadlines before it are not reported, events from it on are listed.
    pub today: u64,
    /// The reader's language (the calendar entries' words).
    pub lang: policymatch_i18n::Lang,
}

/// Everything current for a profile: the candidate items (new or not) and upcoming events.
#[derive(Debug, Clone)]
pub struct Found {
    /// Candidate items, in report order (meetings are derived later from the new ones).
    pub items: Vec<Item>,
    /// Upcoming events, soonest first.
    pub events: Vec<Event>,
}

/// BLAKE3 of the parts (separated by a unit separator), as 32 hex digits.
pub fn key(parts: &[&str]) -> String {
    let mut h = blake3::Hasher::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update(b"\x1f");
    }
    h.finalize().to_hex()[..32].to_string()
}

/// A stored text, where it is not empty.
fn given(v: &Option<String>) -> Option<String> {
    v.clone().filter(|s| !s.is_empty())
}

/// Letters only, lower-cased: the same sentence from an agenda export and its PDF compares
/// equal.
fn letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The consultations and deadlines from `after` on, in the documents `relevant` names. The one
/// place that reads the deadlines found at indexing (`policymatch_core::deadlines`).
fn civic_deadlines(
    index: &PolicyIndex,
    filters: &Filters,
    after: u64,
    relevant: &HashSet<String>,
) -> Result<Vec<DeadlineHit>, Error> {
    Ok(index.deadlines_where(filters, after, None, |p| {
        relevant.contains(&p.document.doc_id)
    })?)
}

/// Whether a deadline is still current on `today`.
fn current(d: &policymatch_core::deadlines::Deadline, today: u64) -> bool {
    if d.date.is_multiple_of(10000) {
        return d.date / 10000 >= today / 10000;
    }
    if d.explicit {
        // a month ("i april 2025") is current until its last day
        return policymatch_core::dates::last_day(d.date) >= today;
    }
    crate::dates::add_days(d.date, UNDATED_DAYS).is_some_and(|until| until >= today)
}

fn passage_item(kind: ItemKind, p: &PassageRecord) -> Item {
    Item {
        key: String::new(),
        kind,
        date: p.document.date,
        title: p.document.title.clone(),
        text: p.text.clone(),
        path: p.document.path.clone(),
        page: p.page,
        item_no: given(&p.facts.item),
        municipality: p.document.municipality.clone(),
        committee: given(&p.facts.committee),
        case_number: given(&p.facts.case_number),
        stage: p.facts.stage,
        previous_stage: None,
        deadline_kind: None,
        terms: Vec::new(),
    }
}

fn match_item(s: &Suggestion) -> Item {
    let p = &s.passage;
    let mut item = passage_item(ItemKind::Match, p);
    let mut terms: Vec<String> = Vec::new();
    // The association's own words: themes, activities and target groups (not the words of
    // its free description, nor the exclude list).
    for m in &s.matched {
        let named = matches!(
            m.field,
            ProfileField::Theme | ProfileField::Activity | ProfileField::TargetGroup
        );
        if named && !terms.contains(&m.term) {
            terms.push(m.term.clone());
        }
    }
    item.terms = terms;
    item.key = key(&[
        "match",
        &p.document.path,
        &p.page.to_string(),
        item.item_no.as_deref().unwrap_or(""),
        &p.text,
    ]);
    item
}

fn deadline_item(h: &DeadlineHit) -> Item {
    let d = &h.deadline;
    let mut item = passage_item(ItemKind::Deadline, &h.passage);
    item.date = d.date;
    item.text = d.sentence.clone();
    item.deadline_kind = Some(d.kind);
    item.key = key(&[
        "deadline",
        &format!("{:?}", d.kind),
        &d.date.to_string(),
        &h.passage.document.path,
        &h.passage.page.to_string(),
        &letters(&d.sentence),
    ]);
    item
}

fn is_agenda_item(p: &PassageRecord) -> bool {
    p.facts.is_agenda_item()
}

/// The agenda items of the followed cases, oldest first within a case, with the stage of the
/// item before.
fn case_items(index: &PolicyIndex, cases: &[String]) -> Result<Vec<Item>, Error> {
    let mut out = Vec::new();
    for case in cases {
        let timeline = index.case_timeline(case)?;
        let mut seen = HashSet::new();
        let mut before: Option<Stage> = None;
        for e in timeline.entries {
            let item_no = given(&e.item.facts.item);
            // The same meeting item published twice (agenda export and PDF) is one item.
            if !seen.insert((
                e.date,
                e.committee.clone(),
                item_no.clone(),
                e.item.title.clone(),
            )) {
                continue;
            }
            let stage = e.item.facts.stage;
            out.push(Item {
                key: key(&[
                    "case",
                    case,
                    &e.date.to_string(),
                    &e.committee,
                    item_no.as_deref().unwrap_or(""),
                    &letters(&e.item.title),
                ]),
                kind: ItemKind::CaseItem,
                date: e.date,
                title: e.item.title.clone(),
                text: String::new(),
                path: e.item.path.clone(),
                page: 0,
                item_no,
                municipality: e.item.municipality.clone(),
                committee: (!e.committee.is_empty()).then(|| e.committee.clone()),
                case_number: Some(case.clone()),
                stage,
                previous_stage: before,
                deadline_kind: None,
                terms: Vec::new(),
            });
            if stage.is_some() {
                before = stage;
            }
        }
    }
    Ok(out)
}

fn suggest(
    index: &PolicyIndex,
    profile: &Profile,
    filters: &Filters,
    top: usize,
) -> Result<Vec<Suggestion>, Error> {
    let options = Options {
        top: top.max(RELEVANT_TOP),
        filters: filters.clone(),
        ..Options::default()
    };
    Ok(Matcher::new(index).suggest(profile, &options)?)
}

/// Finds the candidate items and upcoming events for `profile`.
pub fn find(index: &PolicyIndex, profile: &Profile, q: &Query<'_>) -> Result<Found, Error> {
    let all = Filters {
        municipalities: q.municipalities.to_vec(),
        ..Filters::default()
    };
    let fresh = Filters {
        since_run: q.since_run,
        ..all.clone()
    };
    let whole = suggest(index, profile, &all, q.top)?;
    let new = if q.since_run.is_some() {
        suggest(index, profile, &fresh, q.top)?
    } else {
        whole.clone()
    };
    let docs = |s: &[Suggestion]| -> HashSet<String> {
        s.iter()
            .map(|s| s.passage.document.doc_id.clone())
            .collect()
    };
    let from = crate::dates::year_start(q.today);

    let mut items: Vec<Item> = new.iter().take(q.top).map(match_item).collect();
    let mut deadlines: Vec<Item> = civic_deadlines(index, &fresh, from, &docs(&new))?
        .iter()
        .filter(|h| current(&h.deadline, q.today))
        .map(deadline_item)
        .collect();
    deadlines.sort_by(|a, b| (a.date, &a.path, &a.key).cmp(&(b.date, &b.path, &b.key)));
    items.extend(deadlines);
    let cases = case_items(index, q.cases)?;
    items.extend(cases.iter().cloned());

    // Upcoming events, over the whole index: deadlines with a day, and the meetings of the
    // profile's best agenda items and of the followed cases.
    let mut events = Vec::new();
    for h in civic_deadlines(index, &all, q.today, &docs(&whole))? {
        let d = &h.deadline;
        if d.date.is_multiple_of(100) || d.date < q.today {
            continue;
        }
        let it = deadline_item(&h);
        events.push(Event {
            key: it.key.clone(),
            date: d.date,
            summary: crate::text::deadline_title(q.lang, d.kind, d.date, &it.title),
            description: d.sentence.clone(),
            source: crate::digest::source_line(q.lang, &it, false),
            path: it.path,
            page: it.page,
        });
    }
    let upcoming: Vec<Item> = whole
        .iter()
        .take(q.top)
        .filter(|s| is_agenda_item(&s.passage))
        .map(match_item)
        .chain(cases)
        .filter(|i| i.date >= q.today)
        .collect();
    for m in meetings(&upcoming) {
        events.push(Event {
            key: m.key.clone(),
            date: m.date,
            summary: crate::text::meeting_title(
                q.lang,
                m.committee.as_deref().unwrap_or("?"),
                m.date,
            ),
            description: m.text.clone(),
            source: m.path.clone(),
            path: m.path.clone(),
            page: 0,
        });
    }
    events.sort_by(|a, b| (a.date, &a.summary, &a.key).cmp(&(b.date, &b.summary, &b.key)));
    events.dedup_by(|a, b| a.key == b.key);
    Ok(Found { items, events })
}

/// The meetings the agenda items among `items` (matches and case items) belong to, oldest
/// first: one per municipality, committee and date, listing its items.
pub fn meetings(items: &[Item]) -> Vec<Item> {
    // (date, municipality, committee) -> ((item number, caption) on the agenda, a source).
    type Meeting = (u64, String, String);
    type Agenda = (BTreeSet<(String, String)>, String);
    let mut by: BTreeMap<Meeting, Agenda> = BTreeMap::new();
    for i in items {
        let (Some(committee), Some(no)) = (&i.committee, &i.item_no) else {
            continue;
        };
        if i.date == 0 || !matches!(i.kind, ItemKind::Match | ItemKind::CaseItem) {
            continue;
        }
        let entry = by
            .entry((i.date, i.municipality.clone(), committee.clone()))
            .or_insert_with(|| (BTreeSet::new(), i.path.clone()));
        entry.0.insert((format!("{no:>4}"), i.title.clone()));
    }
    by.into_iter()
        .map(|((date, municipality, committee), (agenda, path))| {
            let text = agenda
                .iter()
                .map(|(no, title)| format!("{}. {title}", no.trim()))
                .collect::<Vec<_>>()
                .join("\n");
            Item {
                key: key(&["meeting", &municipality, &committee, &date.to_string()]),
                kind: ItemKind::Meeting,
                date,
                title: committee.clone(),
                text,
                path,
                page: 0,
                item_no: None,
                municipality,
                committee: Some(committee),
                case_number: None,
                stage: None,
                previous_stage: None,
                deadline_kind: None,
                terms: Vec::new(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stable_and_separate_their_parts() {
        assert_eq!(key(&["a", "b"]), key(&["a", "b"]));
        assert_ne!(key(&["ab", ""]), key(&["a", "b"]));
        assert_eq!(key(&["x"]).len(), 32);
    }

    #[test]
    fn deadlines_are_current_until_their_day() {
        let d = |date, explicit| policymatch_core::deadlines::Deadline {
            kind: DeadlineKind::Consultation,
            date,
            explicit,
            start: explicit.then_some(date),
            end: None,
            upcoming: true,
            unreadable_date: None,
            sentence: String::new(),
        };
        assert!(current(&d(20240901, true), 20240901));
        assert!(!current(&d(20240831, true), 20240901));
        assert!(current(&d(20240801, false), 20240901));
        assert!(!current(&d(20240701, false), 20240901));
        assert!(current(&d(20240000, true), 20240901));
        assert!(!current(&d(20230000, true), 20240901));
    }
}
