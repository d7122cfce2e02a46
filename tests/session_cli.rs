//! `clauseguard session ...` run as the real binary, with sessions in a temporary folder.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use clauseguard::session::SessionStore;

const V1: &str = "SERVICES AGREEMENT\n\n1. Services. Agency provides the Services.\n\n2. Ownership.\n2.1 All work product created during the engagement belongs to Client.\n2.2 Agency keeps its tools.\n";
const V2: &str = "SERVICES AGREEMENT\n\n1. Definitions. Terms are defined in Schedule A.\n\n2. Services. Agency provides the Services.\n\n3. Ownership.\n3.1 Deliverables belong to Client upon full payment.\n";

struct Env {
    tmp: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        let env = Env { tmp: tempfile::tempdir().unwrap() };
        fs::write(env.file("v1.txt"), V1).unwrap();
        fs::write(env.file("v2.txt"), V2).unwrap();
        env
    }

    fn file(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    fn sessions(&self) -> PathBuf {
        self.file("sessions")
    }

    fn run(&self, args: &[&str]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_clauseguard"));
        cmd.arg("session").args(args).arg("--sessions-dir").arg(self.sessions()).env_remove("CLAUSEGUARD_SESSIONS_DIR");
        cmd.env("NO_COLOR", "1").output().unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?} should fail: {}", String::from_utf8_lossy(&out.stdout));
        String::from_utf8(out.stderr).unwrap()
    }

    fn new_acme(&self) {
        let v1 = self.file("v1.txt");
        let out =
            self.ok(&["new", "acme", "--draft", v1.to_str().unwrap(), "--client", "Acme Corp", "--fee", "120,000", "--currency", "eur"]);
        assert!(out.contains("created session acme: round 1 from v1.txt"), "{out}");
    }
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn new_add_round_note_list_show() {
    let env = Env::new();
    assert!(env.ok(&["list"]).starts_with("no sessions in "));
    env.new_acme();
    assert!(env.ok(&["add-round", "acme", path_str(&env.file("v2.txt"))]).contains("acme: round 2 from v2.txt"));
    let out = env.ok(&["note", "acme", "counsel wants payment terms first", "--clause", "3.1"]);
    assert!(out.contains("note added to round 2 on §3.1"), "{out}");
    env.ok(&["note", "acme", "call back Friday"]);

    let list = env.ok(&["list"]);
    let row = list.lines().find(|l| l.starts_with("acme ")).unwrap();
    assert!(row.contains("Acme Corp") && row.contains(" 2 "), "{list}");

    let show = env.ok(&["show", "acme"]);
    for expected in [
        "Client      Acme Corp",
        "Fee         €120,000 (uplift 20% = €24,000 · 30% = €36,000 · 40% = €48,000)",
        "Engagement  project",
        "Agency term detected in each draft",
        "v1.txt  sha256 ",
        "v2.txt  sha256 ",
    ] {
        assert!(show.contains(expected), "missing {expected:?} in\n{show}");
    }
    assert!(show.contains("§3.1") && show.contains("counsel wants payment terms first") && show.contains("call back Friday"), "{show}");

    // JSON is the session file itself.
    let json: serde_json::Value = serde_json::from_str(&env.ok(&["show", "acme", "--format", "json"])).unwrap();
    let file: serde_json::Value = serde_json::from_slice(&fs::read(env.sessions().join("acme.json")).unwrap()).unwrap();
    assert_eq!(json, file);
    assert_eq!(json["rounds"].as_array().unwrap().len(), 2);
    assert_eq!(json["notes"][0]["clause"]["number"], "3.1");
    assert_eq!(json["fee"]["currency"], "EUR");
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let env = Env::new();
    env.new_acme();
    env.ok(&["note", "acme", "red \u{1b}[31malert\u{7} \u{202e}reversed \u{9b}2J"]);
    let show = env.ok(&["show", "acme"]);
    assert!(show.contains("red [31malert reversed 2J"), "{show:?}");
    let json = env.ok(&["show", "acme", "--format", "json"]);
    assert!(!json.chars().any(|c| c.is_control() && c != '\n') && !json.contains('\u{202e}'), "{json:?}");
    assert!(json.contains("\\u001b[31malert\\u0007 \\u202ereversed \\u009b2J"), "{json}");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["notes"][0]["text"], "red \u{1b}[31malert\u{7} \u{202e}reversed \u{9b}2J");
}

#[test]
fn bad_input_is_refused_with_a_reason() {
    let env = Env::new();
    let v1 = env.file("v1.txt");
    assert!(env.fails(&["new", "../evil", "--draft", path_str(&v1)]).contains("not a usable session name"));
    assert!(env.fails(&["new", "acme", "--draft", path_str(&v1), "--fee", "lots"]).contains("cannot read \"lots\" as an amount"));
    assert!(env.fails(&["new", "acme", "--draft", path_str(&v1), "--currency", "dollars"]).contains("ISO 4217"));
    assert!(env.fails(&["new", "acme", "--draft", path_str(&env.file("missing.txt"))]).contains("missing.txt"));
    assert!(!env.sessions().join("acme.json").exists());
    env.new_acme();
    assert!(env.fails(&["new", "acme", "--draft", path_str(&v1)]).contains("already exists"));
    let err = env.fails(&["note", "acme", "x", "--clause", "2.7"]);
    assert!(err.contains("no clause numbered \"2.7\"") && err.contains("nearby: 2, 2.1, 2.2"), "{err}");
    let err = env.fails(&["show", "globex"]);
    assert!(err.contains("no session named \"globex\"") && err.contains("existing sessions: acme"), "{err}");
}

