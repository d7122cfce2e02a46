//! The one selectable list every screen and window is made of: how the movement keys, a click
//! and a search move its selection, how far it scrolls to keep the selection on screen, and how
//! its rows are drawn. A list keeps two numbers, the selected row and the row at the top; these
//! functions are the only place either is worked out.

use ratatui::text::{Line, Span};

use super::keymap::Action;
use super::theme::Theme;
use super::wrap::pad;

/// How far a movement key moves a selection or a scroll position (`half` is half a page); 0
/// for any other action. Top and bottom are "very far", clamped by [`clamp`].
pub fn step(action: &Action, half: isize) -> isize {
    match action {
        Action::Down => 1,
        Action::Up => -1,
        Action::PageDown => half,
        Action::PageUp => -half,
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        _ => 0,
    }
}

/// `selected` moved by `delta` rows, inside a list of `len` rows.
pub fn moved(selected: usize, delta: isize, len: usize) -> usize {
    clamp(selected.saturating_add_signed(delta), len)
}

/// `index` inside a list of `len` rows (0 when it is empty).
pub fn clamp(index: usize, len: usize) -> usize {
    index.min(len.saturating_sub(1))
}

/// The top row that keeps `selected` on a screen of `height` rows, moved from `offset` as
/// little as possible.
pub fn follow(selected: usize, offset: usize, height: usize) -> usize {
    if selected < offset {
        selected
    } else if height > 0 && selected >= offset + height {
        selected + 1 - height
    } else {
        offset
    }
}

/// The row under screen row `y` of a list whose first row on screen is at `top`, if there is one.
pub fn clicked(offset: usize, top: u16, y: u16, len: usize) -> Option<usize> {
    let row = offset + usize::from(y.checked_sub(top)?);
    (row < len).then_some(row)
}

/// The first of `len` rows, counting from `from` (itself included when `inclusive`) and going
/// round the end, for which `hit` holds.
pub fn find(len: usize, from: usize, forward: bool, inclusive: bool, hit: impl Fn(usize) -> bool) -> Option<usize> {
    let first = usize::from(!inclusive);
    (first..first + len).map(|step| if forward { (from + step) % len } else { (from + len - step % len) % len }).find(|&row| hit(row))
}

/// Whether a move from `from` to `to` in that direction went round the end of the list.
pub fn wrapped(from: usize, to: usize, forward: bool) -> bool {
    if forward { to <= from } else { to >= from }
}

/// The last search of a list, kept for `n`/`N` and for highlighting matches: the words typed,
/// found anywhere, whatever their case.
#[derive(Debug, Clone)]
pub struct Search {
    pub query: String,
    pub pattern: regex::Regex,
}

impl Search {
    /// A search for `query` (trimmed), which must not be empty.
    pub fn new(query: &str) -> Result<Self, String> {
        let query = query.trim();
        let pattern = regex::RegexBuilder::new(&regex::escape(query))
            .case_insensitive(true)
            .build()
            .map_err(|e| format!("cannot search for {query:?}: {e}"))?;
        Ok(Self { query: query.to_owned(), pattern })
    }
}

/// The pointer before a row: `Wide` leaves a space after it, for windows with plain text rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pointer {
    Narrow,
    Wide,
}

/// A row of a list as drawn: the pointer when it is selected, then `spans`, the whole `width`
/// highlighted when selected.
pub fn row(spans: Vec<Span<'static>>, selected: bool, pointer: Pointer, width: usize, theme: &Theme) -> Line<'static> {
    let mark = match (pointer, selected) {
        (Pointer::Narrow, true) => "▸",
        (Pointer::Narrow, false) => " ",
        (Pointer::Wide, true) => "▸ ",
        (Pointer::Wide, false) => "  ",
    };
    let line = Line::from([Span::styled(mark, theme.title)].into_iter().chain(spans).collect::<Vec<_>>());
    if selected { pad(line, width).patch_style(theme.selected) } else { line }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selection_stays_on_screen_and_in_the_list() {
        assert_eq!(follow(12, 0, 10), 3);
        assert_eq!(follow(2, 5, 10), 2);
        assert_eq!(follow(7, 5, 10), 5);
        assert_eq!(moved(3, isize::MAX / 2, 8), 7);
        assert_eq!(moved(3, isize::MIN / 2, 8), 0);
        assert_eq!(moved(0, 1, 0), 0);
        assert_eq!(clicked(4, 2, 5, 10), Some(7));
        assert_eq!(clicked(4, 2, 9, 10), None);
        assert_eq!(clicked(4, 2, 1, 10), None);
    }

    #[test]
    fn a_search_goes_round_the_end() {
        let hits = |row: usize| row == 1 || row == 4;
        assert_eq!(find(6, 4, true, true, hits), Some(4));
        assert_eq!(find(6, 4, true, false, hits), Some(1));
        assert_eq!(find(6, 1, false, false, hits), Some(4));
        assert_eq!(find(0, 0, true, true, hits), None);
        assert!(wrapped(4, 1, true) && !wrapped(1, 4, true) && wrapped(1, 4, false));
    }
}
