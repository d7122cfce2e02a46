//! Operative sentences read into provisions: the kind (from the lexicon's trigger words), the
//! giver and the receiver (party mentions around the trigger, active or passive), the object
//! (what the rights attach to, with the defined terms it uses resolved), timing, payment
//! condition, carve-outs, negation and a licence's attributes.

use super::lexicon::Found;
use super::{Attributes, Feature, Features, Kind, Lexicon, Terms};
use crate::analysis::Parties;
use crate::library::pattern::ascii::AsciiFirst;
use crate::text::{ceil_char, ends_sentence, floor_char};

/// Words that make "work made for hire" a statement about the work ("is", "deemed", "treated
/// as"), as whole words (runs of ASCII letters, digits and `_`) anywhere in `before`.
fn hire_verb(before: &str) -> bool {
    // "qualifies as" and "treated as" end in "as", a word of the list by itself.
    const WORDS: [&str; 10] = ["is", "are", "be", "been", "being", "considered", "deemed", "constitute", "constitutes", "as"];
    before.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).any(|w| WORDS.contains(&w))
}

/// Whether `before` ends with what precedes the one who made or owns a thing: "developed by",
/// "supplied solely by the".
fn made_by(before: &str) -> bool {
    const VERBS: [&str; 23] = [
        "developed",
        "created",
        "made",
        "conceived",
        "invented",
        "authored",
        "written",
        "generated",
        "produced",
        "prepared",
        "discovered",
        "built",
        "owned",
        "possessed",
        "held",
        "acquired",
        "purchased",
        "supplied",
        "provided",
        "furnished",
        "made available",
        "licensed",
        // "conceived or reduced to practice solely by"
        "reduced to practice",
    ];
    const HOW: [&str; 6] = ["solely ", "independently ", "exclusively ", "jointly ", "directly ", "separately "];
    // "may be sub-licensed by Client": passed on by them, not made or held by them.
    let verb_and_space = |t: &str| {
        t.strip_suffix(' ')
            .is_some_and(|t| VERBS.iter().any(|v| t.ends_with(v)) && !t.ends_with("sub-licensed") && !t.ends_with("sublicensed"))
    };
    // "made solely by or on behalf of the Company": made for a party counts as made by it.
    let by = before.strip_suffix("the ").unwrap_or(before);
    let by = by.strip_suffix("or on behalf of ").unwrap_or(by);
    let Some(t) = by.strip_suffix("by ") else { return false };
    // "furnished to or made available to the Supplier by the Buyer": the receiver named between.
    let past_receiver = t.rfind(" to ").filter(|&i| t.len() - i < 40 && t[i + 4..].split_whitespace().count() <= 3).map(|i| &t[..=i]);
    // "the Project Intellectual Property not owned by the Purchaser": what is not theirs.
    let denied = |t: &str| VERBS.iter().any(|v| t.strip_suffix(' ').is_some_and(|t| t.ends_with(&format!("not {v}"))));
    [Some(t), past_receiver]
        .into_iter()
        .flatten()
        .any(|t| !denied(t) && (verb_and_space(t) || HOW.iter().any(|h| t.strip_suffix(h).is_some_and(verb_and_space))))
}

/// An object that is the contract itself, or the rights a party has under it.
static CONTRACT_ITSELF: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^\s*(?:to [a-z ]{1,40}? )?(?:(?:all|any|each) )?(?:of )?(?:its |their |his |her |the |such party's |a party's )?(?:rights?|interests?|benefits?)(?: or interests?)?(?:,? (?:and|or) (?:obligations|duties|burdens))? (?:under|in|pursuant to|arising under) (?:this|the) (?:agreement|contract)\b|^\s*(?:this|the) (?:agreement|contract)(?:$|[,.;]| (?:to|with|and|or|in|under|shall|will|may)\b)")
        .expect("static regex")
});

/// Rights a third party owns or licenses, or an object that opens naming them ("any third
/// party Pre-Existing Intellectual Property", "to use all Third Party Intellectual Property
/// Rights").
static THIRD_PARTYS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?:owned|licensed|provided|supplied|developed)(?: to [a-z ]{1,30})? by (?:any |a |the |such )?third part(?:y|ies)|^\s*(?:to (?:use|exploit|access) )?(?:any |all |a |the |such )?third[ -]part(?:y|ies)(?:'s?)? ")
        .expect("static regex")
});

/// "transfer to the buyer all licences and warranties for any deliverables", "obtain and assign
/// to CBORD a ... license to use all Third Party Intellectual Property Rights": what passes on
/// is the benefit of others' licences and warranties, not the work.
static PASSED_ON: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^\s*(?:to (?:the )?[a-z]+ )?(?:all |any |the )?(?:licen[cs]es|warranties|guarantees|indemnities)(?:,? (?:and|or) (?:licen[cs]es|warranties|guarantees|indemnities))? (?:for|of|relating to|in respect of|covering)\b|^\s*(?:to (?:the )?[a-z]+ )?an? (?:[a-z-]+,? (?:and )?){0,10}licen[cs]e (?:to use |to |of |for |under )?(?:all |any |the )?third[ -]part(?:y|ies)")
        .expect("static regex")
});

/// An object's limb that takes in whatever was made in the engagement (`MADE_MEANWHILE`).
static OR_MADE_MEANWHILE: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(&format!(r"\b{}", super::MADE_MEANWHILE)).expect("static regex"));

/// A list item's bullet or number at its start.
static MARKER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(&format!(r"^\s*(?:[-*{}]|\(?[a-z0-9]{{1,3}}[.)])\s+", super::BULLETS)).expect("static regex")
});

/// "(with a license for any Background IP you include)": what follows is licensed, not part
/// of the object conveyed before it.
static WITH_LICENCE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"[(,]?\s*\b(?:with|subject to|together with) (?:a|an|the) (?:[a-z-]+,? ){0,4}licen[cs]e\b").expect("static regex")
});

/// Compiles the patterns that read an object (each on first use otherwise).
pub(super) fn compile_patterns() {
    for pattern in [&CONTRACT_ITSELF, &THIRD_PARTYS, &WITH_LICENCE, &PASSED_ON] {
        std::sync::LazyLock::force(pattern);
    }
    for pattern in [&EFFECT, &SAME_SUBJECT_AGAIN] {
        pattern.compile();
    }
}

/// Whether `before` ends with a passive verb's auxiliary: "is hereby ", "shall be " (before
/// "granted").
fn passive(before: &str) -> bool {
    let auxiliary = |t: &str| ["is", "are", "be", "been", "being"].iter().any(|a| t.ends_with(a));
    before
        .strip_suffix(' ')
        .is_some_and(|t| auxiliary(t) || [" hereby", " also", " automatically"].iter().any(|w| t.strip_suffix(w).is_some_and(auxiliary)))
}

/// How far around a trigger its parts are looked for.
const BEFORE: usize = 240;
const AFTER: usize = 260;

/// Whether a licence trigger at `s..e` of `text` names a licence without granting one: "has
/// obtained ... any third-party rights necessary to license the Third-Party Materials to
/// Customer" (a licence to be given, not one received), "giving details of what licence terms
/// can be obtained" (the terms of a licence, named as a thing).
fn grants_nothing(text: &str, s: usize, e: usize) -> bool {
    let words = &text[s..e];
    !words.starts_with("grant")
        && (words.ends_with(" to license")
            || words.ends_with(" to licence")
            || [" terms", " fees", " fee ", " key"].iter().any(|w| text[e..].starts_with(w)))
}

/// How a transfer is made, between its verb and its object: words that say nothing of what
/// passes (the receiver's description and successors among them).
static MANNER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"by way of (?:a )?(?:present )?assign(?:ment|ation) of (?:all )?(?:present and |existing and )?future (?:rights|copyright)(?: under [a-z0-9 ,&]{1,80}? (?:act|acts) [0-9]{4})?|with (?:full|limited) title guarantee|with (?:absolute )?warrandice|to the extent (?:that )?(?:any )?(?:such )?rights do not (?:yet )?exist|free (?:from|of) all (?:liens|charges|encumbrances|third[ -]party rights)(?:,? (?:liens|charges|encumbrances|and|or|third[ -]party rights))*|on an? (?:[a-z-]+,? (?:and )?){1,5}basis|without (?:any )?(?:additional|further|separate) (?:remuneration|compensation|consideration|payment)|(?:all|the entire|the whole|its entire|their entire|all of (?:its|their|his|her))(?: (?:worldwide|legal and beneficial))? right,? title,? and interest (?:in and to|in|to)|(?:un)?to the party of the (?:first|second) part|\((?:hereinafter|herein|hereafter)[^()]{0,80}\)|(?:its|their|his|her) (?:heirs,? )?(?:(?:legal|personal) representatives,? )?successors,? (?:and|or) (?:permitted )?assigns(?: forever)?",
    )
    .expect("static regex")
});
/// How a licence's trigger starts when its subject receives it ("the Trustees may transfer the
/// licence", "Supplier will obtain a licence").
const RECEIVES: &[&str] = &[
    "obtain",
    "receive",
    "have ",
    "has ",
    "hold ",
    "holds ",
    "acquire",
    "entitled",
    "authori",
    "may sub",
    "may transfer",
    "may assign",
    "is ",
    "are ",
    "be ",
];
/// How far around a trigger its timing and conditions are read.
const NEAR: usize = 500;
/// How close before a trigger a negation must be.
const NEGATION_WINDOW: usize = 64;

/// Which side of the deal a party mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    Agency,
    Counterparty,
    Both,
    Unknown,
}

/// When rights move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Timing {
    /// Conditioned on payment.
    OnPayment,
    /// Hereby, on creation, by future assignment.
    OnCreation,
    /// At a time the draft sets elsewhere ("at the Time of Assignment" chosen on a cover page).
    Elsewhere,
    /// A hand-over on termination, or of unfinished work.
    OnTermination,
    Unstated,
}

/// One provision: a trigger and its parts. Offsets are into the normalised text.
#[derive(Debug, Clone)]
pub struct Provision {
    pub kind: Kind,
    /// The clause's position in the draft's clause list.
    pub clause: usize,
    /// The phrase to highlight: the trigger with the nearest part of its object.
    pub start: usize,
    pub end: usize,
    /// The sentence holding it.
    pub sentence: (usize, usize),
    pub giver: Side,
    pub receiver: Side,
    pub standing: Standing,
    /// What the object names, itself and through the defined terms it uses.
    pub features: Features,
    /// The features the object's own words name (without its defined terms).
    pub own_features: Features,
    /// Indices into [`Terms::terms`] of the defined terms the object uses.
    pub terms: Vec<usize>,
    pub timing: Timing,
    /// An exception carves the agency's prior or independent IP out of the object.
    pub carve_out: bool,
    /// The object has an exception of any kind ("except as approved by Client").
    pub excepted: bool,
    pub attributes: Attributes,
    /// Where each licence attribute's words are (offsets into the normalised text).
    pub attribute_at: Vec<(super::Attribute, usize, usize)>,
    /// Where the object's own words name methods, models, prior or improved work, when they
    /// do so in the list a lead-in introduces, past the phrase (offsets into the normalised
    /// text): "is client-owned deliverable IP. This includes: custom model architectures".
    pub feature_at: Vec<(super::Feature, usize, usize)>,
    /// The object belongs to the counterparty already (its data, its confidential information).
    pub counterparty_owned: bool,
}

/// Whether a provision operates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Operative,
    /// "No work is a work made for hire", "Nothing in this Agreement transfers".
    Negated,
    /// In a definition, or a promise that a fact is true: it describes rather than operates
    /// ("\"Transfer\" means any sale", "warrants that it owns").
    Descriptive,
}

impl Provision {
    pub fn negated(&self) -> bool {
        self.standing == Standing::Negated
    }

    /// The object is work or rights in it (not bids, records or shares).
    pub fn about_work(&self) -> bool {
        use super::Feature::{Improvements, Ip, Made, Methods, Models, Work};
        [Ip, Work, Made, Methods, Models, Improvements].iter().any(|&f| self.features.has(f))
    }

    /// Rights in the agency's work go to the counterparty (or to both sides jointly).
    pub fn transfers_to_counterparty(&self) -> bool {
        self.kind.transfers()
            && self.standing == Standing::Operative
            && !self.counterparty_owned
            && matches!(self.receiver, Side::Counterparty | Side::Both)
            && self.giver != Side::Counterparty
    }
}

/// A party named in a sentence.
#[derive(Debug, Clone, Copy)]
struct Mention {
    start: usize,
    end: usize,
    side: Side,
    /// "the Supplier's Background IPR": an owner of the object, not an actor.
    possessive: bool,
    /// "the Contractor Tools", not defined: whose things they are, not an actor either.
    things: bool,
}

/// Where each kind's words are in a whole normalised draft: found in one pass over the text a
/// kind (one search a sentence costs more than the scanning), before the sentences are read.
/// The longest step of reading, and one that needs nothing but the text, so an analysis can
/// take it while the draft's clauses and parties are still being found.
pub struct TriggerWords(Vec<(usize, usize, Kind)>);

impl TriggerWords {
    pub fn find(lexicon: &Lexicon, text: &str) -> Self {
        Self(lexicon.kinds_in(text).into_iter().map(|(kind, m)| (m.start(), m.end(), kind)).collect())
    }
}

pub(super) fn read(
    lexicon: &Lexicon,
    text: &str,
    ranges: &[(usize, usize)],
    layout: &super::Layout,
    parties: &Parties,
    terms: &Terms,
    TriggerWords(found): &TriggerWords,
) -> Vec<Provision> {
    // "the Transferred Alloy", "Assigned Know-How": a verb inside a defined term's name is
    // the name, not a transfer.
    let mut assignments: Vec<(usize, usize)> = found.iter().filter(|h| h.2 == Kind::Assignment).map(|h| (h.0, h.1)).collect();
    assignments.sort_unstable();
    let spans = terms.spans_around(text, assignments.into_iter());
    let mut hits: Vec<(usize, usize, Kind)> = found
        .iter()
        .copied()
        // "Once Vendor receives all payments from Client ..., Vendor shall grant to Client a
        // license": the licence is granted at the later verb, not received at the first ("has
        // previously granted" goes on from the first).
        .map(|(s, e, kind)| {
            let received = kind == Kind::Licence && !text[s..e].starts_with("grant") && !text[s..e].starts_with("agree");
            let granted = text[s..e]
                .match_indices(" grant")
                .map(|(i, _)| i)
                .filter(|&i| {
                    ["shall", "will", "must", "hereby", "agrees to", "agree to"].iter().any(|w| text[s..s + i].trim_end().ends_with(w))
                })
                .last();
            match granted.filter(|_| received) {
                Some(i) => (s + i + 1, e, kind),
                None => (s, e, kind),
            }
        })
        .filter(|&(s, e, kind)| {
            // "7.2 Covenants Not to Compete." heads a clause; "Franchisee covenants not to" binds.
            if kind == Kind::Restriction
                && text[s..e].starts_with("covenant")
                && !text[..s].trim_end().ends_with(|c: char| c.is_ascii_alphabetic())
            {
                return false;
            }
            if kind == Kind::Licence && grants_nothing(text, s, e) {
                return false;
            }
            // "grants Client a:" is a licence only as the lead-in to the list of its terms (the
            // lexicon's lists end at a word boundary, so the colon is checked here).
            let names_nothing = || [" a", " an", " following"].iter().any(|w| text[s..e].ends_with(w));
            if kind == Kind::Licence && names_nothing() && !text[e..].starts_with(':') {
                return false;
            }
            // A title names a part of the draft ("## Developer Assigns Intellectual Property"),
            // and a drafter's note comments on it.
            if layout.inert(s, e) {
                return false;
            }
            let k = spans.partition_point(|&(from, _)| from <= s);
            kind != Kind::Assignment || k == 0 || !(e <= spans[k - 1].1 && spans[k - 1].1 - spans[k - 1].0 > e - s)
        })
        .collect();
    // "Contractor shall not:" bars what the list after it names: the words end a clause, or
    // the text before a list item.
    let mut lead_ins: Vec<(usize, usize)> = Vec::new();
    for end in ranges.iter().map(|&(_, ce)| ce).chain(layout.items.iter().copied()) {
        let before = text[..end].trim_end();
        let from = ceil_char(before, before.len().saturating_sub(60));
        lead_ins.extend(lexicon.bar_lead_in.find(&before[from..]).map(|m| (from + m.start(), from + m.end())));
    }
    lead_ins.sort_unstable();
    lead_ins.dedup();
    hits.extend(lead_ins.into_iter().map(|(s, e)| (s, e, Kind::Restriction)));
    hits.sort_unstable_by_key(|&(start, end, kind)| (start, end, kind as u8));
    let mut next = 0;
    let mut out = Vec::new();
    for (clause, &(cs, ce)) in ranges.iter().enumerate() {
        let clause_text = &text[cs..ce];
        let clause_paid = paid(lexicon, clause_text);
        // "Upon any expiration or termination:" standing as a clause of its own leads into this one.
        let lead_start = match clause.checked_sub(1).map(|k| ranges[k]) {
            Some((ps, pe)) if leads_in(&text[ps..pe]) => ps,
            _ => cs,
        };
        // "This includes:" standing as a paragraph of its own leads the list into this clause.
        let list_end = list_after(text, ranges, clause).or_else(|| {
            let &(ns, ne) = ranges.get(clause + 1)?;
            names_what_it_includes(&text[ns..ne]).then(|| list_after(text, ranges, clause + 1)).flatten()
        });
        let ends = sentence_ends(clause_text, cs, layout);
        // "... is client-owned deliverable IP. This includes:" and a list: the list is the
        // object of the sentence before the lead-in.
        let before_lead_in = match ends.as_slice() {
            [.., before, last] if list_end.is_some() && names_what_it_includes(&clause_text[*before..*last]) => Some(*before),
            _ => None,
        };
        let mut from = 0;
        for (i, &to) in ends.iter().enumerate() {
            if to > from {
                let (start, end) = (cs + from, cs + to);
                while next < hits.len() && hits[next].0 < start {
                    next += 1;
                }
                let here = hits[next..].iter().take_while(|h| h.0 < end).filter(|h| h.1 <= end);
                let here: Vec<(usize, usize, Kind)> = here.map(|&(s, e, k)| (s - start, e - start, k)).collect();
                if !here.is_empty() {
                    // The lead-in's object is in the list items that follow it.
                    let reach = if to == clause_text.len() || Some(to) == before_lead_in {
                        list_end.unwrap_or(end)
                    } else {
                        // "... Client will be the sole owner of it. Work product includes drafts,
                        // notes, ...": the next sentence says what this one conveys.
                        ends.get(i + 1)
                            .filter(|&&next| says_what_it_includes(&clause_text[from..to], &clause_text[to..next]))
                            .map_or(end, |&next| cs + next)
                    };
                    let sentence = Sentence { text, start, end, reach, clause, clause_paid, lead_start, items: &layout.items };
                    sentence.read(lexicon, parties, terms, &here, &mut out);
                }
                read_set_aside(lexicon, &clause_text[from..to], clause, &mut out);
            }
            from = to;
        }
    }
    out.sort_by_key(|p| (p.start, p.end));
    out
}

