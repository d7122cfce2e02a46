//! The draft's own vocabulary for the agency's words. Library language names the parties
//! "Agency" and "Client" and uses terms of its own ("Agency IP", "Schedule A", "Fees"); in a
//! redline each becomes the draft's party name or defined term, else plain words, else the term
//! is kept and its definition inserted once, with its first use. `undefined_terms` checks the
//! result: every capitalised term of inserted text is defined somewhere in it.

use std::sync::LazyLock;

use regex::Regex;

use crate::analysis::Parties;
use crate::reading::Lexicon;

/// What a library term becomes in a draft that does not define it.
enum Otherwise {
    /// Words that need no definition.
    Plain(&'static str),
    /// The term is kept and this definition inserted with its first use.
    Define(&'static str),
}

/// A library term: the words as the library writes them, the term they stand for, the draft's
/// terms tried in its place (with the words each puts in), and what to do when the draft has
/// none of them. Order matters: "Work Product" may become "Deliverables", defined after it.
struct Entry {
    words: &'static str,
    term: &'static str,
    instead: &'static [(&'static str, &'static str)],
    otherwise: Otherwise,
}

const SOW: &[(&str, &str)] = &[
    ("Statement of Work", "the applicable Statement of Work"),
    ("SOW", "the applicable SOW"),
    ("Order Form", "the applicable Order Form"),
    ("Schedule A", "Schedule A"),
];

const GLOSSARY: &[Entry] = &[
    Entry {
        words: "the applicable Statement of Work",
        term: "Statement of Work",
        instead: SOW,
        otherwise: Otherwise::Plain("this Agreement"),
    },
    Entry { words: "the Statement of Work", term: "Statement of Work", instead: SOW, otherwise: Otherwise::Plain("this Agreement") },
    Entry {
        words: "a time-and-materials Statement of Work",
        term: "Statement of Work",
        instead: &[("Statement of Work", "a time-and-materials Statement of Work"), ("SOW", "a time-and-materials SOW")],
        otherwise: Otherwise::Plain("this Agreement on a time-and-materials basis"),
    },
    Entry { words: "Schedule A", term: "Schedule A", instead: SOW, otherwise: Otherwise::Plain("this Agreement") },
    Entry {
        words: "under the IP assignment clause",
        term: "IP assignment clause",
        instead: &[],
        otherwise: Otherwise::Plain("under this Agreement"),
    },
    Entry { words: "the applicable Order Form", term: "Order Form", instead: SOW, otherwise: Otherwise::Plain("this Agreement") },
    Entry {
        words: "Schedule B",
        term: "Schedule B",
        instead: &[],
        otherwise: Otherwise::Define("\"Schedule B\" means the list of Client's competitors agreed by the parties in writing."),
    },
    // The library's fees in the draft's capitals where it defines them ("the Fees", "the
    // Charges").
    Entry {
        words: "the fees",
        term: "fees",
        instead: &[("Fees", "the Fees"), ("Charges", "the Charges")],
        otherwise: Otherwise::Plain("the fees"),
    },
    Entry {
        words: "Work Product",
        term: "Work Product",
        instead: &[("Work Product", "Work Product")],
        otherwise: Otherwise::Plain("Deliverables"),
    },
    Entry {
        words: "Agency IP",
        term: "Agency IP",
        instead: &[
            ("Agency IP", "Agency IP"),
            ("Agency Materials", "Agency Materials"),
            ("Pre-Existing Materials", "Pre-Existing Materials"),
            ("Pre-Existing IP", "Pre-Existing IP"),
            ("Background IP", "Background IP"),
            ("Background IPR", "Background IPR"),
            ("Background Intellectual Property", "Background Intellectual Property"),
            ("Background Technology", "Background Technology"),
        ],
        otherwise: Otherwise::Define(
            "\"Agency IP\" means the tools, libraries, frameworks, methodologies and know-how that Agency developed before or independently of this Agreement, and any general-purpose improvements to them.",
        ),
    },
    // A draft with no clause on general-purpose improvements gets no term for them either:
    // "Jointly Developed IP" defined but owned by no one is a question counsel would ask.
    Entry {
        words: " or Jointly Developed IP, which are dealt with separately in this Agreement",
        term: "Jointly Developed IP",
        instead: &[("Jointly Developed IP", " or Jointly Developed IP, which are dealt with separately in this Agreement")],
        otherwise: Otherwise::Plain(""),
    },
    Entry {
        words: "Client IP",
        term: "Client IP",
        instead: &[],
        otherwise: Otherwise::Define("\"Client IP\" means the Deliverables created specifically for Client under this Agreement."),
    },
    Entry {
        words: "Jointly Developed IP",
        term: "Jointly Developed IP",
        instead: &[],
        otherwise: Otherwise::Define(
            "\"Jointly Developed IP\" means general-purpose innovations, techniques and improvements developed in performing this Agreement that are not specific to Client and do not incorporate Client's data or confidential information.",
        ),
    },
    Entry {
        words: "Client Models",
        term: "Client Models",
        instead: &[],
        otherwise: Otherwise::Define(
            "\"Client Models\" means the machine learning models Agency trains on Client's data under this Agreement, including their trained weights.",
        ),
    },
    Entry {
        words: "Agency Methodology",
        term: "Agency Methodology",
        instead: &[],
        otherwise: Otherwise::Define(
            "\"Agency Methodology\" means the model architectures, training methodologies, hyperparameter configurations, prompt libraries and evaluation frameworks Agency uses to develop models.",
        ),
    },
    Entry {
        words: "Client Data",
        term: "Client Data",
        instead: &[("Client Data", "Client Data"), ("Client Materials", "Client Materials")],
        otherwise: Otherwise::Define(
            "\"Client Data\" means the data that Client or its affiliates provide to Agency under this Agreement.",
        ),
    },
    Entry {
        words: "Client's Confidential Information",
        term: "Confidential Information",
        instead: &[
            ("Confidential Information", "Client's Confidential Information"),
            ("Proprietary Information", "Client's Proprietary Information"),
        ],
        otherwise: Otherwise::Plain("Client's confidential information"),
    },
    Entry {
        words: "the Effective Date",
        term: "Effective Date",
        instead: &[("Effective Date", "the Effective Date")],
        otherwise: Otherwise::Plain("the date of this Agreement"),
    },
    Entry { words: "the Term", term: "Term", instead: &[("Term", "the Term")], otherwise: Otherwise::Plain("the term of this Agreement") },
    Entry {
        words: "the Services",
        term: "Services",
        instead: &[("Services", "the Services")],
        otherwise: Otherwise::Plain("the services under this Agreement"),
    },
    Entry { words: "Fees", term: "Fees", instead: &[("Fees", "Fees"), ("Fee", "Fee")], otherwise: Otherwise::Plain("fees") },
    Entry {
        words: "Deliverables",
        term: "Deliverables",
        instead: &[("Deliverables", "Deliverables"), ("Deliverable", "Deliverables")],
        otherwise: Otherwise::Define("\"Deliverables\" means the items Agency is to deliver to Client under this Agreement."),
    },
];

/// The attachment the library's registry of agency tools is called ("listed in Exhibit A").
const REGISTRY: &str = "Exhibit A";

/// What the library's clauses call the contract they go into.
const AGREEMENT: &str = "this Agreement";

/// What the draft calls itself: of "this Agreement", "this Contract", "this Deed" and their
/// lower-case forms, the one it uses most ("This contract" counted with "this contract"); "this
/// Agreement" where it uses none of them more.
fn own_name(text: &str) -> &'static str {
    static NAME: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b[Tt]his (Agreement|agreement|Contract|contract|Deed|deed)\b").expect("static regex"));
    const NAMES: [&str; 6] = [AGREEMENT, "this agreement", "this Contract", "this contract", "this Deed", "this deed"];
    let mut uses = [0usize; NAMES.len()];
    for c in NAME.captures_iter(text) {
        if let Some(i) = NAMES.iter().position(|name| name[5..] == c[1]) {
            uses[i] += 1;
        }
    }
    // Reversed, so that of names used as often the first, "this Agreement" above all, is kept.
    NAMES.into_iter().zip(uses).rev().max_by_key(|&(_, n)| n).map_or(AGREEMENT, |(name, _)| name)
}

/// The draft's own attachment for the agency's prior work, by its title ("Exhibit A —
/// Pre-Existing IP (if any)", "Schedule 2: Background IP"): the registry the library's words
/// cite, rather than a new exhibit beside it.
fn own_registry(text: &str) -> Option<String> {
    static TITLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b((?:Exhibit|Schedule|Annex|Appendix) [A-Z0-9]{1,2})\b[ \t:.\-–—]{0,6}(?i:pre-?existing|prior (?:inventions|works?|ip)|background|existing (?:ip|materials))")
            .expect("static regex")
    });
    TITLE.captures(text).map(|c| c[1].to_owned())
}

