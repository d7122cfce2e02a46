//! `clauseguard redline` run as the user runs it: outputs by extension, never over the draft or
//! an existing file without --force, errors naming the file, a session's decisions, author and
//! fee offer carried into the redline and its summary, and two audiences: what goes to the other
//! side's counsel carries only reasons for counsel signed by the agency, the internal copy and
//! brief carry the rest.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use clauseguard::analysis::{Analyzer, Options};
use clauseguard::library::{ClauseLibrary, Concern, FallbackKind};
use clauseguard::session::{ClauseAnchor, Decision, DecisionState, Fee, FeeOffer, OfferAnswer, Round, Session, SessionStore};

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
        assert!(stdout.contains("5 changes: ") && stdout.contains(&format!("redline.{ext}")), "{stdout}");
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
    assert!(!md.contains("~~Provider shall not provide similar services"), "the medium finding is left alone");
    let summary = std::fs::read_to_string(&summary).unwrap();
    assert!(summary.contains("`non-compete` (medium) in §8 Competition"), "{summary}");
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
    let offer = |percent: f64, answer| FeeOffer {
        percent,
        amount: 1_200.0 * percent,
        currency: "USD".into(),
        round: 1,
        answer,
        at: "2026-03-01T09:00:00Z".into(),
        answered: Some("2026-03-01T09:05:00Z".into()),
    };
    session.offers = vec![offer(40.0, OfferAnswer::Declined), offer(30.0, OfferAnswer::Accepted)];
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
    assert!(summary.contains("Offered in round 1: 40% = $48,000 ($168,000 in total); declined"), "{summary}");
    assert!(summary.contains("Offered in round 1: 30% = $36,000 ($156,000 in total); accepted"), "{summary}");
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

/// Runs the binary as a user does, with the embedded library.
fn clauseguard_default(args: &[&str], sessions: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clauseguard"))
        .args(args)
        .env_remove("CLAUSEGUARD_LIBRARY")
        .env("CLAUSEGUARD_SESSIONS_DIR", sessions)
        .env("SOURCE_DATE_EPOCH", "1772359200")
        .output()
        .expect("run clauseguard")
}

/// What the other side reads besides the contract itself: the Word comments and every author
/// and creator name of a .docx; the footnotes of Markdown; all of an HTML page but the
/// contract's text (header, styles, margin notes).
fn notes_of(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    match path.extension().and_then(|e| e.to_str()) {
        Some("docx") => {
            let comments = docx_part(&bytes, "word/comments.xml");
            let mut text = String::new();
            for piece in comments.replace("</w:p>", "\n").split('<') {
                text.push_str(piece.split_once('>').map_or(piece, |(_, after)| after));
            }
            format!("{}\n{text}\n{}", authors(&bytes).join("\n"), docx_part(&bytes, "docProps/core.xml"))
        }
        Some("md") => String::from_utf8(bytes).unwrap().lines().filter(|l| l.starts_with("[^")).collect::<Vec<_>>().join("\n"),
        _ => {
            let html = String::from_utf8(bytes).unwrap();
            let outside: String =
                html.split("<div class=\"text\">").map(|chunk| chunk.split_once("</div>").map_or(chunk, |(_, rest)| rest)).collect();
            outside.replace("&#39;", "'")
        }
    }
}

fn docx_part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx.to_vec())).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut xml).unwrap();
    xml
}

/// Every name a .docx's tracked changes and comments are signed with.
fn authors(docx: &[u8]) -> Vec<String> {
    let (body, comments) = (docx_part(docx, "word/document.xml"), docx_part(docx, "word/comments.xml"));
    [body, comments].iter().flat_map(|xml| xml.split(" w:author=\"").skip(1).map(|a| a.split('"').next().unwrap().to_owned())).collect()
}

/// The internal vocabulary found in `notes`: talking points, concern ids, severity labels, the
/// tool's own name.
fn internal_words(notes: &str) -> Vec<String> {
    let lower = notes.to_lowercase();
    let mut found: Vec<String> = ["talking point", "say:", "for counsel", "concern:", "clauseguard", "internal copy"]
        .iter()
        .chain(Concern::ALL.map(Concern::id).iter())
        .filter(|w| lower.contains(*w))
        .map(|w| (*w).to_owned())
        .collect();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
    found.extend(["high", "medium", "low"].iter().filter(|s| words.contains(s)).map(|s| (*s).to_owned()));
    found
}

