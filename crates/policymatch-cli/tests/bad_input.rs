//! Bad arguments and bad profiles: a table of cases, each with its exit code and the exact
//! one-line message on stderr (paths of temporary files are written as `{dir}`).

use std::process::Command;

struct Case {
    args: &'static [&'static str],
    /// A profile file written into `{dir}/p.toml` first, when given.
    profile: Option<&'static str>,
    code: i32,
    message: &'static str,
}

const CASES: &[Case] = &[
    Case {
        args: &["suggest"],
        profile: None,
        code: 2,
        message: "policymatch: error: the following required arguments were not provided: --profile <PROFILE> (hint: see `policymatch --help`)",
    },
    Case {
        args: &["frobnicate"],
        profile: None,
        code: 2,
        message: "policymatch: error: unrecognized subcommand 'frobnicate' (hint: see `policymatch --help`)",
    },
    Case {
        args: &["search", "x", "--top", "many"],
        profile: None,
        code: 2,
        message: "policymatch: error: invalid value 'many' for '--top <TOP>': invalid digit found in string (hint: see `policymatch --help`)",
    },
    Case {
        args: &["index", "{dir}/missing-folder", "--index", "{dir}/idx"],
        profile: None,
        code: 2,
        message: "policymatch: error: {dir}/missing-folder: no such file or folder",
    },
    Case {
        args: &["list", "--index", "{dir}/nothing"],
        profile: None,
        code: 2,
        message: "policymatch: error: index {dir}/nothing: no index here; run `policymatch index FOLDER` first (or pass --index DIR)",
    },
    Case {
        args: &["deadlines", "--index", "{dir}/idx", "--after", "soon"],
        profile: None,
        code: 2,
        message: "policymatch: error: --after \"soon\": expected YYYY-MM-DD or YYYY",
    },
    Case {
        args: &[
            "suggest",
            "--profile",
            "{dir}/p.toml",
            "--index",
            "{dir}/idx",
        ],
        profile: Some("name = \"A\"\ndescription = \"b\"\ntemes = [\"x\"]\n"),
        code: 2,
        message: "policymatch: error: profile {dir}/p.toml (line 3, column 1) is not valid: unknown field `temes`, expected one of `name`, `description`, `themes`, `activities`, `target_groups`, `municipalities`, `areas`, `exclude`, `facts`, `contact`",
    },
    Case {
        args: &[
            "suggest",
            "--profile",
            "{dir}/p.toml",
            "--index",
            "{dir}/idx",
        ],
        profile: Some("name = \"A\"\ndescription = \"b\"\nthemes = \"ensomhed\"\n"),
        code: 2,
        message: "policymatch: error: profile {dir}/p.toml (line 3, column 10) is not valid: invalid type: string \"ensomhed\", expected a sequence",
    },
    Case {
        args: &[
            "suggest",
            "--profile",
            "{dir}/missing.toml",
            "--index",
            "{dir}/idx",
        ],
        profile: None,
        code: 2,
        message: "policymatch: error: cannot read profile {dir}/missing.toml: no such file or folder",
    },
];

#[test]
fn bad_arguments_and_profiles_give_exact_one_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    // An index for the cases that need one (an empty text file is enough).
    std::fs::create_dir(dir.path().join("docs")).unwrap();
    std::fs::write(dir.path().join("docs/a.txt"), "Ensomhed blandt ældre.").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_policymatch"))
        .args([
            "index",
            &format!("{d}/docs"),
            "--index",
            &format!("{d}/idx"),
        ])
        .output()
        .unwrap();
    assert!(o.status.success());
    let mut failures = Vec::new();
    for case in CASES {
        if let Some(text) = case.profile {
            std::fs::write(dir.path().join("p.toml"), text).unwrap();
        }
        let args: Vec<String> = case.args.iter().map(|a| a.replace("{dir}", d)).collect();
        let o = Command::new(env!("CARGO_BIN_EXE_policymatch"))
            .args(&args)
            .env_remove("POLICYMATCH_INDEX")
            // the English wording is pinned here; the Danish default in tests/lang.rs
            .env("POLICYMATCH_LANG", "en")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr)
            .trim_end()
            .replace(d, "{dir}");
        if o.status.code() != Some(case.code) || stderr != case.message {
            failures.push(format!(
                "{:?}\n  want {} {:?}\n  got  {:?} {:?}",
                case.args,
                case.code,
                case.message,
                o.status.code(),
                stderr
            ));
        }
        assert!(
            o.stdout.is_empty(),
            "{:?}: errors print nothing on stdout",
            case.args
        );
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
