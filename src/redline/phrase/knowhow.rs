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

/// A limb that adds to what a bar on using the client's things names the methods worked out on
/// them: ", or any techniques, methods or insights developed or derived from Client Data". The
/// limb runs to the comma that closes it (`close`), to where the promise goes on, or to its end.
static DERIVED_LIMB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b(?:shall|will|may|must)\s+not\s+(?:use|exploit|apply|employ|leverage)\b[^.;]*?
        (?P<limb>,?\s+(?:or|and)\s+(?:any|all)\s+(?:of\s+the\s+)?(?:[\w-]+(?:,\s*|\s+(?:or|and)\s+)){0,5}?
            (?:techniques|methods|methodologies|insights|know-how|knowledge|learnings|processes)
            (?:\s+[\w'\u{2019}-]+){0,6}?\s+(?:developed|derived|gained|learned|learnt|obtained)\s+[^.;,]*?)
        (?P<close>,)?(?:\s+for\s|\s*[.;]|\s*$)",
    )
    .expect("static regex")
});

/// The concerns a bar's limb reaching the methods worked out on the client's things raises.
pub(super) const DERIVED_LIMB_CONCERNS: [Concern; 3] = [Concern::NonCompete, Concern::ClientData, Concern::NoResiduals];

/// The edit of a bar on using the client's things that also bars the methods worked out on
/// them: that limb struck, so the bar keeps to what is the client's. None when it has no such
/// limb.
pub(super) fn derived_limb(sentence: &str, concerns: &[Concern]) -> Option<Edit> {
    let found = DERIVED_LIMB.captures(sentence)?;
    let limb = found.name("limb")?;
    // Set off by commas on both sides: both go with it.
    let end = found.name("close").filter(|_| limb.as_str().starts_with(',')).map_or(limb.end(), |c| c.end());
    let answered: Vec<Concern> = concerns.iter().copied().filter(|c| DERIVED_LIMB_CONCERNS.contains(c)).collect();
    Some(Edit::new(limb.start()..end, String::new(), &answered, EditKind::Narrowed))
}

/// What the promise may still protect, in the library's names (the caller adapts them).
const CLIENTS_OWN: &str = "Client's Confidential Information or Client Data";

/// The concerns a promise not to use the know-how gained raises: it takes away what a
/// residuals clause keeps and, for other clients, bars the agency's ordinary work.
pub(super) const KNOW_HOW_CONCERNS: [Concern; 2] = [Concern::NoResiduals, Concern::NonCompete];

/// The edit of a promise not to use the know-how gained: its object made the client's
/// confidential information and data, which answers the `concerns` it raises. None when the
/// sentence bars no know-how.
pub(super) fn edit(sentence: &str, concerns: &[Concern]) -> Option<Edit> {
    let object = KNOW_HOW.captures(sentence)?.name("object")?;
    let answered: Vec<Concern> = concerns.iter().copied().filter(|c| KNOW_HOW_CONCERNS.contains(c)).collect();
    Some(Edit::new(object.range(), CLIENTS_OWN.to_owned(), &answered, EditKind::Narrowed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn applied(s: &str, e: Option<Edit>) -> Option<String> {
        let e = e?;
        let mut out = s.to_owned();
        out.replace_range(e.range, &e.inserted);
        Some(out)
    }

    fn edited(s: &str) -> Option<String> {
        applied(s, edit(s, &[Concern::NoResiduals]))
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
    fn a_bar_on_the_clients_data_loses_the_methods_worked_out_on_it() {
        let strike = |s: &str| {
            let e = derived_limb(s, &[Concern::NonCompete, Concern::ClientData, Concern::Derivatives]);
            assert!(e.as_ref().is_none_or(|e| e.concerns == [Concern::NonCompete, Concern::ClientData]), "{e:?}");
            applied(s, e)
        };
        assert_eq!(
            strike("Provider shall not use Client Data, or any techniques, methods or insights developed or derived from Client Data, for the benefit of any person other than Client.").as_deref(),
            Some("Provider shall not use Client Data for the benefit of any person other than Client.")
        );
        assert_eq!(
            strike("The Vendor must not exploit the Customer Materials or any know-how derived from them.").as_deref(),
            Some("The Vendor must not exploit the Customer Materials.")
        );
        assert!(strike("Provider shall not use Client Data for the benefit of any other person.").is_none());
    }

    #[test]
    fn a_promise_that_bars_no_know_how_is_left() {
        assert!(edited("Provider shall not use Client Data for any other purpose.").is_none());
        assert!(edited("Provider shall not provide services to any competitor.").is_none());
    }
}
