//! Word documents (`.docx`): the text of `word/document.xml`, one paragraph a line with a
//! blank line between paragraphs, cut into pages where Word last laid out a page break.
//!
//! A `.docx` file is a zip archive; the archive and the XML are read in-process by safe Rust
//! parsers. What is unpacked is bounded: no part beyond [`MAX_PART`] bytes and no more than
//! [`MAX_UNPACKED`] bytes from one file, checked against the sizes the archive declares
//! before anything is unpacked (so a zip bomb fails at once, without allocating) and again
//! while unpacking (in case the declared size lies). The XML is read without a DTD: Word never
//! writes one, so a part that holds one fails, and no entity is ever expanded or fetched (see
//! [`super::xml`]).

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::io::Read;

/// Most bytes one part of the archive (`word/document.xml`) unpacks to: a Word document of a
/// few thousand pages.
pub const MAX_PART: u64 = 32 * 1024 * 1024;

/// Most bytes unpacked from one `.docx` file, all parts read together.
pub const MAX_UNPACKED: u64 = 64 * 1024 * 1024;

pub use crate::problem::DocxError;

/// How much may still be unpacked from one archive.
struct Unpacking {
    /// Bytes unpacked so far.
    done: u64,
}

impl Unpacking {
    /// Unpacks the part `name` of `archive` within [`MAX_PART`] and what is left of
    /// [`MAX_UNPACKED`].
    fn part<R: Read + std::io::Seek>(
        &mut self,
        archive: &mut zip::ZipArchive<R>,
        name: &str,
    ) -> Result<Vec<u8>, DocxError> {
        let part = archive.by_name(name).map_err(|e| match e {
            zip::result::ZipError::FileNotFound => DocxError::NoDocument,
            e => DocxError::Zip(e.to_string()),
        })?;
        let too_large = |size: u64| {
            if size > MAX_PART {
                DocxError::TooLarge {
                    part: name.to_string(),
                    size,
                    limit: MAX_PART,
                    whole_file: false,
                }
            } else {
                DocxError::TooLarge {
                    part: name.to_string(),
                    size: self.done.saturating_add(size),
                    limit: MAX_UNPACKED,
                    whole_file: true,
                }
            }
        };
        let allowed = MAX_PART.min(MAX_UNPACKED.saturating_sub(self.done));
        // the size the archive declares, before anything is unpacked
        if part.size() > allowed {
            return Err(too_large(part.size()));
        }
        let mut out = Vec::new();
        // the declared size may lie: unpack one byte more than allowed to tell
        part.take(allowed + 1)
            .read_to_end(&mut out)
            .map_err(|e| DocxError::Zip(e.to_string()))?;
        if out.len() as u64 > allowed {
            return Err(too_large(out.len() as u64));
        }
        self.done += out.len() as u64;
        Ok(out)
    }
}

/// The pages of a `.docx` file's text.
pub fn docx_pages(bytes: &[u8]) -> Result<Vec<String>, DocxError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| DocxError::Zip(e.to_string()))?;
    let mut unpacking = Unpacking { done: 0 };
    let xml = unpacking.part(&mut archive, "word/document.xml")?;
    text_of(&xml)
}

/// Whether `e` is a page break: `<w:br w:type="page"/>` or Word's
/// `<w:lastRenderedPageBreak/>`.
fn page_break(e: &BytesStart<'_>) -> bool {
    match e.local_name().as_ref() {
        b"lastRenderedPageBreak" => true,
        b"br" => e
            .attributes()
            .flatten()
            .any(|a| a.key.local_name().as_ref() == b"type" && a.value.as_ref() == b"page"),
        _ => false,
    }
}

