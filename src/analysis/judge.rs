//! Judging provisions: the library's provision rules (`clause-library/reading/rules.json`) turned
//! into findings that say what a clause does and why it hurts the agency; the phrase findings
//! the provisions contradict (a negation, a retention, a grant to the agency, a definition of a
//! term nothing transfers) dropped; and missing protections asked only of drafts that transfer.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde::Deserialize;

use super::{Finding, FindingKind, Ladders, Offer, Parties};
use crate::ingest::Document;
use crate::library::{ClauseLibrary, Concern, Direction, Severity};
use crate::reading::{Attribute, Feature, Kind, Provision, Reading, Side, Standing, Timing};
use crate::segment::Clause;
use crate::text::Normalised;

/// The embedded provision rules, as JSON.
pub static EMBEDDED_RULES: &str = include_str!("../../clause-library/reading/rules.json");

/// A fact of the whole draft a rule can ask about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fact {
    /// Something of the agency's passes to the counterparty.
    Transfer,
    /// Something passes to the counterparty that was not made for this engagement alone: the
    /// agency's prior work may be in it.
    OpenTransfer,
    /// The deliverables pass, and nothing the agency brought is named in them: its prior work
    /// is in them only as far as it is built into them.
    DeliverablesTransfer,
    /// Some transfer waits for payment.
    PaymentCondition,
    /// The agency's pre-existing IP is kept out of the transfer.
    PriorCarveOut,
    /// The agency gets a licence back, or keeps its general methods.
    LicenceBack,
    /// The agency keeps the general knowledge and skills its people gain.
    Residuals,
    /// The agency may not use information that takes in know-how and methods (a confidentiality
    /// clause whose information includes "know-how and processes").
    KnowHowBarred,
    /// The agency promises to keep the counterparty's information confidential.
    ConfidenceBound,
    /// The agency keeps something, or the counterparty is denied something, in any words: a
    /// carve-out the reader may not have taken for one of prior work.
    AgencyKeeps,
    /// The agency is barred from using prior work of its own or of others ("will not use any
    /// third party Pre-Existing Intellectual Property").
    PriorBarred,
    /// The agency says none of its prior work is in what passes ("no pre-existing or background
    /// intellectual property of the Supplier is incorporated into the Platform").
    PriorDisclaimed,
    /// The agency keeps its models ("models, prompts, source code ... remain the exclusive
    /// property of Evonix").
    ModelsKept,
    /// What both sides own together each may use and license ("Each Party shall have the right
    /// to use, license, and exploit the Joint IP without accounting to ... the other").
    JointUse,
    /// The services are given for nothing: there is no payment for a transfer to wait for.
    Unpaid,
    /// The agency keeps its methods ("retains ownership of the model architectures, training
    /// and fine-tuning methodology").
    MethodsKept,
}

/// What the provisions say of a missing protection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    No,
    Yes,
    /// Asked whatever words of the library's the draft holds: the draft disclaims the protection
    /// they seem to give ("confirms that no pre-existing ... intellectual property of the Supplier
    /// is incorporated" names pre-existing IP only to give it up).
    Regardless,
    /// Asked, at low severity: the protection matters less here (nothing passes, but a promise
    /// of confidence could be read to take in what the agency's people learn).
    Minor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Anchor {
    #[default]
    Provision,
    /// Also at each definition that gives the rule's `anchor_feature`.
    Definition,
    /// At each definition that gives the rule's `anchor_feature`, and at the provision only
    /// where none does: the definition is what the draft should change ("conceived by the
    /// Contractor, alone or with others"), not each sentence that assigns the term.
    DefinitionOnly,
}

/// One provision rule of `clause-library/reading/rules.json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    id: String,
    library_clause: String,
    concern: Concern,
    severity: Severity,
    kinds: Vec<Kind>,
    #[serde(default)]
    giver: Vec<Side>,
    #[serde(default)]
    receiver: Vec<Side>,
    #[serde(default)]
    features_any: Vec<Feature>,
    #[serde(default)]
    features_all: Vec<Feature>,
    #[serde(default)]
    features_none: Vec<Feature>,
    /// Features the object's own words must name (not through its defined terms).
    #[serde(default)]
    object_any: Vec<Feature>,
    /// Features the object's own words must not name ("shall not use the Confidential
    /// Information", but not "the Works" whose definition mentions data).
    #[serde(default)]
    object_none: Vec<Feature>,
    #[serde(default)]
    attributes_any: Vec<Attribute>,
    #[serde(default)]
    attributes_all: Vec<Attribute>,
    #[serde(default)]
    attributes_none: Vec<Attribute>,
    #[serde(default)]
    timing: Vec<TimingId>,
    carve_out: Option<bool>,
    /// Whether the object has an exception of any kind ("except as Client approves").
    excepted: Option<bool>,
    /// Whether the object already belongs to the counterparty; unset, only restrictions may
    /// be on the counterparty's things (its confidential information).
    theirs: Option<bool>,
    /// Whether the object must be something the draft transfers to the counterparty (a
    /// licence back of "the Platform" assigned in 12.1, not of the client's own websites).
    #[serde(default)]
    transferred: bool,
    #[serde(default)]
    draft_has: Vec<Fact>,
    #[serde(default)]
    draft_lacks: Vec<Fact>,
    /// Words the trigger itself must contain.
    #[serde(default)]
    trigger_any: Vec<String>,
    #[serde(default)]
    anchor: Anchor,
    anchor_feature: Option<Feature>,
    explanation: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum TimingId {
    OnPayment,
    OnCreation,
    Elsewhere,
    OnTermination,
    Unstated,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Rules {
    #[allow(dead_code)]
    about: String,
    rules: Vec<Rule>,
}

/// Reads provision rules from their JSON text; the message says where it is wrong.
pub fn parse_rules(json: &str) -> Result<Vec<Rule>, String> {
    serde_json::from_str::<Rules>(json).map(|r| r.rules).map_err(|e| e.to_string())
}

/// The embedded provision rules, checked against the library by the test suite.
pub fn embedded_rules() -> &'static [Rule] {
    static RULES: std::sync::LazyLock<Vec<Rule>> = std::sync::LazyLock::new(|| match parse_rules(EMBEDDED_RULES) {
        Ok(r) => r,
        Err(e) => panic!("embedded provision rules are invalid: {e}"),
    });
    &RULES
}

