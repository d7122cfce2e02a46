//! Deciding the changes: which passage each finding strikes (its sentence; several findings in
//! one sentence make one change), which words replace it (the session's adopted fallback, else
//! the library's first rung with counter-language), and where missing protections go.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::placement::{self, Number};
use super::sentence::{cover_markup, paragraph_of, sentence_bounds};
use super::{Change, Draft, Language, NewClause, OpenPoint, OpenReason, Reason, Redline, RedlineOptions};
use crate::analysis::{Analysis, Finding, FindingKind, Parties};
use crate::ingest::Format;
use crate::library::{ClauseLibrary, FallbackKind};

/// What the negotiation session decided about a finding (or a whole clause), located in this
/// draft. Built by the caller from the session's decisions.
#[derive(Debug, Clone, PartialEq)]
pub struct Steer {
    /// The clause of this draft the decision belongs to; None when it could not be found again.
    pub clause: Option<usize>,
    /// `Finding::key()` of the finding decided on; None for the whole clause.
    pub finding: Option<String>,
    pub stance: Stance,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Stance {
    /// Counter with these words (the fallback rung adopted, when recorded).
    Counter { fallback: Option<FallbackKind>, language: String },
    /// The agency accepted the client's wording: leave it.
    Concede,
}

/// A passage to strike, with the findings in it (indices into `Analysis::findings`).
struct Group {
    clause: usize,
    paragraph: usize,
    range: Range<usize>,
    findings: Vec<usize>,
}

/// The words chosen for a change, the reason counsel reads beside them, and the talking point
/// that goes with them.
struct Chosen {
    text: String,
    language: Language,
    note: String,
    talking_point: String,
    /// The finding whose ladder supplied the words, if one did.
    from: Option<usize>,
}

/// What planning needs at hand.
struct Planner<'a> {
    draft: &'a Draft,
    analysis: &'a Analysis,
    library: &'a ClauseLibrary,
    steers: &'a [Steer],
    open: Vec<OpenPoint>,
}

/// Plans the counter-proposal for `draft` from its analysis and what the session decided.
pub fn plan(draft: Draft, analysis: &Analysis, library: &ClauseLibrary, steers: &[Steer], options: RedlineOptions) -> Redline {
    let mut p = Planner { draft: &draft, analysis, library, steers, open: Vec::new() };
    let mut groups: Vec<Group> = Vec::new();
    let mut missing: Vec<usize> = Vec::new();
    for (fi, f) in analysis.findings.iter().enumerate() {
        if f.severity < options.only {
            p.leave(fi, OpenReason::BelowThreshold);
        } else if steer_for(steers, f).is_some_and(|s| s.stance == Stance::Concede) {
            p.leave(fi, OpenReason::Conceded);
        } else if f.kind == FindingKind::Missing {
            missing.push(fi);
        } else if let Some(group) = passage(&draft, analysis, fi) {
            if is_heading(&draft, analysis, &group) {
                p.leave(fi, OpenReason::InHeading);
            } else {
                groups.push(group);
            }
        }
    }
    let mut planned = p.replacements(groups);
    planned.extend(p.new_clauses(&missing));
    let open = p.open;
    Redline { changes: in_order(planned), draft, open, options }
}

