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

/// Whether `text` holds a list of its own: two or more item markers counting up from "(a)",
/// "(i)" or "(1)". Labels cited together ("the warranties in (b), (c) and (d)") are none.
pub fn has_list(text: &str) -> bool {
    items(text).len() >= 2
}

/// Where the first item of a list in `text` opens (its marker), if it has one.
pub fn first_marker(text: &str) -> Option<usize> {
    MARKER.find(text).map(|m| m.start())
}

/// A line that opens an item of a list laid out one item a line: a bullet ("- ", "* ", "+ ",
/// "• ") or a number ("1. ", "2) ").
static LINE_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?m)^[ \t]*(?:[-*+{}]|\d{{1,2}}[.)])[ \t]+", crate::reading::BULLETS)).expect("static regex"));

/// The words of the item holding byte `at` of `paragraph`, in a list laid out one item a
/// line ("- Any inventions, innovations, or improvements"): from after its marker to the end
/// of its line. None when `at` is in no such line, or the paragraph has fewer than two (a
/// numbered clause, "20. All intellectual property ..."). `paragraph` is the draft's text as
/// written: a Markdown bullet is blanked in the text the analysis reads.
pub fn line_item(paragraph: &str, at: usize) -> Option<Range<usize>> {
    LINE_ITEM.find_iter(paragraph).nth(1)?;
    let line_start = paragraph[..at.min(paragraph.len())].rfind('\n').map_or(0, |i| i + 1);
    let line_end = paragraph[line_start..].find('\n').map_or(paragraph.len(), |i| line_start + i);
    let marker = LINE_ITEM.find(&paragraph[line_start..line_end])?;
    let start = line_start + marker.end();
    (start <= at).then(|| start..line_start + paragraph[line_start..line_end].trim_end().len())
}

/// Where the first item of a list laid out one item a line opens in `paragraph` (its
/// marker's line), if it has one.
pub fn first_line_item(paragraph: &str) -> Option<usize> {
    LINE_ITEM.find(paragraph).map(|m| m.start())
}

/// Where words that qualify an item go: at the end of its words, before the separator that
/// closes it ("; and", ";", ",", ".").
pub fn item_end(item: &str) -> usize {
    let words = item.trim_end();
    let joined = [" and", " or"].iter().find_map(|j| words.strip_suffix(j).filter(|w| w.trim_end().ends_with([';', ',']))).unwrap_or(words);
    joined.trim_end().trim_end_matches([';', ',', '.', ':']).trim_end().len()
}

/// How a list numbers its items.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Letter,
    Roman,
    Digit,
}

impl Style {
    /// The label of the item at `index` (from 0) in this style.
    fn label(self, index: usize) -> Option<String> {
        match self {
            Style::Letter => u8::try_from(index).ok().filter(|&i| i < 26).map(|i| char::from(b'a' + i).to_string()),
            Style::Roman => ROMAN.get(index).map(|r| (*r).to_owned()),
            Style::Digit => Some((index + 1).to_string()),
        }
    }
}

const ROMAN: [&str; 20] =
    ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"];

/// The items of the list in `sentence`: each marker's label range (inside the brackets) and
/// label, for the markers that count up from "(a)", "(i)" or "(1)" in one style.
fn items(sentence: &str) -> Vec<(Range<usize>, String)> {
    let mut out: Vec<(Range<usize>, String)> = Vec::new();
    let mut style: Option<Style> = None;
    for m in MARKER.find_iter(sentence) {
        let inner = m.start() + 1..m.start() + m.as_str().trim_end().len() - 1;
        let label = &sentence[inner.clone()];
        let next = out.len();
        let fits = |s: Style| s.label(next).as_deref() == Some(label);
        let chosen = match style {
            Some(s) => fits(s).then_some(s),
            None => [Style::Letter, Style::Roman, Style::Digit].into_iter().find(|&s| fits(s)),
        };
        if let Some(s) = chosen {
            style = Some(s);
            out.push((inner, label.to_owned()));
        }
    }
    out
}

