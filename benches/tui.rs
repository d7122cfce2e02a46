//! Benchmark of the workspace on a ~250-page draft (CUAD contracts joined to ~750 KB): the time
//! from nothing to the first frame (library, ingest, analysis, workspace on an in-memory
//! session, first draw) and the time to update and redraw after each key of a realistic mix,
//! on a 160x48 test terminal. Targets: first frame within 100 ms, each key within 16 ms.
//! Run: `cargo bench --bench tui`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use clauseguard::library::ClauseLibrary;
use clauseguard::review::{Deal, Review};
use clauseguard::session::{Round, Session};
use clauseguard::tui::{App, Theme, render};
use clauseguard::workspace::{MemorySession, Workspace};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Size;

const WIDTH: u16 = 160;
const HEIGHT: u16 = 48;

fn main() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/cuad-dev/contracts");
    let Ok(entries) = std::fs::read_dir(&corpus) else {
        println!("tui bench: skipped, no corpus at {}", corpus.display());
        return;
    };
    let mut paths: Vec<PathBuf> =
        entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
    paths.sort();
    if paths.is_empty() {
        println!("tui bench: skipped, no .txt contracts in {}", corpus.display());
        return;
    }
    let mut draft = String::new();
    for p in paths.iter().cycle() {
        if draft.len() >= 750 * 1024 {
            break;
        }
        draft.push_str(&std::fs::read_to_string(p).unwrap_or_default());
        draft.push_str("\n\n");
    }
    let dir = std::env::temp_dir().join(format!("clauseguard-tui-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("big-draft.txt");
    std::fs::write(&path, &draft).expect("write the draft");

    // (a) From nothing to the first frame.
    let mut first = Vec::new();
    // Library, ingest, workspace open (analysis included), App::new and the first draw.
    let mut phases: [Vec<Duration>; 4] = Default::default();
    let mut clauses = 0;
    for _ in 0..7 {
        let start = Instant::now();
        let library = ClauseLibrary::embedded();
        let t1 = Instant::now();
        let doc = clauseguard::ingest::load(&path).expect("load");
        let session = Session::new("bench", Round::new(1, "big-draft.txt", &doc.text));
        let t2 = Instant::now();
        let (ws, _) =
            Workspace::open(Review::new(&library, None), Box::new(MemorySession::new(session)), Some(doc), Deal::default(), clock)
                .expect("open");
        let t3 = Instant::now();
        let app = App::new(ws, Theme::colour(), Size::new(WIDTH, HEIGHT));
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
        terminal.draw(|frame| render(&app, frame)).expect("draw");
        let end = Instant::now();
        first.push(end - start);
        for (phase, d) in phases.iter_mut().zip([t1 - start, t2 - t1, t3 - t2, end - t3]) {
            phase.push(d);
        }
        clauses = app.ws.analysis().clauses.len();
    }
    for phase in &mut phases {
        phase.sort();
    }

    // (b) Each key of the mix: update, then draw.
    let library = ClauseLibrary::embedded();
    let doc = clauseguard::ingest::load(&path).expect("load");
    let session = Session::new("bench", Round::new(1, "big-draft.txt", &doc.text));
    let (ws, _) = Workspace::open(Review::new(&library, None), Box::new(MemorySession::new(session)), Some(doc), Deal::default(), clock)
        .expect("open");
    let mut app = App::new(ws, Theme::colour(), Size::new(WIDTH, HEIGHT));
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
    terminal.draw(|frame| render(&app, frame)).expect("draw");
    let mut keys: Vec<&str> = vec!["j"; 100];
    keys.extend(["k", "G", "g", "]", "[", "Tab", "Enter", "Tab", "f", "?", "Esc", "s", "/", "l", "i", "c", "e", "n", "Enter", "n", "N"]);
    keys.extend(["Ctrl-d", "Ctrl-u", "f", "s"]);
    let mut times: Vec<(Duration, &str)> = Vec::new();
    for _ in 0..3 {
        for &key in &keys {
            let start = Instant::now();
            app.handle_event(&Event::Key(event(key)));
            terminal.draw(|frame| render(&app, frame)).expect("draw");
            times.push((start.elapsed(), key));
        }
    }
    let mut per_key: Vec<Duration> = times.iter().map(|t| t.0).collect();
    per_key.sort();
    let slowest = times.iter().max_by_key(|t| t.0).map_or("", |t| t.1);

    first.sort();
    println!("draft: {} bytes (~{} pages), {clauses} clauses; terminal {WIDTH}x{HEIGHT}", draft.len(), draft.len() / 3000);
    println!(
        "first frame (library + ingest + analysis + workspace + draw): median {:.1} ms, min {:.1} ms, max {:.1} ms over {} runs (target 100 ms)",
        ms(first[first.len() / 2]),
        ms(first[0]),
        ms(first[first.len() - 1]),
        first.len()
    );
    let [lib, ingest, open, draw] = phases.map(|p| ms(p[p.len() / 2]));
    println!(
        "  of which (medians): library {lib:.1} ms, ingest {ingest:.1} ms, workspace open with analysis {open:.1} ms, App::new + first draw {draw:.1} ms"
    );
    println!(
        "per key (update + draw), {} keys: median {:.2} ms, p95 {:.2} ms, max {:.2} ms (slowest key {slowest:?}) (target 16 ms)",
        per_key.len(),
        ms(per_key[per_key.len() / 2]),
        ms(per_key[(per_key.len() * 95 / 100).min(per_key.len() - 1)]),
        ms(per_key[per_key.len() - 1])
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn clock() -> String {
    "2026-03-04T10:42:13Z".to_owned()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn event(key: &str) -> KeyEvent {
    let (code, modifiers) = match key {
        "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
        "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
        "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
        k if k.starts_with("Ctrl-") => (KeyCode::Char(k.chars().last().unwrap_or('d')), KeyModifiers::CONTROL),
        k => (KeyCode::Char(k.chars().next().unwrap_or(' ')), KeyModifiers::NONE),
    };
    KeyEvent::new(code, modifiers)
}
