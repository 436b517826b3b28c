//! Word 97-2003 documents (`.doc`): the main text of the `WordDocument` stream, one paragraph
//! a line with a blank line between paragraphs, cut into pages at hard page and section breaks
//! (a `.doc` file keeps no layout, so those are the only page boundaries it knows).
//!
//! A `.doc` file is a compound file (`cfb` reads its streams). The text is found through the
//! piece table: the File Information Block at the start of `WordDocument` says which table
//! stream holds it and where (`fcClx`); each piece maps a run of character positions to bytes
//! of `WordDocument`, either UTF-16 or "compressed" 8-bit text (Windows-1252). Field codes
//! (`{ PAGE }`, hyperlink targets) are left out and their shown results kept. Everything is
//! bounds-checked safe Rust; nothing is decompressed, so no stream can grow beyond the file.

use std::io::Read;

pub use crate::problem::{DocDamage, DocError};

/// Magic number at the start of the File Information Block.
const W_IDENT: u16 = 0xA5EC;
/// `fEncrypted` in the FIB's flags.
const F_ENCRYPTED: u16 = 0x0100;
/// `fWhichTblStm` in the FIB's flags: the table stream is `1Table`, else `0Table`.
const F_WHICH_TBL_STM: u16 = 0x0200;
/// Byte offset of `fcClx` in `FibRgFcLcb97` (the 34th fc/lcb pair).
const FC_CLX: usize = 0x108;
/// A piece's `fc` with this bit set holds 8-bit text at half the offset.
const F_COMPRESSED: u32 = 0x4000_0000;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The pages of a `.doc` file's main text.
pub fn doc_pages(bytes: &[u8]) -> Result<Vec<String>, DocError> {
    let mut file = cfb::CompoundFile::open(std::io::Cursor::new(bytes))
        .map_err(|e| DocError::Container(e.to_string()))?;
    let limit = bytes.len() as u64;
    let mut read = |name: &str| -> Result<Option<Vec<u8>>, DocError> {
        if !file.is_stream(name) {
            return Ok(None);
        }
        let stream = file
            .open_stream(name)
            .map_err(|e| DocError::Container(e.to_string()))?;
        let mut out = Vec::new();
        // a stream cannot be larger than the file that holds it
        stream
            .take(limit)
            .read_to_end(&mut out)
            .map_err(|e| DocError::Container(e.to_string()))?;
        Ok(Some(out))
    };
    let word = read("/WordDocument")?.ok_or(DocError::NoDocument)?;
    let fib = Fib::parse(&word)?;
    let table_name = if fib.table_one { "/1Table" } else { "/0Table" };
    let table = read(table_name)?.ok_or(DocError::Damaged(DocDamage::NoTableStream))?;
    let clx = table
        .get(fib.fc_clx..fib.fc_clx.saturating_add(fib.lcb_clx))
        .ok_or(DocError::Damaged(DocDamage::PieceTableOutside))?;
    let raw = main_text(&word, clx, fib.ccp_text)?;
    Ok(pages_of(&raw))
}

/// What the File Information Block says about where the text is.
struct Fib {
    table_one: bool,
    ccp_text: u32,
    fc_clx: usize,
    lcb_clx: usize,
}

impl Fib {
    fn parse(word: &[u8]) -> Result<Fib, DocError> {
        const SHORT: DocError = DocError::Damaged(DocDamage::FibTooShort);
        if u16_at(word, 0) != Some(W_IDENT) {
            return Err(DocError::Damaged(DocDamage::NoFib));
        }
        let flags = u16_at(word, 0x0A).ok_or(SHORT)?;
        if flags & F_ENCRYPTED != 0 {
            return Err(DocError::Encrypted);
        }
        // FibBase (32 bytes), then three arrays, each after its count
        let mut at = 32;
        let csw = usize::from(u16_at(word, at).ok_or(SHORT)?);
        at += 2 + csw * 2;
        let cslw = usize::from(u16_at(word, at).ok_or(SHORT)?);
        let rg_lw = at + 2;
        // ccpText is the fourth 32-bit value of FibRgLw97
        let ccp_text = if cslw >= 4 {
            u32_at(word, rg_lw + 12).ok_or(SHORT)?
        } else {
            return Err(SHORT);
        };
        at = rg_lw + cslw * 4;
        let pairs = usize::from(u16_at(word, at).ok_or(SHORT)?);
        let rg_fc_lcb = at + 2;
        if pairs * 8 < FC_CLX + 8 {
            return Err(SHORT);
        }
        let fc_clx = u32_at(word, rg_fc_lcb + FC_CLX).ok_or(SHORT)? as usize;
        let lcb_clx = u32_at(word, rg_fc_lcb + FC_CLX + 4).ok_or(SHORT)? as usize;
        Ok(Fib {
            table_one: flags & F_WHICH_TBL_STM != 0,
            ccp_text,
            fc_clx,
            lcb_clx,
        })
    }
}