/// Whether the provisions ask for a missing protection: the protections that only matter when
/// something passes to the counterparty are asked exactly then, unless the draft already gives
/// the agency that protection in other words. `None` for the protections the provisions say
/// nothing about.
pub fn asked(concern: Concern, facts: &HashSet<Fact>) -> Option<Asked> {
    let yes = |asked: bool| if asked { Asked::Yes } else { Asked::No };
    let answered_by = match concern {
        Concern::AssignmentBeforePayment => Fact::PaymentCondition,
        Concern::NoLicenseBack => Fact::LicenceBack,
        Concern::NoResiduals => {
            let bites = facts.contains(&Fact::Transfer) || facts.contains(&Fact::KnowHowBarred);
            let kept = facts.contains(&Fact::Residuals);
            let bound = facts.contains(&Fact::ConfidenceBound);
            return Some(if !kept && !bites && bound { Asked::Minor } else { yes(bites && !kept) });
        }
        Concern::PreExistingIp => Fact::PriorCarveOut,
        Concern::ModelOwnership => {
            return Some(Asked::No).filter(|_| !facts.contains(&Fact::Transfer) || facts.contains(&Fact::ModelsKept));
        }
        _ => return None,
    };
    let unpaid = concern == Concern::AssignmentBeforePayment && facts.contains(&Fact::Unpaid);
    // What was made for this engagement alone holds none of the agency's prior work, and the
    // deliverables hold it only as built into them: a lesser point.
    let open = concern != Concern::PreExistingIp || facts.contains(&Fact::OpenTransfer);
    let asked = facts.contains(&Fact::Transfer) && !facts.contains(&answered_by) && !unpaid;
    if asked && !open && facts.contains(&Fact::DeliverablesTransfer) {
        return Some(Asked::Minor);
    }
    let asked = asked && open;
    // Where the agency keeps nothing at all but is barred from using prior work, the library's
    // words for a carve-out are that bar's ("will not use any third party Pre-Existing
    // Intellectual Property").
    let barred_only = facts.contains(&Fact::PriorBarred) && !facts.contains(&Fact::AgencyKeeps);
    let regardless = facts.contains(&Fact::PriorDisclaimed) || barred_only;
    Some(if asked && concern == Concern::PreExistingIp && regardless { Asked::Regardless } else { yes(asked) })
}

/// What the transfers to the counterparty take: anything (`Transfer`); possibly the agency's
/// prior work (`OpenTransfer`); the deliverables alone (`DeliverablesTransfer`).
fn transfer_facts(transfers: &[&Provision]) -> Vec<Fact> {
    let mut facts = Vec::new();
    if !transfers.is_empty() {
        facts.push(Fact::Transfer);
    }
    // What is made for this engagement alone, or named in its schedule or order ("the
    // Deliverables described in Schedule A"), is the deliverables, not everything the agency
    // brings; so is the deliverables alone ("Title to each Deliverable vests in the City"),
    // unless a definition makes them more.
    let beyond = [Feature::Broad, Feature::Prior, Feature::Methods, Feature::Models];
    let deliverables = |p: &Provision| p.own_features.has(Feature::DeliverablesOnly) && !beyond.iter().any(|&f| p.features.has(f));
    let scheduled = |p: &Provision| p.features.has(Feature::Bespoke) || p.own_features.has(Feature::Scoped);
    if transfers.iter().any(|p| !(scheduled(p) || deliverables(p)) || p.features.has(Feature::Prior)) {
        facts.push(Fact::OpenTransfer);
    }
    if transfers.iter().any(|p| deliverables(p) && !scheduled(p)) {
        facts.push(Fact::DeliverablesTransfer);
    }
    facts
}