/// The terms a draft defines and the names it gives the parties.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    agency: Option<String>,
    client: Option<String>,
    defined: Vec<String>,
    /// The name the agency's registry of tools takes: the first exhibit letter the draft does
    /// not use, when "Exhibit A" is something else.
    registry: String,
    /// The draft's own term for what the agency brings from before ("Prior Inventions",
    /// "Pre-Existing Materials"), as it writes it: what "Agency IP" becomes.
    agency_prior: Option<String>,
    /// Whether the definition of `agency_prior` names methods or know-how.
    agency_prior_methods: bool,
    /// The party names the draft gives plural verbs ("Researchers agree"): the library's verbs
    /// after them agree.
    plural: Vec<String>,
    /// The draft writes "licence" for the noun: the library's "license" follows it.
    licence: bool,
    /// The draft's own term for what the agency delivers, where the redline narrows its
    /// definition to that ("Project Materials" made "specifically for the Company"): what the
    /// library's "Deliverables" become, rather than a second term defined beside it.
    deliverables: Option<String>,
    /// The draft's term for the rights that pass, whose definition the redline narrows
    /// ("Foreground IPR"): it stands for the library's "Client IP".
    client_ip: Option<String>,
    /// What the draft calls itself where the library says "this Agreement" ("this Contract",
    /// "this contract", "this Deed").
    itself: &'static str,
}

impl Vocabulary {
    pub fn of(text: &str, parties: &Parties) -> Vocabulary {
        // A name as the draft writes it ("Provider", "dOrg", "the Contributor" as "Contributor",
        // the trade name "dxw digital").
        let name = |t: &Option<String>| {
            t.as_deref()
                .map(|t| t.trim().trim_start_matches("the ").trim_start_matches("The "))
                .filter(|t| {
                    t.split_whitespace().count() <= 4
                        && (t.chars().any(char::is_uppercase) || Pronoun::of(t).is_some() || mentions(text, t))
                })
                .map(str::to_owned)
        };
        let registry = own_registry(text)
            .or_else(|| ('A'..='H').map(|c| format!("Exhibit {c}")).find(|e| !mentions(text, e)))
            .unwrap_or_else(|| REGISTRY.to_owned());
        let (agency, client) = (name(&parties.agency), name(&parties.counterparty));
        let plural = [&agency, &client].into_iter().flatten().filter(|n| plural_in(text, n)).cloned().collect();
        let licence = spells_licence(text);
        Vocabulary {
            agency,
            client,
            defined: {
                let mut defined = defined_terms(text);
                defined.extend(used_as_terms(text, &defined));
                defined
            },
            registry,
            agency_prior: None,
            agency_prior_methods: false,
            plural,
            licence,
            deliverables: None,
            client_ip: None,
            itself: own_name(text),
        }
    }

    /// Takes `term`, whose definition the redline narrows to what is made for the client, for
    /// the library's "Deliverables", where the draft has no term of that name and `term` names
    /// things in the plural as "Deliverables" does ("Project Materials", not "Work Product").
    pub fn deliverables_are(&mut self, term: &str) {
        let plural = term.ends_with('s') && !term.ends_with("ss");
        if plural && !self.defines("Deliverables") {
            self.deliverables = Some(term.trim_start_matches("the ").trim_start_matches("The ").to_owned());
        }
    }

    /// Takes `term`, a term for the rights that pass whose definition the redline narrows to
    /// what is made for the client ("Foreground IPR"), for the library's "Client IP": one name
    /// for one thing.
    pub fn client_ip_is(&mut self, term: &str) {
        self.client_ip = Some(term.trim_start_matches("the ").trim_start_matches("The ").to_owned());
    }

    /// The vocabulary of `text` with the draft's own term for the agency's prior IP, read
    /// by the provision reader (`agency_prior_term`).
    pub fn read(text: &str, parties: &Parties, lexicon: &Lexicon) -> Vocabulary {
        let (agency_prior, agency_prior_methods) = agency_prior_term(text, parties, lexicon).unzip();
        Vocabulary { agency_prior, agency_prior_methods: agency_prior_methods.unwrap_or(false), ..Vocabulary::of(text, parties) }
    }

    /// Whether "Agency IP", as this draft says it, reaches the agency's methods and know-how:
    /// the library's definition does; a draft's own term does when its definition names them.
    pub fn agency_ip_has_methods(&self) -> bool {
        match &self.agency_prior {
            Some(_) => self.agency_prior_methods,
            None => !self.has_own("Agency IP"),
        }
    }

    /// Whether the draft (or what was inserted so far) defines `term`.
    /// The terms the draft defines, as it writes them.
    pub fn defined(&self) -> &[String] {
        &self.defined
    }

    pub fn defines(&self, term: &str) -> bool {
        self.defined.iter().any(|d| same_term(d, term))
    }

