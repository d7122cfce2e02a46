//! The agency's registry of pre-existing intellectual property: every tool, library, framework,
//! model architecture, method and template the agency owned before a client engagement, with
//! the date and evidence that prove it. It becomes Exhibit A of every contract, and the analysis
//! and the yearly audit look for its items in clients' drafts.

mod date;
mod exhibit;
pub mod exhibit_docx;
mod file;
mod findings;
mod import;
mod mentions;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use date::{Date, parse_date, today};
pub use exhibit::{Exhibit, ExhibitFormat, exhibit_clause, md_escape};
pub use file::{RegistryError, RegistryFile, write_atomic};
pub use findings::{RULE as NAMED_ITEM_RULE, merge_findings, registry_findings, registry_findings_with};
pub use import::{CsvProblem, import_csv};
pub use mentions::{Mention, Standing, mentions};

pub const SCHEMA: &str = "clauseguard.registry/1";
/// Longest id accepted; ids appear in file names and command lines.
pub const MAX_ID_CHARS: usize = 64;
/// Longest item name accepted.
pub const MAX_NAME_CHARS: usize = 120;

/// What kind of asset an item is; the ids follow the article's list of agency IP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Tool,
    Library,
    Framework,
    ModelArchitecture,
    TrainingMethod,
    EvaluationMethod,
    Pipeline,
    Template,
    Methodology,
    Other,
}

impl Kind {
    pub const ALL: [Kind; 10] = [
        Kind::Tool,
        Kind::Library,
        Kind::Framework,
        Kind::ModelArchitecture,
        Kind::TrainingMethod,
        Kind::EvaluationMethod,
        Kind::Pipeline,
        Kind::Template,
        Kind::Methodology,
        Kind::Other,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Kind::Tool => "tool",
            Kind::Library => "library",
            Kind::Framework => "framework",
            Kind::ModelArchitecture => "model-architecture",
            Kind::TrainingMethod => "training-method",
            Kind::EvaluationMethod => "evaluation-method",
            Kind::Pipeline => "pipeline",
            Kind::Template => "template",
            Kind::Methodology => "methodology",
            Kind::Other => "other",
        }
    }

    /// How the kind reads in an exhibit ("Model architecture").
    pub fn label(self) -> &'static str {
        match self {
            Kind::Tool => "Tool",
            Kind::Library => "Library",
            Kind::Framework => "Framework",
            Kind::ModelArchitecture => "Model architecture",
            Kind::TrainingMethod => "Training method",
            Kind::EvaluationMethod => "Evaluation method",
            Kind::Pipeline => "Pipeline",
            Kind::Template => "Template",
            Kind::Methodology => "Methodology",
            Kind::Other => "Other",
        }
    }

    /// Reads a kind as people type it in a spreadsheet: `Model architecture`, `model_architecture`
    /// and `model-architecture` are the same kind.
    pub fn parse(text: &str) -> Result<Kind, String> {
        let wanted: String =
            text.trim().to_lowercase().chars().map(|c| if c == ' ' || c == '_' { '-' } else { c }).collect::<String>().replace("--", "-");
        let singular =
            wanted.strip_suffix("ies").map_or_else(|| wanted.strip_suffix('s').unwrap_or(&wanted).to_owned(), |s| format!("{s}y"));
        Kind::ALL.into_iter().find(|k| k.id() == wanted || k.id() == singular).ok_or_else(|| {
            format!("unknown kind {:?}; use one of: {}", text.trim(), Kind::ALL.iter().map(|k| k.id()).collect::<Vec<_>>().join(", "))
        })
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// What proves the item existed before the engagement: a repository and the commit or tag of
/// the version in use, and/or a document (a design note, an invoice, a dated publication).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repository: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
}

impl Evidence {
    pub fn is_empty(&self) -> bool {
        self.repository.is_none() && self.commit.is_none() && self.document.is_none()
    }

    /// Reads the one-cell form used on the command line and in CSV files: parts separated by
    /// `;`, a URL (optionally `URL@commit-or-tag`) is the repository, anything else a document.
    pub fn parse(text: &str) -> Evidence {
        let mut evidence = Evidence::default();
        for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            let is_repository = part.contains("://") || part.starts_with("git@");
            if is_repository && evidence.repository.is_none() {
                // A trailing `@ref` names the commit or tag, unless the `@` belongs to the URL.
                match part.rsplit_once('@').filter(|(url, r)| !r.is_empty() && !r.contains(['/', ':']) && url.contains(['/', ':'])) {
                    Some((url, reference)) => {
                        evidence.repository = Some(url.to_owned());
                        evidence.commit = Some(reference.to_owned());
                    }
                    None => evidence.repository = Some(part.to_owned()),
                }
            } else {
                let doc = evidence.document.take();
                evidence.document = Some(doc.map_or_else(|| part.to_owned(), |d| format!("{d}; {part}")));
            }
        }
        evidence
    }
}