impl Planner<'_> {
    fn leave(&mut self, fi: usize, why: OpenReason) {
        let f = &self.analysis.findings[fi];
        let clause_label = self.label(f.clause);
        self.open.push(OpenPoint { concern: f.concern, severity: f.severity, clause_label, phrase: f.phrase.clone(), why });
    }

    fn label(&self, clause: Option<usize>) -> Option<String> {
        clause.and_then(|i| self.analysis.clauses.get(i)).map(crate::analysis::AnalysedClause::label)
    }

    /// One change per struck passage; passages that overlap (several findings in one sentence)
    /// are one. Returns each change with the clause it is in.
    fn replacements(&mut self, mut groups: Vec<Group>) -> Vec<(Option<usize>, Change)> {
        let analysis = self.analysis;
        groups.sort_by_key(|g| (g.range.start, g.range.end));
        let mut merged: Vec<Group> = Vec::new();
        for g in groups {
            match merged.last_mut() {
                Some(last) if last.paragraph == g.paragraph && g.range.start < last.range.end => {
                    last.range.end = last.range.end.max(g.range.end);
                    last.findings.extend(g.findings);
                }
                _ => merged.push(g),
            }
        }
        let mut planned = Vec::new();
        for mut g in merged {
            g.findings.sort_by_key(|&i| (std::cmp::Reverse(analysis.findings[i].severity), i));
            let Some(chosen) = choose(analysis, self.steers, &g.findings, self.library) else {
                g.findings.iter().for_each(|&i| self.leave(i, OpenReason::NoLanguage));
                continue;
            };
            // One reason per concern: the most severe finding of it says why.
            let mut reasons: Vec<Reason> = Vec::new();
            for &i in &g.findings {
                if !reasons.iter().any(|r| r.concern == analysis.findings[i].concern) {
                    reasons.push(reason(&analysis.findings[i], &chosen, i));
                }
            }
            let change = Change {
                id: 0,
                clause_label: self.label(Some(g.clause)).unwrap_or_default(),
                paragraph: g.paragraph,
                start: g.range.start,
                end: g.range.end,
                deleted: self.draft.analysed[g.range.clone()].to_owned(),
                inserted: adapt(&chosen.text, &analysis.parties),
                note: adapt(&chosen.note, &analysis.parties),
                new_clause: None,
                language: chosen.language,
                reasons,
            };
            planned.push((Some(g.clause), change));
        }
        planned
    }

    /// A new clause for each missing protection, numbered in turn where several share a place.
    fn new_clauses(&mut self, missing: &[usize]) -> Vec<(Option<usize>, Change)> {
        let (draft, analysis) = (self.draft, self.analysis);
        let mut numbers: Vec<(usize, Option<Number>)> = Vec::new();
        let mut planned = Vec::new();
        for &fi in missing {
            let f = &analysis.findings[fi];
            let (Some(chosen), Some(at)) =
                (choose(analysis, self.steers, &[fi], self.library), placement::place(&analysis.clauses, f.clause))
            else {
                self.leave(fi, OpenReason::NoLanguage);
                continue;
            };
            let (Some(paragraph), Some(template)) =
                (last_paragraph(draft, analysis, at.after), first_paragraph(draft, analysis, at.template))
            else {
                self.leave(fi, OpenReason::NoLanguage);
                continue;
            };
            let number = if let Some((_, n)) = numbers.iter_mut().find(|(after, _)| *after == at.after) {
                *n = n.as_ref().map(Number::next);
                n.clone()
            } else {
                numbers.push((at.after, at.number.clone()));
                at.number
            };
            let heading = self.library.get(&f.library_clause).map_or_else(|| f.concern.id().to_owned(), |c| c.title.clone());
            let end = draft.paragraphs[paragraph].end;
            let change = Change {
                id: 0,
                clause_label: self.label(Some(at.template)).unwrap_or_default(),
                paragraph,
                start: end,
                end,
                deleted: String::new(),
                inserted: adapt(&chosen.text, &analysis.parties),
                note: adapt(&chosen.note, &analysis.parties),
                new_clause: Some(NewClause { number: number.map(|n| n.label()), heading, template_paragraph: template }),
                language: chosen.language.clone(),
                reasons: vec![reason(f, &chosen, fi)],
            };
            planned.push((None, change));
        }
        planned
    }
}

/// Puts changes in document order and numbers them; where a clause would get the same words
/// twice, the later passage is only struck.
fn in_order(mut planned: Vec<(Option<usize>, Change)>) -> Vec<Change> {
    planned.sort_by_key(|(_, c)| (c.start, c.new_clause.is_some()));
    let mut changes: Vec<Change> = Vec::with_capacity(planned.len());
    for (i, (clause, mut change)) in planned.iter().cloned().enumerate() {
        change.id = i + 1;
        let earlier =
            planned[..i].iter().zip(&changes).find(|((c, _), done)| clause.is_some() && *c == clause && done.inserted == change.inserted);
        if let Some((_, done)) = earlier {
            change.language = Language::AlreadyInserted { change: done.id };
            change.inserted = String::new();
            ALREADY_INSERTED.clone_into(&mut change.note);
        }
        changes.push(change);
    }
    changes
}

