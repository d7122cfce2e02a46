//! Negotiation sessions: everything said and decided about one deal, across rounds of the
//! client's draft. Stored as versioned JSON; every change is saved atomically.

mod anchor;
mod deal;
mod file;
mod number;
mod offer;
mod open;
mod store;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::library::FallbackKind;

pub use deal::{Deal, deal_stem, name_from, shared_wording};
pub use file::{MAX_SESSION_BYTES, SessionError};
pub use number::{ClauseNumberError, clause_by_number, clause_paths};
pub use offer::{FeeOffer, OfferAnswer};
pub use open::OpenSession;
pub use store::{SessionStore, SessionSummary, validate_name};

pub const SCHEMA: &str = "clauseguard.session/1";

/// How the agency is engaged; it changes which protections matter and adds wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Engagement {
    #[default]
    Project,
    TimeAndMaterials,
    StaffAugmentation,
    Productized,
}

/// The project fee the uplift is computed from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fee {
    /// In the currency's major unit (e.g. 120000.0 for $120,000).
    pub amount: f64,
    /// ISO 4217 code, e.g. "USD".
    pub currency: String,
}

/// One version of the client's draft, kept whole so the session stands alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Round {
    /// 1-based.
    pub number: u32,
    pub file_name: String,
    pub sha256: String,
    /// RFC 3339, UTC.
    pub received: String,
    pub text: String,
    /// How the text was obtained, when the reader should know (a .docx's tracked changes read
    /// as accepted): the ingest's notes, kept so a resumed session still says so.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// Where a decision or note belongs, robust to renumbering: the clause's number and heading
/// when it was made, plus a fingerprint of its wording used to find it again in a later round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClauseAnchor {
    pub number: Option<String>,
    pub heading: Option<String>,
    /// The clause's first words, normalised (lower case, single spaces, at most ~20 words).
    pub fingerprint: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DecisionState {
    #[default]
    Open,
    Accepted,
    Countered,
    Rejected,
    Parked,
}

/// What the agency decided about one finding (or a whole clause when `finding` is None).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub clause: ClauseAnchor,
    /// `Finding::key()` of the finding decided on.
    pub finding: Option<String>,
    pub state: DecisionState,
    /// The rung adopted when countering, and the counter-language it puts in the redline.
    pub fallback: Option<FallbackKind>,
    pub counter_language: Option<String>,
    /// The library clause the fallback came from.
    pub library_clause: Option<String>,
    pub round: u32,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub at: String,
    pub text: String,
    /// None for a note on the whole session.
    pub clause: Option<ClauseAnchor>,
    pub round: u32,
}

/// Wording the client proposed mid-call for one clause, before a new draft arrives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Revision {
    pub clause: ClauseAnchor,
    pub text: String,
    pub round: u32,
    pub at: String,
}

/// Where the workspace's selection was when it was last left: the clause (or missing
/// protection) and its finding, so `--resume` picks up there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub clause: ClauseAnchor,
    /// `Finding::key()` of the selected finding.
    pub finding: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub schema: String,
    pub name: String,
    pub client: Option<String>,
    /// The agency's name, used as the redline author.
    pub agency: Option<String>,
    /// The name or defined term the draft uses for the agency, when the user chose it over the
    /// one detected; every analysis of the session uses it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency_party: Option<String>,
    #[serde(default)]
    pub engagement: Engagement,
    pub fee: Option<Fee>,
    /// Every uplift offered, oldest first (`fee_offer`, one offer, in older files).
    #[serde(default, alias = "fee_offer", deserialize_with = "offer::one_or_many")]
    pub offers: Vec<FeeOffer>,
    pub rounds: Vec<Round>,
    // Lists a hand-written or older file may leave out load as empty rather than failing.
    #[serde(default)]
    pub decisions: Vec<Decision>,
    #[serde(default)]
    pub notes: Vec<Note>,
    #[serde(default)]
    pub revisions: Vec<Revision>,
    /// Absent from files written before it was kept; then the workspace opens at the top.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// Incremented on every save; a save whose base is older than the file is refused.
    pub revision: u64,
    pub created: String,
    pub updated: String,
}

impl Engagement {
    /// The kebab-case name used on the command line and in the session file.
    pub fn label(self) -> &'static str {
        match self {
            Engagement::Project => "project",
            Engagement::TimeAndMaterials => "time-and-materials",
            Engagement::StaffAugmentation => "staff-augmentation",
            Engagement::Productized => "productized",
        }
    }
}

impl DecisionState {
    pub fn label(self) -> &'static str {
        match self {
            DecisionState::Open => "open",
            DecisionState::Accepted => "accepted",
            DecisionState::Countered => "countered",
            DecisionState::Rejected => "rejected",
            DecisionState::Parked => "parked",
        }
    }
}

impl Round {
    /// A draft as received now; the hash is of the text kept, so a round can be checked
    /// against the text it stores whatever file format it came in.
    pub fn new(number: u32, file_name: &str, text: &str) -> Round {
        Round {
            number,
            file_name: file_name.to_owned(),
            sha256: crate::ingest::hex(&Sha256::digest(text.as_bytes())),
            received: now(),
            text: text.to_owned(),
            notes: Vec::new(),
        }
    }

