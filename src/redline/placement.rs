//! Where a missing protection goes and what number it takes: after the draft's IP section (the
//! run of clauses that follows the clause matched to an ownership or agency-IP standard), numbered
//! as the next sibling in that sequence, so the counter-proposal reads like the client's draft.

use crate::analysis::AnalysedClause;
use crate::library::Category;

/// Where new clauses go and how the first one is numbered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// The clause the new clauses follow (its last paragraph is the insertion point).
    pub after: usize,
    /// The clause whose paragraph layout the new clause copies (the last sibling at its level).
    pub template: usize,
    /// The first new clause's number, or None when the draft around it is unnumbered.
    pub number: Option<Number>,
}

/// A clause number the tool can count on from: "7.4", "7A".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Number {
    Dotted(Vec<u32>),
    /// A top-level number with a letter suffix, the convention for a section inserted without
    /// renumbering the rest ("7A" after 7).
    Suffixed(u32, char),
}

impl Number {
    pub fn label(&self) -> String {
        match self {
            Number::Dotted(parts) => parts.iter().map(u32::to_string).collect::<Vec<_>>().join("."),
            Number::Suffixed(n, c) => format!("{n}{c}"),
        }
    }

    /// The number after this one, for a second new clause at the same place.
    pub fn next(&self) -> Number {
        match self {
            Number::Dotted(parts) => {
                let mut p = parts.clone();
                if let Some(last) = p.last_mut() {
                    *last += 1;
                }
                Number::Dotted(p)
            }
            Number::Suffixed(n, c) => Number::Suffixed(*n, next_letter(*c)),
        }
    }
}

fn next_letter(c: char) -> char {
    match c {
        'z' | 'Z' => c,
        c => char::from_u32(c as u32 + 1).unwrap_or(c),
    }
}

fn dotted(number: Option<&str>) -> Option<Vec<u32>> {
    let n = number?;
    n.split('.').map(|p| p.parse::<u32>().ok()).collect::<Option<Vec<u32>>>().filter(|p| !p.is_empty())
}

fn is_ip(c: &AnalysedClause) -> bool {
    matches!(c.category, Some(Category::ClientIp | Category::AgencyIp))
}

/// An IP section with a heading: a definition of "Work Product" is about IP too, but a new
/// protection belongs among the operative ownership clauses, not in the definitions; nor under
/// the document's own title ("WORK-FOR-HIRE AND INTELLECTUAL PROPERTY ASSIGNMENT AGREEMENT"),
/// which heads the parties and recitals.
fn is_ip_section(c: &AnalysedClause) -> bool {
    is_ip(c) && may_head(c)
}

/// A heading new clauses may go under: not the document's own title, nor its definitions.
fn may_head(c: &AnalysedClause) -> bool {
    let titles_the_document = || {
        let last = c.heading.as_deref().and_then(|h| h.split_whitespace().last()).unwrap_or_default().to_lowercase();
        c.number.is_none() && ["agreement", "contract", "deed", "terms"].contains(&last.as_str())
    };
    let heading = c.heading.as_deref().unwrap_or_default().to_lowercase();
    let defines = ["definition", "interpretation"].iter().any(|w| heading.contains(w));
    c.heading.is_some() && !titles_the_document() && !defines
}

/// Chooses the place for missing protections: the IP section (the finding's anchor when it is
/// one, else the first headed IP clause, else the last IP clause), else the anchor clause, else
/// the end of the draft.
pub fn place(clauses: &[AnalysedClause], anchor: Option<usize>) -> Option<Placement> {
    if clauses.is_empty() {
        return None;
    }
    // A section whose heading says it is about IP comes before one the library's matching
    // only takes for IP ("10 GENERAL" of a platform's terms, before its Service Terms' "6.
    // INTELLECTUAL PROPERTY RIGHTS"), even a heading with no words of its own under it ("7.
    // Intellectual property", then 7.1, 7.2).
    let headed_ip = |c: &AnalysedClause| {
        let heading = c.heading.as_deref().unwrap_or_default().to_lowercase();
        may_head(c) && ["intellectual property", "ownership", "proprietary rights", "work product"].iter().any(|w| heading.contains(w))
    };
    let ip = anchor
        .filter(|&a| clauses.get(a).is_some_and(is_ip_section))
        .or_else(|| clauses.iter().position(headed_ip))
        .or_else(|| clauses.iter().position(is_ip_section))
        .or_else(|| anchor.filter(|&a| clauses.get(a).is_some_and(is_ip)))
        .or_else(|| clauses.iter().rposition(is_ip));
    match ip.or(anchor.filter(|&a| a < clauses.len())) {
        Some(base) => Some(after_section(clauses, base)),
        None => Some(at_end(clauses)),
    }
}

