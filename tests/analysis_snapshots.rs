//! The JSON analysis of drafts the project wrote, pinned with insta: a change to the library or
//! the analysis that moves a finding shows up here as a diff to review.

use std::path::Path;

use clauseguard::analysis::{Analyzer, Options};
use clauseguard::library::{ClauseLibrary, Severity};

fn analyse(relative: &str) -> clauseguard::analysis::Analysis {
    let library = ClauseLibrary::embedded();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let text = std::fs::read_to_string(&path).unwrap();
    let doc = clauseguard::ingest::from_text(relative, clauseguard::ingest::Format::Txt, &text);
    Analyzer::new(&library).analyze(&doc, &Options::default())
}

#[test]
fn aggressive_round_one() {
    let analysis = analyse("tests/fixtures/rounds/r1.txt");
    insta::assert_json_snapshot!(analysis);
}

#[test]
fn agency_favourable_draft_raises_no_high_risk() {
    let analysis = analyse("tests/fixtures/drafts/agency-favourable.txt");
    assert_eq!(analysis.parties.agency.as_deref(), Some("Consultant"));
    let serious: Vec<_> = analysis.findings.iter().filter(|f| f.severity >= Severity::Medium).map(|f| (&f.rule, &f.phrase)).collect();
    assert!(
        serious.is_empty(),
        "an agency-favourable draft (client assigns feedback to the agency, agency retains its tools) is no risk: {serious:?}"
    );
    insta::assert_json_snapshot!(analysis);
}