/// What the whole draft says, as facts rules can ask about.
pub fn facts(reading: &Reading, parties: &Parties) -> HashSet<Fact> {
    let mut facts = HashSet::new();
    let p = &reading.provisions;
    // Without the agency's party, any transfer not to the agency may be to the client.
    let unknown_transfer = |p: &Provision| {
        parties.agency_aliases.is_empty() && p.kind.transfers() && !p.negated() && p.receiver != Side::Agency && !p.counterparty_owned
    };
    let transfer = |p: &&Provision| (p.transfers_to_counterparty() || unknown_transfer(p)) && p.about_work();
    let transfers: Vec<&Provision> = p.iter().filter(transfer).collect();
    facts.extend(transfer_facts(&transfers));
    if p.iter().any(|p| p.kind.transfers() && p.timing == Timing::OnPayment) {
        facts.insert(Fact::PaymentCondition);
    }
    let agency_keeps = |p: &&Provision| {
        matches!(p.kind, Kind::Retention | Kind::Ownership) && !p.negated() && p.receiver == Side::Agency
            || matches!(p.kind, Kind::Retention) && !p.negated() && p.receiver == Side::Both
    };
    // "The Evonix AI platform, algorithms, models ... remain the exclusive property of Evonix":
    // the agency's own tools kept out of what passes, in other words.
    let tools = |p: &Provision| p.own_features.has(Feature::Methods) || p.own_features.has(Feature::Models);
    // "Nothing in this Agreement shall be construed to transfer to Producer any interest in
    // Vendor's Proprietary Tools": a transfer denied keeps what it names.
    let counterparty_denied = |p: &&Provision| {
        p.kind.transfers()
            && p.negated()
            && p.receiver == Side::Counterparty
            && (p.kind == Kind::Ownership || p.features.has(Feature::Prior) || tools(p))
    };
    // A transfer of a term that leaves the agency's prior work out ("Covered Inventions do
    // not include the Prior Inventions").
    let term_excludes_prior = |p: &Provision| p.terms.iter().any(|&t| reading.terms.terms[t].excluded.has(Feature::Prior));
    // The exceptions of a bar ("except what the Recipient developed independently") carve
    // nothing out of what passes.
    if p.iter().any(|p| agency_keeps(&p) || counterparty_denied(&p) || p.carve_out && p.kind != Kind::Restriction) {
        facts.insert(Fact::AgencyKeeps);
    }
    if p.iter().any(|p| p.kind == Kind::Restriction && p.giver == Side::Agency && p.features.has(Feature::Prior)) {
        facts.insert(Fact::PriorBarred);
    }
    if p.iter().any(|p| p.carve_out && p.kind != Kind::Restriction || p.kind.transfers() && term_excludes_prior(p))
        || p.iter().filter(|p| agency_keeps(p) || counterparty_denied(p)).any(|p| p.features.has(Feature::Prior))
        || p.iter().filter(|p| agency_keeps(p) || counterparty_denied(p)).any(tools)
    {
        facts.insert(Fact::PriorCarveOut);
    }
    if p.iter().filter(agency_keeps).any(|p| p.own_features.has(Feature::Models)) {
        facts.insert(Fact::ModelsKept);
    }
    if p.iter().filter(agency_keeps).any(|p| p.own_features.has(Feature::Methods)) {
        facts.insert(Fact::MethodsKept);
    }
    let licence_to_agency =
        |p: &&Provision| p.kind == Kind::Licence && !p.negated() && p.receiver == Side::Agency && !p.attributes.has(Attribute::Limited);
    // Keeping its pre-existing know-how ("Background IP") leaves the agency nothing of what it
    // made here; keeping the general methods it develops does.
    let keeps_methods =
        |p: &Provision| p.features.has(Feature::Methods) && !p.features.has(Feature::Prior) || p.features.has(Feature::Residuals);
    // What the agency keeps but licenses exclusively to the other side ("We now grant an
    // exclusive license to you for all items ... owned by us") it can no longer use.
    let licensed_away = p.iter().any(|p| {
        p.kind == Kind::Licence
            && !p.negated()
            && p.giver == Side::Agency
            && p.receiver == Side::Counterparty
            && p.attributes.has(Attribute::Exclusive)
            && p.features.has(Feature::Prior)
    });
    if p.iter().any(|p| licence_to_agency(&p) || agency_keeps(&p) && keeps_methods(p) && !licensed_away) {
        facts.insert(Fact::LicenceBack);
    }
    // The agency keeps or is granted its general know-how, in whatever words.
    let keeps_general = |p: &&Provision| {
        matches!(p.kind, Kind::Retention | Kind::Licence | Kind::Ownership)
            && !p.negated()
            && (matches!(p.receiver, Side::Agency | Side::Both) || parties.agency_aliases.is_empty())
    };
    if p.iter().filter(keeps_general).any(|p| p.own_features.has(Feature::Residuals)) {
        facts.insert(Fact::Residuals);
    }
    if p.iter().any(know_how_barred) {
        facts.insert(Fact::KnowHowBarred);
    }
    if p.iter().any(keeps_confidence) {
        facts.insert(Fact::ConfidenceBound);
    }
    let disclaims_prior = |p: &Provision| {
        p.kind == Kind::Warranty
            && p.standing == Standing::Operative
            && matches!(p.giver, Side::Agency | Side::Unknown)
            && p.features.has(Feature::Prior)
            && p.features.has(Feature::Originality)
    };
    if p.iter().any(disclaims_prior) {
        facts.insert(Fact::PriorDisclaimed);
    }
    let joint: Vec<usize> = p.iter().filter(|p| p.kind == Kind::Joint && !p.negated()).flat_map(|p| p.terms.iter().copied()).collect();
    let used_jointly = |p: &Provision| {
        p.kind == Kind::Licence
            && !p.negated()
            && matches!(p.receiver, Side::Both | Side::Agency)
            && !p.attributes.has(Attribute::Limited)
            && p.terms.iter().any(|t| joint.contains(t))
    };
    if p.iter().any(used_jointly) {
        facts.insert(Fact::JointUse);
    }
    if reading.free_of_charge {
        facts.insert(Fact::Unpaid);
    }
    facts
}

