//! `policymatch fetch` against a replay of the agenda portal on 127.0.0.1 (tests/replay),
//! serving the 149 shared Greve meetings, a committee list built from them and corpus PDFs
//! as attachments. Skips, saying so, when ../shared is absent.

mod replay;

use replay::{Fault, Replay, SharedMeeting};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_policymatch"));
    // English messages: the assertions read the summary lines.
    c.env_remove("POLICYMATCH_INDEX")
        .env("POLICYMATCH_LANG", "en");
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn setup() -> Option<(PathBuf, Vec<SharedMeeting>)> {
    let Some(shared) = replay::shared() else {
        eprintln!("SKIP: ../shared is absent (the replay serves its Greve meetings)");
        return None;
    };
    let meetings = replay::shared_meetings(&shared);
    assert_eq!(meetings.len(), 149);
    Some((shared, meetings))
}

/// The files of `dir` (not the hidden ones) with their bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| (p.file_name().unwrap().to_string_lossy().to_string(), p))
        .filter(|(n, _)| !n.starts_with('.'))
        .map(|(n, p)| (n, std::fs::read(p).unwrap()))
        .collect()
}

fn shared_json(shared: &Path) -> BTreeMap<String, Vec<u8>> {
    files(&shared.join("corpus/other-formats/greve-dagsordener-json"))
        .into_iter()
        .filter(|(n, _)| n.ends_with(".json"))
        .collect()
}

fn no_partial_files(out: &Path) {
    let tmp = out.join(".policymatch-fetch/tmp");
    let left: Vec<_> = std::fs::read_dir(&tmp)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "partial files left: {left:?}");
}

/// The passages of the index at `idx` as export gives them, with `folder` cut from paths.
fn passages(idx: &str, folder: &Path) -> Vec<String> {
    let o = run(&["export", "--index", idx]);
    assert!(o.status.success(), "{}", stderr(&o));
    let prefix = std::fs::canonicalize(folder)
        .unwrap()
        .to_string_lossy()
        .to_string()
        + "/";
    let mut lines: Vec<String> = stdout(&o).lines().map(|l| l.replace(&prefix, "")).collect();
    lines.sort();
    lines
}

