//! [`CompoundSplitter`]: finds the parts of a Danish compound with a [`Lexicon`].
//!
//! A compound is one or more *modifiers* followed by a *head*. A modifier is a lexicon word,
//! optionally with a linking letter ("sundhed|s", "børn|e") or with its final "e" turned into
//! "s" ("samarbejd|s"); particles and prefixes never are ([`NEVER_MODIFIERS`]). The head is the
//! rest of the word and matches a lexicon word by its Snowball stem, so inflected heads work
//! ("politikken", "udvalget"); derivational suffixes never are heads ([`NEVER_HEADS`]). A word
//! that is itself in the lexicon, also inflected, is never split.
//!
//! Of all splits the one with the fewest parts wins (at most [`MAX_PARTS`]), then the one with
//! the fewest linking letters, then the one whose parts are longest (largest sum of squared
//! lengths).
//!
//! [`NEVER_MODIFIERS`]: super::lexicon::NEVER_MODIFIERS
//! [`NEVER_HEADS`]: super::lexicon::NEVER_HEADS

use std::sync::Arc;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

use super::lexicon::{HEAD_ENDINGS, Lexicon, Linking, MIN_HEAD_CHARS, NOUN_FROM_VERB};

/// Most parts a compound is split into (modifiers and head).
pub const MAX_PARTS: usize = 4;

/// Shortest modifier, in characters, after the first part of a compound.
pub const MIN_INNER_MODIFIER_CHARS: usize = 3;

/// Shortest word, in characters, that is tried as a compound.
pub const MIN_COMPOUND_CHARS: usize = 5;

/// Longest word, in characters, that is tried as a compound.
pub const MAX_COMPOUND_CHARS: usize = 48;

/// One part of a split compound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    /// Byte offset of the part in the word.
    pub start: usize,
    /// Byte offset just past the part (linking letters included).
    pub end: usize,
    /// For a modifier, the lexicon word it stands for; `None` for the head.
    pub word: Option<u32>,
}

#[derive(Debug, Clone, Copy)]
struct Cell {
    parts: u8,
    links: u8,
    score: u32,
    prev: u8,
    word: u32,
}

/// Most words whose split is remembered; the memo is emptied when it is full.
pub const MEMO_CAPACITY: usize = 1 << 16;

/// One remembered part, compact so the memo stays small in the cache: byte offsets fit in a
/// `u8` because words longer than [`MAX_COMPOUND_CHARS`] characters (at most 4 bytes each) are
/// never split.
#[derive(Clone, Copy, Default)]
struct MemoPart {
    start: u8,
    end: u8,
    /// The modifier's lexicon word, or `u32::MAX` for the head.
    word: u32,
}

/// A remembered split: `len` parts (0 when the word is not a compound).
#[derive(Clone, Copy, Default)]
struct Memo {
    parts: [MemoPart; MAX_PARTS],
    len: u8,
}

/// Splits words into compound parts. Keeps its buffers between calls, and remembers the splits
/// of the words it tried (bounded by [`MEMO_CAPACITY`]), since running text repeats words.
pub struct CompoundSplitter {
    lexicon: Arc<Lexicon>,
    stemmer: Stemmer,
    bounds: Vec<usize>,
    cells: Vec<Option<Cell>>,
    /// Scratch buffer for verb look-ups in [`Self::is_head`].
    verb: String,
    memo: FxHashMap<Box<str>, Memo>,
}

impl Clone for CompoundSplitter {
    fn clone(&self) -> Self {
        // rust_stemmers::Stemmer is not Clone; a new one is equivalent.
        CompoundSplitter::new(self.lexicon.clone())
    }
}

impl CompoundSplitter {
    /// A splitter over `lexicon`.
    pub fn new(lexicon: Arc<Lexicon>) -> Self {
        CompoundSplitter {
            lexicon,
            stemmer: Stemmer::create(Algorithm::Danish),
            bounds: Vec::with_capacity(MAX_COMPOUND_CHARS + 1),
            cells: Vec::with_capacity(MAX_COMPOUND_CHARS + 1),
            verb: String::new(),
            memo: FxHashMap::default(),
        }
    }