/// The labels that change when the items at `struck` (ranges of `sentence`, each holding one
/// item's marker) go: each later item's label range in `sentence`, its old label and the new
/// one ("d" becomes "c" after "(c)" is struck), as a lawyer reletters a list.
pub fn relettered(sentence: &str, struck: &[Range<usize>]) -> Vec<(Range<usize>, String, String)> {
    let items = items(sentence);
    let Some(style) =
        items.first().and_then(|(_, l)| [Style::Letter, Style::Roman, Style::Digit].into_iter().find(|s| s.label(0).as_deref() == Some(l)))
    else {
        return Vec::new();
    };
    let gone = |r: &Range<usize>| struck.iter().any(|s| s.start < r.start && r.end <= s.end);
    let mut out = Vec::new();
    let mut kept = 0;
    for (range, label) in &items {
        if gone(range) {
            continue;
        }
        if let Some(new) = style.label(kept).filter(|new| new != label) {
            out.push((range.clone(), label.clone(), new));
        }
        kept += 1;
    }
    out
}

/// The labels of the items of `sentence`'s list that `struck` takes out ("c").
pub fn struck_labels(sentence: &str, struck: &[Range<usize>]) -> Vec<String> {
    let gone = |r: &Range<usize>| struck.iter().any(|s| s.start < r.start && r.end <= s.end);
    items(sentence).into_iter().filter(|(range, _)| gone(range)).map(|(_, label)| label).collect()
}

/// How another clause cites an item of the list of clause `number` ("Section 6.1(d)", "clause
/// 6.1 (d)"), for [`numbered_citations`]: compiled once per clause, searched in every paragraph.
pub fn citing(number: &str) -> Option<Regex> {
    Regex::new(&format!(r"(?:^|[^\d.]){}\s?\(([a-z]|[ivx]{{1,4}}|\d{{1,2}})\)", regex::escape(number))).ok()
}

/// Where `text` cites an item of a list of another clause, as `citing` (from [`citing`]) finds
/// it: each label's range with the label, for the `labels` asked about.
pub fn numbered_citations(text: &str, citing: &Regex, labels: &[&str]) -> Vec<(Range<usize>, String)> {
    // "Section 6(c) and (d)": the labels cited with the first one follow the clause's number too.
    static MORE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:,\s*|\s+(?:and|or)\s+|,\s+(?:and|or)\s+)\(([a-z]|[ivx]{1,4}|\d{1,2})\)").expect("static regex"));
    let mut out = Vec::new();
    for c in citing.captures_iter(text) {
        let Some(first) = c.get(1) else { continue };
        let mut at = first.range();
        loop {
            if labels.contains(&&text[at.clone()]) {
                out.push((at.clone(), text[at.clone()].to_owned()));
            }
            let close = at.end + 1;
            let Some(next) = text.get(close..).and_then(|rest| MORE.captures(rest)).and_then(|m| m.get(1)) else { break };
            at = close + next.start()..close + next.end();
        }
    }
    out
}

/// Where `text` cites an item of a list by its label ("the warranty in (d)", "item (d)",
/// "under clause (d) above"): each label's range (inside the brackets) with the label, for the
/// `labels` asked about. A bracketed label that opens an item ("(d) the ...") is no citation.
pub fn citations(text: &str, labels: &[&str]) -> Vec<(Range<usize>, String)> {
    static CITED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:\b(?:items?|clauses?|paragraphs?|sub-?clauses?|sub-?sections?|sub-?paragraphs?|limbs?|points?|in|under|of|and|or)\s+|,\s*)\(([a-z]|[ivx]{1,4}|\d{1,2})\)")
            .expect("static regex")
    });
    labelled(&CITED, text, labels)
}

/// Where `text` cites an item of a list earlier in the draft by its label and "above" ("the
/// exclusions in (d) above", "(d) above"): each label's range with the label, for the `labels`
/// asked about. Another clause may cite so; the caller knows which list is the nearest above.
pub fn above_citations(text: &str, labels: &[&str]) -> Vec<(Range<usize>, String)> {
    static ABOVE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\(([a-z]|[ivx]{1,4}|\d{1,2})\)\s+above\b").expect("static regex"));
    labelled(&ABOVE, text, labels)
}

/// The bytes to strike so that a citation of a struck item goes and its words still read,
/// `label` being the label's range in `text` (inside its brackets): one label of several
/// ("(b), ~~(c)~~ and (d)", "~~(c) and~~ (d)"), else None (the caller strikes what the
/// citation belongs to).
pub fn struck_citation(text: &str, label: &Range<usize>) -> Option<Range<usize>> {
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\)(,?\s+(?:and|or)\s+|,\s*)$").expect("static regex"));
    static AFTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:,?\s+(?:and|or)\s+|,\s*)\(").expect("static regex"));
    let open = label.start.checked_sub(1).filter(|&o| text[o..].starts_with('('))?;
    let close = label.end + usize::from(text[label.end..].starts_with(')'));
    let before = &text[..open];
    // ", (c)" after another label, when a comma sets it off: "(b), (c) and (d)".
    if let Some(m) = BEFORE.captures(before).and_then(|c| c.get(1)).filter(|m| m.as_str().starts_with(','))
        && AFTER.is_match(&text[close..])
    {
        return Some(m.start()..close);
    }
    // "(c) and (d)": the label and its joining word.
    if let Some(m) = AFTER.find(&text[close..]) {
        return Some(open..close + m.end() - 1);
    }
    // "(b) and (c)": the joining word before it.
    BEFORE.captures(before).and_then(|c| c.get(1)).map(|m| m.start()..close)
}

