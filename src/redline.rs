//! Redlines: the client's draft turned into the agency's counter-proposal. Each risky passage is
//! struck and the agency's language put in its place, missing protections are added as new
//! clauses, and every change carries its reason. Written as a .docx with real tracked changes
//! and comments (what the other side opens in Word), as Markdown, or as a standalone HTML page.
//! What goes to the other side carries only reasons for counsel; the concerns, severities and
//! talking points behind each change go to the internal brief and the internal copy.

mod additions;
mod definitions;
mod docx;
mod function;
mod html;
mod markdown;
mod notes;
mod output;
mod person;
mod phrase;
mod placement;
mod plan;
mod sentence;
mod shown;
mod summary;
mod terms;

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::ingest::{Document, Format};
use crate::library::{Concern, FallbackKind, Severity};

pub use function::{keeps as keeps_function, stale_citations};
pub use notes::Audience;
pub use output::{OutputFormat, check_target, write_atomic};
pub use person::proper_name;
pub use plan::{Stance, Steer, plan};
pub use sentence::{leading_label, text_paragraphs};
pub use summary::{FeeTerms, Negotiation, summary, tally};
pub use terms::{Vocabulary, defined_terms, terms_used_as_such, undefined_terms};

/// What the user asked of the redline beyond the draft.
#[derive(Debug, Clone)]
pub struct RedlineOptions {
    /// Findings less severe than this are left alone (and listed as open points).
    pub only: Severity,
    /// The name tracked changes and comments are attributed to.
    pub author: String,
    /// When the changes are dated (RFC 3339, UTC).
    pub date: String,
}

/// One finding a change answers, with what to say about it. Internal: never in the copy for
/// counsel (see `Change::note` for what counsel reads).
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    pub concern: Concern,
    pub severity: Severity,
    pub phrase: Option<String>,
    /// Why the finding is a risk to the agency.
    pub explanation: String,
    /// What to say on the call when the other side asks about this change.
    pub talking_point: String,
}

/// Where the inserted words came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Language {
    /// Adopted in the negotiation session (the rung chosen, when recorded).
    Session(Option<FallbackKind>),
    /// The first rung of the library clause's ladder that carries counter-language.
    Fallback { library_clause: String, kind: FallbackKind },
    /// The library clause's standard text (a missing protection whose ladder has no wording).
    Standard { library_clause: String },
    /// The draft's own words edited in place for the library clause's concern: the payment
    /// condition put in, the object narrowed (`phrase::edits`).
    Edited { library_clause: String },
    /// The definition of a term the inserted words use and the draft does not define, as a
    /// paragraph of its own (never inside a sentence the redline edits).
    Definition { term: String },
    /// Nothing inserted: the same language already replaces another passage.
    AlreadyInserted { change: usize },
    /// Nothing inserted: the passage is one of the draft's options ("( ) Customer owns
    /// Deliverables as they are created."), and the option beside it stays.
    OtherOption,
    /// The words of a later round of the deal: a blackline shows what that round changed.
    LaterRound,
}

/// A new paragraph: a clause added for a missing protection, or a paragraph a later round adds
/// (a blackline's).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewClause {
    /// The number as it would be written ("7.4"), None in an unnumbered draft.
    pub number: Option<String>,
    /// The library clause's title, used as the lead-in heading; empty for a later round's
    /// paragraph, which brings only its own words.
    pub heading: String,
    /// The paragraph whose layout (style, list level) the new clause copies.
    pub template_paragraph: usize,
    /// How the later round formats the paragraph, when the blackline knows (instead of the
    /// template's layout).
    pub formatting: Option<Formatting>,
    /// Goes before the paragraph of `Change::paragraph` rather than after it: only for words a
    /// later round puts before the draft's first paragraph.
    pub before: bool,
    /// The later round has the paragraph inside a table as well, so it may stay in the table's
    /// cell; a counter-proposal's clause never goes inside a table.
    pub in_table: bool,
    /// The number is written out and the paragraph kept out of Word's lists: a lettered number
    /// ("3A", a clause put in without renumbering the rest) that no list gives.
    pub typed_number: bool,
}

/// How a later round formats a paragraph it adds.
#[derive(Debug, Clone, PartialEq)]
pub enum Formatting {
    /// A .docx round's paragraph: its layout (the `w:pPr` children a sibling paragraph shares)
    /// and its runs, each `w:rPr` with its text.
    Docx { layout: String, runs: Vec<(String, String)> },
    /// A text round's heading level (Markdown `#`s, or a short line in capitals).
    Heading(u8),
}

