//! The content-stream interpreter: runs a page's text operators on top of lopdf's object model,
//! places every glyph in device space and turns the glyphs into lines and words by position.
//!
//! Word breaks come from geometry, not from the strings: a gap wider than [`SPACE_GAP`] of the
//! font size between one glyph's end and the next glyph's start is a space, a jump across the
//! baseline is a new line. A glyph drawn again on (nearly) the same spot with the same text, the
//! "fake bold" trick and some producers' shadow layers, is dropped, as poppler does.
//!
//! Everything is bounded: operators per page ([`MAX_OPS`]), glyphs per page ([`MAX_GLYPHS`]),
//! form XObject nesting ([`MAX_FORM_DEPTH`], with a cycle check), and the graphics-state stack.

use super::decode::Budget;
use super::font::{EncodingCache, Font, deref};
use super::lexer::{Lexer, Operand};
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;
use std::rc::Rc;

/// A gap of more than this fraction of the font size between two glyphs is a word break.
pub(crate) const SPACE_GAP: f64 = 0.15;
/// Operators interpreted per page, forms included.
pub(crate) const MAX_OPS: usize = 4_000_000;
/// Glyphs kept per page.
pub(crate) const MAX_GLYPHS: usize = 1_000_000;
/// Form XObjects nested inside each other.
pub(crate) const MAX_FORM_DEPTH: usize = 12;
/// Saved graphics states (`q` without `Q`).
const MAX_STACK: usize = 256;

type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn translate(tx: f64, ty: f64, m: &Matrix) -> Matrix {
    mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], m)
}

/// One glyph placed on the page.
#[derive(Debug, Clone)]
struct Glyph {
    text: String,
    x: f64,
    y: f64,
    /// Unit vector along the baseline.
    dir: (f64, f64),
    /// Advance along the baseline, device units.
    adv: f64,
    /// Font size in device units.
    size: f64,
}

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f64,
    char_space: f64,
    word_space: f64,
    hscale: f64,
    leading: f64,
    rise: f64,
}

/// Fonts loaded for a document, by object id.
#[derive(Default)]
pub(crate) struct FontCache {
    by_id: HashMap<ObjectId, Rc<Font>>,
    encodings: EncodingCache,
}

struct Interp<'d> {
    doc: &'d Document,
    fonts: &'d mut FontCache,
    /// Decode limits of the document (content streams, forms, fonts).
    budget: &'d Budget,
    glyphs: Vec<Glyph>,
    ops: usize,
    forms: Vec<ObjectId>,
    /// Font for text shown without a usable `Tf` (only in the last-resort scan).
    default_font: Option<Rc<Font>>,
}

/// Resource dictionaries in look-up order (innermost first).
type Resources<'d> = Vec<&'d Dictionary>;

fn num(ops: &[Operand], i: usize) -> f64 {
    ops.get(i).and_then(Operand::number).unwrap_or(0.0)
}

fn matrix_from(ops: &[Operand]) -> Option<Matrix> {
    if ops.len() < 6 {
        return None;
    }
    let base = ops.len() - 6;
    let mut m = [0.0; 6];
    for (k, slot) in m.iter_mut().enumerate() {
        *slot = ops[base + k].number()?;
    }
    Some(m)
}

