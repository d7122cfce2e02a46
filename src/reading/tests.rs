//! Provisions read across drafting styles: US, UK and government wording, passive ownership,
//! negation, retention, definitions and carve-outs.

use super::*;
use crate::text::Normalised;

fn parties(agency: &[&str], client: &[&str]) -> Parties {
    Parties {
        agency: agency.first().map(|s| (*s).to_owned()),
        counterparty: client.first().map(|s| (*s).to_owned()),
        detected: true,
        uncertain: false,
        agency_aliases: agency.iter().map(|s| s.to_lowercase()).collect(),
        counterparty_aliases: client.iter().map(|s| s.to_lowercase()).collect(),
        other_terms: Vec::new(),
        candidates: Vec::new(),
    }
}

/// Reads `text` as one clause per paragraph.
fn read(text: &str, parties: &Parties) -> (Reading, String) {
    let norm = Normalised::new(text);
    let mut ranges = Vec::new();
    let mut start = 0;
    for (i, _) in norm.text.match_indices("\n\n").chain([(norm.text.len(), "")]) {
        ranges.push((start, i));
        start = i;
    }
    if ranges.is_empty() || norm.text.find("\n\n").is_none() {
        ranges = vec![(0, norm.text.len())];
    }
    let layout = super::Layout::of(text, &norm);
    (Reading::read(Lexicon::embedded(), &norm.text, &ranges, layout, parties), norm.text)
}

fn transfers(text: &str, parties: &Parties) -> Vec<Provision> {
    read(text, parties).0.provisions.into_iter().filter(Provision::transfers_to_counterparty).collect()
}

#[test]
fn a_us_present_assignment_on_creation() {
    let p = parties(&["Contractor"], &["Company"]);
    let t = transfers("Contractor hereby assigns to Company all right, title and interest in the Work Product.", &p);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(t[0].kind, Kind::Assignment);
    assert_eq!(t[0].giver, Side::Agency);
    assert_eq!(t[0].receiver, Side::Counterparty);
    assert_eq!(t[0].timing, Timing::OnCreation);
}

#[test]
fn a_uk_assignment_with_full_title_guarantee_conditioned_on_payment() {
    let p = parties(&["Supplier"], &["Buyer"]);
    let t = transfers(
        "Subject to payment of the Charges, the Supplier assigns to the Buyer, with full title guarantee, all New IPR, excluding the Supplier's Background IPR.",
        &p,
    );
    assert!(!t.is_empty());
    assert!(t.iter().all(|t| t.timing == Timing::OnPayment));
    assert!(t.iter().any(|t| t.carve_out), "{t:?}");
}

#[test]
fn passive_ownership_statements_are_transfers() {
    let p = parties(&["Supplier"], &["Buyer"]);
    for text in [
        "Any New IPR created under this Contract is owned by the Buyer.",
        "All enhancements shall be the sole and exclusive property of the Buyer.",
        "Title to the Deliverables shall pass to the Buyer on delivery.",
        "The Parties acknowledge and agree that the Buyer will hold all intellectual property rights in the Software.",
    ] {
        let t = transfers(text, &p);
        assert!(t.iter().any(|t| t.kind == Kind::Ownership && t.receiver == Side::Counterparty), "{text}: {t:?}");
    }
}

#[test]
fn negations_transfer_nothing() {
    let p = parties(&["Contractor"], &["Client"]);
    for text in [
        "No work under this agreement is a work made for hire.",
        "Nothing in this Agreement shall be construed to transfer any rights in such IP to the Client.",
        "The Client does not become the owner of any Background IP.",
    ] {
        assert!(transfers(text, &p).is_empty(), "{text}");
    }
}

#[test]
fn retention_keeps_rights_where_they_are() {
    let p = parties(&["Vendor"], &["Customer"]);
    let (reading, _) = read("Vendor retains all right, title and interest in its tools, processes, techniques and know-how.", &p);
    assert!(!reading.transfers_to_counterparty());
    assert!(reading.provisions.iter().any(|p| p.kind == Kind::Retention && p.receiver == Side::Agency));
}

#[test]
fn a_defined_term_carries_its_breadth_into_the_transfer() {
    let p = parties(&["Contributor"], &["Company"]);
    let (reading, _) = read(
        "\"Project Materials\" means all works and code created by the Contributor in connection with the Project, whether created before or after the date of this Agreement, including know-how.\n\nThe Contributor hereby assigns to the Company all Project Materials.",
        &p,
    );
    let term = reading.terms.terms.iter().find(|t| t.name == "project materials").expect("defined");
    assert!(term.features.has(Feature::Broad) && term.features.has(Feature::Prior) && term.features.has(Feature::Methods));
    let t: Vec<&Provision> = reading.provisions.iter().filter(|p| p.transfers_to_counterparty()).collect();
    assert!(t.iter().any(|p| p.features.has(Feature::Prior) && p.features.has(Feature::Methods)), "{t:?}");
}

#[test]
fn licence_attributes_and_their_negations() {
    let p = parties(&["Developer"], &["Customer"]);
    let (reading, _) =
        read("Developer grants Customer a perpetual, irrevocable, transferable and sublicensable licence to the Background IP.", &p);
    let licence = reading.provisions.iter().find(|p| p.kind == Kind::Licence).expect("a licence");
    assert!(licence.attributes.has(Attribute::Transferable) && licence.attributes.has(Attribute::Sublicensable));
    assert_eq!((licence.giver, licence.receiver), (Side::Agency, Side::Counterparty));
    let (reading, _) = read("Developer grants Customer a non-exclusive, non-transferable licence to the Background IP.", &p);
    let licence = reading.provisions.iter().find(|p| p.kind == Kind::Licence).expect("a licence");
    assert!(!licence.attributes.has(Attribute::Transferable) && !licence.attributes.has(Attribute::Exclusive));
}

#[test]
fn first_person_terms_of_business() {
    let p = parties(&["Go Free Range", "we", "us", "our"], &["you", "your"]);
    let t =
        transfers("Intellectual property in work created by us (as a future assignment of intellectual property) shall belong to you.", &p);
    assert!(t.iter().any(|t| t.receiver == Side::Counterparty && t.timing == Timing::OnCreation), "{t:?}");
}

#[test]
fn reading_a_huge_sentence_ends() {
    // One sentence of repeated triggers: each is read within a bounded window.
    let p = parties(&["Contractor"], &["Client"]);
    let text = "the Contractor hereby assigns all work product to the Client and ".repeat(5_000);
    let (reading, _) = read(&text, &p);
    assert!(reading.provisions.len() >= 5_000);
}

#[test]
fn a_list_of_verbs_after_a_negation_is_negated_and_a_subject_after_a_comma_is_not() {
    let p = parties(&["Developer"], &["Customer"]);
    let (r, _) = read("Developer shall not sell, transfer, assign or convey any right in the Customer IP.", &p);
    let moves: Vec<&Provision> = r.provisions.iter().filter(|p| p.kind == Kind::Assignment).collect();
    assert!(!moves.is_empty() && moves.iter().all(|p| p.negated()), "{moves:?}");
    let t = transfers("To the extent rights cannot be assigned, Developer grants Customer a perpetual licence to the Work Product.", &p);
    assert!(t.is_empty());
    let (r, _) = read("To the extent rights cannot be assigned, Developer grants Customer a perpetual licence to the Work Product.", &p);
    assert!(r.provisions.iter().any(|p| p.kind == Kind::Licence && !p.negated()), "{:?}", r.provisions);
    let (r, _) = read("Developer shall, at no cost to Customer, assign to Customer all rights in the Deliverables.", &p);
    assert!(r.provisions.iter().any(|p| p.kind == Kind::Assignment && !p.negated()), "{:?}", r.provisions);
}

#[test]
fn who_obtains_a_licence_receives_it() {
    let p = parties(&["dOrg"], &["Client"]);
    let (r, _) = read("dOrg will obtain a limited license to use the New IP for internal business purposes only.", &p);
    let l = r.provisions.iter().find(|p| p.kind == Kind::Licence).expect("a licence");
    assert_eq!(l.receiver, Side::Agency);
    assert!(l.attributes.has(Attribute::Limited));
}

#[test]
fn the_author_not_identified_gives_up_attribution() {
    let p = parties(&["Contributor"], &["Company"]);
    let (r, _) = read("The Company may use the Project Materials without identifying the Contributor as author.", &p);
    let w = r.provisions.iter().find(|p| p.kind == Kind::Waiver).expect("a waiver");
    assert_eq!(w.giver, Side::Agency);
}

#[test]
fn what_the_counterparty_made_or_already_owns_is_its_own() {
    let p = parties(&["Supplier"], &["Company"]);
    let t = transfers(
        "The Company shall own and retain all of its rights, title and interest in and to the Company Intellectual Property.",
        &p,
    );
    assert!(t.is_empty(), "{t:?}");
    let t = transfers(
        "The processes developed by the Company prior to the Effective Date are the sole and exclusive property of the Company.",
        &p,
    );
    assert!(t.is_empty(), "{t:?}");
    // A bare participle describes; it allocates nothing.
    let t = transfers("The Supplier may not use any intellectual property rights owned by the Company.", &p);
    assert!(t.is_empty(), "{t:?}");
    // Made by the agency, owned by the client: a transfer.
    let t = transfers("All software developed by the Supplier shall be the sole property of the Company.", &p);
    assert_eq!(t.len(), 1, "{t:?}");
}

#[test]
fn the_words_of_an_interpretation_clause_are_no_defined_terms() {
    let p = parties(&["Supplier"], &["Company"]);
    let (r, _) = read("The word \"or\" is not exclusive and \"including\" means including without limitation.", &p);
    assert!(r.terms.terms.iter().all(|t| t.name != "or" && t.name != "including"), "{:?}", r.terms.terms);
}

#[test]
fn a_lead_in_ending_in_a_colon_reads_its_object_in_the_list_items_that_follow() {
    let p = parties(&["Consultant"], &["Client"]);
    let norm = Normalised::new(
        "Consultant hereby assigns to Client all right, title and interest in: (a) the deliverables; (b) all know-how, methods and tools used in performing the Services.",
    );
    let (a, b) = (norm.text.find("(a)").unwrap(), norm.text.find("(b)").unwrap());
    let ranges = [(0, a), (a, b), (b, norm.text.len())];
    let r = Reading::read(Lexicon::embedded(), &norm.text, &ranges, Layout::default(), &p);
    let a = r.provisions.iter().find(|p| p.kind == Kind::Assignment).expect("the assignment");
    assert!(a.features.has(Feature::Methods) && a.features.has(Feature::Work), "{a:?}");
    // The items are read once, as the lead-in's object, not as provisions of their own.
    assert_eq!(r.provisions.iter().filter(|p| p.kind == Kind::Assignment).count(), 1);
}

#[test]
fn a_passive_grant_is_received_by_its_subject_and_a_negated_payment_condition_is_none() {
    let p = parties(&["Consultant"], &["Company"]);
    let (r, _) =
        read("The Company is hereby granted a nonexclusive, perpetual, irrevocable, transferable licence to the Prior Inventions.", &p);
    let l = r.provisions.iter().find(|p| p.kind == Kind::Licence).expect("a licence");
    assert_eq!((l.giver, l.receiver), (Side::Agency, Side::Counterparty));
    assert!(l.attributes.has(Attribute::Transferable));
    let t =
        transfers("Consultant hereby assigns to the Company all rights in the Deliverables. No assignment is contingent on payment.", &p);
    assert!(t.iter().all(|p| p.timing != Timing::OnPayment), "{t:?}");
    let t = transfers("Upon full payment, Consultant hereby assigns to the Company all rights in the Deliverables.", &p);
    assert!(t.iter().all(|p| p.timing == Timing::OnPayment), "{t:?}");
}

#[test]
fn ownership_named_in_a_condition_allocates_nothing() {
    let p = parties(&["we"], &["you"]);
    for text in [
        "To the extent that these materials are owned by you, you agree to grant us a perpetual licence to show them.",
        "If any Deliverable is owned by you, you grant us a licence to use it in our portfolio.",
    ] {
        assert!(transfers(text, &p).is_empty(), "{text}: {:?}", transfers(text, &p));
    }
    // The condition is over before the comma; the main clause still allocates.
    let t = transfers("If you pay the fees late, all Deliverables shall be owned by you.", &p);
    assert!(t.iter().any(|t| t.kind == Kind::Ownership), "{t:?}");
}

#[test]
fn a_bar_on_use_read_through_a_parenthesis_and_on_the_work_before_the_clients_rights() {
    let p = parties(&["Contractor"], &["Company"]);
    for text in [
        "Contractor shall not, during the term of this Agreement or after its termination, disclose any Confidential Information to any person.",
        "Not at any time whether during or after the Services (unless expressly so authorised by the Company, or as required by law) to disclose, divulge or use any confidential information of the Company.",
    ] {
        let (r, _) = read(text, &p);
        assert!(
            r.provisions.iter().any(|p| p.kind == Kind::Restriction && p.features.has(Feature::Confidential)),
            "{text}: {:?}",
            r.provisions
        );
    }
    // The object opens with the agency's work: a bar on the work, not on the client's things.
    let (r, _) = read(
        "\"Works\" means the deliverables. \"Company IPR\" means all rights in the Works. It will not give permission to any third party to use any of the Works, nor any of the Company IPR.",
        &p,
    );
    let bar = r.provisions.iter().find(|p| p.kind == Kind::Restriction).expect("a restriction");
    assert!(!bar.counterparty_owned, "{bar:?}");
    let (r, _) = read("\"Company IPR\" means all rights in the Works. It will not use any of the Company IPR.", &p);
    assert!(r.provisions.iter().any(|p| p.kind == Kind::Restriction && p.counterparty_owned), "{:?}", r.provisions);
}

