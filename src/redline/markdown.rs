//! The redline as Markdown: struck words as `~~…~~`, the agency's words as `**…**`, and each
//! change's reason as a footnote. A Markdown draft keeps its own markup; other drafts are
//! escaped so their text reads as written.

use std::fmt::Write;

use super::notes::{self, Audience};
use super::{Change, Redline};
use crate::ingest::Format;

pub fn render(redline: &Redline, clean: bool, audience: Audience) -> String {
    let draft = &redline.draft;
    let markdown_in = draft.format == Format::Markdown;
    // Markdown drafts are rendered from their source so their markup survives.
    let source = |a: usize, b: usize| if markdown_in { draft.text[a..b].to_owned() } else { escape(&draft.text[a..b]) };
    let mut blocks: Vec<String> = Vec::with_capacity(draft.paragraphs.len());
    for (i, p) in draft.paragraphs.iter().enumerate() {
        let mut block = String::new();
        let mut at = p.start;
        let mut after: Vec<&Change> = Vec::new();
        for c in redline.changes_in(i) {
            if c.new_clause.is_some() {
                after.push(c);
                continue;
            }
            block.push_str(&source(at, c.start));
            let inserted = escape(&c.inserted);
            if clean {
                block.push_str(&inserted);
            } else {
                let _ = write!(block, "~~{}~~", source(c.start, c.end));
                if !inserted.is_empty() {
                    let _ = write!(block, " **{inserted}**");
                }
                let _ = write!(block, "[^{}]", c.id);
            }
            at = c.end;
        }
        block.push_str(&source(at, p.end));
        blocks.push(block);
        for c in after {
            let text = escape(&c.clause_text(true));
            blocks.push(if clean { text } else { format!("**{text}**[^{}]", c.id) });
        }
    }
    if audience == Audience::Internal {
        blocks.insert(0, format!("*{}*", escape(&notes::banner(&redline.options.author))));
    }
    let mut out = blocks.join("\n\n");
    out.push('\n');
    if !clean && !redline.changes.is_empty() {
        out.push('\n');
        for c in &redline.changes {
            let _ = writeln!(out, "[^{}]: {}", c.id, escape(&notes::in_one_line(c, audience)));
        }
    }
    out
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
    fn escapes_what_markdown_would_interpret() {
        assert_eq!(escape("a *b* _c_ [d](e) <f>"), "a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\>");
        assert_eq!(escape("# not a heading\n1. not a list\n- no bullet"), "\\# not a heading\n1\\. not a list\n\\- no bullet");
        assert_eq!(escape("7.4 Residuals"), "7.4 Residuals");
    }
}