    /// The lexicon this splitter uses.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Whether `head` (lower-case) may be the head of a compound: a lexicon word with at most
    /// an inflectional ending ([`HEAD_ENDINGS`]), found as written, by stripping the ending,
    /// or by Snowball stem.
    pub fn is_head(&mut self, head: &str) -> bool {
        if head.chars().nth(MIN_HEAD_CHARS - 1).is_none()
            || !self.lexicon.may_be_head(head)
            || self.lexicon.is_never_head(head)
        {
            return false;
        }
        if self.lexicon.contains(head) {
            return true;
        }
        let stripped = HEAD_ENDINGS.iter().any(|ending| {
            !ending.is_empty()
                && head.strip_suffix(ending).is_some_and(|base| {
                    base.chars().nth(MIN_HEAD_CHARS - 1).is_some()
                        && self.lexicon.contains(base)
                        && !self.lexicon.is_never_head(base)
                })
        });
        if stripped || self.is_noun_from_verb(head) {
            return true;
        }
        let stem = self.stemmer.stem(head);
        if self.lexicon.is_never_head(&stem) || !self.lexicon.contains_stem(&stem) {
            return false;
        }
        // What the stemmer removed must be inflection, possibly after an undoubled consonant
        // ("politik|ken").
        let Some(mut ending) = head.strip_prefix(stem.as_ref()) else {
            return false;
        };
        if let Some(last) = stem.chars().last() {
            ending = ending.strip_prefix(last).unwrap_or(ending);
        }
        HEAD_ENDINGS.contains(&ending)
    }

    /// Whether `head` is a noun made from a lexicon verb ([`NOUN_FROM_VERB`]).
    fn is_noun_from_verb(&mut self, head: &str) -> bool {
        NOUN_FROM_VERB.iter().any(|ending| {
            head.strip_suffix(ending).is_some_and(|root| {
                root.chars().nth(MIN_HEAD_CHARS - 1).is_some() && {
                    self.verb.clear();
                    self.verb.push_str(root);
                    self.verb.push('e');
                    self.lexicon.contains(&self.verb)
                }
            })
        })
    }

    /// Splits the lower-case `word` into `parts` (cleared first). Returns whether it is a
    /// compound, i.e. whether `parts` holds two or more parts.
    pub fn split(&mut self, word: &str, parts: &mut Vec<Part>) -> bool {
        parts.clear();
        if word.len() < MIN_COMPOUND_CHARS {
            return false;
        }
        if let Some(memo) = self.memo.get(word) {
            parts.extend(memo.parts[..usize::from(memo.len)].iter().map(|p| Part {
                start: usize::from(p.start),
                end: usize::from(p.end),
                word: (p.word != u32::MAX).then_some(p.word),
            }));
            return !parts.is_empty();
        }
        let found = self.split_uncached(word, parts);
        if self.memo.len() >= MEMO_CAPACITY {
            self.memo.clear();
        }
        let mut memo = Memo::default();
        for (slot, part) in memo.parts.iter_mut().zip(parts.iter()) {
            let (Ok(start), Ok(end)) = (u8::try_from(part.start), u8::try_from(part.end)) else {
                // Not reachable (see MemoPart); do not remember rather than truncate.
                return found;
            };
            *slot = MemoPart {
                start,
                end,
                word: part.word.unwrap_or(u32::MAX),
            };
            memo.len += 1;
        }
        self.memo.insert(word.into(), memo);
        found
    }