#[test]
fn a_bar_that_allows_one_use_only_is_a_bar_on_confidential_information() {
    let p = parties(&["Contractor"], &["Company"]);
    for text in [
        "Unless otherwise authorized, Contractor will (a) only use Confidential Information to fulfill its obligations under this Agreement; and (b) not disclose it.",
        "Both parties will treat shared information as confidential and use it solely for the engagement.",
        "\"Proprietary Information\" means all confidential information of the Company. The Contractor agrees to hold in strict confidence and not to disclose to any third party, nor use for any purpose other than performing the Services, any Proprietary Information of the Company.",
    ] {
        let (r, _) = read(text, &p);
        assert!(
            r.provisions
                .iter()
                .any(|p| p.kind == Kind::Restriction && p.giver != Side::Counterparty && p.features.has(Feature::Confidential)),
            "{text}: {:?}",
            r.provisions
        );
    }
    // A licence limited to a purpose bars nothing.
    let (r, _) = read("Company may use the Deliverables solely for its internal business purposes.", &p);
    assert!(r.provisions.iter().all(|p| p.kind != Kind::Restriction), "{:?}", r.provisions);
}

#[test]
fn the_contract_itself_and_a_verb_inside_a_term_name_move_no_work() {
    let p = parties(&["Supplier"], &["Buyer"]);
    // Assigning the contract to an affiliate is no transfer of rights in the work.
    let t = transfers("The Supplier may assign all of its rights under this Agreement to the Buyer's parent.", &p);
    assert!(t.iter().all(|t| !t.about_work()), "{t:?}");
    // "Transferred Alloy" is a name; the title clause is about goods.
    let text = "The Supplier sells to the Buyer the following alloys (the \"Transferred Alloy\"). The Transferred Alloy shall be delivered to the Buyer.";
    let (r, _) = read(text, &p);
    assert!(
        !r.provisions.iter().any(|p| p.kind == Kind::Assignment && p.start > text.find("be delivered").unwrap_or(0) - 40),
        "{:?}",
        r.provisions
    );
}

#[test]
fn a_uk_purchase_form_defining_by_dash_and_licensing_by_deeming() {
    let p = parties(&["Supplier"], &["Canonical"]);
    let text = "The Agreement covers: (i) Services - where services are performed by the Supplier; and (iii) Deliverables - any output from the provision of services by the Supplier, including any IP which constitute \"work made for hire\".\n\nThe Goods provided by Supplier shall be deemed to include a licence for any pre-existing IP necessary for the free and unlimited use of the Goods by Canonical, including their modification by any third party designated by Canonical.";
    let (r, _) = read(text, &p);
    let deliverables = r.terms.terms.iter().find(|t| t.name == "deliverables").expect("a dashed definition");
    assert!(deliverables.features.has(Feature::Broad), "{deliverables:?}");
    // Defining the deliverables as works made for hire makes them so.
    assert!(r.provisions.iter().any(|p| p.kind == Kind::HireWork && p.standing == Standing::Operative), "{:?}", r.provisions);
    let l = r.provisions.iter().find(|p| p.kind == Kind::Licence).expect("a deemed licence");
    assert_eq!((l.giver, l.receiver), (Side::Agency, Side::Counterparty));
    assert!(l.features.has(Feature::Prior) && l.attributes.has(Attribute::Sublicensable), "{l:?}");
    // Defining the words themselves operates nothing.
    let (r, _) = read("\"Work Made for Hire\" means a work made for hire as defined in the Copyright Act.", &p);
    assert!(r.provisions.iter().all(|p| p.kind != Kind::HireWork || p.standing != Standing::Operative), "{:?}", r.provisions);
}

#[test]
fn a_government_release_to_the_public_domain_read_through_its_blanked_bullets() {
    let p = parties(&["contractor"], &["Government"]);
    let norm = Normalised::new(
        "Further, the Government intends to commit the following items, to the public domain, at a minimum: All code created under this call order including but not limited to, plans, reports and schemas; Any and all new open source software created by the contractor; and, Any and all new tooling, scripting and infrastructure as code. 7.2 Covenants Not to Compete.",
    );
    // One clause per paragraph, the bullets' marks blanked.
    let at = |w: &str| norm.text.find(w).unwrap();
    let cuts = [0, at("all code"), at("any and all new open"), at("any and all new tooling"), at("7.2"), norm.text.len()];
    let ranges: Vec<(usize, usize)> = cuts.windows(2).map(|w| (w[0], w[1])).collect();
    let r = Reading::read(Lexicon::embedded(), &norm.text, &ranges, Layout::default(), &p);
    let release = r.provisions.iter().find(|p| p.kind == Kind::OpenLicence).expect("a release to the public domain");
    // "including but not limited to" is no exception, and the last item is read.
    assert!(!release.carve_out, "{release:?}");
    assert!(release.own_features.has(Feature::Methods), "{release:?}");
    // A heading names a covenant; it binds no one.
    assert!(r.provisions.iter().all(|p| p.kind != Kind::Restriction), "{:?}", r.provisions);
}

#[test]
fn a_licence_under_a_term_defined_as_an_open_licence_is_given_for_good() {
    let p = parties(&["Contractor"], &["Issuer"]);
    // Markdown bold inside the quotes leaves spaces there once blanked.
    let text = "\" License \" means the Apache Version 2 license.\n\nBy submitting a Contribution, the Contractor agrees to grant the Issuer the License over the Contribution.";
    let (r, _) = read(text, &p);
    assert!(r.terms.terms.iter().any(|t| t.name == "license"), "{:?}", r.terms.terms);
    let l = r.provisions.iter().find(|p| p.kind == Kind::Licence).expect("the grant");
    assert_eq!((l.giver, l.receiver), (Side::Agency, Side::Counterparty));
    assert!(l.attributes.has(Attribute::Irrevocable) && l.attributes.has(Attribute::Perpetual), "{l:?}");
}

#[test]
fn participation_as_the_consideration_is_no_payment() {
    let p = parties(&["Contributor"], &["Company"]);
    let (r, _) =
        read("The consideration for this Agreement includes the mutual benefits of the Contributor's participation in the Project.", &p);
    assert!(r.provisions.iter().any(|p| p.kind == Kind::Consideration), "{:?}", r.provisions);
}

#[test]
fn a_scope_document_scopes_and_a_third_partys_rights_are_not_the_agencys_work() {
    let p = parties(&["Contractor"], &["Company"]);
    let (r, _) = read(
        "During the term of this Agreement, the parties will agree statements of work defining the Services (each a \"Statement of Work\"). All materials prepared by Contractor as the work product required under any Statement of Work are the property of Company.",
        &p,
    );
    let sow = r.terms.terms.iter().find(|t| t.name == "statement of work").expect("the term");
    assert!(!sow.features.has(Feature::Broad) && sow.features.has(Feature::Scoped), "{sow:?}");
    let owned = r.provisions.iter().find(|p| p.kind == Kind::Ownership).expect("the ownership");
    assert!(owned.features.has(Feature::Scoped), "{owned:?}");
    let (r, _) = read("Contractor shall not use any Intellectual Property licensed to Contractor by any Third Party.", &p);
    let bar = r.provisions.iter().find(|p| p.kind == Kind::Restriction).expect("the bar");
    assert!(bar.counterparty_owned, "{bar:?}");
}

#[test]
fn what_comes_with_a_licence_is_not_part_of_what_is_assigned() {
    let p = parties(&["Contributor"], &["Project Owner"]);
    let (reading, _) = read(
        "\"Background IP\" means any pre-existing tools and know-how of the Contributor.\n\nThe Contributor assigns the approved Work Product to the Project Owner (with a license for any Background IP the Contributor includes).",
        &p,
    );
    let a = reading.provisions.iter().find(|p| p.kind == Kind::Assignment).expect("assignment");
    assert!(a.transfers_to_counterparty());
    assert!(!a.features.has(Feature::Prior) && !a.features.has(Feature::Methods), "{a:?}");
}

#[test]
fn plain_english_gives_and_says_what_its_words_mean() {
    let p = parties(&["Contractor"], &["Client"]);
    let (reading, _) = read(
        "The Contractor is creating \"work product\" for the Client. To avoid confusion, work product is the finished product, as well as drafts, notes, code and anything else that the Contractor works on as part of this project, whether before the date of this Contract or after. The Contractor hereby gives the Client this work product once the Client pays for it in full. This means the Contractor is giving the Client all of its rights in and to the work product, and the Client will be the sole owner of it.\n\nThe Contractor might use pre-existing tools it owns. This is called \"background IP.\" The Contractor is giving the Client a right to use and license (with the right to sublicense) the background IP.",
        &p,
    );
    let term = |name: &str| reading.terms.terms.iter().find(|t| t.name == name).unwrap_or_else(|| panic!("{name} defined"));
    assert!(
        term("work product").features.has(Feature::Broad) && term("work product").features.has(Feature::Prior),
        "{:?}",
        term("work product")
    );
    assert!(term("background ip").features.has(Feature::Prior));
    let gives: Vec<&Provision> = reading.provisions.iter().filter(|p| p.kind == Kind::Assignment).collect();
    assert_eq!(gives.len(), 2, "{gives:?}");
    assert!(gives.iter().all(|p| p.transfers_to_counterparty() && p.timing == Timing::OnPayment), "{gives:?}");
    // "the Client will be the sole owner of it": the owner is named first.
    assert!(reading.provisions.iter().any(|p| p.kind == Kind::Ownership && p.receiver == Side::Counterparty));
    let licence = reading.provisions.iter().find(|p| p.kind == Kind::Licence).expect("licence");
    assert!(licence.giver == Side::Agency && licence.attributes.has(Attribute::Sublicensable), "{licence:?}");
}

#[test]
fn a_glossary_defines_its_terms_and_what_the_draft_gives_the_agency_stays_its_own_when_handed_over() {
    let p = parties(&["Supplier"], &["Public Organisation"]);
    let (reading, _) = read(
        "Capitalised terms have the meaning defined in this article.\nAgreement: the entire agreement of which the Clauses are part;\nAI System: the AI system referred to in Annex A;\nSupplier Data Sets: the data sets used in the development of the AI System that the Supplier brings;\nDelivery: the time at which the AI System is ready for use.\n\n12.1. All rights, including any intellectual property right, relating to Supplier Data Sets will accrue to the Supplier.\n\n13.2. On first request of the Public Organisation, the Supplier will hand over the most recent version of the Supplier Data Sets to the Public Organisation.",
        &p,
    );
    for name in ["agreement", "ai system", "supplier data sets", "delivery"] {
        assert!(reading.terms.terms.iter().any(|t| t.name == name), "{name} not defined: {:?}", reading.terms.terms);
    }
    let kept = reading.provisions.iter().find(|p| p.kind == Kind::Ownership).expect("ownership");
    assert_eq!(kept.receiver, Side::Agency, "{kept:?} {:?}", reading.terms.terms);
    let handed = reading.provisions.iter().find(|p| p.kind == Kind::Delivery).expect("hand over");
    assert!(handed.giver == Side::Agency && handed.receiver == Side::Counterparty, "{handed:?}");
    assert!(handed.features.has(Feature::Prior), "{handed:?} {kept:?}");
}

#[test]
fn each_item_of_a_list_without_a_lead_in_is_a_sentence_and_what_a_party_receives_the_other_gives() {
    let p = parties(&["Consultant"], &["Client"]);
    let (reading, _) = read(
        "## 4. Ownership\n\n- The Client receives a perpetual, non-exclusive license to the delivered agents\n- All data provided by the Client will be owned by the Client\n- All custom agent code and tooling will be owned by the Consultant.\n\nThe Consultant assigns to the Client the following:\n- the source code\n- the designs",
        &p,
    );
    let owned: Vec<&Provision> = reading.provisions.iter().filter(|p| p.kind == Kind::Ownership).collect();
    assert_eq!(owned.len(), 2, "{owned:?}");
    assert!(owned[0].counterparty_owned && owned[1].receiver == Side::Agency && !owned[1].counterparty_owned, "{owned:?}");
    let licence = reading.provisions.iter().find(|p| p.kind == Kind::Licence).expect("licence");
    assert!(licence.giver == Side::Agency && licence.receiver == Side::Counterparty && !licence.counterparty_owned, "{licence:?}");
    // After a lead-in's colon the items are its object, one sentence.
    let assigned = reading.provisions.iter().find(|p| p.kind == Kind::Assignment).expect("assignment");
    assert!(assigned.transfers_to_counterparty() && assigned.features.has(Feature::Work), "{assigned:?}");
}

#[test]
fn a_licence_is_completed_by_what_is_said_of_it_later_and_by_what_was_transferred() {
    let p = parties(&["Contractor"], &["Client"]);
    let (r, _) = read(
        "The Contractor is giving the Client a right to use and license the background IP. The Client cannot sell the background IP. The Contractor cannot take back this grant, and this grant does not end when the Contract is over.",
        &p,
    );
    let licence = r.provisions.iter().find(|p| p.kind == Kind::Licence).expect("the licence is read");
    assert!(licence.attributes.has(Attribute::Irrevocable) && licence.attributes.has(Attribute::Perpetual), "{licence:?}");
    // Said of a licence the other way round, it is that licence's, not the one before.
    let (r, _) = read(
        "The Client grants the Contractor a licence to the Client Materials. The Client is not allowed to take back this license.",
        &p,
    );
    let licence = r.provisions.iter().find(|p| p.kind == Kind::Licence).unwrap();
    assert_eq!(licence.giver, Side::Counterparty);
    assert!(licence.attributes.has(Attribute::Irrevocable));
    // Nothing said of it: nothing added.
    let (r, _) = read("Contractor grants Client a licence to the Deliverables. The Client may terminate this Agreement on notice.", &p);
    assert_eq!(r.provisions.iter().find(|p| p.kind == Kind::Licence).unwrap().attributes, Attributes::default());

    let (r, _) = read(
        "Contractor assigns to Client all intellectual property rights in all deliverables.\n\nIf payment is a condition, Contractor grants Client an irrevocable, perpetual licence pending payment.",
        &p,
    );
    let licence = r.provisions.iter().find(|p| p.kind == Kind::Licence).unwrap();
    assert!(
        licence.own_features.has(Feature::Work) && licence.features.has(Feature::Ip),
        "the licence is of the deliverables: {licence:?}"
    );
}

