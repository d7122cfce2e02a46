//! The compare picker: what the current round can be compared with (another round of this
//! session, the previous first, or another saved session), chosen with the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::Overlay;
use crate::text::one_line;
use crate::tui::app::App;
use crate::tui::keymap::Action;
use crate::tui::layout;
use crate::tui::list::{self, Pointer};
use crate::tui::theme::Theme;
use crate::tui::ui::block;
use crate::tui::wrap::truncate;

/// Something the current round can be compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Another round of the open session.
    Round { number: u32, file_name: String },
    /// Another saved session, on its latest round.
    Session(String),
}

/// The picker window: what to compare with, the previous round first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PickView {
    pub targets: Vec<Target>,
    pub selected: usize,
}

impl Target {
    /// How the status bar names it while comparing.
    pub fn label(&self) -> String {
        match self {
            Target::Round { number, .. } => format!("round {number}"),
            Target::Session(name) => format!("session {}", crate::text::one_line(name)),
        }
    }
}

impl App<'_> {
    /// `C`: the picker, unless there is nothing to compare with.
    pub(crate) fn open_picker(&mut self) {
        if let Some(running) = &self.comparing {
            self.info(format!("already comparing with {}… (Esc cancels)", running.with));
            return;
        }
        let session = self.ws.session();
        let mut rounds: Vec<_> = session.rounds.iter().filter(|r| r.number != self.ws.round()).collect();
        rounds.sort_by_key(|r| std::cmp::Reverse(r.number));
        let mut targets: Vec<Target> =
            rounds.into_iter().map(|r| Target::Round { number: r.number, file_name: crate::text::one_line(&r.file_name) }).collect();
        let own = session.name.clone();
        match self.store.as_ref().map(crate::session::SessionStore::names) {
            Some(Ok(names)) => targets.extend(names.into_iter().filter(|n| *n != own).map(Target::Session)),
            Some(Err(e)) => self.error(format!("cannot list the saved sessions: {e}")),
            None => {}
        }
        if targets.is_empty() {
            self.error("nothing to compare with: this session has one round and no other session is saved");
            return;
        }
        self.overlay = Some(Overlay::Pick(PickView { targets, selected: 0 }));
    }

    pub(crate) fn update_pick(&mut self, action: &Action) {
        let Some(Overlay::Pick(pick)) = &mut self.overlay else { return };
        match action {
            Action::Down | Action::Up => pick.selected = list::moved(pick.selected, list::step(action, 1), pick.targets.len()),
            Action::Activate => {
                let target = pick.targets.get(pick.selected).cloned();
                self.overlay = None;
                if let Some(target) = target {
                    self.start_comparison(target);
                }
            }
            _ => {}
        }
    }
}

pub fn render(pick: &PickView, round: u32, theme: &Theme, frame: &mut Frame, area: Rect) {
    let rect = layout::picker(area, pick.targets.len());
    frame.render_widget(Clear, rect);
    let inner = layout::inner(rect);
    let width = usize::from(inner.width);
    let mut lines = vec![Line::styled(format!("Round {round} (current) against:"), theme.dim)];
    let room = usize::from(inner.height).saturating_sub(1);
    for (i, target) in pick.targets.iter().enumerate().skip(list::follow(pick.selected, 0, room)).take(room) {
        let text = match target {
            Target::Round { number, file_name } => format!("round {number} of this session · {file_name}"),
            Target::Session(name) => format!("session {} · its latest round (another deal)", one_line(name)),
        };
        lines.push(list::row(vec![Span::raw(truncate(&text, width.saturating_sub(2)))], i == pick.selected, Pointer::Wide, width, theme));
    }
    frame.render_widget(Paragraph::new(lines).block(block(theme, " Compare with ", true)), rect);
}
