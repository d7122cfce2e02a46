//! Importing registry items from a spreadsheet export (CSV with a header row
//! `name,kind,description,created,version,evidence`). All or nothing: every bad row is reported
//! with its line number, and one bad row means nothing is imported.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use super::{Date, Evidence, Item, Kind, Registry, RegistryError, name_key, parse_date, slugify};

/// One bad row (or the header, line 1) of an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvProblem {
    pub line: u64,
    pub message: String,
}

impl fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "  line {}: {}", self.line, self.message)
    }
}

const REQUIRED: [&str; 4] = ["name", "kind", "description", "created"];
const OPTIONAL: [&str; 3] = ["version", "evidence", "id"];

/// The items a CSV file adds to `registry`, checked against each other and against the items
/// already there. `path` only names the file in errors.
pub fn import_csv(path: &Path, bytes: &[u8], registry: &Registry, today: Date) -> Result<Vec<Item>, RegistryError> {
    let fail = |problems: Vec<CsvProblem>| RegistryError::Csv { path: path.to_owned(), problems };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(bytes);
    let header = reader.headers().map_err(|e| fail(vec![CsvProblem { line: 1, message: format!("unreadable header: {e}") }]))?.clone();
    let columns = columns(&header).map_err(|message| fail(vec![CsvProblem { line: 1, message }]))?;
    let mut problems = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    // Where each new id and name was first seen, to name the other line of a duplicate.
    let mut seen_ids: HashMap<String, u64> = HashMap::new();
    let mut seen_names: HashMap<String, u64> = HashMap::new();
    for result in reader.records() {
        let record = match result {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                problems.push(CsvProblem { line, message: format!("unreadable row: {}", e.kind_message()) });
                continue;
            }
        };
        let line = record.position().map_or(0, csv::Position::line);
        if record.iter().all(str::is_empty) {
            continue;
        }
        let mut row_problems = Vec::new();
        if record.len() != header.len() {
            row_problems.push(format!("{} fields where the header has {}", record.len(), header.len()));
        }
        let field = |name: &str| columns.get(name).and_then(|&i| record.get(i)).unwrap_or("").to_owned();
        let kind = match field("kind") {
            k if k.is_empty() => Err("kind is required".to_owned()),
            k => Kind::parse(&k),
        };
        let created = match field("created") {
            c if c.is_empty() => Err("created is required (YYYY-MM-DD)".to_owned()),
            c => parse_date(&c).map_err(|e| format!("created: {e}")),
        };
        let name = field("name");
        let id = match field("id") {
            id if id.is_empty() => slugify(&name),
            id => id,
        };
        // A bad kind or date does not stop the other checks: every problem of the row is reported.
        let (bad_kind, bad_date) = (kind.clone().err(), created.clone().err());
        let version = Some(field("version")).filter(|v| !v.is_empty());
        let item = Item {
            id,
            name,
            kind: kind.unwrap_or(Kind::Other),
            description: field("description"),
            created: created.unwrap_or(Date::EARLIEST),
            version,
            evidence: Evidence::parse(&field("evidence")),
        };
        row_problems.extend(item.problems(today).into_iter().filter(|p| !(item.name.trim().is_empty() && p.starts_with("id "))));
        row_problems.extend(bad_kind);
        row_problems.extend(bad_date);
        row_problems.extend(duplicates(&item, line, registry, &seen_ids, &seen_names));
        if !item.name.trim().is_empty() {
            seen_ids.entry(item.id.clone()).or_insert(line);
            seen_names.entry(name_key(&item.name)).or_insert(line);
        }
        if row_problems.is_empty() {
            items.push(item);
        } else {
            problems.extend(row_problems.into_iter().map(|message| CsvProblem { line, message }));
        }
    }
    if !problems.is_empty() {
        return Err(fail(problems));
    }
    if items.is_empty() {
        return Err(fail(vec![CsvProblem { line: 1, message: "the file has a header but no items".to_owned() }]));
    }
    Ok(items)
}

/// Which column holds which field; every required column present, no unknown ones.
fn columns(header: &csv::StringRecord) -> Result<HashMap<String, usize>, String> {
    let mut columns = HashMap::new();
    for (i, h) in header.iter().enumerate() {
        let h = h.to_lowercase();
        if !REQUIRED.contains(&h.as_str()) && !OPTIONAL.contains(&h.as_str()) {
            return Err(format!("unknown column {h:?}; the header must be name,kind,description,created,version,evidence"));
        }
        if columns.insert(h.clone(), i).is_some() {
            return Err(format!("column {h:?} appears twice in the header"));
        }
    }
    let missing: Vec<&str> = REQUIRED.into_iter().filter(|r| !columns.contains_key(*r)).collect();
    if missing.is_empty() {
        Ok(columns)
    } else {
        Err(format!("the header lacks {}; it must be name,kind,description,created,version,evidence", missing.join(", ")))
    }
}

