//! `clauseguard registry`: keep the agency's pre-existing IP registry (list, show, add, edit,
//! remove, import from CSV) and write it out as Exhibit A.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use color_eyre::eyre::{WrapErr, eyre};

use super::Common;
use crate::registry::{
    self, Date, Evidence, Exhibit, ExhibitFormat, Item, Kind, Registry, RegistryError, RegistryFile, parse_date, slugify, today,
};
use crate::text::one_line;

#[derive(Debug, Subcommand)]
pub enum RegistryCommand {
    /// Every item: id, kind, created date, version and name.
    List {
        /// How to print the items: a table, or the registry file's JSON.
        #[arg(long, value_enum, default_value = "text")]
        format: ListFormat,
    },
    /// One item whole.
    Show {
        /// The item's id (see `registry list`).
        id: String,
    },
    /// Add an item (its id is made from the name unless given).
    Add(AddArgs),
    /// Change fields of an item; an empty value clears an optional field.
    Edit(EditArgs),
    /// Remove an item.
    Remove {
        /// The item's id (see `registry list`).
        id: String,
    },
    /// Add every item of a CSV file (header: name,kind,description,created,version,evidence);
    /// nothing is added if any row is bad.
    Import {
        /// The CSV file.
        file: PathBuf,
    },
    /// Write "Exhibit A: Agency Pre-Existing Intellectual Property" to attach to a contract.
    Exhibit {
        /// The file to write: .md, .html or .docx.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
        /// The date the exhibit carries (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<Date>,
        /// The clause library whose standard text introduces the exhibit (default: the embedded library).
        #[arg(long, value_name = "DIR", env = "CLAUSEGUARD_LIBRARY")]
        library: Option<PathBuf>,
    },
    /// Print where the registry is kept.
    Path,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The item's name, as Exhibit A lists it.
    #[arg(long)]
    pub name: String,
    #[arg(long, value_parser = Kind::parse, help = kinds_help())]
    pub kind: Kind,
    /// What the item is and does, in a sentence counsel can read.
    #[arg(long)]
    pub description: String,
    /// When the item first existed (YYYY-MM-DD, not in the future).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub created: Date,
    /// The version in use (e.g. 2.3 or a release tag).
    #[arg(long)]
    pub version: Option<String>,
    /// The item's slug (default: made from the name).
    #[arg(long)]
    pub id: Option<String>,
    #[command(flatten)]
    pub evidence: EvidenceArgs,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// The item's id (see `registry list`).
    pub id: String,
    /// A new name.
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long, value_parser = Kind::parse, help = kinds_help())]
    pub kind: Option<Kind>,
    /// A new description.
    #[arg(long)]
    pub description: Option<String>,
    /// When the item first existed (YYYY-MM-DD, not in the future).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub created: Option<Date>,
    /// The version in use; empty to clear it.
    #[arg(long)]
    pub version: Option<String>,
    /// Give the item a new id.
    #[arg(long, value_name = "ID")]
    pub new_id: Option<String>,
    #[command(flatten)]
    pub evidence: EvidenceArgs,
}

#[derive(Debug, Args)]
pub struct EvidenceArgs {
    /// Evidence in one go: `URL[@commit]; document` (replaces the evidence fields).
    #[arg(long, value_name = "TEXT", conflicts_with_all = ["repository", "commit", "document"])]
    pub evidence: Option<String>,
    /// The repository the item lives in.
    #[arg(long, value_name = "URL")]
    pub repository: Option<String>,
    /// The commit or tag of the version in use.
    #[arg(long, value_name = "REF")]
    pub commit: Option<String>,
    /// A document proving the date (design note, invoice, publication).
    #[arg(long, value_name = "DOC")]
    pub document: Option<String>,
}

fn kinds_help() -> String {
    format!("One of: {}", Kind::ALL.map(Kind::id).join(", "))
}

/// `Some("")` clears a field, `Some(x)` sets it, `None` leaves it.
fn set_optional(field: &mut Option<String>, value: Option<&String>) {
    if let Some(v) = value {
        *field = Some(v.trim().to_owned()).filter(|v| !v.is_empty());
    }
}

impl EvidenceArgs {
    fn apply(&self, evidence: &mut Evidence) {
        if let Some(text) = &self.evidence {
            *evidence = Evidence::parse(text);
        }
        set_optional(&mut evidence.repository, self.repository.as_ref());
        set_optional(&mut evidence.commit, self.commit.as_ref());
        set_optional(&mut evidence.document, self.document.as_ref());
    }
}

