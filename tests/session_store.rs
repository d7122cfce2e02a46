//! The session store on a real file system: round trips, atomic writes, permissions, locking,
//! conflicts, and files it must refuse without touching.

use std::fs;
use std::path::Path;

use clauseguard::session::{Decision, DecisionState, Fee, Round, SCHEMA, Session, SessionError, SessionStore, validate_name};

const DRAFT: &str = "1. Services. Agency provides the Services.\n\n2. Ownership. All work product belongs to Client.\n";

fn store() -> (tempfile::TempDir, SessionStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::new(dir.path().join("sessions"));
    (dir, store)
}

fn new_session(name: &str) -> Session {
    Session::new(name, Round::new(1, "draft-v1.txt", DRAFT))
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn saved_session_loads_equal() {
    let (_tmp, store) = store();
    let mut open = store.create(new_session("acme")).unwrap();
    let s = open.session_mut();
    s.client = Some("Acme Corp".into());
    s.fee = Some(Fee { amount: 120_000.5, currency: "EUR".into() });
    s.add_round("draft-v2.txt", "1. Services.\n\n2. Ownership. Deliverables belong to Client upon full payment.\n");
    s.add_note("client counsel wants a call back on §2", None);
    open.save().unwrap();
    let loaded = store.load("acme").unwrap();
    assert_eq!(&loaded, open.session());
    assert_eq!(loaded.revision, 1);
    assert_eq!(loaded.latest_round().number, 2);
    assert_eq!(loaded.round(1).unwrap().text, DRAFT);
    assert_eq!(loaded.schema, SCHEMA);
    let summaries = store.list().unwrap();
    assert_eq!(summaries.len(), 1);
    assert_eq!((summaries[0].name.as_str(), summaries[0].client.as_deref(), summaries[0].rounds), ("acme", Some("Acme Corp"), 2));
}

#[test]
fn saves_leave_only_the_session_and_its_lock() {
    let (_tmp, store) = store();
    let mut open = store.create(new_session("acme")).unwrap();
    for i in 0..5 {
        open.session_mut().add_note(&format!("note {i}"), None);
        open.save().unwrap();
    }
    assert_eq!(files_in(store.dir()), ["acme.json", "acme.lock"]);
    assert_eq!(store.load("acme").unwrap().revision, 5);
}

#[cfg(unix)]
#[test]
fn files_are_private_to_their_owner() {
    use std::os::unix::fs::PermissionsExt;
    let (_tmp, store) = store();
    let mut open = store.create(new_session("acme")).unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(open.path()), 0o600);
    assert_eq!(mode(&store.dir().join("acme.lock")), 0o600);
    assert_eq!(mode(store.dir()), 0o700);
    // Even a file someone opened up is private again after a save.
    fs::set_permissions(open.path(), fs::Permissions::from_mode(0o644)).unwrap();
    open.save().unwrap();
    assert_eq!(mode(open.path()), 0o600);
}

#[test]
fn a_second_handle_is_read_only_until_the_first_closes() {
    let (_tmp, store) = store();
    let first = store.create(new_session("acme")).unwrap();
    assert!(!first.read_only());
    let mut second = store.open("acme").unwrap();
    assert!(second.read_only());
    second.session_mut().add_note("typed in the second window", None);
    let err = second.save().unwrap_err();
    assert!(matches!(err, SessionError::ReadOnly { .. }), "{err}");
    assert!(err.to_string().contains("open in another clauseguard; read-only"), "{err}");
    assert!(err.to_string().contains("acme.json"), "{err}");
    assert!(!second.retry_lock().unwrap());
    drop(first);
    assert!(second.retry_lock().unwrap());
    second.save().unwrap();
    assert_eq!(store.load("acme").unwrap().notes.len(), 1);
}

#[test]
fn a_save_over_someone_elses_write_is_refused() {
    let (_tmp, store) = store();
    let mut first = store.create(new_session("acme")).unwrap();
    // Another program (a sync tool, an editor) writes a newer revision behind our back.
    let mut theirs = store.load("acme").unwrap();
    theirs.revision = 7;
    theirs.client = Some("written elsewhere".into());
    fs::write(first.path(), serde_json::to_vec_pretty(&theirs).unwrap()).unwrap();
    let before = fs::read(first.path()).unwrap();
    first.session_mut().add_note("mine", None);
    let err = first.save().unwrap_err();
    assert!(matches!(err, SessionError::Conflict { disk_revision: Some(7), base: 0, .. }), "{err}");
    assert!(err.to_string().contains("not overwritten"), "{err}");
    assert_eq!(fs::read(first.path()).unwrap(), before);
    // Nothing typed is lost: the session in memory is intact and can go under another name.
    let mine = Session { name: "acme-mine".into(), ..first.session().clone() };
    assert_eq!(mine.notes.len(), 1);
    assert_eq!(mine.revision, 0);
    store.create(mine).unwrap();
}

