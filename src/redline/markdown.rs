//! The redline as Markdown: struck words as `~~…~~`, the agency's words as `**…**`, and each
//! change's reason as a footnote. A Markdown draft keeps its own markup; other drafts are
//! escaped so their text reads as written.

use std::fmt::Write;

use super::notes::{self, Audience};
use super::sentence::cover_markup;
use super::{Change, Formatting, Redline, collapse};
use crate::ingest::Format;

pub fn render(redline: &Redline, clean: bool, audience: Audience) -> String {
    let draft = &redline.draft;
    let markdown_in = draft.format == Format::Markdown;
    // Markdown drafts are rendered from their source so their markup survives.
    let source = |a: usize, b: usize| if markdown_in { draft.text[a..b].to_owned() } else { escape(&draft.text[a..b]) };
    let noted = |c: &Change| !clean && !notes::lines(c, audience).is_empty();
    // Footnotes are numbered in turn over the changes that have one, so a change without a
    // note leaves no gap ([^1], [^2], [^3]).
    let labels: Vec<usize> = redline.changes.iter().filter(|c| noted(c)).map(|c| c.id).collect();
    let label = |c: &Change| labels.iter().position(|&id| id == c.id).map(|k| k + 1);
    let reference = |c: &Change| label(c).map_or_else(String::new, |l| format!("[^{l}]"));
    // Each block, and what joins it to the one before: a blank line, or the draft's own line
    // break where its paragraphs are lines of one block (a draft pasted without blank lines).
    let mut blocks: Vec<(String, String)> = Vec::with_capacity(draft.paragraphs.len());
    // Whether the last block is the previous paragraph of the draft, as written.
    let mut last_is_previous = false;
    // A paragraph put in between two items of a list is indented as the item's own, so the
    // list goes on rather than starting again at 1 after it.
    let inside = |after: usize| if markdown_in { list_continuation(draft, after) } else { String::new() };
    for (i, p) in draft.paragraphs.iter().enumerate() {
        for c in redline.added_before(i) {
            let indent = i.checked_sub(1).map(inside).unwrap_or_default();
            blocks.push((indented(&new_paragraph(c, clean, &reference(c)), &indent), "\n\n".to_owned()));
            last_is_previous = false;
        }
        // The line break (and indent) between this paragraph and the one before, when they
        // are lines of one block; after a new paragraph, a blank line and that indent. (A
        // .docx's paragraphs, table cells too, are each a block of their own.)
        let line_break = i
            .checked_sub(1)
            .filter(|_| draft.docx.is_none())
            .map(|k| &draft.text[draft.paragraphs[k].end..p.start])
            .filter(|gap| gap.matches('\n').count() < 2);
        let removed = redline.removes(i);
        let mut block = String::new();
        let mut at = p.start;
        let mut after: Vec<&Change> = Vec::new();
        for c in redline.changes_in(i) {
            if let Some(new) = &c.new_clause {
                if !new.before {
                    after.push(c);
                }
                continue;
            }
            // A struck stretch of a Markdown draft takes the markup around it along, so that
            // `**Ownership.**` is struck whole rather than cut open.
            let struck = if markdown_in && c.start < c.end {
                cover_markup(&draft.text, &draft.analysed, c.start..c.end, at..p.end)
            } else {
                c.start..c.end
            };
            block.push_str(&source(at, struck.start.max(at)));
            let inserted = escape(&c.inserted);
            if clean {
                block.push_str(&inserted);
            } else {
                let (before, after) = (block.chars().last(), draft.text[struck.end..p.end.max(struck.end)].chars().next());
                block.push_str(&replacement(&source(struck.start.max(at), struck.end), &inserted, before, after));
                block.push_str(&reference(c));
            }
            at = struck.end.max(at);
        }
        block.push_str(&source(at, p.end));
        if !(removed && clean) {
            let separator = match line_break {
                Some(gap) if last_is_previous => gap.to_owned(),
                Some(gap) => format!("\n\n{}", gap.rsplit('\n').next().unwrap_or_default()),
                None => "\n\n".to_owned(),
            };
            blocks.push((block, separator));
        }
        last_is_previous = !(removed && clean);
        for c in after {
            blocks.push((indented(&new_paragraph(c, clean, &reference(c)), &inside(i)), "\n\n".to_owned()));
            last_is_previous = false;
        }
    }
    if audience == Audience::Internal {
        blocks.insert(0, (format!("*{}*", escape(&notes::banner(&redline.options.author))), String::new()));
    }
    let mut out = String::new();
    for (k, (block, separator)) in blocks.iter().enumerate() {
        if k > 0 {
            out.push_str(separator);
        }
        out.push_str(block);
    }
    out.push('\n');
    let noted: Vec<&Change> = redline.changes.iter().filter(|c| noted(c)).collect();
    if !noted.is_empty() {
        out.push('\n');
        for (k, c) in noted.into_iter().enumerate() {
            let _ = writeln!(out, "[^{}]: {}", k + 1, escape(&notes::in_one_line(c, audience)));
        }
    }
    out
}

