//! One review, every surface: for the demo deal (two rounds, a staff-augmentation engagement kept
//! in the session) and the agency's registry, `analyze` prints the same findings (rule, concern,
//! severity, span) as the workspace shows, the redline plans from, compare reviews for each
//! round (in the CLI and in the workspace's comparison screen) and the audit reports.

use std::path::{Path, PathBuf};
use std::process::Command;

use clap::Parser;
use clauseguard::analysis::{Finding, Summary};
use clauseguard::audit::IpPosition;
use clauseguard::cli::{self, Cli};
use clauseguard::library::ClauseLibrary;
use clauseguard::registry::RegistryFile;
use clauseguard::review::{Deal, Review};
use clauseguard::session::{Engagement, Round, Session, SessionStore};
use clauseguard::tui::{Action, App, Launch, Theme};
use serde_json::Value;

const DEAL: &str = "meridian";

fn demo(round: u32) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("assets/demo/client-draft-r{round}.md"))
}

fn registry_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/registry/registry.json")
}

/// What makes a finding the same finding on every surface.
type Key = (String, String, String, Option<u64>, Option<u64>);

fn keys(findings: &Value) -> Vec<Key> {
    let text = |f: &Value, k: &str| f[k].as_str().unwrap_or_else(|| panic!("{k} in {f}")).to_owned();
    let mut keys: Vec<Key> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (text(f, "rule"), text(f, "concern"), text(f, "severity"), f["start"].as_u64(), f["end"].as_u64()))
        .collect();
    keys.sort();
    keys
}

fn keys_of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Vec<Key> {
    keys(&serde_json::to_value(findings.into_iter().collect::<Vec<_>>()).unwrap())
}

/// Fails with the findings one side has and the other lacks.
#[track_caller]
fn assert_same<T: PartialEq + std::fmt::Debug>(seen: &[T], printed: &[T], surface: &str) {
    let lacks: Vec<&T> = printed.iter().filter(|k| !seen.contains(k)).collect();
    let adds: Vec<&T> = seen.iter().filter(|k| !printed.contains(k)).collect();
    assert!(seen == printed, "{surface} differs from analyze: lacks {lacks:#?}\nadds {adds:#?}");
}

/// Every finding an audit position reports, as (rule, concern, severity, clause, phrase).
fn points(position: &Value) -> Vec<[String; 5]> {
    let mut points: Vec<[String; 5]> = ["assigned", "licensed", "missing", "other"]
        .iter()
        .flat_map(|list| position[list].as_array().unwrap())
        .map(|p| ["rule", "concern", "severity", "clause", "phrase"].map(|k| p[k].to_string()))
        .collect();
    points.sort();
    points
}

fn clauseguard(args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_clauseguard")).args(args).env("NO_COLOR", "1").output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

fn parse(args: &[&str]) -> Cli {
    Cli::try_parse_from(std::iter::once("clauseguard").chain(args.iter().copied())).unwrap()
}

#[test]
fn every_surface_shows_what_analyze_shows() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessions");
    let store = SessionStore::new(sessions.clone());
    let (r1, r2) = (clauseguard::ingest::load(&demo(1)).unwrap(), clauseguard::ingest::load(&demo(2)).unwrap());
    let mut session = Session::new(DEAL, Round::new(1, "client-draft-r1.md", &r1.text));
    session.add_draft("client-draft-r2.md", &r2);
    session.engagement = Engagement::StaffAugmentation;
    drop(store.create(session).unwrap());
    let (sessions, registry_path) = (sessions.to_str().unwrap(), registry_path());
    let registry_path = registry_path.to_str().unwrap();
    let library = ClauseLibrary::embedded();
    let registry = RegistryFile::new(registry_path.into()).load().unwrap();

    // `analyze` of both rounds' files, told the registry and the engagement.
    let (d1, d2) = (demo(1), demo(2));
    let (d1, d2) = (d1.to_str().unwrap(), d2.to_str().unwrap());
    let args = ["analyze", d1, d2, "--format", "json", "--registry", registry_path, "--engagement", "staff-augmentation"];
    let printed = String::from_utf8(clauseguard(&args)).unwrap();
    let analyses: Vec<Value> = printed.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let [round_1, round_2] = [0, 1].map(|k| keys(&analyses[k]["findings"]));
    let summary = |k: usize| ["high", "medium", "low", "info"].map(|s| analyses[k]["summary"][s].as_u64().unwrap());
    for round in [&round_1, &round_2] {
        assert!(round.iter().any(|k| k.0 == "registry/named-item"), "the registry is read: {round:#?}");
        assert!(round.iter().any(|k| k.0 == "engagement-staff-augmentation/missing"), "the engagement is read: {round:#?}");
    }

    // The workspace, opened on the session as the TUI opens it.
    let review = Review::new(&library, Some(&registry));
    let (ws, _) = clauseguard::tui::workspace(Launch::Resume { name: DEAL.into() }, review, &store, Deal::default()).unwrap();
    assert_eq!(ws.round(), 2);
    let shown: Vec<&Finding> = ws.entries().iter().flat_map(|&e| ws.findings(e)).collect();
    assert_same(&keys_of(shown), &round_2, "the workspace");

    // Its comparison screen, with round 1.
    let expected_position = IpPosition::of(ws.analysis(), ws.document(), &library, Some(&registry));
    let mut app = App::new(ws, Theme::monochrome(), ratatui::layout::Size::new(120, 36));
    app.store = Some(store.clone());
    app.update(Action::OpenCompare);
    app.update(Action::Activate);
    app.poll_work(true);
    let comparison = &app.comparison().expect("compared with round 1").comparison;
    let counts = |s: Summary| [s.high, s.medium, s.low, s.info].map(|n| n as u64);
    assert_eq!(
        [counts(comparison.old.summary), counts(comparison.new.summary)],
        [summary(0), summary(1)],
        "the comparison screen counts them"
    );
    drop(app);

    // The redline of the session's latest round.
    let out = dir.path().join("counter.md");
    let cli =
        parse(&["redline", "--session", DEAL, "--out", out.to_str().unwrap(), "--sessions-dir", sessions, "--registry", registry_path]);
    let Some(cli::Command::Redline(args)) = cli.command else { panic!("not a redline") };
    let inputs = cli::redline::load_inputs(&args, &cli::Common::new(&args.analysis, &args.sessions), &library).unwrap();
    assert_same(&keys_of(&inputs.analysis.findings), &round_2, "the redline's analysis");

    // compare, round 1 against round 2.
    let cli = parse(&["compare", &format!("{DEAL}:1"), &format!("{DEAL}:2"), "--sessions-dir", sessions, "--registry", registry_path]);
    let Some(cli::Command::Compare(args)) = cli.command else { panic!("not a compare") };
    let sides = cli::compare::load_sides(&args, &cli::Common::new(&args.analysis, &args.sessions), &library).unwrap();
    assert_same(&keys_of(&sides.old_analysis.findings), &round_1, "compare's round 1");
    assert_same(&keys_of(&sides.new_analysis.findings), &round_2, "compare's round 2");

    // The audit of the session: every point it reports is one of those findings.
    let audit: Value = serde_json::from_slice(&clauseguard(&["audit", sessions, "--format", "json", "--registry", registry_path])).unwrap();
    let position = &audit["sessions"][0];
    assert_eq!(position["name"], DEAL);
    assert_same(&points(position), &points(&serde_json::to_value(&expected_position).unwrap()), "the audit");
}
