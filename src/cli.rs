//! The command line: argument parsing and one handler per command. The workspace TUI is the
//! default when a draft (or `--demo`, `--resume`) is given without a command.

/// `print!` and `println!` that hand a closed pipe (`clauseguard ... | head`) back as an error
/// for `main` to end on quietly, instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout(), $($arg)*)?;
    }};
}
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout(), $($arg)*)?;
    }};
}

mod analyze;
mod audit;
pub mod compare;
mod issues_list;
mod library;
pub mod redline;
pub mod registry;
mod session;
mod typo;

use std::ffi::OsString;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use color_eyre::eyre::{WrapErr, eyre};

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
    /// The session to record this negotiation in (created if new); alone, reopens it.
    #[arg(long, value_name = "NAME", conflicts_with = "resume")]
    pub session: Option<String>,
    #[command(flatten)]
    pub analysis: AnalysisArgs,
    #[command(flatten)]
    pub sessions: SessionsArg,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What an analysis runs with: the clause library, the agency's registry and which party the
/// draft calls the agency. The workspace and every command that analyses a draft take these;
/// a command that does not analyse does not list them in its help.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct AnalysisArgs {
    /// Use the clause library in this folder instead of the embedded default.
    #[arg(long, value_name = "DIR", env = "CLAUSEGUARD_LIBRARY")]
    pub library: Option<PathBuf>,
    /// The name or defined term the draft uses for the agency (default: detected).
    #[arg(long, value_name = "NAME")]
    pub agency_party: Option<String>,
    /// The agency's pre-existing IP registry (default: registry.json in the platform config directory).
    #[arg(long, value_name = "FILE", env = "CLAUSEGUARD_REGISTRY")]
    pub registry: Option<PathBuf>,
}

/// Where the negotiation sessions are, for the workspace and the commands that read them.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct SessionsArg {
    /// Where sessions are stored (default: the platform data directory).
    #[arg(long, value_name = "DIR", env = "CLAUSEGUARD_SESSIONS_DIR")]
    pub sessions_dir: Option<PathBuf>,
}

/// The options a command was given, as its handler reads them (those it does not take are None).
#[derive(Debug, Clone, Default)]
pub struct Common {
    pub library: Option<PathBuf>,
    pub sessions_dir: Option<PathBuf>,
    pub agency_party: Option<String>,
    pub registry: Option<PathBuf>,
}