/// When striking `struck` (from [`struck_citation`]) takes the last of three or more cited
/// labels with its joining word ("(b), (c) ~~and (d)~~"), the label now last takes that
/// joining word, so the citation still reads as a list: "(b) and (c)", or with four or more,
/// "(a), (b) and (c)" in the draft's own style. Its range in `text` (the comma, or after it
/// where a serial comma stays) and its new words; None where the struck label was not the
/// last, or no comma sets off the one before.
pub fn rejoined(text: &str, struck: &Range<usize>) -> Option<(Range<usize>, String)> {
    static JOINING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(,?\s+(?:and|or)\s+)\(").expect("static regex"));
    static COMMA: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\)(,\s*)\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)$").expect("static regex"));
    static TWO_BEFORE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\((?:[a-z]|[ivx]{1,4}|\d{1,2})\),\s*\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)$").expect("static regex"));
    let joining = JOINING.captures(&text[struck.clone()])?.get(1)?.as_str();
    let before = &text[..struck.start];
    let at = COMMA.captures(before)?.get(1)?.start();
    let word = format!(" {}", joining.trim_start_matches(',').trim());
    // Two labels left read "(b)~~,~~ and (c)"; more keep the draft's serial comma, if it has
    // one: "(a), (b), and (c)".
    if joining.starts_with(',') && TWO_BEFORE.is_match(&before[..at]) { Some((at + 1..at + 1, word)) } else { Some((at..at + 1, word)) }
}

/// When striking `struck` (from [`struck_citation`]) leaves one of two labels cited as the
/// subject of a verb ("Section 6(c) and (d) apply"), the verb made singular to agree with it:
/// its range in `text` and its new form ("applies"), and a plural noun before the labels made
/// singular too ("Sections" to "Section"). Empty where the citation is no subject ("the
/// warranties in (c) and (d) survive"), more than one label stays, or no verb of the present
/// tense follows ("shall apply" agrees with both).
pub fn agreeing(text: &str, struck: &Range<usize>) -> Vec<(Range<usize>, String)> {
    static CITED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)(?:(?:,\s*|\s+(?:and|or)\s+|,\s+(?:and|or)\s+)\((?:[a-z]|[ivx]{1,4}|\d{1,2})\))+")
            .expect("static regex")
    });
    const NOUNS: [&str; 8] = ["section", "clause", "paragraph", "item", "limb", "subsection", "subclause", "subparagraph"];
    const NO_SUBJECT: [&str; 22] = [
        "in",
        "under",
        "of",
        "to",
        "with",
        "by",
        "for",
        "from",
        "on",
        "at",
        "per",
        "than",
        "within",
        "without",
        "see",
        "and",
        "or",
        "including",
        "notwithstanding",
        "except",
        "as",
        "between",
    ];
    let Some(cited) = CITED.find_iter(text).find(|m| m.start() <= struck.start && struck.end <= m.end()) else { return Vec::new() };
    // The words before the labels, a clause's number left out: "Sections 6", "in".
    let before = text[..cited.start()].trim_end_matches(|c: char| c.is_ascii_digit() || c == '.').trim_end();
    let last = last_word(before);
    let is_noun = |r: &Range<usize>| NOUNS.contains(&before[r.clone()].to_lowercase().trim_end_matches('s'));
    let (noun, word) = match last.clone().filter(is_noun) {
        Some(noun) => (Some(noun.clone()), last_word(before[..noun.start].trim_end())),
        None => (None, last),
    };
    let no_subject = word.is_some_and(|w| NO_SUBJECT.contains(&before[w].to_lowercase().as_str()));
    if cited.as_str().matches('(').count() != 2 || no_subject {
        return Vec::new();
    }
    let after = &text[cited.end()..];
    let verb_at = cited.end() + (after.len() - after.trim_start().len());
    let verb_len = text[verb_at..].find(|c: char| !c.is_ascii_lowercase()).unwrap_or(text.len() - verb_at);
    let Some(singular) = singular_verb(&text[verb_at..verb_at + verb_len]).filter(|_| verb_at > cited.end()) else { return Vec::new() };
    let mut out = Vec::new();
    if let Some(noun) = noun.filter(|n| before[n.clone()].ends_with('s')) {
        out.push((noun.end - 1..noun.end, String::new()));
    }
    out.push((verb_at..verb_at + verb_len, singular));
    out
}

