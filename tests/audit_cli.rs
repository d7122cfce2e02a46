//! `clauseguard audit` over a folder of signed contracts and saved sessions: what each assigned
//! or kept, where the registry's items are listed, the concessions and fees, the totals; bad
//! files listed as errors; `--since`; output formats and files; the real corpus.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use clauseguard::library::FallbackKind;
use clauseguard::session::{ClauseAnchor, Decision, DecisionState, Engagement, Fee, FeeOffer, OfferAnswer, Round, Session};
use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/registry");

fn audit(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clauseguard"))
        .arg("audit")
        .args(args)
        .args(["--library", &format!("{FIXTURES}/library"), "--registry", &format!("{FIXTURES}/registry.json")])
        .env("NO_COLOR", "1")
        .env("RUST_LIB_BACKTRACE", "0")
        .output()
        .expect("run clauseguard")
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stderr)))
}

fn decision(clause: &str, finding: &str, state: DecisionState, fallback: Option<FallbackKind>, round: u32) -> Decision {
    Decision {
        clause: ClauseAnchor { number: Some(clause.into()), heading: Some("Ownership".into()), fingerprint: format!("clause {clause}") },
        finding: Some(finding.into()),
        state,
        fallback,
        counter_language: fallback.map(|_| "Agency retains a perpetual licence to its general methodologies.".to_owned()),
        library_clause: None,
        round,
        at: "2026-03-01T10:00:00Z".into(),
    }
}

/// A session on the claims draft: time and materials, fee $120,000, a 30% uplift accepted; on
/// clause 2 the agency accepted in round 1 then countered in round 2; on clause 3 it accepted.
fn session(received: &str) -> String {
    let draft = std::fs::read_to_string(Path::new(FIXTURES).join("draft-claims.txt")).unwrap();
    let mut s = Session::new("northwind-msa", Round::new(1, "northwind-r1.txt", &draft));
    s.add_round("northwind-r2.txt", &draft);
    for r in &mut s.rounds {
        received.clone_into(&mut r.received);
    }
    s.client = Some("Northwind Health".into());
    s.engagement = Engagement::TimeAndMaterials;
    s.fee = Some(Fee { amount: 120_000.0, currency: "USD".into() });
    s.offers.push(FeeOffer {
        percent: 30.0,
        amount: 36_000.0,
        currency: "USD".into(),
        round: 2,
        answer: OfferAnswer::Accepted,
        at: "2026-03-02T09:00:00Z".into(),
        answered: Some("2026-03-02T09:10:00Z".into()),
    });
    s.decide(decision("2", "broad-work-product|ip-assignment/all-work-product|all work product", DecisionState::Accepted, None, 1));
    s.decide(decision(
        "2",
        "broad-work-product|ip-assignment/all-work-product|all work product",
        DecisionState::Countered,
        Some(FallbackKind::LicenseBack),
        2,
    ));
    s.decide(decision("3", "pre-existing-ip|registry/named-item|background technology", DecisionState::Accepted, None, 2));
    s.decide(decision("4", "client-data|x|y", DecisionState::Open, None, 2));
    serde_json::to_string_pretty(&s).unwrap()
}

/// A folder of a year's deals, good and bad.
fn deals() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("deals");
    for sub in ["2026/q1", "2026/q2", "sessions", ".git"] {
        std::fs::create_dir_all(root.join(sub)).unwrap();
    }
    std::fs::copy(Path::new(FIXTURES).join("draft-claims.txt"), root.join("2026/q1/northwind-signed.txt")).unwrap();
    std::fs::copy(Path::new(FIXTURES).join("draft-carved.md"), root.join("2026/q2/acme-signed.md")).unwrap();
    std::fs::write(root.join("2026/q2/garbled.txt"), b"\x00\x01\x02binary").unwrap();
    std::fs::write(root.join("2026/q2/scan.pdf"), b"%PDF-1.7").unwrap();
    std::fs::write(root.join("README.md"), "# Deals\nHow we file contracts.\n").unwrap();
    std::fs::write(root.join(".git/HEAD.txt"), "ref: refs/heads/main").unwrap();
    std::fs::write(root.join("sessions/northwind-msa.json"), session("2026-03-01T10:00:00Z")).unwrap();
    std::fs::write(root.join("sessions/settings.json"), "{\"theme\": \"dark\"}").unwrap();
    std::fs::write(root.join("sessions/future.json"), "{\"schema\": \"clauseguard.session/9\"}").unwrap();
    (dir, root)
}

