//! Aligning the clauses of two drafts by what they say, not where they stand: renumbered and
//! moved clauses pair up, and a clause split in two (or two merged into one) is recognised.

use crate::hash::FxMap;

use serde::Serialize;

/// How a clause of the old draft relates to the new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// Same words (white space and case aside).
    Unchanged,
    /// Recognisably the same clause, reworded.
    Changed,
    /// One old clause became several new ones.
    Split,
    /// Several old clauses became one new one.
    Merged,
}

/// A pairing: old clause indices and new clause indices (one-to-one, one-to-many or many-to-one).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    pub old: Vec<usize>,
    pub new: Vec<usize>,
    pub relation: Relation,
    /// Word overlap of the two sides, 0 to 1.
    pub similarity: f32,
    /// The pair stands elsewhere relative to its neighbours (not only renumbered).
    pub moved: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Alignment {
    pub pairs: Vec<Pair>,
    pub removed: Vec<usize>,
    pub added: Vec<usize>,
}

/// Below this word overlap two clauses are not the same clause.
const SAME_CLAUSE: f32 = 0.5;
/// Under the same heading, a clause rewritten this far is still the same clause.
const REWRITTEN: f32 = 0.15;
/// A part covers at least this share of its words from the whole to count in a split or merge.
const CONTAINED: f32 = 0.8;

/// The words of each clause (numbers left out), hashed, for comparing.
pub struct Words {
    tokens: Vec<FxMap<u64, u32>>,
    sizes: Vec<u32>,
    /// A hash of the whole word sequence: equal keys mean the same wording.
    keys: Vec<u64>,
}

impl Words {
    /// `clauses` are the texts of each clause.
    pub fn new(clauses: &[&str]) -> Self {
        let mut tokens = Vec::with_capacity(clauses.len());
        let mut sizes = Vec::with_capacity(clauses.len());
        let mut keys = Vec::with_capacity(clauses.len());
        for text in clauses {
            let mut bag: FxMap<u64, u32> = FxMap::default();
            let (mut size, mut key) = (0u32, 0u64);
            for w in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty() && !is_number(w)) {
                let h = crate::hash::word(w);
                *bag.entry(h).or_default() += 1;
                key = crate::hash::combine(key, h);
                size += 1;
            }
            sizes.push(size);
            keys.push(key);
            tokens.push(bag);
        }
        Self { tokens, sizes, keys }
    }

    fn common(&self, other: &Words, a: usize, b: usize) -> u32 {
        let (small, large) = if self.tokens[a].len() <= other.tokens[b].len() {
            (&self.tokens[a], &other.tokens[b])
        } else {
            (&other.tokens[b], &self.tokens[a])
        };
        small.iter().map(|(w, n)| (*n).min(large.get(w).copied().unwrap_or(0))).sum()
    }
}

fn is_number(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_digit()) || (w.len() <= 4 && w.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l')))
}

