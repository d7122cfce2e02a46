//! Comparing two rounds of a deal the project wrote: renumbering is not noise, rewording is
//! paired by heading, removed and added clauses are named, and missing protections are tracked.

use std::path::{Path, PathBuf};

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

// ---- Blackline: `compare OLD NEW --out FILE` ----

#[path = "support/rounds.rs"]
mod rounds;

fn clauseguard(args: &[&str], sessions: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_clauseguard"))
        .args(args)
        .arg("--sessions-dir")
        .arg(sessions)
        .env("SOURCE_DATE_EPOCH", "1772359200")
        .env_remove("CLAUSEGUARD_LIBRARY")
        .output()
        .unwrap()
}

fn succeeded(out: &std::process::Output) -> String {
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn have_pandoc() -> bool {
    let found = std::process::Command::new("pandoc").arg("--version").output().is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("skipped: pandoc is not installed (CI installs it)");
    }
    found
}

fn pandoc(args: &[&str], file: &Path) -> String {
    let out = std::process::Command::new("pandoc").args(args).arg(file).output().expect("run pandoc");
    assert!(out.status.success(), "pandoc failed on {}: {}", file.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("pandoc writes UTF-8")
}

/// Text as words: quotes straightened, white space collapsed.
fn words(s: &str) -> String {
    s.replace(['\u{2019}', '\u{2018}'], "'").replace(['\u{201c}', '\u{201d}'], "\"").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where two texts first differ, for a readable failure.
fn first_difference(a: &str, b: &str) -> String {
    let at = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let near = |s: &str| s.chars().skip(at.saturating_sub(60)).take(160).collect::<String>();
    format!("first difference at char {at}:\n  got:  {}\n  want: {}", near(a), near(b))
}

/// pandoc's text of a blackline with its changes rejected and accepted.
fn rejected_and_accepted(blackline: &Path) -> (String, String) {
    let text = |how: &str| words(&pandoc(&[&format!("--track-changes={how}"), "-t", "plain", "--wrap=none"], blackline));
    (text("reject"), text("accept"))
}

fn demo(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo").join(name)
}

/// The demo's two rounds (Markdown, round 2 renumbered and reworded by counsel): the blackline
/// read back by pandoc gives round 1's text when every change is rejected and round 2's when
/// every change is accepted; its changes are signed by the client, who sent round 2.
#[test]
fn a_blackline_of_the_demo_rounds_rejects_to_round_one_and_accepts_to_round_two() {
    if !have_pandoc() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("blackline.docx");
    let (r1, r2) = (demo("client-draft-r1.md"), demo("client-draft-r2.md"));
    let said =
        succeeded(&clauseguard(&["compare", r1.to_str().unwrap(), r2.to_str().unwrap(), "--out", out.to_str().unwrap()], dir.path()));
    assert!(said.contains("client-draft-r2.md against client-draft-r1.md") && said.contains("changes by Client"), "{said}");
    let (rejected, accepted) = rejected_and_accepted(&out);
    // The drafts as the tool reads them: Markdown markup aside.
    let read = |p: &Path| words(&clauseguard::ingest::load(p).unwrap().analysed);
    let (round1, round2) = (read(&r1), read(&r2));
    assert!(rejected == round1, "Reject All gives round 1: {}", first_difference(&rejected, &round1));
    assert!(accepted == round2, "Accept All gives round 2: {}", first_difference(&accepted, &round2));
    let all = pandoc(&["--track-changes=all", "-t", "markdown", "--wrap=none"], &out);
    assert!(all.contains(r#"[hereby irrevocably]{.deletion author="Client""#), "words struck inside §4.1: {all}");
    assert!(all.contains(r"[Upon Client\'s payment in full of the Fees for each Deliverable,]{.insertion"), "{all}");
    assert!(all.contains("[5.10 Residuals."), "the new residuals clause is inserted whole");
    assert!(all.contains(".paragraph-insertion"), "paragraph marks are tracked");
    assert!(!all.contains("comment-start"), "no comment in the copy for counsel");
}

/// Round 2 of a real .docx (a copy of the Common Paper PSA edited as counsel would): the
/// blackline is written on round 1's own package (styles and numbering untouched), pandoc
/// reads round 1's text with every change rejected and round 2's with every change accepted,
/// and the moved clause is struck where it was and inserted where it went.
#[test]
fn a_blackline_of_two_docx_rounds_keeps_the_earlier_formatting() {
    let psa = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev/commonpaper-psa.docx");
    if !psa.is_file() {
        eprintln!("skipped: {} is absent (the shared corpus is not here)", psa.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (r1, r2, out) = (dir.path().join("psa.docx"), dir.path().join("psa-v2.docx"), dir.path().join("blackline.docx"));
    std::fs::copy(&psa, &r1).unwrap();
    rounds::later_round(&r1, &r2, &psa_round_two());
    let said =
        succeeded(&clauseguard(&["compare", r1.to_str().unwrap(), r2.to_str().unwrap(), "--out", out.to_str().unwrap()], dir.path()));
    assert!(said.contains("3 in the words of a paragraph, 2 paragraph(s) added, 2 dropped; changes by Customer"), "{said}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o600, "contracts are confidential");
    }
    let part = |docx: &Path, name: &str| {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    for name in ["word/styles.xml", "word/numbering.xml"] {
        assert_eq!(part(&out, name), part(&r1, name), "{name} is round 1's");
    }
    if !have_pandoc() {
        return;
    }
    let (rejected, accepted) = rejected_and_accepted(&out);
    let plain = |p: &Path| words(&pandoc(&["-t", "plain", "--wrap=none"], p));
    let (round1, round2) = (plain(&r1), plain(&r2));
    assert!(rejected == round1, "Reject All gives round 1: {}", first_difference(&rejected, &round1));
    assert!(accepted == round2, "Accept All gives round 2: {}", first_difference(&accepted, &round2));
    let all = pandoc(&["--track-changes=all", "-t", "markdown", "--wrap=none"], &out);
    assert!(all.contains("[two]{.deletion") && all.contains("[three business]{.insertion"), "a word changed in place: {all}");
    assert_eq!(all.matches("Non-Exhaustive Remedies").count(), 2, "the moved clause, struck and inserted");
}

/// The edits that make the PSA's round 2 in these tests.
fn psa_round_two() -> Vec<rounds::Edit<'static>> {
    use rounds::Edit;
    vec![
        Edit::Words { paragraph: "Notices.", from: "two days after mailing", to: "three business days after mailing" },
        Edit::Words { paragraph: "Procedure.", from: "reasonable assistance", to: "prompt and reasonable assistance" },
        Edit::Words { paragraph: "Titles and Interpretation.", from: " and without limitation", to: "" },
        Edit::Drop { paragraph: "Security.  Provider will comply" },
        Edit::AddAfter {
            paragraph: "Deliverables. Except for Pre-Existing",
            text: "Source Code. Provider will deliver the source code of each Deliverable with it.",
        },
        Edit::Move { paragraph: "Non-Exhaustive Remedies.", after: "Signature." },
    ]
}

/// What counsel must never read in a blackline: the tool's concerns, severities and talking
/// points; the internal copy says which concerns each change touches.
#[test]
fn the_blackline_for_counsel_carries_no_concern_severity_or_talking_point() {
    let dir = tempfile::tempdir().unwrap();
    let (r1, r2) = (demo("client-draft-r1.md"), demo("client-draft-r2.md"));
    let internal_words = |text: &str| -> Vec<String> {
        let lower = text.to_lowercase();
        let mut found: Vec<String> = ["talking point", "say:", "concern:", "clauseguard", "internal copy", "(high)", "(medium)", "(low)"]
            .iter()
            .chain(Concern::ALL.map(Concern::id).iter())
            .filter(|w| lower.contains(*w))
            .map(|w| (*w).to_owned())
            .collect();
        found.sort();
        found
    };
    // Every part of a .docx, as text; a Markdown or HTML file as it is.
    let contents = |path: &Path| -> String {
        let bytes = std::fs::read(path).unwrap();
        if path.extension().is_some_and(|e| e == "docx") {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            let names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
            assert!(!names.iter().any(|n| n.contains("comments")), "no comments part: {names:?}");
            names
                .iter()
                .map(|n| {
                    let mut s = String::new();
                    std::io::Read::read_to_string(&mut zip.by_name(n).unwrap(), &mut s).unwrap_or_default();
                    s
                })
                .collect()
        } else {
            String::from_utf8(bytes).unwrap()
        }
    };
    for ext in ["docx", "md", "html"] {
        let out = dir.path().join(format!("blackline.{ext}"));
        let said = succeeded(&clauseguard(
            &["compare", r1.to_str().unwrap(), r2.to_str().unwrap(), "--out", out.to_str().unwrap(), "--internal"],
            dir.path(),
        ));
        assert!(said.contains(&format!("blackline.internal.{ext} (internal copy: not for the other side)")), "{said}");
        let leaked = internal_words(&contents(&out));
        assert!(leaked.is_empty(), ".{ext} for counsel carries {leaked:?}");
        let internal = dir.path().join(format!("blackline.internal.{ext}"));
        let text = if ext == "docx" {
            let mut zip = zip::ZipArchive::new(std::fs::File::open(&internal).unwrap()).unwrap();
            let mut s = String::new();
            std::io::Read::read_to_string(&mut zip.by_name("word/comments.xml").unwrap(), &mut s).unwrap();
            s
        } else {
            std::fs::read_to_string(&internal).unwrap()
        };
        let words = internal_words(&text);
        let labelled = if ext == "html" { "(high)" } else { "concern:" };
        for expected in [labelled, "assignment-before-payment", "no-residuals", "(high)"] {
            assert!(words.contains(&expected.to_owned()), ".{ext} internal copy: {expected:?} missing from {words:?}");
        }
    }
    let md = std::fs::read_to_string(dir.path().join("blackline.md")).unwrap();
    assert!(md.contains("Provider ~~hereby irrevocably~~ assigns"), "words struck in place, markers against them: {md}");
    assert!(!md.contains("[^"), "no footnotes for counsel");
}

/// The blackline of a saved session's rounds is signed with the client the session names; bad
/// sides and outputs are refused by name before anything is written.
#[test]
fn a_blackline_of_session_rounds_and_what_it_refuses() {
    let sessions = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("rounds.docx");
    let said = succeeded(&clauseguard(
        &["compare", "meridian-ai-services:1", "meridian-ai-services:2", "--out", out.to_str().unwrap()],
        &sessions,
    ));
    assert!(said.contains("meridian-ai-services:2 (client-draft-r2.md) against meridian-ai-services:1"), "{said}");
    assert!(said.contains("changes by Meridian Health Analytics, Inc."), "{said}");

    let (r1, r2) = (demo("client-draft-r1.md"), demo("client-draft-r2.md"));
    let refused = |args: &[&str], says: &str| {
        let o = clauseguard(args, dir.path());
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?} should say {says:?}: {err}");
    };
    refused(&["compare", r1.to_str().unwrap(), r2.to_str().unwrap(), "--out", out.to_str().unwrap()], "already exists; pass --force");
    refused(
        &["compare", r1.to_str().unwrap(), r2.to_str().unwrap(), "--out", r2.to_str().unwrap(), "--force"],
        "refusing to overwrite the draft itself",
    );
    let at = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    refused(&["compare", r1.to_str().unwrap(), r2.to_str().unwrap(), "--out", &at("x.pdf")], "x.pdf: unknown output format");
    refused(&["compare", &at("no-such-round.docx"), r2.to_str().unwrap(), "--out", &at("y.docx")], "no-such-round.docx");
    std::fs::write(at("round2.docx"), b"\x89PNG\r\n\x1a\n not a word document").unwrap();
    refused(&["compare", r1.to_str().unwrap(), &at("round2.docx"), "--out", &at("z.docx")], "round2.docx");
    assert!(!dir.path().join("y.docx").exists() && !dir.path().join("z.docx").exists(), "nothing written");
}
