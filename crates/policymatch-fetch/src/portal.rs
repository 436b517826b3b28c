//! The agenda portal's JSON interface (`dagsordener.<kommune>.dk`): the committee list, one
//! meeting's agenda, and the attachments its items link to; and the file names `fetch` gives
//! them.

use crate::error::Answer;
use policymatch_core::sources::sidecar::AttachmentOf;
use serde_json::Value;

/// The committee list's URL of the portal at `base`.
pub fn committees_url(base: &str) -> String {
    format!("{base}/api/agenda/udvalgsliste")
}

/// A meeting's agenda URL.
pub fn meeting_url(base: &str, id: &str) -> String {
    format!("{base}/api/agenda/dagsorden/{id}")
}

/// An attachment's URL.
pub fn attachment_url(base: &str, document_id: &str) -> String {
    format!("{base}/Vis/Pdf/bilag/{document_id}")
}

/// A portal URL as given, without a trailing slash; it must be http(s).
pub fn normalize_base(url: &str) -> Option<String> {
    let url = url.trim().trim_end_matches('/');
    if !url.contains("://") && !url.is_empty() {
        return normalize_base(&format!("https://{url}"));
    }
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    (!rest.is_empty() && !rest.contains(char::is_whitespace)).then(|| url.to_string())
}

/// One meeting in the committee list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    /// The committee's name.
    pub committee: String,
    /// The meeting's id.
    pub id: String,
    /// The meeting date, YYYY-MM-DD ("" when the list gives none).
    pub date: String,
}

/// The meetings of a committee list (every key of `Udvalg`: current and older committees),
/// each once, in date, committee and id order; `Err` says why the answer is not a committee
/// list.
pub fn meetings(list: &[u8]) -> Result<Vec<Meeting>, Answer> {
    let v: Value = serde_json::from_slice(list).map_err(|e| Answer::InvalidJson(e.to_string()))?;
    let groups = v
        .get("Udvalg")
        .and_then(Value::as_object)
        .ok_or(Answer::NoCommittees)?;
    let mut out: Vec<Meeting> = Vec::new();
    for committees in groups.values() {
        for c in committees.as_array().into_iter().flatten() {
            let name = c.get("Navn").and_then(Value::as_str).unwrap_or("").trim();
            for m in c
                .get("Moeder")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let Some(id) = m.get("Id").and_then(Value::as_str).map(str::trim) else {
                    continue;
                };
                if id.is_empty() || out.iter().any(|o| o.id == id) {
                    continue;
                }
                let date = m.get("Dato").and_then(Value::as_str).unwrap_or("");
                out.push(Meeting {
                    committee: name.to_string(),
                    id: id.to_string(),
                    date: iso_date(date).unwrap_or_default(),
                });
            }
        }
    }
    out.sort_by(|a, b| (&a.date, &a.committee, &a.id).cmp(&(&b.date, &b.committee, &b.id)));
    Ok(out)
}

/// "2022-01-12T16:30:00+01:00" → "2022-01-12".
pub fn iso_date(s: &str) -> Option<String> {
    let d = s.get(..10)?;
    let b = d.as_bytes();
    let ok = b.iter().enumerate().all(|(i, c)| {
        if i == 4 || i == 7 {
            *c == b'-'
        } else {
            c.is_ascii_digit()
        }
    });
    ok.then(|| d.to_string())
}

/// Checks that `body` is one meeting's agenda (a JSON object with a `Dagsordenpunkter` list).
pub fn check_agenda(body: &[u8]) -> Result<Value, Answer> {
    let v: Value = serde_json::from_slice(body).map_err(|e| Answer::InvalidJson(e.to_string()))?;
    if !v.get("Dagsordenpunkter").is_some_and(Value::is_array) {
        return Err(Answer::NoItems);
    }
    Ok(v)
}

/// An attachment an agenda's item links to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// The document id in `/Vis/Pdf/bilag/{id}`.
    pub document_id: String,
    /// File name to store it under.
    pub file: String,
    /// The item it belongs to.
    pub of: AttachmentOf,
}

