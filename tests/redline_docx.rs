//! The .docx redline as the other side will open it. pandoc reads it back: every deletion and
//! insertion planned must be there as a tracked change, and accepting them all must give the
//! `--clean` document. A .docx draft keeps every part it does not change byte for byte, and the
//! clean text analysed again no longer has the high-severity concerns the redline addressed.
//! Tests that need pandoc (or `soffice`, or the shared corpus) skip with a message without it.

use std::path::{Path, PathBuf};
use std::process::Command;

use clauseguard::analysis::{Analysis, Analyzer, Options};
use clauseguard::ingest::{self, Format};
use clauseguard::library::{ClauseLibrary, Severity};
use clauseguard::redline::{self, Draft, Redline, RedlineOptions};
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/redline")
}

fn library() -> ClauseLibrary {
    ClauseLibrary::load_dir(&fixtures().join("library")).expect("fixture library")
}

fn corpus(name: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev").join(name);
    if path.is_file() {
        Some(path)
    } else {
        eprintln!("skipped: {} is absent (the shared corpus is not here)", path.display());
        None
    }
}

fn have(tool: &str) -> bool {
    let found = Command::new(tool).arg("--version").output().is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("skipped: {tool} is not installed (CI installs it)");
    }
    found
}

/// Plans the redline of a draft on disk, as `clauseguard redline` does.
fn plan(path: &Path) -> (Redline, Analysis) {
    let doc = ingest::load(path).expect("draft");
    let library = library();
    let analysis = Analyzer::new(&library).analyze(&doc, &Options::default());
    let draft = if doc.format == Format::Docx {
        Draft::from_docx(&doc, std::fs::read(path).unwrap()).expect("docx draft")
    } else {
        Draft::from_text(&doc)
    };
    let options = RedlineOptions { only: Severity::Low, author: "Brightlabs Ltd".into(), date: "2026-03-01T10:00:00Z".into() };
    (redline::plan(draft, &analysis, &library, &[], options), analysis)
}

/// Plans the redline of a text draft with the embedded library, signed by `author`.
fn plan_embedded(doc: &ingest::Document, author: &str) -> Redline {
    let library = ClauseLibrary::embedded();
    let analysis = Analyzer::new(&library).analyze(doc, &Options::default());
    let options = RedlineOptions { only: Severity::Low, author: author.into(), date: "2026-03-01T10:00:00Z".into() };
    redline::plan(Draft::from_text(doc), &analysis, &library, &[], options)
}