/// A licence that cannot be passed on or used beyond a stated purpose ("a non-exclusive,
/// non-transferable licence to use the same solely as incorporated in the Deliverables"): it
/// takes nothing from the agency.
fn narrow_licence(p: &Provision) -> bool {
    p.kind == Kind::Licence
        && (p.attributes.has(Attribute::Limited) || p.attributes.has(Attribute::Personal))
        && ![Attribute::Exclusive, Attribute::Transferable, Attribute::Sublicensable, Attribute::Unlimited]
            .iter()
            .any(|&a| p.attributes.has(a))
}

/// A promise of the agency's (or each party's) not to use or disclose information it must keep
/// confidential: "shall not disclose the other party's Confidential Information", "agrees to
/// keep all such information confidential".
fn keeps_confidence(p: &Provision) -> bool {
    p.kind == Kind::Restriction
        && p.standing == Standing::Operative
        && !p.negated()
        && matches!(p.giver, Side::Agency | Side::Both)
        && p.features.has(Feature::Confidential)
}

/// A bar on the agency's use of information that takes in know-how and methods.
fn know_how_barred(p: &Provision) -> bool {
    p.kind == Kind::Restriction
        && p.standing == Standing::Operative
        && matches!(p.giver, Side::Agency | Side::Both | Side::Unknown)
        && p.features.has(Feature::Confidential)
        && p.features.has(Feature::Methods)
}

impl Rule {
    /// Whether the rule holds of `p`, whose object `transferred` names something the draft
    /// transfers to the counterparty.
    fn holds(&self, p: &Provision, trigger: &str, facts: &HashSet<Fact>, transferred: bool) -> bool {
        let f = p.features;
        // What the object's own words name, or, where it is only a defined term whose
        // definition sweeps things in ("the Results", defined as everything generated during
        // the term, models and methods included), what the definition names.
        let sweeping =
            [Feature::Broad, Feature::Methods, Feature::Models, Feature::Prior].iter().any(|&x| f.has(x)) && !f.has(Feature::Physical);
        // "Intellectual property rights in any other order material hereby vest in the buyer
        // from the date they come into existence": rights in what a term names, passing as it
        // is made, are rights in that work.
        let rights_in_term = p.timing == Timing::OnCreation
            && p.own_features.without([Feature::Ip].into_iter().collect()).is_empty()
            && f.has(Feature::Work);
        let object = if !p.terms.is_empty() && (p.own_features.is_empty() && sweeping || rights_in_term) { f } else { p.own_features };
        let timing = match p.timing {
            Timing::OnPayment => TimingId::OnPayment,
            Timing::OnCreation => TimingId::OnCreation,
            Timing::Elsewhere => TimingId::Elsewhere,
            Timing::OnTermination => TimingId::OnTermination,
            Timing::Unstated => TimingId::Unstated,
        };
        self.kinds.contains(&p.kind)
            && p.standing == Standing::Operative
            && (self.giver.is_empty() || self.giver.contains(&p.giver))
            && (self.receiver.is_empty() || self.receiver.contains(&p.receiver))
            // What the counterparty gives binds the agency only as a licence back of the work.
            && (p.giver != Side::Counterparty || self.transferred && p.receiver == Side::Agency)
            && self.theirs.map_or(!(p.counterparty_owned && p.kind != Kind::Restriction), |t| t == p.counterparty_owned)
            && (!self.transferred || transferred)
            && (self.features_any.is_empty() || self.features_any.iter().any(|&x| f.has(x)))
            && self.features_all.iter().all(|&x| f.has(x))
            && !self.features_none.iter().any(|&x| f.has(x))
            && (self.object_any.is_empty() || self.object_any.iter().any(|&x| object.has(x)))
            && !self.object_none.iter().any(|&x| object.has(x))
            && (self.attributes_any.is_empty() || self.attributes_any.iter().any(|&x| p.attributes.has(x)))
            && self.attributes_all.iter().all(|&x| p.attributes.has(x))
            && !self.attributes_none.iter().any(|&x| p.attributes.has(x))
            && (self.timing.is_empty() || self.timing.contains(&timing))
            && self.carve_out.is_none_or(|c| c == p.carve_out)
            && self.excepted.is_none_or(|e| e == p.excepted)
            && self.draft_has.iter().all(|&x| facts.contains(&x))
            && !self.draft_lacks.iter().any(|&x| facts.contains(&x))
            && (self.trigger_any.is_empty() || self.trigger_any.iter().any(|w| trigger.contains(w.as_str())))
    }
}

/// Everything the judge needs of a draft.
pub struct Judged<'a> {
    pub doc: &'a Document,
    pub norm: &'a Normalised,
    pub clauses: &'a [Clause],
    /// Each clause's range in `norm`.
    pub ranges: &'a [(usize, usize)],
    pub reading: &'a Reading,
    pub parties: &'a Parties,
    pub rules: &'a [Rule],
    /// What the whole draft says ([`facts`]).
    pub facts: HashSet<Fact>,
    /// The defined terms (indices) some provision transfers to the counterparty.
    transferred_terms: HashSet<usize>,
}

