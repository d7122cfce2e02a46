//! Where each part of the screen goes. `App::update` (for mouse clicks, page sizes and scroll
//! limits) and the drawing code both use these, so they always agree.

use ratatui::layout::{Constraint, Layout, Margin, Rect};

/// The main screen: status bar, the three panes, the hint bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub status: Rect,
    pub list: Rect,
    pub clause: Rect,
    pub detail: Rect,
    pub hints: Rect,
}

impl Areas {
    pub fn new(area: Rect) -> Self {
        let [status, body, hints] = area.layout(&Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]));
        let [list, right] = body.layout(&Layout::horizontal([Constraint::Percentage(34), Constraint::Fill(1)]));
        let [clause, detail] = right.layout(&Layout::vertical([Constraint::Percentage(50), Constraint::Fill(1)]));
        Self { status, list, clause, detail, hints }
    }

    /// Everything between the status bar and the hint bar (the library browser's room).
    pub fn body(&self) -> Rect {
        self.list.union(self.detail)
    }
}

/// The comparison screen: a heading and totals line, the list of changes, the selected one's detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Compare {
    pub heading: Rect,
    pub list: Rect,
    pub detail: Rect,
}

impl Compare {
    pub fn new(area: Rect) -> Self {
        let body = Areas::new(area).body();
        let [heading, rest] = body.layout(&Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]));
        let [list, detail] = rest.layout(&Layout::horizontal([Constraint::Percentage(40), Constraint::Fill(1)]));
        Self { heading, list, detail }
    }
}

/// The window listing what to compare with.
pub fn picker(area: Rect, rows: usize) -> Rect {
    centered(area, 70, u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(4))
}

/// The inside of a bordered block.
pub fn inner(area: Rect) -> Rect {
    area.inner(Margin::new(1, 1))
}

/// A box of at most `width` x `height`, centred in `area` and never bigger than it.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    area.centered(Constraint::Length(width.min(area.width)), Constraint::Length(height.min(area.height)))
}

/// The help overlay's box.
pub fn help(area: Rect) -> Rect {
    centered(area, 84, area.height.saturating_sub(2))
}

/// The fee calculator's box.
pub fn fee(area: Rect) -> Rect {
    centered(area, 64, 16)
}

/// The input box, tall enough for `lines` lines of text (and its borders).
pub fn input(area: Rect, lines: u16) -> Rect {
    centered(area, area.width.saturating_sub(8).min(90), lines.saturating_add(3).min(area.height.saturating_sub(4)).max(4))
}

/// Columns available for the input box's text.
pub fn input_text_width(area: Rect) -> u16 {
    area.width.saturating_sub(8).min(90).saturating_sub(2)
}

/// The library browser: the list of standard clauses and the text of the selected one.
pub fn library(body: Rect) -> (Rect, Rect) {
    let [list, text] = body.layout(&Layout::horizontal([Constraint::Percentage(32), Constraint::Fill(1)]));
    (list, text)
}
