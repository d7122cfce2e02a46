//! Auditing a saved negotiation session: the IP position of its latest draft (the one signed,
//! or about to be), the decisions that stand, and the fee put to the client.

use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::AuditOptions;
use super::position::IpPosition;
use crate::registry::parse_date;
use crate::review::{Deal, Review};
use crate::session::{Decision, DecisionState, Fee, FeeOffer, SCHEMA, Session};

/// Session files over this size are not read (as the session store refuses them).
const MAX_SESSION_BYTES: u64 = 64 * 1024 * 1024;
const SCHEMA_PREFIX: &str = "clauseguard.session/";
/// Longest counter-language quoted in the report.
const COUNTER_CHARS: usize = 200;

/// A decision as the audit reports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionLine {
    /// The clause it was made on ("§7 Ownership").
    pub clause: String,
    /// The concern of the finding decided on (none for a decision on a whole clause).
    pub concern: Option<String>,
    pub state: String,
    pub fallback: Option<String>,
    pub counter_language: Option<String>,
    pub round: u32,
    pub at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SessionAudit {
    pub path: String,
    pub name: String,
    pub client: Option<String>,
    pub engagement: String,
    pub rounds: usize,
    /// The latest round: its number, file and when it arrived.
    pub latest_round: u32,
    pub latest_file: String,
    pub received: String,
    #[serde(flatten)]
    pub position: IpPosition,
    /// The decision that stands for each finding or clause (the latest round's).
    pub decisions: Vec<DecisionLine>,
    /// Decisions accepted or countered: what the agency gave ground on.
    pub concessions: usize,
    pub fee: Option<Fee>,
    /// The uplift offered last.
    pub fee_offer: Option<FeeOffer>,
}

pub(super) enum Outcome {
    Audited(Box<SessionAudit>),
    /// Left out by `--since`.
    Excluded,
    /// A JSON file that is not a session, and why.
    NotASession(String),
}

/// Reads a `.json` file; audits it if it is a session.
pub(super) fn audit_file(path: &Path, options: &AuditOptions, review: &Review, deal: Deal) -> Result<Outcome, String> {
    #[derive(Deserialize)]
    struct Head {
        schema: Option<serde_json::Value>,
    }
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    file.take(MAX_SESSION_BYTES + 1).read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_SESSION_BYTES {
        return Err(format!("over {} MiB; not read", MAX_SESSION_BYTES >> 20));
    }
    let head: Head = serde_json::from_slice(&bytes)
        .map_err(|e| format!("not valid JSON at line {}, column {}; if it is a saved session, it is corrupt", e.line(), e.column()))?;
    let schema = head.schema.map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned));
    let Some(version) = schema.as_deref().and_then(|s| s.strip_prefix(SCHEMA_PREFIX)) else {
        return Ok(Outcome::NotASession(match schema {
            Some(s) => format!("JSON with schema {s:?}, not a clauseguard session"),
            None => "JSON without a \"schema\", not a clauseguard session".to_owned(),
        }));
    };
    if version.parse::<u32>().map_or(true, |v| v > 1) {
        return Err(format!("a session written by a newer clauseguard (schema {SCHEMA_PREFIX}{version}; this version reads {SCHEMA})"));
    }
    let mut session: Session =
        serde_json::from_slice(&bytes).map_err(|e| format!("corrupt session at line {}, column {}: {e}", e.line(), e.column()))?;
    session.complete_old_offers();
    let problems = session.problems();
    if !problems.is_empty() {
        return Err(format!("invalid session: {}", problems.join("; ")));
    }
    let round = session.latest_round();
    if let (Some(since), Ok(received)) = (options.since, parse_date(&round.received))
        && received < since
    {
        return Ok(Outcome::Excluded);
    }
    let doc = round.document();
    // The agency's party chosen in the workspace and the engagement stand for this session,
    // unless given.
    let analysis = review.analyze(&doc, &deal.or_session(&session));
    let decisions = standing_decisions(&session.decisions);
    Ok(Outcome::Audited(Box::new(SessionAudit {
        path: path.display().to_string(),
        name: session.name.clone(),
        client: session.client.clone(),
        engagement: session.engagement.label().to_owned(),
        rounds: session.rounds.len(),
        latest_round: round.number,
        latest_file: round.file_name.clone(),
        received: round.received.clone(),
        position: IpPosition::of(&analysis, &doc, options.library, options.registry),
        concessions: decisions.iter().filter(|d| d.state == "accepted" || d.state == "countered").count(),
        decisions,
        fee: session.fee.clone(),
        fee_offer: session.latest_offer().cloned(),
    })))
}

/// The decision that stands for each finding on each clause: a later round's replaces an
/// earlier one's. Open decisions are left out; they decided nothing.
fn standing_decisions(decisions: &[Decision]) -> Vec<DecisionLine> {
    let mut standing: Vec<&Decision> = Vec::new();
    for d in decisions {
        let same = |o: &&Decision| o.finding == d.finding && o.clause.fingerprint == d.clause.fingerprint;
        match standing.iter().position(same) {
            Some(i) if standing[i].round <= d.round => standing[i] = d,
            Some(_) => {}
            None => standing.push(d),
        }
    }
    standing
        .into_iter()
        .filter(|d| d.state != DecisionState::Open)
        .map(|d| DecisionLine {
            clause: d.clause.label(),
            concern: d.finding.as_deref().and_then(|k| k.split('|').next()).filter(|c| !c.is_empty()).map(str::to_owned),
            state: d.state.label().to_owned(),
            fallback: d.fallback.map(|f| f.label().to_owned()),
            counter_language: d.counter_language.as_deref().map(|t| {
                let line = crate::text::one_line(t);
                if line.chars().count() > COUNTER_CHARS {
                    format!("{}…", line.chars().take(COUNTER_CHARS - 1).collect::<String>())
                } else {
                    line
                }
            }),
            round: d.round,
            at: d.at.clone(),
        })
        .collect()
}
