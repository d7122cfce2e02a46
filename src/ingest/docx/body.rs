//! The body of the main document part: paragraphs and table rows in document order, each
//! paragraph with its run text and the properties that decide its list number, read with all
//! tracked changes accepted.

use quick_xml::events::BytesStart;

use super::DocxError;
use super::xml::{Node, Tag, Walker};

/// A paragraph's direct numbering properties (`w:numPr`); either may come from its style instead.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct NumPr {
    pub num_id: Option<i64>,
    pub ilvl: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Paragraph {
    /// Index among all `w:p` start tags in the body (see `ParagraphSpan::xml_index`).
    pub xml_index: usize,
    pub style: Option<String>,
    pub num: NumPr,
    /// The paragraph mark is a tracked deletion (or was moved away): once accepted, this
    /// paragraph runs on into the next one.
    pub joins_next: bool,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Block {
    Paragraph(Paragraph),
    /// A table row: its cells, each the paragraphs in it (nested tables flattened).
    Row(Vec<Vec<Paragraph>>),
}

/// Tracked changes found (and accepted) while reading.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Revisions {
    pub insertions: usize,
    pub deletions: usize,
    pub moved_from: usize,
    pub moved_to: usize,
    pub formatting: usize,
}

impl Revisions {
    /// A move is recorded at both ends; count the side with more pieces.
    pub(super) fn moves(&self) -> usize {
        self.moved_from.max(self.moved_to)
    }

    pub(super) fn is_empty(&self) -> bool {
        self.insertions + self.deletions + self.moves() + self.formatting == 0
    }
}

#[derive(Debug)]
pub(super) struct Body {
    pub blocks: Vec<Block>,
    pub revisions: Revisions,
}

pub(super) fn parse(part: &str, xml: &str) -> Result<Body, DocxError> {
    let mut walker = Walker::new(part, xml);
    let mut reading = Reading::default();
    while let Some(node) = walker.next()? {
        match node {
            Node::Open(tag, start) => reading.open(&walker, tag, &start)?,
            Node::Close(tag) => reading.close(&walker, tag),
            Node::Text(text) => reading.text(&walker, &text),
        }
    }
    if reading.body_start.is_none() {
        return Err(DocxError::NotWord(format!("{part} has no document body (w:body)")));
    }
    Ok(Body { blocks: reading.blocks, revisions: reading.revisions })
}

#[derive(Default)]
struct Reading {
    /// `w:p` tags seen before `w:body` opened; `None` until it does.
    body_start: Option<usize>,
    body_closed: bool,
    /// Depth of the element whose whole subtree is being skipped.
    skip_from: Option<usize>,
    paragraph: Option<OpenParagraph>,
    tables: usize,
    row: Option<Row>,
    cell: Option<Vec<Paragraph>>,
    /// One entry per open complex field: `true` while still in its instructions.
    fields: Vec<bool>,
    blocks: Vec<Block>,
    revisions: Revisions,
}

struct OpenParagraph {
    paragraph: Paragraph,
    depth: usize,
    inserted: usize,
    deleted: usize,
    mark_inserted: bool,
    mark_deleted: bool,
}

#[derive(Default)]
struct Row {
    cells: Vec<Vec<Paragraph>>,
    deleted: bool,
}

