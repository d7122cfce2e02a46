//! Where a change begins and ends in the draft's text: paragraphs, the sentence around a risky
//! phrase (so the struck passage reads as a whole), and Markdown markup kept balanced.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// Words whose trailing full stop does not end a sentence ("e.g. the", "Acme Inc. and").
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "inc", "ltd", "llc", "llp", "co", "corp", "no", "nos", "sec", "secs", "art", "para", "v", "vs", "mr", "mrs", "ms",
    "dr", "st", "u.s", "u.k", "cf", "approx", "incl", "viz", "al", "jr", "sr", "p", "pp",
];

/// A clause number or list label at the start of a paragraph: "7.3 ", "(a) ", "iv. ", "Section 4. ".
static LEADING_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?i:section|article|clause)\s+)?(?:[0-9]{1,3}(?:\.[0-9]{1,3})*\.?|\([a-zA-Z0-9]{1,5}\)|[a-zA-Z0-9]{1,5}[.)])\s+")
        .expect("static regex")
});

/// The clause number or list label a paragraph's text starts with ("7.3 ", "(a) "), its space
/// included.
pub fn leading_label(text: &str) -> Option<&str> {
    LEADING_LABEL.find(text).map(|m| m.as_str())
}

/// The paragraphs of a plain-text or Markdown draft: blocks separated by blank lines, each
/// trimmed of surrounding white space. Empty blocks are skipped. A line that ends a sentence
/// also ends its paragraph when the next line opens a numbered clause ("12. Entire
/// Agreement."), or in a draft with no blank line at all, where each line is a paragraph as
/// pasted (a residuals clause inserted after §11 goes after §11's last line, not after the
/// whole draft).
pub fn text_paragraphs(text: &str) -> Vec<Range<usize>> {
    let no_blank_line = !text.trim().lines().any(|l| l.trim().is_empty());
    let mut out = Vec::new();
    let mut block: Option<Range<usize>> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim();
        let lead = line.len() - line.trim_start().len();
        let ends_sentence = |b: &Range<usize>| {
            text[b.clone()].trim_end_matches(['"', '\'', ')', '*', '_', '\u{201d}', '\u{2019}']).ends_with(['.', '!', '?'])
        };
        let opens_clause = || leading_label(content).is_some_and(|l| l.starts_with(|c: char| c.is_ascii_digit()));
        if content.is_empty() || block.as_ref().is_some_and(|b| ends_sentence(b) && (no_blank_line || opens_clause())) {
            out.extend(block.take());
        }
        if !content.is_empty() {
            let end = offset + lead + content.len();
            block = Some(block.map_or(offset + lead..end, |b| b.start..end));
        }
        offset += line.len();
    }
    out.extend(block);
    out
}

/// The index of the paragraph holding byte `at`, or the last one starting at or before it.
pub fn paragraph_of(paragraphs: &[Range<usize>], at: usize) -> Option<usize> {
    match paragraphs.partition_point(|p| p.start <= at) {
        0 => None,
        n => Some(n - 1),
    }
}

/// The sentence around `start..end`, searched within `bounds` (a paragraph cut to its clause):
/// from the first character after the previous sentence's end (or after a leading clause number)
/// to the end of the sentence holding `end`, its full stop included. `text` is the draft as the
/// analysis saw it (Markdown markup blanked), so markup never ends a sentence.
pub fn sentence_bounds(text: &str, bounds: Range<usize>, start: usize, end: usize) -> Range<usize> {
    let lo = bounds.start;
    let hi = bounds.end.max(lo);
    let start = start.clamp(lo, hi);
    let end = end.clamp(start, hi);
    let mut from = lo;
    for (i, _) in text[lo..start].char_indices().rev() {
        if let Some(after) = boundary_at(text, lo + i, hi)
            && after <= start
        {
            from = after;
            break;
        }
    }
    from = skip_space(text, from, start);
    if from == skip_space(text, lo, start)
        && let Some(m) = LEADING_LABEL.find(&text[from..start])
    {
        from += m.end();
    }
    let mut to = hi;
    let mut i = end.saturating_sub(1).max(from);
    while i < hi {
        if text.is_char_boundary(i)
            && let Some(after) = boundary_at(text, i, hi)
            && after >= end
        {
            to = after;
            break;
        }
        i += 1;
    }
    let to = from + text[from..to].trim_end().len();
    from..to.max(from)
}

