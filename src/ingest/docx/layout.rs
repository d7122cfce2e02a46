//! Lays the body out as one plain text: paragraphs with their list labels, table rows as
//! `cell | cell` lines, and a span per `w:p` so offsets in the text lead back to the XML.

use super::ParagraphSpan;
use super::body::{Block, Paragraph};
use super::numbering::Labeller;

#[derive(Debug, Default)]
pub(super) struct Layout {
    pub text: String,
    pub paragraphs: Vec<ParagraphSpan>,
}

/// What goes between a piece of text and what came before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Joint {
    /// A new paragraph (or table row): a blank line.
    Paragraph,
    /// The next non-empty cell of a row.
    Cell,
    /// Another paragraph in the same cell.
    Word,
}

pub(super) fn lay_out(blocks: &[Block], labeller: &mut Labeller<'_>) -> Layout {
    let mut layout = Layout::default();
    let mut group: Vec<&Paragraph> = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph(paragraph) => {
                group.push(paragraph);
                if !paragraph.joins_next {
                    layout.group(&group, labeller, Joint::Paragraph);
                    group.clear();
                }
            }
            Block::Row(cells) => {
                if !group.is_empty() {
                    layout.group(&group, labeller, Joint::Paragraph);
                    group.clear();
                }
                layout.row(cells, labeller);
            }
        }
    }
    if !group.is_empty() {
        layout.group(&group, labeller, Joint::Paragraph);
    }
    layout
}

impl Layout {
    fn row(&mut self, cells: &[Vec<Paragraph>], labeller: &mut Labeller<'_>) {
        let mut row_has_text = false;
        for cell in cells {
            let mut cell_has_text = false;
            let mut group: Vec<&Paragraph> = Vec::new();
            for (i, paragraph) in cell.iter().enumerate() {
                group.push(paragraph);
                if paragraph.joins_next && i + 1 < cell.len() {
                    continue;
                }
                let joint = match (row_has_text, cell_has_text) {
                    (false, _) => Joint::Paragraph,
                    (true, false) => Joint::Cell,
                    (true, true) => Joint::Word,
                };
                if self.group(&group, labeller, joint) {
                    row_has_text = true;
                    cell_has_text = true;
                }
                group.clear();
            }
        }
    }

    /// Writes paragraphs that read as one (all but the last have deleted marks) and says whether
    /// anything was written. The list label comes from the first member with text, as the
    /// merged paragraph keeps its formatting; with no text at all, from the surviving mark.
    fn group(&mut self, members: &[&Paragraph], labeller: &mut Labeller<'_>, joint: Joint) -> bool {
        let has_text = |p: &&&Paragraph| !p.text.trim().is_empty();
        let Some(props) = members.iter().find(has_text).or(members.last()) else { return false };
        let label = labeller.label(props.style.as_deref(), props.num);
        if !members.iter().any(|p| has_text(&p)) {
            return false;
        }
        match joint {
            Joint::Paragraph if !self.text.is_empty() => self.text.push_str("\n\n"),
            Joint::Paragraph => {}
            Joint::Cell => self.text.push_str(" | "),
            Joint::Word => self.text.push(' '),
        }
        let mut start = self.text.len();
        if let Some(label) = label {
            self.text.push_str(&label);
            self.text.push(' ');
        }
        for member in members.iter().filter(|p| !p.text.is_empty()) {
            let text_start = self.text.len();
            self.text.push_str(&member.text);
            self.paragraphs.push(ParagraphSpan { start, text_start, end: self.text.len(), xml_index: member.xml_index });
            start = self.text.len();
        }
        true
    }
}