/// Whether `text` names the agency's own prior work: others' software ("other than third-party
/// commercial software", "open-source components") is none of the agency's.
pub(crate) fn names_agency_prior(lexicon: &Lexicon, text: &str) -> bool {
    lexicon.agency_prior.find_iter(text).any(|m| !text[m.start()..].starts_with("third") && !text[m.start()..].starts_with("open"))
}

/// What `sentence` sets aside of the clause's provisions before it: "... shall belong to the
/// Client. The foregoing does not comprise the tools of which the Supplier was already the
/// holder" carves the agency's prior work out of the transfer.
fn read_set_aside(lexicon: &Lexicon, sentence: &str, clause: usize, out: &mut [Provision]) {
    static NOT_A_TRANSFER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?-u:\b)(?:shall|will|does|do) not (?:operate|take effect|be construed|be deemed|constitute|amount to)(?: as)? (?:an? )?(?:assignment|transfer|conveyance)(?-u:\b)")
            .expect("static regex")
    });
    let takes_out_prior = set_aside(sentence).is_some_and(|rest| names_agency_prior(lexicon, rest));
    if takes_out_prior && let Some(p) = out.iter_mut().rev().find(|p| p.clause == clause && p.kind.transfers()) {
        p.carve_out = true;
        p.excepted = true;
    }
    // "Delivery under this clause shall not operate as an assignment of any Intellectual
    // Property Right, which shall be governed by clause 14": what is handed over passes when
    // another clause says.
    if sentence.contains(" not ")
        && (sentence.contains("assignment") || sentence.contains("transfer") || sentence.contains("conveyance"))
        && NOT_A_TRANSFER.is_match(sentence)
        && let Some(p) = out.iter_mut().rev().find(|p| p.clause == clause && p.kind == Kind::Delivery)
    {
        p.timing = Timing::Elsewhere;
    }
}

/// What a sentence takes out of the provision before it ("The foregoing does not comprise
/// the libraries ...", "This clause shall not apply to ..."): the words after the verb.
fn set_aside(sentence: &str) -> Option<&str> {
    static SETS_ASIDE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^(?:the foregoing|the above|this (?:clause|section|paragraph|article|assignment|transfer)|such (?:assignment|transfer|ownership|vesting)|the (?:assignment|transfer|vesting)(?: [a-z ]{1,40}?)?) (?:does|shall|will) not (?:comprise|include|extend to|apply to|cover|affect|encompass|reach)(?-u:\b)",
        )
        .expect("static regex")
    });
    let s = sentence.trim_start();
    if !["the ", "this ", "such "].iter().any(|w| s.starts_with(w)) || !s.contains(" not ") {
        return None;
    }
    SETS_ASIDE.find(s).map(|m| &s[m.end()..])
}

/// Whether a sentence only says that what comes next is what the sentence before includes:
/// "This includes:", "Such Deliverables shall include:".
fn names_what_it_includes(sentence: &str) -> bool {
    let s = sentence.trim().trim_end_matches(':').trim();
    let subject = ["this ", "these ", "such ", "it ", "they ", "the foregoing "].iter().any(|w| s.starts_with(w));
    let verb =
        ["include", "includes", "comprise", "comprises", "cover", "covers", "consist of", "consists of"].iter().any(|w| s.ends_with(w));
    subject && verb && s.split_whitespace().count() <= 8
}

/// Whether `next` says what a thing `sentence` names includes ("Work product includes the
/// finished product, drafts, ..."), in a sentence of its own without quotes.
fn says_what_it_includes(sentence: &str, next: &str) -> bool {
    const VERBS: [&str; 5] = [" includes ", " shall include ", " will include ", " consists of ", " comprises "];
    let next = next.trim_start();
    let Some(at) = VERBS.iter().filter_map(|v| next.find(v)).min() else { return false };
    let subject = next[..at].trim();
    let subject = ["the ", "such ", "all ", "any "].iter().find_map(|d| subject.strip_prefix(d)).unwrap_or(subject);
    let words = subject.split_whitespace().count();
    let b = sentence.as_bytes();
    (1..=3).contains(&words)
        && subject.chars().all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-')
        && sentence.match_indices(subject).any(|(i, _)| {
            (i == 0 || !b[i - 1].is_ascii_alphanumeric()) && b.get(i + subject.len()).is_none_or(|c| !c.is_ascii_alphanumeric())
        })
}

/// Where the sentences of a clause end: at full stops, at the start of each list item of
/// a list with no lead-in ("- All custom code will be owned by the Consultant" and the next
/// item are two sentences; the items after "assigns the following:" are one), and at either
/// end of a heading.
fn sentence_ends(clause: &str, cs: usize, layout: &super::Layout) -> Vec<usize> {
    let inside = |&b: &usize| b > cs && b < cs + clause.len();
    let breaks = &layout.items[layout.items.partition_point(|&b| b <= cs)..layout.items.partition_point(|&b| b < cs + clause.len())];
    let mut breaks = breaks.iter().map(|&b| b - cs).peekable();
    let mut ends = Vec::new();
    let dots = crate::text::full_stops(clause).filter(|&i| ends_sentence(clause, i)).map(|i| i + 1);
    let headings = layout.headings.iter().flat_map(|&(s, e)| [s, e]).filter(inside);
    let list_ends = layout.list_ends.iter().copied().filter(inside);
    let mut stops: Vec<usize> = dots.chain(headings.chain(list_ends).map(|b| b - cs)).collect();
    stops.sort_unstable();
    for to in stops.into_iter().chain([clause.len()]) {
        let to = to.min(clause.len());
        let mut listing = false;
        while let Some(b) = breaks.next_if(|&b| b < to) {
            listing = listing || leads_in(&clause[..b]);
            if !listing && ends.last().is_none_or(|&e| e < b) {
                ends.push(b);
            }
        }
        ends.push(to);
    }
    ends
}

/// Whether a clause leads into the list after it: it ends in a colon, or in a dash after a
/// word, as US federal clauses write it ("the Government shall have unlimited rights in—").
fn leads_in(clause: &str) -> bool {
    let t = clause.trim_end();
    t.ends_with(':') || t.strip_suffix('-').is_some_and(|t| t.ends_with(|c: char| c.is_alphabetic()))
}

/// Where the list that follows a lead-in ending in a colon ends: the clauses after it that open
/// with a list marker ("(a)", "i.", "1)"), up to a bounded length.
pub(super) fn list_after(text: &str, ranges: &[(usize, usize)], clause: usize) -> Option<usize> {
    const MAX_LIST: usize = 2_000;
    let (cs, ce) = ranges[clause];
    if !leads_in(&text[cs..ce]) {
        return None;
    }
    let marker = |t: &str| {
        let t = t.trim_start().trim_start_matches(['-', '*', ' ']);
        let t = t.strip_prefix('(').unwrap_or(t);
        let head = t.find([')', '.']).map(|i| &t[..i]);
        head.is_some_and(|h| !h.is_empty() && h.len() <= 4 && h.chars().all(|c| c.is_ascii_alphanumeric()))
    };
    // Bullets may have lost their marks (a Markdown "- " is blanked): an item then shows by its
    // ending ("...; and,"), and the one after such an item is the list's too.
    let continues = |t: &str| {
        let t = t.trim_end().trim_end_matches(',').trim_end();
        t.ends_with(';') || t.ends_with(" and") || t.ends_with(" or")
    };
    // What a colon introduces comes next, whatever its marks (a Markdown list whose "- " marks
    // are blanked is one paragraph of unmarked lines).
    // "GST Law means ...;" after the items of "GST means:" defines a term of its own.
    let defines = |t: &str| super::terms::opens_definition(t.trim_start());
    let mut after_item = true;
    let items = ranges[clause + 1..].iter().take_while(|&&(s, e)| {
        let t = &text[s..e];
        let item = (marker(t) || !defines(t) && (continues(t) || after_item)) && e <= ce + MAX_LIST;
        after_item = continues(t);
        item
    });
    items.last().map(|&(_, e)| e)
}

struct Sentence<'t> {
    text: &'t str,
    start: usize,
    end: usize,
    /// How far the sentence's parts may be read: past its end into the list items a lead-in
    /// introduces.
    reach: usize,
    clause: usize,
    clause_paid: bool,
    /// Where the words leading into this sentence may start: its clause, or the lead-in before.
    lead_start: usize,
    /// Where the draft's list items start (ascending).
    items: &'t [usize],
}

