//! `clauseguard compare OLD NEW`: what changed between two rounds or two deals. Each side is a
//! draft file, a saved session (its latest round) or a session round (`NAME:ROUND`). With
//! `--out`, the blackline: the later round as tracked changes against the earlier one.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use color_eyre::eyre::{WrapErr, bail, eyre};

use super::{Common, Format};
use crate::analysis::Analysis;
use crate::compare::blackline::Round;
use crate::compare::{self, Aligned, Mode, Side};
use crate::engagement::Engagement;
use crate::ingest::{self, Document};
use crate::library::ClauseLibrary;
use crate::redline::{self, RedlineOptions};
use crate::review::{Deal, Review};
use crate::segment::Clause;
use crate::session::{Session, SessionStore};
use crate::text::one_line;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum By {
    /// Align clauses by content (two rounds of one deal).
    Clause,
    /// Align by library clause (two different deals: what did we concede where).
    Library,
}

#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// The earlier side: a draft file, SESSION or SESSION:ROUND.
    pub old: String,
    /// The later side: a draft file, SESSION or SESSION:ROUND.
    pub new: String,
    /// How to print the comparison: text for reading, JSON for programs, Markdown for documents.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// How to align (default: by library clause when both sides are different sessions).
    #[arg(long, value_enum)]
    pub by: Option<By>,
    /// Write a blackline instead of the report: NEW as tracked changes against OLD, as Word's
    /// Compare makes it (.docx; .md and .html too). An OLD .docx keeps its formatting. No notes:
    /// it is fit to send.
    #[arg(long, short, value_name = "FILE", conflicts_with_all = ["format", "by"])]
    pub out: Option<PathBuf>,
    /// With --out, also write an internal copy beside it (blackline.docx:
    /// blackline.internal.docx) whose notes say which concerns each change touches, from each
    /// round's analysis. Not for the other side.
    #[arg(long, requires = "out")]
    pub internal: bool,
    /// With --out, the name on the tracked changes (default: the other side as the later round
    /// names it, e.g. "Customer").
    #[arg(long, value_name = "NAME", requires = "out")]
    pub author: Option<String>,
    /// With --out, replace the blackline and the internal copy if they exist.
    #[arg(long, requires = "out")]
    pub force: bool,
    /// How the agency is engaged (default: each side's session's): adds the model's own
    /// wording and the protections it requires.
    #[arg(long, value_name = "MODEL", value_parser = super::engagement_parser())]
    pub engagement: Option<Engagement>,
    #[command(flatten)]
    pub analysis: super::AnalysisArgs,
    #[command(flatten)]
    pub sessions: super::SessionsArg,
}

/// One side, resolved: the document, and the session facts when it came from a session.
pub struct Resolved {
    pub label: String,
    pub doc: Document,
    pub session: Option<(Session, u32)>,
}

