//! What the comparison screen shows: one row per change (made once, when the comparison is
//! opened) and the detail of the selected row: its word diff, finding deltas, and for the
//! overview the decisions, fee figures and notes of each side.

use std::fmt::Write;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::compare::{ClauseChange, ClauseRef, Comparison, Direction, FindingDelta, Mode, Negotiation, Relation, SideSummary, Status};
use crate::ingest::Document;
use crate::library::{ClauseLibrary, Concern};
use crate::text::{one_line, sanitize};
use crate::tui::panes::inline;
use crate::tui::theme::{Theme, badge};
use crate::tui::wrap::{hanging, rule, wrap};

/// Where a row points in the comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// Both sides at a glance: their findings, decisions, fee and notes.
    Sides,
    Change(usize),
    Added(usize),
    Removed(usize),
    Missing(usize),
    Library(usize),
}

/// Whether a row moved the deal toward the agency's position, away from it, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Better,
    Worse,
    Neither,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub item: Item,
    /// One character that says the tone without colour: ▲ better, ▼ worse, + added, − removed.
    pub mark: &'static str,
    pub tone: Tone,
    pub text: String,
    /// More text a search looks in: the wording of an added or removed clause, a diff's words.
    pub searchable: String,
    /// The wording of an added or removed clause, shown in the detail.
    pub wording: Option<String>,
}

/// The rows of a comparison, in the order: overview, changes, added, removed, missing
/// protections, and (between deals) the library clauses.
pub fn rows(c: &Comparison, old: &Document, new: &Document, library: &ClauseLibrary) -> Vec<Row> {
    let row = |item, mark, tone, text: String, searchable: String, wording| Row { item, mark, tone, text, searchable, wording };
    let mut out = vec![row(Item::Sides, "≡", Tone::Neither, "Both sides: findings, decisions, fee, notes".into(), String::new(), None)];
    for (i, ch) in c.changes.iter().enumerate() {
        let (mark, tone) = match ch.direction() {
            Some(Direction::Toward) => ("▲", Tone::Better),
            Some(Direction::Away) => ("▼", Tone::Worse),
            _ => ("~", Tone::Neither),
        };
        let searchable = ch.diff.iter().map(|r| r.text.as_str()).collect::<String>() + &concerns(&ch.findings);
        out.push(row(Item::Change(i), mark, tone, change_text(ch), searchable, None));
    }
    let wording = |doc: &Document, r: &ClauseRef| doc.analysed.get(r.start..r.end).map(|t| sanitize(t.trim(), true)).unwrap_or_default();
    for (i, a) in c.added.iter().enumerate() {
        let text = wording(new, &a.clause);
        let risky = if a.concerns.is_empty() { String::new() } else { format!(" · {} new concern(s)", a.concerns.len()) };
        let tone = if a.concerns.is_empty() { Tone::Neither } else { Tone::Worse };
        out.push(row(Item::Added(i), "+", tone, format!("{} added{risky}", a.clause.label), text.clone(), Some(text)));
    }
    for (i, r) in c.removed.iter().enumerate() {
        let text = wording(old, &r.clause);
        let gone = if r.concerns.is_empty() { String::new() } else { format!(" · {} concern(s) gone", r.concerns.len()) };
        let tone = if r.concerns.is_empty() { Tone::Neither } else { Tone::Better };
        out.push(row(Item::Removed(i), "−", tone, format!("{} removed{gone}", r.clause.label), text.clone(), Some(text)));
    }
    for (i, d) in c.missing.iter().enumerate().filter(|(_, d)| d.status != Status::Unchanged) {
        let (mark, tone, what) = match (c.mode, d.status) {
            (Mode::Rounds, Status::Resolved) => ("▲", Tone::Better, "protection gained"),
            (Mode::Rounds, Status::New) => ("▼", Tone::Worse, "protection lost"),
            (Mode::Deals, Status::Resolved) => ("▲", Tone::Better, "other deal only"),
            (Mode::Deals, Status::New) => ("▼", Tone::Worse, "this deal only"),
            (_, Status::SeverityDown) => ("▲", Tone::Better, "still missing, matters less"),
            _ => ("▼", Tone::Worse, "still missing, matters more"),
        };
        out.push(row(Item::Missing(i), mark, tone, format!("{}: {what}", protection(library, d.concern)), d.concern.id().into(), None));
    }
    for (i, r) in c.by_library.iter().enumerate() {
        let (better, worse) = tally(&r.findings);
        let (mark, tone) = match better.cmp(&worse) {
            std::cmp::Ordering::Greater => ("▲", Tone::Better),
            std::cmp::Ordering::Less => ("▼", Tone::Worse),
            std::cmp::Ordering::Equal => ("=", Tone::Neither),
        };
        let places = format!("{} | {}", or_none(&r.old_clauses), or_none(&r.new_clauses));
        let text = format!("{}: {places}{}", one_line(&r.title), counts(&r.findings, Mode::Deals));
        out.push(row(Item::Library(i), mark, tone, text, concerns(&r.findings), None));
    }
    out
}

