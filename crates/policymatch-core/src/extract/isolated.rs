//! Extraction in a worker process, so that no file can stop a batch.
//!
//! A PDF backend can panic, overflow its stack, loop for ever or allocate without bound on a
//! hostile file. Panics are caught in-process, but the rest can only be contained by the
//! operating system: [`extract_isolated`] runs one file in a child process (a program that calls
//! [`run_worker`]), kills it when it exceeds the time limit, and the child caps its own address
//! space so that a decompression bomb ends in an allocation failure instead of taking the
//! machine's memory. (The streams the extractor decodes itself are already capped, see
//! `decode`; the address-space limit is for what lopdf and pdf-extract decode on their own.)

use super::{ExtractError, extract_pdf};
use crate::document::Page;
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Limits for one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Wall-clock time for one file.
    pub timeout: Duration,
    /// Address-space limit of the worker, in MiB.
    pub memory_mib: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            timeout: Duration::from_secs(30),
            memory_mib: 1536,
        }
    }
}

/// What a worker prints on stdout: one JSON object.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkerReply {
    /// The pages of the file.
    Pages(Vec<Page>),
    /// Why the file has no pages.
    Error(ExtractError),
}

/// How to start a worker: a program and the arguments before the file path.
#[derive(Debug, Clone)]
pub struct WorkerCommand {
    /// The program, usually `std::env::current_exe()`.
    pub program: std::path::PathBuf,
    /// Arguments placed before the file path.
    pub args: Vec<String>,
}

/// Extracts `path` in a child process started from `cmd`, within `limits`.
pub fn extract_isolated(
    cmd: &WorkerCommand,
    path: &Path,
    limits: Limits,
) -> Result<Vec<Page>, ExtractError> {
    let mut child = Command::new(&cmd.program)
        .args(&cmd.args)
        .arg(path)
        .env(
            "POLICYMATCH_WORKER_MEMORY_MIB",
            limits.memory_mib.to_string(),
        )
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| ExtractError::WorkerDied(format!("cannot start worker: {e}")))?;
    let mut stdout = child
        .stdout
        .take()
        .ok_or_else(|| ExtractError::WorkerDied("worker has no stdout".into()))?;
    let mut stderr = child
        .stderr
        .take()
        .ok_or_else(|| ExtractError::WorkerDied("worker has no stderr".into()))?;
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stdout.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = (&mut stderr).take(64 * 1024).read_to_end(&mut buf);
        let mut sink = Vec::new();
        let _ = stderr.read_to_end(&mut sink);
        buf
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() >= limits.timeout => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(e) => return Err(ExtractError::WorkerDied(e.to_string())),
        }
    };
    let out = out_reader.join().unwrap_or_default();
    let err = err_reader.join().unwrap_or_default();
    let Some(status) = status else {
        return Err(ExtractError::Timeout(limits.timeout.as_secs()));
    };
    if let Ok(reply) = serde_json::from_slice::<WorkerReply>(&out) {
        return match reply {
            WorkerReply::Pages(p) => Ok(p),
            WorkerReply::Error(e) => Err(e),
        };
    }
    let stderr_text = String::from_utf8_lossy(&err);
    if stderr_text.contains("memory allocation") || stderr_text.contains("out of memory") {
        return Err(ExtractError::OutOfMemory(limits.memory_mib));
    }
    if stderr_text.contains("overflowed its stack") {
        return Err(ExtractError::WorkerDied("stack overflow".into()));
    }
    Err(ExtractError::WorkerDied(describe_status(status)))
}

fn describe_status(status: std::process::ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return format!("killed by signal {sig}");
        }
    }
    match status.code() {
        Some(c) => format!("exit code {c}"),
        None => "unknown status".into(),
    }
}

/// The worker side: caps this process's memory, extracts `path` and prints one
/// [`WorkerReply`] as JSON on stdout. Call it from a binary's hidden worker subcommand.
pub fn run_worker(path: &Path) -> std::io::Result<()> {
    if let Some(mib) = std::env::var("POLICYMATCH_WORKER_MEMORY_MIB")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        limit_address_space(mib);
    }
    let reply = match std::fs::read(path) {
        Ok(bytes) => match extract_pdf(&bytes) {
            Ok(pages) => WorkerReply::Pages(pages),
            Err(e) => WorkerReply::Error(e),
        },
        Err(e) => WorkerReply::Error(ExtractError::Malformed(format!("cannot read: {e}"))),
    };
    let json = serde_json::to_vec(&reply).map_err(std::io::Error::other)?;
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(&json)?;
    stdout.flush()
}

/// Caps the address space of the current process at `mib` MiB (Unix only; elsewhere a no-op).
pub fn limit_address_space(mib: u64) {
    #[cfg(unix)]
    {
        let bytes = mib.saturating_mul(1024 * 1024);
        let lim = libc::rlimit {
            rlim_cur: bytes as libc::rlim_t,
            rlim_max: bytes as libc::rlim_t,
        };
        // SAFETY: setrlimit only reads the struct we pass; it has no memory-safety
        // preconditions. Failure is harmless: the worker then runs without a cap.
        unsafe {
            libc::setrlimit(libc::RLIMIT_AS, &lim);
        }
    }
    #[cfg(not(unix))]
    let _ = mib;
}
