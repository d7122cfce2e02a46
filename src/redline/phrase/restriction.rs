//! Non-competes edited as non-competes, along the library's narrow-scope rung (a fixed period
//! of twelve months, the client's competitors, what is like the deliverables), in the draft's
//! own words: a longer period shortened, an industry-wide or "similar" reach struck, competing
//! struck where the promise has another ground beside it, services named by field narrowed to
//! a system like the deliverables. The promise stays a promise of the same party.

use std::sync::LazyLock;

use regex::Regex;

use super::{Edit, EditKind};
use crate::library::Concern;

/// The period a restriction runs after the engagement: "for twenty-four (24) months",
/// "for 2 years", "for a period of eighteen (18) months".
static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bfor\s+(?:a\s+period\s+of\s+)?(?P<span>(?P<count>(?:[a-z-]+\s+)?\(?(?P<n>\d+)\)?)\s+(?P<unit>months?|years?))\b")
        .expect("static regex")
});

/// A reach beyond the client's competitors: "or to any other company in the healthcare
/// analytics industry", "similar to or" before "in competition with".
static WHOLE_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        ,?\s+or\s+(?:to\s+|for\s+|with\s+)?any\s+other\s+(?:company|person|entity|business|organi[sz]ation)s?\b[^.;,]*?\b(?:industry|sector|market|field)\b
        |\bsimilar\s+to\s+or\s+",
    )
    .expect("static regex")
});

/// Competing beside another ground of the same promise: "that competes with Company or " before
/// "that materially conflicts with Employee's duties".
static COMPETES_OR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:that|which)\s+compete[sd]?\s+with\s+[\w\s'\u{2019}]+?\s+or\s+(?:that|which)\b").expect("static regex")
});

/// Competing as the first of a promise's limbs, another limb after it: "be directly or
/// indirectly involved with a business which is in direct competition with the particular
/// business line of the Client, " before "divert or attempt to divert from the Client ...".
static INVOLVED_THEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bbe\s+(?:(?:either\s+)?directly\s+or\s+indirectly,?\s+)?(?:involved|engaged|concerned|interested)\s+(?:with|in)\b[^,;.]*?\bcompet\w*\b[^,;.]*,\s+(?:or\s+)?(?:[a-z]+\s+or\s+attempt\s+to\s+[a-z]+|solicit|divert|induce|entice|hire|employ|interfere)\b",
    )
    .expect("static regex")
});

/// Services named by their field: "provide machine learning or analytics services to".
static SERVICES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:provide|perform|render)\s+(?:[\w-]+\s+){1,5}?services\s+(?P<to>to|for)\b").expect("static regex")
});

/// A promise not to compete: what the edits work on.
static RESTRICTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:shall|will|must|may)\s+not\b|\bagrees?\s+not\s+to\b").expect("static regex"));

/// The limb of what a bar names that takes in whatever was made in the engagement ("or
/// developed during the period of Agreement with Company"), up to what follows it (`rest`: the
/// period the bar runs, or the end of its part).
static MEANWHILE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\s+{}[^,;.]*?(?P<rest>\s+for\s+(?:a\s+period|\d|[a-z]+\s+\()|[,;.]|$)", crate::reading::MADE_MEANWHILE))
        .expect("static regex")
});

/// Whether `sentence` is a promise not to do something the edits can narrow.
pub(super) fn restricts(sentence: &str) -> bool {
    RESTRICTS.is_match(sentence)
}

