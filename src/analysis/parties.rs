//! Who is who in a draft: which party performs the services (the agency, whose IP is at stake)
//! and which receives them. Direction decides risk: an assignment *to* the agency is none.

use std::sync::LazyLock;

use serde::Serialize;

use crate::library::pattern::ascii::AsciiFirst;
use crate::text::find_all;

/// Defined terms lawyers use for the party doing the work.
const AGENCY_ROLES: &[&str] = &[
    "agency",
    "provider",
    "service provider",
    "services provider",
    "contractor",
    "independent contractor",
    "subcontractor",
    "sub-contractor",
    "consultant",
    "vendor",
    "supplier",
    "developer",
    "studio",
    "designer",
    "freelancer",
    "employee",
    "seller",
    "consultancy",
    "contributor",
    "assignor",
    "collaborator",
    "offeror",
    "bidder",
    "tenderer",
    "proposer",
    "creator",
    "author",
    "inventor",
    "artist",
    "programmer",
    "architect",
    "illustrator",
    "photographer",
    "animator",
    "engineer",
    "researcher",
    "researchers",
    // Translated from Spanish and Portuguese: the "contratado".
    "contracted party",
    "hired party",
    "grantee",
    "contratada",
    "contratado",
    // Mexican and other Spanish drafting, with its article ("EL PRESTADOR", "LA CONSULTORA").
    "prestador",
    "el prestador",
    "proveedor",
    "el proveedor",
    "contratista",
    "el contratista",
    "consultor",
    "el consultor",
    "consultora",
    "la consultora",
    "executor",
    "performer",
    // Japanese outsourcing in translation: the "jutakusha" performs what is entrusted.
    "consignee",
    "entrusted party",
    "prestadora",
    "adjudicatário",
    "adjudicatario",
    "izvajalec",
    "izvršilac",
    "izvrsilac",
    "izvršitelj",
    "izvrsitelj",
    "izvođač",
    "izvodjac",
    "dobavljač",
    "fulfiller",
];
/// Defined terms for the party paying for it.
const CLIENT_ROLES: &[&str] = &[
    "client",
    "consultee",
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
    // A book's or a job's publisher: who commissions the work ("Job's Publisher").
    "publisher",
    "principal",
    "commissioning party",
    "corporation",
    "assignee",
    "issuer",
    "project owner",
    "prime contractor",
    "authority",
    "contracting authority",
    "public organisation",
    "public organization",
    "state",
    "city",
    "county",
    "commonwealth",
    "contracting party",
    "hiring party",
    "funder",
    "producer",
    "oem",
    // Central European and Portuguese drafting in translation.
    "ordering party",
    "orderer",
    "beneficiary",
    "contratante",
    "cliente",
    "el cliente",
    "empresa",
    "la empresa",
    "consignor",
    "entrusting party",
    // Buyers of marketing and data services.
    "advertiser",
    "brand",
    "retailer",
    "merchant",
    "subscriber",
    "entidade contratante",
    "naročnik",
    "narocnik",
    "naručilac",
    "narucilac",
    "naručitelj",
    "narucitelj",
    "naručnik",
    "trustees",
    "trustee",
    "campaign",
];

/// How far into a draft its parties are looked for.
const PREAMBLE_BYTES: usize = 5_000;

/// Compiles the patterns every detection uses (each on first use otherwise), so that a thread
/// with nothing else to do can do it before the draft is read.
pub(crate) fn compile_patterns() {
    for pattern in [
        &DEFINED_TERM,
        &QUOTED_WORD,
        &PARENTHESIS,
        &HEREAFTER,
        &OF_THE_PARTS,
        &TRADING_AS,
        &ROLE_LINE,
        &PRONOUNS_OF,
        &MEANS_PRONOUN,
        &PRONOUN_MEANS,
    ] {
        pattern.compile();
    }
}

/// `("Provider")`, `(the "Client")`, `(hereinafter referred to as "Consultant")`.
static DEFINED_TERM: LazyLock<AsciiFirst> = LazyLock::new(|| {
    AsciiFirst::new(
        r#"(?i)\(\s*(?:each\s+a\s+|individually\s+)?(?:the\s+|(?:hereinafter|hereafter|henceforth)\s+(?:referred\s+to\s+as\s+|called\s+)?(?:the\s+)?|together\s+with\s+its\s+affiliates,\s+)?["“”']\s*([A-Za-z][A-Za-z0-9&.\- ]{1,40}?)\s*["“”']\s*\)"#,
    )
});

/// The two sides of the deal, each with the words the draft uses for it (lower case).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Parties {
    /// The agency's defined term (or name) as the draft writes it.
    pub agency: Option<String>,
    pub counterparty: Option<String>,
    /// True when found in the draft, false when given with `--agency-party` (or not found).
    pub detected: bool,
    /// Found, but on thin evidence: no role word and few duties set the agency apart from the
    /// other side (two companies, neither providing services).
    #[serde(skip)]
    pub uncertain: bool,
    #[serde(skip)]
    pub agency_aliases: Vec<String>,
    #[serde(skip)]
    pub counterparty_aliases: Vec<String>,
    /// Every other defined term of the draft (lower case): "provider materials" is not the provider.
    #[serde(skip)]
    pub other_terms: Vec<String>,
    /// Every party the preamble defines, as the draft writes it, in order: the choices offered
    /// when the user corrects the agency.
    #[serde(skip)]
    pub candidates: Vec<String>,
}

impl Parties {
    /// Two parties named as given, with no aliases: for tests of what is written with them.
    #[cfg(test)]
    pub(crate) fn named(agency: &str, client: &str) -> Parties {
        Parties {
            agency: Some(agency.into()),
            counterparty: Some(client.into()),
            detected: true,
            uncertain: false,
            agency_aliases: Vec::new(),
            counterparty_aliases: Vec::new(),
            other_terms: Vec::new(),
            candidates: Vec::new(),
        }
    }

    /// Whether a lower-case word or phrase names the agency.
    pub fn is_agency(&self, word: &str) -> bool {
        self.agency_aliases.iter().any(|a| a == word)
    }

    pub fn is_counterparty(&self, word: &str) -> bool {
        self.counterparty_aliases.iter().any(|a| a == word)
    }

    /// Whether a lower-case word is a word for the paying side ("customer", "client") and not
    /// the agency's: the counterparty's, or its own client's where it is an agency too.
    pub fn is_client_word(&self, word: &str) -> bool {
        is_client_role(word) && !self.is_agency(word)
    }

    /// Whether the draft is an employment or invention assignment agreement: the side whose
    /// work is at stake is the employee, or the other side the employer, as the draft names
    /// them. Its wording differs: salary rather than fees per deliverable, no "other clients".
    pub fn is_employment(&self) -> bool {
        const EMPLOYEE: &[&str] = &["employee", "executive", "worker"];
        const EMPLOYER: &[&str] = &["employer"];
        let named = |name: &Option<String>, aliases: &[String], roles: &[&str]| {
            name.iter()
                .map(|n| n.trim().trim_start_matches("the ").trim_start_matches("The ").to_lowercase())
                .chain(aliases.iter().cloned())
                .any(|a| roles.contains(&a.as_str()))
        };
        // A freelancer or contractor whose client is called its "Employer" (a marketplace's
        // terms) is engaged for fees, not employed.
        let engaged = self.agency.as_deref().and_then(role_of) == Some(true);
        named(&self.agency, &self.agency_aliases, EMPLOYEE) || named(&self.counterparty, &self.counterparty_aliases, EMPLOYER) && !engaged
    }

    pub fn is_other_term(&self, word: &str) -> bool {
        self.other_terms.iter().any(|a| a == word)
    }
}

