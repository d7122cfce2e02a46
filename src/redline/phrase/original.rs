//! A warranty that the work is "wholly original and does not contain any open source software"
//! and "free and clear of all ... licenses", which no provider can give for software built on
//! open source, kept as a warranty: the originality claim struck, the components the client was
//! told of excepted, as a lawyer marks up the item rather than striking it. The client keeps
//! its protection against undisclosed components.

use std::sync::LazyLock;

use regex::Regex;

use super::{Edit, EditKind};
use crate::library::Concern;

/// "are wholly original and do not contain": the claim of originality (`claim`, struck) before
/// the promise that no components are in it (`verb`, kept).
static ORIGINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\b(?P<claim>(?:are|is|will\s+be|shall\s+be)\s+(?:wholly\s+|entirely\s+|completely\s+)?original(?:\s+works?)?\s+and\s+)
        (?P<verb>(?:do|does|will|shall)\s+not\s+(?:contain|include|incorporate)\b)",
    )
    .expect("static regex")
});

/// "free and clear of all liens, claims, encumbrances and licenses": `word`, the last, is what
/// the disclosed components' own licences are excepted from.
static FREE_AND_CLEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bfree\s+(?:and\s+clear\s+)?(?:of|from)\s+(?:all\s+|any\s+)?[^.;]*?\b(?P<word>licen[cs]es)\b").expect("static regex")
});

/// The edits of the warranty `sentence` for an open-source finding: none unless it claims
/// originality and promises no components, which it keeps with the disclosed ones excepted.
pub fn edits(sentence: &str) -> Vec<Edit> {
    let Some(original) = ORIGINAL.captures(sentence) else { return Vec::new() };
    let (Some(claim), Some(verb)) = (original.name("claim"), original.name("verb")) else { return Vec::new() };
    let concerns = [Concern::OpenSource];
    let item_end = sentence[verb.end()..].find([';', '.']).map_or(sentence.trim_end().len(), |k| verb.end() + k);
    let item_end = sentence[..item_end].trim_end().trim_end_matches(',').len();
    let mut out = vec![
        Edit::new(claim.range(), String::new(), &concerns, EditKind::Narrowed),
        Edit::new(item_end..item_end, ", other than those identified to Client in writing".into(), &concerns, EditKind::Narrowed),
    ];
    if let Some(free) = FREE_AND_CLEAR.captures_at(sentence, item_end)
        && let Some(word) = free.name("word")
    {
        out.push(Edit::new(
            word.end()..word.end(),
            format!(" other than the {} of components so identified", word.as_str().to_lowercase()),
            &concerns,
            EditKind::Narrowed,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::apply;
    use super::*;

    #[test]
    fn an_originality_warranty_keeps_its_promise_with_the_disclosed_components_excepted() {
        // The demo's §7.1: (c) and (d) would be breached on delivery by any open-source library.
        let s = "Provider represents and warrants that (a) it has the right to enter into this Agreement; (c) the Deliverables are wholly original and do not contain any open source software, copyleft code or other third party components; and (d) the Deliverables are free and clear of all liens, claims, encumbrances and licenses.";
        assert_eq!(
            apply(s, &edits(s)),
            "Provider represents and warrants that (a) it has the right to enter into this Agreement; (c) the Deliverables do not contain any open source software, copyleft code or other third party components, other than those identified to Client in writing; and (d) the Deliverables are free and clear of all liens, claims, encumbrances and licenses other than the licenses of components so identified."
        );
        let s = "The Software will be wholly original and will not incorporate any third-party code.";
        assert_eq!(
            apply(s, &edits(s)),
            "The Software will not incorporate any third-party code, other than those identified to Client in writing."
        );
        assert!(edits("The Deliverables are wholly original.").is_empty(), "nothing to keep: the item is struck instead");
    }
}