impl fmt::Display for Evidence {
    /// The one-line form `parse` reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(repo) = &self.repository {
            parts.push(match &self.commit {
                Some(c) => format!("{repo}@{c}"),
                None => repo.clone(),
            });
        } else if let Some(c) = &self.commit {
            parts.push(format!("commit {c}"));
        }
        if let Some(d) = &self.document {
            parts.push(d.clone());
        }
        f.write_str(&parts.join("; "))
    }
}

/// One asset the agency owns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// A slug (`eval-harness`): lower-case letters, digits and single hyphens.
    pub id: String,
    /// The name the asset goes by, as a contract would write it; drafts are searched for it.
    pub name: String,
    pub kind: Kind,
    pub description: String,
    /// When the asset first existed: the date that puts it before any engagement.
    pub created: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(default, skip_serializing_if = "Evidence::is_empty")]
    pub evidence: Evidence,
}

/// The whole registry, items in the order they were added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registry {
    pub schema: String,
    pub items: Vec<Item>,
}

impl Default for Registry {
    fn default() -> Self {
        Registry { schema: SCHEMA.to_owned(), items: Vec::new() }
    }
}

impl Registry {
    pub fn get(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Item> {
        self.items.iter_mut().find(|i| i.id == id)
    }

    /// The item with this name, compared as `name_key` compares names.
    pub fn by_name(&self, name: &str) -> Option<&Item> {
        let key = name_key(name);
        self.items.iter().find(|i| name_key(&i.name) == key)
    }

    /// Every problem with the registry, each naming the item: invalid fields, dates that are not
    /// real or lie in the future (after `today`), and duplicates by id or by name.
    pub fn problems(&self, today: Date) -> Vec<String> {
        let mut problems = Vec::new();
        for (i, item) in self.items.iter().enumerate() {
            let label = if item.id.is_empty() { format!("item {}", i + 1) } else { format!("item {:?}", item.id) };
            problems.extend(item.problems(today).into_iter().map(|p| format!("{label}: {p}")));
            if let Some(first) = self.items[..i].iter().find(|o| o.id == item.id && !item.id.is_empty()) {
                problems.push(format!("{label}: duplicate id (also used by {:?})", first.name));
            }
            if let Some(first) = self.items[..i].iter().find(|o| name_key(&o.name) == name_key(&item.name) && !item.name.trim().is_empty())
            {
                problems.push(format!("{label}: duplicate name {:?} (already used by item {:?})", item.name.trim(), first.id));
            }
        }
        problems
    }

    /// Items in exhibit order: oldest first, then by name.
    pub fn chronological(&self) -> Vec<&Item> {
        let mut items: Vec<&Item> = self.items.iter().collect();
        items.sort_by(|a, b| a.created.cmp(&b.created).then_with(|| name_key(&a.name).cmp(&name_key(&b.name))));
        items
    }
}

impl Item {
    /// A single ordinary word ("Pipeline", "toolkit"): drafts that use the word will read as
    /// naming the item. `EvalKit` or `Acme Pipeline` are distinctive.
    pub fn has_ordinary_name(&self) -> bool {
        let name = self.name.trim();
        let mut chars = name.chars();
        chars.next().is_some_and(char::is_alphabetic) && chars.all(char::is_lowercase) && !name.contains(char::is_whitespace)
    }

    /// What is wrong with this item on its own (duplicates are the registry's business).
    pub fn problems(&self, today: Date) -> Vec<String> {
        let mut problems = Vec::new();
        if let Err(e) = validate_id(&self.id) {
            problems.push(e);
        }
        let name = self.name.trim();
        if name.is_empty() {
            problems.push("name is required".to_owned());
        } else if name.chars().count() > MAX_NAME_CHARS {
            problems.push(format!("name is longer than {MAX_NAME_CHARS} characters"));
        } else if !name.chars().any(char::is_alphanumeric) {
            problems.push(format!("name {name:?} has no letters or digits, so no draft could name it"));
        }
        if self.description.trim().is_empty() {
            problems.push("description is required".to_owned());
        }
        for (field, value) in [("name", &self.name), ("description", &self.description)] {
            if value.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
                problems.push(format!("{field} contains control characters"));
            }
        }
        if self.created > today.next_day().unwrap_or(today) {
            problems.push(format!("created date {} is in the future (today is {today})", self.created));
        }
        if self.version.as_deref().is_some_and(|v| v.trim().is_empty()) {
            problems.push("version is empty; leave it out instead".to_owned());
        }
        problems
    }
}

