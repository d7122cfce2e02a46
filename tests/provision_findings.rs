//! Findings from what the provisions do, on the project's own sentences: the missing
//! protections asked by what the draft transfers (not by the library's trigger words), bars on
//! competing and on using the work, and severity lowered where the agency's party is a guess.

use clauseguard::analysis::{Analysis, Analyzer, FindingKind, Options};
use clauseguard::library::{ClauseLibrary, Concern, Severity};

fn analyse(preamble: &str, clauses: &[&str]) -> Analysis {
    let library = ClauseLibrary::embedded();
    let body = clauses.iter().enumerate().fold(String::new(), |mut body, (i, c)| {
        use std::fmt::Write as _;
        let _ = write!(body, "{}. {c}\n\n", i + 1);
        body
    });
    let doc = clauseguard::ingest::from_text("draft.txt", clauseguard::ingest::Format::Txt, &format!("AGREEMENT\n\n{preamble}\n\n{body}"));
    Analyzer::new(&library).analyze(&doc, &Options::default())
}

const SERVICES: &str = "This Agreement is made between Northwind Retail Ltd (\"Client\") and Blue Harbour Studio Ltd (\"Provider\"). Provider shall provide the Services described in Schedule A.";

fn missing(a: &Analysis) -> Vec<Concern> {
    a.findings.iter().filter(|f| f.kind == FindingKind::Missing).map(|f| f.concern).collect()
}

#[test]
fn a_transfer_in_words_no_library_trigger_knows_asks_for_the_protections_it_lacks() {
    // "Buyer"-free, "assign"-free: ownership passes all the same.
    let a = analyse(SERVICES, &["Everything the Provider produces for this project shall belong to the Client from the moment it exists."]);
    let m = missing(&a);
    for c in [Concern::AssignmentBeforePayment, Concern::PreExistingIp, Concern::NoResiduals, Concern::NoLicenseBack] {
        assert!(m.contains(&c), "{c} not asked: {m:?}");
    }
}

#[test]
fn protections_given_in_other_words_are_not_asked_and_nothing_is_asked_without_a_transfer() {
    let a = analyse(
        SERVICES,
        &[
            "Upon full payment of all Fees, everything the Provider produces for this project shall belong to the Client.",
            "The Provider retains all rights in its pre-existing materials and tools.",
            "The Provider may reuse the general skills and know-how its people gain.",
            "The Client grants the Provider a licence to use the Deliverables' general components for other work.",
        ],
    );
    assert_eq!(missing(&a), Vec::<Concern>::new());
    let a = analyse(
        SERVICES,
        &["The Provider retains all intellectual property rights in the work it produces and licenses its use to the Client."],
    );
    let m = missing(&a);
    assert!(!m.contains(&Concern::NoResiduals) && !m.contains(&Concern::AssignmentBeforePayment), "{m:?}");
}

/// "Residuals" paid to performers are no residuals clause, and a licence the agency must
/// obtain from others in order to license the client is no licence back.
#[test]
fn words_that_only_name_a_protection_do_not_answer_it() {
    let a = analyse(
        SERVICES,
        &[
            "Provider hereby assigns to Client all right, title and interest in the Deliverables.",
            "Client's use of the Deliverables will not require payment of any fees, residuals or other amounts to any third party.",
            "Provider will not include any Third-Party Materials unless Provider has obtained any third-party rights necessary to license the Third-Party Materials to Client.",
        ],
    );
    let m = missing(&a);
    assert!(m.contains(&Concern::NoResiduals) && m.contains(&Concern::NoLicenseBack), "{m:?}");
    let a = analyse(
        SERVICES,
        &[
            "Provider hereby assigns to Client all right, title and interest in the Deliverables.",
            "Residuals. Provider may use the general knowledge its people retain in their unaided memory.",
        ],
    );
    assert!(!missing(&a).contains(&Concern::NoResiduals));
}

#[test]
fn a_bar_on_competing_business_is_a_non_compete_and_a_bar_on_using_the_clients_things_is_not_a_licence_question() {
    let a = analyse(
        SERVICES,
        &[
            "Provider shall not, engage in any activity if it relates to a business which is similar to or in competition with the business of the Client.",
            "Provider shall not use the Client Materials for any other purpose.",
        ],
    );
    let at = |c: Concern| a.findings.iter().filter(|f| f.concern == c && f.kind == FindingKind::Phrase).map(|f| f.severity).max();
    assert!(at(Concern::NonCompete) >= Some(Severity::Medium), "{:?}", a.findings);
    assert_eq!(at(Concern::NoLicenseBack), None, "{:?}", a.findings);
}

#[test]
fn where_the_agency_is_a_guess_provision_findings_are_low_and_say_why() {
    let a = analyse(
        "This Agreement is made between Alpha Holdings Inc. (\"Alpha\") and Beta Group Ltd. (\"Beta\").",
        &["Alpha shall transfer to Beta all intellectual property in the Assets created by Alpha in connection with the Business."],
    );
    assert!(a.parties.uncertain, "{:?}", a.parties);
    let provisions: Vec<_> =
        a.findings.iter().filter(|f| f.kind == FindingKind::Phrase && f.explanation.contains("which party is the agency")).collect();
    assert!(!provisions.is_empty(), "{:?}", a.findings);
    assert!(provisions.iter().all(|f| f.severity <= Severity::Low));
}

#[test]
fn an_irrevocable_licence_given_before_payment_and_a_definition_sweeping_in_prior_works() {
    let a = analyse(
        SERVICES,
        &[
            "\"Project Materials\" means all code and designs created by the Provider in connection with the Project, whether created before or after the date of this Agreement.",
            "Provider hereby assigns to Client all intellectual property in the Project Materials, including all existing works.",
            "By submitting a Contribution, the Provider grants the Client a perpetual, irrevocable licence to the Contribution.",
        ],
    );
    let at = |concern: Concern, words: &str| {
        a.findings
            .iter()
            .any(|f| f.concern == concern && f.severity >= Severity::Medium && f.phrase.as_deref().is_some_and(|p| p.contains(words)))
    };
    // The definition that sweeps prior works in is where the fix goes, even where the
    // assignment's own words name existing works too.
    assert!(at(Concern::PreExistingIp, "before or after"), "{:#?}", a.findings);
    assert!(at(Concern::AssignmentBeforePayment, "irrevocable"), "{:#?}", a.findings);
}

#[test]
fn a_bar_on_using_information_that_takes_in_know_how_asks_for_residuals_without_any_transfer() {
    let a = analyse(
        SERVICES,
        &[
            "Provider will not disclose or use any proprietary or confidential information of the Client without the Client's prior written permission.",
            "Proprietary or confidential information includes, but is not limited to:",
            "a.) materials furnished by the Client;",
            "b.) trade secrets, know-how and processes, and improvements of any kind; and",
            "c.) information about the Client's customers.",
        ],
    );
    let residuals = a.findings.iter().find(|f| f.concern == Concern::NoResiduals).expect("residuals asked");
    assert_eq!(residuals.kind, FindingKind::Missing);
    // Shown where the know-how is swept in.
    let clause = residuals.clause.expect("anchored");
    let numbered = a.clauses.iter().find(|c| c.index == clause).and_then(|c| c.number.clone());
    assert_eq!(numbered.as_deref(), Some("4"), "the item naming know-how is clause 4");
    assert_eq!(residuals.severity, Severity::High);
    // Without know-how in the information, only as a lesser point.
    let a = analyse(SERVICES, &["Provider will not disclose any confidential information of the Client."]);
    assert_eq!(of(&a, Concern::NoResiduals).iter().map(|f| f.0).collect::<Vec<_>>(), vec![Severity::Low]);
}

#[test]
fn plain_english_bars_and_a_party_left_with_nothing_are_read_where_they_bite() {
    let a = analyse(
        SERVICES,
        &[
            "The Provider hereby gives the Client all of its rights in the work product once the Client pays for it in full.",
            "Once the Provider gives the work product to the Client, the Provider does not have any rights to it. The Provider is not allowed to sell or otherwise use the work product for any commercial use.",
            "The Provider won't work for a competitor of the Client until this Agreement ends.",
        ],
    );
    let at = |concern: Concern| a.findings.iter().filter(|f| f.concern == concern).filter_map(|f| f.clause).collect::<Vec<_>>();
    let second = a.clauses.iter().position(|c| c.number.as_deref() == Some("2")).expect("clause 2");
    let third = a.clauses.iter().position(|c| c.number.as_deref() == Some("3")).expect("clause 3");
    // Residuals and the licence back are asked where the agency is barred from its work, not at the transfer.
    assert!(at(Concern::NoResiduals).contains(&second), "{:?}", at(Concern::NoResiduals));
    assert!(at(Concern::NoLicenseBack).contains(&second), "{:?}", at(Concern::NoLicenseBack));
    assert!(at(Concern::NonCompete).contains(&third), "{:?}", at(Concern::NonCompete));
    assert!(!missing(&a).contains(&Concern::AssignmentBeforePayment));
}

#[test]
fn a_perpetual_licence_given_before_anything_is_paid_is_flagged() {
    let a = analyse(
        SERVICES,
        &["The Client receives a perpetual, non-exclusive internal-use license to the delivered software and its outputs."],
    );
    assert!(a.findings.iter().any(|f| f.concern == Concern::PerpetualIrrevocableGrant), "{:?}", a.findings);
    let paid = analyse(
        SERVICES,
        &["Upon full payment of the Fees, the Client receives a perpetual, non-exclusive internal-use license to the delivered software."],
    );
    assert!(!paid.findings.iter().any(|f| f.concern == Concern::PerpetualIrrevocableGrant), "{:?}", paid.findings);
}

fn phrase_findings(a: &Analysis, concern: Concern) -> Vec<Severity> {
    a.findings.iter().filter(|f| f.kind != FindingKind::Missing && f.concern == concern).map(|f| f.severity).collect()
}

#[test]
fn models_passing_with_the_code_and_data_they_are_built_from_are_lumped_together() {
    let a = analyse(
        SERVICES,
        &[
            "Upon full payment, the Client shall receive full ownership of the specific AI models, training datasets and source code developed for the Services.",
        ],
    );
    assert_eq!(phrase_findings(&a, Concern::ModelOwnership), [Severity::High], "{:#?}", a.findings);
    let a = analyse(SERVICES, &["Upon full payment, the Client shall receive full ownership of the Deliverables described in Schedule A."]);
    assert!(phrase_findings(&a, Concern::ModelOwnership).is_empty());
}

#[test]
fn a_promise_of_originality_is_medium_and_of_authority_low() {
    let a = analyse(SERVICES, &["Provider warrants the Deliverables are original and do not infringe third-party rights."]);
    assert_eq!(phrase_findings(&a, Concern::OpenSource), [Severity::Medium]);
    let a = analyse(
        SERVICES,
        &["Except as disclosed in writing, the Work Product does not and shall not contain any materials created by third parties."],
    );
    assert_eq!(phrase_findings(&a, Concern::OpenSource), [Severity::Medium], "{:#?}", a.findings);
    let a = analyse(
        SERVICES,
        &[
            "Provider further represents, warrants and covenants to Client that the Final Deliverables shall be the original work of Provider.",
        ],
    );
    assert_eq!(phrase_findings(&a, Concern::OpenSource), [Severity::Medium], "{:#?}", a.findings);
    let a = analyse(SERVICES, &["Provider warrants that it has the authority to grant the rights in this Agreement."]);
    assert_eq!(phrase_findings(&a, Concern::OpenSource), [Severity::Low]);
}

#[test]
fn a_confirmation_that_none_of_the_agencys_prior_work_is_in_what_passes_gives_up_the_carve_out() {
    let assigns = "Provider hereby assigns to the Client all intellectual property rights in the Deliverables.";
    let confirms =
        "Provider confirms that no pre-existing or background intellectual property of the Provider is incorporated into the Deliverables.";
    let a = analyse(SERVICES, &[assigns, confirms]);
    assert_eq!(phrase_findings(&a, Concern::PreExistingIp), [Severity::High], "{:#?}", a.findings);
    // With the agency's background IP kept out of the transfer, the promise costs nothing more.
    let kept = "Provider retains all rights in its pre-existing materials and tools.";
    let a = analyse(SERVICES, &[assigns, kept, confirms]);
    assert!(phrase_findings(&a, Concern::PreExistingIp).iter().all(|&s| s < Severity::Medium), "{:#?}", a.findings);
    // Nothing passes: nothing to give up.
    let a = analyse(SERVICES, &["Provider grants the Client a licence to use the Deliverables.", confirms]);
    assert!(phrase_findings(&a, Concern::PreExistingIp).iter().all(|&s| s < Severity::Medium), "{:#?}", a.findings);
}

#[test]
fn a_licence_made_perpetual_in_plain_words_a_sentence_later() {
    let a = analyse(
        SERVICES,
        &[
            "The Provider is giving the Client a right to use and license (with the right to sublicense) the background IP to develop, market and sell the Client's products. The Provider cannot take back this grant, and this grant does not end when the Contract is over.",
        ],
    );
    assert!(!phrase_findings(&a, Concern::PerpetualIrrevocableGrant).is_empty(), "{:#?}", a.findings);
}

#[test]
fn a_hand_over_of_the_tools_behind_the_software_is_a_methods_point_and_of_the_deliverables_nothing() {
    let a = analyse(
        SERVICES,
        &["The Provider shall deliver to the Client the source code and all documentation, tools, and scripts used to build the Software."],
    );
    assert_eq!(phrase_findings(&a, Concern::MethodologyTransfer), [Severity::Medium], "{:#?}", a.findings);
    let a = analyse(SERVICES, &["The Provider shall deliver to the Client the Deliverables described in Schedule A."]);
    assert!(a.findings.iter().all(|f| f.kind == FindingKind::Missing || f.severity < Severity::Medium), "{:#?}", a.findings);
    assert!(phrase_findings(&a, Concern::NoLicenseBack).is_empty(), "{:#?}", a.findings);
}

#[test]
fn a_bar_interrupted_by_its_duration_still_bars_competing() {
    let a = analyse(
        SERVICES,
        &[
            "Provider shall not, during the term and for one year thereafter, directly or indirectly engage in any business that competes with the Client.",
        ],
    );
    assert_eq!(phrase_findings(&a, Concern::NonCompete), [Severity::Medium], "{:#?}", a.findings);
    // Interrupted by a consent, and barring services to a competitor.
    let a = analyse(
        SERVICES,
        &[
            "The Provider must not, without the prior written agreement of the Client, provide any services to or for any direct or indirect competitor of the Client during the Term.",
        ],
    );
    assert_eq!(phrase_findings(&a, Concern::NonCompete), [Severity::Medium], "{:#?}", a.findings);
}

#[test]
fn a_bar_on_being_involved_in_a_competing_business_bars_its_subject() {
    // "will not be ... involved" is no passive: the Provider is barred, not what comes before.
    let a = analyse(
        SERVICES,
        &[
            "Without the written consent of the Client, which will not be unreasonably withheld, the Provider will not be directly or indirectly involved with a business which is in direct competition with the Client.",
        ],
    );
    assert_eq!(phrase_findings(&a, Concern::NonCompete), [Severity::Medium], "{:#?}", a.findings);
}

#[test]
fn what_a_lead_in_says_it_includes_is_its_object_and_is_highlighted_there() {
    let library = ClauseLibrary::embedded();
    let text = "AGREEMENT\n\nThis Agreement is made between Northwind Retail Ltd (\"Client\") and Blue Harbour Studio Ltd (\"Provider\").\n\n2. Client-Owned Deliverables\n\nWork created for the client and paid for by the client is considered client-owned deliverable IP, unless otherwise specified.\nThis includes:\n\n- custom model architectures\n- internal deployment code\n\n3. Fees. Client shall pay the fees.\n";
    let doc = clauseguard::ingest::from_text("draft.md", clauseguard::ingest::Format::Markdown, text);
    let a = Analyzer::new(&library).analyze(&doc, &Options::default());
    let methods: Vec<&str> = a
        .findings
        .iter()
        .filter(|f| f.concern == Concern::MethodologyTransfer && f.severity == Severity::High)
        .filter_map(|f| f.phrase.as_deref())
        .collect();
    assert!(methods.contains(&"model architectures"), "{:#?}", a.findings);
}

#[test]
fn exclusivity_in_a_field_is_a_non_compete_and_a_bar_on_the_clients_data_keeps_no_know_how() {
    let a = analyse(
        SERVICES,
        &[
            "Provider shall not use Client Data to train any model made available to third parties.",
            "During the Term, Provider shall not develop or license any model for use in the healthcare claims processing field for any other person.",
            "Provider shall deliver such models and the training scripts and hyperparameters used to create them to Client upon request.",
        ],
    );
    assert_eq!(phrase_findings(&a, Concern::NonCompete), [Severity::Medium], "{:#?}", a.findings);
    assert_eq!(phrase_findings(&a, Concern::MethodologyTransfer), [Severity::Medium], "{:#?}", a.findings);
    let residuals = a.findings.iter().find(|f| f.kind == FindingKind::Missing && f.concern == Concern::NoResiduals);
    let data_bar = a.clauses.iter().position(|c| c.number.as_deref() == Some("1")).expect("clause 1");
    assert!(residuals.is_none_or(|f| f.clause != Some(data_bar)), "a bar on the client's data is no bar on know-how: {residuals:#?}");
}

#[test]
fn a_term_that_leaves_the_agencys_prior_work_out_answers_the_pre_existing_question() {
    let asked = |exclusion: &str| {
        let a = analyse(
            SERVICES,
            &[
                &format!("\"Work Product\" means all software the Provider develops under this Agreement. {exclusion}"),
                "Upon full payment of all Fees, the Provider hereby assigns all Work Product to the Client.",
            ],
        );
        missing(&a).contains(&Concern::PreExistingIp)
    };
    assert!(asked(""), "a transfer without a carve-out asks");
    assert!(!asked("Work Product does not include the Provider's pre-existing materials."));
    assert!(!asked("For greater certainty, \"Work Product\" shall exclude any Background IP."));
    assert!(asked("Work Product does not include the Client's data."), "an exclusion of the client's things is no carve-out");
}

#[test]
fn words_about_other_things_do_not_answer_the_pre_existing_question() {
    let asked = |other: &str| {
        let a = analyse(SERVICES, &["Provider hereby assigns to Client all right, title and interest in the Deliverables.", other]);
        missing(&a).contains(&Concern::PreExistingIp)
    };
    // A warranty of no conflicting obligations, and information the recipient developed itself
    // left out of confidentiality: neither keeps the Provider's tools.
    assert!(asked("Provider has no pre-existing obligations that would conflict with this Agreement."));
    assert!(asked(
        "Confidential Information excludes information that the Provider independently developed without use of the Client's information."
    ));
    assert!(!asked("Provider retains its pre-existing materials and tools."));
    assert!(!asked("This assignment excludes any software independently developed by Provider."));
}

fn of(a: &Analysis, concern: Concern) -> Vec<(Severity, usize)> {
    a.findings.iter().filter(|f| f.concern == concern).map(|f| (f.severity, f.clause.unwrap_or(usize::MAX))).collect()
}

#[test]
fn a_lasting_licence_silent_on_transfer_is_a_drafting_point_a_point_to_press_for_the_agencys_tools_and_a_personal_one_is_not() {
    let silent = analyse(SERVICES, &["Provider grants Client a perpetual, non-exclusive license to use the Deliverables."]);
    assert_eq!(of(&silent, Concern::TransferableLicense).iter().map(|f| f.0).max(), Some(Severity::Low), "{:?}", silent.findings);
    // The agency's own tools could travel with the business to a competitor.
    let tools = analyse(
        SERVICES,
        &["Provider grants Client a perpetual, non-exclusive license to use Provider Tools incorporated into the Deliverables."],
    );
    assert_eq!(of(&tools, Concern::TransferableLicense).iter().map(|f| f.0).max(), Some(Severity::Medium), "{:?}", tools.findings);
    for personal in [
        "Provider grants Client a perpetual, non-exclusive, non-transferrable license to use Provider Tools incorporated into the Deliverables.",
        "Provider grants Client a perpetual, non-exclusive license to use Provider Tools incorporated into the Deliverables, which may not be assigned without Provider's consent.",
    ] {
        let a = analyse(SERVICES, &[personal]);
        assert!(of(&a, Concern::TransferableLicense).is_empty(), "{personal}: {:?}", a.findings);
    }
    // A licence said to be transferable is the high finding, not this one.
    let a = analyse(
        SERVICES,
        &["Provider grants Client a perpetual, transferable license to use Provider Tools incorporated into the Deliverables."],
    );
    assert!(of(&a, Concern::TransferableLicense).iter().all(|&(s, _)| s == Severity::High), "{:?}", a.findings);
}

#[test]
fn the_residuals_gap_is_shown_at_the_bar_on_using_what_the_agency_learns() {
    let a = analyse(
        SERVICES,
        &[
            "Provider hereby assigns to Client all right, title and interest in all work product upon creation.",
            "Provider will (a) only use Client's Confidential Information to fulfill its obligations under this Agreement; and (b) not disclose it to anyone else.",
        ],
    );
    // The gap is shown at the bar (numbered clause 2), not at the assignment.
    let bar = a.clauses.iter().position(|c| c.number.as_deref() == Some("2")).expect("clause 2");
    assert_eq!(of(&a, Concern::NoResiduals).iter().map(|&(_, at)| at).collect::<Vec<_>>(), vec![bar], "{:?}", a.findings);
}

/// The library's words for a carve-out, used for something else, answer nothing where the
/// agency keeps nothing at all; where it keeps something the reader cannot place, they still do.
#[test]
fn words_for_a_carve_out_used_for_something_else_do_not_answer_the_pre_existing_gap() {
    let owned = "The results and copyrights of the work of the Provider under this Agreement are owned by the Client.";
    let third = "The Provider will not use any third party Pre-Existing Intellectual Property in connection with this Agreement.";
    let a = analyse(SERVICES, &[owned, third]);
    assert!(missing(&a).contains(&Concern::PreExistingIp), "{:?}", a.findings);
    let keeps = "The Provider shall retain full ownership over its Provider Technology.";
    let a = analyse(SERVICES, &[owned, keeps, "Provider Technology means the Provider's software and methods."]);
    assert!(!missing(&a).contains(&Concern::PreExistingIp), "{:?}", a.findings);
}

/// Nothing passes to the client, but the agency promises confidence: a residuals clause is a
/// lesser point, shown at that promise; where the draft keeps the agency's know-how, none.
#[test]
fn a_promise_of_confidence_asks_for_residuals_at_low_severity_where_nothing_passes() {
    let keeps = "The Provider retains all intellectual property rights in the work it produces and licenses its use to the Client.";
    for promise in [
        "Provider agrees to keep all such information confidential and not to divulge it to anyone other than Client personnel.",
        "A party will not, without the prior written approval of the other party, disclose the other party's Confidential Information.",
    ] {
        let a = analyse(SERVICES, &[keeps, promise]);
        let at = a.clauses.iter().position(|c| c.number.as_deref() == Some("2")).expect("clause 2");
        assert_eq!(of(&a, Concern::NoResiduals), vec![(Severity::Low, at)], "{promise}: {:?}", a.findings);
        let kept = analyse(SERVICES, &[keeps, promise, "The Provider may reuse the general skills and know-how its people gain."]);
        assert_eq!(of(&kept, Concern::NoResiduals), vec![], "{promise}: {:?}", kept.findings);
    }
    // The client's promise of confidence binds the client only.
    let a = analyse(SERVICES, &[keeps, "Client shall keep the Provider's source code confidential."]);
    assert_eq!(of(&a, Concern::NoResiduals), vec![], "{:?}", a.findings);
}

#[test]
fn a_promise_to_keep_information_confidential_is_where_the_residuals_gap_shows() {
    for promise in [
        "Provider shall maintain trade secret confidentiality forever or until the information becomes public.",
        "Each party undertakes to maintain confidentiality with regard to all information about customers and projects of the other party.",
    ] {
        let a = analyse(
            SERVICES,
            &[
                "Provider hereby assigns to Client all right, title and interest in all work product upon creation.",
                promise,
                "Provider warrants that it will not use trade secrets from prior employers.",
            ],
        );
        let at = a.clauses.iter().position(|c| c.number.as_deref() == Some("2")).expect("clause 2");
        assert_eq!(of(&a, Concern::NoResiduals).iter().map(|&(_, c)| c).collect::<Vec<_>>(), vec![at], "{promise}: {:?}", a.findings);
    }
    // Beside a bar on using the information, the bar is where the gap shows.
    let a = analyse(
        SERVICES,
        &[
            "Provider hereby assigns to Client all right, title and interest in all work product upon creation.",
            "Provider shall maintain the confidentiality of Client's Confidential Information.",
            "Provider shall not use Client's Confidential Information for any purpose other than performing the Services.",
        ],
    );
    let at = a.clauses.iter().position(|c| c.number.as_deref() == Some("3")).expect("clause 3");
    assert_eq!(of(&a, Concern::NoResiduals).iter().map(|&(_, c)| c).collect::<Vec<_>>(), vec![at], "{:?}", a.findings);
}

#[test]
fn an_exception_to_a_bar_on_disclosure_carves_nothing_out_of_what_passes() {
    let a = analyse(
        SERVICES,
        &[
            "Provider hereby assigns to Client all right, title and interest in all work product upon creation.",
            "Provider shall not disclose Client's Confidential Information, except information that Provider developed independently of Client.",
        ],
    );
    assert!(missing(&a).contains(&Concern::PreExistingIp), "{:?}", a.findings);
}

#[test]
fn a_list_of_prior_work_that_means_none_when_left_blank_is_flagged() {
    let a = analyse(
        SERVICES,
        &[
            "Provider hereby assigns to Client all right, title and interest in the Deliverables, excluding the Prior Inventions listed in Exhibit B.",
            "If no inventions are listed in Exhibit B, the Provider represents that there are no such prior inventions to be excluded.",
        ],
    );
    assert!(of(&a, Concern::PreExistingIp).iter().any(|&(s, _)| s == Severity::Medium), "{:?}", a.findings);
}

