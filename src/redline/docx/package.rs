//! The .docx package (a zip of XML parts): finding the main document and its comments part, and
//! writing the package back with only the parts the redline changes replaced. Every other part
//! is copied as the draft stored it, compressed bytes and all.

use std::collections::HashMap;
use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::{COMMENTS_CONTENT_TYPE, COMMENTS_TYPE};

const OFFICE_DOCUMENT: &str = "/officeDocument";
/// Parts larger than this (uncompressed) are refused when read: a zip bomb, not a contract.
const MAX_PART: u64 = 256 * 1024 * 1024;

pub struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    /// The main document part, e.g. `word/document.xml`.
    pub main: String,
}

impl<'a> Package<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Self, String> {
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("not a readable .docx (zip: {e})"))?;
        let mut package = Package { archive, main: String::new() };
        let rels = package.read("_rels/.rels")?.ok_or("not a .docx: no _rels/.rels")?;
        let main = relationships(&rels).into_iter().find(|r| r.kind.ends_with(OFFICE_DOCUMENT)).map(|r| r.target);
        package.main = main.map_or_else(|| "word/document.xml".to_owned(), |t| t.trim_start_matches('/').to_owned());
        Ok(package)
    }

    /// A part's text, None when the package has no such part.
    pub fn read(&mut self, name: &str) -> Result<Option<String>, String> {
        let Ok(file) = self.archive.by_name(name) else { return Ok(None) };
        if file.size() > MAX_PART {
            return Err(format!("part {name} is {} bytes uncompressed; refusing it", file.size()));
        }
        let mut text = String::with_capacity(file.size() as usize);
        file.take(MAX_PART).read_to_string(&mut text).map_err(|e| format!("cannot read part {name}: {e}"))?;
        Ok(Some(text))
    }

    /// The main part's relationships part, e.g. `word/_rels/document.xml.rels`.
    pub fn main_rels(&self) -> String {
        match self.main.rsplit_once('/') {
            Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
            None => format!("_rels/{}.rels", self.main),
        }
    }

    /// Resolves a relationship target of the main part to a part name.
    pub fn resolve(&self, target: &str) -> String {
        if let Some(abs) = target.strip_prefix('/') {
            return abs.to_owned();
        }
        let mut parts: Vec<&str> = self.main.rsplit_once('/').map_or_else(Vec::new, |(dir, _)| dir.split('/').collect());
        for seg in target.split('/') {
            match seg {
                ".." => {
                    parts.pop();
                }
                "." | "" => {}
                s => parts.push(s),
            }
        }
        parts.join("/")
    }

    /// Writes the package: `replaced` parts get new bytes, `added` parts are appended, all
    /// others are copied raw.
    pub fn write(mut self, replaced: &HashMap<String, Vec<u8>>, added: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
        let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(self.archive.decompressed_size().unwrap_or(0) as usize / 3)));
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        let err = |e: zip::result::ZipError| format!("cannot write the .docx: {e}");
        for i in 0..self.archive.len() {
            let name = self.archive.by_index_raw(i).map_err(err)?.name().map_err(err)?.into_owned();
            if let Some(bytes) = replaced.get(&name) {
                out.start_file(name.as_str(), options).map_err(err)?;
                out.write_all(bytes).map_err(|e| format!("cannot write the .docx: {e}"))?;
            } else {
                let file = self.archive.by_index_raw(i).map_err(err)?;
                out.raw_copy_file(file).map_err(err)?;
            }
        }
        for (name, bytes) in added {
            out.start_file(name.as_str(), options).map_err(err)?;
            out.write_all(bytes).map_err(|e| format!("cannot write the .docx: {e}"))?;
        }
        Ok(out.finish().map_err(err)?.into_inner())
    }
}

/// A relationship of a `.rels` part.
#[derive(Debug, Clone, PartialEq)]
pub struct Relationship {
    pub id: String,
    pub kind: String,
    pub target: String,
}