fn duplicates(item: &Item, line: u64, registry: &Registry, ids: &HashMap<String, u64>, names: &HashMap<String, u64>) -> Vec<String> {
    let mut problems = Vec::new();
    if item.name.trim().is_empty() {
        return problems;
    }
    if let Some(existing) = registry.get(&item.id) {
        problems.push(format!("id {:?} is already in the registry (for {:?})", item.id, existing.name));
    } else if let Some(first) = ids.get(&item.id).filter(|&&l| l != line) {
        problems.push(format!("id {:?} is also on line {first}", item.id));
    }
    if let Some(existing) = registry.by_name(&item.name) {
        problems.push(format!("name {:?} is already in the registry (item {:?})", item.name, existing.id));
    } else if let Some(first) = names.get(&name_key(&item.name)).filter(|&&l| l != line) {
        problems.push(format!("name {:?} is also on line {first}", item.name));
    }
    problems
}

/// The message of a CSV error without the position it already reports.
trait KindMessage {
    fn kind_message(&self) -> String;
}

impl KindMessage for csv::Error {
    fn kind_message(&self) -> String {
        match self.kind() {
            csv::ErrorKind::Utf8 { err, .. } => format!("not UTF-8 text (field {}); save the file as CSV UTF-8", err.field() + 1),
            _ => self.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn import(csv: &str) -> Result<Vec<Item>, Vec<CsvProblem>> {
        let today = parse_date("2025-06-01").unwrap();
        import_csv(Path::new("items.csv"), csv.as_bytes(), &Registry::default(), today).map_err(|e| match e {
            RegistryError::Csv { problems, .. } => problems,
            other => panic!("{other}"),
        })
    }

    #[test]
    fn good_rows_become_items() {
        let items = import(
            "\u{feff}name,kind,description,created,version,evidence\n\
             EvalKit,evaluation method,\"Scores models, fast\",2021-03-04,1.2,https://git.example.com/evalkit@v1.2\n\
             \n\
             Prompt Library,template,Reusable prompts,2022-01-01,,\n",
        )
        .unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].id, "evalkit");
        assert_eq!(items[0].kind, Kind::EvaluationMethod);
        assert_eq!(items[0].description, "Scores models, fast");
        assert_eq!(items[0].evidence.commit.as_deref(), Some("v1.2"));
        assert_eq!(items[1].version, None);
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line() {
        let problems = import(
            "name,kind,description,created,version,evidence\n\
             Good,tool,fine,2020-01-01,,\n\
             ,tool,no name,2020-01-01,,\n\
             Bad Kind,spaceship,x,2020-01-01,,\n\
             Bad Date,tool,x,2021-02-30,,\n\
             Future,tool,x,2030-01-01,,\n\
             good,tool,duplicate of line 2,2020-01-01,,\n\
             Short,tool\n",
        )
        .unwrap_err();
        let lines: Vec<u64> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [3, 4, 5, 6, 7, 7, 8, 8, 8], "{problems:#?}");
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(text[0].contains("name is required"));
        assert!(text[1].contains("spaceship"));
        assert!(text[2].contains("February 2021 has no day 30"));
        assert!(text[3].contains("in the future"));
        assert!(text[4].contains("id \"good\" is also on line 2"));
        assert!(text[5].contains("name \"good\" is also on line 2"));
        assert!(text[6].contains("2 fields where the header has 6"));
        assert!(text[7].contains("description is required"));
        assert!(text[8].contains("created is required"));
    }

    #[test]
    fn a_bad_date_does_not_hide_a_duplicate_of_the_registry() {
        let mut registry = Registry::default();
        registry.items.push(Item {
            id: "evalkit".into(),
            name: "EvalKit".into(),
            kind: Kind::Tool,
            description: "x".into(),
            created: parse_date("2020-01-01").unwrap(),
            version: None,
            evidence: Evidence::default(),
        });
        let csv = "name,kind,description,created\nEVALKIT,tool,again,2020-13-01\n";
        let Err(RegistryError::Csv { problems, .. }) =
            import_csv(Path::new("x.csv"), csv.as_bytes(), &registry, parse_date("2025-01-01").unwrap())
        else {
            panic!("expected CSV problems")
        };
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(problems.iter().map(|p| p.line).collect::<Vec<_>>(), [2, 2, 2], "{text:?}");
        assert!(text[0].contains("no month 13"), "{text:?}");
        assert!(text[1].contains("id \"evalkit\" is already in the registry"), "{text:?}");
        assert!(text[2].contains("name \"EVALKIT\" is already in the registry"), "{text:?}");
    }

    #[test]
    fn bad_headers() {
        assert!(import("name,kind,description\nA,tool,x\n").unwrap_err()[0].message.contains("lacks created"));
        assert!(import("name,kind,description,created,colour\n").unwrap_err()[0].message.contains("unknown column \"colour\""));
        assert!(import("name,kind,description,created\n").unwrap_err()[0].message.contains("no items"));
    }
}
