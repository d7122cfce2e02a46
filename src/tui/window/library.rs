//! The library browser: the standard clauses (all, or those a search by words finds, best
//! first), the selected one whole, and copying its standard text.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Overlay;
use crate::library::{ClauseLibrary, StandardClause};
use crate::text::sanitize;
use crate::tui::app::{App, Effect};
use crate::tui::input::{Input, Purpose};
use crate::tui::keymap::Action;
use crate::tui::layout;
use crate::tui::list::{self, Pointer};
use crate::tui::theme::{Theme, badge};
use crate::tui::ui::{block, window};
use crate::tui::wrap::{hanging, rule, truncate, wrap};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct LibraryView {
    /// Indices into the library's clauses that pass the filter.
    pub visible: Vec<usize>,
    pub selected: usize,
    pub offset: usize,
    pub filter: String,
    /// Whether j/k scroll the text rather than move in the list.
    pub text_focus: bool,
    pub scroll: usize,
}

impl App<'_> {
    pub(crate) fn open_library(&mut self) {
        self.overlay = Some(Overlay::Library(LibraryView::default()));
        self.filter_library("");
    }

    /// Shows every standard clause, or those that share a word with `filter`, best match first.
    pub(crate) fn filter_library(&mut self, filter: &str) {
        let library = self.ws.library();
        let visible = if filter.trim().is_empty() { (0..library.clauses.len()).collect() } else { library.search(filter) };
        if visible.is_empty() {
            self.error(format!("no standard clause matches \"{}\"", crate::text::one_line(filter.trim())));
        }
        if let Some(Overlay::Library(view)) = &mut self.overlay {
            *view = LibraryView { visible, filter: filter.trim().to_owned(), ..LibraryView::default() };
        }
    }

    pub(super) fn update_library(&mut self, action: &Action) {
        let body = usize::from(crate::tui::layout::Areas::new(self.area()).body().height.saturating_sub(2));
        let Some(Overlay::Library(view)) = &mut self.overlay else { return };
        let half = isize::try_from(body / 2).unwrap_or(isize::MAX).max(1);
        let step = list::step(action, half);
        if step != 0 {
            if view.text_focus {
                view.scroll = view.scroll.saturating_add_signed(step);
            } else {
                view.selected = list::moved(view.selected, step, view.visible.len());
                view.scroll = 0;
                view.offset = list::follow(view.selected, view.offset, body);
            }
            return;
        }
        match action {
            Action::NextPane => view.text_focus = !view.text_focus,
            Action::FilterLibrary => {
                let current = view.filter.clone();
                self.input = Some(Input::new(Purpose::LibraryFilter, current));
            }
            Action::CopyStandard => {
                let clause = view.visible.get(view.selected).map(|&i| &self.ws.library().clauses[i]);
                if let Some(c) = clause {
                    let text = c.standard_text.clone();
                    self.info(format!("copied the standard text of {} to the clipboard", c.title));
                    self.effects.push(Effect::Copy(text));
                }
            }
            _ => {}
        }
    }
}

/// What the library browser says when a search finds nothing.
pub fn no_match(filter: &str, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let text = format!("No standard clause matches \"{}\". Try other words, or Esc to see them all.", sanitize(filter, false));
    wrap(&[(&text, theme.dim)], width)
}

pub fn lines(clause: &StandardClause, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(sanitize(&clause.title, false), theme.title)];
    let required = if clause.required { " · required" } else { "" };
    out.push(Line::styled(format!("{} · {}{required}", clause.id, clause.category.label()), theme.dim));
    let section = |out: &mut Vec<Line<'static>>, title: &str| {
        out.push(Line::default());
        out.push(rule(title, width, theme.heading));
    };
    section(&mut out, "Standard text");
    out.extend(wrap(&[(&sanitize(&clause.standard_text, true), theme.text)], width));
    section(&mut out, "Why it matters");
    out.extend(wrap(&[(&sanitize(&clause.why_it_matters, true), theme.text)], width));
    section(&mut out, "Fallback ladder");
    for (i, f) in clause.fallbacks.iter().enumerate() {
        out.push(Line::styled(format!("{}. {}", i + 1, f.kind.label()), theme.title));
        out.extend(hanging(&[("   Say: ", theme.dim), (&sanitize(&f.talking_point, false), theme.text)], 3, width));
        if !f.text.trim().is_empty() {
            out.extend(hanging(&[("   Text: ", theme.dim), (&format!("“{}”", sanitize(&f.text, false)), theme.quote)], 3, width));
        }
    }
    if !clause.rules.is_empty() || clause.missing.is_some() {
        section(&mut out, "Risky language it answers");
    }
    for r in &clause.rules {
        out.extend(wrap(
            &[
                (badge(r.severity), theme.severity(r.severity)),
                (" ", theme.text),
                (r.concern.id(), theme.title),
                (": ", theme.text),
                (&sanitize(&r.explanation.replace("{phrase}", "…"), false), theme.text),
            ],
            width,
        ));
    }
    if let Some(m) = &clause.missing {
        out.extend(wrap(
            &[
                (badge(m.severity), theme.severity(m.severity)),
                (" when missing: ", theme.title),
                (&sanitize(&m.explanation, false), theme.text),
            ],
            width,
        ));
    }
    if !clause.see_also.is_empty() {
        section(&mut out, "See also");
        out.push(Line::raw(clause.see_also.join(", ")));
    }
    out
}

pub fn render(view: &LibraryView, library: &ClauseLibrary, text: &[Line<'static>], theme: &Theme, frame: &mut Frame, body: Rect) {
    let (list_area, text_area) = layout::library(body);
    let inner = layout::inner(list_area);
    let clauses = &library.clauses;
    let rows: Vec<Line> = view
        .visible
        .iter()
        .enumerate()
        .skip(view.offset)
        .take(usize::from(inner.height))
        .map(|(row, &i)| {
            let text = truncate(&crate::text::one_line(&clauses[i].title), usize::from(inner.width).saturating_sub(2));
            list::row(vec![Span::raw(text)], row == view.selected, Pointer::Wide, usize::from(inner.width), theme)
        })
        .collect();
    let count = format!(" Library {}/{} ", view.visible.len(), clauses.len());
    let room = usize::from(inner.width).saturating_sub(count.chars().count() + 3);
    let title =
        if view.filter.is_empty() { count } else { format!("{count}\"{}\" ", truncate(&crate::text::one_line(&view.filter), room)) };
    frame.render_widget(Paragraph::new(rows).block(block(theme, title, !view.text_focus)), list_area);
    let height = layout::inner(text_area).height;
    frame.render_widget(
        Paragraph::new(window(text, view.scroll, height)).block(block(theme, " Standard clause ", view.text_focus)),
        text_area,
    );
}
