//! Every text a person reads in the feed, calendar, digest and mail, in one place. The words
//! come from the message files (`watch.ftl` in policymatch-i18n), in the reader's language.

use crate::item::ItemKind;
use policymatch_core::deadlines::DeadlineKind;
use policymatch_core::process::Stage;
use policymatch_i18n::{Lang, t};

/// A YYYYMMDD date as "14. august 2024" ("14 August 2024"), a bare year as "2026", 0 as
/// "ukendt dato".
pub fn date(lang: Lang, d: u64) -> String {
    let (y, m, day) = (d / 10000, d / 100 % 100, d % 100);
    match (d, m) {
        (0, _) => t!(lang, "watch-date-unknown"),
        (_, 0) => y.to_string(),
        _ => {
            // the month's message id is made from its number (1 to 12: `m` is d / 100 % 100
            // of a date that is neither 0 nor a bare year; an unknown id shows as itself)
            let month = policymatch_i18n::text(lang, &format!("watch-month-{m}"), &[]);
            t!(
                lang,
                "watch-date",
                day = day.to_string(),
                month = month,
                year = y.to_string()
            )
        }
    }
}

/// The stage of a case (the report's words).
pub fn stage(lang: Lang, s: Stage) -> String {
    policymatch_matcher::text::stage(lang, s)
}

/// What a deadline is about, as a digest line begins: "Høring", "Ansøgningsfrist" (the
/// report's words, capitalised).
pub fn deadline_kind(lang: Lang, k: DeadlineKind) -> String {
    let word = policymatch_matcher::text::deadline(lang, k);
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => word,
    }
}

/// Heading of a digest section.
pub fn section(lang: Lang, kind: ItemKind) -> String {
    match kind {
        ItemKind::Match => t!(lang, "watch-section-match"),
        ItemKind::Deadline => t!(lang, "watch-section-deadline"),
        ItemKind::Meeting => t!(lang, "watch-section-meeting"),
        ItemKind::CaseItem => t!(lang, "watch-section-case"),
    }
}

/// Short name of an item kind (feed categories).
pub fn kind(lang: Lang, kind: ItemKind) -> String {
    match kind {
        ItemKind::Match => t!(lang, "watch-kind-match"),
        ItemKind::Deadline => t!(lang, "watch-kind-deadline"),
        ItemKind::Meeting => t!(lang, "watch-kind-meeting"),
        ItemKind::CaseItem => t!(lang, "watch-kind-case"),
    }
}

/// Title of the digest and the feed.
pub fn digest_title(lang: Lang, profile: &str) -> String {
    t!(lang, "watch-title", profile = profile)
}

/// The line under the title.
pub fn digest_intro(lang: Lang, today: u64, count: usize, municipalities: &[String]) -> String {
    let places = if municipalities.is_empty() {
        t!(lang, "watch-all-municipalities")
    } else {
        municipalities.join(", ")
    };
    t!(
        lang,
        "watch-intro",
        date = date(lang, today),
        places = places,
        what = t!(lang, "watch-new-count", count = count)
    )
}

/// Said when nothing is new.
pub fn nothing_new(lang: Lang) -> String {
    t!(lang, "watch-nothing-new-line")
}

/// Mail subject.
pub fn subject(lang: Lang, profile: &str, count: usize) -> String {
    t!(lang, "watch-subject", profile = profile, count = count)
}

/// The labels of the digest, feed and calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// "Kilde": the source line.
    Source,
    /// "side": a page.
    Page,
    /// "punkt": an agenda item.
    Item,
    /// "Sag": a case number.
    Case,
    /// "Udvalg": the committee.
    Committee,
    /// "Ord fra profilen": the profile words a match contains.
    Terms,
    /// "På dagsordenen": the items of a meeting.
    OnTheAgenda,
    /// "Nøgler": the footer's item keys.
    Keys,
    /// "Lavet af policymatch watch.": the generator line.
    MadeBy,
}

