//! Agenda-system JSON exports (the format many Danish municipalities' meeting portals
//! publish): one meeting with its committee, date and numbered items, each with a caption, a
//! case number, HTML case text in fields, and attachment names.
//!
//! Each item becomes a document of its own: title = the item's caption; extra metadata holds
//! the committee, meeting date, item number, case number, attachments, the stage of the
//! process and the administrative unit; its passages carry the item's section headings
//! ("Beslutning", "Sagsbeskrivelse", "Indstilling", …).

use super::Loaded;
use crate::document::MetaValue;
use crate::document::SourceDocument;
use crate::problem::Problem;
use serde_json::Value;
use std::path::Path;

/// Loads an agenda JSON file.
pub fn load(path: &Path, text: &str) -> Loaded {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return Loaded::Failed(Problem::JsonInvalid(e.to_string())),
    };
    match parse(path, &value) {
        Some(docs) if !docs.is_empty() => Loaded::Documents(docs),
        Some(_) => Loaded::Skipped(Problem::JsonNoItems),
        None => Loaded::Skipped(Problem::JsonNotAgenda),
    }
}

fn str_at<'a>(v: &'a Value, keys: &[&str]) -> Option<&'a str> {
    keys.iter()
        .filter_map(|k| v.get(*k).and_then(Value::as_str))
        .map(str::trim)
        .find(|s| !s.is_empty())
}

/// "dagsordener.greve.dk" → "Greve Kommune".
fn municipality_from_link(link: &str) -> Option<String> {
    let host = link.split("//").nth(1)?.split('/').next()?;
    let parts: Vec<&str> = host.split('.').collect();
    let name = match parts.as_slice() {
        [.., name, "dk"] if *name != "www" => *name,
        _ => return None,
    };
    let mut chars = name.chars();
    let first = chars.next()?.to_uppercase().collect::<String>();
    Some(format!("{first}{} Kommune", chars.as_str()))
}

fn parse(path: &Path, v: &Value) -> Option<Vec<SourceDocument>> {
    let items = v.get("Dagsordenpunkter")?.as_array()?;
    let committee = v
        .get("Udvalg")
        .and_then(|u| str_at(u, &["Navn", "Name"]))
        .unwrap_or_default()
        .to_string();
    let meeting = v.get("Moede");
    let date = meeting
        .and_then(|m| str_at(m, &["Dato", "MeetingBeginUtc"]))
        .map(crate::dates::timestamp_date)
        .unwrap_or(0);
    let mut municipality = None;
    let mut docs = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let number = str_at(item, &["Punktnummer", "Number"])
            .map(str::to_string)
            .unwrap_or_else(|| (i + 1).to_string());
        let caption = str_at(item, &["Caption", "Navn"])
            .unwrap_or("(uden titel)")
            .to_string();
        let case = str_at(item, &["SagsNummer", "CaseNumber"]).map(str::to_string);
        let fields = item
            .get("Felter")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let mut parts = Vec::new();
        for f in &fields {
            if municipality.is_none() {
                municipality = str_at(f, &["Link"]).and_then(municipality_from_link);
            }
            let field_name = str_at(f, &["Navn"]).map(str::to_string);
            let html = str_at(f, &["Html"]).map(str::to_string).unwrap_or_else(|| {
                str_at(f, &["Tekst"])
                    .map(|t| t.replace('\n', "<br>"))
                    .unwrap_or_default()
            });
            parts.push((field_name, html));
        }
        let attachments: Vec<String> = item
            .get("Bilag")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|b| str_at(b, &["Navn"]).map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        docs.push(super::agenda_item_document(
            path,
            &super::AgendaItemSource {
                committee: &committee,
                date,
                number: &number,
                caption: &caption,
                case_number: case.as_deref(),
                attachments: &attachments,
                fields: &parts,
                staff: &[],
            },
        ));
    }
    if let Some(m) = municipality {
        for d in &mut docs {
            d.meta.municipality = Some(MetaValue::inferred(m.clone()));
        }
    }
    Some(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"{
      "Udvalg": {"Navn": "Sundheds- og Omsorgsudvalget"},
      "Moede": {"Dato": "2023-05-01T16:00:00+02:00"},
      "Dagsordenpunkter": [
        {"Punktnummer": "1", "Caption": "Godkendelse af dagsorden", "SagsNummer": "23-1",
         "Felter": [{"Html": "<h3>Beslutning</h3><p>Godkendt.</p>", "Link": "https://dagsordener.egeby.dk/x"}],
         "Bilag": []},
        {"Punktnummer": "2", "Caption": "Sundhedspolitik - godkendelse af høringsudkast", "SagsNummer": "23-2",
         "Felter": [{"Html": "<h3>Indstilling</h3><p>Administrationen indstiller, at udkastet sendes i høring.</p><h3>Beslutning</h3><p>Godkendt.</p>"}],
         "Bilag": [{"Navn": "Bilag 1. Udkast"}]}
      ]}"#;

    #[test]
    fn one_document_per_item_with_sections() {
        let Loaded::Documents(docs) = load(Path::new("m.json"), SAMPLE) else {
            panic!("not loaded")
        };
        assert_eq!(docs.len(), 2);
        let d = &docs[1];
        assert_eq!(d.doc_id, "m.json#2");
        assert_eq!(
            d.meta.title.as_ref().unwrap().value,
            "Sundhedspolitik - godkendelse af høringsudkast"
        );
        assert_eq!(d.meta.municipality.as_ref().unwrap().value, "Egeby Kommune");
        assert_eq!(d.date, 20230501);
        assert_eq!(d.facts.stage, Some(crate::process::Stage::Consultation));
        assert_eq!(d.facts.unit.as_deref(), Some("Administrationen"));
        assert_eq!(d.facts.case_number.as_deref(), Some("23-2"));
        let heads: Vec<_> = d
            .sections
            .iter()
            .map(|s| s.heading.clone().unwrap())
            .collect();
        assert_eq!(heads, ["Indstilling", "Beslutning"]);
    }

    #[test]
    fn other_json_is_skipped() {
        assert!(matches!(
            load(Path::new("x.json"), "{\"a\": 1}"),
            Loaded::Skipped(_)
        ));
        assert!(matches!(load(Path::new("x.json"), "{"), Loaded::Failed(_)));
    }
}
