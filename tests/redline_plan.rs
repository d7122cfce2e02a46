//! Planning a redline: which passages are struck, which words go in, where new clauses go, and
//! how the Markdown and HTML outputs show them.

use std::path::Path;

use clauseguard::analysis::{Analysis, Analyzer, Options};
use clauseguard::ingest::{self, Document, Format};
use clauseguard::library::{ClauseLibrary, Concern, FallbackKind, Severity};
use clauseguard::redline::{self, Draft, Language, OpenReason, Redline, RedlineOptions, Stance, Steer};

fn library() -> ClauseLibrary {
    ClauseLibrary::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/redline/library")).expect("fixture library")
}

fn options(only: Severity) -> RedlineOptions {
    RedlineOptions { only, author: "Brightlabs".into(), date: "2026-03-01T10:00:00Z".into() }
}

fn analyse(doc: &Document) -> Analysis {
    Analyzer::new(&library()).analyze(doc, &Options::default())
}

fn plan_doc(doc: &Document, steers: &[Steer], only: Severity) -> Redline {
    redline::plan(Draft::from_text(doc), &analyse(doc), &library(), steers, options(only))
}

fn fixture(name: &str) -> Document {
    ingest::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/redline").join(name)).expect("fixture draft")
}

fn text(name: &str, format: Format, body: &str) -> Document {
    ingest::from_text(name, format, body)
}

#[test]
fn strikes_the_sentence_and_inserts_the_first_worded_fallback() {
    let r = plan_doc(&fixture("numbered-draft.md"), &[], Severity::Low);
    let first = &r.changes[0];
    assert_eq!(first.clause_label, "§7.1 Ownership");
    assert_eq!(first.deleted, "Client shall own all work product created by Provider under this Agreement.");
    // The library's "Agency" and "Client" become the draft's defined terms.
    assert!(first.inserted.starts_with("Upon full payment, Provider assigns to Client"), "{}", first.inserted);
    assert_eq!(first.language, Language::Fallback { library_clause: "ip-assignment".into(), kind: FallbackKind::NarrowScope });
    // "Client shall own all work product" is both too broad and not tied to payment: one change
    // answers both, the broad grab with the narrowed scope.
    let broad = first.reasons.iter().find(|r| r.concern == Concern::BroadWorkProduct).expect("the broad grab");
    assert!(broad.talking_point.contains("Schedule A"));
    assert!(first.reasons.iter().any(|r| r.concern == Concern::AssignmentBeforePayment), "ownership with no payment condition");
    // Ids follow document order.
    assert!(r.changes.windows(2).all(|w| w[0].id + 1 == w[1].id && w[0].start <= w[1].start));
}

#[test]
fn several_findings_in_one_sentence_make_one_change() {
    let r = plan_doc(&fixture("numbered-draft.md"), &[], Severity::Low);
    let assignment: Vec<_> = r.changes.iter().filter(|c| c.clause_label == "§7.2 Assignment").collect();
    assert_eq!(assignment.len(), 1, "\"hereby assigns\" and \"upon creation\" share a sentence");
    assert_eq!(assignment[0].deleted, "Provider hereby assigns to Client all rights in the Deliverables upon creation.");
    assert_eq!(assignment[0].reasons.len(), 1, "one reason per concern");
}

#[test]
fn the_same_words_are_not_inserted_twice_in_a_clause() {
    let r = plan_doc(&fixture("numbered-draft.md"), &[], Severity::Low);
    let ownership: Vec<_> = r.changes.iter().filter(|c| c.clause_label == "§7.1 Ownership").collect();
    assert_eq!(ownership.len(), 2);
    assert_eq!(ownership[1].deleted, "The Deliverables are works made for hire.");
    assert_eq!(ownership[1].inserted, "");
    assert_eq!(ownership[1].language, Language::AlreadyInserted { change: ownership[0].id });
}

#[test]
fn missing_protections_go_after_the_ip_section_numbered_to_fit() {
    let r = plan_doc(&fixture("numbered-draft.md"), &[], Severity::Low);
    let new = r.changes.iter().find(|c| c.new_clause.is_some()).expect("residuals inserted");
    let clause = new.new_clause.as_ref().unwrap();
    assert_eq!(clause.number.as_deref(), Some("7.4"));
    assert_eq!(clause.heading, "Residuals");
    assert_eq!(
        &r.draft.text[r.draft.paragraphs[new.paragraph].clone()],
        "7.3 Licence. Provider grants Client a licence to use the Deliverables."
    );
    assert!(
        new.clause_text(true)
            .starts_with("7.4 Residuals. Notwithstanding anything else in this Agreement, Provider may use the general knowledge")
    );
    assert!(r.accepted_paragraphs().iter().any(|p| p.starts_with("7.4 Residuals.")));
}

