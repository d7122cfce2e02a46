//! What the screens show, worked out once per change instead of once per frame: every pane's
//! and window's wrapped lines at the current width (each screen makes its own), so drawing only
//! copies the lines on screen.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::app::App;
use super::layout::Areas;
use crate::library::StandardClause;

#[derive(Debug, Clone, Default)]
pub struct View {
    pub diffs: super::panes::Diffs,
    pub clause: Vec<Line<'static>>,
    pub detail: Vec<Line<'static>>,
    /// The open window's text (help, or the library clause shown).
    pub overlay: Vec<Line<'static>>,
    /// Scroll the clause view to the selected finding at the next refresh.
    pub follow_finding: bool,
    /// Scroll the detail pane to the selected rung at the next refresh.
    pub follow_rung: bool,
    /// How many times the diffs were computed (a test checks drawing never does it).
    pub diff_runs: usize,
}

impl App<'_> {
    /// Rebuilds the cached view after a change, and keeps every scroll position in range.
    pub fn refresh(&mut self) {
        if self.is_too_small() {
            return;
        }
        let areas = Areas::new(self.area());
        self.refresh_panes(&areas);

        let area = self.area();
        if let Some(view) = self.compare.as_deref_mut() {
            view.refresh(&self.theme, area);
        }

        self.refresh_window(&areas);
    }
}

/// A section rule: `── title ──────`, as wide as the pane.
pub(crate) fn rule(title: &str, width: usize, style: Style) -> Line<'static> {
    let head = format!("── {title} ");
    let used = unicode_width::UnicodeWidthStr::width(head.as_str());
    Line::from(Span::styled(format!("{head}{}", "─".repeat(width.saturating_sub(used))), style))
}

/// `2025-03-04T10:42:13Z` as `2025-03-04 10:42`.
pub fn short_time(at: &str) -> String {
    at.get(..16).map_or_else(|| at.to_owned(), |t| t.replacen('T', " ", 1))
}

/// The standard clause an entry is compared with, for titles.
pub(crate) fn standard_title(standard: Option<&StandardClause>) -> String {
    standard.map_or_else(String::new, |c| crate::text::one_line(&c.title))
}