/// The characters of the main document (positions `0..ccp_text`), as stored.
fn main_text(word: &[u8], clx: &[u8], ccp_text: u32) -> Result<String, DocError> {
    const BROKEN: DocError = DocError::Damaged(DocDamage::BrokenPieceTable);
    // property runs (Prc, type 1) come first; the piece table (Pcdt, type 2) follows
    let mut at = 0;
    while clx.get(at) == Some(&1) {
        let cb = usize::from(u16_at(clx, at + 1).ok_or(BROKEN)?);
        at += 3 + cb;
    }
    if clx.get(at) != Some(&2) {
        return Err(BROKEN);
    }
    let lcb = u32_at(clx, at + 1).ok_or(BROKEN)? as usize;
    let plc = clx.get(at + 5..at + 5 + lcb).ok_or(BROKEN)?;
    // n + 1 character positions, then n piece descriptors of 8 bytes
    if plc.len() < 4 || (plc.len() - 4) % 12 != 0 {
        return Err(BROKEN);
    }
    let n = (plc.len() - 4) / 12;
    let mut text = String::new();
    for i in 0..n {
        let start = u32_at(plc, i * 4).ok_or(BROKEN)?;
        let end = u32_at(plc, (i + 1) * 4).ok_or(BROKEN)?.min(ccp_text);
        if start >= end {
            continue;
        }
        let count = (end - start) as usize;
        let fc = u32_at(plc, (n + 1) * 4 + i * 8 + 2).ok_or(BROKEN)?;
        if fc & F_COMPRESSED != 0 {
            let from = ((fc & !F_COMPRESSED) / 2) as usize;
            let bytes = word
                .get(from..from + count)
                .ok_or(DocError::Damaged(DocDamage::TextOutside))?;
            let (decoded, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            text.push_str(&decoded);
        } else {
            let from = fc as usize;
            let bytes = word
                .get(from..from + count * 2)
                .ok_or(DocError::Damaged(DocDamage::TextOutside))?;
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect();
            text.extend(char::decode_utf16(units).map(|c| c.unwrap_or('\u{fffd}')));
        }
    }
    Ok(text)
}

/// Word's control characters turned into plain text, cut into pages.
fn pages_of(raw: &str) -> Vec<String> {
    let mut pages = Vec::new();
    let mut page = String::new();
    // one entry per open field: whether its code part is over (its result is shown)
    let mut fields: Vec<bool> = Vec::new();
    for c in raw.chars() {
        match c {
            '\u{13}' => fields.push(false),
            '\u{14}' => {
                if let Some(last) = fields.last_mut() {
                    *last = true;
                }
            }
            '\u{15}' => {
                fields.pop();
            }
            // inside a field's code: left out
            _ if fields.last() == Some(&false) => {}
            // paragraph end; empty paragraphs add no more blank lines
            '\r' => {
                let blank = page.ends_with("\n\n");
                let lines = page.trim_end_matches(['\n', ' ']).len();
                if !blank && lines > 0 {
                    page.truncate(lines);
                    page.push_str("\n\n");
                }
            }
            // line break; end of a table cell or row
            '\u{0b}' | '\u{07}' => page.push('\n'),
            // page or section break
            '\u{0c}' => pages.push(std::mem::take(&mut page)),
            // non-breaking hyphen
            '\u{1e}' => page.push('-'),
            '\t' => page.push('\t'),
            // optional hyphens, object anchors, note marks and other controls
            c if c.is_control() => {}
            c => page.push(c),
        }
    }
    pages.push(page);
    pages
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    /// A minimal `.doc`: a FIB pointing at a piece table in `0Table`, and the pieces' text.
    fn doc_file(pieces: &[(&str, bool)], encrypted: bool) -> std::io::Result<Vec<u8>> {
        // the WordDocument stream: FIB, then the pieces' bytes
        let csw = 14usize;
        let cslw = 22usize;
        let pairs = 93usize;
        let fib_len = 32 + 2 + csw * 2 + 2 + cslw * 4 + 2 + pairs * 8;
        let mut word = vec![0u8; fib_len];
        word[0..2].copy_from_slice(&W_IDENT.to_le_bytes());
        let flags: u16 = if encrypted { F_ENCRYPTED } else { 0 };
        word[0x0A..0x0C].copy_from_slice(&flags.to_le_bytes());
        let mut at = 32;
        word[at..at + 2].copy_from_slice(&(csw as u16).to_le_bytes());
        at += 2 + csw * 2;
        word[at..at + 2].copy_from_slice(&(cslw as u16).to_le_bytes());
        let rg_lw = at + 2;
        at = rg_lw + cslw * 4;
        word[at..at + 2].copy_from_slice(&(pairs as u16).to_le_bytes());
        let rg_fc_lcb = at + 2;
        let mut cps = vec![0u32];
        let mut fcs = Vec::new();
        let mut cp = 0u32;
        for (text, compressed) in pieces {
            let count = text.chars().count() as u32;
            if *compressed {
                let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
                fcs.push(((word.len() as u32) * 2) | F_COMPRESSED);
                word.extend_from_slice(&bytes);
            } else {
                fcs.push(word.len() as u32);
                for u in text.encode_utf16() {
                    word.extend_from_slice(&u.to_le_bytes());
                }
            }
            cp += count;
            cps.push(cp);
        }
        word[rg_lw + 12..rg_lw + 16].copy_from_slice(&cp.to_le_bytes());
        // the table stream: a Prc to skip, then the Pcdt
        let mut plc = Vec::new();
        for c in &cps {
            plc.extend_from_slice(&c.to_le_bytes());
        }
        for fc in &fcs {
            plc.extend_from_slice(&0u16.to_le_bytes());
            plc.extend_from_slice(&fc.to_le_bytes());
            plc.extend_from_slice(&0u16.to_le_bytes());
        }
        let mut table = vec![0u8; 16];
        let fc_clx = table.len() as u32;
        table.extend_from_slice(&[1, 2, 0, 0xAA, 0xBB]);
        table.push(2);
        table.extend_from_slice(&(plc.len() as u32).to_le_bytes());
        table.extend_from_slice(&plc);
        let lcb_clx = table.len() as u32 - fc_clx;
        word[rg_fc_lcb + FC_CLX..rg_fc_lcb + FC_CLX + 4].copy_from_slice(&fc_clx.to_le_bytes());
        word[rg_fc_lcb + FC_CLX + 4..rg_fc_lcb + FC_CLX + 8]
            .copy_from_slice(&lcb_clx.to_le_bytes());

        let mut cf = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new()))?;
        cf.create_stream("/WordDocument")?.write_all(&word)?;
        cf.create_stream("/0Table")?.write_all(&table)?;
        cf.flush()?;
        Ok(cf.into_inner().into_inner())
    }

    #[test]
    fn reads_utf16_and_compressed_pieces_with_paragraphs_and_pages() -> TestResult {
        let bytes = doc_file(
            &[
                ("Politik for ældre\rVi vil styrke fællesskab", false),
                (" – og €-midler.\x0cSide to\r", true),
            ],
            false,
        )?;
        let pages = doc_pages(&bytes)?;
        assert_eq!(
            pages,
            [
                "Politik for ældre\n\nVi vil styrke fællesskab – og €-midler.",
                "Side to\n\n"
            ]
        );
        // empty paragraphs make no more than one blank line
        assert_eq!(pages_of("\ra\r\r\r\rb\r"), ["a\n\nb\n\n"]);
        Ok(())
    }

    #[test]
    fn field_codes_are_left_out_and_results_kept() -> TestResult {
        let bytes = doc_file(
            &[(
                "Se \x13 HYPERLINK \"https://x.dk\" \x14kommunens side\x15 og side \x13PAGE\x145\x15.",
                false,
            )],
            false,
        )?;
        assert_eq!(doc_pages(&bytes)?, ["Se kommunens side og side 5."]);
        Ok(())
    }

    #[test]
    fn bad_files_say_why() -> TestResult {
        assert!(matches!(
            doc_pages(b"not a compound file"),
            Err(DocError::Container(_))
        ));
        assert_eq!(
            doc_pages(&doc_file(&[("hemmeligt", false)], true)?),
            Err(DocError::Encrypted)
        );
        // a compound file without a WordDocument stream
        let mut cf = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new()))?;
        cf.create_stream("/Workbook")?;
        cf.flush()?;
        assert_eq!(
            doc_pages(&cf.into_inner().into_inner()),
            Err(DocError::NoDocument)
        );
        Ok(())
    }

    proptest::proptest! {
        /// Damaged files give an error or some text, never a panic.
        #[test]
        fn damaged_files_never_panic(
            flips in proptest::collection::vec((0usize..1_000_000, proptest::num::u8::ANY), 1..12),
            cut in proptest::option::of(0usize..1_000_000),
        ) {
            let mut bytes = doc_file(&[("Politik for ældre\rVi vil\x0cSide to", false), ("og mere", true)], false)
                .map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
            for (at, b) in flips {
                let i = at % bytes.len();
                bytes[i] = b;
            }
            if let Some(c) = cut {
                let len = c % bytes.len();
                bytes.truncate(len);
            }
            let _ = doc_pages(&bytes);
        }

        /// Any bytes as the document and table streams: an error or text, never a panic.
        #[test]
        fn any_streams_never_panic(
            word in proptest::collection::vec(proptest::num::u8::ANY, 0..2048),
            clx in proptest::collection::vec(proptest::num::u8::ANY, 0..256),
            ccp in proptest::num::u32::ANY,
        ) {
            let _ = Fib::parse(&word);
            let _ = main_text(&word, &clx, ccp).map(|t| pages_of(&t));
        }
    }

    #[test]
    fn a_piece_table_pointing_outside_the_text_is_damage() {
        // one piece of 5 characters at byte 100 of a 20-byte document stream
        let mut clx = vec![2u8];
        let mut plc = Vec::new();
        for v in [0u32, 5] {
            plc.extend_from_slice(&v.to_le_bytes());
        }
        plc.extend_from_slice(&[0, 0]);
        plc.extend_from_slice(&100u32.to_le_bytes());
        plc.extend_from_slice(&[0, 0]);
        clx.extend_from_slice(&(plc.len() as u32).to_le_bytes());
        clx.extend_from_slice(&plc);
        assert_eq!(
            main_text(&[0u8; 20], &clx, 5),
            Err(DocError::Damaged(DocDamage::TextOutside))
        );
        // a piece table of the wrong length, or no piece table at all
        assert!(main_text(&[0u8; 20], &clx[..clx.len() - 1], 5).is_err());
        assert!(main_text(&[0u8; 20], &[7], 5).is_err());
        // the text stops at the main document's end
        let text = "Hovedtekst og fodnote";
        let mut word = Vec::new();
        for u in text.encode_utf16() {
            word.extend_from_slice(&u.to_le_bytes());
        }
        let mut clx = vec![2u8];
        let mut plc = Vec::new();
        for v in [0u32, 21] {
            plc.extend_from_slice(&v.to_le_bytes());
        }
        plc.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 0]);
        clx.extend_from_slice(&(plc.len() as u32).to_le_bytes());
        clx.extend_from_slice(&plc);
        assert_eq!(main_text(&word, &clx, 10).as_deref(), Ok("Hovedtekst"));
    }
}
