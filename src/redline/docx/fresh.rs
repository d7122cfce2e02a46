//! A new .docx for a plain-text or Markdown draft: one paragraph per paragraph of the draft
//! (hard line breaks joined, Markdown markup dropped), headings styled as headings, and the
//! redline's tracked changes and comments.

use std::fmt::Write as _;
use std::io::{Cursor, Write as _};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::{COMMENTS_CONTENT_TYPE, COMMENTS_TYPE, Marks, R_NS, W_NS, bold, comment, comment_reference, comments_part, esc, run};
use crate::ingest::Format;
use crate::redline::{Change, Formatting, Language, Piece, Redline, notes, same_lines, same_text, squeeze};

const STYLES: &str = r#"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:eastAsia="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="100"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="160" w:after="80"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="23"/><w:szCs w:val="23"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style><w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>"#;

const SECTION: &str = r#"<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>"#;

pub fn render(redline: &Redline, clean: bool, marks: Marks<'_>) -> Result<Vec<u8>, String> {
    let draft = &redline.draft;
    let mut w = Writer { marks, clean, comments: String::new(), body: String::with_capacity(draft.text.len() * 2) };
    let count = draft.paragraphs.len();
    for (i, p) in draft.paragraphs.iter().enumerate() {
        for c in redline.added_before(i) {
            w.new_paragraph(c, Mark::Own);
        }
        let (pieces, after) = redline.pieces(i);
        let style = style_of(draft.format, &draft.text[p.clone()]);
        let removed = redline.removes(i);
        // The last paragraph's mark is the document's: it cannot go.
        let mark = if clean {
            String::new()
        } else if removed && i + 1 < count {
            w.marks.mark_as("del")
        } else if !removed && !after.is_empty() {
            // "Enter at the end of the paragraph, then type": its mark is the one inserted.
            w.marks.mark_as("ins")
        } else {
            String::new()
        };
        let _ = write!(w.body, "<w:p>{}", properties(style, &mark, ""));
        let last = pieces.len().saturating_sub(1);
        for (k, piece) in pieces.iter().enumerate() {
            match piece {
                Piece::Same(s) => {
                    let at = s.as_ptr() as usize - draft.analysed.as_ptr() as usize;
                    let s = same_lines(s, &draft.text[at..at + s.len()], k, last);
                    if !s.is_empty() {
                        w.body.push_str(&run("", &s, false));
                    }
                }
                Piece::Changed(c) => w.replacement(c, k, last),
            }
        }
        w.body.push_str("</w:p>");
        let own_marks = clean || removed || mark.is_empty();
        for (k, c) in after.iter().enumerate() {
            let m = if own_marks || k + 1 < after.len() { Mark::Own } else { Mark::Original(style) };
            w.new_paragraph(c, m);
        }
    }
    let Writer { body, comments, .. } = w;
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:body>{body}{SECTION}</w:body></w:document>"
    );
    let styles = format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"{W_NS}\">{STYLES}</w:styles>");
    let with_comments = !comments.is_empty();
    let mut parts: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", content_types(with_comments)),
        ("_rels/.rels", ROOT_RELS.to_owned()),
        ("docProps/core.xml", core(&redline.kind.title(), &redline.options.author, &redline.options.date)),
        ("word/document.xml", document),
        ("word/styles.xml", styles),
        ("word/_rels/document.xml.rels", document_rels(with_comments)),
    ];
    if with_comments {
        parts.push(("word/comments.xml", comments_part(&comments)));
    }
    zip(&parts)
}

/// How a new paragraph's mark is recorded (see `patch` for why).
#[derive(Clone, Copy)]
enum Mark {
    /// As inserted (nothing at all in a clean copy).
    Own,
    /// As the original mark of the paragraph it follows, whose style (given) it records as the
    /// style before when its own differs.
    Original(Option<&'static str>),
}

struct Writer<'a> {
    marks: Marks<'a>,
    clean: bool,
    comments: String,
    body: String,
}

