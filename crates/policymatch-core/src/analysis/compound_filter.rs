//! [`CompoundFilter`]: keeps every word and adds the parts of Danish compounds beside it, at the
//! same position, and expands suspended compounds ("social- og handicapudvalget").
//!
//! Runs after lower-casing and stop-word removal and before stemming, so the stemmer turns each
//! part into the stem the part has on its own. What it emits for one word:
//!
//! - the word itself, first;
//! - for a compound ([`CompoundSplitter::split`]): each modifier's lexicon word ("sundhed" for
//!   "sundheds"), the head as written ("udvalget"), and for three or more parts the inner
//!   sub-compounds ("ungdomsuddannelse" and "uddannelsesvejledning" in
//!   "ungdomsuddannelsesvejledning");
//! - for a suspended modifier (a token ending in the tokenizer's
//!   [`SUSPENSION_MARK`]): the virtual compound made of the modifier and the head of the next
//!   complete word ("social-" … "handicapudvalget" gives "socialudvalget") with its modifier
//!   parts; without such a head, the modifier without its hyphen.

use std::sync::Arc;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use super::lexicon::Lexicon;
use super::splitter::{CompoundSplitter, MAX_PARTS, Part};
use super::tokenizer::SUSPENSION_MARK;

/// Most suspended modifiers in a row that share one head ("Sundheds-, Kultur- og
/// Fritidsudvalget" has two).
pub const MAX_SUSPENDED: usize = 6;

/// Token filter that adds compound parts beside each word.
#[derive(Clone)]
pub struct CompoundFilter {
    lexicon: Arc<Lexicon>,
}

impl CompoundFilter {
    /// A filter that splits with `lexicon`.
    pub fn new(lexicon: Arc<Lexicon>) -> Self {
        CompoundFilter { lexicon }
    }
}

impl TokenFilter for CompoundFilter {
    type Tokenizer<T: Tokenizer> = CompoundFilterWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CompoundFilterWrapper<T> {
        CompoundFilterWrapper {
            inner: tokenizer,
            buffers: Buffers {
                splitter: CompoundSplitter::new(self.lexicon),
                out: Vec::new(),
                out_len: 0,
                group: Vec::new(),
                parts: Vec::with_capacity(MAX_PARTS),
                head: String::new(),
                text: String::new(),
            },
        }
    }
}

/// The tokenizer [`CompoundFilter`] wraps around another one.
#[derive(Clone)]
pub struct CompoundFilterWrapper<T> {
    inner: T,
    buffers: Buffers,
}

/// Buffers kept between token streams so that the hot loop does not allocate.
#[derive(Clone)]
struct Buffers {
    splitter: CompoundSplitter,
    /// Tokens to emit; only `out[..out_len]` are live, the rest are kept for reuse.
    out: Vec<Token>,
    out_len: usize,
    /// Source tokens of one suspended-compound group (or one plain word).
    group: Vec<Token>,
    parts: Vec<Part>,
    head: String,
    text: String,
}

impl<T: Tokenizer> Tokenizer for CompoundFilterWrapper<T> {
    type TokenStream<'a> = CompoundTokenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.buffers.out_len = 0;
        CompoundTokenStream {
            tail: self.inner.token_stream(text),
            buffers: &mut self.buffers,
            cursor: 0,
        }
    }
}

/// The token stream of [`CompoundFilterWrapper`].
pub struct CompoundTokenStream<'a, T> {
    tail: T,
    buffers: &'a mut Buffers,
    cursor: usize,
}

impl<T: TokenStream> TokenStream for CompoundTokenStream<'_, T> {
    fn advance(&mut self) -> bool {
        if self.cursor + 1 < self.buffers.out_len {
            self.cursor += 1;
            return true;
        }
        self.cursor = 0;
        self.buffers.out_len = 0;
        let mut group_len = 0;
        while self.tail.advance() {
            let token = self.tail.token();
            copy_token(&mut self.buffers.group, group_len, token, &token.text);
            group_len += 1;
            if !token.text.ends_with(SUSPENSION_MARK) || group_len >= MAX_SUSPENDED {
                break;
            }
        }
        if group_len == 0 {
            return false;
        }
        self.buffers.emit_group(group_len);
        self.buffers.out_len > 0
    }

    fn token(&self) -> &Token {
        &self.buffers.out[self.cursor]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.buffers.out[self.cursor]
    }
}