/// Checks an item id: a slug of at most 64 characters.
pub fn validate_id(id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Err("id is required".to_owned());
    }
    if id.len() > MAX_ID_CHARS {
        return Err(format!("id {id:?} is longer than {MAX_ID_CHARS} characters"));
    }
    let ok = id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--");
    if ok {
        Ok(())
    } else {
        Err(format!("id {id:?} is not a slug; use lower-case letters, digits and single hyphens (e.g. \"eval-harness\")"))
    }
}

/// The id made from a name: "Acme Eval Harness v2" becomes `acme-eval-harness-v2`.
pub fn slugify(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut slug = slug.trim_end_matches('-').to_owned();
    if slug.len() > MAX_ID_CHARS {
        slug.truncate(MAX_ID_CHARS);
        slug = slug.trim_end_matches('-').to_owned();
    }
    slug
}

/// Names compare without case and with white space collapsed: "Eval  Harness" is "eval harness".
pub fn name_key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: &str, name: &str, created: &str) -> Item {
        Item {
            id: id.into(),
            name: name.into(),
            kind: Kind::Tool,
            description: "d".into(),
            created: parse_date(created).unwrap(),
            version: None,
            evidence: Evidence::default(),
        }
    }

    #[test]
    fn kinds_parse_the_way_people_type_them() {
        assert_eq!(Kind::parse("Model architecture"), Ok(Kind::ModelArchitecture));
        assert_eq!(Kind::parse("training_method"), Ok(Kind::TrainingMethod));
        assert_eq!(Kind::parse("Libraries"), Ok(Kind::Library));
        assert_eq!(Kind::parse("tools"), Ok(Kind::Tool));
        assert!(Kind::parse("spaceship").unwrap_err().contains("spaceship"));
    }

    #[test]
    fn evidence_round_trips_through_its_one_cell_form() {
        let e = Evidence::parse("https://git.example.com/agency/evalkit@v1.4.0; docs/evalkit-design.pdf");
        assert_eq!(e.repository.as_deref(), Some("https://git.example.com/agency/evalkit"));
        assert_eq!(e.commit.as_deref(), Some("v1.4.0"));
        assert_eq!(e.document.as_deref(), Some("docs/evalkit-design.pdf"));
        assert_eq!(Evidence::parse(&e.to_string()), e);
        let ssh = Evidence::parse("git@github.com:agency/tool.git");
        assert_eq!(ssh.repository.as_deref(), Some("git@github.com:agency/tool.git"));
        assert_eq!(ssh.commit, None);
    }

    #[test]
    fn ordinary_names() {
        for (name, ordinary) in [("Pipeline", true), ("toolkit", true), ("EvalKit", false), ("Acme Pipeline", false), ("T5X", false)] {
            assert_eq!(item("x", name, "2020-01-01").has_ordinary_name(), ordinary, "{name}");
        }
    }

    #[test]
    fn slugs() {
        assert_eq!(slugify("Acme Eval Harness v2"), "acme-eval-harness-v2");
        assert_eq!(slugify("  C++ / Rust  toolkit!"), "c-rust-toolkit");
        assert!(validate_id("eval-harness").is_ok());
        for bad in ["", "Eval", "-a", "a-", "a--b", "a_b"] {
            assert!(validate_id(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn problems_name_duplicates_and_future_dates() {
        let today = parse_date("2025-06-01").unwrap();
        let mut r = Registry::default();
        r.items.push(item("a", "EvalKit", "2020-01-01"));
        r.items.push(item("a", "Other", "2020-01-01"));
        r.items.push(item("b", "evalkit", "2020-01-01"));
        r.items.push(item("c", "Later", "2025-06-03"));
        let p = r.problems(today).join("\n");
        assert!(p.contains("item \"a\": duplicate id"), "{p}");
        assert!(p.contains("item \"b\": duplicate name \"evalkit\""), "{p}");
        assert!(p.contains("item \"c\": created date 2025-06-03 is in the future"), "{p}");
        // One day of slack: it is already tomorrow somewhere.
        r.items.truncate(1);
        r.items.push(item("d", "Tomorrow", "2025-06-02"));
        assert!(r.problems(today).is_empty());
    }
}
