//! `App::update` transitions driven by key presses, pastes and mouse events, against an
//! in-memory session and the fixture library.

#[path = "tui_support/fixture.rs"]
mod fixture;

use clauseguard::library::FallbackKind;
use clauseguard::session::{DecisionState, OfferAnswer};
use clauseguard::tui::{App, Effect, Overlay, Pane, Purpose, Theme};
use clauseguard::workspace::{Entry, MemorySession};
use fixture::*;
use ratatui::crossterm::event::KeyModifiers;
use ratatui::crossterm::event::{Event, MouseButton, MouseEvent, MouseEventKind};
#[cfg(debug_assertions)]
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// The list row of clause `number` ("2" for §2).
fn row_of(app: &App<'_>, number: &str) -> usize {
    app.clauses()
        .visible
        .iter()
        .position(|&p| matches!(app.ws.entries()[p], Entry::Clause(i) if app.ws.clause(i).number.as_deref() == Some(number)))
        .unwrap()
}

fn go_to(app: &mut App<'_>, number: &str) {
    let row = row_of(app, number);
    press(app, "g");
    for _ in 0..row {
        press(app, "j");
    }
    assert_eq!(app.clauses().selected, row);
}

fn clause_index(app: &App<'_>, number: &str) -> usize {
    (0..app.ws.analysis().clauses.len()).find(|&i| app.ws.clause(i).number.as_deref() == Some(number)).unwrap()
}

#[test]
fn the_list_shows_missing_protections_first_then_every_clause() {
    let app = app();
    let labels: Vec<String> = app.clauses().visible.iter().map(|&p| app.ws.label(app.ws.entries()[p])).collect();
    assert_eq!(labels[0], "Missing: Residuals");
    assert!(labels[1..].iter().any(|l| l == "§2 Ownership"));
    assert_eq!(app.ws.open_findings(), 5, "residuals, three in §2, one in §3");
    assert_eq!(app.clauses().focus, Pane::List);
}

#[test]
fn moving_in_the_list_clamps_at_both_ends() {
    let mut app = app();
    let last = app.clauses().visible.len() - 1;
    press(&mut app, "k k");
    assert_eq!(app.clauses().selected, 0);
    press(&mut app, "G");
    assert_eq!(app.clauses().selected, last);
    press(&mut app, "j Down");
    assert_eq!(app.clauses().selected, last);
    press(&mut app, "g Down Down k");
    assert_eq!(app.clauses().selected, 1);
    press(&mut app, "Ctrl-d");
    assert!(app.clauses().selected > 1);
}

#[test]
fn next_finding_walks_the_findings_then_the_clauses_and_wraps() {
    let mut app = app();
    let ownership = row_of(&app, "2");
    let materials = row_of(&app, "3");
    let mut seen = Vec::new();
    for _ in 0..5 {
        press(&mut app, "]");
        seen.push((app.clauses().selected, app.clauses().finding));
    }
    assert_eq!(seen, [(ownership, 0), (ownership, 1), (ownership, 2), (materials, 0), (0, 0)]);
    assert_eq!(app.message.as_ref().map(|m| m.text.as_str()), Some("wrapped to the first finding"));
    press(&mut app, "[");
    assert_eq!((app.clauses().selected, app.clauses().finding), (materials, 0));
    press(&mut app, "[");
    assert_eq!((app.clauses().selected, app.clauses().finding), (ownership, 2), "backwards lands on the clause's last finding");
}

#[test]
fn the_risky_filter_keeps_entries_with_findings_and_the_selection() {
    let mut app = app();
    go_to(&mut app, "3");
    press(&mut app, "f");
    assert!(app.clauses().risky_only);
    let labels: Vec<String> = app.clauses().visible.iter().map(|&p| app.ws.label(app.ws.entries()[p])).collect();
    assert_eq!(labels, ["Missing: Residuals", "§2 Ownership", "§3 Agency Materials"]);
    assert_eq!(app.entry().map(|e| app.ws.label(e)).as_deref(), Some("§3 Agency Materials"));
    press(&mut app, "f");
    assert_eq!(app.clauses().visible.len(), app.ws.entries().len());
}

