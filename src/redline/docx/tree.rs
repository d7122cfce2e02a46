//! One `w:p` of a .docx read into the little tree the redline needs: runs with their properties
//! and text (each piece keeping its byte range in the source, so what is not changed is copied
//! byte for byte), the containers that hold runs (hyperlinks, tracked insertions, content
//! controls, simple fields), and everything else kept opaque.

use std::ops::Range;

use quick_xml::Reader;
use quick_xml::events::Event;

/// Elements whose runs are part of the paragraph's text; anything else that is not a run is
/// copied as it is (deleted text, bookmarks, properties, math, proofing marks).
const CONTAINERS: &[&str] =
    &["w:ins", "w:hyperlink", "w:smartTag", "w:sdt", "w:sdtContent", "w:fldSimple", "w:customXml", "w:dir", "w:bdo", "w:moveTo"];

#[derive(Debug, Clone)]
pub enum Node {
    Run(Run),
    Container(Container),
    /// Copied verbatim, no text (paragraph properties, bookmarks, `w:del`, white space).
    Opaque(Range<usize>),
}

#[derive(Debug, Clone)]
pub struct Container {
    pub open: Range<usize>,
    pub children: Vec<Node>,
    /// Empty for a self-closing element.
    pub close: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct Run {
    pub span: Range<usize>,
    /// The `<w:r …>` start tag (the whole element when it is self-closing).
    pub open: Range<usize>,
    pub rpr: Option<Range<usize>>,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone)]
pub struct Item {
    pub raw: Range<usize>,
    pub kind: ItemKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ItemKind {
    Text(String),
    Tab,
    Break,
    NoBreakHyphen,
    /// A field instruction (`w:instrText`): no visible text; `w:delInstrText` when deleted.
    InstrText,
    /// Anything else in a run (field characters, drawings, note references, page-break marks).
    Other,
}

impl ItemKind {
    /// The text the item shows.
    pub fn text(&self) -> &str {
        match self {
            ItemKind::Text(s) => s,
            ItemKind::Tab => "\t",
            ItemKind::Break => "\n",
            ItemKind::NoBreakHyphen => "-",
            ItemKind::InstrText | ItemKind::Other => "",
        }
    }
}

/// A parsed paragraph: its start tag, children and end tag, as ranges of the paragraph's XML.
#[derive(Debug, Clone)]
pub struct Paragraph {
    pub open: Range<usize>,
    pub children: Vec<Node>,
    pub close: Range<usize>,
}

impl Paragraph {
    /// The paragraph's text as its runs show it (tracked insertions included, deletions not).
    pub fn text(&self) -> String {
        let mut out = String::new();
        visit_runs(&self.children, &mut |r| out.extend(r.items.iter().map(|i| i.kind.text())));
        out
    }

    /// The raw `w:pPr`, if any.
    pub fn properties<'x>(&self, xml: &'x str) -> Option<&'x str> {
        self.children.iter().find_map(|n| match n {
            Node::Opaque(r) if xml[r.clone()].starts_with("<w:pPr") => Some(&xml[r.clone()]),
            _ => None,
        })
    }
}

pub fn visit_runs<'a>(nodes: &'a [Node], f: &mut impl FnMut(&'a Run)) {
    for n in nodes {
        match n {
            Node::Run(r) => f(r),
            Node::Container(c) => visit_runs(&c.children, f),
            Node::Opaque(_) => {}
        }
    }
}

type Events<'x> = Reader<&'x [u8]>;

/// Reads one `<w:p …>…</w:p>` (the whole slice).
pub fn parse_paragraph(xml: &str) -> Result<Paragraph, String> {
    let mut reader: Events<'_> = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let (open, self_closing) = loop {
        let start = pos(&reader);
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) if e.name().as_ref() == "w:p" => break (start..pos(&reader), false),
            Event::Empty(e) if e.name().as_ref() == "w:p" => break (start..pos(&reader), true),
            Event::Eof => return Err("no w:p element".into()),
            _ => {}
        }
    };
    if self_closing {
        return Ok(Paragraph { close: open.end..open.end, open, children: Vec::new() });
    }
    let (children, close) = children(&mut reader, xml)?;
    Ok(Paragraph { open, children, close })
}

fn pos(reader: &Events<'_>) -> usize {
    reader.buffer_position() as usize
}

/// Reads children up to the parent's end tag; returns them and the end tag's range.
fn children(reader: &mut Events<'_>, xml: &str) -> Result<(Vec<Node>, Range<usize>), String> {
    let mut nodes = Vec::new();
    loop {
        let start = pos(reader);
        let event = reader.read_event().map_err(|e| e.to_string())?;
        let end = pos(reader);
        match event {
            Event::End(_) => return Ok((nodes, start..end)),
            Event::Eof => return Err("unexpected end of the paragraph".into()),
            Event::Start(e) => {
                let name = e.name().as_ref().to_owned();
                if name == "w:r" {
                    nodes.push(Node::Run(run(reader, xml, start..end)?));
                } else if CONTAINERS.contains(&name.as_str()) {
                    let (kids, close) = children(reader, xml)?;
                    nodes.push(Node::Container(Container { open: start..end, children: kids, close }));
                } else {
                    skip(reader)?;
                    nodes.push(Node::Opaque(start..pos(reader)));
                }
            }
            Event::Empty(e) if e.name().as_ref() == "w:r" => {
                nodes.push(Node::Run(Run { span: start..end, open: start..end, rpr: None, items: Vec::new() }));
            }
            _ => nodes.push(Node::Opaque(start..end)),
        }
    }
}

