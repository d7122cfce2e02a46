//! Word-level diffs between a client's wording and the standard language (or between two
//! rounds of the same clause), as a list of equal / deleted / inserted runs.

use serde::Serialize;
use similar::{Algorithm, DiffOp};
use unicode_segmentation::UnicodeSegmentation;

use crate::hash::FxMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Equal,
    Delete,
    Insert,
}

/// A run of text that is the same on both sides, only in the old text, or only in the new.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Run {
    pub op: Op,
    pub text: String,
}

/// Diffs `old` against `new` by Unicode words. Adjacent runs of the same kind are merged, and
/// a change interrupted only by spaces, punctuation or a short word reads as one change
/// ("~~work product~~ **the Deliverables**", not word-by-word confetti).
pub fn word_diff(old: &str, new: &str) -> Vec<Run> {
    let mut texts = Texts::default();
    let (o, n) = (texts.add(old), texts.add(new));
    texts.diff(o, n)
}

/// Texts split into Unicode words (UAX #29 word bounds, as `similar` splits them) once, each
/// distinct word numbered: one text diffs against several others (a clause against the other
/// round and against the standard language) without being split again, and the diff compares
/// integers, not strings.
#[derive(Default)]
pub struct Texts<'a> {
    numbers: FxMap<&'a str, u32>,
    texts: Vec<Words<'a>>,
}

/// One text of [`Texts`]: its words' numbers, and where each word starts (plus the end).
struct Words<'a> {
    text: &'a str,
    ids: Vec<u32>,
    bounds: Vec<usize>,
}

impl Words<'_> {
    /// The text of words `from..from + len`.
    fn slice(&self, from: usize, len: usize) -> &str {
        &self.text[self.bounds[from]..self.bounds[from + len]]
    }
}

impl<'a> Texts<'a> {
    /// Splits `text` into words; the returned handle names it in [`Texts::diff`].
    pub fn add(&mut self, text: &'a str) -> usize {
        // About one word, space or mark in every three bytes of contract text.
        let guess = text.len() / 3 + 1;
        self.numbers.reserve(guess / 2);
        let (mut ids, mut bounds) = (Vec::with_capacity(guess), Vec::with_capacity(guess + 1));
        bounds.push(0);
        for_each_word_bound(text, |word| {
            let next = self.numbers.len() as u32;
            ids.push(*self.numbers.entry(word).or_insert(next));
            bounds.push(bounds[bounds.len() - 1] + word.len());
        });
        self.texts.push(Words { text, ids, bounds });
        self.texts.len() - 1
    }

    /// The word diff of two added texts, as [`word_diff`] gives it.
    pub fn diff(&self, old: usize, new: usize) -> Vec<Run> {
        let (o, n) = (&self.texts[old], &self.texts[new]);
        let mut runs: Vec<Run> = Vec::new();
        let mut push = |op: Op, text: &str| match runs.last_mut() {
            Some(last) if last.op == op => last.text.push_str(text),
            _ => runs.push(Run { op, text: text.to_owned() }),
        };
        // The algorithm and hooks `similar::utils::diff_unicode_words` uses, on word numbers:
        // the same words compare equal, so the same runs come out.
        for op in similar::capture_diff_slices(Algorithm::Patience, &o.ids, &n.ids) {
            match op {
                DiffOp::Equal { old_index, len, .. } => push(Op::Equal, o.slice(old_index, len)),
                DiffOp::Delete { old_index, old_len, .. } => push(Op::Delete, o.slice(old_index, old_len)),
                DiffOp::Insert { new_index, new_len, .. } => push(Op::Insert, n.slice(new_index, new_len)),
                DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                    push(Op::Delete, o.slice(old_index, old_len));
                    push(Op::Insert, n.slice(new_index, new_len));
                }
            }
        }
        coalesce(&runs)
    }
}

