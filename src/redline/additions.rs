//! Findings that an addition to a defined term gives other clauses. "For the avoidance of
//! doubt, the Foreground IPR includes all methods ..." makes every clause that transfers the
//! Foreground IPR take the agency's methods, and its definition read as taking them. The
//! redline denies the addition where it is made (`phrase::addition_denied`); the findings it
//! alone gave elsewhere are answered there, and those clauses keep their words for them (one
//! fix per problem: narrowing §7.1 as well would fix it twice, and in other words).
//!
//! Which findings the addition alone gave is read, not guessed: the draft is analysed again
//! with the additions denied, and a finding the second reading no longer makes was theirs.

use std::collections::HashSet;
use std::ops::Range;

use super::Draft;
use super::phrase::{self, Edit};
use crate::analysis::{Analysis, Analyzer, FindingKind, Options};
use crate::ingest::Document;
use crate::library::{ClauseLibrary, Concern};

/// Of the passages (`ranges` of the draft's text, each with its findings), the findings that
/// only additions the redline denies give: none of those passages is itself an addition.
pub(super) fn answered_where_added(
    draft: &Draft,
    analysis: &Analysis,
    library: &ClauseLibrary,
    passages: &[(Range<usize>, Vec<usize>)],
) -> Vec<usize> {
    let lexicon = library.reading.as_ref().map_or(crate::reading::Lexicon::embedded(), |r| &r.lexicon);
    // A passage's concerns are those of every finding in the same words.
    let concerns = |range: &Range<usize>| -> Vec<Concern> {
        let of = passages.iter().filter(|(r, _)| r == range).flat_map(|(_, fs)| fs.iter().map(|&i| analysis.findings[i].concern));
        of.collect()
    };
    let mut denied: Vec<(Range<usize>, Edit)> = Vec::new();
    for (range, _) in passages {
        if denied.iter().any(|(r, _)| r == range) {
            continue;
        }
        if let Some(edit) = phrase::addition_denied(&draft.analysed[range.clone()], &concerns(range), lexicon) {
            denied.push((range.clone(), edit));
        }
    }
    if denied.is_empty() {
        return Vec::new();
    }
    let kept: HashSet<String> = reanalysed(draft, analysis, library, &denied).into_iter().collect();
    passages
        .iter()
        .filter(|(range, _)| !denied.iter().any(|(r, _)| r == range))
        .flat_map(|(_, fs)| fs.iter().copied())
        .filter(|&i| analysis.findings[i].kind != FindingKind::Missing && !kept.contains(&analysis.findings[i].key()))
        .collect()
}

/// The keys of the findings of the draft read again with each addition denied.
fn reanalysed(draft: &Draft, analysis: &Analysis, library: &ClauseLibrary, denied: &[(Range<usize>, Edit)]) -> Vec<String> {
    let (mut text, mut analysed) = (draft.text.clone(), draft.analysed.clone());
    let mut order: Vec<&(Range<usize>, Edit)> = denied.iter().collect();
    order.sort_by_key(|(r, e)| std::cmp::Reverse(r.start + e.range.start));
    for (range, edit) in order {
        let at = range.start + edit.range.start..range.start + edit.range.end;
        text.replace_range(at.clone(), &edit.inserted);
        analysed.replace_range(at, &edit.inserted);
    }
    let doc = Document {
        path: analysis.source.path.clone().into(),
        format: draft.format,
        text,
        analysed,
        sha256: String::new(),
        bytes: 0,
        notes: Vec::new(),
    };
    // The agency as the first reading had it: given, or found again in the same words.
    let options = Options { agency_party: (!analysis.parties.detected).then(|| analysis.parties.agency.clone()).flatten() };
    Analyzer::new(library).analyze(&doc, &options).findings.iter().map(crate::analysis::Finding::key).collect()
}
