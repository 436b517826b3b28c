//! Extraction in a worker process, so that no file can stop a batch.
//!
//! A reader can panic, overflow its stack, loop for ever or allocate without bound on a
//! hostile file. Panics are caught, but the rest can only be contained by the operating
//! system: [`run_in_worker`] runs one file in a child process (a program that calls
//! [`run_worker`], or another worker entry point such as
//! [`crate::index::isolated::run_load_worker`]), kills it when it exceeds the time limit, reads
//! at most [`Limits::max_output`] bytes of its reply, and the child caps its own address space
//! so that a decompression bomb ends in an allocation failure instead of taking the machine's
//! memory. [`extract_isolated`] is the PDF case: the pages of one PDF, as `extract` prints
//! them. (The streams the PDF extractor decodes itself are already capped, see `decode`; the
//! address-space limit is for what lopdf and pdf-extract decode on their own.)

use super::{ExtractError, extract_pdf};
use crate::document::Page;
use serde::de::DeserializeOwned;
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
    /// Most bytes of the worker's reply read; a longer reply fails the file.
    pub max_output: u64,
}

/// Address-space limit of a worker, in MiB: what the readers need on the real corpus (its
/// largest PDF, 3.3 MB, peaks at about 50 MiB resident) many times over, and low enough that
/// a worker stays well below the 512 MiB a whole `index` run is allowed at its peak.
pub const WORKER_MEMORY_MIB: u64 = 384;

/// Most bytes of a worker's reply read (JSON of the file's text and metadata).
pub const MAX_OUTPUT: u64 = 64 * 1024 * 1024;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            timeout: Duration::from_secs(30),
            memory_mib: WORKER_MEMORY_MIB,
            max_output: MAX_OUTPUT,
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

/// Name of the environment variable that tells a worker its address-space limit in MiB.
const MEMORY_ENV: &str = "POLICYMATCH_WORKER_MEMORY_MIB";

/// Name of the environment variable set in every worker (the binary's panic hook stays
/// quiet there: a panic is reported by the parent as the file's reason).
pub const WORKER_ENV: &str = "POLICYMATCH_WORKER";

/// Extracts `path` in a child process started from `cmd`, within `limits`.
pub fn extract_isolated(
    cmd: &WorkerCommand,
    path: &Path,
    limits: Limits,
) -> Result<Vec<Page>, ExtractError> {
    match run_in_worker::<WorkerReply>(cmd, &[], path, limits)? {
        WorkerReply::Pages(p) => Ok(p),
        WorkerReply::Error(e) => Err(e),
    }
}

/// Runs one worker on `path` (`cmd`, then `extra_args`, then the path) within `limits`, and
/// reads the JSON reply it prints on stdout. A worker that is killed for its time, runs out
/// of memory, overflows its stack, dies otherwise or prints more than `limits.max_output`
/// gives the matching error instead.
pub fn run_in_worker<T: DeserializeOwned>(
    cmd: &WorkerCommand,
    extra_args: &[&str],
    path: &Path,
    limits: Limits,
) -> Result<T, ExtractError> {
    let mut child = Command::new(&cmd.program)
        .args(&cmd.args)
        .args(extra_args)
        .arg(path)
        .env(MEMORY_ENV, limits.memory_mib.to_string())
        .env(WORKER_ENV, "1")
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
    let max_output = limits.max_output;
    let out_reader = std::thread::spawn(move || {
        // One byte more than allowed tells a reply that is too long; the rest is drained
        // (not kept) so that the worker is never blocked on a full pipe.
        let mut buf = Vec::new();
        let _ = (&mut stdout)
            .take(max_output.saturating_add(1))
            .read_to_end(&mut buf);
        let _ = std::io::copy(&mut stdout, &mut std::io::sink());
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = (&mut stderr).take(64 * 1024).read_to_end(&mut buf);
        let _ = std::io::copy(&mut stderr, &mut std::io::sink());
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
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(ExtractError::WorkerDied(e.to_string()));
            }
        }
    };
    let out = out_reader.join().unwrap_or_default();
    let err = err_reader.join().unwrap_or_default();
    let Some(status) = status else {
        return Err(ExtractError::Timeout(limits.timeout.as_secs()));
    };
    if out.len() as u64 > limits.max_output {
        return Err(ExtractError::OutputTooLarge(
            limits.max_output.div_ceil(1024 * 1024),
        ));
    }
    if let Ok(reply) = serde_json::from_slice::<T>(&out) {
        return Ok(reply);
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

/// The worker side, first step: caps this process's address space as the parent asked (see
/// [`run_in_worker`]). Call it before reading the file.
pub fn limit_worker_memory() {
    if let Some(mib) = std::env::var(MEMORY_ENV)
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        limit_address_space(mib);
    }
}

/// Prints a worker's reply as JSON on stdout.
pub fn print_reply<T: Serialize>(reply: &T) -> std::io::Result<()> {
    let json = serde_json::to_vec(reply).map_err(std::io::Error::other)?;
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(&json)?;
    stdout.flush()
}

/// A panic's message on one line, at most 200 characters (a panic in a reader may quote the
/// file's own text).
pub fn one_line_panic(payload: &Box<dyn std::any::Any + Send>) -> String {
    let msg = super::panic_message(payload);
    let line = msg.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(200) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
}

/// The worker side of [`extract_isolated`]: caps this process's memory, extracts `path` and
/// prints one [`WorkerReply`] as JSON on stdout. Call it from a binary's hidden worker
/// subcommand.
pub fn run_worker(path: &Path) -> std::io::Result<()> {
    limit_worker_memory();
    let reply = match std::fs::read(path) {
        Ok(bytes) => match extract_pdf(&bytes) {
            Ok(pages) => WorkerReply::Pages(pages),
            Err(e) => WorkerReply::Error(e),
        },
        Err(e) => WorkerReply::Error(ExtractError::Malformed(format!("cannot read: {e}"))),
    };
    print_reply(&reply)
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
