//! Every key binding in one table of (key, action, description, context). Key handling, the
//! help overlay and the hint bar all read this table, so what the screen says is what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// What the user asked for. Keys map to these; `App::update` carries them out.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Quit,
    ForceQuit,
    ToggleHelp,
    /// Esc: close the overlay, or clear the search.
    Close,
    NextPane,
    PrevPane,
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
    /// Enter outside an input: act on what is selected.
    Activate,
    Search,
    SearchNext,
    SearchPrev,
    NextFinding,
    PrevFinding,
    ToggleRiskyOnly,
    ToggleSideBySide,
    Accept,
    Counter,
    Reject,
    Park,
    Reopen,
    CopyCounter,
    CopyTalkingPoint,
    NoteClause,
    NoteSession,
    Revise,
    /// Take back the selected clause's latest revised wording.
    UndoRevision,
    OpenFee,
    OpenLibrary,
    /// Choose a round or a saved session to compare with, then show the comparison.
    OpenCompare,
    /// Who the agency is: the draft's party for it, and the agency's own name.
    OpenAgency,
    /// The agency's own name, which signs the redline's comments.
    EditAgencyName,
    /// Write the issues list of the session to a file.
    ExportIssues,
    EditFee,
    CustomPercent,
    OfferAccepted,
    OfferDeclined,
    FilterLibrary,
    CopyStandard,
    // Editing the input box.
    Submit,
    Cancel,
    Backspace,
    Delete,
    CursorLeft,
    CursorRight,
    CursorHome,
    CursorEnd,
    ClearInput,
    Type(char),
    // Not keys: the terminal's other events.
    Paste(String),
    Resize(u16, u16),
    Click {
        column: u16,
        row: u16,
    },
    Scroll {
        column: u16,
        row: u16,
        down: bool,
    },
}

/// Where a binding applies. The screen decides which contexts are active, most specific first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Anywhere,
    /// The main screen, whichever pane has the focus.
    Main,
    List,
    Clause,
    Detail,
    Fee,
    Library,
    /// The comparison screen (in place of the main screen).
    Compare,
    /// The small list of what to compare with.
    Picker,
    /// The small list of clauses a pasted wording may be for.
    Route,
    /// Who the agency is.
    Agency,
    Help,
    Input,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Anywhere => "Anywhere",
            Context::Main => "Main screen",
            Context::List => "Clause list",
            Context::Clause => "Clause view",
            Context::Detail => "Finding detail",
            Context::Fee => "Fee calculator",
            Context::Library => "Library browser",
            Context::Compare => "Comparison",
            Context::Picker => "Compare with…",
            Context::Route => "Which clause is the pasted wording for?",
            Context::Agency => "Agency",
            Context::Help => "Help",
            Context::Input => "Typing in a box",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Self {
        Self { code, ctrl: false }
    }

    pub const fn ch(c: char) -> Self {
        Self { code: KeyCode::Char(c), ctrl: false }
    }

    pub const fn ctrl(c: char) -> Self {
        Self { code: KeyCode::Char(c), ctrl: true }
    }

    /// Whether a pressed key is this one. Shift is part of the character (`N`), so it is ignored.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let alt = event.modifiers.contains(KeyModifiers::ALT);
        !alt && ctrl == self.ctrl && event.code == self.code
    }

    /// How the key is written in help and hints.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::Enter => "Enter".to_owned(),
            KeyCode::Esc => "Esc".to_owned(),
            KeyCode::Tab => "Tab".to_owned(),
            KeyCode::BackTab => "Shift-Tab".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::Home => "Home".to_owned(),
            KeyCode::End => "End".to_owned(),
            KeyCode::Backspace => "Backspace".to_owned(),
            KeyCode::Delete => "Del".to_owned(),
            other => format!("{other:?}"),
        };
        if self.ctrl { format!("Ctrl-{base}") } else { base }
    }
}

/// One row of the table. `hint` is the short word shown in the hint bar, for the few bindings
/// worth a place there.
#[derive(Debug)]
pub struct Binding {
    pub key: Key,
    pub action: Action,
    pub description: &'static str,
    pub context: Context,
    pub hint: Option<&'static str>,
}

