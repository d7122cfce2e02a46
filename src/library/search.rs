//! Finding standard clauses by what a user asks in their own words ("why do you need a
//! residuals clause?"): the question's words are matched against each clause's title,
//! keywords, reason and fallbacks, ignoring case, punctuation and common words, best first.

use super::{ClauseLibrary, StandardClause};

/// Words too common to say what a question is about.
const STOP_WORDS: &[&str] = &[
    "a", "about", "an", "and", "any", "are", "as", "at", "be", "by", "can", "clause", "clauses", "do", "does", "for", "from", "how", "i",
    "if", "in", "is", "it", "its", "me", "my", "need", "of", "on", "or", "our", "should", "so", "that", "the", "their", "them", "this",
    "to", "us", "we", "what", "when", "where", "which", "who", "why", "will", "with", "would", "you", "your",
];

/// The words of `text` that carry meaning: lower case, split at anything not a letter or
/// digit, common words dropped, a plural's `s` dropped so "residuals" finds "residual".
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(&w.as_str()))
        .map(|w| match w.strip_suffix('s') {
            Some(stem) if stem.chars().count() > 2 && !stem.ends_with('s') => stem.to_owned(),
            _ => w,
        })
        .collect()
}

/// Where a word is found counts for more the closer it is to what the clause is about.
fn fields(clause: &StandardClause) -> [(u32, String); 4] {
    let fallbacks = clause.fallbacks.iter().flat_map(|f| [f.talking_point.as_str(), f.text.as_str()]);
    [
        (8, format!("{} {}", clause.title, clause.id)),
        (4, clause.keywords.join(" ")),
        (2, clause.why_it_matters.clone()),
        (1, fallbacks.chain([clause.standard_text.as_str()]).collect::<Vec<_>>().join(" ")),
    ]
}

impl ClauseLibrary {
    /// The indices of the clauses that share a word with `query`, best match first (more of
    /// the query's words, in weightier places); ties keep library order. Empty when the query
    /// has no meaningful word or nothing matches.
    pub fn search(&self, query: &str) -> Vec<usize> {
        let mut wanted = words(query);
        wanted.sort();
        wanted.dedup();
        let mut scored: Vec<(u32, usize)> = self
            .clauses
            .iter()
            .enumerate()
            .filter_map(|(i, clause)| {
                let fields = fields(clause).map(|(weight, text)| (weight, words(&text)));
                let score: u32 = wanted
                    .iter()
                    .map(|w| fields.iter().filter(|(_, found)| found.contains(w)).map(|(weight, _)| *weight).max().unwrap_or(0))
                    .sum();
                (score > 0).then_some((score, i))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().map(|(_, i)| i).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_ignore_case_punctuation_common_words_and_plurals() {
        assert_eq!(words("Why do you need a Residuals clause?"), ["residual"]);
        assert_eq!(words("pre-existing tools, frameworks"), ["pre", "existing", "tool", "framework"]);
        assert_eq!(words("process access"), ["process", "access"], "a double s is not a plural");
    }

    #[test]
    fn the_embedded_library_answers_the_readmes_question() {
        let library = ClauseLibrary::embedded();
        let found = library.search("why do you need a residuals clause?");
        let first = found.first().map(|&i| library.clauses[i].id.as_str());
        assert_eq!(first, Some("residuals"));
        assert!(library.search("why do you need it?").is_empty(), "only common words");
        assert!(library.search("zebra").is_empty());
    }
}