/// The attachments linked from the fields of `agenda`'s items (`DocumentId`, or the id at
/// the end of a `/Vis/Pdf/bilag/` link), each once, in item order; `agenda_file` is the
/// agenda's own file name, whose stem starts theirs.
pub fn attachments(
    base: &str,
    agenda: &Value,
    agenda_file: &str,
    meeting: &Meeting,
) -> Vec<Attachment> {
    let stem = agenda_file.strip_suffix(".json").unwrap_or(agenda_file);
    let committee = agenda
        .get("Udvalg")
        .and_then(|u| u.get("Navn"))
        .and_then(Value::as_str)
        .unwrap_or(&meeting.committee)
        .trim()
        .to_string();
    let mut out: Vec<Attachment> = Vec::new();
    let items = agenda.get("Dagsordenpunkter").and_then(Value::as_array);
    for (i, item) in items.into_iter().flatten().enumerate() {
        let text = |k: &str| {
            item.get(k)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        let number = text("Punktnummer")
            .or(text("Number"))
            .map(str::to_string)
            .unwrap_or_else(|| (i + 1).to_string());
        let caption = text("Caption").or(text("Navn")).unwrap_or("").to_string();
        let case_number = text("SagsNummer")
            .or(text("CaseNumber"))
            .map(str::to_string);
        for f in item
            .get("Felter")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let from_link = f
                .get("Link")
                .and_then(Value::as_str)
                .and_then(|l| l.split("/Vis/Pdf/bilag/").nth(1))
                .map(|id| id.split(['?', '#', '/']).next().unwrap_or(id));
            let id = from_link
                .or_else(|| f.get("DocumentId").and_then(Value::as_str))
                .map(str::trim)
                .filter(|id| safe_id(id));
            let Some(id) = id else { continue };
            if out.iter().any(|a| a.document_id == id) {
                continue;
            }
            let file = format!("{stem}-pkt{}-bilag-{}.pdf", slug(&number), short(id));
            out.push(Attachment {
                document_id: id.to_string(),
                file,
                of: AttachmentOf {
                    committee: committee.clone(),
                    meeting_date: meeting.date.clone(),
                    item: number.clone(),
                    caption: caption.clone(),
                    case_number: case_number.clone(),
                    agenda: agenda_file.to_string(),
                    url: attachment_url(base, id),
                },
            });
        }
    }
    out
}