const fn bind(key: Key, action: Action, context: Context, description: &'static str, hint: Option<&'static str>) -> Binding {
    Binding { key, action, description, context, hint }
}

use Action as A;
use Context as C;

/// The key table. Order matters: it is the order of the help screen and the hint bar.
pub static BINDINGS: &[Binding] = &[
    bind(Key::ctrl('c'), A::ForceQuit, C::Anywhere, "quit at once (every change is already saved)", None),
    bind(Key::ch('?'), A::ToggleHelp, C::Main, "show or hide this help", Some("help")),
    bind(Key::ch('q'), A::Quit, C::Main, "quit (asks again if a change could not be saved)", Some("quit")),
    bind(Key::plain(KeyCode::Tab), A::NextPane, C::Main, "next pane: list, clause, detail", Some("pane")),
    bind(Key::plain(KeyCode::BackTab), A::PrevPane, C::Main, "previous pane", None),
    bind(Key::ch('j'), A::Down, C::Main, "down: next clause, scroll, next fallback", None),
    bind(Key::plain(KeyCode::Down), A::Down, C::Main, "down: next clause, scroll, next fallback", None),
    bind(Key::ch('k'), A::Up, C::Main, "up", None),
    bind(Key::plain(KeyCode::Up), A::Up, C::Main, "up", None),
    bind(Key::ch('g'), A::Top, C::Main, "to the top", None),
    bind(Key::ch('G'), A::Bottom, C::Main, "to the bottom", None),
    bind(Key::ctrl('d'), A::PageDown, C::Main, "half a page down", None),
    bind(Key::plain(KeyCode::PageDown), A::PageDown, C::Main, "half a page down", None),
    bind(Key::ctrl('u'), A::PageUp, C::Main, "half a page up", None),
    bind(Key::plain(KeyCode::PageUp), A::PageUp, C::Main, "half a page up", None),
    bind(Key::ch(']'), A::NextFinding, C::Main, "next finding", Some("next finding")),
    bind(Key::ch('['), A::PrevFinding, C::Main, "previous finding", None),
    bind(Key::ch('/'), A::Search, C::Main, "search clause wording", Some("search")),
    bind(Key::ch('n'), A::SearchNext, C::Main, "next search match", None),
    bind(Key::ch('N'), A::SearchPrev, C::Main, "previous search match", None),
    bind(Key::plain(KeyCode::Esc), A::Close, C::Main, "stop a comparison being computed, or clear the search", None),
    bind(Key::ch('f'), A::ToggleRiskyOnly, C::Main, "show only risky clauses, or all", Some("risky only")),
    bind(Key::ch('s'), A::ToggleSideBySide, C::Main, "diff against the standard: inline or side by side", None),
    bind(Key::ch('c'), A::Counter, C::Main, "counter with the selected fallback (stores its language)", Some("counter")),
    bind(Key::ch('a'), A::Accept, C::Main, "accept the client's wording", None),
    bind(Key::ch('x'), A::Reject, C::Main, "reject the client's wording", None),
    bind(Key::ch('p'), A::Park, C::Main, "park it for later", None),
    bind(Key::ch('o'), A::Reopen, C::Main, "reopen", None),
    bind(Key::ch('y'), A::CopyCounter, C::Main, "copy the fallback's counter-language", Some("copy")),
    bind(Key::ch('Y'), A::CopyTalkingPoint, C::Main, "copy the fallback's talking point", None),
    bind(Key::ch('i'), A::NoteClause, C::Main, "note on this clause", Some("note")),
    bind(Key::ch('I'), A::NoteSession, C::Main, "note on the whole session", None),
    bind(
        Key::ch('r'),
        A::Revise,
        C::Main,
        "client's revised wording of this clause (or paste it: it goes to the clause it names)",
        Some("revise"),
    ),
    bind(Key::ch('u'), A::UndoRevision, C::Main, "undo this clause's last revised wording (its findings come back)", Some("undo")),
    bind(Key::ch('$'), A::OpenFee, C::Main, "fee uplift calculator", Some("fee")),
    bind(Key::ch('L'), A::OpenLibrary, C::Main, "browse the clause library", Some("library")),
    bind(Key::ch('C'), A::OpenCompare, C::Main, "compare with another round or another saved session", Some("compare")),
    bind(
        Key::ch('A'),
        A::OpenAgency,
        C::Main,
        "who the agency is: the draft's party for it (re-reads the draft), its own name",
        Some("agency"),
    ),
    bind(
        Key::ch('E'),
        A::ExportIssues,
        C::Main,
        "export the issues list for the other side's counsel (.md, .docx or .csv)",
        Some("issues"),
    ),
    bind(Key::plain(KeyCode::Enter), A::Activate, C::List, "open the clause", None),
    bind(Key::plain(KeyCode::Enter), A::Activate, C::Clause, "go to the finding detail", None),
    bind(Key::plain(KeyCode::Enter), A::Activate, C::Detail, "counter with the selected fallback", None),
    bind(Key::ch('j'), A::Down, C::Fee, "next uplift", None),
    bind(Key::plain(KeyCode::Down), A::Down, C::Fee, "next uplift", None),
    bind(Key::ch('k'), A::Up, C::Fee, "previous uplift", None),
    bind(Key::plain(KeyCode::Up), A::Up, C::Fee, "previous uplift", None),
    bind(Key::plain(KeyCode::Enter), A::Activate, C::Fee, "record the selected uplift as offered", Some("offer")),
    bind(Key::ch('e'), A::EditFee, C::Fee, "enter the project fee", Some("fee")),
    bind(Key::ch('%'), A::CustomPercent, C::Fee, "try another percentage", Some("custom")),
    bind(Key::ch('a'), A::OfferAccepted, C::Fee, "the client accepted the offer", Some("accepted")),
    bind(Key::ch('x'), A::OfferDeclined, C::Fee, "the client declined the offer", Some("declined")),
    bind(Key::ch('j'), A::Down, C::Library, "next standard clause, or scroll", None),
    bind(Key::plain(KeyCode::Down), A::Down, C::Library, "next standard clause, or scroll", None),
    bind(Key::ch('k'), A::Up, C::Library, "previous standard clause, or scroll", None),
    bind(Key::plain(KeyCode::Up), A::Up, C::Library, "previous standard clause, or scroll", None),
    bind(Key::ch('g'), A::Top, C::Library, "to the top", None),
    bind(Key::ch('G'), A::Bottom, C::Library, "to the bottom", None),
    bind(Key::ctrl('d'), A::PageDown, C::Library, "half a page down", None),
    bind(Key::ctrl('u'), A::PageUp, C::Library, "half a page up", None),
    bind(Key::plain(KeyCode::Tab), A::NextPane, C::Library, "switch between list and text", Some("pane")),
    bind(Key::ch('/'), A::FilterLibrary, C::Library, "search by words, best match first", Some("search")),
    bind(Key::ch('y'), A::CopyStandard, C::Library, "copy the standard text", Some("copy")),
    bind(Key::ch('j'), A::Down, C::Help, "scroll down", None),
    bind(Key::plain(KeyCode::Down), A::Down, C::Help, "scroll down", None),
    bind(Key::ch('k'), A::Up, C::Help, "scroll up", None),
    bind(Key::plain(KeyCode::Up), A::Up, C::Help, "scroll up", None),
    bind(Key::ch('g'), A::Top, C::Help, "to the top", None),
    bind(Key::ch('G'), A::Bottom, C::Help, "to the bottom", None),
    bind(Key::ctrl('d'), A::PageDown, C::Help, "half a page down", None),
    bind(Key::plain(KeyCode::PageDown), A::PageDown, C::Help, "half a page down", None),
    bind(Key::ctrl('u'), A::PageUp, C::Help, "half a page up", None),
    bind(Key::plain(KeyCode::PageUp), A::PageUp, C::Help, "half a page up", None),
    bind(Key::ch('?'), A::Close, C::Help, "close", None),
    bind(Key::plain(KeyCode::Esc), A::Close, C::Help, "close", Some("close")),
    bind(Key::plain(KeyCode::Esc), A::Close, C::Fee, "close", Some("close")),
    bind(Key::plain(KeyCode::Esc), A::Close, C::Library, "close (or clear the filter)", Some("close")),
    bind(Key::ch('q'), A::Close, C::Help, "close", None),
    bind(Key::ch('q'), A::Close, C::Fee, "close", None),
    bind(Key::ch('q'), A::Close, C::Library, "close", None),
    bind(Key::ch('?'), A::ToggleHelp, C::Compare, "show or hide this help", Some("help")),
    bind(Key::ch('q'), A::Quit, C::Compare, "quit (asks again if a change could not be saved)", Some("quit")),
    bind(Key::plain(KeyCode::Esc), A::Close, C::Compare, "clear the search, or close the comparison", Some("close")),
    bind(Key::plain(KeyCode::Tab), A::NextPane, C::Compare, "switch between the changes and the detail", Some("pane")),
    bind(Key::plain(KeyCode::BackTab), A::PrevPane, C::Compare, "switch between the changes and the detail", None),
    bind(Key::plain(KeyCode::Enter), A::Activate, C::Compare, "show the selected change in the detail", None),
    bind(Key::ch('j'), A::Down, C::Compare, "down: next change, or scroll the detail", None),
    bind(Key::plain(KeyCode::Down), A::Down, C::Compare, "down: next change, or scroll the detail", None),
    bind(Key::ch('k'), A::Up, C::Compare, "up", None),
    bind(Key::plain(KeyCode::Up), A::Up, C::Compare, "up", None),
    bind(Key::ch('g'), A::Top, C::Compare, "to the top", None),
    bind(Key::ch('G'), A::Bottom, C::Compare, "to the bottom", None),
    bind(Key::ctrl('d'), A::PageDown, C::Compare, "half a page down", None),
    bind(Key::plain(KeyCode::PageDown), A::PageDown, C::Compare, "half a page down", None),
    bind(Key::ctrl('u'), A::PageUp, C::Compare, "half a page up", None),
    bind(Key::plain(KeyCode::PageUp), A::PageUp, C::Compare, "half a page up", None),
    bind(Key::ch('/'), A::Search, C::Compare, "search the changes and their wording", Some("search")),
    bind(Key::ch('n'), A::SearchNext, C::Compare, "next search match", None),
    bind(Key::ch('N'), A::SearchPrev, C::Compare, "previous search match", None),
    bind(Key::ch('C'), A::OpenCompare, C::Compare, "compare with something else", Some("compare with")),
    bind(Key::ch('j'), A::Down, C::Picker, "next", None),
    bind(Key::plain(KeyCode::Down), A::Down, C::Picker, "next", None),
    bind(Key::ch('k'), A::Up, C::Picker, "previous", None),
    bind(Key::plain(KeyCode::Up), A::Up, C::Picker, "previous", None),
    bind(Key::plain(KeyCode::Enter), A::Activate, C::Picker, "compare the current round with it", Some("compare")),
    bind(Key::plain(KeyCode::Esc), A::Close, C::Picker, "close", Some("close")),
    bind(Key::ch('q'), A::Close, C::Picker, "close", None),
    bind(Key::ch('j'), A::Down, C::Route, "next clause", None),
    bind(Key::plain(KeyCode::Down), A::Down, C::Route, "next clause", None),
    bind(Key::ch('k'), A::Up, C::Route, "previous clause", None),
    bind(Key::plain(KeyCode::Up), A::Up, C::Route, "previous clause", None),
    bind(Key::plain(KeyCode::Enter), A::Activate, C::Route, "revise this clause with the pasted wording", Some("revise it")),
    bind(Key::plain(KeyCode::Esc), A::Close, C::Route, "cancel (r brings the pasted wording back)", Some("cancel")),
    bind(Key::ch('j'), A::Down, C::Agency, "next party", None),
    bind(Key::plain(KeyCode::Down), A::Down, C::Agency, "next party", None),
    bind(Key::ch('k'), A::Up, C::Agency, "previous party", None),
    bind(Key::plain(KeyCode::Up), A::Up, C::Agency, "previous party", None),
    bind(
        Key::plain(KeyCode::Enter),
        A::Activate,
        C::Agency,
        "this party is the agency: read the draft again from its side",
        Some("choose"),
    ),
    bind(Key::ch('n'), A::EditAgencyName, C::Agency, "the agency's own name, which signs the redline's comments", Some("own name")),
    bind(Key::plain(KeyCode::Esc), A::Close, C::Agency, "close", Some("close")),
    bind(Key::ch('q'), A::Close, C::Agency, "close", None),
    bind(Key::plain(KeyCode::Enter), A::Submit, C::Input, "save, search or apply: what the box is for", Some("save")),
    bind(Key::plain(KeyCode::Esc), A::Cancel, C::Input, "cancel (what you typed is kept for next time)", Some("cancel")),
    bind(Key::plain(KeyCode::Backspace), A::Backspace, C::Input, "delete back", None),
    bind(Key::plain(KeyCode::Delete), A::Delete, C::Input, "delete forward", None),
    bind(Key::plain(KeyCode::Left), A::CursorLeft, C::Input, "move left", None),
    bind(Key::plain(KeyCode::Right), A::CursorRight, C::Input, "move right", None),
    bind(Key::plain(KeyCode::Home), A::CursorHome, C::Input, "to the start", None),
    bind(Key::plain(KeyCode::End), A::CursorEnd, C::Input, "to the end", None),
    bind(Key::ctrl('u'), A::ClearInput, C::Input, "clear the box", Some("clear")),
];

