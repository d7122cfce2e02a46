//! The .docx container: a zip archive whose parts are read under hard limits, so that a damaged,
//! encrypted or hostile file is refused with a reason instead of exhausting memory, and whose
//! main document, styles and numbering parts are found the way Word finds them (relationships).

use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::path::Path;

use zip::result::ZipError;
use zip::{SUPPORTED_COMPRESSION_METHODS, ZipArchive};

use super::DocxError;
use super::xml::{Node, Tag, Walker};

/// A .docx has a few dozen entries; thousands mean something else (or an attack on the
/// central-directory parser).
pub(super) const MAX_ENTRIES: u64 = 10_000;
/// Total uncompressed bytes of the parts read. A 250-page contract's document.xml is a few MiB.
pub(super) const MAX_UNPACKED: u64 = 64 << 20;

const DEFAULT_DOCUMENT: &str = "word/document.xml";

/// The parts the reader needs, by their names in the archive.
pub(super) struct Parts {
    pub document: String,
    pub styles: Option<String>,
    pub numbering: Option<String>,
}

pub(super) struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    /// Part names are case-insensitive in OPC; maps the lower-cased name to the entry.
    entries: HashMap<String, usize>,
    /// Uncompressed bytes still allowed.
    budget: u64,
}

impl<'a> Package<'a> {
    pub(super) fn open(bytes: &'a [u8]) -> Result<Self, DocxError> {
        if let Some(declared) = declared_entries(bytes).filter(|&n| n > MAX_ENTRIES) {
            return Err(DocxError::TooManyEntries(declared));
        }
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxError::Damaged(zip_reason(&e)))?;
        if archive.len() as u64 > MAX_ENTRIES {
            return Err(DocxError::TooManyEntries(archive.len() as u64));
        }
        let mut entries = HashMap::new();
        for index in 0..archive.len() {
            if let Some(Ok(name)) = archive.name_for_index(index) {
                entries.entry(normalise(&name)).or_insert(index);
            }
        }
        Ok(Package { archive, entries, budget: MAX_UNPACKED })
    }

    /// Finds the main document through `_rels/.rels`, and its styles and numbering through the
    /// document's own relationships, falling back to the names Word uses.
    pub(super) fn locate_parts(&mut self) -> Result<Parts, DocxError> {
        let from_rels = self.relationship_targets("_rels/.rels", "")?.remove("officeDocument");
        let document = match from_rels {
            Some(target)
                if self.entries.contains_key(&target) && Path::new(&target).extension().is_some_and(|e| e.eq_ignore_ascii_case("xml")) =>
            {
                target
            }
            _ if self.entries.contains_key(DEFAULT_DOCUMENT) => DEFAULT_DOCUMENT.to_owned(),
            _ => return Err(DocxError::NotWord(format!("no {DEFAULT_DOCUMENT} part"))),
        };
        let (folder, file) = document.rsplit_once('/').unwrap_or(("", &document));
        let rels = if folder.is_empty() { format!("_rels/{file}.rels") } else { format!("{folder}/_rels/{file}.rels") };
        let mut targets = self.relationship_targets(&rels, folder)?;
        let mut related = |kind: &str| {
            let fallback = if folder.is_empty() { format!("{kind}.xml") } else { format!("{folder}/{kind}.xml") };
            targets.remove(kind).or(Some(fallback)).filter(|name| self.entries.contains_key(name))
        };
        let styles = related("styles");
        let numbering = related("numbering");
        Ok(Parts { document, styles, numbering })
    }

    /// The text of a part, or `None` if the archive has no such part.
    pub(super) fn read(&mut self, part: &str) -> Result<Option<String>, DocxError> {
        let Some(&index) = self.entries.get(&normalise(part)) else { return Ok(None) };
        let (encrypted, method, declared) = match self.archive.by_index_data(index) {
            Ok(entry) => (entry.encrypted(), entry.compression(), entry.size()),
            Err(e) => return Err(DocxError::Damaged(format!("{part}: {}", zip_reason(&e)))),
        };
        if encrypted {
            return Err(DocxError::Encrypted(part.to_owned()));
        }
        if !SUPPORTED_COMPRESSION_METHODS.contains(&method) {
            return Err(DocxError::UnsupportedCompression { part: part.to_owned(), method: method.to_string() });
        }
        if declared > self.budget {
            return Err(DocxError::TooLarge(part.to_owned()));
        }
        let file = self.archive.by_index(index).map_err(|e| match e {
            ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED) => DocxError::Encrypted(part.to_owned()),
            ZipError::CompressionMethodNotSupported(method) => {
                DocxError::UnsupportedCompression { part: part.to_owned(), method: method.to_string() }
            }
            ZipError::UnsupportedArchive(reason) => DocxError::UnsupportedCompression { part: part.to_owned(), method: reason.to_owned() },
            other => DocxError::Damaged(format!("{part}: {}", zip_reason(&other))),
        })?;
        // The declared size may lie: read at most one byte past what is left of the budget.
        let mut bytes = Vec::with_capacity(usize::try_from(declared).unwrap_or(0).min(1 << 20));
        file.take(self.budget + 1).read_to_end(&mut bytes).map_err(|e| DocxError::Damaged(format!("{part} cannot be unpacked: {e}")))?;
        if bytes.len() as u64 > self.budget {
            return Err(DocxError::TooLarge(part.to_owned()));
        }
        self.budget -= bytes.len() as u64;
        decode(part, &bytes).map(Some)
    }

    /// Relationship type (last path segment) to target part name, for the relationships part
    /// `rels` of a source part in `folder`. A missing or unreadable relationships part gives
    /// no targets: the callers fall back to the usual names.
    fn relationship_targets(&mut self, rels: &str, folder: &str) -> Result<HashMap<String, String>, DocxError> {
        let xml = match self.read(rels) {
            Ok(Some(xml)) => xml,
            Ok(None) | Err(DocxError::Malformed { .. }) => return Ok(HashMap::new()),
            Err(fatal) => return Err(fatal),
        };
        let mut targets = HashMap::new();
        let mut walker = Walker::new(rels, &xml);
        while let Ok(Some(node)) = walker.next() {
            let Node::Open(Tag::Relationship, start) = node else { continue };
            let (Ok(Some(kind)), Ok(Some(target))) = (walker.attr(&start, "Type"), walker.attr(&start, "Target")) else { continue };
            if walker.attr(&start, "TargetMode").ok().flatten().is_some_and(|mode| mode.eq_ignore_ascii_case("External")) {
                continue;
            }
            let kind = kind.rsplit('/').next().unwrap_or_default().to_owned();
            targets.entry(kind).or_insert_with(|| resolve(folder, &target));
        }
        Ok(targets)
    }
}

