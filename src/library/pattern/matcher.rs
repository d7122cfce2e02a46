//! A regular expression searched in time linear in the text: with the DFAs the build script
//! compiled into the binary when it is one of the embedded library's or lexicon's, compiled on
//! first use otherwise. Library patterns and the reading lexicon's word lists are both searched
//! with it.

use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

use regex_automata::dfa::Automaton as _;
use regex_automata::dfa::dense;
use regex_automata::meta::{self, Cache, Regex};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::iter::Searcher;
use regex_automata::{HalfMatch, Input, Match, MatchError, PatternID};
use regex_syntax::hir::Hir;

use super::anchored::{Anchored, GaveUp};
use super::precompiled::{self, Entry, Kind};
use super::skipping::{self, Skip};
use super::syntax;
use super::{first_line, lock};

/// The bytes this process's searches were asked to read (and anchored searches read): a
/// measure of the analysis's work that does not depend on the machine, read by the test that
/// time grows linearly with the draft.
static SEARCHED: AtomicU64 = AtomicU64::new(0);

/// See `SEARCHED`.
pub fn searched() -> u64 {
    SEARCHED.load(Ordering::Relaxed)
}

pub(super) fn count(bytes: usize) {
    SEARCHED.fetch_add(bytes as u64, Ordering::Relaxed);
}

pub struct Matcher {
    regex: String,
    /// How deep its parse may nest (`syntax::PATTERN_NEST` or `syntax::LEXICON_NEST`).
    nest: u32,
    /// Its place in the build script's table, when the build script read it: what is compiled
    /// of it is then the process's, shared by every library holding it.
    entry: Option<usize>,
    /// What is compiled of it when the build script did not read it.
    own: Compiled,
}

/// What is compiled of a regular expression, each part when first needed.
pub(super) struct Compiled {
    /// Parsed when needed: a precompiled expression is not, unless its search falls back.
    hir: OnceLock<Option<Hir>>,
    /// Made on first search: compiling is most of the cost of loading a library, and on any one
    /// draft the prefilter rules most patterns out. `None` if it cannot be compiled (too large);
    /// `library check` and loading a library folder report that up front.
    search: OnceLock<Option<Search>>,
    /// The usual search compiled at run time: the search itself, or the one an anchored search
    /// falls back on where it reads too much.
    whole: OnceLock<Option<Whole>>,
}

impl Compiled {
    pub(super) const fn new() -> Compiled {
        Compiled { hir: OnceLock::new(), search: OnceLock::new(), whole: OnceLock::new() }
    }
}

/// The parse of `regex`: the one the build script stored for `entry`, if it did.
fn hir<'c>(c: &'c Compiled, regex: &str, nest: u32, entry: Option<&Entry>) -> Option<&'c Hir> {
    c.hir
        .get_or_init(|| {
            let stored = match entry.map(|e| &e.kind) {
                Some(Kind::Lazy { hir, .. }) => precompiled::hir(hir),
                _ => None,
            };
            stored.or_else(|| syntax::parse(regex, nest).ok())
        })
        .as_ref()
}

fn whole<'c>(c: &'c Compiled, regex: &str, nest: u32, entry: Option<&Entry>) -> Option<&'c Whole> {
    c.whole.get_or_init(|| Whole::new(hir(c, regex, nest, entry)?, nest)).as_ref()
}

