//! The workspace's state and its one entry point for change, `App::update(Action)`, which hands
//! each action to the input box, the open window, the comparison or the main screen. Drawing
//! reads this state and changes nothing; what drawing needs that is costly to work out (diffs,
//! wrapped lines) is prepared once per change, by `App::refresh`.

use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::layout::{Rect, Size};
use ratatui::text::Line;

use super::comparison::Comparing;
use super::input::{Input, Purpose};
use super::keymap::{self, Action, Context};
use super::layout::Areas;
use super::panes::ClausesScreen;
use super::screen::Screen;
use super::theme::Theme;
use super::window::Overlay;
use crate::session::SessionStore;
use crate::workspace::{Entry, Saved, Workspace};

/// Something for the terminal to do that drawing cannot: the run loop carries these out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put text on the clipboard (OSC 52).
    Copy(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

#[allow(clippy::struct_excessive_bools, reason = "independent switches of the screen, not a state machine")]
pub struct App<'lib> {
    pub ws: Workspace<'lib>,
    pub theme: Theme,
    pub size: Size,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    /// A comparison being computed off the input thread, shown when ready.
    pub comparing: Option<Comparing>,
    /// Where the other saved sessions are, to compare with; None in tests without a store.
    pub store: Option<SessionStore>,
    pub input: Option<Input>,
    /// Text typed in a box and cancelled, offered again the next time that box opens.
    drafts: Vec<(Purpose, String)>,
    /// The issues list's file the user was told exists: submitting it again replaces it.
    pub(crate) overwrite: Option<std::path::PathBuf>,
    pub message: Option<Message>,
    pub(crate) effects: Vec<Effect>,
    pub quit: bool,
    /// A first `q` with unsaved changes was pressed: the next one quits anyway.
    pub(crate) quit_armed: bool,
    pub view: View,
    /// Debug builds only: the next key panics, so tests can check the terminal is restored.
    pub panic_on_key: bool,
}

/// What the open window shows (the help, or the library clause), worked out once per change
/// by [`App::refresh`] so drawing only copies the lines on screen.
#[derive(Debug, Clone, Default)]
pub struct View {
    pub overlay: Vec<Line<'static>>,
}

impl<'lib> App<'lib> {
    pub fn new(ws: Workspace<'lib>, theme: Theme, size: Size) -> Self {
        let screen = Screen::Clauses(ClausesScreen::new(ws.entries().len()));
        let mut app = Self {
            ws,
            theme,
            size,
            screen,
            overlay: None,
            comparing: None,
            store: None,
            input: None,
            drafts: Vec::new(),
            overwrite: None,
            message: None,
            effects: Vec::new(),
            quit: false,
            quit_armed: false,
            view: View::default(),
            panic_on_key: false,
        };
        app.select(0);
        if let Some((entry, finding)) = app.ws.place()
            && let Some(row) = app.screen.clauses().row_of(&app.ws, entry)
        {
            app.select(row);
            app.select_finding(finding);
        }
        app.refresh();
        app
    }

    /// Rebuilds the cached view of the screen shown after a change, and keeps every scroll
    /// position in range.
    pub fn refresh(&mut self) {
        if self.is_too_small() {
            return;
        }
        let area = self.area();
        let areas = Areas::new(area);
        // Only the screen shown: the clauses under a comparison are refreshed when it closes
        // (every action ends here).
        match &mut self.screen {
            Screen::Clauses(clauses) => clauses.refresh(&self.ws, &self.theme, &areas),
            Screen::Comparison { view, .. } => view.refresh(&self.theme, area),
        }
        self.refresh_window(&areas);
    }