    /// Whether the draft has a term of its own for the library's `words` ("Pre-Existing
    /// Materials" for "Agency IP"), which then stands in for them.
    pub fn has_own(&self, words: &str) -> bool {
        (words == "Agency IP" && self.agency_prior.is_some())
            || GLOSSARY.iter().filter(|e| e.words == words).any(|e| e.instead.iter().any(|(t, _)| self.defines(&self.parties(t))))
    }

    pub fn learn(&mut self, text: &str) {
        self.defined.extend(defined_terms(text));
    }

    /// Library words in the draft's terms: its defined terms where it has them, plain words
    /// where they do, its party names for "Agency" and "Client".
    pub fn adapt(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for e in GLOSSARY {
            if !out.contains(e.words) || self.defines(&self.parties(e.term)) {
                continue;
            }
            let own = match e.term {
                "Agency IP" => self.agency_prior.as_deref(),
                "Deliverables" => self.deliverables.as_deref(),
                "Client IP" => self.client_ip.as_deref(),
                _ => None,
            };
            let instead = own.or_else(|| e.instead.iter().find(|(t, _)| self.defines(&self.parties(t))).map(|(_, words)| *words));
            let words = match (&e.otherwise, instead) {
                (_, Some(words)) => words,
                (Otherwise::Plain(words), None) => words,
                (Otherwise::Define(_), None) => continue,
            };
            out = whole_word(e.words).replace_all(&out, words).into_owned();
            // "for each Deliverable": the draft's own plural term in the singular.
            if e.term == "Deliverables"
                && let Some(own) = own.filter(|o| o.ends_with('s'))
            {
                out = whole_word("Deliverable").replace_all(&out, &own[..own.len() - 1]).into_owned();
            }
            // A singular library term become a plural one ("Client Data is used" for the
            // draft's "Customer Materials"): its verb follows.
            if words.ends_with('s') && !words.ends_with("ss") && !e.words.ends_with('s') && !words.is_empty() {
                // And the library's pronouns for it.
                const PRONOUNS: [(&str, &str); 5] = [
                    (" is ", " are "),
                    (" has ", " have "),
                    (" was ", " were "),
                    (
                        ", and nothing in this Agreement assigns or transfers it",
                        ", and nothing in this Agreement assigns or transfers them",
                    ),
                    (
                        " from the Deliverables, use it independently of them, or make it available",
                        " from the Deliverables, use them independently of the Deliverables, or make them available",
                    ),
                ];
                for (one, many) in PRONOUNS {
                    out = out.replace(&format!("{words}{one}"), &format!("{words}{many}"));
                }
            }
        }
        out = whole_word(REGISTRY).replace_all(&out, self.registry.as_str()).into_owned();
        if self.itself != AGREEMENT {
            out = whole_word(AGREEMENT).replace_all(&out, self.itself).into_owned();
            out = whole_word("This Agreement").replace_all(&out, format!("T{}", &self.itself[1..])).into_owned();
        }
        let out = self.parties(&out);
        if self.licence { british(&out) } else { out }
    }

    /// "Agency" and "Client" as the draft names the parties.
    /// With the article where the draft defines the name with one ("the Company"), except
    /// inside a compound term ("Company Data") or after a determiner.
    fn parties(&self, text: &str) -> String {
        static ROLE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(?:Agency|Client)\b").expect("static regex"));
        const DETERMINERS: &[&str] = &["the", "The", "a", "an", "any", "each", "this", "such", "no"];
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        let mut skip = 0;
        // The pronoun the last party named went by, for the "its" that follows it.
        let mut last: Option<Pronoun> = None;
        for m in ROLE.find_iter(text) {
            if m.start() < skip {
                continue;
            }
            let name = if m.as_str() == "Agency" { &self.agency } else { &self.client };
            push_gap(&mut out, &text[at..m.start()], last);
            last = None;
            if let Some(person) = name.as_deref().and_then(Pronoun::of) {
                let subject;
                (at, subject) = person.write(text, m.start(), m.end(), &mut out);
                last = subject.then_some(person);
                skip = at;
                continue;
            }
            let name = name.as_deref().unwrap_or(m.as_str());
            let before = text[..m.start()].trim_end();
            let compound = text[m.end()..].strip_prefix(' ').is_some_and(|r| r.starts_with(char::is_uppercase));
            let determined = before.rsplit(char::is_whitespace).next().is_some_and(|w| DETERMINERS.contains(&w));
            if self.defined.iter().any(|d| d == &format!("the {name}")) && !compound && !determined {
                out.push_str(if before.is_empty() || before.ends_with(['.', ':']) { "The " } else { "the " });
            }
            out.push_str(name);
            at = m.end();
            // "Researchers'", "Blockchain Commons'": a name ending in "s" takes the apostrophe alone.
            let rest = &text[at..];
            if name.ends_with('s') && rest.starts_with("'s") && !rest[2..].starts_with(|c: char| c.is_alphanumeric()) {
                out.push('\'');
                at += 2;
            } else if self.plural.iter().any(|p| p == name)
                && let Some((verb, len)) = rest.strip_prefix(' ').and_then(plural_verb)
            {
                // "Researchers assign", "Researchers do not disclose".
                out.push(' ');
                out.push_str(&verb);
                at += 1 + len;
            }
        }
        push_gap(&mut out, &text[at..], last);
        out
    }

    /// The definitions `text` (already adapted) needs and neither the draft nor earlier
    /// insertions give, as sentences to insert with it; remembers them, so each goes in once.
    pub fn definitions_for(&mut self, text: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        // Each term is defined at most once: a definition that does not, as adapted, define its
        // own term (the draft speaks to the agency as "you") must not be asked for again.
        let mut tried: Vec<String> = Vec::new();
        self.learn(text);
        loop {
            let needed = {
                let said = format!("{text} {}", out.join(" "));
                let registry = self.registry_definition();
                GLOSSARY
                    .iter()
                    .filter_map(|e| match e.otherwise {
                        Otherwise::Define(d) => Some((self.parties(e.term), d.to_owned())),
                        Otherwise::Plain(_) => None,
                    })
                    .chain(std::iter::once((self.registry.clone(), registry)))
                    .find(|(term, _)| {
                        (mentions(&said, term) || mentions(&said, term.trim_end_matches('s')))
                            && !self.defines(term)
                            // A library term the draft's own term stands for ("Consulting
                            // Outputs" for "Deliverables") is defined by the draft already.
                            && !self.defines(&self.adapt(term))
                            && !tried.contains(term)
                    })
            };
            let Some((term, definition)) = needed else { return out };
            tried.push(term);
            let definition = self.adapt(&definition);
            self.learn(&definition);
            out.push(definition);
        }
    }