/// The title of the standard clause a missing-protection concern stands for.
fn protection(library: &ClauseLibrary, concern: Concern) -> String {
    let clause = library.clauses.iter().find(|c| c.missing.as_ref().is_some_and(|m| m.concern == concern));
    clause.map_or_else(|| concern.id().to_owned(), |c| format!("Missing {}", one_line(&c.title)))
}

fn or_none(labels: &[String]) -> String {
    if labels.is_empty() { "none".to_owned() } else { labels.join(", ") }
}

fn concerns(deltas: &[FindingDelta]) -> String {
    deltas.iter().flat_map(|d| [" ", d.concern.id()]).collect()
}

/// Findings that got better (resolved, less severe) and worse (new, more severe).
fn tally(deltas: &[FindingDelta]) -> (usize, usize) {
    let count = |s: &[Status]| deltas.iter().filter(|d| s.contains(&d.status)).count();
    (count(&[Status::Resolved, Status::SeverityDown]), count(&[Status::New, Status::SeverityUp]))
}

/// The screen's names for the two sides of a comparison of deals: the other deal, and the one open.
const SIDES: [&str; 2] = ["other", "this"];

/// " · 1 resolved · 2 new" (between deals, " · 1 only other · 2 only this"), leaving out zeros.
fn counts(deltas: &[FindingDelta], mode: Mode) -> String {
    let count = |s: Status| deltas.iter().filter(|d| d.status == s).count();
    let mut out = String::new();
    for status in [Status::Resolved, Status::New] {
        let n = count(status);
        if n > 0 {
            let _ = write!(out, " · {n} {}", status.word(mode, SIDES));
        }
    }
    out
}

fn refs(r: &[ClauseRef]) -> String {
    if r.is_empty() { "—".to_owned() } else { r.iter().map(|c| c.label.as_str()).collect::<Vec<_>>().join(" + ") }
}

/// What happened to a pair: "changed, renumbered, moved".
fn flags(ch: &ClauseChange) -> String {
    let mut what: Vec<&str> = Vec::new();
    match ch.relation {
        Relation::Unchanged => {}
        Relation::Changed => what.push("changed"),
        Relation::Split => what.push("split"),
        Relation::Merged => what.push("merged"),
    }
    if ch.renumbered {
        what.push("renumbered");
    }
    if ch.moved {
        what.push("moved");
    }
    if what.is_empty() {
        what.push("findings differ");
    }
    what.join(", ")
}

fn change_text(ch: &ClauseChange) -> String {
    format!("{} → {}: {}{}", refs(&ch.old), refs(&ch.new), flags(ch), counts(&ch.findings, Mode::Rounds))
}