#[test]
fn countering_adopts_the_selected_rung_and_stores_its_language() {
    let mut app = app();
    press(&mut app, "]");
    press(&mut app, "Tab Tab");
    assert_eq!(app.clauses().focus, Pane::Detail);
    press(&mut app, "j");
    assert_eq!(app.clauses().rung, 1);
    press(&mut app, "Enter");
    let decision = app.ws.session().decisions.last().unwrap();
    assert_eq!(decision.state, DecisionState::Countered);
    assert_eq!(decision.fallback, Some(FallbackKind::NarrowScope));
    assert_eq!(decision.counter_language.as_deref(), Some("all deliverables described in Schedule A"));
    assert_eq!(decision.library_clause.as_deref(), Some("ip-assignment"));
    assert_eq!(decision.at, NOW);
    assert!(decision.finding.as_deref().is_some_and(|k| k.starts_with("broad-work-product|")));
    assert_eq!(app.ws.open_findings(), 4);
    assert_eq!(app.ws.last_saved(), Some(NOW));
    // Changing one's mind in the same round replaces the decision.
    press(&mut app, "x");
    assert_eq!(app.ws.session().decisions.len(), 1);
    assert_eq!(app.ws.session().decisions[0].state, DecisionState::Rejected);
    press(&mut app, "o");
    assert_eq!(app.ws.open_findings(), 5);
}

#[test]
fn a_clause_without_findings_is_decided_as_a_whole_and_cannot_be_countered() {
    let mut app = app();
    go_to(&mut app, "4");
    press(&mut app, "c");
    assert!(app.message.as_ref().is_some_and(|m| m.error));
    assert!(app.ws.session().decisions.is_empty());
    press(&mut app, "a");
    let decision = &app.ws.session().decisions[0];
    assert_eq!((decision.state, decision.finding.as_deref()), (DecisionState::Accepted, None));
    assert_eq!(app.ws.state(app.entry().unwrap()), Some(DecisionState::Accepted));
}

#[test]
fn notes_go_on_the_clause_or_the_session_with_the_time() {
    let mut app = app();
    go_to(&mut app, "2");
    press(&mut app, "i");
    assert_eq!(app.input.as_ref().map(|i| i.purpose), Some(Purpose::NoteClause));
    type_text(&mut app, "They want the tools too");
    press(&mut app, "Enter");
    assert!(app.input.is_none());
    press(&mut app, "I");
    type_text(&mut app, "Call back Friday");
    press(&mut app, "Enter");
    let notes = &app.ws.session().notes;
    assert_eq!(notes.len(), 2);
    assert_eq!((notes[0].text.as_str(), notes[0].at.as_str(), notes[0].round), ("They want the tools too", NOW, 1));
    assert_eq!(notes[0].clause.as_ref().and_then(|a| a.number.as_deref()), Some("2"));
    assert!(notes[1].clause.is_none());
    let entry = app.entry().unwrap();
    assert_eq!(app.ws.notes(Some(entry)).len(), 1);
    assert_eq!(app.ws.notes(None).len(), 1);
    assert!(screen(&app).contains("They want the tools too"));
}

#[test]
fn an_empty_note_is_refused_and_a_cancelled_one_comes_back() {
    let mut app = app();
    press(&mut app, "i Space Enter");
    let input = app.input.as_ref().expect("the box stays open");
    assert!(input.error.as_deref().is_some_and(|e| e.contains("empty")));
    press(&mut app, "Ctrl-u");
    type_text(&mut app, "half a thought");
    press(&mut app, "Esc");
    assert!(app.input.is_none());
    assert!(app.ws.session().notes.is_empty());
    press(&mut app, "i");
    assert_eq!(app.input.as_ref().map(|i| i.text.as_str()), Some("half a thought"));
}

