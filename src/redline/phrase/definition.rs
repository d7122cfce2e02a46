//! Definitions edited as definitions: a term defined by what a party makes "during employment"
//! or "in the course of the Services" keeps its name, its list and its sentence, and is
//! narrowed to what is made specifically for the client, as a lawyer marks it up, rather than
//! replaced by the library's definition of some other thing.

use std::sync::LazyLock;

use regex::Regex;

use super::{Edit, EditKind};
use crate::library::Concern;

/// A sentence that opens by defining a term (`"Covered Inventions" means ...`, `In this
/// Agreement, "Innovations" means ...`, `"order material" means ...` as government forms write
/// their terms, in lower case).
static DEFINES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^[\s*_]*(?:(?:In|For\s+(?:the\s+)?purposes\s+of|As\s+used\s+in)\s+this\s+(?:Agreement|Contract|Section|Clause)\s*,\s*)?["\u{201c}]([A-Za-z][\w-]*(?:\s+(?:of\s+)?[A-Za-z][\w-]*)*)["\u{201d}][\s*_]+(?:means|shall\s+mean|includes)\b"#)
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

/// Words that sweep in what existed before the engagement: "whether created before or after
/// the date of this Agreement", "whether made prior to or during the Term".
static BEFORE_OR_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i),?\s*whether\s+(?:(?:created|made|developed|conceived|acquired|arising|authored)\s+)?(?:before|prior\s+to)(?:,\s*on)?\s+or\s+(?:on\s+or\s+)?(?:after|during|following)\b[^,;.]*",
    )
    .expect("static regex")
});

/// The term `sentence` defines, when it opens by defining one.
pub(super) fn defined_term(sentence: &str) -> Option<&str> {
    DEFINES.captures(sentence).and_then(|c| c.get(1)).map(|m| m.as_str())
}

/// The edits of a definition for the concerns found in it: what is made "during employment"
/// or "in the course of" the work narrowed to what is made "specifically for Client" (which
/// answers the joint-ownership finding too when the joint makers are named in the same words:
/// only what is made for the client passes), and words that sweep in what existed before
/// ("whether created before or after the date of this Agreement") struck for pre-existing-ip.
/// Empty when the sentence defines nothing or has no such words.
pub(super) fn edits(sentence: &str, concerns: &[Concern], lexicon: &crate::reading::Lexicon) -> Vec<Edit> {
    if defined_term(sentence).is_none() {
        return Vec::new();
    }
    let mut out = Vec::new();
    if concerns.contains(&Concern::BroadWorkProduct)
        && !sentence.contains("specifically")
        && let Some(c) = MADE.captures(sentence)
        && let (Some(made), Some(link)) = (c.name("made"), c.name("link"))
        // "during the Term or otherwise arising out of the Services": a second, looser tie
        // the narrowing would not govern; such a definition is replaced, not edited.
        && !sentence[link.end()..].to_lowercase().contains("or otherwise")
    {
        let mut answered = vec![Concern::BroadWorkProduct];
        if concerns.contains(&Concern::JointIp) && JOINT.is_match(&sentence[made.start()..link.start()]) {
            answered.push(Concern::JointIp);
        }
        let at = sentence[..link.start()].trim_end().len();
        out.push(Edit { range: at..at, inserted: " specifically for Client".into(), concerns: answered, kinds: vec![EditKind::Narrowed] });
    }
    if concerns.contains(&Concern::MethodologyTransfer) {
        out.extend(methods_struck(sentence, lexicon));
    }
    if concerns.contains(&Concern::PreExistingIp)
        && let Some(m) = BEFORE_OR_AFTER.find(sentence)
    {
        out.push(Edit {
            range: m.range(),
            inserted: String::new(),
            concerns: vec![Concern::PreExistingIp],
            kinds: vec![EditKind::CarvedOut],
        });
    }
    out.sort_by_key(|e| e.range.start);
    out
}

