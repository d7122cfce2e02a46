//! The negotiation workspace: the terminal screen used live during a call. It opens a session
//! on the client's draft, shows the clauses, the risky phrases and what to offer instead, and
//! records every decision, note and revised wording in the session as it happens.
//!
//! Elm-ish: `App` holds the state, `keymap` turns keys into `Action`s, `App::update` applies
//! them, `ui::render` draws. Each screen is one module owning its state, keys and drawing
//! (`panes`, the main screen; `comparison`), chosen by one enum (`screen`); each window over
//! them is another (`window/`), all built on one list (`list`). The workspace underneath (`crate::workspace`) has no screen.

mod app;
mod clipboard;
mod comparison;
mod input;
pub mod keymap;
mod layout;
mod list;
mod panes;
mod screen;
mod theme;
mod ui;
mod window;
mod wrap;

use std::io::{Write, stdout};
use std::path::PathBuf;
use std::time::Duration;

use color_eyre::eyre::{WrapErr, eyre};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use ratatui::crossterm::execute;

pub use app::{App, Effect, Message};
pub use comparison::{CompareView, Comparing, Item, Row, Tone};
pub use input::{Input, Purpose};
pub use keymap::{Action, Context};
pub use panes::{ClausesScreen, Pane};
pub use screen::Screen;
pub use theme::Theme;
pub use ui::render;
pub use window::{AgencyView, Overlay, PickView, RouteView, Target};

use crate::ingest::{self, Document};
use crate::review::{Deal, Review};
use crate::session::{OpenSession, Round, Session, SessionStore};
use crate::workspace::{Saved, Workspace};

/// Below this the panes cannot show a clause and its detail; a notice is drawn instead.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// The session the demo draft is recorded in.
pub const DEMO_SESSION: &str = "demo";

/// What to open the workspace on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Launch {
    /// A client's draft; recorded in `session` (opened or created), or in a new session named
    /// after the file.
    Draft { path: PathBuf, session: Option<String> },
    /// The bundled sample draft, in `session` (default `demo`).
    Demo { session: Option<String> },
    /// A saved session, on its latest round.
    Resume { name: String },
}

/// Opens the workspace and runs it until the user quits, returning the session's name. The
/// terminal is restored on quit, on error and on panic.
pub fn run(launch: Launch, review: Review<'_>, store: &SessionStore, given: Deal) -> color_eyre::Result<String> {
    let (ws, saved) = workspace(launch, review, store, given)?;
    let name = ws.session().name.clone();
    let panic_on_key = cfg!(debug_assertions) && std::env::var("CLAUSEGUARD_TEST_PANIC").is_ok_and(|v| v == "1");
    ratatui::run(|terminal| {
        let mut app = App::new(ws, Theme::from_env(), terminal.size()?);
        app.panic_on_key = panic_on_key;
        app.store = Some(store.clone());
        app.opened(saved.as_ref());
        with_mouse_and_paste(terminal, &mut app)
    })?;
    Ok(name)
}

/// The workspace `run` shows, opened without a screen: the session to record in (created if
/// new), on the draft given or its latest round, reviewed for the session's deal.
pub fn workspace<'lib>(
    launch: Launch,
    review: Review<'lib>,
    store: &SessionStore,
    given: Deal,
) -> color_eyre::Result<(Workspace<'lib>, Option<Saved>)> {
    let (session, draft) = open(launch, store)?;
    let path = session.path().display().to_string();
    Workspace::open(review, Box::new(session), draft, given, crate::session::now).wrap_err_with(|| format!("opening session {path}"))
}

/// The session to record in, and the draft to add to it (None: its latest round).
fn open(launch: Launch, store: &SessionStore) -> color_eyre::Result<(OpenSession, Option<Document>)> {
    match launch {
        Launch::Resume { name } => Ok((store.open(&name)?, None)),
        Launch::Draft { path, session } => {
            let draft = ingest::load(&path)?;
            let session = match session {
                Some(name) if store.exists(&name) => store.open(&name)?,
                Some(name) => create(store, &name, &draft)?,
                None => create_unique(store, &crate::session::name_from(&path), &draft)?,
            };
            Ok((session, Some(draft)))
        }
        // One session for the demo, so trying it twice continues where it was left.
        Launch::Demo { session } => {
            let draft = crate::demo::draft();
            let name = session.as_deref().unwrap_or(DEMO_SESSION);
            let session = if store.exists(name) { store.open(name)? } else { create(store, name, &draft)? };
            Ok((session, Some(draft)))
        }
    }
}

fn create(store: &SessionStore, name: &str, draft: &Document) -> color_eyre::Result<OpenSession> {
    let file_name = draft.path.file_name().map_or_else(|| draft.path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let mut round = Round::new(1, &file_name, &draft.text);
    round.notes.clone_from(&draft.notes);
    Ok(store.create(Session::new(name, round))?)
}

/// A new session named `base`, or `base-2`, `base-3`... when taken.
fn create_unique(store: &SessionStore, base: &str, draft: &Document) -> color_eyre::Result<OpenSession> {
    for n in 1..1000 {
        let name = if n == 1 { base.to_owned() } else { format!("{base}-{n}") };
        if store.exists(&name) {
            continue;
        }
        match create(store, &name, draft) {
            // Another clauseguard took the name between the check and the create.
            Err(_) if store.exists(&name) => {}
            other => return other,
        }
    }
    Err(eyre!("sessions {base} to {base}-999 all exist in {}; pass --session NAME", store.dir().display()))
}

/// Mouse reports and bracketed paste on for the run, and off again however it ends (the panic
/// hook ratatui installed restores the rest of the terminal).
fn with_mouse_and_paste(terminal: &mut DefaultTerminal, app: &mut App<'_>) -> color_eyre::Result<()> {
    execute!(stdout(), EnableBracketedPaste, EnableMouseCapture)?;
    let restore_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
        restore_hook(info);
    }));
    let result = event_loop(terminal, app);
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    result
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App<'_>) -> color_eyre::Result<()> {
    terminal.draw(|frame| render(app, frame))?;
    while !app.quit {
        // While a comparison runs, wake up now and then to show it when it is ready.
        let event_ready = app.comparing.is_none() || event::poll(Duration::from_millis(50))?;
        let handled = event_ready && app.handle_event(&event::read()?);
        if !(app.poll_work(false) || handled) {
            continue;
        }
        for effect in app.take_effects() {
            match effect {
                Effect::Copy(text) => {
                    if let Err(e) = clipboard::copy(&mut stdout(), &text) {
                        app.message = Some(Message { text: format!("could not copy to the clipboard: {e}"), error: true });
                    }
                }
            }
        }
        terminal.draw(|frame| render(app, frame))?;
        stdout().flush()?;
    }
    Ok(())
}
