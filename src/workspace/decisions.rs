//! What the user records during a call: a decision per finding (or per clause), timestamped
//! notes, and the fee and the uplift offered. Each change is saved at once.

use super::fee;
use super::{Entry, Saved, Workspace, WorkspaceError};
use crate::analysis::Finding;
use crate::fee::{BAND, uplift};
use crate::session::{ClauseAnchor, Decision, DecisionState, FeeOffer, Note, OfferAnswer};

impl Workspace<'_> {
    /// The decision in force for one finding of an entry (or the entry itself when `finding`
    /// is None): see `Session::decision_for`.
    pub fn decision(&self, entry: Entry, finding: Option<&Finding>) -> Option<&Decision> {
        let key = finding.map(Finding::key);
        self.session().decision_for(&self.anchor(entry), key.as_deref())
    }

    /// Where an entry stands: open while any of its findings is, otherwise the latest decision.
    /// None for a clause with no findings and no decision.
    pub fn state(&self, entry: Entry) -> Option<DecisionState> {
        self.position(entry).and_then(|p| self.states.get(p)).and_then(|s| s.0)
    }

    fn position(&self, entry: Entry) -> Option<usize> {
        match entry {
            // Missing protections come first, then every clause in order.
            Entry::Clause(i) => Some(self.entries.len() - self.analysis.clauses.len() + i),
            Entry::Missing(_) => self.entries.iter().position(|e| *e == entry),
        }
    }

    fn work_out_state(&self, entry: Entry) -> (Option<DecisionState>, usize) {
        let findings = self.findings(entry);
        if findings.is_empty() {
            return (self.decision(entry, None).map(|d| d.state), 0);
        }
        let decisions: Vec<Option<&Decision>> = findings.iter().map(|f| self.decision(entry, Some(f))).collect();
        let open = decisions.iter().filter(|d| d.is_none_or(|d| d.state == DecisionState::Open)).count();
        if open > 0 {
            return (Some(DecisionState::Open), open);
        }
        (decisions.into_iter().flatten().max_by(|a, b| a.at.cmp(&b.at)).map(|d| d.state), 0)
    }

    /// Records a decision on finding `finding` of `entry` (or on the entry itself when None).
    /// Countering with rung `rung` of the finding's fallback ladder stores its counter-language.
    pub fn decide(
        &mut self,
        entry: Entry,
        finding: Option<usize>,
        state: DecisionState,
        rung: Option<usize>,
    ) -> Result<Saved, WorkspaceError> {
        let (key, offer, library_clause) = match finding {
            Some(n) => {
                let findings = self.findings(entry);
                let f = findings.get(n).ok_or_else(|| WorkspaceError::NoSuchFinding(self.label(entry), n + 1))?;
                let offer = rung.and_then(|r| f.fallbacks.get(r)).cloned();
                (Some(f.key()), offer, Some(f.library_clause.clone()))
            }
            None => (None, None, self.standard_for(entry).map(|c| c.id.clone())),
        };
        let anchor = self.anchor(entry);
        let decision = Decision {
            clause: anchor.clone(),
            finding: key,
            state,
            fallback: offer.as_ref().map(|o| o.kind),
            counter_language: offer.map(|o| o.text).filter(|t| !t.trim().is_empty()),
            library_clause,
            round: self.round,
            at: self.now(),
        };
        self.handle.session_mut().decide(decision);
        self.recount_near(&anchor);
        Ok(self.save())
    }

    /// Adds a timestamped note on a clause (or entry) or, with None, on the whole session.
    pub fn add_note(&mut self, text: &str, on: Option<Entry>) -> Result<Saved, WorkspaceError> {
        let text = crate::text::sanitize(text, true).trim().to_owned();
        if text.is_empty() {
            return Err(WorkspaceError::EmptyNote);
        }
        // Built here rather than by `Session::add_note` so the time comes from the workspace's clock.
        let note = Note { at: self.now(), text, clause: on.map(|e| self.anchor(e)), round: self.round };
        self.handle.session_mut().notes.push(note);
        self.note_places.push(on);
        Ok(self.save())
    }

    /// Notes on an entry (None: on the whole session), oldest first.
    pub fn notes(&self, on: Option<Entry>) -> Vec<&Note> {
        let notes = &self.session().notes;
        notes
            .iter()
            .zip(&self.note_places)
            .filter(|(n, place)| **place == on && (on.is_some() || n.clause.is_none()))
            .map(|(n, _)| n)
            .collect()
    }

    /// Works out which entry each stored note is on; run when the session is opened.
    pub(super) fn place_notes(&mut self) {
        let places = self.session().notes.iter().map(|n| n.clause.as_ref().and_then(|anchor| self.entry_of(anchor))).collect();
        self.note_places = places;
    }

    /// Sets the project fee from what the user typed (see `fee::parse_fee`), with how its
    /// separators were read when that is worth a word.
    pub fn set_fee(&mut self, input: &str) -> Result<(Saved, Option<String>), WorkspaceError> {
        let currency = self.session().fee.as_ref().map_or_else(|| "USD".to_owned(), |f| f.currency.clone());
        let read = fee::parse_fee(input, &currency)?;
        self.handle.session_mut().fee = Some(read.fee);
        Ok((self.save(), read.note))
    }

    /// The uplifts to show: the standard three and, when given, one more.
    pub fn uplifts(&self, custom: Option<f64>) -> Vec<(f64, Option<f64>)> {
        let fee = self.session().fee.as_ref();
        BAND.iter().copied().chain(custom).map(|p| (p, fee.map(|f| uplift(f.amount, p)))).collect()
    }

    /// Records an uplift put to the client, after the ones made before: in the fee's currency
    /// as it is now, which a later change of the fee does not touch.
    pub fn offer_fee(&mut self, percent: f64) -> Result<Saved, WorkspaceError> {
        let fee = self.session().fee.clone().ok_or(WorkspaceError::NoFee)?;
        let offer = FeeOffer {
            percent,
            amount: uplift(fee.amount, percent),
            currency: fee.currency,
            round: self.round,
            answer: OfferAnswer::Open,
            at: self.now(),
            answered: None,
        };
        self.handle.session_mut().offers.push(offer);
        Ok(self.save())
    }

    /// Records the client's answer to the uplift offered last (again, if they changed it).
    pub fn answer_offer(&mut self, accepted: bool) -> Result<Saved, WorkspaceError> {
        let at = self.now();
        let offer = self.handle.session_mut().offers.last_mut().ok_or(WorkspaceError::NoOffer)?;
        offer.answer = if accepted { OfferAnswer::Accepted } else { OfferAnswer::Declined };
        offer.answered = Some(at);
        Ok(self.save())
    }

    /// Works out every entry's state and the findings still open; run when the session opens.
    pub(super) fn recount(&mut self) {
        self.states = self.entries.iter().map(|&e| self.work_out_state(e)).collect();
        self.open_findings = self.states.iter().map(|s| s.1).sum();
    }

    /// Works the states out again for the entries a decision on `anchor` can apply to (the
    /// others' decisions are unchanged): a decision costs a pass over the anchors, not a
    /// `decision_for` per clause of a 250-page draft.
    pub(super) fn recount_near(&mut self, anchor: &ClauseAnchor) {
        let near: Vec<usize> = (0..self.entries.len())
            .filter(|&p| match self.entries[p] {
                Entry::Clause(i) => self.anchors[i].affinity(anchor).is_some(),
                e @ Entry::Missing(_) => self.anchor(e).affinity(anchor).is_some(),
            })
            .collect();
        for p in near {
            self.states[p] = self.work_out_state(self.entries[p]);
        }
        self.open_findings = self.states.iter().map(|s| s.1).sum();
    }

    /// Works out one clause's state again after its wording (and so its findings) changed.
    pub(super) fn recount_entry(&mut self, entry: Entry) {
        if let Some(p) = self.position(entry) {
            self.states[p] = self.work_out_state(entry);
            self.open_findings = self.states.iter().map(|s| s.1).sum();
        }
    }
}
