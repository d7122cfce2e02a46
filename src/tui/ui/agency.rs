//! The agency window: the party the draft is read for and how it was found, the other side,
//! how the draft's text was obtained, the parties to choose from, and the agency's own name.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::block;
use super::panes::truncate;
use crate::text::one_line;
use crate::tui::app::{AgencyView, App};
use crate::tui::layout;
use crate::tui::list::{self, Pointer};
use crate::tui::wrap::wrap;

const WIDTH: u16 = 72;

pub fn agency(app: &App<'_>, view: &AgencyView, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let ws = &app.ws;
    let width = usize::from(WIDTH - 2);
    let parties = ws.parties();
    let how = match (ws.agency_party_chosen(), parties.uncertain) {
        (true, _) => "chosen",
        (false, true) => "detected on thin evidence: check it",
        (false, false) => "detected",
    };
    let name = |n: &Option<String>| n.as_deref().map_or_else(|| "not found".to_owned(), one_line);
    let mut lines = vec![
        Line::from(vec![
            Span::styled("Read as the agency  ", theme.dim),
            Span::styled(truncate(&name(&parties.agency), 30), theme.title),
            Span::styled(format!("  ({how})"), theme.dim),
        ]),
        Line::from(vec![Span::styled("The other side      ", theme.dim), Span::raw(truncate(&name(&parties.counterparty), 40))]),
    ];
    for note in ws.document_notes() {
        lines.extend(wrap(&[(&format!("Note: {}", one_line(note)), theme.medium)], width));
    }
    lines.push(Line::default());
    lines.push(Line::styled("Who is the agency in this draft?", theme.heading));
    let rows = view.candidates.iter().map(|c| (truncate(c, width - 2), theme.text)).chain([("another name…".to_owned(), theme.dim)]);
    for (i, (text, style)) in rows.enumerate() {
        lines.push(list::row(vec![Span::styled(text, style)], i == view.row, Pointer::Wide, width, theme));
    }
    lines.push(Line::default());
    let own = match &ws.session().agency {
        Some(n) => Span::styled(truncate(&one_line(n), 40), theme.title),
        None => Span::styled("not set", theme.dim),
    };
    lines.push(Line::from(vec![Span::styled("Your agency's name  ", theme.dim), own]));
    lines.push(Line::styled("It signs the redline's changes and comments.", theme.dim));
    let rect = layout::centered(area, WIDTH, u16::try_from(lines.len()).unwrap_or(u16::MAX).saturating_add(2));
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block(app, " Agency ", true)), rect);
}
