//! The real binary killed with SIGKILL at random moments while it saves a note: the session
//! always loads, and it holds every note whose command finished (was acknowledged) before the
//! kill. Hundreds of kills, so the kill lands inside writes, fsyncs and renames.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use clauseguard::session::SessionStore;

const KILLS: usize = 200;

#[test]
fn killed_binary_never_loses_an_acknowledged_note() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().to_str().unwrap().to_owned();
    let draft = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rounds/r1.txt");
    let ok = Command::new(env!("CARGO_BIN_EXE_clauseguard"))
        .args(["session", "new", "deal", "--draft", draft, "--sessions-dir", &sessions])
        .output()
        .unwrap();
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let store = SessionStore::new(dir.path().to_path_buf());
    // Time three runs; the kills then land anywhere within one and a half of the typical one,
    // while the binary starts, loads and saves.
    let notes = ["timed 0", "timed 1", "timed 2"];
    let mut window = Window::new(typical(|k| vec!["session", "note", "deal", notes[k], "--sessions-dir", &sessions]) * 3 / 2);
    let mut acknowledged: Vec<String> = notes.iter().map(|n| (*n).to_owned()).collect();
    let timed = acknowledged.len();
    let mut killed = 0;
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    for k in 0..KILLS {
        let note = format!("note {k}");
        if run_or_kill(&["session", "note", "deal", &note, "--sessions-dir", &sessions], &mut seed, window.max) {
            acknowledged.push(note);
        } else {
            killed += 1;
        }
        window.record(killed);
        let session = store.load("deal").unwrap_or_else(|e| panic!("after kill {k}: session does not load: {e}"));
        let notes: Vec<&str> = session.notes.iter().map(|n| n.text.as_str()).collect();
        for a in &acknowledged {
            assert!(notes.contains(&a.as_str()), "after kill {k}: acknowledged {a:?} was lost");
        }
    }
    assert!(killed >= KILLS / 10, "the kills must land while the binary runs ({killed} of {KILLS})");
    assert!(acknowledged.len() > timed, "some notes must complete");
    eprintln!("{killed} kills, {} notes acknowledged and kept", acknowledged.len());
}

fn registry_add<'a>(registry: &'a str, name: &'a str) -> [&'a str; 12] {
    [
        "registry",
        "add",
        "--registry",
        registry,
        "--name",
        name,
        "--kind",
        "tool",
        "--description",
        "an internal tool",
        "--created",
        "2024-01-02",
    ]
}

/// The median of three uninterrupted runs, `args(k)` for the k-th (each must succeed).
fn typical<'a>(args: impl Fn(usize) -> Vec<&'a str>) -> Duration {
    let mut times: Vec<Duration> = (0..3)
        .map(|k| {
            let args = args(k);
            let t = Instant::now();
            let status = Command::new(env!("CARGO_BIN_EXE_clauseguard")).args(&args).stdout(Stdio::null()).stderr(Stdio::null()).status();
            assert!(status.unwrap().success(), "{args:?} fails on its own");
            t.elapsed()
        })
        .collect();
    times.sort();
    times[1]
}

/// How long after its start a run may be killed. The runs timed to set it may have been slowed
/// by the tests running beside them: while fewer than a quarter of the last 20 runs were
/// killed, it shrinks.
struct Window {
    max: Duration,
    /// Kills counted when the last 20 runs began, and runs since.
    kills_before: usize,
    runs: usize,
}

impl Window {
    fn new(max: Duration) -> Self {
        Self { max, kills_before: 0, runs: 0 }
    }

    /// Counts a run, given the kills so far.
    fn record(&mut self, kills: usize) {
        self.runs += 1;
        if self.runs == 20 {
            if kills - self.kills_before < 5 {
                self.max = self.max * 3 / 5;
            }
            (self.kills_before, self.runs) = (kills, 0);
        }
    }
}

/// Runs `args` and kills it after a pseudo-random delay; returns whether it finished by itself
/// with success (its write acknowledged).
fn run_or_kill(args: &[&str], seed: &mut u64, max_delay: Duration) -> bool {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    let delay = Duration::from_micros(*seed % max_delay.as_micros().max(1) as u64);
    let mut child = Command::new(env!("CARGO_BIN_EXE_clauseguard")).args(args).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    let start = Instant::now();
    while start.elapsed() < delay && child.try_wait().unwrap().is_none() {
        std::thread::sleep(Duration::from_micros(200));
    }
    if child.try_wait().unwrap().is_none() {
        let _ = child.kill();
    }
    child.wait().unwrap().success()
}

#[test]
fn killed_registry_writes_never_corrupt_the_registry() {
    let dir = tempfile::tempdir().unwrap();
    let registry = dir.path().join("registry.json");
    let registry = registry.to_str().unwrap();
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    // Time three runs; the kills then land anywhere within one and a half of the typical one.
    let names = ["Tool timed 0", "Tool timed 1", "Tool timed 2"];
    let mut window = Window::new(typical(|k| registry_add(registry, names[k]).to_vec()) * 3 / 2);
    let mut acknowledged: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
    let mut killed = 0;
    for k in 0..100 {
        let name = format!("Tool {k}");
        if run_or_kill(&registry_add(registry, &name), &mut seed, window.max) {
            acknowledged.push(name);
        } else {
            killed += 1;
        }
        window.record(killed);
        if std::path::Path::new(registry).exists() {
            let out = Command::new(env!("CARGO_BIN_EXE_clauseguard")).args(["registry", "list", "--registry", registry]).output().unwrap();
            assert!(out.status.success(), "after kill {k}: registry unreadable: {}", String::from_utf8_lossy(&out.stderr));
            let listed = String::from_utf8_lossy(&out.stdout);
            for a in &acknowledged {
                assert!(listed.contains(a.as_str()), "after kill {k}: acknowledged {a} lost");
            }
        }
    }
    assert!(!acknowledged.is_empty() && killed > 10, "{} acknowledged, {killed} killed", acknowledged.len());
}

#[test]
fn killed_redline_never_leaves_a_partial_output() {
    let dir = tempfile::tempdir().unwrap();
    let draft = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo/client-draft-r1.md");
    let out = dir.path().join("counter.docx");
    let out_str = out.to_str().unwrap();
    // Time three runs, then kill anywhere within twice the typical one (a loaded machine makes
    // runs slower than the timed ones, and then nearly every run is killed).
    let max_delay = typical(|_| vec!["redline", draft, "--out", out_str, "--force"]) * 2;
    let (mut seed, mut finished_runs, mut killed) = (0x1234_5678_9abc_def1_u64, 0, 0);
    for k in 0..30 {
        let finished = run_or_kill(&["redline", draft, "--out", out_str, "--force"], &mut seed, max_delay);
        if finished {
            finished_runs += 1;
        } else {
            killed += 1;
        }
        if out.exists() {
            let bytes = std::fs::read(&out).unwrap();
            let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes));
            assert!(zip.is_ok_and(|z| z.len() > 3), "after kill {k}: {} is not a whole .docx", out.display());
        }
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().filter_map(Result::ok).filter(|e| e.path() != out).collect();
        assert!(leftovers.len() <= 1, "temp files pile up: {leftovers:?}");
    }
    assert!(finished_runs >= 2 && killed >= 2, "{finished_runs} finished, {killed} killed");
}
