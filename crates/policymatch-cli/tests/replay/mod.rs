//! A replay of an agenda portal on 127.0.0.1 for tests: the shared Greve meetings as
//! `/api/agenda/dagsorden/{id}`, a committee list built from them as
//! `/api/agenda/udvalgsliste`, and corpus PDFs as `/Vis/Pdf/bilag/{id}`. It answers
//! conditional requests (ETag, Last-Modified), injects faults per path, logs every request
//! with its time, and stops by itself: when dropped, after `MAX_REQUESTS` requests, or after
//! `MAX_LIFETIME`.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The most requests one server answers.
pub const MAX_REQUESTS: usize = 20_000;
/// The longest a server runs.
pub const MAX_LIFETIME: Duration = Duration::from_secs(900);
/// The Last-Modified every resource has.
pub const LAST_MODIFIED: &str = "Mon, 03 Nov 2025 10:00:00 GMT";

/// The shared folder beside the checkout, if there.
pub fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    p.join("corpus/other-formats/greve-dagsordener-json")
        .is_dir()
        .then_some(p)
}

/// A fault injected on one path.
#[derive(Debug, Clone)]
pub enum Fault {
    /// `n` answers 500, then the resource.
    Status500(u32),
    /// `n` answers 429 with `Retry-After: secs`, then the resource.
    TooMany(u32, u64),
    /// Content-Length of the whole but only half the body, then the connection closed.
    Truncate,
    /// No answer for this long, then the connection closed.
    Stall(Duration),
    /// The body cut to its first 100 bytes (a malformed JSON, correctly framed).
    Malformed,
    /// A body of this many bytes without Content-Length (ends when the connection closes).
    Oversize(usize),
    /// 302 to the path with `?loop`, which redirects back.
    RedirectLoop,
    /// An HTML login page with status 200.
    Html,
    /// 404.
    NotFound,
}

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Logged {
    /// When it arrived (after its headers were read).
    pub at: Instant,
    /// Path and query.
    pub path: String,
    /// If-None-Match or If-Modified-Since was sent.
    pub conditional: bool,
    /// The status answered (0: none, for a stall).
    pub status: u16,
    /// The User-Agent.
    pub user_agent: String,
}

struct Resource {
    body: Vec<u8>,
    content_type: &'static str,
}

struct State {
    resources: HashMap<String, Resource>,
    faults: Mutex<HashMap<String, Fault>>,
    log: Mutex<Vec<Logged>>,
    stop: AtomicBool,
    served: AtomicUsize,
}

/// A running replay server.
pub struct Replay {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    state: Arc<State>,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// One meeting of the shared folder.
#[derive(Debug, Clone)]
pub struct SharedMeeting {
    /// The shared file.
    pub file: PathBuf,
    /// The meeting id.
    pub id: String,
    /// The committee.
    pub committee: String,
    /// The meeting's date and time as the file gives it.
    pub dato: String,
    /// The attachment document ids its fields link to.
    pub documents: Vec<String>,
}

/// The shared meetings, in file name order.
pub fn shared_meetings(shared: &Path) -> Vec<SharedMeeting> {
    let dir = shared.join("corpus/other-formats/greve-dagsordener-json");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|file| {
            let v: serde_json::Value =
                serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
            let mut documents = Vec::new();
            for item in v["Dagsordenpunkter"].as_array().unwrap() {
                for f in item["Felter"].as_array().into_iter().flatten() {
                    if let Some(link) = f["Link"].as_str()
                        && let Some(id) = link.split("/Vis/Pdf/bilag/").nth(1)
                    {
                        documents.push(id.to_string());
                    }
                }
            }
            SharedMeeting {
                id: v["Id"].as_str().unwrap().to_string(),
                committee: v["Udvalg"]["Navn"].as_str().unwrap().to_string(),
                dato: v["Moede"]["Dato"].as_str().unwrap().to_string(),
                file,
                documents,
            }
        })
        .collect()
}

/// The committee list of `meetings`, as the portal gives it.
pub fn committee_list(meetings: &[SharedMeeting]) -> Vec<u8> {
    let mut by: Vec<(String, Vec<serde_json::Value>)> = Vec::new();
    for m in meetings {
        let entry = serde_json::json!({"Id": m.id, "Dato": m.dato});
        match by.iter_mut().find(|(c, _)| *c == m.committee) {
            Some((_, v)) => v.push(entry),
            None => by.push((m.committee.clone(), vec![entry])),
        }
    }
    let list: Vec<serde_json::Value> = by
        .into_iter()
        .enumerate()
        .map(|(i, (c, moeder))| serde_json::json!({"Navn": c, "Id": format!("udvalg-{i}"), "Moeder": moeder}))
        .collect();
    serde_json::to_vec(&serde_json::json!({"Udvalg": {"Aktuelle politiske udvalg": list}})).unwrap()
}

