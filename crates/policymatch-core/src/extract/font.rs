//! Fonts as the text extractor needs them: how a shown string splits into character codes,
//! what Unicode text each code stands for, and how far each code advances the pen.
//!
//! Unicode comes, in this order, from the font's `/ToUnicode` CMap (parsed here, tolerant of
//! the usual producer mistakes), from a predefined Unicode CMap (`Uni…-UCS2/UTF16`), or, for
//! simple fonts, from `/Encoding` (base encoding plus `/Differences` glyph names). The base
//! encodings and the Adobe glyph list come from lopdf, asked through fake font dictionaries,
//! because lopdf does not export its tables.

use super::decode::{Budget, DecodeError, decode_stream};
use super::lexer::{Lexer, Operand};
use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;

/// Most entries a CMap may define; the rest are ignored (memory bound on hostile files).
const MAX_CMAP_ENTRIES: usize = 1 << 17;
/// Most codes one bfrange/W range may cover.
const MAX_RANGE: u32 = 1 << 16;

/// A code-space range of a CMap: codes of `len` bytes between `lo` and `hi`.
#[derive(Debug, Clone, Copy)]
struct CodeSpace {
    len: usize,
    lo: u32,
    hi: u32,
}

/// A parsed `/ToUnicode` (or encoding) CMap.
#[derive(Debug, Default)]
pub(crate) struct CMap {
    spaces: Vec<CodeSpace>,
    map: HashMap<u32, String>,
}

fn be_number(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |acc, &b| acc << 8 | u32::from(b))
}

fn utf16_text(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|c| match c {
            [h, l] => u16::from(*h) << 8 | u16::from(*l),
            [l] => u16::from(*l),
            _ => 0,
        })
        .collect();
    char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{fffd}'))
        .filter(|&c| c != '\0')
        .collect()
}

/// `text` with its last UTF-16 unit increased by `offset` (bfrange destinations).
fn utf16_plus(bytes: &[u8], offset: u32) -> String {
    let mut units: Vec<u16> = bytes
        .chunks(2)
        .map(|c| match c {
            [h, l] => u16::from(*h) << 8 | u16::from(*l),
            [l] => u16::from(*l),
            _ => 0,
        })
        .collect();
    if let Some(last) = units.last_mut() {
        *last = last.wrapping_add((offset & 0xffff) as u16);
    }
    char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{fffd}'))
        .filter(|&c| c != '\0')
        .collect()
}

impl CMap {
    /// Parses a CMap program. Never fails: whatever parses is kept.
    pub(crate) fn parse(data: &[u8]) -> CMap {
        let mut cmap = CMap::default();
        let mut lexer = Lexer::new(data);
        let mut operands = Vec::new();
        while let Some(op) = lexer.next_op(&mut operands) {
            match op {
                b"endcodespacerange" => {
                    for pair in operands.chunks_exact(2) {
                        if let [Operand::Str(lo), Operand::Str(hi)] = pair
                            && (1..=4).contains(&lo.len())
                        {
                            cmap.spaces.push(CodeSpace {
                                len: lo.len(),
                                lo: be_number(lo),
                                hi: be_number(hi),
                            });
                        }
                    }
                }
                b"endbfchar" => {
                    for pair in operands.chunks_exact(2) {
                        if cmap.map.len() >= MAX_CMAP_ENTRIES {
                            break;
                        }
                        match pair {
                            [Operand::Str(src), Operand::Str(dst)] => {
                                cmap.map.insert(be_number(src), utf16_text(dst));
                            }
                            [Operand::Str(src), Operand::Name(name)] => {
                                if let Some(s) = glyph_name_fallback(name) {
                                    cmap.map.insert(be_number(src), s);
                                }
                            }
                            _ => {}
                        }
                    }
                }
                b"endbfrange" => {
                    for triple in operands.chunks_exact(3) {
                        let [Operand::Str(lo), Operand::Str(hi), dst] = triple else {
                            continue;
                        };
                        let (lo, hi) = (be_number(lo), be_number(hi));
                        if hi < lo || hi - lo >= MAX_RANGE {
                            continue;
                        }
                        for (i, code) in (lo..=hi).enumerate() {
                            if cmap.map.len() >= MAX_CMAP_ENTRIES {
                                break;
                            }
                            let text = match dst {
                                Operand::Str(d) => utf16_plus(d, i as u32),
                                Operand::Array(items) => match items.get(i) {
                                    Some(Operand::Str(d)) => utf16_text(d),
                                    _ => continue,
                                },
                                _ => continue,
                            };
                            cmap.map.insert(code, text);
                        }
                    }
                }
                _ => {}
            }
        }
        cmap
    }
}

