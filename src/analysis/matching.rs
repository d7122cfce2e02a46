//! Matching a client's clause to the closest standard clause, by the words they share.

use super::LibraryMatch;
use regex::{RegexSet, RegexSetBuilder};

use crate::hash::FxMap;
use crate::library::ClauseLibrary;
use crate::segment::Clause;
use crate::text::Normalised;

/// Below this similarity a clause is not said to match any standard clause.
const THRESHOLD: f32 = 0.2;
/// Added when one of the standard clause's own risk rules or cues fired in the client's clause.
const RULE_BONUS: f32 = 0.25;

/// Words too common in contracts to say which clause this is.
fn is_stop_word(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "any"
            | "are"
            | "for"
            | "from"
            | "has"
            | "have"
            | "into"
            | "its"
            | "such"
            | "that"
            | "the"
            | "this"
            | "under"
            | "which"
            | "with"
            | "will"
            | "shall"
            | "may"
            | "all"
            | "other"
            | "than"
            | "upon"
            | "each"
            | "their"
            | "agreement"
            | "party"
            | "parties"
            | "hereby"
            | "herein"
            | "including"
            | "without"
            | "limitation"
            | "not"
            | "agency"
            | "client"
    )
}

/// Term vectors of the standard clauses, built once per library.
pub struct LibraryVectors {
    vectors: Vec<(String, FxMap<u64, f32>, f32)>,
    /// Every clause's cue patterns in one set, and the library clause each belongs to.
    cues: Option<RegexSet>,
    cue_owners: Vec<usize>,
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
        let (sources, cue_owners): (Vec<&str>, Vec<usize>) =
            library.clauses.iter().enumerate().flat_map(|(i, c)| c.cues.iter().map(move |p| (p.regex().as_str(), i))).unzip();
        let cues = RegexSetBuilder::new(sources).size_limit(1 << 24).dfa_size_limit(1 << 24).build().ok();
        Self { vectors, cues, cue_owners }
    }

    /// The standard clause closest to `clause`, if any is close enough.
    pub fn best_match(&self, norm: &Normalised, clause: &Clause, fired: &[&str]) -> Option<LibraryMatch> {
        let text = clause_text(norm, clause);
        let v = terms(text);
        let n = length(&v);
        if n == 0.0 {
            return None;
        }
        let cued: Vec<usize> =
            self.cues.as_ref().map(|set| set.matches(text).into_iter().map(|k| self.cue_owners[k]).collect()).unwrap_or_default();
        self.vectors
            .iter()
            .enumerate()
            .map(|(i, (id, lib, lib_norm))| {
                let dot: f32 = v.iter().filter_map(|(t, w)| lib.get(t).map(|l| l * w)).sum();
                let cosine = if *lib_norm > 0.0 { dot / (n * lib_norm) } else { 0.0 };
                let bonus = if fired.contains(&id.as_str()) || cued.contains(&i) { RULE_BONUS } else { 0.0 };
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
fn terms(text: &str) -> FxMap<u64, f32> {
    let mut out: FxMap<u64, f32> = FxMap::default();
    let mut previous: Option<u64> = None;
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 2 && !is_stop_word(w)) {
        let h = crate::hash::word(stem(word));
        *out.entry(h).or_default() += 1.0;
        if let Some(p) = previous {
            *out.entry(crate::hash::combine(p, h)).or_default() += 1.5;
        }
        previous = Some(h);
    }
    out
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

fn length(v: &FxMap<u64, f32>) -> f32 {
    v.values().map(|x| x * x).sum::<f32>().sqrt()
}
