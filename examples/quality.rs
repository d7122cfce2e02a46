//! Measures the analysis on the labelled CUAD development contracts:
//! - recall: the share of expert-labelled "IP Ownership Assignment" and "Joint IP Ownership" spans
//!   that a finding or an IP-matched clause overlaps;
//! - share: the share of high and medium phrase findings that overlap any labelled span.
//!
//! Also prints the findings on the standard forms in `corpus/dev`.
//!
//! Run: `cargo run --release --example quality [-- CORPUS_DIR] [--verbose]`
//! (default corpus: ../shared/corpus). Skips cleanly when the corpus is absent.

use std::collections::BTreeMap;
use std::path::PathBuf;

use clauseguard::analysis::{Analyzer, FindingKind, Options};
use clauseguard::library::{Category, ClauseLibrary, Severity};
use clauseguard::text::Normalised;

const RECALL_CATEGORIES: [&str; 2] = ["IP Ownership Assignment", "Joint IP Ownership"];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let root = args.iter().find(|a| !a.starts_with("--")).map_or_else(|| PathBuf::from("../shared/corpus"), PathBuf::from);
    let labels_path = root.join("cuad-dev/labels.json");
    let Ok(labels) = std::fs::read_to_string(&labels_path) else {
        println!("quality: skipped, no corpus at {}", root.display());
        return;
    };
    let labels: BTreeMap<String, BTreeMap<String, Vec<String>>> = match serde_json::from_str(&labels) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("quality: {}: {e}", labels_path.display());
            std::process::exit(2);
        }
    };
    let library = ClauseLibrary::embedded();
    let analyzer = Analyzer::new(&library);
    let (mut spans, mut recalled, mut unlocated) = (0, 0, 0);
    let (mut findings, mut on_label) = (0, 0);
    let mut by_concern: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (file, categories) in &labels {
        let path = root.join("cuad-dev/contracts").join(file);
        let Ok(doc) = clauseguard::ingest::load(&path) else {
            eprintln!("quality: cannot read {}", path.display());
            continue;
        };
        let analysis = analyzer.analyze(&doc, &Options::default());
        let norm = Normalised::new(&doc.text);
        let mut labelled: Vec<(&str, usize, usize)> = Vec::new();
        for (category, texts) in categories {
            for t in texts {
                match locate(&norm, t) {
                    Some((s, e)) => labelled.push((category, s, e)),
                    None => {
                        if RECALL_CATEGORIES.contains(&category.as_str()) {
                            unlocated += 1;
                        }
                    }
                }
            }
        }
        let ip_clauses: Vec<(usize, usize)> = analysis
            .clauses
            .iter()
            .filter(|c| matches!(c.category, Some(Category::ClientIp | Category::AgencyIp | Category::JointIp)))
            .map(|c| (c.start, c.end))
            .collect();
        let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
        for &(category, s, e) in labelled.iter().filter(|l| RECALL_CATEGORIES.contains(&l.0)) {
            spans += 1;
            let hit = analysis.findings.iter().filter_map(|f| Some((f.start?, f.end?))).any(|r| overlaps(r, (s, e)))
                || ip_clauses.iter().any(|&r| overlaps(r, (s, e)));
            if hit {
                recalled += 1;
            } else if verbose {
                println!(
                    "MISSED [{category}] {file}: {}",
                    clauseguard::text::one_line(&doc.text[s..e]).chars().take(160).collect::<String>()
                );
            }
        }
        for f in analysis.findings.iter().filter(|f| f.kind == FindingKind::Phrase && f.severity >= Severity::Medium) {
            let r = (f.start.unwrap_or(0), f.end.unwrap_or(0));
            let hit = labelled.iter().any(|&(_, s, e)| overlaps(r, (s, e)));
            findings += 1;
            let entry = by_concern.entry(f.concern.to_string()).or_default();
            entry.0 += 1;
            if hit {
                on_label += 1;
                entry.1 += 1;
                if verbose {
                    println!("ON-LABEL [{}] {file}: {}", f.rule, clauseguard::text::one_line(f.phrase.as_deref().unwrap_or("")));
                }
            } else if verbose {
                println!("OFF-LABEL [{}] {file}: {}", f.rule, clauseguard::text::one_line(f.phrase.as_deref().unwrap_or("")));
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    println!("cuad-dev: {} contracts", labels.len());
    println!(
        "recall (IP Ownership Assignment + Joint IP Ownership spans): {recalled}/{spans} = {:.3} ({unlocated} spans not located in the text)",
        ratio(recalled, spans)
    );
    println!("share of high/medium phrase findings on a labelled span: {on_label}/{findings} = {:.3}", ratio(on_label, findings));
    for (concern, (n, hit)) in &by_concern {
        println!("  {concern:<28} {hit:>4}/{n:<4}");
    }
    dev_forms(&root, &analyzer);
}

/// Finds a labelled span in the text, ignoring differences in white space and case. CUAD marks
/// text it left out of a span with "<omitted>" (a page header, a table): the span runs from its
/// first piece to its last.
fn locate(norm: &Normalised, span: &str) -> Option<(usize, usize)> {
    let mut pieces = span.split("<omitted>").filter(|p| !p.trim().is_empty());
    let first = locate_piece(norm, pieces.next()?)?;
    let last = pieces.filter_map(|p| locate_piece(norm, p)).filter(|p| p.0 >= first.1).last();
    Some((first.0, last.map_or(first.1, |l| l.1)))
}

/// Finds one piece of a span. Some labels are not verbatim (a few characters differ): then the
/// longest prefix found (at least half the piece, and 40 bytes) locates it, extended to the
/// piece's length.
fn locate_piece(norm: &Normalised, span: &str) -> Option<(usize, usize)> {
    let needle = Normalised::new(span).text;
    if needle.is_empty() {
        return None;
    }
    if let Some(at) = norm.text.find(&needle) {
        return Some(norm.original_range(at, at + needle.len()));
    }
    let boundaries: Vec<usize> = needle.char_indices().map(|(i, _)| i).chain([needle.len()]).collect();
    let (mut lo, mut hi) = (0, boundaries.len() - 1);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if norm.text.contains(&needle[..boundaries[mid]]) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let prefix = &needle[..boundaries[lo]];
    if prefix.len() < 40 || prefix.len() * 2 < needle.len() {
        return None;
    }
    let at = norm.text.find(prefix)?;
    let end = clauseguard::text::floor_char(&norm.text, (at + needle.len()).min(norm.text.len()));
    Some(norm.original_range(at, end))
}

fn dev_forms(root: &std::path::Path, analyzer: &Analyzer) {
    let Ok(entries) = std::fs::read_dir(root.join("dev")) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    println!("\ndev forms (high/medium/low/info; concerns):");
    for path in paths {
        match clauseguard::ingest::load(&path) {
            Ok(doc) => {
                let a = analyzer.analyze(&doc, &Options::default());
                let mut concerns: Vec<String> = a
                    .findings
                    .iter()
                    .map(|f| format!("{}{}", f.concern, if f.kind == FindingKind::Missing { "(missing)" } else { "" }))
                    .collect();
                concerns.sort();
                concerns.dedup();
                let s = a.summary;
                println!(
                    "  {:<48} {}/{}/{}/{}  agency={:?}  {}",
                    path.file_name().unwrap_or_default().to_string_lossy(),
                    s.high,
                    s.medium,
                    s.low,
                    s.info,
                    a.parties.agency,
                    concerns.join(", ")
                );
            }
            Err(e) => println!("  {e}"),
        }
    }
}
