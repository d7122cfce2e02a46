//! The issues list counsel exchange beside a redline: one row per open or settled point, with
//! the clause, the client's position, the agency's position, where it stands and the proposed
//! resolution. Built from a session as the workspace sees it (the latest round, its mid-call
//! revisions, decisions and adopted fallbacks, the fee uplifts offered). The other side's
//! version says positions in the library's counsel-facing words only: no concern ids,
//! severities, talking points or internal reasons; the agency's version adds the call notes.

mod render;

use crate::analysis::{Finding, FindingKind};
use crate::library::{ClauseLibrary, StandardClause};
use crate::session::{Decision, DecisionState, OfferAnswer, Session};
use crate::workspace::{Entry, Workspace};

pub use render::{Format, render};

/// Who reads the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// The client's counsel: positions in counsel-facing words only.
    OtherSide,
    /// The agency: the same, plus the notes taken on each point.
    Agency,
}

/// One point of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub clause: String,
    pub client_position: String,
    pub agency_position: String,
    pub status: String,
    pub resolution: String,
    /// The call notes on the point; empty in the other side's version.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuesList {
    pub audience: Audience,
    /// "Acme Corp / Brightlabs Ltd", else the session's name.
    pub deal: String,
    /// The draft the points are on: "round 2 (acme-msa-v2.docx)".
    pub draft: String,
    pub issues: Vec<Issue>,
    /// Notes on the whole session; empty in the other side's version.
    pub session_notes: Vec<String>,
}

/// Why the issues list could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The file's extension names no format this list is written in.
    #[error("{0}")]
    Format(String),
    #[error("{}: already exists", .0.display())]
    Exists(std::path::PathBuf),
    #[error("{}: {source}", path.display())]
    Write { path: std::path::PathBuf, source: std::io::Error },
}

/// Writes the issues list of the session open in `ws` to `path`, in the format its extension
/// names, atomically; an existing file is replaced only when `replace`. The one way the
/// command line and the workspace write it.
pub fn export(ws: &Workspace<'_>, audience: Audience, path: &std::path::Path, replace: bool) -> Result<IssuesList, ExportError> {
    let format = Format::of(path).map_err(ExportError::Format)?;
    if !replace && path.symlink_metadata().is_ok() {
        return Err(ExportError::Exists(path.to_owned()));
    }
    let list = issues_list(ws, audience);
    let bytes = render(&list, format, crate::registry::today()).map_err(ExportError::Format)?;
    crate::atomic::write(path, &bytes, replace).map_err(|e| {
        if e.already_exists() { ExportError::Exists(path.to_owned()) } else { ExportError::Write { path: e.path, source: e.source } }
    })?;
    Ok(list)
}

/// The issues list of the session open in `ws`, on its current round.
pub fn issues_list(ws: &Workspace<'_>, audience: Audience) -> IssuesList {
    let session = ws.session();
    let library = ws.library();
    let mut issues: Vec<Issue> = ws.entries().iter().filter_map(|&entry| issue(ws, library, entry, audience)).collect();
    issues.extend(fee_issue(session));
    let parties: Vec<&str> = [session.client.as_deref(), session.agency.as_deref()].into_iter().flatten().collect();
    let deal = if parties.is_empty() { session.name.clone() } else { parties.join(" / ") };
    let round = session.round(ws.round()).unwrap_or_else(|| session.latest_round());
    let internal = audience == Audience::Agency;
    let session_notes = if internal { ws.notes(None).into_iter().map(|n| format!("{} {}", n.at, n.text)).collect() } else { Vec::new() };
    IssuesList { audience, deal, draft: format!("round {} ({})", round.number, round.file_name), issues, session_notes }
}

