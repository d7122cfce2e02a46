//! A promise not to use the know-how gained on the work ("Provider shall not use any knowledge,
//! skills or experience gained in performing the Services for the benefit of any other client"),
//! which takes away what a residuals clause keeps, narrowed to what is the client's: its
//! confidential information and its data. The promise stays a promise of the same party, in
//! the draft's own words around the object.

use std::sync::LazyLock;

use regex::Regex;

use super::{Edit, EditKind};
use crate::library::Concern;

/// The know-how a promise bars, from its article to where the promise goes on ("for the
/// benefit of", a comma or the end): `object`, then `tail`.
static KNOW_HOW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b(?:shall|will|may)\s+not\s+(?:use|retain|exploit|apply|employ|leverage)\b[^.;]*?\s
        (?P<object>(?:any|all|the)\s+(?:of\s+the\s+)?(?:[\w-]+(?:,\s*|\s+(?:or|and)\s+)){0,5}?
            (?:knowledge|know-how|know\s+how|skills|experience|expertise|learnings|insights|lessons\s+learned)
            (?:\s+[\w,'\u{2019}-]+){0,10}?\s+(?:gained|acquired|obtained|learned|learnt|developed|derived)
            (?:\s+(?:in|during|through|while|from|on|under|by)\s+[^.;,]*?)?)
        (?P<tail>\s+for\s+(?:the\s+)?(?:benefit|any|other)\b|\s*[.;,]|\s*$)",
    )
    .expect("static regex")
});

/// What the promise may still protect, in the library's names (the caller adapts them).
const CLIENTS_OWN: &str = "Client's Confidential Information or Client Data";

/// The edit of a promise not to use the know-how gained: its object made the client's
/// confidential information and data. None when the sentence bars no know-how.
pub(super) fn edit(sentence: &str) -> Option<Edit> {
    let object = KNOW_HOW.captures(sentence)?.name("object")?;
    Some(Edit::new(object.range(), CLIENTS_OWN.to_owned(), &[Concern::NoResiduals], EditKind::Narrowed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edited(s: &str) -> Option<String> {
        let e = edit(s)?;
        let mut out = s.to_owned();
        out.replace_range(e.range, &e.inserted);
        Some(out)
    }

    #[test]
    fn the_know_how_barred_becomes_the_clients_information_and_data() {
        assert_eq!(
            edited("Provider shall not use any knowledge, skills or experience gained in performing the Services for the benefit of any other client.").as_deref(),
            Some("Provider shall not use Client's Confidential Information or Client Data for the benefit of any other client.")
        );
        assert_eq!(
            edited("Contractor will not use or disclose the know-how acquired under this Agreement.").as_deref(),
            Some("Contractor will not use or disclose Client's Confidential Information or Client Data.")
        );
    }

    #[test]
    fn a_promise_that_bars_no_know_how_is_left() {
        assert!(edited("Provider shall not use Client Data for any other purpose.").is_none());
        assert!(edited("Provider shall not provide services to any competitor.").is_none());
    }
}