    /// The draft as the analysis reads it, from the text kept in the session (the file it came
    /// from may be gone). The file name's extension says whether the text is Markdown.
    pub fn document(&self) -> crate::ingest::Document {
        use crate::ingest::Format;
        let ext = std::path::Path::new(&self.file_name).extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        let format = match ext.as_str() {
            "md" | "markdown" => Format::Markdown,
            "docx" => Format::Docx,
            _ => Format::Txt,
        };
        let mut doc = crate::ingest::from_text(&self.file_name, format, &self.text);
        doc.notes.clone_from(&self.notes);
        doc
    }
}

static NO_ROUND: Round =
    Round { number: 0, file_name: String::new(), sha256: String::new(), received: String::new(), text: String::new(), notes: Vec::new() };

impl Session {
    /// A new session whose first round is `first_round` (renumbered 1).
    pub fn new(name: &str, mut first_round: Round) -> Session {
        first_round.number = 1;
        let at = now();
        Session {
            schema: SCHEMA.to_owned(),
            name: name.to_owned(),
            client: None,
            agency: None,
            agency_party: None,
            engagement: Engagement::default(),
            fee: None,
            offers: Vec::new(),
            rounds: vec![first_round],
            decisions: Vec::new(),
            notes: Vec::new(),
            revisions: Vec::new(),
            place: None,
            revision: 0,
            created: at.clone(),
            updated: at,
        }
    }

    /// The draft under negotiation now. The store never loads or saves a session without
    /// rounds; one emptied in memory answers an empty round 0 rather than panicking.
    pub fn latest_round(&self) -> &Round {
        self.rounds.iter().max_by_key(|r| r.number).unwrap_or(&NO_ROUND)
    }

    pub fn round(&self, number: u32) -> Option<&Round> {
        self.rounds.iter().find(|r| r.number == number)
    }

    /// Records the client's next draft and returns its round number.
    pub fn add_round(&mut self, file_name: &str, text: &str) -> u32 {
        let number = self.rounds.iter().map(|r| r.number).max().unwrap_or(0) + 1;
        self.rounds.push(Round::new(number, file_name, text));
        number
    }

    /// Records the client's next draft as read (with how its text was obtained) and returns its
    /// round number.
    pub fn add_draft(&mut self, file_name: &str, draft: &crate::ingest::Document) -> u32 {
        let number = self.add_round(file_name, &draft.text);
        if let Some(round) = self.rounds.last_mut() {
            round.notes.clone_from(&draft.notes);
        }
        number
    }

    /// Records a decision. A second decision on the same clause and finding in the same round
    /// replaces the first (the user changed their mind mid-call); earlier rounds keep theirs,
    /// which is the history the round comparison shows.
    pub fn decide(&mut self, decision: Decision) {
        let same = |d: &Decision| {
            d.round == decision.round && d.finding == decision.finding && d.clause.fingerprint == decision.clause.fingerprint
        };
        match self.decisions.iter().position(same) {
            Some(i) => self.decisions[i] = decision,
            None => self.decisions.push(decision),
        }
    }

    /// Adds a note to the latest round, on one clause or (with `None`) on the whole session.
    pub fn add_note(&mut self, text: &str, clause: Option<ClauseAnchor>) {
        let round = self.latest_round().number;
        self.notes.push(Note { at: now(), text: text.to_owned(), clause, round });
    }

    /// The decision that stands for this clause and finding: one made on exactly this wording
    /// if any, else one on a similar wording (the clause as an earlier round had it), else one
    /// on the same number and heading; the latest round wins among equals.
    pub fn decision_for(&self, anchor: &ClauseAnchor, finding: Option<&str>) -> Option<&Decision> {
        self.decisions
            .iter()
            .enumerate()
            .filter(|(_, d)| d.finding.as_deref() == finding)
            // Exact, similar or same label: within a tier, the latest decision stands.
            .filter_map(|(i, d)| anchor.affinity(&d.clause).map(|a| (u8::from(a > 1.0) + u8::from(a >= 3.0), d.round, i, d)))
            .max_by(|x, y| x.0.cmp(&y.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)))
            .map(|(_, _, _, d)| d)
    }

    /// Checks what serde cannot: a session has a round, and its numbers are finite (JSON has
    /// no NaN, so a non-finite fee would be written as `null` and the file would not load).
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.rounds.is_empty() {
            problems.push("the session has no rounds (it needs at least the first draft)".to_owned());
        }
        if let Some(fee) = self.fee.as_ref().filter(|f| !f.amount.is_finite()) {
            problems.push(format!("fee amount {} is not a number", fee.amount));
        }
        for offer in self.offers.iter().filter(|o| !o.percent.is_finite() || !o.amount.is_finite()) {
            problems.push(format!("fee offer {}% = {} is not a number", offer.percent, offer.amount));
        }
        problems
    }
}

/// The current time as RFC 3339 in UTC, to the second ("2026-03-01T14:05:09Z").
pub fn now() -> String {
    use time::format_description::well_known::Rfc3339;
    let t = time::OffsetDateTime::now_utc();
    let t = t.replace_nanosecond(0).unwrap_or(t);
    // Formatting fails only for years past 9999.
    t.format(&Rfc3339).unwrap_or_else(|_| "9999-12-31T23:59:59Z".to_owned())
}
