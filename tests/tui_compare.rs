//! The comparison screen: choosing what to compare with (the previous round by default, or
//! another saved session), moving through the changes, searching them, and closing; plus whole
//! screens of a two-round comparison and of a deal against another deal.

#[path = "tui_support/fixture.rs"]
mod fixture;

use clauseguard::compare::Mode;
use clauseguard::review::{Deal, Review};
use clauseguard::session::{DecisionState, Fee, SessionStore};
use clauseguard::tui::{App, Context, Item, Overlay, Target, Theme};
use clauseguard::workspace::{Entry, Workspace};
use fixture::*;
use ratatui::layout::Size;
use ratatui::style::Modifier;

/// Round 2 of the fixture draft: a definitions clause first (so everything renumbers), the
/// ownership clause narrowed, confidentiality gone, a residuals clause added.
const ROUND_2: &str = "SERVICES AGREEMENT

This Services Agreement is made between Acme Corp (\"Client\") and Bright Labs LLC (\"Agency\").

1. Definitions. \"Deliverables\" means the items described in Schedule A.

2. Services. Agency will build a document classification model for Client as described in Schedule A.

3. Ownership. All deliverables described in Schedule A shall be owned by Client upon full payment.

4. Agency Materials. Agency grants Client an exclusive, transferable licence to Agency's pre-existing tools.

5. Fees. Client shall pay Agency the fees in Schedule B within thirty days of invoice.

6. Residuals. Agency may use the general knowledge, skills and know-how retained by its personnel.
";

fn clause(ws: &Workspace<'_>, number: &str) -> usize {
    (0..ws.analysis().clauses.len()).find(|&i| ws.clause(i).number.as_deref() == Some(number)).unwrap()
}

/// A store with `acme-msa` (round 1 countered and noted, round 2 received) and, when `other`,
/// a second deal `globex-msa` with a fee and a note.
fn store(other: bool) -> (tempfile::TempDir, SessionStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::new(dir.path().join("sessions"));
    drop(store.create(session("acme-msa")).unwrap());
    {
        let handle = store.open("acme-msa").unwrap();
        let (mut ws, _) = Workspace::open(Review::new(&LIBRARY, None), Box::new(handle), None, Deal::default(), clock).unwrap();
        let ownership = Entry::Clause(clause(&ws, "2"));
        ws.decide(ownership, Some(0), DecisionState::Countered, Some(2)).unwrap();
        ws.add_note("They want the tools too", Some(ownership)).unwrap();
    }
    {
        let handle = store.open("acme-msa").unwrap();
        Workspace::open(Review::new(&LIBRARY, None), Box::new(handle), Some(draft_document(ROUND_2)), Deal::default(), clock).unwrap();
    }
    if other {
        let mut globex = session("globex-msa");
        globex.rounds[0].file_name = "globex-msa.txt".into();
        globex.rounds[0].text = DRAFT.replace("upon creation", "upon full payment").replace("Acme Corp", "Globex Inc");
        globex.fee = Some(Fee { amount: 90_000.0, currency: "USD".into() });
        globex.add_note("Globex accepted narrow scope last year", None);
        NOW.clone_into(&mut globex.notes[0].at);
        drop(store.create(globex).unwrap());
    }
    (dir, store)
}

fn app_on(store: &SessionStore, theme: Theme, width: u16, height: u16) -> App<'static> {
    let handle = store.open("acme-msa").unwrap();
    let (ws, _) = Workspace::open(Review::new(&LIBRARY, None), Box::new(handle), None, Deal::default(), clock).unwrap();
    let mut app = App::new(ws, theme, Size::new(width, height));
    app.store = Some(store.clone());
    app
}

fn picked(app: &App<'_>) -> Vec<Target> {
    match &app.overlay {
        Some(Overlay::Pick(p)) => p.targets.clone(),
        other => panic!("no picker open: {other:?}"),
    }
}

#[test]
fn the_picker_offers_the_previous_round_first_then_other_sessions() {
    let (_dir, store) = store(true);
    let mut app = app_on(&store, Theme::colour(), 120, 36);
    assert_eq!(app.ws.round(), 2);
    press(&mut app, "C");
    assert_eq!(app.contexts(), [Context::Picker]);
    assert_eq!(picked(&app), [Target::Round { number: 1, file_name: "acme-msa.txt".into() }, Target::Session("globex-msa".into())]);
    press(&mut app, "j k Esc");
    assert!(app.overlay.is_none() && app.comparison().is_none(), "Esc closes the picker without comparing");
    press(&mut app, "C Enter");
    settle(&mut app);
    let view = app.comparison().expect("Enter compares with the previous round");
    assert_eq!(view.comparison.mode, Mode::Rounds);
    assert_eq!(view.comparison.old.label, "acme-msa:1 (acme-msa.txt)");
    assert_eq!(view.comparison.new.label, "acme-msa:2 (acme-msa-r2.txt)");
    assert_eq!(app.contexts(), [Context::Compare]);
}

