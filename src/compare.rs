//! Comparing two versions of a negotiation by meaning: round 1 against round 2 of one deal
//! (clauses aligned by content, so renumbering is not noise), or deal A against deal B (aligned
//! by library clause: what did we concede where).

mod align;
pub mod blackline;
mod negotiation;
mod report;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::analysis::{Analysis, Finding, FindingKind, Summary};
use crate::diff::{self, Run};
use crate::ingest::Document;
use crate::library::{ClauseLibrary, Concern, Severity};
use crate::segment::Clause;

pub use align::{Alignment, Pair, Relation};
pub use negotiation::negotiation;
pub use report::{markdown, text};

pub const SCHEMA: &str = "clauseguard.compare/1";

/// One side of a comparison: a draft and its analysis.
pub struct Side<'a> {
    /// What the user named: a file, `SESSION`, or `SESSION:ROUND`.
    pub label: String,
    pub doc: &'a Document,
    pub analysis: &'a Analysis,
    /// Decisions, fee figures and notes when the side is a saved session.
    pub negotiation: Option<Negotiation>,
}

/// What was said and decided in a saved session, as shown beside its round.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Negotiation {
    pub session: String,
    pub round: u32,
    pub client: Option<String>,
    pub engagement: String,
    /// "USD 120,000.00" style, when a fee was entered.
    pub fee: Option<String>,
    /// Every uplift offered up to this round: "round 1: 30% = $54,000 (declined)".
    pub offers: Vec<String>,
    /// One line per decision: "§4.1 Ownership: countered (narrow-scope)".
    pub decisions: Vec<String>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// Two versions of one deal: clauses aligned by content.
    Rounds,
    /// Two different deals: aligned by library clause.
    Deals,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClauseRef {
    pub index: usize,
    pub label: String,
    pub number: Option<String>,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Resolved,
    New,
    Unchanged,
    SeverityUp,
    SeverityDown,
}

impl Status {
    /// How a finding's change reads: between rounds of one deal, or between two deals, whose
    /// sides are called `sides` ("resolved" between rounds is "only first" between deals).
    pub fn word(self, mode: Mode, [first, second]: [&str; 2]) -> String {
        match (mode, self) {
            (Mode::Rounds, Status::Resolved) => "resolved".into(),
            (Mode::Rounds, Status::New) => "new".into(),
            (Mode::Rounds, Status::Unchanged) => "unchanged".into(),
            (Mode::Rounds, Status::SeverityUp) => "worse".into(),
            (Mode::Rounds, Status::SeverityDown) => "better".into(),
            (Mode::Deals, Status::Resolved) => format!("only {first}"),
            (Mode::Deals, Status::New) => format!("only {second}"),
            (Mode::Deals, Status::Unchanged) => "in both".into(),
            (Mode::Deals, Status::SeverityUp) => format!("worse in {second}"),
            (Mode::Deals, Status::SeverityDown) => format!("milder in {second}"),
        }
    }

    /// How a missing protection's change reads (the finding is the protection's absence).
    pub fn protection_word(self, mode: Mode, [first, second]: [&str; 2]) -> String {
        match (mode, self) {
            (Mode::Rounds, Status::Resolved) => "now present".into(),
            (Mode::Rounds, Status::New) => "newly missing".into(),
            (Mode::Rounds, _) => "still missing".into(),
            (Mode::Deals, Status::Resolved) => format!("only {first} lacks it"),
            (Mode::Deals, Status::New) => format!("only {second} lacks it"),
            (Mode::Deals, _) => "both lack it".into(),
        }
    }
}

/// How one concern changed within an aligned pair of clauses (or across the whole draft).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingDelta {
    pub concern: Concern,
    pub status: Status,
    pub old_severity: Option<Severity>,
    pub new_severity: Option<Severity>,
    pub old_phrase: Option<String>,
    pub new_phrase: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Toward,
    Away,
    Same,
}

/// What a [`Direction`] was judged by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// One side's wording is closer to the standard text.
    Wording,
    /// The findings decided: they all moved one way (resolved or milder, or new or worse),
    /// whatever the wording's closeness says; or the wording is about as close on both sides.
    Findings,
}

/// How close each side is to the agency's standard language for the clause.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standard {
    pub library_clause: String,
    pub old_similarity: f32,
    pub new_similarity: f32,
    pub direction: Direction,
    pub judged_by: Basis,
}

