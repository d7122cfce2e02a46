//! The windows drawn over a screen, one module each: it owns the window's state, its keys and
//! its drawing. Adding a window is a new module and a variant here; the compiler then asks for
//! its context, its keys and its drawing in the matches below.

pub mod agency;
pub mod fee;
pub mod help;
pub mod library;
pub mod picker;
pub mod route;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::app::App;
use super::keymap::{Action, Context};
use super::layout::{self, Areas};

pub use agency::AgencyView;
pub use fee::FeeView;
pub use library::LibraryView;
pub use picker::{PickView, Target};
pub use route::RouteView;

#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    Fee(FeeView),
    Library(LibraryView),
    /// What to compare the current round with.
    Pick(PickView),
    /// Which clause a pasted wording that names several is for.
    Route(RouteView),
    /// Who the agency is.
    Agency(AgencyView),
}

impl Overlay {
    /// Where the window's key bindings are in the key table.
    pub fn context(&self) -> Context {
        match self {
            Overlay::Help { .. } => Context::Help,
            Overlay::Fee(_) => Context::Fee,
            Overlay::Library(_) => Context::Library,
            Overlay::Pick(_) => Context::Picker,
            Overlay::Route(_) => Context::Route,
            Overlay::Agency(_) => Context::Agency,
        }
    }

    /// Mouse wheel over a window scrolls its text.
    pub fn scroll(&mut self, delta: isize) {
        match self {
            Overlay::Help { scroll } => *scroll = scroll.saturating_add_signed(delta),
            Overlay::Library(l) => l.scroll = l.scroll.saturating_add_signed(delta),
            Overlay::Fee(_) | Overlay::Pick(_) | Overlay::Route(_) | Overlay::Agency(_) => {}
        }
    }
}

impl App<'_> {
    /// Makes the open window's text (the help, or the library's clause) at its width, and keeps
    /// its scroll in range.
    pub(crate) fn refresh_window(&mut self, areas: &Areas) {
        self.view.overlay = match &self.overlay {
            Some(Overlay::Help { .. }) => help::lines(&self.theme, usize::from(layout::inner(layout::help(self.area())).width)),
            Some(Overlay::Library(view)) => {
                let width = usize::from(layout::inner(layout::library(areas.body()).1).width);
                let clause = view.visible.get(view.selected).map(|&i| &self.ws.library().clauses[i]);
                match clause {
                    Some(c) => library::lines(c, &self.theme, width),
                    None => library::no_match(&view.filter, &self.theme, width),
                }
            }
            _ => Vec::new(),
        };
        let overlay_height = match &self.overlay {
            Some(Overlay::Help { .. }) => layout::inner(layout::help(self.area())).height,
            _ => layout::inner(layout::library(areas.body()).1).height,
        };
        let max = self.view.overlay.len().saturating_sub(usize::from(overlay_height));
        match &mut self.overlay {
            Some(Overlay::Help { scroll }) => *scroll = (*scroll).min(max),
            Some(Overlay::Library(view)) => view.scroll = view.scroll.min(max),
            _ => {}
        }
    }

    /// A key while a window is open: Esc closes it (a library search is cleared first, a
    /// pasted wording kept for later), any other goes to the window.
    pub(crate) fn update_overlay(&mut self, action: &Action) {
        if *action == Action::Close {
            match self.overlay.take() {
                Some(Overlay::Library(view)) if !view.filter.is_empty() => {
                    self.overlay = Some(Overlay::Library(view));
                    self.filter_library("");
                }
                Some(Overlay::Route(route)) => self.cancel_route(route),
                _ => {}
            }
            return;
        }
        let area = self.area();
        match &mut self.overlay {
            Some(Overlay::Help { scroll }) => *scroll = help::scroll(*scroll, action, area),
            Some(Overlay::Fee(_)) => self.update_fee(action),
            Some(Overlay::Library(_)) => self.update_library(action),
            Some(Overlay::Pick(_)) => self.update_pick(action),
            Some(Overlay::Route(_)) => self.update_route(action),
            Some(Overlay::Agency(_)) => self.update_agency(action),
            None => {}
        }
    }
}

/// Draws the open window: the library browser in place of the panes (`body`), the others
/// over the screen (`area`).
pub fn render(app: &App<'_>, frame: &mut Frame, area: Rect, body: Rect) {
    let (ws, theme) = (&app.ws, &app.theme);
    match &app.overlay {
        Some(Overlay::Help { scroll }) => help::render(&app.view.overlay, *scroll, theme, frame, area),
        Some(Overlay::Fee(view)) => fee::render(view, ws, theme, frame, area),
        Some(Overlay::Library(view)) => library::render(view, ws.library(), &app.view.overlay, theme, frame, body),
        Some(Overlay::Pick(pick)) => picker::render(pick, ws.round(), theme, frame, area),
        Some(Overlay::Route(route)) => route::render(route, ws, theme, frame, area),
        Some(Overlay::Agency(view)) => agency::render(view, ws, theme, frame, area),
        None => {}
    }
}
