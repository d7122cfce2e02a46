//! Writes the sample negotiation sessions in `sessions/` from the demo drafts in `assets/demo/`:
//! a two-round negotiation of the demo deal and a second deal, with decisions, notes and fee
//! figures, as the workspace would have saved them. Re-run after the library or drafts change:
//! `cargo run --example sample_sessions`.

use std::path::Path;

use clauseguard::analysis::{Analyzer, FindingKind, Options};
use clauseguard::library::{ClauseLibrary, Concern, FallbackKind};
use clauseguard::session::{ClauseAnchor, Decision, DecisionState, Engagement, Fee, FeeOffer, Note, OfferAnswer, Round, Session};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |name: &str| std::fs::read_to_string(root.join("assets/demo").join(name)).expect("demo draft");
    let library = ClauseLibrary::embedded();
    let analyzer = Analyzer::new(&library);

    let mut meridian = session("meridian-ai-services", "client-draft-r1.md", &read("client-draft-r1.md"), "2025-03-04T15:00:00Z");
    meridian.client = Some("Meridian Health Analytics, Inc.".into());
    meridian.agency = Some("Lumen Loop AI LLC".into());
    meridian.engagement = Engagement::Project;
    meridian.fee = Some(Fee { amount: 180_000.0, currency: "USD".into() });
    // Round 1, on the call: counter the worst findings, park one, offer the uplift.
    let round1 = meridian.rounds[0].document();
    let a1 = analyzer.analyze(&round1, &Options::default());
    let plan = [
        (Concern::BroadWorkProduct, DecisionState::Countered, Some(FallbackKind::NarrowScope)),
        (Concern::AssignmentBeforePayment, DecisionState::Countered, Some(FallbackKind::NarrowScope)),
        (Concern::NoResiduals, DecisionState::Countered, Some(FallbackKind::Boundaries)),
        (Concern::PreExistingIp, DecisionState::Countered, Some(FallbackKind::LicenseBack)),
        (Concern::NonCompete, DecisionState::Parked, None),
        (Concern::MoralRightsWaiver, DecisionState::Accepted, None),
    ];
    for (concern, state, rung) in plan {
        let Some(f) = a1.findings.iter().find(|f| f.concern == concern) else { continue };
        let anchor = f.clause.map(|i| ClauseAnchor::of(&round1.analysed, &a1.clauses[i].clause()));
        let fallback = rung.and_then(|k| f.fallbacks.iter().find(|o| o.kind == k));
        meridian.decisions.push(Decision {
            clause: anchor.unwrap_or(ClauseAnchor { number: None, heading: Some("whole draft".into()), fingerprint: String::new() }),
            finding: Some(f.key()),
            state,
            fallback: fallback.map(|o| o.kind),
            counter_language: fallback.map(|o| o.text.clone()).filter(|t| !t.is_empty()),
            library_clause: Some(f.library_clause.clone()),
            round: 1,
            at: "2025-03-04T15:20:00Z".into(),
        });
    }
    meridian.offers = vec![
        offer(40.0, 72_000.0, "USD", OfferAnswer::Declined, "2025-03-04T15:30:00Z", Some("2025-03-04T15:33:00Z")),
        offer(30.0, 54_000.0, "USD", OfferAnswer::Open, "2025-03-04T15:35:00Z", None),
    ];
    let ownership =
        a1.findings.iter().find(|f| f.kind == FindingKind::Phrase && f.concern == Concern::BroadWorkProduct).and_then(|f| f.clause);
    meridian.notes.push(note(
        "2025-03-04T15:12:00Z",
        "Counsel says the 'all work product' definition is their standard; open to Schedule A if we list our tools.",
        ownership.map(|i| ClauseAnchor::of(&round1.analysed, &a1.clauses[i].clause())),
        1,
    ));
    meridian.notes.push(note(
        "2025-03-04T15:40:00Z",
        "Offered full transfer at +30% ($54,000) as the alternative; they will come back after talking to procurement.",
        None,
        1,
    ));
    // Round 2 arrives a week later.
    meridian
        .rounds
        .push(Round { received: "2025-03-11T09:00:00Z".into(), ..Round::new(2, "client-draft-r2.md", &read("client-draft-r2.md")) });
    meridian.notes.push(note(
        "2025-03-11T16:05:00Z",
        "Round 2: Schedule A scope and payment condition accepted by the client; joint developments still go to Client.",
        None,
        2,
    ));
    meridian.updated = "2025-03-11T16:05:00Z".into();

    let mut harborline = session("harborline-platform", "second-deal.md", &read("second-deal.md"), "2025-06-03T17:00:00Z");
    harborline.client = Some("Harborline Freight Systems, Inc.".into());
    harborline.agency = Some("Lumen Loop AI LLC".into());
    harborline.engagement = Engagement::Productized;
    harborline.fee = Some(Fee { amount: 96_000.0, currency: "USD".into() });
    let round = harborline.rounds[0].document();
    let a = analyzer.analyze(&round, &Options::default());
    for f in a.findings.iter().filter(|f| f.kind == FindingKind::Phrase).take(3) {
        let fallback = f.fallbacks.iter().find(|o| !o.text.is_empty());
        harborline.decisions.push(Decision {
            clause: ClauseAnchor::of(&round.analysed, &a.clauses[f.clause.unwrap_or(0)].clause()),
            finding: Some(f.key()),
            state: DecisionState::Countered,
            fallback: fallback.map(|o| o.kind),
            counter_language: fallback.map(|o| o.text.clone()),
            library_clause: Some(f.library_clause.clone()),
            round: 1,
            at: "2025-06-03T17:30:00Z".into(),
        });
    }
    harborline.offers = vec![offer(20.0, 19_200.0, "USD", OfferAnswer::Declined, "2025-06-03T17:45:00Z", Some("2025-06-03T17:48:00Z"))];
    harborline.notes.push(note(
        "2025-06-03T17:50:00Z",
        "Customer refused the uplift; wants the instance, not the platform. Fine: that is our productized position.",
        None,
        1,
    ));
    harborline.updated = "2025-06-03T17:50:00Z".into();

    for s in [meridian, harborline] {
        let path = root.join("sessions").join(format!("{}.json", s.name));
        let json = serde_json::to_string_pretty(&s).expect("serialise") + "\n";
        std::fs::write(&path, json).expect("write session");
        println!("wrote {} ({} rounds, {} decisions, {} notes)", path.display(), s.rounds.len(), s.decisions.len(), s.notes.len());
    }
}

fn session(name: &str, file: &str, text: &str, at: &str) -> Session {
    let mut s = Session::new(name, Round { received: at.into(), ..Round::new(1, file, text) });
    s.created = at.into();
    s.updated = at.into();
    s
}

fn note(at: &str, text: &str, clause: Option<ClauseAnchor>, round: u32) -> Note {
    Note { at: at.into(), text: text.into(), clause, round }
}

/// An uplift offered in round 1.
fn offer(percent: f64, amount: f64, currency: &str, answer: OfferAnswer, at: &str, answered: Option<&str>) -> FeeOffer {
    FeeOffer { percent, amount, currency: currency.into(), round: 1, answer, at: at.into(), answered: answered.map(Into::into) }
}
