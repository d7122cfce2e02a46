//! The numbers a reader of a Markdown draft sees. A Markdown list numbers its items in turn
//! from its first item's number whatever the others say (cts-contractor types "1." for every
//! item); a number typed higher than the one before ("1., 2., 7.") is the author's and is
//! kept, and a list under a numbered heading ("## 2. Confidentiality") is cited by the
//! heading's number and the item's ("Section 2.1 or 2.2"). The redline names, places and
//! numbers clauses by those numbers, not by the digits typed.

use std::sync::LazyLock;

use regex::Regex;

use super::Draft;
use crate::analysis::Analysis;
use crate::ingest::Format;

/// An ordered list item's marker at a line start: its number and delimiter.
static ITEM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^ {0,3}(?P<n>\d{1,9})(?P<delim>[.)])(?:[ \t]+|$)").expect("static regex"));

/// A heading line with a number: "## 2. Confidentiality".
static HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ {0,3}#{1,6}[ \t]+(?P<n>\d+(?:\.\d+)*)\.?(?:[ \t]|$)").expect("static regex"));

/// The analysis with each clause that opens a Markdown list item numbered as a reader sees it
/// ("2.3" for the third item under "## 2."); None when no number differs from the one typed
/// (and for drafts that are not Markdown).
pub fn numbers(draft: &Draft, analysis: &Analysis) -> Option<Analysis> {
    if draft.format != Format::Markdown {
        return None;
    }
    let shown = item_numbers(draft);
    let mut out = analysis.clone();
    let mut changed = false;
    for c in &mut out.clauses {
        let Some(p) = draft.paragraphs.iter().position(|p| p.start <= c.start && c.start < p.end.max(p.start + 1)) else { continue };
        let first = draft.text[c.start..c.end].trim_start_matches(['\n', '\r']);
        let typed = ITEM.captures(first).map(|m| m["n"].trim_start_matches('0').to_owned());
        if typed.is_some() && c.heading.is_none() && c.number.is_some() && item_of_clause_above(draft, &draft.paragraphs[p], c.start) {
            c.number = None;
            changed = true;
            continue;
        }
        if let (Some(typed), Some(number)) = (typed, &shown[p])
            && c.number.as_deref().is_some_and(|n| n.trim_start_matches('0') == typed)
            && c.number.as_deref() != Some(number.as_str())
        {
            c.number = Some(number.clone());
            changed = true;
        }
    }
    changed.then_some(out)
}

/// Whether the ordered list item at `at`, in `paragraph`, is an item of the clause above rather
/// than a clause: its list runs on from the paragraph's own words ("Developer may use
/// pre-existing code, libraries, or frameworks IF:" then "1. Disclosed in writing before
/// use"), under a heading numbered with more levels than the item's one ("### 6.2"). A reader
/// sees the list's "3." as part of 6.2, not as a clause 3; it shows no number of its own, so
/// a new clause is numbered after 6.2's real siblings and a paragraph after the list is named
/// by 6.2. The list's words are read as before: only the number a reader sees changes.
fn item_of_clause_above(draft: &Draft, paragraph: &std::ops::Range<usize>, at: usize) -> bool {
    let before = &draft.text[paragraph.start.min(at)..at];
    let led_in = before.lines().any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#') && ITEM.captures(l).is_none());
    let heading = draft.text[..at].lines().rev().find(|l| l.trim_start().starts_with('#'));
    let levels = heading.and_then(|h| HEADING.captures(h)).map_or(0, |h| h["n"].split('.').count());
    led_in && levels >= 2
}