/// Calls `f` with each piece of `text` between Unicode word bounds, as `split_word_bounds`
/// cuts it. UAX #29 always breaks after a run of spaces followed by an ASCII character (only
/// extending marks join a space run, and no rule looks across one), so the text is cut there
/// into stretches: those of ASCII, most of a contract, are cut by the rules as they read for
/// ASCII; a stretch holding a wider character, by `unicode-segmentation`.
fn for_each_word_bound<'a>(text: &'a str, mut f: impl FnMut(&'a str)) {
    let bytes = text.as_bytes();
    let safe = |p: usize| bytes[p - 1] == b' ' && bytes[p] != b' ' && bytes[p].is_ascii();
    let mut start = 0;
    while start < bytes.len() {
        let Some(wide) = bytes[start..].iter().position(|b| !b.is_ascii()).map(|k| start + k) else {
            ascii_word_bounds(&text[start..], &mut f);
            return;
        };
        let cut = (start + 1..wide).rev().find(|&p| safe(p)).unwrap_or(start);
        let end = (wide + 1..bytes.len()).find(|&p| safe(p)).unwrap_or(bytes.len());
        ascii_word_bounds(&text[start..cut], &mut f);
        text[cut..end].split_word_bounds().for_each(&mut f);
        start = end;
    }
}

/// The word-break classes of UAX #29 that ASCII characters fall in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Break {
    Cr,
    Lf,
    Newline,
    Letter,
    Numeric,
    /// `.`
    MidNumLet,
    /// `'`
    SingleQuote,
    /// `:`
    MidLetter,
    /// `,` `;`
    MidNum,
    /// `_`
    ExtendNumLet,
    Space,
    Other,
}

const BREAK: [Break; 128] = {
    let mut table = [Break::Other; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'\r' => Break::Cr,
            b'\n' => Break::Lf,
            0x0b | 0x0c => Break::Newline,
            b'a'..=b'z' | b'A'..=b'Z' => Break::Letter,
            b'0'..=b'9' => Break::Numeric,
            b'.' => Break::MidNumLet,
            b'\'' => Break::SingleQuote,
            b':' => Break::MidLetter,
            b',' | b';' => Break::MidNum,
            b'_' => Break::ExtendNumLet,
            b' ' => Break::Space,
            _ => Break::Other,
        };
        b += 1;
    }
    table
};

/// Cuts ASCII `text` at its word bounds by the rules of UAX #29 (rules `WB3` to `WB13b`; the others
/// concern characters outside ASCII).
fn ascii_word_bounds<'a>(text: &'a str, f: &mut impl FnMut(&'a str)) {
    use Break::{Cr, ExtendNumLet, Letter, Lf, MidLetter, MidNum, MidNumLet, Newline, Numeric, SingleQuote, Space};
    let bytes = text.as_bytes();
    let at = |k: usize| bytes.get(k).map(|&b| BREAK[usize::from(b)]);
    let mid_letter = |c: Break| matches!(c, MidLetter | MidNumLet | SingleQuote);
    let mid_num = |c: Break| matches!(c, MidNum | MidNumLet | SingleQuote);
    let mut start = 0;
    for k in 1..bytes.len() {
        let (before, after) = (BREAK[usize::from(bytes[k - 1])], BREAK[usize::from(bytes[k])]);
        let joined = match (before, after) {
            // WB3, WB3d, WB5 and WB8 to WB10, WB13a and WB13b.
            (Cr, Lf) | (Space, Space) | (Letter | Numeric | ExtendNumLet, Letter | Numeric | ExtendNumLet) => true,
            // WB3a and WB3b.
            (Cr | Lf | Newline, _) | (_, Cr | Lf | Newline) => false,
            // WB6 and WB7 ("can't", "e.g"), WB11 and WB12 ("3.5", "1,000").
            (Letter, mid) if mid_letter(mid) => at(k + 1) == Some(Letter),
            (mid, Letter) if mid_letter(mid) => k >= 2 && at(k - 2) == Some(Letter),
            (Numeric, mid) if mid_num(mid) => at(k + 1) == Some(Numeric),
            (mid, Numeric) if mid_num(mid) => k >= 2 && at(k - 2) == Some(Numeric),
            _ => false,
        };
        if !joined {
            f(&text[start..k]);
            start = k;
        }
    }
    if start < text.len() {
        f(&text[start..]);
    }
}