#[test]
fn every_meeting_byte_identical_then_a_rerun_only_asks_conditionally_and_indexes_the_same() {
    let Some((shared, meetings)) = setup() else {
        return;
    };
    let server = Replay::start(&meetings, &[]);
    let out = tempfile::tempdir().unwrap();
    let out_s = out.path().to_str().unwrap();
    let args = [
        "fetch",
        "--portal",
        &server.base,
        "--out",
        out_s,
        "--rate",
        "100",
    ];
    let o = run(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("agendas fetched 149 / unchanged 0"),
        "{}",
        stdout(&o)
    );
    // 1. every meeting, byte-identical to the shared file of the same name
    let expected = shared_json(&shared);
    let got = files(out.path());
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    assert!(
        got == expected,
        "a fetched agenda differs from the shared file"
    );
    let log = server.log();
    assert_eq!(log.len(), 150);
    let ua = format!("policymatch/{}", env!("CARGO_PKG_VERSION"));
    assert!(
        log.iter().all(|r| r.user_agent.starts_with(&ua)),
        "{:?}",
        log[0].user_agent
    );

    // 3. a second fetch makes only conditional requests and downloads nothing
    server.clear_log();
    let before: Vec<_> = got
        .keys()
        .map(|n| {
            std::fs::metadata(out.path().join(n))
                .unwrap()
                .modified()
                .unwrap()
        })
        .collect();
    let o = run(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("agendas fetched 0 / unchanged 149"),
        "{}",
        stdout(&o)
    );
    let log = server.log();
    assert_eq!(log.len(), 150);
    assert!(
        log.iter().all(|r| r.conditional && r.status == 304),
        "{log:?}"
    );
    let after: Vec<_> = got
        .keys()
        .map(|n| {
            std::fs::metadata(out.path().join(n))
                .unwrap()
                .modified()
                .unwrap()
        })
        .collect();
    assert_eq!(before, after, "a file was written again");

    // 2. index on the fetched folder gives the same documents and passages as on the shared
    // canonical, as the fetched folder is: agenda items' ids carry the path as given
    let shared_dir =
        std::fs::canonicalize(shared.join("corpus/other-formats/greve-dagsordener-json")).unwrap();
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let (a_s, b_s) = (a.path().to_str().unwrap(), b.path().to_str().unwrap());
    // the shared folder holds a MANIFEST.tsv one level up only; index the JSON files alone
    let o = run(&["index", shared_dir.to_str().unwrap(), "--index", a_s]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o2 = run(&["index", out_s, "--index", b_s]);
    assert!(o2.status.success(), "{}", stderr(&o2));
    let first = |o: &Output| {
        stdout(o)
            .lines()
            .next()
            .unwrap_or("")
            .split(" in ")
            .next()
            .unwrap_or("")
            .to_string()
    };
    let (sa, sb) = (first(&o), first(&o2));
    assert!(sa.starts_with("indexed 149 /"), "{sa}");
    assert_eq!(sa.split(" (index").next(), sb.split(" (index").next());
    let (pa, pb) = (passages(a_s, &shared_dir), passages(b_s, out.path()));
    assert!(pa.len() > 1000, "{}", pa.len());
    if pa != pb {
        let first = pa.iter().zip(&pb).find(|(x, y)| x != y);
        panic!(
            "the passages differ ({} and {}); first: {first:#?}",
            pa.len(),
            pb.len()
        );
    }
}

#[cfg(unix)]
#[test]
fn a_fetch_killed_midway_then_run_again_ends_with_the_same_files_and_no_partial_ones() {
    let Some((shared, meetings)) = setup() else {
        return;
    };
    let server = Replay::start(&meetings, &[]);
    let out = tempfile::tempdir().unwrap();
    let out_s = out.path().to_str().unwrap();
    let args = [
        "fetch",
        "--portal",
        &server.base,
        "--out",
        out_s,
        "--rate",
        "40",
    ];
    for delay_ms in [150u64, 900, 2200] {
        let mut child = bin()
            .args(args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let part = files(out.path());
        assert!(
            part.len() < 149,
            "the run ended before it was killed ({delay_ms} ms)"
        );
        // what is there is complete
        let expected = shared_json(&shared);
        for (n, b) in &part {
            assert_eq!(Some(b), expected.get(n), "{n} is not whole");
        }
    }
    let o = run(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        files(out.path()) == shared_json(&shared),
        "the files differ after the rerun"
    );
    no_partial_files(out.path());
    // the rerun went on where the killed runs stopped: what they had stored was only checked
    let s = stdout(&o);
    let unchanged: usize = s
        .split(" / unchanged ")
        .nth(1)
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(unchanged > 0, "{s}");
}

#[test]
fn faults_are_reported_one_line_each_and_the_rest_is_fetched() {
    let Some((shared, meetings)) = setup() else {
        return;
    };
    // one committee from 2024-06 on: 8 meetings, their attachments from two small PDFs
    let committee = "Sundheds- og Omsorgsudvalget";
    let chosen: Vec<&SharedMeeting> = meetings
        .iter()
        .filter(|m| m.committee == committee && m.dato.as_str() >= "2024-06")
        .collect();
    assert!(chosen.len() >= 8, "{}", chosen.len());
    let pdfs = replay::attachment_pdfs(&shared);
    let server = Replay::start(&meetings, &pdfs[1..3]);
    let agenda = |i: usize| format!("/api/agenda/dagsorden/{}", chosen[i].id);
    server.fault(&agenda(0), Fault::Status500(2));
    server.fault(&agenda(1), Fault::TooMany(1, 1));
    server.fault(&agenda(2), Fault::Truncate);
    server.fault(&agenda(3), Fault::Stall(Duration::from_secs(4)));
    server.fault(&agenda(4), Fault::Malformed);
    server.fault(&agenda(5), Fault::RedirectLoop);
    server.fault(&agenda(6), Fault::NotFound);
    let bilag: Vec<&String> = chosen[7].documents.iter().collect();
    assert!(bilag.len() >= 3);
    server.fault(&format!("/Vis/Pdf/bilag/{}", bilag[0]), Fault::Html);
    server.fault(
        &format!("/Vis/Pdf/bilag/{}", bilag[1]),
        Fault::Oversize(3 << 20),
    );
    let out = tempfile::tempdir().unwrap();
    let out_s = out.path().to_str().unwrap();
    let portals = out.path().join("portals.txt");
    std::fs::write(
        &portals,
        format!("{} greve\n{}/ingen-portal\n", server.base, server.base),
    )
    .unwrap();
    let o = run(&[
        "fetch",
        "--portals",
        portals.to_str().unwrap(),
        "--committee",
        committee,
        "--since",
        "2024-06-01",
        "--attachments",
        "--out",
        out_s,
        "--rate",
        "50",
        "--timeout",
        "1",
        "--retries",
        "2",
        "--backoff-ms",
        "100",
        "--max-size",
        "1",
    ]);
    std::fs::remove_file(&portals).unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(3), "{err}");
    let url = |p: &str| format!("{}{p}", server.base);
    let expect_line = |what: &str, needle: &str| {
        assert!(
            err.lines().any(|l| l.contains(what) && l.contains(needle)),
            "no line with {what} / {needle} in:\n{err}"
        );
    };
    expect_line(&url(&agenda(2)), "body cut short");
    expect_line(&url(&agenda(3)), "no answer within 1 s");
    expect_line(&url(&agenda(4)), "not an agenda (invalid JSON");
    expect_line(&url(&agenda(5)), "redirect loop");
    expect_line(&url(&agenda(6)), "HTTP 404");
    expect_line(
        &url(&format!("/Vis/Pdf/bilag/{}", bilag[0])),
        "not a PDF (an HTML page)",
    );
    expect_line(
        &url(&format!("/Vis/Pdf/bilag/{}", bilag[1])),
        "larger than the limit",
    );
    expect_line(
        &url("/ingen-portal/api/agenda/udvalgsliste"),
        "not an agenda portal (HTTP 404)",
    );
    assert_eq!(err.lines().count(), 8, "{err}");
    // the rest is fetched: the 500s and the 429 recovered, the other meetings are there
    let got = files(out.path());
    let expected = shared_json(&shared);
    let name = |m: &SharedMeeting| m.file.file_name().unwrap().to_string_lossy().to_string();
    for (i, m) in chosen.iter().enumerate() {
        let there = got.get(&name(m));
        if (2..=6).contains(&i) {
            assert!(there.is_none(), "{} should have failed", name(m));
        } else {
            assert_eq!(there, expected.get(&name(m)), "{}", name(m));
        }
    }
    let pdf_count = got.keys().filter(|n| n.ends_with(".pdf")).count();
    let all_bilag: usize = [0usize, 1, 7]
        .into_iter()
        .chain(8..chosen.len())
        .map(|i| chosen[i].documents.len())
        .sum();
    assert_eq!(
        pdf_count,
        all_bilag - 2,
        "{:?}",
        got.keys().collect::<Vec<_>>()
    );
    // the 429 was honoured: its retry came at least 1 s later
    let log = server.log();
    let at: Vec<_> = log
        .iter()
        .filter(|r| r.path == agenda(1))
        .map(|r| r.at)
        .collect();
    assert_eq!(at.len(), 2);
    assert!(
        at[1] - at[0] >= Duration::from_millis(950),
        "{:?}",
        at[1] - at[0]
    );
    // the 500s were retried to success: three requests
    assert_eq!(log.iter().filter(|r| r.path == agenda(0)).count(), 3);
    no_partial_files(out.path());
}

#[test]
fn the_default_rate_of_two_a_second_holds_at_the_server() {
    let Some((_, meetings)) = setup() else { return };
    let server = Replay::start(&meetings, &[]);
    let out = tempfile::tempdir().unwrap();
    let o = run(&[
        "fetch",
        "--portal",
        &server.base,
        "--out",
        out.path().to_str().unwrap(),
        "--committee",
        "Social- og Handicapudvalget",
        "--since",
        "2025-03-01",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let log = server.log();
    assert!(log.len() >= 5, "{}", log.len());
    for w in log.windows(2) {
        let gap = w[1].at - w[0].at;
        assert!(
            gap >= Duration::from_millis(450),
            "two requests {gap:?} apart"
        );
    }
    // no window of one second holds more than two requests
    for (i, r) in log.iter().enumerate() {
        let n = log[i..]
            .iter()
            .take_while(|s| s.at - r.at < Duration::from_millis(950))
            .count();
        assert!(n <= 2, "{n} requests within a second");
    }
}

#[test]
fn a_dry_run_lists_and_downloads_nothing_and_attachments_name_their_item_in_the_index() {
    let Some((shared, meetings)) = setup() else {
        return;
    };
    let pdfs = replay::attachment_pdfs(&shared);
    let server = Replay::start(&meetings, &pdfs[..1]);
    let out = tempfile::tempdir().unwrap();
    let out_s = out.path().to_str().unwrap();
    let common = [
        "fetch",
        "--portal",
        &server.base,
        "--out",
        out_s,
        "--rate",
        "50",
        "--committee",
        "Kultur- og Fritidsudvalget",
        "--since",
        "2025-09-01",
        "--attachments",
    ];
    let mut dry = common.to_vec();
    dry.push("--dry-run");
    let o = run(&dry);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(files(out.path()).is_empty());
    assert_eq!(
        server.log().len(),
        1,
        "a dry run asks for the committee list only"
    );
    let s = stdout(&o);
    assert!(s.contains("/api/agenda/dagsorden/"), "{s}");
    let o = run(&common);
    assert!(o.status.success(), "{}", stderr(&o));
    let got = files(out.path());
    let pdf = got
        .keys()
        .find(|n| n.ends_with(".pdf"))
        .expect("an attachment")
        .clone();
    assert!(
        pdf.starts_with("greve-kultur-og-fritidsudvalget-2025-"),
        "{pdf}"
    );
    assert!(
        out.path()
            .join(format!(".{pdf}.policymatch.json"))
            .is_file()
    );
    // a dry run after it lists the attachments too, all to be asked conditionally
    let o = run(&dry);
    let s = stdout(&o);
    assert!(
        s.lines().filter(|l| l.starts_with("check")).count() == got.len(),
        "{s}"
    );
    let idx = tempfile::tempdir().unwrap();
    let idx_s = idx.path().to_str().unwrap();
    let o = run(&["index", out_s, "--index", idx_s]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&["export", "--index", idx_s]);
    let line = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["path"].as_str().unwrap().ends_with(&pdf))
        .expect("the attachment's passages");
    let of = &line["extra"]["attachment_of"];
    assert_eq!(line["extra"]["committee"], "Kultur- og Fritidsudvalget");
    assert!(of["item"].as_str().is_some_and(|i| !i.is_empty()), "{of}");
    assert!(of["agenda"].as_str().unwrap().ends_with(".json"));
    assert!(
        line["date"].as_str().unwrap().starts_with("2025-"),
        "{line}"
    );
}

#[test]
fn faults_and_bad_options_are_said_in_danish_by_default() {
    let da = |args: &[&str]| {
        let o = bin()
            .env_remove("POLICYMATCH_LANG")
            .args(args)
            .output()
            .unwrap();
        (o.status.code(), stderr(&o))
    };
    let out = tempfile::tempdir().unwrap();
    let out_s = out.path().to_str().unwrap();
    let (code, err) = da(&["fetch", "--portal", "ftp://x", "--out", out_s]);
    assert_eq!(code, Some(2));
    assert_eq!(
        err.trim_end(),
        "policymatch: fejl: ftp://x: ikke en http(s)-adresse"
    );
    let (_, err) = da(&[
        "fetch", "--portal", "x.dk", "--since", "20x", "--out", out_s,
    ]);
    assert_eq!(
        err.trim_end(),
        "policymatch: fejl: --since 20x: ikke en dato (ÅÅÅÅ-MM-DD eller ÅÅÅÅ)"
    );
    let portals = out.path().join("portals.txt");
    std::fs::write(&portals, "# ingen\n").unwrap();
    let p = portals.to_str().unwrap();
    let (_, err) = da(&["fetch", "--portals", p, "--out", out_s]);
    assert_eq!(
        err.trim_end(),
        format!("policymatch: fejl: {p}: ingen portaler")
    );

    let Some((shared, meetings)) = setup() else {
        return;
    };
    let committee = "Sundheds- og Omsorgsudvalget";
    let chosen: Vec<&SharedMeeting> = meetings
        .iter()
        .filter(|m| m.committee == committee && m.dato.as_str() >= "2024-06")
        .collect();
    let pdfs = replay::attachment_pdfs(&shared);
    let server = Replay::start(&meetings, &pdfs[1..3]);
    server.fault(
        &format!("/api/agenda/dagsorden/{}", chosen[0].id),
        Fault::Malformed,
    );
    let bilag = &chosen[1].documents[0];
    server.fault(&format!("/Vis/Pdf/bilag/{bilag}"), Fault::Html);
    std::fs::write(
        &portals,
        format!("{} greve\n{}/ingen-portal\n", server.base, server.base),
    )
    .unwrap();
    let (code, err) = da(&[
        "fetch",
        "--portals",
        p,
        "--committee",
        committee,
        "--committee",
        "Intet Udvalg",
        "--since",
        "2024-06-01",
        "--attachments",
        "--out",
        out_s,
        "--rate",
        "50",
    ]);
    std::fs::remove_file(&portals).unwrap();
    assert_eq!(code, Some(3), "{err}");
    let base = &server.base;
    for line in [
        format!(
            "policymatch: {base}/api/agenda/dagsorden/{}: ikke en dagsorden (ugyldig JSON: ",
            chosen[0].id
        ),
        format!("policymatch: {base}/Vis/Pdf/bilag/{bilag}: ikke en PDF (en HTML-side)"),
        format!(
            "policymatch: {base}/ingen-portal/api/agenda/udvalgsliste: ikke en dagsordensportal (HTTP 404)"
        ),
        format!(
            "policymatch: {base}/api/agenda/udvalgsliste: intet udvalg ved navn 'intet udvalg' (der er: "
        ),
    ] {
        assert!(
            err.lines().any(|l| l.starts_with(&line)),
            "no line {line:?} in:\n{err}"
        );
    }
    assert_eq!(err.lines().count(), 4, "{err}");
}
