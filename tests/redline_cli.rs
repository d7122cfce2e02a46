//! `clauseguard redline` run as the user runs it: outputs by extension, never over the draft or
//! an existing file without --force, errors naming the file, and a session's decisions, author
//! and fee offer carried into the redline and its summary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use clauseguard::analysis::{Analyzer, Options};
use clauseguard::library::{ClauseLibrary, Concern, FallbackKind};
use clauseguard::session::{ClauseAnchor, Decision, DecisionState, Fee, FeeOffer, Round, Session, SessionStore};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/redline")
}

fn clauseguard(args: &[&str], sessions: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clauseguard"))
        .args(args)
        .arg("--library")
        .arg(fixtures().join("library"))
        .env("CLAUSEGUARD_SESSIONS_DIR", sessions)
        .env("SOURCE_DATE_EPOCH", "1772359200")
        .env("NO_COLOR", "1")
        .output()
        .expect("run clauseguard")
}

fn ok(out: &Output) -> String {
    assert!(out.status.success(), "failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn failed(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(2), "expected exit 2; stdout: {}", String::from_utf8_lossy(&out.stdout));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A copy of a fixture draft in a fresh folder.
fn workspace(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join(name);
    std::fs::copy(fixtures().join(name), &draft).unwrap();
    (dir, draft)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn writes_each_format_by_extension() {
    let (dir, draft) = workspace("numbered-draft.md");
    for ext in ["md", "html", "docx"] {
        let out = dir.path().join(format!("redline.{ext}"));
        let stdout = ok(&clauseguard(&["redline", s(&draft), "--out", s(&out)], dir.path()));
        assert!(stdout.contains("4 change(s)") && stdout.contains(&format!("redline.{ext}")), "{stdout}");
        assert!(std::fs::metadata(&out).unwrap().len() > 0);
    }
    assert!(std::fs::read(dir.path().join("redline.docx")).unwrap().starts_with(b"PK\x03\x04"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left behind");
}

#[test]
fn never_overwrites_the_draft_or_an_existing_file_without_force() {
    let (dir, draft) = workspace("numbered-draft.md");
    let before = std::fs::read(&draft).unwrap();
    let err = failed(&clauseguard(&["redline", s(&draft), "--out", s(&draft), "--force"], dir.path()));
    assert!(err.contains("numbered-draft.md") && err.contains("overwrite the draft"), "{err}");
    assert_eq!(std::fs::read(&draft).unwrap(), before);

    let out = dir.path().join("out.md");
    std::fs::write(&out, "keep me").unwrap();
    let err = failed(&clauseguard(&["redline", s(&draft), "--out", s(&out)], dir.path()));
    assert!(err.contains("out.md") && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    ok(&clauseguard(&["redline", s(&draft), "--out", s(&out), "--force"], dir.path()));
    assert!(std::fs::read_to_string(&out).unwrap().contains("~~"));
}

#[test]
fn errors_name_the_file() {
    let (dir, draft) = workspace("numbered-draft.md");
    let err = failed(&clauseguard(&["redline", s(&draft), "--out", s(&dir.path().join("out.pdf"))], dir.path()));
    assert!(err.contains("out.pdf") && err.contains(".docx"), "{err}");
    let err = failed(&clauseguard(&["redline", "/no/such/draft.md", "--out", s(&dir.path().join("o.md"))], dir.path()));
    assert!(err.contains("/no/such/draft.md"), "{err}");
    let err = failed(&clauseguard(&["redline", s(&draft), "--out", "/no/such/folder/o.docx"], dir.path()));
    assert!(err.contains("/no/such/folder/o.docx"), "{err}");
    let same = dir.path().join("same.md");
    let err = failed(&clauseguard(&["redline", s(&draft), "--out", s(&same), "--summary", s(&same)], dir.path()));
    assert!(err.contains("same.md"), "{err}");
}

#[test]
fn only_high_leaves_lesser_findings_as_open_points() {
    let (dir, draft) = workspace("numbered-draft.md");
    let out = dir.path().join("r.md");
    let summary = dir.path().join("summary.md");
    ok(&clauseguard(&["redline", s(&draft), "--out", s(&out), "--only", "high", "--summary", s(&summary)], dir.path()));
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(!md.contains("~~Provider hereby assigns"), "the medium finding is left alone");
    let summary = std::fs::read_to_string(&summary).unwrap();
    assert!(summary.contains("`assignment-before-payment` (medium) in §7.2 Assignment"), "{summary}");
    assert!(summary.contains("below the severity covered"));
    assert!(summary.contains("No project fee recorded"));
}

#[test]
fn a_session_supplies_words_author_fee_and_open_points() {
    let (dir, draft) = workspace("numbered-draft.md");
    let sessions = dir.path().join("sessions");
    let doc = clauseguard::ingest::load(&draft).unwrap();
    let library = ClauseLibrary::load_dir(&fixtures().join("library")).unwrap();
    let analysis = Analyzer::new(&library).analyze(&doc, &Options::default());
    let clauses: Vec<_> = analysis.clauses.iter().map(clauseguard::analysis::AnalysedClause::clause).collect();
    let finding = |concern| analysis.findings.iter().find(|f| f.concern == concern).unwrap();
    let anchor = |i: usize| ClauseAnchor::at(&doc.analysed, &clauses, i);
    let wmfh = finding(Concern::WorkMadeForHire);
    let compete = finding(Concern::NonCompete);
    let mut session = Session::new("acme", Round::new(1, "numbered-draft.md", &doc.text));
    session.agency = Some("Brightlabs Ltd".into());
    session.fee = Some(Fee { amount: 120_000.0, currency: "USD".into() });
    session.fee_offer = Some(FeeOffer { percent: 30.0, amount: 36_000.0, accepted: Some(true), at: "2026-03-01T09:00:00Z".into() });
    session.decide(Decision {
        clause: anchor(wmfh.clause.unwrap()),
        finding: Some(wmfh.key()),
        state: DecisionState::Countered,
        fallback: Some(FallbackKind::LicenseBack),
        counter_language: Some("Client owns the Deliverables once paid; Agency keeps a licence to its methods.".into()),
        library_clause: Some("ip-assignment".into()),
        round: 1,
        at: "2026-03-01T09:10:00Z".into(),
    });
    session.decide(Decision {
        clause: anchor(compete.clause.unwrap()),
        finding: Some(compete.key()),
        state: DecisionState::Parked,
        fallback: None,
        counter_language: None,
        library_clause: None,
        round: 1,
        at: "2026-03-01T09:20:00Z".into(),
    });
    drop(SessionStore::new(sessions.clone()).create(session).unwrap());

    // From the session alone: its latest round is the draft.
    let out = dir.path().join("r.html");
    let summary = dir.path().join("s.md");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_clauseguard"))
            .args(args)
            .env("CLAUSEGUARD_SESSIONS_DIR", &sessions)
            .env("CLAUSEGUARD_LIBRARY", fixtures().join("library"))
            .output()
            .unwrap()
    };
    ok(&run(&["redline", "--session", "acme", "--out", s(&out), "--summary", s(&summary)]));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("by Brightlabs Ltd"), "the session's agency is the author");
    assert!(
        html.contains("<ins>Client owns the Deliverables once paid; Provider keeps a licence to its methods.</ins>"),
        "adopted fallback used"
    );
    let summary = std::fs::read_to_string(&summary).unwrap();
    assert!(summary.contains("Project fee: $120,000"), "{summary}");
    assert!(summary.contains("20% = $24,000") && summary.contains("40% = $48,000"), "{summary}");
    assert!(summary.contains("Offered: 30% = $36,000 ($156,000 in total); accepted"), "{summary}");
    assert!(summary.contains("Decision parked on §8 Competition: non-compete"), "{summary}");
    assert!(summary.contains("session (license-back)"), "{summary}");

    // With the .docx draft given too, --author overrides the session's agency.
    let docx = dir.path().join("r.docx");
    ok(&run(&["redline", s(&draft), "--session", "acme", "--out", s(&docx), "--author", "Jo Smith"]));
    let bytes = std::fs::read(&docx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    assert!(xml.contains("w:author=\"Jo Smith\"") && !xml.contains("Brightlabs Ltd\" w:date"));
    assert!(xml.contains("w:date=\"20"), "changes are dated");

    let err = failed(&run(&["redline", "--session", "nobody", "--out", s(&dir.path().join("x.md"))]));
    assert!(err.contains("nobody"), "{err}");
}
