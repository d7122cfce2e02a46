//! The sample sessions in `sessions/` load, and the README's compare commands work on them.

use std::process::Command;

use clauseguard::session::SessionStore;

fn sessions_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions")
}

#[test]
fn sample_sessions_load() {
    let store = SessionStore::new(sessions_dir());
    let meridian = store.load("meridian-ai-services").unwrap();
    assert_eq!(meridian.rounds.len(), 2);
    assert!(!meridian.decisions.is_empty() && meridian.fee.is_some() && meridian.offers.len() == 1);
    let harborline = store.load("harborline-platform").unwrap();
    assert_eq!(harborline.engagement, clauseguard::session::Engagement::Productized);
}

#[test]
fn readme_compare_commands() {
    // Read-only: the compare command never writes to the sessions it reads.
    let before: Vec<Vec<u8>> = ["meridian-ai-services", "harborline-platform"]
        .iter()
        .map(|n| std::fs::read(sessions_dir().join(format!("{n}.json"))).unwrap())
        .collect();
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_clauseguard"))
            .args(args)
            .arg("--sessions-dir")
            .arg(sessions_dir())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let rounds = run(&["compare", "meridian-ai-services:1", "meridian-ai-services:2"]);
    assert!(rounds.contains("§4.1 Ownership -> §5.1 Ownership"), "{rounds}");
    assert!(rounds.contains("toward the standard"), "{rounds}");
    assert!(rounds.contains("decision: round 1"), "negotiation facts shown: {rounds}");
    let deals = run(&["compare", "meridian-ai-services", "harborline-platform"]);
    assert!(deals.contains("two deals, aligned by library clause"), "{deals}");
    assert!(deals.contains("uplift offered"), "{deals}");
    // Two deals are not two rounds: a risk is in one deal or the other, not resolved or new.
    assert!(deals.contains("only first ") && deals.contains("only second "), "{deals}");
    assert!(!deals.lines().any(|l| l.trim_start().starts_with("resolved") || l.trim_start().starts_with("new ")), "{deals}");
    let deals_md = run(&["compare", "meridian-ai-services", "harborline-platform", "--format", "markdown"]);
    assert!(deals_md.contains("Findings only in the first"), "{deals_md}");
    let json = run(&["compare", "meridian-ai-services:1", "meridian-ai-services:2", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["schema"], "clauseguard.compare/1");
    assert!(v["totals"]["resolved"].as_u64().unwrap() > 5);
    // What decided each direction. §4.1's wording moved toward the standard. §4.6 was split in
    // two, its wording about as close to the standard as before; its findings decide: round 1
    // gives the client models together with the Provider's tools (a model-ownership finding),
    // round 2 puts the tools and the model outputs in separate clauses, and nothing got worse.
    let standard = |old: &str| {
        let changes = v["changes"].as_array().unwrap();
        let change = changes.iter().find(|c| c["old"][0]["label"].as_str().is_some_and(|l| l.starts_with(old)));
        let s = &change.unwrap_or_else(|| panic!("no change for {old}"))["standard"];
        (s["direction"].as_str().unwrap().to_owned(), s["judged_by"].as_str().unwrap().to_owned())
    };
    assert_eq!(standard("§4.1 "), ("toward".to_owned(), "wording".to_owned()));
    assert_eq!(standard("§4.6 "), ("toward".to_owned(), "findings".to_owned()));
    let after: Vec<Vec<u8>> = ["meridian-ai-services", "harborline-platform"]
        .iter()
        .map(|n| std::fs::read(sessions_dir().join(format!("{n}.json"))).unwrap())
        .collect();
    assert_eq!(before, after);
}