    /// Whether a definition of `term` (as the draft names it: "Provider IP") can be inserted
    /// on its own, so that words defining it in passing can leave that to it.
    pub fn can_define(&self, term: &str) -> bool {
        GLOSSARY.iter().any(|e| matches!(e.otherwise, Otherwise::Define(_)) && self.parties(e.term) == term)
    }

    fn registry_definition(&self) -> String {
        format!(
            "\"{0}\" means the written list of Agency's pre-existing tools, libraries, frameworks and methodologies that Agency gives Client, to be attached to this Agreement as {0}.",
            self.registry
        )
    }
}

/// Terms a draft uses as defined ones without defining them ("Keep all Confidential
/// Information strictly confidential"): capitalised inside a sentence, more than once. The
/// library's words then use them as the draft does.
fn used_as_terms(text: &str, defined: &[String]) -> Vec<String> {
    const TERMS: [&str; 1] = ["Confidential Information"];
    let inside = |i: usize| text[..i].trim_end_matches(' ').ends_with(|c: char| c.is_lowercase());
    TERMS
        .iter()
        .filter(|t| !defined.iter().any(|d| d == *t) && text.match_indices(*t).filter(|&(i, _)| inside(i)).count() >= 2)
        .map(|t| (*t).to_owned())
        .collect()
}

/// The draft's own term for what the agency brings from before, read from the provision
/// reader's terms: one whose definition reaches prior work (the `prior` feature) or whose name
/// says so ("Pre-Existing Materials", "Background IP"), and which is the agency's: its
/// definition names the agency, and its name not the other side ("Customer Materials").
/// Where the reader finds no such definition, a term the draft uses as one ("the Prior
/// Inventions identified in Cover Terms") whose name the reader's words for the agency's prior
/// work match. As the draft writes it.
/// With whether its definition names methods or know-how.
fn agency_prior_term(text: &str, parties: &Parties, lexicon: &Lexicon) -> Option<(String, bool)> {
    use crate::reading::{Feature, Features, Terms};
    let norm = crate::text::Normalised::new(text);
    let layout = crate::reading::Layout::of(text, &norm);
    let terms = Terms::read(lexicon, &norm.text, &[(0, norm.text.len())], &layout);
    let names_party = |words: &str, aliases: &[String]| aliases.iter().any(|a| whole_word(a).is_match(words));
    let prior_name = |name: &str| Features::of(lexicon, name).has(Feature::Prior) || lexicon.agency_prior.is_match(name);
    let others = |name: &str| name.contains("third") || name.contains("open") || name.contains("confidential");
    // A thing ("materials", "IP") whose name reaches back, or whose definition does without
    // reaching into the engagement: not enspyr's "Project Materials", "created ... in
    // connection with the Project, whether created before or after" (what the client takes).
    let thing = |name: &str| [Feature::Ip, Feature::Work, Feature::Methods].iter().any(|&f| Features::of(lexicon, name).has(f));
    let defined = terms.terms.iter().find(|t| {
        let definition = &norm.text[t.start..t.end];
        let reaches_back = t.features.has(Feature::Prior) && !t.features.has(Feature::Broad) && thing(&t.name);
        (prior_name(&t.name) || reaches_back)
            && !others(&t.name)
            && names_party(definition, &parties.agency_aliases)
            && !names_party(&t.name, &parties.counterparty_aliases)
    });
    let as_written = |name: &str| {
        let re = regex::RegexBuilder::new(&format!(r"\b{}\b", regex::escape(name).replace(r"\ ", r"\s+")))
            .case_insensitive(true)
            .build()
            .ok()?;
        re.find_iter(text)
            .map(|m| m.as_str())
            .find(|m| m.starts_with(char::is_uppercase))
            .map(|m| m.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    if let Some(t) = defined {
        return as_written(&t.name).map(|name| (name, t.features.has(Feature::Methods)));
    }
    terms_used_as_such(text)
        .into_iter()
        .find(|name| {
            let lower = name.to_lowercase();
            lexicon.agency_prior.is_match(&lower) && !others(&lower) && !names_party(&lower, &parties.counterparty_aliases)
        })
        .map(|name| (name, false))
}

/// Terms a draft uses as terms without defining them in words: a run of two to four
/// capitalised words after "the", twice or more ("the Prior Inventions identified in Cover
/// Terms", a cover page's entry). They are the draft's vocabulary, which a redline may use.
pub fn terms_used_as_such(text: &str) -> Vec<String> {
    static USED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bthe ((?:[A-Z][\w-]*[ \t]+){1,3}[A-Z][\w-]*)").expect("static regex"));
    let mut counts: Vec<(String, usize)> = Vec::new();
    for c in USED.captures_iter(text) {
        let name = c[1].split_whitespace().collect::<Vec<_>>().join(" ");
        match counts.iter_mut().find(|(n, _)| *n == name) {
            Some((_, k)) => *k += 1,
            None => counts.push((name, 1)),
        }
    }
    counts.into_iter().filter(|(_, k)| *k >= 2).map(|(name, _)| name).collect()
}

/// The terms `text` defines in passing, in a parenthesis ("... listed in Exhibit A ("Agency
/// IP")"), with the parenthesis's byte range (and the space before it).
pub fn defined_in_passing(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    static PASSING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"\s*\((?:the\s+)?["\u{201c}]([A-Z][^"\u{201c}\u{201d}\n]{0,60}?)["\u{201d}]\)"#).expect("static regex")
    });
    PASSING.captures_iter(text).filter_map(|c| Some((c.get(1)?.as_str().to_owned(), c.get(0)?.range()))).collect()
}

/// The sentences of `text` that define a term (`"Client IP" means ...`) after other words, each
/// with the term and its byte range (with the space before it): what moves to a definitions
/// section. A text that opens with a definition is a definition itself and keeps it.
pub fn definition_sentences(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    static MEANS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"\s*["\u{201c}]([A-Z][^"\u{201c}\u{201d}\n]{0,60}?)["\u{201d}]\s+(?:means|shall mean)\b[^.]*\."#)
            .expect("static regex")
    });
    MEANS
        .captures_iter(text)
        .filter_map(|c| Some((c.get(1)?.as_str().to_owned(), c.get(0)?.range())))
        .filter(|(_, r)| r.start > 0 && text[..r.start].trim_end().ends_with('.'))
        .collect()
}

/// `words` where they stand as words: "Client" not in "Clients"; an edge that is no letter
/// ("[DAO NAME] Data", a placeholder's bracket) bounds itself.
pub(super) fn whole_word(words: &str) -> Regex {
    let edge = |c: Option<char>| if c.is_some_and(|c| c.is_alphanumeric() || c == '_') { r"\b" } else { "" };
    let (open, close) = (edge(words.chars().next()), edge(words.chars().last()));
    Regex::new(&format!("{open}{}{close}", regex::escape(words))).expect("escaped words")
}

fn mentions(text: &str, term: &str) -> bool {
    whole_word(term).is_match(text)
}