/// The comparison runs off the input thread: while it runs the status bar says so, keys keep
/// working, and a second `C` starts no second comparison; the result is shown when ready.
#[test]
fn comparing_runs_beside_the_keys() {
    let (_dir, store) = store(false);
    let mut app = app_on(&store, Theme::colour(), 120, 36);
    press(&mut app, "C Enter");
    assert!(app.comparison().is_none(), "Enter returns before the comparison is done");
    assert_eq!(app.comparing.as_ref().map(|c| c.with.as_str()), Some("round 1"));
    assert!(screen(&app).contains("comparing with round 1…"), "{}", screen(&app));
    let selected = app.clauses().selected;
    press(&mut app, "j");
    assert_eq!(app.clauses().selected, selected + 1, "keys keep working while it runs");
    press(&mut app, "C");
    assert!(app.overlay.is_none(), "no picker, no second comparison");
    assert!(app.message.as_ref().is_some_and(|m| m.text.starts_with("already comparing with round 1")), "{:?}", app.message);
    settle(&mut app);
    assert!(app.comparing.is_none());
    assert_eq!(app.comparison().map(|v| v.comparison.old.label.as_str()), Some("acme-msa:1 (acme-msa.txt)"));
    assert_eq!(app.contexts(), [Context::Compare]);
    app.handle_event(&ratatui::crossterm::event::Event::Paste("2. Ownership. Client owns the Deliverables.".into()));
    assert!(app.input.is_none() && app.ws.session().revisions.is_empty(), "no revision is started behind the comparison");
    assert!(app.message.as_ref().is_some_and(|m| m.text == "close the comparison (Esc) first to paste revised wording"));
    press(&mut app, "Esc C Enter Esc");
    settle(&mut app);
    assert!(app.comparison().is_none() && app.comparing.is_none(), "Esc stops waiting for a comparison");
    assert!(app.message.as_ref().is_some_and(|m| m.text == "comparison with round 1 cancelled"), "{:?}", app.message);
}

#[test]
fn nothing_to_compare_with_says_so() {
    let mut app = app();
    press(&mut app, "C");
    assert!(app.overlay.is_none());
    let message = app.message.as_ref().unwrap();
    assert!(message.error && message.text.starts_with("nothing to compare with"), "{message:?}");
}

#[test]
fn rows_cover_changes_additions_removals_and_protections() {
    let (_dir, store) = store(false);
    let mut app = app_on(&store, Theme::colour(), 120, 36);
    press(&mut app, "C Enter");
    settle(&mut app);
    let view = app.comparison().unwrap();
    let items: Vec<Item> = view.rows.iter().map(|r| r.item).collect();
    assert_eq!(items[0], Item::Sides);
    assert!(items.iter().any(|i| matches!(i, Item::Added(_))), "{items:?}");
    assert!(items.iter().any(|i| matches!(i, Item::Removed(_))), "{items:?}");
    let ownership = view.rows.iter().find(|r| r.text.starts_with("§2 Ownership → §3 Ownership")).expect("the ownership change is listed");
    assert!(ownership.text.contains("changed, renumbered"), "{}", ownership.text);
    assert_eq!(ownership.mark, "▲", "narrowed toward the standard");
    let residuals = view.rows.iter().find(|r| matches!(r.item, Item::Missing(_))).expect("the residuals protection is a row");
    assert_eq!(residuals.text, "Missing Residuals: protection gained");
    assert!(view.rows.iter().any(|r| r.text.starts_with("§5 Confidentiality removed")));
}

