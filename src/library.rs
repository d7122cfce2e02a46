//! The agency's clause library: standard clauses written in the agency's favour, the risky
//! patterns that threaten each, and the ladder of fallbacks to offer. Loaded from JSON files
//! (one clause per file), by default the library embedded in the binary.

mod check;
pub(crate) mod pattern;
mod search;

use std::fmt;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use serde::{Deserialize, Serialize};

pub use check::{LibraryError, Problem};
pub use pattern::{Pattern, WordPlaces, searched};
pub use search::words;

static EMBEDDED: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/clause-library");

/// What kind of risk a finding is about. The ids are the project's shared vocabulary
/// (DOMAIN.md): they appear in the clause library, the JSON output and sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Concern {
    BroadWorkProduct,
    WorkMadeForHire,
    PreExistingIp,
    MethodologyTransfer,
    ModelOwnership,
    AssignmentBeforePayment,
    NoLicenseBack,
    NoResiduals,
    JointIp,
    TransferableLicense,
    ClientData,
    Derivatives,
    MoralRightsWaiver,
    NonCompete,
    OpenSource,
    PerpetualIrrevocableGrant,
}

impl Concern {
    pub const ALL: [Concern; 16] = [
        Concern::BroadWorkProduct,
        Concern::WorkMadeForHire,
        Concern::PreExistingIp,
        Concern::MethodologyTransfer,
        Concern::ModelOwnership,
        Concern::AssignmentBeforePayment,
        Concern::NoLicenseBack,
        Concern::NoResiduals,
        Concern::JointIp,
        Concern::TransferableLicense,
        Concern::ClientData,
        Concern::Derivatives,
        Concern::MoralRightsWaiver,
        Concern::NonCompete,
        Concern::OpenSource,
        Concern::PerpetualIrrevocableGrant,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Concern::BroadWorkProduct => "broad-work-product",
            Concern::WorkMadeForHire => "work-made-for-hire",
            Concern::PreExistingIp => "pre-existing-ip",
            Concern::MethodologyTransfer => "methodology-transfer",
            Concern::ModelOwnership => "model-ownership",
            Concern::AssignmentBeforePayment => "assignment-before-payment",
            Concern::NoLicenseBack => "no-license-back",
            Concern::NoResiduals => "no-residuals",
            Concern::JointIp => "joint-ip",
            Concern::TransferableLicense => "transferable-license",
            Concern::ClientData => "client-data",
            Concern::Derivatives => "derivatives",
            Concern::MoralRightsWaiver => "moral-rights-waiver",
            Concern::NonCompete => "non-compete",
            Concern::OpenSource => "open-source",
            Concern::PerpetualIrrevocableGrant => "perpetual-irrevocable-grant",
        }
    }
}

impl Concern {
    /// The concern as a person names it, for text meant to be read rather than parsed.
    pub fn title(self) -> &'static str {
        match self {
            Concern::BroadWorkProduct => "Broad work-product grant",
            Concern::WorkMadeForHire => "Work made for hire",
            Concern::PreExistingIp => "Pre-existing IP taken",
            Concern::MethodologyTransfer => "Methodology and know-how transferred",
            Concern::ModelOwnership => "Models and weights taken",
            Concern::AssignmentBeforePayment => "Assignment before payment",
            Concern::NoLicenseBack => "No license back to the agency",
            Concern::NoResiduals => "No residuals",
            Concern::JointIp => "Joint IP",
            Concern::TransferableLicense => "Transferable or sublicensable license",
            Concern::ClientData => "Client data terms",
            Concern::Derivatives => "Derivatives taken",
            Concern::MoralRightsWaiver => "Moral rights waived",
            Concern::NonCompete => "Non-compete",
            Concern::OpenSource => "Open-source terms",
            Concern::PerpetualIrrevocableGrant => "Perpetual, irrevocable grant",
        }
    }

    /// The concern with this id (`broad-work-product`).
    pub fn from_id(id: &str) -> Option<Concern> {
        Concern::ALL.into_iter().find(|c| c.id() == id)
    }
}

