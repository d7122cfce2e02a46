//! Who the agency is: the window that shows the party the draft was read for (and how the
//! draft's text was obtained), lets the user choose another of the draft's parties or type the
//! name the draft uses, which reads the draft again from that side, and set the agency's own name.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::Overlay;
use crate::text::one_line;
use crate::tui::app::App;
use crate::tui::input::{Input, Purpose};
use crate::tui::keymap::Action;
use crate::tui::layout;
use crate::tui::list::{self, Pointer};
use crate::tui::theme::Theme;
use crate::tui::ui::block;
use crate::tui::wrap::{truncate, wrap};
use crate::workspace::Workspace;

/// The agency window: the draft's parties to choose from, then "another name…".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyView {
    pub candidates: Vec<String>,
    /// Index into `candidates`; `candidates.len()` is "another name…".
    pub row: usize,
}

impl App<'_> {
    pub(crate) fn open_agency(&mut self) {
        let candidates = self.ws.party_candidates();
        let current = self.ws.parties().agency.as_deref();
        let row = candidates.iter().position(|c| Some(c.as_str()) == current).unwrap_or(0);
        self.overlay = Some(Overlay::Agency(AgencyView { candidates, row }));
    }

    pub(crate) fn update_agency(&mut self, action: &Action) {
        let Some(Overlay::Agency(view)) = &mut self.overlay else { return };
        match action {
            // The last row is "another name…".
            Action::Down | Action::Up => view.row = list::moved(view.row, list::step(action, 1), view.candidates.len() + 1),
            Action::Activate => {
                if let Some(party) = view.candidates.get(view.row).cloned() {
                    if let Err(why) = self.choose_party(&party) {
                        self.error(why);
                    }
                } else {
                    let current = self.ws.parties().agency.clone().unwrap_or_default();
                    self.input = Some(Input::new(Purpose::AgencyParty, current));
                }
            }
            Action::EditAgencyName => {
                let current = self.ws.session().agency.clone().unwrap_or_default();
                self.input = Some(Input::new(Purpose::AgencyName, current));
            }
            _ => {}
        }
    }

    /// Reads the draft again with `party` as the agency; the selection goes back to the top,
    /// since the list of findings is another one.
    pub(crate) fn choose_party(&mut self, party: &str) -> Result<(), String> {
        let outcome = self.ws.set_agency_party(party);
        let what = format!("the draft is read with {} as the agency: {} open", crate::text::one_line(party), self.ws.open_findings());
        if !self.saved(&what, outcome) {
            return Err(self.message.take().map(|m| m.text).unwrap_or_default());
        }
        self.screen.clauses_mut().filter(&self.ws, false);
        self.overlay = None;
        self.select(0);
        Ok(())
    }

    pub(crate) fn submit_agency_name(&mut self, name: &str) {
        let outcome = self.ws.set_agency_name(name);
        let what = match &self.ws.session().agency {
            Some(name) => format!("the redline's comments are signed {}", crate::text::one_line(name)),
            None => "no agency name: the redline is signed with the draft's name for the agency".to_owned(),
        };
        self.saved(&what, Ok(outcome));
    }
}

const WIDTH: u16 = 72;

/// Draws the window: how the draft is read, the parties to choose from (scrolled to the
/// selected one when they do not all fit) and the agency's own name.
pub fn render(view: &AgencyView, ws: &Workspace<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
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
    let mut foot = vec![Line::default()];
    let own = match &ws.session().agency {
        Some(n) => Span::styled(truncate(&one_line(n), 40), theme.title),
        None => Span::styled("not set", theme.dim),
    };
    foot.push(Line::from(vec![Span::styled("Your agency's name  ", theme.dim), own]));
    foot.push(Line::styled("It signs the redline's changes and comments.", theme.dim));
    // Every party the draft names, then "another name…"; as many as fit, the selected among them.
    let room = usize::from(area.height).saturating_sub(lines.len() + foot.len() + 2).max(1);
    let rows = view.candidates.iter().map(|c| (truncate(c, width - 2), theme.text)).chain([("another name…".to_owned(), theme.dim)]);
    for (i, (text, style)) in rows.enumerate().skip(list::follow(view.row, 0, room)).take(room) {
        lines.push(list::row(vec![Span::styled(text, style)], i == view.row, Pointer::Wide, width, theme));
    }
    lines.extend(foot);
    let rect = layout::centered(area, WIDTH, u16::try_from(lines.len()).unwrap_or(u16::MAX).saturating_add(2));
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block(theme, " Agency ", true)), rect);
}