/// The edits of a non-compete `sentence`, in order; empty when none of its words can be
/// narrowed (it is then replaced or left open). `deliverables` is the draft's term for what it
/// delivers ("the Deliverables"), when it defines one.
pub(super) fn edits(sentence: &str, deliverables: Option<&str>) -> Vec<Edit> {
    let narrowed = |range: std::ops::Range<usize>, inserted: String| Edit {
        range,
        inserted,
        concerns: vec![Concern::NonCompete],
        kinds: vec![EditKind::Narrowed],
    };
    let mut out = Vec::new();
    if let Some(c) = PERIOD.captures(sentence)
        && let (Some(span), Some(count), Some(n), Some(unit)) = (c.name("span"), c.name("count"), c.name("n"), c.name("unit"))
        && let Ok(n) = n.as_str().parse::<u32>()
    {
        // Only the count changes when the draft counts in months ("~~twenty-four (24)~~
        // twelve (12) months").
        if unit.as_str().starts_with("month") && n > 12 {
            out.push(narrowed(count.range(), "twelve (12)".into()));
        } else if unit.as_str().starts_with("year") && n >= 2 {
            out.push(narrowed(span.range(), "twelve (12) months".into()));
        }
    }
    for m in WHOLE_FIELD.find_iter(sentence) {
        out.push(narrowed(m.range(), String::new()));
    }
    if let Some(m) = COMPETES_OR.find(sentence) {
        // From the space before it up to the one before the second ground's own "that", which
        // stays: "activity ~~that competes with Company or~~ that materially conflicts".
        let start = sentence[..m.start()].trim_end().len();
        let end = sentence[..m.end()].trim_end_matches(|c: char| c.is_alphabetic()).trim_end().len();
        out.push(narrowed(start..end, String::new()));
    }
    if let Some(m) = INVOLVED_THEN.find(sentence) {
        // Up to the next limb's verb, which keeps the promise: "will not ~~be ... Client,~~ divert".
        let limb = sentence[m.start()..m.end()].rfind(", ").map_or(m.end(), |i| m.start() + i + 2);
        let limb = if sentence[limb..].starts_with("or ") { limb + 3 } else { limb };
        out.push(narrowed(m.start()..limb, String::new()));
    }
    if let Some(c) = SERVICES.captures(sentence)
        && let (Some(whole), Some(to)) = (c.get(0), c.name("to"))
    {
        let things = deliverables.unwrap_or("the deliverables under this Agreement");
        out.push(narrowed(whole.start()..to.end(), format!("develop a system substantially similar to {things} for")));
    }
    // "any software owned by Company or developed during the period of Agreement": the limb
    // that reaches what the agency made is struck, and the bar keeps to the client's own.
    if let Some(c) = MEANWHILE.captures(sentence)
        && let (Some(whole), Some(rest)) = (c.get(0), c.name("rest"))
    {
        out.push(Edit {
            range: whole.start()..rest.start(),
            inserted: String::new(),
            concerns: vec![Concern::NonCompete, Concern::NoLicenseBack, Concern::BroadWorkProduct],
            kinds: vec![EditKind::Narrowed],
        });
    }
    out.sort_by_key(|e| e.range.start);
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::apply;
    use super::*;

    #[test]
    fn a_non_compete_is_narrowed_in_its_own_words() {
        let s = "During the Term and for twenty-four (24) months thereafter, Provider shall not, directly or indirectly, provide machine learning or analytics services to any competitor of Client or to any other company in the healthcare analytics industry.";
        assert_eq!(
            apply(s, &edits(s, Some("the Deliverables"))),
            "During the Term and for twelve (12) months thereafter, Provider shall not, directly or indirectly, develop a system substantially similar to the Deliverables for any competitor of Client."
        );
        let s = "While performing services for Company, Employee will not, without Company's written consent, engage in any business or activity that competes with Company or that materially conflicts with Employee's duties to Company.";
        assert_eq!(
            apply(s, &edits(s, None)),
            "While performing services for Company, Employee will not, without Company's written consent, engage in any business or activity that materially conflicts with Employee's duties to Company."
        );
        let s = "Contractor shall not engage in any activity which is similar to or in competition with the business of the Agency.";
        assert_eq!(
            apply(s, &edits(s, None)),
            "Contractor shall not engage in any activity which is in competition with the business of the Agency."
        );
        let s = "Other than with the written consent of the Client, the Contractor will not be directly or indirectly involved with a business which is in direct competition with the particular business line of the Client, divert or attempt to divert from the Client any business the Client has enjoyed.";
        assert_eq!(
            apply(s, &edits(s, None)),
            "Other than with the written consent of the Client, the Contractor will not divert or attempt to divert from the Client any business the Client has enjoyed."
        );
        let s = "Supplier shall not be engaged in any business competing with the Buyer, or solicit its staff.";
        assert_eq!(apply(s, &edits(s, None)), "Supplier shall not solicit its staff.");
        let s = "Contractor shall not use or deploy any software or other intellectual property owned by Company or developed during the period of Agreement with Company for a period of 12 months.";
        assert_eq!(
            apply(s, &edits(s, None)),
            "Contractor shall not use or deploy any software or other intellectual property owned by Company for a period of 12 months."
        );
        // Twelve months or less, and a bare promise not to compete: nothing to narrow.
        assert!(edits("For twelve (12) months after the Term, Provider shall not compete with Client.", None).is_empty());
    }
}