/// Unicode for glyph names lopdf's list lacks: `uniXXXX`, `uXXXX[XX]`.
fn glyph_name_fallback(name: &[u8]) -> Option<String> {
    let name = std::str::from_utf8(name).ok()?;
    let base = name.split('.').next().unwrap_or(name);
    let hex = if let Some(h) = base.strip_prefix("uni") {
        h.get(..4)?
    } else {
        base.strip_prefix('u')?
    };
    if !(4..=6).contains(&hex.len()) {
        return None;
    }
    let v = u32::from_str_radix(hex, 16).ok()?;
    char::from_u32(v).map(String::from)
}

/// Glyph-name and base-encoding look-ups, cached for one document.
#[derive(Default)]
pub(crate) struct EncodingCache {
    names: HashMap<Vec<u8>, Option<String>>,
    bases: HashMap<Vec<u8>, std::rc::Rc<[Option<String>]>>,
}

impl EncodingCache {
    /// The Unicode text of a glyph name (Adobe glyph list via lopdf, then `uniXXXX`).
    fn glyph(&mut self, doc: &Document, name: &[u8]) -> Option<String> {
        if let Some(hit) = self.names.get(name) {
            return hit.clone();
        }
        let mut enc = Dictionary::new();
        enc.set("Type", Object::Name(b"Encoding".to_vec()));
        enc.set(
            "Differences",
            Object::Array(vec![Object::Integer(65), Object::Name(name.to_vec())]),
        );
        let mut font = Dictionary::new();
        font.set("Type", Object::Name(b"Font".to_vec()));
        font.set("Encoding", Object::Dictionary(enc));
        let via_lopdf = match font.get_font_encoding(doc) {
            Ok(lopdf::Encoding::Differences(d)) if !d.map.is_empty() => {
                lopdf::Encoding::Differences(d).bytes_to_string(b"A").ok()
            }
            _ => None,
        };
        let text = via_lopdf
            .filter(|s| !s.is_empty())
            .or_else(|| glyph_name_fallback(name));
        self.names.insert(name.to_vec(), text.clone());
        text
    }

    /// The 256-entry table of a base encoding by name.
    fn base(&mut self, doc: &Document, name: &[u8]) -> std::rc::Rc<[Option<String>]> {
        if let Some(hit) = self.bases.get(name) {
            return hit.clone();
        }
        let mut font = Dictionary::new();
        font.set("Type", Object::Name(b"Font".to_vec()));
        font.set("Encoding", Object::Name(name.to_vec()));
        let table: Vec<Option<String>> = match font.get_font_encoding(doc) {
            Ok(enc @ lopdf::Encoding::OneByteEncoding(_)) => (0u8..=255)
                .map(|b| enc.bytes_to_string(&[b]).ok().filter(|s| !s.is_empty()))
                .collect(),
            _ => vec![None; 256],
        };
        let table: std::rc::Rc<[Option<String>]> = table.into();
        self.bases.insert(name.to_vec(), table.clone());
        table
    }
}

/// A font ready for text extraction.
#[derive(Debug)]
pub(crate) struct Font {
    /// Code-space ranges for multi-byte fonts; empty means fixed `code_len` bytes.
    spaces: Vec<CodeSpace>,
    code_len: usize,
    to_unicode: HashMap<u32, String>,
    /// Simple fonts: text per byte from `/Encoding`.
    simple: Option<Vec<Option<String>>>,
    /// Codes of a predefined Unicode CMap are UTF-16 code units themselves.
    unicode_codes: bool,
    widths: HashMap<u32, f64>,
    default_width: f64,
    /// Glyph space to text space (1/1000, or the Type 3 font matrix).
    scale: f64,
}

