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
    // The assignment is edited in its own words: the time it takes effect is what changes.
    assert_eq!(assignment[0].deleted, "upon creation");
    assert_eq!(assignment[0].inserted, "effective upon receipt of full payment of the fees for them");
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
    // At low, the non-compete's services named by their kind ("similar services") are narrowed
    // in its own words; one with nothing to narrow has no worded rung and stays open.
    let low = plan_doc(&fixture("numbered-draft.md"), &[], Severity::Low);
    assert!(low.changes.iter().any(|c| c.reasons.iter().any(|r| r.concern == Concern::NonCompete)
        && matches!(c.language, Language::Edited { .. })
        && c.inserted.starts_with("develop a system substantially similar to")));
    let bare = text(
        "bare.md",
        Format::Markdown,
        "# Agreement\n\n8. Competition. Provider shall not provide services to any competitor of Client.\n",
    );
    // A bar on serving others, read as one, gives way to the library's clause of the same
    // function: the freedom to serve others.
    let low = plan_doc(&bare, &[], Severity::Low);
    assert!(
        low.changes
            .iter()
            .any(|c| c.reasons.iter().any(|r| r.concern == Concern::NonCompete)
                && c.inserted.starts_with("Nothing in this Agreement restricts")),
        "{:#?}",
        low.changes
    );
    // With a library clause that does another job, nothing is worded for it: the point stays
    // open for the call.
    let dir = tempfile::tempdir().expect("temp dir");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/redline/library");
    for name in ["ip-assignment.json", "residuals.json", "non-compete.json"] {
        let mut text = std::fs::read_to_string(fixtures.join(name)).expect("fixture clause");
        if name == "non-compete.json" {
            let standard = "Nothing in this Agreement restricts Agency from providing services to others, provided Agency does not use Client's Confidential Information.";
            text = text.replace(standard, "Agency retains all rights in its pre-existing tools.");
        }
        std::fs::write(dir.path().join(name), text).expect("written");
    }
    let unworded = ClauseLibrary::load_dir(dir.path()).expect("library");
    let low = redline::plan(Draft::from_text(&bare), &analyse(&bare), &unworded, &[], options(Severity::Low));
    assert!(
        low.open.iter().any(|o| o.concern == Concern::NonCompete && o.why == OpenReason::NoLanguage),
        "no worded rung for the non-compete: {:#?}",
        low.open
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
        !matches!(ownership.language, Language::Fallback { kind: FallbackKind::Boundaries, .. }),
        "{:?}: {}",
        ownership.language,
        ownership.inserted
    );
    let names: Vec<String> = [&analysis.parties.agency, &analysis.parties.counterparty].into_iter().flatten().cloned().collect();
    assert!(redline::keeps_function(&ownership.deleted, &ownership.inserted, &names), "{}", ownership.inserted);
}

/// The drafts the coherence checks run on: the demo (both rounds), the PSA and CIIAA .docx and
/// every agency draft with a high finding, read from `../shared/corpus` (skipped with a message
/// when that folder is absent), each redlined with the embedded library, with the agency the
/// corpus labels name.
fn real_redlines() -> &'static [(String, Redline, Vec<String>)] {
    static REDLINES: std::sync::LazyLock<Vec<(String, Redline, Vec<String>)>> = std::sync::LazyLock::new(redline_real_drafts);
    &REDLINES
}

/// Each draft's redline, with the names the draft gives the parties.
fn redline_real_drafts() -> Vec<(String, Redline, Vec<String>)> {
    let library = ClauseLibrary::embedded();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let redline_of = |doc: &Document, agency: Option<String>| {
        let analysis = Analyzer::new(&library).analyze(doc, &Options { agency_party: agency });
        let draft = match doc.format {
            Format::Docx => Draft::from_docx(doc, std::fs::read(&doc.path).expect("docx bytes")).expect("docx draft"),
            _ => Draft::from_text(doc),
        };
        let high = analysis.findings.iter().any(|f| f.severity == Severity::High);
        let names = [&analysis.parties.agency, &analysis.parties.counterparty].into_iter().flatten().cloned().collect();
        (high, (redline::plan(draft, &analysis, &library, &[], options(Severity::Low)), names))
    };
    let mut out = Vec::new();
    for round in ["assets/demo/client-draft-r1.md", "assets/demo/client-draft-r2.md"] {
        let (r, names) = redline_of(&ingest::load(&root.join(round)).expect("demo draft"), None).1;
        out.push((round.to_owned(), r, names));
    }
    let corpus = root.join("../shared/corpus");
    if !corpus.is_dir() {
        eprintln!("skipping the corpus drafts: {} is absent", corpus.display());
        return out;
    }
    for name in ["dev/commonpaper-psa.docx", "dev/openagreements-ciiaa.docx"] {
        let (r, names) = redline_of(&ingest::load(&corpus.join(name)).expect("corpus draft"), None).1;
        out.push((name.to_owned(), r, names));
    }
    let labels: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(corpus.join("agency-drafts/labels.json")).expect("labels")).expect("labels json");
    let mut names: Vec<&String> = labels.as_object().expect("labels by file").keys().collect();
    names.sort();
    for name in names {
        let agency = labels[name.as_str()]["agency"].as_str().map(str::to_owned);
        let (high, (r, names)) = redline_of(&ingest::load(&corpus.join("agency-drafts").join(name)).expect("agency draft"), agency);
        if high {
            out.push((format!("agency-drafts/{name}"), r, names));
        }
    }
    out
}

/// The sentences of a text, as a reader counts them.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, _) in text.match_indices(". ") {
        let next = text[i + 2..].chars().next();
        if next.is_some_and(|c| c.is_uppercase() || c == '"') {
            out.push(text[from..=i].trim().to_owned());
            from = i + 2;
        }
    }
    out.push(text[from..].trim().to_owned());
    out.retain(|s| s.split_whitespace().count() > 3);
    out
}

#[test]
fn no_inserted_sentence_appears_twice_in_a_redline() {
    for (name, r, _) in real_redlines() {
        let mut seen: Vec<String> = Vec::new();
        // Words put inside a sentence of the draft (", excluding Provider Materials, upon
        // receipt of full payment") may go into each clause that needs them.
        for c in r.changes.iter().filter(|c| !c.inserted.starts_with(',')) {
            for s in sentences(&c.clause_text(false)) {
                assert!(!seen.contains(&s), "{name}: change {} inserts again: {s}", c.id);
                seen.push(s);
            }
        }
    }
}

#[test]
fn every_term_the_redline_uses_is_defined_once_in_the_result() {
    for (name, r, names) in real_redlines() {
        let result = r.accepted_paragraphs().join("\n");
        // The draft's own terms, which its cover page may name in a table ("the Prior
        // Inventions identified in Cover Terms"), are its vocabulary too.
        let names: Vec<String> = names.iter().cloned().chain(redline::terms_used_as_such(&r.draft.analysed)).collect();
        let mut defined_by_redline: Vec<String> = Vec::new();
        for c in &r.changes {
            let undefined = redline::undefined_terms(&c.inserted, &result, &names);
            assert!(undefined.is_empty(), "{name}: change {} ({}) uses {undefined:?}, never defined: {}", c.id, c.clause_label, c.inserted);
            for term in redline::defined_terms(&c.inserted) {
                assert!(!defined_by_redline.contains(&term), "{name}: \"{term}\" defined twice by the redline");
                defined_by_redline.push(term);
            }
        }
    }
}

#[test]
fn each_changed_provision_keeps_its_function() {
    for (name, r, names) in real_redlines() {
        // A clause whose body is covered elsewhere is left "[Reserved.]": struck, not replaced.
        // A definition put in after a sentence replaces nothing.
        let replaced = |c: &&redline::Change| {
            c.new_clause.is_none() && !matches!(c.language, Language::AlreadyInserted { .. } | Language::Definition { .. })
        };
        for c in r.changes.iter().filter(replaced).filter(|c| !c.inserted.is_empty()) {
            // A word that follows a change before it ("This consent" after a consent replaced by
            // a waiver: "This waiver") names what that change put in.
            let follows = |o: &redline::Change| {
                o.id < c.id && !c.deleted.is_empty() && o.deleted.contains(c.deleted.trim()) && o.inserted.contains(c.inserted.trim())
            };
            if c.deleted.split_whitespace().count() == 1 && r.changes.iter().any(follows) {
                continue;
            }
            // Words put into the draft's sentence (an exception, a condition) are read with it:
            // the provision they leave is what keeps its function.
            let (deleted, inserted) = if c.deleted.trim().is_empty() && matches!(c.language, Language::Edited { .. }) {
                let p = &r.draft.paragraphs[c.paragraph];
                (r.draft.analysed[p.clone()].to_owned(), r.accepted_paragraph(c.paragraph))
            } else {
                (c.deleted.clone(), c.inserted.clone())
            };
            assert!(
                redline::keeps_function(&deleted, &inserted, names),
                "{name}: change {} ({}) replaces\n  {}\nwith words of another function:\n  {}",
                c.id,
                c.clause_label,
                c.deleted.trim(),
                c.inserted
            );
        }
    }
}

#[test]
fn clauses_citing_a_changed_clause_stay_true() {
    for (name, r, _) in real_redlines() {
        assert_eq!(redline::stale_citations(r), Vec::<String>::new(), "{name}");
    }
}

#[test]
fn a_struck_waiver_is_replaced_by_a_waiver_not_by_words_that_assume_it() {
    let library = ClauseLibrary::embedded();
    let doc = text(
        "d.txt",
        Format::Txt,
        "This Agreement is between Acme Corp (\"Client\") and Brightlabs Ltd (\"Provider\").\n\n4.1 Ownership. Provider hereby irrevocably assigns to Client all right, title and interest in and to the work product, effective automatically upon creation.\n\n4.2 Work Made for Hire. To the extent any work product is not a work made for hire, it is assigned to Client under Section 4.1.\n\n4.7 Moral Rights. Provider irrevocably waives, and shall cause its personnel to waive, all moral rights in the work product, and agrees not to assert any such rights against Client or its licensees.\n",
    );
    let analysis = Analyzer::new(&library).analyze(&doc, &Options::default());
    let r = redline::plan(Draft::from_text(&doc), &analysis, &library, &[], options(Severity::Low));
    let accepted = r.accepted_paragraphs().join("\n");
    let moral = r.changes.iter().find(|c| c.clause_label.starts_with("§4.7")).expect("the waiver is narrowed");
    assert!(moral.inserted.contains("waives") && !moral.inserted.contains("'s waiver"), "{}", moral.inserted);
    let ownership = r.changes.iter().find(|c| c.clause_label.starts_with("§4.1")).expect("the assignment is conditioned");
    let assigned = r.accepted_paragraph(ownership.paragraph);
    assert!(
        assigned.contains("assigns") && assigned.contains("upon receipt of full payment"),
        "§4.2 still cites §4.1 as assigning: {assigned}"
    );
    assert_eq!(redline::stale_citations(&r), Vec::<String>::new(), "{accepted}");
}

#[test]
fn an_option_of_the_drafts_choice_list_is_struck_and_the_other_option_stays() {
    let Some((_, psa, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("commonpaper-psa.docx")) else { return };
    let option = psa.changes.iter().find(|c| c.deleted.contains("as they are created")).expect("the on-creation option is struck");
    assert_eq!((option.language.clone(), option.inserted.as_str()), (Language::OtherOption, ""));
    assert!(option.note.contains("upon payment"), "{}", option.note);
    assert!(!option.note.contains(".\u{201d}."), "one full stop, inside the quotes: {}", option.note);
    // The payment condition is answered there: no new clause adds it again. (§3.3's licence
    // of the Pre-Existing Materials, granted on signature, is a problem of its own: its grant
    // is made on payment in its own words.)
    let answered = |c: &&redline::Change| c.reasons.iter().any(|r| r.concern == Concern::AssignmentBeforePayment);
    let elsewhere: Vec<&redline::Change> = psa.changes.iter().filter(answered).filter(|c| c.id != option.id).collect();
    assert!(elsewhere.iter().all(|c| c.new_clause.is_none() && c.clause_label.starts_with("§3.3")), "one fix per problem: {elsewhere:#?}");
}

/// Freerange's §10.1 states ownership ("Project IP shall, (as a future assignment of
/// intellectual property) belong to you") and defines "Project IP" on the way, so no library
/// clause can replace it: its own words are edited, as a lawyer would, with the payment
/// condition before the transfer. Its object is bounded by what becomes part of the Product, so
/// its scope is left to the call rather than rewritten.
#[test]
fn an_ownership_statement_is_edited_in_its_own_words_for_payment() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/agency-drafts/freerange-terms.md");
    if !path.is_file() {
        eprintln!("skipping: {} is absent", path.display());
        return;
    }
    let library = ClauseLibrary::embedded();
    let doc = ingest::load(&path).expect("freerange draft");
    let analysis = Analyzer::new(&library).analyze(&doc, &Options { agency_party: Some("Go Free Range".into()) });
    let r = redline::plan(Draft::from_text(&doc), &analysis, &library, &[], options(Severity::Low));
    let ours = [Concern::AssignmentBeforePayment, Concern::BroadWorkProduct];
    let open: Vec<_> = r.open.iter().filter(|o| ours.contains(&o.concern)).map(|o| (o.concern, o.why)).collect();
    // What passes is already bounded by what it becomes part of (the Product): a point to
    // confirm on the call, not words to replace.
    assert_eq!(open, [(Concern::BroadWorkProduct, OpenReason::Bounded)], "left open: {open:?}");
    let edits: Vec<&redline::Change> = r.changes.iter().filter(|c| c.reasons.iter().any(|x| ours.contains(&x.concern))).collect();
    assert_eq!(edits.len(), 1, "one edit per problem: {edits:#?}");
    let paragraph = edits[0].paragraph;
    assert!(edits.iter().all(|c| c.paragraph == paragraph && c.new_clause.is_none()));
    let one_line = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let accepted = one_line(&r.accepted_paragraph(paragraph));
    assert!(
        accepted.contains(
            "Intellectual property in work created by us in the course of working on a Project and that also forms a part of the \
             Product (\"Project IP\") shall, upon receipt of full payment of the fees for it, (as a future assignment of \
             intellectual property) belong to you, subject to the licences set out in this agreement."
        ),
        "{accepted}"
    );
    // Only the words that change are struck: the definition of "Project IP" and the rest stay.
    for c in &edits {
        assert!(c.deleted.split_whitespace().count() <= 10, "change {} strikes {:?}", c.id, c.deleted);
    }
    let md = String::from_utf8(redline::render(&r, Path::new("x.md"), false).expect("markdown")).expect("utf-8");
    assert!(!md.contains("assignment-before-payment") && !md.contains("broad-work-product") && !md.contains("(high)"), "{md}");
}

/// A corpus draft's redline with the embedded library, the agency named as its labels do; None
/// (with a message) when the corpus is absent.
fn corpus_redline(name: &str, agency: &str) -> Option<Redline> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus").join(name);
    if !path.is_file() {
        eprintln!("skipping: {} is absent", path.display());
        return None;
    }
    let library = ClauseLibrary::embedded();
    let doc = ingest::load(&path).expect("corpus draft");
    let analysis = Analyzer::new(&library).analyze(&doc, &Options { agency_party: Some(agency.into()) });
    let draft = match doc.format {
        Format::Docx => Draft::from_docx(&doc, std::fs::read(&doc.path).expect("docx bytes")).expect("docx draft"),
        _ => Draft::from_text(&doc),
    };
    Some(redline::plan(draft, &analysis, &library, &[], options(Severity::Low)))
}

/// Enspyr's §2.1 assigns ("The Contributor hereby assigns to the Company, with full title
/// guarantee, all right, title, and interest in and to the Intellectual Property in the Project
/// Materials, ..."): as a lawyer would, its own words are edited (the payment condition after
/// the assignee, the Contributor's materials carved out; the object's breadth is answered by
/// the narrowed definition of "Project Materials"), rather than the sentence struck for the
/// library's assignment; and so is recital C, which says the same.
#[test]
fn an_assignment_is_edited_in_its_own_words_for_payment_scope_and_the_agencys_materials() {
    let Some(r) = corpus_redline("agency-drafts/enspyr-ip-assignment.md", "Contributor") else { return };
    let one_line = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let assignment: Vec<&redline::Change> = r.changes.iter().filter(|c| c.clause_label.starts_with("§2.1")).collect();
    assert_eq!(assignment.len(), 2, "{assignment:#?}");
    for c in &assignment {
        assert!(matches!(c.language, Language::Edited { .. }) && c.deleted.is_empty(), "change {} strikes {:?}", c.id, c.deleted);
    }
    assert!(
        one_line(&r.accepted_paragraph(assignment[0].paragraph)).starts_with(
            "2.1 The Contributor hereby assigns to the Company, upon receipt of full payment of the fees for the Project Materials, with full title \
             guarantee, all right, title, and interest in and to the Intellectual Property in the Project Materials, excluding \
             Contributor IP, including all existing and future rights"
        ),
        "{}",
        r.accepted_paragraph(assignment[0].paragraph)
    );
    let answered: Vec<Concern> = assignment.iter().flat_map(|c| c.reasons.iter().map(|r| r.concern)).collect();
    for concern in [Concern::AssignmentBeforePayment, Concern::PreExistingIp, Concern::MethodologyTransfer] {
        assert!(answered.contains(&concern), "{concern:?} not answered in §2.1");
    }
    let recital = r.changes.iter().find(|c| c.deleted.contains("in connection with")).expect("recital C narrowed");
    assert!(
        one_line(&r.accepted_paragraph(recital.paragraph)).contains(
            "the intellectual property in the deliverables created by the Contributor specifically for the Company under the \
             Project, excluding Contributor IP, upon receipt of full payment of the fees for it, is owned by the Company."
        ),
        "{}",
        r.accepted_paragraph(recital.paragraph)
    );
    // "Contributor IP" is defined once, in a paragraph of its own: never inside the sentence.
    let defined: Vec<&redline::Change> = r.changes.iter().filter(|c| c.inserted.contains("\"Contributor IP\" means")).collect();
    assert_eq!(defined.len(), 1);
    assert!(defined[0].new_clause.is_some(), "{:?}", defined[0]);
}