impl Common {
    pub fn new(analysis: &AnalysisArgs, sessions: &SessionsArg) -> Self {
        let AnalysisArgs { library, agency_party, registry } = analysis.clone();
        Self { library, sessions_dir: sessions.sessions_dir.clone(), agency_party, registry }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse drafts: clause by clause, what threatens the agency's IP and what to offer.
    Analyze(analyze::AnalyzeArgs),
    /// Print the plain text the analysis sees (every reported offset points into it).
    Extract {
        /// The draft to read (.docx, .md, .txt).
        file: PathBuf,
    },
    /// Compare two rounds of a deal (or two deals): what changed, what resolved, what is new.
    Compare(compare::CompareArgs),
    /// List, show and check clause libraries.
    Library {
        /// The clause library folder to list, show or check (default: the embedded library).
        #[arg(long, global = true, value_name = "DIR", env = "CLAUSEGUARD_LIBRARY")]
        library: Option<PathBuf>,
        #[command(subcommand)]
        command: library::LibraryCommand,
    },
    /// Write the counter-proposal: risky passages struck, the agency's language inserted, a reason on each change.
    Redline(redline::RedlineArgs),
    /// Negotiation sessions: list, show, start one, add a round or a note.
    Session {
        /// Where sessions are stored (default: the platform data directory).
        #[arg(long, global = true, value_name = "DIR", env = "CLAUSEGUARD_SESSIONS_DIR")]
        sessions_dir: Option<PathBuf>,
        #[command(subcommand)]
        command: session::SessionCommand,
    },
    /// The issues list for the other side's counsel: clause, each side's position, status and
    /// proposed resolution, from a session (.docx table, .md or .csv).
    IssuesList(issues_list::IssuesListArgs),
    /// The yearly IP audit of signed contracts and saved sessions.
    Audit(audit::AuditArgs),
    /// The agency's pre-existing IP registry, and Exhibit A made from it.
    Registry {
        /// The registry file (default: registry.json in the platform config directory).
        #[arg(long, global = true, value_name = "FILE", env = "CLAUSEGUARD_REGISTRY")]
        registry: Option<PathBuf>,
        #[command(subcommand)]
        command: registry::RegistryCommand,
    },
    /// Print a shell completion script, e.g. `clauseguard completions bash > ~/.local/share/bash-completion/completions/clauseguard`.
    Completions {
        /// The shell to complete in.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `clauseguard man > ~/.local/share/man/man1/clauseguard.1`.
    Man,
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

impl Common {
    /// The library the user asked for, or the embedded one.
    pub fn library(&self) -> color_eyre::Result<ClauseLibrary> {
        match &self.library {
            Some(dir) => ClauseLibrary::load_dir(dir).wrap_err_with(|| format!("loading clause library from {}", dir.display())),
            None => Ok(ClauseLibrary::embedded()),
        }
    }
}

/// `--engagement MODEL`, as typed (`time-and-materials`, also `t&m`, `tm`).
fn engagement_parser() -> impl clap::builder::TypedValueParser<Value = crate::engagement::Engagement> {
    use crate::engagement::{self, Engagement};
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(engagement::ALL.map(Engagement::label)).try_map(|s: String| engagement::parse(&s))
}

/// Parses the command line as clap does, first catching a mistyped command name that clap would
/// take for a draft; exits with clap's message and code 2 on bad arguments.
pub fn parse() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    if let Err(e) = typo::check(Cli::command(), &args) {
        e.exit();
    }
    Cli::parse_from(args)
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> color_eyre::Result<ExitCode> {
    match cli.command {
        Some(Command::Analyze(args)) => analyze::run(&args, &Common::new(&args.analysis, &SessionsArg::default())),
        Some(Command::Extract { file }) => {
            let doc = crate::ingest::load(&file)?;
            for note in &doc.notes {
                eprintln!("note: {note}");
            }
            out!("{}", crate::text::sanitize_keep_offsets(&doc.text));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Library { library, command }) => library::run(command, &Common { library, ..Common::default() }),
        Some(Command::Compare(args)) => compare::run(&args, &Common::new(&args.analysis, &args.sessions)),
        Some(Command::Redline(args)) => redline::run(&args, &Common::new(&args.analysis, &args.sessions)),
        Some(Command::Session { sessions_dir, command }) => {
            session::run(command, &crate::session::SessionStore::resolve(sessions_dir.as_deref())?)
        }
        Some(Command::Registry { registry, command }) => registry::run(command, &Common { registry, ..Common::default() }),
        Some(Command::Audit(args)) => audit::run(&args, &Common::new(&args.analysis, &SessionsArg::default())),
        Some(Command::IssuesList(args)) => issues_list::run(&args, &Common::new(&args.analysis, &args.sessions)),
        Some(Command::Completions { shell }) => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "clauseguard", &mut script);
            std::io::stdout().write_all(&script)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut page)?;
            std::io::stdout().write_all(&page)?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let common = Common::new(&cli.analysis, &cli.sessions);
            let store = crate::session::SessionStore::resolve(common.sessions_dir.as_deref())?;
            let Some(launch) = launch(cli.demo, cli.resume, cli.draft, cli.session, &store)? else {
                // Nothing to open: show what the tool can do rather than an error.
                Cli::command().print_help()?;
                return Ok(ExitCode::SUCCESS);
            };
            let library = common.library()?;
            let registry = registry::for_analysis(&common)?;
            let review = crate::review::Review::new(&library, registry.as_ref().map(|(_, r)| r));
            let given = crate::review::Deal { agency_party: common.agency_party.clone(), engagement: None };
            let name = crate::tui::run(launch, review, &store, given)?;
            let dir = common.sessions_dir.map(|d| format!(" --sessions-dir {}", shell_quote(&d))).unwrap_or_default();
            // The registry is not kept in the session: resuming without it would drop its findings.
            let registry = common.registry.map(|r| format!(" --registry {}", shell_quote(&r))).unwrap_or_default();
            outln!("Session {name} saved in {}.\nResume it with: clauseguard --resume {name}{dir}{registry}", store.dir().display());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// What the workspace opens: the demo (in `--session` when given), a saved session, a draft (in
/// `--session`, else in the session of the deal it is a round of), or with `--session` alone
/// that session as `--resume` would. `None` when nothing was asked for.
pub fn launch(
    demo: bool,
    resume: Option<String>,
    draft: Option<PathBuf>,
    session: Option<String>,
    store: &crate::session::SessionStore,
) -> color_eyre::Result<Option<crate::tui::Launch>> {
    use crate::tui::Launch;
    Ok(Some(match (demo, resume, draft, session) {
        (true, _, _, session) => Launch::Demo { session },
        (false, Some(name), _, _) => Launch::Resume { name },
        (false, None, Some(path), Some(session)) => Launch::Draft { path, session: Some(session) },
        (false, None, Some(path), None) => Launch::Draft { session: deal_of(&path, store)?, path },
        (false, None, None, Some(name)) => {
            crate::session::validate_name(&name)?;
            if !store.exists(&name) {
                return Err(eyre!(
                    "no session named {name:?} in {}: to start one, give the client's draft (clauseguard DRAFT --session {name}); `clauseguard session list` shows the saved ones",
                    store.dir().display()
                ));
            }
            Launch::Resume { name }
        }
        (false, None, None, None) => return Ok(None),
    }))
}

/// The session a draft opened without `--session` goes to: the one whose deal it is a round of
/// (see `SessionStore::deal_of`), or None for a new session named after the file. Refuses,
/// saying how to choose, when a session is named like it but may be another deal.
fn deal_of(path: &Path, store: &crate::session::SessionStore) -> color_eyre::Result<Option<String>> {
    use crate::session::Deal;
    let doc = crate::ingest::load(path)?;
    let file_name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    Ok(match store.deal_of(&crate::session::name_from(path), &file_name, &doc.text)? {
        Deal::New => None,
        Deal::Latest { session } | Deal::NextRound { session, .. } => Some(session),
        Deal::Uncertain { message } => return Err(eyre!(message)),
    })
}

/// A path as one shell word.
fn shell_quote(path: &Path) -> String {
    let text = path.display().to_string();
    if text.chars().all(|c| c.is_ascii_alphanumeric() || "/._-+,:@".contains(c)) {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

/// The one line `clauseguard: ...` printed for a failed run, or `None` when the failure is that
/// the reader closed the pipe (`clauseguard ... | head`), which is no failure to report. A
/// cause whose message is already at the end of the one before it is said once.
pub fn error_line(report: &color_eyre::Report) -> Option<String> {
    let broken_pipe =
        report.chain().any(|e| e.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe));
    if broken_pipe {
        return None;
    }
    let mut line = String::new();
    for cause in report.chain().map(ToString::to_string) {
        if line.is_empty() {
            line = cause;
        } else if !line.ends_with(&cause) {
            line = format!("{line}: {cause}");
        }
    }
    Some(format!("clauseguard: {}", crate::text::sanitize(&line, true)))
}

#[cfg(test)]
mod tests {
    use clap::ArgAction;

    use super::*;

    /// Every argument of every command says what it is for in `--help` and the man page.
    #[test]
    fn every_argument_is_described() {
        fn undescribed(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            let generated =
                |a: &clap::Arg| matches!(a.get_action(), ArgAction::Help | ArgAction::HelpShort | ArgAction::HelpLong | ArgAction::Version);
            for arg in cmd.get_arguments().filter(|a| !generated(a)) {
                if arg.get_help().is_none() && arg.get_long_help().is_none() {
                    missing.push(format!("{path} {}", arg.get_id()));
                }
            }
            for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
                undescribed(sub, &format!("{path} {}", sub.get_name()), missing);
            }
        }
        let mut missing = Vec::new();
        undescribed(&Cli::command(), "clauseguard", &mut missing);
        assert!(missing.is_empty(), "arguments without a description: {missing:#?}");
    }

    #[test]
    fn session_alone_resumes_it_or_says_what_is_missing() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::session::SessionStore::new(dir.path().to_owned());
        let round = crate::session::Round::new(1, "psa.md", "1. Services. Agency provides the Services.\n");
        store.create(crate::session::Session::new("psa", round)).unwrap();
        let resumed = launch(false, None, None, Some("psa".into()), &store).unwrap();
        assert_eq!(resumed, Some(crate::tui::Launch::Resume { name: "psa".into() }));
        let err = launch(false, None, None, Some("msa".into()), &store).unwrap_err().to_string();
        assert!(err.contains("no session named \"msa\"") && err.contains("--session msa"), "{err}");
        assert_eq!(launch(false, None, None, None, &store).unwrap(), None);
        let demo = launch(true, None, None, Some("friday".into()), &store).unwrap();
        assert_eq!(demo, Some(crate::tui::Launch::Demo { session: Some("friday".into()) }));
    }

    #[test]
    fn a_cause_already_in_the_message_is_said_once() {
        let io = std::io::Error::from(std::io::ErrorKind::NotFound);
        let report = color_eyre::Report::new(crate::ingest::IngestError::Io { path: "nope.docx".into(), source: io });
        let line = error_line(&report).unwrap();
        assert_eq!(line.matches("not found").count(), 1, "{line}");
        let pipe = color_eyre::Report::new(std::io::Error::from(std::io::ErrorKind::BrokenPipe)).wrap_err("writing the report");
        assert_eq!(error_line(&pipe), None);
    }
}
