//! Edits inside a provision, as a lawyer marks up a draft: an ownership statement ("shall ...
//! belong to you", "is owned by", "shall be the property of") keeps its words and gets the
//! payment condition put in before it takes effect, and its object narrowed to what is made for
//! the client. Used where no library clause of the same function can replace the sentence (one
//! that defines a term on the way, "... ("Project IP") shall belong to you"), and for assignment
//! sentences ("hereby assigns", `assignment`), where a lawyer edits rather than replaces.

mod assignment;
mod backstop;
mod definition;
mod extension;
mod hire;
mod knowhow;
mod licence;
pub mod list;
mod original;
mod restriction;
mod retained;

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::library::Concern;

/// One edit of a sentence: the bytes struck (empty for an insertion) and the words put in, in
/// the library's names for the parties and the fees ("Client", "Fees", "Agency IP"), which the
/// caller adapts; the concerns it answers and what it does (the reason counsel reads).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub inserted: String,
    pub concerns: Vec<Concern>,
    pub kinds: Vec<EditKind>,
}

impl Edit {
    fn new(range: Range<usize>, inserted: String, concerns: &[Concern], kind: EditKind) -> Edit {
        Edit { range, inserted, concerns: concerns.to_vec(), kinds: vec![kind] }
    }
}

pub use crate::library::EditKind;

/// The draft's words the edits use.
#[derive(Debug, Clone, Copy)]
pub struct Words<'a> {
    /// The draft's term for what it delivers, when it defines one ("the Deliverables").
    pub deliverables: Option<&'a str>,
    /// Whether "Agency IP" in a carve-out takes the library's definition, which names the
    /// agency's methodologies and know-how (no term of the draft's own stands for it).
    pub agency_ip_has_methods: bool,
    /// Whether the draft's term for "Agency IP" is plural ("Pre-Existing Materials"): "improvements
    /// to them" rather than "to it".
    pub agency_ip_plural: bool,
    /// The terms the draft defines: what is assigned is named by one of them, never by words
    /// the draft leaves undefined ("the Project").
    pub defined: &'a [&'a str],
    /// The provision reader's vocabulary: which words are a licence's terms.
    pub lexicon: &'a crate::reading::Lexicon,
    /// The draft is an employment or invention assignment agreement: no fee or payment
    /// condition is put in (an employee is paid a salary, not fees per deliverable).
    pub employment: bool,
    /// The draft's term for what passes whose definition the redline narrows in its own words
    /// ("Covered Inventions"): other sentences that describe what passes in broad words name
    /// it, rather than saying "specifically for Client" again.
    pub narrowed: Option<&'a str>,
}

/// The ownership statement's verb, after which the transfer takes effect: the modal ("shall,",
/// "will") when there is one, else the verb itself ("is owned by", "becomes the property of").
static OWNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b(?:(?P<modal>shall|will)(?P<comma>,)?(?:\s*\([^)]*\))?\s+(?:be\s+and\s+remain\s+|become\s+|be\s+)?
            (?:the\s+(?:sole\s+)?(?:and\s+exclusive\s+)?property\s+of|(?:solely\s+|exclusively\s+)?owned\s+by|(?:vest\s+(?:in\s+)?and\s+)?belong\s+to|vest\s+in
              |(?:irrevocably\s+)?(?:assigned|transferred)\s+to)
          |(?P<owner>(?:is|are)\s+(?:also\s+)?the\s+(?:sole\s+)?(?:and\s+exclusive\s+)?owner\s+of
            |(?:shall|will)\s+(?:also\s+)?(?:solely\s+|exclusively\s+)?own)
          |(?P<verb>(?:is|are)\s+(?:the\s+(?:sole\s+)?(?:and\s+exclusive\s+)?property\s+of|(?:solely\s+|exclusively\s+)?owned\s+by)
            |belongs?\s+to|becomes?\s+the\s+property\s+of|vests?\s+in))\b",
    )
    .expect("static regex")
});

/// Words that deny the ownership statement that follows ("do not automatically vest in").
static NEGATED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:not|never)(?:\s+automatically|\s+otherwise)?\s+$").expect("static regex"));

/// A condition of payment the sentence already has ("upon full payment", "Upon acceptance of
/// the Software and payment of all compensation due").
static PAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:upon|on|following|after|subject\s+to)\s+(?:(?:the\s+)?receipt\s+of\s+)?(?:full\s+)?payment|\bpayment\s+(?:in\s+full\s+)?of\s+(?:all\s+)?(?:the\s+)?(?:fees|compensation|amounts|sums)\b",
    )
    .expect("static regex")
});

