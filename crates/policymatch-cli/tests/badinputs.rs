//! The real binary over `../shared/badinputs` (607 hostile non-PDF files: broken and fuzzed
//! Word files, JSONTestSuite, html5lib tokenizer inputs as HTML and inside agenda JSON, zip
//! bombs, entity expansion, deep nesting, huge and mis-encoded text). Skips, saying so, when
//! the folder is absent or in a debug build (run it with
//! `cargo test --release -p policymatch-cli --test badinputs -- --nocapture`).

mod english;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Output, Stdio};
use std::time::{Duration, Instant};

/// Peak resident memory allowed for a whole-folder run, workers included.
const MAX_RSS_MIB: u64 = 512;

/// Wall-clock time after which a run of one file counts as hung (the per-file limit of
/// `index` is 60 s; a run over this is one that limit did not stop).
const HUNG: Duration = Duration::from_secs(120);

fn badinputs() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/badinputs");
    if !dir.is_dir() {
        eprintln!("SKIP: {} not found", dir.display());
        return None;
    }
    if cfg!(debug_assertions) {
        eprintln!("SKIP: the badinputs suite runs with --release only");
        return None;
    }
    Some(dir)
}

/// The files of the folder, by name, without its manifest.
fn inputs(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "MANIFEST.tsv")
        .collect()
}

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_policymatch"));
    c.env_remove("POLICYMATCH_INDEX")
        .env("NO_COLOR", "1")
        .env("POLICYMATCH_LANG", "en");
    c
}

/// Runs `cmd` to its end, or kills it after `limit` (then `None`).
fn run_within(mut cmd: Command, limit: Duration) -> Option<Output> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (mut out, mut err) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let out = std::thread::spawn(move || {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut b).unwrap();
        b
    });
    let err = std::thread::spawn(move || {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut b).unwrap();
        b
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let (stdout, stderr) = (out.join().unwrap(), err.join().unwrap());
    status.map(|status| Output {
        status,
        stdout,
        stderr,
    })
}

/// Whether a run ended as `index` documents it may (0, 1, 3), not by a panic (101), a signal
/// or an error.
fn clean_exit(status: &ExitStatus) -> bool {
    matches!(status.code(), Some(0 | 1 | 3))
}

/// The file names a `--format json` summary reports (indexed, skipped or failed), each failed
/// or skipped one with its reason; panics on a reason that is empty or not one line.
fn reported(summary: &serde_json::Value) -> (BTreeSet<String>, Vec<(String, String)>) {
    let name = |p: &serde_json::Value| {
        Path::new(p.as_str().unwrap())
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned()
    };
    let mut seen = BTreeSet::new();
    let mut reasons = Vec::new();
    for path in summary["indexed"].as_array().unwrap() {
        seen.insert(name(path));
    }
    for key in ["skipped", "failed"] {
        for entry in summary[key].as_array().unwrap() {
            let reason = entry[1].as_str().unwrap();
            assert!(
                !reason.trim().is_empty() && !reason.contains('\n'),
                "{key} {entry}"
            );
            seen.insert(name(&entry[0]));
            reasons.push((name(&entry[0]), reason.to_string()));
        }
    }
    (seen, reasons)
}

