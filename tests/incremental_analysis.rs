//! A later round analysed against the earlier one (`Analyzer::analyze_next`, used by compare)
//! must say exactly what a fresh analysis of it says: the same clauses, findings, offsets,
//! library matches and missing protections, whatever was renumbered, reworded, moved, cut,
//! repeated or added.

#[path = "support/drafts.rs"]
mod drafts;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use clauseguard::analysis::{Analysis, Analyzer, Options};
use clauseguard::ingest::{self, Document, Format};
use clauseguard::library::ClauseLibrary;
use proptest::prelude::*;

static LIBRARY: LazyLock<ClauseLibrary> = LazyLock::new(ClauseLibrary::embedded);
static ANALYZER: LazyLock<Analyzer<'static>> = LazyLock::new(|| Analyzer::new(&LIBRARY));

fn json(a: &Analysis) -> String {
    serde_json::to_string_pretty(a).expect("json")
}

/// Analyses `old`, then `new` both ways (alone, and against `old`), checks the two agree, and
/// returns new's analysis.
fn same_both_ways(old: &str, new: &str, options: &Options) -> (Analysis, Analysis) {
    let (d1, d2) = (ingest::from_text("round-1", Format::Txt, old), ingest::from_text("round-2", Format::Txt, new));
    let base = ANALYZER.analyze(&d1, options);
    let fresh = ANALYZER.analyze(&d2, options);
    let next = ANALYZER.analyze_next((&d1, &base), &d2, options);
    assert_eq!(json(&next), json(&fresh), "round 2 analysed against round 1 differs from a fresh analysis");
    let (paired_old, paired_new) = ANALYZER.analyze_pair(&d1, &d2, options);
    assert_eq!(json(&paired_old), json(&base));
    assert_eq!(json(&paired_new), json(&fresh));
    (base, fresh)
}

/// Round 2 of a negotiation as counsel makes it: a definition added at the top, every section
/// renumbered, some paragraphs reworded, one cut, one moved and one repeated.
fn second_round(text: &str, seed: usize) -> String {
    let mut paragraphs: Vec<String> = text.split("\n\n").map(str::to_owned).collect();
    for (k, p) in paragraphs.iter_mut().enumerate() {
        let trimmed = p.trim_start();
        let digits: String = trimmed.chars().take_while(char::is_ascii_digit).collect();
        if let Ok(n) = digits.parse::<u32>() {
            *p = format!("{}{}", n + 1, &trimmed[digits.len()..]);
        }
        if k % 11 == seed % 11 {
            *p = p.replace("shall", "will")
                + " All work product created during the engagement shall be the sole property of the other party.";
        }
    }
    if paragraphs.len() > 6 {
        let moved = paragraphs.remove(paragraphs.len() / 2 + seed % 3);
        paragraphs.insert(paragraphs.len() - 1, moved);
        paragraphs.remove(paragraphs.len() / 2);
        let repeated = paragraphs[2].clone();
        paragraphs.push(repeated);
    }
    paragraphs.insert(0, "1. Definitions. \"Deliverables\" means the items described in Schedule A.".to_owned());
    paragraphs.join("\n\n")
}

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/cuad-dev/contracts");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: the corpus folder (../shared/corpus) is absent");
        None
    }
}

#[test]
fn later_rounds_of_corpus_contracts_analyse_the_same_against_the_earlier_round() {
    let Some(dir) = corpus() else { return };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir).expect("corpus").filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    let (mut findings, mut same_parties, mut contracts) = (0, 0, 0);
    for (seed, path) in paths.iter().step_by(6).enumerate() {
        let text = std::fs::read_to_string(path).expect("read");
        let (base, next) = same_both_ways(&text, &second_round(&text, seed), &Options::default());
        findings += next.findings.len();
        // Results are reused only between rounds naming the same parties.
        same_parties += usize::from(base.parties == next.parties);
        contracts += 1;
    }
    assert!(findings > 50, "the rounds carry findings to compare ({findings})");
    assert!(same_parties * 4 >= contracts * 3, "most rounds reuse the earlier one ({same_parties} of {contracts})");
}