/// A broad object: what is made by the agency "in the course of" or "in connection with" the
/// engagement, rather than for the client.
static BROAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b(?P<noun>(?:all\s+|any\s+)?(?:(?:deliverables\s+and\s+other\s+)?work\s+product|works?|materials|(?:the\s+)?intellectual\s+property))
        \s+(?P<made>(?:created|developed|made|produced|authored)\s+by\s+(?:us|the\s+\w+|[A-Z]\w+))
        \s+(?:(?P<performing>in\s+the\s+performance\s+of)|in\s+the\s+course\s+of(?:\s+working\s+on|\s+performing|\s+providing)?|in\s+connection\s+with|arising\s+(?:out\s+of|from)|(?:related|relating)\s+to)\b",
    )
    .expect("static regex")
});

/// The agency's own tools named as what produces the client's things ("any model or tool used
/// in the Services"), which reach everything those tools ever produce.
static TOOLS_USED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\bany\s+(?:[\w-]+\s+){0,3}?(?:models?|tools?|software|systems?|platforms?|frameworks?)
        (?:\s+or\s+(?:[\w-]+\s+){0,2}?(?:models?|tools?|software|systems?|platforms?|frameworks?))?
        \s+used\s+(?:in|for|to\s+perform)\s+(?:(?:performing|providing|the\s+performance\s+of|the\s+provision\s+of)\s+)?the\s+Services\b",
    )
    .expect("static regex")
});

/// A limb of what the client owns that names the agency's own tools: " and of any Provider
/// tools, platforms or frameworks used in performing the Services", to the comma or the end.
static TOOLS_LIMB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)\s+and\s+of\s+(?:any|all|the)\s+(?:[A-Z][\w'\u{2019}]*\s+)(?:[\w-]+,?\s+){0,4}?
        (?:tools|platforms|frameworks|libraries|methodologies)\b[^.;,]*(?:,\s*(?:[\w-]+\s+){0,2}?(?:or|and)\s+[\w-]+\b[^.;,]*)?",
    )
    .expect("static regex")
});

/// Where the statement that `sentence` makes at `from` ends: its full stop (one followed by
/// another sentence, not a number's), else the end of the passage without its stop.
fn statement_end(sentence: &str, from: usize) -> usize {
    let rest = &sentence[from..];
    let stop = rest
        .match_indices(". ")
        .map(|(i, _)| i)
        .find(|&i| rest[i + 2..].starts_with(|c: char| c.is_uppercase() || c == '"' || c == '\u{201c}'));
    stop.map_or_else(|| sentence.trim_end().trim_end_matches('.').len(), |i| from + i)
}

/// Where the object of an owner-first statement ends: at the end of the statement, or before a
/// qualification that follows the object ("shall own the website subject to the following
/// terms and conditions:"), so that what goes in after the object is not put after a colon.
/// With whether the statement goes on after it.
fn object_end(sentence: &str, from: usize) -> (usize, bool) {
    static QUALIFIED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r",?\s+(?:subject\s+to|provided\s+that|on\s+the\s+(?:following\s+)?terms)\b|:\s*$").expect("static regex")
    });
    let end = statement_end(sentence, from);
    match QUALIFIED.find(&sentence[from..end]) {
        Some(m) => (from + m.start(), !sentence[from + m.start()..end].trim_start_matches([',', ':']).trim().is_empty()),
        None => (end, false),
    }
}

/// What ties the subject of an ownership statement to the whole engagement rather than to
/// what is delivered: "as part of this Agreement", "in connection with the Contract" (the
/// words before "this Agreement", which stays).
static ENGAGEMENT_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:as\s+part\s+of|in\s+connection\s+with|in\s+the\s+course\s+of|arising\s+(?:out\s+of|from|under)|relating\s+to|related\s+to)(?:\s+the\s+performance\s+of)?\s+(?P<contract>(?:this|the)\s+(?:Agreement|Contract))\b")
        .expect("static regex")
});

/// Whether `sentence` transfers the work: states who owns it, assigns it, or says what the
/// assignment covers ("This assignment covers all inventions ...").
pub fn transfers(sentence: &str) -> bool {
    OWNED.is_match(sentence) || assignment::assigns(sentence) || assignment::SCOPE.is_match(sentence)
}

/// The edit of a paragraph that only says when its clause's transfer takes effect
/// ("**Effective:** Upon creation (automatically)"): the payment in place of the time. None
/// for any other sentence.
pub fn timing(sentence: &str) -> Option<Edit> {
    assignment::timing(sentence)
}

/// Whether `text` makes something wait for payment ("upon receipt of full payment").
pub fn pays(text: &str) -> bool {
    PAID.is_match(text)
}

/// The object a narrowing edit replaced, when it was named in broad words ("All Work Product"):
/// its noun ("Work Product"), which later sentences of the clause may still use for it.
pub fn broad_object(deleted: &str) -> Option<&str> {
    let deleted = deleted.trim();
    assignment::GENERIC.is_match(deleted).then(|| deleted.split_once(char::is_whitespace).map_or(deleted, |(_, noun)| noun.trim()))
}