/// A term the redline needs goes in the draft's definitions section, in its style: at its
/// alphabetical place in enspyr's (whose "Intellectual Property" and "Project Materials" are in
/// order), numbered after the last in the demo's (typed "1.1" to "1.6", in no order).
#[test]
fn a_new_term_is_defined_in_the_drafts_definitions_section() {
    let Some(enspyr) = corpus_redline("agency-drafts/enspyr-ip-assignment.md", "Contributor") else { return };
    let text = |r: &Redline, p: usize| r.draft.text[r.draft.paragraphs[p].clone()].to_owned();
    let defined = |r: &Redline, term: &str| {
        let c = r.changes.iter().find(|c| c.inserted.contains(&format!("\"{term}\" means"))).unwrap_or_else(|| panic!("{term} defined"));
        assert!(c.new_clause.is_some() && c.inserted.starts_with(|ch: char| ch == '"' || ch.is_ascii_digit()), "{c:#?}");
        c.clone()
    };
    let ip = defined(&enspyr, "Contributor IP");
    assert_eq!(text(&enspyr, ip.paragraph), "### 1. Definitions", "before \"Intellectual Property\"");
    let exhibit = defined(&enspyr, "Exhibit A");
    let ids = |c: &redline::Change| c.id;
    assert!(ids(&ip) < ids(&exhibit), "in alphabetical order");
    // The draft's "Project Materials", narrowed to what is made for the Company, stands for the
    // library's "Deliverables": no second term for the same things.
    assert!(enspyr.changes.iter().all(|c| !c.inserted.contains("\"Deliverables\" means")));
    assert!(enspyr.changes.iter().any(|c| c.inserted.contains("To the extent the Company owns any Project Materials")));
    assert!(text(&enspyr, ip.paragraph + 1).contains("\"Intellectual Property\""));

    let Some((_, demo, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("client-draft-r1.md")) else { return };
    let methodology = defined(demo, "Provider Methodology");
    assert!(text(demo, methodology.paragraph).starts_with("1.6 "), "{}", text(demo, methodology.paragraph));
    let provider_ip = defined(demo, "Provider IP");
    assert!(provider_ip.inserted.starts_with("1.7 \"Provider IP\" means"), "{}", provider_ip.inserted);
    assert!(methodology.inserted.starts_with("1.8 \"Provider Methodology\" means"), "{}", methodology.inserted);
}

/// Each edit of the draft's own words carries its own short reason for counsel, from the
/// library's edit notes: why the payment condition, why the narrower object, why the carve-out;
/// not the clause's generic note, and nothing internal.
#[test]
fn each_phrase_edit_tells_counsel_why_that_edit() {
    let Some(r) = corpus_redline("agency-drafts/enspyr-ip-assignment.md", "Contributor") else { return };
    let generic = ClauseLibrary::embedded().get("ip-assignment").expect("ip-assignment").counsel_note.clone();
    let edits: Vec<&redline::Change> = r.changes.iter().filter(|c| c.clause_label.starts_with("§2.1")).collect();
    assert_eq!(edits.len(), 2);
    for c in &edits {
        assert!(!c.note.trim().is_empty(), "change {} has no reason for counsel", c.id);
        assert_ne!(c.note, generic.replace("Agency", "the Contributor"), "change {}: the clause's note", c.id);
    }
    // Recital C gave both reasons first (the payment, the narrowing and carve-out): §2.1
    // refers to them rather than giving them again.
    assert_eq!(edits[0].note, "For the reason given at \u{a7}C.");
    assert_eq!(edits[1].note, "For the reason given at \u{a7}C.");
    let md = String::from_utf8(redline::render(&r, Path::new("x.md"), false).expect("markdown")).expect("utf-8");
    for internal in ["assignment-before-payment", "broad-work-product", "(high)", "Talking point", "Concern:"] {
        assert!(!md.contains(internal), "{internal} reaches counsel");
    }
}

/// A change with nothing to say to counsel has no footnote, and leaves no gap in the numbers:
/// counsel reads `[^1]`, `[^2]`, `[^3]`, whatever the changes' own numbers.
#[test]
fn markdown_footnotes_are_numbered_in_turn_when_a_change_has_none() {
    let mut r = plan_doc(&fixture("numbered-draft.md"), &[], Severity::Low);
    assert!(r.changes.len() >= 3);
    r.changes[1].note.clear();
    let md = String::from_utf8(redline::render(&r, Path::new("x.md"), false).unwrap()).unwrap();
    let noted = r.changes.len() - 1;
    for k in 1..=noted {
        assert!(md.contains(&format!("\n[^{k}]: ")), "footnote {k} defined:\n{md}");
        assert_eq!(md.matches(&format!("[^{k}]")).count(), 2, "footnote {k} referenced once");
    }
    assert!(!md.contains(&format!("[^{}]", noted + 1)), "no gap, so no number past {noted}:\n{md}");
    assert!(md.contains(&format!("[^2]: {}", r.changes[2].note)), "the third change's note is the second footnote");
}

/// A sentence that speaks of the consent the redline replaces with a waiver (enspyr §3.2, "This
/// consent is genuine, given voluntarily") speaks of the waiver: never of words struck.
#[test]
fn a_sentence_about_the_replaced_consent_speaks_of_the_waiver() {
    let Some(r) = corpus_redline("agency-drafts/enspyr-ip-assignment.md", "Contributor") else { return };
    let replaced = r.changes.iter().find(|c| c.deleted.contains("consents to the Company")).expect("§3.1 replaced");
    assert!(replaced.inserted.contains("waives"), "{replaced:?}");
    let follow = r.changes.iter().find(|c| c.deleted == "consent").expect("§3.2 follows");
    assert_eq!((follow.inserted.as_str(), follow.clause_label.as_str()), ("waiver", "§3.2"));
    let accepted = r.accepted_paragraph(follow.paragraph).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(accepted.contains("This waiver is genuine, given voluntarily"), "{accepted}");
}

/// The draft's own term for the agency's prior work ("Pre-Existing Materials", defined in a
/// parenthesis) stands for the library's, and is not defined again in passing, where a clause
/// that only hands that work over is replaced; the plural term takes a plural pronoun.
#[test]
fn a_term_the_draft_defines_is_never_defined_again() {
    let doc = text(
        "pem.md",
        Format::Markdown,
        "# SERVICES AGREEMENT\n\nThis Agreement is between Acme Corp (\"Customer\") and Brightlabs Ltd (\"Provider\").\n\n1. Services. Provider shall provide the Services described in each Statement of Work, and may incorporate pre-existing frameworks, libraries and templates (\"Pre-Existing Materials\") created by Provider before this engagement into the Deliverables.\n\n2. Ownership. Upon payment of the fees, all Pre-Existing Materials incorporated in the Deliverables shall be the property of Customer.\n\n3. Fees. Customer shall pay the fees within 30 days of invoice.\n",
    );
    let library = ClauseLibrary::embedded();
    let analysis = Analyzer::new(&library).analyze(&doc, &Options::default());
    let r = redline::plan(Draft::from_text(&doc), &analysis, &library, &[], options(Severity::Low));
    let licence = r
        .changes
        .iter()
        .find(|c| c.inserted.contains("retains all right, title and interest in Pre-Existing Materials"))
        .expect("the licence of the Provider's materials");
    assert!(!licence.inserted.contains("(\"Pre-Existing Materials\")"), "{}", licence.inserted);
    assert!(licence.inserted.contains("nothing in this Agreement assigns or transfers them"), "{}", licence.inserted);
}

/// The internal brief counts what the changes do: edits of the draft's own words and new
/// definitions are not "passages struck and replaced".
#[test]
fn the_brief_counts_edits_and_definitions_for_what_they_are() {
    let Some(r) = corpus_redline("agency-drafts/enspyr-ip-assignment.md", "Contributor") else { return };
    let brief = redline::summary(&r, "enspyr-ip-assignment.md", "counter.md", &redline::Negotiation::default());
    let line = brief.lines().find(|l| l.starts_with("- Counter-proposal:")).expect("the count line");
    // "Company Data", "Contributor IP", and "Exhibit A" for the licence of the Contributor IP
    // carved out of the assignment; the narrowed "Project Materials" needs no "Deliverables".
    assert!(line.contains("edits of the draft's own words") && line.contains("3 definitions"), "{line}");
}

/// A missing carve-out of the agency's materials, found at an assignment that is edited anyway
/// (the Common Paper AI addendum's "Provider hereby assigns to Customer all right, title, and
/// interest—if any—in and to Output"), is said in that sentence ("excluding Provider IP"),
/// with the term defined once; and the payment condition put in before "Output" names it
/// rather than saying "it" before the word it stands for. What is carved out is licensed to
/// the client as it sits in the work, by the library's clause, since the draft licenses none of
/// the Provider's own materials.
#[test]
fn a_missing_carve_out_goes_into_the_assignment_that_is_edited() {
    let Some(r) = corpus_redline("dev/commonpaper-ai-addendum-v1.0.md", "Provider") else { return };
    let (carve, licence): (Vec<&redline::Change>, Vec<&redline::Change>) =
        r.changes.iter().filter(|c| c.reasons.iter().any(|r| r.concern == Concern::PreExistingIp)).partition(|c| c.new_clause.is_none());
    assert_eq!(carve.len(), 1, "{carve:#?}");
    assert!(matches!(carve[0].language, Language::Edited { .. }), "{:#?}", carve[0]);
    assert_eq!(licence.len(), 1, "{licence:#?}");
    assert!(licence[0].inserted.contains("Provider grants Customer a perpetual, non-exclusive"), "{:#?}", licence[0]);
    assert_eq!(carve[0].inserted, ", excluding Provider IP");
    let defined = r.changes.iter().filter(|c| matches!(&c.language, Language::Definition { term } if term.contains("Provider IP"))).count();
    assert_eq!(defined, 1, "Provider IP defined once");
    let sentence = r.accepted_paragraph(carve[0].paragraph).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        sentence.contains("Provider hereby assigns to Customer, upon receipt of full payment of the fees for Output, all right, title, and interest—if any—in and to Output, excluding Provider IP."),
        "{sentence}"
    );
}

/// A licence whose terms are the problem ("transferable, sublicensable") keeps its words: only
/// those terms are struck, with the commas around them, and a limitation goes in where the
/// licence reaches beyond what is delivered; the library's whole licence clause does not
/// replace it (cts-contractor's "Contractor ... hereby does, grant The Company a nonexclusive,
/// ..., transferable, sublicensable license"; dOrg's, already limited to the deliverables).
#[test]
fn a_licence_makes_only_its_transferable_and_sublicensable_terms_personal() {
    let one_line = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(cts) = corpus_redline("agency-drafts/cts-contractor.md", "Contractor") else { return };
    let struck = cts
        .changes
        .iter()
        .find(|c| c.reasons.iter().any(|r| r.concern == Concern::TransferableLicense))
        .expect("the transferable licence is answered");
    assert!(matches!(struck.language, Language::Edited { .. }), "{struck:#?}");
    // The draft writes "nonexclusive": the terms become "nontransferable, nonsublicensable".
    assert_eq!((struck.deleted.as_str(), struck.inserted.as_str()), ("", "non"));
    let accepted = one_line(&cts.accepted_paragraph(struck.paragraph));
    assert!(
        accepted.contains(
            "then Contractor will, and hereby does, grant The Company a nonexclusive, worldwide, perpetual, irrevocable, fully \
             paid-up, royalty-free, nontransferable, nonsublicensable license to use, modify, copy and distribute such \
             intellectual property solely as incorporated in the Work Product."
        ),
        "{accepted}"
    );
    assert!(!cts.changes.iter().any(|c| c.inserted.contains("non-sublicensable")), "the library's licence is not put in as well");
    let Some(dorg) = corpus_redline("agency-drafts/dorg-terms.md", "dOrg") else { return };
    let struck = dorg.changes.iter().find(|c| c.reasons.iter().any(|r| r.concern == Concern::TransferableLicense)).expect("answered");
    assert!(
        one_line(&dorg.accepted_paragraph(struck.paragraph)).contains(
            "dOrg grants Client a perpetual, irrevocable, royalty free, non-transferable, non-sub-licensable, worldwide, \
             non-exclusive licence to use such Background IP solely as incorporated into the Project deliverables. dOrg undertakes"
        ),
        "{}",
        dorg.accepted_paragraph(struck.paragraph)
    );
    assert!(!dorg.open.iter().any(|o| o.concern == Concern::PreExistingIp), "the limited licence answers the pre-existing IP finding");
}

/// Where `term` is defined in `paragraphs` (the accepted text) and where it is first used, each
/// as (paragraph, byte): the definition is the term in quotes ("Provider IP" means, (“Provider
/// IP”)), a use is the term as a whole word anywhere.
/// A place in the accepted text: (paragraph, byte).
type At = Option<(usize, usize)>;

fn definition_and_first_use(paragraphs: &[String], term: &str) -> (At, At) {
    let word = regex::Regex::new(&format!(r"\b{}\b", regex::escape(term))).expect("term pattern");
    let (mut defined, mut used) = (None, None);
    for (i, p) in paragraphs.iter().enumerate() {
        for m in word.find_iter(p) {
            let quoted = p[..m.start()].ends_with(['"', '\u{201c}']);
            if quoted && defined.is_none() {
                defined = Some((i, m.start()));
            }
            if used.is_none() {
                used = Some((i, m.start()));
            }
        }
    }
    (defined, used)
}

/// A term the redline introduces is never used before its definition: it is defined in the
/// draft's definitions section, or where it is first used (demo §4.1 used "Provider IP" and the
/// CIIAA "Employee IP" a clause or more before the change that defined it).
#[test]
fn a_term_the_redline_introduces_is_defined_before_it_is_used() {
    let means = regex::Regex::new(
        r#"^\s*(?:\d+(?:\.\d+)*\.?\s+)?["\u{201c}][^"\u{201d}]+["\u{201d}]\s+(?:means|shall mean|has the meaning|refers to)\b"#,
    )
    .expect("pattern");
    for (name, r, _) in real_redlines() {
        let paragraphs = r.accepted_paragraphs();
        let drafts_own = redline::defined_terms(&r.draft.analysed);
        // The definitions section's paragraphs: a definition put among them may follow a use in
        // a recital.
        let in_section = |c: &redline::Change| {
            matches!(c.language, Language::Definition { .. })
                && [Some(c.paragraph), c.paragraph.checked_add(1)]
                    .into_iter()
                    .flatten()
                    .filter_map(|i| r.draft.paragraphs.get(i))
                    .any(|p| means.is_match(&r.draft.analysed[p.clone()]))
        };
        for c in &r.changes {
            for term in redline::defined_terms(&c.inserted) {
                let term = term.trim_start_matches("the ").to_owned();
                if drafts_own.iter().any(|d| d.trim_start_matches("the ") == term) || in_section(c) {
                    continue;
                }
                let (defined, used) = definition_and_first_use(&paragraphs, &term);
                let (Some(defined), Some(used)) = (defined, used) else { continue };
                // The library's own drafting, in a draft with no definitions section: "... the
                // Client IP in that Deliverable. "Client IP" means ...".
                // Or the definition is in the paragraph of the first use, in a sentence after it.
                let same_words = used.0 == defined.0;
                // Or the first use is in a list's item, which ends no sentence, and the
                // definition is a paragraph of its own after the list.
                let after_list = matches!(c.language, Language::Definition { .. })
                    && c.new_clause.is_some()
                    && used.0 < defined.0
                    && paragraphs[used.0..defined.0].iter().all(|p| !p.trim_end().ends_with(['.', '!', '?']));
                assert!(
                    used >= defined || same_words || after_list,
                    "{name}: \"{term}\" is used in paragraph {} before change {} ({}) defines it in paragraph {}:\n  {}",
                    used.0,
                    c.id,
                    c.clause_label,
                    defined.0,
                    paragraphs[used.0]
                );
            }
        }
    }
}