/// The items of the definition's list that name methods or know-how ("know-how,
/// methodologies, techniques, tools and frameworks", "ideas, concepts"), each struck with the
/// comma after it: what the term sweeps in is the work, not the way of working.
fn methods_struck(sentence: &str, lexicon: &crate::reading::Lexicon) -> Vec<Edit> {
    let Some(opening) = DEFINES.find(sentence) else { return Vec::new() };
    let end = MADE.find_at(sentence, opening.end()).map_or(sentence.len(), |m| m.start());
    let mut out = Vec::new();
    let mut at = opening.end();
    for item in sentence[opening.end()..end].split_inclusive(',') {
        let range = at..at + item.len();
        at = range.end;
        if !item.ends_with(',') {
            continue;
        }
        let words = item.trim().trim_end_matches(',').trim_start_matches("and ").trim_start_matches("or ");
        let methods = crate::reading::Features::of(lexicon, &words.to_lowercase()).has(crate::reading::Feature::Methods);
        // Struck with the comma before it, up to its own: "documentation~~, ideas, concepts~~,
        // and other outputs". The list's first item has no comma before it and stays.
        if methods && words.split_whitespace().count() <= 3 && sentence[..range.start].ends_with(',') {
            out.push(Edit {
                range: range.start - 1..range.end - 1,
                inserted: String::new(),
                concerns: vec![Concern::MethodologyTransfer],
                kinds: vec![EditKind::CarvedOut],
            });
        }
    }
    // Struck items side by side are one edit.
    let mut merged: Vec<Edit> = Vec::new();
    for e in out {
        match merged.last_mut() {
            Some(last) if last.range.end == e.range.start => last.range.end = e.range.end,
            _ => merged.push(e),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::super::tests::apply;
    use super::*;

    #[test]
    fn a_definition_may_open_by_saying_where_it_applies() {
        assert_eq!(defined_term("In this Agreement, \u{201c}Innovations\u{201d} means all inventions and know-how."), Some("Innovations"));
        assert_eq!(defined_term("For purposes of this Agreement, \"Work Product\" means the deliverables."), Some("Work Product"));
        assert_eq!(defined_term("In this Agreement the Supplier shall deliver the \"Work Product\" means nothing."), None);
        // Government forms write their terms in lower case.
        assert_eq!(defined_term("\"order material\" means any material created by you."), Some("order material"));
    }

    #[test]
    fn a_definition_is_narrowed_in_its_own_words() {
        let s = "\u{201c}Covered Inventions\u{201d} means all inventions, software, works of authorship, discoveries, improvements, designs, data models, and other intellectual property that Employee makes, conceives, develops, or reduces to practice, alone or with others, during employment, together with all related intellectual property rights.";
        let e = edits(s, &[Concern::BroadWorkProduct, Concern::JointIp, Concern::ModelOwnership], crate::reading::Lexicon::embedded());
        assert_eq!(
            apply(s, &e),
            "\u{201c}Covered Inventions\u{201d} means all inventions, software, works of authorship, discoveries, improvements, designs, data models, and other intellectual property that Employee makes, conceives, develops, or reduces to practice, alone or with others, specifically for Client during employment, together with all related intellectual property rights."
        );
        assert_eq!(e[0].concerns, [Concern::BroadWorkProduct, Concern::JointIp]);
        let s = "\"Work Product\" means all deliverables created, developed or conceived by Provider, alone or jointly with others, in the course of the Services.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::BroadWorkProduct], crate::reading::Lexicon::embedded())),
            "\"Work Product\" means all deliverables created, developed or conceived by Provider, alone or jointly with others, specifically for Client in the course of the Services."
        );
        // What existed before is struck with the narrowing.
        let s = "\"Project Materials\" means all works, materials, code, ideas, concepts, and other outputs created, developed, or contributed by the Contributor in connection with the Project, whether created before or after the date of this Agreement.";
        assert_eq!(
            apply(
                s,
                &edits(
                    s,
                    &[Concern::BroadWorkProduct, Concern::PreExistingIp, Concern::MethodologyTransfer],
                    crate::reading::Lexicon::embedded()
                )
            ),
            "\"Project Materials\" means all works, materials, code, and other outputs created, developed, or contributed by the Contributor specifically for Client in connection with the Project."
        );
        // Not a definition, or nothing broad found in it: no edit.
        assert!(
            edits("Employee makes inventions during employment.", &[Concern::BroadWorkProduct], crate::reading::Lexicon::embedded())
                .is_empty()
        );
        assert!(edits(s, &[Concern::ModelOwnership], crate::reading::Lexicon::embedded()).is_empty());
        assert!(
            edits(
                "\"Work Product\" means all deliverables created by Provider.",
                &[Concern::PreExistingIp],
                crate::reading::Lexicon::embedded()
            )
            .is_empty()
        );
    }
}
