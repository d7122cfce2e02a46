//! Reading a client's draft: .txt, .md and .docx, in whatever encoding counsel's tools wrote,
//! into the one plain text every offset the tool reports points into.

mod decode;
pub mod docx;
pub(crate) mod markdown;

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

/// Drafts larger than this are refused: a 250-page contract is under 1 MB of text.
pub const MAX_INPUT_BYTES: u64 = 32 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Txt,
    Markdown,
    Docx,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Txt => "txt",
            Format::Markdown => "markdown",
            Format::Docx => "docx",
        })
    }
}

/// A draft as the analysis sees it.
#[derive(Debug, Clone)]
pub struct Document {
    /// The name the user gave (a path, or a label such as `demo`).
    pub path: PathBuf,
    pub format: Format,
    /// The plain text; every reported offset is a byte offset into it.
    pub text: String,
    /// `text` with markup blanked out byte for byte (Markdown), so matching ignores it while
    /// offsets stay the same. Equal to `text` for other formats.
    pub analysed: String,
    pub sha256: String,
    pub bytes: u64,
    /// Things the reader should know about how the text was obtained (tracked changes accepted).
    pub notes: Vec<String>,
}

/// Why a draft could not be read. Every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: {reason}", path.display())]
    Unreadable { path: PathBuf, reason: String },
}

impl IngestError {
    fn unreadable(path: &Path, reason: impl Into<String>) -> Self {
        IngestError::Unreadable { path: path.to_owned(), reason: reason.into() }
    }
}

/// Reads and decodes a draft from disk.
pub fn load(path: &Path) -> Result<Document, IngestError> {
    let io = |source| IngestError::Io { path: path.to_owned(), source };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(IngestError::unreadable(path, "is a folder, not a draft"));
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(IngestError::unreadable(
            path,
            format!("file is {} bytes; drafts over {} MiB are refused", meta.len(), MAX_INPUT_BYTES >> 20),
        ));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    from_bytes(path, &bytes)
}

/// Decodes a draft held in memory; `path` names it in messages and picks the format.
pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Document, IngestError> {
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(IngestError::unreadable(path, format!("{} bytes; drafts over {} MiB are refused", bytes.len(), MAX_INPUT_BYTES >> 20)));
    }
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    if matches!(ext.as_str(), "odt" | "ott" | "fodt") {
        return Err(IngestError::unreadable(path, decode::OPENDOCUMENT));
    }
    if let Some(kind) = decode::sniff_foreign(bytes) {
        return Err(IngestError::unreadable(path, kind));
    }
    // A large draft is hashed on a second thread while it is decoded.
    let (sha256, read) = beside(bytes.len() >= 256 * 1024, || hex(&Sha256::digest(bytes)), || read(path, bytes, &ext));
    let (format, text, analysed, notes) = read?;
    Ok(Document { path: path.to_owned(), format, text, analysed, sha256, bytes: bytes.len() as u64, notes })
}

/// The format, text, analysed text and notes of a draft's bytes.
fn read(path: &Path, bytes: &[u8], ext: &str) -> Result<(Format, String, String, Vec<String>), IngestError> {
    let (format, text, notes) = if bytes.starts_with(b"PK\x03\x04") || ext == "docx" {
        if !bytes.starts_with(b"PK") {
            return Err(IngestError::unreadable(path, "not a .docx (no zip signature); save it from Word as .docx"));
        }
        let doc = docx::extract(bytes).map_err(|e| IngestError::unreadable(path, e.to_string()))?;
        (Format::Docx, doc.text, doc.notes)
    } else {
        let text = decode::decode_text(bytes).map_err(|reason| IngestError::unreadable(path, reason))?;
        let format = if matches!(ext, "md" | "markdown") { Format::Markdown } else { Format::Txt };
        (format, text, Vec::new())
    };
    if text.trim().is_empty() {
        return Err(IngestError::unreadable(path, "the draft is empty (no text to analyse)"));
    }
    let analysed = if format == Format::Markdown { markdown::blank_markup(&text) } else { text.clone() };
    Ok((format, text, analysed, notes))
}

/// `first` and `second`, on two threads when `apart`.
fn beside<A: Send, B>(apart: bool, first: impl FnOnce() -> A + Send, second: impl FnOnce() -> B) -> (A, B) {
    if !apart {
        return (first(), second());
    }
    std::thread::scope(|s| {
        let first = s.spawn(first);
        let second = second();
        (crate::analysis::joined(first.join()), second)
    })
}

/// A document from text the user pasted (or the bundled demo).
pub fn from_text(label: &str, format: Format, text: &str) -> Document {
    let analysed = if format == Format::Markdown { markdown::blank_markup(text) } else { text.to_owned() };
    Document {
        path: PathBuf::from(label),
        format,
        text: text.to_owned(),
        analysed,
        sha256: hex(&Sha256::digest(text.as_bytes())),
        bytes: text.len() as u64,
        notes: Vec::new(),
    }
}

pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}