#[test]
fn pasted_wording_is_reanalysed_diffed_and_kept_as_a_revision() {
    let mut app = app();
    go_to(&mut app, "2");
    let index = clause_index(&app, "2");
    assert_eq!(app.ws.findings(Entry::Clause(index)).len(), 3);
    let revised = "2. Ownership. All deliverables described in Schedule A shall be owned by Client upon full payment, including any tools and frameworks Agency uses.";
    app.handle_event(&Event::Paste(revised.into()));
    assert_eq!(app.input.as_ref().map(|i| i.purpose), Some(Purpose::Revision));
    press(&mut app, "Enter");
    assert!(app.input.is_none(), "{:?}", app.input);
    let findings = app.ws.findings(Entry::Clause(index));
    assert_eq!(findings.len(), 1, "only the tools phrase is left");
    assert_eq!(findings[0].phrase.as_deref(), Some("tools and frameworks"));
    assert_eq!(app.ws.open_findings(), 3);
    let revision = &app.ws.session().revisions[0];
    assert_eq!((revision.text.as_str(), revision.round), (revised, 1));
    assert!(app.clauses().view.diffs.previous.is_some());
    assert!(app.message.as_ref().is_some_and(|m| m.text.contains("1 finding(s), was 3")));
    // The same wording again is refused, with the box kept open.
    app.handle_event(&Event::Paste(revised.into()));
    press(&mut app, "Enter");
    assert!(app.input.as_ref().is_some_and(|i| i.error.as_deref().is_some_and(|e| e.contains("same"))));
}

