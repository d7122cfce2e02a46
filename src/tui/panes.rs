//! The main screen: the clause list, the clause view and the finding detail. Its state is
//! [`ClausesScreen`] (list selection, scroll positions, focus); its keys are here and in
//! `navigate` and `edit`; the lines of the clause view and the detail are made once per change
//! from that state and the workspace (`clause`, `detail`) and drawn here (only the list's
//! visible rows are built).

mod clause;
mod detail;
mod edit;
mod issues;
mod navigate;

pub(crate) use clause::inline;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::ui::{block, window};
use crate::diff::Run;
use crate::session::DecisionState;
use crate::tui::app::App;
use crate::tui::input::Purpose;
use crate::tui::keymap::{Action, Context};
use crate::tui::layout::{self, Areas};
use crate::tui::list::{self, Pointer, Search};
use crate::tui::theme::{Theme, badge};
use crate::tui::window::Overlay;
use crate::tui::wrap::truncate;
use crate::workspace::{Entry, Workspace};

/// The three panes of the main screen, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    List,
    Clause,
    Detail,
}

/// The main screen's state: which entries the list shows and which is selected, the finding
/// and fallback rung selected in it, the focus and scroll of each pane, and the lines drawn.
#[derive(Debug, Clone, Default)]
pub struct ClausesScreen {
    pub focus: Pane,
    /// Positions in `ws.entries()` shown in the list (all, or only those with findings).
    pub visible: Vec<usize>,
    /// Index into `visible`.
    pub selected: usize,
    pub list_offset: usize,
    pub risky_only: bool,
    /// Index into the selected entry's findings.
    pub finding: usize,
    /// Index into the selected finding's fallback ladder.
    pub rung: usize,
    pub clause_scroll: usize,
    pub detail_scroll: usize,
    pub side_by_side: bool,
    pub search: Option<Search>,
    pub view: Lines,
}

/// What the panes show, worked out once per change instead of once per frame: the selected
/// clause's diffs and the wrapped lines of the clause view and the detail, so drawing only
/// copies the lines on screen.
#[derive(Debug, Clone, Default)]
pub struct Lines {
    pub diffs: Diffs,
    pub clause: Vec<Line<'static>>,
    pub detail: Vec<Line<'static>>,
    /// Scroll the clause view to the selected finding at the next refresh.
    pub follow_finding: bool,
    /// Scroll the detail pane to the selected rung at the next refresh.
    pub follow_rung: bool,
    /// How many times the diffs were computed (a test checks drawing never does it).
    pub diff_runs: usize,
}

impl ClausesScreen {
    /// The list of every entry in a workspace with `entries` of them, the first selected.
    pub fn new(entries: usize) -> Self {
        Self { visible: (0..entries).collect(), ..Self::default() }
    }

    /// Where the focused pane's key bindings are in the key table.
    pub fn context(&self) -> Context {
        match self.focus {
            Pane::List => Context::List,
            Pane::Clause => Context::Clause,
            Pane::Detail => Context::Detail,
        }
    }

    /// The entry selected in the list, if the list is not empty.
    pub fn entry(&self, ws: &Workspace<'_>) -> Option<Entry> {
        self.visible.get(self.selected).map(|&p| ws.entries()[p])
    }

    /// The list row showing `entry`, if the list shows it.
    pub fn row_of(&self, ws: &Workspace<'_>, entry: Entry) -> Option<usize> {
        self.visible.iter().position(|&p| ws.entries()[p] == entry)
    }

    /// Makes the clause view's and the detail's lines for the selected entry, scrolling to the
    /// selected finding and rung when asked, and keeps both scroll positions in range.
    pub(crate) fn refresh(&mut self, ws: &Workspace<'_>, theme: &Theme, areas: &Areas) {
        let entry = self.entry(ws);
        let key = entry.map(|e| (e, if let Entry::Clause(i) = e { ws.wording(i).revised.map_or(0, |r| r.count) } else { 0 }));
        if self.view.diffs.key != key {
            self.view.diffs = clause::diffs(ws, entry);
            self.view.diffs.key = key;
            self.view.diff_runs += 1;
        }

        let pane = layout::inner(areas.clause);
        let (lines, finding_line) = clause::lines(self, ws, theme, entry, usize::from(pane.width));
        self.view.clause = lines;
        let height = usize::from(pane.height);
        if std::mem::take(&mut self.view.follow_finding)
            && let Some(line) = finding_line.filter(|&l| l < self.clause_scroll || l >= self.clause_scroll + height)
        {
            self.clause_scroll = line.saturating_sub(height / 3);
        }
        self.clause_scroll = self.clause_scroll.min(self.view.clause.len().saturating_sub(height));

        let pane = layout::inner(areas.detail);
        let (lines, rung_lines) = detail::lines(self, ws, theme, entry, usize::from(pane.width));
        self.view.detail = lines;
        let height = usize::from(pane.height);
        if std::mem::take(&mut self.view.follow_rung)
            && let Some(&(start, end)) = rung_lines.get(self.rung)
        {
            if end > self.detail_scroll + height {
                self.detail_scroll = end.saturating_sub(height).min(start);
            } else if start < self.detail_scroll {
                self.detail_scroll = start;
            }
        }
        self.detail_scroll = self.detail_scroll.min(self.view.detail.len().saturating_sub(height));
    }
}

/// The cached diffs of one entry's wording.
#[derive(Debug, Clone, Default)]
pub struct Diffs {
    /// The entry and its revision count the diffs were made for.
    key: Option<(Entry, usize)>,
    /// Against the standard clause: its id and the runs from the client's wording to it.
    pub standard: Option<(String, Vec<Run>)>,
    /// From the wording before the latest revision to the revised wording.
    pub previous: Option<Vec<Run>>,
}

