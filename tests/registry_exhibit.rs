//! Exhibit A as a reader gets it: the clause from the library, every item with its date and
//! evidence, in Markdown, HTML and a .docx that Word-compatible tools open.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/registry");
const LIBRARY_CLAUSE: &str = "The items listed in Exhibit A are Agency Pre-Existing IP and remain the sole property of Agency.";
const NAMES: [&str; 4] = ["EvalKit", "DocFlow Pipeline", "PromptBook", "R&D <Toolkit>"];

fn exhibit(out: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clauseguard"))
        .args(["registry", "exhibit", "--date", "2026-02-03", "--out"])
        .arg(out)
        .args(extra)
        .args(["--registry", &format!("{FIXTURES}/registry.json"), "--library", &format!("{FIXTURES}/library")])
        .env("RUST_LIB_BACKTRACE", "0")
        .output()
        .expect("run clauseguard")
}

fn write(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    let o = exhibit(&path, &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (dir, path)
}

#[test]
fn markdown_exhibit() {
    let (_dir, path) = write("exhibit-a.md");
    let md = std::fs::read_to_string(&path).unwrap();
    assert!(md.starts_with("# Exhibit A: Agency Pre-Existing Intellectual Property\n"), "{md}");
    assert!(md.contains("Dated 2026-02-03."));
    assert!(md.contains(LIBRARY_CLAUSE), "the clause comes from the library: {md}");
    assert!(md.find(LIBRARY_CLAUSE) < md.find("| # | Name |"), "the clause precedes the table");
    // Oldest first, with dates, versions and evidence; markup in names and descriptions escaped.
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with("| ") && !l.starts_with("| #")).collect();
    assert_eq!(rows.len(), 4, "{md}");
    assert!(
        rows[0].starts_with("| 1 | R&D \\<Toolkit\\> | Tool | Internal scripts \\| automation \\*utilities\\*. | 2019-05-02 | 0.9 |"),
        "{}",
        rows[0]
    );
    assert!(rows[1].contains("DocFlow Pipeline") && rows[1].contains("2020-09-15") && rows[1].contains("docs/docflow-design-2020.pdf"));
    assert!(rows[2].contains("EvalKit") && rows[2].contains("https://git.example.com/brightlabs/evalkit@v2.3.0"));
    assert!(rows[3].contains("PromptBook") && rows[3].contains("2022-01-10"));
    assert!(md.contains("The following 4 items"));
}

#[test]
fn html_exhibit() {
    let (_dir, path) = write("exhibit-a.html");
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<h1>Exhibit A: Agency Pre-Existing Intellectual Property</h1>"));
    assert!(html.contains("<time datetime=\"2026-02-03\">2026-02-03</time>"));
    assert!(html.contains(&format!("<p>{LIBRARY_CLAUSE}")));
    assert!(html.contains("<td>R&amp;D &lt;Toolkit&gt;</td>"), "names are escaped");
    assert!(!html.contains("<Toolkit>"));
    for name in ["EvalKit", "DocFlow Pipeline", "PromptBook"] {
        assert!(html.contains(&format!("<td>{name}</td>")), "{name}");
    }
    assert_eq!(html.matches("<tr>").count(), 5, "a header row and one row per item");
}

fn document_xml(path: &Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    for part in ["[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml"] {
        assert!(zip.by_name(part).is_ok(), "{part} is in the package");
    }
    let mut xml = String::new();
    zip.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    xml
}

#[test]
fn docx_exhibit_holds_every_item() {
    let (_dir, path) = write("exhibit-a.docx");
    let xml = document_xml(&path);
    assert!(xml.contains(
        "<w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Exhibit A: Agency Pre-Existing Intellectual Property</w:t>"
    ));
    assert!(xml.contains(LIBRARY_CLAUSE));
    for name in ["EvalKit", "DocFlow Pipeline", "PromptBook", "R&amp;D &lt;Toolkit&gt;"] {
        assert!(xml.contains(&format!(">{name}</w:t>")), "{name} in document.xml");
    }
    for date in ["2019-05-02", "2020-09-15", "2021-04-01", "2022-01-10"] {
        assert!(xml.contains(date), "{date}");
    }
    assert!(xml.contains("<w:tblHeader/>"), "the header row repeats across pages");
    // The XML is well formed.
    let mut reader = quick_xml::Reader::from_str(&xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("document.xml is not well formed: {e}"),
        }
    }
}

#[test]
fn docx_exhibit_converts_with_pandoc() {
    if Command::new("pandoc").arg("--version").output().is_err() {
        eprintln!("skipped: pandoc is not installed");
        return;
    }
    let (_dir, path) = write("exhibit-a.docx");
    let o = Command::new("pandoc").arg(&path).args(["-t", "plain", "--wrap=none"]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains(LIBRARY_CLAUSE), "{text}");
    for name in NAMES {
        assert!(text.contains(name), "{name} in pandoc's reading: {text}");
    }
}

#[test]
fn existing_files_are_refused_unless_forced_and_formats_are_checked() {
    let (dir, path) = write("exhibit-a.md");
    std::fs::write(&path, "the lawyer's notes").unwrap();
    let o = exhibit(&path, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("already exists; pass --force"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "the lawyer's notes");
    assert!(exhibit(&path, &["--force"]).status.success());
    assert!(std::fs::read_to_string(&path).unwrap().contains("EvalKit"));

    let o = exhibit(&dir.path().join("exhibit.pdf"), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains(".md, .html or .docx"));
    assert!(!dir.path().join("exhibit.pdf").exists());
}

#[test]
fn an_empty_registry_makes_no_exhibit() {
    let dir = tempfile::tempdir().unwrap();
    let registry = dir.path().join("registry.json");
    std::fs::write(&registry, "{\"schema\": \"clauseguard.registry/1\", \"items\": []}").unwrap();
    let out = dir.path().join("exhibit.md");
    let o = Command::new(env!("CARGO_BIN_EXE_clauseguard"))
        .args(["registry", "exhibit", "--out"])
        .arg(&out)
        .arg("--registry")
        .arg(&registry)
        .env("RUST_LIB_BACKTRACE", "0")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no items"));
    assert!(!out.exists());
}
