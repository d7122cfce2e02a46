//! Recording things mid-call: decisions, notes, the client's revised wording, and copying the
//! words to say or paste. Each goes through the workspace, which saves at once.

use crate::session::DecisionState;
use crate::tui::app::{App, Effect};
use crate::tui::input::Purpose;
use crate::tui::keymap::Action;
use crate::tui::theme::state_label;
use crate::tui::window::Overlay;
use crate::workspace::Entry;

impl App<'_> {
    /// a / c / x / p / o on the selected finding, or on the clause when it has no findings.
    pub(crate) fn decide(&mut self, action: &Action) {
        let Some(entry) = self.entry() else {
            self.error("nothing selected to decide on");
            return;
        };
        let state = match action {
            Action::Accept => DecisionState::Accepted,
            Action::Counter => DecisionState::Countered,
            Action::Reject => DecisionState::Rejected,
            Action::Park => DecisionState::Parked,
            _ => DecisionState::Open,
        };
        let (selected, selected_rung) = (self.screen.clauses().finding, self.screen.clauses().rung);
        let findings = self.ws.findings(entry);
        let finding = (!findings.is_empty()).then_some(selected.min(findings.len().saturating_sub(1)));
        let offer = finding.and_then(|n| findings[n].fallbacks.get(selected_rung)).map(|o| o.kind.label());
        let rung = if state == DecisionState::Countered {
            if finding.is_none() || offer.is_none() {
                self.error("no fallback to counter with: this clause has no findings (a, x, p or o decide on it)");
                return;
            }
            Some(selected_rung)
        } else {
            None
        };
        let what = match (state, offer) {
            (DecisionState::Countered, Some(kind)) => format!("countered with {kind}"),
            _ => state_label(state).to_owned(),
        };
        let subject = match finding {
            Some(n) => format!("{} finding {}", self.ws.label(entry), n + 1),
            None => self.ws.label(entry),
        };
        let outcome = self.ws.decide(entry, finding, state, rung);
        self.saved(&format!("{subject}: {what}"), outcome);
    }

    /// y / Y: the selected rung's counter-language or talking point, to the clipboard.
    pub(crate) fn copy_rung(&mut self, language: bool) {
        let (finding, rung) = (self.screen.clauses().finding, self.screen.clauses().rung);
        let offer = self.entry().and_then(|e| self.ws.findings(e).get(finding).and_then(|f| f.fallbacks.get(rung)).cloned());
        let Some(offer) = offer else {
            self.error("nothing to copy: select a finding with a fallback ladder");
            return;
        };
        let (text, what) = if language { (offer.text, "counter-language") } else { (offer.talking_point, "talking point") };
        if text.trim().is_empty() {
            self.error(format!("the {} rung has no {what}: it is said aloud (Y copies its talking point)", offer.kind.label()));
            return;
        }
        self.info(format!("copied the {} {what} ({} chars) to the clipboard", offer.kind.label(), text.chars().count()));
        self.effects.push(Effect::Copy(text));
    }

    pub(crate) fn note(&mut self, text: &str, on_clause: bool) -> Result<(), String> {
        let on = if on_clause { Some(self.entry().ok_or("no clause selected")?) } else { None };
        let what = match on {
            Some(e) => format!("note added to {}", self.ws.label(e)),
            None => "session note added".to_owned(),
        };
        let outcome = self.ws.add_note(text, on);
        if self.saved(&what, outcome) { Ok(()) } else { Err(self.message.take().map(|m| m.text).unwrap_or_default()) }
    }

    /// Opens the revision box for the selected clause, with `text` (a paste) already in it.
    pub(crate) fn start_revision(&mut self, text: String) {
        if self.selected_clause("revise").is_none() {
            return;
        }
        self.open_input(Purpose::Revision);
        if let Some(input) = &mut self.input
            && !text.is_empty()
        {
            input.edit(&Action::ClearInput);
            input.edit(&Action::Paste(text));
        }
    }

    pub(crate) fn submit_revision(&mut self, text: &str) -> Result<(), String> {
        let index = self.selected_clause("revise").ok_or("no clause selected")?;
        let before = self.ws.findings(crate::workspace::Entry::Clause(index)).len();
        let outcome = self.ws.revise(index, text);
        let label = self.ws.clause(index).label();
        let after = self.ws.wording(index).findings.len();
        let what = format!("{label} revised: {after} finding(s), was {before} (u undoes)");
        if self.saved(&what, outcome) {
            self.select_finding(0);
            self.screen.clauses_mut().clause_scroll = 0;
            Ok(())
        } else {
            Err(self.message.take().map(|m| m.text).unwrap_or_default())
        }
    }

    /// A bracketed paste outside a box is the client's new wording of a clause: the one it
    /// names ("4.2 Work Made for Hire. ..."), else the selected one. When it could be several,
    /// the user chooses.
    pub(crate) fn paste(&mut self, text: String) {
        if self.overlay.is_some() || self.screen.comparison().is_some() {
            let what = if self.overlay.is_some() { "this window" } else { "the comparison" };
            self.info(format!("close {what} (Esc) first to paste revised wording"));
            return;
        }
        let selected = match self.entry() {
            Some(Entry::Clause(i)) => Some(i),
            _ => None,
        };
        match *self.ws.clauses_named(&text) {
            [] => self.start_revision(text),
            [named] if Some(named) == selected => self.start_revision(text),
            [named] => {
                let instead = selected.map(|i| format!(", not {}", self.ws.clause(i).label())).unwrap_or_default();
                self.go_to_clause(named);
                self.start_revision(text);
                self.info(format!("the pasted wording names {}: revising that clause{instead}", self.ws.clause(named).label()));
            }
            ref several => {
                let at = several.iter().position(|&i| Some(i) == selected).unwrap_or(0);
                self.overlay = Some(Overlay::Route(crate::tui::window::RouteView { text, clauses: several.to_vec(), selected: at }));
                self.info(format!("the pasted wording could be any of {} clauses: choose which it revises", several.len()));
            }
        }
    }

    /// Selects clause `index` in the list, showing every entry if the risky-only filter hides it.
    pub(crate) fn go_to_clause(&mut self, index: usize) {
        let row = |app: &Self| app.screen.clauses().row_of(&app.ws, Entry::Clause(index));
        if row(self).is_none() && self.screen.clauses().risky_only {
            self.toggle_risky_only();
        }
        if let Some(row) = row(self) {
            self.select(row);
        }
    }

    /// u: takes back the selected clause's latest revised wording in this round.
    pub(crate) fn undo_revision(&mut self) {
        let Some(index) = self.selected_clause("undo") else { return };
        let before = self.ws.findings(Entry::Clause(index)).len();
        let outcome = self.ws.undo_revision(index);
        let label = self.ws.clause(index).label();
        let after = self.ws.findings(Entry::Clause(index)).len();
        let back = if self.ws.wording(index).revised.is_some() { "the revision before" } else { "the draft's wording" };
        if self.saved(&format!("{label}: revision undone, back to {back} ({after} finding(s), was {before})"), outcome) {
            self.select_finding(0);
            self.screen.clauses_mut().clause_scroll = 0;
        }
    }
}