/// Follows the section `base` belongs to down to its last clause.
fn after_section(clauses: &[AnalysedClause], base: usize) -> Placement {
    // A lettered item ("(b)") belongs to the nearest numbered clause before it.
    let base = if dotted(clauses[base].number.as_deref()).is_none() && clauses[base].number.is_some() {
        (0..base).rev().find(|&i| dotted(clauses[i].number.as_deref()).is_some()).unwrap_or(base)
    } else {
        base
    };
    let Some(parts) = dotted(clauses[base].number.as_deref()) else {
        return Placement { after: base, template: base, number: None };
    };
    let section = parts[0];
    // The level new clauses take: the base's own level, or its children's for a bare "7".
    let level = parts.len().max(2);
    let mut after = base;
    let mut last_sibling: Option<(usize, Vec<u32>)> = (parts.len() == level).then(|| (base, parts.clone()));
    // A bare "9" that is only a heading, whose items count again from 1 ("9. Intellectual
    // property", then "1.", "2."): the last item seen, until a number breaks the count or a
    // headed section follows. (A "1." with words of its own followed by another "1." is a
    // Markdown list's, numbered by the renderer.)
    let mut item = 0;
    // Only a heading: no more than the heading and its number ("10. ### ") on a line.
    let only_heading = |c: &AnalysedClause| c.heading.as_ref().is_some_and(|h| c.end - c.start <= h.len() + 12);
    let heads_items = parts.len() == 1 && only_heading(&clauses[base]);
    for (i, c) in clauses.iter().enumerate().skip(base + 1) {
        match (dotted(c.number.as_deref()), &c.number, &c.heading) {
            (Some(p), _, _) if p[0] == section && p.len() >= 2 => {
                if p.len() == level {
                    last_sibling = Some((i, p));
                }
            }
            (Some(p), _, heading)
                if heads_items && p == [item + 1] && !(p[0] == section + 1 && heading.is_some() && clauses[base].heading.is_some()) =>
            {
                item += 1;
            }
            (None, Some(_), _) | (None, None, None) => {}
            _ => break,
        }
        after = i;
    }
    match last_sibling {
        Some((template, p)) => Placement { after, template, number: Some(Number::Dotted(p).next()) },
        None => Placement { after, template: base, number: Some(Number::Suffixed(section, 'A')) },
    }
}

