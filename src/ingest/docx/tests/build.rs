//! Small .docx files for tests: a builder over the zip writer for well-formed packages, and a
//! hand-written archive for what the zip writer will not produce (lying sizes, encryption flags,
//! prebuilt deflate streams, thousands of entries).

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

pub const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

pub fn package_rels(main: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{main}"/></Relationships>"#
    )
}

pub fn document(body: &str) -> String {
    format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>"#)
}

pub fn numbering(inner: &str) -> String {
    format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {W}>{inner}</w:numbering>"#)
}

pub fn styles(inner: &str) -> String {
    format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W}>{inner}</w:styles>"#)
}

/// A plain paragraph.
pub fn p(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

/// A paragraph with direct numbering.
pub fn numbered(num_id: u32, ilvl: u32, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
    )
}

/// A paragraph in a named style.
pub fn styled(style: &str, text: &str) -> String {
    format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

/// A numbering level definition.
pub fn level(ilvl: u32, format: &str, text: &str, start: u32) -> String {
    format!(r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/></w:lvl>"#)
}

/// Parts of a package, written with the zip crate.
pub struct Docx {
    parts: Vec<(String, Vec<u8>)>,
    method: CompressionMethod,
}

impl Docx {
    /// `[Content_Types].xml`, `_rels/.rels` and a `word/document.xml` with this body.
    pub fn new(body: &str) -> Docx {
        Docx {
            parts: vec![
                ("[Content_Types].xml".into(), CONTENT_TYPES.into()),
                ("_rels/.rels".into(), package_rels("word/document.xml").into_bytes()),
                ("word/document.xml".into(), document(body).into_bytes()),
            ],
            method: CompressionMethod::Deflated,
        }
    }

    /// Adds or replaces a part.
    pub fn part(mut self, name: &str, content: impl Into<Vec<u8>>) -> Docx {
        self.parts.retain(|(n, _)| n != name);
        self.parts.push((name.into(), content.into()));
        self
    }

    pub fn without(mut self, name: &str) -> Docx {
        self.parts.retain(|(n, _)| n != name);
        self
    }

    /// Stores parts uncompressed, so that corrupting bytes reaches the XML parser.
    pub fn stored(mut self) -> Docx {
        self.method = CompressionMethod::Stored;
        self
    }

    pub fn build(&self) -> Vec<u8> {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default().compression_method(self.method);
        for (name, content) in &self.parts {
            zip.start_file(name.as_str(), options).unwrap();
            zip.write_all(content).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }
}

/// One entry of a hand-written archive; sizes and flags are written as given, true or not.
pub struct RawEntry {
    pub name: String,
    pub data: Vec<u8>,
    /// 0 stored, 8 deflate.
    pub method: u16,
    pub declared_size: u32,
    pub flags: u16,
}

impl RawEntry {
    pub fn stored(name: &str, data: &[u8]) -> RawEntry {
        RawEntry { name: name.into(), data: data.to_vec(), method: 0, declared_size: data.len() as u32, flags: 0 }
    }
}

/// A zip archive written byte by byte (CRCs are left at 0 where the data is never reached).
pub fn raw_zip(entries: &[RawEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for entry in entries {
        let offset = out.len() as u32;
        let crc = if entry.method == 0 && entry.flags == 0 { crc32(&entry.data) } else { 0 };
        let fields = |out: &mut Vec<u8>| {
            out.extend_from_slice(&20u16.to_le_bytes());
            out.extend_from_slice(&entry.flags.to_le_bytes());
            out.extend_from_slice(&entry.method.to_le_bytes());
            out.extend_from_slice(&[0, 0, 0x21, 0]); // time, date
            out.extend_from_slice(&crc.to_le_bytes());
            out.extend_from_slice(&(entry.data.len() as u32).to_le_bytes());
            out.extend_from_slice(&entry.declared_size.to_le_bytes());
            out.extend_from_slice(&(entry.name.len() as u16).to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes()); // extra
        };
        out.extend_from_slice(b"PK\x03\x04");
        fields(&mut out);
        out.extend_from_slice(entry.name.as_bytes());
        out.extend_from_slice(&entry.data);

        central.extend_from_slice(b"PK\x01\x02");
        central.extend_from_slice(&20u16.to_le_bytes()); // made by
        fields(&mut central);
        central.extend_from_slice(&[0; 10]); // comment length, disk, internal and external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(entry.name.as_bytes());
    }
    let central_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    let count = u16::try_from(entries.len()).unwrap_or(u16::MAX);
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

/// A raw deflate stream of `n` zero bytes, built directly (a literal, then back-references of
/// 258 bytes at distance 1 in one fixed-Huffman block): 100 MiB costs about 660 KB and no time.
pub fn deflated_zeros(n: u64) -> Vec<u8> {
    let mut bits = BitWriter::default();
    bits.put(1, 1); // final block
    bits.put(1, 2); // fixed Huffman
    let literal_zero = |bits: &mut BitWriter| bits.code(0x30, 8);
    let mut left = n;
    if left > 0 {
        literal_zero(&mut bits);
        left -= 1;
    }
    while left >= 258 {
        bits.code(0b1100_0101, 8); // length code 285: 258 bytes
        bits.code(0, 5); // distance code 0: distance 1
        left -= 258;
    }
    for _ in 0..left {
        literal_zero(&mut bits);
    }
    bits.code(0, 7); // end of block
    bits.finish()
}

#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    current: u32,
    used: u32,
}

impl BitWriter {
    /// Puts `count` bits of `value`, least significant first (header fields, extra bits).
    fn put(&mut self, value: u32, count: u32) {
        for i in 0..count {
            self.current |= ((value >> i) & 1) << self.used;
            self.used += 1;
            if self.used == 8 {
                self.bytes.push(self.current as u8);
                self.current = 0;
                self.used = 0;
            }
        }
    }

    /// Puts a Huffman code, most significant bit first.
    fn code(&mut self, code: u32, length: u32) {
        for i in (0..length).rev() {
            self.put((code >> i) & 1, 1);
        }
    }

    fn finish(mut self) -> Vec<u8> {
        if self.used > 0 {
            self.bytes.push(self.current as u8);
        }
        self.bytes
    }
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}
