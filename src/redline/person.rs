//! Who the agency is, as the draft reveals it: a company with personnel of its own, an
//! individual contractor (a sole trader), or an employee. The library's words are written for a
//! company ("retained in the unaided memory of its personnel", "will procure that its personnel
//! waive"); for an individual or an employee they speak of the person, and for an employee of
//! what is learnt "during employment" rather than "in performing the Services".

use std::sync::LazyLock;

use regex::Regex;

use crate::analysis::Parties;

/// What kind of person the agency is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Person {
    /// A company, or nothing in the draft says otherwise: the library's own words.
    Company,
    /// An individual contractor: no personnel of their own.
    Individual,
    /// An employee (an employment or invention assignment agreement).
    Employee,
}

/// Words that make a party a company ("Lumen Loop AI LLC", "a Delaware corporation").
static COMPANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:inc|incorporated|llc|l\.l\.c|llp|ltd|limited|plc|pty|gmbh|corp|corporation|company|partnership|s\.a|b\.v|bv|ag|ab|oy|sarl|srl|dao)\b",
    )
    .expect("static regex")
});

/// Words that make a party a person.
static INDIVIDUAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:an\s+individual|a\s+natural\s+person|sole\s+(?:trader|proprietor(?:ship)?)|self-employed)\b")
        .expect("static regex")
});

/// A pronoun only a person takes.
static PRONOUN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(?:his|her|him|himself|herself|he|she)\b").expect("static regex"));

impl Person {
    /// The agency of `text` (the draft's words), as its parties and its words show it.
    pub fn of(text: &str, parties: &Parties) -> Person {
        if parties.is_employment() {
            return Person::Employee;
        }
        let Some(agency) = parties.agency.as_deref() else { return Person::Company };
        let agency = agency.trim_start_matches("the ").trim_start_matches("The ");
        // A freelancer writing as "I" is one person.
        if agency == "I" {
            return Person::Individual;
        }
        let mut names: Vec<&str> = vec![agency];
        names.extend(parties.agency_aliases.iter().map(String::as_str));
        let others: Vec<&str> =
            parties.counterparty.iter().chain(&parties.counterparty_aliases).map(|n| n.trim_start_matches("the ")).collect();
        match described(text, agency) {
            Some(words) if COMPANY.is_match(words) => Person::Company,
            Some(words) if INDIVIDUAL.is_match(words) => Person::Individual,
            _ if spoken_of_as_a_person(text, &names, &others) => Person::Individual,
            _ => Person::Company,
        }
    }

    /// The library's `text` in words that fit the person: an individual or an employee has
    /// no personnel ("retained in Agency's unaided memory"); an employee learns "during
    /// employment", and their confidentiality covers the employer's data.
    pub fn fit(self, text: &str) -> String {
        let text = match self {
            Person::Company => return text.to_owned(),
            Person::Individual | Person::Employee => text
                .replace("the unaided memory of its personnel", "Agency's unaided memory")
                .replace(", and will procure that its personnel waive,", ""),
        };
        match self {
            Person::Employee => text.replace("in performing the Services", "during employment").replace(" or use Client Data", ""),
            _ => text,
        }
    }

    /// A reason for counsel in words that fit the person: "Agency may continue to use ... the
    /// know-how retained in unaided memory", not "Agency's personnel may ... they retain".
    pub fn fit_note(self, note: &str) -> String {
        let person = || note.replace("Agency's personnel", "Agency").replace("know-how they retain", "know-how retained in unaided memory");
        match self {
            Person::Company => note.to_owned(),
            Person::Individual => person(),
            Person::Employee => person().replace(" or using Client Data", ""),
        }
    }
}

