//! The paragraph map: each span covers exactly its `w:p`'s text, and `xml_index` counts every
//! `w:p` start tag in the body, wherever it sits.

use super::build::{Docx, document};
use super::{assert_spans_sound, read};

/// Counts `<w:p>` and `<w:p/>` start tags the way a writer scanning the XML would.
fn count_paragraph_tags(xml: &str) -> usize {
    xml.match_indices("<w:p").filter(|(i, _)| matches!(xml.as_bytes().get(i + 4), Some(b'>' | b' ' | b'/'))).count()
}

#[test]
fn every_span_points_at_its_own_paragraph() {
    // Paragraph k says "P<k>" when its text is read at all.
    let p = |k: usize| format!("<w:p><w:r><w:t>P{k}</w:t></w:r></w:p>");
    let body = [
        p(0),
        "<w:p/>".to_owned(), // 1: empty, counted
        format!("<w:tbl><w:tr><w:tc>{}{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>", p(2), p(3), p(4)),
        // 5 holds a text box whose paragraph (6) is counted but not read.
        r"<w:p><w:r><w:t>P5</w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent></w:pict></w:r></w:p>"
            .to_owned(),
        // 7 sits in an mc:Choice: counted, not read.
        r#"<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="w14"><w:p><w:r><w:t>choice</w:t></w:r></w:p></mc:Choice><mc:Fallback/></mc:AlternateContent>"#
            .to_owned(),
        format!("<w:sdt><w:sdtPr/><w:sdtContent>{}</w:sdtContent></w:sdt>", p(8)),
        r#"<w:p><w:del w:id="1" w:author="a"><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>"#.to_owned(), // 9
        format!("<w:customXml w:element=\"x\">{}</w:customXml>", p(10)),
        p(11),
    ]
    .concat();
    let doc = read(&Docx::new(&body).build());
    assert_spans_sound(&doc);
    let read_back: Vec<String> = doc.paragraphs.iter().map(|s| doc.text[s.text_start..s.end].to_owned()).collect();
    let expected: Vec<String> = doc.paragraphs.iter().map(|s| format!("P{}", s.xml_index)).collect();
    assert_eq!(read_back, expected);
    let indexes: Vec<usize> = doc.paragraphs.iter().map(|s| s.xml_index).collect();
    assert_eq!(indexes, [0, 2, 3, 4, 5, 8, 10, 11]);
    assert_eq!(count_paragraph_tags(&document(&body)), 12);
}

#[test]
fn spans_cover_label_and_text_and_nothing_else() {
    let numbering = super::build::numbering(&format!(
        r#"<w:abstractNum w:abstractNumId="0">{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
        super::build::level(0, "decimal", "%1.", 1)
    ));
    let body = [super::build::numbered(1, 0, "Ownership. Café naïve — ü"), super::build::p("Tail")].concat();
    let doc = read(&Docx::new(&body).part("word/numbering.xml", numbering).build());
    assert_eq!(doc.text, "1. Ownership. Café naïve — ü\n\nTail");
    let first = doc.paragraphs[0];
    assert_eq!((first.start, first.text_start), (0, 3));
    assert_eq!(&doc.text[first.start..first.end], "1. Ownership. Café naïve — ü");
    let second = doc.paragraphs[1];
    assert_eq!(second.start, first.end + 2);
    assert_eq!(&doc.text[second.start..second.end], "Tail");
}