impl Reading {
    fn open(&mut self, walker: &Walker<'_>, tag: Tag, start: &BytesStart<'_>) -> Result<(), DocxError> {
        let Some(body_start) = self.body_start else {
            if tag == Tag::Body {
                self.body_start = Some(walker.paragraphs_seen());
            }
            return Ok(());
        };
        if self.body_closed || self.skip_from.is_some() {
            return Ok(());
        }
        let path = walker.path();
        let depth = walker.depth();
        let parent = path.len().checked_sub(2).map(|i| path[i]);
        let in_properties = path[..path.len() - 1].iter().any(|t| matches!(t, Tag::PPr | Tag::RPr | Tag::TrPr | Tag::SectPr));
        match tag {
            Tag::P if self.paragraph.is_some() => self.skip_from = Some(depth),
            Tag::P => {
                let xml_index = walker.paragraphs_seen().saturating_sub(body_start + 1);
                let paragraph = Paragraph { xml_index, ..Paragraph::default() };
                self.paragraph =
                    Some(OpenParagraph { paragraph, depth, inserted: 0, deleted: 0, mark_inserted: false, mark_deleted: false });
            }
            Tag::PStyle if path.ends_with(&[Tag::P, Tag::PPr, Tag::PStyle]) => {
                if let Some(open) = &mut self.paragraph {
                    open.paragraph.style = walker.attr(start, "val")?;
                }
            }
            Tag::Ilvl | Tag::NumId if path.ends_with(&[Tag::P, Tag::PPr, Tag::NumPr, tag]) => {
                if let Some(open) = &mut self.paragraph {
                    let value = walker.int_val(start)?;
                    if tag == Tag::Ilvl { open.paragraph.num.ilvl = value } else { open.paragraph.num.num_id = value }
                }
            }
            Tag::Ins | Tag::Del | Tag::MoveTo | Tag::MoveFrom if path.ends_with(&[Tag::P, Tag::PPr, Tag::RPr, tag]) => {
                if let Some(open) = &mut self.paragraph {
                    match tag {
                        Tag::Ins => open.mark_inserted = true,
                        Tag::Del => (open.mark_deleted, open.paragraph.joins_next) = (true, true),
                        Tag::MoveFrom => open.paragraph.joins_next = true,
                        _ => {}
                    }
                }
            }
            Tag::Del | Tag::MoveFrom if parent == Some(Tag::TrPr) => {
                if let Some(row) = &mut self.row {
                    row.deleted = true;
                }
            }
            _ if in_properties && tag != Tag::PropertyChange => {}
            Tag::Ins => match &mut self.paragraph {
                Some(open) => open.inserted += 1,
                None => self.revisions.insertions += 1,
            },
            Tag::Del => {
                match &mut self.paragraph {
                    Some(open) => open.deleted += 1,
                    None => self.revisions.deletions += 1,
                }
                self.skip_from = Some(depth);
            }
            Tag::MoveFrom => {
                self.revisions.moved_from += 1;
                self.skip_from = Some(depth);
            }
            Tag::MoveTo => self.revisions.moved_to += 1,
            Tag::PropertyChange => {
                self.revisions.formatting += 1;
                self.skip_from = Some(depth);
            }
            Tag::DelText | Tag::InstrText | Tag::DelInstrText | Tag::Drawing | Tag::Pict | Tag::Object | Tag::SectPr => {
                self.skip_from = Some(depth);
            }
            Tag::Tab | Tag::PTab if parent == Some(Tag::R) => self.push("\t"),
            Tag::Br | Tag::Cr if parent == Some(Tag::R) => self.push("\n"),
            Tag::NoBreakHyphen if parent == Some(Tag::R) => self.push("-"),
            Tag::FldChar if parent == Some(Tag::R) => match walker.attr(start, "fldCharType")?.as_deref() {
                Some("begin") => self.fields.push(true),
                Some("separate") => {
                    if let Some(in_instructions) = self.fields.last_mut() {
                        *in_instructions = false;
                    }
                }
                Some("end") => {
                    self.fields.pop();
                }
                _ => {}
            },
            Tag::Tbl => self.tables += 1,
            Tag::Tr if self.tables == 1 => self.row = Some(Row::default()),
            Tag::Tc if self.tables == 1 && self.row.is_some() => self.cell = Some(Vec::new()),
            _ => {}
        }
        Ok(())
    }

    fn close(&mut self, walker: &Walker<'_>, tag: Tag) {
        if self.body_start.is_none() || self.body_closed {
            return;
        }
        let depth = walker.depth();
        if let Some(from) = self.skip_from {
            if depth < from {
                self.skip_from = None;
            }
            return;
        }
        match tag {
            Tag::Body => self.body_closed = true,
            Tag::P if self.paragraph.as_ref().is_some_and(|open| open.depth == depth + 1) => self.finish_paragraph(),
            Tag::Tc if self.tables == 1 => {
                if let (Some(cell), Some(row)) = (self.cell.take(), self.row.as_mut()) {
                    row.cells.push(cell);
                }
            }
            Tag::Tr if self.tables == 1 => {
                if let Some(row) = self.row.take().filter(|row| !row.deleted) {
                    self.blocks.push(Block::Row(row.cells));
                }
            }
            Tag::Tbl => self.tables = self.tables.saturating_sub(1),
            _ => {}
        }
    }

    fn text(&mut self, walker: &Walker<'_>, text: &str) {
        if self.skip_from.is_none() && walker.path().last() == Some(&Tag::T) {
            // A line break typed into `w:t` shows as a space; replaced byte for byte so offsets
            // into the element's content stay simple to map.
            if text.contains(['\r', '\n']) { self.push(&text.replace(['\r', '\n'], " ")) } else { self.push(text) }
        }
    }

    /// Adds visible text to the open paragraph, unless it is part of a field's instructions.
    fn push(&mut self, text: &str) {
        if self.fields.iter().any(|&in_instructions| in_instructions) {
            return;
        }
        if let Some(open) = &mut self.paragraph {
            open.paragraph.text.push_str(text);
        }
    }

    fn finish_paragraph(&mut self) {
        let Some(open) = self.paragraph.take() else { return };
        // Instructions do not run past their paragraph; a field left open there (damaged or
        // hostile) must not hide the rest of the draft.
        while self.fields.last() == Some(&true) {
            self.fields.pop();
        }
        let revisions = &mut self.revisions;
        revisions.insertions += open.inserted + usize::from(open.mark_inserted && open.inserted == 0);
        revisions.deletions += open.deleted + usize::from(open.mark_deleted && open.deleted == 0);
        match &mut self.cell {
            Some(cell) if self.tables > 0 => cell.push(open.paragraph),
            _ => self.blocks.push(Block::Paragraph(open.paragraph)),
        }
    }
}
