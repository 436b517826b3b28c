//! Stream filters, decoded within a size limit.
//!
//! A few kilobytes of Flate or LZW data can expand to gigabytes (a decompression bomb). lopdf
//! inflates whole streams into memory, so every stream the extractor reads — page content,
//! form XObjects, fonts and CMaps, object streams (through [`unpack_object_streams`] at load,
//! or after decryption) and streams found by scanning — is decoded here instead, incrementally, and decoding stops
//! at a limit:
//!
//! - at most [`MAX_STREAM_BYTES`] (64 MiB) of output for any one stream, and
//! - at most [`MAX_DOCUMENT_BYTES`] (128 MiB) of output over all streams of a document
//!   ([`Budget`]).
//!
//! A stream that reaches the limit gives [`DecodeError::TooLarge`] with the output decoded up
//! to the limit, which callers use as a truncated stream. The limits are meant to be far
//! above what real documents need, so only hostile files reach them: with them in place the
//! 185 corpus files extract exactly as before. Both sit well inside the worker's 384 MiB
//! address-space limit, so that a bomb ends in a truncated stream rather than in that limit
//! (with 256 MiB and 1 GiB, as before the limit was lowered, it ended there).
//!
//! Filters: `FlateDecode` (with the raw-deflate fallback for a bad zlib header, and output
//! before damage kept), `LZWDecode` (`/EarlyChange`), PNG and TIFF predictors, `ASCII85Decode`,
//! `ASCIIHexDecode`, `RunLengthDecode`, an identity `Crypt`; the abbreviated names are
//! accepted. Image codecs (`DCTDecode`, `JPXDecode`, `CCITTFaxDecode`, `JBIG2Decode`) are
//! [`DecodeError::Unsupported`]: nothing text extraction needs is encoded with them.
//!
//! Object streams of encrypted files are unpacked by [`super::crypt`] after decryption, also
//! through this module and within the document's budget.
//!
//! Not covered: cross-reference streams that lopdf decodes while it reads the file (a table
//! of offsets, read before any object), an object stream lopdf opens on its own while parsing
//! (an indirect `/Length` stored in one), encrypted files that only lopdf's loader can open
//! (the fallback when [`super::crypt`] fails), and the pdf-extract fallback, which decodes
//! through lopdf. Those stay bounded by the worker's address-space limit
//! ([`super::isolated`]).

use lopdf::{Dictionary, Document, Object};
use std::cell::Cell;
use std::io::Read;

/// Largest decoded size of one stream.
pub(crate) const MAX_STREAM_BYTES: usize = 64 << 20;
/// Largest decoded size of all streams of one document together.
pub(crate) const MAX_DOCUMENT_BYTES: usize = 128 << 20;
/// Longest predictor row accepted (`/Columns` × `/Colors` × `/BitsPerComponent`), bytes.
const MAX_ROW_BYTES: usize = 1 << 24;
/// Filters in one chain, at most.
const MAX_FILTERS: usize = 8;
/// Decoder output is produced in chunks of this size.
const CHUNK: usize = 64 << 10;

/// Why a stream could not be decoded (in full).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum DecodeError {
    /// The output reached the limit; `partial` holds the output up to it.
    #[error("decoded stream exceeds the limit of {limit} bytes")]
    TooLarge { limit: usize, partial: Vec<u8> },
    /// A filter the extractor does not decode.
    #[error("unsupported filter /{0}")]
    Unsupported(String),
    /// The data is damaged before any output.
    #[error("corrupt {0} data")]
    Corrupt(&'static str),
}

impl DecodeError {
    /// The output decoded before the limit, when there is some.
    pub(crate) fn into_partial(self) -> Option<Vec<u8>> {
        match self {
            DecodeError::TooLarge { partial, .. } => Some(partial),
            _ => None,
        }
    }
}

/// The decode limits of one document: a cap per stream and a total that decoding uses up.
#[derive(Debug)]
pub(crate) struct Budget {
    stream_cap: usize,
    left: Cell<usize>,
}

impl Default for Budget {
    fn default() -> Self {
        Budget::new(MAX_STREAM_BYTES, MAX_DOCUMENT_BYTES)
    }
}

impl Budget {
    /// A budget of `total` bytes, at most `stream_cap` of them for one stream.
    pub(crate) fn new(stream_cap: usize, total: usize) -> Self {
        Budget {
            stream_cap,
            left: Cell::new(total),
        }
    }