#[test]
fn a_promise_that_the_work_is_original_is_not_a_promise_of_authority() {
    let p = parties(&["Contractor"], &["Client"]);
    let warranty = |text: &str| {
        let (r, _) = read(text, &p);
        r.provisions.into_iter().find(|p| p.kind == Kind::Warranty).unwrap_or_else(|| panic!("no warranty read in {text:?}"))
    };
    assert!(
        warranty("Contractor warrants the deliverables are original and do not infringe third-party rights.")
            .features
            .has(Feature::Originality)
    );
    let w =
        warranty("The Contractor promises that it owns the work product and that no other party will claim that it owns the work product.");
    assert!(w.features.has(Feature::Originality), "{w:?}");
    // Title and non-infringement are promised of what the agency has, not of how the work was made.
    for text in [
        "Contractor warrants that it has the authority to grant all rights under this Agreement.",
        "Contractor warrants that it is the sole owner of all Intellectual Property Rights in the Software.",
        "Contractor represents and warrants that the deliverables will not knowingly infringe any third-party rights.",
    ] {
        let w = warranty(text);
        assert!(w.features.has(Feature::Authority) && !w.features.has(Feature::Originality), "{text}: {w:?}");
    }
}

#[test]
fn a_passive_bar_reads_what_it_bars_before_it() {
    let p = parties(&["Supplier"], &["Client"]);
    let (r, _) =
        read("Confidential Information shall not be used by the Receiving Party other than for the purposes under this Agreement.", &p);
    let bar = r.provisions.iter().find(|p| p.kind == Kind::Restriction).expect("the bar is read");
    assert!(bar.features.has(Feature::Confidential), "{bar:?}");
    let (r, _) = read("Raw Materials shall not be used beyond their expiration date.", &p);
    assert!(r.provisions.iter().all(|p| p.kind != Kind::Restriction), "a shelf life bars no one: {:?}", r.provisions);
}

#[test]
fn a_transfer_that_names_the_clients_confidential_information_does_not_take_its_know_how() {
    let p = parties(&["Contractor"], &["Company"]);
    let t = transfers(
        "\"Proprietary Information\" means all confidential information of the Company, including know-how and processes.\n\nContractor hereby assigns to Company all deliverables to the extent they use Proprietary Information.",
        &p,
    );
    let t = t.iter().find(|t| t.kind == Kind::Assignment).expect("the assignment is read");
    assert!(t.terms.is_empty() && !t.features.has(Feature::Methods), "{t:?}");
}

#[test]
fn unlimited_rights_in_data_first_produced_are_a_licence_from_the_contractor_for_good() {
    let p = parties(&["Contractor"], &["Government"]);
    let (r, _) = read("The Government shall have unlimited rights in data first produced in the performance of this contract.", &p);
    let l = r.provisions.iter().find(|p| p.kind == Kind::Licence).expect("read as a licence");
    assert_eq!((l.giver, l.receiver), (Side::Agency, Side::Counterparty));
    assert!(l.attributes.has(Attribute::Perpetual) && l.attributes.has(Attribute::Irrevocable), "{l:?}");
}

#[test]
fn such_rights_passed_on_make_a_licence_transferable_and_a_list_item_hands_over() {
    let p = parties(&["VBT"], &["Client"]);
    let (r, _) = read(
        "VBT hereby grants to the Client an irrevocable, non-exclusive license to use its preexisting materials. The Client may assign, transfer, and sublicense such rights to others without VBT's approval.",
        &p,
    );
    let l = r.provisions.iter().find(|p| p.kind == Kind::Licence).expect("the licence");
    assert!(l.attributes.has(Attribute::Transferable) && l.attributes.has(Attribute::Sublicensable), "{l:?}");
    let (r, _) = read("Upon termination VBT shall:\n\n(a) deliver to the Client all deliverables, whether complete or incomplete;", &p);
    assert!(r.provisions.iter().any(|p| p.kind == Kind::Delivery), "{:?}", r.provisions);
}

#[test]
fn two_glossary_lines_in_a_clause_that_says_it_defines() {
    let p = parties(&["Supplier"], &["Customer"]);
    let (r, _) = read(
        "1.1 The definitions in this clause apply in this agreement.\nDeveloped IPR: all Intellectual Property Rights in the Deliverables and in any other materials created in the course of providing the Services.\nSupplier Background IPR: all Intellectual Property Rights owned by the Supplier before the date of this agreement.",
        &p,
    );
    let developed = r.terms.terms.iter().find(|t| t.name == "developed ipr").expect("defined");
    assert!(developed.features.has(Feature::Broad), "{developed:?}");
    assert!(r.terms.terms.iter().any(|t| t.name == "supplier background ipr"));
}

#[test]
fn what_a_party_makes_for_itself_it_keeps_and_a_co_owner_named_with_it_made_nothing() {
    let p = parties(&["Zogenix"], &["Distributor"]);
    for text in [
        "Distributor shall own the entire right, title and interest in and to any and all Inventions conceived or reduced to practice solely by Distributor.",
        "Distributor shall own all inventions made solely by or on behalf of Distributor.",
        "Distributor shall retain co-ownership with Zogenix of any Data generated solely by Distributor.",
    ] {
        assert!(transfers(text, &p).is_empty(), "{text}: {:?}", transfers(text, &p));
    }
    // Made by the agency, co-owned: the agency's work is shared.
    let t = transfers("Zogenix and Distributor shall jointly own all software developed by Zogenix.", &p);
    assert!(t.iter().any(|t| t.kind == Kind::Joint && t.features.has(Feature::Work)), "{t:?}");
}

#[test]
fn joint_ownership_in_the_active_voice_names_its_object_after_the_verb() {
    let p = parties(&["EFS"], &["Client"]);
    let (r, _) = read(
        "5.6. EFS shall collect the Demographic Data. Client and EFS shall jointly own and have rights to all Source Code written hereunder.",
        &p,
    );
    let joint = r.provisions.iter().find(|p| p.kind == Kind::Joint).expect("joint ownership");
    assert!(joint.features.has(Feature::Work), "{joint:?}");
    assert!(!joint.features.has(Feature::Data), "what precedes the verb is not the object: {joint:?}");
}

#[test]
fn a_partys_own_marks_named_after_it_stay_its_own_unless_the_term_is_the_work() {
    let p = parties(&["Zogenix"], &["Distributor"]);
    let own = "Distributor may use its marks (\"Distributor Housemarks\"). Distributor shall own all rights in the Distributor Housemarks.";
    assert!(transfers(own, &p).is_empty(), "{:?}", transfers(own, &p));
    let work =
        "\"Distributor IP\" means all software developed under this Agreement.\n\nDistributor shall own all rights in the Distributor IP.";
    assert!(!transfers(work, &p).is_empty());
}

#[test]
fn handing_over_such_things_as_were_just_assigned_hands_over_nothing_more() {
    let p = parties(&["Provider"], &["Recipient"]);
    let text = "(a) Provider hereby assigns to the Recipient all rights in any invention, technique, process or know-how made by Provider.\n\n(b) At Recipient's request, Provider shall disclose any such invention, technique, process or know-how promptly to Recipient.";
    let (r, _) = read(text, &p);
    let handover = r.provisions.iter().find(|p| p.kind == Kind::Delivery).expect("the disclosure");
    assert!(handover.counterparty_owned, "{handover:?}");
    // Without the assignment before it, the hand-over is the agency's know-how leaving.
    let (r, _) = read("(b) Provider shall disclose any such invention, technique, process or know-how promptly to Recipient.", &p);
    let handover = r.provisions.iter().find(|p| p.kind == Kind::Delivery).expect("the disclosure");
    assert!(!handover.counterparty_owned, "{handover:?}");
}

#[test]
fn what_a_term_leaves_out_of_the_agencys_prior_work_is_not_in_what_passes() {
    let p = parties(&["Philips"], &["Customer"]);
    // Said after the definition.
    let text = "13.3 All Intellectual Property Rights in enhancements developed during manufacture of the Products (\"New Technology\") will be owned exclusively by Customer. For greater certainty, \"New Technology\" shall exclude any modification to Philips pre-existing Intellectual Property Rights.";
    let (r, _) = read(text, &p);
    let owned = r.provisions.iter().find(|p| p.transfers_to_counterparty()).expect("the ownership");
    assert!(!owned.features.has(Feature::Improvements), "{owned:?}");
    assert!(r.terms.terms.iter().any(|t| t.name == "new technology" && t.excluded.has(Feature::Prior)), "{:?}", r.terms.terms);
    // In the definition: what follows the exclusion is not swept in.
    let text = "\"Work Product\" means all deliverables and improvements made under this Agreement, excluding Philips' pre-existing tools and any improvements to them.\n\nPhilips hereby assigns all Work Product to Customer.";
    let (r, _) = read(text, &p);
    let assigned = r.provisions.iter().find(|p| p.transfers_to_counterparty()).expect("the assignment");
    assert!(assigned.features.has(Feature::Work) && !assigned.features.has(Feature::Improvements), "{assigned:?}");
    assert!(!assigned.features.has(Feature::Prior), "{assigned:?}");
    // An exclusion of something else leaves the term as it was.
    let text = "\"Work Product\" means all deliverables and improvements made under this Agreement, excluding Customer Data.\n\nPhilips hereby assigns all Work Product to Customer.";
    let (r, _) = read(text, &p);
    let assigned = r.provisions.iter().find(|p| p.transfers_to_counterparty()).expect("the assignment");
    assert!(assigned.features.has(Feature::Improvements), "{assigned:?}");
}

#[test]
fn giving_up_rights_in_the_work_and_assigning_without_naming_the_assignee_pass_them_to_the_other_side() {
    let p = parties(&["Company"], &["Client"]);
    for text in [
        "Company agrees that the compensation provided herein is adequate and herein waives any and all right, title and interest in the Services including any ownership through patent or copyright.",
        "Company shall assist and freely assign without any restriction all right, title and interest in the Services developed, including inventions, designs or other materials developed under this Agreement.",
        "Ownership of any solutions or application developed while providing the Services lies solely and exclusively with Client.",
    ] {
        let t = transfers(text, &p);
        assert!(!t.is_empty(), "{text}");
    }
    // A waiver of moral rights stays a waiver; an assignment to someone named stays with them.
    let (r, _) = read("Company waives all moral rights in the Deliverables.", &p);
    assert!(r.provisions.iter().all(|p| p.kind == Kind::Waiver), "{:?}", r.provisions);
    let t = transfers("Company shall have the right to assign its warranty rights in the Products to the Customers of such Products.", &p);
    assert!(t.is_empty(), "{t:?}");
    let t =
        transfers("Company shall have the right, without the prior written consent of Client, to assign its rights in the Products.", &p);
    assert!(t.is_empty(), "a capacity interrupted by its condition: {t:?}");
}

#[test]
fn an_ip_address_is_not_intellectual_property() {
    let p = parties(&["Provider"], &["Client"]);
    assert!(transfers("Provider shall assign private IP addresses to the Client's servers.", &p).is_empty());
    assert!(!transfers("Provider shall assign all IP in the software to the Client.", &p).is_empty());
}

#[test]
fn an_object_ends_where_the_other_party_starts_a_clause_of_its_own() {
    let p = parties(&["EFS"], &["Client"]);
    let (r, _) = read("EFS shall retain ownership of such customer data and Client shall have the right to use the software.", &p);
    let kept = r.provisions.iter().find(|p| p.kind == Kind::Retention).expect("the retention");
    assert!(kept.features.has(Feature::Data), "{kept:?}");
    assert!(!kept.features.has(Feature::Work), "the client's use is not what EFS keeps: {kept:?}");
    // A right to use is not ownership: what the agency may use and hands over is no prior work.
    let (r, _) = read(
        "\"User Data\" means the data of customers collected by EFS.\n\nEFS may use the User Data for marketing.\n\nEFS shall provide to Client all User Data.",
        &p,
    );
    let handed = r.provisions.iter().find(|p| p.kind == Kind::Delivery).expect("the hand-over");
    assert!(!handed.features.has(Feature::Prior), "{handed:?}");
}

#[test]
fn a_grant_of_all_right_title_and_interest_is_an_assignment_and_it_refers_back() {
    let p = parties(&["Provider"], &["Client"]);
    let (r, _) = read(
        "Upon full payment, Provider grants Client all rights, title, and interests in and to the work product created specifically for Client, and Client will be the sole owner of it. Once Provider gives the work product to Client, Provider does not have any rights to it, except those that Client explicitly gives Provider in this Agreement.",
        &p,
    );
    let assignment = r.provisions.iter().find(|p| p.kind == Kind::Assignment).expect("the grant of title is an assignment");
    assert!(assignment.receiver == Side::Counterparty && assignment.timing == Timing::OnPayment, "{assignment:?}");
    // "the sole owner of it", "does not have any rights to it": "it" is the work product.
    let owned: Vec<_> = r.provisions.iter().filter(|p| p.kind == Kind::Ownership).collect();
    assert!(owned.len() == 2 && owned.iter().all(|p| p.features.has(Feature::Work)), "{owned:?}");
    assert!(owned.iter().any(|p| p.receiver == Side::Agency && p.negated()), "{owned:?}");
}

#[test]
fn work_produced_for_hire_is_work_made_for_hire() {
    let p = parties(&["Contractor"], &["State"]);
    let (r, _) = read(
        "All designs, drawings and other work developed in the performance of this agreement are produced for hire and remain the sole property of the State.",
        &p,
    );
    assert!(r.provisions.iter().any(|p| p.kind == Kind::HireWork), "{:?}", r.provisions);
}

