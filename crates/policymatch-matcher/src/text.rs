//! The words of matches in the reader's language: profile fields, intents, stages of an
//! agenda item, deadline kinds and lists, each from the message files of
//! [`policymatch_i18n`] by a stable key.

use crate::{Intent, Lang, ProfileField};
use policymatch_core::deadlines::DeadlineKind;
use policymatch_core::process::Stage;
use policymatch_i18n::t;

/// How `lang` names a profile field: "tema", "theme".
pub fn field(lang: Lang, f: ProfileField) -> String {
    match f {
        ProfileField::Theme => t!(lang, "field-theme"),
        ProfileField::Activity => t!(lang, "field-activity"),
        ProfileField::TargetGroup => t!(lang, "field-target_group"),
        ProfileField::Description => t!(lang, "field-description"),
        ProfileField::Exclude => t!(lang, "field-exclude"),
    }
}

/// The intent's key in messages: "goal", "initiative".
pub fn intent_key(i: Intent) -> &'static str {
    match i {
        Intent::Goal => "goal",
        Intent::Initiative => "initiative",
        Intent::Decision => "decision",
        Intent::Funding => "funding",
        Intent::Consultation => "consultation",
    }
}

/// How `lang` names an intent: "et mål", "goal".
pub fn intent(lang: Lang, i: Intent) -> String {
    match i {
        Intent::Goal => t!(lang, "intent-goal"),
        Intent::Initiative => t!(lang, "intent-initiative"),
        Intent::Decision => t!(lang, "intent-decision"),
        Intent::Funding => t!(lang, "intent-funding"),
        Intent::Consultation => t!(lang, "intent-consultation"),
    }
}

/// How `lang` names the stage of an agenda item: "offentlig høring".
pub fn stage(lang: Lang, s: Stage) -> String {
    match s {
        Stage::Draft => t!(lang, "stage-draft"),
        Stage::Consultation => t!(lang, "stage-consultation"),
        Stage::Approval => t!(lang, "stage-approval"),
        Stage::Status => t!(lang, "stage-status"),
        Stage::Orientation => t!(lang, "stage-orientation"),
    }
}

/// How `lang` names what kind of owner a [`crate::who::Owner`] is: "udvalg", "enhed", "person".
pub fn owner_kind(lang: Lang, k: crate::who::OwnerKind) -> String {
    match k {
        crate::who::OwnerKind::Committee => t!(lang, "who-kind-committee"),
        crate::who::OwnerKind::Unit => t!(lang, "who-kind-unit"),
        crate::who::OwnerKind::Person => t!(lang, "who-kind-person"),
    }
}

/// "3. Enhed: Center for Sundhed og Omsorg — 2 match, 1 kommende begivenhed": an owner at
/// `rank` (1-based) in `lang`.
pub fn owner_line(lang: Lang, rank: usize, o: &crate::who::Owner) -> String {
    t!(
        lang,
        "who-line",
        rank = rank,
        kind = owner_kind(lang, o.kind),
        name = o.name_with_details(),
        matches = o.matches,
        events = o.upcoming_events
    )
}

/// "punkt 3" or "s. 4": where an owner is seen, in `lang`.
pub fn evidence_place(lang: Lang, e: &crate::who::Evidence) -> String {
    match &e.item {
        Some(item) => t!(lang, "report-item", item = item.as_str()),
        None => t!(lang, "report-page-short", page = e.page),
    }
}

/// How `lang` names what a deadline is about: "ansøgningsfrist".
pub fn deadline(lang: Lang, k: DeadlineKind) -> String {
    match k {
        DeadlineKind::Consultation => t!(lang, "deadline-consultation"),
        DeadlineKind::Application => t!(lang, "deadline-application"),
        DeadlineKind::Revision => t!(lang, "deadline-revision"),
        DeadlineKind::Deadline => t!(lang, "deadline-deadline"),
        DeadlineKind::Meeting => t!(lang, "deadline-meeting"),
    }
}

/// "a, b og c" ("a, b and c"): the items, trimmed, empty ones left out.
pub fn list(lang: Lang, items: &[String]) -> String {
    let items: Vec<&str> = items
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => t!(lang, "list-and", init = init.join(", "), last = *last),
    }
}

/// How `lang` names the agenda item an attachment belongs to: "bilag til punkt 11 »…«,
/// Sundheds- og Omsorgsudvalget 2025-01-06".
pub fn attachment(lang: Lang, a: &policymatch_core::sources::sidecar::AttachmentOf) -> String {
    t!(
        lang,
        "attachment-of",
        item = a.item.as_str(),
        caption = a.caption.as_str(),
        committee = a.committee.as_str(),
        date = a.meeting_date.as_str()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_join_with_the_languages_and() {
        let items = ["a".to_string(), " ".into(), "b".into(), "c".into()];
        assert_eq!(list(Lang::Da, &items), "a, b og c");
        assert_eq!(list(Lang::En, &items[..3]), "a and b");
        assert_eq!(list(Lang::Da, &items[..1]), "a");
    }
}
