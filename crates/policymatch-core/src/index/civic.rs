//! Queries over agenda items and deadlines: upcoming consultations and deadlines, and the
//! timeline of a case.

use super::PolicyIndex;
use super::query::{Combine, danish_query, exact};
use super::records::{DocumentRecord, PassageRecord};
use super::schema::kind;
use super::search::Filters;
use crate::deadlines::{Deadline, DeadlineKind};
use crate::error::{Error, Result};
use serde::Serialize;
use std::collections::HashSet;
use tantivy::TantivyDocument;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query};

/// A deadline with the passage that announces it.
#[derive(Debug, Clone, Serialize)]
pub struct DeadlineHit {
    /// The deadline.
    pub deadline: Deadline,
    /// The passage it was found in.
    pub passage: PassageRecord,
}

/// One agenda item in a case's timeline.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry {
    /// Meeting date (YYYYMMDD, 0 when unknown).
    pub date: u64,
    /// The item's document record.
    pub item: DocumentRecord,
    /// Committee.
    pub committee: String,
    /// Stage label, when recognised.
    pub stage: Option<String>,
}

/// The items of one case, oldest first.
#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    /// The case number (empty for items without one).
    pub case_number: String,
    /// The items.
    pub entries: Vec<TimelineEntry>,
}

impl PolicyIndex {
    /// Consultations and deadlines dated on or after `after` (YYYYMMDD), soonest first,
    /// optionally only in passages that match `relevant_to` (free text). Repeats of the same
    /// sentence and date (the same case text in several minutes) are listed once.
    pub fn deadlines(
        &self,
        filters: &Filters,
        after: u64,
        relevant_to: Option<&str>,
    ) -> Result<Vec<DeadlineHit>> {
        self.deadlines_where(filters, after, relevant_to, |_| true)
    }

