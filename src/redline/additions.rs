//! Findings that an addition to a defined term gives other clauses. "For the avoidance of
//! doubt, the Foreground IPR includes all methods ..." makes every clause that transfers the
//! Foreground IPR take the agency's methods, and its definition read as taking them. The
//! redline denies the addition where it is made (`phrase::addition_denied`); the findings it
//! alone gave elsewhere are answered there, and those clauses keep their words for them (one
//! fix per problem: narrowing §7.1 as well would fix it twice, and in other words).
//!
//! Which findings the addition alone gave is read, not guessed: the draft is analysed again
//! with the additions denied, and a finding the second reading no longer makes was theirs.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use super::Draft;
use super::phrase::{self, Edit};
use crate::analysis::{Analysis, Analyzer, FindingKind, Options};
use crate::ingest::Document;
use crate::library::{ClauseLibrary, Concern};

/// Of the `passages` (ranges of the draft's text, each with its findings), the findings that
/// only additions the redline denies give: none of those passages is itself an addition.
pub(super) fn answered_where_added(
    draft: &Draft,
    analysis: &Analysis,
    library: &ClauseLibrary,
    lexicon: &crate::reading::Lexicon,
    passages: &[(Range<usize>, Vec<usize>)],
) -> Vec<usize> {
    // Each passage's words once, with the concerns of every finding in them.
    let mut by_words: BTreeMap<(usize, usize), Vec<Concern>> = BTreeMap::new();
    for (range, fs) in passages {
        by_words.entry((range.start, range.end)).or_default().extend(fs.iter().map(|&i| analysis.findings[i].concern));
    }
    let denied: Vec<(Range<usize>, Edit)> = by_words
        .iter()
        .filter_map(|(&(start, end), concerns)| {
            phrase::addition_denied(&draft.analysed[start..end], concerns, lexicon).map(|edit| (start..end, edit))
        })
        .collect();
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
