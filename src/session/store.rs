//! The folder sessions live in: one `NAME.json` per session, beside a `NAME.lock` that the
//! clauseguard editing it holds. Finding, listing, reading and creating sessions.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use super::file::{self, SessionError, io};
use super::open::{Lock, OpenSession};
use super::{SCHEMA, Session};

/// Names Windows will not give a file, whatever the extension.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4",
    "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];
pub const MAX_NAME_CHARS: usize = 64;

/// Where sessions are kept. Cheap to make; nothing is touched on disk until a session is
/// created.
#[derive(Debug, Clone)]
pub struct SessionStore {
    dir: PathBuf,
}

/// What `list` tells about one stored session, without keeping its drafts in memory.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionSummary {
    pub name: String,
    pub client: Option<String>,
    pub rounds: usize,
    pub created: String,
    pub updated: String,
    /// Why the file could not be read, for a session that is there but unusable; it is listed
    /// rather than hidden, so nobody thinks it was lost.
    pub problem: Option<String>,
}

/// Session names become file names: ASCII letters, digits, `-`, `_` and `.`, not starting with
/// a dot (hidden, and the store's temporary files), at most 64 characters.
pub fn validate_name(name: &str) -> Result<(), SessionError> {
    let bad = |reason: &str| Err(SessionError::InvalidName { name: name.to_owned(), reason: reason.to_owned() });
    if name.is_empty() {
        return bad("it is empty");
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return bad(&format!("it is longer than {MAX_NAME_CHARS} characters"));
    }
    if let Some(c) = name.chars().find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))) {
        return bad(&format!("{c:?} is not allowed; use letters, digits, '-', '_' and '.'"));
    }
    if name.starts_with('.') {
        return bad("it starts with '.'");
    }
    if name.ends_with('.') {
        return bad("it ends with '.'");
    }
    let stem = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
    if RESERVED.contains(&stem.as_str()) {
        return bad("it is a reserved device name on Windows");
    }
    Ok(())
}

impl SessionStore {
    pub fn new(dir: PathBuf) -> Self {
        SessionStore { dir }
    }

    /// `--sessions-dir` > `CLAUSEGUARD_SESSIONS_DIR` > the platform data directory's `sessions`.
    pub fn resolve(flag: Option<&Path>) -> Result<Self, SessionError> {
        if let Some(dir) = flag {
            return Ok(Self::new(dir.to_owned()));
        }
        if let Some(dir) = std::env::var_os("CLAUSEGUARD_SESSIONS_DIR").filter(|d| !d.is_empty()) {
            return Ok(Self::new(PathBuf::from(dir)));
        }
        let dirs = directories::ProjectDirs::from("", "", "clauseguard").ok_or(SessionError::NoDataDir)?;
        Ok(Self::new(dirs.data_dir().join("sessions")))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where the session `name` is (or would be) stored.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(format!("{name}.json"))
    }

    pub(super) fn lock_path(&self, name: &str) -> PathBuf {
        self.dir.join(format!("{name}.lock"))
    }

    /// Every stored session by name, including unreadable ones (with the reason).
    pub fn list(&self) -> Result<Vec<SessionSummary>, SessionError> {
        let mut summaries: Vec<SessionSummary> = self
            .names()?
            .into_iter()
            .map(|name| match self.load(&name) {
                Ok(s) => {
                    SessionSummary { client: s.client, rounds: s.rounds.len(), created: s.created, updated: s.updated, problem: None, name }
                }
                Err(e) => SessionSummary {
                    name,
                    client: None,
                    rounds: 0,
                    created: String::new(),
                    updated: String::new(),
                    problem: Some(e.to_string()),
                },
            })
            .collect();
        summaries.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(summaries)
    }