#[test]
fn handing_over_unfinished_work_on_termination_before_payment_is_flagged_and_returning_the_clients_things_is_not() {
    let assign = "Provider hereby assigns to Client all right, title and interest in the Deliverables.";
    for handover in [
        "Upon any expiration or termination, Provider will promptly deliver all Work Product to Client, including all work in progress.",
        "Effect of Termination. Upon termination: Provider will deliver all completed work product.",
    ] {
        let a = analyse(SERVICES, &[assign, handover]);
        let at = a.clauses.iter().position(|c| c.number.as_deref() == Some("2")).expect("clause 2");
        assert!(of(&a, Concern::AssignmentBeforePayment).contains(&(Severity::Medium, at)), "{handover}: {:?}", a.findings);
    }
    // Ownership already waits for payment ("payment of all compensation"): the hand-over only
    // costs leverage.
    let paid = "Upon acceptance and payment of all compensation due, Provider hereby assigns to Client all right, title and interest in the Deliverables.";
    let a = analyse(SERVICES, &[paid, "Upon termination, Provider shall deliver all Deliverables, whether complete or not, to Client."]);
    let found = of(&a, Concern::AssignmentBeforePayment);
    assert!(found.iter().all(|&(s, _)| s == Severity::Low) && !found.is_empty(), "{:?}", a.findings);
    // Handing back what the client provided is no transfer of the agency's work.
    let a = analyse(
        SERVICES,
        &[
            assign,
            "Following termination, Provider shall turn over to Client all work in progress and other materials provided by Client to Provider.",
        ],
    );
    let at = a.clauses.iter().position(|c| c.number.as_deref() == Some("2")).expect("clause 2");
    assert!(of(&a, Concern::AssignmentBeforePayment).iter().all(|&(_, clause)| clause != at), "{:?}", a.findings);
}

#[test]
fn tooling_released_to_the_public_domain_is_shown_where_the_list_names_it() {
    let a = analyse(
        SERVICES,
        &[
            "Client intends to commit the following items, to the public domain, at a minimum:\n- All documents and code created under this order;\n- Any and all new tooling, scripting configuration management and infrastructure as code used to deploy the software.",
        ],
    );
    let f = a.findings.iter().find(|f| f.concern == Concern::MethodologyTransfer).expect("methodology finding");
    assert!(f.phrase.as_deref().is_some_and(|p| p.contains("tooling")), "{:?}", f.phrase);
}

#[test]
fn know_how_named_inside_the_definition_of_ipr_is_flagged_at_its_own_definition() {
    let a = analyse(
        "This Agreement is made between Northwind Ltd (\"Buyer\") and Blue Harbour Ltd (\"Supplier\"). The Supplier shall provide the Deliverables.",
        &[
            "\"IPR\": copyright, patents, designs, Know-How and trade secrets;\n\"Know-How\": all ideas, concepts, techniques, methodology and anything else in the nature of know-how relating to the Deliverables;\n\"New IPR\": IPR in items created by the Supplier specifically for the purposes of a Contract;",
            "Any New IPR created under a Contract is owned by the Buyer.",
        ],
    );
    let f = a.findings.iter().filter(|f| f.concern == Concern::MethodologyTransfer).filter_map(|f| f.phrase.as_deref()).collect::<Vec<_>>();
    assert!(f.iter().any(|p| p.contains("all ideas, concepts")), "{f:?}");
}

#[test]
fn broad_words_in_a_sentence_that_transfers_nothing_are_not_a_grab_and_a_sentence_describing_the_assignment_is() {
    let notify = "Provider shall promptly notify Client in writing of any actual or alleged infringement of third-party intellectual property rights arising from or in connection with the Services.";
    let a = analyse(SERVICES, &["Provider hereby assigns to Client all rights in the Deliverables.", notify]);
    let notice_clause = a.clauses.iter().position(|c| a.clauses.len() > 1 && c.number.as_deref() == Some("2"));
    assert!(
        !a.findings.iter().any(|f| f.concern == Concern::BroadWorkProduct && f.clause == notice_clause && f.severity >= Severity::Medium),
        "{:#?}",
        a.findings
    );
    let a = analyse(
        SERVICES,
        &[
            "Provider hereby assigns to Client all rights in the Deliverables. This assignment covers all work product arising from or in connection with the Services.",
        ],
    );
    assert!(phrase_findings(&a, Concern::BroadWorkProduct).contains(&Severity::High), "{:#?}", a.findings);
}

#[test]
fn the_clients_exclusive_right_to_use_the_work_leaves_the_agency_without_its_own_components() {
    let a = analyse(
        SERVICES,
        &[
            "All notes, designs and technical data developed under this Agreement shall be the property of Client, and Client shall have the exclusive right to use them for any purpose.",
        ],
    );
    assert!(phrase_findings(&a, Concern::NoLicenseBack).contains(&Severity::Medium), "{:#?}", a.findings);
    // A non-exclusive right to use leaves the agency free.
    let a = analyse(SERVICES, &["Client shall have a non-exclusive right to use the Deliverables for any purpose."]);
    assert!(!phrase_findings(&a, Concern::NoLicenseBack).iter().any(|&s| s >= Severity::Medium), "{:#?}", a.findings);
}

#[test]
fn unlimited_rights_in_everything_first_produced_under_the_contract_is_a_broad_grab_anyone_may_be_given() {
    // A US federal clause: the lead-in ends in a dash and its object is in the items below.
    let a = analyse(
        "This contract is between the Department of Parks (\"Government\") and Blue Harbour Studio LLC (\"Contractor\"). The Contractor shall perform the work in the task order.",
        &[
            "Except as provided in paragraph (c), the Government shall have unlimited rights in\u{2014}\n\n(i) Data first produced in the performance of this contract; and\n\n(ii) Form, fit, and function data delivered under this contract.",
        ],
    );
    let of = |c: Concern| a.findings.iter().find(|f| f.concern == c);
    let broad = of(Concern::BroadWorkProduct).expect("a broad grab");
    assert_eq!(broad.severity, Severity::Medium);
    assert!(of(Concern::TransferableLicense).is_some(), "unlimited rights include letting others use the data: {:?}", a.findings);
    // The same rights in the contractor's own information, to use in connection with the
    // client's business, are no grab of what the engagement produces.
    let a = analyse(
        SERVICES,
        &[
            "To the extent Provider incorporates its own information into the Works, Provider grants to Client a perpetual licence (including the right to grant a sublicense) to use, copy and create derivative versions of that information in connection with Client's business.",
        ],
    );
    assert!(a.findings.iter().all(|f| f.concern != Concern::BroadWorkProduct), "{:?}", a.findings);
}

#[test]
fn a_licence_naming_only_the_party_it_binds_has_the_company_it_names_for_the_other_side() {
    let a = analyse(
        "Collaborator means a person who is given access to the private repositories of Quillon Labs LTD.",
        &[
            "Collaborator agrees that all Inventions shall, upon creation, be the sole and exclusive property of Quillon Labs LTD, and Quillon Labs LTD shall be the sole and exclusive owner of all rights in them, including moral rights.",
            "\"Invention\" means any work of authorship, know-how, algorithm, method or process, whether or not patentable.",
            "Collaborator shall not use any Confidential Information of Quillon Labs LTD other than to perform the work.",
        ],
    );
    assert_eq!((a.parties.agency.as_deref(), a.parties.counterparty.as_deref()), (Some("Collaborator"), Some("Quillon Labs LTD")));
    let concerns: Vec<Concern> = a.findings.iter().filter(|f| f.severity >= Severity::Medium).map(|f| f.concern).collect();
    for c in [Concern::AssignmentBeforePayment, Concern::MethodologyTransfer, Concern::MoralRightsWaiver] {
        assert!(concerns.contains(&c), "{c} missing: {concerns:?}");
    }
}

#[test]
fn a_licence_of_the_agencys_own_tools_silent_on_transfer_and_term_is_a_low_point() {
    let a = analyse(
        SERVICES,
        &[
            "Provider retains ownership of its pre-existing frameworks and tools. Provider grants Client non-exclusive, royalty-free license to use Provider's background IP incorporated into deliverables.",
        ],
    );
    let low = a.findings.iter().find(|f| f.concern == Concern::TransferableLicense).expect("a point on transfer");
    assert_eq!(low.severity, Severity::Low, "{low:?}");
    // Said to be personal, it is no point.
    let a = analyse(
        SERVICES,
        &[
            "Provider grants Client a non-exclusive, non-transferable, royalty-free license to use Provider's background IP incorporated into deliverables.",
        ],
    );
    assert!(a.findings.iter().all(|f| f.concern != Concern::TransferableLicense), "{:?}", a.findings);
}

#[test]
fn a_client_deemed_author_thereof_on_payment_is_a_medium_point_on_authorship() {
    let a = analyse(
        SERVICES,
        &[
            "Upon Provider's receipt of full payment, the Work Product will be the sole and exclusive property of Client, and Client will be deemed to be the author thereof.",
        ],
    );
    let hire = a.findings.iter().find(|f| f.concern == Concern::WorkMadeForHire).expect("the authorship point");
    assert_eq!(hire.severity, Severity::Medium, "{hire:?}");
    assert!(hire.explanation.contains("once it has paid"), "{hire:?}");
    // On creation, the label is the high point it was.
    let a = analyse(
        SERVICES,
        &["The Work Product will be the sole and exclusive property of Client, and Client will be deemed to be the author thereof."],
    );
    let hire = a.findings.iter().find(|f| f.concern == Concern::WorkMadeForHire).expect("the authorship point");
    assert_eq!(hire.severity, Severity::High, "{hire:?}");
}

#[test]
fn a_duty_to_transfer_knowledge_to_a_successor_is_a_low_methods_point_unless_excluded() {
    let a = analyse(
        SERVICES,
        &[
            "On termination, Provider shall provide transition assistance at its standard rates, including knowledge transfer to any successor supplier.",
        ],
    );
    assert_eq!(phrase_findings(&a, Concern::MethodologyTransfer), [Severity::Low], "{:#?}", a.findings);
    let a = analyse(SERVICES, &["Transition assistance shall not include knowledge transfer of Provider's methods."]);
    assert_eq!(phrase_findings(&a, Concern::MethodologyTransfer), [], "{:#?}", a.findings);
}

#[test]
fn a_licence_back_of_the_assigned_work_limited_to_the_term_is_the_one_point_and_one_of_the_clients_own_things_is_none() {
    let preamble = "This Agreement is made between Northwind Retail Ltd (the \"Customer\") and Blue Harbour Studio Ltd (the \"Supplier\"). The Supplier has built a bursary platform (the \"Platform\").";
    let a = analyse(
        preamble,
        &[
            "The Supplier hereby assigns to the Customer all Intellectual Property Rights in the Platform.",
            "The Customer hereby grants to the Supplier, for the Term, a non-exclusive, non-transferable licence to use and host the Platform solely to the extent necessary to perform the Services.",
            "The Customer grants the Supplier a limited, non-exclusive, revocable licence to access and use the Customer's websites, solely to provide the Services.",
        ],
    );
    let back: Vec<_> = a.findings.iter().filter(|f| f.concern == Concern::NoLicenseBack).collect();
    assert_eq!(back.len(), 1, "{back:#?}");
    assert_eq!(back[0].kind, FindingKind::Phrase, "the licence that falls short, not a missing clause elsewhere: {back:#?}");
    let phrase = back[0].phrase.as_deref().unwrap_or_default();
    assert!(phrase.contains("for the Term"), "{phrase}");
}

#[test]
fn a_drafting_note_is_no_provision() {
    let note =
        format!("{SERVICES}\n\n> Drafting note: the Client owns everything the Provider produces from day one, so escrow is unnecessary.");
    let a = analyse(&note, &["Provider shall provide the Services."]);
    assert!(a.findings.iter().all(|f| f.kind == FindingKind::Missing || f.concern == Concern::OpenSource), "{:#?}", a.findings);
    assert_eq!(missing(&a), Vec::<Concern>::new(), "a note transfers nothing");
}

/// An exclusive licence of what takes in the agency's methods shuts the agency out of them as an
/// assignment would; a non-exclusive one does not.
#[test]
fn an_exclusive_licence_of_methods_is_a_methodology_transfer() {
    let defined = "\"Research Results\" means all inventions, methods, processes and know-how developed in the Research.";
    let exclusive =
        analyse(SERVICES, &[defined, "Upon full payment, Provider grants to Client an exclusive license to the Research Results."]);
    assert!(of(&exclusive, Concern::MethodologyTransfer).iter().any(|f| f.0 >= Severity::Medium), "{:?}", exclusive.findings);
    let shared =
        analyse(SERVICES, &[defined, "Upon full payment, Provider grants to Client a non-exclusive license to the Research Results."]);
    assert!(of(&shared, Concern::MethodologyTransfer).is_empty(), "{:?}", shared.findings);
}

/// "transfer and assign to, and waive in favour of, the Employer any and all rights": a waiver
/// of every right in the work takes the author's moral rights with it; a waiver of a jury trial
/// takes nothing.
#[test]
fn a_waiver_of_every_right_in_the_work_gives_up_moral_rights() {
    let work = "\"Work Product\" means the work product the Provider creates as a result of providing the Services.";
    let waived = analyse(
        SERVICES,
        &[
            work,
            "Upon full payment, the Provider hereby waives in favour of the Client any and all rights, titles and interests in the Work Product.",
        ],
    );
    assert!(of(&waived, Concern::MoralRightsWaiver).iter().any(|f| f.0 == Severity::Medium), "{:?}", waived.findings);
    assert!(of(&waived, Concern::BroadWorkProduct).iter().any(|f| f.0 >= Severity::Medium), "{:?}", waived.findings);
    let jury = analyse(SERVICES, &["Each party waives any right to a trial by jury in any action arising out of this Agreement."]);
    assert!(of(&jury, Concern::MoralRightsWaiver).is_empty(), "{:?}", jury.findings);
}

#[test]
fn a_perpetual_internal_use_licence_is_a_low_point_and_an_irrevocable_one_is_not() {
    let rule = |licence: &str| {
        let a = analyse(SERVICES, &[licence]);
        a.findings.iter().find(|f| f.concern == Concern::PerpetualIrrevocableGrant).map(|f| (f.rule.clone(), f.severity))
    };
    // The agency's own licence model: perpetual, non-exclusive, for the client's own use.
    let plain = rule("Provider grants Client a perpetual, non-exclusive internal-use license to the delivered code and its outputs.");
    assert_eq!(plain.as_ref().map(|r| r.1), Some(Severity::Low), "{plain:?}");
    let irrevocable = rule("Provider grants Client a perpetual, irrevocable, non-exclusive license to the delivered code and its outputs.");
    assert_eq!(irrevocable.as_ref().map(|r| r.1), Some(Severity::Medium), "{irrevocable:?}");
}

#[test]
fn an_irrevocable_licence_to_practice_every_right_in_prior_innovations() {
    let a = analyse(
        SERVICES,
        &[
            "Provider has listed on Exhibit A all inventions made by Provider prior to this Agreement (the \"Prior Innovations\").",
            "Provider hereby grants to Client a royalty-free, irrevocable, worldwide, fully paid-up license (with rights to sublicense through multiple tiers of sublicensees) to practice all patent, copyright and other intellectual property rights relating to any Prior Innovations that Provider incorporates in any deliverable.",
        ],
    );
    let found = |concern: Concern| a.findings.iter().any(|f| f.concern == concern && f.severity >= Severity::Medium && f.clause == Some(2));
    // Named for what came before, the Prior Innovations are the agency's own tools: licensed
    // away for good, and with every right in them.
    assert!(found(Concern::PreExistingIp), "{:#?}", a.findings);
    assert!(found(Concern::PerpetualIrrevocableGrant), "{:#?}", a.findings);
}

#[test]
fn a_bar_on_using_whatever_was_developed_during_the_engagement_is_a_non_compete() {
    let a = analyse(
        SERVICES,
        &[
            "Provider shall not use or deploy any software, programs or other intellectual property owned by Client or developed during the period of this Agreement for a period of 18 months.",
        ],
    );
    // The second limb reaches the agency's own tools: not only the client's things.
    assert!(a.findings.iter().any(|f| f.concern == Concern::NonCompete && f.severity >= Severity::Medium), "{:#?}", a.findings);
    let theirs =
        analyse(SERVICES, &["Provider shall not use or deploy any software, programs or other intellectual property owned by Client."]);
    assert!(!theirs.findings.iter().any(|f| f.concern == Concern::NonCompete), "{:#?}", theirs.findings);
}

#[test]
fn a_studio_that_keeps_its_code_but_licenses_it_exclusively_for_99_years() {
    let a = analyse(
        "These terms govern the relationship between you and us. We are: Harbour Code Studios. We will build the web site for you and you will pay us. We may charge you at hourly rates and you will pay us for that work. We own our code and you own your content.",
        &[
            "Web Site concepts and designs introduced by us belong to us.",
            "Software code written by us prior to the date of this agreement and incorporated in the Web Site belongs to us.",
            "Code written specifically for the Web Site belongs to you.",
            "We now grant an exclusive license to you for all items listed above and owned by us, for use in connection with any web site you might own for a period of 99 years. You may not assign this licence except by way of sale of the whole of the Web Site.",
        ],
    );
    assert_eq!(a.parties.agency.as_deref(), Some("Harbour Code Studios"), "{:?}", a.parties);
    let found = |concern: Concern| a.findings.iter().any(|f| f.concern == concern && f.severity >= Severity::Medium);
    // Keeping the code is hollow when it is licensed away exclusively, for good and with the site.
    assert!(found(Concern::PreExistingIp), "{:#?}", a.findings);
    assert!(found(Concern::PerpetualIrrevocableGrant), "{:#?}", a.findings);
    assert!(found(Concern::TransferableLicense), "{:#?}", a.findings);
    assert!(missing(&a).contains(&Concern::NoLicenseBack), "{:#?}", a.findings);
}

#[test]
fn a_markdown_bullet_with_nothing_before_its_verb_is_read_without_a_panic() {
    // Found by the property tests: the bullet's mark sits inside an empty object.
    let library = ClauseLibrary::embedded();
    let doc =
        clauseguard::ingest::from_text("draft.md", clauseguard::ingest::Format::Markdown, "\n- shall be the sole property of Client. ");
    let a = Analyzer::new(&library).analyze(&doc, &Options::default());
    assert!(a.findings.iter().all(|f| f.start <= f.end), "{:#?}", a.findings);
}

#[test]
fn the_agencys_platform_and_models_kept_as_its_own_answer_the_prior_ip_and_model_questions() {
    let a = analyse(
        SERVICES,
        &[
            "The deliverables shall be owned by the Client upon payment in full.",
            "The Provider AI platform, algorithms, models, prompts, source code, and underlying technology remain the exclusive property of Provider.",
        ],
    );
    let m = missing(&a);
    assert!(!m.contains(&Concern::PreExistingIp) && !m.contains(&Concern::ModelOwnership), "{m:?}");
    // Without that sentence both are asked.
    let m = missing(&analyse(SERVICES, &["The deliverables shall be owned by the Client upon payment in full."]));
    assert!(m.contains(&Concern::PreExistingIp), "{m:?}");
}

#[test]
fn a_promise_to_disclose_everything_made_during_and_after_the_engagement_is_broad() {
    let a = analyse(
        SERVICES,
        &[
            "Provider will disclose promptly in writing to Client all Innovations conceived, reduced to practice, created, derived, developed, or made by Provider, its employees, agents or assigns during the term of the contract and for three (3) months thereafter, whether or not Provider believes such Innovations are subject to this Agreement.",
        ],
    );
    let broad = a.findings.iter().find(|f| f.concern == Concern::BroadWorkProduct && f.kind == FindingKind::Phrase);
    assert!(broad.is_some_and(|f| f.severity >= Severity::Medium && f.rule.ends_with("everything-made-disclosed")), "{:?}", a.findings);
}

#[test]
fn vesting_absolutely_and_irrevocably_in_the_client_is_ownership_and_during_and_after_is_broad() {
    let a = analyse(
        SERVICES,
        &[
            "All intellectual property, including future inventions conceived during and after the engagement, shall vest absolutely and irrevocably in the Client.",
        ],
    );
    let concerns: Vec<Concern> = a.findings.iter().filter(|f| f.kind == FindingKind::Phrase).map(|f| f.concern).collect();
    assert!(concerns.contains(&Concern::AssignmentBeforePayment) && concerns.contains(&Concern::BroadWorkProduct), "{concerns:?}");
}

#[test]
fn everything_created_designated_sensitive_is_where_the_missing_residuals_clause_bites() {
    let a = analyse(
        SERVICES,
        &[
            "Provider hereby assigns to Client all rights in the Deliverables.",
            "All information gathered or created under this Agreement shall be considered as Sensitive but Unclassified information.",
        ],
    );
    let residuals = a.findings.iter().find(|f| f.kind == FindingKind::Missing && f.concern == Concern::NoResiduals).expect("asked");
    let clause = residuals.clause.and_then(|k| a.clauses.get(k)).expect("placed");
    assert_eq!(clause.number.as_deref(), Some("2"), "{clause:?}");
}

#[test]
fn a_finding_read_from_a_cited_clause_says_so() {
    let preamble = "This task order is between the Government and the Contractor. The Contractor shall provide the services. The Government shall pay the Contractor.";
    let a = analyse(
        preamble,
        &[
            "The Government data rights of software deliverables and all other data first produced in the performance of this task order shall be in accordance with FAR 52.227-17 Rights in Data -- Special Works.",
        ],
    );
    let cited = a.findings.iter().find(|f| f.phrase.as_deref() == Some("52.227-17")).expect("a finding on the citation");
    assert!(cited.explanation.starts_with("The clause cited here (52.227-17)"), "{}", cited.explanation);
}

#[test]
fn prior_materials_kept_only_where_a_schedule_lists_them_is_a_prior_ip_point() {
    let licence = "To the extent any Reserved Materials are included in a Deliverable, such Reserved Materials are hereby licensed by Provider to Client.";
    let listed = "\"Reserved Materials\" means any Content developed by Provider prior to rendering any Services under this Agreement and that is specified as such in the applicable SOW.";
    let a = analyse(SERVICES, &[listed, licence]);
    let point = a.findings.iter().find(|f| f.rule.ends_with("prior-kept-only-if-listed"));
    assert!(point.is_some_and(|f| f.concern == Concern::PreExistingIp && f.severity == Severity::Medium), "{:?}", a.findings);
    // Without the listing requirement, no such point.
    let unlisted = "\"Reserved Materials\" means any Content developed by Provider prior to rendering any Services under this Agreement.";
    let a = analyse(SERVICES, &[unlisted, licence]);
    assert!(!a.findings.iter().any(|f| f.rule.ends_with("prior-kept-only-if-listed")), "{:?}", a.findings);
}

const COMMONWEALTH: &str = "This agreement is between Northwind Health Trust (the \"Customer\") and Brightloop Analytics Pty Ltd (the \"Contractor\"). The Contractor will provide the Services described in Schedule 1 and the Customer will pay the Fees.";

/// Asserts that each of `concerns` is found at medium or high severity.
fn assert_found(a: &Analysis, concerns: &[Concern]) {
    let found = medium_or_high(a);
    for c in concerns {
        assert!(found.contains(c), "{c} not found: {:?}", a.findings);
    }
}

fn medium_or_high(a: &Analysis) -> Vec<Concern> {
    a.findings.iter().filter(|f| f.kind == FindingKind::Phrase && f.severity >= Severity::Medium).map(|f| f.concern).collect()
}

#[test]
fn ownership_that_passes_or_vests_in_commonwealth_words_is_read() {
    for clause in [
        "Ownership of all Material created by the Contractor in the course of providing the Services, including all Intellectual Property Rights in it, passes to the Customer on its creation.",
        "Intellectual property rights in all Contract Material vest in the Customer on creation.",
    ] {
        let found = medium_or_high(&analyse(COMMONWEALTH, &[clause]));
        assert!(found.contains(&Concern::AssignmentBeforePayment), "{clause}: {found:?}");
    }
}

#[test]
fn a_licence_to_use_and_sublicense_existing_material_is_read_and_a_denied_right_to_sublicense_is_not_one() {
    let found = medium_or_high(&analyse(
        COMMONWEALTH,
        &[
            "The Contractor licenses the Customer to use, copy, adapt and sublicense the Contractor's existing material for any purpose, on a perpetual, irrevocable and royalty-free basis.",
        ],
    ));
    assert!(found.contains(&Concern::TransferableLicense) && found.contains(&Concern::PreExistingIp), "{found:?}");
    let found = medium_or_high(&analyse(
        COMMONWEALTH,
        &[
            "The Contractor grants the Customer a licence to use, copy and modify the Contractor's existing material for the purposes of the Contract, which licence does not include a right to sub-license or commercialise.",
        ],
    ));
    assert!(!found.contains(&Concern::TransferableLicense), "{found:?}");
}

#[test]
fn a_duty_to_keep_work_product_confidential_takes_nothing() {
    let a = analyse(
        COMMONWEALTH,
        &[
            "The Contractor must keep confidential all work product, reports and data provided to it by the Customer or prepared for the Customer under this Contract, and must not disclose them to any third party without the Customer's prior written consent.",
        ],
    );
    assert!(!medium_or_high(&a).contains(&Concern::BroadWorkProduct), "{:?}", a.findings);
}

#[test]
fn bars_on_serving_a_business_engaged_in_a_field_or_accepting_the_clients_customers_are_non_competes() {
    for clause in [
        "During the Term and for eighteen (18) months thereafter, Contractor shall not design, build or provide any conversational AI product or service for any business engaged in consumer lending in North America.",
        "During the Term and for two years thereafter, the Contractor shall not, directly or indirectly, solicit or accept engagements from any customer or prospective customer of the Customer.",
    ] {
        let found = medium_or_high(&analyse(COMMONWEALTH, &[clause]));
        assert!(found.contains(&Concern::NonCompete), "{clause}: {found:?}");
    }
    // Declining to provide the services is no bar on serving others.
    let found = medium_or_high(&analyse(
        COMMONWEALTH,
        &["If the Customer's systems are unavailable, the Contractor will not be obligated to provide the services."],
    ));
    assert!(!found.contains(&Concern::NonCompete), "{found:?}");
}

#[test]
fn services_given_for_nothing_leave_no_payment_for_ownership_to_wait_for() {
    let owned = "The Deliverables shall be owned by the Customer upon delivery.";
    let free = "The Services are provided at no charge as a proof of concept.";
    let a = analyse(COMMONWEALTH, &[free, owned]);
    assert!(!a.findings.iter().any(|f| f.concern == Concern::AssignmentBeforePayment), "{:?}", a.findings);
    let a = analyse(COMMONWEALTH, &[owned]);
    assert!(a.findings.iter().any(|f| f.concern == Concern::AssignmentBeforePayment), "{:?}", a.findings);
}

