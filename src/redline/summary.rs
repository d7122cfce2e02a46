//! The agency's internal brief on a redline (`--summary FILE.md`): the changes made, the concerns
//! they address, what counsel reads beside each and what to say about it, the fee uplift offered
//! for a full IP transfer, and what is still open. Not for the other side.

use std::fmt::Write;

use super::markdown::escape;
use super::notes::{self, Audience};
use super::{Language, OpenReason, Redline};

/// What the negotiation session adds to the summary.
#[derive(Debug, Clone, Default)]
pub struct Negotiation {
    pub session: Option<String>,
    pub fee: Option<FeeTerms>,
    /// Decisions the session left parked or open: (clause label, what, state).
    pub pending: Vec<(String, String, String)>,
}

/// The project fee and the uplift put to the client, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct FeeTerms {
    pub amount: f64,
    pub currency: String,
    /// Every uplift offered, oldest first.
    pub offers: Vec<crate::session::FeeOffer>,
}

pub fn summary(redline: &Redline, draft_name: &str, out_name: &str, negotiation: &Negotiation) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# Redline summary: {}\n", escape(draft_name));
    let _ = writeln!(s, "*Internal brief, not for the other side: the counter-proposal's comments carry only the reasons for counsel.*\n");
    let _ = writeln!(s, "- Counter-proposal: {} ({})", escape(out_name), tally(redline));
    let _ = writeln!(s, "- Author: {}; dated {}", escape(&redline.options.author), escape(&redline.options.date));
    let _ = writeln!(s, "- Findings covered: {} and worse", redline.options.only);
    if let Some(name) = &negotiation.session {
        let _ = writeln!(s, "- Session: {}", escape(name));
    }

    let _ = writeln!(s, "\n## Changes made\n");
    if redline.changes.is_empty() {
        let _ = writeln!(s, "None: nothing at this severity needed changing.");
    } else {
        let _ = writeln!(s, "| # | Where | Change | Concerns | Wording from |\n|---|---|---|---|---|");
        for c in &redline.changes {
            let what = match (&c.new_clause, &c.language) {
                (_, Language::Definition { term }) => format!("definition of “{}”", escape(term)),
                (Some(n), _) => format!(
                    "new clause {}",
                    n.number.as_deref().map_or_else(|| escape(&n.heading), |num| format!("{num} {}", escape(&n.heading)))
                ),
                (None, Language::AlreadyInserted { change }) => format!("struck (see #{change})"),
                (None, Language::OtherOption) => format!("struck “{}” (the other option stays)", escape(&shorten(&c.deleted, 60))),
                (None, _) if c.deleted.trim().is_empty() => format!("inserted “{}”", escape(&shorten(&c.inserted, 60))),
                (None, _) if c.inserted.trim().is_empty() => format!("struck “{}”", escape(&shorten(&c.deleted, 60))),
                (None, Language::Edited { .. }) => {
                    format!("edited “{}” to “{}”", escape(&shorten(&c.deleted, 60)), escape(&shorten(&c.inserted, 60)))
                }
                (None, _) => format!("struck “{}”", escape(&shorten(&c.deleted, 60))),
            };
            let from = wording_from(&c.language);
            let _ = writeln!(s, "| {} | {} | {} | {} | {} |", c.id, cell(&c.clause_label), cell(&what), c.concerns(), cell(&from));
        }
    }

    if !redline.changes.is_empty() {
        let _ = writeln!(s, "\n## Reasons and talking points\n");
    }
    for c in &redline.changes {
        let _ = writeln!(s, "- #{} {}", c.id, escape(&notes::in_one_line(c, Audience::Internal)));
    }

    let _ = writeln!(s, "\n## Concerns addressed\n");
    let mut concerns: Vec<(crate::library::Concern, crate::library::Severity, Vec<usize>)> = Vec::new();
    for c in &redline.changes {
        for r in &c.reasons {
            match concerns.iter_mut().find(|(k, _, _)| *k == r.concern) {
                Some((_, sev, ids)) => {
                    *sev = (*sev).max(r.severity);
                    if !ids.contains(&c.id) {
                        ids.push(c.id);
                    }
                }
                None => concerns.push((r.concern, r.severity, vec![c.id])),
            }
        }
    }
    if concerns.is_empty() {
        let _ = writeln!(s, "None.");
    }
    for (concern, severity, ids) in concerns {
        let ids: Vec<String> = ids.iter().map(|i| format!("#{i}")).collect();
        let _ = writeln!(s, "- `{concern}` ({severity}): {}", ids.join(", "));
    }

    let _ = writeln!(s, "\n## Fee uplift for a full IP transfer\n");
    fee(&mut s, negotiation.fee.as_ref());

    let _ = writeln!(s, "\n## Open points\n");
    if redline.open.is_empty() && negotiation.pending.is_empty() {
        let _ = writeln!(s, "None.");
    }
    for p in &redline.open {
        let why = why_open(p.why);
        let place = p.clause_label.as_deref().map_or_else(|| "whole draft".to_owned(), escape);
        let phrase = p.phrase.as_deref().map(|ph| format!(" “{}”", escape(&shorten(ph, 60)))).unwrap_or_default();
        let _ = writeln!(s, "- `{}` ({}) in {place}{phrase}: {why}", p.concern, p.severity);
    }
    for (clause, what, state) in &negotiation.pending {
        let _ = writeln!(s, "- Decision {} on {}: {}", escape(state), escape(clause), escape(what));
    }
    s
}

