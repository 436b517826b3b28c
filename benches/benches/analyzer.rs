//! Analyzer throughput: the Danish analyzer with compound splitting against plain stemming, on
//! the plain text of the reference corpus (`../shared/corpus-reference/*.txt`, first 2 MB), or
//! on a small built-in sample when that folder is absent.
//!
//! Run: `cargo bench -p policymatch-benches --bench analyzer`. Throughput is given in source
//! words (the plain analyzer's token count) per second for both, so the two figures compare
//! the same input.

use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use policymatch_core::analysis::{danish_analyzer, stemming_analyzer};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

const MAX_BYTES: usize = 2 << 20;

const SAMPLE: &str = "Social- og Handicapudvalget drøftede ensomhedsindsatsen og \
    sundhedspolitikken. Foreningerne og de frivillige i fællesskabet styrker samarbejdet om \
    besøgsvenner, fællesspisning og aktiviteter for ældre borgere i lokalsamfundet.\n";

fn corpus() -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus-reference");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    let mut text = String::new();
    for file in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "txt"))
    {
        if let Ok(content) = std::fs::read_to_string(file) {
            text.push_str(&content);
            text.push('\n');
        }
        if text.len() >= MAX_BYTES {
            break;
        }
    }
    if text.is_empty() {
        eprintln!(
            "{} not found; benchmarking the built-in sample",
            dir.display()
        );
        text = SAMPLE.repeat(2000);
    }
    text
}

fn count_tokens(analyzer: &mut TextAnalyzer, text: &str) -> usize {
    let mut stream = analyzer.token_stream(text);
    let mut count = 0;
    while stream.advance() {
        count += 1;
    }
    count
}

fn bench_analyzer(c: &mut Criterion) {
    let text = corpus();
    let mut plain = stemming_analyzer();
    let mut split = danish_analyzer();
    let words = count_tokens(&mut plain, &text);
    let split_tokens = count_tokens(&mut split, &text);
    eprintln!(
        "corpus: {} bytes, {words} words, {split_tokens} tokens with compound splitting",
        text.len()
    );
    let mut group = c.benchmark_group("analyzer");
    group.throughput(Throughput::Elements(words as u64));
    group.sample_size(10);
    group.bench_function("plain_stemming", |b| {
        b.iter(|| assert_eq!(count_tokens(&mut plain, &text), words));
    });
    group.bench_function("compound_splitting", |b| {
        b.iter(|| assert_eq!(count_tokens(&mut split, &text), split_tokens));
    });
    group.finish();
}

criterion_group!(benches, bench_analyzer);
criterion_main!(benches);
