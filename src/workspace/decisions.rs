//! What the user records during a call: a decision per finding (or per clause), timestamped
//! notes, and the fee and the uplift offered. Each change is saved at once.

use super::fee::{self, STANDARD_UPLIFTS};
use super::{Entry, Saved, Workspace, WorkspaceError};
use crate::analysis::Finding;
use crate::session::{Decision, DecisionState, FeeOffer, Note};

impl Workspace<'_> {
    /// The decision in force for one finding of an entry (or the entry itself when `finding`
    /// is None): the latest one recorded, in any round, for the same finding in the same clause.
    pub fn decision(&self, entry: Entry, finding: Option<&Finding>) -> Option<&Decision> {
        let key = finding.map(Finding::key);
        self.session().decisions.iter().rev().find(|d| {
            d.finding == key
                && match entry {
                    Entry::Missing(_) => d.clause.fingerprint.is_empty(),
                    Entry::Clause(i) => self.clause_of(&d.clause) == Some(i),
                }
        })
    }

    /// Where an entry stands: open while any of its findings is, otherwise the latest decision.
    /// None for a clause with no findings and no decision.
    pub fn state(&self, entry: Entry) -> Option<DecisionState> {
        let findings = self.findings(entry);
        if findings.is_empty() {
            return self.decision(entry, None).map(|d| d.state);
        }
        let decisions: Vec<Option<&Decision>> = findings.iter().map(|f| self.decision(entry, Some(f))).collect();
        if decisions.iter().any(|d| d.is_none_or(|d| d.state == DecisionState::Open)) {
            return Some(DecisionState::Open);
        }
        decisions.into_iter().flatten().max_by(|a, b| a.at.cmp(&b.at)).map(|d| d.state)
    }

    /// Records a decision on finding `finding` of `entry` (or on the entry itself when None).
    /// Countering with rung `rung` of the finding's fallback ladder stores its counter-language.
    pub fn decide(&mut self, entry: Entry, finding: Option<usize>, state: DecisionState, rung: Option<usize>) -> Result<Saved, WorkspaceError> {
        let (key, offer, library_clause) = match finding {
            Some(n) => {
                let findings = self.findings(entry);
                let f = findings.get(n).ok_or_else(|| WorkspaceError::NoSuchFinding(self.label(entry), n + 1))?;
                let offer = rung.and_then(|r| f.fallbacks.get(r)).cloned();
                (Some(f.key()), offer, Some(f.library_clause.clone()))
            }
            None => (None, None, self.standard_for(entry).map(|c| c.id.clone())),
        };
        let decision = Decision {
            clause: self.anchor(entry),
            finding: key,
            state,
            fallback: offer.as_ref().map(|o| o.kind),
            counter_language: offer.map(|o| o.text).filter(|t| !t.trim().is_empty()),
            library_clause,
            round: self.round,
            at: self.now(),
        };
        self.handle.session_mut().decisions.push(decision);
        self.recount();
        Ok(self.save())
    }

    /// Adds a timestamped note on a clause (or entry) or, with None, on the whole session.
    pub fn add_note(&mut self, text: &str, on: Option<Entry>) -> Result<Saved, WorkspaceError> {
        let text = crate::text::sanitize(text, true).trim().to_owned();
        if text.is_empty() {
            return Err(WorkspaceError::EmptyNote);
        }
        let note = Note { at: self.now(), text, clause: on.map(|e| self.anchor(e)), round: self.round };
        self.handle.session_mut().notes.push(note);
        Ok(self.save())
    }

    /// Notes on an entry (None: on the whole session), oldest first.
    pub fn notes(&self, on: Option<Entry>) -> Vec<&Note> {
        self.session()
            .notes
            .iter()
            .filter(|n| match (on, &n.clause) {
                (None, None) => true,
                (Some(Entry::Clause(i)), Some(a)) => self.clause_of(a) == Some(i),
                (Some(e @ Entry::Missing(_)), Some(a)) => a.fingerprint.is_empty() && a.heading.as_deref() == Some(self.label(e).as_str()),
                _ => false,
            })
            .collect()
    }

    /// Sets the project fee from what the user typed (see `fee::parse_fee`).
    pub fn set_fee(&mut self, input: &str) -> Result<Saved, WorkspaceError> {
        let currency = self.session().fee.as_ref().map_or_else(|| "USD".to_owned(), |f| f.currency.clone());
        let fee = fee::parse_fee(input, &currency)?;
        self.handle.session_mut().fee = Some(fee);
        Ok(self.save())
    }

    /// The uplifts to show: the standard three and, when given, one more.
    pub fn uplifts(&self, custom: Option<f64>) -> Vec<(f64, Option<f64>)> {
        let fee = self.session().fee.as_ref();
        STANDARD_UPLIFTS.iter().copied().chain(custom).map(|p| (p, fee.map(|f| fee::uplift(f, p)))).collect()
    }

    /// Records the uplift put to the client.
    pub fn offer_fee(&mut self, percent: f64) -> Result<Saved, WorkspaceError> {
        let fee = self.session().fee.clone().ok_or(WorkspaceError::NoFee)?;
        let offer = FeeOffer { percent, amount: fee::uplift(&fee, percent), accepted: None, at: self.now() };
        self.handle.session_mut().fee_offer = Some(offer);
        Ok(self.save())
    }

    /// Records the client's answer to the uplift offered.
    pub fn answer_offer(&mut self, accepted: bool) -> Result<Saved, WorkspaceError> {
        let at = self.now();
        let offer = self.handle.session_mut().fee_offer.as_mut().ok_or(WorkspaceError::NoOffer)?;
        offer.accepted = Some(accepted);
        offer.at = at;
        Ok(self.save())
    }

    /// Recounts the findings still open; run after anything that changes findings or decisions.
    pub(super) fn recount(&mut self) {
        let entries = self.entries.clone();
        self.open_findings = entries
            .into_iter()
            .map(|e| {
                let findings = self.findings(e);
                findings.iter().filter(|f| self.decision(e, Some(f)).is_none_or(|d| d.state == DecisionState::Open)).count()
            })
            .sum();
    }
}