fn ends_with(list: &Value, suffix: &str) -> bool {
    list.as_array().unwrap().iter().any(|p| p["path"].as_str().or(p.as_str()).unwrap().ends_with(suffix))
}

#[test]
fn a_year_of_deals() {
    let (_dir, root) = deals();
    let o = audit(&[root.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stderr.is_empty(), "no progress bar when stderr is not a terminal: {}", String::from_utf8_lossy(&o.stderr));
    let r = json(&o);
    assert_eq!(r["schema"], "clauseguard.audit/1");

    let contracts = r["contracts"].as_array().unwrap();
    assert_eq!(contracts.len(), 2);
    let northwind = contracts.iter().find(|c| c["path"].as_str().unwrap().ends_with("northwind-signed.txt")).unwrap();
    let concerns: Vec<&str> = northwind["assigned"].as_array().unwrap().iter().map(|a| a["concern"].as_str().unwrap()).collect();
    assert!(concerns.contains(&"broad-work-product") && concerns.contains(&"pre-existing-ip"), "{concerns:?}");
    assert_eq!(northwind["claims_pre_existing"], true);
    let acme = contracts.iter().find(|c| c["path"].as_str().unwrap().ends_with("acme-signed.md")).unwrap();
    assert_eq!(acme["assigned"].as_array().unwrap().len(), 0, "{acme}");
    assert_eq!(acme["registry"][0]["exhibits"][0], "Exhibit A: Agency Pre-Existing IP");
    assert_eq!(acme["registry"][0]["kept"], true);

    let session = &r["sessions"][0];
    assert_eq!(
        (session["name"].as_str(), session["engagement"].as_str(), session["rounds"].as_u64()),
        (Some("northwind-msa"), Some("time-and-materials"), Some(2))
    );
    assert!(
        session["missing"].as_array().unwrap().iter().any(|m| m["library_clause"] == "engagement-time-materials"),
        "the session's model applies"
    );
    let decisions: Vec<(&str, &str)> =
        session["decisions"].as_array().unwrap().iter().map(|d| (d["clause"].as_str().unwrap(), d["state"].as_str().unwrap())).collect();
    assert_eq!(
        decisions,
        [("§2 Ownership", "countered"), ("§3 Ownership", "accepted")],
        "the later round's decision stands; open ones decide nothing"
    );
    assert_eq!(session["decisions"][0]["fallback"], "license-back");
    assert_eq!(session["concessions"], 2);
    assert_eq!(session["fee_offer"]["amount"], 36_000.0);

    assert!(
        ends_with(&r["errors"], "garbled.txt") && ends_with(&r["errors"], "scan.pdf") && ends_with(&r["errors"], "future.json"),
        "{}",
        r["errors"]
    );
    assert!(ends_with(&r["skipped"], "README.md") && ends_with(&r["skipped"], "settings.json"), "{}", r["skipped"]);
    assert!(!r.to_string().contains("HEAD.txt"), "hidden folders are not entered");

    let t = &r["totals"];
    assert_eq!((t["read"].as_u64(), t["contracts"].as_u64(), t["sessions"].as_u64()), (Some(3), Some(2), Some(1)));
    assert_eq!((t["errors"].as_u64(), t["skipped"].as_u64()), (Some(3), Some(2)));
    assert_eq!(t["gave_away_ip"], 2);
    assert_eq!(t["decisions"]["accepted"], 1);
    assert_eq!(
        t["fees"][0],
        serde_json::json!({"currency": "USD", "offers": 1, "accepted": 1, "offered_amount": 36000.0, "accepted_amount": 36000.0})
    );

    let evalkit = r["items"].as_array().unwrap().iter().find(|i| i["id"] == "evalkit").unwrap();
    assert_eq!(evalkit["named_in"].as_array().unwrap().len(), 3, "both contracts and the session");
    assert!(evalkit["exhibits"][0].as_str().unwrap().ends_with("acme-signed.md: Exhibit A: Agency Pre-Existing IP"));
    let promptbook = r["items"].as_array().unwrap().iter().find(|i| i["id"] == "promptbook").unwrap();
    assert_eq!(promptbook["named_in"].as_array().unwrap().len(), 0);
    assert_eq!(promptbook["at_risk_in"].as_array().unwrap().len(), 2, "the claim on background technology reaches it");
}

#[test]
fn text_markdown_and_html_tell_the_same_story() {
    let (_dir, root) = deals();
    let root = root.to_str().unwrap();
    let text = String::from_utf8(audit(&[root]).stdout).unwrap();
    for expected in [
        "IP AUDIT",
        "northwind-signed.txt",
        "assigned:   pre-existing-ip (high",
        "countered §2 Ownership [broad-work-product] in round 2, offering license-back",
        "uplift offered 30% = $36,000 (accepted)",
        "scan.pdf: .pdf files cannot be read",
        "TOTALS",
        "2 of 4 items named",
    ] {
        assert!(text.contains(expected), "{expected:?} in:\n{text}");
    }
    let md = String::from_utf8(audit(&[root, "--format", "markdown"]).stdout).unwrap();
    assert!(
        md.starts_with("# IP audit") && md.contains("## Sessions") && md.contains("| item | named in | listed in exhibits | at risk in |"),
        "{md}"
    );
    assert!(md.contains("R&D \\<Toolkit\\>"), "markup in names is escaped");
    let html = String::from_utf8(audit(&[root, "--format", "html"]).stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<h1>IP audit</h1>") && html.contains("<td>R&amp;D &lt;Toolkit&gt;</td>"));
    assert_eq!(html.matches("<ul>").count(), html.matches("</ul>").count());
}

#[test]
fn out_files_since_and_exit_codes() {
    let (dir, root) = deals();
    let out = dir.path().join("audit-2026.html");
    let o = audit(&[root.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("<!DOCTYPE html>"), "the format follows the extension");
    let o = audit(&[root.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("already exists; pass --force"));
    assert!(audit(&[root.to_str().unwrap(), "--out", out.to_str().unwrap(), "--force", "--format", "json"]).status.success());
    assert!(std::fs::read_to_string(&out).unwrap().contains("clauseguard.audit/1"));

    // An old contract and an old session fall before --since.
    let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_577_836_800); // 2020-01-01
    std::fs::File::options().write(true).open(root.join("2026/q1/northwind-signed.txt")).unwrap().set_modified(old).unwrap();
    std::fs::write(root.join("sessions/northwind-msa.json"), session("2020-06-01T10:00:00Z")).unwrap();
    let r = json(&audit(&[root.to_str().unwrap(), "--since", "2025-01-01", "--format", "json"]));
    assert_eq!(r["since"], "2025-01-01");
    assert_eq!(
        (r["totals"]["contracts"].as_u64(), r["totals"]["sessions"].as_u64(), r["totals"]["excluded_by_since"].as_u64()),
        (Some(1), Some(0), Some(2))
    );
    assert!(ends_with(&r["excluded"], "northwind-signed.txt") && ends_with(&r["excluded"], "northwind-msa.json"));

    let o = audit(&[root.to_str().unwrap(), "--since", "2025-02-30"]);
    assert_eq!(o.status.code(), Some(2), "an unreal date is refused");

    // Nothing readable: exit 2, with the errors still reported.
    let bad = dir.path().join("bad");
    std::fs::create_dir(&bad).unwrap();
    std::fs::write(bad.join("garbled.txt"), b"\x00\x01binary").unwrap();
    let o = audit(&[bad.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(ends_with(&json(&o)["errors"], "garbled.txt"));
    assert!(String::from_utf8_lossy(&o.stderr).contains("none of the 1 files found could be audited"));
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let o = audit(&[empty.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no contracts (.txt, .md, .docx) or sessions (.json) were found"));
    let o = audit(&["/no/such/folder"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stdout).contains("/no/such/folder: no such file or folder"));
}

#[test]
fn the_whole_corpus() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let corpus = if corpus.is_dir() { corpus } else { PathBuf::from("/work/shared/corpus") };
    if !corpus.is_dir() {
        eprintln!("skipped: the corpus folder (../shared/corpus) is absent");
        return;
    }
    let o = audit(&[corpus.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let r = json(&o);
    let mut listed: Vec<String> = r["contracts"]
        .as_array()
        .unwrap()
        .iter()
        .chain(r["errors"].as_array().unwrap())
        .map(|c| c["path"].as_str().unwrap().to_owned())
        .collect();
    listed.sort();
    let mut expected: Vec<String> = Vec::new();
    let mut stack = vec![corpus.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_lowercase();
            if path.is_dir() {
                stack.push(path);
            } else if ["txt", "md", "docx"].iter().any(|e| name.ends_with(&format!(".{e}"))) && !name.contains("readme") {
                expected.push(path.display().to_string());
            }
        }
    }
    expected.sort();
    assert_eq!(listed, expected, "every contract is listed, read or in error");
    // The corpus grows (agency-drafts joined it with 17 contracts); the walk above is the truth.
    assert!(listed.len() >= 117, "{} contracts", listed.len());
    assert_eq!(r["totals"]["read"].as_u64().unwrap() + r["totals"]["errors"].as_u64().unwrap(), expected.len() as u64);
    assert_eq!(r["totals"]["errors"], 0, "{}", r["errors"]);
    let docx = r["contracts"].as_array().unwrap().iter().filter(|c| c["format"] == "docx").count();
    let expected_docx = expected.iter().filter(|p| p.to_lowercase().ends_with(".docx")).count();
    assert_eq!(docx, expected_docx, "the .docx contracts are read as Word documents");
}

/// A saved session is audited from the side the workspace chose for the agency (kept in the
/// session), as `--agency-party` would read it.
#[test]
fn a_session_is_audited_from_the_agency_party_it_keeps() {
    use clauseguard::session::{Round, Session};
    let dir = tempfile::tempdir().unwrap();
    for (name, party) in [("chosen", Some("Client")), ("detected", None)] {
        let mut session = Session::new(name, Round::new(1, "msa.md", clauseguard::demo::DRAFT_R1));
        session.agency_party = party.map(str::to_owned);
        std::fs::write(dir.path().join(format!("{name}.json")), serde_json::to_string(&session).unwrap()).unwrap();
    }
    let run = |extra: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_clauseguard"))
            .args(["audit", dir.path().to_str().unwrap(), "--format", "json", "--registry", &format!("{FIXTURES}/registry.json")])
            .args(extra)
            .env_remove("CLAUSEGUARD_LIBRARY")
            .output()
            .unwrap();
        json(&o)["sessions"].as_array().unwrap().clone()
    };
    // What was read of a session, whatever its name and file.
    let by_name = |sessions: &[Value], name: &str| {
        let mut s = sessions.iter().find(|s| s["name"] == name).unwrap().clone();
        let fields = s.as_object_mut().unwrap();
        fields.remove("name");
        fields.remove("path");
        s
    };
    let read = run(&[]);
    assert_ne!(by_name(&read, "chosen"), by_name(&read, "detected"), "read from the client's side, other concerns");
    assert_eq!(by_name(&read, "chosen"), by_name(&run(&["--agency-party", "Client"]), "detected"));
}
