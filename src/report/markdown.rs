//! The Markdown report: a review memo to paste into a ticket or send to counsel.

use std::fmt::Write;

use crate::analysis::{Analysis, FindingKind};
use crate::text::{context, one_line};

/// Escapes text so it cannot break out of a Markdown table cell or emphasis.
fn md(s: &str) -> String {
    one_line(s).replace('\\', "\\\\").replace('|', "\\|").replace('*', "\\*").replace('_', "\\_").replace('`', "\\`").replace('<', "&lt;")
}

pub fn render(analysis: &Analysis, text: &str) -> String {
    let mut out = String::new();
    let s = &analysis.source;
    let _ = writeln!(out, "# IP review: {}\n", md(&s.path));
    let p = &analysis.parties;
    let _ = writeln!(
        out,
        "- Format: {} ({} bytes, sha256 `{}`)\n- Agency party: {} ({})\n- Counterparty: {}",
        s.format,
        s.bytes,
        s.sha256,
        p.agency.as_deref().map_or_else(|| "unknown".into(), md),
        if p.detected { "detected" } else { "given" },
        p.counterparty.as_deref().map_or_else(|| "unknown".into(), md)
    );
    for note in &s.notes {
        let _ = writeln!(out, "- Note: {}", md(note));
    }
    let sum = &analysis.summary;
    let _ = writeln!(out, "- Findings: **{} high**, {} medium, {} low, {} info\n", sum.high, sum.medium, sum.low, sum.info);
    let _ = writeln!(out, "| # | Severity | Where | Concern | Phrase |\n|---|---|---|---|---|");
    for (i, f) in analysis.findings.iter().enumerate() {
        let place = f.clause.and_then(|c| analysis.clauses.get(c)).map_or_else(|| "whole draft".into(), |c| md(&c.label()));
        let phrase = match f.kind {
            FindingKind::Phrase => format!("“{}”", md(f.phrase.as_deref().unwrap_or(""))),
            FindingKind::Missing => "*missing*".into(),
        };
        let _ = writeln!(out, "| {} | {} | {} | `{}` | {} |", i + 1, f.severity, place, f.concern, phrase);
    }
    for (i, f) in analysis.findings.iter().enumerate() {
        let _ = writeln!(out, "\n## {}. {} — `{}`\n", i + 1, f.severity.label().to_uppercase(), f.concern);
        if let (Some(start), Some(end)) = (f.start, f.end) {
            let (before, phrase, after) = context(text, start, end, 80);
            let _ = writeln!(out, "> …{}**{}**{}…\n", md(&before), md(&phrase), md(&after));
        }
        let _ = writeln!(out, "{}\n", md(&f.explanation));
        if let Some(insert) = &f.insert {
            let _ = writeln!(out, "Add: “{}”\n", md(insert));
        }
        for (rung, o) in f.fallbacks.iter().enumerate() {
            let _ = writeln!(out, "{}. **{}**: {}", rung + 1, o.kind.label(), md(&o.talking_point));
            if !o.text.trim().is_empty() {
                let _ = writeln!(out, "   - Counter-language: “{}”", md(&o.text));
            }
        }
    }
    out
}
