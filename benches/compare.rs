//! Benchmark: comparing two rounds of a ~250-page draft (round 2 renumbers every section and
//! rewords a few dozen clauses), side by side with `git diff --no-index --word-diff=porcelain`
//! on the same two texts in the same run: the workspace's compare view (round 1 open and
//! analysed, round 2 read and compared), the same from two files in process, and the whole
//! `clauseguard compare` command. Run: `cargo bench --bench compare`.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use clauseguard::analysis::{Analysis, Analyzer, Options};
use clauseguard::compare::{self, Mode, Side};
use clauseguard::ingest::Document;
use clauseguard::library::ClauseLibrary;
use clauseguard::segment::Clause;

fn main() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/cuad-dev/contracts");
    let Ok(entries) = std::fs::read_dir(&corpus) else {
        println!("compare bench: skipped, no corpus at {}", corpus.display());
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    let mut r1 = String::new();
    for p in paths.iter().cycle() {
        if r1.len() >= 750 * 1024 {
            break;
        }
        r1.push_str(&std::fs::read_to_string(p).unwrap_or_default());
        r1.push_str("\n\n");
    }
    let r2 = second_round(&r1);
    let dir = std::env::temp_dir().join(format!("clauseguard-compare-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let (p1, p2) = (dir.join("round-1.txt"), dir.join("round-2.txt"));
    std::fs::write(&p1, &r1).expect("write");
    std::fs::write(&p2, &r2).expect("write");

    let git = || {
        let out = Command::new("git").args(["diff", "--no-index", "--word-diff=porcelain"]).arg(&p1).arg(&p2).output().expect("git");
        std::hint::black_box(out.stdout.len());
    };
    let library = ClauseLibrary::embedded();
    let analyzer = Analyzer::new(&library);
    let options = Options::default();
    let load = |p: &PathBuf| clauseguard::ingest::load(p).expect("load");
    // Round 1 as the workspace holds it while round 2 arrives: read and analysed.
    let d1 = load(&p1);
    let a1 = analyzer.analyze(&d1, &options);
    // What the workspace's compare view does: read round 2, analyse it against round 1 (its
    // unchanged clauses take round 1's results), align, diff, finding deltas, JSON.
    let against_open = || {
        let d2 = load(&p2);
        let align = |clauses: &[Clause]| compare::align_rounds((&d1, &compare::spans(&a1)), (&d2, &compare::clause_spans(clauses)));
        let (a2, aligned) = analyzer.analyze_next_beside((&d1, &a1), &d2, &options, align);
        let c = compare::compare_rounds(&side("r1", &d1, &a1), &side("r2", &d2, &a2), &library, aligned);
        std::hint::black_box(serde_json::to_string(&c).expect("json").len());
    };
    // What `clauseguard compare r1 r2` does after loading the library: read both rounds,
    // analyse round 1 and round 2 against it, align, diff, finding deltas, JSON.
    let from_files = || {
        let (d1, d2) = (load(&p1), load(&p2));
        let align =
            |a1: &Analysis, clauses: &[Clause]| compare::align_rounds((&d1, &compare::spans(a1)), (&d2, &compare::clause_spans(clauses)));
        let (a1, a2, aligned) = analyzer.analyze_pair_beside(&d1, &d2, &options, align);
        let c = compare::compare_rounds(&side("r1", &d1, &a1), &side("r2", &d2, &a2), &library, aligned);
        (c.changes.len(), serde_json::to_string(&c).expect("json").len())
    };
    let binary = env!("CARGO_BIN_EXE_clauseguard");
    let process = || {
        let out = Command::new(binary).args(["compare", "--format", "json"]).arg(&p1).arg(&p2).output().expect("clauseguard");
        assert!(out.status.success(), "clauseguard compare failed: {}", String::from_utf8_lossy(&out.stderr));
    };
    // The stages of the compare view: analysing round 2, and the comparison itself.
    let d2 = load(&p2);
    let analyse_next = || std::hint::black_box(analyzer.analyze_next((&d1, &a1), &d2, &options)).summary;
    let a2 = analyzer.analyze_next((&d1, &a1), &d2, &options);
    let compare_only = || std::hint::black_box(compared(&library, [(&d1, &a1), (&d2, &a2)]));
    let mut runs: [Vec<Duration>; 6] = Default::default();
    for _ in 0..RUNS {
        runs[0].push(time(git));
        runs[1].push(time(against_open));
        runs[2].push(time(from_files));
        runs[3].push(time(process));
        runs[4].push(time(analyse_next));
        runs[5].push(time(compare_only));
    }
    // The machine's speed drifts: each contender's time over git's in the same round, too.
    let ratio = |k: usize| median_ratio(runs[k].iter().zip(&runs[0]).map(|(t, g)| t.as_secs_f64() / g.as_secs_f64()).collect());
    let (open_ratio, files_ratio, process_ratio) = (ratio(1), ratio(2), ratio(3));
    let [git, open, files, process, next, compare_only] = runs.map(median);
    let changes = from_files().0;
    println!("round 1: {} bytes; round 2: {} bytes; {} aligned changes reported; medians of {RUNS} runs", r1.len(), r2.len(), changes);
    println!("git diff --no-index --word-diff=porcelain (whole process):            {:6.1} ms", ms(git));
    println!("compare view: round 2 read and compared with the open round 1:        {:6.1} ms ({open_ratio:.2}x git)", ms(open));
    println!(
        "  of which analysing round 2 against round 1 {:.1} ms; align, diff, finding deltas, JSON {:.1} ms",
        ms(next),
        ms(compare_only)
    );
    println!("compare of two files in process (read and analyse both, compare, JSON): {:6.1} ms ({files_ratio:.2}x git)", ms(files));
    println!("clauseguard compare --format json (whole process, library included):    {:6.1} ms ({process_ratio:.2}x git)", ms(process));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Round 2: a new clause at the top, every "N." section number shifted by one, and every 40th
/// paragraph reworded.
fn second_round(r1: &str) -> String {
    let mut out = String::from("1. Definitions. \"Deliverables\" means the items described in Schedule A.\n\n");
    for (k, para) in r1.split("\n\n").enumerate() {
        let trimmed = para.trim_start();
        let digits: String = trimmed.chars().take_while(char::is_ascii_digit).collect();
        let mut para = match digits.parse::<u32>() {
            Ok(n) if trimmed[digits.len()..].starts_with(". ") => format!("{}{}", n + 1, &trimmed[digits.len()..]),
            _ => para.to_owned(),
        };
        if k % 40 == 7 {
            para = para.replace("shall", "will").replace("Agreement", "Contract") + " Provider retains its pre-existing tools.";
        }
        out.push_str(&para);
        out.push_str("\n\n");
    }
    out
}

fn time<T>(mut f: impl FnMut() -> T) -> Duration {
    let t = Instant::now();
    std::hint::black_box(f());
    t.elapsed()
}

fn side<'a>(label: &str, doc: &'a Document, analysis: &'a Analysis) -> Side<'a> {
    Side { label: label.into(), doc, analysis, negotiation: None }
}

/// Compares two analysed rounds and writes the JSON: the number of changes and the JSON's length.
fn compared(library: &ClauseLibrary, [(d1, a1), (d2, a2)]: [(&Document, &Analysis); 2]) -> (usize, usize) {
    let c = compare::compare(&side("r1", d1, a1), &side("r2", d2, a2), library, Mode::Rounds);
    (c.changes.len(), serde_json::to_string(&c).expect("json").len())
}

/// Rounds: each times every contender once, so all see the same machine.
const RUNS: usize = 15;

/// The median of the ratios of one contender's time to git's, round by round.
fn median_ratio(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
