//! Every text a person reads in the feed, calendar, digest and mail, in Danish, in one place
//! (so that it can move into message files).

use crate::item::ItemKind;
use policymatch_core::deadlines::DeadlineKind;
use policymatch_core::process::Stage;

use policymatch_core::dates::MONTHS;

/// A YYYYMMDD date as "14. august 2024" (a bare year as "2026", 0 as "ukendt dato").
pub fn date(d: u64) -> String {
    let (y, m, day) = (d / 10000, d / 100 % 100, d % 100);
    match (d, m) {
        (0, _) => "ukendt dato".into(),
        (_, 0) => y.to_string(),
        _ => format!(
            "{day}. {} {y}",
            MONTHS.get(m as usize - 1).copied().unwrap_or("?")
        ),
    }
}

/// The stage of a case.
pub fn stage(s: Stage) -> &'static str {
    match s {
        Stage::Draft => "udkast / drøftelse",
        Stage::Consultation => "høring",
        Stage::Approval => "godkendelse",
        Stage::Status => "status / evaluering",
        Stage::Orientation => "orientering",
    }
}

/// What a deadline is about, as a digest line begins: "Høring", "Ansøgningsfrist" (the
/// report's words, from the message files, capitalised).
pub fn deadline_kind(k: DeadlineKind) -> String {
    let word = policymatch_matcher::text::deadline(policymatch_matcher::Lang::Da, k);
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => word,
    }
}

/// Heading of a digest section.
pub fn section(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Match => "Nye match",
        ItemKind::Deadline => "Høringer og frister",
        ItemKind::Meeting => "Møder",
        ItemKind::CaseItem => "Fulgte sager",
    }
}

/// Short name of an item kind (feed categories).
pub fn kind(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Match => "match",
        ItemKind::Deadline => "frist",
        ItemKind::Meeting => "møde",
        ItemKind::CaseItem => "sag",
    }
}

/// Title of the digest and the feed.
pub fn digest_title(profile: &str) -> String {
    format!("Nyt fra kommunen for {profile}")
}

/// The line under the title.
pub fn digest_intro(today: u64, count: usize, municipalities: &[String]) -> String {
    let places = if municipalities.is_empty() {
        "alle kommuner i indekset".to_string()
    } else {
        municipalities.join(", ")
    };
    let what = match count {
        0 => "intet nyt".to_string(),
        1 => "1 nyt punkt".to_string(),
        n => format!("{n} nye punkter"),
    };
    format!(
        "Kørt {} · {places} · {what} siden sidste kørsel.",
        date(today)
    )
}

/// Said when nothing is new.
pub const NOTHING_NEW: &str = "Intet nyt siden sidste kørsel.";

/// Mail subject.
pub fn subject(profile: &str, count: usize) -> String {
    match count {
        1 => format!("policymatch: 1 nyt for {profile}"),
        n => format!("policymatch: {n} nye for {profile}"),
    }
}

/// Label of the source line.
pub const SOURCE: &str = "Kilde";
/// Label of the page.
pub const PAGE: &str = "side";
/// Label of the agenda item.
pub const ITEM: &str = "punkt";
/// Label of the case number.
pub const CASE: &str = "Sag";
/// Label of the committee.
pub const COMMITTEE: &str = "Udvalg";
/// Label of the stage.
pub const STAGE: &str = "Fase";
/// Label of the profile words a match contains.
pub const TERMS: &str = "Ord fra profilen";
/// Label of the items of a meeting.
pub const ON_THE_AGENDA: &str = "På dagsordenen";
/// Footer: the keys of the items, for the record.
pub const KEYS: &str = "Nøgler";
/// Generator line in the digest's footer.
pub const MADE_BY: &str = "Lavet af policymatch watch.";

/// Title of a match in the feed.
pub fn match_title(title: &str) -> String {
    format!("Nyt match: {title}")
}

/// Title of a deadline in the feed.
pub fn deadline_title(kind: DeadlineKind, d: u64, title: &str) -> String {
    format!("{} {}: {title}", deadline_kind(kind), date(d))
}

/// Title of a meeting in the feed and calendar.
pub fn meeting_title(committee: &str, d: u64) -> String {
    format!("Møde i {committee} {}", date(d))
}

/// Title of a case item in the feed.
pub fn case_title(case: &str, title: &str) -> String {
    format!("{CASE} {case}: {title}")
}

/// "fase: høring (før: udkast / drøftelse)".
pub fn stage_change(now: Option<Stage>, before: Option<Stage>) -> Option<String> {
    let now = now?;
    Some(match before {
        Some(b) if b != now => format!(
            "{}: {} (før: {})",
            STAGE.to_lowercase(),
            stage(now),
            stage(b)
        ),
        _ => format!("{}: {}", STAGE.to_lowercase(), stage(now)),
    })
}

/// Name of the calendar.
pub fn calendar_name(profile: &str) -> String {
    format!("Kommende frister og møder for {profile}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_dates() {
        assert_eq!(date(20240814), "14. august 2024");
        assert_eq!(date(20260000), "2026");
        assert_eq!(date(0), "ukendt dato");
    }

    #[test]
    fn stage_changes_name_the_stage_before() {
        assert_eq!(
            stage_change(Some(Stage::Approval), Some(Stage::Consultation)).as_deref(),
            Some("fase: godkendelse (før: høring)")
        );
        assert_eq!(
            stage_change(Some(Stage::Approval), Some(Stage::Approval)).as_deref(),
            Some("fase: godkendelse")
        );
        assert_eq!(stage_change(None, Some(Stage::Approval)), None);
    }
}
