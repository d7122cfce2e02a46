//! Who is who in a draft: which party performs the services (the agency, whose IP is at stake)
//! and which receives them. Direction decides risk: an assignment *to* the agency is none.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

/// Defined terms lawyers use for the party doing the work.
const AGENCY_ROLES: &[&str] = &[
    "agency",
    "provider",
    "service provider",
    "services provider",
    "contractor",
    "independent contractor",
    "consultant",
    "vendor",
    "supplier",
    "developer",
    "studio",
    "freelancer",
    "employee",
    "seller",
];
/// Defined terms for the party paying for it.
const CLIENT_ROLES: &[&str] = &[
    "client",
    "customer",
    "company",
    "buyer",
    "purchaser",
    "recipient",
    "licensee",
    "government",
    "employer",
    "owner",
    "sponsor",
    "principal",
    "commissioning party",
    "corporation",
];

/// How far into a draft its parties are looked for.
const PREAMBLE_BYTES: usize = 5_000;

/// `("Provider")`, `(the "Client")`, `(hereinafter referred to as "Consultant")`.
static DEFINED_TERM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\(\s*(?:each\s+a\s+|individually\s+)?(?:the\s+|hereinafter\s+(?:referred\s+to\s+as\s+|called\s+)?(?:the\s+)?|together\s+with\s+its\s+affiliates,\s+)?["“”']\s*([A-Za-z][A-Za-z0-9&.\- ]{1,40}?)\s*["“”']\s*\)"#).expect("static regex")
});

/// The two sides of the deal, each with the words the draft uses for it (lower case).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Parties {
    /// The agency's defined term (or name) as the draft writes it.
    pub agency: Option<String>,
    pub counterparty: Option<String>,
    /// True when found in the draft, false when given with `--agency-party` (or not found).
    pub detected: bool,
    #[serde(skip)]
    pub agency_aliases: Vec<String>,
    #[serde(skip)]
    pub counterparty_aliases: Vec<String>,
    /// Every other defined term of the draft (lower case): "provider materials" is not the provider.
    #[serde(skip)]
    pub other_terms: Vec<String>,
}

impl Parties {
    /// Whether a lower-case word or phrase names the agency.
    pub fn is_agency(&self, word: &str) -> bool {
        self.agency_aliases.iter().any(|a| a == word)
    }

    pub fn is_counterparty(&self, word: &str) -> bool {
        self.counterparty_aliases.iter().any(|a| a == word)
    }

    pub fn is_other_term(&self, word: &str) -> bool {
        self.other_terms.iter().any(|a| a == word)
    }
}

fn role_of(term: &str) -> Option<bool> {
    let t = term.trim().to_lowercase();
    if AGENCY_ROLES.iter().any(|r| t == *r) {
        Some(true)
    } else if CLIENT_ROLES.iter().any(|r| t == *r) {
        Some(false)
    } else {
        None
    }
}