#[test]
fn keys_move_scroll_search_and_close() {
    let (_dir, store) = store(false);
    let mut app = app_on(&store, Theme::colour(), 120, 36);
    press(&mut app, "C Enter");
    settle(&mut app);
    let rows = app.comparison().unwrap().rows.len();
    press(&mut app, "j j");
    assert_eq!(app.comparison().unwrap().selected, 2);
    press(&mut app, "G");
    assert_eq!(app.comparison().unwrap().selected, rows - 1);
    press(&mut app, "g Tab");
    let view = app.comparison().unwrap();
    assert!(view.text_focus && view.selected == 0, "Tab moves the focus to the detail");
    press(&mut app, "j");
    assert_eq!(app.comparison().unwrap().selected, 0, "j scrolls the detail, not the list");
    press(&mut app, "Tab / ");
    type_text(&mut app, "confidential");
    press(&mut app, "Enter");
    let view = app.comparison().unwrap();
    assert!(view.rows[view.selected].text.contains("Confidentiality"), "{}", view.rows[view.selected].text);
    let found = view.selected;
    press(&mut app, "n");
    let view = app.comparison().unwrap();
    assert!(view.rows[view.selected].searchable.to_lowercase().contains("confidential") || view.selected == found);
    press(&mut app, "?");
    assert_eq!(app.contexts(), [Context::Help]);
    press(&mut app, "Esc");
    assert_eq!(app.contexts(), [Context::Compare], "closing the help returns to the comparison");
    press(&mut app, "Esc");
    assert!(app.comparison().unwrap().search.is_none(), "the first Esc clears the search");
    press(&mut app, "Esc");
    assert!(app.comparison().is_none(), "the second closes the comparison");
    press(&mut app, "C Enter");
    settle(&mut app);
    press(&mut app, "q");
    assert!(app.quit, "q quits from the comparison");
}

/// Only the screen shown is refreshed: the clauses under a comparison are worked out again when
/// it closes, at the terminal's size then, exactly as if the comparison had never opened.
#[test]
fn the_clauses_under_a_comparison_follow_a_resize_when_it_closes() {
    let (_dir, store) = store(false);
    let mut app = app_on(&store, Theme::colour(), 120, 36);
    press(&mut app, "j j");
    let before = app.clauses().view.clause.clone();
    press(&mut app, "C Enter");
    settle(&mut app);
    app.update(clauseguard::tui::Action::Resize(90, 30));
    press(&mut app, "j");
    assert_eq!(app.clauses().view.clause, before, "nothing of the hidden clauses is rebuilt");
    press(&mut app, "Esc");
    let mut fresh = app_on(&store, Theme::colour(), 90, 30);
    press(&mut fresh, "j j");
    assert_eq!(app.clauses().selected, fresh.clauses().selected);
    assert_eq!(app.clauses().view.clause, fresh.clauses().view.clause, "closing shows the clauses at the new size");
    assert_ne!(app.clauses().view.clause, before);
}

#[test]
fn the_word_diff_is_struck_and_bold_without_colour() {
    let (_dir, store) = store(false);
    let mut app = app_on(&store, Theme::monochrome(), 120, 36);
    press(&mut app, "C Enter");
    settle(&mut app);
    press(&mut app, "/");
    type_text(&mut app, "ownership");
    press(&mut app, "Enter");
    let buffer = draw(&app).backend().buffer().clone();
    assert!(buffer.content.iter().all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset));
    let struck: String =
        buffer.content.iter().filter(|c| c.modifier.contains(Modifier::CROSSED_OUT)).map(ratatui::buffer::Cell::symbol).collect();
    let bold: String = buffer.content.iter().filter(|c| c.modifier.contains(Modifier::BOLD)).map(ratatui::buffer::Cell::symbol).collect();
    assert!(struck.contains("creation") && !struck.contains("payment"), "the old words are struck: {struck:?}");
    assert!(bold.contains("full payment") && !bold.contains("creation"), "the new words are bold: {bold:?}");
}

#[test]
fn two_rounds_on_screen() {
    let (_dir, store) = store(false);
    let mut app = app_on(&store, Theme::colour(), 120, 36);
    press(&mut app, "C Enter");
    settle(&mut app);
    press(&mut app, "/");
    type_text(&mut app, "ownership");
    press(&mut app, "Enter");
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn two_rounds_both_sides() {
    let (_dir, store) = store(false);
    let mut app = app_on(&store, Theme::colour(), 120, 36);
    press(&mut app, "C Enter");
    settle(&mut app);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn deal_against_deal_on_screen() {
    let (_dir, store) = store(true);
    let mut app = app_on(&store, Theme::colour(), 120, 36);
    press(&mut app, "C j Enter");
    settle(&mut app);
    assert_eq!(app.comparison().unwrap().comparison.mode, Mode::Deals);
    insta::assert_snapshot!("deal_against_deal_both_sides", draw(&app).backend());
    press(&mut app, "/");
    type_text(&mut app, "IP assignment");
    press(&mut app, "Enter");
    insta::assert_snapshot!("deal_against_deal_by_library_clause", draw(&app).backend());
}