/// Aligns old clauses to new ones.
pub fn align(old: &Words, new: &Words, old_headings: &[Option<String>], new_headings: &[Option<String>]) -> Alignment {
    let n_old = old.sizes.len();
    let n_new = new.sizes.len();
    let mut old_pair: Vec<Option<usize>> = vec![None; n_old];
    let mut new_pair: Vec<Option<usize>> = vec![None; n_new];
    let mut pairs: Vec<Pair> = Vec::new();
    let empty = |w: &Words, i: usize| w.sizes[i] == 0;

    // 1. Identical wording, wherever it now stands.
    let mut by_key: FxMap<u64, Vec<usize>> = FxMap::default();
    for j in (0..n_new).filter(|&j| !empty(new, j)) {
        by_key.entry(new.keys[j]).or_default().push(j);
    }
    for i in (0..n_old).filter(|&i| !empty(old, i)) {
        if let Some(js) = by_key.get_mut(&old.keys[i]).filter(|js| !js.is_empty()) {
            let j = js.remove(0);
            old_pair[i] = Some(pairs.len());
            new_pair[j] = Some(pairs.len());
            pairs.push(Pair { old: vec![i], new: vec![j], relation: Relation::Unchanged, similarity: 1.0, moved: false });
        }
    }

    // 2. Reworded: best candidate among new clauses sharing rare words (an inverted index keeps
    //    this near linear on long drafts).
    let mut index: FxMap<u64, Vec<usize>> = FxMap::default();
    for j in (0..n_new).filter(|&j| new_pair[j].is_none()) {
        for w in new.tokens[j].keys() {
            index.entry(*w).or_default().push(j);
        }
    }
    let mut scored: Vec<(f32, usize, usize)> = Vec::new();
    for i in (0..n_old).filter(|&i| old_pair[i].is_none() && !empty(old, i)) {
        let mut votes: FxMap<usize, u32> = FxMap::default();
        for w in old.tokens[i].keys() {
            if let Some(js) = index.get(w).filter(|js| js.len() <= 64) {
                for &j in js {
                    *votes.entry(j).or_default() += 1;
                }
            }
        }
        let mut candidates: Vec<(u32, usize)> = votes.into_iter().map(|(j, v)| (v, j)).collect();
        candidates.sort_unstable_by(|a, b| b.cmp(a));
        for &(_, j) in candidates.iter().take(8) {
            let common = old.common(new, i, j) as f32;
            let dice = 2.0 * common / (old.sizes[i] + new.sizes[j]) as f32;
            if dice >= SAME_CLAUSE {
                scored.push((dice, i, j));
            }
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for (similarity, i, j) in scored {
        if old_pair[i].is_none() && new_pair[j].is_none() {
            old_pair[i] = Some(pairs.len());
            new_pair[j] = Some(pairs.len());
            pairs.push(Pair { old: vec![i], new: vec![j], relation: Relation::Changed, similarity, moved: false });
        }
    }

    // 2b. Rewritten under the same heading ("Ownership" reworded from top to bottom).
    let unpaired: Vec<usize> = (0..n_old).filter(|&i| old_pair[i].is_none() && !empty(old, i)).collect();
    for i in unpaired {
        let Some(heading) = old_headings.get(i).and_then(|h| h.as_deref()).map(str::to_lowercase) else { continue };
        let same = (0..n_new).find(|&j| {
            new_pair[j].is_none() && new_headings.get(j).and_then(|h| h.as_deref()).is_some_and(|h| h.to_lowercase() == heading)
        });
        if let Some(j) = same {
            let similarity = 2.0 * old.common(new, i, j) as f32 / (old.sizes[i] + new.sizes[j]).max(1) as f32;
            if similarity >= REWRITTEN {
                old_pair[i] = Some(pairs.len());
                new_pair[j] = Some(pairs.len());
                pairs.push(Pair { old: vec![i], new: vec![j], relation: Relation::Changed, similarity, moved: false });
            }
        }
    }

    // 3. Splits and merges: an unpaired clause whose words are mostly inside a neighbour's pair.
    absorb(&mut pairs, &mut new_pair, new, old, Relation::Split);
    absorb(&mut pairs, &mut old_pair, old, new, Relation::Merged);
    for p in &mut pairs {
        if p.old.len() > 1 || p.new.len() > 1 {
            p.old.sort_unstable();
            p.new.sort_unstable();
            let common: u32 = p.old.iter().map(|&i| p.new.iter().map(|&j| old.common(new, i, j)).sum::<u32>()).sum();
            let total: u32 = p.old.iter().map(|&i| old.sizes[i]).sum::<u32>() + p.new.iter().map(|&j| new.sizes[j]).sum::<u32>();
            p.similarity = (2.0 * common as f32 / total.max(1) as f32).min(1.0);
        }
    }

    pairs.sort_by_key(|p| p.new[0]);
    mark_moves(&mut pairs);
    Alignment {
        removed: (0..n_old).filter(|&i| old_pair[i].is_none() && !empty(old, i)).collect(),
        added: (0..n_new).filter(|&j| new_pair[j].is_none() && !empty(new, j)).collect(),
        pairs,
    }
}

/// Attaches unpaired clauses on one side (`side`) to the pair of an adjacent clause when they are
/// contained in the other side's text of that pair.
fn absorb(pairs: &mut [Pair], side_pair: &mut [Option<usize>], side: &Words, other: &Words, relation: Relation) {
    for k in 0..side_pair.len() {
        if side_pair[k].is_some() || side.sizes[k] == 0 {
            continue;
        }
        let neighbours = [k.checked_sub(1), Some(k + 1)];
        for n in neighbours.into_iter().flatten().filter(|&n| n < side_pair.len()) {
            let Some(p) = side_pair[n] else { continue };
            let split = relation == Relation::Split;
            let counterpart = if split { &pairs[p].old } else { &pairs[p].new };
            let common: u32 = counterpart.iter().map(|&o| if split { other.common(side, o, k) } else { side.common(other, k, o) }).sum();
            if common as f32 >= CONTAINED * side.sizes[k] as f32 && counterpart.len() == 1 {
                if split {
                    pairs[p].new.push(k);
                } else {
                    pairs[p].old.push(k);
                }
                pairs[p].relation = relation;
                side_pair[k] = Some(p);
                break;
            }
        }
    }
}

/// Marks pairs that are out of order: those outside the longest run kept in order.
fn mark_moves(pairs: &mut [Pair]) {
    let olds: Vec<usize> = pairs.iter().map(|p| p.old[0]).collect();
    let keep = longest_increasing(&olds);
    for (k, p) in pairs.iter_mut().enumerate() {
        p.moved = !keep[k];
    }
}

/// Which elements belong to one longest strictly increasing subsequence (patience method).
fn longest_increasing(v: &[usize]) -> Vec<bool> {
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; v.len()];
    for (k, &x) in v.iter().enumerate() {
        let pos = tails.partition_point(|&t| v[t] < x);
        prev[k] = pos.checked_sub(1).map(|p| tails[p]);
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut keep = vec![false; v.len()];
    let mut at = tails.last().copied();
    while let Some(k) = at {
        keep[k] = true;
        at = prev[k];
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(old: &[&str], new: &[&str]) -> Alignment {
        align(&Words::new(old), &Words::new(new), &[], &[])
    }

    #[test]
    fn renumbered_clauses_are_unchanged() {
        let a = run(
            &["1. Fees are due monthly.", "2. Client owns all work product."],
            &["1. Scope of services.", "2. Fees are due monthly.", "3. Client owns all work product."],
        );
        assert_eq!(a.added, [0]);
        assert!(a.removed.is_empty());
        assert!(a.pairs.iter().all(|p| p.relation == Relation::Unchanged && !p.moved));
    }

    #[test]
    fn reworded_and_moved() {
        let old = [
            "1. Client owns all work product created during the engagement.",
            "2. Fees are due monthly within thirty days.",
            "3. Governing law is Delaware.",
        ];
        let new = [
            "1. Governing law is Delaware.",
            "2. Fees are due monthly within thirty days.",
            "3. Client owns all deliverables described in Schedule A created during the engagement.",
        ];
        let a = run(&old, &new);
        let changed = a.pairs.iter().find(|p| p.old == [0]).unwrap();
        assert_eq!(changed.new, [2]);
        assert_eq!(changed.relation, Relation::Changed);
        assert_eq!(a.pairs.iter().filter(|p| p.moved).count(), 2, "first and last swapped: two of three out of order");
    }

    #[test]
    fn split_and_merge() {
        let whole = "Client owns the deliverables upon full payment. Agency retains its pre-existing tools and grants a licence.";
        let a = run(
            &[whole],
            &["Client owns the deliverables upon full payment.", "Agency retains its pre-existing tools and grants a licence."],
        );
        assert_eq!(a.pairs.len(), 1);
        assert_eq!(a.pairs[0].relation, Relation::Split);
        assert_eq!(a.pairs[0].new, [0, 1]);
        let b = run(
            &["Client owns the deliverables upon full payment.", "Agency retains its pre-existing tools and grants a licence."],
            &[whole],
        );
        assert_eq!(b.pairs[0].relation, Relation::Merged);
        assert_eq!(b.pairs[0].old, [0, 1]);
    }
}
