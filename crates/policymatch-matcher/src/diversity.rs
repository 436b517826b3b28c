//! Near-duplicate detection: the same case text appears in several committees' minutes.
//!
//! Passages are compared by their word 3-shingles: two passages are near-duplicates when the
//! Jaccard similarity of their shingle sets is at least
//! [`DiversityConfig::jaccard`], or when the smaller set (of at least
//! [`DiversityConfig::min_contained`] shingles) lies almost entirely
//! ([`DiversityConfig::containment`]) inside the larger (page breaks cut the same text into
//! passages differently).
//!
//! It is also the ranking's last stage (`pick`): what is shown once, and what is listed
//! under another suggestion.

use crate::candidate::Candidate;
use crate::config::DiversityConfig;
use crate::suggestion::Place;
use std::collections::HashMap;

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

/// A picked candidate and the other places of its text (or of its agenda item).
pub(crate) type Picked = (Candidate, Vec<Place>);

/// The last stage: picks at most `top` suggestions from `ranked` (best first). A
/// near-duplicate of one already picked joins its `also_in` (best first, one place per other
/// document; a PDF place takes the lead from an unpaged one, and the group keeps its best
/// score); a page gives at most [`DiversityConfig::per_page`] suggestions, and a page listed
/// under one suggestion is listed nowhere else and gives none (a later passage of it lends
/// its copies elsewhere to the same suggestion); with
/// [`DiversityConfig::per_item`] set, an agenda item's pages beyond its share are listed
/// under its best suggestion, marked [`Place::same_item`].
pub(crate) fn pick(ranked: Vec<Candidate>, top: usize, cfg: &DiversityConfig) -> Vec<Picked> {
    let mut out: Vec<Picked> = Vec::new();
    let mut kept = Kept::default();
    // the suggestion each kept text belongs to, by its number in `kept`
    let mut owner: Vec<usize> = Vec::new();
    let mut per_page: HashMap<(String, u64), usize> = HashMap::new();
    // the suggestion under which a page is listed as a place: a reader opens a page once, so
    // it is listed nowhere else, and is no suggestion of its own
    let mut placed: HashMap<(String, u64), usize> = HashMap::new();
    // each agenda item's first suggestion and how many it has
    let mut per_item: HashMap<(String, String), (usize, Vec<u64>)> = HashMap::new();
    let shingles = crate::par::map(&ranked, |c| shingles(&c.passage.text));
    for (c, sh) in ranked.into_iter().zip(shingles) {
        let passage = &c.passage;
        let key = (passage.document.path.clone(), passage.page);
        let shown = placed.contains_key(&key) || per_page.get(&key).is_some_and(|&n| n > 0);
        if let Some(i) = kept
            .first_duplicate(&sh, cfg)
            .and_then(|k| owner.get(k).copied())
        {
            // one place per document: the same text again in one document adds nothing, and
            // neither does a page shown already
            let (lead, also_in) = &mut out[i];
            let here = &passage.document.path;
            let known = shown
                || &lead.passage.document.path == here
                || also_in.iter().any(|p| &p.path == here);
            if !known && paged(here) && !paged(&lead.passage.document.path) {
                // show the place a reader can open at a page (the PDF of a meeting rather
                // than its agenda-system export), observed as itself; the group keeps its
                // best score
                *per_page.entry(key).or_default() += 1;
                lead.seen = c.seen;
                let old = std::mem::replace(&mut lead.passage, c.passage);
                placed.insert((old.document.path.clone(), old.page), i);
                also_in.insert(
                    0,
                    Place {
                        path: old.document.path,
                        page: old.page,
                        title: old.document.title,
                        same_item: false,
                    },
                );
                continue;
            }
            if !known {
                placed.insert(key, i);
                also_in.push(Place {
                    path: passage.document.path.clone(),
                    page: passage.page,
                    title: passage.document.title.clone(),
                    same_item: false,
                });
            }
            continue;
        }
        if let Some(&i) = placed.get(&key) {
            // another passage of a page listed under a suggestion: the reader has the page
            // already; its copies elsewhere are listed under the same suggestion
            kept.push(&sh);
            owner.push(i);
            continue;
        }
        // an agenda item already shown on as many pages as it may be: a further page of it is
        // listed under the item's best suggestion (another passage of a page it shows is
        // judged by the page's own share below)
        let item = passage
            .facts
            .item
            .as_ref()
            .map(|i| (passage.document.path.clone(), i.clone()));
        if let Some(item_key) = item.as_ref().filter(|_| cfg.per_item > 0)
            && let Some(&lead) = per_item
                .get(item_key)
                .filter(|l| l.1.len() >= cfg.per_item && !l.1.contains(&passage.page))
                .map(|l| &l.0)
        {
            if !shown {
                placed.insert(key, lead);
                out[lead].1.push(Place {
                    path: passage.document.path.clone(),
                    page: passage.page,
                    title: passage.document.title.clone(),
                    same_item: true,
                });
            }
            continue;
        }
        if out.len() >= top {
            continue;
        }
        let n = per_page.entry(key).or_default();
        if *n >= cfg.per_page {
            continue;
        }
        *n += 1;
        if let Some(item_key) = item {
            let e = per_item.entry(item_key).or_insert((out.len(), Vec::new()));
            if !e.1.contains(&passage.page) {
                e.1.push(passage.page);
            }
        }
        kept.push(&sh);
        owner.push(out.len());
        out.push((c, Vec::new()));
    }
    out
}