/// The relationships listed in a `.rels` part.
pub fn relationships(rels: &str) -> Vec<Relationship> {
    super::tree::split_children(inner(rels, "Relationships"))
        .into_iter()
        .filter(|e| super::tree::tag_name(e).ends_with("Relationship"))
        .map(|e| Relationship {
            id: attribute(e, "Id").unwrap_or_default(),
            kind: attribute(e, "Type").unwrap_or_default(),
            target: attribute(e, "Target").unwrap_or_default(),
        })
        .collect()
}

/// The comments part named by the main part's relationships, if there is one.
pub fn comments_target(rels: &str) -> Option<String> {
    relationships(rels).into_iter().find(|r| r.kind == COMMENTS_TYPE).map(|r| r.target)
}

/// `rels` with a relationship to `comments.xml` added; the id is new.
pub fn add_comments_relationship(rels: &str) -> Result<String, String> {
    let ids: Vec<String> = relationships(rels).into_iter().map(|r| r.id).collect();
    // One of the first len + 1 numbers is free.
    let next =
        (1..=ids.len() + 1).map(|n| format!("rId{n}")).find(|id| !ids.contains(id)).unwrap_or_else(|| "rIdClauseguardComments".into());
    let at = rels.rfind("</Relationships>").ok_or("the main part's relationships have no </Relationships>")?;
    Ok(format!("{}<Relationship Id=\"{next}\" Type=\"{COMMENTS_TYPE}\" Target=\"comments.xml\"/>{}", &rels[..at], &rels[at..]))
}

/// `types` with the comments part registered (unchanged when it already is).
pub fn add_comments_content_type(types: &str, part: &str) -> Result<String, String> {
    let name = format!("/{part}");
    if types.contains(&format!("PartName=\"{name}\"")) {
        return Ok(types.to_owned());
    }
    let at = types.rfind("</Types>").ok_or("[Content_Types].xml has no </Types>")?;
    Ok(format!("{}<Override PartName=\"{name}\" ContentType=\"{COMMENTS_CONTENT_TYPE}\"/>{}", &types[..at], &types[at..]))
}

/// The content between an element's start and end tags (the whole text if it is missing).
fn inner<'x>(xml: &'x str, local: &str) -> &'x str {
    let open = xml.find(&format!("<{local}")).and_then(|i| xml[i..].find('>').map(|j| i + j + 1));
    let close = xml.rfind(&format!("</{local}>"));
    match (open, close) {
        (Some(o), Some(c)) if o <= c => &xml[o..c],
        _ => xml,
    }
}

/// An attribute's value (unescaped) from a raw start tag.
pub fn attribute(tag: &str, name: &str) -> Option<String> {
    let needle = format!(" {name}=");
    let at = tag.find(&needle)? + needle.len();
    let quote = tag[at..].chars().next()?;
    let rest = &tag[at + 1..];
    let end = rest.find(quote)?;
    quick_xml::escape::unescape(&rest[..end]).ok().map(std::borrow::Cow::into_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RELS: &str = r#"<?xml version="1.0"?><Relationships xmlns="x"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="t" Target="a.xml"/></Relationships>"#;

    #[test]
    fn adds_a_comments_relationship_with_a_new_id() {
        assert_eq!(comments_target(RELS), None);
        let rels = add_comments_relationship(RELS).unwrap();
        assert_eq!(comments_target(&rels).as_deref(), Some("comments.xml"));
        assert!(rels.contains("Id=\"rId2\""));
        assert_eq!(relationships(&rels).len(), 3);
    }

    #[test]
    fn registers_the_comments_content_type_once() {
        let types = r#"<Types xmlns="x"><Default Extension="xml" ContentType="application/xml"/></Types>"#;
        let once = add_comments_content_type(types, "word/comments.xml").unwrap();
        assert!(once.contains(r#"<Override PartName="/word/comments.xml""#));
        assert_eq!(add_comments_content_type(&once, "word/comments.xml").unwrap(), once);
    }

    #[test]
    fn attributes_are_unescaped() {
        assert_eq!(attribute(r#"<R Id='a' Target="x&amp;y.xml"/>"#, "Target").as_deref(), Some("x&y.xml"));
        assert_eq!(attribute("<R/>", "Id"), None);
    }
}
