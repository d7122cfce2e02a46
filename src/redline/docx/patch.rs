//! Tracked changes in the client's own .docx. Only the paragraphs that change are rewritten:
//! their runs are split where a change begins and ends (each piece keeping its `w:rPr`), the
//! struck pieces wrapped in `w:del`, the agency's words added in a `w:ins` run formatted like
//! the words they replace. New clauses copy the layout of a sibling clause (or a later round's
//! own layout, in a blackline). Everything else in `document.xml`, and every other part, is left
//! exactly as it was.
//!
//! Paragraph marks are recorded as Word records them, so that Reject All gives back the
//! paragraphs as they were, numbering and all (Word and `LibreOffice` join paragraphs differently
//! when a mark goes; this way both agree):
//! - new paragraphs after a paragraph are "Enter at its end, then type": that paragraph's mark is
//!   the inserted one, each new paragraph but the last has an inserted mark of its own, and the
//!   last ends with the original mark (its section break, and the earlier layout recorded as a
//!   layout change when its own differs);
//! - new paragraphs that cannot follow a paragraph of their own cell or body (after a table, or
//!   before the first paragraph) each have an inserted mark of their own;
//! - a paragraph removed whole has its own mark struck, unless it is the last of its cell or of
//!   the body (a mark Word cannot remove), where only its words are struck.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::align::Alignment;
use super::body::Body;
use super::mark::{self, Properties};
use super::package::{self, Package};
use super::rewrite::{Edit, plain_rpr, rewrite};
use super::tree;
use super::{Marks, bold, comment, comment_reference, comments_part, run_content};
use crate::redline::{Change, DocxDraft, Formatting, Redline, notes};

pub fn render(redline: &Redline, source: &DocxDraft, clean: bool, marks: Marks<'_>) -> Result<Vec<u8>, String> {
    let mut pkg = Package::open(&source.bytes)?;
    let main = pkg.main.clone();
    let xml = pkg.read(&main)?.ok_or_else(|| format!("the package has no main document part {main}"))?;
    let rels_name = pkg.main_rels();
    let rels = pkg.read(&rels_name)?.unwrap_or_default();
    let comments_name = package::comments_target(&rels).map(|t| pkg.resolve(&t));
    let old_comments = match &comments_name {
        Some(name) => pkg.read(name)?,
        None => None,
    };
    let body = Body::read(&xml)?;
    let first_id = max_id(&xml).max(old_comments.as_deref().map_or(0, max_id)) + 1;
    let mut w = Writer { redline, source, xml: &xml, body: &body, marks: marks.starting_at(first_id), clean, comments: String::new() };

    let mut splices: Vec<(Range<usize>, String)> = Vec::new();
    // New paragraphs that go after a table rather than inside its cell: (where, XML).
    let mut after_tables: Vec<(usize, String)> = Vec::new();
    for i in 0..redline.draft.paragraphs.len() {
        let changes: Vec<&Change> = redline.changes_in(i).collect();
        if changes.is_empty() {
            continue;
        }
        let xi = w.xml_index(i)?;
        let span = body.spans[xi].clone();
        if splices.last().is_some_and(|(r, _)| r.end > span.start) {
            // A paragraph nested in one already rewritten (a text box): leave it.
            continue;
        }
        let (text, after_table) = w.paragraph(i, xi, &changes).map_err(|e| format!("paragraph {xi} of {main}: {e}"))?;
        splices.push((span, text));
        after_tables.extend(after_table);
    }
    // Zero-length splices after tables go before the paragraph that starts where a table ends.
    splices.extend(after_tables.into_iter().map(|(at, text)| (at..at, text)));
    splices.sort_by_key(|(r, _)| (r.start, r.end));

    let mut doc = String::with_capacity(xml.len() + splices.iter().map(|s| s.1.len()).sum::<usize>());
    let mut at = 0;
    for (span, text) in &splices {
        doc.push_str(&xml[at..span.start]);
        doc.push_str(text);
        at = span.end;
    }
    doc.push_str(&xml[at..]);
    let comments = w.comments;

    let mut replaced: HashMap<String, Vec<u8>> = HashMap::new();
    let mut added: Vec<(String, Vec<u8>)> = Vec::new();
    replaced.insert(main.clone(), doc.into_bytes());
    if !comments.is_empty() {
        if let (Some(name), Some(old)) = (&comments_name, &old_comments) {
            let merged = comments_added(old, &comments).ok_or_else(|| format!("{name} has no </w:comments>"))?;
            replaced.insert(name.clone(), merged.into_bytes());
        } else {
            // No comments part yet (or one named but missing): add it, its relationship and type.
            let name = comments_name.clone().unwrap_or_else(|| pkg.resolve("comments.xml"));
            if comments_name.is_none() {
                replaced.insert(rels_name, package::add_comments_relationship(&rels)?.into_bytes());
            }
            let types = pkg.read("[Content_Types].xml")?.ok_or("the package has no [Content_Types].xml")?;
            replaced.insert("[Content_Types].xml".to_owned(), package::add_comments_content_type(&types, &name)?.into_bytes());
            added.push((name, comments_part(&comments).into_bytes()));
        }
    }
    pkg.write(&replaced, &added)
}

