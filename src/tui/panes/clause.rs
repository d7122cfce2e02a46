//! The clause view: the client's wording with its risky phrases marked in place, what changed
//! since the last wording, and the word diff against the standard clause (inline, or side by
//! side). A missing protection shows the standard language to add.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::standard_title;
use super::{ClausesScreen, Diffs};
use crate::diff::{self, Op, Run};
use crate::library::Severity;
use crate::text::{ceil_char, floor_char, one_line, sanitize};
use crate::tui::theme::{Theme, badge};
use crate::tui::wrap::{pad, rule, short_time, wrap};
use crate::workspace::{Entry, Workspace};

/// The diffs for an entry; the only place the TUI diffs text.
pub fn diffs(ws: &Workspace<'_>, entry: Option<Entry>) -> Diffs {
    let Some(Entry::Clause(i)) = entry else { return Diffs::default() };
    let wording = ws.wording(i);
    let client = one_line(wording.text);
    // The clause number is not wording: "2." would always show as deleted.
    let number = ws.clause(i).number.as_deref().unwrap_or_default();
    let body = client.strip_prefix(number).filter(|_| !number.is_empty()).map(|r| r.trim_start_matches(['.', ')', ':']).trim_start());
    let standard = ws
        .standard_for(Entry::Clause(i))
        .map(|s| (s.id.clone(), diff::word_diff(body.unwrap_or(&client), &one_line(&ws.in_drafts_words(&s.standard_text)))));
    let previous = wording.revised.map(|r| diff::word_diff(&one_line(&r.previous), &client));
    Diffs { key: None, standard, previous }
}

/// The clause view's lines at `width`, and the line where the selected finding starts.
pub fn lines(
    screen: &ClausesScreen,
    ws: &Workspace<'_>,
    theme: &Theme,
    entry: Option<Entry>,
    width: usize,
) -> (Vec<Line<'static>>, Option<usize>) {
    let mut out = Vec::new();
    match entry {
        None if screen.risky_only => out.push(Line::styled("Nothing in this draft has a finding; f shows every clause.", theme.dim)),
        None => out.push(Line::styled("The draft has no clauses.", theme.dim)),
        Some(e @ Entry::Missing(f)) => {
            let finding = &ws.analysis().findings[f];
            out.push(Line::from(vec![
                Span::styled(badge(finding.severity), theme.severity(finding.severity)),
                Span::raw(" "),
                Span::styled(one_line(&ws.label(e)), theme.heading),
            ]));
            out.extend(wrap(&[(&sanitize(&finding.explanation, false), theme.text)], width));
            out.push(Line::default());
            let standard = ws.standard_for(e);
            out.push(rule(&format!("Standard language to add: {}", standard_title(standard)), width, theme.heading));
            let text = standard.map(|s| sanitize(&ws.in_drafts_words(&s.standard_text), true)).unwrap_or_default();
            out.extend(wrap(&[(&text, theme.inserted)], width));
        }
        Some(Entry::Clause(i)) => return clause_lines(screen, ws, theme, i, width),
    }
    (out, None)
}

