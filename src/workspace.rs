//! The negotiation workspace without a screen: one session's current round of the client's
//! draft, analysed once, with the decisions, notes, mid-call revisions and fee offer the user
//! records. Every change is saved through the session at once. The TUI is a thin layer over
//! this, and tests and the CLI can drive it directly.

mod agency;
mod decisions;
pub mod fee;
mod persist;
mod revision;

use std::collections::HashMap;

use crate::analysis::{AnalysedClause, Analysis, Finding, FindingKind};
use crate::ingest::Document;
use crate::library::{ClauseLibrary, Severity, StandardClause};
use crate::review::{Deal, Review};
use crate::session::{ClauseAnchor, DecisionState, Place, Session};

pub use persist::{MemorySession, SessionHandle};
pub use revision::Revised;

/// Gives the time as RFC 3339 text; injected so tests can fix it.
pub type Clock = fn() -> String;

/// One line of the clause list: a protection missing from the whole draft, or a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entry {
    /// Index into the analysis's findings.
    Missing(usize),
    /// Index of the clause in the current round.
    Clause(usize),
}

/// What happened to a change when it was saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Saved at this time (RFC 3339).
    At(String),
    /// Not saved: kept in memory; the message says why.
    Failed(String),
    /// The session is read-only: kept in memory.
    ReadOnly,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum WorkspaceError {
    #[error("session {0:?} has no rounds yet: open it with a draft to start")]
    NoRounds(String),
    #[error("the note is empty: nothing to save")]
    EmptyNote,
    #[error("the pasted wording for {0} is empty")]
    EmptyRevision(String),
    #[error("the pasted wording for {0} is the same as its current wording")]
    UnchangedRevision(String),
    #[error("{0} has no revised wording to undo in this round")]
    NoRevision(String),
    #[error("{0} has no finding {1}")]
    NoSuchFinding(String, usize),
    #[error("the agency's party is empty: choose one of the draft's parties or type its name")]
    EmptyParty,
    #[error("the draft never uses \"{0}\": choose one of its parties, or the name it uses for the agency")]
    UnknownParty(String),
    #[error("no project fee yet: enter it first")]
    NoFee,
    #[error("no fee offer recorded yet: record one first")]
    NoOffer,
    #[error(transparent)]
    Fee(#[from] fee::FeeError),
}

/// The client's wording of a clause as it stands now, with the findings in it. Finding offsets
/// minus `base` are byte offsets into `text`.
#[derive(Debug, Clone)]
pub struct Wording<'a> {
    pub text: &'a str,
    pub base: usize,
    pub findings: Vec<&'a Finding>,
    /// The latest mid-call revision, when the client has re-worded the clause.
    pub revised: Option<&'a Revised>,
}

pub struct Workspace<'lib> {
    review: Review<'lib>,
    /// The session's deal, with what the command line gave standing over it.
    deal: Deal,
    handle: Box<dyn SessionHandle>,
    clock: Clock,
    round: u32,
    document: Document,
    analysis: Analysis,
    /// Each clause's anchor in this round, and the clause each fingerprint belongs to.
    anchors: Vec<ClauseAnchor>,
    by_fingerprint: HashMap<String, usize>,
    /// Indices into `analysis.findings` of each clause's findings, in text order.
    clause_findings: Vec<Vec<usize>>,
    revised: HashMap<usize, Revised>,
    entries: Vec<Entry>,
    /// Where each entry stands (see `state`) and how many of its findings are open, kept up
    /// to date by `recount`.
    states: Vec<(Option<DecisionState>, usize)>,
    /// The entry each session note is on (None: the session, or a clause not in this round).
    note_places: Vec<Option<Entry>>,
    open_findings: usize,
    last_saved: Option<String>,
    /// A change since the last successful save is only in memory.
    unsaved: bool,
    /// The draft's names for the parties and its defined terms, which the library's words take
    /// when shown (as the redline writes them).
    vocabulary: crate::redline::Vocabulary,
}

