//! Tests of the .docx reader on packages built in the tests, on the corpus, and on garbage.

mod build;
mod content;
mod corpus;
mod limits;
mod map;

use super::{DocxText, extract};

/// Reads a built package, which must succeed.
fn read(bytes: &[u8]) -> DocxText {
    match extract(bytes) {
        Ok(text) => text,
        Err(e) => panic!("extract failed: {e}"),
    }
}

/// Every span lies on char boundaries, in order, without overlap, inside the text.
fn assert_spans_sound(doc: &DocxText) {
    let mut previous_end = 0;
    for span in &doc.paragraphs {
        assert!(span.start >= previous_end && span.start <= span.text_start && span.text_start <= span.end, "{span:?}");
        assert!(span.end <= doc.text.len(), "{span:?}");
        for offset in [span.start, span.text_start, span.end] {
            assert!(doc.text.is_char_boundary(offset), "{span:?}");
        }
        previous_end = span.end;
    }
}
