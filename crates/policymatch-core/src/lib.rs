//! # policymatch-core
//!
//! The reading half of policymatch: it turns the documents a Danish municipality publishes
//! (policy PDFs, committee agendas and minutes) into searchable passages.
//!
//! A short tour of the main types:
//!
//! - [`extract`] turns PDF bytes into [`document::Page`]s of text as printed
//!   ([`extract::extract_pdf`]); [`extract::normalize::normalize_document`] drops running
//!   headers and footers, applies NFKC and joins hyphenation, as indexing does;
//!   [`extract::isolated`] runs extraction in worker processes so that a hostile file can never
//!   stop a run.
//! - [`sources`] reads agenda-system JSON exports, HTML and text, and splits agenda PDFs into
//!   items; [`deadlines`] finds consultations and deadlines; [`process`] the stage of a case and
//!   the administrative unit; [`metadata`] manifests and inference.
//! - [`segment`] cuts a page into [`segment::Passage`]s of about one paragraph, each with its
//!   nearest heading and character span.
//! - [`analysis`] is the Danish analyzer (lower-casing, stop words, Snowball stemming and
//!   compound splitting) registered in tantivy.
//! - [`index`] stores passages on disk ([`index::PolicyIndex`]) incrementally and atomically, and
//!   searches them; [`index::civic`] lists deadlines and case timelines.
//! - [`intent`] finds what a passage states (goals, initiatives, decisions, funding,
//!   consultations) and stores it with the passage as [`intent::Marks`].
//!
//! ```
//! use policymatch_core::segment::segment_page;
//!
//! let text = "Ensomhed\n\nMålet er, at færre borgere oplever sig ensomme. Vi vil styrke \
//!             samarbejdet med de frivillige foreninger om besøgsvenner og fællesspisning.";
//! let passages = segment_page(text);
//! assert_eq!(passages[0].heading.as_deref(), Some("Ensomhed"));
//! assert!(passages[0].text(text).starts_with("Målet er"));
//! ```
#![deny(missing_docs)]

pub mod analysis;
pub mod contacts;
pub mod dates;
pub mod deadlines;
pub mod document;
pub mod error;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod intent;
pub mod metadata;
pub mod problem;
pub mod process;
pub mod segment;
pub mod sentence;
pub mod size;
pub mod sources;

pub use error::{Error, Result};