    /// The most the next stream may decode to.
    fn limit(&self) -> usize {
        self.stream_cap.min(self.left.get())
    }

    /// Bytes left in the document's budget.
    #[cfg(test)]
    pub(crate) fn remaining(&self) -> usize {
        self.left.get()
    }

    fn charge(&self, bytes: usize) {
        self.left.set(self.left.get().saturating_sub(bytes));
    }
}

/// Output that stops growing at a limit; capacity grows by doubling, clamped at the limit, so
/// a bomb never allocates more than the limit.
struct Sink {
    out: Vec<u8>,
    limit: usize,
    full: bool,
}

impl Sink {
    fn new(limit: usize) -> Self {
        Sink {
            out: Vec::new(),
            limit,
            full: false,
        }
    }

    /// Appends `bytes` up to the limit; false once the limit is reached.
    fn push(&mut self, bytes: &[u8]) -> bool {
        let room = self.limit - self.out.len();
        let take = bytes.len().min(room);
        let need = self.out.len() + take;
        if need > self.out.capacity() {
            let target = (self.out.capacity() * 2)
                .max(need)
                .max(CHUNK)
                .min(self.limit);
            self.out.reserve_exact(target - self.out.len());
        }
        self.out.extend_from_slice(&bytes[..take]);
        if take < bytes.len() {
            self.full = true;
        }
        !self.full
    }

    fn push_byte(&mut self, b: u8) -> bool {
        self.push(&[b])
    }

    fn finish(self) -> Result<Vec<u8>, DecodeError> {
        if self.full {
            Err(DecodeError::TooLarge {
                limit: self.limit,
                partial: self.out,
            })
        } else {
            Ok(self.out)
        }
    }
}

/// Normalised filter name: abbreviations (inline images, damaged files) to full names.
fn canonical(name: &[u8]) -> &[u8] {
    match name {
        b"Fl" => b"FlateDecode",
        b"LZW" => b"LZWDecode",
        b"A85" => b"ASCII85Decode",
        b"AHx" => b"ASCIIHexDecode",
        b"RL" => b"RunLengthDecode",
        other => other,
    }
}

fn resolve<'a>(doc: Option<&'a Document>, obj: &'a Object) -> &'a Object {
    match (doc, obj) {
        (Some(doc), Object::Reference(id)) => doc.get_object(*id).unwrap_or(&Object::Null),
        _ => obj,
    }
}

/// The filter chain of a stream dictionary and each filter's parameters (`/DecodeParms` as
/// one dictionary or an array parallel to the filters); indirect names and arrays are
/// followed when `doc` is given.
fn filter_chain<'a>(
    doc: Option<&'a Document>,
    dict: &'a Dictionary,
) -> Vec<(&'a [u8], Option<&'a Dictionary>)> {
    let names: Vec<&[u8]> = match dict.get(b"Filter").map(|o| resolve(doc, o)) {
        Ok(Object::Name(n)) => vec![n.as_slice()],
        Ok(Object::Array(a)) => a
            .iter()
            .filter_map(|o| resolve(doc, o).as_name().ok())
            .collect(),
        _ => Vec::new(),
    };
    let params: Vec<Option<&Dictionary>> = match dict.get(b"DecodeParms").map(|o| resolve(doc, o)) {
        Ok(Object::Dictionary(d)) => vec![Some(d)],
        Ok(Object::Array(a)) => a.iter().map(|o| resolve(doc, o).as_dict().ok()).collect(),
        _ => Vec::new(),
    };
    names
        .into_iter()
        .enumerate()
        .map(|(i, n)| (n, params.get(i).copied().flatten()))
        .collect()
}

/// The decoded data of `stream` within `budget`. References in `/Filter` and `/DecodeParms`
/// are followed through `doc`.
pub(crate) fn decode_stream(
    doc: Option<&Document>,
    stream: &lopdf::Stream,
    budget: &Budget,
) -> Result<Vec<u8>, DecodeError> {
    let chain = filter_chain(doc, &stream.dict);
    decode(&stream.content, &chain, budget)
}