/// Detects the parties from the draft's opening (where parties are defined), or takes the
/// agency's name from the user.
pub fn detect(text: &str, given: Option<&str>) -> Parties {
    let head = &text[..crate::text::floor_char(text, 60_000)];
    let mut agency: Option<(String, Vec<String>)> = None;
    let mut client: Option<(String, Vec<String>)> = None;
    let mut unknown: Vec<(String, Vec<String>)> = Vec::new();
    let mut terms: Vec<String> = Vec::new();
    for c in DEFINED_TERM.captures_iter(head) {
        let term = c[1].trim().to_owned();
        let lower = term.to_lowercase();
        if !terms.contains(&lower) {
            terms.push(lower);
        }
        let whole = c.get(0).expect("match");
        // Parties are defined where the contract opens; a role word defined later ("Transferring
        // Employees" in a schedule) is some other term.
        if whole.start() > PREAMBLE_BYTES {
            continue;
        }
        let mut aliases = vec![term.to_lowercase()];
        if let Some(name) = name_before(&head[..whole.start()]) {
            aliases.push(name.to_lowercase());
        }
        match role_of(&term) {
            Some(true) if agency.is_none() => agency = Some((term, aliases)),
            Some(false) if client.is_none() => client = Some((term, aliases)),
            None if unknown.len() < 4 && term.split_whitespace().count() <= 3 && !names_a_thing(&term) => {
                unknown.push((term, aliases));
            }
            _ => {}
        }
    }
    if let Some(name) = given {
        let lower = name.trim().to_lowercase();
        let aliases = unknown
            .iter()
            .chain(agency.iter())
            .chain(client.iter())
            .find(|(_, a)| a.contains(&lower))
            .map_or_else(|| vec![lower.clone()], |(_, a)| a.clone());
        let counterparty = [client, agency].into_iter().flatten().chain(unknown).find(|(_, a)| !a.contains(&lower));
        terms.retain(|t| !aliases.contains(t) && !counterparty.as_ref().is_some_and(|(_, a)| a.contains(t)));
        return Parties {
            other_terms: terms,
            agency: Some(name.trim().to_owned()),
            counterparty: counterparty.as_ref().map(|(t, _)| t.clone()),
            detected: false,
            agency_aliases: aliases,
            counterparty_aliases: counterparty.map(|(_, a)| a).unwrap_or_default(),
        };
    }
    // Without a defined term, fall back on the capitalised role word the draft uses most.
    let preamble = &text[..crate::text::floor_char(text, PREAMBLE_BYTES)];
    // A company named in the agency's role: the defined party that "shall provide the Services".
    if agency.is_none()
        && let Some(k) = performer(head, &unknown)
    {
        agency = Some(unknown.remove(k));
    }
    let agency = agency.or_else(|| most_used(preamble, head, AGENCY_ROLES));
    let client = client.or_else(|| most_used(preamble, head, CLIENT_ROLES)).or_else(|| unknown.into_iter().next());
    let agency_aliases: Vec<String> = agency.as_ref().map(|(_, a)| a.clone()).unwrap_or_default();
    let counterparty_aliases: Vec<String> = client.as_ref().map(|(_, a)| a.clone()).unwrap_or_default();
    terms.retain(|t| !agency_aliases.contains(t) && !counterparty_aliases.contains(t));
    Parties {
        other_terms: terms,
        detected: agency.is_some(),
        agency: agency.as_ref().map(|(t, _)| t.clone()),
        counterparty: client.as_ref().map(|(t, _)| t.clone()),
        agency_aliases,
        counterparty_aliases,
    }
}

/// Defined terms for dates, periods and things, which the preamble defines beside the parties
/// ("Effective Date", "Agreement", "Territory") but which are never a party.
fn names_a_thing(term: &str) -> bool {
    // Words that end names of companies too ("Acme Services", "Acme Products") are not here.
    const THINGS: &[&str] = &[
        "agreement",
        "date",
        "day",
        "period",
        "term",
        "territory",
        "schedule",
        "exhibit",
        "fee",
        "fees",
        "deliverables",
        "site",
        "effective",
    ];
    term.split_whitespace().last().is_some_and(|w| THINGS.contains(&w.to_lowercase().as_str()))
}

/// The company name just before a defined term: `Acme AI, Inc., a Delaware corporation ("Provider")`.
fn name_before(before: &str) -> Option<String> {
    static NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"([A-Z][A-Za-z0-9&.\-]*(?:\s+[A-Z][A-Za-z0-9&.\-]*){0,5}),?\s+(?:Inc\.?|LLC|Ltd\.?|L\.?P\.|GmbH|B\.V\.|S\.A\.|plc|Corp\.?|Corporation|Limited|Co\.)?[^()]{0,80}$").expect("static regex")
    });
    let tail = &before[crate::text::floor_char(before, before.len().saturating_sub(160))..];
    let name = NAME.captures(tail)?.get(1)?.as_str().trim().to_owned();
    (name.len() > 2 && role_of(&name).is_none() && !name.eq_ignore_ascii_case("the")).then_some(name)
}