fn number(doc: &Document, obj: &Object) -> Option<f64> {
    let obj = deref(doc, obj);
    match obj {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) if r.is_finite() => Some(f64::from(*r)),
        _ => None,
    }
}

/// Follows references, at most a few hops (cycles end as `Null`).
pub(crate) fn deref<'a>(doc: &'a Document, mut obj: &'a Object) -> &'a Object {
    for _ in 0..8 {
        match obj {
            Object::Reference(id) => match doc.get_object(*id) {
                Ok(o) => obj = o,
                Err(_) => return &Object::Null,
            },
            _ => return obj,
        }
    }
    &Object::Null
}

fn dict_get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    dict.get(key).ok().map(|o| deref(doc, o))
}

/// A font or CMap stream decoded within the document's budget (truncated at the limit; the
/// raw bytes when no filter decodes it).
fn stream_bytes(doc: &Document, obj: &Object, budget: &Budget) -> Option<Vec<u8>> {
    match deref(doc, obj) {
        Object::Stream(s) => Some(match decode_stream(Some(doc), s, budget) {
            Ok(data) => data,
            Err(e @ DecodeError::TooLarge { .. }) => e.into_partial().unwrap_or_default(),
            Err(_) => s.content.clone(),
        }),
        _ => None,
    }
}

impl Font {
    /// A font with nothing known: one-byte codes through WinAnsi, half-em widths.
    pub(crate) fn fallback(doc: &Document, cache: &mut EncodingCache) -> Font {
        Font {
            spaces: Vec::new(),
            code_len: 1,
            to_unicode: HashMap::new(),
            simple: Some(cache.base(doc, b"WinAnsiEncoding").to_vec()),
            unicode_codes: false,
            widths: HashMap::new(),
            default_width: 500.0,
            scale: 0.001,
        }
    }

    /// Builds a font from its dictionary.
    pub(crate) fn load(
        doc: &Document,
        dict: &Dictionary,
        cache: &mut EncodingCache,
        budget: &Budget,
    ) -> Font {
        let subtype = dict_get(doc, dict, b"Subtype")
            .and_then(|o| o.as_name().ok())
            .unwrap_or(b"Type1");
        let mut font = Font::fallback(doc, cache);
        if let Some(tu) = dict
            .get(b"ToUnicode")
            .ok()
            .and_then(|o| stream_bytes(doc, o, budget))
        {
            let cmap = CMap::parse(&tu);
            font.to_unicode = cmap.map;
            font.spaces = cmap.spaces;
        }
        if subtype == b"Type0" {
            font.load_type0(doc, dict, budget);
        } else {
            font.load_simple(doc, dict, subtype, cache);
        }
        font
    }

