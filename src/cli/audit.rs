//! `clauseguard audit`: the yearly IP audit over folders of signed contracts and saved
//! sessions, with a progress bar on a terminal.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use color_eyre::eyre::{WrapErr, eyre};

use super::{Common, EXIT_BAD_INPUT};
use crate::audit::{self, AuditOptions};
use crate::registry::{Date, parse_date};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AuditFormat {
    Text,
    Json,
    Markdown,
    Html,
}

#[derive(Debug, clap::Args)]
pub struct AuditArgs {
    /// Folders (searched recursively) and files: contracts (.txt, .md, .docx) and sessions (.json).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Only contracts modified, and sessions whose latest round arrived, on or after this day.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub since: Option<Date>,
    /// Output format (default: from the --out extension, else text).
    #[arg(long, value_enum)]
    pub format: Option<AuditFormat>,
    /// Write the report to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace the --out file if it exists.
    #[arg(long, requires = "out")]
    pub force: bool,
    #[command(flatten)]
    pub analysis: super::AnalysisArgs,
}

impl AuditArgs {
    fn format(&self) -> AuditFormat {
        let from_out = self.out.as_ref().and_then(|p| p.extension()).and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        self.format.unwrap_or(match from_out.as_deref() {
            Some("json") => AuditFormat::Json,
            Some("md" | "markdown") => AuditFormat::Markdown,
            Some("html" | "htm") => AuditFormat::Html,
            _ => AuditFormat::Text,
        })
    }
}

pub fn run(args: &AuditArgs, common: &Common) -> color_eyre::Result<ExitCode> {
    if let Some(out) = args.out.as_ref().filter(|o| o.exists() && !args.force) {
        return Err(eyre!("{}: already exists; pass --force to replace it", out.display()));
    }
    let library = common.library()?;
    let registry = super::registry::for_analysis(common)?;
    let options = AuditOptions {
        since: args.since,
        library: &library,
        registry: registry.as_ref().map(|(_, r)| r),
        registry_path: registry.as_ref().map(|(f, _)| f.path().to_owned()),
        agency_party: common.agency_party.clone(),
    };
    let mut bar: Option<indicatif::ProgressBar> = None;
    let terminal = std::io::stderr().is_terminal();
    let report = audit::audit(&args.paths, &options, &mut |i, total, path| {
        if !terminal {
            return;
        }
        let bar = bar.get_or_insert_with(|| {
            let style = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
            indicatif::ProgressBar::new(total as u64).with_style(style)
        });
        bar.set_position(i.saturating_sub(1) as u64);
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        bar.set_message(crate::text::one_line(&name));
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let rendered = match args.format() {
        AuditFormat::Text => audit::text(&report),
        AuditFormat::Json => audit::json(&report) + "\n",
        AuditFormat::Markdown => audit::markdown(&report),
        AuditFormat::Html => audit::html(&report),
    };
    match &args.out {
        Some(out) => {
            crate::registry::write_atomic(out, rendered.as_bytes(), args.force)
                .wrap_err_with(|| format!("writing the audit to {}", out.display()))?;
            eprintln!("audited {} of {} files; report written to {}", report.totals.read, found(&report), out.display());
        }
        None => std::io::stdout().lock().write_all(rendered.as_bytes())?,
    }
    if report.nothing_read() {
        let why = if found(&report) == 0 {
            "no contracts (.txt, .md, .docx) or sessions (.json) were found".to_owned()
        } else {
            format!("none of the {} files found could be audited", found(&report))
        };
        eprintln!("clauseguard: {why} under {}", args.paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "));
        return Ok(ExitCode::from(EXIT_BAD_INPUT));
    }
    Ok(ExitCode::SUCCESS)
}

fn found(report: &audit::AuditReport) -> usize {
    report.totals.read + report.totals.errors + report.totals.skipped + report.totals.excluded_by_since
}
