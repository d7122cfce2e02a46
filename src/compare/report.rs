//! Printing a comparison as text (terminal, logs) or Markdown (a memo for the deal file).

use std::fmt::Write;

use super::{ClauseChange, Comparison, Direction, FindingDelta, Mode, Negotiation, SideSummary, Status};
use crate::diff::{Op, Run};
use crate::report::Paint;
use crate::text::one_line;

fn side_line(s: &SideSummary) -> String {
    let sum = s.summary;
    format!("{} ({} clauses; {} high, {} medium, {} low)", one_line(&s.label), s.clauses, sum.high, sum.medium, sum.low)
}

/// The report's names for the two sides.
const SIDES: [&str; 2] = ["first", "second"];

fn delta_line(d: &FindingDelta, mode: Mode) -> String {
    let sev = |s: Option<crate::library::Severity>| s.map_or("-", |s| s.label());
    let phrase =
        d.new_phrase.as_ref().or(d.old_phrase.as_ref()).map(|p| format!(": \u{201c}{}\u{201d}", shorten(p, 90))).unwrap_or_default();
    let width = if mode == Mode::Deals { 16 } else { 9 };
    format!("{:<width$} {} ({} -> {}){phrase}", d.status.word(mode, SIDES), d.concern, sev(d.old_severity), sev(d.new_severity))
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max { s.to_owned() } else { s.chars().take(max).collect::<String>() + "…" }
}

fn refs(r: &[super::ClauseRef]) -> String {
    r.iter().map(|c| c.label.as_str()).collect::<Vec<_>>().join(" + ")
}

fn change_head(ch: &ClauseChange) -> String {
    let mut what = vec![format!("{:?}", ch.relation).to_lowercase()];
    if ch.renumbered {
        what.push("renumbered".into());
    }
    if ch.moved {
        what.push("moved".into());
    }
    if let Some(s) = &ch.standard {
        let dir = match s.direction {
            Direction::Toward => "toward",
            Direction::Away => "away from",
            Direction::Same => "no closer to",
        };
        what.push(format!("{dir} the standard{} ({} {:.2} -> {:.2})", s.reason(), s.library_clause, s.old_similarity, s.new_similarity));
    }
    format!("{} -> {}  {}", refs(&ch.old), refs(&ch.new), what.join(", "))
}

fn inline_diff(runs: &[Run], paint: Paint) -> String {
    runs.iter()
        .map(|r| {
            let t = collapse(&r.text);
            match r.op {
                Op::Equal => t,
                Op::Delete => paint.deleted(&format!("[-{t}-]")),
                Op::Insert => paint.inserted(&format!("{{+{t}+}}")),
            }
        })
        .collect()
}

/// White space runs folded to one space, keeping a leading or trailing one (runs of a diff
/// carry the spaces between words).
fn collapse(text: &str) -> String {
    let clean = crate::text::sanitize(text, false);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        if !(c.is_whitespace() && out.ends_with(' ')) {
            out.push(if c.is_whitespace() { ' ' } else { c });
        }
    }
    out
}

fn negotiation(out: &mut String, side: &str, n: &Negotiation) {
    let _ = writeln!(
        out,
        "{side}: session {} round {} ({}{})",
        one_line(&n.session),
        n.round,
        n.engagement,
        n.client.as_deref().map(|c| format!(", client {}", one_line(c))).unwrap_or_default()
    );
    if let Some(fee) = &n.fee {
        let _ = writeln!(out, "  fee: {fee}");
    }
    for offer in &n.offers {
        let _ = writeln!(out, "  uplift offered in {}", one_line(offer));
    }
    for d in &n.decisions {
        let _ = writeln!(out, "  decision: {}", one_line(d));
    }
    for note in &n.notes {
        let _ = writeln!(out, "  note: {}", one_line(note));
    }
}

/// Text report for a terminal or a log.
pub fn text(c: &Comparison, paint: Paint) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} {}\n     -> {}", paint.bold("compare:"), side_line(&c.old), side_line(&c.new));
    let t = &c.totals;
    if c.mode == Mode::Rounds {
        let _ = writeln!(
            out,
            "clauses: {} unchanged, {} changed, {} renumbered, {} moved, {} split, {} merged, {} added, {} removed",
            t.unchanged, t.changed, t.renumbered, t.moved, t.split, t.merged, t.added, t.removed
        );
        let _ = writeln!(
            out,
            "findings: {} resolved, {} new; {} clauses moved toward the standard, {} away\n",
            t.resolved, t.new, t.toward_standard, t.away_from_standard
        );
    } else {
        let _ = writeln!(
            out,
            "two deals, aligned by library clause; findings: {} only in the first, {} only in the second\n",
            t.resolved, t.new
        );
    }
    for ch in &c.changes {
        let _ = writeln!(out, "{}", paint.bold(&one_line(&change_head(ch))));
        if !ch.diff.is_empty() {
            let _ = writeln!(out, "  {}", inline_diff(&ch.diff, paint));
        }
        for d in ch.findings.iter().filter(|d| d.status != Status::Unchanged) {
            let _ = writeln!(out, "  {}", delta_line(d, c.mode));
        }
        out.push('\n');
    }
    for (what, list) in [("ADDED", &c.added), ("REMOVED", &c.removed)] {
        for a in list {
            let concerns = a.concerns.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
            let _ = writeln!(
                out,
                "{what} {}{}",
                one_line(&a.clause.label),
                if concerns.is_empty() { String::new() } else { format!("  concerns: {concerns}") }
            );
        }
    }
    for row in &c.by_library {
        let _ = writeln!(
            out,
            "{} ({})\n  first: {}\n  second: {}",
            paint.bold(&one_line(&row.title)),
            row.library_clause,
            list_or_none(&row.old_clauses),
            list_or_none(&row.new_clauses)
        );
        for d in &row.findings {
            let _ = writeln!(out, "  {}", delta_line(d, c.mode));
        }
    }
    if !c.missing.is_empty() {
        let _ = writeln!(out, "\nmissing protections:");
        for d in &c.missing {
            let width = if c.mode == Mode::Deals { 21 } else { 14 };
            let _ = writeln!(out, "  {:<width$} {}", d.status.protection_word(c.mode, SIDES), d.concern);
        }
    }
    for (side, s) in [("first", &c.old), ("second", &c.new)] {
        if let Some(n) = &s.negotiation {
            out.push('\n');
            negotiation(&mut out, side, n);
        }
    }
    out
}