impl<'a> Judged<'a> {
    pub fn new(
        doc: &'a Document,
        norm: &'a Normalised,
        clauses: &'a [Clause],
        ranges: &'a [(usize, usize)],
        reading: &'a Reading,
        parties: &'a Parties,
        rules: &'a [Rule],
    ) -> Self {
        let facts = facts(reading, parties);
        let transferred = reading.provisions.iter().filter(|p| p.transfers_to_counterparty());
        // The things transferred, not the parties they pass between ("to the Customer").
        let party = |t: &usize| {
            let name = &reading.terms.terms[*t].name;
            parties.agency_aliases.contains(name) || parties.counterparty_aliases.contains(name)
        };
        let transferred_terms = transferred.flat_map(|p| p.terms.iter().copied()).filter(|t| !party(t)).collect();
        Judged { doc, norm, clauses, ranges, reading, parties, rules, facts, transferred_terms }
    }

    /// The provisions of the sentence holding byte `at` (provisions are in text order, and so
    /// are their sentences), those of a long sentence only within reach of `at`: a draft that
    /// is one sentence is then judged in time linear in its length.
    fn provisions_at(&self, at: usize) -> &[Provision] {
        const REACH: usize = 600;
        let p = &self.reading.provisions;
        let first = p.partition_point(|p| p.sentence.1 <= at);
        // Provisions are in text order, so their sentences are too: the sentence of `at` is
        // found by halving, not by walking it (a one-sentence draft has thousands).
        let last = first + p[first..].partition_point(|p| p.sentence.0 <= at);
        let sentence = &p[first..last];
        let from = sentence.partition_point(|p| p.start + REACH < at);
        let to = sentence.partition_point(|p| p.start <= at + REACH);
        &sentence[from..to.max(from)]
    }

    /// The findings the provision rules give, one per concern and clause.
    pub fn findings(&self, library: &ClauseLibrary) -> Vec<Finding> {
        let facts = &self.facts;
        let mut out: Vec<Finding> = Vec::new();
        // The most severe finding of each concern in each clause (the first of equals).
        let mut best: HashMap<(Concern, usize), usize> = HashMap::new();
        let mut ladders = Ladders::default();
        for p in &self.reading.provisions {
            let trigger = &self.norm.text[p.start..p.end];
            let transferred = p.terms.iter().any(|t| self.transferred_terms.contains(t));
            for rule in self.rules.iter().filter(|r| r.holds(p, trigger, facts, transferred)) {
                let Some(owner) = library.get(&rule.library_clause) else { continue };
                let mut at: Vec<(usize, usize, usize)> = Vec::new();
                if rule.anchor != Anchor::Provision
                    && let Some(feature) = rule.anchor_feature
                {
                    let text = &self.norm.text;
                    let object = &text[p.start..crate::text::floor_char(text, p.sentence.1.min(p.start + 400))];
                    for &t in &p.terms {
                        let named = &self.reading.terms.terms[t];
                        // "synthetic data generated from Client Data": what a work is made from
                        // is not what passes, so its definition is not where the taking shows.
                        let source = |(i, _): (usize, &str)| ["from ", "using "].iter().any(|w| object[..i].ends_with(w));
                        if object.match_indices(named.name.as_str()).any(source) {
                            continue;
                        }
                        // Know-how named through another term is shown where that term is defined.
                        let giving = named.methods_at.filter(|_| feature == Feature::Methods).and_then(|m| self.reading.terms.defining(m));
                        let term = giving.unwrap_or(named);
                        // Work made with others is shown at the words that take it in.
                        let (start, end) = term.joint_at.filter(|_| feature == Feature::JointWork).unwrap_or((term.start, term.end));
                        // The provision's own words inside the definition that give the
                        // feature are shown rather than the whole definition ("intellectual
                        // property that Vendor can substantiate were ... owned").
                        let inside = p.feature_at.iter().find(|&&(f, s, e)| f == feature && s >= start && e <= end);
                        let (start, end) = inside.map_or((start, end), |&(_, s, e)| (s, e));
                        if term.features.has(feature) {
                            at.push((start, end, self.clause_at(start)));
                        }
                        // And where a sentence of its own adds it ("the Contract Material
                        // includes all ... methods ... and know-how").
                        for &(s, e, _) in named.additions.iter().filter(|a| a.2.has(feature)) {
                            at.push((s, e, self.clause_at(s)));
                        }
                    }
                    // Named in what the provision conveys, or in the list it introduces:
                    // highlighted there ("including code, designs, prompts").
                    if at.is_empty()
                        && let Some(&(_, s, e)) = p.feature_at.iter().find(|&&(f, _, _)| f == feature)
                    {
                        at.push((s, e, self.clause_at(s)));
                    }
                }
                // A licence whose terms are the harm is highlighted at those terms.
                let terms_are_the_harm = matches!(rule.concern, Concern::TransferableLicense | Concern::PerpetualIrrevocableGrant);
                let wanted: Vec<(usize, usize)> = p
                    .attribute_at
                    .iter()
                    .filter(|(a, _, _)| terms_are_the_harm && (rule.attributes_any.contains(a) || rule.attributes_all.contains(a)))
                    .map(|&(_, s, e)| (s, e))
                    .collect();
                // Terms in the grant's own words are shown there; terms only its licence's
                // definition gives ("Licence means ... everlasting, irrevocable"), at the definition.
                let (near, defined): (Vec<_>, Vec<_>) =
                    wanted.into_iter().partition(|w| w.0 >= p.sentence.0.min(p.start) && w.1 <= p.sentence.1.max(p.end));
                let in_definition = near.is_empty() && !defined.is_empty();
                let wanted = if in_definition { defined } else { near };
                match (wanted.iter().map(|w| w.0).min(), wanted.iter().map(|w| w.1).max()) {
                    _ if rule.anchor == Anchor::DefinitionOnly && !at.is_empty() => {}
                    (Some(start), Some(end)) if in_definition => at.push((start, end, self.clause_at(start))),
                    (Some(start), Some(end)) => at.push((start, end, p.clause)),
                    _ => at.push((p.start, p.end, p.clause)),
                }
                for (start, end, k) in at {
                    match best.get(&(rule.concern, k)) {
                        Some(&i) if out[i].severity >= rule.severity => {}
                        Some(&i) => out[i] = self.finding((owner, ladders.of(owner)), rule, p, start, end, k),
                        None => {
                            best.insert((rule.concern, k), out.len());
                            out.push(self.finding((owner, ladders.of(owner)), rule, p, start, end, k));
                        }
                    }
                }
            }
        }
        out
    }

