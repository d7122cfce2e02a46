//! What a provision does (defines a term, allocates ownership, grants a licence, waives a right,
//! restricts a party), so that struck words are replaced by words that do the same job, and what
//! other provisions say about a clause they cite by number ("assigned to Client under Section 4.1").

use std::sync::LazyLock;

use regex::Regex;

use crate::analysis::Parties;
use crate::reading::{Kind, Lexicon, Standing};

/// The job a passage does, read from its first sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Function {
    /// Defines the term (as written, without quotes).
    Definition(String),
    Warranty,
    Ownership,
    Waiver,
    Licence,
    /// A duty to hand something over ("shall deliver to Client all Work Product").
    Delivery,
    /// A restriction ("shall not use", "may not disclose").
    Covenant,
    /// A duty to act other than a hand-over ("shall notify Client of any claim", "shall sign
    /// any document"): a restriction does another job, and cannot stand for it.
    Duty,
    Other,
}

static DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"^[\s*_]*["\u{201c}]?[\s*_]*([A-Z][\w-]*(?:\s+(?:of\s+)?[A-Z][\w-]*)*)[\s*_]*["\u{201d}]?(?:[\s*_]+(?:means|shall mean|has the meaning|includes)\b|[*_]*:[*_]*\s+(?:the|an?|all|any|each|every|these|this)\b)"#,
    )
    .expect("static regex")
});
static OWNERSHIP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:assign(?:s|ed|ment)?|owned|owns|ownership|(?:shall|will|to|may)(?:\s+also)? own|title|vests?|vested|property of|made for hire|belongs?)\b")
        .expect("static regex")
});
static WARRANTY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bwarrant(?:s|y|ies)?\b").expect("static regex"));
static WAIVER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(?:waives?|waiver|moral rights)\b").expect("static regex"));
static LICENCE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\blicen[cs]e").expect("static regex"));
static DELIVERY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:shall|will|must|agrees? to)\s+(?:promptly\s+|immediately\s+)?(?:deliver|return|hand over|turn over)\b")
        .expect("static regex")
});
static COVENANT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:shall|will|must|may)\s+(?:not|never)\b|\bshall\s+refrain\b").expect("static regex"));
static DUTY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(?:shall|will|must)\b").expect("static regex"));

/// The jobs the provision reader reads a passage to do: the function of each provision it
/// finds there that operates (a warranty's promise counts; a negated transfer, "nothing in
/// this Agreement assigns", or a transfer a definition describes does not), in text order,
/// each once; `[Other]` when none operates. None when the reader finds no provision at all.
/// `parties` names who may speak (`with_library_names`): a bare verb ("Contractor assigns to
/// Issuer") operates only after a party's name, so a reading that knows no party misses it.
pub fn read(text: &str, lexicon: &Lexicon, parties: &Parties) -> Option<Vec<Function>> {
    let norm = crate::text::Normalised::new(text);
    let reading = crate::reading::Reading::read(lexicon, &norm.text, &[(0, norm.text.len())], crate::reading::Layout::default(), parties);
    let mut provisions: Vec<&crate::reading::Provision> = reading.provisions.iter().collect();
    provisions.sort_by_key(|p| p.start);
    if provisions.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    for p in provisions {
        let operates = match p.standing {
            Standing::Operative => true,
            Standing::Descriptive => p.kind == Kind::Warranty,
            Standing::Negated => false,
        };
        // A transfer of nothing named ("to confirm ownership ... after it has been assigned")
        // speaks of a transfer made elsewhere.
        let of_nothing = p.kind.transfers() && p.features.is_empty() && p.terms.is_empty();
        let phrase = &norm.text[p.start..p.end];
        let function = match p.kind {
            // "may freely use": a freedom to use, as a licence gives.
            Kind::Retention if phrase.contains(" use") || phrase.contains("employ") => Function::Licence,
            Kind::Assignment | Kind::Ownership | Kind::HireWork | Kind::Joint | Kind::Retention => Function::Ownership,
            Kind::Licence | Kind::OpenLicence => Function::Licence,
            Kind::Waiver => Function::Waiver,
            Kind::Restriction => Function::Covenant,
            Kind::Delivery => Function::Delivery,
            Kind::Warranty => Function::Warranty,
            Kind::Consideration => Function::Other,
        };
        if operates && !of_nothing && function != Function::Other && !out.contains(&function) {
            out.push(function);
        }
    }
    if out.is_empty() {
        out.push(Function::Other);
    }
    Some(out)
}