/// The indent of a paragraph that continues the list item paragraph `after` belongs to, when
/// the paragraph after it goes on with that list (another item, or more of the item): the
/// item's content indent ("1.  " gives four spaces). Empty otherwise.
fn list_continuation(draft: &super::Draft, after: usize) -> String {
    let first_line = |k: usize| draft.paragraphs.get(k).map(|p| super::shown::first_line(draft, p));
    let item_indent = |line: &str| {
        let (lead, marker, gap) = item_parts(line)?;
        (lead <= 3 && gap <= 4).then_some(lead + marker + gap)
    };
    // The item `after` is in: its own opening line, or one before it whose further paragraphs
    // (indented) lead to it.
    let mut k = after;
    let indent = loop {
        let Some(line) = first_line(k) else { return String::new() };
        if let Some(indent) = item_indent(line) {
            break indent;
        }
        if !line.starts_with([' ', '\t']) || k == 0 {
            return String::new();
        }
        k -= 1;
    };
    let next = first_line(after + 1).unwrap_or_default();
    let goes_on = item_indent(next).is_some() || next.starts_with(&" ".repeat(indent));
    if goes_on { " ".repeat(indent) } else { String::new() }
}

/// `block` with each of its lines indented by `indent`.
fn indented(block: &str, indent: &str) -> String {
    if indent.is_empty() {
        return block.to_owned();
    }
    block.lines().map(|l| format!("{indent}{l}")).collect::<Vec<_>>().join("\n")
}

/// Struck words and the words put in their place: `~~struck~~ **inserted**`, each marker hard
/// against its words (white space at either end stays outside, where Markdown wants it) and a
/// space between the two when neither brings one. `before` and `after` are the characters
/// around the change, which decide whether Markdown reads a marker as one.
fn replacement(struck: &str, inserted: &str, before: Option<char>, after: Option<char>) -> String {
    let both = !struck.trim().is_empty() && !inserted.trim().is_empty();
    let del = marked(Mark::Struck, struck, before, if both { Some(' ') } else { after });
    let ins = marked(Mark::Inserted, inserted, if both { Some(' ') } else { before }, after);
    let gap = both && !del.ends_with(char::is_whitespace) && !ins.starts_with(char::is_whitespace);
    format!("{del}{}{ins}", if gap { " " } else { "" })
}

#[derive(Clone, Copy)]
enum Mark {
    Struck,
    Inserted,
}

/// `text` between two markers, its leading and trailing white space left outside them (line
/// breaks inside a hard-wrapped paragraph become spaces); only the white space when it has no
/// words. Where Markdown would not read the markers as such (`therein~~, effective~~`: a
/// marker between a letter and punctuation neither opens nor closes), HTML's `<del>` and
/// `<ins>` say it instead.
fn marked(mark: Mark, text: &str, before: Option<char>, after: Option<char>) -> String {
    // A list laid out one item a line is marked item by item, each bullet or number outside the
    // marks, so that it stays a list.
    let lines: Vec<&str> = text.trim().lines().collect();
    if lines.len() > 1 && lines.iter().all(|l| item_marker(l).is_some()) {
        let lead = if text.starts_with(char::is_whitespace) { " " } else { "" };
        let trail = if text.ends_with(char::is_whitespace) { " " } else { "" };
        let items: Vec<String> = lines
            .iter()
            .map(|l| {
                let m = item_marker(l).unwrap_or(0);
                format!("{}{}", &l[..m], marked(mark, &l[m..], Some(' '), None))
            })
            .collect();
        return format!("{lead}{}{trail}", items.join("\n"));
    }
    let core = text.trim();
    if core.is_empty() {
        return if text.is_empty() { String::new() } else { " ".to_owned() };
    }
    let lead = if text.starts_with(char::is_whitespace) { " " } else { "" };
    let trail = if text.ends_with(char::is_whitespace) { " " } else { "" };
    let core = core.split_whitespace().collect::<Vec<_>>().join(" ");
    let loose = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation());
    let punctuation = |c: Option<char>| c.is_some_and(|c| c.is_ascii_punctuation());
    let opens = !punctuation(core.chars().next()) || !lead.is_empty() || loose(before);
    let closes = !punctuation(core.chars().last()) || !trail.is_empty() || loose(after);
    match (mark, opens && closes) {
        (Mark::Struck, true) => format!("{lead}~~{core}~~{trail}"),
        (Mark::Inserted, true) => format!("{lead}**{core}**{trail}"),
        (Mark::Struck, false) => format!("{lead}<del>{core}</del>{trail}"),
        (Mark::Inserted, false) => format!("{lead}<ins>{core}</ins>{trail}"),
    }
}

