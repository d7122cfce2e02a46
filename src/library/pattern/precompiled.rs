//! The DFAs `build.rs` compiled from the embedded library's patterns and the reading lexicon,
//! and what each is. A regular expression found here is never parsed or compiled at run time
//! unless its search has to fall back on the usual one.

use std::ops::Range;

use regex_automata::dfa::dense;
use regex_syntax::hir::Hir;

use super::matcher::Compiled;
use super::stored;

/// The DFAs' bytes, aligned as `dense::DFA::from_bytes` needs.
#[repr(C)]
struct Aligned<B: ?Sized> {
    _align: [u64; 0],
    bytes: B,
}

static BLOB: &Aligned<[u8]> = &Aligned { _align: [], bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/precompiled.bin")) };

/// A precompiled regular expression.
pub struct Entry {
    /// How deep its parse may nest (a library pattern's limit or the lexicon's).
    pub nest: u32,
    pub regex: &'static str,
    /// For a library pattern, the words every match holds (see `syntax::required_words`).
    pub required: &'static [&'static [&'static str]],
    pub kind: Kind,
}

pub enum Kind {
    /// Searched the usual way: where in the blob its forward and reverse DFAs are, and the
    /// literals every match starts with (none if not few), to skip to with a prefilter.
    Whole { forward: Range<usize>, reverse: Range<usize>, starts: &'static [&'static [u8]] },
    /// Searched from each of `starts` found in the text, anchored.
    Anchored { forward: Range<usize>, starts: &'static [&'static [u8]] },
    /// Compiled at run time: its DFA would be too large. For a pattern with a wide gap, the
    /// literals every match starts with (empty when not few, or for any other pattern); where
    /// in the blob its parse is stored (`stored::write`).
    Lazy { starts: &'static [&'static [u8]], hir: Range<usize> },
}

/// The table build.rs wrote.
#[allow(clippy::unreadable_literal)]
mod generated {
    use super::{Entry, Kind};

    include!(concat!(env!("OUT_DIR"), "/precompiled.rs"));
}

use generated::{COUNT, ENTRIES};

/// What is compiled of each entry, the process's.
static COMPILED: [Compiled; COUNT] = [const { Compiled::new() }; COUNT];

pub fn entries() -> &'static [Entry] {
    ENTRIES
}

/// The place in the table of `regex` parsed nested at most `nest` deep.
pub fn lookup(nest: u32, regex: &str) -> Option<usize> {
    ENTRIES.binary_search_by(|e| (e.nest, e.regex).cmp(&(nest, regex))).ok()
}

/// What is compiled of the entry at `index`.
pub fn compiled(index: usize) -> &'static Compiled {
    &COMPILED[index]
}

/// The DFA at `range` of the blob; `None` if it does not read back (a build defect, then the
/// expression is compiled at run time).
pub fn dfa(range: &Range<usize>) -> Option<dense::DFA<&'static [u32]>> {
    let bytes = BLOB.bytes.get(range.clone())?;
    dense::DFA::from_bytes(bytes).ok().map(|(dfa, _)| dfa)
}

/// The parse stored at `range` of the blob; `None` if it does not read back (a build defect,
/// then the expression is parsed).
pub fn hir(range: &Range<usize>) -> Option<Hir> {
    stored::read(BLOB.bytes.get(range.clone())?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_its_dfas_read_back() {
        assert!(ENTRIES.windows(2).all(|w| (w[0].nest, w[0].regex) < (w[1].nest, w[1].regex)));
        assert!(ENTRIES.len() > 100, "the library and lexicon are precompiled");
        let mut compiled = 0;
        let mut lazy_with_starts = 0;
        for (i, e) in ENTRIES.iter().enumerate() {
            match &e.kind {
                Kind::Whole { forward, reverse, .. } => {
                    assert!(dfa(forward).is_some() && dfa(reverse).is_some(), "{}", e.regex);
                    compiled += 1;
                }
                Kind::Anchored { forward, starts } => {
                    assert!(dfa(forward).is_some() && !starts.is_empty(), "{}", e.regex);
                    compiled += 1;
                }
                Kind::Lazy { starts, hir: stored } => {
                    // The parse and literals the build script stored are those found at run time.
                    let hir = super::super::syntax::parse(e.regex, e.nest).expect("parses");
                    assert_eq!(super::hir(stored).as_ref(), Some(&hir), "{}", e.regex);
                    if !starts.is_empty() {
                        let found = super::super::syntax::starts(&hir).expect("starts");
                        assert_eq!(starts.iter().map(|s| s.to_vec()).collect::<Vec<_>>(), found, "{}", e.regex);
                        lazy_with_starts += 1;
                    }
                }
            }
            assert_eq!(lookup(e.nest, e.regex), Some(i));
        }
        assert!(compiled * 2 > ENTRIES.len(), "most have DFAs: {compiled} of {}", ENTRIES.len());
        assert!(lazy_with_starts > 10, "the gap patterns left to run time have their starts: {lazy_with_starts}");
    }
}