/// Whether the words assign rights to someone ("Developer assigns to Client all right, title
/// and interest in ...", "shall be assigned to Client"): a verb of assignment followed by its
/// assignee. "nothing in this
/// Agreement assigns or transfers it", a statement of what a party keeps, is none.
pub fn assigns(text: &str) -> bool {
    static ASSIGNS_TO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:assigns?|transfers?|conveys?|(?:shall|will) be (?:assigned|transferred|conveyed))(?:\s+(?:and|or)\s+(?:assigns?|transfers?|conveys?))?\s+to\b")
            .expect("static regex")
    });
    static NEGATED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(?:nothing|not|no)\b[^.;]*$").expect("static regex"));
    ASSIGNS_TO.find_iter(text).any(|m| !NEGATED.is_match(&text[..m.start()]))
}

/// The parties a passage's function is read with: the draft's, and the library's own names
/// for them ("Agency assigns to Client"), which the words tried in place of struck ones still
/// use. A passage's function is what its provisions do, whoever gives; but the reader takes a
/// bare verb ("assigns to") as operative only after a party's name, and without the names
/// it read the library's "Upon ... payment ..., Agency assigns to Client ..." as no
/// assignment at all, so that it stood in for bcgov's open-source licence grant.
pub fn with_library_names(parties: &Parties) -> Parties {
    let mut named = parties.clone();
    for (aliases, name) in [(&mut named.agency_aliases, "agency"), (&mut named.counterparty_aliases, "client")] {
        if !aliases.iter().any(|a| a == name) {
            aliases.push(name.to_owned());
        }
    }
    named
}

/// The library's names alone: for words read outside any draft.
static LIBRARY_NAMES: LazyLock<Parties> = LazyLock::new(|| {
    with_library_names(&Parties {
        agency: None,
        counterparty: None,
        detected: false,
        uncertain: false,
        agency_aliases: Vec::new(),
        counterparty_aliases: Vec::new(),
        other_terms: Vec::new(),
        candidates: Vec::new(),
    })
});

/// The jobs of a passage: the term it defines when it opens with a definition, else what the
/// provision reader reads it to do (`read`), else, where the reader finds no provision, the
/// job its words show (`of`).
pub fn functions(text: &str, lexicon: &Lexicon, parties: &Parties) -> Vec<Function> {
    if let Some(c) = DEFINITION.captures(text) {
        return vec![Function::Definition(c[1].to_owned())];
    }
    read(text, lexicon, parties).unwrap_or_else(|| vec![of(text)])
}

/// The job of a passage read from its words alone, the fallback where the provision reader
/// finds nothing: a definition if it opens with one, else the first of warranty, ownership,
/// waiver, licence, hand-over, restriction and duty to act that its words show.
pub fn of(text: &str) -> Function {
    if let Some(c) = DEFINITION.captures(text) {
        return Function::Definition(c[1].to_owned());
    }
    if WARRANTY.is_match(text) {
        Function::Warranty
    } else if OWNERSHIP.is_match(text) {
        Function::Ownership
    } else if WAIVER.is_match(text) {
        Function::Waiver
    } else if LICENCE.is_match(text) {
        Function::Licence
    } else if DELIVERY.is_match(text) {
        Function::Delivery
    } else if COVENANT.is_match(text) {
        Function::Covenant
    } else if DUTY.is_match(text) {
        Function::Duty
    } else {
        Function::Other
    }
}