impl App<'_> {
    pub(crate) fn update_main(&mut self, action: &Action) {
        if *action != Action::Quit {
            self.quit_armed = false;
        }
        match action {
            Action::Quit => self.quit_unless_unsaved(),
            Action::ToggleHelp => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Close if self.comparing.is_some() => self.cancel_comparison(),
            Action::Close if self.screen.clauses().search.is_some() => {
                self.screen.clauses_mut().search = None;
                self.info("search cleared");
            }
            Action::NextPane => self.cycle_pane(true),
            Action::PrevPane => self.cycle_pane(false),
            Action::Down => self.move_in_pane(1),
            Action::Up => self.move_in_pane(-1),
            Action::PageDown => self.move_in_pane(self.half_page()),
            Action::PageUp => self.move_in_pane(-self.half_page()),
            Action::Top => self.move_in_pane(isize::MIN / 2),
            Action::Bottom => self.move_in_pane(isize::MAX / 2),
            Action::Activate => self.activate(),
            Action::NextFinding => self.jump_finding(true),
            Action::PrevFinding => self.jump_finding(false),
            Action::ToggleRiskyOnly => self.toggle_risky_only(),
            Action::ToggleSideBySide => {
                let clauses = self.screen.clauses_mut();
                clauses.side_by_side = !clauses.side_by_side;
                let side_by_side = clauses.side_by_side;
                self.info(if side_by_side { "diff side by side" } else { "diff inline" });
            }
            Action::Search => self.open_input(Purpose::Search),
            Action::SearchNext => self.search_step(true),
            Action::SearchPrev => self.search_step(false),
            Action::Accept | Action::Counter | Action::Reject | Action::Park | Action::Reopen => self.decide(action),
            Action::CopyCounter => self.copy_rung(true),
            Action::CopyTalkingPoint => self.copy_rung(false),
            Action::NoteClause => self.open_input(Purpose::NoteClause),
            Action::NoteSession => self.open_input(Purpose::NoteSession),
            Action::Revise => self.start_revision(String::new()),
            Action::UndoRevision => self.undo_revision(),
            Action::OpenFee => self.open_fee(),
            Action::OpenLibrary => self.open_library(),
            Action::OpenCompare => self.open_picker(),
            Action::OpenAgency => self.open_agency(),
            Action::ExportIssues => self.open_issues_export(),
            _ => {}
        }
    }
}

/// Draws the three panes.
pub fn render(screen: &ClausesScreen, ws: &Workspace<'_>, theme: &Theme, frame: &mut Frame, areas: &Areas) {
    list(screen, ws, theme, frame, areas.list);
    clause(screen, theme, frame, areas.clause);
    detail(screen, theme, frame, areas.detail);
}

/// The mark of an entry's decision state in the list.
pub fn state_mark(state: Option<DecisionState>) -> &'static str {
    match state {
        None => "·",
        Some(DecisionState::Open) => "○",
        Some(DecisionState::Accepted) => "✓",
        Some(DecisionState::Countered) => "↺",
        Some(DecisionState::Rejected) => "✗",
        Some(DecisionState::Parked) => "‖",
    }
}

pub fn list(screen: &ClausesScreen, ws: &Workspace<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let inner = layout::inner(area);
    let width = usize::from(inner.width);
    let rows: Vec<Line> = screen
        .visible
        .iter()
        .enumerate()
        .skip(screen.list_offset)
        .take(usize::from(inner.height))
        .map(|(row, &position)| {
            let entry = ws.entries()[position];
            let selected = row == screen.selected;
            let state = ws.state(entry);
            let mut spans = vec![match ws.worst(entry) {
                Some(s) => Span::styled(badge(s), theme.severity(s)),
                None => Span::raw("    "),
            }];
            spans.push(Span::raw(" "));
            spans.push(Span::styled(state_mark(state), state.map_or(theme.dim, |s| theme.state(s))));
            spans.push(Span::raw(" "));
            let mut label = crate::text::one_line(&ws.label(entry));
            if let crate::workspace::Entry::Clause(i) = entry
                && ws.clause(i).heading.is_none()
            {
                label = format!("{label} {}", ws.opening(i, width));
            }
            spans.push(Span::raw(truncate(&label, width.saturating_sub(8))));
            list::row(spans, selected, Pointer::Narrow, width, theme)
        })
        .collect();
    let filter = if screen.risky_only { "risky " } else { "" };
    let title = format!(" Clauses {filter}{}/{} ", (screen.selected + 1).min(screen.visible.len()), screen.visible.len());
    let paragraph = Paragraph::new(rows).block(block(theme, title, screen.focus == Pane::List));
    frame.render_widget(paragraph, area);
}

pub fn clause(screen: &ClausesScreen, theme: &Theme, frame: &mut Frame, area: Rect) {
    let height = layout::inner(area).height;
    let mode = if screen.side_by_side { "side by side" } else { "inline" };
    let title = format!(" Clause · diff {mode} ");
    let paragraph =
        Paragraph::new(window(&screen.view.clause, screen.clause_scroll, height)).block(block(theme, title, screen.focus == Pane::Clause));
    frame.render_widget(paragraph, area);
}

pub fn detail(screen: &ClausesScreen, theme: &Theme, frame: &mut Frame, area: Rect) {
    let height = layout::inner(area).height;
    let paragraph = Paragraph::new(window(&screen.view.detail, screen.detail_scroll, height)).block(block(
        theme,
        " Finding ",
        screen.focus == Pane::Detail,
    ));
    frame.render_widget(paragraph, area);
}

/// The standard clause an entry is compared with, for titles.
pub(crate) fn standard_title(standard: Option<&crate::library::StandardClause>) -> String {
    standard.map_or_else(String::new, |c| crate::text::one_line(&c.title))
}
