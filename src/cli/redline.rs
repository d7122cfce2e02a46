//! `clauseguard redline`: the counter-proposal for a draft (or a session's latest round), as a
//! .docx with tracked changes and comments, Markdown or HTML, for the other side's counsel; plus,
//! for the agency only, an optional summary and an internal copy with the talking points.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use color_eyre::eyre::{WrapErr, eyre};

use super::{Common, Threshold};
use crate::analysis::Analysis;
use crate::engagement::Engagement;
use crate::ingest::{Document, Format};
use crate::library::{ClauseLibrary, Severity};
use crate::redline::{self, Draft, FeeTerms, Negotiation, RedlineOptions, Stance, Steer};
use crate::review::{Deal, Review};
use crate::session::{ClauseAnchor, DecisionState, Session, SessionStore};

#[derive(Debug, clap::Args)]
pub struct RedlineArgs {
    /// The client's draft (.docx, .md, .txt). Without it, the latest round of --session.
    #[arg(required_unless_present = "session")]
    pub draft: Option<PathBuf>,
    /// The negotiation session whose decisions shape the redline: adopted fallbacks go in,
    /// conceded points stay, and the fee offer goes in the summary.
    #[arg(long, value_name = "NAME")]
    pub session: Option<String>,
    /// Where to write the counter-proposal: .docx (tracked changes and comments), .md or .html.
    #[arg(long, short, value_name = "FILE")]
    pub out: PathBuf,
    /// Write the document with every change accepted (what the contract would say).
    #[arg(long)]
    pub clean: bool,
    /// Also write the internal brief in Markdown: changes, concerns addressed, talking points,
    /// fee uplift, open points. Not for the other side.
    #[arg(long, value_name = "FILE.md")]
    pub summary: Option<PathBuf>,
    /// Also write an internal copy beside --out (counter.docx: counter.internal.docx): the same
    /// redline with concerns, severities, internal reasons and talking points in its comments.
    #[arg(long, conflicts_with = "clean")]
    pub internal: bool,
    /// Only change findings of this severity or worse (default: low and worse).
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub only: Option<Threshold>,
    /// The name on the tracked changes and comments (default: the session's agency, else the
    /// agency's name as the draft defines it, e.g. "Provider").
    #[arg(long, value_name = "NAME")]
    pub author: Option<String>,
    /// Replace --out, --summary and the internal copy if they exist.
    #[arg(long)]
    pub force: bool,
    /// How the agency is engaged (default: the session's): adds the model's own wording and
    /// the protections it requires.
    #[arg(long, value_name = "MODEL", value_parser = super::engagement_parser())]
    pub engagement: Option<Engagement>,
    #[command(flatten)]
    pub analysis: super::AnalysisArgs,
    #[command(flatten)]
    pub sessions: super::SessionsArg,
}

/// What the redline is planned from: the draft, its review for the deal, and the session
/// whose decisions steer it.
pub struct Inputs {
    pub doc: Document,
    /// The .docx file itself, when the draft is one (the tracked changes are written into it).
    pub bytes: Option<Vec<u8>>,
    pub session: Option<Session>,
    pub analysis: Analysis,
}