    /// The clause (position) where a missing protection bites: residuals where the agency is
    /// barred from using what it learns, the others where rights first pass to the client.
    pub fn where_missing_bites(&self, concern: Concern) -> Option<usize> {
        let p = &self.reading.provisions;
        // "shall maintain confidentiality with regard to all information about customers":
        // the promise names what is barred as confidential, or the sentence before it in its
        // clause does ("may disclose confidential information ... Such information shall be
        // safeguarded and not disclosed").
        let barred = |p: &&Provision| {
            let clause_start = self.ranges.get(p.clause).map_or(p.start, |r| r.0);
            let from = crate::text::floor_char(&self.norm.text, p.start.saturating_sub(300).max(clause_start).min(p.start));
            p.kind == Kind::Restriction
                && matches!(p.giver, Side::Agency | Side::Both | Side::Unknown)
                && (p.features.has(Feature::Confidential)
                    || p.features.has(Feature::Methods)
                    || ["confidential", "sensitive"].iter().any(|w| self.norm.text[from..p.end].contains(w)))
        };
        // The definition that takes know-how into barred information, else the bar.
        // Nothing passes, but a promise of confidence binds the agency: that promise.
        if concern == Concern::NoResiduals && !self.facts.contains(&Fact::Transfer) && !self.facts.contains(&Fact::KnowHowBarred) {
            return p.iter().find(|p| keeps_confidence(p)).map(|p| p.clause);
        }
        if concern == Concern::NoResiduals && !self.facts.contains(&Fact::Transfer) {
            let q = p.iter().find(|p| know_how_barred(p))?;
            let terms = &self.reading.terms.terms;
            let at = q.terms.iter().find_map(|&t| terms[t].methods_at);
            return Some(at.map_or(q.clause, |at| self.clause_at(at)));
        }
        let transfer = |p: &&Provision| p.transfers_to_counterparty() && p.about_work();
        let stripped = |p: &&Provision| {
            p.kind == Kind::Ownership
                && p.negated()
                && p.receiver == Side::Agency
                && !p.counterparty_owned
                && !p.features.has(Feature::Data)
                && !p.features.has(Feature::Confidential)
        };
        // The definition that sweeps know-how into what is transferred.
        let know_how = || {
            let terms = &self.reading.terms.terms;
            let t = terms.iter().enumerate().find(|(i, t)| self.transferred_terms.contains(i) && t.features.has(Feature::Methods))?;
            Some(self.clause_at(t.1.start))
        };
        match concern {
            Concern::NoResiduals => {
                // A bar on the agency's use of the work itself takes what it learned in it; a bar
                // on competing ("shall not provide similar services") is a point of its own.
                let work_barred = |p: &&Provision| {
                    p.kind == Kind::Restriction
                        && p.giver == Side::Agency
                        && p.about_work()
                        && !p.features.has(Feature::Competition)
                        && !p.counterparty_owned
                        && !p.negated()
                };
                // A bar on using or disclosing comes before a promise to keep secrets ("shall
                // maintain the confidentiality of").
                let keeping = |q: &&Provision| {
                    self.norm.text[q.start..q.end]
                        .split_whitespace()
                        .take(3)
                        .any(|w| ["maintain", "keep", "hold", "preserve", "treat"].contains(&w))
                };
                return p
                    .iter()
                    .filter(barred)
                    .find(|q| !keeping(q))
                    .or_else(|| p.iter().find(barred))
                    .or_else(|| p.iter().find(work_barred))
                    .map(|p| p.clause)
                    .or_else(know_how)
                    .or_else(|| p.iter().find(transfer).map(|p| p.clause));
            }
            // What is conveyed (the carve-out and the condition belong to the conveyance)...
            Concern::PreExistingIp | Concern::AssignmentBeforePayment => {
                p.iter().filter(transfer).find(|p| p.kind == Kind::Assignment).or_else(|| p.iter().find(transfer))
            }
            // ... and whoever first gives the client ownership (outside a definition, where
            // it can: the licence back answers the operative clause).
            // "the Contractor does not have any rights to it": where the agency is left with
            // nothing is where the licence back is missing.
            Concern::NoLicenseBack if let Some(q) = p.iter().find(|p| stripped(p)) => Some(q),
            // "the Customer grants to the Supplier, for the Term, a licence to use the Platform
            // solely to perform the Services": the licence back falls short where it is given.
            Concern::NoLicenseBack if let Some(q) = p.iter().find(|p| self.limited_licence_back(p)) => Some(q),
            Concern::NoLicenseBack | Concern::ModelOwnership => {
                let defining = |p: &&Provision| self.reading.terms.defining(p.end).is_some_and(|t| t.means);
                p.iter().filter(transfer).find(|p| !defining(p)).or_else(|| p.iter().find(transfer))
            }
            _ => None,
        }
        .map(|p| p.clause)
    }