impl Sentence<'_> {
    /// `end` (an offset into the sentence), or sooner where the list item holding the trigger
    /// `ts..te` ends, when the trigger is in an item of this sentence's own list.
    fn within_item(&self, (ts, te): (usize, usize), end: usize) -> usize {
        let at = self.start + ts;
        let k = self.items.partition_point(|&i| i <= at);
        let in_item = k > 0 && self.items[k - 1] > self.start;
        match self.items.get(k).filter(|&&n| n < self.reach) {
            Some(&next) if in_item => end.min((next - self.start).max(te)),
            _ => end,
        }
    }

    /// The words an object may point back to, when it does: a bar that opens its sentence
    /// ("Use such information solely for", a list item) may name what its lead-in named, and
    /// one whose object is a pronoun what the sentence before named ("... know-how developed
    /// by the Contractor. The Contractor undertakes not to use these for other clients"); so
    /// may a subject that opens its sentence by pointing back ("... deliver the trained network,
    /// the training procedure and the recipes. Each of these items shall be a Deliverable Item
    /// owned by the Agency"). Otherwise, an object after its verb may point back to the words
    /// before it.
    fn back_to<'s>(&'s self, t: &Trigger<'s>, object_text: &str, object_start: usize, object_before: bool) -> Option<&'s str> {
        let (s, ts, kind) = (t.s, t.ts, t.kind);
        let points_back = object_before && kind.transfers() && s[..object_start].trim().is_empty() && points_back(object_text);
        // "Consultant hereby makes all assignments necessary to accomplish the foregoing
        // ownership": what "the foregoing" names may be in the clause before.
        let foregoing =
            !object_before && kind.transfers() && object_text.contains("the foregoing") && s[..ts].split_whitespace().count() <= 3;
        if kind == Kind::Restriction && (s[..ts].trim().is_empty() || opens_with_pronoun(object_text)) || points_back || foregoing {
            let at = self.start + ts;
            let reach = if points_back { 2 * BEFORE } else { BEFORE };
            let from = if foregoing { 0 } else { self.lead_start };
            return Some(&self.text[ceil_char(self.text, at.saturating_sub(reach)).max(from)..at]);
        }
        (!object_before).then(|| &s[ceil_char(s, ts.saturating_sub(BEFORE))..ts])
    }

    /// Reads the triggers found in this sentence (offsets into it).
    fn read(&self, lexicon: &Lexicon, parties: &Parties, terms: &Terms, hits: &[(usize, usize, Kind)], out: &mut Vec<Provision>) {
        let s = &self.text[self.start..self.reach];
        let mentions = mentions(s, parties, terms);
        for &(ms, me, kind) in hits {
            // "has all rights necessary to convey": a capacity promised, not a transfer made;
            // "its obligation to assign, license or waive ... must comply with": neither is
            // the waiver.
            let before = &s[ceil_char(s, ms.saturating_sub(60))..ms];
            // "shall have the right, without the prior written consent of Eutectix, to assign":
            // a capacity interrupted by its condition.
            let interrupted = before.ends_with(", to ") && s[ceil_char(s, ms.saturating_sub(120))..ms].contains(" right, ");
            // "is a work made for hire": the article belongs to the work, not to a noun of transfer;
            // "obtain any moral rights consents": a waiver named as a noun is obtained, not merely
            // capable.
            let noun_waiver = kind == Kind::Waiver && ["waiver", "moral"].iter().any(|w| s[ms..].starts_with(w));
            let article = kind == Kind::HireWork && (before.ends_with(" a ") || before.ends_with(" an ")) || noun_waiver;
            // "grant rights to third parties, and Vendor shall assign": a capacity ends where a
            // new promise starts.
            let promise = [" shall ", " will ", " must ", " hereby "].iter().filter_map(|w| before.rfind(w).map(|i| i + w.len() - 1)).max();
            // "Party A is the owner": the "A" names the party, it is no article.
            let named =
                || parties.agency_aliases.iter().chain(&parties.counterparty_aliases).any(|a| before.trim_end().ends_with(a.as_str()));
            let capable = capacity(lexicon, &before[promise.unwrap_or(0)..]) && !named();
            // "The assignment of the rights ... shall take effect": the noun operates.
            let effected = kind == Kind::Assignment && takes_effect(&s[ms..]);
            if (kind.transfers() || kind == Kind::Waiver) && !article && (capable || interrupted) && !effected {
                continue;
            }
            // "sent by post or transmitted by facsimile" moves a notice; "the economic rights in
            // the app are transmitted to" moves the rights.
            if kind == Kind::Assignment && s[ms..me].ends_with("transmitted") && !rights_transmitted(s, ms) {
                continue;
            }
            // "Vendor wishes to grant to Company license rights": a recital of intent grants nothing.
            let intent = ["wishes to ", "wish to ", "desires to ", "desire to ", "intends to ", "intend to ", "would like to "];
            if (kind == Kind::Licence || kind.transfers()) && intent.iter().any(|w| before.ends_with(w)) {
                continue;
            }
            // "following receipt of the Grant payment, and nothing in this Agreement requires
            // Grantee to ... license": the words of a licence that run into a denial grant nothing.
            if kind == Kind::Licence && s[ms..me].contains(" nothing ") {
                continue;
            }
            // "released under the Apache License" releases; "If an open source license provides
            // guidance" only names one.
            if kind == Kind::OpenLicence
                && (s[ms..me].ends_with("license") || s[ms..me].ends_with("licence"))
                && ![" under ", " with ", "pursuant to ", " as ", " means "].iter().any(|w| before.contains(w))
            {
                continue;
            }
            // "Contractor Agreement (Work for Hire)" names the form; "is a work made for hire"
            // says what the work is.
            // "created on a work-for-hire basis" says it as well.
            if kind == Kind::HireWork && !hire_verb(before) && !hire_verb(&s[ms..me]) && !s[me..].starts_with(" basis") {
                continue;
            }
            // A bare verb ("transfer", "assign") operates only after a modal, "hereby", a
            // passive or its subject: otherwise it is a noun or a name.
            let bare = kind == Kind::Assignment && ["assign", "transfer", "convey", "set"].iter().any(|v| s[ms..].starts_with(v));
            // "shall, upon termination for any reason, transfer": a phrase set off by commas
            // stands between the modal and its verb.
            let interjected = || {
                let b = before.strip_suffix(", ")?;
                let i = b.rfind(", ").filter(|&i| b.len() - i < 80)?;
                Some(lexicon.operative_before.is_match(&format!("{} ", &b[..i])))
            };
            // "no payment under this Order transfers to the Advertiser any right in": a verb
            // that names whom it gives to and then what.
            let gives_to = || {
                let to = me + " to ".len();
                s[me..].starts_with(" to ")
                    && mentions
                        .iter()
                        .find(|m| m.start >= to && m.start <= to + "the ".len())
                        .is_some_and(|m| [" any ", " all "].iter().any(|w| s[m.end..].starts_with(w)))
            };
            if bare
                && !(lexicon.operative_before.is_match(before)
                    || subject_before(&mentions, ms)
                    || effected
                    || interjected() == Some(true)
                    || gives_to())
            {
                continue;
            }
            // "agrees to keep all such information confidential": a promise of confidence, which
            // keeps nothing for the one who makes it.
            let after = &s[me..floor_char(s, (me + 60).min(s.len()))];
            let keeping = ["keep", "retain"].iter().any(|w| s[ms..].starts_with(w));
            if kind == Kind::Retention && keeping && [" confidential", " secret", " in confidence"].iter().any(|w| after.contains(w)) {
                continue;
            }
            // "is Bank property" names its owner; "is intellectual property" does not.
            let property = s[ms..me].ends_with(" property") || s[ms..me].ends_with(" property of");
            if kind == Kind::Ownership && property && !names_owner(parties, &s[ms..me]) {
                continue;
            }
            // "passes to the Customer" moves ownership only where the sentence says what of
            // ("Ownership of all Material ... passes to", "Title to the Deliverables shall pass
            // to", "The rights of use in all work results pass to", "The exclusive right to the
            // Result of Work shall pass to"), not risk or a notice.
            if kind == Kind::Ownership && (s[ms..me].ends_with("pass to") || s[ms..me].ends_with("passes to")) {
                let part = &s[ceil_char(s, ms.saturating_sub(250))..ms];
                let part = part.rsplit([';', '.']).next().unwrap_or_default();
                if !["title", "ownership", "rights", "exclusive right"].iter().any(|w| part.contains(w)) {
                    continue;
                }
            }
            // "waives any and all right, title and interest in the Services": giving up the
            // rights in the work leaves them with the other side, as an assignment does.
            let kind =
                if kind == Kind::Waiver && relinquishes(&s[me..floor_char(s, (me + 60).min(s.len()))]) { Kind::Assignment } else { kind };
            let mut provision = self.provision(lexicon, parties, terms, &mentions, kind, ms, me);
            // "it shall not provide ... to any entity in the same sector as the First Party,
            // nor exploit ...": the bar goes on binding the one the sentence's bar binds.
            if kind == Kind::Restriction
                && s[ms..].starts_with("nor ")
                && let Some(bar) = out.last().filter(|p| p.kind == Kind::Restriction && p.sentence == provision.sentence)
            {
                provision.giver = bar.giver;
            }
            // "Nothing ... shall be deemed to transfer or convey": the second verb of a
            // negated pair is negated too, however far the "nothing" is.
            let paired = [" or ", " and "].iter().any(|w| before.ends_with(w));
            if paired
                && kind.transfers()
                && let Some(first) = out.last().filter(|p| {
                    p.sentence == provision.sentence
                        && p.standing == Standing::Negated
                        && p.kind.transfers()
                        && p.start < self.start + ms
                        && self.start + ms - p.start <= 40
                })
            {
                provision.standing = first.standing;
            }
            out.push(provision);
        }
    }

    /// Where a bar shows when its list turns from competing to other things: it ends where
    /// competing does; and when it turns to competing from other things ("agrees not to: -
    /// Solicit or hire any of Client's employees - Solicit or do business with Client's
    /// customers"), it starts at the item that competes. `start..end` is relative to the sentence.
    fn competing_span(&self, feature_at: &[(Feature, usize, usize)], start: usize, end: usize) -> (usize, usize) {
        let Some(&(_, from, to)) = feature_at.iter().find(|a| a.0 == Feature::Competition) else { return (start, end) };
        let end = if to - self.start > start { end.min(to - self.start) } else { end };
        let item = self.items[..self.items.partition_point(|&i| i <= from)].last().copied();
        let earlier_item = item.is_some_and(|i| self.items.iter().any(|&j| j > self.start + start && j < i));
        (item.filter(|_| earlier_item).map_or(start, |i| i - self.start), end)
    }

    /// A licence's attributes found around its trigger (`ts..te` in the sentence), and where
    /// each is; `object_end`: where its object ends.
    fn licence_attributes(
        &self,
        lexicon: &Lexicon,
        terms: &Terms,
        (ts, te): (usize, usize),
        object_end: usize,
    ) -> (Attributes, Vec<(super::Attribute, usize, usize)>) {
        let s = &self.text[self.start..self.reach];
        let from = ceil_char(s, ts.saturating_sub(160));
        // Not past a clause of its own before the grant ("have granted the exclusive rights
        // ... to NFL Properties, and that the grant to Hydron of the right to use the Marks").
        let from = s[from..ts].rfind("; ").or_else(|| s[from..ts].rfind(" and that ")).map_or(from, |i| from + i + 1);
        // Nor past another verb the grant's is joined to ("retains the exclusive right to the
        // libraries and grants the Customer a simple (non-exclusive) licence").
        let from = if s[from..ts].trim_end().ends_with(" and") { ts } else { from };
        let found = Attributes::found(lexicon, &s[from..floor_char(s, (te + 400).min(s.len()))]);
        let mut at: Vec<_> = found.iter().map(|&(a, s, e)| (a, self.start + from + s, self.start + from + e)).collect();
        let mut set: Attributes = found.iter().map(|&(a, _, _)| a).collect();
        // "grant the Issuer the License", the License being defined as the Apache licence:
        // an open licence, given for good and for any use.
        let open = lexicon.kinds.iter().find(|(k, _)| *k == Kind::OpenLicence).map(|(_, w)| w);
        let names_open = |t: &usize| {
            let term = &terms.terms[*t];
            open.is_some_and(|w| w.is_match(&self.text[term.start..term.end]))
        };
        let used = terms.used_in(&s[ts..object_end.max(te)]);
        // "grants ... a License over:", the Licence defined as "everlasting, irrevocable ...,
        // including the right to sub-license": the licence is as its definition says, and its
        // terms are shown there.
        for &t in &used {
            let term = &terms.terms[t];
            if term.name.contains("licen") {
                for (a, s, e) in Attributes::found(lexicon, &self.text[term.start..term.end]) {
                    set.insert(a);
                    at.push((a, term.start + s, term.start + e));
                }
            }
        }
        if used.iter().any(names_open) {
            set.insert(super::Attribute::Perpetual);
            set.insert(super::Attribute::Irrevocable);
            set.insert(super::Attribute::Unlimited);
        }
        (set, at)
    }

    #[allow(clippy::too_many_arguments)]
    fn provision(
        &self,
        lexicon: &Lexicon,
        parties: &Parties,
        terms: &Terms,
        mentions: &[Mention],
        kind: Kind,
        ts: usize,
        te: usize,
    ) -> Provision {
        let s = &self.text[self.start..self.reach];
        // Past a lead-in's colon, the object runs through its list, after this sentence or
        // inside it ("commit the following items: - All code ...; - Any and all new tooling").
        let near = &s[te..floor_char(s, (te + AFTER).min(s.len()))];
        let listed = self.reach > self.end || near.split(';').next().is_some_and(|part| part.contains(": "));
        // How the transfer is made ("by way of present assignment of future rights under the
        // Copyright and Related Rights Act 2000, with full title guarantee") does not use up
        // the reach of what it transfers.
        // Nor, in a grant of rights, does an aside in brackets ("all right, title, and interest
        // (including copyright, patent, database right ... whether tangible or intangible)
        // relating to any and all inventions").
        let asides = if kind.transfers() || kind == Kind::Licence { asides(&s[te..]) } else { 0 };
        let after = AFTER + MANNER.find_iter(near).map(|m| m.len()).sum::<usize>() + asides;
        let after_to = floor_char(s, (te + if listed { after + 600 } else { after }).min(s.len()));
        // Only the mentions within reach of the trigger: reading stays linear in a sentence
        // of any length.
        let mentions = within(mentions, ts.saturating_sub(BEFORE.max(300)), after_to);
        let t = Trigger { s, ts, te, kind, mentions };
        // What a passive transfer moves is its subject only where that names work or rights
        // ("such raw materials ... are transferred to Apollo" moves goods).
        let object_before = t.object_before() && (!t.passive_transfer() || names_work(lexicon, terms, &s[subject_start(s, ts)..ts]));
        let object_range = if object_before {
            (subject_start(s, ts), ts)
        } else {
            // The object runs to the end of its part of the sentence (of its list), or of its
            // list item when the trigger is in one ("- Developer shall transfer ownership of
            // completed deliverables to Client - Developer retains all pre-existing IP").
            let end = self.within_item((ts, te), if listed { after_to } else { s[te..after_to].find(';').map_or(after_to, |i| te + i) });
            let end = denial_after(s, te, next_subject(s, mentions, te, end));
            (te, WITH_LICENCE.find(&s[te..end]).map_or(end, |m| te + m.start()))
        };
        let owner_after = (object_before && kind == Kind::Ownership).then_some(te);
        let (object_text, exception) = split_exception(lexicon, s, object_range, object_before, owner_after);
        // "nor use for any purpose other than performing the Services, any Proprietary
        // Information": the bar's object follows its purpose.
        // "IPR that Developer can license, other than New IP, that the Contributions use or build
        // on": the object goes on after a bracketed exception.
        let barred_after = exception
            .and_then(|e| e.split_once(", "))
            .map(|(_, rest)| rest)
            .filter(|rest| kind == Kind::Restriction || kind == Kind::Licence && (rest.starts_with("that ") || rest.starts_with("which ")));
        let back_to = self.back_to(&t, object_text, object_range.0, object_before);
        let mut own_features = own_features(lexicon, &t, (object_text, object_range.1), (object_before, back_to), barred_after);
        // A transfer "to the extent it uses Proprietary Information" does not transfer the
        // client's secrets, nor the know-how their definition names.
        // "shall deposit all Returned Results with the Biobank, and the Biobank shall own them":
        // the pronoun names what the sentence named before.
        let named = if opens_with_pronoun(object_text) && kind.transfers() { &s[..ts] } else { object_text };
        let mut used = terms.used_in(named);
        used.extend(barred_after.map(|rest| terms.used_in(rest)).unwrap_or_default());
        used.retain(|&t| !(kind.transfers() && terms.terms[t].is_confidentiality()));
        let carve_out = exception.is_some_and(|e| {
            names_agency_prior(lexicon, e)
                || mentions.iter().any(|m| m.possessive && m.side == Side::Agency && m.start >= e.as_ptr() as usize - s.as_ptr() as usize)
                || terms.used_in(e).iter().any(|&t| terms.terms[t].features.has(super::Feature::Prior))
        });
        let (attributes, attribute_at) = if kind == Kind::Licence {
            self.licence_attributes(lexicon, terms, (ts, te), object_range.1)
        } else {
            (Attributes::default(), Vec::new())
        };
        let mut feature_at = features_at(lexicon, own_features, object_text, self.start + object_range.0);
        if kind.transfers() && !own_features.has(Feature::Scoped) && exception.is_none() {
            let object = (self.start + object_range.0, self.start + object_range.0 + object_text.len());
            self.sweeping(lexicon, terms, object, &mut own_features, &mut feature_at);
        }
        let features = object_features(terms, &used, own_features, object_text);
        let (start, end) = if object_before {
            (last_words(s, object_range.0, ts), te)
        } else {
            (ts, floor_char(s, (te + object_text.len()).min(te + 160).min(s.len())))
        };
        let (start, end) = if kind == Kind::Restriction { self.competing_span(&feature_at, start, end) } else { (start, end) };
        // "shall not use the Customer Materials": a bar on using the counterparty's things (but
        // "any of the Works, nor any of the Client IPR" bars the use of the Works first); "any
        // Intellectual Property licensed to Supplier by any Third Party" is a third party's.
        let theirs = t.counterparty_owned(object_range, object_text)
            || kind == Kind::Restriction && THIRD_PARTYS.is_match(object_text)
            || kind == Kind::Restriction && barred_their_things(terms, &used, parties, object_text)
            || kind == Kind::Ownership && its_own_things(terms, &used, parties, s[ts..te].contains("remain"));
        let theirs =
            theirs && !beyond_theirs(lexicon, kind, features, object_text) || kind.transfers() && improves_theirs(object_text, parties);
        let (giver, receiver) = t.sides();
        // "We will retain the copyright to all the work you perform": what the agency makes, the
        // other side cannot keep; it takes it.
        // "Each party owns all right, title, and interest in and to any of its Preexisting
        // Materials": each keeps its own.
        let kind = if kind == Kind::Retention && receiver == Side::Counterparty && t.made_by_agency(object_range) {
            Kind::Ownership
        } else if kind == Kind::Ownership && receiver == Side::Both && each_its_own(object_text) {
            Kind::Retention
        } else {
            kind
        };
        // "an assignment of all Client IPR": rights named after a party go to that party.
        let receiver = match receiver {
            Side::Unknown if kind == Kind::Assignment && named_after_counterparty(terms, &used, parties) => Side::Counterparty,
            other => other,
        };
        // "the Bank shall obtain a perpetual ... licence to ... the deposited materials": between
        // two parties, a licence the counterparty obtains from no one named is the agency's.
        let obtains = obtained(kind, &s[ts..]);
        let giver = match giver {
            Side::Unknown if obtains && receiver == Side::Counterparty && !theirs && !THIRD_PARTYS.is_match(object_text) => Side::Agency,
            other => other,
        };
        Provision {
            kind,
            clause: self.clause,
            start: self.start + start,
            end: self.start + end,
            sentence: (self.start, self.end),
            giver,
            receiver,
            standing: t.standing(lexicon, terms.defining(self.start + ts)),
            features,
            own_features,
            terms: used,
            timing: t.timing(
                lexicon,
                self.clause_paid,
                &self.text[ceil_char(self.text, self.lead_start.max((self.start + ts).saturating_sub(NEAR)))..self.start + ts],
            ),
            carve_out,
            excepted: exception.is_some() || lexicon.proviso.find(&s[te..floor_char(s, (te + AFTER).min(s.len()))]).is_some(),
            attributes,
            attribute_at,
            feature_at,
            counterparty_owned: theirs,
        }
    }
}

/// Where the phrase of an object `s[from..to]` named before its trigger starts: a long object
/// is cut to its last words, at a word's start.
fn last_words(s: &str, from: usize, to: usize) -> usize {
    let cut = ceil_char(s, from.max(to.saturating_sub(160)));
    if cut > from { s[cut..to].find(' ').map_or(cut, |i| cut + i + 1) } else { cut }
}

