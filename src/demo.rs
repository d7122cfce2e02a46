//! The sample client draft bundled in the binary, so `clauseguard --demo` works anywhere: an
//! AI-services agreement as a client's counsel would send it, written by the project (fictional
//! parties), that trips every concern in the default library.

use crate::ingest::{self, Document, Format};

pub const DRAFT_R1: &str = include_str!("../assets/demo/client-draft-r1.md");

/// The demo draft as a document named `demo-client-draft.md`.
pub fn draft() -> Document {
    ingest::from_text("demo-client-draft.md", Format::Markdown, DRAFT_R1)
}
