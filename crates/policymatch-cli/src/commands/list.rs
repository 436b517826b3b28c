//! `policymatch list`.

use crate::args::Format;
use policymatch_core::contacts::Contact;
use policymatch_core::index::PolicyIndex;
use policymatch_core::index::records::DocumentRecord;
use policymatch_core::process::Stage;
use serde::Serialize;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// A document as `list --format json` gives it: its record, and what a user acts on (the
/// agenda facts: committee, meeting, item, case, stage, units and contacts; empty where the
/// document is not an agenda item).
#[derive(Serialize)]
struct Listed<'a> {
    #[serde(flatten)]
    record: &'a DocumentRecord,
    committee: Option<&'a str>,
    meeting_date: Option<&'a str>,
    item: Option<&'a str>,
    case_number: Option<&'a str>,
    stage: Option<Stage>,
    units: &'a [String],
    contacts: &'a [Contact],
}

impl<'a> Listed<'a> {
    fn of(record: &'a DocumentRecord) -> Self {
        let f = &record.facts;
        Listed {
            record,
            committee: f.committee.as_deref(),
            meeting_date: f.meeting_date.as_deref(),
            item: f.item.as_deref(),
            case_number: f.case_number.as_deref(),
            stage: f.stage,
            units: &f.units,
            contacts: &f.contacts,
        }
    }
}

pub fn run(dir: &Path, format: Format) -> anyhow::Result<ExitCode> {
    let index = PolicyIndex::open(dir)?;
    let docs = index.documents()?;
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            serde_json::to_writer(
                &mut out,
                &serde_json::json!({
                    "documents": docs.iter().map(Listed::of).collect::<Vec<_>>(),
                    "passages": index.passage_count()?,
                }),
            )?;
            writeln!(out)?;
        }
        Format::Text => {
            for d in &docs {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    d.title,
                    if d.municipality.is_empty() {
                        "-"
                    } else {
                        &d.municipality
                    },
                    if d.area.is_empty() { "-" } else { &d.area },
                    if d.year == 0 {
                        "-".to_string()
                    } else {
                        d.year.to_string()
                    },
                    policymatch_i18n::t!(crate::output::lang(), "list-pages", count = d.pages),
                    policymatch_i18n::t!(
                        crate::output::lang(),
                        "list-passages",
                        count = d.passages
                    ),
                    d.path
                )?;
            }
        }
    }
    Ok(if docs.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
