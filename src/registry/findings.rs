//! The registry in the analysis: `pre-existing-ip` findings that name the agency's items at risk
//! in a draft, with the ladder of the library's exhibit clause.

use std::sync::{Arc, LazyLock};

use super::Registry;
use super::mentions::{Mention, Standing, draft_carves_out, mentions, pre_existing_claims, provision_of};
use crate::analysis::{Analysis, Finding, FindingKind, Offer, Summary};
use crate::ingest::Document;
use crate::library::{ClauseLibrary, Concern, FallbackKind, Severity};

pub const RULE: &str = "registry/named-item";
/// The most item names one explanation lists before saying "and N more".
const NAMES_SHOWN: usize = 8;

static EMBEDDED: LazyLock<ClauseLibrary> = LazyLock::new(ClauseLibrary::embedded);

/// `registry_findings_with` and the embedded library's fallbacks.
pub fn registry_findings(analysis: &Analysis, doc: &Document, registry: &Registry) -> Vec<Finding> {
    registry_findings_with(analysis, doc, registry, &EMBEDDED)
}

/// `pre-existing-ip` findings for the agency's registry: an item named where the wording gives
/// it to the client (high), named with nothing keeping it while the draft assigns work product
/// (medium) or otherwise named outside any carve-out (low); a clause claiming pre-existing or
/// background IP without carving it out (high); and a broad assignment in a draft that never
/// carves out pre-existing IP (high, naming every item).
pub fn registry_findings_with(analysis: &Analysis, doc: &Document, registry: &Registry, library: &ClauseLibrary) -> Vec<Finding> {
    if registry.items.is_empty() {
        return Vec::new();
    }
    let name = |id: &str| registry.get(id).map_or_else(|| id.to_owned(), |i| i.name.trim().to_owned());
    let all_names = names_list(&registry.items.iter().map(|i| i.name.trim().to_owned()).collect::<Vec<_>>());
    let carve_out = draft_carves_out(doc, analysis);
    // The broad assignment that could reach the items: the worst such finding (a note that the
    // draft bills by the hour is no assignment).
    let assigns = analysis
        .findings
        .iter()
        .filter(|f| {
            f.kind == FindingKind::Phrase
                && f.start.is_some()
                && f.severity >= Severity::Medium
                && matches!(f.concern, Concern::BroadWorkProduct | Concern::WorkMadeForHire | Concern::MethodologyTransfer)
        })
        .max_by_key(|f| (f.severity, std::cmp::Reverse(f.start)));
    let mentions = mentions(analysis, doc, registry);
    let mut raw = claimed(doc, &mentions, &name);
    let assigning_clause = assigns.filter(|_| !carve_out).map(|a| clause_label(analysis, a.clause));
    raw.extend(named(&mentions, &name, assigning_clause.as_deref()));
    for (clause, start, end) in pre_existing_claims(doc, analysis) {
        raw.push(Raw {
            severity: Severity::High,
            clause: Some(clause),
            start,
            end,
            explanation: format!(
                "This wording claims the agency's pre-existing or background IP for the client without carving it out. Everything in the registry is at risk: {all_names}. Exclude Agency Pre-Existing IP (Exhibit A) and grant a non-exclusive licence instead."
            ),
        });
    }
    // A broad assignment in a draft that never carves out pre-existing IP reaches every item.
    if let (Some(a), false) = (assigns, carve_out)
        && let (Some(start), Some(end)) = (a.start, a.end)
        && !raw.iter().any(|f| f.severity == Severity::High && f.clause == a.clause)
    {
        raw.push(Raw {
            severity: a.severity,
            clause: a.clause,
            start,
            end,
            explanation: format!(
                "This assignment reaches whatever is made or used in the engagement, and the draft never carves out the agency's pre-existing IP. {} at risk: {all_names}. Attach the registry as Exhibit A and exclude it from the assignment.",
                plural(registry.items.len(), "This registry item is", "These registry items are"),
            ),
        });
    }
    let fallbacks = fallbacks(library);
    let mut findings: Vec<Finding> = raw
        .into_iter()
        .map(|r| Finding {
            kind: FindingKind::Phrase,
            concern: Concern::PreExistingIp,
            rule: RULE.to_owned(),
            library_clause: super::exhibit::EXHIBIT_CLAUSE_ID.to_owned(),
            severity: r.severity,
            clause: r.clause,
            start: Some(r.start),
            end: Some(r.end),
            phrase: Some(doc.text[r.start..r.end].to_owned()),
            explanation: r.explanation,
            fallbacks: Arc::clone(&fallbacks),
            insert: None,
        })
        .collect();
    findings.sort_by_key(|f| (f.start.unwrap_or(usize::MAX), std::cmp::Reverse(f.severity)));
    findings
}

/// A finding before the parts every registry finding shares are added.
struct Raw {
    severity: Severity,
    clause: Option<usize>,
    start: usize,
    end: usize,
    explanation: String,
}