impl Standard {
    /// Why a pair moved other than its wording's closeness to the standard says: the findings
    /// decided ("" when the wording decided, or nothing moved).
    pub fn reason(&self) -> &'static str {
        let as_close = (self.new_similarity - self.old_similarity).abs() <= CLOSER + 0.001;
        match (self.judged_by, self.direction) {
            (Basis::Findings, Direction::Toward) if as_close => ": wording about as close, findings less severe",
            (Basis::Findings, Direction::Away) if as_close => ": wording about as close, findings more severe",
            (Basis::Findings, Direction::Toward) => ": findings resolved or milder, none new or worse",
            (Basis::Findings, Direction::Away) => ": findings new or worse, none resolved or milder",
            _ => "",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClauseChange {
    pub relation: Relation,
    pub old: Vec<ClauseRef>,
    pub new: Vec<ClauseRef>,
    pub similarity: f32,
    pub moved: bool,
    pub renumbered: bool,
    /// Word diff of the old wording against the new; empty when unchanged.
    pub diff: Vec<Run>,
    pub findings: Vec<FindingDelta>,
    pub standard: Option<Standard>,
}

impl ClauseChange {
    /// Which way the change moved for the agency: as judged against the standard when the
    /// wording changed, else by its findings alone when they all moved one way.
    pub fn direction(&self) -> Option<Direction> {
        self.standard.as_ref().map(|s| s.direction).or_else(|| findings_direction(&self.findings))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AddedOrRemoved {
    pub clause: ClauseRef,
    pub concerns: Vec<Concern>,
}

/// One library clause in a deal-to-deal comparison: where each deal has it and what it risks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LibraryRow {
    pub library_clause: String,
    pub title: String,
    pub old_clauses: Vec<String>,
    pub new_clauses: Vec<String>,
    pub findings: Vec<FindingDelta>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Totals {
    pub unchanged: usize,
    pub changed: usize,
    pub renumbered: usize,
    pub moved: usize,
    pub split: usize,
    pub merged: usize,
    pub added: usize,
    pub removed: usize,
    pub resolved: usize,
    pub new: usize,
    pub toward_standard: usize,
    pub away_from_standard: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SideSummary {
    pub label: String,
    pub path: String,
    pub sha256: String,
    pub clauses: usize,
    pub summary: Summary,
    pub negotiation: Option<Negotiation>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub schema: &'static str,
    pub mode: Mode,
    pub old: SideSummary,
    pub new: SideSummary,
    /// Aligned pairs that differ in wording, place or findings (rounds mode).
    pub changes: Vec<ClauseChange>,
    pub added: Vec<AddedOrRemoved>,
    pub removed: Vec<AddedOrRemoved>,
    /// Missing-protection findings across the whole draft.
    pub missing: Vec<FindingDelta>,
    /// Deals mode: one row per library clause either deal touches.
    pub by_library: Vec<LibraryRow>,
    pub totals: Totals,
}

/// Compares two sides; `mode` decides the alignment.
pub fn compare(old: &Side, new: &Side, library: &ClauseLibrary, mode: Mode) -> Comparison {
    match mode {
        Mode::Rounds => compare_rounds(old, new, library, align_rounds((old.doc, &spans(old.analysis)), (new.doc, &spans(new.analysis)))),
        Mode::Deals => {
            let mut c = comparison(old, new, mode);
            c.by_library = by_library(old, new, library);
            count(c)
        }
    }
}

/// Compares two rounds of one deal, aligned beforehand by [`align_rounds`] (which needs only
/// the drafts' clauses, so it can run beside the analysis).
pub fn compare_rounds(old: &Side, new: &Side, library: &ClauseLibrary, aligned: Aligned) -> Comparison {
    let mut c = comparison(old, new, Mode::Rounds);
    by_content(&mut c, old, new, library, aligned);
    count(c)
}

/// Where a clause stands in its draft, and its heading: what the alignment reads of it.
pub type Span<'a> = (usize, usize, Option<&'a str>);

/// The spans of an analysed draft's clauses.
pub fn spans(analysis: &Analysis) -> Vec<Span<'_>> {
    analysis.clauses.iter().map(|c| (c.start, c.end, c.heading.as_deref())).collect()
}

/// The spans of a draft's clauses as segmented, before analysis.
pub fn clause_spans(clauses: &[Clause]) -> Vec<Span<'_>> {
    clauses.iter().map(|c| (c.start, c.end, c.heading.as_deref())).collect()
}

/// Two rounds aligned clause to clause, with the word diff of each pair reworded.
pub struct Aligned {
    alignment: Alignment,
    /// For each pair, the diff of its old wording against its new; empty when unchanged.
    diffs: Vec<Vec<Run>>,
}

/// Aligns the clauses of two rounds by content and diffs the pairs reworded: all of a
/// comparison of rounds that needs the drafts' clauses but not their analyses.
pub fn align_rounds<'a>(old: (&'a Document, &[Span]), new: (&'a Document, &[Span])) -> Aligned {
    let (old_texts, new_texts) = (stripped(old.0, old.1), stripped(new.0, new.1));
    let alignment = align_texts(old.1, &old_texts, new.1, &new_texts);
    // The word diffs are most of the work: two threads share them, split by the bytes to read.
    let diff = |pairs: &[Pair]| -> Vec<Vec<Run>> {
        pairs
            .iter()
            .map(|pair| {
                if pair.relation == Relation::Unchanged {
                    return Vec::new();
                }
                let side = |texts: &[&'a str], idx: &[usize]| joined(idx.iter().map(|&i| texts[i]));
                let (o, n) = (side(&old_texts, &pair.old), side(&new_texts, &pair.new));
                diff::word_diff(&o, &n)
            })
            .collect()
    };
    let bytes = |pair: &Pair| {
        let size = |texts: &[&str], idx: &[usize]| idx.iter().map(|&i| texts[i].len()).sum::<usize>();
        if pair.relation == Relation::Unchanged { 0 } else { size(&old_texts, &pair.old) + size(&new_texts, &pair.new) }
    };
    let half = alignment.pairs.iter().map(bytes).sum::<usize>() / 2;
    let mut sum = 0;
    let split = alignment
        .pairs
        .iter()
        .position(|p| {
            sum += bytes(p);
            sum > half
        })
        .map_or(alignment.pairs.len(), |k| k + 1);
    let (first, second) = alignment.pairs.split_at(split);
    let diffs = std::thread::scope(|s| {
        let rest = s.spawn(|| diff(second));
        let mut diffs = diff(first);
        diffs.extend(crate::analysis::joined(rest.join()));
        diffs
    });
    Aligned { alignment, diffs }
}

/// The clauses of two rounds aligned by content, without the word diffs: which clause became
/// which.
pub fn alignment(old: (&Document, &[Span]), new: (&Document, &[Span])) -> Alignment {
    align_texts(old.1, &stripped(old.0, old.1), new.1, &stripped(new.0, new.1))
}

fn align_texts(old_spans: &[Span], old_texts: &[&str], new_spans: &[Span], new_texts: &[&str]) -> Alignment {
    // A clause's title for pairing rewrites: its heading, or the term a definition defines.
    let title = |spans: &[Span], texts: &[&str], i: usize| spans[i].2.map(str::to_owned).or_else(|| defined_term(texts[i]));
    align::align(old_texts, new_texts, &|i| title(old_spans, old_texts, i), &|j| title(new_spans, new_texts, j))
}

/// Each clause's text without its number, so renumbering does not count as rewording.
fn stripped<'a>(doc: &'a Document, spans: &[Span]) -> Vec<&'a str> {
    spans.iter().map(|&(start, end, _)| strip_number(&doc.analysed[start..end])).collect()
}

