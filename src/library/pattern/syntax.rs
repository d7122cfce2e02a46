//! What a pattern is before it is compiled: its expansion into `regex` syntax, its parse, the
//! words every match holds and the literals every match starts with. The build script reads
//! this file too (`build.rs`), so the patterns it compiles into the binary are read exactly as
//! the analysis reads them; it depends on `regex-syntax` and `std` alone.

use std::cmp::Reverse;

use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind};

/// How deep a library pattern may nest (a pattern is a phrase, not a program).
pub const PATTERN_NEST: u32 = 32;
/// How deep a reading-lexicon entry may nest: the `regex` crate's own limit, which the lexicon
/// was first compiled with.
pub const LEXICON_NEST: u32 = 250;

/// Shorter required words are too common to be worth searching for first.
const MIN_LITERAL: usize = 3;
/// The rarest sets are enough to rule out nearly every clause.
const MAX_SETS: usize = 4;
/// A repetition this wide or wider (`[^.;]{0,120}`, `(?:[a-z]+ ){0,16}`) is a gap: searched
/// unanchored, the matches begun within it are all kept at once.
const WIDE_GAP: u32 = 5;

/// A library pattern as `regex` syntax. Normalised text has one plain space for any run of
/// white space, so a space in a pattern need only match spaces and hyphens; `~` allows up to
/// four more letters. Word boundaries are ASCII: the patterns are English and the fast DFA
/// engines cannot do Unicode boundaries on non-ASCII text.
pub fn expand(source: &str) -> String {
    format!(r"(?-u:\b)(?:{})(?-u:\b)", source.replace(' ', "[ -]*").replace('~', "[a-z]{0,4}"))
}

/// Patterns matching where any of `sources` matches (a standard clause's cues, searched once).
pub fn any_of<'a>(sources: impl IntoIterator<Item = &'a str>) -> String {
    sources.into_iter().map(|s| format!("(?:{s})")).collect::<Vec<_>>().join("|")
}

/// A reading-lexicon word list as one regular expression: any of its entries, at word
/// boundaries, or (`ending`) at a word boundary and at the end of the text.
pub fn word_list(list: &[String], ending: bool) -> String {
    let alternation = list.join("|");
    if ending { format!(r"(?-u:\b)(?:{alternation})$") } else { format!(r"(?-u:\b)(?:{alternation})(?-u:\b)") }
}

/// Parses `regex` nested at most `nest` deep.
pub fn parse(regex: &str, nest: u32) -> Result<Hir, String> {
    regex_syntax::ParserBuilder::new().nest_limit(nest).build().parse(regex).map_err(|e| e.to_string())
}

/// Sets of words, one of each set occurring in every match of `hir`: the rarest few sets whose
/// words are all long enough to be worth looking for.
pub fn required_words(hir: &Hir) -> Vec<Vec<String>> {
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
    sets.sort_by_key(|set| Reverse(rarity(set)));
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

/// Whether `hir` has a repetition that lets a match run on for a while over anything: a bounded
/// one at least `WIDE_GAP` wide, or an unbounded one of more than a single class.
pub fn has_wide_gap(hir: &Hir) -> bool {
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

/// The literals every match of `hir` starts with, none empty; `None` when no such few are known.
pub fn starts(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    let mut prefixes = Extractor::new().kind(ExtractKind::Prefix).extract(hir);
    prefixes.optimize_for_prefix_by_preference();
    if prefixes.min_literal_len().is_none_or(|n| n == 0) {
        return None;
    }
    Some(prefixes.literals()?.iter().map(|l| l.as_bytes().to_vec()).collect())
}