fn pandoc(args: &[&str], file: &Path) -> String {
    let out = Command::new("pandoc").args(args).arg(file).output().expect("run pandoc");
    assert!(out.status.success(), "pandoc failed on {}: {}", file.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("pandoc writes UTF-8")
}

fn norm(s: &str) -> String {
    s.replace(['\u{2019}', '\u{2018}'], "'").replace(['\u{201c}', '\u{201d}'], "\"").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of pandoc JSON inlines.
fn stringify(inlines: &Value, out: &mut String) {
    for inline in inlines.as_array().into_iter().flatten() {
        match inline["t"].as_str().unwrap_or("") {
            "Str" => out.push_str(inline["c"].as_str().unwrap_or("")),
            "Space" | "SoftBreak" | "LineBreak" => out.push(' '),
            "Span" | "Link" => stringify(&inline["c"][1], out),
            "Quoted" => {
                out.push('"');
                stringify(&inline["c"][1], out);
                out.push('"');
            }
            _ => stringify(&inline["c"], out),
        }
    }
}

/// Every run of tracked text of one kind ("insertion", "deletion"), adjacent spans joined.
fn tracked(json: &Value, kind: &str) -> Vec<String> {
    fn walk(v: &Value, kind: &str, current: &mut Option<String>, out: &mut Vec<String>) {
        match v {
            Value::Array(items) => items.iter().for_each(|i| walk(i, kind, current, out)),
            Value::Object(map) => match map.get("t").and_then(Value::as_str) {
                Some("Span") if map["c"][0][1].as_array().is_some_and(|c| c.iter().any(|x| x == kind)) => {
                    let mut text = String::new();
                    stringify(&map["c"][1], &mut text);
                    current.get_or_insert_with(String::new).push_str(&text);
                }
                Some("Str" | "Space" | "SoftBreak" | "LineBreak") => out.extend(current.take()),
                Some("Para" | "Plain" | "Header") => {
                    out.extend(current.take());
                    walk(&map["c"], kind, current, out);
                    out.extend(current.take());
                }
                _ => map.values().for_each(|x| walk(x, kind, current, out)),
            },
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut current = None;
    walk(&json["blocks"], kind, &mut current, &mut out);
    out.extend(current);
    out.iter().map(|s| norm(s)).filter(|s| !s.is_empty()).collect()
}

/// Writes the tracked and clean .docx of a draft and checks them with pandoc.
fn check_with_pandoc(draft: &Path) -> (Redline, Analysis, tempfile::TempDir) {
    let (plan, analysis) = plan(draft);
    assert!(!plan.changes.is_empty(), "{}: the fixture should need changes", draft.display());
    let dir = tempfile::tempdir().unwrap();
    let tracked_path = dir.path().join("redline.docx");
    let clean_path = dir.path().join("clean.docx");
    std::fs::write(&tracked_path, redline::render(&plan, &tracked_path, false).unwrap()).unwrap();
    std::fs::write(&clean_path, redline::render(&plan, &clean_path, true).unwrap()).unwrap();

    let json: Value = serde_json::from_str(&pandoc(&["--track-changes=all", "-t", "json"], &tracked_path)).unwrap();
    let deletions = tracked(&json, "deletion");
    let insertions = tracked(&json, "insertion");
    for c in &plan.changes {
        // An edit that only adds words strikes nothing.
        if c.new_clause.is_none() && !c.deleted.trim().is_empty() {
            let struck = norm(&c.deleted);
            assert!(deletions.iter().any(|d| d.contains(&struck)), "change {}: deletion {struck:?} not in {deletions:#?}", c.id);
        }
        if !c.inserted.is_empty() {
            let words = norm(&c.inserted);
            assert!(insertions.iter().any(|i| i.contains(&words)), "change {}: insertion {words:?} not in {insertions:#?}", c.id);
        }
    }
    let with_comments = pandoc(&["--track-changes=all", "-t", "markdown", "--wrap=none"], &tracked_path);
    assert!(with_comments.matches("comment-start").count() >= plan.changes.len(), "pandoc sees a comment on every change");
    let comments = comment_text(&std::fs::read(&tracked_path).unwrap());
    for c in &plan.changes {
        assert!(comments.contains(&c.note), "change {}: its reason for counsel {:?} is not a comment", c.id, c.note);
    }
    let accepted = norm(&pandoc(&["--track-changes=accept", "-t", "plain", "--wrap=none"], &tracked_path));
    let clean = norm(&pandoc(&["-t", "plain", "--wrap=none"], &clean_path));
    assert_eq!(accepted, clean, "accepting every change must give the --clean text");
    let rejected = norm(&pandoc(&["--track-changes=reject", "-t", "plain", "--wrap=none"], &tracked_path));
    for c in &plan.changes {
        if !c.inserted.is_empty() {
            assert!(!rejected.contains(&norm(&c.inserted)), "rejecting change {} must remove its words", c.id);
        }
    }
    (plan, analysis, dir)
}

/// Analysing the clean document finds no high-severity concern a change addressed, except
/// where the redline itself said it left that phrase open (a phrase in a heading).
fn check_round_trip(plan: &Redline, clean: &Path) {
    let doc = ingest::load(clean).expect("clean output reads back");
    let library = library();
    let after = Analyzer::new(&library).analyze(&doc, &Options::default());
    let left_open =
        |concern, phrase: Option<&str>| plan.open.iter().any(|o| o.concern == concern && o.phrase.as_deref().map(norm) == phrase.map(norm));
    for c in &plan.changes {
        for r in c.reasons.iter().filter(|r| r.severity == Severity::High) {
            let back: Vec<_> = after
                .findings
                .iter()
                .filter(|f| f.concern == r.concern && f.severity == Severity::High && !left_open(f.concern, f.phrase.as_deref()))
                .collect();
            assert!(back.is_empty(), "{}: concern {} addressed by change {} is found again: {back:#?}", clean.display(), r.concern, c.id);
        }
    }
}

#[test]
fn markdown_draft_becomes_a_tracked_docx() {
    if !have("pandoc") {
        return;
    }
    let (plan, _, dir) = check_with_pandoc(&fixtures().join("numbered-draft.md"));
    assert!(plan.changes.iter().any(|c| c.new_clause.as_ref().is_some_and(|n| n.number.as_deref() == Some("7.4"))));
    let all = pandoc(&["--track-changes=all", "-t", "markdown", "--wrap=none"], &dir.path().join("redline.docx"));
    assert!(all.contains("author=\"Brightlabs Ltd\"") && all.contains("date=\"2026-03-01T10:00:00Z\""), "{all}");
    assert!(all.contains("paragraph-insertion"), "the new clause's paragraph mark is tracked too");
    assert!(all.contains("# SOFTWARE DEVELOPMENT AGREEMENT"), "a Markdown heading stays a heading");
    check_round_trip(&plan, &dir.path().join("clean.docx"));
}

#[test]
fn plain_text_draft_becomes_a_tracked_docx() {
    if !have("pandoc") {
        return;
    }
    let (plan, _, dir) = check_with_pandoc(&fixtures().join("plain-draft.txt"));
    // The draft is unnumbered, so the residuals clause is too.
    let new = plan.changes.iter().find_map(|c| c.new_clause.as_ref()).expect("residuals added");
    assert_eq!(new.number, None);
    check_round_trip(&plan, &dir.path().join("clean.docx"));
}

#[test]
fn corpus_docx_drafts_keep_their_parts_and_take_tracked_changes() {
    if !have("pandoc") {
        return;
    }
    for name in ["openagreements-ciiaa.docx", "commonpaper-psa.docx"] {
        let Some(path) = corpus(name) else { continue };
        let (plan, _, dir) = check_with_pandoc(&path);
        let original = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
        let mut original = original;
        let mut redlined = zip::ZipArchive::new(std::fs::File::open(dir.path().join("redline.docx")).unwrap()).unwrap();
        let changed = ["word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"];
        for i in 0..original.len() {
            let mut a = original.by_index(i).unwrap();
            let part = a.name().unwrap().into_owned();
            let mut before = Vec::new();
            std::io::Read::read_to_end(&mut a, &mut before).unwrap();
            let mut after = Vec::new();
            std::io::Read::read_to_end(&mut redlined.by_name(&part).expect("every part kept"), &mut after).unwrap();
            if !changed.contains(&part.as_str()) {
                assert!(before == after, "{name}: part {part} must be kept byte for byte");
            }
        }
        assert!(redlined.by_name("word/comments.xml").is_ok(), "{name}: comments part added");
        check_round_trip(&plan, &dir.path().join("clean.docx"));
    }
}

#[test]
fn untouched_paragraphs_of_a_docx_are_byte_identical() {
    let Some(path) = corpus("openagreements-ciiaa.docx") else { return };
    let (plan, _) = plan(&path);
    let out = redline::render(&plan, Path::new("out.docx"), false).unwrap();
    let read = |bytes: &[u8]| {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
        let mut s = String::new();
        std::io::Read::read_to_string(&mut z.by_name("word/document.xml").unwrap(), &mut s).unwrap();
        s
    };
    let before = read(&std::fs::read(&path).unwrap());
    let after = read(&out);
    // Everything up to the first changed paragraph, and after the last, is the same bytes.
    let common_start = before.bytes().zip(after.bytes()).take_while(|(a, b)| a == b).count();
    let common_end = before.bytes().rev().zip(after.bytes().rev()).take_while(|(a, b)| a == b).count();
    let first = plan.changes.first().unwrap();
    assert!(common_start > 0 && common_end > 0);
    assert!(before[..common_start].contains("<w:body>"), "the body's start is untouched");
    assert!(!before[common_start..].is_empty());
    assert!(after.matches("<w:del ").count() >= plan.changes.iter().filter(|c| c.new_clause.is_none() && !c.deleted.is_empty()).count());
    if plan.changes.iter().any(|c| !c.deleted.trim().is_empty()) {
        assert!(after.contains("<w:delText"), "struck words are w:delText");
    }
    let inserted = first.inserted.replace('&', "&amp;").replace('"', "&quot;");
    assert!(!before.contains(&inserted) && after.contains(&inserted));
}

#[test]
fn libreoffice_opens_the_redline() {
    if !have("soffice") {
        eprintln!("manual check instead: soffice --headless --convert-to pdf redline.docx");
        return;
    }
    let (plan, _) = plan(&fixtures().join("numbered-draft.md"));
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("redline.docx");
    std::fs::write(&docx, redline::render(&plan, &docx, false).unwrap()).unwrap();
    let profile = format!("-env:UserInstallation=file://{}", dir.path().join("profile").display());
    let out = Command::new("soffice")
        .args([profile.as_str(), "--headless", "--convert-to", "fodt", "--outdir"])
        .arg(dir.path())
        .arg(&docx)
        .output()
        .expect("run soffice");
    let fodt = std::fs::read_to_string(dir.path().join("redline.fodt"))
        .unwrap_or_else(|_| panic!("LibreOffice did not convert the redline: {}", String::from_utf8_lossy(&out.stderr)));
    let deletions = plan.changes.iter().filter(|c| c.new_clause.is_none()).count();
    assert_eq!(fodt.matches("<text:deletion").count(), deletions, "LibreOffice sees each deletion");
    assert_eq!(fodt.matches("<office:annotation ").count(), plan.changes.len(), "and each comment");
    assert!(fodt.contains("Residuals."), "and the new clause");
}

#[test]
fn a_second_redline_keeps_the_first_rounds_changes_and_comments() {
    let library = library();
    let doc = ingest::load(&fixtures().join("numbered-draft.md")).unwrap();
    let options = |only| RedlineOptions { only, author: "Round One".into(), date: "2026-03-01T10:00:00Z".into() };
    let analysis = Analyzer::new(&library).analyze(&doc, &Options::default());
    // Round one leaves §7.2 for later.
    let assignment = analysis.clauses.iter().position(|c| c.label() == "§7.2 Assignment");
    let later = [redline::Steer { clause: assignment, finding: None, stance: redline::Stance::Concede }];
    let first = redline::plan(Draft::from_text(&doc), &analysis, &library, &later, options(Severity::High));
    let first_docx = redline::render(&first, Path::new("r1.docx"), false).unwrap();

    // The client sends the tracked draft back; the agency now redlines §7.2 too.
    let again = ingest::from_bytes(Path::new("r1.docx"), &first_docx).unwrap();
    let analysis = Analyzer::new(&library).analyze(&again, &Options::default());
    let second = redline::plan(Draft::from_docx(&again, first_docx.clone()).unwrap(), &analysis, &library, &[], options(Severity::Low));
    assert!(second.changes.iter().any(|c| c.clause_label == "§7.2 Assignment"), "the point left open is redlined now");
    let second_docx = redline::render(&second, Path::new("r2.docx"), false).unwrap();

    let part = |bytes: &[u8], name: &str| {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
        let mut s = String::new();
        std::io::Read::read_to_string(&mut z.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let (body1, body2) = (part(&first_docx, "word/document.xml"), part(&second_docx, "word/document.xml"));
    let comments2 = part(&second_docx, "word/comments.xml");
    assert_eq!(comments2.matches("<w:comment ").count(), first.changes.len() + second.changes.len(), "both rounds' comments");
    let text2 = comment_text(&second_docx);
    for c in first.changes.iter().chain(&second.changes) {
        assert!(text2.contains(&c.note), "the reason of change {} is kept: {:?}", c.id, c.note);
    }
    assert!(body2.matches("<w:del ").count() > body1.matches("<w:del ").count());
    assert!(body1.split("<w:del ").skip(1).all(|d| body2.contains(&d[..d.find('>').unwrap()])), "round one's deletions are kept");
    let ids_of = |xml: &str, tags: &[&str]| -> Vec<String> {
        tags.iter()
            .flat_map(|t| xml.match_indices(*t).map(|(i, _)| i).collect::<Vec<_>>())
            .filter_map(|i| attribute(&xml[i..i + xml[i..].find('>').unwrap()], "w:id"))
            .collect()
    };
    let revisions = ids_of(&body2, &["<w:ins ", "<w:del "]);
    let comment_ids = ids_of(&comments2, &["<w:comment "]);
    for ids in [&revisions, &comment_ids] {
        let unique: std::collections::HashSet<_> = ids.iter().collect();
        assert_eq!(ids.len(), unique.len(), "no id is used twice: {ids:?}");
    }
    let clean = redline::render(&second, Path::new("c.docx"), true).unwrap();
    assert_eq!(ingest::docx::extract(&second_docx).unwrap().text, ingest::docx::extract(&clean).unwrap().text);
    if have("pandoc") {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r2.docx");
        std::fs::write(&path, &second_docx).unwrap();
        let all = pandoc(&["--track-changes=all", "-t", "markdown", "--wrap=none"], &path);
        assert!(all.contains("author=\"Round One\""));
        assert_eq!(all.matches("comment-start").count(), first.changes.len() + second.changes.len(), "pandoc sees both rounds' comments");
    }
}

/// The text of a .docx's comments, paragraphs on lines of their own.
fn comment_text(docx: &[u8]) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(docx.to_vec())).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut z.by_name("word/comments.xml").unwrap(), &mut xml).unwrap();
    let mut text = String::new();
    for piece in xml.replace("</w:p>", "\n").split('<') {
        text.push_str(piece.split_once('>').map_or(piece, |(_, after)| after));
    }
    text.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(tag[at..at + tag[at..].find('"')?].to_owned())
}

#[path = "support/libreoffice.rs"]
mod libreoffice;
#[path = "support/rounds.rs"]
mod rounds;

use libreoffice::{Changes, LibreOffice};

/// Lines of `LibreOffice`'s text that carry a list number Word or Writer draws ("3.", "2.7",
/// "(a)" at a line's start), as "number words…": what Reject All must give back unchanged.
fn numbered_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| {
            l.split_whitespace().next().is_some_and(|w| {
                w.chars().next().is_some_and(|c| c.is_ascii_digit()) && w.ends_with(|c: char| c.is_ascii_digit() || c == '.')
            })
        })
        .map(|l| l.chars().take(60).collect())
        .collect()
}

/// Asserts two lists of numbered lines are equal, naming the first line that differs.
fn same_numbering(got: &[String], want: &[String], what: &str) {
    if let Some(k) = (0..got.len().max(want.len())).find(|&k| got.get(k) != want.get(k)) {
        panic!("{what}: numbered line {k} is {:?}, expected {:?}", got.get(k), want.get(k));
    }
}

/// `LibreOffice` (the other side may use it) rejects every change of a redline and gets the
/// draft back as it was, numbering and all: an inserted clause's paragraph mark is recorded on
/// the paragraph before, as Word records "Enter at its end, then type" (when each new paragraph
/// carried its own inserted mark, Reject All renumbered the PSA's "3. Privacy & Security" as
/// "2.7"); and a lettered clause (CIIAA "3A") is written out, not numbered by Word's list
/// (which renumbered sections 4 to 24). The same for a blackline of two rounds of the PSA:
/// rejecting gives round 1, accepting gives round 2, numbers included.
#[test]
fn libreoffice_reject_all_gives_back_the_original_numbering() {
    let Some(lo) = LibreOffice::start() else { return };
    let (Some(psa), Some(ciiaa)) = (corpus("commonpaper-psa.docx"), corpus("openagreements-ciiaa.docx")) else { return };
    let dir = tempfile::tempdir().unwrap();
    let library = ClauseLibrary::embedded();
    let redline_of = |draft: &Path, out: &Path| {
        let doc = ingest::load(draft).unwrap();
        let analysis = Analyzer::new(&library).analyze(&doc, &Options::default());
        let options = RedlineOptions { only: Severity::Low, author: "Provider".into(), date: "2026-03-01T10:00:00Z".into() };
        let plan = redline::plan(Draft::from_docx(&doc, std::fs::read(draft).unwrap()).unwrap(), &analysis, &library, &[], options);
        assert!(plan.changes.iter().any(|c| c.new_clause.is_some()), "{} gets a new clause", draft.display());
        std::fs::write(out, redline::render(&plan, out, false).unwrap()).unwrap();
    };
    let (psa_red, ciiaa_red) = (dir.path().join("psa-redline.docx"), dir.path().join("ciiaa-redline.docx"));
    redline_of(&psa, &psa_red);
    redline_of(&ciiaa, &ciiaa_red);

    let (r1, r2, blackline) = (dir.path().join("psa.docx"), dir.path().join("psa-v2.docx"), dir.path().join("blackline.docx"));
    std::fs::copy(&psa, &r1).unwrap();
    rounds::later_round(
        &r1,
        &r2,
        &[
            rounds::Edit::Drop { paragraph: "Security.  Provider will comply" },
            rounds::Edit::AddAfter {
                paragraph: "Deliverables. Except for Pre-Existing",
                text: "Source Code. Provider will deliver the source code of each Deliverable with it.",
            },
            rounds::Edit::Move { paragraph: "Non-Exhaustive Remedies.", after: "Signature." },
            rounds::Edit::Words { paragraph: "Notices.", from: "two days after mailing", to: "three business days after mailing" },
        ],
    );
    let out = Command::new(env!("CARGO_BIN_EXE_clauseguard"))
        .args(["compare", r1.to_str().unwrap(), r2.to_str().unwrap(), "--out", blackline.to_str().unwrap(), "--sessions-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let texts = lo.texts(&[
        (&psa, Changes::Keep),
        (&psa_red, Changes::Reject),
        (&psa_red, Changes::Accept),
        (&ciiaa, Changes::Keep),
        (&ciiaa_red, Changes::Reject),
        (&ciiaa_red, Changes::Accept),
        (&r2, Changes::Keep),
        (&blackline, Changes::Reject),
        (&blackline, Changes::Accept),
    ]);
    let [psa_text, psa_rejected, psa_accepted, ciiaa_text, ciiaa_rejected, ciiaa_accepted, r2_text, bl_rejected, bl_accepted] =
        <[String; 9]>::try_from(texts).unwrap();
    assert!(numbered_lines(&psa_text).contains(&"3. Privacy & Security".to_owned()), "{:?}", numbered_lines(&psa_text));
    same_numbering(&numbered_lines(&psa_rejected), &numbered_lines(&psa_text), "PSA redline, Reject All");
    assert!(psa_rejected == psa_text, "PSA redline, Reject All: the draft's text");
    assert!(
        psa_accepted.contains("2.7 Residuals.") && psa_accepted.contains("3. Privacy & Security"),
        "the new clauses follow 2.6:\n{psa_accepted}"
    );
    same_numbering(&numbered_lines(&ciiaa_rejected), &numbered_lines(&ciiaa_text), "CIIAA redline, Reject All");
    assert!(ciiaa_accepted.contains("\n3A Residuals."), "the CIIAA's new clause is 3A, written out");
    let sections = |t: &str| {
        numbered_lines(t)
            .into_iter()
            // New definitions join the draft's numbered definitions (1.3 to 1.6): sections only.
            .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()) && !l.contains("Residuals") && !l.contains(" means "))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        sections(&ciiaa_accepted).len(),
        sections(&ciiaa_text).len(),
        "no section renumbered by the new clauses:\n{:#?}\n{:#?}",
        sections(&ciiaa_accepted),
        sections(&ciiaa_text)
    );
    assert!(sections(&ciiaa_accepted).iter().any(|l| l.starts_with("4. Disclosure")), "{:?}", sections(&ciiaa_accepted));
    let round1 = &psa_text;
    same_numbering(&numbered_lines(&bl_rejected), &numbered_lines(round1), "blackline, Reject All: round 1's numbering");
    assert!(&bl_rejected == round1, "blackline, Reject All: round 1");
    same_numbering(&numbered_lines(&bl_accepted), &numbered_lines(&r2_text), "blackline, Accept All: round 2's numbering");
    assert!(bl_accepted == r2_text, "blackline, Accept All: round 2");
}