/// The length of the bullet or number that opens a list item's line ("- ", "2. "), with the
/// spaces before and after it; None for a line that opens no item.
fn item_marker(line: &str) -> Option<usize> {
    item_parts(line).map(|(lead, marker, gap)| lead + marker + gap)
}

/// The spaces before a list item's bullet or number ("- ", "2. "), its length, and the spaces
/// after it (at least one); None for a line that opens no item.
fn item_parts(line: &str) -> Option<(usize, usize, usize)> {
    let body = line.trim_start_matches(' ');
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let marker = if digits > 0 && matches!(body.as_bytes().get(digits), Some(b'.' | b')')) {
        digits + 1
    } else if body.starts_with(['-', '*', '+']) {
        1
    } else {
        return None;
    };
    let gap = body[marker..].len() - body[marker..].trim_start_matches(' ').len();
    (gap > 0).then_some((line.len() - body.len(), marker, gap))
}

/// A new paragraph: a new clause or a later round's paragraph (a heading stays one), in bold
/// as inserted words.
fn new_paragraph(c: &Change, clean: bool, reference: &str) -> String {
    let text = escape(&collapse(&c.clause_text(true)));
    let heading = match c.new_clause.as_ref().and_then(|n| n.formatting.as_ref()) {
        Some(Formatting::Heading(level)) => format!("{} ", "#".repeat(usize::from(*level))),
        _ => String::new(),
    };
    if clean { format!("{heading}{text}") } else { format!("{heading}**{text}**{reference}") }
}

/// Escapes text so Markdown shows it as written: emphasis, code, links, HTML, and line starts
/// that would turn into headings, quotes or lists.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let body = line.trim_start();
        out.push_str(&line[..line.len() - body.len()]);
        // "1. " or "2) " at a line start would become a numbered list.
        let digits = body.bytes().take_while(u8::is_ascii_digit).count();
        let list_number =
            digits > 0 && matches!(body.as_bytes().get(digits), Some(b'.' | b')')) && body[digits + 1..].starts_with([' ', '\t']);
        for (i, ch) in body.char_indices() {
            let at_start = i == 0;
            let special = matches!(ch, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '~' | '|')
                || (at_start && matches!(ch, '#' | '+' | '-' | '='))
                || (list_number && i == digits);
            if special {
                out.push('\\');
            }
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_hold_their_words_and_leave_spaces_outside() {
        let r = |struck: &str, inserted: &str| replacement(struck, inserted, Some(' '), Some(' '));
        assert_eq!(r("two", "three business"), "~~two~~ **three business**");
        assert_eq!(r(" and without limitation", ""), " ~~and without limitation~~");
        assert_eq!(r("", "prompt and "), "**prompt and** ");
        assert_eq!(r("hereby\nassigns ", "assigns"), "~~hereby assigns~~ **assigns**");
        // A struck list stays a list, item by item.
        assert_eq!(
            r("- All code created\n- All intellectual property rights", ""),
            "- ~~All code created~~\n- ~~All intellectual property rights~~"
        );
        assert_eq!(r("1. first\n2. second", ""), "1. ~~first~~\n2. ~~second~~");
        // "therein~~, effective~~." would not strike: Markdown reads no marker there.
        assert_eq!(replacement(", effective on creation", "", Some('n'), Some('.')), "<del>, effective on creation</del>");
        assert_eq!(replacement("Exhibit", "Schedule", Some(' '), Some(' ')), "~~Exhibit~~ **Schedule**");
    }

    #[test]
    fn a_paragraph_between_two_items_of_a_list_continues_the_item() {
        let md = "## 2. Terms\n\n1.  **One.** First\n    line two.\n\n    More of one.\n\n1.  **Two.** Second.\n\nAfter the list.\n";
        let draft = super::super::Draft::from_text(&crate::ingest::from_text("d.md", Format::Markdown, md));
        let at = |words: &str| draft.paragraphs.iter().position(|p| draft.text[p.clone()].contains(words)).expect(words);
        assert_eq!(list_continuation(&draft, at("First")), "    ", "another paragraph of the item follows");
        assert_eq!(list_continuation(&draft, at("More of one")), "    ", "the next item follows");
        assert_eq!(list_continuation(&draft, at("Second")), "", "the list ends there");
        assert_eq!(list_continuation(&draft, at("Terms")), "");
        assert_eq!(indented("**1A Residuals.**\nmore", "    "), "    **1A Residuals.**\n    more");
    }

    #[test]
    fn escapes_what_markdown_would_interpret() {
        assert_eq!(escape("a *b* _c_ [d](e) <f>"), "a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\>");
        assert_eq!(escape("# not a heading\n1. not a list\n- no bullet"), "\\# not a heading\n1\\. not a list\n\\- no bullet");
        assert_eq!(escape("7.4 Residuals"), "7.4 Residuals");
    }
}