    /// Like [`PolicyIndex::deadlines`], keeping only passages for which `keep` holds (e.g. the
    /// documents a profile's suggestions come from).
    pub fn deadlines_where(
        &self,
        filters: &Filters,
        after: u64,
        relevant_to: Option<&str>,
        keep: impl Fn(&PassageRecord) -> bool,
    ) -> Result<Vec<DeadlineHit>> {
        let f = self.fields();
        let mut clauses = self.filter_clauses(filters);
        clauses.push((Occur::Must, exact(f.flags, "deadline")));
        let searcher = self.searcher();
        let addrs: Vec<tantivy::DocAddress> = match relevant_to {
            Some(text) => {
                let mut analyzer = self.analyzer()?;
                let fields = [(f.text, 1.0), (f.heading, 1.0), (f.title, 1.0)];
                let Some(q) = danish_query(&mut analyzer, text, &fields, Combine::Any) else {
                    return Ok(Vec::new());
                };
                clauses.push((Occur::Must, q));
                let top = searcher
                    .search(
                        &BooleanQuery::new(clauses),
                        &TopDocs::with_limit(200).order_by_score(),
                    )
                    .map_err(|e| Error::index(self.dir(), e))?;
                // Keep the clearly relevant part of the list: within 40 % of the best score.
                let best = top.first().map(|(s, _)| *s).unwrap_or(0.0);
                top.into_iter()
                    .filter(|(s, _)| *s >= best * 0.4)
                    .map(|(_, a)| a)
                    .collect()
            }
            None => self.matching(&searcher, &BooleanQuery::new(clauses))?,
        };
        let mut passages = Vec::with_capacity(addrs.len());
        for addr in addrs {
            let doc: TantivyDocument = searcher
                .doc(addr)
                .map_err(|e| Error::index(self.dir(), e))?;
            let passage = PassageRecord::from_doc(&doc, f);
            if keep(&passage) {
                passages.push(passage);
            }
        }
        // Which of two copies of a sentence is kept below must not hang on the order the
        // index holds the passages in: read the newest documents first (a dated event
        // repeated in several minutes is kept where it was last written), then by path.
        passages.sort_by(|a, b| {
            b.document.date.cmp(&a.document.date).then_with(|| {
                (&a.document.path, &a.document.doc_id, a.page, a.ordinal).cmp(&(
                    &b.document.path,
                    &b.document.doc_id,
                    b.page,
                    b.ordinal,
                ))
            })
        });
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for passage in passages {
            let found: Vec<Deadline> = passage.facts.deadlines.clone();
            let unit = unit_of(&passage);
            for deadline in found {
                // An undated event in an undated document cannot be placed before `after`.
                if deadline.date < after && (deadline.explicit || deadline.date > 0) {
                    continue;
                }
                // The same sentence in the agenda export and the PDF of one meeting differs in
                // spacing and hyphens only: compare letters.
                let letters: String = deadline
                    .sentence
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase)
                    .collect();
                // One row per event in each agenda item or page: the agenda export and the
                // PDF minutes of one meeting share the file stem, and a sentence repeated in
                // one item is one event. The same sentence in another meeting's item is
                // listed there too: that item is another step of the case.
                let key = (
                    unit.clone(),
                    deadline.kind,
                    deadline.start,
                    deadline.end,
                    letters,
                );
                if seen.insert(key) {
                    let answer = crate::deadlines::answer_only(&deadline.sentence.to_lowercase());
                    out.push(Row {
                        unit: unit.clone(),
                        answer,
                        hit: DeadlineHit {
                            deadline,
                            passage: passage.clone(),
                        },
                    });
                }
            }
        }
        // One line per agenda item or page, kind and dates (the agenda export and the PDF
        // minutes of a meeting are one item): the shortest sentence that states them (the
        // clearest announcement).
        let when = |h: &DeadlineHit| (h.deadline.date, h.deadline.start, h.deadline.end);
        out.sort_by(|ra, rb| {
            let (a, b) = (&ra.hit, &rb.hit);
            (&ra.unit, a.deadline.kind, when(a))
                .cmp(&(&rb.unit, b.deadline.kind, when(b)))
                .then(b.deadline.explicit.cmp(&a.deadline.explicit))
                .then(a.deadline.sentence.len().cmp(&b.deadline.sentence.len()))
                .then_with(|| a.deadline.sentence.cmp(&b.deadline.sentence))
                .then(a.passage.page.cmp(&b.passage.page))
                .then(a.passage.ordinal.cmp(&b.passage.ordinal))
        });
        // Undated events with different sentences may be different events: only the same
        // sentence (above) makes them one.
        // Undated mentions of a meeting in one item ("Dialogmødet danner grundlag …",
        // "Program for dialogmøde:") are the one meeting the item is about.
        let one_meeting = |h: &DeadlineHit| h.deadline.kind == DeadlineKind::Meeting;
        out.dedup_by(|rb, ra| {
            let (a, b) = (&ra.hit, &rb.hit);
            ((a.deadline.explicit && b.deadline.explicit)
                || (!a.deadline.explicit && !b.deadline.explicit && one_meeting(a)))
                && ra.unit == rb.unit
                && a.deadline.kind == b.deadline.kind
                && when(a) == when(b)
        });
        // An answer to a consultation ("Høringssvar fra Seniorrådet vedlægges") is part of the
        // consultation the same item states, not an event of its own.
        let stated: HashSet<String> = out
            .iter()
            .filter(|r| r.hit.deadline.kind == DeadlineKind::Consultation && !r.answer)
            .map(|r| r.unit.clone())
            .collect();
        out.retain(|r| {
            r.hit.deadline.kind != DeadlineKind::Consultation
                || r.hit.deadline.explicit
                || !r.answer
                || !stated.contains(&r.unit)
        });
        let mut out: Vec<DeadlineHit> = out.into_iter().map(|r| r.hit).collect();
        out.sort_by(|a, b| {
            a.deadline
                .date
                .cmp(&b.deadline.date)
                .then(kind_rank(a.deadline.kind).cmp(&kind_rank(b.deadline.kind)))
                .then(a.passage.document.path.cmp(&b.passage.document.path))
                .then(a.passage.document.doc_id.cmp(&b.passage.document.doc_id))
        });
        Ok(out)
    }

    /// Agenda items with case number `case`, oldest first.
    pub fn case_timeline(&self, case: &str) -> Result<Timeline> {
        let f = self.fields();
        let q = BooleanQuery::new(vec![
            (Occur::Must, exact(f.kind, kind::DOCUMENT)),
            (Occur::Must, exact(f.case_number, case)),
        ]);
        let entries = self.timeline_entries(&q)?;
        Ok(Timeline {
            case_number: case.to_string(),
            entries,
        })
    }

    /// The agenda items `q` matches, as timeline entries, oldest first.
    fn timeline_entries(&self, q: &dyn Query) -> Result<Vec<TimelineEntry>> {
        let f = self.fields();
        let searcher = self.searcher();
        let addrs = self.matching(&searcher, q)?;
        let mut entries = Vec::new();
        for addr in addrs {
            let doc: TantivyDocument = searcher
                .doc(addr)
                .map_err(|e| Error::index(self.dir(), e))?;
            entries.push(entry(
                DocumentRecord::from_doc(&doc, f),
                super::records::u64_of(&doc, f.date),
            ));
        }
        entries.sort_by(|a, b| a.date.cmp(&b.date).then(a.item.doc_id.cmp(&b.item.doc_id)));
        Ok(entries)
    }

    /// The timeline of a policy or case named by `query`: the agenda items whose caption
    /// contains all the query's words, oldest first, across case numbers and committees (one
    /// policy often passes through several cases). When no caption matches, the cases of
    /// the best-matching items by text, up to `max_cases`.
    pub fn timelines(&self, query: &str, max_cases: usize) -> Result<Vec<Timeline>> {
        let f = self.fields();
        let searcher = self.searcher();
        let mut analyzer = self.analyzer()?;
        let Some(title_q) = danish_query(&mut analyzer, query, &[(f.title, 1.0)], Combine::All)
        else {
            return Ok(Vec::new());
        };
        let by_title = BooleanQuery::new(vec![
            (Occur::Must, exact(f.kind, kind::DOCUMENT)),
            (Occur::Must, exact(f.flags, "agenda_item")),
            (Occur::Must, title_q),
        ]);
        let mut entries = self.timeline_entries(&by_title)?;
        if !entries.is_empty() {
            // The same meeting item published twice (agenda JSON and PDF) is listed once.
            let mut seen = HashSet::new();
            entries.retain(|e| {
                let item = e.item.facts.item.clone().unwrap_or_default();
                seen.insert((e.date, e.committee.clone(), item, e.item.title.clone()))
            });
            let mut cases: Vec<String> = Vec::new();
            for e in &entries {
                if let Some(c) = e.item.facts.case_number.as_deref()
                    && !cases.iter().any(|k| k == c)
                {
                    cases.push(c.to_string());
                }
            }
            return Ok(vec![Timeline {
                case_number: cases.join(", "),
                entries,
            }]);
        }
        let fields = [(f.title, 2.0), (f.heading, 1.0), (f.text, 1.0)];
        let Some(q) = danish_query(&mut analyzer, query, &fields, Combine::Any) else {
            return Ok(Vec::new());
        };
        let full = BooleanQuery::new(vec![
            (Occur::Must, exact(f.flags, "agenda_item")),
            (Occur::Must, q),
        ]);
        let top = searcher
            .search(&full, &TopDocs::with_limit(400).order_by_score())
            .map_err(|e| Error::index(self.dir(), e))?;
        let mut cases: Vec<String> = Vec::new();
        for (_, addr) in top {
            let doc: TantivyDocument = searcher
                .doc(addr)
                .map_err(|e| Error::index(self.dir(), e))?;
            let case = super::records::text_of(&doc, f.case_number);
            if !case.is_empty() && !cases.contains(&case) {
                cases.push(case);
            }
            if cases.len() >= max_cases {
                break;
            }
        }
        cases.iter().map(|c| self.case_timeline(c)).collect()
    }
}

fn entry(item: DocumentRecord, date: u64) -> TimelineEntry {
    let committee = item.facts.committee.clone().unwrap_or_default();
    let stage = item.facts.stage.map(|s| s.label().to_string());
    TimelineEntry {
        date,
        item,
        committee,
        stage,
    }
}

/// An event while the list is built: the item or page it stands in, and whether its sentence
/// only mentions a høringssvar ([`crate::deadlines::answer_only`]).
struct Row {
    unit: String,
    answer: bool,
    hit: DeadlineHit,
}

/// The agenda item ("STEM#N", the meeting's file stem and item number) or page ("PATH@P") a
/// passage belongs to.
fn unit_of(p: &PassageRecord) -> String {
    match p.facts.item.as_deref() {
        Some(item) => {
            let stem = std::path::Path::new(&p.document.path)
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
            format!("{stem}#{item}")
        }
        None => format!("{}@{}", p.document.path, p.page),
    }
}

fn kind_rank(k: DeadlineKind) -> u8 {
    match k {
        DeadlineKind::Consultation => 0,
        DeadlineKind::Application => 1,
        DeadlineKind::Meeting => 2,
        DeadlineKind::Deadline => 3,
        DeadlineKind::Revision => 4,
    }
}
