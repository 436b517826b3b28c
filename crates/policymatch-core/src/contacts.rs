//! Named people an association can contact about a case: those the text says take part in,
//! present or handle it ("Til mødet deltager Nicoline Alletorp, centerleder i FrivilligCenter
//! Greve"), with their role, organisation, e-mail and phone where the text gives them. Not
//! the politicians at the meeting ("… forlod mødet under behandlingen").

use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// A person named as a contact for a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// The name as written.
    pub name: String,
    /// The role ("centerleder"), when the text gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The organisation or unit ("FrivilligCenter Greve"), when the text gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// E-mail address, when the sentence gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number, when the sentence gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

static NAME: LazyLock<Regex> = LazyLock::new(|| {
    // Invariant: a constant pattern, compiled by the test `every_pattern_compiles`.
    Regex::new(r"\b[A-ZÆØÅ][a-zæøåéü]+(?:[ -][A-ZÆØÅ][a-zæøåéü]+){1,3}\b").expect("constant regex")
});
static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    // Invariant: a constant pattern, compiled by the test `every_pattern_compiles`.
    Regex::new(r"(?i)\b[a-zæøå-]*(?:leder|chef|formand|konsulent|direktør|koordinator|sagsbehandler|rådgiver|kontaktperson)\b")
        .expect("constant regex")
});
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    // Invariant: a constant pattern, compiled by the test `every_pattern_compiles`.
    Regex::new(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b").expect("constant regex")
});
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    // Invariant: a constant pattern, compiled by the test `every_pattern_compiles`.
    Regex::new(r"(?:\+45\s?)?\b\d{2}\s?\d{2}\s?\d{2}\s?\d{2}\b").expect("constant regex")
});

/// Sentences that name a contact: taking part in, presenting or handling the case.
const TAKES_PART: &[&str] = &[
    "deltager",
    "besøger",
    "fremlægger",
    "præsenterer",
    "orienterer",
    "kontaktperson",
    "kan kontaktes",
    "sagsbehandler",
    "kontakt:",
];

/// Sentences about members of the meeting, not contacts.
const MEMBERS: &[&str] = &[
    "forlod mødet",
    "deltog ikke",
    "fraværende",
    "afbud",
    "inhabil",
    "mødeleder",
    "blev valgt",
];

/// Capitalised words that are not (part of) a person's name.
const NOT_NAME: &[&str] = &[
    "Kommune",
    "Center",
    "Centret",
    "Bibliotek",
    "Udvalget",
    "Udvalg",
    "Byrådet",
    "Til",
    "I",
    "Efter",
    "Under",
    "Fra",
    "Ved",
    "Og",
    "Greve",
    "Rådet",
    "Skole",
    "Klub",
    "Afdeling",
    "Sekretariat",
    "Forvaltningen",
    "Administrationen",
    "Direktionen",
    "IF",
    "Boldklub",
];

/// The people `text` names as contacts for its case, each once, in order.
pub fn contacts_in(text: &str) -> Vec<Contact> {
    let flat = text.replace(['\n', '\r'], " ");
    let mut out: Vec<Contact> = Vec::new();
    for (a, b) in crate::sentence::prose_sentences(&flat) {
        let sentence = &flat[a..b];
        let lower = sentence.to_lowercase();
        // A hidden layer of a page's words in a bag (see [`crate::segment::is_word_salad`])
        // puts names beside words that are not their role.
        if crate::segment::is_word_salad(sentence) || crate::segment::is_bare_words(sentence) {
            continue;
        }
        if !TAKES_PART.iter().any(|c| lower.contains(c))
            || MEMBERS.iter().any(|c| lower.contains(c))
        {
            continue;
        }
        let email = EMAIL.find(sentence).map(|m| m.as_str().to_string());
        let phone = PHONE.find(sentence).map(|m| m.as_str().to_string());
        for m in NAME.find_iter(sentence) {
            // A leading role word ("Centerchef Peter Rymann") is not part of the name.
            let mut words: Vec<&str> = m.as_str().split([' ']).collect();
            while words
                .first()
                .is_some_and(|w| ROLE.is_match(w) || NOT_NAME.contains(w))
            {
                words.remove(0);
            }
            // After "&" the first word ends a unit's name ("Center for Sundhed & Pleje Pia
            // Mols"), not a person's.
            if words.len() > 2 && sentence[..m.start()].trim_end().ends_with('&') {
                words.remove(0);
            }
            if words.len() < 2
                || words.len() > 4
                || words
                    .iter()
                    .any(|w| NOT_NAME.contains(w) || ROLE.is_match(w))
            {
                continue;
            }
            let name = words.join(" ");
            let at = m.end();
            // Where the name itself begins (after a stripped role word).
            let start = m.start() + m.as_str().find(&name).unwrap_or(0);
            // The role: right after the name (", centerleder i …", " (centerleder)"), else
            // right before it ("Centerchef for Børn & Familier, Peter Rymann").
            let after = &sentence[at..];
            let before = &sentence[..start];
            let role_after = ROLE
                .find(after)
                .filter(|r| r.start() <= 3)
                .map(|r| (r.as_str().to_lowercase(), &after[r.end()..]));
            let (role, organisation) = match role_after {
                Some((role, rest)) => (Some(role), organisation_after(rest)),
                None => {
                    let tail_from = before
                        .char_indices()
                        .rev()
                        .nth(60)
                        .map(|(i, _)| i)
                        .unwrap_or(0);
                    let tail = &before[tail_from..];
                    match ROLE.find_iter(tail).last() {
                        Some(r) => role_before(r.as_str(), &tail[r.end()..]),
                        None => (None, None),
                    }
                }
            };
            // A person is named with a role or a way to reach them; capitalised words
            // without either are more often a place or an offer ("Bostedet Vangeleddet").
            if role.is_none() && email.is_none() && phone.is_none() {
                continue;
            }
            if out.iter().any(|c| c.name == name) {
                continue;
            }
            out.push(Contact {
                name,
                role,
                organisation,
                email: email.clone(),
                phone: phone.clone(),
            });
        }
    }
    out
}