impl fmt::Display for Concern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// How much a finding threatens the agency; ordered so that `High > Info`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Which of the three IP categories (or data / general terms) a clause governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    ClientIp,
    AgencyIp,
    JointIp,
    Data,
    General,
}

impl Category {
    pub fn label(self) -> &'static str {
        match self {
            Category::ClientIp => "client-ip",
            Category::AgencyIp => "agency-ip",
            Category::JointIp => "joint-ip",
            Category::Data => "data",
            Category::General => "general",
        }
    }
}

/// The rungs of the fallback ladder, in the order they are offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FallbackKind {
    Educate,
    ShowValue,
    Boundaries,
    NarrowScope,
    LicenseBack,
    FeeUplift,
    WalkAway,
}

impl FallbackKind {
    pub fn label(self) -> &'static str {
        match self {
            FallbackKind::Educate => "educate",
            FallbackKind::ShowValue => "show-value",
            FallbackKind::Boundaries => "boundaries",
            FallbackKind::NarrowScope => "narrow-scope",
            FallbackKind::LicenseBack => "license-back",
            FallbackKind::FeeUplift => "fee-uplift",
            FallbackKind::WalkAway => "walk-away",
        }
    }
}

/// Whose benefit makes a matched phrase risky. An assignment *to* the agency is no threat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// Risky whoever benefits (a waiver, a non-compete on the agency).
    #[default]
    Any,
    /// Risky unless the sentence shows the agency is the one receiving or keeping the rights.
    ToCounterparty,
    /// Risky when the obligation binds the agency (a non-compete): not when the sentence's
    /// subject is the counterparty.
    OnAgency,
}

/// What an edit of the draft's own words does (`redline::phrase`): each kind has its own reason
/// for counsel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKind {
    /// The transfer made to wait for payment ("upon receipt of full payment of the Fees").
    UponPayment,
    /// What passes narrowed to what is made for the client.
    Narrowed,
    /// The agency's own materials kept out of the transfer ("excluding Agency IP").
    CarvedOut,
    /// A licence's attributes struck from its terms ("transferable, sublicensable"), or an
    /// exclusive licence made non-exclusive.
    Stripped,
    /// A licence limited to the agency's materials as incorporated in the deliverables.
    Limited,
    /// A licence granted only once the fees are paid.
    LicensedOnPayment,
    /// One item of a list struck ("(c) the Deliverables are wholly original ...").
    ItemStruck,
    /// A later item's label changed to follow the one struck ("(d)" to "(c)"), or a citation
    /// of it in the same clause.
    Relettered,
    /// A citation of a struck item struck with it ("The warranty in (c) survives ...").
    CitationStruck,
    /// The licence back put in as the exception to a statement that the agency keeps nothing
    /// ("shall retain no right ..., other than a ... license to use the general methodologies").
    Excepted,
    /// A clause cited by number replaced by the standard one for the work ("FAR 52.227-17
    /// Rights in Data -- Special Works" by "52.227-14 Rights in Data -- General"); the reason
    /// is the reading lexicon's, said of that clause.
    Substituted,
}

/// The reasons counsel reads beside the draft's own words edited for a clause
/// (`redline::phrase`), one per kind of edit: short and specific to what the edit does.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EditNotes {
    #[serde(default)]
    pub upon_payment: String,
    #[serde(default)]
    pub narrowed: String,
    #[serde(default)]
    pub carved_out: String,
    #[serde(default)]
    pub stripped: String,
    #[serde(default)]
    pub limited: String,
    #[serde(default)]
    pub licensed_on_payment: String,
    #[serde(default)]
    pub item_struck: String,
    #[serde(default)]
    pub relettered: String,
    #[serde(default)]
    pub excepted: String,
    #[serde(default)]
    pub citation_struck: String,
}

