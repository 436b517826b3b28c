//! Cross-reference repair for PDFs whose xref table or trailer is damaged.
//!
//! lopdf refuses a file whose `startxref`/xref table does not parse. Most such files still
//! hold intact `N G obj … endobj` bodies, so [`rebuild_xref`] scans for object headers, finds
//! the catalogue (`/Root` of the last trailer, else the object with `/Type /Catalog`) and
//! appends a fresh classic xref table and trailer that lopdf can read. Objects inside object
//! streams are out of its reach; files that need those keep their original error.

use super::decode::{self, Budget, DecodeError};
use std::collections::BTreeMap;

/// Highest object number accepted from a scan (bounds the xref table we write).
const MAX_OBJECT_NUMBER: u32 = 2_000_000;

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

/// Reads a run of ASCII digits ending just before `end`; returns (value, start).
fn digits_before(bytes: &[u8], end: usize) -> Option<(u32, usize)> {
    let mut start = end;
    while start > 0 && bytes[start - 1].is_ascii_digit() && end - start < 10 {
        start -= 1;
    }
    if start == end {
        return None;
    }
    let v = std::str::from_utf8(&bytes[start..end]).ok()?.parse().ok()?;
    Some((v, start))
}

/// The number that ends, after white space, just before `end` ("12 0 obj": the generation
/// before " obj", then the object number before " 0"); returns (value, start).
fn number_before(bytes: &[u8], end: usize) -> Option<(u32, usize)> {
    let mut p = end;
    if p == 0 || !is_white(bytes[p - 1]) {
        return None;
    }
    while p > 0 && is_white(bytes[p - 1]) {
        p -= 1;
    }
    digits_before(bytes, p)
}

/// The object headers `N G obj` in the file: number → (generation, offset); later wins.
fn scan_objects(bytes: &[u8]) -> BTreeMap<u32, (u32, usize)> {
    let mut objs = BTreeMap::new();
    let mut i = 0;
    while i + 3 <= bytes.len() {
        if &bytes[i..i + 3] != b"obj" || bytes.get(i + 3).is_some_and(|c| c.is_ascii_alphanumeric())
        {
            i += 1;
            continue;
        }
        let header = number_before(bytes, i).and_then(|(generation, gstart)| {
            let (num, nstart) = number_before(bytes, gstart)?;
            Some((num, generation, nstart))
        });
        if let Some((num, generation, start)) = header
            && num > 0
            && num <= MAX_OBJECT_NUMBER
        {
            objs.insert(num, (generation, start));
        }
        i += 3;
    }
    objs
}

/// The object reference after the last occurrence of `key` (e.g. `/Root 5 0 R`).
fn last_reference(bytes: &[u8], key: &[u8]) -> Option<(u32, u32)> {
    let mut found = None;
    let mut i = 0;
    while i + key.len() <= bytes.len() {
        if &bytes[i..i + key.len()] == key {
            let rest = &bytes[i + key.len()..bytes.len().min(i + key.len() + 40)];
            let text = String::from_utf8_lossy(rest);
            let mut parts = text.split_ascii_whitespace();
            if let (Some(n), Some(g), Some(r)) = (parts.next(), parts.next(), parts.next())
                && r.starts_with('R')
                && let (Ok(n), Ok(g)) = (n.parse::<u32>(), g.parse::<u32>())
            {
                found = Some((n, g));
            }
        }
        i += 1;
    }
    found
}

/// The text of the last `/ID [ … ]` array in the file (two hex or literal strings), when it
/// is short and holds no nested brackets.
fn last_id_array(bytes: &[u8]) -> Option<String> {
    /// Longest array accepted (two 32-byte identifiers in hex are about 140 bytes).
    const MAX_ID_LEN: usize = 400;
    let mut found = None;
    let mut i = 0;
    while i + 3 <= bytes.len() {
        if &bytes[i..i + 3] == b"/ID" {
            let mut p = i + 3;
            while p < bytes.len() && is_white(bytes[p]) {
                p += 1;
            }
            if bytes.get(p) == Some(&b'[') {
                let rest = &bytes[p..bytes.len().min(p + MAX_ID_LEN)];
                if let Some(end) = rest.iter().position(|&b| b == b']')
                    && !rest[1..end].contains(&b'[')
                {
                    found = Some(String::from_utf8_lossy(&rest[..=end]).into_owned());
                }
            }
        }
        i += 1;
    }
    found
}