impl Writer<'_> {
    /// A struck passage and the words replacing it (piece `k` of a paragraph's `last + 1`), with
    /// their comment when the change has one for the audience.
    fn replacement(&mut self, c: &Change, k: usize, last: usize) {
        let inserted = squeeze(&c.inserted);
        if self.clean {
            if !inserted.is_empty() {
                self.body.push_str(&run("", &inserted, false));
            }
            return;
        }
        // A later round's words, and the draft's own words edited inside a sentence ("~~an~~ a
        // non-exclusive", "Client~~ or to any other company~~"), keep the spaces around them,
        // which Reject All gives back; a counter-proposal's struck sentence is shown without
        // the spaces its neighbours already have.
        let keeps_spaces = matches!(c.language, Language::LaterRound | Language::Edited { .. });
        let deleted = if keeps_spaces { same_text(&c.deleted, k, last) } else { squeeze(c.deleted.trim()) };
        let id = (!notes::lines(c, self.marks.audience).is_empty()).then(|| self.marks.id());
        if let Some(id) = id {
            let _ = write!(self.body, "<w:commentRangeStart w:id=\"{id}\"/>");
        }
        if !deleted.is_empty() {
            let del = self.marks.open("del");
            let _ = write!(self.body, "{del}{}</w:del>", run("", &deleted, true));
        }
        if !inserted.is_empty() {
            let ins = self.marks.open("ins");
            let _ = write!(self.body, "{ins}{}</w:ins>", run("", &inserted, false));
        }
        if let Some(id) = id {
            let _ = write!(self.body, "<w:commentRangeEnd w:id=\"{id}\"/>{}", comment_reference(id));
            self.comments.push_str(&comment(id, c, &self.marks));
        }
    }

    /// A new paragraph: a new clause (number and heading in bold, then the agency's words), or a
    /// later round's paragraph (its words, styled as that round styles it).
    fn new_paragraph(&mut self, c: &Change, mark: Mark) {
        let Some(new) = &c.new_clause else { return };
        let body_text = squeeze(&c.inserted);
        let runs = if new.heading.is_empty() {
            run("", body_text.trim(), false)
        } else {
            let heading = match &new.number {
                Some(n) => format!("{n} {}.", new.heading.trim_end_matches('.')),
                None => format!("{}.", new.heading.trim_end_matches('.')),
            };
            format!("{}{}", run(&bold(""), &heading, false), run("", &format!(" {body_text}"), false))
        };
        let style = match new.formatting {
            Some(Formatting::Heading(level)) => heading_style(usize::from(level)),
            _ => None,
        };
        if self.clean {
            let _ = write!(self.body, "<w:p>{}{runs}</w:p>", properties(style, "", ""));
            return;
        }
        let (mark, change) = match mark {
            Mark::Own => (self.marks.mark_as("ins"), String::new()),
            Mark::Original(before) if before != style => {
                let open = self.marks.open("pPrChange");
                let was = before.map_or_else(|| "<w:pPr/>".to_owned(), |s| format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>"));
                (String::new(), format!("{open}{was}</w:pPrChange>"))
            }
            Mark::Original(_) => (String::new(), String::new()),
        };
        let ppr = properties(style, &mark, &change);
        let ins = self.marks.open("ins");
        if notes::lines(c, self.marks.audience).is_empty() {
            let _ = write!(self.body, "<w:p>{ppr}{ins}{runs}</w:ins></w:p>");
            return;
        }
        let id = self.marks.id();
        let ins_ref = self.marks.open("ins");
        let _ = write!(
            self.body,
            "<w:p>{ppr}<w:commentRangeStart w:id=\"{id}\"/>{ins}{runs}</w:ins><w:commentRangeEnd w:id=\"{id}\"/>{ins_ref}{}</w:ins></w:p>",
            comment_reference(id)
        );
        self.comments.push_str(&comment(id, c, &self.marks));
    }
}

/// A `w:pPr` from a style, a paragraph-mark revision and a recorded layout change (empty when
/// there is nothing to hold).
fn properties(style: Option<&str>, mark: &str, change: &str) -> String {
    let style = style.map(|s| format!("<w:pStyle w:val=\"{s}\"/>")).unwrap_or_default();
    let mark = if mark.is_empty() { String::new() } else { format!("<w:rPr>{mark}</w:rPr>") };
    if style.is_empty() && mark.is_empty() && change.is_empty() { String::new() } else { format!("<w:pPr>{style}{mark}{change}</w:pPr>") }
}

/// The paragraph style: Markdown headings by level; in plain text, a short line in capitals.
fn style_of(format: Format, original: &str) -> Option<&'static str> {
    heading_style(crate::redline::heading_level(format, original).map_or(0, usize::from))
}

fn heading_style(level: usize) -> Option<&'static str> {
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

fn core(title: &str, author: &str, date: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{2}</dc:title><dc:creator>{0}</dc:creator><cp:lastModifiedBy>{0}</cp:lastModifiedBy><dcterms:created xsi:type=\"dcterms:W3CDTF\">{1}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{1}</dcterms:modified></cp:coreProperties>",
        esc(author),
        esc(date),
        esc(title)
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