fn clause_lines(
    screen: &ClausesScreen,
    ws: &Workspace<'_>,
    theme: &Theme,
    index: usize,
    width: usize,
) -> (Vec<Line<'static>>, Option<usize>) {
    let wording = ws.wording(index);
    let mut out = Vec::new();
    let mut header = vec![Span::styled(sanitize(&ws.clause(index).label(), false), theme.heading)];
    if let Some(r) = wording.revised {
        header.push(Span::styled(format!("  revision {} · {}", r.count, short_time(&r.at)), theme.dim));
    }
    out.push(Line::from(header));

    // Risky phrases (worst severity wins where they overlap), the selected finding, search hits.
    let text = reflow(wording.text);
    let mut marks: Vec<(usize, usize, Severity)> = Vec::new();
    let mut current = None;
    for (n, f) in wording.findings.iter().enumerate() {
        let (Some(start), Some(end)) = (f.start, f.end) else { continue };
        let start = floor_char(&text, start.saturating_sub(wording.base));
        let end = ceil_char(&text, end.saturating_sub(wording.base));
        marks.push((start, end, f.severity));
        if n == screen.finding {
            current = Some((start, end));
        }
    }
    marks.sort_by_key(|&(s, e, _)| (s, e));
    let mut cuts: Vec<usize> = vec![0, text.len()];
    cuts.extend(marks.iter().flat_map(|&(s, e, _)| [s, e]));
    let hits: Vec<(usize, usize)> =
        screen.search.as_ref().map(|s| s.pattern.find_iter(&text).map(|m| (m.start(), m.end())).collect()).unwrap_or_default();
    cuts.extend(hits.iter().flat_map(|&(s, e)| [s, e]));
    cuts.extend(current.iter().flat_map(|&(s, e)| [s, e]));
    cuts.sort_unstable();
    cuts.dedup();
    let mut pieces: Vec<(String, Style)> = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        let covers = |&(ms, me): &(usize, usize)| ms <= s && e <= me && ms < me;
        let worst = marks.iter().filter(|&&(ms, me, _)| covers(&(ms, me))).map(|m| m.2).max();
        let mut style = worst.map_or(theme.text, |w| theme.severity(w));
        if current.as_ref().is_some_and(covers) {
            style = style.patch(theme.current_finding);
        }
        if hits.iter().any(covers) {
            style = style.patch(theme.search_match);
        }
        pieces.push((sanitize(&text[s..e], true), style));
    }
    let finding_line = current.map(|(start, _)| {
        let before = pieces_before(&cuts, &pieces, start);
        out.len() + wrap(&before, width).len() - 1
    });
    let borrowed: Vec<(&str, Style)> = pieces.iter().map(|(t, s)| (t.as_str(), *s)).collect();
    out.extend(wrap(&borrowed, width));

    if let Some(runs) = &screen.view.diffs.previous {
        out.push(Line::default());
        out.push(rule("Changed from the previous wording", width, theme.heading));
        out.extend(inline(runs, theme, width));
    }
    out.push(Line::default());
    match &screen.view.diffs.standard {
        Some((id, runs)) => {
            let title = standard_title(ws.library().get(id));
            let alike = (diff::similarity(runs) * 100.0).round();
            out.push(rule(&format!("Against the standard: {title} · {alike}% alike"), width, theme.heading));
            out.push(Line::from(vec![
                Span::styled("client's words struck", theme.deleted),
                Span::styled(" · ", theme.dim),
                Span::styled("standard's words added", theme.inserted),
            ]));
            out.extend(if screen.side_by_side { side_by_side(runs, theme, width) } else { against_standard(runs, theme, width) });
        }
        None => out.push(Line::styled("No standard clause matches this clause.", theme.dim)),
    }
    (out, finding_line)
}

/// The pieces covering `text[..at]`.
fn pieces_before<'a>(cuts: &[usize], pieces: &'a [(String, Style)], at: usize) -> Vec<(&'a str, Style)> {
    cuts.windows(2).zip(pieces).take_while(|(w, _)| w[1] <= at).map(|(_, (t, s))| (t.as_str(), *s)).collect()
}

fn run_style(op: Op, theme: &Theme) -> Style {
    match op {
        Op::Equal => theme.text,
        Op::Delete => theme.deleted,
        Op::Insert => theme.inserted,
    }
}

pub(crate) fn inline(runs: &[Run], theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let pieces: Vec<(String, Style)> = hunks(runs).iter().map(|r| (sanitize(&r.text, false), run_style(r.op, theme))).collect();
    let borrowed: Vec<(&str, Style)> = pieces.iter().map(|(t, s)| (t.as_str(), *s)).collect();
    wrap(&borrowed, width)
}

/// Below this share of words in common, a word diff is noise: the clause is shown struck whole
/// and the standard added whole (as delta stops emphasising words in lines too far apart).
const REWRITE_BELOW: f32 = 0.3;

fn against_standard(runs: &[Run], theme: &Theme, width: usize) -> Vec<Line<'static>> {
    if diff::similarity(runs) >= REWRITE_BELOW {
        return inline(runs, theme, width);
    }
    let mut out = wrap(&[("Little in common with the standard: replace the whole clause.", theme.dim)], width);
    out.extend(wrap(&[(&sanitize(&diff::old_text(runs), false), theme.deleted)], width));
    out.extend(wrap(&[(&sanitize(&diff::new_text(runs), false), theme.inserted)], width));
    out
}

