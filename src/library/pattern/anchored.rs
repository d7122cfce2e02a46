//! Searching a pattern from the places a match can start. A pattern with a wide gap in it
//! (`assign~ [^.;]{0,120}? all`) searched the usual way keeps, at every byte, every match begun
//! within the gap before it: the lazy DFA's states are sets of those, and on a contract nearly
//! every byte makes a new one (tens of thousands of states, most of a fresh process's search
//! time), and its full DFA would be too large to compile into the binary. Every match starts
//! with one of a few literals (`assign`), so each place one of them occurs is tried on its own,
//! anchored: the states are then one match's progress, few and reused, and the anchored DFA is
//! often small enough to precompile. The first place that matches gives the same match as the
//! unanchored search, which prefers the leftmost start.

use std::ops::Range;
use std::sync::{Mutex, OnceLock};

use aho_corasick::{AhoCorasick, MatchKind};
use regex_automata::dfa::{Automaton as _, dense};
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::{Anchored as AnchoredKind, Input};
use regex_syntax::hir::Hir;

use super::folded::{self, Fold, Stand};
use super::{ascii, lock, syntax};

/// Bytes an anchored search may read, in all, for each byte searched (plus `SLACK`), before the
/// search gives up and the caller searches the rest unanchored: a pattern that can run on
/// through the text from every start (`(?:assign )+`) would otherwise read it once a start.
const READ_PER_BYTE: usize = 16;
const SLACK: usize = 1 << 16;

/// A text this long or longer is read on two threads where the work splits (starting a thread
/// costs about what reading 10 KB does).
pub(crate) const TWO_THREADS_FROM: usize = 64 << 10;

pub struct Anchored {
    /// The literals every match starts with, and their searcher.
    literals: Vec<Vec<u8>>,
    starts: AhoCorasick,
    automaton: Automaton,
}

enum Automaton {
    /// Compiled at run time, its states built as the search needs them.
    Lazy(Box<Lazies>),
    /// Compiled into the binary.
    Dense(Box<dense::DFA<&'static [u32]>>),
}

/// Where an anchored search gave up (it had read more than its share): the caller searches
/// onward from here the usual way.
pub struct GaveUp(pub usize);

/// The engine failed (a DFA quit): the usual search must answer.
struct Failed;

impl Anchored {
    /// The anchored search of `hir` compiled now, when it is the better one: the pattern has a
    /// wide gap and every match starts with one of a few known literals.
    #[cfg(test)]
    pub fn lazy(hir: &Hir) -> Option<Self> {
        Self::lazy_starting(hir, None)
    }

    /// [`Anchored::lazy`], with the literals every match of `hir` starts with when known
    /// (`syntax::starts`, found by the build script for the embedded library).
    pub fn lazy_starting(hir: &Hir, literals: Option<&[&[u8]]>) -> Option<Self> {
        if !syntax::has_wide_gap(hir) {
            return None;
        }
        let literals = match literals {
            Some(known) => known.iter().map(|l| l.to_vec()).collect(),
            None => syntax::starts(hir)?,
        };
        let starts = finder(&literals)?;
        let lazies = if ascii::is_ascii_only(hir) {
            Lazies::One(Lazy::new(hir)?)
        } else {
            let other = Other { hir: hir.clone(), stand: OnceLock::new(), folded: OnceLock::new(), full: OnceLock::new() };
            Lazies::Forms { ascii: Lazy::new(&ascii::ascii_hir(hir))?, other: Box::new(other) }
        };
        Some(Self { literals, starts, automaton: Automaton::Lazy(Box::new(lazies)) })
    }

    /// The anchored search with a precompiled anchored DFA and the literals its matches start with.
    pub fn dense(dfa: dense::DFA<&'static [u32]>, starts: &[&[u8]]) -> Option<Self> {
        let literals = starts.iter().map(|l| l.to_vec()).collect();
        Some(Self { literals, starts: finder(starts)?, automaton: Automaton::Dense(Box::new(dfa)) })
    }

    /// The literals every match starts with.
    pub fn literals(&self) -> &[Vec<u8>] {
        &self.literals
    }

