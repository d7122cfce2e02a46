//! Paragraph styles, as far as list numbering needs them: contract templates usually number
//! their clauses through heading styles ("Heading 2" carries `numId` 1, level 1) rather than on
//! each paragraph.

use std::collections::HashMap;

use super::DocxError;
use super::xml::{Node, Tag, Walker};

/// `basedOn` chains longer than this are treated as broken (they may also loop).
const MAX_CHAIN: usize = 32;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Style {
    pub based_on: Option<String>,
    pub num_id: Option<i64>,
    pub ilvl: Option<i64>,
}

/// Where a style's numbering comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct StyleNumbering<'s> {
    pub num_id: i64,
    pub ilvl: Option<i64>,
    /// The style in the chain that carries `numId`; numbering levels can name it (`w:pStyle`).
    pub carrier: &'s str,
}

#[derive(Debug, Clone, Default)]
pub(super) struct Styles {
    styles: HashMap<String, Style>,
    default_paragraph: Option<String>,
}

impl Styles {
    pub(super) fn parse(part: &str, xml: &str) -> Result<Styles, DocxError> {
        let mut walker = Walker::new(part, xml);
        let mut styles = Styles::default();
        let mut current: Option<(String, Style)> = None;
        while let Some(node) = walker.next()? {
            match node {
                Node::Open(Tag::Style, start) if walker.path().ends_with(&[Tag::Styles, Tag::Style]) => {
                    let id = walker.attr(&start, "styleId")?.unwrap_or_default();
                    let is_paragraph = walker.attr(&start, "type")?.is_none_or(|kind| kind == "paragraph");
                    let is_default = walker.attr(&start, "default")?.is_some_and(|v| matches!(v.as_str(), "1" | "true" | "on"));
                    if is_paragraph && is_default && styles.default_paragraph.is_none() {
                        styles.default_paragraph = Some(id.clone());
                    }
                    current = Some((id, Style::default()));
                }
                Node::Open(_, start) => {
                    let Some((_, style)) = &mut current else { continue };
                    let path = walker.path();
                    if path.ends_with(&[Tag::Style, Tag::BasedOn]) {
                        style.based_on = walker.attr(&start, "val")?;
                    } else if path.ends_with(&[Tag::Style, Tag::PPr, Tag::NumPr, Tag::NumId]) {
                        style.num_id = walker.int_val(&start)?;
                    } else if path.ends_with(&[Tag::Style, Tag::PPr, Tag::NumPr, Tag::Ilvl]) {
                        style.ilvl = walker.int_val(&start)?;
                    }
                }
                Node::Close(Tag::Style) if walker.path().ends_with(&[Tag::Styles]) => {
                    if let Some((id, style)) = current.take() {
                        styles.styles.entry(id).or_insert(style);
                    }
                }
                Node::Close(_) | Node::Text(_) => {}
            }
        }
        Ok(styles)
    }

    /// The style a paragraph without `w:pStyle` has.
    pub(super) fn default_paragraph(&self) -> Option<&str> {
        self.default_paragraph.as_deref()
    }

    /// The numbering a style gives, following `basedOn`: `numId` from the nearest style that
    /// has one, `ilvl` from the nearest that has one.
    pub(super) fn numbering(&self, style: &str) -> Option<StyleNumbering<'_>> {
        let mut ilvl = None;
        let mut found: Option<(i64, &str)> = None;
        for (id, style) in self.chain(style) {
            ilvl = ilvl.or(style.ilvl);
            if found.is_none() {
                found = style.num_id.map(|num_id| (num_id, id));
            }
            if found.is_some() && ilvl.is_some() {
                break;
            }
        }
        let (num_id, carrier) = found?;
        Some(StyleNumbering { num_id, ilvl, carrier })
    }

    fn chain<'s>(&'s self, style: &str) -> impl Iterator<Item = (&'s str, &'s Style)> {
        let mut next = self.styles.get_key_value(style);
        std::iter::from_fn(move || {
            let (id, style) = next?;
            next = style.based_on.as_deref().and_then(|parent| self.styles.get_key_value(parent));
            Some((id.as_str(), style))
        })
        .take(MAX_CHAIN)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    #[test]
    fn numbering_is_inherited_through_based_on_and_loops_end() {
        let xml = format!(
            r#"<w:styles {W}>
              <w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>
              <w:style w:type="paragraph" w:styleId="Clause"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
              <w:style w:type="paragraph" w:styleId="SubClause"><w:basedOn w:val="Clause"/>
                <w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr>
                  <w:pPrChange><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:pPrChange></w:pPr></w:style>
              <w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style>
              <w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style>
            </w:styles>"#
        );
        let styles = Styles::parse("word/styles.xml", &xml).unwrap();
        assert_eq!(styles.default_paragraph(), Some("Normal"));
        assert_eq!(styles.numbering("SubClause"), Some(StyleNumbering { num_id: 4, ilvl: Some(1), carrier: "Clause" }));
        assert_eq!(styles.numbering("Clause"), Some(StyleNumbering { num_id: 4, ilvl: None, carrier: "Clause" }));
        assert_eq!(styles.numbering("Normal"), None);
        assert_eq!(styles.numbering("A"), None);
        assert_eq!(styles.numbering("Missing"), None);
    }
}
