//! A statement that the agency keeps nothing ("Provider shall retain no right, title, license
//! or interest in or to any Work Product") edited as such: the licence back goes in as its
//! exception ("..., other than a perpetual ... license to use the general methodologies ...
//! embodied in it ..."), so the clause keeps its words, its function and its citations
//! ("Except as set out in Sections 5.4 and 5.10, ..."), rather than giving way to the
//! library's licence back.

use std::sync::LazyLock;

use regex::Regex;

use super::{Edit, EditKind};
use crate::library::Concern;

/// "shall retain no right", "retains no rights", "shall not retain any right".
static RETAINS_NOTHING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:retains?\s+no|(?:shall|will|does)\s+not\s+retain\s+any)\s+(?:rights?|title|licen[cs]es?|interests?)\b")
        .expect("static regex")
});

/// The licence the library's licence-back words give the agency: "Client will own all Work
/// Product, and Agency retains <a perpetual ... license to use ...>."
static LICENCE_KEPT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bretains\s+(?P<licence>an?\s[^.;]*?\blicen[cs]e\b[^.;]*)\.").expect("static regex"));

/// Whether `sentence` says the agency keeps nothing.
pub(super) fn keeps_nothing(sentence: &str) -> bool {
    RETAINS_NOTHING.is_match(sentence)
}

/// The exception put in at the end of `sentence` (before its full stop): the licence the
/// library's licence-back words (`licence_back`) keep for the agency. None when the sentence
/// says nothing of the kind, already makes an exception after its verb, or the words keep no
/// licence.
pub(super) fn exception(sentence: &str, licence_back: &str) -> Option<Edit> {
    let verb = RETAINS_NOTHING.find(sentence)?;
    if sentence[verb.end()..].contains("other than") || sentence[verb.end()..].contains("except") {
        return None;
    }
    let licence = LICENCE_KEPT.captures(licence_back)?.name("licence")?.as_str().trim();
    let at = sentence.trim_end().trim_end_matches('.').len();
    Some(Edit::new(at..at, format!(", other than {licence}"), &[Concern::NoLicenseBack], EditKind::Excepted))
}

/// A promise that none of the agency's prior work is in what passes ("confirms that no
/// pre-existing or background intellectual property of the Supplier ... is incorporated").
static NO_PRIOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:confirms?|warrants?|represents?|undertakes?)\s+that\s+no\s+(?:[\w-]+\s+){0,3}?(?:pre-?existing|background|prior)\b",
    )
    .expect("static regex")
});

/// The agency's own materials put in as the exception to a promise that none of its prior
/// work is in what passes: "confirms that, other than Agency IP, no pre-existing ... is
/// incorporated". None for any other sentence, or one that already makes an exception.
pub(super) fn prior_excepted(sentence: &str) -> Option<Edit> {
    let promise = NO_PRIOR.find(sentence)?;
    // ASCII case only, so that its byte offsets are the sentence's.
    let lower = sentence.to_ascii_lowercase();
    if ["other than", "except", "save for", "excluding"].iter().any(|w| lower.contains(w)) {
        return None;
    }
    let at = promise.start() + lower[promise.range()].find(" that").map_or(0, |i| i + " that".len());
    Some(Edit::new(at..at, ", other than Agency IP,".into(), &[Concern::PreExistingIp], EditKind::Excepted))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LICENCE_BACK: &str = "Client will own all Work Product, and Agency retains a perpetual, irrevocable, royalty-free license to use the general methodologies and techniques embodied in it in future engagements for other clients.";

    #[test]
    fn the_licence_back_goes_in_as_the_exception_and_the_cross_references_stay() {
        let s = "Except as set out in Sections 5.4 and 5.10, Provider shall retain no right, title, license or interest in or to any Work Product.";
        assert!(keeps_nothing(s));
        let e = exception(s, LICENCE_BACK).expect("an exception");
        let mut edited = s.to_owned();
        edited.replace_range(e.range.clone(), &e.inserted);
        assert_eq!(
            edited,
            "Except as set out in Sections 5.4 and 5.10, Provider shall retain no right, title, license or interest in or to any Work Product, other than a perpetual, irrevocable, royalty-free license to use the general methodologies and techniques embodied in it in future engagements for other clients."
        );
        assert_eq!(e.kinds, [EditKind::Excepted]);
    }

    #[test]
    fn a_promise_that_none_of_the_agencys_prior_work_is_in_the_work_excepts_its_materials() {
        let s = "The Supplier confirms that no pre-existing or background intellectual property of the Supplier is incorporated into the Platform.";
        let e = prior_excepted(s).expect("an exception");
        let mut edited = s.to_owned();
        edited.replace_range(e.range.clone(), &e.inserted);
        assert_eq!(
            edited,
            "The Supplier confirms that, other than Agency IP, no pre-existing or background intellectual property of the Supplier is incorporated into the Platform."
        );
        assert!(prior_excepted("The Supplier confirms that no pre-existing IP, other than its tools, is incorporated.").is_none());
        assert!(prior_excepted("The Supplier confirms that the Platform is complete.").is_none());
    }

    #[test]
    fn nothing_to_except_where_the_sentence_keeps_something_or_the_words_keep_no_licence() {
        assert!(exception("Provider shall retain no right in any Work Product other than its tools.", LICENCE_BACK).is_none());
        assert!(exception("Provider shall deliver all Work Product.", LICENCE_BACK).is_none());
        assert!(exception("Provider shall retain no right in any Work Product.", "Client will own all Work Product.").is_none());
    }
}
