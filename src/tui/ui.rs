//! Drawing the workspace: `render(&App, &mut Frame)` reads the state and the prepared lines and
//! changes nothing. Only the rows and lines on screen are drawn.

mod compare;
mod panes;
mod windows;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::app::{App, Overlay};
use super::keymap;
use super::layout::Areas;
use super::{MIN_HEIGHT, MIN_WIDTH};

pub fn render(app: &App<'_>, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area);
        return;
    }
    let areas = Areas::new(area);
    status_bar(app, frame, areas.status);
    if let Some(Overlay::Library(view)) = &app.overlay {
        windows::library(app, view, frame, areas.body());
    } else if let Some(view) = &app.compare {
        compare::screen(app, view, frame, area);
    } else {
        panes::list(app, frame, areas.list);
        panes::clause(app, frame, areas.clause);
        panes::detail(app, frame, areas.detail);
    }
    match &app.overlay {
        Some(Overlay::Help { scroll }) => windows::help(app, *scroll, frame, area),
        Some(Overlay::Fee(view)) => windows::fee(app, view, frame, area),
        Some(Overlay::Pick(pick)) => compare::picker(app, pick, frame, area),
        Some(Overlay::Route(route)) => windows::route(app, route, frame, area),
        _ => {}
    }
    if let Some(input) = &app.input {
        windows::input(app, input, frame, area);
    }
    hint_bar(app, frame, areas.hints);
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = format!("Terminal too small: {}x{}; clauseguard needs at least {MIN_WIDTH}x{MIN_HEIGHT}.", area.width, area.height);
    let lines = super::wrap::wrap(&[(&text, Style::new())], usize::from(area.width));
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let rect = Rect::new(area.x, area.y + top, area.width, area.height - top);
    frame.render_widget(Paragraph::new(lines).centered(), rect);
}

fn status_bar(app: &App<'_>, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let ws = &app.ws;
    let sep = || Span::styled(" │ ", theme.status);
    let mut spans = vec![
        Span::styled(format!(" {}", crate::text::one_line(&ws.session().name)), theme.status),
        sep(),
        Span::styled(format!("round {}", ws.round()), theme.status),
        sep(),
        Span::styled(format!("{} open", ws.open_findings()), theme.status),
        sep(),
    ];
    if ws.read_only() {
        spans.push(Span::styled("READ-ONLY", theme.status.patch(theme.error)));
    } else if ws.unsaved() {
        spans.push(Span::styled("NOT SAVED", theme.status.patch(theme.error)));
    } else {
        let saved = ws.last_saved().and_then(|t| t.get(11..19)).map_or_else(|| "nothing to save yet".to_owned(), |t| format!("saved {t}"));
        spans.push(Span::styled(saved, theme.status));
    }
    if let Some(running) = &app.comparing {
        spans.push(sep());
        spans.push(Span::styled(format!("comparing with {}…", running.with), theme.status.patch(theme.title)));
    }
    if let Some(message) = &app.message {
        spans.push(sep());
        let style = if message.error { theme.status.patch(theme.error) } else { theme.status };
        spans.push(Span::styled(crate::text::one_line(&message.text), style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.status), area);
}

/// The bindings with a hint in the active contexts, as many as fit: every word in full when
/// they all fit, else each hint's first word, dropping the least important (last in the table)
/// until the rest fit. Help and quit come first in the table, so they are the last to go.
fn hint_bar(app: &App<'_>, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let spans = fit_hints(&keymap::hints(&app.contexts()), usize::from(area.width))
        .into_iter()
        .flat_map(|(key, word)| [Span::styled(key, theme.hint_key), Span::styled(format!(" {word}  "), theme.dim)]);
    frame.render_widget(Paragraph::new(Line::from([Span::raw(" ")].into_iter().chain(spans).collect::<Vec<_>>())), area);
}

/// (key, word) pairs that fit in `width` columns drawn as ` key word  key word  `.
fn fit_hints(hints: &[keymap::Hint], width: usize) -> Vec<(String, &'static str)> {
    let needed = |pairs: &[(String, &str)]| 1 + pairs.iter().map(|(k, w)| k.chars().count() + w.chars().count() + 3).sum::<usize>();
    let full: Vec<(String, &'static str)> = hints.iter().map(|h| (h.key.clone(), h.word)).collect();
    if needed(&full) <= width {
        return full;
    }
    let mut short: Vec<(String, &'static str)> = hints.iter().map(|h| (h.key.clone(), h.short())).collect();
    while short.len() > 1 && needed(&short) > width {
        short.pop();
    }
    short
}

/// A bordered block, its border bright when it has the focus.
fn block<'a>(app: &App<'_>, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
    let style = if focused { app.theme.border_focused } else { app.theme.border };
    Block::bordered().border_style(style).title(title)
}

/// The lines of `lines` from `scroll` that fit in `height`.
fn window(lines: &[Line<'static>], scroll: usize, height: u16) -> Vec<Line<'static>> {
    lines.iter().skip(scroll).take(usize::from(height)).cloned().collect()
}