/// The first object whose body declares `/Type /Catalog`.
fn find_catalog(bytes: &[u8], objs: &BTreeMap<u32, (u32, usize)>) -> Option<(u32, u32)> {
    objs.iter().find_map(|(&num, &(generation, off))| {
        let body = &bytes[off..bytes.len().min(off + 4096)];
        let end = body
            .windows(6)
            .position(|w| w == b"endobj")
            .unwrap_or(body.len());
        let body: Vec<u8> = body[..end]
            .iter()
            .copied()
            .filter(|b| !is_white(*b))
            .collect();
        body.windows(13)
            .any(|w| w == b"/Type/Catalog")
            .then_some((num, generation))
    })
}

/// A copy of `bytes` with a rebuilt xref table and trailer appended, or `None` when no
/// object headers or no catalogue can be found.
pub(crate) fn rebuild_xref(bytes: &[u8]) -> Option<Vec<u8>> {
    let objs = scan_objects(bytes);
    let (&max, _) = objs.last_key_value()?;
    // The catalogue may sit in an object stream (lopdf unpacks those), so a /Root that the
    // scan did not see is still taken.
    let root = last_reference(bytes, b"/Root").or_else(|| find_catalog(bytes, &objs))?;
    let info = last_reference(bytes, b"/Info").filter(|(n, _)| objs.contains_key(n));
    // An encrypted file keeps its encryption dictionary and file identifier, or every string
    // and stream would be read as ciphertext.
    let encrypt = last_reference(bytes, b"/Encrypt").filter(|(n, _)| objs.contains_key(n));
    // Without an /ID the key cannot be derived; an empty one is what poppler assumes.
    let id = encrypt.map(|_| last_id_array(bytes).unwrap_or_else(|| "[<> <>]".to_string()));
    let mut out = Vec::with_capacity(bytes.len() + 20 * (max as usize + 2) + 200);
    out.extend_from_slice(bytes);
    out.push(b'\n');
    let xref_at = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n", max + 1).as_bytes());
    out.extend_from_slice(b"0000000000 65535 f \n");
    for num in 1..=max {
        match objs.get(&num) {
            Some(&(generation, off)) => out.extend_from_slice(
                format!("{off:010} {:05} n \n", generation.min(65535)).as_bytes(),
            ),
            None => out.extend_from_slice(b"0000000000 65535 f \n"),
        }
    }
    let mut trailer = format!(
        "trailer\n<< /Size {} /Root {} {} R",
        max + 1,
        root.0,
        root.1
    );
    if let Some((n, g)) = info {
        trailer.push_str(&format!(" /Info {n} {g} R"));
    }
    if let Some((n, g)) = encrypt {
        trailer.push_str(&format!(" /Encrypt {n} {g} R"));
    }
    if let Some(id) = id {
        trailer.push_str(" /ID ");
        trailer.push_str(&id);
    }
    trailer.push_str(&format!(" >>\nstartxref\n{xref_at}\n%%EOF\n"));
    out.extend_from_slice(trailer.as_bytes());
    Some(out)
}

/// True when `data` starts with a zlib header (deflate, valid check bits): such a stream is
/// Flate-compressed whatever its `/Filter` says (misspelt or wrong filter names).
pub(crate) fn looks_like_zlib(data: &[u8]) -> bool {
    match data {
        [cmf, flg, ..] => {
            cmf & 0x0f == 8 && cmf >> 4 <= 7 && (u16::from(*cmf) * 256 + u16::from(*flg)) % 31 == 0
        }
        _ => false,
    }
}

/// True when the start of `data` is (nearly all) printable ASCII or white space.
fn looks_like_text(data: &[u8]) -> bool {
    let head = &data[..data.len().min(1024)];
    let plain = head
        .iter()
        .filter(|&&b| b.is_ascii_graphic() || is_white(b))
        .count();
    plain * 20 >= head.len() * 19
}

/// True when the start of `data` is mostly (three quarters or more) printable ASCII or white
/// space, as content streams are even with binary strings in them; random bytes such as
/// ciphertext are about 40 %.
fn looks_like_content(data: &[u8]) -> bool {
    let head = &data[..data.len().min(4096)];
    let plain = head
        .iter()
        .filter(|&&b| b.is_ascii_graphic() || is_white(b))
        .count();
    plain * 4 >= head.len() * 3
}