    /// The matches within `within` of `text`, leftmost first and not overlapping (the first
    /// only, with `first`), as the unanchored search finds them; or, with those found so far,
    /// where it gave up.
    pub fn find_within(&self, text: &str, within: Range<usize>, first: bool, found: &mut Vec<Range<usize>>) -> Result<(), GaveUp> {
        self.find_from(text, within.clone(), first, found, self.starts(text, within))
    }

    /// [`Anchored::find_within`], given where its literals occur within `within` (ascending,
    /// each place once, as [`Anchored::starts`] finds them).
    pub fn find_from(
        &self,
        text: &str,
        within: Range<usize>,
        first: bool,
        found: &mut Vec<Range<usize>>,
        starts: impl IntoIterator<Item = usize>,
    ) -> Result<(), GaveUp> {
        let mut reader = Reader::new(within.len());
        let mut from = within.start;
        self.each_start(text, within.clone(), starts, |start, search| {
            if start < from {
                return Ok(true);
            }
            match search(&mut reader, start, false) {
                Ok(Some(end)) => {
                    found.push(start..end);
                    from = end;
                    if first {
                        return Ok(false);
                    }
                }
                Ok(None) => {}
                Err(Failed) => return Err(GaveUp(from.max(start))),
            }
            if reader.spent() { Err(GaveUp(from.max(start + 1))) } else { Ok(true) }
        })
    }

    /// Whether the pattern matches within `within` of `text`; `None` when the search gave up.
    pub fn is_match_within(&self, text: &str, within: Range<usize>) -> Option<bool> {
        let mut reader = Reader::new(within.len());
        let mut any = false;
        let starts = self.starts(text, within.clone());
        let done = self.each_start(text, within, starts, |start, search| match search(&mut reader, start, true) {
            Ok(Some(_)) => {
                any = true;
                Ok(false)
            }
            Ok(None) if !reader.spent() => Ok(true),
            _ => Err(()),
        });
        done.ok().map(|()| any)
    }

    /// Calls `each` with every place of `starts` (those where a match can start within `within`,
    /// ascending), and a search for the end of the match there, until it says to stop.
    fn each_start<E>(
        &self,
        text: &str,
        within: Range<usize>,
        starts: impl IntoIterator<Item = usize>,
        mut each: impl FnMut(usize, &mut SearchAt) -> Result<bool, E>,
    ) -> Result<(), E> {
        let haystack = text.as_bytes();
        let end = within.end;
        let each_of = |search: &mut SearchAt| {
            for start in starts {
                if !each(start, search)? {
                    break;
                }
            }
            Ok(())
        };
        match &self.automaton {
            Automaton::Lazy(lazies) => match &**lazies {
                Lazies::One(lazy) => {
                    let mut cache = lock(&lazy.cache);
                    each_of(&mut |reader: &mut Reader, start: usize, earliest: bool| {
                        let input = Input::new(haystack).range(start..end).anchored(AnchoredKind::Yes).earliest(earliest);
                        lazy.search(&mut cache, &input, reader)
                    })
                }
                Lazies::Forms { ascii, other } => {
                    let mut cache = lock(&ascii.cache);
                    each_of(&mut |reader: &mut Reader, start: usize, earliest: bool| {
                        ascii.ascii_at(&mut cache, haystack, start..end, earliest, reader).or_else(|NotAscii| {
                            // The ASCII form still decides where a byte stands for each character
                            // above ASCII that the search reads; else the folded form, where there
                            // is one and it reads the text.
                            if let Some(stand) = other.stand.get_or_init(|| Stand::of(&other.hir))
                                && let Ok(found) = ascii.chars_at(&mut cache, text, |c| stand.byte(c), start..end, earliest, reader)
                            {
                                return Ok(found);
                            }
                            let folded = other.folded.get_or_init(|| {
                                let (hir, fold) = folded::folded(&other.hir)?;
                                Some((Lazy::new(&hir)?, fold))
                            });
                            if let Some((lazy, fold)) = folded
                                && let Ok(found) =
                                    lazy.chars_at(&mut lock(&lazy.cache), text, |c| Some(fold.byte(c)), start..end, earliest, reader)
                            {
                                return Ok(found);
                            }
                            // The pattern itself decides (too large to compile: the usual search).
                            let lazy = other.full.get_or_init(|| Lazy::new(&other.hir)).as_ref().ok_or(Failed)?;
                            let input = Input::new(haystack).range(start..end).anchored(AnchoredKind::Yes).earliest(earliest);
                            lazy.search(&mut lock(&lazy.cache), &input, reader)
                        })
                    })
                }
            },
            Automaton::Dense(dfa) => {
                each_of(&mut |reader: &mut Reader, start: usize, earliest: bool| dense_at(dfa, haystack, start..end, earliest, reader))
            }
        }
    }

