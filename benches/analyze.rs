//! Benchmark of `analyze` on a ~250-page draft built from the CUAD corpus at bench time, and
//! throughput over all of cuad-dev. Run: `cargo bench --bench analyze`.
//!
//! Peak memory is measured in a child process (this binary re-run with `--child FILE`) that does
//! what `clauseguard analyze --format json FILE` does, and reports its own `VmHWM`. The real
//! `clauseguard analyze --format json` process is timed too, on that draft and on 1 MB drafts of
//! hostile shapes (one line, one long sentence, risky phrases without punctuation, short
//! sentences).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use clauseguard::analysis::{Analyzer, Options};
use clauseguard::library::ClauseLibrary;
use clauseguard::review::{Deal, Review};

const TARGET_BYTES: usize = 750 * 1024;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        child(Path::new(&args[i + 1]));
        return;
    }
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/cuad-dev/contracts");
    let Ok(entries) = std::fs::read_dir(&corpus) else {
        println!("analyze bench: skipped, no corpus at {}", corpus.display());
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    let texts: Vec<String> = paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    let big = build_draft(&texts);
    let dir = std::env::temp_dir().join(format!("clauseguard-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let big_path = dir.join("big-draft.txt");
    std::fs::write(&big_path, &big).expect("write draft");

    let t = Instant::now();
    let library = ClauseLibrary::embedded();
    let analyzer = Analyzer::new(&library);
    let setup = t.elapsed();
    let doc = clauseguard::ingest::load(&big_path).expect("load");
    let times = repeat(15, || {
        let a = analyzer.analyze(&doc, &Options::default());
        std::hint::black_box(clauseguard::report::json(&a));
    });
    let a = analyzer.analyze(&doc, &Options::default());
    println!("draft: {} bytes (~{} pages), {} clauses, {} findings", big.len(), big.len() / 3000, a.clauses.len(), a.findings.len());
    println!("library load + compile (once per process): {:.1} ms", ms(setup));
    println!("analyze + JSON, in process: median {:.1} ms, min {:.1} ms (15 runs)", ms(median(&times)), ms(times[0]));

    let exe = std::env::current_exe().expect("own path");
    let mut walls = Vec::new();
    let mut peak = 0;
    for _ in 0..7 {
        let t = Instant::now();
        let out = Command::new(&exe).arg("--child").arg(&big_path).output().expect("child");
        walls.push(t.elapsed());
        peak = String::from_utf8_lossy(&out.stdout).trim().parse::<u64>().unwrap_or(0).max(peak);
    }
    walls.sort();
    println!(
        "whole process (start, load library, read, analyze, JSON): median {:.1} ms wall; peak memory {:.1} MB",
        ms(walls[walls.len() / 2]),
        peak as f64 / 1024.0
    );

    let cli = Path::new(env!("CARGO_BIN_EXE_clauseguard"));
    let runs = cli_runs(cli, &big_path, 21);
    println!(
        "clauseguard analyze --format json, whole process: median {:.1} ms, min {:.1} ms ({} runs)",
        ms(median(&runs)),
        ms(runs[0]),
        runs.len()
    );
    let flat: String = big.split_whitespace().collect::<Vec<_>>().join(" ");
    let shapes = [
        ("one line of contract text", flat.as_str()),
        (
            "one sentence of risky phrases",
            "Provider hereby assigns to Client all right, title and interest in all work product, including all know-how and methodologies, upon creation; ",
        ),
        ("one sentence joined by \"and\"", "the Contractor hereby assigns all work product to the Client and "),
        ("risky phrases, no punctuation", "all work product hereby assigns work made for hire perpetual irrevocable license "),
        ("short sentences", "Provider hereby assigns all work product to Client. "),
    ];
    for (name, unit) in shapes {
        let path = dir.join("shape.txt");
        let text = unit.repeat((1 << 20) / unit.len() + 1);
        std::fs::write(&path, &text[..clauseguard::text::floor_char(&text, 1 << 20)]).expect("write shape");
        let runs = cli_runs(cli, &path, 3);
        println!("1 MB, {name}: median {:.0} ms ({} runs)", ms(median(&runs)), runs.len());
    }

    let t = Instant::now();
    let bytes: usize = paths
        .iter()
        .filter_map(|p| clauseguard::ingest::load(p).ok())
        .map(|d| {
            std::hint::black_box(analyzer.analyze(&d, &Options::default()));
            d.text.len()
        })
        .sum();
    let all = t.elapsed();
    println!(
        "cuad-dev: {} contracts, {:.1} MB in {:.0} ms = {:.1} MB/s ({:.1} ms per contract)",
        paths.len(),
        bytes as f64 / 1e6,
        ms(all),
        bytes as f64 / 1e6 / all.as_secs_f64(),
        ms(all) / paths.len() as f64
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Concatenates corpus contracts, renumbering nothing, until the draft is ~750 KB.
fn build_draft(texts: &[String]) -> String {
    let mut big = String::with_capacity(TARGET_BYTES + 100_000);
    for t in texts.iter().cycle() {
        if big.len() >= TARGET_BYTES {
            break;
        }
        big.push_str(t);
        big.push_str("\n\n");
    }
    big
}

fn child(path: &Path) {
    let library = ClauseLibrary::embedded();
    let doc = clauseguard::ingest::load(path).expect("load");
    // As `clauseguard analyze --format json` does it: one review, the report written as made.
    let a = Review::new(&library, None).analyze(&doc, &Deal::default());
    clauseguard::report::write_json(&a, std::io::sink()).expect("sink");
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let hwm = status.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)).unwrap_or("0");
    println!("{hwm}");
}

/// `clauseguard analyze --format json FILE` timed `n` times, sorted.
fn cli_runs(cli: &Path, file: &Path, n: usize) -> Vec<Duration> {
    repeat(n, || {
        // The report goes to /dev/null, as hyperfine sends it.
        let status = Command::new(cli).args(["analyze", "--format", "json"]).arg(file).stdout(Stdio::null()).status();
        assert!(status.is_ok_and(|s| s.success()), "clauseguard analyze failed on {}", file.display());
    })
}

fn repeat(n: usize, mut f: impl FnMut()) -> Vec<Duration> {
    let mut v: Vec<Duration> = (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    v.sort();
    v
}

fn median(v: &[Duration]) -> Duration {
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