/// The decoded content of a stream lopdf holds, within `budget` ([`super::decode`]; a
/// stream over the limit gives its truncated output). When its filters fail (unknown,
/// misspelt or wrong filter name) and the data is zlib, it is inflated; otherwise the raw
/// bytes are given when they look like text (a stream declared compressed that is not), which
/// the forgiving lexer reads as far as they make sense; binary data that no filter decodes
/// gives nothing rather than garbage.
pub(crate) fn stream_content(
    doc: &lopdf::Document,
    stream: &lopdf::Stream,
    budget: &Budget,
) -> Vec<u8> {
    match decode::decode_stream(Some(doc), stream, budget) {
        Ok(data) => return data,
        Err(e @ DecodeError::TooLarge { .. }) => return e.into_partial().unwrap_or_default(),
        Err(DecodeError::Unsupported(_)) => {}
        Err(DecodeError::Corrupt(_)) if looks_like_text(&stream.content) => {}
        Err(DecodeError::Corrupt(_)) => return Vec::new(),
    }
    if looks_like_zlib(&stream.content) {
        match decode::decode(&stream.content, &[(b"FlateDecode", None)], budget) {
            Ok(data) => return data,
            Err(e @ DecodeError::TooLarge { .. }) => {
                return e.into_partial().unwrap_or_default();
            }
            Err(_) => {}
        }
    }
    stream.content.clone()
}

/// Object bodies found by scanning the file, for streams lopdf could not read (a missing or
/// wrong `/Length` makes lopdf drop the object).
pub(crate) struct RawObjects<'a> {
    bytes: &'a [u8],
    offsets: BTreeMap<u32, (u32, usize)>,
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

impl<'a> RawObjects<'a> {
    /// Scans `bytes` for object headers.
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        RawObjects {
            bytes,
            offsets: scan_objects(bytes),
        }
    }

    /// The object numbers found, in order.
    pub(crate) fn numbers(&self) -> impl Iterator<Item = u32> + '_ {
        self.offsets.keys().copied()
    }

    /// The decoded data of stream object `num`, delimited by `stream`/`endstream` rather than
    /// by `/Length`. Only FlateDecode is undone (through lopdf); other filters give the raw
    /// bytes.
    pub(crate) fn stream(&self, num: u32, budget: &Budget) -> Option<Vec<u8>> {
        self.stream_filtered(num, false, budget)
    }

    /// Like [`RawObjects::stream`], but `None` for image XObjects (and other streams whose
    /// dictionary says `/Image`) when `skip_images` is set, so a scan does not inflate them.
    pub(crate) fn stream_filtered(
        &self,
        num: u32,
        skip_images: bool,
        budget: &Budget,
    ) -> Option<Vec<u8>> {
        let &(_, off) = self.offsets.get(&num)?;
        self.stream_body(off, skip_images, budget)
    }

    /// The stream whose object starts at byte `off` (e.g. from an xref entry when the object
    /// header itself is damaged, so the scan missed it), decoded like [`RawObjects::stream`].
    pub(crate) fn stream_at(&self, off: usize, budget: &Budget) -> Option<Vec<u8>> {
        // Only where an object header (however damaged: `x 0 obj`, `4 0 xbj`) is: at most
        // three short tokens, then the stream dictionary.
        let head = self.bytes.get(off..self.bytes.len().min(off + 40))?;
        let dict_at = find(head, b"<<")?;
        let tokens = head[..dict_at]
            .split(|b| is_white(*b))
            .filter(|t| !t.is_empty())
            .count();
        if tokens == 0 || tokens > 3 {
            return None;
        }
        self.stream_body(off, false, budget)
    }

    fn stream_body(&self, off: usize, skip_images: bool, budget: &Budget) -> Option<Vec<u8>> {
        let body = &self.bytes[off..];
        let end_obj = find(body, b"endobj").unwrap_or(body.len());
        let body = &body[..end_obj];
        let kw = find(body, b"stream")?;
        let dict_text = &body[..kw];
        if skip_images && find(dict_text, b"/Image").is_some() {
            return None;
        }
        // "stream" directly followed by data (no end-of-line) is accepted too.
        let mut start = kw + 6;
        if body.get(start) == Some(&b'\r') {
            start += 1;
        }
        if body.get(start) == Some(&b'\n') {
            start += 1;
        }
        let data = &body[start.min(body.len())..];
        let mut data = &data[..find(data, b"endstream").unwrap_or(data.len())];
        while let [rest @ .., b'\r' | b'\n'] = data {
            data = rest;
        }
        let flate = find(dict_text, b"FlateDecode").is_some()
            || find(dict_text, b"/Fl").is_some()
            || looks_like_zlib(data);
        // Bytes that no filter decoded are only taken when they read like a content stream:
        // binary junk or the ciphertext of an encrypted file gives noise, not text.
        let as_stored = || looks_like_content(data).then(|| data.to_vec());
        if !flate {
            return as_stored();
        }
        match decode::decode(data, &[(b"FlateDecode", None)], budget) {
            Ok(out) => Some(out),
            Err(e @ DecodeError::TooLarge { .. }) => e.into_partial(),
            Err(_) => as_stored(),
        }
    }
}