#[test]
fn two_writers_without_the_lock_do_not_overwrite_each_other() {
    let (_tmp, store) = store();
    let mut first = store.create(new_session("acme")).unwrap();
    // Someone deletes the lock file while the session is open: a second clauseguard then
    // gets a lock of its own, and only the revision check stands between the two.
    fs::remove_file(store.dir().join("acme.lock")).unwrap();
    let mut second = store.open("acme").unwrap();
    assert!(!second.read_only());
    second.session_mut().add_note("second", None);
    second.save().unwrap();
    first.session_mut().add_note("first", None);
    let err = first.save().unwrap_err();
    assert!(matches!(err, SessionError::Conflict { disk_revision: Some(1), base: 0, .. }), "{err}");
    assert_eq!(store.load("acme").unwrap().notes[0].text, "second");
}

#[test]
fn create_refuses_an_existing_name() {
    let (_tmp, store) = store();
    drop(store.create(new_session("acme")).unwrap());
    let before = fs::read(store.path("acme")).unwrap();
    let err = store.create(new_session("acme")).unwrap_err();
    assert!(matches!(err, SessionError::AlreadyExists { .. }), "{err}");
    assert_eq!(fs::read(store.path("acme")).unwrap(), before);
}

#[test]
fn unknown_names_list_what_exists() {
    let (_tmp, store) = store();
    let err = store.load("acme").unwrap_err();
    assert!(err.to_string().contains("there are no sessions there yet"), "{err}");
    drop(store.create(new_session("globex")).unwrap());
    drop(store.create(new_session("initech")).unwrap());
    let err = store.open("acme").unwrap_err();
    assert!(matches!(err, SessionError::NotFound { .. }), "{err}");
    assert!(err.to_string().contains("existing sessions: globex, initech"), "{err}");
    assert!(!store.exists("acme") && store.exists("globex"));
}

/// Writes `bytes` as session `name`, then checks every way in fails with `expect` in the
/// message and leaves the bytes as they were.
fn refused_untouched(name: &str, bytes: &[u8], expect: &str) {
    let (_tmp, store) = store();
    fs::create_dir_all(store.dir()).unwrap();
    fs::write(store.path(name), bytes).unwrap();
    let load = store.load(name).unwrap_err().to_string();
    assert!(load.contains(expect) && load.contains(&format!("{name}.json")), "{load}");
    let open = store.open(name).unwrap_err().to_string();
    assert!(open.contains(expect), "{open}");
    assert!(matches!(store.create(new_session(name)), Err(SessionError::AlreadyExists { .. })));
    let listed = store.list().unwrap();
    assert!(listed[0].problem.as_deref().is_some_and(|p| p.contains(expect)), "{listed:?}");
    assert_eq!(fs::read(store.path(name)).unwrap(), bytes);
}

#[test]
fn corrupt_truncated_and_newer_files_are_refused_untouched() {
    let good = serde_json::to_vec_pretty(&new_session("acme")).unwrap();
    let truncated = good[..good.len() / 2].to_vec();
    refused_untouched("acme", &truncated, "corrupt session file at line");
    refused_untouched("acme", b"{\n  \"schema\": \"clauseguard.session/1\",\n  \"name\": 5\n}", "line 3, column");
    let newer = String::from_utf8(good.clone()).unwrap().replace(SCHEMA, "clauseguard.session/2");
    refused_untouched(
        "acme",
        newer.as_bytes(),
        "written by a newer clauseguard: schema clauseguard.session/2; this version reads clauseguard.session/1",
    );
    refused_untouched("acme", b"{\"hello\": 1}", "not a clauseguard session");
    refused_untouched("acme", b"[1, 2]", "not a clauseguard session");
    refused_untouched("acme", b"", "corrupt session file at line 1, column 0: EOF while parsing");
    let mut value: serde_json::Value = serde_json::from_slice(&good).unwrap();
    value["rounds"] = serde_json::json!([]);
    refused_untouched("acme", &serde_json::to_vec(&value).unwrap(), "no rounds");
}

