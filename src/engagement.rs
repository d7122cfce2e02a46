//! Engagement models: how the agency is engaged (project, time and materials, staff
//! augmentation, productized) changes which protections a draft must have and adds the model's
//! own wording: under time and materials hourly billing confers no ownership; under staff
//! augmentation work done with agency tools stays under the three categories; for a productized
//! service the client owns its instance and the agency owns the product.

use std::sync::LazyLock;

use crate::analysis::{Analysis, Finding, FindingKind, Offer};
use crate::ingest::Document;
use crate::library::{ClauseLibrary, Concern, MissingCheck, StandardClause};
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

/// Protections the model makes required whatever else the draft says (the library checks some
/// only when the draft assigns something): embedded staff use the agency's tools daily and learn
/// on the job, and may be treated as the client's own; a productized service is the agency's
/// product and model architecture delivered again, which the client needs a licence to use.
pub fn required_concerns(engagement: Engagement) -> &'static [Concern] {
    match engagement {
        Engagement::Project | Engagement::TimeAndMaterials => &[],
        Engagement::StaffAugmentation => &[Concern::PreExistingIp, Concern::NoResiduals, Concern::NoLicenseBack],
        Engagement::Productized => &[Concern::PreExistingIp, Concern::ModelOwnership],
    }
}

/// A protection to look for: the library clause (or built-in one) it comes from, how to
/// recognise it, and whether it is the model's own wording.
struct Check<'a> {
    id: &'a str,
    missing: &'a MissingCheck,
    fallbacks: &'a [crate::library::Fallback],
    own_wording: bool,
}

/// The model's own wording: the library's `engagement-*` clause with its ladder; recognised by
/// the clause's `missing` check, or by the built-in one when the library writes the clause as
/// risk rules only.
fn wording(engagement: Engagement, library: &ClauseLibrary) -> Option<Check<'_>> {
    let id = wording_clause_id(engagement)?;
    let built_in = BUILT_IN.iter().find(|c| c.id == id);
    let own = library.get(id);
    let check = own.and_then(|c| c.missing.as_ref()).or_else(|| built_in.and_then(|c| c.missing.as_ref()))?;
    let fallbacks = own.or(built_in).map_or(&[][..], |c| c.fallbacks.as_slice());
    Some(Check { id, missing: check, fallbacks, own_wording: true })
}

