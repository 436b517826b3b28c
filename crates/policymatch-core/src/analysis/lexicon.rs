//! [`Lexicon`]: the Danish vocabulary the compound splitter cuts words into.
//!
//! The built-in vocabulary is `data/danish-lexicon.txt`, written for this project (see the
//! file's header for its scope and licence) and compiled in with `include_str!`. It lists simple
//! (non-compound) words in dictionary form, plus derived or lexicalised words that must stay
//! whole ("forening", "fællesskab", "fritid"): a word that is in the lexicon is never split.
//!
//! Users add domain words with a words file in the same format (one or more words per line,
//! `#` starts a comment), through [`Lexicon::with_words_file`] or [`Lexicon::add_words`].

use std::path::Path;
use std::sync::{Arc, OnceLock};

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHashSet};

/// The built-in word list, compiled into the crate.
pub const BUILTIN_WORDS: &str = include_str!("../../data/danish-lexicon.txt");

/// Particles and prefixes that never count as the modifier of a compound: "forening" is not
/// "for" + "ening", "indsats" is not "ind" + "sats".
pub const NEVER_MODIFIERS: &[&str] = &[
    "af", "an", "be", "bi", "efter", "for", "fore", "fra", "frem", "gen", "ind", "med", "mis",
    "mod", "ned", "om", "op", "over", "på", "sam", "til", "ud", "under", "u", "van", "ved", "er",
    "ur", "und", "ant", "anti", "bag", "ens", "hen", "imod", "mel", "sem", "ter", "vel", "ge",
    "in", "ikke", "selv", "and", "ad", "al", "eks", "inter", "re", "de", "dis", "kon", "kom",
    "pro", "sammen", "gennem", "igennem", "tilbage", "bort", "før", "mellem", "uden", "inden",
    "vel", "sær", "hel", "omkring", "hver", "alle", "nogen", "ingen", "anden", "andet", "samme",
    "bag", "ens", "lige", "ene", "fri", "is",
];

/// Derivational suffixes (and suffix-like endings) that never count as the head of a compound:
/// "fællesskab" is not "fælles" + "skab", "sundhed" is not "sund" + "hed".
pub const NEVER_HEADS: &[&str] = &[
    "skab", "skaber", "skabet", "hed", "heden", "heder", "dom", "dommen", "domme", "else", "elsen",
    "elser", "ning", "ninger", "ing", "inger", "ingen", "lig", "lige", "ligt", "isk", "iske",
    "ende", "ene", "ere", "erne", "bar", "bare", "sam", "somme", "agtig", "ist", "isme", "ion",
    "ering", "ling", "linger", "inde", "eri", "tion", "ighed", "elig", "lighed", "ske", "lse",
    "ler", "rer", "isere", "ner", "ter", "tet", "nen", "ser", "sen", "ligste", "mæssig", "mæssige",
    "mæssigt", "agtige", "somt", "vis", "ring", "ringe", "ringen", "mest", "meste", "sigt", "vist",
    "iser", "isere", "iseret",
];

/// Inflectional endings a head may carry beyond a lexicon word or its stem ("udvalg|et",
/// "væsen|et", "aktivitet|er"). Anything else the stemmer removed was derivational
/// ("hovedsag|eligt") and the head does not count.
pub const HEAD_ENDINGS: &[&str] = &[
    "", "e", "en", "et", "er", "ere", "erne", "ene", "es", "s", "ens", "ets", "ers", "ernes",
    "enes", "t", "ede", "te", "ende", "endes", "ne", "r", "n", "rne", "ts",
];

/// Endings that turn a verb root into a noun or participle ("sorter|ing" from "sortere",
/// "rens|ning" from "rense", "inddrag|else" from "inddrage", "behandl|er" from "behandle",
/// "baser|et" from "basere"), with their inflections. A head made so from a lexicon verb counts
/// as a lexicon word.
pub const NOUN_FROM_VERB: &[&str] = &[
    "ing", "ingen", "inger", "ingerne", "ning", "ningen", "ninger", "ningerne", "else", "elsen",
    "elser", "elserne", "er", "eren", "ere", "erne", "et", "ede", "te", "t", "ende",
];

/// Shortest lexicon word (in characters) that may be the modifier of a compound with a
/// linking letter ("ungdom" + "s"); without one, two characters are enough ("bo", "by").
pub const MIN_LINKED_MODIFIER_CHARS: usize = 2;

/// Shortest head of a compound, in characters ("liv", "hus", "råd").
pub const MIN_HEAD_CHARS: usize = 3;

/// How a modifier form relates to its lexicon word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Linking {
    /// The word itself ("kultur" in "kulturpolitik").
    None,
    /// The word and a linking letter ("sundhed" + "s", "børn" + "e").
    Letter,
    /// The word with its final "e" replaced by "s" ("samarbejde" → "samarbejds").
    ReplacedE,
}

/// One form a lexicon word takes as the first part of a compound.
#[derive(Debug, Clone, Copy)]
pub struct ModifierForm {
    /// Index of the lexicon word in [`Lexicon::word`].
    pub word: u32,
    /// How the form is built from the word.
    pub linking: Linking,
}