/// For each paragraph that opens an ordered list item, the number a reader sees, with the
/// number of the heading the list is under.
fn item_numbers(draft: &Draft) -> Vec<Option<String>> {
    // The list under way: its delimiter, the number its next item shows, and the number its
    // last item was typed with.
    let mut list: Option<(char, u64, u64)> = None;
    let mut section: Option<String> = None;
    let mut out = Vec::with_capacity(draft.paragraphs.len());
    for p in &draft.paragraphs {
        let line = first_line(draft, p);
        let mut shown = None;
        if let Some(item) = ITEM.captures(line) {
            let delim = item["delim"].chars().next().unwrap_or('.');
            let typed: u64 = item["n"].parse().unwrap_or(1);
            // A number typed higher than the item before's is the one the author means, and
            // the one counsel cites ("1., 2., 7.": sections 3 to 6 were taken out, and 7.1
            // follows); a number typed again or lower ("1." for every item), or lower than the
            // count has reached, counts on.
            let n = match list {
                Some((d, next, typed_before)) if d == delim && (typed <= typed_before || typed < next) => next,
                _ => typed,
            };
            list = Some((delim, n + 1, typed));
            shown = Some(section.as_ref().map_or_else(|| n.to_string(), |s| format!("{s}.{n}")));
        } else if line.starts_with([' ', '\t']) || line.trim().is_empty() {
            // An item's own further paragraph: the list goes on.
        } else {
            list = None;
            if let Some(h) = HEADING.captures(line) {
                section = Some(h["n"].to_owned());
            } else if line.trim_start().starts_with('#') {
                section = None;
            }
        }
        out.push(shown);
    }
    out
}

/// The first line of paragraph `p` with its indent (which the paragraph's range may leave out).
pub(super) fn first_line<'a>(draft: &'a Draft, p: &std::ops::Range<usize>) -> &'a str {
    let text = &draft.text[..p.end];
    let words = p.start + text[p.start..].len() - text[p.start..].trim_start_matches(['\n', '\r']).len();
    let start = text[..words].rfind('\n').map_or(0, |i| i + 1);
    text[start..].lines().next().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest;

    fn numbered(md: &str) -> Vec<Option<String>> {
        let doc = ingest::from_text("d.md", Format::Markdown, md);
        item_numbers(&Draft::from_text(&doc))
    }

    #[test]
    fn items_count_on_from_the_first_under_the_headings_number() {
        let md = "## 1. Work\n\n1.  **Term.** One.\n\n1.  **Duties.** Two\n    goes on.\n\n    More of it.\n\n1.  **Three.** Three.\n\n## 2. Confidentiality\n\n1.  **Confidentiality.** A.\n\nNot an item.\n\n3. Starts at three.\n\n3. Then four.\n\n7. Then seven, as typed.\n";
        let got: Vec<String> = numbered(md).into_iter().flatten().collect();
        assert_eq!(got, ["1.1", "1.2", "1.3", "2.1", "2.3", "2.4", "2.7"]);
    }

    #[test]
    fn a_list_that_runs_on_from_a_subclauses_words_is_its_not_clauses() {
        let doc = |md: &str| ingest::from_text("d.md", Format::Markdown, md);
        let item = |md: &str, at: &str| {
            let draft = Draft::from_text(&doc(md));
            let at = md.find(at).expect("the item");
            let p = draft.paragraphs.iter().find(|p| p.start <= at && at < p.end).expect("its paragraph").clone();
            item_of_clause_above(&draft, &p, at)
        };
        let md = "### 6.2 Prior Code\n\nDeveloper may use its code IF:\n1. Listed\n2. Licensable\n\n### 6.3 Escrow\n";
        assert!(item(md, "1. Listed") && item(md, "2. Licensable"));
        // Under a section's one-level heading, or opening their paragraph, items are clauses
        // ("## 2." then "1." is 2.1).
        assert!(!item("## 2. Fees\n\nClient pays:\n1. A deposit\n2. The rest\n", "2. The rest"));
        assert!(!item("### 6.2 Prior Code\n\n1. Listed\n2. Licensable\n", "2. Licensable"));
        assert!(!item("### 6.2 Prior Code\n1. Listed\n2. Licensable\n", "2. Licensable"), "only the heading above");
    }

    #[test]
    fn a_list_under_no_numbered_heading_shows_its_own_numbers() {
        let got: Vec<String> = numbered("# Terms\n\n1. One.\n\n1. Two.\n").into_iter().flatten().collect();
        assert_eq!(got, ["1", "2"]);
    }
}