/// Missing findings for the engagement model: the model's own wording and the protections the
/// model makes required, each unless the draft has it or the analysis already reported it.
pub fn engagement_findings(engagement: Engagement, analysis: &Analysis, doc: &Document, library: &ClauseLibrary) -> Vec<Finding> {
    let norm = Normalised::new(&doc.analysed);
    let mut checks: Vec<Check> = wording(engagement, library).into_iter().collect();
    for &concern in required_concerns(engagement) {
        let owner = library.clauses.iter().find(|c| c.missing.as_ref().is_some_and(|m| m.concern == concern));
        if let Some(clause) = owner.filter(|c| !checks.iter().any(|k| k.id == c.id))
            && let Some(check) = &clause.missing
        {
            checks.push(Check { id: &clause.id, missing: check, fallbacks: &clause.fallbacks, own_wording: false });
        }
    }
    let reported = |id: &str| analysis.findings.iter().any(|f| f.kind == FindingKind::Missing && f.library_clause == id);
    checks
        .into_iter()
        .filter(|k| !reported(k.id) && !k.missing.present_when.iter().any(|p| p.is_match(&norm.text)))
        .map(|k| {
            // Anchored where the check would apply, if it names such a place.
            let at = k.missing.applies_when.iter().filter_map(|p| p.find(&norm.text)).map(|m| m.start).min();
            let anchor = at.and_then(|at| {
                let (original, _) = norm.original_range(at, at + 1);
                analysis.clauses.iter().find(|c| c.start <= original && original < c.end).map(|c| c.index)
            });
            let explanation = if k.own_wording {
                k.missing.explanation.clone()
            } else {
                format!("In a {} engagement this protection is required. {}", describe(engagement), k.missing.explanation)
            };
            Finding {
                kind: FindingKind::Missing,
                concern: k.missing.concern,
                rule: format!("{}/missing", k.id),
                library_clause: k.id.to_owned(),
                severity: k.missing.severity,
                clause: anchor,
                start: None,
                end: None,
                phrase: None,
                explanation,
                fallbacks: Offer::ladder(k.fallbacks),
                insert: library.get(k.id).map(|c| c.standard_text.clone()),
            }
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
  "counsel_note": "Fees on a time-and-materials basis pay for services; ownership is governed by the intellectual property provisions, as for any other work.",
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
    {"kind": "narrow-scope", "text": "Fees paid on a time-and-materials basis are payment for Agency's services and do not by themselves confer on Client ownership of any intellectual property. Ownership is governed solely by the intellectual property section of this Agreement.", "talking_point": "This only says the IP section decides ownership, not the invoice.", "counsel_note": "The billing basis does not change how intellectual property is allocated under this Agreement."}
  ]
}"#;

const STAFF_AUGMENTATION: &str = r#"{
  "id": "engagement-staff-augmentation",
  "title": "Staff augmentation: the three categories still apply",
  "category": "agency-ip",
  "standard_text": "Work performed by Agency personnel working within Client's teams, including work done with Agency's tools and methodologies, remains subject to the intellectual property section of this Agreement: Client IP transfers to Client upon full payment; Agency IP, including the tools and methodologies Agency personnel use, remains Agency's; jointly developed IP is treated as that section provides.",
  "why_it_matters": "When our people sit in the client's team the boundary blurs: everything they touch can look like the client's work product, including the tools they bring.",
  "counsel_note": "Working within Client's teams does not change how intellectual property is allocated under this Agreement.",
  "missing": {
    "concern": "pre-existing-ip",
    "severity": "medium",
    "present_when": [
      "(?:personnel|staff|team members?|resources|consultants|engineers|employees)[^.;]{0,200}(?:tools|methodolog\\w*|frameworks|pre-? ?existing|agency ip)[^.;]{0,200}(?:remains?|subject to|retains?|three categories|agency ip|client ip)",
      "(?:embedded|seconded|augment\\w*|integrated)[^.;]{0,200}(?:does|do|shall|will) not (?:change|alter|affect)[^.;]{0,80}(?:ownership|intellectual property|ip)"
    ],
    "explanation": "The draft places agency staff in the client's team but never says that work they do with the agency's tools and methodologies stays under the IP terms: the client could claim the tools as work product."
  },
  "fallbacks": [
    {"kind": "educate", "text": "", "talking_point": "Our engineers bring their toolbox into your team; you own what they build for you, not the toolbox."},
    {"kind": "boundaries", "text": "Work performed by Agency personnel working within Client's teams, including work done with Agency's tools and methodologies, remains subject to the intellectual property section of this Agreement.", "talking_point": "Same three categories as any project: sitting in your office does not change who owns the tools.", "counsel_note": "Work done within Client's teams with Agency's tools remains subject to the intellectual property provisions."}
  ]
}"#;

