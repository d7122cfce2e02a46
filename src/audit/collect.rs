//! Finding what to audit: every contract (.txt, .md, .docx) and JSON file (a saved session,
//! perhaps) under the given paths, recursively, in a stable order. Nothing found is silently
//! dropped: what is not audited is listed as skipped or as an error, with the reason.

use std::path::{Path, PathBuf};

/// A file found under the audited paths, and what to do with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Candidate {
    Contract(PathBuf),
    /// Read to see whether it is a saved session.
    Json(PathBuf),
    Skipped(PathBuf, String),
    Error(PathBuf, String),
}

impl Candidate {
    pub fn path(&self) -> &Path {
        match self {
            Candidate::Contract(p) | Candidate::Json(p) | Candidate::Skipped(p, _) | Candidate::Error(p, _) => p,
        }
    }
}

/// Formats a signed contract often comes in that the tool cannot read: reported as errors, since
/// the contract in them goes unaudited.
const UNREADABLE_FORMATS: &[&str] = &["pdf", "doc", "rtf", "odt", "pages", "wpd"];

/// Every file under `roots` (files given directly are taken as they are), sorted by path, each
/// path once. Hidden files and folders (`.git`) are not entered.
pub fn collect(roots: &[PathBuf]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for root in roots {
        match std::fs::metadata(root) {
            Ok(meta) if meta.is_dir() => walk(root, &mut out),
            Ok(_) => out.push(classify(root)),
            Err(e) => out.push(Candidate::Error(root.clone(), io_reason(&e))),
        }
    }
    out.sort_by(|a, b| a.path().cmp(b.path()));
    out.dedup_by(|a, b| a.path() == b.path());
    out
}

fn walk(dir: &Path, out: &mut Vec<Candidate>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return out.push(Candidate::Error(dir.to_owned(), format!("folder not readable: {}", io_reason(&e)))),
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => paths.push(entry.path()),
            Err(e) => out.push(Candidate::Error(dir.to_owned(), format!("folder not fully readable: {}", io_reason(&e)))),
        }
    }
    paths.sort();
    for path in paths {
        if path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')) {
            continue;
        }
        let Ok(link) = std::fs::symlink_metadata(&path) else {
            out.push(Candidate::Error(path, "vanished while the folder was read".to_owned()));
            continue;
        };
        match std::fs::metadata(&path) {
            // A linked folder is not entered: links can make cycles.
            Ok(meta) if meta.is_dir() && link.file_type().is_symlink() => {
                out.push(Candidate::Skipped(path, "a link to a folder (not followed); give the folder itself".to_owned()));
            }
            Ok(meta) if meta.is_dir() => walk(&path, out),
            Ok(_) => out.push(classify(&path)),
            Err(e) => out.push(Candidate::Error(path, io_reason(&e))),
        }
    }
}

fn classify(path: &Path) -> Candidate {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "md" | "markdown" | "docx" if stem.contains("readme") => {
            Candidate::Skipped(path.to_owned(), "a README, not a contract".to_owned())
        }
        "txt" | "md" | "markdown" | "docx" => Candidate::Contract(path.to_owned()),
        "json" => Candidate::Json(path.to_owned()),
        e if UNREADABLE_FORMATS.contains(&e) => Candidate::Error(
            path.to_owned(),
            format!(".{e} files cannot be read, so this contract was not audited; save it as .docx or .txt"),
        ),
        "" => Candidate::Skipped(path.to_owned(), "no extension; contracts are read from .txt, .md and .docx".to_owned()),
        e => Candidate::Skipped(path.to_owned(), format!(".{e} is not a contract format (.txt, .md, .docx) or a session (.json)")),
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_skipping_hidden_and_naming_what_it_skips() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/.git")).unwrap();
        for f in ["b/z.txt", "a.md", "b/.git/HEAD", "README.md", "deal.json", "scan.pdf", "logo.png", "b/sub.docx"] {
            std::fs::write(root.join(f), "x").unwrap();
        }
        let found = collect(&[root.to_owned(), root.join("a.md"), root.join("missing.txt")]);
        let names: Vec<String> = found
            .iter()
            .map(|c| {
                let rel = c.path().strip_prefix(root).unwrap().display().to_string();
                match c {
                    Candidate::Contract(_) => format!("contract {rel}"),
                    Candidate::Json(_) => format!("json {rel}"),
                    Candidate::Skipped(..) => format!("skipped {rel}"),
                    Candidate::Error(..) => format!("error {rel}"),
                }
            })
            .collect();
        assert_eq!(
            names,
            [
                "skipped README.md",
                "contract a.md",
                "contract b/sub.docx",
                "contract b/z.txt",
                "json deal.json",
                "skipped logo.png",
                "error missing.txt",
                "error scan.pdf"
            ]
        );
    }
}
