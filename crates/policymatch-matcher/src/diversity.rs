//! Near-duplicate detection: the same case text appears in several committees' minutes.
//!
//! Passages are compared by their word 3-shingles: two passages are near-duplicates when the
//! Jaccard similarity of their shingle sets is at least [`JACCARD`], or when the smaller set
//! (of at least [`MIN_CONTAINED`] shingles) lies almost entirely ([`CONTAINMENT`]) inside the
//! larger (page breaks cut the same text into passages differently).

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

/// Jaccard similarity from which two passages are the same text.
pub const JACCARD: f32 = 0.6;
/// Share of the smaller passage's shingles inside the larger one from which it is a copy.
pub const CONTAINMENT: f32 = 0.85;
/// Smallest shingle count for the containment rule (short passages need the Jaccard rule).
pub const MIN_CONTAINED: usize = 12;

/// The hashed word 3-shingles of `text` (lower-cased, punctuation ignored); a text of
/// fewer than three words gives one shingle of all its words.
pub fn shingles(text: &str) -> HashSet<u64> {
    let words: Vec<String> = crate::intent::words(text)
        .into_iter()
        .map(|(w, _, _)| w)
        .collect();
    let hash = |ws: &[String]| {
        let mut h = DefaultHasher::new();
        ws.hash(&mut h);
        h.finish()
    };
    if words.len() < 3 {
        return if words.is_empty() {
            HashSet::new()
        } else {
            HashSet::from([hash(&words)])
        };
    }
    words.windows(3).map(hash).collect()
}

/// Whether two shingle sets are the same text.
pub fn near_duplicate(a: &HashSet<u64>, b: &HashSet<u64>) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let common = a.intersection(b).count();
    let union = a.len() + b.len() - common;
    let smaller = a.len().min(b.len());
    common as f32 / union as f32 >= JACCARD
        || (smaller >= MIN_CONTAINED && common as f32 / smaller as f32 >= CONTAINMENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASE: &str = "Sundheds- og Omsorgsudvalget godkendte fordelingen af puljen til \
        frivilligt socialt arbejde for ældre, som skal forebygge ensomhed og isolation blandt \
        hjemmeboende ældre borgere i kommunen.";

    #[test]
    fn identical_text_is_a_duplicate() {
        assert!(near_duplicate(&shingles(CASE), &shingles(CASE)));
    }

    #[test]
    fn case_and_spacing_do_not_matter() {
        let other = CASE.to_uppercase().replace(' ', "  ");
        assert!(near_duplicate(&shingles(CASE), &shingles(&other)));
    }

    #[test]
    fn a_cut_copy_is_a_duplicate() {
        let cut = &CASE[..CASE.find("isolation").unwrap()];
        let longer = format!("{CASE} Sagen behandles også i Social- og Handicapudvalget.");
        assert!(near_duplicate(&shingles(cut), &shingles(&longer)));
    }

    #[test]
    fn different_texts_are_not() {
        let other = "Kultur- og Fritidsudvalget drøftede lån af idrætshallen til foreningerne \
                     og bad om en revision af reglerne for lokaleudlån i kommunen.";
        assert!(!near_duplicate(&shingles(CASE), &shingles(other)));
        assert!(!near_duplicate(&shingles(""), &shingles("")));
    }
}
