//! `policymatch who`: whom to talk to about a profile.

use crate::args::Format;
use crate::output::lang;
use policymatch_core::index::PolicyIndex;
use policymatch_core::index::search::Filters;
use policymatch_i18n::t;
use policymatch_matcher::text::{evidence_place, owner_line};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    dir: &Path,
    profile: &Path,
    municipality: Vec<String>,
    top: usize,
    format: Format,
) -> anyhow::Result<ExitCode> {
    let index = PolicyIndex::open(dir)?;
    let profile = policymatch_matcher::Profile::load(profile)?;
    let options = policymatch_matcher::Options {
        filters: Filters {
            municipalities: municipality,
            ..Filters::default()
        },
        ..policymatch_matcher::Options::default()
    };
    let today = policymatch_core::dates::today();
    let mut owners = policymatch_matcher::who::who(&index, &profile, &options, today)?;
    owners.truncate(top);
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            serde_json::to_writer(&mut out, &serde_json::json!({ "who": owners }))?;
            writeln!(out)?;
        }
        Format::Text => {
            for (i, o) in owners.iter().enumerate() {
                writeln!(out, "{}", owner_line(lang(), i + 1, o))?;
                for e in &o.evidence {
                    let place = evidence_place(lang(), e);
                    writeln!(out, "    {}, {}: {}", e.title, place, e.sentence)?;
                }
            }
        }
    }
    if owners.is_empty() {
        eprintln!("{}", t!(lang(), "who-none"));
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
