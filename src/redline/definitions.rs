//! The draft's definitions section, where a term the redline needs is defined: a run of
//! paragraphs that each open by defining a term (`"Work Product" means ...`). A new definition
//! goes where the draft's own would: at its alphabetical place when the section is in
//! alphabetical order, else after the last one; numbered like its neighbours when they carry
//! typed numbers ("1.6" after the last, "1.2A" between 1.2 and 1.3), in the draft's quotes.

use std::sync::LazyLock;

use regex::Regex;

use super::Draft;

/// A paragraph that opens by defining a term, with the number typed before it, if any.
static DEFINES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"^\s*(?:(?P<number>\d+(?:\.\d+)+\.?|\d+\.)\s+)?(?P<open>["\u{201c}])(?P<term>[^"\u{201c}\u{201d}\n]{1,60})["\u{201d}]\s*(?:or\s+["\u{201c}][^"\u{201c}\u{201d}\n]{1,30}["\u{201d}]\s*)?(?:means|shall\s+mean|has\s+the\s+meaning|refers\s+to)\b"#,
    )
    .expect("static regex")
});

/// A paragraph of a table of definitions set in two columns of text: the term, three spaces or
/// more, and what it means ("Fees          the fee that will be paid to the Consultancy ...").
static COLUMNS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?P<term>{})(?P<gap> {{3,}})\S", crate::reading::COLUMN_TERM)).expect("static regex"));

/// One definition of the section.
#[derive(Debug, Clone)]
struct Entry {
    paragraph: usize,
    term: String,
    number: Option<String>,
    /// The spaces between the term and its meaning, in a table set in two columns.
    gap: Option<String>,
}

/// The draft's definitions section.
#[derive(Debug, Clone)]
pub struct Section {
    entries: Vec<Entry>,
    alphabetical: bool,
    curly: bool,
    /// The gap between term and meaning when the section is a table set in two columns: a new
    /// definition is set the same way, without quotes or "means".
    columns: Option<String>,
}

/// Where a new definition goes: after `after`, laid out like `template`, with its words
/// (numbered, in the draft's quotes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spot {
    pub after: usize,
    pub template: usize,
    pub text: String,
    /// The term it defines.
    pub term: String,
}

impl Section {
    /// The longest run of two or more consecutive paragraphs that each define a term (blank
    /// paragraphs between them apart), or of three or more entries of a table set in two
    /// columns; None when the draft has none.
    pub fn find(draft: &Draft) -> Option<Section> {
        let mut best: Vec<Entry> = Vec::new();
        let mut run: Vec<Entry> = Vec::new();
        let mut curly = false;
        // A table set in two columns is one of definitions where its lead-in says so ("The
        // following terms have the following meanings:"), not a signature block or a form.
        let led = |first: usize| {
            let words = |i: usize| &draft.analysed[draft.text_starts[i].min(draft.paragraphs[i].end)..draft.paragraphs[i].end];
            (first.saturating_sub(2)..first).any(|i| crate::reading::leads_glossary(words(i)))
        };
        for (i, p) in draft.paragraphs.iter().enumerate() {
            let words = &draft.analysed[draft.text_starts[i].min(p.end)..p.end];
            if words.trim().is_empty() {
                continue;
            }
            if let Some(c) = DEFINES.captures(words) {
                curly |= &c["open"] == "\u{201c}";
                run.push(Entry {
                    paragraph: i,
                    term: c["term"].trim().to_owned(),
                    number: c.name("number").map(|n| n.as_str().to_owned()),
                    gap: None,
                });
                continue;
            }
            if let Some(c) = COLUMNS.captures(words).filter(|_| !run.is_empty() || led(i)) {
                run.push(Entry { paragraph: i, term: c["term"].to_owned(), number: None, gap: Some(c["gap"].to_owned()) });
                continue;
            }
            if run.len() > best.len() {
                best = std::mem::take(&mut run);
            }
            run.clear();
        }
        if run.len() > best.len() {
            best = run;
        }
        let columns = best.iter().all(|e| e.gap.is_some()).then(|| best.first().and_then(|e| e.gap.clone())).flatten();
        let enough = if columns.is_some() { crate::reading::COLUMN_RUN } else { 2 };
        (best.len() >= enough).then(|| {
            let alphabetical = best.windows(2).all(|w| w[0].term.to_lowercase() <= w[1].term.to_lowercase());
            Section { entries: best, alphabetical, curly, columns }
        })
    }