fn list_or_none(v: &[String]) -> String {
    if v.is_empty() { "(no matching clause)".into() } else { v.iter().map(|s| one_line(s)).collect::<Vec<_>>().join(", ") }
}

fn md(s: &str) -> String {
    escape(&one_line(s))
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('|', "\\|").replace('*', "\\*").replace('_', "\\_").replace('~', "\\~").replace('<', "&lt;")
}

/// Markdown memo.
pub fn markdown(c: &Comparison) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Comparison: {} → {}\n", md(&c.old.label), md(&c.new.label));
    let t = &c.totals;
    let _ = writeln!(out, "| | first | second |\n|---|---|---|");
    let _ = writeln!(out, "| clauses | {} | {} |", c.old.clauses, c.new.clauses);
    let _ = writeln!(
        out,
        "| high / medium / low | {} / {} / {} | {} / {} / {} |\n",
        c.old.summary.high, c.old.summary.medium, c.old.summary.low, c.new.summary.high, c.new.summary.medium, c.new.summary.low
    );
    let _ = match c.mode {
        Mode::Rounds => writeln!(
            out,
            "Findings resolved: **{}**, new: **{}**. Changed {}, renumbered {}, moved {}, split {}, merged {}, added {}, removed {}.\n",
            t.resolved, t.new, t.changed, t.renumbered, t.moved, t.split, t.merged, t.added, t.removed
        ),
        Mode::Deals => writeln!(
            out,
            "Two deals, by library clause. Findings only in the first: **{}**, only in the second: **{}**.\n",
            t.resolved, t.new
        ),
    };
    for ch in &c.changes {
        let _ = writeln!(out, "## {}\n", md(&change_head(ch)));
        if !ch.diff.is_empty() {
            let body: String = ch
                .diff
                .iter()
                .map(|r| {
                    let t = collapse(&r.text);
                    let (lead, core, trail) =
                        (if t.starts_with(' ') { " " } else { "" }, md(&t), if t.ends_with(' ') && t.len() > 1 { " " } else { "" });
                    match r.op {
                        Op::Equal => escape(&t),
                        Op::Delete if !core.is_empty() => format!("{lead}~~{core}~~{trail}"),
                        Op::Insert if !core.is_empty() => format!("{lead}**{core}**{trail}"),
                        _ => t,
                    }
                })
                .collect();
            let _ = writeln!(out, "> {body}\n");
        }
        for d in ch.findings.iter().filter(|d| d.status != Status::Unchanged) {
            let _ = writeln!(out, "- {}", md(&delta_line(d, c.mode)));
        }
        out.push('\n');
    }
    for (what, list) in [("Added", &c.added), ("Removed", &c.removed)] {
        if !list.is_empty() {
            let _ = writeln!(out, "## {what} clauses\n");
            for a in list {
                let concerns = a.concerns.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ");
                let _ = writeln!(out, "- {} {concerns}", md(&a.clause.label));
            }
            out.push('\n');
        }
    }
    if !c.by_library.is_empty() {
        let _ = writeln!(out, "| library clause | first | second | concerns |\n|---|---|---|---|");
        for row in &c.by_library {
            let concerns =
                row.findings.iter().map(|d| format!("`{}` {}", d.concern, d.status.word(c.mode, SIDES))).collect::<Vec<_>>().join(", ");
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                md(&row.title),
                md(&list_or_none(&row.old_clauses)),
                md(&list_or_none(&row.new_clauses)),
                concerns
            );
        }
        out.push('\n');
    }
    if !c.missing.is_empty() {
        let _ = writeln!(out, "## Missing protections\n");
        for d in &c.missing {
            let _ = writeln!(out, "- `{}`: {}", d.concern, d.status.protection_word(c.mode, SIDES));
        }
    }
    for (side, s) in [("First", &c.old), ("Second", &c.new)] {
        if let Some(n) = &s.negotiation {
            let mut block = String::new();
            negotiation(&mut block, side, n);
            let _ = writeln!(out, "\n```text\n{}```", block.replace("```", "'''"));
        }
    }
    out
}
