//! Agenda exports of real meetings (`../shared/corpus/other-formats/greve-dagsordener-json`):
//! items as documents, consultations with dates, timelines. Skips, saying so, when the shared
//! corpus is absent.

use policymatch_core::deadlines::DeadlineKind;
use policymatch_core::index::PolicyIndex;
use policymatch_core::index::build::{IndexOptions, index_paths};
use policymatch_core::index::search::Filters;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn json_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/corpus/other-formats/greve-dagsordener-json");
    if !dir.is_dir() {
        eprintln!(
            "SKIP: {} not found; the agenda suite needs ../shared",
            dir.display()
        );
        return None;
    }
    Some(dir)
}

/// One index of the Greve meetings, shared by the tests of this file.
fn index() -> Option<&'static (tempfile::TempDir, PolicyIndex)> {
    static INDEX: OnceLock<Option<(tempfile::TempDir, PolicyIndex)>> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            let dir = json_dir()?;
            let tmp = tempfile::tempdir().ok()?;
            let index = PolicyIndex::open_or_create(tmp.path()).ok()?;
            let summary = index_paths(&index, &[dir], &IndexOptions::default()).ok()?;
            assert!(summary.failed.is_empty(), "{:?}", summary.failed);
            assert_eq!(summary.indexed.len(), 149);
            Some((tmp, index))
        })
        .as_ref()
}

#[test]
fn item_count_per_meeting_equals_the_source() {
    let Some((_, index)) = index() else { return };
    let Some(dir) = json_dir() else { return };
    let mut per_file: HashMap<String, usize> = HashMap::new();
    for d in index.documents().unwrap() {
        let name = Path::new(&d.path)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        *per_file.entry(name).or_default() += 1;
        assert!(!d.title.is_empty());
        assert_eq!(d.municipality, "Greve Kommune");
        assert!(
            d.facts
                .committee
                .as_deref()
                .is_some_and(|c| c.ends_with("udvalget")),
            "{:?}",
            d.facts
        );
    }
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let expected = v["Dagsordenpunkter"].as_array().unwrap().len();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        assert_eq!(
            per_file.get(&name).copied().unwrap_or(0),
            expected,
            "{name}"
        );
        checked += 1;
    }
    assert_eq!(checked, 149);
}

#[test]
fn consultation_of_the_health_policy_is_found_with_its_dates() {
    let Some((_, index)) = index() else { return };
    let hits = index
        .deadlines(&Filters::default(), 20220101, None)
        .unwrap();
    let health: Vec<_> = hits
        .iter()
        .filter(|h| h.deadline.kind == DeadlineKind::Consultation)
        .filter(|h| {
            h.passage
                .document
                .title
                .contains("Sundheds- og Psykiatripolitik 2023-2026")
        })
        .collect();
    assert!(!health.is_empty());
    let dates: Vec<u64> = health.iter().map(|h| h.deadline.date).collect();
    // The second draft was sent to consultation by the committees on 6 February 2023.
    assert!(dates.contains(&20230206), "{dates:?}");
    let timeline = index.timelines("sundheds- og psykiatripolitik", 3).unwrap();
    let stages: Vec<_> = timeline[0]
        .entries
        .iter()
        .map(|e| (e.date, e.stage.clone().unwrap_or_default()))
        .collect();
    let first = |stage: &str| stages.iter().find(|(_, s)| s == stage).map(|(d, _)| *d);
    assert_eq!(first("draft / discussion"), Some(20230109), "{stages:?}");
    assert_eq!(first("public consultation"), Some(20230206), "{stages:?}");
    assert_eq!(first("approval"), Some(20230424), "{stages:?}");
}

#[test]
fn the_loneliness_profile_finds_the_2025_items_on_loneliness() {
    let Some((_, index)) = index() else { return };
    let profile_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/eval/dev/profiles/ensomhed.toml");
    let profile = policymatch_matcher::Profile::load(&profile_path).unwrap();
    let options = policymatch_matcher::Options {
        top: 20,
        filters: Filters {
            since_date: Some(20250101),
            ..Filters::default()
        },
        ..policymatch_matcher::Options::default()
    };
    let found = policymatch_matcher::Matcher::new(index)
        .suggest(&profile, &options)
        .unwrap();
    let titles: Vec<String> = found
        .iter()
        .map(|s| s.passage.document.title.to_lowercase())
        .collect();
    assert!(
        titles.iter().any(|t| t.contains("håndtering af ensomhed")),
        "{titles:?}"
    );
    assert!(found.iter().all(|s| s.passage.document.date >= 20250101));
}