#[test]
fn an_exception_after_the_owner_carves_out_and_what_the_client_makes_itself_is_its_own() {
    let a = analyse(
        COMMONWEALTH,
        &[
            "Ownership of the Deliverables listed in Schedule 2 passes to the Customer on payment of the final Milestone Payment, other than any Existing Material or open source software incorporated in them.",
        ],
    );
    assert!(!a.findings.iter().any(|f| f.concern == Concern::PreExistingIp && f.severity >= Severity::Medium), "{:?}", a.findings);
    let a = analyse(COMMONWEALTH, &["The Customer owns its data and the configurations it creates within its instance."]);
    assert!(!a.findings.iter().any(|f| f.concern == Concern::AssignmentBeforePayment), "{:?}", a.findings);
}

#[test]
fn pronouns_defined_in_brackets_name_the_parties() {
    let preamble = "These terms are agreed between Brightloop Analytics Limited (\"we\", \"us\", \"our\") and the customer named in the Order (\"you\", \"your\"). We will provide the Services described in the Order. You will pay the Fees within 30 days of our invoice.";
    let a = analyse(
        preamble,
        &["Upon signature of this proposal, you will own all code, models and materials we create for you in this engagement."],
    );
    assert_eq!((a.parties.agency.as_deref(), a.parties.counterparty.as_deref()), (Some("we"), Some("you")), "{:?}", a.parties);
    assert!(phrase_findings(&a, Concern::AssignmentBeforePayment).iter().any(|s| *s >= Severity::Low), "{:?}", a.findings);
    // Paid first, then owned: no point on payment.
    let a = analyse(
        preamble,
        &[
            "Once you have paid all invoices for a project, you own the deliverables listed in its Statement of Work. Until then we own them.",
        ],
    );
    assert!(!a.findings.iter().any(|f| f.concern == Concern::AssignmentBeforePayment), "{:?}", a.findings);
}

#[test]
fn continental_and_indian_wording_of_licences_authorship_and_moral_rights_is_read() {
    let found = medium_or_high(&analyse(
        COMMONWEALTH,
        &[
            "The Contractor grants the Customer the exclusive, transferable and sub-licensable right, unlimited in time, territory and content, to use the work results, including any pre-existing software components of the Contractor contained in them.",
        ],
    ));
    assert!(found.contains(&Concern::TransferableLicense), "{found:?}");
    let a = analyse(
        COMMONWEALTH,
        &[
            "All deliverables created by the Contractor under this Agreement shall be the exclusive property of the Customer, and for the purposes of Section 17 of the Copyright Act, 1957 the Customer shall be deemed the first owner of the copyright therein.",
        ],
    );
    assert!(!phrase_findings(&a, Concern::WorkMadeForHire).is_empty(), "{:?}", a.findings);
    let found = medium_or_high(&analyse(
        COMMONWEALTH,
        &[
            "The Contractor must obtain from each author of Contract Material a written consent to the performance of any act or omission by the Customer that would otherwise infringe the author's moral rights.",
        ],
    ));
    assert!(found.contains(&Concern::MoralRightsWaiver), "{found:?}");
}

/// A UK definitions clause whose entries are numbered clauses ("10. Deliverables: the ..."),
/// one with a catch-all limb after the scheduled deliverables.
#[test]
fn numbered_glossary_entries_are_definitions_and_a_catch_all_limb_is_not_bounded_by_the_schedule() {
    let a = analyse(
        COMMONWEALTH,
        &[
            "Definitions:",
            "Charges: the charges payable by the Customer for the Services.",
            "Deliverables: the deliverables specified in Schedule 1 and all other documents, products, software and other materials developed by the Contractor for the Customer in the performance of the Services.",
            "Services: the services set out in Schedule 1.",
            "The Deliverables shall be owned by the Customer upon payment of the Charges.",
        ],
    );
    assert!(medium_or_high(&a).contains(&Concern::BroadWorkProduct), "{:?}", a.findings);
}

#[test]
fn a_bar_on_using_the_clients_data_or_the_methods_developed_for_it_reaches_the_agencys_own_ways() {
    let a = analyse(
        COMMONWEALTH,
        &[
            "The Contractor shall not use any Customer Data, or any insight, technique or model derived from it or from the performance of the Services, in the provision of services to any other person.",
        ],
    );
    assert!(medium_or_high(&a).contains(&Concern::NonCompete), "{:?}", a.findings);
    // The client's data alone: no bar on the agency's ways of working.
    let a = analyse(COMMONWEALTH, &["The Contractor shall not use any Customer Data in the provision of services to any other person."]);
    assert!(!medium_or_high(&a).contains(&Concern::NonCompete), "{:?}", a.findings);
}

#[test]
fn weights_owned_by_the_client_while_the_agency_keeps_its_architectures_and_training_methods_are_no_model_point() {
    let a = analyse(
        COMMONWEALTH,
        &[
            "The Customer owns the trained model weights produced from Customer Data under the SOW. The Contractor retains ownership of the model architectures, training and fine-tuning methodology and evaluation frameworks it uses.",
        ],
    );
    assert!(!medium_or_high(&a).contains(&Concern::ModelOwnership), "{:?}", a.findings);
}

#[test]
fn ownership_passing_whether_or_not_paid_for_is_not_conditioned_on_payment() {
    let a = analyse(
        COMMONWEALTH,
        &[
            "Title to and all Intellectual Property Rights in each Deliverable supplied by the Contractor shall pass to the Customer on its creation, irrespective of whether that Deliverable has been accepted or paid for.",
        ],
    );
    assert!(medium_or_high(&a).contains(&Concern::AssignmentBeforePayment), "{:?}", a.findings);
}

#[test]
fn keeping_third_party_software_out_of_an_assignment_keeps_nothing_of_the_agencys() {
    let a = analyse(
        SERVICES,
        &[
            "Provider hereby assigns to Client all right, title and interest in the Work Product, other than third-party commercial software that Client licenses directly from its vendor.",
        ],
    );
    assert!(missing(&a).contains(&Concern::PreExistingIp), "{:?}", a.findings);
    let a = analyse(
        SERVICES,
        &[
            "Provider hereby assigns to Client all right, title and interest in the Work Product, other than Provider's pre-existing materials.",
        ],
    );
    assert!(!missing(&a).contains(&Concern::PreExistingIp), "{:?}", a.findings);
}

/// A sentence of its own that adds to a term defined elsewhere changes what the term sweeps in.
#[test]
fn a_sentence_that_adds_to_a_defined_term_is_read_into_it() {
    let defined = "\"Contract Material\" means all material created by the Contractor under this Contract. \"Existing Material\" means material owned by the Contractor before the date of this Contract.";
    let vests = "Intellectual property rights in all Contract Material vest in the Customer upon payment of the Fees.";
    let a = analyse(COMMONWEALTH, &[defined, vests]);
    assert!(!medium_or_high(&a).contains(&Concern::MethodologyTransfer), "{:?}", a.findings);
    let a = analyse(
        COMMONWEALTH,
        &[
            defined,
            "The Contractor acknowledges that any tool, template, framework or methodology developed in the course of the Services forms part of the Contract Material.",
            vests,
        ],
    );
    assert!(medium_or_high(&a).contains(&Concern::MethodologyTransfer), "{:?}", a.findings);
    let a = analyse(
        COMMONWEALTH,
        &[
            defined,
            "For these purposes, Contract Material includes any Existing Material of the Contractor to the extent that it is modified or incorporated into the Deliverables.",
            vests,
        ],
    );
    assert!(medium_or_high(&a).contains(&Concern::PreExistingIp), "{:?}", a.findings);
}

#[test]
fn a_definition_whether_or_not_in_the_schedule_is_unbounded_and_an_added_sentence_is_where_its_methods_show() {
    let a = analyse(
        COMMONWEALTH,
        &[
            "Contract Material means all material created for the purpose of performing the Services, including all material developed by the Contractor in the course of the Services, whether or not it was specified in Schedule 1.",
            "Title to, and Intellectual Property Rights in, all Contract Material vest in the Customer upon payment of the Fees.",
            "Without limiting clause 2, the Contract Material includes all software tools, scripts, methods and know-how developed by the Contractor while performing the Services.",
        ],
    );
    let broad = a.findings.iter().filter(|f| f.concern == Concern::BroadWorkProduct && f.severity >= Severity::Medium);
    assert!(broad.count() > 0, "{:?}", a.findings);
    let methods = a.findings.iter().find(|f| {
        f.concern == Concern::MethodologyTransfer && f.clause.and_then(|k| a.clauses.get(k)).and_then(|c| c.number.as_deref()) == Some("3")
    });
    assert!(methods.is_some(), "{:?}", a.findings);
}

const INDIA: &str = "This Software Development Agreement is made between Sundar Lending Private Limited (the \"Company\") and Kaveri Code Labs Private Limited (the \"Vendor\"). The Vendor shall develop the Software described in Annexure A and the Company shall pay the Fees.";

#[test]
fn a_clause_that_overrides_another_makes_its_transfers_wait_for_payment() {
    let owned = "The Software and all Intellectual Property Rights therein shall be the absolute and exclusive property of the Company from the moment of their creation.";
    let a = analyse(INDIA, &[owned]);
    assert!(medium_or_high(&a).contains(&Concern::AssignmentBeforePayment), "{:?}", a.findings);
    let a = analyse(
        INDIA,
        &[
            "Notwithstanding anything contained in Clause 2, the right, title and interest in the Software shall pass to the Company only upon receipt by the Vendor of the full payment due.",
            owned,
        ],
    );
    assert!(!medium_or_high(&a).contains(&Concern::AssignmentBeforePayment), "{:?}", a.findings);
}

#[test]
fn indian_drafting_of_authorship_tools_and_sector_bars_is_read() {
    let found = medium_or_high(&analyse(
        INDIA,
        &[
            "The Vendor shall ensure that its personnel do not claim authorship of, or exercise any of the special rights under Section 57 of the Copyright Act, 1957 in, any part of the Software.",
        ],
    ));
    assert!(found.contains(&Concern::MoralRightsWaiver), "{found:?}");
    let found = medium_or_high(&analyse(
        INDIA,
        &[
            "For twenty-four months after this Agreement ends, the Vendor shall not develop or assist in developing any credit-scoring or loan-origination software for any non-banking financial company, bank or fintech lender in India.",
        ],
    ));
    assert!(found.contains(&Concern::NonCompete), "{found:?}");
    let found = medium_or_high(&analyse(
        INDIA,
        &[
            "\"Software\" means the platform developed by the Vendor under this Agreement, including all modules, libraries, utilities and tools used by the Vendor in developing it.",
            "The Vendor hereby assigns to the Company the entire copyright in the Software upon payment of the Fees.",
        ],
    ));
    assert!(found.contains(&Concern::PreExistingIp), "{found:?}");
}

#[test]
fn a_proposal_that_speaks_as_we_to_you_and_names_no_party_is_read_with_we_as_the_agency() {
    let a = analyse(
        "Proposal prepared for the logistics team. You asked us to predict late deliveries. We will review your data, we will build a model and we will train your team. You will pay our invoices within 30 days. We keep our tools; you own what we build for you.",
        &[
            "Once you have paid our invoices, you own the code we write for you, and we grant you a licence to our toolkit as embedded in it.",
        ],
    );
    assert_eq!((a.parties.agency.as_deref(), a.parties.counterparty.as_deref()), (Some("we"), Some("you")), "{:?}", a.parties);
}

#[test]
fn joint_work_owned_by_the_client_alone_is_a_joint_ip_point() {
    let a = analyse(
        SERVICES,
        &[
            "Results generated jointly by the Provider and the Client shall be owned by the Client. The Provider shall execute all documents the Client requires to perfect that ownership.",
        ],
    );
    assert!(medium_or_high(&a).contains(&Concern::JointIp), "{:?}", a.findings);
}

#[test]
fn payment_conditions_transfers_of_a_licence_and_tools_named_after_the_owner_are_read() {
    let a = analyse(
        INDIA,
        &[
            "Subject to receipt by the Vendor of the entire consideration payable under this Agreement, the Vendor shall assign to the Company the copyright in the Deliverables listed in Annexure A.",
        ],
    );
    assert!(!medium_or_high(&a).contains(&Concern::AssignmentBeforePayment), "{:?}", a.findings);
    let found = medium_or_high(&analyse(
        COMMONWEALTH,
        &[
            "The Contractor grants the Customer a perpetual, royalty-free, irrevocable and non-exclusive licence to use the Contractor Existing IPRs for any purpose relating to the functions of the Customer. The Customer may sub-license and assign this licence to any other government body.",
        ],
    ));
    assert!(found.contains(&Concern::TransferableLicense) && !found.contains(&Concern::AssignmentBeforePayment), "{found:?}");
    let found = medium_or_high(&analyse(
        SERVICES,
        &[
            "Because the Client pays for the Provider's time by the hour, all results of that time belong to the Client, including any tools, scripts, libraries and methods that the Provider develops while billing hours to the Client.",
        ],
    ));
    assert!(found.contains(&Concern::MethodologyTransfer), "{found:?}");
}

#[test]
fn a_bar_on_using_what_the_agency_learns_for_its_own_benefit_takes_nothing() {
    let a = analyse(
        SERVICES,
        &[
            "Provider shall not use, for its own benefit or for the benefit of anyone other than Client, any information, technique or know-how that Provider learns or develops in the course of the Services.",
        ],
    );
    assert!(!medium_or_high(&a).contains(&Concern::BroadWorkProduct), "{:?}", a.findings);
}

#[test]
fn a_bar_on_supplying_a_copy_of_the_clients_deliverables_is_no_reuse_bar_and_a_certified_deletion_answers_the_data_question() {
    let a = analyse(
        SERVICES,
        &[
            "Provider hereby assigns to Client all right, title and interest in the Deliverables upon payment of the Fees.",
            "Provider shall not license, sell or otherwise supply to any third party a copy of the Client-Specific Deliverables.",
        ],
    );
    assert!(!medium_or_high(&a).contains(&Concern::NoResiduals), "{:?}", a.findings);
    let a = analyse(
        SERVICES,
        &[
            "Provider shall store all Client Data on servers located in India, shall use it only for the Project, and shall certify its permanent deletion within fifteen (15) days of completion of the Project.",
        ],
    );
    assert!(!missing(&a).contains(&Concern::ClientData), "{:?}", a.findings);
}

/// Probe set 5's readings as findings: a bar on the agency's own techniques asks for residuals;
/// what is made specifically for the contract needs no carve-out of prior work; open-source
/// components cannot be transferred; a narrow licence beside the agency's retention takes
/// nothing.
#[test]
fn bars_on_methods_bespoke_transfers_open_source_components_and_narrow_licences() {
    let a = analyse(
        SERVICES,
        &["Provider shall not use any technique or approach developed in the course of the Services for the benefit of any third party."],
    );
    assert!(medium_or_high(&a).contains(&Concern::NoResiduals), "{:?}", a.findings);
    let a = analyse(
        SERVICES,
        &[
            "All Project Specific IPRs shall vest in the Client on creation. \"Project Specific IPRs\" means IPRs in items created by or on behalf of the Provider specifically for the purposes of this Agreement.",
        ],
    );
    assert!(!missing(&a).contains(&Concern::PreExistingIp), "{:?}", a.findings);
    // Vesting on creation of what is made for the project is itself the payment point.
    assert!(phrase_findings(&a, Concern::AssignmentBeforePayment).contains(&Severity::High), "{:?}", a.findings);
    let a = analyse(
        SERVICES,
        &[
            "Provider assigns to the Client full title in every component of the Deliverables, including any third-party libraries they contain.",
        ],
    );
    assert!(medium_or_high(&a).contains(&Concern::OpenSource), "{:?}", a.findings);
    let a = analyse(
        SERVICES,
        &[
            "Without prejudice to the Client's ownership of the Deliverables, the Provider shall retain all rights, title and interest in its pre-existing intellectual property, including its frameworks, libraries, tools and know-how, and the Client shall have a non-exclusive, non-transferable licence to use the same solely as incorporated in the Deliverables.",
        ],
    );
    assert!(!medium_or_high(&a).contains(&Concern::MethodologyTransfer), "{:?}", a.findings);
}

/// "shall cease to retain such personal data as soon as the purpose ... is no longer served"
/// ends the agency's custody of the data in other words.
#[test]
fn ceasing_to_retain_personal_data_answers_the_data_question() {
    let a = analyse(
        SERVICES,
        &[
            "The Provider shall comply with the Personal Data Protection Act 2012 in respect of any personal data disclosed to it by the Client, and shall cease to retain such personal data as soon as the purpose for which it was disclosed is no longer served.",
        ],
    );
    assert!(!missing(&a).contains(&Concern::ClientData), "{:?}", a.findings);
}

/// Rights that vest in the agency on conception, beside a licence to the client, pass nothing
/// before payment.
#[test]
fn a_vesting_in_the_agency_beside_a_licence_is_no_transfer_before_payment() {
    let a = analyse(
        SERVICES,
        &[
            "Intellectual property rights in any Foreground Information vest in the Provider upon conception, and the Provider grants to the Client a non-exclusive, perpetual, world-wide, royalty-free licence to use the Foreground Information for any internal purpose.",
        ],
    );
    assert!(!medium_or_high(&a).contains(&Concern::AssignmentBeforePayment), "{:?}", a.findings);
}

/// Drafting translated from Spanish and Portuguese: the "CONTRACTED PARTY" does the work; a bar
/// on serving companies "that operate in the same sector" is a non-compete, and one on reusing
/// techniques once applied to the client's data reaches the agency's own methods; an
/// "assignment of the patrimonial rights" that "shall operate" upon creation, "independently
/// of the payment of the price", transfers before payment.
#[test]
fn translated_drafting_bars_competition_methods_and_transfers_by_a_noun() {
    const TRANSLATED: &str = "This Contract is made between Harbour Group S.A. (the \"CONTRACTING PARTY\") and Brightloop Ltda. (the \"CONTRACTED PARTY\"). The CONTRACTED PARTY shall provide the services and the CONTRACTING PARTY shall pay the price.";
    let a = analyse(
        TRANSLATED,
        &[
            "The CONTRACTED PARTY undertakes not to render services of development of artificial intelligence solutions to any company that operates in the same sector of activity as the CONTRACTING PARTY.",
            "The CONTRACTED PARTY shall not employ, in projects for third parties, any model architecture, training technique or parameter configuration that has been applied to the data of the CONTRACTING PARTY.",
            "The assignment of the patrimonial rights over the Deliverables shall operate in favour of the CONTRACTING PARTY automatically upon the creation of each Deliverable, independently of the payment of the price.",
        ],
    );
    assert_eq!(a.parties.agency.as_deref(), Some("CONTRACTED PARTY"));
    assert_found(&a, &[Concern::NonCompete, Concern::ClientData, Concern::AssignmentBeforePayment]);
}

/// "The foregoing does not comprise the libraries ... of which the Contracted Party was
/// already the holder": a sentence of its own carves the agency's prior work out of the
/// transfer before it.
#[test]
fn a_sentence_setting_aside_the_agencys_prior_work_carves_it_out() {
    let a = analyse(
        SERVICES,
        &[
            "The rights over the software developed specifically for the Client shall belong exclusively to the Client upon payment of the Fees. The foregoing does not comprise the libraries and development tools of which the Provider was already the holder prior to the execution of this Agreement.",
        ],
    );
    assert!(!missing(&a).contains(&Concern::PreExistingIp), "{:?}", a.findings);
}

/// "The Results shall be transferred to the Client": a passive transfer moves its subject, here
/// a term defined to sweep in models and methods; "after it has been assigned" names what
/// another clause moved, and goods moved passively are no work.
#[test]
fn a_passive_transfer_moves_its_subject() {
    let a = analyse(
        SERVICES,
        &[
            "\"Results\" means any and all creations, software, trained models, methods and processes generated by the Provider during the term, whether or not within the scope of the Services.",
            "The Results shall be transferred to the Client once the Fees have been paid in full.",
        ],
    );
    let found = medium_or_high(&a);
    assert_found(&a, &[Concern::BroadWorkProduct, Concern::MethodologyTransfer, Concern::ModelOwnership]);
    assert!(!found.contains(&Concern::AssignmentBeforePayment), "{:?}", a.findings);
    let goods = analyse(SERVICES, &["Upon the Client's request, such raw materials and finished goods are transferred to the Client."]);
    assert!(medium_or_high(&goods).is_empty(), "{:?}", goods.findings);
}

/// "Nothing ... shall be deemed to transfer or convey": the second verb is as negated as the
/// first, however far back the "nothing" is.
#[test]
fn the_second_verb_of_a_negated_pair_transfers_nothing() {
    let a = analyse(
        SERVICES,
        &[
            "\"Provider Property\" means all software, methods and tools the Provider uses, whether created before or after the Effective Date.",
            "Nothing contained in this Agreement shall be deemed to transfer or convey to the Client any ownership rights whatsoever in or to the Provider Property.",
        ],
    );
    assert!(medium_or_high(&a).is_empty(), "{:?}", a.findings);
}

/// The sentence after an assignment that speaks of it ("Such assignment shall take effect only
/// upon payment of the Fees in full and shall not extend to the Consultant's Background IP")
/// makes it wait for payment and carves the agency's prior work out; a handover that "shall not
/// operate as an assignment" moves no rights before payment.
#[test]
fn the_sentence_after_an_assignment_qualifies_it_and_a_handover_that_is_no_assignment_takes_nothing() {
    let a = analyse(
        SERVICES,
        &[
            "The Provider hereby assigns to the Client all Intellectual Property Rights in the Deliverables. Such assignment shall take effect only upon payment of the Fees in full and shall not extend to the Provider's Background IP.",
            "On expiry or termination, the Provider shall deliver up to the Client all work product then in existence relating to the Project, in whatever state of completion. Delivery under this clause shall not operate as an assignment of any Intellectual Property Right, which shall be governed exclusively by clause 1.",
        ],
    );
    let found = medium_or_high(&a);
    assert!(!found.contains(&Concern::AssignmentBeforePayment), "{:?}", a.findings);
    assert!(!missing(&a).contains(&Concern::PreExistingIp), "{:?}", a.findings);
}

/// An agency's own terms in the first person: "we" do the work and "you" pay, so the parties
/// are sure; what "becomes yours as soon as it's written" passes to the client on creation.
#[test]
fn plain_english_ownership_by_a_possessive_pronoun_in_the_agencys_own_terms() {
    let a = analyse(
        "These terms are agreed between Brightloop Analytics Limited (\"we\", \"us\", \"our\") and the customer named in the Order (\"you\", \"your\"). We will provide the Services described in the Order. You will pay the Fees within 30 days of our invoice.",
        &["Anything our people write while embedded in your team becomes yours as soon as it's written."],
    );
    assert_eq!(a.parties.agency.as_deref(), Some("we"));
    assert!(medium_or_high(&a).contains(&Concern::AssignmentBeforePayment), "{:?}", a.findings);
}

/// Common-law Africa and defence drafting: a bar "whether directly or indirectly, render"
/// services to a competitor; know-how "acquired in the course of the Services shall be used
/// solely for the benefit of the Company" (no residuals); "grants Prime unlimited rights,
/// irrevocable and royalty-free, to use ... its Background Information" (a licence of prior
/// work for good); and a perpetual, irrevocable licence of the agency's tools made available
/// during the engagement. A recital that a party "wishes to grant" a licence grants nothing.
#[test]
fn bars_and_licences_in_commonwealth_and_defence_words() {
    let a = analyse(
        SERVICES,
        &[
            "The Provider shall not, during the term of this Agreement and for eighteen months thereafter, whether directly or indirectly, render data analytics services to any person carrying on business in competition with the Client.",
            "The Provider further undertakes that any knowledge, skill, technique or experience acquired in the course of the Services shall be used solely for the benefit of the Client.",
            "The Provider grants the Client unlimited rights, irrevocable and royalty-free, to use, disclose and have used its Background Information for any purpose.",
        ],
    );
    assert_found(&a, &[Concern::NonCompete, Concern::NoResiduals, Concern::PerpetualIrrevocableGrant]);
    let recital = analyse(
        SERVICES,
        &[
            "The Client desires to test the Provider IP and the Provider wishes to grant to the Client license rights with respect to the Provider IP.",
        ],
    );
    assert!(recital.findings.iter().all(|f| f.kind != FindingKind::Phrase), "{:?}", recital.findings);
}

/// Central European and Portuguese drafting in translation: the "Ordering Party" and the
/// "CONTRATANTE" are the client; "cedes ... the patrimonial rights" transfers; a party that
/// "obliges itself not to develop ... software solutions similar with the Platform" is barred
/// from competing; an undertaking "not to exercise the author's moral rights" waives them; a
/// bar joined to another by "and shall not use" is the same party's; "the knowledge acquired
/// in the Project" is know-how. "Derivative rights" in the client's own Work are no
/// improvements of the agency's.
#[test]
fn drafting_in_translation_from_central_europe_and_brazil() {
    let ordering = "This Agreement is made between Harbour Group S.A. (the \"Ordering Party\") and Brightloop sp. z o.o. (the \"Contractor\"). The Contractor shall provide the Services described in Appendix 1.";
    let a = analyse(
        ordering,
        &[
            "The Contractor transfers to the Ordering Party the author's economic rights to the Work, together with the exclusive right to permit the exercise of derivative rights. Transfer of the rights takes place in the moment of delivery of each part of the Work, independently of the payment of the Remuneration.",
            "The Contractor undertakes not to exercise the author's moral rights to the Work.",
        ],
    );
    assert_eq!(a.parties.counterparty.as_deref(), Some("Ordering Party"));
    let found = medium_or_high(&a);
    assert_found(&a, &[Concern::AssignmentBeforePayment, Concern::MoralRightsWaiver]);
    assert!(!found.contains(&Concern::Derivatives), "{:?}", a.findings);
    let brazil = "This Contract is made between Harbour Bank S.A. (the \"CONTRATANTE\") and Brightloop Ltda. (the \"CONTRATADA\").";
    let b = analyse(brazil, &["The CONTRATADA hereby cedes to the CONTRATANTE the patrimonial rights over the Deliverables."]);
    assert_eq!((b.parties.agency.as_deref(), b.parties.uncertain), (Some("CONTRATADA"), false));
    assert!(medium_or_high(&b).contains(&Concern::AssignmentBeforePayment), "{:?}", b.findings);
    let c = analyse(
        SERVICES,
        &[
            "During the Contract and for 24 months after, the Provider obliges itself not to develop for any other bank software solutions similar with the Platform.",
            "The Provider shall not allocate its developers to any company which is a client of the Client, and shall not use for such companies the knowledge acquired in the Project.",
        ],
    );
    assert_found(&c, &[Concern::NonCompete, Concern::NoResiduals]);
}