/// Groups neighbouring changes (and the spaces between them) into hunks, all the old words
/// then all the new, as `git diff --word-diff` does: word-by-word alternation is unreadable.
fn hunks(runs: &[Run]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let (mut deleted, mut inserted, mut gap) = (String::new(), String::new(), String::new());
    let flush = |out: &mut Vec<Run>, deleted: &mut String, inserted: &mut String| {
        let (d, i) = (deleted.trim_end().to_owned(), inserted.trim_end().to_owned());
        // The space after a hunk is the new text's (what is proposed), or the old's when nothing is added.
        let spaced = if i.is_empty() { d.len() < deleted.len() } else { i.len() < inserted.len() };
        if !d.is_empty() {
            out.push(Run { op: Op::Delete, text: d.clone() });
        }
        if !d.is_empty() && !i.is_empty() {
            out.push(Run { op: Op::Equal, text: " ".into() });
        }
        if !i.is_empty() {
            out.push(Run { op: Op::Insert, text: i });
        }
        if spaced {
            out.push(Run { op: Op::Equal, text: " ".into() });
        }
        deleted.clear();
        inserted.clear();
    };
    for run in runs {
        let open = !deleted.is_empty() || !inserted.is_empty();
        match run.op {
            Op::Equal if open && run.text.trim().is_empty() => gap.push_str(&run.text),
            Op::Equal => {
                flush(&mut out, &mut deleted, &mut inserted);
                out.push(Run { op: Op::Equal, text: std::mem::take(&mut gap) + &run.text });
            }
            Op::Delete | Op::Insert => {
                for side in [&mut deleted, &mut inserted] {
                    if !side.is_empty() {
                        side.push_str(&gap);
                    }
                }
                gap.clear();
                if run.op == Op::Delete { deleted.push_str(&run.text) } else { inserted.push_str(&run.text) }
            }
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    if !gap.is_empty() {
        out.push(Run { op: Op::Equal, text: gap });
    }
    out
}

/// The client's side (deletions) beside the standard's (insertions).
fn side_by_side(runs: &[Run], theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let column = width.saturating_sub(3) / 2;
    let side = |keep: Op| {
        let pieces: Vec<(String, Style)> =
            runs.iter().filter(|r| r.op == Op::Equal || r.op == keep).map(|r| (sanitize(&r.text, false), run_style(r.op, theme))).collect();
        let borrowed: Vec<(&str, Style)> = pieces.iter().map(|(t, s)| (t.as_str(), *s)).collect();
        wrap(&borrowed, column)
    };
    let mut left = vec![Line::styled("Client", theme.title)];
    left.extend(side(Op::Delete));
    let mut right = vec![Line::styled("Standard", theme.title)];
    right.extend(side(Op::Insert));
    let rows = left.len().max(right.len());
    (0..rows)
        .map(|i| {
            let mut line = pad(left.get(i).cloned().unwrap_or_default(), column);
            line.spans.push(Span::styled(" │ ", theme.border));
            line.spans.extend(right.get(i).cloned().unwrap_or_default().spans);
            line
        })
        .collect()
}

/// Joins the hard line breaks of text wrapped by a PDF or a filing (a break inside a sentence
/// becomes a space), keeping paragraph breaks, list items and short heading lines. Byte
/// offsets are unchanged: a `\n` becomes a ` `.
pub fn reflow(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = String::with_capacity(text.len());
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        let Some(next) = lines.get(i + 1) else { break };
        let (this, next) = (line.trim(), next.trim_start());
        let keeps = this.is_empty()
            || next.trim().is_empty()
            || this.ends_with(['.', ':', ';', '!', '?'])
            || this.chars().count() < 40
            || next.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '(' | '•' | '-' | '*' | '#' | '|'));
        out.push(if keeps { '\n' } else { ' ' });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{hunks, reflow};
    use crate::diff::{Op, word_diff};

    #[test]
    fn hunks_keep_old_words_together() {
        let runs = hunks(&word_diff("owned by Client upon creation of it", "owned by Client upon full payment of it"));
        let shown: Vec<(Op, &str)> = runs.iter().map(|r| (r.op, r.text.as_str())).collect();
        assert_eq!(
            shown,
            [
                (Op::Equal, "owned by Client upon "),
                (Op::Delete, "creation"),
                (Op::Equal, " "),
                (Op::Insert, "full payment"),
                (Op::Equal, " of it")
            ]
        );
        let alternating = hunks(&word_diff("a b c end", "x y z end"));
        let shown: Vec<(Op, &str)> = alternating.iter().map(|r| (r.op, r.text.as_str())).collect();
        assert_eq!(shown, [(Op::Delete, "a b c"), (Op::Equal, " "), (Op::Insert, "x y z"), (Op::Equal, " end")]);
        let leading = hunks(&word_diff("2. Ownership", "Ownership"));
        let old: String = leading.iter().filter(|r| r.op != Op::Insert).map(|r| r.text.as_str()).collect();
        assert_eq!(old.split_whitespace().collect::<Vec<_>>(), ["2.", "Ownership"], "{leading:?}");
        let glued = hunks(&word_diff("an exclusive", "a non-exclusive"));
        let new: String = glued.iter().filter(|r| r.op != Op::Delete).map(|r| r.text.as_str()).collect();
        assert!(new.ends_with("non-exclusive"), "{glued:?}");
    }

    #[test]
    fn reflow_joins_broken_sentences_only() {
        let text = "4.1 All work product created by Contractor during the\nterm of this Agreement shall be owned by Client.\n(a) first item\n\nNext paragraph.";
        let out = reflow(text);
        assert_eq!(out.len(), text.len());
        assert_eq!(
            out,
            "4.1 All work product created by Contractor during the term of this Agreement shall be owned by Client.\n(a) first item\n\nNext paragraph."
        );
    }
}
