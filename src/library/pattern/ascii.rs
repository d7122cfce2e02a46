//! ASCII forms of regular expressions. A Unicode class (`[^.;]`, `\s`, a letter of a
//! case-insensitive pattern) compiles to an automaton for every UTF-8 sequence it holds, once for
//! each time it is repeated (`[^.;]{0,120}`), and makes the lazy DFA's states larger to build.
//! On ASCII text only a class's ASCII part can match, no literal with other bytes can, and a
//! Unicode word boundary is where the ASCII one is; so such a pattern is searched in its ASCII
//! form where the text is ASCII, and compiled in full only for text that is not.

use std::sync::OnceLock;

use regex::Regex;
use regex_syntax::hir::{Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look, Repetition};

/// `hir` as it matches ASCII text: on a haystack whose every byte is ASCII (the bytes either
/// side of a search's range too, for its word boundaries), it matches exactly where `hir` does,
/// and it never matches a byte that is not ASCII.
pub fn ascii_hir(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(literal) if literal.0.is_ascii() => hir.clone(),
        HirKind::Literal(_) => Hir::fail(),
        HirKind::Class(Class::Unicode(class)) => {
            let mut class = class.clone();
            class.intersect(&ClassUnicode::new([ClassUnicodeRange::new('\0', '\x7f')]));
            Hir::class(Class::Unicode(class))
        }
        HirKind::Class(Class::Bytes(class)) => {
            let mut class = class.clone();
            class.intersect(&ClassBytes::new([ClassBytesRange::new(0, 0x7f)]));
            Hir::class(Class::Bytes(class))
        }
        HirKind::Look(look) => Hir::look(ascii_look(*look)),
        HirKind::Repetition(r) => {
            Hir::repetition(Repetition { min: r.min, max: r.max, greedy: r.greedy, sub: Box::new(ascii_hir(&r.sub)) })
        }
        HirKind::Capture(c) => Hir::capture(Capture { index: c.index, name: c.name.clone(), sub: Box::new(ascii_hir(&c.sub)) }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(ascii_hir).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(ascii_hir).collect()),
    }
}

/// Whether `hir` is its own ASCII form: no class or literal holds anything but ASCII, and its
/// word boundaries are ASCII ones.
pub fn is_ascii_only(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty => true,
        HirKind::Literal(literal) => literal.0.is_ascii(),
        HirKind::Class(Class::Unicode(class)) => class.ranges().last().is_none_or(|r| r.end().is_ascii()),
        HirKind::Class(Class::Bytes(class)) => class.ranges().last().is_none_or(|r| r.end().is_ascii()),
        HirKind::Look(look) => ascii_look(*look) == *look,
        HirKind::Repetition(r) => is_ascii_only(&r.sub),
        HirKind::Capture(c) => is_ascii_only(&c.sub),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().all(is_ascii_only),
    }
}

/// A Unicode word boundary as the ASCII one it is between ASCII characters.
pub(super) fn ascii_look(look: Look) -> Look {
    match look {
        Look::WordUnicode => Look::WordAscii,
        Look::WordUnicodeNegate => Look::WordAsciiNegate,
        Look::WordStartUnicode => Look::WordStartAscii,
        Look::WordEndUnicode => Look::WordEndAscii,
        Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
        Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
        other => other,
    }
}

/// A fixed `regex::Regex` searched in its ASCII form on ASCII text: each form is compiled on
/// first use, so a process that reads only ASCII text never compiles the Unicode one.
pub struct AsciiFirst {
    pattern: String,
    ascii: OnceLock<Regex>,
    full: OnceLock<Regex>,
}

impl AsciiFirst {
    /// `pattern` must be a valid regular expression (these are the program's own).
    pub fn new(pattern: impl Into<String>) -> Self {
        Self { pattern: pattern.into(), ascii: OnceLock::new(), full: OnceLock::new() }
    }

    /// The form to search `haystack` with (the whole of it, for the word boundaries at the edges
    /// of a search that starts or ends within it).
    pub fn on(&self, haystack: &str) -> &Regex {
        if haystack.is_ascii() { self.ascii() } else { self.full.get_or_init(|| Regex::new(&self.pattern).expect("static regex")) }
    }

    /// Compiles the ASCII form now (the form most text needs).
    pub fn compile(&self) {
        self.ascii();
    }

    fn ascii(&self) -> &Regex {
        self.ascii.get_or_init(|| {
            let hir = regex_syntax::parse(&self.pattern).expect("static regex");
            Regex::new(&ascii_hir(&hir).to_string()).expect("the ASCII form of a static regex")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_form_matches_ascii_text_as_the_pattern_does() {
        let patterns = [
            r#"(?i)\(\s*(?:the\s+)?["“”']\s*([A-Za-z][A-Za-z0-9&.\- ]{1,40}?)\s*["“”']\s*\)"#,
            r"\bof the\s+(?:[Ff]irst|FIRST)\s+(?:[Pp]art|PART)\b[^.;]{0,20}?(x|é)?",
            r"(?m)^\s*\**(?P<role>[A-Z][A-Za-z]+):\s+\S",
            r"(?i)\b(you|we|i)\s*,\s*the\s+([a-z]+(?: [a-z]+)?)\s*,\B",
        ];
        let texts = [
            "This Agreement (the \"Client\") and ( 'Provider' ) OF THE FIRST PART; or of the first part x",
            "Client: Acme Inc\nProvider:  Kelvin k\n\tWE, the agency team, and you , the client,",
            "  **Owner: x",
            "",
        ];
        for pattern in patterns {
            let (full, first) = (Regex::new(pattern).expect("valid"), AsciiFirst::new(pattern));
            for text in texts {
                let spans = |r: &Regex| -> Vec<Vec<Option<(usize, usize)>>> {
                    r.captures_iter(text).map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect()).collect()
                };
                assert_eq!(spans(first.on(text)), spans(&full), "{pattern} on {text:?}");
            }
            assert_eq!(first.on("“é”").as_str(), pattern, "the full form for other text");
        }
    }

    #[test]
    fn the_ascii_form_drops_what_only_other_text_holds() {
        let hir = regex_syntax::parse(r"(?i)[^.;]{2}k|é|\bx").expect("valid");
        let ascii = ascii_hir(&hir).to_string();
        assert!(ascii.is_ascii() && ascii.contains(r"(?-u:\b)") && !ascii.contains('é'), "{ascii}");
        assert!(!is_ascii_only(&hir) && is_ascii_only(&ascii_hir(&hir)));
        assert!(is_ascii_only(&regex_syntax::parse(r"(?-u:\b)[a-z]{0,4} x").expect("valid")));
    }
}