    fn load_type0(&mut self, doc: &Document, dict: &Dictionary, budget: &Budget) {
        self.simple = None;
        self.code_len = 2;
        self.default_width = 1000.0;
        match dict_get(doc, dict, b"Encoding") {
            Some(Object::Name(name)) => {
                let name = name.as_slice();
                if name.starts_with(b"Identity") {
                    // Identity-H/V: always two-byte codes, whatever a ToUnicode claims.
                    self.spaces.clear();
                } else if contains(name, b"UCS2") || contains(name, b"UTF16") {
                    self.unicode_codes = true;
                    self.spaces.clear();
                }
            }
            Some(obj @ Object::Stream(_)) => {
                if let Some(bytes) = stream_bytes(doc, obj, budget) {
                    let cmap = CMap::parse(&bytes);
                    if !cmap.spaces.is_empty() {
                        self.spaces = cmap.spaces;
                    }
                }
            }
            _ => {}
        }
        let descendant = match dict_get(doc, dict, b"DescendantFonts") {
            Some(Object::Array(a)) => a.first().map(|o| deref(doc, o)),
            Some(o @ Object::Dictionary(_)) => Some(o),
            _ => None,
        };
        let Some(Object::Dictionary(cid)) = descendant else {
            return;
        };
        if let Some(dw) = dict_get(doc, cid, b"DW").and_then(|o| number(doc, o)) {
            self.default_width = dw;
        }
        if let Some(Object::Array(w)) = dict_get(doc, cid, b"W") {
            let mut i = 0;
            while i < w.len() && self.widths.len() < MAX_CMAP_ENTRIES {
                let Some(first) = number(doc, &w[i]) else {
                    i += 1;
                    continue;
                };
                let first = first.max(0.0) as u32;
                match w.get(i + 1).map(|o| deref(doc, o)) {
                    Some(Object::Array(list)) => {
                        for (k, o) in list.iter().enumerate().take(MAX_RANGE as usize) {
                            if let Some(v) = number(doc, o) {
                                self.widths.insert(first.saturating_add(k as u32), v);
                            }
                        }
                        i += 2;
                    }
                    Some(_) => {
                        let last = w.get(i + 1).and_then(|o| number(doc, o));
                        let v = w.get(i + 2).and_then(|o| number(doc, o));
                        if let (Some(last), Some(v)) = (last, v) {
                            let last = last.max(0.0) as u32;
                            if last >= first && last - first < MAX_RANGE {
                                for c in first..=last {
                                    self.widths.insert(c, v);
                                }
                            }
                        }
                        i += 3;
                    }
                    None => break,
                }
            }
        }
    }

    fn load_simple(
        &mut self,
        doc: &Document,
        dict: &Dictionary,
        subtype: &[u8],
        cache: &mut EncodingCache,
    ) {
        // Only one-byte codes for simple fonts, whatever a ToUnicode code space says.
        self.spaces.clear();
        self.code_len = 1;
        let descriptor = match dict_get(doc, dict, b"FontDescriptor") {
            Some(Object::Dictionary(d)) => Some(d),
            _ => None,
        };
        let base_name: &[u8] = match dict_get(doc, dict, b"Encoding") {
            Some(Object::Name(n)) => n,
            Some(Object::Dictionary(d)) => match dict_get(doc, d, b"BaseEncoding") {
                Some(Object::Name(n)) => n,
                _ => b"StandardEncoding",
            },
            _ if subtype == b"TrueType" => b"WinAnsiEncoding",
            _ => b"StandardEncoding",
        };
        let base_name = match base_name {
            b"StandardEncoding" | b"MacRomanEncoding" | b"WinAnsiEncoding"
            | b"MacExpertEncoding" | b"PDFDocEncoding" => base_name,
            _ => b"WinAnsiEncoding",
        };
        let mut table = cache.base(doc, base_name).to_vec();
        // Standard encoding lacks the Latin-1 letters (æ, ø, å); producers that rely on a
        // font's built-in encoding nearly always mean WinAnsi for the upper half.
        if base_name == b"StandardEncoding" {
            let win = cache.base(doc, b"WinAnsiEncoding");
            for (slot, w) in table.iter_mut().zip(win.iter()) {
                if slot.is_none() {
                    slot.clone_from(w);
                }
            }
        }
        if let Some(Object::Dictionary(enc)) = dict_get(doc, dict, b"Encoding")
            && let Some(Object::Array(diffs)) = dict_get(doc, enc, b"Differences")
        {
            let mut code: usize = 0;
            let mut named = Vec::new();
            let mut unknown = false;
            for item in diffs.iter().take(4096) {
                match deref(doc, item) {
                    Object::Integer(c) => code = (*c).clamp(0, 256) as usize,
                    Object::Name(name) => {
                        if code < 256 {
                            table[code] = cache.glyph(doc, name);
                            unknown |= table[code].is_none();
                            named.push(code);
                        }
                        code += 1;
                    }
                    _ => {}
                }
            }
            // Type 3 glyph names only name the glyph procedures. When some are not glyph-list
            // names the producer did not mean them as characters, and the codes themselves
            // (read as Latin-1) are the best guess: poppler's pass-through for unknown names.
            if subtype == b"Type3" && unknown {
                for code in named {
                    table[code] = latin1_pass_through(code);
                }
            }
        }
        self.simple = Some(table);

        if subtype == b"Type3" {
            if let Some(Object::Array(m)) = dict_get(doc, dict, b"FontMatrix")
                && let Some(a) = m.first().and_then(|o| number(doc, o))
            {
                self.scale = a;
            }
            self.default_width = 0.0;
        } else {
            self.default_width = descriptor
                .and_then(|d| dict_get(doc, d, b"MissingWidth"))
                .and_then(|o| number(doc, o))
                .filter(|w| *w > 0.0)
                .or_else(|| {
                    descriptor
                        .and_then(|d| dict_get(doc, d, b"AvgWidth"))
                        .and_then(|o| number(doc, o))
                })
                .filter(|w| *w > 0.0)
                .unwrap_or(500.0);
        }
        let first = dict_get(doc, dict, b"FirstChar")
            .and_then(|o| number(doc, o))
            .unwrap_or(0.0)
            .clamp(0.0, 255.0) as u32;
        if let Some(Object::Array(w)) = dict_get(doc, dict, b"Widths") {
            for (k, o) in w.iter().enumerate().take(256) {
                if let Some(v) = number(doc, o) {
                    self.widths.insert(first + k as u32, v);
                }
            }
        }
        if self.widths.is_empty() && subtype != b"Type3" {
            for (code, text) in self.simple.iter().flatten().enumerate() {
                if let Some(t) = text {
                    self.widths.insert(code as u32, standard_width(t));
                }
            }
        }
    }