#[test]
fn a_failed_save_keeps_the_change_in_memory_and_says_so() {
    let mut handle = MemorySession::new(session("acme-msa"));
    handle.fail_with = Some("/tmp/sessions/acme-msa.json: disk full".into());
    let mut app = app_with(handle, Theme::colour(), 100, 30);
    press(&mut app, "I");
    type_text(&mut app, "still here");
    press(&mut app, "Enter");
    assert_eq!(app.ws.session().notes.len(), 1);
    assert!(app.ws.unsaved());
    let message = app.message.clone().unwrap();
    assert!(message.error && message.text.contains("NOT saved") && message.text.contains("disk full"), "{message:?}");
    assert!(screen(&app).contains("NOT SAVED"));
    // Quitting with changes only in memory takes a second q.
    press(&mut app, "q");
    assert!(!app.quit);
    assert!(app.message.as_ref().is_some_and(|m| m.error && m.text.contains("press q again")));
    press(&mut app, "j q");
    assert!(!app.quit, "anything in between disarms it");
    press(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn a_read_only_session_keeps_changes_in_memory() {
    let mut handle = MemorySession::new(session("acme-msa"));
    handle.read_only = true;
    let mut app = app_with(handle, Theme::colour(), 100, 30);
    press(&mut app, "] a");
    assert_eq!(app.ws.session().decisions.len(), 1);
    assert!(app.message.as_ref().is_some_and(|m| m.error && m.text.contains("read-only")));
    assert!(screen(&app).contains("READ-ONLY"));
}

#[test]
fn the_fee_calculator_records_the_fee_the_offer_and_the_answer() {
    let mut app = app();
    press(&mut app, "$");
    assert_eq!(app.input.as_ref().map(|i| i.purpose), Some(Purpose::Fee), "no fee yet: asks for it");
    type_text(&mut app, "lots");
    press(&mut app, "Enter");
    assert!(app.input.as_ref().is_some_and(|i| i.error.is_some()), "a bad fee keeps the box open");
    press(&mut app, "Ctrl-u");
    type_text(&mut app, "120,000 EUR");
    press(&mut app, "Enter");
    let fee = app.ws.session().fee.clone().unwrap();
    assert_eq!((fee.amount, fee.currency.as_str()), (120_000.0, "EUR"));
    press(&mut app, "j Enter");
    let offer = app.ws.session().latest_offer().cloned().unwrap();
    assert_eq!((offer.percent, offer.amount, offer.answer), (30.0, 36_000.0, OfferAnswer::Open));
    press(&mut app, "a");
    assert_eq!(app.ws.session().latest_offer().unwrap().answer, OfferAnswer::Accepted);
    press(&mut app, "%");
    type_text(&mut app, "35");
    press(&mut app, "Enter Enter");
    assert_eq!(app.ws.session().latest_offer().map(|o| (o.percent, o.amount)), Some((35.0, 42_000.0)));
    let text = screen(&app);
    assert!(text.contains("€120,000") && text.contains("+€42,000") && text.contains("€168,000"), "{text}");
    press(&mut app, "Esc");
    assert!(app.overlay.is_none());
}

#[test]
fn search_jumps_to_matches_and_n_cycles_through_them() {
    let mut app = app();
    press(&mut app, "/");
    type_text(&mut app, "schedule");
    press(&mut app, "Enter");
    assert_eq!(app.clauses().selected, row_of(&app, "1"));
    press(&mut app, "n");
    assert_eq!(app.clauses().selected, row_of(&app, "4"));
    press(&mut app, "N");
    assert_eq!(app.clauses().selected, row_of(&app, "1"));
    press(&mut app, "/ Ctrl-u");
    type_text(&mut app, "zebra");
    press(&mut app, "Enter");
    assert!(app.input.as_ref().is_some_and(|i| i.error.as_deref().is_some_and(|e| e.contains("zebra"))));
    press(&mut app, "Esc Esc");
    assert!(app.clauses().search.is_none() && app.input.is_none());
}

#[test]
fn copying_queues_the_words_for_the_clipboard() {
    let mut app = app();
    press(&mut app, "] y");
    assert!(app.take_effects().is_empty(), "educate has no counter-language");
    assert!(app.message.as_ref().is_some_and(|m| m.error));
    press(&mut app, "Y");
    assert_eq!(app.take_effects(), [Effect::Copy("A builder keeps its equipment after building the house.".into())]);
    press(&mut app, "Tab Tab j y");
    assert_eq!(app.take_effects(), [Effect::Copy("all deliverables described in Schedule A".into())]);
}

#[test]
fn clicks_select_rows_and_focus_panes_and_the_wheel_scrolls() {
    let mut app = app();
    let mouse = |kind, column, row| Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE });
    // The list's first row is at y = 2 (status bar, border).
    app.handle_event(&mouse(MouseEventKind::Down(MouseButton::Left), 5, 2 + 4));
    assert_eq!((app.clauses().selected, app.clauses().focus), (4, Pane::List));
    app.handle_event(&mouse(MouseEventKind::ScrollDown, 5, 5));
    assert_eq!(app.clauses().selected, 6, "three rows down, clamped at the end");
    app.handle_event(&mouse(MouseEventKind::Down(MouseButton::Left), 60, 25));
    assert_eq!(app.clauses().focus, Pane::Detail);
    assert!(!app.handle_event(&mouse(MouseEventKind::Moved, 1, 1)), "movement is not an action");
}

#[test]
fn a_small_terminal_shows_a_notice_and_recovers_on_resize() {
    let mut app = app();
    app.handle_event(&Event::Resize(70, 20));
    assert!(app.is_too_small());
    assert!(screen(&app).contains("Terminal too small: 70x20"));
    app.handle_event(&Event::Resize(100, 30));
    assert!(!app.is_too_small());
    assert!(screen(&app).contains("Missing: Residuals"));
}

#[test]
fn a_shorter_terminal_keeps_the_selected_row_on_screen() {
    let more: Vec<String> = (6..50).map(|n| format!("{n}. Clause {n}. Nothing of note.")).collect();
    let long = format!("{DRAFT}\n{}\n", more.join("\n\n"));
    let mut session = session("acme-msa");
    session.rounds[0].text = long;
    let mut app = app_with(MemorySession::new(session), Theme::colour(), 100, 40);
    press(&mut app, "G");
    app.handle_event(&Event::Resize(80, 24));
    let list_height = 24 - 4;
    assert!(
        app.clauses().selected >= app.clauses().list_offset && app.clauses().selected < app.clauses().list_offset + list_height,
        "{} {}",
        app.clauses().selected,
        app.clauses().list_offset
    );
    assert!(screen(&app).contains("▸"));
}