impl<'lib> Workspace<'lib> {
    /// Opens the session on `incoming` (a new round when its text differs from the latest
    /// round) or on its latest round, reviews it once for the session's deal (`given` stands
    /// over what the session chose), and replays this round's revisions.
    pub fn open(
        review: Review<'lib>,
        handle: Box<dyn SessionHandle>,
        incoming: Option<Document>,
        given: Deal,
        clock: Clock,
    ) -> Result<(Self, Option<Saved>), WorkspaceError> {
        let latest = handle.session().rounds.iter().max_by_key(|r| r.number);
        let (document, new_round) = match (incoming, latest) {
            (Some(doc), Some(r)) if r.text == doc.text => (doc, false),
            (Some(doc), _) => (doc, true),
            (None, Some(r)) => (r.document(), false),
            (None, None) => return Err(WorkspaceError::NoRounds(handle.session().name.clone())),
        };
        let deal = given.or_session(handle.session());
        let analysis = review.analyze(&document, &deal);
        let vocabulary = crate::redline::Vocabulary::of(&document.analysed, &analysis.parties);
        let mut ws = Self {
            review,
            deal,
            handle,
            clock,
            round: 0,
            document,
            analysis,
            anchors: Vec::new(),
            by_fingerprint: HashMap::new(),
            clause_findings: Vec::new(),
            revised: HashMap::new(),
            states: Vec::new(),
            entries: Vec::new(),
            note_places: Vec::new(),
            open_findings: 0,
            last_saved: None,
            unsaved: false,
            vocabulary,
        };
        let saved = new_round.then(|| {
            let name =
                ws.document.path.file_name().map_or_else(|| ws.document.path.display().to_string(), |n| n.to_string_lossy().into_owned());
            ws.handle.session_mut().add_draft(&name, &ws.document);
            ws.save()
        });
        ws.round = ws.session().latest_round().number;
        ws.arrange();
        Ok((ws, saved))
    }

    /// Lays the analysis out: each clause's anchor and findings, the list's entries, this
    /// round's revisions replayed, the notes placed and the states counted.
    fn arrange(&mut self) {
        let (document, analysis) = (&self.document, &self.analysis);
        self.anchors = analysis.clauses.iter().map(|c| ClauseAnchor::of(&document.text, &c.clause())).collect();
        self.by_fingerprint = HashMap::with_capacity(self.anchors.len());
        for (i, a) in self.anchors.iter().enumerate() {
            self.by_fingerprint.entry(a.fingerprint.clone()).or_insert(i);
        }
        self.clause_findings = vec![Vec::new(); analysis.clauses.len()];
        // A missing protection has its own row: listed once, decided once.
        for (fi, f) in analysis.findings.iter().enumerate().filter(|(_, f)| f.kind == FindingKind::Phrase) {
            if let Some(c) = f.clause.filter(|&c| c < self.clause_findings.len()) {
                self.clause_findings[c].push(fi);
            }
        }
        let missing = analysis.findings.iter().enumerate().filter(|(_, f)| f.kind == FindingKind::Missing).map(|(i, _)| Entry::Missing(i));
        self.entries = missing.chain((0..analysis.clauses.len()).map(Entry::Clause)).collect();
        self.states = vec![(None, 0); self.entries.len()];
        self.revised.clear();
        self.replay_revisions();
        self.place_notes();
        self.recount();
    }

    pub fn session(&self) -> &Session {
        self.handle.session()
    }