/// The reason counsel reads beside a passage struck because an earlier change in its clause
/// already puts the same words in.
const ALREADY_INSERTED: &str = "Covered by the wording proposed earlier in this clause.";

/// The sentence (within its paragraph and clause) around a phrase finding.
fn passage(draft: &Draft, analysis: &Analysis, fi: usize) -> Option<Group> {
    let f = &analysis.findings[fi];
    let (start, end, clause) = (f.start?, f.end?, f.clause?);
    let c = analysis.clauses.get(clause)?;
    let paragraph = paragraph_of(&draft.paragraphs, start)?;
    let p = &draft.paragraphs[paragraph];
    let bounds = draft.text_starts[paragraph].max(c.start)..p.end.min(c.end);
    if bounds.start >= bounds.end || start >= bounds.end {
        return None;
    }
    let mut range = sentence_bounds(&draft.analysed, bounds.clone(), start, end);
    if draft.format == Format::Markdown {
        range = cover_markup(&draft.text, &draft.analysed, range, bounds);
    }
    (!draft.analysed[range.clone()].trim().is_empty()).then_some(Group { clause, paragraph, range, findings: vec![fi] })
}

/// Whether a passage is only its clause's heading ("Work Made for Hire and Further Assurances"):
/// the heading the segmenter found, or a short paragraph with no closing punctuation (a heading
/// on a line of its own). A heading names the subject; the body binds, so it is not struck.
fn is_heading(draft: &Draft, analysis: &Analysis, group: &Group) -> bool {
    let Some(clause) = analysis.clauses.get(group.clause) else { return false };
    let words = crate::text::one_line(&draft.analysed[group.range.clone()]);
    let bare = words.trim_end_matches(['.', ':', ';']).trim();
    if clause.heading.as_deref().is_some_and(|h| bare.eq_ignore_ascii_case(h.trim())) {
        return true;
    }
    let paragraph = &draft.paragraphs[group.paragraph];
    let whole = group.range.start <= draft.text_starts[group.paragraph] && group.range.end >= paragraph.end;
    whole && !words.ends_with(['.', ';', ':', ',']) && words.split_whitespace().count() <= 15
}

/// The paragraph holding the last words of a clause.
fn last_paragraph(draft: &Draft, analysis: &Analysis, clause: usize) -> Option<usize> {
    let c = analysis.clauses.get(clause)?;
    let body = draft.analysed[c.start..c.end].trim_end();
    paragraph_of(&draft.paragraphs, (c.start + body.len()).saturating_sub(1))
}

/// The paragraph holding the first words of a clause.
fn first_paragraph(draft: &Draft, analysis: &Analysis, clause: usize) -> Option<usize> {
    let c = analysis.clauses.get(clause)?;
    let text = &draft.analysed[c.start..c.end];
    paragraph_of(&draft.paragraphs, c.start + (text.len() - text.trim_start().len()))
}

/// The decision that stands for a finding: one on the finding itself (in its clause, or
/// anywhere for a missing protection), else one on its whole clause.
fn steer_for<'s>(steers: &'s [Steer], f: &Finding) -> Option<&'s Steer> {
    let key = f.key();
    let on_finding = |s: &&Steer| s.finding.as_deref() == Some(key.as_str()) && (f.kind == FindingKind::Missing || s.clause == f.clause);
    let on_clause = |s: &&Steer| s.finding.is_none() && f.clause.is_some() && s.clause == f.clause;
    steers.iter().rev().find(on_finding).or_else(|| steers.iter().rev().find(on_clause))
}

