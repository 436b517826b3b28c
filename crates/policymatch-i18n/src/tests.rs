use super::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A test's outcome: an error fails it with its message.
type TestResult = Result<(), Box<dyn std::error::Error>>;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The message ids of the `.ftl` files of `lang`, by file name.
fn ids(lang: Lang) -> Result<BTreeSet<(String, String)>, Box<dyn std::error::Error>> {
    let dir = root().join("locales").join(lang.code());
    let mut out = BTreeSet::new();
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .ok_or("no file name")?
            .to_string_lossy()
            .to_string();
        let text = std::fs::read_to_string(&path)?;
        for line in text.lines() {
            if let Some((id, _)) = line.split_once(" =")
                && !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                out.insert((name.clone(), id.to_string()));
            }
        }
    }
    Ok(out)
}

#[test]
fn both_languages_have_the_same_messages_in_the_same_files() -> TestResult {
    let da = ids(Lang::Da)?;
    let en = ids(Lang::En)?;
    assert!(da.len() > 100, "{} messages", da.len());
    let only_da: Vec<_> = da.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&da).collect();
    assert!(only_da.is_empty(), "only in da: {only_da:?}");
    assert!(only_en.is_empty(), "only in en: {only_en:?}");
    Ok(())
}

/// The names of all variables (`{ $name }`) in the files of `lang`.
fn variables(lang: Lang) -> Result<BTreeSet<String>, Box<dyn std::error::Error>> {
    let dir = root().join("locales").join(lang.code());
    let mut out = BTreeSet::new();
    for entry in std::fs::read_dir(&dir)? {
        let text = std::fs::read_to_string(entry?.path())?;
        for (at, _) in text.match_indices('$') {
            let name: String = text[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    Ok(out)
}

#[test]
fn every_message_parses_and_formats_in_its_own_language() -> TestResult {
    for lang in Lang::ALL {
        let names = variables(lang)?;
        let args: Vec<(&str, Value<'_>)> = names
            .iter()
            .map(|n| (n.as_str(), Value::from("x")))
            .collect();
        for (_, id) in ids(lang)? {
            let found = lookup(lang, &id, &args);
            assert!(
                found.as_deref().is_some_and(|s| !s.trim().is_empty()),
                "{lang}: {id}"
            );
        }
    }
    Ok(())
}

/// Every message id the workspace's code names in `t!(lang, "id" …)` is in the files, so no
/// person ever reads an id instead of a message.
#[test]
fn every_message_the_code_names_exists() -> TestResult {
    let known: BTreeSet<String> = ids(Lang::Da)?.into_iter().map(|(_, id)| id).collect();
    let crates = root().join("..");
    let mut named = 0;
    let mut stack = vec![crates];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                if !path.ends_with("target") {
                    stack.push(path);
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path)?;
            for (at, _) in text.match_indices("t!(") {
                // the macro, not `assert!(` or `print!(`; not in a comment
                let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                let prefix = &text[line_start..at];
                if prefix
                    .chars()
                    .last()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
                    || prefix.trim_start().starts_with("//")
                {
                    continue;
                }
                let rest = &text[at..];
                let Some(open) = rest.find('"') else { continue };
                let before = &rest[..open];
                // `t!(lang, "id"`: one argument, then the id
                if before.matches(',').count() != 1 || before.contains(';') {
                    continue;
                }
                let id: String = rest[open + 1..].chars().take_while(|&c| c != '"').collect();
                assert!(
                    known.contains(&id),
                    "{}: message {id:?} is in no .ftl file",
                    path.display()
                );
                named += 1;
            }
        }
    }
    assert!(named > 100, "only {named} messages named");
    Ok(())
}

#[test]
fn arguments_are_plain_text_and_numbers() {
    let s = t!(Lang::Da, "report-count", count = 3, groups = 2_usize);
    assert_eq!(s, "3 fund i 2 politikker og udvalg");
    assert!(!s.contains('\u{2068}'), "no isolation marks");
    assert_eq!(decimal(Lang::Da, 12.345, 2), "12,35");
    assert_eq!(decimal(Lang::En, 12.345, 2), "12.35");
}

#[test]
fn the_language_is_read_from_its_code() {
    assert_eq!(Lang::parse("da"), Some(Lang::Da));
    assert_eq!(Lang::parse("en_GB.UTF-8"), Some(Lang::En));
    assert_eq!(Lang::parse("sv"), None);
    assert_eq!(Lang::default(), Lang::Da);
}

#[test]
fn a_missing_message_shows_its_id() {
    assert_eq!(text(Lang::En, "no-such-message", &[]), "no-such-message");
    assert_eq!(lookup(Lang::En, "no-such-message", &[]), None);
}
