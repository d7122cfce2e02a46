//! A later round of a draft mostly repeats the earlier one. A clause worded as a clause of the
//! earlier round (its number aside) takes that clause's findings, library match and check results
//! instead of being analysed again: the rules read nothing outside a clause but the parties, and
//! the parties must be the same in both rounds for any of this to apply.

use std::cell::OnceCell;

use super::rules::{Draft, Find, Matches};
use super::{Analysis, Finding, FindingKind};
use crate::hash::FxMap;
use crate::ingest::Document;
use crate::library::Pattern;
use crate::segment::Clause;

/// The earlier round's clause a clause is worded as.
#[derive(Debug, Clone, Copy)]
pub struct Source {
    pub clause: usize,
    /// Where the clause's words start, less where the earlier clause's did.
    shift: isize,
}

/// What the rules read of each clause (from where the one before it ends to where it ends) as
/// two ranges of `text`: the number and white space before the words, and the words.
fn parts(text: &str, ends: impl Iterator<Item = usize>) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let mut previous = 0;
    ends.map(|end| {
        let region = &text[previous..end];
        let words = region.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || matches!(c, '.' | '(' | ')'));
        let at = end - words.len();
        (std::mem::replace(&mut previous, end)..at, at..end)
    })
    .collect()
}

/// For each of `clauses` (of `doc`), the clause of `base` it can take its results from.
pub fn sources(base_doc: &Document, base: &Analysis, doc: &Document, clauses: &[Clause]) -> Vec<Option<Source>> {
    let old_parts = parts(&base_doc.analysed, base.clauses.iter().map(|c| c.end));
    // A finding in the number or the white space before the words cannot move with them.
    let mut movable = vec![true; base.clauses.len()];
    for f in base.pattern_findings.iter().filter(|f| f.kind == FindingKind::Phrase) {
        if let (Some(k), Some(start)) = (f.clause, f.start) {
            movable[k] &= start >= old_parts[k].1.start;
        }
    }
    let mut by_words: FxMap<&str, usize> = FxMap::default();
    by_words.reserve(base.clauses.len());
    for (k, (_, words)) in old_parts.iter().enumerate().filter(|(k, _)| movable[*k]) {
        by_words.entry(&base_doc.analysed[words.clone()]).or_insert(k);
    }
    // Similarity counts words of three characters or more: a number that long is a word.
    let long_number = |p: &str| p.split(|c: char| !c.is_ascii_digit()).any(|run| run.len() >= 3);
    parts(&doc.analysed, clauses.iter().map(|c| c.end))
        .into_iter()
        .map(|(prefix, words)| {
            let k = *by_words.get(&doc.analysed[words.clone()])?;
            let (old_prefix, old_words) = old_parts[k].clone();
            let (prefix, old_prefix) = (&doc.analysed[prefix], &base_doc.analysed[old_prefix]);
            let same = (prefix == old_prefix || !(long_number(prefix) || long_number(old_prefix)))
                // The displayed text (phrases are cut from it) must match too, and a hyphen at the
                // end can join the next clause's first word in normalising.
                && doc.text[words.clone()] == base_doc.text[old_words.clone()]
                && !doc.analysed[words.clone()].trim_end().ends_with('-');
            same.then_some(Source { clause: k, shift: words.start.cast_signed() - old_words.start.cast_signed() })
        })
        .collect()
}

/// The phrase findings of the clauses taken from `base`, moved to where the clauses now stand.
pub fn findings(base: &Analysis, sources: &[Option<Source>], clauses: &[Clause]) -> Vec<Finding> {
    let mut by_clause: Vec<Vec<&Finding>> = vec![Vec::new(); base.clauses.len()];
    for f in base.pattern_findings.iter().filter(|f| f.kind == FindingKind::Phrase) {
        if let Some(k) = f.clause {
            by_clause[k].push(f);
        }
    }
    let moved = |at: Option<usize>, shift: isize| at.map(|at| at.saturating_add_signed(shift));
    clauses
        .iter()
        .zip(sources)
        .filter_map(|(c, s)| Some((c, (*s)?)))
        .flat_map(|(c, s)| {
            by_clause[s.clause].iter().map(move |f| Finding {
                clause: Some(c.index),
                start: moved(f.start, s.shift),
                end: moved(f.end, s.shift),
                ..(*f).clone()
            })
        })
        .collect()
}

/// The whole-draft checks of a later round: the earlier round's matches among the clauses taken
/// from it, the fresh clauses' own, and a reading of the whole draft where those cannot tell
/// (a protection found in a clause that has since changed).
pub struct Later<'a, 'd, F> {
    base: &'a [Matches],
    sources: &'a [Option<Source>],
    fresh: &'a Draft<'d>,
    whole: OnceCell<Draft<'d>>,
    read_whole: F,
}

impl<'a, 'd, F: Fn() -> Draft<'d>> Later<'a, 'd, F> {
    pub fn new(base: &'a [Matches], sources: &'a [Option<Source>], fresh: &'a Draft<'d>, read_whole: F) -> Self {
        Self { base, sources, fresh, whole: OnceCell::new(), read_whole }
    }

    /// The clauses taken from the earlier round where the check matched there.
    fn taken(&self, check: usize) -> Vec<usize> {
        let matched = &self.base[check].at;
        let from_match = |s: &Option<Source>| s.is_some_and(|s| matched.binary_search(&s.clause).is_ok());
        self.sources.iter().enumerate().filter(|(_, s)| from_match(s)).map(|(k, _)| k).collect()
    }

    fn whole(&self) -> &Draft<'d> {
        self.whole.get_or_init(&self.read_whole)
    }
}

impl<'d, F: Fn() -> Draft<'d>> Find for Later<'_, 'd, F> {
    fn any(&self, check: usize, pattern: &Pattern) -> Option<usize> {
        let found = [self.taken(check).first().copied(), self.fresh.any(check, pattern)].into_iter().flatten().min();
        match found {
            Some(k) => Some(k),
            None if self.base[check].complete => None,
            None => self.whole().any(check, pattern),
        }
    }

    fn all(&self, check: usize, pattern: &Pattern) -> Vec<usize> {
        if !self.base[check].complete {
            return self.whole().all(check, pattern);
        }
        let mut at = self.taken(check);
        at.extend(self.fresh.all(check, pattern));
        at.sort_unstable();
        at
    }
}
