//! Wording the client proposes mid-call for one clause: re-analysed at once (that clause only),
//! kept in the session as a revision, and shown against the previous wording and the standard.

use super::{Entry, Saved, Workspace, WorkspaceError};
use crate::analysis::{AnalysedClause, Finding, FindingKind};
use crate::ingest::{self, Format};
use crate::session::Revision;

/// The latest revision of a clause, analysed.
#[derive(Debug, Clone)]
pub struct Revised {
    pub text: String,
    /// The wording it replaced (the draft's, or the revision before).
    pub previous: String,
    /// Phrase findings with offsets into `text`.
    pub findings: Vec<Finding>,
    /// How many times the clause has been revised in this round.
    pub count: usize,
    pub at: String,
}

impl Workspace<'_> {
    /// Takes the client's new wording of clause `index`, re-analyses it and saves it.
    pub fn revise(&mut self, index: usize, text: &str) -> Result<Saved, WorkspaceError> {
        let text = crate::text::sanitize(text, true).trim().to_owned();
        let label = self.clause(index).label();
        if text.is_empty() {
            return Err(WorkspaceError::EmptyRevision(label));
        }
        if crate::text::one_line(&text) == crate::text::one_line(self.wording(index).text) {
            return Err(WorkspaceError::UnchangedRevision(label));
        }
        let revision = Revision { clause: self.anchors[index].clone(), text, round: self.round, at: self.now() };
        self.apply(index, &revision);
        self.handle.session_mut().revisions.push(revision);
        self.recount_entry(Entry::Clause(index));
        Ok(self.save())
    }

    /// Takes back the latest revision of clause `index` in this round: its previous wording
    /// (the draft's, or the revision before) and findings come back, and the session is saved.
    pub fn undo_revision(&mut self, index: usize) -> Result<Saved, WorkspaceError> {
        let latest = self.session().revisions.iter().rposition(|r| r.round == self.round && self.clause_of(&r.clause) == Some(index));
        let Some(latest) = latest else {
            return Err(WorkspaceError::NoRevision(self.clause(index).label()));
        };
        self.handle.session_mut().revisions.remove(latest);
        self.revised.remove(&index);
        let earlier: Vec<Revision> = self
            .session()
            .revisions
            .iter()
            .filter(|r| r.round == self.round && self.clause_of(&r.clause) == Some(index))
            .cloned()
            .collect();
        for revision in &earlier {
            self.apply(index, revision);
        }
        self.recount_entry(Entry::Clause(index));
        Ok(self.save())
    }

    /// The clauses of this round a pasted wording names where it starts ("4.2 Work Made for
    /// Hire. ...", "Work Made for Hire. ..."), as the draft's own clauses are read: the one whose
    /// number and heading both match; else every clause whose number or heading does (more
    /// than one: the paste is ambiguous). Empty when it names no clause.
    pub fn clauses_named(&self, text: &str) -> Vec<usize> {
        let text = crate::text::sanitize(text, true);
        let text = text.trim();
        let Some(named) = crate::segment::segment(text, text).into_iter().next() else { return Vec::new() };
        if named.number.is_none() && named.heading.is_none() {
            return Vec::new();
        }
        let clauses: Vec<_> = self.analysis.clauses.iter().map(AnalysedClause::clause).collect();
        let paths = crate::session::clause_paths(&self.document.analysed, &clauses);
        let same = |a: Option<&str>, b: Option<&str>| {
            let tidy = |s: &str| s.trim().trim_end_matches(['.', ':']).to_lowercase();
            matches!((a, b), (Some(a), Some(b)) if tidy(a) == tidy(b))
        };
        let number = |i: usize| {
            let n = named.number.as_deref();
            same(n, clauses[i].number.as_deref()) || same(n, paths[i].as_deref())
        };
        let heading = |i: usize| same(named.heading.as_deref(), clauses[i].heading.as_deref());
        let both: Vec<usize> = (0..clauses.len()).filter(|&i| number(i) && heading(i)).collect();
        if both.len() == 1 {
            return both;
        }
        (0..clauses.len()).filter(|&i| number(i) || heading(i)).collect()
    }

    /// Re-applies the revisions already recorded for this round, oldest first.
    pub(super) fn replay_revisions(&mut self) {
        let revisions: Vec<Revision> = self.session().revisions.iter().filter(|r| r.round == self.round).cloned().collect();
        for revision in revisions {
            if let Some(index) = self.clause_of(&revision.clause) {
                self.apply(index, &revision);
            }
        }
    }

    fn apply(&mut self, index: usize, revision: &Revision) {
        let previous = self.wording(index).text.to_owned();
        let count = self.revised.get(&index).map_or(1, |r| r.count + 1);
        let findings = self.analyse_wording(index, &revision.text);
        self.revised.insert(index, Revised { text: revision.text.clone(), previous, findings, count, at: revision.at.clone() });
    }

    /// Phrase findings in one clause's wording, reviewed on its own with the draft's parties.
    fn analyse_wording(&self, index: usize, text: &str) -> Vec<Finding> {
        let doc = ingest::from_text("revision", Format::Txt, text);
        let mut deal = self.deal.clone();
        if deal.agency_party.is_none() {
            deal.agency_party.clone_from(&self.analysis.parties.agency);
        }
        let mut findings: Vec<Finding> =
            self.review.analyze(&doc, &deal).findings.into_iter().filter(|f| f.kind == FindingKind::Phrase).collect();
        for f in &mut findings {
            f.clause = Some(index);
        }
        findings
    }

    /// Whether an entry's heading or current wording (or, for a missing protection, its
    /// explanation) contains a match of `pattern`.
    pub fn entry_matches(&self, entry: Entry, pattern: &regex::Regex) -> bool {
        match entry {
            Entry::Clause(i) => pattern.is_match(self.wording(i).text) || pattern.is_match(&self.clause(i).label()),
            Entry::Missing(f) => pattern.is_match(&self.label(entry)) || pattern.is_match(&self.analysis.findings[f].explanation),
        }
    }
}