/// Whether every word of `object` that names work names the deliverables, as a whole ("every
/// component of the Deliverables, including any third-party libraries" names what they hold).
fn names_only_deliverables(lexicon: &Lexicon, object: &str) -> bool {
    let Some((_, work)) = lexicon.features.iter().find(|(f, _)| *f == Feature::Work) else { return false };
    if ["component", " including ", " includes "].iter().any(|w| object.contains(w)) {
        return false;
    }
    let mut named = work.find_iter(object).peekable();
    named.peek().is_some() && named.all(|m| object[m.start()..].starts_with("deliverable"))
}

impl Sentence<'_> {
    /// "shall own all right, title and interest in and to: - All intellectual property
    /// rights": what passes, with nothing that bounds it, is everything (broad); and rights of
    /// every kind, in nothing in particular, take the agency's own too: what it had before, and
    /// its methods. Added to `own` and `at`, where the object `from..to` says so.
    fn sweeping(
        &self,
        lexicon: &Lexicon,
        terms: &Terms,
        object: (usize, usize),
        own: &mut Features,
        at: &mut Vec<(Feature, usize, usize)>,
    ) {
        const RIGHTS: [&str; 5] = ["intellectual property", "proprietary rights", "patents", "copyrights", "trade secrets"];
        for (from, to) in self.unbounded(lexicon, terms, object) {
            let named = if RIGHTS.iter().any(|r| self.text[from..to].contains(r)) {
                &[Feature::Broad, Feature::Prior, Feature::Methods][..]
            } else {
                &[Feature::Broad][..]
            };
            for &f in named {
                if !own.has(f) {
                    own.insert(f);
                    at.push((f, from, to));
                }
            }
        }
    }

    /// The pieces of the object `from..to` (the whole, or its list items) that name what
    /// passes with nothing bounding it ("All intellectual property rights", "all code,
    /// documentation, designs, and materials created") and no defined term: where they are. A
    /// piece is read only when it ends where the sentence or an item does.
    fn unbounded(&self, lexicon: &Lexicon, terms: &Terms, (from, to): (usize, usize)) -> Vec<(usize, usize)> {
        // An item mark may sit inside an empty object ("- shall be the property of"): nothing
        // to read.
        if from >= to {
            return Vec::new();
        }
        let items = &self.items[self.items.partition_point(|&i| i <= from)..self.items.partition_point(|&i| i < to)];
        let bounds: Vec<usize> = std::iter::once(from).chain(items.iter().copied()).chain(std::iter::once(to)).collect();
        bounds
            .windows(2)
            .filter_map(|w| {
                let (a, b) = (w[0], w[1]);
                if b == to && to < self.end && !self.items.contains(&to) {
                    return None;
                }
                // The item's bullet or number, where the text keeps it ("- ", "(b) ", "2. ").
                let skip = MARKER.find(&self.text[a..b]).map_or(0, |m| m.end());
                let raw = &self.text[a + skip..b];
                let piece = raw.trim().trim_end_matches(['.', ';', ',', ':']).trim_end();
                let piece = piece.strip_suffix(" and").or(piece.strip_suffix(" or")).unwrap_or(piece).trim_end();
                let m = lexicon.unbounded_object.find(piece)?;
                let at = a + skip + (raw.len() - raw.trim_start().len());
                (m.start() == 0 && m.end() == piece.len() && terms.used_in(piece).is_empty()).then_some((at, at + piece.len()))
            })
            .collect()
    }
}

/// Where `object` (at `offset`) names methods, models, prior or improved work, or a sweeping
/// scope ("first produced in the performance of this contract"); and the words that bar
/// competition, from the first to the last before the bar turns to confidential information
/// (of a list, the items that bar it: "- Build a competing tool - Work for a direct
/// competitor", not "- Use Company's Confidential Information for competitive purposes").
fn features_at(lexicon: &Lexicon, own: Features, object: &str, offset: usize) -> Vec<(super::Feature, usize, usize)> {
    use super::Feature::{Broad, Competition, Confidential, Improvements, Methods, Models, Prior, Proven};
    let words_of = |feature| lexicon.features.iter().find(|(f, _)| *f == feature).map(|(_, w)| w);
    lexicon
        .features
        .iter()
        .filter(|(f, _)| [Methods, Models, Prior, Improvements, Broad, Competition, Proven].contains(f) && own.has(*f))
        .filter_map(|(f, words)| {
            let first = words.find(object)?;
            let mut end = first.end();
            if *f == Competition {
                let confidential =
                    words_of(Confidential).and_then(|c| c.find(&object[first.end()..])).map_or(object.len(), |m| first.end() + m.start());
                end = words.find_iter(&object[..confidential]).last().map_or(end, |m| m.end());
            }
            Some((*f, offset + first.start(), offset + end))
        })
        .collect()
}

/// Whether `words` name work, rights in it, or a defined term, and no goods.
fn names_work(lexicon: &Lexicon, terms: &Terms, words: &str) -> bool {
    use super::Feature::{Improvements, Ip, Methods, Models, Physical, Work};
    let f = Features::of(lexicon, words);
    ([Ip, Work, Methods, Models, Improvements].iter().any(|&k| f.has(k)) || !terms.used_in(words).is_empty()) && !f.has(Physical)
}

/// "The assignment of the economic rights ... shall operate in favour of the Client upon
/// creation", "The transfer to the Contracting Authority of the economic rights ... takes effect
/// upon signature of the acceptance report": a noun of transfer that the sentence says takes
/// effect, as a verb would.
fn takes_effect(from_trigger: &str) -> bool {
    let from_trigger = &from_trigger[..floor_char(from_trigger, from_trigger.len().min(300))];
    EFFECT.on(from_trigger).is_match(from_trigger)
}

/// See `takes_effect`. ASCII first: its Unicode gap (`[^;:]{1,200}?`) made it the costliest of
/// the reader's patterns to compile.
static EFFECT: std::sync::LazyLock<AsciiFirst> = std::sync::LazyLock::new(|| {
    AsciiFirst::new(
        r"^(?:assignment|transfer) (?:to [^;:]{1,60}? )?of [^;:]{1,200}? (?:(?:shall|will|is to|does|automatically) (?:automatically )?(?:operate|take effect|be effective|become effective|occur|take place|be made)|(?:automatically )?(?:takes effect|operates|becomes effective|is effective|occurs))\b",
    )
});

/// One trigger in its sentence, with the party mentions within its reach.
struct Trigger<'t> {
    s: &'t str,
    ts: usize,
    te: usize,
    kind: Kind,
    mentions: &'t [Mention],
}

