//! The one-box text editor used for notes, pasted wording, searches and the fee: what is being
//! typed, where the cursor is, and what the box is for.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::keymap::{self, Action, Context};
use super::layout;
use super::theme::Theme;
use super::ui::block;
use super::wrap::wrap;

/// What the box's text becomes when submitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Search,
    NoteClause,
    NoteSession,
    Revision,
    Fee,
    Percent,
    LibraryFilter,
    /// The name the draft uses for the agency, typed when it is none of the parties offered.
    AgencyParty,
    /// The agency's own name.
    AgencyName,
    /// Where to write the issues list.
    IssuesList,
}

impl Purpose {
    pub fn title(self) -> &'static str {
        match self {
            Purpose::Search => "Search clause wording",
            Purpose::NoteClause => "Note on this clause",
            Purpose::NoteSession => "Note on the whole session",
            Purpose::Revision => "Client's revised wording (paste it, then Enter)",
            Purpose::Fee => "Project fee (e.g. 120000, $120k, 95,000 EUR)",
            Purpose::Percent => "Uplift percentage to try",
            Purpose::LibraryFilter => "Search the library (words of a question will do)",
            Purpose::AgencyParty => "The name or defined term the draft uses for the agency",
            Purpose::AgencyName => "Your agency's name (signs the redline's changes and comments)",
            Purpose::IssuesList => "Write the issues list to (.md, .docx or .csv)",
        }
    }

    /// What Enter does with the box's text, for its hint.
    pub fn submit(self) -> &'static str {
        match self {
            Purpose::Search | Purpose::LibraryFilter => "search",
            Purpose::NoteClause | Purpose::NoteSession | Purpose::Revision | Purpose::Fee | Purpose::AgencyName => "save",
            Purpose::Percent | Purpose::AgencyParty => "apply",
            Purpose::IssuesList => "write",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub purpose: Purpose,
    pub text: String,
    /// In chars, 0..=text's char count.
    pub cursor: usize,
    /// Why the last submit was refused; cleared by the next edit.
    pub error: Option<String>,
}

impl Input {
    pub fn new(purpose: Purpose, text: String) -> Self {
        let cursor = text.chars().count();
        Self { purpose, text, cursor, error: None }
    }

    fn byte_at(&self, cursor: usize) -> usize {
        self.text.char_indices().nth(cursor).map_or(self.text.len(), |(i, _)| i)
    }

    /// Applies an editing action; returns false for actions that are not edits.
    pub fn edit(&mut self, action: &Action) -> bool {
        let len = self.text.chars().count();
        match action {
            Action::Type(c) => self.insert(&c.to_string()),
            Action::Paste(text) => self.insert(text),
            Action::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
            }
            Action::Delete if self.cursor < len => {
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
            }
            Action::CursorLeft => self.cursor = self.cursor.saturating_sub(1),
            Action::CursorRight => self.cursor = (self.cursor + 1).min(len),
            Action::CursorHome => self.cursor = 0,
            Action::CursorEnd => self.cursor = len,
            Action::ClearInput => {
                self.text.clear();
                self.cursor = 0;
            }
            Action::Backspace | Action::Delete => {}
            _ => return false,
        }
        self.error = None;
        true
    }

    fn insert(&mut self, text: &str) {
        // Pasted text is contract text: control characters never reach the screen or the session.
        let keep_newlines = matches!(self.purpose, Purpose::Revision | Purpose::NoteClause | Purpose::NoteSession);
        let clean = crate::text::sanitize(&text.replace("\r\n", "\n"), keep_newlines);
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, &clean);
        self.cursor += clean.chars().count();
    }

    /// The text before the cursor, the char under it (a space at the end) and the rest.
    pub fn split(&self) -> (&str, &str, &str) {
        let at = self.byte_at(self.cursor);
        let next = self.byte_at(self.cursor + 1);
        (&self.text[..at], if at == next { " " } else { &self.text[at..next] }, &self.text[next..])
    }
}

/// Draws the box: its text wrapped with the cursor, and its keys or why a submit was refused.
/// `title` says what it is for (the clause a revision is of).
pub fn render(input: &Input, title: String, theme: &Theme, frame: &mut Frame, area: Rect) {
    let width = usize::from(layout::input_text_width(area));
    let (before, at, after) = input.split();
    let cursor = Style::new().add_modifier(ratatui::style::Modifier::REVERSED);
    let mut lines = wrap(&[(before, theme.text), (if at == "\n" { " \n" } else { at }, cursor), (after, theme.text)], width);
    let foot = if let Some(why) = &input.error {
        Line::styled(crate::text::one_line(why), theme.error)
    } else {
        let hints: Vec<Span> = keymap::hints(&[Context::Input])
            .into_iter()
            .flat_map(|h| {
                let word = if h.action == Action::Submit { input.purpose.submit() } else { h.word };
                [Span::styled(h.key, theme.hint_key), Span::styled(format!(" {word}  "), theme.dim)]
            })
            .collect();
        Line::from(hints)
    };
    let room = usize::from(layout::input(area, 100).height.saturating_sub(3));
    if lines.len() > room {
        // Keep the end (where the cursor usually is) in view.
        lines.drain(..lines.len() - room);
    }
    let rect = layout::input(area, lines.len() as u16);
    lines.push(foot);
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block(theme, title, true)), rect);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_at_the_cursor() {
        let mut input = Input::new(Purpose::NoteClause, "héllo".into());
        input.edit(&Action::CursorLeft);
        input.edit(&Action::CursorLeft);
        input.edit(&Action::Backspace);
        assert_eq!(input.text, "hélo");
        input.edit(&Action::Type('L'));
        assert_eq!(input.split(), ("héL", "l", "o"));
        input.edit(&Action::CursorEnd);
        assert_eq!(input.split(), ("héLlo", " ", ""));
        input.edit(&Action::ClearInput);
        assert_eq!((input.text.as_str(), input.cursor), ("", 0));
    }

    #[test]
    fn pasted_text_is_sanitised() {
        let mut input = Input::new(Purpose::Search, String::new());
        input.edit(&Action::Paste("work\x1b[31m\nproduct".into()));
        assert_eq!(input.text, "work[31m product");
        let mut revision = Input::new(Purpose::Revision, String::new());
        revision.edit(&Action::Paste("a\r\nb".into()));
        assert_eq!(revision.text, "a\nb");
    }
}
