//! The digest: what is new, in Danish, as Markdown (also the mail's text part) and as one
//! self-contained HTML page, with the path and page of every source.

use crate::item::{Item, ItemKind};
use crate::text::{self, Label};
use policymatch_i18n::Lang;
use std::fmt::Write;
use std::path::Path;

/// Longest passage quoted in the digest and feed, in characters.
const QUOTE_CHARS: usize = 480;

/// What a digest is made of.
#[derive(Debug, Clone, Copy)]
pub struct Digest<'a> {
    /// The association's name.
    pub profile: &'a str,
    /// The run date (YYYYMMDD).
    pub today: u64,
    /// The municipalities followed (empty: all).
    pub municipalities: &'a [String],
    /// The new items, in report order.
    pub items: &'a [Item],
    /// The reader's language.
    pub lang: Lang,
}

/// A `file://` address of `path` (made absolute against the working folder), with `#page=N`
/// for a page of a PDF; the path itself when it cannot be one.
pub fn source_url(path: &str, page: u64) -> String {
    let p = Path::new(path);
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    match url::Url::from_file_path(&abs) {
        Ok(mut u) => {
            if page > 0 && path.to_lowercase().ends_with(".pdf") {
                u.set_fragment(Some(&format!("page={page}")));
            }
            u.to_string()
        }
        Err(()) => path.to_string(),
    }
}

/// "`path`, side 3" or "`path`, punkt 5" (plain: without the back-ticks).
pub fn source_line(lang: Lang, i: &Item, code: bool) -> String {
    let path = if code {
        format!("`{}`", i.path)
    } else {
        i.path.clone()
    };
    let mut s = path;
    if let Some(no) = &i.item_no {
        let _ = write!(s, ", {} {no}", text::label(lang, Label::Item));
    } else if i.page > 0 {
        let _ = write!(s, ", {} {}", text::label(lang, Label::Page), i.page);
    }
    s
}

/// `s` shortened to 480 characters (`QUOTE_CHARS`) at a word boundary, on one line.
pub fn quote(s: &str) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= QUOTE_CHARS {
        return flat;
    }
    let cut: String = flat.chars().take(QUOTE_CHARS).collect();
    let cut = match cut.rfind(' ') {
        Some(at) if at > QUOTE_CHARS / 2 => cut[..at].to_string(),
        _ => cut,
    };
    format!("{cut} …")
}

/// "Ord fra profilen: … · Udvalg: … · Sag … · fase: …", from what the item names.
pub fn facts(lang: Lang, i: &Item) -> String {
    let mut parts = Vec::new();
    if !i.terms.is_empty() {
        parts.push(format!(
            "{}: {}",
            text::label(lang, Label::Terms),
            i.terms.join(", ")
        ));
    }
    if let Some(c) = &i.committee {
        parts.push(format!("{}: {c}", text::label(lang, Label::Committee)));
    }
    if let Some(c) = &i.case_number {
        parts.push(format!("{} {c}", text::label(lang, Label::Case)));
    }
    if let Some(s) = text::stage_change(lang, i.stage, i.previous_stage) {
        parts.push(s);
    }
    parts.join(" · ")
}

