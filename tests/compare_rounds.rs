//! Comparing two rounds of a deal the project wrote: renumbering is not noise, rewording is
//! paired by heading, removed and added clauses are named, and missing protections are tracked.

use std::path::Path;

use clauseguard::analysis::{Analyzer, Options};
use clauseguard::compare::{self, Mode, Relation, Side};
use clauseguard::library::{ClauseLibrary, Concern};

fn load(name: &str) -> clauseguard::ingest::Document {
    clauseguard::ingest::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rounds").join(name)).unwrap()
}

#[test]
fn round_one_against_round_two() {
    let library = ClauseLibrary::embedded();
    let analyzer = Analyzer::new(&library);
    let (d1, d2) = (load("r1.txt"), load("r2.txt"));
    let (a1, a2) = (analyzer.analyze(&d1, &Options::default()), analyzer.analyze(&d2, &Options::default()));
    let side = |label: &str, doc, analysis| Side { label: label.into(), doc, analysis, negotiation: None };
    let c = compare::compare(&side("r1", &d1, &a1), &side("r2", &d2, &a2), &library, Mode::Rounds);

    let label = |refs: &[compare::ClauseRef]| refs.iter().map(|r| r.label.clone()).collect::<Vec<_>>().join("+");
    let find = |old: &str| c.changes.iter().find(|ch| label(&ch.old) == old).unwrap_or_else(|| panic!("no change for {old}: {c:#?}"));
    assert!(!c.changes.iter().any(|ch| label(&ch.old) == "§2 Fees"), "renumbering alone is counted, not listed");
    assert_eq!(c.totals.renumbered, 5, "{:#?}", c.totals);
    let ownership = find("§3 Ownership");
    assert_eq!((label(&ownership.new).as_str(), ownership.relation), ("§4 Ownership", Relation::Changed));
    let rebuilt_old: String = clauseguard::diff::old_text(&ownership.diff);
    assert!(rebuilt_old.contains("All work product created during the engagement"));
    assert!(clauseguard::diff::new_text(&ownership.diff).contains("Schedule A"));
    let term = find("§6 Term");
    assert_eq!(label(&term.new), "§8 Term");
    assert_eq!(c.removed.iter().map(|r| r.clause.label.as_str()).collect::<Vec<_>>(), ["§5 Non-Competition"]);
    assert_eq!(c.added.iter().map(|r| r.clause.label.as_str()).collect::<Vec<_>>(), ["§1 Definitions", "§5 Residuals"]);
    let residuals = c.missing.iter().find(|d| d.concern == Concern::NoResiduals).expect("residuals tracked");
    assert_eq!(residuals.status, compare::Status::Resolved);
    assert_eq!(c.totals.added, 2);
    assert_eq!(c.totals.removed, 1);

    // The same report, as JSON, carries its schema.
    let json: serde_json::Value = serde_json::to_value(&c).unwrap();
    assert_eq!(json["schema"], "clauseguard.compare/1");
}

#[test]
fn cli_compares_files_and_names_unknown_sides() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rounds");
    let sessions = tempfile::tempdir().unwrap();
    let run = |a: &str, b: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_clauseguard"))
            .args(["compare", a, b, "--sessions-dir", sessions.path().to_str().unwrap()])
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    let out = run(dir.join("r1.txt").to_str().unwrap(), dir.join("r2.txt").to_str().unwrap());
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("§3 Ownership -> §4 Ownership"), "{text}");
    let out = run("no-such-deal", dir.join("r2.txt").to_str().unwrap());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-deal: no such draft file or saved session"));
}

/// Round 2 where the client took the agency's "upon payment" in a sentence of its own, sharing
/// few words with the standard text: the wording reads farther from the standard, yet findings
/// are resolved and none added. The direction must agree with the findings it is shown beside.
#[test]
fn a_change_that_only_resolves_findings_is_toward_the_standard() {
    let library = ClauseLibrary::embedded();
    let analyzer = Analyzer::new(&library);
    let r1 = "MASTER SERVICES AGREEMENT\n\n3. Ownership. Provider hereby assigns to Client all right, title and interest in and to the Work Product upon creation.\n";
    let r2 = "MASTER SERVICES AGREEMENT\n\n3. Ownership. The Work Product becomes Client's property upon payment.\n";
    let (d1, d2) = (
        clauseguard::ingest::from_text("r1.txt", clauseguard::ingest::Format::Txt, r1),
        clauseguard::ingest::from_text("r2.txt", clauseguard::ingest::Format::Txt, r2),
    );
    let (a1, a2) = (analyzer.analyze(&d1, &Options::default()), analyzer.analyze(&d2, &Options::default()));
    let side = |label: &str, doc, analysis| Side { label: label.into(), doc, analysis, negotiation: None };
    let c = compare::compare(&side("r1", &d1, &a1), &side("r2", &d2, &a2), &library, Mode::Rounds);
    let ownership = c.changes.iter().find(|ch| ch.old.iter().any(|r| r.label == "§3 Ownership")).unwrap_or_else(|| panic!("{c:#?}"));
    let statuses: Vec<compare::Status> = ownership.findings.iter().map(|d| d.status).collect();
    assert!(statuses.contains(&compare::Status::Resolved), "{statuses:?}");
    assert!(!statuses.iter().any(|s| matches!(s, compare::Status::New | compare::Status::SeverityUp)), "{statuses:?}");
    let standard = ownership.standard.as_ref().expect("the ownership clause matches a standard clause");
    assert!(standard.new_similarity < standard.old_similarity - 0.02, "the wording alone reads farther from the standard: {standard:?}");
    assert_eq!(standard.direction, compare::Direction::Toward, "{standard:?}");
    assert_eq!((c.totals.toward_standard, c.totals.away_from_standard), (1, 0));
    let text = compare::text(&c, clauseguard::report::Paint::plain());
    assert!(text.contains("toward the standard: findings resolved or milder, none new or worse"), "{text}");
}

