//! `LibreOffice` as the other side's counsel may run it: a .docx opened, every tracked change
//! rejected (or accepted, or left), and the text saved as Writer lays it out, list numbers
//! included. Headless, with a profile of its own and a small Basic macro (no Python needed);
//! every file of a test in one start of `soffice`. Tests skip with a message when `soffice` is
//! not installed (CI installs `libreoffice-writer`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What becomes of the tracked changes before the text is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changes {
    Keep,
    Reject,
    Accept,
}

impl Changes {
    fn word(self) -> &'static str {
        match self {
            Changes::Keep => "keep",
            Changes::Reject => "reject",
            Changes::Accept => "accept",
        }
    }
}

/// A `LibreOffice` profile ready to run the conversion macro.
pub struct LibreOffice {
    dir: tempfile::TempDir,
}

const MACRO: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Convert(sJobs As String)
  Dim n As Integer, sLine As String, aJob As Variant
  n = FreeFile()
  Open sJobs For Input As #n
  Do While Not EOF(n)
    Line Input #n, sLine
    If Len(sLine) &gt; 0 Then
      aJob = Split(sLine, Chr(9))
      ConvertOne(aJob(0), aJob(1), aJob(2))
    End If
  Loop
  Close #n
End Sub

Sub ConvertOne(sWhat As String, sIn As String, sOut As String)
  Dim oDoc As Object, oFrame As Object, oDisp As Object
  Dim aLoad(0) As New com.sun.star.beans.PropertyValue
  aLoad(0).Name = &quot;Hidden&quot;
  aLoad(0).Value = True
  oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(sIn), &quot;_blank&quot;, 0, aLoad())
  oFrame = oDoc.getCurrentController().getFrame()
  oDisp = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  Dim aNone(0) As New com.sun.star.beans.PropertyValue
  If sWhat = &quot;reject&quot; Then
    oDisp.executeDispatch(oFrame, &quot;.uno:RejectAllTrackedChanges&quot;, &quot;&quot;, 0, aNone())
  ElseIf sWhat = &quot;accept&quot; Then
    oDisp.executeDispatch(oFrame, &quot;.uno:AcceptAllTrackedChanges&quot;, &quot;&quot;, 0, aNone())
  End If
  Dim aStore(1) As New com.sun.star.beans.PropertyValue
  aStore(0).Name = &quot;FilterName&quot;
  aStore(0).Value = &quot;Text (encoded)&quot;
  aStore(1).Name = &quot;FilterOptions&quot;
  aStore(1).Value = &quot;UTF8,LF,,,&quot;
  oDoc.storeToURL(ConvertToURL(sOut), aStore())
  oDoc.close(True)
End Sub
</script:module>
"#;

/// How long one start of `LibreOffice` may take before it is stopped (a hang is a failure).
const LIMIT: Duration = Duration::from_secs(180);

impl LibreOffice {
    /// A fresh profile with the macro in it; None, with a message, when `soffice` is absent.
    pub fn start() -> Option<LibreOffice> {
        if Command::new("soffice").arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_err() {
            eprintln!("skipped: soffice is not installed (CI installs libreoffice-writer); see docs/redline.md for the manual check");
            return None;
        }
        let lo = LibreOffice { dir: tempfile::tempdir().expect("temporary folder") };
        // The first start writes the profile, the default (empty) Basic library with it; the
        // macro replaces that library's module afterwards.
        lo.run(&["--terminate_after_init"]);
        let module = lo.profile().join("user/basic/Standard/Module1.xba");
        assert!(module.is_file(), "LibreOffice did not create its profile in {}", lo.profile().display());
        std::fs::write(&module, MACRO).expect("write the macro");
        Some(lo)
    }

    fn profile(&self) -> PathBuf {
        self.dir.path().join("profile")
    }

    /// The text of each file, its tracked changes rejected, accepted or kept, as Writer saves
    /// it (list numbers included), in one start of `LibreOffice`.
    pub fn texts(&self, jobs: &[(&Path, Changes)]) -> Vec<String> {
        let mut list = String::new();
        let outs: Vec<PathBuf> = (0..jobs.len()).map(|k| self.dir.path().join(format!("out-{k}.txt"))).collect();
        for ((path, changes), out) in jobs.iter().zip(&outs) {
            let _ = std::fs::remove_file(out);
            let _ = writeln!(list, "{}\t{}\t{}", changes.word(), absolute(path).display(), out.display());
        }
        let list_path = self.dir.path().join("jobs.tsv");
        std::fs::write(&list_path, list).expect("write the job list");
        self.run(&[&format!("macro:///Standard.Module1.Convert(\"{}\")", list_path.display())]);
        outs.iter()
            .zip(jobs)
            .map(|(out, (path, _))| {
                let text = std::fs::read_to_string(out).unwrap_or_else(|_| {
                    panic!("LibreOffice did not convert {} (its profile is {})", path.display(), self.profile().display())
                });
                text.trim_start_matches('\u{feff}').to_owned()
            })
            .collect()
    }

    /// Runs `soffice` headless on this profile; kills it (and what it started) if it hangs.
    fn run(&self, args: &[&str]) {
        use std::os::unix::process::CommandExt;
        let profile = format!("-env:UserInstallation=file://{}", self.profile().display());
        let mut child = Command::new("soffice")
            .args(["--headless", "--norestore", "--nologo", profile.as_str()])
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("start soffice");
        let started = Instant::now();
        loop {
            if child.try_wait().expect("wait for soffice").is_some() {
                return;
            }
            if started.elapsed() > LIMIT {
                let _ = Command::new("kill").args(["-KILL", &format!("-{}", child.id())]).status();
                let _ = child.wait();
                panic!("soffice {args:?} did not finish in {LIMIT:?}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).expect("absolute path")
}