const PRODUCTIZED: &str = r#"{
  "id": "engagement-productized",
  "title": "Productized service: client owns its instance, agency owns the product",
  "category": "agency-ip",
  "standard_text": "Client owns its instance of the service: its configuration, Client Data, and models trained on Client Data. Agency owns the underlying product, including its architecture, code, templates and all improvements to them, and grants Client a non-exclusive, non-transferable license to use the product as part of Client's instance.",
  "why_it_matters": "A productized service is the same product delivered again with different client data. Unless the line is drawn, each client can claim the product itself.",
  "counsel_note": "Client owns its instance, configuration and data; the underlying product, provided to all customers, remains Agency's.",
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
    {"kind": "narrow-scope", "text": "Client owns its instance of the service: its configuration, Client Data, and models trained on Client Data. Agency owns the underlying product, including its architecture, code, templates and all improvements to them.", "talking_point": "This is what makes the price a product price rather than a custom build.", "counsel_note": "Client owns its instance; the product provided to all customers remains Agency's."}
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
        let noted =
            |c: &StandardClause| !c.counsel_note.is_empty() && c.fallbacks.iter().all(|f| f.text.is_empty() || !f.counsel_note.is_empty());
        assert!(BUILT_IN.iter().all(noted), "a reason for counsel beside every wording");
    }

    #[test]
    fn models_parse_from_the_command_line() {
        assert_eq!(parse("time-and-materials"), Ok(Engagement::TimeAndMaterials));
        assert_eq!(parse("T&M"), Ok(Engagement::TimeAndMaterials));
        assert_eq!(parse("Staff augmentation"), Ok(Engagement::StaffAugmentation));
        assert!(parse("retainer").unwrap_err().contains("project, time-and-materials, staff-augmentation, productized"));
    }

    // Compiling the library's patterns takes a while in a debug build: once for all tests.
    static LIBRARY: LazyLock<ClauseLibrary> = LazyLock::new(ClauseLibrary::embedded);
    static ANALYZER: LazyLock<Analyzer<'static>> = LazyLock::new(|| Analyzer::new(&LIBRARY));

    fn findings(engagement: Engagement, text: &str) -> Vec<Finding> {
        let doc = from_text("draft.txt", Format::Txt, text);
        let analysis = ANALYZER.analyze(&doc, &Options::default());
        engagement_findings(engagement, &analysis, &doc, &LIBRARY)
    }

    fn wording_missing(engagement: Engagement, text: &str) -> bool {
        let id = wording_clause_id(engagement).unwrap();
        findings(engagement, text).iter().any(|f| f.library_clause == id && f.kind == FindingKind::Missing)
    }

    #[test]
    fn time_and_materials_wording_is_required_and_recognised() {
        let bare = "1. Fees. Client shall pay Agency hourly at the rates in Schedule B.\n";
        let missing = findings(Engagement::TimeAndMaterials, bare);
        assert_eq!(missing.len(), 1, "{missing:#?}");
        assert_eq!(missing[0].library_clause, "engagement-time-materials");
        assert!(!missing[0].fallbacks.is_empty());
        let covered =
            format!("{bare}2. Ownership. Payment of hourly fees does not confer ownership of any intellectual property on Client.\n");
        assert!(!wording_missing(Engagement::TimeAndMaterials, &covered));
        assert!(findings(Engagement::Project, bare).is_empty());
    }

    #[test]
    fn productized_and_staff_augmentation_wording() {
        let text = "1. Service. Agency provides its document platform to Client.\n";
        assert!(wording_missing(Engagement::Productized, text));
        let kept = "1. Service. Client owns its instance. Agency retains all rights in the underlying product.\n";
        assert!(!wording_missing(Engagement::Productized, kept));
        let staff = "1. Personnel. Agency personnel work in Client's team. Work done by Agency personnel with Agency tools and methodologies remains subject to Section 5.\n";
        assert!(!wording_missing(Engagement::StaffAugmentation, staff));
        assert!(wording_missing(Engagement::StaffAugmentation, "1. Personnel. Agency personnel work in Client's team.\n"));
    }

    #[test]
    fn the_models_own_standard_wording_counts_as_present() {
        let library = &*LIBRARY;
        for engagement in [Engagement::TimeAndMaterials, Engagement::StaffAugmentation, Engagement::Productized] {
            let id = wording_clause_id(engagement).unwrap();
            for clause in library.get(id).into_iter().chain(BUILT_IN.iter().filter(|c| c.id == id)) {
                let text = format!("1. Terms. {}\n", clause.standard_text);
                assert!(!wording_missing(engagement, &text), "{id}: {}", clause.standard_text);
            }
        }
    }

    #[test]
    fn the_model_makes_protections_required() {
        // No assignment at all: the library does not ask for an agency IP licence; a productized
        // service needs one anyway.
        let text = "1. Service. Agency provides its platform. Client owns its instance; Agency owns the underlying product.\n";
        assert!(findings(Engagement::Project, text).is_empty());
        let productized = findings(Engagement::Productized, text);
        let required: Vec<&str> = productized.iter().map(|f| f.library_clause.as_str()).collect();
        assert!(required.contains(&"agency-ip-license"), "{required:?}");
        assert!(productized.iter().all(|f| f.explanation.starts_with("In a productized engagement this protection is required")));
    }
}