impl<'d> Interp<'d> {
    fn lookup(&self, res: &Resources<'d>, category: &[u8], name: &[u8]) -> Option<&'d Object> {
        for dict in res {
            if let Ok(cat) = dict.get(category)
                && let Object::Dictionary(cat) = deref(self.doc, cat)
                && let Ok(obj) = cat.get(name)
            {
                return Some(obj);
            }
        }
        None
    }

    fn font(&mut self, res: &Resources<'d>, name: &[u8]) -> Option<Rc<Font>> {
        let obj = self.lookup(res, b"Font", name)?;
        if let Object::Reference(id) = obj
            && let Some(f) = self.fonts.by_id.get(id)
        {
            return Some(f.clone());
        }
        let Object::Dictionary(dict) = deref(self.doc, obj) else {
            return None;
        };
        let font = Rc::new(Font::load(
            self.doc,
            dict,
            &mut self.fonts.encodings,
            self.budget,
        ));
        if let Object::Reference(id) = obj {
            self.fonts.by_id.insert(*id, font.clone());
        }
        Some(font)
    }

    fn run(&mut self, content: &[u8], res: &Resources<'d>, start: GState) {
        let mut lexer = Lexer::new(content);
        let mut operands = Vec::new();
        let mut gs = start;
        let mut stack: Vec<GState> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        let mut codes = Vec::new();
        while let Some(op) = lexer.next_op(&mut operands) {
            self.ops += 1;
            if self.ops > MAX_OPS || self.glyphs.len() > MAX_GLYPHS {
                return;
            }
            match op {
                b"q" if stack.len() < MAX_STACK => stack.push(gs.clone()),
                b"Q" => {
                    if let Some(saved) = stack.pop() {
                        gs = saved;
                    }
                }
                b"cm" => {
                    if let Some(m) = matrix_from(&operands) {
                        gs.ctm = mul(&m, &gs.ctm);
                    }
                }
                b"BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                b"Tf" => {
                    gs.size = num(&operands, operands.len().saturating_sub(1));
                    if let Some(Operand::Name(name)) = operands.first() {
                        gs.font = self.font(res, name);
                    }
                }
                b"Tc" => gs.char_space = num(&operands, 0),
                b"Tw" => gs.word_space = num(&operands, 0),
                b"Tz" => gs.hscale = num(&operands, 0) / 100.0,
                b"TL" => gs.leading = num(&operands, 0),
                b"Ts" => gs.rise = num(&operands, 0),
                b"Td" => {
                    tlm = translate(num(&operands, 0), num(&operands, 1), &tlm);
                    tm = tlm;
                }
                b"TD" => {
                    gs.leading = -num(&operands, 1);
                    tlm = translate(num(&operands, 0), num(&operands, 1), &tlm);
                    tm = tlm;
                }
                b"Tm" => {
                    if let Some(m) = matrix_from(&operands) {
                        tlm = m;
                        tm = m;
                    }
                }
                b"T*" => {
                    tlm = translate(0.0, -gs.leading, &tlm);
                    tm = tlm;
                }
                b"Tj" | b"'" | b"\"" => {
                    if op == b"\"" {
                        gs.word_space = num(&operands, 0);
                        gs.char_space = num(&operands, 1);
                    }
                    if op != b"Tj" {
                        tlm = translate(0.0, -gs.leading, &tlm);
                        tm = tlm;
                    }
                    if let Some(Operand::Str(s)) = operands.last() {
                        self.show(s, &gs, &mut tm, &mut codes);
                    }
                }
                b"TJ" => {
                    let Some(Operand::Array(items)) = operands.last() else {
                        continue;
                    };
                    for item in items {
                        match item {
                            Operand::Str(s) => self.show(s, &gs, &mut tm, &mut codes),
                            Operand::Number(n) if n.is_finite() => {
                                let tx = -n / 1000.0 * gs.size * gs.hscale;
                                tm = translate(tx, 0.0, &tm);
                            }
                            _ => {}
                        }
                    }
                }
                b"Do" => {
                    if let Some(Operand::Name(name)) = operands.first() {
                        self.form(res, name, &gs);
                    }
                }
                _ => {}
            }
        }
    }

    fn form(&mut self, res: &Resources<'d>, name: &[u8], gs: &GState) {
        let Some(Object::Reference(id)) = self.lookup(res, b"XObject", name) else {
            return;
        };
        if self.forms.len() >= MAX_FORM_DEPTH || self.forms.contains(id) {
            return;
        }
        let Ok(Object::Stream(stream)) = self.doc.get_object(*id) else {
            return;
        };
        let is_form = stream
            .dict
            .get(b"Subtype")
            .ok()
            .and_then(|o| o.as_name().ok())
            == Some(b"Form".as_slice());
        if !is_form {
            return;
        }
        let content = super::repair::stream_content(self.doc, stream, self.budget);
        let mut inner = GState { ..gs.clone() };
        if let Ok(Object::Array(m)) = stream.dict.get(b"Matrix").map(|o| deref(self.doc, o)) {
            let vals: Vec<Operand> = m
                .iter()
                .map(|o| match deref(self.doc, o) {
                    Object::Integer(i) => Operand::Number(*i as f64),
                    Object::Real(r) => Operand::Number(f64::from(*r)),
                    _ => Operand::Other,
                })
                .collect();
            if let Some(mx) = matrix_from(&vals) {
                inner.ctm = mul(&mx, &gs.ctm);
            }
        }
        let mut inner_res: Resources<'d> = Vec::with_capacity(res.len() + 1);
        if let Ok(r) = stream.dict.get(b"Resources")
            && let Object::Dictionary(d) = deref(self.doc, r)
        {
            inner_res.push(d);
        }
        inner_res.extend(res.iter().copied());
        self.forms.push(*id);
        self.run(&content, &inner_res, inner);
        self.forms.pop();
    }

