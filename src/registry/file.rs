//! The registry file on disk: where it is, reading it (size cap, schema check, errors with line
//! and column), and changing it under a lock with a write that a crash cannot half-finish.

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Registry, SCHEMA, today};

/// Registry files larger than this are refused unread; ten thousand items fit in 8 MiB.
pub const MAX_REGISTRY_BYTES: u64 = 16 * 1024 * 1024;
const SCHEMA_PREFIX: &str = "clauseguard.registry/";
const SCHEMA_VERSION: u32 = 1;

/// Why the registry could not be found, read or changed. Every message names the file; none
/// of these leave a changed file behind.
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    #[error("no configuration directory on this system for the registry; pass --registry FILE or set CLAUSEGUARD_REGISTRY")]
    NoConfigDir,
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: there is no registry here yet; add an item with `clauseguard registry add` or `registry import FILE.csv`", path.display())]
    Missing { path: PathBuf },
    #[error("{}: {size} bytes; registry files over {} MiB are refused", path.display(), MAX_REGISTRY_BYTES >> 20)]
    TooLarge { path: PathBuf, size: u64 },
    #[error("{}: corrupt registry file at line {line}, column {column}{}: {reason} (the file is left as it is)", path.display(), at_field(field))]
    Corrupt { path: PathBuf, line: usize, column: usize, field: String, reason: String },
    #[error("{}: written by a newer clauseguard: schema {found}; this version reads {SCHEMA} (the file is left as it is)", path.display())]
    NewerSchema { path: PathBuf, found: String },
    #[error("{}: not a clauseguard registry ({})", path.display(), found.as_deref().map_or_else(|| "no \"schema\" field".to_owned(), |s| format!("schema {s:?}")))]
    NotARegistry { path: PathBuf, found: Option<String> },
    #[error("{}: {}", path.display(), problems.join("; "))]
    Invalid { path: PathBuf, problems: Vec<String> },
    #[error("{}: no item {id:?} in the registry; {}", path.display(), known_list(known))]
    UnknownItem { path: PathBuf, id: String, known: Vec<String> },
    #[error("{}: {} in the CSV, nothing imported:\n{}", path.display(), bad_rows(problems), problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Csv { path: PathBuf, problems: Vec<super::CsvProblem> },
}

fn at_field(field: &str) -> String {
    if field.is_empty() || field == "." { String::new() } else { format!(" (in {field})") }
}

fn bad_rows(problems: &[super::CsvProblem]) -> String {
    let mut lines: Vec<u64> = problems.iter().map(|p| p.line).collect();
    lines.dedup();
    if lines.len() == 1 { "1 bad row".to_owned() } else { format!("{} bad rows", lines.len()) }
}

fn known_list(known: &[String]) -> String {
    if known.is_empty() { "the registry is empty".to_owned() } else { format!("known ids: {}", known.join(", ")) }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> RegistryError + '_ {
    move |source| RegistryError::Io { path: path.to_owned(), source }
}

/// Where the registry lives. Nothing is touched on disk until it is changed.
#[derive(Debug, Clone)]
pub struct RegistryFile {
    path: PathBuf,
}

impl RegistryFile {
    pub fn new(path: PathBuf) -> Self {
        RegistryFile { path }
    }

    /// `--registry` > `CLAUSEGUARD_REGISTRY` > `registry.json` in the platform config directory.
    pub fn resolve(flag: Option<&Path>) -> Result<Self, RegistryError> {
        if let Some(path) = flag {
            return Ok(Self::new(path.to_owned()));
        }
        if let Some(path) = std::env::var_os("CLAUSEGUARD_REGISTRY").filter(|p| !p.is_empty()) {
            return Ok(Self::new(PathBuf::from(path)));
        }
        let dirs = directories::ProjectDirs::from("", "", "clauseguard").ok_or(RegistryError::NoConfigDir)?;
        Ok(Self::new(dirs.config_dir().join("registry.json")))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn exists(&self) -> bool {
        self.path.is_file()
    }

    /// Reads and checks the registry; a missing file is an error that says how to start one.
    pub fn load(&self) -> Result<Registry, RegistryError> {
        match self.load_if_present()? {
            Some(registry) => Ok(registry),
            None => Err(RegistryError::Missing { path: self.path.clone() }),
        }
    }

    /// Reads and checks the registry; `None` when there is no file yet.
    pub fn load_if_present(&self) -> Result<Option<Registry>, RegistryError> {
        let mut file = match File::open(&self.path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io(&self.path)(e)),
        };
        let size = file.metadata().map_err(io(&self.path))?.len();
        if size > MAX_REGISTRY_BYTES {
            return Err(RegistryError::TooLarge { path: self.path.clone(), size });
        }
        let mut bytes = Vec::with_capacity(size as usize);
        (&mut file).take(MAX_REGISTRY_BYTES + 1).read_to_end(&mut bytes).map_err(io(&self.path))?;
        if bytes.len() as u64 > MAX_REGISTRY_BYTES {
            return Err(RegistryError::TooLarge { path: self.path.clone(), size: bytes.len() as u64 });
        }
        decode(&self.path, &bytes).map(Some)
    }

