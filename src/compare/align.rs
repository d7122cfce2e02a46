//! Aligning the clauses of two drafts by what they say, not where they stand: renumbered and
//! moved clauses pair up, and a clause split in two (or two merged into one) is recognised.

use std::cell::OnceCell;
use std::hash::Hasher;

use crate::hash::{FxHasher, FxMap};

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

/// The words of each clause (numbers left out), hashed, for comparing. A clause's words are read
/// when first needed: most clauses of a later round are worded exactly as one of the earlier and
/// pair by their text alone.
pub struct Words<'a> {
    texts: &'a [&'a str],
    read: Vec<OnceCell<Read>>,
}

/// One clause's words.
struct Read {
    hashes: Box<[u64]>,
    /// A hash of the whole word sequence: equal keys mean the same wording.
    key: u64,
    /// The distinct words with their counts, sorted by hash, made when first needed.
    bag: OnceCell<Bag>,
}

/// Distinct word hashes with their counts, sorted by hash.
type Bag = Box<[(u64, u32)]>;

impl<'a> Words<'a> {
    pub fn new(texts: &'a [&'a str]) -> Self {
        Self { texts, read: (0..texts.len()).map(|_| OnceCell::new()).collect() }
    }

    fn get(&self, i: usize) -> &Read {
        self.read[i].get_or_init(|| {
            let (mut hashes, mut key) = (Vec::new(), 0u64);
            for_each_word(self.texts[i], |h| {
                hashes.push(h);
                key = crate::hash::combine(key, h);
                true
            });
            Read { hashes: hashes.into_boxed_slice(), key, bag: OnceCell::new() }
        })
    }

    fn size(&self, i: usize) -> u32 {
        self.get(i).hashes.len() as u32
    }

    fn key(&self, i: usize) -> u64 {
        self.get(i).key
    }

    fn bag(&self, i: usize) -> &[(u64, u32)] {
        let read = self.get(i);
        read.bag.get_or_init(|| {
            let mut sorted = read.hashes.to_vec();
            sorted.sort_unstable();
            let mut bag: Vec<(u64, u32)> = Vec::with_capacity(sorted.len());
            for h in sorted {
                match bag.last_mut() {
                    Some((last, n)) if *last == h => *n += 1,
                    _ => bag.push((h, 1)),
                }
            }
            bag.into_boxed_slice()
        })
    }

    /// Words the two clauses share, counted with multiplicity.
    fn common(&self, other: &Words, a: usize, b: usize) -> u32 {
        let (mine, theirs) = (self.bag(a), other.bag(b));
        let (mut at_mine, mut at_theirs, mut shared) = (0, 0, 0);
        while let (Some(&(word, count)), Some(&(other_word, other_count))) = (mine.get(at_mine), theirs.get(at_theirs)) {
            match word.cmp(&other_word) {
                std::cmp::Ordering::Less => at_mine += 1,
                std::cmp::Ordering::Greater => at_theirs += 1,
                std::cmp::Ordering::Equal => {
                    shared += count.min(other_count);
                    at_mine += 1;
                    at_theirs += 1;
                }
            }
        }
        shared
    }
}

/// Whether `text` has a word (numbers aside), read only as far as the first.
fn has_words(text: &str) -> bool {
    let mut found = false;
    for_each_word(text, |_| {
        found = true;
        false
    });
    found
}