/// A file if one exists at `spec`, else `NAME:ROUND` or `NAME` in the session store.
pub fn resolve(spec: &str, store: &SessionStore) -> color_eyre::Result<Resolved> {
    if Path::new(spec).exists() {
        return Ok(Resolved { label: spec.to_owned(), doc: ingest::load(Path::new(spec))?, session: None });
    }
    let (name, round) = match spec.rsplit_once(':') {
        Some((name, n)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => (name, n.parse::<u32>().ok()),
        _ => (spec, None),
    };
    if !store.exists(name) {
        let known = store.names().unwrap_or_default();
        bail!(
            "{spec}: no such draft file or saved session (sessions in {}: {})",
            store.dir().display(),
            if known.is_empty() { "none".to_owned() } else { known.join(", ") }
        );
    }
    let session = store.load(name)?;
    let round = match round {
        Some(n) => session.round(n).ok_or_else(|| eyre!("{spec}: session {name} has rounds 1 to {}", session.latest_round().number))?,
        None => session.latest_round(),
    };
    let mut doc = round.document();
    doc.path = format!("{name}:{}", round.number).into();
    let number = round.number;
    Ok(Resolved { label: format!("{name}:{number} ({})", one_line(&round.file_name)), doc, session: Some((session, number)) })
}

pub use crate::compare::negotiation;

/// Both sides resolved and reviewed, and two rounds aligned: what the comparison is made from.
pub struct Sides {
    pub old: Resolved,
    pub new: Resolved,
    pub old_analysis: Analysis,
    pub new_analysis: Analysis,
    pub mode: Mode,
    aligned: Option<Aligned>,
}

pub fn run(args: &CompareArgs, common: &Common) -> color_eyre::Result<ExitCode> {
    // Refuse bad output paths before any work is done.
    let outputs = match &args.out {
        Some(out) => outputs(args, out)?,
        None => Vec::new(),
    };
    let library = common.library()?;
    let Sides { old, new, old_analysis, new_analysis, mode, aligned } = load_sides(args, common, &library)?;
    let facts = |r: &Resolved| r.session.as_ref().map(|(s, n)| negotiation(s, *n, &r.doc));
    let old_side = Side { label: old.label.clone(), doc: &old.doc, analysis: &old_analysis, negotiation: facts(&old) };
    let new_side = Side { label: new.label.clone(), doc: &new.doc, analysis: &new_analysis, negotiation: facts(&new) };
    if let Some(out) = &args.out {
        return write_blackline(args, out, &outputs, [(&old, &old_analysis), (&new, &new_analysis)]);
    }
    let comparison = match aligned {
        Some(aligned) => compare::compare_rounds(&old_side, &new_side, &library, aligned),
        None => compare::compare(&old_side, &new_side, &library, mode),
    };
    let out = match args.format {
        Format::Json => serde_json::to_string(&comparison)? + "\n",
        Format::Text => compare::text(&comparison, crate::report::Paint::for_stdout()),
        Format::Markdown => compare::markdown(&comparison),
    };
    out!("{out}");
    Ok(ExitCode::SUCCESS)
}

/// The blackline and its internal copy, checked before any work: never over a side, nor over an
/// existing file without --force.
fn outputs(args: &CompareArgs, out: &Path) -> color_eyre::Result<Vec<PathBuf>> {
    redline::OutputFormat::of(out)?;
    let mut paths = vec![out.to_owned()];
    if args.internal {
        paths.push(super::redline::internal_path(out));
    }
    let inputs = input_files(args);
    let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    for path in &paths {
        redline::check_target(path, &inputs, args.force)?;
    }
    Ok(paths)
}

/// The sides that are files (a blackline is never written over one).
fn input_files(args: &CompareArgs) -> Vec<PathBuf> {
    [&args.old, &args.new].into_iter().map(PathBuf::from).filter(|p| p.exists()).collect()
}

/// Writes NEW as tracked changes against OLD (and the internal copy when asked).
fn write_blackline(
    args: &CompareArgs,
    out: &Path,
    outputs: &[PathBuf],
    sides: [(&Resolved, &Analysis); 2],
) -> color_eyre::Result<ExitCode> {
    let [(old, old_analysis), (new, new_analysis)] = sides;
    let author = blackline_author(args, new, new_analysis);
    let options = RedlineOptions { only: crate::library::Severity::Info, author, date: super::redline::date()? };
    let (plan, notes) = compare::blackline::blackline(&blackline_round(old, old_analysis)?, &blackline_round(new, new_analysis)?, options)?;
    for note in &notes {
        eprintln!("note: {}", one_line(note));
    }
    let inputs = input_files(args);
    let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    let bytes = redline::render(&plan, out, false)?;
    redline::write_atomic(out, &bytes, &inputs, args.force)?;
    let count = |f: &dyn Fn(&redline::Change) -> bool| plan.changes.iter().filter(|c| f(c)).count();
    let added = count(&|c| c.new_clause.is_some());
    let dropped = count(&|c| c.removes_paragraph);
    let (earlier, later) = (round_label(old), round_label(new));
    outln!(
        "wrote {}: {} against {}, {} change(s): {} in the words of a paragraph, {} paragraph(s) added, {} dropped; changes by {}",
        one_line(&out.display().to_string()),
        one_line(&later),
        one_line(&earlier),
        plan.changes.len(),
        plan.changes.len() - added - dropped,
        added,
        dropped,
        one_line(&plan.options.author)
    );
    if let Some(path) = outputs.get(1) {
        let bytes = redline::render_internal(&plan, path)?;
        redline::write_atomic(path, &bytes, &inputs, args.force)?;
        outln!("wrote {} (internal copy: not for the other side)", one_line(&path.display().to_string()));
    }
    Ok(ExitCode::SUCCESS)
}

/// A side as the blackline reads it: a .docx file with its bytes (its formatting is kept).
fn blackline_round<'a>(r: &'a Resolved, analysis: &'a Analysis) -> color_eyre::Result<Round<'a>> {
    let docx = match (&r.session, r.doc.format) {
        (None, ingest::Format::Docx) => Some(std::fs::read(&r.doc.path).wrap_err_with(|| r.doc.path.display().to_string())?),
        _ => None,
    };
    Ok(Round { label: round_label(r), doc: &r.doc, analysis, docx })
}

/// A round as the blackline names it: a file by its name, as counsel know it (not the folders
/// it sits in here); a session's round as `NAME:ROUND (file)`.
fn round_label(r: &Resolved) -> String {
    match &r.session {
        None => Path::new(&r.label).file_name().map_or_else(|| r.label.clone(), |n| n.to_string_lossy().into_owned()),
        Some(_) => r.label.clone(),
    }
}

/// Who the changes are attributed to: `--author`, else the other side as the later round's
/// session or draft names it (counsel sent that round), else the later round itself.
fn blackline_author(args: &CompareArgs, new: &Resolved, analysis: &Analysis) -> String {
    let named = |name: Option<&str>| name.map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned);
    named(args.author.as_deref())
        .or_else(|| named(new.session.as_ref().and_then(|(s, _)| s.client.as_deref())))
        .or_else(|| named(analysis.parties.counterparty.as_deref()))
        .unwrap_or_else(|| new.label.clone())
}

