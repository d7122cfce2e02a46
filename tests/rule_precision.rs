//! What the default library's phrase rules must not flag, beside what they must: wording lawyers
//! use that looks like an IP transfer but is not one (a lease assignment, a definition of
//! "Intellectual Property", a heading, a further-assurances clause), each paired with the risky
//! wording it must still catch. The drafts are the project's own sentences.

use clauseguard::analysis::{Analyzer, Finding, FindingKind, Options};
use clauseguard::library::{ClauseLibrary, Severity};

/// The phrase findings of a one-clause draft between a client and a provider (the agency).
fn findings(clause: &str) -> Vec<Finding> {
    let library = ClauseLibrary::embedded();
    let text = format!(
        "SERVICES AGREEMENT\n\nThis Agreement is made between Northwind Retail Ltd (\"Client\") and Blue Harbour Studio Ltd (\"Provider\"). Provider shall provide the Services described in Schedule A.\n\n1. {clause}\n"
    );
    let doc = clauseguard::ingest::from_text("draft.txt", clauseguard::ingest::Format::Txt, &text);
    let analysis = Analyzer::new(&library).analyze(&doc, &Options::default());
    assert_eq!(analysis.parties.agency.as_deref(), Some("Provider"), "the test drafts name the agency");
    analysis.findings.into_iter().filter(|f| f.kind == FindingKind::Phrase).collect()
}

/// The severity of the finding of `rule` (clause-id/rule-id), if any.
fn severity(clause: &str, rule: &str) -> Option<Severity> {
    findings(clause).iter().filter(|f| f.rule == rule).map(|f| f.severity).max()
}

#[test]
fn assignment_on_creation_needs_intellectual_property_as_its_object() {
    const RULE: &str = "ip-assignment/assigned-on-creation";
    for harmless in [
        "Provider hereby assigns to Client, with the landlord's consent, all of Provider's right, title and interest as tenant in and under the Lease of the premises, effective on termination of this Agreement.",
        "Provider hereby transfers to the purchaser the right to receive any dividends declared on the tendered shares.",
        "Each support request is automatically assigned to an engineer in the support team responsible for the Software.",
        // Conditioned on payment in the words of a draft written to the contractor.
        "When our payment has cleared, copyright in the Deliverables will be automatically assigned to Client.",
    ] {
        assert_eq!(severity(harmless, RULE), None, "not an IP assignment: {harmless}");
    }
    for risky in [
        "Provider hereby assigns to Client all right, title and interest in and to the Deliverables.",
        "Provider hereby assigns to Client all right, title and interest in the software and documentation it develops under this Agreement.",
        "All Usage Data shall be owned by Client, and Provider hereby irrevocably assigns to Client its interest therein.",
    ] {
        assert_eq!(severity(risky, RULE), Some(Severity::High), "an assignment on signature: {risky}");
    }
}

#[test]
fn a_list_of_methods_needs_a_transfer_of_them() {
    const RULE: &str = "agency-ip-license/methodology-transfer";
    for harmless in [
        "\"Intellectual Property\" means patents, copyrights, trade secrets, know-how, processes and techniques, and all other intellectual property rights, whether registered or not.",
        "Client shall give Provider access to the know-how, methodologies and processes used by Client in its operations, whether owned or licensed by Client.",
        "Provider shall sign all papers needed to effectuate the ownership of the Client Know-How, processes and techniques set out in Section 4.",
    ] {
        assert_eq!(severity(harmless, RULE), None, "no transfer of the agency's methods: {harmless}");
    }
    let risky = "Provider hereby assigns to Client all know-how, methodologies and techniques developed in performing the Services.";
    assert_eq!(severity(risky, RULE), Some(Severity::High));
}

#[test]
fn handing_know_how_to_a_replacement_supplier_is_a_medium_risk_not_an_assignment() {
    let clause = "On termination, Provider shall transfer to Client or its replacement supplier all technology and know-how necessary to continue the Services.";
    assert_eq!(severity(clause, "agency-ip-license/methodology-transfer"), None);
    assert_eq!(severity(clause, "agency-ip-license/know-how-handover"), Some(Severity::Medium));
}

