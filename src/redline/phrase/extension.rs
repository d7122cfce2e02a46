//! A sentence that adds the agency's own things to a term for what passes ("For the avoidance
//! of doubt, the Foreground IPR includes all methods, techniques and know-how developed by the
//! Supplier"; "The Supplier's tools used in the Services form part of the Deliverables"): a
//! lawyer denies the addition in its own words ("does not include"), which leaves the term its
//! definition and the agency its methods, rather than striking the sentence or putting a
//! clause of another job in its place.

use std::sync::LazyLock;

use regex::Regex;

use super::{Edit, EditKind};
use crate::library::Concern;
use crate::reading::{Feature, Features, Lexicon};

/// "<Term> includes": the verb after a capitalised term (the `added` words follow it), or
/// "forms part of <Term>" (the added words come before the verb).
static ADDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \b(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+(?P<includes>includes|(?:shall|will)\s+include|also\s+includes|(?:shall|will)\s+also\s+include)\s
        |\s(?P<part>(?:shall|will)\s+form|forms|form)\s+part\s+of\s+(?:the\s+)?[A-Z]",
    )
    .expect("static regex")
});

/// The concerns of what an addition takes from the agency, which denying it answers.
const SWEPT: [Concern; 5] =
    [Concern::MethodologyTransfer, Concern::PreExistingIp, Concern::Derivatives, Concern::BroadWorkProduct, Concern::ModelOwnership];

/// The edit that denies an addition of the agency's own things to a term: the verb negated.
/// None unless the sentence adds to a term, and what it adds is only the agency's methods, its
/// prior work, its models or improvements to them (never what is delivered: "the Deliverables
/// include the source code" is no addition to deny), and a finding says it takes them.
pub(super) fn denied(sentence: &str, concerns: &[Concern], lexicon: &Lexicon) -> Option<Edit> {
    let answered: Vec<Concern> = concerns.iter().copied().filter(|c| SWEPT.contains(c)).collect();
    if !answered.iter().any(|c| matches!(c, Concern::MethodologyTransfer | Concern::PreExistingIp | Concern::Derivatives)) {
        return None;
    }
    let m = ADDS.captures(sentence)?;
    let (verb, added) = match (m.name("includes"), m.name("part")) {
        (Some(v), _) => (v, &sentence[v.end()..]),
        (None, Some(v)) => (v, &sentence[..v.start()]),
        _ => return None,
    };
    // "other than any rights which form part of the Foreground IPR": a qualification of other
    // words, not an addition of its own.
    let before = sentence[..verb.start()].trim_end();
    if before.ends_with(" which")
        || before.ends_with(" that")
        || [" other than ", " except ", " excluding "].iter().any(|w| before.contains(w))
    {
        return None;
    }
    let ours: Features = [Feature::Methods, Feature::Prior, Feature::Improvements, Feature::Models].into_iter().collect();
    let features = Features::of(lexicon, &added.to_lowercase());
    if features.has(Feature::Work) || features.has(Feature::Data) || features.without(ours) == features {
        return None;
    }
    let words: Vec<&str> = verb.as_str().split_whitespace().collect();
    let mut negated = match words.as_slice() {
        ["includes"] | ["also", "includes"] => "does not include".to_owned(),
        [modal, "include"] | [modal, "also", "include"] => format!("{modal} not include"),
        ["forms"] => "does not form".to_owned(),
        ["form"] => "do not form".to_owned(),
        [modal, "form"] => format!("{modal} not form"),
        _ => return None,
    };
    // "does not include all methods" would leave some in: "any methods".
    let mut range = verb.range();
    if m.name("includes").is_some() && sentence[range.end..].starts_with(" all ") {
        range.end += " all".len();
        negated.push_str(" any");
    }
    Some(Edit::new(range, negated, &answered, EditKind::CarvedOut))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edited(s: &str, concerns: &[Concern]) -> Option<String> {
        let e = denied(s, concerns, Lexicon::embedded())?;
        let mut out = s.to_owned();
        out.replace_range(e.range, &e.inserted);
        Some(out)
    }

    #[test]
    fn an_addition_of_the_agencys_methods_to_what_passes_is_denied_in_its_own_words() {
        assert_eq!(
            edited(
                "For the avoidance of doubt, the Foreground IPR includes all methods, techniques, processes, algorithms and know-how developed or refined by the Supplier in performing the Services.",
                &[Concern::BroadWorkProduct, Concern::MethodologyTransfer]
            )
            .as_deref(),
            Some(
                "For the avoidance of doubt, the Foreground IPR does not include any methods, techniques, processes, algorithms and know-how developed or refined by the Supplier in performing the Services."
            )
        );
        assert_eq!(
            edited(
                "The Contractor's existing tools and methodologies used in the Services shall form part of the Contract Material.",
                &[Concern::PreExistingIp]
            )
            .as_deref(),
            Some("The Contractor's existing tools and methodologies used in the Services shall not form part of the Contract Material.")
        );
    }

    #[test]
    fn what_is_delivered_or_a_sentence_without_such_a_finding_is_left() {
        let deliverables = "The Deliverables include the source code, documentation and the methods described in Schedule 2.";
        assert_eq!(edited(deliverables, &[Concern::MethodologyTransfer]), None);
        let methods = "The Foreground IPR includes all methods and know-how developed by the Supplier.";
        assert_eq!(edited(methods, &[Concern::BroadWorkProduct]), None);
        assert_eq!(edited("The Supplier shall keep records of its methods.", &[Concern::MethodologyTransfer]), None);
        let qualified = "Background IPR owned before the Commencement Date, other than any rights which form part of the Foreground IPR, remains the Supplier's.";
        assert_eq!(edited(qualified, &[Concern::PreExistingIp]), None);
    }
}
