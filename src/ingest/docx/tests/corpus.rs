//! The reader on real drafts from the shared corpus (skipped with a message when absent).

use std::io::{Cursor, Read};
use std::path::PathBuf;

use super::super::DocxText;
use super::{assert_spans_sound, read};

fn corpus_file(name: &str) -> Option<Vec<u8>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev").join(name);
    match std::fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(e) => {
            eprintln!("skipping: corpus file {} is not readable ({e})", path.display());
            None
        }
    }
}

/// The raw XML of each `w:p` in the body, in order (these drafts nest no paragraphs).
fn raw_paragraphs(docx: &[u8]) -> Vec<String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    archive.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    let mut paragraphs = Vec::new();
    let mut rest = xml.as_str();
    while let Some(at) = rest.find("<w:p").filter(|_| !rest.is_empty()) {
        let after = &rest[at..];
        let next = after.as_bytes().get(4).copied();
        if matches!(next, Some(b' ' | b'>')) {
            let end = after.find("</w:p>").map_or(after.len(), |e| e + 6);
            paragraphs.push(after[..end].to_owned());
            rest = &after[end..];
        } else if next == Some(b'/') {
            paragraphs.push(String::new());
            rest = &after[4..];
        } else {
            rest = &after[4..];
        }
    }
    paragraphs
}

/// A paragraph's text the simple way: tags dropped, `<w:tab/>` kept as a tab, entities decoded.
/// Good enough for drafts without fields, breaks or tracked changes.
fn naive_text(paragraph: &str) -> String {
    let mut out = String::new();
    let mut rest = paragraph;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('>').map_or(rest.len(), |c| open + c + 1);
        if &rest[open..close] == "<w:tab/>" {
            out.push('\t');
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// Each span's text is exactly the text of the `w:p` its index names.
fn assert_map_matches_xml(docx: &[u8], doc: &DocxText) {
    assert_spans_sound(doc);
    let raw = raw_paragraphs(docx);
    for span in &doc.paragraphs {
        let paragraph = raw.get(span.xml_index).unwrap_or_else(|| panic!("no w:p number {}", span.xml_index));
        assert_eq!(&doc.text[span.text_start..span.end], naive_text(paragraph), "w:p {}", span.xml_index);
    }
}

fn lines(doc: &DocxText) -> Vec<&str> {
    doc.text.split("\n\n").collect()
}

#[test]
fn openagreements_ciiaa_reads_with_clause_numbers() {
    let Some(bytes) = corpus_file("openagreements-ciiaa.docx") else { return };
    let doc = read(&bytes);
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
    for phrase in [
        "Confidentiality & Invention Assignment Agreement (CIIAA)\n\nCover Terms",
        "Company | [Legal name of employer]",
        "1. Defined Terms\n\n1.1 “Covered Inventions” means all inventions, software, works of authorship",
        "1.2 “Confidential Information” means non-public information",
        "2. Assignment of Inventions\n\nEmployee hereby assigns, and agrees to assign, to Company all right, title, and interest",
        "3. Work Made for Hire and Further Assurances",
        "transferable, and sublicensable license to make, use, modify, reproduce, distribute",
        "24. Advice of Counsel and Construction",
    ] {
        assert!(doc.text.contains(phrase), "missing {phrase:?}");
    }
    let headings: Vec<&str> =
        lines(&doc).into_iter().filter(|l| l.split_once(". ").is_some_and(|(n, _)| n.parse::<u32>().is_ok())).collect();
    assert_eq!(headings.len(), 24, "{headings:#?}");
    for (i, heading) in headings.iter().enumerate() {
        assert!(heading.starts_with(&format!("{}. ", i + 1)), "{heading}");
    }
    assert_map_matches_xml(&bytes, &doc);
}

#[test]
fn commonpaper_psa_reads_with_clause_numbers_from_heading_styles() {
    let Some(bytes) = corpus_file("commonpaper-psa.docx") else { return };
    let doc = read(&bytes);
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
    for phrase in [
        "SOW and Agreement | This SOW {sow_number} (“SOW”) incorporates the Agreement",
        "3.1 Deliverables. Except for Pre-Existing Materials and Third-Party Materials, Provider assigns all right, title, and interest in the Deliverables",
        "3.3 Pre-Existing Materials.  To the extent Provider incorporates Pre-Existing Materials into Deliverables, Provider grants Customer a non-exclusive, non-transferrable, perpetual",
        "3.4 Third-Party Materials.\n\n(a) Provider may incorporate Third-Party Materials into Deliverables only if allowed in the SOW",
        "(c) Customer is responsible for obtaining all rights",
        "3.5 Feedback and Usage Data.",
    ] {
        assert!(doc.text.contains(phrase), "missing {phrase:?}");
    }
    // The clause headings are "Heading 1" paragraphs numbered through the style. An empty
    // Heading 1 paragraph that carries the cover page's section break comes first and takes
    // number 1, as it does in Word, so the Standard Terms start at 2.
    let titles = [
        "Services",
        "Intellectual Property",
        "Privacy & Security",
        "Payment & Taxes",
        "Term & Termination",
        "Representations & Warranties",
        "Disclaimer of Warranties",
        "Limitation of Liability",
        "Indemnification",
        "Insurance",
        "Confidentiality",
        "General Terms",
        "Definitions",
    ];
    let all = lines(&doc);
    for (i, title) in titles.iter().enumerate() {
        let heading = format!("{}. {title}", i + 2);
        assert!(all.iter().any(|l| l.trim_end() == heading), "missing heading {heading:?}");
    }
    assert_map_matches_xml(&bytes, &doc);
}
