//! Document metadata: from a manifest (TSV or CSV) or inferred from the document.
