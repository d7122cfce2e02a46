//! `clauseguard issues-list`: the issues list for the other side's counsel from a session, as a
//! Word table, Markdown or CSV; positions in counsel-facing words only (no concern ids,
//! severities, talking points, internal reasons or call notes), written atomically.

#[path = "tui_support/fixture.rs"]
mod fixture;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use clauseguard::review::{Deal, Review};
use clauseguard::session::{DecisionState, SessionStore};
use clauseguard::workspace::{Entry, Workspace};
use fixture::*;

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    /// The fixture library on disk, and a session on the fixture draft in which: §2's first
    /// finding is countered by narrowing the scope and its second conceded, §3 is countered with
    /// the licence-back rung, notes were taken, and a 30% uplift was declined, 25% accepted.
    fn new() -> Env {
        let env = Env { dir: tempfile::tempdir().unwrap() };
        std::fs::create_dir(env.library()).unwrap();
        for clause in &LIBRARY.clauses {
            std::fs::write(env.library().join(format!("{}.json", clause.id)), serde_json::to_string(clause).unwrap()).unwrap();
        }
        let store = SessionStore::new(env.sessions());
        let mut session = session("acme-msa");
        session.client = Some("Acme Corp".into());
        session.agency = Some("Bright Labs LLC".into());
        drop(store.create(session).unwrap());
        let handle = Box::new(store.open("acme-msa").unwrap());
        let mut ws = Workspace::open(Review::new(&LIBRARY, None), handle, None, Deal::default(), clock).unwrap().0;
        let clause = |ws: &Workspace<'_>, n: &str| {
            Entry::Clause((0..ws.analysis().clauses.len()).find(|&i| ws.clause(i).number.as_deref() == Some(n)).unwrap())
        };
        let (ownership, materials) = (clause(&ws, "2"), clause(&ws, "3"));
        ws.decide(ownership, Some(0), DecisionState::Countered, Some(1)).unwrap();
        ws.decide(ownership, Some(1), DecisionState::Accepted, None).unwrap();
        ws.decide(materials, Some(0), DecisionState::Countered, Some(1)).unwrap();
        ws.add_note("Dana says they fold if we push on tools", Some(ownership)).unwrap();
        ws.add_note("Call back Friday", None).unwrap();
        ws.set_fee("$120,000").unwrap();
        ws.offer_fee(30.0).unwrap();
        ws.answer_offer(false).unwrap();
        ws.offer_fee(25.0).unwrap();
        ws.answer_offer(true).unwrap();
        env
    }

    fn library(&self) -> PathBuf {
        self.dir.path().join("library")
    }

    fn sessions(&self) -> PathBuf {
        self.dir.path().join("sessions")
    }

    fn out(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_clauseguard"))
            .arg("issues-list")
            .args(args)
            .arg("--library")
            .arg(self.library())
            .arg("--sessions-dir")
            .arg(self.sessions())
            .output()
            .unwrap()
    }

    /// Writes the list to `name` and returns the file's bytes.
    fn write(&self, name: &str, extra: &[&str]) -> Vec<u8> {
        let out = self.out(name);
        let mut args = vec!["--session", "acme-msa", "--out", out.to_str().unwrap()];
        args.extend(extra);
        let run = self.run(&args);
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
        std::fs::read(out).unwrap()
    }
}

