//! Paragraph properties (`w:pPr`) as tracked changes need them: the paragraph mark recorded as
//! inserted or deleted (in the mark's `w:rPr`), the layout a sibling paragraph shares, the
//! section break a mark carries, and the layout a paragraph had before (`w:pPrChange`). The
//! schema orders `w:pPr`'s children: layout first, then `w:rPr`, `w:sectPr`, `w:pPrChange`.

use super::tree::{self, Node};

/// A `w:pPr` taken apart: its layout children, the mark's run properties (the content of its
/// `w:rPr`), and its section break.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Properties {
    pub layout: String,
    pub mark: String,
    pub section: String,
}

impl Properties {
    /// Reads a raw `<w:pPr>…</w:pPr>` (or an empty string: no properties).
    pub fn read(ppr: &str) -> Properties {
        let mut out = Properties::default();
        for child in children(ppr) {
            match tree::tag_name(child) {
                "w:rPr" => out.mark.push_str(children(child).concat().as_str()),
                "w:sectPr" => out.section.push_str(child),
                // A recorded change of the draft's own is not carried over to another paragraph.
                "w:pPrChange" => {}
                _ => out.layout.push_str(child),
            }
        }
        out
    }

    /// Writes the properties back in schema order, `extra` (a `w:pPrChange`) last.
    pub fn write(&self, extra: &str) -> String {
        let mut out = String::new();
        out.push_str(&self.layout);
        if !self.mark.is_empty() {
            out.push_str("<w:rPr>");
            out.push_str(&self.mark);
            out.push_str("</w:rPr>");
        }
        out.push_str(&self.section);
        out.push_str(extra);
        if out.is_empty() { out } else { format!("<w:pPr>{out}</w:pPr>") }
    }

    /// Records the paragraph mark as inserted or deleted (`revision` is `<w:ins …/>` or
    /// `<w:del …/>`), in the order the schema wants (`w:ins` before `w:del`, both first); a mark
    /// already recorded so by the draft is left as it is.
    pub fn record(&mut self, revision: &str) {
        let name = tree::tag_name(revision);
        let kids = tree::split_children(&self.mark);
        if kids.iter().any(|k| tree::tag_name(k) == name) {
            return;
        }
        let at = if name == "w:del" { kids.iter().take_while(|k| tree::tag_name(k) == "w:ins").count() } else { 0 };
        let mut mark = String::with_capacity(self.mark.len() + revision.len());
        for (i, k) in kids.iter().enumerate() {
            if i == at {
                mark.push_str(revision);
            }
            mark.push_str(k);
        }
        if at >= kids.len() {
            mark.push_str(revision);
        }
        self.mark = mark;
    }
}

/// Layout children (of a `w:pPr`) kept out of any list: its own `w:numPr` replaced by one that
/// names no list (`w:numId` 0, which also overrides a list its style would give), in the place
/// the schema gives it.
pub fn unnumbered(layout: &str) -> String {
    const BEFORE: &[&str] = &["w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl"];
    let mut out = String::with_capacity(layout.len() + 64);
    let mut placed = false;
    for child in tree::split_children(layout) {
        let name = tree::tag_name(child);
        if name == "w:numPr" {
            continue;
        }
        if !placed && !BEFORE.contains(&name) {
            out.push_str(NO_LIST);
            placed = true;
        }
        out.push_str(child);
    }
    if !placed {
        out.push_str(NO_LIST);
    }
    out
}

const NO_LIST: &str = "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"0\"/></w:numPr>";

/// A paragraph (`<w:p …>…</w:p>`) with its mark recorded as `revision`, everything else as it was.
pub fn record(paragraph: &str, revision: &str) -> Result<String, String> {
    edit(paragraph, |p| p.record(revision))
}

/// A paragraph without its section break, and the break it had (empty if none).
pub fn take_section(paragraph: &str) -> Result<(String, String), String> {
    let mut section = String::new();
    let out = edit(paragraph, |p| section = std::mem::take(&mut p.section))?;
    Ok((out, section))
}