#[test]
fn a_uk_table_of_definitions_read_limb_by_limb_and_kind_by_kind() {
    let p = parties(&["Supplier"], &["Buyer"]);
    let (r, _) = read(
        "\"Existing IPR\": any and all IPR that are owned by or licensed to either Party and which are developed independently of the Contract;\n\n\"Intellectual Property Rights\" or \"IPR\": copyright, patents, rights in confidential information and Know-How;\n\n\"Know-How\": all ideas, concepts, techniques, methodology and anything else in the nature of know-how;\n\n\"New IPR\": IPR in items created by the Supplier specifically for the purposes of a Contract; and/or IPR in or arising as a result of the performance of the Supplier's obligations under a Contract; but shall not include the Supplier's Existing IPR.\n\n9.2 Any New IPR created under a Contract is owned by the Buyer. The Buyer gives the Supplier a licence to use any Existing IPRs and New IPRs for the purpose of fulfilling its obligations during the Contract Period.",
        &p,
    );
    let term = |name: &str| r.terms.terms.iter().find(|t| t.name == name).unwrap_or_else(|| panic!("{name}: {:?}", r.terms.terms));
    // "IPR" is defined with its long name; "Existing IPR" is named for what came before.
    assert!(term("ipr").features.has(Feature::Methods));
    assert!(term("existing ipr").features.has(Feature::Prior));
    // A scope in one limb does not bound the other; New IPR is IPR, know-how included, and
    // leaves the Supplier's Existing IPR out.
    let new = term("new ipr");
    assert!(new.features.has(Feature::Broad) && !new.features.has(Feature::Scoped), "{new:?}");
    assert!(new.features.has(Feature::Methods) && new.excluded.has(Feature::Prior), "{new:?}");
    let owned = r.provisions.iter().find(|p| p.transfers_to_counterparty()).unwrap_or_else(|| panic!("{:?}", r.provisions));
    assert!(owned.features.has(Feature::Broad) && !owned.features.has(Feature::Prior), "{owned:?}");
    // The licence back is only for the Supplier's own obligations.
    let back = r.provisions.iter().find(|p| p.kind == Kind::Licence && p.receiver == Side::Agency).expect("the licence back");
    assert!(back.attributes.has(Attribute::Limited), "{back:?}");
}

#[test]
fn a_bar_at_any_time_in_any_manner_on_information_proprietary_to_the_client() {
    let p = parties(&["You"], &["Karya"]);
    let (r, _) = read(
        "You will not at any time or in any manner, either directly or indirectly, use for Your personal benefit, or divulge, disclose, or communicate in any manner any information that is proprietary to Karya.",
        &p,
    );
    let bar = r.provisions.iter().find(|p| p.kind == Kind::Restriction).unwrap_or_else(|| panic!("{:?}", r.provisions));
    assert!(bar.giver == Side::Agency && bar.features.has(Feature::Confidential), "{bar:?}");
}

#[test]
fn a_licence_naming_no_grantee_goes_to_the_other_side_and_receiving_payment_conditions_it() {
    let p = parties(&["SSW"], &["Client"]);
    let (r, _) = read(
        "SSW grants a non-exclusive, transferable, perpetual Australian right and license to use, deploy and modify the software comprising the Retained Software within the Client's group.",
        &p,
    );
    let licence = r.provisions.iter().find(|p| p.kind == Kind::Licence).expect("the licence");
    assert!(licence.giver == Side::Agency && licence.receiver == Side::Counterparty, "{licence:?}");
    // A grantee named after "to" stays as named.
    let (r, _) = read("SSW grants a non-exclusive licence to its subcontractors.", &p);
    let licence = r.provisions.iter().find(|p| p.kind == Kind::Licence).expect("the licence");
    assert_eq!(licence.receiver, Side::Unknown, "{licence:?}");
    let p = parties(&["Consultant"], &["Consultee"]);
    let (r, _) = read(
        "Upon completion of Work, and only upon receiving payment of balance due, Consultant will grant Consultee a perpetual, irrevocable, worldwide license to use and modify the Work.",
        &p,
    );
    let licence = r.provisions.iter().find(|p| p.kind == Kind::Licence).expect("the licence");
    assert_eq!(licence.timing, Timing::OnPayment, "{licence:?}");
}

#[test]
fn a_period_counted_from_final_payment_conditions_nothing() {
    let p = parties(&["Contractor"], &["State"]);
    let (r, _) = read(
        "All designs and other work developed in the performance of this agreement are produced for hire and remain the sole property of the State. The contractor, for a period of three years after final payment under this contract, agrees to provide access to all retained materials.",
        &p,
    );
    let hire = r.provisions.iter().find(|p| p.kind == Kind::HireWork).expect("work for hire");
    assert_eq!(hire.timing, Timing::Unstated, "{hire:?}");
    assert_eq!(hire.receiver, Side::Counterparty, "{hire:?}");
}

#[test]
fn work_on_a_work_for_hire_basis_is_work_made_for_hire() {
    let p = parties(&["you"], &["OpenGov"]);
    for text in
        ["Work you perform for us is created on a work-for-hire basis in accordance with US law.", "The code is a work made for hire."]
    {
        let (r, _) = read(text, &p);
        assert!(r.provisions.iter().any(|p| p.kind == Kind::HireWork), "{text}: {:?}", r.provisions);
    }
}

#[test]
fn a_markdown_list_of_definitions_defines_each_item() {
    let p = parties(&["Albert Sikkema"], &["Client"]);
    let (r, _) = read(
        "1. Definitions\n- Client: The party engaging Albert Sikkema for services\n- Services: Consulting and software development\n- Deliverables: Work products, code, documentation, or other outputs resulting from the Services\n",
        &p,
    );
    let names: Vec<&str> = r.terms.terms.iter().map(|t| t.name.as_str()).collect();
    assert!(names.contains(&"services") && names.contains(&"deliverables"), "{names:?}");
    let deliverables = r.terms.terms.iter().find(|t| t.name == "deliverables").expect("deliverables");
    assert!(deliverables.features.has(Feature::Broad), "{deliverables:?}");
}

#[test]
fn a_party_that_shall_have_all_rights_or_owns_the_work_is_its_owner() {
    for (agency, client, text) in [
        (
            "Consultant",
            "Company",
            "Company shall have all copyright and patent rights with respect to all materials developed under this contract.",
        ),
        ("Consultant", "Company", "Company shall have all right, title and interest in and to the Deliverables."),
        ("LKS Next", "Client", "Client owns the custom software developed for them."),
        // A provider's own terms, to "you".
        ("we", "you", "Upon full payment, you own all custom code, designs, and deliverables created specifically for your project."),
    ] {
        let t = transfers(text, &parties(&[agency], &[client]));
        assert!(t.iter().any(|t| t.kind == Kind::Ownership && t.receiver == Side::Counterparty), "{text}: {t:?}");
    }
    // A right to do something, or a shareholding, is no ownership of the work.
    let p = parties(&["Consultant"], &["Company"]);
    for text in [
        "Company shall have the sole right to determine whether the Works will be exploited.",
        "Company owns less than 10% of the capital stock of Consultant.",
        "Consultant may use its own tools and its own methods.",
    ] {
        assert!(transfers(text, &p).is_empty(), "{text}");
    }
    // Owning what it provides, as a promise, allocates nothing.
    let t = transfers("You represent that you own the materials you provide to us.", &parties(&["we"], &["you"]));
    assert!(t.iter().all(|t| t.standing != Standing::Operative), "{t:?}");
}

#[test]
fn know_how_named_through_another_term_is_found_in_that_terms_definition() {
    let p = parties(&["Supplier"], &["Buyer"]);
    let (r, text) = read(
        "\"IPR\": copyright, patents, designs, Know-How and trade secrets;\n\"Know-How\": all ideas, concepts, techniques, methodology and anything else in the nature of know-how relating to the Deliverables;\n\"New IPR\": IPR in items created by the Supplier specifically for the purposes of a Contract;",
        &p,
    );
    let term = |name: &str| r.terms.terms.iter().find(|t| t.name == name).expect(name);
    let know_how = term("know-how");
    for name in ["ipr", "new ipr"] {
        let at = term(name).methods_at.expect("methods");
        assert!((know_how.start..know_how.end).contains(&at), "{name}: {:?}", &text[at..]);
    }
}

#[test]
fn a_sentence_saying_what_the_conveyed_thing_includes_is_part_of_its_object() {
    let p = parties(&["Provider"], &["Client"]);
    let (r, _) = read(
        "Upon full payment, Client will be the sole owner of the work product. Work product includes drafts, notes, code and anything else Provider works on as part of this project, whether before the date of this Agreement or after.",
        &p,
    );
    let owner = r.provisions.iter().find(|p| p.kind == Kind::Ownership).expect("ownership");
    assert!(owner.features.has(Feature::Prior), "{owner:?}");
    // A sentence about something else is not read into it.
    let (r, _) = read("Client will be the sole owner of the work product. The fees include the Provider's pre-existing costs.", &p);
    let owner = r.provisions.iter().find(|p| p.kind == Kind::Ownership).expect("ownership");
    assert!(!owner.features.has(Feature::Prior), "{owner:?}");
}

#[test]
fn prompts_and_workflows_are_an_ai_agencys_methods() {
    let p = parties(&["Contractor"], &["Company"]);
    let t = transfers("Contractor hereby assigns to Company all work product, including code, prompts, workflows and related IP.", &p);
    assert!(t.iter().any(|t| t.features.has(Feature::Methods)), "{t:?}");
}

#[test]
fn work_dated_before_the_agreement_swept_into_a_transfer_is_prior_work_but_not_when_excluded() {
    let p = parties(&["Consultant"], &["Company"]);
    let t =
        transfers("Consultant hereby assigns to Company all Works, including all preparatory elements dated prior to this Agreement.", &p);
    assert!(t.iter().any(|t| t.features.has(Feature::Prior) && !t.carve_out), "{t:?}");
    let t = transfers("Consultant hereby assigns to Company all Works, excluding materials developed prior to the Effective Date.", &p);
    assert!(t.iter().all(|t| !t.features.has(Feature::Prior)), "{t:?}");
}

#[test]
fn a_promise_to_use_information_only_for_the_work_is_a_bar() {
    let p = parties(&["Designer"], &["Client"]);
    let (r, _) = read(
        "Each party agrees to keep confidential any non-public information disclosed by the other party (\"Confidential Information\") and to use it solely to perform obligations under this Agreement.",
        &p,
    );
    assert!(r.provisions.iter().any(|p| p.kind == Kind::Restriction), "{:?}", r.provisions);
}

#[test]
fn naming_an_open_source_licence_releases_nothing_but_releasing_under_one_does() {
    let p = parties(&["Offeror"], &["State"]);
    let open = |text: &str| read(text, &p).0.provisions.iter().any(|p| p.kind == Kind::OpenLicence);
    assert!(!open("If an open source license provides implementation guidance, the Offeror shall ensure compliance with that guidance."));
    assert!(open("All code developed under this contract shall be released under the MIT license."));
    assert!(open("\"License\" means the Apache Version 2 license."));
}

#[test]
fn the_client_keeping_what_the_agency_makes_takes_it() {
    let p = parties(&["you"], &["we", "us"]);
    let t = transfers("We will retain the copyright to all the work you perform solely for us.", &p);
    assert!(t.iter().any(|t| t.kind == Kind::Ownership), "{t:?}");
    let p = parties(&["Contractor"], &["Client"]);
    assert!(!transfers("Client retains all rights in all code written by Contractor.", &p).is_empty());
    // What the client already has, it keeps.
    assert!(transfers("Client retains all rights in the Client Materials provided to Contractor.", &p).is_empty());
    assert!(transfers("Contractor retains all rights in the tools Contractor develops.", &p).is_empty());
}

#[test]
fn work_created_on_a_work_for_hire_basis_is_hire_work() {
    let p = parties(&["Developer"], &["Company"]);
    let t = transfers("All code delivered to Company is created on a work-for-hire basis.", &p);
    assert!(t.iter().any(|t| t.kind == Kind::HireWork), "{t:?}");
    assert!(transfers("The Contractor Agreement (Work for Hire) sets out the terms on a fixed basis.", &p).is_empty());
}

#[test]
fn what_the_client_furnished_vests_in_it_and_the_owner_is_named_before_the_next_clause() {
    let p = parties(&["Supplier"], &["Buyer"]);
    let furnished = "All rights in any plans or other materials furnished to or made available to the Supplier by the Buyer shall vest in the Buyer absolutely.";
    assert!(transfers(furnished, &p).is_empty(), "{:?}", transfers(furnished, &p));
    let p = parties(&["Vendor"], &["CWT"]);
    let t = read("All IPR in the Work Product shall be the sole and exclusive property of Acme and Vendor shall procure the waiver of any moral rights.", &p).0;
    assert!(t.provisions.iter().all(|p| p.kind != Kind::Ownership || p.receiver != Side::Agency), "{:?}", t.provisions);
    let t = transfers(
        "All Work Product delivered to CWT pursuant to this Agreement shall be in all respects the sole and exclusive property of CWT.",
        &p,
    );
    assert!(t.iter().any(|t| t.kind == Kind::Ownership && t.receiver == Side::Counterparty), "{t:?}");
}

#[test]
fn a_licence_with_a_bracketed_exception_among_its_attributes_and_a_bar_on_supplying_similar_services() {
    let p = parties(&["Supplier"], &["Norton"]);
    let r = read("Norton grants the Supplier a non-exclusive, royalty-free, non-transferable (except in accordance with clause 22.1) licence to use the Deliverables during the Term.", &p).0;
    let licence = r.provisions.iter().find(|p| p.kind == Kind::Licence).expect("a licence");
    assert_eq!((licence.giver, licence.receiver), (Side::Counterparty, Side::Agency), "{licence:?}");
    let r = read("The Supplier shall not supply services which are the same as or substantially similar to the Services to any business in competition with Norton.", &p).0;
    assert!(r.provisions.iter().any(|p| p.kind == Kind::Restriction && p.giver == Side::Agency), "{:?}", r.provisions);
}

#[test]
fn all_work_created_under_the_agreement_is_broad() {
    let p = parties(&["Developer"], &["Client"]);
    let t = transfers("Developer assigns to Client all work created under this Agreement, including source code.", &p);
    assert!(t.iter().any(|t| t.features.has(Feature::Broad)), "{t:?}");
}

/// Work held on trust for a party is that party's: the one who holds it keeps only the bare
/// title. Both "holds ... on trust for" and "shall hold ... in trust for".
#[test]
fn holding_the_work_on_trust_for_the_client_gives_the_client_ownership() {
    let p = parties(&["Contributor"], &["Company"]);
    for sentence in [
        "The Contributor holds such Intellectual Property on trust for the Company and will assign it to the Company on request.",
        "The Contributor shall hold all such Intellectual Property in trust for the Company.",
    ] {
        let t = transfers(sentence, &p);
        assert!(t.iter().any(|t| t.kind == Kind::Ownership && t.receiver == Side::Counterparty), "{sentence}: {t:?}");
    }
}

