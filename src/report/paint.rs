//! ANSI styling for plain CLI output, off when stdout is not a terminal or `NO_COLOR` is set.

use std::io::IsTerminal;

use crate::library::Severity;

#[derive(Debug, Clone, Copy)]
pub struct Paint {
    enabled: bool,
}

impl Paint {
    /// Colour only for a terminal, and never when `NO_COLOR` is set to anything non-empty.
    pub fn for_stdout() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self { enabled: !no_color && std::io::stdout().is_terminal() }
    }

    pub fn plain() -> Self {
        Self { enabled: false }
    }

    fn wrap(self, codes: &str, s: &str) -> String {
        if self.enabled { format!("\x1b[{codes}m{s}\x1b[0m") } else { s.to_owned() }
    }

    pub fn bold(self, s: &str) -> String {
        self.wrap("1", s)
    }

    pub fn dim(self, s: &str) -> String {
        self.wrap("2", s)
    }

    /// The phrase at fault: reversed, so it stands out without relying on colour.
    pub fn phrase(self, s: &str) -> String {
        self.wrap("7", s)
    }

    pub fn severity(self, severity: Severity, s: &str) -> String {
        let codes = match severity {
            Severity::High => "1;31",
            Severity::Medium => "1;33",
            Severity::Low => "36",
            Severity::Info => "2",
        };
        self.wrap(codes, s)
    }

    pub fn deleted(self, s: &str) -> String {
        self.wrap("9;31", s)
    }

    pub fn inserted(self, s: &str) -> String {
        self.wrap("1;32", s)
    }
}
