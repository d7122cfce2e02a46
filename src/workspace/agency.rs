//! Who the agency is: the party the draft calls the agency (detected, or chosen by the user and
//! kept in the session, which re-reads the draft from that side) and the agency's own name,
//! which signs the redline's changes and comments.

use super::{Saved, Workspace, WorkspaceError};
use crate::analysis::Parties;

impl Workspace<'_> {
    /// The two sides as this round's analysis reads them.
    pub fn parties(&self) -> &Parties {
        &self.analysis.parties
    }

    /// What the reader should know about how the draft's text was obtained (a .docx's tracked
    /// changes read as accepted).
    pub fn document_notes(&self) -> &[String] {
        &self.document.notes
    }

    /// Whether the agency party was chosen by the user (here or with `--agency-party`) rather
    /// than detected.
    pub fn agency_party_chosen(&self) -> bool {
        self.deal.agency_party.is_some()
    }

    /// The parties the user can say is the agency: the draft's two sides, the agency first,
    /// then every other party its preamble defines.
    pub fn party_candidates(&self) -> Vec<String> {
        let parties = &self.analysis.parties;
        let mut names: Vec<String> = Vec::new();
        for name in [&parties.agency, &parties.counterparty].into_iter().flatten().chain(&parties.candidates) {
            let name = crate::text::one_line(name);
            if !name.is_empty() && !names.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
                names.push(name);
            }
        }
        names
    }

    /// Reads the draft again with `party` as the agency, and keeps the choice in the session
    /// so every later opening (and the redline, compare and issues list) reads it so too.
    /// Refused when the draft never uses the name.
    pub fn set_agency_party(&mut self, party: &str) -> Result<Saved, WorkspaceError> {
        let party = crate::text::one_line(party).trim().to_owned();
        if party.is_empty() {
            return Err(WorkspaceError::EmptyParty);
        }
        if crate::analysis::unknown_agency_party(&self.document, &party).is_some() {
            return Err(WorkspaceError::UnknownParty(party));
        }
        self.deal.agency_party = Some(party.clone());
        self.analysis = self.review.analyze(&self.document, &self.deal);
        self.vocabulary = crate::redline::Vocabulary::of(&self.document.analysed, &self.analysis.parties);
        self.arrange();
        self.handle.session_mut().agency_party = Some(party);
        Ok(self.save())
    }

    /// Sets the agency's own name, which signs the redline's changes and comments; an empty
    /// name clears it (the redline then signs with the draft's name for the agency).
    pub fn set_agency_name(&mut self, name: &str) -> Saved {
        let name = crate::text::one_line(name).trim().to_owned();
        self.handle.session_mut().agency = (!name.is_empty()).then_some(name);
        self.save()
    }
}