/// Clause texts, trimmed, a blank line between them.
fn joined<'a>(texts: impl Iterator<Item = &'a str>) -> String {
    texts.map(str::trim).collect::<Vec<_>>().join("\n\n")
}

/// A comparison of the two sides with nothing found yet.
fn comparison(old: &Side, new: &Side, mode: Mode) -> Comparison {
    Comparison {
        schema: SCHEMA,
        mode,
        old: summary(old),
        new: summary(new),
        changes: Vec::new(),
        added: Vec::new(),
        removed: Vec::new(),
        missing: deltas(&missing(old.analysis), &missing(new.analysis)),
        by_library: Vec::new(),
        totals: Totals::default(),
    }
}

/// Counts the findings resolved and new.
fn count(mut c: Comparison) -> Comparison {
    let all = c.changes.iter().flat_map(|ch| &ch.findings).chain(&c.missing).chain(c.by_library.iter().flat_map(|r| &r.findings));
    for d in all {
        match d.status {
            Status::Resolved => c.totals.resolved += 1,
            Status::New => c.totals.new += 1,
            _ => {}
        }
    }
    c.totals.new += c.added.iter().map(|a| a.concerns.len()).sum::<usize>();
    c.totals.resolved += c.removed.iter().map(|a| a.concerns.len()).sum::<usize>();
    c
}

