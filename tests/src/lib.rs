//! Corpus tests live in tests/.
