//! Edits of a licence grant, as a lawyer marks one up: the terms that make the agency's licence
//! more than the client needs ("exclusive", "transferable", "sublicensable") become their
//! negation in its list of terms, so that it says the licence is personal, and the article
//! follows ("an exclusive, ..." becomes "a non-exclusive, ..."); a licence that reaches beyond the deliverables is limited to them;
//! a licence given before anything is paid is granted on payment. The rest of the sentence is
//! the draft's. Which words are which terms is the provision reader's call
//! (`reading::Attributes`), so the words struck are the ones the analysis judged.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{Edit, EditKind, PAID, Words};
use crate::library::Concern;
use crate::reading::{Attribute, Attributes};

/// A grant of a licence: the verb, whom it is granted to, the article, the licence's terms and
/// the noun ("grants Client an exclusive, perpetual, ... license").
static GRANT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\bgrants?\b(?P<grantee>[^.;:]{1,80}?)\s(?P<article>an?)\s+(?P<terms>[^.;:]{1,300}?)\s+(?P<noun>licen[cs]es?|rights?\s+to)\b",
    )
    .expect("static regex")
});

/// What separates two terms of the list: a comma, "and", "or".
static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r",\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+").expect("static regex"));

/// One term of the list: a word or three ("fully paid-up", "royalty free"), with a parenthesis
/// that qualifies it ("sublicensable (at multiple levels)").
static TERM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[\w-]+(?:\s+[\w-]+){0,2}(?:\s*\([^()]{0,60}\))?$").expect("static regex"));

/// Words that set no limit on what the licence is for: the limitation takes their place.
static ANY_PURPOSE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bfor\s+any\s+(?:and\s+all\s+)?purposes?\b").expect("static regex"));

/// Words that already tie the licence to what it is incorporated in.
static AS_PART_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:as\s+(?:part\s+of|incorporated\s+in(?:to)?|embedded\s+in)|in\s+connection\s+with\s+th(?:at|e|ose)\b|(?:solely|only)\s+(?:as|to\s+the\s+extent)\s+(?:necessary|required|needed))",
    )
        .expect("static regex")
});

/// What the licence covers named by where it is: "incorporated into the deliverables".
static INCORPORATED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:incorporated|embedded|included)\s+in(?:to)?\s+(?:the|any|each|such)\s").expect("static regex"));

/// Where what the licence covers ends: a proviso or the next clause of the sentence.
static PROVISO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i),\s*(?:provided|subject\s+to|except)\b|;").expect("static regex"));

/// The sublicensing said beside a licence's list: ", with rights to sublicense through
/// multiple levels of sublicensees,", "licence (with the right to sublicence)", "licence
/// (including a right of sublicence)".
static WITH_SUBLICENSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i),\s*(?:with|including)\s+(?:the\s+|a\s+)?(?:rights?|power)\s+(?:to\s+(?:grant\s+)?|of\s+)sub-?licen[cs]es?\b[^,;.]{0,100},?|\s*\(\s*(?:with|including)\s+(?:the\s+|a\s+)?(?:rights?|power)\s+(?:to\s+(?:grant\s+)?|of\s+)sub-?licen[cs]es?\b[^,;.()]{0,100}\)",
    )
    .expect("static regex")
});

/// Sublicensing as the last of a licence's verbs: "to use, modify, commercialize, and
/// sublicense", with the verb before it.
static AND_SUBLICENSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+to\s+(?:(?:[a-z-]+,\s+)*?[a-z-]+(,?\s+))?([a-z-]+)(,?\s+(?:and|or|and/or)\s+sub-?licen[cs]e)\b")
        .expect("static regex")
});

/// Sublicensing inside a licence's verbs: "to reproduce, publicly perform, sublicense, and
/// distribute", the verb and its comma (group 1).
static LISTED_SUBLICENSE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s+to\s+[^.;]*?,\s+(sub-?licen[cs]e,\s+)").expect("static regex"));

/// The concerns an edit of a licence's own words can answer.
pub(super) const CONCERNS: [Concern; 4] =
    [Concern::TransferableLicense, Concern::PerpetualIrrevocableGrant, Concern::PreExistingIp, Concern::AssignmentBeforePayment];

/// One term of a licence's list, with the attributes it gives and where their words start.
type Term = (Range<usize>, Vec<(Attribute, usize, usize)>);