/// The role and organisation of a role word written before the name, from `role` and `rest`,
/// the words between it and the name: "Centerchef for Børn & Familier," gives the organisation
/// "Børn & Familier"; "Enhedsleder af myndighed" is one role, as its words are not a name.
fn role_before(role: &str, rest: &str) -> (Option<String>, Option<String>) {
    let rest = rest.trim().trim_end_matches(',').trim();
    let role = role.to_lowercase();
    let stripped = ["for ", "i ", "af ", "ved ", "hos "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest)
        .trim();
    if stripped.is_empty() {
        return (Some(role), None);
    }
    if stripped.chars().next().is_some_and(char::is_lowercase) {
        // "af myndighed", "af forebyggelse og rehabilitering": the role goes on
        return (Some(format!("{role} {}", rest.to_lowercase())), None);
    }
    (Some(role), Some(stripped.to_string()))
}

/// "i FrivilligCenter Greve, og …" → "FrivilligCenter Greve".
fn organisation_after(rest: &str) -> Option<String> {
    let rest = rest.trim_start();
    let rest = ["i ", "af ", "for ", "ved ", "hos "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))?;
    let end = rest
        .find([',', '.', '(', ')', ';'])
        .into_iter()
        .chain(rest.find(" og "))
        .min()
        .unwrap_or(rest.len());
    let org = rest[..end].trim();
    (!org.is_empty()).then(|| org.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Proves the invariant of every `expect("constant regex")` in this module.
    #[test]
    fn every_pattern_compiles() {
        for p in [&NAME, &ROLE, &EMAIL, &PHONE] {
            LazyLock::force(p);
        }
    }

    fn names(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        contacts_in(text)
            .into_iter()
            .map(|c| (c.name, c.role, c.organisation))
            .collect()
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn people_taking_part_with_role_and_organisation() {
        assert_eq!(
            names(
                "Til mødet deltager Nicoline Alletorp, centerleder i FrivilligCenter Greve, og Mette Fiirgaard Schneefeldt, leder af Greve Kultur-Base."
            ),
            [
                (
                    "Nicoline Alletorp".into(),
                    s("centerleder"),
                    s("FrivilligCenter Greve")
                ),
                (
                    "Mette Fiirgaard Schneefeldt".into(),
                    s("leder"),
                    s("Greve Kultur-Base")
                ),
            ]
        );
        assert_eq!(
            names("Centerchef for Børn & Familier, Peter Rymann, deltager under punktet."),
            [("Peter Rymann".into(), s("centerchef"), s("Børn & Familier"))]
        );
        assert_eq!(
            names("Hovedformand Tune IF, Pauli Christensen deltager ved besøget."),
            [("Pauli Christensen".into(), s("hovedformand"), s("Tune IF"))]
        );
        assert_eq!(
            names("Biblioteksleder Tina Østergaard Kahn besøger udvalget."),
            [("Tina Østergaard Kahn".into(), s("biblioteksleder"), None)]
        );
    }

    #[test]
    fn a_unit_before_the_name_and_a_role_in_several_words() {
        assert_eq!(
            names(
                "Enhedsleder af myndighed Morten Helmer-Nielsen og souschef for Center for Sundhed & Pleje Pia Mols deltager under punktet."
            ),
            [
                (
                    "Morten Helmer-Nielsen".into(),
                    s("enhedsleder af myndighed"),
                    None
                ),
                (
                    "Pia Mols".into(),
                    s("souschef"),
                    s("Center for Sundhed & Pleje")
                ),
            ]
        );
        assert_eq!(
            names(
                "Konstitueret leder af forebyggelse og rehabilitering Morten Helmer-Nielsen og forebyggelses-konsulent Anette Olausson deltager under punktet."
            ),
            [
                (
                    "Morten Helmer-Nielsen".into(),
                    s("leder af forebyggelse og rehabilitering"),
                    None
                ),
                ("Anette Olausson".into(), s("forebyggelses-konsulent"), None),
            ]
        );
    }

    #[test]
    fn a_hidden_layer_of_bare_words_names_no_contact() {
        assert!(
            names(
                "Enhedsleder\nmyndighed\nMorten\nHelmer\nNielsen\nsouschef\nCenter\nSundhed\nPleje\nPia\nMols\ndeltager\npunktet."
            )
            .is_empty()
        );
    }

    #[test]
    fn members_of_the_meeting_are_not_contacts() {
        assert!(
            names("Pauli Christensen forlod mødet ved behandlingen af ansøgningen.").is_empty()
        );
        assert!(names("Udvalget drøftede sagen med Greve Kommune.").is_empty());
        assert!(
            names("Borgerne deltager i Jobcentrets Aktive Tilbud og Bostedet Vangeleddet.")
                .is_empty()
        );
        let c = contacts_in("Kontaktperson er Anne Hansen, tlf. 43 97 97 97, anne@greve.dk.");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].email.as_deref(), Some("anne@greve.dk"));
        assert_eq!(c[0].phone.as_deref(), Some("43 97 97 97"));
    }
}