    /// The names of the session files in the folder, sorted; none when it does not exist yet.
    pub fn names(&self) -> Result<Vec<String>, SessionError> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io(&self.dir)(e)),
        };
        let mut names = Vec::new();
        for entry in entries {
            let path = entry.map_err(io(&self.dir))?.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".json")) else { continue };
            if validate_name(name).is_ok() && path.is_file() {
                names.push(name.to_owned());
            }
        }
        names.sort();
        Ok(names)
    }

    pub fn exists(&self, name: &str) -> bool {
        validate_name(name).is_ok() && self.path(name).is_file()
    }

    /// Reads a session without locking it: for showing, listing and comparing.
    pub fn load(&self, name: &str) -> Result<Session, SessionError> {
        Ok(self.read(name)?.0)
    }

    /// The session and the digest of the bytes it was read from.
    pub(super) fn read(&self, name: &str) -> Result<(Session, String), SessionError> {
        validate_name(name)?;
        let path = self.path(name);
        let bytes = match file::read_capped(&path) {
            Err(SessionError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                return Err(SessionError::NotFound {
                    name: name.to_owned(),
                    dir: self.dir.clone(),
                    existing: self.names().unwrap_or_default(),
                });
            }
            other => other?,
        };
        let mut session = file::decode(&path, &bytes)?;
        // The file name is the session's identity: a file renamed by hand is that session.
        name.clone_into(&mut session.name);
        Ok((session, file::digest(&bytes)))
    }

    /// Stores a new session and opens it for editing. Refuses a name already taken, even by
    /// a session another process is creating at the same moment.
    pub fn create(&self, mut session: Session) -> Result<OpenSession, SessionError> {
        validate_name(&session.name)?;
        let path = self.path(&session.name);
        SCHEMA.clone_into(&mut session.schema);
        let bytes = file::encode(&path, &session)?;
        create_private_dir(&self.dir)?;
        let Some(lock) = Lock::acquire(&self.lock_path(&session.name))? else { return Err(SessionError::AlreadyExists { path }) };
        if path.exists() {
            return Err(SessionError::AlreadyExists { path });
        }
        file::write_atomic(&path, &bytes, false)?;
        Ok(OpenSession::new(session, path, Some(lock), file::digest(&bytes)))
    }

    /// Opens a session for editing. When another clauseguard has it open, the session is
    /// still returned, read-only (`save` refuses), so it can be looked at.
    pub fn open(&self, name: &str) -> Result<OpenSession, SessionError> {
        validate_name(name)?;
        if !self.path(name).is_file() {
            return Err(SessionError::NotFound {
                name: name.to_owned(),
                dir: self.dir.clone(),
                existing: self.names().unwrap_or_default(),
            });
        }
        // Lock before reading, so what is read is what the lock holder will write over.
        let lock = Lock::acquire(&self.lock_path(name))?;
        let (session, digest) = self.read(name)?;
        if lock.is_some() {
            self.remove_stale_temp_files(name);
        }
        Ok(OpenSession::new(session, self.path(name), lock, digest))
    }

    /// Temporary files left by a save that was killed midway. Only called with the lock held,
    /// so no save of this session is in progress. Failing to remove one is harmless.
    fn remove_stale_temp_files(&self, name: &str) {
        let prefix = crate::atomic::temp_prefix(&self.path(name));
        let Ok(entries) = std::fs::read_dir(&self.dir) else { return };
        for entry in entries.flatten() {
            let file_name = entry.file_name();
            let Some(n) = file_name.to_str() else { continue };
            let rest = n.strip_prefix(&prefix).and_then(|r| r.strip_suffix(crate::atomic::TEMP_SUFFIX));
            // tempfile's random part is 6 alphanumerics; a longer middle is another session's.
            if rest.is_some_and(|r| r.len() == 6 && r.chars().all(|c| c.is_ascii_alphanumeric())) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// Creates the sessions folder, readable only by its owner (drafts and deal notes are
/// confidential).
fn create_private_dir(dir: &Path) -> Result<(), SessionError> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(io(dir))
}

/// Opens (creating if needed) a lock file, owner-only.
pub(super) fn open_lock_file(path: &Path) -> Result<File, SessionError> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map_err(io(path))
}