    fn show(&mut self, bytes: &[u8], gs: &GState, tm: &mut Matrix, codes: &mut Vec<(u32, usize)>) {
        let Some(font) = gs.font.clone().or_else(|| self.default_font.clone()) else {
            return;
        };
        font.codes(bytes, codes);
        for &(code, len) in codes.iter() {
            let w0 = font.advance(code);
            let trm = mul(
                &[gs.size * gs.hscale, 0.0, 0.0, gs.size, 0.0, gs.rise],
                &mul(tm, &gs.ctm),
            );
            let along = trm[0].hypot(trm[1]);
            let size = trm[2].hypot(trm[3]);
            if let Some(text) = font.text(code)
                && along.is_finite()
                && size.is_finite()
                && self.glyphs.len() < MAX_GLYPHS
            {
                let dir = if along > 0.0 {
                    (trm[0] / along, trm[1] / along)
                } else {
                    (1.0, 0.0)
                };
                self.glyphs.push(Glyph {
                    text,
                    x: trm[4],
                    y: trm[5],
                    dir,
                    adv: w0 * along,
                    size: if size > 0.0 { size } else { along },
                });
            }
            let mut tx = w0 * gs.size + gs.char_space;
            if font.is_word_space(code, len) {
                tx += gs.word_space;
            }
            *tm = translate(tx * gs.hscale, 0.0, tm);
        }
    }
}

/// The content stream references of a page, whether or not lopdf could load the streams
/// (`Document::get_page_contents` skips those it could not).
fn content_ids(doc: &Document, page_id: ObjectId) -> Vec<ObjectId> {
    let Ok(page) = doc.get_dictionary(page_id) else {
        return Vec::new();
    };
    match page.get(b"Contents") {
        Ok(Object::Reference(id)) => match doc.get_object(*id) {
            // An indirect array of streams.
            Ok(Object::Array(items)) => {
                items.iter().filter_map(|o| o.as_reference().ok()).collect()
            }
            _ => vec![*id],
        },
        Ok(Object::Array(items)) => items.iter().filter_map(|o| o.as_reference().ok()).collect(),
        _ => Vec::new(),
    }
}

/// The page's media box (inherited through the page tree), if any.
fn media_box(doc: &Document, page_id: ObjectId) -> Option<[f64; 4]> {
    let mut dict = doc.get_dictionary(page_id).ok()?;
    for _ in 0..32 {
        for key in [b"CropBox".as_slice(), b"MediaBox"] {
            if let Ok(o) = dict.get(key)
                && let Object::Array(a) = deref(doc, o)
                && a.len() == 4
            {
                let mut v = [0.0; 4];
                for (slot, o) in v.iter_mut().zip(a) {
                    *slot = match deref(doc, o) {
                        Object::Integer(i) => *i as f64,
                        Object::Real(r) => f64::from(*r),
                        _ => return None,
                    };
                }
                return Some([
                    v[0].min(v[2]),
                    v[1].min(v[3]),
                    v[0].max(v[2]),
                    v[1].max(v[3]),
                ]);
            }
        }
        let parent = dict.get(b"Parent").ok()?;
        match deref(doc, parent) {
            Object::Dictionary(p) => dict = p,
            _ => return None,
        }
    }
    None
}

