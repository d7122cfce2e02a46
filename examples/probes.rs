//! Measures the analysis on probe clauses: single clauses a lawyer wrote for this project in
//! many drafting styles (US, UK, Commonwealth and Indian government, EU English, the agency's
//! own paper), each with the concerns it must raise and those it must not
//! (`tests/fixtures/probes/set-N.json`).
//!
//! Each clause is read as clause 3 of a small two-party draft that names the agency and the
//! client by the words the clause uses. An expectation is found when a finding of its concern,
//! high or medium (or low where it says low), lies in that clause; a must-not is hit by a high
//! or medium finding of its concern there.
//!
//! Run: `cargo run --release --example probes [-- FILE.json ...] [--verbose]`.

use std::path::PathBuf;

use clauseguard::analysis::{Analyzer, FindingKind, Options};
use clauseguard::ingest::{self, Format};
use clauseguard::library::{ClauseLibrary, Concern, Severity};
use serde::Deserialize;

#[derive(Deserialize)]
struct Probe {
    id: String,
    agency: String,
    client: String,
    text: String,
    expect: Vec<Expect>,
    must_not: Vec<Concern>,
}

#[derive(Deserialize)]
struct Expect {
    concern: Concern,
    severity: Severity,
}

/// The draft around a probe, and where the probe's clause starts in it.
fn draft(p: &Probe) -> (String, usize) {
    let bare = |w: &str| w.strip_prefix("the ").unwrap_or(w).to_owned();
    let head = if p.agency.eq_ignore_ascii_case("we") {
        "These terms are agreed between Brightloop Analytics Limited (\"we\", \"us\", \"our\") and the customer named in the Order (\"you\", \"your\").\n\n1. Services. We will provide the Services described in the Order.\n\n2. Fees. You will pay the Fees within 30 days of our invoice.".to_owned()
    } else {
        let (a, c) = (bare(&p.agency), bare(&p.client));
        format!(
            "This Agreement is made between Harbour Group Limited (the \"{c}\") and Brightloop Analytics Limited (the \"{a}\").\n\n1. Services. The {a} shall provide the Services described in the Order.\n\n2. Fees. The {c} shall pay the Fees within 30 days of a valid invoice."
        )
    };
    let before = format!("SERVICES AGREEMENT\n\n{head}\n\n3. Terms. ");
    let at = before.len();
    (format!("{before}{}\n\n4. Governing law. This Agreement is governed by the laws of England and Wales.\n", p.text), at)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let mut files: Vec<PathBuf> = args.iter().filter(|a| !a.starts_with("--")).map(PathBuf::from).collect();
    if files.is_empty() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/probes");
        // Every set in the directory, in the order of its number.
        let number = |name: &str| name.strip_prefix("set-")?.strip_suffix(".json")?.parse::<u32>().ok();
        let mut sets: Vec<(u32, PathBuf)> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|entry| {
                let path = entry.ok()?.path();
                Some((number(path.file_name()?.to_str()?)?, path))
            })
            .collect();
        sets.sort();
        files = sets.into_iter().map(|(_, path)| path).collect();
    }
    let library = ClauseLibrary::embedded();
    let analyzer = Analyzer::new(&library);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let probes: Vec<Probe> = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let (mut found, mut expected, mut hits, mut must_nots) = (0u32, 0u32, 0u32, 0u32);
        for p in &probes {
            let (body, at) = draft(p);
            let doc = ingest::from_text(&format!("{}.txt", p.id), Format::Txt, &body);
            let a = analyzer.analyze(&doc, &Options::default());
            let end = at + p.text.len();
            let here: Vec<usize> = a.clauses.iter().filter(|c| c.start < end && c.end > at).map(|c| c.index).collect();
            let in_clause = |f: &&clauseguard::analysis::Finding| match (f.start, f.end) {
                (Some(s), Some(e)) => s < end && e > at,
                _ => f.kind == FindingKind::Missing && f.clause.is_some_and(|k| here.contains(&k)),
            };
            let findings: Vec<_> = a.findings.iter().filter(in_clause).collect();
            for e in &p.expect {
                expected += 1;
                let need = if e.severity == Severity::Low { Severity::Low } else { Severity::Medium };
                if findings.iter().any(|f| f.concern == e.concern && f.severity >= need) {
                    found += 1;
                } else if verbose {
                    println!("  MISSED {} [{}/{:?}]", p.id, e.concern, e.severity);
                }
            }
            for &c in &p.must_not {
                must_nots += 1;
                if let Some(f) = findings.iter().find(|f| f.concern == c && f.severity >= Severity::Medium) {
                    hits += 1;
                    if verbose {
                        println!("  MUST-NOT {} [{c}] <- {}", p.id, f.rule);
                    }
                }
            }
        }
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let share = f64::from(found) / f64::from(expected.max(1));
        println!("{name}: {} probes; expectations found {found}/{expected} = {share:.3}; must-not hits {hits}/{must_nots}", probes.len());
    }
}
