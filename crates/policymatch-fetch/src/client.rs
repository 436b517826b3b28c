//! A polite HTTP client: one request at a time, no more than the configured rate, retries with
//! backoff on 429 and 5xx (honouring Retry-After), a time limit and a size limit on every
//! answer, conditional requests, and redirects followed by hand so that a loop is seen.

use crate::error::FetchError;
use std::io::Read;
use std::time::{Duration, Instant, SystemTime};

/// The User-Agent sent with every request: the tool, its version and where to read about it.
pub fn user_agent() -> String {
    format!(
        "policymatch/{} (agenda fetcher; +https://example.invalid/policymatch)",
        env!("CARGO_PKG_VERSION")
    )
}

/// How the client behaves.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// Requests per second at most (every attempt, retry and redirect counts).
    pub rate: f64,
    /// Time limit for one request, from connecting to the last byte of the body.
    pub timeout: Duration,
    /// Retries after a 429, a 5xx, a timeout or a broken connection.
    pub retries: u32,
    /// The first wait before a retry; it doubles with each retry.
    pub backoff: Duration,
    /// The longest Retry-After accepted; a server asking for more is reported.
    pub max_retry_after: Duration,
    /// Redirects followed at most.
    pub max_redirects: usize,
}

impl Default for ClientConfig {
    fn default() -> Self {
        ClientConfig {
            rate: 2.0,
            timeout: Duration::from_secs(30),
            retries: 3,
            backoff: Duration::from_secs(1),
            max_retry_after: Duration::from_secs(120),
            max_redirects: 5,
        }
    }
}

/// What a previous download of a URL said about its version, sent back to ask whether it
/// changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// The ETag.
    pub etag: Option<String>,
    /// The Last-Modified date, as the server wrote it.
    pub last_modified: Option<String>,
}

impl Validators {
    /// True when there is something to send.
    pub fn any(&self) -> bool {
        self.etag.is_some() || self.last_modified.is_some()
    }
}

/// A complete answer.
#[derive(Debug)]
pub struct Fetched {
    /// The body, exactly as sent.
    pub body: Vec<u8>,
    /// The answer's validators.
    pub validators: Validators,
    /// The Content-Type, if given.
    pub content_type: Option<String>,
}

/// The outcome of a GET.
#[derive(Debug)]
pub enum Got {
    /// 304: the copy we have is current.
    NotModified,
    /// 200 with its body.
    Fresh(Fetched),
}

/// Counts of what the client did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Requests sent (attempts, retries and redirects).
    pub requests: usize,
    /// Requests sent with If-None-Match or If-Modified-Since.
    pub conditional: usize,
    /// Retries.
    pub retries: usize,
}

/// The client.
pub struct Client {
    agent: ureq::Agent,
    config: ClientConfig,
    next_slot: Option<Instant>,
    counts: Counts,
}

enum Attempt {
    Done(Got),
    Redirect(String),
    Retry {
        after: Option<Duration>,
        why: FetchError,
    },
}

