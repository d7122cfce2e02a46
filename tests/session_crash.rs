//! A clauseguard killed (SIGKILL) in the middle of saving leaves a session that loads, with
//! either the old content or the new, never a mix, and the next save cleans up after it.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use clauseguard::session::{Round, Session, SessionStore};

const HELPER_DIR: &str = "CLAUSEGUARD_TEST_SAVER_DIR";
const NAME: &str = "crash";
/// Large enough that a save spends real time writing and flushing.
const PAYLOAD_BYTES: usize = 256 << 10;

/// The content saved at `revision`: every part of it says which revision it belongs to.
fn content(session: &mut Session, revision: u64) {
    let letter = char::from(b'a' + (revision % 26) as u8);
    session.rounds = vec![Round::new(1, "draft.txt", &letter.to_string().repeat(PAYLOAD_BYTES))];
    session.agency = Some(format!("rev-{revision}"));
}

fn check(session: &Session) {
    let r = session.revision;
    let letter = char::from(b'a' + (r % 26) as u8);
    assert_eq!(session.agency.as_deref(), Some(format!("rev-{r}").as_str()), "agency from another revision");
    let text = &session.rounds[0].text;
    assert!(text.len() == PAYLOAD_BYTES && text.chars().all(|c| c == letter), "round text from another revision than {r}");
}

/// Run as a child process by the test below: saves in a loop until killed.
#[test]
#[ignore = "helper process for killed_mid_save_leaves_a_loadable_session"]
fn saver() {
    let Some(dir) = std::env::var_os(HELPER_DIR) else { return };
    let store = SessionStore::new(dir.into());
    let mut open = store.open(NAME).unwrap();
    assert!(!open.read_only(), "the previous saver's lock outlived it");
    loop {
        let next = open.session().revision + 1;
        content(open.session_mut(), next);
        open.save().unwrap();
    }
}

fn temp_files(dir: &Path) -> usize {
    std::fs::read_dir(dir).unwrap().filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().starts_with('.')).count()
}

#[test]
fn killed_mid_save_leaves_a_loadable_session() {
    let tmp = tempfile::tempdir().unwrap();
    let store = SessionStore::new(tmp.path().join("sessions"));
    let mut first = Session::new(NAME, Round::new(1, "draft.txt", "x"));
    content(&mut first, 0);
    drop(store.create(first).unwrap());

    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut last_revision = 0;
    let mut killed_mid_write = 0;
    for _ in 0..50 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["saver", "--exact", "--ignored", "--quiet"])
            .env(HELPER_DIR, store.dir())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait for the saver to get going, then for its next temporary file to appear, and
        // kill it a pseudo-random moment later: while it writes, flushes or renames.
        let started = Instant::now();
        while store.load(NAME).unwrap().revision == last_revision {
            assert!(started.elapsed() < Duration::from_secs(30), "the saver made no progress");
            assert!(child.try_wait().unwrap().is_none(), "the saver died on its own");
            std::thread::sleep(Duration::from_millis(1));
        }
        let watching = Instant::now();
        while temp_files(store.dir()) == 0 && watching.elapsed() < Duration::from_secs(5) {
            std::hint::spin_loop();
        }
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_micros(seed % 3_000));
        child.kill().unwrap();
        child.wait().unwrap();

        if temp_files(store.dir()) > 0 {
            killed_mid_write += 1;
        }
        let session = store.load(NAME).unwrap();
        check(&session);
        assert!(session.revision > last_revision, "revision went from {last_revision} to {}", session.revision);
        last_revision = session.revision;
    }
    eprintln!("{killed_mid_write} of 50 kills left a half-written temporary file");
    // The next clauseguard to open the session clears what the killed ones left behind.
    let open = store.open(NAME).unwrap();
    check(open.session());
    assert_eq!(temp_files(store.dir()), 0);
}