    /// Whether `p` licenses back to the agency, for a limited use, something the draft
    /// transfers to the counterparty.
    fn limited_licence_back(&self, p: &Provision) -> bool {
        p.kind == Kind::Licence
            && p.receiver == Side::Agency
            && !p.negated()
            && p.attributes.has(Attribute::Limited)
            && p.terms.iter().any(|t| self.transferred_terms.contains(t))
    }

    /// Whether the sentence holding byte `at` defines a term or names a transfer of rights in
    /// any words: an assignment, ownership, a licence or grant, title, work made for hire, or
    /// says what something means or includes.
    fn defines_or_speaks_of_a_transfer(&self, at: usize) -> bool {
        const REACH: usize = 1_500;
        let text = &self.norm.text;
        let (clause_start, clause_end) = self.ranges.get(self.clause_at(at)).copied().unwrap_or((0, text.len()));
        let lo = crate::text::ceil_char(text, at.saturating_sub(REACH).max(clause_start).min(at));
        let hi = crate::text::floor_char(text, (at + REACH).min(clause_end).max(at));
        let ends = |i: usize| crate::text::ends_sentence(text, i);
        let from = crate::text::full_stops(&text[lo..at]).rev().find(|i| ends(lo + i)).map_or(lo, |i| lo + i + 2);
        let to = crate::text::full_stops(&text[at..hi]).find(|i| ends(at + i)).map_or(hi, |i| at + i + 1);
        let terms = &self.reading.terms;
        let last = terms.terms.partition_point(|t| t.start < to);
        if terms.terms[..last].iter().rev().take(8).any(|t| t.end > from) {
            return true;
        }
        let words: Vec<&str> = text[from..to].split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        words.iter().enumerate().any(|(i, w)| {
            const STEMS: [&str; 8] = ["assign", "transfer", "convey", "vest", "belong", "licen", "grant", "hire"];
            STEMS.iter().any(|s| w.starts_with(s))
                || matches!(*w, "owns" | "owned" | "owner" | "owners" | "ownership" | "title")
                // "for its own benefit" speaks of no ownership.
                || *w == "own" && !i.checked_sub(1).is_some_and(|k| matches!(words[k], "its" | "their" | "his" | "her" | "our" | "your" | "my"))
                // "Work Product includes all materials ...": a definition the term reader missed.
                || matches!(*w, "means" | "mean" | "includes" | "include" | "comprises" | "comprise")
                || (*w == "property" && words.get(i + 1) == Some(&"of"))
        })
    }

    fn clause_at(&self, at: usize) -> usize {
        self.ranges.partition_point(|&(_, e)| e <= at).min(self.clauses.len().saturating_sub(1))
    }

