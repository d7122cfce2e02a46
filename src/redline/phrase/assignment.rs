//! Edits inside an assignment ("Contractor hereby assigns to Company all right, title and
//! interest in and to all Work Product"), as a lawyer marks one up: the payment condition put
//! in after the assignee (or in place of "effective upon creation"), the object narrowed to
//! what is made for the client, and the agency's own materials carved out after it. Nothing of
//! the sentence is struck that the fix does not need.

use std::sync::LazyLock;

use regex::Regex;

use super::{CARVE_OUT, Edit, EditKind, PAID, UPON_PAYMENT, Words, carved_out, merged};
use crate::library::Concern;

/// The assigning verb: "hereby (irrevocably) assigns", "agrees to (grant and) assign", "grants
/// and assigns", "shall assign"; followed by what repeats it (", and agrees to assign,").
static ASSIGNS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b(?:hereby\s+(?:irrevocably\s+)?|irrevocably\s+|(?:shall|will)\s+(?:hereby\s+)?(?:irrevocably\s+)?)?
        (?:assigns?|grants?\s+and\s+assigns?|agrees?\s+to\s+(?:grant\s+and\s+)?assign)\b
        (?:,?\s+and\s+(?:hereby\s+)?(?:agrees?\s+to\s+)?(?:grants?\s+and\s+)?(?:assigns?|transfers?)\b,?|\s+and\s+transfers?\b)*",
    )
    .expect("static regex")
});

/// The assignee right after the verb: "to the Company", "to Client".
static ASSIGNEE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^,?\s+to\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*").expect("static regex"));

/// Words that deny the transfer ("may not assign", "shall not assign this Agreement"): an
/// assignment of the contract, not of the work.
static NOT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(?:not|never|no)\s+$").expect("static regex"));

/// What is assigned: the noun phrase after "interest in (and to)" or "rights ... in", up to a
/// comma, a parenthesis or the words that qualify the whole grant ("including", "to the extent").
static OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b(?:interest|rights?|benefits)(?:\s*\([^)]*\))?\s+(?:in\s+and\s+to|in)\s+
        (?P<object>(?:the|all|any|such|those|its|their)\s+[^,;()]*?)
        (?:\s*[,;(]|\s*\.?\s*$|\s+(?:including|to\s+the\s+extent|effective|whether|upon|on\s+creation|as\s+(?:they\s+are\s+)?created|and\s+(?:will|shall|agrees?))\b)",
    )
    .expect("static regex")
});

/// An object named in the library's own broad words: it is replaced by the deliverables, where
/// an object with a name of its own ("the Project Materials") keeps it and is qualified.
static GENERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:all|any|the)\s+(?:(?:deliverables,?\s+and\s+other\s+)?work\s+product|works?|materials|results)$")
        .expect("static regex")
});

/// When the sentence says the transfer happens: on creation, whatever is paid. The payment
/// condition takes its place.
static TIMING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?:effective\s+(?:automatically\s+|immediately\s+)?)?(?:upon|on)\s+(?:its\s+|their\s+)?creation
        (?:\s+and\s+whether\s+or\s+not\s+[^,;.]*)?
        |(?:automatically\s+)?as\s+(?:it\s+is\s+|they\s+are\s+)?created",
    )
    .expect("static regex")
});

/// Whether `sentence` has an assigning verb that is not denied.
pub(super) fn assigns(sentence: &str) -> bool {
    verb(sentence).is_some()
}

fn verb(sentence: &str) -> Option<regex::Match<'_>> {
    ASSIGNS.find_iter(sentence).find(|m| !NOT.is_match(&sentence[..m.start()]))
}