/// An insurer's and a school district's paper: a licence whose grantees take a dozen words
/// ("grants to Company, its Affiliates, and their respective agents, producers, reinsurers and
/// successors a ... license, with the right to grant sublicenses"); what "is a Company trade
/// secret and Company's exclusive property" is owned; "other work products developed by the
/// Contractor under this Agreement" reach past the deliverables.
#[test]
fn an_insurers_long_grantee_list_a_possessive_owner_and_work_products_developed_under_the_agreement() {
    let insurer = "This Agreement is made between Harbour Mutual Insurance Company (\"Company\") and Brightloop Analytics Ltd (\"Vendor\"). Vendor shall provide the Services described in the Statement of Work.";
    let a = analyse(
        insurer,
        &[
            "Vendor grants to Company, its Affiliates, and their respective agents, producers, reinsurers and successors a non-exclusive, perpetual, irrevocable, worldwide license, with the right to grant sublicenses, to use, copy and modify any Vendor Materials contained in the Deliverables.",
            "Any pricing model developed under this Agreement, including its feature set, scoring methodology and training procedures (collectively, \"Company Models\"), is a Company trade secret and Company's exclusive property.",
        ],
    );
    assert_found(&a, &[Concern::TransferableLicense, Concern::ModelOwnership, Concern::MethodologyTransfer]);
    let district = "This Agreement is made between the Lakeside Unified School District (\"District\") and Brightloop Learning LLC (\"Contractor\"). Contractor shall provide the Services described in Exhibit A.";
    let b = analyse(
        district,
        &[
            "All curriculum materials, software and other work products developed by the Contractor under this Agreement shall be the sole property of the District.",
        ],
    );
    assert!(medium_or_high(&b).contains(&Concern::BroadWorkProduct), "{:?}", b.findings);
}

/// Old-style drafting and Scots law: a bar whose duration and agents take several commas
/// before "engage in ... any business of like nature"; a licence "unto the Corporation, its
/// successors, assigns and licensees" passes on; "together with the models thereby produced"
/// after the owner is part of what it owns; "with absolute warrandice" and "by way of present
/// assignation of future rights" do not use up the reach of what is assigned; a waiver of
/// "all rights under Chapter IV of Part I of the Copyright, Designs and Patents Act 1988" is a
/// moral-rights waiver.
#[test]
fn old_style_legalese_and_scots_assignation() {
    let old = "This Agreement is made between Harbour Works Corporation (hereinafter called \"the Corporation\") and Brightloop Analytics Limited (hereinafter called \"the Contractor\"). The Contractor shall perform the work described in the Schedule.";
    let a = analyse(
        old,
        &[
            "Said Contractor doth covenant and agree that it shall not, during the term hereof nor for the space of five (5) years next ensuing the expiration thereof, either directly or indirectly, by itself or its agents, servants or officers, engage in any business of like nature to that of the Corporation.",
            "Said Contractor doth further grant unto the Corporation, its successors, assigns and licensees, a licence, perpetual and irrevocable, to use, copy and alter all computer programs and libraries of said Contractor.",
            "All improvements made by said Contractor upon the programs heretofore owned by said Contractor in the work for the Corporation shall be and become the sole and absolute property of said Corporation, together with the models thereby produced and the methods of training the same.",
        ],
    );
    assert_found(&a, &[Concern::NonCompete, Concern::TransferableLicense, Concern::ModelOwnership]);
    let b = analyse(
        "This Agreement is made between Harbour Group Limited (\"Customer\") and Brightloop Analytics Limited (\"Supplier\"). The Supplier shall provide the Services.",
        &[
            "The Supplier hereby assigns to the Customer with absolute warrandice, and, to the extent that any such rights do not yet exist, assigns by way of present assignation of future rights, all Intellectual Property Rights in the Deliverables (including every software component in them, whether proprietary or open source) and in any Supplier Background IPR incorporated in them.",
            "The Supplier shall procure from each of its personnel an unconditional and irrevocable waiver of all rights under Chapter IV of Part I of the Copyright, Designs and Patents Act 1988 in respect of the Deliverables.",
        ],
    );
    assert_found(&b, &[Concern::PreExistingIp, Concern::OpenSource, Concern::MoralRightsWaiver]);
}

/// A school district's exclusivity: the agency "shall not offer, license or sell to any other
/// school district ... any course ... that uses the instructional design framework ...
/// developed for the District" bars its ordinary trade. Keeping the client's confidential
/// information or data from "any other client" bars no trade.
#[test]
fn a_bar_on_selling_to_any_other_customer_of_the_kind_is_a_non_compete() {
    let district = "This Agreement is made between the Lakeside Unified School District (\"District\") and Brightloop Learning LLC (\"Contractor\"). Contractor shall provide the Services described in Exhibit A.";
    let a = analyse(
        district,
        &[
            "For a period of three (3) years, Contractor shall not offer, license or sell to any other school district in the State any course or assessment that uses the instructional design framework developed for the District.",
        ],
    );
    assert!(medium_or_high(&a).contains(&Concern::NonCompete), "{:?}", a.findings);
    let b = analyse(
        SERVICES,
        &[
            "The Provider shall not disclose the Confidential Information of the Client to any other client.",
            "The Provider shall not use Client Data for any other client.",
        ],
    );
    assert!(!medium_or_high(&b).contains(&Concern::NonCompete), "{:?}", b.findings);
}

/// Film and defence drafting: "All results and proceeds of Vendor's services hereunder" reach
/// past the deliverables, and "tools ... created or adapted by Vendor" take its adapted tools;
/// a subcontractor that may not "team with any party other than Prime" for "similar
/// technology" is barred from its trade.
#[test]
fn results_and_proceeds_adapted_tools_and_teaming_only_with_the_prime() {
    let film = "This Agreement is made between Harbour Pictures Limited (\"Producer\") and Brightloop VFX Limited (\"Vendor\"). Vendor shall provide the Services described in the Schedule.";
    let a = analyse(
        film,
        &[
            "All results and proceeds of Vendor's services hereunder, including any tools or software created or adapted by Vendor for the Picture, shall be deemed a work-made-for-hire, and Producer shall be the sole owner thereof.",
        ],
    );
    assert_found(&a, &[Concern::BroadWorkProduct, Concern::Derivatives]);
    let defence = "This Subcontract is made between Harbour Defence Systems plc (\"Prime\") and Brightloop Vision Limited (\"Subcontractor\"). Subcontractor shall provide the Work described in the Statement of Work.";
    let b = analyse(
        defence,
        &[
            "For the duration of the Programme, Subcontractor shall not offer, supply or team with any party other than Prime in respect of any product incorporating Subcontractor's algorithms or similar technology.",
        ],
    );
    assert!(medium_or_high(&b).contains(&Concern::NonCompete), "{:?}", b.findings);
}

/// "Provider assigns to Customer all right, title and interest in the Deliverables, including
/// any Provider Materials incorporated in them": what the inclusion adds is the agency's own
/// prior work, passing with the deliverables.
#[test]
fn an_inclusion_of_the_agencys_own_materials_in_what_passes_takes_its_prior_work() {
    let a = analyse(
        "This Agreement is made between Harbour Group Limited (\"Customer\") and Brightloop Analytics Limited (\"Provider\"). Provider shall provide the Services.",
        &[
            "Provider assigns to Customer all right, title and interest in the Deliverables, including any Provider Materials incorporated in them.",
        ],
    );
    assert!(medium_or_high(&a).contains(&Concern::PreExistingIp), "{:?}", a.findings);
    assert!(a.findings.iter().any(|f| f.concern == Concern::PreExistingIp && f.kind == FindingKind::Phrase), "{:?}", a.findings);
}

/// US defence drafting: "Subcontractor shall deliver to Prime, with unlimited rights for Prime
/// and the Government, all technical data and computer software ..., including ... training
/// pipelines" is a licence without end of the agency's methods, not a mere delivery.
#[test]
fn a_delivery_with_unlimited_rights_is_a_licence_for_good() {
    let defence = "This Subcontract is made between Harbour Defence Systems plc (\"Prime\") and Brightloop Vision Limited (\"Subcontractor\"). Subcontractor shall provide the Work described in the Statement of Work.";
    let a = analyse(
        defence,
        &[
            "Subcontractor shall deliver to Prime, with unlimited rights for Prime and the Government, all technical data and computer software relating to the Autonomy Module, including source code, training pipelines and test methodologies.",
        ],
    );
    assert!(medium_or_high(&a).contains(&Concern::PerpetualIrrevocableGrant), "{:?}", a.findings);
}

const PLAIN: &str = "This Agreement is made between Harbour Group Limited (the \"Customer\") and Brightloop Analytics Limited (the \"Supplier\"). The Supplier shall provide the Services and the Customer shall pay the Fees.";

/// Asserts that each of `concerns` is found at medium or high severity in `clause`, a clause of
/// the PLAIN agreement.
fn assert_found_in(clause: &str, concerns: &[Concern]) {
    assert_found(&analyse(PLAIN, &[clause]), concerns);
}

/// Words that say who receives and what rights pass ("unto the party of the first part
/// (hereinafter called ...), its successors and assigns forever, the entire right, title and
/// interest in and to") do not use up the reach of what passes.
#[test]
fn old_style_receiver_descriptions_do_not_cut_off_the_object() {
    let a = analyse(
        "THIS INDENTURE is made between Harbour Group Limited (hereinafter called \"the Corporation\") and Brightloop Analytics Limited (hereinafter called \"the Contractor\").",
        &[
            "The said Contractor doth hereby sell, assign, transfer and set over unto the party of the first part (hereinafter called \"the Corporation\"), its successors and assigns forever, the entire right, title and interest in and to any and all inventions, discoveries, designs, works of authorship, processes and methods which said Contractor hath made or shall hereafter make or conceive, either solely or jointly with others, during the continuance of said engagement.",
        ],
    );
    assert_found(&a, &[Concern::BroadWorkProduct, Concern::MethodologyTransfer]);
}

/// "shall, upon termination for any reason, transfer to the Customer all software, models and
/// methodologies used in the provision of the Services": a phrase between the modal and its
/// verb leaves the transfer a transfer.
#[test]
fn a_transfer_with_a_phrase_between_modal_and_verb_is_read() {
    assert_found_in(
        "On exit, the Supplier shall, upon termination for any reason, transfer to the Customer all software, models and methodologies used in the provision of the Services.",
        &[Concern::ModelOwnership, Concern::MethodologyTransfer, Concern::PreExistingIp],
    );
}

/// "For the purposes of the Customer's risk framework, the Scoring Models ... shall be the
/// exclusive property of the Customer": the opening phrase does not make the models the
/// Customer's own things before the clause gives them.
#[test]
fn an_opening_phrase_naming_the_client_does_not_make_the_object_its_own() {
    assert_found_in(
        "For the purposes of the Customer's model governance policy, the Scoring Models, including their feature engineering, training code and validation methods, shall be the exclusive property of the Customer.",
        &[Concern::ModelOwnership, Concern::MethodologyTransfer],
    );
}

/// "Nothing in this Agreement is an assignment of Background IP; provided, however, that any
/// Background IP deployed in the Platform shall be owned by the Customer": the proviso takes
/// back what the negation kept.
#[test]
fn a_proviso_after_a_nothing_clause_operates() {
    assert_found_in(
        "Nothing in this Agreement shall be construed as an assignment of the Supplier's Background IP; provided, however, that any Background IP embedded in the production release, including the Supplier's proprietary connectors, shall be owned by the Customer from the date of go-live.",
        &[Concern::PreExistingIp],
    );
}

/// "The Customer may sub-license the Deliverables, and any Supplier Materials embedded in them,
/// to any public body": the right to sub-license is a sublicensable licence though no verb
/// grants it.
#[test]
fn a_permission_to_sub_license_is_a_sublicensable_licence() {
    assert_found_in(
        "The Customer may sub-license the Deliverables, and any Supplier Materials embedded in them, to any other public body without the Supplier's consent.",
        &[Concern::TransferableLicense],
    );
}

/// "represents that the Customer will receive full and unencumbered ownership of all code
/// delivered, including any open-source components", "warrants that the Customer will own every
/// line of code": a promise of what the other side receives, or will own, gives it.
#[test]
fn a_warranty_that_the_client_will_receive_ownership_passes_it() {
    assert_found_in(
        "The Supplier represents that the Customer will receive full and unencumbered ownership of all code delivered, including any third-party and open-source components.",
        &[Concern::OpenSource],
    );
    assert_found_in(
        "The Supplier warrants that the Customer will own every line of code in the Deliverables outright, including any open-source libraries they contain.",
        &[Concern::OpenSource],
    );
}

/// A licence of the agency's named tools ("the Supplier Tools", "the Supplier Platform") that
/// can never be revoked and may be passed on is a grant for good of its own prior work.
#[test]
fn an_irrevocable_transferable_licence_of_the_agencys_tools_is_for_good() {
    assert_found_in(
        "The Supplier grants to the Customer a worldwide, irrevocable, royalty-free licence, transferable to its affiliates and sublicensable to its contractors, to use and modify the Supplier Platform in any project undertaken by the Customer.",
        &[Concern::PerpetualIrrevocableGrant, Concern::TransferableLicense],
    );
}

/// Competition in other words: "not to offer services similar to the Services", with the bar's
/// period between "undertakes" and "not"; software "for any bank other than the Customer"; "any
/// substantially similar model"; "made by the Supplier, by the Customer or jointly".
#[test]
fn competition_and_joint_work_in_other_words_are_read() {
    for clause in [
        "The Supplier undertakes, for the term and for eighteen (18) months after it ends, not to offer, directly or indirectly, services similar to the Services to any enterprise carrying on business in the payments sector.",
        "During the Term, the Supplier shall not provide, license or develop any fraud-scoring software or service for any bank or building society other than the Customer.",
        "The Supplier shall not deploy any substantially similar model for any other lender.",
        "For twelve months after the Term, the Supplier shall not provide development, integration or consulting services to any competing payments network.",
    ] {
        assert!(medium_or_high(&analyse(PLAIN, &[clause])).contains(&Concern::NonCompete), "{clause}");
    }
    assert_found_in(
        "The Customer shall own all modifications and extensions of the Supplier Platform made in the course of the Services, whether made by the Supplier, by the Customer or jointly.",
        &[Concern::JointIp],
    );
}

/// A transfer of "the Deliverables described in Schedule B" names what passes: it does not ask
/// for a carve-out of prior work as a transfer of "all work product" would.
#[test]
fn a_transfer_of_deliverables_named_in_a_schedule_asks_for_no_prior_carve_out() {
    let scoped = analyse(
        PLAIN,
        &[
            "Ownership of the Deliverables described in Schedule B shall pass to the Customer on delivery. Until delivery the Supplier remains the owner of them.",
        ],
    );
    assert!(!missing(&scoped).contains(&Concern::PreExistingIp), "{:?}", scoped.findings);
    let open = analyse(PLAIN, &["Ownership of all work product shall pass to the Customer on delivery."]);
    assert!(missing(&open).contains(&Concern::PreExistingIp), "{:?}", open.findings);
}

/// "Subject to the Customer paying the relevant invoice in full", "once the corresponding
/// milestone payment has been received": a transfer on payment, in other words.
#[test]
fn payment_conditions_in_other_words_are_read() {
    for clause in [
        "Subject to the Customer paying the relevant invoice in full, the Supplier assigns to the Customer the Intellectual Property Rights in the Deliverables.",
        "The Deliverables belong to the Customer once the corresponding milestone payment has been received by the Supplier.",
    ] {
        let a = analyse(PLAIN, &[clause]);
        assert!(!a.findings.iter().any(|f| f.concern == Concern::AssignmentBeforePayment), "{clause}: {:?}", a.findings);
    }
}

/// "Nothing in this Agreement transfers to the Customer any interest in the Supplier's
/// proprietary tools" and "paying for our time doesn't mean you own the tools we bring" keep the
/// agency's tools out of what passes: no carve-out is missing.
#[test]
fn a_denied_transfer_of_the_agencys_tools_is_its_carve_out() {
    let a = analyse(
        PLAIN,
        &[
            "Nothing in this Agreement shall be construed to transfer to the Customer any ownership interest in the Supplier's proprietary tools. Any extension of those tools created for the Customer and charged to it as a line item shall be owned by the Customer.",
        ],
    );
    assert!(!missing(&a).contains(&Concern::PreExistingIp), "{:?}", a.findings);
    let we = "These terms are agreed between Brightloop Analytics Limited (\"we\", \"us\", \"our\") and the customer named in the Order (\"you\", \"your\"). We will provide the Services described in the Order and you will pay the Fees.";
    let b = analyse(
        we,
        &[
            "Paying for our time doesn't mean you own the tools or methods we bring. But anything our people write for you becomes yours as soon as it's written.",
        ],
    );
    assert!(!missing(&b).contains(&Concern::PreExistingIp), "{:?}", b.findings);
}

/// "release the Milestone code under the Apache License 2.0 following receipt of the Grant
/// payment, and nothing in this Agreement requires the Supplier to publish, or to license to the
/// Customer, any other code or methodology": the denial grants nothing and releases no methods.
#[test]
fn a_denial_after_a_release_is_neither_a_licence_nor_part_of_what_is_released() {
    let a = analyse(
        PLAIN,
        &[
            "The Supplier shall release the milestone code identified in Exhibit A under the Apache License 2.0 following receipt of the corresponding Grant payment, and nothing in this Agreement requires the Supplier to publish, or to license to the Customer, any other code, research or methodology.",
        ],
    );
    assert!(!a.findings.iter().any(|f| f.concern == Concern::MethodologyTransfer), "{:?}", a.findings);
}

/// "shall not use Customer Data, or any learnings or insights derived therefrom, to develop any
/// product for anyone": what the agency learns from the data is barred with it, and nothing
/// leaves it its general know-how.
#[test]
fn a_bar_on_using_what_was_learnt_from_the_data_leaves_no_residuals() {
    assert_found_in(
        "The Supplier shall not use Customer Data, or any learnings, statistical patterns or insights derived therefrom, to develop, train or improve any product, model or service for any third party.",
        &[Concern::NoResiduals, Concern::ClientData],
    );
    let kept = analyse(
        PLAIN,
        &[
            "The Supplier shall not use Customer Data, or any learnings or insights derived therefrom, to develop any product for any third party. Nothing in this Agreement prevents the Supplier from using the general skills, knowledge and experience retained in the unaided memory of its personnel.",
        ],
    );
    assert!(!medium_or_high(&kept).contains(&Concern::NoResiduals), "{:?}", kept.findings);
}

/// A residuals right in a double negative ("nothing shall prevent the Supplier from using",
/// "the Supplier shall not be restricted from using") leaves the agency its know-how; "shall be
/// prohibited from using" does not.
#[test]
fn a_freedom_kept_by_a_double_negative_is_a_residuals_right() {
    let bar = "The Supplier shall not use any techniques, methods or know-how developed in performing the Services for any other customer.";
    for kept in [
        "Nothing in this Agreement shall prevent the Supplier from using the general skills, knowledge and experience retained in the unaided memory of its personnel.",
        "The Supplier shall not be restricted from using the general skills, knowledge and experience of its personnel.",
    ] {
        let a = analyse(PLAIN, &[bar, kept]);
        assert!(!a.findings.iter().any(|f| f.concern == Concern::NoResiduals), "{kept}: {:?}", a.findings);
    }
    let barred = analyse(
        PLAIN,
        &[bar, "The Supplier shall be prohibited from using the general skills, knowledge and experience of its personnel."],
    );
    assert!(barred.findings.iter().any(|f| f.concern == Concern::NoResiduals), "{:?}", barred.findings);
}

/// Japanese drafting in translation: "the copyrights in the Deliverables shall be transferred
/// from the Supplier to the Customer" moves them from the party after "from"; "Except for the
/// Supplier's Pre-existing Materials (...), all rights ... shall be assigned by the Supplier
/// to the Customer upon the Customer's payment" carves them out and waits for payment; and
/// works "held by the Supplier before this Agreement ... shall be retained by the Supplier".
#[test]
fn transfers_in_the_passive_name_their_giver_after_from_or_by() {
    assert_found_in(
        "The copyrights in the Deliverables shall be transferred from the Supplier to the Customer upon completion of delivery of the Deliverables.",
        &[Concern::AssignmentBeforePayment],
    );
    let carved = analyse(
        PLAIN,
        &[
            "Except for the Supplier's Pre-existing Materials and any Third Party Software (which are dealt with in Clause 5), all Intellectual Property Rights in the Deliverables shall be assigned by the Supplier to the Customer upon the Customer's payment of the Milestone Payment for the relevant Deliverable.",
        ],
    );
    let taken = [Concern::PreExistingIp, Concern::AssignmentBeforePayment];
    assert!(!carved.findings.iter().any(|f| taken.contains(&f.concern)), "{:?}", carved.findings);
    let kept = analyse(
        PLAIN,
        &[
            "The copyrights in the Deliverables newly created under this Agreement shall be transferred from the Supplier to the Customer upon payment by the Customer of the Fees. The copyrights in works held by the Supplier or a third party before this Agreement shall be retained by the Supplier or such third party.",
        ],
    );
    assert!(!kept.findings.iter().any(|f| taken.contains(&f.concern)), "{:?}", kept.findings);
}

/// "shall not, during the term and for two years after, without the prior written consent of
/// the Customer, undertake the development of any ordering system for any business operator
/// engaged in the convenience store business"; "shall not develop or provide any
/// music-recognition technology to any record company, music publisher or distributor other
/// than the Customer": bars on serving the client's industry.
#[test]
fn bars_on_serving_an_industry_in_other_words_are_non_competes() {
    assert_found_in(
        "The Supplier shall not, during the term of this Agreement and for two (2) years after its termination, without the prior written consent of the Customer, undertake the development of any demand-forecasting or automated ordering system for any business operator engaged in the convenience store business.",
        &[Concern::NonCompete],
    );
    assert_found_in(
        "During the Term and for two (2) years thereafter, the Supplier shall not develop, license or provide any music-recognition or catalogue-valuation technology to any record company, music publisher or distributor other than the Customer.",
        &[Concern::NonCompete],
    );
}

/// An Indian consultancy's draft: "waive all rights of authorship, special, moral, or similar
/// rights" is a moral-rights waiver; "all Deliverables and/or output from Services" is
/// everything the services produce; and "Any derivative works the Supplier makes out of
/// Customer Materials ... shall be assigned ... in favour of the Customer" hands over
/// improvements of the client's own things only.
#[test]
fn authorship_rights_output_of_the_services_and_derivatives_of_the_clients_materials() {
    assert_found_in(
        "The Supplier shall hereby permanently waive all rights of authorship, special, moral, or similar rights, if any, that vest in the Supplier as of the date any Deliverables are created.",
        &[Concern::MoralRightsWaiver],
    );
    assert_found_in(
        "The Customer shall own the rights, title, and interest in and to all Intellectual Property Rights for all Deliverables and/or output from Services.",
        &[Concern::BroadWorkProduct],
    );
    let theirs = analyse(
        PLAIN,
        &[
            "Materials. Any derivative works the Supplier makes out of Customer Materials will constitute Services to be provided pursuant to this Agreement and shall be assigned solely and absolutely in favour of the Customer.",
        ],
    );
    assert!(!theirs.findings.iter().any(|f| f.concern == Concern::Derivatives), "{:?}", theirs.findings);
}

/// US city drafting: "materials prepared, developed or used by the Supplier in performing this
/// Agreement" is everything the engagement touches; "grants the Customer a perpetual,
/// irrevocable licence to use, copy and distribute them, which the Customer may extend to any
/// other public agency" licenses what the sentence named before ("them") and may be passed on;
/// "a perpetual licence to use it within the context of the delivered project" is limited.
#[test]
fn a_licence_of_them_licenses_what_the_sentence_named_and_may_be_extended_to_others() {
    assert_found_in(
        "All finished or unfinished documents, data, code and other materials prepared, developed or used by the Supplier in performing this Agreement shall become the sole property of the Customer upon preparation.",
        &[Concern::BroadWorkProduct],
    );
    assert_found_in(
        "To the extent any Supplier Pre-Existing Materials are incorporated into a deliverable, the Supplier grants the Customer a perpetual, irrevocable, royalty-free licence to use, copy, modify and distribute them, which the Customer may extend to any other public agency.",
        &[Concern::PerpetualIrrevocableGrant, Concern::TransferableLicense],
    );
    let limited = analyse(
        PLAIN,
        &[
            "Pre-existing intellectual property remains the sole property of the Supplier. Where such pre-existing IP is incorporated into Deliverables, the Customer receives a non-exclusive, perpetual license to use it within the context of the delivered project, subject to full payment.",
        ],
    );
    assert!(!medium_or_high(&limited).contains(&Concern::TransferableLicense), "{:?}", limited.findings);
}

/// Japanese drafting in translation (Copyright Act Art. 15): materials "shall be deemed works
/// made on the initiative of the Customer and published under the Customer's name" make the
/// client their author, as a work made for hire does.
#[test]
fn works_deemed_made_on_the_clients_initiative_are_works_made_for_hire() {
    assert_found_in(
        "The Deliverables, together with all interim materials, source code and other materials prepared by the Supplier in the course of the Entrusted Work, shall be deemed works made on the initiative of the Customer and published under the Customer's name, and the Customer shall be the author thereof from the time of their creation.",
        &[Concern::WorkMadeForHire, Concern::BroadWorkProduct],
    );
}