/// An id that is safe in a URL path and a file name.
fn safe_id(id: &str) -> bool {
    // the null GUID stands for "no document"
    id.chars().any(|c| c.is_ascii_alphanumeric() && c != '0')
        && id.len() <= 100
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// The first 8 characters of an id.
fn short(id: &str) -> String {
    id.chars().take(8).collect::<String>().to_lowercase()
}

/// The municipality's short name from a portal at `dagsordener.<kommune>.dk`.
pub fn municipality_of_host(base: &str) -> Option<String> {
    let host = base.split("://").nth(1)?.split(['/', ':']).next()?;
    let parts: Vec<&str> = host.split('.').collect();
    match parts.as_slice() {
        [.., name, "dk"] if *name != "www" && parts.len() >= 2 => Some(slug(name)),
        _ => None,
    }
}

/// The municipality named by the links inside an agenda (`https://dagsordener.greve.dk/...`).
pub fn municipality_of_agenda(agenda: &Value) -> Option<String> {
    let items = agenda.get("Dagsordenpunkter")?.as_array()?;
    items
        .iter()
        .flat_map(|i| {
            i.get("Felter")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
        })
        .filter_map(|f| f.get("Link").and_then(Value::as_str))
        .find_map(municipality_of_host)
}

/// A short name for files: the host and port of the portal.
pub fn host_slug(base: &str) -> String {
    let host = base
        .split("://")
        .nth(1)
        .unwrap_or(base)
        .split('/')
        .next()
        .unwrap_or("");
    slug(host)
}

/// The agenda's file name: municipality, committee, date and the first 8 characters of the
/// meeting id (`greve-kultur-og-fritidsudvalget-2022-01-12-e5c0f0b2.json`).
pub fn agenda_file(municipality: &str, meeting: &Meeting) -> String {
    let mut parts = vec![slug(municipality), slug(&meeting.committee)];
    if !meeting.date.is_empty() {
        parts.push(meeting.date.clone());
    }
    parts.push(short(&meeting.id));
    let parts: Vec<String> = parts.into_iter().filter(|p| !p.is_empty()).collect();
    format!("{}.json", parts.join("-"))
}

/// Lower-case ASCII letters and digits joined by single hyphens; æ, ø, å become ae, oe, aa.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        let piece = match c {
            'æ' => "ae".to_string(),
            'ø' => "oe".to_string(),
            'å' => "aa".to_string(),
            'é' | 'è' => "e".to_string(),
            'ü' => "u".to_string(),
            'ö' => "oe".to_string(),
            'ä' => "ae".to_string(),
            c if c.is_ascii_alphanumeric() => c.to_string(),
            _ => "-".to_string(),
        };
        if piece == "-" {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        } else {
            out.push_str(&piece);
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    /// A test's outcome: an error fails it with its message.
    type TestResult = Result<(), Box<dyn std::error::Error>>;
    use super::*;

    #[test]
    fn names_follow_the_shared_scheme() {
        let m = Meeting {
            committee: "Skole-, Børne- og Ungeudvalget".into(),
            id: "3be74950-aaaa".into(),
            date: "2022-01-11".into(),
        };
        assert_eq!(
            agenda_file("greve", &m),
            "greve-skole-boerne-og-ungeudvalget-2022-01-11-3be74950.json"
        );
        assert_eq!(
            municipality_of_host("https://dagsordener.greve.dk"),
            Some("greve".into())
        );
        assert_eq!(municipality_of_host("http://127.0.0.1:4000"), None);
        assert_eq!(host_slug("http://127.0.0.1:4000/x"), "127-0-0-1-4000");
        assert_eq!(
            iso_date("2022-01-12T16:30:00+01:00").as_deref(),
            Some("2022-01-12")
        );
        assert_eq!(iso_date("12-01-2022"), None);
        assert_eq!(
            normalize_base("https://a.dk/ ").as_deref(),
            Some("https://a.dk")
        );
        assert_eq!(normalize_base("ftp://a.dk"), None);
        assert_eq!(
            normalize_base("dagsordener.greve.dk").as_deref(),
            Some("https://dagsordener.greve.dk")
        );
    }

    #[test]
    fn the_committee_list_gives_each_meeting_once_in_date_order() -> TestResult {
        let list = br#"{"Udvalg": {
            "Aktuelle politiske udvalg": [{"Navn": "B", "Id": "1", "Moeder": [
                {"Id": "m2", "Dato": "2023-02-01T10:00:00"}, {"Id": "m1", "Dato": "2023-01-01T10:00:00"}]}],
            "Tidligere udvalg": [{"Navn": "A", "Id": "2", "Moeder": [{"Id": "m2", "Dato": "2023-02-01"}, {"Id": "m0"}]}]}}"#;
        let m = meetings(list)?;
        let ids: Vec<&str> = m.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["m0", "m1", "m2"]);
        assert!(matches!(
            meetings(b"<html>").unwrap_err(),
            Answer::InvalidJson(_)
        ));
        assert_eq!(meetings(b"{}").unwrap_err(), Answer::NoCommittees);
        Ok(())
    }

    #[test]
    fn attachments_come_from_the_items_fields() -> TestResult {
        let agenda: Value = serde_json::from_str(
            r#"{"Udvalg": {"Navn": "SOU"}, "Dagsordenpunkter": [
            {"Punktnummer": "3", "Caption": "Sundhedspolitik", "SagsNummer": "25-1",
             "Felter": [{"Link": "https://dagsordener.greve.dk/Vis/Pdf/bilag/abcdef12-3456", "DocumentId": "abcdef12-3456"},
                        {"Link": "https://dagsordener.greve.dk/Vis/Pdf/bilag/99887766-x?a=1"},
                        {"DocumentId": "../../etc"},
                        {"DocumentId": "00000000-0000-0000-0000-000000000000"}]}]}"#,
        )?;
        let m = Meeting {
            committee: "SOU".into(),
            id: "e5c0f0b2".into(),
            date: "2025-06-02".into(),
        };
        let a = attachments(
            "http://127.0.0.1:9",
            &agenda,
            "greve-sou-2025-06-02-e5c0f0b2.json",
            &m,
        );
        assert_eq!(a.len(), 2);
        assert_eq!(
            a[0].file,
            "greve-sou-2025-06-02-e5c0f0b2-pkt3-bilag-abcdef12.pdf"
        );
        assert_eq!(
            a[0].of.url,
            "http://127.0.0.1:9/Vis/Pdf/bilag/abcdef12-3456"
        );
        assert_eq!(a[0].of.case_number.as_deref(), Some("25-1"));
        assert_eq!(a[1].document_id, "99887766-x");
        assert_eq!(municipality_of_agenda(&agenda).as_deref(), Some("greve"));
        Ok(())
    }
}
