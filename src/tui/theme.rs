//! Named styles for everything the workspace draws. Meaning never rests on colour alone: each
//! style carries a modifier too, and the `NO_COLOR` theme is those modifiers without the colours.

use ratatui::style::{Color, Modifier, Style};

use crate::library::Severity;
use crate::session::DecisionState;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub heading: Style,
    pub border: Style,
    pub border_focused: Style,
    /// The selected row of a list.
    pub selected: Style,
    pub high: Style,
    pub medium: Style,
    pub low: Style,
    pub info: Style,
    /// Added to the phrase of the finding the detail pane shows.
    pub current_finding: Style,
    pub deleted: Style,
    pub inserted: Style,
    pub search_match: Style,
    pub quote: Style,
    pub status: Style,
    pub error: Style,
    pub hint_key: Style,
    pub open: Style,
    pub settled: Style,
    pub countered: Style,
    pub parked: Style,
}

impl Theme {
    /// The monochrome theme when `NO_COLOR` is set to anything non-empty, colours otherwise.
    pub fn from_env() -> Self {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) { Self::monochrome() } else { Self::colour() }
    }

    pub fn colour() -> Self {
        let mono = Self::monochrome();
        Self {
            title: mono.title.fg(Color::Cyan),
            heading: mono.heading.fg(Color::Cyan),
            border_focused: mono.border_focused.fg(Color::Cyan),
            selected: Style::new().bg(Color::DarkGray).add_modifier(Modifier::BOLD),
            high: mono.high.fg(Color::Red),
            medium: mono.medium.fg(Color::Yellow),
            low: mono.low.fg(Color::Blue),
            deleted: mono.deleted.fg(Color::Red),
            inserted: mono.inserted.fg(Color::Green),
            search_match: mono.search_match.fg(Color::Magenta),
            quote: mono.quote.fg(Color::Yellow),
            status: Style::new().bg(Color::Blue).fg(Color::White),
            error: mono.error.fg(Color::Red),
            hint_key: mono.hint_key.fg(Color::Cyan),
            open: mono.open.fg(Color::Yellow),
            settled: mono.settled.fg(Color::Green),
            countered: mono.countered.fg(Color::Cyan),
            ..mono
        }
    }

    pub fn monochrome() -> Self {
        let m = |modifier: Modifier| Style::new().add_modifier(modifier);
        Self {
            text: Style::new(),
            dim: m(Modifier::DIM),
            title: m(Modifier::BOLD),
            heading: m(Modifier::BOLD | Modifier::UNDERLINED),
            border: m(Modifier::DIM),
            border_focused: m(Modifier::BOLD),
            selected: m(Modifier::REVERSED),
            high: m(Modifier::REVERSED | Modifier::BOLD),
            medium: m(Modifier::UNDERLINED),
            low: m(Modifier::ITALIC),
            info: m(Modifier::DIM),
            current_finding: m(Modifier::BOLD | Modifier::UNDERLINED),
            deleted: m(Modifier::CROSSED_OUT),
            inserted: m(Modifier::BOLD),
            search_match: m(Modifier::REVERSED),
            quote: m(Modifier::ITALIC),
            status: m(Modifier::REVERSED),
            error: m(Modifier::BOLD),
            hint_key: m(Modifier::BOLD),
            open: m(Modifier::BOLD),
            settled: Style::new(),
            countered: m(Modifier::ITALIC),
            parked: m(Modifier::DIM),
        }
    }

    pub fn severity(&self, severity: Severity) -> Style {
        match severity {
            Severity::High => self.high,
            Severity::Medium => self.medium,
            Severity::Low => self.low,
            Severity::Info => self.info,
        }
    }

    pub fn state(&self, state: DecisionState) -> Style {
        match state {
            DecisionState::Open => self.open,
            DecisionState::Accepted | DecisionState::Rejected => self.settled,
            DecisionState::Countered => self.countered,
            DecisionState::Parked => self.parked,
        }
    }
}

/// The short badge for a severity in lists: fixed width so columns line up.
pub fn badge(severity: Severity) -> &'static str {
    match severity {
        Severity::High => "HIGH",
        Severity::Medium => "MED ",
        Severity::Low => "LOW ",
        Severity::Info => "INFO",
    }
}

/// A decision state as a word.
pub fn state_label(state: DecisionState) -> &'static str {
    match state {
        DecisionState::Open => "open",
        DecisionState::Accepted => "accepted",
        DecisionState::Countered => "countered",
        DecisionState::Rejected => "rejected",
        DecisionState::Parked => "parked",
    }
}
