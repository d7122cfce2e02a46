//! The analysis takes time linear in the draft, whatever its shape: one line, one long
//! sentence of risky phrases, risky phrases without punctuation, short sentences. Measured in a
//! process of its own (this test binary run again on one ignored test), so that the tests
//! running beside it neither add to its count of the bytes searched nor slow it down.

use std::time::{Duration, Instant};

use crate::analysis::{Analyzer, Options};
use crate::ingest::{self, Format};
use crate::library::ClauseLibrary;

/// The shapes, each a unit repeated to the size wanted.
const SHAPES: [(&str, &str); 5] = [
    (
        "one line",
        "1.1 The Provider hereby assigns to the Client all right, title and interest in the Deliverables upon full payment of the Fees. \
         1.2 The Client shall pay each invoice within thirty (30) days. 1.3 Provider retains its pre-existing tools and know-how. ",
    ),
    (
        "one sentence",
        "Provider hereby assigns to Client all right, title and interest in all work product, including all know-how and methodologies, upon creation; ",
    ),
    ("one sentence with and", "the Contractor hereby assigns all work product to the Client and "),
    ("phrases", "all work product hereby assigns work made for hire perpetual irrevocable license "),
    ("short sentences", "Provider hereby assigns all work product to Client. "),
];

/// The smaller size analysed; the larger is `GROWTH` times it.
const SMALL: usize = 24 << 10;
const GROWTH: usize = 4;

fn draft(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len() + 1)[..bytes].to_owned()
}

/// Analyses each shape at both sizes: (shape, bytes searched, time) at the small size, then at
/// the large one. The time is the least of three runs.
fn measure() -> Vec<(String, [(u64, Duration); 2])> {
    let library = ClauseLibrary::embedded();
    let analyzer = Analyzer::new(&library);
    let options = Options::default();
    // Patterns compile on first use: compile those the shapes need before measuring.
    for (_, unit) in SHAPES {
        analyzer.analyze(&ingest::from_text("warm-up.txt", Format::Txt, &draft(unit, 4 << 10)), &options);
    }
    SHAPES
        .iter()
        .map(|(name, unit)| {
            let at = |bytes: usize| {
                let doc = ingest::from_text("draft.txt", Format::Txt, &draft(unit, bytes));
                let before = crate::library::searched();
                let mut time = Duration::MAX;
                for _ in 0..3 {
                    let started = Instant::now();
                    std::hint::black_box(analyzer.analyze(&doc, &options));
                    time = time.min(started.elapsed());
                }
                ((crate::library::searched() - before) / 3, time)
            };
            ((*name).to_owned(), [at(SMALL), at(SMALL * GROWTH)])
        })
        .collect()
}

#[test]
#[ignore = "run by `time_grows_linearly_with_the_draft` in a process of its own"]
fn measure_in_this_process() {
    for (name, [(small_work, small_time), (large_work, large_time)]) in measure() {
        println!("LINEAR\t{name}\t{small_work}\t{large_work}\t{}\t{}", small_time.as_nanos(), large_time.as_nanos());
    }
}

#[test]
fn time_grows_linearly_with_the_draft() {
    let exe = std::env::current_exe().expect("the test binary");
    let out = std::process::Command::new(exe)
        .args(["--exact", "analysis::linear::measure_in_this_process", "--ignored", "--nocapture", "--test-threads=1"])
        .output()
        .expect("the test binary runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    // (The test harness may print its own words before the first row, on the same line.)
    let rows: Vec<Vec<&str>> = stdout.lines().filter_map(|l| l.split_once("LINEAR\t")).map(|(_, row)| row.split('\t').collect()).collect();
    assert_eq!(rows.len(), SHAPES.len(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    for row in rows {
        let [name, small_work, large_work, small_time, large_time] = row[..] else { panic!("{row:?}") };
        let ratio = |a: &str, b: &str| b.parse::<f64>().expect("a number") / a.parse::<f64>().expect("a number").max(1.0);
        // Linear growth makes both ratios GROWTH (4); quadratic, 16. The bytes searched do not
        // depend on the machine, so their bound is tight; the time's leaves room for a busy one.
        let work = ratio(small_work, large_work);
        let time = ratio(small_time, large_time);
        assert!(work <= 1.5 * GROWTH as f64, "{name}: {GROWTH}× the draft searched {work:.1}× the bytes");
        assert!(time <= 2.5 * GROWTH as f64, "{name}: {GROWTH}× the draft took {time:.1}× the time");
    }
}