    /// Where a match can start within `within`, ascending, each found when asked for (a search
    /// for whether there is a match stops at the first that is one).
    fn starts<'t>(&'t self, text: &'t str, within: Range<usize>) -> impl Iterator<Item = usize> + 't {
        // A match lies within `within`, and so does the literal it starts with. Each search
        // finds the leftmost literal, so searching on from just after each finds them all,
        // overlapping ones too, with the searcher's fast scan for the literals' bytes.
        let haystack = &text.as_bytes()[..within.end];
        let mut from = within.start;
        std::iter::from_fn(move || {
            let found = self.starts.find(aho_corasick::Input::new(haystack).range(from..))?;
            from = found.start() + 1;
            Some(found.start())
        })
    }
}

/// A search for the end of the match starting at a place (`earliest`, or leftmost first).
type SearchAt<'a> = dyn FnMut(&mut Reader, usize, bool) -> Result<Option<usize>, Failed> + 'a;

/// The lazy DFAs of a pattern compiled at run time.
enum Lazies {
    /// The pattern is all ASCII.
    One(Lazy),
    /// The pattern has Unicode classes: its ASCII form, and its forms for a search that reaches
    /// text that is not ASCII.
    Forms { ascii: Lazy, other: Box<Other> },
}

/// The forms of a pattern for text that is not ASCII, each made when first needed: the bytes
/// that stand for characters above ASCII in its ASCII form, its folded form (`folded`), and the
/// pattern itself where neither can read a text.
struct Other {
    hir: Hir,
    stand: OnceLock<Option<Stand>>,
    folded: OnceLock<Option<(Lazy, Fold)>>,
    full: OnceLock<Option<Lazy>>,
}

/// A lazy DFA and the states it has built.
struct Lazy {
    dfa: DFA,
    cache: Mutex<Cache>,
}

impl Lazy {
    /// The anchored DFA of `hir`.
    fn new(hir: &Hir) -> Option<Self> {
        thread_local! {
            // One a thread, reused: a compiler's caches for Unicode classes are large to make
            // and to free, and every compile clears them (the NFA is the same).
            static COMPILER: thompson::Compiler = {
                let mut compiler = thompson::Compiler::new();
                compiler.configure(thompson::Config::new().which_captures(WhichCaptures::None).nfa_size_limit(Some(1 << 20)));
                compiler
            };
        }
        let nfa = COMPILER.with(|compiler| compiler.build_from_hir(hir).ok())?;
        // Its states are kept up to 2 MiB (then cleared and built again): the largest of them
        // needs 1.5 MiB for a 770 KB draft, and filled a 1 MiB cache once or twice over it.
        let dfa = DFA::builder().configure(DFA::config().cache_capacity(2 << 20)).build_from_nfa(nfa).ok()?;
        Some(Self { cache: Mutex::new(dfa.create_cache()), dfa })
    }

    /// The end of the match `input` (anchored) starts, charging `reader` with what was read.
    fn search(&self, cache: &mut Cache, input: &Input, reader: &mut Reader) -> Result<Option<usize>, Failed> {
        let (clears, before) = (cache.clear_count(), cache.search_total_len());
        let result = self.dfa.try_search_fwd(cache, input);
        // The count restarts when the cache is cleared; then charge the most it could have read.
        let read = if cache.clear_count() == clears { cache.search_total_len().saturating_sub(before) } else { input.get_span().len() };
        reader.read(read);
        result.map(|m| m.map(|m| m.offset())).map_err(|_| Failed)
    }

