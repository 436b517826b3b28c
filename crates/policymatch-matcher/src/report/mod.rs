//! From match to meeting: a report an association can take to the town hall.
//!
//! [`build_report`] runs the matcher for a profile and arranges what it finds for a person:
//! the best matches grouped by policy document (or, for agenda items, by committee), each with
//! the quoted passage, its source and page, why it matches, the committee, administrative unit
//! and case number when the document names them, the stage of the process, the consultations
//! and deadlines that concern the profile, and a draft pitch ([`pitch`]). [`html::render`]
//! and [`markdown::render`] turn it into a self-contained HTML page or Markdown.

pub mod html;
pub mod markdown;
pub mod pitch;

use crate::{Lang, Matcher, Options, Profile, Result, Suggestion};
use policymatch_core::index::PolicyIndex;
use policymatch_core::index::civic::DeadlineHit;
use policymatch_core::index::search::Filters;
use serde::Serialize;

/// Options of a report.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    /// Number of matches to include.
    pub top: usize,
    /// Only these municipalities (empty: the profile's list, else all).
    pub municipalities: Vec<String>,
    /// Today's date as YYYYMMDD: deadlines from a year before it on are listed.
    pub today: u64,
    /// The reader's language.
    pub lang: Lang,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            top: 15,
            municipalities: Vec::new(),
            today: 0,
            lang: Lang::default(),
        }
    }
}

/// Who handles the matter a passage is about, as far as the document says.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Contact {
    /// Committee (udvalg), for agenda items.
    pub committee: Option<String>,
    /// Administrative unit named in the document.
    pub unit: Option<String>,
    /// Case number (sagsnummer).
    pub case_number: Option<String>,
    /// Stage of the process (draft, consultation, approval, …), as an English label.
    pub stage: Option<String>,
    /// The same stage as a code, for the reader's language ([`crate::text::stage`]).
    pub stage_code: Option<policymatch_core::process::Stage>,
    /// Meeting date (YYYY-MM-DD), for agenda items.
    pub meeting_date: Option<String>,
    /// The agenda item the document is an attachment (bilag) of, as `fetch` recorded it.
    pub attachment_of: Option<policymatch_core::sources::sidecar::AttachmentOf>,
}

impl Contact {
    /// Reads what the passage's stored metadata says.
    pub fn of(s: &Suggestion) -> Contact {
        let facts = &s.passage.facts;
        let given = |v: &Option<String>| v.clone().filter(|v| !v.is_empty());
        let stage_code = facts.stage;
        let stage = stage_code.map(|s| s.label().to_string());
        let unit = given(&facts.unit)
            .or_else(|| policymatch_core::process::administrative_unit(&s.passage.text));
        Contact {
            committee: given(&facts.committee),
            unit,
            case_number: given(&facts.case_number),
            stage,
            stage_code,
            meeting_date: given(&facts.meeting_date),
            attachment_of: facts.attachment_of.clone(),
        }
    }
}

/// One match in the report.
#[derive(Debug, Clone, Serialize)]
pub struct ReportItem {
    /// The suggestion.
    pub suggestion: Suggestion,
    /// Who handles it.
    pub contact: Contact,
    /// The draft pitch built from it.
    pub pitch: pitch::Pitch,
}

/// Matches grouped by policy document or committee.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// The policy's title, or the committee's name for agenda items.
    pub label: String,
    /// Municipality.
    pub municipality: String,
    /// True for a committee (agenda items), false for a policy document.
    pub committee: bool,
    /// Sum of the matches' scores: how strongly the group meets the profile.
    pub strength: f32,
    /// The matches, best first.
    pub items: Vec<ReportItem>,
}

/// The report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The association's name.
    pub profile_name: String,
    /// The profile.
    #[serde(skip)]
    pub profile: Profile,
    /// Municipalities the report is limited to (empty: all).
    pub municipalities: Vec<String>,
    /// Groups, strongest first.
    pub groups: Vec<Group>,
    /// Consultations and deadlines relevant to the profile, soonest first.
    pub deadlines: Vec<DeadlineHit>,
    /// The committees, units and people behind the matches and upcoming events, most first
    /// (see [`crate::who`]).
    pub who: Vec<crate::who::Owner>,
    /// True when `deadlines` are recent past ones because none lie ahead.
    pub deadlines_are_past: bool,
    /// The date the report was made (YYYYMMDD, 0 when not given).
    pub date: u64,
    /// The reader's language.
    #[serde(skip)]
    pub lang: Lang,
}