#[test]
fn diffs_are_computed_once_per_clause_not_per_key_or_frame() {
    let mut app = app();
    go_to(&mut app, "2");
    let runs = app.clauses().view.diff_runs;
    press(&mut app, "Tab Tab j j k s s");
    for _ in 0..3 {
        screen(&app);
    }
    assert_eq!(app.clauses().view.diff_runs, runs);
    press(&mut app, "Tab j");
    assert_eq!(app.clauses().view.diff_runs, runs + 1);
}

#[test]
fn q_quits_but_types_in_a_box_and_ctrl_c_always_quits() {
    let mut app = app();
    press(&mut app, "i q");
    assert!(!app.quit);
    assert_eq!(app.input.as_ref().map(|i| i.text.as_str()), Some("q"));
    press(&mut app, "Ctrl-c");
    assert!(app.quit);
    let mut app = fixture::app();
    press(&mut app, "? q");
    assert!(!app.quit && app.overlay.is_none(), "q closes a window first");
    press(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn the_library_browser_filters_and_closes() {
    let mut app = app();
    press(&mut app, "L /");
    type_text(&mut app, "residual");
    press(&mut app, "Enter");
    assert!(screen(&app).contains("Library 1/3"));
    press(&mut app, "Esc");
    assert!(screen(&app).contains("Library 3/3"));
    press(&mut app, "y");
    assert_eq!(app.take_effects().len(), 1);
    press(&mut app, "Esc");
    assert!(app.overlay.is_none());
}

#[test]
fn help_moves_like_every_other_screen() {
    let mut app = app();
    let scroll = |app: &App<'_>| match &app.overlay {
        Some(Overlay::Help { scroll }) => *scroll,
        other => panic!("help is not open: {other:?}"),
    };
    press(&mut app, "?");
    // 30 rows, less the status bar and two rows of hints: the help box is 27 high, 25 inside;
    // half a page is 12 lines.
    press(&mut app, "Ctrl-d");
    assert_eq!(scroll(&app), 12);
    press(&mut app, "G");
    let bottom = scroll(&app);
    assert!(bottom > 12, "G goes to the end of the help");
    press(&mut app, "j Ctrl-d");
    assert_eq!(scroll(&app), bottom, "no further than the end");
    press(&mut app, "Ctrl-u");
    assert_eq!(scroll(&app), bottom - 12);
    press(&mut app, "g");
    assert_eq!(scroll(&app), 0);
}

/// The bottom `rows` rows of the screen.
fn hint_bar(app: &App<'_>, rows: usize) -> String {
    let screen = screen(app);
    let lines: Vec<&str> = screen.lines().collect();
    lines[lines.len() - rows..].join("\n")
}

#[test]
fn the_hint_bar_fits_the_width_and_always_shows_help_and_quit() {
    let mut app = app_with(MemorySession::new(session("acme-msa")), Theme::colour(), 80, 24);
    for keys in ["", "Tab", "Tab"] {
        press(&mut app, keys);
        let bar = hint_bar(&app, 3);
        assert!(bar.starts_with("\" ? help  q quit  "), "{bar}");
        assert!(bar.contains("] next finding  / search  f risky only  c counter"), "three rows, in full: {bar}");
        assert!(bar.contains("i note  r revise  u undo  $ fee  L library  C compare  A agency"), "no key dropped: {bar}");
        assert!(bar.contains("E issues"), "no key dropped: {bar}");
    }
    press(&mut app, "Enter");
    app.update(clauseguard::tui::Action::Resize(200, 24));
    let bar = hint_bar(&app, 1);
    assert!(bar.contains("] next finding  / search  f risky only") && bar.contains("C compare"), "one row when there is room: {bar}");
}

#[test]
fn the_input_box_says_what_enter_does() {
    let mut app = app();
    press(&mut app, "/");
    assert!(screen(&app).contains("Enter search"));
    press(&mut app, "Esc L /");
    assert!(screen(&app).contains("Enter search"));
    press(&mut app, "Esc Esc i");
    assert!(screen(&app).contains("Enter save"));
}

/// The ids of the standard clauses the library browser lists after searching for `query`.
fn library_search(app: &mut App<'_>, query: &str) -> Vec<String> {
    press(app, "/ Ctrl-u");
    type_text(app, query);
    press(app, "Enter");
    let Some(Overlay::Library(view)) = &app.overlay else { panic!("the library browser is closed") };
    view.visible.iter().map(|&i| app.ws.library().clauses[i].id.clone()).collect()
}

#[test]
fn library_search_ranks_clauses_by_the_words_of_a_question() {
    let mut app = app();
    press(&mut app, "L");
    assert_eq!(library_search(&mut app, "Why do you need a RESIDUALS clause?"), ["residuals"]);
    assert_eq!(
        library_search(&mut app, "who keeps the know-how"),
        ["residuals", "ip-assignment"],
        "two of the question's words rank above one, whatever the library order"
    );
    assert_eq!(library_search(&mut app, "licence tools")[0], "agency-ip-licence", "a word in the title counts most");
    assert!(library_search(&mut app, "zebra crossing").is_empty());
    assert_eq!(app.message.as_ref().map(|m| (m.text.as_str(), m.error)), Some(("no standard clause matches \"zebra crossing\"", true)));
    assert!(screen(&app).contains("No standard clause matches"));
}

#[test]
fn contract_text_is_sanitised_before_it_reaches_the_screen() {
    let hostile = DRAFT.replace("Schedule B", "Schedule B\x1b]52;c;ZXZpbA==\x07\x1b[2J\u{202e}");
    let mut session = session("acme-msa");
    session.rounds[0].text = hostile;
    let mut app = app_with(MemorySession::new(session), Theme::colour(), 100, 30);
    go_to(&mut app, "4");
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    assert!(buffer.content.iter().all(|c| !c.symbol().contains(['\x1b', '\x07', '\u{202e}'])));
    let text = terminal.backend().to_string();
    assert!(text.contains("B]52;c;ZXZpbA==[2J"), "the rest is shown as the text it is: {text}");
}

#[test]
#[cfg(debug_assertions)]
#[should_panic(expected = "CLAUSEGUARD_TEST_PANIC")]
fn the_test_panic_key_panics() {
    let mut app = app();
    app.panic_on_key = true;
    app.handle_event(&Event::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE)));
}