/// Resolves both sides and reviews each for its deal: a session's side for the session's, a
/// draft file's for the session it is compared with (or none), with `--agency-party` and
/// `--engagement` standing over both.
pub fn load_sides(args: &CompareArgs, common: &Common, library: &ClauseLibrary) -> color_eyre::Result<Sides> {
    let store = SessionStore::resolve(common.sessions_dir.as_deref())?;
    let (old, new) = (resolve(&args.old, &store)?, resolve(&args.new, &store)?);
    let given = Deal { agency_party: common.agency_party.clone(), engagement: args.engagement };
    let deal = |side: &Resolved, other: &Resolved| match side.session.as_ref().or(other.session.as_ref()) {
        Some((s, _)) => given.clone().or_session(s),
        None => given.clone(),
    };
    let (old_deal, new_deal) = (deal(&old, &new), deal(&new, &old));
    let different_deals = matches!((&old.session, &new.session), (Some((a, _)), Some((b, _))) if a.name != b.name);
    let mode = match args.by {
        Some(By::Library) => Mode::Deals,
        None if different_deals => Mode::Deals,
        Some(By::Clause) | None => Mode::Rounds,
    };
    // Two rounds are aligned while the later one's rules run.
    let align = |old_analysis: &Analysis, clauses: &[Clause]| {
        (mode == Mode::Rounds)
            .then(|| compare::align_rounds((&old.doc, &compare::spans(old_analysis)), (&new.doc, &compare::clause_spans(clauses))))
    };
    let registry = super::registry::for_analysis(common)?;
    let review = Review::new(library, registry.as_ref().map(|(_, r)| r));
    let (old_analysis, new_analysis, aligned) = review.analyze_pair_beside((&old.doc, &old_deal), (&new.doc, &new_deal), align);
    Ok(Sides { old, new, old_analysis, new_analysis, mode, aligned })
}
