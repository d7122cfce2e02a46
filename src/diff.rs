//! Word-level diffs between a client's wording and the standard language (or between two
//! rounds of the same clause), as a list of equal / deleted / inserted runs.

use serde::Serialize;
use similar::{Algorithm, ChangeTag};

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
    coalesce(&raw_word_diff(old, new))
}

fn raw_word_diff(old: &str, new: &str) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for (tag, text) in similar::utils::diff_unicode_words(Algorithm::Patience, old, new) {
        let op = match tag {
            ChangeTag::Equal => Op::Equal,
            ChangeTag::Delete => Op::Delete,
            ChangeTag::Insert => Op::Insert,
        };
        match runs.last_mut() {
            Some(last) if last.op == op => last.text.push_str(text),
            _ => runs.push(Run { op, text: text.to_owned() }),
        }
    }
    runs
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

    proptest! {
        #[test]
        fn diff_rebuilds_both_sides(old in "[a-zé ,.\n]{0,80}", new in "[a-zé ,.\n]{0,80}") {
            let runs = word_diff(&old, &new);
            prop_assert_eq!(old_text(&runs), old);
            prop_assert_eq!(new_text(&runs), new);
        }
    }
}