/// The name a party the draft calls by a pronoun goes by, where the draft gives one: the agency
/// of its own terms `Brightlabs Ltd ("we", "us", "our")`, or `"we" and "us" mean Example
/// Foundation`. The changes are signed with it, not with "we".
pub fn proper_name(text: &str, pronoun: &str) -> Option<String> {
    let pronoun = regex::escape(pronoun);
    let head = &text[..crate::text::floor_char(text, 20_000)];
    let bracket =
        Regex::new(&format!(r#"(?i)\b((?-i:[A-Z][\w&.'-]*)(?:[ ,](?-i:[A-Z][\w&.'-]*)){{0,5}})\s*\(\s*["“]{pronoun}["”]"#)).ok()?;
    let means = Regex::new(&format!(
        r#"(?i)["“]{pronoun}["”](?:,?\s*(?:and|or)?\s*["“]\w+["”])*,?\s+means?\s+((?-i:[A-Z][\w&.'-]*)(?: (?-i:[A-Z][\w&.'-]*)){{0,5}})"#
    ))
    .ok()?;
    let name = bracket.captures(head).or_else(|| means.captures(head))?;
    Some(name[1].trim_end_matches([',', '.']).to_owned())
}

/// The words that describe the party the draft defines as `agency` (`Jane Smith, an
/// individual ("Contractor")`): from the end of the definition before it (or the paragraph's
/// start) to the quoted name.
fn described<'t>(text: &'t str, agency: &str) -> Option<&'t str> {
    let defined = Regex::new(&format!(r#"\((?:[^()"“”]{{0,40}})?["“]\s*{}\s*["”]\)"#, regex::escape(agency))).ok()?;
    let at = defined.find(text)?.start();
    let from = crate::text::floor_char(text, at.saturating_sub(300));
    let window = &text[from..at];
    let start = [window.rfind(')'), window.rfind("\n\n")].into_iter().flatten().max().map_or(0, |k| k + 1);
    Some(&window[start..])
}

/// Whether the draft speaks of the agency with a person's pronoun ("expenses incurred by
/// Contractor in connection with the performance of his duties"): the pronoun's nearest party
/// before it in its sentence is the agency.
fn spoken_of_as_a_person(text: &str, agency: &[&str], others: &[&str]) -> bool {
    let nearest = |before: &str, names: &[&str]| names.iter().filter_map(|n| before.rfind(n)).max();
    PRONOUN.find_iter(text).any(|m| {
        // A hard-wrapped sentence runs over lines: it ends at a full stop, a semicolon or a
        // blank line.
        let sentence_start = text[..m.start()].rfind(['.', ';']).max(text[..m.start()].rfind("\n\n")).map_or(0, |k| k + 1);
        let before = &text[sentence_start..m.start()];
        match (nearest(before, agency), nearest(before, others)) {
            (Some(a), Some(o)) => a > o,
            (Some(_), None) => true,
            _ => false,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_agency_is_a_person_when_the_draft_says_so() {
        let p = Parties::named("Contractor", "Client");
        let individual = "This Agreement is between Acme Corp (\"Client\") and Jane Smith, an individual (\"Contractor\").";
        assert_eq!(Person::of(individual, &p), Person::Individual);
        let company = "This Agreement is between Acme Corp (\"Client\") and Brightlabs Ltd (\"Contractor\").";
        assert_eq!(Person::of(company, &p), Person::Company);
        let pronoun = "Between Acme Corp (\"Client\") and YOUR NAME (\"Contractor\").\n\nClient shall reimburse Contractor for expenses incurred by Contractor in the performance of his duties.";
        assert_eq!(Person::of(pronoun, &p), Person::Individual);
        // The client's pronoun is not the agency's.
        let theirs =
            "Between Acme Corp (\"Client\") and Brightlabs (\"Contractor\").\n\nContractor shall report to Client and her delegate.";
        assert_eq!(Person::of(theirs, &p), Person::Company);
    }

    #[test]
    fn a_party_called_by_a_pronoun_signs_with_its_name() {
        let bracket = "These terms are between Brightlabs Ltd (\"we\", \"us\") and the customer named in the Order (\"you\").";
        assert_eq!(proper_name(bracket, "we").as_deref(), Some("Brightlabs Ltd"));
        let means = "In these conditions \"we\", \"us\" and \"our\" mean Example Foundation, and \"you\" means the grantee.";
        assert_eq!(proper_name(means, "we").as_deref(), Some("Example Foundation"));
        assert_eq!(proper_name(means, "you"), None, "\"the grantee\" is no name");
    }

    #[test]
    fn the_words_fit_the_person() {
        let residuals = "Agency may use the know-how acquired or developed in performing the Services and retained in the unaided memory of its personnel, provided that Agency does not disclose Client's Confidential Information or use Client Data.";
        assert_eq!(Person::Company.fit(residuals), residuals);
        assert_eq!(
            Person::Individual.fit(residuals),
            "Agency may use the know-how acquired or developed in performing the Services and retained in Agency's unaided memory, provided that Agency does not disclose Client's Confidential Information or use Client Data."
        );
        assert_eq!(
            Person::Employee.fit(residuals),
            "Agency may use the know-how acquired or developed during employment and retained in Agency's unaided memory, provided that Agency does not disclose Client's Confidential Information."
        );
        assert_eq!(
            Person::Individual.fit("Agency waives, and will procure that its personnel waive, any moral rights in the Deliverables."),
            "Agency waives any moral rights in the Deliverables."
        );
        assert_eq!(Person::Individual.fit_note("Agency's personnel may continue to use"), "Agency may continue to use");
        assert_eq!(
            Person::Individual.fit_note("Agency's personnel may continue to use the general skills and know-how they retain."),
            "Agency may continue to use the general skills and know-how retained in unaided memory."
        );
    }
}