/// The action of a key press in the active contexts (most specific first). In an input box,
/// any other printable character is typed. Releases and repeats of other kinds are ignored.
pub fn action_for(contexts: &[Context], event: &KeyEvent) -> Option<Action> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    for &context in contexts.iter().chain(&[Context::Anywhere]) {
        if let Some(b) = BINDINGS.iter().find(|b| b.context == context && b.key.matches(event)) {
            return Some(b.action.clone());
        }
    }
    match event.code {
        KeyCode::Char(c)
            if contexts.contains(&Context::Input) && !event.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::Type(c))
        }
        _ => None,
    }
}

/// One help line: every key for the same action and description in a context, and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    pub keys: String,
    pub description: &'static str,
}

/// The help screen's sections, in table order: each context with its lines.
pub fn help() -> Vec<(Context, Vec<HelpLine>)> {
    let mut sections: Vec<(Context, Vec<HelpLine>)> = Vec::new();
    for b in BINDINGS {
        let index = if let Some(i) = sections.iter().position(|(c, _)| *c == b.context) {
            i
        } else {
            sections.push((b.context, Vec::new()));
            sections.len() - 1
        };
        let lines = &mut sections[index].1;
        match lines.iter_mut().find(|l| l.description == b.description) {
            Some(line) => {
                line.keys.push(' ');
                line.keys.push_str(&b.key.label());
            }
            None => lines.push(HelpLine { keys: b.key.label(), description: b.description }),
        }
    }
    sections
}