/// What writing the changed paragraphs needs at hand.
struct Writer<'r, 'x, 'a> {
    redline: &'r Redline,
    source: &'r DocxDraft,
    xml: &'x str,
    body: &'x Body,
    marks: Marks<'a>,
    clean: bool,
    comments: String,
}

/// How a new paragraph's mark is recorded.
#[derive(Clone, Copy)]
enum Mark<'p> {
    /// A clean copy: not at all.
    Clean,
    /// As inserted: not the last of several new paragraphs after a paragraph.
    Own,
    /// As inserted, by a paragraph that follows none of its own (after a table, before the
    /// first paragraph, after one struck whole): its comment goes on the paragraph beside it,
    /// since a comment inside would keep it, and its layout, alive when `LibreOffice` rejects it.
    Alone,
    /// As the original mark of the paragraph it follows, whose own is recorded as inserted: it
    /// carries that paragraph's section break, and its layout as the layout before.
    Original { layout: &'p str, section: &'p str },
}

impl Writer<'_, '_, '_> {
    /// The index among the body's `w:p` elements of paragraph `i` of the draft.
    fn xml_index(&self, i: usize) -> Result<usize, String> {
        let xi = *self.source.xml_index.get(i).ok_or_else(|| format!("paragraph {i} has no place in the document body"))?;
        if xi >= self.body.spans.len() {
            return Err(format!("the document body has no paragraph {xi}"));
        }
        Ok(xi)
    }

    /// Paragraph `i` (the body's `w:p` number `xi`) with its changes, and the new paragraphs
    /// that go after its table instead (where they go, their XML).
    fn paragraph(&mut self, i: usize, xi: usize, changes: &[&Change]) -> Result<(String, Option<(usize, String)>), String> {
        let (xml, draft) = (self.xml, &self.redline.draft);
        let para_xml = &xml[self.body.spans[xi].clone()];
        let para = tree::parse_paragraph(para_xml)?;
        // Offsets from the paragraph's own text on follow its runs (the list label is Word's).
        let own = draft.text_starts[i];
        let runs_text = para.text();
        let align = Alignment::new(&draft.text[own..draft.paragraphs[i].end], &runs_text);
        let edits: Vec<Edit<'_>> = changes
            .iter()
            .filter(|c| c.new_clause.is_none())
            .map(|c| {
                let (a, b) = if c.removes_paragraph {
                    (0, runs_text.len())
                } else {
                    (align.map(c.start.saturating_sub(own)), align.map(c.end.saturating_sub(own)))
                };
                Edit { a, b, change: c, comment: None }
            })
            .collect();
        let mut out = rewrite(para_xml, &para, edits, &mut self.marks, self.clean, &mut self.comments);
        let new = |before: bool| changes.iter().copied().filter(move |c| c.new_clause.as_ref().is_some_and(|n| n.before == before));
        let alone = if self.clean { Mark::Clean } else { Mark::Alone };
        // Comments of new paragraphs that stand alone, anchored on this paragraph instead.
        let mut anchors = String::new();
        let mut head = String::new();
        for c in new(true) {
            head.push_str(&self.new_paragraph(c, alone, &mut anchors)?);
        }
        let struck = !self.clean && self.body.paragraph_follows[xi] && changes.iter().any(|c| c.removes_paragraph);
        if struck {
            let del = self.marks.mark_as("del");
            out = mark::record(&out, &del)?;
        }
        let after: Vec<&Change> = new(false).collect();
        let in_table = |c: &&Change| c.new_clause.as_ref().is_some_and(|n| n.in_table);
        let mut after_table = None;
        // The new paragraphs that follow this one here.
        let mut tail = String::new();
        if let Some(end) = self.body.table_end[xi].filter(|_| !after.is_empty() && !after.iter().all(in_table)) {
            // Never inside a table's cell: after the table, each with a mark of its own.
            let mut text = String::new();
            for c in &after {
                text.push_str(&self.new_paragraph(c, alone, &mut anchors)?);
            }
            after_table = Some((end, text));
        } else if struck || self.clean {
            for c in &after {
                tail.push_str(&self.new_paragraph(c, alone, &mut anchors)?);
            }
        } else if !after.is_empty() {
            // "Enter at the end of the paragraph, then type."
            let layout = Properties::read(para.properties(para_xml).unwrap_or_default()).layout;
            let (rest, section) = mark::take_section(&out)?;
            let ins = self.marks.mark_as("ins");
            out = mark::record(&rest, &ins)?;
            for (k, c) in after.iter().enumerate() {
                let m = if k + 1 == after.len() { Mark::Original { layout: &layout, section: &section } } else { Mark::Own };
                tail.push_str(&self.new_paragraph(c, m, &mut anchors)?);
            }
        }
        // New paragraphs standing alone before or after this one have their comments at its end.
        let at = out.rfind("</w:p>").unwrap_or(out.len());
        out.insert_str(at, &anchors);
        Ok((format!("{head}{out}{tail}"), after_table))
    }

    /// A new paragraph: laid out like its template paragraph (style, list level: Word numbers
    /// it), or as the later round laid it out; tracked, paragraph mark and all, unless clean.
    fn new_paragraph(&mut self, change: &Change, mark: Mark<'_>, anchors: &mut String) -> Result<String, String> {
        let Some(new) = &change.new_clause else { return Ok(String::new()) };
        let draft = &self.redline.draft;
        let template_xml = &self.xml[self.body.spans[self.xml_index(new.template_paragraph)?].clone()];
        let template = tree::parse_paragraph(template_xml)?;
        let template_layout = Properties::read(template.properties(template_xml).unwrap_or_default()).layout;
        let (layout, runs) = match &new.formatting {
            Some(Formatting::Docx { layout, runs }) if runs.iter().map(|(_, t)| t.as_str()).collect::<String>() == change.inserted => {
                let mut xml = String::new();
                for (rpr, text) in runs {
                    let _ = write!(xml, "<w:r>{rpr}{}</w:r>", run_content(text, false));
                }
                (layout.clone(), xml)
            }
            _ => {
                let mut longest = (0, String::new());
                tree::visit_runs(&template.children, &mut |r| {
                    let len: usize = r.items.iter().map(|i| i.kind.text().len()).sum();
                    if len > longest.0 {
                        longest = (len, r.rpr.clone().map_or_else(String::new, |x| plain_rpr(&template_xml[x])));
                    }
                });
                let body_rpr = longest.1;
                if new.heading.is_empty() {
                    (template_layout, format!("<w:r>{body_rpr}{}</w:r>", run_content(&change.inserted, false)))
                } else {
                    // Word shows a number the runs do not hold: the list numbers the new clause too.
                    let t = new.template_paragraph;
                    let numbered_by_word = draft.text_starts[t] > draft.paragraphs[t].start;
                    let heading = match new.number.as_deref().filter(|_| new.typed_number || !numbered_by_word) {
                        Some(n) => format!("{n} {}.", new.heading.trim_end_matches('.')),
                        None => format!("{}.", new.heading.trim_end_matches('.')),
                    };
                    let runs = format!(
                        "<w:r>{}{}</w:r><w:r>{body_rpr}{}</w:r>",
                        bold(&body_rpr),
                        run_content(&heading, false),
                        run_content(&format!(" {}", change.inserted), false)
                    );
                    let layout = if new.typed_number && numbered_by_word { mark::unnumbered(&template_layout) } else { template_layout };
                    (layout, runs)
                }
            }
        };
        let mut props = Properties { layout, ..Properties::default() };
        let mut extra = String::new();
        match mark {
            Mark::Clean => return Ok(format!("<w:p>{}{runs}</w:p>", props.write(""))),
            Mark::Own | Mark::Alone => props.record(&self.marks.mark_as("ins")),
            Mark::Original { layout, section } => {
                section.clone_into(&mut props.section);
                if props.layout != layout {
                    let open = self.marks.open("pPrChange");
                    extra = format!("{open}<w:pPr>{layout}</w:pPr></w:pPrChange>");
                }
            }
        }
        let ppr = props.write(&extra);
        let ins = self.marks.open("ins");
        if notes::lines(change, self.marks.audience).is_empty() {
            return Ok(format!("<w:p>{ppr}{ins}{runs}</w:ins></w:p>"));
        }
        let id = self.marks.id();
        self.comments.push_str(&comment(id, change, &self.marks));
        if matches!(mark, Mark::Alone) {
            let _ = write!(anchors, "<w:commentRangeStart w:id=\"{id}\"/><w:commentRangeEnd w:id=\"{id}\"/>{}", comment_reference(id));
            return Ok(format!("<w:p>{ppr}{ins}{runs}</w:ins></w:p>"));
        }
        let ins_ref = self.marks.open("ins");
        Ok(format!(
            "<w:p>{ppr}<w:commentRangeStart w:id=\"{id}\"/>{ins}{runs}</w:ins><w:commentRangeEnd w:id=\"{id}\"/>{ins_ref}{}</w:ins></w:p>",
            comment_reference(id)
        ))
    }
}

