//! A thin layer over quick-xml for the parts of a .docx: element names resolved by namespace
//! (so a file using another prefix than `w:`, or Strict OOXML, reads the same), entity
//! references folded into text, Markup Compatibility handled, and errors that name the part and
//! the byte at fault.

use std::borrow::Cow;

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use super::DocxError;

const WORDML: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const WORDML_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const MARKUP_COMPATIBILITY: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// The elements the reader acts on. Everything else is `Other` (a `WordprocessingML` element we
/// pass through) or `Foreign` (another namespace: drawings, math, Office extensions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tag {
    // document.xml
    Body,
    P,
    PPr,
    PStyle,
    NumPr,
    Ilvl,
    NumId,
    RPr,
    R,
    T,
    Tab,
    PTab,
    Br,
    Cr,
    NoBreakHyphen,
    FldChar,
    InstrText,
    Ins,
    Del,
    MoveTo,
    MoveFrom,
    DelText,
    DelInstrText,
    Drawing,
    Pict,
    Object,
    PropertyChange,
    SectPr,
    Tbl,
    Tr,
    TrPr,
    Tc,
    // styles.xml
    Styles,
    Style,
    BasedOn,
    // numbering.xml
    Numbering,
    AbstractNum,
    NumStyleLink,
    Lvl,
    Start,
    NumFmt,
    LvlText,
    LvlRestart,
    IsLgl,
    Num,
    AbstractNumId,
    LvlOverride,
    StartOverride,
    // package relationships
    Relationship,
    // mc:AlternateContent and its branches
    AlternateContent,
    Choice,
    Fallback,
    Other,
    Foreign,
}

impl Tag {
    fn wordml(local: &str) -> Tag {
        match local {
            "body" => Tag::Body,
            "p" => Tag::P,
            "pPr" => Tag::PPr,
            "pStyle" => Tag::PStyle,
            "numPr" => Tag::NumPr,
            "ilvl" => Tag::Ilvl,
            "numId" => Tag::NumId,
            "rPr" => Tag::RPr,
            "r" => Tag::R,
            "t" => Tag::T,
            "tab" => Tag::Tab,
            "ptab" => Tag::PTab,
            "br" => Tag::Br,
            "cr" => Tag::Cr,
            "noBreakHyphen" => Tag::NoBreakHyphen,
            "fldChar" => Tag::FldChar,
            "instrText" => Tag::InstrText,
            "ins" => Tag::Ins,
            "del" => Tag::Del,
            "moveTo" => Tag::MoveTo,
            "moveFrom" => Tag::MoveFrom,
            "delText" => Tag::DelText,
            "delInstrText" => Tag::DelInstrText,
            "drawing" => Tag::Drawing,
            "pict" => Tag::Pict,
            "object" => Tag::Object,
            "pPrChange" | "rPrChange" | "tblPrChange" | "trPrChange" | "tcPrChange" | "sectPrChange" | "tblGridChange"
            | "tblPrExChange" | "numberingChange" => Tag::PropertyChange,
            "sectPr" => Tag::SectPr,
            "tbl" => Tag::Tbl,
            "tr" => Tag::Tr,
            "trPr" => Tag::TrPr,
            "tc" => Tag::Tc,
            "styles" => Tag::Styles,
            "style" => Tag::Style,
            "basedOn" => Tag::BasedOn,
            "numbering" => Tag::Numbering,
            "abstractNum" => Tag::AbstractNum,
            "numStyleLink" => Tag::NumStyleLink,
            "lvl" => Tag::Lvl,
            "start" => Tag::Start,
            "numFmt" => Tag::NumFmt,
            "lvlText" => Tag::LvlText,
            "lvlRestart" => Tag::LvlRestart,
            "isLgl" => Tag::IsLgl,
            "num" => Tag::Num,
            "abstractNumId" => Tag::AbstractNumId,
            "lvlOverride" => Tag::LvlOverride,
            "startOverride" => Tag::StartOverride,
            _ => Tag::Other,
        }
    }
}

/// What the walker hands out. Empty elements arrive as an `Open` followed by a `Close`.
pub(super) enum Node<'i> {
    Open(Tag, BytesStart<'i>),
    Close(Tag),
    Text(Cow<'i, str>),
}

/// Walks one XML part. `mc:Choice` branches are skipped and `mc:Fallback` content is read in
/// place of its `mc:AlternateContent` (we are exactly the consumer Fallback exists for), so
/// [`Walker::path`] never shows those wrappers.
pub(super) struct Walker<'i> {
    part: &'i str,
    reader: NsReader<&'i [u8]>,
    /// Every open element, Markup Compatibility wrappers included: closes must pair with opens.
    open: Vec<Tag>,
    /// The open elements the caller sees.
    path: Vec<Tag>,
    /// `w:p` start tags seen so far anywhere in the part, skipped branches included, so that a
    /// paragraph's index matches a plain count over the XML.
    paragraphs: usize,
}

impl<'i> Walker<'i> {
    pub(super) fn new(part: &'i str, xml: &'i str) -> Self {
        let mut reader = NsReader::from_str(xml);
        let config = reader.config_mut();
        config.expand_empty_elements = true;
        config.check_end_names = true;
        Walker { part, reader, open: Vec::new(), path: Vec::new(), paragraphs: 0 }
    }

