//! Prints what the provision reader reads in a draft: its parties, defined terms and provisions.
//!
//! Run: `cargo run --release --example provisions -- DRAFT [--agency-party NAME] [--grep WORD]`

use clauseguard::analysis::{Analyzer, Options};
use clauseguard::library::ClauseLibrary;
use clauseguard::reading::{Lexicon, Reading};
use clauseguard::text::Normalised;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: provisions DRAFT [--agency-party NAME] [--grep WORD]");
        std::process::exit(2);
    };
    let flag = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let doc = match clauseguard::ingest::load(std::path::Path::new(path)) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let library = ClauseLibrary::embedded();
    let analysis = Analyzer::new(&library).analyze(&doc, &Options { agency_party: flag("--agency-party") });
    let parties = &analysis.parties;
    println!("parties: {parties:?}");
    let norm = Normalised::new(&doc.analysed);
    let ends = norm.positions(analysis.clauses.iter().map(|c| c.end));
    let mut start = 0;
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for end in ends {
        let end = end.max(start);
        ranges.push((start, end));
        start = end;
    }
    let layout = clauseguard::reading::Layout::of(&doc.text, &norm);
    let reading = Reading::read(Lexicon::embedded(), &norm.text, &ranges, layout, parties);
    let grep = flag("--grep");
    for t in &reading.terms.terms {
        println!("term {:?}: {:?}", t.name, t.features.iter().map(clauseguard::reading::Feature::id).collect::<Vec<_>>());
        if args.iter().any(|a| a == "--terms") {
            let head: String = norm.text[t.start..t.end].chars().take(100).collect();
            println!("     {}..{} {head:?}", t.start, t.end);
        }
    }
    for p in &reading.provisions {
        let phrase = &norm.text[p.start..p.end];
        if grep.as_ref().is_some_and(|g| !norm.text[p.sentence.0..p.sentence.1].contains(g.as_str())) {
            continue;
        }
        println!(
            "{:<12} {:?}->{:?}{} {:?} feat={:?} own={:?} terms={:?} carve={} attrs={:?} owned={} | {}",
            p.kind.id(),
            p.giver,
            p.receiver,
            if p.standing == clauseguard::reading::Standing::Operative { String::new() } else { format!(" {:?}", p.standing) },
            p.timing,
            p.features.iter().map(clauseguard::reading::Feature::id).collect::<Vec<_>>(),
            p.own_features.iter().map(clauseguard::reading::Feature::id).collect::<Vec<_>>(),
            p.terms.iter().map(|&t| reading.terms.terms[t].name.as_str()).collect::<Vec<_>>(),
            p.carve_out,
            p.attributes.iter().map(clauseguard::reading::Attribute::id).collect::<Vec<_>>(),
            p.counterparty_owned,
            phrase.chars().take(100).collect::<String>(),
        );
        if phrase.chars().count() > 100 {
            let tail: String = phrase.chars().rev().take(60).collect::<Vec<_>>().into_iter().rev().collect();
            println!("{:<12} ... {tail}", "");
        }
    }
}
