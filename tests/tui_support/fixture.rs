//! A small fixed world for the workspace tests: a three-clause library, a short draft, a fixed
//! clock, and helpers to press keys and draw the screen. Written here (not read from the
//! embedded library) so the snapshots change only when the screen does.

#![allow(dead_code, reason = "each test file uses a different part of the fixture")]

use std::sync::LazyLock;

use clauseguard::ingest::{self, Format};
use clauseguard::library::ClauseLibrary;
use clauseguard::review::{Deal, Review};
use clauseguard::session::{Round, Session};
use clauseguard::tui::{App, Theme, render};
use clauseguard::workspace::{MemorySession, Workspace};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Size;

pub const NOW: &str = "2026-03-04T10:42:13Z";

pub fn clock() -> String {
    NOW.to_owned()
}

pub const DRAFT: &str = "SERVICES AGREEMENT

This Services Agreement is made between Acme Corp (\"Client\") and Bright Labs LLC (\"Agency\").

1. Services. Agency will build a document classification model for Client as described in Schedule A.

2. Ownership. All work product created during the engagement shall be owned by Client upon creation, including any tools and frameworks Agency uses.

3. Agency Materials. Agency grants Client an exclusive, transferable licence to Agency's pre-existing tools.

4. Fees. Client shall pay Agency the fees in Schedule B within thirty days of invoice.

5. Confidentiality. Each party keeps the other party's confidential information secret.
";

const IP_ASSIGNMENT: &str = r#"{
  "id": "ip-assignment",
  "title": "IP assignment",
  "category": "client-ip",
  "standard_text": "Upon full payment for each deliverable, Agency assigns to Client all right, title and interest in the Client IP, meaning the deliverables described in the Statement of Work.",
  "why_it_matters": "Only what the client paid for transfers, and only once it is paid for.",
  "counsel_note": "Only the deliverables described in the Statement of Work transfer, upon full payment.",
  "keywords": ["ownership", "assignment", "work product"],
  "rules": [
    {"id": "all-work-product", "concern": "broad-work-product", "severity": "high", "patterns": ["all work product"],
     "explanation": "{phrase} reaches everything the agency makes during the engagement, its own tools included."},
    {"id": "on-creation", "concern": "assignment-before-payment", "severity": "medium", "patterns": ["upon creation"],
     "explanation": "{phrase} passes ownership before the client has paid."}
  ],
  "fallbacks": [
    {"kind": "educate", "text": "", "talking_point": "A builder keeps its equipment after building the house."},
    {"kind": "narrow-scope", "text": "all deliverables described in Schedule A", "talking_point": "You own everything we build for you, as listed.", "counsel_note": "Ownership is limited to the deliverables listed in Schedule A."},
    {"kind": "license-back", "text": "Agency retains a perpetual licence to the general methodologies it uses.", "talking_point": "You own the work; we keep using our methods.", "counsel_note": "Agency keeps a license to its general methodologies."},
    {"kind": "fee-uplift", "text": "", "talking_point": "A full transfer costs 20-40% more."}
  ]
}"#;

const AGENCY_IP: &str = r#"{
  "id": "agency-ip-licence",
  "title": "Agency IP licence",
  "category": "agency-ip",
  "standard_text": "Agency retains all ownership of its pre-existing tools, libraries and frameworks and grants Client a perpetual, non-exclusive, non-transferable licence to use them as incorporated in the deliverables.",
  "why_it_matters": "Our frameworks are why delivery takes three months instead of six; they must stay ours.",
  "counsel_note": "Agency's pre-existing tools remain Agency's and are licensed for use in the deliverables.",
  "keywords": ["agency materials", "pre-existing", "licence"],
  "rules": [
    {"id": "transferable", "concern": "transferable-license", "severity": "medium", "patterns": ["(?:exclusive, )?transferable licen[cs]e"],
     "explanation": "{phrase} lets the client hand our tools to others."},
    {"id": "tools", "concern": "methodology-transfer", "severity": "low", "patterns": ["tools and frameworks"],
     "explanation": "{phrase} sweeps the agency's own tools into the client's ownership."}
  ],
  "fallbacks": [
    {"kind": "show-value", "text": "", "talking_point": "Our frameworks are why this takes three months, not six."},
    {"kind": "license-back", "text": "a perpetual, non-exclusive, non-transferable licence", "talking_point": "You can use everything we deliver, forever.", "counsel_note": "The license is perpetual but not transferable."}
  ]
}"#;

