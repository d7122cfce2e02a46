//! What was said and decided in a saved session as of one round (decisions, fee figures,
//! notes), shown beside that round in a comparison by the CLI report and the workspace alike.

use super::Negotiation;
use crate::ingest::Document;
use crate::segment::segment;
use crate::session::Session;

/// The decisions, fee and notes of a session as of one round, for the report.
pub fn negotiation(session: &Session, round: u32, doc: &Document) -> Negotiation {
    let clauses = segment(&doc.analysed, &doc.text);
    let label = |anchor: &crate::session::ClauseAnchor| {
        anchor.locate(&doc.analysed, &clauses).map_or_else(|| format!("{} (not in this round)", anchor.label()), |i| clauses[i].label())
    };
    Negotiation {
        session: session.name.clone(),
        round,
        client: session.client.clone(),
        engagement: session.engagement.label().to_owned(),
        fee: session
            .fee
            .as_ref()
            .map(|f| format!("{} ({})", crate::fee::money(f.amount, &f.currency), crate::fee::band_line(f.amount, &f.currency))),
        offers: session.offers_until(round).map(|o| format!("round {}: {}", o.round, o.describe())).collect(),
        decisions: session
            .decisions
            .iter()
            .filter(|d| d.round <= round)
            .map(|d| {
                let fallback = d.fallback.map(|k| format!(" ({})", k.label())).unwrap_or_default();
                let concern = d.finding.as_deref().and_then(|f| f.split('|').next()).map(|c| format!(" [{c}]")).unwrap_or_default();
                format!("round {}: {}{concern}: {}{fallback}", d.round, label(&d.clause), d.state.label())
            })
            .collect(),
        notes: session
            .notes
            .iter()
            .filter(|n| n.round <= round)
            .map(|n| format!("{} {}: {}", n.at, n.clause.as_ref().map_or_else(|| "session".to_owned(), label), n.text))
            .collect(),
    }
}