/// One change of the counter-proposal.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// 1-based, in document order: the footnote and comment number.
    pub id: usize,
    /// The clause it changes (for a new clause, the one it follows), as "§7.1 Ownership".
    pub clause_label: String,
    /// Index into `Redline::paragraphs` of the paragraph changed (or followed).
    pub paragraph: usize,
    /// The struck passage as a byte range of the draft's text; empty for a new clause, at the
    /// end of the paragraph it follows.
    pub start: usize,
    pub end: usize,
    /// The struck words as the analysis read them (Markdown markup blanked).
    pub deleted: String,
    /// The agency's words put in their place (for a new clause, its body).
    pub inserted: String,
    /// Why the agency proposes the change, as the other side's counsel reads it: the library's
    /// reason for counsel, in the draft's names for the parties.
    pub note: String,
    pub new_clause: Option<NewClause>,
    /// The paragraph goes, words and paragraph mark (a paragraph a later round drops): the
    /// struck passage is then its whole text.
    pub removes_paragraph: bool,
    pub language: Language,
    pub reasons: Vec<Reason>,
}

impl Change {
    /// The new clause as one paragraph of text: "7.4 Residuals. Agency may ...".
    pub fn clause_text(&self, with_number: bool) -> String {
        match &self.new_clause {
            Some(c) if c.heading.is_empty() => self.inserted.clone(),
            Some(c) => {
                let heading = c.heading.trim_end_matches('.');
                match c.number.as_deref().filter(|_| with_number) {
                    Some(n) => format!("{n} {heading}. {}", self.inserted),
                    None => format!("{heading}. {}", self.inserted),
                }
            }
            None => self.inserted.clone(),
        }
    }

    /// Every concern the change answers, in the order given ("broad-work-product, work-made-for-hire").
    pub fn concerns(&self) -> String {
        let mut seen: Vec<Concern> = Vec::new();
        for r in &self.reasons {
            if !seen.contains(&r.concern) {
                seen.push(r.concern);
            }
        }
        seen.iter().map(|c| c.id()).collect::<Vec<_>>().join(", ")
    }

    pub fn severity(&self) -> Severity {
        self.reasons.iter().map(|r| r.severity).max().unwrap_or(Severity::Info)
    }
}

/// Why a finding was left as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenReason {
    /// Less severe than `--only`.
    BelowThreshold,
    /// Neither the session nor the library has words to put in its place.
    NoLanguage,
    /// The agency accepted the client's wording in the session.
    Conceded,
    /// The phrase is in a clause heading, which is not struck (the clause's body is what binds).
    InHeading,
    /// The draft is an employment agreement and the library's words are for an agency's
    /// engagement (fees per deliverable, other clients): none fits.
    NotForEmployment,
    /// The library's words assign the work to the client, and the draft gives the client no
    /// rights in the work of its own (joint ownership at most): adding an assignment would
    /// give what nobody asked for.
    NothingPassesToClient,
    /// What the passage transfers is another thing than the work (bcgov's proposals): the
    /// library's words allocate the work, and would put a clause of another subject in its place.
    NotTheWork,
    /// The passage grants an open-source licence (bcgov's Apache "License") or releases the
    /// work to the public domain: the same for everyone, so neither a payment condition nor the library's proprietary words fit it.
    OpenLicence,
    /// The passage licenses others' open-source components ("open-source libraries owned by
    /// their respective creators"): the agency passes on nothing of its own, and striking it
    /// would lose the acknowledgement that the components are others'.
    OthersOpenSource,
    /// The passage backs up another transfer of the draft ("to the extent ... is not assigned
    /// under 2.1, Contractor holds it on trust for Company"): edited in its own words where
    /// they allow, never replaced by the library's whole clause, which would repeat the
    /// transfer it backs up.
    Backstop,
    /// The methods an exclusive licence takes in come through a defined term, and the point is
    /// answered where that term is defined: striking the licence itself would undo the deal.
    AnsweredInDefinition,
    /// What passes is made in the engagement but bounded by what it becomes part of ("and that
    /// also forms a part of the Product"): a point to confirm, not words to replace.
    Bounded,
    /// The point comes from what another clause adds to a defined term ("the Foreground IPR
    /// includes all methods ..."), and is answered there, where the addition is denied: the
    /// passage keeps its words for it.
    AnsweredWhereAdded,
    /// The library's words for the point do another job than the passage (a confidentiality
    /// promise for a duty to notify infringement): put in its place, they would change what
    /// the clause is about, so the passage stays as drafted.
    OtherFunction,
    /// The licence's grant already says it is non-exclusive and personal; it passes on only
    /// under another sentence ("upon sale ... of the Client's business, this license shall be
    /// transferable to the new owner"), which the grant's own words do not decide.
    AlreadyPersonal,
}