/// Whether `inserted` can stand where `deleted` was, read with the embedded lexicon, the
/// parties as the draft names them (`names`: "Provider", "the Company") and the library's
/// names for them (see `keeps_read`).
pub fn keeps(deleted: &str, inserted: &str, names: &[String]) -> bool {
    let mut parties = LIBRARY_NAMES.clone();
    for name in names.iter().map(|n| n.to_lowercase()) {
        let bare = name.strip_prefix("the ").unwrap_or(&name).to_owned();
        for alias in [name.clone(), bare] {
            if !parties.agency_aliases.contains(&alias) {
                parties.agency_aliases.push(alias);
            }
        }
    }
    keeps_read(deleted, inserted, crate::reading::Lexicon::embedded(), &parties)
}

/// Whether `inserted` can stand where `deleted` was: a definition by a definition of the same
/// term; any other provision by words whose own provisions, read by the same reader, do the
/// same jobs: every job of the struck words, and nothing that opens with another job (a
/// promise to sign documents does not stand for a work-made-for-hire statement). A passage
/// whose job is not recognised only by words whose job is not either. A term the passage
/// defines on the way ("... (collectively, "Confidential Information")") must be defined by
/// the new words too.
pub fn keeps_read(deleted: &str, inserted: &str, lexicon: &Lexicon, parties: &Parties) -> bool {
    let defines = super::terms::defined_terms(inserted);
    if !super::terms::defined_terms(deleted).iter().all(|t| defines.contains(t)) {
        return false;
    }
    let (was, now) = (functions(deleted, lexicon, parties), functions(inserted, lexicon, parties));
    match (was.as_slice(), now.as_slice()) {
        ([Function::Definition(a)], [Function::Definition(b)]) => a.eq_ignore_ascii_case(b),
        (_, [first, ..]) => was.contains(first) && was.iter().all(|f| now.contains(f)),
        _ => false,
    }
}

/// A definition that opens with a bare term ("Agency IP means ...") with the term in quotes, as
/// a definition is written.
pub fn quote_definition(text: &str) -> String {
    match DEFINITION.captures(text).and_then(|c| c.get(1)) {
        Some(term) if !text[..term.start()].contains(['"', '\u{201c}']) => {
            format!("{}\"{}\"{}", &text[..term.start()], term.as_str(), &text[term.end()..])
        }
        _ => text.to_owned(),
    }
}

/// Whether words qualify a provision they assume is there ("Agency's waiver of moral rights
/// applies solely to...", "To the extent any Agency IP is assigned...", "excluded from
/// Agency's warranties of title"): they cannot replace that provision itself.
pub fn presupposes(text: &str) -> bool {
    static QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:To the extent (?:that )?any\b|[A-Z][\w ]*'s use\b)|'s (?:waiver|warranties)\b").expect("static regex")
    });
    QUALIFIER.is_match(text.trim_start())
}

/// A verb another provision uses of a clause it cites by number, which the clause must keep
/// saying for the citation to stay true.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cited {
    /// "assigned to Client under Section 4.1": the clause must still assign.
    Assign,
    /// "does not vest ... by operation of clause 2.1": the clause must still pass ownership.
    Transfer,
    /// "the waiver in Section 4.7".
    Waive,
}

impl Cited {
    fn pattern(self) -> &'static Regex {
        static ASSIGN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bassign").expect("static regex"));
        static TRANSFER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(?:assign|vest|transfer|title)").expect("static regex"));
        match self {
            Cited::Assign => &ASSIGN,
            Cited::Transfer => &TRANSFER,
            Cited::Waive => &WAIVER,
        }
    }

    /// Whether `text` still says what the citation assumes.
    pub fn said_by(self, text: &str) -> bool {
        self.pattern().is_match(text)
    }
}

/// The verbs sentences of `text` use of clause `number` when they cite it ("Section 4.1",
/// "clause 2.1", "§4.1"), skipping the byte range `skip` (the clause itself).
pub fn cited_as(text: &str, number: &str, skip: Option<&std::ops::Range<usize>>) -> Vec<Cited> {
    static CITATION: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\b(?:section|clause|§)\s*(\d+(?:\.\d+)*)\b").expect("static regex"));
    let mut out = Vec::new();
    for m in CITATION.captures_iter(text) {
        let (Some(whole), Some(n)) = (m.get(0), m.get(1)) else { continue };
        if n.as_str() != number.trim_end_matches('.') || skip.is_some_and(|r| r.contains(&whole.start())) {
            continue;
        }
        let from = text[..whole.start()].rfind(['.', '\n']).map_or(0, |i| i + 1);
        let to = text[whole.end()..].find(['.', '\n']).map_or(text.len(), |i| whole.end() + i);
        let sentence = &text[from..to];
        for verb in [Cited::Assign, Cited::Transfer, Cited::Waive] {
            if verb.said_by(sentence) && !out.contains(&verb) {
                out.push(verb);
            }
        }
    }
    out
}