/// One name for one thing: once the demo's §4.1 narrows "All Work Product" to "The Deliverables
/// created specifically for Client", its next sentence assigns "the Deliverables", not "the
/// Work Product".
#[test]
fn a_narrowed_object_keeps_its_new_name_in_the_rest_of_its_clause() {
    let Some((_, demo, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("client-draft-r1.md")) else { return };
    let narrowed = demo
        .changes
        .iter()
        .find(|c| c.clause_label.starts_with("§4.1") && c.deleted == "All Work Product")
        .expect("§4.1's object is narrowed");
    let accepted = demo.accepted_paragraph(narrowed.paragraph);
    assert!(accepted.contains("The Deliverables created specifically for Client"), "{accepted}");
    assert!(accepted.contains("assigns to Client all right, title and interest in and to the Deliverables,"), "{accepted}");
    assert!(!accepted.contains("Work Product"), "{accepted}");
}

/// A promise made as a list loses only its risky item: the demo's §6.1 warrants four things,
/// one of which ("(c) the Deliverables are wholly original and do not contain any open source
/// software ...") no agency can give; item (c) is struck, the other three and the "; and" before
/// the last stand, the last is relettered "(c)", and the finding is not left open.
#[test]
fn one_item_of_a_list_of_warranties_is_struck_not_the_clause() {
    // An item that only claims originality is struck; the demo's (c) also promises that no
    // components are in the work, a promise that stands for those the client was not told of.
    let library = ClauseLibrary::embedded();
    let body = "# Agreement\n\n## 6. Warranties\n\nProvider represents and warrants that (a) it has the right to enter into this Agreement; (b) the Services will be performed by qualified personnel; (c) the Deliverables are wholly original; and (d) the Deliverables are free and clear of all liens.\n";
    let doc = text("warranties.md", Format::Markdown, body);
    let analysis = Analyzer::new(&library).analyze(&doc, &Options { agency_party: Some("Provider".into()) });
    let r = redline::plan(Draft::from_text(&doc), &analysis, &library, &[], options(Severity::Low));
    let struck = r.changes.iter().find(|c| c.deleted.starts_with("(c) the Deliverables are wholly original")).expect("(c) struck");
    assert!(struck.inserted.is_empty() && !struck.note.is_empty() && struck.reasons.iter().any(|r| r.concern == Concern::OpenSource));
    let accepted = r.accepted_paragraph(struck.paragraph);
    assert!(
        accepted.contains("(b) the Services will be performed by qualified personnel; and (c) the Deliverables are free and clear"),
        "{accepted}"
    );
    // The later item is relettered as a tracked edit of its own: "(d)" becomes "(c)".
    let relettered = r.changes.iter().find(|c| c.deleted == "d").expect("(d) relettered");
    assert_eq!(relettered.inserted, "c");
    assert!(matches!(relettered.language, Language::Edited { .. }) && !relettered.note.is_empty());
    let Some((_, demo, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("client-draft-r1.md")) else { return };
    let warranty = accepted_with(demo, "6.1 Provider represents");
    assert!(warranty.contains("(c) the Deliverables do not contain any open source software, copyleft code or other third party components, other than those identified to Client in writing; and (d)"), "{warranty}");
    assert!(
        !demo.open.iter().any(|o| o.concern == Concern::OpenSource && o.clause_label.as_deref().is_some_and(|l| l.starts_with("§6.1")))
    );
}

/// The CIIAA is an employee's agreement: nothing the redline inserts speaks of fees, payment,
/// the agency's personnel or its other clients; the payment findings are left open saying why,
/// and what fits (the licence's transferable and sublicensable terms struck) is still done.
#[test]
fn an_employment_agreement_gets_no_fee_or_agency_wording() {
    let Some((_, ciiaa, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("openagreements-ciiaa.docx")) else { return };
    let agency_only =
        regex::Regex::new(r"(?i)\b(?:fees?|payments?|paid|its personnel|other clients|for any client|engagements?)\b").expect("pattern");
    for c in &ciiaa.changes {
        assert!(!agency_only.is_match(&c.inserted), "change {} ({}) inserts agency wording: {}", c.id, c.clause_label, c.inserted);
    }
    assert!(ciiaa.open.iter().any(|o| o.concern == Concern::AssignmentBeforePayment && o.why == OpenReason::NotForEmployment));
    let licence =
        ciiaa.changes.iter().find(|c| c.reasons.iter().any(|r| r.concern == Concern::TransferableLicense)).expect("licence edited");
    let accepted = ciiaa.accepted_paragraph(licence.paragraph);
    assert!(matches!(licence.language, Language::Edited { .. }) && accepted.contains("non-transferable"), "{accepted}");
}

/// The CIIAA's §3 says copyrightable works "are works made for hire for Company": a statement
/// of who owns. What replaces it must allocate ownership as well, read by the provision reader:
/// never the promise to sign documents "to confirm Company's ownership ... after it has been
/// assigned", which transfers nothing of its own. It is edited in its own words or left open.
#[test]
fn a_work_made_for_hire_statement_is_not_replaced_by_a_promise_to_sign_documents() {
    let Some((_, ciiaa, names)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("openagreements-ciiaa.docx")) else { return };
    for c in ciiaa.changes.iter().filter(|c| c.deleted.contains("works made for hire")) {
        assert!(!c.inserted.contains("sign any document"), "change {} ({}) replaces it with: {}", c.id, c.clause_label, c.inserted);
        assert!(
            c.inserted.is_empty()
                || redline::keeps_function(&c.deleted, &c.inserted, names)
                || matches!(c.language, Language::Edited { .. }),
            "{c:#?}"
        );
    }
    let hire = ciiaa
        .draft
        .paragraphs
        .iter()
        .position(|p| ciiaa.draft.analysed[p.clone()].contains("are works made for hire"))
        .expect("the hire-work sentence");
    let accepted = ciiaa.accepted_paragraph(hire);
    assert!(!accepted.contains("sign any document reasonably required"), "{accepted}");
}

/// A carve-out of the agency's own materials uses the draft's term for them, read by the
/// provision reader, rather than a term of the library's: the CIIAA's "Prior Inventions" (a
/// term of its cover page), never "Employee IP", with the methods its term does not reach
/// named beside it.
#[test]
fn a_carve_out_uses_the_drafts_own_term_for_the_agencys_prior_work() {
    let Some((_, ciiaa, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("openagreements-ciiaa.docx")) else { return };
    for c in &ciiaa.changes {
        assert!(!c.inserted.contains("Employee IP"), "change {} ({}) introduces Employee IP: {}", c.id, c.clause_label, c.inserted);
    }
    let carve = ciiaa.changes.iter().find(|c| c.inserted.contains("excluding")).expect("a carve-out");
    assert!(carve.inserted.starts_with(", excluding Prior Inventions"), "{}", carve.inserted);
    assert!(carve.reasons.iter().any(|r| r.concern == Concern::MethodologyTransfer), "{carve:#?}");
}

/// The demo's §4.4 licenses "materials described in Section 4.3", and §4.3 is struck: the
/// licence is edited in its own words all the same, its condition rewritten in the draft's
/// terms ("To the extent the Deliverables incorporate Provider IP"), rather than replaced by
/// the library's licence clause or left citing a clause that no longer says it.
#[test]
fn a_licence_citing_a_struck_clause_is_edited_with_its_condition_rewritten() {
    let Some((_, demo, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("client-draft-r1.md")) else { return };
    let licence: Vec<&redline::Change> = demo.changes.iter().filter(|c| c.clause_label.starts_with("\u{a7}4.4")).collect();
    assert!(!licence.is_empty());
    for c in &licence {
        assert!(matches!(c.language, Language::Edited { .. }), "change {} is not an edit: {c:#?}", c.id);
    }
    let accepted = demo.accepted_paragraph(licence[0].paragraph);
    assert!(accepted.contains("To the extent the Deliverables incorporate Provider IP, Provider grants Client"), "{accepted}");
    assert!(accepted.contains("a non-exclusive") && !accepted.contains("Section 4.3"), "{accepted}");
    assert!(accepted.contains("royalty-free, non-transferable and non-sublicensable license"), "{accepted}");
}

/// Counsel reads each reason once per clause: the demo's §4.4 licence is edited five times
/// (the condition, the payment, "non-", the struck terms, "that Provider IP", "solely as
/// incorporated"), for three reasons; no sentence of a note for counsel is repeated by another
/// change of the same clause, in any real redline, and each reason is still given once.
#[test]
fn each_reason_for_counsel_is_given_once_per_clause() {
    for (name, r, _) in real_redlines() {
        let mut said: Vec<(&str, String)> = Vec::new();
        for c in r.changes.iter().filter(|c| c.new_clause.is_none()) {
            // A pointer to a reason given in another clause ("For the reason given at §C.") is
            // no reason repeated: each change it stands for carries it.
            for s in sentences(&c.note).into_iter().filter(|s| !s.starts_with("For the reason given at")) {
                let key = (c.clause_label.as_str(), s);
                assert!(!said.contains(&key), "{name}: change {} repeats for counsel in {}: {}", c.id, key.0, key.1);
                said.push(key);
            }
        }
    }
    let Some((_, demo, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("client-draft-r1.md")) else { return };
    let notes: Vec<&str> =
        demo.changes.iter().filter(|c| c.clause_label.starts_with("\u{a7}4.4") && !c.note.is_empty()).map(|c| c.note.as_str()).collect();
    assert_eq!(notes.len(), 3, "{notes:#?}");
    let md = String::from_utf8(redline::render(demo, Path::new("x.md"), false).expect("markdown")).expect("utf-8");
    let footnotes = md.lines().filter(|l| l.starts_with("[^")).count();
    let with_note = demo.changes.iter().filter(|c| !c.note.is_empty()).count();
    assert_eq!(footnotes, with_note, "a footnote per change with a note, no empty one");
}

/// A Markdown draft that numbers every clause "1." (cts-contractor, a list Markdown numbers for
/// the reader) gets new clauses after two of them: each takes a label no other clause has, in
/// document order, and the brief names each by that label. In every real
/// redline, no two new clauses share a number.
#[test]
fn inserted_clauses_get_distinct_labels_in_sequence() {
    for (name, r, _) in real_redlines() {
        let numbers: Vec<&str> = r.changes.iter().filter_map(|c| c.new_clause.as_ref()?.number.as_deref()).collect();
        for (i, n) in numbers.iter().enumerate() {
            assert!(!numbers[..i].contains(n), "{name}: two new clauses numbered {n}: {numbers:?}");
        }
    }
    let Some(r) = corpus_redline("agency-drafts/cts-contractor.md", "Contractor") else { return };
    let numbers: Vec<&str> = r.changes.iter().filter_map(|c| c.new_clause.as_ref()?.number.as_deref()).collect();
    // Numbered as its items read (see `clauses_of_a_markdown_list_are_numbered_as_a_reader_sees_them`).
    assert_eq!(numbers, ["2.6", "2.7", "2.8"]);
    let brief = redline::summary(&r, "cts-contractor.md", "x.md", &redline::Negotiation::default());
    assert!(brief.contains("new clause 2.8 License back"), "{brief}");
}

/// The accepted text of the paragraph of `redline` that holds `words` in the draft.
fn accepted_with(redline: &Redline, words: &str) -> String {
    let p = redline
        .draft
        .paragraphs
        .iter()
        .position(|p| redline.draft.analysed[p.clone()].contains(words))
        .unwrap_or_else(|| panic!("no paragraph holds {words:?}"));
    redline.accepted_paragraph(p)
}

/// A definition is edited as a definition: the CIIAA's "Covered Inventions" (all inventions
/// Employee makes "during employment") keeps its name, its list and its sentence and is
/// narrowed to what Employee makes specifically for Company, never redefined as "the trained
/// model weights and configuration files" (the library's definition of models, another thing).
/// The models and methods it sweeps in are answered where it passes, by §2's carve-out, not a
/// second time in the definition. The demo's "Models" may still take the library's
/// definition of models.
#[test]
fn a_definition_is_narrowed_in_its_own_words_not_replaced_by_another_things() {
    let Some((_, ciiaa, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("openagreements-ciiaa.docx")) else { return };
    let accepted = accepted_with(ciiaa, "\u{201c}Covered Inventions\u{201d} means");
    assert!(
        accepted.contains(
            "\u{201c}Covered Inventions\u{201d} means all inventions, software, works of authorship, discoveries, improvements, designs, data models, and other intellectual property that Employee makes, conceives, develops, or reduces to practice, alone or with others, specifically for Company during employment,"
        ),
        "{accepted}"
    );
    for c in &ciiaa.changes {
        assert!(!c.inserted.contains("model weights") && !c.inserted.contains("Methodology"), "change {}: {}", c.id, c.inserted);
    }
    let definition: Vec<&redline::Change> = ciiaa.changes.iter().filter(|c| c.clause_label.starts_with("\u{a7}1.1")).collect();
    assert!(definition.iter().all(|c| matches!(c.language, Language::Edited { .. })), "{definition:#?}");
    for concern in [Concern::ModelOwnership, Concern::MethodologyTransfer, Concern::Derivatives, Concern::JointIp] {
        assert!(
            !ciiaa.open.iter().any(|o| o.concern == concern && o.clause_label.as_deref().is_some_and(|l| l.starts_with("\u{a7}1.1"))),
            "{concern:?} left open in §1.1"
        );
    }
    let Some((_, demo, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("client-draft-r1.md")) else { return };
    assert!(accepted_with(demo, "1.4 \"Models\" means").contains("\"Models\" means the trained model weights"));
}

/// A non-compete is edited as a non-compete, along the library's narrow-scope rung, in the
/// draft's words: the demo's §8.1 runs twelve months, not twenty-four, bars a system like the
/// Deliverables for Client's competitors, not all "machine learning or analytics services" nor
/// the whole healthcare analytics industry; the CIIAA's duty of loyalty loses "competes with
/// Company" and keeps "materially conflicts with Employee's duties". Neither cites "Schedule B",
/// which neither draft has.
#[test]
fn a_non_compete_is_narrowed_as_a_non_compete() {
    let Some((_, demo, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("client-draft-r1.md")) else { return };
    assert_eq!(
        accepted_with(demo, "8.1 During the Term"),
        "8.1 During the Term and for twelve (12) months thereafter, Provider shall not, directly or indirectly, develop a system substantially similar to the Deliverables for any competitor of Client."
    );
    let Some((_, ciiaa, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("openagreements-ciiaa.docx")) else { return };
    let accepted = accepted_with(ciiaa, "While performing services for Company");
    assert!(
        accepted.starts_with("While performing services for Company, Employee will not, without Company's written consent, engage in any business or activity that materially conflicts with Employee's duties to Company."),
        "{accepted}"
    );
}

/// A counter-proposal never points at a document nobody has: every schedule, annex, appendix
/// or attachment that inserted words name is one the draft has (the library's "Schedule B" of
/// competitors is not cited, nor defined as a list nobody attached). Exhibits are the
/// registry's, added with their definition.
#[test]
fn no_redline_cites_an_attachment_the_draft_lacks() {
    let attachment = regex::Regex::new(r"\b(?:Schedule|Annex|Appendix|Attachment)\s+[A-Z0-9]\b").expect("pattern");
    for (name, r, _) in real_redlines() {
        for c in &r.changes {
            for m in attachment.find_iter(&c.inserted) {
                assert!(
                    r.draft.analysed.contains(m.as_str()),
                    "{name}: change {} ({}) cites {}: {}",
                    c.id,
                    c.clause_label,
                    m.as_str(),
                    c.inserted
                );
            }
        }
    }
}

/// The CIIAA's work-made-for-hire statement gets the smallest edit a lawyer would make for an
/// employee, along the library's narrow-scope rung (only what is made for the client, here
/// named by the draft's own term as §1.1 narrows it; the agency's own materials excluded; no
/// payment condition in an employment agreement): it stays a work-made-for-hire statement
/// and the finding is not left open.
#[test]
fn a_work_made_for_hire_statement_is_narrowed_in_its_own_words() {
    let Some((_, ciiaa, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("openagreements-ciiaa.docx")) else { return };
    let accepted = accepted_with(ciiaa, "are works made for hire");
    assert!(
        accepted.starts_with(
            "To the extent legally permitted, copyrightable Covered Inventions, excluding Prior Inventions, are works made for hire for Company."
        ),
        "{accepted}"
    );
    assert!(!ciiaa.open.iter().any(|o| o.concern == Concern::WorkMadeForHire), "{:#?}", ciiaa.open);
}

/// When a struck item makes later items relettered, the clause's citations of them follow
/// wherever they are in it: in the lead-in before the list, later in its paragraph, and in its
/// other paragraphs ("as set out in (d)" becomes "(c)"); the citations of another clause do
/// not change, and neither does a paragraph with a list of its own.
#[test]
fn citations_of_relettered_items_follow_anywhere_in_the_clause() {
    let library = ClauseLibrary::embedded();
    let body = "# Agreement\n\n## 6. Warranties\n\nExcept as set out in (d), Provider represents and warrants that (a) it has the right to enter into this Agreement; (b) the Services will be performed by qualified personnel; (c) the Deliverables are wholly original; and (d) the Deliverables are free and clear of all liens.\n\nThe warranty in (d) survives acceptance of the Deliverables.\n\n## 7. Remedies\n\nClient's remedy under (d) is the one set out in Section 6.\n";
    let doc = text("warranties.md", Format::Markdown, body);
    let analysis = Analyzer::new(&library).analyze(&doc, &Options { agency_party: Some("Provider".into()) });
    let r = redline::plan(Draft::from_text(&doc), &analysis, &library, &[], options(Severity::Low));
    let accepted = r.accepted_paragraphs().join("\n");
    assert!(accepted.contains("Except as set out in (c), Provider represents"), "{accepted}");
    assert!(accepted.contains("; and (c) the Deliverables are free and clear"), "{accepted}");
    assert!(accepted.contains("The warranty in (c) survives acceptance"), "{accepted}");
    assert!(accepted.contains("Client's remedy under (d) is"), "another clause's citation stays: {accepted}");
    let relettered: Vec<&redline::Change> = r.changes.iter().filter(|c| c.deleted == "d" && c.inserted == "c").collect();
    assert_eq!(relettered.len(), 3, "{relettered:#?}");
    assert!(relettered.iter().all(|c| matches!(c.language, Language::Edited { .. })));
}

/// The internal brief names each place as a reader of the draft sees it: a body paragraph under
/// a numbered heading is in that clause ("§2 Assignment of Inventions"), never "¶18", a number
/// no reader sees (the CIIAA's open points, the demo's Exhibit A).
#[test]
fn the_brief_names_places_by_the_numbers_and_headings_a_reader_sees() {
    for (name, r, _) in real_redlines() {
        let brief = redline::summary(r, name, "counter.md", &redline::Negotiation::default());
        assert!(!brief.contains('\u{b6}'), "{name}: a paragraph number no reader sees:\n{brief}");
    }
}

/// A definition put in place of a definition says what its term means and nothing else: the
/// demo's §1.3 "Work Product" took the library's narrowed definition with its operative
/// sentence ("Title to each Deliverable passes to Client upon ... payment"), a definition that
/// transfers, which counsel would move to the assignment (§4.1 already says it). Checked on
/// every real redline: each sentence of an inserted definition speaks of its term.
#[test]
fn a_definition_in_place_of_a_definition_holds_no_operative_sentence() {
    let quoted = regex::Regex::new(r#"^\W*["\u{201c}]([^"\u{201d}]+)["\u{201d}] means\b"#).unwrap();
    for (name, r, _) in real_redlines() {
        for c in &r.changes {
            let Some(term) = quoted.captures(&c.inserted).map(|m| m[1].to_owned()) else { continue };
            for s in sentences(&c.inserted) {
                assert!(s.contains(&term), "{name} {}: a sentence of the definition of {term} is not about it: {s}", c.clause_label);
            }
        }
    }
    let Some((_, demo, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("client-draft-r1.md")) else { return };
    let definition = accepted_with(demo, "1.3 \"Work Product\" means");
    assert!(!definition.contains("Title to each Deliverable passes"), "{definition}");
    assert!(definition.contains("Work Product excludes Provider IP"), "{definition}");
}

/// A statement that the agency keeps nothing is edited, not replaced: the demo round 2's §5.9
/// "Except as set out in Sections 5.4 and 5.10, Provider shall retain no right, ..." lost the
/// client's own cross-references to the library's licence back; now the licence back is its
/// exception, and round 1's §4.8 the same.
#[test]
fn a_clause_keeping_nothing_for_the_agency_gets_the_licence_back_as_its_exception() {
    for (round, start) in [("client-draft-r2.md", "5.9 No Retained Rights."), ("client-draft-r1.md", "4.8 No Retained Rights.")] {
        let Some((_, demo, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with(round)) else { return };
        let clause = accepted_with(demo, start);
        assert!(clause.contains("Provider shall retain no right, title, license or interest in or to any Work Product, other than a perpetual, irrevocable, royalty-free license to use the general methodologies"), "{round}: {clause}");
        let change = demo.changes.iter().find(|c| c.reasons.iter().any(|r| r.concern == Concern::NoLicenseBack)).expect("the licence back");
        assert!(matches!(change.language, Language::Edited { .. }) && change.deleted.is_empty(), "{round}: {change:#?}");
    }
    let Some((_, r2, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("client-draft-r2.md")) else { return };
    assert!(
        accepted_with(r2, "5.9 No Retained Rights.").starts_with("5.9 No Retained Rights. Except as set out in Sections 5.4 and 5.10,")
    );
}

/// A promise not to use the know-how gained on the work takes away what a residuals clause
/// keeps: the demo's §8.2 ("shall not use any knowledge, skills or experience gained in
/// performing the Services for the benefit of any other client") stood unedited beside the
/// new §4.10 Residuals. Its object is narrowed to what is Client's, and the residuals clause
/// still goes in (a narrowed bar grants nothing). Read as a bar on serving other clients too
/// (a non-compete), it is answered by the same edit, not replaced.
#[test]
fn a_promise_barring_the_agencys_know_how_is_narrowed_to_the_clients_information() {
    let Some((_, demo, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("client-draft-r1.md")) else { return };
    assert_eq!(
        accepted_with(demo, "8.2 Provider shall not use"),
        "8.2 Provider shall not use Client's Confidential Information or Client Data for the benefit of any other client."
    );
    assert!(demo.changes.iter().any(|c| c.new_clause.as_ref().is_some_and(|n| n.heading == "Residuals")), "the residuals clause stays");
    assert!(!demo.open.iter().any(|o| o.concern == Concern::NoResiduals), "{:#?}", demo.open);
    // §5.2's bar on Client Data loses only its limb on the methods worked out on the data, as
    // round 2's §6.2 does: the smaller edit, not the library's restriction in its place.
    let kept = accepted_with(demo, "5.2 Restrictions.");
    assert!(
        kept.starts_with("5.2 Restrictions. Provider shall not use Client Data for the benefit of any person other than Client"),
        "{kept}"
    );
}

/// The residuals clause speaks the draft's words: what the agency learns "in performing the
/// Services" (the demo), and for an employee what they learn "during employment" (the CIIAA,
/// whose 3A spoke of "performing this Agreement", which an employee does not perform), with no
/// data term defined for it alone (an employee's confidentiality covers the employer's data).
#[test]
fn the_residuals_clause_speaks_of_the_work_in_the_drafts_words() {
    let Some((_, demo, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("client-draft-r1.md")) else { return };
    let residuals = |r: &Redline| {
        r.changes.iter().find(|c| c.new_clause.as_ref().is_some_and(|n| n.heading == "Residuals")).map(|c| c.inserted.clone())
    };
    assert!(residuals(demo).expect("demo residuals").contains("acquired or developed in performing the Services and retained"));
    let Some((_, ciiaa, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("openagreements-ciiaa.docx")) else { return };
    let text = residuals(ciiaa).expect("CIIAA residuals");
    assert!(text.contains("acquired or developed during employment and retained in Employee's unaided memory"), "{text}");
    assert!(!text.contains("performing") && !text.contains("Company Data"), "{text}");
    assert!(!ciiaa.changes.iter().any(|c| c.inserted.contains("\"Company Data\"") || c.inserted.contains("\u{201c}Company Data\u{201d}")));
}

/// Once the redline narrows the draft's own term for what passes (the CIIAA's "Covered
/// Inventions", made "specifically for Company"), the other sentences that describe what
/// passes in broad words name that term rather than saying "specifically for Company" again:
/// the phrase went in three times (§1.1, §2, §3).
#[test]
fn a_narrowed_definition_is_named_where_the_draft_describes_what_passes_again() {
    let Some((_, ciiaa, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("openagreements-ciiaa.docx")) else { return };
    let narrowed = ciiaa.changes.iter().filter(|c| c.inserted.contains("specifically for Company")).count();
    assert_eq!(narrowed, 1, "{:#?}", ciiaa.changes.iter().map(|c| (&c.clause_label, &c.inserted)).collect::<Vec<_>>());
    let scope = accepted_with(ciiaa, "This assignment covers");
    assert!(scope.contains("This assignment covers all Covered Inventions, except for the inventions carved out"), "{scope}");
    let named = ciiaa.changes.iter().find(|c| c.inserted == "Covered Inventions").expect("the term in place of broad words");
    assert!(named.note.contains("\u{a7}1.1"), "{}", named.note);
}

/// A Markdown list numbers its items in turn whatever digits are typed, and cts-contractor
/// cites its items as "Section 2.1 or 2.2": its redline names and numbers clauses that way.
/// The new clauses were "1A"-"1C" between items typed "1.", so the rendered list began again
/// at 1 after each; now they follow the section's last item as 2.6-2.8, and the brief names
/// the ownership clause §2.3.
#[test]
fn clauses_of_a_markdown_list_are_numbered_as_a_reader_sees_them() {
    let Some(r) = corpus_redline("agency-drafts/cts-contractor.md", "Contractor") else { return };
    let labels: Vec<String> = r.changes.iter().filter_map(|c| c.new_clause.as_ref()?.number.clone()).collect();
    assert_eq!(labels, ["2.6", "2.7", "2.8"]);
    assert!(
        r.changes.iter().any(|c| c.clause_label == "\u{a7}2.3 Ownership of Work Product"),
        "{:#?}",
        r.changes.iter().map(|c| &c.clause_label).collect::<Vec<_>>()
    );
    // No new paragraph sits between two items of a list unindented (which restarts the list).
    let md = String::from_utf8(redline::render(&r, Path::new("x.md"), false).expect("markdown")).expect("utf-8");
    let blocks: Vec<&str> = md.split("\n\n").collect();
    for w in blocks.windows(2) {
        if w[0].starts_with("**") {
            assert!(!w[1].starts_with("1. "), "a list restarts after a new paragraph:\n{}\n\n{}", w[0], w[1]);
        }
    }
}

/// Relettering follows citations by the clause's number from other clauses ("Section 6(d)"
/// becomes "6(c)"), and is not done at all when something cites the struck item itself: "the
/// warranty in (c)" would then name what was (d). The labels stay, "(b) ...; and (d) ...".
#[test]
fn relettering_follows_numbered_citations_and_the_struck_items_citation_goes() {
    let library = ClauseLibrary::embedded();
    let list = "Provider represents and warrants that (a) it has the right to enter into this Agreement; (b) the Services will be performed by qualified personnel; (c) the Deliverables are wholly original; and (d) the Deliverables are free and clear of all liens.";
    let plan_of = |body: String| {
        let doc = text("warranties.md", Format::Markdown, &body);
        let analysis = Analyzer::new(&library).analyze(&doc, &Options { agency_party: Some("Provider".into()) });
        redline::plan(Draft::from_text(&doc), &analysis, &library, &[], options(Severity::Low)).accepted_paragraphs().join("\n")
    };
    let other = plan_of(format!(
        "# Agreement\n\n## 6. Warranties\n\n{list}\n\n## 7. Remedies\n\nClient's sole remedy for a breach of Section 6(d) is re-performance.\n"
    ));
    assert!(other.contains("; and (c) the Deliverables are free and clear"), "{other}");
    assert!(other.contains("a breach of Section 6(c) is re-performance"), "{other}");
    // A citation of the struck item itself goes with it (see
    // `citations_of_a_struck_item_go_with_it_and_the_rest_follow_the_relettering`).
    let cited =
        plan_of(format!("# Agreement\n\n## 6. Warranties\n\n{list}\n\nThe warranty in (c) survives acceptance of the Deliverables.\n"));
    assert!(!cited.contains("wholly original"), "the item is struck: {cited}");
    assert!(cited.contains("; and (c) the Deliverables are free and clear"), "relettered: {cited}");
    assert!(!cited.contains("The warranty in (c) survives"), "{cited}");
}

/// Nothing inserted speaks of "the agency", the tool's own word for the side it works for: the
/// new clause from the library's agency-IP licence was headed "Developer IP stays with the
/// agency" (cts-development, bcgov). Its heading is now the clause's subject in the draft's
/// names ("Developer IP license").
#[test]
fn no_inserted_words_speak_of_the_agency() {
    for (name, r, _) in real_redlines() {
        for c in &r.changes {
            let text = c.clause_text(true);
            assert!(!text.contains("the agency") && !text.contains(" agency's"), "{name} {}: {text}", c.clause_label);
        }
    }
}

/// An "IP assignment" clause goes in only where the draft gives the client the work: trainlog's
/// collaboration makes "All code, features, and contributions ... jointly owned by both
/// parties", so the agency would volunteer an assignment nobody asked for. The payment finding
/// stays open, with its reason; a draft that gives the client the work still gets the clause.
#[test]
fn an_assignment_clause_goes_in_only_where_the_draft_gives_the_client_the_work() {
    let library = ClauseLibrary::embedded();
    let redline_of = |body: &str| {
        let doc = text("collab.txt", Format::Txt, body);
        let analysis = Analyzer::new(&library).analyze(&doc, &Options { agency_party: Some("Developer".into()) });
        let missing_payment = analysis
            .findings
            .iter()
            .any(|f| f.concern == Concern::AssignmentBeforePayment && f.kind == clauseguard::analysis::FindingKind::Missing);
        (missing_payment, redline::plan(Draft::from_text(&doc), &analysis, &library, &[], options(Severity::Low)))
    };
    let assigns = |r: &Redline| r.changes.iter().any(|c| c.new_clause.is_some() && c.inserted.contains(" assigns to "));
    let joint = "COLLABORATION AGREEMENT\n\nThis agreement is made between the Owner and the Developer.\n\n1. Confidentiality\n\n\
                 The Developer shall keep the shared code confidential.\n\n2. Shared Ownership\n\nAll code, features and \
                 contributions developed as part of this collaboration will be jointly owned by both parties.\n\n3. Term\n\n\
                 This agreement lasts one year.\n";
    let (flagged, r) = redline_of(joint);
    assert!(flagged, "the joint ownership is read as a transfer without a payment condition");
    assert!(!assigns(&r), "{:#?}", r.changes.iter().map(|c| &c.inserted).collect::<Vec<_>>());
    assert!(
        r.open.iter().any(|o| o.concern == Concern::AssignmentBeforePayment && o.why == OpenReason::NothingPassesToClient),
        "{:?}",
        r.open
    );

    if let Some(r) = corpus_redline("agency-drafts/trainlog-collab.docx", "Collaborating Developer") {
        assert!(!assigns(&r), "{:#?}", r.changes.iter().map(|c| &c.inserted).collect::<Vec<_>>());
        assert!(r.open.iter().any(|o| o.concern == Concern::AssignmentBeforePayment && o.why == OpenReason::NothingPassesToClient));
    }
}

/// Where the redline strips transferability from a licence, the licence says it is personal:
/// demo §4.4 struck "transferable and sublicensable" and its note said "personal to Client",
/// but the text said nothing, so `--clean` read again still carried the low "licence silent
/// on transfer" finding. The terms are now made "non-transferable" and "non-sublicensable",
/// in the draft's way of writing "non" (cts-contractor's "nonexclusive": "nontransferable").
#[test]
fn a_licence_stripped_of_its_transfer_says_it_is_non_transferable() {
    for (name, r, _) in real_redlines() {
        let stripped = |c: &&redline::Change| {
            matches!(c.language, Language::Edited { .. }) && c.reasons.iter().any(|x| x.concern == Concern::TransferableLicense)
        };
        for c in r.changes.iter().filter(stripped) {
            let was = r.draft.analysed[r.draft.paragraphs[c.paragraph].clone()].to_lowercase();
            let now = r.accepted_paragraph(c.paragraph).to_lowercase();
            if was.contains("transferable") && !was.contains("non-transferable") && !was.contains("nontransferable") {
                assert!(now.contains("non-transferable") || now.contains("nontransferable"), "{name} {}: {now}", c.clause_label);
            }
        }
    }
    let Some((_, demo, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("client-draft-r1.md")) else { return };
    let clean = String::from_utf8(redline::render(demo, Path::new("clean.md"), true).expect("markdown")).expect("utf-8");
    let doc = text("clean.md", Format::Markdown, &clean);
    let analysis = Analyzer::new(&ClauseLibrary::embedded()).analyze(&doc, &Options::default());
    let silent: Vec<_> = analysis.findings.iter().filter(|f| f.rule.ends_with("licence-silent-on-transfer")).collect();
    assert!(silent.is_empty(), "{silent:#?}");
}

/// Counsel reads a reason once: the demo's §1.3 and §4.1 both narrow what passes, and the same
/// note (Markdown footnotes 1 and 7, the matching .docx comments) was given twice. A later
/// change now refers to the earlier one ("For the reason given at §1.3.").
#[test]
fn a_reason_is_given_once_and_later_changes_refer_to_it() {
    for (name, r, _) in real_redlines() {
        let mut given: Vec<String> = Vec::new();
        for c in r.changes.iter().filter(|c| c.new_clause.is_none()) {
            for s in sentences(&c.note).into_iter().filter(|s| s.split_whitespace().count() > 6) {
                assert!(!given.contains(&s), "{name}: change {} ({}) gives again: {s}", c.id, c.clause_label);
                given.push(s);
            }
        }
    }
    let Some((_, demo, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("client-draft-r1.md")) else { return };
    let narrowed =
        demo.changes.iter().find(|c| c.clause_label.starts_with("§4.1") && c.deleted == "All Work Product").expect("§4.1 narrowed");
    assert_eq!(narrowed.note, "For the reason given at §1.3.");
}

/// The brief cites an exhibit as the draft names it: the demo's "Exhibit A: Statement of Work
/// No. 1" was "§A Statement of Work No".
#[test]
fn the_brief_cites_an_exhibit_as_the_draft_names_it() {
    let Some((name, demo, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("client-draft-r1.md")) else { return };
    let brief = redline::summary(demo, name, "counter.md", &redline::Negotiation::default());
    assert!(brief.contains("in Exhibit A: Statement of Work No. 1 "), "{brief}");
    assert!(!brief.contains("\u{a7}A "), "{brief}");
}

/// The residuals clause fits the party: a company's personnel remember, an individual
/// contractor remembers for themself (cts-contractor speaks of "his duties"; a draft may say
/// "an individual"), and the moral rights waiver has no personnel to procure.
#[test]
fn the_residuals_clause_fits_an_individual_contractor() {
    let library = ClauseLibrary::embedded();
    let residuals_of = |party: &str| {
        let body = format!(
            "This Agreement is between Acme Corp (\"Client\") and {party} (\"Contractor\").\n\n1. Ownership. Client shall own all work product created by Contractor in connection with the services, upon full payment.\n\n2. Fees. Client pays monthly.\n"
        );
        let doc = text("d.txt", Format::Txt, &body);
        let analysis = Analyzer::new(&library).analyze(&doc, &Options { agency_party: Some("Contractor".into()) });
        let r = redline::plan(Draft::from_text(&doc), &analysis, &library, &[], options(Severity::Low));
        r.changes
            .iter()
            .find(|c| c.new_clause.as_ref().is_some_and(|n| n.heading == "Residuals"))
            .map(|c| (c.inserted.clone(), c.note.clone()))
    };
    let (text, note) = residuals_of("Jane Smith, an individual").expect("residuals inserted");
    assert!(text.contains("retained in Contractor's unaided memory") && !text.contains("personnel"), "{text}");
    assert!(!note.contains("personnel"), "{note}");
    let (text, _) = residuals_of("Brightlabs Ltd").expect("residuals inserted");
    assert!(text.contains("the unaided memory of its personnel"), "{text}");
    if let Some(r) = corpus_redline("agency-drafts/cts-contractor.md", "Contractor") {
        let all: String = r.changes.iter().map(|c| c.clause_text(true)).collect();
        assert!(all.contains("Contractor's unaided memory") && !all.contains("its personnel"), "{all}");
    }
}

/// A clause about another thing is not replaced by one about the work: bcgov's "All Proposals
/// and other records submitted to the Issuer ... become the property of the Issuer" became
/// "Issuer shall own the Deliverables. Contractor retains ... license". Its findings stay open,
/// with the reason.
#[test]
fn a_clause_allocating_another_thing_is_not_replaced_by_one_allocating_the_work() {
    let Some(r) = corpus_redline("agency-drafts/bcgov-codewithus.md", "Contractor") else { return };
    assert!(!r.changes.iter().any(|c| c.deleted.contains("All Proposals and other records")), "the proposals clause is left alone");
    assert!(r.open.iter().any(|o| o.why == OpenReason::NotTheWork && o.phrase.is_some()), "{:#?}", r.open);
}

/// A definition of the draft's own term is edited in its own words, not replaced by the
/// library's under its name: enspyr's "Project Materials" keeps its list, loses the words that
/// sweep in what existed before ("whether created before or after the date of this
/// Agreement"), and is narrowed to what is made for the Company.
#[test]
fn a_definition_is_edited_in_its_own_words_for_breadth_and_prior_work() {
    let Some(r) = corpus_redline("agency-drafts/enspyr-ip-assignment.md", "Contributor") else { return };
    let edits: Vec<&redline::Change> = r
        .changes
        .iter()
        .filter(|c| c.new_clause.is_none() && r.draft.text[r.draft.paragraphs[c.paragraph].clone()].contains("means all works, materials"))
        .collect();
    assert!(!edits.is_empty() && edits.iter().all(|c| matches!(c.language, Language::Edited { .. })), "{edits:#?}");
    let accepted = r.accepted_paragraph(edits[0].paragraph);
    // Its ways of working ("ideas, concepts") stay in the list: §2.1's carve-out keeps them.
    assert!(
        accepted.contains("means all works, materials, code, designs, artwork, documentation, ideas, concepts, and other"),
        "{accepted}"
    );
    assert!(accepted.contains("specifically for the Company") && !accepted.contains("before or after"), "{accepted}");
}

/// An open-source licence is a licence: it is edited as one or left alone, never replaced by
/// words of another function. bcgov's clause 14 ("By submitting a Contribution, the
/// Contractor agrees to grant the Issuer the License over the Contribution", the "License"
/// being the Apache licence) took the library's assignment upon payment: the function check
/// read that assignment with no party named, missed its bare "assigns to" and saw only its
/// interim "may use" licence. Read with the parties' names it is an assignment; and no
/// proprietary licence stands for an open one either (the next candidate was an internal-use
/// licence of the Deliverables). The sentence stays; its findings are open, with the reason.
#[test]
fn an_open_source_licence_is_not_replaced_by_an_assignment_or_another_licence() {
    let grant = "By submitting a Contribution, the Contractor agrees to grant the Issuer the License over the Contribution.";
    let body = format!(
        "# Code With Us Terms\n\n## Definitions\n\n\"Contribution\" means the work, such as source code, delivered by the Contractor to the Issuer;\n\n\"License\" means the Apache Version 2 license;\n\n## Intellectual Property\n\n14) The Contractor will retain the copyright to all of its Contribution(s). {grant}\n\n15) The Contractor will be paid within 30 days of acceptance.\n"
    );
    let library = ClauseLibrary::embedded();
    let doc = text("oss.md", Format::Markdown, &body);
    let analysis = Analyzer::new(&library).analyze(&doc, &Options { agency_party: Some("Contractor".into()) });
    let r = redline::plan(Draft::from_text(&doc), &analysis, &library, &[], options(Severity::Low));
    let corpus = corpus_redline("agency-drafts/bcgov-codewithus.md", "Contractor");
    for r in std::iter::once(&r).chain(corpus.as_ref()) {
        assert!(!r.changes.iter().any(|c| c.deleted.contains("agrees to grant the Issuer the License")), "{:#?}", r.changes);
        assert!(r.accepted_paragraphs().iter().any(|p| p.contains(grant)));
        assert!(r.open.iter().any(|o| o.why == OpenReason::OpenLicence && o.concern == Concern::AssignmentBeforePayment), "{:#?}", r.open);
    }
}

/// A release of the code under an open licence or to the public domain is another job than a
/// duty to list the open-source components the work includes: the release is left as drafted
/// and its point stays open with its reason, never replaced by the components list. A sentence
/// that makes the work "available ... under the following open source license: ___" (the
/// reader runs it on past the blank), and a deliverable that "will remain in the public domain"
/// (canada-microacq and gsa-agile-pws too, where the corpus is present).
#[test]
fn an_open_source_release_is_not_replaced_by_a_list_of_components() {
    let available = "The Vendor makes the Software available to the Ministry under the following open source license:";
    let public = "Source code repository of the portal, which will remain in the public domain";
    let body = format!(
        "# Development Order\n\n## 2. Deliverables\n\n| Deliverable | Due |\n|---|---|\n| {public} | Each sprint |\n\n## 3. Licensing\n\n{available} ________\n\nThe Vendor warrants that it has the right to grant these rights.\n"
    );
    let library = ClauseLibrary::embedded();
    let mut redlines = Vec::new();
    for (name, body) in [
        (
            "available.md",
            format!(
                "# Order\n\n## 3. Licensing\n\n{available} ________\n\nThe Vendor warrants that it has the right to grant these rights.\n"
            ),
        ),
        ("order.md", body),
    ] {
        let doc = text(name, Format::Markdown, &body);
        let analysis = Analyzer::new(&library).analyze(&doc, &Options { agency_party: Some("Vendor".into()) });
        redlines.push((vec![available, public], redline::plan(Draft::from_text(&doc), &analysis, &library, &[], options(Severity::Low))));
    }
    let canada = "The Contractor makes the Material available to Canada as per the terms of the following open source license:";
    let gsa = "Version-controlled Open Source repository of code that comprises product that will remain in the public domain";
    for (name, kept) in [("agency-drafts/canada-microacq.md", canada), ("agency-drafts/gsa-agile-pws.docx", gsa)] {
        redlines.extend(corpus_redline(name, "Contractor").map(|r| (vec![kept], r)));
    }
    for (kept, r) in &redlines {
        assert!(!r.changes.iter().any(|c| c.inserted.contains("open-source components")), "{:#?}", r.changes);
        for words in kept {
            assert!(!r.changes.iter().any(|c| c.deleted.contains(words)), "{words}: {:#?}", r.changes);
        }
        assert!(r.open.iter().any(|o| o.why == OpenReason::OpenLicence && o.concern == Concern::OpenSource), "{:#?}", r.open);
    }
}

/// A freelance draft in Markdown whose ownership clause names its timing in a field of its own,
/// and whose next clause acknowledges that the open-source libraries used are others'.
fn field_draft(heading: &str, made: &str) -> String {
    format!(
        "# Freelance Build Agreement\n\n## 1. Parties\n\n**Client:** Harbor Labs\n**Developer:** Pine Street Studio\n\n## 2. Fees\n\nDeveloper invoices Client every two weeks; Client pays within 30 days.\n\n## 3. Intellectual Property\n\n### 3.1 {heading}\n\n**Developer Assigns to Client:**\nAll work {made} under this Agreement, including:\n- Application source code\n- Interface designs\n- Technical documentation\n\n**Effective:** Upon creation (automatically)\n\n### 3.2 Outside Code\n\n**Licensed IP:**\n- Open-source libraries owned by their respective creators\n- Client receives perpetual license to use in this project\n\n## 4. Term\n\nThis Agreement ends when the project is delivered.\n"
    )
}

/// A field that says when the clause's transfer takes effect ("**Effective:** Upon creation
/// (automatically)") follows the payment condition the redline gives the transfer, whether the
/// assignment is edited in its own words, replaced by the library's, or left: the result never
/// says both. The finding in such a field is not taken for a heading. The next clause's
/// acknowledgement that the open-source libraries are their creators' is left as drafted (its
/// licence points open with their reason), never struck for the library's licence of the
/// agency's materials.
#[test]
fn a_timing_field_follows_the_payment_condition_and_open_source_of_others_stays() {
    let library = ClauseLibrary::embedded();
    for (heading, made) in [("Ownership", "made"), ("Ownership", "created"), ("Ownership of Work Product", "created")] {
        let doc = text("fields.md", Format::Markdown, &field_draft(heading, made));
        let analysis = Analyzer::new(&library).analyze(&doc, &Options { agency_party: Some("Developer".into()) });
        let r = redline::plan(Draft::from_text(&doc), &analysis, &library, &[], options(Severity::Low));
        let accepted = r.accepted_paragraphs().join("\n");
        let context = format!("{heading} / {made}:\n{accepted}");
        assert!(accepted.contains("Effective: Upon receipt of full payment of the fees\n"), "{context}");
        assert!(!accepted.contains("Upon creation"), "{context}");
        assert!(!accepted.contains(",:"), "{context}");
        assert!(accepted.contains("Licensed IP: Open-source libraries owned by their respective creators Client receives"), "{context}");
        assert!(!r.changes.iter().any(|c| c.deleted.contains("Open-source libraries")), "{:#?}", r.changes);
        assert!(!r.open.iter().any(|o| o.why == OpenReason::InHeading), "{:#?}", r.open);
        assert!(
            r.open.iter().any(|o| o.why == OpenReason::OthersOpenSource && o.concern == Concern::PerpetualIrrevocableGrant),
            "{:#?}",
            r.open
        );
    }
}

/// Words put in never repeat what the clause already says: once enspyr's definition of
/// "Project Materials" is narrowed to what is made "specifically for the Company", §2.1's
/// assignment of "the Intellectual Property in the Project Materials" is not narrowed again
/// ("the Project Materials created by the Contributor specifically for the Company"): the
/// definition answers its breadth, and §2.1 gets only the payment condition and the carve-out.
#[test]
fn an_inserted_narrowing_does_not_repeat_what_the_narrowed_definition_says() {
    let Some(r) = corpus_redline("agency-drafts/enspyr-ip-assignment.md", "Contributor") else { return };
    let assignment = accepted_with(&r, "2.1 The Contributor hereby assigns");
    assert!(!assignment.contains("specifically for"), "{assignment}");
    assert!(assignment.contains("in the Project Materials, excluding Contributor IP, including all existing"), "{assignment}");
    assert!(accepted_with(&r, "means all works, materials").contains("specifically for the Company"));
    // Its breadth is answered by the definition, not left open.
    assert!(
        !r.open
            .iter()
            .any(|o| o.concern == Concern::BroadWorkProduct && o.clause_label.as_deref().is_some_and(|l| l.starts_with("\u{a7}2.1"))),
        "{:#?}",
        r.open
    );
}

/// A clause that depends on another by number speaks of what that clause now passes: once the
/// demo's §4.1 assigns "the Deliverables" (was "All Work Product"), §4.2's "To the extent any
/// Work Product is not a work made for hire, it is assigned to Client under Section 4.1" says
/// "any Deliverable", with the article kept and the noun alone changed. A sentence citing
/// another number ("Section 4.10") is not touched.
#[test]
fn a_clause_citing_a_narrowed_clause_uses_the_term_it_now_names() {
    let Some((_, demo, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("client-draft-r1.md")) else { return };
    let hire = accepted_with(demo, "4.2 Work Made for Hire.");
    assert!(
        hire.contains("To the extent any Deliverable is not a work made for hire, it is assigned to Client under Section 4.1."),
        "{hire}"
    );
    let renamed =
        demo.changes.iter().find(|c| c.clause_label.starts_with("\u{a7}4.2") && c.deleted == "Work Product").expect("§4.2 renamed");
    assert_eq!(renamed.inserted, "Deliverable");
    assert!(accepted_with(demo, "4.1 Ownership.").contains("in and to the Deliverables, including"));
    let library = ClauseLibrary::embedded();
    let body = "# Agreement\n\n## 1. Definitions\n\n1.1 \"Deliverables\" means the items listed in the statement of work.\n\n## 4. Ownership\n\n4.1 Ownership. All Work Product shall be the sole and exclusive property of Client, effective automatically upon creation.\n\n4.2 Further Rights. To the extent any Work Product is not owned by Client, it is assigned to Client under Section 4.1.\n\n4.3 Other. Any Work Product used under Section 4.10 is listed.\n\n4.10 Lists. Provider keeps a list.\n";
    let doc = text("d.md", Format::Markdown, body);
    let analysis = Analyzer::new(&library).analyze(&doc, &Options { agency_party: Some("Provider".into()) });
    let r = redline::plan(Draft::from_text(&doc), &analysis, &library, &[], options(Severity::Low));
    let accepted = r.accepted_paragraphs().join("\n");
    assert!(
        accepted.contains("To the extent any Deliverable is not owned by Client, it is assigned to Client under Section 4.1."),
        "{accepted}"
    );
    assert!(accepted.contains("Any Work Product used under Section 4.10 is listed."), "{accepted}");
}

/// Citations read as the result reads. When warranty (c) is struck, a citation of (c) itself
/// goes with it, as a lawyer strikes a reference to a provision that is gone: the excepting
/// lead-in ("Except as set out in (c),"), the sentence that speaks of it alone, the label
/// among others with its joining word ("(b), (c) and (d)" reads "(b) and (c)"), in its own
/// clause and in others ("Section 6(c)"); the later items are then relettered and every
/// citation of them follows, "(d) above" in another clause and "Section 6(c) and (d)" too.
/// Before, a citation of the struck item stopped all relettering and was left pointing at
/// nothing, and "(d) above" in another clause was never followed.
#[test]
fn citations_of_a_struck_item_go_with_it_and_the_rest_follow_the_relettering() {
    let library = ClauseLibrary::embedded();
    let list = "Provider represents and warrants that (a) it has the right to enter into this Agreement; (b) the Services will be performed by qualified personnel; (c) the Deliverables are wholly original; and (d) the Deliverables are free and clear of all liens.";
    let body = format!(
        "# Agreement\n\n## 6. Warranties\n\nExcept as set out in (c), {list}\n\nThe warranty in (c) survives acceptance of the Deliverables. The warranties in (b), (c) and (d) are given on each delivery.\n\n## 7. Remedies\n\nClient's sole remedy for a breach of Section 6(c) is re-performance. Client may rely on (d) above. Section 6(c) and (d) apply.\n\nClient may terminate for a breach of Section 6(c).\n\n## 8. Term\n\nThis Agreement lasts one year.\n"
    );
    let doc = text("warranties.md", Format::Markdown, &body);
    let analysis = Analyzer::new(&library).analyze(&doc, &Options { agency_party: Some("Provider".into()) });
    let r = redline::plan(Draft::from_text(&doc), &analysis, &library, &[], options(Severity::Low));
    let accepted = r.accepted_paragraphs().join("\n");
    assert!(accepted.contains("\nProvider represents and warrants that (a)"), "{accepted}");
    assert!(accepted.contains("qualified personnel; and (c) the Deliverables are free and clear"), "{accepted}");
    assert!(!accepted.contains("wholly original") && !accepted.contains("The warranty in (c) survives"), "{accepted}");
    assert!(accepted.contains("The warranties in (b) and (c) are given on each delivery."), "{accepted}");
    assert!(!accepted.contains("sole remedy"), "{accepted}");
    // The verb agrees with the one label left (was "Section 6(c) apply").
    assert!(accepted.contains("Client may rely on (c) above. Section 6(c) applies."), "{accepted}");
    let struck: Vec<&redline::Change> =
        r.changes.iter().filter(|c| c.inserted.is_empty() && c.deleted.contains("(c)") && !c.deleted.contains("wholly original")).collect();
    assert_eq!(struck.len(), 6, "each citation of (c) struck on its own: {struck:#?}");
    // A paragraph that only cited the struck item goes, paragraph mark and all.
    assert!(!accepted.contains("terminate for a breach") && !r.accepted_paragraphs().iter().any(|p| p.trim().is_empty()), "{accepted}");
    assert!(struck.iter().any(|c| c.removes_paragraph && c.deleted.starts_with("Client may terminate")));
    assert!(struck.iter().all(|c| matches!(c.language, Language::Edited { .. })));
}

/// With the last of three cited labels struck, the label now last takes its "and": "Section
/// 6(b) and (c)", where the citation read "Section 6(b), (c)" before.
#[test]
fn striking_the_last_of_three_cited_labels_keeps_the_and() {
    let library = ClauseLibrary::embedded();
    let list = "Provider represents and warrants that (a) it has the right to enter into this Agreement; (b) the Services will be performed by qualified personnel; (c) the Deliverables are free and clear of all liens; and (d) the Deliverables are wholly original.";
    let body = format!(
        "# Agreement\n\n## 6. Warranties\n\n{list}\n\n## 7. Remedies\n\nSection 6(b), (c) and (d) apply to each Deliverable. The warranties in (a), (b), (c), and (d) above survive acceptance.\n\n## 8. Term\n\nThis Agreement lasts one year.\n"
    );
    let doc = text("warranties.md", Format::Markdown, &body);
    let analysis = Analyzer::new(&library).analyze(&doc, &Options { agency_party: Some("Provider".into()) });
    let r = redline::plan(Draft::from_text(&doc), &analysis, &library, &[], options(Severity::Low));
    let accepted = r.accepted_paragraphs().join("\n");
    assert!(!accepted.contains("wholly original"), "{accepted}");
    assert!(accepted.contains("Section 6(b) and (c) apply to each Deliverable."), "{accepted}");
    assert!(accepted.contains("The warranties in (a), (b), and (c) above survive acceptance."), "{accepted}");
    assert!(r.changes.iter().any(|c| c.deleted == "," && c.inserted == " and"), "{:#?}", r.changes);
}

/// A heading on the line above its clause's first sentence, with no blank line between
/// ("## 3. Work Product Ownership / Assignment" then "All work product ..."), stays: the
/// sentence struck starts after it.
#[test]
fn a_heading_on_the_line_above_is_not_struck_with_the_sentence_below_it() {
    let doc = text(
        "draft.md",
        Format::Markdown,
        "# Contractor Agreement\n\nThis Agreement is made between Acme LLC (\"Company\") and Jo Smith (\"Contractor\").\n\n## 3. Work Product Ownership / Assignment\nAll work product created in connection with services for Company, including code, prompts and workflows, is deemed work made for hire. Contractor irrevocably assigns all rights, title, and interest to Company.\n\n## 4. Pre-Existing IP\nContractor retains ownership of pre-existing IP listed in Exhibit A. Contractor grants Company a perpetual, worldwide, royalty-free license to use any pre-existing IP incorporated into deliverables.\n",
    );
    let r = plan_doc(&doc, &[], Severity::Low);
    assert!(!r.changes.is_empty());
    for c in &r.changes {
        assert!(!c.deleted.contains("Work Product Ownership") && !c.deleted.contains("Pre-Existing IP\n"), "{c:#?}");
    }
}

/// A contractor's IP form in the style of a held-out Texas draft (Markdown, each heading on the
/// line above its clause), in words of our own.
const CONTRACTOR_FORM: &str = "# Independent Contractor Agreement\n\nThis Agreement is made between Lonestar Analytics LLC (\"Client\") and Rio Grande Labs LLC (\"Contractor\").\n\n## 1. Services\nContractor will build a demand forecasting model and related dashboards for Client as described in each statement of work.\n\n## 2. Payment\nClient will pay Contractor the fees set out in each statement of work within thirty days of invoice.\n\n## 3. Work Product\nAll work product created by Contractor in connection with the services, including code, prompts and workflows, is deemed work made for hire. Contractor irrevocably assigns to Client all right, title and interest in the work product.\n\n## 4. Pre-Existing IP\nContractor retains all rights in its pre-existing materials listed in Exhibit A. Contractor grants Client a non-exclusive, perpetual, worldwide license to use any Pre-Existing IP incorporated into the deliverables.\n\n## 5. Confidentiality\nContractor will keep Client's confidential information secret and use it only to perform the services.\n\n## Exhibit A \u{2014} Pre-Existing IP (if any)\n[List]\n";

/// The redline of `doc` with the embedded library and the agency named, as `redline
/// --agency-party` makes it.
fn plan_named(doc: &Document, agency: &str) -> Redline {
    let library = ClauseLibrary::embedded();
    let analysis = Analyzer::new(&library).analyze(doc, &Options { agency_party: Some(agency.into()) });
    redline::plan(Draft::from_text(doc), &analysis, &library, &[], options(Severity::Low))
}

/// The redline of a Markdown draft with the embedded library, as the `redline` command makes it.
fn plan_embedded(body: &str) -> Redline {
    let library = ClauseLibrary::embedded();
    let doc = text("draft.md", Format::Markdown, body);
    let analysis = Analyzer::new(&library).analyze(&doc, &Options::default());
    redline::plan(Draft::from_text(&doc), &analysis, &library, &[], options(Severity::Low))
}

/// Hire status never waits for payment: a work made for hire is the client's from creation,
/// so the library's narrow rung used to say what the doctrine does not allow ("shall be
/// deemed works made for hire, and only upon Agency's receipt of full payment for them"). A
/// deeming struck now gives way to the library's own clause (nothing is made for hire; the
/// rights pass by the assignment, on payment), not to a narrower deeming that would still
/// vest the scheduled deliverables before payment (counsel's review of the demo's §4.2).
#[test]
fn hire_status_never_waits_for_payment_the_assignment_of_the_rest_does() {
    static ON_PAYMENT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)(?:deemed|considered|are|is|be)\s+(?:an?\s+)?works?\s+made\s+for\s+hire[^.]*\b(?:upon|on|after|following)\b[^.]*payment",
        )
        .expect("regex")
    });
    let r = plan_embedded(CONTRACTOR_FORM);
    let accepted = r.accepted_paragraphs().join("\n");
    assert!(!ON_PAYMENT.is_match(&accepted), "{accepted}");
    assert!(!accepted.contains("shall be deemed works made for hire."), "{accepted}");
    assert!(
        accepted.contains("no part of Contractor IP or of the Deliverables is a work made for hire. Client's rights in the Deliverables arise only from the assignment in this Agreement, upon full payment."),
        "{accepted}"
    );
    for (name, r, _) in real_redlines() {
        for c in &r.changes {
            assert!(!ON_PAYMENT.is_match(&c.inserted), "{name} {}: {}", c.clause_label, c.inserted);
        }
    }
}

/// A Pre-Existing IP clause keeps its first sentence (what the agency retains, "listed in
/// Exhibit A.", which ends it) and has its licence edited in its own words, rather than the
/// whole clause replaced by the library's agency-IP clause.
#[test]
fn a_pre_existing_ip_clause_keeps_what_is_retained_and_its_licence_is_edited_in_place() {
    let r = plan_embedded(CONTRACTOR_FORM);
    let accepted = r.accepted_paragraphs().join("\n");
    assert!(
        accepted.contains("Contractor retains all rights in its pre-existing materials listed in Exhibit A. Contractor grants Client a non-exclusive, non-transferable, non-sublicensable, perpetual, worldwide license to use any Pre-Existing IP solely as incorporated into the deliverables."),
        "{accepted}"
    );
    let in_four: Vec<&redline::Change> = r.changes.iter().filter(|c| c.clause_label.starts_with("§4 ")).collect();
    assert!(!in_four.is_empty(), "{:#?}", r.changes);
    for c in in_four {
        assert!(matches!(c.language, Language::Edited { .. }) && !c.deleted.contains("retains"), "{c:#?}");
    }
}

/// A backstop to another transfer ("To the extent any Deliverable ... is not assigned under
/// 2.1, Contractor holds it on trust for Client and will assign it ...") is edited in its own
/// words or left, never replaced by the library's whole assignment clause, which would repeat
/// 2.1 and bring in terms the draft never uses. What no edit answers stays open, with why.
#[test]
fn a_backstop_is_edited_in_place_never_replaced() {
    let r = plan_embedded(
        "# Services Agreement\n\nThis Agreement is made between Acme Corp (\"Client\") and Blue Fox Labs LLC (\"Contractor\").\n\n## 1. Fees\nClient pays Contractor the fees in each statement of work.\n\n## 2. Intellectual Property\n2.1 Contractor hereby assigns to Client, upon receipt of full payment of the fees, all right, title and interest in the Deliverables.\n\n2.2 To the extent any Deliverable, or any know-how or methodology used to create it, is not assigned under 2.1, Contractor holds it on trust for Client and will assign it to Client on request.\n",
    );
    let accepted = r.accepted_paragraphs().join("\n");
    assert!(accepted.contains("2.2 To the extent any Deliverable, or any know-how or methodology used to create it, is not assigned under 2.1, Contractor holds it on trust for Client and will assign"), "{accepted}");
    for c in r.changes.iter().filter(|c| c.clause_label.starts_with("§2.2") && c.new_clause.is_none()) {
        assert!(matches!(c.language, Language::Edited { .. }) && c.deleted.len() < 40, "{c:#?}");
    }
    assert!(!accepted.contains("Jointly Developed IP") && accepted.matches("hereby assigns").count() == 1, "{accepted}");
    assert!(r.open.iter().any(|o| o.why == OpenReason::Backstop && o.concern == Concern::MethodologyTransfer), "{:#?}", r.open);
}

/// A new clause's number follows the clause it comes after, in a draft whose numbers skip
/// (1, 2, 7, 8, 9): with the residuals point anchored at §8, the clause went in after "7.
/// Intellectual Property." numbered "3A" (the Markdown list's count for the item typed "7.",
/// which its own 7.1 to 7.3 contradict), between that heading and 7.1. Typed numbers that
/// count on are now the clauses' numbers: the clause goes after the IP section as 7.4, and in
/// a draft whose IP clause "7." has no sub-clauses, after it as 7A.
#[test]
fn a_new_clause_is_numbered_after_the_clause_it_follows_when_the_draft_skips_numbers() {
    let anchored_at = |doc: &Document, heading: &str| {
        let mut a = analyse(doc);
        let at = a.clauses.iter().position(|c| c.heading.as_deref() == Some(heading)).expect("the clause");
        for f in a.findings.iter_mut().filter(|f| f.kind == clauseguard::analysis::FindingKind::Missing) {
            f.clause = Some(at);
        }
        let r = redline::plan(Draft::from_text(doc), &a, &library(), &[], options(Severity::Low));
        let new = r.changes.iter().find(|c| c.new_clause.is_some()).expect("a new clause").clone();
        let before = r.draft.text[r.draft.paragraphs[new.paragraph].clone()].trim().to_owned();
        (new.new_clause.and_then(|n| n.number), before, r)
    };
    let (number, before, r) = anchored_at(&fixture("numbered-draft.md"), "Competition");
    assert_eq!(number.as_deref(), Some("7.4"), "after {before:?}");
    assert!(before.starts_with("7.3 Licence."), "{before}");
    // The IP section's heading keeps the number typed: "§7", not "§3".
    let open: Vec<_> = r.open.iter().filter_map(|o| o.clause_label.clone()).collect();
    assert!(r.changes.iter().map(|c| &c.clause_label).chain(&open).all(|l| !l.starts_with("§3")), "{:#?}", r.changes);
    let flat = text(
        "flat.md",
        Format::Markdown,
        "# SOFTWARE DEVELOPMENT AGREEMENT\n\nThis Agreement is made between Acme Corp (\"Client\") and Brightlabs Ltd (\"Provider\").\n\n1. Services. Provider shall build the recommendation model described in Schedule A.\n\n2. Payment. Client shall pay each invoice within 30 days.\n\n7. Ownership. Client shall own all work product created by Provider under this Agreement.\n\n8. Competition. Provider shall not provide similar services to any competitor of Client during the term.\n\n9. Confidentiality. Each party keeps the other's information confidential.\n",
    );
    let (number, before, _) = anchored_at(&flat, "Competition");
    assert_eq!(number.as_deref(), Some("7A"), "after {before:?}");
    assert!(before.starts_with("7. Ownership."), "{before}");
}

/// Never a clause of another function in a passage's place: a UK draft's 11.6, a duty to notify
/// infringement "arising from or in connection with the Services", was struck and replaced by
/// the library's confidentiality promises ("Supplier shall not disclose ..."), read as the
/// same job because both say "shall". A duty to act is now no restriction (`reads_the_job_of_a_passage`),
/// and the reader no longer takes the duty's broad words for a transfer: the passage stays as
/// drafted. The demo's round 2 "Client shall also own all outputs" (ownership the words did not
/// show: "shall also own") was replaced by a promise not to use outputs; it now keeps to ownership.
#[test]
fn a_duty_to_notify_is_not_replaced_by_a_confidentiality_promise() {
    let r = plan_embedded(
        "# SERVICES AGREEMENT\n\nThis Agreement is made between Norton Motors Limited (\"Norton\") and Brightlabs Ltd (\"Supplier\").\n\n\
         11.2 The Supplier hereby assigns to Norton all Intellectual Property Rights in the Deliverables.\n\n\
         11.6 The Supplier shall immediately notify Norton in writing if the Supplier becomes aware of any actual or potential \
         infringement of third-party intellectual property rights arising from or in connection with the Services or Deliverables.\n",
    );
    assert!(!r.changes.iter().any(|c| c.deleted.contains("shall immediately notify Norton")), "11.6 struck: {:#?}", r.changes);
    let r2 = plan_embedded(include_str!("../assets/demo/client-draft-r2.md"));
    let outputs: Vec<_> = r2.changes.iter().filter(|c| c.clause_label.contains("5.7")).collect();
    assert!(!outputs.is_empty() && outputs.iter().all(|c| !c.inserted.contains("shall not use")), "{outputs:#?}");
}

/// A draft with no clause on general-purpose improvements gets no "Jointly Developed IP" from
/// the library's assignment: a term defined and owned by no one is a question for counsel.
#[test]
fn the_library_assignment_brings_in_no_term_the_draft_does_not_allocate() {
    let r = plan_embedded(
        "# DEVELOPMENT AGREEMENT\n\nThis Agreement is made between Acme Corp (\"Client\") and Brightlabs Ltd (\"Developer\").\n\n\
         ## 6. Intellectual Property\n\n**Developer Assigns to Client:** All work created under this Agreement, including: \
         - Source code - Test code\n\n**Effective:** Upon creation (automatically)\n",
    );
    let inserted: Vec<&str> = r.changes.iter().map(|c| c.inserted.as_str()).collect();
    assert!(inserted.iter().any(|i| i.contains("Client IP does not include")), "{inserted:#?}");
    assert!(!inserted.iter().any(|i| i.contains("Jointly Developed IP")), "{inserted:#?}");
}

/// A list of what the lead-in assigns keeps its items: held-out odyssey's §4.1 ("Provider
/// assigns to ODYSSEY-1 all rights to:" then "- Any inventions, innovations, or improvements",
/// patents ...) had its list struck for the library's derivatives words ("Improvements ... of
/// Provider IP, whenever made, are Provider IP. ..."), so the lead-in ran into a statement.
/// Improvements to the agency's materials are now carved out of the item that names them, and
/// the term's definition follows the list as a paragraph of its own, not its last item; the
/// same with a paragraph for each item (a Word list's layout).
#[test]
fn a_list_of_what_is_assigned_keeps_its_items_and_carves_out_improvements() {
    let draft = include_str!("fixtures/redline/invention-list.md");
    let spaced = draft.replace("improvements\n- ", "improvements\n\n- ").replace("patents\n- ", "patents\n\n- ");
    for body in [draft, spaced.as_str()] {
        let r = plan_embedded(body);
        let accepted = r.accepted_paragraphs();
        let all = accepted.join("\n");
        assert!(
            all.contains("Provider assigns to Brightwater, upon receipt of full payment of the fees for it, all rights to:\n"),
            "{all}"
        );
        let item = accepted
            .iter()
            .position(|p| p.starts_with("Any inventions, designs, or improvements, excluding improvements to Provider IP"))
            .unwrap_or_else(|| panic!("the item, carved out:\n{all}"));
        assert!(all.contains("Patent applications and issued patents") && all.contains("Continuations and divisionals"), "{all}");
        assert!(!all.contains("whenever made"), "the library's derivatives words in the list's place:\n{all}");
        assert!(r.changes.iter().all(|c| c.deleted.is_empty() || !c.deleted.contains("Patent")), "{:#?}", r.changes);
        let carved = r.changes.iter().find(|c| c.reasons.iter().any(|r| r.concern == Concern::Derivatives)).expect("a derivatives change");
        assert_eq!(carved.inserted, ", excluding improvements to Provider IP");
        assert!(matches!(carved.language, Language::Edited { .. }), "{carved:#?}");
        // Defined after the list (or the item), never inside its last item.
        let defined = accepted.iter().position(|p| p.starts_with("\"Provider IP\" means")).unwrap_or_else(|| panic!("defined:\n{all}"));
        let list_end = if body == draft { item } else { item + 2 };
        assert_eq!(defined, list_end + 1, "the definition after the list's last item:\n{all}");
    }
}

/// A list numbered "1. 2. 3." that runs on from a clause's own words under "### 6.2" ("...
/// may use its prior code and tools IF:") is 6.2's, not clauses 1 to 3: held-out telehealth's
/// new clauses went in after the list as 6.3 and 6.4, beside the draft's own "### 6.3", and
/// the paragraph after the list was named "§3" in the brief. The new clause is now numbered
/// after the real last subclause and goes after it, before the rule ("---") that closes the
/// section; the list's words are read as before (the permission is not touched), only the
/// numbers a reader sees change.
#[test]
fn a_new_clause_is_numbered_after_the_last_subclause_when_a_list_runs_on_from_a_clause() {
    let r = plan_embedded(include_str!("fixtures/redline/prior-code-list.md"));
    let new: Vec<&redline::Change> = r.changes.iter().filter(|c| c.new_clause.as_ref().is_some_and(|n| n.number.is_some())).collect();
    let numbers: Vec<&str> = new.iter().filter_map(|c| c.new_clause.as_ref().and_then(|n| n.number.as_deref())).collect();
    assert_eq!(numbers.first(), Some(&"6.4"), "{numbers:?}");
    assert!(!numbers.contains(&"6.3"), "{numbers:?}");
    for c in &new {
        let after = &r.draft.text[r.draft.paragraphs[c.paragraph].clone()];
        assert!(after.contains("escrow agent"), "new clause {:?} after {after:?}", c.new_clause);
    }
    let others: Vec<_> = r.open.iter().filter(|o| o.why == OpenReason::OthersOpenSource).collect();
    assert!(!others.is_empty(), "{:#?}", r.open);
    assert!(others.iter().all(|o| o.clause_label.as_deref().is_some_and(|l| l.starts_with("\u{a7}6.2 "))), "{others:#?}");
    assert!(!r.changes.iter().any(|c| c.deleted.contains("prior code")), "{:#?}", r.changes);
}

/// A research collaboration's terms in the style of a held-out start-up's (Markdown bullets,
/// no numbered clauses), in words of our own: the missing payment condition goes into the
/// ownership statement itself, not a new assignment clause beside it (nor in place of the
/// heading above the definition); a licence made personal loses its sublicensing verb.
#[test]
fn a_missing_payment_condition_goes_into_the_ownership_statement_and_a_personal_licence_loses_its_sublicensing() {
    let body = "# Researcher Collaboration Terms\n\nThese terms apply to researchers who work with the Kestrel project.\n\n## Ownership\n\n- All designs, algorithms and research outputs created during the collaboration are considered Foreground IP.\n- Foreground IP is owned by Kestrel.\n- Researchers grant Kestrel a perpetual, worldwide, royalty-free license to use, modify, commercialize, and sublicense Foreground IP.\n\n## Publication\n\n- Researchers may publish only after Kestrel reviews the material.\n- Kestrel reserves the right to delay publication.\n- Kestrel retains the right to operate its platform.\n- Kestrel is not liable for indirect damages.\n- Researchers agree to keep Kestrel's designs confidential.\n";
    let r = plan_embedded(body);
    let owned = accepted_with(&r, "is owned by Kestrel");
    assert!(
        owned.contains("Foreground IP, excluding Researchers IP, upon receipt of full payment of the fees for it, is owned by Kestrel."),
        "{owned}"
    );
    assert!(!r.changes.iter().any(|c| c.inserted.contains("assigns to Kestrel")), "{:#?}", r.changes);
    assert!(owned.contains("non-sublicensable") && owned.contains("to use, modify, and commercialize Foreground IP"), "{owned}");
    let accepted = r.accepted_paragraphs().join("\n");
    assert!(accepted.contains("\"Researchers IP\" means"), "{accepted}");
    assert!(!accepted.contains("Researchers's") && accepted.starts_with("Researcher Collaboration Terms\n"), "{accepted}");
    // The heading above the definition stays a heading.
    assert!(accepted.contains("\nOwnership\n"), "{accepted}");
}

/// A work-for-hire agreement in the style of a held-out one (Markdown headings over each
/// clause), in words of our own: the headings and the links to them name clauses and are
/// never edited; the waiver under its heading is replaced, and the list it led into goes
/// with it rather than hanging from the words put in its place; a new clause goes after the
/// list an assignment leads into, not between the two.
#[test]
fn headings_are_never_edited_a_replaced_lead_in_takes_its_list_along_and_new_clauses_follow_lists() {
    let body = "# Contractor Terms\n\nThis Agreement is made between Harbor Labs, Inc. (\"Company\") and Jane Roe (\"Contractor\").\n\n\
                ## Contractor Assigns Intellectual Property\n\nContractor hereby assigns to Company all work product. Among the rights assigned are:\n\n\
                - ownership of the work product\n\n- all other rights Contractor has in it\n\n\
                ## Waiver of Moral Rights\n\nContractor WAIVES all moral rights, including:\n\n- Right of attribution\n- Right of integrity\n\n\
                This waiver applies to the maximum extent permitted by law.\n\n\
                ## Further Assurances\n\nContractor will help paper the assignments in [Contractor Assigns Intellectual Property](#contractor-assigns-intellectual-property).\n";
    let r = plan_embedded(body);
    for c in &r.changes {
        let heading = &r.draft.text[r.draft.paragraphs[c.paragraph].clone()];
        assert!(!heading.starts_with('#') || c.new_clause.is_some(), "a heading edited: {c:#?}");
        assert!(!c.deleted.contains("Assigns Intellectual Property") && !c.inserted.contains("Assigns Intellectual Property"), "{c:#?}");
    }
    let accepted = r.accepted_paragraphs().join("\n");
    assert!(accepted.contains("moral rights in the Deliverables solely as needed"), "{accepted}");
    assert!(!accepted.contains("Right of attribution") && accepted.contains("This waiver applies"), "{accepted}");
    // The item's own point goes with it: no open point on words the redline strikes.
    assert!(!r.open.iter().any(|o| o.phrase.as_deref().is_some_and(|p| p.contains("attribution"))), "{:#?}", r.open);
    assert!(accepted.contains("paper the assignments in Contractor Assigns Intellectual Property ."), "{accepted}");
    // The new clauses go after the list the assignment leads into, not between the two.
    let new: Vec<&redline::Change> = r.changes.iter().filter(|c| c.new_clause.is_some()).collect();
    assert!(!new.is_empty(), "{:#?}", r.changes);
    for c in new {
        let after = &r.draft.analysed[r.draft.paragraphs[c.paragraph].clone()];
        assert!(after.contains("all other rights Contractor has in it"), "new clause after {after:?}");
    }
}

/// A licence back that falls short ("for the Term ... solely to perform the Services") is the
/// agency's, however little it gives: it stays as drafted, and the library's licence back goes
/// in beside it, rather than in its place. dOrg's "limited license to use the New IP for
/// internal business purposes only" is the corpus's case.
#[test]
fn a_licence_back_that_falls_short_is_kept_and_the_licence_back_added() {
    let body = "SERVICES AGREEMENT\n\nThis Agreement is made between Northwind Retail Ltd (the \"Customer\") and Blue Harbour Studio Ltd (the \"Supplier\"). The Supplier has built a bursary platform (the \"Platform\").\n\n\
                1. Intellectual Property\n\n1.1 Upon receipt of full payment of the Fees, the Supplier hereby assigns to the Customer all Intellectual Property Rights in the Platform, excluding the Supplier's pre-existing materials.\n\n\
                1.2 The Customer hereby grants to the Supplier, for the Term, a non-exclusive, non-transferable licence to use and host the Platform solely to the extent necessary to perform the Services.\n\n\
                1.3 The Supplier may use the general skills and know-how its personnel retain.\n";
    let doc = text("platform.md", Format::Markdown, body);
    let library = ClauseLibrary::embedded();
    let analysis = Analyzer::new(&library).analyze(&doc, &Options { agency_party: Some("Supplier".into()) });
    assert!(analysis.findings.iter().any(|f| f.concern == Concern::NoLicenseBack), "{:#?}", analysis.findings);
    let r = redline::plan(Draft::from_text(&doc), &analysis, &library, &[], options(Severity::Low));
    assert!(r.changes.iter().all(|c| !c.deleted.contains("for the Term")), "the licence it has stays: {:#?}", r.changes);
    let back = r.changes.iter().find(|c| c.reasons.iter().any(|x| x.concern == Concern::NoLicenseBack)).expect("the licence back");
    assert!(back.new_clause.is_some() && back.deleted.is_empty(), "{back:#?}");
    assert!(back.inserted.contains("general methodologies"), "{}", back.inserted);
}

/// A list of what passes that no edit of an item can bound ("- All intellectual property
/// rights") is answered at its lead-in, which says what passes: the lead-in is replaced by the
/// library's transfer and its items go with it, rather than the items being replaced by a
/// clause that does another job under a lead-in that still says "shall own ... in and to:".
#[test]
fn an_unbounded_list_of_what_passes_is_answered_at_its_lead_in() {
    let body = "# Contractor Agreement\n\nThis Agreement is between Acme Inc. (the \"Company\") and Jane Roe (the \"Contractor\").\n\n\
                ## 4. Intellectual Property\n\n**Work-for-Hire:** All work performed by Contractor shall be considered \"work made for hire\" under U.S. copyright law. The Company shall own all right, title, and interest in and to:\n\n\
                - All code, documentation, designs, and materials created\n- All intellectual property rights\n\
                - All modifications, enhancements, and derivative works\n\n## 5. Confidentiality\n\nContractor shall keep the Company's information confidential.\n";
    let doc = text("contractor.md", Format::Markdown, body);
    let library = ClauseLibrary::embedded();
    let analysis = Analyzer::new(&library).analyze(&doc, &Options { agency_party: Some("Contractor".into()) });
    let r = redline::plan(Draft::from_text(&doc), &analysis, &library, &[], options(Severity::Low));
    // The lead-in goes, answered by the payment-conditioned assignment that replaces the work
    // made for hire before it, or by one of its own.
    let lead_in = r.changes.iter().find(|c| c.deleted.contains("shall own all right")).expect("the lead-in struck");
    assert!(lead_in.inserted.contains("assigns") || matches!(lead_in.language, Language::AlreadyInserted { .. }), "{lead_in:#?}");
    let items = r.changes.iter().find(|c| c.deleted.contains("All intellectual property rights")).expect("the items struck");
    assert!(items.inserted.is_empty(), "nothing put in the list: {items:#?}");
    assert!(matches!(items.language, Language::AlreadyInserted { .. }), "{:?}", items.language);
}

/// The agency's materials carved out of an assignment are licensed to the client as they sit in
/// the work, and a promise that none of them is in it takes them as its exception; where the
/// draft already licenses them, no second licence goes in.
#[test]
fn what_is_carved_out_is_licensed_as_incorporated_unless_the_draft_already_licenses_it() {
    const PARTIES: &str = "SERVICES AGREEMENT\n\nThis Agreement is made between Northwind Retail Ltd (\"Customer\") and Blue Harbour Studio Ltd (\"Supplier\").\n\n";
    let assigns = "1. The Supplier hereby assigns to the Customer all Intellectual Property Rights worldwide in the Website, the Source Code and all other deliverables created under this Agreement (the \"Foreground IP\"), free from all encumbrances.\n\n2. The Supplier confirms that no pre-existing or background intellectual property of the Supplier is incorporated into the Website.\n";
    let embedded = ClauseLibrary::embedded();
    let plan = |body: &str| {
        let doc = text("d.txt", Format::Txt, body);
        redline::plan(
            Draft::from_text(&doc),
            &Analyzer::new(&embedded).analyze(&doc, &Options::default()),
            &embedded,
            &[],
            options(Severity::Low),
        )
    };
    let r = plan(&format!("{PARTIES}{assigns}"));
    let licences: Vec<&redline::Change> =
        r.changes.iter().filter(|c| c.new_clause.is_some() && c.inserted.contains("grants Customer a perpetual, non-exclusive")).collect();
    assert_eq!(licences.len(), 1, "{:#?}", r.changes);
    let result =
        r.accepted_paragraph(r.changes.iter().find(|c| c.inserted == ", other than Supplier IP,").expect("the exception").paragraph);
    assert!(result.contains("confirms that, other than Supplier IP, no pre-existing"), "{result}");
    let licensed = format!(
        "{PARTIES}{assigns}\n3. The Supplier grants the Customer a non-exclusive licence to use any pre-existing materials of the Supplier incorporated into the Website.\n"
    );
    let r = plan(&licensed);
    assert!(!r.changes.iter().any(|c| c.new_clause.is_some() && c.inserted.contains("grants Customer a perpetual")), "{:#?}", r.changes);
}

/// An exclusive licence whose subject takes in the agency's methods through its definition is
/// answered in the definition, which loses the methods; the licence, the deal itself, stays.
#[test]
fn an_exclusive_licence_of_methods_is_answered_where_they_are_defined() {
    let body = "# Research Services Agreement\n\nThis Agreement is between Alpine Labs Ltd (\"Provider\") and Helix AG (\"Client\").\n\n\
        1. \"Research Results\" shall mean any and all inventions, materials, methods, processes, know-how, data and results made in the performance of the Research.\n\n\
        2. Subject to payment by Client of the full amount under Section 3, Provider hereby grants to Client an exclusive license to the Research Results.\n";
    let r = plan_embedded(body);
    assert!(r.open.iter().any(|o| o.concern == Concern::MethodologyTransfer && o.why == OpenReason::AnsweredInDefinition), "{:#?}", r.open);
    let licence = body.find("Subject to payment").expect("licence");
    assert!(r.changes.iter().all(|c| c.end <= licence || c.start > licence + 40), "{:#?}", r.changes);
    assert!(r.changes.iter().any(|c| c.deleted.contains("know-how")), "the definition loses the methods: {:#?}", r.changes);
}

/// A task order whose data rights are those of a clause it cites; `rights` is its §2.
fn task_order(rights: &str) -> String {
    format!(
        "# Task Order\n\nThis task order is between the Government and the Contractor.\n\n## 1. Scope\n\nThe Contractor shall provide software development services to the Government. The Contractor shall report weekly to the Government. The Government shall pay the Contractor's invoices within 30 days.\n\n## 2. Data Rights\n\n{rights}\n\n## 3. Security\n\nThe Contractor shall protect all Government data. The Contractor shall comply with the Government's policies. The Contractor shall report incidents to the Government.\n"
    )
}

const CITED: &str = "The Government data rights of software deliverables and all other data first produced in the performance of this task order shall be in accordance with FAR 52.227-17 Rights in Data -- Special Works.";

#[test]
fn a_cited_government_clause_is_replaced_by_the_standard_one_not_struck() {
    let r = plan_embedded(&task_order(CITED));
    let cited = r.changes.iter().find(|c| c.deleted.contains("52.227-17")).expect("the citation is changed");
    assert_eq!(
        (cited.deleted.as_str(), cited.inserted.as_str()),
        ("52.227-17 Rights in Data -- Special Works", "52.227-14 Rights in Data -- General")
    );
    assert!(cited.note.contains("52.227-14") && cited.note.contains("Contractor may assert copyright"), "{}", cited.note);
    // What the cited clause provides is answered by the clause proposed in its place.
    assert!(!r.open.iter().any(|o| o.concern == Concern::AssignmentBeforePayment), "{:?}", r.open);
}

#[test]
fn a_cited_clause_answers_only_what_it_provides_and_the_missing_carve_out_still_goes_in() {
    let rights = format!(
        "{CITED} The Government intends for all such data to be dedicated to the public domain and, to that end, may require the contractor to assign its copyright in such data to the Government in accordance with FAR 52.227-17(c)(1)(ii) or to publicly post it with an appropriate notice."
    );
    let r = plan_embedded(&task_order(&rights));
    let carve_out = r.changes.iter().find(|c| c.reasons.iter().any(|x| x.concern == Concern::PreExistingIp));
    assert!(carve_out.is_some_and(|c| c.new_clause.is_some() || c.inserted.contains("Contractor IP")), "{:?}", r.changes);
    assert!(!r.open.iter().any(|o| o.concern == Concern::PreExistingIp), "{:?}", r.open);
}

/// UK drafts define in a glossary ("Foreground IPR: all Intellectual Property Rights ..."): such
/// a definition is edited as a definition of the same term, never replaced by a clause of
/// another job, and the terms the glossary defines are not defined again.
#[test]
fn a_uk_glossary_definition_is_edited_as_a_definition_and_its_terms_are_not_defined_again() {
    let lib = ClauseLibrary::embedded();
    let doc = text(
        "uk.md",
        Format::Markdown,
        "# SERVICES AGREEMENT\n\nThis agreement is between Harwick Homes Limited (the \"Customer\") and Lattice Labs Limited (the \"Supplier\").\n\n## 1. Definitions\n\nBackground IPR: any Intellectual Property Rights owned by or licensed to a party before the Commencement Date, other than any rights which form part of the Foreground IPR.\n\nDeliverables: all documents, software and materials to be supplied by the Supplier under the Statement of Work.\n\nForeground IPR: all Intellectual Property Rights arising from or in connection with the performance of the Services, including all Intellectual Property Rights in the Deliverables.\n\nServices: the services set out in the Statement of Work.\n\n## 2. Intellectual property\n\n2.1 The Supplier hereby assigns to the Customer with full title guarantee all Foreground IPR.\n\n2.2 Any modification of the Supplier's Background IPR made in the course of the Services shall be owned by the Customer.\n",
    );
    let analysis = Analyzer::new(&lib).analyze(&doc, &Options::default());
    let r = redline::plan(Draft::from_text(&doc), &analysis, &lib, &[], options(Severity::Low));
    for c in r.changes.iter().filter(|c| c.deleted.starts_with("Foreground IPR:") || c.deleted.starts_with("Background IPR:")) {
        let term = c.deleted.split(':').next().unwrap_or_default();
        assert!(c.inserted.is_empty() || c.inserted.trim_start_matches(['"', '\u{201c}']).starts_with(term), "{c:?}");
    }
    assert!(!r.changes.iter().any(|c| c.inserted.contains("\"Deliverables\" means")), "{:?}", r.changes);
}

/// The draft's catalogue of rights ("Intellectual Property Rights includes copyright, ...") is no
/// work product: a redline never narrows it to "only the Deliverables" (the synthetic
/// Australian government contract).
#[test]
fn a_definition_of_intellectual_property_rights_is_never_narrowed_to_deliverables() {
    let lib = ClauseLibrary::embedded();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/synth/agency-drafts/au-coastal-contract.md");
    let doc = ingest::load(&path).expect("fixture draft");
    let analysis = Analyzer::new(&lib).analyze(&doc, &Options::default());
    let r = redline::plan(Draft::from_text(&doc), &analysis, &lib, &[], options(Severity::Low));
    assert!(!r.changes.iter().any(|c| c.deleted.starts_with("Intellectual Property Rights includes")), "{:?}", r.changes);
    // The term for what passes is still narrowed.
    assert!(r.changes.iter().any(|c| c.deleted.starts_with("Contract Material means")), "{:?}", r.changes);
}

/// A payment condition put after a grantee that ends in its own comma ("grant to the Customer
/// of, a perpetual ...") adds no second comma.
#[test]
fn a_payment_condition_after_a_grantees_comma_adds_no_second_comma() {
    let lib = ClauseLibrary::embedded();
    let doc = text(
        "uk.md",
        Format::Markdown,
        "# SERVICES AGREEMENT\n\nThis agreement is between Harwick Homes Limited (the \"Customer\") and Lattice Labs Limited (the \"Supplier\").\n\n## 7. Intellectual property\n\n7.1 The Supplier grants to the Customer, or shall procure the direct grant to the Customer of, a perpetual, irrevocable, worldwide, royalty-free licence to use, copy and modify the Deliverables.\n",
    );
    let analysis = Analyzer::new(&lib).analyze(&doc, &Options::default());
    let r = redline::plan(Draft::from_text(&doc), &analysis, &lib, &[], options(Severity::Low));
    let paid = r.changes.iter().find(|c| c.inserted.contains("upon receipt of full payment")).expect("a payment condition");
    assert!(!paid.inserted.starts_with(','), "{paid:?}");
}

#[test]
fn an_addition_of_the_agencys_methods_to_what_passes_is_denied_in_its_own_words() {
    let lib = ClauseLibrary::embedded();
    let doc = text(
        "uk.md",
        Format::Markdown,
        "# SERVICES AGREEMENT\n\nThis agreement is between Harwick Homes Limited (the \"Customer\") and Lattice Labs Limited (the \"Supplier\").\n\n## 1. Definitions\n\n\"Foreground IPR\" means all Intellectual Property Rights in the Deliverables.\n\n## 7. Intellectual property\n\n7.1 The Customer shall own the Foreground IPR upon payment of the Fees.\n\n7.2 For the avoidance of doubt, the Foreground IPR includes all methods, techniques, processes, algorithms and know-how developed or refined by the Supplier in performing the Services.\n",
    );
    let analysis = Analyzer::new(&lib).analyze(&doc, &Options::default());
    let r = redline::plan(Draft::from_text(&doc), &analysis, &lib, &[], options(Severity::Low));
    let denied = r.changes.iter().find(|c| c.deleted == "includes all").unwrap_or_else(|| panic!("{:#?}", r.changes));
    assert_eq!(denied.inserted, "does not include any");
    // Only the addition: the definition keeps its words, and the clause that transfers the
    // term keeps them too but for the carve-out of the Supplier's own materials (what the
    // addition gave them is answered where it is denied).
    assert!(
        r.changes.iter().all(|c| c.new_clause.is_some() || c.deleted == "includes all" || c.deleted.is_empty() && c.clause_label == "§7.1"),
        "{:#?}",
        r.changes
    );
    let owned = r.accepted_paragraphs().into_iter().find(|p| p.starts_with("7.1")).expect("7.1");
    assert!(owned.starts_with("7.1 The Customer shall own the Foreground IPR upon payment of the Fees, excluding Supplier IP."), "{owned}");
    assert!(r.open.iter().any(|o| o.why == OpenReason::AnsweredWhereAdded && o.clause_label.as_deref() == Some("§7.1")), "{:#?}", r.open);
}

#[test]
fn a_glossary_entry_for_rights_is_narrowed_as_a_glossary_entry_for_rights() {
    let lib = ClauseLibrary::embedded();
    let doc = text(
        "uk.md",
        Format::Markdown,
        "# SERVICES AGREEMENT\n\nThis agreement is between Harwick Homes Limited (the \"Customer\") and Lattice Labs Limited (the \"Supplier\").\n\n## 1. Definitions\n\n1.1 The following definitions apply in this agreement:\n\nCharges: the charges payable by the Customer for the Services.\n\nDeliverables: the items described in Schedule 1.\n\nForeground IPR: all Intellectual Property Rights arising from or in connection with the performance of the Services.\n\n## 7. Intellectual property\n\n7.1 The Supplier hereby assigns to the Customer with full title guarantee all Foreground IPR, such assignment to take effect automatically on the creation of each item of Foreground IPR.\n",
    );
    let analysis = Analyzer::new(&lib).analyze(&doc, &Options::default());
    let r = redline::plan(Draft::from_text(&doc), &analysis, &lib, &[], options(Severity::Low));
    let narrowed = r.changes.iter().find(|c| c.deleted.starts_with("Foreground IPR:")).unwrap_or_else(|| panic!("{:#?}", r.changes));
    assert!(narrowed.inserted.starts_with("Foreground IPR: only the intellectual property rights in the Deliverables"), "{narrowed:#?}");
    // The assignment put in its place names the same term: one name for one thing.
    let assigned = r.changes.iter().find(|c| c.deleted.contains("hereby assigns")).unwrap_or_else(|| panic!("{:#?}", r.changes));
    assert!(
        assigned.inserted.contains("the Foreground IPR in that Deliverable") && !assigned.inserted.contains("Customer IP"),
        "{assigned:#?}"
    );
    assert!(!assigned.inserted.contains("Foreground IPR\" means"), "{assigned:#?}");
}

/// The PSA's §1 assigns the Deliverables, its Pre-Existing Materials excepted, at a time its
/// cover page sets: the payment condition goes into that assignment, which stays, rather than
/// a second assignment in a new clause beside it (one fix per problem).
#[test]
fn the_psa_assignment_takes_the_payment_condition_in_its_own_words() {
    let Some(r) = corpus_redline("dev/commonpaper-psa-v1.1.md", "Provider") else { return };
    let condition = r.changes.iter().find(|c| c.inserted.contains("upon receipt of full payment")).expect("the payment condition");
    assert!(condition.deleted.is_empty(), "inserted into the assignment: {condition:?}");
    assert!(r.accepted_paragraph(condition.paragraph).contains("Except for Pre-Existing Materials and Third-Party Materials"));
    assert!(!r.changes.iter().any(|c| c.inserted.contains("assigns to Customer all right, title and interest")), "no second assignment");
}

/// Conditions that speak to the agency as "you" and of the client as "we": a definition whose
/// adapted words do not define its own term is asked for once, not again and again (the plan
/// never ended before), and no inserted definition is repeated.
#[test]
fn a_draft_in_the_second_person_gets_each_definition_once() {
    let doc = text(
        "grant.md",
        Format::Markdown,
        "# Grant Conditions\n\n1. These Conditions govern the grant we make to you. You shall undertake the Project in the manner set out in the Letter. We will pay the grant at such times as are specified in the Letter. You shall keep us informed. We may audit your records.\n\n2. You hereby assign to us all right, title and interest in everything you create in connection with the Project, including your tools and know-how.\n",
    );
    let library = ClauseLibrary::embedded();
    let analysis = Analyzer::new(&library).analyze(&doc, &Options::default());
    let r = redline::plan(Draft::from_text(&doc), &analysis, &library, &[], options(Severity::Low));
    assert!(!r.changes.is_empty());
    for c in &r.changes {
        let definitions: Vec<&str> = c.inserted.split(". ").filter(|s| s.contains("\" means ")).collect();
        let mut unique = definitions.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), definitions.len(), "{}", c.inserted);
    }
}

/// A passive assignment ("shall be assigned to the Client") of a term defined to take in
/// methods is edited where it stands, as an active one is: the agency's own materials carved
/// out after what passes, the assignment itself kept, in the draft's own term: the draft's
/// "Consulting Outputs" is not defined a second time, and no library "Deliverable" appears.
#[test]
fn a_passive_assignment_is_edited_in_place_in_the_drafts_terms() {
    let r = plan_embedded(
        "# SERVICES AGREEMENT\n\nThis Agreement is made between Northwind Retail Ltd (\"Client\") and Blue Harbour Studio Ltd (\"Provider\"). Provider shall provide the Services. Client shall pay the Fees.\n\n1. \"Consulting Outputs\" means all reports, software, methods, know-how and techniques produced by the Provider in the course of the Services.\n\n2. Any intellectual property rights in the Consulting Outputs shall be assigned to the Client provided that the Client has paid in full all Fees.\n",
    );
    assert!(r.changes.iter().all(|c| !c.deleted.contains("shall be assigned")), "{:?}", r.changes);
    assert!(r.changes.iter().any(|c| c.deleted.is_empty() && c.inserted == ", excluding Provider IP,"), "{:?}", r.changes);
    let inserted: String = r.changes.iter().map(|c| c.inserted.as_str()).collect::<Vec<_>>().join(" ");
    assert!(!inserted.contains("\"Consulting Outputs\" means"), "{inserted}");
    assert!(!inserted.contains("Deliverable"), "{inserted}");
}

/// "shall vest in the Client upon creation" and "shall be assigned to the Client upon
/// creation": the payment takes the place of the time, where it stands; the sentence does not
/// end up saying both "upon receipt of full payment" and "upon creation".
#[test]
fn the_time_an_ownership_statement_takes_effect_gives_way_to_payment() {
    for verb in ["shall vest in", "shall be assigned to"] {
        let r = plan_embedded(&format!(
            "SERVICES AGREEMENT\n\nThis Agreement is made between Harbour Group Limited (\"Client\") and Brightloop Analytics Limited (\"Consultant\").\n\n1. Services. Consultant shall provide the Services described in Schedule A.\n\n2. Fees. Client shall pay the Fees within 30 days of invoice.\n\n3. Ownership. All Deliverables and all intellectual property rights in them {verb} the Client upon creation.\n"
        ));
        let timing = r.changes.iter().find(|c| c.deleted == "upon creation").unwrap_or_else(|| panic!("{verb}: {:?}", r.changes));
        assert!(timing.inserted.starts_with("upon receipt of full payment"), "{verb}: {}", timing.inserted);
        let inserted: Vec<&str> = r.changes.iter().map(|c| c.inserted.as_str()).collect();
        assert_eq!(inserted.iter().filter(|i| i.contains("full payment")).count(), 1, "{verb}: {inserted:?}");
    }
}

/// An agency's own first-person terms: "We assign to you all rights in the Deliverables,
/// including all our tools and libraries used to build them, as soon as they are created".
/// "including" our tools is turned round, the whole "as soon as they are created" gives way to
/// the payment (not "as soon effective upon ..."), and the tools now kept out are licensed to
/// the client as part of the Deliverables.
#[test]
fn our_tools_included_in_a_first_person_assignment_are_turned_round_and_licensed() {
    let r = plan_embedded(
        "These terms are agreed between Brightloop Analytics Limited (\"we\", \"us\", \"our\") and the customer named in the Order (\"you\", \"your\").\n\n1. Services. We will provide the Services described in the Order.\n\n2. Fees. You will pay the Fees within 30 days of our invoice.\n\n3. Ownership. We assign to you all rights in the Deliverables, including all our tools and libraries used to build them, as soon as they are created.\n",
    );
    assert!(r.changes.iter().any(|c| c.deleted == "including" && c.inserted == "excluding"), "{:?}", r.changes);
    assert!(r.changes.iter().any(|c| c.deleted == "as soon as they are created" && c.inserted.contains("full payment")), "{:?}", r.changes);
    assert!(r.changes.iter().any(|c| c.inserted.contains("We grant you a perpetual, non-exclusive")), "{:?}", r.changes);
}

/// "... in the Deliverables, including any Provider Materials incorporated in them": the
/// inclusion of the agency's materials, named after it, is turned round, not contradicted by
/// an ", excluding Provider IP" put in before it.
#[test]
fn an_inclusion_of_materials_named_after_the_agency_is_turned_round() {
    let r = plan_embedded(
        "AGREEMENT\n\nThis Agreement is made between Harbour Group Limited (\"Customer\") and Brightloop Analytics Limited (\"Provider\"). Provider shall provide the Services.\n\n1. Provider assigns to Customer all right, title and interest in the Deliverables, including any Provider Materials incorporated in them.\n",
    );
    assert!(r.changes.iter().any(|c| c.deleted == "including" && c.inserted == "excluding"), "{:?}", r.changes);
    assert!(r.changes.iter().all(|c| !c.inserted.contains(", excluding Provider IP")), "{:?}", r.changes);
}

/// "assign all rights ... in any intellectual property rights therein ("Client IPR") (including,
/// without limitation, the right to apply for the same) to the Client": the carve-out follows
/// both parentheses that qualify what passes, so the right to apply stays with the Client IPR
/// and is not read as a right in the agency's own materials.
#[test]
fn a_carve_out_follows_every_parenthesis_that_qualifies_what_passes() {
    let one_line = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(bee) = corpus_redline("agency-drafts/bee-contractor.docx", "Consultancy") else { return };
    let carve = bee.changes.iter().find(|c| c.inserted.starts_with(", excluding Consultancy IP")).expect("the carve-out is put in place");
    let accepted = one_line(&bee.accepted_paragraph(carve.paragraph));
    assert!(
        accepted.contains("(\"Client IPR\") (including, without limitation, the right to apply for the same), excluding Consultancy IP and improvements to it, to the Client"),
        "{accepted}"
    );
}

/// A company known by a lower-case trade name ("trading as \"brightlabs digital\"") is named by
/// it in what the redline inserts, never by the library's "Agency".
#[test]
fn a_lower_case_trade_name_names_the_agency_in_inserted_words() {
    let doc = text(
        "d.md",
        Format::Markdown,
        "# Terms\n\n1. This agreement is between Brightlabs Web Ltd, a company registered in England, trading as \"brightlabs digital\", and the organisation specified on the order summary.\n\n2. Before starting a Project, brightlabs digital will provide a proposal. We will invoice you monthly and you will pay each invoice within 14 days. We will tell you when we start, and you will give us access to your systems.\n\n3. Intellectual property in all work created by us in the course of the project shall belong to you on creation.\n",
    );
    let r = plan_doc(&doc, &[], Severity::Low);
    let inserted: String = r.changes.iter().map(|c| c.clause_text(true)).collect::<Vec<_>>().join(" ");
    assert!(!inserted.is_empty(), "{:?}", r.changes);
    assert!(!inserted.contains("Agency"), "{inserted}");
}

/// Work made in the engagement "and that also forms a part of the Product" is bounded already:
/// the low broad point is left open to confirm on the call, and only the payment condition goes
/// in.
#[test]
fn a_broad_object_the_draft_bounds_is_left_open_not_narrowed() {
    let doc = text(
        "d.txt",
        Format::Txt,
        "TERMS\n\nThis Agreement is made between Harbour Group Limited (the \"Client\") and Brightloop Studio Limited (the \"Provider\"). The Provider shall provide the Services and the Client shall pay the Fees.\n\n1. Intellectual property in work created by the Provider in the course of working on a Story and that also forms a part of the Product shall belong to the Client.\n",
    );
    let r = plan_doc(&doc, &[], Severity::Low);
    assert!(r.open.iter().any(|o| o.concern == Concern::BroadWorkProduct && o.why == OpenReason::Bounded), "{:?}", r.open);
    assert!(r.changes.iter().all(|c| !c.deleted.contains("in the course of")), "{:?}", r.changes);
}

/// The demo round 2 as the client's counsel read it: the definition of "Client Data" (patient
/// data) was replaced by a definition of the deliverables, as a broad-work-product point was
/// shown there for "synthetic data generated from Client Data"; and §6.2's bar on using the
/// methods worked out on Client Data was replaced by the library's data clause, whose 30-day
/// deletion contradicted §6.3's 60 days. Now the definition stands and §6.2 loses only that
/// limb.
#[test]
fn the_demos_data_definition_stands_and_its_data_bar_loses_only_the_methods_limb() {
    let Some((_, r2, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("client-draft-r2.md")) else { return };
    let data = accepted_with(r2, "1.1 \"Client Data\" means");
    assert!(data.contains("including protected health information") && !data.contains("Deliverables"), "{data}");
    assert_eq!(
        accepted_with(r2, "6.2 Restrictions."),
        "6.2 Restrictions. Provider shall not use Client Data for the benefit of any person other than Client, and shall not use Client Data to train any model other than the Models."
    );
    // Its reason speaks of the data bar, not of a transfer.
    let bar = r2.changes.iter().find(|c| c.clause_label.contains("6.2")).expect("the change to §6.2");
    assert!(bar.note.contains("Client Data") && !bar.note.contains("transfer"), "{}", bar.note);
}

/// The demo's work-made-for-hire clause keeps its own backstop ("To the extent any Work Product
/// is not a work made for hire, it is assigned to Client under Section 4.1"): the library's
/// narrowed statement goes in without its own, which made the clause assign the same work
/// twice, once under 4.1 and once on its own terms.
#[test]
fn a_narrowed_hire_statement_leaves_the_drafts_own_backstop_the_only_one() {
    for (round, start) in [("client-draft-r1.md", "4.2 Work Made for Hire."), ("client-draft-r2.md", "5.2 Work Made for Hire.")] {
        let Some((_, demo, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with(round)) else { return };
        let clause = accepted_with(demo, start);
        assert_eq!(clause.matches("is not a work made for hire").count(), 1, "{round}: {clause}");
        assert!(clause.contains("is assigned to Client under Section"), "{round}: {clause}");
    }
}

/// Counsel's review of the demo's round 2: §5.5 "Joint Developments" became a limit on all that
/// the client owns, §5.7 "Outputs" became "[Reserved.]" (the outputs of
/// the client's own model left with no owner, and a note saying §5.6 covered them), §5.6
/// "Improvements" was replaced by a limit on everything the client owns, and §7.1 lost its
/// warranty (c) while (d) "free and clear of all ... licenses" stayed, to be breached on
/// delivery. Each is now edited in its own words: the owner-first statement ("Client shall
/// also own") narrowed to what the Deliverables produce, the limb reaching Provider's tools
/// struck, Provider's materials carved out, payment made the condition; the warranty keeps its
/// promise for components the client was not told of.
#[test]
fn the_demos_outputs_improvements_and_originality_warranty_are_edited_not_replaced() {
    let Some((_, r2, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("client-draft-r2.md")) else { return };
    assert_eq!(
        accepted_with(r2, "5.7 Outputs."),
        "5.7 Outputs. Client shall also own all outputs generated by the Deliverables and all synthetic data generated from Client Data, excluding Provider Materials and improvements to them, upon receipt of full payment of the Fees."
    );
    assert_eq!(
        accepted_with(r2, "5.6 Improvements."),
        "5.6 Improvements. Client shall own all improvements, modifications and derivative works of the Work Product, excluding Provider Materials and improvements to them, upon receipt of full payment of the Fees."
    );
    let warranty = accepted_with(r2, "7.1 Provider represents");
    assert!(
        warranty.contains("(c) the Deliverables do not contain any open source software, copyleft code or other third party components, other than those identified to Client in writing; and (d) the Deliverables are free and clear of all liens, claims, encumbrances and licenses other than the licenses of components so identified."),
        "{warranty}"
    );
    assert!(!r2.changes.iter().any(|c| c.inserted.contains("[Reserved.]") && c.clause_label.contains("5.7")));
    // §5.5 still deals with joint developments, not with everything Client owns.
    let joint = accepted_with(r2, "5.5 Joint Developments.");
    assert!(
        joint.contains("Developments made jointly") && !joint.contains("Client's ownership under this Agreement extends only"),
        "{joint}"
    );
}

/// The demo's §4.1 assigns "the ~~Work Product~~ Deliverables ... effective upon receipt of full
/// payment of the Fees for them": the pronoun of the payment condition follows the noun renamed
/// in its sentence.
#[test]
fn a_payment_condition_after_a_renamed_plural_says_them() {
    let Some((_, demo, _)) = real_redlines().iter().find(|(name, _, _)| name.ends_with("client-draft-r1.md")) else { return };
    let accepted = accepted_with(demo, "4.1 Ownership.");
    assert!(accepted.contains("effective upon receipt of full payment of the Fees for them"), "{accepted}");
}

/// A clause whose heading stands on the line above its body ("### 5.2 Assignment of Rights"),
/// whose whole body is struck because another clause's new wording covers it, is left
/// "[Reserved.]" under its heading, not an empty heading.
#[test]
fn a_clause_emptied_under_a_heading_of_its_own_line_is_reserved() {
    let r = plan_embedded(
        "# FREELANCE DEVELOPER AGREEMENT\n\nThis Agreement is between Northwind Health Inc. (\"Client\") and Jordan Lee (\"Developer\"). Developer shall develop the app and Client shall pay the fees.\n\n### 5.1 Work Product Ownership\nALL work product, code, designs, documentation, and inventions created under this Agreement are the SOLE and EXCLUSIVE property of Client.\n\n\"Work Product\" includes but is not limited to:\n- Source code and object code\n- Designs, wireframes, mockups\n- Algorithms and logic\n- Any derivative works\n\n### 5.2 Assignment of Rights\nDeveloper hereby assigns, transfers, and conveys to Client all rights, title, and interest in and to the Work Product, including all intellectual property rights, copyrights, patents, trade secrets, and moral rights.\n\n### 5.3 Work for Hire\nTo the extent permitted by law, all Work Product shall be considered \"work made for hire\" under U.S. Copyright Law, with Client as the author and owner.\n\n### 5.4 Governing Law\nThis Agreement is governed by the laws of California.\n",
    );
    let emptied = r.changes.iter().find(|c| c.deleted.starts_with("Developer hereby assigns")).expect("§5.2's assignment is struck");
    assert_eq!(emptied.inserted, "[Reserved.]", "{:#?}", r.changes);
}

/// A numbered paragraph whose whole sentence is struck keeps its number: "5.5 ~~Without
/// limiting clause 5.1, ...~~", not "~~5.5 Without ...~~", which would take the number readers
/// cite with it.
#[test]
fn a_struck_numbered_sentence_keeps_its_number() {
    let r = plan_embedded(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/synth/agency-drafts/au-coastal-contract.md"))
            .expect("fixture"),
    );
    let numbered = regex::Regex::new(r"^\d+(?:\.\d+)+\s").expect("regex");
    assert!(r.changes.iter().any(|c| c.deleted.starts_with("Without limiting clause 5.1")), "{:#?}", r.changes);
    assert!(!r.changes.iter().any(|c| numbered.is_match(&c.deleted)), "{:#?}", r.changes);
    // A transfer struck whole, its words covered elsewhere, keeps its number and says so.
    let r = plan_embedded(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/synth/agency-drafts/uk-harwick-services.md"))
            .expect("fixture"),
    );
    let emptied = r.changes.iter().find(|c| c.deleted.starts_with("Any modification, enhancement or derivative")).expect("§7.4 struck");
    assert_eq!(emptied.inserted, "[Reserved.]", "{emptied:#?}");
}

/// A draft pasted without blank lines (each line a paragraph, as a consultant's PDF copies
/// out) takes a new clause after the last line of the clause it follows, not after the whole
/// draft; its lines stay as they were, one to a line. And a sentence-case section heading
/// whose items count from 1 ("9. Intellectual property", then "1.", "2.") takes it after its
/// last item, numbered 9A.
#[test]
fn a_new_clause_goes_after_its_section_in_a_pasted_draft_and_after_the_last_item_of_a_sentence_case_section() {
    let pasted = "CONSULTING AGREEMENT\n1. The Parties.\nThis Agreement is between Harbor Analytics LLC (\"Client\") and Kite Data LLC (\"Consultant\").\n2. Services.\nThe Consultant shall build a forecasting dashboard for the Client.\n3. Work Product.\nAll work product created by the Consultant under this Agreement shall be the sole property of the Client.\n4. Confidentiality.\nThe Consultant will not disclose any confidential information of the Client.\nThe Consultant shall return all materials on termination.\n5. Entire Agreement.\nThis Agreement is the entire agreement between the parties.\n";
    let r = plan_embedded(pasted);
    let new: Vec<&redline::Change> = r.changes.iter().filter(|c| c.new_clause.is_some()).collect();
    assert!(!new.is_empty(), "{:#?}", r.changes);
    let md = String::from_utf8(redline::render(&r, Path::new("x.md"), false).unwrap()).unwrap();
    let (before, after) = md.split_once("\n5. Entire Agreement.").expect("section 5 kept");
    for c in &new {
        let number = c.new_clause.as_ref().and_then(|n| n.number.clone()).unwrap_or_default();
        assert!(before.contains(&format!("**{number} ")) && !after.contains(&format!("**{number} ")), "{number} before §5:\n{md}");
    }
    assert!(md.starts_with("CONSULTING AGREEMENT\n1. The Parties.\nThis Agreement is between"), "{md}");
    assert!(after.starts_with("\nThis Agreement is the entire agreement between the parties."), "{md}");

    let items = "# Terms\n\n1. Fees\n    1. You pay each invoice within 14 days.\n2. Intellectual property\n    1. All work we create for you belongs to you when it is created.\n    2. You may use it for any purpose.\n3. Data protection\n    1. Both parties comply with data protection law.\n";
    let r = plan_embedded(items);
    let md = String::from_utf8(redline::render(&r, Path::new("x.md"), false).unwrap()).unwrap();
    let new: Vec<String> = r.changes.iter().filter_map(|c| c.new_clause.as_ref().and_then(|n| n.number.clone())).collect();
    assert!(new.first().is_some_and(|n| n == "2A"), "{new:?}\n{md}");
    let (before, _) = md.split_once("3. Data protection").expect("section 3 kept");
    let (_, tail) = before.split_once("You may use it for any purpose.").expect("item 2 kept");
    assert!(tail.contains("**2A "), "2A after item 2:\n{md}");
}

/// A licence that already says it is non-exclusive and non-transferable, whose only point is
/// that it passes to a buyer of the client's business (said in the next sentence), keeps its
/// words: nothing in the grant is left to strike, and the point is left for the call rather
/// than the grant replaced by the library's licence.
#[test]
fn a_licence_already_personal_is_left_as_drafted() {
    let doc = text(
        "bennett.md",
        Format::Markdown,
        "This Agreement is made between Northwind Retail Ltd (\"Client\") and Blue Harbour Studio Ltd (\"Vendor\").\n\n\
         1. Services. Vendor shall build the web site described in the Proposal.\n\n\
         2. License. Vendor retains all right, title and interest in its pre-existing tools and materials (the \"Background Technology\"). \
         Vendor hereby grants to Client a worldwide, nonexclusive, nontransferable, royalty-free license to use the Background Technology \
         as necessary to use and modify the Deliverables. However, upon sale or transfer of the Client's business, this license shall be \
         transferable to the new owner of Client's business.\n",
    );
    let r = plan_named(&doc, "Vendor");
    let licence = |c: &&redline::Change| c.deleted.contains("nontransferable");
    assert!(!r.changes.iter().any(|c| licence(&c)), "the grant is not struck: {:#?}", r.changes);
    assert!(r.open.iter().any(|o| o.concern == Concern::TransferableLicense && o.why == OpenReason::AlreadyPersonal), "{:#?}", r.open);
}

/// A licence replaced by the library's takes with it the sentences after it that give it its
/// terms ("The license continues forever, cannot be revoked, ... and allows Client to
/// sublicense"): left, they would speak of words struck and undo the licence put in their place.
#[test]
fn the_terms_of_a_replaced_licence_go_with_it() {
    let doc = text(
        "commons.md",
        Format::Markdown,
        "This Agreement is made between Northwind Retail Ltd (\"Client\") and Blue Harbour Studio Ltd (\"Developer\").\n\n\
         1. Services. Developer shall build the software described in the Work Order.\n\n\
         2. Other Intellectual Property. Developer licenses Client to do everything that would otherwise infringe the intellectual \
         property rights that Developer can license, other than the New Intellectual Property, that Developer's contributions use or \
         build on. The license continues forever, cannot be revoked, imposes no royalty or other charge, and allows Client to sublicense.\n",
    );
    let r = plan_named(&doc, "Developer");
    let grant = r.changes.iter().find(|c| c.deleted.starts_with("Developer licenses Client")).expect("the grant is replaced");
    assert!(grant.inserted.contains("Client may use"), "{grant:#?}");
    let terms =
        r.changes.iter().find(|c| c.deleted.trim_start().starts_with("The license continues forever")).expect("its terms go with it");
    assert!(terms.inserted.is_empty() && terms.deleted.ends_with("sublicense."), "{terms:#?}");
    assert_eq!(terms.paragraph, grant.paragraph);
}
