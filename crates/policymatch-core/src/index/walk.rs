//! Finding the documents under the paths given to `index`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Kinds of source files policymatch reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SourceKind {
    /// A PDF file.
    Pdf,
    /// An agenda-system JSON export.
    AgendaJson,
    /// An HTML file.
    Html,
    /// A plain text file.
    Text,
    /// A Word document (`.docx`).
    Docx,
    /// A Word 97-2003 document (`.doc`).
    Doc,
    /// An XML file: an agenda publication (SBSYS / eDagsorden) or skipped.
    AgendaXml,
}

impl SourceKind {
    /// The kind of a path, by its extension.
    pub fn of(path: &Path) -> Option<SourceKind> {
        let ext = path.extension()?.to_string_lossy().to_lowercase();
        match ext.as_str() {
            "pdf" => Some(SourceKind::Pdf),
            "json" => Some(SourceKind::AgendaJson),
            "html" | "htm" => Some(SourceKind::Html),
            "txt" => Some(SourceKind::Text),
            "docx" => Some(SourceKind::Docx),
            "doc" => Some(SourceKind::Doc),
            "xml" => Some(SourceKind::AgendaXml),
            _ => None,
        }
    }
}

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Files to index, sorted, without duplicates.
    pub files: Vec<(PathBuf, SourceKind)>,
    /// Paths that were not indexed, with the reason.
    pub skipped: Vec<(PathBuf, String)>,
    /// Manifests (`MANIFEST.tsv` / `.csv`) found in the walked folders.
    pub manifests: Vec<PathBuf>,
}

/// Walks `roots`: files are taken as they are, folders recursively. Symbolic links are
/// followed, but a folder is never entered twice (so link loops end). Unreadable entries and
/// unsupported files are listed in [`Walk::skipped`]; manifests and READMEs are passed over.
pub fn walk(roots: &[PathBuf]) -> Walk {
    let mut w = Walk::default();
    let mut seen_dirs = HashSet::new();
    let mut seen_files = HashSet::new();
    for root in roots {
        visit(root, 0, &mut w, &mut seen_dirs, &mut seen_files, true);
    }
    w.files.sort();
    w.manifests.sort();
    w
}

const MAX_DEPTH: usize = 64;

fn visit(
    path: &Path,
    depth: usize,
    w: &mut Walk,
    seen_dirs: &mut HashSet<PathBuf>,
    seen_files: &mut HashSet<PathBuf>,
    explicit: bool,
) {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            let reason = if e.raw_os_error() == Some(libc::ELOOP) {
                "symbolic link loop".to_string()
            } else if e.kind() == std::io::ErrorKind::NotFound {
                if path.symlink_metadata().is_ok() {
                    "broken symbolic link".to_string()
                } else {
                    "no such file or folder".to_string()
                }
            } else {
                e.to_string()
            };
            w.skipped.push((path.to_path_buf(), reason));
            return;
        }
    };
    if meta.is_dir() {
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if !seen_dirs.insert(canonical) {
            if !explicit {
                w.skipped.push((
                    path.to_path_buf(),
                    "symbolic link loop (folder already visited)".into(),
                ));
            }
            return;
        }
        if depth >= MAX_DEPTH {
            w.skipped
                .push((path.to_path_buf(), "folder nesting too deep".into()));
            return;
        }
        let entries = match std::fs::read_dir(path) {
            Ok(e) => e,
            Err(e) => {
                w.skipped
                    .push((path.to_path_buf(), format!("cannot read folder: {e}")));
                return;
            }
        };
        let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        children.sort();
        for child in children {
            let hidden = child
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if !hidden {
                visit(&child, depth + 1, w, seen_dirs, seen_files, false);
            }
        }
        return;
    }
    if !meta.is_file() {
        w.skipped
            .push((path.to_path_buf(), "not a regular file".into()));
        return;
    }
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
            if seen_files.insert(canonical) {
                w.files.push((path.to_path_buf(), kind));
            }
        }
        None => w.skipped.push((
            path.to_path_buf(),
            "not a supported document (PDF, agenda JSON or XML, Word .doc or .docx, HTML or text)"
                .into(),
        )),
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
        let reasons: Vec<_> = w.skipped.iter().map(|(_, r)| r.as_str()).collect();
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
}
