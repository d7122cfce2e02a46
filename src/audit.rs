//! The yearly IP audit: over folders of signed contracts and saved negotiation sessions, what
//! IP each deal assigned, licensed or kept, where the registry's items appear (and in which
//! exhibits), which concessions were made and for what fee; totals at the end.

mod collect;
mod html;
mod position;
mod render;
mod session;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::analysis::Summary;
use crate::library::{ClauseLibrary, Concern};
use crate::registry::{Date, Registry};
use crate::review::{Deal, Review};

pub use collect::{Candidate, collect};
pub use html::render as html;
pub use position::{IpPosition, ItemNamed, Point, Protection};
pub use render::{markdown, text};
pub use session::{DecisionLine, SessionAudit};

pub const SCHEMA: &str = "clauseguard.audit/1";

/// What the audit is asked to do beyond the paths.
pub struct AuditOptions<'a> {
    /// Contracts modified, and sessions whose latest round arrived, before this day are left out.
    pub since: Option<Date>,
    pub library: &'a ClauseLibrary,
    pub registry: Option<&'a Registry>,
    /// The registry file, named in the report.
    pub registry_path: Option<PathBuf>,
    pub agency_party: Option<String>,
}

/// One signed contract read from disk.
#[derive(Debug, Clone, Serialize)]
pub struct ContractAudit {
    pub path: String,
    pub format: crate::ingest::Format,
    pub sha256: String,
    /// The day the file was last modified.
    pub modified: Option<Date>,
    #[serde(flatten)]
    pub position: IpPosition,
}

/// A file that could not be audited, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    pub path: String,
    pub reason: String,
}

/// How each registry item fared across everything audited.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ItemUse {
    pub id: String,
    pub name: String,
    /// Contracts and sessions that name it anywhere.
    pub named_in: Vec<String>,
    /// `path: exhibit heading` for each exhibit or schedule that lists it.
    pub exhibits: Vec<String>,
    /// Documents where wording hands it to the client, or that claim pre-existing IP outright.
    pub at_risk_in: Vec<String>,
}

/// Fee offers across sessions, per currency.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FeeTotal {
    pub currency: String,
    pub offers: usize,
    pub accepted: usize,
    /// Sum of the uplift amounts offered, and of those the client accepted.
    pub offered_amount: f64,
    pub accepted_amount: f64,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Totals {
    /// Contracts and sessions read.
    pub read: usize,
    pub contracts: usize,
    pub sessions: usize,
    pub errors: usize,
    pub skipped: usize,
    pub excluded_by_since: usize,
    /// Documents with at least one high-severity assignment of IP.
    pub gave_away_ip: usize,
    /// For each concern of IP assigned: how many documents have it.
    pub assigned_by_concern: BTreeMap<Concern, usize>,
    /// For each missing protection (library clause id): how many documents lack it.
    pub missing_by_clause: BTreeMap<String, usize>,
    pub findings: Summary,
    /// Decisions recorded in sessions, by state.
    pub decisions: BTreeMap<String, usize>,
    pub fees: Vec<FeeTotal>,
    pub items_named: usize,
    pub items_in_exhibits: usize,
    pub items_at_risk: usize,
}

/// The whole audit (`clauseguard.audit/1`).
#[derive(Debug, Clone, Serialize)]
pub struct AuditReport {
    pub schema: &'static str,
    /// When the audit ran (RFC 3339, UTC).
    pub generated: String,
    pub roots: Vec<String>,
    pub since: Option<Date>,
    pub registry: Option<String>,
    pub contracts: Vec<ContractAudit>,
    pub sessions: Vec<SessionAudit>,
    pub errors: Vec<Problem>,
    /// Files found but not audited (READMEs, JSON that is not a session, formats not read).
    pub skipped: Vec<Problem>,
    /// Files left out by `--since`.
    pub excluded: Vec<String>,
    pub items: Vec<ItemUse>,
    pub totals: Totals,
}

impl AuditReport {
    /// True when files were found but none could be read: the audit says nothing.
    pub fn nothing_read(&self) -> bool {
        self.totals.read == 0 && self.excluded.is_empty()
    }
}

