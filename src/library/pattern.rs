//! The phrase patterns of the clause library: a small, forgiving layer over `regex` so that a
//! rule written once matches the ways lawyers actually type it.

mod anchored;

use std::cmp::Reverse;
use std::fmt;
use std::ops::Range;

use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use regex_automata::Input;
use regex_automata::meta::{self, Cache, Regex};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::iter::Searcher;
use regex_syntax::hir::{Hir, HirKind};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A compiled phrase pattern. Patterns are matched against normalised text (lower case,
/// straight quotes, one space for any run of white space), so they are written in lower case.
///
/// Syntax: `regex` crate syntax (linear time, no backtracking) plus two conveniences:
/// a space matches any run of spaces, line breaks or hyphens, and `~` after a word allows up
/// to four more ASCII letters (plural and tense variants: `assign~` matches `assigns`, `assigned`,
/// `assignment`). The whole pattern is anchored at word boundaries.
pub struct Pattern {
    source: String,
    expanded: String,
    hir: Hir,
    /// Compiled on first search: compiling is most of the cost of loading a library, and
    /// on any one draft the prefilter rules most patterns out. `None` if it cannot compile
    /// (too large); `library check` and loading a library folder report that up front.
    compiled: OnceLock<Option<Compiled>>,
    /// Sets of words, one word of each set occurring in every match ({"hereby"},
    /// {"assign", "transfer"}...), read from the pattern's syntax: a clause lacking any set
    /// cannot match, which lets the analysis skip most clauses. Empty when nothing is known.
    required: Vec<Vec<String>>,
}

enum Compiled {
    /// Searched from each place a match can start (a pattern with a wide gap), and the usual
    /// way, compiled when first needed, where that reads too much.
    Anchored(Box<anchored::Anchored>, OnceLock<Option<Whole>>),
    Whole(Whole),
}

/// The pattern searched the usual way: forward for where the leftmost match ends, then back for
/// where it starts.
struct Whole {
    regex: Regex,
    /// The pattern's own search state (its lazily built DFA): kept with the pattern, so it
    /// stays warm from one draft to the next whichever thread searches.
    cache: Mutex<Cache>,
}

impl Whole {
    fn new(hir: &Hir) -> Option<Self> {
        build(hir).ok().map(|regex| Whole { cache: Mutex::new(regex.create_cache()), regex })
    }

    fn search(&self, input: &Input) -> Option<Range<usize>> {
        self.regex.search_with(&mut lock(&self.cache), input).map(|m| m.range())
    }

    fn find_within(&self, normalised: &str, within: Range<usize>, found: &mut Vec<Range<usize>>) {
        let mut cache = lock(&self.cache);
        let mut searcher = Searcher::new(Input::new(normalised).range(within));
        found.extend(std::iter::from_fn(|| searcher.advance(|input| Ok(self.regex.search_with(&mut cache, input)))).map(|m| m.range()));
    }
}

/// Shorter required words are too common to be worth searching for first.
const MIN_LITERAL: usize = 3;
/// The rarest sets are enough to rule out nearly every clause.
const MAX_SETS: usize = 4;

impl Pattern {
    pub fn new(source: &str) -> Result<Self, String> {
        // Normalised text has one plain space for any run of white space, so a space in a
        // pattern need only match spaces and hyphens. Word boundaries are ASCII: the patterns
        // are English and the fast DFA engines cannot do Unicode boundaries on non-ASCII text.
        let expanded = format!(r"(?-u:\b)(?:{})(?-u:\b)", source.replace(' ', "[ -]*").replace('~', "[a-z]{0,4}"));
        let hir = regex_syntax::ParserBuilder::new().nest_limit(32).build().parse(&expanded).map_err(|e| e.to_string())?;
        let required = required_words(&hir);
        Ok(Self { source: source.to_owned(), expanded, hir, compiled: OnceLock::new(), required })
    }

    /// Compiles the pattern's search now, saying why it cannot be.
    pub fn compile(&self) -> Result<(), String> {
        match self.compiled() {
            Some(_) => Ok(()),
            // Compiled once more only to say why it failed.
            None => build(&self.hir).map(|_| ()),
        }
    }

    /// Compiles every search the pattern may need, saying why one cannot be: `library check`.
    pub fn check(&self) -> Result<(), String> {
        self.compile()?;
        match self.whole() {
            Some(_) => Ok(()),
            None => build(&self.hir).map(|_| ()),
        }
    }

    fn compiled(&self) -> Option<&Compiled> {
        self.compiled
            .get_or_init(|| match anchored::Anchored::new(&self.hir) {
                Some(anchored) => Some(Compiled::Anchored(Box::new(anchored), OnceLock::new())),
                None => Whole::new(&self.hir).map(Compiled::Whole),
            })
            .as_ref()
    }

    /// The usual search: the pattern's own, or the one an anchored search falls back on.
    fn whole(&self) -> Option<&Whole> {
        match self.compiled()? {
            Compiled::Whole(whole) => Some(whole),
            Compiled::Anchored(_, whole) => whole.get_or_init(|| Whole::new(&self.hir)).as_ref(),
        }
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// The pattern as `regex` syntax, with the conveniences expanded and word boundaries added.
    pub fn expanded(&self) -> &str {
        &self.expanded
    }

    /// The sets of words every match holds one of each of (see `required`).
    pub fn required(&self) -> &[Vec<String>] {
        &self.required
    }

    pub fn is_match(&self, normalised: &str) -> bool {
        self.is_match_within(normalised, 0..normalised.len())
    }

    /// Whether the pattern matches within `within` of `normalised`.
    pub fn is_match_within(&self, normalised: &str, within: Range<usize>) -> bool {
        if let Some(Compiled::Anchored(anchored, _)) = self.compiled()
            && let Some(found) = anchored.is_match_within(normalised, within.clone())
        {
            return found;
        }
        self.whole().and_then(|w| w.search(&Input::new(normalised).range(within).earliest(true))).is_some()
    }

    /// The first match in `normalised`.
    pub fn find(&self, normalised: &str) -> Option<Range<usize>> {
        match self.compiled()? {
            Compiled::Whole(whole) => whole.search(&Input::new(normalised)),
            // Rarely asked: the first of all the matches.
            Compiled::Anchored(..) => self.find_within(normalised, 0..normalised.len()).into_iter().next(),
        }
    }

    /// The matches lying within `within` of `normalised`; the text around it still counts for
    /// the word boundaries at its edges.
    pub fn find_within(&self, normalised: &str, within: Range<usize>) -> Vec<Range<usize>> {
        let mut found = Vec::new();
        let from = match self.compiled() {
            None => return found,
            Some(Compiled::Anchored(anchored, _)) => match anchored.find_within(normalised, within.clone(), &mut found) {
                Ok(()) => return found,
                Err(anchored::GaveUp(from)) => from,
            },
            Some(Compiled::Whole(_)) => within.start,
        };
        if let Some(whole) = self.whole() {
            whole.find_within(normalised, from..within.end, &mut found);
        }
        found
    }
}

fn lock<T>(cache: &Mutex<T>) -> MutexGuard<'_, T> {
    // A search that panicked leaves a cache that is still sound to reuse.
    cache.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Only where a match is, never its groups, is used (`None` would leave `find` nothing to
/// report, so `Implicit`). The analysis runs its own word prefilter and searches only the
/// clauses it picks, in one forward pass each: the engine's literal strategies (reverse
/// searches from each literal) cost more there, so they are off. Each pattern keeps its own
/// lazy-DFA cache, capped at 1 MiB (cleared and rebuilt when full), so a library's caches stay
/// bounded whatever the draft.
fn build(hir: &Hir) -> Result<Regex, String> {
    let config = meta::Config::new()
        .which_captures(WhichCaptures::Implicit)
        .auto_prefilter(false)
        .onepass(false)
        .backtrack(false)
        .nfa_size_limit(Some(1 << 20))
        .hybrid_cache_capacity(1 << 20);
    meta::Builder::new().configure(config).build_from_hir(hir).map_err(|e| first_line(&e.to_string()))
}

impl Clone for Pattern {
    fn clone(&self) -> Self {
        // The clone compiles afresh when first used (the search state is not shared).
        Self {
            source: self.source.clone(),
            expanded: self.expanded.clone(),
            hir: self.hir.clone(),
            compiled: OnceLock::new(),
            required: self.required.clone(),
        }
    }
}

/// Sets of words, one of each set occurring in every match of `hir`: the rarest few sets whose
/// words are all long enough to be worth looking for.
fn required_words(hir: &Hir) -> Vec<Vec<String>> {
    let mut sets: Vec<Vec<String>> = required(hir)
        .into_iter()
        .filter(|set| set.iter().all(|w| w.len() >= MIN_LITERAL))
        .filter_map(|set| set.into_iter().map(String::from_utf8).collect::<Result<Vec<_>, _>>().ok())
        .map(|mut set| {
            set.sort_unstable();
            set.dedup();
            // "assignment" occurs wherever "assign" is written in full, so it adds nothing.
            let all = set.clone();
            set.retain(|w| !all.iter().any(|o| o != w && w.contains(o.as_str())));
            set
        })
        .collect();
    sets.sort_by_key(|set| std::cmp::Reverse(rarity(set)));
    sets.dedup();
    sets.truncate(MAX_SETS);
    sets
}

/// What every match of `hir` holds: one word of each set.
fn required(hir: &Hir) -> Vec<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Literal(literal) => vec![vec![literal.0.to_vec()]],
        HirKind::Capture(capture) => required(&capture.sub),
        HirKind::Repetition(repetition) if repetition.min > 0 => required(&repetition.sub),
        HirKind::Concat(parts) => parts.iter().flat_map(required).collect(),
        // Every branch must give a set; a match holds a word of their union (each branch
        // contributing the rarest set it has).
        HirKind::Alternation(branches) => branches
            .iter()
            .map(|b| required(b).into_iter().max_by_key(|set| rarity(set)))
            .try_fold(Vec::new(), |mut union, set| {
                union.extend(set?);
                Some(union)
            })
            .map_or_else(Vec::new, |union| vec![union]),
        _ => Vec::new(),
    }
}

/// Longer words are rarer, and fewer of them cheaper to look for.
fn rarity<T: AsRef<[u8]>>(set: &[T]) -> (usize, Reverse<usize>) {
    (set.iter().map(|w| w.as_ref().len()).min().unwrap_or(0).min(6), Reverse(set.len()))
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Pattern({:?})", self.source)
    }
}

