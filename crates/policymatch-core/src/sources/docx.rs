//! Word documents (`.docx`): the text of `word/document.xml`, one paragraph a line with a
//! blank line between paragraphs, cut into pages where Word last laid out a page break.
//!
//! A `.docx` file is a zip archive; the archive and the XML are read in-process by safe Rust
//! parsers, and the document part is read only up to [`MAX_XML`] bytes, so a zip bomb is cut
//! off rather than filling memory.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::io::Read;

/// Most bytes of `word/document.xml` read (its uncompressed size).
pub const MAX_XML: u64 = 64 * 1024 * 1024;

/// Why a `.docx` file gives no text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocxError {
    /// Not a zip archive, or a damaged one.
    #[error("not a readable Word document (zip: {0})")]
    Zip(String),
    /// The archive has no `word/document.xml`.
    #[error("not a Word document (no word/document.xml)")]
    NoDocument,
    /// The document part is larger than [`MAX_XML`].
    #[error("Word document text part larger than {} MiB", MAX_XML / 1024 / 1024)]
    TooLarge,
    /// The XML is broken.
    #[error("damaged Word document (XML: {0})")]
    Xml(String),
}

/// The pages of a `.docx` file's text.
pub fn docx_pages(bytes: &[u8]) -> Result<Vec<String>, DocxError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| DocxError::Zip(e.to_string()))?;
    let part = archive.by_name("word/document.xml").map_err(|e| match e {
        zip::result::ZipError::FileNotFound => DocxError::NoDocument,
        e => DocxError::Zip(e.to_string()),
    })?;
    if part.size() > MAX_XML {
        return Err(DocxError::TooLarge);
    }
    let mut xml = Vec::new();
    // the declared size may lie: read one byte more than allowed to tell
    part.take(MAX_XML + 1)
        .read_to_end(&mut xml)
        .map_err(|e| DocxError::Zip(e.to_string()))?;
    if xml.len() as u64 > MAX_XML {
        return Err(DocxError::TooLarge);
    }
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
                let s = t.unescape().map_err(|e| DocxError::Xml(e.to_string()))?;
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

    #[test]
    fn a_bomb_is_cut_off() -> TestResult {
        // 65 MiB of one repeated paragraph compresses to a small archive
        let para = b"<w:p><w:r><w:t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</w:t></w:r></w:p>";
        let big: Vec<u8> = para
            .iter()
            .copied()
            .cycle()
            .take((MAX_XML + 1024 * 1024) as usize)
            .collect();
        let bytes = docx(&[("word/document.xml", &big)])?;
        assert!(bytes.len() < 2 * 1024 * 1024, "{} bytes", bytes.len());
        assert_eq!(docx_pages(&bytes), Err(DocxError::TooLarge));
        Ok(())
    }
}
