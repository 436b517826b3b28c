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

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a over the bytes of `c`.
fn fnv_char(mut h: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    for b in c.encode_utf8(&mut buf).bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// The hash of each word of `text` (a run of letters and digits, lower-cased): FNV-1a over
/// its bytes, read without building the words (ranking compares hundreds of passages per
/// query).
fn word_hashes(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut h: Option<u64> = None;
    for c in text.chars() {
        if c.is_alphanumeric() {
            let mut v = h.unwrap_or(FNV_OFFSET);
            if c.is_ascii() {
                v = fnv_char(v, c.to_ascii_lowercase());
            } else {
                for l in c.to_lowercase() {
                    v = fnv_char(v, l);
                }
            }
            h = Some(v);
        } else if let Some(v) = h.take() {
            out.push(v);
        }
    }
    out.extend(h);
    out
}

/// A fixed, fast hash of a run of word hashes (the sets are compared within one process,
/// never stored).
fn combine(words: &[u64]) -> u64 {
    words.iter().fold(FNV_OFFSET, |h, &w| {
        (h ^ w).wrapping_mul(FNV_PRIME).rotate_left(23)
    })
}

/// The hashed word 3-shingles of `text` (lower-cased, punctuation ignored); a text of
/// fewer than three words gives one shingle of all its words.
pub fn shingles(text: &str) -> Shingles {
    let words = word_hashes(text);
    let mut out: Vec<u64> = if words.len() < 3 {
        if words.is_empty() {
            Vec::new()
        } else {
            vec![combine(&words)]
        }
    } else {
        words.windows(3).map(combine).collect()
    };
    out.sort_unstable();
    out.dedup();
    Shingles(out)
}

/// Whether sets of `a` and `b` shingles with `common` in common are the same text.
fn same_text(a: usize, b: usize, common: usize, cfg: &DiversityConfig) -> bool {
    if a == 0 || b == 0 {
        return false;
    }
    let union = a + b - common;
    let smaller = a.min(b);
    common as f32 / union as f32 >= cfg.jaccard
        || (smaller >= cfg.min_contained && common as f32 / smaller as f32 >= cfg.containment)
}

/// The shingle sets of the passages picked so far, indexed by shingle, so that a candidate
/// is compared with all of them in one pass over its own shingles.
#[derive(Debug, Clone, Default)]
pub struct Kept {
    sizes: Vec<usize>,
    by_shingle: std::collections::HashMap<u64, Vec<u32>>,
}

impl Kept {
    /// Adds a picked passage's shingles; it is numbered in the order added, from 0.
    pub fn push(&mut self, sh: &Shingles) {
        let id = u32::try_from(self.sizes.len()).unwrap_or(u32::MAX);
        self.sizes.push(sh.len());
        for &s in &sh.0 {
            self.by_shingle.entry(s).or_default().push(id);
        }
    }

    /// The first picked passage (by number) that `sh` is a near-duplicate of, under `cfg`
    /// (as [`near_duplicate`] judges it).
    pub fn first_duplicate(&self, sh: &Shingles, cfg: &DiversityConfig) -> Option<usize> {
        if sh.is_empty() || self.sizes.is_empty() {
            return None;
        }
        let mut common = vec![0usize; self.sizes.len()];
        for s in &sh.0 {
            for &id in self.by_shingle.get(s).into_iter().flatten() {
                if let Some(c) = common.get_mut(id as usize) {
                    *c += 1;
                }
            }
        }
        (0..self.sizes.len()).find(|&i| same_text(self.sizes[i], sh.len(), common[i], cfg))
    }
}

/// Whether two shingle sets are the same text under the thresholds of `cfg`.
pub fn near_duplicate(a: &Shingles, b: &Shingles, cfg: &DiversityConfig) -> bool {
    same_text(a.len(), b.len(), a.common(b), cfg)
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
    fn the_kept_index_finds_the_first_duplicate_as_the_pairwise_test_does() {
        let cfg = DiversityConfig::default();
        let other = "Kultur- og Fritidsudvalget drøftede lån af idrætshallen til foreningerne \
                     og bad om en revision af reglerne for lokaleudlån i kommunen.";
        let longer = format!("{CASE} Sagen behandles også i Social- og Handicapudvalget.");
        let picked = [shingles(other), shingles(&longer), shingles(CASE)];
        let mut kept = Kept::default();
        for p in &picked {
            kept.push(p);
        }
        for text in [
            CASE,
            other,
            longer.as_str(),
            "Helt andre ord her i teksten.",
            "",
        ] {
            let sh = shingles(text);
            let pairwise = picked.iter().position(|k| near_duplicate(k, &sh, &cfg));
            assert_eq!(kept.first_duplicate(&sh, &cfg), pairwise, "{text}");
        }
        assert_eq!(kept.first_duplicate(&shingles(CASE), &cfg), Some(1));
    }

    #[test]
    fn words_are_runs_of_letters_and_digits_in_any_case() {
        assert_eq!(word_hashes("Ældre, ÆLDRE og 2027!"), {
            let w = word_hashes("ældre ældre og 2027");
            assert_eq!(w.len(), 4);
            w
        });
        assert_eq!(word_hashes(" -- "), Vec::<u64>::new());
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