impl Trigger<'_> {
    fn text(&self) -> &str {
        &self.s[self.ts..self.te]
    }

    /// A freedom kept by a double negative: "nothing shall prevent the Supplier from using",
    /// "the Supplier shall not be restricted from using", "nothing restricts Vendor's use of
    /// its own". Active ("prevent X") or passive.
    fn freedom(&self) -> Option<bool> {
        let text = self.text();
        let kept = text.ends_with("ing") && text.contains(" from ") || text.ends_with(" own");
        (self.kind == Kind::Retention && kept).then(|| !text.starts_with("be "))
    }

    /// Whose freedom a double negative keeps: the party after the trigger (`after`), or where
    /// it ends in "its own" ("nothing restricts Vendor's use of its own models") the one named
    /// inside it.
    fn freed(&self, after: Side) -> Side {
        let named = self.mentions.iter().find(|m| m.start > self.ts && m.end <= self.te && m.side != Side::Unknown);
        if self.text().ends_with(" own") { named.map_or(Side::Unknown, |m| m.side) } else { after }
    }

    /// Whether the object names the agency as the one who makes it: "the work you perform",
    /// "all code written by Contractor".
    fn made_by_agency(&self, (from, to): (usize, usize)) -> bool {
        const MAKES: [&str; 9] = ["perform", "create", "develop", "produce", "write", "make", "prepare", "deliver", "design"];
        const MADE: [&str; 9] = ["performed", "created", "developed", "produced", "written", "made", "prepared", "authored", "designed"];
        self.mentions.iter().filter(|m| m.side == Side::Agency && !m.possessive && m.start >= from && m.end <= to).any(|m| {
            let after = self.s[m.end..to].trim_start();
            let after = after.strip_prefix("will ").or(after.strip_prefix("shall ")).unwrap_or(after);
            let before = self.s[ceil_char(self.s, m.start.saturating_sub(40))..m.start].trim_end();
            let before = before.strip_suffix(" the").unwrap_or(before);
            MAKES.iter().any(|v| after.starts_with(v)) || before.strip_suffix(" by").is_some_and(|b| MADE.iter().any(|v| b.ends_with(v)))
        })
    }

    /// The party rights are held for, after a holding verb ("shall hold all rights in ... on
    /// trust for the Authority"), in its part of the sentence.
    fn held_for(&self) -> Option<Side> {
        let text = self.text();
        let verb = text.strip_prefix("shall ").or(text.strip_prefix("will ")).unwrap_or(text);
        if !verb.starts_with("hold") {
            return None;
        }
        let rest = &self.s[self.te..floor_char(self.s, (self.te + 2 * AFTER).min(self.s.len()))];
        let rest = &rest[..rest.find(['.', ';']).unwrap_or(rest.len())];
        let at = [" on trust for ", " in trust for "].iter().find_map(|w| rest.find(w).map(|i| self.te + i + w.len()))?;
        let party = self.mentions.iter().find(|m| !m.possessive && m.start >= at && m.start <= at + 80);
        Some(party.map_or(Side::Unknown, |m| m.side))
    }

    /// Ownership named after its verb ("owned by X", "property of X"), not before it ("X
    /// shall own").
    fn owner_after(&self) -> bool {
        // "is the sole owner of", "shall be the author of", "has no rights in", "shall have all
        // rights in" name their owner first.
        let text = self.text();
        let verb = text.strip_prefix("shall ").or(text.strip_prefix("will ")).unwrap_or(text);
        let first = text.contains("owner")
            || text.contains("author")
            || ["has ", "have ", "hold ", "acquire ", "be entitled ", "is entitled ", "are entitled "].iter().any(|v| verb.starts_with(v));
        // "shall hold such rights in trust for the Company": the one it is held for owns it.
        // "become your property": the owner is inside the verb, the object before it.
        // "becomes yours": so is the one the pronoun names.
        // "remain Vendor's and are licensed": the owner is the possessive ending the verb.
        let whose = text.trim_end_matches([',', '.', ';', ' ']);
        let whose = whose.strip_suffix(" and").or(whose.strip_suffix(" or")).unwrap_or(whose);
        text.ends_with(" trust for")
            || text.ends_with(" property")
            || whose.trim_end_matches(" own").ends_with("'s")
            || [" yours", " ours", " theirs"].iter().any(|w| text.ends_with(w))
            || (!first && ["by", "of", "to", "in", "with"].iter().any(|w| text.ends_with(&format!(" {w}"))))
    }

    /// "All Results shall be transferred to the Client": what passes is the subject ("cannot
    /// be assigned", "may be transferred" promise nothing).
    /// A pronoun for its subject ("after it has been assigned", "which shall be assigned")
    /// names what another sentence or clause speaks of.
    fn passive_transfer(&self) -> bool {
        let before = self.s[..self.ts].trim_end();
        let Some(auxiliary) = [" shall be", " will be", " must be", " is", " are"].iter().find(|w| before.ends_with(*w)) else {
            return false;
        };
        let subject = before[..before.len() - auxiliary.len()].rsplit(' ').next().unwrap_or("");
        self.kind == Kind::Assignment
            && ["assigned", "transferred", "conveyed", "transmitted"].iter().any(|w| self.text().ends_with(w))
            && !["it", "they", "which", "that", "these", "those", "who"].contains(&subject)
    }

    /// "All intellectual property rights ... uploaded by the Freelancer shall irrevocably
    /// transfer exclusively to Job's Publisher, with ...": rights that transfer of themselves,
    /// named before the verb. The one named after "to" receives them and no object follows,
    /// and no party is the verb's subject ("Provider shall transfer to Client, upon payment,
    /// all rights" names its object later).
    fn intransitive_transfer(&self) -> bool {
        const ADVERBS: [&str; 8] = ["shall", "will", "must", "may", "hereby", "irrevocably", "automatically", "immediately"];
        if self.kind != Kind::Assignment || !(self.text().ends_with("transfer") || self.text().ends_with("transfers")) {
            return false;
        }
        let after = self.s[self.te..].trim_start();
        let after =
            ["exclusively ", "automatically ", "irrevocably ", "immediately "].iter().fold(after, |a, w| a.strip_prefix(w).unwrap_or(a));
        let Some(rest) = after.strip_prefix("to ") else { return false };
        let at = self.s.len() - rest.len();
        let Some(receiver) = self.mentions.iter().find(|m| m.start >= at && m.start <= at + 20) else { return false };
        let next = self.s[receiver.end..].trim_start();
        let ends =
            next.is_empty() || next.starts_with([',', ';', '.']) || ["upon ", "on ", "from ", "when "].iter().any(|w| next.starts_with(w));
        let subject = self.mentions.iter().rfind(|m| !m.possessive && m.end <= self.ts);
        let party_subject = subject.is_some_and(|m| self.s[m.end..self.ts].split_whitespace().all(|w| ADVERBS.contains(&w)));
        ends && !party_subject
    }

    /// Whether the object is what precedes the verb ("all Work Product shall be owned by").
    fn object_before(&self) -> bool {
        let passive_joint = self.kind == Kind::Joint && (self.text().ends_with("owned") || self.text().ends_with(" by"));
        // "shall jointly own the Data", "co-ownership of the Data" name it after the verb, and
        // so does "shall be deemed the sole author of all work product".
        // "... shall be the property of Client, and Client will be deemed to be the author
        // thereof": the work is named before.
        let after = self.s[self.te..].trim_start();
        let refers_back = ["thereof", "of it ", "of it.", "of them", "of the same", "of such "].iter().any(|w| after.starts_with(w));
        // "shall be deemed the first owner of copyright in all works made by the Developer":
        // what is owned follows "of".
        let authored =
            (self.text().ends_with("author") || self.text().ends_with("authors") || self.text().ends_with(" of")) && !refers_back;
        // "such Reserved Materials are hereby licensed by Provider": what is licensed comes first.
        let licensed_by = self.kind == Kind::Licence && self.passive_licence();
        passive_joint
            || licensed_by
            || self.passive_transfer()
            || self.intransitive_transfer()
            || matches!(self.kind, Kind::Ownership | Kind::HireWork) && (self.owner_after() || self.kind == Kind::HireWork && !authored)
            // "Confidential Information shall not be used by the Receiving Party": what is
            // barred comes first; "shall not be engaged or involved in" bars its subject.
            || self.kind == Kind::Restriction
                && self.text().contains(" not be ")
                && !["engaged", "concerned", "interested", "involved"].iter().any(|w| self.text().ends_with(w))
            // "any knowledge ... acquired in the course of the Services shall be used solely for
            // the benefit of the Company": so is what may be used only one way.
            || self.kind == Kind::Restriction && self.text().contains(" be used ")
            // "the copyrights in works held by Party B before ... shall be retained by Party B".
            || self.kind == Kind::Retention && self.text().ends_with(" by")
    }

    /// Who receives a transfer described after the fact: "the assignment under Article 14
    /// extends to the tools developed by the Service Provider, which the Contracting Authority
    /// may exploit" names its receiver, if at all, as one who may use what passes, not as its
    /// maker. So does "the licence granted to the Mission in respect of the Contractor Tools", within
    /// the trigger.
    fn user_of_what_passes(&self) -> Side {
        let (s, ts, te) = (self.s, self.ts, self.te);
        let to = (te + AFTER).min(s.len());
        let maker = |m: &&Mention| made_by(&s[ceil_char(s, m.start.saturating_sub(40))..m.start]);
        let user = self.mentions.iter().filter(|m| !m.possessive && !m.things).find(|m| m.start > ts && m.end <= to && !maker(m));
        user.map_or(Side::Unknown, |m| m.side)
    }

    /// "are hereby licensed by Provider to Customer": a licence in the passive, its giver
    /// named after "by".
    fn passive_licence(&self) -> bool {
        let text = self.text();
        text.ends_with("licensed by") || text.ends_with("licenced by")
    }

    /// "shall be transferred from Party B", "assigned to it by Customer": the giver of a
    /// passive transfer is named after the verb.
    fn giver_after(&self) -> bool {
        let after = self.s[self.te..].trim_start();
        let after = after.strip_prefix("to ").unwrap_or(after);
        let after = ["it ", "them "].iter().fold(after, |a, w| a.strip_prefix(w).unwrap_or(a));
        ["from ", "by "].iter().any(|w| after.starts_with(w))
    }

    /// "the tools of THE SERVICE PROVIDER ..., which shall remain its exclusive property":
    /// where no party is the owner, "its" is the party named last, whatever its place.
    fn its_owner(&self, owner: Side) -> Side {
        let its = self.text().split_whitespace().any(|w| w == "its");
        let named_last = || {
            self.mentions
                .iter()
                .rev()
                .find(|m| !m.possessive && !m.things && m.end <= self.ts && m.start + 300 >= self.ts && m.side != Side::Both)
        };
        match named_last() {
            Some(m) if owner == Side::Unknown && its => m.side,
            _ => owner,
        }
    }

    /// Who gives and who receives: by the mentions around the verb, active or passive.
    /// Who gives what `receiver` obtains by the words of a licence it receives: what a party
    /// "receives", "shall have a ... licence" of, has "unlimited rights" in, "shall have the
    /// exclusive right to use" or is "entitled to use", the other party gives.
    fn giver_to(&self, receiver: Side) -> Side {
        let text = self.text();
        let from_other = text.starts_with("receive")
            || ["have ", "has ", "hold ", "holds "].iter().any(|v| text.starts_with(v)) && text.contains("licen")
            || text.contains("entitled")
            || text.contains("permitted")
            || text.starts_with("may ")
            || text.starts_with("authori")
            || [" rights ", " right to ", " rights to "].iter().any(|w| text.contains(w));
        match receiver {
            Side::Agency if from_other => Side::Counterparty,
            Side::Counterparty if from_other => Side::Agency,
            _ => Side::Unknown,
        }
    }

    fn sides(&self) -> (Side, Side) {
        let (s, ts, te) = (self.s, self.ts, self.te);
        let actors = || self.mentions.iter().filter(|m| !m.possessive && !m.things);
        // The subject: not a party named after a preposition ("at the request of the Client"),
        // nor one that names whose things they are ("destroy all Client Materials").
        let subject = |m: &&Mention| {
            let before = s[ceil_char(s, m.start.saturating_sub(12))..m.start].trim_end();
            let before = before.strip_suffix(" the").or(before.strip_suffix("the")).unwrap_or(before).trim_end();
            !["of", "by", "to", "with", "from", "against", "all", "any"].iter().any(|p| before.ends_with(&format!(" {p}")) || before == *p)
        };
        let last_before =
            |from: usize| actors().filter(subject).rev().find(|m| m.end <= ts && m.start >= from).map_or(Side::Unknown, |m| m.side);
        // From inside the trigger: "grants Customer a licence" names its receiver there.
        let first_after =
            |to: usize, not: Side| actors().find(|m| m.start > ts && m.end <= to && m.side != not).map_or(Side::Unknown, |m| m.side);
        let its_owner = |owner: Side| self.its_owner(owner);
        match self.kind {
            // "shall hold all rights in ... on trust for the Authority": the Authority owns it.
            Kind::Ownership if let Some(owner) = self.held_for() => (last_before(ts.saturating_sub(120)), owner),
            Kind::Ownership if self.text().contains("-owned") => (Side::Unknown, side_of_word(self.text(), self.mentions, ts)),
            // The owner is named right after the verb, before the next clause ("vest in the
            // Authority on creation, and the Supplier shall waive ...").
            Kind::Ownership if self.owner_after() => {
                let to = (te + 80).min(s.len());
                let to = s[te..floor_char(s, to)].find([',', ';']).map_or(to, |i| te + i);
                // "the property of CWT and Vendor shall procure": a party that opens a clause
                // of its own is not the owner.
                let opens_clause = |m: &Mention| {
                    let next = s[m.end..].split_whitespace().next().unwrap_or_default();
                    ["shall", "will", "must", "may", "agrees", "hereby"].contains(&next)
                };
                // "shall become the Client's property": the owner is the one whose property it is.
                let whose = self.mentions.iter().find(|m| m.start > ts && m.end <= te && m.side != Side::Unknown);
                let owner = whose.or_else(|| actors().find(|m| m.start > ts && m.end <= to && m.side != Side::Unknown));
                (Side::Unknown, its_owner(owner.filter(|m| !opens_clause(m)).map_or(Side::Unknown, |m| m.side)))
            }
            // "shall be retained by Party B": the party after "by" keeps.
            Kind::Retention if self.text().ends_with(" by") => (Side::Unknown, first_after((te + 40).min(s.len()), Side::Unknown)),
            // "nothing shall prevent the Supplier from using": the party inside the trigger.
            Kind::Retention if self.freedom() == Some(true) => (Side::Unknown, self.freed(first_after(te, Side::Unknown))),
            Kind::Ownership | Kind::Retention => (Side::Unknown, its_owner(last_before(ts.saturating_sub(120)))),
            Kind::Joint => (Side::Unknown, Side::Both),
            Kind::HireWork => (Side::Agency, Side::Counterparty),
            Kind::OpenLicence | Kind::Consideration => (Side::Agency, Side::Unknown),
            // "Supplier will obtain a licence", "the Client shall be entitled to use", "the
            // Customer may sub-license", "the Trustees may transfer the licence": the subject
            // receives; what a party "receives" under the contract, the other party gives.
            // So does "the Firm may use, copy, modify and sublicense".
            Kind::Licence
                if (RECEIVES.iter().any(|v| self.text().trim_start_matches("shall ").trim_start_matches("will ").starts_with(v))
                    || self.text().starts_with("may ") && self.text().contains("licen"))
                    && !self.text().contains(" by") =>
            {
                let receiver = last_before(ts.saturating_sub(BEFORE));
                // "Supplier will obtain and assign to CBORD a ... license to use all Third Party
                // Intellectual Property Rights": obtained from others, for the party it passes to.
                if [" and assign to ", " and transfer to ", " and grant to ", " for the benefit of "]
                    .iter()
                    .any(|w| self.text().contains(w))
                {
                    return (Side::Unknown, first_after(te, receiver));
                }
                (self.giver_to(receiver), receiver)
            }
            // "the Company is hereby granted a licence": the subject receives, from the other side.
            Kind::Licence if self.text().starts_with("granted") && passive(&s[ceil_char(s, ts.saturating_sub(40))..ts]) => {
                let receiver = last_before(ts.saturating_sub(BEFORE));
                let giver = match receiver {
                    Side::Agency => Side::Counterparty,
                    Side::Counterparty => Side::Agency,
                    _ => Side::Unknown,
                };
                (giver, receiver)
            }
            // "licensed by Provider to Customer", "shall be transferred from Party B to Party A",
            // "retained by it or assigned to it by Customer": the party after "by" or "from"
            // gives, the next receives. Third parties' materials licensed so pass nothing of the
            // agency's.
            _ if self.passive_licence() || self.kind == Kind::Assignment && self.giver_after() => {
                let licensed = s[ceil_char(s, ts.saturating_sub(120))..ts].rsplit([';', ':']).next().unwrap_or_default();
                if self.passive_licence() && (licensed.contains("third-party") || licensed.contains("third party")) {
                    return (Side::Unknown, Side::Unknown);
                }
                let giver = first_after((te + 40).min(s.len()), Side::Unknown);
                (giver, first_after((te + AFTER).min(s.len()), giver))
            }
            Kind::Assignment | Kind::Licence if described(self.text()) => (Side::Unknown, self.user_of_what_passes()),
            // "without identifying the Contributor as author": the party named is the author.
            Kind::Waiver if self.mentions.iter().any(|m| m.start > ts && m.end <= te) => {
                let author = self.mentions.iter().find(|m| m.start > ts && m.end <= te).map_or(Side::Unknown, |m| m.side);
                (author, Side::Unknown)
            }
            _ => {
                let joined = self.joined();
                let first = || actors().filter(subject).find(|m| m.end <= ts).map_or(Side::Unknown, |m| m.side);
                let mut giver = if joined { first() } else { last_before(ts.saturating_sub(BEFORE)) };
                // "the Goods provided by Supplier shall be deemed to include a licence": who
                // provides what carries the licence gives it.
                if giver == Side::Unknown && self.kind == Kind::Licence {
                    let from = ts.saturating_sub(BEFORE);
                    giver = actors()
                        .rev()
                        .find(|m| m.end <= ts && m.start >= from && made_by(&s[ceil_char(s, m.start.saturating_sub(40))..m.start]))
                        .map_or(Side::Unknown, |m| m.side);
                }
                let receiver = first_after((te + AFTER).min(s.len()), giver);
                // "Company shall assign all right, title and interest in the Services", no
                // assignee named ("to the Customers of such Products" names one): between two
                // parties, the other one.
                let (names_assignee, names_grantee) = names_receiver(&s[te..floor_char(s, (te + AFTER).min(s.len()))]);
                let receiver = match (self.kind, giver, receiver) {
                    (Kind::Assignment, Side::Agency, Side::Unknown) if !names_assignee => Side::Counterparty,
                    (Kind::Assignment, Side::Counterparty, Side::Unknown) if !names_assignee => Side::Agency,
                    (Kind::Licence, Side::Agency, Side::Unknown) if !names_grantee => Side::Counterparty,
                    (Kind::Licence, Side::Counterparty, Side::Unknown) if !names_grantee => Side::Agency,
                    _ => receiver,
                };
                (giver, receiver)
            }
        }
    }

    /// "the Service Provider shall not allocate them to any company which is a client ..., and
    /// shall not use ...": a bar joined by "and" shares the sentence's subject, and so does one
    /// joined by "and accordingly", "and therefore", and a waiver ("shall ensure that the
    /// authors give the Customer their consent ..., and undertake not to exercise the right").
    fn joined(&self) -> bool {
        let head = self.s[..self.ts].trim_end();
        let head = ["accordingly", "therefore", "consequently"].iter().find_map(|w| head.strip_suffix(w)).map_or(head, str::trim_end);
        matches!(self.kind, Kind::Restriction | Kind::Waiver) && head.strip_suffix("and").is_some_and(|b| b.ends_with([' ', ',']))
    }

    /// Timing, read near the trigger (the sentence, up to a bounded window around it; `led`
    /// is what leads into it in its clause).
    fn timing(&self, lexicon: &Lexicon, clause_paid: bool, led: &str) -> Timing {
        let s = self.s;
        let from = ceil_char(s, self.ts.saturating_sub(NEAR));
        // "Subject to payment, the Supplier shall deliver ...; notwithstanding the foregoing,
        // all rights shall vest on creation": what is set aside before the trigger does not
        // time it.
        let set_aside = s[from..self.ts].rfind("notwithstanding");
        let near = &s[set_aside.map_or(from, |i| from + i)..floor_char(s, (self.te + NEAR).min(s.len()))];
        // A work made for hire is the client's from its making, whatever another sentence of
        // its clause says of payment: only its own words can time it.
        if paid(lexicon, near) || (clause_paid && set_aside.is_none() && self.kind != Kind::HireWork) {
            Timing::OnPayment
        } else if self.kind == Kind::Delivery && (lexicon.on_termination.is_match(near) || lexicon.on_termination.is_match(led)) {
            Timing::OnTermination
        } else if lexicon.timing_elsewhere.is_match(near) {
            Timing::Elsewhere
        } else if lexicon.on_creation.is_match(near) {
            Timing::OnCreation
        } else {
            Timing::Unstated
        }
    }

    /// Negated, descriptive (a definition, "warrants that it owns") or operative.
    fn standing(&self, lexicon: &Lexicon, defining: Option<&super::terms::Term>) -> Standing {
        // "Deliverables means any output ... which constitute work made for hire" makes the
        // deliverables works made for hire wherever the term is used; defining the words "work
        // made for hire" does not.
        let in_definition = defining.is_some_and(|t| t.means && (self.kind != Kind::HireWork || t.name.contains("hire")));
        // "\"Open Source Software\" means software under an open source licence" defines the
        // words; "\"License\" means the Apache licence" releases the work under one.
        let defines_itself = self.kind == Kind::OpenLicence
            && (self.s[self.te..].starts_with('"')
                || defining
                    .is_some_and(|t| ["open source", "open-source", "public domain", "copyleft"].iter().any(|w| t.name.contains(w))));
        let (s, ts, te, kind) = (self.s, self.ts, self.te, self.kind);
        // "conveys to MSL no title": a negation just after the verb too.
        let after_verb = &s[te..floor_char(s, (te + 40).min(s.len()))];
        let negated = !matches!(kind, Kind::Restriction | Kind::Consideration)
            // "nothing shall prevent X from using" keeps a freedom; "shall prevent" does not.
            && (negated(lexicon, s, ts) != self.freedom().is_some()
                || (kind.transfers() && after_verb.split(',').next().is_some_and(|part| part.contains(" no ")))
                // "have no rights in", "obtains no licence": the denial is in the trigger's own
                // words ("at no cost" denies nothing).
                || matches!(kind, Kind::Ownership | Kind::Licence) && s[ts..te].contains(" no ") && !s[ts..te].contains("at no "));
        let before = &s[ceil_char(s, ts.saturating_sub(100))..ts];
        // "represents that the District will receive full ownership of all source code",
        // "warrants that Customer will own every line of code": a promise of what the other side
        // receives, or will own, still gives it ("warrants that it owns" describes).
        let received = ["receive", "obtain", "acquire", "will own", "shall own"].iter().any(|w| s[ts..].starts_with(w));
        // "Client may need Provider's help to show that Client owns the work product": what is
        // to be shown is evidenced, not allocated, as what is warranted is.
        let shown = ["to show that ", "to prove that ", "to demonstrate that ", "to evidence that "].iter().any(|w| before.contains(w));
        let warranted = (before.contains("warrant") || before.contains("represent") || shown) && !received;
        // "To the extent that these materials are owned by you, you grant us": ownership named
        // in a condition of another provision allocates nothing.
        let clause_start = before.rfind([',', ';', ':', '(']).map_or(0, |i| i + 1);
        // "the agreement on what IP is yours, and what belongs to the Company": "what" owned
        // is a question the agreement answers elsewhere.
        // So does "Subject to any express provision in a Statement of Work that certain
        // Deliverables IPR shall be owned by the Customer": a provision made elsewhere.
        let conditional = kind == Kind::Ownership
            && (["to the extent", "insofar as", "if ", "where ", "in the event", "subject to any "]
                .iter()
                .any(|w| before[clause_start..].contains(w))
                || before.ends_with(" what ")
                || before.ends_with(" what is "));
        // "all rights in the intellectual property licensed or assigned to Client under this
        // Agreement": a participle with nothing to make it a verb describes what passes elsewhere.
        let described = kind == Kind::Assignment && reduced_relative(s, ts, te);
        // "warrants that it owns" describes; "warrants that it has obtained an assignment"
        // still moves the rights.
        if negated {
            Standing::Negated
        } else if kind.transfers() && ((warranted || conditional) && kind == Kind::Ownership || in_definition || described)
            || defines_itself
        {
            Standing::Descriptive
        } else {
            Standing::Operative
        }
    }

    /// The object already belongs to the counterparty: "Client Data", "X will own all of its
    /// inventions".
    fn counterparty_owned(&self, (from, to): (usize, usize), object_text: &str) -> bool {
        // What a thing of a party is called: "all intellectual property of the Customer".
        const THINGS: [&str; 12] = [
            "property",
            "rights",
            "materials",
            "data",
            "information",
            "assets",
            "documents",
            "records",
            "ip",
            "ipr",
            "content",
            "technology",
        ];
        // "When I receive your final payment, the copyright of the work I have produced ...
        // is assigned to you": the condition before the object names the payment, not whose
        // the object is.
        let (from, object_text) = match after_leading_condition(object_text) {
            Some(k) => (from + k, &object_text[k..]),
            None => (from, object_text),
        };
        // "any software owned by Company or developed during the period of Agreement": the
        // second limb takes in what the agency made, whoever owns the first.
        // "Customer Data or the Labels, nor any error pattern that its staff observe": a bar's
        // second limb reaches beyond their things.
        // So does "Customer's evaluation sets, or any rubric that Provider designs".
        let made_limb = || object_text.find(", or any ").is_some_and(|i| self.made_by_agency((from + i, to)));
        // The benefit of others' licences and warranties passed on is theirs, not the work.
        if self.kind.transfers() && PASSED_ON.is_match(object_text) {
            return true;
        }
        if OR_MADE_MEANWHILE.is_match(object_text) || self.kind == Kind::Restriction && (object_text.contains(" nor any ") || made_limb()) {
            return false;
        }
        let its_own = self.kind == Kind::Ownership && !self.object_before() && {
            let o = object_text.trim_start();
            // "shall own and retain all of its rights"
            let o = ["and retain ", "and keep ", "and hold "].iter().find_map(|p| o.strip_prefix(p)).unwrap_or(o);
            let o = o.strip_prefix("all ").unwrap_or(o);
            let o = o.strip_prefix("of ").unwrap_or(o);
            // "owns its data": the pronoun may end the verb's words.
            let verb = self.text();
            ["its", "their", "his", "her"].iter().any(|p| o.starts_with(&format!("{p} ")) || verb.ends_with(&format!(" {p}")))
        };
        // "the know-how developed by the Customer": made by the counterparty, and by no one else.
        // "generated by Client's use of the platform", "developed by the Customer's employees":
        // made by them, through their own use or people.
        let through_them = |m: &Mention| {
            const THEIR_OWN: [&str; 7] = ["use ", "employees", "personnel", "staff", "users", "customers", "operation"];
            let after = &self.s[m.end..floor_char(self.s, (m.end + 20).min(self.s.len()))];
            let after = ["'s ", "\u{2019}s ", "' ", " "].iter().find_map(|p| after.strip_prefix(p)).unwrap_or(after);
            !m.possessive || THEIR_OWN.iter().any(|w| after.starts_with(w))
        };
        // "any model trained on footage supplied by Producer": what they supplied is what the
        // model learnt from, not the model.
        let learnt_from = |m: &Mention| {
            let head = &self.s[from..m.start.max(from)];
            ["trained ", "fine-tuned ", "fine tuned ", "conditioned ", "tuned "].iter().any(|w| head.contains(w))
        };
        let theirs = |m: &Mention| {
            m.side == Side::Counterparty
                && through_them(m)
                && !learnt_from(m)
                && made_by(&self.s[ceil_char(self.s, m.start.saturating_sub(40))..m.start])
        };
        let in_object = |m: &&Mention| m.start >= from && m.end <= to;
        // "co-ownership with Zogenix of any Data generated solely by Distributor": the party
        // named "with" shares the ownership, and "materials provided by Microsoft to Inktomi"
        // names who received them: neither made the thing.
        let co_owner = |m: &Mention| {
            let before = self.s[..m.start].trim_end().trim_end_matches(" the");
            before.ends_with(" with") || before.ends_with(" to")
        };
        let made_by_them = self.mentions.iter().filter(in_object).any(theirs)
            && !self.mentions.iter().filter(in_object).any(|m| m.side == Side::Agency && !m.possessive && !co_owner(m));
        // "shall transfer all intellectual property of the Customer": things named as the
        // counterparty's own, in what is handed over (not waived "in favour of" it; and "shall
        // be the property of Client" gives ownership, it names nothing).
        let of_theirs = |m: &&Mention| {
            let head = self.s[from..m.start.max(from)].trim_end().trim_end_matches(" the");
            let thing = head.strip_suffix(" of").and_then(|h| h.split_whitespace().last()).is_some_and(|w| THINGS.contains(&w));
            matches!(self.kind, Kind::Assignment | Kind::Delivery)
                && m.side == Side::Counterparty
                && !m.possessive
                && m.start < from + 80
                && thing
        };
        // "assign to Company or Company's designee all rights": what follows the one who
        // receives ("Company's designee") names who receives, not whose the thing is.
        let receiver = self.mentions.iter().find_map(|r| {
            let receives =
                r.side == Side::Counterparty && !r.possessive && r.start >= from && matches!(self.s[from..r.start].trim(), "to" | "to the");
            receives.then_some(r.start)
        });
        its_own
            || made_by_them
            || self.mentions.iter().filter(in_object).any(|m| of_theirs(&m))
            || self.mentions.iter().any(|m| {
                m.side == Side::Counterparty
                    && m.start >= from
                    && m.start < from + 40
                    && m.start <= to
                    && receiver.is_none_or(|r| m.start <= r)
                    // "work done to your specific order", "made for your business",
                    // "sublicensable to the Network's signed creators": made for them, or given
                    // to them, not theirs already.
                    && (m.possessive && !to_or_for(&self.s[..m.start])
                        || m.start == from
                        || self.s[from..m.start].split_whitespace().all(|w| matches!(w, "the" | "all" | "any" | "its" | "such")))
            })
    }
}