/// Widest field a cross-reference stream's `/W` may give (bytes of a big-endian integer);
/// real files use 1 to 4.
pub(crate) const MAX_XREF_WIDTH: u64 = 8;

/// The file with the `/W` key of cross-reference stream dictionaries renamed to `/Q` (same
/// length, so every offset stays) where its widths are absurd: one wider than
/// [`MAX_XREF_WIDTH`] (`/W [1 1986214491 2]`: lopdf allocates a buffer of each width before
/// reading) or all zero (`/W [0 0 0]` with a huge `/Size`: every entry reads nothing, so lopdf
/// adds entries until memory runs out). Without `/W` lopdf rejects the table and the scan
/// repair takes over. `None` when there is nothing to defuse.
pub(crate) fn defuse_xref_widths(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out: Option<Vec<u8>> = None;
    let mut from = 0;
    while let Some(at) = find(&bytes[from..], b"/XRef").map(|i| i + from) {
        from = at + 5;
        // the dictionary around it: from the nearest "<<" before to the next "stream" or
        // "endobj"
        let start = bytes[..at]
            .windows(2)
            .rposition(|w| w == b"<<")
            .unwrap_or(at.saturating_sub(512));
        let end = [find(&bytes[at..], b"stream"), find(&bytes[at..], b"endobj")]
            .into_iter()
            .flatten()
            .min()
            .map_or(bytes.len(), |e| at + e);
        let Some(key) = find(&bytes[start..end], b"/W").map(|i| start + i) else {
            continue;
        };
        let mut i = key + 2;
        while i < end && is_white(bytes[i]) {
            i += 1;
        }
        if bytes.get(i) != Some(&b'[') {
            continue;
        }
        i += 1;
        let mut widths: Vec<Option<u64>> = Vec::new();
        while i < end && bytes[i] != b']' {
            if bytes[i].is_ascii_digit() {
                let d = i;
                while i < end && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                widths.push(
                    std::str::from_utf8(&bytes[d..i])
                        .ok()
                        .and_then(|n| n.parse::<u64>().ok()),
                );
            } else {
                i += 1;
            }
        }
        let too_wide = widths.iter().any(|w| w.is_none_or(|w| w > MAX_XREF_WIDTH));
        let empty = widths.iter().all(|w| *w == Some(0));
        if too_wide || empty {
            let buf = out.get_or_insert_with(|| bytes.to_vec());
            buf[key + 1] = b'Q';
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BROKEN: &[u8] = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n\
2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n\
3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R \
/Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n\
4 0 obj\n<< /Length 38 >>\nstream\nBT /F1 12 Tf 10 100 Td (Hej med dig) Tj ET\nendstream\nendobj\n\
5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n\
xref\n0 x\ngarbage\nstartxref\n99999\n%%EOF\n\0\0\0";

    #[test]
    fn scan_finds_object_headers() {
        let objs = scan_objects(BROKEN);
        assert_eq!(
            objs.keys().copied().collect::<Vec<_>>(),
            vec![1, 2, 3, 4, 5]
        );
        assert!(BROKEN[objs[&3].1..].starts_with(b"3 0 obj"));
    }

    #[test]
    fn broken_xref_is_rebuilt_and_loads() {
        assert!(lopdf::Document::load_mem(BROKEN).is_err());
        let fixed = rebuild_xref(BROKEN).expect("repairable");
        let doc = lopdf::Document::load_mem(&fixed).expect("loads after repair");
        assert_eq!(doc.get_pages().len(), 1);
    }

    #[test]
    fn raw_stream_without_length_is_found() {
        let data = b"%PDF-1.7\n6 0 obj <<\n>>\nstream\nBT (Hej) Tj ET\nendstream\nendobj\n";
        let raw = RawObjects::new(data);
        assert_eq!(
            raw.stream(6, &Budget::default()).as_deref(),
            Some(b"BT (Hej) Tj ET".as_slice())
        );
        assert_eq!(raw.stream(7, &Budget::default()), None);
    }

    #[test]
    fn rebuilt_trailer_keeps_encryption_and_id() {
        let data = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n\
9 0 obj\n<< /Filter /Standard /V 1 /R 2 >>\nendobj\n\
trailer\n<< /Root 1 0 R /Encrypt 9 0 R /ID [<0a0b> <0c0d>] >>\n";
        let fixed = rebuild_xref(data).expect("repairable");
        let tail = String::from_utf8_lossy(&fixed[data.len()..]).into_owned();
        assert!(tail.contains("/Encrypt 9 0 R"), "{tail}");
        assert!(tail.contains("/ID [<0a0b> <0c0d>]"), "{tail}");
        let no_id = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n\
9 0 obj\n<< /Filter /Standard /V 1 /R 2 >>\nendobj\n\
trailer\n<< /Root 1 0 R /Encrypt 9 0 R >>\n";
        let fixed = rebuild_xref(no_id).expect("repairable");
        let tail = String::from_utf8_lossy(&fixed[no_id.len()..]).into_owned();
        assert!(tail.contains("/ID [<> <>]"), "{tail}");
        // Without /Encrypt no /ID is copied.
        let plain = rebuild_xref(BROKEN).expect("repairable");
        assert!(!String::from_utf8_lossy(&plain[BROKEN.len()..]).contains("/ID"));
    }

    #[test]
    fn mislabelled_flate_stream_is_inflated() {
        // "BT (Hej) Tj ET" deflated, declared with a filter nobody knows.
        let packed = [
            120u8, 156, 115, 10, 81, 208, 240, 72, 205, 210, 84, 8, 201, 82, 112, 13, 1, 0, 27, 60,
            3, 182,
        ];
        assert!(looks_like_zlib(&packed));
        assert!(!looks_like_zlib(b"BT (Hej) Tj ET"));
        let mut dict = lopdf::Dictionary::new();
        dict.set("Filter", lopdf::Object::Name(b"PlateDecode".to_vec()));
        let stream = lopdf::Stream::new(dict, packed.to_vec());
        assert_eq!(
            stream_content(&lopdf::Document::new(), &stream, &Budget::default()),
            b"BT (Hej) Tj ET"
        );
        let mut file = b"%PDF-1.4\n4 0 obj\n<< /Filter /LZWDecode >>\nstream\n".to_vec();
        file.extend_from_slice(&packed);
        file.extend_from_slice(b"\nendstream\nendobj\n");
        let raw = RawObjects::new(&file);
        assert_eq!(
            raw.stream(4, &Budget::default()).as_deref(),
            Some(b"BT (Hej) Tj ET".as_slice())
        );
        // A damaged header ("x 0 obj") hides the object from the scan, not from its offset.
        let damaged = b"%PDF-1.4\nx 0 obj\n<< >>\nstream\nBT (Hej) Tj ET\nendstream\nendobj\n";
        let raw = RawObjects::new(damaged);
        assert_eq!(raw.stream(4, &Budget::default()), None);
        assert_eq!(
            raw.stream_at(9, &Budget::default()).as_deref(),
            Some(b"BT (Hej) Tj ET".as_slice())
        );
    }

    #[test]
    fn scanned_binary_junk_is_not_content() {
        // Bytes that no filter decodes and that are not text (e.g. the ciphertext of an
        // encrypted file whose streams lopdf could not read) are not taken as content.
        let mut file = b"%PDF-1.4\n4 0 obj\n<< /Length 300 >>\nstream\n".to_vec();
        let mut x: u32 = 12345;
        for _ in 0..300 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            file.push((x >> 16) as u8);
        }
        file.extend_from_slice(b"BT (Hej) Tj ET\nendstream\nendobj\n");
        let raw = RawObjects::new(&file);
        assert_eq!(raw.stream(4, &Budget::default()), None);
    }

    #[test]
    fn nothing_to_repair_in_garbage() {
        assert!(rebuild_xref(b"%PDF-1.4 hello").is_none());
    }

    #[test]
    fn absurd_xref_stream_widths_are_defused_in_place() -> Result<(), Box<dyn std::error::Error>> {
        let file =
            b"1 0 obj << /Type /XRef /Size 3 /W [1 1986214491 2] >> stream\nxx\nendstream endobj\n\
                     2 0 obj << /W [1 100 500] >> endobj";
        let fixed = defuse_xref_widths(file).ok_or("nothing defused")?;
        assert_eq!(fixed.len(), file.len());
        let text = String::from_utf8(fixed)?;
        assert!(text.contains("/Size 3 /Q [1 1986214491 2]"), "{text}");
        // a font's /W array elsewhere is left alone
        assert!(text.contains("<< /W [1 100 500] >>"), "{text}");
        let sane = b"<< /Type /XRef /W [1 4 2] >> stream";
        assert_eq!(defuse_xref_widths(sane), None);
        // all-zero widths with a huge size would add entries without reading a byte
        let empty = b"<</Type/XRef/Size 14635396770/W[0 0 0]>>stream";
        let fixed = defuse_xref_widths(empty).ok_or("nothing defused")?;
        assert!(fixed.windows(8).any(|w| w == b"/Q[0 0 0"));
        Ok(())
    }
}
