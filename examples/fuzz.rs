//! A stable-toolchain fuzz harness: mutates seed inputs and feeds them to the parsers that read
//! what a client (or a damaged disk) hands the tool, for a bounded time per target. A panic is
//! a bug: the input is saved under `fuzz/artifacts/` and the run fails.
//!
//! Run: `cargo run --release --example fuzz -- [--seconds N] [TARGET...]`
//! Targets: ingest-txt, ingest-md, ingest-docx, analysis, library, session (default: all).

use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clauseguard::analysis::{Analyzer, Options};
use clauseguard::library::ClauseLibrary;

const TARGETS: [&str; 6] = ["ingest-txt", "ingest-md", "ingest-docx", "analysis", "library", "session"];
/// Tokens that tend to matter to these parsers.
const DICTIONARY: &[&[u8]] = &[
    b"\n\n",
    b"1.1 ",
    b"(a) ",
    b"ARTICLE IV\n",
    b"Section 3. ",
    b"\"Provider\"",
    b"(\"Client\")",
    b"hereby assigns",
    b"all work product",
    b"\x1b[31m",
    b"\x1b]52;c;",
    b"\0",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\xe2\x80\x9c",
    b"-\n",
    b"<span>",
    b"**",
    b"<w:p>",
    b"</w:t>",
    b"<w:ins>",
    b"{",
    b"}",
    b"[",
    b"\"schema\"",
    b"\"clauseguard.session/2\"",
    b"\\u0000",
    b"1e400",
    b"-1",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>], input: &mut Vec<u8>) {
    for _ in 0..=rng.below(4) {
        let len = input.len();
        match rng.below(7) {
            0 if len > 0 => {
                let i = rng.below(len);
                input[i] ^= 1 << rng.below(8);
            }
            1 => {
                let token = DICTIONARY[rng.below(DICTIONARY.len())];
                let at = rng.below(len + 1);
                input.splice(at..at, token.iter().copied());
            }
            2 if len > 0 => {
                let start = rng.below(len);
                let end = (start + rng.below(64) + 1).min(len);
                input.drain(start..end);
            }
            3 if len > 0 => {
                let start = rng.below(len);
                let end = (start + rng.below(256) + 1).min(len);
                let chunk: Vec<u8> = input[start..end].to_vec();
                let at = rng.below(len + 1);
                input.splice(at..at, chunk);
            }
            4 => {
                let other = &seeds[rng.below(seeds.len())];
                if !other.is_empty() {
                    let start = rng.below(other.len());
                    let end = (start + rng.below(512) + 1).min(other.len());
                    let at = rng.below(len + 1);
                    input.splice(at..at, other[start..end].iter().copied());
                }
            }
            5 if len > 0 => input.truncate(rng.below(len)),
            _ => {
                let at = rng.below(len + 1);
                let byte = rng.next() as u8;
                input.insert(at, byte);
            }
        }
    }
    input.truncate(1 << 20);
}