impl Client {
    /// A client with `config`.
    pub fn new(config: ClientConfig) -> Client {
        let agent = ureq::Agent::config_builder()
            .user_agent(user_agent())
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(config.timeout))
            .build()
            .new_agent();
        Client {
            agent,
            config,
            next_slot: None,
            counts: Counts::default(),
        }
    }

    /// What the client has done so far.
    pub fn counts(&self) -> Counts {
        self.counts
    }

    /// Waits for the next request slot allowed by the rate.
    fn wait_turn(&mut self) {
        let interval = Duration::from_secs_f64(1.0 / self.config.rate.max(0.01));
        let now = Instant::now();
        if let Some(at) = self.next_slot
            && at > now
        {
            std::thread::sleep(at - now);
        }
        self.next_slot = Some(Instant::now() + interval);
    }

    /// GETs `url`, with `validators` to ask whether it changed, accepting at most `limit`
    /// bytes of body.
    pub fn get(
        &mut self,
        url: &str,
        validators: &Validators,
        limit: u64,
    ) -> Result<Got, FetchError> {
        let mut visited = vec![url.to_string()];
        let mut current = url.to_string();
        let mut retries = 0u32;
        loop {
            match self.attempt(&current, validators, limit)? {
                Attempt::Done(got) => return Ok(got),
                Attempt::Redirect(to) => {
                    let to = resolve(&current, &to);
                    if visited.contains(&to) || visited.len() > self.config.max_redirects {
                        return Err(FetchError::RedirectLoop {
                            url: url.to_string(),
                            hops: visited.len(),
                        });
                    }
                    visited.push(to.clone());
                    current = to;
                }
                Attempt::Retry { after, why } => {
                    if retries >= self.config.retries {
                        return Err(why);
                    }
                    let backoff = self.config.backoff * 2u32.saturating_pow(retries);
                    let wait = after.unwrap_or(backoff);
                    if wait > self.config.max_retry_after {
                        return Err(FetchError::WaitTooLong {
                            url: url.to_string(),
                            seconds: wait.as_secs(),
                            max: self.config.max_retry_after.as_secs(),
                        });
                    }
                    retries += 1;
                    self.counts.retries += 1;
                    std::thread::sleep(wait);
                }
            }
        }
    }

    fn attempt(
        &mut self,
        url: &str,
        validators: &Validators,
        limit: u64,
    ) -> Result<Attempt, FetchError> {
        self.wait_turn();
        self.counts.requests += 1;
        if validators.any() {
            self.counts.conditional += 1;
        }
        let mut req = self.agent.get(url);
        if let Some(e) = &validators.etag {
            req = req.header("If-None-Match", e);
        }
        if let Some(m) = &validators.last_modified {
            req = req.header("If-Modified-Since", m);
        }
        let seconds = self.config.timeout.as_secs().max(1);
        let transient = |e: ureq::Error| match e {
            ureq::Error::Timeout(_) => Ok(Attempt::Retry {
                after: None,
                why: FetchError::Timeout {
                    url: url.to_string(),
                    seconds,
                },
            }),
            ureq::Error::Io(io) => Ok(Attempt::Retry {
                after: None,
                why: FetchError::Transport {
                    url: url.to_string(),
                    reason: io.to_string(),
                },
            }),
            other => Err(FetchError::Transport {
                url: url.to_string(),
                reason: other.to_string(),
            }),
        };
        let mut resp = match req.call() {
            Ok(r) => r,
            Err(e) => return transient(e),
        };
        let status = resp.status().as_u16();
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        if (300..400).contains(&status)
            && status != 304
            && let Some(to) = header("location")
        {
            return Ok(Attempt::Redirect(to));
        }
        match status {
            304 => return Ok(Attempt::Done(Got::NotModified)),
            429 | 500..=599 => {
                let after = header("retry-after").and_then(|v| retry_after(&v));
                return Ok(Attempt::Retry {
                    after,
                    why: FetchError::Status {
                        url: url.to_string(),
                        status,
                    },
                });
            }
            200..=299 => {}
            _ => {
                return Err(FetchError::Status {
                    url: url.to_string(),
                    status,
                });
            }
        }
        let fetched_validators = Validators {
            etag: header("etag").filter(|v| clean(v)),
            last_modified: header("last-modified").filter(|v| clean(v)),
        };
        let content_type = header("content-type");
        let expected = header("content-length").and_then(|v| v.trim().parse::<u64>().ok());
        let too_large = || FetchError::TooLarge {
            url: url.to_string(),
            limit,
        };
        if expected.is_some_and(|n| n > limit) {
            return Err(too_large());
        }
        let mut body = Vec::new();
        let read = resp
            .body_mut()
            .as_reader()
            .take(limit.saturating_add(1))
            .read_to_end(&mut body);
        if let Err(e) = read {
            // ureq reports its own errors (a timeout) inside the io::Error.
            let timed_out = e.kind() == std::io::ErrorKind::TimedOut
                || e.to_string().to_lowercase().contains("timeout");
            let why = if timed_out {
                FetchError::Timeout {
                    url: url.to_string(),
                    seconds,
                }
            } else if let Some(n) = expected {
                FetchError::Truncated {
                    url: url.to_string(),
                    got: body.len() as u64,
                    expected: n,
                }
            } else {
                FetchError::Transport {
                    url: url.to_string(),
                    reason: e.to_string(),
                }
            };
            return Ok(Attempt::Retry { after: None, why });
        }
        if body.len() as u64 > limit {
            return Err(too_large());
        }
        if let Some(n) = expected
            && n != body.len() as u64
        {
            return Ok(Attempt::Retry {
                after: None,
                why: FetchError::Truncated {
                    url: url.to_string(),
                    got: body.len() as u64,
                    expected: n,
                },
            });
        }
        Ok(Attempt::Done(Got::Fresh(Fetched {
            body,
            validators: fetched_validators,
            content_type,
        })))
    }
}

/// A header value that can be kept in the state file (one line, tab-separated).
fn clean(v: &str) -> bool {
    !v.is_empty() && !v.contains(['\t', '\n', '\r'])
}

/// Retry-After as seconds or as an HTTP date.
fn retry_after(v: &str) -> Option<Duration> {
    let v = v.trim();
    if let Ok(s) = v.parse::<u64>() {
        return Some(Duration::from_secs(s));
    }
    let at = httpdate::parse_http_date(v).ok()?;
    Some(
        at.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

/// `location` resolved against `base` (absolute, host-relative or path-relative).
pub fn resolve(base: &str, location: &str) -> String {
    if location.contains("://") {
        return location.to_string();
    }
    let (scheme, rest) = base.split_once("://").unwrap_or(("http", base));
    let authority = rest.split('/').next().unwrap_or(rest);
    if let Some(path) = location.strip_prefix('/') {
        return format!("{scheme}://{authority}/{path}");
    }
    let path = base.split('?').next().unwrap_or(base);
    match path.rfind('/') {
        Some(i) if i > scheme.len() + 2 => format!("{}/{location}", &path[..i]),
        _ => format!("{scheme}://{authority}/{location}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_resolve_against_the_url_asked_for() {
        let base = "http://127.0.0.1:8080/api/agenda/x?y=1";
        assert_eq!(resolve(base, "https://a.dk/b"), "https://a.dk/b");
        assert_eq!(resolve(base, "/loop"), "http://127.0.0.1:8080/loop");
        assert_eq!(resolve(base, "z"), "http://127.0.0.1:8080/api/agenda/z");
        assert_eq!(resolve("http://h", "z"), "http://h/z");
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        assert_eq!(retry_after("3"), Some(Duration::from_secs(3)));
        assert_eq!(
            retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after("soon"), None);
    }

    #[test]
    fn the_user_agent_names_the_tool_and_version() {
        assert!(user_agent().starts_with(&format!("policymatch/{}", env!("CARGO_PKG_VERSION"))));
    }
}
