//! Loading every kind of file in a worker process, so that no reader can stop a run.
//!
//! [`IsolatedLoader`] starts one worker per file (a program whose hidden subcommand calls
//! [`run_load_worker`]) with the time, memory and reply limits of
//! [`crate::extract::isolated`]; the worker loads the file with [`InProcessLoader`] and sends
//! back the [`Loaded`] as JSON. A panic in a reader becomes that file's failure with a one-line
//! reason; a worker that hangs, runs out of memory or dies is reported the same way, and the
//! run goes on.

use super::build::{InProcessLoader, Loaded, Loader};
use super::walk::SourceKind;
use crate::extract::isolated::{
    Limits, WorkerCommand, limit_worker_memory, one_line_panic, print_reply, run_in_worker,
};
use std::path::Path;

/// The argument that tells a worker to load a file of the kind that follows it (instead of
/// extracting a PDF's pages).
pub const LOAD_ARG: &str = "--load";

/// The name a worker is given for a kind (after [`LOAD_ARG`]).
pub fn kind_name(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Pdf => "pdf",
        SourceKind::AgendaJson => "agenda-json",
        SourceKind::Html => "html",
        SourceKind::Text => "text",
        SourceKind::Docx => "docx",
        SourceKind::Doc => "doc",
        SourceKind::AgendaXml => "agenda-xml",
    }
}

/// The kind [`kind_name`] names.
pub fn kind_named(name: &str) -> Option<SourceKind> {
    SourceKind::ALL.into_iter().find(|k| kind_name(*k) == name)
}

/// Loads each file in a worker process within [`Limits`].
#[derive(Debug, Clone)]
pub struct IsolatedLoader {
    /// How to start a worker (the program and the arguments that select the worker
    /// subcommand; [`LOAD_ARG`], the kind and the path are added).
    pub worker: WorkerCommand,
    /// Time, memory and reply limits of one file.
    pub limits: Limits,
}

impl Loader for IsolatedLoader {
    fn load(&self, path: &Path, _bytes: &[u8], kind: SourceKind) -> Loaded {
        // The worker reads the file itself: sending the bytes would hold them twice here.
        match run_in_worker::<Loaded>(
            &self.worker,
            &[LOAD_ARG, kind_name(kind)],
            path,
            self.limits,
        ) {
            Ok(loaded) => loaded,
            Err(e) => Loaded::Failed(e.into()),
        }
    }
}

/// The worker side of [`IsolatedLoader`]: caps this process's memory, loads `path` as `kind`
/// with [`InProcessLoader`] (a panic becomes [`Loaded::Failed`]) and prints the [`Loaded`] as
/// JSON on stdout.
pub fn run_load_worker(path: &Path, kind: SourceKind) -> std::io::Result<()> {
    limit_worker_memory();
    let loaded = match std::fs::read(path) {
        Ok(bytes) => load_caught(&InProcessLoader, path, &bytes, kind),
        Err(e) => Loaded::Failed(crate::problem::Problem::unreadable(&e)),
    };
    print_reply(&loaded)
}

/// Loads with `loader`, a panic becoming [`Loaded::Failed`] with a one-line reason.
fn load_caught(loader: &dyn Loader, path: &Path, bytes: &[u8], kind: SourceKind) -> Loaded {
    // Nothing the loader touches outlives the call, so a half-done load cannot be observed.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        loader.load(path, bytes, kind)
    }))
    .unwrap_or_else(|payload| {
        Loaded::Failed(crate::problem::Problem::ReaderCrashed(one_line_panic(
            &payload,
        )))
    })
}

#[cfg(test)]
mod tests {
    /// A test's outcome: an error fails it with its message.
    type TestResult = Result<(), Box<dyn std::error::Error>>;
    use super::*;

    #[test]
    fn every_kind_has_a_name_that_names_it() {
        for kind in SourceKind::ALL {
            assert_eq!(kind_named(kind_name(kind)), Some(kind));
        }
        assert_eq!(kind_named("xlsx"), None);
    }

    struct Panics;

    impl Loader for Panics {
        fn load(&self, _: &Path, bytes: &[u8], _: SourceKind) -> Loaded {
            let text = std::str::from_utf8(bytes).unwrap_or_default();
            // the slice the Kelvin sign (3 bytes) broke the HTML reader with
            Loaded::Skipped(crate::problem::Problem::Io(text[2..].to_string()))
        }
    }

    #[test]
    fn a_panic_in_a_reader_is_the_files_one_line_failure() {
        let text = "\u{212a}a\nmore\n".repeat(100);
        let loaded = load_caught(
            &Panics,
            Path::new("k.html"),
            text.as_bytes(),
            SourceKind::Html,
        );
        let Loaded::Failed(problem) = loaded else {
            panic!("{loaded:?}");
        };
        let reason = problem.to_string();
        assert!(
            reason.starts_with("reader crashed: ") && reason.contains("is not a char boundary"),
            "{reason}"
        );
        assert!(!reason.contains('\n'), "{reason}");
        assert!(
            reason.chars().count() <= "reader crashed: ".len() + 201,
            "{reason}"
        );
    }

    #[test]
    fn a_loaded_file_survives_the_trip_from_a_worker() -> TestResult {
        let loaded = crate::sources::load_non_pdf(
            Path::new("a.html"),
            b"<h1>Ensomhed</h1><p>F\xc3\xa6rre ensomme.</p>",
            SourceKind::Html,
        );
        let json = serde_json::to_vec(&loaded)?;
        let back: Loaded = serde_json::from_slice(&json)?;
        assert_eq!(format!("{back:?}"), format!("{loaded:?}"));
        assert!(matches!(back, Loaded::Documents(ref d) if d[0].pages[0].text.contains("Færre")));
        Ok(())
    }
}