/// Singular and plural, and "the Company" for "Company", name one term.
fn same_term(a: &str, b: &str) -> bool {
    let bare = |s: &str| s.trim().trim_start_matches("the ").trim_start_matches("The ").trim_end_matches('s').to_owned();
    bare(a) == bare(b)
}

/// Terms `text` defines: capitalised words in quotes ("Work Product", (the "Company")), a term
/// followed by "means", and attachments the text carries (a line opening "Exhibit A").
pub fn defined_terms(text: &str) -> Vec<String> {
    static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"["\u{201c}][\s*_]*((?:[Tt]he\s+)?\[?[A-Z][^"\u{201c}\u{201d}\n]{0,60}?)[\s*_]*["\u{201d}]"#).expect("static regex")
    });
    static MEANS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)(?:^|[.;:]\s+)[\s*_]*([A-Z][\w-]*(?:\s+(?:of\s+)?[A-Z][\w-]*)*)[\s*_]+(?:means|shall mean)\b")
            .expect("static regex")
    });
    static ATTACHMENT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?m)^[\s#*_]*((?:Exhibit|Schedule|Annex|Appendix|Attachment)\s+[A-Z0-9]+)\b").expect("static regex"));
    // A glossary line, as UK drafts write them: "Deliverables: all documents, products ...".
    static GLOSSARY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^[\s*_]*(?:\d+(?:\.\d+)*\.?\s+)?([A-Z][\w-]*(?:\s+(?:of\s+)?[A-Z][\w-]*){0,5})[*_]*:[*_]*\s+(?:the|an?|all|any|each|every|these|this|has the meaning)\b")
            .expect("static regex")
    });
    // A term defined elsewhere, by reference: "any and all Deliverables (as defined in the
    // Proposal)".
    static BY_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b([A-Z][\w-]*(?:\s+(?:of\s+)?[A-Z][\w-]*){0,4})\s+\(as defined (?:in|under|by)\b").expect("static regex")
    });
    let mut out: Vec<String> = Vec::new();
    for re in [&*QUOTED, &*MEANS, &*ATTACHMENT, &*GLOSSARY, &*BY_REFERENCE] {
        out.extend(re.captures_iter(text).map(|c| c[1].trim().to_owned()));
    }
    out
}

/// Capitalised terms used in `text`: runs of capitalised words ("Client Data", "Statement of
/// Work", "Exhibit A") and single capitalised words inside a sentence ("the Deliverables").
/// A run that opens a sentence may be an ordinary capitalised word before a term ("Upon
/// Provider"): it is reported as the run without its first word when that is what is defined.
pub fn used_terms(text: &str) -> Vec<(String, Option<String>)> {
    static RUN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[A-Z][\w-]*(?:\s+(?:of\s+)?[A-Z][\w-]*)*").expect("static regex"));
    const ORDINARY: &[&str] = &["Agreement", "Section", "Sections", "Clause", "I"];
    let mut out = Vec::new();
    for m in RUN.find_iter(text) {
        if text[..m.start()].chars().last().is_some_and(char::is_alphanumeric) {
            continue;
        }
        let before = text[..m.start()].trim_end();
        let opens = before.is_empty() || before.ends_with(['.', ':', ';', '(', '[', '"', '\u{201c}']);
        let words: Vec<&str> = m.as_str().split_whitespace().collect();
        if ORDINARY.contains(&m.as_str()) || (opens && words.len() == 1) {
            continue;
        }
        let rest = opens.then(|| words[1..].join(" ")).filter(|r| !r.is_empty() && !ORDINARY.contains(&r.as_str()));
        out.push((m.as_str().to_owned(), rest));
    }
    out
}

/// The capitalised terms of `inserted` that `result` (the whole text with every change
/// accepted) never defines, `names` apart (the parties, which a cover page may name in a table
/// rather than define in words). The redline's own promise: nothing it inserts leans on a term
/// the contract leaves undefined.
pub fn undefined_terms(inserted: &str, result: &str, names: &[String]) -> Vec<String> {
    let mut defined = defined_terms(result);
    defined.extend(names.iter().cloned());
    let is_defined = |t: &str| defined.iter().any(|d| same_term(d, t));
    let mut out: Vec<String> = Vec::new();
    for (term, rest) in used_terms(inserted) {
        if !is_defined(&term) && !rest.as_deref().is_some_and(is_defined) && !out.contains(&term) {
            out.push(term);
        }
    }
    out
}

/// Whether the draft gives `name` plural verbs ("Researchers agree to", "Researchers grant"):
/// a name ending in "s" ("Blockchain Commons agrees" is one party).
fn plural_in(text: &str, name: &str) -> bool {
    const VERBS: [&str; 10] = ["agree", "grant", "are", "have", "retain", "acknowledge", "warrant", "represent", "receive", "own"];
    name.ends_with('s') && !name.ends_with("ss") && VERBS.iter().any(|v| text.contains(&format!("{name} {v} ")))
}

/// The verb opening `rest` made plural, and how many bytes it took: "assigns" as "assign",
/// "is" as "are"; none when `rest` opens with no third-person verb.
fn plural_verb(rest: &str) -> Option<(String, usize)> {
    for (one, many) in [("has ", "have "), ("is ", "are "), ("does ", "do "), ("was ", "were ")] {
        if rest.starts_with(one) {
            return Some((many.to_owned(), one.len()));
        }
    }
    let word = rest.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
    (word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && word.starts_with(|c: char| c.is_ascii_lowercase()))
        .then(|| (word[..word.len() - 1].to_owned(), word.len()))
}

/// A party the draft names by a pronoun: the client it speaks to ("you"), or the agency
/// writing its own terms ("we", or "I" in a freelancer's) or the grantee a funder addresses
/// ("you").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pronoun {
    First,
    FirstSingular,
    Second,
}

impl Pronoun {
    fn of(name: &str) -> Option<Pronoun> {
        match name.to_ascii_lowercase().as_str() {
            "we" | "us" => Some(Pronoun::First),
            "i" | "me" => Some(Pronoun::FirstSingular),
            "you" => Some(Pronoun::Second),
            _ => None,
        }
    }