/// The one-line totals above the list.
pub fn totals(c: &Comparison) -> String {
    let t = &c.totals;
    let gained = c.missing.iter().filter(|d| d.status == Status::Resolved).count();
    let lost = c.missing.iter().filter(|d| d.status == Status::New).count();
    match c.mode {
        Mode::Deals => format!(
            "{} library clauses compared · concerns {} only there, {} only here · protections missing {lost} only here, {gained} only there",
            c.by_library.len(),
            t.resolved,
            t.new
        ),
        Mode::Rounds => {
            let mut parts = vec![format!("{} changed", t.changed)];
            for (n, word) in [(t.split, "split"), (t.merged, "merged"), (t.renumbered, "renumbered"), (t.moved, "moved")] {
                if n > 0 {
                    parts.push(format!("{n} {word}"));
                }
            }
            parts.push(format!("{} added, {} removed, {} unchanged", t.added, t.removed, t.unchanged));
            parts.push(format!("concerns {} resolved, {} new · protections {gained} gained, {lost} lost", t.resolved, t.new));
            parts.push(format!("{} toward the standard, {} away", t.toward_standard, t.away_from_standard));
            parts.join(" · ")
        }
    }
}

fn tone_style(tone: Tone, theme: &Theme) -> Style {
    match tone {
        Tone::Better => theme.settled.patch(theme.title),
        Tone::Worse => theme.error,
        Tone::Neither => theme.dim,
    }
}

/// The row's mark in its style, for the list.
pub fn mark(row: &Row, theme: &Theme) -> Span<'static> {
    Span::styled(row.mark, tone_style(row.tone, theme))
}

/// The detail of the selected row at `width`.
pub fn detail(c: &Comparison, row: &Row, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    match row.item {
        Item::Sides => {
            let [old, new] = if c.mode == Mode::Deals { ["Other deal", "This deal"] } else { ["Earlier round", "Current round"] };
            side(&mut out, old, &c.old, theme, width);
            out.push(Line::default());
            side(&mut out, new, &c.new, theme, width);
        }
        Item::Change(i) => change(&mut out, &c.changes[i], theme, width),
        Item::Added(_) | Item::Removed(_) => {
            let added = matches!(row.item, Item::Added(_));
            out.push(Line::from(vec![mark(row, theme), Span::raw(" "), Span::styled(row.text.clone(), theme.heading)]));
            let (say, style) =
                if added { ("Only in the new draft:", theme.inserted) } else { ("Only in the earlier draft:", theme.deleted) };
            out.push(Line::styled(say, theme.dim));
            out.extend(wrap(&[(row.wording.as_deref().unwrap_or_default(), style)], width));
        }
        Item::Missing(i) => {
            out.push(Line::from(vec![mark(row, theme), Span::raw(" "), Span::styled(row.text.clone(), theme.heading)]));
            deltas(&mut out, std::slice::from_ref(&c.missing[i]), c.mode, theme, width);
        }
        Item::Library(i) => {
            let r = &c.by_library[i];
            out.push(Line::styled(one_line(&r.title), theme.heading));
            out.extend(hanging(&[(&format!("{}: ", c.old.label), theme.dim), (&or_none(&r.old_clauses), theme.text)], 4, width));
            out.extend(hanging(&[(&format!("{}: ", c.new.label), theme.dim), (&or_none(&r.new_clauses), theme.text)], 4, width));
            deltas(&mut out, &r.findings, Mode::Deals, theme, width);
        }
    }
    out
}

fn side(out: &mut Vec<Line<'static>>, title: &str, s: &SideSummary, theme: &Theme, width: usize) {
    out.push(rule(&format!("{title}: {}", one_line(&s.label)), width, theme.heading));
    let sum = s.summary;
    out.push(Line::from(vec![
        Span::styled(format!("{} clauses · ", s.clauses), theme.text),
        Span::styled(format!("{} high", sum.high), theme.high),
        Span::raw(format!(", {} medium, {} low", sum.medium, sum.low)),
    ]));
    let Some(n) = &s.negotiation else { return };
    negotiation(out, n, theme, width);
}

