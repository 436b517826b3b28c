//! The output folder: files written under a temporary name and renamed when complete, and
//! the state of earlier runs (each URL's file and validators) for conditional requests.
//!
//! Everything of `fetch`'s own lives in the hidden folder [`STATE_DIR`], which `index` never
//! walks: `state.tsv` (URL, file, ETag, Last-Modified; a journal appended to as files
//! complete, rewritten whole at the end of a run), `tmp/` (files being written) and `lists/`
//! (the last committee list of each portal, kept for a 304).

use crate::client::Validators;
use crate::error::FetchError;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The hidden folder of `fetch`'s own files inside the output folder.
pub const STATE_DIR: &str = ".policymatch-fetch";

/// What an earlier run stored for a URL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// The file (relative to the output folder, or to [`STATE_DIR`] for committee lists).
    pub file: String,
    /// Its validators.
    pub validators: Validators,
}

/// The output folder and its state.
pub struct Store {
    dir: PathBuf,
    state: BTreeMap<String, Entry>,
    journal: Option<std::fs::File>,
    temp_seq: u64,
}

impl Store {
    /// Opens `dir` (made when missing): reads the state and removes what a run killed midway
    /// left in `tmp/`.
    pub fn open(dir: &Path) -> Result<Store, FetchError> {
        let state_dir = dir.join(STATE_DIR);
        for d in [
            dir.to_path_buf(),
            state_dir.join("tmp"),
            state_dir.join("lists"),
        ] {
            std::fs::create_dir_all(&d).map_err(|e| FetchError::io(&d, e))?;
        }
        let tmp = state_dir.join("tmp");
        let entries = std::fs::read_dir(&tmp).map_err(|e| FetchError::io(&tmp, e))?;
        for e in entries.flatten() {
            let _ = std::fs::remove_file(e.path());
        }
        let path = state_dir.join("state.tsv");
        let state = match std::fs::read_to_string(&path) {
            Ok(text) => parse_state(&text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => BTreeMap::new(),
            Err(e) => return Err(FetchError::io(&path, e)),
        };
        Ok(Store {
            dir: dir.to_path_buf(),
            state,
            journal: None,
            temp_seq: 0,
        })
    }

    /// The output folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The path of a committee list's copy.
    pub fn list_path(&self, name: &str) -> PathBuf {
        self.dir.join(STATE_DIR).join("lists").join(name)
    }

    /// What is stored for `url`, if its file is still there.
    pub fn entry(&self, url: &str, in_state_dir: bool) -> Option<&Entry> {
        let e = self.state.get(url)?;
        let path = if in_state_dir {
            self.list_path(&e.file)
        } else {
            self.dir.join(&e.file)
        };
        path.is_file().then_some(e)
    }

    /// Writes `bytes` to `path` under a temporary name in `tmp/`, synced, then renamed: a
    /// reader sees the old file or the whole new one, never part of one.
    pub fn write_atomic(&mut self, path: &Path, bytes: &[u8]) -> Result<(), FetchError> {
        self.temp_seq += 1;
        let tmp = self.dir.join(STATE_DIR).join("tmp").join(format!(
            "{}-{}.part",
            std::process::id(),
            self.temp_seq
        ));
        let write = || -> std::io::Result<()> {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(bytes)?;
            f.sync_all()?;
            Ok(())
        };
        if let Err(e) = write() {
            let _ = std::fs::remove_file(&tmp);
            return Err(FetchError::io(path, e));
        }
        std::fs::rename(&tmp, path).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            FetchError::io(path, e)
        })
    }

    /// Records that `url` is stored in `file` with `validators` (appended to the journal, so a
    /// run killed later keeps it).
    pub fn record(
        &mut self,
        url: &str,
        file: &str,
        validators: &Validators,
    ) -> Result<(), FetchError> {
        let entry = Entry {
            file: file.to_string(),
            validators: validators.clone(),
        };
        if self.state.get(url) == Some(&entry) {
            return Ok(());
        }
        let path = self.dir.join(STATE_DIR).join("state.tsv");
        if self.journal.is_none() {
            let f = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .map_err(|e| FetchError::io(&path, e))?;
            self.journal = Some(f);
        }
        let line = state_line(url, &entry);
        if let Some(j) = &mut self.journal {
            j.write_all(line.as_bytes())
                .map_err(|e| FetchError::io(&path, e))?;
        }
        self.state.insert(url.to_string(), entry);
        Ok(())
    }

    /// Rewrites the state whole (one line per URL), atomically.
    pub fn compact(&mut self) -> Result<(), FetchError> {
        self.journal = None;
        let text: String = self.state.iter().map(|(u, e)| state_line(u, e)).collect();
        let path = self.dir.join(STATE_DIR).join("state.tsv");
        self.write_atomic(&path, text.as_bytes())
    }
}

fn state_line(url: &str, e: &Entry) -> String {
    format!(
        "{url}\t{}\t{}\t{}\n",
        e.file,
        e.validators.etag.as_deref().unwrap_or(""),
        e.validators.last_modified.as_deref().unwrap_or("")
    )
}

/// Reads the state: complete lines only (a run killed while appending leaves at most one
/// partial last line), later lines winning.
fn parse_state(text: &str) -> BTreeMap<String, Entry> {
    let mut out = BTreeMap::new();
    let complete = match text.rfind('\n') {
        Some(i) => &text[..i],
        None => "",
    };
    for line in complete.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if let [url, file, etag, modified] = cols.as_slice() {
            if url.is_empty() || file.is_empty() || file.contains(['/', '\\']) {
                continue;
            }
            let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
            out.insert(
                url.to_string(),
                Entry {
                    file: file.to_string(),
                    validators: Validators {
                        etag: opt(etag),
                        last_modified: opt(modified),
                    },
                },
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    /// A test's outcome: an error fails it with its message.
    type TestResult = Result<(), Box<dyn std::error::Error>>;
    use super::*;

    #[test]
    fn a_partial_last_line_is_ignored_and_later_lines_win() {
        let s = parse_state("u1\tf1\t\"a\"\t\nu1\tf2\t\"b\"\tMon\nu2\tf3\t\t\nu3\tf4\t\"x");
        assert_eq!(s.len(), 2);
        assert_eq!(s["u1"].file, "f2");
        assert_eq!(s["u1"].validators.etag.as_deref(), Some("\"b\""));
        assert_eq!(s["u2"].validators, Validators::default());
    }

    #[test]
    fn writes_are_atomic_and_state_survives_reopening() -> TestResult {
        let dir = tempfile::tempdir()?;
        let mut st = Store::open(dir.path())?;
        let f = dir.path().join("a.json");
        st.write_atomic(&f, b"{}")?;
        let v = Validators {
            etag: Some("\"1\"".into()),
            last_modified: None,
        };
        st.record("http://x/a", "a.json", &v)?;
        std::fs::write(
            dir.path().join(STATE_DIR).join("tmp").join("9-9.part"),
            b"half",
        )?;
        drop(st);
        let st = Store::open(dir.path())?;
        assert_eq!(
            st.entry("http://x/a", false).ok_or("no entry")?.validators,
            v
        );
        let left = std::fs::read_dir(dir.path().join(STATE_DIR).join("tmp"))?.count();
        assert_eq!(left, 0);
        std::fs::remove_file(&f)?;
        assert!(st.entry("http://x/a", false).is_none());
        Ok(())
    }
}