fn pandoc(args: &[&str], file: &Path) -> String {
    let out = Command::new("pandoc").args(args).arg(file).output().expect("run pandoc");
    assert!(out.status.success(), "pandoc failed on {}: {}", file.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Nothing meant for the agency alone: concern ids, severities, talking points, the library's
/// internal reasons, "say:" scripts, the call notes.
fn assert_nothing_internal(text: &str) {
    let lower = text.to_lowercase();
    let concerns = ["broad-work-product", "assignment-before-payment", "transferable-license", "methodology-transfer", "no-residuals"];
    for word in concerns.iter().chain(&["severity", "say:", "dana says", "call back friday"]) {
        assert!(!lower.contains(word), "{word:?} is internal: {text}");
    }
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
    for severity in ["high", "medium", "low"] {
        assert!(!words.contains(&severity), "{severity:?} is internal: {text}");
    }
    for clause in &LIBRARY.clauses {
        assert!(!text.contains(&clause.why_it_matters), "{:?} is internal", clause.why_it_matters);
        for f in &clause.fallbacks {
            assert!(!text.contains(&f.talking_point), "{:?} is internal", f.talking_point);
        }
    }
}

#[test]
fn markdown_for_counsel_says_each_point_in_counsel_words() {
    let env = Env::new();
    let md = String::from_utf8(env.write("issues.md", &[])).unwrap();
    assert!(md.contains("# Issues list: Acme Corp / Bright Labs LLC"), "{md}");
    assert!(md.contains("| Clause | Client's position | Agency's position | Status | Proposed resolution |"), "{md}");
    let row = |start: &str| md.lines().find(|l| l.starts_with(start)).unwrap_or_else(|| panic!("no row {start}: {md}")).to_owned();
    let ownership = row("| §2 Ownership |");
    assert!(
        ownership.contains("| “All work product created during the engagement shall be owned by”; “tools and frameworks” |"),
        "{ownership}"
    );
    assert!(
        ownership.contains("| Ownership is limited to the deliverables listed in Schedule A. Agency's pre-existing tools"),
        "{ownership}"
    );
    assert!(
        ownership.contains("“all deliverables described in Schedule A”") && ownership.contains("The client's wording stands."),
        "{ownership}"
    );
    assert!(ownership.contains("| Open |"), "one of §2's points is still open: {ownership}");
    let materials = row("| §3 Agency Materials |");
    assert!(
        materials.contains("| Counter-proposal made |") && materials.contains("The license is perpetual but not transferable."),
        "{materials}"
    );
    assert!(materials.contains("“a perpetual, non-exclusive, non-transferable licence”"), "{materials}");
    let residuals = row("| New clause: Residuals |");
    assert!(residuals.contains("The draft has no residuals clause.") && residuals.contains("| Open |"), "{residuals}");
    assert!(residuals.contains("Agency's personnel keep their general know-how"), "{residuals}");
    let fee = row("| Fee for a full transfer of intellectual property |");
    assert!(fee.contains("Declined 30% uplift ($36,000); accepted 25% uplift ($30,000).") && fee.contains("| Agreed |"), "{fee}");
    assert!(fee.contains("An uplift of 25% ($30,000) on the project fee, as agreed."), "{fee}");
    assert!(!md.contains("§4 Fees") && !md.contains("§5 Confidentiality"), "clauses with nothing to settle are left out: {md}");
    assert_nothing_internal(&md);
}

#[test]
fn the_internal_copy_adds_the_notes() {
    let env = Env::new();
    let md = String::from_utf8(env.write("internal.md", &["--internal"])).unwrap();
    assert!(md.contains("Notes (internal)") && md.contains("Internal: not for the other side."), "{md}");
    let ownership = md.lines().find(|l| l.starts_with("| §2 Ownership |")).unwrap();
    assert!(ownership.contains("Dana says they fold if we push on tools"), "{ownership}");
    assert!(md.contains("Call back Friday"), "{md}");
}

#[test]
fn csv_is_rfc_4180() {
    let env = Env::new();
    let bytes = env.write("issues.csv", &[]);
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.starts_with("Clause,Client's position,Agency's position,Status,Proposed resolution\r\n"), "{text}");
    assert!(text.contains(",\"Agency's personnel keep their general know-how, not Client's"), "a field with a comma is quoted: {text}");
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.iter().all(|r| r.len() == 5));
    let fee = rows.iter().find(|r| r[0].starts_with("Fee for")).unwrap();
    assert_eq!(&fee[3], "Agreed");
    assert_nothing_internal(&text);
}

#[test]
fn docx_is_a_word_table_pandoc_reads() {
    let env = Env::new();
    env.write("issues.docx", &[]);
    let path = env.out("issues.docx");
    let json: serde_json::Value = serde_json::from_str(&pandoc(&["-t", "json"], &path)).unwrap();
    let table = json["blocks"].as_array().unwrap().iter().find(|b| b["t"] == "Table").expect("a table");
    assert_eq!(table["c"][2].as_array().unwrap().len(), 5, "five columns");
    let plain = pandoc(&["-t", "plain", "--wrap=none"], &path);
    for cell in ["Client's position", "Agency's position", "Proposed resolution", "§3 Agency Materials", "Counter-proposal made"] {
        assert!(plain.contains(cell), "{cell:?}: {plain}");
    }
    assert_nothing_internal(&plain);
}

#[test]
fn an_existing_file_needs_force_and_an_unknown_session_is_named() {
    let env = Env::new();
    env.write("issues.md", &[]);
    let out = env.out("issues.md");
    let again = env.run(&["--session", "acme-msa", "--out", out.to_str().unwrap()]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists; pass --force"));
    env.write("issues.md", &["--force"]);
    let unknown = env.run(&["--session", "acme", "--out", env.out("x.md").to_str().unwrap()]);
    let err = String::from_utf8_lossy(&unknown.stderr);
    assert!(err.contains("no session named \"acme\"") && err.contains("existing sessions: acme-msa"), "{err}");
    let odt = env.run(&["--session", "acme-msa", "--out", env.out("x.odt").to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&odt.stderr).contains("write the issues list as .docx, .md or .csv"));
    let leftovers: Vec<_> = std::fs::read_dir(env.dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(!leftovers.iter().any(|n| n.to_string_lossy().ends_with(".tmp")), "{leftovers:?}");
}