pub fn run(command: RegistryCommand, common: &Common) -> color_eyre::Result<ExitCode> {
    let file = RegistryFile::resolve(common.registry.as_deref())?;
    match command {
        RegistryCommand::Path => outln!("{}", file.path().display()),
        RegistryCommand::List { format } => list(&file, format)?,
        RegistryCommand::Show { id } => {
            let registry = file.load()?;
            let item = registry.get(&id).ok_or_else(|| unknown(&file, &registry, &id))?;
            out!("{}", show(item));
        }
        RegistryCommand::Add(args) => {
            let item = Item {
                id: args.id.clone().unwrap_or_else(|| slugify(&args.name)),
                name: args.name.trim().to_owned(),
                kind: args.kind,
                description: args.description.trim().to_owned(),
                created: args.created,
                version: args.version.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned),
                evidence: {
                    let mut e = Evidence::default();
                    args.evidence.apply(&mut e);
                    e
                },
            };
            let (id, name, ordinary) = (item.id.clone(), item.name.clone(), item.has_ordinary_name());
            file.update(|r| {
                r.items.push(item);
                Ok(())
            })?;
            eprintln!("added {id} ({}) to {}", one_line(&name), file.path().display());
            if ordinary {
                eprintln!("{}", ordinary_name_note(&name));
            }
        }
        RegistryCommand::Edit(args) => {
            file.update(|r| edit(&file, r, &args))?;
            eprintln!("updated {} in {}", args.new_id.as_deref().unwrap_or(&args.id), file.path().display());
        }
        RegistryCommand::Remove { id } => {
            let removed = file.update(|r| {
                let at = r.items.iter().position(|i| i.id == id).ok_or_else(|| unknown(&file, r, &id))?;
                Ok(r.items.remove(at))
            })?;
            eprintln!("removed {} ({}) from {}", removed.id, one_line(&removed.name), file.path().display());
        }
        RegistryCommand::Import { file: csv } => {
            let bytes = std::fs::read(&csv).wrap_err_with(|| format!("reading {}", csv.display()))?;
            let (added, ordinary) = file.update(|r| {
                let items = registry::import_csv(&csv, &bytes, r, today())?;
                let ordinary: Vec<String> = items.iter().filter(|i| i.has_ordinary_name()).map(|i| i.name.clone()).collect();
                let n = items.len();
                r.items.extend(items);
                Ok((n, ordinary))
            })?;
            for name in ordinary {
                eprintln!("{}", ordinary_name_note(&name));
            }
            eprintln!("imported {added} item{} from {} into {}", if added == 1 { "" } else { "s" }, csv.display(), file.path().display());
        }
        RegistryCommand::Exhibit { out, force, date, library } => {
            exhibit(&file, &Common { library, ..common.clone() }, &out, force, date)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn ordinary_name_note(name: &str) -> String {
    format!(
        "note: {:?} is an ordinary word: drafts that use it will read as naming this item. A distinctive name (\"Acme {}\") avoids false alarms.",
        one_line(name),
        one_line(name)
    )
}

fn unknown(file: &RegistryFile, registry: &Registry, id: &str) -> RegistryError {
    RegistryError::UnknownItem {
        path: file.path().to_owned(),
        id: id.to_owned(),
        known: registry.items.iter().map(|i| i.id.clone()).collect(),
    }
}

fn edit(file: &RegistryFile, registry: &mut Registry, args: &EditArgs) -> Result<(), RegistryError> {
    let e = &args.evidence;
    let nothing = args.name.is_none()
        && args.kind.is_none()
        && args.description.is_none()
        && args.created.is_none()
        && args.version.is_none()
        && args.new_id.is_none()
        && e.evidence.is_none()
        && e.repository.is_none()
        && e.commit.is_none()
        && e.document.is_none();
    if nothing {
        return Err(RegistryError::Invalid {
            path: file.path().to_owned(),
            problems: vec![format!("nothing to change for {:?}; pass the fields to change (see `registry edit --help`)", args.id)],
        });
    }
    let known = registry.items.iter().map(|i| i.id.clone()).collect();
    let item = registry.get_mut(&args.id).ok_or_else(|| RegistryError::UnknownItem {
        path: file.path().to_owned(),
        id: args.id.clone(),
        known,
    })?;
    if let Some(name) = &args.name {
        name.trim().clone_into(&mut item.name);
    }
    if let Some(kind) = args.kind {
        item.kind = kind;
    }
    if let Some(description) = &args.description {
        description.trim().clone_into(&mut item.description);
    }
    if let Some(created) = args.created {
        item.created = created;
    }
    set_optional(&mut item.version, args.version.as_ref());
    if let Some(id) = &args.new_id {
        id.clone_into(&mut item.id);
    }
    e.apply(&mut item.evidence);
    Ok(())
}

fn list(file: &RegistryFile, format: ListFormat) -> color_eyre::Result<()> {
    let Some(registry) = file.load_if_present()? else {
        if format == ListFormat::Json {
            outln!("{}", serde_json::to_string_pretty(&Registry::default())?);
        }
        eprintln!("no registry at {} yet; add items with `clauseguard registry add` or `registry import FILE.csv`", file.path().display());
        return Ok(());
    };
    match format {
        ListFormat::Json => outln!("{}", serde_json::to_string_pretty(&registry)?),
        ListFormat::Text => {
            for item in &registry.items {
                outln!(
                    "{:<28} {:<18} {} {:<10} {}",
                    item.id,
                    item.kind.id(),
                    item.created,
                    one_line(item.version.as_deref().unwrap_or("")),
                    one_line(&item.name)
                );
            }
            eprintln!("{} item{} in {}", registry.items.len(), if registry.items.len() == 1 { "" } else { "s" }, file.path().display());
        }
    }
    Ok(())
}

fn show(item: &Item) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}  ({})", one_line(&item.name), item.id);
    let _ = writeln!(out, "kind:        {}", item.kind.label());
    let _ = writeln!(out, "created:     {}", item.created);
    let _ = writeln!(out, "version:     {}", one_line(item.version.as_deref().unwrap_or("-")));
    let _ = writeln!(out, "repository:  {}", one_line(item.evidence.repository.as_deref().unwrap_or("-")));
    let _ = writeln!(out, "commit/tag:  {}", one_line(item.evidence.commit.as_deref().unwrap_or("-")));
    let _ = writeln!(out, "document:    {}", one_line(item.evidence.document.as_deref().unwrap_or("-")));
    let _ = writeln!(out, "\n{}", crate::text::sanitize(item.description.trim(), true));
    out
}

