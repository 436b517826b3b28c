//! What has been reported, kept with the index in [`STATE_FILE`].
//!
//! For each profile the state holds the keys of the items already reported (sent, when e-mail
//! is configured) and the index run they were computed from; beside them, the case numbers
//! followed with `watch --follow`. The file is replaced atomically (written beside it, synced,
//! renamed), so a run killed at any point leaves the old state or the new one, never half.

use crate::Error;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

/// File name of the state inside the index folder.
pub const STATE_FILE: &str = "watch-state.json";

/// Version of the state file's layout.
const VERSION: u32 = 1;

/// Why the state file cannot be used (the English text is its `Display`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StateProblem {
    /// Not a watch state (the JSON parser's text).
    #[error("not a watch state ({0}); move it away to start afresh")]
    Damaged(String),
    /// Written by another version of policymatch.
    #[error("written by another version of policymatch (layout {found}, expected {expected})")]
    Version {
        /// The file's layout.
        found: u32,
        /// This version's layout.
        expected: u32,
    },
}

/// What has been reported for one profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileState {
    /// The index run the last recorded report was computed from (0: never).
    pub index_run: u64,
    /// Keys of the items reported.
    pub reported: BTreeSet<String>,
}

/// The whole state.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// Layout version.
    pub version: u32,
    /// Case numbers added with `watch --follow`.
    #[serde(default)]
    pub follow: BTreeSet<String>,
    /// Per profile (keyed by the profile file's stem).
    #[serde(default)]
    pub profiles: BTreeMap<String, ProfileState>,
}

/// The state file of the index at `index_dir`.
pub fn state_path(index_dir: &Path) -> PathBuf {
    index_dir.join(STATE_FILE)
}

impl State {
    /// Reads the state at `path`; a missing file is an empty state.
    pub fn load(path: &Path) -> Result<State, Error> {
        let text = match fs_err::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(State {
                    version: VERSION,
                    ..State::default()
                });
            }
            Err(source) => {
                return Err(Error::Io {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        let state: State = serde_json::from_str(&text).map_err(|e| Error::State {
            path: path.to_path_buf(),
            problem: StateProblem::Damaged(e.to_string()),
        })?;
        if state.version != VERSION {
            return Err(Error::State {
                path: path.to_path_buf(),
                problem: StateProblem::Version {
                    found: state.version,
                    expected: VERSION,
                },
            });
        }
        Ok(state)
    }

    /// Writes the state to `path` atomically.
    pub fn save(&self, path: &Path) -> Result<(), Error> {
        let text = serde_json::to_string_pretty(self).map_err(|e| Error::State {
            path: path.to_path_buf(),
            problem: StateProblem::Damaged(e.to_string()),
        })?;
        write_atomically(path, text.as_bytes())
    }

    /// The state of profile `name` (empty when it has none yet).
    pub fn profile(&self, name: &str) -> ProfileState {
        self.profiles.get(name).cloned().unwrap_or_default()
    }

    /// Records that `keys` were reported for profile `name`, computed from `index_run`.
    pub fn record<'a>(
        &mut self,
        name: &str,
        index_run: u64,
        keys: impl IntoIterator<Item = &'a str>,
    ) {
        let p = self.profiles.entry(name.to_string()).or_default();
        p.index_run = p.index_run.max(index_run);
        p.reported.extend(keys.into_iter().map(str::to_string));
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tmp"));
    let mut f = std::fs::File::create(&tmp).map_err(io)?;
    f.write_all(bytes).map_err(io)?;
    f.sync_all().map_err(io)?;
    drop(f);
    std::fs::rename(&tmp, path).map_err(io)
}

#[cfg(test)]
mod tests {
    /// A test's outcome: an error fails it with its message.
    type TestResult = Result<(), Box<dyn std::error::Error>>;
    use super::*;

    #[test]
    fn round_trip_and_missing_file() -> TestResult {
        let dir = tempfile::tempdir()?;
        let path = state_path(dir.path());
        let mut s = State::load(&path)?;
        assert!(s.profiles.is_empty());
        s.follow.insert("24-1".into());
        s.record("ensomhed", 3, ["a", "b"]);
        s.record("ensomhed", 2, ["c"]);
        s.save(&path)?;
        let back = State::load(&path)?;
        assert_eq!(back, s);
        assert_eq!(back.profile("ensomhed").index_run, 3);
        assert_eq!(back.profile("ensomhed").reported.len(), 3);
        assert!(!dir.path().join(".watch-state.json.tmp").exists());
        Ok(())
    }

    #[test]
    fn a_damaged_file_is_a_one_line_error() -> TestResult {
        let dir = tempfile::tempdir()?;
        let path = state_path(dir.path());
        std::fs::write(&path, "{not json")?;
        let msg = State::load(&path).unwrap_err().to_string();
        assert!(
            msg.contains("watch-state.json") && !msg.contains('\n'),
            "{msg}"
        );
        Ok(())
    }
}