fn fee(s: &mut String, fee: Option<&FeeTerms>) {
    let (lo, hi) = (crate::fee::BAND[0], crate::fee::BAND[crate::fee::BAND.len() - 1]);
    let Some(f) = fee else {
        let _ = writeln!(s, "No project fee recorded; a full transfer of IP is priced at {lo}-{hi}% more.");
        return;
    };
    let money = |amount: f64| escape(&crate::fee::money(amount, &f.currency));
    let _ = writeln!(s, "- Project fee: {}", money(f.amount));
    let _ = writeln!(s, "- Band ({lo}-{hi}%): {}", escape(&crate::fee::band_line(f.amount, &f.currency)));
    if f.offers.is_empty() {
        let _ = writeln!(s, "- No uplift offered yet.");
    }
    for o in &f.offers {
        // The total is the fee plus the uplift only while both are in one currency.
        let total = if o.currency == f.currency { format!(" ({} in total)", money(f.amount + o.amount)) } else { String::new() };
        let amount = escape(&crate::fee::money(o.amount, &o.currency));
        let _ = writeln!(
            s,
            "- Offered in round {}: {} = {amount}{total}; {}",
            o.round,
            crate::fee::format_percent(o.percent),
            o.answer.label()
        );
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn shorten(text: &str, max: usize) -> String {
    let line = crate::text::one_line(text);
    if line.chars().count() <= max { line } else { format!("{}…", line.chars().take(max).collect::<String>().trim_end()) }
}

fn cell(text: &str) -> String {
    escape(&crate::text::one_line(text))
}

/// Where a change's words come from, for the brief's table.
fn wording_from(language: &Language) -> String {
    match language {
        Language::Session(kind) => format!("session{}", kind.map(|k| format!(" ({})", k.label())).unwrap_or_default()),
        Language::Fallback { library_clause, kind } => format!("library {library_clause} ({})", kind.label()),
        Language::Standard { library_clause } => format!("library {library_clause} (standard text)"),
        Language::Edited { library_clause } => format!("the draft's words, edited for library {library_clause}"),
        Language::Definition { .. } => "library term".to_owned(),
        Language::LaterRound => "later round".to_owned(),
        Language::AlreadyInserted { .. } | Language::OtherOption => "—".to_owned(),
    }
}

/// What the changes do, counted: "9 changes: 3 passages struck and replaced, 2 edits of the
/// draft's own words, 2 new clauses, 2 definitions" (kinds with none left out).
pub fn tally(redline: &Redline) -> String {
    let n = redline.changes.len();
    let count = |f: &dyn Fn(&super::Change) -> bool| redline.changes.iter().filter(|c| f(c)).count();
    let definitions = count(&|c| matches!(c.language, Language::Definition { .. }));
    let new_clauses = count(&|c| c.new_clause.is_some() && !matches!(c.language, Language::Definition { .. }));
    let edited = count(&|c| c.new_clause.is_none() && matches!(c.language, Language::Edited { .. }));
    let replaced = n - definitions - new_clauses - edited;
    let parts: Vec<String> = [
        (replaced, "passage", "struck and replaced"),
        (edited, "edit", "of the draft's own words"),
        (new_clauses, "new clause", ""),
        (definitions, "definition", ""),
    ]
    .into_iter()
    .filter(|(k, _, _)| *k > 0)
    .map(|(k, what, how)| format!("{k} {what}{} {how}", plural(k)).trim_end().to_owned())
    .collect();
    if parts.is_empty() { format!("{n} change{}", plural(n)) } else { format!("{n} change{}: {}", plural(n), parts.join(", ")) }
}

/// Why a point is left open, as the brief says it.
fn why_open(why: OpenReason) -> &'static str {
    match why {
        OpenReason::BelowThreshold => "below the severity covered",
        OpenReason::NoLanguage => "no counter-language in the session or the library; raise it on the call",
        OpenReason::Conceded => "accepted as drafted in the session",
        OpenReason::InHeading => "in a heading, which is left as it is",
        OpenReason::NothingPassesToClient => {
            "the draft gives the client no rights in the work of its own (joint ownership at most): an assignment would give more than it asks; raise it on the call"
        }
        OpenReason::NotTheWork => {
            "the clause allocates something other than the work (its defined terms name no deliverables or IP): the library's words would change its subject; raise it on the call if it matters"
        }
        OpenReason::OpenLicence => {
            "an open-source licence or a release to the public domain, the same for everyone who takes the code: a payment condition or a limit would not fit it, and no other licence or assignment may stand in its place; raise it on the call if the release itself is the problem"
        }
        OpenReason::OthersOpenSource => {
            "third parties' open-source components under their own licences: the agency gives nothing of its own in them, and the library's licence of its materials would change what the passage is about; raise it on the call if it matters"
        }
        OpenReason::Backstop => {
            "the clause backs up another transfer of the draft (\u{201c}to the extent ... not assigned\u{201d}): the library's whole clause would repeat that transfer, and its own words have no edit for this; raise it on the call"
        }
        OpenReason::AnsweredInDefinition => {
            "the licence takes in the agency's methods through a defined term, and the change to that definition answers it; the licence itself stays as drafted"
        }
        OpenReason::Bounded => {
            "what passes is already bounded by what it becomes part of: confirm on the call that the agency's own tools and methods stay outside it"
        }
        OpenReason::AnsweredWhereAdded => {
            "answered elsewhere: it comes from another clause's addition to a defined term, and the redline denies that addition where it is made; this passage keeps its words"
        }
        OpenReason::OtherFunction => {
            "the library's words for this point do another job than the clause (a restriction where it imposes a duty, say): in its place they would change what the clause is about, so it stays as drafted; raise it on the call"
        }
        OpenReason::AlreadyPersonal => {
            "the licence itself already says it is non-exclusive and personal to the client; it passes on only under another sentence (to a buyer of the client's business, say): ask on the call that it pass only with the deliverables, for their use"
        }
        OpenReason::NotForEmployment => {
            "an employment agreement: the library's words (fees, payment, other clients) do not fit it; raise it on the call"
        }
    }
}
