//! Printing an analysis for people (text), for documents (Markdown) and for programs (JSON).

mod markdown;
mod paint;
mod text;

use std::io::{self, BufWriter, Write};

use crate::analysis::Analysis;

pub use markdown::render as markdown;
pub use paint::Paint;
pub use text::render as text;

/// One JSON document for one analysis (the `clauseguard.analysis/1` schema), on one line.
pub fn json(analysis: &Analysis) -> String {
    serde_json::to_string(analysis).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// [`json`] and a line break, written to `out` as it is made: the report of a hostile draft
/// (tens of thousands of findings) is a hundred megabytes, which need not be held whole.
///
/// # Errors
/// When `out` cannot be written.
pub fn write_json(analysis: &Analysis, out: impl Write) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(64 * 1024, out);
    serde_json::to_writer(&mut out, analysis)?;
    out.write_all(b"\n")?;
    out.flush()
}
