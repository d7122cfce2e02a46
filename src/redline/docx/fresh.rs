//! A new .docx for a plain-text or Markdown draft: one paragraph per paragraph of the draft
//! (hard line breaks joined, Markdown markup dropped), headings styled as headings, and the
//! redline's tracked changes and comments.

use std::fmt::Write as _;
use std::io::{Cursor, Write as _};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::{COMMENTS_CONTENT_TYPE, COMMENTS_TYPE, Marks, R_NS, W_NS, bold, comment, comment_reference, comments_part, esc, run};
use crate::ingest::Format;
use crate::redline::{Change, Piece, Redline, same_text, squeeze};

const STYLES: &str = r#"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:eastAsia="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="100"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="160" w:after="80"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="23"/><w:szCs w:val="23"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style><w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>"#;

const SECTION: &str = r#"<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>"#;

pub fn render(redline: &Redline, clean: bool, mut marks: Marks<'_>) -> Result<Vec<u8>, String> {
    let draft = &redline.draft;
    let mut comments = String::new();
    let mut body = String::with_capacity(draft.text.len() * 2);
    for (i, p) in draft.paragraphs.iter().enumerate() {
        let (pieces, after) = redline.pieces(i);
        let style = style_of(draft.format, &draft.text[p.clone()]);
        body.push_str("<w:p>");
        if let Some(s) = style {
            let _ = write!(body, "<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>");
        }
        let last = pieces.len().saturating_sub(1);
        for (k, piece) in pieces.iter().enumerate() {
            match piece {
                Piece::Same(s) => {
                    let s = same_text(s, k, last);
                    if !s.is_empty() {
                        body.push_str(&run("", &s, false));
                    }
                }
                Piece::Changed(c) => replacement(&mut body, c, &mut marks, clean, &mut comments),
            }
        }
        body.push_str("</w:p>");
        for c in after {
            new_clause(&mut body, c, &mut marks, clean, &mut comments);
        }
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:body>{body}{SECTION}</w:body></w:document>"
    );
    let styles = format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"{W_NS}\">{STYLES}</w:styles>");
    let with_comments = !comments.is_empty();
    let mut parts: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", content_types(with_comments)),
        ("_rels/.rels", ROOT_RELS.to_owned()),
        ("docProps/core.xml", core(&redline.options.author, &redline.options.date)),
        ("word/document.xml", document),
        ("word/styles.xml", styles),
        ("word/_rels/document.xml.rels", document_rels(with_comments)),
    ];
    if with_comments {
        parts.push(("word/comments.xml", comments_part(&comments)));
    }
    zip(&parts)
}

/// A struck passage and the words replacing it, with their comment.
fn replacement(body: &mut String, c: &Change, marks: &mut Marks<'_>, clean: bool, comments: &mut String) {
    let inserted = squeeze(&c.inserted);
    if clean {
        if !inserted.is_empty() {
            body.push_str(&run("", &inserted, false));
        }
        return;
    }
    let id = marks.id();
    let del = marks.open("del");
    let _ = write!(body, "<w:commentRangeStart w:id=\"{id}\"/>{del}{}</w:del>", run("", &squeeze(c.deleted.trim()), true));
    if !inserted.is_empty() {
        let ins = marks.open("ins");
        let _ = write!(body, "{ins}{}</w:ins>", run("", &inserted, false));
    }
    let _ = write!(body, "<w:commentRangeEnd w:id=\"{id}\"/>{}", comment_reference(id));
    comments.push_str(&comment(id, c, marks));
}

/// A new clause as its own paragraph: number and heading in bold, then the agency's words.
fn new_clause(body: &mut String, c: &Change, marks: &mut Marks<'_>, clean: bool, comments: &mut String) {
    let Some(new) = &c.new_clause else { return };
    let heading = match &new.number {
        Some(n) => format!("{n} {}.", new.heading.trim_end_matches('.')),
        None => format!("{}.", new.heading.trim_end_matches('.')),
    };
    let runs = format!("{}{}", run(&bold(""), &heading, false), run("", &format!(" {}", squeeze(&c.inserted)), false));
    if clean {
        let _ = write!(body, "<w:p>{runs}</w:p>");
        return;
    }
    let id = marks.id();
    let mark = marks.mark();
    let ins = marks.open("ins");
    let ins_ref = marks.open("ins");
    let _ = write!(
        body,
        "<w:p><w:pPr><w:rPr>{mark}</w:rPr></w:pPr><w:commentRangeStart w:id=\"{id}\"/>{ins}{runs}</w:ins><w:commentRangeEnd w:id=\"{id}\"/>{ins_ref}{}</w:ins></w:p>",
        comment_reference(id)
    );
    comments.push_str(&comment(id, c, marks));
}

/// The paragraph style: Markdown headings by level; in plain text, a short line in capitals.
fn style_of(format: Format, original: &str) -> Option<&'static str> {
    let line = original.trim();
    let level = if format == Format::Markdown && !line.contains('\n') {
        line.bytes().take_while(|&b| b == b'#').count()
    } else {
        let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
        usize::from(!line.contains('\n') && line.len() <= 90 && letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase()))
    };
    match level {
        0 | 7.. => None,
        1 => Some("Heading1"),
        2 => Some("Heading2"),
        _ => Some("Heading3"),
    }
}

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

fn content_types(with_comments: bool) -> String {
    let comments = if with_comments {
        format!("<Override PartName=\"/word/comments.xml\" ContentType=\"{COMMENTS_CONTENT_TYPE}\"/>")
    } else {
        String::new()
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/><Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>{comments}</Types>"
    )
}

fn document_rels(with_comments: bool) -> String {
    let comments =
        if with_comments { format!("<Relationship Id=\"rId2\" Type=\"{COMMENTS_TYPE}\" Target=\"comments.xml\"/>") } else { String::new() };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>{comments}</Relationships>"
    )
}

fn core(author: &str, date: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>Counter-proposal</dc:title><dc:creator>{0}</dc:creator><cp:lastModifiedBy>{0}</cp:lastModifiedBy><dcterms:created xsi:type=\"dcterms:W3CDTF\">{1}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{1}</dcterms:modified></cp:coreProperties>",
        esc(author),
        esc(date)
    )
}

fn zip(parts: &[(&str, String)]) -> Result<Vec<u8>, String> {
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, text) in parts {
        out.start_file(*name, options).map_err(|e| format!("cannot write part {name}: {e}"))?;
        out.write_all(text.as_bytes()).map_err(|e| format!("cannot write part {name}: {e}"))?;
    }
    Ok(out.finish().map_err(|e| format!("cannot finish the .docx: {e}"))?.into_inner())
}
