//! Finding a clause again in a later draft. Counsel renumber, insert and reword clauses between
//! rounds; a decision or note must still land on the clause it was about, or on none at all.

use std::collections::HashSet;

use super::ClauseAnchor;
use crate::segment::Clause;
use crate::text::{Normalised, floor_char};

/// Words kept in an anchor's fingerprint.
const FINGERPRINT_WORDS: usize = 20;
/// Words of a candidate clause compared with a fingerprint, so a few words inserted at the
/// start of a clause do not push its old opening out of reach.
const CANDIDATE_WORDS: usize = 40;
/// Bytes of a clause read to find its first words; far more than 40 words need.
const PREFIX_BYTES: usize = 2000;
/// Share of the fingerprint's word pairs a reworded clause must still contain to count as the
/// same clause. Pairs, not single words, so shared boilerplate ("the", "client", "shall") alone
/// never matches.
const SIMILAR: f64 = 0.5;
/// Fingerprints shorter than this are too generic to match by similarity.
const MIN_SIMILAR_WORDS: usize = 4;

/// Words that introduce a number ("Section 4", "Article IV") rather than say anything.
const NUMBER_WORDS: &[&str] = &["section", "article", "clause", "schedule", "exhibit", "annex", "appendix"];

impl ClauseAnchor {
    /// The anchor of clause `clause` of `text`: the text segmentation ran on
    /// (`Document::analysed`, so Markdown and HTML markup stay out of the fingerprint).
    pub fn of(text: &str, clause: &Clause) -> ClauseAnchor {
        let words = opening_words(text, clause, FINGERPRINT_WORDS);
        ClauseAnchor { number: clause.number.clone(), heading: clause.heading.clone(), fingerprint: words.join(" ") }
    }

    /// The anchor of `clauses[index]`, numbered by its full path ("2.1" for a "1." nested under
    /// "2."; see `clause_paths`), which is how the user reads and types it.
    pub fn at(text: &str, clauses: &[Clause], index: usize) -> ClauseAnchor {
        let mut anchor = ClauseAnchor::of(text, &clauses[index]);
        if let Some(path) = super::clause_paths(text, clauses).swap_remove(index) {
            anchor.number = Some(path);
        }
        anchor
    }

    /// The index in `clauses` (of `text`) of the clause this anchor belongs to: the clause with
    /// the same fingerprint, else the one whose opening still holds most of the fingerprint's
    /// word pairs (at least half), else the one with the same number and heading; None when
    /// nothing fits, rather than a wrong clause.
    pub fn locate(&self, text: &str, clauses: &[Clause]) -> Option<usize> {
        let paths = super::clause_paths(text, clauses);
        let same_number = |i: usize| clauses[i].number == self.number || (self.number.is_some() && paths[i] == self.number);
        let same_label = |i: usize| same_number(i) && eq_heading(clauses[i].heading.as_deref(), self.heading.as_deref());
        let openings: Vec<Vec<String>> = clauses.iter().map(|c| opening_words(text, c, CANDIDATE_WORDS)).collect();
        if !self.fingerprint.is_empty() {
            let exact: Vec<usize> = (0..clauses.len())
                .filter(|&i| openings[i].iter().take(FINGERPRINT_WORDS).map(String::as_str).eq(self.fingerprint.split(' ')))
                .collect();
            if let Some(&i) = exact.iter().find(|&&i| same_label(i)).or(exact.first()) {
                return Some(i);
            }
        }
        let words: Vec<&str> = self.fingerprint.split_whitespace().collect();
        if words.len() >= MIN_SIMILAR_WORDS {
            let best = (0..clauses.len())
                .map(|i| (pair_containment(&words, &openings[i]), same_label(i), i))
                .filter(|&(score, _, _)| score >= SIMILAR)
                // Highest score; then the same label; then the earliest clause.
                .max_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(b.2.cmp(&a.2)));
            if let Some((_, _, i)) = best {
                return Some(i);
            }
        }
        if self.number.is_none() && self.heading.is_none() {
            return None;
        }
        (0..clauses.len()).find(|&i| same_label(i))
    }

    /// How well `other` stands for the same clause as `self`, when both are anchors (no text
    /// at hand): 3 for the same fingerprint, 1 + similarity (1..2) for a similar one, 1 for the
    /// same number and heading only; None when they are different clauses.
    pub fn affinity(&self, other: &ClauseAnchor) -> Option<f64> {
        if !self.fingerprint.is_empty() && self.fingerprint == other.fingerprint {
            return Some(3.0);
        }
        let mine: Vec<&str> = self.fingerprint.split_whitespace().collect();
        let theirs: Vec<&str> = other.fingerprint.split_whitespace().collect();
        if mine.len() >= MIN_SIMILAR_WORDS && theirs.len() >= MIN_SIMILAR_WORDS {
            let score = pair_containment(&mine, &theirs).min(pair_containment(&theirs, &mine));
            if score >= SIMILAR {
                return Some(1.0 + score);
            }
        }
        let labelled = self.number.is_some() || self.heading.is_some();
        (labelled && self.number == other.number && eq_heading(self.heading.as_deref(), other.heading.as_deref())).then_some(1.0)
    }

    /// "§4.1 Ownership" as the clause was numbered when the anchor was taken, or its opening
    /// words in quotes for an unnumbered, untitled paragraph.
    pub fn label(&self) -> String {
        let heading = self.heading.as_deref().map(crate::text::one_line);
        match (&self.number, heading) {
            (Some(n), Some(h)) => format!("§{} {h}", crate::text::one_line(n)),
            (Some(n), None) => format!("§{}", crate::text::one_line(n)),
            (None, Some(h)) => h,
            (None, None) => {
                let words: Vec<&str> = self.fingerprint.split(' ').take(6).collect();
                let more = if self.fingerprint.split(' ').count() > 6 { " …" } else { "" };
                format!("\u{201c}{}{more}\u{201d}", crate::text::one_line(&words.join(" ")))
            }
        }
    }
}