#[test]
fn a_field_error_names_the_field() {
    let mut value = serde_json::to_value(new_session("acme")).unwrap();
    value["rounds"][0]["number"] = serde_json::json!("one");
    let (_tmp, store) = store();
    fs::create_dir_all(store.dir()).unwrap();
    fs::write(store.path("acme"), serde_json::to_vec_pretty(&value).unwrap()).unwrap();
    let err = store.load("acme").unwrap_err().to_string();
    assert!(err.contains("rounds[0].number"), "{err}");
}

#[test]
fn oversized_files_are_refused_unread() {
    let (_tmp, store) = store();
    fs::create_dir_all(store.dir()).unwrap();
    let file = fs::File::create(store.path("huge")).unwrap();
    file.set_len(65 * 1024 * 1024).unwrap();
    let err = store.load("huge").unwrap_err();
    assert!(matches!(err, SessionError::TooLarge { .. }), "{err}");
}

#[test]
fn a_session_too_large_to_load_again_is_not_written() {
    let (_tmp, store) = store();
    let mut open = store.create(new_session("acme")).unwrap();
    let before = fs::read(open.path()).unwrap();
    let huge = Round {
        number: 2,
        file_name: "huge.txt".into(),
        sha256: String::new(),
        received: String::new(),
        text: "x".repeat(64 << 20),
        notes: Vec::new(),
    };
    open.session_mut().rounds.push(huge);
    assert!(matches!(open.save(), Err(SessionError::TooLarge { .. })));
    assert_eq!(fs::read(open.path()).unwrap(), before);
}

#[test]
fn names_are_safe_file_names() {
    for ok in ["acme", "acme-2026_q1", "Acme.Round.2", &"a".repeat(64)] {
        assert!(validate_name(ok).is_ok(), "{ok}");
    }
    for (bad, why) in [
        ("", "empty"),
        (".hidden", "starts with '.'"),
        ("../etc/passwd", "'/' is not allowed"),
        ("a b", "' ' is not allowed"),
        ("acme\u{1b}[31m", "is not allowed"),
        ("café", "'é' is not allowed"),
        ("nul.txt", "reserved"),
        ("trailing.", "ends with '.'"),
        (&"a".repeat(65), "longer than 64"),
    ] {
        let err = validate_name(bad).unwrap_err().to_string();
        assert!(err.contains(why), "{bad:?}: {err}");
    }
    let (_tmp, store) = store();
    assert!(matches!(store.create(new_session("../escape")), Err(SessionError::InvalidName { .. })));
    assert!(matches!(store.open("../escape"), Err(SessionError::InvalidName { .. })));
}

#[test]
fn a_non_finite_fee_is_refused_before_writing() {
    let (_tmp, store) = store();
    let mut open = store.create(new_session("acme")).unwrap();
    let before = fs::read(open.path()).unwrap();
    open.session_mut().fee = Some(Fee { amount: f64::NAN, currency: "USD".into() });
    let err = open.save().unwrap_err();
    assert!(matches!(err, SessionError::Invalid { .. }), "{err}");
    assert_eq!(open.session().revision, 0);
    assert_eq!(fs::read(open.path()).unwrap(), before);
}

#[test]
fn deciding_twice_in_a_round_replaces_and_other_rounds_keep_theirs() {
    let text = "2. Ownership. All work product belongs to Client.\n";
    let clauses = clauseguard::segment::segment(text, text);
    let anchor = clauseguard::session::ClauseAnchor::of(text, &clauses[0]);
    let decision = |round, state| Decision {
        clause: anchor.clone(),
        finding: Some("broad-work-product|r1|all work product".into()),
        state,
        fallback: None,
        counter_language: None,
        library_clause: None,
        round,
        at: clauseguard::session::now(),
    };
    let mut s = new_session("acme");
    s.decide(decision(1, DecisionState::Countered));
    s.decide(decision(1, DecisionState::Accepted));
    assert_eq!(s.decisions.len(), 1);
    assert_eq!(s.decisions[0].state, DecisionState::Accepted);
    // Another finding on the same clause is a separate decision.
    s.decide(Decision { finding: None, ..decision(1, DecisionState::Parked) });
    assert_eq!(s.decisions.len(), 2);
    // A new round keeps the history and the latest round's decision stands.
    s.decide(decision(2, DecisionState::Rejected));
    assert_eq!(s.decisions.len(), 3);
    let stands = s.decision_for(&anchor, Some("broad-work-product|r1|all work product")).unwrap();
    assert_eq!((stands.round, stands.state), (2, DecisionState::Rejected));
    assert_eq!(s.decision_for(&anchor, None).unwrap().state, DecisionState::Parked);
    assert!(s.decision_for(&anchor, Some("no-residuals|r9|")).is_none());
}