/// The term `sentence` defines, when it opens by defining one (`"Covered Inventions" means`).
pub fn defined_term(sentence: &str) -> Option<&str> {
    definition::defined_term(sentence)
}

/// Whether `sentence` backs up another transfer ("To the extent ... is not assigned under 2.1,
/// Contractor holds it on trust for Company"): the library's whole clause never replaces it.
pub fn backs_up(sentence: &str) -> bool {
    backstop::backs_up(sentence)
}

/// The edit that denies an addition of the agency's own things to a term for what passes
/// (`extension::denied`), when `sentence` makes one and neither transfers nor defines anything
/// itself ("Background IPR: ... other than any rights which form part of the Foreground IPR"
/// is a definition).
pub fn addition_denied(sentence: &str, concerns: &[Concern], lexicon: &crate::reading::Lexicon) -> Option<Edit> {
    let defines = matches!(super::function::of(sentence), super::function::Function::Definition(_));
    if transfers(sentence) || defines { None } else { extension::denied(sentence, concerns, lexicon) }
}

/// Whether `sentence` is a promise not to do something ("shall not", "agrees not to").
pub fn restricts(sentence: &str) -> bool {
    restriction::restricts(sentence)
}

/// Whether `sentence` says the agency keeps nothing ("shall retain no right ... in any Work
/// Product").
pub fn keeps_nothing(sentence: &str) -> bool {
    retained::keeps_nothing(sentence)
}

/// The licence back (`licence_back`, the library's words) put in as the exception to a
/// statement that the agency keeps nothing.
pub fn licence_back_exception(sentence: &str, licence_back: &str) -> Option<Edit> {
    retained::exception(sentence, licence_back)
}

/// The agency's materials put in as the exception to a promise that none of its prior work is
/// in what passes.
pub fn prior_excepted(sentence: &str) -> Option<Edit> {
    retained::prior_excepted(sentence)
}

/// Whether `sentence` grants a licence whose terms (a list: "exclusive, perpetual, ...") the
/// edits can work on.
pub fn grants_licence(sentence: &str, words: &Words<'_>) -> bool {
    licence::grants(sentence, words)
}

/// The condition of a licence that opens "To the extent <condition>," when the condition cites
/// a clause by number ("any rights in materials described in Section 4.3 cannot be
/// assigned"): its range in `sentence`.
pub fn cited_condition(sentence: &str) -> Option<std::ops::Range<usize>> {
    static CONDITION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*To the extent (?:that )?(?P<cond>[^,.;]*?\b(?:[Ss]ection|[Cc]lause|§)\s*\d+(?:\.\d+)*[^,.;]*),")
            .expect("static regex")
    });
    CONDITION.captures(sentence).and_then(|c| c.name("cond")).map(|m| m.range())
}

/// Where a licence names what it licenses as "those materials" after `from`, the condition
/// that named them rewritten: that range, for the draft's term.
pub fn those_materials(sentence: &str, from: usize) -> Option<std::ops::Range<usize>> {
    static THOSE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(?:those|such|the) materials\b").expect("static regex"));
    THOSE.find_at(sentence, from).map(|m| m.range())
}

/// The carve-out put in after what passes, in the library's term for the agency's materials;
/// with improvements to them when the finding is that derivatives pass.
/// Where the draft's own term for them does not reach the agency's methods and the methods
/// pass, they are named beside it.
fn carve_out(concerns: &[Concern], words: &Words<'_>) -> String {
    let methods =
        !words.agency_ip_has_methods && concerns.iter().any(|c| matches!(c, Concern::MethodologyTransfer | Concern::ModelOwnership));
    let methods = if methods { " and Agency's general methodologies and know-how" } else { "" };
    if concerns.contains(&Concern::Derivatives) {
        let it = if words.agency_ip_plural { "them" } else { "it" };
        if methods.is_empty() {
            format!(", excluding Agency IP and improvements to {it}")
        } else {
            format!(", excluding Agency IP, improvements to {it}{methods}")
        }
    } else {
        format!(", excluding Agency IP{methods}")
    }
}

/// The carve-out of improvements to the agency's materials from an item of a list of what is
/// assigned ("- Any inventions, innovations, or improvements" under "Provider assigns to
/// Client all rights to:"), as a lawyer qualifies the item rather than the list: where in
/// `item` it goes (before the item's separator) and its words, in the library's term. None
/// when the item already keeps something back or claims the agency's prior materials.
pub fn improvements_excluded(item: &str) -> Option<(usize, String)> {
    (!KEPT_OR_CLAIMED.is_match(item)).then(|| (list::item_end(item), ", excluding improvements to Agency IP".to_owned()))
}

