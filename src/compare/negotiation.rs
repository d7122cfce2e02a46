//! What was said and decided in a saved session as of one round (decisions, fee figures,
//! notes), shown beside that round in a comparison by the CLI report and the workspace alike.

use super::{Aligned, Negotiation};
use crate::ingest::Document;
use crate::segment::segment;
use crate::session::{ClauseAnchor, Session};

/// The decisions, fee and notes of a session as of one round, for the report. `since`: the
/// earlier round this one is compared with and their alignment, so that a clause the
/// comparison pairs is named by its counterpart here, never reported absent.
pub fn negotiation(session: &Session, round: u32, doc: &Document, since: Option<(&Document, &Aligned)>) -> Negotiation {
    let clauses = segment(&doc.analysed, &doc.text);
    let earlier = since.map(|(d, aligned)| (d, segment(&d.analysed, &d.text), aligned));
    let label = |anchor: &ClauseAnchor| {
        let paired = earlier.as_ref().and_then(|(d, old, aligned)| aligned.counterparts(anchor.locate(&d.analysed, old)?));
        match paired {
            Some(new) if !new.is_empty() => new.iter().map(|&j| clauses[j].label()).collect::<Vec<_>>().join(" + "),
            _ => anchor
                .locate(&doc.analysed, &clauses)
                .map_or_else(|| format!("{} (not in this round)", anchor.label()), |i| clauses[i].label()),
        }
    };
    let money = |amount: f64| session.fee.as_ref().map_or_else(|| format!("{amount:.2}"), |f| crate::fee::money(amount, &f.currency));
    Negotiation {
        session: session.name.clone(),
        round,
        client: session.client.clone(),
        engagement: session.engagement.label().to_owned(),
        fee: session
            .fee
            .as_ref()
            .map(|f| format!("{} ({})", crate::fee::money(f.amount, &f.currency), crate::fee::band_line(f.amount, &f.currency))),
        fee_offer: session.fee_offer.as_ref().map(|o| {
            let answer = match o.accepted {
                Some(true) => "accepted",
                Some(false) => "refused",
                None => "no answer yet",
            };
            format!("{:.0}% = {} ({answer})", o.percent, money(o.amount))
        }),
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
