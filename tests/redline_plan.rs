//! Planning a redline: which passages are struck, which words go in, where new clauses go.

use std::path::Path;

use clauseguard::analysis::{Analyzer, Options};
use clauseguard::library::{ClauseLibrary, Severity};
use clauseguard::redline::{self, Draft, Redline, RedlineOptions};

fn library() -> ClauseLibrary {
    ClauseLibrary::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/redline/library")).expect("fixture library")
}

fn plan_file(name: &str, only: Severity) -> Redline {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/redline").join(name);
    let doc = clauseguard::ingest::load(&path).expect("fixture draft");
    let library = library();
    let analysis = Analyzer::new(&library).analyze(&doc, &Options::default());
    let options = RedlineOptions { only, author: "Brightlabs".into(), date: "2026-03-01T10:00:00Z".into() };
    redline::plan(Draft::from_text(&doc), &analysis, &library, &[], options)
}

#[test]
fn debug_print() {
    let r = plan_file("numbered-draft.md", Severity::Low);
    for c in &r.changes {
        println!("{:#?}", c);
    }
    println!("{:#?}", r.open);
}
