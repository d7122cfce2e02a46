//! The redline as one standalone HTML page (inline CSS, no scripts, prints cleanly): struck words
//! in `<del>`, the agency's words in `<ins>`, and each change's reason in a margin column beside
//! its paragraph (below it on narrow screens). Contract text is always escaped.

use std::fmt::Write;

use super::notes::{self, Audience, Line};
use super::{Change, Formatting, Kind, Language, Piece, Redline, squeeze};
use crate::ingest::Format;
use crate::text::html_escape as escape;

const STYLE: &str = "
:root { --del: #a4161a; --ins: #1b6b35; --rule: #d0d4d9; --muted: #59616b; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 70rem; padding: 2rem 1.5rem; font: 16px/1.55 Georgia, 'Times New Roman', serif; color: #1d2021; background: #fff; }
header { border-bottom: 1px solid var(--rule); margin-bottom: 1.5rem; }
header h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
header p, .legend { color: var(--muted); font: .9rem/1.4 system-ui, sans-serif; margin: 0 0 .75rem; }
.row { display: grid; grid-template-columns: minmax(0, 1fr) 19rem; gap: 1.75rem; }
.text p, .text h2, .text h3 { margin: 0 0 .9rem; }
.text h2 { font-size: 1.15rem; } .text h3 { font-size: 1.05rem; }
del { color: var(--del); text-decoration: line-through; text-decoration-thickness: 1.5px; }
ins { color: var(--ins); text-decoration: underline; font-weight: 600; }
sup.ref a { font: .75rem system-ui, sans-serif; color: var(--muted); text-decoration: none; padding-left: .1rem; }
p.new, h2.new, h3.new { border-left: 3px solid var(--ins); padding-left: .6rem; }
p.gone { border-left: 3px solid var(--del); padding-left: .6rem; }
aside { font: .85rem/1.4 system-ui, sans-serif; color: #2b3036; }
aside .note { border-left: 3px solid var(--rule); padding: .1rem 0 .1rem .6rem; margin-bottom: .9rem; }
aside .note p { margin: .2rem 0; }
@media (max-width: 52rem) { .row { grid-template-columns: 1fr; gap: 0; } aside .note { margin-left: 1rem; } }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .row { grid-template-columns: minmax(0, 1fr) 32%; gap: 1.2rem; break-inside: avoid; }
  del, ins { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  sup.ref a { color: #000; }
}
";

/// A copy with no notes at all (a blackline for counsel) gives the text the whole width.
const NO_NOTES_STYLE: &str = "
.row { grid-template-columns: minmax(0, 1fr); } aside { display: none; }
";

/// The internal copy's extra styles: severities and talking points.
const INTERNAL_STYLE: &str = "
aside .note b.sev-high { color: var(--del); } aside .note b.sev-medium { color: #8a5a00; }
aside .tp { color: var(--muted); font-style: italic; } header p.internal { color: var(--del); font-weight: 600; }
";

pub fn render(redline: &Redline, clean: bool, audience: Audience) -> String {
    let draft = &redline.draft;
    let mut out = String::with_capacity(draft.text.len() * 2 + 4096);
    let internal = audience == Audience::Internal;
    let title = match (&redline.kind, clean, internal) {
        (Kind::CounterProposal, true, _) => "Counter-proposal (changes accepted)".to_owned(),
        (Kind::CounterProposal, false, false) => "Counter-proposal with tracked changes".to_owned(),
        (Kind::CounterProposal, false, true) => "Counter-proposal with tracked changes (internal copy)".to_owned(),
        (kind @ Kind::Blackline { .. }, _, false) => kind.title(),
        (kind @ Kind::Blackline { .. }, _, true) => format!("{} (internal copy)", kind.title()),
    };
    let title = escape(&title);
    let noted = |c: &Change| !clean && !notes::lines(c, audience).is_empty();
    let any_notes = redline.changes.iter().any(noted);
    let extra = match (internal, any_notes) {
        (true, _) => INTERNAL_STYLE,
        (false, false) => NO_NOTES_STYLE,
        (false, true) => "",
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{STYLE}{extra}</style>\n</head>\n<body>\n<header><h1>{title}</h1>\n"
    );
    if internal {
        let _ = writeln!(out, "<p class=\"internal\">{}</p>", escape(&notes::banner(&redline.options.author)));
    }
    let _ = writeln!(
        out,
        "<p>{} change{} by {} on {}</p>",
        redline.changes.len(),
        if redline.changes.len() == 1 { "" } else { "s" },
        escape(&redline.options.author),
        escape(&redline.options.date)
    );
    if !clean {
        let legend = match &redline.kind {
            Kind::CounterProposal => format!(
                "<del>struck</del> is wording removed; <ins>inserted</ins> is wording proposed by {}; the reason for each change is beside it.",
                escape(&redline.options.author)
            ),
            Kind::Blackline { earlier, later } => format!(
                "<del>struck</del> is wording of {} that {} drops; <ins>inserted</ins> is wording {} adds.",
                escape(earlier),
                escape(later),
                escape(later)
            ),
        };
        let _ = writeln!(out, "<p class=\"legend\">{legend}</p>");
    }
    out.push_str("</header>\n<main>\n");
    for (i, p) in draft.paragraphs.iter().enumerate() {
        let (pieces, after) = redline.pieces(i);
        let removed = redline.removes(i);
        let (tag, skip) = block_tag(draft.format, &draft.text[p.clone()]);
        let mut beside: Vec<&Change> = Vec::new();
        let mut text = String::new();
        for c in redline.added_before(i) {
            text.push_str(&new_paragraph(c, clean, noted(c)));
            beside.extend(Some(c).filter(|c| noted(c)));
        }
        let mut body = String::new();
        let last = pieces.len().saturating_sub(1);
        for (k, piece) in pieces.iter().enumerate() {
            match piece {
                Piece::Same(s) => body.push_str(&escape(&super::same_text(s, k, last))),
                Piece::Changed(c) if clean => body.push_str(&escape(&squeeze(&c.inserted))),
                Piece::Changed(c) => {
                    // A later round's words keep the spaces around them; a counter-proposal's
                    // struck sentence is shown without those its neighbours already have.
                    let deleted =
                        if c.language == Language::LaterRound { super::same_text(&c.deleted, k, last) } else { squeeze(c.deleted.trim()) };
                    let inserted = squeeze(&c.inserted);
                    if !deleted.trim().is_empty() {
                        let _ = write!(body, "<del>{}</del>", escape(&deleted));
                    }
                    if !inserted.trim().is_empty() {
                        let gap = !deleted.trim().is_empty() && !deleted.ends_with(' ') && !inserted.starts_with(' ');
                        let _ = write!(body, "{}<ins>{}</ins>", if gap { " " } else { "" }, escape(&inserted));
                    }
                    if noted(c) {
                        let _ = write!(body, "<sup class=\"ref\"><a href=\"#change-{0}\" id=\"ref-{0}\">{0}</a></sup>", c.id);
                        beside.push(c);
                    }
                }
            }
        }
        let body = if skip > 0 { body.trim_start().to_owned() } else { body };
        if !(removed && clean) {
            let class = if removed { " class=\"gone\"" } else { "" };
            let _ = writeln!(text, "<{tag}{class}>{body}</{tag}>");
        }
        for c in &after {
            text.push_str(&new_paragraph(c, clean, noted(c)));
            beside.extend(Some(*c).filter(|c| noted(c)));
        }
        let _ = write!(out, "<div class=\"row\"><div class=\"text\">\n{text}</div><aside>");
        for c in beside {
            out.push_str(&note(c, audience));
        }
        out.push_str("</aside></div>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// A new paragraph: a new clause, or a later round's paragraph (a heading stays one).
fn new_paragraph(c: &Change, clean: bool, noted: bool) -> String {
    let words = escape(&c.clause_text(true));
    let tag = match c.new_clause.as_ref().and_then(|n| n.formatting.as_ref()) {
        Some(Formatting::Heading(level)) if *level <= 2 => "h2",
        Some(Formatting::Heading(_)) => "h3",
        _ => "p",
    };
    if clean {
        return format!("<{tag}>{words}</{tag}>\n");
    }
    let reference =
        if noted { format!("<sup class=\"ref\"><a href=\"#change-{0}\" id=\"ref-{0}\">{0}</a></sup>", c.id) } else { String::new() };
    format!("<{tag} class=\"new\"><ins>{words}</ins>{reference}</{tag}>\n")
}

/// The margin note of one change: the lines `notes` gives the audience, numbered as the change.
fn note(c: &Change, audience: Audience) -> String {
    let mut out = format!("<div class=\"note\" id=\"change-{0}\"><p><a href=\"#ref-{0}\">{0}</a>.", c.id);
    for (i, line) in notes::lines(c, audience).iter().enumerate() {
        // The first line shares the paragraph of the number.
        out.push_str(if i == 0 { " " } else { "<p>" });
        match line {
            Line::Concern(r) => {
                let why = escape(&crate::text::one_line(&r.explanation));
                let _ = write!(out, "<b class=\"sev-{}\">{} ({})</b>: {why}", r.severity, r.concern, r.severity);
            }
            Line::Say(point) => {
                let _ = write!(out, "<span class=\"tp\">Say: {}</span>", escape(&crate::text::one_line(point)));
            }
            Line::Reason(_) | Line::What(_) | Line::ForCounsel(_) => out.push_str(&escape(&line.text())),
        }
        out.push_str("</p>");
    }
    out.push_str("</div>");
    out
}

/// The HTML element for a paragraph: Markdown headings become headings; the rest paragraphs.
/// Also says how many bytes of heading markup start it (already blanked in the analysed text).
fn block_tag(format: Format, original: &str) -> (&'static str, usize) {
    if format == Format::Markdown {
        let hashes = original.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && !original.contains('\n') {
            return (if hashes <= 2 { "h2" } else { "h3" }, hashes);
        }
    }
    ("p", 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(escape("<script>\"a\" & 'b'\u{1b}[31m</script>"), "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;[31m&lt;/script&gt;");
        assert_eq!(squeeze("a \n\t b  c"), "a b c");
    }
}
