//! `clauseguard issues-list`: the table of open and settled points counsel exchange beside the
//! redline, from a session, as .docx, Markdown or CSV.

use std::path::PathBuf;
use std::process::ExitCode;

use color_eyre::eyre::{WrapErr, eyre};

use super::Common;
use crate::issues_list::{Audience, ExportError, Format, export};
use crate::review::{Deal, Review};
use crate::session::SessionStore;
use crate::workspace::{MemorySession, Workspace};

#[derive(Debug, clap::Args)]
pub struct IssuesListArgs {
    /// The negotiation session the points come from (see `session list`).
    #[arg(long, value_name = "NAME")]
    pub session: String,
    /// Where to write it: .docx (a Word table), .md or .csv.
    #[arg(long, short, value_name = "FILE")]
    pub out: PathBuf,
    /// The agency's own copy: adds the notes taken on each point. Not for the other side.
    #[arg(long)]
    pub internal: bool,
    /// Replace --out if it exists.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub analysis: super::AnalysisArgs,
    #[command(flatten)]
    pub sessions: super::SessionsArg,
}

pub fn run(args: &IssuesListArgs, common: &Common) -> color_eyre::Result<ExitCode> {
    Format::of(&args.out).map_err(|e| eyre!(e))?;
    if !args.force && args.out.symlink_metadata().is_ok() {
        return Err(eyre!("{}: already exists; pass --force to replace it", args.out.display()));
    }
    let store = SessionStore::resolve(common.sessions_dir.as_deref())?;
    let session = store.load(&args.session)?;
    let library = common.library()?;
    let registry = super::registry::for_analysis(common)?;
    let review = Review::new(&library, registry.as_ref().map(|(_, r)| r));
    let given = Deal { agency_party: common.agency_party.clone(), engagement: None };
    let handle = Box::new(MemorySession::new(session));
    let (ws, _) =
        Workspace::open(review, handle, None, given, crate::session::now).wrap_err_with(|| format!("reading session {}", args.session))?;
    let audience = if args.internal { Audience::Agency } else { Audience::OtherSide };
    let list = export(&ws, audience, &args.out, args.force).map_err(|e| match e {
        ExportError::Exists(path) => eyre!("{}: already exists; pass --force to replace it", path.display()),
        other => eyre!(other),
    })?;
    let out = args.out.display().to_string();
    let whose = if args.internal { " (internal: not for the other side)" } else { "" };
    outln!("wrote {}: {} point(s) on {}{whose}", crate::text::one_line(&out), list.issues.len(), crate::text::one_line(&list.draft));
    Ok(ExitCode::SUCCESS)
}
