//! Near-duplicate detection: the same case text appears in several committees' minutes.
//!
//! Passages are compared by their word 3-shingles: two passages are near-duplicates when the
//! Jaccard similarity of their shingle sets is at least
//! [`DiversityConfig::jaccard`], or when the smaller set (of at least
//! [`DiversityConfig::min_contained`] shingles) lies almost entirely
//! ([`DiversityConfig::containment`]) inside the larger (page breaks cut the same text into
//! passages differently).

use crate::config::DiversityConfig;

/// The distinct hashed shingles of a text, sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shingles(Vec<u64>);

impl Shingles {
    /// Number of distinct shingles.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none (an empty text).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Shingles found in both.
    pub fn common(&self, other: &Shingles) -> usize {
        let (mut i, mut j, mut n) = (0, 0, 0);
        while let (Some(a), Some(b)) = (self.0.get(i), other.0.get(j)) {
            match a.cmp(b) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    n += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        n
    }
}

/// FNV-1a over the words of a shingle, each followed by a separator byte: a fixed,
/// fast hash (the sets are compared within one process, never stored).
fn hash(words: &[String]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in words {
        for b in w.bytes().chain(std::iter::once(0xff)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The hashed word 3-shingles of `text` (lower-cased, punctuation ignored); a text of
/// fewer than three words gives one shingle of all its words.
pub fn shingles(text: &str) -> Shingles {
    let words: Vec<String> = crate::intent::words(text)
        .into_iter()
        .map(|(w, _, _)| w)
        .collect();
    let mut out: Vec<u64> = if words.len() < 3 {
        if words.is_empty() {
            Vec::new()
        } else {
            vec![hash(&words)]
        }
    } else {
        words.windows(3).map(hash).collect()
    };
    out.sort_unstable();
    out.dedup();
    Shingles(out)
}

/// Whether two shingle sets are the same text under the thresholds of `cfg`.
pub fn near_duplicate(a: &Shingles, b: &Shingles, cfg: &DiversityConfig) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let common = a.common(b);
    let union = a.len() + b.len() - common;
    let smaller = a.len().min(b.len());
    common as f32 / union as f32 >= cfg.jaccard
        || (smaller >= cfg.min_contained && common as f32 / smaller as f32 >= cfg.containment)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASE: &str = "Sundheds- og Omsorgsudvalget godkendte fordelingen af puljen til \
        frivilligt socialt arbejde for ældre, som skal forebygge ensomhed og isolation blandt \
        hjemmeboende ældre borgere i kommunen.";

    #[test]
    fn identical_text_is_a_duplicate() {
        assert!(near_duplicate(
            &shingles(CASE),
            &shingles(CASE),
            &DiversityConfig::default()
        ));
    }

    #[test]
    fn case_and_spacing_do_not_matter() {
        let other = CASE.to_uppercase().replace(' ', "  ");
        assert!(near_duplicate(
            &shingles(CASE),
            &shingles(&other),
            &DiversityConfig::default()
        ));
    }

    #[test]
    fn a_cut_copy_is_a_duplicate() {
        let cut = &CASE[..CASE.find("isolation").unwrap()];
        let longer = format!("{CASE} Sagen behandles også i Social- og Handicapudvalget.");
        assert!(near_duplicate(
            &shingles(cut),
            &shingles(&longer),
            &DiversityConfig::default()
        ));
    }

    #[test]
    fn different_texts_are_not() {
        let other = "Kultur- og Fritidsudvalget drøftede lån af idrætshallen til foreningerne \
                     og bad om en revision af reglerne for lokaleudlån i kommunen.";
        assert!(!near_duplicate(
            &shingles(CASE),
            &shingles(other),
            &DiversityConfig::default()
        ));
        assert!(!near_duplicate(
            &shingles(""),
            &shingles(""),
            &DiversityConfig::default()
        ));
    }
}