#[test]
fn a_draft_that_transfers_nothing_gets_no_protection_clauses() {
    // Nothing passes to the Customer: there is nothing to keep the agency's know-how out of.
    let doc = text("d.txt", Format::Txt, "SERVICES\n\nThe Studio designs a website for the Customer.\n\nFees are due monthly.\n");
    let r = plan_doc(&doc, &[], Severity::Low);
    assert!(r.changes.iter().all(|c| c.new_clause.is_none()), "{:?}", r.changes.iter().map(|c| &c.clause_label).collect::<Vec<_>>());
}

#[test]
fn unnumbered_drafts_get_unnumbered_clauses_at_the_end_without_an_ip_clause() {
    let doc = text(
        "d.txt",
        Format::Txt,
        "SERVICES\n\nThe Studio designs a website for the Customer, which shall be the property of the Customer upon full payment.\n\nFees are due monthly.\n",
    );
    let r = plan_doc(&doc, &[], Severity::Low);
    let new = r.changes.iter().find(|c| c.new_clause.is_some()).expect("residuals inserted");
    assert_eq!(new.new_clause.as_ref().unwrap().number, None);
    assert_eq!(new.paragraph, r.draft.paragraphs.len() - 1, "at the end");
    assert!(r.accepted_paragraphs().last().unwrap().starts_with("Residuals. "));
}

#[test]
fn only_limits_the_severity_and_lists_the_rest_as_open() {
    let r = plan_doc(&fixture("numbered-draft.md"), &[], Severity::High);
    assert!(r.changes.iter().all(|c| c.severity() == Severity::High));
    assert!(r.open.iter().any(|o| o.concern == Concern::NonCompete && o.why == OpenReason::BelowThreshold));
    let low = plan_doc(&fixture("numbered-draft.md"), &[], Severity::Low);
    assert!(
        low.open.iter().any(|o| o.concern == Concern::NonCompete && o.why == OpenReason::NoLanguage),
        "no worded rung for the non-compete"
    );
}

#[test]
fn session_decisions_choose_the_words_or_keep_the_clause() {
    let doc = fixture("numbered-draft.md");
    let analysis = analyse(&doc);
    let wmfh = analysis.findings.iter().find(|f| f.concern == Concern::WorkMadeForHire).unwrap();
    let in_assignment = |f: &&clauseguard::analysis::Finding| f.clause.is_some_and(|k| analysis.clauses[k].label() == "§7.2 Assignment");
    let assign = analysis.findings.iter().filter(in_assignment).find(|f| f.concern == Concern::AssignmentBeforePayment).unwrap();
    let steers = vec![
        Steer {
            clause: wmfh.clause,
            finding: Some(wmfh.key()),
            stance: Stance::Counter {
                fallback: Some(FallbackKind::LicenseBack),
                language: "Client owns the Deliverables; Agency keeps a licence.".into(),
            },
        },
        Steer { clause: assign.clause, finding: None, stance: Stance::Concede },
    ];
    let r = redline::plan(Draft::from_text(&doc), &analysis, &library(), &steers, options(Severity::Low));
    let adopted = r.changes.iter().find(|c| c.reasons.iter().any(|x| x.concern == Concern::WorkMadeForHire)).unwrap();
    assert_eq!(adopted.language, Language::Session(Some(FallbackKind::LicenseBack)));
    assert_eq!(adopted.inserted, "Client owns the Deliverables; Provider keeps a licence.");
    assert!(r.changes.iter().all(|c| c.clause_label != "§7.2 Assignment"), "conceded clause left alone");
    assert!(r.open.iter().any(|o| o.concern == Concern::AssignmentBeforePayment && o.why == OpenReason::Conceded));
}

