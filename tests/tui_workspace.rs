//! The workspace on the real session store: what is recorded is saved at once and comes back
//! on reopening, a new draft becomes the next round with earlier decisions still standing, and
//! a session open elsewhere is read-only.

#[path = "tui_support/fixture.rs"]
mod fixture;

use clauseguard::library::ClauseLibrary;
use clauseguard::review::{Deal, Review};
use clauseguard::session::{DecisionState, SessionStore};
use clauseguard::tui::{App, Theme};
use clauseguard::workspace::{Entry, Saved, Workspace, WorkspaceError};
use fixture::*;
use ratatui::layout::Size;

fn clause(ws: &Workspace<'_>, number: &str) -> usize {
    (0..ws.analysis().clauses.len()).find(|&i| ws.clause(i).number.as_deref() == Some(number)).unwrap()
}

fn open(store: &SessionStore, draft: Option<&str>) -> (Workspace<'static>, Option<Saved>) {
    let handle = store.open("acme-msa").unwrap();
    Workspace::open(Review::new(&LIBRARY, None), Box::new(handle), draft.map(draft_document), Deal::default(), clock).unwrap()
}

fn store_with_session() -> (tempfile::TempDir, SessionStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::new(dir.path().join("sessions"));
    drop(store.create(session("acme-msa")).unwrap());
    (dir, store)
}

#[test]
fn everything_recorded_is_saved_and_comes_back() {
    let (_dir, store) = store_with_session();
    {
        let (mut ws, saved) = open(&store, None);
        assert_eq!(saved, None, "no new round, nothing to save");
        let ownership = Entry::Clause(clause(&ws, "2"));
        assert_eq!(ws.decide(ownership, Some(0), DecisionState::Countered, Some(2)).unwrap(), Saved::At(NOW.into()));
        ws.add_note("They want the tools too", Some(ownership)).unwrap();
        ws.add_note("Call back Friday", None).unwrap();
        let revised = "2. Ownership. All deliverables described in Schedule A shall be owned by Client upon full payment.";
        ws.revise(clause(&ws, "2"), revised).unwrap();
        ws.set_fee("$90k").unwrap();
        ws.offer_fee(20.0).unwrap();
    }
    let on_disk = store.load("acme-msa").unwrap();
    assert_eq!((on_disk.decisions.len(), on_disk.notes.len(), on_disk.revisions.len()), (1, 2, 1));
    assert_eq!(on_disk.latest_offer().map(|o| o.amount), Some(18_000.0));

    let (ws, _) = open(&store, None);
    let index = clause(&ws, "2");
    let wording = ws.wording(index);
    assert!(wording.revised.is_some(), "the revision is replayed");
    assert!(wording.text.contains("upon full payment"));
    assert_eq!(ws.notes(Some(Entry::Clause(index))).len(), 1);
    assert_eq!(ws.notes(None).len(), 1);
    assert_eq!(
        ws.session().decisions[0].counter_language.as_deref(),
        Some("Agency retains a perpetual licence to the general methodologies it uses.")
    );
}

#[test]
fn a_new_draft_is_the_next_round_and_earlier_decisions_stand() {
    let (_dir, store) = store_with_session();
    {
        let (mut ws, _) = open(&store, None);
        let materials = Entry::Clause(clause(&ws, "3"));
        ws.decide(materials, Some(0), DecisionState::Rejected, None).unwrap();
    }
    let round_two = DRAFT.replace("within thirty days of invoice", "within sixty days of invoice");
    let (ws, saved) = open(&store, Some(&round_two));
    assert_eq!(saved, Some(Saved::At(NOW.into())));
    assert_eq!(ws.round(), 2);
    assert_eq!(store.load("acme-msa").unwrap().rounds.len(), 2);
    let materials = Entry::Clause(clause(&ws, "3"));
    assert_eq!(ws.state(materials), Some(DecisionState::Rejected), "the round-1 decision still stands");
    assert!(ws.original_text(clause(&ws, "4")).contains("sixty days"));
    // Opening the same draft again adds no round.
    drop(ws);
    let (ws, saved) = open(&store, Some(&round_two));
    assert_eq!((ws.round(), saved), (2, None));
}

#[test]
fn a_session_open_elsewhere_is_read_only_and_changes_stay_in_memory() {
    let (_dir, store) = store_with_session();
    let (first, _) = open(&store, None);
    let (mut second, _) = open(&store, None);
    assert!(second.read_only());
    assert_eq!(second.add_note("kept in memory", None).unwrap(), Saved::ReadOnly);
    assert_eq!(second.notes(None).len(), 1);
    assert!(second.unsaved());
    assert!(store.load("acme-msa").unwrap().notes.is_empty());
    // Once the other window lets go, the next change saves everything kept in memory.
    drop(first);
    assert_eq!(second.add_note("and now saved", None).unwrap(), Saved::At(NOW.into()));
    assert!(!second.unsaved());
    assert_eq!(store.load("acme-msa").unwrap().notes.len(), 2);
}