pub fn run(args: &RedlineArgs, common: &Common) -> color_eyre::Result<ExitCode> {
    let inputs: Vec<&Path> = args.draft.iter().map(PathBuf::as_path).collect();
    // Refuse bad output paths before any work is done.
    redline::OutputFormat::of(&args.out)?;
    if args.summary.as_deref() == Some(args.out.as_path()) {
        return Err(eyre!("{}: --summary and --out name the same file", args.out.display()));
    }
    let internal = args.internal.then(|| internal_path(&args.out));
    if let Some(path) = internal.as_ref().filter(|p| args.summary.as_ref() == Some(*p)) {
        return Err(eyre!("{}: --summary and the internal copy name the same file", path.display()));
    }
    for out in std::iter::once(&args.out).chain(&args.summary).chain(&internal) {
        redline::check_target(out, &inputs, args.force)?;
    }
    let library = common.library()?;
    let Inputs { doc, bytes, session, analysis } = load_inputs(args, common, &library)?;
    let steers = session.as_ref().map(|s| steers(s, &doc, &analysis)).unwrap_or_default();
    let draft = match bytes {
        Some(bytes) => Draft::from_docx(&doc, bytes)?,
        None => Draft::from_text(&doc),
    };
    let options = RedlineOptions {
        only: args.only.map_or(Severity::Low, Threshold::severity),
        author: author(args, session.as_ref(), &analysis, &doc.text),
        date: date()?,
    };
    let plan = redline::plan(draft, &analysis, &library, &steers, options);
    let bytes = redline::render(&plan, &args.out, args.clean)?;
    redline::write_atomic(&args.out, &bytes, &inputs, args.force)?;

    outln!(
        "wrote {}: {}{}; {} finding(s) left open",
        crate::text::one_line(&args.out.display().to_string()),
        redline::tally(&plan),
        if args.clean { ", all accepted" } else { "" },
        plan.open.len()
    );
    if let Some(path) = &args.summary {
        let draft_name = args.draft.as_ref().map_or_else(|| doc.path.display().to_string(), |p| p.display().to_string());
        let out_name = args.out.file_name().map_or_else(|| args.out.display().to_string(), |n| n.to_string_lossy().into_owned());
        let negotiation = session.as_ref().map(|s| negotiation(s, &doc, &analysis)).unwrap_or_default();
        let text = redline::summary(&plan, &draft_name, &out_name, &negotiation);
        redline::write_atomic(path, text.as_bytes(), &inputs, args.force)?;
        outln!("wrote {} (internal brief: not for the other side)", crate::text::one_line(&path.display().to_string()));
    }
    if let Some(path) = &internal {
        let bytes = redline::render_internal(&plan, path)?;
        redline::write_atomic(path, &bytes, &inputs, args.force)?;
        outln!("wrote {} (internal copy: not for the other side)", crate::text::one_line(&path.display().to_string()));
    }
    Ok(ExitCode::SUCCESS)
}

/// The draft (given, else the session's latest round) reviewed for the session's deal, with
/// `--agency-party` and `--engagement` standing over the session's choices.
pub fn load_inputs(args: &RedlineArgs, common: &Common, library: &ClauseLibrary) -> color_eyre::Result<Inputs> {
    let session = match &args.session {
        Some(name) => {
            let store = SessionStore::resolve(common.sessions_dir.as_deref())?;
            Some(store.load(name).wrap_err_with(|| format!("loading session {name}"))?)
        }
        None => None,
    };
    let (doc, bytes) = match (&args.draft, &session) {
        (Some(path), _) => {
            let doc = crate::ingest::load(path)?;
            if let Some(message) = common.agency_party.as_deref().and_then(|name| crate::analysis::unknown_agency_party(&doc, name)) {
                return Err(color_eyre::eyre::eyre!(message));
            }
            let bytes =
                if doc.format == Format::Docx { Some(std::fs::read(path).wrap_err_with(|| path.display().to_string())?) } else { None };
            (doc, bytes)
        }
        (None, Some(s)) => (session_document(s.latest_round()), None),
        (None, None) => return Err(eyre!("give a draft or --session NAME")),
    };
    for note in &doc.notes {
        eprintln!("note: {}", crate::text::one_line(note));
    }
    // The agency's party chosen in the workspace, and the engagement, stand for the session's
    // drafts unless given.
    let given = Deal { agency_party: common.agency_party.clone(), engagement: args.engagement };
    let deal = match &session {
        Some(s) => given.or_session(s),
        None => given,
    };
    let registry = super::registry::for_analysis(common)?;
    let analysis = Review::new(library, registry.as_ref().map(|(_, r)| r)).analyze(&doc, &deal);
    Ok(Inputs { doc, bytes, session, analysis })
}

