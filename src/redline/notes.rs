//! What each change's comment says, by audience. Counsel reads one short reason; the agency's
//! internal copy adds what the change does, the concerns it answers with their severity and the
//! agency's reasons, and the talking points. Every format (Word comment, Markdown footnote, HTML
//! note) takes its lines from here, so no format can leak what counsel must not read.

use super::{Change, Language, Reason};
use crate::text::one_line;

/// Who a redline's comments are written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// The other side's counsel: each change's reason for counsel, and nothing else.
    Counsel,
    /// The agency (`--internal`): also concerns, severities, internal reasons and talking points.
    Internal,
}

/// One line of a change's comment.
#[derive(Debug, Clone, Copy)]
pub enum Line<'a> {
    /// The reason for counsel, as counsel reads it.
    Reason(&'a str),
    /// What the change does ("Struck and replaced in §4.1 Ownership."); internal.
    What(&'a Change),
    /// The reason for counsel, labelled as such in the internal copy.
    ForCounsel(&'a str),
    /// A concern the change answers, its severity and the agency's reason; internal.
    Concern(&'a Reason),
    /// What to say on the call; internal.
    Say(&'a str),
}

/// The lines of a change's comment for `audience`; none when there is nothing to say to it (a
/// blackline's changes carry no reason for counsel, as Word's Compare writes none).
pub fn lines(change: &Change, audience: Audience) -> Vec<Line<'_>> {
    let for_counsel = !change.note.trim().is_empty();
    match audience {
        Audience::Counsel if for_counsel => vec![Line::Reason(&change.note)],
        Audience::Counsel => Vec::new(),
        Audience::Internal => {
            let mut out = vec![Line::What(change)];
            if for_counsel {
                out.push(Line::ForCounsel(&change.note));
            }
            for r in &change.reasons {
                out.push(Line::Concern(r));
                if !r.talking_point.trim().is_empty() {
                    out.push(Line::Say(&r.talking_point));
                }
            }
            out
        }
    }
}

/// A change's comment in one line (a Markdown footnote, a line of the summary).
pub fn in_one_line(change: &Change, audience: Audience) -> String {
    lines(change, audience).iter().map(Line::text).collect::<Vec<_>>().join(" ")
}

impl Line<'_> {
    /// The line as plain text: a Word comment paragraph, a sentence of a Markdown footnote.
    pub fn text(&self) -> String {
        match self {
            Line::Reason(note) => one_line(note),
            Line::What(c) => what(c),
            Line::ForCounsel(note) => format!("For counsel: {}", one_line(note)),
            Line::Concern(r) => format!("Concern: {} ({}). Reason: {}", r.concern, r.severity, one_line(&r.explanation)),
            Line::Say(point) => format!("Talking point: {}", one_line(point)),
        }
    }
}

/// The first line of an internal copy, so that it is never mistaken for the one to send.
pub fn banner(author: &str) -> String {
    format!("Internal copy for {author}, not for the other side: its notes carry concerns, severities and talking points.")
}

/// What a change does, where: "Struck and replaced in §4.1 Ownership."
fn what(c: &Change) -> String {
    match (&c.new_clause, &c.language) {
        (_, Language::Definition { term }) => format!("Definition of \u{201c}{term}\u{201d} added near {}.", c.clause_label),
        (Some(_), Language::LaterRound) => format!("Paragraph added near {}.", c.clause_label),
        (None, Language::LaterRound) if c.removes_paragraph => format!("Paragraph dropped from {}.", c.clause_label),
        (None, Language::LaterRound) => format!("Changed in {}.", c.clause_label),
        (Some(_), _) => format!("New clause after {}.", c.clause_label),
        (None, Language::AlreadyInserted { change }) => {
            format!("Struck in {}; change {change} already puts the agency's wording in.", c.clause_label)
        }
        (None, Language::OtherOption) => format!("Struck in {}; the draft's other option stays.", c.clause_label),
        (None, Language::Edited { .. }) if c.deleted.trim().is_empty() => format!("Words added in {}.", c.clause_label),
        (None, Language::Edited { .. }) => format!("Words edited in {}.", c.clause_label),
        (None, _) => format!("Struck and replaced in {}.", c.clause_label),
    }
}