    /// [`Lazy::search`] of a pattern's ASCII form from `span.start` (leftmost first, or the
    /// earliest), byte by byte as `dense_at` reads: `NotAscii` if it would read a byte that is
    /// not ASCII (the one before the start or after the end too) before it is decided.
    fn ascii_at(
        &self,
        cache: &mut Cache,
        haystack: &[u8],
        span: Range<usize>,
        earliest: bool,
        reader: &mut Reader,
    ) -> Result<Option<usize>, NotAscii> {
        if span.start.checked_sub(1).is_some_and(|before| !haystack[before].is_ascii()) {
            return Err(NotAscii);
        }
        let byte_at = |at: usize| if haystack[at].is_ascii() { Ok((haystack[at], 1)) } else { Err(NotAscii) };
        self.walk(cache, haystack, byte_at, span, earliest, reader)
    }

    /// The anchored search from `span.start`, each step reading the byte `byte_at` gives for
    /// the text at a place and how many bytes it stands for: where it matches (leftmost first,
    /// or the earliest), or `NotAscii` where `byte_at` gives none before the search is decided
    /// or the DFA quits.
    fn walk(
        &self,
        cache: &mut Cache,
        haystack: &[u8],
        byte_at: impl Fn(usize) -> Result<(u8, usize), NotAscii>,
        span: Range<usize>,
        earliest: bool,
        reader: &mut Reader,
    ) -> Result<Option<usize>, NotAscii> {
        let input = Input::new(haystack).range(span.clone()).anchored(AnchoredKind::Yes);
        let mut state = self.dfa.start_state_forward(cache, &input).map_err(|_| NotAscii)?;
        let mut found = None;
        let mut at = span.start;
        // Matches show one step late: a match state entered on the byte at `at` ends there.
        while at < span.end {
            let Ok((byte, len)) = byte_at(at) else {
                reader.read(at - span.start);
                return Err(NotAscii);
            };
            state = self.dfa.next_state(cache, state, byte).map_err(|_| NotAscii)?;
            if state.is_match() {
                found = Some(at);
                if earliest {
                    reader.read(at - span.start + 1);
                    return Ok(found);
                }
            } else if state.is_dead() || state.is_quit() {
                reader.read(at - span.start + 1);
                return if state.is_dead() { Ok(found) } else { Err(NotAscii) };
            }
            at += len;
        }
        reader.read(span.len() + 1);
        // What follows the span still counts for a word boundary at its end.
        state = if span.end < haystack.len() {
            self.dfa.next_state(cache, state, byte_at(span.end)?.0)
        } else {
            self.dfa.next_eoi_state(cache, state)
        }
        .map_err(|_| NotAscii)?;
        if state.is_match() {
            found = Some(span.end);
        }
        Ok(found)
    }
}

/// [`Lazy::ascii_at`] met a byte that is not ASCII: the pattern itself must decide.
struct NotAscii;

impl Lazy {
    /// [`Lazy::ascii_at`] reading `text` a character at a time, each character above ASCII as
    /// the byte `read` gives for it (of a pattern's folded form, its run's; of its ASCII form,
    /// the byte that stands for it): where the pattern itself matches. `NotAscii` where `read`
    /// gives none for a character the search reads, a character would straddle the span's
    /// edges, or the DFA quit (then another form decides).
    fn chars_at(
        &self,
        cache: &mut Cache,
        text: &str,
        read: impl Fn(char) -> Option<u8>,
        span: Range<usize>,
        earliest: bool,
        reader: &mut Reader,
    ) -> Result<Option<usize>, NotAscii> {
        if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
            return Err(NotAscii);
        }
        let haystack = text.as_bytes();
        let byte_at = |at: usize| -> Result<(u8, usize), NotAscii> {
            match text[at..].chars().next() {
                Some(c) if !c.is_ascii() => Ok((read(c).ok_or(NotAscii)?, c.len_utf8())),
                _ => Ok((haystack[at], 1)),
            }
        };
        // The byte before the start counts for a word boundary: one above ASCII is not a
        // word's, as the byte it is folded to is not.
        self.walk(cache, haystack, byte_at, span, earliest, reader)
    }
}

