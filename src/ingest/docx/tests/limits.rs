//! Files that must be refused with a reason, and never a panic.

use proptest::prelude::*;

use super::super::{DocxError, extract};
use super::build::{Docx, RawEntry, deflated_zeros, document, numbered, p, package_rels, raw_zip};

fn refusal(bytes: &[u8]) -> DocxError {
    match extract(bytes) {
        Ok(doc) => panic!("expected a refusal, read {:?}", doc.text),
        Err(e) => e,
    }
}

#[test]
fn bytes_that_are_not_a_zip_are_refused_as_damaged() {
    let reason = refusal(b"PK\x03\x04 but nothing else of a zip archive").to_string();
    assert!(reason.starts_with("not a valid .docx (zip archive is damaged: "), "{reason}");
    assert!(matches!(refusal(b""), DocxError::Damaged(_)));
}

#[test]
fn a_truncated_archive_is_refused_as_damaged() {
    let bytes = Docx::new(&p("Hello")).build();
    for cut in [bytes.len() / 2, bytes.len() - 10] {
        let reason = refusal(&bytes[..cut]).to_string();
        assert!(reason.starts_with("not a valid .docx (zip archive is damaged: "), "{reason}");
    }
}

#[test]
fn an_archive_without_the_main_part_is_not_a_word_document() {
    let bytes = Docx::new("").without("word/document.xml").part("xl/workbook.xml", "<workbook/>").build();
    assert_eq!(refusal(&bytes).to_string(), "not a Word document: no word/document.xml part");
    let bytes = Docx::new("").part("word/document.xml", "<notword/>").build();
    assert_eq!(refusal(&bytes).to_string(), "not a Word document: word/document.xml has no document body (w:body)");
}

#[test]
fn the_main_part_is_found_through_the_package_relationships() {
    let bytes = Docx::new("")
        .without("word/document.xml")
        .part("_rels/.rels", package_rels("/Word/Main.xml"))
        .part("word/main.xml", document(&p("Found via rels")))
        .build();
    assert_eq!(super::read(&bytes).text, "Found via rels");
}

#[test]
fn malformed_xml_is_refused_with_the_byte_at_fault() {
    let xml = document("<w:p><w:r><w:t>Hi</w:r></w:p>");
    let at = xml.find("</w:r>").unwrap();
    let reason = refusal(&Docx::new("").part("word/document.xml", xml.clone()).build()).to_string();
    assert!(reason.starts_with(&format!("word/document.xml is not well-formed XML at byte {at}: ")), "{reason}");

    let unclosed = &xml[..xml.find("<w:sectPr").unwrap()];
    let reason = refusal(&Docx::new("").part("word/document.xml", unclosed).build()).to_string();
    assert!(reason.starts_with("word/document.xml is not well-formed XML at byte"), "{reason}");

    let entity = document("<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>");
    let reason = refusal(&Docx::new("").part("word/document.xml", entity).build()).to_string();
    assert!(reason.ends_with("unknown entity &nbsp;"), "{reason}");
}

/// The rest of a minimal package around a hand-written `word/document.xml` entry.
fn raw_docx(document_entry: RawEntry) -> Vec<u8> {
    raw_zip(&[RawEntry::stored("_rels/.rels", package_rels("word/document.xml").as_bytes()), document_entry])
}

#[test]
fn a_zip_bomb_is_refused_from_its_declared_size() {
    let hundred_mib = 100 << 20;
    let entry = RawEntry {
        name: "word/document.xml".into(),
        data: deflated_zeros(hundred_mib),
        method: 8,
        declared_size: hundred_mib as u32,
        flags: 0,
    };
    let reason = refusal(&raw_docx(entry)).to_string();
    assert_eq!(reason, "word/document.xml unpacks to more than 64 MiB (with the parts read before it); refused as a likely zip bomb");
}

#[test]
fn a_zip_bomb_with_a_lying_size_is_refused_without_unpacking_it() {
    let entry = RawEntry { name: "word/document.xml".into(), data: deflated_zeros(100 << 20), method: 8, declared_size: 2_000, flags: 0 };
    assert!(matches!(refusal(&raw_docx(entry)), DocxError::TooLarge(_) | DocxError::Damaged(_)));
}

