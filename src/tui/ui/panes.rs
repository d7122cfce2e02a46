//! The three panes of the main screen: the clause list (only its visible rows are built), the
//! clause view and the finding detail (slices of the lines prepared by `view`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{block, window};
use crate::session::DecisionState;
use crate::tui::app::{App, Pane};
use crate::tui::layout;
use crate::tui::list::{self, Pointer};
use crate::tui::theme::badge;
use crate::tui::wrap::truncate;

/// The mark of an entry's decision state in the list.
pub fn state_mark(state: Option<DecisionState>) -> &'static str {
    match state {
        None => "·",
        Some(DecisionState::Open) => "○",
        Some(DecisionState::Accepted) => "✓",
        Some(DecisionState::Countered) => "↺",
        Some(DecisionState::Rejected) => "✗",
        Some(DecisionState::Parked) => "‖",
    }
}

pub fn list(app: &App<'_>, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let inner = layout::inner(area);
    let width = usize::from(inner.width);
    let rows: Vec<Line> = app
        .visible
        .iter()
        .enumerate()
        .skip(app.list_offset)
        .take(usize::from(inner.height))
        .map(|(row, &position)| {
            let entry = app.ws.entries()[position];
            let selected = row == app.selected;
            let state = app.ws.state(entry);
            let mut spans = vec![match app.ws.worst(entry) {
                Some(s) => Span::styled(badge(s), theme.severity(s)),
                None => Span::raw("    "),
            }];
            spans.push(Span::raw(" "));
            spans.push(Span::styled(state_mark(state), state.map_or(theme.dim, |s| theme.state(s))));
            spans.push(Span::raw(" "));
            let mut label = crate::text::one_line(&app.ws.label(entry));
            if let crate::workspace::Entry::Clause(i) = entry
                && app.ws.clause(i).heading.is_none()
            {
                label = format!("{label} {}", app.ws.opening(i, width));
            }
            spans.push(Span::raw(truncate(&label, width.saturating_sub(8))));
            list::row(spans, selected, Pointer::Narrow, width, theme)
        })
        .collect();
    let filter = if app.risky_only { "risky " } else { "" };
    let title = format!(" Clauses {filter}{}/{} ", (app.selected + 1).min(app.visible.len()), app.visible.len());
    let paragraph = Paragraph::new(rows).block(block(&app.theme, title, app.focus == Pane::List));
    frame.render_widget(paragraph, area);
}

pub fn clause(app: &App<'_>, frame: &mut Frame, area: Rect) {
    let height = layout::inner(area).height;
    let mode = if app.side_by_side { "side by side" } else { "inline" };
    let title = format!(" Clause · diff {mode} ");
    let paragraph =
        Paragraph::new(window(&app.view.clause, app.clause_scroll, height)).block(block(&app.theme, title, app.focus == Pane::Clause));
    frame.render_widget(paragraph, area);
}

pub fn detail(app: &App<'_>, frame: &mut Frame, area: Rect) {
    let height = layout::inner(area).height;
    let paragraph = Paragraph::new(window(&app.view.detail, app.detail_scroll, height)).block(block(
        &app.theme,
        " Finding ",
        app.focus == Pane::Detail,
    ));
    frame.render_widget(paragraph, area);
}