    /// Splits a shown string into `(code, byte length)` pairs.
    pub(crate) fn codes(&self, bytes: &[u8], out: &mut Vec<(u32, usize)>) {
        out.clear();
        let mut i = 0;
        while i < bytes.len() {
            let mut len = 0;
            if !self.spaces.is_empty() {
                for n in 1..=4usize {
                    if i + n > bytes.len() {
                        break;
                    }
                    let c = be_number(&bytes[i..i + n]);
                    if self
                        .spaces
                        .iter()
                        .any(|s| s.len == n && s.lo <= c && c <= s.hi)
                    {
                        len = n;
                        break;
                    }
                }
            }
            if len == 0 {
                len = self.code_len.min(bytes.len() - i).max(1);
            }
            out.push((be_number(&bytes[i..i + len]), len));
            i += len;
        }
    }

    /// The text of `code`, if known.
    pub(crate) fn text(&self, code: u32) -> Option<String> {
        if let Some(t) = self.to_unicode.get(&code) {
            return Some(t.clone());
        }
        if self.unicode_codes {
            return char::from_u32(code).map(String::from);
        }
        self.simple
            .as_ref()
            .and_then(|t| t.get(code as usize))
            .and_then(Clone::clone)
    }

    /// The advance of `code` in text space units per unit font size.
    pub(crate) fn advance(&self, code: u32) -> f64 {
        let w = self
            .widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width);
        w * self.scale
    }

    /// True when the code is a single-byte 32 (word spacing `Tw` applies).
    pub(crate) fn is_word_space(&self, code: u32, len: usize) -> bool {
        code == 32 && len == 1
    }
}