fn search<'c>(c: &'c Compiled, regex: &str, nest: u32, entry: Option<&Entry>) -> Option<&'c Search> {
    c.search
        .get_or_init(|| {
            let precompiled = match entry.map(|e| &e.kind) {
                Some(Kind::Whole { forward, reverse, starts }) => precompiled::dfa(forward).map(|mut forward| {
                    // The forward search skips to where a match can start, as the `regex`
                    // crate does; its DFA's start states are marked for it.
                    let skip = Skip::new(starts);
                    if let Skip::Dfa(prefilter) = &skip {
                        forward.set_prefilter(prefilter.clone());
                    }
                    Search::Dense(Box::new(Dense { forward, skip, reverse_at: reverse.clone(), reverse: OnceLock::new() }))
                }),
                Some(Kind::Anchored { forward, starts }) => {
                    precompiled::dfa(forward).and_then(|dfa| Anchored::dense(dfa, starts)).map(|a| Search::Anchored(Box::new(a)))
                }
                Some(Kind::Lazy { .. }) | None => None,
            };
            // The literals its matches start with, when the build script found them.
            let starts = match entry.map(|e| &e.kind) {
                Some(Kind::Lazy { starts, .. }) if !starts.is_empty() => Some(*starts),
                _ => None,
            };
            precompiled.or_else(|| match Anchored::lazy_starting(hir(c, regex, nest, entry)?, starts) {
                Some(anchored) => Some(Search::Anchored(Box::new(anchored))),
                None => whole(c, regex, nest, entry).map(|_| Search::Whole),
            })
        })
        .as_ref()
}

enum Search {
    /// The usual search, compiled at run time (`Matcher::whole`).
    Whole,
    /// The usual search with precompiled DFAs.
    Dense(Box<Dense>),
    /// From each place a match can start (a pattern with a wide gap).
    Anchored(Box<Anchored>),
}

impl Matcher {
    /// `regex` parsed nested at most `nest` deep; the error says why it cannot be.
    pub fn new(regex: String, nest: u32) -> Result<Self, String> {
        let entry = precompiled::lookup(nest, &regex);
        let own = Compiled::new();
        if entry.is_none() {
            // Read now, so a mistake is reported when the library is loaded.
            let _ = own.hir.set(Some(syntax::parse(&regex, nest)?));
        }
        Ok(Self { regex, nest, entry, own })
    }

    fn compiled(&self) -> &Compiled {
        match self.entry {
            Some(i) => precompiled::compiled(i),
            None => &self.own,
        }
    }

    /// Whether the build script compiled it (its search may still be compiled at run time).
    pub fn is_precompiled(&self) -> bool {
        self.entry.is_some()
    }

    pub fn regex(&self) -> &str {
        &self.regex
    }

    /// What the build script read from it: the words every match holds (library patterns).
    pub fn precompiled_required(&self) -> Option<&'static [&'static [&'static str]]> {
        self.entry.map(|i| precompiled::entries()[i].required)
    }

    pub fn hir(&self) -> Option<&Hir> {
        hir(self.compiled(), &self.regex, self.nest, self.entry())
    }

    /// Compiles the search now, saying why it cannot be.
    pub fn compile(&self) -> Result<(), String> {
        match self.search() {
            Some(_) => Ok(()),
            None => self.why(),
        }
    }

    /// Compiles every search the expression may need, saying why one cannot be.
    pub fn check(&self) -> Result<(), String> {
        self.compile()?;
        match self.whole() {
            Some(_) => Ok(()),
            None => self.why(),
        }
    }

    /// Why the usual search cannot be compiled (compiled once more only to say so).
    fn why(&self) -> Result<(), String> {
        let hir = self.hir().ok_or_else(|| syntax::parse(&self.regex, self.nest).err().unwrap_or_default())?;
        build(hir, self.nest).map(|_| ())
    }

    fn search(&self) -> Option<&Search> {
        search(self.compiled(), &self.regex, self.nest, self.entry())
    }

    fn whole(&self) -> Option<&Whole> {
        whole(self.compiled(), &self.regex, self.nest, self.entry())
    }