    /// The party's word for what is its own, standing alone ("remain ours").
    fn standalone(self) -> &'static str {
        match self {
            Pronoun::First => "ours",
            Pronoun::FirstSingular => "mine",
            Pronoun::Second => "yours",
        }
    }

    /// The words for the party: as subject, as object, and before a noun.
    fn forms(self) -> [&'static str; 3] {
        match self {
            Pronoun::First => ["we", "us", "our"],
            Pronoun::FirstSingular => ["I", "me", "my"],
            Pronoun::Second => ["you", "you", "your"],
        }
    }

    /// Pushes the words for the party named at `text[start..end]` ("Agency" or "Client") and
    /// returns where the text resumes, and whether the party is the subject: "Client's" is
    /// "your", "Agency IP" is "Our IP", "Client grants" is "you grant", "to Agency" is "to us",
    /// "Client or its" is "you or your".
    fn write(self, text: &str, start: usize, end: usize, out: &mut String) -> (usize, bool) {
        const OPENS: &[&str] =
            &["that", "and", "or", "if", "unless", "where", "when", "whether", "which", "what", "extent", "but", "until"];
        let [subject, object, possessive] = self.forms();
        let before = text[..start].trim_end();
        let capital = before.is_empty() || before.ends_with(['.', ':']);
        let cap = |w: &str| if capital { w[..1].to_uppercase() + &w[1..] } else { w.to_owned() };
        let rest = &text[end..];
        if let Some(r) = rest.strip_prefix("'s").or_else(|| rest.strip_prefix("\u{2019}s")) {
            // "remain Agency's." stands alone: "remain ours".
            let alone = !r.starts_with(|c: char| c == ' ' || c.is_alphanumeric());
            out.push_str(&cap(if alone { self.standalone() } else { possessive }));
            return (text.len() - r.len(), false);
        }
        if rest.strip_prefix(' ').is_some_and(|r| r.starts_with(char::is_uppercase)) {
            // "the Client Models": "Your Models", not "the Your Models".
            for article in ["the ", "The "] {
                if out.ends_with(article) {
                    out.truncate(out.len() - article.len());
                }
            }
            out.push_str(&(possessive[..1].to_uppercase() + &possessive[1..]));
            return (end, false);
        }
        // The subject opens a sentence or a clause ("provided that Agency", "To the extent
        // Client owns"); after a verb or a preposition the party is the object ("grants Agency",
        // "to Agency").
        let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        let verb_next = ["has ", "is ", "does ", "was "].iter().any(|v| rest.strip_prefix(' ').is_some_and(|r| r.starts_with(v)));
        let is_subject = capital || before.ends_with([',', ';', '(']) || OPENS.contains(&word) || verb_next;
        out.push_str(&cap(if is_subject { subject } else { object }));
        let Some(r) = rest.strip_prefix(' ') else { return (end, is_subject) };
        for (third, person) in [("or its ", "or "), ("and its ", "and ")] {
            if r.starts_with(third) {
                out.push(' ');
                out.push_str(person);
                out.push_str(possessive);
                out.push(' ');
                return (end + 1 + third.len(), is_subject);
            }
        }
        // "grants", "owns", "has": the verb agrees with "you" and "we" (and "I": "I am").
        match plural_verb(r).filter(|_| is_subject) {
            Some((verb, len)) => {
                out.push(' ');
                out.push_str(match verb.as_str() {
                    "are " if self == Pronoun::FirstSingular => "am ",
                    "were " if self == Pronoun::FirstSingular => "was ",
                    _ => &verb,
                });
                (end + 1 + len, true)
            }
            None => (end, is_subject),
        }
    }
}

/// Pushes `gap`, the words between two party names, with "its" after a party named by a
/// pronoun as that party's own word, up to the end of its sentence ("you waive, and will
/// procure that your personnel waive").
fn push_gap(out: &mut String, gap: &str, last: Option<Pronoun>) {
    static ITS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bits\b").expect("static regex"));
    let Some(person) = last else { return out.push_str(gap) };
    let stop = gap.find(". ").map_or(gap.len(), |k| k + 1);
    out.push_str(&ITS.replace_all(&gap[..stop], person.forms()[2]));
    out.push_str(&gap[stop..]);
}

/// Whether the draft spells the noun the British way ("a non-exclusive licence"): more often
/// "licence" than "license".
fn spells_licence(text: &str) -> bool {
    static EITHER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\blicen([cs])es?\b").expect("static regex"));
    let (british, american) = EITHER.captures_iter(text).fold((0, 0), |(b, a), c| match &c[1] {
        "c" | "C" => (b + 1, a),
        _ => (b, a + 1),
    });
    british > american
}