#[test]
fn a_reference_to_an_exclusive_license_granted_elsewhere_is_not_a_grant() {
    const RULE: &str = "agency-ip-license/transferable-license";
    let reference = "With respect to any Licensed Technology for which an exclusive license has been granted to Client under Section 2, Client shall have the first right to bring any action for infringement.";
    assert_eq!(severity(reference, RULE), None);
    let grant = "Provider grants Client an exclusive, transferable license to use the Software.";
    assert_eq!(severity(reference, "agency-ip-license/transferable-grant"), None);
    // The phrase, or the provision read as a transferable grant from Provider to Client.
    let read = severity(grant, RULE).or(severity(grant, "agency-ip-license/transferable-grant"));
    assert!(read >= Some(Severity::Medium), "{read:?}");
}

#[test]
fn a_non_compete_heading_is_not_the_covenant() {
    const RULE: &str = "non-compete/bar-on-serving-others";
    let description = "The franchise agreement contains a covenant not to compete which extends beyond its termination.";
    assert_eq!(severity(description, RULE), None);
    let all = findings(
        "Covenant Not to Compete. During the Term and for one year after it, Provider shall not compete with Client in the provision of analytics services.",
    );
    let phrases: Vec<&str> = all.iter().filter(|f| f.rule == RULE).filter_map(|f| f.phrase.as_deref()).collect();
    assert_eq!(phrases, ["shall not compete"], "the obligation is flagged, not the heading");
}

#[test]
fn before_or_after_the_effective_date_needs_something_made() {
    const RULE: &str = "agency-ip-license/pre-existing-claimed";
    let assurances = "Each party shall, upon the request of the other party, whether made before or after the Effective Date, execute such further documents as are reasonably necessary to complete the transactions contemplated by this Agreement.";
    assert_eq!(severity(assurances, RULE), None);
    // (A definition is judged with what the draft does with the term: here it is assigned.)
    let claim = "Work Product includes all materials delivered to Client, whether created before or after the Effective Date. Provider hereby assigns all Work Product to Client.";
    assert_eq!(severity(claim, RULE), Some(Severity::High));
}

#[test]
fn materials_the_provider_and_its_licensors_own_are_not_claimed() {
    const RULE: &str = "ip-assignment/all-work-product";
    let vendor = "For materials that Provider delivers to Client that are created during the performance of the Services, Provider or its licensors have all right, title and interest.";
    assert_eq!(severity(vendor, RULE), None);
    let claim = "All materials created during the performance of the Services shall be the sole property of Client.";
    assert_eq!(severity(claim, RULE), Some(Severity::High));
}

#[test]
fn assigning_the_contract_to_whoever_buys_the_business_is_no_transferable_licence() {
    const RULE: &str = "agency-ip-license/transferable-license";
    let successor = "Notwithstanding clause 17.1, the Client may assign its rights under this Agreement (including the licence granted in clause 6) to a third party that acquires all or substantially all of the Client's business or assets to which the Deliverables relate, provided that:";
    assert_eq!(severity(successor, RULE), None, "{successor}");
    let anyone = "Notwithstanding clause 17.1, the Client may assign its rights under this Agreement (including the licence granted in clause 6) to any third party to which the Deliverables relate, provided that:";
    assert_eq!(severity(anyone, RULE), Some(Severity::Medium), "{anyone}");
}

#[test]
fn background_technology_that_may_be_used_only_if_listed_is_flagged_and_a_list_of_it_is_not() {
    const RULE: &str = "pre-existing-ip-exhibit/unlisted-means-unusable";
    let risky = "Provider will disclose in the Statement of Work any Background Technology it proposes to incorporate. If Provider discloses no Background Technology, Provider warrants that it will not incorporate any Background Technology into the Deliverables.";
    assert_eq!(severity(risky, RULE), Some(Severity::Medium), "{:?}", findings(risky));
    let harmless =
        "Provider will disclose in the Statement of Work any Background Technology it incorporates, and Provider retains all rights in it.";
    assert_eq!(severity(harmless, RULE), None);
}

