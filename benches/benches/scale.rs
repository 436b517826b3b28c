//! Scale benchmark: a generated corpus of 1×, 10× and 100× the real corpus's passages, indexed
//! by the real `policymatch` binary; reports index time, index size, peak memory of the index
//! process, and in-process suggest latency (p50 over the dev profiles), each with how it grows
//! against 1×.
//!
//! The text is the real corpus text (`../shared/corpus-reference`), varied per copy so that it is
//! not a repeat: each copy is assigned another Danish municipality name in place of the
//! original's, numbers are shifted, and the sentences of each paragraph are rotated. Baselines
//! measured in the same run: BM25 `PolicyIndex::search` over the profile text (for suggest), and
//! pdftotext-free text indexing time at 1× (for growth).
//!
//! Run: `cargo build --release -p policymatch-cli && cargo bench --bench scale`.
//! `POLICYMATCH_SCALE=1,10,100` chooses the factors (default `1,10`); 100× needs ~1 GB of disk
//! and takes long. `POLICYMATCH_SCALE_DIR=DIR` keeps the generated corpora and indexes in DIR,
//! and a later run reuses them to measure search alone.

use policymatch_core::index::PolicyIndex;
use policymatch_core::index::search::Filters;
use policymatch_matcher::{Matcher, Options, Profile};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const MUNICIPALITIES: &[&str] = &[
    "Albertslund",
    "Allerød",
    "Assens",
    "Ballerup",
    "Billund",
    "Bornholm",
    "Brøndby",
    "Brønderslev",
    "Dragør",
    "Egedal",
    "Esbjerg",
    "Fanø",
    "Favrskov",
    "Faxe",
    "Fredensborg",
    "Fredericia",
    "Frederiksberg",
    "Frederikshavn",
    "Frederikssund",
    "Furesø",
    "Faaborg-Midtfyn",
    "Gentofte",
    "Gladsaxe",
    "Glostrup",
    "Greve",
    "Gribskov",
    "Guldborgsund",
    "Haderslev",
    "Halsnæs",
    "Hedensted",
    "Helsingør",
    "Herlev",
    "Herning",
    "Hillerød",
    "Hjørring",
    "Holbæk",
    "Holstebro",
    "Horsens",
    "Hvidovre",
    "Høje-Taastrup",
    "Hørsholm",
    "Ikast-Brande",
    "Ishøj",
    "Jammerbugt",
    "Kalundborg",
    "Kerteminde",
    "Kolding",
    "København",
    "Køge",
    "Langeland",
    "Lejre",
    "Lemvig",
    "Lolland",
    "Lyngby-Taarbæk",
    "Læsø",
    "Mariagerfjord",
    "Middelfart",
    "Morsø",
    "Norddjurs",
    "Nordfyns",
    "Nyborg",
    "Næstved",
    "Odder",
    "Odense",
    "Odsherred",
    "Randers",
    "Rebild",
    "Ringkøbing-Skjern",
    "Ringsted",
    "Roskilde",
    "Rudersdal",
    "Rødovre",
    "Samsø",
    "Silkeborg",
    "Skanderborg",
    "Skive",
    "Slagelse",
    "Solrød",
    "Sorø",
    "Stevns",
    "Struer",
    "Svendborg",
    "Syddjurs",
    "Sønderborg",
    "Thisted",
    "Tønder",
    "Tårnby",
    "Vallensbæk",
    "Varde",
    "Vejen",
    "Vejle",
    "Vesthimmerlands",
    "Viborg",
    "Vordingborg",
    "Ærø",
    "Aabenraa",
    "Aalborg",
    "Aarhus",
];

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared")
}

fn vary(text: &str, copy: usize) -> String {
    let name = MUNICIPALITIES[copy % MUNICIPALITIES.len()];
    let mut out = String::with_capacity(text.len() + 64);
    for para in text.split("\n\n") {
        let sentences: Vec<&str> = para.split_inclusive(". ").collect();
        let n = sentences.len().max(1);
        for i in 0..sentences.len() {
            out.push_str(sentences[(i + copy) % n]);
        }
        out.push_str("\n\n");
    }
    let mut varied = String::with_capacity(out.len());
    for word in out.split_inclusive(char::is_whitespace) {
        let bare = word.trim_end();
        if bare.len() <= 6 && bare.chars().all(|c| c.is_ascii_digit()) && !bare.is_empty() {
            let n: u64 = bare.parse().unwrap_or(0);
            varied.push_str(&(n + copy as u64).to_string());
            varied.push_str(&word[bare.len()..]);
        } else if ["Greve", "Aarhus", "Syddjurs", "Ballerup", "Gentofte"].contains(&bare)
            && copy > 0
        {
            varied.push_str(name);
            varied.push_str(&word[bare.len()..]);
        } else {
            varied.push_str(word);
        }
    }
    varied
}

