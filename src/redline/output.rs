//! Writing a redline to disk without ever losing anything: never over the draft, never over an
//! existing file unless asked, and atomically (a temporary file in the same folder, flushed to
//! disk, then renamed into place), so a crash leaves either the old file or the new one.

use std::path::Path;

use super::RedlineError;

/// The formats a redline is written in, chosen by the output file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Docx,
    Markdown,
    Html,
}

impl OutputFormat {
    pub fn of(path: &Path) -> Result<OutputFormat, RedlineError> {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        match ext.as_str() {
            "docx" => Ok(OutputFormat::Docx),
            "md" | "markdown" => Ok(OutputFormat::Markdown),
            "html" | "htm" => Ok(OutputFormat::Html),
            _ => Err(RedlineError::UnknownFormat { path: path.to_owned(), ext }),
        }
    }
}

/// Writes `bytes` to `out`. Refuses when `out` is one of `inputs` (whatever the spelling of the
/// path) and, unless `force`, when it exists.
pub fn write_atomic(out: &Path, bytes: &[u8], inputs: &[&Path], force: bool) -> Result<(), RedlineError> {
    check_target(out, inputs, force)?;
    // No clobbering without --force, even if the file appeared since the check above. Errors
    // name the output the user asked for, whichever step failed.
    crate::atomic::write(out, bytes, force).map_err(|e| {
        if e.already_exists() {
            RedlineError::Exists { path: out.to_owned() }
        } else {
            RedlineError::Io { path: out.to_owned(), source: e.source }
        }
    })
}

/// Whether `out` may be written: never one of `inputs`, and not an existing file unless `force`.
/// Worth calling before the work that produces the output, so a refusal comes first.
pub fn check_target(out: &Path, inputs: &[&Path], force: bool) -> Result<(), RedlineError> {
    if inputs.iter().any(|i| same_file(i, out)) {
        return Err(RedlineError::WouldOverwriteInput { path: out.to_owned() });
    }
    if !force && out.symlink_metadata().is_ok() {
        return Err(RedlineError::Exists { path: out.to_owned() });
    }
    Ok(())
}

/// Whether two paths name the same file: the same inode when both exist, else the same
/// absolute path.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    match (std::path::absolute(a), std::path::absolute(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_the_input_and_existing_files_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let draft = dir.path().join("draft.md");
        std::fs::write(&draft, "draft").unwrap();
        let sneaky = dir.path().join(".").join("draft.md");
        assert!(matches!(write_atomic(&sneaky, b"x", &[&draft], true), Err(RedlineError::WouldOverwriteInput { .. })));
        assert_eq!(std::fs::read_to_string(&draft).unwrap(), "draft");

        let out = dir.path().join("out.md");
        write_atomic(&out, b"one", &[&draft], false).unwrap();
        let err = write_atomic(&out, b"two", &[&draft], false).unwrap_err();
        assert!(err.to_string().contains("out.md") && err.to_string().contains("--force"), "{err}");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "one");
        write_atomic(&out, b"two", &[&draft], true).unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "two");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn a_missing_folder_is_named() {
        let err = write_atomic(Path::new("/no/such/folder/out.docx"), b"x", &[], false).unwrap_err();
        assert!(err.to_string().contains("/no/such/folder/out.docx"), "{err}");
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(OutputFormat::of(Path::new("a.DOCX")).unwrap(), OutputFormat::Docx);
        assert_eq!(OutputFormat::of(Path::new("a.htm")).unwrap(), OutputFormat::Html);
        assert!(OutputFormat::of(Path::new("a.pdf")).unwrap_err().to_string().contains("a.pdf"));
    }
}
