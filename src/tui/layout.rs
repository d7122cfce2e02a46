//! Where each part of the screen goes. `App::update` (for mouse clicks, page sizes and scroll
//! limits) and the drawing code both use these, so they always agree.

use ratatui::layout::{Constraint, Layout, Margin, Rect};

use super::keymap::{self, Context, Hint};

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
        let hint_rows = Constraint::Length(hint_rows(area.width));
        let [status, body, hints] = area.layout(&Layout::vertical([Constraint::Length(1), Constraint::Fill(1), hint_rows]));
        let [list, right] = body.layout(&Layout::horizontal([Constraint::Percentage(34), Constraint::Fill(1)]));
        let [clause, detail] = right.layout(&Layout::vertical([Constraint::Percentage(50), Constraint::Fill(1)]));
        Self { status, list, clause, detail, hints }
    }

    /// Everything between the status bar and the hint bar (the library browser's room).
    pub fn body(&self) -> Rect {
        self.list.union(self.detail)
    }
}

/// Rows of the hint bar: the fewest (at most three) in which the main screen's hints all fit
/// in full in `width` columns. A function of the width alone, so the panes do not jump as the
/// focus moves.
pub fn hint_rows(width: u16) -> u16 {
    let main = keymap::hints(&[Context::Main]);
    let in_full =
        |rows: usize| pack_hints(&main, usize::from(width), rows).iter().flatten().map(|(_, w)| *w).eq(main.iter().map(|h| h.word));
    (1..3).find(|&rows| in_full(rows)).map_or(3, |rows| rows as u16)
}

/// The hints laid out in at most `rows` rows of `width` columns, each drawn ` key word  key word  `:
/// every word in full when they all fit, else each hint's first word, dropping the least
/// important (last in the table) until the rest fit. Help and quit come first in the table,
/// so they are the last to go.
pub fn pack_hints(hints: &[Hint], width: usize, rows: usize) -> Vec<Vec<(String, &'static str)>> {
    let pack = |pairs: &[(String, &'static str)]| -> Option<Vec<Vec<(String, &'static str)>>> {
        let mut out: Vec<Vec<(String, &'static str)>> = vec![Vec::new()];
        let mut used = 1;
        for (key, word) in pairs {
            let needed = key.chars().count() + word.chars().count() + 3;
            if used + needed > width && !out.last().is_some_and(Vec::is_empty) {
                if out.len() == rows {
                    return None;
                }
                out.push(Vec::new());
                used = 1;
            }
            used += needed;
            out.last_mut()?.push((key.clone(), *word));
        }
        Some(out)
    };
    let full: Vec<(String, &'static str)> = hints.iter().map(|h| (h.key.clone(), h.word)).collect();
    let mut short: Vec<(String, &'static str)> = hints.iter().map(|h| (h.key.clone(), h.short())).collect();
    if let Some(rows) = pack(&full).or_else(|| pack(&short)) {
        return rows;
    }
    while short.len() > 1 {
        short.pop();
        if let Some(rows) = pack(&short) {
            return rows;
        }
    }
    vec![short]
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
    let body = Areas::new(area).body();
    centered(body, 84, body.height)
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
