//! The issues list as a file: a Word table (.docx, through the one plain-document writer the
//! exhibit uses), a Markdown table (.md) or CSV (.csv, RFC 4180: CRLF, fields quoted when they
//! hold a comma, quote or line break).

use std::fmt::Write as _;
use std::path::Path;

use super::{Audience, IssuesList};
use crate::registry::Date;
use crate::registry::exhibit_docx::{self, Block};
use crate::registry::md_escape;
use crate::text::one_line;

/// The file formats the list is written in, by the output's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Docx,
    Markdown,
    Csv,
}

impl Format {
    pub fn of(path: &Path) -> Result<Format, String> {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
        match ext.as_str() {
            "docx" => Ok(Format::Docx),
            "md" | "markdown" => Ok(Format::Markdown),
            "csv" => Ok(Format::Csv),
            _ => Err(format!("{}: write the issues list as .docx, .md or .csv", path.display())),
        }
    }
}

/// The list's columns, as headed in every format.
fn header(list: &IssuesList) -> Vec<String> {
    let mut header: Vec<String> =
        ["Clause", "Client's position", "Agency's position", "Status", "Proposed resolution"].map(str::to_owned).to_vec();
    if list.audience == Audience::Agency {
        header.push("Notes (internal)".to_owned());
    }
    header
}

fn rows(list: &IssuesList) -> Vec<Vec<String>> {
    list.issues
        .iter()
        .map(|i| {
            let mut row =
                vec![i.clause.clone(), i.client_position.clone(), i.agency_position.clone(), i.status.clone(), i.resolution.clone()];
            if list.audience == Audience::Agency {
                row.push(i.notes.join("\n"));
            }
            row
        })
        .collect()
}

fn title(list: &IssuesList) -> String {
    format!("Issues list: {}", one_line(&list.deal))
}

fn intro(list: &IssuesList, date: Date) -> String {
    let whose = if list.audience == Audience::Agency { " Internal: not for the other side." } else { "" };
    format!("Points on the client's draft, {}, as of {date}.{whose}", one_line(&list.draft))
}

pub fn render(list: &IssuesList, format: Format, date: Date) -> Result<Vec<u8>, String> {
    match format {
        Format::Docx => docx(list, date),
        Format::Markdown => Ok(markdown(list, date).into_bytes()),
        Format::Csv => csv(list),
    }
}

fn docx(list: &IssuesList, date: Date) -> Result<Vec<u8>, String> {
    let header = header(list);
    let widths = [12, 22, 22, 10, 24, 16][..header.len()].to_vec();
    let mut blocks =
        vec![Block::Title(title(list)), Block::Paragraph(intro(list, date)), Block::Table { header, widths, rows: rows(list) }];
    if !list.session_notes.is_empty() {
        blocks.push(Block::Heading("Notes on the whole negotiation (internal)".to_owned()));
        blocks.extend(list.session_notes.iter().map(|n| Block::Paragraph(n.clone())));
    }
    exhibit_docx::write(&blocks, &title(list), date).map_err(|e| format!("writing the .docx package: {e}"))
}

fn markdown(list: &IssuesList, date: Date) -> String {
    let cell = |text: &str| md_escape(&one_line(text));
    let line = |cells: &[String]| format!("| {} |\n", cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | "));
    let header = header(list);
    let mut out = format!("# {}\n\n{}\n\n", md_escape(&title(list)), md_escape(&intro(list, date)));
    out.push_str(&line(&header));
    let _ = writeln!(out, "|{}", "---|".repeat(header.len()));
    for row in rows(list) {
        out.push_str(&line(&row));
    }
    if !list.session_notes.is_empty() {
        out.push_str("\n## Notes on the whole negotiation (internal)\n\n");
        for note in &list.session_notes {
            let _ = writeln!(out, "- {}", md_escape(&one_line(note)));
        }
    }
    out
}

fn csv(list: &IssuesList) -> Result<Vec<u8>, String> {
    let mut writer = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(Vec::new());
    for row in std::iter::once(header(list)).chain(rows(list)) {
        let row: Vec<String> = row.iter().map(|c| csv_cell(&crate::text::sanitize(c, true))).collect();
        writer.write_record(&row).map_err(|e| format!("writing CSV: {e}"))?;
    }
    writer.into_inner().map_err(|e| format!("writing CSV: {e}"))
}

/// A cell a spreadsheet would not run as a formula: one opening with `=`, `+`, `-` or `@`
/// (or a tab or carriage return before one) gets a leading `'`, which shows it as text.
fn csv_cell(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issues_list::Issue;

    #[test]
    fn csv_quotes_as_rfc_4180_says() {
        let issue = Issue {
            clause: "§2 Ownership".into(),
            client_position: "“all work product\u{1b}[31m”".into(),
            agency_position: "Deliverables, upon payment".into(),
            status: "Open".into(),
            resolution: "Say \"Schedule A\"\nonly".into(),
            notes: vec!["internal".into()],
        };
        let list = IssuesList {
            audience: Audience::OtherSide,
            deal: "d".into(),
            draft: "r".into(),
            issues: vec![issue],
            session_notes: Vec::new(),
        };
        let csv = String::from_utf8(render(&list, Format::Csv, crate::registry::today()).unwrap()).unwrap();
        assert_eq!(
            csv,
            "Clause,Client's position,Agency's position,Status,Proposed resolution\r\n\
             §2 Ownership,“all work product[31m”,\"Deliverables, upon payment\",Open,\"Say \"\"Schedule A\"\"\nonly\"\r\n"
        );
    }

    /// A cell opening like a formula is shown as text, not run, by the spreadsheet that opens it.
    #[test]
    fn csv_cells_that_open_like_formulas_are_text() {
        let issue = Issue {
            clause: "=HYPERLINK(\"http://x\")".into(),
            client_position: "+1 per deliverable".into(),
            agency_position: "-cmd|' /C calc'!A0".into(),
            status: "@SUM(A1)".into(),
            resolution: "a = b, not a formula".into(),
            notes: Vec::new(),
        };
        let list = IssuesList {
            audience: Audience::OtherSide,
            deal: "d".into(),
            draft: "r".into(),
            issues: vec![issue],
            session_notes: Vec::new(),
        };
        let csv = String::from_utf8(render(&list, Format::Csv, crate::registry::today()).unwrap()).unwrap();
        let row = csv.lines().nth(1).unwrap();
        assert_eq!(row, "\"'=HYPERLINK(\"\"http://x\"\")\",'+1 per deliverable,'-cmd|' /C calc'!A0,'@SUM(A1),\"a = b, not a formula\"");
    }
}