/// The range of the last word of `text` when it ends with one (letters only).
fn last_word(text: &str) -> Option<Range<usize>> {
    let start = text.rfind(|c: char| !c.is_ascii_alphabetic()).map_or(0, |i| i + 1);
    (start < text.len()).then_some(start..text.len())
}

/// The third person singular of a verb of the present tense a citation governs ("apply" to
/// "applies", "are" to "is"); None for a word that is no such verb ("shall", "above").
fn singular_verb(verb: &str) -> Option<String> {
    const REGULAR: [&str; 16] = [
        "apply",
        "survive",
        "remain",
        "continue",
        "govern",
        "prevail",
        "control",
        "cover",
        "state",
        "provide",
        "require",
        "override",
        "supersede",
        "include",
        "limit",
        "set",
    ];
    match verb {
        "are" => Some("is".into()),
        "have" => Some("has".into()),
        "were" => Some("was".into()),
        "do" => Some("does".into()),
        v if REGULAR.contains(&v) => Some(match v.strip_suffix('y') {
            Some(stem) => format!("{stem}ies"),
            None => format!("{v}s"),
        }),
        _ => None,
    }
}

/// The labels `cited` captures (its first group) in `text`, those among `labels`.
fn labelled(cited: &Regex, text: &str, labels: &[&str]) -> Vec<(Range<usize>, String)> {
    cited
        .captures_iter(text)
        .filter_map(|c| c.get(1))
        .filter(|m| labels.contains(&m.as_str()))
        .map(|m| (m.range(), m.as_str().to_owned()))
        .collect()
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
    fn an_item_of_a_list_laid_out_one_a_line_ends_before_its_separator() {
        let list = "Provider assigns to Client all rights to:\n- Any inventions, designs, or improvements;\n- Patent applications; and\n  2. Continuations.";
        let at = list.find("improvements").expect("the phrase");
        let item = line_item(list, at).expect("an item");
        assert_eq!(&list[item.clone()], "Any inventions, designs, or improvements;");
        assert_eq!(&list[item.start..item.start + item_end(&list[item])], "Any inventions, designs, or improvements");
        let item = line_item(list, list.find("Patent").expect("the phrase")).expect("an item");
        assert_eq!(item_end(&list[item]), "Patent applications".len());
        let item = line_item(list, list.find("Continuations").expect("the phrase")).expect("an item");
        assert_eq!(&list[item], "Continuations.");
        assert_eq!(line_item(list, list.find("rights").expect("the phrase")), None, "the lead-in is no item");
        assert_eq!(first_line_item(list), list.find("- Any"));
        assert_eq!(item_end("Research and"), "Research and".len(), "a last word \"and\" is the item's own");
        assert_eq!(line_item("20. All intellectual property shall belong to Client.", 10), None, "a numbered clause is no list");
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

    #[test]
    fn later_items_are_relettered_and_citations_follow() {
        let at = WARRANTIES.find("wholly original").unwrap();
        let range = item(WARRANTIES, &(at..at + 15)).unwrap();
        let changed = relettered(WARRANTIES, &[range]);
        assert_eq!(changed.len(), 1);
        let (r, old, new) = &changed[0];
        assert_eq!((&WARRANTIES[r.clone()], old.as_str(), new.as_str()), ("d", "d", "c"));
        // Striking the last item changes no letter.
        let at = WARRANTIES.find("free and clear").unwrap();
        assert!(relettered(WARRANTIES, &[item(WARRANTIES, &(at..at + 14)).unwrap()]).is_empty());
        let roman = "Client shall (i) pay; (ii) review; (iii) sign; and (iv) accept.";
        let at = roman.find("review").unwrap();
        let moved: Vec<(String, String)> =
            relettered(roman, &[item(roman, &(at..at + 6)).unwrap()]).into_iter().map(|(_, o, n)| (o, n)).collect();
        assert_eq!(moved, [("iii".to_owned(), "ii".to_owned()), ("iv".to_owned(), "iii".to_owned())]);
        let cites = citations("The warranty in (d) survives; item (b) does not. (d) the Deliverables", &["d"]);
        assert_eq!(cites.len(), 1);
        let above = above_citations("Client's remedy for (d) above, and (b) below.", &["b", "d"]);
        assert_eq!(above.iter().map(|(_, l)| l.as_str()).collect::<Vec<_>>(), ["d"]);
    }

    /// A citation of a struck item among others loses the label and its joining word; alone,
    /// it is the caller's to strike with what it belongs to.
    #[test]
    fn a_citation_of_a_struck_item_goes_with_its_joining_word() {
        let strike = |text: &str, label: &str| {
            let at = text.find(&format!("({label})")).unwrap() + 1;
            struck_citation(text, &(at..at + label.len())).map(|r| {
                let mut out = text.to_owned();
                out.replace_range(r, "");
                out
            })
        };
        assert_eq!(strike("The warranties in (c) and (d) survive.", "c").as_deref(), Some("The warranties in (d) survive."));
        assert_eq!(strike("The warranties in (b) and (c) survive.", "c").as_deref(), Some("The warranties in (b) survive."));
        assert_eq!(strike("The warranties in (b), (c) and (d) survive.", "c").as_deref(), Some("The warranties in (b) and (d) survive."));
        assert_eq!(strike("The warranties in (b), (c) or (d) survive.", "c").as_deref(), Some("The warranties in (b) or (d) survive."));
        assert_eq!(strike("The warranty in (c) survives.", "c"), None);
    }

    /// `text` with the citation of `label` struck and the edits `around` makes for it applied.
    fn struck_with(text: &str, label: &str, around: impl Fn(&str, &Range<usize>) -> Vec<(Range<usize>, String)>) -> String {
        let at = text.find(&format!("({label})")).unwrap() + 1;
        let struck = struck_citation(text, &(at..at + label.len())).unwrap();
        let mut edits = around(text, &struck);
        edits.push((struck, String::new()));
        edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
        let mut out = text.to_owned();
        for (r, new) in edits {
            out.replace_range(r, &new);
        }
        out
    }

    /// With the last of three or more cited labels struck, the comma before the label now last
    /// takes the struck joining word: "Section 6(b) and (c)", not "Section 6(b), (c)".
    #[test]
    fn the_label_now_last_takes_the_joining_word() {
        let strike = |text: &str, label: &str| struck_with(text, label, |t, struck| rejoined(t, struck).into_iter().collect());
        assert_eq!(strike("Section 6(b), (c) and (d) apply.", "d"), "Section 6(b) and (c) apply.");
        assert_eq!(strike("Section 6(b), (c), and (d) apply.", "d"), "Section 6(b) and (c) apply.");
        assert_eq!(strike("the warranties in (b), (c) or (d)", "d"), "the warranties in (b) or (c)");
        assert_eq!(strike("(a), (b), (c) and (d) survive", "d"), "(a), (b) and (c) survive");
        assert_eq!(strike("(a), (b), (c), and (d) survive", "d"), "(a), (b), and (c) survive");
        // Not the last label, or only two: nothing to rejoin.
        assert_eq!(strike("Section 6(b), (c) and (d) apply.", "c"), "Section 6(b) and (d) apply.");
        assert_eq!(strike("Section 6(c) and (d) apply.", "d"), "Section 6(c) apply.");
    }

    /// With one of two labels struck, a verb whose subject the citation is agrees with the one
    /// left; one whose subject is another noun, or a modal, stays.
    #[test]
    fn a_verb_agrees_with_the_label_left() {
        let agreed = |text: &str, label: &str| struck_with(text, label, agreeing);
        assert_eq!(agreed("Section 6(c) and (d) apply.", "d"), "Section 6(c) applies.");
        assert_eq!(agreed("Section 6(c) and (d) apply.", "c"), "Section 6(d) applies.");
        assert_eq!(agreed("Sections 6(c) and (d) are void.", "d"), "Section 6(c) is void.");
        assert_eq!(agreed("Items (c) and (d) survive termination.", "c"), "Item (d) survives termination.");
        assert_eq!(agreed("The warranties in (c) and (d) survive.", "d"), "The warranties in (c) survive.");
        assert_eq!(agreed("Section 6(c) and (d) shall apply.", "d"), "Section 6(c) shall apply.");
        assert_eq!(agreed("Section 6(b), (c) and (d) apply.", "c"), "Section 6(b) and (d) apply.");
    }
}