/// The words for a change answering `findings` (most severe first).
fn choose(analysis: &Analysis, steers: &[Steer], findings: &[usize], library: &ClauseLibrary) -> Option<Chosen> {
    let talking_point = |fi: usize, kind: Option<FallbackKind>| {
        let f = &analysis.findings[fi];
        kind.and_then(|k| f.fallbacks.iter().find(|o| o.kind == k))
            .or_else(|| f.fallbacks.iter().find(|o| !o.text.trim().is_empty()))
            .or(f.fallbacks.first())
            .map(|o| o.talking_point.clone())
            .unwrap_or_default()
    };
    for &fi in findings {
        if let Some(Steer { stance: Stance::Counter { fallback, language }, .. }) = steer_for(steers, &analysis.findings[fi])
            && !language.trim().is_empty()
        {
            let tp = talking_point(fi, *fallback);
            return Some(Chosen {
                text: language.trim().to_owned(),
                language: Language::Session(*fallback),
                note: counsel_note(library, &analysis.findings[fi].library_clause, *fallback),
                talking_point: tp,
                from: Some(fi),
            });
        }
    }
    // A missing protection is added whole: the library clause's standard text is the clause
    // that was missing, where a fallback rung is wording to trade against a risky passage.
    if let Some(standard) = findings
        .first()
        .map(|&fi| &analysis.findings[fi])
        .filter(|f| f.kind == FindingKind::Missing)
        .and_then(|f| library.get(&f.library_clause))
    {
        let tp = talking_point(findings[0], None);
        let language = Language::Standard { library_clause: standard.id.clone() };
        let note = counsel_note(library, &standard.id, None);
        return Some(Chosen { text: standard.standard_text.trim().to_owned(), language, note, talking_point: tp, from: Some(findings[0]) });
    }
    // In place of the struck words, a rung that does the same job (the transfer narrowed, or
    // kept with a licence back) before one that promises something else instead.
    let same_job = |o: &&crate::analysis::Offer| matches!(o.kind, FallbackKind::NarrowScope | FallbackKind::LicenseBack);
    for &fi in findings {
        let f = &analysis.findings[fi];
        let worded = |o: &&crate::analysis::Offer| !o.text.trim().is_empty();
        if let Some(o) = f.fallbacks.iter().filter(worded).find(same_job).or_else(|| f.fallbacks.iter().find(worded)) {
            let language = Language::Fallback { library_clause: f.library_clause.clone(), kind: o.kind };
            let note = counsel_note(library, &f.library_clause, Some(o.kind));
            return Some(Chosen { text: o.text.trim().to_owned(), language, note, talking_point: o.talking_point.clone(), from: Some(fi) });
        }
    }
    None
}

/// The reason for counsel that goes with a library clause's wording: the rung's, else the
/// clause's (its standard text, or the agency's own words in its place). `library check`
/// makes sure both exist.
fn counsel_note(library: &ClauseLibrary, clause: &str, rung: Option<FallbackKind>) -> String {
    let Some(c) = library.get(clause) else { return String::from("Proposed in place of the wording struck.") };
    let rung_note = rung.and_then(|k| c.fallbacks.iter().find(|f| f.kind == k)).map(|f| f.counsel_note.trim());
    rung_note.filter(|n| !n.is_empty()).unwrap_or(c.counsel_note.trim()).to_owned()
}

fn reason(f: &Finding, chosen: &Chosen, fi: usize) -> Reason {
    let talking_point = if chosen.from == Some(fi) || chosen.from.is_none() {
        chosen.talking_point.clone()
    } else {
        f.fallbacks.iter().find(|o| !o.text.trim().is_empty()).or(f.fallbacks.first()).map(|o| o.talking_point.clone()).unwrap_or_default()
    };
    Reason {
        concern: f.concern,
        severity: f.severity,
        phrase: f.phrase.as_deref().map(crate::text::one_line),
        explanation: f.explanation.clone(),
        talking_point,
    }
}

/// Library language says "Agency" and "Client"; the draft may say "Provider" and "Customer".
/// Uses the draft's defined terms when the analysis found them.
fn adapt(text: &str, parties: &Parties) -> String {
    static ROLE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(?:Agency|Client)\b").expect("static regex"));
    let term = |t: &Option<String>| {
        t.as_deref()
            .map(str::trim)
            .filter(|t| t.split_whitespace().count() <= 4 && t.starts_with(|c: char| c.is_uppercase()))
            .map(str::to_owned)
    };
    let (agency, client) = (term(&parties.agency), term(&parties.counterparty));
    ROLE.replace_all(text, |c: &regex::Captures<'_>| match &c[0] {
        "Agency" => agency.clone().unwrap_or_else(|| "Agency".to_owned()),
        _ => client.clone().unwrap_or_else(|| "Client".to_owned()),
    })
    .into_owned()
}