/// How close two texts are: twice the words they have in common, in order (the longest common
/// subsequence of their words, a word being a run of letters and digits), over the words of
/// both; 0 to 1. Quick even for texts unlike each other, where a diff is slow.
pub fn closeness(a: &str, b: &str) -> f32 {
    let mut numbers: FxMap<&str, u32> = FxMap::default();
    let mut words = |text| -> Vec<u32> {
        words(text)
            .map(|w| {
                let next = numbers.len() as u32;
                *numbers.entry(w).or_insert(next)
            })
            .collect()
    };
    let (a, b) = (words(a), words(b));
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * lcs_len(&a, &b) as f32 / (a.len() + b.len()) as f32
}

/// The runs of letters and digits of `text`.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// The length of the longest common subsequence of `a` and `b`, 64 positions of `a` at a time
/// (the bit-parallel method of Allison and Dix, as Hyyrö writes it for many machine words).
fn lcs_len(a: &[u32], b: &[u32]) -> usize {
    let blocks = a.len().div_ceil(64);
    // For each word of `a`, the positions it stands at.
    let mut at: FxMap<u32, Vec<u64>> = FxMap::default();
    for (i, word) in a.iter().enumerate() {
        at.entry(*word).or_insert_with(|| vec![0; blocks])[i / 64] |= 1 << (i % 64);
    }
    // A zero bit for each position of `a` in the common subsequence so far.
    let mut bits = vec![u64::MAX; blocks];
    for word in b {
        let Some(positions) = at.get(word) else { continue };
        let mut carry = false;
        for (block, &mask) in bits.iter_mut().zip(positions) {
            let kept = *block & mask;
            let (sum, first) = block.overflowing_add(kept);
            let (sum, second) = sum.overflowing_add(u64::from(carry));
            carry = first || second;
            *block = sum | (*block & !mask);
        }
    }
    bits.iter().map(|x| x.count_zeros() as usize).sum()
}

