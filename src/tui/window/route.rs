//! Which clause a pasted wording is for, when it names more than one: the clauses it may be
//! for, chosen with the keys, and the revision box opened on the one chosen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::Overlay;
use crate::tui::app::App;
use crate::tui::input::Purpose;
use crate::tui::keymap::Action;
use crate::tui::layout;
use crate::tui::list::{self, Pointer};
use crate::tui::theme::Theme;
use crate::tui::ui::block;
use crate::tui::wrap::truncate;
use crate::workspace::Workspace;

/// The clauses a pasted wording may be for, when it names more than one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteView {
    pub text: String,
    /// Indices of the clauses in the current round, in draft order.
    pub clauses: Vec<usize>,
    pub selected: usize,
}

impl App<'_> {
    /// Esc: nothing is recorded; `r` offers the pasted wording again.
    pub(super) fn cancel_route(&mut self, route: RouteView) {
        self.info("cancelled; r brings the pasted wording back");
        self.set_draft(Purpose::Revision, route.text);
    }

    pub(crate) fn update_route(&mut self, action: &Action) {
        let Some(Overlay::Route(route)) = &mut self.overlay else { return };
        match action {
            Action::Down | Action::Up => route.selected = list::moved(route.selected, list::step(action, 1), route.clauses.len()),
            Action::Activate => {
                let Some(Overlay::Route(route)) = self.overlay.take() else { return };
                let Some(&index) = route.clauses.get(route.selected) else { return };
                self.go_to_clause(index);
                self.start_revision(route.text);
                self.info(format!("revising {} with the pasted wording", self.ws.clause(index).label()));
            }
            _ => {}
        }
    }
}

/// The clauses a pasted wording may be for, and its first words.
pub fn render(route: &RouteView, ws: &Workspace<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let rect = layout::picker(area, route.clauses.len());
    frame.render_widget(Clear, rect);
    let width = usize::from(layout::inner(rect).width);
    let mut lines = vec![
        Line::styled(truncate(&format!("\"{}\"", crate::text::one_line(&route.text)), width), theme.dim),
        Line::styled("names more than one clause of the draft. It revises:", theme.dim),
    ];
    for (i, &clause) in route.clauses.iter().enumerate() {
        let c = ws.clause(clause);
        let opening = ws.opening(clause, width);
        // The opening repeats the heading the label already gives.
        let after_heading =
            c.heading.as_deref().and_then(|h| opening.strip_prefix(h)).map_or(opening.as_str(), |r| r.trim_start_matches(['.', ':', ' ']));
        let text = format!("{} · {after_heading}", c.label());
        let spans = vec![Span::raw(truncate(&crate::text::one_line(&text), width.saturating_sub(2)))];
        lines.push(list::row(spans, i == route.selected, Pointer::Wide, width, theme));
    }
    frame.render_widget(Paragraph::new(lines).block(block(theme, " Which clause is the pasted wording for? ", true)), rect);
}