/// The Latin-1 character of a one-byte code, for printable codes only.
fn latin1_pass_through(code: usize) -> Option<String> {
    let c = char::from(u8::try_from(code).ok()?);
    (c.is_ascii_graphic() || (c as u32 >= 0xa1)).then(|| c.to_string())
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Rough Helvetica-like advance (per mille) for standard-14 fonts that come without widths.
fn standard_width(text: &str) -> f64 {
    match text.chars().next() {
        Some(' ') => 278.0,
        Some('i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '!' | '|') => 250.0,
        Some('f' | 't' | 'r' | 'I' | '(' | ')' | '-') => 333.0,
        Some('m' | 'w' | 'M' | 'W' | 'æ' | 'Æ') => 833.0,
        Some(c) if c.is_uppercase() => 667.0,
        Some(c) if c.is_ascii_digit() => 556.0,
        _ => 530.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tounicode_bfchar_bfrange_and_arrays() {
        let cmap = CMap::parse(
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
              2 beginbfchar <0003> <0020> <0011> <00E6> endbfchar\n\
              2 beginbfrange <0020> <0022> <0041> <0030> <0031> [<FB01> <00660066>] endbfrange",
        );
        assert_eq!(cmap.map.get(&3).map(String::as_str), Some(" "));
        assert_eq!(cmap.map.get(&0x11).map(String::as_str), Some("æ"));
        assert_eq!(cmap.map.get(&0x22).map(String::as_str), Some("C"));
        assert_eq!(cmap.map.get(&0x30).map(String::as_str), Some("\u{fb01}"));
        assert_eq!(cmap.map.get(&0x31).map(String::as_str), Some("ff"));
        assert_eq!(cmap.spaces.len(), 1);
    }

    #[test]
    fn tounicode_huge_range_is_bounded() {
        let cmap = CMap::parse(b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange");
        assert!(cmap.map.is_empty());
    }

    #[test]
    fn glyph_name_fallbacks() {
        assert_eq!(glyph_name_fallback(b"uni00E6").as_deref(), Some("æ"));
        assert_eq!(glyph_name_fallback(b"u1F600").as_deref(), Some("😀"));
        assert_eq!(glyph_name_fallback(b"g123"), None);
    }

    #[test]
    fn simple_font_differences_use_glyph_names() {
        let doc = Document::new();
        let mut cache = EncodingCache::default();
        let mut enc = Dictionary::new();
        enc.set(
            "Differences",
            Object::Array(vec![
                Object::Integer(1),
                Object::Name(b"aring".to_vec()),
                Object::Name(b"oslash".to_vec()),
                Object::Name(b"uni00E6".to_vec()),
            ]),
        );
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"Font".to_vec()));
        dict.set("Subtype", Object::Name(b"Type1".to_vec()));
        dict.set("Encoding", Object::Dictionary(enc));
        let font = Font::load(&doc, &dict, &mut cache, &Budget::default());
        assert_eq!(font.text(1).as_deref(), Some("å"));
        assert_eq!(font.text(2).as_deref(), Some("ø"));
        assert_eq!(font.text(3).as_deref(), Some("æ"));
        assert_eq!(font.text(u32::from(b'a')).as_deref(), Some("a"));
        // Standard encoding has nothing at 0xE5; WinAnsi fills the gap.
        assert_eq!(font.text(0xe5).as_deref(), Some("å"));
    }

    #[test]
    fn type3_procedure_names_pass_codes_through() {
        let doc = Document::new();
        let mut cache = EncodingCache::default();
        let type3 = |names: &[&[u8]]| {
            let mut diffs = vec![Object::Integer(97)];
            diffs.extend(names.iter().map(|n| Object::Name(n.to_vec())));
            let mut enc = Dictionary::new();
            enc.set("Differences", Object::Array(diffs));
            let mut dict = Dictionary::new();
            dict.set("Subtype", Object::Name(b"Type3".to_vec()));
            dict.set("Encoding", Object::Dictionary(enc));
            dict
        };
        // Procedure names that are not glyph names: the codes are the text.
        let font = Font::load(
            &doc,
            &type3(&[b"rect", b"oslash"]),
            &mut cache,
            &Budget::default(),
        );
        assert_eq!(font.text(97).as_deref(), Some("a"));
        assert_eq!(font.text(98).as_deref(), Some("b"));
        // Glyph-list names are kept.
        let font = Font::load(
            &doc,
            &type3(&[b"aring", b"oslash"]),
            &mut cache,
            &Budget::default(),
        );
        assert_eq!(font.text(97).as_deref(), Some("å"));
        assert_eq!(font.text(98).as_deref(), Some("ø"));
    }
}