fn negotiation(out: &mut Vec<Line<'static>>, n: &Negotiation, theme: &Theme, width: usize) {
    let client = n.client.as_deref().map(|c| format!(" · client {}", one_line(c))).unwrap_or_default();
    out.push(Line::styled(format!("{} engagement{client}", n.engagement), theme.dim));
    let fee = n.fee.as_deref().map_or_else(|| "no project fee entered".to_owned(), one_line);
    out.extend(hanging(&[("Fee: ", theme.title), (&fee, theme.text)], 5, width));
    for offer in &n.offers {
        out.extend(hanging(&[("Uplift offered in ", theme.title), (&one_line(offer), theme.text)], 5, width));
    }
    out.push(Line::styled(format!("Decisions ({})", n.decisions.len()), theme.title));
    for d in &n.decisions {
        out.extend(hanging(&[("  • ", theme.dim), (&one_line(d), theme.text)], 4, width));
    }
    out.push(Line::styled(format!("Notes ({})", n.notes.len()), theme.title));
    for note in &n.notes {
        out.extend(hanging(&[("  • ", theme.dim), (&one_line(note), theme.quote)], 4, width));
    }
}

fn change(out: &mut Vec<Line<'static>>, ch: &ClauseChange, theme: &Theme, width: usize) {
    out.extend(wrap(&[(&format!("{} → {}", refs(&ch.old), refs(&ch.new)), theme.heading)], width));
    out.push(Line::styled(format!("{} · {:.0}% alike", flags(ch), ch.similarity * 100.0), theme.dim));
    if let Some(s) = &ch.standard {
        let (word, style) = match s.direction {
            Direction::Toward => ("▲ toward the standard", theme.settled.patch(theme.title)),
            Direction::Away => ("▼ away from the standard", theme.error),
            Direction::Same => ("= no closer to the standard", theme.dim),
        };
        let why = s.reason();
        let figures = format!("{why} ({}: {:.0}% → {:.0}% alike)", s.library_clause, s.old_similarity * 100.0, s.new_similarity * 100.0);
        out.push(Line::from(vec![Span::styled(word, style), Span::styled(figures, theme.dim)]));
    }
    deltas(out, &ch.findings, Mode::Rounds, theme, width);
    out.push(rule("Wording", width, theme.heading));
    if ch.diff.is_empty() {
        out.push(Line::styled("Same wording.", theme.dim));
        return;
    }
    out.push(Line::from(vec![
        Span::styled("earlier words struck", theme.deleted),
        Span::styled(" · ", theme.dim),
        Span::styled("new words bold", theme.inserted),
    ]));
    out.extend(inline(&ch.diff, theme, width));
}

fn deltas(out: &mut Vec<Line<'static>>, deltas: &[FindingDelta], mode: Mode, theme: &Theme, width: usize) {
    out.push(rule("Findings", width, theme.heading));
    if deltas.is_empty() {
        out.push(Line::styled("No findings on either side.", theme.dim));
    }
    for d in deltas {
        let style = match d.status {
            Status::Resolved | Status::SeverityDown => theme.settled.patch(theme.title),
            Status::New | Status::SeverityUp => theme.error,
            Status::Unchanged => theme.dim,
        };
        let pad = if mode == Mode::Deals { 14 } else { 9 };
        let word = format!("{:<pad$}", d.status.word(mode, SIDES));
        let sev =
            |s: Option<crate::library::Severity>| s.map_or(Span::styled("----", theme.dim), |s| Span::styled(badge(s), theme.severity(s)));
        let mut spans = vec![Span::styled(word, style), Span::raw(" "), sev(d.old_severity), Span::raw("→"), sev(d.new_severity)];
        spans.push(Span::styled(format!(" {}", d.concern.id()), theme.title));
        out.push(Line::from(spans));
        let phrase = d.new_phrase.as_ref().or(d.old_phrase.as_ref());
        if let Some(p) = phrase {
            out.extend(hanging(&[("    ", theme.text), (&format!("“{}”", sanitize(p, false)), theme.quote)], 4, width));
        }
    }
}