/// If a sentence ends with the character at `i` (a terminator followed by white space and a
/// capital, digit, quote or bracket, or by the end of the range), where the next sentence starts.
fn boundary_at(text: &str, i: usize, hi: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if !matches!(bytes[i], b'.' | b'?' | b'!') {
        return None;
    }
    let mut j = i + 1;
    // Closing quotes and brackets belong to the sentence they close.
    while j < hi {
        let rest = &text[j..hi];
        match rest.chars().next() {
            Some(c @ ('"' | '\'' | ')' | ']' | '\u{201d}' | '\u{2019}')) => j += c.len_utf8(),
            _ => break,
        }
    }
    let after = j;
    let ws = text[j..hi].len() - text[j..hi].trim_start().len();
    if j == hi || j + ws == hi {
        return Some(hi);
    }
    if ws == 0 {
        return None;
    }
    let next = text[j + ws..hi].chars().next()?;
    if !(next.is_uppercase() || next.is_ascii_digit() || matches!(next, '"' | '\u{201c}' | '(' | '[' | '\u{2018}')) {
        return None;
    }
    if bytes[i] == b'.' && is_abbreviation(&text[..i]) && !(next.is_uppercase() && names_attachment(&text[..i])) {
        return None;
    }
    Some(after)
}

/// Whether the words before a full stop name an attachment by its letter ("listed in Exhibit
/// A", "Schedule B"): then the stop ends the sentence when a capitalised word follows ("...
/// in Exhibit A. Contractor grants ..."), where another single letter is an initial ("J.
/// Smith") or a list's label. A reference the sentence goes on from ("Exhibit A. and") has no
/// capital after it.
fn names_attachment(before: &str) -> bool {
    const ATTACHMENTS: [&str; 8] = ["exhibit", "schedule", "annex", "appendix", "attachment", "article", "section", "part"];
    let mut words = before.rsplit(char::is_whitespace);
    let letter = words.next().unwrap_or_default();
    let word = words.next().unwrap_or_default().to_lowercase();
    letter.chars().count() == 1 && letter.chars().all(char::is_alphabetic) && ATTACHMENTS.contains(&word.as_str())
}

/// Whether the word before a full stop is an abbreviation or a single letter ("U.S", "(a", "e.g").
fn is_abbreviation(before: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '.' | '\'' | '\u{2019}'))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let lower = word.to_lowercase();
    let letters = lower.chars().filter(|c| c.is_alphabetic()).count();
    (letters == 1 && lower.chars().all(char::is_alphabetic)) || ABBREVIATIONS.contains(&lower.as_str())
}

fn skip_space(text: &str, from: usize, limit: usize) -> usize {
    let limit = limit.max(from);
    from + (text[from..limit].len() - text[from..limit].trim_start().len())
}