/// One entry of a hint bar: the key and the word for what it does.
#[derive(Debug, Clone, PartialEq)]
pub struct Hint {
    pub key: String,
    pub word: &'static str,
    pub action: Action,
}

impl Hint {
    /// The hint's first word alone ("next" for "next finding"), for a narrow bar.
    pub fn short(&self) -> &'static str {
        self.word.split(' ').next().unwrap_or(self.word)
    }
}

/// The hint bar for the active contexts, most important first (table order): each binding
/// that has a hint.
pub fn hints(contexts: &[Context]) -> Vec<Hint> {
    contexts
        .iter()
        .flat_map(|&c| BINDINGS.iter().filter(move |b| b.context == c))
        .filter_map(|b| b.hint.map(|word| Hint { key: b.key.label(), word, action: b.action.clone() }))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn no_key_is_bound_twice_where_both_apply() {
        // A pane's context is looked up before Main, so a pane binding would hide a Main one.
        let overlapping = |a: Context, b: Context| a == b || (matches!(a, C::List | C::Clause | C::Detail) && b == C::Main);
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                assert!(!(a.key == b.key && (overlapping(a.context, b.context) || overlapping(b.context, a.context))), "{a:?} and {b:?}");
            }
        }
    }

    #[test]
    fn keys_map_to_actions_by_context() {
        let main = [C::List, C::Main];
        assert_eq!(action_for(&main, &key(KeyCode::Char('j'), KeyModifiers::NONE)), Some(A::Down));
        assert_eq!(action_for(&main, &key(KeyCode::Down, KeyModifiers::NONE)), Some(A::Down));
        assert_eq!(action_for(&main, &key(KeyCode::Char('N'), KeyModifiers::SHIFT)), Some(A::SearchPrev));
        assert_eq!(action_for(&main, &key(KeyCode::Char('d'), KeyModifiers::CONTROL)), Some(A::PageDown));
        assert_eq!(action_for(&main, &key(KeyCode::Enter, KeyModifiers::NONE)), Some(A::Activate));
        assert_eq!(action_for(&[C::Detail, C::Main], &key(KeyCode::Char('x'), KeyModifiers::NONE)), Some(A::Reject));
        assert_eq!(action_for(&[C::Fee], &key(KeyCode::Char('x'), KeyModifiers::NONE)), Some(A::OfferDeclined));
        assert_eq!(action_for(&[C::Fee], &key(KeyCode::Char('j'), KeyModifiers::NONE)), Some(A::Down));
        assert_eq!(action_for(&[C::Fee], &key(KeyCode::Char(']'), KeyModifiers::NONE)), None, "main keys do not reach a window");
        assert_eq!(action_for(&main, &key(KeyCode::Char('d'), KeyModifiers::ALT)), None);
    }

    #[test]
    fn typing_in_a_box_types() {
        let input = [C::Input];
        assert_eq!(action_for(&input, &key(KeyCode::Char('q'), KeyModifiers::NONE)), Some(A::Type('q')));
        assert_eq!(action_for(&input, &key(KeyCode::Char('Q'), KeyModifiers::SHIFT)), Some(A::Type('Q')));
        assert_eq!(action_for(&input, &key(KeyCode::Enter, KeyModifiers::NONE)), Some(A::Submit));
        assert_eq!(action_for(&input, &key(KeyCode::Char('u'), KeyModifiers::CONTROL)), Some(A::ClearInput));
        assert_eq!(action_for(&input, &key(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(A::ForceQuit));
    }

    #[test]
    fn only_presses_count() {
        let mut release = key(KeyCode::Char('q'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        release.state = KeyEventState::NONE;
        assert_eq!(action_for(&[C::Main], &release), None);
        release.kind = KeyEventKind::Repeat;
        assert_eq!(action_for(&[C::Main], &release), None);
    }

    #[test]
    fn help_and_hints_come_from_the_table() {
        let help = help();
        let lines: usize = help.iter().map(|(_, l)| l.len()).sum();
        assert!(lines < BINDINGS.len(), "keys for the same thing share a line");
        for b in BINDINGS {
            let (_, section) = help.iter().find(|(c, _)| *c == b.context).expect("every context has a section");
            assert!(section.iter().any(|l| l.description == b.description && l.keys.split(' ').any(|k| k == b.key.label())), "{b:?}");
        }
        let hints = hints(&[C::List, C::Main]);
        assert_eq!(hints.first().map(|h| (h.key.as_str(), h.word)), Some(("?", "help")));
        assert!(hints.iter().all(|h| BINDINGS.iter().any(|b| b.key.label() == h.key && b.action == h.action)));
        assert_eq!(Key::ctrl('d').label(), "Ctrl-d");
    }
}