/// Where the words after a leading condition start ("when I receive your final payment, "):
/// the byte after its first comma, when the text opens with a word of time or condition.
fn after_leading_condition(text: &str) -> Option<usize> {
    const OPENERS: [&str; 8] = ["when ", "once ", "upon ", "on ", "after ", "following ", "if ", "subject to "];
    let t = text.trim_start();
    let lead = text.len() - t.len();
    if !OPENERS.iter().any(|o| t.starts_with(o)) {
        return None;
    }
    t.find(", ").map(|k| lead + k + 2)
}

/// Whether `before` ends in "to" or "for", with or without "the".
fn to_or_for(before: &str) -> bool {
    let before = before.strip_suffix("the ").unwrap_or(before);
    // "exclusive within the Client's sector": where the licence runs, not whose the thing is.
    before.ends_with(" to ") || before.ends_with(" for ") || before.ends_with(" within ")
}

/// Where the subject of the verb at `ts` starts when the object is named before it: on a
/// word, after the last clause break before the verb (or a sentence the segmenter left joined
/// after a bracket: "(... apply). Company IP is"), at most 300 bytes back.
/// Whether the words after a transfer name its assignee ("to the Customers of such Products")
/// and a licence its grantee: "SSW grants a non-exclusive, transferable licence to use ...":
/// "to use" is what the licence is for; "to its subcontractors" names a grantee.
fn names_receiver(after: &str) -> (bool, bool) {
    // "in relation to any of the Consultant's Tools": what the licence is of.
    const OF_WHAT: [&str; 6] = [" relation", " respect", " regard", " pursuant", " subject", " relating"];
    // "necessary to accomplish", "in order to perfect": a purpose, not an assignee.
    const PURPOSE: [&str; 6] = [" and", " necessary", " required", " needed", " order", " so as"];
    let part = &after[..after.find(['.', ';']).unwrap_or(after.len())];
    let names_assignee = part.match_indices(" to ").any(|(i, _)| !PURPOSE.iter().any(|w| part[..i].ends_with(w)));
    let names_grantee = part.match_indices(" to ").any(|(i, _)| {
        let next = part[i + 4..].split(' ').next().unwrap_or_default();
        !OF_WHAT.iter().any(|w| part[..i].ends_with(w))
            && ["the", "its", "their", "his", "her", "any", "each", "all", "a", "an", "such", "third", "other"].contains(&next)
    });
    (names_assignee, names_grantee)
}

/// "The economic rights in the app ... are transmitted to EL CLIENTE": rights, not a notice or
/// data, are what passes, in the passive.
fn rights_transmitted(s: &str, ts: usize) -> bool {
    let before = s[..ts].trim_end();
    [" shall be", " will be", " are", " is"].iter().any(|w| before.ends_with(w)) && s[subject_start(s, ts)..ts].contains("rights")
}

fn subject_start(s: &str, ts: usize) -> usize {
    // "For the purposes of the Institution's model risk framework, the Models shall be ...":
    // an opening phrase set off by a comma is no part of the subject.
    const OPENINGS: [&str; 12] = [
        "for the purpose",
        "for purposes",
        "in order to",
        "for the avoidance of doubt",
        "notwithstanding",
        "subject to",
        "without limiting",
        "without prejudice",
        "as between",
        "unless otherwise",
        "except as",
        "save as",
    ];
    static NUMBER: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"^\s*(?:\d+(?:\.\d+)*\.?|\([a-z0-9]{1,4}\))\s+").expect("static regex"));
    let from = ceil_char(s, ts.saturating_sub(300));
    let from = s[from..ts].find(' ').filter(|_| from > 0 && !s[..from].ends_with(' ')).map_or(from, |i| from + i + 1);
    let breaks = [s[from..ts].rfind([';', ':']).map(|i| i + 1), s[from..ts].rfind("). ").map(|i| i + 2)];
    let from = breaks.into_iter().flatten().max().map_or(from, |i| from + i);
    // "10.2 Any of our IPRs ... shall be assigned": the clause's number is no part of it.
    let from = from + NUMBER.find(&s[from..ts]).map_or(0, |m| m.end());
    let opening = OPENINGS.iter().any(|w| s[from..ts].trim_start().starts_with(w));
    let from = from + if opening { s[from..ts].find(", ").map_or(0, |i| i + 2) } else { 0 };
    // "retains all rights in the Software ..., other than the Bank-Specific Developments, which
    // shall vest in the Bank": what is excepted is what the relative clause speaks of.
    if s[from..ts].ends_with(", which ") {
        let excepted = [", other than ", ", except ", ", excluding ", ", save for ", ", but not "];
        if let Some(i) = excepted.iter().filter_map(|w| s[from..ts].rfind(w).map(|i| i + w.len())).max() {
            return from + i;
        }
    }
    from
}

/// Whether the words after "waives" give up rights in a thing, not moral rights or a remedy
/// ("waives any and all right, title and interest in").
fn relinquishes(after: &str) -> bool {
    let rights = ["right, title", "rights, title", "all right and title", "all rights in", "all ownership"];
    rights.iter().any(|r| after.contains(r)) && !after.contains("moral")
}

/// Whether `text` ties something to payment: "upon full payment", but not "no assignment
/// contingent on payment".
pub(super) fn paid(lexicon: &Lexicon, text: &str) -> bool {
    lexicon.payment.find_iter(text).any(|m| {
        let before = &text[ceil_char(text, m.start().saturating_sub(40))..m.start()];
        let part = before.rfind([',', ';', '.', ':']).map_or(before, |i| &before[i + 1..]);
        // "for three years after final payment": a period counted from payment, no condition.
        let counted_from = ["years after ", "months after ", "days after ", "weeks after ", "year after ", "month after "]
            .iter()
            .any(|w| part.trim_end_matches("the ").ends_with(w));
        // "irrespective of whether it has been accepted or paid for": payment disregarded.
        let wider = &text[ceil_char(text, m.start().saturating_sub(80))..m.start()];
        let wider = wider.rfind([';', '.', ':']).map_or(wider, |i| &wider[i + 1..]);
        let disregarded = [
            "irrespective of",
            "regardless of",
            "whether or not",
            "notwithstanding",
            "even if",
            "without regard to",
            "independently of",
            "independent of",
        ]
        .iter()
        .any(|w| wider.contains(w));
        // "payment of the remuneration is not a condition for the transfer": denied after.
        let after = &text[m.end()..floor_char(text, (m.end() + 60).min(text.len()))];
        let after = after.find([',', ';', '.']).map_or(after, |i| &after[..i]);
        let denied = [" not a condition", " not a precondition", " not a pre-condition", " not required"].iter().any(|w| after.contains(w));
        // "Payment of the balance, which is made within ninety days thereafter, has no effect on
        // that transfer": denied past a relative clause.
        let ahead = &text[m.end()..floor_char(text, (m.end() + 160).min(text.len()))];
        let rest = ahead.find(['.', ';']).map_or(ahead, |i| &ahead[..i]);
        let denied = denied
            || [" no effect on ", " not affect "].iter().any(|w| {
                rest.find(w).is_some_and(|i| ["transfer", "assignment", "vesting", "passing"].iter().any(|t| rest[i..].contains(t)))
            });
        // "Would the Contracting Authority accept vesting on payment?": a question sets no condition.
        let asked = ahead.find(['.', ';', '?', '!']).is_some_and(|i| ahead[i..].starts_with('?'));
        !lexicon.negation.is_match(part) && !counted_from && !disregarded && !denied && !asked
    })
}

/// Whether `said` (the words before a trigger) ends in a capacity ("has the right to").
/// "The exclusive right to the Result of Work passes to", "the exclusive right to which belongs
/// to": "to" before a noun is no infinitive, and the right is what passes.
fn capacity(lexicon: &Lexicon, said: &str) -> bool {
    lexicon.capacity.find(said).is_some_and(|m: Found| {
        let words = &said[m.start()..m.end()];
        ![" to the ", " to a ", " to an ", " to all ", " to any ", " to each ", " to such ", " to which "].iter().any(|w| words.contains(w))
    })
}

/// A negation shortly before the trigger, within the same part of the sentence.
fn negated(lexicon: &Lexicon, s: &str, ts: usize) -> bool {
    let from = ceil_char(s, ts.saturating_sub(NEGATION_WINDOW));
    // The part of the sentence the verb is in, a list of verbs ("shall not sell, transfer,
    // assign") counting as one part.
    let mut window = &s[from..ts];
    let mut listed = false;
    let part = loop {
        match window.rfind([',', ';', '(', ')', ':']) {
            Some(i) if window.as_bytes()[i] == b',' => {
                let tail = window[i + 1..].trim_end();
                // The verb opens the list item (", assign", ", or assign"); earlier items are
                // a word or two ("transfer", "sell or lease").
                let item = if listed {
                    tail.split_whitespace().count() <= 2
                } else {
                    tail.is_empty() || tail.ends_with(" or") || tail.ends_with(" and") || tail == "or" || tail == "and"
                };
                if !item {
                    break &window[i + 1..];
                }
                listed = true;
                window = &window[..i];
            }
            Some(i) => break &window[i + 1..],
            None => break window,
        }
    };
    // "at no cost", "no later than", "whether or not related to", "Law no. 633": words of
    // negation that negate nothing.
    let idiom = ["at no ", "no later ", "no less ", "no more ", "no fewer ", "whether or not ", " no. "];
    let window = if idiom.iter().any(|i| part.contains(i)) {
        std::borrow::Cow::Owned(idiom.iter().fold(part.to_owned(), |w, i| w.replace(i, " ")))
    } else {
        std::borrow::Cow::Borrowed(part)
    };
    if lexicon.negation.is_match(&window) {
        return true;
    }
    // "Nothing in this Agreement shall be construed to transfer ...", further before.
    let from = ceil_char(s, ts.saturating_sub(NEAR));
    let head = &s[from..ts];
    let nothing = if from == 0 && head.starts_with("nothing in") { Some(0) } else { head.find(" nothing in this") };
    // "Nothing ... shall be construed as an assignment of Background IP; provided, however,
    // that any Background IP deployed on-chain shall be owned by the Foundation": the proviso
    // takes back what the negation gave.
    let nothing =
        nothing.is_some_and(|at| !["provided", "except that", "save that", "; but", ", but"].iter().any(|w| head[at..].contains(w)));
    // "No title or ownership in any software, games, applications or other Deliverables is
    // transferred to the Customer": a subject that opens with "no" denies the passive verb.
    let passive = ["is ", "are ", "be "].iter().any(|w| head.ends_with(w)) || ["is ", "are "].iter().any(|w| s[ts..].starts_with(w));
    let subject = head.rfind([';', ':']).max(head.rfind(". ").map(|i| i + 1)).map_or(head, |i| &head[i + 1..]).trim_start();
    // "No later than payment, the Deliverables are transferred" denies nothing.
    let idiom = ["no later ", "no less ", "no more ", "no fewer "].iter().any(|w| subject.starts_with(w));
    nothing || passive && (subject.starts_with("no ") || subject.starts_with("neither ")) && !idiom && !subject.contains(" unless ")
}

/// The side named by the word glued to "-owned" ("client-owned").
fn side_of_word(trigger: &str, mentions: &[Mention], ts: usize) -> Side {
    let Some(dash) = trigger.find("-owned") else { return Side::Unknown };
    mentions.iter().find(|m| m.end == ts + dash).map_or(Side::Unknown, |m| m.side)
}