/// `data` run through `filters` (in decoding order, each with its parameters) within
/// `budget`. A chain that ends early because a filter is unsupported is an error; output of a
/// filter that stops at damage is passed on as it is.
pub(crate) fn decode(
    data: &[u8],
    filters: &[(&[u8], Option<&Dictionary>)],
    budget: &Budget,
) -> Result<Vec<u8>, DecodeError> {
    if filters.len() > MAX_FILTERS {
        return Err(DecodeError::Unsupported("(too many filters)".into()));
    }
    let limit = budget.limit();
    let mut current: Option<Vec<u8>> = None;
    for (name, params) in filters {
        let input = current.as_deref().unwrap_or(data);
        let step = decode_one(input, name, *params, limit);
        match step {
            Ok(out) => current = Some(out),
            Err(DecodeError::TooLarge { partial, .. }) => {
                budget.charge(partial.len());
                return Err(DecodeError::TooLarge { limit, partial });
            }
            Err(e) => return Err(e),
        }
    }
    let out = match current {
        Some(out) => out,
        None if data.len() > limit => {
            budget.charge(limit);
            return Err(DecodeError::TooLarge {
                limit,
                partial: data[..limit].to_vec(),
            });
        }
        None => data.to_vec(),
    };
    budget.charge(out.len());
    Ok(out)
}

fn decode_one(
    input: &[u8],
    name: &[u8],
    params: Option<&Dictionary>,
    limit: usize,
) -> Result<Vec<u8>, DecodeError> {
    match canonical(name) {
        b"FlateDecode" => predict(inflate(input, limit)?, params, limit),
        b"LZWDecode" => predict(lzw(input, params, limit)?, params, limit),
        b"ASCII85Decode" => ascii85(input, limit),
        b"ASCIIHexDecode" => ascii_hex(input, limit),
        b"RunLengthDecode" => run_length(input, limit),
        // Decryption happens before decoding; an identity crypt filter is a no-op.
        b"Crypt" => {
            let mut sink = Sink::new(limit);
            sink.push(input);
            sink.finish()
        }
        other => Err(DecodeError::Unsupported(
            String::from_utf8_lossy(other).into_owned(),
        )),
    }
}