/// Folds thin equal runs between changes into the change on both sides.
fn coalesce(runs: &[Run]) -> Vec<Run> {
    let thin = |t: &str| {
        let core = t.trim();
        !core.chars().any(char::is_alphanumeric) || (core.chars().count() <= 3 && !core.contains(char::is_whitespace))
    };
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    let (mut deleted, mut inserted) = (String::new(), String::new());
    let flush = |out: &mut Vec<Run>, deleted: &mut String, inserted: &mut String| {
        for (op, text) in [(Op::Delete, deleted), (Op::Insert, inserted)] {
            if !text.is_empty() {
                out.push(Run { op, text: std::mem::take(text) });
            }
        }
    };
    for (k, run) in runs.iter().enumerate() {
        match run.op {
            Op::Delete => deleted.push_str(&run.text),
            Op::Insert => inserted.push_str(&run.text),
            Op::Equal => {
                let pending = !deleted.is_empty() || !inserted.is_empty();
                let change_follows = runs.get(k + 1).is_some_and(|r| r.op != Op::Equal);
                if pending && change_follows && thin(&run.text) {
                    deleted.push_str(&run.text);
                    inserted.push_str(&run.text);
                } else {
                    flush(&mut out, &mut deleted, &mut inserted);
                    out.push(run.clone());
                }
            }
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    out
}

/// The old side of a diff, rebuilt.
pub fn old_text(runs: &[Run]) -> String {
    runs.iter().filter(|r| r.op != Op::Insert).map(|r| r.text.as_str()).collect()
}

/// The new side of a diff, rebuilt.
pub fn new_text(runs: &[Run]) -> String {
    runs.iter().filter(|r| r.op != Op::Delete).map(|r| r.text.as_str()).collect()
}

/// Share of words (by bytes of non-space text) the two sides have in common, 0 to 1.
pub fn similarity(runs: &[Run]) -> f32 {
    let weight = |r: &Run| r.text.chars().filter(|c| !c.is_whitespace()).count();
    let equal: usize = runs.iter().filter(|r| r.op == Op::Equal).map(weight).sum();
    let total: usize = runs.iter().map(|r| if r.op == Op::Equal { 2 * weight(r) } else { weight(r) }).sum();
    if total == 0 { 1.0 } else { (2 * equal) as f32 / total as f32 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn marks_changed_words() {
        let runs = word_diff("all work product created during the engagement", "all deliverables described in Schedule A");
        assert_eq!(runs[0], Run { op: Op::Equal, text: "all ".into() });
        assert!(runs.iter().any(|r| r.op == Op::Delete && r.text.contains("work")));
        assert!(runs.iter().any(|r| r.op == Op::Insert && r.text.contains("Schedule")));
    }

    /// The runs `similar`'s own word diff gives, before coalescing.
    fn similar_runs(old: &str, new: &str) -> Vec<Run> {
        let mut runs: Vec<Run> = Vec::new();
        for (tag, text) in similar::utils::diff_unicode_words(Algorithm::Patience, old, new) {
            let op = match tag {
                similar::ChangeTag::Equal => Op::Equal,
                similar::ChangeTag::Delete => Op::Delete,
                similar::ChangeTag::Insert => Op::Insert,
            };
            match runs.last_mut() {
                Some(last) if last.op == op => last.text.push_str(text),
                _ => runs.push(Run { op, text: text.to_owned() }),
            }
        }
        coalesce(&runs)
    }

    #[test]
    fn same_runs_as_similar_on_long_clauses() {
        // Past 100 words `similar` numbers the words itself; both paths must agree with ours.
        let old = "The Client shall own all work product created during the engagement. ".repeat(12);
        let new = old.replace("work product", "Deliverables described in Schedule A").replace("shall", "will") + "Provider retains tools.";
        assert_eq!(word_diff(&old, &new), similar_runs(&old, &new));
        assert_eq!(word_diff(&old, &old), similar_runs(&old, &old));
        assert_eq!(word_diff("", &new), similar_runs("", &new));
    }

    /// The longest common subsequence by the textbook table.
    fn lcs_table(a: &[u32], b: &[u32]) -> usize {
        let mut row = vec![0usize; b.len() + 1];
        for x in a {
            let mut diagonal = 0;
            for (j, y) in b.iter().enumerate() {
                let above = row[j + 1];
                row[j + 1] = if x == y { diagonal + 1 } else { above.max(row[j]) };
                diagonal = above;
            }
        }
        row[b.len()]
    }

    #[test]
    fn closeness_counts_words_in_order() {
        let (a, b) = ("All work product belongs to Client.", "All Deliverables belong to Client, once paid.");
        // In common, in order: "All", "to", "Client" of 6 and 7 words.
        assert!((closeness(a, b) - 6.0 / 13.0).abs() < 1e-6);
        assert!((closeness(a, a) - 1.0).abs() < 1e-6);
        assert!(closeness(a, " ... ").abs() < 1e-6);
        assert!((closeness("", "--") - 1.0).abs() < 1e-6);
        // Six words each; all but "Client" in common.
        assert!((closeness("Client's e.g. 3.5", "client s e g 3 5") - 10.0 / 12.0).abs() < 1e-6, "case counts; punctuation splits");
    }

    proptest! {
        #[test]
        fn lcs_by_bits_matches_the_table(a in proptest::collection::vec(0u32..6, 0..200), b in proptest::collection::vec(0u32..6, 0..200)) {
            prop_assert_eq!(lcs_len(&a, &b), lcs_table(&a, &b));
        }

        #[test]
        fn word_bounds_as_unicode_segmentation_cuts_them(pieces in proptest::collection::vec(prop_oneof![
            8 => "[a-zA-Z0-9 .,;:'_\"\r\n\t\x0b\x0c()$%-]{1,8}",
            1 => "é|’|“|\u{301}|\u{a0}|\u{2003}|\u{200d}|\u{5d0}|日",
        ], 0..30)) {
            let text = pieces.concat();
            let mut ours = Vec::new();
            for_each_word_bound(&text, |w| ours.push(w));
            prop_assert_eq!(ours, text.split_word_bounds().collect::<Vec<_>>());
        }

        #[test]
        fn same_runs_as_similar(old in "[a-c é,.'\n-]{0,120}", new in "[a-c é,.'\n-]{0,120}") {
            prop_assert_eq!(word_diff(&old, &new), similar_runs(&old, &new));
        }

        #[test]
        fn diff_rebuilds_both_sides(old in "[a-zé ,.\n]{0,80}", new in "[a-zé ,.\n]{0,80}") {
            let runs = word_diff(&old, &new);
            prop_assert_eq!(old_text(&runs), old);
            prop_assert_eq!(new_text(&runs), new);
        }
    }
}