/// The grant of `sentence`, when it grants a licence whose terms are a list of attributes.
struct Grant {
    /// Where the grantee ends: a payment condition goes after it ("grants Client, upon ...").
    /// None for a licence's definition, which names no grantor.
    grantee_end: Option<usize>,
    article: Range<usize>,
    /// The list's terms, in order, with the attributes each gives.
    terms: Vec<Term>,
    noun: Range<usize>,
}

/// A grant whose list has no article ("grants Client non-exclusive, royalty-free license"),
/// opening with a term only a licence has.
static GRANT_BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\bgrants?\b(?P<grantee>[^.;:]{1,80}?)\s(?P<terms>(?:non-?exclusive|exclusive|perpetual|irrevocable|royalty-free|worldwide)\b[^.;:]{0,300}?)\s+(?P<noun>licen[cs]es?|rights?\s+to)\b",
    )
    .expect("static regex")
});

/// A licence's definition, its terms a list: "Licence means a non-exclusive, world-wide,
/// everlasting, irrevocable, royalty free licence to the Purchaser to ...".
static DEFINED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)^\W*(?:the\s+)?[\w\s-]{0,30}?licen[cs]e["'\u{201D}\u{2019}]?\s+(?:means|shall\s+mean)\s+(?P<article>an?)\s+(?P<terms>[^.;:]{1,300}?)\s+(?P<noun>licen[cs]e)\b"#,
    )
    .expect("static regex")
});

/// A grant of a licence that names no terms at all: "shall grant to Client a license to
/// utilize Vendor's Background Technology".
static GRANT_PLAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bgrants?\b(?P<grantee>[^.;:]{1,80}?)\s(?P<article>an?)\s+(?P<noun>licen[cs]es?)\s+to\b").expect("static regex")
});

fn grant(sentence: &str, words: &Words<'_>) -> Option<Grant> {
    // A list after an article that GRANT did not take stays unread, as before.
    let bare = || {
        GRANT_BARE.captures(sentence).filter(|c| {
            let grantee = c.name("grantee").map_or("", |g| g.as_str().trim());
            !["a", "an"].iter().any(|a| grantee == *a || grantee.ends_with(&format!(" {a}")))
        })
    };
    let Some(c) = GRANT.captures(sentence).or_else(bare).or_else(|| DEFINED.captures(sentence)) else {
        // No terms: one empty term where they would go, before the noun.
        let c = GRANT_PLAIN.captures(sentence)?;
        let (grantee, article, noun) = (c.name("grantee")?, c.name("article")?, c.name("noun")?);
        return Some(Grant {
            grantee_end: Some(grantee.end()),
            article: article.range(),
            terms: vec![(noun.start()..noun.start(), Vec::new())],
            noun: noun.range(),
        });
    };
    let (grantee, list, noun) = (c.name("grantee"), c.name("terms")?, c.name("noun")?);
    // Without an article, the place for one is where the list starts.
    let article = c.name("article").map_or(list.start()..list.start(), |a| a.range());
    let mut terms = Vec::new();
    let mut at = list.start();
    let mut push = |range: Range<usize>| {
        let text = &sentence[range.clone()];
        let found = Attributes::found(words.lexicon, text).into_iter().map(|(a, s, e)| (a, range.start + s, range.start + e)).collect();
        terms.push((range, found));
    };
    for sep in SEPARATOR.find_iter(list.as_str()) {
        push(at..list.start() + sep.start());
        at = list.start() + sep.end();
    }
    push(at..list.end());
    terms.iter().all(|(r, _)| TERM.is_match(&sentence[r.clone()])).then_some(Grant {
        grantee_end: grantee.map(|g| g.end()),
        article,
        terms,
        noun: noun.range(),
    })
}

/// Whether `sentence` grants a licence with a list of terms the edits can work on.
pub(super) fn grants(sentence: &str, words: &Words<'_>) -> bool {
    grant(sentence, words).is_some()
}

