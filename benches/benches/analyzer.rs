//! Analyzer throughput: the Danish analyzer with compound splitting against plain stemming, on
//! the plain text of the reference corpus (`../shared/corpus-reference/*.txt`, first 2 MB), or
//! on a small built-in sample when that folder is absent.
//!
//! Run: `cargo bench -p policymatch-benches --bench analyzer`. `compound_splitting` reuses one
//! analyzer, as indexing does; `compound_splitting_cold` builds a new one per run, so its
//! memo of word splits starts empty. Throughput is given in source
//! words (the plain analyzer's token count) per second for both, so the two figures compare
//! the same input.

use std::path::PathBuf;
use std::time::Instant;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use policymatch_core::analysis::{
    Lexicon, danish_analyzer, danish_analyzer_with, stemming_analyzer,
};
use std::sync::Arc;
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

/// CPU time of this thread in nanoseconds, where Linux reports it.
fn cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
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
    // Shared machines are noisy: also report the ratio of the fastest of interleaved runs, in
    // this thread's CPU time when Linux tells it (/proc/thread-self/schedstat), else wall time.
    let mut empty = danish_analyzer_with(Arc::new(Lexicon::empty()));
    let empty_tokens = count_tokens(&mut empty, &text);
    let mut best = [u64::MAX; 3];
    for _ in 0..15 {
        for (slot, analyzer, expected) in [
            (0, &mut plain, words),
            (1, &mut split, split_tokens),
            (2, &mut empty, empty_tokens),
        ] {
            let start = (cpu_ns(), Instant::now());
            assert_eq!(count_tokens(analyzer, &text), expected);
            let spent = match (start.0, cpu_ns()) {
                (Some(from), Some(to)) => to.saturating_sub(from),
                _ => start.1.elapsed().as_nanos() as u64,
            };
            best[slot] = best[slot].min(spent);
        }
    }
    let per_second = |ns: u64| words as f64 * 1e9 / ns.max(1) as f64;
    eprintln!(
        "fastest of 15 interleaved runs ({} time): plain {:.0} words/s, splitting {:.0} words/s, \
         cost ratio {:.2}; without a lexicon (tokenizer and filter overhead) ratio {:.2}",
        if cpu_ns().is_some() { "CPU" } else { "wall" },
        per_second(best[0]),
        per_second(best[1]),
        best[1] as f64 / best[0] as f64,
        best[2] as f64 / best[0] as f64,
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
    // A fresh analyzer per run: includes filling the splitter's memo of word splits.
    group.bench_function("compound_splitting_cold", |b| {
        b.iter(|| assert_eq!(count_tokens(&mut danish_analyzer(), &text), split_tokens));
    });
    group.finish();
}

criterion_group!(benches, bench_analyzer);
criterion_main!(benches);