/// A transferable licence of the agency's pre-existing materials "solely as incorporated into
/// the deliverables" lets them travel only inside the work: a point on transferability, not on
/// the pre-existing materials themselves. One that also reaches what was "otherwise used by the
/// Supplier in performance of" the contract takes the materials themselves.
#[test]
fn a_licence_of_prior_work_as_it_sits_in_the_deliverables_is_no_pre_existing_ip_point() {
    let embedded = analyse(
        PLAIN,
        &[
            "To the extent any Background IP is incorporated into any deliverable, the Supplier grants the Customer a perpetual, irrevocable, royalty free, transferable, sub-licensable, non-exclusive licence to use such Background IP solely as incorporated into the deliverables.",
        ],
    );
    let found = medium_or_high(&embedded);
    assert!(found.contains(&Concern::TransferableLicense) && !found.contains(&Concern::PreExistingIp), "{:?}", embedded.findings);
    assert_found_in(
        "The Supplier grants the Customer a non-exclusive, perpetual, irrevocable licence, with the right to sub-license through multiple levels, under all of the Supplier's rights in any Pre-Existing IP used or incorporated in any Deliverables or otherwise used by the Supplier in performance of its obligations.",
        &[Concern::PreExistingIp],
    );
}

/// The severity at which a missing protection is asked, if it is.
fn missing_severity(a: &Analysis, concern: Concern) -> Option<Severity> {
    a.findings.iter().find(|f| f.kind == FindingKind::Missing && f.concern == concern).map(|f| f.severity)
}

/// A transfer of the deliverables alone ("Title to each Deliverable vests in the Customer")
/// reaches the agency's prior work only as built into them: the carve-out is asked at low
/// severity. One whose "Deliverables" a definition makes everything made in the engagement, or
/// that names what they contain, asks it in full.
#[test]
fn a_transfer_of_the_deliverables_alone_asks_for_a_prior_work_carve_out_at_low_severity() {
    let plain =
        analyse(PLAIN, &["Title to and all intellectual property rights in each Deliverable shall vest in the Customer upon delivery."]);
    assert_eq!(missing_severity(&plain, Concern::PreExistingIp), Some(Severity::Low), "{:?}", plain.findings);
    let defined = analyse(
        PLAIN,
        &[
            "\"Deliverables\" means all materials, code and know-how created by the Supplier in the course of the Services.",
            "Title to and all intellectual property rights in each Deliverable shall vest in the Customer upon delivery.",
        ],
    );
    assert_eq!(missing_severity(&defined, Concern::PreExistingIp), Some(Severity::High), "{:?}", defined.findings);
    let components = analyse(
        PLAIN,
        &["The Supplier assigns to the Customer full title in every component of the Deliverables, including any libraries they contain."],
    );
    assert_eq!(missing_severity(&components, Concern::PreExistingIp), Some(Severity::High), "{:?}", components.findings);
}

/// "no payment under this Insertion Order transfers to the Customer any right in the
/// Supplier's bidding algorithms": a transfer denied keeps the agency's tools, which is the
/// carve-out a transfer of the work needs.
#[test]
fn a_denied_transfer_in_the_present_tense_keeps_the_agencys_tools() {
    let a = analyse(
        PLAIN,
        &[
            "Campaign reports produced for the Customer belong to the Customer. Invoices are payable net thirty days, and no payment under this Insertion Order transfers to the Customer any right in the Supplier's bidding algorithms, audience taxonomies or reporting templates.",
        ],
    );
    assert!(!missing(&a).contains(&Concern::PreExistingIp), "{:?}", a.findings);
}

/// Work "created by us in the course of working on a Story and that also forms a part of the
/// Product" is bounded by what it becomes part of: no broad work-product grab. A highlight cut
/// short starts at a word.
#[test]
fn work_that_forms_part_of_the_product_is_bounded() {
    let clause = "Intellectual property in work created by the Supplier in the course of working on a Story and that also forms a part of the Product (\"Project IP\") shall, as a future assignment of intellectual property, belong to the Customer, subject to the licence back set out in this agreement.";
    let a = analyse(PLAIN, &[clause]);
    let found = medium_or_high(&a);
    assert!(!found.contains(&Concern::BroadWorkProduct), "{:?}", a.findings);
    let phrases: Vec<&str> = a.findings.iter().filter_map(|f| f.phrase.as_deref()).collect();
    assert!(!phrases.is_empty(), "{:?}", a.findings);
    for phrase in phrases {
        let at = clause.to_lowercase().find(&phrase.to_lowercase()).expect("the phrase is the clause's");
        assert!(at == 0 || clause[..at].ends_with(' '), "{phrase:?} starts mid-word");
    }
}

/// Bars on serving a sector, in words no list of competitors holds: "shall not provide
/// penetration testing, red-team or incident-response services to any bank ... other than the
/// Customer", and a covenant whose interjection cites a statute ("art. 2596 of the Civil
/// Code"). A service the agency need not provide is no bar.
#[test]
fn bars_on_serving_anyone_in_a_sector_but_the_client_are_non_competes() {
    for clause in [
        "Throughout the Term and for eighteen months after it ends, the Supplier shall not provide penetration testing, red-team or incident-response services to any bank, payment institution or e-money institution headquartered in the European Economic Area other than the Customer.",
        "For the whole duration of the Contract, the Supplier undertakes, also pursuant to art. 2596 of the Civil Code, not to carry out, either directly or through interposed persons, any activity of design or supply of vision systems in favour of undertakings operating in the ceramic tile sector.",
        "For five years from delivery, the Supplier shall not develop or supply decision-support software or inspection tools to any manufacturer of commercial aircraft other than the Customer.",
    ] {
        assert!(medium_or_high(&analyse(PLAIN, &[clause])).contains(&Concern::NonCompete), "{clause}");
    }
    let free = analyse(
        PLAIN,
        &["The Supplier will not be obligated to provide the Services to any devices that the Customer connects without notice."],
    );
    assert!(!free.findings.iter().any(|f| f.concern == Concern::NonCompete), "{:?}", free.findings);
}

/// A licence of the agency's own named product ("the Supplier's Supply Chain Analytics
/// Toolkit"), irrevocable and passed on to others, gives its tools away for good; one "sublicensable to
/// the Customer's signed creators" is given to them, not a thing of theirs.
#[test]
fn a_lasting_licence_of_the_agencys_own_product_and_one_sublicensable_to_the_clients_people() {
    let toolkit = analyse(
        PLAIN,
        &[
            "The Supplier grants the Customer a non-exclusive, perpetual, irrevocable and royalty-free licence to the Supplier's Supply Chain Analytics Toolkit, which the Customer may sub-license and transfer to any of its affiliates.",
        ],
    );
    assert!(medium_or_high(&toolkit).contains(&Concern::PerpetualIrrevocableGrant), "{:?}", toolkit.findings);
    let creators = analyse(
        PLAIN,
        &[
            "The Supplier grants the Customer an exclusive licence, sublicensable to the Customer's signed creators, to use the Supplier's auto-editing engine during the Term.",
        ],
    );
    assert!(medium_or_high(&creators).contains(&Concern::TransferableLicense), "{:?}", creators.findings);
}

/// Italian drafting in translation: "the term \"Results\" designates ..." defines, "the rights
/// of economic exploitation" are intellectual property, and "Law no. 633" negates nothing.
#[test]
fn a_term_that_designates_and_rights_of_economic_exploitation_are_read() {
    let a = analyse(
        PLAIN,
        &[
            "In this Contract the term \"Results\" designates any software, algorithm, model, know-how and other output conceived by the Supplier in the execution of or on the occasion of the Contract. The rights of economic exploitation over the Results, pursuant to Law no. 633 of 22 April 1941, shall belong exclusively to the Customer from the moment of their creation.",
        ],
    );
    let found = medium_or_high(&a);
    for c in [Concern::BroadWorkProduct, Concern::MethodologyTransfer, Concern::AssignmentBeforePayment] {
        assert!(found.contains(&c), "{c}: {:?}", a.findings);
    }
}

/// Improvements of the agency's own platform "realised in the course of the Contract", and
/// "tuned versions of rules taken from the Supplier's standard content library", that become
/// the client's are derivatives of the agency's work.
#[test]
fn evolutions_and_tuned_versions_of_the_agencys_work_are_derivatives() {
    for clause in [
        "Any improvement, evolution or adaptation of the Supplier's platform realised in the course of the Contract shall become the property of the Customer upon its realisation.",
        "All detection rules that the Supplier writes or tunes using Customer telemetry, including tuned versions of rules taken from the Supplier's standard content library, shall be owned by Customer.",
    ] {
        assert!(medium_or_high(&analyse(PLAIN, &[clause])).contains(&Concern::Derivatives), "{clause}");
    }
}

/// "The Organization shall be entitled to all intellectual property in the Project Materials"
/// states whose the work is, as "shall own" does.
#[test]
fn being_entitled_to_all_intellectual_property_in_the_work_is_ownership() {
    let a = analyse(
        PLAIN,
        &[
            "The Customer shall be entitled to all intellectual property in the Project Materials, which cover every process, item of know-how and document that the Supplier develops under the Contract.",
        ],
    );
    let found = medium_or_high(&a);
    assert!(found.contains(&Concern::MethodologyTransfer) && found.contains(&Concern::AssignmentBeforePayment), "{:?}", a.findings);
}

/// A security firm's custom tools and tradecraft are its methods.
#[test]
fn custom_tools_and_tradecraft_are_methods() {
    assert_found_in(
        "\"Engagement Materials\" means every finding, exploit, custom tool and item of tradecraft written or used by the Supplier in the course of the Engagement. The Supplier hereby assigns to the Customer the entire right, title and interest in the Engagement Materials as and when they are created.",
        &[Concern::MethodologyTransfer],
    );
}

/// A bar on using the agency's own models, methods or improved tools "for any other client" or
/// "on any other production" is a non-compete in other words, and a bar on its techniques
/// for other clients leaves it no know-how; a draft that says the agency's own models and
/// methods stay free to use is not barred.
#[test]
fn a_bar_on_using_its_own_tools_for_any_other_client_is_a_non_compete() {
    for clause in [
        "The Supplier shall not use the base model, or any model derived from it, on any other production.",
        "The Supplier shall not deploy for any other customer any version of its ranking algorithms that was improved during the Project.",
    ] {
        assert!(medium_or_high(&analyse(PLAIN, &[clause])).contains(&Concern::NonCompete), "{clause}");
    }
    assert_found_in(
        "The Supplier shall not apply any technique it uses on the Project when working for any other client.",
        &[Concern::NoResiduals, Concern::NonCompete],
    );
    let a = analyse(
        PLAIN,
        &[
            "The Supplier shall not use Customer records to train any model offered to any other person. Nothing in this clause restricts the Supplier's use of its own models and training methods.",
        ],
    );
    assert!(!medium_or_high(&a).contains(&Concern::NonCompete), "{:?}", a.findings);
}

/// "Any model trained on footage supplied by the Customer, together with the base model and
/// training code" is the agency's model, not the Customer's footage.
#[test]
fn a_model_trained_on_what_the_client_supplied_is_not_the_clients_own_thing() {
    assert_found_in(
        "Any model trained or fine-tuned on recordings supplied by the Customer, together with the base model, weights and training code used to make it, shall be the Customer's sole property.",
        &[Concern::ModelOwnership],
    );
}

/// High or medium findings of any kind, missing protections included.
fn asked_or_found(a: &Analysis) -> Vec<Concern> {
    a.findings.iter().filter(|f| f.severity >= Severity::Medium).map(|f| f.concern).collect()
}

/// "The Supplier's Platform, meaning its engines and training methods, is and remains the
/// Supplier's sole property" keeps the agency's prior work: the carve-out is not asked for.
#[test]
fn what_is_and_remains_the_agencys_property_is_kept() {
    let a = analyse(
        PLAIN,
        &[
            "The Supplier's Platform, meaning its scoring engines, model architectures and training methods, is and remains the Supplier's sole property. The Customer shall own all work product created under this Agreement upon payment of the fees.",
        ],
    );
    assert!(!asked_or_found(&a).contains(&Concern::PreExistingIp), "{:?}", a.findings);
}

/// Deliverables "listed as such in an approved Statement of Work" or "in the Technical
/// Specification" are bounded: "All Work Product" defined so is no broad grab, and a transfer of
/// them asks for the prior-IP carve-out at low severity only.
#[test]
fn deliverables_listed_in_an_approved_statement_of_work_or_a_specification_are_bounded() {
    let a = analyse(
        PLAIN,
        &[
            "\"Work Product\" means solely the deliverables expressly listed as such in an approved Statement of Work. All Work Product shall vest in the Customer once the Customer has paid every undisputed invoice.",
        ],
    );
    assert!(!asked_or_found(&a).contains(&Concern::BroadWorkProduct), "{:?}", a.findings);
    let a = analyse(
        PLAIN,
        &["The rights in the software deliverables listed in the Technical Specification shall pass to the Customer on final acceptance."],
    );
    assert!(!asked_or_found(&a).contains(&Concern::PreExistingIp), "{:?}", a.findings);
}

/// "passes to the Client only when the Client's payment for that milestone has been released
/// from escrow" waits for payment.
#[test]
fn title_passing_when_the_milestone_payment_is_released_waits_for_payment() {
    let a = analyse(
        PLAIN,
        &[
            "Title to each Milestone Deliverable passes to the Customer only when the Customer's payment for that milestone has been released from escrow to the Supplier.",
        ],
    );
    assert!(!asked_or_found(&a).contains(&Concern::AssignmentBeforePayment), "{:?}", a.findings);
}

/// "shall not use Program Data to train any model offered to a third party, and at the end of
/// the Term shall return ... , its base models and methods being unaffected": the bar is on the
/// data; the later verb's words are not what it bars.
#[test]
fn a_second_verb_of_the_same_subject_ends_what_a_bar_names() {
    let a = analyse(
        PLAIN,
        &[
            "The Supplier shall not use Program Data to train any model offered to a third party, and at the end of the Term shall return or destroy the Program Data and any model instance tuned on it, its base models and methods being unaffected.",
        ],
    );
    let found = asked_or_found(&a);
    assert!(!found.contains(&Concern::NoResiduals) && !found.contains(&Concern::NonCompete), "{:?}", a.findings);
}

/// Work "as specified in the Statement of Work" is bounded, but not when what passes also
/// reaches back ("anything the Supplier works on as part of this project, whether before the
/// date of this Agreement or after"): the scope is broad, at medium.
#[test]
fn a_bounded_object_that_reaches_back_before_the_agreement_is_broad() {
    let clause = "Upon full payment, the Supplier assigns to the Customer the materials made for the Customer as specified in the Statement of Work, including anything the Supplier works on as part of this project, whether before the date of this Agreement or after.";
    assert_found_in(clause, &[Concern::BroadWorkProduct]);
}

/// EU drafting: "'result' means any outcome of its performance, ... including trained models";
/// "Ownership of each result ... is acquired by the Union ... at the moment the result is
/// created". The single-quoted term is defined, and acquiring it is ownership.
#[test]
fn a_single_quoted_term_acquired_by_the_client_is_read() {
    let preamble = "This framework contract is concluded between the European Union (the \"Union\") and Nordlicht Data GmbH (the \"contractor\"). The contractor shall provide the services and the Union shall pay the price.";
    let a = analyse(
        preamble,
        &[
            "In this contract, 'result' means any intended or unintended outcome of its performance, whatever its form, including software, trained models and data sets. Ownership of each result, including the intellectual property rights in it, is acquired by the Union at the moment the result is created.",
        ],
    );
    assert_found(&a, &[Concern::BroadWorkProduct]);
}

/// Words of other drafting traditions: a term that "covers" things is defined by them, and a
/// contractor that "shall refrain from providing" services to any manufacturer is barred.
#[test]
fn a_term_that_covers_things_and_a_bar_to_refrain_from_providing_are_read() {
    assert_found_in(
        "In this Article the term \"Model\" covers the scoring model trained for the Customer, its weights, the network architecture and the training pipeline the Supplier used to build it. The Model is the exclusive property of the Customer.",
        &[Concern::ModelOwnership],
    );
    assert_found_in(
        "For two years after expiry, the Supplier shall refrain from providing machine-learning services to any manufacturer or distributor of medical devices.",
        &[Concern::NonCompete],
    );
}

/// Moral rights named by what they are: "the right to object to modification of the results
/// and the right to withhold disclosure", which the creator "undertakes not to assert".
#[test]
fn moral_rights_named_by_what_they_protect_are_moral_rights() {
    let a = analyse(
        PLAIN,
        &[
            "The Supplier shall obtain from each creator of the results a written declaration by which the creator undertakes not to assert against the Customer the right to object to modification of the results and the right to withhold disclosure.",
        ],
    );
    assert!(a.findings.iter().any(|f| f.concern == Concern::MoralRightsWaiver), "{:?}", a.findings);
}

/// "Client may need Provider's help to show that Client owns the work product or to complete the
/// transfer": what is to be shown is evidence of ownership passed elsewhere, not a transfer of
/// its own, so it raises no point on payment (and the redline leaves it, and "help with that",
/// whole).
#[test]
fn help_to_show_that_the_client_owns_the_work_is_no_transfer() {
    let a = analyse(
        PLAIN,
        &[
            "In the future, the Customer may need the Supplier's help to show that the Customer owns the work product. The Supplier agrees to help with that.",
        ],
    );
    assert!(!asked_or_found(&a).contains(&Concern::AssignmentBeforePayment), "{:?}", a.findings);
}

/// A definition that takes in what the agency makes "alone or together with others" hands the
/// client its share of joint work: high, shown at those words in the definition, where the draft
/// should change, and not again at each sentence that assigns the term.
#[test]
fn joint_work_swept_in_by_a_definition_is_high_at_the_definition() {
    let a = analyse(
        SERVICES,
        &[
            "\"Work Product\" means everything the Provider makes or conceives during the Contract Period, alone or together with others, whether or not it relates to the Services.",
            "The Provider hereby assigns to the Client all present and future rights in all Work Product.",
        ],
    );
    let joint: Vec<_> = a.findings.iter().filter(|f| f.concern == Concern::JointIp).collect();
    let at_definition = |f: &&clauseguard::analysis::Finding| f.phrase.as_deref() == Some("alone or together with others");
    assert!(!joint.is_empty() && joint.iter().all(|f| f.severity == Severity::High && at_definition(f)), "{joint:#?}");
    // Made by the Provider alone, the same definition takes no joint work.
    let a = analyse(
        SERVICES,
        &[
            "\"Work Product\" means everything the Provider makes or conceives during the Contract Period for the Client.",
            "The Provider hereby assigns to the Client all present and future rights in all Work Product.",
        ],
    );
    assert!(!asked_or_found(&a).contains(&Concern::JointIp), "{:#?}", a.findings);
}

/// "Party A is the owner": the letter names the party, it is no article before a noun, so the
/// statement is read and what it takes is judged (here everything made while performing the
/// contract, the tools used included, before any payment).
#[test]
fn party_a_stating_its_ownership_is_read() {
    let preamble = "This Contract is made between Lotus Freight JSC (\"Party A\") and Red River Data LLC (\"Party B\").";
    let a = analyse(
        preamble,
        &[
            "Party B shall provide the Services and Party A shall pay the Fees.",
            "\"Results\" means all software, trained models and documents that Party B creates while performing this Contract, including the tools Party B uses to produce them.",
            "Party A is the owner of the copyright in the Results from the date the Parties sign the acceptance minutes.",
        ],
    );
    let found = asked_or_found(&a);
    for c in [Concern::BroadWorkProduct, Concern::AssignmentBeforePayment, Concern::ModelOwnership] {
        assert!(found.contains(&c), "{c} not found: {:#?}", a.findings);
    }
}

/// A promise not to supply a kind of solution, its verb cut off from its object by "directly
/// or through its affiliates", to lenders "operating in" a market, is a non-compete.
#[test]
fn a_bar_on_supplying_a_market_with_its_verb_interrupted_is_a_non_compete() {
    let a = analyse(
        SERVICES,
        &[
            "For two years after the Term, Provider undertakes not to supply, directly or through its affiliates, any document-verification or fraud-scoring solution to consumer lenders or payment providers operating in Ireland.",
        ],
    );
    assert!(asked_or_found(&a).contains(&Concern::NonCompete), "{:#?}", a.findings);
}

/// What the agency builds for the engagement alone holds none of its prior work: a free pilot
/// whose labelled set and the ontology "Vendor builds for it" vest on delivery asks for payment,
/// not for a carve-out of prior materials.
#[test]
fn what_is_built_for_the_pilot_alone_asks_for_no_prior_carve_out() {
    let a = analyse(
        "This Agreement is made between Orchard Bank plc (\"Customer\") and Tagwise Ltd (\"Vendor\"). Vendor shall provide the Services and Customer shall pay the Fees.",
        &[
            "Vendor shall label the Trial Set of 2,000 invoices free of charge. Title to the labelled Trial Set, and to the field schema Vendor designs for it, vests in Customer upon delivery.",
        ],
    );
    let found = asked_or_found(&a);
    assert!(found.contains(&Concern::AssignmentBeforePayment), "{:#?}", a.findings);
    assert!(!found.contains(&Concern::PreExistingIp), "{:#?}", a.findings);
}

/// A bar on the agency's own rubrics "when labelling data for any other customer" bars its
/// methods, not the client's data; and a bar on the client's data "nor any error pattern that
/// its staff observe while labelling" reaches what the agency learns, which a residuals clause
/// would keep.
#[test]
fn a_bar_reads_its_occasion_and_its_second_limb_apart_from_the_clients_data() {
    let a = analyse(
        SERVICES,
        &[
            "The review rubrics and decision trees that Provider contributes are Client's exclusive property, and Provider shall not use them when labelling data for any other customer.",
        ],
    );
    assert!(!asked_or_found(&a).contains(&Concern::ClientData), "{:#?}", a.findings);
    let a = analyse(
        SERVICES,
        &[
            "Provider shall not use Client Data, nor any recurring error or labelling shortcut that its staff observe while reviewing it, to improve any model or process of Provider.",
        ],
    );
    assert!(asked_or_found(&a).contains(&Concern::NoResiduals), "{:#?}", a.findings);
}

/// An architect barred from accepting commissions to design a kind of building near the site,
/// or from named developers, is barred from its ordinary work.
#[test]
fn a_bar_on_accepting_commissions_is_a_non_compete() {
    let a = analyse(
        "This Appointment is made between Riverside Homes Ltd (the \"Employer\") and Marsh Design LLP (the \"Architect\"). The Architect shall provide the Services and the Employer shall pay the Fee.",
        &["For two years after completion the Architect shall not accept any commission to design a hotel within one mile of the Site."],
    );
    assert!(asked_or_found(&a).contains(&Concern::NonCompete), "{:#?}", a.findings);
}

/// Film and design drafting: "all results and proceeds ... as and when created" is everything,
/// passing before payment; modifications of the studio's own toolkits that the client owns
/// are derivatives; a transfer "by way of assignment of present and future copyright" still
/// reaches the matrix that bounds it, so no carve-out of prior work is asked for.
#[test]
fn results_and_proceeds_toolkit_changes_and_a_bounded_assignment_in_studio_drafting() {
    let studio = "This Agreement is made between Northlight Pictures Ltd (\"Producer\") and Ember Frame Ltd (\"Studio\"). Studio shall provide the Services and Producer shall pay the Fees.";
    let a = analyse(
        studio,
        &["All results and proceeds of Studio's services shall be owned by Producer throughout the universe, as and when created."],
    );
    let found = asked_or_found(&a);
    assert!(found.contains(&Concern::BroadWorkProduct) && found.contains(&Concern::AssignmentBeforePayment), "{:#?}", a.findings);
    let a = analyse(
        studio,
        &[
            "Any modification or retraining of the Studio's crowd-simulation engine, or of its lighting toolkits, made during the Project shall be owned by Producer.",
        ],
    );
    assert!(asked_or_found(&a).contains(&Concern::Derivatives), "{:#?}", a.findings);
    let a = analyse(
        studio,
        &[
            "Upon payment of the Fees, Studio assigns to Producer, by way of assignment of present and future copyright, the copyright in the Stage 1 storyboards and the Stage 2 animatics for the Picture, being the deliverables allocated to Studio in the Delivery Matrix.",
        ],
    );
    assert!(!asked_or_found(&a).contains(&Concern::PreExistingIp), "{:#?}", a.findings);
}

/// A warranty that the agency owns what it licenses waives no author's rights.
#[test]
fn a_warranty_that_the_agency_owns_the_weights_waives_no_moral_rights() {
    let a = analyse(
        SERVICES,
        &[
            "Provider warrants that the Model is free of any third-party licence terms or attribution requirements, that Provider owns all rights in those base weights, and that Client may deploy, modify and relicense the Model on any terms Client chooses.",
        ],
    );
    assert!(!asked_or_found(&a).contains(&Concern::MoralRightsWaiver), "{:#?}", a.findings);
}

/// "Client's evaluation sets, or any rubric or prompt template that Provider designs" bars the
/// agency's own work too: for another customer, that is its know-how and its trade.
#[test]
fn a_bar_whose_second_limb_is_what_the_agency_designs_reaches_its_know_how() {
    let a = analyse(
        SERVICES,
        &[
            "Provider shall not use Client's test sets, or any grading rubric or prompt template that Provider designs while testing the Model, in any engagement for another customer.",
        ],
    );
    let found = asked_or_found(&a);
    assert!(found.contains(&Concern::NoResiduals) && found.contains(&Concern::NonCompete), "{:#?}", a.findings);
}

/// "Intellectual property rights in any other Order Material hereby vest in the Buyer from the
/// date they come into existence": rights in the work a term names pass as it is made, before
/// any payment.
#[test]
fn rights_in_a_defined_work_vesting_as_it_is_made_wait_for_no_payment() {
    let a = analyse(
        "This Agreement is made between the Department of Transport (the \"Buyer\") and Northgate Digital Pty Ltd (the \"Seller\"). The Seller shall provide the Services and the Buyer shall pay the Fees.",
        &[
            "\"Order Material\" means any material, including software and documents, that the Seller creates in providing the Services.",
            "Intellectual property rights in any other Order Material hereby vest in the Buyer from the date they come into existence.",
        ],
    );
    assert!(asked_or_found(&a).contains(&Concern::AssignmentBeforePayment), "{:#?}", a.findings);
    assert!(a.findings.iter().any(|f| f.concern == Concern::AssignmentBeforePayment && f.phrase.is_some()), "{:#?}", a.findings);
}

