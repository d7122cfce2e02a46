//! Finding a clause by the number a person types ("4.1", "§4.1", "Section 7", "IV", "4.1(a)").
//! Drafts often number only the last level ("1." nested under "2." in a Markdown list, "(a)"
//! under "4.1"), so every clause also gets its full path ("2.1", "4.1(a)") from its indentation
//! and the numbers above it; either form finds it.

use crate::segment::Clause;

/// Why a typed clause number names no single clause.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClauseNumberError {
    #[error("the draft has no numbered clauses")]
    NoNumbers,
    #[error("no clause numbered {wanted:?}; {}", nearby_list(nearby))]
    NotFound { wanted: String, nearby: Vec<String> },
    #[error("clause number {wanted:?} is used {} times: {}", candidates.len(), candidates.join(", "))]
    Ambiguous { wanted: String, candidates: Vec<String> },
}

fn nearby_list(nearby: &[String]) -> String {
    if nearby.is_empty() { "the draft numbers its clauses differently".to_owned() } else { format!("nearby: {}", nearby.join(", ")) }
}

/// Words people put before a number that the clause number itself does not carry.
const PREFIXES: &[&str] = &["§", "section", "sec.", "clause", "article", "art.", "paragraph", "para."];
/// How many numbers an error lists at most.
const MAX_NEARBY: usize = 24;

/// The index in `clauses` (segmented from `text`) of the clause numbered `wanted`, by its full
/// path or by its number as written.
pub fn clause_by_number(text: &str, clauses: &[Clause], wanted: &str) -> Result<usize, ClauseNumberError> {
    let wanted = tidy(wanted);
    if !clauses.iter().any(|c| c.number.is_some()) {
        return Err(ClauseNumberError::NoNumbers);
    }
    let paths = clause_paths(text, clauses);
    let by_path = matching(clauses.len(), |i| paths[i].as_deref(), &wanted);
    let found = if by_path.is_empty() { matching(clauses.len(), |i| clauses[i].number.as_deref(), &wanted) } else { by_path };
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(ClauseNumberError::NotFound { nearby: nearby(&paths, &wanted), wanted }),
        many => {
            let candidates = many
                .iter()
                .map(|&i| {
                    let path = paths[i].as_deref().unwrap_or_default();
                    let label = crate::text::one_line(&clauses[i].label());
                    if path == wanted { format!("{label} (¶{})", i + 1) } else { format!("{label} (as {})", crate::text::one_line(path)) }
                })
                .collect();
            Err(ClauseNumberError::Ambiguous { wanted, candidates })
        }
    }
}

/// Each numbered clause's full number: its own when already dotted or compound ("4.1",
/// "2(a)"), else its parent's path joined to it ("2" + "1" = "2.1", "4.1" + "a" = "4.1(a)").
/// The parent is the nearest numbered clause above that is less indented, or as indented but
/// numbered in digits where this one is in lower-case letters (a list "(a)" under "4.1"; an
/// "ARTICLE IV" after "4.2" is not under it).
pub fn clause_paths(text: &str, clauses: &[Clause]) -> Vec<Option<String>> {
    let indents: Vec<usize> = clauses.iter().map(|c| indentation(text, c)).collect();
    let mut paths: Vec<Option<String>> = Vec::with_capacity(clauses.len());
    for (i, clause) in clauses.iter().enumerate() {
        let Some(number) = clause.number.as_deref() else {
            paths.push(None);
            continue;
        };
        let simple = number.chars().all(char::is_alphanumeric);
        let digits = |n: &str| n.starts_with(|c: char| c.is_ascii_digit());
        let lower = |n: &str| n.starts_with(|c: char| c.is_lowercase());
        let parent = (0..i).rev().find(|&j| {
            clauses[j]
                .number
                .as_deref()
                .is_some_and(|p| indents[j] < indents[i] || (indents[j] == indents[i] && digits(p) && lower(number)))
        });
        let path = match (simple, parent.and_then(|j| paths[j].as_deref())) {
            (true, Some(p)) if digits(number) => format!("{p}.{number}"),
            (true, Some(p)) => format!("{p}({number})"),
            _ => number.to_owned(),
        };
        paths.push(Some(path));
    }
    paths
}

/// Leading spaces of the line a clause's text starts on (a tab counts 4). The clause itself
/// may start after them, at its number.
fn indentation(text: &str, clause: &Clause) -> usize {
    let body = text.get(clause.start..clause.end).unwrap_or_default();
    let first = clause.start + body.len() - body.trim_start().len();
    let before = text.get(..first).unwrap_or_default();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    before[line_start..].chars().take_while(|c| matches!(c, ' ' | '\t')).map(|c| if c == '\t' { 4 } else { 1 }).sum()
}