    fn finding(
        &self,
        (owner, fallbacks): (&crate::library::StandardClause, Arc<[Offer]>),
        rule: &Rule,
        p: &Provision,
        start: usize,
        end: usize,
        k: usize,
    ) -> Finding {
        // The phrase stays inside its clause (a provision read on into a list goes on past
        // it) and starts and ends on a word, never on the space between two clauses.
        let (from, to) = self.ranges[k];
        let (start, end) = if start < to && end > from { (start.max(from), end.min(to)) } else { (start, end) };
        let piece = &self.norm.text[start..end];
        let start = start + (piece.len() - piece.trim_start().len());
        let end = (end - (piece.len() - piece.trim_end().len())).max(start + 1);
        let (start, end) = self.norm.original_range(start, crate::text::ceil_char(&self.norm.text, end));
        let phrase = self.doc.text[start..end].to_owned();
        // "we" and "you" read wrongly in the third person ("the licence we gives you").
        let named = |party: &Option<String>, or: &str| {
            party.clone().filter(|n| !super::parties::is_pronoun(&n.to_lowercase())).unwrap_or_else(|| or.into())
        };
        let name = |side: Side| match side {
            Side::Agency => named(&self.parties.agency, "the agency"),
            Side::Counterparty => named(&self.parties.counterparty, "the client"),
            Side::Both => "both parties".into(),
            Side::Unknown => "the other side".into(),
        };
        // The defined terms that gave the rule what it looks for (a party's name is no such term).
        let wanted = rule.features_any.iter().chain(&rule.features_all).chain(&rule.anchor_feature).copied().collect::<Vec<_>>();
        let terms: Vec<String> = p
            .terms
            .iter()
            .map(|&t| &self.reading.terms.terms[t])
            .filter(|t| !self.parties.is_agency(&t.name) && !self.parties.is_counterparty(&t.name))
            .filter(|t| wanted.is_empty() || wanted.iter().any(|&f| t.features.has(f)))
            .map(|t| format!("\u{201c}{}\u{201d}", t.name))
            .take(3)
            .collect();
        let terms = if terms.is_empty() { String::new() } else { format!(" (through {})", terms.join(", ")) };
        let timing = match p.timing {
            Timing::OnCreation => "as soon as the work exists",
            Timing::OnPayment => "on payment",
            Timing::Elsewhere => "at a time set elsewhere in the draft",
            Timing::OnTermination => "on termination",
            Timing::Unstated => "on signature",
        };
        let mut explanation = rule
            .explanation
            .replace("{receiver}", &name(p.receiver))
            .replace("{giver}", &name(p.giver))
            .replace("{terms}", &terms)
            .replace("{timing}", timing);
        // A provision read from a clause the draft cites by number ("FAR 52.227-17"): its
        // phrase is that number, and the explanation says where the effect comes from.
        let cited = &self.norm.text[p.start..p.end];
        if cited.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-') {
            explanation = format!("The clause cited here ({cited}) provides this. {explanation}");
        }
        let mut severity = rule.severity;
        if rule.giver.iter().chain(&rule.receiver).any(|s| *s != Side::Both) {
            if self.parties.agency_aliases.is_empty() {
                severity = severity.min(Severity::Low);
                explanation.push_str(" (Severity lowered: the agency's party was not found in the draft; name it with --agency-party.)");
            } else if self.parties.uncertain {
                severity = severity.min(Severity::Low);
                explanation
                    .push_str(" (Severity lowered: the draft does not make clear which party is the agency; name it with --agency-party.)");
            }
        }
        Finding {
            kind: FindingKind::Phrase,
            concern: rule.concern,
            rule: format!("{}/{}", owner.id, rule.id),
            library_clause: owner.id.clone(),
            severity,
            clause: Some(self.clauses[k].index),
            start: Some(start),
            end: Some(end),
            phrase: Some(phrase),
            explanation,
            fallbacks,
            insert: None,
        }
    }

    /// Whether the provisions of a phrase finding's place contradict it: every provision
    /// there is negated, keeps rights with the agency or gives them to it, or the phrase
    /// lies in the definition of a term that nothing transfers to the counterparty.
    pub fn contradicts(&self, library: &ClauseLibrary, f: &Finding, at: usize) -> bool {
        let Some(rule) = library.get(&f.library_clause).and_then(|c| c.rules.iter().find(|r| f.rule.ends_with(&format!("/{}", r.id))))
        else {
            return false;
        };
        let here: Vec<&Provision> = self.provisions_at(at).iter().collect();
        let transfer_concern = rule.direction == Direction::ToCounterparty;
        // A sentence that does nothing the reader knows and does not speak of a transfer
        // ("shall notify ... any infringement arising from or in connection with the Services")
        // takes nothing, however broad its words; "This assignment covers all ..." speaks of one.
        // So does a sentence that only binds ("must keep confidential all work product").
        // Whether ownership waits for payment is a question of what transfers it: a licence
        // beside a vesting in the agency ("vest in the Contractor upon conception, and the
        // Contractor grants to Canada a ... licence") transfers nothing.
        let timing_only = f.concern == Concern::AssignmentBeforePayment;
        let relevant: Vec<&&Provision> = here
            .iter()
            .filter(|p| p.kind.transfers() || matches!(p.kind, Kind::Retention) || p.kind == Kind::Licence && !timing_only)
            .collect();
        if transfer_concern && relevant.is_empty() && !self.defines_or_speaks_of_a_transfer(at) {
            return true;
        }
        if transfer_concern && !here.is_empty() {
            let harmless = |p: &&&Provision| {
                p.negated()
                    || p.receiver == Side::Agency
                    || p.kind == Kind::Retention
                    || p.giver == Side::Counterparty
                    || p.counterparty_owned
                    || narrow_licence(p)
            };
            if !relevant.is_empty() && relevant.iter().all(harmless) {
                return true;
            }
        }
        // Ownership made to wait for payment by a clause that overrides this one's words.
        let transfers = || here.iter().filter(|p| p.kind.transfers() && !p.negated());
        if f.concern == Concern::AssignmentBeforePayment
            && transfers().next().is_some()
            && transfers().all(|p| self.reading.paid_by_override.contains(&p.start))
        {
            return true;
        }
        // "All Work Product shall vest", where Work Product means only the deliverables listed
        // in a Statement of Work: the words are broad, what they name is not.
        let scoped = |p: &&Provision| p.features.has(Feature::Scoped) && !p.features.has(Feature::Broad);
        if f.concern == Concern::BroadWorkProduct && transfers().next().is_some() && transfers().all(scoped) {
            return true;
        }
        if f.concern == Concern::WorkMadeForHire
            && here.iter().any(|p| p.kind == Kind::HireWork)
            && here.iter().filter(|p| p.kind == Kind::HireWork).all(|p| p.negated())
        {
            return true;
        }
        if transfer_concern && let Some(term) = self.reading.terms.defining(at) {
            let index = self.reading.terms.terms.iter().position(|t| std::ptr::eq(t, term));
            let transferred = index.is_some_and(|i| self.transferred_terms.contains(&i));
            let operative = here.iter().any(|p| p.transfers_to_counterparty());
            return !transferred && !operative;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_names_a_library_clause() {
        let library = ClauseLibrary::embedded();
        for rule in embedded_rules() {
            assert!(library.get(&rule.library_clause).is_some(), "rule {} names unknown clause {}", rule.id, rule.library_clause);
        }
    }
}