#[test]
fn encrypted_entries_are_refused() {
    let xml = document(&p("secret"));
    let entry = RawEntry { flags: 1, ..RawEntry::stored("word/document.xml", xml.as_bytes()) };
    assert_eq!(
        refusal(&raw_docx(entry)).to_string(),
        "word/document.xml is encrypted inside the archive; save an unprotected copy from Word"
    );
}

#[test]
fn unsupported_compression_is_refused() {
    let xml = document(&p("bzip2"));
    let entry = RawEntry { method: 12, ..RawEntry::stored("word/document.xml", xml.as_bytes()) };
    let reason = refusal(&raw_docx(entry)).to_string();
    assert!(reason.starts_with("word/document.xml uses a compression method this reader does not support"), "{reason}");
}

#[test]
fn archives_with_too_many_entries_are_refused() {
    let xml = document(&p("many"));
    let mut entries: Vec<RawEntry> = (0..10_001).map(|i| RawEntry::stored(&format!("junk/{i}"), b"")).collect();
    entries.push(RawEntry::stored("word/document.xml", xml.as_bytes()));
    assert!(matches!(refusal(&raw_zip(&entries)), DocxError::TooManyEntries(10_002)));
}

/// A small but complete draft: numbering, a table, a tracked change.
fn sample(stored: bool) -> Vec<u8> {
    let numbering = super::build::numbering(&format!(
        r#"<w:abstractNum w:abstractNumId="0">{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
        super::build::level(0, "decimal", "%1.", 1),
        super::build::level(1, "lowerLetter", "(%2)", 1)
    ));
    let body = [
        numbered(1, 0, "Ownership."),
        numbered(1, 1, "Client owns the Deliverables"),
        r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Fee</w:t></w:r></w:p></w:tc><w:tc><w:p><w:ins w:id="1" w:author="a"><w:r><w:t>10</w:t></w:r></w:ins></w:p></w:tc></w:tr></w:tbl>"#.to_owned(),
    ]
    .concat();
    let docx = Docx::new(&body).part("word/numbering.xml", numbering);
    if stored { docx.stored().build() } else { docx.build() }
}

#[test]
fn the_sample_reads_whole() {
    let doc = super::read(&sample(true));
    assert_eq!(doc.text, "1. Ownership.\n\n(a) Client owns the Deliverables\n\nFee | 10");
    assert_eq!(super::read(&sample(false)).text, doc.text);
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = extract(&bytes);
        let mut zipped = b"PK\x03\x04".to_vec();
        zipped.extend_from_slice(&bytes);
        let _ = extract(&zipped);
    }

    #[test]
    fn corrupted_drafts_never_panic(
        stored in any::<bool>(),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in proptest::option::of(any::<prop::sample::Index>()),
    ) {
        let mut bytes = sample(stored);
        for (at, byte) in flips {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        if let Some(cut) = cut {
            bytes.truncate(cut.index(bytes.len()));
        }
        let _ = extract(&bytes);
    }
}

proptest! {
    /// Corrupts the XML itself (the zip stays valid), so the damage reaches the XML parser.
    #[test]
    fn corrupted_xml_never_panics(
        part in prop::sample::select(vec!["word/document.xml", "word/numbering.xml", "word/styles.xml", "_rels/.rels"]),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), prop::sample::select(b"<>/&;#x\"'= wpt:".to_vec())), 1..6),
    ) {
        let numbering = super::build::numbering(&format!(
            r#"<w:abstractNum w:abstractNumId="0">{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
            super::build::level(0, "decimal", "%1.", 1)
        ));
        let styles = super::build::styles(r#"<w:style w:type="paragraph" w:styleId="H"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>"#);
        let body = [super::build::styled("H", "Clause &amp; one"), numbered(1, 0, "Two"), p("Three")].concat();
        let mut parts = vec![
            ("word/document.xml", document(&body).into_bytes()),
            ("word/numbering.xml", numbering.into_bytes()),
            ("word/styles.xml", styles.into_bytes()),
            ("_rels/.rels", package_rels("word/document.xml").into_bytes()),
        ];
        let target = parts.iter_mut().find(|(name, _)| *name == part).map(|(_, bytes)| bytes).unwrap();
        for (at, byte) in flips {
            let i = at.index(target.len());
            target[i] = byte;
        }
        let docx = parts.into_iter().fold(Docx::new(""), |docx, (name, bytes)| docx.part(name, bytes));
        let _ = extract(&docx.stored().build());
    }
}
