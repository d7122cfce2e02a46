//! Asking whether a rule's carve-outs hold in the sentence around each match, when a clause
//! has many matches: a draft that is one long sentence asks about tens of thousands of windows
//! of it, each up to 3 KB. A window is ruled out without a search when it lacks a word every
//! match of the pattern holds, and one asked about twice is searched once.

use std::collections::HashMap;
use std::ops::Range;

use crate::library::{Pattern, WordPlaces};

/// A clause shorter than this is searched window by window as it comes.
const LONG_CLAUSE: usize = 16 << 10;

/// The carve-out searches of one clause's text.
pub struct Windows<'t> {
    text: &'t str,
    places: HashMap<*const Pattern, WordPlaces>,
    answers: HashMap<(*const Pattern, usize, usize), bool>,
}

impl<'t> Windows<'t> {
    pub fn new(text: &'t str) -> Self {
        Self { text, places: HashMap::new(), answers: HashMap::new() }
    }

    pub fn text(&self) -> &'t str {
        self.text
    }

    /// `pattern.is_match(&text[window])`.
    pub fn is_match(&mut self, pattern: &Pattern, window: Range<usize>) -> bool {
        if self.text.len() < LONG_CLAUSE {
            return pattern.is_match(&self.text[window]);
        }
        let key = (std::ptr::from_ref(pattern), window.start, window.end);
        if let Some(&answer) = self.answers.get(&key) {
            return answer;
        }
        let text = self.text;
        let places = self.places.entry(key.0).or_insert_with(|| pattern.word_places(text));
        let answer = places.could_hold(window.clone()) && pattern.is_match(&text[window]);
        self.answers.insert(key, answer);
        answer
    }
}