/// The text of one page.
/// `raw` gives access to stream bodies by scanning, for content streams lopdf could not read.
pub(crate) fn page_text(
    doc: &Document,
    page_id: ObjectId,
    fonts: &mut FontCache,
    budget: &Budget,
    raw: &dyn Fn(u32) -> Option<Vec<u8>>,
) -> String {
    let mut content = Vec::new();
    for id in content_ids(doc, page_id).into_iter().take(4096) {
        let bytes = match doc.get_object(id) {
            Ok(Object::Stream(stream)) => super::repair::stream_content(doc, stream, budget),
            _ => Vec::new(),
        };
        // A stream lopdf could not read (bad /Length, no EOL after `stream`) is missing or
        // empty here; scanning the file finds its body.
        if bytes.iter().all(u8::is_ascii_whitespace) {
            if let Some(raw) = raw(id.0) {
                content.extend_from_slice(&raw);
            }
        } else {
            content.extend_from_slice(&bytes);
        }
        content.push(b'\n');
    }
    let res: Resources<'_> = match doc.get_page_resources(page_id) {
        Ok((own, inherited)) => own
            .into_iter()
            .chain(
                inherited
                    .iter()
                    .filter_map(|id| doc.get_dictionary(*id).ok()),
            )
            .collect(),
        Err(_) => Vec::new(),
    };
    let mut interp = Interp {
        doc,
        fonts,
        budget,
        glyphs: Vec::new(),
        ops: 0,
        forms: Vec::new(),
        default_font: None,
    };
    let start = GState {
        ctm: IDENTITY,
        font: None,
        size: 0.0,
        char_space: 0.0,
        word_space: 0.0,
        hscale: 1.0,
        leading: 0.0,
        rise: 0.0,
    };
    interp.run(&content, &res, start);
    let glyphs = std::mem::take(&mut interp.glyphs);
    layout(&glyphs, media_box(doc, page_id))
}

/// A run of glyphs on one baseline without a word gap.
#[derive(Debug)]
struct Word {
    text: String,
    x: f64,
    y: f64,
    dir: (f64, f64),
    size: f64,
    /// Start and end along the baseline, offset across it.
    start: f64,
    end: f64,
    across: f64,
}

impl Word {
    /// True when `g` continues this word's baseline (possibly after a gap).
    fn same_line(&self, dir: (f64, f64), across: f64, along: f64, size: f64) -> bool {
        let size = self.size.max(size);
        self.dir.0 * dir.0 + self.dir.1 * dir.1 > 0.95
            && (across - self.across).abs() < 0.5 * size
            && along > self.end - 0.7 * size
    }
}

/// Last resort for files whose page tree cannot be read: the text of a content stream found
/// by scanning the file, with no resources (fonts decode as WinAnsi) and no page box.
pub(crate) fn loose_text(content: &[u8]) -> String {
    let doc = Document::new();
    let mut fonts = FontCache::default();
    let fallback = Rc::new(Font::fallback(&doc, &mut fonts.encodings));
    // Nothing is decoded without a document; the budget is only for the type.
    let budget = Budget::default();
    let mut interp = Interp {
        doc: &doc,
        fonts: &mut fonts,
        budget: &budget,
        glyphs: Vec::new(),
        ops: 0,
        forms: Vec::new(),
        default_font: Some(fallback),
    };
    let start = GState {
        ctm: IDENTITY,
        font: None,
        size: 0.0,
        char_space: 0.0,
        word_space: 0.0,
        hscale: 1.0,
        leading: 0.0,
        rise: 0.0,
    };
    interp.run(content, &Vec::new(), start);
    let glyphs = std::mem::take(&mut interp.glyphs);
    layout(&glyphs, None)
}

/// Grid cell of the duplicate-word index, in device units.
const DUP_CELL: f64 = 4.0;

fn cell(v: f64) -> i64 {
    (v / DUP_CELL).floor().clamp(-1e12, 1e12) as i64
}

