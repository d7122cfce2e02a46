//! Where each paragraph of a document body sits: its bytes, whether it is inside a table (and
//! where that table ends), and whether its paragraph mark may be struck (a mark followed by
//! another paragraph of the same cell or body; the last mark of a cell or of the body cannot go).

use std::ops::Range;

use quick_xml::Reader;
use quick_xml::events::Event;

/// The `w:p` elements of a main document part, in document order (by start tag).
#[derive(Debug, Clone, Default)]
pub struct Body {
    pub spans: Vec<Range<usize>>,
    /// For each paragraph inside a table, the byte offset where its outermost table ends.
    pub table_end: Vec<Option<usize>>,
    /// Whether the element after the paragraph, in the same parent, is a paragraph.
    pub paragraph_follows: Vec<bool>,
}

impl Body {
    pub fn read(xml: &str) -> Result<Body, String> {
        let mut reader = Reader::from_str(xml);
        let mut body = Body::default();
        // Open elements inside w:body: (name is w:p, paragraph index, is w:tbl).
        let mut open: Vec<Open> = Vec::new();
        // For each open parent (by depth), the paragraph that was its last child, if the last
        // child was one.
        let mut last_child: Vec<Option<usize>> = Vec::new();
        // Paragraphs inside each open outermost table, to be given its end.
        let mut in_table: Vec<usize> = Vec::new();
        let mut in_body = false;
        loop {
            let start = reader.buffer_position() as usize;
            let event = reader.read_event().map_err(|e| format!("document body is not well-formed XML at byte {start}: {e}"))?;
            let end = reader.buffer_position() as usize;
            match event {
                Event::Start(e) if e.name().as_ref() == "w:body" => {
                    in_body = true;
                    last_child.push(None);
                }
                Event::End(e) if e.name().as_ref() == "w:body" => in_body = false,
                Event::Start(e) if in_body => {
                    let paragraph = (e.name().as_ref() == "w:p").then(|| body.begin(start..start, &open, &mut last_child, &mut in_table));
                    if paragraph.is_none() {
                        Body::sibling(&mut last_child);
                    }
                    open.push(Open { paragraph, table: e.name().as_ref() == "w:tbl" });
                    last_child.push(None);
                }
                Event::Empty(e) if in_body => {
                    if e.name().as_ref() == "w:p" {
                        let k = body.begin(start..end, &open, &mut last_child, &mut in_table);
                        if let Some(last) = last_child.last_mut() {
                            *last = Some(k);
                        }
                    } else {
                        Body::sibling(&mut last_child);
                    }
                }
                Event::End(_) if in_body => {
                    last_child.pop();
                    if let Some(closed) = open.pop() {
                        if let Some(k) = closed.paragraph {
                            body.spans[k].end = end;
                            if let Some(last) = last_child.last_mut() {
                                *last = Some(k);
                            }
                        } else if closed.table && !open.iter().any(|o| o.table) {
                            for k in in_table.drain(..) {
                                body.table_end[k] = Some(end);
                            }
                        }
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(body)
    }

    /// A paragraph starts: records it, and that it follows its parent's last child if that was
    /// a paragraph.
    fn begin(&mut self, span: Range<usize>, open: &[Open], last_child: &mut [Option<usize>], in_table: &mut Vec<usize>) -> usize {
        let k = self.spans.len();
        self.sibling_paragraph(last_child);
        self.spans.push(span);
        self.table_end.push(None);
        self.paragraph_follows.push(false);
        if open.iter().any(|o| o.table) {
            in_table.push(k);
        }
        k
    }

    /// An element other than a paragraph starts in the current parent.
    fn sibling(last_child: &mut [Option<usize>]) {
        if let Some(last) = last_child.last_mut() {
            *last = None;
        }
    }

    fn sibling_paragraph(&mut self, last_child: &mut [Option<usize>]) {
        if let Some(Some(k)) = last_child.last_mut().map(Option::take) {
            self.paragraph_follows[k] = true;
        }
    }
}

struct Open {
    paragraph: Option<usize>,
    table: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_and_the_paragraphs_that_follow() {
        let xml = "<w:document><w:body><w:p><w:r/></w:p><w:p/><w:tbl><w:tr><w:tc><w:p>a</w:p><w:p>b</w:p></w:tc></w:tr></w:tbl><w:p>c</w:p><w:sectPr/></w:body></w:document>";
        let body = Body::read(xml).unwrap();
        assert_eq!(body.spans.len(), 5);
        assert_eq!(&xml[body.spans[0].clone()], "<w:p><w:r/></w:p>");
        assert_eq!(&xml[body.spans[1].clone()], "<w:p/>");
        assert_eq!(body.paragraph_follows, [true, false, true, false, false]);
        let table_end = xml.find("</w:tbl>").unwrap() + "</w:tbl>".len();
        assert_eq!(body.table_end, [None, None, Some(table_end), Some(table_end), None]);
    }
}
