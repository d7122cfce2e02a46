//! Where a workspace's session lives between changes. The workspace saves after every change
//! through this trait, so the TUI and tests need not care whether it is a file or memory.

use crate::session::Session;

/// A session the workspace can read, change and save.
pub trait SessionHandle {
    fn session(&self) -> &Session;
    fn session_mut(&mut self) -> &mut Session;
    /// Writes the session durably. The error says which file could not be written and why.
    fn save(&mut self) -> Result<(), String>;
    /// A read-only session (another window holds it) keeps changes in memory only.
    fn read_only(&self) -> bool;
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
        match &self.fail_with {
            Some(message) => Err(message.clone()),
            None => {
                self.saves += 1;
                self.session.revision += 1;
                Ok(())
            }
        }
    }

    fn read_only(&self) -> bool {
        self.read_only
    }
}
