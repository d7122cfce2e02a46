//! Moving around: the list selection, the panes, scrolling, jumping between findings and
//! search matches, the risky-only filter, and the mouse.

use super::{ClausesScreen, Pane};
use crate::tui::app::App;
use crate::tui::layout::{self, Areas};
use crate::tui::list::{self, Search};
use crate::tui::screen::Screen;
use crate::workspace::{Entry, Workspace};

impl ClausesScreen {
    /// Selects list row `index` (clamped), with its first finding and the rung to offer next,
    /// keeping it on a list `height` rows high.
    pub(crate) fn select(&mut self, ws: &Workspace<'_>, index: usize, height: usize) {
        self.selected = list::clamp(index, self.visible.len());
        self.select_finding(ws, 0);
        self.show_selection(height);
        self.clause_scroll = 0;
    }

    /// Scrolls the list so the selected row is on a list `height` rows high.
    pub(crate) fn show_selection(&mut self, height: usize) {
        self.list_offset = list::follow(self.selected, self.list_offset, height);
    }

    /// Selects finding `n` of the selected entry, and the rung its decision adopted (or the first).
    pub(crate) fn select_finding(&mut self, ws: &Workspace<'_>, n: usize) {
        self.finding = n;
        self.rung = self.entry(ws).map_or(0, |e| {
            let findings = ws.findings(e);
            let adopted = findings.get(n).and_then(|f| ws.decision(e, Some(f)).and_then(|d| d.fallback).map(|k| (f, k)));
            adopted.and_then(|(f, kind)| f.fallbacks.iter().position(|o| o.kind == kind)).unwrap_or(0)
        });
        self.detail_scroll = 0;
        self.view.follow_finding = true;
        // The first rung is seen from the top of the detail; a later one is scrolled to.
        self.view.follow_rung = self.rung > 0;
    }

    /// Shows every entry, or only those with findings, from the top of the list (the caller
    /// selects a row).
    pub(crate) fn filter(&mut self, ws: &Workspace<'_>, risky_only: bool) {
        self.risky_only = risky_only;
        let entries = ws.entries();
        self.visible = (0..entries.len()).filter(|&p| !risky_only || ws.worst(entries[p]).is_some()).collect();
        self.list_offset = 0;
    }

    /// The first visible row from `from` (itself included when `inclusive`), going round the
    /// end, whose entry is a `hit`.
    fn find(&self, ws: &Workspace<'_>, from: usize, forward: bool, inclusive: bool, hit: impl Fn(Entry) -> bool) -> Option<usize> {
        list::find(self.visible.len(), from, forward, inclusive, |row| hit(ws.entries()[self.visible[row]]))
    }

    fn cycle_pane(&mut self, forward: bool) {
        const ORDER: [Pane; 3] = [Pane::List, Pane::Clause, Pane::Detail];
        let at = ORDER.iter().position(|p| *p == self.focus).unwrap_or(0);
        self.focus = ORDER[if forward { (at + 1) % 3 } else { (at + 2) % 3 }];
    }

    /// j/k and friends: the list moves its selection, the clause view scrolls, the detail pane
    /// moves along the fallback ladder (a single step) or scrolls (a page or an end).
    fn move_in_pane(&mut self, ws: &Workspace<'_>, delta: isize, list_height: usize) {
        match self.focus {
            Pane::List => self.select(ws, self.selected.saturating_add_signed(delta), list_height),
            Pane::Clause => self.clause_scroll = self.clause_scroll.saturating_add_signed(delta),
            Pane::Detail => {
                let rungs = self.entry(ws).and_then(|e| ws.findings(e).get(self.finding).map(|f| f.fallbacks.len())).unwrap_or(0);
                if delta.abs() == 1 && rungs > 0 {
                    self.rung = self.rung.saturating_add_signed(delta).min(rungs - 1);
                    self.view.follow_rung = true;
                } else {
                    self.detail_scroll = self.detail_scroll.saturating_add_signed(delta);
                }
            }
        }
    }
}