/// A finding the redline does not change.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenPoint {
    pub concern: Concern,
    pub severity: Severity,
    pub clause_label: Option<String>,
    pub phrase: Option<String>,
    pub why: OpenReason,
}

/// The client's draft as the redline works on it.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The draft's text, as every offset counts it.
    pub text: String,
    /// The text with Markdown markup blanked (equal to `text` for other formats).
    pub analysed: String,
    pub format: Format,
    /// Its paragraphs as byte ranges of `text`, in order.
    pub paragraphs: Vec<Range<usize>>,
    /// Where each paragraph's own words start: after the list number Word shows for a .docx
    /// paragraph (which no change may strike: Word draws it), else the paragraph's start.
    pub text_starts: Vec<usize>,
    /// For a .docx draft, the file itself, whose parts the redline keeps.
    pub docx: Option<DocxDraft>,
}

/// A .docx draft's bytes, and for each paragraph of `Draft::paragraphs` the index of its `w:p`
/// among all `w:p` elements of the document body.
#[derive(Debug, Clone)]
pub struct DocxDraft {
    pub bytes: Vec<u8>,
    pub xml_index: Vec<usize>,
}

impl Draft {
    /// A plain-text or Markdown draft (or a .docx read as text): paragraphs are the blocks
    /// between blank lines.
    pub fn from_text(doc: &Document) -> Draft {
        let paragraphs = text_paragraphs(&doc.text);
        let text_starts = paragraphs.iter().map(|p| p.start).collect();
        Draft { text: doc.text.clone(), analysed: doc.analysed.clone(), format: doc.format, paragraphs, text_starts, docx: None }
    }

    /// A .docx draft: its paragraphs as the reader mapped them onto the document's `w:p`
    /// elements, and its bytes, so the redline keeps everything it does not change.
    pub fn from_docx(doc: &Document, bytes: Vec<u8>) -> Result<Draft, RedlineError> {
        let extracted = crate::ingest::docx::extract(&bytes).map_err(|e| RedlineError::docx(&doc.path, e.to_string()))?;
        if extracted.text != doc.text {
            return Err(RedlineError::docx(&doc.path, "the file changed while it was being read; run the redline again"));
        }
        let paragraphs = extracted.paragraphs.iter().map(|p| p.start..p.end).collect();
        let text_starts = extracted.paragraphs.iter().map(|p| p.text_start).collect();
        let xml_index = extracted.paragraphs.iter().map(|p| p.xml_index).collect();
        Ok(Draft {
            text: doc.text.clone(),
            analysed: doc.analysed.clone(),
            format: doc.format,
            paragraphs,
            text_starts,
            docx: Some(DocxDraft { bytes, xml_index }),
        })
    }
}

impl DocxDraft {
    /// How each paragraph of the draft is formatted, and whether it sits in a table: what a
    /// blackline needs of a later round to add its paragraphs as it lays them out.
    pub fn paragraph_formatting(&self) -> Result<Vec<(Formatting, bool)>, String> {
        docx::paragraph_formatting(self)
    }
}

/// The counter-proposal: the draft, the changes to it, and what was left open.
#[derive(Debug, Clone)]
pub struct Redline {
    pub kind: Kind,
    pub draft: Draft,
    /// In document order; struck passages never overlap.
    pub changes: Vec<Change>,
    pub open: Vec<OpenPoint>,
    pub options: RedlineOptions,
}

/// What a document of tracked changes is, which its title and legend say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// The agency's counter-proposal to the client's draft.
    CounterProposal,
    /// A later round of the deal as tracked changes against an earlier one, as Word's Compare
    /// makes it; each names its round as the user did ("acme-msa.docx", "acme:2").
    Blackline { earlier: String, later: String },
}

impl Kind {
    /// The document's title (the .docx core properties, the HTML page).
    pub fn title(&self) -> String {
        match self {
            Kind::CounterProposal => "Counter-proposal".to_owned(),
            Kind::Blackline { earlier, later } => format!("Blackline: {later} against {earlier}"),
        }
    }
}

