//! Which screen fills the workspace: the clauses (the main screen) or a comparison. Each screen
//! is one module owning its state, keys and drawing (`panes`, `comparison`); this enum is the
//! only place the app chooses between them. A screen opened over the clauses keeps them, so
//! closing it returns to the same clause, finding and scroll.

use super::comparison::CompareView;
use super::panes::ClausesScreen;

pub enum Screen {
    Clauses(ClausesScreen),
    /// A comparison, computed once when opened, and the clauses it was opened from.
    Comparison {
        view: Box<CompareView>,
        clauses: ClausesScreen,
    },
}

impl Screen {
    /// The main screen's state, on screen or under the comparison.
    pub fn clauses(&self) -> &ClausesScreen {
        match self {
            Screen::Clauses(clauses) | Screen::Comparison { clauses, .. } => clauses,
        }
    }

    pub fn clauses_mut(&mut self) -> &mut ClausesScreen {
        match self {
            Screen::Clauses(clauses) | Screen::Comparison { clauses, .. } => clauses,
        }
    }

    /// The comparison on screen, if one is.
    pub fn comparison(&self) -> Option<&CompareView> {
        match self {
            Screen::Comparison { view, .. } => Some(view),
            Screen::Clauses(_) => None,
        }
    }

    pub fn comparison_mut(&mut self) -> Option<&mut CompareView> {
        match self {
            Screen::Comparison { view, .. } => Some(view),
            Screen::Clauses(_) => None,
        }
    }

    /// Shows `view` over the clauses (in place of the comparison shown, if any).
    pub fn show_comparison(&mut self, view: CompareView) {
        let clauses = std::mem::take(self.clauses_mut());
        *self = Screen::Comparison { view: Box::new(view), clauses };
    }

    /// Back to the clauses, as they were when the comparison opened.
    pub fn close_comparison(&mut self) {
        if let Screen::Comparison { clauses, .. } = self {
            *self = Screen::Clauses(std::mem::take(clauses));
        }
    }
}
