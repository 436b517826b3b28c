//! Finding the documents under the paths given to `index`.

use crate::problem::Problem;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// File name of the ignore file a folder may hold: one gitignore-style pattern per line
/// ("*.xlsx", "arkiv/", "!vigtig.pdf"), relative to that folder; a deeper folder's file
/// overrides its parents'. Paths given on the command line are never ignored.
pub const IGNORE_FILE: &str = ".policymatchignore";

pub use crate::document::SourceKind;

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Files to index, sorted, without duplicates.
    pub files: Vec<(PathBuf, SourceKind)>,
    /// Paths that were not indexed, with the reason.
    pub skipped: Vec<(PathBuf, Problem)>,
    /// Manifests (`MANIFEST.tsv` / `.csv`) found in the walked folders.
    pub manifests: Vec<PathBuf>,
    /// Files and folders passed over because an [`IGNORE_FILE`] names them.
    pub ignored: Vec<PathBuf>,
}

/// Deepest folder nesting a walk goes into.
const MAX_DEPTH: usize = 64;

/// The walker both passes use: hidden files and folders passed over, links followed (the
/// walker ends link loops), entries in name order, at most [`MAX_DEPTH`] folders deep.
/// No `.gitignore` or global ignore rules apply: a folder of documents is not a repository.
fn walker(root: &Path, ignore_files: bool) -> ignore::WalkBuilder {
    let mut b = ignore::WalkBuilder::new(root);
    b.standard_filters(false)
        .hidden(true)
        .parents(true)
        .follow_links(true)
        .max_depth(Some(MAX_DEPTH))
        .sort_by_file_name(|a, b| a.cmp(b));
    if ignore_files {
        b.add_custom_ignore_filename(IGNORE_FILE);
    }
    b
}

/// Why the walker could not go to an entry, in words.
fn reason(e: &ignore::Error) -> Problem {
    match e {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => reason(err),
        ignore::Error::Loop { .. } => Problem::FolderVisited,
        ignore::Error::Io(io) if io.raw_os_error() == Some(libc::ELOOP) => Problem::LinkLoop,
        ignore::Error::Io(io) if io.kind() == std::io::ErrorKind::NotFound => Problem::NotFound,
        ignore::Error::Glob { .. } => Problem::IgnorePatterns(e.to_string()),
        ignore::Error::Partial(errs) => Problem::Several(errs.iter().map(reason).collect()),
        other => Problem::Io(other.to_string()),
    }
}

/// The path an error is about, when it names one.
fn error_path(e: &ignore::Error) -> Option<PathBuf> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Partial(errs) => errs.iter().find_map(error_path),
        _ => None,
    }
}

/// Walks `roots` with `ignore::WalkBuilder`: files are taken as they are, folders
/// recursively. Symbolic links are followed, but a folder is never entered twice (so link
/// loops end). Unreadable entries and unsupported files are listed in [`Walk::skipped`];
/// manifests and READMEs are passed over; what an [`IGNORE_FILE`] names is listed in
/// [`Walk::ignored`]. Paths given on the command line are never ignored.
pub fn walk(roots: &[PathBuf]) -> Walk {
    let mut w = Walk::default();
    let mut seen_files = HashSet::new();
    for root in roots {
        let mut visited: HashSet<PathBuf> = HashSet::new();
        for entry in walker(root, true).build() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = error_path(&e).unwrap_or_else(|| root.clone());
                    // A broken link is reported by the walker as a missing file.
                    let mut why = reason(&e);
                    if why == Problem::NotFound && path.symlink_metadata().is_ok() {
                        why = Problem::BrokenLink;
                    }
                    w.skipped.push((path, why));
                    continue;
                }
            };
            let path = entry.path().to_path_buf();
            // A folder's unreadable ignore file or bad pattern comes with the folder's entry;
            // its good patterns still apply.
            if let Some(e) = entry.error() {
                let at = error_path(e).unwrap_or_else(|| path.join(IGNORE_FILE));
                w.skipped.push((at, reason(e)));
            }
            visited.insert(path.clone());
            let explicit = entry.depth() == 0;
            match entry.file_type() {
                Some(t) if t.is_dir() => {
                    if entry.depth() >= MAX_DEPTH {
                        w.skipped.push((path, Problem::TooDeep));
                    }
                }
                Some(t) if t.is_file() => take_file(&path, explicit, &mut w, &mut seen_files),
                _ => w.skipped.push((path, Problem::NotRegular)),
            }
        }
        ignored_under(root, &visited, &mut w);
    }
    w.files.sort();
    crate::problem::sort(&mut w.skipped);
    w.skipped.dedup();
    w.manifests.sort();
    w.manifests.dedup();
    w.ignored.sort();
    w.ignored.dedup();
    w
}

