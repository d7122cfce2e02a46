//! The finding detail: why the phrase is risky (quoted), the decision so far, the fallback ladder
//! in order with its counter-language and talking points, why the standard clause matters, and
//! the notes.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{ClausesScreen, standard_title};
use crate::analysis::Finding;
use crate::library::ClauseLibrary;
use crate::session::{Decision, Note};
use crate::text::{one_line, sanitize};
use crate::tui::theme::{Theme, badge, state_label};
use crate::tui::wrap::{rule, short_time, wrap};
use crate::workspace::{Entry, Workspace};

/// The detail pane's lines at `width`, and each rung's (first, last + 1) line.
pub fn lines(
    screen: &ClausesScreen,
    ws: &Workspace<'_>,
    theme: &Theme,
    entry: Option<Entry>,
    width: usize,
) -> (Vec<Line<'static>>, Vec<(usize, usize)>) {
    let Some(entry) = entry else { return (vec![Line::styled("Nothing selected.", theme.dim)], Vec::new()) };
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut rungs = Vec::new();
    let findings = ws.findings(entry);
    let n = screen.finding.min(findings.len().saturating_sub(1));
    if let Some(f) = findings.get(n) {
        // The fallbacks' words as this draft would say them.
        let mut f = crate::analysis::Finding::clone(f);
        f.fallbacks = f.fallbacks.iter().map(|o| crate::analysis::Offer { text: ws.in_drafts_words(&o.text), ..o.clone() }).collect();
        let f = &f;
        out.push(Line::from(vec![
            Span::styled(badge(f.severity), theme.severity(f.severity)),
            Span::raw(" "),
            Span::styled(f.concern.id(), theme.title),
            Span::styled(format!(" · finding {} of {}", n + 1, findings.len()), theme.dim),
        ]));
        out.push(decision_line(ws.decision(entry, Some(f)), theme, "open"));
        if let Some(phrase) = &f.phrase {
            out.extend(wrap(&[(&format!("“{}”", one_line(phrase)), theme.quote)], width));
        }
        out.extend(wrap(&[(&sanitize(&f.explanation, false), theme.text)], width));
        notes("Notes on this clause", &ws.notes(Some(entry)), theme, width, &mut out);
        out.push(Line::default());
        ladder(f, screen.rung, ws.decision(entry, Some(f)), theme, width, &mut out, &mut rungs);
        why_it_matters(f, ws.library(), theme, width, &mut out);
    } else {
        out.push(Line::from(vec![Span::styled(one_line(&ws.label(entry)), theme.title), Span::styled(" · no findings", theme.dim)]));
        out.push(decision_line(ws.decision(entry, None), theme, "none (nothing flagged)"));
        if let Some(standard) = ws.standard_for(entry) {
            out.push(Line::default());
            out.push(rule(&format!("Why it matters: {}", standard_title(Some(standard))), width, theme.heading));
            out.extend(wrap(&[(&sanitize(&standard.why_it_matters, false), theme.text)], width));
        }
        notes("Notes on this clause", &ws.notes(Some(entry)), theme, width, &mut out);
    }
    notes("Session notes", &ws.notes(None), theme, width, &mut out);
    (out, rungs)
}

fn decision_line(decision: Option<&Decision>, theme: &Theme, undecided: &'static str) -> Line<'static> {
    match decision {
        None => Line::from(vec![Span::styled("Decision: ", theme.dim), Span::styled(undecided, theme.open)]),
        Some(d) => {
            let mut spans = vec![Span::styled("Decision: ", theme.dim), Span::styled(state_label(d.state), theme.state(d.state))];
            if let Some(kind) = d.fallback {
                spans.push(Span::styled(format!(" with {}", kind.label()), theme.state(d.state)));
            }
            spans.push(Span::styled(format!(" · round {} · {}", d.round, short_time(&d.at)), theme.dim));
            Line::from(spans)
        }
    }
}

fn ladder(
    f: &Finding,
    selected: usize,
    decision: Option<&Decision>,
    theme: &Theme,
    width: usize,
    out: &mut Vec<Line<'static>>,
    rungs: &mut Vec<(usize, usize)>,
) {
    out.push(rule("Fallback ladder", width, theme.heading));
    if f.fallbacks.is_empty() {
        out.push(Line::styled("The library offers no fallback for this finding.", theme.dim));
    }
    for (i, offer) in f.fallbacks.iter().enumerate() {
        let start = out.len();
        let chosen = i == selected;
        let adopted = decision.is_some_and(|d| d.fallback == Some(offer.kind));
        let marker = if chosen { "▸ " } else { "  " };
        let mut head = vec![
            Span::styled(marker, theme.title),
            Span::styled(format!("{}. {}", i + 1, offer.kind.label()), if chosen { theme.selected } else { theme.title }),
        ];
        if adopted {
            head.push(Span::styled("  ✓ adopted", theme.countered));
        }
        out.push(Line::from(head));
        let indent = 5;
        let body = width.saturating_sub(indent);
        let say = wrap(&[("Say: ", theme.dim), (&sanitize(&offer.talking_point, false), theme.text)], body);
        let words = if offer.text.trim().is_empty() {
            Vec::new()
        } else {
            wrap(&[("Text: ", theme.dim), (&format!("“{}”", sanitize(&offer.text, false)), theme.quote)], body)
        };
        for line in say.into_iter().chain(words) {
            let mut spans = vec![Span::raw(" ".repeat(indent))];
            spans.extend(line.spans);
            out.push(Line::from(spans));
        }
        rungs.push((start, out.len()));
    }
}

fn why_it_matters(f: &Finding, library: &ClauseLibrary, theme: &Theme, width: usize, out: &mut Vec<Line<'static>>) {
    let Some(standard) = library.get(&f.library_clause) else { return };
    out.push(Line::default());
    out.push(rule(&format!("Why it matters: {}", standard_title(Some(standard))), width, theme.heading));
    out.extend(wrap(&[(&sanitize(&standard.why_it_matters, false), theme.text)], width));
}

fn notes(title: &str, notes: &[&Note], theme: &Theme, width: usize, out: &mut Vec<Line<'static>>) {
    if notes.is_empty() {
        return;
    }
    out.push(Line::default());
    out.push(rule(title, width, theme.heading));
    for note in notes {
        let stamp = format!("{} r{} ", short_time(&note.at), note.round);
        out.extend(wrap(&[(&stamp, theme.dim), (&sanitize(&note.text, true), Style::new())], width));
    }
}
