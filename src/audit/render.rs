//! The audit for people: one outline (headings, fields, items, tables) built once from the
//! report, then written as terminal text, Markdown or HTML (`html.rs`), so the three never
//! disagree about what the audit found.

use std::fmt::Write as _;

use super::position::{IpPosition, Point};
use super::{AuditReport, SessionAudit};
use crate::fee::money;
use crate::library::Severity;
use crate::text::one_line;

/// One line of the outline. Every string is already on one line and free of control characters.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Line {
    /// Level 0 is the report's title, 1 a part (contracts, sessions, totals), 2 one document.
    Heading(u8, String),
    Field(&'static str, String),
    Item(String),
    Text(String),
    Table(Vec<String>, Vec<Vec<String>>),
}

/// Findings of one concern in one document, shown together.
struct Group<'a> {
    point: &'a Point,
    severity: Severity,
    count: usize,
    clauses: Vec<String>,
}

fn groups(points: &[Point]) -> Vec<Group<'_>> {
    let mut out: Vec<Group> = Vec::new();
    for p in points {
        let i = out.iter().position(|g| g.point.concern == p.concern).unwrap_or_else(|| {
            out.push(Group { point: p, severity: p.severity, count: 0, clauses: Vec::new() });
            out.len() - 1
        });
        let group = &mut out[i];
        group.count += 1;
        // The group is shown by its most severe finding's phrase.
        if p.severity > group.severity {
            group.point = p;
            group.severity = p.severity;
        }
        if let Some(c) = p.clause.as_ref().filter(|c| !group.clauses.contains(c)) {
            group.clauses.push(c.clone());
        }
    }
    out.sort_by_key(|g| std::cmp::Reverse(g.severity));
    out
}