fn summary(side: &Side) -> SideSummary {
    SideSummary {
        label: side.label.clone(),
        path: side.analysis.source.path.clone(),
        sha256: side.analysis.source.sha256.clone(),
        clauses: side.analysis.clauses.len(),
        summary: side.analysis.summary,
        negotiation: side.negotiation.clone(),
    }
}

fn clause_text<'a>(side: &'a Side, i: usize) -> &'a str {
    let c = &side.analysis.clauses[i];
    &side.doc.analysed[c.start..c.end]
}

fn clause_ref(side: &Side, i: usize) -> ClauseRef {
    let c = &side.analysis.clauses[i];
    ClauseRef { index: i, label: crate::text::one_line(&c.label()), number: c.number.clone(), start: c.start, end: c.end }
}

fn by_content(c: &mut Comparison, old: &Side, new: &Side, library: &ClauseLibrary, aligned: Aligned) {
    let Aligned { alignment, diffs } = aligned;
    let (old_found, new_found) = (by_clause(old.analysis), by_clause(new.analysis));
    for (pair, diff) in alignment.pairs.iter().zip(diffs) {
        let findings = deltas(&in_clauses(&old_found, &pair.old), &in_clauses(&new_found, &pair.new));
        let renumbered =
            pair.old.iter().map(|&i| &old.analysis.clauses[i].number).ne(pair.new.iter().map(|&j| &new.analysis.clauses[j].number));
        let t = &mut c.totals;
        match pair.relation {
            Relation::Unchanged => t.unchanged += 1,
            Relation::Changed => t.changed += 1,
            Relation::Split => t.split += 1,
            Relation::Merged => t.merged += 1,
        }
        t.renumbered += usize::from(renumbered);
        t.moved += usize::from(pair.moved);
        let worded = pair.relation != Relation::Unchanged;
        let has_delta = findings.iter().any(|d| d.status != Status::Unchanged);
        // Renumbering alone is counted, not listed: it is the noise this comparison removes.
        if !(worded || pair.moved || has_delta) {
            continue;
        }
        let standard = if worded { standard_direction(old, new, pair, &findings, library) } else { None };
        match standard.as_ref().map(|s| s.direction) {
            Some(Direction::Toward) => c.totals.toward_standard += 1,
            Some(Direction::Away) => c.totals.away_from_standard += 1,
            _ => {}
        }
        c.changes.push(ClauseChange {
            relation: pair.relation,
            old: pair.old.iter().map(|&i| clause_ref(old, i)).collect(),
            new: pair.new.iter().map(|&j| clause_ref(new, j)).collect(),
            similarity: (pair.similarity * 1000.0).round() / 1000.0,
            moved: pair.moved,
            renumbered,
            diff,
            findings,
            standard,
        });
    }
    let listed = |side: &Side, found: &[Vec<&Finding>], idx: &[usize]| -> Vec<AddedOrRemoved> {
        idx.iter()
            .map(|&i| AddedOrRemoved { clause: clause_ref(side, i), concerns: in_clauses(found, &[i]).into_keys().collect() })
            .collect()
    };
    c.added = listed(new, &new_found, &alignment.added);
    c.removed = listed(old, &old_found, &alignment.removed);
    c.totals.added = c.added.len();
    c.totals.removed = c.removed.len();
}

/// `"Work Product" means ...` defines "Work Product".
fn defined_term(text: &str) -> Option<String> {
    let t = text.trim_start().strip_prefix(['"', '\u{201c}'])?;
    let end = t.find(['"', '\u{201d}'])?;
    // The longest cue is 15 characters: lower-casing the start of the rest is enough.
    let rest = t[end + 1..].trim_start().chars().take(20).collect::<String>().to_lowercase();
    (end <= 60 && ["means", "shall mean", "has the meaning", "includes", "refers to"].iter().any(|w| rest.starts_with(w)))
        .then(|| t[..end].to_owned())
}