fn eq_heading(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.to_lowercase() == b.to_lowercase(),
        (None, None) => true,
        _ => false,
    }
}

/// The first `max` words of a clause, lower case, letters only, without its number: digits
/// and punctuation are separators, so renumbered cross-references ("Section 4.2") and a
/// changed clause number do not change the words.
fn opening_words(text: &str, clause: &Clause, max: usize) -> Vec<String> {
    let start = floor_char(text, clause.start.min(text.len()));
    let end = floor_char(text, clause.end.min(text.len()).min(start.saturating_add(PREFIX_BYTES))).max(start);
    let normalised = Normalised::new(&without_tags(&text[start..end]));
    let mut words = normalised.text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).peekable();
    if let Some(number) = &clause.number {
        if words.peek().is_some_and(|w| NUMBER_WORDS.contains(w)) {
            words.next();
        }
        let letters: String = number.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
        if !letters.is_empty() && words.peek().is_some_and(|w| **w == letters) {
            words.next();
        }
    }
    words.take(max).map(str::to_owned).collect()
}

/// `text` with HTML tags (`<span class="x">`, `</span>`) blanked, so an anchor taken from a
/// Markdown draft's raw text equals one taken from its analysed text.
fn without_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        if let Some(j) = after.find('>').filter(|&j| tag && j < 400 && !after[..j].contains('<')) {
            out.push(' ');
            rest = &after[j + 1..];
        } else {
            out.push('<');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The share of `needle`'s adjacent word pairs found anywhere in `haystack`.
fn pair_containment<N: AsRef<str>, H: AsRef<str>>(needle: &[N], haystack: &[H]) -> f64 {
    let pairs: Vec<(&str, &str)> = needle.windows(2).map(|w| (w[0].as_ref(), w[1].as_ref())).collect();
    if pairs.is_empty() {
        return 0.0;
    }
    let have: HashSet<(&str, &str)> = haystack.windows(2).map(|w| (w[0].as_ref(), w[1].as_ref())).collect();
    pairs.iter().filter(|p| have.contains(p)).count() as f64 / pairs.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    #[test]
    fn fingerprint_leaves_out_the_number() {
        let a = "4.1 Ownership. All Deliverables belong to Client upon full payment.\n";
        let b = "Section 7 Ownership. All Deliverables belong to Client upon full payment.\n";
        let fa = ClauseAnchor::of(a, &segment(a, a)[0]);
        let fb = ClauseAnchor::of(b, &segment(b, b)[0]);
        assert_eq!(fa.fingerprint, "ownership all deliverables belong to client upon full payment");
        assert_eq!(fa.fingerprint, fb.fingerprint);
        assert_eq!(fa.label(), "§4.1 Ownership");
    }

    #[test]
    fn markup_stays_out_of_the_fingerprint() {
        let raw = "1. <span class=\"header_3\">Deliverables.</span> Provider assigns the <b>Deliverables</b> if a < b.\n";
        let plain = "1. Deliverables. Provider assigns the Deliverables if a < b.\n";
        let fa = ClauseAnchor::of(raw, &segment(raw, raw)[0]);
        assert_eq!(fa.fingerprint, ClauseAnchor::of(plain, &segment(plain, plain)[0]).fingerprint);
        assert_eq!(fa.fingerprint, "deliverables provider assigns the deliverables if a b");
    }

    #[test]
    fn similar_wording_is_found_and_unrelated_is_not() {
        let old = "1. Ownership. All work product created during the engagement shall be owned by Client exclusively and forever.\n";
        let new = "1. Fees. Client pays monthly.\n\n2. Ownership. Subject to payment, all work product created during the engagement shall be owned by Client.\n";
        let anchor = ClauseAnchor::of(old, &segment(old, old)[0]);
        let clauses = segment(new, new);
        assert_eq!(anchor.locate(new, &clauses), Some(1));
        let unrelated = "1. Fees. Client pays monthly.\n\n2. Term. This agreement lasts a year.\n";
        let anchor = ClauseAnchor { number: Some("9".into()), heading: None, fingerprint: anchor.fingerprint };
        assert_eq!(anchor.locate(unrelated, &segment(unrelated, unrelated)), None);
    }

    #[test]
    fn affinity_prefers_exact_then_similar_then_label() {
        let a = ClauseAnchor {
            number: Some("3".into()),
            heading: Some("Ownership".into()),
            fingerprint: "all work product created during the engagement is owned by client".into(),
        };
        let similar = ClauseAnchor {
            fingerprint: "subject to payment all work product created during the engagement is owned by client".into(),
            ..a.clone()
        };
        let label = ClauseAnchor { fingerprint: "entirely different words here now".into(), ..a.clone() };
        let other = ClauseAnchor { number: Some("4".into()), ..label.clone() };
        assert_eq!(a.affinity(&a), Some(3.0));
        assert!(a.affinity(&similar).is_some_and(|s| s > 1.0 && s < 3.0));
        assert_eq!(a.affinity(&label), Some(1.0));
        assert_eq!(a.affinity(&other), None);
    }
}