/// A Markdown draft's .docx redline rejects to the draft's own words. The .docx written for a
/// Markdown draft dropped the space of a deletion inside a sentence, as if it were a whole
/// sentence whose neighbours have the spaces: the demo's "~~an~~ a non-exclusive" rejected to
/// "anexclusive" and "Client~~ or to any other company ...~~" to "Clientor", in pandoc and in
/// `LibreOffice` alike.
#[test]
fn a_markdown_drafts_docx_redline_rejects_to_the_drafts_words() {
    let draft = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/client-draft-r1.md");
    let plan = plan_embedded(&ingest::load(&draft).expect("demo draft"), "Provider");
    let dir = tempfile::tempdir().unwrap();
    let tracked = dir.path().join("redline.docx");
    std::fs::write(&tracked, redline::render(&plan, &tracked, false).unwrap()).unwrap();
    let rejected = norm(&pandoc(&["--track-changes=reject", "-t", "plain", "--wrap=none"], &tracked));
    let original = norm(&pandoc(&["-f", "markdown", "-t", "plain", "--wrap=none"], &draft)).replace('\\', "");
    assert!(rejected.contains("Provider grants Client an exclusive, perpetual"), "{rejected}");
    assert!(rejected.contains("any competitor of Client or to any other company"), "{rejected}");
    assert_eq!(rejected, original);
}