/// Part text as UTF-8, from UTF-8 (BOM optional) or UTF-16 with a BOM.
fn decode(part: &str, bytes: &[u8]) -> Result<String, DocxError> {
    let utf16 = |rest: &[u8], word: fn([u8; 2]) -> u16| -> Result<String, DocxError> {
        let units = rest.chunks_exact(2).map(|pair| word([pair[0], pair[1]]));
        char::decode_utf16(units).collect::<Result<String, _>>().map_err(|e| DocxError::Malformed {
            part: part.to_owned(),
            at: 0,
            reason: format!("invalid UTF-16 ({e})"),
        })
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
    }
    let skip = if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    match std::str::from_utf8(&bytes[skip..]) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => Err(DocxError::Malformed {
            part: part.to_owned(),
            at: (skip + e.valid_up_to()) as u64,
            reason: "the bytes are not UTF-8 text".to_owned(),
        }),
    }
}

/// The lower-cased part name without a leading slash, with `/` separators.
fn normalise(name: &str) -> String {
    name.trim_start_matches(['/', '\\']).replace('\\', "/").to_ascii_lowercase()
}

/// A relationship target resolved against the source part's folder (`..` and `.` allowed).
fn resolve(folder: &str, target: &str) -> String {
    let target = target.replace('\\', "/");
    let mut segments: Vec<&str> = if target.starts_with('/') { Vec::new() } else { folder.split('/').filter(|s| !s.is_empty()).collect() };
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            other => segments.push(other),
        }
    }
    normalise(&segments.join("/"))
}

/// The entry count an archive declares in its end-of-central-directory record (zip64 included),
/// read before the zip crate builds its index of every entry.
fn declared_entries(bytes: &[u8]) -> Option<u64> {
    const EOCD: &[u8] = b"PK\x05\x06";
    let tail = bytes.len().saturating_sub(22 + usize::from(u16::MAX));
    let at = tail + bytes[tail..].windows(4).rposition(|w| w == EOCD)?;
    let record = bytes.get(at..at + 22)?;
    let total = u16::from_le_bytes([record[10], record[11]]);
    if total != u16::MAX {
        return Some(u64::from(total));
    }
    let locator = bytes.get(at.checked_sub(20)?..at)?;
    if !locator.starts_with(b"PK\x06\x07") {
        return None;
    }
    let offset = usize::try_from(u64::from_le_bytes(locator[8..16].try_into().ok()?)).ok()?;
    let record = bytes.get(offset..offset.checked_add(40)?)?;
    if !record.starts_with(b"PK\x06\x06") {
        return None;
    }
    Some(u64::from_le_bytes(record[32..40].try_into().ok()?))
}

fn zip_reason(error: &ZipError) -> String {
    match error {
        ZipError::InvalidArchive(reason) => reason.to_string(),
        ZipError::Io(e) => e.to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_the_source_folder() {
        assert_eq!(resolve("word", "styles.xml"), "word/styles.xml");
        assert_eq!(resolve("word", "../customXml/item1.xml"), "customxml/item1.xml");
        assert_eq!(resolve("", "/word/Document.xml"), "word/document.xml");
        assert_eq!(resolve("", "word/./document.xml"), "word/document.xml");
    }

    #[test]
    fn declared_entry_count_is_read_from_the_end_record() {
        let mut eocd = b"junkPK\x05\x06".to_vec();
        eocd.extend_from_slice(&[0, 0, 0, 0, 0x11, 0x27, 0x11, 0x27, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(declared_entries(&eocd), Some(10_001));
        assert_eq!(declared_entries(b"PK\x05\x06"), None);
        assert_eq!(declared_entries(b""), None);
    }

    #[test]
    fn parts_decode_from_utf8_with_bom_and_utf16() {
        assert_eq!(decode("p", b"\xEF\xBB\xBF<a/>").unwrap(), "<a/>");
        assert_eq!(decode("p", b"\xFF\xFE<\0a\0/\0>\0").unwrap(), "<a/>");
        let err = decode("word/document.xml", b"<a>\xFF</a>").unwrap_err().to_string();
        assert_eq!(err, "word/document.xml is not well-formed XML at byte 3: the bytes are not UTF-8 text");
    }
}