#[test]
fn a_bar_on_open_source_only_where_its_licence_would_bind_the_client_is_ordinary() {
    const RULE: &str = "open-source/oss-conflict";
    let copyleft = "The Provider shall ensure that no Open Source Software is used in a manner that would impose obligations on the Client to disclose or distribute the Source Code of the Software.";
    assert_eq!(severity(copyleft, RULE), None, "a copyleft control: {copyleft}");
    let none = "The Provider shall ensure that no open source software is incorporated in the Deliverables.";
    assert_eq!(severity(none, RULE), Some(Severity::Medium), "no open source at all: {none}");
}

/// The provision reader's bar on open source: the agency barred from using open source at all,
/// in whatever order the words come ("in no event will Provider incorporate"), unless the bar
/// holds only for copyleft licences, only without the client's consent, or only where the
/// licence would bind the client.
#[test]
fn a_bar_on_all_open_source_is_read_whatever_the_word_order() {
    // The reader's rule, or the phrase rule where both read the same words.
    let severity = |clause: &str| {
        findings(clause)
            .iter()
            .filter(|f| f.rule.ends_with("/open-source-barred") || f.rule.ends_with("/oss-conflict"))
            .map(|f| f.severity)
            .max()
    };
    for barred in [
        "In no event will Provider incorporate into the Deliverables any software code licensed under the GNU, GPL, LGPL or any similar \"open source\" license.",
        "Provider shall not incorporate open source software into any Deliverable.",
    ] {
        assert_eq!(severity(barred), Some(Severity::Medium), "{barred}");
    }
    for ordinary in [
        "In no event will Provider incorporate into or include with any Deliverable any Open Source licensed under a Copyleft License.",
        "Provider shall not incorporate any open source software into the Deliverables without Client's prior written consent.",
        "Provider shall not incorporate open source software in a manner that would impose obligations on Client to disclose its source code.",
        "Provider shall not incorporate any open source software into the Deliverables except as approved by Client in writing.",
    ] {
        assert_eq!(severity(ordinary), None, "{ordinary}");
    }
    // A bar on the client is no bar on the agency (the phrase rule, which reads no parties,
    // still flags it).
    let client = "Client shall not incorporate any open source software provided by Provider into its products.";
    assert!(findings(client).iter().all(|f| !f.rule.ends_with("/open-source-barred")), "{client}");
}

/// A bar on third-party or open-source components the client must approve one by one is a
/// lesser point; a bar only on licences that would bind the client is none.
#[test]
fn open_source_left_to_the_clients_consent_is_a_low_point() {
    const RULE: &str = "open-source/open-source-consent";
    for consent in [
        "Contractor will not include third-party materials without Client's prior written consent.",
        "Provider shall not incorporate any open source software into the Deliverables without Client's prior written consent.",
    ] {
        assert_eq!(severity(consent, RULE), Some(Severity::Low), "{consent}: {:?}", findings(consent));
    }
    for ordinary in [
        "Provider shall not incorporate open source software in a manner that would impose obligations on Client to disclose its source code.",
        "Client shall not include any third-party materials in the Content without Provider's prior written consent.",
    ] {
        assert_eq!(severity(ordinary, RULE), None, "{ordinary}");
    }
}

#[test]
fn unlimited_rights_in_the_agencys_methods_take_its_way_of_working() {
    const RULE: &str = "agency-ip-license/methods-licensed-without-limit";
    let unlimited = "Client shall have unlimited rights in all data, reports, algorithms, models and analytical methods first produced by Provider in the performance of this Agreement, including the right to use, disclose, reproduce and prepare derivative works of them for any purpose whatsoever.";
    assert_eq!(severity(unlimited, RULE), Some(Severity::Medium));
    // Limited to using the deliverables, the same methods are no giveaway.
    let limited = "Provider grants Client a non-exclusive licence to use the algorithms and analytical methods embodied in the Deliverables solely for Client's internal business purposes.";
    assert_eq!(severity(limited, RULE), None);
}