/// A minimal .docx whose body is `body` (the XML inside `w:body`).
fn docx_with_body(body: &str) -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut out);
    let opts = zip::write::SimpleFileOptions::default();
    let parts = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.to_owned()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.to_owned()),
        ("word/document.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#)),
    ];
    for (name, text) in parts {
        z.start_file(name, opts).unwrap();
        z.write_all(text.as_bytes()).unwrap();
    }
    z.finish().unwrap();
    out.into_inner()
}

#[test]
fn a_definition_in_a_table_cell_is_never_replaced_by_a_clause_of_another_job() {
    let p = |t: &str| format!("<w:p><w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r></w:p>");
    let row = |term: &str, def: &str| format!("<w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr>", p(term), p(def));
    let body = [
        p("ICT SERVICES SCHEDULE"),
        p("This Contract is between the Minister for the Cabinet Office (the &quot;Buyer&quot;) and Lattice Labs Limited (the &quot;Supplier&quot;). The Supplier shall provide the Services."),
        p("1. Definitions"),
        p("1.1 In this Schedule, the following words shall have the following meanings:"),
        format!(
            "<w:tbl>{}{}{}</w:tbl>",
            row("&quot;Source Code&quot;", "computer programs in eye-readable form together with all documentation necessary for the maintenance, modification and enhancement of such software;"),
            row("&quot;Specially Written Software&quot;", "any software created by the Supplier specifically for the purposes of this Contract, including any modifications or enhancements to Supplier Software;"),
            row("&quot;Supplier Software&quot;", "any software which is proprietary to the Supplier;"),
        ),
        p("2. Intellectual Property"),
        p("2.1 The Supplier assigns to the Buyer, on creation, all rights and interest in the Specially Written Software together with its Source Code."),
    ]
    .concat();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("schedule.docx");
    std::fs::write(&path, docx_with_body(&body)).unwrap();
    let library = ClauseLibrary::embedded();
    let doc = ingest::load(&path).expect("draft");
    let analysis = Analyzer::new(&library).analyze(&doc, &Options::default());
    let draft = Draft::from_docx(&doc, std::fs::read(&path).unwrap()).expect("docx draft");
    let options = RedlineOptions { only: Severity::Low, author: "Lattice Labs Limited".into(), date: "2026-03-01T10:00:00Z".into() };
    let r = redline::plan(draft, &analysis, &library, &[], options);
    assert!(analysis.findings.iter().any(|f| f.concern == clauseguard::library::Concern::Derivatives), "{:#?}", analysis.findings);
    let cells = ["computer programs", "any software created", "any software which is proprietary"];
    for c in &r.changes {
        let in_a_cell = cells.iter().any(|w| c.deleted.contains(w));
        assert!(!in_a_cell || matches!(c.language, redline::Language::Edited { .. }), "a definition cell replaced: {c:#?}");
    }
}

