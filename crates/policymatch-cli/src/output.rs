//! Printing errors and shared output helpers.

/// Prints `err` and its causes on stderr as one line each, with a hint when one applies.
pub fn print_error(err: &anyhow::Error) {
    let mut line = format!("policymatch: error: {err}");
    for cause in err.chain().skip(1) {
        line.push_str(&format!(": {cause}"));
    }
    eprintln!("{line}");
}
