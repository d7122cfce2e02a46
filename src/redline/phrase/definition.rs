//! Definitions edited as definitions: a term defined by what a party makes "during employment"
//! or "in the course of the Services" keeps its name, its list and its sentence, and is
//! narrowed to what is made specifically for the client, as a lawyer marks it up, rather than
//! replaced by the library's definition of some other thing.

use std::sync::LazyLock;

use regex::Regex;

use super::{Edit, EditKind};
use crate::library::Concern;

/// A sentence that opens by defining a term (`"Covered Inventions" means ...`).
static DEFINES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^[\s*_]*["\u{201c}]([A-Z][\w-]*(?:\s+(?:of\s+)?[A-Z][\w-]*)*)["\u{201d}][\s*_]+(?:means|shall\s+mean|includes)\b"#)
        .expect("static regex")
});

/// What a definition says is made, and by whom: "that Employee makes, conceives, develops, or
/// reduces to practice, alone or with others," or "created, developed or conceived by
/// Provider, alone or jointly with others,", up to the words that tie it to the engagement
/// rather than to the client (`link`).
static MADE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?P<made>
          \b(?:that|which)\s+(?:the\s+)?[A-Z][\w-]*\s+(?:\w+\s+)?(?:makes|creates|develops|conceives|authors|produces|generates|invents)\b
          |\b(?:made|created|developed|conceived|authored|produced|generated)(?:,?\s+(?:or\s+|and\s+)?\w+)*\s+by\s+(?:the\s+)?[A-Z][\w-]*
        )
        (?P<between>[^.;]*?)
        (?P<link>\b(?:during\s+(?:the\s+(?:period|term)\s+of\s+)?(?:[\w']+\s+)?(?:employment|engagement|Term)\b
          |within\s+the\s+scope\s+of\b
          |in\s+the\s+course\s+of\b
          |in\s+connection\s+with\b
          |arising\s+(?:out\s+of|from)\b
          |(?:related|relating)\s+to\b))",
    )
    .expect("static regex")
});

/// Words that make the maker's colleagues or the client co-makers: joint work is the client's
/// only where it is made for the client.
static JOINT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:alone\s+or\s+(?:jointly\s+)?with\s+others|jointly)\b").expect("static regex"));

/// The term `sentence` defines, when it opens by defining one.
pub(super) fn defined_term(sentence: &str) -> Option<&str> {
    DEFINES.captures(sentence).and_then(|c| c.get(1)).map(|m| m.as_str())
}

/// The edits of a definition for the concerns found in it: what is made "during employment"
/// or "in the course of" the work narrowed to what is made "specifically for Client" (which
/// answers the joint-ownership finding too when the joint makers are named in the same words:
/// only what is made for the client passes). Empty when the sentence defines nothing, already
/// says "specifically", or has no such words.
pub(super) fn edits(sentence: &str, concerns: &[Concern]) -> Vec<Edit> {
    if defined_term(sentence).is_none() || !concerns.contains(&Concern::BroadWorkProduct) || sentence.contains("specifically") {
        return Vec::new();
    }
    let Some(c) = MADE.captures(sentence) else { return Vec::new() };
    let (Some(made), Some(link)) = (c.name("made"), c.name("link")) else { return Vec::new() };
    let mut answered = vec![Concern::BroadWorkProduct];
    if concerns.contains(&Concern::JointIp) && JOINT.is_match(&sentence[made.start()..link.start()]) {
        answered.push(Concern::JointIp);
    }
    let at = sentence[..link.start()].trim_end().len();
    vec![Edit { range: at..at, inserted: " specifically for Client".into(), concerns: answered, kinds: vec![EditKind::Narrowed] }]
}

#[cfg(test)]
mod tests {
    use super::super::tests::apply;
    use super::*;

    #[test]
    fn a_definition_is_narrowed_in_its_own_words() {
        let s = "\u{201c}Covered Inventions\u{201d} means all inventions, software, works of authorship, discoveries, improvements, designs, data models, and other intellectual property that Employee makes, conceives, develops, or reduces to practice, alone or with others, during employment, together with all related intellectual property rights.";
        let e = edits(s, &[Concern::BroadWorkProduct, Concern::JointIp, Concern::ModelOwnership]);
        assert_eq!(
            apply(s, &e),
            "\u{201c}Covered Inventions\u{201d} means all inventions, software, works of authorship, discoveries, improvements, designs, data models, and other intellectual property that Employee makes, conceives, develops, or reduces to practice, alone or with others, specifically for Client during employment, together with all related intellectual property rights."
        );
        assert_eq!(e[0].concerns, [Concern::BroadWorkProduct, Concern::JointIp]);
        let s = "\"Work Product\" means all deliverables created, developed or conceived by Provider, alone or jointly with others, in the course of the Services.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::BroadWorkProduct])),
            "\"Work Product\" means all deliverables created, developed or conceived by Provider, alone or jointly with others, specifically for Client in the course of the Services."
        );
        // Not a definition, or nothing broad found in it: no edit.
        assert!(edits("Employee makes inventions during employment.", &[Concern::BroadWorkProduct]).is_empty());
        assert!(edits(s, &[Concern::ModelOwnership]).is_empty());
    }
}
