//! # policymatch-matcher
//!
//! Ranks indexed policy passages against a volunteer association's profile.
#![deny(missing_docs)]
