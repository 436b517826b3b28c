//! The report as one self-contained HTML page: inline CSS and SVG, no scripts, no external
//! assets, so it opens anywhere, offline, and can be mailed as one file.

use super::{Group, Report, ReportItem};
use crate::Lang;
use policymatch_core::dates::format_date;
use policymatch_i18n::t;
use std::fmt::Write;

/// Escapes text for HTML.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `text` escaped, with the byte ranges wrapped in `<mark>`.
fn marked(text: &str, ranges: &[(usize, usize)]) -> String {
    let mut sorted = ranges.to_vec();
    sorted.sort_unstable();
    let mut out = String::new();
    let mut pos = 0;
    for (s, e) in sorted {
        if s < pos || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        out.push_str(&escape(&text[pos..s]));
        out.push_str("<mark>");
        out.push_str(&escape(&text[s..e]));
        out.push_str("</mark>");
        pos = e;
    }
    out.push_str(&escape(&text[pos..]));
    out
}

const STYLE: &str = r#"
:root { --ink:#1d2733; --muted:#5b6775; --accent:#1f6f8b; --soft:#eef4f7; --line:#d7dee5; }
* { box-sizing: border-box; }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       margin: 0; background: #fafbfc; }
main { max-width: 980px; margin: 0 auto; padding: 32px 24px 64px; }
header h1 { margin: 0 0 4px; font-size: 28px; }
header p { margin: 0; color: var(--muted); }
h2 { margin-top: 40px; border-bottom: 2px solid var(--line); padding-bottom: 6px; }
h3 { margin: 28px 0 8px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 16px 20px;
        margin: 14px 0; }
.meta { color: var(--muted); font-size: 14px; }
blockquote { margin: 10px 0; padding: 8px 14px; border-left: 4px solid var(--accent);
             background: var(--soft); border-radius: 4px; }
mark { background: #ffe38a; padding: 0 2px; border-radius: 2px; }
.reasons { font-size: 14px; margin: 6px 0 0; padding-left: 18px; }
.who { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.tag { font-size: 13px; background: var(--soft); border: 1px solid var(--line); border-radius: 999px;
       padding: 2px 10px; }
.tag.stage { background: #e8f5e9; border-color: #b9dfbd; }
details { margin-top: 10px; }
summary { cursor: pointer; color: var(--accent); font-weight: 600; }
.pitch { white-space: pre-wrap; background: #fffdf5; border: 1px dashed #e0cf8f; padding: 12px 14px;
         border-radius: 6px; font-size: 15px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
.chart text { font-size: 12px; fill: var(--ink); }
footer { margin-top: 48px; color: var(--muted); font-size: 13px; }
@media print { details { display: block; } body { background: #fff; } }
"#;

/// Renders the report as an HTML page.
pub fn render(r: &Report) -> String {
    let lang = r.lang;
    let mut h = String::new();
    let title = t!(lang, "report-title", name = r.profile_name.as_str());
    let _ = writeln!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>",
        escape(&title)
    );
    let scope = if r.municipalities.is_empty() {
        t!(lang, "report-all-municipalities")
    } else {
        r.municipalities.join(", ")
    };
    let count: usize = r.groups.iter().map(|g| g.items.len()).sum();
    let _ = writeln!(
        h,
        "<header id=\"top\">\n<h1>{}</h1>\n<p>{} · {} · {}{}</p>\n</header>",
        escape(&r.profile_name),
        escape(&t!(lang, "report-lead")),
        escape(&scope),
        escape(&t!(
            lang,
            "report-count",
            count = count,
            groups = r.groups.len()
        )),
        if r.date > 0 {
            format!(" · {}", format_date(r.date))
        } else {
            String::new()
        }
    );
    let _ = writeln!(
        h,
        "<section id=\"how-to-use\" class=\"card\"><strong>{}</strong> {}</section>",
        escape(&t!(lang, "report-how-to-title")),
        escape(&t!(lang, "report-how-to"))
    );
    let _ = writeln!(
        h,
        "<section id=\"overview\">\n<h2>{}</h2>",
        escape(&t!(lang, "report-overview"))
    );
    h.push_str(&chart(lang, &r.groups));
    h.push_str("</section>\n");
    h.push_str(&deadlines(r));
    h.push_str(&who(r));
    let _ = writeln!(
        h,
        "<section id=\"matches\">\n<h2>{}</h2>",
        escape(&t!(lang, "report-matches"))
    );
    if r.groups.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", escape(&t!(lang, "report-no-matches")));
    }
    for (gi, g) in r.groups.iter().enumerate() {
        let _ = writeln!(
            h,
            "<h3 id=\"group-{gi}\">{} <span class=\"meta\">· {}</span></h3>",
            escape(&if g.committee {
                t!(lang, "report-committee", name = g.label.as_str())
            } else {
                g.label.clone()
            }),
            escape(&if g.municipality.is_empty() {
                t!(lang, "report-unknown-municipality")
            } else {
                g.municipality.clone()
            })
        );
        for (k, item) in g.items.iter().enumerate() {
            h.push_str(&item_html(lang, item, k == 0));
        }
    }
    h.push_str("</section>\n");
    let _ = writeln!(
        h,
        "<footer id=\"method\"><p>{}</p></footer>",
        escape(&t!(lang, "report-footer"))
    );
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

fn item_html(lang: Lang, item: &ReportItem, open_pitch: bool) -> String {
    let s = &item.suggestion;
    let p = &s.passage;
    let mut h = String::from("<article class=\"card match\">\n");
    let _ = writeln!(
        h,
        "<div class=\"meta\">{} · {}{}{}</div>",
        escape(&p.document.title),
        escape(&t!(lang, "report-page", page = p.page)),
        if p.heading.is_empty() {
            String::new()
        } else {
            format!(" · {}", escape(&p.heading))
        },
        if p.document.year > 0 {
            format!(" · {}", p.document.year)
        } else {
            String::new()
        }
    );
    let _ = writeln!(
        h,
        "<blockquote>{}</blockquote>",
        marked(&p.text, &s.highlights)
    );
    if !s.reasons.is_empty() {
        h.push_str("<ul class=\"reasons\">");
        for r in s.reasons.iter().take(4) {
            let _ = write!(h, "<li>{}</li>", escape(&r.text(lang)));
        }
        h.push_str("</ul>\n");
    }
    let c = &item.contact;
    let mut tags = Vec::new();
    if let Some(stage) = c.stage_code {
        let stage = crate::text::stage(lang, stage);
        tags.push(format!(
            "<span class=\"tag stage\">{}</span>",
            escape(&t!(lang, "report-stage", stage = stage))
        ));
    }
    let tag = |text: String| format!("<span class=\"tag\">{}</span>", escape(&text));
    if let Some(x) = &c.committee {
        tags.push(tag(t!(lang, "report-committee", name = x.as_str())));
    }
    if let Some(x) = &c.unit {
        tags.push(tag(t!(lang, "report-unit", unit = x.as_str())));
    }
    if let Some(x) = &c.case_number {
        tags.push(tag(t!(lang, "report-case", case = x.as_str())));
    }
    if let Some(x) = &c.meeting_date {
        tags.push(tag(t!(lang, "report-meeting", date = x.as_str())));
    }
    if let Some(x) = &c.attachment_of {
        tags.push(tag(crate::text::attachment(lang, x)));
    }
    if !tags.is_empty() {
        let _ = writeln!(h, "<div class=\"who\">{}</div>", tags.join(""));
    }
    if !s.also_in.is_empty() {
        let places: Vec<String> = s
            .also_in
            .iter()
            .map(|pl| {
                t!(
                    lang,
                    "report-place",
                    title = pl.title.as_str(),
                    page = pl.page
                )
            })
            .collect();
        let _ = writeln!(
            h,
            "<div class=\"meta\">{}</div>",
            escape(&t!(lang, "report-also-in", places = places.join("; ")))
        );
    }
    let _ = writeln!(
        h,
        "<details{}><summary>{}</summary><div class=\"pitch\">{}</div></details>",
        if open_pitch { " open" } else { "" },
        escape(&t!(lang, "report-pitch", words = item.pitch.words)),
        escape(&item.pitch.text)
    );
    let _ = writeln!(
        h,
        "<div class=\"meta\">{}</div>",
        escape(&t!(lang, "report-source", path = p.document.path.as_str()))
    );
    h.push_str("</article>\n");
    h
}

/// The "who" section: each owner with its evidence.
fn who(r: &Report) -> String {
    let lang = r.lang;
    let mut h = format!(
        "<section id=\"who\">\n<h2>{}</h2>\n",
        escape(&t!(lang, "report-who"))
    );
    if r.who.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", escape(&t!(lang, "md-none-found")));
    } else {
        let _ = writeln!(
            h,
            "<p>{}</p>\n<ul class=\"who\">",
            escape(&t!(lang, "report-who-lead"))
        );
        for (i, o) in r.who.iter().enumerate() {
            let _ = write!(
                h,
                "<li>{}",
                escape(&crate::text::owner_line(lang, i + 1, o))
            );
            if !o.evidence.is_empty() {
                h.push_str("<ul>");
                for e in &o.evidence {
                    let _ = write!(
                        h,
                        "<li><span class=\"meta\">{}, {}:</span> {}</li>",
                        escape(&e.title),
                        escape(&crate::text::evidence_place(lang, e)),
                        escape(&e.sentence)
                    );
                }
                h.push_str("</ul>");
            }
            h.push_str("</li>\n");
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</section>\n");
    h
}

fn deadlines(r: &Report) -> String {
    let lang = r.lang;
    let mut h = format!(
        "<section id=\"deadlines\">\n<h2>{}</h2>\n",
        escape(&t!(lang, "report-deadlines"))
    );
    if r.deadlines.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", escape(&t!(lang, "report-no-deadlines")));
    } else {
        if r.deadlines_are_past {
            let _ = writeln!(h, "<p>{}</p>", escape(&t!(lang, "report-past-deadlines")));
        }
        let _ = writeln!(
            h,
            "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
            escape(&t!(lang, "report-col-date")),
            escape(&t!(lang, "report-col-what")),
            escape(&t!(lang, "report-col-document")),
            escape(&t!(lang, "report-col-sentence"))
        );
        for d in &r.deadlines {
            let p = &d.passage;
            let place = match p.facts.item.as_deref() {
                Some(i) => t!(lang, "report-item", item = i),
                None => match &p.facts.attachment_of {
                    Some(of) => format!(
                        "{}, {}",
                        t!(lang, "report-page-short", page = p.page),
                        crate::text::attachment(lang, of)
                    ),
                    None => t!(lang, "report-page-short", page = p.page),
                },
            };
            let _ = writeln!(
                h,
                "<tr><td>{}{}</td><td>{}</td><td>{} ({})</td><td>{}</td></tr>",
                format_date(d.deadline.date),
                if d.deadline.explicit { "" } else { "*" },
                escape(&crate::text::deadline(lang, d.deadline.kind)),
                escape(&p.document.title),
                escape(&place),
                escape(&d.deadline.sentence)
            );
        }
        let _ = writeln!(
            h,
            "</tbody>\n</table>\n<p class=\"meta\">{}</p>",
            escape(&t!(lang, "report-implicit-date"))
        );
    }
    h.push_str("</section>\n");
    h
}

/// A horizontal bar chart (inline SVG) of each group's strength.
pub fn chart(lang: Lang, groups: &[Group]) -> String {
    let shown: Vec<&Group> = groups.iter().take(10).collect();
    if shown.is_empty() {
        return format!("<p>{}</p>\n", escape(&t!(lang, "report-chart-empty")));
    }
    let max = shown
        .iter()
        .map(|g| g.strength)
        .fold(f32::MIN, f32::max)
        .max(f32::EPSILON);
    let (label_w, bar_w, row_h) = (330.0f32, 520.0f32, 26.0f32);
    let height = row_h * shown.len() as f32 + 10.0;
    let mut h = format!(
        "<svg class=\"chart\" role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {} {height}\" width=\"100%\">\n",
        escape(&t!(lang, "report-chart-label")),
        label_w + bar_w + 60.0
    );
    for (i, g) in shown.iter().enumerate() {
        let y = i as f32 * row_h + 4.0;
        let w = (g.strength / max * bar_w).max(2.0);
        let mut label = g.label.clone();
        if label.chars().count() > 46 {
            label = format!("{}…", label.chars().take(45).collect::<String>());
        }
        let _ = writeln!(
            h,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{}\" y=\"{y}\" width=\"{w:.1}\" height=\"{}\" rx=\"3\" fill=\"{}\"><title>{}</title></rect>\
             <text x=\"{}\" y=\"{}\">{}</text>",
            label_w - 8.0,
            y + row_h * 0.62,
            escape(&label),
            label_w,
            row_h - 8.0,
            if g.committee { "#7a9cc6" } else { "#1f6f8b" },
            escape(&t!(
                lang,
                "report-chart-bar",
                label = g.label.as_str(),
                count = g.items.len()
            )),
            label_w + w + 6.0,
            y + row_h * 0.62,
            g.items.len()
        );
    }
    let _ = writeln!(
        h,
        "</svg>\n<p class=\"meta\">{}</p>",
        escape(&t!(lang, "report-chart-legend"))
    );
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_marks() {
        assert_eq!(escape("<a & \"b\">"), "&lt;a &amp; &quot;b&quot;&gt;");
        assert_eq!(
            marked("ældre & unge", &[(0, 6)]),
            "<mark>ældre</mark> &amp; unge"
        );
        assert_eq!(marked("abc", &[(1, 9)]), "abc");
    }
}
