//! A forgiving tokenizer for PDF content streams and CMap programs.
//!
//! It never fails: bytes it cannot make sense of are skipped, so one damaged operator does not
//! lose the rest of a page. Nesting (arrays, dictionaries, string parentheses) is depth-bounded
//! and every loop advances the cursor, so the tokenizer ends on any input.

/// Maximum nesting of arrays and dictionaries inside one operand.
const MAX_DEPTH: usize = 16;
/// Operands kept before an operator; extra ones are dropped (no operator needs more, except
/// the CMap section operators, which are handled by their own bounded sections).
const MAX_OPERANDS: usize = 1 << 16;

/// One operand of a content-stream operator.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Operand {
    /// An integer or real number.
    Number(f64),
    /// A name, without the slash.
    Name(Vec<u8>),
    /// A literal or hexadecimal string, decoded to bytes.
    Str(Vec<u8>),
    /// An array.
    Array(Vec<Operand>),
    /// Anything else (dictionaries, booleans, null), kept only as a placeholder.
    Other,
}

impl Operand {
    /// The number, if this is one.
    pub(crate) fn number(&self) -> Option<f64> {
        match self {
            Operand::Number(n) if n.is_finite() => Some(*n),
            _ => None,
        }
    }
}

/// A tokenizer over one content stream.
pub(crate) struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

impl<'a> Lexer<'a> {
    /// A tokenizer at the start of `data`.
    pub(crate) fn new(data: &'a [u8]) -> Self {
        Lexer { data, pos: 0 }
    }