    fn split_uncached(&mut self, word: &str, parts: &mut Vec<Part>) -> bool {
        self.bounds.clear();
        self.bounds.extend(
            word.char_indices()
                .map(|(offset, _)| offset)
                .take(MAX_COMPOUND_CHARS + 1),
        );
        let chars = self.bounds.len();
        if !(MIN_COMPOUND_CHARS..=MAX_COMPOUND_CHARS).contains(&chars)
            || self.lexicon.contains(word)
            || !word.chars().all(char::is_alphabetic)
        {
            return false;
        }
        self.bounds.push(word.len());
        // cells[k]: best way to cut word[..bounds[k]] into modifiers.
        self.cells.clear();
        self.cells.resize(chars + 1, None);
        self.cells[0] = Some(Cell {
            parts: 0,
            links: 0,
            score: 0,
            prev: 0,
            word: 0,
        });
        let last_modifier_end = chars - MIN_HEAD_CHARS;
        for j in 0..last_modifier_end {
            let Some(from) = self.cells[j] else { continue };
            if usize::from(from.parts) + 1 >= MAX_PARTS {
                continue;
            }
            // Two-letter modifiers ("bo", "by") only start a word: inside one they are
            // mostly syllables ("hånd|te|ring").
            let shortest = if j == 0 { 2 } else { MIN_INNER_MODIFIER_CHARS };
            for k in j + shortest..=last_modifier_end {
                let form = &word[self.bounds[j]..self.bounds[k]];
                let Some(modifier) = self.lexicon.modifier(form) else {
                    continue;
                };
                let len = (k - j) as u32;
                let cand = Cell {
                    parts: from.parts + 1,
                    links: from.links + u8::from(modifier.linking != Linking::None),
                    score: from.score + len * len,
                    prev: j as u8,
                    word: modifier.word,
                };
                if better(&cand, self.cells[k].as_ref()) {
                    self.cells[k] = Some(cand);
                }
            }
        }
        let mut best: Option<(Cell, usize)> = None;
        for k in (1..=last_modifier_end).rev() {
            let Some(cell) = self.cells[k] else { continue };
            let head_len = (chars - k) as u32;
            let cand = Cell {
                parts: cell.parts + 1,
                links: cell.links,
                score: cell.score + head_len * head_len,
                prev: k as u8,
                word: 0,
            };
            if best.as_ref().is_some_and(|(b, _)| !better(&cand, Some(b))) {
                continue;
            }
            if self.is_head(&word[self.bounds[k]..]) {
                best = Some((cand, k));
            }
        }
        let Some((_, head_start)) = best else {
            return false;
        };
        // An inflected lexicon word ("vejledningen") is not a compound either.
        if self.lexicon.contains_stem(&self.stemmer.stem(word)) {
            return false;
        }
        parts.push(Part {
            start: self.bounds[head_start],
            end: word.len(),
            word: None,
        });
        let mut k = head_start;
        while k > 0 {
            let Some(cell) = self.cells[k] else { break };
            let j = usize::from(cell.prev);
            parts.push(Part {
                start: self.bounds[j],
                end: self.bounds[k],
                word: Some(cell.word),
            });
            k = j;
        }
        parts.reverse();
        true
    }

    /// Writes the dictionary form of a modifier `part` of `word` into `out` (cleared first):
    /// the lexicon word, or for the head its text as written.
    pub fn part_text(&self, word: &str, part: &Part, out: &mut String) {
        out.clear();
        match part.word {
            Some(index) => out.push_str(self.lexicon.word(index)),
            None => out.push_str(&word[part.start..part.end]),
        }
    }

    /// The lexicon word the modifier form `form` stands for ("sundheds" → "sundhed").
    pub fn modifier_word(&self, form: &str) -> Option<&str> {
        let modifier = self.lexicon.modifier(form)?;
        (modifier.linking != Linking::None).then(|| self.lexicon.word(modifier.word))
    }
}

/// Fewer parts first, then fewer linking letters ("ryge|stop", not "ryge|s|top"), then longer
/// parts.
fn better(cand: &Cell, old: Option<&Cell>) -> bool {
    old.is_none_or(|old| {
        (cand.parts, cand.links, std::cmp::Reverse(cand.score))
            < (old.parts, old.links, std::cmp::Reverse(old.score))
    })
}