/// The library's "license" and "licenses" as a British draft spells the noun ("licence",
/// "licences"). The verb keeps its "s", as British usage has it: after a modal, "to" or
/// "hereby" ("may license"), and "licenses" after a party's name ("Client licenses").
fn british(text: &str) -> String {
    static LICENSE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b([Ll])icense(s?)\b").expect("static regex"));
    const BEFORE_A_VERB: &[&str] = &["to", "may", "shall", "will", "must", "not", "hereby", "cannot"];
    LICENSE
        .replace_all(text, |c: &regex::Captures<'_>| {
            let start = c.get(0).map_or(0, |m| m.start());
            let before = text[..start].trim_end();
            let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
            let verb =
                BEFORE_A_VERB.contains(&word) || !c[2].is_empty() && word.starts_with(char::is_uppercase) && !before.ends_with(['.', ':']);
            if verb { c[0].to_owned() } else { format!("{}icence{}", &c[1], &c[2]) }
        })
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_uk_drafts_background_ipr_stands_for_the_agencys_materials() {
        let draft = "\"Background IPR\" means Intellectual Property Rights owned by a Party before the Effective Date.";
        let v = Vocabulary::of(draft, &Parties::named("Developer", "Client"));
        assert_eq!(v.adapt("excluding Agency IP"), "excluding Background IPR");
    }

    #[test]
    fn a_term_defined_by_reference_is_not_defined_again() {
        let draft = "Client shall own all right, title and interest in any and all Deliverables (as defined in the Proposal).";
        assert!(defined_terms(draft).contains(&"Deliverables".to_owned()), "{:?}", defined_terms(draft));
        let mut v = Vocabulary::of(draft, &Parties::named("Vendor", "Client"));
        assert_eq!(v.definitions_for("To the extent Client owns any Deliverables, Client grants Vendor a licence."), Vec::<String>::new());
    }

    #[test]
    fn the_contract_is_called_what_the_draft_calls_itself() {
        let parties = Parties::named("Supplier", "Customer");
        let library = "This Agreement assigns nothing; the Supplier keeps its tools under this Agreement.";
        let contract = "This Contract starts today. The Supplier performs this Contract and this Agreement's schedules.";
        assert_eq!(
            Vocabulary::of(contract, &parties).adapt(library),
            "This Contract assigns nothing; the Supplier keeps its tools under this Contract."
        );
        let plain = "This contract is between us. Either of us may end this contract.";
        assert_eq!(
            Vocabulary::of(plain, &parties).adapt(library),
            "This contract assigns nothing; the Supplier keeps its tools under this contract."
        );
        let neither = "These Terms govern the Services.";
        assert_eq!(Vocabulary::of(neither, &parties).adapt(library), library);
    }

    #[test]
    fn a_draft_that_writes_licence_gets_the_noun_as_it_spells_it() {
        let draft = "The Customer grants the Supplier a non-exclusive licence. The licence ends with this Agreement.";
        let v = Vocabulary::of(draft, &Parties::named("Supplier", "Customer"));
        assert_eq!(
            v.adapt("License back. Client grants Agency a perpetual license to use the general methods; Agency may license them, and what Client licenses stays under the open-source licenses."),
            "Licence back. Customer grants Supplier a perpetual licence to use the general methods; Supplier may license them, and what Customer licenses stays under the open-source licences."
        );
        let american = Vocabulary::of("Customer grants Supplier a license.", &Parties::named("Supplier", "Customer"));
        assert_eq!(american.adapt("a perpetual license"), "a perpetual license");
    }

    #[test]
    fn a_term_the_draft_uses_as_defined_is_used_as_it_does() {
        let parties = Parties::named("Developer", "Client");
        let draft = "6.2 Developer agrees to keep all Confidential Information strictly confidential and not use Confidential Information for any other purpose.";
        let v = Vocabulary::of(draft, &parties);
        assert_eq!(v.adapt("without disclosing Client's Confidential Information"), "without disclosing Client's Confidential Information");
        let v = Vocabulary::of("6.1 Confidential Information. Developer keeps the client's secrets.", &parties);
        assert_eq!(v.adapt("without disclosing Client's Confidential Information"), "without disclosing Client's confidential information");
    }

    #[test]
    fn library_terms_become_the_drafts_or_plain_words_or_are_defined_once() {
        let draft = "\"Statement of Work\" means a SOW. \"Customer Data\" means data. Exhibit A: Fees.";
        let mut v = Vocabulary::of(draft, &Parties::named("Provider", "Customer"));
        let text = v.adapt("Agency IP listed in Exhibit A stays with Agency. Deliverables described in Schedule A use Client Data before the Effective Date.");
        assert_eq!(
            text,
            "Provider IP listed in Exhibit B stays with Provider. Deliverables described in the applicable Statement of Work use Customer Data before the date of this Agreement."
        );
        let defs = v.definitions_for(&text);
        assert_eq!(defs.len(), 3, "{defs:?}");
        assert!(defs[0].starts_with("\"Provider IP\" means"));
        assert!(v.definitions_for("Provider IP and Deliverables again").is_empty(), "each defined once");
        let result = format!("{draft} {text} {}", defs.join(" "));
        let names = ["Provider".to_owned(), "Customer".to_owned()];
        assert_eq!(undefined_terms(&text, &result, &names), Vec::<String>::new());
    }

    #[test]
    fn the_clients_secrets_go_by_the_drafts_name_for_them() {
        let draft = "\"Proprietary Information\" means all information Company treats as confidential.";
        let v = Vocabulary::of(draft, &Parties::named("Contractor", "Company"));
        assert_eq!(
            v.adapt("provided that Agency does not disclose Client's Confidential Information."),
            "provided that Contractor does not disclose Company's Proprietary Information."
        );
    }

    #[test]
    fn a_party_the_draft_names_in_the_plural_takes_plural_verbs() {
        let draft = "Researchers agree to keep designs confidential. Blockchain Commons agrees to pay.";
        let v = Vocabulary::of(draft, &Parties::named("Researchers", "Client"));
        assert_eq!(
            v.adapt(
                "Agency assigns to Client, provided that Agency does not disclose it. Agency is to deliver. Agency IP is not included."
            ),
            "Researchers assign to Client, provided that Researchers do not disclose it. Researchers are to deliver. Researchers IP is not included."
        );
        let v = Vocabulary::of(draft, &Parties::named("Blockchain Commons", "Client"));
        assert_eq!(v.adapt("Agency assigns it."), "Blockchain Commons assigns it.");
    }

    #[test]
    fn a_placeholder_client_name_gets_each_new_term_defined_once() {
        let mut v = Vocabulary::of("", &Parties::named("Party A", "[DAO NAME]"));
        let text = v.adapt("provided that Agency does not use Client Data.");
        assert_eq!(text, "provided that Party A does not use [DAO NAME] Data.");
        let defs = v.definitions_for(&text);
        assert_eq!(defs, ["\"[DAO NAME] Data\" means the data that [DAO NAME] or its affiliates provide to Party A under this Agreement."]);
        assert!(v.definitions_for(&text).is_empty(), "defined once");
    }

    #[test]
    fn a_party_name_ending_in_s_takes_the_apostrophe_alone() {
        let v = Vocabulary::of("", &Parties::named("Researchers", "Blockchain Commons"));
        assert_eq!(
            v.adapt("Agency's tools and Client's data; Agency's."),
            "Researchers' tools and Blockchain Commons' data; Researchers'."
        );
        let v = Vocabulary::of("", &Parties::named("Provider", "Client"));
        assert_eq!(v.adapt("Agency's tools"), "Provider's tools");
    }

    /// A draft with its own attachment for the agency's prior work lists the tools there.
    #[test]
    fn the_drafts_own_exhibit_of_prior_work_is_the_registry() {
        let draft = "Contractor retains pre-existing IP listed in Exhibit A.\n## Exhibit A — Pre-Existing IP (if any)\n- [List]\n## Exhibit B — Scope of Services";
        let v = Vocabulary::of(draft, &Parties::named("Contractor", "Company"));
        assert_eq!(v.adapt("tools listed in Exhibit A"), "tools listed in Exhibit A");
        let v = Vocabulary::of("Exhibit A: Fees. Exhibit B: Scope.", &Parties::named("Contractor", "Company"));
        assert_eq!(v.adapt("tools listed in Exhibit A"), "tools listed in Exhibit C");
    }

    /// The draft's own term for the agency's prior work, read by the provision reader's terms:
    /// defined ("Pre-Existing Materials" means what Provider owned before), or used as a term
    /// its cover page names ("the Prior Inventions"); never what the client takes ("Project
    /// Materials", created in the project "before or after") nor the client's own materials.
    #[test]
    fn the_drafts_term_for_the_agencys_prior_work_is_found() {
        let lexicon = Lexicon::embedded();
        let mut p = Parties::named("Provider", "Customer");
        p.agency_aliases = vec!["provider".into()];
        p.counterparty_aliases = vec!["customer".into()];
        let psa = "\"Customer Materials\" means materials Customer provides. \"Pre-Existing Materials\" means any tools or materials that Provider developed or owned before the Effective Date.";
        let v = Vocabulary::read(psa, &p, lexicon);
        assert!(v.has_own("Agency IP"));
        assert_eq!(v.adapt("excluding Agency IP"), "excluding Pre-Existing Materials");
        let mut e = Parties::named("Employee", "Company");
        e.agency_aliases = vec!["employee".into()];
        e.counterparty_aliases = vec!["company".into()];
        let ciiaa = "Prior Inventions Disclosure\n\nCovered Inventions do not include the Prior Inventions. Employee lists the Prior Inventions identified in Cover Terms.";
        assert_eq!(Vocabulary::read(ciiaa, &e, lexicon).adapt("excluding Agency IP"), "excluding Prior Inventions");
        let mut c = Parties::named("Contributor", "Company");
        c.agency_aliases = vec!["contributor".into()];
        let enspyr = "\"Project Materials\" means all works created by the Contributor in connection with the Project, whether created before or after the date of this Agreement.";
        assert!(!Vocabulary::read(enspyr, &c, lexicon).has_own("Agency IP"));
    }

    #[test]
    fn party_names_keep_the_drafts_article() {
        let v = Vocabulary::of("(\"the Company\") and (\"the Contributor\")", &Parties::named("Contributor", "Company"));
        assert_eq!(
            v.adapt("Agency grants Client a licence to Client Data. Upon Agency's receipt, each Client affiliate"),
            "The Contributor grants the Company a licence to Company Data. Upon the Contributor's receipt, each Company affiliate"
        );
    }

    /// The PSA's "Customer Materials" stands for the library's "Client Data": a plural term
    /// takes a plural verb ("Customer Materials are used", not "is used").
    #[test]
    fn a_plural_term_of_the_draft_takes_a_plural_verb() {
        let v = Vocabulary::of("\"Customer Materials\" means materials Customer provides.", &Parties::named("Provider", "Customer"));
        assert_eq!(v.adapt("Client Data is used only to perform them."), "Customer Materials are used only to perform them.");
        let v = Vocabulary::of("\"Pre-Existing Materials\" means tools.", &Parties::named("Provider", "Customer"));
        assert_eq!(
            v.adapt("Agency retains Agency IP, and nothing in this Agreement assigns or transfers it. Client shall not extract the Agency IP from the Deliverables, use it independently of them, or make it available to others."),
            "Provider retains Pre-Existing Materials, and nothing in this Agreement assigns or transfers them. Customer shall not extract the Pre-Existing Materials from the Deliverables, use them independently of the Deliverables, or make them available to others."
        );
    }

    #[test]
    fn a_client_called_you_is_written_to() {
        let v = Vocabulary::of("We do the Work. You pay us.", &Parties::named("Go Free Range", "you"));
        assert_eq!(
            v.adapt("Client grants Agency a licence. Agency does not disclose Client's information or use Client Data that Client or its affiliates provide. Client has paid."),
            "You grant Go Free Range a licence. Go Free Range does not disclose your information or use Your Data that you or your affiliates provide. You have paid."
        );
        assert_eq!(v.adapt("The methods used to develop the Client Models."), "The methods used to develop Your Models.");
    }

    /// A freelancer's own terms, written as "I" to "you": "I" takes its own forms and verbs
    /// ("I am", "I retain", "grant me", "my personnel", "remain mine").
    #[test]
    fn an_agency_called_i_is_written_in_the_first_person_singular() {
        let v = Vocabulary::of("I build. You pay me.", &Parties::named("I", "you"));
        assert_eq!(
            v.adapt("Agency retains all right in Agency IP, and Agency is not required to deliver it. To the extent Client owns any Deliverables, Client grants Agency a licence, provided that Agency does not disclose Client's information. Agency waives, and will procure that its personnel waive, any rights."),
            "I retain all right in My IP, and I am not required to deliver it. To the extent you own any Deliverables, you grant me a licence, provided that I do not disclose your information. I waive, and will procure that my personnel waive, any rights."
        );
        assert_eq!(v.adapt("Agency's materials remain Agency's."), "My materials remain mine.");
    }

    /// An agency's own terms in the first person, and a funder's conditions that speak to the
    /// grantee as "you": "we" is subject or object as the sentence has it, and "its" follows.
    #[test]
    fn parties_called_we_and_you_are_written_as_the_draft_speaks() {
        let v = Vocabulary::of("We build. You pay us.", &Parties::named("we", "you"));
        assert_eq!(
            v.adapt("Agency waives, and will procure that its personnel waive, any rights. To the extent Client owns any Deliverables, Client grants Agency a licence, provided that Agency does not disclose Client's information. Nothing restricts Agency from using Agency IP."),
            "We waive, and will procure that our personnel waive, any rights. To the extent you own any Deliverables, you grant us a licence, provided that we do not disclose your information. Nothing restricts us from using Our IP."
        );
        assert_eq!(
            v.adapt("Agency's materials remain Agency's. Client's data stays Client's."),
            "Our materials remain ours. Your data stays yours."
        );
        // "what Agency delivers": the party is the subject of the clause "what" opens.
        let v = Vocabulary::of("You hereby grant Us a licence.", &Parties::named("you", "BBC"));
        assert_eq!(
            v.adapt("The license covers Agency's materials as incorporated in what Agency delivers."),
            "The licence covers your materials as incorporated in what you deliver."
        );
        let v = Vocabulary::of("You build. We pay you.", &Parties::named("you", "we"));
        assert_eq!(
            v.adapt("Client may use the Agency IP for Client's purposes; Agency does not disclose Client Data that Client or its affiliates provide to Agency."),
            "We may use Your IP for our purposes; you do not disclose Our Data that we or our affiliates provide to you."
        );
    }

    #[test]
    fn a_narrowed_term_of_the_draft_stands_for_the_deliverables() {
        let draft = "\"Project Materials\" means all works created by the Contributor for the Company.";
        let mut v = Vocabulary::of(draft, &Parties::named("Contributor", "Company"));
        v.deliverables_are("Project Materials");
        let text =
            v.adapt("To the extent Client owns any Deliverables, Client grants Agency a licence to the know-how in the Deliverables.");
        assert_eq!(
            text,
            "To the extent Company owns any Project Materials, Company grants Contributor a licence to the know-how in the Project Materials."
        );
        assert!(v.definitions_for(&text).is_empty(), "no second term beside the draft's");
        // A term named in the singular ("Work Product") or a draft with its own Deliverables keeps them.
        for (draft, term) in
            [("\"Work Product\" means all work.", "Work Product"), ("\"Deliverables\" means items. \"Works\" means all.", "Works")]
        {
            let mut v = Vocabulary::of(draft, &Parties::named("Contributor", "Company"));
            v.deliverables_are(term);
            assert_eq!(v.adapt("any Deliverables"), "any Deliverables", "{draft}");
        }
    }

    #[test]
    fn the_checker_reports_terms_the_result_never_defines() {
        let result = "This Agreement is between Acme (\"Client\") and Bright (the \"Provider\"). Provider IP means tools.";
        assert_eq!(
            undefined_terms("Upon Provider's receipt, Client owns the Work Product and Provider IP stays.", result, &[]),
            ["Work Product"]
        );
        assert!(undefined_terms("Listed in Schedule A.", "Schedule A\nThe list.", &[]).is_empty());
        assert!(undefined_terms("Customer pays.", "no definitions", &["Customer".to_owned()]).is_empty());
    }
}