    /// Where each of `definitions` (`(term, "\"Term\" means ...")`) goes, with its index in
    /// `definitions`, in the order they stand in the section (so several after one paragraph
    /// go in that order).
    pub fn place(&self, definitions: &[(String, String)]) -> Vec<(usize, Spot)> {
        // The section with the new terms in it: Some(k) is definitions[k].
        let mut merged: Vec<(Option<usize>, &str)> = self.entries.iter().map(|e| (None, e.term.as_str())).collect();
        let numbered = self.entries.iter().all(|e| e.number.is_some());
        for (k, (term, _)) in definitions.iter().enumerate() {
            let lower = term.to_lowercase();
            let at = if self.alphabetical { merged.iter().position(|(_, t)| t.to_lowercase() > lower) } else { None };
            // A typed number cannot go before the first ("1.0A"): the new term goes last.
            let at = at.filter(|&a| a > 0 || !numbered).unwrap_or(merged.len());
            merged.insert(at, (Some(k), term));
        }
        let mut spots: Vec<(usize, Spot)> = Vec::with_capacity(definitions.len());
        let mut real = 0;
        let mut last_number: Option<String> = None;
        for (at, (new, _)) in merged.iter().enumerate() {
            let Some(k) = *new else {
                last_number.clone_from(&self.entries[real].number);
                real += 1;
                continue;
            };
            // After the definition before it, or before the first (after the paragraph before it).
            let after = if real > 0 { self.entries[real - 1].paragraph } else { self.entries[0].paragraph.saturating_sub(1) };
            let template = self.entries[real.min(self.entries.len() - 1)].paragraph;
            let more = merged[at + 1..].iter().any(|(n, _)| n.is_none());
            let number = last_number.as_deref().filter(|_| numbered).map(|n| if more { suffixed(n) } else { next(n) });
            let mut text = definitions[k].1.clone();
            // In two columns: the term, the gap, and what it means.
            if let Some(gap) = &self.columns
                && let Some((_, meaning)) = text.split_once(" means ")
            {
                text = format!("{}{gap}{meaning}", definitions[k].0);
            }
            if self.curly {
                text = curl(&text);
            }
            if let Some(n) = &number {
                text = format!("{n} {text}");
            }
            last_number = number.or(last_number);
            spots.push((k, Spot { after, template, text, term: definitions[k].0.clone() }));
        }
        spots
    }
}

/// The number after `n` at its level: "1.5" → "1.6", "1.2A" → "1.2B", "3." → "4.".
fn next(n: &str) -> String {
    if n.ends_with(|c: char| c.is_ascii_uppercase()) {
        return suffixed(n);
    }
    let dot = n.ends_with('.');
    let bare = n.trim_end_matches('.');
    let (head, last) = bare.rsplit_once('.').map_or(("", bare), |(h, l)| (h, l));
    let last = last.parse::<u32>().map_or_else(|_| format!("{last}A"), |v| (v + 1).to_string());
    let sep = if head.is_empty() { "" } else { "." };
    format!("{head}{sep}{last}{}", if dot { "." } else { "" })
}

/// A number put in between without renumbering the rest: "1.2" → "1.2A", "1.2A" → "1.2B".
fn suffixed(n: &str) -> String {
    let bare = n.trim_end_matches('.');
    match bare.chars().last() {
        Some(c) if c.is_ascii_uppercase() => format!("{}{}", &bare[..bare.len() - 1], char::from(u8::try_from(c).unwrap_or(b'Y') + 1)),
        _ => format!("{bare}A"),
    }
}