impl EditNotes {
    pub fn get(&self, kind: EditKind) -> &str {
        match kind {
            EditKind::UponPayment => &self.upon_payment,
            EditKind::Narrowed => &self.narrowed,
            EditKind::CarvedOut => &self.carved_out,
            EditKind::Stripped => &self.stripped,
            EditKind::Limited => &self.limited,
            EditKind::LicensedOnPayment => &self.licensed_on_payment,
            EditKind::ItemStruck => &self.item_struck,
            EditKind::Relettered => &self.relettered,
            EditKind::Excepted => &self.excepted,
            EditKind::CitationStruck => &self.citation_struck,
            EditKind::Substituted => "",
        }
    }
}

/// One rung of the ladder: what to offer, the words to put in the contract, and what to say.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fallback {
    pub kind: FallbackKind,
    /// Counter-language to insert in the contract; empty for rungs that are only said aloud.
    #[serde(default)]
    pub text: String,
    /// What to say on the call; internal, never written into a redline sent to the other side.
    pub talking_point: String,
    /// The reason the other side's counsel reads beside `text` in a redline: short, neutral,
    /// in the contract's register. Required when `text` is given.
    #[serde(default)]
    pub counsel_note: String,
}

/// A risky pattern that threatens a standard clause.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskRule {
    pub id: String,
    pub concern: Concern,
    pub severity: Severity,
    /// Phrasings that trigger the rule (see `docs/clause-library.md` for the pattern syntax).
    pub patterns: Vec<Pattern>,
    /// Phrasings in the same sentence that neutralise a match (a carve-out).
    #[serde(default)]
    pub unless: Vec<Pattern>,
    /// Phrasings anywhere in the same clause that neutralise a match (a confidentiality context).
    #[serde(default)]
    pub unless_clause: Vec<Pattern>,
    /// When given, the sentence must also contain one of these for the match to count: "know-how"
    /// is only a risk in a sentence that transfers or assigns something.
    #[serde(default)]
    pub requires: Vec<Pattern>,
    #[serde(default)]
    pub direction: Direction,
    /// Why it is risky; `{phrase}` is replaced by the matched phrase.
    pub explanation: String,
}

/// What makes a required protection count as present in a draft, and what to say when it is not.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MissingCheck {
    pub concern: Concern,
    pub severity: Severity,
    /// The protection is present when any of these match anywhere in the draft.
    pub present_when: Vec<Pattern>,
    /// Only check when the draft contains one of these (e.g. it assigns anything at all).
    #[serde(default)]
    pub applies_when: Vec<Pattern>,
    pub explanation: String,
}

/// A standard clause in the agency's favour.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StandardClause {
    pub id: String,
    pub title: String,
    pub category: Category,
    pub standard_text: String,
    /// The agency's own reason; internal.
    pub why_it_matters: String,
    /// The reason the other side's counsel reads when `standard_text` (or the agency's own
    /// wording for this clause) goes into a redline. Required.
    #[serde(default)]
    pub counsel_note: String,
    /// The reasons counsel reads beside the draft's own words edited for this clause, by kind
    /// of edit (a payment condition put in, the object narrowed, a carve-out).
    #[serde(default, skip_serializing_if = "is_default")]
    pub edit_notes: EditNotes,
    /// Whether a draft without this protection gets a missing finding (`missing` says how).
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub missing: Option<MissingCheck>,
    /// Extra words that help match a client's clause to this one (headings lawyers use).
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Phrasings that show a clause is about this subject even when nothing in it is risky
    /// ("right, title and interest", "jointly owned"); a clause containing one leans to this match.
    #[serde(default)]
    pub cues: Vec<Pattern>,
    #[serde(default)]
    pub rules: Vec<RiskRule>,
    pub fallbacks: Vec<Fallback>,
    /// Other library clauses worth reading with this one.
    #[serde(default)]
    pub see_also: Vec<String>,
    /// Where the clause was loaded from (not part of the file format).
    #[serde(skip)]
    pub source: PathBuf,
}