/// Whether an ownership trigger ending in "property" (or "property of") names the owner: after
/// "of" ("the exclusive property of"), by a possessive ("its", "the Client's") or by a party's
/// name ("is Bank property"), but not by a kind of property ("is intellectual property of").
fn names_owner(parties: &Parties, trigger: &str) -> bool {
    let of = trigger.ends_with(" of");
    let before = trigger.trim_end_matches(" of").trim_end_matches(" property");
    let adjective = |w: &&str| {
        ["sole", "exclusive", "absolute", "complete", "entire", "full", "separate", "worldwide", "and"].contains(&w.trim_end_matches(','))
    };
    let word = before.split(' ').rev().find(|w| !adjective(w)).unwrap_or_default();
    of && ["the", "is", "are", "be", "become", "becomes", "remain", "remains"].contains(&word)
        || ["your", "our", "its", "their"].contains(&word)
        || word.ends_with('\'')
        || word.ends_with("'s")
        || word.ends_with("’s")
        || parties.agency_aliases.iter().chain(&parties.counterparty_aliases).any(|a| before.ends_with(&format!(" {a}")))
}

/// "Distributor shall own all rights in the Distributor Housemarks": things named after the
/// counterparty are its own, unless a term is defined as the work ("Client IPR" means the IPR
/// in the Deliverables).
fn its_own_things(terms: &Terms, used: &[usize], parties: &Parties, remains: bool) -> bool {
    let has = |t: usize, features: &[Feature]| features.iter().any(|&f| terms.terms[t].features.has(f));
    // "all Intellectual Property Rights in the Customer Materials shall remain the property of
    // the Customer": what stays with the party it is named after is its own, unless its
    // definition sweeps in the agency's work.
    named_after_counterparty(terms, used, parties)
        && used
            .iter()
            .all(|&t| !has(t, &[Feature::Work, Feature::Made, Feature::Broad]) || remains && !has(t, &[Feature::Broad, Feature::Prior]))
}

/// Where a new clause with a party as its subject starts in `from..to` ("retain ownership of
/// such EFS Customer Data and Client shall have the right to use such User Data"): the object
/// before it ends there.
/// What the object's own words name (`object` is its text and where it ends), without its
/// defined terms.
fn own_features(
    lexicon: &Lexicon,
    t: &Trigger,
    (object_text, object_end): (&str, usize),
    (object_before, back_to): (bool, Option<&str>),
    barred_after: Option<&str>,
) -> Features {
    let (s, ts, te, kind) = (t.s, t.ts, t.te, t.kind);
    // "are original works", "to have full ownership in": the trigger's own words name
    // part of the object.
    let mut own_features = Features::of(lexicon, object_text).union(Features::of(lexicon, &s[ts..te]));
    // "will not include third-party materials": a bar's verb may take in the first words of
    // what it bars.
    if matches!(kind, Kind::Warranty | Kind::Restriction) {
        own_features = own_features.union(Features::of(lexicon, &s[ts..object_end.max(te)]));
    }
    // "shall not use them when labelling data for any other customer": the data of others
    // that the bar's occasion names is not what it bars.
    let occasion = (kind == Kind::Restriction).then(|| [" when ", " while ", " whilst "].iter().filter_map(|w| object_text.find(w)).min());
    if let Some(i) = occasion.flatten()
        && object_text[i..].split_whitespace().nth(1).is_some_and(|w| w.ends_with("ing"))
        && Features::of(lexicon, &object_text[i..]).has(super::Feature::Others)
        && !Features::of(lexicon, &object_text[..i]).has(super::Feature::Data)
    {
        own_features = own_features.without([super::Feature::Data].into_iter().collect());
    }
    // "such intellectual property", "the same": the object is what the sentence named before,
    // and so is "a licence to use, copy and distribute them".
    // "treat shared information as confidential and use it solely for": a bar on "it" bars
    // what was named before, and so does "shall be the sole owner of it".
    let pronoun = |t: &str| t.split(|c: char| !c.is_alphanumeric()).any(|w| matches!(w, "it" | "them" | "such" | "these"));
    // "the Company shall be its sole owner", "their owners": owner of what the sentence named.
    let owner_of_it = kind == Kind::Ownership
        && [" its ", " their "].iter().any(|w| s[ts..te].contains(w))
        && s[ts..te].trim_end().trim_end_matches('s').ends_with("owner");
    let back = [" such ", " the same", " those ", " these ", " the foregoing"]
        .iter()
        .any(|w| object_text.contains(w) || object_text.starts_with(&w[1..]))
        || matches!(kind, Kind::Restriction | Kind::Ownership | Kind::Licence) && pronoun(&s[ts..object_end.max(te)])
        || owner_of_it;
    // "undertakes not to render services of AI development ... to any company of the retail
    // sector", "must not act for any employer": a bar on serving others is one on competing,
    // whatever words name the market, unless what it bars is using the counterparty's
    // information or data to do so.
    if kind == Kind::Restriction
        && !own_features.has(Feature::Confidential)
        && !own_features.has(Feature::Data)
        && serves_others(&s[ts..object_end.max(te)])
    {
        own_features.insert(Feature::Competition);
    }
    // "the Buyer shall become the owner of such media": the carrier, not what it carries.
    if let Some(before) = back_to
        && back
        && !Features::of(lexicon, object_text).has(super::Feature::Physical)
    {
        // "Except for Pre-Existing Materials and Third-Party Materials, Provider assigns ...
        // such Deliverables": what was excepted is not what "such" names.
        let excepted = ["except for ", "excluding ", "other than ", "save for "].iter().filter_map(|w| before.rfind(w)).max();
        let named = excepted.and_then(|i| before[i..].find(", ").map(|j| &before[i + j..])).unwrap_or(before);
        own_features = own_features.union(Features::of(lexicon, named));
    }
    if let Some(rest) = barred_after {
        own_features = own_features.union(Features::of(lexicon, rest));
    }
    // "all results of that time belong to Customer, including any tools, scripts and methods
    // that Consultant develops", "... the property of said Corporation, together with the
    // models thereby produced": an object named before its owner goes on after it.
    if object_before && kind == Kind::Ownership {
        let rest = &s[te..floor_char(s, (te + AFTER).min(s.len()))];
        let rest = &rest[..rest.find(['.', ';']).unwrap_or(rest.len())];
        if let Some(i) = [", including ", ", together with ", ", along with "].iter().filter_map(|w| rest.find(w)).min() {
            own_features = own_features.union(Features::of(lexicon, &rest[i..]));
        }
    }
    // "are works made for hire specially commissioned by Customer": made for the client alone.
    if kind == Kind::HireWork && object_before {
        let rest = &s[te..floor_char(s, (te + AFTER).min(s.len()))];
        let rest = &rest[..rest.find(['.', ';']).unwrap_or(rest.len())];
        if Features::of(lexicon, rest).has(super::Feature::Bespoke) {
            own_features.insert(super::Feature::Bespoke);
        }
    }
    // "all right, title and interest in the Deliverables, including any Provider Materials
    // incorporated in them": what an inclusion adds of the agency's own materials is prior work.
    // A licence of "the Subcontractor Tools" or "the Vendor Platform" licenses them.
    if kind.transfers() && object_text.find("including ").is_some_and(|i| names_agency_prior(lexicon, &object_text[i..]))
        || kind == Kind::Licence && names_agency_prior(lexicon, object_text)
    {
        own_features.insert(super::Feature::Prior);
    }
    // "grant an exclusive license to you for all items listed above and owned by us": a
    // licence of what the agency already owns.
    // So is a licence of something named as the agency's ("to the Contractor's Supply Chain
    // Analytics Toolkit").
    // So is what "such" points back to: "If any part of the Services uses technology owned or
    // licensed by Consultant ..., Consultant hereby grants Company a licence to exploit all such
    // technology".
    let pointed_at = |m: &Mention| back && back_to.is_some_and(|b| m.start + b.len() >= ts && m.end <= ts);
    let owned_by =
        |m: &Mention| ["owned by ", "owned or licensed by ", "owned or controlled by "].iter().any(|w| s[..m.start].ends_with(w));
    let owned_by_agency = |m: &Mention| {
        m.side == Side::Agency && (m.start > te && m.start < object_end && (owned_by(m) || m.possessive) || pointed_at(m) && owned_by(m))
    };
    // So is "The Contractor grants the Customer a licence to use its platform": what the
    // licence names first is the grantor's.
    let grantors = || {
        let first = object_text.split_whitespace().find(|w| !["to", "use", "use,", "access", "access,", "copy,", "and", "or"].contains(w));
        ["its", "our", "their"].contains(&first.unwrap_or(""))
            && t.mentions.iter().rev().find(|m| m.end <= ts).is_some_and(|m| m.side == Side::Agency && !m.possessive)
    };
    if kind == Kind::Licence && (t.mentions.iter().any(owned_by_agency) || grantors()) {
        own_features.insert(super::Feature::Prior);
    }
    // "assign all of its rights under this Agreement to an affiliate": the contract moves,
    // not rights in any work.
    if CONTRACT_ITSELF.is_match(object_text) {
        own_features = Features::default();
    }
    // Asked only of what passes (see `judge::facts`).
    if kind.transfers() && names_only_deliverables(lexicon, object_text) {
        own_features.insert(Feature::DeliverablesOnly);
    }
    if kind.transfers() && improves_only_theirs(lexicon, t, object_text) {
        own_features = own_features.without([Feature::Improvements].into_iter().collect());
    }
    own_features
}

/// Whether the trigger `ts..te` is a past participle after a noun, with no auxiliary or
/// adverb to make it a verb ("the intellectual property licensed or assigned to Client", not
/// "shall be assigned", "has assigned", "shall stand assigned", "Rights, assigned on payment").
fn reduced_relative(s: &str, ts: usize, te: usize) -> bool {
    const VERBAL: [&str; 24] = [
        "is",
        "are",
        "be",
        "been",
        "being",
        "was",
        "were",
        "has",
        "have",
        "had",
        "hereby",
        "herewith",
        "deemed",
        "stand",
        "stands",
        "shall",
        "will",
        "may",
        "must",
        "automatically",
        "irrevocably",
        "thereby",
        "hence",
        "now",
    ];
    let participle = s[ts..te].split_whitespace().next().is_some_and(|w| w.ends_with("ed"));
    let mut words = s[..ts].split(' ').rev().filter(|w| !w.is_empty());
    let mut before = words.next();
    // "licensed or assigned": a participle coordinated with another is read from before both.
    if before.is_some_and(|w| w == "or" || w == "and") && words.next().is_some_and(|w| w.ends_with("ed")) {
        before = words.next();
    }
    participle && before.is_some_and(|w| w.chars().all(|c| c.is_alphabetic() || c == '-') && !VERBAL.contains(&w) && !w.ends_with("ly"))
}

/// Whether a bar's words are on serving anyone else: acting or working for, or providing
/// services to, "any" or "another" person ("act for any employer", "provide ... services ...
/// to any person other than the Company"). Not acting against the counterparty ("act for any
/// party in proceedings against the Government"), nor serving sanctioned persons.
fn serves_others(bar: &str) -> bool {
    const ACTING: [&str; 4] = ["act for ", "work for ", "act on behalf of ", "work on behalf of "];
    const SERVING: [&str; 5] = ["provide", "render", "perform", "supply", "offer"];
    const OTHERS: [&str; 4] = [" to any", " for any", " to another", " for another"];
    // The words from `at` to the end of their clause, at most `len` bytes of them.
    let clause = |at: usize, len: usize| {
        let rest = &bar[at..];
        &rest[..floor_char(rest, rest.find(['.', ';']).unwrap_or(rest.len()).min(len))]
    };
    let word_at = |at: usize| at == 0 || !bar[..at].ends_with(|c: char| c.is_alphanumeric());
    // "provide", "provides", "providing", not "provided that".
    let verb_at = |at: usize, verb: &str| {
        let rest = &bar[at + verb.len()..];
        word_at(at) && (["s ", "ing "].iter().any(|e| rest.starts_with(e)) || !rest.starts_with(|c: char| c.is_alphanumeric()))
    };
    let acting = ACTING
        .iter()
        .any(|w| bar.match_indices(w).any(|(at, _)| word_at(at) && ["any", "another"].iter().any(|o| bar[at + w.len()..].starts_with(o))));
    let serving = || {
        SERVING.iter().any(|verb| {
            bar.match_indices(verb).filter(|&(at, _)| verb_at(at, verb)).any(|(at, _)| {
                let object = clause(at, 80 + "services".len());
                object.find("service").is_some_and(|s| OTHERS.iter().any(|o| clause(at + s, 200).contains(o)))
            })
        })
    };
    (acting || serving()) && !["sanction", " against ", "proceedings"].iter().any(|w| bar.contains(w))
}

/// Whether every improvement a transfer's object names is of the counterparty's own things:
/// "ideas and inventions (including improvements to existing Client products)" takes no
/// improvement of the agency's.
fn improves_only_theirs(lexicon: &Lexicon, t: &Trigger, object_text: &str) -> bool {
    static OF: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\s*(?:to|of|in|on|out of|from)\s+(?:(?:the|any|all|such|its|their|existing|current)\s+)*")
            .expect("static regex")
    });
    let Some(words) = lexicon.features.iter().find(|(f, _)| *f == Feature::Improvements).map(|(_, w)| w) else {
        return false;
    };
    let base = object_text.as_ptr() as usize - t.s.as_ptr() as usize;
    let theirs = |end: usize| {
        OF.find(&t.s[base + end..]).is_some_and(|of| {
            let at = base + end + of.end();
            t.mentions.iter().any(|m| m.start == at && m.side == Side::Counterparty)
        })
    };
    let mut found = words.find_iter(object_text).map(|m| theirs(m.end())).peekable();
    found.peek().is_some() && found.all(|theirs| theirs)
}

/// Whether an object that names the counterparty's things reaches beyond them: a bar's limb
/// of the agency's methods or models (see `tools_in_another_limb`), or what both sides
/// "together develop", which is not the counterparty's alone.
fn beyond_theirs(lexicon: &Lexicon, kind: Kind, features: Features, object: &str) -> bool {
    kind == Kind::Restriction && tools_in_another_limb(lexicon, object) || kind.transfers() && features.has(Feature::JointWork)
}

/// Whether a bar names, after the counterparty's things, methods or models in a limb of their
/// own: "any Authority Data, or any insight, technique or model derived from it or from the
/// performance of the Services" bars the agency's own ways of working too.
fn tools_in_another_limb(lexicon: &Lexicon, object: &str) -> bool {
    let limb = [" or any ", " and any "].iter().filter_map(|w| object.find(w)).min().map(|i| &object[i..]);
    limb.is_some_and(|limb| {
        let f = Features::of(lexicon, limb);
        f.has(Feature::Methods) || f.has(Feature::Models)
    })
}

/// The object `from..to` of `s` less its exception, and the exception. `owner_after`: where
/// the verb ends, when the object is named before it and the owner after it ("Ownership of the
/// Deliverables passes to the Principal on payment, other than any Existing Material"): the
/// exception may come after the owner.
fn split_exception<'s>(
    lexicon: &Lexicon,
    s: &'s str,
    (from, to): (usize, usize),
    object_before: bool,
    owner_after: Option<usize>,
) -> (&'s str, Option<&'s str>) {
    let object_text = &s[from..to];
    match lexicon.first_exception(object_text) {
        Some(m) if !object_before => (&object_text[..m.start()], Some(&object_text[m.start()..])),
        // "the Work Product (except for any Background Technology), including ..., will be
        // the property of": an exception in brackets inside an object named before its verb.
        Some(m) if object_text[..m.start()].ends_with('(') => (&object_text[..m.start() - 1], Some(&object_text[m.start()..])),
        // "Except for the Contractor's Pre-existing Materials (which ...), all Intellectual
        // Property Rights in the Deliverables shall be assigned": an exception that opens the
        // sentence, or the clause a lead-in introduces ("the parties agree that, other than the
        // Background Technology, the work ... shall be work made for hire"), runs to its first
        // comma outside brackets.
        Some(m)
            if opens_its_clause(&object_text[..m.start()])
                && let Some(comma) = outer_comma(&object_text[m.start()..]) =>
        {
            let at = m.start() + comma;
            (&object_text[at + 1..], Some(&object_text[m.start()..at]))
        }
        _ => {
            let after = owner_after.and_then(|te| {
                let rest = &s[te..floor_char(s, (te + AFTER).min(s.len()))];
                let rest = &rest[..rest.find(['.', ';']).unwrap_or(rest.len())];
                lexicon.first_exception(rest).map(|m| &rest[m.start()..])
            });
            (object_text, after)
        }
    }
}