#[test]
fn the_other_side_reads_reasons_for_counsel_signed_by_the_agency_and_nothing_internal() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/client-draft-r1.md");
    let psa = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev/commonpaper-psa.docx");
    let mut drafts = vec![demo];
    if psa.is_file() {
        drafts.push(psa);
    } else {
        eprintln!("skipped the PSA: {} is absent (the shared corpus is not here)", psa.display());
    }
    let dir = tempfile::tempdir().unwrap();
    for (n, draft) in drafts.iter().enumerate() {
        for ext in ["docx", "md", "html"] {
            let out = dir.path().join(format!("counter-{n}.{ext}"));
            let stdout = ok(&clauseguard_default(&["redline", s(draft), "--out", s(&out), "--internal"], dir.path()));
            let name = format!("counter-{n}.internal.{ext}");
            assert!(stdout.contains(&name) && stdout.contains("not for the other side"), "{stdout}");
            let what = format!("{} as .{ext}", draft.display());

            let notes = notes_of(&out);
            let leaked = internal_words(&notes);
            assert!(leaked.is_empty(), "{what}: the copy for counsel carries {leaked:?}:\n{notes}");
            // The library's reasons for counsel, in the draft's own name for the agency.
            assert!(notes.contains("Provider's"), "{what}:\n{notes}");
            if ext == "docx" {
                let signed = authors(&std::fs::read(&out).unwrap());
                assert!(!signed.is_empty() && signed.iter().all(|a| a == "Provider"), "{what}: signed by the agency, not {signed:?}");
            }

            let words = internal_words(&notes_of(&dir.path().join(&name)));
            let say = if ext == "html" { "say:" } else { "talking point" };
            for expected in [say, "for counsel", "high"] {
                assert!(words.contains(&expected.to_owned()), "{what}, internal copy: {expected:?} missing from {words:?}");
            }
            assert!(words.iter().any(|w| Concern::ALL.iter().any(|c| c.id() == w)), "{what}, internal copy: no concern in {words:?}");
            assert!(!words.contains(&"clauseguard".to_owned()), "{what}, internal copy: {words:?}");
        }
    }
}

#[test]
fn the_internal_copy_goes_beside_the_output_and_is_never_the_clean_one() {
    let (dir, draft) = workspace("numbered-draft.md");
    let out = dir.path().join("r.md");
    let summary = dir.path().join("brief.md");
    ok(&clauseguard(&["redline", s(&draft), "--out", s(&out), "--internal", "--summary", s(&summary)], dir.path()));
    let internal = std::fs::read_to_string(dir.path().join("r.internal.md")).unwrap();
    assert!(internal.starts_with("*Internal copy for Provider, not for the other side"), "{internal}");
    assert!(internal.contains("Talking point: Schedule A lists everything"), "{internal}");
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(md.contains("Ownership passes on payment of the fees, so that title follows consideration."), "{md}");
    let summary = std::fs::read_to_string(&summary).unwrap();
    assert!(summary.contains("Internal brief, not for the other side"), "{summary}");
    assert!(summary.contains("Talking point: Schedule A lists everything"), "the brief has the talking points: {summary}");

    std::fs::write(dir.path().join("t.internal.md"), "keep me").unwrap();
    let err = failed(&clauseguard(&["redline", s(&draft), "--out", s(&dir.path().join("t.md")), "--internal"], dir.path()));
    assert!(err.contains("t.internal.md") && err.contains("--force"), "{err}");
    assert!(!dir.path().join("t.md").exists(), "refused before anything is written");
    let err = failed(&clauseguard(&["redline", s(&draft), "--out", s(&dir.path().join("c.md")), "--clean", "--internal"], dir.path()));
    assert!(err.contains("--internal") && err.contains("--clean"), "{err}");
}

#[test]
fn a_draft_that_does_not_name_the_agency_is_signed_agency() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("bare.txt");
    std::fs::write(&draft, "1. Ownership. All work product created during the engagement shall be owned by the Client.\n").unwrap();
    let out = dir.path().join("r.html");
    let run = clauseguard_default(&["redline", s(&draft), "--out", s(&out)], dir.path());
    ok(&run);
    assert!(String::from_utf8_lossy(&run.stderr).contains("--author"), "the user is told how to sign");
    assert!(std::fs::read_to_string(&out).unwrap().contains("by Agency on"));
}

/// The agency's party chosen in the workspace (kept in the session) is the side the redline
/// reads the session's draft from, as `--agency-party` would.
#[test]
fn the_sessions_agency_party_decides_whose_redline_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessions");
    let store = SessionStore::new(sessions.clone());
    let draft = clauseguard::demo::DRAFT_R1;
    let mut chosen = Session::new("chosen", Round::new(1, "msa.md", draft));
    chosen.agency_party = Some("Client".into());
    drop(store.create(chosen).unwrap());
    drop(store.create(Session::new("detected", Round::new(1, "msa.md", draft))).unwrap());
    let wrote = |args: &[&str]| ok(&clauseguard_default(args, &sessions)).split(": ").nth(1).unwrap_or_default().to_owned();
    let out = |name: &str| s(&dir.path().join(name)).to_owned();
    let chosen = wrote(&["redline", "--session", "chosen", "--out", &out("chosen.md")]);
    let detected = wrote(&["redline", "--session", "detected", "--out", &out("detected.md")]);
    let given = wrote(&["redline", "--session", "detected", "--agency-party", "Client", "--out", &out("given.md")]);
    assert_ne!(chosen, detected, "read from the client's side, other passages change");
    assert_eq!(chosen, given);
}