/// A stretch of one paragraph: text left as it is, or a change.
#[derive(Debug, Clone, Copy)]
pub enum Piece<'a> {
    Same(&'a str),
    Changed(&'a Change),
}

impl Redline {
    /// A paragraph as stretches of unchanged text (as the analysis read it, Markdown markup
    /// blanked) and changes, followed by the new clauses that go after it.
    pub fn pieces(&self, paragraph: usize) -> (Vec<Piece<'_>>, Vec<&Change>) {
        let p = &self.draft.paragraphs[paragraph];
        let mut pieces = Vec::new();
        let mut after = Vec::new();
        let mut at = p.start;
        for c in self.changes_in(paragraph) {
            if let Some(new) = &c.new_clause {
                if !new.before {
                    after.push(c);
                }
                continue;
            }
            if c.start > at {
                pieces.push(Piece::Same(&self.draft.analysed[at..c.start]));
            }
            pieces.push(Piece::Changed(c));
            at = c.end;
        }
        if p.end > at {
            pieces.push(Piece::Same(&self.draft.analysed[at..p.end]));
        }
        (pieces, after)
    }

    /// The new paragraphs that go before a paragraph (only ever before the draft's first).
    pub fn added_before(&self, paragraph: usize) -> Vec<&Change> {
        self.changes_in(paragraph).filter(|c| c.new_clause.as_ref().is_some_and(|n| n.before)).collect()
    }

    /// Whether a paragraph goes whole, paragraph mark and all.
    pub fn removes(&self, paragraph: usize) -> bool {
        self.changes_in(paragraph).any(|c| c.removes_paragraph)
    }

    /// The changes made in one paragraph (replacements and the new clauses after it), in order.
    pub fn changes_in(&self, paragraph: usize) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(move |c| c.paragraph == paragraph)
    }

    /// The draft's text with every change accepted, paragraph by paragraph (what the contract
    /// would say); new clauses are paragraphs of their own.
    pub fn accepted_paragraphs(&self) -> Vec<String> {
        let mut out = Vec::with_capacity(self.draft.paragraphs.len());
        for i in 0..self.draft.paragraphs.len() {
            let added = |before: bool| {
                self.changes_in(i).filter(move |c| c.new_clause.as_ref().is_some_and(|n| n.before == before)).map(|c| c.clause_text(true))
            };
            out.extend(added(true));
            if !self.changes_in(i).any(|c| c.removes_paragraph) {
                out.push(self.accepted_paragraph(i));
            }
            out.extend(added(false));
        }
        out
    }

    /// One paragraph of the draft with its changes accepted (the new clauses after it apart).
    pub fn accepted_paragraph(&self, paragraph: usize) -> String {
        let p = &self.draft.paragraphs[paragraph];
        let mut text = String::new();
        let mut at = p.start;
        for c in self.changes_in(paragraph).filter(|c| c.new_clause.is_none()) {
            text.push_str(&self.draft.analysed[at..c.start]);
            text.push_str(&c.inserted);
            at = c.end;
        }
        text.push_str(&self.draft.analysed[at..p.end]);
        collapse(&text)
    }
}

/// A paragraph's heading level as its text shows it: Markdown `#`s, or in plain text a short
/// line in capitals (level 1); None for body text.
pub fn heading_level(format: Format, original: &str) -> Option<u8> {
    let line = original.trim();
    let level = if format == Format::Markdown && !line.contains('\n') {
        line.bytes().take_while(|&b| b == b'#').count()
    } else {
        let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
        usize::from(!line.contains('\n') && line.len() <= 90 && letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase()))
    };
    u8::try_from(level).ok().filter(|l| (1..=6).contains(l))
}

/// White space runs as single spaces, ends trimmed: how paragraphs of a plain or Markdown draft
/// read once their hard line breaks and blanked markup are gone.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// White space runs as single spaces (line breaks of a hard-wrapped draft, blanked markup),
/// keeping a space at either end.
pub fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !c.is_whitespace() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out
}

/// The words of unchanged piece `k` of a paragraph's `last + 1` pieces, as they read in a fresh
/// document: squeezed, with no space at the paragraph's start or end.
pub fn same_text(s: &str, k: usize, last: usize) -> String {
    let out = squeeze(s);
    let out = if k == 0 { out.trim_start() } else { out.as_str() };
    (if k == last { out.trim_end() } else { out }).to_owned()
}