    /// Reads operands into `operands` (cleared first) up to the next operator and returns the
    /// operator, or `None` at the end of the data.
    pub(crate) fn next_op(&mut self, operands: &mut Vec<Operand>) -> Option<&'a [u8]> {
        operands.clear();
        loop {
            self.skip_white();
            let &b = self.data.get(self.pos)?;
            if is_delim(b) || b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.') {
                match self.operand(0) {
                    Some(op) if operands.len() < MAX_OPERANDS => operands.push(op),
                    _ => {}
                }
                continue;
            }
            let word = self.regular_word();
            match word {
                b"true" | b"false" | b"null" => {
                    if operands.len() < MAX_OPERANDS {
                        operands.push(Operand::Other);
                    }
                }
                b"BI" => {
                    self.skip_inline_image();
                    operands.clear();
                }
                _ => return Some(word),
            }
        }
    }

    fn skip_white(&mut self) {
        while let Some(&b) = self.data.get(self.pos) {
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(&c) = self.data.get(self.pos) {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// A run of regular characters; always advances at least one byte.
    fn regular_word(&mut self) -> &'a [u8] {
        let start = self.pos;
        while let Some(&b) = self.data.get(self.pos) {
            if is_white(b) || is_delim(b) {
                break;
            }
            self.pos += 1;
        }
        if self.pos == start {
            self.pos += 1;
        }
        &self.data[start..self.pos.min(self.data.len())]
    }

    /// One operand at the cursor; `None` for stray delimiters (which are consumed).
    fn operand(&mut self, depth: usize) -> Option<Operand> {
        self.skip_white();
        let &b = self.data.get(self.pos)?;
        match b {
            b'/' => {
                self.pos += 1;
                let start = self.pos;
                while let Some(&c) = self.data.get(self.pos) {
                    if is_white(c) || is_delim(c) {
                        break;
                    }
                    self.pos += 1;
                }
                Some(Operand::Name(decode_name(&self.data[start..self.pos])))
            }
            b'(' => Some(Operand::Str(self.literal_string())),
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                self.skip_until_close(b'>', depth);
                Some(Operand::Other)
            }
            b'<' => Some(Operand::Str(self.hex_string())),
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_white();
                    match self.data.get(self.pos) {
                        None => break,
                        Some(b']') => {
                            self.pos += 1;
                            break;
                        }
                        Some(_) if depth >= MAX_DEPTH => {
                            self.pos += 1;
                        }
                        Some(&c) if !is_delim(c) && !c.is_ascii_digit() && !b"+-.".contains(&c) => {
                            // A keyword inside an array: only true/false/null are valid; an
                            // operator here means the array was never closed.
                            let save = self.pos;
                            let word = self.regular_word();
                            if !matches!(word, b"true" | b"false" | b"null") {
                                self.pos = save;
                                break;
                            }
                            items.push(Operand::Other);
                        }
                        Some(_) => {
                            if let Some(op) = self.operand(depth + 1)
                                && items.len() < MAX_OPERANDS
                            {
                                items.push(op);
                            }
                        }
                    }
                }
                Some(Operand::Array(items))
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                let start = self.pos;
                self.pos += 1;
                while let Some(&c) = self.data.get(self.pos) {
                    if c.is_ascii_digit() || c == b'.' {
                        self.pos += 1;
                    } else {
                        break;
                    }
                }
                let text = std::str::from_utf8(&self.data[start..self.pos]).unwrap_or("0");
                Some(Operand::Number(parse_number(text)))
            }
            _ => {
                // Stray ')', '>', ']', '{', '}' or a regular character: consume one byte.
                self.pos += 1;
                None
            }
        }
    }

    /// Skips a dictionary body up to its matching `>>`, bounded by depth.
    fn skip_until_close(&mut self, _close: u8, depth: usize) {
        let mut level = 1usize;
        while let Some(&b) = self.data.get(self.pos) {
            match b {
                b'(' => {
                    self.literal_string();
                }
                b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                    self.pos += 2;
                    if depth + level < MAX_DEPTH {
                        level += 1;
                    }
                }
                b'>' if self.data.get(self.pos + 1) == Some(&b'>') => {
                    self.pos += 2;
                    level -= 1;
                    if level == 0 {
                        return;
                    }
                }
                _ => self.pos += 1,
            }
        }
    }

    fn literal_string(&mut self) -> Vec<u8> {
        // Cursor is on '('.
        self.pos += 1;
        let mut out = Vec::new();
        let mut level = 1usize;
        while let Some(&b) = self.data.get(self.pos) {
            self.pos += 1;
            match b {
                b'(' => {
                    level += 1;
                    out.push(b);
                }
                b')' => {
                    level -= 1;
                    if level == 0 {
                        break;
                    }
                    out.push(b);
                }
                b'\\' => {
                    let Some(&e) = self.data.get(self.pos) else {
                        break;
                    };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.data.get(self.pos) == Some(&b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.data.get(self.pos) {
                                    Some(&d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push((v & 0xff) as u8);
                        }
                        other => out.push(other),
                    }
                }
                _ => out.push(b),
            }
        }
        out
    }

    fn hex_string(&mut self) -> Vec<u8> {
        // Cursor is on '<'.
        self.pos += 1;
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(&b) = self.data.get(self.pos) {
            self.pos += 1;
            if b == b'>' {
                break;
            }
            if let Some(v) = hex_val(b) {
                match high.take() {
                    Some(h) => out.push(h << 4 | v),
                    None => high = Some(v),
                }
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out
    }

    /// Skips inline image data after `BI`: the dictionary, `ID`, the data and `EI`.
    fn skip_inline_image(&mut self) {
        let rest = &self.data[self.pos.min(self.data.len())..];
        let Some(id) = find_keyword(rest, b"ID") else {
            self.pos = self.data.len();
            return;
        };
        let data_start = self.pos + id + 2;
        let rest = &self.data[data_start.min(self.data.len())..];
        match find_keyword(rest, b"EI") {
            Some(ei) => self.pos = data_start + ei + 2,
            None => self.pos = self.data.len(),
        }
    }
}

/// The offset of `word` standing alone (whitespace before, whitespace/delimiter/end after).
fn find_keyword(data: &[u8], word: &[u8]) -> Option<usize> {
    let n = word.len();
    (0..data.len().saturating_sub(n - 1)).find(|&i| {
        &data[i..i + n] == word
            && (i == 0 || is_white(data[i - 1]))
            && data.get(i + n).is_none_or(|&c| is_white(c) || is_delim(c))
    })
}

fn decode_name(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'#'
            && let (Some(h), Some(l)) = (
                raw.get(i + 1).copied().and_then(hex_val),
                raw.get(i + 2).copied().and_then(hex_val),
            )
        {
            out.push(h << 4 | l);
            i += 3;
            continue;
        }
        out.push(raw[i]);
        i += 1;
    }
    out
}

/// Parses a PDF number leniently ("--5", "5.", ".5", "1.2.3" all give something finite).
fn parse_number(text: &str) -> f64 {
    let negative = text.starts_with('-');
    let body = text.trim_start_matches(['+', '-']);
    let mut seen_dot = false;
    let cleaned: String = body
        .chars()
        .filter(|&c| {
            if c == '.' {
                if seen_dot {
                    return false;
                }
                seen_dot = true;
            }
            true
        })
        .collect();
    let v = cleaned.parse::<f64>().unwrap_or(0.0);
    if negative { -v } else { v }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(data: &[u8]) -> Vec<(String, Vec<Operand>)> {
        let mut lx = Lexer::new(data);
        let mut operands = Vec::new();
        let mut out = Vec::new();
        while let Some(op) = lx.next_op(&mut operands) {
            out.push((String::from_utf8_lossy(op).into_owned(), operands.clone()));
        }
        out
    }

    #[test]
    fn reads_text_operators() {
        let got = ops(b"BT /F1 12 Tf 1 0 0 1 72 700 Tm (Hej \\(verden\\)) Tj [(A) -250 (B)] TJ ET");
        assert_eq!(got[1].0, "Tf");
        assert_eq!(
            got[1].1,
            vec![Operand::Name(b"F1".to_vec()), Operand::Number(12.0)]
        );
        assert_eq!(got[3].1, vec![Operand::Str(b"Hej (verden)".to_vec())]);
        assert_eq!(
            got[4].1,
            vec![Operand::Array(vec![
                Operand::Str(b"A".to_vec()),
                Operand::Number(-250.0),
                Operand::Str(b"B".to_vec())
            ])]
        );
    }

    #[test]
    fn hex_strings_octal_escapes_and_odd_digits() {
        let got = ops(b"<00410 42> Tj (\\101\\12) Tj <4> Tj");
        assert_eq!(got[0].1, vec![Operand::Str(vec![0x00, 0x41, 0x04, 0x20])]);
        assert_eq!(got[1].1, vec![Operand::Str(vec![b'A', b'\n'])]);
        assert_eq!(got[2].1, vec![Operand::Str(vec![0x40])]);
    }

    #[test]
    fn skips_inline_images_and_dictionaries() {
        let got = ops(b"/P <</MCID 0>> BDC BI /W 2 /H 2 ID \x00EI\xff EI Q (x) Tj");
        let names: Vec<&str> = got.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, vec!["BDC", "Q", "Tj"]);
    }

    #[test]
    fn unterminated_input_ends() {
        for data in [
            &b"[(a) 1 2"[..],
            b"(abc",
            b"<<<<",
            b"<41",
            b"[[[[[[[[[[[[[[[[[[[[[[[[[[",
        ] {
            let _ = ops(data);
        }
    }
}