/// Each file indexed on its own, in its own index: every run ends with 0, 1 or 3 (never a
/// panic or a signal), within the time limit, and reports the file.
#[test]
fn each_file_alone_ends_cleanly() {
    let Some(dir) = badinputs() else { return };
    let names: Vec<String> = inputs(&dir).into_iter().collect();
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .min(4);
    let started = Instant::now();
    let results: Vec<(String, Result<(), String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let (names, dir) = (&names, &dir);
                scope.spawn(move || {
                    names
                        .iter()
                        .skip(t)
                        .step_by(threads)
                        .map(|name| (name.clone(), one_file(&dir.join(name))))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let crashes: Vec<_> = results
        .iter()
        .filter(|(_, r)| matches!(r, Err(e) if !e.starts_with("timeout")))
        .collect();
    let timeouts: Vec<_> = results
        .iter()
        .filter(|(_, r)| matches!(r, Err(e) if e.starts_with("timeout")))
        .collect();
    eprintln!(
        "badinputs, each file alone: {} files, {} crashes, {} timeouts, in {:.1} s",
        results.len(),
        crashes.len(),
        timeouts.len(),
        started.elapsed().as_secs_f64()
    );
    assert_eq!(results.len(), names.len());
    assert!(crashes.is_empty(), "crashes: {crashes:#?}");
    assert!(timeouts.is_empty(), "timeouts: {timeouts:#?}");
}

/// Indexes one file into a fresh index; `Err` says what went wrong ("timeout…" when the run
/// or the file timed out).
fn one_file(path: &Path) -> Result<(), String> {
    let idx = tempfile::tempdir().map_err(|e| e.to_string())?;
    let mut cmd = bin();
    cmd.arg("index")
        .arg(path)
        .arg("--index")
        .arg(idx.path())
        .args(["--format", "json"]);
    let Some(o) = run_within(cmd, HUNG) else {
        return Err(format!("timeout: still running after {} s", HUNG.as_secs()));
    };
    let stderr = String::from_utf8_lossy(&o.stderr);
    if !clean_exit(&o.status) {
        return Err(format!("{:?}: {stderr}", o.status));
    }
    if stderr.contains("internal error") || stderr.contains("panicked") {
        return Err(format!("panic reported: {stderr}"));
    }
    let summary: serde_json::Value =
        serde_json::from_slice(&o.stdout).map_err(|e| format!("summary: {e}: {stderr}"))?;
    let (seen, reasons) = reported(&summary);
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    if !seen.contains(&name) {
        return Err(format!("not reported: {summary}"));
    }
    if let Some((_, r)) = reasons.iter().find(|(_, r)| r.starts_with("timed out")) {
        return Err(format!("timeout: {r}"));
    }
    Ok(())
}

/// The whole folder in one run: exit 0 or 3, every file reported (indexed, or skipped or
/// failed with a one-line reason, also printed on stderr naming the file), and the run's
/// peak memory, its workers included, within [`MAX_RSS_MIB`].
#[test]
fn whole_folder_reports_every_file_within_memory() {
    let Some(dir) = badinputs() else { return };
    let idx = tempfile::tempdir().unwrap();
    let time = Path::new("/usr/bin/time");
    let measured = time.is_file();
    let mut cmd = if measured {
        let mut c = Command::new(time);
        c.arg("-v").arg(env!("CARGO_BIN_EXE_policymatch"));
        c.env("POLICYMATCH_LANG", "en");
        c.env_remove("POLICYMATCH_INDEX").env("NO_COLOR", "1");
        c
    } else {
        eprintln!("SKIP (peak memory only): /usr/bin/time not found (Debian package `time`)");
        bin()
    };
    cmd.arg("index")
        .arg(&dir)
        .arg("--index")
        .arg(idx.path())
        .args(["--format", "json"]);
    let started = Instant::now();
    let o = run_within(cmd, Duration::from_secs(600)).expect("the run ends within 10 minutes");
    let seconds = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&o.stderr);
    // GNU time's exit status is the command's; a command killed by a signal makes it say so
    assert!(!stderr.contains("Command terminated by signal"), "{stderr}");
    let code = o.status.code();
    let peak_mib = stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(|kb| kb.div_ceil(1024));
    let summary: serde_json::Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("summary: {e}; exit {code:?}: {stderr}"));
    let (seen, reasons) = reported(&summary);
    let all = inputs(&dir);
    let missing: Vec<&String> = all.difference(&seen).collect();
    let count = |k: &str| summary[k].as_array().map_or(0, |a| a.len());
    eprintln!(
        "badinputs, whole folder: {} files, exit code {code:?}, {} indexed, {} skipped, {} failed, peak RSS {} MiB, {seconds:.1} s",
        all.len(),
        count("indexed"),
        count("skipped"),
        count("failed"),
        peak_mib.map_or("unmeasured".into(), |m| m.to_string())
    );
    assert!(matches!(code, Some(0 | 3)), "exit {code:?}: {stderr}");
    assert!(!stderr.contains("internal error"), "{stderr}");
    assert!(missing.is_empty(), "not reported: {missing:?}");
    for (name, reason) in &reasons {
        if name == "MANIFEST.tsv" {
            continue;
        }
        let failed =
            summary["failed"].as_array().unwrap().iter().any(|e| {
                e[1] == reason.as_str() && e[0].as_str().unwrap().ends_with(name.as_str())
            });
        if failed {
            // each failure is printed as it happens, naming the file
            assert!(
                stderr.lines().any(|l| l.starts_with("policymatch: ")
                    && l.contains(name.as_str())
                    && l.ends_with(reason.as_str())),
                "{name}: {reason} not on stderr"
            );
        }
    }
    if measured {
        let peak = peak_mib.expect("GNU time reports the maximum resident set size");
        assert!(peak <= MAX_RSS_MIB, "peak RSS {peak} MiB");
    }
}

/// The whole folder in Danish: every file that is skipped or failed has its reason in Danish,
/// with none of the English reasons' words (a parser's own detail, such as serde_json's, may
/// follow in its words), on stderr too, and a code beside it in the JSON summary.
#[test]
fn whole_folder_says_its_reasons_in_danish() {
    let Some(dir) = badinputs() else { return };
    let idx = tempfile::tempdir().unwrap();
    let mut cmd = bin();
    cmd.env("POLICYMATCH_LANG", "da")
        .arg("index")
        .arg(&dir)
        .arg("--index")
        .arg(idx.path())
        .args(["--format", "json"]);
    let o = run_within(cmd, Duration::from_secs(600)).expect("the run ends within 10 minutes");
    assert!(clean_exit(&o.status), "{:?}", o.status);
    let stderr = String::from_utf8_lossy(&o.stderr);
    let summary: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let (_, reasons) = reported(&summary);
    assert!(reasons.len() > 200, "{summary}");
    let fragments = english::reason_fragments();
    let lines = reasons
        .iter()
        .map(|(_, r)| r.as_str())
        .chain(stderr.lines());
    for line in lines {
        for fragment in &fragments {
            assert!(
                !line.contains(fragment.as_str()),
                "English {fragment:?} in {line}"
            );
        }
    }
    let mut codes = BTreeSet::new();
    for key in ["skipped", "failed"] {
        for entry in summary[key].as_array().unwrap() {
            let code = entry[2].as_str().unwrap_or_default();
            assert!(
                !code.is_empty()
                    && code
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{entry}"
            );
            codes.insert(code.to_string());
        }
    }
    eprintln!(
        "badinputs in Danish: {} reasons, none with English words; codes {codes:?}",
        reasons.len()
    );
}