/// Lists in `w.ignored` the outermost entries under `root` that the ignore files kept the
/// walk out of: a second pass without them, which does not descend below what it finds.
fn ignored_under(root: &Path, visited: &HashSet<PathBuf>, w: &mut Walk) {
    let visited = std::sync::Arc::new(visited.clone());
    let found = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let (v, f) = (visited.clone(), found.clone());
    let mut b = walker(root, false);
    b.filter_entry(move |e| {
        if v.contains(e.path()) {
            return true;
        }
        if let Ok(mut f) = f.lock() {
            f.push(e.path().to_path_buf());
        }
        false
    });
    for _ in b.build() {}
    if let Ok(mut f) = found.lock() {
        w.ignored.append(&mut f);
    }
}

/// Takes a file the walk reached: a manifest, a document or a file policymatch does not read.
fn take_file(path: &Path, explicit: bool, w: &mut Walk, seen: &mut HashSet<PathBuf>) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let is_manifest =
        name.starts_with("manifest.") && (name.ends_with(".tsv") || name.ends_with(".csv"));
    if is_manifest {
        w.manifests.push(path.to_path_buf());
        return;
    }
    if !explicit && (name.starts_with("readme") || name.ends_with(".toml")) {
        return;
    }
    match SourceKind::of(path) {
        Some(kind) => {
            let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            if seen.insert(canonical) {
                w.files.push((path.to_path_buf(), kind));
            }
        }
        None => w.skipped.push((path.to_path_buf(), Problem::Unsupported)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_folders_and_survives_link_loops() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let root = dir.path();
        std::fs::create_dir(root.join("sub"))?;
        std::fs::write(root.join("a.pdf"), b"%PDF-1.4")?;
        std::fs::write(root.join("sub/b.PDF"), b"%PDF-1.4")?;
        std::fs::write(root.join("notes.odt"), b"x")?;
        std::fs::write(root.join("MANIFEST.tsv"), b"file\n")?;
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(root, root.join("sub/loop"))?;
            std::os::unix::fs::symlink(root.join("self1"), root.join("self2"))?;
            std::os::unix::fs::symlink(root.join("self2"), root.join("self1"))?;
        }
        let w = walk(&[root.to_path_buf()]);
        let names: Vec<_> = w
            .files
            .iter()
            .filter_map(|(p, _)| p.file_name().map(|n| n.to_owned()))
            .collect();
        assert_eq!(names, ["a.pdf", "b.PDF"]);
        assert_eq!(w.manifests, [root.join("MANIFEST.tsv")]);
        let reasons: Vec<_> = w.skipped.iter().map(|(_, r)| r.to_string()).collect();
        assert!(
            reasons
                .iter()
                .any(|r| r.contains("not a supported document")),
            "{reasons:?}"
        );
        #[cfg(unix)]
        assert!(
            reasons.iter().any(|r| r.contains("symbolic link loop")),
            "{reasons:?}"
        );
        Ok(())
    }

    #[test]
    fn an_ignore_file_passes_over_what_it_names() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let root = dir.path();
        let write = |p: &str, b: &[u8]| {
            let p = root.join(p);
            std::fs::create_dir_all(p.parent().unwrap_or(root))?;
            std::fs::write(p, b)
        };
        write(
            IGNORE_FILE,
            b"# regneark og kladder\n*.xlsx\nkladder/\n/top.pdf\nc.pdf\n[z-a].pdf\n",
        )?;
        write("sub/.policymatchignore", b"!c.pdf\n")?;
        for f in [
            "a.pdf",
            "budget.xlsx",
            "kladder/b.pdf",
            "top.pdf",
            "sub/top.pdf",
            "c.pdf",
        ] {
            write(f, b"%PDF-1.4")?;
        }
        write("sub/c.pdf", b"%PDF-1.4")?;
        let w = walk(&[root.to_path_buf()]);
        let rel = |p: &PathBuf| {
            p.strip_prefix(root)
                .unwrap_or(p)
                .to_string_lossy()
                .to_string()
        };
        let files: Vec<String> = w.files.iter().map(|(p, _)| rel(p)).collect();
        assert_eq!(files, ["a.pdf", "sub/c.pdf", "sub/top.pdf"]);
        let ignored: Vec<String> = w.ignored.iter().map(rel).collect();
        assert_eq!(ignored, ["budget.xlsx", "c.pdf", "kladder", "top.pdf"]);
        // the bad pattern is reported, the good ones still apply
        assert!(
            w.skipped.iter().any(|(p, r)| p.ends_with(IGNORE_FILE)
                && r.to_string().starts_with("ignore patterns not used")),
            "{:?}",
            w.skipped
        );
        // a path given explicitly is never ignored; a folder's ignore file applies below it
        let w = walk(&[root.join("budget.xlsx"), root.join("kladder")]);
        assert!(w.skipped.iter().any(|(p, _)| p.ends_with("budget.xlsx")));
        assert_eq!(w.files.len(), 1);
        let w = walk(&[root.join("sub")]);
        let files: Vec<String> = w.files.iter().map(|(p, _)| rel(p)).collect();
        assert_eq!(files, ["sub/c.pdf", "sub/top.pdf"]);
        Ok(())
    }
}