/// A Danish vocabulary prepared for compound splitting.
#[derive(Debug, Clone)]
pub struct Lexicon {
    words: Vec<Box<str>>,
    known: FxHashSet<Box<str>>,
    stems: FxHashSet<Box<str>>,
    modifiers: FxHashMap<Box<str>, ModifierForm>,
    /// First [`MIN_HEAD_CHARS`] characters of every word: a cheap test before stemming a head.
    head_prefixes: FxHashSet<Box<str>>,
    never_heads: FxHashSet<&'static str>,
}

impl Default for Lexicon {
    fn default() -> Self {
        Self::empty()
    }
}

impl Lexicon {
    /// A lexicon without words (nothing is split).
    pub fn empty() -> Self {
        Lexicon {
            words: Vec::new(),
            known: FxHashSet::default(),
            stems: FxHashSet::default(),
            modifiers: FxHashMap::default(),
            head_prefixes: FxHashSet::default(),
            never_heads: NEVER_HEADS.iter().copied().collect(),
        }
    }

    /// The built-in lexicon ([`BUILTIN_WORDS`]), built once and shared.
    pub fn builtin() -> Arc<Lexicon> {
        static BUILTIN: OnceLock<Arc<Lexicon>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                let mut lexicon = Lexicon::empty();
                lexicon.add_words(BUILTIN_WORDS);
                Arc::new(lexicon)
            })
            .clone()
    }

    /// The built-in lexicon plus the words in the words file at `path`.
    pub fn with_words_file(path: &Path) -> crate::Result<Lexicon> {
        let text = std::fs::read_to_string(path).map_err(|source| crate::Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let mut lexicon = Lexicon::builtin().as_ref().clone();
        lexicon.add_words(&text);
        Ok(lexicon)
    }

    /// Adds the words in `text`: whitespace-separated, `#` starts a comment to the end of the
    /// line. Words are lower-cased. Added words are never split themselves and may be parts of
    /// compounds.
    pub fn add_words(&mut self, text: &str) {
        let stemmer = Stemmer::create(Algorithm::Danish);
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("");
            for word in line.split_whitespace() {
                self.add_word(&stemmer, &word.to_lowercase());
            }
        }
    }

    fn add_word(&mut self, stemmer: &Stemmer, word: &str) {
        if word.is_empty() || self.known.contains(word) || !word.chars().all(char::is_alphabetic) {
            return;
        }
        let index = self.words.len() as u32;
        self.words.push(word.into());
        self.known.insert(word.into());
        self.stems.insert(stemmer.stem(word).as_ref().into());
        self.head_prefixes.insert(head_prefix(word).into());
        if NEVER_MODIFIERS.contains(&word) {
            return;
        }
        let chars = word.chars().count();
        if chars < 2 {
            return;
        }
        self.add_modifier(word.to_owned(), index, Linking::None);
        if chars < MIN_LINKED_MODIFIER_CHARS {
            return;
        }
        if !word.ends_with('s') {
            self.add_modifier(format!("{word}s"), index, Linking::Letter);
        }
        if let Some(stem) = word.strip_suffix('e') {
            self.add_modifier(format!("{stem}s"), index, Linking::ReplacedE);
        } else {
            self.add_modifier(format!("{word}e"), index, Linking::Letter);
        }
    }

    fn add_modifier(&mut self, form: String, word: u32, linking: Linking) {
        let form: Box<str> = form.into();
        match self.modifiers.get(&form) {
            // An exact word beats a linked form of another word.
            Some(old) if old.linking == Linking::None => {}
            Some(_) if linking != Linking::None => {}
            _ => {
                self.modifiers.insert(form, ModifierForm { word, linking });
            }
        }
    }

    /// Number of words in the lexicon.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the lexicon has no words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The lexicon word with index `index` (from a [`ModifierForm`]).
    pub fn word(&self, index: u32) -> &str {
        self.words.get(index as usize).map_or("", |w| w)
    }

    /// Whether `word` is in the lexicon as written.
    pub fn contains(&self, word: &str) -> bool {
        self.known.contains(word)
    }

    /// Whether `stem` is the Snowball stem of a lexicon word.
    pub fn contains_stem(&self, stem: &str) -> bool {
        self.stems.contains(stem)
    }

    /// The lexicon word `form` stands for when it is the first part of a compound.
    pub fn modifier(&self, form: &str) -> Option<ModifierForm> {
        self.modifiers.get(form).copied()
    }

    /// Whether `head` starts like some lexicon word (necessary for it to be a head).
    pub fn may_be_head(&self, head: &str) -> bool {
        self.head_prefixes.contains(head_prefix(head))
    }

    /// Whether `form` may never be the head of a compound (a derivational suffix).
    pub fn is_never_head(&self, form: &str) -> bool {
        self.never_heads.contains(form)
    }
}

/// The first [`MIN_HEAD_CHARS`] characters of `word` (all of it when shorter).
fn head_prefix(word: &str) -> &str {
    word.char_indices()
        .nth(MIN_HEAD_CHARS)
        .map_or(word, |(end, _)| &word[..end])
}
