//! Edits inside a provision, as a lawyer marks up a draft: an ownership statement ("shall ...
//! belong to you", "is owned by", "shall be the property of") keeps its words and gets the
//! payment condition put in before it takes effect, and its object narrowed to what is made for
//! the client. Used where no library clause of the same function can replace the sentence (one
//! that defines a term on the way, "... ("Project IP") shall belong to you").

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::library::Concern;

/// One edit of a sentence: the bytes struck (empty for an insertion) and the words put in, in
/// the library's names for the parties and the fees ("Client", "Fees"), which the caller adapts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub inserted: String,
    pub concern: Concern,
}

/// The ownership statement's verb, after which the transfer takes effect: the modal ("shall,",
/// "will") when there is one, else the verb itself ("is owned by", "becomes the property of").
static OWNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b(?:(?P<modal>shall|will)(?P<comma>,)?(?:\s*\([^)]*\))?\s+(?:be\s+and\s+remain\s+|become\s+|be\s+)?
            (?:the\s+(?:sole\s+)?(?:and\s+exclusive\s+)?property\s+of|(?:solely\s+|exclusively\s+)?owned\s+by|belong\s+to|vest\s+in)
          |(?P<verb>(?:is|are)\s+(?:the\s+(?:sole\s+)?(?:and\s+exclusive\s+)?property\s+of|(?:solely\s+|exclusively\s+)?owned\s+by)
            |belongs?\s+to|becomes?\s+the\s+property\s+of|vests?\s+in))\b",
    )
    .expect("static regex")
});

/// A condition of payment the sentence already has.
static PAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:upon|on|following|after|subject\s+to)\s+(?:(?:the\s+)?receipt\s+of\s+)?(?:full\s+)?payment")
        .expect("static regex")
});

/// A broad object: what is made by the agency "in the course of" or "in connection with" the
/// engagement, rather than for the client.
static BROAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b(?P<noun>(?:all\s+|any\s+)?(?:(?:deliverables\s+and\s+other\s+)?work\s+product|works?|materials|(?:the\s+)?intellectual\s+property))
        \s+(?P<made>(?:created|developed|made|produced|authored)\s+by\s+(?:us|the\s+\w+|[A-Z]\w+))
        \s+(?:(?P<performing>in\s+the\s+performance\s+of)|in\s+the\s+course\s+of(?:\s+working\s+on|\s+performing|\s+providing)?|in\s+connection\s+with|arising\s+(?:out\s+of|from)|(?:related|relating)\s+to)\b",
    )
    .expect("static regex")
});

/// The words that make the transfer wait for payment.
const UPON_PAYMENT: &str = "upon receipt of full payment of the Fees for it";

/// The smallest edits of the ownership statement `sentence` (its words in the draft) for the
/// `concerns` found in it, one per concern it can answer, in the order of the sentence. Offsets
/// are into `sentence`. `deliverables` is the draft's term for what it delivers, when it
/// defines one ("the Deliverables").
pub fn edits(sentence: &str, concerns: &[Concern], deliverables: Option<&str>) -> Vec<Edit> {
    let Some(owned) = OWNED.captures(sentence) else { return Vec::new() };
    let mut out = Vec::new();
    if concerns.contains(&Concern::BroadWorkProduct)
        && let Some(broad) = BROAD.captures(sentence)
        && let (Some(whole), Some(noun), Some(made)) = (broad.get(0), broad.name("noun"), broad.name("made"))
        && whole.end() <= owned.get(0).map_or(0, |o| o.start())
    {
        let things = deliverables.unwrap_or("the deliverables");
        let mut object = if noun.as_str().to_lowercase().contains("intellectual property") {
            format!("the intellectual property in {things}")
        } else {
            things.to_owned()
        };
        if noun.as_str().starts_with(char::is_uppercase) {
            object.replace_range(..1, &object[..1].to_uppercase());
        }
        let made = made.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
        out.push(Edit {
            range: whole.range(),
            // "in the performance of the Services" says what the work is for; the looser links
            // ("in the course of", "in connection with") become "under".
            inserted: format!(
                "{object} {made} specifically for Client {}",
                broad.name("performing").map_or("under", |_| "in the performance of")
            ),
            concern: Concern::BroadWorkProduct,
        });
    }
    if concerns.contains(&Concern::AssignmentBeforePayment) && !PAID.is_match(sentence) {
        let edit = match (owned.name("modal"), owned.name("comma"), owned.name("verb")) {
            (Some(_), Some(comma), _) => Some((comma.end(), format!(" {UPON_PAYMENT},"))),
            (Some(modal), None, _) => Some((modal.end(), format!(", {UPON_PAYMENT},"))),
            (None, _, Some(verb)) => {
                let at = sentence[..verb.start()].trim_end().len();
                Some((at, format!(", {UPON_PAYMENT},")))
            }
            _ => None,
        };
        if let Some((at, inserted)) = edit {
            out.push(Edit { range: at..at, inserted, concern: Concern::AssignmentBeforePayment });
        }
    }
    out.sort_by_key(|e| e.range.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(sentence: &str, edits: &[Edit]) -> String {
        let mut out = sentence.to_owned();
        for e in edits.iter().rev() {
            out.replace_range(e.range.clone(), &e.inserted);
        }
        out
    }

    #[test]
    fn an_ownership_statement_waits_for_payment_and_covers_what_is_made_for_the_client() {
        let both = [Concern::AssignmentBeforePayment, Concern::BroadWorkProduct];
        let s = "Intellectual property in work created by us in the course of working on a Project (\"Project IP\") shall, (as a future assignment of intellectual property) belong to you.";
        assert_eq!(
            apply(s, &edits(s, &both, None)),
            "Intellectual property in the deliverables created by us specifically for Client under a Project (\"Project IP\") shall, upon receipt of full payment of the Fees for it, (as a future assignment of intellectual property) belong to you."
        );
        let s = "All work product created by Provider in connection with the Services shall be the property of Client.";
        assert_eq!(
            apply(s, &edits(s, &both, Some("the Deliverables"))),
            "The Deliverables created by Provider specifically for Client under the Services shall, upon receipt of full payment of the Fees for it, be the property of Client."
        );
        let s = "All intellectual property created by the Contributor in connection with the Project is owned by the Company.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::AssignmentBeforePayment], None)),
            "All intellectual property created by the Contributor in connection with the Project, upon receipt of full payment of the Fees for it, is owned by the Company."
        );
        let s = "The Services and all deliverables and other work product developed by Contractor in the performance of the Services are a work made for hire, and shall be solely owned by the Company.";
        assert_eq!(
            apply(s, &edits(s, &both, None)),
            "The Services and the deliverables developed by Contractor specifically for Client in the performance of the Services are a work made for hire, and shall, upon receipt of full payment of the Fees for it, be solely owned by the Company."
        );
        let paid = "Upon full payment, the Deliverables shall belong to Client.";
        assert!(edits(paid, &both, None).is_empty());
        assert!(edits("Provider hereby assigns all work created by Provider in connection with the Project.", &both, None).is_empty());
    }
}
