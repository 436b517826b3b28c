//! Whom to talk to about a profile: the committees, administrative units and named people
//! behind its best matches and upcoming events, ranked by how much of that they own, each
//! with its evidence (the seed's recommendation 4: "kortlæg, hvem i embedsværket der træffer
//! beslutninger").

use crate::{Matcher, Options, Profile, Result};
use policymatch_core::contacts::Contact;
use policymatch_core::index::PolicyIndex;
use policymatch_core::index::records::PassageRecord;
use serde::Serialize;
use std::collections::BTreeMap;

/// What kind of owner an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OwnerKind {
    /// A political committee (udvalg) that treats the cases.
    Committee,
    /// An administrative unit that handles them ("Center for Sundhed & Pleje").
    Unit,
    /// A named person (with role and contact details when the text gives them).
    Person,
}

/// Where an owner is seen: a document, its item or page, and the sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// The document's title.
    pub title: String,
    /// The document's path.
    pub path: String,
    /// The agenda item number, for an agenda item.
    pub item: Option<String>,
    /// The page.
    pub page: u64,
    /// The sentence that names the owner (in the match, else elsewhere in its document), or
    /// the match's opening when none does.
    pub sentence: String,
    /// The document's identity, to find the sentence elsewhere in it.
    #[serde(skip)]
    doc_id: String,
}

/// One committee, unit or person, with how much of the profile's matches and events it owns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Owner {
    /// What it is.
    pub kind: OwnerKind,
    /// Its name as the municipality writes it.
    pub name: String,
    /// For a person: role, organisation, e-mail and phone as the text gives them.
    pub contact: Option<Contact>,
    /// How many of the profile's best matches it owns.
    pub matches: usize,
    /// How many of the events in those documents still ahead on `today` it owns.
    pub upcoming_events: usize,
    /// The rank-weighted share it owns (a match at rank r counts 1/(r+1), an upcoming event 1/2).
    pub weight: f64,
    /// Up to three places where it is seen, best first.
    pub evidence: Vec<Evidence>,
}

impl Owner {
    /// The name with the person's role, organisation, e-mail and phone in parentheses, as far
    /// as the text gives them: "Peter Rymann (centerchef, Center for Børn & Familier)".
    pub fn name_with_details(&self) -> String {
        let details: Vec<&str> = self
            .contact
            .iter()
            .flat_map(|c| [&c.role, &c.organisation, &c.email, &c.phone])
            .filter_map(|d| d.as_deref())
            .collect();
        if details.is_empty() {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, details.join(", "))
        }
    }
}

/// How many matches `who` looks at.
pub const MATCHES: usize = 30;