/// Runs a reader into a sink; false when the reader failed (damaged data).
fn drain(mut reader: impl Read, sink: &mut Sink) -> bool {
    let mut buf = vec![0u8; CHUNK];
    loop {
        match reader.read(&mut buf) {
            Ok(0) => return true,
            Ok(n) => {
                if !sink.push(&buf[..n]) {
                    return true;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return false,
        }
    }
}

/// Inflates zlib data. Output before damage is kept; data with a damaged zlib header is
/// tried again as raw deflate.
fn inflate(input: &[u8], limit: usize) -> Result<Vec<u8>, DecodeError> {
    let mut sink = Sink::new(limit);
    let ok = drain(flate2::read::ZlibDecoder::new(input), &mut sink);
    if !ok && sink.out.is_empty() && input.len() > 2 {
        let mut raw = Sink::new(limit);
        if drain(flate2::read::DeflateDecoder::new(&input[2..]), &mut raw) || !raw.out.is_empty() {
            sink = raw;
        }
    }
    if sink.out.is_empty() && !ok {
        return Err(DecodeError::Corrupt("FlateDecode"));
    }
    sink.finish()
}

fn int_param(params: Option<&Dictionary>, key: &[u8], default: i64) -> i64 {
    params
        .and_then(|p| p.get(key).ok())
        .and_then(|o| o.as_i64().ok())
        .unwrap_or(default)
}

fn lzw(input: &[u8], params: Option<&Dictionary>, limit: usize) -> Result<Vec<u8>, DecodeError> {
    use weezl::{BitOrder, LzwStatus, decode::Decoder};
    let mut decoder = if int_param(params, b"EarlyChange", 1) != 0 {
        Decoder::with_tiff_size_switch(BitOrder::Msb, 8)
    } else {
        Decoder::new(BitOrder::Msb, 8)
    };
    let mut sink = Sink::new(limit);
    let mut buf = vec![0u8; CHUNK];
    let mut rest = input;
    loop {
        let r = decoder.decode_bytes(rest, &mut buf);
        rest = &rest[r.consumed_in.min(rest.len())..];
        let more = sink.push(&buf[..r.consumed_out.min(buf.len())]);
        match r.status {
            Ok(LzwStatus::Ok) if more => {}
            // Done, no progress, an invalid code or the limit: keep what was decoded.
            Ok(_) | Err(_) => break,
        }
    }
    if sink.out.is_empty() && !input.is_empty() && !sink.full {
        return Err(DecodeError::Corrupt("LZWDecode"));
    }
    sink.finish()
}

/// Undoes a PNG (10–15) or TIFF (2, 8 bits per component) predictor; other values leave the
/// data alone. A last, incomplete row is decoded as far as it goes.
fn predict(
    data: Vec<u8>,
    params: Option<&Dictionary>,
    limit: usize,
) -> Result<Vec<u8>, DecodeError> {
    let predictor = int_param(params, b"Predictor", 1);
    if predictor != 2 && !(10..=15).contains(&predictor) {
        return Ok(data);
    }
    let colors = int_param(params, b"Colors", 1).clamp(1, 32) as usize;
    let bpc = int_param(params, b"BitsPerComponent", 8).clamp(1, 16) as usize;
    let columns = int_param(params, b"Columns", 1).max(1) as usize;
    let row = columns
        .checked_mul(colors * bpc)
        .map(|bits| bits.div_ceil(8))
        .filter(|&r| r <= MAX_ROW_BYTES)
        .ok_or(DecodeError::Corrupt("predictor"))?;
    let bpp = (colors * bpc).div_ceil(8).max(1);
    let mut sink = Sink::new(limit);
    if predictor == 2 {
        if bpc != 8 {
            return Ok(data);
        }
        for line in data.chunks(row) {
            let mut line = line.to_vec();
            for i in bpp..line.len() {
                line[i] = line[i].wrapping_add(line[i - bpp]);
            }
            if !sink.push(&line) {
                break;
            }
        }
        return sink.finish();
    }
    let mut prev = vec![0u8; row];
    let mut cur = vec![0u8; row];
    for line in data.chunks(row + 1) {
        let (kind, bytes) = match line {
            [kind, bytes @ ..] => (*kind, bytes),
            [] => break,
        };
        cur[..bytes.len()].copy_from_slice(bytes);
        cur[bytes.len()..].fill(0);
        for i in 0..row {
            let left = if i >= bpp { cur[i - bpp] } else { 0 };
            let up = prev[i];
            let up_left = if i >= bpp { prev[i - bpp] } else { 0 };
            cur[i] = match kind {
                1 => cur[i].wrapping_add(left),
                2 => cur[i].wrapping_add(up),
                3 => cur[i].wrapping_add(((u16::from(left) + u16::from(up)) / 2) as u8),
                4 => cur[i].wrapping_add(paeth(left, up, up_left)),
                _ => cur[i],
            };
        }
        if !sink.push(&cur[..bytes.len()]) {
            break;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    sink.finish()
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

fn is_pdf_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

/// ASCII base-85; stops at `~>` or at a character outside the alphabet.
fn ascii85(input: &[u8], limit: usize) -> Result<Vec<u8>, DecodeError> {
    let mut sink = Sink::new(limit);
    let mut group = [0u8; 5];
    let mut n = 0;
    let value = |g: &[u8; 5]| g.iter().fold(0u64, |v, &d| v * 85 + u64::from(d));
    for &c in input {
        if is_pdf_white(c) {
            continue;
        }
        match c {
            b'z' if n == 0 => {
                if !sink.push(&[0; 4]) {
                    break;
                }
            }
            b'!'..=b'u' => {
                group[n] = c - b'!';
                n += 1;
                if n == 5 {
                    let v = value(&group);
                    if v > u64::from(u32::MAX) {
                        break;
                    }
                    n = 0;
                    if !sink.push(&(v as u32).to_be_bytes()) {
                        break;
                    }
                }
            }
            _ => break,
        }
    }
    if n >= 2 && !sink.full {
        group[n..].fill(84);
        let v = value(&group);
        if v <= u64::from(u32::MAX) {
            sink.push(&(v as u32).to_be_bytes()[..n - 1]);
        }
    }
    sink.finish()
}

/// ASCII hexadecimal; stops at `>` or a character that is not a hex digit.
fn ascii_hex(input: &[u8], limit: usize) -> Result<Vec<u8>, DecodeError> {
    let mut sink = Sink::new(limit);
    let mut high: Option<u8> = None;
    for &c in input {
        if is_pdf_white(c) {
            continue;
        }
        let Some(d) = (c as char).to_digit(16) else {
            break;
        };
        let d = d as u8;
        match high.take() {
            None => high = Some(d),
            Some(h) => {
                if !sink.push_byte(h << 4 | d) {
                    break;
                }
            }
        }
    }
    if let Some(h) = high {
        sink.push_byte(h << 4);
    }
    sink.finish()
}

/// Run-length (PackBits); stops at the end-of-data byte 128 or where the data ends.
fn run_length(input: &[u8], limit: usize) -> Result<Vec<u8>, DecodeError> {
    let mut sink = Sink::new(limit);
    let mut i = 0;
    while let Some(&len) = input.get(i) {
        i += 1;
        let more = match len {
            0..=127 => {
                let end = (i + usize::from(len) + 1).min(input.len());
                let ok = sink.push(&input[i..end]);
                i = end;
                ok
            }
            128 => break,
            _ => match input.get(i) {
                Some(&b) => {
                    i += 1;
                    sink.push(&[b; 128][..257 - usize::from(len)])
                }
                None => break,
            },
        };
        if !more {
            break;
        }
    }
    sink.finish()
}

/// A load filter for lopdf ([`lopdf::LoadOptions::filter`]) that decodes object streams
/// within [`MAX_STREAM_BYTES`] before lopdf unpacks them (lopdf would inflate them whole):
/// the stream is replaced by its decoded (possibly truncated) data. Object streams whose
/// filters fail are left to lopdf, which fails on them too.
pub(crate) fn unpack_object_streams(
    id: (u32, u16),
    obj: &mut Object,
) -> Option<((u32, u16), Object)> {
    if let Object::Stream(stream) = obj {
        if stream.dict.has_type(b"ObjStm") && stream.dict.has(b"Filter") {
            let decoded = decode_stream(None, stream, &Budget::default());
            if let Some(data) = decoded.map(Some).unwrap_or_else(DecodeError::into_partial) {
                stream.dict.remove(b"Filter");
                stream.dict.remove(b"DecodeParms");
                stream.set_content(data);
            }
        }
        // lopdf keeps the object changed in place for objects read from the file and only
        // uses the returned value for objects unpacked from object streams, which are never
        // streams: no copy of the stream data is needed here.
        return Some((id, Object::Null));
    }
    Some((id, obj.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(data).expect("in-memory write");
        enc.finish().expect("in-memory write")
    }

    fn flate_stream(data: Vec<u8>) -> lopdf::Stream {
        let mut dict = Dictionary::new();
        dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        lopdf::Stream::new(dict, data)
    }

    #[test]
    fn zlib_bomb_stops_at_the_stream_cap() {
        // 300 MiB of zeros, compressed on the fly (about 300 KiB of zlib data).
        let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..300 {
            enc.write_all(&zeros).expect("in-memory write");
        }
        let bomb = enc.finish().expect("in-memory write");
        assert!(bomb.len() < 1 << 20, "{}", bomb.len());
        let cap = 4 << 20;
        let budget = Budget::new(cap, 64 << 20);
        match decode_stream(None, &flate_stream(bomb), &budget) {
            Err(DecodeError::TooLarge { limit, partial }) => {
                assert_eq!(limit, cap);
                assert_eq!(partial.len(), cap);
                // Capacity is clamped at the limit: nothing near 300 MiB was allocated.
                assert!(partial.capacity() <= cap, "{}", partial.capacity());
                assert!(partial.iter().all(|&b| b == 0));
            }
            other => panic!("expected TooLarge, got {:?}", other.map(|v| v.len())),
        }
        assert_eq!(budget.left.get(), (64 << 20) - cap);
        assert_eq!(MAX_STREAM_BYTES, 64 << 20);
    }

    #[test]
    fn document_budget_is_shared_by_streams() {
        let data = vec![b'x'; 3 << 20];
        let packed = zlib(&data);
        let budget = Budget::new(4 << 20, 5 << 20);
        let first = decode_stream(None, &flate_stream(packed.clone()), &budget);
        assert_eq!(first.as_ref().map(Vec::len), Ok(3 << 20));
        let second = decode_stream(None, &flate_stream(packed.clone()), &budget);
        assert_eq!(
            second.map_err(|e| e.into_partial().map(|p| p.len())),
            Err(Some(2 << 20))
        );
        // Spent: every further stream is empty and says so.
        let third = decode_stream(None, &flate_stream(packed), &budget);
        assert!(matches!(third, Err(DecodeError::TooLarge { limit: 0, .. })));
    }

    #[test]
    fn filters_decode() {
        let budget = Budget::default();
        let text = b"BT (Hej med dig) Tj ET".to_vec();
        let ok = |filters: &[(&[u8], Option<&Dictionary>)], data: &[u8]| {
            decode(data, filters, &budget).expect("decodes")
        };
        assert_eq!(ok(&[(b"FlateDecode", None)], &zlib(&text)), text);
        // Damaged zlib header: raw deflate.
        let mut bad_header = zlib(&text);
        bad_header[0] = 0;
        assert_eq!(ok(&[(b"FlateDecode", None)], &bad_header), text);
        // Truncated: the output before the damage.
        let long: Vec<u8> = (0..100_000u32).flat_map(|i| i.to_le_bytes()).collect();
        let packed = zlib(&long);
        let cut = ok(&[(b"FlateDecode", None)], &packed[..packed.len() / 2]);
        assert!(!cut.is_empty() && long.starts_with(&cut));
        assert_eq!(ok(&[(b"ASCIIHexDecode", None)], b"48 65 6A>"), b"Hej");
        assert_eq!(ok(&[(b"ASCIIHexDecode", None)], b"48656"), b"He`");
        assert_eq!(
            ok(&[(b"ASCII85Decode", None)], b"87cURD]i,\"Ebo7~>"),
            b"Hello World"
        );
        assert_eq!(ok(&[(b"ASCII85Decode", None)], b"z!!~>"), [0, 0, 0, 0, 0]);
        assert_eq!(
            ok(
                &[(b"RunLengthDecode", None)],
                &[2, b'H', b'e', b'j', 254, b'!', 128, 9]
            ),
            b"Hej!!!"
        );
        // Chains and abbreviations: ASCIIHex of Flate.
        let hex: String = zlib(&text).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(ok(&[(b"AHx", None), (b"Fl", None)], hex.as_bytes()), text);
        assert_eq!(
            decode(b"xx", &[(b"DCTDecode", None)], &budget),
            Err(DecodeError::Unsupported("DCTDecode".into()))
        );
        assert_eq!(
            decode(b"not zlib at all", &[(b"FlateDecode", None)], &budget),
            Err(DecodeError::Corrupt("FlateDecode"))
        );
    }

    #[test]
    fn lzw_and_predictors() {
        let budget = Budget::default();
        // "-----A---B" in LZW with early change, from the PDF reference's example.
        let lzw_data = [0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01];
        assert_eq!(
            decode(&lzw_data, &[(b"LZWDecode", None)], &budget).expect("decodes"),
            b"-----A---B"
        );
        // PNG "Up" predictor, two rows of three bytes.
        let rows = [2u8, 1, 2, 3, 2, 1, 1, 1];
        let mut params = Dictionary::new();
        params.set("Predictor", Object::Integer(12));
        params.set("Columns", Object::Integer(3));
        let packed = zlib(&rows);
        assert_eq!(
            decode(&packed, &[(b"FlateDecode", Some(&params))], &budget).expect("decodes"),
            [1, 2, 3, 2, 3, 4]
        );
        // Absurd row sizes are refused, not allocated.
        params.set("Columns", Object::Integer(i64::MAX / 2));
        assert_eq!(
            decode(&packed, &[(b"FlateDecode", Some(&params))], &budget),
            Err(DecodeError::Corrupt("predictor"))
        );
    }

    #[test]
    fn indirect_filter_names_are_followed() {
        let mut doc = Document::with_version("1.5");
        let name = doc.add_object(Object::Name(b"FlateDecode".to_vec()));
        let mut dict = Dictionary::new();
        dict.set("Filter", Object::Reference(name));
        let stream = lopdf::Stream::new(dict, zlib(b"BT ET"));
        assert_eq!(
            decode_stream(Some(&doc), &stream, &Budget::default()).as_deref(),
            Ok(b"BT ET".as_slice())
        );
    }

    #[test]
    fn object_stream_bomb_is_truncated_at_load_filter() {
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"ObjStm".to_vec()));
        dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        let mut obj = Object::Stream(lopdf::Stream::new(dict, zlib(b"1 0 2 3 << >> [ ]")));
        let kept = unpack_object_streams((7, 0), &mut obj);
        assert_eq!(kept.map(|(id, _)| id), Some((7, 0)));
        let Object::Stream(s) = &obj else {
            panic!("still a stream")
        };
        assert!(!s.dict.has(b"Filter"));
        assert_eq!(s.content, b"1 0 2 3 << >> [ ]");
    }
}
