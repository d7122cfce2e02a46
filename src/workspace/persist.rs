//! Where a workspace's session lives between changes. The workspace saves after every change
//! through this trait, so the TUI and tests need not care whether it is a file or memory.

use crate::session::{OpenSession, Session};

/// A session the workspace can read, change and save.
pub trait SessionHandle {
    fn session(&self) -> &Session;
    fn session_mut(&mut self) -> &mut Session;
    /// Writes the session durably. The error says which file could not be written and why.
    fn save(&mut self) -> Result<(), String>;
    /// A read-only session (another window holds it) keeps changes in memory only.
    fn read_only(&self) -> bool;
    /// For a read-only session: becomes writable if the other window has let go of it.
    fn try_writable(&mut self) -> bool {
        false
    }
}

impl SessionHandle for OpenSession {
    fn session(&self) -> &Session {
        OpenSession::session(self)
    }

    fn session_mut(&mut self) -> &mut Session {
        OpenSession::session_mut(self)
    }

    fn save(&mut self) -> Result<(), String> {
        OpenSession::save(self).map_err(|e| e.to_string())
    }

    fn read_only(&self) -> bool {
        OpenSession::read_only(self)
    }

    fn try_writable(&mut self) -> bool {
        self.retry_lock().unwrap_or(false)
    }
}

/// A session held in memory only: for tests, and to script failures the real store can have.
#[derive(Debug, Clone)]
pub struct MemorySession {
    pub session: Session,
    /// How many saves succeeded.
    pub saves: usize,
    /// When set, every save fails with this message.
    pub fail_with: Option<String>,
    pub read_only: bool,
}

impl MemorySession {
    pub fn new(session: Session) -> Self {
        Self { session, saves: 0, fail_with: None, read_only: false }
    }
}

impl SessionHandle for MemorySession {
    fn session(&self) -> &Session {
        &self.session
    }

    fn session_mut(&mut self) -> &mut Session {
        &mut self.session
    }

    fn save(&mut self) -> Result<(), String> {
        if let Some(message) = &self.fail_with {
            return Err(message.clone());
        }
        self.saves += 1;
        self.session.revision += 1;
        Ok(())
    }

    fn read_only(&self) -> bool {
        self.read_only
    }
}
