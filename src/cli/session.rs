//! `clauseguard session`: start, list, show and add to negotiation sessions from the shell,
//! e.g. to record the client's next draft before a call.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};
use color_eyre::eyre::{WrapErr, eyre};

use crate::analysis::FindingKey;
use crate::session::{ClauseAnchor, Engagement, Fee, Round, Session, SessionStore, clause_by_number, validate_name};
use crate::text::{one_line, sanitize};

fn money(amount: f64, currency: &str) -> String {
    crate::fee::money(amount, &one_line(currency))
}

#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// Every stored session: name, client, rounds, last saved.
    List,
    /// One session whole: deal terms, rounds, decisions and notes.
    Show {
        /// The session's name (see `session list`).
        name: String,
        /// How to print it.
        #[arg(long, value_enum, default_value = "text")]
        format: ShowFormat,
    },
    /// Start a session from the client's first draft.
    New {
        /// A name for the session: letters, digits, '-', '_' and '.'.
        name: String,
        /// The client's draft (.docx, .md, .txt): round 1.
        #[arg(long, value_name = "FILE")]
        draft: PathBuf,
        /// The client's name, as shown in `session list` and reports.
        #[arg(long, value_name = "NAME")]
        client: Option<String>,
        /// The project fee the IP-transfer uplift is computed from, as typed in the workspace:
        /// 120000, $180k, 1.2m, "95.000 EUR".
        #[arg(long, value_name = "AMOUNT")]
        fee: Option<String>,
        /// ISO 4217 code of the fee when --fee names none (default: USD).
        #[arg(long, value_parser = parse_currency)]
        currency: Option<String>,
        /// How the agency is engaged: shapes the wording and protections the analysis expects.
        #[arg(long, value_enum, default_value = "project")]
        engagement: EngagementArg,
        /// The agency's name, used as the redline author.
        #[arg(long, value_name = "NAME")]
        agency: Option<String>,
    },
    /// Record the client's next draft as a new round.
    AddRound {
        /// The session's name.
        name: String,
        /// The client's new draft (.docx, .md, .txt).
        file: PathBuf,
    },
    /// Add a note to the latest round, on the whole session or on one clause.
    Note {
        /// The session's name.
        name: String,
        /// The note.
        text: String,
        /// The clause's number in the latest round ("4.1", "§7", "4.1(a)").
        #[arg(long, value_name = "NUMBER")]
        clause: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    /// For reading: labels, concerns and decisions in words.
    Text,
    /// The session file itself.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EngagementArg {
    Project,
    TimeAndMaterials,
    StaffAugmentation,
    Productized,
}

impl From<EngagementArg> for Engagement {
    fn from(e: EngagementArg) -> Self {
        match e {
            EngagementArg::Project => Engagement::Project,
            EngagementArg::TimeAndMaterials => Engagement::TimeAndMaterials,
            EngagementArg::StaffAugmentation => Engagement::StaffAugmentation,
            EngagementArg::Productized => Engagement::Productized,
        }
    }
}

/// The fee of `--fee` and `--currency`, read as the workspace reads a typed fee. A currency in
/// the amount ("$180k") must agree with `--currency` when both are given.
fn read_fee(text: &str, currency: Option<&str>) -> color_eyre::Result<Fee> {
    let read = crate::workspace::fee::parse_fee(text, currency.unwrap_or("USD")).wrap_err_with(|| format!("--fee {}", one_line(text)))?;
    if let Some(given) = currency.filter(|c| *c != read.fee.currency) {
        return Err(eyre!("--fee {} is in {} but --currency says {given}; give the currency once", one_line(text), read.fee.currency));
    }
    if let Some(note) = &read.note {
        eprintln!("note: --fee {} read as {}: {note}", one_line(text), money(read.fee.amount, &read.fee.currency));
    }
    Ok(read.fee)
}

fn parse_currency(s: &str) -> Result<String, String> {
    if s.len() == 3 && s.chars().all(|c| c.is_ascii_alphabetic()) {
        Ok(s.to_ascii_uppercase())
    } else {
        Err(format!("{s:?} is not an ISO 4217 currency code (e.g. USD, EUR, GBP)"))
    }
}

