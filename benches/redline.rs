//! Benchmark of `clauseguard redline` on a ~250-page .docx, built at bench time by repeating the
//! body of the shared corpus's commonpaper-psa.docx (and, for a draft with many changes, of
//! openagreements-ciiaa.docx). Prints the time of each stage in process and of the whole command.
//! Run: `cargo bench --bench redline`.

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use clauseguard::analysis::{Analyzer, Options};
use clauseguard::library::{ClauseLibrary, Severity};
use clauseguard::redline::{self, Draft, RedlineOptions};

/// About 250 pages of contract text at ~3,000 bytes a page.
const TARGET_TEXT_BYTES: usize = 750 * 1024;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../shared/corpus/dev");
    let library_dir = root.join("tests/fixtures/redline/library");
    let library = ClauseLibrary::load_dir(&library_dir).expect("fixture library");
    let dir = std::env::temp_dir().join(format!("clauseguard-redline-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for name in ["commonpaper-psa.docx", "openagreements-ciiaa.docx"] {
        let source = corpus.join(name);
        let Ok(bytes) = std::fs::read(&source) else {
            println!("redline bench: skipped {name}, no corpus at {}", source.display());
            continue;
        };
        let big = enlarge(&bytes);
        let path = dir.join(format!("big-{name}"));
        std::fs::write(&path, &big).expect("write draft");
        bench(&path, &library, &library_dir, &dir);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn bench(path: &Path, library: &ClauseLibrary, library_dir: &Path, dir: &Path) {
    let bytes = std::fs::read(path).expect("read draft");
    let analyzer = Analyzer::new(library);
    let mut stages: Vec<[Duration; 4]> = Vec::new();
    let mut totals = Vec::new();
    let mut summary = String::new();
    for _ in 0..7 {
        let t0 = Instant::now();
        let doc = clauseguard::ingest::from_bytes(path, &bytes).expect("read draft");
        let t1 = Instant::now();
        let analysis = analyzer.analyze(&doc, &Options::default());
        let t2 = Instant::now();
        let draft = Draft::from_docx(&doc, bytes.clone()).expect("docx draft");
        let options = RedlineOptions { only: Severity::Low, author: "Bench".into(), date: "2026-03-01T10:00:00Z".into() };
        let plan = redline::plan(draft, &analysis, library, &[], options);
        let t3 = Instant::now();
        let out = redline::render(&plan, Path::new("out.docx"), false).expect("render");
        let t4 = Instant::now();
        std::hint::black_box(out.len());
        stages.push([t1 - t0, t2 - t1, t3 - t2, t4 - t3]);
        totals.push(t4 - t0);
        summary = format!(
            "{}: {} bytes, {} bytes of text (~{} pages), {} paragraphs, {} changes",
            path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            bytes.len(),
            doc.text.len(),
            doc.text.len() / 3000,
            plan.draft.paragraphs.len(),
            plan.changes.len()
        );
    }
    totals.sort();
    println!("{summary}");
    let median = |k: usize| {
        let mut v: Vec<Duration> = stages.iter().map(|s| s[k]).collect();
        v.sort();
        ms(v[v.len() / 2])
    };
    println!(
        "  in process, median of 7: read {:.0} ms, analyse {:.0} ms, map paragraphs + plan {:.0} ms, write .docx {:.0} ms; total {:.0} ms (min {:.0} ms)",
        median(0),
        median(1),
        median(2),
        median(3),
        ms(totals[totals.len() / 2]),
        ms(totals[0])
    );
    let mut walls = Vec::new();
    for i in 0..5 {
        let stem = path.file_stem().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let out = dir.join(format!("{stem}-out-{i}.docx"));
        let t = Instant::now();
        let status = Command::new(env!("CARGO_BIN_EXE_clauseguard"))
            .arg("redline")
            .arg(path)
            .arg("--out")
            .arg(&out)
            .arg("--library")
            .arg(library_dir)
            .stdout(std::process::Stdio::null())
            .status()
            .expect("run clauseguard");
        walls.push(t.elapsed());
        assert!(status.success(), "clauseguard redline failed");
    }
    walls.sort();
    println!(
        "  `clauseguard redline BIG.docx --out OUT.docx`, wall clock: median {:.0} ms, min {:.0} ms (5 runs)",
        ms(walls[2]),
        ms(walls[0])
    );
}

/// The draft with its body repeated until the text is ~250 pages.
fn enlarge(docx: &[u8]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("corpus .docx");
    let mut xml = String::new();
    archive.by_name("word/document.xml").expect("document part").read_to_string(&mut xml).expect("document text");
    let text_len = clauseguard::ingest::docx::extract(docx).expect("readable").text.len().max(1);
    let copies = TARGET_TEXT_BYTES.div_ceil(text_len);
    let open = xml.find("<w:body>").expect("body") + "<w:body>".len();
    let close = xml.rfind("<w:sectPr").expect("section properties");
    let body = &xml[open..close];
    let mut big = String::with_capacity(xml.len() + body.len() * copies);
    big.push_str(&xml[..open]);
    for _ in 0..copies {
        big.push_str(body);
    }
    big.push_str(&xml[close..]);

    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let name = archive.by_index_raw(i).expect("entry").name().expect("name").into_owned();
        if name == "word/document.xml" {
            out.start_file(name.as_str(), options).expect("start");
            out.write_all(big.as_bytes()).expect("write");
        } else {
            out.raw_copy_file(archive.by_index_raw(i).expect("entry")).expect("copy");
        }
    }
    out.finish().expect("finish").into_inner()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