/// The sample session's round 1 against its round 2: a decision on a clause the comparison
/// pairs with a renumbered clause is named by that clause, not reported absent; the same
/// when round 2 is compared with another deal.
#[test]
fn a_decision_on_a_paired_clause_is_not_reported_absent() {
    let sessions = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_clauseguard"))
        .args(["compare", "meridian-ai-services:1", "meridian-ai-services:2", "--format", "json", "--sessions-dir"])
        .arg(&sessions)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let c: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let paired: Vec<&str> =
        c["changes"].as_array().unwrap().iter().flat_map(|ch| ch["old"].as_array().unwrap()).filter_map(|r| r["label"].as_str()).collect();
    assert!(paired.contains(&"§4.1 Ownership"), "{paired:?}");
    let decisions: Vec<&str> = c["new"]["negotiation"]["decisions"].as_array().unwrap().iter().filter_map(|d| d.as_str()).collect();
    for d in &decisions {
        assert!(!paired.iter().any(|label| d.contains(&format!("{label} (not in this round)"))), "{d} while the comparison pairs it");
    }
    assert!(decisions.iter().any(|d| d.contains("§5.1 Ownership [assignment-before-payment]")), "{decisions:?}");

    // Against another deal, round 2's decisions from round 1 land where round 1's clauses went.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_clauseguard"))
        .args(["compare", "harborline-platform", "meridian-ai-services", "--format", "json", "--sessions-dir"])
        .arg(&sessions)
        .output()
        .unwrap();
    let c: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(c["mode"], "deals");
    let decisions: Vec<&str> = c["new"]["negotiation"]["decisions"].as_array().unwrap().iter().filter_map(|d| d.as_str()).collect();
    assert!(decisions.iter().any(|d| d.contains("§5.1 Ownership [assignment-before-payment]")), "{decisions:?}");
    assert!(!decisions.iter().any(|d| d.contains("§4.1 Ownership (not in this round)")), "{decisions:?}");
}

/// A clause whose wording did not change but whose findings all went (the definition it
/// relies on was narrowed) moved toward the agency, and says so; and across the sample
/// session's two rounds no change's direction disagrees with findings that all moved one way.
#[test]
fn every_change_moves_the_way_its_findings_do() {
    let library = ClauseLibrary::embedded();
    let analyzer = Analyzer::new(&library);
    let session = clauseguard::session::SessionStore::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions"))
        .load("meridian-ai-services")
        .unwrap();
    let (d1, d2) = (session.round(1).unwrap().document(), session.round(2).unwrap().document());
    let (a1, a2) = (analyzer.analyze(&d1, &Options::default()), analyzer.analyze(&d2, &Options::default()));
    let side = |label: &str, doc, analysis| Side { label: label.into(), doc, analysis, negotiation: None };
    let c = compare::compare(&side("r1", &d1, &a1), &side("r2", &d2, &a2), &library, Mode::Rounds);
    let hire = c.changes.iter().find(|ch| ch.old.iter().any(|r| r.label == "§4.2 Work Made for Hire")).expect("§4.2 is listed");
    assert_eq!(hire.relation, Relation::Unchanged, "renumbered only; its findings went with the narrowed definition");
    assert_eq!(hire.direction(), Some(compare::Direction::Toward), "{hire:#?}");
    for ch in &c.changes {
        let better = ch.findings.iter().any(|d| matches!(d.status, compare::Status::Resolved | compare::Status::SeverityDown));
        let worse = ch.findings.iter().any(|d| matches!(d.status, compare::Status::New | compare::Status::SeverityUp));
        match (better, worse) {
            (true, false) => assert_eq!(ch.direction(), Some(compare::Direction::Toward), "{ch:#?}"),
            (false, true) => assert_eq!(ch.direction(), Some(compare::Direction::Away), "{ch:#?}"),
            _ => {}
        }
    }
}

/// `compare SESSION:1 SESSION:2` reads both rounds from the side the workspace chose for the
/// agency (kept in the session), as `--agency-party` would.
#[test]
fn a_sessions_rounds_are_compared_from_the_agency_party_it_keeps() {
    use clauseguard::session::{Round, Session, SessionStore};
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::new(dir.path().to_owned());
    for (name, party) in [("chosen", Some("Client")), ("detected", None)] {
        let mut session = Session::new(name, Round::new(1, "msa.md", clauseguard::demo::DRAFT_R1));
        session.add_round("msa-v2.md", include_str!("../assets/demo/client-draft-r2.md"));
        session.agency_party = party.map(str::to_owned);
        drop(store.create(session).unwrap());
    }
    let compare = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_clauseguard"))
            .args(["compare", "--format", "json"])
            .args(args)
            .env("CLAUSEGUARD_SESSIONS_DIR", dir.path())
            .env_remove("CLAUSEGUARD_LIBRARY")
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json["totals"].to_string()
    };
    let chosen = compare(&["chosen:1", "chosen:2"]);
    assert_ne!(chosen, compare(&["detected:1", "detected:2"]), "read from the client's side, other concerns come and go");
    assert_eq!(chosen, compare(&["detected:1", "detected:2", "--agency-party", "Client"]));
}