/// The places where each of several anchored searches can start in a text, found in one pass
/// over it for all of them: each one's own search for its literals runs once a place found,
/// and the literals of a reader's word lists ("is", "shall", "will") occur tens of thousands of
/// times in a long draft. Every match of these searches begins at an ASCII word boundary (as a
/// word list's does, `(?-u:\b)`), so a place without one is left out: a literal inside a word
/// ("is" in "this", a third of those found in a contract) starts no match.
#[derive(Debug)]
pub struct StartsOfMany {
    /// Every literal of every search, each once, found overlapping.
    finder: AhoCorasick,
    /// For each literal, the searches that start with it.
    owners: Vec<Vec<usize>>,
    count: usize,
    /// The longest literal's length.
    longest: usize,
}

impl StartsOfMany {
    /// For the searches with these literals (each one's, as [`Anchored::literals`] gives them),
    /// all of whose matches begin at an ASCII word boundary.
    pub fn new(searches: &[&[Vec<u8>]]) -> Option<Self> {
        let mut literals: Vec<&[u8]> = Vec::new();
        let mut owners: Vec<Vec<usize>> = Vec::new();
        for (k, search) in searches.iter().enumerate() {
            for literal in *search {
                if let Some(i) = literals.iter().position(|l| *l == literal.as_slice()) {
                    owners[i].push(k);
                } else {
                    literals.push(literal);
                    owners.push(vec![k]);
                }
            }
        }
        let finder =
            AhoCorasick::builder().match_kind(MatchKind::Standard).kind(Some(aho_corasick::AhoCorasickKind::DFA)).build(&literals).ok()?;
        let longest = literals.iter().map(|l| l.len()).max().unwrap_or(0);
        Some(Self { finder, owners, count: searches.len(), longest })
    }

    /// For each search, the places in `text` with a word boundary where one of its literals
    /// starts, ascending and each once: of what [`Anchored::starts`] finds over the whole text,
    /// those where a match can start. A long text's halves are read on two threads.
    pub fn find(&self, text: &str) -> Vec<Vec<usize>> {
        if text.len() < TWO_THREADS_FROM {
            return self.find_starting(text, 0..text.len());
        }
        let half = text.len() / 2;
        std::thread::scope(|s| {
            let later = s.spawn(|| self.find_starting(text, half..text.len()));
            let mut out = self.find_starting(text, 0..half);
            for (out, later) in out.iter_mut().zip(crate::analysis::joined(later.join())) {
                out.extend(later);
            }
            out
        })
    }

    /// [`StartsOfMany::find`]'s places that are within `starts`.
    fn find_starting(&self, text: &str, starts: Range<usize>) -> Vec<Vec<usize>> {
        let bytes = text.as_bytes();
        let boundary = |at: usize| at.checked_sub(1).is_some_and(|b| is_word_byte(bytes[b])) != is_word_byte(bytes[at]);
        // A literal starting within `starts` may end past it.
        let end = starts.end.saturating_add(self.longest).min(text.len());
        let input = aho_corasick::Input::new(text).range(starts.start..end);
        let mut out = vec![Vec::new(); self.count];
        for found in self.finder.find_overlapping_iter(input).filter(|found| found.start() < starts.end && boundary(found.start())) {
            for &k in &self.owners[found.pattern().as_usize()] {
                insert_in_order(&mut out[k], found.start());
            }
        }
        out
    }
}

/// Inserts `at` in `sorted` unless it holds it already. The matches of an overlapping search
/// come by where they end, so a start is seldom before the last one, and never by much.
fn insert_in_order(sorted: &mut Vec<usize>, at: usize) {
    let mut i = sorted.len();
    while i > 0 && sorted[i - 1] > at {
        i -= 1;
    }
    if i == 0 || sorted[i - 1] != at {
        sorted.insert(i, at);
    }
}

/// A byte of an ASCII word (`(?-u:\w)`): `(?-u:\b)` holds between such a byte and any other.
fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// The searcher for any of `literals`. Few literals are found by the searcher's vectorised
/// scan, which reports each match itself: its automaton is then never run, so the one cheapest
/// to build (an NFA, not the DFA the builder would choose) is built.
fn finder<T: AsRef<[u8]>>(literals: &[T]) -> Option<AhoCorasick> {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(literals)
        .ok()
}

