//! `clauseguard analyze`: the analysis of one or more drafts, as text, JSON or Markdown.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::{Common, EXIT_FINDINGS, Format, Threshold};
use crate::engagement::Engagement;
use crate::report;
use crate::review::{Deal, Review};

#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// Drafts to analyse (.docx, .md, .txt).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// How to print the report: text for reading, JSON for programs, Markdown for documents.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Exit with code 1 when any finding is at least this severe.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<Threshold>,
    /// How the agency is engaged: adds the model's own wording and the protections it requires.
    #[arg(long, value_name = "MODEL", value_parser = super::engagement_parser())]
    pub engagement: Option<Engagement>,
    #[command(flatten)]
    pub analysis: super::AnalysisArgs,
}

pub fn run(args: &AnalyzeArgs, common: &Common) -> color_eyre::Result<ExitCode> {
    let library = common.library()?;
    let registry = super::registry::for_analysis(common)?;
    let review = Review::new(&library, registry.as_ref().map(|(_, r)| r));
    let deal = Deal { agency_party: common.agency_party.clone(), engagement: args.engagement };
    let paint = report::Paint::for_stdout();
    let mut failed = false;
    let mut stdout = std::io::stdout().lock();
    // Read every draft first, so a bad file fails the run before anything is printed.
    let docs = args.files.iter().map(|f| crate::ingest::load(f)).collect::<Result<Vec<_>, _>>()?;
    if let Some(message) =
        common.agency_party.as_deref().and_then(|name| docs.iter().find_map(|d| crate::analysis::unknown_agency_party(d, name)))
    {
        return Err(color_eyre::eyre::eyre!(message));
    }
    for (i, doc) in docs.iter().enumerate() {
        let analysis = review.analyze(doc, &deal);
        if i > 0 && args.format != Format::Json {
            writeln!(stdout)?;
        }
        match args.format {
            Format::Json => report::write_json(&analysis, &mut stdout)?,
            Format::Text => stdout.write_all(report::text(&analysis, &doc.text, paint).as_bytes())?,
            Format::Markdown => stdout.write_all(report::markdown(&analysis, &doc.text).as_bytes())?,
        }
        if let Some(threshold) = args.fail_on {
            failed |= analysis.findings.iter().any(|f| f.severity >= threshold.severity());
        }
    }
    // The process ends here: freeing the library's compiled patterns (about 2 ms for a long
    // draft's) is left to the operating system.
    drop(review);
    std::mem::forget(library);
    Ok(if failed { ExitCode::from(EXIT_FINDINGS) } else { ExitCode::SUCCESS })
}
