//! Who the agency is, from the workspace: the window that shows the party the draft was read
//! for (and how the draft's text was obtained), lets the user choose another party or type the
//! name the draft uses, and set the agency's own name; and the issues list written from here.

use std::path::{Path, PathBuf};

use super::{App, Overlay};
use crate::issues_list::{Audience, ExportError};
use crate::tui::input::{Input, Purpose};
use crate::tui::keymap::Action;
use crate::tui::list;

/// The agency window: the draft's parties to choose from, then "another name…".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyView {
    pub candidates: Vec<String>,
    /// Index into `candidates`; `candidates.len()` is "another name…".
    pub row: usize,
}

impl App<'_> {
    pub(crate) fn open_agency(&mut self) {
        let candidates = self.ws.party_candidates();
        let current = self.ws.parties().agency.as_deref();
        let row = candidates.iter().position(|c| Some(c.as_str()) == current).unwrap_or(0);
        self.overlay = Some(Overlay::Agency(AgencyView { candidates, row }));
    }

    pub(crate) fn update_agency(&mut self, action: &Action) {
        let Some(Overlay::Agency(view)) = &mut self.overlay else { return };
        match action {
            // The last row is "another name…".
            Action::Down | Action::Up => view.row = list::moved(view.row, list::step(action, 1), view.candidates.len() + 1),
            Action::Activate => {
                if let Some(party) = view.candidates.get(view.row).cloned() {
                    if let Err(why) = self.choose_party(&party) {
                        self.error(why);
                    }
                } else {
                    let current = self.ws.parties().agency.clone().unwrap_or_default();
                    self.input = Some(Input::new(Purpose::AgencyParty, current));
                }
            }
            Action::EditAgencyName => {
                let current = self.ws.session().agency.clone().unwrap_or_default();
                self.input = Some(Input::new(Purpose::AgencyName, current));
            }
            _ => {}
        }
    }

    /// Reads the draft again with `party` as the agency; the selection goes back to the top,
    /// since the list of findings is another one.
    pub(crate) fn choose_party(&mut self, party: &str) -> Result<(), String> {
        let outcome = self.ws.set_agency_party(party);
        let what = format!("the draft is read with {} as the agency: {} open", crate::text::one_line(party), self.ws.open_findings());
        if !self.saved(&what, outcome) {
            return Err(self.message.take().map(|m| m.text).unwrap_or_default());
        }
        self.visible = (0..self.ws.entries().len()).collect();
        self.risky_only = false;
        self.overlay = None;
        self.list_offset = 0;
        self.select(0);
        Ok(())
    }

    pub(crate) fn submit_agency_name(&mut self, name: &str) {
        let outcome = self.ws.set_agency_name(name);
        let what = match &self.ws.session().agency {
            Some(name) => format!("the redline's comments are signed {}", crate::text::one_line(name)),
            None => "no agency name: the redline is signed with the draft's name for the agency".to_owned(),
        };
        self.saved(&what, Ok(outcome));
    }

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
