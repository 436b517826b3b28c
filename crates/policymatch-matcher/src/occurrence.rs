//! Where the words of a passage stand: each stem's word positions and byte ranges, read from a
//! token stream (or from the index's postings, see [`crate::gather`]). Ranking
//! ([`crate::features`]) and the stages of life ([`crate::stage`]) both read it; neither depends
//! on the other for it.

use crate::query::Token;
use std::collections::HashMap;

/// Where a stem occurs in a token stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Occurrence {
    /// Word position.
    pub position: usize,
    /// Byte range in the text (0..0 when read from the index, which keeps positions only).
    pub from: usize,
    /// See `from`.
    pub to: usize,
}

/// Occurrences of stems in a token stream.
pub(crate) type Occurrences = HashMap<String, Vec<Occurrence>>;

pub(crate) fn occurrences(tokens: &[Token]) -> Occurrences {
    let mut occ: Occurrences = HashMap::new();
    for t in tokens {
        occ.entry(t.text.clone()).or_default().push(Occurrence {
            position: t.position,
            from: t.from,
            to: t.to,
        });
    }
    occ
}