const OWNERSHIP_REVISED: &str = "2. Ownership. All deliverables described in Schedule A shall be owned by Client upon full payment, including any tools and frameworks Agency uses.";

#[test]
fn a_paste_that_names_another_clause_goes_to_that_clause_and_says_so() {
    let mut app = app();
    go_to(&mut app, "3");
    let (ownership, materials) = (clause_index(&app, "2"), clause_index(&app, "3"));
    app.handle_event(&Event::Paste(OWNERSHIP_REVISED.into()));
    assert_eq!(app.entry(), Some(Entry::Clause(ownership)), "the paste names §2 Ownership");
    assert_eq!(app.input.as_ref().map(|i| i.purpose), Some(Purpose::Revision));
    let message = app.message.as_ref().map(|m| m.text.as_str());
    assert_eq!(message, Some("the pasted wording names §2 Ownership: revising that clause, not §3 Agency Materials"));
    assert!(screen(&app).contains("Client's revised wording of §2 Ownership"), "the box says where it goes");
    press(&mut app, "Enter");
    assert_eq!(app.ws.findings(Entry::Clause(ownership)).len(), 1);
    assert_eq!(app.ws.findings(Entry::Clause(materials)).len(), 1, "§3 keeps its finding");
    assert!(app.ws.wording(materials).revised.is_none());
}