#[test]
fn a_right_to_use_held_or_given_in_other_words_is_a_licence_from_the_other_side() {
    let p = parties(&["supplier"], &["client"]);
    for text in [
        "The client shall have an exclusive and unlimited right to use or transmit this material.",
        "The client shall be entitled to use any property rights of the supplier which have been obtained in the framework of this contract without charge.",
    ] {
        let (r, _) = read(text, &p);
        let l: Vec<&Provision> = r.provisions.iter().filter(|p| p.kind == Kind::Licence).collect();
        assert!(l.iter().any(|l| l.giver == Side::Agency && l.receiver == Side::Counterparty), "{text}: {l:?}");
    }
    // A capacity, not a grant: "Developer has right to use/transfer" the code it brings.
    let (r, _) = read("Developer may use pre-existing code if Developer has right to use it.", &parties(&["Developer"], &["Client"]));
    assert!(!r.provisions.iter().any(|p| p.kind == Kind::Licence), "{:?}", r.provisions);
}

#[test]
fn in_the_framework_of_the_contract_is_broad_and_names_no_method() {
    let p = parties(&["supplier"], &["client"]);
    let t = transfers(
        "All documents and records produced by the supplier in the framework of the individual contracts shall be the property of the client.",
        &p,
    );
    assert!(t.iter().any(|t| t.features.has(Feature::Broad) && !t.features.has(Feature::Methods)), "{t:?}");
}

#[test]
fn licence_attributes_in_plain_and_extracted_words() {
    let p = parties(&["Consultant"], &["Client"]);
    let (r, _) = read(
        "The Consultant grants a non-exclusive license in relation to any of the Consultant's Tools of Trade included in what is delivered, that requires no further payment, is irrevocable, and is able to be sub-licensed.",
        &p,
    );
    let l = r.provisions.iter().find(|p| p.kind == Kind::Licence).expect("licence");
    assert_eq!((l.giver, l.receiver), (Side::Agency, Side::Counterparty), "{l:?}");
    assert!(l.attributes.has(Attribute::Sublicensable) && !l.attributes.has(Attribute::Exclusive), "{l:?}");
    // Text taken from a PDF: "non- exclusive" is still non-exclusive.
    let (r, _) = read("Consultant hereby grants to Client a royalty-free, non- exclusive perpetual license to use the Tools.", &p);
    let l = r.provisions.iter().find(|p| p.kind == Kind::Licence).expect("licence");
    assert!(!l.attributes.has(Attribute::Exclusive), "{l:?}");
    let (r, _) = read("The Client and its customers shall be entitled to use and pass on usage rights in the Tools.", &p);
    assert!(r.provisions.iter().any(|p| p.kind == Kind::Licence && p.attributes.has(Attribute::Transferable)), "{:?}", r.provisions);
}

#[test]
fn an_undertaking_not_to_deal_with_competitors_is_a_restriction() {
    let p = parties(&["supplier"], &["client"]);
    for text in [
        "For the duration of this contract the supplier undertakes not to enter any contractual relationship with companies which are in direct competition with the client.",
        "The supplier undertakes not to make any competing offers to these customers during the project period.",
    ] {
        let (r, _) = read(text, &p);
        assert!(
            r.provisions.iter().any(|p| p.kind == Kind::Restriction && p.giver == Side::Agency && p.features.has(Feature::Competition)),
            "{text}: {:?}",
            r.provisions
        );
    }
}

#[test]
fn handing_over_work_in_progress_and_using_information_only_for_the_cooperation() {
    let p = parties(&["Consultant"], &["Client"]);
    let (r, _) = read(
        "Upon termination of this Agreement, Consultant shall return to Client all copies of any Client data. Consultant shall also furnish Client with all work in progress or portions thereof.",
        &p,
    );
    assert!(
        r.provisions.iter().any(|p| p.kind == Kind::Delivery && p.timing == Timing::OnTermination && p.features.has(Feature::Work)),
        "{:?}",
        r.provisions
    );
    // Furnishing information is no hand-over of the work.
    let (r, _) = read("The Consultant shall furnish to the Client such information regarding itself as the Client requests.", &p);
    assert!(!r.provisions.iter().any(|p| p.kind == Kind::Delivery), "{:?}", r.provisions);
    let (r, _) = read(
        "Each party undertakes to maintain confidentiality with regard to all information of the other party, only to use such information for the purpose of the mutual cooperation.",
        &p,
    );
    assert!(r.provisions.iter().any(|p| p.kind == Kind::Restriction && p.giver == Side::Both), "{:?}", r.provisions);
}

#[test]
fn inventions_in_the_line_of_the_clients_present_or_future_business_are_broad() {
    let p = parties(&["Consultant"], &["Client"]);
    let t = transfers(
        "Consultant hereby assigns to Client all inventions in Consultant's field of endeavor in the line of Client's present or future business.",
        &p,
    );
    assert!(t.iter().any(|t| t.features.has(Feature::Broad)), "{t:?}");
}

#[test]
fn deemed_the_author_is_work_for_hire_and_a_grant_of_a_list_is_a_licence_with_the_lists_terms() {
    let p = parties(&["Provider"], &["Client"]);
    let (r, _) = read("Client shall be deemed the sole author and owner of all work product for all purposes.", &p);
    let hire = r.provisions.iter().find(|p| p.kind == Kind::HireWork).expect("work for hire");
    assert!(hire.features.has(Feature::Work) && hire.receiver == Side::Counterparty, "{hire:?}");
    let (r, _) = read(
        "For any disclosed pre-existing IP, Provider grants Client a:\n\n- Perpetual, irrevocable, worldwide license\n- Right to sublicense to manufacturers and partners",
        &p,
    );
    let l = r.provisions.iter().find(|p| p.kind == Kind::Licence).expect("a licence");
    assert_eq!((l.giver, l.receiver), (Side::Agency, Side::Counterparty));
    assert!(l.attributes.has(Attribute::Perpetual) && l.attributes.has(Attribute::Sublicensable), "{l:?}");
    // A grant of "a" something that no list follows is no licence.
    let (r, _) = read("Provider grants Client a discount of ten percent on the second phase.", &p);
    assert!(r.provisions.iter().all(|p| p.kind != Kind::Licence), "{:?}", r.provisions);
}

#[test]
fn a_bar_whose_verbs_are_listed_after_a_colon_is_a_restriction() {
    let p = parties(&["Collaborator"], &["Company"]);
    let (r, _) = read(
        "The Collaborator agrees that he will not, during the term of this Licence or at any time thereafter, directly or indirectly: (i) disclose any Confidential Information to any third party; (ii) use any Confidential Information other than to perform the work.",
        &p,
    );
    let bar = r.provisions.iter().find(|p| p.kind == Kind::Restriction).expect("a bar");
    assert_eq!(bar.giver, Side::Agency);
    assert!(bar.features.has(Feature::Confidential), "{bar:?}");
}

#[test]
fn a_right_granted_with_many_terms_or_after_a_time_phrase_is_a_licence() {
    let p = parties(&["Freelancer"], &["Client"]);
    // Seven terms before "right", and its sublicensing set between commas before "to".
    let text = "Freelancer hereby grants to Client a non-exclusive, perpetual, fully-paid and royalty-free, irrevocable and worldwide right, \
        with rights to sublicense through multiple levels of sublicensees, to reproduce and distribute the Background Technology.";
    let (reading, _) = read(text, &p);
    let licence = reading.provisions.iter().find(|p| p.kind == Kind::Licence).expect("a licence");
    assert!(licence.attributes.has(Attribute::Perpetual) && licence.attributes.has(Attribute::Sublicensable), "{licence:?}");
    assert_eq!((licence.giver, licence.receiver), (Side::Agency, Side::Counterparty));
    // "grants to Client during the term of such rights, an exclusive ... license".
    let text = "Freelancer grants to Client during the term of such rights, an exclusive, even as to Freelancer, irrevocable, perpetual, \
        worldwide license to such rights.";
    let (reading, _) = read(text, &p);
    let licence = reading.provisions.iter().find(|p| p.kind == Kind::Licence).expect("a licence");
    assert!(licence.attributes.has(Attribute::Exclusive) && licence.attributes.has(Attribute::Irrevocable), "{licence:?}");
    // Four words and more after "grant" do not reach a licence past them.
    let text = "Distributor grants Zogenix a licence with the right to grant sublicenses to use such Data solely generated and co-owned \
        by Distributor outside of the Territory and a co-exclusive license in the Territory.";
    let (reading, _) = read(text, &p);
    assert_eq!(reading.provisions.iter().filter(|p| p.kind == Kind::Licence).count(), 1, "{:?}", reading.provisions);
}

#[test]
fn a_promise_to_destroy_copies_is_read_with_its_own_subject() {
    let p = parties(&["Freelancer"], &["Client"]);
    let text = "Freelancer will immediately return all Client Materials to Client and further agrees to destroy all copies of \
        Client Materials and Deliverables.";
    let (reading, norm) = read(text, &p);
    let destroy = reading.provisions.iter().find(|p| p.kind == Kind::Delivery && norm[p.start..p.end].starts_with("agrees to destroy"));
    let destroy = destroy.expect("the promise to destroy");
    assert_eq!(destroy.giver, Side::Agency, "{destroy:?}");
    assert!(!destroy.counterparty_owned, "the Deliverables are among what is destroyed: {destroy:?}");
}

#[test]
fn a_glossary_entry_opening_with_a_list_of_rights_is_read_as_a_catalogue_of_rights() {
    let p = parties(&["Supplier"], &["Buyer"]);
    let text = "1.1 Definitions. Business Day: a day other than a Saturday or Sunday. Charges: the fees payable for the Services. \
        Foreground Intellectual Property: any Intellectual Property Rights that arise in connection with the Services. \
        Intellectual Property Rights: patents, utility models, copyright, moral rights, database rights, rights in confidential information (including know-how and trade secrets).\n\n\
        2. The Supplier assigns to the Buyer the Foreground Intellectual Property.";
    let (reading, _) = read(text, &p);
    let term =
        |name: &str| reading.terms.terms.iter().find(|t| t.name == name).unwrap_or_else(|| panic!("{name}: {:?}", reading.terms.terms));
    let ipr = term("intellectual property rights");
    assert!(ipr.features.has(Feature::Methods) && ipr.features.has(Feature::Ip), "{ipr:?}");
    for kind in [Feature::Models, Feature::Moral, Feature::Data, Feature::Confidential] {
        assert!(!ipr.features.has(kind), "{kind:?} in {ipr:?}");
    }
    // What is assigned carries the know-how its definition's rights name.
    assert!(term("foreground intellectual property").features.has(Feature::Methods));
}

#[test]
fn a_term_named_after_what_it_sweeps_in_is_defined_and_a_sublicence_among_the_licences_verbs_is_one() {
    let p = parties(&["Researchers"], &["Seed"]);
    let (reading, _) = read(
        "- All inventions, designs, algorithms, protocols or research outputs created during the collaboration that relate to Seed's core technology are considered Foreground IP.\n\n- Foreground IP is owned by Seed.\n\n- Researchers grant Seed a perpetual, worldwide licence to use, modify, commercialize, and sublicense Foreground IP.",
        &p,
    );
    let term = reading.terms.terms.iter().find(|t| t.name == "foreground ip").expect("defined");
    assert!(term.features.has(Feature::Broad) && term.features.has(Feature::Methods), "{term:?}");
    let owned = reading.provisions.iter().find(|p| p.kind == Kind::Ownership).expect("ownership");
    assert!(owned.receiver == Side::Counterparty && owned.features.has(Feature::Methods), "{owned:?}");
    let licence = reading.provisions.iter().find(|p| p.kind == Kind::Licence).expect("a licence");
    assert!(licence.attributes.has(Attribute::Sublicensable), "{licence:?}");
    // Being deemed accepted or considered confidential names no term.
    let (reading, _) = read("The Deliverables are deemed accepted. Such notes are considered confidential.", &p);
    assert!(reading.terms.terms.is_empty(), "{:?}", reading.terms.terms);
}

#[test]
fn a_licence_of_everything_but_the_new_work_that_the_work_builds_on_is_of_prior_work_described_after_it() {
    let p = parties(&["Developer"], &["Blockchain Commons"]);
    let (reading, _) = read(
        "Developer licenses Blockchain Commons to do everything that would otherwise infringe Intellectual Property Rights that Developer can license, other than New Intellectual Property, that Developer's Contributions use or build on. The license continues forever, cannot be revoked, imposes no royalty or other charge, and allows Blockchain Commons to sublicense.",
        &p,
    );
    let licence = reading.provisions.iter().find(|p| p.kind == Kind::Licence).expect("a licence");
    assert_eq!((licence.giver, licence.receiver), (Side::Agency, Side::Counterparty));
    assert!(licence.features.has(Feature::Prior), "{licence:?}");
    for a in [Attribute::Perpetual, Attribute::Irrevocable, Attribute::Sublicensable, Attribute::Unlimited] {
        assert!(licence.attributes.has(a), "{a:?}: {licence:?}");
    }
}

#[test]
fn a_list_of_definitions_under_its_heading_defines_each_term_that_means_something() {
    let p = parties(&["Developer"], &["Blockchain Commons"]);
    let (reading, _) = read(
        "Intellectual Property Definitions\n- New Intellectual Property means all Intellectual Property Rights in Developer's Contributions.\n- Dependencies means all works that the Contributions link to.",
        &p,
    );
    let names: Vec<&str> = reading.terms.terms.iter().map(|t| t.name.as_str()).collect();
    assert!(names.contains(&"new intellectual property") && names.contains(&"dependencies"), "{names:?}");
}

#[test]
fn what_an_agreement_says_belongs_to_a_party_describes_and_transfers_nothing() {
    let p = parties(&["Developer"], &["Company"]);
    let t = transfers("This document is the agreement on what intellectual property is yours, and what belongs to the Company.", &p);
    assert!(t.iter().all(|p| p.standing != crate::reading::Standing::Operative), "{t:?}");
    assert!(!transfers("All Work Product belongs to the Company.", &p).is_empty());
}