/// The edits of a licence grant for `concerns`: the transferable and sublicensable terms made
/// non-transferable and non-sublicensable and an exclusive one non-exclusive (transferable-license, and perpetual-irrevocable-grant
/// when the licence is exclusive); the licence limited to the deliverables when it reaches
/// beyond them (perpetual-irrevocable-grant, pre-existing-ip); granted on payment
/// (assignment-before-payment, never in an employment agreement). Empty when `sentence` grants
/// no licence with a list of terms. Offsets are into `sentence`.
pub(super) fn edits(sentence: &str, concerns: &[Concern], words: &Words<'_>) -> Vec<Edit> {
    let Some(g) = grant(sentence, words) else { return Vec::new() };
    let has = |a: Attribute| g.terms.iter().any(|(_, found)| found.iter().any(|&(x, _, _)| x == a));
    // What the licence covers ends at a proviso, else with the sentence.
    let body_end = {
        // A lead-in's colon ("licence to use, adapt:", then its list) stays after the words.
        let end = sentence.trim_end().trim_end_matches(['.', ';', ',', ':']).len();
        let end = sentence[g.noun.end..].find(". ").map_or(end, |at| (g.noun.end + at).min(end));
        PROVISO.find_at(sentence, g.noun.end).map_or(end, |m| m.start().min(end))
    };
    let defined = g.grantee_end.is_none();
    let limited = has(Attribute::Limited)
        || Attributes::found(words.lexicon, &sentence[g.noun.start..body_end]).iter().any(|&(a, _, _)| a == Attribute::Limited)
        // "for any purpose in connection with the Customer's business" ties it to nothing.
        || AS_PART_OF.is_match(&sentence[g.noun.end..body_end]) && !ANY_PURPOSE.is_match(&sentence[g.noun.end..body_end]);
    let wide: Vec<Concern> =
        [Concern::PerpetualIrrevocableGrant, Concern::PreExistingIp].into_iter().filter(|c| concerns.contains(c)).collect();
    let mut out = Vec::new();
    // Made non-exclusive, non-transferable and non-sublicensable, a licence already limited
    // to what it is incorporated in is the agency's own licence: that answers its breadth too.
    let mut answers = vec![Concern::TransferableLicense];
    if has(Attribute::Exclusive) || limited {
        answers.extend(&wide);
    }
    answers.retain(|c| concerns.contains(c));
    if !answers.is_empty() {
        out.extend(stripped(sentence, &g, &answers));
    }
    // "license to use, modify, commercialize, and sublicense": made personal, the licence
    // loses the verb, and the list's "and" moves to the verb before it.
    if concerns.contains(&Concern::TransferableLicense)
        && let Some(c) = AND_SUBLICENSE.captures(&sentence[g.noun.end..body_end])
        && let (Some(last), Some(and)) = (c.get(2), c.get(3))
    {
        let at = g.noun.end;
        if c.get(1).is_some_and(|before| before.as_str().contains(',')) {
            out.push(Edit::new(at + last.start()..at + last.start(), "and ".into(), &[Concern::TransferableLicense], EditKind::Stripped));
        }
        out.push(Edit::new(at + and.start()..at + and.end(), String::new(), &[Concern::TransferableLicense], EditKind::Stripped));
    } else if concerns.contains(&Concern::TransferableLicense)
        && let Some(verb) = LISTED_SUBLICENSE.captures(&sentence[g.noun.end..body_end]).and_then(|c| c.get(1))
    {
        let at = g.noun.end;
        out.push(Edit::new(at + verb.start()..at + verb.end(), String::new(), &[Concern::TransferableLicense], EditKind::Stripped));
    }
    // "to use any Pre-Existing IP incorporated into the deliverables" names what is licensed
    // by where it is, and leaves its use open: made personal, it is used "solely as" it is
    // incorporated, as the agency's own licence says.
    if !limited
        && concerns.contains(&Concern::TransferableLicense)
        && let Some(m) = INCORPORATED.find_at(sentence, g.noun.end).filter(|m| m.end() <= body_end)
    {
        let at = sentence[..m.start()].trim_end().len();
        out.push(Edit::new(at..at, " solely as".into(), &[Concern::TransferableLicense], EditKind::Limited));
    }
    // A definition says what the licence is wherever it is granted: the grants limit its use.
    if !limited && !wide.is_empty() && !defined {
        let things = words.deliverables.map_or_else(
            || if words.defined.contains(&"Work Product") { "the Work Product".to_owned() } else { "the deliverables".to_owned() },
            str::to_owned,
        );
        let limitation = format!("solely as incorporated in {things}");
        out.push(match ANY_PURPOSE.find_at(sentence, g.noun.end).filter(|m| m.end() <= body_end) {
            Some(m) => Edit::new(m.range(), limitation, &wide, EditKind::Limited),
            None => Edit::new(body_end..body_end, format!(" {limitation}"), &wide, EditKind::Limited),
        });
    }
    // Given before anything is paid: granted on payment. A licence already limited to the
    // deliverables is wide only in time, which the payment condition answers too, unless
    // making it personal has answered it already.
    let mut on_payment = vec![Concern::AssignmentBeforePayment];
    let personal_answers = [Attribute::Transferable, Attribute::Sublicensable, Attribute::Exclusive].into_iter().any(has);
    if (limited || defined) && !personal_answers {
        on_payment.push(Concern::PerpetualIrrevocableGrant);
    }
    on_payment.retain(|c| concerns.contains(c));
    if !on_payment.is_empty() && !words.employment && !PAID.is_match(sentence) {
        // "grant to the Customer of, a perpetual ...": the grantee's own comma opens the words.
        // A definition's licence takes effect on payment: said after its noun.
        let (at, words) = match g.grantee_end {
            Some(at) if sentence[..at].ends_with(',') => (at, " upon receipt of full payment of the Fees,"),
            Some(at) => (at, ", upon receipt of full payment of the Fees,"),
            None => (g.noun.end, ", effective upon receipt of full payment of the Fees,"),
        };
        out.push(Edit::new(at..at, words.into(), &on_payment, EditKind::LicensedOnPayment));
    }
    out.sort_by_key(|e| e.range.start);
    out
}

