//! Finding the documents under the paths given to `index`.

use ignore::Match;
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// File name of the ignore file a folder may hold: one gitignore-style pattern per line
/// ("*.xlsx", "arkiv/", "!vigtig.pdf"), relative to that folder; a deeper folder's file
/// overrides its parents'. Paths given on the command line are never ignored.
pub const IGNORE_FILE: &str = ".policymatchignore";

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
    /// Every kind, in declaration order.
    pub const ALL: [SourceKind; 7] = [
        SourceKind::Pdf,
        SourceKind::AgendaJson,
        SourceKind::Html,
        SourceKind::Text,
        SourceKind::Docx,
        SourceKind::Doc,
        SourceKind::AgendaXml,
    ];

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
    /// Files and folders passed over because an [`IGNORE_FILE`] names them.
    pub ignored: Vec<PathBuf>,
}

/// The ignore files of the folders a walk is in, outermost first.
#[derive(Default)]
struct Ignores(Vec<Gitignore>);

impl Ignores {
    /// Whether `path` is ignored: the deepest ignore file with a pattern for it decides.
    /// `path` is absolute, its folder canonical as the ignore files' folders are (its last
    /// component is kept as it is, so a link is matched by its own name).
    fn ignores(&self, path: &Path, is_dir: bool) -> bool {
        for g in self.0.iter().rev() {
            match g.matched(path, is_dir) {
                Match::Ignore(_) => return true,
                Match::Whitelist(_) => return false,
                Match::None => {}
            }
        }
        false
    }

    /// Adds the ignore file of `dir` (whose canonical path is `canonical`) when it has one (an
    /// unreadable one or a bad pattern is reported in `w.skipped`, and its good patterns
    /// still apply); returns whether it did.
    fn enter(&mut self, dir: &Path, canonical: &Path, w: &mut Walk) -> bool {
        let file = dir.join(IGNORE_FILE);
        if !file.is_file() {
            return false;
        }
        let mut b = GitignoreBuilder::new(canonical);
        if let Some(e) = b.add(&file) {
            w.skipped
                .push((file.clone(), format!("ignore patterns not used: {e}")));
        }
        match b.build() {
            Ok(g) => {
                self.0.push(g);
                true
            }
            Err(e) => {
                w.skipped.push((file, format!("ignore file not used: {e}")));
                false
            }
        }
    }
}

/// Walks `roots`: files are taken as they are, folders recursively. Symbolic links are
/// followed, but a folder is never entered twice (so link loops end). Unreadable entries and
/// unsupported files are listed in [`Walk::skipped`]; manifests and READMEs are passed over.
pub fn walk(roots: &[PathBuf]) -> Walk {
    let mut w = Walk::default();
    let mut seen_dirs = HashSet::new();
    let mut seen_files = HashSet::new();
    for root in roots {
        let mut ignores = Ignores::default();
        // the ignore files of the folders above a root given on the command line apply
        // below it too (`index policies/greve` in a folder that ignores `*.xlsx`)
        if let Ok(root) = std::fs::canonicalize(root) {
            let mut above: Vec<&Path> = root.ancestors().skip(1).collect();
            above.reverse();
            for dir in above {
                ignores.enter(dir, dir, &mut w);
            }
        }
        let mut seen = Seen {
            dirs: &mut seen_dirs,
            files: &mut seen_files,
        };
        visit(root, 0, &mut w, &mut seen, &mut ignores, None);
    }
    w.files.sort();
    w.manifests.sort();
    w.ignored.sort();
    w
}

/// Folders and files a walk has been to (canonical paths).
struct Seen<'a> {
    dirs: &'a mut HashSet<PathBuf>,
    files: &'a mut HashSet<PathBuf>,
}

const MAX_DEPTH: usize = 64;

fn visit(
    path: &Path,
    depth: usize,
    w: &mut Walk,
    seen: &mut Seen<'_>,
    ignores: &mut Ignores,
    folder: Option<&Path>,
) {
    // `folder`: the canonical folder holding `path` when the walk reached it; `None` for a
    // path given on the command line, which is never ignored
    let explicit = folder.is_none();
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
    if let (Some(folder), Some(name)) = (folder, path.file_name())
        && ignores.ignores(&folder.join(name), meta.is_dir())
    {
        w.ignored.push(path.to_path_buf());
        return;
    }
    if meta.is_dir() {
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if !seen.dirs.insert(canonical.clone()) {
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
        let entered = ignores.enter(path, &canonical, w);
        for child in children {
            let hidden = child
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if !hidden {
                visit(&child, depth + 1, w, seen, ignores, Some(&canonical));
            }
        }
        if entered {
            ignores.0.pop();
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
            if seen.files.insert(canonical) {
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
            w.skipped
                .iter()
                .any(|(p, r)| p.ends_with(IGNORE_FILE) && r.starts_with("ignore patterns not used")),
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