/// "§ 4.1." -> "4.1"; "(a)" -> "a"; "4.1 (a)" -> "4.1(a)".
fn tidy(wanted: &str) -> String {
    let mut w = wanted.trim();
    for prefix in PREFIXES {
        if w.len() > prefix.len() && w.is_char_boundary(prefix.len()) && w[..prefix.len()].eq_ignore_ascii_case(prefix) {
            w = w[prefix.len()..].trim_start();
        }
    }
    let w: String = w.trim_end_matches(['.', ':']).chars().filter(|c| !c.is_whitespace()).collect();
    match w.strip_prefix('(').and_then(|x| x.strip_suffix(')')).filter(|x| !x.contains(['(', ')'])) {
        Some(inner) => inner.to_owned(),
        None => w,
    }
}

/// Indices whose key equals `wanted`: exactly if any, else ignoring case ("iv" for "IV").
fn matching<'a>(len: usize, key: impl Fn(usize) -> Option<&'a str>, wanted: &str) -> Vec<usize> {
    let exact: Vec<usize> = (0..len).filter(|&i| key(i) == Some(wanted)).collect();
    if !exact.is_empty() {
        return exact;
    }
    (0..len).filter(|&i| key(i).is_some_and(|k| k.eq_ignore_ascii_case(wanted))).collect()
}

/// Paths sharing the wanted number's first part ("4.7" -> 4, 4.1, 4.2 ...), else the first ones.
fn nearby(paths: &[Option<String>], wanted: &str) -> Vec<String> {
    let head = |n: &str| n.split(['.', '(']).next().unwrap_or(n).to_ascii_lowercase();
    let mut all: Vec<&str> = Vec::new();
    for p in paths.iter().flatten() {
        if !all.contains(&p.as_str()) {
            all.push(p);
        }
    }
    let wanted_head = head(wanted);
    let near: Vec<&str> = all.iter().copied().filter(|n| head(n) == wanted_head).collect();
    let near = if near.is_empty() { all } else { near };
    let mut list: Vec<String> = near.iter().take(MAX_NEARBY).map(|n| crate::text::one_line(n)).collect();
    if near.len() > MAX_NEARBY {
        list.push("…".to_owned());
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    const TEXT: &str = "1. Services. Agency provides them.\n\n4. Ownership.\n4.1 All deliverables.\n(a) first item;\n(b) second item.\n4.2 Licence.\n(a) other first item;\n\nARTICLE IV\nGENERAL\n";
    const NESTED: &str =
        "1. Services\n    1. Providing. Foo.\n    2. Cooperation. Bar.\n2. IP\n    1. Deliverables. Baz.\n    2. Licence. Qux.\n";

    fn number(text: &str, wanted: &str) -> Result<String, ClauseNumberError> {
        let clauses = segment(text, text);
        clause_by_number(text, &clauses, wanted).map(|i| text[clauses[i].start..clauses[i].end].trim().to_owned())
    }

    #[test]
    fn typed_forms_find_the_clause() {
        for typed in ["4.1", "§4.1", "§ 4.1", "Section 4.1", "4.1.", " 4.1 "] {
            assert!(number(TEXT, typed).unwrap().starts_with("4.1 All"), "{typed}");
        }
        assert!(number(TEXT, "iv").unwrap().starts_with("ARTICLE IV"));
        let clauses = segment(TEXT, TEXT);
        assert_eq!(clause_paths(TEXT, &clauses).last().unwrap().as_deref(), Some("IV"));
        assert!(number(TEXT, "(b)").unwrap().starts_with("(b) second"));
        assert!(number(TEXT, "4.2(a)").unwrap().contains("other first item"));
        assert!(number(TEXT, "4.2 (a)").unwrap().contains("other first item"));
    }

    #[test]
    fn nested_lists_are_numbered_by_their_path() {
        assert!(number(NESTED, "2.1").unwrap().starts_with("1. Deliverables"));
        assert!(number(NESTED, "1.2").unwrap().starts_with("2. Cooperation"));
        assert!(number(NESTED, "2").unwrap().starts_with("2. IP"));
    }

    #[test]
    fn repeated_numbers_say_how_to_name_them() {
        let err = number(TEXT, "a").unwrap_err();
        assert!(matches!(&err, ClauseNumberError::Ambiguous { candidates, .. } if candidates.len() == 2), "{err}");
        assert!(err.to_string().contains("(as 4.1(a))") && err.to_string().contains("(as 4.2(a))"), "{err}");
    }

    #[test]
    fn missing_numbers_list_nearby_ones() {
        let err = number(TEXT, "4.7").unwrap_err().to_string();
        assert!(err.contains("nearby: 4, 4.1, 4.1(a), 4.1(b), 4.2, 4.2(a)"), "{err}");
        let err = number(NESTED, "2.9").unwrap_err().to_string();
        assert!(err.contains("nearby: 2, 2.1, 2.2"), "{err}");
        assert_eq!(number("Just a paragraph.\n", "1"), Err(ClauseNumberError::NoNumbers));
    }
}
