//! `clauseguard analyze`: the analysis of one or more drafts, as text, JSON or Markdown.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::{EXIT_FINDINGS, Format, Global, Threshold};
use crate::analysis::{Analyzer, Options};
use crate::report;

#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// Drafts to analyse (.docx, .md, .txt).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Exit with code 1 when any finding is at least this severe.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<Threshold>,
}

pub fn run(args: &AnalyzeArgs, global: &Global) -> color_eyre::Result<ExitCode> {
    let library = global.library()?;
    let analyzer = Analyzer::new(&library);
    let options = Options { agency_party: global.agency_party.clone() };
    let paint = report::Paint::for_stdout();
    let mut failed = false;
    let mut stdout = std::io::stdout().lock();
    // Read every draft first, so a bad file fails the run before anything is printed.
    let docs = args.files.iter().map(|f| crate::ingest::load(f)).collect::<Result<Vec<_>, _>>()?;
    for (i, doc) in docs.iter().enumerate() {
        let analysis = analyzer.analyze(doc, &options);
        let out = match args.format {
            Format::Json => report::json(&analysis) + "\n",
            Format::Text => report::text(&analysis, &doc.text, paint),
            Format::Markdown => report::markdown(&analysis, &doc.text),
        };
        if i > 0 && args.format != Format::Json {
            writeln!(stdout)?;
        }
        stdout.write_all(out.as_bytes())?;
        if let Some(threshold) = args.fail_on {
            failed |= analysis.findings.iter().any(|f| f.severity >= threshold.severity());
        }
    }
    Ok(if failed { ExitCode::from(EXIT_FINDINGS) } else { ExitCode::SUCCESS })
}
