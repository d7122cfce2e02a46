//! The forward search of a precompiled DFA skipping to where a match can start, as
//! `regex_automata` does with a prefilter, but with a searcher for several literals built here.
//! `regex_automata`'s own prefilter for them (Teddy) also builds an anchored Aho-Corasick DFA
//! that only anchored searches use: about 270,000 instructions a pattern, 17 M for the 64 the
//! long bench draft searches, never used by these unanchored searches.

use aho_corasick::packed;
use regex_automata::dfa::{Automaton as _, dense};
use regex_automata::util::prefilter::Prefilter;
use regex_automata::{HalfMatch, Input, MatchError, MatchKind};

/// How a forward search skips to the literals every match starts with.
pub(super) enum Skip {
    /// With the DFA's own prefilter, if any (set on it): one literal, a few single bytes, or
    /// what the searcher below could not be built for.
    Dfa(Option<Prefilter>),
    /// With a vectorised scan for several literals, each at least 3 bytes long.
    Literals(packed::Searcher),
}

impl Skip {
    /// What `regex_automata` would choose for `starts`, without the part it never uses.
    pub(super) fn new(starts: &[&[u8]]) -> Skip {
        let own = || Skip::Dfa(Prefilter::new(MatchKind::LeftmostFirst, starts).filter(Prefilter::is_fast));
        let bytes = starts.len() <= 3 && starts.iter().all(|s| s.len() == 1);
        if starts.len() <= 1 || bytes {
            return own();
        }
        // `regex_automata` would choose Teddy, and use it only when its shortest literal is 3
        // bytes or more (`Prefilter::is_fast`).
        if starts.iter().any(|s| s.len() < 3) {
            return Skip::Dfa(None);
        }
        let mut config = packed::Config::new();
        config.match_kind(packed::MatchKind::LeftmostFirst);
        config.builder().extend(starts).build().map_or_else(own, Skip::Literals)
    }
}

/// The end of the leftmost match in `input` (the earliest, if `input` says so), as
/// `dfa.try_search_fwd` finds it with a prefilter for `literals`: whenever the DFA is in a start
/// state and has found no match yet, the search skips to the next place a literal occurs. The
/// DFA's start states must be specialised (`dense::Config::specialize_start_states`), else it
/// skips only once.
pub(super) fn find_fwd(dfa: &dense::DFA<&[u32]>, literals: &packed::Searcher, input: &Input) -> Result<Option<HalfMatch>, MatchError> {
    if input.get_anchored().is_anchored() {
        return dfa.try_search_fwd(input);
    }
    let (haystack, end) = (input.haystack(), input.end());
    let next_literal = |from: usize| literals.find_in(haystack, aho_corasick::Span { start: from, end }).map(|m| m.start());
    let start_at = |at: usize| dfa.start_state_forward(&input.clone().span(at..end));
    let Some(mut at) = next_literal(input.start()) else { return Ok(None) };
    let mut state = start_at(at)?;
    let mut found = None;
    while at < end {
        state = dfa.next_state(state, haystack[at]);
        if dfa.is_special_state(state) {
            if dfa.is_start_state(state) {
                if found.is_none() {
                    match next_literal(at) {
                        None => return Ok(None),
                        Some(next) if next > at => {
                            at = next;
                            state = start_at(at)?;
                            continue;
                        }
                        Some(_) => {}
                    }
                }
            } else if dfa.is_match_state(state) {
                found = Some(HalfMatch::new(dfa.match_pattern(state, 0), at));
                if input.get_earliest() {
                    return Ok(found);
                }
            } else if dfa.is_dead_state(state) {
                return Ok(found);
            } else if dfa.is_quit_state(state) {
                return Err(MatchError::quit(haystack[at], at));
            }
        }
        at += 1;
    }
    // Matches show one byte late: what follows the span (or its end) completes one ending there.
    match haystack.get(end) {
        Some(&byte) => {
            state = dfa.next_state(state, byte);
            if dfa.is_quit_state(state) {
                return Err(MatchError::quit(byte, end));
            }
        }
        None => state = dfa.next_eoi_state(state),
    }
    if dfa.is_match_state(state) {
        found = Some(HalfMatch::new(dfa.match_pattern(state, 0), end));
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use regex_automata::dfa::StartKind;

    use super::*;

    #[test]
    fn skipping_to_the_literals_finds_what_the_dfa_finds() {
        let literals: [&[u8]; 3] = [b"assign", b"transfer", b"convey"];
        let Skip::Literals(searcher) = Skip::new(&literals) else { panic!("several literals of 3 bytes or more") };
        let dfa = dense::Builder::new()
            .configure(dense::Config::new().start_kind(StartKind::Unanchored).specialize_start_states(true))
            .build(r"(?-u:\b)(?:assign|transfer|convey)(?:s|ed)?[^.;]{0,12}? all(?-u:\b)")
            .expect("builds");
        let mut prefiltered = dfa.clone();
        prefiltered.set_prefilter(Prefilter::new(MatchKind::LeftmostFirst, &literals));
        let text = "we assign; transfers all, convey\u{e9}d it all. reassigns all assign all";
        let mut found = 0;
        for start in 0..text.len() {
            for end in start..=text.len() {
                for earliest in [false, true] {
                    let input = Input::new(text).range(start..end).earliest(earliest);
                    let skipping = find_fwd(&dfa.as_ref(), &searcher, &input).expect("no quit bytes");
                    assert_eq!(skipping, dfa.try_search_fwd(&input).expect("no quit bytes"), "{start}..{end}");
                    assert_eq!(skipping, prefiltered.try_search_fwd(&input).expect("no quit bytes"), "{start}..{end}");
                    found += usize::from(skipping.is_some());
                }
            }
        }
        assert!(found > 1000, "the spans hold matches: {found}");
    }

    #[test]
    fn one_literal_or_a_few_bytes_are_left_to_the_dfa() {
        assert!(matches!(Skip::new(&[b"assign"]), Skip::Dfa(Some(_))));
        assert!(matches!(Skip::new(&[b"a", b"b"]), Skip::Dfa(Some(_))));
        assert!(matches!(Skip::new(&[b"assign", b"of"]), Skip::Dfa(None)), "Teddy is not fast for a 2-byte literal");
        assert!(matches!(Skip::new(&[b"assign", b"own"]), Skip::Literals(_)));
    }
}