/// "... are works made for hire specially commissioned by Customer": what is commissioned for
/// the client alone holds none of the agency's prior work, so no carve-out of it is asked for.
#[test]
fn works_made_for_hire_specially_commissioned_ask_for_no_prior_carve_out() {
    let a = analyse(
        "This Agreement is made between Orchard Bank plc (\"Customer\") and Tagwise Ltd (\"Vendor\"). Vendor shall provide the Services and Customer shall pay the Fees.",
        &[
            "All transcriptions and bounding boxes produced by Vendor's annotators are works made for hire specially commissioned by Customer as contributions to a collective work.",
        ],
    );
    let found = asked_or_found(&a);
    assert!(found.contains(&Concern::WorkMadeForHire), "{:#?}", a.findings);
    assert!(!found.contains(&Concern::PreExistingIp), "{:#?}", a.findings);
}

/// "You must obtain any moral rights consents in writing necessary for the buyer to use the
/// order material": the consents named as a noun after "any" are obtained, not only capable of
/// being obtained, and they are a moral-rights point.
#[test]
fn moral_rights_consents_the_agency_must_obtain_are_a_moral_rights_point() {
    let a = analyse(
        "This Agreement is made between the Department of Transport (the \"Buyer\") and Northgate Digital Pty Ltd (the \"Seller\"). The Seller shall provide the Services and the Buyer shall pay the Fees.",
        &["The Seller must obtain any moral rights consents in writing that the Buyer needs to use the Order Material."],
    );
    assert!(a.findings.iter().any(|f| f.concern == Concern::MoralRightsWaiver && f.phrase.is_some()), "{:#?}", a.findings);
}

/// A marketplace's terms: the job's publisher is the client and the website only where the two
/// meet; rights in all the files the freelancer uploads "shall irrevocably transfer to Job´s
/// Publisher" of themselves (an acute accent for the apostrophe), with no payment condition.
#[test]
fn rights_in_all_uploads_that_transfer_of_themselves_to_the_publisher_are_a_taking() {
    let a = analyse(
        "DEFINITIONS\n\nPublisher – a Member who posts Jobs on the Website.\n\nFreelancer – a Member who accepts a Job and delivers it to the Publisher for a fee.\n\nThe contract between the Publisher and the Freelancer is a service contract: the Freelancer undertakes to perform the Job and the Publisher undertakes to pay the agreed fee to the Freelancer. The Website will list each Job. The Website will hold the fee. The Website may close an account.",
        &[
            "All intellectual property rights in any files uploaded by the Freelancer on the Website shall irrevocably transfer exclusively to Job´s Publisher, in all territories of the world.",
        ],
    );
    assert_eq!((a.parties.agency.as_deref(), a.parties.counterparty.as_deref()), (Some("Freelancer"), Some("Publisher")));
    let phrased: Vec<Concern> = a.findings.iter().filter(|f| f.phrase.is_some()).map(|f| f.concern).collect();
    for c in [Concern::AssignmentBeforePayment, Concern::BroadWorkProduct] {
        assert!(phrased.contains(&c), "{c}: {:#?}", a.findings);
    }
}

/// "Client shall own ... all synthetic data generated from Client Data": what the work is made
/// from does not pass, so the client's data definition is no place for a finding.
#[test]
fn a_term_the_work_is_generated_from_is_not_where_the_taking_shows() {
    let a = analyse(
        SERVICES,
        &[
            "\"Client Data\" means all data that Client provides to Provider or that Provider accesses in performing the Services.",
            "Client shall own all outputs generated by any tool used in the Services and all synthetic data generated from Client Data.",
        ],
    );
    let definition = a.clauses.iter().find(|c| c.number.as_deref() == Some("1")).expect("definition clause").index;
    assert!(a.findings.iter().all(|f| f.phrase.is_none() || f.clause != Some(definition)), "{:#?}", a.findings);
    assert!(a.findings.iter().any(|f| f.concern == Concern::BroadWorkProduct), "{:#?}", a.findings);
}

const MEXICAN: &str = "This Agreement is made between Harbour Group Limited (\"EL CLIENTE\") and Brightloop Analytics Limited (\"EL PRESTADOR\"). EL PRESTADOR shall provide the services described in the Order and EL CLIENTE shall pay the fees.";

/// Spanish drafting in translation: the parties by their roles with the article ("EL
/// PRESTADOR", "EL CLIENTE"); "shall hold the economic rights (derechos patrimoniales) in"
/// states ownership; the provider "being recognised only as author for the purposes of its
/// moral rights" keeps them, in a clause of its own.
#[test]
fn economic_rights_held_by_el_cliente_are_a_taking_and_the_authors_moral_rights_stay() {
    let a = analyse(
        MEXICAN,
        &[
            "EL CLIENTE shall hold the economic rights (derechos patrimoniales) in every program, model, process and item of know-how arising from or related to the services of EL PRESTADOR, from the moment it is created, EL PRESTADOR being recognised only as author for the purposes of its moral rights.",
        ],
    );
    assert_eq!(a.parties.agency.as_deref(), Some("EL PRESTADOR"));
    let found = asked_or_found(&a);
    for c in [Concern::BroadWorkProduct, Concern::MethodologyTransfer] {
        assert!(found.contains(&c), "{c}: {:#?}", a.findings);
    }
    assert!(!found.contains(&Concern::MoralRightsWaiver), "{:#?}", a.findings);
}

/// A term with an accent ("Solución") is a term; a "credit-scoring model" is a model, a
/// framework the provider "uses across its projects" is its own; what belongs to the client "as
/// though it had been developed by its own employees" is made for hire.
#[test]
fn a_solucion_of_models_and_frameworks_owned_as_if_made_by_employees_takes_the_providers_tools() {
    let a = analyse(
        MEXICAN,
        &[
            "\"Solución\" means the credit-scoring model trained for EL CLIENTE together with the validation framework that EL PRESTADOR uses across its projects.",
            "The Solución shall belong to EL CLIENTE as though it had been developed by EL CLIENTE's own employees.",
        ],
    );
    let found = asked_or_found(&a);
    for c in [Concern::ModelOwnership, Concern::MethodologyTransfer, Concern::WorkMadeForHire] {
        assert!(found.contains(&c), "{c}: {:#?}", a.findings);
    }
}

/// "The economic rights in the app ... are transmitted to EL CLIENTE on the date this contract
/// is signed" passes them; a notice "transmitted by facsimile" passes nothing.
#[test]
fn rights_transmitted_pass_and_a_notice_transmitted_does_not() {
    let a = analyse(
        MEXICAN,
        &["The economic rights in the app and its source code are transmitted to EL CLIENTE on the date this contract is signed."],
    );
    assert!(asked_or_found(&a).contains(&Concern::AssignmentBeforePayment), "{:#?}", a.findings);
    let a = analyse(
        MEXICAN,
        &[
            "Any notice shall be in writing and is given when delivered by hand or transmitted by facsimile to the address of the other party.",
        ],
    );
    assert!(asked_or_found(&a).is_empty(), "{:#?}", a.findings);
}

/// "You must transfer to the buyer all licences and warranties for any deliverables": the
/// benefit of others' licences and warranties passes on, not the agency's work.
#[test]
fn licences_and_warranties_passed_on_to_the_buyer_are_no_transfer_of_the_work() {
    let a = analyse(
        "This Agreement is made between the Department of Transport (the \"Buyer\") and Northgate Digital Pty Ltd (the \"Seller\"). The Seller shall provide the Services and the Buyer shall pay the Fees.",
        &[
            "The Seller must transfer to the Buyer all licences and warranties for any deliverables and any documentation the Buyer needs to use them.",
        ],
    );
    assert!(!asked_or_found(&a).contains(&Concern::AssignmentBeforePayment), "{:#?}", a.findings);
}

/// Parties named by their company names ("Jadran Data d.o.o."), one of which only provides
/// the services and the other only pays: the names keep their final stop, which ends no
/// sentence, and the pick is certain, so a non-compete on the agency is no longer lowered to
/// a guess's low severity.
#[test]
fn company_names_ending_in_abbreviations_are_the_parties_and_a_bar_on_serving_an_industry_counts() {
    let a = analyse(
        "This Agreement is made between Dalmacija Osiguranje d.d. (\"Dalmacija Osiguranje d.d.\") and Jadran Data d.o.o. (\"Jadran Data d.o.o.\"). Jadran Data d.o.o. shall provide the Services. Dalmacija Osiguranje d.d. shall pay the Fees.",
        &[
            "For three years after this Contract ends, Jadran Data d.o.o. shall not provide claims-automation or pricing services to any insurance company supervised by the Croatian Financial Services Supervisory Agency.",
        ],
    );
    assert_eq!(a.parties.agency.as_deref(), Some("Jadran Data d.o.o."), "{:#?}", a.parties);
    assert!(!a.parties.uncertain, "{:#?}", a.parties);
    assert!(
        a.findings.iter().any(|f| f.concern == Concern::NonCompete && f.severity >= clauseguard::library::Severity::Medium),
        "{:#?}",
        a.findings
    );
}

/// Bars on serving a class of the client's peers in other words than "competitor": "services
/// to the trustees of any occupational pension scheme whose principal employer carries on a
/// food retail business"; "a platform ... similar to the subject of this Contract".
#[test]
fn bars_on_serving_the_clients_peers_are_non_competes_in_any_words() {
    for clause in [
        "For twenty-four months after this Agreement, the Supplier shall not provide member-communication or data-cleansing services to the trustees of any occupational pension scheme whose principal employer carries on a food retail business in the United Kingdom.",
        "The Supplier undertakes not to supply, develop or operate for any other government entity a platform for Arabic speech recognition similar to the subject of this Contract, for five years from final handover.",
    ] {
        let a = analyse(
            "This Agreement is made between Harbourside Pension Trustees Limited (the \"Trustees\") and Ledgerline AI Limited (the \"Supplier\"). The Supplier shall provide the Services.",
            &[clause],
        );
        assert!(
            a.findings.iter().any(|f| f.concern == Concern::NonCompete && f.severity >= clauseguard::library::Severity::Medium),
            "{clause}: {:#?}",
            a.findings
        );
    }
}

/// "the models, textures and rigs of Production's characters": a studio's 3D models are no
/// machine-learning models.
#[test]
fn a_studios_character_models_are_not_machine_learning_models() {
    let a = analyse(
        "This Agreement is made between Northlight Pictures Ltd (\"Production\") and Ember Frame Studios Ltd (\"Facility\"). Facility shall provide the Services.",
        &[
            "Production owns the Deliverables, meaning the final composited shots and the models, textures and rigs of Production's characters delivered under the Bid, once it has paid the final invoice.",
        ],
    );
    assert!(!a.findings.iter().any(|f| f.concern == Concern::ModelOwnership), "{:#?}", a.findings);
}

/// A bounty platform's terms: "Any Work Product ... is a "work made for hire" for the benefit
/// of the Issuer", then "Upon Fulfiller's receipt of full payment ... will be the sole and
/// exclusive property of Issuer". The payment the next sentence waits for does not time the
/// work made for hire, which is the client's from its making; and those who fulfil tasks
/// ("Fulfiller") are the agency.
#[test]
fn a_work_made_for_hire_is_not_timed_by_payment_in_the_next_sentence() {
    let a = analyse(
        "These Terms govern the Site. Site participants may be those who post Tasks (an \u{201c}Issuer\u{201d}) and those who fulfill Tasks (a \u{201c}Fulfiller\u{201d}). Fulfiller will perform the Fulfiller Services. Issuer will pay the Fulfiller.",
        &[
            "Fulfiller will deliver any agreed results or deliverables, and any intellectual property developed in connection therewith (\u{201c}Work Product\u{201d}).",
            "Any Work Product from Tasks performed as a Fulfiller is a \"work made for hire\" for the benefit of the Issuer. Upon Fulfiller\u{2019}s receipt of full payment from Issuer, the Work Product will be the sole and exclusive property of Issuer.",
        ],
    );
    assert_eq!(a.parties.agency.as_deref(), Some("Fulfiller"), "{:#?}", a.parties);
    let found = asked_or_found(&a);
    assert!(found.contains(&Concern::AssignmentBeforePayment), "{:#?}", a.findings);
    assert!(found.contains(&Concern::BroadWorkProduct), "{:#?}", a.findings);
}

/// Grants and transfers in translated government drafting: "grants the First Party a
/// perpetual and irrevocable right, which the First Party may assign to any other government
/// entity ..., to use"; "the Trustees may transfer the licence of the Supplier's engine";
/// "All rights in the works ... shall revert to the First Party upon signing".
#[test]
fn a_right_granted_with_a_relative_clause_a_licence_its_holder_may_transfer_and_rights_that_revert() {
    let gulf = "This Contract is made between the Ministry (the \"First Party\") and Najd Data Company (the \"Second Party\"). The Second Party shall provide the Services and the First Party shall pay the Fees.";
    let a = analyse(
        gulf,
        &[
            "The Second Party grants the First Party a perpetual and irrevocable right, which the First Party may assign to any other government entity without the Second Party's consent, to use, copy and modify the Second Party's platform, including its source code.",
        ],
    );
    let found = asked_or_found(&a);
    assert!(found.contains(&Concern::TransferableLicense) && found.contains(&Concern::PerpetualIrrevocableGrant), "{:#?}", a.findings);
    let a = analyse(
        "This Agreement is made between Harbourside Pension Trustees Limited (the \"Trustees\") and Ledgerline AI Limited (the \"Supplier\"). The Supplier shall provide the Services.",
        &[
            "On termination, the Trustees may transfer the licence of the Supplier's benefit-calculation engine, or grant sub-licences of it, to any successor administrator, without the Supplier's consent.",
        ],
    );
    assert!(asked_or_found(&a).contains(&Concern::TransferableLicense), "{:#?}", a.findings);
    let a = analyse(
        gulf,
        &[
            "All rights in the programs, source codes and designs prepared by the Second Party, including the tools owned by the Second Party before the Contract, shall revert to the First Party upon signing of the handover minutes.",
        ],
    );
    assert!(asked_or_found(&a).contains(&Concern::PreExistingIp), "{:#?}", a.findings);
}

/// Works made for hire in civil-law words: "a commissioned work (obra por encomenda) whose
/// patrimonial rights belong originally to the CONTRATANTE, as if they had been created by its
/// own workers"; "regarded as author's works created in employment ..., as if the Naručilac
/// were their employer". And the agency's tools named by what they do for the work ("the
/// rules engines ... used to produce them") are its methods.
#[test]
fn works_made_for_hire_in_civil_law_words_and_tools_used_to_produce_the_work() {
    let angola = "This Contract is made between Agência do Vale (the \"CONTRATANTE\") and Zambeze Dados, Lda. (the \"PRESTADORA\"). The PRESTADORA shall provide the Services.";
    let a = analyse(
        angola,
        &[
            "The software is a commissioned work (obra por encomenda) whose patrimonial rights belong originally to the CONTRATANTE, as if it had been created by its own workers, from the moment of its creation.",
        ],
    );
    assert!(asked_or_found(&a).contains(&Concern::WorkMadeForHire), "{:#?}", a.findings);
    let serbia = "This Contract is made between Banka Dunav a.d. (the \"Naručilac\") and Sava Analitika d.o.o. (the \"Izvršilac\"). The Izvršilac shall provide the Services.";
    let a = analyse(
        serbia,
        &[
            "The computer programs made by the Izvršilac's engineers shall be regarded as author's works created in employment, as if the Naručilac were their employer, so that the Naručilac holds all economic rights in them.",
        ],
    );
    assert!(asked_or_found(&a).contains(&Concern::WorkMadeForHire), "{:#?}", a.findings);
    let a = analyse(
        "This Agreement is made between Harbourside Pension Trustees Limited (the \"Trustees\") and Ledgerline AI Limited (the \"Supplier\"). The Supplier shall provide the Services.",
        &[
            "The Supplier hereby assigns to the Trustees all intellectual property rights in the Deliverables and in the rules engines and reconciliation routines used to produce them, as and when created.",
        ],
    );
    assert!(asked_or_found(&a).contains(&Concern::MethodologyTransfer), "{:#?}", a.findings);
}

/// Drafting in translation: a term glossed in the original language before "means" ("the
/// Works" (al-a'mal) means ...) is a definition all the same, and "on the occasion of its
/// execution" sweeps in as much as "in connection with"; a bar interrupted by its period
/// ("undertakes, for three years after expiry, not to design ...") on supplying systems similar
/// to the delivered one to businesses carrying on the same activity is a non-compete.
#[test]
fn a_glossed_definition_and_a_bar_interrupted_by_its_period() {
    let cairo = "This Contract is made between Nile Freight S.A.E. (the \"First Party\") and Delta Code LLC (the \"Second Party\"). The Second Party shall provide the Services and the First Party shall pay the Fees.";
    let a = analyse(
        cairo,
        &[
            "\"The Outputs\" (al-mukhrajat) means everything the Second Party writes under this Contract or on the occasion of its execution, including programs, algorithms and working methods.",
            "The First Party shall acquire all financial exploitation rights in the Outputs from the moment of their creation.",
        ],
    );
    let found = asked_or_found(&a);
    assert!(found.contains(&Concern::BroadWorkProduct) && found.contains(&Concern::MethodologyTransfer), "{:#?}", a.findings);
    let a = analyse(
        cairo,
        &[
            "The Second Party undertakes, during the term of this Contract and for two (2) years after its end for any reason, not to design or supply any platform similar to the Delivered Platform to any company carrying on the same activity as the First Party.",
        ],
    );
    assert!(asked_or_found(&a).contains(&Concern::NonCompete), "{:#?}", a.findings);
}

/// "The Purchaser shall have a perpetual, irrevocable licence, with the right to sub-license
/// and to assign to any person, to use the Vendor's tools": the licence the subject has comes
/// from the other side, and a right to assign it to anyone makes it transferable.
#[test]
fn a_licence_the_client_shall_have_with_a_right_to_assign_it_to_anyone() {
    let karachi = "This Agreement is made between Indus Mills Limited (the \"Purchaser\") and Clifton Software (Private) Limited (the \"Vendor\"). The Vendor shall supply the System and the Purchaser shall pay the Price.";
    let a = analyse(
        karachi,
        &[
            "The Purchaser and its successors shall have a perpetual, irrevocable and royalty-free licence, with the right to sub-license and to assign to any person, to use, modify and commercially exploit the Vendor's proprietary libraries and tools.",
        ],
    );
    let found = asked_or_found(&a);
    assert!(found.contains(&Concern::TransferableLicense), "{:#?}", a.findings);
}

/// What "remains with" the agency is kept, in the present tense as in the future ("all other
/// materials, tools and know-how remain with the Service Provider"); a title that passes "on
/// settlement of the related invoice" waits for payment; and a bar on employing "the same"
/// for any other client bars what the sentence named before (the knowledge and expertise its
/// people acquired).
#[test]
fn what_remains_with_the_agency_title_on_settlement_and_a_bar_on_the_same() {
    let lagos = "This Agreement is made between Lagoon Bank Plc (the \"Bank\") and Yaba Systems Limited (the \"Service Provider\"). The Service Provider shall provide the Services.";
    let a = analyse(
        lagos,
        &[
            "Payment for hours worked gives the Bank title only to Deliverables named in an approved Work Order, and title to each passes on settlement of the related invoice; all other materials, tools and know-how remain with the Service Provider.",
        ],
    );
    let high: Vec<_> = a.findings.iter().filter(|f| f.severity >= Severity::Medium).map(|f| f.concern).collect();
    for c in [Concern::MethodologyTransfer, Concern::AssignmentBeforePayment, Concern::PreExistingIp] {
        assert!(!high.contains(&c), "{c} flagged: {:#?}", a.findings);
    }
    let a = analyse(
        lagos,
        &[
            "The Service Provider acknowledges that all knowledge, experience and expertise acquired by its staff in the course of the Services derive from the Bank's Confidential Information, and the Service Provider shall not, during the Term or at any time after it, employ the same for the benefit of any other client.",
        ],
    );
    assert!(asked_or_found(&a).contains(&Concern::NoResiduals), "{:#?}", a.findings);
}

/// A template that leaves a party's name to fill in (`(“[ENTITY]”)`) and calls the agency
/// "Party A" ("[DAO NAME] hereby engages Party A to provide ..."; "each a “Party”"): the
/// agency is Party A, not "Party", which names either side, and a blank is no party.
#[test]
fn party_a_engaged_by_a_party_left_blank() {
    let preamble = "This Grant Agreement is entered into by and between __________ (\u{201c}Party A\u{201d}) and [DAO LEGAL WRAPPER], a [ENTITY TYPE] (the \u{201c}[ENTITY]\u{201d}) (Party A and [DAO NAME] are each a \u{201c}Party\u{201d} and both, the \u{201c}Parties\u{201d}). [DAO NAME] hereby engages Party A to provide the services set out below (the \u{201c}Services\u{201d}).";
    let a = analyse(
        preamble,
        &[
            "Party A shall provide the Services with due care. Party A shall keep its records. Party A may use subcontractors with consent.",
            "Each Party shall keep the other Party's information confidential. Each Party shall comply with law. Each Party may terminate on notice.",
        ],
    );
    assert_eq!(a.parties.agency.as_deref(), Some("Party A"), "{:#?}", a.parties);
    assert!(a.parties.counterparty.as_deref() != Some("Party"), "{:#?}", a.parties);
    assert!(!a.parties.candidates.iter().any(|c| c.contains('[')), "{:#?}", a.parties);
    // A term in accented letters is a party's term all the same, without its quotes.
    let a = analyse(
        "This Contract is made between Agência do Vale (the \"Entidade Contratante\") and Zambeze Dados, Lda. (the \"Adjudicatário\").",
        &["The Adjudicatário shall provide the Services and the Entidade Contratante shall pay the Price."],
    );
    assert!(a.parties.candidates.iter().any(|c| c == "Adjudicatário"), "{:#?}", a.parties);
}

/// Andean public procurement in translation: the statutory presumption that "the economic rights
/// in the works commissioned under this contract are presumed to be transferred" is the
/// client's ownership of commissioned work, a work made for hire in other words; and "undertakes
/// not to provide development services for customs systems to any other public entity" bars the
/// agency's trade.
#[test]
fn a_presumed_transfer_of_commissioned_works_and_a_bar_on_serving_other_public_bodies() {
    let lima = "This Contract is made between the Superintendencia Nacional (\"LA ENTIDAD\") and Andes Software S.A.C. (\"EL CONTRATISTA\"). EL CONTRATISTA shall provide the Services and LA ENTIDAD shall pay the Price.";
    let a = analyse(
        lima,
        &[
            "Under the applicable copyright law, the economic rights in the programs commissioned under this contract are presumed to be transferred to LA ENTIDAD.",
        ],
    );
    assert!(asked_or_found(&a).contains(&Concern::WorkMadeForHire), "{:#?}", a.findings);
    let a = analyse(
        lima,
        &[
            "For two (2) years after the end of the contract EL CONTRATISTA undertakes not to provide development services for customs systems to any other public entity in the country.",
        ],
    );
    assert!(asked_or_found(&a).contains(&Concern::NonCompete), "{:#?}", a.findings);
}

/// "Where any invention or improvement is conceived jointly by personnel of both parties, the
/// Company shall be its sole owner": the owner of what the sentence named, made jointly (a
/// joint development taken by the client); and tooling "produced, improved or applied" by the
/// agency takes in its improvements.
#[test]
fn the_sole_owner_of_a_joint_invention_and_tooling_produced_or_improved() {
    let york = "This Agreement is made between Dales Veterinary Group Limited (the \"Company\") and Ouse Analytics Limited (the \"Developer\"). The Developer shall provide the Services and the Company shall pay the Fees.";
    let a = analyse(
        york,
        &[
            "Where any invention or improvement is conceived jointly by personnel of the Developer and of the Company, the Company shall be its sole owner and the Developer shall assign its share to the Company for no additional consideration.",
        ],
    );
    let found = asked_or_found(&a);
    assert!(found.contains(&Concern::JointIp) && found.contains(&Concern::Derivatives), "{:#?}", a.findings);
    let a = analyse(
        york,
        &[
            "All herd-analytics tooling produced, improved or applied by the Developer during the engagement is hereby assigned to the Company.",
        ],
    );
    assert!(asked_or_found(&a).contains(&Concern::Derivatives), "{:#?}", a.findings);
}

const PARTIES_A_B: &str = "This Agreement is made between Harbour Group Limited (\"Party A\") and Brightloop Analytics Limited (\"Party B\"). Party B shall provide the Services and Party A shall pay the Fees.";
const CUSTOMER_CONTRACTOR: &str = "This Agreement is made between Harbour Group Limited (the \"Customer\") and Brightloop Analytics Limited (the \"Contractor\"). The Contractor shall provide the Works and the Customer shall pay the remuneration.";

/// "Party A shall be the author of the Commissioned Work" (Taiwan's Copyright Act, art. 12):
/// the client is made author of what the definition sweeps in, as a work made for hire is.
#[test]
fn the_client_made_author_of_the_commissioned_work() {
    let a = analyse(
        PARTIES_A_B,
        &[
            "\"the Commissioned Work\" means all results, whether completed or not, produced by Party B in performing this Contract, including software, models and the working methods applied therein.",
            "Pursuant to Article 12 of the Copyright Act, Party A shall be the author of the Commissioned Work and shall enjoy its economic rights from the time each part is completed.",
        ],
    );
    assert_found(&a, &[Concern::WorkMadeForHire, Concern::BroadWorkProduct, Concern::MethodologyTransfer]);
}

/// "The exclusive right to the Result of Work shall pass to the Customer": the right (as Civil
/// Code drafting names copyright) passes, and "right to the" is no capacity ("right to assign").
/// Alienated "not before the remuneration ... has been paid in full", with a licence of the
/// agency's libraries "without the right to grant sublicences" for "the entire term of the
/// exclusive right": paid for, personal, and not exclusive.
#[test]
fn the_exclusive_right_passes_and_its_term_is_no_exclusive_licence() {
    let a = analyse(
        CUSTOMER_CONTRACTOR,
        &["The exclusive right to the Result of Work shall pass to the Customer in full from the moment of its creation."],
    );
    assert_found(&a, &[Concern::AssignmentBeforePayment]);
    let a = analyse(
        CUSTOMER_CONTRACTOR,
        &[
            "The alienation of the exclusive right to the Software shall take place on the date both Parties sign the final act, but not before the remuneration has been paid in full. The Contractor retains the exclusive right to the libraries it created before the Contract and grants the Customer a simple (non-exclusive) licence to use them as part of the Software, without the right to grant sublicences, for the entire term of the exclusive right.",
        ],
    );
    let found = medium_or_high(&a);
    for c in [Concern::AssignmentBeforePayment, Concern::TransferableLicense, Concern::MethodologyTransfer] {
        assert!(!found.contains(&c), "{c}: {:#?}", a.findings);
    }
}

