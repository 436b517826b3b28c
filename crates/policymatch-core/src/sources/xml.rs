//! How XML sources are read: without a DTD's entities.
//!
//! An XML file can declare entities in its DTD: internal ones that expand into each other
//! ("billion laughs": a few hundred bytes that expand to gigabytes) and external ones that name
//! a file or URL to be read in their place (XXE). The readers here never expand the one nor
//! fetch the other. quick-xml, which parses all XML here, has no I/O of its own and resolves
//! only what its entity resolver gives; the resolver used here ([`NoDtdEntities`]) knows the
//! five entities of XML itself (`&lt;` `&gt;` `&amp;` `&apos;` `&quot;`) and character
//! references (`&#65;`), and refuses a DTD that declares entities, so such a file fails at
//! once with that reason. A reference to any other entity fails too ("unrecognized entity").
//! Word documents never hold a DTD; their reader refuses one outright (see [`super::docx`]).

use quick_xml::de::{DeError, Deserializer, EntityResolver};
use quick_xml::events::BytesText;
use serde::Deserialize;

/// The reason a DTD with entity declarations is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("it declares entities (<!ENTITY>), which are never expanded or fetched")]
pub struct EntitiesDeclared;

/// An entity resolver that knows only XML's own five entities and refuses a DTD that declares
/// others.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoDtdEntities;

impl EntityResolver for NoDtdEntities {
    type Error = EntitiesDeclared;

    fn capture(&mut self, doctype: BytesText<'_>) -> Result<(), EntitiesDeclared> {
        if memchr::memmem::find(doctype.as_ref(), b"ENTITY").is_some() {
            return Err(EntitiesDeclared);
        }
        Ok(())
    }

    fn resolve(&self, entity: &str) -> Option<&str> {
        xml_entity(entity)
    }
}

/// The text of one of XML's own five entities (`lt`, `gt`, `amp`, `apos`, `quot`); no other
/// entity is known.
pub fn xml_entity(name: &str) -> Option<&'static str> {
    quick_xml::escape::resolve_xml_entity(name)
}

/// Deserialises `xml` with [`NoDtdEntities`].
pub fn from_str<'de, T: Deserialize<'de>>(xml: &'de str) -> Result<T, DeError> {
    let mut de = Deserializer::from_str_with_resolver(xml, NoDtdEntities);
    T::deserialize(&mut de)
}

#[cfg(test)]
mod tests {
    /// A test's outcome: an error fails it with its message.
    type TestResult = Result<(), Box<dyn std::error::Error>>;
    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Doc {
        #[serde(rename = "Name")]
        name: String,
    }

    #[test]
    fn entities_of_xml_itself_and_character_references_are_read() -> TestResult {
        let d: Doc =
            from_str("<Doc><Name>a &lt;b&gt; &amp; &quot;c&apos; &#65;&#x42;</Name></Doc>")?;
        assert_eq!(d.name, "a <b> & \"c' AB");
        Ok(())
    }

    #[test]
    fn billion_laughs_fail_at_once() {
        let mut xml = String::from("<?xml version=\"1.0\"?><!DOCTYPE Doc [<!ENTITY l0 \"lol\">");
        for i in 1..10 {
            let refs = format!("&l{};", i - 1).repeat(10);
            xml.push_str(&format!("<!ENTITY l{i} \"{refs}\">"));
        }
        xml.push_str("]><Doc><Name>&l9;</Name></Doc>");
        let started = std::time::Instant::now();
        let err = from_str::<Doc>(&xml).unwrap_err();
        assert!(started.elapsed().as_secs() < 1);
        assert!(err.to_string().contains("declares entities"), "{err}");
    }

    #[test]
    fn external_entities_are_never_fetched() -> TestResult {
        let dir = tempfile::tempdir()?;
        let secret = dir.path().join("secret.txt");
        std::fs::write(&secret, "hemmelig")?;
        let xml = format!(
            "<!DOCTYPE Doc [<!ENTITY x SYSTEM \"file://{}\">]><Doc><Name>&x;</Name></Doc>",
            secret.display()
        );
        let err = from_str::<Doc>(&xml).unwrap_err();
        assert!(err.to_string().contains("declares entities"), "{err}");
        // without the DTD the reference is simply unknown
        let err = from_str::<Doc>("<Doc><Name>&x;</Name></Doc>").unwrap_err();
        assert!(!err.to_string().contains("hemmelig"), "{err}");
        assert!(err.to_string().to_lowercase().contains("entity"), "{err}");
        Ok(())
    }

    #[test]
    fn a_dtd_without_entities_is_allowed() -> TestResult {
        let d: Doc = from_str("<!DOCTYPE Doc SYSTEM \"doc.dtd\"><Doc><Name>x</Name></Doc>")?;
        assert_eq!(d.name, "x");
        Ok(())
    }
}
