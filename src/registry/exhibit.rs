//! Exhibit A: the registry as a dated document to attach to a contract, preceded by the clause
//! that refers to it, in Markdown, HTML or Word. Red-lining the pre-existing IP before any
//! negotiation starts here.

use std::fmt::Write as _;
use std::path::Path;

use super::exhibit_docx::{self, Block};
use super::{Date, Item, Registry};
use crate::library::ClauseLibrary;
use crate::text::html_escape;

pub const TITLE: &str = "Exhibit A: Agency Pre-Existing Intellectual Property";
/// The library clause whose standard text introduces the exhibit.
pub const EXHIBIT_CLAUSE_ID: &str = "pre-existing-ip-exhibit";

/// Used when the library has no `pre-existing-ip-exhibit` clause: the article's Agency IP
/// licence, tied to the list below.
const DEFAULT_CLAUSE: &str = "Agency Pre-Existing IP. The tools, libraries, frameworks, model architectures, training and \
evaluation methodologies, templates and other materials listed in Exhibit A, and Agency's general know-how, were developed \
by Agency before and independently of this Agreement (\"Agency Pre-Existing IP\"). Agency retains all right, title and \
interest in Agency Pre-Existing IP, and nothing in this Agreement assigns or transfers it to Client. To the extent Agency \
Pre-Existing IP is incorporated in the deliverables, Agency grants Client a perpetual, non-exclusive, non-transferable \
license to use it solely as incorporated in those deliverables.";

const COLUMNS: [&str; 7] = ["#", "Name", "Kind", "Description", "Created", "Version", "Evidence"];

/// The clause that refers to the exhibit: the library's standard text, or the built-in one.
pub fn exhibit_clause(library: &ClauseLibrary) -> String {
    library.get(EXHIBIT_CLAUSE_ID).map_or_else(|| DEFAULT_CLAUSE.to_owned(), |c| c.standard_text.trim().to_owned())
}

/// The file formats an exhibit is written in, chosen by the output file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExhibitFormat {
    Markdown,
    Html,
    Docx,
}

impl ExhibitFormat {
    pub fn from_path(path: &Path) -> Result<Self, String> {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Ok(ExhibitFormat::Markdown),
            "html" | "htm" => Ok(ExhibitFormat::Html),
            "docx" => Ok(ExhibitFormat::Docx),
            _ => Err(format!("{}: the exhibit is written as .md, .html or .docx; name the file with one of those", path.display())),
        }
    }
}

/// The exhibit's content, independent of format.
#[derive(Debug, Clone)]
pub struct Exhibit<'a> {
    pub date: Date,
    pub clause: String,
    pub items: Vec<&'a Item>,
}

impl<'a> Exhibit<'a> {
    /// Every item of the registry, oldest first, dated `date`.
    pub fn new(registry: &'a Registry, library: &ClauseLibrary, date: Date) -> Self {
        Exhibit { date, clause: exhibit_clause(library), items: registry.chronological() }
    }

    fn intro(&self) -> String {
        let n = self.items.len();
        format!(
            "The following {n} item{} of Agency Pre-Existing IP existed before this Agreement. Each entry gives the date the \
             item was created and the evidence of that date.",
            if n == 1 { "" } else { "s" }
        )
    }

    fn rows(&self) -> Vec<[String; 7]> {
        self.items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                [
                    (i + 1).to_string(),
                    cell(&item.name),
                    item.kind.label().to_owned(),
                    cell(&item.description),
                    item.created.to_string(),
                    item.version.as_deref().map(cell).unwrap_or_default(),
                    cell(&item.evidence.to_string()),
                ]
            })
            .collect()
    }

    pub fn render(&self, format: ExhibitFormat) -> Result<Vec<u8>, zip::result::ZipError> {
        Ok(match format {
            ExhibitFormat::Markdown => self.markdown().into_bytes(),
            ExhibitFormat::Html => self.html().into_bytes(),
            ExhibitFormat::Docx => self.docx()?,
        })
    }

    pub fn markdown(&self) -> String {
        let mut out = format!("# {TITLE}\n\nDated {}.\n\n## Pre-existing intellectual property\n\n", self.date);
        for para in self.clause.split("\n\n") {
            let _ = write!(out, "{}\n\n", md_escape(&crate::text::one_line(para)));
        }
        let _ = write!(out, "## Schedule of Agency Pre-Existing IP\n\n{}\n\n", self.intro());
        let _ = writeln!(out, "| {} |", COLUMNS.join(" | "));
        let _ = writeln!(out, "|{}|", COLUMNS.map(|c| if c == "#" { "--:" } else { "---" }).join("|"));
        for row in self.rows() {
            let _ = writeln!(out, "| {} |", row.iter().map(|c| md_escape(c)).collect::<Vec<_>>().join(" | "));
        }
        out
    }

    pub fn html(&self) -> String {
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{t}</title>\n<style>\n\
             body {{ font-family: Georgia, serif; max-width: 60em; margin: 2em auto; line-height: 1.4; }}\n\
             table {{ border-collapse: collapse; width: 100%; }}\n\
             th, td {{ border: 1px solid #444; padding: 0.3em 0.5em; vertical-align: top; text-align: left; }}\n\
             th {{ background: #eee; }}\n</style>\n</head>\n<body>\n<h1>{t}</h1>\n<p>Dated <time datetime=\"{d}\">{d}</time>.</p>\n\
             <h2>Pre-existing intellectual property</h2>\n",
            t = html_escape(TITLE),
            d = self.date
        );
        for para in self.clause.split("\n\n") {
            let _ = writeln!(out, "<p>{}</p>", html_escape(&crate::text::one_line(para)));
        }
        let _ = write!(out, "<h2>Schedule of Agency Pre-Existing IP</h2>\n<p>{}</p>\n<table>\n<thead><tr>", html_escape(&self.intro()));
        for c in COLUMNS {
            let _ = write!(out, "<th scope=\"col\">{}</th>", html_escape(c));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in self.rows() {
            out.push_str("<tr>");
            for c in &row {
                let _ = write!(out, "<td>{}</td>", html_escape(c));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n</body>\n</html>\n");
        out
    }

    pub fn docx(&self) -> Result<Vec<u8>, zip::result::ZipError> {
        let mut blocks = vec![
            Block::Title(TITLE.to_owned()),
            Block::Paragraph(format!("Dated {}.", self.date)),
            Block::Heading("Pre-existing intellectual property".to_owned()),
        ];
        blocks.extend(self.clause.split("\n\n").map(|p| Block::Paragraph(crate::text::one_line(p))));
        blocks.push(Block::Heading("Schedule of Agency Pre-Existing IP".to_owned()));
        blocks.push(Block::Paragraph(self.intro()));
        blocks.push(Block::Table {
            header: COLUMNS.iter().map(|c| (*c).to_owned()).collect(),
            widths: vec![4, 14, 12, 32, 11, 8, 19],
            rows: self.rows().into_iter().map(Vec::from).collect(),
        });
        exhibit_docx::write(&blocks, TITLE, self.date)
    }
}

/// Text for a table cell: one line, no control characters.
fn cell(text: &str) -> String {
    crate::text::one_line(text)
}

/// Escapes what Markdown would read as markup (and table cell breaks).
pub fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
