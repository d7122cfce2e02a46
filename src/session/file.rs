//! The session file on disk: reading it (size cap, schema check, errors with line and column),
//! and writing it so that a crash at any moment leaves either the old file or the new one.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::{SCHEMA, Session};

/// Session files larger than this are refused unread: forty rounds of a 250-page contract
/// stay under 40 MiB.
pub const MAX_SESSION_BYTES: u64 = 64 * 1024 * 1024;
const SCHEMA_PREFIX: &str = "clauseguard.session/";
const SCHEMA_VERSION: u32 = 1;

/// Why a session could not be found, read or saved. Every message names the file (or the
/// folder) at fault; none of these leave a changed file behind.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("{name:?} is not a usable session name: {reason}")]
    InvalidName { name: String, reason: String },
    #[error("no session named {name:?} in {}; {}", dir.display(), existing_list(existing))]
    NotFound { name: String, dir: PathBuf, existing: Vec<String> },
    #[error("{}: a session with this name already exists", path.display())]
    AlreadyExists { path: PathBuf },
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: corrupt session file at line {line}, column {column}{}: {reason}", path.display(), at_field(field))]
    Corrupt { path: PathBuf, line: usize, column: usize, field: String, reason: String },
    #[error(
        "{}: written by a newer clauseguard: schema {found}; this version reads {SCHEMA} (the file is left as it is)",
        path.display()
    )]
    NewerSchema { path: PathBuf, found: String },
    #[error("{}: not a clauseguard session ({})", path.display(), found.as_deref().map_or_else(|| "no \"schema\" field".to_owned(), |s| format!("schema {s:?}")))]
    NotASession { path: PathBuf, found: Option<String> },
    #[error("{}: the session is invalid: {}", path.display(), problems.join("; "))]
    Invalid { path: PathBuf, problems: Vec<String> },
    #[error("{}: {size} bytes; session files over {} MiB are refused", path.display(), MAX_SESSION_BYTES >> 20)]
    TooLarge { path: PathBuf, size: u64 },
    #[error(
        "{}: changed on disk by another program since it was opened ({}; this copy is based on revision {base}); not overwritten",
        path.display(),
        disk_revision.map_or_else(|| "now unreadable".to_owned(), |r| format!("revision {r} there"))
    )]
    Conflict { path: PathBuf, disk_revision: Option<u64>, base: u64 },
    #[error("{}: open in another clauseguard; read-only", path.display())]
    ReadOnly { path: PathBuf },
    #[error("no data directory on this system to keep sessions in; pass --sessions-dir or set CLAUSEGUARD_SESSIONS_DIR")]
    NoDataDir,
}

fn existing_list(existing: &[String]) -> String {
    if existing.is_empty() { "there are no sessions there yet".to_owned() } else { format!("existing sessions: {}", existing.join(", ")) }
}

fn at_field(field: &str) -> String {
    if field.is_empty() || field == "." { String::new() } else { format!(" (in {field})") }
}

pub(super) fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SessionError + '_ {
    move |source| SessionError::Io { path: path.to_owned(), source }
}

/// Reads a whole file, refusing one over the cap before reading it.
pub(super) fn read_capped(path: &Path) -> Result<Vec<u8>, SessionError> {
    let file = File::open(path).map_err(io(path))?;
    let size = file.metadata().map_err(io(path))?.len();
    if size > MAX_SESSION_BYTES {
        return Err(SessionError::TooLarge { path: path.to_owned(), size });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // The file may grow between the check and the read; the cap holds regardless.
    file.take(MAX_SESSION_BYTES + 1).read_to_end(&mut bytes).map_err(io(path))?;
    if bytes.len() as u64 > MAX_SESSION_BYTES {
        return Err(SessionError::TooLarge { path: path.to_owned(), size: bytes.len() as u64 });
    }
    Ok(bytes)
}

pub(super) fn digest(bytes: &[u8]) -> String {
    crate::ingest::hex(&Sha256::digest(bytes))
}

/// Parses a session file: syntax first (so a truncated file reports where it ends), then the
/// schema (so a newer file is named as such rather than as corrupt), then the fields.
pub(super) fn decode(path: &Path, bytes: &[u8]) -> Result<Session, SessionError> {
    #[derive(Deserialize)]
    struct Head {
        schema: Option<serde_json::Value>,
    }
    let corrupt = |e: &serde_json::Error, field: String| SessionError::Corrupt {
        path: path.to_owned(),
        line: e.line(),
        column: e.column(),
        field,
        reason: strip_position(&e.to_string()),
    };
    // Valid JSON of another shape (an array, a number) is some other file, not a damaged one.
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Err(match serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
            Ok(_) => SessionError::NotASession { path: path.to_owned(), found: None },
            Err(e) => corrupt(&e, String::new()),
        });
    }
    let head: Head = serde_json::from_slice(bytes).map_err(|e| corrupt(&e, String::new()))?;
    let found = head.schema.map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned));
    let version = found.as_deref().and_then(|s| s.strip_prefix(SCHEMA_PREFIX)).and_then(|v| v.parse::<u32>().ok());
    match version {
        Some(SCHEMA_VERSION) => {}
        Some(v) if v > SCHEMA_VERSION => return Err(SessionError::NewerSchema { path: path.to_owned(), found: found.unwrap_or_default() }),
        _ => return Err(SessionError::NotASession { path: path.to_owned(), found }),
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let mut session: Session = serde_path_to_error::deserialize(&mut de).map_err(|e| corrupt(e.inner(), e.path().to_string()))?;
    session.complete_old_offers();
    let problems = session.problems();
    if !problems.is_empty() {
        return Err(SessionError::Invalid { path: path.to_owned(), problems });
    }
    Ok(session)
}

/// `serde_json` appends " at line L column C"; the error states the position itself.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// The bytes written for a session: pretty JSON (readable in a diff, recoverable by hand).
pub(super) fn encode(path: &Path, session: &Session) -> Result<Vec<u8>, SessionError> {
    let problems = session.problems();
    if !problems.is_empty() {
        return Err(SessionError::Invalid { path: path.to_owned(), problems });
    }
    let mut bytes = serde_json::to_vec_pretty(session).map_err(|e| io(path)(e.into()))?;
    bytes.push(b'\n');
    // A file over the cap would not load again: refuse to write it instead.
    if bytes.len() as u64 > MAX_SESSION_BYTES {
        return Err(SessionError::TooLarge { path: path.to_owned(), size: bytes.len() as u64 });
    }
    Ok(bytes)
}

/// Writes the session file atomically and privately (see `crate::atomic::write`).
pub(super) fn write_atomic(path: &Path, bytes: &[u8], replace: bool) -> Result<(), SessionError> {
    crate::atomic::write(path, bytes, replace).map_err(|e| {
        if e.already_exists() {
            SessionError::AlreadyExists { path: path.to_owned() }
        } else {
            SessionError::Io { path: e.path, source: e.source }
        }
    })
}