/// "grants the Customer an exclusive licence to use its platform": the grantor's own platform,
/// licensed for good ("for the entire term of validity of the exclusive right").
#[test]
fn a_licence_of_the_grantors_own_platform_for_the_term_of_the_right() {
    let a = analyse(
        CUSTOMER_CONTRACTOR,
        &[
            "The Contractor grants the Customer an exclusive licence to use its platform \"Vektor\", with the right to grant sublicences to third persons, for the entire term of validity of the exclusive right.",
        ],
    );
    assert_found(&a, &[Concern::PreExistingIp, Concern::PerpetualIrrevocableGrant, Concern::TransferableLicense]);
}

/// "shall ensure that the authors ... give the Customer their consent ..., and undertake not
/// to exercise the right to the inviolability of the work": the waiver binds the sentence's
/// subject, not the Customer named just before it.
#[test]
fn a_waiver_joined_to_a_consent_binds_the_sentences_subject() {
    let a = analyse(
        CUSTOMER_CONTRACTOR,
        &[
            "The Contractor shall ensure that the authors of the Software give the Customer their consent to the making of changes to the Software, and to its publication without indication of the authors' names, and undertake not to exercise the right to the inviolability of the work in relation to the Customer.",
        ],
    );
    assert_found(&a, &[Concern::MoralRightsWaiver]);
}

/// "Payment of the remuneration is not a condition for the transfer": no payment condition.
/// And "Party B shall pay punitive damages" is no sign that Party B is the paying client.
#[test]
fn payment_denied_as_a_condition_and_a_penalty_is_no_payment() {
    let a = analyse(
        CUSTOMER_CONTRACTOR,
        &[
            "Ownership of the source code shall pass to the Customer at the moment it is written; payment of the remuneration is not a condition for the transfer of rights.",
        ],
    );
    assert_found(&a, &[Concern::AssignmentBeforePayment]);
    let a = analyse(
        PARTIES_A_B,
        &[
            "Party B shall not, directly or indirectly, accept commissions from any enterprise engaged in the same or a similar business as Party A. For each violation Party B shall pay punitive damages equal to three times the contract price.",
        ],
    );
    assert_found(&a, &[Concern::NonCompete]);
}

const CONSULTANT_MINISTRY: &str = "This Contract is made between the Ministry of Health (the \"Ministry\") and Brightloop Analytics Limited (the \"Consultant\"). The Consultant shall provide the Services and the Ministry shall pay the Fees.";

/// The right "deemed alienated to the Customer ... irrespective of whether the remuneration has
/// been paid" passes before payment; a work "treated ... as if it had been made by an officer of
/// the Crown" is the client's as a work made for hire is.
#[test]
fn rights_alienated_and_works_made_as_if_by_an_officer_of_the_crown() {
    let a = analyse(
        CUSTOMER_CONTRACTOR,
        &[
            "The exclusive right to the result of each stage shall be deemed alienated to the Customer from the moment that result is transferred under the act of acceptance, irrespective of whether the remuneration for the stage has been paid.",
        ],
    );
    assert!(asked_or_found(&a).contains(&Concern::AssignmentBeforePayment), "{:#?}", a.findings);
    let a = analyse(
        CONSULTANT_MINISTRY,
        &[
            "The Consultant agrees that every work made by it under this Agreement shall be treated for all purposes of the Copyright Act as if it had been made by an officer of the Crown in the course of his duties.",
        ],
    );
    assert_found(&a, &[Concern::WorkMadeForHire]);
}

/// Bars in government words: "shall not, either during ... or at any time after its
/// determination, make use of any ... knowledge, skill or experience acquired ... for the benefit
/// of any person other than the Company"; "shall not provide goods, works or services of any
/// kind to any other ministry"; "shall not, for a period of five years, develop ... any ...
/// product for any gaming facility".
#[test]
fn bars_on_using_know_how_and_on_serving_other_ministries_or_facilities() {
    let a = analyse(
        CONSULTANT_MINISTRY,
        &[
            "The Consultant shall not, either during the continuance of this Agreement or at any time after its determination, make use of any information, knowledge, skill or experience acquired by it in the course of the Services for the benefit of any person, firm or company other than the Ministry.",
        ],
    );
    assert_found(&a, &[Concern::NoResiduals, Concern::NonCompete]);
    for bar in [
        "For two years after the Project the Consultant shall not provide goods, works or services of any kind to any other ministry, agency or private entity in the field of health information systems.",
        "The Consultant shall not, for a period of five years, develop, license or support any player-tracking or loyalty analytics product for any gaming facility located within 250 miles of the reservation.",
    ] {
        assert_found(&analyse(CONSULTANT_MINISTRY, &[bar]), &[Concern::NonCompete]);
    }
}

/// What was "developed, used or acquired by the Consultant for the Project" sweeps in what the
/// agency brought; software "released ... under the GNU General Public License" is released
/// openly; waiving "any right to object to the alteration" of the work waives a moral right.
#[test]
fn used_or_acquired_for_the_project_the_gpl_and_a_right_to_object_to_the_alteration() {
    let a = analyse(
        CONSULTANT_MINISTRY,
        &[
            "All intellectual property rights in all software, tools and methodologies developed, used or acquired by the Consultant for the Project shall be the property of the Ministry.",
        ],
    );
    assert_found(&a, &[Concern::BroadWorkProduct]);
    let a = analyse(
        CONSULTANT_MINISTRY,
        &[
            "All software developed under the Project shall be released by the Consultant under the GNU General Public License, version 3, together with any of the Consultant's own libraries linked with it.",
        ],
    );
    assert_found(&a, &[Concern::OpenSource]);
    let a = analyse(
        CONSULTANT_MINISTRY,
        &[
            "All reports shall be published in the name of the Ministry, and the Consultant waives any right to object to the alteration, adaptation or translation of them.",
        ],
    );
    assert_found(&a, &[Concern::MoralRightsWaiver]);
}

const PURCHASER: &str = "This Agreement is between the Ministry of Trade (the \"Purchaser\") and Brightloop Analytics Limited (the \"Service Provider\"). The Service Provider shall provide the Services and the Purchaser shall pay the Fees.";

/// A public-body form's licence, defined once by its terms and granted by name elsewhere.
const LICENCE_DEFINED: &str = "Licence means a non-exclusive, world-wide, everlasting, irrevocable, royalty free licence to the Purchaser to exercise all rights in relation to the Intellectual Property it applies to as if the licensee were the owner, including the right to sub-license.";

/// "The Service Provider grants, and the Purchaser accepts, a License over: ... the Background
/// Intellectual Property", the Licence defined as "everlasting, irrevocable ..., including the
/// right to sub-license" (and spelt "Licence" there): the licence is what its definition says.
#[test]
fn a_licence_granted_by_its_defined_name_has_the_definitions_attributes() {
    let a = analyse(
        PURCHASER,
        &[
            LICENCE_DEFINED,
            "Background Intellectual Property means the Intellectual Property of a party created before the date of this Agreement.",
            "The Service Provider grants, and the Purchaser accepts, a License over:\n(a) the Background Intellectual Property; and\n(b) any Intellectual Property of a third party needed to use the Services.",
        ],
    );
    assert_found(&a, &[Concern::TransferableLicense, Concern::PerpetualIrrevocableGrant]);
}

/// "... and the methodology of data preparation shall together constitute a single result of
/// intellectual activity, the exclusive right to which belongs to the Customer": "right to
/// which" is no capacity, and what the sentence listed first is what the Customer owns.
#[test]
fn the_exclusive_right_to_which_belongs_to_the_customer() {
    let a = analyse(
        CUSTOMER_CONTRACTOR,
        &[
            "The trained neural network model, its architecture, hyperparameters and training scripts, and the methodology of data preparation shall together constitute a single result of intellectual activity, the exclusive right to which belongs to the Customer.",
        ],
    );
    assert_found(&a, &[Concern::ModelOwnership, Concern::MethodologyTransfer]);
}

/// "an exclusive licence to use its platform by all methods provided for in Article 1270 of the
/// Civil Code": the methods are ways of using the platform, not the agency's ways of working.
#[test]
fn ways_of_use_are_no_methods() {
    let a = analyse(
        CUSTOMER_CONTRACTOR,
        &[
            "The Contractor grants the Customer an exclusive licence to use its platform \"Vektor\" by all methods provided for in Article 1270 of the Civil Code, in the territory of the whole world.",
        ],
    );
    assert!(!medium_or_high(&a).contains(&Concern::MethodologyTransfer), "{:#?}", a.findings);
    assert_found(&a, &[Concern::PreExistingIp]);
}

/// "Licence means a ... everlasting, irrevocable ... licence ..., including the right to
/// sub-license", granted by name over "the Project Intellectual Property not owned by the
/// Purchaser; the Background Intellectual Property": the licence's terms are shown where it is
/// defined, and the Background IP named outright is licensed, whatever the Project IP's
/// definition leaves out.
#[test]
fn a_licence_defined_by_its_terms_is_shown_at_its_definition_and_reaches_the_background_named() {
    let a = analyse(
        PURCHASER,
        &[
            LICENCE_DEFINED,
            "Background Intellectual Property means the Intellectual Property of a party created before the date of this Agreement.",
            "Project Intellectual Property means all Intellectual Property (excluding Background Intellectual Property) developed or created in the course of providing the Services.",
            "The Service Provider grants, and the Purchaser accepts, a License over: the Project Intellectual Property not owned by the Purchaser; the Background Intellectual Property; and any Intellectual Property of a third party needed to use the Services.",
        ],
    );
    assert_found(&a, &[Concern::TransferableLicense, Concern::PerpetualIrrevocableGrant, Concern::PreExistingIp]);
    for (concern, words) in
        [(Concern::TransferableLicense, "sub-license"), (Concern::PerpetualIrrevocableGrant, "irrevocable, royalty free licence")]
    {
        let f = a.findings.iter().find(|f| f.concern == concern).expect("found");
        assert!(f.phrase.as_deref().is_some_and(|p| p.contains(words)), "{concern:?} is shown where the licence is defined: {f:#?}");
    }
}

fn analyse_markdown(text: &str) -> Analysis {
    let library = ClauseLibrary::embedded();
    let doc = clauseguard::ingest::from_text("draft.md", clauseguard::ingest::Format::Markdown, text);
    Analyzer::new(&library).analyze(&doc, &Options::default())
}

/// A list a lead-in introduces ends where a paragraph of its own follows it: "Reusable
/// components not specific to Client" does not negate the licence in the next paragraph, and
/// a bar on doing business with the client's customers is a bar on competing, shown at its
/// item, not at the staff non-solicit before it.
#[test]
fn a_list_ends_at_the_paragraph_after_it_and_a_bar_on_serving_the_clients_customers_competes() {
    let a = analyse_markdown(
        "# Master Services Agreement\n\nThis Agreement is between Northwind Retail Ltd (\"Client\") and Blue Harbour Studio Ltd (\"Agency\").\n\n## 5. Intellectual Property\n\n### 5.2 Agency Retains Tools\nAgency retains ownership of:\n- Pre-existing tools, frameworks, and methodologies\n- Reusable components not specific to Client\n- General knowledge and skills\n\nAgency grants Client a perpetual license to use any Agency tools incorporated in deliverables.\n\n### 7.2 Non-Solicitation\nDuring the term and for 12 months thereafter, Agency agrees not to:\n- Solicit or hire any of Client's employees or contractors\n- Solicit or do business with Client's customers or partners\n",
    );
    assert_found(&a, &[Concern::TransferableLicense, Concern::NonCompete]);
    let bar = a.findings.iter().find(|f| f.concern == Concern::NonCompete).expect("found");
    let shown = bar.phrase.as_deref().unwrap_or("");
    assert!(shown.contains("do business with") && !shown.contains("employees"), "{bar:#?}");
}

const AUTHORITY: &str = "This Contract is between the Ministry of Digital Economy (the \"Contracting Authority\") and Brightloop Analytics SARL (the \"Service Provider\"). The Service Provider shall perform the Services and the Contracting Authority shall pay the price.";

/// Civil-law drafting in translation: rights "vested in" the client from creation; a noun of
/// transfer that "takes effect" on acceptance, payment said to have "no effect on that
/// transfer" past a relative clause; "refrains from providing similar services"; "may
/// transfer the right of use"; results "obtained jointly" that belong to the client.
#[test]
fn civil_law_transfers_vestings_and_bars_in_translation_are_read() {
    let a = analyse(
        AUTHORITY,
        &[
            "The economic rights in all software and results produced by the Service Provider in the course of this Contract are vested in the Contracting Authority from their creation.",
        ],
    );
    assert_found(&a, &[Concern::BroadWorkProduct, Concern::AssignmentBeforePayment]);
    let a = analyse(
        AUTHORITY,
        &[
            "The transfer to the Contracting Authority of the economic rights in the deliverables takes effect upon signature of the acceptance report. Payment of the balance, which is made within sixty days thereafter, has no effect on that transfer.",
        ],
    );
    assert_found(&a, &[Concern::AssignmentBeforePayment]);
    let a = analyse(
        AUTHORITY,
        &[
            "For three years after the Contract ends, the Service Provider refrains from providing similar services to any other operator in the payments sector.",
        ],
    );
    assert_found(&a, &[Concern::NonCompete]);
    let a = analyse(
        AUTHORITY,
        &[
            "The Contracting Authority may transfer the right of use of the Service Provider's libraries to any public body to which the service is delegated.",
        ],
    );
    assert_found(&a, &[Concern::TransferableLicense]);
    let a = analyse(
        AUTHORITY,
        &[
            "Results obtained jointly by the agents of the Contracting Authority and of the Service Provider belong exclusively to the Contracting Authority.",
        ],
    );
    assert_found(&a, &[Concern::JointIp]);
}

/// "passes to Buyer when Buyer has settled every invoice for the milestone" waits for payment;
/// "the Bank is the first owner of copyright" in works made on commission is authorship by the
/// client; "developed or refined by Provider while engaged by the Sponsor" is broad and takes
/// improvements; "may use, copy, modify and sublicense the Vendor Tools" is sublicensable, but
/// "any other product that Licensee may use, sublicense or distribute" grants nothing.
#[test]
fn payment_by_settled_invoices_first_ownership_refinements_and_a_list_of_licence_verbs_are_read() {
    let a = analyse(
        SERVICES,
        &[
            "Title to each Deliverable listed in the plan passes to Client when Client has settled every invoice for the milestone in which it was delivered.",
        ],
    );
    assert!(!medium_or_high(&a).contains(&Concern::AssignmentBeforePayment), "{:#?}", a.findings);
    let a = analyse(
        SERVICES,
        &[
            "The parties agree that Provider produces the Deliverables as works made on a commission for Client and that Client is the first owner of copyright in them.",
        ],
    );
    assert_found(&a, &[Concern::WorkMadeForHire]);
    let a = analyse(
        SERVICES,
        &[
            "All playbooks, pricing algorithms and analytical frameworks developed or refined by Provider while engaged by Client shall be the sole property of Client.",
        ],
    );
    assert_found(&a, &[Concern::BroadWorkProduct, Concern::Derivatives, Concern::MethodologyTransfer]);
    let a = analyse(
        SERVICES,
        &["Client and its affiliates may use, copy, modify and sublicense the Provider Tools to any of their customers."],
    );
    assert_found(&a, &[Concern::TransferableLicense]);
    let a = analyse(
        SERVICES,
        &["Client shall not use the Provider Tools as part of any other product that Client may use, sublicense or distribute."],
    );
    assert!(!medium_or_high(&a).contains(&Concern::TransferableLicense), "{:#?}", a.findings);
}

/// "The architecture, training code ... remain Vendor's": the agency keeps its methods, so the
/// client owning the weights trained on its data takes nothing else; "shall not claim, any
/// right to retain or use knowledge, experience or techniques derived from the separation"
/// bars the agency's know-how gained on the engagement.
#[test]
fn methods_that_remain_the_agencys_and_a_bar_on_claiming_know_how_are_read() {
    let a = analyse(
        SERVICES,
        &[
            "Where Provider trains a model for Client, Client owns the model weights trained on Client data. The architecture, training code, hyperparameter settings and evaluation suites remain Provider's and are licensed to Client on a non-exclusive basis solely to run that model.",
        ],
    );
    assert!(!medium_or_high(&a).contains(&Concern::ModelOwnership), "{:#?}", a.findings);
    let a = analyse(
        SERVICES,
        &[
            "Client does not grant, and Provider shall not claim, any right to retain or use knowledge, experience or techniques derived from the integration of Client's systems.",
        ],
    );
    assert_found(&a, &[Concern::NoResiduals]);
}

/// "shall ensure that no knowledge, methods or insights acquired through the supervisory work
/// are used ... in work for any regulated entity": a bar on the agency's know-how from the
/// engagement, written as a duty to see that it is not used.
#[test]
fn a_duty_to_ensure_know_how_is_not_used_is_a_bar() {
    let a = analyse(
        SERVICES,
        &[
            "Provider shall ensure that no knowledge, methods or insights acquired through the analytics work are used by Provider or its personnel, during or after the Term, in work for any other retailer.",
        ],
    );
    assert_found(&a, &[Concern::NoResiduals]);
}

/// "The licence granted under clause 9.2 to the Provider Tools shall be irrevocable, shall be
/// transferable ...": a licence described after the fact, its grantor not named, is the agency's
/// when it is over the agency's own tools; "Provider Tools", undefined, names things, not the
/// Provider.
#[test]
fn a_licence_described_after_its_grant_is_read_with_its_attributes() {
    let a = analyse(
        SERVICES,
        &[
            "Provider may use its pre-existing migration toolkit in the Services.",
            "The licence granted under clause 1 to the Provider Tools shall be irrevocable, shall be transferable by Client to any purchaser of its business, and may be sublicensed to Client's outsourced service providers without Provider's consent.",
        ],
    );
    assert_found(&a, &[Concern::TransferableLicense]);
    let a = analyse(
        SERVICES,
        &["The licence granted under clause 1 to the Provider Tools shall be non-transferable and shall end with this Agreement."],
    );
    assert!(!medium_or_high(&a).contains(&Concern::TransferableLicense), "{:#?}", a.findings);
}

/// "The assignment under Article 14 extends to the components ... previously developed by the
/// Service Provider ..., which the Contracting Authority may exploit": an assignment described
/// after the fact; its maker is not its receiver, and what was developed before is prior work.
#[test]
fn an_assignment_described_as_extending_to_prior_components_takes_prior_work() {
    let a = analyse(
        SERVICES,
        &[
            "Provider assigns to Client the copyright in the Deliverables.",
            "The assignment under clause 1 extends to the components, routines and tools previously developed by Provider and integrated into the Deliverables, which Client may exploit, modify and assign freely.",
        ],
    );
    assert_found(&a, &[Concern::PreExistingIp, Concern::MethodologyTransfer]);
    let prior: Vec<_> = a.findings.iter().filter(|f| f.concern == Concern::PreExistingIp && f.kind == FindingKind::Phrase).collect();
    assert!(prior.iter().any(|f| f.phrase.as_deref().is_some_and(|p| p.contains("previously developed"))), "{prior:#?}");
}

/// Bars on competing written as "a business similar to", services "to the ... mission of any
/// other State", and "refrains from carrying out ... services of the same nature".
#[test]
fn bars_on_similar_business_and_on_serving_any_other_body_are_non_competes() {
    for clause in [
        "Provider agrees that for two years following termination it shall not carry on or engage in a business similar to Client's machine-learning services within the Parishes of Orleans and Jefferson.",
        "Provider undertakes that, for three years after termination, it shall not provide translation or language-model services to the diplomatic or consular mission of any other State.",
        "For two years from final acceptance, Provider refrains from carrying out, for the benefit of any other public administration, services of the same nature.",
    ] {
        assert_found(&analyse(SERVICES, &[clause]), &[Concern::NonCompete]);
    }
}

/// "shall not retain ... any knowledge, technique or insight acquired in the performance of the
/// Services" bars the agency's know-how; "any model or technique ... refined using Client Data"
/// is the agency's, learnt from the client's data, not the client's thing.
#[test]
fn a_bar_on_keeping_know_how_and_on_models_refined_on_client_data_are_read() {
    let a = analyse(
        SERVICES,
        &[
            "Provider shall not retain, and shall procure that its Personnel do not retain in any form, any knowledge, technique or insight acquired in the performance of the Services.",
        ],
    );
    assert_found(&a, &[Concern::NoResiduals]);
    let a = analyse(
        SERVICES,
        &[
            "Data supplied by Client (\"Client Data\") shall be used by Provider solely for the Services.",
            "Provider shall not use any model, weight, embedding or technique that was at any time exposed to or refined using Client Data in the provision of services to any other person.",
        ],
    );
    assert_found(&a, &[Concern::ClientData, Concern::NonCompete]);
    let a = analyse(SERVICES, &["Provider shall not retain any copy of the Client Data after the Term."]);
    assert!(!medium_or_high(&a).contains(&Concern::NoResiduals), "{:#?}", a.findings);
}

/// Joint work in other words ("made by Provider alone or jointly with staff of Client", "results
/// obtained in common"), a right "conceded" with its attributes, and a licence described as
/// extending to others and sub-licensable.
#[test]
fn joint_results_conceded_rights_and_a_licence_extended_to_others_are_read() {
    for (clause, concern) in [
        (
            "Any invention or improvement arising from the Services, whether made by Provider alone or jointly with staff of Client, shall vest in Client.",
            Concern::JointIp,
        ),
        ("The results obtained in common by the agents of Client and those of Provider belong exclusively to Client.", Concern::JointIp),
        (
            "For the software components of Provider integrated in the Deliverables, Provider concedes to Client an irrevocable and perpetual right, transferable to any public body that succeeds it, for all uses.",
            Concern::TransferableLicense,
        ),
        (
            "The licence granted to Client in respect of the Provider Tools extends to every affiliate of Client and may be sub-licensed by Client to contractors engaged by it.",
            Concern::TransferableLicense,
        ),
    ] {
        assert_found(&analyse(SERVICES, &[clause]), &[concern]);
    }
}

/// "and the Client shall own them": the pronoun takes in the defined term the sentence named
/// before it; "shall be owned in full by" is ownership.
#[test]
fn ownership_of_them_and_ownership_in_full_are_read_for_what_they_take() {
    let a = analyse(
        SERVICES,
        &[
            "\"Returned Results\" means all algorithms, models, code and methods generated by Provider using the Client Data, including any general-purpose method first applied to it.",
            "Provider shall deposit all Returned Results with Client within six months of their generation, and Client shall own them.",
        ],
    );
    assert_found(&a, &[Concern::MethodologyTransfer, Concern::ModelOwnership]);
    let a = analyse(
        SERVICES,
        &[
            "The trained model, comprising its weights, source code, model architecture and training procedure, shall be owned in full by Client upon delivery.",
        ],
    );
    assert_found(&a, &[Concern::ModelOwnership, Concern::MethodologyTransfer]);
}

/// A freelancer's template that names no one ("[client name] is contracting me, [my name]")
/// and speaks as "I" to "you": "I" is the agency. The payment named in a leading condition
/// ("When I receive your final payment, the copyright of the work I have produced ... is
/// assigned to you") makes the work no less the agency's, so the prior-work carve-out is
/// asked for. And "will not provide substantially similar services to the firms listed" bars
/// competing.
#[test]
fn a_freelancer_speaking_as_i_assigns_its_work_on_payment_and_a_bar_on_substantially_similar_services_is_read() {
    let a = analyse(
        "In short, [client name] is contracting me, [my name], to build a website. I will send you my invoice each month and you will pay me within 14 days. I may ask you for content. You agree to give me access to your hosting account. I will keep you informed and you will approve my designs.",
        &["When I receive your final payment, the copyright of the work I have produced for that project is assigned to you as follows:"],
    );
    assert_eq!(a.parties.agency.as_deref(), Some("I"), "{:?}", a.parties);
    assert!(missing(&a).contains(&Concern::PreExistingIp), "{:?}", a.findings);
    let a = analyse(
        SERVICES,
        &[
            "If agreed in a statement of work, Provider will not provide substantially similar services to the firms listed in that statement of work during the period stated there.",
        ],
    );
    assert!(a.findings.iter().any(|f| f.concern == Concern::NonCompete && f.kind == FindingKind::Phrase), "{:?}", a.findings);
}

/// "Such information shall be safeguarded and not disclosed to third parties": a promise of
/// confidence in the passive, whose sentence before names the information as confidential, is
/// where the missing residuals clause bites, not the transfer.
#[test]
fn a_passive_promise_of_confidence_is_where_the_missing_residuals_clause_bites() {
    let a = analyse(
        SERVICES,
        &[
            "All reports and documents prepared by Provider in performing the Services shall become and remain the property of Client.",
            "Client and Provider may disclose confidential information one to the other. Such information shall be identified in writing at the time of its transmittal, and shall be safeguarded and not disclosed to third parties by the receiving party.",
        ],
    );
    let residuals =
        a.findings.iter().find(|f| f.kind == FindingKind::Missing && f.concern == Concern::NoResiduals).expect("residuals asked");
    let clause = residuals.clause.map(|c| &a.clauses[c]);
    assert_eq!(clause.and_then(|c| c.number.as_deref()), Some("2"), "{:?}", a.findings);
}

/// "Vendor and Client expressly agree that, other than the Background Technology, the work
/// performed by Vendor hereunder shall be work made for hire": an exception right after a
/// lead-in sets the agency's prior work aside, so nothing says that work passes. And
/// "improvements to existing Client products" improve the client's own things, not the
/// agency's; improvements to the agency's tools still count.
#[test]
fn an_exception_after_a_lead_in_and_improvements_to_the_clients_products_take_nothing_of_the_agencys() {
    let draft = |improved: &str| {
        analyse(
            SERVICES,
            &[
                "\"Background Technology\" means the tools and programs that Provider owned or developed before this Agreement.",
                &format!(
                    "Provider and Client expressly agree that, other than the Background Technology, the work performed by Provider hereunder shall be work made for hire, and that Client shall be the exclusive owner of all ideas and works of authorship (including improvements to {improved}) conceived by Provider in the course of its engagement hereunder."
                ),
            ],
        )
    };
    let a = draft("existing Client products");
    assert!(!phrase_findings(&a, Concern::WorkMadeForHire).is_empty(), "{:#?}", a.findings);
    assert!(phrase_findings(&a, Concern::PreExistingIp).is_empty(), "{:#?}", a.findings);
    assert!(phrase_findings(&a, Concern::Derivatives).is_empty(), "{:#?}", a.findings);
    let a = draft("Provider's tools");
    assert!(!phrase_findings(&a, Concern::Derivatives).is_empty(), "{:#?}", a.findings);
}