/// Rebuilds a .docx around a mutated document.xml, so mutations reach the XML reader rather
/// than dying in the zip layer.
fn docx_with(document_xml: &[u8]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default();
    let parts: [(&str, &[u8]); 2] = [
        ("[Content_Types].xml", br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#),
        ("word/document.xml", document_xml),
    ];
    for (name, body) in parts {
        if zip.start_file(name, options).is_ok() {
            let _ = zip.write_all(body);
        }
    }
    let _ = zip.finish();
    out.into_inner()
}

fn seeds_for(target: &str, root: &Path) -> Vec<Vec<u8>> {
    let read = |p: PathBuf| std::fs::read(p).ok();
    let mut seeds: Vec<Vec<u8>> = Vec::new();
    match target {
        "library" => {
            if let Ok(entries) = std::fs::read_dir(root.join("clause-library")) {
                seeds.extend(entries.filter_map(Result::ok).filter_map(|e| read(e.path())));
            }
        }
        "session" => {
            if let Ok(entries) = std::fs::read_dir(root.join("sessions")) {
                seeds.extend(
                    entries
                        .filter_map(Result::ok)
                        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
                        .filter_map(|e| read(e.path())),
                );
            }
            seeds.push(br#"{"schema":"clauseguard.session/1","name":"x","client":null,"agency":null,"engagement":"project","fee":null,"fee_offer":null,"rounds":[{"number":1,"file_name":"a.txt","sha256":"","received":"2026-01-01T00:00:00Z","text":"1. All work product."}],"decisions":[],"notes":[],"revisions":[],"revision":0,"created":"","updated":""}"#.to_vec());
        }
        "ingest-docx" => {
            seeds.push(docx_with(br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>1. All work product belongs to Client.</w:t></w:r></w:p><w:p><w:ins><w:r><w:t>Provider hereby assigns.</w:t></w:r></w:ins></w:p></w:body></w:document>"#));
            for name in ["commonpaper-psa.docx", "openagreements-ciiaa.docx"] {
                seeds.extend(read(root.join("../shared/corpus/dev").join(name)));
            }
        }
        _ => {
            seeds.push(clauseguard::demo::DRAFT_R1.as_bytes().to_vec());
            if let Ok(entries) = std::fs::read_dir(root.join("tests/fixtures/rounds")) {
                seeds.extend(entries.filter_map(Result::ok).filter_map(|e| read(e.path())));
            }
        }
    }
    if seeds.is_empty() {
        seeds.push(b"1. Ownership. All work product created during the engagement belongs to Client.".to_vec());
    }
    seeds
}

fn run_one(target: &str, input: &[u8], analyzer: &Analyzer, scratch: &Path) {
    match target {
        "ingest-txt" => {
            let _ = clauseguard::ingest::from_bytes(Path::new("fuzz.txt"), input);
        }
        "ingest-md" => {
            if let Ok(doc) = clauseguard::ingest::from_bytes(Path::new("fuzz.md"), input) {
                let _ = analyzer.analyze(&doc, &Options::default());
            }
        }
        "ingest-docx" => {
            // Half the time mutate the package, half the time the XML inside it.
            let bytes =
                if input.first().is_some_and(|b| b % 2 == 0) && !input.starts_with(b"PK") { docx_with(input) } else { input.to_vec() };
            if let Ok(doc) = clauseguard::ingest::from_bytes(Path::new("fuzz.docx"), &bytes) {
                let _ = analyzer.analyze(&doc, &Options::default());
            }
        }
        "analysis" => {
            let text = String::from_utf8_lossy(input);
            let doc = clauseguard::ingest::from_text("fuzz.txt", clauseguard::ingest::Format::Txt, &text);
            let a = analyzer.analyze(&doc, &Options { agency_party: Some("Provider".into()) });
            for f in &a.findings {
                if let (Some(s), Some(e)) = (f.start, f.end) {
                    assert_eq!(f.phrase.as_deref(), Some(&text[s..e]), "phrase must equal the text at its offsets");
                }
            }
        }
        "library" => {
            let dir = scratch.join("library");
            let _ = std::fs::create_dir_all(&dir);
            let _ = std::fs::write(dir.join("clause.json"), input);
            let _ = ClauseLibrary::load_dir(&dir);
        }
        "session" => {
            let store = clauseguard::session::SessionStore::new(scratch.to_path_buf());
            let _ = std::fs::write(scratch.join("fuzzed.json"), input);
            let _ = store.load("fuzzed");
        }
        other => panic!("unknown target {other}"),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let seconds = args.iter().position(|a| a == "--seconds").and_then(|i| args.get(i + 1)).and_then(|s| s.parse().ok()).unwrap_or(10u64);
    let chosen: Vec<&str> = {
        let named: Vec<&str> = args.iter().map(String::as_str).filter(|a| TARGETS.contains(a)).collect();
        if named.is_empty() { TARGETS.to_vec() } else { named }
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let library = ClauseLibrary::embedded();
    let analyzer = Analyzer::new(&library);
    let scratch = std::env::temp_dir().join(format!("clauseguard-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("scratch dir");
    std::panic::set_hook(Box::new(|_| {}));
    let mut failures = 0;
    for target in chosen {
        let seeds = seeds_for(target, &root);
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ target.len() as u64);
        let (start, mut runs) = (Instant::now(), 0u64);
        while start.elapsed() < Duration::from_secs(seconds) {
            let mut input = seeds[rng.below(seeds.len())].clone();
            mutate(&mut rng, &seeds, &mut input);
            runs += 1;
            if catch_unwind(AssertUnwindSafe(|| run_one(target, &input, &analyzer, &scratch))).is_err() {
                failures += 1;
                let dir = root.join("fuzz/artifacts");
                let _ = std::fs::create_dir_all(&dir);
                let path = dir.join(format!("{target}-{runs}"));
                let _ = std::fs::write(&path, &input);
                eprintln!("fuzz {target}: PANIC on input saved to {}", path.display());
            }
        }
        println!("fuzz {target}: {runs} inputs in {:.0} s, {} seeds", start.elapsed().as_secs_f64(), seeds.len());
    }
    let _ = std::fs::remove_dir_all(&scratch);
    if failures > 0 {
        eprintln!("fuzz: {failures} failing inputs");
        std::process::exit(1);
    }
}
