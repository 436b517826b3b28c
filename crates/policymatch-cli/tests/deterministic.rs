//! Same index, same arguments, same bytes: every read command run twice over one index gives
//! byte-identical stdout, stderr and exit code.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_policymatch"))
        .env_remove("POLICYMATCH_INDEX")
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("the policymatch binary runs")
}

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus-samples")
}

fn index(docs: &Path, idx: &Path) {
    let o = run(&[
        "index",
        docs.to_str().unwrap(),
        "--index",
        idx.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// Runs `args` twice and insists on the same stdout, stderr and exit code; returns the output.
fn twice(args: &[&str]) -> Output {
    let a = run(args);
    let b = run(args);
    assert_eq!(a.status.code(), b.status.code(), "exit code of {args:?}");
    assert!(
        a.stdout == b.stdout,
        "stdout of {args:?} differs between two runs"
    );
    assert!(
        a.stderr == b.stderr,
        "stderr of {args:?} differs between two runs"
    );
    a
}

#[test]
fn every_read_command_gives_the_same_bytes_twice() {
    let idx = tempfile::tempdir().unwrap();
    index(&samples(), idx.path());
    let i = idx.path().to_str().unwrap();
    let profiles = samples().join("profiles");
    let profile = profiles.join("ensomhed.toml");
    let p = profile.to_str().unwrap();
    let qrels_dir = tempfile::tempdir().unwrap();
    let qrels = qrels_dir.path().join("qrels.tsv");
    std::fs::write(
        &qrels,
        "ensomhed\thavsoe-strategi-mod-ensomhed-2027-2030-hoeringsudkast.pdf\t2\t2\n\
         ensomhed\thavsoe-aeldrepolitik-2027-2030.pdf\t3\t1\n\
         idraet-unge\tskovkaer-kultur-og-fritidspolitik-2026-2029.pdf\t2\t2\n",
    )
    .unwrap();
    let q = qrels.to_str().unwrap();
    let pr = profiles.to_str().unwrap();
    let commands: &[&[&str]] = &[
        &[
            "search",
            "ensomhed blandt ældre",
            "--index",
            i,
            "--top",
            "30",
        ],
        &[
            "search",
            "frivillige foreninger",
            "--index",
            i,
            "--format",
            "json",
        ],
        &["suggest", "--profile", p, "--index", i, "--top", "30"],
        &["suggest", "--profile", p, "--index", i, "--format", "json"],
        &[
            "suggest",
            "--profile",
            p,
            "--index",
            i,
            "--format",
            "markdown",
        ],
        &["suggest", "--profile", p, "--index", i, "--since", "2026"],
        &["report", "--profile", p, "--index", i],
        &[
            "report",
            "--profile",
            p,
            "--index",
            i,
            "--format",
            "markdown",
        ],
        &["deadlines", "--index", i],
        &["deadlines", "--index", i, "--after", "1950"],
        &[
            "deadlines",
            "--index",
            i,
            "--after",
            "2000",
            "--format",
            "json",
        ],
        &["deadlines", "--index", i, "--profile", p, "--after", "2000"],
        &[
            "deadlines",
            "--index",
            i,
            "--after",
            "2000",
            "--format",
            "ics",
        ],
        &[
            "deadlines",
            "--index",
            i,
            "--kind",
            "consultation",
            "--upcoming",
        ],
        &["who", "--profile", p, "--index", i],
        &["who", "--profile", p, "--index", i, "--format", "json"],
        &["timeline", "sundhedspolitik", "--index", i],
        &["timeline", "ensomhed", "--index", i, "--format", "json"],
        &["list", "--index", i],
        &["list", "--index", i, "--format", "json"],
        &["export", "--index", i],
        &["eval", "--profiles", pr, "--qrels", q, "--index", i],
        &[
            "eval",
            "--profiles",
            pr,
            "--qrels",
            q,
            "--index",
            i,
            "--format",
            "json",
        ],
        &[
            "analyze",
            "frivillighedspolitikken og ældreområdet",
            "--index",
            i,
        ],
        &["analyze", "sundhedsfremme", "--format", "json"],
    ];
    for args in commands {
        let o = twice(args);
        // the runs compared did something: success (or "found nothing", exit 1, for the
        // filters) and output to compare
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(
            !o.stdout.is_empty() || !o.stderr.is_empty(),
            "{args:?} said nothing"
        );
    }
    // the bulk commands print something on the samples (not a comparison of two empty runs)
    for args in [
        &["deadlines", "--index", i, "--after", "2000"][..],
        &["export", "--index", i][..],
        &["report", "--profile", p, "--index", i][..],
    ] {
        let o = run(args);
        assert!(o.status.success(), "{args:?}");
        assert!(o.stdout.len() > 200, "{args:?}");
    }
}

#[test]
fn deadlines_over_the_real_corpus_are_the_same_three_times() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    if !corpus.is_dir() {
        eprintln!("SKIP: {} not found", corpus.display());
        return;
    }
    if cfg!(debug_assertions) {
        eprintln!("SKIP: indexing the real corpus runs with --release only (too slow in debug)");
        return;
    }
    let idx = tempfile::tempdir().unwrap();
    index(&corpus, idx.path());
    let i = idx.path().to_str().unwrap();
    for format in ["text", "json", "ics"] {
        let args = [
            "deadlines",
            "--index",
            i,
            "--after",
            "2000",
            "--format",
            format,
        ];
        let first = twice(&args);
        assert!(first.status.success());
        let third = run(&args);
        assert!(first.stdout == third.stdout, "deadlines --format {format}");
        assert!(first.stdout.len() > 10_000);
    }
}
