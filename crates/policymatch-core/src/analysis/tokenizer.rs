//! [`DanishTokenizer`]: words are runs of alphanumeric characters, like tantivy's
//! `SimpleTokenizer`, except that a word directly followed by a hyphen that does not continue
//! into another word keeps that hyphen ("Social-" in "Social- og Handicapudvalget").
//!
//! The kept hyphen marks a *suspended compound* modifier for
//! [`CompoundFilter`](super::compound_filter::CompoundFilter), which strips it again. Offsets
//! never include the hyphen.

use std::str::CharIndices;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// The hyphen that marks a suspended compound modifier at the end of a token's text.
pub const SUSPENSION_MARK: char = '-';

/// Splits text on everything that is not alphanumeric, keeping a trailing suspension hyphen.
#[derive(Clone, Default)]
pub struct DanishTokenizer {
    token: Token,
}

/// The token stream of [`DanishTokenizer`].
pub struct DanishTokenStream<'a> {
    text: &'a str,
    chars: CharIndices<'a>,
    token: &'a mut Token,
}

impl Tokenizer for DanishTokenizer {
    type TokenStream<'a> = DanishTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> DanishTokenStream<'a> {
        self.token.reset();
        DanishTokenStream {
            text,
            chars: text.char_indices(),
            token: &mut self.token,
        }
    }
}

impl DanishTokenStream<'_> {
    /// Consumes the rest of the current word and returns its end offset.
    fn word_end(&mut self) -> usize {
        self.chars
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(self.text.len(), |(offset, _)| offset)
    }

    /// Whether the word ending at `end` is followed by a hyphen that ends it ("Social- og").
    fn suspended_at(&self, end: usize) -> bool {
        let mut rest = self.text[end..].chars();
        rest.next() == Some(SUSPENSION_MARK) && !rest.next().is_some_and(char::is_alphanumeric)
    }
}

impl TokenStream for DanishTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.token.text.clear();
        self.token.position = self.token.position.wrapping_add(1);
        while let Some((offset_from, c)) = self.chars.next() {
            if c.is_alphanumeric() {
                let offset_to = self.word_end();
                self.token.offset_from = offset_from;
                self.token.offset_to = offset_to;
                self.token.text.push_str(&self.text[offset_from..offset_to]);
                if self.suspended_at(offset_to) {
                    self.token.text.push(SUSPENSION_MARK);
                }
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        let mut tokenizer = DanishTokenizer::default();
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push(token.text.clone());
        }
        out
    }

    #[test]
    fn keeps_only_suspension_hyphens() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Social- og Handicapudvalget",
                &["Social-", "og", "Handicapudvalget"],
            ),
            (
                "Sundheds-, Kultur- og Fritid",
                &["Sundheds-", "Kultur-", "og", "Fritid"],
            ),
            ("e-mail covid-19", &["e", "mail", "covid", "19"]),
            ("slut-", &["slut-"]),
            ("a - b", &["a", "b"]),
            ("ensomheds-\nindsats", &["ensomheds-", "indsats"]),
        ];
        for (text, want) in cases {
            assert_eq!(&texts(text), want, "tokenizing {text:?}");
        }
    }
}