/// The sentence already keeps something back, or claims what the agency had before: a carve-out
/// would be redundant, or contradict it.
static KEPT_OR_CLAIMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:excluding|except|other\s+than|does\s+not\s+include|pre-?existing|background|prior\s+to|previously)\b")
        .expect("static regex")
});

/// The concerns a carve-out of the agency's materials answers in `sentence`: the prior-IP one;
/// derivatives, with "and improvements to it"; and the transfer of methods, or of models with
/// the methods behind them: "Agency IP" in the library's definition names the agency's
/// methodologies and know-how, and beside a draft's own term that does not ("Prior
/// Inventions") the carve-out names them (`carve_out`). None when the sentence already keeps
/// something back or claims the agency's prior materials.
fn carved_out(sentence: &str, concerns: &[Concern], _words: &Words<'_>) -> Vec<Concern> {
    if KEPT_OR_CLAIMED.is_match(sentence) {
        return Vec::new();
    }
    carvable(concerns)
}

/// The concerns a carve-out of the agency's materials can answer, of `concerns`.
fn carvable(concerns: &[Concern]) -> Vec<Concern> {
    [Concern::PreExistingIp, Concern::Derivatives, Concern::MethodologyTransfer, Concern::ModelOwnership]
        .into_iter()
        .filter(|c| concerns.contains(c))
        .collect()
}

/// Edits that touch (a carve-out and the payment condition put in at one place) made one, in
/// order: one tracked insertion rather than two at the same place.
fn merged(mut edits: Vec<Edit>) -> Vec<Edit> {
    edits.sort_by_key(|e| e.range.start);
    let mut out: Vec<Edit> = Vec::with_capacity(edits.len());
    for e in edits {
        match out.last_mut() {
            Some(last) if last.range.end == e.range.start => {
                last.range.end = e.range.end;
                last.inserted.push_str(&e.inserted);
                last.concerns.extend(e.concerns);
                last.kinds.extend(e.kinds);
            }
            _ => out.push(e),
        }
    }
    out
}

/// The words that make the transfer wait for payment (then "it" or "them").
const UPON_PAYMENT: &str = "upon receipt of full payment of the Fees for";

/// The edits of a sentence that states no ownership: an assignment; else "... copyrightable
/// works prepared within the scope of employment are works made for hire", the statement
/// itself; else "**Effective:** Upon creation (automatically)", the time of the clause's
/// transfer.
fn unowned_edits(sentence: &str, concerns: &[Concern], words: &Words<'_>) -> Vec<Edit> {
    let assigned = assignment::edits(sentence, concerns, words);
    if !assigned.is_empty() {
        return assigned;
    }
    if hire::states(sentence) {
        return hire::edits(sentence, concerns, words);
    }
    let paid = concerns.contains(&Concern::AssignmentBeforePayment) && !words.employment;
    timing(sentence).filter(|_| paid).into_iter().collect()
}

/// The smallest edits of the ownership statement or assignment `sentence` (its words in the
/// draft) for the `concerns` found in it, one per concern it can answer (or one for several
/// that go in at the same place), in the order of the sentence. Offsets are into `sentence`.
pub fn edits(sentence: &str, concerns: &[Concern], words: &Words<'_>) -> Vec<Edit> {
    // A licence grant is edited for the licence's concerns: its terms struck, its use limited.
    if licence::grants(sentence, words) && concerns.iter().any(|c| licence::CONCERNS.contains(c)) {
        return licence::edits(sentence, concerns, words);
    }
    // A definition is edited as a definition: narrowed in its own words.
    if definition::defined_term(sentence).is_some() && !transfers(sentence) {
        return definition::edits(sentence, concerns, words.lexicon);
    }
    // An addition of the agency's own things to a term for what passes is denied.
    if let Some(edit) = addition_denied(sentence, concerns, words.lexicon) {
        return vec![edit];
    }
    // A non-compete is narrowed as a non-compete: its period, its reach, what it bars.
    if concerns.contains(&Concern::NonCompete) && restriction::restricts(sentence) && !transfers(sentence) {
        let narrowed = restriction::edits(sentence, words.deliverables);
        if !narrowed.is_empty() {
            return narrowed;
        }
    }
    // A bar on using the client's data that also bars the methods worked out on it keeps to
    // the data: striking that limb is the smaller edit.
    if knowhow::DERIVED_LIMB_CONCERNS.iter().any(|c| concerns.contains(c))
        && restriction::restricts(sentence)
        && !transfers(sentence)
        && let Some(edit) = knowhow::derived_limb(sentence, concerns)
    {
        return vec![edit];
    }
    // A promise not to use the know-how gained is narrowed to what is the client's.
    if knowhow::KNOW_HOW_CONCERNS.iter().any(|c| concerns.contains(c))
        && restriction::restricts(sentence)
        && !transfers(sentence)
        && let Some(edit) = knowhow::edit(sentence, concerns)
    {
        return vec![edit];
    }
    // A warranty that the work is wholly original and holds no open source keeps its promise
    // for the components the client was not told of.
    if concerns.contains(&Concern::OpenSource) && !transfers(sentence) {
        let kept = original::edits(sentence);
        if !kept.is_empty() {
            return kept;
        }
    }
    // "If any rights do not automatically vest in Company, Employee hereby assigns ...": a
    // denied ownership statement is not the transfer; the assignment is.
    let owned = OWNED.captures_iter(sentence).find(|c| c.get(0).is_some_and(|m| !NEGATED.is_match(&sentence[..m.start()])));
    match owned {
        Some(owned) => owned_edits(sentence, &owned, concerns, words),
        None => unowned_edits(sentence, concerns, words),
    }
}

