//! Searching a pattern from the places a match can start. A pattern with a wide gap in it
//! (`assign~ [^.;]{0,120}? all`) searched the usual way keeps, at every byte, every match begun
//! within the gap before it: the lazy DFA's states are sets of those, and on a contract nearly
//! every byte makes a new one (tens of thousands of states, most of a fresh process's search
//! time). Every match starts with one of a few literals (`assign`), so each place one of them
//! occurs is tried on its own, anchored: the states are then one match's progress, few and
//! reused. The first place that matches gives the same match as the unanchored search, which
//! prefers the leftmost start.

use std::ops::Range;
use std::sync::Mutex;

use aho_corasick::{AhoCorasick, MatchKind};
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::{Anchored as AnchoredKind, HalfMatch, Input, MatchError};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind};

use super::lock;

/// A gap this wide or wider makes the unanchored search build states without end.
const WIDE_GAP: u32 = 5;
/// Bytes an anchored search may read, in all, for each byte searched (plus `SLACK`), before the
/// search gives up and the caller searches the rest unanchored: a pattern that can run on
/// through the text from every start (`(?:assign )+`) would otherwise read it once a start.
const READ_PER_BYTE: usize = 16;
const SLACK: usize = 1 << 16;

pub struct Anchored {
    dfa: DFA,
    cache: Mutex<Cache>,
    /// The literals every match starts with.
    starts: AhoCorasick,
}

/// Where an anchored search gave up (it had read more than its share): the caller searches
/// onward from here the usual way.
pub struct GaveUp(pub usize);

impl Anchored {
    /// The anchored search of `hir`, when it is the better one: the pattern has a wide gap and
    /// every match starts with one of a few known literals.
    pub fn new(hir: &Hir) -> Option<Self> {
        if !has_wide_gap(hir) {
            return None;
        }
        let mut prefixes = Extractor::new().kind(ExtractKind::Prefix).extract(hir);
        prefixes.optimize_for_prefix_by_preference();
        if prefixes.min_literal_len().is_none_or(|n| n == 0) {
            return None;
        }
        let starts = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(prefixes.literals()?.iter().map(regex_syntax::hir::literal::Literal::as_bytes))
            .ok()?;
        let nfa = thompson::Compiler::new()
            .configure(thompson::Config::new().which_captures(WhichCaptures::None).nfa_size_limit(Some(1 << 20)))
            .build_from_hir(hir)
            .ok()?;
        let dfa = DFA::builder().configure(DFA::config().cache_capacity(1 << 20)).build_from_nfa(nfa).ok()?;
        Some(Self { cache: Mutex::new(dfa.create_cache()), dfa, starts })
    }

    /// The matches within `within` of `text`, leftmost first and not overlapping, as the
    /// unanchored search finds them; or, with those found so far, where it gave up.
    pub fn find_within(&self, text: &str, within: Range<usize>, found: &mut Vec<Range<usize>>) -> Result<(), GaveUp> {
        let mut cache = lock(&self.cache);
        let mut reader = Reader::new(within.len());
        let mut from = within.start;
        for start in self.starts(text, within.clone()) {
            if start < from {
                continue;
            }
            let input = Input::new(text).range(start..within.end).anchored(AnchoredKind::Yes);
            let end = reader.read(&mut cache, within.end - start, |cache| self.dfa.try_search_fwd(cache, &input));
            match end {
                Ok(Some(end)) => {
                    found.push(start..end);
                    from = end;
                }
                Ok(None) => {}
                Err(()) => return Err(GaveUp(from.max(start))),
            }
            if reader.spent() {
                return Err(GaveUp(from.max(start + 1)));
            }
        }
        Ok(())
    }

    /// Whether the pattern matches within `within` of `text`; `None` when the search gave up.
    pub fn is_match_within(&self, text: &str, within: Range<usize>) -> Option<bool> {
        let mut cache = lock(&self.cache);
        let mut reader = Reader::new(within.len());
        for start in self.starts(text, within.clone()) {
            let input = Input::new(text).range(start..within.end).anchored(AnchoredKind::Yes).earliest(true);
            match reader.read(&mut cache, within.end - start, |cache| self.dfa.try_search_fwd(cache, &input)) {
                Ok(Some(_)) => return Some(true),
                Ok(None) if !reader.spent() => {}
                _ => return None,
            }
        }
        Some(false)
    }

    /// Where a match can start within `within`, ascending.
    fn starts(&self, text: &str, within: Range<usize>) -> Vec<usize> {
        // A match lies within `within`, and so does the literal it starts with. Each search
        // finds the leftmost literal, so searching on from just after each finds them all,
        // overlapping ones too, with the searcher's fast scan for the literals' bytes.
        let haystack = &text.as_bytes()[..within.end];
        let mut starts = Vec::new();
        let mut from = within.start;
        while let Some(found) = self.starts.find(aho_corasick::Input::new(haystack).range(from..)) {
            starts.push(found.start());
            from = found.start() + 1;
        }
        starts
    }
}

/// Counts the bytes the anchored searches read against their allowance.
struct Reader {
    left: usize,
}

impl Reader {
    fn new(searched: usize) -> Self {
        Self { left: searched.saturating_mul(READ_PER_BYTE).saturating_add(SLACK) }
    }

    /// Runs one search; `most` is the most it can read. `Err` when the engine failed.
    fn read(
        &mut self,
        cache: &mut Cache,
        most: usize,
        search: impl FnOnce(&mut Cache) -> Result<Option<HalfMatch>, MatchError>,
    ) -> Result<Option<usize>, ()> {
        let (clears, before) = (cache.clear_count(), cache.search_total_len());
        let result = search(cache);
        // The count restarts when the cache is cleared; then charge the most it could have read.
        let read = if cache.clear_count() == clears { cache.search_total_len().saturating_sub(before) } else { most };
        self.left = self.left.saturating_sub(read.max(1));
        result.map(|m| m.map(|m| m.offset())).map_err(|_| ())
    }