    fn entry(&self) -> Option<&'static Entry> {
        self.entry.map(|i| &precompiled::entries()[i])
    }

    /// Whether it matches within `within` of `text`.
    pub fn is_match_within(&self, text: &str, within: Range<usize>) -> bool {
        count(within.len());
        let input = Input::new(text).range(within.clone()).earliest(true);
        let found = match self.search() {
            None => return false,
            Some(Search::Whole) => None,
            Some(Search::Dense(dense)) => dense.forward(&input).ok().map(|m| m.is_some()),
            Some(Search::Anchored(anchored)) => anchored.is_match_within(text, within),
        };
        found.unwrap_or_else(|| self.whole().is_some_and(|w| w.search(&input).is_some()))
    }

    /// The matches within `within` of `text`, leftmost first and not overlapping (the first
    /// only, with `first`); the text around it still counts for the word boundaries at its
    /// edges.
    pub fn find_within(&self, text: &str, within: Range<usize>, first: bool) -> Vec<Range<usize>> {
        self.find(text, within, first, None)
    }

    /// The literals every match starts with, when it is searched from the places they occur.
    pub fn start_literals(&self) -> Option<&[Vec<u8>]> {
        match self.search()? {
            Search::Anchored(anchored) => Some(anchored.literals()),
            Search::Whole | Search::Dense(_) => None,
        }
    }

    /// Every match in `text`, as [`Matcher::find_within`] finds them in the whole of it, given
    /// where its [`Matcher::start_literals`] occur in it (ascending, each place once).
    pub fn find_all_from(&self, text: &str, starts: Vec<usize>) -> Vec<Range<usize>> {
        self.find(text, 0..text.len(), false, Some(starts))
    }

    fn find(&self, text: &str, within: Range<usize>, first: bool, starts: Option<Vec<usize>>) -> Vec<Range<usize>> {
        count(within.len());
        let mut found = Vec::new();
        let from = match self.search() {
            None => return found,
            Some(Search::Whole) => within.start,
            Some(Search::Dense(dense)) => {
                let mut searcher = Searcher::new(Input::new(text).range(within.clone()));
                loop {
                    match searcher.try_advance(|input| dense.search(input)) {
                        Ok(Some(m)) => found.push(m.range()),
                        Ok(None) => return found,
                        // Not for these DFAs (no quitting bytes); the usual search, from the start.
                        Err(_) => break,
                    }
                    if first {
                        return found;
                    }
                }
                found.clear();
                within.start
            }
            Some(Search::Anchored(anchored)) => {
                let gave_up = match starts {
                    Some(starts) => anchored.find_from(text, within.clone(), first, &mut found, starts),
                    None => anchored.find_within(text, within.clone(), first, &mut found),
                };
                match gave_up {
                    Ok(()) => return found,
                    Err(GaveUp(from)) => from,
                }
            }
        };
        if (!first || found.is_empty())
            && let Some(whole) = self.whole()
        {
            whole.find_within(text, from..within.end, first, &mut found);
        }
        found
    }
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Matcher({:?})", self.regex)
    }
}

impl Clone for Matcher {
    fn clone(&self) -> Self {
        // A clone of an expression the build script read shares the process's compiled one;
        // another compiles afresh when first used.
        let own = Compiled::new();
        if let Some(parsed) = self.own.hir.get() {
            let _ = own.hir.set(parsed.clone());
        }
        Self { regex: self.regex.clone(), nest: self.nest, entry: self.entry, own }
    }
}

/// The usual search with precompiled DFAs, as `regex_automata::dfa::regex` does it: forward
/// for where the leftmost match ends, then back for where it starts. The reverse DFA is read
/// when a match is first found (most patterns find none in a draft).
struct Dense {
    forward: dense::DFA<&'static [u32]>,
    /// How its forward search skips to where a match can start.
    skip: Skip,
    reverse_at: Range<usize>,
    reverse: OnceLock<Option<dense::DFA<&'static [u32]>>>,
}

impl Dense {
    fn forward(&self, input: &Input) -> Result<Option<HalfMatch>, MatchError> {
        match &self.skip {
            Skip::Dfa(_) => self.forward.try_search_fwd(input),
            Skip::Literals(literals) => skipping::find_fwd(&self.forward, literals, input),
        }
    }

    fn search(&self, input: &Input) -> Result<Option<Match>, MatchError> {
        let Some(end) = self.forward(input)? else { return Ok(None) };
        let end = end.offset();
        if input.start() == end || input.get_anchored().is_anchored() {
            return Ok(Some(Match::new(PatternID::ZERO, input.start()..end)));
        }
        let failed = || MatchError::gave_up(end);
        let reverse = self.reverse.get_or_init(|| precompiled::dfa(&self.reverse_at)).as_ref().ok_or_else(failed)?;
        let back = input.clone().span(input.start()..end).anchored(regex_automata::Anchored::Yes).earliest(false);
        let start = reverse.try_search_rev(&back)?.ok_or_else(failed)?;
        Ok(Some(Match::new(PatternID::ZERO, start.offset()..end)))
    }
}