/// The edits of an assignment sentence; empty when `sentence` assigns nothing.
pub(super) fn edits(sentence: &str, concerns: &[Concern], words: &Words<'_>) -> Vec<Edit> {
    let Some(verb) = verb(sentence) else { return Vec::new() };
    let after_verb = verb.end();
    let assignee_end = ASSIGNEE.find(&sentence[after_verb..]).map_or(after_verb, |m| after_verb + m.end());
    let object = OBJECT
        .captures(&sentence[assignee_end..])
        .and_then(|c| c.name("object"))
        .map(|m| (assignee_end + m.start())..(assignee_end + m.end()));
    let mut out = Vec::new();

    if concerns.contains(&Concern::AssignmentBeforePayment) && !PAID.is_match(sentence) {
        let timing = TIMING.find_at(sentence, after_verb);
        let it = object.as_ref().map_or("it", |o| pronoun(&sentence[o.clone()]));
        out.push(match timing {
            Some(t) => {
                Edit::new(t.range(), format!("effective {UPON_PAYMENT} {it}"), &[Concern::AssignmentBeforePayment], EditKind::UponPayment)
            }
            // ", with full title guarantee," already follows: the condition goes before it.
            None if sentence[assignee_end..].starts_with(',') => Edit::new(
                assignee_end..assignee_end,
                format!(", {UPON_PAYMENT} {it}"),
                &[Concern::AssignmentBeforePayment],
                EditKind::UponPayment,
            ),
            None => Edit::new(
                assignee_end..assignee_end,
                format!(", {UPON_PAYMENT} {it},"),
                &[Concern::AssignmentBeforePayment],
                EditKind::UponPayment,
            ),
        });
    }

    let Some(object) = object else { return out };
    let named = &sentence[object.clone()];
    if concerns.contains(&Concern::BroadWorkProduct) && !named.ends_with("therein") && !named.ends_with("thereto") {
        out.push(if GENERIC.is_match(named) {
            let things = words.deliverables.unwrap_or("the deliverables");
            Edit::new(object.clone(), format!("{things} created specifically for Client"), &[Concern::BroadWorkProduct], EditKind::Narrowed)
        } else {
            Edit::new(
                object.end..object.end,
                " created by Agency specifically for Client".into(),
                &[Concern::BroadWorkProduct],
                EditKind::Narrowed,
            )
        });
    }
    // The agency's own materials stay out of the transfer, said right after what passes.
    let carved = carved_out(sentence, concerns, words);
    if !carved.is_empty() {
        out.push(Edit::new(object.end..object.end, CARVE_OUT.into(), &carved, EditKind::CarvedOut));
    }
    merged(out)
}

/// "it" or "them" for what is assigned, by its head noun ("the Covered Inventions", "the
/// Intellectual Property in the Project Materials", "any intellectual property rights therein").
fn pronoun(object: &str) -> &'static str {
    let head = object.split(" in ").next().unwrap_or(object).split(" of ").next().unwrap_or(object);
    let last = head.split_whitespace().rfind(|w| !matches!(*w, "therein" | "thereto" | "thereof")).unwrap_or("");
    if last.ends_with('s') && !last.ends_with("ss") { "them" } else { "it" }
}

#[cfg(test)]
mod tests {
    use super::super::tests::apply;
    use super::*;

    const LIBRARY_IP: Words<'static> = Words { deliverables: None, agency_ip_has_methods: true };

    #[test]
    fn an_assignment_waits_for_payment_covers_what_is_made_for_the_client_and_keeps_the_agencys_materials() {
        let all = [Concern::AssignmentBeforePayment, Concern::BroadWorkProduct, Concern::PreExistingIp, Concern::MethodologyTransfer];
        let s = "The Contributor hereby assigns to the Company, with full title guarantee, all right, title, and interest in and to the Intellectual Property in the Project Materials, including all existing and future rights, throughout the world.";
        assert_eq!(
            apply(s, &edits(s, &all, &LIBRARY_IP)),
            "The Contributor hereby assigns to the Company, upon receipt of full payment of the Fees for it, with full title guarantee, all right, title, and interest in and to the Intellectual Property in the Project Materials created by Agency specifically for Client, excluding Agency IP, including all existing and future rights, throughout the world."
        );
        let s = "Provider hereby irrevocably assigns to Client all right, title and interest in and to all Work Product, including all intellectual property rights therein, effective automatically upon creation and whether or not Client has paid any invoice relating to it.";
        let e = edits(s, &all, &Words { deliverables: Some("the Deliverables"), agency_ip_has_methods: false });
        assert_eq!(
            apply(s, &e),
            "Provider hereby irrevocably assigns to Client all right, title and interest in and to the Deliverables created specifically for Client, excluding Agency IP, including all intellectual property rights therein, effective upon receipt of full payment of the Fees for it."
        );
        assert!(!e.iter().any(|e| e.concerns.contains(&Concern::MethodologyTransfer)), "a draft's own term may not cover methods");
        let s = "Employee hereby assigns, and agrees to assign, to Company all right, title, and interest in the Covered Inventions, to the extent permitted by law.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::AssignmentBeforePayment], &LIBRARY_IP)),
            "Employee hereby assigns, and agrees to assign, to Company, upon receipt of full payment of the Fees for them, all right, title, and interest in the Covered Inventions, to the extent permitted by law."
        );
    }

    #[test]
    fn what_is_not_an_assignment_of_the_work_or_already_fixed_is_left() {
        let all = [Concern::AssignmentBeforePayment, Concern::PreExistingIp];
        assert!(edits("Provider may not assign this Agreement without consent.", &all, &LIBRARY_IP).is_empty());
        let paid = "Upon full payment, Provider assigns to Client all right, title and interest in the Deliverables.";
        assert!(edits(paid, &[Concern::AssignmentBeforePayment], &LIBRARY_IP).is_empty());
        let claimed = "Provider hereby assigns to Client all right, title and interest in its pre-existing materials.";
        assert!(edits(claimed, &[Concern::PreExistingIp], &LIBRARY_IP).is_empty());
    }
}
