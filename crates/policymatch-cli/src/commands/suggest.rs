//! `policymatch suggest --profile FILE`.

use crate::args::ReportFormat;
use crate::output::{document_json, highlight, lang, or_unknown, passage_line};
use anyhow::{Context, bail};
use policymatch_core::index::PolicyIndex;
use policymatch_i18n::t;
use policymatch_matcher::report::Contact;
use policymatch_matcher::report::markdown::who_line as who_of;
use policymatch_matcher::{Matcher, Options, Profile, SCORE_FLOOR, Suggestion};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Checked arguments of `suggest`.
pub struct SuggestArgs {
    pub profile: PathBuf,
    pub dir: PathBuf,
    pub top: usize,
    pub format: ReportFormat,
    pub municipality: Vec<String>,
    pub area: Vec<String>,
    pub since: Option<String>,
    pub new: bool,
}

/// `--since YEAR` or `--since YYYY-MM-DD` as (year, date as YYYYMMDD).
fn parse_since(since: &str) -> anyhow::Result<(Option<u64>, Option<u64>)> {
    let s = since.trim();
    if s.len() == 4
        && let Some(d) = policymatch_core::dates::parse_iso_or_year(s)
    {
        return Ok((Some(d / 10_000), None));
    }
    if let Some(d) = policymatch_core::dates::parse_iso(s) {
        return Ok((None, Some(d)));
    }
    bail!(t!(
        lang(),
        "suggest-bad-since",
        value = format!("{since:?}")
    ))
}

/// The options `suggest` runs with (shared with `eval`, which passes no filters).
pub fn options(args: &SuggestArgs, index: &PolicyIndex) -> anyhow::Result<Options> {
    let mut options = Options {
        top: args.top,
        ..Options::default()
    };
    options.filters.municipalities = args.municipality.clone();
    options.filters.areas = args.area.clone();
    if let Some(since) = &args.since {
        (options.filters.since_year, options.filters.since_date) = parse_since(since)?;
    }
    if args.new {
        options.filters.run = Some(index.commit_info()?.run);
    }
    Ok(options)
}