/// Builds the report for `profile` over `index`.
pub fn build_report(
    index: &PolicyIndex,
    profile: &Profile,
    opts: &ReportOptions,
) -> Result<Report> {
    let options = Options {
        top: opts.top.max(1),
        filters: Filters {
            municipalities: opts.municipalities.clone(),
            ..Filters::default()
        },
        ..Options::default()
    };
    let filters = Matcher::filters(profile, &options);
    let suggestions = Matcher::new(index).suggest(profile, &options)?;
    let mut groups: Vec<Group> = Vec::new();
    for s in suggestions {
        let contact = Contact::of(&s);
        let is_item = s.passage.facts.is_agenda_item();
        let label = match (&contact.committee, is_item) {
            (Some(c), true) => c.clone(),
            _ => s.passage.document.title.clone(),
        };
        let municipality = s.passage.document.municipality.clone();
        let task = document_task(index, &s)?;
        let pitch = pitch::build(opts.lang, profile, &s, &contact, task);
        let item = ReportItem {
            suggestion: s,
            contact,
            pitch,
        };
        match groups
            .iter_mut()
            .find(|g| g.label == label && g.municipality == municipality)
        {
            Some(g) => {
                g.strength += item.suggestion.score;
                g.items.push(item);
            }
            None => groups.push(Group {
                label,
                municipality,
                committee: is_item,
                strength: item.suggestion.score,
                items: vec![item],
            }),
        }
    }
    groups.sort_by(|a, b| b.strength.total_cmp(&a.strength));

    let terms: Vec<&str> = profile
        .themes
        .iter()
        .chain(&profile.activities)
        .chain(&profile.target_groups)
        .map(String::as_str)
        .collect();
    let relevant = terms.join(" ");
    let relevant = (!relevant.trim().is_empty()).then_some(relevant.as_str());
    let since = if opts.today > 0 {
        opts.today.saturating_sub(10000)
    } else {
        0
    };
    let mut deadlines = index.deadlines(&filters, since, relevant)?;
    let mut past = false;
    if deadlines.is_empty() && since > 0 {
        deadlines = index.deadlines(&filters, 0, relevant)?;
        deadlines.reverse();
        deadlines.truncate(5);
        past = !deadlines.is_empty();
    }
    deadlines.truncate(12);
    let mut who = crate::who::who(index, profile, &options, opts.today)?;
    who.truncate(WHO);
    Ok(Report {
        profile_name: profile.name.clone(),
        profile: profile.clone(),
        municipalities: filters.municipalities,
        groups,
        deadlines,
        who,
        deadlines_are_past: past,
        date: opts.today,
        lang: opts.lang,
    })
}

/// How many committees, units and people the report's "who" section names.
const WHO: usize = 8;

/// Passages of one document read when looking for its task sentence.
const TASK_PASSAGES: usize = 400;

/// A sentence of the suggestion's document (another passage than its own) that states an
/// initiative or a decision and names the most of the suggestion's matched terms (at least
/// one), nearest the suggestion's page; `None` when there is none.
fn document_task(index: &PolicyIndex, s: &Suggestion) -> Result<Option<pitch::Task>> {
    use tantivy::collector::TopDocs;
    use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
    use tantivy::schema::IndexRecordOption;
    let f = index.fields();
    let term = |field, value: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            tantivy::Term::from_field_text(field, value),
            IndexRecordOption::Basic,
        ))
    };
    let q = BooleanQuery::new(vec![
        (Occur::Must, term(f.doc_id, &s.passage.document.doc_id)),
        (
            Occur::Must,
            term(f.kind, policymatch_core::index::schema::kind::PASSAGE),
        ),
    ]);
    let searcher = index.searcher();
    let err = |source| crate::Error::Search {
        path: index.dir().to_path_buf(),
        source,
    };
    let found = searcher
        .search(&q, &TopDocs::with_limit(TASK_PASSAGES).order_by_score())
        .map_err(err)?;
    // the matched terms' words, by their first five letters (to meet inflections)
    let stems: Vec<String> = s
        .matched
        .iter()
        .flat_map(|m| m.term.split_whitespace())
        .map(|w| w.to_lowercase().chars().take(5).collect::<String>())
        .filter(|w| w.chars().count() >= 3)
        .collect();
    // (matched terms named, nearness of the page, earliness of the passage): highest wins
    type Key = (usize, std::cmp::Reverse<u64>, std::cmp::Reverse<u64>);
    let mut best: Option<(Key, pitch::Task)> = None;
    for (_, addr) in found {
        let doc: tantivy::TantivyDocument = searcher.doc(addr).map_err(err)?;
        let p = policymatch_core::index::records::PassageRecord::from_doc(&doc, f);
        if p.ordinal == s.passage.ordinal {
            continue;
        }
        let text = pitch::one_line(&p.text);
        for (a, b, intents) in pitch::intent_sentences(&text) {
            let sentence = &text[a..b];
            if !pitch::is_task(&intents) || sentence.split_whitespace().count() < 4 {
                continue;
            }
            let lower = sentence.to_lowercase();
            let named = stems.iter().filter(|w| lower.contains(w.as_str())).count();
            if named == 0 {
                continue;
            }
            let key = (
                named,
                std::cmp::Reverse(p.page.abs_diff(s.passage.page)),
                std::cmp::Reverse(p.ordinal),
            );
            if best.as_ref().is_none_or(|(k, _)| key > *k) {
                best = Some((
                    key,
                    pitch::Task {
                        sentence: pitch::flat(sentence),
                        page: p.page,
                    },
                ));
            }
        }
    }
    Ok(best.map(|(_, t)| t))
}