/// Items named where the wording hands them over: one finding per sentence, naming them all.
fn claimed(doc: &Document, mentions: &[Mention], name: &dyn Fn(&str) -> String) -> Vec<Raw> {
    let mut claimed: Vec<&Mention> = mentions.iter().filter(|m| m.standing == Standing::Claimed).collect();
    claimed.dedup_by(|b, a| a.clause == b.clause && sentence_key(doc, a) == sentence_key(doc, b));
    claimed
        .into_iter()
        .map(|m| {
            let mut names: Vec<String> = Vec::new();
            for o in mentions.iter().filter(|o| o.standing == Standing::Claimed && o.clause == m.clause) {
                let n = name(&o.item);
                if !names.contains(&n) && sentence_key(doc, o) == sentence_key(doc, m) {
                    names.push(n);
                }
            }
            let place = m.exhibit.as_deref().map_or_else(String::new, |e| format!(" (listed in {e})"));
            let (it, existed) = if names.len() == 1 { ("it", "It existed") } else { ("them", "They existed") };
            Raw {
                severity: Severity::High,
                clause: m.clause,
                start: m.start,
                end: m.end,
                explanation: format!(
                    "The draft names the agency's pre-existing {} {}{place} in wording that gives ownership to the client. {existed} before this engagement; keep {it} with the agency and license {it} for use in the deliverables.",
                    plural(names.len(), "item", "items"),
                    names_list(&names),
                ),
            }
        })
        .collect()
}

/// Items named with nothing said about ownership: one finding per item, unless the draft keeps
/// it somewhere else (an exhibit of pre-existing IP, a carve-out naming it). Medium when the
/// draft assigns work product broadly without carving out pre-existing IP (in `assigning`).
fn named(mentions: &[Mention], name: &dyn Fn(&str) -> String, assigning: Option<&str>) -> Vec<Raw> {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for m in mentions.iter().filter(|m| m.standing == Standing::Named) {
        if seen.contains(&m.item.as_str()) || mentions.iter().any(|o| o.item == m.item && o.standing != Standing::Named) {
            continue;
        }
        seen.push(&m.item);
        let item = name(&m.item);
        let (severity, explanation) = match assigning {
            Some(clause) => (
                Severity::Medium,
                format!(
                    "The draft names the agency's pre-existing {item} but nothing keeps it with the agency, and {clause} assigns work product broadly: {item} could be claimed as part of it. List it in Exhibit A and carve it out."
                ),
            ),
            None => (
                Severity::Low,
                format!(
                    "The draft names the agency's pre-existing {item} without saying who owns it. List it in Exhibit A so the carve-out of pre-existing IP plainly covers it."
                ),
            ),
        };
        out.push(Raw { severity, clause: m.clause, start: m.start, end: m.end, explanation });
    }
    out
}

/// Adds findings made outside the analyser (registry, engagement model) to an analysis, in text
/// order, with the summary recounted.
pub fn merge_findings(analysis: &mut Analysis, extra: Vec<Finding>) {
    analysis.findings.extend(extra);
    analysis.findings.sort_by_key(|f| (f.start.unwrap_or(usize::MAX), std::cmp::Reverse(f.severity)));
    analysis.summary = Summary::of(&analysis.findings);
}

fn sentence_key(doc: &Document, m: &Mention) -> String {
    provision_of(doc, m)
}

fn clause_label(analysis: &Analysis, clause: Option<usize>) -> String {
    clause
        .and_then(|i| analysis.clauses.iter().find(|c| c.index == i))
        .map_or_else(|| "the draft".to_owned(), crate::analysis::AnalysedClause::label)
}

/// The library's ladder for the exhibit clause, or the built-in one.
fn fallbacks(library: &ClauseLibrary) -> Arc<[Offer]> {
    if let Some(c) = library.get(super::exhibit::EXHIBIT_CLAUSE_ID).filter(|c| !c.fallbacks.is_empty()) {
        return Offer::ladder(&c.fallbacks);
    }
    let offer = |kind, text: &str, talking_point: &str| Offer { kind, text: text.to_owned(), talking_point: talking_point.to_owned() };
    [
        offer(
            FallbackKind::Educate,
            "",
            "A builder keeps its equipment after building the house. These tools existed before this project; you own what we build for you, not what we build with.",
        ),
        offer(
            FallbackKind::ShowValue,
            "",
            "These frameworks are why we deliver in three months instead of six. If every client took them, we could not serve you that way.",
        ),
        offer(
            FallbackKind::NarrowScope,
            "Client IP does not include Agency Pre-Existing IP, including the items listed in Exhibit A (Agency Pre-Existing Intellectual Property), or any improvements to them of general application.",
            "Listing them makes the boundary concrete: everything built for you is yours; what we brought stays ours.",
        ),
        offer(
            FallbackKind::LicenseBack,
            "Agency retains all right, title and interest in the items listed in Exhibit A and grants Client a perpetual, non-exclusive, non-transferable license to use them solely as incorporated in the deliverables.",
            "You can use everything we deliver, forever; you just cannot extract our framework and hand it to someone else.",
        ),
        offer(
            FallbackKind::WalkAway,
            "",
            "If ownership of tools we had before this engagement is a condition, with no licence back, the deal costs us more than it pays.",
        ),
    ]
    .into()
}

fn names_list(names: &[String]) -> String {
    let mut shown: Vec<String> = names.iter().take(NAMES_SHOWN).cloned().collect();
    if names.len() > NAMES_SHOWN {
        shown.push(format!("and {} more", names.len() - NAMES_SHOWN));
    }
    shown.join(", ")
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}