pub fn run(args: SuggestArgs) -> anyhow::Result<ExitCode> {
    let profile = Profile::load(&args.profile)?;
    let index = PolicyIndex::open(&args.dir)?;
    let options = options(&args, &index)?;
    let suggestions = Matcher::new(&index)
        .suggest(&profile, &options)
        .with_context(|| {
            t!(
                lang(),
                "suggest-while",
                path = args.profile.display().to_string()
            )
        })?;
    let mut out = std::io::stdout().lock();
    match args.format {
        ReportFormat::Json => {
            serde_json::to_writer(&mut out, &json(&profile, &suggestions))?;
            writeln!(out)?;
        }
        ReportFormat::Text => text(&mut out, &suggestions)?,
        ReportFormat::Markdown => markdown(&mut out, &profile, &suggestions)?,
    }
    if suggestions.is_empty() {
        eprintln!(
            "{}",
            t!(
                lang(),
                "suggest-none",
                name = profile.name.as_str(),
                floor = policymatch_i18n::decimal(lang(), f64::from(SCORE_FLOOR), 1)
            )
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn json(profile: &Profile, suggestions: &[Suggestion]) -> serde_json::Value {
    let items: Vec<_> = suggestions
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let p = &s.passage;
            serde_json::json!({
                "rank": i + 1,
                "score": s.score,
                "feature_score": s.feature_score,
                "document": document_json(&p.document),
                "page": p.page,
                "heading": p.heading,
                "text": p.text,
                "matched": s.matched.iter().map(|m| serde_json::json!({
                    "field": m.field.key(),
                    "term": m.term,
                })).collect::<Vec<_>>(),
                "reasons": s.reasons.iter().map(|r| r.text(lang())).collect::<Vec<_>>(),
                "reason_details": s.reasons.iter().map(|r| serde_json::json!({
                    "code": r.code(),
                    "text": r.text(lang()),
                    "data": r,
                })).collect::<Vec<_>>(),
                "intents": s.intents,
                "who": Contact::of(s),
                "also_in": s.also_in.iter().map(|a| serde_json::json!({
                    "path": a.path,
                    "page": a.page,
                    "same_item": a.same_item,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::json!({
        "profile": { "name": profile.name },
        "suggestions": items,
    })
}

/// "fase: … · udvalg: … · enhed: … · sagsnr. …", from what the document names.
fn who_line(s: &Suggestion) -> String {
    who_of(lang(), &Contact::of(s))
}

fn reasons_line(s: &Suggestion) -> String {
    s.reasons
        .iter()
        .map(|r| r.text(lang()))
        .collect::<Vec<_>>()
        .join("; ")
}

fn text(out: &mut impl Write, suggestions: &[Suggestion]) -> anyhow::Result<()> {
    for (i, s) in suggestions.iter().enumerate() {
        let p = &s.passage;
        writeln!(out, "{}", passage_line(i + 1, p, s.score))?;
        writeln!(out, "   {}", highlight(&p.text, &s.highlights))?;
        writeln!(out, "   {}: {}", t!(lang(), "suggest-why"), reasons_line(s))?;
        let who = who_line(s);
        if !who.is_empty() {
            writeln!(out, "   {}: {who}", t!(lang(), "suggest-who"))?;
        }
        writeln!(out, "   {}", p.document.path)?;
        for a in &s.also_in {
            let also = t!(
                lang(),
                "suggest-also-in",
                path = a.path.as_str(),
                page = a.page
            );
            writeln!(out, "   {also}")?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn markdown(
    out: &mut impl Write,
    profile: &Profile,
    suggestions: &[Suggestion],
) -> anyhow::Result<()> {
    let lang = lang();
    writeln!(
        out,
        "# {}\n",
        t!(lang, "md-suggest-title", name = profile.name.as_str())
    )?;
    if suggestions.is_empty() {
        writeln!(out, "{}", t!(lang, "md-suggest-none"))?;
        return Ok(());
    }
    writeln!(
        out,
        "{}\n",
        t!(lang, "md-suggest-lead", count = suggestions.len())
    )?;
    for (i, s) in suggestions.iter().enumerate() {
        let p = &s.passage;
        let d = &p.document;
        let mut meta = vec![or_unknown(&d.municipality).to_string()];
        if d.year > 0 {
            meta.push(d.year.to_string());
        }
        meta.push(t!(lang, "md-suggest-page", page = p.page));
        writeln!(
            out,
            "## {}. {}\n\n*{}*{}\n",
            i + 1,
            or_unknown(&d.title).replace(['\n', '#'], " "),
            meta.join(", "),
            if p.heading.is_empty() {
                String::new()
            } else {
                format!(" — {}", p.heading.replace('\n', " "))
            }
        )?;
        writeln!(out, "> {}\n", highlight_md(&p.text, &s.highlights))?;
        writeln!(out, "**{}:** {}\n", t!(lang, "md-why"), reasons_line(s))?;
        let who = who_line(s);
        if !who.is_empty() {
            writeln!(out, "**{}:** {who}\n", t!(lang, "md-who"))?;
        }
        let path = format!("`{}`", d.path);
        writeln!(out, "{}", t!(lang, "md-suggest-source", path = path))?;
        if !s.also_in.is_empty() {
            let places: Vec<String> = s
                .also_in
                .iter()
                .map(|a| {
                    let path = format!("`{}`", a.path);
                    t!(lang, "md-suggest-place", path = path, page = a.page)
                })
                .collect();
            writeln!(
                out,
                "\n{}",
                t!(lang, "md-suggest-also-in", places = places.join(", "))
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Highlighting for Markdown: always `**…**`, whatever the terminal.
fn highlight_md(text: &str, ranges: &[(usize, usize)]) -> String {
    crate::output::highlight_with(text, ranges, "**", "**")
}

#[cfg(test)]
mod tests {
    use super::parse_since;

    #[test]
    fn since_takes_a_year_or_a_date() {
        assert_eq!(parse_since("2024").unwrap(), (Some(2024), None));
        assert_eq!(parse_since("2024-03-01").unwrap(), (None, Some(20240301)));
        assert!(parse_since("24").is_err());
        assert!(parse_since("2024-13-01").is_err());
        assert!(parse_since("2024-3-1").is_err());
        assert!(parse_since("2023-02-31").is_err());
    }
}