/// A bar on serving anyone else is a bar on competing, whatever words name the market:
/// "undertakes not to render services of AI development ... to any company of the retail
/// sector", "must not ... act for any employer". Not a bar on acting against the client in
/// proceedings.
#[test]
fn a_bar_on_serving_anyone_else_is_a_bar_on_competing() {
    let non_compete = |clause: &str| phrase_findings(&analyse(SERVICES, &[clause]), Concern::NonCompete);
    for bar in [
        "For twenty-four (24) months following its termination for any cause, Provider undertakes not to render services of development of artificial intelligence solutions, directly or through interposed persons, to any company of the retail sector operating in Chile.",
        "Provider must not, during this agreement or for two years after it ends, act for any employer, employers' association or consultancy advising employers on collective bargaining.",
    ] {
        assert!(!non_compete(bar).is_empty(), "{bar}");
    }
    let adverse =
        "During the term of this Agreement Provider shall not act for any party in proceedings against Client concerning the Project.";
    assert!(non_compete(adverse).is_empty(), "{adverse}");
}

/// "Client may share, transfer, sublicense and make available the deliverables, including any
/// tools of Provider embedded in them": passing on, in any order of verbs, makes the agency's
/// tools transferable. "any other product that Client may use, sublicense or distribute"
/// refers to a product; it grants nothing.
#[test]
fn a_permission_to_pass_on_and_sublicense_the_agencys_tools_is_a_transferable_licence() {
    let transferable = |clause: &str| phrase_findings(&analyse(SERVICES, &[clause]), Concern::TransferableLicense);
    for grant in [
        "It is agreed that Client may share, transfer, sublicense and make available the deliverables, including any tools of Provider embedded in them, to any public body.",
        "Client may pass on, share or sub-license anything delivered under this Agreement, including any of Provider's tools built into it, to its affiliates.",
    ] {
        assert!(!transferable(grant).is_empty(), "{grant}");
    }
    let reference = "Client shall not use the Deliverables as part of any other product that Client may use, sublicense or distribute.";
    assert!(transferable(reference).is_empty(), "{reference}");
}

/// A licence of the agency's own materials that says it is non-exclusive and non-transferable,
/// and passes only to a buyer of the client's business ("upon sale or transfer of the Client's
/// business, this license shall be transferable to the new owner"), is personal: a low point
/// about who may buy the business, not a high transferable licence of the agency's tools.
#[test]
fn a_personal_licence_that_passes_only_with_the_clients_business_is_a_low_point() {
    let grant = "Provider retains all right, title and interest in its pre-existing tools and materials (the \"Background Technology\"). Provider hereby grants to Client a worldwide, nonexclusive, nontransferable, royalty-free license to use the Background Technology as necessary to use the Deliverables.";
    let with_business = format!(
        "{grant} However, upon sale or transfer of the Client's business, this license shall be transferable to the new owner of Client's business."
    );
    let a = analyse(SERVICES, &[&with_business]);
    assert_eq!(phrase_findings(&a, Concern::TransferableLicense), [Severity::Low], "{:#?}", a.findings);
    assert!(phrase_findings(&a, Concern::PreExistingIp).is_empty(), "{:#?}", a.findings);
    // Transferable to anyone, it is the agency's tools passed on.
    let anyone = format!("{grant} This license shall be transferable by Client to any third party.");
    let a = analyse(SERVICES, &[&anyone]);
    assert!(phrase_findings(&a, Concern::TransferableLicense).contains(&Severity::High), "{:#?}", a.findings);
}

/// Drafting read at session 44 from a deed of assignment, a group framework, Spanish drafting
/// in translation and a consultancy's own terms:
/// - a deed that "shall take effect only upon the Assignor's receipt in cleared funds of all
///   Charges" transfers nothing before payment, whatever its operative words;
/// - "(hereinafter, the «Prior Knowledge»), which shall remain its exclusive property" defines
///   a term and keeps it with the party named last;
/// - "retained by it or assigned to it by Customer" is given by the customer, not taken from
///   the agency;
/// - a covenant "not for a period of three years ... use" is a restriction however long the
///   words between, and a bar on using know-how "whether or not such matters constitute
///   Confidential Information" is a bar on the agency's general know-how.
#[test]
fn deeds_translations_and_long_bars_read_for_what_they_do() {
    let deed = "This Deed is made between Harbour Group Limited (the \"Assignee\") and Brightloop Analytics Limited (the \"Assignor\").";
    let paid = analyse(
        deed,
        &[
            "This Deed shall take effect only upon the Assignor's receipt in cleared funds of all Charges then due under the Services Agreement, and until then nothing in this Deed shall operate to transfer any right. With effect from that time, the Assignor assigns to the Assignee its right, title and interest in the Specified Deliverables listed in the Schedule.",
        ],
    );
    assert!(phrase_findings(&paid, Concern::AssignmentBeforePayment).is_empty(), "{:#?}", paid.findings);
    let unpaid = analyse(
        deed,
        &["The Assignor assigns to the Assignee its right, title and interest in the Specified Deliverables listed in the Schedule."],
    );
    assert!(!phrase_findings(&unpaid, Concern::AssignmentBeforePayment).is_empty(), "{:#?}", unpaid.findings);

    let spanish = "This Agreement is made between Harbour Group S.L. (\"THE CLIENT\") and Brightloop S.L. (\"THE SERVICE PROVIDER\").";
    let prior = analyse(
        spanish,
        &[
            "The assignment referred to in section 5.1 shall not comprise the prior knowledge, software libraries, models, tools and methodologies of THE SERVICE PROVIDER existing before the signature of this contract (hereinafter, the «Prior Knowledge»), which shall remain its exclusive property. THE CLIENT is granted a non-exclusive and non-transferable licence of use, without limitation of time, over the Prior Knowledge incorporated into the deliverables, solely for the purpose of exploiting them.",
        ],
    );
    for concern in [Concern::MethodologyTransfer, Concern::PerpetualIrrevocableGrant] {
        assert!(phrase_findings(&prior, concern).is_empty(), "{concern:?}: {:#?}", prior.findings);
    }

    let supplier = "This Agreement is made between Northwind Retail Ltd (\"Customer\") and Blue Harbour Studio Ltd (\"Supplier\"). Supplier shall provide the Services described in Schedule A.";
    for whose in ["the Supplier\u{2019}s or third-party products", "the Supplier's products"] {
        let kept = analyse(
            supplier,
            &[&format!(
                "The Supplier will own all rights, title, interest and intellectual property rights with respect to the core Work Product and all derivatives, enhancements and modifications of {whose}, all of which are hereby retained by it or assigned to it by Customer."
            )],
        );
        assert!(phrase_findings(&kept, Concern::Derivatives).is_empty(), "{whose}: {:#?}", kept.findings);
    }

    let covenant = analyse(
        deed,
        &[
            "By this Deed the Assignor covenants with the Assignee that it shall not for a period of three years from the date of this Deed use, license or otherwise exploit any software, model or analytical method for or on behalf of any person carrying on a business which competes with that of the Assignee.",
        ],
    );
    assert!(!phrase_findings(&covenant, Concern::NonCompete).is_empty(), "{:#?}", covenant.findings);
    let memory = analyse(
        SERVICES,
        &[
            "Provider shall not use any information, ideas, concepts, know-how or techniques acquired or developed in the course of performing any order for its own benefit or that of any third party, whether or not such matters constitute Confidential Information of Client.",
        ],
    );
    assert!(!phrase_findings(&memory, Concern::NoResiduals).is_empty(), "{:#?}", memory.findings);
}

/// More drafting read at session 44:
/// - an exit hand-over "to the Customer, or to any Replacement Supplier nominated by the
///   Customer, all source code, ... model weights, runbooks and methodologies" is a delivery of
///   the agency's methods, however long the words naming whom it goes to;
/// - "THE CLIENT shall hold a licence of use that is exclusive within THE CLIENT's sector ...,
///   transferable to the companies of its group" is a licence the client receives, of the
///   agency's software, not a thing of the client's;
/// - "may not reproduce or use any of those elements in other projects" bars the agency's
///   methods for others;
/// - "the latter grants to the FIRST CONTRACTING PARTY an irrevocable licence, without
///   territorial or temporal limitation, for ... transmission of such elements to third
///   parties": "the latter" is the party named last, and the licence is perpetual and
///   transferable.
#[test]
fn hand_overs_held_licences_and_the_latter_read_for_what_they_do() {
    let framework =
        "This Agreement is made between Harbour Group Limited (the \"Customer\") and Brightloop Analytics Limited (the \"Supplier\").";
    let exit = analyse(
        framework,
        &[
            "On expiry or termination of this Framework Agreement for any reason, the Supplier shall deliver to the Customer, or to any Replacement Supplier nominated by the Customer, all source code, documentation, training scripts, model weights, runbooks and methodologies used in providing the Services.",
        ],
    );
    assert!(!phrase_findings(&exit, Concern::MethodologyTransfer).is_empty(), "{:#?}", exit.findings);

    let spanish = "This Agreement is made between Harbour Group S.L. (\"THE CLIENT\") and Brightloop S.L. (\"THE SERVICE PROVIDER\").";
    let held = analyse(
        spanish,
        &[
            "With respect to the software of THE SERVICE PROVIDER integrated into the solution, THE CLIENT shall hold a licence of use that is exclusive within THE CLIENT's sector of activity in Spain and Portugal, transferable to the companies of its group and with the power to grant sublicences to its distributors, for the entire duration of the rights.",
        ],
    );
    assert!(phrase_findings(&held, Concern::TransferableLicense).contains(&Severity::High), "{:#?}", held.findings);

    let portuguese = "This Agreement is made between Harbour Group S.A. (the \"FIRST CONTRACTING PARTY\") and Brightloop Lda. (the \"SECOND CONTRACTING PARTY\"). The SECOND CONTRACTING PARTY shall provide the Services described in Annex I.";
    let other_projects = analyse(
        portuguese,
        &[
            "The FIRST CONTRACTING PARTY shall be the sole holder of the model developed under this contract, which comprises the trained weights, the network architecture and the validation protocols, and the SECOND CONTRACTING PARTY may not reproduce or use any of those elements in other projects.",
        ],
    );
    assert!(!phrase_findings(&other_projects, Concern::NonCompete).is_empty(), "{:#?}", other_projects.findings);
    let latter = analyse(
        portuguese,
        &[
            "To the extent that the deliverables incorporate pre-existing elements belonging to the SECOND CONTRACTING PARTY, the latter grants to the FIRST CONTRACTING PARTY an irrevocable licence, without territorial or temporal limitation, for the use, modification and transmission of such elements to third parties, including separately from the deliverables.",
        ],
    );
    assert!(!phrase_findings(&latter, Concern::TransferableLicense).is_empty(), "{:#?}", latter.findings);
}

/// The agency keeps only the prior work it "can substantiate" it owned: the burden of proof is
/// its own, a medium pre-existing-IP point shown at those words. A plain retention is no point.
#[test]
fn prior_work_kept_only_if_the_agency_can_prove_it_is_a_point() {
    let kept = |clause: &str| {
        let a = analyse(SERVICES, &[clause]);
        a.findings
            .iter()
            .filter(|f| f.kind != FindingKind::Missing && f.concern == Concern::PreExistingIp)
            .map(|f| (f.severity, f.phrase.clone().unwrap_or_default()))
            .collect::<Vec<_>>()
    };
    let proven = kept(
        "As between Client and Provider, Provider will retain ownership of all right, title and interest in any intellectual property that Provider can substantiate was owned or developed by Provider prior to its engagement hereunder (the \"Background Technology\").",
    );
    assert!(proven.iter().any(|(s, phrase)| *s == Severity::Medium && phrase == "can substantiate"), "{proven:?}");
    let plain = kept(
        "As between Client and Provider, Provider will retain ownership of all right, title and interest in any intellectual property owned or developed by Provider prior to its engagement hereunder (the \"Background Technology\").",
    );
    assert!(plain.is_empty(), "{plain:?}");
}

/// Bars on the agency's trade in other words than "compete": NEC-style present tense ("does
/// not accept an instruction from any other ... undertaker"), a duty to see that no individual
/// works for another operator, work "for any person other than" the client, and analytics
/// barred "to any registered provider" in an area. A bar on using the client's information is
/// still no bar on competing.
#[test]
fn bars_on_the_agencys_trade_are_read_in_other_words() {
    let consultant = "This Agreement is made between Harbour Water plc (the \"Client\") and Brightloop Analytics Limited (the \"Consultant\"). The Consultant shall provide the Services.";
    for bar in [
        "Until three years after the defects date, the Consultant does not accept an instruction from any other water or wastewater undertaker in England and Wales to provide a service which includes leakage-detection analytics.",
        "The Consultant shall ensure that no individual who has had access to Game Design Information works, for two years after ceasing to work on the Client's account, on the design of any game mechanic for another lottery or gambling operator.",
        "For three years after the Device is placed on the market, the Consultant shall not design, develop, validate or support any software intended for the grading of diabetic retinopathy for any person other than the Client.",
        "During the Contract Period and for eighteen months after it, the Consultant shall not provide stock-condition or repairs-prediction analytics to any registered provider owning more than 1,000 homes in the areas listed in Schedule 6.",
    ] {
        let a = analyse(consultant, &[bar]);
        let found = phrase_findings(&a, Concern::NonCompete);
        assert!(found.iter().any(|s| *s >= Severity::Medium), "{bar}\n{:#?}", a.findings);
    }
    let a = analyse(
        consultant,
        &["The Consultant does not use the Client's Confidential Information for any purpose other than the Services."],
    );
    assert!(phrase_findings(&a, Concern::NonCompete).is_empty(), "{:#?}", a.findings);
}

/// A licence "which the Operator may assign or sub-license" may be passed on, and a bar on using
/// what was learned that "applies equally to information retained in the unaided memory" of
/// the agency's people takes its residual knowledge, whatever its words about memory.
#[test]
fn a_licence_the_client_may_pass_on_and_a_bar_reaching_memory_are_read() {
    let supplier = "This Agreement is made between Harbour Lottery Limited (the \"Operator\") and Brightloop Analytics Limited (the \"Supplier\"). The Supplier shall provide the Services.";
    let a = analyse(
        supplier,
        &[
            "The Supplier grants to the Operator a perpetual and irrevocable licence of the Supplier Software and every tool used to build it, which the Operator may assign or sub-license to any Successor Operator without the Supplier's consent.",
        ],
    );
    assert!(phrase_findings(&a, Concern::TransferableLicense).contains(&Severity::High), "{:#?}", a.findings);
    let a = analyse(
        supplier,
        &[
            "Confidential Information of the Operator includes any technique or lesson learned by the Supplier during testing. The Supplier shall not use any of it for another customer, and this obligation applies equally to information retained in the unaided memory of its personnel.",
        ],
    );
    assert!(phrase_findings(&a, Concern::NoResiduals).contains(&Severity::High), "{:#?}", a.findings);
}

/// What both sides "together develop" and the draft vests in the client alone is joint work
/// lost, even where the client's side is named first in the words that say who made it.
#[test]
fn work_the_two_sides_develop_together_vested_in_the_client_is_a_joint_ip_point() {
    let provider = "This Agreement is made between Harbour Homes Limited (the \"Association\") and Brightloop Analytics Limited (the \"Service Provider\"). The Service Provider shall provide the Services.";
    let a = analyse(
        provider,
        &[
            "Where the Service Provider and the Association's Asset Intelligence Team together develop any innovation, including any tool, technique or algorithm capable of use outside the Services, it shall vest solely in the Association.",
        ],
    );
    assert!(phrase_findings(&a, Concern::JointIp).contains(&Severity::High), "{:#?}", a.findings);
}

/// A licence to the agency's work "which cannot be withdrawn" and that the client may pass on
/// outlives a payment dispute in other hands: a perpetual-grant point, without any prior work.
#[test]
fn an_irrevocable_licence_the_client_may_pass_on_is_a_lasting_grant() {
    let consultant = "This Agreement is made between Harbour Water plc (the \"Client\") and Brightloop Analytics Limited (the \"Consultant\"). The Consultant shall provide the Services.";
    let a = analyse(
        consultant,
        &[
            "The Consultant grants the Client an irrevocable licence to use, copy and adapt the Deliverables, which the Client may transfer to a successor body and may sub-license to any contractor.",
        ],
    );
    assert!(phrase_findings(&a, Concern::PerpetualIrrevocableGrant).contains(&Severity::Medium), "{:#?}", a.findings);
}

/// "Each of these items shall be a Deliverable Item owned by the Agency" owns what the sentence
/// before listed: here a trained network with the training procedure and recipes behind it.
#[test]
fn a_subject_that_points_back_owns_what_the_sentence_before_named() {
    let contractor = "This Contract is made between the Orbital Research Agency (the \"Agency\") and Brightloop Analytics Limited (the \"Contractor\"). The Contractor shall perform the Work.";
    let a = analyse(
        contractor,
        &[
            "At the Final Review the Contractor shall deliver the trained on-board cloud-screening network (D-7), together with the network architecture description, the training procedure and hyperparameter settings, the data-augmentation recipes and the validation framework used to qualify it. Each of these items shall be a Deliverable Item owned by the Agency under the Special Conditions.",
        ],
    );
    assert!(phrase_findings(&a, Concern::ModelOwnership).contains(&Severity::High), "{:#?}", a.findings);
    assert!(phrase_findings(&a, Concern::MethodologyTransfer).contains(&Severity::High), "{:#?}", a.findings);
}

/// A US consulting form's idioms: an ownership clause whose bracketed list of rights runs long
/// before what is owned; "makes all assignments necessary to accomplish the foregoing
/// ownership" in the clause after; a licence of "all such technology" that the condition
/// before it says is the consultant's; a bar whose items are numbered; moral rights that a
/// licence "includes".
#[test]
fn a_consulting_forms_ownership_assignment_background_licence_bar_and_moral_rights_are_read() {
    let consultant = "This Agreement is made between Harbour Group Pty Ltd (\"Company\") and Brightloop Analytics Pty Ltd (\"Consultant\"). Consultant shall perform the Services.";
    let a = analyse(
        consultant,
        &[
            "Company shall own all right, title, and interest (including copyright, patent, database right, trade mark, registered design and any other rights of a proprietary nature in or to the results of intellectual activity, whether registrable or not, both in Australia and elsewhere, whether tangible or intangible) relating to any and all inventions, designs, know-how and ideas made by Consultant during the term of this Agreement.",
            "Consultant hereby makes all assignments necessary to accomplish the foregoing ownership.",
            "If any part of the Services is based on, incorporates, or cannot be exploited without using technology or intellectual property rights owned or licensed by Consultant and not assigned hereunder, Consultant hereby grants Company and its successors a perpetual, irrevocable, worldwide, royalty-free, non-exclusive, sublicensable right and license to exploit all such technology and intellectual property rights.",
            "Consultant agrees that during the term, Consultant will not (i) encourage or solicit any employee of Company to leave Company, or (ii) engage in any activity that is in any way competitive with the business of Company.",
            "To the extent allowed by law, any license to Company hereunder includes all rights of paternity, integrity, disclosure and withdrawal, and any other rights that may be known as moral rights.",
        ],
    );
    let at = |concern: Concern| {
        a.findings
            .iter()
            .filter(|f| f.kind != FindingKind::Missing && f.concern == concern && f.severity >= Severity::Medium)
            .filter_map(|f| f.clause)
            .collect::<Vec<_>>()
    };
    let clause = |n: &str| a.clauses.iter().position(|c| c.number.as_deref() == Some(n)).expect("numbered clause");
    assert!(at(Concern::MethodologyTransfer).contains(&clause("1")), "{:#?}", a.findings);
    assert!(at(Concern::AssignmentBeforePayment).contains(&clause("2")), "{:#?}", a.findings);
    assert!(at(Concern::PreExistingIp).contains(&clause("3")), "{:#?}", a.findings);
    assert!(at(Concern::NonCompete).contains(&clause("4")), "{:#?}", a.findings);
    assert!(at(Concern::MoralRightsWaiver).contains(&clause("5")), "{:#?}", a.findings);
}

/// A buyer's purchase terms: "each party owns ... its Preexisting Materials" keeps each side's
/// own (no prior-work point); a licence of third parties' rights that the supplier must
/// "obtain and assign" to the buyer is neither the supplier's grant nor a licence back to it,
/// so the missing licence back is asked; work handed over "whatever ... then exists" on a
/// termination for convenience, paid only if accepted, is unpaid work handed over.
#[test]
fn purchase_terms_each_keeping_its_own_third_party_licences_passed_on_and_work_handed_over_on_termination() {
    let supplier = "These Purchase Order Terms are between The Harbour Group, Inc. (\"Harbour\") and the supplier named in the Purchase Order (\"Supplier\").";
    let a = analyse(
        supplier,
        &[
            "Harbour is the sole and exclusive owner of all Deliverables and Supplier hereby irrevocably assigns to Harbour all of its right, title and interest in the Deliverables. Each party owns all right, title, and interest in and to any of its Preexisting Materials. Supplier will obtain and assign to Harbour a nonexclusive, royalty-free, worldwide, perpetual, irrevocable, transferable, sub-licensable license to use all Third Party Intellectual Property Rights incorporated into the Work.",
            "Harbour may terminate this Purchase Order at any time upon 15 days written notice to Supplier. Upon receipt of notice of such termination, Supplier will collect and deliver to Harbour whatever Work then exists. Harbour will pay Supplier only for Work performed and accepted through the effective date of the termination.",
        ],
    );
    assert!(phrase_findings(&a, Concern::PreExistingIp).is_empty(), "{:#?}", a.findings);
    assert!(phrase_findings(&a, Concern::TransferableLicense).iter().all(|&s| s < Severity::High), "{:#?}", a.findings);
    assert!(missing(&a).contains(&Concern::NoLicenseBack), "{:#?}", a.findings);
    assert!(phrase_findings(&a, Concern::AssignmentBeforePayment).contains(&Severity::Medium), "{:#?}", a.findings);
}

/// A charity's no-fee terms and a meeting's agreed minutes: rights given "outright, by way of
/// gift", with the know-how the supplier's staff "bring to it"; reported speech ("would own",
/// "would not put any member of its project team onto work for another ..."); a question about
/// vesting on payment that sets no condition; a licence the charity "may continue to use,
/// modify and sub-license ... for ever and without charge"; a bar on offering "a similar ...
/// tool" to others.
#[test]
fn gifts_minutes_questions_continuing_licences_and_similar_tools_are_read() {
    let supplier = "This Agreement is made between Harbour Homes Trust (the \"Charity\") and Brightloop Analytics Limited (the \"Supplier\"). The Supplier shall carry out the Project.";
    let a = analyse(
        supplier,
        &[
            "The Supplier gives to the Charity outright, by way of gift, all intellectual property in everything its staff create for the Project and in any templates and know-how its staff bring to it.",
        ],
    );
    assert!(phrase_findings(&a, Concern::AssignmentBeforePayment).contains(&Severity::High), "{:#?}", a.findings);
    assert!(phrase_findings(&a, Concern::PreExistingIp).contains(&Severity::High), "{:#?}", a.findings);
    let a = analyse(
        supplier,
        &[
            "It was agreed at the meeting that the Charity would own every deliverable the Supplier creates, with ownership passing as each deliverable is created, and that the Supplier would not put any member of its project team onto work for another housing charity for a year.",
        ],
    );
    assert!(phrase_findings(&a, Concern::NonCompete).contains(&Severity::Medium), "{:#?}", a.findings);
    let a = analyse(
        supplier,
        &["Question: would the Charity accept vesting on payment? Answer: no. Project-Specific IPR vests in the Charity on creation."],
    );
    assert!(phrase_findings(&a, Concern::AssignmentBeforePayment).contains(&Severity::High), "{:#?}", a.findings);
    let a = analyse(
        supplier,
        &[
            "If the Supplier withdraws, the Charity may continue to use, modify and sub-license all software the Supplier has made available for the Project, for ever and without charge.",
        ],
    );
    assert!(phrase_findings(&a, Concern::TransferableLicense).contains(&Severity::High), "{:#?}", a.findings);
    assert!(phrase_findings(&a, Concern::PerpetualIrrevocableGrant).contains(&Severity::Medium), "{:#?}", a.findings);
    let a = analyse(
        supplier,
        &[
            "For two years after the Project the Supplier shall not offer a similar case-triage tool to any other charity in the United Kingdom.",
        ],
    );
    assert!(phrase_findings(&a, Concern::NonCompete).contains(&Severity::Medium), "{:#?}", a.findings);
}

/// A studio's own terms of supply take nothing: it owns the deliverables; "No title or
/// ownership in any ... Deliverables is transferred to the Customer"; what a Statement of Work
/// might provide ("Subject to any express provision in a Statement of Work that certain
/// Deliverables shall be owned by the Customer") is no provision of these terms; the customer's
/// own materials "remain" its property; and moving "its rights and obligations under this
/// Agreement" moves the contract. Nothing is asked high or medium.
#[test]
fn a_studios_own_terms_that_keep_its_work_ask_nothing() {
    let supplier = "These terms are agreed between Brightloop Studio Limited (the \"Supplier\") and the customer named in the Statement of Work (the \"Customer\"). \"Customer Materials\" means all content, data, brand assets, images and other materials provided by the Customer to the Supplier.";
    let a = analyse(
        supplier,
        &[
            "Except to the extent that the relevant Statement of Work expressly provides otherwise in respect of specified Deliverables, all Intellectual Property Rights in the Deliverables shall be owned by the Supplier in accordance with clause 13. No title or ownership in any software, games, applications or other Deliverables is transferred to the Customer under this Agreement.",
            "Subject to any express provision in a Statement of Work that certain Deliverables shall be owned by the Customer, all Supplier Background IPR shall be owned by the Supplier. All Intellectual Property Rights in the Customer Materials shall remain the property of the Customer.",
            "The Supplier may transfer its rights and obligations under this Agreement to any member of its group.",
        ],
    );
    assert!(a.findings.iter().all(|f| f.severity < Severity::Medium), "{:#?}", a.findings);
}
