//! The phrase patterns of the clause library: a small, forgiving layer over `regex` so that a
//! rule written once matches the ways lawyers actually type it.

mod anchored;
pub(crate) mod ascii;
mod folded;
mod matcher;
mod precompiled;
mod skipping;
mod stored;
pub(crate) mod syntax;

use std::fmt;
use std::ops::Range;
use std::sync::{Mutex, MutexGuard, PoisonError};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub(crate) use anchored::{StartsOfMany, TWO_THREADS_FROM};
pub(crate) use matcher::Matcher;
pub use matcher::searched;

/// A compiled phrase pattern. Patterns are matched against normalised text (lower case,
/// straight quotes, one space for any run of white space), so they are written in lower case.
///
/// Syntax: `regex` crate syntax (linear time, no backtracking) plus two conveniences:
/// a space matches any run of spaces, line breaks or hyphens, and `~` after a word allows up
/// to four more ASCII letters (plural and tense variants: `assign~` matches `assigns`, `assigned`,
/// `assignment`). The whole pattern is anchored at word boundaries.
#[derive(Clone)]
pub struct Pattern {
    source: String,
    /// The pattern expanded into `regex` syntax, compiled when first searched (or compiled into
    /// the binary, for the embedded library's).
    matcher: Matcher,
    /// Sets of words, one word of each set occurring in every match ({"hereby"},
    /// {"assign", "transfer"}...), read from the pattern's syntax: a clause lacking any set
    /// cannot match, which lets the analysis skip most clauses. Empty when nothing is known.
    required: Vec<Vec<String>>,
}

impl Pattern {
    pub fn new(source: &str) -> Result<Self, String> {
        let matcher = Matcher::new(syntax::expand(source), syntax::PATTERN_NEST)?;
        let required = match matcher.precompiled_required() {
            Some(sets) => sets.iter().map(|set| set.iter().map(|w| (*w).to_owned()).collect()).collect(),
            None => matcher.hir().map(syntax::required_words).unwrap_or_default(),
        };
        Ok(Self { source: source.to_owned(), matcher, required })
    }

    /// Compiles the pattern's search now, saying why it cannot be.
    pub fn compile(&self) -> Result<(), String> {
        self.matcher.compile()
    }

    /// Compiles every search the pattern may need, saying why one cannot be: `library check`.
    pub fn check(&self) -> Result<(), String> {
        self.matcher.check()
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// The pattern as `regex` syntax, with the conveniences expanded and word boundaries added.
    pub fn expanded(&self) -> &str {
        self.matcher.regex()
    }

    /// The sets of words every match holds one of each of (see `required`).
    pub fn required(&self) -> &[Vec<String>] {
        &self.required
    }

    pub fn is_match(&self, normalised: &str) -> bool {
        self.matcher.is_match_within(normalised, 0..normalised.len())
    }

    /// Whether the pattern matches within `within` of `normalised`.
    pub fn is_match_within(&self, normalised: &str, within: Range<usize>) -> bool {
        self.matcher.is_match_within(normalised, within)
    }

    /// The first match in `normalised`.
    pub fn find(&self, normalised: &str) -> Option<Range<usize>> {
        self.matcher.find_within(normalised, 0..normalised.len(), true).into_iter().next()
    }

    /// The matches lying within `within` of `normalised`; the text around it still counts for
    /// the word boundaries at its edges.
    pub fn find_within(&self, normalised: &str, within: Range<usize>) -> Vec<Range<usize>> {
        self.matcher.find_within(normalised, within, false)
    }
}

/// Where in one text the words occur that every match of a pattern holds (one of each of its
/// sets): a part of the text lacking one cannot hold a match.
pub struct WordPlaces {
    /// For each set, where its words start, ascending.
    sets: Vec<Vec<usize>>,
}

impl WordPlaces {
    /// Whether `window` could hold a match: a word of each set starts in it.
    pub fn could_hold(&self, window: Range<usize>) -> bool {
        self.sets.iter().all(|starts| starts.get(starts.partition_point(|&p| p < window.start)).is_some_and(|&p| p < window.end))
    }
}

impl Pattern {
    /// Where the words every match holds occur in `text`, overlapping ones too.
    pub fn word_places(&self, text: &str) -> WordPlaces {
        let words: Vec<(usize, &str)> =
            self.required.iter().enumerate().flat_map(|(i, set)| set.iter().map(move |w| (i, w.as_str()))).collect();
        let mut sets = vec![Vec::new(); self.required.len()];
        let finder = aho_corasick::AhoCorasick::builder().match_kind(aho_corasick::MatchKind::Standard).build(words.iter().map(|(_, w)| w));
        match finder {
            Ok(finder) => {
                for m in finder.find_overlapping_iter(text) {
                    sets[words[m.pattern().as_usize()].0].push(m.start());
                }
                for starts in &mut sets {
                    starts.sort_unstable();
                    starts.dedup();
                }
            }
            // Nothing is ruled out.
            Err(_) => sets.clear(),
        }
        WordPlaces { sets }
    }
}

fn lock<T>(cache: &Mutex<T>) -> MutexGuard<'_, T> {
    // A search that panicked leaves a cache that is still sound to reuse.
    cache.lock().unwrap_or_else(PoisonError::into_inner)
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
