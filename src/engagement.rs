//! Engagement models: how the agency is engaged (project, time and materials, staff
//! augmentation, productized) changes which protections a draft must have and adds the model's
//! own wording: under time and materials hourly billing confers no ownership; under staff
//! augmentation work done with agency tools stays under the three categories; for a productized
//! service the client owns its instance and the agency owns the product.

use std::sync::LazyLock;

use crate::analysis::{Analysis, Finding, FindingKind, Offer};
use crate::ingest::Document;
use crate::library::{ClauseLibrary, Concern, StandardClause};
use crate::text::Normalised;

pub use crate::session::Engagement;

/// Every model, in the order the command line lists them.
pub const ALL: [Engagement; 4] =
    [Engagement::Project, Engagement::TimeAndMaterials, Engagement::StaffAugmentation, Engagement::Productized];

/// Reads a model as typed on the command line (`time-and-materials`, also `t&m`, `tm`).
pub fn parse(text: &str) -> Result<Engagement, String> {
    let wanted = text.trim().to_lowercase().replace([' ', '_'], "-");
    let found = match wanted.as_str() {
        "t&m" | "tm" | "t-and-m" | "time-materials" => Some(Engagement::TimeAndMaterials),
        "staff-aug" | "augmentation" => Some(Engagement::StaffAugmentation),
        "product" | "productised" => Some(Engagement::Productized),
        "fixed-fee" | "fixed-scope" => Some(Engagement::Project),
        w => ALL.into_iter().find(|e| e.label() == w),
    };
    found.ok_or_else(|| format!("unknown engagement model {text:?}; use one of: {}", ALL.map(Engagement::label).join(", ")))
}

/// How a model reads in a sentence.
pub fn describe(engagement: Engagement) -> &'static str {
    match engagement {
        Engagement::Project => "project-based",
        Engagement::TimeAndMaterials => "time-and-materials",
        Engagement::StaffAugmentation => "staff-augmentation",
        Engagement::Productized => "productized",
    }
}

/// The library clause holding the model's own wording, if the model has any.
pub fn wording_clause_id(engagement: Engagement) -> Option<&'static str> {
    match engagement {
        Engagement::Project => None,
        Engagement::TimeAndMaterials => Some("engagement-time-materials"),
        Engagement::StaffAugmentation => Some("engagement-staff-augmentation"),
        Engagement::Productized => Some("engagement-productized"),
    }
}

/// Protections the model makes required even where the library leaves them optional: embedded
/// staff use the agency's tools daily, and a productized service is the agency's product and
/// model architecture delivered again.
pub fn required_concerns(engagement: Engagement) -> &'static [Concern] {
    match engagement {
        Engagement::Project | Engagement::TimeAndMaterials => &[],
        Engagement::StaffAugmentation => &[Concern::NoLicenseBack, Concern::PreExistingIp, Concern::NoResiduals],
        Engagement::Productized => &[Concern::NoLicenseBack, Concern::PreExistingIp, Concern::ModelOwnership],
    }
}

/// Missing findings for the engagement model: the model's own wording (from the library's
/// `engagement-*` clause, or the built-in one when the library has none) and the protections the
/// model makes required, each unless the draft has it or the analysis already reported it.
pub fn engagement_findings(engagement: Engagement, analysis: &Analysis, doc: &Document, library: &ClauseLibrary) -> Vec<Finding> {
    let norm = Normalised::new(&doc.analysed);
    let reported = |id: &str| analysis.findings.iter().any(|f| f.kind == FindingKind::Missing && f.library_clause == id);
    let mut clauses: Vec<(&StandardClause, bool)> = Vec::new();
    if let Some(id) = wording_clause_id(engagement)
        && let Some(clause) = library.get(id).or_else(|| BUILT_IN.iter().find(|c| c.id == id))
    {
        clauses.push((clause, true));
    }
    for &concern in required_concerns(engagement) {
        let owner = library.clauses.iter().find(|c| !c.required && c.missing.as_ref().is_some_and(|m| m.concern == concern));
        if let Some(clause) = owner.filter(|c| !clauses.iter().any(|(o, _)| o.id == c.id)) {
            clauses.push((clause, false));
        }
    }
    clauses
        .into_iter()
        .filter(|(c, _)| !reported(&c.id))
        .filter_map(|(clause, own_wording)| {
            let check = clause.missing.as_ref()?;
            if check.present_when.iter().any(|p| p.is_match(&norm.text)) {
                return None;
            }
            let anchor = if check.applies_when.is_empty() {
                None
            } else {
                let at = check.applies_when.iter().filter_map(|p| p.regex().find(&norm.text)).map(|m| m.start()).min()?;
                let (original, _) = norm.original_range(at, at + 1);
                analysis.clauses.iter().find(|c| c.start <= original && original < c.end).map(|c| c.index)
            };
            let explanation = if own_wording {
                check.explanation.clone()
            } else {
                format!("In a {} engagement this protection is required. {}", describe(engagement), check.explanation)
            };
            Some(Finding {
                kind: FindingKind::Missing,
                concern: check.concern,
                rule: format!("{}/missing", clause.id),
                library_clause: clause.id.clone(),
                severity: check.severity,
                clause: anchor,
                start: None,
                end: None,
                phrase: None,
                explanation,
                fallbacks: clause.fallbacks.iter().map(Offer::from).collect(),
            })
        })
        .collect()
}

