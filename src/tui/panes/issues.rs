//! The issues list for the other side's counsel, written from the workspace with one key: where
//! to write it (beside the draft, else beside the sessions) and not replacing a file unasked.

use std::path::{Path, PathBuf};

use crate::issues_list::{Audience, ExportError};
use crate::tui::app::App;
use crate::tui::input::{Input, Purpose};

impl App<'_> {
    /// Asks where to write the issues list, offering a file beside the draft (or the sessions).
    pub(crate) fn open_issues_export(&mut self) {
        self.overwrite = None;
        let path = self.issues_list_default().display().to_string();
        self.input = Some(Input::new(Purpose::IssuesList, path));
    }

    /// `NAME-issues-round-N.md` beside the draft when it was opened from a file, else beside
    /// the sessions.
    fn issues_list_default(&self) -> PathBuf {
        let file = format!("{}-issues-round-{}.md", self.ws.session().name, self.ws.round());
        let draft = &self.ws.document().path;
        let dir = match (draft.is_file(), &self.store) {
            (true, _) => draft.parent().map(Path::to_owned).unwrap_or_default(),
            (false, Some(store)) => store.dir().to_owned(),
            (false, None) => PathBuf::new(),
        };
        dir.join(file)
    }

    /// Writes the other side's issues list; an existing file is replaced only when the same
    /// path is submitted a second time.
    pub(crate) fn submit_issues_list(&mut self, text: &str) -> Result<(), String> {
        let path = PathBuf::from(text.trim());
        if path.as_os_str().is_empty() {
            return Err("give a file name ending in .md, .docx or .csv".to_owned());
        }
        let replace = self.overwrite.as_ref() == Some(&path);
        match crate::issues_list::export(&self.ws, Audience::OtherSide, &path, replace) {
            Ok(list) => {
                self.overwrite = None;
                self.info(format!("wrote the issues list to {}: {} point(s)", crate::text::one_line(text.trim()), list.issues.len()));
                Ok(())
            }
            Err(ExportError::Exists(_)) => {
                let why = format!("{} already exists: Enter again replaces it", crate::text::one_line(text.trim()));
                self.overwrite = Some(path);
                Err(why)
            }
            Err(e) => Err(crate::text::one_line(&e.to_string())),
        }
    }
}