/// The edits of the ownership statement `owned` in `sentence`: what passes narrowed, the
/// agency's tools struck from it and its materials carved out, payment made the condition, and
/// a fiction of the client's authorship struck.
fn owned_edits(sentence: &str, owned: &regex::Captures<'_>, concerns: &[Concern], words: &Words<'_>) -> Vec<Edit> {
    let deliverables = words.deliverables;
    let mut out = Vec::new();
    if concerns.contains(&Concern::BroadWorkProduct)
        && let Some(broad) = BROAD.captures(sentence)
        && let (Some(whole), Some(noun), Some(made)) = (broad.get(0), broad.name("noun"), broad.name("made"))
        && whole.end() <= owned.get(0).map_or(0, |o| o.start())
    {
        let things = deliverables.unwrap_or("the deliverables");
        let mut object = if noun.as_str().to_lowercase().contains("intellectual property") {
            format!("the intellectual property in {things}")
        } else {
            things.to_owned()
        };
        if noun.as_str().starts_with(char::is_uppercase) {
            object.replace_range(..1, &object[..1].to_uppercase());
        }
        let made = made.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
        out.push(Edit {
            range: whole.range(),
            // "in the performance of the Services" says what the work is for; the looser links
            // ("in the course of", "in connection with") become "under".
            inserted: format!(
                "{object} {made} specifically for Client {}",
                broad.name("performing").map_or("under", |_| "in the performance of")
            ),
            concerns: vec![Concern::BroadWorkProduct],
            kinds: vec![EditKind::Narrowed],
        });
    }
    let subject = sentence[..owned.get(0).map_or(0, |o| o.start())].trim_end();
    // A subject narrowed by its link to the engagement keeps its own noun ("The results").
    if concerns.contains(&Concern::BroadWorkProduct)
        && out.is_empty()
        && let Some(edit) = subject_narrowed(subject, owned.name("owner").is_some(), deliverables.unwrap_or("the deliverables"))
    {
        out.push(edit);
    }
    // "Client shall also own all outputs generated by any model or tool used in the Services":
    // what the agency's tools produce for the client, not everything they ever produce.
    if concerns.contains(&Concern::BroadWorkProduct)
        && out.is_empty()
        && let Some(owner) = owned.name("owner")
        && let Some(tools) = TOOLS_USED.find_at(sentence, owner.end())
    {
        out.push(Edit::new(
            tools.range(),
            deliverables.unwrap_or("the deliverables").to_owned(),
            &[Concern::BroadWorkProduct],
            EditKind::Narrowed,
        ));
    }
    // "... derivative works of the Work Product and of any Provider tools, platforms or
    // frameworks used in performing the Services": the limb that reaches the agency's own tools
    // is struck; the carve-out below keeps their improvements the agency's.
    if concerns.contains(&Concern::Derivatives)
        && let Some(owner) = owned.name("owner")
        && let Some(limb) = TOOLS_LIMB.find_at(sentence, owner.end())
    {
        out.push(Edit::new(limb.range(), String::new(), &[Concern::Derivatives], EditKind::Narrowed));
    }
    let paid = concerns.contains(&Concern::AssignmentBeforePayment) && !words.employment && !PAID.is_match(sentence);
    if paid && owned.name("owner").is_none() {
        // What passes is named by the subject as narrowed ("The deliverables created ...",
        // "Intellectual property in the deliverables ...").
        let mut narrowed: Vec<&Edit> = out.iter().filter(|e| e.range.end <= subject.len()).collect();
        narrowed.sort_by_key(|e| std::cmp::Reverse(e.range.start));
        let mut named = subject.to_owned();
        for e in narrowed {
            named.replace_range(e.range.clone(), &e.inserted);
        }
        let it = pronoun(&named);
        out.extend(owned_upon_payment(sentence, owned, it));
    }
    // The agency's own materials stay out of what the client owns: said after the subject,
    // before the verb ("... ("Project IP"), excluding Agency IP, shall belong to you").
    // "The Company is also the owner of all the intellectual property ...": what passes is the
    // object, and the carve-out ends the sentence.
    let carved = carved_out(sentence, concerns, words);
    if !carved.is_empty() {
        let (at, goes_on) = if owned.name("owner").is_some() {
            object_end(sentence, owned.get(0).map_or(0, |o| o.end()))
        } else {
            (sentence[..owned.get(0).map_or(0, |o| o.start())].trim_end().len(), true)
        };
        // Before the payment condition that may go in at the same place.
        // Set off by commas before the verb, or before what qualifies the object; the payment
        // condition that may go in at the same place brings its own.
        let close = if goes_on { "," } else { "" };
        out.insert(0, Edit::new(at..at, format!("{}{close}", carve_out(concerns, words)), &carved, EditKind::CarvedOut));
    }
    // "Client shall own all outputs ...": the owner comes first, so the payment condition ends
    // the sentence, after any carve-out.
    if paid && owned.name("owner").is_some_and(|o| !o.as_str().contains("owner")) {
        let (end, goes_on) = object_end(sentence, owned.get(0).map_or(0, |o| o.end()));
        let upon = UPON_PAYMENT.trim_end_matches(" for");
        let close = if goes_on { "," } else { "" };
        out.push(Edit::new(end..end, format!(", {upon}{close}"), &[Concern::AssignmentBeforePayment], EditKind::UponPayment));
    }
    out.extend(authorship_struck(sentence, concerns));
    let mut out = merged(out);
    for e in &mut out {
        e.inserted = e.inserted.replace(",,", ",");
    }
    out
}