/// The end of the match starting at `span.start` (leftmost first, or the earliest), reading no
/// further than the match can go; `Failed` if the DFA quit (it has no quitting bytes).
fn dense_at(
    dfa: &dense::DFA<&'static [u32]>,
    haystack: &[u8],
    span: Range<usize>,
    earliest: bool,
    reader: &mut Reader,
) -> Result<Option<usize>, Failed> {
    let input = Input::new(haystack).range(span.clone()).anchored(AnchoredKind::Yes);
    let mut state = dfa.start_state_forward(&input).map_err(|_| Failed)?;
    let mut found = None;
    // Matches show one byte late: a match state entered on the byte at `at` ends there.
    for at in span.clone() {
        state = dfa.next_state(state, haystack[at]);
        if dfa.is_special_state(state) {
            if dfa.is_match_state(state) {
                found = Some(at);
                if earliest {
                    reader.read(at - span.start + 1);
                    return Ok(found);
                }
            } else if dfa.is_dead_state(state) {
                reader.read(at - span.start + 1);
                return Ok(found);
            } else if dfa.is_quit_state(state) {
                return Err(Failed);
            }
        }
    }
    reader.read(span.len() + 1);
    // What follows the span still counts for a word boundary at its end.
    state = match haystack.get(span.end) {
        Some(&byte) => dfa.next_state(state, byte),
        None => dfa.next_eoi_state(state),
    };
    if dfa.is_match_state(state) {
        found = Some(span.end);
    }
    Ok(found)
}

/// Counts the bytes the anchored searches read against their allowance.
struct Reader {
    left: usize,
}

impl Reader {
    fn new(searched: usize) -> Self {
        Self { left: searched.saturating_mul(READ_PER_BYTE).saturating_add(SLACK) }
    }

    fn read(&mut self, bytes: usize) {
        super::matcher::count(bytes);
        self.left = self.left.saturating_sub(bytes.max(1));
    }