impl App<'_> {
    /// Selects list row `index` (clamped), with its first finding and the rung to offer next.
    pub(crate) fn select(&mut self, index: usize) {
        let height = self.list_height();
        self.screen.clauses_mut().select(&self.ws, index, height);
    }

    /// Scrolls the list so the selected row is on screen (after a move or a resize).
    pub(crate) fn show_selection(&mut self) {
        let height = self.list_height();
        self.screen.clauses_mut().show_selection(height);
    }

    /// Selects finding `n` of the selected entry, and the rung its decision adopted (or the first).
    pub(crate) fn select_finding(&mut self, n: usize) {
        self.screen.clauses_mut().select_finding(&self.ws, n);
    }

    fn list_height(&self) -> usize {
        usize::from(layout::inner(Areas::new(self.area()).list).height)
    }

    pub(crate) fn half_page(&self) -> isize {
        let areas = Areas::new(self.area());
        let pane = match self.screen.clauses().focus {
            Pane::List => areas.list,
            Pane::Clause => areas.clause,
            Pane::Detail => areas.detail,
        };
        isize::try_from(layout::inner(pane).height / 2).unwrap_or(1).max(1)
    }

    pub(crate) fn cycle_pane(&mut self, forward: bool) {
        self.screen.clauses_mut().cycle_pane(forward);
    }

    pub(crate) fn move_in_pane(&mut self, delta: isize) {
        let height = self.list_height();
        self.screen.clauses_mut().move_in_pane(&self.ws, delta, height);
    }

    pub(crate) fn activate(&mut self) {
        match self.screen.clauses().focus {
            Pane::List => self.screen.clauses_mut().focus = Pane::Clause,
            Pane::Clause => self.screen.clauses_mut().focus = Pane::Detail,
            Pane::Detail => self.decide(&crate::tui::keymap::Action::Counter),
        }
    }

    /// `]` and `[`: the next finding in this clause, else the first of the next clause with any.
    pub(crate) fn jump_finding(&mut self, forward: bool) {
        let Some(entry) = self.entry() else { return };
        let count = self.ws.findings(entry).len();
        if forward && self.screen.clauses().finding + 1 < count {
            self.select_finding(self.screen.clauses().finding + 1);
            return;
        }
        if !forward && self.screen.clauses().finding > 0 && count > 0 {
            self.select_finding(self.screen.clauses().finding.min(count) - 1);
            return;
        }
        let from = self.screen.clauses().selected;
        match self.screen.clauses().find(&self.ws, from, forward, false, |e| self.ws.worst(e).is_some()) {
            Some(row) => {
                let wrapped = list::wrapped(from, row, forward);
                self.select(row);
                if !forward {
                    let last = self.entry().map_or(0, |e| self.ws.findings(e).len().saturating_sub(1));
                    self.select_finding(last);
                }
                if wrapped {
                    self.info(if forward { "wrapped to the first finding" } else { "wrapped to the last finding" });
                }
            }
            None => self.info("no findings in this draft"),
        }
    }

    pub(crate) fn toggle_risky_only(&mut self) {
        let screen = self.screen.clauses_mut();
        let current = screen.visible.get(screen.selected).copied();
        screen.filter(&self.ws, !screen.risky_only);
        let row = current.map_or(0, |c| screen.visible.iter().position(|&p| p >= c).unwrap_or(screen.visible.len().saturating_sub(1)));
        let (risky_only, shown) = (screen.risky_only, screen.visible.len());
        self.select(row);
        let total = self.ws.entries().len();
        if risky_only {
            self.info(format!("showing the {shown} entries with findings (of {total}); f shows all"));
        } else {
            self.info(format!("showing all {total} entries"));
        }
    }

    /// First visible row matching the search from `from` (itself included when `inclusive`).
    fn find_match(&self, pattern: &regex::Regex, from: usize, forward: bool, inclusive: bool) -> Option<usize> {
        self.screen.clauses().find(&self.ws, from, forward, inclusive, |e| self.ws.entry_matches(e, pattern))
    }

    pub(crate) fn start_search(&mut self, query: &str) -> Result<(), String> {
        if query.trim().is_empty() {
            self.screen.clauses_mut().search = None;
            return Ok(());
        }
        let search = Search::new(query)?;
        match self.find_match(&search.pattern, self.screen.clauses().selected, true, true) {
            Some(row) => {
                self.select(row);
                self.screen.clauses_mut().search = Some(search);
                self.info(format!("found \"{}\" (n next, N previous, Esc clears)", query.trim()));
                Ok(())
            }
            None if self.screen.clauses().risky_only && self.ws.entries().iter().any(|&e| self.ws.entry_matches(e, &search.pattern)) => {
                Err("no risky clause matches; f shows all clauses".to_owned())
            }
            None => Err(format!("no clause matches \"{}\"", query.trim())),
        }
    }

    pub(crate) fn search_step(&mut self, forward: bool) {
        let Some(pattern) = self.screen.clauses().search.as_ref().map(|s| s.pattern.clone()) else {
            self.info("no search yet: press / to search");
            return;
        };
        match self.find_match(&pattern, self.screen.clauses().selected, forward, false) {
            Some(row) => {
                let wrapped = list::wrapped(self.screen.clauses().selected, row, forward);
                self.select(row);
                if wrapped {
                    self.info("search wrapped around");
                }
            }
            None => self.error("no more matches"),
        }
    }

    pub(crate) fn click(&mut self, column: u16, row: u16) {
        if self.overlay.is_some() || self.is_too_small() {
            return;
        }
        if let Screen::Comparison { .. } = self.screen {
            self.compare_click(column, row);
            return;
        }
        let at = ratatui::layout::Position::new(column, row);
        let areas = Areas::new(self.area());
        let rows = layout::inner(areas.list);
        if rows.contains(at) {
            self.screen.clauses_mut().focus = Pane::List;
            if let Some(target) = list::clicked(self.screen.clauses().list_offset, rows.y, row, self.screen.clauses().visible.len()) {
                self.select(target);
            }
        } else if areas.clause.contains(at) {
            self.screen.clauses_mut().focus = Pane::Clause;
        } else if areas.detail.contains(at) {
            self.screen.clauses_mut().focus = Pane::Detail;
        }
    }

    pub(crate) fn wheel(&mut self, column: u16, row: u16, down: bool) {
        const STEP: isize = 3;
        let delta = if down { STEP } else { -STEP };
        if let Some(overlay) = &mut self.overlay {
            overlay.scroll(delta);
            return;
        }
        let at = ratatui::layout::Position::new(column, row);
        if let Screen::Comparison { .. } = self.screen {
            self.compare_wheel(at, delta);
            return;
        }
        let areas = Areas::new(self.area());
        if areas.list.contains(at) {
            self.select(self.screen.clauses().selected.saturating_add_signed(delta));
        } else if areas.clause.contains(at) {
            self.screen.clauses_mut().clause_scroll = self.screen.clauses().clause_scroll.saturating_add_signed(delta);
        } else if areas.detail.contains(at) {
            self.screen.clauses_mut().detail_scroll = self.screen.clauses().detail_scroll.saturating_add_signed(delta);
        }
    }

    /// The selected entry when it is a clause, or a message saying why not.
    pub(crate) fn selected_clause(&mut self, doing: &str) -> Option<usize> {
        match self.entry() {
            Some(Entry::Clause(i)) => Some(i),
            Some(Entry::Missing(_)) => {
                self.error(format!("a missing protection has no wording to {doing}; use the standard language in the detail pane"));
                None
            }
            None => {
                self.error("no clause selected");
                None
            }
        }
    }
}
