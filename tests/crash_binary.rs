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
    let bin = env!("CARGO_BIN_EXE_clauseguard");
    let ok = Command::new(bin).args(["session", "new", "deal", "--draft", draft, "--sessions-dir", &sessions]).output().unwrap();
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let store = SessionStore::new(dir.path().to_path_buf());
    let mut acknowledged: Vec<String> = Vec::new();
    let mut killed = 0;
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    for k in 0..KILLS {
        // A delay between 0 and ~12 ms: the binary starts, loads, saves in that window.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = Duration::from_micros(seed % 12_000);
        let note = format!("note {k}");
        let mut child = Command::new(bin)
            .args(["session", "note", "deal", &note, "--sessions-dir", &sessions])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        while start.elapsed() < delay {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        if child.try_wait().unwrap().is_none() {
            let _ = child.kill();
            killed += 1;
        }
        let status = child.wait().unwrap();
        if status.success() {
            acknowledged.push(note);
        }
        let session = store.load("deal").unwrap_or_else(|e| panic!("after kill {k}: session does not load: {e}"));
        let notes: Vec<&str> = session.notes.iter().map(|n| n.text.as_str()).collect();
        for a in &acknowledged {
            assert!(notes.contains(&a.as_str()), "after kill {k}: acknowledged {a:?} was lost");
        }
    }
    assert!(killed >= KILLS / 4, "the kills must land while the binary runs ({killed} of {KILLS})");
    assert!(!acknowledged.is_empty(), "some notes must complete");
    eprintln!("{killed} kills, {} notes acknowledged and kept", acknowledged.len());
}