/// Audits every contract and session under `roots`. `progress` is told about each file as it
/// is read (index from 1, total, path), so the caller can draw a progress bar.
pub fn audit(roots: &[PathBuf], options: &AuditOptions, progress: &mut dyn FnMut(usize, usize, &Path)) -> AuditReport {
    let candidates = collect(roots);
    let review = Review::new(options.library, options.registry);
    let deal = Deal { agency_party: options.agency_party.clone(), engagement: None };
    let mut report = AuditReport {
        schema: SCHEMA,
        generated: crate::session::now(),
        roots: roots.iter().map(|r| r.display().to_string()).collect(),
        since: options.since,
        registry: options.registry_path.as_ref().map(|p| p.display().to_string()),
        contracts: Vec::new(),
        sessions: Vec::new(),
        errors: Vec::new(),
        skipped: Vec::new(),
        excluded: Vec::new(),
        items: Vec::new(),
        totals: Totals::default(),
    };
    let total = candidates.len();
    for (i, candidate) in candidates.into_iter().enumerate() {
        progress(i + 1, total, candidate.path());
        match candidate {
            Candidate::Contract(path) => match position::contract(&path, options, &review, &deal) {
                Ok(Some(c)) => report.contracts.push(c),
                Ok(None) => report.excluded.push(path.display().to_string()),
                Err(reason) => report.errors.push(Problem { path: path.display().to_string(), reason }),
            },
            Candidate::Json(path) => match session::audit_file(&path, options, &review, deal.clone()) {
                Ok(session::Outcome::Audited(s)) => report.sessions.push(*s),
                Ok(session::Outcome::Excluded) => report.excluded.push(path.display().to_string()),
                Ok(session::Outcome::NotASession(reason)) => report.skipped.push(Problem { path: path.display().to_string(), reason }),
                Err(reason) => report.errors.push(Problem { path: path.display().to_string(), reason }),
            },
            Candidate::Skipped(path, reason) => report.skipped.push(Problem { path: path.display().to_string(), reason }),
            Candidate::Error(path, reason) => report.errors.push(Problem { path: path.display().to_string(), reason }),
        }
    }
    report.items = item_uses(&report, options.registry);
    report.totals = totals(&report);
    report
}

fn item_uses(report: &AuditReport, registry: Option<&Registry>) -> Vec<ItemUse> {
    let Some(registry) = registry else { return Vec::new() };
    let positions = report
        .contracts
        .iter()
        .map(|c| (&c.path, &c.position))
        .chain(report.sessions.iter().map(|s| (&s.path, &s.position)))
        .collect::<Vec<_>>();
    registry
        .items
        .iter()
        .map(|item| {
            let mut use_ = ItemUse { id: item.id.clone(), name: item.name.clone(), ..ItemUse::default() };
            for (path, position) in &positions {
                if let Some(named) = position.registry.iter().find(|n| n.id == item.id) {
                    use_.named_in.push((*path).clone());
                    use_.exhibits.extend(named.exhibits.iter().map(|e| format!("{path}: {e}")));
                    if named.at_risk {
                        use_.at_risk_in.push((*path).clone());
                    }
                } else if position.claims_pre_existing {
                    use_.at_risk_in.push((*path).clone());
                }
            }
            use_
        })
        .collect()
}

fn totals(report: &AuditReport) -> Totals {
    let mut t = Totals {
        contracts: report.contracts.len(),
        sessions: report.sessions.len(),
        errors: report.errors.len(),
        skipped: report.skipped.len(),
        excluded_by_since: report.excluded.len(),
        ..Totals::default()
    };
    t.read = t.contracts + t.sessions;
    let positions = report.contracts.iter().map(|c| &c.position).chain(report.sessions.iter().map(|s| &s.position));
    for p in positions {
        if p.assigned.iter().any(|a| a.severity == crate::library::Severity::High) {
            t.gave_away_ip += 1;
        }
        let mut concerns: Vec<Concern> = p.assigned.iter().map(|a| a.concern).collect();
        concerns.sort();
        concerns.dedup();
        for c in concerns {
            *t.assigned_by_concern.entry(c).or_default() += 1;
        }
        for m in &p.missing {
            *t.missing_by_clause.entry(m.library_clause.clone()).or_default() += 1;
        }
        t.findings.high += p.summary.high;
        t.findings.medium += p.summary.medium;
        t.findings.low += p.summary.low;
        t.findings.info += p.summary.info;
    }
    for s in &report.sessions {
        for d in &s.decisions {
            *t.decisions.entry(d.state.clone()).or_default() += 1;
        }
        if let Some(offer) = &s.fee_offer {
            // Totalled in the currency the offer was made in, whatever the fee is in now.
            let currency = offer.currency.clone();
            let i = t.fees.iter().position(|f| f.currency == currency).unwrap_or_else(|| {
                t.fees.push(FeeTotal { currency: currency.clone(), ..FeeTotal::default() });
                t.fees.len() - 1
            });
            let fee = &mut t.fees[i];
            fee.offers += 1;
            fee.offered_amount += offer.amount;
            if offer.answer == crate::session::OfferAnswer::Accepted {
                fee.accepted += 1;
                fee.accepted_amount += offer.amount;
            }
        }
    }
    t.items_named = report.items.iter().filter(|i| !i.named_in.is_empty()).count();
    t.items_in_exhibits = report.items.iter().filter(|i| !i.exhibits.is_empty()).count();
    t.items_at_risk = report.items.iter().filter(|i| !i.at_risk_in.is_empty()).count();
    t
}

/// The report as one JSON document.
pub fn json(report: &AuditReport) -> String {
    serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}