/// Widens `range` over Markdown markup touching its ends (`**`, `_`, `<span>` tags), which the
/// analysed text blanks out, so a struck passage never splits an emphasis or a tag pair.
pub fn cover_markup(original: &str, analysed: &str, range: Range<usize>, bounds: Range<usize>) -> Range<usize> {
    let (o, a) = (original.as_bytes(), analysed.as_bytes());
    let blanked = |i: usize| a[i] == b' ' && o[i] != b' ' && o[i] != b'\n';
    let (mut s, mut e) = (range.start, range.end);
    while s > bounds.start && blanked(s - 1) {
        s -= 1;
    }
    while e < bounds.end && blanked(e) {
        e += 1;
    }
    crate::text::floor_char(original, s)..crate::text::ceil_char(original, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(text: &str, phrase: &str) -> String {
        let at = text.find(phrase).unwrap();
        let r = sentence_bounds(text, 0..text.len(), at, at + phrase.len());
        text[r].to_owned()
    }

    #[test]
    fn finds_the_sentence_around_a_phrase() {
        let t = "7.1 Ownership. Client shall own all work product created during the engagement. Fees are due monthly.";
        assert_eq!(sentence(t, "all work product"), "Client shall own all work product created during the engagement.");
        assert_eq!(sentence(t, "monthly"), "Fees are due monthly.");
    }

    #[test]
    fn skips_abbreviations_and_lower_case_continuations() {
        let t = "The Services (e.g. model training) of Acme Inc. and U.S. law apply. All work product is Client's. Next.";
        assert_eq!(sentence(t, "model training"), "The Services (e.g. model training) of Acme Inc. and U.S. law apply.");
        assert_eq!(sentence(t, "work product"), "All work product is Client's.");
    }

    /// "Exhibit A." ends a sentence when the next one starts; a reference the sentence goes
    /// on from, an initial and a list's label do not.
    #[test]
    fn an_attachment_named_by_its_letter_ends_a_sentence_only_where_the_next_begins() {
        let t = "Contractor retains all rights in its materials listed in Exhibit A. Contractor grants Client a license.";
        assert_eq!(sentence(t, "retains"), "Contractor retains all rights in its materials listed in Exhibit A.");
        assert_eq!(sentence(t, "grants"), "Contractor grants Client a license.");
        let end = "Contractor retains all rights in its materials listed in Schedule B.";
        assert_eq!(sentence(end, "retains"), end);
        let on = "The materials in Exhibit A. and any update to them remain Contractor's. Next.";
        assert_eq!(sentence(on, "materials"), "The materials in Exhibit A. and any update to them remain Contractor's.");
        let initial = "Signed for Acme by J. Smith as director. Next.";
        assert_eq!(sentence(initial, "Signed"), "Signed for Acme by J. Smith as director.");
    }

    #[test]
    fn drops_a_leading_clause_number_and_keeps_closing_quotes() {
        let t = "1.2 \u{201c}Work Product\u{201d} means all work product.\u{201d} Then more";
        assert_eq!(sentence(t, "means all"), "\u{201c}Work Product\u{201d} means all work product.\u{201d}");
        let u = "(a) all inventions made during the term; and";
        assert_eq!(sentence(u, "all inventions"), "all inventions made during the term; and");
    }

    #[test]
    fn paragraphs_are_blocks_between_blank_lines() {
        let t = "\n  Title\n\nfirst line\nsecond line\n \n\nlast";
        let p: Vec<&str> = text_paragraphs(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(p, ["Title", "first line\nsecond line", "last"]);
        assert_eq!(paragraph_of(&text_paragraphs(t), t.find("second").unwrap()), Some(1));
    }

    #[test]
    fn a_numbered_clause_after_a_full_stop_or_any_line_of_a_draft_without_blank_lines_is_a_paragraph() {
        let paragraphs = |t: &'static str| -> Vec<&'static str> { text_paragraphs(t).into_iter().map(|r| &t[r]).collect() };
        let blocks = "11. Confidentiality.\nThe Consultant shall keep it secret.\n12. Entire Agreement.\nThis is all.\n\nSigned";
        assert_eq!(
            paragraphs(blocks),
            ["11. Confidentiality.\nThe Consultant shall keep it secret.", "12. Entire Agreement.\nThis is all.", "Signed"]
        );
        // Wrapped lines, a lead-in and its items, and a number that goes on a sentence stay together.
        let wrapped = "The Supplier shall deliver the\nSoftware under Section\n4. The Client shall pay:\n(a) the fee;\n(b) costs.\n\nEnd.";
        assert_eq!(
            paragraphs(wrapped),
            ["The Supplier shall deliver the\nSoftware under Section\n4. The Client shall pay:\n(a) the fee;\n(b) costs.", "End."]
        );
        let pasted = "1. The Parties.\nPage 1 of 4\nThe Client engages the Consultant.\nProprietary information includes:\na.) materials; and\nb.) plans.";
        assert_eq!(
            paragraphs(pasted),
            [
                "1. The Parties.",
                "Page 1 of 4\nThe Client engages the Consultant.",
                "Proprietary information includes:\na.) materials; and\nb.) plans."
            ]
        );
    }

    #[test]
    fn markup_around_a_passage_is_covered() {
        let original = "Intro. **Client** owns _all_ work.";
        let analysed = "Intro.   Client   owns  all  work.";
        let at = analysed.find("Client").unwrap();
        let r = cover_markup(original, analysed, at..analysed.len(), 0..original.len());
        assert_eq!(&original[r], "**Client** owns _all_ work.");
    }
}