    fn spent(&self) -> bool {
        self.left == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::pattern::Matcher;

    fn lazy(source: &str) -> (Anchored, Matcher) {
        let matcher = Matcher::new(syntax::expand(source), syntax::PATTERN_NEST).expect("pattern");
        (Anchored::lazy(matcher.hir().expect("parses")).expect("a gap pattern with starts"), matcher)
    }

    #[test]
    fn a_gap_pattern_is_searched_from_its_starts() {
        let (anchored, matcher) = lazy("(?:assign~|title)[^.;]{0,40}?full payment");
        let text = "title to it; provider assigns, title and all, upon full payment. assigns upon full payment";
        let mut found = Vec::new();
        assert!(anchored.find_within(text, 0..text.len(), false, &mut found).is_ok());
        assert_eq!(found, matcher.usual_find_within(text, 0..text.len()));
        assert_eq!(
            found.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(),
            ["assigns, title and all, upon full payment", "assigns upon full payment"]
        );
        // Its class is Unicode: searched in its ASCII form, and by the pattern itself where a
        // search reads a character that is not ASCII.
        let text = "assigns \u{e9} title, upon full payment; title\u{e9} upon full payment. \u{e9}assigns upon full payment\u{e9}";
        let mut found = Vec::new();
        assert!(anchored.find_within(text, 0..text.len(), false, &mut found).is_ok());
        assert_eq!(found, matcher.usual_find_within(text, 0..text.len()));
        assert_eq!(found.len(), 3);
    }

    #[test]
    fn text_that_is_not_ascii_is_read_in_the_folded_form() {
        let (anchored, matcher) = lazy("(?:assign~|title)[^.;]{0,40}?(?:full payment|paiement intégral|paid’)");
        let text = "assigns — title, upon full payment; title\u{e9} upon paiement intégral. \u{e9}assigns upon paid’ok; assigns é paid' x; title ü paiement integral; title\u{1f600}paid’";
        let mut found = Vec::new();
        assert!(anchored.find_within(text, 0..text.len(), false, &mut found).is_ok());
        assert_eq!(found, matcher.usual_find_within(text, 0..text.len()));
        assert_eq!(found.len(), 3, "{found:?}");
        for start in [0, 8, 10] {
            let within = crate::text::ceil_char(text, start)..text.len() - 3;
            let mut found = Vec::new();
            assert!(anchored.find_within(text, within.clone(), false, &mut found).is_ok());
            assert_eq!(found, matcher.usual_find_within(text, within));
        }
        let Automaton::Lazy(lazies) = &anchored.automaton else { panic!("compiled at run time") };
        let Lazies::Forms { other, .. } = &**lazies else { panic!("a Unicode class") };
        assert!(other.stand.get().is_some_and(Option::is_some), "bytes stand for the characters of [^.;]");
        assert!(other.folded.get().is_some_and(Option::is_some), "the folded form read the literals' characters");
        assert!(other.full.get().is_none(), "the pattern itself was never compiled");
    }

    #[test]
    fn the_starts_of_many_searches_are_each_ones_starts_at_word_boundaries() {
        let searches = [
            lazy(r"(?-u:\b)(?:assign~|as|sign)[^.;]{0,40}?full payment"),
            lazy(r"(?-u:\b)(?:signs?|s)[^.;]{0,20}?now"),
            lazy(r"(?-u:\b)(?:title|tit|-)[^.;]{0,20}?vests"),
        ];
        let literals: Vec<&[Vec<u8>]> = searches.iter().map(|(search, _)| search.literals()).collect();
        let many = StartsOfMany::new(&literals).expect("builds");
        let text = "assigns as signs; assassign titletitle tit, s\u{e9}gn-sign sssss assignsign full payment -vests now. ".repeat(20);
        let found = many.find(&text);
        assert_eq!(found.len(), searches.len());
        let bytes = text.as_bytes();
        let boundary = |at: usize| {
            let before = at.checked_sub(1).is_some_and(|b| regex_syntax::is_word_byte(bytes[b]));
            before != regex_syntax::is_word_byte(bytes[at])
        };
        for ((search, matcher), found) in searches.iter().zip(&found) {
            let every: Vec<usize> = search.starts(&text, 0..text.len()).collect();
            assert_eq!(*found, every.iter().copied().filter(|&at| boundary(at)).collect::<Vec<_>>());
            assert!(!found.is_empty() && found.len() < every.len(), "some starts are inside words");
            // What matters: the matches from those places are the usual search's.
            let mut matches = Vec::new();
            assert!(search.find_from(&text, 0..text.len(), false, &mut matches, found.clone()).is_ok());
            assert_eq!(matches, matcher.usual_find_within(&text, 0..text.len()));
        }
        // A long text is read in two halves, a literal across the middle included.
        let long = text.repeat(TWO_THREADS_FROM / text.len() + 1);
        for cut in [long.len() / 2 - 3, long.len() / 2, long.len() / 2 + 2] {
            let (mut first, later) = (many.find_starting(&long, 0..cut), many.find_starting(&long, cut..long.len()));
            first.iter_mut().zip(later).for_each(|(first, later)| first.extend(later));
            assert_eq!(first, many.find_starting(&long, 0..long.len()));
        }
        assert_eq!(many.find(&long), many.find_starting(&long, 0..long.len()));
    }

    #[test]
    fn a_pattern_that_runs_on_gives_up_and_is_searched_the_usual_way() {
        // Every "assign" starts a match attempt that runs to the end and fails there: tried one
        // by one, the search would read the text once a start.
        let (anchored, matcher) = lazy("(?:assign~ )+(?:[a-z]+ ){0,5}now");
        let text = format!("{}later, now", "assigns ".repeat(40_000));
        let mut found = Vec::new();
        assert!(anchored.find_within(&text, 0..text.len(), false, &mut found).is_err(), "gave up");
        assert!(anchored.is_match_within(&text, 0..text.len()).is_none());
        assert!(matcher.find_within(&text, 0..text.len(), false).is_empty());
        assert!(!matcher.is_match_within(&text, 0..text.len()));
        let text = format!("{}now", "assigns ".repeat(40_000));
        assert_eq!(matcher.find_within(&text, 0..text.len(), false), vec![0..text.len()]);
    }
}