fn run(reader: &mut Events<'_>, xml: &str, open: Range<usize>) -> Result<Run, String> {
    let mut rpr = None;
    let mut items = Vec::new();
    loop {
        let start = pos(reader);
        let event = reader.read_event().map_err(|e| e.to_string())?;
        let end = pos(reader);
        let kind = match event {
            Event::End(_) => return Ok(Run { span: open.start..end, open, rpr, items }),
            Event::Eof => return Err("unexpected end inside a run".into()),
            Event::Start(e) => {
                let name = e.name().as_ref().to_owned();
                let inner_start = end;
                skip(reader)?;
                let inner = &xml[inner_start..xml[..pos(reader)].rfind("</").unwrap_or(inner_start).max(inner_start)];
                match name.as_str() {
                    "w:rPr" => {
                        rpr = Some(start..pos(reader));
                        continue;
                    }
                    // The reader shows a line break inside `w:t` as a space, byte for byte.
                    "w:t" => ItemKind::Text(unescape(inner)?.replace(['\r', '\n'], " ")),
                    "w:instrText" => ItemKind::InstrText,
                    _ => ItemKind::Other,
                }
            }
            Event::Empty(e) => match e.name().as_ref() {
                "w:rPr" => {
                    rpr = Some(start..end);
                    continue;
                }
                "w:t" => ItemKind::Text(String::new()),
                "w:tab" | "w:ptab" => ItemKind::Tab,
                "w:br" | "w:cr" => ItemKind::Break,
                "w:noBreakHyphen" => ItemKind::NoBreakHyphen,
                _ => ItemKind::Other,
            },
            _ => ItemKind::Other,
        };
        items.push(Item { raw: start..pos(reader), kind });
    }
}

/// Skips to the end of the element just started.
fn skip(reader: &mut Events<'_>) -> Result<(), String> {
    let mut depth = 1usize;
    while depth > 0 {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            Event::Eof => return Err("unexpected end of the document".into()),
            _ => {}
        }
    }
    Ok(())
}

fn unescape(raw: &str) -> Result<String, String> {
    quick_xml::escape::unescape(raw).map(std::borrow::Cow::into_owned).map_err(|e| e.to_string())
}

/// The sibling elements of an XML fragment, each as its raw text (white space between dropped).
pub fn split_children(fragment: &str) -> Vec<&str> {
    let mut reader: Events<'_> = Reader::from_str(fragment);
    let mut out = Vec::new();
    loop {
        let start = pos(&reader);
        match reader.read_event() {
            Ok(Event::Start(_)) => {
                if skip(&mut reader).is_err() {
                    break;
                }
                out.push(&fragment[start..pos(&reader)]);
            }
            Ok(Event::Empty(_)) => out.push(&fragment[start..pos(&reader)]),
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    out
}

/// The qualified name of an element given as raw text ("w:b" for `<w:b w:val="0"/>`).
pub fn tag_name(element: &str) -> &str {
    let rest = element.trim_start().trim_start_matches('<');
    let end = rest.find(|c: char| c.is_whitespace() || c == '>' || c == '/').unwrap_or(rest.len());
    &rest[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_runs_containers_and_text() {
        let xml = r#"<w:p w14:paraId="1"><w:pPr><w:pStyle w:val="Body"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>Client &amp; Co</w:t></w:r><w:bookmarkStart w:id="0" w:name="x"/><w:hyperlink r:id="rId4"><w:r><w:t xml:space="preserve"> owns</w:t><w:tab/></w:r></w:hyperlink><w:del w:id="1" w:author="a"><w:r><w:delText>gone</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>all.</w:t></w:r></w:ins></w:p>"#;
        let p = parse_paragraph(xml).unwrap();
        assert_eq!(p.text(), "Client & Co owns\tall.");
        assert!(p.properties(xml).unwrap().contains("Body"));
        let Node::Run(r) = &p.children[1] else { panic!("run expected") };
        assert_eq!(&xml[r.rpr.clone().unwrap()], "<w:rPr><w:b/></w:rPr>");
        assert_eq!(&xml[p.close.clone()], "</w:p>");
    }

    #[test]
    fn fields_show_their_result_not_their_instruction() {
        let xml = r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF x </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7.3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#;
        assert_eq!(parse_paragraph(xml).unwrap().text(), "7.3");
    }

    #[test]
    fn splits_property_children() {
        let kids = split_children(r#"<w:rFonts w:ascii="A"/><w:color w:val="1"></w:color><w:sz w:val="2"/>"#);
        assert_eq!(kids.iter().map(|k| tag_name(k)).collect::<Vec<_>>(), ["w:rFonts", "w:color", "w:sz"]);
        assert!(parse_paragraph("<w:p><w:r><w:t>open").is_err());
    }
}