const RESIDUALS: &str = r#"{
  "id": "residuals",
  "title": "Residuals",
  "category": "agency-ip",
  "standard_text": "Agency may use the general knowledge, skills and know-how retained by its personnel, provided it does not disclose Client's Confidential Information.",
  "why_it_matters": "Without it the client can claim what our team learned.",
  "counsel_note": "Agency's personnel keep their general know-how, not Client's Confidential Information.",
  "required": true,
  "missing": {"concern": "no-residuals", "severity": "high", "present_when": ["residual~"],
              "explanation": "The draft has no residuals clause."},
  "fallbacks": [
    {"kind": "educate", "text": "", "talking_point": "Every firm keeps what its people learn."},
    {"kind": "boundaries", "text": "Agency may use general know-how, never Client's Confidential Information.", "talking_point": "Your secrets stay secret.", "counsel_note": "General know-how only, never Client's Confidential Information."}
  ]
}"#;

/// The fixture library, loaded once from files written to a temporary folder.
pub static LIBRARY: LazyLock<ClauseLibrary> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [("ip-assignment.json", IP_ASSIGNMENT), ("agency-ip.json", AGENCY_IP), ("residuals.json", RESIDUALS)] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    ClauseLibrary::load_dir(dir.path()).unwrap()
});

pub fn session(name: &str) -> Session {
    let mut session = Session::new(name, Round::new(1, "acme-msa.txt", DRAFT));
    NOW.clone_into(&mut session.created);
    NOW.clone_into(&mut session.updated);
    NOW.clone_into(&mut session.rounds[0].received);
    session
}

pub fn workspace(handle: MemorySession) -> Workspace<'static> {
    Workspace::open(Review::new(&LIBRARY, None), Box::new(handle), None, Deal::default(), clock).unwrap().0
}

pub fn app_with(handle: MemorySession, theme: Theme, width: u16, height: u16) -> App<'static> {
    App::new(workspace(handle), theme, Size::new(width, height))
}

/// The workspace on the fixture draft, in colour, at 100x30.
pub fn app() -> App<'static> {
    app_with(MemorySession::new(session("acme-msa")), Theme::colour(), 100, 30)
}

/// Presses keys written as in the help: `j`, `G`, `Enter`, `Esc`, `Tab`, `Down`, `Ctrl-d`,
/// separated by spaces.
pub fn press(app: &mut App<'_>, keys: &str) {
    for key in keys.split(' ').filter(|k| !k.is_empty()) {
        let (code, mods) = match key {
            "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
            "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
            "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
            "Down" => (KeyCode::Down, KeyModifiers::NONE),
            "Up" => (KeyCode::Up, KeyModifiers::NONE),
            "Left" => (KeyCode::Left, KeyModifiers::NONE),
            "Right" => (KeyCode::Right, KeyModifiers::NONE),
            "Backspace" => (KeyCode::Backspace, KeyModifiers::NONE),
            "Space" => (KeyCode::Char(' '), KeyModifiers::NONE),
            k if k.starts_with("Ctrl-") => (KeyCode::Char(k.chars().last().unwrap()), KeyModifiers::CONTROL),
            k if k.chars().count() == 1 => (KeyCode::Char(k.chars().next().unwrap()), KeyModifiers::NONE),
            other => panic!("unknown key {other:?} in test"),
        };
        app.handle_event(&Event::Key(KeyEvent::new(code, mods)));
    }
}

/// Waits for the work running off the input thread (a comparison) and shows its result, as
/// the event loop does when it is ready.
pub fn settle(app: &mut App<'_>) {
    app.poll_work(true);
}

/// Types text into the open box, one key at a time.
pub fn type_text(app: &mut App<'_>, text: &str) {
    for c in text.chars() {
        app.handle_event(&Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
    }
}

/// Draws the app on a test terminal of its size.
pub fn draw(app: &App<'_>) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|frame| render(app, frame)).unwrap();
    terminal
}

/// The screen as text, one string per row.
pub fn screen(app: &App<'_>) -> String {
    draw(app).backend().to_string()
}

/// A document of the fixture draft (for opening a workspace with a new round).
pub fn draft_document(text: &str) -> clauseguard::ingest::Document {
    ingest::from_text("acme-msa-r2.txt", Format::Txt, text)
}