#[test]
fn custom_developments_that_become_the_clients_property_are_improvements_passing_to_it() {
    let p = parties(&["Provider", "we", "our"], &["Client", "you", "your"]);
    let t = transfers("Any custom developments created specifically for you become your property upon full payment.", &p);
    let owned = t.iter().find(|p| p.kind == Kind::Ownership).expect("ownership");
    assert_eq!(owned.receiver, Side::Counterparty);
    assert!(owned.features.has(Feature::Improvements), "{owned:?}");
    let t = transfers("All deliverables and customizations developed for Client shall become the Client's property.", &p);
    assert!(t.iter().any(|p| p.receiver == Side::Counterparty && p.features.has(Feature::Improvements)), "{t:?}");
    // The Client's own materials that "remain" its property pass nothing.
    assert!(transfers("All notes relating to the Client's business shall remain the Client's exclusive property.", &p).is_empty());
}

#[test]
fn a_heading_and_a_link_to_it_name_an_assignment_and_make_none() {
    let p = parties(&["Developer"], &["Foundation"]);
    let text = "## Developer Assigns Intellectual Property\n\nDeveloper assigns all New Intellectual Property to Foundation.\n\n\
                ## Further Steps\n\nDeveloper will help paper assignments in [Developer Assigns Intellectual Property](#assigns).\n";
    let (r, norm) = read(text, &p);
    let found: Vec<&str> = r.provisions.iter().filter(|p| p.kind == Kind::Assignment).map(|p| &norm[p.start..p.end]).collect();
    // One assignment, in the body under the heading: not the heading, not the link to it.
    assert_eq!(found.len(), 1, "{found:?}");
    let a = r.provisions.iter().find(|p| p.kind == Kind::Assignment).expect("the assignment");
    assert!(
        norm[a.sentence.0..a.sentence.1].trim_start().starts_with("developer assigns all new"),
        "{:?}",
        &norm[a.sentence.0..a.sentence.1]
    );
}

#[test]
fn a_clause_ending_in_shall_not_bars_what_its_list_names_and_services_provided_are_broad() {
    let p = parties(&["Contractor"], &["Company"]);
    let text = "For twelve months following termination, Contractor shall not:\n\n(a) Develop or provide competing AI security services;\n\n\
                (b) Assist any competitor.\n\nAll Intellectual Property created during the provision of services shall be the sole property of Company.\n";
    let (r, _) = read(text, &p);
    let bar = r.provisions.iter().find(|p| p.kind == Kind::Restriction).expect("the bar the lead-in makes");
    assert!(bar.features.has(Feature::Competition) && bar.giver == Side::Agency, "{bar:?}");
    let owned = r.provisions.iter().find(|p| p.kind == Kind::Ownership).expect("the ownership statement");
    assert!(owned.features.has(Feature::Broad), "{owned:?}");
}

#[test]
fn the_customers_own_property_handed_back_and_a_licence_to_perform_the_services_are_no_transfer_and_no_licence_back() {
    let p = parties(&["Supplier"], &["Customer"]);
    let (r, _) = read("On termination the Supplier shall transfer to the Customer all intellectual property of the Customer.", &p);
    let t = r.provisions.iter().find(|p| p.kind == Kind::Assignment).expect("the hand-back");
    assert!(t.counterparty_owned, "{t:?}");
    // Waived "in favour of" the client is no thing of the client's.
    let (r, _) = read("Supplier hereby waives in favor of Customer any and all moral rights in the Deliverables.", &p);
    assert!(r.provisions.iter().any(|p| p.kind == Kind::Waiver && !p.counterparty_owned), "{:?}", r.provisions);
    let (r, _) = read(
        "The Customer grants the Supplier a limited, non-exclusive, revocable and worldwide licence to access and use the Websites, solely to provide the Services to the Customer.",
        &p,
    );
    let l = r.provisions.iter().find(|p| p.kind == Kind::Licence).expect("the licence");
    assert!(l.receiver == Side::Agency && l.attributes.has(Attribute::Limited), "{l:?}");
}

#[test]
fn a_bar_led_in_over_two_lines_bars_its_list_and_ends_where_competing_does() {
    let p = parties(&["Contractor"], &["Company"]);
    let text = "During the term and for 12 months after, Contractor agrees:\n\nNOT to:\n\n- Build a competing migration tool\n\
                - Work for a direct competitor\n- Solicit Company employees to leave\n- Use Company's Confidential Information for competitive purposes\n";
    let (r, norm) = read(text, &p);
    let bar = r.provisions.iter().find(|p| p.kind == Kind::Restriction).expect("the bar the lead-in makes");
    assert!(bar.features.has(Feature::Competition) && bar.giver == Side::Agency, "{bar:?}");
    let shown = &norm[bar.start..bar.end];
    assert!(shown.ends_with("direct competitor"), "{shown:?}");
}

#[test]
fn what_passes_with_nothing_to_bound_it_is_everything_and_rights_of_every_kind_take_the_agencys_own() {
    let p = parties(&["Contractor"], &["Company"]);
    let text = "The Company shall own all right, title, and interest in and to:\n\n- All code, documentation, designs, and materials created\n\
                - All intellectual property rights\n- All modifications, enhancements, and derivative works\n";
    let (r, norm) = read(text, &p);
    let owned = r.provisions.iter().find(|p| p.kind == Kind::Ownership).expect("the ownership statement");
    for f in [Feature::Broad, Feature::Prior, Feature::Methods] {
        assert!(owned.features.has(f), "{f:?}: {owned:?}");
    }
    let at = |f: Feature| owned.feature_at.iter().find(|a| a.0 == f).map(|&(_, s, e)| &norm[s..e]);
    assert_eq!(at(Feature::Broad), Some("all code, documentation, designs, and materials created"));
    assert_eq!(at(Feature::Prior), Some("all intellectual property rights"));
    // Bounded by what it is made for, or named by a term: no sweep.
    for bounded in [
        "The Company shall own all right, title, and interest in and to:\n\n- All code created by Contractor specifically for the Company\n",
        "Contractor hereby assigns to the Company all intellectual property rights in the Deliverables.",
    ] {
        let (r, _) = read(bounded, &p);
        assert!(r.provisions.iter().all(|p| !p.own_features.has(Feature::Broad)), "{bounded}: {:?}", r.provisions);
    }
}

#[test]
fn a_licence_granted_once_payments_are_received_is_granted_by_the_one_who_grants_it() {
    let p = parties(&["Vendor"], &["Client"]);
    let (r, _) = read(
        "Once Vendor receives all payments from Client that are not disputed, Vendor shall grant to Client a license to utilize Vendor's Background Technology.",
        &p,
    );
    let licence = r.provisions.iter().find(|p| p.kind == Kind::Licence).expect("a licence");
    assert_eq!((licence.giver, licence.receiver), (Side::Agency, Side::Counterparty), "{licence:?}");
    assert_eq!(licence.timing, Timing::OnPayment, "it waits for the payments: {licence:?}");
    // Received, it is the receiver's.
    let (r, _) = read("Vendor receives from Client a non-exclusive license to use the Deliverables.", &p);
    let licence = r.provisions.iter().find(|p| p.kind == Kind::Licence).expect("a licence");
    assert_eq!(licence.receiver, Side::Agency, "{licence:?}");
}

#[test]
fn rights_obtained_in_order_to_license_are_no_licence_received() {
    let p = parties(&["Provider"], &["Customer"]);
    let text = "Provider will not include any Third-Party Materials unless Provider has obtained, at its own expense, any third-party rights necessary to license the Third-Party Materials to Customer.";
    let (r, _) = read(text, &p);
    assert!(r.provisions.iter().all(|p| !(p.kind == Kind::Licence && p.receiver == Side::Agency)), "{:?}", r.provisions);
    // A licence the agency does receive is still one.
    let (r, _) = read("Provider has a non-exclusive license to use the Customer Materials.", &p);
    assert!(r.provisions.iter().any(|p| p.kind == Kind::Licence && p.receiver == Side::Agency), "{:?}", r.provisions);
}

#[test]
fn a_licences_terms_are_not_read_from_a_clause_before_it() {
    let p = parties(&["Dolphins"], &["Hydron"]);
    let text = "Hydron recognizes that the Dolphins have previously granted the exclusive rights to license its Marks to NFL Properties, and that the grant to Hydron of the right to use the Marks is subject to the prior approval of NFL Properties.";
    let (r, _) = read(text, &p);
    let l = r.provisions.iter().find(|p| p.kind == Kind::Licence && p.receiver == Side::Counterparty).expect("the grant to Hydron");
    assert!(!l.attributes.has(Attribute::Exclusive), "{l:?}");
}

#[test]
fn content_developed_before_the_services_is_prior_work() {
    let p = parties(&["Provider"], &["Customer"]);
    let (r, _) = read(
        "\"Reserved Materials\" means any Content of any kind developed by Provider prior to rendering any Services under this Agreement.",
        &p,
    );
    let term = r.terms.terms.iter().find(|t| t.name == "reserved materials").expect("the term");
    assert!(term.features.has(Feature::Prior), "{term:?}");
}

#[test]
fn a_licence_in_the_passive_on_the_terms_of_another_takes_its_terms() {
    let p = parties(&["Provider"], &["Customer"]);
    let text = "\"Licensed Deliverables\" means Deliverables specified to be licensed.\n\n\
        Provider hereby grants to Customer a non-exclusive, irrevocable, transferable, perpetual license to use Licensed Deliverables.\n\n\
        To the extent any Reserved Materials are included in an Assigned Deliverable, such Reserved Materials are hereby licensed by Provider to Customer under the license for Licensed Deliverables in Section 6.2(a).\n\n\
        To the extent any Third-Party Materials are included, such Third-Party Materials are hereby licensed by Provider to Customer under the license for Licensed Deliverables.";
    let (r, _) = read(text, &p);
    let licences: Vec<&Provision> = r.provisions.iter().filter(|p| p.kind == Kind::Licence).collect();
    let [_, reserved, others] = licences[..] else { panic!("{licences:#?}") };
    assert_eq!((reserved.giver, reserved.receiver), (Side::Agency, Side::Counterparty), "{reserved:?}");
    assert!(reserved.attributes.has(Attribute::Transferable) && reserved.attributes.has(Attribute::Perpetual), "{reserved:?}");
    assert_ne!(others.receiver, Side::Counterparty, "third parties' materials: {others:?}");
}

#[test]
fn a_term_defined_in_brackets_without_quotes_is_read() {
    let p = parties(&["Contractor"], &["Company"]);
    let text = "The Contractor must disclose all intellectual property created by the Contractor in the course of providing the Services (Intellectual Property). \
        The Contractor assigns all its rights in existing or future Intellectual Property to the Company. \
        Payments are subject to the Financial Administration Act (British Columbia), and British Columbia law applies.";
    let (r, _) = read(text, &p);
    let ip = r.terms.terms.iter().find(|t| t.name == "intellectual property").expect("the bracketed term");
    assert!(ip.features.has(Feature::Broad), "{ip:?}");
    let t = transfers(text, &p);
    assert!(t.iter().any(|t| t.kind == Kind::Assignment && t.features.has(Feature::Broad)), "{t:?}");
    // A statute's jurisdiction is no term.
    assert!(r.terms.terms.iter().all(|t| t.name != "british columbia"), "{:?}", r.terms.terms);
}

#[test]
fn an_object_in_a_bulleted_list_item_ends_with_its_item() {
    let p = parties(&["Developer"], &["Client"]);
    let text = "Upon Client-initiated termination:\n    \u{2022} Client shall pay for all completed work\n    \u{2022} Developer shall transfer ownership of completed deliverables to Client\n    \u{2022} Developer retains all pre-existing IP and frameworks";
    let t = transfers(text, &p);
    let [transfer] = &t[..] else { panic!("{t:#?}") };
    assert!(!transfer.features.has(Feature::Prior) && !transfer.features.has(Feature::Methods), "{transfer:?}");
    let (r, _) = read(text, &p);
    assert!(r.provisions.iter().any(|q| q.kind == Kind::Retention && q.receiver == Side::Agency && q.features.has(Feature::Prior)));
}

#[test]
fn a_promise_to_keep_information_confidential_keeps_nothing_of_the_agencys() {
    let p = parties(&["Consultant"], &["Owner"]);
    let (r, _) = read("Consultant agrees to keep all such information confidential and not to divulge it to anyone.", &p);
    assert!(r.provisions.iter().all(|q| q.kind != Kind::Retention), "{:?}", r.provisions);
    assert!(r.provisions.iter().any(|q| q.kind == Kind::Restriction && q.giver == Side::Agency), "{:?}", r.provisions);
    let (r, _) = read("Consultant will keep Owner's information confidential.", &p);
    assert!(r.provisions.iter().any(|q| q.kind == Kind::Restriction && q.giver == Side::Agency), "{:?}", r.provisions);
}

#[test]
fn a_definitions_paragraph_after_a_defined_list_is_no_item_of_it() {
    let p = parties(&["Consultant"], &["Customer"]);
    let text = "GST means:\n\n(a) the same as in the GST Law;\n\n(b) any additional tax under a law of such a tax.\n\n\
        GST Law means the same as in the Tax Act 1999 (Cth);\n\n\
        Intellectual Property Rights means all present and future rights in relation to any copyright, patents and inventions;";
    let norm = Normalised::new(text);
    let starts: Vec<usize> = std::iter::once(0).chain(text.match_indices("\n\n").map(|(i, _)| i + 2)).collect();
    let ends = norm.positions(starts.iter().skip(1).copied().chain([text.len()]));
    let begins = norm.positions(starts.iter().copied());
    let ranges: Vec<(usize, usize)> = begins.into_iter().zip(ends).collect();
    let layout = super::Layout::of(text, &norm);
    let r = Reading::read(Lexicon::embedded(), &norm.text, &ranges, layout, &p);
    let gst = r.terms.terms.iter().find(|t| t.name == "gst").expect("GST");
    assert!(!gst.features.has(Feature::Ip), "{gst:?}");
}

#[test]
fn a_licence_with_a_bracketed_aside_among_its_attributes_is_read() {
    let p = parties(&["Consultant"], &["Owner"]);
    let text = "Consultant hereby appoints and grants Owner a worldwide, personal, non-transferable (except as otherwise expressly set forth herein), and non-exclusive right and license to use the Data Analysis.";
    let (r, _) = read(text, &p);
    let licence = r.provisions.iter().find(|q| q.kind == Kind::Licence).expect("the licence");
    assert_eq!((licence.giver, licence.receiver), (Side::Agency, Side::Counterparty), "{licence:?}");
    let (r, _) = read("Consultant grants Owner a worldwide, personal and non-exclusive license to use the Data Analysis.", &p);
    let licence = r.provisions.iter().find(|q| q.kind == Kind::Licence).expect("the licence");
    assert!(licence.attributes.has(Attribute::Personal), "{licence:?}");
}