    /// The contexts whose bindings apply now, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        if self.input.is_some() {
            return vec![Context::Input];
        }
        match &self.overlay {
            Some(overlay) => vec![overlay.context()],
            None => match &self.screen {
                Screen::Clauses(clauses) => vec![clauses.context(), Context::Main],
                Screen::Comparison { .. } => vec![Context::Compare],
            },
        }
    }

    /// The entry selected in the list, if the list is not empty.
    pub fn entry(&self) -> Option<Entry> {
        self.screen.clauses().entry(&self.ws)
    }

    /// The main screen's state, on screen or under a comparison.
    pub fn clauses(&self) -> &ClausesScreen {
        self.screen.clauses()
    }

    /// The comparison on screen, if one is.
    pub fn comparison(&self) -> Option<&super::comparison::CompareView> {
        self.screen.comparison()
    }

    /// Things for the run loop to do, oldest first.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    pub fn is_too_small(&self) -> bool {
        self.size.width < super::MIN_WIDTH || self.size.height < super::MIN_HEIGHT
    }

    pub fn area(&self) -> Rect {
        Rect::new(0, 0, self.size.width, self.size.height)
    }

    pub(crate) fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message { text: text.into(), error: false });
    }

    pub(crate) fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message { text: text.into(), error: true });
    }

    /// Turns the outcome of a change into a status message.
    pub(crate) fn saved(&mut self, what: &str, outcome: Result<Saved, crate::workspace::WorkspaceError>) -> bool {
        match outcome {
            Ok(Saved::At(_)) => {
                self.info(format!("{what}; saved"));
                true
            }
            Ok(Saved::Failed(why)) => {
                self.error(format!("{what}, but NOT saved (kept in memory): {why}"));
                true
            }
            Ok(Saved::ReadOnly) => {
                self.error(format!("{what} in memory only: this session is read-only"));
                true
            }
            Err(e) => {
                self.error(e.to_string());
                false
            }
        }
    }

    /// Turns a terminal event into an action and applies it; false when the event meant nothing
    /// (mouse movement, key releases), so the screen need not be drawn again.
    pub fn handle_event(&mut self, event: &Event) -> bool {
        let action = match event {
            Event::Key(key) => {
                let armed = self.panic_on_key && cfg!(debug_assertions) && key.kind == KeyEventKind::Press;
                assert!(!armed, "CLAUSEGUARD_TEST_PANIC=1: panicking on purpose to check the terminal is restored");
                keymap::action_for(&self.contexts(), key)
            }
            Event::Paste(text) => Some(Action::Paste(text.clone())),
            Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
            Event::Mouse(mouse) => match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column: mouse.column, row: mouse.row }),
                MouseEventKind::ScrollDown => Some(Action::Scroll { column: mouse.column, row: mouse.row, down: true }),
                MouseEventKind::ScrollUp => Some(Action::Scroll { column: mouse.column, row: mouse.row, down: false }),
                _ => None,
            },
            _ => None,
        };
        action.map(|a| self.update(a)).is_some()
    }

    /// Says what opening the session did, when it needs saying.
    pub fn opened(&mut self, saved: Option<&Saved>) {
        let round = self.ws.round();
        match saved {
            Some(Saved::At(_)) if round > 1 => self.info(format!("new draft recorded as round {round}")),
            Some(Saved::Failed(why)) => self.error(format!("the new round is NOT saved (kept in memory): {why}")),
            Some(Saved::ReadOnly) | None if self.ws.read_only() => {
                self.error("another clauseguard has this session open: read-only, changes stay in memory");
            }
            _ => {}
        }
    }

    /// The one place state changes.
    pub fn update(&mut self, action: Action) {
        if let Action::Resize(w, h) = action {
            self.size = Size::new(w, h);
            self.show_selection();
            self.refresh();
            return;
        }
        if !matches!(action, Action::Scroll { .. }) {
            self.message = None;
        }
        if let Some(input) = &mut self.input {
            if !input.edit(&action) {
                match action {
                    Action::Submit => self.submit(),
                    Action::Cancel => self.cancel_input(),
                    Action::ForceQuit => self.quit = true,
                    _ => {}
                }
            }
            self.refresh();
            self.remember_place_on_quit();
            return;
        }
        match action {
            Action::ForceQuit => self.quit = true,
            Action::Paste(text) => self.paste(text),
            Action::Click { column, row } => self.click(column, row),
            Action::Scroll { column, row, down } => self.wheel(column, row, down),
            other if self.overlay.is_some() => self.update_overlay(&other),
            other => match self.screen {
                Screen::Clauses(_) => self.update_main(&other),
                Screen::Comparison { .. } => self.update_compare(&other),
            },
        }
        self.refresh();
        self.remember_place_on_quit();
    }

    /// On the way out, keeps the selected clause and finding so a resumed session opens there.
    fn remember_place_on_quit(&mut self) {
        if let (true, Some(entry)) = (self.quit, self.entry()) {
            self.ws.remember_place(entry, self.screen.clauses().finding);
        }
    }

    /// `q`: quits, unless changes are held only in memory. Then it tries to save them once
    /// more and, if that fails too, asks for a second `q` before they are lost.
    pub(crate) fn quit_unless_unsaved(&mut self) {
        match self.ws.retry_save() {
            None | Some(Saved::At(_)) => self.quit = true,
            Some(_) if self.quit_armed => self.quit = true,
            Some(outcome) => {
                let why = match outcome {
                    Saved::Failed(why) => why,
                    _ => "this session is read-only".to_owned(),
                };
                self.quit_armed = true;
                self.error(format!("changes are NOT saved ({why}); press q again to quit and lose them"));
            }
        }
    }

    pub(crate) fn open_input(&mut self, purpose: Purpose) {
        if matches!(purpose, Purpose::NoteClause | Purpose::Revision) && self.entry().is_none() {
            self.error("no clause selected");
            return;
        }
        let text = match self.drafts.iter().position(|(p, _)| *p == purpose) {
            Some(i) => self.drafts.remove(i).1,
            None if purpose == Purpose::Search => {
                let search = match self.screen.comparison() {
                    Some(view) => view.search.as_ref(),
                    None => self.screen.clauses().search.as_ref(),
                };
                search.map(|s| s.query.clone()).unwrap_or_default()
            }
            None => String::new(),
        };
        self.input = Some(Input::new(purpose, text));
    }

    /// Keeps `text` to offer again the next time the box for `purpose` opens.
    pub(crate) fn set_draft(&mut self, purpose: Purpose, text: String) {
        self.drafts.retain(|(p, _)| *p != purpose);
        self.drafts.push((purpose, text));
    }

    fn cancel_input(&mut self) {
        if let Some(input) = self.input.take()
            && !input.text.trim().is_empty()
            && !matches!(input.purpose, Purpose::Search | Purpose::LibraryFilter | Purpose::IssuesList)
        {
            self.info("cancelled; what you typed comes back next time");
            self.drafts.push((input.purpose, input.text));
        }
    }

    fn submit(&mut self) {
        let Some(input) = self.input.take() else { return };
        let result = match input.purpose {
            Purpose::Search if self.screen.comparison().is_some() => self.compare_search(&input.text),
            Purpose::Search => self.start_search(&input.text),
            Purpose::NoteClause => self.note(&input.text, true),
            Purpose::NoteSession => self.note(&input.text, false),
            Purpose::Revision => self.submit_revision(&input.text),
            Purpose::Fee => self.submit_fee(&input.text),
            Purpose::Percent => self.submit_percent(&input.text),
            Purpose::LibraryFilter => {
                self.filter_library(&input.text);
                Ok(())
            }
            Purpose::AgencyParty => self.choose_party(&input.text),
            Purpose::AgencyName => {
                self.submit_agency_name(&input.text);
                Ok(())
            }
            Purpose::IssuesList => self.submit_issues_list(&input.text),
        };
        // A refused submit keeps the box open with the reason, so nothing typed is lost.
        if let Err(why) = result {
            self.input = Some(Input { error: Some(why), ..input });
        }
    }
}
