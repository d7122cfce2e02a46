//! Matching a client's clause to the closest standard clause, by the words they share.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use super::LibraryMatch;
use crate::library::ClauseLibrary;
use crate::segment::Clause;
use crate::text::Normalised;

/// Below this similarity a clause is not said to match any standard clause.
const THRESHOLD: f32 = 0.2;
/// Added when one of the standard clause's own risk rules fired in the client's clause.
const RULE_BONUS: f32 = 0.25;

const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "by",
    "for",
    "from",
    "has",
    "have",
    "in",
    "into",
    "is",
    "it",
    "its",
    "of",
    "on",
    "or",
    "such",
    "that",
    "the",
    "this",
    "to",
    "under",
    "which",
    "with",
    "will",
    "shall",
    "may",
    "all",
    "other",
    "than",
    "upon",
    "each",
    "their",
    "agreement",
    "party",
    "parties",
    "hereby",
    "herein",
    "including",
    "without",
    "limitation",
    "not",
    "no",
    "so",
    "if",
    "agency",
    "client",
];

/// Term vectors of the standard clauses, built once per library.
pub struct LibraryVectors {
    vectors: Vec<(String, HashMap<u64, f32, Fx>, f32)>,
}

impl LibraryVectors {
    pub fn new(library: &ClauseLibrary) -> Self {
        let vectors = library
            .clauses
            .iter()
            .map(|c| {
                let text = format!("{} {} {} {}", c.title, c.standard_text, c.keywords.join(" "), c.keywords.join(" "));
                let v = terms(&Normalised::new(&text).text);
                let norm = length(&v);
                (c.id.clone(), v, norm)
            })
            .collect();
        Self { vectors }
    }

    /// The standard clause closest to `clause`, if any is close enough.
    pub fn best_match(&self, norm: &Normalised, clause: &Clause, fired: &[&str]) -> Option<LibraryMatch> {
        let text = clause_text(norm, clause);
        let v = terms(text);
        let n = length(&v);
        if n == 0.0 {
            return None;
        }
        self.vectors
            .iter()
            .map(|(id, lib, lib_norm)| {
                let dot: f32 = v.iter().filter_map(|(t, w)| lib.get(t).map(|l| l * w)).sum();
                let cosine = if *lib_norm > 0.0 { dot / (n * lib_norm) } else { 0.0 };
                let bonus = if fired.contains(&id.as_str()) { RULE_BONUS } else { 0.0 };
                (id, (cosine + bonus).min(1.0))
            })
            .filter(|(_, s)| *s >= THRESHOLD)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(id, score)| LibraryMatch { id: id.clone(), score: (score * 1000.0).round() / 1000.0 })
    }
}

/// The part of the normalised text that lies in `clause` (found by the offset map).
fn clause_text<'a>(norm: &'a Normalised, clause: &Clause) -> &'a str {
    let lo = norm.text.len().min(partition(norm, clause.start));
    let hi = norm.text.len().min(partition(norm, clause.end));
    &norm.text[crate::text::floor_char(&norm.text, lo)..crate::text::floor_char(&norm.text, hi)]
}

fn partition(norm: &Normalised, original: usize) -> usize {
    let (mut lo, mut hi) = (0, norm.text.len());
    while lo < hi {
        let mid = usize::midpoint(lo, hi);
        if norm.original_range(mid, mid + 1).0 < original {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// Unigrams (crudely stemmed) and bigrams of content words, weighted by count; terms are
/// hashed, so nothing is allocated per word.
fn terms(text: &str) -> HashMap<u64, f32, Fx> {
    let mut out: HashMap<u64, f32, Fx> = HashMap::default();
    let mut previous: Option<u64> = None;
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 2 && !STOP_WORDS.contains(w)) {
        let h = hash(&(stem(word), 0u8));
        *out.entry(h).or_default() += 1.0;
        if let Some(p) = previous {
            *out.entry(hash(&(p, h))).or_default() += 1.5;
        }
        previous = Some(h);
    }
    out
}

fn hash(value: &impl Hash) -> u64 {
    let mut h = FxHasher::default();
    value.hash(&mut h);
    h.finish()
}

/// A fast, non-cryptographic hasher (the Fx hash used inside rustc): terms are not
/// attacker-chosen keys here, they are only counted.
#[derive(Default)]
struct FxHasher(u64);

type Fx = BuildHasherDefault<FxHasher>;

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

fn stem(w: &str) -> &str {
    let w = w.trim_end_matches('s');
    for suffix in ["ation", "ing", "ment", "ed", "ive", "al"] {
        if let Some(s) = w.strip_suffix(suffix).filter(|s| s.len() >= 4) {
            return s;
        }
    }
    w
}

fn length(v: &HashMap<u64, f32, Fx>) -> f32 {
    v.values().map(|x| x * x).sum::<f32>().sqrt()
}
