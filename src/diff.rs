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

/// Diffs `old` against `new` by Unicode words; adjacent runs of the same kind are merged.
pub fn word_diff(old: &str, new: &str) -> Vec<Run> {
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
