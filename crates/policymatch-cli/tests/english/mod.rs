//! The English wording of the reasons `index` gives for a skipped or failed file, to check
//! that the Danish output has none of it.

use std::path::Path;

/// The `id = text` messages of a message file whose id starts with `prefix`.
fn messages(lang: &str, prefix: &str) -> Vec<(String, String)> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../policymatch-i18n/locales")
        .join(lang)
        .join("cli.ftl");
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    text.lines()
        .filter_map(|l| l.split_once(" = "))
        .filter(|(id, _)| id.starts_with(prefix))
        .map(|(id, t)| (id.to_string(), t.to_string()))
        .collect()
}

/// The fixed words of each English reason (the text between its placeables), six characters
/// or more, leaving out what the Danish message says too (names such as `word/document.xml`).
pub fn reason_fragments() -> Vec<String> {
    let danish = messages("da", "problem-");
    let mut out = Vec::new();
    for (id, text) in messages("en", "problem-") {
        let da = danish
            .iter()
            .find(|(d, _)| *d == id)
            .map(|(_, t)| t.as_str())
            .unwrap_or_else(|| panic!("{id} has no Danish message"));
        for piece in text.split(['{', '}']).step_by(2) {
            let piece = piece.trim_matches(|c: char| c.is_whitespace() || ":;,()".contains(c));
            if piece.chars().count() >= 6 && !da.contains(piece) {
                out.push(piece.to_string());
            }
        }
    }
    assert!(out.len() > 30, "{out:?}");
    out
}
