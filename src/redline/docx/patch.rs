//! Tracked changes in the client's own .docx. Only the paragraphs that change are rewritten:
//! their runs are split where a change begins and ends (each piece keeping its `w:rPr`), the
//! struck pieces wrapped in `w:del`, the agency's words added in a `w:ins` run formatted like
//! the words they replace. New clauses copy the layout of a sibling clause. Everything else in
//! `document.xml`, and every other part, is left exactly as it was.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use quick_xml::Reader;
use quick_xml::events::Event;
use regex::Regex;

use super::align::Alignment;
use super::package::{self, Package};
use super::rewrite::{Edit, plain_rpr, rewrite};
use super::tree;
use super::{Marks, bold, comment, comment_reference, comments_part, run_content};
use crate::redline::{Change, DocxDraft, Redline};

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
    let spans = paragraph_spans(&xml)?;
    let first_id = max_id(&xml).max(old_comments.as_deref().map_or(0, max_id)) + 1;
    let mut marks = marks.starting_at(first_id);
    let mut comments = String::new();

    let mut splices: Vec<(Range<usize>, String)> = Vec::new();
    for (i, range) in redline.draft.paragraphs.iter().enumerate() {
        let changes: Vec<&Change> = redline.changes_in(i).collect();
        if changes.is_empty() {
            continue;
        }
        let span = locate(source, &spans, i)?;
        if splices.last().is_some_and(|(r, _)| r.end > span.start) {
            // A paragraph nested in one already rewritten (a text box): leave it.
            continue;
        }
        let para_xml = &xml[span.clone()];
        let para = tree::parse_paragraph(para_xml).map_err(|e| format!("paragraph {} of {main}: {e}", source.xml_index[i]))?;
        // Offsets from the paragraph's own text on follow its runs (the list label is Word's).
        let own = redline.draft.text_starts[i];
        let align = Alignment::new(&redline.draft.text[own..range.end], &para.text());
        let edits: Vec<Edit<'_>> = changes
            .iter()
            .filter(|c| c.new_clause.is_none())
            .map(|c| Edit { a: align.map(c.start.saturating_sub(own)), b: align.map(c.end.saturating_sub(own)), change: c, comment: 0 })
            .collect();
        let mut out = rewrite(para_xml, &para, edits, &mut marks, clean, &mut comments);
        for c in changes.iter().filter(|c| c.new_clause.is_some()) {
            out.push_str(&new_clause(redline, source, &xml, &spans, c, &mut marks, clean, &mut comments)?);
        }
        splices.push((span, out));
    }

    let mut body = String::with_capacity(xml.len() + splices.iter().map(|s| s.1.len()).sum::<usize>());
    let mut at = 0;
    for (span, text) in &splices {
        body.push_str(&xml[at..span.start]);
        body.push_str(text);
        at = span.end;
    }
    body.push_str(&xml[at..]);

    let mut replaced: HashMap<String, Vec<u8>> = HashMap::new();
    let mut added: Vec<(String, Vec<u8>)> = Vec::new();
    replaced.insert(main.clone(), body.into_bytes());
    if !comments.is_empty() {
        if let (Some(name), Some(old)) = (&comments_name, &old_comments) {
            let at = old.rfind("</w:comments>").ok_or_else(|| format!("{name} has no </w:comments>"))?;
            replaced.insert(name.clone(), format!("{}{comments}{}", &old[..at], &old[at..]).into_bytes());
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

/// The byte range of the `w:p` behind paragraph `i` of the draft.
fn locate(source: &DocxDraft, spans: &[Range<usize>], i: usize) -> Result<Range<usize>, String> {
    let xi = *source.xml_index.get(i).ok_or_else(|| format!("paragraph {i} has no place in the document body"))?;
    spans.get(xi).cloned().ok_or_else(|| format!("the document body has no paragraph {xi}"))
}

/// Every `w:p` of the document body, in document order (by start tag).
pub fn paragraph_spans(xml: &str) -> Result<Vec<Range<usize>>, String> {
    let mut reader = Reader::from_str(xml);
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut in_body = false;
    loop {
        let start = reader.buffer_position() as usize;
        match reader.read_event().map_err(|e| format!("document body is not well-formed XML at byte {start}: {e}"))? {
            Event::Start(e) if e.name().as_ref() == "w:body" => in_body = true,
            Event::End(e) if e.name().as_ref() == "w:body" => in_body = false,
            Event::Start(e) if in_body && e.name().as_ref() == "w:p" => {
                open.push(spans.len());
                spans.push(start..start);
            }
            Event::End(e) if in_body && e.name().as_ref() == "w:p" => {
                if let Some(k) = open.pop() {
                    spans[k].end = reader.buffer_position() as usize;
                }
            }
            Event::Empty(e) if in_body && e.name().as_ref() == "w:p" => spans.push(start..reader.buffer_position() as usize),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(spans)
}

/// The largest `w:id` in a part, so new annotations never collide with the draft's own.
fn max_id(xml: &str) -> u64 {
    static ID: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"\bw:id="(\d{1,18})""#).expect("static regex"));
    ID.captures_iter(xml).filter_map(|c| c[1].parse::<u64>().ok()).max().unwrap_or(0)
}

/// A new clause after paragraph `change.paragraph`, laid out like its template paragraph
/// (style, list level: Word numbers it) and, when tracked, marked inserted paragraph mark and all.
#[allow(clippy::too_many_arguments)]
fn new_clause(
    redline: &Redline,
    source: &DocxDraft,
    xml: &str,
    spans: &[Range<usize>],
    change: &Change,
    marks: &mut Marks<'_>,
    clean: bool,
    comments: &mut String,
) -> Result<String, String> {
    let Some(new) = &change.new_clause else { return Ok(String::new()) };
    let span = locate(source, spans, new.template_paragraph)?;
    let template_xml = &xml[span];
    let template = tree::parse_paragraph(template_xml)?;
    // Word shows a number the runs do not hold: the list numbers the new clause too.
    let numbered_by_word = redline.draft.text_starts[new.template_paragraph] > redline.draft.paragraphs[new.template_paragraph].start;
    let mut longest = (0, String::new());
    tree::visit_runs(&template.children, &mut |r| {
        let len: usize = r.items.iter().map(|i| i.kind.text().len()).sum();
        if len > longest.0 {
            longest = (len, r.rpr.clone().map_or_else(String::new, |x| plain_rpr(&template_xml[x])));
        }
    });
    let body_rpr = longest.1;
    let ppr = template.properties(template_xml).map(layout_only).unwrap_or_default();
    let heading = match new.number.as_deref().filter(|_| !numbered_by_word) {
        Some(n) => format!("{n} {}.", new.heading.trim_end_matches('.')),
        None => format!("{}.", new.heading.trim_end_matches('.')),
    };
    let runs = format!(
        "<w:r>{}{}</w:r><w:r>{body_rpr}{}</w:r>",
        bold(&body_rpr),
        run_content(&heading, false),
        run_content(&format!(" {}", change.inserted), false)
    );
    if clean {
        return Ok(format!("<w:p>{}{runs}</w:p>", with_mark(&ppr, "")));
    }
    let id = marks.id();
    let mark = marks.mark();
    let ins = marks.open("ins");
    let ins_ref = marks.open("ins");
    comments.push_str(&comment(id, change, marks));
    Ok(format!(
        "<w:p>{}<w:commentRangeStart w:id=\"{id}\"/>{ins}{runs}</w:ins><w:commentRangeEnd w:id=\"{id}\"/>{ins_ref}{}</w:ins></w:p>",
        with_mark(&ppr, &mark),
        comment_reference(id)
    ))
}

/// A template's `w:pPr` children without its paragraph-mark formatting, section break and
/// recorded changes: only the layout a sibling clause shares.
fn layout_only(ppr: &str) -> String {
    let open_end = ppr.find('>').map_or(0, |i| i + 1);
    if ppr[..open_end].ends_with("/>") {
        return String::new();
    }
    let close = ppr.rfind("</w:pPr>").unwrap_or(ppr.len()).max(open_end);
    tree::split_children(&ppr[open_end..close])
        .into_iter()
        .filter(|k| !matches!(tree::tag_name(k), "w:rPr" | "w:sectPr" | "w:pPrChange"))
        .collect()
}

/// A `w:pPr` from layout children and a paragraph-mark revision (`w:rPr` comes last here).
fn with_mark(layout: &str, mark: &str) -> String {
    match (layout.is_empty(), mark.is_empty()) {
        (true, true) => String::new(),
        (_, false) => format!("<w:pPr>{layout}<w:rPr>{mark}</w:rPr></w:pPr>"),
        (false, true) => format!("<w:pPr>{layout}</w:pPr>"),
    }
}
