//! Loading and checking a clause library folder, reporting every problem at once with the
//! file, line, column and field at fault.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use super::{ClauseLibrary, StandardClause};

/// The library files are read whole; this caps a hostile or mistaken folder.
const MAX_FILE_BYTES: u64 = 1 << 20;
const MAX_FILES: usize = 500;

/// One thing wrong in a library file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    /// The JSON path of the field at fault (`rules[2].concern`), or empty for the whole file.
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file.display(), self.line, self.column)?;
        if !self.field.is_empty() {
            write!(f, ": {}", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("cannot read clause library {}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("clause library {origin} has {} problem(s):\n{}", problems.len(), problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid { origin: String, problems: Vec<Problem> },
}

pub(super) fn load_dir(dir: &Path) -> Result<ClauseLibrary, LibraryError> {
    let io = |source| LibraryError::Io { path: dir.to_owned(), source };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    let mut problems = Vec::new();
    let mut files = Vec::new();
    if paths.is_empty() {
        problems.push(whole_file(dir, "no *.json clause files in this folder"));
    }
    if paths.len() > MAX_FILES {
        problems.push(whole_file(dir, &format!("{} clause files; at most {MAX_FILES} are read", paths.len())));
        paths.truncate(MAX_FILES);
    }
    for path in paths {
        match read_text(&path) {
            Ok(text) => files.push((path, text)),
            Err(message) => problems.push(whole_file(&path, &message)),
        }
    }
    let origin = dir.display().to_string();
    let reading = load_reading(dir, &mut problems);
    match load_files(files, &origin, true) {
        Err(LibraryError::Invalid { problems: mut more, .. }) => {
            problems.append(&mut more);
            Err(LibraryError::Invalid { origin, problems })
        }
        Ok(_) if !problems.is_empty() => Err(LibraryError::Invalid { origin, problems }),
        Ok(mut library) => {
            library.reading = reading.map(std::sync::Arc::new);
            Ok(library)
        }
        other => other,
    }
}

/// The folder's `reading/lexicon.json` and `reading/rules.json`, when it has a `reading/`
/// folder; a file missing there is taken from the embedded reading.
fn load_reading(dir: &Path, problems: &mut Vec<Problem>) -> Option<super::Reading> {
    let folder = dir.join("reading");
    if !folder.is_dir() {
        return None;
    }
    let mut text = |name: &str, embedded: &str| {
        let path = folder.join(name);
        if !path.exists() {
            return Some((path, embedded.to_owned()));
        }
        match read_text(&path) {
            Ok(text) => Some((path, text)),
            Err(message) => {
                problems.push(whole_file(&path, &message));
                None
            }
        }
    };
    let (lexicon_path, lexicon) = text("lexicon.json", crate::reading::EMBEDDED_LEXICON)?;
    let (rules_path, rules) = text("rules.json", crate::analysis::judge::EMBEDDED_RULES)?;
    let lexicon = crate::reading::Lexicon::parse(&lexicon).map_err(|m| problems.push(whole_file(&lexicon_path, &m))).ok();
    let rules = crate::analysis::judge::parse_rules(&rules).map_err(|m| problems.push(whole_file(&rules_path, &m))).ok();
    Some(super::Reading { lexicon: lexicon?, rules: rules? })
}

fn read_text(path: &Path) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!("file is {} bytes; a clause file may be at most {MAX_FILE_BYTES}", meta.len()));
    }
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| format!("not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))
}

fn whole_file(path: &Path, message: &str) -> Problem {
    Problem { file: path.to_owned(), line: 1, column: 1, field: String::new(), message: message.to_owned() }
}

