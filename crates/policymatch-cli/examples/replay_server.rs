//! Serves the replay of the agenda portal that the fetch tests use (the 149 shared Greve
//! meetings, their committee list and corpus PDFs as attachments) on 127.0.0.1, to try
//! `policymatch fetch` by hand or to document it:
//!
//! ```text
//! cargo run -p policymatch-cli --example replay_server -- 8765 &
//! policymatch fetch --portal http://127.0.0.1:8765 --out greve
//! ```
//!
//! It stops after 15 minutes, or when its standard input closes or gets a line.

#[path = "../tests/replay/mod.rs"]
mod replay;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

fn main() {
    let port: u16 = std::env::args()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    let Some(shared) = replay::shared() else {
        eprintln!("replay_server: ../shared is absent; nothing to serve");
        std::process::exit(2);
    };
    let meetings = replay::shared_meetings(&shared);
    let server = replay::Replay::start_on(port, &meetings, &replay::attachment_pdfs(&shared));
    println!("{}", server.base);
    let stop = Arc::new(AtomicBool::new(false));
    let s = stop.clone();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = std::io::stdin().read_line(&mut line);
        s.store(true, Ordering::SeqCst);
    });
    server.wait(&stop);
}
