//! The redline as a Word document with real tracked changes (`w:del`/`w:ins`, deleted words in
//! `w:delText`) and a comment on each change. A .docx draft keeps every part but the body's
//! changed paragraphs byte for byte (`patch`); a text or Markdown draft becomes a fresh, plainly
//! styled document (`fresh`). Comments are signed with the author and say what `notes` gives
//! their audience.

mod align;
mod body;
mod fresh;
mod mark;
mod package;
mod patch;
mod rewrite;
mod tree;

use std::fmt::Write;

use super::notes::{self, Audience, Line};
use super::{Change, DocxDraft, Formatting, Redline};

pub const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
pub const COMMENTS_TYPE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
pub const COMMENTS_CONTENT_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";

/// Writes the .docx; the error says what in the draft's package was unusable.
pub fn render(redline: &Redline, clean: bool, audience: Audience) -> Result<Vec<u8>, String> {
    let marks = Marks::new(&redline.options.author, &redline.options.date, audience);
    match &redline.draft.docx {
        Some(source) => patch::render(redline, source, clean, marks),
        None => fresh::render(redline, clean, marks),
    }
}

/// How each paragraph of a .docx draft is formatted (layout and runs), and whether it sits in
/// a table.
pub fn paragraph_formatting(source: &DocxDraft) -> Result<Vec<(Formatting, bool)>, String> {
    let mut pkg = package::Package::open(&source.bytes)?;
    let main = pkg.main.clone();
    let xml = pkg.read(&main)?.ok_or_else(|| format!("the package has no main document part {main}"))?;
    let body = body::Body::read(&xml)?;
    source
        .xml_index
        .iter()
        .map(|&xi| {
            let span = body.spans.get(xi).ok_or_else(|| format!("the document body has no paragraph {xi}"))?;
            Ok((patch::formatting(&xml[span.clone()])?, body.table_end[xi].is_some()))
        })
        .collect()
}

/// Who made the changes and when, whom the comments are for, and the next free annotation id.
pub struct Marks<'a> {
    pub author: &'a str,
    pub date: &'a str,
    pub audience: Audience,
    next_id: u64,
}

impl<'a> Marks<'a> {
    pub fn new(author: &'a str, date: &'a str, audience: Audience) -> Self {
        Self { author, date, audience, next_id: 1 }
    }

    /// Annotation ids from `first` on (a draft's own comments and revisions keep theirs).
    pub fn starting_at(self, first: u64) -> Self {
        Self { next_id: first, ..self }
    }

    pub fn id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id - 1
    }

    /// `<w:ins …>` or `<w:del …>` opening tag with a fresh id.
    pub fn open(&mut self, tag: &str) -> String {
        let id = self.id();
        format!("<w:{tag} w:id=\"{id}\" w:author=\"{}\" w:date=\"{}\">", esc(self.author), esc(self.date))
    }

    /// A paragraph mark recorded as inserted or deleted (`tag` is `ins` or `del`): the empty
    /// `<w:ins …/>` or `<w:del …/>` that goes in `w:pPr/w:rPr`.
    pub fn mark_as(&mut self, tag: &str) -> String {
        let id = self.id();
        format!("<w:{tag} w:id=\"{id}\" w:author=\"{}\" w:date=\"{}\"/>", esc(self.author), esc(self.date))
    }

    pub fn initials(&self) -> String {
        let s: String = self.author.split_whitespace().filter_map(|w| w.chars().next()).filter(|c| c.is_alphanumeric()).take(3).collect();
        s.to_uppercase()
    }
}

/// Escapes text for XML content and attributes, dropping characters XML 1.0 cannot hold.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}') => {}
            c => out.push(c),
        }
    }
    out
}

/// The content of a run holding `text`: `w:t` (or `w:delText` when deleted), with tabs and line
/// breaks as `w:tab` and `w:br`.
pub fn run_content(text: &str, deleted: bool) -> String {
    let tag = if deleted { "w:delText" } else { "w:t" };
    let mut out = String::new();
    let mut chunk = String::new();
    let flush = |out: &mut String, chunk: &mut String| {
        if !chunk.is_empty() {
            let _ = write!(out, "<{tag} xml:space=\"preserve\">{}</{tag}>", esc(chunk));
            chunk.clear();
        }
    };
    for c in text.chars() {
        match c {
            '\t' => {
                flush(&mut out, &mut chunk);
                out.push_str("<w:tab/>");
            }
            '\n' => {
                flush(&mut out, &mut chunk);
                out.push_str("<w:br/>");
            }
            '\r' => {}
            c => chunk.push(c),
        }
    }
    flush(&mut out, &mut chunk);
    out
}

