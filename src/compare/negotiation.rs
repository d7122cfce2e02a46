//! What was said and decided in a saved session as of one round (decisions, fee figures,
//! notes), shown beside that round in a comparison by the CLI report and the workspace alike.

use std::collections::{BTreeMap, BTreeSet};

use super::{Alignment, Negotiation};
use crate::ingest::Document;
use crate::segment::{Clause, segment};
use crate::session::{ClauseAnchor, Session};

/// The decisions, fee and notes of a session as of one round, for the report. A decision or
/// note made in an earlier round is named by the clause that round's clause became here (the
/// rounds aligned by content, as a comparison aligns them), so a clause reworded and
/// renumbered since is never reported absent.
pub fn negotiation(session: &Session, round: u32, doc: &Document) -> Negotiation {
    let clauses = segment(&doc.analysed, &doc.text);
    let spans = super::clause_spans(&clauses);
    let made_in = session.decisions.iter().map(|d| d.round).chain(session.notes.iter().map(|n| n.round));
    let earlier: BTreeMap<u32, (Document, Vec<Clause>, Alignment)> = made_in
        .filter(|&r| r < round)
        .collect::<BTreeSet<u32>>()
        .into_iter()
        .filter_map(|r| {
            let old = session.round(r)?.document();
            let old_clauses = segment(&old.analysed, &old.text);
            let alignment = super::alignment((&old, &super::clause_spans(&old_clauses)), (doc, &spans));
            Some((r, (old, old_clauses, alignment)))
        })
        .collect();
    let label = |anchor: &ClauseAnchor, made_in: u32| {
        let became = earlier.get(&made_in).and_then(|(old, old_clauses, alignment)| {
            let i = anchor.locate(&old.analysed, old_clauses)?;
            alignment.pairs.iter().find(|p| p.old.contains(&i)).map(|p| p.new.iter().map(|&j| clauses[j].label()).collect::<Vec<_>>())
        });
        match became {
            Some(labels) if !labels.is_empty() => labels.join(" + "),
            _ => anchor
                .locate(&doc.analysed, &clauses)
                .map_or_else(|| format!("{} (not in this round)", anchor.label()), |i| clauses[i].label()),
        }
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
                format!("round {}: {}{concern}: {}{fallback}", d.round, label(&d.clause, d.round), d.state.label())
            })
            .collect(),
        notes: session
            .notes
            .iter()
            .filter(|n| n.round <= round)
            .map(|n| format!("{} {}: {}", n.at, n.clause.as_ref().map_or_else(|| "session".to_owned(), |c| label(c, n.round)), n.text))
            .collect(),
    }
}