/// Which of `candidates` the draft says performs the services or builds the deliverables most often.
fn performer(head: &str, candidates: &[(String, Vec<String>)]) -> Option<usize> {
    static DUTY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s+(?:shall|will|agrees? to|hereby agrees? to|is engaged to|undertakes? to)\s+(?:(?:diligently|promptly|use\s+\w+\s+efforts\s+to)\s+)?(?:provide|perform|render|deliver|develop|design|build|create|supply|manufacture)\b").expect("static regex")
    });
    candidates
        .iter()
        .enumerate()
        .map(|(k, (term, _))| {
            let after = |i: usize| &head[i + term.len()..crate::text::floor_char(head, i + term.len() + 80)];
            let n = head.match_indices(term.as_str()).filter(|(i, _)| DUTY.is_match(after(*i))).take(50).count();
            (n, k)
        })
        .filter(|(n, _)| *n > 0)
        .max()
        .map(|(_, k)| k)
}

/// The role word used most in `head` among those the preamble already uses.
fn most_used(preamble: &str, head: &str, roles: &[&str]) -> Option<(String, Vec<String>)> {
    roles
        .iter()
        .map(|r| {
            let cap: String = r.split(' ').map(|w| w[..1].to_uppercase() + &w[1..]).collect::<Vec<_>>().join(" ");
            let n = if preamble.contains(cap.as_str()) { head.matches(cap.as_str()).take(200).count() } else { 0 };
            (n, cap)
        })
        .filter(|(n, _)| *n >= 3)
        .max_by_key(|(n, _)| *n)
        .map(|(_, cap)| {
            let lower = cap.to_lowercase();
            (cap, vec![lower])
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_defined_terms_and_names() {
        let p = detect(
            "This Agreement is between Acme Corp., a Delaware corporation (\"Client\"), and Northwind AI LLC (the \u{201c}Provider\u{201d}).",
            None,
        );
        assert_eq!(p.agency.as_deref(), Some("Provider"));
        assert_eq!(p.counterparty.as_deref(), Some("Client"));
        assert!(p.detected);
        assert!(p.is_agency("northwind ai llc") || p.is_agency("northwind ai"));
        assert!(p.is_counterparty("client"));
    }

    #[test]
    fn dates_and_things_defined_in_the_preamble_are_not_parties() {
        let p = detect(
            "This Agreement (\"Agreement\") is entered into this 1st day of September 2016 (\"Effective Date\") by and between Emerald Sciences Inc. (\"EHS\") and Jane Roe (\"Dr. Roe\"). Dr. Roe shall provide the services to EHS.",
            None,
        );
        assert_eq!(p.agency.as_deref(), Some("Dr. Roe"));
        assert_eq!(p.counterparty.as_deref(), Some("EHS"));
    }

    #[test]
    fn given_party_wins_and_says_so() {
        let p = detect("between Foo Ltd (\"Licensor\") and Bar Inc (\"Licensee\")", Some("Licensor"));
        assert_eq!(p.agency.as_deref(), Some("Licensor"));
        assert_eq!(p.counterparty.as_deref(), Some("Licensee"));
        assert!(!p.detected);
    }

    #[test]
    fn a_company_named_in_the_agency_role() {
        let p = detect(
            "This Agreement is between Rubicon Ltd (\"Rubicon\") and ISA Inc (\"ISA\"). Rubicon shall provide the Services to ISA. ISA shall pay.",
            None,
        );
        assert_eq!(p.agency.as_deref(), Some("Rubicon"));
        assert_eq!(p.counterparty.as_deref(), Some("ISA"));
    }

    #[test]
    fn falls_back_to_role_words() {
        let p = detect(
            "The Contractor shall deliver. The Contractor agrees. The Contractor will. The Government owns. The Government may. The Government shall.",
            None,
        );
        assert_eq!(p.agency.as_deref(), Some("Contractor"));
        assert_eq!(p.counterparty.as_deref(), Some("Government"));
    }
}