#[test]
fn markdown_output_strikes_inserts_and_footnotes() {
    let r = plan_doc(&fixture("numbered-draft.md"), &[], Severity::Low);
    let md = String::from_utf8(redline::render(&r, Path::new("x.md"), false).unwrap()).unwrap();
    assert!(md.contains("7.1 Ownership. ~~Client shall own all work product created by Provider under this Agreement.~~ **Upon full payment, Provider assigns"));
    assert!(md.contains("**7.4 Residuals. Notwithstanding anything else in this Agreement, Provider may use the general knowledge"));
    for c in &r.changes {
        assert!(md.contains(&format!("[^{}]: ", c.id)), "footnote {} defined", c.id);
        assert_eq!(md.matches(&format!("[^{}]", c.id)).count(), 2, "footnote {} referenced once", c.id);
    }
    assert!(md.contains("[^1]: Ownership passes on payment of the fees, so that title follows consideration.\n"), "{md}");
    assert!(!md.contains("Concern:") && !md.contains("broad-work-product"), "nothing internal for counsel");
    let internal = String::from_utf8(redline::render_internal(&r, Path::new("x.md")).unwrap()).unwrap();
    assert!(internal.contains("[^1]: Struck and replaced in §7.1 Ownership. For counsel: Ownership passes on payment"), "{internal}");
    assert!(internal.contains("Concern: broad-work-product (high). Reason:"));
    let clean = String::from_utf8(redline::render(&r, Path::new("x.md"), true).unwrap()).unwrap();
    assert!(!clean.contains("~~") && !clean.contains("[^") && clean.contains("7.4 Residuals."));
    assert!(!clean.contains("all work product"));
}

#[test]
fn markdown_markup_around_a_struck_passage_stays_balanced() {
    let doc = text("d.md", Format::Markdown, "1. Ownership. **Client** shall own _all work product_ of the Provider.\n");
    let r = plan_doc(&doc, &[], Severity::Low);
    let md = String::from_utf8(redline::render(&r, Path::new("x.md"), false).unwrap()).unwrap();
    assert!(md.contains("~~**Client** shall own _all work product_ of the Provider.~~"), "{md}");
}

#[test]
fn plain_text_is_escaped_in_markdown_and_html() {
    let r = plan_doc(&fixture("plain-draft.txt"), &[], Severity::Low);
    let md = String::from_utf8(redline::render(&r, Path::new("x.md"), false).unwrap()).unwrap();
    assert!(md.contains("code & models \\<v2\\>"), "{md}");
    let html = String::from_utf8(redline::render(&r, Path::new("x.html"), false).unwrap()).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("@media print"));
    assert!(html.contains("code &amp; models &lt;v2&gt;") && !html.contains("<v2>"));
    assert!(html.contains("<del>All work product arising from or related to the services shall belong to the Customer, e.g. code &amp; models &lt;v2&gt;.</del>"), "{html}");
    assert!(html.contains("<ins>Upon full payment, Consultant assigns to Customer"));
    for c in &r.changes {
        assert!(html.contains(&format!("id=\"change-{}\"", c.id)), "margin note for change {}", c.id);
    }
}

#[test]
fn hostile_contract_text_cannot_inject_html() {
    let doc = text("d.txt", Format::Txt, "<script>alert(1)</script> Client shall own all work product of the Consultant.\n");
    let r = plan_doc(&doc, &[], Severity::Low);
    let html = String::from_utf8(redline::render(&r, Path::new("x.html"), false).unwrap()).unwrap();
    assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"));
}

#[test]
fn an_ownership_clause_is_answered_by_ownership_wording_not_a_side_promise() {
    // The embedded library's ladder for the IP assignment lists a side promise (boundaries)
    // before the narrowed transfer; struck ownership words are replaced by ownership words.
    let library = ClauseLibrary::embedded();
    let doc = text(
        "d.txt",
        Format::Txt,
        "This Agreement is between Acme Corp (\"Client\") and Brightlabs Ltd (\"Provider\").\n\n1. Services. Provider shall provide the Services.\n\n2. Ownership. Client shall own all work product created by Provider during the engagement.\n",
    );
    let analysis = Analyzer::new(&library).analyze(&doc, &Options::default());
    let r = redline::plan(Draft::from_text(&doc), &analysis, &library, &[], options(Severity::Low));
    let ownership = r.changes.iter().find(|c| c.clause_label == "§2 Ownership").expect("a change to §2");
    assert!(
        matches!(ownership.language, Language::Fallback { kind: FallbackKind::NarrowScope | FallbackKind::LicenseBack, .. }),
        "{:?}: {}",
        ownership.language,
        ownership.inserted
    );
}