/// The sentence of `text` that names `name`, else the text's first 200 characters.
/// The name as compared: lower-cased, "&" read as "og", white space single.
fn comparable(s: &str) -> String {
    s.to_lowercase()
        .replace('&', " og ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first sentence of `text` that names `name`.
fn sentence_naming(text: &str, name: &str) -> Option<String> {
    let flat = text.replace(['\n', '\r'], " ");
    let name = comparable(name);
    policymatch_core::sentence::prose_sentences(&flat)
        .into_iter()
        .map(|(a, b)| flat[a..b].split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|s| comparable(s).contains(&name))
}

/// The opening of `text`: its first 200 characters.
fn opening(text: &str) -> String {
    let t: String = text.chars().take(200).collect();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The owners behind `profile`'s best matches and the events still ahead on `today`
/// (YYYYMMDD) in the same documents, most weight first (ties by kind, then name).
pub fn who(
    index: &PolicyIndex,
    profile: &Profile,
    options: &Options,
    today: u64,
) -> Result<Vec<Owner>> {
    let options = Options {
        top: options.top.max(MATCHES),
        ..options.clone()
    };
    let suggestions = Matcher::new(index).suggest(profile, &options)?;
    let docs: std::collections::HashSet<String> = suggestions
        .iter()
        .map(|s| s.passage.document.doc_id.clone())
        .collect();
    let events = index.deadlines_where(&options.filters, 0, None, |p| {
        docs.contains(&p.document.doc_id)
    })?;
    let mut owners: BTreeMap<(OwnerKind, String), Owner> = BTreeMap::new();
    let mut add = |kind: OwnerKind,
                   name: &str,
                   contact: Option<Contact>,
                   p: &PassageRecord,
                   weight: f64,
                   event: bool| {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return;
        }
        let o = owners
            .entry((kind, name.to_lowercase().replace('&', "og")))
            .or_insert_with(|| Owner {
                kind,
                name: name.clone(),
                contact,
                matches: 0,
                upcoming_events: 0,
                weight: 0.0,
                evidence: Vec::new(),
            });
        if event {
            o.upcoming_events += 1;
        } else {
            o.matches += 1;
        }
        o.weight += weight;
        let ev = Evidence {
            title: p.document.title.clone(),
            path: p.document.path.clone(),
            item: p.facts.item.clone(),
            page: p.page,
            sentence: sentence_naming(&p.text, &name).unwrap_or_else(|| opening(&p.text)),
            doc_id: p.document.doc_id.clone(),
        };
        if o.evidence.len() < 3
            && !o
                .evidence
                .iter()
                .any(|e| e.path == ev.path && e.item == ev.item)
        {
            o.evidence.push(ev);
        }
    };
    let mut credit = |p: &PassageRecord, weight: f64, event: bool| {
        if let Some(c) = p.facts.committee.as_deref().filter(|c| !c.is_empty()) {
            add(OwnerKind::Committee, c, None, p, weight, event);
        }
        // "Administrationen" says nothing about whom to ask.
        for u in p
            .facts
            .units
            .iter()
            .filter(|u| !u.eq_ignore_ascii_case("administrationen"))
        {
            add(OwnerKind::Unit, u, None, p, weight, event);
        }
        for c in &p.facts.contacts {
            add(
                OwnerKind::Person,
                &c.name,
                Some(c.clone()),
                p,
                weight,
                event,
            );
        }
    };
    for (rank, s) in suggestions.iter().enumerate() {
        credit(&s.passage, 1.0 / (rank as f64 + 1.0), false);
    }
    for e in &events {
        if e.deadline.last_day().is_some_and(|d| d >= today) {
            credit(&e.passage, 0.5, true);
        }
    }
    let mut out: Vec<Owner> = owners.into_values().collect();
    // A unit or person named elsewhere in the document (an item's facts come from its whole
    // text) is shown with the sentence that names them there.
    let mut passages: BTreeMap<String, Vec<PassageRecord>> = BTreeMap::new();
    for o in out.iter_mut().filter(|o| o.kind != OwnerKind::Committee) {
        for e in &mut o.evidence {
            if comparable(&e.sentence).contains(&comparable(&o.name)) {
                continue;
            }
            if !passages.contains_key(&e.doc_id) {
                passages.insert(e.doc_id.clone(), index.passages_of(&e.doc_id)?);
            }
            let found = passages
                .get(&e.doc_id)
                .into_iter()
                .flatten()
                .find_map(|p| sentence_naming(&p.text, &o.name).map(|s| (p.page, s)));
            if let Some((page, sentence)) = found {
                e.page = page;
                e.sentence = sentence;
            }
        }
    }
    out.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then(a.kind.cmp(&b.kind))
            .then_with(|| a.name.cmp(&b.name))
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_naming_an_owner_reads_and_as_og() {
        let text =
            "Baggrund for sagen.\nCenter for Sundhed og Pleje har to puljer til\nuddeling. Andet.";
        assert_eq!(
            sentence_naming(text, "Center for Sundhed & Pleje").as_deref(),
            Some("Center for Sundhed og Pleje har to puljer til uddeling.")
        );
        assert_eq!(sentence_naming(text, "Center for Kultur"), None);
        assert_eq!(opening("  Kort\ntekst "), "Kort tekst");
    }

    #[test]
    fn a_persons_details_follow_the_name() {
        let mut o = Owner {
            kind: OwnerKind::Person,
            name: "Pia Mols".into(),
            contact: Some(Contact {
                name: "Pia Mols".into(),
                role: Some("souschef".into()),
                organisation: Some("Center for Sundhed & Pleje".into()),
                email: None,
                phone: Some("43 97 97 97".into()),
            }),
            matches: 1,
            upcoming_events: 0,
            weight: 1.0,
            evidence: Vec::new(),
        };
        assert_eq!(
            o.name_with_details(),
            "Pia Mols (souschef, Center for Sundhed & Pleje, 43 97 97 97)"
        );
        o.contact = None;
        assert_eq!(o.name_with_details(), "Pia Mols");
    }
}
