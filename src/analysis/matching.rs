//! Matching a client's clause to the closest standard clause, by the words they share.

use super::LibraryMatch;
use crate::hash::FxMap;
use crate::library::{ClauseLibrary, Pattern};
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

/// Term vectors of the standard clauses, built once per library, kept as postings: for each
/// term, the standard clauses using it, so scoring a clause costs one lookup per word.
pub struct LibraryVectors {
    ids: Vec<String>,
    lengths: Vec<f32>,
    postings: FxMap<u64, Vec<(usize, f32)>>,
    /// Each standard clause's cues as one pattern (any cue), with the clause's position.
    cues: Vec<(usize, Pattern)>,
}

impl LibraryVectors {
    pub fn new(library: &ClauseLibrary) -> Self {
        let mut postings: FxMap<u64, Vec<(usize, f32)>> = FxMap::default();
        let mut lengths = Vec::new();
        for (i, c) in library.clauses.iter().enumerate() {
            let text = format!("{} {} {} {}", c.title, c.standard_text, c.keywords.join(" "), c.keywords.join(" "));
            let v = terms(&Normalised::new(&text).text);
            lengths.push(length(&v));
            for (term, weight) in v {
                postings.entry(term).or_default().push((i, weight));
            }
        }
        // One search a clause for all of a standard clause's cues, not one per cue.
        let cues = library
            .clauses
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.cues.is_empty())
            .filter_map(|(i, c)| {
                let any = crate::library::pattern::syntax::any_of(c.cues.iter().map(Pattern::source));
                Pattern::new(&any).ok().map(|p| (i, p))
            })
            .collect();
        Self { ids: library.clauses.iter().map(|c| c.id.clone()).collect(), lengths, postings, cues }
    }

    /// Each standard clause's cues as one pattern, with the clause's position in the library.
    pub fn cues(&self) -> &[(usize, Pattern)] {
        &self.cues
    }

    /// The cosine similarity of a clause (its normalised `text`) to each standard clause;
    /// empty for a clause without a content word.
    pub fn similarity(&self, text: &str) -> Vec<f32> {
        let v = terms(text);
        let n = length(&v);
        if n == 0.0 {
            return Vec::new();
        }
        let mut dots = vec![0.0f32; self.ids.len()];
        for (term, w) in &v {
            for &(i, l) in self.postings.get(term).map_or(&[][..], Vec::as_slice) {
                dots[i] += l * w;
            }
        }
        for (dot, lib_length) in dots.iter_mut().zip(&self.lengths) {
            *dot = if *lib_length > 0.0 { *dot / (n * lib_length) } else { 0.0 };
        }
        dots
    }

    /// The standard clause closest to a clause, given its `similarity` to each, if any is close
    /// enough. `boosted` are the library clauses whose own rules or cues fired in it.
    pub fn best_match(&self, similarity: &[f32], boosted: &[usize]) -> Option<LibraryMatch> {
        similarity
            .iter()
            .enumerate()
            .map(|(i, cosine)| {
                let bonus = if boosted.contains(&i) { RULE_BONUS } else { 0.0 };
                (i, (cosine + bonus).min(1.0))
            })
            .filter(|(_, s)| *s >= THRESHOLD)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, score)| LibraryMatch { id: self.ids[i].clone(), score: (score * 1000.0).round() / 1000.0 })
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_clause_cues_compile_as_one_pattern() {
        let library = ClauseLibrary::embedded();
        let vectors = LibraryVectors::new(&library);
        let with_cues = library.clauses.iter().filter(|c| !c.cues.is_empty()).count();
        assert_eq!(vectors.cues().len(), with_cues);
        for (owner, cues) in vectors.cues() {
            assert!(cues.compile().is_ok(), "{}", library.clauses[*owner].id);
        }
        let (_, ip) = vectors.cues().iter().find(|(i, _)| library.clauses[*i].id == "ip-assignment").expect("ip-assignment has cues");
        assert!(ip.is_match("the work shall vest in the client upon delivery"));
        assert!(!ip.is_match("the fees are due monthly"));
    }

    #[test]
    fn a_clause_is_closest_to_the_standard_clause_it_shares_words_with() {
        let library = ClauseLibrary::embedded();
        let vectors = LibraryVectors::new(&library);
        let text = Normalised::new(
            "Provider may use the general skills, know-how and experience retained in the unaided memory of its personnel (residuals).",
        )
        .text;
        let best = vectors.best_match(&vectors.similarity(&text), &[]).expect("a match");
        assert_eq!(best.id, "residuals");
        assert!(vectors.similarity("").is_empty());
        assert_eq!(vectors.best_match(&[], &[0]), None, "no content words, no match, even with a bonus");
    }
}