/// Writes `source` with `text` into `tokens[index]`, reusing the token there if any.
fn copy_token(tokens: &mut Vec<Token>, index: usize, source: &Token, text: &str) {
    if index == tokens.len() {
        tokens.push(Token::default());
    }
    let token = &mut tokens[index];
    token.offset_from = source.offset_from;
    token.offset_to = source.offset_to;
    token.position = source.position;
    token.position_length = source.position_length;
    token.text.clear();
    token.text.push_str(text);
}

impl Buffers {
    /// Emits a token for `group[index]` with `text`, unless the same word already emitted it.
    fn emit(&mut self, index: usize, first_of_word: usize, text: &str) {
        if text.is_empty()
            || self.out[first_of_word..self.out_len]
                .iter()
                .any(|t| t.text == text)
        {
            return;
        }
        copy_token(&mut self.out, self.out_len, &self.group[index], text);
        self.out_len += 1;
    }

    /// Emits the tokens of `group[..len]`: suspended modifiers, then (when the last token is a
    /// complete word) that word.
    fn emit_group(&mut self, len: usize) {
        let last = len - 1;
        let complete = !self.group[last].text.ends_with(SUSPENSION_MARK);
        // The head the suspended modifiers share: the complete word's head, or the word.
        self.head.clear();
        if complete && len > 1 {
            let word = &self.group[last].text;
            if self.splitter.split(word, &mut self.parts) {
                if let Some(head) = self.parts.last() {
                    self.head.push_str(&word[head.start..]);
                }
            } else if self.splitter.is_head(word) {
                self.head.push_str(word);
            }
        }
        let suspended = if complete { last } else { len };
        for index in 0..suspended {
            self.emit_suspended(index);
        }
        if complete {
            self.emit_word(last);
        }
    }

    /// Emits a complete word and its compound parts.
    fn emit_word(&mut self, index: usize) {
        let first = self.out_len;
        let mut word = std::mem::take(&mut self.group[index].text);
        if self.splitter.split(&word, &mut self.parts) {
            self.emit(index, first, &word);
            self.emit_parts(index, first, &word, true);
        } else if !word.is_empty() {
            // Not a compound (the common case): hand the text over instead of copying it.
            copy_token(&mut self.out, self.out_len, &self.group[index], "");
            std::mem::swap(&mut self.out[self.out_len].text, &mut word);
            self.out_len += 1;
        }
        self.group[index].text = word;
    }

    /// Emits a suspended modifier: the virtual compound with the shared head and its modifier
    /// parts, or else the modifier itself.
    fn emit_suspended(&mut self, index: usize) {
        let first = self.out_len;
        let mut word = std::mem::take(&mut self.group[index].text);
        word.pop();
        let modifier_len = word.len();
        word.push_str(&self.head);
        if !self.head.is_empty() && self.splitter.split(&word, &mut self.parts) {
            self.emit(index, first, &word);
            self.emit_parts(index, first, &word, false);
        } else {
            word.truncate(modifier_len);
            let mut text = std::mem::take(&mut self.text);
            text.clear();
            text.push_str(self.splitter.modifier_word(&word).unwrap_or(&word));
            self.emit(index, first, &text);
            if self.splitter.split(&text, &mut self.parts) {
                self.emit_parts(index, first, &text, true);
            }
            self.text = text;
        }
        word.push(SUSPENSION_MARK);
        self.group[index].text = word;
    }

    /// Emits the parts in `self.parts` of `word`: modifiers as lexicon words, the head as
    /// written (when `with_head`), and the inner sub-compounds of three or more parts.
    fn emit_parts(&mut self, index: usize, first: usize, word: &str, with_head: bool) {
        let mut text = std::mem::take(&mut self.text);
        let count = self.parts.len();
        for i in 0..count {
            let part = self.parts[i];
            if part.word.is_none() && !with_head {
                continue;
            }
            self.splitter.part_text(word, &part, &mut text);
            self.emit(index, first, &text);
        }
        for i in 1..count.saturating_sub(1) {
            // Modifier chain parts[..=i] ends in a modifier: write its last word in
            // dictionary form.
            let part = self.parts[i];
            self.splitter.part_text(word, &part, &mut text);
            text.insert_str(0, &word[..part.start]);
            self.emit(index, first, &text);
            if with_head {
                text.clear();
                text.push_str(&word[part.start..]);
                self.emit(index, first, &text);
            }
        }
        self.text = text;
    }
}
