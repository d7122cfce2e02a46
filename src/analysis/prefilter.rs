//! One pass over a draft for every word the library's patterns need. Each pattern carries sets
//! of words, one of each set occurring in any match of it ({"hereby"}, {"assign", "transfer"});
//! a single Aho-Corasick scan finds where the words occur, and each pattern then runs only on
//! the clauses holding a word of each of its sets instead of over the whole draft.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::hash::FxMap;
use crate::library::{ClauseLibrary, Pattern};

pub struct Prefilter {
    automaton: Option<AhoCorasick>,
    /// Each literal's index in the automaton.
    ids: FxMap<String, usize>,
}

/// Where the literals of one draft occur.
pub struct Hits<'a> {
    prefilter: &'a Prefilter,
    /// For each literal, the ranges (indices) it occurs in, ascending.
    found: Vec<Vec<usize>>,
    /// The ranges searched.
    positions: Vec<usize>,
    /// How many ranges there are (searched or not).
    count: usize,
}

impl Prefilter {
    /// The words of every pattern in `library` (rules, their contexts, missing checks, cues)
    /// and of `more`.
    pub fn new<'a>(library: &'a ClauseLibrary, more: impl IntoIterator<Item = &'a Pattern>) -> Self {
        let patterns = library.clauses.iter().flat_map(|c| {
            let rules = c.rules.iter().flat_map(|r| r.patterns.iter().chain(&r.unless).chain(&r.unless_clause).chain(&r.requires));
            let missing = c.missing.iter().flat_map(|m| m.present_when.iter().chain(&m.applies_when));
            rules.chain(missing).chain(&c.cues)
        });
        let mut ids: FxMap<String, usize> = FxMap::default();
        for literal in patterns.chain(more).flat_map(Pattern::required).flatten() {
            if !ids.contains_key(literal) {
                ids.insert(literal.clone(), ids.len());
            }
        }
        let mut literals: Vec<(&String, &usize)> = ids.iter().collect();
        literals.sort_by_key(|(_, id)| **id);
        // Overlapping matches: "assigned" must count for both "assign" and "signed".
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(literals.iter().map(|(l, _)| l.as_bytes()))
            .ok();
        Self { automaton, ids }
    }

    /// Finds every literal in the ranges of `text` at `positions` (ascending indices into
    /// `ranges`, byte ranges of `text`), noting which range each occurs in. Ranges left out are
    /// not searched: a later round's analysis scans only the clauses it cannot reuse.
    pub fn scan(&self, text: &str, ranges: &[(usize, usize)], positions: Vec<usize>) -> Hits<'_> {
        let mut found = vec![Vec::new(); self.ids.len()];
        if let Some(automaton) = &self.automaton {
            for &k in &positions {
                let (start, end) = ranges[k];
                for m in automaton.find_overlapping_iter(&text[start..end]) {
                    let list = &mut found[m.pattern().as_usize()];
                    if list.last() != Some(&k) {
                        list.push(k);
                    }
                }
            }
        }
        Hits { prefilter: self, found, positions, count: ranges.len() }
    }
}

impl Hits<'_> {
    /// The ranges `pattern` can match within, ascending: those holding a word of each of its
    /// sets, or every range searched for a pattern without any (or one the prefilter was not
    /// built for).
    pub fn ranges(&self, pattern: &Pattern) -> Vec<usize> {
        let Some(sets) = self.ids(pattern) else { return self.positions.clone() };
        // A bit a range: those holding a word of each set so far.
        let mut every = vec![u64::MAX; self.count.div_ceil(64)];
        for set in sets {
            let mut any = vec![0u64; every.len()];
            for k in set.iter().flat_map(|&id| &self.found[id]) {
                any[k / 64] |= 1 << (k % 64);
            }
            every.iter_mut().zip(any).for_each(|(e, a)| *e &= a);
        }
        let bits = every.iter().enumerate().flat_map(|(w, &bits)| (0..64).filter(move |b| bits >> b & 1 == 1).map(move |b| w * 64 + b));
        bits.collect()
    }

    /// The automaton's ids of the pattern's word sets; `None` when nothing rules a range out.
    fn ids(&self, pattern: &Pattern) -> Option<Vec<Vec<usize>>> {
        self.prefilter.automaton.as_ref()?;
        let sets: Vec<Vec<usize>> = pattern
            .required()
            .iter()
            .map(|set| set.iter().map(|w| self.prefilter.ids.get(w).copied()).collect::<Option<Vec<usize>>>())
            .collect::<Option<_>>()?;
        (!sets.is_empty()).then_some(sets)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_runs_only_where_its_words_are() {
        let library = ClauseLibrary::embedded();
        let prefilter = Prefilter::new(&library, []);
        let text = "the fees are due monthly. provider hereby assigns the deliverables to client. the term is one year.";
        let ranges = [(0, 26), (26, 78), (78, text.len())];
        let hits = prefilter.scan(text, &ranges, vec![0, 1, 2]);
        let assign = Pattern::new("(?:hereby|presently) assign~").expect("pattern");
        let unknown = Pattern::new("(?:zebra|quagga) stripes").expect("pattern");
        assert_eq!(hits.ranges(&assign), vec![1], "only the middle clause holds \"assign\"");
        assert_eq!(hits.ranges(&unknown), vec![0, 1, 2], "a pattern the prefilter was not built for runs everywhere");
        let synthetic =
            library.clauses.iter().flat_map(|c| &c.rules).flat_map(|r| &r.patterns).find(|p| p.source().starts_with("synthetic"));
        let synthetic = synthetic.expect("the library has a synthetic-data pattern");
        assert!(hits.ranges(synthetic).is_empty());
        let some = prefilter.scan(text, &ranges, vec![0, 2]);
        assert!(some.ranges(&assign).is_empty(), "the clause holding \"assign\" was left out");
        assert_eq!(some.ranges(&unknown), vec![0, 2], "a pattern without words runs on the ranges searched");
    }
}