/// The label `l` in `lang`.
pub fn label(lang: Lang, l: Label) -> String {
    match l {
        Label::Source => t!(lang, "watch-source"),
        Label::Page => t!(lang, "watch-page"),
        Label::Item => t!(lang, "watch-item"),
        Label::Case => t!(lang, "watch-case"),
        Label::Committee => t!(lang, "watch-committee"),
        Label::Terms => t!(lang, "watch-terms"),
        Label::OnTheAgenda => t!(lang, "watch-on-the-agenda"),
        Label::Keys => t!(lang, "watch-keys"),
        Label::MadeBy => t!(lang, "watch-made-by"),
    }
}

/// Title of a match in the feed.
pub fn match_title(lang: Lang, title: &str) -> String {
    t!(lang, "watch-match-title", title = title)
}

/// Title of a deadline in the feed.
pub fn deadline_title(lang: Lang, kind: DeadlineKind, d: u64, title: &str) -> String {
    format!("{} {}: {title}", deadline_kind(lang, kind), date(lang, d))
}

/// Title of a meeting in the feed and calendar.
pub fn meeting_title(lang: Lang, committee: &str, d: u64) -> String {
    t!(
        lang,
        "watch-meeting-title",
        committee = committee,
        date = date(lang, d)
    )
}

/// Title of a case item in the feed.
pub fn case_title(lang: Lang, case: &str, title: &str) -> String {
    format!("{} {case}: {title}", label(lang, Label::Case))
}

/// "fase: høring (før: udkast / drøftelse)".
pub fn stage_change(lang: Lang, now: Option<Stage>, before: Option<Stage>) -> Option<String> {
    let now = now?;
    Some(match before {
        Some(b) if b != now => t!(
            lang,
            "watch-stage-change",
            now = stage(lang, now),
            before = stage(lang, b)
        ),
        _ => t!(lang, "watch-stage-now", now = stage(lang, now)),
    })
}

/// Name of the calendar.
pub fn calendar_name(lang: Lang, profile: &str) -> String {
    t!(lang, "watch-calendar-name", profile = profile)
}

/// The calendar's PRODID for `what` ("watch", "deadlines"), naming its language.
pub fn prodid(lang: Lang, what: &str) -> String {
    format!(
        "-//policymatch//{what}//{}",
        lang.code().to_ascii_uppercase()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_both_languages() {
        assert_eq!(date(Lang::Da, 20240814), "14. august 2024");
        assert_eq!(date(Lang::En, 20240814), "14 August 2024");
        assert_eq!(date(Lang::Da, 20260000), "2026");
        assert_eq!(date(Lang::Da, 0), "ukendt dato");
        assert_eq!(date(Lang::En, 0), "unknown date");
    }

    #[test]
    fn stage_changes_name_the_stage_before() {
        assert_eq!(
            stage_change(Lang::Da, Some(Stage::Approval), Some(Stage::Draft)).as_deref(),
            Some("fase: godkendelse (før: udkast / drøftelse)")
        );
        assert_eq!(
            stage_change(Lang::En, Some(Stage::Approval), Some(Stage::Draft)).as_deref(),
            Some("stage: approval (before: draft / discussion)")
        );
        assert_eq!(
            stage_change(Lang::Da, Some(Stage::Approval), Some(Stage::Approval)).as_deref(),
            Some("fase: godkendelse")
        );
        assert_eq!(stage_change(Lang::Da, None, Some(Stage::Approval)), None);
    }

    #[test]
    fn counts_read_naturally() {
        assert_eq!(subject(Lang::Da, "A", 1), "policymatch: 1 nyt for A");
        assert_eq!(subject(Lang::En, "A", 3), "policymatch: 3 new for A");
        let none = digest_intro(Lang::Da, 20240501, 0, &[]);
        assert!(none.contains("intet nyt"), "{none}");
        assert!(none.contains("alle kommuner"), "{none}");
        assert!(digest_intro(Lang::En, 20240501, 2, &[]).contains("2 new items"));
    }
}