/// Whether `path` is a paged document (a PDF), whose page numbers a reader can open.
fn paged(path: &str) -> bool {
    std::path::Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
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

    fn passage(
        path: &str,
        page: u64,
        item: Option<&str>,
        text: &str,
    ) -> policymatch_core::index::records::PassageRecord {
        policymatch_core::index::records::PassageRecord {
            document: policymatch_core::index::records::DocInfo {
                path: path.into(),
                doc_id: format!("{path}#{}", item.unwrap_or_default()),
                title: "Dagsorden".into(),
                ..Default::default()
            },
            page,
            heading: String::new(),
            text: text.into(),
            span: (0, 0),
            ordinal: page,
            run: 1,
            facts: policymatch_core::document::Facts {
                item: item.map(str::to_string),
                ..Default::default()
            },
            marks: None,
        }
    }

    #[test]
    fn an_agenda_item_beyond_its_share_is_listed_under_its_best_page() {
        let texts = [
            "Puljen til frivilligt socialt arbejde fordeles efter ansøgning i foråret.",
            "Ældrerådet har afgivet høringssvar om værdighedspolitikken i maj måned.",
            "Besøgsvennerne mødes hver tirsdag i medborgerhuset ved biblioteket.",
            "Kommunen vil styrke samarbejdet med foreningerne om fællesspisning.",
        ];
        let scored = || -> Vec<Candidate> {
            [(3, "5", 0), (4, "5", 1), (9, "7", 2), (5, "5", 3)]
                .into_iter()
                .map(|(page, item, text)| {
                    Candidate::retrieved(
                        passage("m.pdf", page, Some(item), texts[text]),
                        Default::default(),
                        1.0,
                        Default::default(),
                        0.0,
                    )
                })
                .collect()
        };
        let pages = |picked: &[Picked]| -> Vec<(u64, Vec<(u64, bool)>)> {
            picked
                .iter()
                .map(|(c, also)| {
                    let also = also.iter().map(|a| (a.page, a.same_item)).collect();
                    (c.passage.page, also)
                })
                .collect()
        };
        // no limit: every page is its own suggestion
        let open = DiversityConfig {
            per_item: 0,
            ..DiversityConfig::default()
        };
        let all = pick(scored(), 10, &open);
        assert_eq!(
            pages(&all),
            [(3, vec![]), (4, vec![]), (9, vec![]), (5, vec![])]
        );
        // one per item: item 5's further pages come under its best, in score order
        let one = DiversityConfig {
            per_item: 1,
            ..open
        };
        let picked = pick(scored(), 10, &one);
        assert_eq!(
            pages(&picked),
            [(3, vec![(4, true), (5, true)]), (9, vec![])]
        );
    }

    #[test]
    fn a_page_listed_under_one_suggestion_is_shown_nowhere_else() {
        let case = "Sundheds- og Omsorgsudvalget godkendte fordelingen af puljen til frivilligt \
            socialt arbejde for ældre, som skal forebygge ensomhed og isolation blandt \
            hjemmeboende ældre borgere i kommunen.";
        let other = "Besøgsvennerne mødes hver tirsdag i medborgerhuset ved biblioteket, og \
            kommunen vil styrke samarbejdet med foreningerne om fællesspisning for ældre.";
        let retrieved = |path: &str, page: u64, text: &str| {
            Candidate::retrieved(
                passage(path, page, None, text),
                Default::default(),
                1.0,
                Default::default(),
                0.0,
            )
        };
        let ranked = vec![
            // the case text in one committee's minutes, then the same text in another's
            retrieved("a.pdf", 3, case),
            retrieved("b.pdf", 7, case),
            // another passage of the page listed under the first suggestion
            retrieved("b.pdf", 7, other),
            // a copy of that passage elsewhere: listed under the same suggestion
            retrieved("c.pdf", 2, other),
            // and a third copy of the case text in a document already listed
            retrieved("b.pdf", 7, case),
        ];
        let picked = pick(ranked, 10, &DiversityConfig::default());
        let shown: Vec<String> = picked
            .iter()
            .map(|(c, also)| {
                let also: Vec<String> = also
                    .iter()
                    .map(|a| format!("{}:{}", a.path, a.page))
                    .collect();
                format!(
                    "{}:{} [{}]",
                    c.passage.document.path,
                    c.passage.page,
                    also.join(" ")
                )
            })
            .collect();
        assert_eq!(shown, ["a.pdf:3 [b.pdf:7 c.pdf:2]"]);
    }
}
