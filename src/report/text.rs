//! The human-readable report: one block per finding, in the order of the draft.

use std::fmt::Write;

use super::Paint;
use crate::analysis::{Analysis, Finding, FindingKind};
use crate::text::{context, one_line};

/// Renders `analysis` of `text` for a person reading a terminal or a log.
pub fn render(analysis: &Analysis, text: &str, paint: Paint) -> String {
    let mut out = String::new();
    let s = &analysis.source;
    let _ = writeln!(
        out,
        "{} {} ({}, {} bytes, sha256 {})",
        paint.bold("clauseguard:"),
        one_line(&s.path),
        s.format,
        s.bytes,
        &s.sha256[..12.min(s.sha256.len())]
    );
    for note in &s.notes {
        let _ = writeln!(out, "note: {}", one_line(note));
    }
    let p = &analysis.parties;
    let how = if p.detected && p.uncertain {
        "a guess: the draft does not say which party provides the services; use --agency-party"
    } else if p.detected {
        "detected"
    } else if p.agency.is_some() {
        "given with --agency-party"
    } else {
        "not found; use --agency-party"
    };
    let _ = writeln!(
        out,
        "agency party: {} ({how}); counterparty: {}",
        p.agency.as_deref().map_or_else(|| "unknown".to_owned(), one_line),
        p.counterparty.as_deref().map_or_else(|| "unknown".to_owned(), one_line)
    );
    let sum = &analysis.summary;
    let _ = writeln!(
        out,
        "{} clauses; findings: {} high, {} medium, {} low, {} info\n",
        analysis.clauses.len(),
        sum.high,
        sum.medium,
        sum.low,
        sum.info
    );
    for f in &analysis.findings {
        finding(&mut out, analysis, text, f, paint);
    }
    if analysis.findings.is_empty() {
        let _ = writeln!(out, "No findings: nothing in this draft threatens the agency's IP by the library's rules.");
    }
    out
}

fn finding(out: &mut String, analysis: &Analysis, text: &str, f: &Finding, paint: Paint) {
    let badge = paint.severity(f.severity, &format!("{:<6}", f.severity.label().to_uppercase()));
    let place = f.clause.and_then(|i| analysis.clauses.get(i)).map_or_else(|| "whole draft".to_owned(), |c| one_line(&c.label()));
    match f.kind {
        FindingKind::Phrase => {
            let (start, end) = (f.start.unwrap_or(0), f.end.unwrap_or(0));
            let _ = writeln!(out, "{badge} {place}  [{}]  bytes {start}..{end}", f.concern);
            let (before, phrase, after) = context(text, start, end, 60);
            let _ = writeln!(out, "  …{before}{}{after}…", paint.phrase(&format!("«{phrase}»")));
        }
        FindingKind::Missing => {
            let _ = writeln!(out, "{badge} MISSING  [{}]  {}", f.concern, paint.dim(&format!("({place})")));
        }
    }
    let _ = writeln!(out, "  why: {}", one_line(&f.explanation));
    if let Some(first) = f.fallbacks.first() {
        let _ = writeln!(out, "  say ({}): {}", first.kind.label(), one_line(&first.talking_point));
    }
    if let Some(insert) = &f.insert {
        let _ = writeln!(out, "  add: {}", paint.inserted(&one_line(insert)));
    } else if let Some(offer) = f.fallbacks.iter().find(|o| !o.text.trim().is_empty()) {
        let _ = writeln!(out, "  offer ({}): {}", offer.kind.label(), paint.inserted(&one_line(&offer.text)));
    }
    out.push('\n');
}