/// The payment condition of the ownership statement `owned` in `sentence`, what passes called
/// `it`: in place of the time it takes effect ("shall vest in the Client ~~upon creation~~ upon
/// receipt of full payment ..."), else after its verb; an assignment that follows in the same
/// sentence waits for the same payment.
fn owned_upon_payment(sentence: &str, owned: &regex::Captures<'_>, it: &str) -> Vec<Edit> {
    let end = owned.get(0).map_or(0, |o| o.end());
    if let Some(t) = assignment::TIMING.find_at(sentence, end) {
        let effective = if t.as_str().starts_with("effective") { "effective " } else { "" };
        return vec![Edit::new(
            t.range(),
            format!("{effective}{UPON_PAYMENT} {it}"),
            &[Concern::AssignmentBeforePayment],
            EditKind::UponPayment,
        )];
    }
    let at = match (owned.name("modal"), owned.name("comma"), owned.name("verb")) {
        (Some(_), Some(comma), _) => (comma.end(), format!(" {UPON_PAYMENT} {it},")),
        (Some(modal), None, _) => (modal.end(), format!(", {UPON_PAYMENT} {it},")),
        (None, _, Some(verb)) => (sentence[..verb.start()].trim_end().len(), format!(", {UPON_PAYMENT} {it},")),
        _ => return Vec::new(),
    };
    let mut out = vec![Edit::new(at.0..at.0, at.1, &[Concern::AssignmentBeforePayment], EditKind::UponPayment)];
    // "..., and the Supplier hereby assigns ... to Customer": the assignment that follows in
    // the same sentence waits for the same payment.
    out.extend(assignment::from_that_payment(sentence, end));
    out
}

/// The subject of an ownership statement narrowed to what is made for the client: "All Work
/// Product shall be ..." (the subject itself is what passes, unless the subject is the owner),
/// else "The results of the work of the Contractor as part of this Agreement are owned by"
/// (what passes tied to the deliverables in place of the whole engagement).
fn subject_narrowed(subject: &str, owner_first: bool, things: &str) -> Option<Edit> {
    if !owner_first && assignment::GENERIC.is_match(subject) {
        let mut things = format!("{things} created specifically for Client");
        things.replace_range(..1, &things[..1].to_uppercase());
        return Some(Edit::new(0..subject.len(), things, &[Concern::BroadWorkProduct], EditKind::Narrowed));
    }
    let link = ENGAGEMENT_LINK.captures(subject)?;
    let (whole, contract) = (link.get(0)?, link.name("contract")?);
    let inserted = format!("in {things} created specifically for Client under {}", contract.as_str());
    Some(Edit::new(whole.range(), inserted, &[Concern::BroadWorkProduct], EditKind::Narrowed))
}

/// Whether the subject of an ownership statement is plural by its head noun ("all Intellectual
/// Property Rights in the Deliverables", after an opening "Subject to clause 4.3,"), not by the
/// words that qualify it ("intellectual property created by the Contributor").
fn plural(subject: &str) -> bool {
    let subject = match subject.strip_prefix("Subject to") {
        Some(rest) => rest.split_once(',').map_or(rest, |(_, s)| s),
        None => subject,
    };
    let cut = [" in ", " of ", " created", " developed", " made", " produced", " conceived", " prepared", " by ", " (", ","]
        .iter()
        .filter_map(|w| subject.find(w))
        .min()
        .unwrap_or(subject.len());
    let head = subject[..cut].split_whitespace().rfind(|w| !matches!(*w, "therein" | "thereto" | "thereof"));
    head.is_some_and(|w| w.ends_with('s') && !w.ends_with("ss"))
}