/// The usual search compiled at run time: forward for where the leftmost match ends, then back
/// for where it starts.
struct Whole {
    regex: Regex,
    /// Its own search state (its lazily built DFA): kept with it, so it stays warm from one
    /// draft to the next whichever thread searches.
    cache: Mutex<Cache>,
}

impl Whole {
    fn new(hir: &Hir, nest: u32) -> Option<Self> {
        build(hir, nest).ok().map(|regex| Whole { cache: Mutex::new(regex.create_cache()), regex })
    }

    fn search(&self, input: &Input) -> Option<Range<usize>> {
        self.regex.search_with(&mut lock(&self.cache), input).map(|m| m.range())
    }

    fn find_within(&self, text: &str, within: Range<usize>, first: bool, found: &mut Vec<Range<usize>>) {
        let mut cache = lock(&self.cache);
        let mut searcher = Searcher::new(Input::new(text).range(within));
        let matches = std::iter::from_fn(|| searcher.advance(|input| Ok(self.regex.search_with(&mut cache, input))));
        found.extend(matches.take(if first { 1 } else { usize::MAX }).map(|m| m.range()));
    }
}

/// Only where a match is, never its groups, is used (`None` would leave `find` nothing to
/// report, so `Implicit`). The analysis runs its own word prefilter and searches only the
/// clauses it picks, in one forward pass each: the engine's literal strategies (reverse
/// searches from each literal) cost more there, so they are off. Each keeps its own lazy-DFA
/// cache, capped at 1 MiB (cleared and rebuilt when full), so a library's caches stay bounded
/// whatever the draft. A lexicon entry may be as large as the `regex` crate allows.
fn build(hir: &Hir, nest: u32) -> Result<Regex, String> {
    let size = if nest == syntax::LEXICON_NEST { 10 << 20 } else { 1 << 20 };
    let config = meta::Config::new()
        .which_captures(WhichCaptures::Implicit)
        .auto_prefilter(false)
        .onepass(false)
        .backtrack(false)
        .nfa_size_limit(Some(size))
        .hybrid_cache_capacity(1 << 20);
    meta::Builder::new().configure(config).build_from_hir(hir).map_err(|e| first_line(&e.to_string()))
}

#[cfg(test)]
impl Matcher {
    /// The usual search's matches, for comparison.
    pub fn usual_find_within(&self, text: &str, within: Range<usize>) -> Vec<Range<usize>> {
        let mut found = Vec::new();
        self.whole().expect("compiles").find_within(text, within, false, &mut found);
        found
    }

