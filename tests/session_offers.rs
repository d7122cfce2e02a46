//! Every fee uplift offered is kept (made, answered, in the currency it was made in), an older
//! file's single offer loads as a history of one, and the history reaches the fee window,
//! `session show`, compare's report and the redline brief.

#[path = "tui_support/fixture.rs"]
mod fixture;

use std::process::Command;

use clauseguard::review::{Deal, Review};
use clauseguard::session::{OfferAnswer, SessionStore};
use clauseguard::workspace::{MemorySession, Workspace};
use fixture::*;

fn store() -> (tempfile::TempDir, SessionStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::new(dir.path().to_owned());
    drop(store.create(session("acme-msa")).unwrap());
    (dir, store)
}

fn open(store: &SessionStore, draft: Option<&str>) -> Workspace<'static> {
    let handle = store.open("acme-msa").unwrap();
    Workspace::open(Review::new(&LIBRARY, None), Box::new(handle), draft.map(draft_document), Deal::default(), clock).unwrap().0
}

/// Offers 30% (declined), then 25% (accepted), then changes the fee to pounds.
fn negotiate(ws: &mut Workspace<'_>) {
    ws.set_fee("$120,000").unwrap();
    ws.offer_fee(30.0).unwrap();
    ws.answer_offer(false).unwrap();
    ws.offer_fee(25.0).unwrap();
    ws.answer_offer(true).unwrap();
    ws.set_fee("£90,000").unwrap();
}

#[test]
fn every_offer_is_kept_in_the_currency_it_was_made_in() {
    let (_dir, store) = store();
    negotiate(&mut open(&store, None));
    let on_disk = store.load("acme-msa").unwrap();
    let offers: Vec<_> = on_disk.offers.iter().map(|o| (o.percent, o.amount, o.currency.as_str(), o.answer, o.round)).collect();
    assert_eq!(offers, [(30.0, 36_000.0, "USD", OfferAnswer::Declined, 1), (25.0, 30_000.0, "USD", OfferAnswer::Accepted, 1)]);
    assert!(on_disk.offers.iter().all(|o| o.answered.as_deref() == Some(NOW)));
    assert_eq!(on_disk.offers[1].describe(), "25% = $30,000 (accepted)");
}

#[test]
fn an_older_file_with_one_offer_loads_as_a_history_of_one() {
    let (_dir, store) = store();
    let path = store.path("acme-msa");
    let mut json: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let file = json.as_object_mut().unwrap();
    file.remove("offers");
    file.insert("fee".into(), serde_json::json!({"amount": 120_000.0, "currency": "EUR"}));
    file.insert(
        "fee_offer".into(),
        serde_json::json!({"percent": 30.0, "amount": 36_000.0, "accepted": false, "at": "2026-03-05T09:00:00Z"}),
    );
    std::fs::write(&path, serde_json::to_vec(&json).unwrap()).unwrap();
    let session = store.load("acme-msa").unwrap();
    assert_eq!(session.offers.len(), 1);
    let offer = &session.offers[0];
    assert_eq!((offer.currency.as_str(), offer.answer, offer.round), ("EUR", OfferAnswer::Declined, 1));
    assert_eq!(offer.answered.as_deref(), Some("2026-03-05T09:00:00Z"));
    // And `"fee_offer": null` (no offer yet) is an empty history.
    json.as_object_mut().unwrap().insert("fee_offer".into(), serde_json::Value::Null);
    std::fs::write(&path, serde_json::to_vec(&json).unwrap()).unwrap();
    assert!(store.load("acme-msa").unwrap().offers.is_empty());
    // Saved again, it is written as the history.
    let mut open = store.open("acme-msa").unwrap();
    open.save().unwrap();
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains("\"offers\": []") && !written.contains("fee_offer"), "{written}");
}

#[test]
fn the_fee_window_lists_the_offers_made() {
    let mut app = app_with(MemorySession::new(session("acme-msa")), clauseguard::tui::Theme::monochrome(), 100, 30);
    negotiate(&mut app.ws);
    press(&mut app, "$");
    let text = screen(&app);
    assert!(text.contains("Before   30% = $36,000") && text.contains("declined"), "{text}");
    assert!(text.contains("Offered  25% = $30,000") && text.contains("accepted"), "{text}");
    assert!(text.contains("Project fee  £90,000"), "{text}");
}

fn binary(store: &SessionStore, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_clauseguard")).args(args).arg("--sessions-dir").arg(store.dir()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn session_show_and_compare_carry_the_history() {
    let (_dir, store) = store();
    negotiate(&mut open(&store, None));
    let revised = DRAFT.replace("All work product", "All deliverables described in Schedule A");
    let mut ws = open(&store, Some(&revised));
    ws.offer_fee(20.0).unwrap();
    drop(ws);
    let show = binary(&store, &["session", "show", "acme-msa"]);
    assert!(show.contains("round 1  +30% = $36,000 (declined)"), "{show}");
    assert!(show.contains("round 1  +25% = $30,000 (accepted)"), "{show}");
    assert!(show.contains("round 2  +20% = £18,000 (not answered yet)"), "{show}");
    let compare = binary(&store, &["compare", "acme-msa:1", "acme-msa:2"]);
    let (old, new) = compare.split_once("second: session").unwrap();
    assert!(old.contains("uplift offered in round 1: 30% = $36,000 (declined)"), "{compare}");
    assert!(!old.contains("in round 2"), "round 1's side lists only round 1's offers: {compare}");
    assert!(new.contains("uplift offered in round 1: 25% = $30,000 (accepted)"), "{compare}");
    assert!(new.contains("uplift offered in round 2: 20% = £18,000 (not answered yet)"), "{compare}");
}