/// [`same_text`], in lines: where the draft's own text (`original`, the same bytes before
/// markup was blanked) starts a heading, a list item or a table row on a new line, the line
/// break stays ("4.1 Ownership" over "- Upon full payment ..." over "- The Subcontractor
/// retains ..."): a Markdown block is no run-on sentence.
pub fn same_lines(s: &str, original: &str, k: usize, last: usize) -> String {
    let mut out = String::with_capacity(s.len());
    let mut from = 0;
    for (i, _) in original.match_indices('\n') {
        if starts_block(&original[i + 1..]) && s.is_char_boundary(i) {
            let line = squeeze(&s[from..i]);
            out.push_str(if from > 0 { line.trim() } else { line.trim_end() });
            out.push('\n');
            from = i + 1;
        }
    }
    let rest = squeeze(&s[from..]);
    out.push_str(if from > 0 { rest.trim_start() } else { &rest });
    let out = if k == 0 { out.trim_start() } else { out.as_str() };
    (if k == last { out.trim_end() } else { out }).to_owned()
}

/// Whether a line of a Markdown or plain-text draft opens a block of its own: a heading, a list
/// item ("- ", "* ", "+ ", "1. ", "(a) ", "iv) ") or a table row; not a line that opens with an
/// abbreviation ("Mr. Smith", "Co. Ltd").
fn starts_block(line: &str) -> bool {
    let line = line.trim_start_matches([' ', '\t']);
    let numbered = line.split_once(['.', ')']).is_some_and(|(n, rest)| {
        let n = n.strip_prefix('(').unwrap_or(n);
        let roman = n.len() <= 4 && n.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
        let letter = n.len() == 1 && n.chars().all(|c| c.is_ascii_alphabetic());
        let number = (1..=3).contains(&n.len()) && n.chars().all(|c| c.is_ascii_digit());
        rest.starts_with(' ') && (roman || letter || number)
    });
    ["- ", "* ", "+ ", "#", "|"].iter().any(|m| line.starts_with(m)) || numbered
}

/// Why a redline could not be written. Every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum RedlineError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: refusing to overwrite the draft itself; choose another --out", path.display())]
    WouldOverwriteInput { path: PathBuf },
    #[error("{}: already exists; pass --force to replace it", path.display())]
    Exists { path: PathBuf },
    #[error("{}: unknown output format {ext:?}; use .docx, .md or .html", path.display())]
    UnknownFormat { path: PathBuf, ext: String },
    #[error("{}: {reason}", path.display())]
    Docx { path: PathBuf, reason: String },
}

impl RedlineError {
    pub(crate) fn docx(path: &Path, reason: impl Into<String>) -> Self {
        RedlineError::Docx { path: path.to_owned(), reason: reason.into() }
    }
}

/// Renders the redline for the other side in the format `out`'s extension names: each change
/// with its reason for counsel; `clean` accepts every change instead of tracking it.
pub fn render(redline: &Redline, out: &Path, clean: bool) -> Result<Vec<u8>, RedlineError> {
    render_for(redline, out, clean, Audience::Counsel)
}

/// Renders the agency's internal copy: the same tracked changes, with the concerns, severities,
/// internal reasons and talking points in each comment.
pub fn render_internal(redline: &Redline, out: &Path) -> Result<Vec<u8>, RedlineError> {
    render_for(redline, out, false, Audience::Internal)
}

fn render_for(redline: &Redline, out: &Path, clean: bool, audience: Audience) -> Result<Vec<u8>, RedlineError> {
    match OutputFormat::of(out)? {
        OutputFormat::Markdown => Ok(markdown::render(redline, clean, audience).into_bytes()),
        OutputFormat::Html => Ok(html::render(redline, clean, audience).into_bytes()),
        OutputFormat::Docx => docx::render(redline, clean, audience).map_err(|reason| RedlineError::docx(out, reason)),
    }
}

#[cfg(test)]
mod tests {
    use super::same_lines;

    #[test]
    fn list_items_keep_their_lines_and_a_wrapped_sentence_its_words() {
        let list = "4.1 Ownership\n- Upon payment, the Deliverables pass\n(b) the rest\niv) more\n12. last";
        assert_eq!(same_lines(list, list, 0, 0), "4.1 Ownership\n- Upon payment, the Deliverables pass\n(b) the rest\niv) more\n12. last");
        let wrapped = "The Consultant, with the help of\nMr. Smith and of Acme\nCo. Ltd, shall deliver it.";
        assert_eq!(same_lines(wrapped, wrapped, 0, 0), "The Consultant, with the help of Mr. Smith and of Acme Co. Ltd, shall deliver it.");
    }
}