/// A paragraph with its `w:pPr` rewritten by `f`.
fn edit(paragraph: &str, f: impl FnOnce(&mut Properties)) -> Result<String, String> {
    let parsed = tree::parse_paragraph(paragraph)?;
    let found = parsed.children.iter().find_map(|n| match n {
        Node::Opaque(r) if paragraph[r.clone()].starts_with("<w:pPr") => Some(r.clone()),
        _ => None,
    });
    let keep_change = |ppr: &str| children(ppr).into_iter().filter(|k| tree::tag_name(k) == "w:pPrChange").collect::<String>();
    match found {
        Some(r) => {
            let old = &paragraph[r.clone()];
            let mut p = Properties::read(old);
            f(&mut p);
            Ok(format!("{}{}{}", &paragraph[..r.start], p.write(&keep_change(old)), &paragraph[r.end..]))
        }
        None if parsed.close.is_empty() => {
            let mut p = Properties::default();
            f(&mut p);
            let open = &paragraph[parsed.open.clone()];
            let open = open.strip_suffix("/>").map_or_else(|| open.to_owned(), |o| format!("{o}>"));
            Ok(format!("{open}{}</w:p>", p.write("")))
        }
        None => {
            let mut p = Properties::default();
            f(&mut p);
            let at = parsed.open.end;
            Ok(format!("{}{}{}", &paragraph[..at], p.write(""), &paragraph[at..]))
        }
    }
}

/// The children of an element given as raw text (none for a self-closing one).
fn children(element: &str) -> Vec<&str> {
    let open_end = element.find('>').map_or(0, |i| i + 1);
    if element.is_empty() || element[..open_end].ends_with("/>") {
        return Vec::new();
    }
    let close = element.rfind("</").unwrap_or(element.len()).max(open_end);
    tree::split_children(&element[open_end..close])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_is_recorded_in_schema_order() {
        let p =
            r#"<w:p><w:pPr><w:pStyle w:val="H2"/><w:rPr><w:b/></w:rPr><w:sectPr><w:pgSz/></w:sectPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>"#;
        assert_eq!(
            record(p, "<w:ins w:id=\"1\"/>").unwrap(),
            r#"<w:p><w:pPr><w:pStyle w:val="H2"/><w:rPr><w:ins w:id="1"/><w:b/></w:rPr><w:sectPr><w:pgSz/></w:sectPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>"#
        );
        let both = record(&record(p, "<w:del w:id=\"2\"/>").unwrap(), "<w:ins w:id=\"1\"/>").unwrap();
        assert!(both.contains(r#"<w:rPr><w:ins w:id="1"/><w:del w:id="2"/><w:b/></w:rPr>"#), "{both}");
        assert_eq!(
            record("<w:p><w:r><w:t>x</w:t></w:r></w:p>", "<w:del/>").unwrap(),
            "<w:p><w:pPr><w:rPr><w:del/></w:rPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>"
        );
        assert_eq!(
            record(r#"<w:p w:rsidR="1"/>"#, "<w:del/>").unwrap(),
            r#"<w:p w:rsidR="1"><w:pPr><w:rPr><w:del/></w:rPr></w:pPr></w:p>"#
        );
    }

    #[test]
    fn a_paragraph_is_kept_out_of_lists_in_schema_order() {
        assert_eq!(
            unnumbered(r#"<w:pStyle w:val="H1"/><w:numPr><w:numId w:val="3"/></w:numPr><w:ind w:left="0"/>"#),
            r#"<w:pStyle w:val="H1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr><w:ind w:left="0"/>"#
        );
        assert_eq!(unnumbered(""), NO_LIST);
    }

    #[test]
    fn a_section_break_is_taken_with_the_mark() {
        let p = r#"<w:p><w:pPr><w:jc w:val="left"/><w:sectPr><w:pgSz/></w:sectPr></w:pPr></w:p>"#;
        let (rest, section) = take_section(p).unwrap();
        assert_eq!(section, "<w:sectPr><w:pgSz/></w:sectPr>");
        assert_eq!(rest, r#"<w:p><w:pPr><w:jc w:val="left"/></w:pPr></w:p>"#);
        let read =
            Properties::read(r#"<w:pPr><w:pStyle w:val="A"/><w:rPr><w:i/></w:rPr><w:pPrChange w:id="3"><w:pPr/></w:pPrChange></w:pPr>"#);
        assert_eq!(read.layout, r#"<w:pStyle w:val="A"/>"#);
        assert_eq!(read.mark, "<w:i/>");
    }
}