/// A library folder's own provision reading (`reading/lexicon.json` and `reading/rules.json`),
/// replacing the embedded one.
#[derive(Debug)]
pub struct Reading {
    pub lexicon: crate::reading::Lexicon,
    pub rules: Vec<crate::analysis::judge::Rule>,
}

/// The whole library, clauses in file-name order.
#[derive(Debug, Clone)]
pub struct ClauseLibrary {
    pub clauses: Vec<StandardClause>,
    /// The folder's provision reading, when it has a `reading/` folder (else the embedded one).
    pub reading: Option<std::sync::Arc<Reading>>,
    /// `embedded` or the folder it was read from.
    pub origin: String,
}

impl ClauseLibrary {
    /// The library compiled into the binary, so the tool works with no set-up. Its patterns
    /// compile on first use.
    pub fn embedded() -> Self {
        match Self::load_embedded(false) {
            Ok(library) => library,
            // The embedded library is checked by the test suite; reaching this is a build defect.
            Err(e) => panic!("embedded clause library is invalid: {e}"),
        }
    }

    /// The embedded library with every pattern compiled up front: `library check`.
    pub fn embedded_checked() -> Result<Self, LibraryError> {
        Self::load_embedded(true)
    }

    fn load_embedded(compile: bool) -> Result<Self, LibraryError> {
        let files = EMBEDDED
            .files()
            .filter(|f| f.path().extension().is_some_and(|e| e == "json"))
            .map(|f| (PathBuf::from("clause-library").join(f.path()), f.contents_utf8().unwrap_or_default().to_owned()));
        check::load_files(files, "embedded", compile)
    }

    /// Reads every `*.json` file in `dir`, reporting all problems at once.
    pub fn load_dir(dir: &Path) -> Result<Self, LibraryError> {
        check::load_dir(dir)
    }

    pub fn get(&self, id: &str) -> Option<&StandardClause> {
        self.clauses.iter().find(|c| c.id == id)
    }

    /// Every rule with the clause that owns it.
    pub fn rules(&self) -> impl Iterator<Item = (&StandardClause, &RiskRule)> {
        self.clauses.iter().flat_map(|c| c.rules.iter().map(move |r| (c, r)))
    }

    /// The reason for counsel beside an edit of the draft's own words that does `kind`: the
    /// note of the first of `clauses` (those of the findings it answers) that has one, else
    /// the assignment's (every transfer edited is one), else the first clause's that does.
    pub fn edit_note(&self, clauses: &[&str], kind: EditKind) -> Option<&str> {
        fn note(c: &StandardClause, kind: EditKind) -> Option<&str> {
            Some(c.edit_notes.get(kind).trim()).filter(|n| !n.is_empty())
        }
        clauses
            .iter()
            .chain(&["ip-assignment"])
            .find_map(|&id| self.get(id).and_then(|c| note(c, kind)))
            .or_else(|| self.clauses.iter().find_map(|c| note(c, kind)))
    }

    /// The library clause whose fallbacks answer a concern best: the one owning a rule or a
    /// missing check for it.
    pub fn clause_for_concern(&self, concern: Concern) -> Option<&StandardClause> {
        self.clauses
            .iter()
            .find(|c| c.missing.as_ref().is_some_and(|m| m.concern == concern))
            .or_else(|| self.clauses.iter().find(|c| c.rules.iter().any(|r| r.concern == concern)))
    }
}

/// Whether a field holds its default, so that writing a clause leaves out what it does not set.
fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_pattern_compiles() {
        // The embedded library compiles its patterns on first use; this is where a pattern
        // too large to compile would be caught.
        assert!(ClauseLibrary::embedded_checked().is_ok());
    }
}