/// Small corpus PDFs served as attachments (an attachment id picks one by its hash).
pub fn attachment_pdfs(shared: &Path) -> Vec<PathBuf> {
    [
        "syddjurs-politik-for-kultur-og-fritid-2009.pdf",
        "ballerup-kvalitetsstandarder-stof-og-alkoholbehandling-2013.pdf",
        "ballerup-notat-traening-og-aktivitet-seniorraadets-hoeringssvar-2012.pdf",
        "ballerup-sfu-2012-12-04-pkt07-aktivitetscenter-solvej.pdf",
    ]
    .iter()
    .map(|n| shared.join("corpus").join(n))
    .collect()
}

fn etag(body: &[u8]) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    body.hash(&mut h);
    format!("\"{:016x}-{}\"", h.finish(), body.len())
}

impl Replay {
    /// Serves `meetings` (their committee list, agendas and, picked from `pdfs`, their
    /// attachments).
    pub fn start(meetings: &[SharedMeeting], pdfs: &[PathBuf]) -> Replay {
        Replay::start_on(0, meetings, pdfs)
    }

    /// As [`Replay::start`], on `port` of 127.0.0.1 (0: any free port).
    pub fn start_on(port: u16, meetings: &[SharedMeeting], pdfs: &[PathBuf]) -> Replay {
        let mut resources = HashMap::new();
        resources.insert(
            "/api/agenda/udvalgsliste".to_string(),
            Resource {
                body: committee_list(meetings),
                content_type: "application/json; charset=utf-8",
            },
        );
        let pdf_bytes: Vec<Vec<u8>> = pdfs.iter().map(|p| std::fs::read(p).unwrap()).collect();
        for m in meetings {
            resources.insert(
                format!("/api/agenda/dagsorden/{}", m.id),
                Resource {
                    body: std::fs::read(&m.file).unwrap(),
                    content_type: "application/json; charset=utf-8",
                },
            );
            for d in &m.documents {
                let pick = d.bytes().map(usize::from).sum::<usize>() % pdf_bytes.len().max(1);
                if let Some(b) = pdf_bytes.get(pick) {
                    resources.insert(
                        format!("/Vis/Pdf/bilag/{d}"),
                        Resource {
                            body: b.clone(),
                            content_type: "application/pdf",
                        },
                    );
                }
            }
        }
        let listener = TcpListener::bind(("127.0.0.1", port)).unwrap();
        listener.set_nonblocking(true).unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let state = Arc::new(State {
            resources,
            faults: Mutex::new(HashMap::new()),
            log: Mutex::new(Vec::new()),
            stop: AtomicBool::new(false),
            served: AtomicUsize::new(0),
        });
        let st = state.clone();
        let thread = std::thread::spawn(move || {
            let started = Instant::now();
            while !st.stop.load(Ordering::SeqCst)
                && started.elapsed() < MAX_LIFETIME
                && st.served.load(Ordering::SeqCst) < MAX_REQUESTS
            {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let st = st.clone();
                        std::thread::spawn(move || serve(&st, stream));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Replay {
            base,
            state,
            thread: Some(thread),
        }
    }

    /// Injects `fault` on `path`.
    pub fn fault(&self, path: &str, fault: Fault) {
        self.state
            .faults
            .lock()
            .unwrap()
            .insert(path.to_string(), fault);
    }

    /// The requests so far.
    pub fn log(&self) -> Vec<Logged> {
        self.state.log.lock().unwrap().clone()
    }

    /// Forgets the requests so far.
    pub fn clear_log(&self) {
        self.state.log.lock().unwrap().clear();
    }

    /// Serves the server's resources until `stop` is set (for the example).
    pub fn wait(&self, stop: &AtomicBool) {
        while !stop.load(Ordering::SeqCst) && !self.state.stop.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Replay {
    fn drop(&mut self) {
        self.state.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn serve(st: &State, stream: TcpStream) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut out = stream;
    // one request per connection (answered with Connection: close)
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    for _ in 0..100 {
        let mut h = String::new();
        if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_lowercase(), v.trim().to_string());
        }
    }
    let at = Instant::now();
    st.served.fetch_add(1, Ordering::SeqCst);
    let conditional =
        headers.contains_key("if-none-match") || headers.contains_key("if-modified-since");
    let user_agent = headers.get("user-agent").cloned().unwrap_or_default();
    let fault = {
        let mut faults = st.faults.lock().unwrap();
        let key = path.split('?').next().unwrap_or(&path).to_string();
        let f = faults.get(&key).cloned();
        // count down the faults that end
        match f {
            Some(Fault::Status500(n)) => {
                if n <= 1 {
                    faults.remove(&key);
                } else {
                    faults.insert(key, Fault::Status500(n - 1));
                }
            }
            Some(Fault::TooMany(n, s)) => {
                if n <= 1 {
                    faults.remove(&key);
                } else {
                    faults.insert(key, Fault::TooMany(n - 1, s));
                }
            }
            _ => {}
        }
        f
    };
    let resource = st.resources.get(path.split('?').next().unwrap_or(&path));
    let status = answer(st, &mut out, &path, &headers, resource, fault);
    st.log.lock().unwrap().push(Logged {
        at,
        path,
        conditional,
        status,
        user_agent,
    });
    let _ = out.flush();
}

fn head(out: &mut TcpStream, status: u16, extra: &str, len: Option<usize>) {
    let reason = match status {
        200 => "OK",
        302 => "Found",
        304 => "Not Modified",
        404 => "Not Found",
        429 => "Too Many Requests",
        _ => "Internal Server Error",
    };
    let mut h = format!("HTTP/1.1 {status} {reason}\r\nConnection: close\r\n{extra}");
    if let Some(n) = len {
        h.push_str(&format!("Content-Length: {n}\r\n"));
    }
    h.push_str("\r\n");
    let _ = out.write_all(h.as_bytes());
}

fn answer(
    st: &State,
    out: &mut TcpStream,
    path: &str,
    headers: &HashMap<String, String>,
    resource: Option<&Resource>,
    fault: Option<Fault>,
) -> u16 {
    match fault {
        Some(Fault::Status500(_)) => {
            head(out, 500, "", Some(0));
            return 500;
        }
        Some(Fault::TooMany(_, secs)) => {
            head(out, 429, &format!("Retry-After: {secs}\r\n"), Some(0));
            return 429;
        }
        Some(Fault::Stall(d)) => {
            let until = Instant::now() + d;
            while Instant::now() < until && !st.stop.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(20));
            }
            return 0;
        }
        Some(Fault::RedirectLoop) => {
            let base = path.split('?').next().unwrap_or(path);
            let to = if path.contains('?') {
                base.to_string()
            } else {
                format!("{base}?loop")
            };
            head(out, 302, &format!("Location: {to}\r\n"), Some(0));
            return 302;
        }
        Some(Fault::Html) => {
            let body = b"<!DOCTYPE html><html><body><p>Log ind</p></body></html>";
            head(out, 200, "Content-Type: text/html\r\n", Some(body.len()));
            let _ = out.write_all(body);
            return 200;
        }
        Some(Fault::NotFound) => {
            head(out, 404, "", Some(0));
            return 404;
        }
        Some(Fault::Oversize(n)) => {
            head(out, 200, "Content-Type: application/pdf\r\n", None);
            let chunk = vec![b'x'; 64 * 1024];
            let mut sent = 0;
            while sent < n {
                let k = chunk.len().min(n - sent);
                if out.write_all(&chunk[..k]).is_err() {
                    break;
                }
                sent += k;
            }
            return 200;
        }
        _ => {}
    }
    let Some(r) = resource else {
        head(out, 404, "", Some(0));
        return 404;
    };
    let tag = etag(&r.body);
    let fresh = headers.get("if-none-match").is_some_and(|v| *v == tag)
        || (!headers.contains_key("if-none-match")
            && headers
                .get("if-modified-since")
                .is_some_and(|v| v == LAST_MODIFIED));
    let validators = format!("ETag: {tag}\r\nLast-Modified: {LAST_MODIFIED}\r\n");
    if fresh {
        head(out, 304, &validators, None);
        return 304;
    }
    let extra = format!("{validators}Content-Type: {}\r\n", r.content_type);
    match fault {
        Some(Fault::Truncate) => {
            head(out, 200, &extra, Some(r.body.len()));
            let _ = out.write_all(&r.body[..r.body.len() / 2]);
        }
        Some(Fault::Malformed) => {
            let b = &r.body[..r.body.len().min(100)];
            head(out, 200, &extra, Some(b.len()));
            let _ = out.write_all(b);
        }
        _ => {
            head(out, 200, &extra, Some(r.body.len()));
            let _ = out.write_all(&r.body);
        }
    }
    200
}