/// The point an entry raises, if it raises one: a clause with findings or a decision, or a
/// protection the draft lacks.
fn issue(ws: &Workspace<'_>, library: &ClauseLibrary, entry: Entry, audience: Audience) -> Option<Issue> {
    let findings = ws.findings(entry);
    let decisions: Vec<Option<&Decision>> = if findings.is_empty() {
        vec![Some(ws.decision(entry, None)?)]
    } else {
        findings.iter().map(|f| ws.decision(entry, Some(f))).collect()
    };
    let standards: Vec<&StandardClause> = if findings.is_empty() {
        ws.standard_for(entry).into_iter().collect()
    } else {
        findings.iter().filter_map(|f| library.get(&f.library_clause)).collect()
    };
    let clause = match entry {
        Entry::Clause(_) => ws.label(entry),
        Entry::Missing(_) => format!("New clause: {}", standards.first().map_or("protection", |c| c.title.as_str())),
    };
    let client_position = client_position(&findings, &standards);
    let mut agency = Vec::new();
    let mut resolution = Vec::new();
    for (i, decision) in decisions.iter().enumerate() {
        let standard = decision.and_then(|d| d.library_clause.as_deref()).and_then(|id| library.get(id)).or(standards.get(i).copied());
        let Some(standard) = standard else { continue };
        let rung = decision.and_then(|d| d.fallback).and_then(|k| standard.fallbacks.iter().find(|f| f.kind == k));
        let note = rung.map(|f| f.counsel_note.trim()).filter(|n| !n.is_empty()).unwrap_or(standard.counsel_note.trim());
        // A point conceded has no agency position left to state.
        if decision.is_none_or(|d| d.state != DecisionState::Accepted) {
            push_once(&mut agency, note.to_owned());
        }
        let proposal = match decision.map(|d| (d.state, d.counter_language.as_deref())) {
            Some((DecisionState::Accepted, _)) => "The client's wording stands.".to_owned(),
            Some((DecisionState::Countered, Some(text))) if !text.trim().is_empty() => quote(text),
            _ => quote(&standard.standard_text),
        };
        push_once(&mut resolution, proposal);
    }
    let notes = match audience {
        Audience::Agency => ws.notes(Some(entry)).into_iter().map(|n| format!("{} {}", n.at, n.text)).collect(),
        Audience::OtherSide => Vec::new(),
    };
    Some(Issue {
        clause,
        client_position,
        agency_position: agency.join(" "),
        status: status(ws.state(entry), audience).to_owned(),
        resolution: resolution.join(" "),
        notes,
    })
}

/// The client's wording that raises the point, quoted (a phrase inside another is quoted once,
/// in the longer); or what the draft lacks.
fn client_position(findings: &[&Finding], standards: &[&StandardClause]) -> String {
    let phrases: Vec<String> = findings.iter().filter_map(|f| f.phrase.as_deref()).map(crate::text::one_line).collect();
    let within_another = |p: &String| phrases.iter().any(|other| other.len() > p.len() && other.contains(p.as_str()));
    let mut quoted = Vec::new();
    for f in findings {
        match (f.kind, f.phrase.as_deref().map(crate::text::one_line)) {
            (FindingKind::Phrase, Some(phrase)) if within_another(&phrase) => {}
            (FindingKind::Phrase, Some(phrase)) => push_once(&mut quoted, quote(&phrase)),
            _ => {
                let title = standards.first().map_or("this protection", |c| c.title.as_str());
                push_once(&mut quoted, format!("The draft has no {} clause.", title.to_lowercase()));
            }
        }
    }
    if quoted.is_empty() { "As drafted.".to_owned() } else { quoted.join("; ") }
}

/// Where a point stands, in words for the reader: a point the agency parked is still open to
/// the other side.
fn status(state: Option<DecisionState>, audience: Audience) -> &'static str {
    match (state, audience) {
        (None | Some(DecisionState::Open), _) | (Some(DecisionState::Parked), Audience::OtherSide) => "Open",
        (Some(DecisionState::Parked), Audience::Agency) => "Parked",
        (Some(DecisionState::Accepted), _) => "Agreed (client's wording)",
        (Some(DecisionState::Countered), _) => "Counter-proposal made",
        (Some(DecisionState::Rejected), _) => "Not agreed",
    }
}

/// The fee uplift for a full IP transfer, when one was offered: every offer and its answer.
fn fee_issue(session: &Session) -> Option<Issue> {
    let latest = session.latest_offer()?;
    let answered: Vec<String> = session
        .offers
        .iter()
        .filter(|o| o.answer != OfferAnswer::Open)
        .map(|o| format!("{} {} uplift ({})", o.answer.label(), crate::fee::format_percent(o.percent), money(o.amount, &o.currency)))
        .collect();
    let client_position = if answered.is_empty() { "No answer yet.".to_owned() } else { capitalise(&answered.join("; ")) + "." };
    let fee = session.fee.as_ref().map(|f| format!(" of {}", money(f.amount, &f.currency))).unwrap_or_default();
    let (status, verb) = if latest.answer == OfferAnswer::Accepted { ("Agreed", "agreed") } else { ("Open", "proposed") };
    Some(Issue {
        clause: "Fee for a full transfer of intellectual property".to_owned(),
        client_position,
        agency_position: format!("A full transfer of the Agency's intellectual property is priced as an uplift on the project fee{fee}."),
        status: status.to_owned(),
        resolution: format!(
            "An uplift of {} ({}) on the project fee, as {verb}.",
            crate::fee::format_percent(latest.percent),
            money(latest.amount, &latest.currency)
        ),
        notes: Vec::new(),
    })
}

fn money(amount: f64, currency: &str) -> String {
    crate::fee::money(amount, currency)
}

fn quote(text: &str) -> String {
    format!("\u{201c}{}\u{201d}", crate::text::one_line(text.trim()))
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn push_once(list: &mut Vec<String>, item: String) {
    if !item.is_empty() && !list.contains(&item) {
        list.push(item);
    }
}