/// Whether `lead`, the words before an exception, leave it at the start of its clause: none, or
/// a lead-in that ends in "that" ("Vendor and Client expressly agree that,").
fn opens_its_clause(lead: &str) -> bool {
    let lead = lead.trim_end().trim_end_matches(',');
    lead.trim().is_empty() || lead.ends_with(" that") || lead.ends_with(" That")
}

/// The first comma of `text` outside brackets.
fn outer_comma(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    text.char_indices().find_map(|(i, c)| {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => return Some(i),
            _ => {}
        }
        None
    })
}

fn next_subject(s: &str, mentions: &[Mention], from: usize, to: usize) -> usize {
    mentions
        .iter()
        .filter(|m| m.start > from && m.end < to && !m.possessive)
        .find(|m| {
            let before = s[..m.start].trim_end().trim_end_matches(" the");
            let after = &s[m.end..];
            before.ends_with(" and") && [" shall ", " will ", " may ", " must "].iter().any(|v| after.starts_with(v))
                // "..., EL PRESTADOR being recognised only as author": a clause of its own.
                || before.ends_with(',') && [" being ", " having "].iter().any(|v| after.starts_with(v))
        })
        .map_or(to, |m| {
            let before = s[..m.start].trim_end().trim_end_matches(" the");
            (before.len() - if before.ends_with(',') { ",".len() } else { " and".len() }).max(from)
        })
}

/// A second verb of the same subject, after any words of time: "... to train any model, and at
/// the end of the Research Term shall return or destroy ...".
static SAME_SUBJECT_AGAIN: std::sync::LazyLock<AsciiFirst> = std::sync::LazyLock::new(|| {
    AsciiFirst::new(
        r", and (?:(?:at|on|upon|within|after|before|during|following|thereafter|promptly)\b[^,;.]{0,60} )?(?:shall|will|must)\b",
    )
});

/// Where a clause of its own ends the object at `from..to`, denying more ("..., and nothing in
/// this Agreement requires Grantee to publish any other code") or binding its subject to
/// something else ("..., and at the end of the Term shall return ...").
fn denial_after(s: &str, from: usize, to: usize) -> usize {
    // "shall not use, and shall ensure that no third party uses, any knowledge": both verbs
    // have the object that follows.
    let again = SAME_SUBJECT_AGAIN.on(&s[from..to]).find(&s[from..to]).map(|m| m.start()).filter(|&i| !s[from..from + i].trim().is_empty());
    [", and nothing ", ", but nothing ", "; nothing "]
        .iter()
        .filter_map(|w| s[from..to].find(w))
        .chain(again)
        .min()
        .map_or(to, |i| from + i)
}

/// What an object names: its own words and the definitions of the terms it uses, less what a
/// term leaves out of the agency's prior work ("all New Technology", which "shall exclude any
/// modification to Philips' pre-existing IPR").
fn object_features(terms: &Terms, used: &[usize], own: Features, object_text: &str) -> Features {
    // "transfer its rights and obligations under this Agreement to any member of its group":
    // the contract moves, whatever its definition names.
    if CONTRACT_ITSELF.is_match(object_text) {
        return own;
    }
    let features = used.iter().fold(own, |f, &t| f.union(terms.terms[t].features));
    // "a License over: the Project IP not owned by the Purchaser; the Background IP": the
    // prior work one term's definition leaves out, a term named outright in the object brings.
    let outright = |t: usize| {
        let name = terms.terms[t].name.as_str();
        terms.terms[t].features.has(Feature::Prior)
            && object_text
                .match_indices(name)
                .any(|(i, _)| !EXCEPTED_BEFORE.is_match(&object_text[ceil_char(object_text, i.saturating_sub(40))..i]))
    };
    let left_out = used.iter().fold(Features::default(), |f, &t| f.union(terms.terms[t].excluded));
    let left_out = if used.iter().any(|&t| outright(t)) { left_out.without([Feature::Prior].into_iter().collect()) } else { left_out };
    let dropped = [Feature::Prior, Feature::Improvements, Feature::Methods, Feature::Models].into_iter().filter(|&f| left_out.has(f)).fold(
        Features::default(),
        |mut set, f| {
            set.insert(f);
            set
        },
    );
    features.without(dropped)
}

/// Words that set aside what follows them ("excluding", "other than").
static EXCEPTED_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?:\bexcept(?:ing)?|\bexcluding|\bexclusive of|\bother than|\bsave(?: for)?|\bnot including|\bbut not)\b[^;:]*$")
        .expect("static regex")
});

/// Whether the object uses a term named after the counterparty ("Client IPR").
/// "Any derivative works the Consultant makes out of Customer Materials": what passes is
/// improvements of the counterparty's own things (or its customer's, where it is an agency
/// too), and nothing else.
fn improves_theirs(object_text: &str, parties: &Parties) -> bool {
    super::improved_owner(object_text).is_some_and(|whose| parties.is_counterparty(whose) || parties.is_client_word(whose))
}

fn named_after_counterparty(terms: &Terms, used: &[usize], parties: &Parties) -> bool {
    used.iter().any(|&t| {
        parties.counterparty_aliases.iter().any(|a| terms.terms[t].name.strip_prefix(a.as_str()).is_some_and(|rest| rest.starts_with(' ')))
    })
}

/// Whether a bar is on the counterparty's things: its object names first a term named after
/// the counterparty ("shall not use the Customer Materials"), and not as what the agency's
/// models or methods were learnt from.
fn barred_their_things(terms: &Terms, used: &[usize], parties: &Parties, object_text: &str) -> bool {
    named_after_counterparty(terms, &used[..used.len().min(1)], parties) && !learnt_from_theirs(object_text)
}

/// Whether what a bar's object names first was learnt from the counterparty's things named
/// after it: "any model, weight or technique that was at any time exposed to or refined using
/// Fund Data" is the agency's, made from theirs.
fn learnt_from_theirs(object_text: &str) -> bool {
    const LEARNT: [&str; 8] =
        ["trained on", "trained using", "tuned on", "tuned using", "refined using", "refined on", "exposed to", "learned from"];
    let head = object_text.split([';', ':']).next().unwrap_or_default();
    let head = &head[..floor_char(head, head.len().min(160))];
    ["model", "weight", "embedding", "technique", "method", "pipeline"]
        .iter()
        .any(|w| head.starts_with(w) || head.contains(&format!(" {w}")))
        && LEARNT.iter().any(|w| head.contains(w))
}

/// Whether a party is named just before `at`: the subject of the verb there.
fn subject_before(mentions: &[Mention], at: usize) -> bool {
    let k = mentions.partition_point(|m| m.start < at);
    k > 0 && mentions[k - 1].end + 2 >= at && !mentions[k - 1].possessive
}

/// The mentions (sorted by start) that start in `from..to`.
fn within(mentions: &[Mention], from: usize, to: usize) -> &[Mention] {
    let first = mentions.partition_point(|m| m.start < from);
    let last = mentions.partition_point(|m| m.start < to);
    &mentions[first..last.max(first)]
}

/// How long the bracketed asides that open in the first words after a trigger are (each up to
/// 600 bytes).
fn asides(after: &str) -> usize {
    let mut total = 0;
    let mut at = 0;
    while let Some(open) = after[at..floor_char(after, AFTER.min(after.len()))].find('(').map(|i| at + i) {
        let window = &after[open..floor_char(after, (open + 600).min(after.len()))];
        let Some(close) = window.find(')') else { break };
        total += close + 1;
        at = open + close + 1;
        if at >= AFTER.min(after.len()) {
            break;
        }
    }
    total
}

/// Whether what each party owns is its own: "all right, title, and interest in and to any of its
/// Preexisting Materials", "their respective Background IP".
fn each_its_own(object: &str) -> bool {
    let head = &object[..floor_char(object, object.find([';', '.']).unwrap_or(object.len()).min(120))];
    [" its ", " their "].iter().any(|w| head.contains(w) || head.trim_start().starts_with(&w[1..]))
}

/// Whether a subject points back to what the sentence before named ("Each of these items",
/// "All such materials", "They").
fn points_back(subject: &str) -> bool {
    let s = subject.trim_start();
    let s = ["each of ", "all of ", "any of ", "each ", "all "].iter().find_map(|w| s.strip_prefix(w)).unwrap_or(s);
    ["these", "those", "such", "they", "the foregoing", "the above"]
        .iter()
        .any(|p| s.strip_prefix(p).is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphanumeric())))
}

/// Whether an object is a pronoun ("them", "it."), naming what was named before.
fn opens_with_pronoun(object_text: &str) -> bool {
    let o = object_text.trim_start();
    ["these", "them", "those", "it"]
        .iter()
        .any(|p| o.strip_prefix(p).is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphanumeric())))
}

/// Whether a trigger says its receiver obtains something, from no one it names: "shall obtain
/// a perpetual licence"; so does a licence or an assignment described after the fact, its
/// grantor not named ("the licence granted under clause 9.2 ... shall be transferable by
/// Buyer", "the assignment under Article 14 extends to the components ...").
fn obtained(kind: Kind, trigger: &str) -> bool {
    ["obtain", "receive", "acquire"].iter().any(|w| trigger.starts_with(w))
        || matches!(kind, Kind::Licence | Kind::Assignment) && described(trigger)
}

/// Whether a trigger names a transfer after the fact ("the licence granted under clause 9.2",
/// "the assignment under Article 14").
fn described(trigger: &str) -> bool {
    ["the ", "such ", "this ", "that ", "any "].iter().any(|w| trigger.starts_with(w))
}

/// Nouns that, after a party's name, name that party's things ("Contractor Tools").
const THINGS: &[&str] =
    &["tools", "materials", "ip", "ipr", "iprs", "software", "technology", "know-how", "code", "platform", "components"];

/// Every mention of a party in a sentence: the parties' names, defined terms and pronouns,
/// "both parties" and "each party". A party's name opening a longer defined term ("Provider
/// Materials") is no mention.
fn mentions(s: &str, parties: &Parties, terms: &Terms) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let sides = parties
        .agency_aliases
        .iter()
        .map(|a| (a.as_str(), Side::Agency))
        .chain(parties.counterparty_aliases.iter().map(|a| (a.as_str(), Side::Counterparty)))
        .chain([("both parties", Side::Both), ("each party", Side::Both), ("the parties", Side::Both), ("either party", Side::Both)])
        // "A party will not ... disclose the other party's Confidential Information": the
        // promise of either side ("neither party shall" is that promise negated).
        .chain([("a party", Side::Both), ("neither party", Side::Both)]);
    let bytes = s.as_bytes();
    for (alias, side) in sides.filter(|(a, _)| !a.is_empty()) {
        for (at, _) in s.match_indices(alias) {
            let end = at + alias.len();
            let bounded_before = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
            let bounded_after = end == s.len() || !bytes[end].is_ascii_alphanumeric();
            // "(i)" numbers a list item; it is no one speaking.
            let numeral = alias == "i" && (s[..at].ends_with('(') || s[end..].starts_with(')'));
            // "a party" binds only as a subject ("a party will not disclose"), not "assigned by a
            // party" or "a party to this agreement".
            let subject =
                || [" will ", " shall ", " must ", " may not ", " agrees ", " undertakes "].iter().any(|w| s[end..].starts_with(w));
            if !(bounded_before && bounded_after) || numeral || alias == "a party" && !subject() {
                continue;
            }
            let rest = &s[at..];
            let longer_term =
                terms.terms.iter().any(|t| t.name.len() > alias.len() && t.name.starts_with(alias) && rest.starts_with(t.name.as_str()))
                    || parties.other_terms.iter().any(|t| t.len() > alias.len() && t.starts_with(alias) && rest.starts_with(t.as_str()));
            // "the Contractor Tools", "Supplier Materials" where the draft does not define them.
            let names_things = || {
                s[end..].strip_prefix(' ').is_some_and(|r| {
                    THINGS
                        .iter()
                        .any(|n| r.strip_prefix(n).is_some_and(|t| !t.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '\'')))
                })
            };
            if longer_term {
                continue;
            }
            let possessive = s[end..].starts_with("'s") || s[end..].starts_with("s'") || matches!(alias, "our" | "your" | "its" | "their");
            out.push(Mention { start: at, end, side, possessive, things: names_things() });
        }
    }
    out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    // Overlapping mentions ("the client" and "client"): the longest wins.
    let mut kept: Vec<Mention> = Vec::with_capacity(out.len());
    for m in out {
        if kept.last().is_none_or(|k| m.start >= k.end) {
            kept.push(m);
        }
    }
    referred_back(s, &mut kept);
    kept
}

/// "... belonging to the SECOND CONTRACTING PARTY, the latter grants to the FIRST CONTRACTING
/// PARTY": "the latter" is the party named last, "the former" the other one named before it.
/// One pass over the mentions and the words together, so a long sentence stays linear.
fn referred_back(s: &str, mentions: &mut Vec<Mention>) {
    let mut found: Vec<(usize, &str)> = s.match_indices("the latter").chain(s.match_indices("the former")).collect();
    if found.is_empty() {
        return;
    }
    found.sort_unstable();
    let mut out = Vec::with_capacity(mentions.len() + found.len());
    let (mut last, mut other) = (None, None);
    let mut named = mentions.iter().copied().peekable();
    for (at, word) in found {
        while let Some(m) = named.next_if(|m| m.end <= at) {
            if !m.possessive && matches!(m.side, Side::Agency | Side::Counterparty) && last != Some(m.side) {
                (other, last) = (last, Some(m.side));
            }
            out.push(m);
        }
        let side = if word == "the latter" { last } else { other };
        if let Some(side) = side {
            out.push(Mention { start: at, end: at + word.len(), side, possessive: false, things: false });
        }
    }
    out.extend(named);
    *mentions = out;
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// The regular expressions the three scans replaced, which they must agree with.
    fn regex(source: &str) -> regex::Regex {
        regex::Regex::new(source).expect("regex")
    }

    fn text() -> impl Strategy<Value = String> {
        let word = prop::sample::select(vec![
            "is",
            "are",
            "be",
            "been",
            "being",
            "this",
            "island",
            "as",
            "has",
            "qualifies",
            "treated",
            "deemed",
            "considered",
            "constitutes",
            "constitute",
            "by",
            "the",
            "solely",
            "jointly",
            "developed",
            "redeveloped",
            "made",
            "licensed",
            "supplied",
            "reduced to practice",
            "or on behalf of",
            "behalf",
            "hereby",
            "also",
            "automatically",
            "work",
            "é",
            "_",
            "-",
            ",",
            "(",
            "9",
        ]);
        prop::collection::vec((word, prop::sample::select(vec![" ", "", "  "])), 0..12)
            .prop_map(|parts| parts.into_iter().flat_map(|(w, s)| [w, s]).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        #[test]
        fn the_scans_read_as_the_patterns_did(t in text()) {
            let hire = regex(r"(?-u:\b)(?:is|are|be|been|being|considered|deemed|constitutes?|as|qualif(?:y|ies) as|treated as)(?-u:\b)");
            let made = regex(r"(?:developed|created|made|conceived|invented|authored|written|generated|produced|prepared|discovered|built|owned|possessed|held|acquired|purchased|supplied|provided|furnished|licensed|reduced to practice) (?:solely |independently |exclusively |jointly |directly |separately )?by (?:or on behalf of )?(?:the )?$");
            let passive = regex(r"(?:is|are|be|been|being)(?: hereby| also| automatically)? $");
            prop_assert_eq!(super::hire_verb(&t), hire.is_match(&t), "{:?}", t);
            prop_assert_eq!(super::made_by(&t), made.is_match(&t), "{:?}", t);
            prop_assert_eq!(super::passive(&t), passive.is_match(&t), "{:?}", t);
        }
    }

    #[test]
    fn the_scans_read_examples() {
        assert!(super::hire_verb("shall be treated as"));
        assert!(!super::hire_verb("this island"));
        assert!(super::made_by("the software developed solely by the "));
        assert!(!super::made_by("the software developed by"));
        assert!(super::passive("the client is hereby "));
        assert!(!super::passive("the client is hereby"));
    }
}