#[test]
fn resuming_opens_on_the_clause_and_finding_selected_at_quit() {
    let (_dir, store) = store_with_session();
    let file = store.dir().join("acme-msa.json");
    assert!(!std::fs::read_to_string(&file).unwrap().contains("\"place\""), "nothing kept until there is a place");
    {
        let (ws, _) = open(&store, None);
        let mut app = App::new(ws, Theme::colour(), Size::new(100, 30));
        assert_eq!((app.clauses().selected, app.clauses().finding), (0, 0), "a session without a place opens at the top");
        press(&mut app, "] ] ] q");
        assert!(app.quit);
    }
    let (ws, _) = open(&store, None);
    let ownership = clause(&ws, "2");
    let app = App::new(ws, Theme::colour(), Size::new(100, 30));
    assert_eq!(app.entry(), Some(Entry::Clause(ownership)));
    assert_eq!(app.clauses().finding, 2, "the third finding of §2, as left");
    assert!(std::fs::read_to_string(&file).unwrap().contains("\"place\""));
}

/// The agency's party chosen in the workspace reads the draft from that side at once, is saved
/// in the session, and the next opening reads it so too; a name the draft never uses is refused.
/// (The embedded library: its reader of provisions is what tells who gives what to whom.)
#[test]
fn the_agency_party_chosen_is_read_from_and_kept() {
    static EMBEDDED: std::sync::LazyLock<ClauseLibrary> = std::sync::LazyLock::new(ClauseLibrary::embedded);
    let (_dir, store) = store_with_session();
    let open = || {
        Workspace::open(Review::new(&EMBEDDED, None), Box::new(store.open("acme-msa").unwrap()), None, Deal::default(), clock).unwrap().0
    };
    let keys = |ws: &Workspace<'_>| ws.analysis().findings.iter().map(clauseguard::analysis::Finding::key).collect::<Vec<_>>();
    let as_client = {
        let mut ws = open();
        assert_eq!(ws.parties().agency.as_deref(), Some("Agency"));
        assert!(!ws.agency_party_chosen());
        assert_eq!(ws.party_candidates(), ["Agency", "Client"]);
        let as_agency = keys(&ws);
        assert!(matches!(ws.set_agency_party("Northwind"), Err(WorkspaceError::UnknownParty(_))));
        assert_eq!(ws.set_agency_party("Client").unwrap(), Saved::At(NOW.into()));
        assert_eq!(ws.parties().agency.as_deref(), Some("Client"));
        assert!(ws.agency_party_chosen());
        assert_ne!(keys(&ws), as_agency, "read again from the other side");
        assert_eq!(ws.set_agency_name("  Bright Labs LLC "), Saved::At(NOW.into()));
        keys(&ws)
    };
    let session = store.load("acme-msa").unwrap();
    assert_eq!((session.agency_party.as_deref(), session.agency.as_deref()), (Some("Client"), Some("Bright Labs LLC")));
    let ws = open();
    assert_eq!(ws.parties().agency.as_deref(), Some("Client"), "resumed with the party chosen");
    assert_eq!(keys(&ws), as_client);
}

/// How a round's text was obtained (a .docx's tracked changes read as accepted) is kept with the
/// round, so resuming the session still says so.
#[test]
fn a_rounds_ingest_notes_come_back_on_resume() {
    let (_dir, store) = store_with_session();
    let note = "tracked changes in the draft were read as accepted (1 insertion, 1 deletion)";
    {
        let mut doc = draft_document(&DRAFT.replace("thirty days", "sixty days"));
        doc.notes = vec![note.to_owned()];
        let handle = store.open("acme-msa").unwrap();
        let (ws, _) = Workspace::open(Review::new(&LIBRARY, None), Box::new(handle), Some(doc), Deal::default(), clock).unwrap();
        assert_eq!((ws.round(), ws.document_notes()), (2, [note.to_owned()].as_slice()));
    }
    let (ws, _) = open(&store, None);
    assert_eq!((ws.round(), ws.document_notes()), (2, [note.to_owned()].as_slice()));
}

/// On a call the agency reads the library's words as the draft would say them: the draft's
/// party names, not the library's "Agency" and "Client".
#[test]
fn the_standard_language_shown_takes_the_drafts_party_names() {
    let (_dir, store) = store_with_session();
    let draft = "Services Agreement between Harbor Labs, Inc. (\"Customer\") and Pine Street LLC (\"Provider\").\n\n\
                 1. Ownership. Provider hereby assigns to Customer all work product created during the engagement.\n";
    let (ws, _) = open(&store, Some(draft));
    let missing = ws.entries().iter().copied().find(|e| matches!(e, Entry::Missing(_))).expect("a missing protection");
    let shown = ws.in_drafts_words(&ws.standard_for(missing).expect("its standard clause").standard_text);
    assert!(shown.contains("Provider") && !shown.contains("Agency"), "{shown}");
    assert!(!regex::Regex::new(r"\bClient\b").unwrap().is_match(&shown), "{shown}");
}
