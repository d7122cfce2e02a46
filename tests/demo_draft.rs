//! The bundled demo draft is what `clauseguard --demo` opens: it must show every concern the
//! default library knows, and the second round must resolve some of them.

use clauseguard::analysis::{Analyzer, Options};
use clauseguard::library::{ClauseLibrary, Concern};

#[test]
fn demo_draft_trips_every_concern() {
    let library = ClauseLibrary::embedded();
    let analysis = Analyzer::new(&library).analyze(&clauseguard::demo::draft(), &Options::default());
    let missing: Vec<Concern> = Concern::ALL.into_iter().filter(|c| !analysis.findings.iter().any(|f| f.concern == *c)).collect();
    assert!(missing.is_empty(), "concerns the demo draft does not trip: {missing:?}");
    assert_eq!(analysis.parties.agency.as_deref(), Some("Provider"));
    assert!(analysis.parties.detected);
}

#[test]
fn every_concern_is_covered_by_the_library() {
    let library = ClauseLibrary::embedded();
    for concern in Concern::ALL {
        let ruled = library.rules().any(|(_, r)| r.concern == concern)
            || library.clauses.iter().any(|c| c.missing.as_ref().is_some_and(|m| m.concern == concern));
        assert!(ruled, "no rule or missing check for {concern}");
        assert!(library.clause_for_concern(concern).is_some());
    }
}