/// Whether a word names the paying side in any draft ("customer", "client", "buyer").
pub fn is_client_role(word: &str) -> bool {
    role_of(word) == Some(false)
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

/// A party's term and every word the draft uses for it.
type Named = (String, Vec<String>);

/// A party the preamble defines: its defined term and every word the draft uses for it.
#[derive(Debug, Clone)]
struct Candidate {
    term: String,
    aliases: Vec<String>,
}

/// `("2Fifteen," "we," "us," or "our")`: the quoted words of a defining parenthesis.
static QUOTED_WORD: LazyLock<AsciiFirst> =
    LazyLock::new(|| AsciiFirst::new(r#"["“”]\s*(?:the\s+)?([\p{L}0-9][\p{L}0-9&.\- ]{0,40}?)\s*,?\s*["“”]"#));
/// A parenthesis of quoted words, of one word in capitals: `(CONTRACTOR)`, or of one
/// capitalised word, as a Markdown draft in bold defines a term once its markup is blanked:
/// `(Client)` (kept only when the word is a party's role).
static PARENTHESIS: LazyLock<AsciiFirst> = LazyLock::new(|| {
    AsciiFirst::new(
        r#"\(\s*(?:(?:each|both|and|of|them|a|an|individually|collectively|together|jointly),?\s+){0,6}(?:the\s+|(?:[Hh]ereinafter|[Hh]ereafter|[Hh]enceforth)\s+(?:referred\s+to\s+as\s+|called\s+)?(?:the\s+)?)?((?:["“”][^"“”()]{1,44}["“”][,\s]*(?:or\s+|and\s+)?){1,5}|[A-Z][A-Z]{2,20}\.?|[A-Z][a-z]{2,20})\s*(?:[,;]?\s*which\s+(?:expression|shall|will|term|includes?)\b[^()]{0,300})?\)"#,
    )
});
/// `(hereafter Fishtown Analytics)`: a name of several capitalised words after words that
/// say it defines one, without quotes.
static HEREAFTER: LazyLock<AsciiFirst> = LazyLock::new(|| {
    AsciiFirst::new(
        r"\(\s*(?:[Hh]ereinafter|[Hh]ereafter|[Hh]enceforth)\s+(?:referred\s+to\s+as\s+|called\s+)?(?:the\s+)?([A-Z][A-Za-z0-9&.\-]*(?:\s+[A-Z][A-Za-z0-9&.\-]*){1,3})\s*\)",
    )
});
/// Indian and older Commonwealth deeds name each party in a block that ends "of the First
/// Part": `1. Wednesday Solutions, a partnership firm, ..., of the First Part`.
static OF_THE_PART: LazyLock<AsciiFirst> = LazyLock::new(|| {
    AsciiFirst::new(
        r"(?m)^[ \t]*(?:\d{1,2}[.)][ \t]+)?([A-Z][A-Za-z0-9&.\-]*(?: [A-Z][A-Za-z0-9&.\-]*){0,5})[ \t]*,[^\n]{0,600}?\bof the\s+(?:[Ff]irst|[Ss]econd|[Tt]hird|[Oo]ther|FIRST|SECOND|THIRD|OTHER)\s+(?:[Pp]art|PART)\b",
    )
});
/// How every `OF_THE_PART` block ends.
static OF_THE_PARTS: LazyLock<AsciiFirst> =
    LazyLock::new(|| AsciiFirst::new(r"\bof the\s+(?:[Ff]irst|[Ss]econd|[Tt]hird|[Oo]ther|FIRST|SECOND|THIRD|OTHER)\s+(?:[Pp]art|PART)\b"));
/// `trading as "Go Free Range"`, and `Collaborating Developer: Jane Roe` on a line of its own.
static TRADING_AS: LazyLock<AsciiFirst> = LazyLock::new(|| AsciiFirst::new(r#"(?:trading|doing business) as\s+["“]([^"”]{2,40})["”]"#));
static ROLE_LINE: LazyLock<AsciiFirst> = LazyLock::new(|| {
    AsciiFirst::new(
        r"(?m)^\s*\**([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?)(?: \(([A-Za-z ]{2,30})\))?:\**(?:[ \t]+([A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){0,4})\b|[ \t]+\S|[ \t]*$)",
    )
});
/// `"we", "us", "our" is a reference to the Company`, `references to "Client," "you," or "your" mean`.
static PRONOUNS_OF: LazyLock<AsciiFirst> = LazyLock::new(|| {
    AsciiFirst::new(
        r#"(?i)((?:["“”](?:we|us|our|you|your)["“”],?\s*(?:or\s+|and\s+)?){1,4})\s*(?:is|are|shall be|will be)?\s*(?:a\s+)?references?\s+to\s+(?:the\s+)?([A-Z][A-Za-z0-9]+)"#,
    )
});
static MEANS_PRONOUN: LazyLock<AsciiFirst> = LazyLock::new(|| {
    AsciiFirst::new(
        r#"(?:references\s+to\s+)?["“”](?:the\s+)?([A-Z][A-Za-z0-9]+),?["“”],?\s*(?:(?:["“”](?:you|your|yours|we|us|our)[,]?["“”],?\s*(?:or\s+|and\s+)?)*\s*)(?:means?|refers? to)\s+(you|us)\b"#,
    )
});

/// `"Us" means the BBC`, `You: means the individual or entity entering into this Agreement`:
/// a pronoun defined as a term, for a named party or for the person the draft addresses.
static PRONOUN_MEANS: LazyLock<AsciiFirst> = LazyLock::new(|| {
    AsciiFirst::new(
        r#"(You|We|Us)["“”*_]*(?:\s*(?:,|or|and)\s*["“”*_]*(?:Your|Yours|Our|Ours|Us|We)["“”*_]*)*\s*:?\s*(?:means|shall mean|refers to)\s+(?:the\s+)?([A-Z][A-Za-z0-9&]*(?:[ \t]+[A-Z][A-Za-z0-9&]*){0,3}\b)?"#,
    )
});

/// `Acme Limited ("we", "us", "our")`, `the customer named in the Order ("you")`: pronouns
/// defined in brackets, each set for a party of its own.
static BRACKETED_PRONOUNS: LazyLock<AsciiFirst> =
    LazyLock::new(|| AsciiFirst::new(r#"(?i)\(\s*((?:["“”](?:we|us|our|you|your)["“”],?\s*(?:or\s+|and\s+)?){1,4})\s*\)"#));

/// `you, the client, and I, the developer`: a pronoun set beside the role it stands for.
static APPOSITIVE: LazyLock<AsciiFirst> = LazyLock::new(|| AsciiFirst::new(r"(?i)\b(you|we|i)\s*,\s*the\s+([a-z]+(?: [a-z]+)?)\s*,"));

const FIRST_PERSON: [&str; 4] = ["we", "us", "our", "ours"];
/// A freelancer's own terms: "I", "me", "my".
const FIRST_SINGULAR: [&str; 4] = ["i", "me", "my", "mine"];
const SECOND_PERSON: [&str; 3] = ["you", "your", "yours"];

/// Detects the parties from the draft's opening (where parties are defined), or takes the
/// agency's name from the user.
pub fn detect(text: &str, given: Option<&str>) -> Parties {
    let head = &text[..crate::text::floor_char(text, 60_000)];
    let preamble = &text[..crate::text::floor_char(text, PREAMBLE_BYTES)];
    let mut terms: Vec<String> = Vec::new();
    for c in DEFINED_TERM.on(head).captures_iter(head) {
        let lower = c[1].trim().to_lowercase();
        if !terms.contains(&lower) {
            terms.push(lower);
        }
    }
    let mut candidates = candidates(preamble);
    // A platform's terms: "we" and "you", defined as the platform and its user, are neither
    // side.
    let platform = roles_beside(preamble, head, &candidates).map(|sides| {
        let pronouns = candidates.iter().any(|c| c.aliases.iter().any(|a| is_pronoun(a)));
        candidates = sides;
        pronouns
    });
    let platform = platform == Some(true);
    named_as_used(head, &mut candidates);
    assign_pronouns(head, &mut candidates);
    if let Some(name) = given {
        return given_party(name, &candidates, head, terms, platform);
    }
    let scored: Vec<(i32, usize)> = {
        let mut s: Vec<(i32, usize)> = candidates.iter().enumerate().map(|(k, c)| (agency_score(head, c), k)).collect();
        s.sort_by_key(|&(score, k)| (std::cmp::Reverse(score), k));
        s
    };
    let mut agency: Option<(String, Vec<String>)> = None;
    let mut client: Option<(String, Vec<String>)> = None;
    let mut uncertain = uncertain_pick(head, &candidates, &scored);
    if let [(best, a), rest @ ..] = scored.as_slice()
        && rest.first().is_none_or(|(next, _)| best > next)
        && (*best > 0 || !rest.is_empty())
    {
        let c = &candidates[*a];
        agency = Some((c.term.clone(), c.aliases.clone()));
        // The other side: a candidate in a client's role, else the least like the agency.
        let role = |k: usize| role_of(&candidates[k].term).or_else(|| candidates[k].term.rsplit(' ').next().and_then(role_of));
        // Else the one that pays, else the least like the agency.
        let pays = |k: usize| acts(head, &candidates[k].aliases).1;
        let other = rest
            .iter()
            .find(|(_, k)| role(*k) == Some(false))
            .or_else(|| rest.iter().filter(|(_, k)| pays(*k) > 0).max_by_key(|(_, k)| pays(*k)))
            .or(rest.last());
        client = other.map(|(_, k)| (candidates[*k].term.clone(), candidates[*k].aliases.clone()));
    }
    // Without a defined party, fall back on the role word the draft uses most, and for the client
    // on the words the draft binds it with ("the Authority shall").
    // "We, The OpenGov Foundation, are hiring you ... We will pay you": the one party the
    // preamble names pays, and the draft speaks to the other.
    if let ([(score, k)], None) = (scored.as_slice(), &agency)
        && *score <= 0
        && let Some((you, mut them)) = addressed(head)
    {
        them.extend(candidates[*k].aliases.iter().cloned());
        agency = Some(you);
        client = Some((candidates[*k].term.clone(), them));
        uncertain = false;
    }
    let agency_by_role = agency.is_none();
    let agency = agency.or_else(|| agency_by_words(preamble, head));
    let client = client.or_else(|| most_used(preamble, head, CLIENT_ROLES)).filter(|c| agency.as_ref().is_none_or(|a| a.0 != c.0));
    // "between the Company and the Team Member": the one the client is paired with.
    let agency = match (&agency, &client) {
        (None, Some(c)) => paired_with(preamble, head, &c.0, false),
        _ => agency,
    };
    let acting = match (&agency, &client) {
        (Some(a), None) => acting_party(head, &a.0).or_else(|| paired_with(preamble, head, &a.0, true)),
        _ => None,
    };
    // Sure of the pick when both sides are named by what they are ("the contractor" and "the
    // Government"; "the Supplier" and the party the draft binds).
    let by_role = match (&agency, &client, &acting) {
        (_, Some(c), _) => agency_by_role && role_of(&c.0) == Some(false),
        (Some(a), None, Some(_)) => role_of(&a.0) == Some(true),
        _ => false,
    };
    let client = client.or(acting).or_else(|| agency.as_ref().and_then(|a| company_named(head, &a.0)));
    // Sure too where the draft says who "we" are, and "we" do the work.
    let uncertain = uncertain && !by_role && agency.as_ref().is_none_or(|a| we_are(head).is_none_or(|w| w != a.0));
    // No party defined or named by its role: the one that grants a licence to the other, as a
    // guess ("Roke grants Dstl a ... license").
    let (agency, client, uncertain) = match (agency, client) {
        (None, None) => match grant_between(head).or_else(|| first_and_second(head)) {
            Some((grantor, grantee)) => (Some(grantor), Some(grantee), true),
            None => (None, None, uncertain),
        },
        (agency, client) => (agency, client, uncertain),
    };
    let (agency, client) = if platform { (agency, client) } else { with_pronouns(head, agency, client) };
    let agency_aliases: Vec<String> = agency.as_ref().map(|(_, a)| a.clone()).unwrap_or_default();
    let counterparty_aliases = with_clients_beside(client.as_ref().map(|c| c.1.clone()), &candidates, &agency_aliases, platform);
    terms.retain(|t| !agency_aliases.contains(t) && !counterparty_aliases.contains(t));
    Parties {
        other_terms: terms,
        detected: agency.is_some(),
        // "You shall undertake the Project ... We will pay the DEVgrant": sure where the one
        // spoken to works and the one speaking pays.
        uncertain: agency.is_some() && uncertain && !works_and_is_paid(head, agency.as_ref(), client.as_ref()),
        agency: agency.as_ref().map(|(t, _)| t.clone()),
        counterparty: client.as_ref().map(|(t, _)| t.clone()),
        agency_aliases,
        counterparty_aliases,
        candidates: candidates.into_iter().map(|c| c.term).collect(),
    }
}

/// Whether the pick of the agency among the scored candidates is a guess: certain when the
/// agency stands out by its role and duties, or the other side is a client by its role word,
/// or one side only works and the other only pays, or the side the draft speaks to alone gives.
fn uncertain_pick(head: &str, candidates: &[Candidate], scored: &[(i32, usize)]) -> bool {
    match scored {
        [(best, a), rest @ ..] => {
            let second = rest.first().map_or(i32::MIN, |r| r.0);
            let clear_client = rest.last().is_some_and(|r| r.0 <= -3);
            let conventional = *best > 0 && rest.len() == 1 && by_convention(head, &candidates[*a], &candidates[rest[0].1]);
            // "Jadran Data d.o.o. shall provide the Services" and "Dalmacija Osiguranje d.d.
            // shall pay the Fees": one side only works, the other only pays.
            // "You hereby grant Us a perpetual ... licence", twice, and "Us" does nothing: the one
            // the draft speaks to alone gives, the one speaking neither works nor pays (a
            // contributor agreement).
            let split = || {
                let (works, pays) = acts(head, &candidates[*a].aliases);
                let others: Vec<(i32, i32)> = rest.iter().map(|(_, k)| acts(head, &candidates[*k].aliases)).collect();
                let paid = others.iter().filter(|o| o.1 > 0).count() == 1;
                let spoken_to = candidates[*a].aliases.iter().any(|w| w == "you")
                    && rest.iter().all(|(_, k)| candidates[*k].aliases.iter().any(|w| w == "we" || w == "us"));
                let gives_alone = spoken_to && works >= 2 && others.iter().all(|o| o.1 == 0);
                works > 0 && pays == 0 && others.iter().all(|o| o.0 == 0) && (paid || gives_alone)
            };
            !(*best >= 3 && best.saturating_sub(second) >= 2 || *best > 0 && clear_client || conventional || split())
        }
        [] => false,
    }
}

/// "perform work for a client (the Client) of the Company": the parties in a client's role
/// beside the two sides, who take the work as the other side does, added to the other side's
/// aliases, unless the draft is a platform's terms.
fn with_clients_beside(counterparty: Option<Vec<String>>, candidates: &[Candidate], agency: &[String], platform: bool) -> Vec<String> {
    let mut counterparty = counterparty.unwrap_or_default();
    if platform || counterparty.is_empty() {
        return counterparty;
    }
    let beside = candidates.iter().filter(|c| role_of(&c.term) == Some(false)).map(|c| c.term.to_lowercase());
    let more: Vec<String> = beside.filter(|a| !agency.contains(a) && !counterparty.contains(a)).collect();
    counterparty.extend(more);
    counterparty
}

/// The party the user named, and the other side: the candidate that is not it.
fn given_party(name: &str, candidates: &[Candidate], head: &str, mut terms: Vec<String>, platform: bool) -> Parties {
    let lower = name.trim().to_lowercase();
    let bare = lower.strip_prefix("the ").unwrap_or(&lower).to_owned();
    let found = candidates.iter().position(|c| c.aliases.contains(&bare) || c.term.to_lowercase() == bare);
    let aliases = found.map_or_else(|| vec![bare.clone()], |k| candidates[k].aliases.clone());
    // The other side: a candidate in a client's role, another candidate, the client's role
    // word the draft uses most ("the Government" that no parenthesis defines), else the party
    // the draft binds or the company it names.
    let others = || candidates.iter().enumerate().filter(|(k, c)| Some(*k) != found && !c.aliases.contains(&bare)).map(|(_, c)| c);
    let preamble = &head[..crate::text::floor_char(head, PREAMBLE_BYTES)];
    let client_role = || most_used(preamble, head, CLIENT_ROLES).filter(|(t, _)| t.to_lowercase() != bare);
    // A party the preamble does not define ("Freelancer" in a platform's terms between "you"
    // and the platform) deals with the client its role word names, not with the preamble's.
    let beside_the_preamble = found.is_none().then(client_role).flatten().map(|(term, aliases)| Candidate { term, aliases });
    let terms_of_a_platform = platform;
    let platform = platform || beside_the_preamble.is_some();
    let counterparty = beside_the_preamble
        .or_else(|| {
            others()
                .find(|c| role_of(&c.term) == Some(false))
                .or_else(|| others().filter(|c| acts(head, &c.aliases).1 > 0).max_by_key(|c| acts(head, &c.aliases).1))
                .or_else(|| others().next())
                .cloned()
        })
        .or_else(|| {
            client_role()
                .or_else(|| acting_party(head, &bare))
                .or_else(|| company_named(head, &bare))
                .or_else(|| grant_between(head).filter(|(giver, _)| giver.1.contains(&bare)).map(|(_, receiver)| receiver))
                .map(|(term, aliases)| Candidate { term, aliases })
        });
    // A draft in the first person: "we" and "you" go to the named party and the other side as
    // they would had the agency been detected.
    let named = Some((name.trim().to_owned(), aliases));
    let (agency, counterparty) = match counterparty {
        // The platform's "we" and "you" are neither side of the deal its users make.
        Some(c) if platform => (named, Some((c.term, c.aliases))),
        c => with_pronouns(head, named, c.map(|c| (c.term, c.aliases))),
    };
    let aliases = agency.map(|(_, a)| a).unwrap_or_default();
    let counterparty_aliases =
        with_clients_beside(counterparty.as_ref().map(|(_, a)| a.clone()), candidates, &aliases, terms_of_a_platform);
    terms.retain(|t| !aliases.contains(t) && !counterparty_aliases.contains(t));
    Parties {
        other_terms: terms,
        agency: Some(name.trim().to_owned()),
        counterparty: counterparty.map(|(t, _)| t),
        detected: false,
        uncertain: false,
        agency_aliases: aliases,
        counterparty_aliases,
        candidates: candidates.iter().map(|c| c.term.clone()).collect(),
    }
}

/// Adds a party found in the preamble as `term`, with the other words the draft uses for it,
/// unless it names no party or one already found.
fn push_candidate(out: &mut Vec<Candidate>, preamble: &str, (term, trade_name): (&str, bool), extra: Vec<String>) {
    // A name that ends in an abbreviation keeps its stop ("Jadran Data d.o.o.", "Lusa S.A."):
    // the draft writes it so before "shall provide".
    let term = term.trim().trim_end_matches(',').trim();
    let abbreviated = term.rsplit(' ').next().is_some_and(|w| w.trim_end_matches('.').contains('.'));
    let term = if abbreviated { term } else { term.trim_end_matches(['.', ',']).trim() };
    let lower = term.to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower).to_owned();
    // `creating ("posting") a task`: a party's name has a capital ("dOrg"), or is a pronoun,
    // or is the name it trades as ("trading as \"dxw digital\""), or a role word (the EU's
    // `(the "contractor")`).
    let lowercase = !term.contains(|c: char| c.is_uppercase()) && !is_pronoun(&lower) && !trade_name && role_of(&lower).is_none();
    // Found again with a role word of its side beside it ("CLIENT (Company)"): that word too.
    if let Some(c) = out.iter_mut().find(|c| c.aliases.contains(&lower)) {
        let same_side = |e: &&String| role_of(e).is_some() && role_of(e) == role_of(term) && !c.aliases.contains(e);
        let more: Vec<String> = extra.iter().filter(same_side).cloned().collect();
        c.aliases.extend(more);
        return;
    }
    if term.len() < 2 || lowercase || names_a_thing(term) || term.split_whitespace().count() > 3 {
        return;
    }
    // `Go Free Range (the "Insured Sum")`: a thing of a party already found, not a party.
    if role_of(term).is_none() && extra.iter().any(|e| out.iter().any(|c| c.aliases.contains(e))) {
        return;
    }
    let mut aliases = vec![lower.clone()];
    // "Collaborating Developer" is "the Developer" in the text.
    if let Some(last) = lower.rsplit(' ').next().filter(|l| *l != lower && role_of(l).is_some()) {
        aliases.push(last.to_owned());
    }
    aliases.extend(extra.into_iter().filter(|e| !e.is_empty()));
    let term = term.strip_prefix("the ").or_else(|| term.strip_prefix("The ")).unwrap_or(term).to_owned();
    out.push(Candidate { term: as_used(preamble, term), aliases });
}

/// The parties the preamble defines, in order, with the company name before each.
fn candidates(preamble: &str) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let mut found: Vec<(usize, String, Vec<String>)> = Vec::new();
    let mut trade_names: Vec<usize> = Vec::new();
    // A block's name, unless the block defines a term for its party: then the name is that
    // term's alias.
    // Every block ends with the words `OF_THE_PARTS` finds, and without them `OF_THE_PART`
    // (which costs as much to compile as all the other patterns here) is not needed.
    let blocks: Vec<(usize, usize, String)> = if OF_THE_PARTS.on(preamble).is_match(preamble) {
        OF_THE_PART
            .on(preamble)
            .captures_iter(preamble)
            .take(6)
            .map(|c| (c.get(0).expect("match").start(), c.get(0).expect("match").end(), c[1].trim().to_owned()))
            .collect()
    } else {
        Vec::new()
    };
    let block_of = |at: usize| blocks.iter().find(|(s, e, _)| (*s..*e).contains(&at));
    // Each defining parenthesis, and whether its words say they define (`HEREAFTER`).
    let mut parentheses: Vec<(regex::Match<'_>, &str, bool)> = PARENTHESIS
        .on(preamble)
        .captures_iter(preamble)
        .map(|c| (c.get(0).expect("match"), c.get(1).expect("group").as_str(), false))
        .collect();
    if preamble.contains("ereafter") || preamble.contains("ereinafter") || preamble.contains("enceforth") {
        for c in HEREAFTER.on(preamble).captures_iter(preamble) {
            parentheses.push((c.get(0).expect("match"), c.get(1).expect("group").as_str(), true));
        }
        parentheses.sort_by_key(|(m, _, _)| m.start());
    }
    for (whole, inner, explicit) in parentheses {
        // "“Recipient Receipts” shall mean ... (“Recipient Commercialization”)": a term a
        // definition defines in passing is no party.
        let before = &preamble[preamble[..whole.start()].rfind('\n').map_or(0, |i| i + 1)..whole.start()];
        if [" shall mean ", "\" means ", "\u{201d} means ", " has the meaning "].iter().any(|w| before.contains(w)) {
            continue;
        }
        let words: Vec<String> = QUOTED_WORD.on(inner).captures_iter(inner).map(|w| w[1].trim().to_owned()).collect();
        // `(“[ENTITY]”)`: a placeholder left to fill in names no party yet.
        if words.is_empty() && inner.contains(['"', '“', '”']) {
            continue;
        }
        let words = if words.is_empty() { vec![inner.trim().trim_end_matches('.').to_owned()] } else { words };
        // "(Client)": a capitalised word alone defines a party only when it names a role.
        let lone = !explicit && !inner.contains(['"', '“', '”']) && !inner.chars().skip(1).all(|c| c.is_ascii_uppercase() || c == '.');
        let company = lone.then(|| company_described(preamble, whole.start(), whole.end())).flatten();
        if lone && role_of(inner.trim()).is_none() && company.is_none() {
            continue;
        }
        let (pronouns, names): (Vec<String>, Vec<String>) = words.into_iter().partition(|w| is_pronoun(&w.to_lowercase()));
        // `("You")`: a party the draft names only by its pronoun.
        let alone = (names.is_empty() && pronouns.len() == 1).then(|| pronouns[0].clone());
        // Of several names for one party, the role word is its term ("Humanytics" or "Consultant").
        let Some(term) = names.iter().find(|n| role_of(n).is_some()).or(names.first()).or(alone.as_ref()) else { continue };
        // "Digital Partner of Record (DPOR)": capitals that spell the words before them abbreviate
        // a thing, unless those words name an organisation.
        let capitals = !lone && !explicit && !inner.contains(['"', '“', '”']);
        if capitals && abbreviates(&preamble[..whole.start()], term) {
            continue;
        }
        let mut extra: Vec<String> = pronoun_forms(&pronouns);
        if let Some((_, _, name)) = block_of(whole.start()) {
            extra.push(name.to_lowercase());
        } else if let Some(own) = company {
            extra.extend(leading_name(own).map(|n| n.to_lowercase()));
        } else if let Some(name) = name_before(&preamble[..whole.start()]) {
            extra.push(name.to_lowercase());
        }
        extra.extend(names.iter().filter(|n| *n != term).map(|n| n.to_lowercase()));
        // "**CLIENT (Company):**": a role word of the same side just before is the same party.
        let word_before = preamble[..whole.start()]
            .trim_end_matches(|c: char| c.is_whitespace() || c == '*')
            .rsplit(char::is_whitespace)
            .next()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
        extra.extend(word_before.filter(|w| role_of(w).is_some() && role_of(w) == role_of(term)).map(str::to_lowercase));
        found.push((whole.start(), term.clone(), extra));
    }
    for (start, end, name) in &blocks {
        let block = &preamble[*start..*end];
        if !PARENTHESIS.on(block).captures_iter(block).any(|c| role_of(c[1].trim_matches(['"', '“', '”'])).is_some()) {
            found.push((*start, name.clone(), Vec::new()));
        }
    }
    found.extend(placeholders(preamble).into_iter().map(|(at, name)| (at, name, Vec::new())));
    for c in TRADING_AS.on(preamble).captures_iter(preamble) {
        trade_names.push(c.get(0).expect("match").start());
        found.push((c.get(0).expect("match").start(), c[1].to_owned(), Vec::new()));
    }
    let lines: Vec<_> = ROLE_LINE.on(preamble).captures_iter(preamble).collect();
    // Where the lines naming a role are: a party's own name is labelled beside them.
    let role_lines: Vec<usize> = lines.iter().filter(|c| role_of(&c[1]).is_some()).map(|c| c.get(0).expect("match").start()).collect();
    let beside = |at: usize| {
        role_lines.iter().any(|&r| {
            let (a, b) = (r.min(at), r.max(at));
            preamble[a..b].matches('\n').count() <= 4
        })
    };
    for c in &lines {
        let role = c.get(2).map_or(&c[1], |r| r.as_str());
        if role_of(role).is_some() || role_of(role.rsplit(' ').next().unwrap_or("")).is_some() {
            // "Consultant: Jennifer Lewis": the name stands for the role in the text; "Provider:
            // Evonix Limited", and "Evonix" after it.
            let name = c.get(3).map(|n| n.as_str().to_lowercase()).filter(|n| n.len() > 2 && role_of(n).is_none());
            let short = name.as_deref().and_then(without_company_suffix).filter(|n| n.len() > 2 && role_of(n).is_none());
            found.push((c.get(0).expect("match").start(), role.to_owned(), name.into_iter().chain(short).collect()));
        } else if beside(c.get(0).expect("match").start()) && names_a_side(preamble, &c[1]) {
            // "**Client:** [Client Name]" beside "**LKS Next:** [Company Information]": the
            // other side is named by its own name.
            found.push((c.get(0).expect("match").start(), c[1].to_owned(), Vec::new()));
        }
    }
    found.sort_by_key(|(at, _, _)| *at);
    for (at, term, extra) in found {
        push_candidate(&mut out, preamble, (&term, trade_names.contains(&at)), extra);
    }
    out.truncate(6);
    out
}

/// `(… DAO and the [ENTITY], together with its affiliates, “[DAO NAME]”)`: a bracketed
/// placeholder defined at the end of a parenthesis names a party when the draft goes on to use
/// it as one, more than three times (“[DAO NAME] hereby engages Party A”).
fn placeholders(preamble: &str) -> Vec<(usize, String)> {
    static PLACEHOLDER: LazyLock<AsciiFirst> = LazyLock::new(|| AsciiFirst::new(r#",\s*["“](\[[A-Z][A-Z0-9 \-]{1,30}\])["”]\)"#));
    if !preamble.contains("]\u{201d})") && !preamble.contains("]\")") {
        return Vec::new();
    }
    PLACEHOLDER
        .on(preamble)
        .captures_iter(preamble)
        .filter(|c| preamble.matches(&c[1]).count() > 3)
        .map(|c| (c.get(0).expect("match").start(), c[1].to_owned()))
        .collect()
}

/// A company's name without the word that says it is one ("evonix limited" is "evonix"); None
/// when it has no such word.
fn without_company_suffix(name: &str) -> Option<String> {
    const SUFFIXES: [&str; 10] = [" limited", " ltd", " ltd.", " llc", " inc", " inc.", " plc", " gmbh", " pty ltd", " pvt. ltd."];
    SUFFIXES.iter().find_map(|s| name.strip_suffix(s)).map(|n| n.trim_end_matches([',', ' ']).to_owned())
}

/// "Legal Entity (Supplier): Selleris sp. z o.o." and then "Selleris" throughout: a role word
/// the draft never uses again, or uses far less, gives way to the name it does use.
fn named_as_used(head: &str, candidates: &mut [Candidate]) {
    const COUNTED: usize = 64;
    let uses =
        |word: &str| find_all(head, word).filter(|&i| bounded(head, i, word.len()) && alone(head, i, word.len())).take(COUNTED).count();
    for c in candidates.iter_mut().filter(|c| role_of(&c.term).is_some()) {
        let title = |alias: &String| {
            let word = |w: &str| w.chars().next().map_or(String::new(), |f| f.to_uppercase().chain(w.chars().skip(1)).collect());
            alias.split(' ').map(word).collect::<Vec<_>>().join(" ")
        };
        // Used once, or far less than the name the draft goes on to use ("CLIENT (Company)",
        // then "Client" thirty times).
        let own = uses(&c.term);
        let named = c.aliases.iter().filter(|a| !a.is_empty() && a.is_ascii() && !is_pronoun(a)).map(title).find(|t| {
            let n = uses(t);
            // ("Client," "User," or "you"), then "Termination by User": a label defined beside
            // the role word, in no role itself, does not replace it (a company's name does).
            let label = [format!("\"{t}"), format!("\u{201c}{t}")].iter().any(|q| head.contains(q.as_str()));
            *t != c.term && n >= 3 && (own <= 1 || n >= 4 * own) && !(label && role_of(t) != role_of(&c.term))
        });
        if let Some(name) = named {
            c.term = name;
        }
    }
}

/// Whether a label in a block of parties ("LKS Next:") is a name the draft goes on to use
/// as a party's: a name of several capitalised words or with an acronym, used again.
fn names_a_side(preamble: &str, label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    let name_like = words.len() > 1 || words.iter().any(|w| w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase()));
    name_like && !names_a_thing(label) && preamble.matches(label).count() >= 3
}

/// Whether `capitals` are the initials of the last words of `before` (with or without its
/// small words), and those words name no company or other organisation.
fn abbreviates(before: &str, capitals: &str) -> bool {
    const ORGANISATION: [&str; 30] = [
        "inc",
        "llc",
        "ltd",
        "limited",
        "corp",
        "corporation",
        "company",
        "plc",
        "pty",
        "gmbh",
        "group",
        "holdings",
        "partners",
        "llp",
        "unit",
        "university",
        "institute",
        "department",
        "agency",
        "council",
        "foundation",
        "authority",
        "ministry",
        "office",
        "centre",
        "center",
        "trust",
        "college",
        "board",
        "commission",
    ];
    let words: Vec<&str> = before.split_whitespace().rev().take(10).collect::<Vec<_>>().into_iter().rev().collect();
    let small = |w: &&str| ["of", "and", "for", "the", "&"].contains(&w.to_lowercase().as_str());
    (1..=words.len()).any(|k| {
        let tail = &words[words.len() - k..];
        let spells = |ws: Vec<&&str>| ws.iter().filter_map(|w| w.chars().next()).collect::<String>().to_uppercase() == capitals;
        // "Health Research Board (HRB)" names one; "institutional review board (IRB)" a kind.
        let proper = tail.iter().all(|w| small(w) || w.starts_with(|c: char| c.is_uppercase()));
        let company = proper && tail.iter().any(|w| ORGANISATION.contains(&w.trim_end_matches(['.', ',']).to_lowercase().as_str()));
        !company && (spells(tail.iter().collect()) || spells(tail.iter().filter(|w| !small(w)).collect()))
    })
}

/// "Norton Motorcycle Co. Limited incorporated and registered in England ... whose registered
/// office is at ... (Norton)": the words of a company's description that a bracket at
/// `start..end` closes, ending its line; after the previous party's bracket ("(1) ... (the
/// Company) (2) ...").
fn company_described(preamble: &str, start: usize, end: usize) -> Option<&str> {
    let line = &preamble[preamble[..start].rfind('\n').map_or(0, |i| i + 1)..start];
    let rest = &preamble[end..];
    let ends_line =
        rest[..rest.find('\n').unwrap_or(rest.len())].trim_matches(|c: char| c.is_whitespace() || ";,.*".contains(c)).is_empty();
    let own = &line[line.rfind(')').map_or(0, |i| i + 1)..];
    let lower = own.to_lowercase();
    let company = ["incorporated", "registered office", "company number", "principal place of business"].iter().any(|w| lower.contains(w));
    (ends_line && company).then_some(own)
}

/// The name a party's line opens with, after its number: "(2) Norton Motorcycle Co.
/// Limited incorporated ..." gives "Norton Motorcycle Co. Limited"; a placeholder gives none.
fn leading_name(line: &str) -> Option<String> {
    let rest = line.trim_start_matches(|c: char| !c.is_alphabetic() && c != '[');
    let words: Vec<&str> = rest.split_whitespace().take_while(|w| w.starts_with(|c: char| c.is_uppercase())).collect();
    (!words.is_empty()).then(|| words.join(" ").trim_end_matches(',').to_owned())
}

/// A term defined in capitals ("PROVIDER") as the draft writes it elsewhere ("Provider").
fn as_used(text: &str, term: String) -> String {
    if term.len() < 4 || term.chars().any(char::is_lowercase) {
        return term;
    }
    let title: String = term
        .split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map(|c| c.to_string() + &chars.as_str().to_lowercase()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ");
    if text.matches(title.as_str()).take(3).count() > text.matches(term.as_str()).take(3).count() { title } else { term }
}

pub(super) fn is_pronoun(word: &str) -> bool {
    FIRST_PERSON.contains(&word) || SECOND_PERSON.contains(&word) || FIRST_SINGULAR.contains(&word)
}

/// Every form of the persons among `words`: "we" brings "us", "our" and "ours".
fn pronoun_forms(words: &[String]) -> Vec<String> {
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let mut out = Vec::new();
    if lower.iter().any(|w| FIRST_PERSON.contains(&w.as_str())) {
        out.extend(FIRST_PERSON.iter().map(|w| (*w).to_owned()));
    }
    if lower.iter().any(|w| SECOND_PERSON.contains(&w.as_str())) {
        out.extend(SECOND_PERSON.iter().map(|w| (*w).to_owned()));
    }
    if lower.iter().any(|w| FIRST_SINGULAR.contains(&w.as_str())) {
        out.extend(FIRST_SINGULAR.iter().map(|w| (*w).to_owned()));
    }
    out
}

/// Pronouns the draft assigns in words: `"we", "us" is a reference to the Company`.
fn assign_pronouns(head: &str, candidates: &mut Vec<Candidate>) {
    let mut give = |name: &str, words: Vec<String>| {
        let lower = name.to_lowercase();
        let k = match candidates.iter().position(|c| c.aliases.contains(&lower)) {
            Some(k) => k,
            // `"Client" means you`: a party defined only by its pronoun.
            None if candidates.len() < 6 && !names_a_thing(name) => {
                candidates.push(Candidate { term: name.to_owned(), aliases: vec![lower] });
                candidates.len() - 1
            }
            None => return,
        };
        let c = &mut candidates[k];
        for w in pronoun_forms(&words) {
            if !c.aliases.contains(&w) {
                c.aliases.push(w);
            }
        }
    };
    for c in PRONOUNS_OF.on(head).captures_iter(head) {
        let words = QUOTED_WORD.on(&c[1]).captures_iter(&c[1]).map(|w| w[1].to_owned()).collect();
        give(&c[2], words);
    }
    for c in MEANS_PRONOUN.on(head).captures_iter(head) {
        give(&c[1], vec![c[2].to_owned()]);
    }
    // The pronoun as a word of its own, not the end of a longer one.
    let alone = |at: usize| head[..at].chars().next_back().is_none_or(|ch| !ch.is_alphanumeric());
    for c in PRONOUN_MEANS.on(head).captures_iter(head).filter(|c| alone(c.get(0).map_or(0, |m| m.start()))).take(4) {
        let word = c[1].to_lowercase();
        match c.get(2) {
            Some(name) => give(name.as_str(), vec![word]),
            None => give(if FIRST_PERSON.contains(&word.as_str()) { "we" } else { "you" }, vec![word]),
        }
    }
    let preamble = &head[..crate::text::floor_char(head, PREAMBLE_BYTES)];
    for c in BRACKETED_PRONOUNS.on(preamble).captures_iter(preamble).take(4) {
        let words: Vec<String> = QUOTED_WORD.on(&c[1]).captures_iter(&c[1]).map(|w| w[1].to_lowercase()).collect();
        let Some(first) = words.first() else { continue };
        let term = if FIRST_PERSON.contains(&first.as_str()) { "we" } else { "you" };
        give(term, words);
    }
    for c in APPOSITIVE.on(head).captures_iter(head).take(20) {
        if role_of(&c[2]).is_some() {
            give(&c[2], vec![c[1].to_owned()]);
        }
    }
}

/// The agency and the client with the pronouns of a draft written in the first person: when
/// no party was given "we" or "you", the person that performs the services goes to the agency.
fn with_pronouns(head: &str, agency: Option<Named>, client: Option<Named>) -> (Option<Named>, Option<Named>) {
    let assigned = |p: &Option<Named>| p.as_ref().is_some_and(|(_, a)| a.iter().any(|w| is_pronoun(w)));
    let lower = head.to_lowercase();
    let count = |w: &str| count_words(&lower, w);
    if assigned(&agency) || assigned(&client) {
        return (other_person(&lower, agency.as_ref(), client.as_ref()).or(agency), client);
    }
    let Some(mut agency) = agency else { return (None, client) };
    // A freelancer's own terms: "I" do the work for "you", unless "I" pay.
    if i_to_you(&lower) && !i_pay(&lower) {
        agency.1.extend(FIRST_SINGULAR.iter().map(|w| (*w).to_owned()));
        let client = match client {
            Some((t, mut a)) => {
                a.extend(SECOND_PERSON.iter().map(|w| (*w).to_owned()));
                (t, a)
            }
            None => person("you", &SECOND_PERSON),
        };
        return (Some(agency), Some(client));
    }
    if count(" we") + count(" us") < 3 {
        return match client {
            Some(client) if count(" you") >= 5 => addressee(&lower, agency, client),
            _ => (Some(agency), client),
        };
    }
    if count(" you") < 3 {
        return (Some(agency), client);
    }
    let first = Candidate { term: "we".into(), aliases: FIRST_PERSON.iter().map(|w| (*w).to_owned()).collect() };
    let second = Candidate { term: "you".into(), aliases: SECOND_PERSON.iter().map(|w| (*w).to_owned()).collect() };
    // Who pays decides; without a word on it, "you" is the reader the terms address: the client.
    let (ours, theirs) = if we_pay(&lower) { (second, first) } else { (first, second) };
    agency.1.extend(ours.aliases);
    let client = match client {
        Some((t, mut a)) => {
            a.extend(theirs.aliases);
            (t, a)
        }
        None => (theirs.term, theirs.aliases),
    };
    (Some(agency), Some(client))
}

/// The named agency of a draft whose client alone holds "you" (`the customer named in the
/// Order ("you")`) and that speaks as "we" at least three times: "we" is the agency.
fn other_person(lower: &str, agency: Option<&Named>, client: Option<&Named>) -> Option<Named> {
    let (agency, client) = (agency?, client?);
    let holds = |n: &Named, words: &[&str]| n.1.iter().any(|w| words.contains(&w.as_str()));
    let first_free = !holds(agency, &FIRST_PERSON) && !holds(client, &FIRST_PERSON);
    let ours = first_free && !agency.1.iter().any(|w| is_pronoun(w)) && holds(client, &SECOND_PERSON);
    (ours && count_words(lower, " we") + count_words(lower, " us") >= 3 && !we_pay(lower)).then(|| {
        let mut agency = agency.clone();
        agency.1.extend(FIRST_PERSON.iter().map(|w| (*w).to_owned()));
        agency
    })
}

/// A draft in the second person alone ("you assign to Project Owner") names one party and
/// addresses the other: "you" is the party it does not set beside "you" in one sentence.
fn addressee(lower: &str, mut agency: Named, mut client: Named) -> (Option<Named>, Option<Named>) {
    let has = |s: &str, w: &str| find_all(s, w).any(|i| (i == 0 || !s.as_bytes()[i - 1].is_ascii_alphanumeric()) && bounded(s, i, w.len()));
    let beside = |(_, aliases): &Named| {
        lower
            .split(['.', '\n', ';'])
            .filter(|s| SECOND_PERSON.iter().any(|w| has(s, w)) && aliases.iter().any(|a| !is_pronoun(a) && has(s, a)))
            .take(50)
            .count()
    };
    let (a, c) = (beside(&agency), beside(&client));
    let second = SECOND_PERSON.iter().map(|w| (*w).to_owned());
    if c >= 3 && a * 3 <= c {
        agency.1.extend(second);
    } else if a >= 3 && c * 3 <= a {
        client.1.extend(second);
    }
    (Some(agency), Some(client))
}

fn bounded(text: &str, at: usize, len: usize) -> bool {
    text.as_bytes().get(at + len).is_none_or(|b| !b.is_ascii_alphanumeric())
}

/// Whether the draft speaks to the agency ("you") for the client ("we"), or for the agency
/// ("we") to the client ("you"), and the agency has the agency's duties and never pays, and
/// the client pays.
fn works_and_is_paid(head: &str, agency: Option<&Named>, client: Option<&Named>) -> bool {
    let (Some(a), Some(c)) = (agency, client) else { return false };
    let has = |n: &Named, w: &str| n.1.iter().any(|x| x == w);
    if !(has(a, "you") && has(c, "we") || has(a, "we") && has(c, "you")) {
        return false;
    }
    let ((duties, pays), (_, paid)) = (acts(head, &a.1), acts(head, &c.1));
    duties > 0 && pays == 0 && paid > 0
}

/// "the First Party" (or "Party A") commissions and "the Second Party" ("Party B") performs, by
/// the convention of Gulf and East Asian drafting: sure of the pick where the payments agree.
fn by_convention(head: &str, agency: &Candidate, client: &Candidate) -> bool {
    let named = |c: &Candidate, names: [&str; 2]| names.contains(&c.term.to_lowercase().as_str());
    named(agency, ["second party", "party b"]) && named(client, ["first party", "party a"]) && acts(head, &client.aliases).1 > 0
}

/// How much a candidate reads as the party doing the work: its role word, and how often the
/// draft says it provides the services (or is paid) against how often it pays.
fn agency_score(head: &str, c: &Candidate) -> i32 {
    let role = role_of(&c.term).or_else(|| c.term.rsplit(' ').next().and_then(role_of));
    // "Company" names the client in most US forms but the provider in many Indian and UK ones
    // ("Nilenso Software LLP (hereinafter "Company")" beside "Client"): its duties decide.
    let generic = ["company", "corporation"].contains(&c.term.to_lowercase().as_str());
    let score = match role {
        Some(true) => 4,
        Some(false) if generic => -1,
        Some(false) => -4,
        None => 0,
    };
    let (duties, pays) = acts(head, &c.aliases);
    // "the Creator shall pay the Fees", and never provides: a role word that names the paying
    // side here ("Creator" is the influencer a platform builds for) is no sign of the agency.
    let score = if pays > duties { score.min(0) } else { score };
    score + duties.min(4) - pays.min(4)
}

/// How often a party, by the words for it (`aliases`), is given the agency's duties ("shall
/// provide", "services performed by") and how often it pays.
fn acts(head: &str, aliases: &[String]) -> (i32, i32) {
    static DUTY: LazyLock<AsciiFirst> = LazyLock::new(|| {
        AsciiFirst::new(
            r"(?i)^,?\s+(?:shall|will|agrees? to|hereby agrees? to|is engaged to|undertakes? to|must|may)\s+(?:(?:diligently|promptly|use\s+\w+\s+efforts\s+to)\s+)?(?:provide|perform|render|deliver|develop|design|build|create|supply|carry out|complete|invoice|transfer|assign|undertake)\b|^,?\s+(?:hereby\s+)?assigns?\s+to\b|^,?\s+(?:hereby\s+)?(?:grants?|shall\s+grant|agrees?\s+to\s+grant)\s+(?:to\s+)?(?:the\s+)?[A-Za-z]+\s+an?\s+(?:[A-Za-z-]+,?\s+){0,8}?(?:perpetual|irrevocable)\b",
        )
    });
    static PAYS: LazyLock<AsciiFirst> =
        LazyLock::new(|| AsciiFirst::new(r"(?i)^,?\s+(?:shall|will|agrees? to|must)\s+(?:promptly\s+)?(?:pay|reimburse)\b"));
    static BY: LazyLock<AsciiFirst> = LazyLock::new(|| {
        AsciiFirst::new(
            r"(?i)(?:(?:services\s+(?:to\s+be\s+)?(?:provided|performed|rendered|supplied)|performed|rendered|carried\s+out|services)\s+by|(?:utili[sz]e|engage|avail\s+(?:of\s+)?|retain)\s+the\s+services\s+of)\s+(?:the\s+)?$",
        )
    });
    // "Party B shall pay punitive damages equal to three times the price": a penalty is no
    // payment for the work.
    static PENALTY: LazyLock<AsciiFirst> = LazyLock::new(|| {
        AsciiFirst::new(
            r"(?i)^,?\s+(?:shall|will|agrees? to|must)\s+(?:promptly\s+)?pay\s+(?:[\w-]+\s+){0,5}?(?:damages|penalt(?:y|ies)|fines?)\b",
        )
    });
    // "digital work You perform, as commissioned by Karya": the one that commissions pays.
    static COMMISSIONED_BY: LazyLock<AsciiFirst> = LazyLock::new(|| AsciiFirst::new(r"(?i)\bcommissioned\s+by\s+(?:the\s+)?$"));
    let lower = head.to_lowercase();
    let (mut duties, mut pays) = (0, 0);
    for alias in aliases {
        for i in find_all(&lower, alias).filter(|&i| bounded(&lower, i, alias.len())).take(200) {
            if i > 0 && lower.as_bytes()[i - 1].is_ascii_alphanumeric() {
                continue;
            }
            let after = &head[i + alias.len()..crate::text::floor_char(head, i + alias.len() + 80)];
            let before = &head[crate::text::ceil_char(head, i.saturating_sub(40))..i];
            duties += i32::from(DUTY.on(after).is_match(after) || BY.on(before).is_match(before));
            pays += i32::from(
                PAYS.on(after).is_match(after) && !PENALTY.on(after).is_match(after) || COMMISSIONED_BY.on(before).is_match(before),
            );
        }
    }
    (duties, pays)
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
        // "The List Project", "Your Original Contributions": what the parties work on.
        "project",
        "contribution",
        "contributions",
        // "hourly rates (the \"Hourly Rates\")": a price, not a party.
        "rate",
        "rates",
        "price",
        "prices",
        "charges",
        "deliverables",
        "site",
        // "The Website will ...": where a platform's users meet, not one of them.
        "website",
        "marketplace",
        "effective",
        "terms",
        "form",
        "page",
        "order",
        "statement",
        "sow",
        "contract",
        "template",
        // "Norton R&D Services Agreement (DRAFT)": the document's status.
        "draft",
        "version",
        // "Apache License, Version 2.0 (the \"License\")": the licence a notice applies.
        "license",
        "licence",
        // "a User an Account type as a Client": what a platform's user holds.
        "account",
        "profile",
        // "Amount (USD)": a currency.
        "usd",
        "eur",
        "gbp",
        "inr",
        "aud",
        "cad",
        "chf",
        "jpy",
    ];
    const ALONE: &[&str] = &["services", "products", "software", "goods", "work", "project", "materials"];
    // "Disclosing Party", "Indemnified Party": a role in one clause, not a side of the deal
    // ("Ordering Party", "Contracting Party" are sides by their role).
    let words: Vec<&str> = term.split_whitespace().collect();
    if let [first, last] = words.as_slice()
        && role_of(term).is_none()
        && ["party", "parties"].contains(&last.to_lowercase().as_str())
        && (first.ends_with("ing") || first.ends_with("ed"))
    {
        return true;
    }
    // Alone, these name what a party does, not the party ("the Services").
    let lower = term.to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    ALONE.contains(&lower) || term.split_whitespace().last().is_some_and(|w| THINGS.contains(&w.to_lowercase().as_str()))
}

/// The company name just before a defined term: `Acme AI, Inc., a Delaware corporation ("Provider")`.
fn name_before(before: &str) -> Option<String> {
    // "AND\n\n<Client name> (hereinafter "Client")": a word that joins the parties is no name.
    const JOINING: [&str; 7] = ["the", "and", "between", "by", "with", "of", "whereas"];
    static NAME: LazyLock<AsciiFirst> = LazyLock::new(|| {
        AsciiFirst::new(
            r"([A-Z][A-Za-z0-9&.\-]*(?:[ \t]+[A-Z][A-Za-z0-9&.\-]*){0,5}),?\s+(?:Inc\.?|LLC|Ltd\.?|L\.?P\.|GmbH|B\.V\.|S\.A\.|plc|Corp\.?|Corporation|Limited|Co\.)?[^()]{0,80}$",
        )
    });
    // "First Layer Digital LLC, with a registered address of 4301 Mountain Road, ...": the
    // name comes before its address.
    const ADDRESS: [&str; 6] =
        [", with a registered address", ", with an address", ", having its", ", located at", ", residing at", ", whose registered office"];
    let tail = &before[crate::text::floor_char(before, before.len().saturating_sub(160))..];
    let tail = ADDRESS.iter().filter_map(|a| tail.rfind(a)).max().map_or(tail, |i| &tail[..i]);
    let found = NAME.on(tail).captures(tail)?.get(1)?;
    // "[Name of consultant] ... (Consultant)": a placeholder names no one.
    if tail[..found.start()].ends_with('[') {
        return None;
    }
    // "Playboy.com, Inc., a Delaware corporation": a word after an article describes the party.
    let described = tail[..found.start()].trim_end();
    if [" a", " an"].iter().any(|a| described.ends_with(a)) || described == "a" || described == "an" {
        return None;
    }
    let name = found.as_str().trim().to_owned();
    let joining = JOINING.iter().any(|w| name.eq_ignore_ascii_case(w));
    (name.len() > 2 && role_of(&name).is_none() && !names_a_thing(&name) && !joining).then_some(name)
}

/// The role word used most in `head` among those the preamble already uses.
fn most_used(preamble: &str, head: &str, roles: &[&str]) -> Option<Named> {
    most_used_word(preamble, head, roles).map(|(_, named)| named).or_else(|| most_used_plain(preamble, head, roles))
}

/// A platform's terms between "you" and the platform that carry the deal between a "Client"
/// and a "Freelancer": no party the preamble defines has a role, and a role word of each side
/// runs through the draft (ten times or more). Those two are the parties.
fn roles_beside(preamble: &str, head: &str, candidates: &[Candidate]) -> Option<Vec<Candidate>> {
    const RUNS: usize = 10;
    let role = |c: &Candidate| role_of(&c.term).or_else(|| c.term.rsplit(' ').next().and_then(role_of));
    if candidates.iter().any(|c| role(c).is_some()) {
        return None;
    }
    let side = |roles: &[&str]| {
        most_used_word(preamble, head, roles).filter(|(n, _)| *n >= RUNS).map(|(_, (term, aliases))| Candidate { term, aliases })
    };
    Some(vec![side(AGENCY_ROLES)?, side(CLIENT_ROLES)?])
}

/// The capitalised role word the draft uses most (at least three times, once in the preamble),
/// with how often.
fn most_used_word(preamble: &str, head: &str, roles: &[&str]) -> Option<(usize, Named)> {
    roles
        .iter()
        .map(|r| {
            let cap: String = r.split(' ').map(|w| w[..1].to_uppercase() + &w[1..]).collect::<Vec<_>>().join(" ");
            // As a word: "Owner" is not in "Ownership"; and as a name of its own: "Provider" is
            // not in "Service Provider", nor "Agency" in "State Contracting Agency".
            let words =
                |text: &str| find_all(text, &cap).filter(|&i| bounded(text, i, cap.len()) && alone(text, i, cap.len())).take(200).count();
            let n = if words(preamble) > 0 { words(head) } else { 0 };
            (n, cap)
        })
        .filter(|(n, _)| *n >= 3)
        .max_by_key(|(n, _)| *n)
        .map(|(n, cap)| {
            let lower = cap.to_lowercase();
            (n, (cap, vec![lower]))
        })
}

/// Whether the capitalised words at `text[at..at + len]` stand alone, not inside a longer
/// capitalised name ("the Service Provider", "Agency Head").
fn alone(text: &str, at: usize, len: usize) -> bool {
    const LEADS: [&str; 8] = ["The", "A", "An", "This", "Each", "Such", "Any", "Every"];
    let before = text[..at].trim_end_matches([' ', '\t']);
    let word_before = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let capital_before = before.len() < at && word_before.starts_with(|c: char| c.is_ascii_uppercase()) && !LEADS.contains(&word_before);
    let after = &text[at + len..];
    let capital_after = after.strip_prefix([' ', '\t']).is_some_and(|a| a.starts_with(|c: char| c.is_ascii_uppercase()));
    // "the laws of the State of Delaware": a name, not the party "the State".
    let named_of = after.strip_prefix(" of ").is_some_and(|a| a.starts_with(|c: char| c.is_ascii_uppercase()));
    !capital_before && !capital_after && !named_of
}

/// Whether a draft in the first and second person says more often that "we" pay than "you" do.
fn we_pay(lower: &str) -> bool {
    const YOU_PAY: [&str; 8] =
        ["you shall pay", "you will pay", "you must pay", "you agree to pay", "invoice you", "charge you", "pay us", "your payment"];
    const WE_PAY: [&str; 7] = ["we shall pay", "we will pay", "we must pay", "we agree to pay", "invoice us", "pay you", "our payment"];
    more_said(lower, &WE_PAY, &YOU_PAY)
}

/// Whether "I" pay "you" (an individual engaging a contractor) rather than "you" paying "me".
fn i_pay(lower: &str) -> bool {
    const YOU_PAY: [&str; 6] = ["you shall pay", "you will pay", "you agree to pay", "pay me", "invoice you", "your payment"];
    const I_PAY: [&str; 5] = ["i shall pay", "i will pay", "i agree to pay", "invoice me", "pay you"];
    more_said(lower, &I_PAY, &YOU_PAY)
}

/// Whether `lower` says the phrases of `said` more often than those of `against`.
fn more_said(lower: &str, said: &[&str], against: &[&str]) -> bool {
    let evidence = |list: &[&str]| list.iter().map(|w| lower.matches(w).take(20).count()).sum::<usize>();
    evidence(said) > evidence(against)
}

/// A draft written by "we", who pay, to "you" (each at least five times): "you" and "we" with
/// their forms.
fn addressed(head: &str) -> Option<(Named, Vec<String>)> {
    let lower = head.to_lowercase();
    (we_to_you(&lower) && we_pay(&lower)).then(|| (person("you", &SECOND_PERSON), person("we", &FIRST_PERSON).1))
}

/// Whether the lower-case `lower` speaks as "we" to "you", each at least five times.
fn we_to_you(lower: &str) -> bool {
    let count = |w: &str| find_all(lower, w).filter(|&i| bounded(lower, i, w.len())).take(50).count();
    count(" you") >= 5 && count(" we") + count(" us") >= 5
}

/// A party named by a pronoun, with its forms.
fn person(term: &str, forms: &[&str]) -> Named {
    (term.to_owned(), forms.iter().map(|w| (*w).to_owned()).collect())
}

/// A draft that names no party but speaks as "we" (or "I", a freelancer's template with
/// "[my name]" to fill in) to "you", each at least five times, as a proposal does: "we" do
/// the work unless "we" pay.
fn first_and_second(head: &str) -> Option<(Named, Named)> {
    let lower = head.to_lowercase();
    let you = person("you", &SECOND_PERSON);
    if i_to_you(&lower) {
        let i = person("I", &FIRST_SINGULAR);
        return Some(if i_pay(&lower) { (you, i) } else { (i, you) });
    }
    let we = person("we", &FIRST_PERSON);
    we_to_you(&lower).then(|| if we_pay(&lower) { (you, we) } else { (we, you) })
}

/// Whether a draft speaks as "I" to "you" (forms of each at least five times) and hardly ever
/// as "we".
fn i_to_you(lower: &str) -> bool {
    let count = |w: &str| count_words(lower, w);
    count(" we") + count(" us") < 3 && count(" i") + count(" me") + count(" my") >= 5 && count(" you") >= 5
}

/// How often the word `w` (with its leading space) stands on its own in `lower`, up to 50.
fn count_words(lower: &str, w: &str) -> usize {
    find_all(lower, w).filter(|&i| bounded(lower, i, w.len())).take(50).count()
}

/// The one who writes a provider's own terms to its client ("an agreement between you and
/// Codeteki", then "we provide", "you agree"): the name set beside "you", used at least three
/// times, in a draft that speaks as "we" to "you" (each at least five times) where "you" pay.
fn speaking(preamble: &str, head: &str) -> Option<Named> {
    static BESIDE_YOU: LazyLock<AsciiFirst> = LazyLock::new(|| {
        let name = r"(?:[Tt]he[ \t]+)?([A-Z][A-Za-z0-9&]+(?:[ \t]+[A-Z][A-Za-z0-9&]+){0,2})";
        AsciiFirst::new(format!(r"\bbetween\s+(?:you\s+and\s+{name}|{name}\s+and\s+you)\b"))
    });
    let lower = head.to_lowercase();
    if !we_to_you(&lower) || we_pay(&lower) {
        return None;
    }
    let said = we_are(head);
    let beside =
        || BESIDE_YOU.on(preamble).captures_iter(preamble).find_map(|c| c.get(1).or_else(|| c.get(2)).map(|m| m.as_str().to_owned()));
    let name = said.clone().or_else(beside)?;
    let usable = !is_pronoun(&name.to_lowercase()) && !names_a_thing(&name) && role_of(&name) != Some(false);
    let uses = find_all(head, &name).filter(|&i| bounded(head, i, name.len())).take(3).count();
    let lower = name.to_lowercase();
    (usable && (uses >= 3 || said.is_some())).then_some((name, vec![lower]))
}

/// Who the draft says "we" are: "We are: Chestnut Software Studios", "“us” “our” “we” means
/// Square Eye Limited" (once is enough).
fn we_are(head: &str) -> Option<String> {
    static WE_ARE: LazyLock<AsciiFirst> = LazyLock::new(|| {
        let name = r"(?:[Tt]he[ \t]+)?([A-Z][A-Za-z0-9&]+(?:[ \t]+[A-Z][A-Za-z0-9&]+){0,3})";
        let pronoun = r#"["\u{201c}](?:we|us|our)["\u{201d}]"#;
        AsciiFirst::new(format!(r"\b[Ww]e\s+are:?[ \t]+{name}|{pronoun}(?:,?\s*(?:and\s+|or\s+)?{pronoun})*\s+means\s+{name}"))
    });
    WE_ARE.on(head).captures_iter(head).find_map(|c| c.get(1).or_else(|| c.get(2)).map(|m| m.as_str().to_owned()))
}

/// The name the preamble says is engaged ("the Client engages SSW on the following terms",
/// "Thank you for choosing SSW", "hereby engages Party A"), used at least three times in the
/// draft.
fn engaged(preamble: &str, head: &str) -> Option<Named> {
    static ENGAGES: LazyLock<AsciiFirst> = LazyLock::new(|| {
        AsciiFirst::new(
            r"\b(?:engag(?:es?|ing)|appoint(?:s|ing)?|retain(?:s|ing)?|hir(?:es?|ing)|commission(?:s|ing)?|choos(?:e|es|ing))\s+([A-Z][A-Za-z0-9&]+(?:[ \t]+[A-Z][A-Za-z0-9&]*){0,2})\b",
        )
    });
    let name = ENGAGES
        .on(preamble)
        .captures_iter(preamble)
        .map(|c| c[1].to_owned())
        .find(|name| !is_pronoun(&name.to_lowercase()) && role_of(name) != Some(false) && !names_a_thing(name) && name != "The")?;
    let uses = find_all(head, &name).filter(|&i| bounded(head, i, name.len())).take(3).count();
    let lower = name.to_lowercase();
    (uses >= 3).then_some((name, vec![lower]))
}

/// The party the preamble names beside `known` ("made between the Company and the Team
/// Member", "by and between Client and Acme Labs"), used at least three times in the draft
/// and not named by a role word of `known`'s side (`agency`: whether `known` is the agency).
fn paired_with(preamble: &str, head: &str, known: &str, agency: bool) -> Option<Named> {
    static BETWEEN: LazyLock<AsciiFirst> = LazyLock::new(|| {
        let name = r"(?:[Tt]he[ \t]+)?([A-Z][A-Za-z0-9&]+(?:[ \t]+[A-Z][A-Za-z0-9&]+){0,2})";
        AsciiFirst::new(format!(r"\bbetween\s+{name}\s+and\s+{name}"))
    });
    let name = BETWEEN.on(preamble).captures_iter(preamble).find_map(|c| {
        let (a, b) = (&c[1], &c[2]);
        if a.eq_ignore_ascii_case(known) { Some(b.to_owned()) } else { b.eq_ignore_ascii_case(known).then(|| a.to_owned()) }
    })?;
    let usable = !is_pronoun(&name.to_lowercase()) && !names_a_thing(&name) && role_of(&name) != Some(agency);
    let uses = find_all(head, &name).filter(|&i| bounded(head, i, name.len())).take(3).count();
    let lower = name.to_lowercase();
    (usable && uses >= 3).then_some((name, vec![lower]))
}

/// The party, other than `agency`, that the draft most often binds or reserves rights to: a
/// capitalised name before "shall", "will", "may", "must", "retains" or "reserves" ("the
/// Authority shall", "Seed reserves the right"), at least three times.
fn acting_party(head: &str, agency: &str) -> Option<Named> {
    const NO_NAME: [&str; 12] = ["Each", "Either", "Neither", "Any", "All", "No", "This", "That", "Such", "These", "Both", "Other"];
    static ACTS: LazyLock<AsciiFirst> = LazyLock::new(|| {
        AsciiFirst::new(
            r"\b(?:[Tt]he )?([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]*){0,2})\s+(?:shall|will|may|must|is entitled|agrees|retains|reserves|is not (?:liable|responsible))\b",
        )
    });
    let names = ACTS.on(head).captures_iter(head).take(2_000).map(|c| c[1].to_owned());
    most_named(names.filter(|name| {
        let first = name.split(' ').next().unwrap_or_default();
        !name.eq_ignore_ascii_case(agency)
            && !NO_NAME.contains(&first)
            && !is_pronoun(&name.to_lowercase())
            && !names_a_thing(name)
            && role_of(name) != Some(true)
            // "Party A shall", "each Party shall": a party's letter is part of its name, and
            // "Party" alone names either side.
            && !["Party", "Parties"].contains(&name.as_str())
    }))
}

/// The name given most often, at least three times.
fn most_named(names: impl Iterator<Item = String>) -> Option<Named> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for name in names {
        match counts.iter_mut().find(|(n, _)| *n == name) {
            Some((_, k)) => *k += 1,
            None => counts.push((name, 1)),
        }
    }
    let (name, _) = counts.into_iter().filter(|(_, k)| *k >= 3).max_by_key(|(_, k)| *k)?;
    let lower = name.to_lowercase();
    Some((name, vec![lower]))
}

/// The first "X grants Y a licence" between two names (a proposal or letter with no preamble:
/// "Roke grants Dstl a non-exclusive ... license"): the grantor and the grantee, neither a
/// thing, a pronoun nor a word that opens a sentence.
fn grant_between(head: &str) -> Option<(Named, Named)> {
    static GRANTS: LazyLock<AsciiFirst> = LazyLock::new(|| {
        AsciiFirst::new(
            r"\b([A-Z][\w&-]*(?: [A-Z][\w&-]*){0,2}) (?:hereby )?(?:grants|shall grant|will grant) (?:to )?(?:the )?([A-Z][\w&-]*(?: [A-Z][\w&-]*){0,2}) (?:a|an|the)\b",
        )
    });
    const OPENERS: &[&str] = &["The", "This", "Each", "Any", "Either", "Neither", "Party", "It"];
    let name = |m: &str| {
        let lower = m.to_lowercase();
        let ok = !names_a_thing(m) && !is_pronoun(&lower) && !OPENERS.contains(&m.split(' ').next().unwrap_or_default());
        ok.then(|| (m.to_owned(), vec![lower]))
    };
    let preamble = &head[..crate::text::floor_char(head, PREAMBLE_BYTES)];
    GRANTS.on(preamble).captures_iter(preamble).find_map(|c| {
        let (giver, receiver) = (name(&c[1])?, name(&c[2])?);
        (giver.0 != receiver.0).then_some((giver, receiver))
    })
}

/// The company, other than `agency`, that the draft names most often by its full name with its
/// corporate suffix ("Synthesized LTD", "Acme Labs Inc."), at least three times: the other side
/// of a licence or policy that defines only the party it binds ("Collaborator means a person
/// who gets access to the private repository of Synthesized LTD").
fn company_named(head: &str, agency: &str) -> Option<Named> {
    static COMPANY: LazyLock<AsciiFirst> = LazyLock::new(|| {
        AsciiFirst::new(
            r"\b([A-Z][A-Za-z0-9&]+(?:[ \t]+[A-Z][A-Za-z0-9&]+){0,2}[ \t]+(?:LTD|Ltd|Limited|LIMITED|Inc|INC|LLC|GmbH|plc|PLC|Corp|Pty[ \t]+Ltd|B\.V|AG|SA|SAS))\b",
        )
    });
    let agency = agency.to_lowercase();
    let names = COMPANY.on(head).captures_iter(head).take(2_000).map(|c| c[1].split_whitespace().collect::<Vec<_>>().join(" "));
    most_named(names.filter(|name| {
        let first = name.split(' ').next().unwrap_or_default();
        !name.to_lowercase().contains(&agency) && !["The", "This", "Each", "Any"].contains(&first)
    }))
}

/// No party defined: the agency by the words the draft uses for it (its role word, the one
/// engaged, the one speaking to "you", a role word that runs through its terms).
fn agency_by_words(preamble: &str, head: &str) -> Option<Named> {
    most_used(preamble, head, AGENCY_ROLES)
        .or_else(|| engaged(preamble, head))
        .or_else(|| speaking(preamble, head))
        .or_else(|| used_throughout(head, AGENCY_ROLES))
}

/// A role word, capitalised as a name, that runs through the draft though its opening never
/// uses it: a solicitation speaks of "quoters" for pages, then binds "the Contractor" in its
/// terms.
fn used_throughout(head: &str, roles: &[&str]) -> Option<Named> {
    const TIMES: usize = 10;
    most_used_word(head, head, roles).filter(|(n, _)| *n >= TIMES).map(|(_, named)| named)
}

/// The role the draft names most in lower case, "the contractor", as government statements of
/// work do: at least five times, and in the preamble.
fn most_used_plain(preamble: &str, head: &str, roles: &[&str]) -> Option<Named> {
    roles
        .iter()
        .map(|r| {
            let the = format!("the {r}");
            let uses = |text: &str| find_all(text, &the).filter(|&i| bounded(text, i, the.len())).take(200).count();
            (if uses(preamble) > 0 { uses(head) } else { 0 }, *r)
        })
        .filter(|(n, _)| *n >= 5)
        .max_by_key(|(n, _)| *n)
        .map(|(_, r)| (r.to_owned(), vec![r.to_owned()]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_company_labelled_by_its_role_goes_by_its_short_name() {
        let text = "**Provider:** Evonix Limited (or appropriate entity name)\n**Client:** Acme Bank\n\nEvonix will build the POC. Evonix keeps its models. Evonix shall not use Client data. The Client pays.";
        let p = detect(text, None);
        assert_eq!(p.agency.as_deref(), Some("Evonix"), "{p:?}");
        assert!(p.agency_aliases.contains(&"evonix".to_owned()), "{p:?}");
    }

    #[test]
    fn a_solicitation_that_binds_the_contractor_only_in_its_terms_names_it() {
        let quotes = "Quoters must submit a quote by the closing date. The quoter's price must be firm. ".repeat(80);
        let terms = "The Contractor shall deliver the work. The Government may inspect it. ".repeat(10);
        let p = detect(&format!("Request for Quotes. The Government will evaluate quotes. {quotes}{terms}"), None);
        assert_eq!((p.agency.as_deref(), p.counterparty.as_deref()), (Some("Contractor"), Some("Government")), "{p:?}");
        assert!(!p.uncertain, "{p:?}");
        // Used a few times only, a role word named late is no party.
        let terms = "The Contractor shall deliver the work. The Government may inspect it. ".repeat(3);
        let p = detect(&format!("Request for Quotes. The Government will evaluate quotes. {quotes}{terms}"), None);
        assert_eq!(p.agency, None, "{p:?}");
    }

    #[test]
    fn the_party_named_beside_the_client_is_the_agency() {
        let text = "This Agreement is made between the Company and the Team Member identified above. \
            The Team Member may receive access. The Company may end access. The Team Member must return all materials to the Company.";
        let p = detect(text, None);
        assert_eq!(p.counterparty.as_deref(), Some("Company"), "{p:?}");
        assert_eq!(p.agency.as_deref(), Some("Team Member"), "{p:?}");
        // And the other way round: the client named beside the agency.
        let text = "Services Agreement between CWT and Vendor. Vendor retains its tools. All Work Product is the property of CWT. \
            CWT may use it. Vendor assigns it to CWT on payment.";
        let p = detect(text, None);
        assert_eq!((p.agency.as_deref(), p.counterparty.as_deref()), (Some("Vendor"), Some("CWT")), "{p:?}");
    }

    #[test]
    fn a_providers_own_terms_to_you_are_the_agencys() {
        let text = "By using Acmeteki's services, you accept these Terms. These terms are a binding agreement between you and Acmeteki. \
            We provide web development. We will send a proposal. You agree to pay our invoices. We retain our methods. \
            Acmeteki may suspend services. You own the deliverables on payment. Acmeteki keeps its tools. We may update these terms. \
            You must give us feedback. If you do not agree, do not use our services.";
        let p = detect(text, None);
        assert_eq!((p.agency.as_deref(), p.counterparty.as_deref()), (Some("Acmeteki"), Some("you")), "{p:?}");
        assert!(p.agency_aliases.contains(&"we".to_owned()) && p.counterparty_aliases.contains(&"your".to_owned()), "{p:?}");
        // Named by the user: "we" is not the other side.
        let p = detect(text, Some("Acmeteki"));
        assert_eq!(p.counterparty.as_deref(), Some("you"), "{p:?}");
        // Where "we" pay, "you" are the one engaged: not this.
        let paid = text.replace("You agree to pay our invoices.", "We will pay you. We shall pay your invoices. We agree to pay.");
        assert_ne!(detect(&paid, None).agency.as_deref(), Some("Acmeteki"));
    }

    /// The EU's framework contracts define their parties in lower case: `(the "contractor")`.
    #[test]
    fn a_role_word_defined_in_lower_case_is_a_party() {
        let text = "This framework contract is concluded between the European Union (the \"Union\") and Nordlicht Data GmbH (the \"contractor\"). \
            The contractor shall provide the services. The Union shall pay the price.";
        let p = detect(text, None);
        assert_eq!((p.agency.as_deref(), p.counterparty.as_deref()), (Some("contractor"), Some("Union")), "{p:?}");
    }

    /// "Creator" is a role word for the one who makes the work, but the Creator who pays and
    /// never provides is the client here.
    #[test]
    fn a_role_word_for_the_side_that_only_pays_does_not_make_it_the_agency() {
        let text = "This Agreement is made between Lumen Media Ltd (the \"Creator\") and Pixelcraft Labs Ltd (the \"Studio Partner\"). \
            The Studio Partner shall provide the Services. The Creator shall pay the Fees.";
        let p = detect(text, None);
        assert_eq!((p.agency.as_deref(), p.counterparty.as_deref()), (Some("Studio Partner"), Some("Creator")), "{p:?}");
    }

    #[test]
    fn a_uk_party_named_in_brackets_after_its_registered_office() {
        let text = "# Services Agreement (DRAFT)\n\nParties\n(1) [NAME] incorporated and registered in England with company number [NUMBER] (Supplier)\n\
            (2) Acme Motors Limited incorporated and registered in England with company number 123 whose registered office is at 1 High St (Acme)\n\n\
            Acme wishes to engage the Supplier. The Supplier shall provide the Services to Acme. Acme shall pay the Charges.";
        let p = detect(text, None);
        assert_eq!((p.agency.as_deref(), p.counterparty.as_deref()), (Some("Supplier"), Some("Acme")), "{p:?}");
    }

    #[test]
    fn a_platforms_terms_carry_the_deal_between_the_role_words_that_run_through_them() {
        let deal = "Freelancer shall deliver the Work Product to Client. Client shall pay Freelancer. ".repeat(10);
        let text = format!(
            "These Terms (this \"Agreement\") are a contract between you (\"you\" or \"User\") and Example Platform Limited \
            (\"Platform,\" \"we,\" or \"us\"). We may add a User as a Client or Freelancer (a \"Client Account\").\n\n{deal}\
            Freelancer hereby assigns to Client the Work Product."
        );
        let p = detect(&text, None);
        assert_eq!((p.agency.as_deref(), p.counterparty.as_deref()), (Some("Freelancer"), Some("Client")), "{p:?}");
        // "we" and "you" are the platform and its user, neither side.
        assert!(!p.agency_aliases.iter().chain(&p.counterparty_aliases).any(|a| is_pronoun(a)), "{p:?}");
        // Named, the freelancer deals with the client, not with the platform's user.
        let short = text.replace(&deal, "Client shall pay Freelancer. Freelancer shall deliver to Client. Client may reject it. ");
        let p = detect(&short, Some("Freelancer"));
        assert_eq!(p.counterparty.as_deref(), Some("Client"), "{p:?}");
        assert!(!p.agency_aliases.iter().chain(&p.counterparty_aliases).any(|a| is_pronoun(a)), "{p:?}");
    }

    #[test]
    fn role_labels_on_lines_of_their_own_are_each_a_party_and_a_currency_is_none() {
        let text = "# AI SERVICES AGREEMENT\n\n**Service Provider:**\n- Name: [YOUR NAME]\n\nHereinafter referred to as **\"Provider\"**\n\n\
            **And:**\n\n**Client:**\n- Company name: [CLIENT NAME]\n\nHereinafter referred to as **\"Client\"**\n\n\
            | Item | Amount (USD) |\n|---|---|\n| Setup | $500 |\n\nProvider will deliver the chatbot. Client shall pay Provider. Client owns the outputs.";
        let p = detect(text, None);
        assert_eq!((p.agency.as_deref(), p.counterparty.as_deref()), (Some("Provider"), Some("Client")), "{p:?}");
        assert!(!p.counterparty_aliases.contains(&"usd".to_owned()), "{p:?}");
    }

    #[test]
    fn a_role_word_beside_its_bracketed_label_is_the_name_the_draft_uses() {
        let text = "## 1. PARTIES\n\n**CLIENT (Company):**\n[Name]\n\n**CONTRACTOR (Developer):**\n[Name]\n\n\
            Client may terminate. Developer assigns to Client all work. Client shall pay Developer. Developer will report to Client.";
        let p = detect(text, None);
        assert_eq!((p.agency.as_deref(), p.counterparty.as_deref()), (Some("Developer"), Some("Client")), "{p:?}");
    }

    #[test]
    fn a_label_defined_beside_a_role_word_does_not_replace_it() {
        // ("Client," "User," or "you"), then headings "Termination by User": the party is still
        // the client, and the provider's "Company" its own.
        let text = "These Terms constitute an agreement between you (\"Client,\" \"User,\" or \"you\") and NexusCore AI (\"Company,\" \"we,\" \"us,\" or \"our\"). \
            We will build the automations. You will pay the fees. Termination by User. Notice by User. Suspension of User.";
        let p = detect(text, None);
        assert_eq!((p.agency.as_deref(), p.counterparty.as_deref()), (Some("Company"), Some("Client")), "{p:?}");
        assert!(p.is_agency("nexuscore ai") && p.is_counterparty("user"), "{p:?}");
    }

    #[test]
    fn a_role_label_gives_way_to_the_name_the_draft_uses() {
        let text = "Legal Entity (Supplier): Selleris sp. z o.o.\n\nA client accepts these terms by creating (\"posting\") a task. \
            Selleris shall perform the Services. The Client shall pay Selleris. Selleris may use its tools. Client shall give access. Client may end the task.";
        let p = detect(text, None);
        assert_eq!(p.agency.as_deref(), Some("Selleris"));
        assert_eq!(p.counterparty.as_deref(), Some("Client"), "{p:?}");
        assert!(p.is_agency("supplier"));
        // Used twice (its label and a signature line), then "Client" throughout.
        let text = "## 1. PARTIES\n\n**CLIENT (Company):**\n[Name]\n\n**CONTRACTOR (Developer):**\n[Name]\n\n\
            Client may terminate. Developer assigns to Client all work. Client shall pay Developer. Client may review. \
            Developer will report to Client. Client may ask. Client will approve. Client shall not delay.\n\n\
            **Company/Individual Name (Print):**";
        let p = detect(text, None);
        assert_eq!(p.counterparty.as_deref(), Some("Client"), "{p:?}");
    }

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
    fn a_party_defined_for_several_companies_and_services_defined_beside_it() {
        let p = detect(
            "This Services Agreement is made by and between [ * * * ] (the \"Provider\"), and TELCOSTAR PTE, LTD. and Ability Computer & Software Industries Ltd (each and both of them \"Recipient\"). RECITALS A. Recipient wishes to engage the Provider to provide certain services (the \"Services\") and Provider desires to provide Recipient with the Services.",
            None,
        );
        assert_eq!(p.agency.as_deref(), Some("Provider"), "{p:?}");
        assert_eq!(p.counterparty.as_deref(), Some("Recipient"), "{p:?}");
        assert!(!p.candidates.iter().any(|c| c == "Services"), "{p:?}");
    }

    #[test]
    fn an_indian_deed_names_the_provider_company_and_says_what_the_expression_includes() {
        let p = detect(
            "This Independent Contractor Agreement is entered into by and between:\n\nNilenso Software LLP, a limited liability partnership firm, with its registered office at 5th Main, Bengaluru (hereinafter referred to as \u{201c}Company\u{201d} which expression shall mean and include its representatives, successors-in-office and assigns) on the FIRST PART;\n\nAND\n\n<Client name>, with its registered office at <client address> (hereinafter referred to as \u{201c}Client\u{201d} which expression shall mean and include its successors and assigns) of the SECOND PART;\n\nWHEREAS Client wishes to utilize the services of Company to develop customized software applications. Company shall perform the Services.",
            None,
        );
        assert_eq!(p.agency.as_deref(), Some("Company"), "{p:?}");
        assert_eq!(p.counterparty.as_deref(), Some("Client"), "{p:?}");
        assert!(!p.uncertain, "{p:?}");
        assert!(!p.counterparty_aliases.iter().any(|a| a == "and"), "a joining word is no name: {p:?}");
        let p = detect(
            "This Agreement is between eFashion Solutions, LLC (\"EFS\") and Playboy.com, Inc., a Delaware corporation with offices in Chicago (\"Client,\" which shall include affiliates controlling, controlled by or under common control with Playboy.com, Inc.). EFS shall operate the business.",
            None,
        );
        assert_eq!(p.counterparty.as_deref(), Some("Client"), "{p:?}");
        assert!(!p.counterparty_aliases.iter().any(|a| a == "delaware"), "a state of incorporation is no name: {p:?}");
    }

    #[test]
    fn a_role_in_one_clause_is_not_a_side_of_the_deal() {
        let p = detect(
            "Terms of Services. Each party (the \"Disclosing Party\") may disclose information to the other (the \"Receiving Party\"). The Supplier shall provide the Services to the Customer.",
            Some("Supplier"),
        );
        assert_ne!(p.counterparty.as_deref(), Some("Disclosing Party"), "{p:?}");
        assert!(!p.candidates.iter().any(|c| c.ends_with("Party")), "{p:?}");
    }

    #[test]
    fn a_draft_with_no_preamble_binds_its_sides_by_name_and_an_abbreviated_kind_is_no_party() {
        // Researchers are the side doing the work; "Seed" is named only as the one that
        // reserves, retains and is not liable; "(IRB)" abbreviates a kind of board.
        let text = "# Researcher Collaboration Agreement\n\nThis document sets the terms under which researchers work with the Seed project.\n\n- Researchers grant Seed a licence to use the results.\n- Researchers may publish results only after Seed reviews them.\n- Seed reserves the right to delay publication.\n- Seed retains minimum rights to operate its platform.\n- Seed is not liable for indirect damages.\n\nResearch must follow the institutional review board (IRB) standards. Researchers agree to keep Seed's designs confidential.";
        for given in [None, Some("Researchers")] {
            let p = detect(text, given);
            assert_eq!(p.agency.as_deref(), Some("Researchers"), "{p:?}");
            assert_eq!(p.counterparty.as_deref(), Some("Seed"), "{given:?}: {p:?}");
        }
        assert!(!detect("The Health Research Board (HRB) and the Developer agree.", None).candidates.is_empty());
    }

    #[test]
    fn a_company_named_by_its_suffix_is_the_other_side_of_a_draft_defining_only_the_agency() {
        let text = "Licence\n\nCollaborator means a person given access to the repositories of Quillon Labs  LTD.\n\nAll Inventions the Collaborator makes are the property of Quillon Labs LTD. Collaborator shall keep the Confidential Information of Quillon Labs LTD secret.";
        for given in [None, Some("Collaborator")] {
            let p = detect(text, given);
            assert_eq!(p.agency.as_deref(), Some("Collaborator"), "{p:?}");
            assert_eq!(p.counterparty.as_deref(), Some("Quillon Labs LTD"), "{given:?}: {p:?}");
        }
    }

    #[test]
    fn two_companies_neither_serving_the_other_make_the_agency_a_guess() {
        let p = detect(
            "This Agreement is between Alpha Holdings Inc. (\"Alpha\") and Beta Group Ltd. (\"Beta\"). Alpha shall transfer the Assets.",
            None,
        );
        assert!(p.detected && p.uncertain, "{p:?}");
        let p = detect(
            "This Agreement is between Acme Corp. (\"Client\") and Northwind AI LLC (\"Provider\"). Provider shall provide the Services.",
            None,
        );
        assert!(p.detected && !p.uncertain, "{p:?}");
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
    fn a_named_agency_finds_a_client_no_parenthesis_defines() {
        let p = detect(
            "The Contractor shall deliver. The Government may use. The Government shall own. The Government agrees.",
            Some("Contractor"),
        );
        assert_eq!(p.agency.as_deref(), Some("Contractor"));
        assert_eq!(p.counterparty.as_deref(), Some("Government"));
    }

    #[test]
    fn parties_of_the_first_and_second_part_in_markdown() {
        // As the analysis sees a Markdown draft: its bold and escapes blanked to spaces.
        let text = "This Master Services Agreement  (  Agreement  ) is entered into by and between\n\n1.   Wednesday Solutions  , a partnership firm, with its registered office at Pune which expression shall include its successors, of the   First Part  ;\n\nand\n\n2.   Acme Retail  , having its registered office at Mumbai  (  Client  ) which expression shall include its successors, of the   Second Part  .\n\nB. Client desires that Wednesday Solutions provide certain Services to Client. Wednesday Solutions shall provide the Services. Client shall pay the Fees.";
        let p = detect(text, None);
        assert_eq!(p.agency.as_deref(), Some("Wednesday Solutions"), "{p:?}");
        assert_eq!(p.counterparty.as_deref(), Some("Client"), "{p:?}");
        assert!(p.is_counterparty("acme retail"), "{p:?}");
    }

    #[test]
    fn a_role_word_inside_a_longer_name_is_not_that_role() {
        let p = detect(
            "SPECIMEN CLAUSES\n\nThe Service Provider warrants the Deliverables. The Service Provider will indemnify the Customer. The Customer may use the Deliverables. The Service Provider shall supply the code.",
            None,
        );
        assert_eq!(p.agency.as_deref(), Some("Service Provider"), "{p:?}");
        // "Agency Head" and "State Contracting Agency" are the State's, not the agency's.
        let p = detect(
            "GENERAL PROVISIONS\n\n1.1 \"Agency Head\" means the person who signs for the Requesting Agency. 1.2 \"State Contracting Agency\" means the department. The contractor shall perform the work. The contractor shall deliver the reports. The contractor may not assign this contract without the consent of the Agency Head. The contractor shall pay all taxes. The contractor shall keep records.",
            None,
        );
        assert_ne!(p.agency.as_deref(), Some("Agency"), "{p:?}");
    }

    #[test]
    fn a_designer_named_only_by_the_role_word() {
        let p = detect(
            "TERMS\n\n1.4 \"Deliverables\" means the work product to be delivered by Designer to Client. Designer shall provide the Services. Client shall pay the fees. Designer will deliver the designs.",
            None,
        );
        assert_eq!(p.agency.as_deref(), Some("Designer"), "{p:?}");
    }

    #[test]
    fn a_person_named_on_the_role_line_is_that_party() {
        let p = detect(
            "CONSULTING AGREEMENT\n\nConsultant: Jennifer Lewis — Fox ML LLC\nClient: [Client Name]\n\nConsultant shall provide the Services. Client shall pay the fees. Tools developed by Jennifer Lewis remain the property of Jennifer Lewis.",
            None,
        );
        assert_eq!(p.agency.as_deref(), Some("Consultant"), "{p:?}");
        assert!(p.is_agency("jennifer lewis"), "{p:?}");
    }

    #[test]
    fn a_freelancer_writing_in_the_first_person_singular() {
        let text = "Contract\n\nMy purpose is that you, the client, and I, the developer, can communicate in plain language. I will build the site. You will pay me. I will send you an invoice (i) monthly.";
        for given in [None, Some("developer")] {
            let p = detect(text, given);
            assert_eq!(p.agency.as_deref(), Some("developer"), "{p:?}");
            assert!(p.is_agency("i") && p.is_agency("my") && p.is_agency("me"), "{p:?}");
            assert!(p.is_counterparty("you") && p.is_counterparty("client"), "{p:?}");
        }
    }

    #[test]
    fn a_trading_name_and_the_first_person() {
        // Detected or named with --agency-party, "we" is the agency and "you" the client.
        for given in [None, Some("Go Free Range")] {
            let p = detect(
                "1. This agreement is between Go Free Range Ltd, a company registered in England, trading as\n        \"Go Free Range\", and the organisation specified on the order summary.\n\nThe Work is a set of activities (carried out by Go Free Range for a fee). We will do the Work. You will pay us. We send you an invoice. You agree. We agree with you.",
                given,
            );
            assert_eq!(p.agency.as_deref(), Some("Go Free Range"));
            assert!(p.is_agency("we") && p.is_agency("us"), "{given:?}");
            assert!(p.is_counterparty("you"), "{given:?}");
            assert_eq!(p.counterparty.as_deref(), Some("you"), "{given:?}");
        }
    }

    #[test]
    fn every_party_the_preamble_defines_is_a_candidate() {
        let p = detect(
            "This Agreement is between Acme Inc. (\"Client\"), Blue Harbour Ltd (\"Provider\") and Grey Gate LLC (\"Subcontractor\"). Provider shall provide the Services. Client shall pay.",
            None,
        );
        assert_eq!(p.candidates, ["Client", "Provider", "Subcontractor"]);
        assert_eq!(
            detect("Acme Inc. (\"Client\") and Blue Harbour Ltd (\"Provider\").", Some("Client")).candidates,
            ["Client", "Provider"]
        );
    }

    #[test]
    fn a_draft_in_the_second_person_alone_addresses_the_party_it_does_not_name_beside_you() {
        let p = detect(
            "This Agreement is between Acme LLC (\"Project Owner\") and Jo Smith (\"Contributor\"). You will build the Bounty. You assign to Project Owner the Work Product. You grant Project Owner a license. Project Owner approves your Submission. You earn Points when Project Owner approves. Contributor represents that Contributor is of age. You agree.",
            None,
        );
        assert_eq!(p.agency.as_deref(), Some("Contributor"));
        assert!(p.is_agency("you") && p.is_agency("your"));
        assert!(!p.is_counterparty("you"));
    }

    #[test]
    fn pronouns_assigned_in_words_and_a_client_role_word_for_the_agency() {
        let p = detect(
            "These Terms apply to the provision of all Services by us, Beings Beam Ltd (\u{201c}the Company\u{201d}). \u{201c}Client\u{201d} means you, the individual purchasing the Services. Each reference to \u{201c}we\u{201d}, \u{201c}us\u{201d}, \u{201c}our\u{201d} is a reference to the Company. We will provide the Services. You shall pay the fees. We shall deliver.",
            None,
        );
        assert_eq!(p.agency.as_deref(), Some("Company"));
        assert!(p.is_agency("we"));
        assert!(p.is_counterparty("you"));
    }

    #[test]
    fn a_company_named_before_its_address_and_a_placeholder_names_no_one() {
        let p = detect(
            "This Agreement is entered into by and between ______ (hereinafter the \"Client\") and First Layer Digital LLC, with a registered address of 4301 Mountain Road, Unit 202, Pasadena (hereinafter the \"Developer\"). The Developer shall provide the Services.",
            None,
        );
        assert!(p.is_agency("first layer digital") && !p.is_agency("mountain road"), "{p:?}");
        let p = detect(
            "BETWEEN:\n[Name of consultant] [ABN] of [address] (Consultant); and\n[Name of customer] [ABN] of [address] (Customer)\nThe Consultant will provide the services to the Customer.",
            None,
        );
        assert!(!p.agency_aliases.contains(&"name".to_owned()) && !p.counterparty_aliases.contains(&"name".to_owned()), "{p:?}");
    }

    #[test]
    fn a_placeholder_the_draft_uses_as_a_name_is_a_party() {
        let text = "This Agreement is entered into by and between ______ (\u{201c}Party A\u{201d}) and [DAO LEGAL WRAPPER], a [ENTITY TYPE] (the \u{201c}[ENTITY]\u{201d}), associated with the [NAME] DAO ([______] DAO and the [ENTITY], together with any affiliates, \u{201c}[DAO NAME]\u{201d}).\n[DAO NAME] has deemed that Party A is qualified. [DAO NAME] hereby engages Party A to provide [DAO NAME] with the services. [DAO NAME] will pay Party A.";
        let p = detect(text, None);
        assert_eq!((p.agency.as_deref(), p.counterparty.as_deref()), (Some("Party A"), Some("[DAO NAME]")), "{p:?}");
        // Named twice only, it is still a blank to fill in.
        let p = detect(
            &text.replacen("[DAO NAME] hereby engages", "It hereby engages", 1).replacen("[DAO NAME] will pay", "It will pay", 1),
            None,
        );
        assert_ne!(p.counterparty.as_deref(), Some("[DAO NAME]"), "{p:?}");
    }

    #[test]
    fn a_term_a_definition_defines_in_passing_is_no_party() {
        let p = detect(
            "This Agreement is entered into by and between Alpine University (\u{201c}Recipient\u{201d}) and Helix AG (\u{201c}Sponsor\u{201d}).\n\u{201c}Recipient Receipts\u{201d} shall mean all consideration received by Recipient from the commercialization of the Research Results by Recipient to a third party (\u{201c}Recipient Commercialization\u{201d}).\nRecipient shall perform the Research.",
            None,
        );
        assert!(!p.candidates.iter().any(|c| c == "Recipient Commercialization"), "{p:?}");
        assert_eq!(p.agency.as_deref(), Some("Recipient"), "{p:?}");
    }

    #[test]
    fn a_party_defined_hereinafter_with_a_capital() {
        let p = detect(
            "This Service Agreement is made by and between:\n\nNEUROBIOLOGY RESEARCH UNIT\n\n(Hereinafter referred to as \u{201c}NRU\u{201d})\n\nAnd:\n\nINSTITUTION DETAILS HERE\n\n(Hereinafter referred to as \"Institution\").\n\nNRU shall provide the service to Institution. Institution shall pay NRU.",
            None,
        );
        assert!(p.candidates.iter().any(|c| c == "Institution"), "{p:?}");
        assert_eq!(p.counterparty.as_deref(), Some("Institution"), "{p:?}");
    }

    #[test]
    fn a_party_named_hereafter_in_several_words_without_quotes() {
        let p = detect(
            "This MASTER SERVICES AGREEMENT is by and between Fishtown Analytics LLC and Acme Corp.\n\n**Fishtown Analytics LLC** (hereafter Fishtown Analytics)\n\n**Acme Corp** (hereafter Client)\n\nFishtown Analytics will provide the services identified in the Statement of Work. Fishtown Analytics may hire third party analysts (\"Analytics Agents\") as independent contractors. Client shall pay all invoices within 30 days.",
            None,
        );
        assert_eq!(p.agency.as_deref(), Some("Fishtown Analytics"), "{p:?}");
        assert_eq!(p.counterparty.as_deref(), Some("Client"), "{p:?}");
    }

    #[test]
    fn a_freelancer_whose_client_is_its_employer_is_engaged_not_employed() {
        let p = Parties::named("Freelancer", "Employer");
        assert!(!p.is_employment(), "{p:?}");
        assert!(Parties::named("Employee", "Company").is_employment());
        assert!(Parties::named("Jane Doe", "Employer").is_employment());
    }

    #[test]
    fn terms_that_say_who_we_are() {
        let body = "We will build the site for you. You will pay us. We own our code and we license it to you. You own your content. We may use your logo. You agree to our terms and you indemnify us. We are not liable to you.";
        for (text, name) in [
            (
                format!("Terms and Conditions\n\nWe are: Chestnut Software Studios\nYou are: Anyone who uses our services\n\n{body}"),
                "Chestnut Software Studios",
            ),
            (
                format!(
                    "Terms\n\n1.1 In these Terms: \u{201c}us\u{201d} \u{201c}our\u{201d} \u{201c}we\u{201d} means Square Eye Limited;\n\n{body}"
                ),
                "Square Eye Limited",
            ),
        ] {
            let p = detect(&text, None);
            assert_eq!(p.agency.as_deref(), Some(name), "{p:?}");
            assert!(p.is_agency("we") && p.is_counterparty("you") && !p.uncertain, "{p:?}");
        }
    }

    #[test]
    fn a_client_of_the_other_side_takes_the_work_as_that_side_does() {
        let text = "XXX SRL hereinafter referred to as the Company\n\nand\n\nYYY SRL hereinafter referred to as the Contractor\n\nThe Contractor undertakes to perform work for a client (the Client) of the Company. The Contractor shall invoice the Company.";
        let p = detect(text, None);
        assert_eq!(p.agency.as_deref(), Some("Contractor"), "{p:?}");
        assert!(p.is_counterparty("company") && p.is_counterparty("client"), "{p:?}");
        // The same when the user names the agency.
        let named = detect(text, Some("Contractor"));
        assert!(named.is_counterparty("company") && named.is_counterparty("client"), "{named:?}");
    }

    #[test]
    fn a_role_word_among_several_names() {
        let p = detect(
            "between Humanytics LLC: Chicago (\"Humanytics\" or \"Consultant\") AND CJCJ: San Francisco (\"CJCJ\" or \"Client\"). Consultant agrees to provide the following Services.",
            None,
        );
        assert_eq!(p.agency.as_deref(), Some("Consultant"));
        assert!(p.is_agency("humanytics"));
        assert_eq!(p.counterparty.as_deref(), Some("Client"));
    }

    #[test]
    fn capitals_in_parentheses_and_data_provided_by_the_client() {
        let p = detect(
            "This Agreement is a license made between the Licensor (CITY) and the Licensee (CONTRACTOR.) Data provided by the CITY. Images provided by the CITY. Software provided by the CITY. CITY shall provide updates.",
            None,
        );
        assert_eq!(p.agency.as_deref(), Some("CONTRACTOR"));
        assert_eq!(p.counterparty.as_deref(), Some("CITY"));
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

    #[test]
    fn the_other_side_is_the_party_that_pays_not_an_abbreviation() {
        let p = detect(
            "These Conditions (\"GCP\") apply. The Agreement is between the Acme entity set out in the PO (\"Acme\") and the supplier identified in the Agreement (\"Supplier\"). Deliverables are any output, including any intellectual property (\"IP\"). The Supplier shall invoice monthly. Acme will pay within thirty days. The Supplier shall deliver the Goods.",
            None,
        );
        assert_eq!(p.agency.as_deref(), Some("Supplier"));
        assert_eq!(p.counterparty.as_deref(), Some("Acme"));
        assert!(!p.is_agency("agreement"));
    }

    #[test]
    fn grant_conditions_that_speak_to_the_grantee_who_works_for_the_funder_who_pays() {
        let p = detect(
            "DEVgrant Scheme Conditions\n\n1. These Conditions govern the grant we make to you. You shall undertake the Project in the manner set out in the Letter. We will pay the DEVgrant at such times as are specified in the Letter. You shall keep us informed. You shall ensure that your personnel comply. We may audit your records. You hereby grant to us a licence to use the Project Work Product. We may terminate if you breach these Conditions.",
            None,
        );
        assert!(p.is_agency("you") && p.is_counterparty("we") && !p.uncertain, "{p:?}");
    }

    #[test]
    fn a_subcontractor_works_for_the_prime_and_the_second_party_by_convention() {
        let p = detect(
            "This Agreement is made between Harbour Group Limited (the \"Prime Contractor\") and Brightloop Ltd (the \"Subcontractor\"). The Subcontractor shall provide the Services. The Prime Contractor shall pay the Fees.",
            None,
        );
        assert_eq!((p.agency.as_deref(), p.counterparty.as_deref()), (Some("Subcontractor"), Some("Prime Contractor")), "{p:?}");
        let p = detect(
            "This Agreement is made between Harbour Group (the \"First Party\") and Brightloop Ltd (the \"Second Party\"). The Second Party shall provide the Services. The First Party shall pay the Fees.",
            None,
        );
        assert!(p.is_agency("second party") && !p.uncertain, "{p:?}");
    }

    #[test]
    fn a_freelancer_writing_as_i_to_you_is_the_agency() {
        let text = "Client: **Harbour Group**\nContractor: **Jo Bloggs**\n\nYou, Harbour Group, are hiring me, Jo Bloggs, for web development. I will do my best to meet your needs. You will give me what I need. You will pay me within 14 days of my invoice. I will notify you of delays. I will send you the code and tell you when it is done.";
        let p = detect(text, None);
        assert!(p.is_agency("i") && p.is_agency("my") && p.is_counterparty("you"), "{p:?}");
        let hiring = "Client: **Harbour Group**\nContractor: **Jo Bloggs**\n\nI am hiring you for web development. I will pay you within 14 days of your invoice. I will give you what you need. You will tell me of delays. I will pay you again.";
        assert!(!detect(hiring, None).is_agency("i"));
    }

    #[test]
    fn the_consignee_performs_what_the_consignor_entrusts_and_a_brand_buys() {
        let p = detect(
            "This Agreement is made between Harbour Group (the \"Consignor\") and Brightloop Ltd (the \"Consignee\"). The Consignee shall perform the Entrusted Services.",
            None,
        );
        assert!(p.is_agency("consignee") && p.is_counterparty("consignor") && !p.uncertain, "{p:?}");
        let p = detect("This Agreement is made between Harbour Group (the \"Brand\") and Brightloop Ltd (the \"Partner\").", None);
        assert!(p.is_counterparty("brand") && p.is_agency("partner"), "{p:?}");
    }

    #[test]
    fn a_statement_of_work_naming_the_contractor_in_lower_case() {
        let text = "This plan evaluates the contractor. The Government will assess the contractor. The Government may require the contractor to act. The Government and the contractor meet. Code from the contractor is reviewed. The Government tells the contractor.";
        let p = detect(text, None);
        assert_eq!(p.agency.as_deref(), Some("contractor"));
        assert_eq!(p.counterparty.as_deref(), Some("Government"));
        assert!(!p.uncertain);
    }

    #[test]
    fn a_client_named_by_its_own_words_when_no_role_word_names_it() {
        let text = "The Supplier shall deliver the Services. The Authority shall pay the Charges. The Authority may inspect the Supplier. The Authority will\nnotify the Supplier. The Supplier shall comply.";
        let p = detect(text, None);
        assert_eq!(p.agency.as_deref(), Some("Supplier"));
        assert_eq!(p.counterparty.as_deref(), Some("Authority"));
        assert!(p.is_counterparty("authority"));
    }

    #[test]
    fn a_party_named_only_you_and_the_one_that_commissions_the_work() {
        let text = "This Agreement is agreed to by the party accepting below (\"You\"), and Karya (\"Karya\"). This Agreement covers digital work You perform, as commissioned by Karya. Work commissioned by Karya is paid. You assign to Karya all right, title and interest in the Submissions. Karya will pay You.";
        let p = detect(text, None);
        assert_eq!(p.agency.as_deref(), Some("You"));
        assert_eq!(p.counterparty.as_deref(), Some("Karya"));
        assert!(!p.uncertain, "{p:?}");
        assert!(p.is_agency("your"));
    }

    #[test]
    fn henceforth_defines_a_party() {
        let text = "These Terms are entered into by the Example Foundation (henceforth \"We\" or \"the Foundation\") and you as an applicant (henceforth \"You\" or \"Grantee\"). You shall deliver the Software.";
        let p = detect(text, None);
        assert_eq!(p.candidates, ["Foundation", "Grantee"]);
        assert!(detect(text, Some("Grantee")).is_counterparty("we"));
    }

    #[test]
    fn capitals_spelling_the_words_before_them_abbreviate_a_thing_and_the_engaged_name_is_the_agency() {
        let p = detect("Client: the party engaging Albert Sikkema. Services by Albert Sikkema. I am Albert Sikkema.", None);
        assert_eq!(p.agency.as_deref(), Some("Albert Sikkema"));
        let text = "Thank you for choosing SSW. The Client engages SSW on the following terms. SSW generally works in teams. 05 Microsoft Digital Partner of Record (DPOR). The Client agrees that SSW will be its nominated Microsoft Digital Partner of Record (MDPR). The Client shall pay SSW. The Client may end this.";
        let p = detect(text, None);
        assert!(p.candidates.is_empty(), "{p:?}");
        assert_eq!(p.agency.as_deref(), Some("SSW"));
        assert_eq!(p.counterparty.as_deref(), Some("Client"));
        // An organisation's initials name it: "Neurobiology Research Unit (NRU)".
        let p = detect(
            "This agreement is between the Neurobiology Research Unit (NRU) and Acme Corp (\"Client\"). NRU shall provide the Services.",
            None,
        );
        assert_eq!(p.agency.as_deref(), Some("NRU"));
    }

    #[test]
    fn the_state_is_a_client_but_the_state_of_delaware_is_a_place() {
        let p = detect("The Contractor shall deliver. The State shall pay. The State may inspect. The State owns the work.", None);
        assert_eq!(p.counterparty.as_deref(), Some("State"));
        let p = detect(
            "The Contractor shall deliver. Governed by the laws of the State of Delaware. Courts of the State of Delaware. The State of Delaware applies.",
            None,
        );
        assert_ne!(p.counterparty.as_deref(), Some("State"), "{p:?}");
    }

    #[test]
    fn the_one_named_party_pays_and_the_draft_speaks_to_the_other() {
        let text = "Between us, The OpenGov Foundation (\"OpenGov\") and you, [your name here]. We are hiring you to provide services. We will pay you for this work. You will do the work and we will review it. You can ask us. We will tell you. You keep your tools and we keep ours.";
        let p = detect(text, None);
        assert_eq!(p.agency.as_deref(), Some("you"));
        assert_eq!(p.counterparty.as_deref(), Some("OpenGov"));
        assert!(p.is_counterparty("we") && !p.uncertain, "{p:?}");
    }

    #[test]
    fn a_party_labelled_by_its_own_name_beside_the_client_and_a_creator_are_the_agency() {
        let text = "Client: [Client Name]\nProject: [Project Name]\nDate: [Agreement Date]\nLKS Next: [Company Information]\n\nClient Rights:\nClient owns the custom software.\nLKS Next owns the platform. LKS Next provides support. Commercial License Terms:\nCommercial License Benefits: priority support. Commercial License required.";
        let p = detect(text, None);
        assert_eq!(p.agency.as_deref(), Some("LKS Next"), "{p:?}");
        assert_eq!(p.counterparty.as_deref(), Some("Client"), "{p:?}");
        // A heading far from the parties' lines is no party, however often it recurs.
        assert!(!p.candidates.iter().any(|c| c.starts_with("Commercial")), "{p:?}");
        let p = detect(
            "Between: Mintenance LTD (\"Company\") And: [NAME] (\"Creator\"). Creator hereby assigns to Company all rights. Creator assigns all rights to Company.",
            None,
        );
        assert_eq!(p.agency.as_deref(), Some("Creator"), "{p:?}");
        assert!(!p.uncertain, "{p:?}");
    }

    #[test]
    fn with_no_party_defined_the_one_that_grants_a_licence_is_the_guessed_agency() {
        let text = "Roke will retain ownership of its background IP.\n\nRoke grants Dstl a non-exclusive, perpetual license to use the Apex software. Apache License, Version 2.0 (the \"License\").";
        let p = detect(text, None);
        assert_eq!((p.agency.as_deref(), p.counterparty.as_deref()), (Some("Roke"), Some("Dstl")), "{p:?}");
        assert!(p.uncertain, "a guess: {p:?}");
        // Named, the agency's grantee is the other side, not the licence the notice defines.
        let p = detect(text, Some("Roke"));
        assert_eq!(p.counterparty.as_deref(), Some("Dstl"), "{p:?}");
    }

    /// A company "trading as \"dxw digital\"" is known by its trade name, lower case or not,
    /// and its terms' "we" is that party.
    #[test]
    fn a_lower_case_trade_name_names_the_party_that_speaks_as_we() {
        let p = detect(
            "Terms of service\n\nThis agreement is between The Dextrous Web Ltd, a company registered in England, trading as \"dxw digital\", and the organisation specified on the order summary.\n\nBefore starting a Project, dxw digital will provide a proposal. We will invoice you monthly and you will pay each invoice within 14 days. We will tell you when we start the work, and you will give us access to your systems.",
            None,
        );
        assert_eq!(p.agency.as_deref(), Some("dxw digital"), "{p:?}");
        assert!(p.is_agency("we") && p.is_counterparty("you") && !p.uncertain, "{p:?}");
    }

    /// A studio's terms that name it once, in a heading, and speak as "we" to "you": named,
    /// the studio is "we", and a price defined in a parenthesis is no party.
    #[test]
    fn a_studio_named_in_its_heading_speaks_as_we() {
        let text = "Chestnut Studios\n\nTerms\n\n1.1 You warrant that you buy our services as a business.\n\n\
            1.3 You acknowledge that we may charge you at hourly rates (the \"Hourly Rates\") and you will pay us, for all work not included.\n\n\
            2. We will build the site. We grant you a licence. You may not assign it. We keep our code.";
        let p = detect(text, Some("Chestnut Studios"));
        assert_eq!(p.counterparty.as_deref(), Some("you"), "{p:?}");
        assert!(p.is_agency("we") && p.is_counterparty("you"), "{p:?}");
    }

    /// Named, the agency of a draft whose client alone is "you" is "we".
    #[test]
    fn the_named_agency_speaks_as_we_to_a_client_defined_as_you() {
        let text = "These terms apply between Brightline Studio Ltd and the customer named in the Order (\"you\").\n\n\
            1. We will design the website. We will use reasonable skill.\n2. You will pay our invoices. We may suspend work if you do not pay.";
        let p = detect(text, Some("Brightline Studio Ltd"));
        assert!(p.is_agency("we") && p.is_agency("our") && p.is_counterparty("you"), "{p:?}");
    }

    /// A contributor agreement defines its pronouns as terms (`"Us" means the BBC`, `You:
    /// means the individual or entity entering into this Agreement`): the one that grants an
    /// irrevocable licence in its contributions, or assigns them, is the agency.
    #[test]
    fn pronouns_defined_as_terms_name_the_parties() {
        let p = detect(
            "BBC Contributor Licence Agreement\n\n1. Definitions:\n\n\u{201c}You\u{201d} or \u{201c}Your\u{201d} means the individual copyright owner.\n\n\u{201c}Us\u{201d} means the BBC.\n\n\
             2. You hereby grant Us a perpetual, worldwide, non-exclusive, irrevocable licence to reproduce Your Contributions.\n\n\
             3. You hereby grant to the BBC a perpetual, worldwide, non-exclusive, irrevocable patent licence to use Your Contributions.",
            None,
        );
        assert_eq!((p.agency.as_deref(), p.counterparty.as_deref()), (Some("you"), Some("BBC")), "{p:?}");
        assert!(p.is_counterparty("us") && p.is_agency("your"), "{p:?}");
        // The one spoken to alone gives, the one speaking neither works nor pays: no guess.
        assert!(!p.uncertain, "{p:?}");
        let p = detect(
            "## Definitions\n\n* You: means the individual or entity entering into this Tech Contributor Agreement.\n\n\
             To that end, in order to become a code contributor to The List Powered by Creative Commons (\"The List Project\"), you must agree.\n\n\
             a) You hereby agree to assign and do hereby irrevocably assign to Creative Commons Your copyright in Your Original Contributions (collectively, \"Your Original Contributions\").",
            None,
        );
        assert_eq!(p.agency.as_deref(), Some("you"), "{p:?}");
        assert!(!p.is_counterparty("the list project") && !p.is_counterparty("your original contributions"), "{p:?}");
    }
}