/// A whole run: `<w:r>` with its properties (raw `w:rPr`, may be empty) and text.
pub fn run(rpr: &str, text: &str, deleted: bool) -> String {
    format!("<w:r>{rpr}{}</w:r>", run_content(text, deleted))
}

/// The run that anchors a comment in the text.
pub fn comment_reference(id: u64) -> String {
    format!("<w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr><w:commentReference w:id=\"{id}\"/></w:r>")
}

/// One `w:comment` for the comments part: a paragraph per line `notes` gives the audience (the
/// internal copy numbers the change, as the summary does).
pub fn comment(id: u64, change: &Change, marks: &Marks<'_>) -> String {
    let paragraphs: Vec<String> = notes::lines(change, marks.audience)
        .iter()
        .map(|line| match line {
            Line::What(_) => format!("Change {}. {}", change.id, line.text()),
            _ => line.text(),
        })
        .collect();
    let mut out = format!(
        "<w:comment w:id=\"{id}\" w:author=\"{}\" w:date=\"{}\" w:initials=\"{}\">",
        esc(marks.author),
        esc(marks.date),
        esc(&marks.initials())
    );
    for (i, p) in paragraphs.iter().enumerate() {
        out.push_str("<w:p><w:pPr><w:pStyle w:val=\"CommentText\"/></w:pPr>");
        if i == 0 {
            out.push_str("<w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr><w:annotationRef/></w:r>");
        }
        let _ = write!(out, "{}</w:p>", run("", p, false));
    }
    out.push_str("</w:comment>");
    out
}

/// A comments part holding `comments` (each a `w:comment`).
pub fn comments_part(comments: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\">{comments}</w:comments>"
    )
}