fn exhibit(file: &RegistryFile, common: &Common, out: &std::path::Path, force: bool, date: Option<Date>) -> color_eyre::Result<()> {
    let format = ExhibitFormat::from_path(out).map_err(|e| eyre!(e))?;
    if out.exists() && !force {
        return Err(eyre!("{}: already exists; pass --force to replace it", out.display()));
    }
    let registry = file.load()?;
    if registry.items.is_empty() {
        return Err(eyre!("{}: the registry has no items; an empty exhibit protects nothing", file.path().display()));
    }
    let library = common.library()?;
    let bytes = Exhibit::new(&registry, &library, date.unwrap_or_else(today))
        .render(format)
        .wrap_err_with(|| format!("writing the exhibit to {}", out.display()))?;
    registry::write_atomic(out, &bytes, force).wrap_err_with(|| format!("writing the exhibit to {}", out.display()))?;
    eprintln!("wrote Exhibit A ({} items) to {}", registry.items.len(), out.display());
    Ok(())
}

/// The registry `analyze` and `audit` read: the one asked for with `--registry` (or
/// `CLAUSEGUARD_REGISTRY`), which must load; else the default one if there is one. A broken
/// default registry is reported and skipped, so a draft can still be analysed mid-call.
pub fn for_analysis(common: &Common) -> color_eyre::Result<Option<(RegistryFile, Registry)>> {
    let file = match RegistryFile::resolve(common.registry.as_deref()) {
        Ok(file) => file,
        Err(e) if common.registry.is_none() => {
            eprintln!("note: {e}");
            return Ok(None);
        }
        Err(e) => return Err(e.into()),
    };
    if common.registry.is_some() {
        let registry = file.load()?;
        return Ok(Some((file, registry)));
    }
    match file.load_if_present() {
        Ok(registry) => Ok(registry.map(|r| (file, r))),
        Err(e) => {
            eprintln!("warning: the registry was not used: {}", crate::text::sanitize(&e.to_string(), false));
            Ok(None)
        }
    }
}
