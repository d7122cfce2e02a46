//! Benchmark: comparing two rounds of a ~250-page draft (round 2 renumbers every section and
//! rewords a few dozen clauses), side by side with `git diff --no-index --word-diff=porcelain`
//! on the same two texts in the same run. Run: `cargo bench --bench compare`.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use clauseguard::analysis::{Analyzer, Options};
use clauseguard::compare::{self, Mode, Side};
use clauseguard::library::ClauseLibrary;

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

    let git = time(5, || {
        let out = Command::new("git").args(["diff", "--no-index", "--word-diff=porcelain"]).arg(&p1).arg(&p2).output().expect("git");
        std::hint::black_box(out.stdout.len());
    });
    let library = ClauseLibrary::embedded();
    let analyzer = Analyzer::new(&library);
    let mut changes = 0;
    let (mut analysing, mut comparing) = (Vec::new(), Vec::new());
    let ours = time(5, || {
        let t = Instant::now();
        let (d1, d2) = (clauseguard::ingest::load(&p1).expect("load"), clauseguard::ingest::load(&p2).expect("load"));
        let (a1, a2) = analyzer.analyze_pair(&d1, &d2, &Options::default());
        analysing.push(t.elapsed());
        let t = Instant::now();
        let side = |label: &str, doc, analysis| Side { label: label.into(), doc, analysis, negotiation: None };
        let c = compare::compare(&side("r1", &d1, &a1), &side("r2", &d2, &a2), &library, Mode::Rounds);
        changes = c.changes.len();
        std::hint::black_box(serde_json::to_string(&c).expect("json").len());
        comparing.push(t.elapsed());
    });
    analysing.sort();
    comparing.sort();
    println!("round 1: {} bytes; round 2: {} bytes; {} aligned changes reported", r1.len(), r2.len(), changes);
    println!("git diff --no-index --word-diff=porcelain: median {:.1} ms", ms(git));
    println!("clauseguard compare (read, analyse both, align, diff, findings, JSON): median {:.1} ms", ms(ours));
    println!(
        "  of which (medians): read and analyse both rounds {:.1} ms; align, diff, finding deltas and JSON {:.1} ms",
        ms(analysing[analysing.len() / 2]),
        ms(comparing[comparing.len() / 2])
    );
    // The compare part alone, on analyses made once: what `compare` and its JSON cost.
    let (d1, d2) = (clauseguard::ingest::load(&p1).expect("load"), clauseguard::ingest::load(&p2).expect("load"));
    let (a1, a2) = (analyzer.analyze(&d1, &Options::default()), analyzer.analyze(&d2, &Options::default()));
    let side = |label: &str, doc, analysis| Side { label: label.into(), doc, analysis, negotiation: None };
    let (s1, s2) = (side("r1", &d1, &a1), side("r2", &d2, &a2));
    let compare_only = time(11, || {
        let c = compare::compare(&s1, &s2, &library, Mode::Rounds);
        std::hint::black_box(serde_json::to_string(&c).expect("json").len());
    });
    println!("align, diff, finding deltas and JSON alone (analyses made once): median {:.1} ms", ms(compare_only));
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

fn time(n: usize, mut f: impl FnMut()) -> Duration {
    let mut v: Vec<Duration> = (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    v.sort();
    v[n / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