    fn usual_is_match_within(&self, text: &str, within: Range<usize>) -> bool {
        self.whole().expect("compiles").search(&Input::new(text).range(within).earliest(true)).is_some()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use proptest::prelude::*;

    use super::*;
    use crate::library::ClauseLibrary;

    /// Every regular expression of the embedded library and lexicon (most searched with the
    /// DFAs compiled into the binary), gap patterns in the library's style searched from their
    /// starts with a DFA compiled now, and the library's gap patterns the same way.
    static MATCHERS: LazyLock<Vec<(String, Matcher, Option<Anchored>)>> = LazyLock::new(|| {
        let library = ClauseLibrary::embedded();
        let mut sources: Vec<String> = library
            .clauses
            .iter()
            .flat_map(|c| {
                let rules = c.rules.iter().flat_map(|r| r.patterns.iter().chain(&r.unless).chain(&r.unless_clause).chain(&r.requires));
                let missing = c.missing.iter().flat_map(|m| m.present_when.iter().chain(&m.applies_when));
                rules.chain(missing).chain(&c.cues).map(|p| p.source().to_owned())
            })
            .collect();
        sources.extend([
            "(?:assign~|transfer~|title|owns?)[^.;]{0,40}?(?:full payment|paid in full|upon (?:the )?client pays)".to_owned(),
            "(?:grant~|give~) (?:[a-z0-9,'\\-]+ ){0,6}?licen[cs]e".to_owned(),
            "(?:all )?work product(?:[^.;]{0,30}?)(?:client|é)".to_owned(),
        ]);
        let mut out: Vec<(String, Matcher, Option<Anchored>)> = sources
            .iter()
            .map(|s| {
                let m = Matcher::new(syntax::expand(s), syntax::PATTERN_NEST).expect("pattern");
                let lazy = m.hir().and_then(Anchored::lazy);
                (s.clone(), m, lazy)
            })
            .collect();
        let lexicon = crate::reading::Lexicon::embedded_word_lists();
        out.extend(lexicon.into_iter().map(|r| (r.clone(), Matcher::new(r, syntax::LEXICON_NEST).expect("list"), None)));
        out
    });

    #[test]
    fn most_of_the_library_is_searched_with_precompiled_dfas() {
        let precompiled = MATCHERS.iter().filter(|(_, m, _)| matches!(m.search(), Some(Search::Dense(_)))).count();
        let anchored = MATCHERS.iter().filter(|(_, m, _)| matches!(m.search(), Some(Search::Anchored(_)))).count();
        assert!(precompiled * 2 > MATCHERS.len(), "{precompiled} of {}", MATCHERS.len());
        assert!(anchored > 10, "{anchored} searched from their starts");
    }

    /// A Unicode word boundary (`\b` outside `(?-u:...)`) cannot be compiled into a DFA, and
    /// the lazy DFA quits at the first non-ASCII byte of a draft, leaving the rest of the text
    /// to the slowest engine: one such lexicon entry once cost a 770 KB draft 450 M instructions.
    /// Word lists already end at ASCII word boundaries.
    #[test]
    fn no_embedded_expression_needs_a_unicode_word_boundary() {
        for (source, m, _) in MATCHERS.iter() {
            let looks = m.hir().expect("parses").properties().look_set();
            assert!(!looks.contains_word_unicode(), "{source}: write (?-u:\\b), or leave the boundary to the word list");
        }
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
            "’",
            "\u{1f600}",
            ".",
            ";",
            ",",
            "-",
            "know-how",
            "hereby",
            "the",
            "owns",
            "reassigns",
            "shall",
            "not",
            "use",
            "data",
            "jointly",
            "developed",
            "owned",
            "by",
            "models",
            "including",
            "weights",
            "moral",
            "waives",
            "exclusive",
            "property",
            "of",
            "deliverables",
        ]);
        prop::collection::vec((word, prop::sample::select(vec![" ", "", "  ", "\n"])), 0..60)
            .prop_map(|parts| parts.into_iter().flat_map(|(w, s)| [w, s]).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn every_search_finds_what_the_usual_search_finds(text in words(), cut in 0usize..8) {
            let text = text.to_lowercase();
            let start = crate::text::floor_char(&text, cut.min(text.len()));
            let end = crate::text::ceil_char(&text, text.len().saturating_sub(cut));
            let within = start..end.max(start);
            for (source, m, lazy) in MATCHERS.iter() {
                let usual = m.usual_find_within(&text, within.clone());
                prop_assert_eq!(&m.find_within(&text, within.clone(), false), &usual, "{}", source);
                prop_assert_eq!(m.find_within(&text, within.clone(), true), usual.first().cloned().into_iter().collect::<Vec<_>>(), "{}", source);
                prop_assert_eq!(m.is_match_within(&text, within.clone()), m.usual_is_match_within(&text, within.clone()), "{}", source);
                if let Some(lazy) = lazy {
                    let mut found = Vec::new();
                    prop_assert!(lazy.find_within(&text, within.clone(), false, &mut found).is_ok());
                    prop_assert_eq!(&found, &usual, "{}", source);
                    prop_assert_eq!(lazy.is_match_within(&text, within.clone()), Some(!usual.is_empty()), "{}", source);
                }
            }
        }
    }
}