/// Citations the redline leaves untrue: a clause cited by number for what it does ("assigned
/// to Client under Section 4.1", "the waiver in clause 3.1") whose changed words no longer do
/// it. Each as "§4.2 cites §4.1 as assigning".
pub fn stale_citations(redline: &super::Redline) -> Vec<String> {
    let mut out = Vec::new();
    for c in redline.changes.iter().filter(|c| c.new_clause.is_none()) {
        let Some(number) = c.clause_label.strip_prefix('\u{a7}').and_then(|l| l.split_whitespace().next()) else { continue };
        if !number.starts_with(|d: char| d.is_ascii_digit()) {
            continue;
        }
        let now = redline.accepted_paragraph(c.paragraph);
        for j in (0..redline.draft.paragraphs.len()).filter(|&j| j != c.paragraph) {
            let citing = redline.accepted_paragraph(j);
            for verb in cited_as(&citing, number, None) {
                if verb.said_by(&c.deleted) && !verb.said_by(&now) {
                    out.push(format!("{:?} cites \u{a7}{number} as {verb:?}, which it no longer does", crate::text::one_line(&citing)));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_job_of_a_passage() {
        assert_eq!(of("\"Work Product\" means only the Deliverables."), Function::Definition("Work Product".into()));
        assert_eq!(of("**\"Project Materials\"** means all works"), Function::Definition("Project Materials".into()));
        // Markup inside the quotes, blanked in the analysed text (bcgov's `"**License**" means`):
        // still a definition, which only a definition of it replaces.
        assert_eq!(of("\"  License  \" means the Apache Version 2 license;"), Function::Definition("License".into()));
        assert!(!keeps("\"  License  \" means the Apache Version 2 license;", "Contractor shall deliver a list of components.", &[]));
        assert_eq!(of("Provider hereby assigns to Client all rights."), Function::Ownership);
        assert_eq!(of("Provider waives all moral rights."), Function::Waiver);
        assert_eq!(of("Provider shall not compete."), Function::Covenant);
        // A duty to notify is no restriction: the library's confidentiality promises ("shall
        // not disclose ...") do not stand for it (norton's 11.6), nor for a grant of ownership
        // read from its words ("Client shall also own all outputs").
        let notify = "The Supplier shall immediately notify Norton in writing if the Supplier becomes aware of any actual or potential infringement of third-party intellectual property rights arising from or in connection with the Services or Deliverables.";
        assert_eq!(of(notify), Function::Duty);
        let boundaries = "Agency shall not disclose Client's Confidential Information, shall not use Client Data for any other client, and shall not deliver a copy of any Deliverable to any third party.";
        assert!(!keeps(notify, boundaries, &["Supplier".into()]));
        let outputs = "Client shall also own all outputs generated by any model or tool used in the Services.";
        assert_eq!(of(outputs), Function::Ownership);
        assert!(!keeps(outputs, "Provider shall not use any output of the Client Models in work for any other person.", &[]));
        // A hand-over on termination is not replaced by a promise about using the deliverables.
        let handover =
            "On termination, Provider shall deliver to Client all Work Product, and Client shall pay Provider for Services performed.";
        assert_eq!(of(handover), Function::Delivery);
        assert!(!keeps(
            handover,
            "Client may use the Deliverables for its internal business purposes. Client shall not extract the Provider IP.",
            &[]
        ));
        assert_eq!(of("Provider warrants that the Deliverables are original."), Function::Warranty);
        assert!(!keeps("On termination, Provider shall deliver all work.", "Provider IP means tools.", &[]));
        assert!(!keeps("All records (\"Confidential Information\") are owned by Client.", "Provider assigns the Deliverables.", &[]));
        assert!(!keeps("Provider warrants that the work is original.", "Provider shall deliver a list of components.", &[]));
        assert!(!keeps("\"Models\" means all models.", "Provider shall not use the Models.", &[]));
        assert!(keeps("Client shall own all work product.", "Upon full payment, Provider assigns the Deliverables.", &[]));
        assert_eq!(quote_definition("Client Models means weights."), "\"Client Models\" means weights.");
        assert_eq!(quote_definition("\"Work Product\" means x."), "\"Work Product\" means x.");
        assert!(presupposes("Provider's waiver of moral rights applies solely to the Deliverables."));
        assert!(presupposes("Those components are excluded from Provider's warranties of title."));
        assert!(presupposes("To the extent any Agency IP is assigned to Client, Client grants"));
        assert!(!presupposes("To the extent permitted by law, Provider waives its moral rights in the Deliverables."));
    }

    /// The provision reader, not the words, says what a passage does: a statement that works
    /// are made for hire allocates ownership; a promise to sign documents confirming an
    /// ownership "after it has been assigned" transfers nothing of its own, so cannot stand for
    /// it; "may use" is a freedom to use, not a hand-over.
    #[test]
    fn the_provision_reader_says_what_a_passage_does() {
        let lexicon = crate::reading::Lexicon::embedded();
        let hire = "To the extent legally permitted, copyrightable works prepared within the scope of employment are works made for hire for Company.";
        let assurances = "Employee shall, at Company's expense, sign any document reasonably required to confirm Company's ownership of the Company IP after it has been assigned.";
        assert_eq!(functions(hire, lexicon, &LIBRARY_NAMES), [Function::Ownership]);
        assert_eq!(functions(assurances, lexicon, &LIBRARY_NAMES), [Function::Other]);
        assert!(!keeps(hire, assurances, &[]));
        assert!(keeps(hire, "Upon full payment, Provider assigns to Client all right, title and interest in the Deliverables.", &[]));
        assert_eq!(
            functions("Client may use the Deliverables for its internal business purposes.", lexicon, &LIBRARY_NAMES),
            [Function::Licence]
        );
        // A passage that mixes jobs is replaced only by words that do each of them.
        let mixed =
            "Provider hereby assigns to Client all right, title and interest in the Deliverables and waives all moral rights in them.";
        assert_eq!(functions(mixed, lexicon, &LIBRARY_NAMES), [Function::Ownership, Function::Waiver]);
        assert!(!keeps(mixed, "Upon full payment, Provider assigns to Client all right, title and interest in the Deliverables.", &[]));
        // The library's assignment says "Agency assigns to Client", a bare verb the reader
        // takes as operative only after a party's name: read with the library's names, it
        // assigns, and so cannot stand for a licence.
        let assignment = "Upon Agency's receipt of full payment of the Fees for each Deliverable, Agency assigns to Client all right, title and interest in and to the Client IP in that Deliverable. Until that payment is made, Client may use the Deliverables under a non-exclusive license for the purposes of this Agreement.";
        assert_eq!(functions(assignment, lexicon, &LIBRARY_NAMES), [Function::Ownership, Function::Licence]);
        assert!(!keeps("By submitting a Contribution, Agency agrees to grant Client the License over the Contribution.", assignment, &[]));
        // Where the reader finds no provision, the words decide.
        assert_eq!(functions("Provider shall not compete.", lexicon, &LIBRARY_NAMES), [Function::Covenant]);
    }

    #[test]
    fn finds_what_other_clauses_say_of_a_cited_clause() {
        let t = "4.1 Ownership. Provider assigns. 4.2 To the extent any Work Product is not a work made for hire, it is assigned to Client under Section 4.1. 4.3 See clause 4.10.";
        assert_eq!(cited_as(t, "4.1", None), [Cited::Assign, Cited::Transfer]);
        assert!(cited_as(t, "4.3", None).is_empty());
        let at = t.find("Section 4.1").unwrap();
        assert!(cited_as(t, "4.1", Some(&(at..at + 5))).is_empty());
    }
}
