//! Reading a client's .docx into the plain text the analysis works on, with the list numbers Word
//! displays (the segmenter finds clauses by them) and a map from every paragraph of that text
//! back to its `w:p` element, so a redline can be written onto the original XML.
//!
//! Only the main document part is read (usually `word/document.xml`, found through the package
//! relationships): headers, footers, footnotes, endnotes, comments and text boxes are not. Tracked
//! changes are read as if all were accepted.
//!
//! How the text is built, which a writer mapping offsets back onto the XML must follow:
//! - Body paragraphs in document order, separated by a blank line (`"\n\n"`). Paragraphs with no
//!   text, or only whitespace, are left out (they still advance list counters).
//! - A paragraph's text is its runs' `w:t` text as written (entities decoded; a CR or LF inside
//!   `w:t` becomes a space, byte for byte), plus `"\t"` for `w:tab`/`w:ptab`, `"\n"` for
//!   `w:br`/`w:cr` and `"-"` for `w:noBreakHyphen`, each only as a direct child of `w:r`.
//!   Text inside `w:del`, `w:moveFrom`, `w:delText`, `w:instrText`, field instructions (between
//!   `fldChar` begin and separate), drawings, `w:pict`, `w:object`, `mc:Choice` and property
//!   change records is not read; `w:ins`, `w:moveTo`, hyperlinks, simple fields, content
//!   controls and `mc:Fallback` are read through.
//! - A numbered paragraph starts with its list label and one space ("1.2 ").
//! - A table row is one line: cell texts joined by `" | "`, the paragraphs of a cell by `" "`,
//!   empty cells dropped. Nested tables are flattened into their cell.
//! - A paragraph whose mark is deleted (tracked) is joined to the next paragraph of the same
//!   cell or body with nothing in between, as accepting the deletion would do.

mod body;
mod layout;
mod numbering;
mod package;
mod styles;
mod xml;

#[cfg(test)]
mod tests;

use body::Revisions;
use numbering::{Definitions, Labeller};
use package::Package;
use styles::Styles;

/// Why a .docx could not be read: one line, to follow the file name.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("not a valid .docx (zip archive is damaged: {0})")]
    Damaged(String),
    #[error("not a Word document: {0}")]
    NotWord(String),
    #[error("not a Word document: the archive has {0} entries (a .docx has a few dozen; over {max} are refused)", max = package::MAX_ENTRIES)]
    TooManyEntries(u64),
    #[error("{0} is encrypted inside the archive; save an unprotected copy from Word")]
    Encrypted(String),
    #[error("{part} uses a compression method this reader does not support ({method}); re-save the draft from Word")]
    UnsupportedCompression { part: String, method: String },
    #[error(
        "{0} unpacks to more than {mib} MiB (with the parts read before it); refused as a likely zip bomb",
        mib = package::MAX_UNPACKED >> 20
    )]
    TooLarge(String),
    #[error("{part} is not well-formed XML at byte {at}: {reason}")]
    Malformed { part: String, at: u64, reason: String },
}

/// The text of a .docx and how it maps back onto the document's XML.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocxText {
    pub text: String,
    /// What the user should know about how the text was obtained (tracked changes accepted,
    /// list numbers missing because their definitions were broken).
    pub notes: Vec<String>,
    /// One entry per `w:p` that contributed text, in text order.
    pub paragraphs: Vec<ParagraphSpan>,
}

/// Where one `w:p` element's text sits in [`DocxText::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParagraphSpan {
    /// Byte offset where the paragraph starts, its list label included.
    pub start: usize,
    /// Byte offset where the paragraph's own run text starts: after the list label and its
    /// space, if any; equal to `start` otherwise. Offsets from here to `end` follow the run text
    /// one to one, by the rules in the module documentation.
    pub text_start: usize,
    pub end: usize,
    /// Index of the `w:p` among all `w:p` start tags inside `w:body` of the main part, counted in
    /// document order over the raw XML: paragraphs in tables, content controls, text boxes and
    /// `mc:Choice` branches count too, even where their text is not read.
    pub xml_index: usize,
}

/// Reads a .docx held in memory.
pub fn extract(bytes: &[u8]) -> Result<DocxText, DocxError> {
    let mut package = Package::open(bytes)?;
    let parts = package.locate_parts()?;
    let document = package.read(&parts.document)?.ok_or_else(|| DocxError::NotWord(format!("no {} part", parts.document)))?;
    let body = body::parse(&parts.document, &document)?;
    drop(document);

    let mut notes = Vec::new();
    let styles = match read_optional(&mut package, parts.styles.as_deref(), Styles::parse)? {
        Ok(styles) => styles.unwrap_or_default(),
        Err(e) => {
            notes.push(format!("paragraph styles could not be read, so list numbers that come from styles are missing ({e})"));
            Styles::default()
        }
    };
    let definitions = match read_optional(&mut package, parts.numbering.as_deref(), Definitions::parse)? {
        Ok(definitions) => definitions.unwrap_or_default(),
        Err(e) => {
            notes.push(format!("list numbering could not be read, so clause numbers are missing ({e})"));
            Definitions::default()
        }
    };
    let mut labeller = Labeller::new(&definitions, &styles);
    let layout = layout::lay_out(&body.blocks, &mut labeller);
    if let Some(note) = revisions_note(&body.revisions) {
        notes.insert(0, note);
    }
    Ok(DocxText { text: layout.text, notes, paragraphs: layout.paragraphs })
}

/// Reads and parses a part the document can do without. The outer error (size, zip damage,
/// encryption) refuses the whole file, since it says the archive itself is hostile or broken;
/// the inner one (bad XML) only costs what the part would have added.
fn read_optional<T>(
    package: &mut Package<'_>,
    part: Option<&str>,
    parse: fn(&str, &str) -> Result<T, DocxError>,
) -> Result<Result<Option<T>, DocxError>, DocxError> {
    let Some(part) = part else { return Ok(Ok(None)) };
    let xml = match package.read(part) {
        Ok(Some(xml)) => xml,
        Ok(None) => return Ok(Ok(None)),
        Err(e @ DocxError::Malformed { .. }) => return Ok(Err(e)),
        Err(fatal) => return Err(fatal),
    };
    Ok(parse(part, &xml).map(Some))
}

fn revisions_note(revisions: &Revisions) -> Option<String> {
    if revisions.is_empty() {
        return None;
    }
    let mut counts = vec![plural(revisions.insertions, "insertion"), plural(revisions.deletions, "deletion")];
    if revisions.moves() > 0 {
        counts.push(plural(revisions.moves(), "move"));
    }
    if revisions.formatting > 0 {
        counts.push(plural(revisions.formatting, "formatting change"));
    }
    Some(format!("tracked changes in the draft were read as accepted ({})", counts.join(", ")))
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 { format!("1 {what}") } else { format!("{n} {what}s") }
}
