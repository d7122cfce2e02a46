//! What the panes show, worked out once per change instead of once per frame: the word diffs of
//! the selected clause (recomputed only when the clause or its wording changes) and every
//! pane's wrapped lines at the current width, so drawing only copies the lines on screen.

mod clause;
pub mod compare;
mod detail;

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::app::App;
use super::layout::{self, Areas};
use super::window::{self, Overlay};
use crate::diff::Run;
use crate::library::StandardClause;
use crate::workspace::Entry;

/// The cached diffs of one entry's wording.
#[derive(Debug, Clone, Default)]
pub struct Diffs {
    /// The entry and its revision count the diffs were made for.
    key: Option<(Entry, usize)>,
    /// Against the standard clause: its id and the runs from the client's wording to it.
    pub standard: Option<(String, Vec<Run>)>,
    /// From the wording before the latest revision to the revised wording.
    pub previous: Option<Vec<Run>>,
}

#[derive(Debug, Clone, Default)]
pub struct View {
    pub diffs: Diffs,
    pub clause: Vec<Line<'static>>,
    pub detail: Vec<Line<'static>>,
    /// The open window's text (help, or the library clause shown).
    pub overlay: Vec<Line<'static>>,
    /// The comparison's detail of its selected row.
    pub compare: Vec<Line<'static>>,
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
        let entry = self.entry();
        let key = entry.map(|e| (e, if let Entry::Clause(i) = e { self.ws.wording(i).revised.map_or(0, |r| r.count) } else { 0 }));
        if self.view.diffs.key != key {
            self.view.diffs = clause::diffs(&self.ws, entry);
            self.view.diffs.key = key;
            self.view.diff_runs += 1;
        }

        let pane = layout::inner(areas.clause);
        let (lines, finding_line) = clause::lines(self, entry, usize::from(pane.width));
        self.view.clause = lines;
        let height = usize::from(pane.height);
        if std::mem::take(&mut self.view.follow_finding)
            && let Some(line) = finding_line.filter(|&l| l < self.clause_scroll || l >= self.clause_scroll + height)
        {
            self.clause_scroll = line.saturating_sub(height / 3);
        }
        self.clause_scroll = self.clause_scroll.min(self.view.clause.len().saturating_sub(height));

        let pane = layout::inner(areas.detail);
        let (lines, rung_lines) = detail::lines(self, entry, usize::from(pane.width));
        self.view.detail = lines;
        let height = usize::from(pane.height);
        if std::mem::take(&mut self.view.follow_rung)
            && let Some(&(start, end)) = rung_lines.get(self.rung)
        {
            if end > self.detail_scroll + height {
                self.detail_scroll = end.saturating_sub(height).min(start);
            } else if start < self.detail_scroll {
                self.detail_scroll = start;
            }
        }
        self.detail_scroll = self.detail_scroll.min(self.view.detail.len().saturating_sub(height));

        self.view.compare = Vec::new();
        if let Some(view) = self.compare.as_deref_mut() {
            let pane = layout::inner(layout::Compare::new(Rect::new(0, 0, self.size.width, self.size.height)).detail);
            self.view.compare = view
                .rows
                .get(view.selected)
                .map_or_else(Vec::new, |row| compare::detail(&view.comparison, row, &self.theme, usize::from(pane.width)));
            view.scroll = view.scroll.min(self.view.compare.len().saturating_sub(usize::from(pane.height)));
        }

        self.view.overlay = match &self.overlay {
            Some(Overlay::Help { .. }) => window::help::lines(&self.theme, usize::from(layout::inner(layout::help(self.area())).width)),
            Some(Overlay::Library(view)) => {
                let width = usize::from(layout::inner(layout::library(areas.body()).1).width);
                let clause = view.visible.get(view.selected).map(|&i| &self.ws.library().clauses[i]);
                match clause {
                    Some(c) => window::library::lines(c, &self.theme, width),
                    None => window::library::no_match(&view.filter, &self.theme, width),
                }
            }
            _ => Vec::new(),
        };
        let overlay_height = match &self.overlay {
            Some(Overlay::Help { .. }) => layout::inner(layout::help(self.area())).height,
            _ => layout::inner(layout::library(areas.body()).1).height,
        };
        let max = self.view.overlay.len().saturating_sub(usize::from(overlay_height));
        match &mut self.overlay {
            Some(Overlay::Help { scroll }) => *scroll = (*scroll).min(max),
            Some(Overlay::Library(view)) => view.scroll = view.scroll.min(max),
            _ => {}
        }
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
fn standard_title(standard: Option<&StandardClause>) -> String {
    standard.map_or_else(String::new, |c| crate::text::one_line(&c.title))
}
