//! `clauseguard library`: list, show and check clause libraries.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use color_eyre::eyre::eyre;

use super::{Common, EXIT_BAD_INPUT};
use crate::library::{ClauseLibrary, LibraryError};
use crate::text::one_line;

#[derive(Debug, Subcommand)]
pub enum LibraryCommand {
    /// Every standard clause: id, category, whether required, and title.
    List,
    /// One standard clause whole: text, why it matters, risk rules and fallback ladder.
    Show {
        /// The clause's id (see `library list`).
        id: String,
    },
    /// Check a library folder (default: the `--library` folder, else the embedded library),
    /// reporting every problem as `FILE:LINE:COL: FIELD: message`.
    Check {
        /// The library folder to check.
        dir: Option<PathBuf>,
    },
}

pub fn run(command: LibraryCommand, common: &Common) -> color_eyre::Result<ExitCode> {
    match command {
        LibraryCommand::List => {
            let library = common.library()?;
            for c in &library.clauses {
                outln!("{:<32} {:<10} {:<9} {}", c.id, c.category.label(), if c.required { "required" } else { "" }, one_line(&c.title));
            }
            Ok(ExitCode::SUCCESS)
        }
        LibraryCommand::Show { id } => {
            let library = common.library()?;
            let clause = library.get(&id).ok_or_else(|| {
                eyre!(
                    "no clause {id:?} in the {} library; known ids: {}",
                    library.origin,
                    library.clauses.iter().map(|c| c.id.as_str()).collect::<Vec<_>>().join(", ")
                )
            })?;
            out!("{}", show(clause));
            Ok(ExitCode::SUCCESS)
        }
        LibraryCommand::Check { dir } => {
            let result = match dir.or_else(|| common.library.clone()) {
                Some(dir) => ClauseLibrary::load_dir(&dir),
                None => ClauseLibrary::embedded_checked(),
            };
            match result {
                Ok(library) => {
                    let rules: usize = library.clauses.iter().map(|c| c.rules.len()).sum();
                    outln!("{}: {} clauses, {rules} rules, no problems", library.origin, library.clauses.len());
                    Ok(ExitCode::SUCCESS)
                }
                Err(LibraryError::Invalid { problems, .. }) => {
                    for p in &problems {
                        outln!("{p}");
                    }
                    eprintln!("{} problem(s)", problems.len());
                    Ok(ExitCode::from(EXIT_BAD_INPUT))
                }
                Err(e) => Err(e.into()),
            }
        }
    }
}

fn show(c: &crate::library::StandardClause) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({}, {}{})\n", one_line(&c.title), c.id, c.category.label(), if c.required { ", required" } else { "" });
    let _ = writeln!(out, "Standard text:\n  {}\n", one_line(&c.standard_text));
    let _ = writeln!(out, "Why it matters:\n  {}\n", one_line(&c.why_it_matters));
    let _ = writeln!(out, "For counsel, beside it in a redline:\n  {}\n", one_line(&c.counsel_note));
    if let Some(m) = &c.missing {
        let _ = writeln!(out, "When missing ({}, {}):\n  {}\n", m.concern, m.severity, one_line(&m.explanation));
    }
    if !c.rules.is_empty() {
        let _ = writeln!(out, "Risk rules:");
        for r in &c.rules {
            let _ = writeln!(out, "  {} [{}, {}]: {}", r.id, r.concern, r.severity, one_line(&r.explanation));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "Fallback ladder:");
    for (i, f) in c.fallbacks.iter().enumerate() {
        let _ = writeln!(out, "  {}. {}: {}", i + 1, f.kind.label(), one_line(&f.talking_point));
        if !f.text.trim().is_empty() {
            let _ = writeln!(out, "     counter-language: {}", one_line(&f.text));
            let _ = writeln!(out, "     for counsel: {}", one_line(&f.counsel_note));
        }
    }
    out
}