/// Who signs the changes and comments: `--author`, else the session's agency, else the agency's
/// name as the draft defines it ("Provider"), or the name it gives "we". Never the tool's own
/// name, nor a pronoun: counsel reads it.
fn author(args: &RedlineArgs, session: Option<&Session>, analysis: &Analysis, text: &str) -> String {
    let named = |name: &Option<String>| name.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned);
    let drafts = named(&analysis.parties.agency).and_then(|n| match n.to_lowercase().as_str() {
        "we" | "us" | "you" => redline::proper_name(text, &n),
        _ => Some(n),
    });
    named(&args.author).or_else(|| session.and_then(|s| named(&s.agency))).or(drafts).unwrap_or_else(|| {
        eprintln!("note: the draft does not name the agency; the changes are signed \"Agency\" (give --author NAME)");
        "Agency".to_owned()
    })
}

/// The internal copy's path: `counter.docx` gives `counter.internal.docx`, beside it.
pub(super) fn internal_path(out: &Path) -> PathBuf {
    let stem = out.file_stem().map_or_else(|| "redline".into(), |s| s.to_string_lossy().into_owned());
    let ext = out.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default();
    out.with_file_name(format!("{stem}.internal.{ext}"))
}

/// A session round as a draft: its text, Markdown when the round came from a .md file. A .docx
/// round's text is what the reader extracted, so it is redlined as plain text.
fn session_document(round: &crate::session::Round) -> Document {
    let doc = round.document();
    if doc.format == Format::Docx { crate::ingest::from_text(&round.file_name, Format::Txt, &round.text) } else { doc }
}

/// The session's decisions, each located in this draft's clauses.
fn steers(session: &Session, doc: &Document, analysis: &Analysis) -> Vec<Steer> {
    let clauses: Vec<_> = analysis.clauses.iter().map(crate::analysis::AnalysedClause::clause).collect();
    let mut decisions: Vec<_> = session.decisions.iter().collect();
    // Later rounds (and later decisions within one) stand over earlier ones.
    decisions.sort_by_key(|d| d.round);
    decisions
        .into_iter()
        .filter_map(|d| {
            let stance = match d.state {
                DecisionState::Countered => {
                    Stance::Counter { fallback: d.fallback, language: d.counter_language.clone().unwrap_or_default() }
                }
                DecisionState::Accepted => Stance::Concede,
                _ => return None,
            };
            Some(Steer { clause: d.clause.locate(&doc.analysed, &clauses), finding: d.finding.clone(), stance })
        })
        .collect()
}

/// What the summary reports from the session: the fee and offer, and the decisions still open.
fn negotiation(session: &Session, doc: &Document, analysis: &Analysis) -> Negotiation {
    let clauses: Vec<_> = analysis.clauses.iter().map(crate::analysis::AnalysedClause::clause).collect();
    let label = |a: &ClauseAnchor| a.locate(&doc.analysed, &clauses).map_or_else(|| a.label(), |i| analysis.label_as_read(i));
    let pending = session
        .decisions
        .iter()
        .filter(|d| matches!(d.state, DecisionState::Parked | DecisionState::Open))
        .map(|d| {
            let what = d.finding.as_deref().and_then(|k| k.split('|').next()).unwrap_or("the whole clause").to_owned();
            (label(&d.clause), what, d.state.label().to_owned())
        })
        .collect();
    let fee = session.fee.as_ref().map(|f| FeeTerms { amount: f.amount, currency: f.currency.clone(), offers: session.offers.clone() });
    Negotiation { session: Some(session.name.clone()), fee, pending }
}

/// When the changes are dated: now, or `SOURCE_DATE_EPOCH` when set (reproducible output).
pub(super) fn date() -> color_eyre::Result<String> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(epoch) if !epoch.trim().is_empty() => {
            let secs: i64 = epoch.trim().parse().wrap_err_with(|| format!("SOURCE_DATE_EPOCH {epoch:?} is not a number of seconds"))?;
            let t =
                time::OffsetDateTime::from_unix_timestamp(secs).wrap_err_with(|| format!("SOURCE_DATE_EPOCH {secs} is out of range"))?;
            Ok(t.format(&time::format_description::well_known::Rfc3339)?)
        }
        _ => Ok(crate::session::now()),
    }
}
