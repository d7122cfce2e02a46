//! Invariants of a redline for any draft: changes are in order, never overlap, stay inside their
//! paragraph on character boundaries; every output renders without panicking; the .docx is
//! well-formed XML with unique revision ids; and reading the tracked .docx back (the reader
//! accepts tracked changes) gives exactly the text of the clean .docx, also when the redlined
//! draft was itself a .docx.

use std::collections::HashSet;
use std::io::{Cursor, Read};
use std::path::Path;
use std::sync::LazyLock;

use clauseguard::analysis::{Analyzer, Options};
use clauseguard::ingest::{self, Format};
use clauseguard::library::{ClauseLibrary, Severity};
use clauseguard::redline::{self, Draft, Redline, RedlineOptions};
use proptest::prelude::*;
use quick_xml::events::Event;

static LIBRARY: LazyLock<ClauseLibrary> = LazyLock::new(|| {
    ClauseLibrary::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/redline/library")).expect("fixture library")
});

fn draft() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("7. Intellectual Property.\n\n".to_owned()),
        Just("7.1 Ownership. ".to_owned()),
        Just("(a) ".to_owned()),
        Just("Client shall own all work product created by Provider. ".to_owned()),
        Just("The Deliverables are works made for hire. ".to_owned()),
        Just("Provider hereby assigns to Client all rights upon creation. ".to_owned()),
        Just("Provider shall not provide similar services to any competitor. ".to_owned()),
        Just("e.g. U.S. law applies. ".to_owned()),
        Just("“Deliverables” means the items in Schedule A.\" ".to_owned()),
        Just("**bold** <span>x</span> & <v2> ".to_owned()),
        Just("\n\n".to_owned()),
        Just("\n".to_owned()),
        Just("\t".to_owned()),
        "[a-zA-Z0-9 .,;:()\"'\\-é€\u{2019}\n]{0,30}",
    ];
    proptest::collection::vec(piece, 1..30).prop_map(|v| v.concat()).prop_filter("a draft has words", |t| !t.trim().is_empty())
}

fn options() -> RedlineOptions {
    RedlineOptions { only: Severity::Low, author: "A & B <Ltd>".into(), date: "2026-03-01T10:00:00Z".into() }
}

fn plan(draft: Draft, doc: &ingest::Document) -> Redline {
    let analysis = Analyzer::new(&LIBRARY).analyze(doc, &Options::default());
    redline::plan(draft, &analysis, &LIBRARY, &[], options())
}

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).expect("a zip");
    let mut s = String::new();
    zip.by_name(name).expect("part").read_to_string(&mut s).expect("UTF-8");
    s
}

/// Parses XML to the end; returns the `w:id` of every revision and comment element.
fn ids(xml: &str) -> Result<Vec<String>, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) | Event::Empty(e) if matches!(e.name().as_ref(), "w:ins" | "w:del" | "w:comment") => {
                let id = e.try_get_attribute("w:id").map_err(|x| x.to_string())?.ok_or("no w:id")?;
                out.push(id.value.into_owned());
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

fn check(r: &Redline) -> Result<(), TestCaseError> {
    for w in r.changes.windows(2) {
        prop_assert!(w[0].end <= w[1].start, "changes overlap or are out of order");
    }
    for c in &r.changes {
        let p = &r.draft.paragraphs[c.paragraph];
        prop_assert!(p.start <= c.start && c.end <= p.end, "change {} leaves its paragraph", c.id);
        prop_assert!(r.draft.text.is_char_boundary(c.start) && r.draft.text.is_char_boundary(c.end));
        prop_assert_eq!(&c.deleted, &r.draft.analysed[c.start..c.end]);
    }
    for clean in [false, true] {
        redline::render(r, Path::new("x.md"), clean).map_err(|e| TestCaseError::fail(e.to_string()))?;
        redline::render(r, Path::new("x.html"), clean).map_err(|e| TestCaseError::fail(e.to_string()))?;
    }
    let tracked = redline::render(r, Path::new("x.docx"), false).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let clean = redline::render(r, Path::new("x.docx"), true).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let body = part(&tracked, "word/document.xml");
    let mut all = ids(&body).map_err(TestCaseError::fail)?;
    if !r.changes.is_empty() {
        let comments = part(&tracked, "word/comments.xml");
        all.extend(ids(&comments).map_err(TestCaseError::fail)?.into_iter().map(|id| format!("c{id}")));
    }
    if !r.changes.is_empty() {
        let internal = redline::render_internal(r, Path::new("x.docx")).map_err(|e| TestCaseError::fail(e.to_string()))?;
        ids(&part(&internal, "word/comments.xml")).map_err(TestCaseError::fail)?;
    }
    let revisions: Vec<&String> = all.iter().filter(|i| !i.starts_with('c')).collect();
    prop_assert_eq!(revisions.len(), revisions.iter().collect::<HashSet<_>>().len(), "revision ids are unique");
    ids(&part(&clean, "word/document.xml")).map_err(TestCaseError::fail)?;
    let accepted = ingest::docx::extract(&tracked).map_err(|e| TestCaseError::fail(e.to_string()))?.text;
    let clean_text = ingest::docx::extract(&clean).map_err(|e| TestCaseError::fail(e.to_string()))?.text;
    prop_assert_eq!(accepted, clean_text, "accepting every tracked change gives the clean document");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn text_and_markdown_drafts(text in draft(), markdown in any::<bool>()) {
        let doc = ingest::from_text("d", if markdown { Format::Markdown } else { Format::Txt }, &text);
        let r = plan(Draft::from_text(&doc), &doc);
        check(&r)?;
    }

    #[test]
    fn docx_drafts(text in draft()) {
        // A .docx of the draft (the clean rendering of a redline with no changes), redlined.
        let doc = ingest::from_text("d.txt", Format::Txt, &text);
        let plain = redline::plan(Draft::from_text(&doc), &Analyzer::new(&LIBRARY).analyze(&doc, &Options::default()), &LIBRARY, &[], RedlineOptions { only: Severity::High, ..options() });
        let bytes = redline::render(&Redline { changes: Vec::new(), ..plain }, Path::new("d.docx"), true).unwrap();
        let docx = ingest::from_bytes(Path::new("d.docx"), &bytes);
        prop_assume!(docx.is_ok());
        let docx = docx.unwrap();
        let r = plan(Draft::from_docx(&docx, bytes).unwrap(), &docx);
        check(&r)?;
    }
}

/// Found by `text_and_markdown_drafts`: a struck list item and a bar in the same clause.
#[test]
fn a_repeated_list_label_before_an_ownership_statement_and_a_bar() {
    let text = "7.1 Ownership. (a) (a) Client shall own all work product created by Provider. ,Provider shall not provide similar services to any competitor. ";
    let doc = ingest::from_text("d", Format::Txt, text);
    let r = plan(Draft::from_text(&doc), &doc);
    for w in r.changes.windows(2) {
        assert!(w[0].end <= w[1].start, "changes overlap or are out of order: {:#?}", r.changes);
    }
}