pub fn run(command: SessionCommand, store: &SessionStore) -> color_eyre::Result<ExitCode> {
    match command {
        SessionCommand::List => out!("{}", list(store)?),
        SessionCommand::Show { name, format } => {
            let session = store.load(&name)?;
            match format {
                ShowFormat::Text => out!("{}", show(&session)),
                ShowFormat::Json => outln!("{}", terminal_safe_json(&serde_json::to_string_pretty(&session)?)),
            }
        }
        SessionCommand::New { name, draft, client, fee, currency, engagement, agency } => {
            validate_name(&name)?;
            let fee = fee.map(|text| read_fee(&text, currency.as_deref())).transpose()?;
            if store.exists(&name) {
                return Err(eyre!("a session named {name:?} already exists in {}; pick another name", store.dir().display()));
            }
            let doc = load_draft(&draft)?;
            let mut round = Round::new(1, &file_name(&draft), &doc.text);
            round.notes.clone_from(&doc.notes);
            let mut session = Session::new(&name, round);
            session.client = client.map(|c| one_line(&c));
            session.agency = agency.map(|a| one_line(&a));
            session.fee = fee;
            session.engagement = engagement.into();
            let open = store.create(session)?;
            let clauses = crate::segment::segment(&doc.analysed, &doc.text).len();
            outln!("created session {name}: round 1 from {} ({clauses} clauses), saved to {}", safe_name(&draft), open.path().display());
        }
        SessionCommand::AddRound { name, file } => {
            let mut open = writable(store, &name)?;
            let doc = load_draft(&file)?;
            let session = open.session_mut();
            let previous = session.latest_round().clone();
            let number = session.add_draft(&file_name(&file), &doc);
            open.save()?;
            outln!("{name}: round {number} from {}", safe_name(&file));
            if open.session().latest_round().sha256 == previous.sha256 {
                eprintln!("note: the text is the same as round {}'s", previous.number);
            }
        }
        SessionCommand::Note { name, text, clause } => {
            let mut open = writable(store, &name)?;
            let round = open.session().latest_round();
            let anchor = match clause {
                Some(number) => {
                    let doc = round.document();
                    let clauses = crate::segment::segment(&doc.analysed, &doc.text);
                    let i = clause_by_number(&doc.analysed, &clauses, &number)
                        .wrap_err_with(|| format!("--clause {number}: round {} ({})", round.number, one_line(&round.file_name)))?;
                    Some(ClauseAnchor::at(&doc.analysed, &clauses, i))
                }
                None => None,
            };
            let on = anchor.as_ref().map(|a| format!(" on {}", a.label())).unwrap_or_default();
            let number = round.number;
            open.session_mut().add_note(&text, anchor);
            open.save()?;
            outln!("{name}: note added to round {number}{on}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Opens a session to change it, failing up front when another clauseguard has it open.
fn writable(store: &SessionStore, name: &str) -> color_eyre::Result<crate::session::OpenSession> {
    let open = store.open(name)?;
    if open.read_only() {
        return Err(eyre!("{}: open in another clauseguard; read-only (close it there, or add this there)", open.path().display()));
    }
    Ok(open)
}

fn load_draft(path: &Path) -> color_eyre::Result<crate::ingest::Document> {
    let doc = crate::ingest::load(path)?;
    for note in &doc.notes {
        eprintln!("note: {}", one_line(note));
    }
    Ok(doc)
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

fn safe_name(path: &Path) -> String {
    one_line(&file_name(path))
}

fn list(store: &SessionStore) -> color_eyre::Result<String> {
    let sessions = store.list()?;
    if sessions.is_empty() {
        return Ok(format!("no sessions in {}\n", one_line(&store.dir().display().to_string())));
    }
    let rows: Vec<[String; 4]> = sessions
        .iter()
        .map(|s| match &s.problem {
            Some(problem) => [s.name.clone(), "-".to_owned(), "-".to_owned(), format!("unreadable: {}", one_line(problem))],
            None => [s.name.clone(), s.client.as_deref().map(one_line).unwrap_or_default(), s.rounds.to_string(), one_line(&s.updated)],
        })
        .collect();
    Ok(table(&["NAME", "CLIENT", "ROUNDS", "UPDATED"], &rows))
}

fn table(header: &[&str; 4], rows: &[[String; 4]]) -> String {
    let width = |i: usize| rows.iter().map(|r| r[i].chars().count()).chain([header[i].len()]).max().unwrap_or(0);
    let widths = [width(0), width(1), width(2)];
    let mut out = String::new();
    let line = |out: &mut String, cells: [&str; 4]| {
        let _ = writeln!(
            out,
            "{:<w0$}  {:<w1$}  {:<w2$}  {}",
            cells[0],
            cells[1],
            cells[2],
            cells[3],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2]
        );
    };
    line(&mut out, *header);
    for r in rows {
        line(&mut out, [&r[0], &r[1], &r[2], &r[3]]);
    }
    out.lines().map(str::trim_end).fold(String::new(), |acc, l| acc + l + "\n")
}

fn show(s: &Session) -> String {
    let mut out = String::new();
    let field = |out: &mut String, label: &str, value: Option<String>| {
        let _ = writeln!(out, "{label:<12}{}", value.map_or_else(|| "-".to_owned(), |v| one_line(&v)));
    };
    field(&mut out, "Session", Some(s.name.clone()));
    field(&mut out, "Client", s.client.clone());
    field(&mut out, "Agency", s.agency.clone());
    let term = s.agency_party.as_ref().map_or_else(|| "detected in each draft".to_owned(), |p| format!("{p} (chosen in the workspace)"));
    field(&mut out, "Agency term", Some(term));
    field(&mut out, "Engagement", Some(s.engagement.label().to_owned()));
    field(
        &mut out,
        "Fee",
        s.fee
            .as_ref()
            .map(|f| format!("{} (uplift {})", money(f.amount, &f.currency), crate::fee::band_line(f.amount, &one_line(&f.currency)))),
    );
    field(&mut out, "Created", Some(s.created.clone()));
    field(&mut out, "Saved", Some(format!("{} (revision {})", s.updated, s.revision)));
    let _ = writeln!(out, "\nRounds");
    for r in &s.rounds {
        let short = r.sha256.get(..12).unwrap_or(&r.sha256);
        let _ =
            writeln!(out, "  {:>3}  {}  sha256 {}  received {}", r.number, one_line(&r.file_name), one_line(short), one_line(&r.received));
    }
    let _ = writeln!(out, "\nFee offers{}", if s.offers.is_empty() { ": none" } else { "" });
    for o in &s.offers {
        let answered = o.answered.as_deref().map(|at| format!(", answered {}", one_line(at))).unwrap_or_default();
        let _ = writeln!(out, "  round {}  +{}  made {}{answered}", o.round, one_line(&o.describe()), one_line(&o.at));
    }
    let _ = writeln!(out, "\nDecisions{}", if s.decisions.is_empty() { ": none" } else { "" });
    for d in &s.decisions {
        let fallback = d.fallback.map(|f| format!(" ({})", f.label().replace('-', " "))).unwrap_or_default();
        let _ = writeln!(out, "  round {}  {}  {}{fallback}  {}", d.round, d.clause.label(), d.state.label(), one_line(&d.at));
        let finding = d.finding.as_deref().map_or_else(|| "the whole clause".to_owned(), |k| one_line(&FindingKey::parse(k).describe()));
        let _ = writeln!(out, "         {finding}");
        if let Some(text) = &d.counter_language {
            let from = d.library_clause.as_deref().map(|c| format!(" (from {})", one_line(c))).unwrap_or_default();
            let _ = writeln!(out, "         counter-language{from}: {}", one_line(text));
        }
    }
    if !s.revisions.is_empty() {
        let _ = writeln!(out, "\nWording proposed on calls");
        for r in &s.revisions {
            let _ = writeln!(out, "  round {}  {}  {}: {}", r.round, r.clause.label(), one_line(&r.at), one_line(&r.text));
        }
    }
    let _ = writeln!(out, "\nNotes{}", if s.notes.is_empty() { ": none" } else { "" });
    for n in &s.notes {
        let on = n.clause.as_ref().map_or_else(|| "session".to_owned(), ClauseAnchor::label);
        let text = sanitize(&n.text, true).replace('\n', "\n      ");
        let _ = writeln!(out, "  round {}  {on}  {}\n      {text}", n.round, one_line(&n.at));
    }
    out
}

/// JSON with every control and bidirectional-override character escaped as `\uXXXX`: the same
/// value, but nothing in it can drive the terminal. Raw ones can only occur inside strings
/// (JSON white space is plain), so escaping them keeps the JSON valid.
fn terminal_safe_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        let unsafe_char = (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if unsafe_char {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}
