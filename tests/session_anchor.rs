//! Decisions and notes find their clause again after the client renumbers, inserts and
//! rewords clauses between rounds.

use std::path::Path;

use clauseguard::segment::{Clause, segment};
use clauseguard::session::{ClauseAnchor, Decision, DecisionState, Round, Session};

const ROUND_1: &str = "\
MASTER SERVICES AGREEMENT

1. Services. Agency shall provide the services described in each Statement of Work.

2. Ownership. All work product created during the engagement shall be owned exclusively by Client.

3. Pre-Existing Materials. Agency grants Client a perpetual, transferable licence to its tools.

4. Confidentiality. Each party keeps the other's information confidential for five years.

5. Fees. Client pays each invoice within 30 days of receipt.
";

/// The client's next draft: a definitions clause inserted at the top, everything renumbered,
/// §3 (now §4) reworded at its start, and §5 (now §6) rewritten completely.
const ROUND_2: &str = "\
MASTER SERVICES AGREEMENT

1. Definitions. Capitalised terms have the meanings given in Schedule A.

2. Services. Agency shall provide the services described in each Statement of Work.

3. Ownership. All work product created during the engagement shall be owned exclusively by Client.

4. Pre-Existing Materials. Subject to Section 6, Agency grants Client a perpetual, transferable licence to its tools.

5. Confidentiality. Each party keeps the other's information confidential for five years.

6. Fees. Payment terms are net 45 from the date the invoice is received.
";

fn clause_by_number<'a>(clauses: &'a [Clause], number: &str) -> &'a Clause {
    clauses.iter().find(|c| c.number.as_deref() == Some(number)).unwrap()
}

#[test]
fn decisions_follow_their_clause_through_renumbering() {
    let old = segment(ROUND_1, ROUND_1);
    let new = segment(ROUND_2, ROUND_2);
    for (was, now) in [("1", "2"), ("2", "3"), ("3", "4"), ("4", "5")] {
        let anchor = ClauseAnchor::of(ROUND_1, clause_by_number(&old, was));
        let found = anchor.locate(ROUND_2, &new).map(|i| new[i].number.clone().unwrap());
        assert_eq!(found.as_deref(), Some(now), "§{was} ({}) should be found as §{now}", anchor.fingerprint);
    }
    // §5 Fees was rewritten: its wording is gone, so it is found by its number and heading.
    // In round 2 "5" is Confidentiality, so the heading keeps it from landing there.
    let fees = ClauseAnchor::of(ROUND_1, clause_by_number(&old, "5"));
    assert_eq!(fees.locate(ROUND_2, &new), None);
    let fees_same_number = ClauseAnchor { number: Some("6".into()), ..fees };
    assert_eq!(fees_same_number.locate(ROUND_2, &new).map(|i| new[i].number.clone().unwrap()).as_deref(), Some("6"));
}

#[test]
fn decision_for_a_reworded_clause_comes_from_the_earlier_round() {
    let old = segment(ROUND_1, ROUND_1);
    let new = segment(ROUND_2, ROUND_2);
    let mut session = Session::new("acme", Round::new(1, "v1.txt", ROUND_1));
    let licence = ClauseAnchor::of(ROUND_1, clause_by_number(&old, "3"));
    let ownership = ClauseAnchor::of(ROUND_1, clause_by_number(&old, "2"));
    let decide = |clause: ClauseAnchor, state| Decision {
        clause,
        finding: Some("transferable-license|r|transferable".into()),
        state,
        fallback: None,
        counter_language: None,
        library_clause: None,
        round: 1,
        at: clauseguard::session::now(),
    };
    session.decide(decide(licence, DecisionState::Countered));
    session.decide(decide(ownership, DecisionState::Accepted));
    session.add_round("v2.txt", ROUND_2);
    // Round 2's anchors differ from round 1's (reworded, renumbered); the decisions still apply.
    let licence_now = ClauseAnchor::of(ROUND_2, clause_by_number(&new, "4"));
    assert_ne!(licence_now.fingerprint, session.decisions[0].clause.fingerprint);
    let found = session.decision_for(&licence_now, Some("transferable-license|r|transferable")).unwrap();
    assert_eq!(found.state, DecisionState::Countered);
    let ownership_now = ClauseAnchor::of(ROUND_2, clause_by_number(&new, "3"));
    assert_eq!(session.decision_for(&ownership_now, Some("transferable-license|r|transferable")).unwrap().state, DecisionState::Accepted);
    let definitions = ClauseAnchor::of(ROUND_2, clause_by_number(&new, "1"));
    assert!(session.decision_for(&definitions, Some("transferable-license|r|transferable")).is_none());
}

/// On real contracts: every clause with a distinctive opening is found again after a clause
/// is inserted before it (all indices shift by one).
#[test]
fn real_contracts_survive_an_inserted_clause() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev");
    let corpus = if corpus.is_dir() { corpus } else { Path::new("/work/shared/corpus/dev").to_owned() };
    if !corpus.is_dir() {
        eprintln!("skipping: no corpus at {}", corpus.display());
        return;
    }
    for file in ["commonpaper-psa-v1.1.md", "github-balanced-employee-ip-agreement.md", "far-52.227-17-rights-in-data-special-works.txt"] {
        let text = std::fs::read_to_string(corpus.join(file)).unwrap();
        let clauses = segment(&text, &text);
        let inserted = format!("0. Definitions. Words in capitals are defined in the Order Form of the parties.\n\n{text}");
        let after = segment(&inserted, &inserted);
        let anchors: Vec<ClauseAnchor> = clauses.iter().map(|c| ClauseAnchor::of(&text, c)).collect();
        let mut checked = 0;
        for (i, anchor) in anchors.iter().enumerate() {
            let distinct =
                anchor.fingerprint.split(' ').count() >= 8 && anchors.iter().filter(|a| a.fingerprint == anchor.fingerprint).count() == 1;
            if !distinct {
                continue;
            }
            checked += 1;
            let found = anchor.locate(&inserted, &after).unwrap_or_else(|| panic!("{file}: clause {i} ({}) lost", anchor.label()));
            assert_eq!(&inserted[after[found].start..after[found].end], &text[clauses[i].start..clauses[i].end], "{file}: clause {i}");
        }
        assert!(checked * 2 >= clauses.len(), "{file}: only {checked} of {} clauses distinctive", clauses.len());
    }
}

#[test]
fn among_similar_wordings_the_latest_decision_stands() {
    let anchor = |fingerprint: &str| ClauseAnchor { number: Some("4".into()), heading: None, fingerprint: fingerprint.into() };
    let decide = |clause, round, state| Decision {
        clause,
        finding: None,
        state,
        fallback: None,
        counter_language: None,
        library_clause: None,
        round,
        at: clauseguard::session::now(),
    };
    let mut session = Session::new("acme", Round::new(1, "v1.txt", ROUND_1));
    // Round 1's wording is closer to what is asked about than round 2's; round 2's still stands.
    session.decide(decide(
        anchor("agency grants client a perpetual transferable licence to its tools and methods"),
        1,
        DecisionState::Countered,
    ));
    session.decide(decide(
        anchor("subject to payment agency grants client a perpetual transferable licence to its tools"),
        2,
        DecisionState::Accepted,
    ));
    let asked = anchor("agency grants client a perpetual transferable licence to its tools and know how");
    assert_eq!(session.decision_for(&asked, None).unwrap().state, DecisionState::Accepted);
}