/// Calls `f` with the hash of each word of `text` in order (until it returns false), the hash [`crate::hash::word`]
/// gives: words are runs of alphanumeric characters, numbers (digits, short lower-case roman
/// numerals) left out. ASCII, most of a contract, is read without decoding, and a word is
/// hashed eight bytes at a time.
fn for_each_word(text: &str, mut f: impl FnMut(u64) -> bool) {
    let bytes = text.as_bytes();
    // Whether the character at `at` is alphanumeric, and its width.
    let step = |at: usize| -> (bool, usize) {
        match CLASS[usize::from(bytes[at])] {
            ASCII_ALNUM => (true, 1),
            ASCII_OTHER => (false, 1),
            _ => text[at..].chars().next().map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8())),
        }
    };
    let mut at = 0;
    while at < bytes.len() {
        let (alnum, width) = step(at);
        let start = at;
        at += width;
        if !alnum {
            continue;
        }
        loop {
            while at < bytes.len() && CLASS[usize::from(bytes[at])] == ASCII_ALNUM {
                at += 1;
            }
            if at == bytes.len() || CLASS[usize::from(bytes[at])] == ASCII_OTHER {
                break;
            }
            match step(at) {
                (true, width) => at += width,
                (false, _) => break,
            }
        }
        let word = &bytes[start..at];
        let number =
            word.iter().all(u8::is_ascii_digit) || (word.len() <= 4 && word.iter().all(|b| matches!(b, b'i' | b'v' | b'x' | b'l')));
        if !number && !f(hash_word(word)) {
            return;
        }
    }
}

const ASCII_OTHER: u8 = 0;
const ASCII_ALNUM: u8 = 1;
const NOT_ASCII: u8 = 2;

/// What each byte is: an ASCII letter or digit, other ASCII, or part of a wider character.
const CLASS: [u8; 256] = {
    let mut class = [NOT_ASCII; 256];
    let mut b = 0;
    while b < 0x80 {
        class[b] = if (b as u8).is_ascii_alphanumeric() { ASCII_ALNUM } else { ASCII_OTHER };
        b += 1;
    }
    class
};

/// [`crate::hash::word`], eight bytes at a time: the same value.
fn hash_word(word: &[u8]) -> u64 {
    let mut hasher = FxHasher::default();
    let mut chunks = word.chunks_exact(8);
    for chunk in &mut chunks {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        hasher.write_u64(ascii_lowercase(u64::from_le_bytes(eight)));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut eight = [0u8; 8];
        eight[..rest.len()].copy_from_slice(rest);
        hasher.write_u64(ascii_lowercase(u64::from_le_bytes(eight)) ^ (rest.len() as u64) << 56);
    }
    hasher.finish()
}

/// `u8::to_ascii_lowercase` on each byte of `x` at once.
fn ascii_lowercase(x: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let seven = x & LOW7;
    // High bit set in each byte whose low seven bits are at least 'A', and above 'Z'.
    let from_a = seven + 0x3f3f_3f3f_3f3f_3f3f;
    let past_z = seven + 0x2525_2525_2525_2525;
    let upper = from_a & !past_z & !x & HIGH;
    x | (upper >> 2)
}