#[test]
fn an_owner_denied_what_the_sentence_named_before() {
    let p = parties(&["Contractor"], &["Company"]);
    let (r, _) = read("If you create IP before or after your contract (\"Your IP\"), the Company doesn't own it.", &p);
    let denied = r.provisions.iter().find(|q| q.kind == Kind::Ownership).expect("the ownership");
    assert!(denied.negated() && denied.receiver == Side::Counterparty && denied.features.has(Feature::Prior), "{denied:?}");
}

#[test]
fn successors_and_assigns_are_people_not_an_assignment() {
    let p = parties(&["Contractor"], &["Company"]);
    let t = transfers(
        "The exclusion applies when Contractor or its employees, agents or assigns, can prove that Contractor, its employees, agents or assigns did not use Company equipment.",
        &p,
    );
    assert!(t.is_empty(), "{t:?}");
    // "Contractor understands that its obligation to assign ... must comply with" the law
    // refers to the assignment; it makes none.
    let obligation = "Contractor understands that its obligation to assign, license or waive a claim with respect to any Innovation must comply with RCW 49.44.140.";
    let t = transfers(obligation, &p);
    assert!(t.is_empty(), "{t:?}");
    let (r, _) = read(obligation, &p);
    assert!(!r.provisions.iter().any(|q| q.kind == Kind::Waiver), "{:?}", r.provisions);
}

#[test]
fn an_assignment_in_present_and_future_tense_with_an_adverb() {
    let p = parties(&["Contractor"], &["Company"]);
    let t = transfers(
        "Contractor hereby does and will specifically assign to Company or Company's designee all rights, title, and interest in and to any and all Work Product.",
        &p,
    );
    // The designee named beside Company receives: the Work Product is not already Company's.
    assert!(t.iter().any(|t| t.kind == Kind::Assignment && !t.counterparty_owned), "{t:?}");
}

#[test]
fn a_term_named_as_a_kind_of_another_takes_its_know_how() {
    let p = parties(&["Contractor"], &["Company"]);
    let text = "\"Innovations\" means all discoveries, designs, inventions, trade secrets, know-how and ideas.\n\nContractor hereby grants Company a licence to any Prior Innovations that Contractor incorporates in any Innovations that Contractor conceives during the contract with Company (the \"Company Innovations\").\n\nContractor hereby assigns to Company all rights in and to any and all Company Innovations.";
    let (r, _) = read(text, &p);
    let term = r.terms.terms.iter().find(|t| t.name == "company innovations").expect("the term");
    assert!(term.features.has(Feature::Methods), "{term:?}");
    let assignment = r.provisions.iter().find(|q| q.kind == Kind::Assignment).expect("the assignment");
    assert!(assignment.features.has(Feature::Methods) && !assignment.counterparty_owned, "{assignment:?}");
}

#[test]
fn a_term_named_in_passing_as_a_kind_of_another_is_defined_from_its_mention_on() {
    let p = parties(&["Contractor"], &["Company"]);
    let text = "\"Innovations\" means all discoveries, designs and inventions.\n\nContractor hereby grants Company a licence to practice all patent, copyright, moral right and other rights relating to any Prior Innovations that Contractor incorporates in any Innovations that Contractor conceives during my contract with Company (the \"Company Innovations\").\n\nContractor hereby assigns to Company all rights in and to any and all Company Innovations.";
    let (r, text) = read(text, &p);
    let term = r.terms.terms.iter().find(|t| t.name == "company innovations").expect("the term");
    assert!(text[term.start..term.end].starts_with("any innovations that contractor conceives"), "{:?}", &text[term.start..term.end]);
    // Those Innovations are made during the contract, not the licence's moral rights.
    assert!(term.features.has(Feature::Broad) && !term.features.has(Feature::Moral), "{term:?}");
    // A list named as a whole keeps the whole list.
    let (r, text) = read(
        "Contractor assigns all inventions, designs and other work product it makes (collectively, the \"Contract Work Product\"). \"Work Product\" means any work.",
        &p,
    );
    let term = r.terms.terms.iter().find(|t| t.name == "contract work product").expect("the term");
    assert!(text[term.start..term.end].starts_with("contractor assigns all inventions"), "{:?}", &text[term.start..term.end]);
}

#[test]
fn a_government_clause_cited_by_its_number_is_read_for_what_it_provides() {
    let p = parties(&["Contractor"], &["Government"]);
    let cited = "The Government data rights of software deliverables and all other data first produced in the performance of this task order shall be in accordance with FAR 52.227-17 Rights in Data -- Special Works.";
    let t = transfers(cited, &p);
    assert!(t.iter().any(|t| t.kind == Kind::Assignment && t.timing != Timing::OnPayment), "{t:?}");
    let (r, text) = read(cited, &p);
    let at = r.provisions.iter().find(|q| q.kind == Kind::Assignment).expect("the assignment");
    assert_eq!(&text[at.start..at.end], "52.227-17");
    // Not read: a citation of a clause's definitions, the clause itself, a longer number.
    for text in [
        "The Documentation is \"commercial computer software documentation\" according to DFAR section 252.227-7014(a)(1) and (5).",
        "52.227-17 Rights in Data-Special Works. As prescribed in 27.409(e), insert the following clause.",
        "The Contractor shall comply with FAR 52.227-170.",
    ] {
        assert!(transfers(text, &p).is_empty(), "{text}");
    }
    // Nor without the parties known, nor where the draft already says it in its own words.
    assert!(transfers(cited, &parties(&[], &["Government"])).is_empty());
    let (r, _) = read(&format!("{cited} The Contractor hereby assigns to the Government its copyright in such data."), &p);
    assert_eq!(r.provisions.iter().filter(|q| q.kind == Kind::Assignment).count(), 1, "{:?}", r.provisions);
}

#[test]
fn a_subject_named_before_its_verb_starts_after_the_sentence_before() {
    let p = parties(&["you"], &["Company"]);
    let (r, text) = read(
        "Your compensation for creating Company IP is your regular salary or pay, except where mandatory law applies (Legal will inform you when this might apply). Company IP is work made for hire.",
        &p,
    );
    let hire = r.provisions.iter().find(|q| q.kind == Kind::HireWork).expect("the statement");
    assert!(text[hire.start..hire.end].trim_start().starts_with("company ip is"), "{:?}", &text[hire.start..hire.end]);
}

#[test]
fn having_no_rights_in_the_work_is_an_ownership_denied() {
    let p = parties(&["Contractor"], &["Company"]);
    let (r, _) = read(
        "Contractor represents that neither Contractor nor any of its employees, agents or others associated with Contractor have no rights in any such Company-related Innovations other than those listed on Exhibit A.",
        &p,
    );
    let kept = r.provisions.iter().find(|q| q.kind == Kind::Ownership).expect("the statement");
    assert!(kept.negated() && kept.receiver == Side::Agency, "{kept:?}");
}

