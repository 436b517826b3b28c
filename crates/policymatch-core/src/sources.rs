//! Sources other than PDF: agenda-system JSON exports, HTML and plain text.

use crate::document::Page;
use crate::index::build::{Loaded, SourceDocument};
use crate::index::walk::SourceKind;
use std::path::Path;

/// Loads a non-PDF source file.
pub fn load_non_pdf(path: &Path, bytes: &[u8], kind: SourceKind) -> Loaded {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Loaded::Failed("not valid UTF-8 text".into());
    };
    match kind {
        SourceKind::Text => plain(path, text.to_string()),
        SourceKind::Html => plain(path, html_to_text(text)),
        SourceKind::AgendaJson => Loaded::Skipped("agenda JSON is not supported yet".into()),
        SourceKind::Pdf => Loaded::Failed("internal: PDF given to the text loader".into()),
    }
}

fn plain(path: &Path, text: String) -> Loaded {
    if text.trim().is_empty() {
        return Loaded::Skipped("no text".into());
    }
    let text = crate::extract::normalize::normalize_text(&text);
    let pages = text
        .split('\u{c}')
        .enumerate()
        .map(|(i, t)| Page {
            number: u32::try_from(i + 1).unwrap_or(u32::MAX),
            text: t.to_string(),
        })
        .collect();
    Loaded::Documents(vec![SourceDocument {
        doc_id: path.to_string_lossy().to_string(),
        pages,
        ..Default::default()
    }])
}

/// Converts HTML to text: tags dropped, block elements as paragraph breaks, entities decoded.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..lt]));
        let Some(gt) = rest[lt..].find('>') else {
            rest = "";
            break;
        };
        let tag = rest[lt + 1..lt + gt].trim().to_lowercase();
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        rest = &rest[lt + gt + 1..];
        if matches!(name.as_str(), "script" | "style") && !tag.starts_with('/') {
            let close = format!("</{name}");
            match rest.to_lowercase().find(&close) {
                Some(i) => rest = &rest[i..],
                None => rest = "",
            }
            continue;
        }
        match name.as_str() {
            "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "tr" | "table"
            | "ul" | "ol" | "section" | "article" => out.push_str("\n\n"),
            "br" => out.push('\n'),
            "td" | "th" => out.push(' '),
            _ => {}
        }
    }
    out.push_str(&decode_entities(rest));
    out
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| decode_entity(&after[..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "aelig" => 'æ',
        "AElig" => 'Æ',
        "oslash" => 'ø',
        "Oslash" => 'Ø',
        "aring" => 'å',
        "Aring" => 'Å',
        "eacute" => 'é',
        "ndash" => '–',
        "mdash" => '—',
        "laquo" => '«',
        "raquo" => '»',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "hellip" => '…',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_to_text_keeps_paragraphs_and_entities() {
        let t = html_to_text(
            "<p>Sundheds&shy;politik</p><p>&aelig;ldre &amp; unge<br>ny</p><script>x<y</script>",
        );
        assert!(t.contains("ældre & unge\nny"), "{t}");
        assert!(!t.contains("x<y"));
    }
}