/// Turns placed glyphs into text: words by gaps, lines by baselines. A word drawn again with
/// the same text on (nearly) the same spot, within 0.1 of the font size along the baseline
/// and 0.2 across it (fake bold, drop shadows), is dropped, the rule poppler uses.
fn layout(glyphs: &[Glyph], bounds: Option<[f64; 4]>) -> String {
    let mut words: Vec<Word> = Vec::new();
    let mut cur: Option<Word> = None;
    let mut last_along = f64::NAN;
    for g in glyphs {
        if let Some([x0, y0, x1, y1]) = bounds {
            let m = g.size.max(1.0);
            if g.x < x0 - m || g.x > x1 + m || g.y < y0 - m || g.y > y1 + m {
                continue;
            }
        }
        let along = g.x * g.dir.0 + g.y * g.dir.1;
        let across = -g.x * g.dir.1 + g.y * g.dir.0;
        if g.text.chars().all(char::is_whitespace) {
            words.extend(cur.take());
            continue;
        }
        if let Some(w) = cur.as_mut()
            && w.same_line(g.dir, across, along, g.size)
        {
            let gap = along - w.end;
            let size = w.size.min(g.size).max(0.1);
            // Fake bold drawn glyph by glyph: the same glyph again on the same spot.
            if w.text.ends_with(g.text.as_str()) && (along - last_along).abs() < 0.1 * size {
                continue;
            }
            if gap <= SPACE_GAP * size {
                w.text.extend(g.text.chars().filter(|c| !c.is_control()));
                w.end = w.end.max(along + g.adv);
                w.size = w.size.max(g.size);
                last_along = along;
                continue;
            }
        }
        words.extend(cur.take());
        cur = Some(Word {
            text: g.text.chars().filter(|c| !c.is_control()).collect(),
            x: g.x,
            y: g.y,
            dir: g.dir,
            size: g.size,
            start: along,
            end: along + g.adv,
            across,
        });
        last_along = along;
    }
    words.extend(cur.take());

    let mut seen: HashMap<(&str, i64, i64), Vec<usize>> = HashMap::new();
    let mut keep = vec![true; words.len()];
    for (i, w) in words.iter().enumerate() {
        let (cx, cy) = (cell(w.x), cell(w.y));
        let tol_along = (0.1 * w.size).min(DUP_CELL);
        let tol_across = (0.2 * w.size).min(DUP_CELL);
        let dup = (-1..=1).any(|dx| {
            (-1..=1).any(|dy| {
                seen.get(&(w.text.as_str(), cx + dx, cy + dy))
                    .is_some_and(|list| {
                        list.iter().any(|&j| {
                            let o = &words[j];
                            (o.start - w.start).abs() < tol_along
                                && (o.across - w.across).abs() < tol_across
                                && o.dir.0 * w.dir.0 + o.dir.1 * w.dir.1 > 0.95
                        })
                    })
            })
        });
        if dup {
            keep[i] = false;
        } else {
            seen.entry((w.text.as_str(), cx, cy)).or_default().push(i);
        }
    }

    let mut out = String::new();
    let mut prev: Option<&Word> = None;
    for (w, _) in words.iter().zip(&keep).filter(|(_, k)| **k) {
        if let Some(p) = prev {
            if p.same_line(w.dir, w.across, w.start, w.size) {
                out.push(' ');
            } else {
                out.push('\n');
            }
        }
        out.push_str(&w.text);
        prev = Some(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(text: &str, x: f64, y: f64, adv: f64) -> Glyph {
        Glyph {
            text: text.into(),
            x,
            y,
            dir: (1.0, 0.0),
            adv,
            size: 10.0,
        }
    }

    #[test]
    fn gaps_make_spaces_and_baselines_make_lines() {
        let g = vec![
            glyph("H", 0.0, 100.0, 6.0),
            glyph("j", 6.0, 100.0, 3.0),
            glyph("e", 9.5, 100.0, 5.0),
            glyph("m", 17.0, 100.0, 8.0),
            glyph("n", 0.0, 88.0, 5.0),
        ];
        assert_eq!(layout(&g, None), "Hje m\nn");
    }

    #[test]
    fn fake_bold_duplicates_are_dropped() {
        let g = vec![
            glyph("o", 0.0, 100.0, 5.0),
            glyph("g", 5.0, 100.0, 5.0),
            glyph("o", 0.3, 100.0, 5.0),
            glyph("g", 5.3, 100.0, 5.0),
            glyph("x", 20.0, 100.0, 5.0),
            glyph("x", 20.2, 100.0, 5.0),
        ];
        assert_eq!(layout(&g, None), "og x");
    }

    #[test]
    fn stacked_different_words_are_kept() {
        let g = vec![
            glyph("o", 0.0, 100.0, 5.0),
            glyph("g", 5.0, 100.0, 5.0),
            glyph("a", 0.0, 100.0, 5.0),
            glyph("f", 5.0, 100.0, 5.0),
        ];
        assert_eq!(layout(&g, None), "og\naf");
    }

    #[test]
    fn double_letters_are_kept() {
        let g = vec![
            glyph("a", 0.0, 100.0, 5.0),
            glyph("l", 5.0, 100.0, 2.2),
            glyph("l", 7.2, 100.0, 2.2),
            glyph("e", 9.4, 100.0, 5.0),
        ];
        assert_eq!(layout(&g, None), "alle");
    }

    #[test]
    fn glyphs_off_the_page_are_dropped() {
        let g = vec![glyph("a", 0.0, 100.0, 5.0), glyph("b", 5000.0, 100.0, 5.0)];
        assert_eq!(layout(&g, Some([0.0, 0.0, 595.0, 842.0])), "a");
    }
}