/// The clause text without its leading number, so renumbering does not count as rewording.
fn strip_number(text: &str) -> &str {
    let t = text.trim_start();
    let end = t.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '(' | ')' | ' ' | '\t'))).unwrap_or(t.len());
    if end > 0 && t[..end].chars().any(|c| c.is_ascii_digit() || c == '(') { &t[end..] } else { t }
}

/// How much closer to the standard text one side's wording must be to count as moving.
const CLOSER: f32 = 0.02;

/// Whether the pair moved toward the matched standard clause. Findings that all moved one way
/// decide (a change that resolves a finding and adds none is toward the agency's position,
/// however many words it adds); otherwise the wording's closeness to the standard text, and
/// when that is about the same, the weight of the findings.
fn standard_direction(old: &Side, new: &Side, pair: &Pair, findings: &[FindingDelta], library: &ClauseLibrary) -> Option<Standard> {
    let matched = |side: &Side, idx: &[usize]| {
        idx.iter().filter_map(|&i| side.analysis.clauses[i].library_match.clone()).max_by(|a, b| a.score.total_cmp(&b.score))
    };
    let m = matched(new, &pair.new).or_else(|| matched(old, &pair.old))?;
    let text = |side: &Side, idx: &[usize]| joined(idx.iter().map(|&i| strip_number(clause_text(side, i))));
    let (old_text, new_text) = (text(old, &pair.old), text(new, &pair.new));
    let standard = &library.get(&m.id)?.standard_text;
    let [o, n] = [old_text, new_text].map(|t| diff::closeness(standard, &t));
    let by_wording = if n > o + CLOSER {
        Direction::Toward
    } else if o > n + CLOSER {
        Direction::Away
    } else {
        Direction::Same
    };
    let (direction, judged_by) = match findings_direction(findings) {
        Some(d) if d != by_wording => (d, Basis::Findings),
        _ if by_wording != Direction::Same => (by_wording, Basis::Wording),
        // Wording no closer either way and the findings mixed: weigh them, each concern by its
        // worst finding, so a clause split in two with the same risk in both halves carries no
        // more of it.
        _ => {
            let weight = |s: Option<Severity>| s.map_or(0, |s| s as u32 + 1);
            let (before, after) = findings.iter().fold((0, 0), |(b, a), d| (b + weight(d.old_severity), a + weight(d.new_severity)));
            let direction = match after.cmp(&before) {
                std::cmp::Ordering::Less => Direction::Toward,
                std::cmp::Ordering::Greater => Direction::Away,
                std::cmp::Ordering::Equal => Direction::Same,
            };
            (direction, Basis::Findings)
        }
    };
    let round = |x: f32| (x * 1000.0).round() / 1000.0;
    Some(Standard { library_clause: m.id, old_similarity: round(o), new_similarity: round(n), direction, judged_by })
}

/// Which way a pair's findings moved when they all moved one way: toward the standard when
/// some were resolved or became milder and none is new or worse, away for the reverse.
fn findings_direction(findings: &[FindingDelta]) -> Option<Direction> {
    let better = findings.iter().any(|d| matches!(d.status, Status::Resolved | Status::SeverityDown));
    let worse = findings.iter().any(|d| matches!(d.status, Status::New | Status::SeverityUp));
    match (better, worse) {
        (true, false) => Some(Direction::Toward),
        (false, true) => Some(Direction::Away),
        _ => None,
    }
}

/// Each clause's phrase findings, in the analysis's order.
fn by_clause(a: &Analysis) -> Vec<Vec<&Finding>> {
    let mut found = vec![Vec::new(); a.clauses.len()];
    for f in a.findings.iter().filter(|f| f.kind == FindingKind::Phrase) {
        if let Some(list) = f.clause.and_then(|c| found.get_mut(c)) {
            list.push(f);
        }
    }
    found
}

/// The worst phrase finding of each concern in the clauses `idx`, given [`by_clause`]; of
/// findings as severe, the first in the analysis's order.
fn in_clauses<'a>(found: &[Vec<&'a Finding>], idx: &[usize]) -> BTreeMap<Concern, &'a Finding> {
    let mut idx = idx.to_vec();
    idx.sort_unstable();
    worst(idx.iter().filter_map(|&i| found.get(i)).flatten().copied())
}

fn missing(a: &Analysis) -> BTreeMap<Concern, &Finding> {
    worst(a.findings.iter().filter(|f| f.kind == FindingKind::Missing))
}

