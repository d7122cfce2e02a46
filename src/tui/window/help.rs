//! The help window: every key of every screen (generated from the key table, so it never
//! drifts from the real bindings) and what the marks and styles mean.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::tui::keymap::{self, Action};
use crate::tui::layout;
use crate::tui::list;
use crate::tui::theme::Theme;
use crate::tui::ui::{block, window};
use crate::tui::wrap::{pad, rule, wrap};

/// What the screen shows beyond the keys: the meaning of marks and styles, mouse and paste.
const LEGEND: &[&str] = &[
    "List marks: ○ open  ✓ accepted  ↺ countered  ✗ rejected  ‖ parked  · nothing to decide",
    "Risky phrases: HIGH reversed, MED underlined, LOW italic; the selected finding also bold and underlined",
    "Diffs: the client's words struck out, the standard's words in bold",
    "Comparison marks: ▲ better for the agency, ▼ worse, ~ reworded or moved, + added, − removed, ≡ both sides",
    "Mouse: click a clause to select it, click a pane to focus it, the wheel scrolls",
    "Paste: a paste outside a box opens the client's revised wording of the clause it names (number or heading), else of the selected one; u undoes it",
    "Every change is saved at once; the status bar says when, or why not.",
];

/// The help's lines at `width`, prepared once per change.
pub fn lines(theme: &Theme, width: usize) -> Vec<Line<'static>> {
    const KEYS: usize = 22;
    let mut out = Vec::new();
    for (context, lines) in keymap::help() {
        out.push(rule(context.title(), width, theme.heading));
        for line in lines {
            let keys = pad(Line::from(Span::styled(line.keys, theme.hint_key)), KEYS);
            for (i, text) in wrap(&[(line.description, theme.text)], width.saturating_sub(KEYS + 1)).into_iter().enumerate() {
                let mut spans = if i == 0 { keys.spans.clone() } else { vec![Span::raw(" ".repeat(KEYS))] };
                spans.push(Span::raw(" "));
                spans.extend(text.spans);
                out.push(Line::from(spans));
            }
        }
    }
    out.push(rule("What you see", width, theme.heading));
    for text in LEGEND {
        out.extend(wrap(&[(text, theme.text)], width));
    }
    out
}

/// j/k, pages and ends scroll the help; past the end is clamped when it is laid out again.
pub fn scroll(scroll: usize, action: &Action, area: Rect) -> usize {
    let half = layout::inner(layout::help(area)).height / 2;
    scroll.saturating_add_signed(list::step(action, isize::try_from(half.max(1)).unwrap_or(1)))
}

pub fn render(lines: &[Line<'static>], scroll: usize, theme: &Theme, frame: &mut Frame, area: Rect) {
    let rect = layout::help(area);
    frame.render_widget(Clear, rect);
    let height = layout::inner(rect).height;
    let paragraph = Paragraph::new(window(lines, scroll, height)).block(block(theme, " Help: keys and marks ", true));
    frame.render_widget(paragraph, rect);
}
