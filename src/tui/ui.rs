//! Drawing the workspace: `render(&App, &mut Frame)` reads the state and the prepared lines and
//! changes nothing. Only the rows and lines on screen are drawn.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::app::{App, Message};
use super::input::Purpose;
use super::keymap;
use super::layout::{self, Areas};
use super::screen::Screen;
use super::window::{self, Overlay};
use super::{MIN_HEIGHT, MIN_WIDTH};

pub fn render(app: &App<'_>, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area);
        return;
    }
    let areas = Areas::new(area);
    status_bar(app, frame, areas.status);
    if matches!(app.overlay, Some(Overlay::Library(_))) {
        // The library browser takes the panes' place.
    } else {
        match &app.screen {
            Screen::Clauses(clauses) => super::panes::render(clauses, &app.ws, &app.theme, frame, &areas),
            Screen::Comparison { view, .. } => super::comparison::render(view, &app.theme, frame, area),
        }
    }
    window::render(app, frame, area, areas.body());
    long_message(app, frame, &areas);
    if let Some(input) = &app.input {
        let title = match (input.purpose, app.entry()) {
            (Purpose::Revision, Some(entry)) => format!(" Client's revised wording of {} ", app.ws.label(entry)),
            _ => format!(" {} ", input.purpose.title()),
        };
        super::input::render(input, title, &app.theme, frame, area);
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

/// The status bar: its fields and the status message. Where the fields and the message do not
/// fit together, the details about the draft go first (the tracked changes, then the agency),
/// then the session's name and the time of the last save; a message too long even then is
/// shown by [`long_message`] instead.
fn status_bar(app: &App<'_>, frame: &mut Frame, area: Rect) {
    let width = usize::from(area.width);
    let choices: Vec<Vec<Span>> =
        (0..=DETAILS).rev().map(|details| status_fields(app, false, details)).chain([status_fields(app, true, 0)]).collect();
    let fields_width = |spans: &[Span]| spans.iter().map(Span::width).sum::<usize>();
    let fitting = choices.iter().position(|s| fields_width(s) <= width).unwrap_or(choices.len() - 1);
    let mut spans = choices[fitting].clone();
    if let Some(message) = &app.message
        && let Some(with_message) = choices[fitting..].iter().find(|s| message_fits(s, message, area.width))
    {
        spans.clone_from(with_message);
        spans.push(Span::styled(" │ ", app.theme.status));
        spans.push(Span::styled(crate::text::one_line(&message.text), message_style(app, message)));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(app.theme.status), area);
}

/// How many details about the draft the status bar can show: the agency, the tracked changes.
const DETAILS: usize = 2;

/// What the status bar shows: the session (unless `brief`), its round, the open findings, the
/// first `details` of the agency the draft is read for and its tracked changes read as
/// accepted, whether it is saved (and when, unless `brief`), and a comparison running.
fn status_fields(app: &App<'_>, brief: bool, details: usize) -> Vec<Span<'static>> {
    let theme = &app.theme;
    let ws = &app.ws;
    let sep = || Span::styled(" │ ", theme.status);
    let mut spans = Vec::new();
    if !brief {
        spans.extend([Span::styled(format!(" {}", crate::text::one_line(&ws.session().name)), theme.status), sep()]);
    }
    spans.extend([
        Span::styled(format!("{}round {}", if brief { " " } else { "" }, ws.round()), theme.status),
        sep(),
        Span::styled(format!("{} open", ws.open_findings()), theme.status),
        sep(),
    ]);
    if details > 0 && !brief {
        let agency =
            ws.parties().agency.as_deref().map_or_else(|| "not found".to_owned(), |a| super::wrap::truncate(&crate::text::one_line(a), 24));
        let guess = if ws.parties().uncertain && !ws.agency_party_chosen() { "?" } else { "" };
        spans.extend([Span::styled(format!("agency: {agency}{guess}"), theme.status), sep()]);
    }
    if details > 1 && !brief && ws.document_notes().iter().any(|n| n.starts_with("tracked changes")) {
        spans.extend([Span::styled("tracked changes accepted", theme.status.patch(theme.medium)), sep()]);
    }
    if ws.read_only() {
        spans.push(Span::styled("READ-ONLY", theme.status.patch(theme.error)));
    } else if ws.unsaved() {
        spans.push(Span::styled("NOT SAVED", theme.status.patch(theme.error)));
    } else {
        let saved = match ws.last_saved().and_then(|t| t.get(11..19)) {
            Some(_) if brief => "saved".to_owned(),
            Some(t) => format!("saved {t}"),
            None => "nothing to save yet".to_owned(),
        };
        spans.push(Span::styled(saved, theme.status));
    }
    if let Some(running) = &app.comparing {
        spans.push(sep());
        spans.push(Span::styled(format!("comparing with {}…", running.with), theme.status.patch(theme.title)));
    }
    spans
}

/// Whether `message` fits in a status bar of `width` beside `fields`.
fn message_fits(fields: &[Span], message: &Message, width: u16) -> bool {
    let fields: usize = fields.iter().map(Span::width).sum();
    fields + 3 + crate::text::one_line(&message.text).chars().count() <= usize::from(width)
}

fn message_style(app: &App<'_>, message: &Message) -> Style {
    if message.error { app.theme.status.patch(app.theme.error) } else { app.theme.status }
}

/// A status message too long for the status bar, in full, wrapped over the rows it needs just
/// above the hint bar (it goes with the next key, like any message).
fn long_message(app: &App<'_>, frame: &mut Frame, areas: &Areas) {
    let Some(message) = app.message.as_ref().filter(|m| !message_fits(&status_fields(app, true, 0), m, areas.status.width)) else { return };
    let style = message_style(app, message);
    let text = crate::text::one_line(&message.text);
    let lines = super::wrap::wrap(&[(&text, style)], usize::from(areas.status.width).saturating_sub(2));
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX).min(areas.body().height);
    let rect = Rect::new(areas.status.x, areas.hints.y.saturating_sub(height), areas.status.width, height);
    let lines: Vec<Line> = lines.into_iter().map(|l| Line::from([Span::raw(" ")].into_iter().chain(l.spans).collect::<Vec<_>>())).collect();
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).style(style), rect);
}

/// The bindings with a hint in the active contexts, as many as fit in the bar's rows (see
/// [`layout::pack_hints`]).
fn hint_bar(app: &App<'_>, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let rows = layout::pack_hints(&keymap::hints(&app.contexts()), usize::from(area.width), usize::from(area.height));
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|row| {
            let spans =
                row.into_iter().flat_map(|(key, word)| [Span::styled(key, theme.hint_key), Span::styled(format!(" {word}  "), theme.dim)]);
            Line::from([Span::raw(" ")].into_iter().chain(spans).collect::<Vec<_>>())
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// A bordered block, its border bright when it has the focus.
pub(crate) fn block<'a>(theme: &super::theme::Theme, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
    let style = if focused { theme.border_focused } else { theme.border };
    Block::bordered().border_style(style).title(title)
}

/// The lines of `lines` from `scroll` that fit in `height`.
pub(crate) fn window(lines: &[Line<'static>], scroll: usize, height: u16) -> Vec<Line<'static>> {
    lines.iter().skip(scroll).take(usize::from(height)).cloned().collect()
}
