//! `policymatch watch` with real clients and servers, on 127.0.0.1 only: the Atom feed is
//! read by Python's feedparser, the calendar by icalendar, the mail is received by a local
//! aiosmtpd server (started here) and its MIME read by Python's email package.
//!
//! Without python3 or those packages the tests say so and skip (on CI, where .ci/run installs
//! them, they fail instead). The end-to-end test on the Greve meetings needs ../shared.

use serde_json::Value;
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_policymatch"));
    c.env_remove("POLICYMATCH_INDEX")
        .env_remove("POLICYMATCH_SMTP_PASSWORD")
        .env("POLICYMATCH_LANG", "da");
    c
}

fn scripts() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/watch_py")
}

/// True when python3 with feedparser, icalendar and aiosmtpd is here; else says why (and
/// fails on CI, which installs them).
fn python_ready() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import feedparser, icalendar, aiosmtpd"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "python3 with feedparser, icalendar and aiosmtpd is missing on CI"
        );
        eprintln!(
            "skipping: needs python3 with feedparser, icalendar and aiosmtpd \
             (pip install feedparser icalendar aiosmtpd)"
        );
    }
    ok
}

fn python(kind: &str, target: &Path) -> Value {
    let out = Command::new("python3")
        .arg(scripts().join("parse.py"))
        .arg(kind)
        .arg(target)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "parse.py {kind} {}: {}",
        target.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A local aiosmtpd server, stopped when dropped.
struct Smtp {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Smtp {
    fn start(dir: &Path, login: Option<(&str, &str)>, stall_on: usize) -> Smtp {
        std::fs::create_dir_all(dir).unwrap();
        let mut c = Command::new("python3");
        c.arg(scripts().join("smtp_server.py"))
            .arg("--dir")
            .arg(dir)
            .args(["--stall-on", &stall_on.to_string(), "--lifetime", "240"]);
        if let Some((u, p)) = login {
            c.args(["--user", u, "--password", p]);
        }
        let child = c.stdout(Stdio::null()).spawn().unwrap();
        let started = Instant::now();
        let port_file = dir.join("port");
        while !port_file.exists() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "the SMTP server did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let port = std::fs::read_to_string(port_file)
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        Smtp {
            child,
            port,
            dir: dir.to_path_buf(),
        }
    }

    fn messages(&self) -> Vec<Value> {
        python("mail", &self.dir).as_array().unwrap().clone()
    }
}

impl Drop for Smtp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

fn index(idx: &Path, docs: &Path) {
    let o = bin()
        .args(["index", "--index"])
        .arg(idx)
        .arg(docs)
        .output()
        .unwrap();
    assert!(o.status.success(), "index: {}", stderr(&o));
}

fn watch(config: &Path, idx: &Path, today: &str, extra: &[&str]) -> Output {
    bin()
        .args(["watch", "--config"])
        .arg(config)
        .arg("--index")
        .arg(idx)
        .args(["--today", today])
        .args(extra)
        .output()
        .unwrap()
}

/// The categories of a feed's entries.
fn feed_tags(feed: &Value) -> BTreeSet<&str> {
    feed["entries"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["tags"].as_array().unwrap().iter())
        .map(|t| t.as_str().unwrap())
        .collect()
}

/// Keys of a feed's entries (`urn:policymatch:item:KEY`).
fn feed_keys(feed: &Value) -> Vec<String> {
    feed["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            e["id"]
                .as_str()
                .unwrap()
                .strip_prefix("urn:policymatch:item:")
                .unwrap()
                .to_string()
        })
        .collect()
}

/// Keys listed at the foot of a Markdown digest.
fn digest_keys(md: &str) -> Vec<String> {
    md.lines()
        .find_map(|l| l.strip_prefix("Nøgler: "))
        .map(|l| l.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default()
}

fn meeting(
    municipality: &str,
    committee: &str,
    date: &str,
    items: &[(&str, &str, &str, &str)],
) -> String {
    let items: Vec<Value> = items
        .iter()
        .map(|(no, caption, case, html)| {
            serde_json::json!({
                "Punktnummer": no, "Caption": caption, "SagsNummer": case,
                "Felter": [{"Html": html, "Link": format!("https://dagsordener.{municipality}.dk/x")}],
                "Bilag": [],
            })
        })
        .collect();
    serde_json::json!({
        "Udvalg": {"Navn": committee},
        "Moede": {"Dato": format!("{date}T16:00:00+02:00")},
        "Dagsordenpunkter": items,
    })
    .to_string()
}

const PROFILE: &str = r#"
name = "Besøgsvennerne"
description = "Frivillige besøgsvenner hos ældre, der sidder alene, og fællesspisning mod ensomhed."
themes = ["ensomhed", "fællesskab"]
activities = ["besøgsven", "fællesspisning"]
target_groups = ["ældre"]
"#;

const PROFILE_SPORT: &str = r#"
name = "Idrætsforeningen"
description = "Idrætsforening med fodbold og gymnastik for børn og unge."
themes = ["idræt", "bevægelse"]
activities = ["fodbold", "gymnastik"]
target_groups = ["børn", "unge"]
"#;

const ENSOMHED: &str = "<h3>Sagsfremstilling</h3><p>Målet er, at færre ældre oplever ensomhed. \
    Kommunen vil styrke samarbejdet med frivillige foreninger om besøgsvenner og fællesspisning, \
    så flere ældre bliver en del af et fællesskab.</p>";

/// Three meetings of Egeby's committee: case 24-100 (a strategy against loneliness) goes from
/// discussion to consultation to approval; the second meeting sets a consultation deadline.
fn egeby(docs: &Path, which: &[usize]) {
    std::fs::create_dir_all(docs).unwrap();
    let c = "Ældre- og Sundhedsudvalget";
    let meetings = [
        (
            "2024-03-05",
            vec![
                (
                    "1",
                    "Godkendelse af dagsorden",
                    "",
                    "<h3>Beslutning</h3><p>Godkendt.</p>",
                ),
                (
                    "2",
                    "Strategi mod ensomhed blandt ældre - drøftelse",
                    "24-100",
                    ENSOMHED,
                ),
                (
                    "3",
                    "Idrætspolitik - bevægelse for børn og unge",
                    "24-300",
                    "<h3>Sagsfremstilling</h3><p>Målet er, at flere børn og unge dyrker idræt og bevægelse i foreningernes fodbold og gymnastik.</p>",
                ),
            ],
        ),
        (
            "2024-05-07",
            vec![
                (
                    "2",
                    "Strategi mod ensomhed - godkendelse af høringsudkast",
                    "24-100",
                    "<h3>Indstilling</h3><p>Administrationen indstiller, at udkastet til strategi mod ensomhed blandt ældre sendes i offentlig høring med høringsfrist den 15. juni 2024.</p><h3>Sagsfremstilling</h3><p>Frivillige foreninger med besøgsvenner og fællesspisning inviteres til at give høringssvar om ensomhed.</p>",
                ),
                (
                    "3",
                    "Idræt for unge - foreningernes fodbold",
                    "24-301",
                    "<h3>Sagsfremstilling</h3><p>Flere unge skal dyrke idræt; foreningernes fodbold og gymnastik får tilskud til bevægelse.</p>",
                ),
            ],
        ),
        (
            "2024-09-03",
            vec![
                (
                    "4",
                    "Strategi mod ensomhed - endelig godkendelse",
                    "24-100",
                    "<h3>Indstilling</h3><p>Administrationen indstiller, at strategien mod ensomhed godkendes endeligt.</p><h3>Sagsfremstilling</h3><p>Strategien styrker besøgsvenner og fællesspisning for ældre, der oplever ensomhed.</p>",
                ),
                (
                    "5",
                    "Gymnastik og bevægelse for børn",
                    "24-302",
                    "<h3>Sagsfremstilling</h3><p>Børn skal have mere bevægelse; foreningernes gymnastik og idræt styrkes.</p>",
                ),
            ],
        ),
    ];
    for &w in which {
        let (date, items) = &meetings[w];
        std::fs::write(
            docs.join(format!("egeby-aeldre-og-sundhedsudvalget-{date}.json")),
            meeting("egeby", c, date, items),
        )
        .unwrap();
    }
}

struct Setup {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    docs: PathBuf,
    idx: PathBuf,
    out: PathBuf,
    config: PathBuf,
}

/// Profiles, meetings `which` and an index in a temporary folder; watch.toml gets `extra`.
fn setup(which: &[usize], profiles: &[(&str, &str)], extra: &str) -> Setup {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_path_buf();
    let docs = root.join("docs");
    egeby(&docs, which);
    let mut names = Vec::new();
    for (name, text) in profiles {
        std::fs::write(root.join(format!("{name}.toml")), text).unwrap();
        names.push(format!("\"{name}.toml\""));
    }
    let config = root.join("watch.toml");
    std::fs::write(
        &config,
        format!("profiles = [{}]\nout = \"out\"\n{extra}", names.join(", ")),
    )
    .unwrap();
    let idx = root.join("idx");
    index(&idx, &docs);
    Setup {
        out: root.join("out"),
        _tmp: tmp,
        root,
        docs,
        idx,
        config,
    }
}

fn mail_block(port: u16, user: Option<&str>) -> String {
    format!(
        "\n[mail]\nfrom = \"Policymatch <watch@example.org>\"\nto = [\"formand@example.org\", \"kasserer@example.org\"]\nhost = \"127.0.0.1\"\nport = {port}\ntls = \"none\"\n{}",
        user.map(|u| format!("user = \"{u}\"\n"))
            .unwrap_or_default()
    )
}

#[test]
fn feed_calendar_and_digest_are_read_by_real_parsers_and_nothing_is_reported_twice() {
    if !python_ready() {
        return;
    }
    let s = setup(&[0, 1], &[("besoeg", PROFILE)], "");
    let o = watch(&s.config, &s.idx, "2024-05-01", &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    let feed = python("feed", &s.out.join("besoeg.atom"));
    assert_eq!(feed["version"], "atom10");
    assert_eq!(feed["title"], "Nyt fra kommunen for Besøgsvennerne");
    let keys = feed_keys(&feed);
    assert_eq!(keys.iter().collect::<HashSet<_>>().len(), keys.len());
    let entries = feed["entries"].as_array().unwrap();
    let kinds = feed_tags(&feed);
    assert_eq!(kinds, BTreeSet::from(["frist", "match", "møde"]), "{feed}");
    let deadline = entries.iter().find(|e| e["tags"][0] == "frist").unwrap();
    assert_eq!(
        deadline["title"].as_str().unwrap().split(':').next(),
        Some("Høring 15. juni 2024")
    );
    for e in entries {
        let link = e["link"].as_str().unwrap();
        // feedparser writes file:///x as file://x.
        assert!(
            link.starts_with("file://") && link.contains("/docs/egeby-aeldre"),
            "{link}"
        );
    }

    let md = std::fs::read_to_string(s.out.join("besoeg.md")).unwrap();
    assert!(
        md.starts_with("# Nyt fra kommunen for Besøgsvennerne"),
        "{md}"
    );
    assert!(
        md.contains("## Nye match") && md.contains("## Høringer og frister"),
        "{md}"
    );
    assert!(md.contains("Kilde: `") && md.contains(", punkt 2"), "{md}");
    assert_eq!(digest_keys(&md), keys);
    let html = std::fs::read_to_string(s.out.join("besoeg.html")).unwrap();
    assert!(html.contains("<html lang=\"da\">") && html.contains("href=\"file:///"));

    let ics = python("ics", &s.out.join("besoeg.ics"));
    assert_eq!(ics["version"], "2.0");
    assert_eq!(ics["prodid"], "-//policymatch//watch//DA");
    let raw = std::fs::read_to_string(s.out.join("besoeg.ics")).unwrap();
    assert_eq!(raw.matches("\r\nPRODID:").count(), 1, "{raw}");
    let events = ics["events"].as_array().unwrap();
    let days: Vec<(&str, &str)> = events
        .iter()
        .map(|e| (e["start"].as_str().unwrap(), e["end"].as_str().unwrap()))
        .collect();
    assert!(days.contains(&("2024-06-15", "2024-06-16")), "{ics}");
    let hearing = events.iter().find(|e| e["start"] == "2024-06-15").unwrap();
    assert!(
        hearing["summary"]
            .as_str()
            .unwrap()
            .starts_with("Høring 15. juni 2024")
    );
    assert!(
        hearing["description"]
            .as_str()
            .unwrap()
            .ends_with(", punkt 2"),
        "{hearing}"
    );
    assert!(days.contains(&("2024-05-07", "2024-05-08")), "{ics}");
    assert!(
        events
            .iter()
            .all(|e| e["start"].as_str().unwrap() >= "2024-05-01")
    );
    assert!(
        events
            .iter()
            .all(|e| e["stamp"].as_str().unwrap().starts_with("2024-05-01"))
    );

    // The same index and state give the same files; a rerun reports nothing.
    let before: Vec<Vec<u8>> = ["atom", "ics", "md", "html"]
        .iter()
        .map(|e| std::fs::read(s.out.join(format!("besoeg.{e}"))).unwrap())
        .collect();
    let o = watch(&s.config, &s.idx, "2024-05-01", &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("intet nyt siden sidste kørsel"),
        "{}",
        stderr(&o)
    );
    for (e, b) in ["atom", "ics", "md", "html"].iter().zip(&before) {
        assert_eq!(
            &std::fs::read(s.out.join(format!("besoeg.{e}"))).unwrap(),
            b,
            "{e}"
        );
    }
    let state: Value =
        serde_json::from_slice(&std::fs::read(s.idx.join("watch-state.json")).unwrap()).unwrap();
    let reported: BTreeSet<String> = state["profiles"]["besoeg"]["reported"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap().to_string())
        .collect();
    assert_eq!(reported, keys.iter().cloned().collect());

    // A new meeting: only its items are new. Following the case shows its whole way, with
    // the stage changes.
    egeby(&s.docs, &[2]);
    index(&s.idx, &s.docs);
    let o = watch(&s.config, &s.idx, "2024-08-01", &["--follow", "24-100"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let feed = python("feed", &s.out.join("besoeg.atom"));
    let new = feed_keys(&feed);
    assert!(new.iter().all(|k| !keys.contains(k)));
    for e in feed["entries"].as_array().unwrap() {
        if e["tags"][0] != "sag" {
            assert!(e["link"].as_str().unwrap().contains("2024-09-03"), "{e}");
        }
    }
    let md = std::fs::read_to_string(s.out.join("besoeg.md")).unwrap();
    assert!(md.contains("## Fulgte sager (3)"), "{md}");
    assert!(md.contains("### Sag 24-100"), "{md}");
    assert!(
        md.contains("fase: offentlig høring (før: udkast / drøftelse)"),
        "{md}"
    );
    assert!(
        md.contains("fase: godkendelse (før: offentlig høring)"),
        "{md}"
    );
    assert!(
        stderr(&o).contains("følger sagerne 24-100"),
        "{}",
        stderr(&o)
    );
    // The followed case is kept with the index.
    let o = watch(&s.config, &s.idx, "2024-08-01", &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("følger sagerne 24-100"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_digest_is_mailed_as_multipart_text_and_html_once() {
    if !python_ready() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let server = Smtp::start(&tmp.path().join("mail"), None, 0);
    let s = setup(
        &[0, 1],
        &[("besoeg", PROFILE), ("idraet", PROFILE_SPORT)],
        &mail_block(server.port, None),
    );
    let o = watch(&s.config, &s.idx, "2024-05-01", &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let msgs = server.messages();
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    for (m, stem) in msgs.iter().zip(["besoeg", "idraet"]) {
        assert_eq!(m["content_type"], "multipart/alternative");
        let types: Vec<&str> = m["parts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["type"].as_str().unwrap())
            .collect();
        assert_eq!(types, ["text/plain", "text/html"]);
        assert_eq!(m["to"], "formand@example.org, kasserer@example.org");
        let feed = python("feed", &s.out.join(format!("{stem}.atom")));
        let keys = feed_keys(&feed);
        assert!(!keys.is_empty());
        assert_eq!(
            m["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|k| k.as_str().unwrap().to_string())
                .collect::<Vec<_>>(),
            keys
        );
        let text = m["parts"][0]["text"].as_str().unwrap();
        let md = std::fs::read_to_string(s.out.join(format!("{stem}.md"))).unwrap();
        assert_eq!(text.replace("\r\n", "\n").trim_end(), md.trim_end());
    }
    assert!(
        msgs[0]["subject"]
            .as_str()
            .unwrap()
            .ends_with("for Besøgsvennerne"),
        "{}",
        msgs[0]["subject"]
    );
    let o = watch(&s.config, &s.idx, "2024-05-01", &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(server.messages().len(), 2);
}

fn reported(idx: &Path, stem: &str) -> usize {
    let Ok(bytes) = std::fs::read(idx.join("watch-state.json")) else {
        return 0;
    };
    let state: Value = serde_json::from_slice(&bytes).unwrap();
    state["profiles"][stem]["reported"]
        .as_array()
        .map_or(0, Vec::len)
}

#[test]
fn a_wrong_password_or_host_is_one_line_and_leaves_the_items_unsent() {
    if !python_ready() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let server = Smtp::start(&tmp.path().join("mail"), Some(("watch", "rigtigt")), 0);
    let s = setup(
        &[0, 1],
        &[("besoeg", PROFILE)],
        &mail_block(server.port, Some("watch")),
    );

    let o = watch(&s.config, &s.idx, "2024-05-01", &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("skal have en adgangskode i $POLICYMATCH_SMTP_PASSWORD"),
        "{}",
        stderr(&o)
    );

    let o = bin()
        .args(["watch", "--config"])
        .arg(&s.config)
        .arg("--index")
        .arg(&s.idx)
        .args(["--today", "2024-05-01"])
        .env("POLICYMATCH_SMTP_PASSWORD", "forkert")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    let line = err
        .lines()
        .find(|l| l.contains("overblikket kan ikke sendes gennem"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(
        line.contains(&format!("127.0.0.1:{}", server.port)) && line.contains("535"),
        "{line}"
    );
    assert_eq!(server.messages().len(), 0);
    assert_eq!(reported(&s.idx, "besoeg"), 0);
    assert!(
        s.out.join("besoeg.atom").exists(),
        "the files are written before the send"
    );

    // A host where nothing listens.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let cfg2 = s.root.join("closed.toml");
    std::fs::write(
        &cfg2,
        format!(
            "profiles = [\"besoeg.toml\"]\nout = \"out\"\n{}",
            mail_block(closed, None)
        ),
    )
    .unwrap();
    let o = watch(&cfg2, &s.idx, "2024-05-01", &[]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    let line = err
        .lines()
        .find(|l| l.contains("overblikket kan ikke sendes gennem"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(line.contains(&format!("127.0.0.1:{closed}")), "{line}");
    assert_eq!(reported(&s.idx, "besoeg"), 0);

    // The right password: the items go out, once.
    let o = bin()
        .args(["watch", "--config"])
        .arg(&s.config)
        .arg("--index")
        .arg(&s.idx)
        .args(["--today", "2024-05-01"])
        .env("POLICYMATCH_SMTP_PASSWORD", "rigtigt")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let msgs = server.messages();
    assert_eq!(msgs.len(), 1);
    assert_eq!(
        reported(&s.idx, "besoeg"),
        msgs[0]["items"].as_array().unwrap().len()
    );
}

#[test]
fn a_bad_config_names_the_place_and_a_bad_profile_does_not_stop_the_others() {
    let s = setup(&[0, 1], &[("besoeg", PROFILE)], "");
    std::fs::write(
        &s.config,
        "profiles = [\"besoeg.toml\"]\nout = \"out\"\nfarve = \"blå\"\n",
    )
    .unwrap();
    let o = watch(&s.config, &s.idx, "2024-05-01", &[]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(&format!(
            "opsætningen {} (linje 3, kolonne 1) er ikke gyldig: ",
            s.config.display()
        )) && err.contains("farve"),
        "{err}"
    );

    std::fs::write(s.root.join("broken.toml"), "name = \"X\"\nthemes = 3\n").unwrap();
    std::fs::write(
        &s.config,
        "profiles = [\"broken.toml\", \"missing.toml\", \"besoeg.toml\"]\nout = \"out\"\n",
    )
    .unwrap();
    let o = watch(&s.config, &s.idx, "2024-05-01", &[]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("broken.toml (linje 2, kolonne "), "{err}");
    assert!(err.contains("missing.toml"), "{err}");
    assert!(err.contains("Besøgsvennerne: "), "{err}");
    assert!(s.out.join("besoeg.atom").exists());
    assert!(!s.out.join("broken.atom").exists());
    assert!(reported(&s.idx, "besoeg") > 0);
}

/// Starts `watch` against a server that never answers its second message, kills it there,
/// and runs it again against the same server (which answers from then on).
fn kill_during_send_then_rerun(config: &Path, idx: &Path, today: &str, server: &Smtp) -> Output {
    let mut child = bin()
        .args(["watch", "--config"])
        .arg(config)
        .arg("--index")
        .arg(idx)
        .args(["--today", today])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while !server.dir.join("stalled").exists() {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the second message never came"
        );
        assert!(
            child.try_wait().unwrap().is_none(),
            "watch ended before the stall"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    watch(config, idx, today, &[])
}

/// No item in two messages for the same profile (told by the subject, which ends with its
/// name), and every item in the feeds of `stems` sent.
fn sent_once(server: &Smtp, out: &Path, stems: &[&str]) -> usize {
    let mut seen = HashSet::new();
    let msgs = server.messages();
    for m in &msgs {
        let subject = m["subject"].as_str().unwrap();
        let profile = subject.rsplit(" for ").next().unwrap().to_string();
        for k in m["items"].as_array().unwrap() {
            let k = k.as_str().unwrap().to_string();
            assert!(
                seen.insert((profile.clone(), k.clone())),
                "{k} sent twice to {profile}"
            );
        }
    }
    let sent: HashSet<&String> = seen.iter().map(|(_, k)| k).collect();
    for stem in stems {
        for k in feed_keys(&python("feed", &out.join(format!("{stem}.atom")))) {
            assert!(sent.contains(&k), "{k} of {stem} never sent");
        }
    }
    msgs.len()
}

#[test]
fn a_run_killed_during_the_send_sends_the_rest_and_nothing_twice() {
    if !python_ready() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let server = Smtp::start(&tmp.path().join("mail"), None, 2);
    let s = setup(
        &[0, 1, 2],
        &[("besoeg", PROFILE), ("idraet", PROFILE_SPORT)],
        &mail_block(server.port, None),
    );
    let o = kill_during_send_then_rerun(&s.config, &s.idx, "2024-05-01", &server);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(sent_once(&server, &s.out, &["besoeg", "idraet"]), 2);
    let o = watch(&s.config, &s.idx, "2024-05-01", &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(server.messages().len(), 2);
}

/// The real Greve meetings, indexed in three batches by meeting date.
#[test]
fn greve_meetings_end_to_end() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let greve = shared.join("corpus/other-formats/greve-dagsordener-json");
    if !greve.is_dir() {
        eprintln!("skipping: {} is absent", greve.display());
        return;
    }
    if !python_ready() {
        return;
    }
    // Files are named committee-YYYY-MM-DD-id.json.
    let mut files: Vec<(String, PathBuf)> = std::fs::read_dir(&greve)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            let at = name.find("-20").unwrap();
            (name[at + 1..at + 11].to_string(), p)
        })
        .collect();
    files.sort();
    assert_eq!(files.len(), 149);
    let batch = |from: &str, to: &str| -> Vec<PathBuf> {
        files
            .iter()
            .filter(|(d, _)| d.as_str() > from && d.as_str() <= to)
            .map(|(_, p)| p.clone())
            .collect()
    };
    let batches = [
        batch("", "2024-06-30"),
        batch("2024-06-30", "2025-03-31"),
        batch("2025-03-31", "9999"),
    ];
    let tmp = tempfile::tempdir().unwrap();
    let docs = tmp.path().join("docs");
    let idx = tmp.path().join("idx");
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&docs).unwrap();
    let add = |b: &[PathBuf]| {
        for p in b {
            std::fs::copy(p, docs.join(p.file_name().unwrap())).unwrap();
        }
        index(&idx, &docs);
    };
    let profiles = shared.join("eval/dev/profiles");
    let write_config = |name: &str, port: u16| -> PathBuf {
        let path = tmp.path().join(name);
        std::fs::write(
            &path,
            format!(
                "profiles = [\"{}\", \"{}\"]\nmunicipalities = [\"Greve\"]\nout = \"out\"\n{}",
                profiles.join("ensomhed.toml").display(),
                profiles.join("idraetsforening.toml").display(),
                mail_block(port, None)
            ),
        )
        .unwrap();
        path
    };
    let server = Smtp::start(&tmp.path().join("mail"), None, 0);
    let config = write_config("watch.toml", server.port);
    let file_name = |link: &str| link.rsplit('/').next().unwrap().to_string();

    // 1. The meetings up to mid-2024.
    add(&batches[0]);
    let o = watch(&config, &idx, "2024-07-01", &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let first = feed_keys(&python("feed", &out.join("ensomhed.atom")));
    assert!(!first.is_empty());
    let mails_1 = server.messages().len();
    assert!(mails_1 >= 1);

    // 2. The later meetings: the digest, the feed and the mail hold exactly the new items.
    add(&batches[1]);
    let o = watch(&config, &idx, "2025-04-01", &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let feed = python("feed", &out.join("ensomhed.atom"));
    let second = feed_keys(&feed);
    assert!(!second.is_empty());
    assert!(
        second.iter().all(|k| !first.contains(k)),
        "an item reported again"
    );
    let new_files: HashSet<String> = batches[1]
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    for e in feed["entries"].as_array().unwrap() {
        let f = file_name(e["link"].as_str().unwrap());
        assert!(
            new_files.contains(&f),
            "{f} is not among the added meetings"
        );
    }
    let md = std::fs::read_to_string(out.join("ensomhed.md")).unwrap();
    assert_eq!(digest_keys(&md), second);
    let msgs = server.messages();
    let mail = msgs[mails_1..]
        .iter()
        .find(|m| {
            m["subject"]
                .as_str()
                .unwrap()
                .ends_with("for Besøgsvennerne")
        })
        .expect("the second digest was mailed");
    let mailed: Vec<String> = mail["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap().to_string())
        .collect();
    assert_eq!(mailed, second);
    // The new matches are what `suggest --new` finds after the same index run.
    let o = bin()
        .args([
            "suggest",
            "--new",
            "--top",
            "10",
            "--municipality",
            "Greve",
            "--format",
            "json",
            "--index",
        ])
        .arg(&idx)
        .arg("--profile")
        .arg(profiles.join("ensomhed.toml"))
        .output()
        .unwrap();
    let suggested: Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut want: Vec<String> = suggested["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| file_name(s["document"]["path"].as_str().unwrap()))
        .collect();
    let mut got: Vec<String> = feed["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["tags"][0] == "match")
        .map(|e| file_name(e["link"].as_str().unwrap()))
        .collect();
    want.sort();
    got.sort();
    assert_eq!(got, want);
    eprintln!("--- second digest (ensomhed) ---\n{md}");

    // 3. Nothing new.
    let feed_bytes = std::fs::read(out.join("ensomhed.atom")).unwrap();
    let mails_2 = server.messages().len();
    let o = watch(&config, &idx, "2025-04-01", &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(server.messages().len(), mails_2);
    assert_eq!(
        std::fs::read(out.join("ensomhed.atom")).unwrap(),
        feed_bytes
    );

    // 4. The last meetings, with the run killed during the send: nothing goes out twice.
    add(&batches[2]);
    let stalling = Smtp::start(&tmp.path().join("mail-stall"), None, 2);
    let config = write_config("watch-stall.toml", stalling.port);
    let o = kill_during_send_then_rerun(&config, &idx, "2025-11-01", &stalling);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        sent_once(&stalling, &out, &["ensomhed", "idraetsforening"]),
        2
    );
}

#[test]
fn with_lang_en_the_feed_calendar_digest_and_messages_are_in_english() {
    if !python_ready() {
        return;
    }
    let s = setup(&[0, 1], &[("besoeg", PROFILE)], "");
    let o = bin()
        .args(["watch", "--config"])
        .arg(&s.config)
        .arg("--index")
        .arg(&s.idx)
        .args(["--today", "2024-05-01", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains(" new ("), "{}", stderr(&o));

    let feed = python("feed", &s.out.join("besoeg.atom"));
    assert_eq!(
        feed["title"],
        "News from the municipality for Besøgsvennerne"
    );
    let tags = feed_tags(&feed);
    assert_eq!(
        tags,
        BTreeSet::from(["deadline", "match", "meeting"]),
        "{feed}"
    );

    let md = std::fs::read_to_string(s.out.join("besoeg.md")).unwrap();
    assert!(
        md.starts_with("# News from the municipality for Besøgsvennerne"),
        "{md}"
    );
    assert!(
        md.contains("## New matches") && md.contains("## Consultations and deadlines"),
        "{md}"
    );
    assert!(md.contains("Source: `") && md.contains(", item 2"), "{md}");
    assert!(md.contains("15 June 2024"), "{md}");
    // none of the Danish template words (the quoted documents stay as they are written)
    for danish in [
        "Nyt fra kommunen",
        "Nye match",
        "Høringer og frister",
        "Kilde:",
        ", punkt ",
        "Ord fra profilen",
        "På dagsordenen",
        "Lavet af",
        "siden sidste kørsel",
    ] {
        assert!(
            !md.contains(danish),
            "{danish:?} in the English digest:\n{md}"
        );
    }
    let html = std::fs::read_to_string(s.out.join("besoeg.html")).unwrap();
    assert!(html.contains("<html lang=\"en\">"), "{html}");

    let ics = python("ics", &s.out.join("besoeg.ics"));
    assert_eq!(ics["prodid"], "-//policymatch//watch//EN");
    let hearing = ics["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["start"] == "2024-06-15")
        .cloned()
        .unwrap_or_else(|| panic!("{ics}"));
    let summary = hearing["summary"].as_str().unwrap();
    assert!(summary.contains("15 June 2024"), "{summary}");
    assert!(
        hearing["description"]
            .as_str()
            .unwrap()
            .contains("Source: "),
        "{hearing}"
    );
}