/// The transferable and sublicensable terms made their negation ("non-transferable,
/// non-sublicensable"), so that the licence says it is personal rather than leaving it silent,
/// an exclusive term made non-exclusive, in the draft's way of writing "non" ("nonexclusive"
/// or "non-exclusive"). A term that qualifies the word ("freely transferable", "sublicensable
/// (at multiple levels)") is struck for the bare negation. Empty when the list has none of
/// them.
fn stripped(sentence: &str, g: &Grant, concerns: &[Concern]) -> Vec<Edit> {
    static NON: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bnon[a-z]").expect("static regex"));
    let non = if NON.is_match(sentence) { "non" } else { "non-" };
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    for (range, found) in &g.terms {
        let negated = found.iter().find(|&&(a, _, _)| matches!(a, Attribute::Transferable | Attribute::Sublicensable));
        match negated {
            // The bare word: "non-" before it.
            Some(&(_, at, end)) if at == range.start && end == range.end => edits.push((at..at, non.to_owned())),
            Some(&(_, at, end)) => edits.push((range.clone(), format!("{non}{}", &sentence[at..end]))),
            None => {
                if let Some(&(_, at, _)) = found.iter().find(|&&(a, _, _)| a == Attribute::Exclusive) {
                    edits.push((at..at, non.to_owned()));
                }
            }
        }
    }
    // A licence silent on transfer says it is personal: after its exclusivity term, else its
    // first ("a non-exclusive, non-transferable, non-sublicensable, perpetual ... license").
    let silent = !g.terms.iter().any(|(_, found)| {
        found.iter().any(|&(a, _, _)| matches!(a, Attribute::Transferable | Attribute::Sublicensable | Attribute::Personal))
    });
    if silent && concerns.contains(&Concern::TransferableLicense) && g.terms[0].0.is_empty() {
        // "a license" with no terms: they go after the article.
        edits.push((g.article.end..g.article.end, format!(" {non}exclusive, {non}transferable, {non}sublicensable")));
    } else if edits.is_empty() && silent && concerns.contains(&Concern::TransferableLicense) {
        let exclusive = g.terms.iter().find(|(r, _)| sentence[r.clone()].to_lowercase().contains("exclusive"));
        let at = exclusive.unwrap_or(&g.terms[0]).0.end;
        edits.push((at..at, format!(", {non}transferable, {non}sublicensable")));
    }
    // "worldwide right, with rights to sublicense through multiple levels of sublicensees, to
    // reproduce": the sublicensing said beside the list goes with the terms that said it.
    if concerns.contains(&Concern::TransferableLicense)
        && let Some(m) = WITH_SUBLICENSE.find(&sentence[g.article.start..])
    {
        edits.push((g.article.start + m.start()..g.article.start + m.end(), String::new()));
    }
    if edits.is_empty() {
        return Vec::new();
    }
    // The article fits the list's new first word ("a non-exclusive", "an irrevocable").
    let first_start = g.terms[0].0.start;
    let article = if edits.iter().any(|(r, _)| r.start == first_start) { "a" } else { "" };
    if !article.is_empty() && article != &sentence[g.article.clone()] {
        // One change with the edit at the list's start: "~~an exclusive~~" / "a non-".
        if let Some((r, text)) = edits.iter_mut().find(|(r, _)| r.start == first_start) {
            *r = g.article.start..r.end;
            *text = format!("{article} {text}");
        }
    }
    edits.into_iter().map(|(range, text)| Edit::new(range, text, concerns, EditKind::Stripped)).collect()
}

