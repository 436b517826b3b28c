//! Cross-reference repair for PDFs whose xref table or trailer is damaged.
//!
//! lopdf refuses a file whose `startxref`/xref table does not parse. Most such files still
//! hold intact `N G obj … endobj` bodies, so [`rebuild_xref`] scans for object headers, finds
//! the catalogue (`/Root` of the last trailer, else the object with `/Type /Catalog`) and
//! appends a fresh classic xref table and trailer that lopdf can read. Objects inside object
//! streams are out of its reach; files that need those keep their original error.

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
        let header = (|| {
            let mut p = i;
            if p == 0 || !is_white(bytes[p - 1]) {
                return None;
            }
            while p > 0 && is_white(bytes[p - 1]) {
                p -= 1;
            }
            let (generation, gstart) = digits_before(bytes, p)?;
            let mut q = gstart;
            if q == 0 || !is_white(bytes[q - 1]) {
                return None;
            }
            while q > 0 && is_white(bytes[q - 1]) {
                q -= 1;
            }
            let (num, nstart) = digits_before(bytes, q)?;
            Some((num, generation, nstart))
        })();
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
    let root = last_reference(bytes, b"/Root")
        .filter(|(n, _)| objs.contains_key(n))
        .or_else(|| find_catalog(bytes, &objs))?;
    let info = last_reference(bytes, b"/Info").filter(|(n, _)| objs.contains_key(n));
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
    trailer.push_str(&format!(" >>\nstartxref\n{xref_at}\n%%EOF\n"));
    out.extend_from_slice(trailer.as_bytes());
    Some(out)
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
    fn nothing_to_repair_in_garbage() {
        assert!(rebuild_xref(b"%PDF-1.4 hello").is_none());
    }
}
