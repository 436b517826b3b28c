//! The HTML report in a real browser: headless Chromium loads the page built for the bundled
//! loneliness profile, the test checks that it loads without console errors, that the expected
//! sections are there, and saves a screenshot to `target/policymatch-report.png`.
//! Skips, saying so, when no `chromium` is installed (`.ci/run` installs it). The Danish
//! report (the default) holds none of the English reason templates, and the English one
//! (`--lang en`) none of the Danish ones.

use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .map(PathBuf::from)
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn chrome_args(profile_dir: &Path) -> Vec<String> {
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--enable-logging=stderr",
        "--v=0",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain([format!("--user-data-dir={}", profile_dir.display())])
    .collect()
}

#[test]
fn report_renders_in_headless_chromium() {
    let bin = env!("CARGO_BIN_EXE_policymatch");
    let idx = tempfile::tempdir().unwrap();
    let o = Command::new(bin)
        .args([
            "index",
            root().join("corpus-samples").to_str().unwrap(),
            "--index",
        ])
        .arg(idx.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let report = |lang: Option<&str>, name: &str| {
        let page = idx.path().join(name);
        let mut c = Command::new(bin);
        c.args(["report", "--profile"])
            .arg(root().join("corpus-samples/profiles/ensomhed.toml"))
            .arg("--index")
            .arg(idx.path())
            .arg("--out")
            .arg(&page)
            .env_remove("POLICYMATCH_LANG");
        if let Some(lang) = lang {
            c.args(["--lang", lang]);
        }
        let o = c.output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let html = std::fs::read_to_string(&page).unwrap();
        (page, html)
    };
    // the page's text as a reader sees it (the report escapes quotes)
    let unescape = |html: &str| {
        html.replace("&#39;", "'")
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    };
    let (page, html) = report(None, "report.html");
    let (_, english) = report(Some("en"), "report-en.html");
    // the fixed parts of each language's reason templates (see locales/*/reasons.ftl)
    let english_templates = [
        "theme '",
        "activity '",
        "target group '",
        "in a goal sentence",
        "in an initiative sentence",
        "in a decision sentence",
        "in a funding sentence",
        "in a consultation sentence",
        "in the heading",
        "in the document's title",
        "description words:",
        "mentions volunteers or associations",
        "wording among the",
        "pushed down:",
        "the title names",
    ];
    let danish_templates = [
        "tema »",
        "aktivitet »",
        "målgruppe »",
        "i en målsætning",
        "i en sætning om en indsats",
        "i overskriften",
        "i dokumentets titel",
        "ord fra jeres beskrivelse:",
        "nævner frivillige eller foreninger",
        "ordvalget er blandt de",
        "skubbet ned:",
        "titlen nævner",
    ];
    let (danish_text, english_text) = (unescape(&html), unescape(&english));
    for t in english_templates {
        assert!(!danish_text.contains(t), "the Danish report holds {t:?}");
    }
    for t in danish_templates {
        assert!(!english_text.contains(t), "the English report holds {t:?}");
    }
    // and each holds its own: the reasons are there, in its language
    assert!(html.contains("<html lang=\"da\">") && danish_text.contains("tema »ensomhed«"));
    assert!(english.contains("<html lang=\"en\">") && english_text.contains("theme 'ensomhed'"));
    assert!(english.contains("Draft pitch") && !english.contains("Udkast til pitch"));
    for forbidden in [
        "src=\"http",
        "href=\"http",
        "<script",
        "@import",
        "url(http",
    ] {
        assert!(
            !html.contains(forbidden),
            "the page must be self-contained: {forbidden}"
        );
    }

    let Some(chrome) = chromium() else {
        eprintln!("SKIP: no chromium on PATH; the page was built but not rendered");
        return;
    };
    let user_dir = tempfile::tempdir().unwrap();
    let url = format!("file://{}", page.display());
    let dom = Command::new(&chrome)
        .args(chrome_args(user_dir.path()))
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .unwrap();
    assert!(
        dom.status.success(),
        "{}",
        String::from_utf8_lossy(&dom.stderr)
    );
    let dom_text = String::from_utf8_lossy(&dom.stdout);
    for id in [
        "top",
        "how-to-use",
        "overview",
        "deadlines",
        "matches",
        "method",
    ] {
        assert!(
            dom_text.contains(&format!("id=\"{id}\"")),
            "section {id} missing"
        );
    }
    assert!(dom_text.contains("<svg"), "the chart is there");
    assert!(dom_text.contains("<mark>"), "matched words are highlighted");
    assert!(
        dom_text.contains("Udkast til pitch"),
        "a draft pitch is there"
    );
    let log = String::from_utf8_lossy(&dom.stderr);
    let console_errors: Vec<&str> = log
        .lines()
        .filter(|l| {
            l.contains("CONSOLE") || l.contains("Uncaught") || l.contains("Failed to load resource")
        })
        .collect();
    assert!(
        console_errors.is_empty(),
        "console errors: {console_errors:?}"
    );

    let shot = root().join("target/policymatch-report.png");
    let o = Command::new(&chrome)
        .args(chrome_args(user_dir.path()))
        .arg("--window-size=1280,2400")
        .arg(format!("--screenshot={}", shot.display()))
        .arg(&url)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "a real screenshot"
    );
    eprintln!("screenshot: {}", shot.display());
}