/// The largest `w:id` in a part, so new annotations never collide with the draft's own.
fn max_id(xml: &str) -> u64 {
    static ID: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"\bw:id="(\d{1,18})""#).expect("static regex"));
    ID.captures_iter(xml).filter_map(|c| c[1].parse::<u64>().ok()).max().unwrap_or(0)
}

/// How a paragraph of a .docx is formatted, for a blackline to add it to another round: its
/// layout and its runs (formatting without recorded changes, and text).
pub fn formatting(para_xml: &str) -> Result<Formatting, String> {
    let para = tree::parse_paragraph(para_xml)?;
    let layout = Properties::read(para.properties(para_xml).unwrap_or_default()).layout;
    let mut runs: Vec<(String, String)> = Vec::new();
    tree::visit_runs(&para.children, &mut |r| {
        let text: String = r.items.iter().map(|i| i.kind.text()).collect();
        if text.is_empty() {
            return;
        }
        let rpr = r.rpr.clone().map_or_else(String::new, |x| plain_rpr(&para_xml[x]));
        match runs.last_mut() {
            Some((last, t)) if *last == rpr => t.push_str(&text),
            _ => runs.push((rpr, text)),
        }
    });
    Ok(Formatting::Docx { layout, runs })
}

/// A comments part with `comments` added at its end: before `</w:comments>`, or inside an
/// empty root written as one tag (`<w:comments ... />`, as pandoc writes it).
fn comments_added(old: &str, comments: &str) -> Option<String> {
    if let Some(at) = old.rfind("</w:comments>") {
        return Some(format!("{}{comments}{}", &old[..at], &old[at..]));
    }
    let root = old.find("<w:comments")?;
    let close = root + old[root..].find('>')?;
    old[..close].ends_with('/').then(|| format!("{}>{comments}</w:comments>{}", &old[..close - 1], &old[close + 1..]))
}

#[cfg(test)]
mod comments_tests {
    use super::comments_added;

    #[test]
    fn comments_go_into_an_empty_comments_part_written_as_one_tag() {
        let old = r#"<?xml version="1.0"?><w:comments xmlns:w="urn:w" />"#;
        assert_eq!(
            comments_added(old, "<w:comment/>").as_deref(),
            Some(r#"<?xml version="1.0"?><w:comments xmlns:w="urn:w" ><w:comment/></w:comments>"#)
        );
        assert_eq!(comments_added("<w:comments><a/></w:comments>", "<b/>").as_deref(), Some("<w:comments><a/><b/></w:comments>"));
        assert_eq!(comments_added("<w:comments>", "<b/>"), None);
    }
}
