//! The on-disk passage index.

/// An opened policymatch index.
#[derive(Debug)]
pub struct PolicyIndex {}
