//! # policymatch-i18n
//!
//! Every word policymatch shows a person comes from the Fluent message files in this crate's
//! `locales/` folder: one folder per language, `da` (the default) and `en`, embedded in the
//! binary at build time. Code names a message by its id and passes its arguments; the
//! languages' files say how it reads.
//!
//! ```
//! use policymatch_i18n::{Lang, t};
//!
//! assert_eq!(t!(Lang::Da, "field-theme"), "tema");
//! assert_eq!(t!(Lang::En, "field-theme"), "theme");
//! assert_eq!(
//!     t!(Lang::En, "reason-term", field = t!(Lang::En, "field-theme"), term = "ensomhed"),
//!     "theme 'ensomhed'"
//! );
//! ```
#![deny(missing_docs)]

use fluent_templates::LanguageIdentifier;
use fluent_templates::Loader;
use std::borrow::Cow;
use std::collections::HashMap;

pub use fluent_templates::fluent_bundle::FluentValue as Value;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "da",
        // arguments are plain text in a terminal, a Markdown file or an HTML page: no
        // Unicode isolation marks around them
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language policymatch speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Danish, the default.
    #[default]
    Da,
    /// English.
    En,
}

/// The environment variable that chooses the language when `--lang` is not given.
pub const ENV: &str = "POLICYMATCH_LANG";

impl Lang {
    /// Every language, the default first.
    pub const ALL: [Lang; 2] = [Lang::Da, Lang::En];

    /// The language's code, as in `--lang` and the message folders: "da", "en".
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// The language `s` names: "da", "en", also with a region or encoding ("da_DK.UTF-8",
    /// "en-GB"); `None` for any other.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        let base = s.split(['_', '-', '.']).next().unwrap_or_default();
        match base {
            "da" | "dansk" => Some(Lang::Da),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language [`ENV`] names, else Danish.
    pub fn from_env() -> Lang {
        std::env::var(ENV)
            .ok()
            .and_then(|v| Lang::parse(&v))
            .unwrap_or_default()
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Lang::Da => fluent_templates::langid!("da"),
            Lang::En => fluent_templates::langid!("en"),
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The message `id` in `lang` with `args`. A message missing from `lang` falls back to
/// Danish; one missing from both is shown as its id (a test keeps the files complete).
pub fn text(lang: Lang, id: &str, args: &[(&str, Value<'_>)]) -> String {
    let found = if args.is_empty() {
        LOCALES.try_lookup(&lang.id(), id)
    } else {
        let map: HashMap<Cow<'static, str>, Value<'_>> = args
            .iter()
            .map(|(k, v)| (Cow::Owned(k.to_string()), v.clone()))
            .collect();
        // the loader wants 'static keys; the values live as long as this call
        LOCALES.try_lookup_with_args(&lang.id(), id, &map)
    };
    found.unwrap_or_else(|| id.to_string())
}

/// The message `id` in `lang`'s own files with `args`, without falling back to another
/// language or to the id; `None` when `lang` has no such message.
pub fn lookup(lang: Lang, id: &str, args: &[(&str, Value<'_>)]) -> Option<String> {
    let map: HashMap<Cow<'static, str>, Value<'_>> = args
        .iter()
        .map(|(k, v)| (Cow::Owned(k.to_string()), v.clone()))
        .collect();
    LOCALES
        .lookup_single_language(&lang.id(), id, Some(&map))
        .ok()
}

/// `t!(lang, "id")` or `t!(lang, "id", name = value, ...)`: the message `id` in `lang`
/// (see [`text`]); values are anything a Fluent value is made from (text, numbers).
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:literal $(,)?) => {
        $crate::text($lang, $id, &[])
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::text(
            $lang,
            $id,
            &[$((stringify!($name), $crate::Value::from($value))),+],
        )
    };
}

/// A decimal number as `lang` writes it: "12,34" in Danish, "12.34" in English.
pub fn decimal(lang: Lang, value: f64, places: usize) -> String {
    let s = format!("{value:.places$}");
    match lang {
        Lang::Da => s.replace('.', ","),
        Lang::En => s,
    }
}

#[cfg(test)]
mod tests;