fn worst<'a>(findings: impl Iterator<Item = &'a Finding>) -> BTreeMap<Concern, &'a Finding> {
    let mut out: BTreeMap<Concern, &Finding> = BTreeMap::new();
    for f in findings {
        out.entry(f.concern)
            .and_modify(|w| {
                if f.severity > w.severity {
                    *w = f;
                }
            })
            .or_insert(f);
    }
    out
}

fn deltas(old: &BTreeMap<Concern, &Finding>, new: &BTreeMap<Concern, &Finding>) -> Vec<FindingDelta> {
    let concerns: BTreeSet<Concern> = old.keys().chain(new.keys()).copied().collect();
    concerns
        .into_iter()
        .map(|concern| {
            let (o, n) = (old.get(&concern), new.get(&concern));
            let status = match (o, n) {
                (Some(_), None) => Status::Resolved,
                (None, Some(_)) => Status::New,
                (Some(o), Some(n)) if n.severity > o.severity => Status::SeverityUp,
                (Some(o), Some(n)) if n.severity < o.severity => Status::SeverityDown,
                _ => Status::Unchanged,
            };
            let phrase = |f: Option<&&Finding>| f.and_then(|f| f.phrase.as_deref()).map(crate::text::one_line);
            FindingDelta {
                concern,
                status,
                old_severity: o.map(|f| f.severity),
                new_severity: n.map(|f| f.severity),
                old_phrase: phrase(o),
                new_phrase: phrase(n),
            }
        })
        .collect()
}

fn by_library(old: &Side, new: &Side, library: &ClauseLibrary) -> Vec<LibraryRow> {
    let matched = |side: &Side, id: &str| -> Vec<usize> {
        side.analysis.clauses.iter().filter(|c| c.library_match.as_ref().is_some_and(|m| m.id == id)).map(|c| c.index).collect()
    };
    library
        .clauses
        .iter()
        .filter_map(|lc| {
            let (o, n) = (matched(old, &lc.id), matched(new, &lc.id));
            let findings = deltas(&for_library_clause(old.analysis, &lc.id), &for_library_clause(new.analysis, &lc.id));
            (!o.is_empty() || !n.is_empty() || !findings.is_empty()).then(|| LibraryRow {
                library_clause: lc.id.clone(),
                title: lc.title.clone(),
                old_clauses: o.iter().map(|&i| clause_ref(old, i).label).collect(),
                new_clauses: n.iter().map(|&i| clause_ref(new, i).label).collect(),
                findings,
            })
        })
        .collect()
}

fn for_library_clause<'a>(a: &'a Analysis, id: &str) -> BTreeMap<Concern, &'a Finding> {
    worst(a.findings.iter().filter(|f| f.library_clause == id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_direction_the_findings_decided_says_so() {
        let standard = |direction, judged_by| Standard {
            library_clause: "derivatives".into(),
            old_similarity: 0.23,
            new_similarity: 0.25,
            direction,
            judged_by,
        };
        assert_eq!(standard(Direction::Away, Basis::Findings).reason(), ": wording about as close, findings more severe");
        assert_eq!(standard(Direction::Toward, Basis::Findings).reason(), ": wording about as close, findings less severe");
        assert_eq!(standard(Direction::Same, Basis::Findings).reason(), "", "no closer needs no reason");
        assert_eq!(standard(Direction::Toward, Basis::Wording).reason(), "", "the figures say it");
        let against_wording = Standard { old_similarity: 0.4, ..standard(Direction::Toward, Basis::Findings) };
        assert_eq!(against_wording.reason(), ": findings resolved or milder, none new or worse");
    }

    fn delta(status: Status) -> FindingDelta {
        FindingDelta { concern: Concern::NoResiduals, status, old_severity: None, new_severity: None, old_phrase: None, new_phrase: None }
    }

    #[test]
    fn findings_that_all_moved_one_way_give_the_direction() {
        let of = |statuses: &[Status]| findings_direction(&statuses.iter().map(|&s| delta(s)).collect::<Vec<_>>());
        assert_eq!(of(&[Status::Resolved, Status::Unchanged]), Some(Direction::Toward));
        assert_eq!(of(&[Status::SeverityDown]), Some(Direction::Toward));
        assert_eq!(of(&[Status::New, Status::SeverityUp]), Some(Direction::Away));
        assert_eq!(of(&[Status::Resolved, Status::New]), None, "mixed: the wording decides");
        assert_eq!(of(&[Status::Unchanged]), None);
    }
}
