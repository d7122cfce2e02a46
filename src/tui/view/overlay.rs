//! The text of the windows: the help screen (generated from the key table) and one standard
//! clause of the library browser.

use ratatui::text::{Line, Span};

use super::rule;
use crate::library::StandardClause;
use crate::text::sanitize;
use crate::tui::keymap;
use crate::tui::theme::{Theme, badge};
use crate::tui::wrap::{hanging, pad, wrap};

/// What the screen shows beyond the keys: the meaning of marks and styles, mouse and paste.
const LEGEND: &[&str] = &[
    "List marks: ○ open  ✓ accepted  ↺ countered  ✗ rejected  ‖ parked  · nothing to decide",
    "Risky phrases: HIGH reversed, MED underlined, LOW italic; the selected finding also bold and underlined",
    "Diffs: the client's words struck out, the standard's words in bold",
    "Comparison marks: ▲ better for the agency, ▼ worse, ~ reworded or moved, + added, − removed, ≡ both sides",
    "Mouse: click a clause to select it, click a pane to focus it, the wheel scrolls",
    "Paste: a paste outside a box opens the client's revised wording of the clause it names (number or heading), else of the selected one; u undoes it",
    "Every change is saved at once; the status bar says when, or why not.",
];

pub fn help(theme: &Theme, width: usize) -> Vec<Line<'static>> {
    const KEYS: usize = 22;
    let mut out = Vec::new();
    for (context, lines) in keymap::help() {
        out.push(rule(context.title(), width, theme.heading));
        for line in lines {
            let keys = pad(Line::from(Span::styled(line.keys, theme.hint_key)), KEYS);
            for (i, text) in wrap(&[(line.description, theme.text)], width.saturating_sub(KEYS + 1)).into_iter().enumerate() {
                let mut spans = if i == 0 { keys.spans.clone() } else { vec![Span::raw(" ".repeat(KEYS))] };
                spans.push(Span::raw(" "));
                spans.extend(text.spans);
                out.push(Line::from(spans));
            }
        }
    }
    out.push(rule("What you see", width, theme.heading));
    for text in LEGEND {
        out.extend(wrap(&[(text, theme.text)], width));
    }
    out
}

/// What the library browser says when a search finds nothing.
pub fn no_match(filter: &str, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let text = format!("No standard clause matches \"{}\". Try other words, or Esc to see them all.", sanitize(filter, false));
    wrap(&[(&text, theme.dim)], width)
}

pub fn library(clause: &StandardClause, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(sanitize(&clause.title, false), theme.title)];
    let required = if clause.required { " · required" } else { "" };
    out.push(Line::styled(format!("{} · {}{required}", clause.id, clause.category.label()), theme.dim));
    let section = |out: &mut Vec<Line<'static>>, title: &str| {
        out.push(Line::default());
        out.push(rule(title, width, theme.heading));
    };
    section(&mut out, "Standard text");
    out.extend(wrap(&[(&sanitize(&clause.standard_text, true), theme.text)], width));
    section(&mut out, "Why it matters");
    out.extend(wrap(&[(&sanitize(&clause.why_it_matters, true), theme.text)], width));
    section(&mut out, "Fallback ladder");
    for (i, f) in clause.fallbacks.iter().enumerate() {
        out.push(Line::styled(format!("{}. {}", i + 1, f.kind.label()), theme.title));
        out.extend(hanging(&[("   Say: ", theme.dim), (&sanitize(&f.talking_point, false), theme.text)], 3, width));
        if !f.text.trim().is_empty() {
            out.extend(hanging(&[("   Text: ", theme.dim), (&format!("“{}”", sanitize(&f.text, false)), theme.quote)], 3, width));
        }
    }
    if !clause.rules.is_empty() || clause.missing.is_some() {
        section(&mut out, "Risky language it answers");
    }
    for r in &clause.rules {
        out.extend(wrap(
            &[
                (badge(r.severity), theme.severity(r.severity)),
                (" ", theme.text),
                (r.concern.id(), theme.title),
                (": ", theme.text),
                (&sanitize(&r.explanation.replace("{phrase}", "…"), false), theme.text),
            ],
            width,
        ));
    }
    if let Some(m) = &clause.missing {
        out.extend(wrap(
            &[
                (badge(m.severity), theme.severity(m.severity)),
                (" when missing: ", theme.title),
                (&sanitize(&m.explanation, false), theme.text),
            ],
            width,
        ));
    }
    if !clause.see_also.is_empty() {
        section(&mut out, "See also");
        out.push(Line::raw(clause.see_also.join(", ")));
    }
    out
}
