//! Negotiation sessions: everything said and decided about one deal, across rounds of the
//! client's draft. Stored as versioned JSON; every change is saved atomically.

mod store;

use serde::{Deserialize, Serialize};

use crate::library::FallbackKind;

pub use store::{SessionError, SessionStore};

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

/// The fee uplift put to the client for a full IP transfer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeeOffer {
    pub percent: f64,
    pub amount: f64,
    /// None while the client has not answered.
    pub accepted: Option<bool>,
    pub at: String,
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub schema: String,
    pub name: String,
    pub client: Option<String>,
    /// The agency's name, used as the redline author.
    pub agency: Option<String>,
    pub engagement: Engagement,
    pub fee: Option<Fee>,
    pub fee_offer: Option<FeeOffer>,
    pub rounds: Vec<Round>,
    pub decisions: Vec<Decision>,
    pub notes: Vec<Note>,
    pub revisions: Vec<Revision>,
    /// Incremented on every save; a save whose base is older than the file is refused.
    pub revision: u64,
    pub created: String,
    pub updated: String,
}