#[test]
fn a_paste_that_names_no_clause_revises_the_selected_one() {
    let mut app = app();
    go_to(&mut app, "3");
    app.handle_event(&Event::Paste("Agency grants Client a non-exclusive licence to Agency's pre-existing tools.".into()));
    press(&mut app, "Enter");
    let materials = clause_index(&app, "3");
    assert!(app.ws.wording(materials).revised.is_some());
    assert_eq!(app.ws.findings(Entry::Clause(materials)).len(), 0);
}

#[test]
fn a_paste_that_could_be_two_clauses_asks_which() {
    let mut app = app();
    go_to(&mut app, "4");
    let (ownership, materials) = (clause_index(&app, "2"), clause_index(&app, "3"));
    // Number 2 is Ownership; the heading is §3's.
    app.handle_event(&Event::Paste("2. Agency Materials. Agency grants Client a non-exclusive licence to its tools.".into()));
    let Some(Overlay::Route(route)) = &app.overlay else { panic!("no choice offered: {:?}", app.overlay) };
    assert_eq!(route.clauses, [ownership, materials]);
    assert!(app.input.is_none(), "nothing is recorded before the user chooses");
    assert!(screen(&app).contains("Which clause is the pasted wording for?"));
    press(&mut app, "j Enter");
    assert_eq!(app.entry(), Some(Entry::Clause(materials)));
    assert!(app.input.as_ref().is_some_and(|i| i.text.starts_with("2. Agency Materials")));
    // Esc instead keeps the pasted wording for r.
    press(&mut app, "Esc");
    app.handle_event(&Event::Paste("2. Agency Materials. Agency grants Client a non-exclusive licence to its tools.".into()));
    press(&mut app, "Esc");
    assert!(app.overlay.is_none() && app.input.is_none());
    press(&mut app, "r");
    assert!(app.input.as_ref().is_some_and(|i| i.text.starts_with("2. Agency Materials")), "{:?}", app.input);
}

#[test]
fn a_revision_can_be_undone_and_the_undo_is_saved() {
    let mut app = app();
    go_to(&mut app, "2");
    let ownership = clause_index(&app, "2");
    app.handle_event(&Event::Paste(OWNERSHIP_REVISED.into()));
    press(&mut app, "Enter");
    assert_eq!(app.ws.open_findings(), 3);
    let saves = app.ws.last_saved().map(str::to_owned);
    press(&mut app, "u");
    assert!(app.ws.wording(ownership).revised.is_none(), "back to the draft's wording");
    assert_eq!(app.ws.findings(Entry::Clause(ownership)).len(), 3, "its findings are back");
    assert_eq!(app.ws.open_findings(), 5);
    assert!(app.ws.session().revisions.is_empty());
    let message = app.message.as_ref().unwrap();
    assert_eq!(message.text, "§2 Ownership: revision undone, back to the draft's wording (3 finding(s), was 1); saved");
    assert!(saves.is_some() && app.ws.last_saved().is_some());
    // Reopened from what was saved, the clause has no revision.
    let reopened = app_with(MemorySession::new(app.ws.session().clone()), Theme::colour(), 100, 30);
    assert!(reopened.ws.wording(ownership).revised.is_none());
    // Nothing more to undo.
    press(&mut app, "u");
    assert!(app.message.as_ref().is_some_and(|m| m.error && m.text == "§2 Ownership has no revised wording to undo in this round"));
    // Two revisions: undo goes back one at a time.
    app.handle_event(&Event::Paste(OWNERSHIP_REVISED.into()));
    press(&mut app, "Enter");
    app.handle_event(&Event::Paste(
        "2. Ownership. All deliverables described in Schedule A shall be owned by Client upon full payment.".into(),
    ));
    press(&mut app, "Enter");
    assert_eq!(app.ws.findings(Entry::Clause(ownership)).len(), 0);
    press(&mut app, "u");
    assert_eq!(app.ws.wording(ownership).text, OWNERSHIP_REVISED);
    assert_eq!(app.ws.findings(Entry::Clause(ownership)).len(), 1);
}

