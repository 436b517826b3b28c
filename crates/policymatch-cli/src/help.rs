//! Help texts in the reader's language.
//!
//! clap takes its help from the doc comments in [`crate::args`] (English, and the fallback);
//! [`localise`] replaces them from the message files: a command's about line is `help-CMD`,
//! an argument's `help-CMD-ARG` or, for arguments many commands share, `help-arg-ARG`
//! (ARG is clap's id, the field's name). The section headings and the usage line come from
//! `help-heading-*`; default and possible values from `help-default` and `help-possible-values`;
//! the value names (`<PROFIL>`) from `help-value-WORD`, and the usage line's `[OPTIONS]` from
//! `help-usage-options`.
//! Usage errors are said from the message files in `crate::output::print_usage_error`.

use clap::Command;
use policymatch_i18n::{Lang, lookup};

fn message(lang: Lang, id: &str) -> Option<String> {
    lookup(lang, id, &[])
}

/// `cmd` (the root command) with its help texts, and its subcommands', in `lang`.
pub fn localise(mut cmd: Command, lang: Lang) -> Command {
    // the help and version flags and the help subcommand exist once the command is built
    cmd.build();
    localise_one(cmd, "root", lang)
}

/// `name` (an argument's value name, e.g. `PROFILE` or `YEAR|DATE`) in `lang`: each of its
/// `|`-separated words from `help-value-WORD`, or as it is when there is none (`da|en`).
fn value_name(lang: Lang, name: &str) -> String {
    name.split('|')
        .map(|w| message(lang, &format!("help-value-{}", w.to_lowercase())).unwrap_or(w.into()))
        .collect::<Vec<_>>()
        .join("|")
}

/// `a` with its value names in `lang` (clap's default is the argument's id in capitals).
fn with_value_names(a: clap::Arg, lang: Lang) -> clap::Arg {
    if !a.get_action().takes_values() {
        return a;
    }
    let names: Vec<String> = match a.get_value_names() {
        Some(names) => names.iter().map(ToString::to_string).collect(),
        None => vec![a.get_id().as_str().to_uppercase()],
    };
    let names: Vec<String> = names.iter().map(|n| value_name(lang, n)).collect();
    a.value_names(names)
}

/// The usage line of `cmd` in `lang`: clap's, with its `[OPTIONS]` said in `lang` (clap
/// offers no setting for that word; the value names are already localised).
fn usage(cmd: &mut Command, lang: Lang) -> Option<String> {
    let options = message(lang, "help-usage-options")?;
    let line = cmd.render_usage().to_string();
    // clap puts its own English heading before the line; the template says ours
    let line = line
        .strip_prefix("Usage:")
        .unwrap_or(&line)
        .trim()
        .to_string();
    Some(line.replace("[OPTIONS]", &options))
}

/// `a` with its possible and default values said in `lang` at the end of its help, instead of
/// clap's English "[possible values: …]" and "[default: …]".
fn with_values(a: clap::Arg, lang: Lang) -> clap::Arg {
    let mut notes = Vec::new();
    let possible: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !possible.is_empty() && a.get_action().takes_values() {
        let values = possible.join(", ");
        notes.push(policymatch_i18n::t!(
            lang,
            "help-possible-values",
            values = values
        ));
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && a.get_action().takes_values() {
        let value = defaults.join(", ");
        notes.push(policymatch_i18n::t!(lang, "help-default", value = value));
    }
    if notes.is_empty() {
        return a;
    }
    let help = a.get_help().map(ToString::to_string).unwrap_or_default();
    let help = format!("{help} {}", notes.join(" "));
    a.help(help)
        .long_help(None)
        .hide_possible_values(true)
        .hide_default_value(true)
}

fn localise_one(mut cmd: Command, name: &str, lang: Lang) -> Command {
    if let Some(about) = message(lang, &format!("help-{name}")) {
        cmd = cmd.about(about).long_about(None);
    }
    if let Some(template) = message(lang, "help-template") {
        cmd = cmd.help_template(template);
    }
    if let Some(heading) = message(lang, "help-heading-commands") {
        cmd = cmd.subcommand_help_heading(heading);
    }
    if let Some(command) = message(lang, "help-value-command") {
        cmd = cmd.subcommand_value_name(command);
    }
    let options = message(lang, "help-heading-options");
    let arguments = message(lang, "help-heading-arguments");
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = message(lang, &format!("help-{name}-{id}"))
            .or_else(|| message(lang, &format!("help-arg-{id}")));
        let (options, arguments) = (options.clone(), arguments.clone());
        cmd = cmd.mut_arg(id.as_str(), move |mut a| {
            if let Some(help) = help {
                a = a.help(help).long_help(None);
            }
            a = with_values(with_value_names(a, lang), lang);
            let heading = if a.is_positional() {
                arguments
            } else {
                options
            };
            match heading {
                Some(h) => a.help_heading(h),
                None => a,
            }
        });
    }
    if let Some(line) = usage(&mut cmd, lang) {
        cmd = cmd.override_usage(line);
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(sub.as_str(), |c| localise_one(c, &sub, lang));
    }
    cmd
}