/// The models' wording for libraries that do not have it yet, in the library's own format.
static BUILT_IN: LazyLock<Vec<StandardClause>> = LazyLock::new(|| {
    [TIME_AND_MATERIALS, STAFF_AUGMENTATION, PRODUCTIZED].iter().filter_map(|json| serde_json::from_str(json).ok()).collect()
});

const TIME_AND_MATERIALS: &str = r#"{
  "id": "engagement-time-materials",
  "title": "Time and materials: billing confers no ownership",
  "category": "general",
  "standard_text": "Fees paid on a time-and-materials basis are payment for Agency's services and do not by themselves confer on Client ownership of any intellectual property. Ownership is governed solely by the intellectual property section of this Agreement: only Client IP transfers to Client, upon full payment.",
  "why_it_matters": "Under time and materials the client can argue that paying for every hour bought everything made in those hours. The client pays for our time, not for our tools.",
  "missing": {
    "concern": "work-made-for-hire",
    "severity": "medium",
    "present_when": [
      "(?:hourly|time and materials|fees?|billing|billed|payment|rates?)[^.;]{0,160}(?:does|do|shall|will) not (?:by (?:itself|themselves) )?(?:confer|transfer|grant|vest|give|create)[^.;]{0,80}(?:ownership|title|rights?|intellectual property|ip)",
      "(?:no|not) (?:ownership|title|intellectual property|ip)[^.;]{0,60}(?:by reason of|because of|on account of|as a result of) (?:the )?(?:payment|billing|fees)",
      "paying for (?:agency's |our )?time"
    ],
    "explanation": "The draft bills time and materials but never says that paying for hours confers no ownership: the client could argue it bought everything made in the hours it paid for."
  },
  "fallbacks": [
    {"kind": "educate", "text": "", "talking_point": "You are paying for our time, not buying our tools: what we build for you is yours under the IP section, the rest stays ours."},
    {"kind": "narrow-scope", "text": "Fees paid on a time-and-materials basis are payment for Agency's services and do not by themselves confer on Client ownership of any intellectual property. Ownership is governed solely by the intellectual property section of this Agreement.", "talking_point": "This only says the IP section decides ownership, not the invoice."}
  ]
}"#;

const STAFF_AUGMENTATION: &str = r#"{
  "id": "engagement-staff-augmentation",
  "title": "Staff augmentation: the three categories still apply",
  "category": "agency-ip",
  "standard_text": "Work performed by Agency personnel working within Client's teams, including work done with Agency's tools and methodologies, remains subject to the intellectual property section of this Agreement: Client IP transfers to Client upon full payment; Agency IP, including the tools and methodologies Agency personnel use, remains Agency's; jointly developed IP is treated as that section provides.",
  "why_it_matters": "When our people sit in the client's team the boundary blurs: everything they touch can look like the client's work product, including the tools they bring.",
  "missing": {
    "concern": "pre-existing-ip",
    "severity": "medium",
    "present_when": [
      "(?:personnel|staff|team members?|resources|consultants|engineers|employees)[^.;]{0,200}(?:tools|methodolog\\w*|frameworks|pre-? ?existing)[^.;]{0,200}(?:remains?|subject to|retains?|three categories|agency ip|client ip)",
      "(?:embedded|seconded|augment\\w*|integrated)[^.;]{0,200}(?:does|do|shall|will) not (?:change|alter|affect)[^.;]{0,80}(?:ownership|intellectual property|ip)"
    ],
    "explanation": "The draft places agency staff in the client's team but never says that work they do with the agency's tools and methodologies stays under the IP terms: the client could claim the tools as work product."
  },
  "fallbacks": [
    {"kind": "educate", "text": "", "talking_point": "Our engineers bring their toolbox into your team; you own what they build for you, not the toolbox."},
    {"kind": "boundaries", "text": "Work performed by Agency personnel working within Client's teams, including work done with Agency's tools and methodologies, remains subject to the intellectual property section of this Agreement.", "talking_point": "Same three categories as any project: sitting in your office does not change who owns the tools."}
  ]
}"#;