/// The pages of the text in a WordprocessingML document part.
fn text_of(xml: &[u8]) -> Result<Vec<String>, DocxError> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    // finished pages, and the page being filled
    let mut pages: Vec<String> = Vec::new();
    let mut page = String::new();
    let mut paragraph = String::new();
    let mut in_text = false;
    // a page break inside a paragraph takes effect after it
    let mut break_after = false;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| DocxError::Xml(e.to_string()))?;
        match event {
            Event::Start(e) if e.local_name().as_ref() == b"t" => in_text = true,
            Event::End(e) if e.local_name().as_ref() == b"t" => in_text = false,
            Event::Text(t) if in_text => {
                let s = t
                    .unescape_with(super::xml::xml_entity)
                    .map_err(|e| DocxError::Xml(e.to_string()))?;
                paragraph.push_str(&s);
            }
            Event::CData(t) if in_text => paragraph.push_str(&String::from_utf8_lossy(&t)),
            Event::Empty(e) | Event::Start(e) => match e.local_name().as_ref() {
                b"tab" => paragraph.push('\t'),
                b"br" | b"cr" if !page_break(&e) => paragraph.push('\n'),
                _ if page_break(&e) => break_after = true,
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == b"p" => {
                let line = paragraph.trim();
                if !line.is_empty() {
                    page.push_str(line);
                    page.push_str("\n\n");
                }
                paragraph.clear();
                if break_after && !page.trim().is_empty() {
                    pages.push(std::mem::take(&mut page));
                }
                break_after = false;
            }
            Event::DocType(_) => {
                return Err(DocxError::Xml(
                    "a DTD, which Word documents never hold".into(),
                ));
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    page.push_str(paragraph.trim());
    // a break after the last paragraph leaves no empty page behind
    if !page.trim().is_empty() || pages.is_empty() {
        pages.push(page);
    }
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    const BODY: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:pPr><w:pStyle w:val="Overskrift1"/></w:pPr><w:r><w:t>Ensomhed</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Målet er, at færre </w:t></w:r><w:r><w:t>ældre føler sig ensomme &amp; alene.</w:t></w:r></w:p>
<w:p><w:r><w:t>Vi vil styrke</w:t></w:r><w:r><w:tab/><w:t>samarbejdet.</w:t></w:r><w:r><w:br w:type="page"/></w:r></w:p>
<w:p><w:r><w:lastRenderedPageBreak/><w:t>Side to.</w:t></w:r></w:p>
</w:body></w:document>"#;

    fn docx(parts: &[(&str, &[u8])]) -> zip::result::ZipResult<Vec<u8>> {
        let mut out = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        for (name, data) in parts {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())?;
            zip.write_all(data)?;
        }
        zip.finish()?;
        Ok(out.into_inner())
    }

    #[test]
    fn paragraphs_become_lines_and_page_breaks_pages() -> TestResult {
        let pages = docx_pages(&docx(&[("word/document.xml", BODY.as_bytes())])?)?;
        assert_eq!(pages.len(), 2, "{pages:?}");
        assert_eq!(
            pages[0],
            "Ensomhed\n\nMålet er, at færre ældre føler sig ensomme & alene.\n\nVi vil styrke\tsamarbejdet.\n\n"
        );
        assert_eq!(pages[1], "Side to.\n\n");
        Ok(())
    }

    #[test]
    fn bad_archives_give_a_reason() -> TestResult {
        assert!(matches!(
            docx_pages(b"PK\x03\x04 broken"),
            Err(DocxError::Zip(_))
        ));
        assert!(matches!(docx_pages(b""), Err(DocxError::Zip(_))));
        let no_doc = docx(&[("word/styles.xml", b"<x/>".as_slice())])?;
        assert_eq!(docx_pages(&no_doc), Err(DocxError::NoDocument));
        let bad_xml = docx(&[("word/document.xml", b"<w:p><w:t>a</w:p>".as_slice())])?;
        assert!(matches!(docx_pages(&bad_xml), Err(DocxError::Xml(_))));
        Ok(())
    }

    /// `n` bytes of one repeated paragraph (it compresses to almost nothing).
    fn paragraphs(n: u64) -> Vec<u8> {
        let para = b"<w:p><w:r><w:t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</w:t></w:r></w:p>";
        para.iter().copied().cycle().take(n as usize).collect()
    }

    #[test]
    fn a_bomb_fails_by_its_declared_size() -> TestResult {
        let bytes = docx(&[("word/document.xml", &paragraphs(MAX_PART + 1024 * 1024))])?;
        assert!(bytes.len() < 1024 * 1024, "{} bytes", bytes.len());
        let err = docx_pages(&bytes).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Word document part word/document.xml unpacks to 33 MiB, over the limit of 32 MiB"
        );
        Ok(())
    }

    #[test]
    fn a_bomb_that_lies_about_its_size_is_cut_off() -> TestResult {
        let mut bytes = docx(&[("word/document.xml", &paragraphs(MAX_PART + 1024 * 1024))])?;
        // the central directory's uncompressed size (offset 24 of its entry) says 1 KiB
        let at = bytes
            .windows(4)
            .position(|w| w == b"PK\x01\x02")
            .ok_or("no central directory")?;
        bytes[at + 24..at + 28].copy_from_slice(&1024u32.to_le_bytes());
        match docx_pages(&bytes) {
            Err(DocxError::TooLarge { part, .. }) => assert_eq!(part, "word/document.xml"),
            Err(DocxError::Zip(_)) => {} // the zip reader caught the lie itself
            other => panic!("{other:?}"),
        }
        Ok(())
    }

    #[test]
    fn one_file_unpacks_at_most_its_budget() -> TestResult {
        // three parts, each within the limit of a part, over the limit of a file together
        let third = MAX_UNPACKED / 3 + 1;
        assert!(third < MAX_PART);
        let part = paragraphs(third);
        let bytes = docx(&[("a.xml", &part), ("b.xml", &part), ("c.xml", &part)])?;
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.as_slice()))?;
        let mut unpacking = Unpacking { done: 0 };
        assert_eq!(unpacking.part(&mut archive, "a.xml")?.len() as u64, third);
        assert_eq!(unpacking.part(&mut archive, "b.xml")?.len() as u64, third);
        let err = unpacking.part(&mut archive, "c.xml").unwrap_err();
        assert_eq!(
            err.to_string(),
            "Word document part c.xml unpacks to 64.1 MiB with the parts before it, over the limit of 64 MiB for one file"
        );
        Ok(())
    }

    #[test]
    fn a_dtd_fails_and_no_entity_is_expanded() -> TestResult {
        let laughs = br#"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"#;
        let bytes = docx(&[("word/document.xml", laughs.as_slice())])?;
        assert!(matches!(docx_pages(&bytes), Err(DocxError::Xml(m)) if m.contains("DTD")));
        // an entity without a DTD is not known either (only the five of XML itself are)
        let xxe = b"<w:document><w:body><w:p><w:r><w:t>&x; &amp; &#65;</w:t></w:r></w:p></w:body></w:document>";
        let bytes = docx(&[("word/document.xml", xxe.as_slice())])?;
        assert!(matches!(docx_pages(&bytes), Err(DocxError::Xml(_))));
        let fine = b"<w:document><w:body><w:p><w:r><w:t>&lt;a&gt; &amp; &#65;</w:t></w:r></w:p></w:body></w:document>";
        let bytes = docx(&[("word/document.xml", fine.as_slice())])?;
        assert_eq!(docx_pages(&bytes)?, ["<a> & A\n\n"]);
        Ok(())
    }
}