#[cfg(test)]
mod tests {
    use super::super::tests::{apply, words};
    use super::*;

    #[test]
    fn a_licence_with_no_terms_is_made_personal_and_its_condition_kept() {
        let w = words();
        let s = "Provided Vendor receives all payments from Client that are not disputed, Vendor shall grant to Client a license to utilize Vendor's Background Technology.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::TransferableLicense], &w)),
            "Provided Vendor receives all payments from Client that are not disputed, Vendor shall grant to Client a non-exclusive, non-transferable, non-sublicensable license to utilize Vendor's Background Technology."
        );
    }

    #[test]
    fn transferable_and_sublicensable_terms_are_struck_and_the_list_mended() {
        let w = words();
        let s = "Contractor will, and hereby does, grant The Company a nonexclusive, worldwide, perpetual, irrevocable, fully paid-up, royalty-free, transferable, sublicensable license to use, modify, copy and distribute such intellectual property.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::TransferableLicense, Concern::PreExistingIp], &w)),
            "Contractor will, and hereby does, grant The Company a nonexclusive, worldwide, perpetual, irrevocable, fully paid-up, royalty-free, nontransferable, nonsublicensable license to use, modify, copy and distribute such intellectual property solely as incorporated in the deliverables."
        );
        let s = "Employee grants Company a non-exclusive, perpetual, irrevocable, worldwide, royalty-free, fully paid-up, transferable, and sublicensable license to make, use and otherwise exploit that invention as part of, or in connection with, that Company product.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::TransferableLicense, Concern::PreExistingIp], &w)),
            "Employee grants Company a non-exclusive, perpetual, irrevocable, worldwide, royalty-free, fully paid-up, non-transferable, and non-sublicensable license to make, use and otherwise exploit that invention as part of, or in connection with, that Company product."
        );
        let s = "dOrg grants Client a perpetual, irrevocable, royalty free, transferable, sub-licensable, worldwide, non-exclusive licence to use such Background IP solely as incorporated into the Project deliverables.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::TransferableLicense], &w)),
            "dOrg grants Client a perpetual, irrevocable, royalty free, non-transferable, non-sub-licensable, worldwide, non-exclusive licence to use such Background IP solely as incorporated into the Project deliverables."
        );
    }

    #[test]
    fn a_licence_defined_by_its_terms_is_made_personal_and_effective_on_payment_where_defined() {
        let w = words();
        let s = "Licence means a non-exclusive, world-wide, everlasting, irrevocable, royalty free licence to the Purchaser to exercise all rights in relation to the Intellectual Property it applies to as if the licensee were the owner, including the right to sub-license. A Licence does not include the right to transfer or assign the Intellectual Property.";
        let concerns = [Concern::TransferableLicense, Concern::PerpetualIrrevocableGrant];
        let e = edits(s, &concerns, &w);
        assert_eq!(
            apply(s, &e),
            "Licence means a non-exclusive, non-transferable, non-sublicensable, world-wide, everlasting, irrevocable, royalty free licence, effective upon receipt of full payment of the Fees, to the Purchaser to exercise all rights in relation to the Intellectual Property it applies to as if the licensee were the owner. A Licence does not include the right to transfer or assign the Intellectual Property."
        );
        assert!(concerns.iter().all(|c| e.iter().any(|e| e.concerns.contains(c))));
        // A definition of something else that mentions a licence is no licence's definition.
        let s = "Fees means the fees for a non-exclusive licence to use the Platform.";
        assert!(edits(s, &concerns, &w).is_empty());
    }

    #[test]
    fn a_licence_without_article_or_with_its_sublicensing_beside_the_list_is_made_personal() {
        let w = words();
        let s =
            "Provider grants Client non-exclusive, royalty-free license to use Provider's background IP incorporated into deliverables.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::TransferableLicense], &w)),
            "Provider grants Client non-exclusive, non-transferable, non-sublicensable, royalty-free license to use Provider's background IP incorporated into deliverables."
        );
        let s = "Freelancer grants to Client a non-exclusive, perpetual and worldwide right, with rights to sublicense through multiple levels of sublicensees, to reproduce the Background Technology incorporated in the Work Product.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::TransferableLicense], &w)),
            "Freelancer grants to Client a non-exclusive, non-transferable, non-sublicensable, perpetual and worldwide right to reproduce the Background Technology solely as incorporated in the Work Product."
        );
        let s = "The Developer grants the Client a non-exclusive, perpetual, worldwide licence (with the right to sublicence) to use such Background IPR.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::TransferableLicense], &w)),
            "The Developer grants the Client a non-exclusive, non-transferable, non-sublicensable, perpetual, worldwide licence to use such Background IPR."
        );
        let s = "The Contractor grants to the Customer a permanent, irrevocable, royalty-free, non-exclusive licence (including a right of sublicence) to use the Existing Material.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::TransferableLicense], &w)),
            "The Contractor grants to the Customer a permanent, irrevocable, royalty-free, non-exclusive, non-transferable, non-sublicensable licence to use the Existing Material."
        );
        let s = "The Supplier grants to the Customer a perpetual, royalty-free, transferable licence to use the Supplier's Background IPR for any purpose in connection with the Customer's business.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::TransferableLicense, Concern::PreExistingIp], &w)),
            "The Supplier grants to the Customer a perpetual, royalty-free, non-transferable licence to use the Supplier's Background IPR solely as incorporated in the deliverables in connection with the Customer's business."
        );
        let s = "Researchers grant Seed a perpetual, worldwide, royalty-free license to use, modify, commercialize, and sublicense Foreground IP.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::TransferableLicense], &w)),
            "Researchers grant Seed a perpetual, non-transferable, non-sublicensable, worldwide, royalty-free license to use, modify, and commercialize Foreground IP."
        );
        let s = "You hereby grant Us a perpetual, worldwide, non-exclusive licence to reproduce, publicly perform, sublicense, and distribute Your Contributions.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::TransferableLicense], &w)),
            "You hereby grant Us a perpetual, worldwide, non-exclusive, non-transferable, non-sublicensable licence to reproduce, publicly perform, and distribute Your Contributions."
        );
        let s = "Provider grants Client a perpetual license to use and sublicense the Tools.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::TransferableLicense], &w)),
            "Provider grants Client a perpetual, non-transferable, non-sublicensable license to use the Tools."
        );
        // A list after an article that the grant does not read stays unread.
        let s = "Consultant shall grant a royalty-free, non-exclusive, and irrevocable license to Client to use and to authorize others of Client's choosing to do the same.";
        assert!(!grants(s, &w));
    }

    #[test]
    fn an_exclusive_licence_for_any_purpose_becomes_non_exclusive_limited_and_granted_on_payment() {
        let w = Words { deliverables: Some("the Deliverables"), ..words() };
        let s = "To the extent any rights cannot be assigned, Provider grants Client an exclusive, perpetual, irrevocable, worldwide, royalty-free, transferable and sublicensable license to use, modify, distribute and otherwise exploit those materials for any purpose.";
        let all = [Concern::TransferableLicense, Concern::PerpetualIrrevocableGrant, Concern::AssignmentBeforePayment];
        let e = edits(s, &all, &w);
        assert_eq!(
            apply(s, &e),
            "To the extent any rights cannot be assigned, Provider grants Client, upon receipt of full payment of the Fees, a non-exclusive, perpetual, irrevocable, worldwide, royalty-free, non-transferable and non-sublicensable license to use, modify, distribute and otherwise exploit those materials solely as incorporated in the Deliverables."
        );
        assert!(e.iter().any(|e| e.range == (s.find("an exclusive").unwrap()..s.find("exclusive,").unwrap()) && e.inserted == "a non-"));
        // An employee's licence is not made to wait for fees.
        let employee = Words { employment: true, ..w };
        assert!(!apply(s, &edits(s, &all, &employee)).contains("payment"));
        // A term that qualifies the word becomes the bare negation; the article fits it.
        let s = "Provider grants Client an assignable, freely sublicensable (at multiple levels), irrevocable license to use the tools.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::TransferableLicense], &w)),
            "Provider grants Client a non-assignable, non-sublicensable, irrevocable license to use the tools."
        );
        assert!(edits("Provider may not assign this Agreement.", &all, &w).is_empty());
    }
}
