//! The report as Markdown, to read and forward.

use super::{Contact, Report};
use crate::Lang;
use policymatch_core::dates::format_date;
use policymatch_i18n::{decimal, t};
use std::fmt::Write;

/// "fase: … · udvalg: … · enhed: … · sagsnr. …", from what the document names, in `lang`.
pub fn who_line(lang: Lang, c: &Contact) -> String {
    let value = |v: &String| v.clone();
    [
        c.stage_code
            .map(|s| t!(lang, "who-stage", value = crate::text::stage(lang, s))),
        c.committee
            .as_ref()
            .map(|s| t!(lang, "who-committee", value = value(s))),
        c.unit
            .as_ref()
            .map(|s| t!(lang, "who-unit", value = value(s))),
        c.case_number
            .as_ref()
            .map(|s| t!(lang, "who-case", value = value(s))),
        c.meeting_date
            .as_ref()
            .map(|s| t!(lang, "who-meeting", value = value(s))),
        c.attachment_of
            .as_ref()
            .map(|a| crate::text::attachment(lang, a)),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ")
}

/// Renders the report as Markdown.
pub fn render(r: &Report) -> String {
    let lang = r.lang;
    let mut m = String::new();
    let _ = writeln!(
        m,
        "# {}\n",
        t!(lang, "md-title", name = r.profile_name.as_str())
    );
    if !r.municipalities.is_empty() {
        let _ = writeln!(
            m,
            "{}\n",
            t!(
                lang,
                "md-municipalities",
                list = r.municipalities.join(", ")
            )
        );
    }
    let _ = writeln!(m, "## {}\n", t!(lang, "md-overview"));
    for g in &r.groups {
        let label = if g.committee {
            t!(lang, "report-committee", name = g.label.as_str())
        } else {
            g.label.clone()
        };
        let _ = writeln!(
            m,
            "- **{label}** ({}): {}",
            if g.municipality.is_empty() {
                "?"
            } else {
                &g.municipality
            },
            t!(
                lang,
                "md-group",
                count = g.items.len(),
                strength = decimal(lang, f64::from(g.strength), 1)
            )
        );
    }
    let _ = writeln!(m, "\n## {}\n", t!(lang, "report-deadlines"));
    if r.deadlines.is_empty() {
        let _ = writeln!(m, "{}", t!(lang, "md-none-found"));
    } else if r.deadlines_are_past {
        let _ = writeln!(m, "{}\n", t!(lang, "md-past-deadlines"));
    }
    for d in &r.deadlines {
        let _ = writeln!(
            m,
            "- {} · {} · {} ({}): {}",
            format_date(d.deadline.date),
            crate::text::deadline(lang, d.deadline.kind),
            d.passage.document.title,
            t!(lang, "report-page-short", page = d.passage.page),
            d.deadline.sentence
        );
    }
    let _ = writeln!(m, "\n## {}\n", t!(lang, "report-who"));
    if r.who.is_empty() {
        let _ = writeln!(m, "{}", t!(lang, "md-none-found"));
    } else {
        let _ = writeln!(m, "{}\n", t!(lang, "report-who-lead"));
    }
    for (i, o) in r.who.iter().enumerate() {
        let _ = writeln!(m, "{}", crate::text::owner_line(lang, i + 1, o));
        for e in &o.evidence {
            let _ = writeln!(
                m,
                "   - {}, {}: {}",
                e.title,
                crate::text::evidence_place(lang, e),
                e.sentence
            );
        }
    }
    let _ = writeln!(m, "\n## {}\n", t!(lang, "md-matches"));
    for g in &r.groups {
        let _ = writeln!(m, "### {}\n", g.label);
        for item in &g.items {
            let p = &item.suggestion.passage;
            let _ = writeln!(
                m,
                "**{}**, {} {}{}\n",
                p.document.title,
                p.document.municipality,
                t!(lang, "report-page-short", page = p.page),
                if p.heading.is_empty() {
                    String::new()
                } else {
                    format!(" · {}", p.heading)
                }
            );
            let quoted: Vec<String> = p.text.lines().map(|l| format!("> {l}")).collect();
            let _ = writeln!(m, "{}\n", quoted.join("\n"));
            let reasons: Vec<String> = item
                .suggestion
                .reasons
                .iter()
                .take(4)
                .map(|r| r.text(lang))
                .collect();
            if !reasons.is_empty() {
                let _ = writeln!(m, "{}: {}\n", t!(lang, "md-why"), reasons.join("; "));
            }
            let who = who_line(lang, &item.contact);
            if !who.is_empty() {
                let _ = writeln!(m, "{}: {who}\n", t!(lang, "md-who"));
            }
            let _ = writeln!(
                m,
                "<details><summary>{}</summary>\n\n{}\n\n</details>\n",
                t!(lang, "report-pitch-short"),
                item.pitch.text
            );
        }
    }
    m
}
