//! What one contract (or one session's latest draft) did with the agency's IP: what it assigned,
//! what it licensed, which protections it kept, which it lacks, and where the registry's items
//! appear.

use std::path::Path;

use serde::Serialize;

use super::{AuditOptions, ContractAudit};
use crate::analysis::{Analysis, Finding, FindingKind, Summary};
use crate::ingest::{Document, IngestError};
use crate::library::{ClauseLibrary, Concern, Severity};
use crate::registry::{self, Date, Registry, Standing};
use crate::review::{Deal, Review};
use crate::text::Normalised;

/// Longest phrase quoted in the report.
const PHRASE_CHARS: usize = 160;

/// One finding as the audit reports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    pub concern: Concern,
    pub severity: Severity,
    pub rule: String,
    pub library_clause: String,
    /// The clause's label ("§2 Ownership"), when the finding has a place.
    pub clause: Option<String>,
    pub phrase: Option<String>,
}

/// A protection the draft has: a library clause whose `missing` check finds it present.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Protection {
    pub library_clause: String,
    pub title: String,
}

/// A registry item named in the document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemNamed {
    pub id: String,
    pub name: String,
    pub mentions: usize,
    /// Headings of the exhibits or schedules listing it.
    pub exhibits: Vec<String>,
    /// Some wording keeps it with the agency (a carve-out, an exhibit of pre-existing IP).
    pub kept: bool,
    /// Some wording hands it to the client, or a finding of medium or higher names it.
    pub at_risk: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct IpPosition {
    /// IP given away: broad work product, work made for hire, methodology, models, pre-existing
    /// IP, derivatives, joint IP, assignment before payment, moral rights.
    pub assigned: Vec<Point>,
    /// Licences granted beyond what the agency should give (transferable, irrevocable).
    pub licensed: Vec<Point>,
    /// Protections the document has.
    pub retained: Vec<Protection>,
    /// Required protections it lacks.
    pub missing: Vec<Point>,
    /// Other risks (client data, non-compete, open source, no licence back).
    pub other: Vec<Point>,
    pub registry: Vec<ItemNamed>,
    /// The document claims pre-existing IP, or assigns broadly with no carve-out: every
    /// registry item is at risk in it.
    pub claims_pre_existing: bool,
    pub summary: Summary,
}

/// Concerns that mean IP passes to the client.
pub fn is_assignment(concern: Concern) -> bool {
    matches!(
        concern,
        Concern::BroadWorkProduct
            | Concern::WorkMadeForHire
            | Concern::PreExistingIp
            | Concern::MethodologyTransfer
            | Concern::ModelOwnership
            | Concern::AssignmentBeforePayment
            | Concern::JointIp
            | Concern::Derivatives
            | Concern::MoralRightsWaiver
    )
}

fn is_licence(concern: Concern) -> bool {
    matches!(concern, Concern::TransferableLicense | Concern::PerpetualIrrevocableGrant)
}

impl IpPosition {
    /// The position of an analysed document; `analysis` already holds any registry and
    /// engagement findings.
    pub fn of(analysis: &Analysis, doc: &Document, library: &ClauseLibrary, registry: Option<&Registry>) -> IpPosition {
        let point = |f: &Finding| Point {
            concern: f.concern,
            severity: f.severity,
            rule: f.rule.clone(),
            library_clause: f.library_clause.clone(),
            clause: f.clause.and_then(|i| analysis.clauses.iter().find(|c| c.index == i)).map(crate::analysis::AnalysedClause::label),
            phrase: f.phrase.as_deref().map(shorten),
        };
        let mut position = IpPosition { summary: analysis.summary, ..IpPosition::default() };
        for f in &analysis.findings {
            let target = match (f.kind, f.concern) {
                (FindingKind::Missing, _) => &mut position.missing,
                (_, c) if is_assignment(c) => &mut position.assigned,
                (_, c) if is_licence(c) => &mut position.licensed,
                _ => &mut position.other,
            };
            target.push(point(f));
        }
        let norm = Normalised::new(&doc.analysed);
        position.retained = library
            .clauses
            .iter()
            .filter(|c| c.missing.as_ref().is_some_and(|m| m.present_when.iter().any(|p| p.is_match(&norm.text))))
            .map(|c| Protection { library_clause: c.id.clone(), title: c.title.clone() })
            .collect();
        if let Some(registry) = registry {
            let mentions = registry::mentions(analysis, doc, registry);
            let registry_findings: Vec<&Finding> = analysis.findings.iter().filter(|f| f.rule == registry::NAMED_ITEM_RULE).collect();
            position.claims_pre_existing = registry_findings
                .iter()
                .any(|f| f.severity == Severity::High && !mentions.iter().any(|m| Some(m.start) == f.start && Some(m.end) == f.end));
            position.registry = named_items(registry, &mentions, &registry_findings);
        }
        position
    }
}

fn named_items(registry: &Registry, mentions: &[registry::Mention], findings: &[&Finding]) -> Vec<ItemNamed> {
    registry
        .items
        .iter()
        .filter_map(|item| {
            let own: Vec<&registry::Mention> = mentions.iter().filter(|m| m.item == item.id).collect();
            if own.is_empty() {
                return None;
            }
            let mut exhibits: Vec<String> = own.iter().filter_map(|m| m.exhibit.clone()).collect();
            exhibits.dedup();
            let flagged = |m: &registry::Mention| {
                findings.iter().any(|f| f.severity >= Severity::Medium && f.start == Some(m.start) && f.end == Some(m.end))
            };
            Some(ItemNamed {
                id: item.id.clone(),
                name: item.name.clone(),
                mentions: own.len(),
                exhibits,
                kept: own.iter().any(|m| m.standing == Standing::Kept),
                at_risk: own.iter().any(|m| m.standing == Standing::Claimed || flagged(m)),
            })
        })
        .collect()
}

/// A phrase on one line, at most `PHRASE_CHARS` characters.
fn shorten(phrase: &str) -> String {
    let line = crate::text::one_line(phrase);
    if line.chars().count() <= PHRASE_CHARS {
        return line;
    }
    let cut: String = line.chars().take(PHRASE_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

/// Audits one contract file; `None` when `--since` leaves it out.
pub(super) fn contract(path: &Path, options: &AuditOptions, review: &Review, deal: &Deal) -> Result<Option<ContractAudit>, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    let modified = meta.modified().ok().map(Date::of);
    if let (Some(since), Some(modified)) = (options.since, modified)
        && modified < since
    {
        return Ok(None);
    }
    let doc = crate::ingest::load(path).map_err(|e| match e {
        IngestError::Io { source, .. } => source.to_string(),
        IngestError::Unreadable { reason, .. } => reason,
    })?;
    let analysis = review.analyze(&doc, deal);
    Ok(Some(ContractAudit {
        path: path.display().to_string(),
        format: doc.format,
        sha256: doc.sha256.clone(),
        modified,
        position: IpPosition::of(&analysis, &doc, options.library, options.registry),
    }))
}
