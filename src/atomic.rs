//! Writing a file so that a crash, a kill or a power cut leaves either the old content or the
//! new, never a mix: sessions, the registry, redlines, exhibits and audits all write through here.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The end of a temporary file's name; the next writer of a session removes stale ones.
pub const TEMP_SUFFIX: &str = ".tmp";

/// Where a write failed (the folder, the temporary file or the target) and why.
#[derive(Debug)]
pub struct WriteError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

impl WriteError {
    /// The target appeared although `replace` was false.
    pub fn already_exists(&self) -> bool {
        self.source.kind() == std::io::ErrorKind::AlreadyExists
    }
}

fn at(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
    move |source| WriteError { path: path.to_owned(), source }
}

/// The temporary file's name before its random part: `.STEM.` for `dir/STEM.ext`.
pub fn temp_prefix(path: &Path) -> String {
    format!(".{}.", path.file_stem().map(|s| s.to_string_lossy()).unwrap_or_default())
}

/// Writes `bytes` to `path`: a temporary file in the same folder (mode 0600, contracts are
/// confidential) is written and flushed to disk, renamed over the target, then the folder is
/// flushed so the rename itself survives a power cut. With `replace == false` an existing file is
/// never replaced, even one created a moment ago by another process.
pub fn write(path: &Path, bytes: &[u8], replace: bool) -> Result<(), WriteError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let prefix = temp_prefix(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o600));
    }
    let mut temp = builder.tempfile_in(dir).map_err(at(dir))?;
    temp.write_all(bytes).map_err(at(temp.path()))?;
    temp.as_file().sync_all().map_err(at(temp.path()))?;
    let persisted = if replace { temp.persist(path) } else { temp.persist_noclobber(path) };
    persisted.map_err(|e| at(path)(e.error))?;
    // Windows cannot open a folder as a file; its rename is flushed with the file system journal.
    #[cfg(unix)]
    std::fs::File::open(dir).and_then(|d| d.sync_all()).map_err(at(dir))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_only_when_asked_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deal.json");
        write(&path, b"one", false).unwrap();
        assert!(write(&path, b"two", false).unwrap_err().already_exists());
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write(&path, b"two", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
    }

    #[test]
    fn names_the_folder_that_is_missing() {
        let err = write(Path::new("/no/such/folder/x.json"), b"x", true).unwrap_err();
        assert_eq!(err.path, Path::new("/no/such/folder"));
    }
}