impl Serialize for Pattern {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.source)
    }
}

impl<'de> Deserialize<'de> for Pattern {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let source = String::deserialize(d)?;
        if source.trim().is_empty() {
            return Err(serde::de::Error::custom("empty pattern"));
        }
        Pattern::new(&source).map_err(|e| serde::de::Error::custom(format!("pattern {source:?} does not compile: {}", first_line(&e))))
    }
}

fn first_line(s: &str) -> String {
    s.lines().rfind(|l| !l.trim().is_empty()).unwrap_or(s).trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_match_line_breaks_and_hyphens() {
        let p = Pattern::new("all work product").unwrap();
        assert!(p.is_match("all work product"));
        assert!(p.is_match("all work-product"));
        assert!(p.is_match("all work  product"));
        assert!(!p.is_match("all workers product"));
    }

    #[test]
    fn tilde_allows_inflections_but_respects_word_boundaries() {
        let p = Pattern::new("hereby assign~").unwrap();
        assert!(p.is_match("hereby assigns"));
        assert!(p.is_match("hereby assigned"));
        assert!(!p.is_match("hereby assignmentsxx"));
    }

    #[test]
    fn required_words_come_from_every_part() {
        let required = |s: &str| Pattern::new(s).unwrap().required().to_vec();
        let words = |w: &[&str]| w.iter().map(|w| (*w).to_owned()).collect::<Vec<_>>();
        assert_eq!(required("all work product"), [words(&["product"]), words(&["work"]), words(&["all"])]);
        assert_eq!(required("(?:hereby|presently) assign~"), [words(&["assign"]), words(&["hereby", "presently"])]);
        assert_eq!(required("(?:assign(?:s|ed)?|transfer~) of (?:ip|know how)"), [words(&["assign", "transfer"])]);
        assert_eq!(required("(?:an?|the) (?:licen[cs]e|right)"), [words(&["licen", "right"])]);
        assert!(required("(?:a|the)?,? ip").is_empty(), "nothing three letters long is required");
    }

    #[test]
    fn every_match_holds_a_word_of_each_set() {
        for source in
            ["(?:vest(?:s|ed)?|pass(?:es)?) (?:[a-z]+ ){0,6}?upon (?:the )?(?:execution|signature)", "synthetic (?:data|datasets?)"]
        {
            let p = Pattern::new(source).unwrap();
            let text = "title vests in client upon the execution of this agreement; synthetic datasets too";
            assert!(!p.required().is_empty(), "{source}");
            let mut matched = 0;
            for m in p.find_within(text, 0..text.len()) {
                matched += 1;
                for set in p.required() {
                    assert!(set.iter().any(|w| text[m.clone()].contains(w.as_str())), "{source}: {set:?} in {:?}", &text[m]);
                }
            }
            assert_eq!(matched, 1, "{source}");
        }
    }

    #[test]
    fn find_within_keeps_the_surrounding_word_boundaries() {
        let p = Pattern::new("assign~").unwrap();
        let text = "reassigns; assigns";
        assert_eq!(p.find_within(text, 2..text.len()), vec![11..18], "\"assigns\" inside \"reassigns\" is no word");
    }

    #[test]
    fn a_pattern_too_large_to_compile_says_so_and_matches_nothing() {
        let huge = Pattern::new(r"(?:\w{0,60} ){0,60}").expect("valid syntax");
        assert!(huge.compile().is_err());
        assert!(!huge.is_match("x"));
        assert!(Pattern::new("all work product").unwrap().compile().is_ok());
    }

    #[test]
    fn bad_regex_is_an_error() {
        assert!(Pattern::new("(unclosed").is_err());
    }
}