    /// Changes the registry: under a lock (so two clauseguards adding at once both keep their
    /// item), read the file (or start empty), apply `change`, check the result, write it back
    /// atomically. When reading, the change or the check fails, the file is not touched.
    pub fn update<T>(&self, change: impl FnOnce(&mut Registry) -> Result<T, RegistryError>) -> Result<T, RegistryError> {
        let dir = self.dir();
        create_private_dir(&dir)?;
        let _lock = self.lock()?;
        let mut registry = self.load_if_present()?.unwrap_or_default();
        let result = change(&mut registry)?;
        let problems = registry.problems(today());
        if !problems.is_empty() {
            return Err(RegistryError::Invalid { path: self.path.clone(), problems });
        }
        SCHEMA.clone_into(&mut registry.schema);
        let mut bytes = serde_json::to_vec_pretty(&registry).map_err(|e| io(&self.path)(e.into()))?;
        bytes.push(b'\n');
        write_atomic(&self.path, &bytes, true)?;
        Ok(result)
    }

    fn dir(&self) -> PathBuf {
        match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        }
    }

    /// Waits for the lock on `.NAME.lock` beside the registry; released when dropped or when the
    /// process dies. File systems without locks are used unlocked.
    fn lock(&self) -> Result<Option<File>, RegistryError> {
        let name = self.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let lock_path = self.dir().join(format!(".{name}.lock"));
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options.open(&lock_path).map_err(io(&lock_path))?;
        match file.lock() {
            Ok(()) => Ok(Some(file)),
            Err(e) if e.kind() == std::io::ErrorKind::Unsupported => Ok(None),
            Err(e) => Err(io(&lock_path)(e)),
        }
    }
}

/// Parses a registry file: syntax first (so a truncated file says where it ends), then the
/// schema (so a newer file is named as such rather than as corrupt), then fields and checks.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<Registry, RegistryError> {
    #[derive(Deserialize)]
    struct Head {
        schema: Option<serde_json::Value>,
    }
    let corrupt = |e: &serde_json::Error, field: String| RegistryError::Corrupt {
        path: path.to_owned(),
        line: e.line(),
        column: e.column(),
        field,
        reason: e.to_string().rsplit_once(" at line ").map_or_else(|| e.to_string(), |(m, _)| m.to_owned()),
    };
    let head: Head = serde_json::from_slice(bytes).map_err(|e| corrupt(&e, String::new()))?;
    let found = head.schema.map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned));
    match found.as_deref().and_then(|s| s.strip_prefix(SCHEMA_PREFIX)).and_then(|v| v.parse::<u32>().ok()) {
        Some(SCHEMA_VERSION) => {}
        Some(v) if v > SCHEMA_VERSION => {
            return Err(RegistryError::NewerSchema { path: path.to_owned(), found: found.unwrap_or_default() });
        }
        _ => return Err(RegistryError::NotARegistry { path: path.to_owned(), found }),
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let registry: Registry = serde_path_to_error::deserialize(&mut de).map_err(|e| corrupt(e.inner(), e.path().to_string()))?;
    let problems = registry.problems(today());
    if !problems.is_empty() {
        return Err(RegistryError::Invalid { path: path.to_owned(), problems });
    }
    Ok(registry)
}

/// Writes `bytes` to `path` atomically and privately (see `crate::atomic::write`). With
/// `replace == false` an existing file is never replaced.
pub fn write_atomic(path: &Path, bytes: &[u8], replace: bool) -> Result<(), RegistryError> {
    crate::atomic::write(path, bytes, replace).map_err(|e| RegistryError::Io { path: e.path, source: e.source })
}

/// Creates the folder the registry lives in, readable only by its owner.
fn create_private_dir(dir: &Path) -> Result<(), RegistryError> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(io(dir))
}