    /// The next node, or `None` at the end of a well-formed part.
    pub(super) fn next(&mut self) -> Result<Option<Node<'i>>, DocxError> {
        loop {
            let event = self.reader.read_event().map_err(|e| self.error_at(self.reader.error_position(), &e))?;
            match event {
                Event::Start(start) => {
                    let tag = self.tag(&start);
                    if tag == Tag::P {
                        self.paragraphs += 1;
                    }
                    self.open.push(tag);
                    match tag {
                        Tag::Choice => self.skip_branch()?,
                        Tag::AlternateContent | Tag::Fallback => {}
                        _ => {
                            self.path.push(tag);
                            return Ok(Some(Node::Open(tag, start)));
                        }
                    }
                }
                Event::End(_) => match self.open.pop() {
                    Some(Tag::AlternateContent | Tag::Fallback) | None => {}
                    Some(tag) => {
                        self.path.pop();
                        return Ok(Some(Node::Close(tag)));
                    }
                },
                Event::Text(text) => return Ok(Some(Node::Text(text.into_inner()))),
                Event::CData(data) => return Ok(Some(Node::Text(data.into_inner()))),
                Event::GeneralRef(reference) => {
                    let resolved = match reference.resolve_char_ref() {
                        Ok(Some(c)) => Some(c),
                        Ok(None) => predefined_entity(&reference),
                        Err(e) => return Err(self.error_at(self.reader.buffer_position(), &e)),
                    };
                    let Some(c) = resolved else {
                        let reason = format!("unknown entity &{};", &*reference);
                        return Err(self.error_at(self.reader.buffer_position(), &reason));
                    };
                    return Ok(Some(Node::Text(Cow::Owned(c.to_string()))));
                }
                Event::Eof => {
                    if let Some(tag) = self.open.last() {
                        let reason = format!("the part ends inside an unclosed element ({tag:?}, {} open)", self.open.len());
                        return Err(self.error_at(self.reader.buffer_position(), &reason));
                    }
                    return Ok(None);
                }
                Event::Empty(_) | Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
            }
        }
    }

    /// The open elements, outermost first; the last is the element just opened (on `Open`) or
    /// the parent of the element just closed (on `Close`).
    pub(super) fn path(&self) -> &[Tag] {
        &self.path
    }

    pub(super) fn depth(&self) -> usize {
        self.path.len()
    }

    pub(super) fn paragraphs_seen(&self) -> usize {
        self.paragraphs
    }

    /// The value of attribute `local` (any prefix), unescaped.
    pub(super) fn attr(&self, start: &BytesStart<'_>, local: &str) -> Result<Option<String>, DocxError> {
        for attribute in start.attributes() {
            let attribute = attribute.map_err(|e| self.error_at(self.reader.buffer_position(), &e))?;
            if attribute.key.local_name().as_ref() == local {
                let value =
                    attribute.normalized_value(XmlVersion::Implicit1_0).map_err(|e| self.error_at(self.reader.buffer_position(), &e))?;
                return Ok(Some(value.into_owned()));
            }
        }
        Ok(None)
    }

    /// `w:val` as an integer; absent or unparsable values are `None`.
    pub(super) fn int_val(&self, start: &BytesStart<'_>) -> Result<Option<i64>, DocxError> {
        Ok(self.attr(start, "val")?.and_then(|v| v.trim().parse().ok()))
    }

    /// A `WordprocessingML` on/off property: present without `w:val`, or with a true value.
    pub(super) fn on_off(&self, start: &BytesStart<'_>) -> Result<bool, DocxError> {
        Ok(self.attr(start, "val")?.is_none_or(|v| matches!(v.as_str(), "1" | "true" | "on")))
    }

    pub(super) fn error_at(&self, at: u64, reason: &dyn std::fmt::Display) -> DocxError {
        DocxError::Malformed { part: self.part.to_owned(), at, reason: reason.to_string() }
    }

    fn tag(&self, start: &BytesStart<'_>) -> Tag {
        let (namespace, local) = self.reader.resolver().resolve_element(start.name());
        let local = local.as_ref();
        match namespace {
            ResolveResult::Bound(ns) if ns.0 == WORDML || ns.0 == WORDML_STRICT => Tag::wordml(local),
            ResolveResult::Bound(ns) if ns.0 == MARKUP_COMPATIBILITY => match local {
                "AlternateContent" => Tag::AlternateContent,
                "Choice" => Tag::Choice,
                "Fallback" => Tag::Fallback,
                _ => Tag::Foreign,
            },
            ResolveResult::Bound(ns) if ns.0 == RELATIONSHIPS && local == "Relationship" => Tag::Relationship,
            _ => Tag::Foreign,
        }
    }

    /// Skips an `mc:Choice` whose start tag was just read, counting the paragraphs inside.
    fn skip_branch(&mut self) -> Result<(), DocxError> {
        let mut depth = 1usize;
        while depth > 0 {
            match self.reader.read_event().map_err(|e| self.error_at(self.reader.error_position(), &e))? {
                Event::Start(start) => {
                    if self.tag(&start) == Tag::P {
                        self.paragraphs += 1;
                    }
                    depth += 1;
                }
                Event::End(_) => depth -= 1,
                Event::Eof => {
                    return Err(self.error_at(self.reader.buffer_position(), &"the part ends inside an unclosed mc:Choice"));
                }
                _ => {}
            }
        }
        self.open.pop();
        Ok(())
    }
}

fn predefined_entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}
