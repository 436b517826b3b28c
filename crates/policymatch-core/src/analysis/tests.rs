//! Table-driven analyzer tests, Snowball conformance and property tests.

use std::collections::BTreeSet;
use std::path::PathBuf;

use proptest::prelude::*;
use tantivy::tokenizer::{Language, RawTokenizer, Stemmer, TextAnalyzer, TokenStream};

use super::{AnalyzedToken, analyze, stemming_analyzer};

/// Distinct token texts, sorted.
fn token_set(text: &str) -> BTreeSet<String> {
    analyze(text).into_iter().map(|t| t.text).collect()
}

/// Asserts that `text` yields exactly `want` (as a set), printing missing and extra tokens.
fn check_tokens(text: &str, want: &[&str]) -> Result<(), String> {
    let got = token_set(text);
    let want: BTreeSet<String> = want.iter().map(|s| s.to_string()).collect();
    if got == want {
        return Ok(());
    }
    let missing: Vec<_> = want.difference(&got).collect();
    let extra: Vec<_> = got.difference(&want).collect();
    Err(format!(
        "{text:?}\n    missing {missing:?}\n    extra   {extra:?}\n    got     {got:?}"
    ))
}

fn run_table(cases: &[(&str, &[&str])]) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(text, want)| check_tokens(text, want).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn compounds_keep_the_word_and_add_part_stems() {
    run_table(&[
        ("ensomhedsindsats", &["ensomhedsindsat", "ensom", "indsat"]),
        ("sundhedspolitik", &["sundhedspolitik", "sund", "politik"]),
        ("børnepolitikken", &["børnepolitik", "børn", "politik"]),
        ("ungdomsuddannelse", &["ungdomsuddan", "ungdom", "uddan"]),
        ("kulturudvalget", &["kulturudvalg", "kultur", "udvalg"]),
        // Three parts: the inner sub-compounds are emitted too.
        (
            "ungdomsuddannelsesvejledning",
            &[
                "ungdomsuddannelsesvejledning",
                "ungdom",
                "uddan",
                "vejledning",
                "ungdomsuddan",
                "uddannelsesvejledning",
            ],
        ),
        // The stemmer is inconsistent on "væsen"/"væsenet"; the head is found by its ending.
        ("sundhedsvæsenet", &["sundhedsvæsen", "sund", "væsen"]),
        // Nouns made from lexicon verbs are heads ("sortere" → "sortering").
        (
            "affaldssortering",
            &["affaldssortering", "affald", "sortering"],
        ),
        (
            "samarbejdsaftale",
            &["samarbejdsaftal", "samarbejd", "aftal"],
        ),
    ]);
}

#[test]
fn non_compounds_yield_one_token() {
    run_table(&[
        ("forening", &["forening"]),
        ("fællesskab", &["fællesskab"]),
        ("indsats", &["indsat"]),
        ("tilskud", &["tilskud"]),
        ("samarbejde", &["samarbejd"]),
        ("medarbejder", &["medarbejd"]),
        ("foreningen", &["forening"]),
        ("vejledningen", &["vejledning"]),
    ]);
}

#[test]
fn suspended_compounds_expand() {
    run_table(&[
        (
            "Social- og Handicapudvalget",
            &[
                "socialudvalg",
                "social",
                "handicapudvalg",
                "handicap",
                "udvalg",
            ],
        ),
        (
            "børne- og ungepolitikken",
            &["børnepolitik", "børn", "ungepolitik", "ung", "politik"],
        ),
        ("slut-", &["slut"]),
    ]);
}

#[test]
fn parts_share_the_word_position_and_offsets() {
    let tokens = analyze("styrke ensomhedsindsats");
    let compound: Vec<&AnalyzedToken> = tokens.iter().filter(|t| t.offset_from == 7).collect();
    assert_eq!(compound.len(), 3, "{tokens:?}");
    assert!(
        compound
            .iter()
            .all(|t| t.position == 1 && t.offset_to == 23),
        "{tokens:?}"
    );
    assert_eq!(
        compound[0].text, "ensomhedsindsat",
        "the whole word comes first"
    );
}

#[test]
fn query_and_document_sides_meet() {
    let query = token_set("ensomhed");
    let document = token_set("ensomhedsindsats");
    assert!(query.is_subset(&document));
    let query = token_set("ensomhedsindsats");
    let document = token_set("indsats mod ensomhed");
    assert!(
        document.iter().all(|t| query.contains(t)),
        "{query:?} vs {document:?}"
    );
}

#[test]
fn keeps_danish_letters() {
    run_table(&[("Ældre Øer Åer", &["ældr", "øer", "åer"])]);
}

fn snowball_reference() -> Option<PathBuf> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/danish/snowball-da.tsv");
    path.exists().then_some(path)
}

#[test]
fn stemmer_step_conforms_to_snowball_reference() {
    let Some(path) = snowball_reference() else {
        eprintln!("skipping Snowball conformance: ../shared/danish/snowball-da.tsv not found");
        return;
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!(
            "skipping Snowball conformance: cannot read {}",
            path.display()
        );
        return;
    };
    let mut stemmer = TextAnalyzer::builder(RawTokenizer::default())
        .filter(Stemmer::new(Language::Danish))
        .build();
    let reference = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Danish);
    let (mut total, mut pipeline_ok, mut splitter_ok) = (0, 0, 0);
    let mut mismatches = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let Some((word, stem)) = line.split_once('\t') else {
            continue;
        };
        total += 1;
        let mut stream = stemmer.token_stream(word);
        let got = stream.next().map(|t| t.text.clone()).unwrap_or_default();
        if got == stem {
            pipeline_ok += 1;
        } else if mismatches.len() < 5 {
            mismatches.push(format!("{word}: {got} != {stem}"));
        }
        if reference.stem(word) == stem {
            splitter_ok += 1;
        }
    }
    eprintln!(
        "Snowball conformance: pipeline stemmer {pipeline_ok}/{total}, splitter stemmer \
         (rust-stemmers) {splitter_ok}/{total}; first mismatches {mismatches:?}"
    );
    assert!(
        pipeline_ok >= 13_824,
        "pipeline stemmer {pipeline_ok}/{total}: {mismatches:?}"
    );
    assert!(splitter_ok >= 13_824, "rust-stemmers {splitter_ok}/{total}");
}

#[test]
fn plain_analyzer_does_not_split() {
    let mut analyzer = stemming_analyzer();
    let mut stream = analyzer.token_stream("ensomhedsindsats");
    let mut count = 0;
    while stream.next().is_some() {
        count += 1;
    }
    assert_eq!(count, 1);
}

proptest! {
    #[test]
    fn never_panics_and_offsets_are_char_boundaries(text in "\\PC{0,80}") {
        for t in analyze(&text) {
            prop_assert!(t.offset_from <= t.offset_to && t.offset_to <= text.len());
            prop_assert!(text.is_char_boundary(t.offset_from) && text.is_char_boundary(t.offset_to));
            prop_assert!(!t.text.is_empty());
        }
    }

    #[test]
    fn danish_like_text_never_panics(text in "[a-zæøåA-ZÆØÅ -]{0,60}") {
        for t in analyze(&text) {
            prop_assert!(t.offset_to <= text.len() && text.is_char_boundary(t.offset_from));
        }
    }
}