/// The place and date after a match's title: "(Greve, 14. august 2024)".
fn place(lang: Lang, i: &Item) -> String {
    let mut parts = Vec::new();
    if !i.municipality.is_empty() {
        parts.push(i.municipality.clone());
    }
    if i.date > 0 {
        parts.push(text::date(lang, i.date));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn section(items: &[Item], kind: ItemKind) -> Vec<&Item> {
    items.iter().filter(|i| i.kind == kind).collect()
}

const KINDS: [ItemKind; 4] = [
    ItemKind::Match,
    ItemKind::Deadline,
    ItemKind::Meeting,
    ItemKind::CaseItem,
];

/// The digest as Markdown.
pub fn markdown(d: &Digest<'_>) -> String {
    let lang = d.lang;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", text::digest_title(lang, d.profile));
    let _ = writeln!(
        out,
        "{}\n",
        text::digest_intro(lang, d.today, d.items.len(), d.municipalities)
    );
    if d.items.is_empty() {
        let _ = writeln!(out, "{}\n", text::nothing_new(lang));
    }
    for kind in KINDS {
        let items = section(d.items, kind);
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {} ({})\n", text::section(lang, kind), items.len());
        let mut case: Option<&str> = None;
        for (n, i) in items.iter().enumerate() {
            match kind {
                ItemKind::Match => {
                    let _ = writeln!(
                        out,
                        "### {}. {}{}\n",
                        n + 1,
                        one_line(&i.title),
                        place(lang, i)
                    );
                    let _ = writeln!(out, "> {}\n", quote(&i.text));
                    let f = facts(lang, i);
                    if !f.is_empty() {
                        let _ = writeln!(out, "{f}\n");
                    }
                    let _ = writeln!(
                        out,
                        "{}: {} <{}>\n",
                        text::label(lang, Label::Source),
                        source_line(lang, i, true),
                        source_url(&i.path, i.page)
                    );
                }
                ItemKind::Deadline => {
                    let kind = i
                        .deadline_kind
                        .unwrap_or(policymatch_core::deadlines::DeadlineKind::Deadline);
                    let _ = writeln!(
                        out,
                        "- **{} {}**: {}{} — {}  \n  {}: {}\n",
                        text::deadline_kind(lang, kind),
                        text::date(lang, i.date),
                        one_line(&i.title),
                        place_without_date(i),
                        quote(&i.text),
                        text::label(lang, Label::Source),
                        source_line(lang, i, true)
                    );
                }
                ItemKind::Meeting => {
                    let _ = writeln!(
                        out,
                        "- **{}**{} — {}: {}\n",
                        text::meeting_title(lang, &i.title, i.date),
                        place_without_date(i),
                        text::label(lang, Label::OnTheAgenda),
                        i.text.lines().collect::<Vec<_>>().join("; ")
                    );
                }
                ItemKind::CaseItem => {
                    let c = i.case_number.as_deref().unwrap_or("-");
                    if case != Some(c) {
                        let _ = writeln!(out, "### {} {c}\n", text::label(lang, Label::Case));
                        case = Some(c);
                    }
                    let stage = text::stage_change(lang, i.stage, i.previous_stage)
                        .map(|s| format!(" — {s}"))
                        .unwrap_or_default();
                    let _ = writeln!(
                        out,
                        "- {}, {}: {}{stage}  \n  {}: {}\n",
                        text::date(lang, i.date),
                        i.committee.as_deref().unwrap_or("?"),
                        one_line(&i.title),
                        text::label(lang, Label::Source),
                        source_line(lang, i, true)
                    );
                }
            }
        }
    }
    let _ = writeln!(out, "---\n");
    if !d.items.is_empty() {
        let keys: Vec<&str> = d.items.iter().map(|i| i.key.as_str()).collect();
        let _ = writeln!(
            out,
            "{}: {}\n",
            text::label(lang, Label::Keys),
            keys.join(" ")
        );
    }
    let _ = writeln!(out, "{}", text::label(lang, Label::MadeBy));
    out
}

fn place_without_date(i: &Item) -> String {
    if i.municipality.is_empty() {
        String::new()
    } else {
        format!(" ({})", i.municipality)
    }
}

/// Escapes text for HTML (the report's escaping, one place for both).
pub use policymatch_matcher::report::html::escape as esc;

fn source_html(lang: Lang, i: &Item) -> String {
    format!(
        "{}: <a href=\"{}\">{}</a>",
        text::label(lang, Label::Source),
        esc(&source_url(&i.path, i.page)),
        esc(&source_line(lang, i, false))
    )
}

/// The digest as one self-contained HTML page.
pub fn html(d: &Digest<'_>) -> String {
    let lang = d.lang;
    let mut out = String::new();
    let title = esc(&text::digest_title(lang, d.profile));
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n\
         <style>body{{font-family:sans-serif;max-width:46em;margin:1em auto;padding:0 1em;line-height:1.45}}\
         blockquote{{border-left:3px solid #999;margin:0.5em 0;padding-left:0.8em;color:#333}}\
         .facts,.src{{font-size:0.9em;color:#444}}footer{{font-size:0.8em;color:#666}}</style>\n</head>\n<body>",
        lang.code()
    );
    let _ = writeln!(out, "<h1>{title}</h1>");
    let _ = writeln!(
        out,
        "<p>{}</p>",
        esc(&text::digest_intro(
            lang,
            d.today,
            d.items.len(),
            d.municipalities
        ))
    );
    if d.items.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(&text::nothing_new(lang)));
    }
    for kind in KINDS {
        let items = section(d.items, kind);
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "<h2>{} ({})</h2>",
            esc(&text::section(lang, kind)),
            items.len()
        );
        let list = kind != ItemKind::Match;
        if list {
            let _ = writeln!(out, "<ul>");
        }
        for (n, i) in items.iter().enumerate() {
            match kind {
                ItemKind::Match => {
                    let _ = writeln!(
                        out,
                        "<h3>{}. {}{}</h3>\n<blockquote>{}</blockquote>",
                        n + 1,
                        esc(&one_line(&i.title)),
                        esc(&place(lang, i)),
                        esc(&quote(&i.text))
                    );
                    let f = facts(lang, i);
                    if !f.is_empty() {
                        let _ = writeln!(out, "<p class=\"facts\">{}</p>", esc(&f));
                    }
                    let _ = writeln!(out, "<p class=\"src\">{}</p>", source_html(lang, i));
                }
                ItemKind::Deadline => {
                    let k = i
                        .deadline_kind
                        .unwrap_or(policymatch_core::deadlines::DeadlineKind::Deadline);
                    let _ = writeln!(
                        out,
                        "<li><strong>{} {}</strong>: {}{} — {}<br><span class=\"src\">{}</span></li>",
                        esc(&text::deadline_kind(lang, k)),
                        esc(&text::date(lang, i.date)),
                        esc(&one_line(&i.title)),
                        esc(&place_without_date(i)),
                        esc(&quote(&i.text)),
                        source_html(lang, i)
                    );
                }
                ItemKind::Meeting => {
                    let _ = writeln!(
                        out,
                        "<li><strong>{}</strong>{} — {}: {}</li>",
                        esc(&text::meeting_title(lang, &i.title, i.date)),
                        esc(&place_without_date(i)),
                        esc(&text::label(lang, Label::OnTheAgenda)),
                        esc(&i.text.lines().collect::<Vec<_>>().join("; "))
                    );
                }
                ItemKind::CaseItem => {
                    let stage = text::stage_change(lang, i.stage, i.previous_stage)
                        .map(|s| format!(" — {s}"))
                        .unwrap_or_default();
                    let _ = writeln!(
                        out,
                        "<li>{} {}: {}, {}: {}{}<br><span class=\"src\">{}</span></li>",
                        esc(&text::label(lang, Label::Case)),
                        esc(i.case_number.as_deref().unwrap_or("-")),
                        esc(&text::date(lang, i.date)),
                        esc(i.committee.as_deref().unwrap_or("?")),
                        esc(&one_line(&i.title)),
                        esc(&stage),
                        source_html(lang, i)
                    );
                }
            }
        }
        if list {
            let _ = writeln!(out, "</ul>");
        }
    }
    let _ = writeln!(out, "<footer>");
    if !d.items.is_empty() {
        let keys: Vec<&str> = d.items.iter().map(|i| i.key.as_str()).collect();
        let _ = writeln!(
            out,
            "<p>{}: {}</p>",
            esc(&text::label(lang, Label::Keys)),
            esc(&keys.join(" "))
        );
    }
    let _ = writeln!(
        out,
        "<p>{}</p>\n</footer>\n</body>\n</html>",
        esc(&text::label(lang, Label::MadeBy))
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_short_and_urls_are_file_urls() {
        let long = "ord ".repeat(400);
        let q = quote(&long);
        assert!(q.chars().count() <= QUOTE_CHARS + 2 && q.ends_with('…'));
        assert_eq!(quote("a\n b"), "a b");
        assert_eq!(
            source_url("/x/å b.pdf", 3),
            "file:///x/%C3%A5%20b.pdf#page=3"
        );
        assert_eq!(source_url("/x/m.json", 3), "file:///x/m.json");
        assert_eq!(esc("<a&\"'>"), "&lt;a&amp;&quot;&#39;&gt;");
    }
}
