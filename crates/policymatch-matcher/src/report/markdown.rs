//! The report as Markdown, to read and forward.

use super::Report;
use policymatch_core::deadlines::format_date;
use std::fmt::Write;

/// Renders the report as Markdown.
pub fn render(r: &Report) -> String {
    let mut m = String::new();
    let _ = writeln!(
        m,
        "# {}: hvor foreningens arbejde møder kommunens mål\n",
        r.profile_name
    );
    if !r.municipalities.is_empty() {
        let _ = writeln!(m, "Kommuner: {}\n", r.municipalities.join(", "));
    }
    let _ = writeln!(m, "## Overblik\n");
    for g in &r.groups {
        let _ = writeln!(
            m,
            "- **{}{}** ({}): {} fund, styrke {:.1}",
            if g.committee { "Udvalg: " } else { "" },
            g.label,
            if g.municipality.is_empty() {
                "?"
            } else {
                &g.municipality
            },
            g.items.len(),
            g.strength
        );
    }
    let _ = writeln!(m, "\n## Høringer og frister\n");
    if r.deadlines.is_empty() {
        let _ = writeln!(m, "Ingen fundet.");
    } else if r.deadlines_are_past {
        let _ = writeln!(m, "Ingen kommende; de seneste, der vedrører profilen:\n");
    }
    for d in &r.deadlines {
        let _ = writeln!(
            m,
            "- {} · {} · {} (s. {}): {}",
            format_date(d.deadline.date),
            d.deadline.kind.label(),
            d.passage.document.title,
            d.passage.page,
            d.deadline.sentence
        );
    }
    let _ = writeln!(m, "\n## Fund\n");
    for g in &r.groups {
        let _ = writeln!(m, "### {}\n", g.label);
        for item in &g.items {
            let p = &item.suggestion.passage;
            let _ = writeln!(
                m,
                "**{}**, {} s. {}{}\n",
                p.document.title,
                p.document.municipality,
                p.page,
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
                .map(|r| r.to_string())
                .collect();
            if !reasons.is_empty() {
                let _ = writeln!(m, "Hvorfor: {}\n", reasons.join("; "));
            }
            let c = &item.contact;
            let who: Vec<String> = [
                c.stage.as_ref().map(|s| format!("fase: {s}")),
                c.committee.as_ref().map(|s| format!("udvalg: {s}")),
                c.unit.as_ref().map(|s| format!("enhed: {s}")),
                c.case_number.as_ref().map(|s| format!("sagsnr. {s}")),
                c.attachment_of
                    .as_ref()
                    .map(|a| format!("bilag til {}", a.describe("punkt"))),
            ]
            .into_iter()
            .flatten()
            .collect();
            if !who.is_empty() {
                let _ = writeln!(m, "Hvem: {}\n", who.join(" · "));
            }
            let _ = writeln!(
                m,
                "<details><summary>Udkast til pitch</summary>\n\n{}\n\n</details>\n",
                item.pitch.text
            );
        }
    }
    m
}
