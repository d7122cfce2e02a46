//! Measures the analysis on `corpus/agency-drafts`: real agency-side contracts with a lawyer's
//! labels of what must be flagged (`expect`) and what must not (`must_not_flag`).
//!
//! Each draft is analysed twice, with the agency detected and with `--agency-party` naming it.
//! - found: an `expect` label is found when a finding of its concern, high or medium (or low
//!   where the label says low), has a phrase or a clause that overlaps the quote;
//! - must-not hits: a `must_not_flag` quote overlapped by the phrase of a high or medium
//!   finding of the concern it names;
//! - agency detected: the party the analysis takes for the agency is the labelled one.
//!
//! Run: `cargo run --release --example agency_drafts [-- CORPUS_DIR] [--verbose]`
//! (default corpus: ../shared/corpus). Skips cleanly when the corpus is absent.

use std::collections::BTreeMap;
use std::path::PathBuf;

use clauseguard::analysis::{Analysis, Analyzer, Options};
use clauseguard::library::{ClauseLibrary, Severity};
use clauseguard::text::Normalised;
use serde::Deserialize;

#[derive(Deserialize)]
struct Labels {
    agency: String,
    expect: Vec<Expect>,
    must_not_flag: Vec<MustNot>,
}

#[derive(Deserialize)]
struct Expect {
    concern: String,
    severity: Severity,
    quote: String,
}

#[derive(Deserialize)]
struct MustNot {
    concern: String,
    quote: String,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let root = args.iter().find(|a| !a.starts_with("--")).map_or_else(|| PathBuf::from("../shared/corpus"), PathBuf::from);
    let dir = root.join("agency-drafts");
    let Ok(labels) = std::fs::read_to_string(dir.join("labels.json")) else {
        println!("agency-drafts: skipped, no corpus at {}", dir.display());
        return;
    };
    let labels: BTreeMap<String, Labels> = match serde_json::from_str(&labels) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("agency-drafts: labels.json: {e}");
            std::process::exit(2);
        }
    };
    let library = ClauseLibrary::embedded();
    let analyzer = Analyzer::new(&library);
    let mut total = Tally::default();
    for (file, label) in &labels {
        let path = dir.join(file);
        let doc = match clauseguard::ingest::load(&path) {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!("agency-drafts: {e}");
                continue;
            }
        };
        let norm = Normalised::new(&doc.text);
        for named in [false, true] {
            let options = Options { agency_party: named.then(|| label.agency.clone()) };
            let analysis = analyzer.analyze(&doc, &options);
            let tally = measure(&doc.text, &norm, &analysis, label, verbose.then_some((file.as_str(), named)));
            if verbose || !named {
                println!(
                    "  {file:<28} {}  found {}/{}  must-not hits {}  agency {:?}{}",
                    if named { "named   " } else { "detected" },
                    tally.found,
                    tally.expected,
                    tally.must_not_hits,
                    analysis.parties.agency,
                    if tally.agency_right == 1 { "" } else { "  (wrong agency)" },
                );
            }
            total.add(&tally);
        }
    }
    println!(
        "agency-drafts: found {}/{} = {:.3}; must-not hits {}/{}; agency detected in {}/{}",
        total.found,
        total.expected,
        ratio(total.found, total.expected),
        total.must_not_hits,
        total.must_nots,
        total.agency_right_detected,
        labels.len()
    );
}

#[derive(Default)]
struct Tally {
    expected: usize,
    found: usize,
    must_nots: usize,
    must_not_hits: usize,
    agency_right: usize,
    agency_right_detected: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.expected += other.expected;
        self.found += other.found;
        self.must_nots += other.must_nots;
        self.must_not_hits += other.must_not_hits;
        self.agency_right_detected += other.agency_right_detected;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

fn measure(text: &str, norm: &Normalised, analysis: &Analysis, label: &Labels, verbose: Option<(&str, bool)>) -> Tally {
    let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
    let clause_range = |k: usize| analysis.clauses.get(k).map(|c| (c.start, c.end));
    let mut tally = Tally::default();
    for e in &label.expect {
        tally.expected += 1;
        let Some(at) = locate(norm, &e.quote) else {
            eprintln!("agency-drafts: quote not located: {}", e.quote);
            continue;
        };
        let floor = if e.severity == Severity::Low { Severity::Low } else { Severity::Medium };
        let hit = analysis.findings.iter().filter(|f| f.concern.to_string() == e.concern && f.severity >= floor).any(|f| {
            f.start.zip(f.end).is_some_and(|r| overlaps(r, at)) || f.clause.and_then(clause_range).is_some_and(|r| overlaps(r, at))
        });
        if hit {
            tally.found += 1;
        } else if let Some((file, named)) = verbose {
            println!("    MISSED {file} [{}{}] {}", e.concern, if named { ", named" } else { "" }, e.quote);
        }
    }
    for m in &label.must_not_flag {
        tally.must_nots += 1;
        let Some(at) = locate(norm, &m.quote) else {
            eprintln!("agency-drafts: quote not located: {}", m.quote);
            continue;
        };
        let hit = analysis
            .findings
            .iter()
            .filter(|f| f.concern.to_string() == m.concern && f.severity >= Severity::Medium)
            .find(|f| f.start.zip(f.end).is_some_and(|r| overlaps(r, at)));
        if let Some(f) = hit {
            tally.must_not_hits += 1;
            if let Some((file, named)) = verbose {
                println!("    MUST-NOT {file} [{}{}] {} <- {}", m.concern, if named { ", named" } else { "" }, m.quote, f.rule);
            }
        }
    }
    // A label may name the agency by another of its words ("us" where the tool says "we").
    let right = analysis.parties.agency.as_deref().is_some_and(|a| same_party(a, &label.agency, text))
        || analysis.parties.is_agency(&label.agency.to_lowercase());
    tally.agency_right = usize::from(right);
    tally.agency_right_detected = usize::from(right && analysis.parties.detected);
    tally
}

/// The analysis names the labelled agency: the same term, ignoring case and a leading "the".
fn same_party(found: &str, labelled: &str, _text: &str) -> bool {
    let bare = |s: &str| {
        let s = s.trim().to_lowercase();
        s.strip_prefix("the ").map(str::to_string).unwrap_or(s)
    };
    bare(found) == bare(labelled)
}

/// Finds a quote in the text, ignoring differences in white space and case.
fn locate(norm: &Normalised, quote: &str) -> Option<(usize, usize)> {
    let needle = Normalised::new(quote).text;
    let at = norm.text.find(&needle).filter(|_| !needle.is_empty())?;
    Some(norm.original_range(at, at + needle.len()))
}
