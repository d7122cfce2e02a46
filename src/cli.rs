//! The command line: argument parsing and one handler per command. The workspace TUI is the
//! default when a draft (or `--demo`, `--resume`) is given without a command.

mod analyze;
mod audit;
pub mod compare;
mod library;
mod redline;
pub mod registry;
mod session;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use color_eyre::eyre::WrapErr;

use crate::library::{ClauseLibrary, Severity};

/// Exit code for input the tool cannot use (unreadable draft, bad library, bad session).
pub const EXIT_BAD_INPUT: u8 = 2;
/// Exit code when `--fail-on` finds findings at or above the threshold.
pub const EXIT_FINDINGS: u8 = 1;

#[derive(Debug, Parser)]
#[command(name = "clauseguard", version, about = "Keep your agency's IP when a client's contract tries to take it.", long_about = None)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A client's draft (.docx, .md, .txt) to open in the negotiation workspace.
    pub draft: Option<PathBuf>,
    /// Open the bundled sample client draft.
    #[arg(long, conflicts_with = "draft")]
    pub demo: bool,
    /// Reopen a saved negotiation session where it was left.
    #[arg(long, value_name = "NAME", conflicts_with_all = ["draft", "demo"])]
    pub resume: Option<String>,
    /// The session to record this negotiation in (created if new).
    #[arg(long, value_name = "NAME")]
    pub session: Option<String>,
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct Global {
    /// Use the clause library in this folder instead of the embedded default.
    #[arg(long, global = true, value_name = "DIR", env = "CLAUSEGUARD_LIBRARY")]
    pub library: Option<PathBuf>,
    /// Where sessions are stored (default: the platform data directory).
    #[arg(long, global = true, value_name = "DIR", env = "CLAUSEGUARD_SESSIONS_DIR")]
    pub sessions_dir: Option<PathBuf>,
    /// The name or defined term the draft uses for the agency (default: detected).
    #[arg(long, global = true, value_name = "NAME")]
    pub agency_party: Option<String>,
    /// The agency's pre-existing IP registry (default: registry.json in the platform config directory).
    #[arg(long, global = true, value_name = "FILE", env = "CLAUSEGUARD_REGISTRY")]
    pub registry: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse drafts: clause by clause, what threatens the agency's IP and what to offer.
    Analyze(analyze::AnalyzeArgs),
    /// Print the plain text the analysis sees (every reported offset points into it).
    Extract { file: PathBuf },
    /// Compare two rounds of a deal (or two deals): what changed, what resolved, what is new.
    Compare(compare::CompareArgs),
    /// List, show and check clause libraries.
    Library {
        #[command(subcommand)]
        command: library::LibraryCommand,
    },
    /// Write the counter-proposal: risky passages struck, the agency's language inserted, a reason on each change.
    Redline(redline::RedlineArgs),
    /// Negotiation sessions: list, show, start one, add a round or a note.
    Session {
        #[command(subcommand)]
        command: session::SessionCommand,
    },
    /// The yearly IP audit of signed contracts and saved sessions.
    Audit(audit::AuditArgs),
    /// The agency's pre-existing IP registry, and Exhibit A made from it.
    Registry {
        #[command(subcommand)]
        command: registry::RegistryCommand,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Threshold {
    High,
    Medium,
    Low,
}

impl Threshold {
    pub fn severity(self) -> Severity {
        match self {
            Threshold::High => Severity::High,
            Threshold::Medium => Severity::Medium,
            Threshold::Low => Severity::Low,
        }
    }
}

impl Global {
    /// The library the user asked for, or the embedded one.
    pub fn library(&self) -> color_eyre::Result<ClauseLibrary> {
        match &self.library {
            Some(dir) => ClauseLibrary::load_dir(dir).wrap_err_with(|| format!("loading clause library from {}", dir.display())),
            None => Ok(ClauseLibrary::embedded()),
        }
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> color_eyre::Result<ExitCode> {
    match cli.command {
        Some(Command::Analyze(args)) => analyze::run(&args, &cli.global),
        Some(Command::Extract { file }) => {
            let doc = crate::ingest::load(&file)?;
            for note in &doc.notes {
                eprintln!("note: {note}");
            }
            print!("{}", crate::text::sanitize_keep_offsets(&doc.text));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Library { command }) => library::run(command, &cli.global),
        Some(Command::Compare(args)) => compare::run(&args, &cli.global),
        Some(Command::Redline(args)) => redline::run(&args, &cli.global),
        Some(Command::Session { command }) => {
            session::run(command, &crate::session::SessionStore::resolve(cli.global.sessions_dir.as_deref())?)
        }
        Some(Command::Registry { command }) => registry::run(command, &cli.global),
        Some(Command::Audit(args)) => audit::run(&args, &cli.global),
        None => {
            let library = cli.global.library()?;
            let store = crate::session::SessionStore::resolve(cli.global.sessions_dir.as_deref())?;
            let launch = if cli.demo {
                crate::tui::Launch::Demo
            } else if let Some(name) = cli.resume {
                crate::tui::Launch::Resume { name }
            } else if let Some(path) = cli.draft {
                crate::tui::Launch::Draft { path, session: cli.session }
            } else {
                // Nothing to open: show what the tool can do rather than an error.
                <Cli as clap::CommandFactory>::command().print_help()?;
                return Ok(ExitCode::SUCCESS);
            };
            crate::tui::run(launch, &library, &store, cli.global.agency_party.clone())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
