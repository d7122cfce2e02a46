//! Work-made-for-hire statements edited in their own words, along the library's narrow-scope
//! rung ("Only the Deliverables ..., excluding any Agency IP they incorporate, shall be deemed
//! works made for hire"): what is made "within the scope of employment" or "in the course of"
//! the work narrowed to what is made specifically for the client, and the agency's own
//! materials carved out before the verb. The statement keeps its function: what it covers is
//! still a work made for hire.

use std::sync::LazyLock;

use regex::Regex;

use super::{Edit, EditKind, Words, carve_out};
use crate::library::Concern;

/// The statement: "are works made for hire", "shall be deemed a "work made for hire"".
static HIRE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)\b(?:are|is|shall\s+be|will\s+be)\s+(?:deemed\s+|considered\s+)?(?:to\s+be\s+)?(?:an?\s+)?["\u{201c}]?works?\s+made\s+for\s+hire"#,
    )
    .expect("static regex")
});

/// What the subject says is made and how it is tied to the engagement: "prepared within the
/// scope of employment", "created in the course of the Services".
static MADE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\b(?:prepared|created|developed|made|authored|produced|written)\b[^,.;]*?
        (?P<link>\b(?:within\s+the\s+scope\s+of|in\s+the\s+course\s+of|during|in\s+connection\s+with|arising\s+(?:out\s+of|from)|(?:related|relating)\s+to)\b)",
    )
    .expect("static regex")
});

/// Whether `sentence` states that works are made for hire.
pub(super) fn states(sentence: &str) -> bool {
    HIRE.is_match(sentence)
}

/// The edits of a work-made-for-hire statement for the concerns found in it, in order: the
/// subject narrowed (broad-work-product), the agency's materials carved out after it
/// (work-made-for-hire). Empty when the sentence states nothing of the kind, or already keeps
/// something back.
pub(super) fn edits(sentence: &str, concerns: &[Concern], words: &Words<'_>) -> Vec<Edit> {
    let Some(verb) = HIRE.find(sentence) else { return Vec::new() };
    let subject = &sentence[..verb.start()];
    let mut out = Vec::new();
    if concerns.contains(&Concern::BroadWorkProduct)
        && !subject.contains("specifically")
        && let Some(made) = MADE.captures(subject)
        && let (Some(all), Some(link)) = (made.get(0), made.name("link"))
    {
        // Where the redline narrows the draft's own term for what passes, the subject names
        // it: "copyrightable ~~works prepared within the scope of employment~~ Covered
        // Inventions".
        let noun = subject[..all.start()].trim_end().rfind(char::is_whitespace).map_or(0, |i| i + 1);
        match words.narrowed {
            Some(term) if noun < all.start() => {
                let end = subject.trim_end().len();
                out.push(Edit::new(noun..end, term.to_owned(), &[Concern::BroadWorkProduct], EditKind::Narrowed));
            }
            _ => {
                let at = subject[..link.start()].trim_end().len();
                out.push(Edit::new(at..at, " specifically for Client".into(), &[Concern::BroadWorkProduct], EditKind::Narrowed));
            }
        }
    }
    if concerns.contains(&Concern::WorkMadeForHire) && !super::KEPT_OR_CLAIMED.is_match(sentence) {
        let at = subject.trim_end().len();
        let carved = carve_out(&[Concern::WorkMadeForHire], words);
        out.push(Edit::new(at..at, format!("{carved},"), &[Concern::WorkMadeForHire], EditKind::CarvedOut));
    }
    super::merged(out)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{apply, words};
    use super::*;

    #[test]
    fn a_work_made_for_hire_statement_is_narrowed_and_carved_out() {
        let s = "To the extent legally permitted, copyrightable works prepared within the scope of employment are works made for hire for Company.";
        let both = [Concern::BroadWorkProduct, Concern::WorkMadeForHire];
        assert_eq!(
            apply(s, &edits(s, &both, &words())),
            "To the extent legally permitted, copyrightable works prepared specifically for Client within the scope of employment, excluding Agency IP, are works made for hire for Company."
        );
        // Where the redline narrows the draft's term for what passes, the subject names it.
        let narrowed = Words { narrowed: Some("Covered Inventions"), ..words() };
        assert_eq!(
            apply(s, &edits(s, &both, &narrowed)),
            "To the extent legally permitted, copyrightable Covered Inventions, excluding Agency IP, are works made for hire for Company."
        );
        assert!(states(s) && !states("Employee hereby assigns those rights."));
        let kept = "All works, other than Pre-Existing Materials, are works made for hire.";
        assert!(edits(kept, &[Concern::WorkMadeForHire], &words()).is_empty());
    }
}