/// A Markdown draft's heading and list items written as one block read as lines in its .docx
/// redline, not as one run-on sentence ("4.1 Ownership Upon full payment ... the Client The
/// Subcontractor retains rights to: General programming knowledge ..."), and a blank to fill
/// in ("contract address 0x____") stays: the other side's counsel sees no change that is not
/// tracked.
#[test]
fn a_markdown_drafts_lists_and_blanks_stay_as_drafted_in_its_docx() {
    let body = "### 4.1 Ownership\n- Upon delivery, all intellectual property rights in everything the Developer creates shall vest in the Client\n- The Developer retains rights to:\n  - General programming knowledge\n  - Reusable code libraries\n\n5. Payment. The Client shall pay to wallet 0x____ on the chain within 30 days.\n";
    let plan = plan_embedded(&ingest::from_text("draft.md", Format::Markdown, body), "Developer");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("redline.docx");
    let bytes = redline::render(&plan, &out, false).unwrap();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut z.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    assert!(xml.contains("0x____ on the chain"), "{xml}");
    let text: String = xml.replace("<w:br/>", "\n").split('<').filter_map(|t| t.split_once('>').map(|(_, s)| s)).collect();
    for line in ["4.1 Ownership\n", "\nThe Developer retains rights to:\nGeneral programming knowledge\nReusable code libraries"] {
        assert!(text.contains(line), "{line:?} not in {text}");
    }
}