    fn spent(&self) -> bool {
        self.left == 0
    }
}

/// Whether `hir` has a repetition that lets a match run on for a while over anything
/// (`[^.;]{0,120}`, `(?:[a-z]+ ){0,16}`): a bounded one at least `WIDE_GAP` long, or an
/// unbounded one of more than a single class.
fn has_wide_gap(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Repetition(r) => {
            let wide = match r.max {
                Some(max) => max >= WIDE_GAP,
                None => !matches!(r.sub.kind(), HirKind::Class(_) | HirKind::Literal(_)),
            };
            wide || has_wide_gap(&r.sub)
        }
        HirKind::Capture(c) => has_wide_gap(&c.sub),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => parts.iter().any(has_wide_gap),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use proptest::prelude::*;

    use super::super::{Pattern, Whole};
    use super::*;

    /// Gap patterns in the library's style, and the library's own.
    static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
        let own = [
            "(?:assign~|transfer~|title|owns?)[^.;]{0,40}?(?:full payment|paid in full|upon (?:the )?client pays)",
            "(?:grant~|give~) (?:[a-z0-9,'\\-]+ ){0,6}?licen[cs]e",
            "(?:perpetual|irrevocable)(?:,? (?:and )?[a-z]+){0,5}? (?:licen[cs]e|rights?)",
            "(?:all )?work product(?:[^.;]{0,30}?)(?:client|é)",
        ];
        let library = crate::library::ClauseLibrary::embedded();
        let theirs: Vec<Pattern> = library
            .clauses
            .iter()
            .flat_map(|c| c.rules.iter().flat_map(|r| r.patterns.iter().chain(&r.unless).chain(&r.requires)))
            .filter(|p| matches!(p.compiled(), Some(super::super::Compiled::Anchored(..))))
            .cloned()
            .collect();
        assert!(theirs.len() > 10, "the library has gap patterns");
        own.iter().map(|s| Pattern::new(s).expect("pattern")).chain(theirs).collect()
    });

    /// The usual search's matches and whether it matches, for comparison.
    fn whole(p: &Pattern, text: &str, within: Range<usize>) -> (Vec<Range<usize>>, bool) {
        let whole = Whole::new(&p.hir).expect("compiles");
        let mut found = Vec::new();
        whole.find_within(text, within.clone(), &mut found);
        let any = whole.search(&Input::new(text).range(within).earliest(true)).is_some();
        (found, any)
    }

    #[test]
    fn a_gap_pattern_is_searched_from_its_starts() {
        let p = Pattern::new("(?:assign~|title)[^.;]{0,40}?full payment").expect("pattern");
        assert!(matches!(p.compiled(), Some(super::super::Compiled::Anchored(..))));
        let text = "title to it; provider assigns, title and all, upon full payment. assigns upon full payment";
        let found = p.find_within(text, 0..text.len());
        assert_eq!(found, whole(&p, text, 0..text.len()).0);
        assert_eq!(
            found.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(),
            ["assigns, title and all, upon full payment", "assigns upon full payment"]
        );
    }

    #[test]
    fn a_pattern_that_runs_on_gives_up_and_is_searched_the_usual_way() {
        // Every "assign" starts a match attempt that runs to the end and fails there: tried one
        // by one, the search would read the text once a start.
        let p = Pattern::new("(?:assign~ )+(?:[a-z]+ ){0,5}now").expect("pattern");
        let Some(super::super::Compiled::Anchored(anchored, _)) = p.compiled() else { panic!("searched from its starts") };
        let text = format!("{}later, now", "assigns ".repeat(40_000));
        let mut found = Vec::new();
        assert!(anchored.find_within(&text, 0..text.len(), &mut found).is_err(), "gave up");
        assert!(p.find_within(&text, 0..text.len()).is_empty());
        assert!(anchored.is_match_within(&text, 0..text.len()).is_none());
        assert!(!p.is_match(&text));
        let text = format!("{}now", "assigns ".repeat(40_000));
        assert_eq!(p.find_within(&text, 0..text.len()), vec![0..text.len()]);
    }

    fn words() -> impl Strategy<Value = String> {
        let word = prop::sample::select(vec![
            "provider",
            "assigns",
            "assign",
            "title",
            "to",
            "client",
            "all",
            "work",
            "product",
            "upon",
            "full",
            "payment",
            "paid",
            "in",
            "grants",
            "a",
            "perpetual",
            "irrevocable",
            "and",
            "license",
            "licence",
            "rights",
            "é",
            "—",
            ".",
            ";",
            ",",
            "-",
            "know-how",
            "hereby",
            "the",
            "owns",
            "reassigns",
        ]);
        prop::collection::vec((word, prop::sample::select(vec![" ", "", "  ", "\n"])), 0..60)
            .prop_map(|parts| parts.into_iter().flat_map(|(w, s)| [w, s]).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn searched_from_its_starts_a_pattern_finds_what_the_usual_search_finds(text in words(), cut in 0usize..8) {
            let text = text.to_lowercase();
            let start = crate::text::floor_char(&text, cut.min(text.len()));
            let end = crate::text::ceil_char(&text, text.len().saturating_sub(cut));
            let within = start..end.max(start);
            for p in PATTERNS.iter() {
                let (found, any) = whole(p, &text, within.clone());
                prop_assert_eq!(p.find_within(&text, within.clone()), found, "{}", p.source());
                prop_assert_eq!(p.is_match_within(&text, within.clone()), any, "{}", p.source());
            }
        }
    }
}
