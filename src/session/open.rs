//! A session open for editing: the lock that keeps a second clauseguard from writing it too,
//! and saving that never overwrites what someone else wrote.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

use super::Session;
use super::file::{self, SessionError};
use super::store::open_lock_file;

/// An exclusive lock on `NAME.lock`, held until dropped (or the process dies: the OS releases
/// it, so a crash never leaves a session locked).
#[derive(Debug)]
pub(super) struct Lock {
    // Held for its lock only.
    _file: File,
}

impl Lock {
    /// Takes the lock; `None` when another process (or another handle) holds it. On a file
    /// system without locks the session is opened unlocked: the revision check in `save` still
    /// refuses to overwrite another writer's changes.
    pub(super) fn acquire(path: &Path) -> Result<Option<Lock>, SessionError> {
        let file = open_lock_file(path)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(Lock { _file: file })),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => Ok(Some(Lock { _file: file })),
            Err(TryLockError::Error(e)) => Err(file::io(path)(e)),
        }
    }
}

/// A session being edited. Changes are made on `session_mut()` and written by `save()`.
#[derive(Debug)]
pub struct OpenSession {
    session: Session,
    path: PathBuf,
    lock: Option<Lock>,
    /// Digest of the file as this handle last read or wrote it: anything else on disk at save
    /// time was written by someone else.
    on_disk: String,
    /// The revision of that file.
    base_revision: u64,
}

impl OpenSession {
    pub(super) fn new(session: Session, path: PathBuf, lock: Option<Lock>, on_disk: String) -> Self {
        let base_revision = session.revision;
        OpenSession { session, path, lock, on_disk, base_revision }
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn session_mut(&mut self) -> &mut Session {
        &mut self.session
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when another clauseguard had the session open when this one was opened: it can be
    /// read, and edited in memory, but not saved.
    pub fn read_only(&self) -> bool {
        self.lock.is_none()
    }

    /// For a read-only handle: takes the lock if the other clauseguard has let go of it and the
    /// file is still the one this handle read. Returns whether the handle is now writable.
    pub fn retry_lock(&mut self) -> Result<bool, SessionError> {
        if self.lock.is_some() {
            return Ok(true);
        }
        let lock_path = self.path.with_extension("lock");
        let Some(lock) = Lock::acquire(&lock_path)? else { return Ok(false) };
        self.check_unchanged()?;
        self.lock = Some(lock);
        Ok(true)
    }

    /// Writes the session: revision + 1, `updated` now, atomically (see `write_atomic`), mode
    /// 0600. Refuses when read-only, and when the file on disk is not the one this handle last
    /// read or wrote (`Conflict`): the in-memory session is then unchanged and can be saved
    /// under another name.
    pub fn save(&mut self) -> Result<(), SessionError> {
        if self.read_only() {
            return Err(SessionError::ReadOnly { path: self.path.clone() });
        }
        self.check_unchanged()?;
        let previous = (self.session.revision, std::mem::replace(&mut self.session.updated, super::now()));
        self.session.revision = self.base_revision.max(self.session.revision) + 1;
        let written = file::encode(&self.path, &self.session).and_then(|bytes| {
            file::write_atomic(&self.path, &bytes, true)?;
            Ok(file::digest(&bytes))
        });
        match written {
            Ok(digest) => {
                self.on_disk = digest;
                self.base_revision = self.session.revision;
                Ok(())
            }
            Err(e) => {
                (self.session.revision, self.session.updated) = previous;
                Err(e)
            }
        }
    }

    /// Errs with `Conflict` unless the file on disk is byte for byte what this handle last saw.
    /// A file deleted meanwhile is no conflict: saving puts the session back.
    fn check_unchanged(&self) -> Result<(), SessionError> {
        let bytes = match file::read_capped(&self.path) {
            Ok(bytes) => bytes,
            Err(SessionError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(SessionError::TooLarge { .. }) => return Err(self.conflict(None)),
            Err(e) => return Err(e),
        };
        if file::digest(&bytes) == self.on_disk {
            return Ok(());
        }
        let disk_revision = serde_json::from_slice::<serde_json::Value>(&bytes).ok().and_then(|v| v.get("revision")?.as_u64());
        Err(self.conflict(disk_revision))
    }

    fn conflict(&self, disk_revision: Option<u64>) -> SessionError {
        SessionError::Conflict { path: self.path.clone(), disk_revision, base: self.base_revision }
    }
}