#[test]
fn the_agency_window_chooses_the_party_and_sets_the_agencys_own_name() {
    let mut app = app();
    assert!(screen(&app).contains("agency: Agency │"), "the party the draft is read for is on the status bar");
    press(&mut app, "A");
    assert!(matches!(&app.overlay, Some(Overlay::Agency(view)) if view.candidates == ["Agency", "Client"] && view.row == 0));
    press(&mut app, "j Enter");
    assert!(app.overlay.is_none());
    assert_eq!(app.ws.session().agency_party.as_deref(), Some("Client"));
    assert!(app.message.as_ref().unwrap().text.starts_with("the draft is read with Client as the agency"));
    press(&mut app, "j");
    assert!(screen(&app).contains("agency: Client │"));

    // Another name: one the draft never uses is refused, the box stays open.
    press(&mut app, "A j j Enter");
    assert_eq!(app.input.as_ref().map(|i| (i.purpose, i.text.as_str())), Some((Purpose::AgencyParty, "Client")));
    press(&mut app, "Ctrl-u");
    type_text(&mut app, "Northwind");
    press(&mut app, "Enter");
    assert!(app.input.as_ref().and_then(|i| i.error.as_deref()).is_some_and(|e| e.contains("never uses \"Northwind\"")));
    press(&mut app, "Ctrl-u");
    type_text(&mut app, "Agency");
    press(&mut app, "Enter");
    assert!(app.input.is_none() && app.overlay.is_none());
    assert_eq!(app.ws.session().agency_party.as_deref(), Some("Agency"));

    press(&mut app, "A n");
    assert_eq!(app.input.as_ref().map(|i| i.purpose), Some(Purpose::AgencyName));
    type_text(&mut app, "Bright Labs LLC");
    press(&mut app, "Enter");
    assert_eq!(app.ws.session().agency.as_deref(), Some("Bright Labs LLC"));
    assert_eq!(app.message.as_ref().unwrap().text, "the redline's comments are signed Bright Labs LLC; saved");
}

#[test]
fn the_issues_list_is_written_from_the_workspace_never_over_a_file_unasked() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app();
    app.store = Some(clauseguard::session::SessionStore::new(dir.path().to_owned()));
    go_to(&mut app, "3");
    press(&mut app, "c E");
    let default = dir.path().join("acme-msa-issues-round-1.md");
    assert_eq!(app.input.as_ref().map(|i| (i.purpose, i.text.clone())), Some((Purpose::IssuesList, default.display().to_string())));
    press(&mut app, "Enter");
    assert!(app.input.is_none());
    let written = std::fs::read_to_string(&default).unwrap();
    assert!(written.starts_with("# Issues list: acme-msa"), "{written}");
    assert!(written.lines().any(|l| l.starts_with("| §3 Agency Materials |") && l.contains("| Counter-proposal made |")), "{written}");
    assert!(app.message.as_ref().unwrap().text.starts_with("wrote the issues list to "));

    // An existing file: refused once with a word, replaced when the same name is given again.
    let csv = dir.path().join("points.csv");
    std::fs::write(&csv, "mine").unwrap();
    press(&mut app, "E Ctrl-u");
    type_text(&mut app, &csv.display().to_string());
    press(&mut app, "Enter");
    assert!(app.input.as_ref().and_then(|i| i.error.as_deref()).is_some_and(|e| e.ends_with("already exists: Enter again replaces it")));
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), "mine");
    press(&mut app, "Enter");
    assert!(app.input.is_none());
    assert!(std::fs::read_to_string(&csv).unwrap().starts_with("Clause,Client's position"));

    press(&mut app, "E Ctrl-u");
    type_text(&mut app, "points.odt");
    press(&mut app, "Enter");
    assert!(app.input.as_ref().and_then(|i| i.error.as_deref()).is_some_and(|e| e.contains(".docx, .md or .csv")));
}
