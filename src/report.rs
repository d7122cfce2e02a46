//! Printing an analysis for people (text), for documents (Markdown) and for programs (JSON).

mod markdown;
mod paint;
mod text;

use crate::analysis::Analysis;

pub use markdown::render as markdown;
pub use paint::Paint;
pub use text::render as text;

/// One JSON document for one analysis (the `clauseguard.analysis/1` schema), on one line.
pub fn json(analysis: &Analysis) -> String {
    serde_json::to_string(analysis).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}