/// After the last clause; numbered after the highest top-level number if the draft has them.
fn at_end(clauses: &[AnalysedClause]) -> Placement {
    let last = clauses.len() - 1;
    let top = clauses.iter().filter_map(|c| dotted(c.number.as_deref())).filter(|p| p.len() == 1).map(|p| p[0]).max();
    let template = clauses.iter().rposition(|c| dotted(c.number.as_deref()).is_some_and(|p| p.len() == 1)).unwrap_or(last);
    Placement { after: last, template, number: top.map(|n| Number::Dotted(vec![n + 1])) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clause(index: usize, number: Option<&str>, heading: Option<&str>, category: Option<Category>) -> AnalysedClause {
        AnalysedClause {
            index,
            number: number.map(str::to_owned),
            heading: heading.map(str::to_owned),
            start: index * 10,
            end: index * 10 + 10,
            category,
            library_match: None,
        }
    }

    fn draft(spec: &[(Option<&str>, Option<Category>)]) -> Vec<AnalysedClause> {
        spec.iter().enumerate().map(|(i, (n, c))| clause(i, *n, None, *c)).collect()
    }

    #[test]
    fn after_the_ip_section_with_the_next_number() {
        let ip = Some(Category::ClientIp);
        let c =
            draft(&[(Some("7"), None), (Some("7.1"), ip), (Some("7.2"), None), (Some("7.3"), None), (Some("a"), None), (Some("8"), None)]);
        let p = place(&c, None).unwrap();
        assert_eq!((p.after, p.template), (4, 3));
        assert_eq!(p.number.unwrap().label(), "7.4");
    }

    #[test]
    fn a_bare_section_number_gets_a_letter_suffix_or_its_childrens_level() {
        let ip = Some(Category::AgencyIp);
        let c = draft(&[(Some("6"), ip), (Some("7"), None)]);
        assert_eq!(place(&c, None).unwrap().number.unwrap().label(), "6A");
        let c = draft(&[(Some("6"), ip), (Some("6.1"), None), (Some("6.2"), None), (Some("7"), None)]);
        let p = place(&c, None).unwrap();
        assert_eq!((p.after, p.number.unwrap().label()), (2, "6.3".to_owned()));
    }

    #[test]
    fn a_bare_section_whose_items_count_from_one_takes_the_new_clause_after_its_last_item() {
        let ip = Some(Category::ClientIp);
        let headed = |i: usize, n: &str, h: Option<&str>, c: Option<Category>| clause(i, Some(n), h, c);
        // "9. Intellectual property", items 1 to 3, then "10. Data protection".
        let c = vec![
            headed(0, "9", Some("Intellectual property"), ip),
            headed(1, "1", None, ip),
            headed(2, "2", None, None),
            headed(3, "3", None, None),
            headed(4, "10", Some("Data protection"), None),
        ];
        let p = place(&c, None).unwrap();
        assert_eq!((p.after, p.number.unwrap().label()), (3, "9A".to_owned()));
        // Section 3's items run to 3; "4. Fees" is the next section, not item 4.
        let c = vec![
            headed(0, "3", Some("Ownership"), ip),
            headed(1, "1", None, ip),
            headed(2, "2", None, None),
            headed(3, "3", None, None),
            headed(4, "4", Some("Fees"), None),
            headed(5, "1", None, None),
        ];
        assert_eq!(place(&c, None).unwrap().after, 3);
        // A "1." with words of its own, then more "1."s: a Markdown list, not its items.
        let mut c = vec![headed(0, "1", Some("Ownership"), ip), headed(1, "1", None, None), headed(2, "1", None, None)];
        c[0].end += 300;
        assert_eq!(place(&c, None).unwrap().after, 0);
    }

    #[test]
    fn a_definitions_section_that_speaks_of_ip_is_no_place_for_new_clauses() {
        let ip = Some(Category::AgencyIp);
        let c = vec![
            clause(0, Some("1"), Some("Definitions"), ip),
            clause(1, Some("2"), Some("Intellectual property"), ip),
            clause(2, Some("2.1"), None, ip),
            clause(3, Some("3"), Some("Law"), None),
        ];
        let p = place(&c, Some(0)).unwrap();
        assert_eq!((p.after, p.number.unwrap().label()), (2, "2.2".to_owned()));
    }

    #[test]
    fn a_section_headed_for_ip_with_no_words_of_its_own_comes_before_the_last_ip_clause() {
        let ip = Some(Category::ClientIp);
        let c = vec![
            clause(0, Some("7"), Some("Intellectual property"), None),
            clause(1, Some("7.1"), None, ip),
            clause(2, Some("7.2"), None, ip),
            clause(3, Some("14"), Some("General"), None),
            clause(4, Some("14.1"), None, ip),
        ];
        let p = place(&c, None).unwrap();
        assert_eq!((p.after, p.number.unwrap().label()), (2, "7.3".to_owned()));
    }

    #[test]
    fn unnumbered_drafts_and_drafts_without_ip_clauses() {
        let c = draft(&[(None, None), (None, Some(Category::ClientIp)), (None, None)]);
        assert_eq!(place(&c, None).unwrap(), Placement { after: 1, template: 1, number: None });
        let c = draft(&[(Some("1"), None), (Some("2"), None), (None, None)]);
        let p = place(&c, None).unwrap();
        assert_eq!((p.after, p.number.unwrap().label()), (2, "3".to_owned()));
        assert_eq!(place(&c, Some(0)).unwrap().number.unwrap().label(), "1A");
        assert!(place(&[], None).is_none());
    }

    #[test]
    fn a_section_headed_for_ip_comes_before_one_only_taken_for_it() {
        let ip = Some(Category::AgencyIp);
        let c = vec![
            clause(0, Some("10"), Some("10 GENERAL"), ip),
            clause(1, Some("6"), Some("6. INTELLECTUAL PROPERTY RIGHTS"), Some(Category::ClientIp)),
            clause(2, Some("6.1"), Some("6.1 OWNERSHIP"), None),
            clause(3, Some("7"), Some("7 RETURN OF PROPERTY"), None),
        ];
        let p = place(&c, None).unwrap();
        assert_eq!((p.after, p.number.unwrap().label()), (2, "6.2".to_owned()));
    }

    #[test]
    fn the_documents_title_is_no_ip_section() {
        let ip = Some(Category::ClientIp);
        let c = vec![
            clause(0, None, Some("WORK-FOR-HIRE AND INTELLECTUAL PROPERTY ASSIGNMENT AGREEMENT"), ip),
            clause(1, None, Some("Recitals"), None),
            clause(2, Some("2"), Some("Work Made for Hire"), ip),
            clause(3, Some("3"), Some("Fees"), None),
        ];
        assert_eq!(place(&c, None).unwrap().after, 2);
    }

    #[test]
    fn numbers_count_on() {
        assert_eq!(Number::Dotted(vec![7, 4]).next().label(), "7.5");
        assert_eq!(Number::Suffixed(7, 'A').next().label(), "7B");
    }
}
