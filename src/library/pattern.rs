//! The phrase patterns of the clause library: a small, forgiving layer over `regex` so that a
//! rule written once matches the ways lawyers actually type it.

use std::fmt;

use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

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
    regex: Regex,
}

impl Pattern {
    pub fn new(source: &str) -> Result<Self, regex::Error> {
        let expanded = source.replace(' ', r"[\s\-]*").replace('~', "[a-z]{0,4}");
        let regex =
            RegexBuilder::new(&format!(r"\b(?:{expanded})\b")).size_limit(1 << 20).dfa_size_limit(1 << 22).nest_limit(32).build()?;
        Ok(Self { source: source.to_owned(), regex })
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn regex(&self) -> &Regex {
        &self.regex
    }

    pub fn is_match(&self, normalised: &str) -> bool {
        self.regex.is_match(normalised)
    }
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
        Pattern::new(&source)
            .map_err(|e| serde::de::Error::custom(format!("pattern {source:?} does not compile: {}", first_line(&e.to_string()))))
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
        assert!(p.is_match("all work\nproduct"));
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
    fn bad_regex_is_an_error() {
        assert!(Pattern::new("(unclosed").is_err());
    }
}