#[test]
fn a_session_open_elsewhere_is_not_written() {
    let env = Env::new();
    env.new_acme();
    let path = env.sessions().join("acme.json");
    let before = fs::read(&path).unwrap();
    let held = SessionStore::new(env.sessions()).open("acme").unwrap();
    assert!(!held.read_only());
    let err = env.fails(&["note", "acme", "from the shell"]);
    assert!(err.contains("open in another clauseguard; read-only"), "{err}");
    assert!(env.fails(&["add-round", "acme", path_str(&env.file("v2.txt"))]).contains("read-only"));
    assert_eq!(fs::read(&path).unwrap(), before);
    // Reading is fine meanwhile.
    assert!(env.ok(&["show", "acme"]).contains("Acme Corp"));
    drop(held);
    env.ok(&["note", "acme", "from the shell"]);
}

#[test]
fn an_unreadable_session_is_listed_and_left_alone() {
    let env = Env::new();
    env.new_acme();
    let path = env.sessions().join("acme.json");
    let newer = fs::read_to_string(&path).unwrap().replace("clauseguard.session/1", "clauseguard.session/3");
    fs::write(&path, &newer).unwrap();
    let err = env.fails(&["note", "acme", "x"]);
    assert!(err.contains("written by a newer clauseguard: schema clauseguard.session/3"), "{err}");
    assert!(env.ok(&["list"]).lines().any(|l| l.starts_with("acme ") && l.contains("unreadable: ") && l.contains("acme.json")));
    fs::write(&path, &newer[..newer.len() / 3]).unwrap();
    let err = env.fails(&["add-round", "acme", path_str(&env.file("v2.txt"))]);
    assert!(err.contains("corrupt session file at line"), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), newer[..newer.len() / 3]);
}

#[test]
fn the_sessions_folder_comes_from_the_flag_or_the_environment() {
    let env = Env::new();
    let other = env.file("from-env");
    let run = |extra: &[&str]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_clauseguard"));
        cmd.args(["session", "new", "acme", "--draft", path_str(&env.file("v1.txt"))]).args(extra);
        cmd.env("CLAUSEGUARD_SESSIONS_DIR", &other).output().unwrap()
    };
    assert!(run(&[]).status.success());
    assert!(other.join("acme.json").is_file());
    assert!(run(&["--sessions-dir", path_str(&env.sessions())]).status.success());
    assert!(env.sessions().join("acme.json").is_file());
}

#[test]
fn the_fee_is_read_as_the_workspace_reads_it() {
    let env = Env::new();
    let v1 = env.file("v1.txt");
    env.ok(&["new", "k", "--draft", path_str(&v1), "--fee", "$180k"]);
    assert!(env.ok(&["show", "k"]).contains("Fee         $180,000 (uplift"), "{}", env.ok(&["show", "k"]));
    let out = env.run(&["new", "eu", "--draft", path_str(&v1), "--fee", "95.000,50 EUR"]);
    assert!(out.status.success());
    let note = String::from_utf8_lossy(&out.stderr);
    assert!(note.contains("read as €95,000.50") && note.contains("\".\" read as the thousands separator"), "{note}");
    assert!(env.ok(&["show", "eu"]).contains("Fee         €95,000.50 (uplift"));
    let err = env.fails(&["new", "x", "--draft", path_str(&v1), "--fee", "$180k", "--currency", "EUR"]);
    assert!(err.contains("is in USD but --currency says EUR"), "{err}");
}

#[test]
fn show_says_decisions_in_words() {
    use clauseguard::library::FallbackKind;
    use clauseguard::session::{ClauseAnchor, Decision, DecisionState};
    let env = Env::new();
    env.new_acme();
    let mut open = SessionStore::new(env.sessions()).open("acme").unwrap();
    open.session_mut().decisions.push(Decision {
        clause: ClauseAnchor { number: Some("2.1".into()), heading: None, fingerprint: "all work product created".into() },
        finding: Some("broad-work-product|ip-assignment/all-work-product|all work product".into()),
        state: DecisionState::Countered,
        fallback: Some(FallbackKind::LicenseBack),
        counter_language: None,
        library_clause: None,
        round: 1,
        at: "2025-01-02T10:00:00Z".into(),
    });
    open.save().unwrap();
    drop(open);
    let show = env.ok(&["show", "acme"]);
    assert!(show.contains("§2.1  countered (license back)"), "{show}");
    assert!(show.contains("Broad work-product grant: “all work product”"), "{show}");
    assert!(!show.contains('|'), "no internal keys: {show}");
}

#[test]
fn session_alone_without_such_a_session_says_what_is_missing() {
    let env = Env::new();
    let out = Command::new(env!("CARGO_BIN_EXE_clauseguard"))
        .args(["--session", "psa", "--sessions-dir"])
        .arg(env.sessions())
        .env_remove("CLAUSEGUARD_SESSIONS_DIR")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("no session named \"psa\"") && err.contains("--session psa"), "{err}");
    assert!(out.stdout.is_empty(), "no help printed instead");
}