/// Aligns old clauses to new ones, given each clause's text (without its number) and a way to
/// tell its title (asked only of clauses that pair by neither text nor words).
pub fn align(
    old_texts: &[&str],
    new_texts: &[&str],
    old_title: &dyn Fn(usize) -> Option<String>,
    new_title: &dyn Fn(usize) -> Option<String>,
) -> Alignment {
    let (old, new) = (&Words::new(old_texts), &Words::new(new_texts));
    let n_old = old_texts.len();
    let n_new = new_texts.len();
    let mut old_pair: Vec<Option<usize>> = vec![None; n_old];
    let mut new_pair: Vec<Option<usize>> = vec![None; n_new];
    let mut pairs: Vec<Pair> = Vec::new();
    let empty = |w: &Words, i: usize| w.size(i) == 0;

    // 1. The same text, wherever it now stands (most clauses of a later round); then the same
    //    words, white space, case and numbers aside.
    let mut by_text: FxMap<&str, Vec<usize>> = FxMap::default();
    for j in (0..n_new).rev() {
        by_text.entry(new_texts[j]).or_default().push(j);
    }
    for (i, text) in old_texts.iter().enumerate() {
        if let Some(j) = by_text.get_mut(text).filter(|_| has_words(text)).and_then(Vec::pop) {
            pair(&mut pairs, [&mut old_pair, &mut new_pair], (i, j), Relation::Unchanged, 1.0);
        }
    }
    let mut by_key: FxMap<u64, Vec<usize>> = FxMap::default();
    for j in (0..n_new).filter(|&j| new_pair[j].is_none() && !empty(new, j)) {
        by_key.entry(new.key(j)).or_default().push(j);
    }
    for i in 0..n_old {
        if old_pair[i].is_some() || empty(old, i) {
            continue;
        }
        if let Some(js) = by_key.get_mut(&old.key(i)).filter(|js| !js.is_empty()) {
            let j = js.remove(0);
            pair(&mut pairs, [&mut old_pair, &mut new_pair], (i, j), Relation::Unchanged, 1.0);
        }
    }

    // 2. Reworded: best candidate among new clauses sharing rare words (an inverted index keeps
    //    this near linear on long drafts).
    let mut index: FxMap<u64, Vec<usize>> = FxMap::default();
    for j in (0..n_new).filter(|&j| new_pair[j].is_none()) {
        for (w, _) in new.bag(j) {
            index.entry(*w).or_default().push(j);
        }
    }
    let mut scored: Vec<(f32, usize, usize)> = Vec::new();
    for i in (0..n_old).filter(|&i| old_pair[i].is_none() && !empty(old, i)) {
        let mut votes: FxMap<usize, u32> = FxMap::default();
        for (w, _) in old.bag(i) {
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
            let dice = 2.0 * common / (old.size(i) + new.size(j)) as f32;
            if dice >= SAME_CLAUSE {
                scored.push((dice, i, j));
            }
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for (similarity, i, j) in scored {
        if old_pair[i].is_none() && new_pair[j].is_none() {
            pair(&mut pairs, [&mut old_pair, &mut new_pair], (i, j), Relation::Changed, similarity);
        }
    }

    // 2b. Rewritten under the same heading ("Ownership" reworded from top to bottom).
    let mut titled: FxMap<String, Vec<usize>> = FxMap::default();
    for j in (0..n_new).filter(|&j| new_pair[j].is_none()) {
        if let Some(title) = new_title(j) {
            titled.entry(title.to_lowercase()).or_default().push(j);
        }
    }
    let unpaired: Vec<usize> = (0..n_old).filter(|&i| old_pair[i].is_none() && !empty(old, i)).collect();
    for i in unpaired {
        let Some(title) = old_title(i).map(|t| t.to_lowercase()) else { continue };
        let same = titled.get(&title).and_then(|js| js.iter().copied().find(|&j| new_pair[j].is_none()));
        if let Some(j) = same {
            let similarity = 2.0 * old.common(new, i, j) as f32 / (old.size(i) + new.size(j)).max(1) as f32;
            if similarity >= REWRITTEN {
                pair(&mut pairs, [&mut old_pair, &mut new_pair], (i, j), Relation::Changed, similarity);
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
            let total: u32 = p.old.iter().map(|&i| old.size(i)).sum::<u32>() + p.new.iter().map(|&j| new.size(j)).sum::<u32>();
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

/// Records old clause `i` and new clause `j` as a pair; `paired` is which pair each old and each
/// new clause is in.
fn pair(pairs: &mut Vec<Pair>, paired: [&mut [Option<usize>]; 2], (i, j): (usize, usize), relation: Relation, similarity: f32) {
    let [old_pair, new_pair] = paired;
    old_pair[i] = Some(pairs.len());
    new_pair[j] = Some(pairs.len());
    pairs.push(Pair { old: vec![i], new: vec![j], relation, similarity, moved: false });
}

/// Attaches unpaired clauses on one side (`side`) to the pair of an adjacent clause when they are
/// contained in the other side's text of that pair.
fn absorb(pairs: &mut [Pair], side_pair: &mut [Option<usize>], side: &Words, other: &Words, relation: Relation) {
    for k in 0..side_pair.len() {
        if side_pair[k].is_some() || side.size(k) == 0 {
            continue;
        }
        let neighbours = [k.checked_sub(1), Some(k + 1)];
        for n in neighbours.into_iter().flatten().filter(|&n| n < side_pair.len()) {
            let Some(p) = side_pair[n] else { continue };
            let split = relation == Relation::Split;
            let counterpart = if split { &pairs[p].old } else { &pairs[p].new };
            let common: u32 = counterpart.iter().map(|&o| if split { other.common(side, o, k) } else { side.common(other, k, o) }).sum();
            if common as f32 >= CONTAINED * side.size(k) as f32 && counterpart.len() == 1 {
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
        align(old, new, &|_| None, &|_| None)
    }

    /// Numbers, left out of the words: digits, short lower-case roman numerals.
    fn is_number(w: &str) -> bool {
        w.chars().all(|c| c.is_ascii_digit()) || (w.len() <= 4 && w.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l')))
    }

    /// The words `for_each_word` hashes: those of a split on non-alphanumeric characters.
    fn split_words(text: &str) -> Vec<u64> {
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty() && !is_number(w)).map(crate::hash::word).collect()
    }

    fn hashed(text: &str) -> Vec<u64> {
        let mut got = Vec::new();
        for_each_word(text, |h| {
            got.push(h);
            true
        });
        got
    }

    #[test]
    fn words_are_runs_of_alphanumerics_without_numbers() {
        for text in ["Client's 2. (iv) IV Über-café 12a x ii naïve \u{2014} end", "", "  ...", "İŞ 3.1(b) Ⅻ ½ ٣", "word"] {
            assert_eq!(hashed(text), split_words(text), "{text:?}");
        }
        assert_eq!(hashed("(iv) 12 Fees due"), split_words("Fees due"));
    }

    #[test]
    fn clauses_worded_alike_pair_by_text_first() {
        // "Fees are due MONTHLY." has the same words as the old third clause, but the old third
        // clause's text stands unchanged further down: the same text pairs first.
        let old = ["Fees are due monthly.", "Client owns the work product.", "Fees are due MONTHLY."];
        let new = ["1. Scope.", "Fees are due MONTHLY.", "Client owns the work product.", "Fees are due monthly."];
        let a = run(&old, &new);
        let pair = |i: usize| a.pairs.iter().find(|p| p.old == [i]).map(|p| (p.new.clone(), p.relation));
        assert_eq!(pair(0), Some((vec![3], Relation::Unchanged)));
        assert_eq!(pair(2), Some((vec![1], Relation::Unchanged)));
        assert_eq!(a.added, [0]);
        // Same words, case aside: unchanged, though the text differs.
        let b = run(&["Fees are due monthly."], &["Fees are due MONTHLY."]);
        assert_eq!(b.pairs[0].relation, Relation::Unchanged);
        assert!(has_words("(iv) 12 Fees") && !has_words("(iv) 12. ..."));
    }

    #[test]
    fn lowercases_every_byte_as_std() {
        for b in 0..=255u8 {
            let mixed = [b, 0xc1, b'A', b'Z', b'@', b'[', 0xda, b];
            for bytes in [[b; 8], mixed] {
                let want = bytes.map(|b| b.to_ascii_lowercase());
                assert_eq!(ascii_lowercase(u64::from_le_bytes(bytes)), u64::from_le_bytes(want), "{bytes:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn hashes_as_hash_word(word in "\\PC{0,30}") {
            proptest::prop_assert_eq!(hash_word(word.as_bytes()), crate::hash::word(&word));
        }

        #[test]
        fn words_match_a_split_on_any_text(text in "[a-zA-Z0-9 .,()éİ½\u{2014}\n-]{0,80}|\\PC{0,40}") {
            proptest::prop_assert_eq!(hashed(&text), split_words(&text));
        }
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
