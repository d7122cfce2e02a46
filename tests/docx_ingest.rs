//! A .docx through the public entry point: `ingest::load` picks the reader by content and puts
//! the file name in front of the reader's reason.

use std::path::{Path, PathBuf};

use clauseguard::ingest::{self, Format, IngestError};

#[test]
fn a_corpus_docx_loads_as_a_document() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev/openagreements-ciiaa.docx");
    if !path.exists() {
        eprintln!("skipping: {} is absent", path.display());
        return;
    }
    let doc = ingest::load(&path).unwrap();
    assert_eq!(doc.format, Format::Docx);
    assert!(doc.text.contains("2. Assignment of Inventions\n\nEmployee hereby assigns"), "{}", &doc.text[..200]);
    assert_eq!(doc.analysed, doc.text);
}

#[test]
fn a_damaged_docx_is_refused_with_the_file_name_and_the_reason() {
    let err = ingest::from_bytes(Path::new("client-draft.docx"), b"PK\x03\x04 truncated").unwrap_err();
    assert!(matches!(err, IngestError::Unreadable { .. }));
    let message = err.to_string();
    assert!(message.starts_with("client-draft.docx: not a valid .docx (zip archive is damaged: "), "{message}");
}