/// `rpr` (a raw `<w:rPr>…</w:rPr>`, or empty) with bold added, for a new clause's heading. The
/// schema orders `w:rPr` children; `w:b` comes after `w:rStyle` and `w:rFonts` only.
pub fn bold(rpr: &str) -> String {
    let open_end = rpr.find('>').map_or(0, |i| i + 1);
    if rpr.is_empty() || rpr[..open_end].ends_with("/>") {
        return "<w:rPr><w:b/><w:bCs/></w:rPr>".to_owned();
    }
    let close = rpr.rfind("</w:rPr>").unwrap_or(rpr.len()).max(open_end);
    let mut out = String::from(&rpr[..open_end]);
    let mut placed = false;
    for child in tree::split_children(&rpr[open_end..close]) {
        let name = tree::tag_name(child);
        if matches!(name, "w:b" | "w:bCs") {
            continue;
        }
        if !placed && !matches!(name, "w:rStyle" | "w:rFonts") {
            out.push_str("<w:b/><w:bCs/>");
            placed = true;
        }
        out.push_str(child);
    }
    if !placed {
        out.push_str("<w:b/><w:bCs/>");
    }
    out.push_str("</w:rPr>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::{Draft, Kind, Language, NewClause, RedlineOptions};

    /// A .docx of `body` (the children of `w:body`), as the ingest reads it.
    fn docx(body: &str) -> (crate::ingest::Document, Vec<u8>) {
        use std::io::Write as _;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        let parts = [
            ("[Content_Types].xml", r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.to_owned()),
            ("_rels/.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.to_owned()),
            ("word/_rels/document.xml.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>"#.to_owned()),
            ("word/document.xml", format!(r#"<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>"#)),
        ];
        for (name, text) in parts {
            zip.start_file(name, options).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        let bytes = zip.finish().unwrap().into_inner();
        (crate::ingest::from_bytes(std::path::Path::new("t.docx"), &bytes).unwrap(), bytes)
    }

    fn added_after(paragraph: usize, text: &str) -> Change {
        Change {
            id: 1,
            clause_label: String::new(),
            paragraph,
            start: 0,
            end: 0,
            deleted: String::new(),
            inserted: text.to_owned(),
            note: String::new(),
            new_clause: Some(NewClause { template_paragraph: paragraph, ..NewClause::default() }),
            removes_paragraph: false,
            language: Language::LaterRound,
            reasons: Vec::new(),
        }
    }

    fn document_xml(bytes: &[u8]) -> String {
        let mut pkg = package::Package::open(bytes).unwrap();
        pkg.read("word/document.xml").unwrap().unwrap()
    }

    #[test]
    fn a_new_paragraph_never_goes_inside_a_table_and_its_mark_goes_on_the_paragraph_before() {
        let p = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
        let body = format!(
            "{}<w:tbl><w:tr><w:tc>{}</w:tc></w:tr></w:tbl>{}{}",
            p("1. Services."),
            p("Key terms: the Client owns the work."),
            p("2. Term."),
            p("3. Notices.")
        );
        let (doc, bytes) = docx(&body);
        let draft = Draft::from_docx(&doc, bytes).unwrap();
        assert_eq!(draft.paragraphs.len(), 4);
        let options = RedlineOptions { only: crate::library::Severity::Info, author: "A".into(), date: "2026-03-01T00:00:00Z".into() };
        let after_cell =
            Change { note: "Know-how stays with its people.".into(), ..added_after(1, "Residuals. Provider may use its know-how.") };
        let after_term = Change { id: 2, ..added_after(2, "Survival. Clause 1 survives.") };
        let redline = Redline { kind: Kind::CounterProposal, draft, changes: vec![after_cell, after_term], open: Vec::new(), options };
        let xml = document_xml(&render(&redline, false, Audience::Counsel).unwrap());
        let (table_end, residuals) = (xml.find("</w:tbl>").unwrap(), xml.find("Residuals.").unwrap());
        assert!(table_end < residuals && residuals < xml.find("2. Term.").unwrap(), "after the table, not in its cell: {xml}");
        // Its comment is on the cell's paragraph: left in the new paragraph, it would keep it
        // (and its layout) alive when `LibreOffice` rejects it.
        let cell = &xml[xml.find("<w:tc>").unwrap()..table_end];
        assert!(cell.contains("<w:commentReference w:id="), "{cell}");
        let new = &xml[table_end..xml.find("2. Term.").unwrap()];
        assert!(!new.contains("comment"), "{new}");
        // After "2. Term.": its mark is the inserted one, the new paragraph ends with the original.
        let term = &xml[xml.find("<w:p><w:pPr><w:rPr><w:ins ").expect("a paragraph whose mark is inserted")..];
        assert!(term.contains("2. Term.") && term.find("2. Term.") < term.find("Survival."), "{xml}");
        let survival = &xml[xml[..xml.find("Survival.").unwrap()].rfind("<w:p>").unwrap()..];
        assert!(
            !survival[..survival.find("</w:p>").unwrap()].contains("<w:rPr><w:ins "),
            "the last new paragraph keeps the original mark: {survival}"
        );
    }

    #[test]
    fn bold_keeps_schema_order() {
        assert_eq!(bold(""), "<w:rPr><w:b/><w:bCs/></w:rPr>");
        assert_eq!(
            bold("<w:rPr><w:rFonts w:ascii=\"Arial\"/><w:i/><w:sz w:val=\"22\"/></w:rPr>"),
            "<w:rPr><w:rFonts w:ascii=\"Arial\"/><w:b/><w:bCs/><w:i/><w:sz w:val=\"22\"/></w:rPr>"
        );
        assert_eq!(bold("<w:rPr><w:b w:val=\"0\"/></w:rPr>"), "<w:rPr><w:b/><w:bCs/></w:rPr>");
    }

    #[test]
    fn text_becomes_runs_with_tabs_and_breaks() {
        assert_eq!(
            run_content("a\tb<\n", true),
            "<w:delText xml:space=\"preserve\">a</w:delText><w:tab/><w:delText xml:space=\"preserve\">b&lt;</w:delText><w:br/>"
        );
        assert_eq!(esc("x\u{1}\"y\""), "x&quot;y&quot;");
    }
}
