//! A later round of a .docx made as counsel would make it in Word: words changed inside a few
//! paragraphs, one paragraph dropped, one added after another (laid out like it), one moved.
//! Written to a temporary folder; the shared corpus is only read.

use std::io::{Read, Write};
use std::ops::Range;
use std::path::Path;

/// One edit, by the words a paragraph starts with.
pub enum Edit<'a> {
    /// Within the paragraph, `from` (inside one run) becomes `to`.
    Words {
        paragraph: &'a str,
        from: &'a str,
        to: &'a str,
    },
    Drop {
        paragraph: &'a str,
    },
    /// A new paragraph of `text` after the paragraph, laid out and formatted like it.
    AddAfter {
        paragraph: &'a str,
        text: &'a str,
    },
    /// The paragraph goes after another.
    Move {
        paragraph: &'a str,
        after: &'a str,
    },
}

/// Writes `out`: `src` with `edits` made to its main document part, every other part as it was.
pub fn later_round(src: &Path, out: &Path, edits: &[Edit<'_>]) {
    let bytes = std::fs::read(src).expect("earlier round");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a .docx");
    let mut xml = String::new();
    zip.by_name("word/document.xml").expect("document part").read_to_string(&mut xml).expect("UTF-8");
    let spans = paragraphs(&xml);
    let find = |start: &str| -> Range<usize> {
        spans
            .iter()
            .find(|r| text(&xml[(*r).clone()]).starts_with(start))
            .cloned()
            .unwrap_or_else(|| panic!("no paragraph starts {start:?}"))
    };
    // (where, how much to replace, with what), applied from the end.
    let mut splices: Vec<(usize, usize, String)> = Vec::new();
    for edit in edits {
        match edit {
            Edit::Words { paragraph, from, to } => {
                let r = find(paragraph);
                let p = &xml[r.clone()];
                assert!(p.contains(from), "{from:?} is not inside one run of {paragraph:?}");
                splices.push((r.start, r.len(), p.replacen(from, to, 1)));
            }
            Edit::Drop { paragraph } => {
                let r = find(paragraph);
                splices.push((r.start, r.len(), String::new()));
            }
            Edit::AddAfter { paragraph, text } => {
                let r = find(paragraph);
                splices.push((r.end, 0, like(&xml[r], text)));
            }
            Edit::Move { paragraph, after } => {
                let (r, to) = (find(paragraph), find(after));
                splices.push((r.start, r.len(), String::new()));
                splices.push((to.end, 0, xml[r].to_owned()));
            }
        }
    }
    splices.sort_by_key(|s| std::cmp::Reverse(s.0));
    for (at, len, with) in splices {
        xml.replace_range(at..at + len, &with);
    }
    let mut writer = zip::ZipWriter::new(std::fs::File::create(out).expect("later round"));
    for i in 0..zip.len() {
        let file = zip.by_index_raw(i).expect("part");
        if file.name().is_ok_and(|n| n == "word/document.xml") {
            drop(file);
            writer.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).expect("part");
            writer.write_all(xml.as_bytes()).expect("part");
        } else {
            writer.raw_copy_file(file).expect("part");
        }
    }
    writer.finish().expect("a .docx");
}

/// The body's `w:p` elements (none nested in the drafts these tests use).
fn paragraphs(xml: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(k) = xml[at..].find("<w:p").map(|k| at + k) {
        let next = xml.as_bytes().get(k + 4).copied();
        if matches!(next, Some(b' ' | b'>')) {
            let end = xml[k..].find("</w:p>").map_or(xml.len(), |e| k + e + "</w:p>".len());
            out.push(k..end);
            at = end;
        } else {
            at = k + 4;
        }
    }
    out
}

/// A paragraph's text, its runs' `w:t` run together.
fn text(p: &str) -> String {
    let mut out = String::new();
    for piece in p.split("<w:t").skip(1) {
        if let Some(rest) = piece.strip_prefix('>').or_else(|| piece.strip_prefix(' ').and_then(|r| r.split_once('>').map(|x| x.1))) {
            out.push_str(rest.split("</w:t>").next().unwrap_or_default());
        }
    }
    out
}

/// A paragraph of `text` with the layout of `p` and the formatting of its first run.
fn like(p: &str, text: &str) -> String {
    let ppr = p.find("<w:pPr>").map_or("", |s| &p[s..p.find("</w:pPr>").expect("pPr end") + "</w:pPr>".len()]);
    let first_run = [p.find("<w:r>"), p.find("<w:r ")].into_iter().flatten().min();
    let rpr = first_run
        .and_then(|r| p[r..].find("<w:rPr>").map(|s| r + s))
        .map_or("", |s| &p[s..s + p[s..].find("</w:rPr>").expect("rPr end") + "</w:rPr>".len()]);
    format!("<w:p>{ppr}<w:r>{rpr}<w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}