/// Parses and cross-checks clause files given as (path, text) pairs. With `compile`, every
/// pattern is also compiled now (otherwise on first use), so one too large to compile is
/// reported here.
pub(super) fn load_files(
    files: impl IntoIterator<Item = (PathBuf, String)>,
    origin: &str,
    compile: bool,
) -> Result<ClauseLibrary, LibraryError> {
    let mut problems = Vec::new();
    let mut clauses: Vec<(StandardClause, String)> = Vec::new();
    // Compiling the patterns is most of the cost of loading: parse the files on two threads.
    let files: Vec<(PathBuf, String)> = files.into_iter().collect();
    let (first, second) = files.split_at(files.len() / 2);
    let parsed = std::thread::scope(|s| {
        let other = s.spawn(|| second.iter().map(parse).collect::<Vec<_>>());
        let mut parsed: Vec<_> = first.iter().map(parse).collect();
        parsed.extend(other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        parsed
    });
    for (result, (_, text)) in parsed.into_iter().zip(&files) {
        match result {
            Ok(clause) => clauses.push((clause, text.clone())),
            Err(problem) => problems.push(problem),
        }
    }
    let mut seen: HashMap<&str, &Path> = HashMap::new();
    for (clause, text) in &clauses {
        let at = |needle: &str, field: String, message: String| {
            let (line, column) = locate(text, needle);
            Problem { file: clause.source.clone(), line, column, field, message }
        };
        if let Some(first) = seen.insert(&clause.id, &clause.source) {
            problems.push(at(&clause.id, "id".into(), format!("duplicate clause id {:?} (also in {})", clause.id, first.display())));
        }
        problems.extend(semantic_problems(clause, &clauses).into_iter().map(|(needle, field, message)| at(&needle, field, message)));
    }
    if compile {
        let failures = std::thread::scope(|s| {
            let (first, second) = clauses.split_at(clauses.len() / 2);
            let other = s.spawn(|| compile_failures(second));
            let mut failures = compile_failures(first);
            failures.extend(other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
            failures
        });
        for (clause, text, source, message) in failures {
            let (line, column) = locate(text, source);
            problems.push(Problem { file: clause.source.clone(), line, column, field: String::new(), message });
        }
    }
    if problems.is_empty() {
        let mut clauses: Vec<StandardClause> = clauses.into_iter().map(|(c, _)| c).collect();
        clauses.sort_by(|a, b| a.source.cmp(&b.source));
        Ok(ClauseLibrary { clauses, origin: origin.to_owned(), reading: None })
    } else {
        Err(LibraryError::Invalid { origin: origin.to_owned(), problems })
    }
}

/// The patterns of `clauses` that cannot be compiled: (clause, its file's text, pattern, why).
fn compile_failures(clauses: &[(StandardClause, String)]) -> Vec<(&StandardClause, &str, &str, String)> {
    let mut out = Vec::new();
    for (clause, text) in clauses {
        let rules = clause.rules.iter().flat_map(|r| r.patterns.iter().chain(&r.unless).chain(&r.unless_clause).chain(&r.requires));
        let missing = clause.missing.iter().flat_map(|m| m.present_when.iter().chain(&m.applies_when));
        for pattern in rules.chain(missing).chain(&clause.cues) {
            if let Err(e) = pattern.check() {
                out.push((clause, text.as_str(), pattern.source(), format!("pattern {:?} does not compile: {e}", pattern.source())));
            }
        }
    }
    out
}

/// One clause file parsed, or the first problem in it.
fn parse((path, text): &(PathBuf, String)) -> Result<StandardClause, Problem> {
    let de = &mut serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, StandardClause>(de) {
        Ok(mut clause) => {
            clause.source.clone_from(path);
            Ok(clause)
        }
        Err(e) => {
            let field = e.path().to_string();
            let inner = e.into_inner();
            Err(Problem {
                file: path.clone(),
                line: inner.line().max(1),
                column: inner.column().max(1),
                field: if field == "." { String::new() } else { field },
                message: strip_position(&inner.to_string()),
            })
        }
    }
}

/// Problems that need the whole clause (or library) to see: (text to locate, field, message).
fn semantic_problems(clause: &StandardClause, all: &[(StandardClause, String)]) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    if clause.id.is_empty() || !clause.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        out.push((clause.id.clone(), "id".into(), format!("clause id {:?} must be lower-case letters, digits and hyphens", clause.id)));
    }
    if clause.standard_text.trim().is_empty() {
        out.push(("standard_text".into(), "standard_text".into(), "standard text is empty".into()));
    }
    if clause.counsel_note.trim().is_empty() {
        out.push((
            "standard_text".into(),
            "counsel_note".into(),
            "a clause needs a `counsel_note`: the reason counsel reads when its standard text goes into a redline".into(),
        ));
    }
    for (i, f) in clause.fallbacks.iter().enumerate() {
        if !f.text.trim().is_empty() && f.counsel_note.trim().is_empty() {
            out.push((
                f.text.clone(),
                format!("fallbacks[{i}].counsel_note"),
                "a fallback with counter-language needs a `counsel_note`: the reason counsel reads beside it in a redline".into(),
            ));
        }
    }
    if clause.fallbacks.is_empty() {
        out.push(("fallbacks".into(), "fallbacks".into(), "a clause needs at least one fallback".into()));
    }
    if clause.fallbacks.windows(2).any(|w| w[0].kind > w[1].kind) {
        out.push((
            "fallbacks".into(),
            "fallbacks".into(),
            "fallbacks must follow the ladder order (educate, show-value, boundaries, narrow-scope, license-back, fee-uplift, walk-away)"
                .into(),
        ));
    }
    if clause.required && clause.missing.is_none() {
        out.push((
            "required".into(),
            "missing".into(),
            "a required clause needs a `missing` check saying how its presence is recognised".into(),
        ));
    }
    let mut rule_ids: HashMap<&str, usize> = HashMap::new();
    for (i, rule) in clause.rules.iter().enumerate() {
        if rule_ids.insert(&rule.id, i).is_some() {
            out.push((rule.id.clone(), format!("rules[{i}].id"), format!("duplicate rule id {:?} in clause {:?}", rule.id, clause.id)));
        }
        if rule.patterns.is_empty() {
            out.push((rule.id.clone(), format!("rules[{i}].patterns"), "a rule needs at least one pattern".into()));
        }
    }
    for (i, other) in clause.see_also.iter().enumerate() {
        if !all.iter().any(|(c, _)| &c.id == other) {
            out.push((other.clone(), format!("see_also[{i}]"), format!("unknown clause reference {other:?}")));
        }
    }
    out
}

/// `serde_json` appends " at line L column C"; the problem carries those separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// 1-based line and column of the first occurrence of `needle` (as a JSON string) in `text`.
fn locate(text: &str, needle: &str) -> (usize, usize) {
    let quoted = serde_json::to_string(needle).unwrap_or_default();
    let offset = text.find(&quoted).or_else(|| text.find(needle)).unwrap_or(0);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