/// Straight quotes as the draft's curly ones.
fn curl(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut open = true;
    for c in text.chars() {
        if c == '"' {
            out.push(if open { '\u{201c}' } else { '\u{201d}' });
            open = !open;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{self, Format};

    fn section(text: &str) -> (Draft, Option<Section>) {
        let draft = Draft::from_text(&ingest::from_text("d.md", Format::Markdown, text));
        let s = Section::find(&draft);
        (draft, s)
    }

    fn in_given_order(mut spots: Vec<(usize, Spot)>) -> Vec<Spot> {
        spots.sort_by_key(|(k, _)| *k);
        spots.into_iter().map(|(_, s)| s).collect()
    }

    fn def(term: &str) -> (String, String) {
        (term.to_owned(), format!("\"{term}\" means a thing."))
    }

    #[test]
    fn a_new_definition_goes_at_its_alphabetical_place_in_the_drafts_quotes() {
        let (_, s) = section(
            "1. Definitions\n\n**\u{201c}Intellectual Property\u{201d}** means rights.\n\n**\u{201c}Project Materials\u{201d}** means works.\n\n2. Assignment\n\nThe Contributor assigns.\n",
        );
        let s = s.expect("a section");
        let spots = in_given_order(s.place(&[def("Deliverables"), def("Contributor IP"), def("Term")]));
        assert_eq!(
            spots[0],
            Spot { after: 0, template: 1, text: "\u{201c}Deliverables\u{201d} means a thing.".into(), term: "Deliverables".into() }
        );
        assert_eq!(spots[1].after, 0, "before Deliverables, both before the first");
        assert_eq!((spots[2].after, spots[2].template), (2, 2), "after the last");
    }

    #[test]
    fn typed_numbers_follow_the_sections_and_an_unordered_section_grows_at_its_end() {
        let (_, s) = section(
            "1. Definitions\n\n1.1 \"Client Data\" means data.\n\n1.2 \"Deliverables\" means items.\n\n1.3 \"Work Product\" means all.\n\n1.4 \"Models\" means models.\n",
        );
        let s = s.expect("a section");
        let spots = in_given_order(s.place(&[def("Provider IP"), def("Agency Methods")]));
        assert_eq!(spots[0].text, "1.5 \"Provider IP\" means a thing.");
        assert_eq!(spots[1].text, "1.6 \"Agency Methods\" means a thing.");
        assert_eq!(spots[1].after, 4);
        let (_, s) = section("1.1 \"Alpha\" means a.\n\n1.2 \"Gamma\" means g.\n");
        let spots = in_given_order(s.expect("a section").place(&[def("Beta"), def("Zeta")]));
        assert_eq!((spots[0].text.as_str(), spots[0].after), ("1.1A \"Beta\" means a thing.", 0));
        assert_eq!((spots[1].text.as_str(), spots[1].after), ("1.3 \"Zeta\" means a thing.", 1));
    }

    /// A UK draft's table of definitions set in two columns: a new term goes in as an entry of
    /// the table, at its place, in the same columns, without quotes or "means"; two such lines
    /// are no table.
    #[test]
    fn a_table_set_in_two_columns_takes_a_new_entry_in_its_columns() {
        let (_, s) = section(
            "2. DEFINITIONS\n\nThe following terms have the following meanings:\n\nAgreement        these terms and conditions;\n\nFees             the fee payable to the Consultancy;\n\nServices         the services to be provided\n                 to the Client;\n\n3. SERVICES\n\nThe Consultancy shall provide the Services.\n",
        );
        let s = s.expect("a section");
        let spots = in_given_order(s.place(&[def("Consultancy IP")]));
        assert_eq!(spots[0].text, "Consultancy IP        a thing.");
        assert_eq!(spots[0].after, 2, "at its alphabetical place, after Agreement");
        let (_, two) = section("Name        Jane Doe\n\nTitle       Director\n\nThe rest.\n");
        assert!(two.is_none());
    }

    #[test]
    fn one_definition_in_passing_is_no_section() {
        assert!(section("The \"Work\" means the work.\n\nOther words.\n").1.is_none());
    }
}
