//! Agenda publications as XML (the `<Publication>` export of the SBSYS / eDagsorden meeting
//! systems): agendas with their committee, meeting time and numbered items, each with a
//! caption, a case number, fields of HTML or plain text ("ADMINISTRATIONENS INDSTILLING",
//! "SAGSFREMSTILLING", …) and enclosures.
//!
//! Each item becomes a document the way agenda JSON items do
//! ([`agenda_item_document`](super::agenda_item_document)). Other XML (other systems'
//! exports, which hold no item texts) is skipped with a reason.

use super::Loaded;
use crate::problem::Problem;
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Publication {
    #[serde(default)]
    agendas: Option<Agendas>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Agendas {
    #[serde(default)]
    agenda: Vec<Agenda>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Agenda {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    committee: Option<Named>,
    #[serde(default)]
    meeting: Option<Meeting>,
    #[serde(default)]
    items: Option<Items>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Named {
    #[serde(default)]
    name: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Meeting {
    #[serde(default)]
    when: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Items {
    #[serde(default)]
    item: Vec<Item>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Item {
    #[serde(default)]
    number: Option<String>,
    #[serde(default)]
    caption: Option<String>,
    #[serde(default)]
    case: Option<Case>,
    #[serde(default)]
    fields: Option<Fields>,
    #[serde(default)]
    enclosures: Option<Enclosures>,
    #[serde(default)]
    created_by: Option<Person>,
}

/// A member of staff as the meeting system records them (`<CreatedBy>`).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Person {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    email_address: Option<String>,
}

/// The role given to the staff member who wrote an item in the meeting system.
pub const AUTHOR_ROLE: &str = "skrev punktet";

impl Person {
    /// The person as a contact, when the system gives a person's full name: two to four
    /// capitalised words without digits or a party letter ("Mai Førster Henriksen", not a login
    /// such as "lenfre" nor a politician such as "Doris Børger (A)").
    fn contact(&self) -> Option<crate::contacts::Contact> {
        let name = text(&self.name)?;
        let words: Vec<&str> = name.split_whitespace().collect();
        let is_name = (2..=4).contains(&words.len())
            && words.iter().all(|w| {
                let mut chars = w.chars();
                chars.next().is_some_and(char::is_uppercase)
                    && chars.all(|c| c.is_alphabetic() || c == '-')
            });
        is_name.then(|| crate::contacts::Contact {
            name: words.join(" "),
            role: Some(AUTHOR_ROLE.to_string()),
            organisation: None,
            email: text(&self.email_address)
                .filter(|e| e.contains('@'))
                .map(str::to_string),
            phone: None,
        })
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Case {
    #[serde(default)]
    number: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Fields {
    #[serde(default)]
    item_field: Vec<ItemField>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ItemField {
    #[serde(default)]
    caption: Option<String>,
    #[serde(default)]
    content: Option<String>,
    #[serde(default)]
    field_type_as_enum: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Enclosures {
    #[serde(default)]
    enclosure: Vec<Named>,
}

fn text(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Loads an XML file that may be an agenda publication.
pub fn load(path: &Path, xml: &str) -> Loaded {
    let root = xml
        .trim_start_matches('\u{feff}')
        .split('<')
        .map(str::trim_start)
        .find(|t| !t.is_empty() && !t.starts_with('?') && !t.starts_with('!'));
    if !root.is_some_and(|r| r.starts_with("Publication")) {
        return Loaded::Skipped(Problem::XmlNotAgenda);
    }
    let publication: Publication = match super::xml::from_str(xml.trim_start_matches('\u{feff}')) {
        Ok(p) => p,
        Err(e) => return Loaded::Failed(Problem::XmlDamaged(e.to_string())),
    };
    let agendas = publication.agendas.map(|a| a.agenda).unwrap_or_default();
    let several = agendas.len() > 1;
    let mut docs = Vec::new();
    for (a, agenda) in agendas.iter().enumerate() {
        let committee = agenda
            .committee
            .as_ref()
            .and_then(|c| text(&c.name))
            .or_else(|| text(&agenda.name))
            .unwrap_or_default();
        let date = agenda
            .meeting
            .as_ref()
            .and_then(|m| text(&m.when))
            .map(crate::dates::timestamp_date)
            .unwrap_or(0);
        let items = agenda
            .items
            .as_ref()
            .map(|i| i.item.as_slice())
            .unwrap_or_default();
        for (i, item) in items.iter().enumerate() {
            let number = text(&item.number)
                .map(str::to_string)
                .unwrap_or_else(|| (i + 1).to_string());
            let number = if several {
                format!("{}.{number}", a + 1)
            } else {
                number
            };
            let fields: Vec<(Option<String>, String)> = item
                .fields
                .as_ref()
                .map(|f| f.item_field.as_slice())
                .unwrap_or_default()
                .iter()
                .filter_map(|f| {
                    let content = text(&f.content)?;
                    let html = if f.field_type_as_enum.as_deref() == Some("Html") {
                        content.to_string()
                    } else {
                        content
                            .replace('&', "&amp;")
                            .replace('<', "&lt;")
                            .replace('\n', "<br>")
                    };
                    Some((text(&f.caption).map(str::to_string), html))
                })
                .collect();
            let attachments: Vec<String> = item
                .enclosures
                .as_ref()
                .map(|e| {
                    e.enclosure
                        .iter()
                        .filter_map(|n| text(&n.name))
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            let staff: Vec<crate::contacts::Contact> =
                item.created_by.iter().filter_map(Person::contact).collect();
            docs.push(super::agenda_item_document(
                path,
                &super::AgendaItemSource {
                    committee,
                    date,
                    number: &number,
                    caption: text(&item.caption).unwrap_or("(uden titel)"),
                    case_number: item.case.as_ref().and_then(|c| text(&c.number)),
                    attachments: &attachments,
                    fields: &fields,
                    staff: &staff,
                },
            ));
        }
    }
    if docs.is_empty() {
        return Loaded::Skipped(Problem::XmlNoItems);
    }
    Loaded::Documents(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\u{feff}<?xml version=\"1.0\" encoding=\"utf-8\"?>
<Publication><Published><![CDATA[25-09-2012 14:07:07]]></Published><Agendas><Agenda>
<Name>Ordinært møde</Name>
<Committee><Name><![CDATA[Social- og Sundhedsudvalget]]></Name></Committee>
<Meeting><When>25-09-2027 15:30:00</When></Meeting>
<Items>
<Item><Number>1</Number><Caption><![CDATA[Strategi mod ensomhed - udsendelse i høring]]></Caption>
<Case><Number>27-001</Number></Case>
<Fields>
<ItemField><Caption>ADMINISTRATIONENS INDSTILLING</Caption><FieldTypeAsEnum>Html</FieldTypeAsEnum>
<Content><![CDATA[<p><strong>at</strong> strategien sendes i høring.</p>]]></Content></ItemField>
<ItemField><Caption>SAGSFREMSTILLING</Caption><FieldTypeAsEnum>Multiline</FieldTypeAsEnum>
<Content><![CDATA[Flere ældre føler sig ensomme.
Frivillige foreninger inddrages.]]></Content></ItemField>
<ItemField><Caption>BESLUTNING</Caption><FieldTypeAsEnum>Html</FieldTypeAsEnum><Content></Content></ItemField>
</Fields>
<Enclosures><Enclosure><Name>Bilag 1. Udkast</Name></Enclosure></Enclosures>
<CreatedBy ID=\"12\"><EmailAddress><![CDATA[mfh@kommune.dk]]></EmailAddress><Name><![CDATA[Mai Førster Henriksen]]></Name></CreatedBy>
</Item>
<Item><Number>2</Number><Caption>Eventuelt</Caption><Fields/>
<CreatedBy ID=\"3\"><EmailAddress></EmailAddress><Name><![CDATA[lenfre]]></Name></CreatedBy></Item>
</Items></Agenda></Agendas></Publication>";

    #[test]
    fn one_document_per_item_with_fields_as_sections() {
        let Loaded::Documents(docs) = load(Path::new("p.xml"), SAMPLE) else {
            panic!("not loaded");
        };
        assert_eq!(docs.len(), 2);
        let d = &docs[0];
        assert_eq!(
            d.meta.title.as_ref().map(|t| t.value.as_str()),
            Some("Strategi mod ensomhed - udsendelse i høring")
        );
        assert_eq!(d.date, 20270925);
        assert_eq!(d.doc_id, "p.xml#1");
        assert_eq!(
            d.facts.committee.as_deref(),
            Some("Social- og Sundhedsudvalget")
        );
        assert_eq!(d.facts.case_number.as_deref(), Some("27-001"));
        assert_eq!(d.facts.stage, Some(crate::process::Stage::Consultation));
        assert_eq!(d.facts.attachments, ["Bilag 1. Udkast"]);
        // the item's author in the meeting system is a contact; a login is not a name
        assert_eq!(
            d.facts.contacts,
            [crate::contacts::Contact {
                name: "Mai Førster Henriksen".into(),
                role: Some(AUTHOR_ROLE.into()),
                organisation: None,
                email: Some("mfh@kommune.dk".into()),
                phone: None,
            }]
        );
        assert!(docs[1].facts.contacts.is_empty());
        let text = &d.pages[0].text;
        let headings: Vec<&str> = d
            .sections
            .iter()
            .filter_map(|s| s.heading.as_deref())
            .collect();
        assert_eq!(
            headings,
            ["ADMINISTRATIONENS INDSTILLING", "SAGSFREMSTILLING"]
        );
        assert!(text.contains("at strategien sendes i høring."), "{text}");
        assert!(text.contains("ensomme.\nFrivillige"), "{text}");
        // an item without fields keeps its caption as its text
        assert_eq!(docs[1].pages[0].text, "Eventuelt");
    }

    #[test]
    fn other_xml_is_skipped_and_broken_xml_fails() {
        assert!(matches!(
            load(Path::new("a.xml"), "<root><table name=\"agenda\"/></root>"),
            Loaded::Skipped(_)
        ));
        assert!(matches!(
            load(Path::new("b.xml"), "<Publication><Agendas><Agenda><Items>"),
            Loaded::Failed(_)
        ));
        assert!(matches!(
            load(Path::new("c.xml"), "<Publication></Publication>"),
            Loaded::Skipped(_)
        ));
    }

    #[test]
    fn entities_of_a_dtd_are_refused_not_expanded_or_fetched() {
        let item = |caption: &str| {
            format!(
                "<Publication><Agendas><Agenda><Items><Item><Caption>{caption}</Caption></Item></Items></Agenda></Agendas></Publication>"
            )
        };
        let mut laughs =
            String::from("<?xml version=\"1.0\"?><!DOCTYPE Publication [<!ENTITY l0 \"lol\">");
        for i in 1..10 {
            laughs.push_str(&format!(
                "<!ENTITY l{i} \"{}\">",
                format!("&l{};", i - 1).repeat(10)
            ));
        }
        laughs.push_str("]>");
        laughs.push_str(&item("&l9;"));
        let xxe = format!(
            "<!DOCTYPE Publication [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>{}",
            item("&x;")
        );
        for xml in [laughs, xxe] {
            let Loaded::Failed(reason) = load(Path::new("e.xml"), &xml) else {
                panic!("loaded {xml}");
            };
            assert_eq!(
                reason.to_string(),
                "damaged agenda publication XML: cannot parse DTD: it declares entities (<!ENTITY>), which are never expanded or fetched"
            );
        }
        // XML's own entities are read
        let Loaded::Documents(docs) = load(Path::new("f.xml"), &item("Sport &amp; fritid")) else {
            panic!("not loaded");
        };
        assert_eq!(
            docs[0].meta.title.as_ref().map(|t| t.value.as_str()),
            Some("Sport & fritid")
        );
    }

    #[test]
    fn dates_in_either_order() {
        assert_eq!(
            crate::dates::timestamp_date("25-09-2012 15:30:00"),
            20120925
        );
        assert_eq!(
            crate::dates::timestamp_date("2016-10-06T13:00:00"),
            20161006
        );
        assert_eq!(crate::dates::timestamp_date("soon"), 0);
    }
}