fn generate(dir: &Path, factor: usize) -> std::io::Result<usize> {
    let mut files = 0;
    let mut refs: Vec<PathBuf> = std::fs::read_dir(shared().join("corpus-reference"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    refs.sort();
    for copy in 0..factor {
        let sub = dir.join(format!("copy-{copy:03}"));
        std::fs::create_dir_all(&sub)?;
        for r in &refs {
            let text = std::fs::read_to_string(r)?;
            std::fs::write(
                sub.join(r.file_name().unwrap_or_default()),
                vary(&text, copy),
            )?;
            files += 1;
        }
    }
    Ok(files)
}

fn dir_size(p: &Path) -> u64 {
    let mut total = 0;
    if let Ok(entries) = std::fs::read_dir(p) {
        for e in entries.flatten() {
            let path = e.path();
            total += if path.is_dir() {
                dir_size(&path)
            } else {
                e.metadata().map(|m| m.len()).unwrap_or(0)
            };
        }
    }
    total
}

/// Runs the binary and returns (wall time, peak resident memory in KiB) of the child.
// The child is reaped by wait4, which std does not know of; wait4 is used for its rusage.
#[allow(clippy::zombie_processes)]
fn run_measured(bin: &Path, args: &[&str]) -> (Duration, u64) {
    let start = Instant::now();
    let child = std::process::Command::new(bin)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("policymatch starts");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: wait4 on our own child, with valid pointers to locals.
    unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    (start.elapsed(), usage.ru_maxrss as u64)
}

fn p50(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn profiles() -> Vec<Profile> {
    let dir = shared().join("eval/dev/profiles");
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            if let Ok(p) = Profile::load(&e.path()) {
                out.push(p);
            }
        }
    }
    out
}

fn main() {
    if !shared().join("corpus-reference").is_dir() {
        eprintln!("SKIP: ../shared/corpus-reference not found");
        return;
    }
    let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/release/policymatch");
    if !bin.exists() {
        eprintln!("SKIP: build the binary first: cargo build --release -p policymatch-cli");
        return;
    }
    let factors: Vec<usize> = std::env::var("POLICYMATCH_SCALE")
        .unwrap_or_else(|_| "1,10".into())
        .split(',')
        .filter_map(|f| f.trim().parse().ok())
        .collect();
    let profiles = profiles();
    println!(
        "factor\tpassages\tindex_s\tindex_MiB\tpeak_MiB\tsuggest_p50_ms\tbm25_p50_ms\tsuggest/bm25"
    );
    let mut first: Option<(f64, f64, f64, f64)> = None;
    for factor in factors {
        // POLICYMATCH_SCALE_DIR keeps each factor's corpus and index there, and a later run
        // reuses an index found there (measuring search only)
        let _tmp;
        let work = match std::env::var_os("POLICYMATCH_SCALE_DIR") {
            Some(d) => PathBuf::from(d).join(format!("{factor}x")),
            None => {
                let t = tempfile::tempdir().expect("a temporary folder");
                let p = t.path().to_path_buf();
                _tmp = t;
                p
            }
        };
        let docs = work.join("docs");
        let idx = work.join("index");
        let reused = idx.join("meta.json").exists();
        let (took, peak_kib) = if reused {
            println!(
                "{factor}x: reusing {} (index time and memory not measured)",
                idx.display()
            );
            (Duration::ZERO, 0)
        } else {
            generate(&docs, factor).expect("the corpus is generated");
            run_measured(
                &bin,
                &[
                    "index",
                    docs.to_str().unwrap_or_default(),
                    "--index",
                    idx.to_str().unwrap_or_default(),
                ],
            )
        };
        let index = PolicyIndex::open(&idx).expect("the index opens");
        let passages = index.passage_count().unwrap_or(0);
        let size = dir_size(&idx) as f64 / 1_048_576.0;
        let matcher = Matcher::new(&index);
        let mut sug = Vec::new();
        let mut base = Vec::new();
        for _ in 0..5 {
            for p in &profiles {
                let t = Instant::now();
                let _ = matcher.suggest(p, &Options::default());
                sug.push(t.elapsed());
                let text = format!(
                    "{} {} {} {} {}",
                    p.name,
                    p.description,
                    p.themes.join(" "),
                    p.activities.join(" "),
                    p.target_groups.join(" ")
                );
                let t = Instant::now();
                let _ = index.search(&text, &Filters::default(), 10);
                base.push(t.elapsed());
            }
        }
        let (s50, b50) = (p50(sug).as_secs_f64() * 1e3, p50(base).as_secs_f64() * 1e3);
        let peak = peak_kib as f64 / 1024.0;
        println!(
            "{factor}x\t{passages}\t{:.1}\t{size:.0}\t{peak:.0}\t{s50:.1}\t{b50:.1}\t{:.2}",
            took.as_secs_f64(),
            s50 / b50.max(1e-9)
        );
        let secs = took.as_secs_f64();
        match first {
            None => first = Some((secs, size, peak, s50)),
            Some(_) if reused => {}
            Some((t1, z1, m1, s1)) => println!(
                "  growth vs 1x: index time {:.1}x, size {:.1}x, peak memory {:.2}x, suggest p50 {:.2}x",
                secs / t1,
                size / z1,
                peak / m1,
                s50 / s1
            ),
        }
    }
}