const PRODUCTIZED: &str = r#"{
  "id": "engagement-productized",
  "title": "Productized service: client owns its instance, agency owns the product",
  "category": "agency-ip",
  "standard_text": "Client owns its instance of the service: its configuration, Client Data, and models trained on Client Data. Agency owns the underlying product, including its architecture, code, templates and all improvements to them, and grants Client a non-exclusive, non-transferable license to use the product as part of Client's instance.",
  "why_it_matters": "A productized service is the same product delivered again with different client data. Unless the line is drawn, each client can claim the product itself.",
  "missing": {
    "concern": "pre-existing-ip",
    "severity": "medium",
    "present_when": [
      "client (?:owns|shall own|will own) (?:its|their|the client's) (?:own )?(?:instance|configuration|deployment)",
      "(?:agency|provider|vendor|contractor|licensor) (?:retains|owns|shall own|will own|reserves)[^.;]{0,120}(?:product|platform|solution|service|software)",
      "(?:underlying|core) (?:product|platform|solution)[^.;]{0,80}(?:remains?|retains?|owns?|property)"
    ],
    "explanation": "The draft buys a productized service but never separates the client's instance from the agency's product: the client could claim the product, architecture and templates every client uses."
  },
  "fallbacks": [
    {"kind": "educate", "text": "", "talking_point": "You own your instance, your data and the models trained on it; the product under it is what every client licenses."},
    {"kind": "narrow-scope", "text": "Client owns its instance of the service: its configuration, Client Data, and models trained on Client Data. Agency owns the underlying product, including its architecture, code, templates and all improvements to them.", "talking_point": "This is what makes the price a product price rather than a custom build."}
  ]
}"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Analyzer, Options};
    use crate::ingest::{Format, from_text};

    #[test]
    fn built_in_wording_parses() {
        assert_eq!(BUILT_IN.len(), 3);
        assert!(BUILT_IN.iter().all(|c| c.missing.is_some() && !c.fallbacks.is_empty()));
    }

    #[test]
    fn models_parse_from_the_command_line() {
        assert_eq!(parse("time-and-materials"), Ok(Engagement::TimeAndMaterials));
        assert_eq!(parse("T&M"), Ok(Engagement::TimeAndMaterials));
        assert_eq!(parse("Staff augmentation"), Ok(Engagement::StaffAugmentation));
        assert!(parse("retainer").unwrap_err().contains("project, time-and-materials, staff-augmentation, productized"));
    }

    fn findings(engagement: Engagement, text: &str) -> Vec<Finding> {
        let library = ClauseLibrary::embedded();
        let doc = from_text("draft.txt", Format::Txt, text);
        let analysis = Analyzer::new(&library).analyze(&doc, &Options::default());
        engagement_findings(engagement, &analysis, &doc, &library)
    }

    #[test]
    fn time_and_materials_wording_is_required_and_recognised() {
        let bare = "1. Fees. Client shall pay Agency hourly at the rates in Schedule B.\n";
        let missing = findings(Engagement::TimeAndMaterials, bare);
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].library_clause, "engagement-time-materials");
        assert_eq!(missing[0].kind, FindingKind::Missing);
        let covered =
            format!("{bare}2. Ownership. Payment of hourly fees does not confer ownership of any intellectual property on Client.\n");
        assert!(findings(Engagement::TimeAndMaterials, &covered).is_empty());
        assert!(findings(Engagement::Project, bare).is_empty());
    }

    #[test]
    fn productized_and_staff_augmentation_wording() {
        let text = "1. Service. Agency provides its document platform to Client.\n";
        assert!(findings(Engagement::Productized, text).iter().any(|f| f.library_clause == "engagement-productized"));
        let kept = "1. Service. Client owns its instance. Agency retains all rights in the underlying product.\n";
        assert!(!findings(Engagement::Productized, kept).iter().any(|f| f.library_clause == "engagement-productized"));
        let staff = "1. Personnel. Agency personnel work in Client's team. Work done by Agency personnel with Agency tools and methodologies remains subject to Section 5.\n";
        assert!(!findings(Engagement::StaffAugmentation, staff).iter().any(|f| f.library_clause == "engagement-staff-augmentation"));
    }
}