#[test]
fn work_done_to_your_order_is_not_already_yours() {
    let p = parties(&["we", "us", "our"], &["you", "your", "yours"]);
    let t = transfers("Original work done to your specific order belongs to you.", &p);
    assert!(t.iter().any(|t| t.kind == Kind::Ownership), "{t:?}");
    // Concepts contained in your own specification were yours to begin with.
    let t = transfers("Web Site concepts contained in your first draft specification belong to you.", &p);
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn data_generated_by_the_clients_own_use_is_theirs_already() {
    let p = parties(&["Company"], &["Client"]);
    for text in [
        "6.4.1 All data entered into or generated by Client's use of the Store.icu implementation, including but not limited to customer information, product information, order data, and analytics data, shall be owned exclusively by Client.",
        "All reports developed by the Client's staff using the Platform shall be owned by Client.",
    ] {
        let t = transfers(text, &p);
        assert!(t.is_empty(), "{text}: {t:?}");
    }
    // What the agency develops for the Client's use is the agency's work.
    let t = transfers("All software developed by Company for Client's use shall be owned by Client.", &p);
    assert!(!t.is_empty(), "{t:?}");
}

#[test]
fn the_owner_of_such_media_owns_the_carrier_not_the_software_on_it() {
    let p = parties(&["Supplier"], &["Buyer"]);
    let text = "The Supplier shall deliver the Specially Written Software in Source Code form on media reasonably acceptable to the Buyer and the Buyer shall become the owner of such media upon receipt.";
    let owned: Vec<Provision> = transfers(text, &p).into_iter().filter(|p| p.kind == Kind::Ownership).collect();
    assert!(!owned.is_empty() && owned.iter().all(|p| !p.own_features.has(Feature::Work)), "{owned:?}");
    // "such intellectual property" still goes back to what was named before.
    let text = "The Supplier shall create the Software and the Buyer shall be the owner of such intellectual property on creation.";
    assert!(transfers(text, &p).iter().any(|p| p.own_features.has(Feature::Work)), "{:?}", transfers(text, &p));
}

#[test]
fn a_licence_to_commercially_exploit_reaches_beyond_use() {
    let a = Attributes::of(
        Lexicon::embedded(),
        "a perpetual, irrevocable, non-exclusive licence to use, sub-license and/or commercially exploit such existing iprs",
    );
    assert!(a.has(Attribute::Unlimited) && a.has(Attribute::Perpetual), "{a:?}");
}

#[test]
fn a_table_of_definitions_in_cells_and_a_definition_that_points_elsewhere() {
    let p = parties(&["Supplier"], &["Buyer"]);
    let (r, _) = read(
        "\"Software Supporting Materials\" | has the meaning given to it in paragraph 10.1 of this Schedule;\n\n\"Specially Written Software\" | any software created by the Supplier specifically for the purposes of this Contract, including any modifications or enhancements to Supplier Software;\n\n10.1 The Supplier assigns to the Buyer all rights in the Specially Written Software together with all test scripts and tools necessary for maintaining it (together the \"Software Supporting Materials\").",
        &p,
    );
    let term = |name: &str| r.terms.terms.iter().find(|t| t.name == name).unwrap_or_else(|| panic!("{name}: {:?}", r.terms.terms));
    assert!(term("specially written software").features.has(Feature::Improvements));
    // Defined where the table points to, not by the pointer.
    assert!(term("software supporting materials").features.has(Feature::Methods), "{:?}", term("software supporting materials"));
}

/// A row of a table whose cells are bounded on both sides ("row 3: | "X" | ... |. Next
/// sentence") defines its term to the cell's border, not into the next sentence.
#[test]
fn a_table_row_with_borders_defines_its_term_to_the_cell_border() {
    let p = parties(&["Vendor"], &["Customer"]);
    let text = "Schedule 2, row 3: | \"Labelled Data\" | the labelled images for Phases 1-4 and the pre-annotation models Vendor uses to speed up review |. Vendor assigns to Customer all Labelled Data on delivery.";
    let (r, _) = read(text, &p);
    let term = r.terms.terms.iter().find(|t| t.name == "labelled data").unwrap_or_else(|| panic!("{:?}", r.terms.terms));
    assert!(text[term.start..term.end].trim_end().ends_with("review"), "{:?}", &text[term.start..term.end]);
    assert!(term.features.has(Feature::Prior), "{term:?}");
    assert!(r.provisions.iter().any(|p| p.kind == Kind::Assignment && p.standing == Standing::Operative), "{:?}", r.provisions);
}

#[test]
fn a_client_free_to_publish_the_work_as_open_source_releases_it() {
    let p = parties(&["Supplier"], &["Buyer"]);
    let (r, _) = read(
        "All Specially Written Software shall be created in a format suitable for publication, and the Buyer may, at its sole discretion, publish the same as Open Source.",
        &p,
    );
    assert!(r.provisions.iter().any(|p| p.kind == Kind::OpenLicence && !p.negated()), "{:?}", r.provisions);
}

#[test]
fn how_a_transfer_is_made_does_not_use_up_the_reach_of_what_it_transfers() {
    let p = parties(&["Service Provider"], &["Customer"]);
    let text = "The Service Provider hereby assigns to the Customer, by way of present assignment of future rights under the Copyright and Related Rights Act 2000, all copyright, database rights and other intellectual property rights in all Materials created, or to be created, by the Service Provider in the course of providing the Services.";
    let t = transfers(text, &p);
    assert!(t.iter().any(|p| p.kind == Kind::Assignment && p.own_features.has(Feature::Broad)), "{t:?}");
}

#[test]
fn rights_held_on_trust_for_the_client_however_far_the_words_run() {
    let p = parties(&["Contractor"], &["Authority"]);
    let text = "Pending any formal assignment under Clause 14.2, the Contractor shall hold all rights in the Specially Written Software and all Know-How generated in the course of the Contract on trust for the Authority absolutely.";
    let t = transfers(text, &p);
    assert!(
        t.iter().any(|p| p.kind == Kind::Ownership && p.receiver == Side::Counterparty && p.own_features.has(Feature::Methods)),
        "{t:?}"
    );
    // Holding its own rights, for no one else, is the agency's.
    assert!(transfers("The Contractor shall hold all rights in its Pre-Existing Materials.", &p).is_empty());
}

#[test]
fn public_sector_and_commonwealth_wording_of_transfers_licences_and_bars() {
    let p = parties(&["Service Provider", "Contractor"], &["Client", "State", "Customer"]);
    // Made "during the currency of this Agreement" is tied to the engagement.
    let t = transfers(
        "The Service Provider hereby cedes and assigns to the Client all copyright in any work made by the Service Provider during the currency of this Agreement.",
        &p,
    );
    assert!(t.iter().any(|p| p.own_features.has(Feature::Broad)), "{t:?}");
    // "shall be entitled to all rights in" states who owns, with its owner first.
    let t = transfers(
        "Upon delivery of each Output, the Customer shall be entitled to all rights in the Output and in any prompts and workflows used by the Contractor to generate it.",
        &p,
    );
    assert!(
        t.iter().any(|p| p.kind == Kind::Ownership && p.receiver == Side::Counterparty && p.own_features.has(Feature::Methods)),
        "{t:?}"
    );
    // "which license the State may transfer or sublicense" makes the licence both.
    let (r, _) = read(
        "Contractor grants the State a perpetual license to use such software, which license the State may transfer or sublicense to any other state agency.",
        &p,
    );
    let licence = r.provisions.iter().find(|p| p.kind == Kind::Licence).expect("a licence");
    assert!(licence.attributes.has(Attribute::Transferable) && licence.attributes.has(Attribute::Sublicensable), "{licence:?}");
    // A bar whose verb comes after a period and a place between commas, on what is
    // "substantially similar to" the client's system.
    for bar in [
        "The Service Provider undertakes that it shall not, for a period of 24 months after termination and within the Republic of South Africa, develop or supply any claims-processing solution to any competitor of the Client.",
        "Contractor shall not, during the term of this Contract and for three (3) years thereafter, license, market or deliver to any other public entity any software substantially similar to the System.",
    ] {
        let (r, _) = read(bar, &p);
        assert!(
            r.provisions.iter().any(|p| p.kind == Kind::Restriction && p.features.has(Feature::Competition)),
            "{bar}: {:?}",
            r.provisions
        );
    }
}

#[test]
fn licence_terms_named_as_a_thing_grant_no_licence() {
    let p = parties(&["Supplier"], &["Buyer"]);
    let (r, _) = read(
        "If the Supplier cannot obtain such a licence, the Supplier shall notify the Buyer in writing giving details of what licence terms can be obtained.",
        &p,
    );
    assert!(r.provisions.iter().all(|p| p.kind != Kind::Licence), "{:?}", r.provisions);
    let (r, _) = read("The Buyer grants the Supplier a licence to use the Buyer Software.", &p);
    assert!(r.provisions.iter().any(|p| p.kind == Kind::Licence && p.receiver == Side::Agency), "{:?}", r.provisions);
}

#[test]
fn a_promise_after_a_capacity_and_a_bar_continued_by_nor() {
    let p = parties(&["Vendor"], &["Customer"]);
    // "grant rights to third parties, and Vendor shall assign": the capacity ends at "shall".
    let t = transfers(
        "Vendor warrants that the Deliverables will not contain code licensed under terms that grant rights to third parties, and Vendor shall assign to Customer all right, title and interest in all code comprising the Deliverables.",
        &p,
    );
    assert!(t.iter().any(|t| t.kind == Kind::Assignment), "{t:?}");
    // "and it assigns": a pronoun subject after "and" operates.
    let t = transfers(
        "The Vendor warrants that the code is its own, and it assigns to the Customer full title in every component of the Deliverables.",
        &p,
    );
    assert!(t.iter().any(|t| t.kind == Kind::Assignment && t.giver == Side::Agency), "{t:?}");
    // "nor exploit ...": the second bar binds the one the first binds, not the party named last.
    let p = parties(&["Second Party"], &["First Party"]);
    let (r, _) = read(
        "The Second Party undertakes that it shall not provide similar services to any entity in the same sector as the First Party, nor exploit for the benefit of any third party the methodologies and know-how acquired in the performance hereof.",
        &p,
    );
    let bars: Vec<_> = r.provisions.iter().filter(|p| p.kind == Kind::Restriction).collect();
    assert_eq!(bars.len(), 2, "{bars:?}");
    assert!(bars.iter().all(|b| b.giver == Side::Agency), "{bars:?}");
    assert!(bars[1].features.has(Feature::Methods) && bars[1].features.has(Feature::Broad), "{:?}", bars[1]);
}

#[test]
fn timing_set_aside_by_notwithstanding_and_payment_in_other_words() {
    let p = parties(&["Supplier"], &["Customer"]);
    let t = transfers(
        "Subject to payment of the Fees, Supplier shall deliver the Deliverables to Customer; notwithstanding the foregoing, all rights in the Deliverables shall vest in Customer immediately upon creation, whether or not the related invoice has been paid.",
        &p,
    );
    assert!(!t.is_empty() && t.iter().all(|t| t.timing == Timing::OnCreation), "{t:?}");
    let t = transfers(
        "The Supplier assigns to the Customer all Intellectual Property Rights in the Deliverables, with effect from payment of the final instalment of the Charges.",
        &p,
    );
    assert!(!t.is_empty() && t.iter().all(|t| t.timing == Timing::OnPayment), "{t:?}");
    let t = transfers(
        "The rights of use in all work results arising in connection with the order pass to the Customer at the time they come into being.",
        &p,
    );
    assert!(t.iter().any(|t| t.kind == Kind::Ownership && t.timing == Timing::OnCreation), "{t:?}");
}

#[test]
fn ownership_in_other_words_and_what_it_reaches() {
    let p = parties(&["Vendor"], &["Bank"]);
    // "is Bank property" names its owner; "is intellectual property" does not.
    let t = transfers("Any model developed using Bank Data, together with its training code, is Bank property.", &p);
    assert!(t.iter().any(|t| t.kind == Kind::Ownership && t.features.has(Feature::Models)), "{t:?}");
    let (r, _) = read("The training code is intellectual property of great value.", &p);
    assert!(r.provisions.iter().all(|p| p.kind != Kind::Ownership), "{:?}", r.provisions);
    // What is excepted is what the relative clause speaks of.
    let t = transfers(
        "The Vendor retains all rights in the Software and every modification to it, other than the Bank-Specific Developments listed in Schedule 4, which shall vest in the Bank upon payment of the milestone invoice.",
        &p,
    );
    assert!(t.iter().all(|t| !t.features.has(Feature::Improvements)), "{t:?}");
    // "whether or not related to" negates nothing; "during the placement" ties it to the work.
    let p = parties(&["Consultant"], &["Company"]);
    let t = transfers(
        "All inventions and know-how the individual conceives during the placement, whether or not related to Company's business, belong to Company.",
        &p,
    );
    assert!(t.iter().any(|t| t.features.has(Feature::Broad) && t.features.has(Feature::Methods)), "{t:?}");
    // Prior work in US federal and staff-augmentation words.
    let p = parties(&["Contractor"], &["Government"]);
    let (r, _) = read(
        "The Government shall obtain unlimited rights in all computer software delivered under this contract, including items the Contractor developed exclusively at private expense before award.",
        &p,
    );
    let licence = r.provisions.iter().find(|p| p.kind == Kind::Licence).expect("a licence");
    assert!(licence.features.has(Feature::Prior), "{licence:?}");
}

#[test]
fn a_licence_obtained_from_no_one_named_is_the_agencys() {
    let p = parties(&["Vendor"], &["Bank"]);
    let (r, _) = read(
        "Upon any release event, the Bank shall obtain a perpetual, irrevocable and transferable licence to use, modify and sublicense the deposited materials.",
        &p,
    );
    let licence = r.provisions.iter().find(|p| p.kind == Kind::Licence).expect("a licence");
    assert_eq!((licence.giver, licence.receiver), (Side::Agency, Side::Counterparty), "{licence:?}");
    // Made specifically for the contract: nothing the agency brought to it.
    let p = parties(&["Supplier"], &["Authority"]);
    let (r, _) = read(
        "All Project Specific IPRs shall vest in the Authority on creation. \"Project Specific IPRs\" means IPRs in items created by or on behalf of the Supplier specifically for the purposes of this Contract.",
        &p,
    );
    assert!(r.provisions.iter().any(|p| p.features.has(Feature::Bespoke)), "{:?}", r.provisions);
}

#[test]
fn a_licence_denied_in_its_own_words_and_a_bar_on_what_the_sentence_before_named() {
    let p = parties(&["Contractor"], &["Company"]);
    let (r, _) =
        read("All work product shall be deemed works made for hire. Contractor obtains no licence to use any of it for any purpose.", &p);
    let licence = r.provisions.iter().find(|p| p.kind == Kind::Licence).expect("the licence denied");
    assert!(licence.negated(), "{licence:?}");
    let (r, _) = read("The Company grants the Contractor, at no cost, a licence to use the Company Materials.", &p);
    assert!(r.provisions.iter().any(|p| p.kind == Kind::Licence && !p.negated()), "{:?}", r.provisions);
    let p = parties(&["Contractor"], &["Client"]);
    let (r, _) = read(
        "The Client acquires ownership of the concepts, methods and know-how developed by the Contractor in the course of the project. The Contractor undertakes not to use these for other clients.",
        &p,
    );
    let bar = r.provisions.iter().find(|p| p.kind == Kind::Restriction).expect("the bar");
    assert!(bar.features.has(Feature::Methods) && bar.features.has(Feature::Broad), "{bar:?}");
}

#[test]
fn the_first_owner_of_what_follows() {
    let p = parties(&["Developer"], &["Company"]);
    let (r, _) =
        read("The Company shall be deemed the first owner of copyright in all works made by the Developer under this Agreement.", &p);
    let hire = r.provisions.iter().find(|p| p.kind == Kind::HireWork).expect("first owner");
    assert!(!hire.counterparty_owned && hire.features.has(Feature::Made), "{hire:?}");
}

/// A UK table of definitions turned into text sets each term and its meaning in two columns:
/// each entry is read, its meaning running on its indented lines; a signature block's "Name",
/// "Title" and "Date" are no definitions, and what "Services" are done names no work.
#[test]
fn a_table_of_definitions_in_two_columns_of_text() {
    let p = parties(&["Consultancy"], &["Client"]);
    let (r, _) = read(
        "2. DEFINITIONS\n\n2.1 The following terms have the following meanings:\n\nDeliverables        the reports and software described in the Placement\n                    form, and any other materials created in connection\n                    with the Services;\n\nFees                the fee payable to the Consultancy;\n\nServices            the services to be provided by the Consultancy to\n                    the Client;\n\n3. The Consultancy hereby assigns to the Client all rights in the Deliverables.\n\nSigned by the Consultancy\n\nName                Jane Doe\n\nTitle               Director\n\nDate                1 May 2026\n",
        &p,
    );
    let term = |name: &str| r.terms.terms.iter().find(|t| t.name == name);
    let deliverables = term("deliverables").unwrap_or_else(|| panic!("{:?}", r.terms.terms));
    assert!(deliverables.features.has(Feature::Broad), "{deliverables:?}");
    assert!(term("fees").is_some() && term("services").is_some());
    assert_eq!(term("services").map(|t| t.features), Some(Features::default()));
    assert!(term("name").is_none() && term("title").is_none(), "{:?}", r.terms.terms);
}

#[test]
fn a_participle_after_a_noun_describes_a_transfer_made_elsewhere() {
    let p = parties(&["Vendor"], &["Client"]);
    let assigns = |text: &str| {
        let (r, _) = read(text, &p);
        r.provisions.iter().any(|p| p.kind == Kind::Assignment && p.standing == Standing::Operative)
    };
    assert!(!assigns(
        "Vendor represents that (b) it has all necessary rights in the intellectual property licensed or assigned to Client under this Agreement."
    ));
    for operative in [
        "All rights in the Deliverables shall be assigned to Client.",
        "Vendor has assigned to Client all rights in the Deliverables.",
        "Vendor hereby assigns to Client all rights in the Deliverables.",
    ] {
        assert!(assigns(operative), "{operative}");
    }
}

/// "sublicense" among the rights a licence lists makes it sublicensable; the same list that
/// says "but not to sublicense", "does not include a right to sub-license" or "may not pass on or
/// sub-license", does not.
#[test]
fn a_right_to_sublicense_in_a_licences_list_of_rights_is_read_and_its_denial_too() {
    let p = parties(&["you"], &["the BBC"]);
    let grant = |rights: &str| {
        let (reading, _) =
            read(&format!("You hereby grant to the BBC a perpetual, worldwide, non-exclusive licence to {rights} Your Contributions."), &p);
        let licence = reading.provisions.into_iter().find(|p| p.kind == Kind::Licence).expect("a licence");
        licence.attributes.has(Attribute::Sublicensable)
    };
    assert!(grant("reproduce, prepare derivative works of, publicly display, publicly perform, sublicense, and distribute"));
    assert!(!grant("reproduce and publicly display, but not to sublicense,"));
    assert!(!grant("reproduce and display, which licence does not include a right to sub-license,"));
    assert!(!grant("use, as part of the delivered system only, and which the BBC may not pass on or sub-license,"));
    assert!(grant("use and copy, and which the BBC may pass on or sub-license to its contractors,"));
}

/// A long grant says it may be sub-licensed at its end, past the tools it lists and the
/// programmes it serves: "with the right to grant sub-licences to any entity designated".
#[test]
fn a_right_to_grant_sub_licences_at_the_end_of_a_long_grant_is_read() {
    let p = parties(&["the Contractor"], &["the Agency"]);
    let (reading, _) = read(
        "Subject to Article 40, the Contractor hereby grants to the Agency and to the Participating States, free of charge, a non-exclusive, worldwide and irrevocable licence to use its Background Intellectual Property, including the software tools, simulators and analysis methods employed in the performance of the Contract, for the Agency's own requirements and for any other programme of the Agency or of a Participating State, with the right to grant sub-licences to any entity designated by the Agency.",
        &p,
    );
    let licence = reading.provisions.iter().find(|p| p.kind == Kind::Licence).expect("a licence");
    assert!(licence.attributes.has(Attribute::Sublicensable) && licence.attributes.has(Attribute::Irrevocable), "{licence:?}");
}

/// "... all Inventions and all other information ... constitute "Proprietary Information."":
/// the quoted name after "constitute" is defined by the sentence; and the party named after
/// that definition's full stop gains nothing from it.
#[test]
fn a_term_defined_by_what_constitutes_it_and_a_party_named_after_it_gains_nothing() {
    let p = parties(&["Consultant"], &["Company"]);
    let (reading, _) = read(
        "Brightloop Analytics (\"Consultant\") and Harbour Group (\"Company\") agree as follows.\n\nConsultant agrees that all Inventions and all other business, technical, and financial information, including any know-how and methods, Consultant develops in connection with the Services constitute \"Proprietary Information.\" Consultant will hold in confidence and not disclose any Proprietary Information.",
        &p,
    );
    let term = |name: &str| reading.terms.terms.iter().find(|t| t.name == name).unwrap_or_else(|| panic!("{name} defined"));
    assert!(term("proprietary information").features.has(Feature::Methods), "{:?}", term("proprietary information"));
    assert!(term("consultant").features.is_empty(), "{:?}", term("consultant"));
}