#[test]
fn a_round_naming_other_parties_is_analysed_afresh() {
    let old = "Agreement between Acme Corp (\"Client\") and Studio LLC (\"Provider\").\n\n1. All work product created during the engagement shall be the sole property of Client.\n\n2. Provider retains its tools.";
    let new = "Agreement between Acme Corp (\"Provider\") and Studio LLC (\"Client\").\n\n1. All work product created during the engagement shall be the sole property of Client.\n\n2. Provider retains its tools.";
    let (base, next) = same_both_ways(old, new, &Options::default());
    assert_ne!(base.parties, next.parties);
    assert!(!next.findings.is_empty());
    let given = Options { agency_party: Some("Studio LLC".into()) };
    same_both_ways(old, new, &given);
}

/// A contract-like paragraph.
fn paragraph() -> impl Strategy<Value = String> {
    drafts::contract_text(1..8)
}

#[derive(Debug, Clone)]
enum Edit {
    Reword(usize, String),
    Cut(usize),
    Insert(usize, String),
    Move(usize, usize),
    Repeat(usize),
    Renumber(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), paragraph()).prop_map(|(k, p)| Edit::Reword(k, p)),
        any::<usize>().prop_map(Edit::Cut),
        (any::<usize>(), paragraph()).prop_map(|(k, p)| Edit::Insert(k, p)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Move(a, b)),
        any::<usize>().prop_map(Edit::Repeat),
        any::<usize>().prop_map(Edit::Renumber),
    ]
}

fn apply(mut paragraphs: Vec<String>, edits: &[Edit]) -> Vec<String> {
    for e in edits {
        let n = paragraphs.len().max(1);
        match e {
            Edit::Reword(k, p) if !paragraphs.is_empty() => paragraphs[k % n].clone_from(p),
            Edit::Cut(k) if !paragraphs.is_empty() => drop(paragraphs.remove(k % n)),
            Edit::Insert(k, p) => paragraphs.insert(k % (paragraphs.len() + 1), p.clone()),
            Edit::Move(a, b) if !paragraphs.is_empty() => {
                let p = paragraphs.remove(a % n);
                paragraphs.insert(b % n, p);
            }
            Edit::Repeat(k) if !paragraphs.is_empty() => paragraphs.push(paragraphs[k % n].clone()),
            Edit::Renumber(k) if !paragraphs.is_empty() => paragraphs[k % n].insert_str(0, &format!("{}. ", k % 200)),
            _ => {}
        }
    }
    paragraphs
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_later_round_analyses_the_same_against_the_earlier_one(
        paragraphs in proptest::collection::vec(paragraph(), 1..12),
        edits in proptest::collection::vec(edit(), 0..6),
        separator in prop_oneof![Just("\n\n"), Just("\n"), Just("\r\n\r\n")],
    ) {
        let old = paragraphs.join(separator);
        let new = apply(paragraphs, &edits).join(separator);
        let (d1, d2) = (ingest::from_text("round-1", Format::Txt, &old), ingest::from_text("round-2", Format::Txt, &new));
        let base = ANALYZER.analyze(&d1, &Options::default());
        let next = ANALYZER.analyze_next((&d1, &base), &d2, &Options::default());
        prop_assert_eq!(json(&next), json(&ANALYZER.analyze(&d2, &Options::default())));
    }
}

#[test]
fn a_markdown_round_analyses_the_same_against_the_earlier_one() {
    let old = "# Terms\n\n1. **Ownership.** All work product created during the engagement shall be the sole property of Client.\n\n2. Provider retains its tools.";
    let new = "# Terms\n\n1. **Fees.** Client shall pay all fees.\n\n2. **Ownership.** All work product created during the engagement shall be the sole property of Client.\n\n3. Provider retains its tools.";
    let (d1, d2): (Document, Document) = (ingest::from_text("r1", Format::Markdown, old), ingest::from_text("r2", Format::Markdown, new));
    let base = ANALYZER.analyze(&d1, &Options::default());
    let next = ANALYZER.analyze_next((&d1, &base), &d2, &Options::default());
    let fresh = ANALYZER.analyze(&d2, &Options::default());
    assert_eq!(json(&next), json(&fresh));
    assert!(fresh.findings.iter().any(|f| f.phrase.as_deref().is_some_and(|p| p.contains("work product"))));
}