fn describe(points: &[Point], with_phrase: bool) -> String {
    if points.is_empty() {
        return "none".to_owned();
    }
    groups(points)
        .iter()
        .map(|g| {
            let mut s =
                format!("{} ({}{})", g.point.concern, g.severity, if g.count > 1 { format!(", {}\u{d7}", g.count) } else { String::new() });
            if with_phrase && let Some(phrase) = &g.point.phrase {
                let _ = write!(s, " \u{201c}{}\u{201d}", one_line(phrase));
            }
            if !g.clauses.is_empty() {
                let shown: Vec<&str> = g.clauses.iter().take(4).map(String::as_str).collect();
                let more = if g.clauses.len() > 4 { format!(" and {} more", g.clauses.len() - 4) } else { String::new() };
                let _ = write!(s, " in {}{more}", one_line(&shown.join(", ")));
            }
            s
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn position_lines(out: &mut Vec<Line>, p: &IpPosition) {
    out.push(Line::Field("assigned", describe(&p.assigned, true)));
    if !p.licensed.is_empty() {
        out.push(Line::Field("licensed", describe(&p.licensed, true)));
    }
    let retained: Vec<String> = p.retained.iter().map(|r| one_line(&r.title)).collect();
    out.push(Line::Field(
        "retained",
        if retained.is_empty() { "none of the library's protections".to_owned() } else { retained.join(", ") },
    ));
    if !p.missing.is_empty() {
        let missing: Vec<String> = p.missing.iter().map(|m| format!("{} ({}, {})", m.library_clause, m.concern, m.severity)).collect();
        out.push(Line::Field("missing", missing.join(", ")));
    }
    if !p.other.is_empty() {
        out.push(Line::Field("other", describe(&p.other, false)));
    }
    if !p.registry.is_empty() || p.claims_pre_existing {
        let mut named: Vec<String> = p
            .registry
            .iter()
            .map(|n| {
                let mut notes: Vec<String> = n.exhibits.iter().map(|e| one_line(e)).collect();
                notes.push(
                    if n.at_risk {
                        "at risk"
                    } else if n.kept {
                        "kept"
                    } else {
                        "named"
                    }
                    .to_owned(),
                );
                format!("{} ({})", one_line(&n.name), notes.join("; "))
            })
            .collect();
        if p.claims_pre_existing {
            named.push("every item at risk: pre-existing IP claimed or not carved out".to_owned());
        }
        out.push(Line::Field("registry", named.join(", ")));
    }
}

fn session_lines(out: &mut Vec<Line>, s: &SessionAudit) {
    let client = s.client.as_deref().map_or_else(String::new, |c| format!("client {}, ", one_line(c)));
    out.push(Line::Heading(
        2,
        format!(
            "Session {} ({}): {client}{}, {} round{}, latest round {} ({}) received {}",
            one_line(&s.name),
            s.path,
            s.engagement,
            s.rounds,
            if s.rounds == 1 { "" } else { "s" },
            s.latest_round,
            one_line(&s.latest_file),
            one_line(&s.received)
        ),
    ));
    position_lines(out, &s.position);
    let mut counts: Vec<(String, usize)> = Vec::new();
    for d in &s.decisions {
        match counts.iter_mut().find(|(state, _)| *state == d.state) {
            Some((_, n)) => *n += 1,
            None => counts.push((d.state.clone(), 1)),
        }
    }
    let summary = counts.iter().map(|(s, n)| format!("{n} {s}")).collect::<Vec<_>>().join(", ");
    out.push(Line::Field("decisions", if summary.is_empty() { "none recorded".to_owned() } else { summary }));
    for d in &s.decisions {
        let mut line =
            format!("{} {} [{}] in round {}", d.state, one_line(&d.clause), d.concern.as_deref().unwrap_or("whole clause"), d.round);
        if let Some(f) = &d.fallback {
            let _ = write!(line, ", offering {f}");
        }
        if let Some(c) = &d.counter_language {
            let _ = write!(line, ": \u{201c}{}\u{201d}", one_line(c));
        }
        out.push(Line::Item(line));
    }
    let fee = s.fee.as_ref().map(|f| money(f.amount, &f.currency));
    let offer = s.fee_offer.as_ref().map(|o| format!("uplift offered {}", o.describe()));
    match (fee, offer) {
        (None, None) => {}
        (fee, offer) => out.push(Line::Field("fee", [fee, offer].into_iter().flatten().collect::<Vec<_>>().join("; "))),
    }
}

/// The outline of the whole report.
pub(super) fn outline(report: &AuditReport) -> Vec<Line> {
    let t = &report.totals;
    let mut out = vec![Line::Heading(0, "IP audit".to_owned())];
    out.push(Line::Field("paths", report.roots.iter().map(|r| one_line(r)).collect::<Vec<_>>().join(", ")));
    out.push(Line::Field("generated", report.generated.clone()));
    if let Some(since) = report.since {
        out.push(Line::Field("since", format!("{since} (contracts by file date, sessions by latest round)")));
    }
    out.push(Line::Field("registry", report.registry.as_deref().map_or_else(|| "none".to_owned(), one_line)));
    out.push(Line::Text(format!(
        "{} read; {} errors; {} skipped; {} left out by --since.",
        count(t.contracts, "contract") + " and " + &count(t.sessions, "session"),
        t.errors,
        t.skipped,
        t.excluded_by_since
    )));
    if !report.contracts.is_empty() {
        out.push(Line::Heading(1, "Contracts".to_owned()));
    }
    for c in &report.contracts {
        let modified = c.modified.map_or_else(String::new, |m| format!(", modified {m}"));
        out.push(Line::Heading(2, format!("{} ({}{modified})", one_line(&c.path), c.format)));
        position_lines(&mut out, &c.position);
    }
    if !report.sessions.is_empty() {
        out.push(Line::Heading(1, "Sessions".to_owned()));
    }
    for s in &report.sessions {
        session_lines(&mut out, s);
    }
    for (title, problems) in [("Errors", &report.errors), ("Skipped", &report.skipped)] {
        if !problems.is_empty() {
            out.push(Line::Heading(1, format!("{title} ({})", problems.len())));
            out.extend(problems.iter().map(|p| Line::Item(format!("{}: {}", one_line(&p.path), one_line(&p.reason)))));
        }
    }
    if !report.excluded.is_empty() {
        out.push(Line::Heading(1, format!("Left out by --since ({})", report.excluded.len())));
        out.extend(report.excluded.iter().map(|p| Line::Item(one_line(p))));
    }
    if !report.items.is_empty() {
        out.push(Line::Heading(1, "Registry items".to_owned()));
        let rows = report
            .items
            .iter()
            .map(|i| {
                let list = |v: &Vec<String>| {
                    if v.is_empty() { "-".to_owned() } else { v.iter().map(|s| one_line(s)).collect::<Vec<_>>().join(", ") }
                };
                vec![one_line(&i.name), list(&i.named_in), list(&i.exhibits), list(&i.at_risk_in)]
            })
            .collect();
        out.push(Line::Table(vec!["item".into(), "named in".into(), "listed in exhibits".into(), "at risk in".into()], rows));
    }
    out.push(Line::Heading(1, "Totals".to_owned()));
    out.extend(totals_lines(report));
    out
}

fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

fn totals_lines(report: &AuditReport) -> Vec<Line> {
    let t = &report.totals;
    let join = |pairs: Vec<String>| if pairs.is_empty() { "none".to_owned() } else { pairs.join(", ") };
    let mut out = vec![
        Line::Field("read", format!("{} ({} contracts, {} sessions)", t.read, t.contracts, t.sessions)),
        Line::Field("errors", t.errors.to_string()),
        Line::Field("gave away", format!("{} of {} documents assign IP with high severity", t.gave_away_ip, t.read)),
        Line::Field("assigned", join(t.assigned_by_concern.iter().map(|(c, n)| format!("{c} {n}")).collect())),
        Line::Field("missing", join(t.missing_by_clause.iter().map(|(c, n)| format!("{c} {n}")).collect())),
        Line::Field(
            "findings",
            format!("{} high, {} medium, {} low, {} info", t.findings.high, t.findings.medium, t.findings.low, t.findings.info),
        ),
    ];
    if t.sessions > 0 {
        out.push(Line::Field("decisions", join(t.decisions.iter().map(|(s, n)| format!("{s} {n}")).collect())));
        let fees = t.fees.iter().map(|f| {
            format!(
                "{} offered ({}), {} accepted ({})",
                f.offers,
                money(f.offered_amount, &f.currency),
                f.accepted,
                money(f.accepted_amount, &f.currency)
            )
        });
        out.push(Line::Field("fee uplifts", join(fees.collect())));
    }
    if !report.items.is_empty() {
        out.push(Line::Field(
            "registry",
            format!(
                "{} of {} items named, {} listed in exhibits, {} at risk",
                t.items_named,
                report.items.len(),
                t.items_in_exhibits,
                t.items_at_risk
            ),
        ));
    }
    out
}

/// For a terminal or a plain file.
pub fn text(report: &AuditReport) -> String {
    let mut s = String::new();
    for line in outline(report) {
        match line {
            Line::Heading(0 | 1, h) => {
                let _ = write!(s, "\n{}\n{}\n", h.to_uppercase(), "=".repeat(h.chars().count().min(100)));
            }
            Line::Heading(_, h) => {
                let _ = write!(s, "\n{h}\n");
            }
            Line::Field(label, value) => {
                let _ = writeln!(s, "  {:<11} {value}", format!("{label}:"));
            }
            Line::Item(item) => {
                let _ = writeln!(s, "    - {item}");
            }
            Line::Text(text) => {
                let _ = writeln!(s, "{text}");
            }
            // Long paths make columns unreadable on a terminal: one line per row instead.
            Line::Table(header, rows) => {
                for row in rows {
                    let fields: Vec<String> = header.iter().zip(&row).skip(1).map(|(h, v)| format!("{h}: {v}")).collect();
                    let _ = writeln!(s, "  {}: {}", row.first().map_or("", String::as_str), fields.join("; "));
                }
            }
        }
    }
    collapse_blank_lines(&s)
}

/// At most one blank line in a row, none at the start.
fn collapse_blank_lines(s: &str) -> String {
    let mut out = s.trim_start().to_owned();
    while out.contains("\n\n\n") {
        out = out.replace("\n\n\n", "\n\n");
    }
    out
}

/// For a document: headings per contract and session, a table of registry items.
pub fn markdown(report: &AuditReport) -> String {
    let esc = crate::registry::md_escape;
    let mut s = String::new();
    for line in outline(report) {
        match line {
            Line::Heading(level, h) => {
                let _ = write!(s, "\n{} {}\n\n", "#".repeat(usize::from(level) + 1), esc(&h));
            }
            Line::Field(label, value) => {
                let _ = writeln!(s, "- **{label}:** {}", esc(&value));
            }
            Line::Item(item) => {
                let _ = writeln!(s, "  - {}", esc(&item));
            }
            Line::Text(text) => {
                let _ = write!(s, "\n{}\n\n", esc(&text));
            }
            Line::Table(header, rows) => {
                let _ = writeln!(s, "| {} |", header.iter().map(|h| esc(h)).collect::<Vec<_>>().join(" | "));
                let _ = writeln!(s, "|{}|", vec!["---"; header.len()].join("|"));
                for row in rows {
                    let _ = writeln!(s, "| {} |", row.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | "));
                }
                s.push('\n');
            }
        }
    }
    collapse_blank_lines(&s)
}