/// "it" or "them" for what passes, by its head noun ("the Covered Inventions", "the Deliverables
/// created ...", "any intellectual property rights therein").
pub(super) fn pronoun(thing: &str) -> &'static str {
    if plural(thing) { "them" } else { "it" }
}

/// "..., and Client will be deemed to be the author thereof": owning the work needs no fiction
/// of authorship, which is struck.
fn authorship_struck(sentence: &str, concerns: &[Concern]) -> Option<Edit> {
    let author = DEEMED_AUTHOR.find(sentence).filter(|_| concerns.contains(&Concern::WorkMadeForHire))?;
    Some(Edit::new(author.range(), String::new(), &[Concern::WorkMadeForHire], EditKind::Narrowed))
}

/// The client made author of what it owns, joined to the ownership: ", and Client will be
/// deemed to be the author thereof".
static DEEMED_AUTHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i),?\s+and\s+(?:the\s+)?[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?\s+(?:shall|will)\s+be\s+(?:deemed|considered|treated\s+as)\s+(?:to\s+be\s+)?the\s+(?:sole\s+)?authors?\s+(?:thereof|of\s+(?:it|them|the\s+same))\b",
    )
    .expect("static regex")
});

#[cfg(test)]
mod tests {
    use super::*;

    /// The library's words, in a draft that defines none of its own.
    pub(super) fn words() -> Words<'static> {
        Words {
            deliverables: None,
            agency_ip_has_methods: true,
            agency_ip_plural: false,
            defined: &[],
            lexicon: crate::reading::Lexicon::embedded(),
            employment: false,
            narrowed: None,
        }
    }

    pub(super) fn apply(sentence: &str, edits: &[Edit]) -> String {
        let mut out = sentence.to_owned();
        for e in edits.iter().rev() {
            out.replace_range(e.range.clone(), &e.inserted);
        }
        out
    }

    #[test]
    fn a_client_deemed_author_of_what_it_owns_on_payment_loses_the_authorship_only() {
        let s = "Upon Provider's receipt of full payment, the Work Product will be the sole and exclusive property of Client, and Client will be deemed to be the author thereof.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::WorkMadeForHire], &words())),
            "Upon Provider's receipt of full payment, the Work Product will be the sole and exclusive property of Client."
        );
    }

    #[test]
    fn an_ownership_statement_tied_to_the_whole_agreement_is_tied_to_the_deliverables() {
        let s = "The results and copyrights of the work of the Contractor as part of this Agreement are owned by the Client.";
        let concerns = [Concern::BroadWorkProduct, Concern::AssignmentBeforePayment];
        assert_eq!(
            apply(s, &edits(s, &concerns, &words())),
            "The results and copyrights of the work of the Contractor in the deliverables created specifically for Client under this Agreement, upon receipt of full payment of the Fees for them, are owned by the Client."
        );
    }

    #[test]
    fn an_ownership_statement_waits_for_payment_and_covers_what_is_made_for_the_client() {
        let both = [Concern::AssignmentBeforePayment, Concern::BroadWorkProduct];
        let s = "Intellectual property in work created by us in the course of working on a Project (\"Project IP\") shall, (as a future assignment of intellectual property) belong to you.";
        assert_eq!(
            apply(s, &edits(s, &both, &words())),
            "Intellectual property in the deliverables created by us specifically for Client under a Project (\"Project IP\") shall, upon receipt of full payment of the Fees for it, (as a future assignment of intellectual property) belong to you."
        );
        let s = "All work product created by Provider in connection with the Services shall be the property of Client.";
        assert_eq!(
            apply(s, &edits(s, &both, &Words { deliverables: Some("the Deliverables"), ..words() })),
            "The Deliverables created by Provider specifically for Client under the Services shall, upon receipt of full payment of the Fees for them, be the property of Client."
        );
        let s = "All intellectual property created by the Contributor in connection with the Project is owned by the Company.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::AssignmentBeforePayment], &words())),
            "All intellectual property created by the Contributor in connection with the Project, upon receipt of full payment of the Fees for it, is owned by the Company."
        );
        let s = "The Services and all deliverables and other work product developed by Contractor in the performance of the Services are a work made for hire, and shall be solely owned by the Company.";
        assert_eq!(
            apply(s, &edits(s, &both, &words())),
            "The Services and the deliverables developed by Contractor specifically for Client in the performance of the Services are a work made for hire, and shall, upon receipt of full payment of the Fees for them, be solely owned by the Company."
        );
        // What qualifies the object after it, down to a lead-in's colon, stays after the
        // words that go in.
        let s =
            "Upon completion of the project, and payment, the Client shall own the website subject to the following terms and conditions:";
        assert_eq!(
            apply(s, &edits(s, &[Concern::PreExistingIp], &words())),
            "Upon completion of the project, and payment, the Client shall own the website, excluding Agency IP, subject to the following terms and conditions:"
        );
        // The demo's §4.1: models and methods reach it through "Work Product".
        let s = "All Work Product shall be the sole and exclusive property of Client.";
        let concerns = [Concern::BroadWorkProduct, Concern::MethodologyTransfer, Concern::ModelOwnership];
        let e = edits(s, &concerns, &Words { deliverables: Some("the Deliverables"), ..words() });
        assert_eq!(
            apply(s, &e),
            "The Deliverables created specifically for Client, excluding Agency IP, shall be the sole and exclusive property of Client."
        );
        assert!(concerns.iter().all(|c| e.iter().any(|e| e.concerns.contains(c))), "every finding answered: {e:?}");
        // cts-contractor: the client named as owner of what relates to the Services.
        let s = "The Company is also the owner of all the intellectual property related to the Services, including improvements (collectively, the \u{201c}Intellectual Property\u{201d}).";
        assert_eq!(
            apply(s, &edits(s, &[Concern::MethodologyTransfer, Concern::Derivatives], &words())),
            "The Company is also the owner of all the intellectual property related to the Services, including improvements (collectively, the \u{201c}Intellectual Property\u{201d}), excluding Agency IP and improvements to it."
        );
        // zest-digital 4.1: an ownership statement and an assignment in one sentence both wait.
        let s = "Subject to clause 4.3, all Intellectual Property Rights in the Deliverables shall vest and belong to the Customer absolutely, and the Supplier hereby assigns with full title guarantee all such Intellectual Property Rights in the Deliverables to Customer.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::AssignmentBeforePayment], &words())),
            "Subject to clause 4.3, all Intellectual Property Rights in the Deliverables shall, upon receipt of full payment of the Fees for them, vest and belong to the Customer absolutely, and, with effect from that payment, the Supplier hereby assigns with full title guarantee all such Intellectual Property Rights in the Deliverables to Customer."
        );
        // "All Work Product shall be owned by": renamed "The deliverables ...", paid "for them".
        let s = "All Work Product shall be owned by the Client.";
        assert_eq!(
            apply(s, &edits(s, &both, &words())),
            "The deliverables created specifically for Client shall, upon receipt of full payment of the Fees for them, be owned by the Client."
        );
        // The demo's §5.7: the client named first as owner of what the agency's tools produce.
        let s = "Client shall also own all outputs generated by any model or tool used in the Services and all synthetic data generated from Client Data.";
        let concerns = [Concern::AssignmentBeforePayment, Concern::BroadWorkProduct, Concern::MethodologyTransfer, Concern::ModelOwnership];
        let e = edits(s, &concerns, &Words { deliverables: Some("the Deliverables"), ..words() });
        assert_eq!(
            apply(s, &e),
            "Client shall also own all outputs generated by the Deliverables and all synthetic data generated from Client Data, excluding Agency IP, upon receipt of full payment of the Fees."
        );
        assert!(concerns.iter().all(|c| e.iter().any(|e| e.concerns.contains(c))), "every finding answered: {e:?}");
        let paid = "Upon full payment, the Deliverables shall belong to Client.";
        assert!(edits(paid, &both, &words()).is_empty());
    }

    #[test]
    fn improvements_are_carved_out_of_an_item_before_its_separator() {
        let item = "Any inventions, innovations, or improvements; and";
        let (at, words) = improvements_excluded(item).expect("a carve-out");
        assert_eq!(
            format!("{}{words}{}", &item[..at], &item[at..]),
            "Any inventions, innovations, or improvements, excluding improvements to Agency IP; and"
        );
        assert_eq!(improvements_excluded("Improvements, excluding Agency IP"), None, "already kept back");
        assert_eq!(improvements_excluded("Improvements to Provider's pre-existing tools"), None, "claims the agency's prior work");
    }

    #[test]
    fn a_licence_condition_citing_a_clause_is_found_with_what_it_names() {
        let s = "To the extent any rights in materials described in Section 4.3 cannot be assigned, Provider grants Client a license to exploit those materials.";
        let cond = cited_condition(s).expect("the condition");
        assert_eq!(&s[cond.clone()], "any rights in materials described in Section 4.3 cannot be assigned");
        assert_eq!(those_materials(s, cond.end).map(|r| &s[r]), Some("those materials"));
        assert_eq!(cited_condition("To the extent permitted by law, Provider waives its moral rights."), None);
    }
}