    pub fn library(&self) -> &'lib ClauseLibrary {
        self.review.library()
    }

    pub fn review(&self) -> &Review<'lib> {
        &self.review
    }

    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The deal this round was reviewed for, for reviewing another round of it alike.
    pub fn deal(&self) -> &Deal {
        &self.deal
    }

    /// Reviews another round of this deal as this one was, so a comparison sets like against
    /// like, running `beside` on its clauses while the rules run. The clauses it shares with
    /// this round take this round's results rather than being analysed again.
    pub fn analyze_beside<R: Send>(&self, doc: &Document, beside: impl FnOnce(&[crate::segment::Clause]) -> R + Send) -> (Analysis, R) {
        self.review.analyze_next_beside((&self.document, &self.analysis), doc, &self.deal, beside)
    }

    /// The round of the client's draft being negotiated (1-based).
    pub fn round(&self) -> u32 {
        self.round
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn clause(&self, index: usize) -> &AnalysedClause {
        &self.analysis.clauses[index]
    }

    /// Findings nobody has decided on yet, across the whole draft.
    pub fn open_findings(&self) -> usize {
        self.open_findings
    }

    /// When the last change was saved (RFC 3339), if any was.
    pub fn last_saved(&self) -> Option<&str> {
        self.last_saved.as_deref()
    }

    /// Whether a change is held only in memory because saving failed or is not allowed.
    pub fn unsaved(&self) -> bool {
        self.unsaved
    }

    pub fn read_only(&self) -> bool {
        self.handle.read_only()
    }

    pub fn now(&self) -> String {
        (self.clock)()
    }

    /// The clause's wording as the draft has it.
    pub fn original_text(&self, index: usize) -> &str {
        let c = &self.analysis.clauses[index];
        &self.document.text[c.start..c.end]
    }

    /// The clause's wording now: the latest revision pasted mid-call, or the draft's with any
    /// Markdown markup blanked out (same offsets), as the analysis read it.
    pub fn wording(&self, index: usize) -> Wording<'_> {
        match self.revised.get(&index) {
            Some(r) => Wording { text: &r.text, base: 0, findings: r.findings.iter().collect(), revised: Some(r) },
            None => Wording {
                text: {
                    let c = &self.analysis.clauses[index];
                    &self.document.analysed[c.start..c.end]
                },
                base: self.analysis.clauses[index].start,
                findings: self.clause_findings[index].iter().map(|&f| &self.analysis.findings[f]).collect(),
                revised: None,
            },
        }
    }

    /// The first words of a clause's current wording (without its number), on one line: what
    /// tells unnumbered, untitled paragraphs apart in a list.
    pub fn opening(&self, index: usize, max_chars: usize) -> String {
        let text = self.wording(index).text;
        let head = &text[..crate::text::floor_char(text, 400.min(text.len()))];
        let line = crate::text::one_line(head);
        let number = self.analysis.clauses[index].number.as_deref().unwrap_or_default();
        let rest = line
            .strip_prefix(number)
            .filter(|_| !number.is_empty())
            .map_or(line.as_str(), |r| r.trim_start_matches(['.', ')', ':']).trim_start());
        rest.chars().take(max_chars).collect()
    }

    /// The findings an entry is about: the clause's current findings, or the missing protection.
    pub fn findings(&self, entry: Entry) -> Vec<&Finding> {
        match entry {
            Entry::Missing(f) => vec![&self.analysis.findings[f]],
            Entry::Clause(i) => self.wording(i).findings,
        }
    }

    /// The worst severity among an entry's current findings.
    pub fn worst(&self, entry: Entry) -> Option<Severity> {
        match entry {
            Entry::Missing(f) => Some(self.analysis.findings[f].severity),
            Entry::Clause(i) => match self.revised.get(&i) {
                Some(r) => r.findings.iter().map(|f| f.severity).max(),
                None => self.clause_findings[i].iter().map(|&f| self.analysis.findings[f].severity).max(),
            },
        }
    }

    /// The standard clause a clause is compared with: its library match, or the clause that
    /// answers its first finding.
    pub fn standard_for(&self, entry: Entry) -> Option<&'lib StandardClause> {
        let library = self.review.library();
        match entry {
            Entry::Missing(f) => library.get(&self.analysis.findings[f].library_clause),
            Entry::Clause(i) => {
                let by_match = self.analysis.clauses[i].library_match.as_ref().and_then(|m| library.get(&m.id));
                by_match.or_else(|| self.findings(entry).first().and_then(|f| library.get(&f.library_clause)))
            }
        }
    }

    /// The library's words (a standard clause, a fallback) as this draft would say them: its
    /// names for the parties ("Provider" for "Agency") and its own defined terms.
    pub fn in_drafts_words(&self, library_text: &str) -> String {
        self.vocabulary.adapt(library_text)
    }

    /// "§4.1 Ownership", or "Missing: Residuals".
    pub fn label(&self, entry: Entry) -> String {
        match entry {
            Entry::Clause(i) => self.analysis.clauses[i].label(),
            Entry::Missing(f) => {
                let finding = &self.analysis.findings[f];
                let title = self.review.library().get(&finding.library_clause).map_or(finding.concern.id(), |c| c.title.as_str());
                format!("Missing: {title}")
            }
        }
    }

    /// The clause a stored anchor points at in this round: the one with its fingerprint, else
    /// the one it has most affinity with (reworded or renumbered since).
    pub fn clause_of(&self, anchor: &ClauseAnchor) -> Option<usize> {
        if anchor.fingerprint.is_empty() {
            return None;
        }
        self.by_fingerprint.get(&anchor.fingerprint).copied().or_else(|| {
            let scored = self.anchors.iter().enumerate().filter_map(|(i, a)| a.affinity(anchor).map(|s| (s, i)));
            scored.max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1))).map(|(_, i)| i)
        })
    }

    /// The entry a stored anchor names in this round: a missing protection by its label, a
    /// clause as `clause_of` finds it.
    fn entry_of(&self, anchor: &ClauseAnchor) -> Option<Entry> {
        if anchor.fingerprint.is_empty() {
            self.entries
                .iter()
                .copied()
                .find(|&e| matches!(e, Entry::Missing(_)) && anchor.heading.as_deref() == Some(self.label(e).as_str()))
        } else {
            self.clause_of(anchor).map(Entry::Clause)
        }
    }

    /// Where the selection was when the session was last left: the entry and the index of its
    /// finding (0 when that finding is gone). None when no place was kept or it is gone.
    pub fn place(&self) -> Option<(Entry, usize)> {
        let place = self.session().place.as_ref()?;
        let entry = self.entry_of(&place.clause)?;
        let key = place.finding.as_deref();
        let finding = self.findings(entry).iter().position(|f| Some(f.key().as_str()) == key).unwrap_or(0);
        Some((entry, finding))
    }

    /// Keeps where the selection is for the next opening. Saves only when the place moved:
    /// None when there was nothing to save.
    pub fn remember_place(&mut self, entry: Entry, finding: usize) -> Option<Saved> {
        let key = self.findings(entry).get(finding).map(|f| f.key());
        let place = Place { clause: self.anchor(entry), finding: key };
        if self.session().place.as_ref() == Some(&place) {
            return None;
        }
        self.handle.session_mut().place = Some(place);
        Some(self.save())
    }

    fn anchor(&self, entry: Entry) -> ClauseAnchor {
        match entry {
            Entry::Clause(i) => self.anchors[i].clone(),
            // A missing protection has no place in the draft: the anchor names the protection.
            Entry::Missing(_) => ClauseAnchor { number: None, heading: Some(self.label(entry)), fingerprint: String::new() },
        }
    }

    /// Tries again to save changes a failed save left in memory (None when there are none).
    pub fn retry_save(&mut self) -> Option<Saved> {
        self.unsaved.then(|| self.save())
    }

    /// Saves the session after a change; a failure keeps the change in memory.
    fn save(&mut self) -> Saved {
        if self.handle.read_only() && !self.handle.try_writable() {
            self.unsaved = true;
            return Saved::ReadOnly;
        }
        match self.handle.save() {
            Ok(()) => {
                let at = (self.clock)();
                self.last_saved = Some(at.clone());
                self.unsaved = false;
                Saved::At(at)
            }
            Err(message) => {
                self.unsaved = true;
                Saved::Failed(message)
            }
        }
    }
}
