//! The audit as a standalone HTML page (no scripts, no external resources), from the same
//! outline as the text and Markdown reports.

use std::fmt::Write as _;

use super::AuditReport;
use super::render::{Line, outline};
use crate::text::html_escape as esc;

const STYLE: &str = "body { font-family: system-ui, sans-serif; max-width: 70em; margin: 2em auto; line-height: 1.4; }\n\
h2 { border-bottom: 1px solid #888; margin-top: 2em; } h3 { font-size: 1em; margin-bottom: 0.3em; }\n\
p.field { margin: 0.1em 0 0.1em 1em; } ul { margin-top: 0.1em; }\n\
table { border-collapse: collapse; } th, td { border: 1px solid #888; padding: 0.2em 0.5em; vertical-align: top; text-align: left; }";

/// The report as an HTML document.
pub fn render(report: &AuditReport) -> String {
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>IP audit {}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n",
        esc(&report.generated)
    );
    let mut in_list = false;
    for line in outline(report) {
        let is_item = matches!(line, Line::Item(_));
        if in_list && !is_item {
            s.push_str("</ul>\n");
        } else if !in_list && is_item {
            s.push_str("<ul>\n");
        }
        in_list = is_item;
        match line {
            // Outline levels 0, 1 and 2 become h1, h2 and h3.
            Line::Heading(level, h) => {
                let _ = writeln!(s, "<h{n}>{}</h{n}>", esc(&h), n = level + 1);
            }
            Line::Field(label, value) => {
                let _ = writeln!(s, "<p class=\"field\"><strong>{}:</strong> {}</p>", esc(label), esc(&value));
            }
            Line::Item(item) => {
                let _ = writeln!(s, "<li>{}</li>", esc(&item));
            }
            Line::Text(text) => {
                let _ = writeln!(s, "<p>{}</p>", esc(&text));
            }
            Line::Table(header, rows) => {
                s.push_str("<table>\n<thead><tr>");
                for h in &header {
                    let _ = write!(s, "<th scope=\"col\">{}</th>", esc(h));
                }
                s.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    s.push_str("<tr>");
                    for c in &row {
                        let _ = write!(s, "<td>{}</td>", esc(c));
                    }
                    s.push_str("</tr>\n");
                }
                s.push_str("</tbody>\n</table>\n");
            }
        }
    }
    if in_list {
        s.push_str("</ul>\n");
    }
    s.push_str("</body>\n</html>\n");
    s
}
