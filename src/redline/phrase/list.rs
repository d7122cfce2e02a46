//! Striking one item of a list inside a sentence, as a lawyer strikes warranty (c) of four
//! rather than the whole clause: "(a) ...; (b) ...; (c) ...; and (d) ..." keeps its other items
//! and its "; and" before the last.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// An item's marker: "(a) ", "(iv) ", "(2) ".
static MARKER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s").expect("static regex"));

/// The range of `sentence` to strike so that the list item holding `at` goes and the list
/// still reads: a middle item with its own separator ("(c) ...; " before "and (d)"), the first
/// up to the second, the last with the separator before it (and the "and" moves: see
/// `and_before`). None when `at` is in no item of a list of two or more, or in the words that
/// lead into the list.
pub fn item(sentence: &str, at: &Range<usize>) -> Option<Range<usize>> {
    let markers: Vec<Range<usize>> = MARKER.find_iter(sentence).map(|m| m.range()).collect();
    if markers.len() < 2 {
        return None;
    }
    let end = sentence.trim_end().trim_end_matches('.').len();
    let k = markers.iter().rposition(|m| m.start <= at.start)?;
    if at.end > markers.get(k + 1).map_or(end, |m| m.start) {
        return None;
    }
    let last = markers.len() - 1;
    let start = markers[k].start;
    if k < last {
        // Up to the next item, leaving the "and" that introduces it.
        let next = markers[k + 1].start;
        let before_next = sentence[start..next].trim_end();
        let and = before_next.strip_suffix(" and").or_else(|| before_next.strip_suffix(" or"));
        let to = and.map_or(next, |kept| start + kept.len() + 1);
        return Some(start..to);
    }
    // The last item: from the end of the one before it, its separator ("; and") included.
    let previous = sentence[markers[k - 1].end..start].trim_end();
    let previous = previous.strip_suffix("and").or_else(|| previous.strip_suffix("or")).unwrap_or(previous).trim_end();
    let previous = previous.trim_end_matches([';', ',']);
    Some(markers[k - 1].end + previous.len()..end)
}

/// Where "and " goes when the last item of a list is struck: before the item that is now
/// last (its marker), unless the list had two items.
pub fn and_before(sentence: &str, struck: &Range<usize>) -> Option<usize> {
    let markers: Vec<usize> = MARKER.find_iter(sentence).map(|m| m.start()).collect();
    let k = markers.iter().position(|&m| m >= struck.start)?;
    (k == markers.len() - 1 && k >= 2 && struck.end > markers[k]).then(|| markers[k - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    const WARRANTIES: &str = "Provider represents and warrants that (a) it has the right to enter into this Agreement; (b) the Services will be performed in a professional manner; (c) the Deliverables are wholly original and do not contain any open source software; and (d) the Deliverables are free and clear of all liens.";

    fn struck(sentence: &str, phrase: &str) -> Option<String> {
        let at = sentence.find(phrase)?;
        let range = item(sentence, &(at..at + phrase.len()))?;
        let mut out = sentence.to_owned();
        out.replace_range(range.clone(), "");
        if let Some(and) = and_before(sentence, &range) {
            out.insert_str(and, "and ");
        }
        Some(out)
    }

    #[test]
    fn one_item_goes_and_the_list_still_reads() {
        assert_eq!(
            struck(WARRANTIES, "wholly original").as_deref(),
            Some(
                "Provider represents and warrants that (a) it has the right to enter into this Agreement; (b) the Services will be performed in a professional manner; and (d) the Deliverables are free and clear of all liens."
            )
        );
        assert_eq!(
            struck(WARRANTIES, "free and clear").as_deref(),
            Some(
                "Provider represents and warrants that (a) it has the right to enter into this Agreement; (b) the Services will be performed in a professional manner; and (c) the Deliverables are wholly original and do not contain any open source software."
            )
        );
        assert!(struck(WARRANTIES, "right to enter").is_some_and(|s| s.contains("that (b) the Services")));
        assert_eq!(struck(WARRANTIES, "represents and warrants"), None, "the lead-in is no item");
        assert_eq!(struck("Provider warrants that the work is wholly original.", "wholly original"), None);
    }
}
