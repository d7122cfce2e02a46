//! The comparison screen, in place of the main screen: the current round against another round
//! or another deal, computed once on a worker thread while keys keep working; its state, its
//! keys and its drawing (heading and totals, the list of changes, the selected one's detail).
//! What each row and detail says is in `rows`.

mod rows;

use std::sync::mpsc;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub use rows::{Item, Row, Tone};

use super::app::App;
use super::list::{self, Pointer, Search};
use super::theme::Theme;
use super::ui::{block, window};
use super::wrap::truncate;
use crate::analysis::Analysis;
use crate::compare::{self, Comparison, Mode, Side};
use crate::ingest::Document;
use crate::library::ClauseLibrary;
use crate::registry::Registry;
use crate::review::{Deal, Review};
use crate::session::{Session, SessionStore};
use crate::text::one_line;
use crate::tui::input::Purpose;
use crate::tui::keymap::Action;
use crate::tui::layout;
use crate::tui::window::Target;

/// A comparison running on a worker thread, so keys keep working meanwhile.
#[derive(Debug)]
pub struct Comparing {
    /// What the current round is being compared with, as the status bar says it.
    pub with: String,
    result: mpsc::Receiver<Result<CompareView, String>>,
}

/// Everything a comparison needs, owned, so it can run off the input thread.
struct CompareJob {
    library: ClauseLibrary,
    registry: Option<Registry>,
    /// The current round's deal.
    deal: Deal,
    session: Session,
    round: u32,
    document: Document,
    analysis: Analysis,
    store: Option<SessionStore>,
    target: Target,
}

impl CompareJob {
    /// Reviews the other side (for its own deal) and compares it with the current round.
    fn run(self) -> Result<CompareView, String> {
        let Self { library, registry, deal, session, round: current, document: current_doc, analysis: current_analysis, store, target } =
            self;
        let (other, number, mode, other_deal) = match &target {
            Target::Round { number, .. } => (session.clone(), *number, Mode::Rounds, deal),
            Target::Session(name) => {
                let store = store.as_ref().ok_or_else(|| format!("cannot open session {name}: no session folder"))?;
                let other = store.load(name).map_err(|e| e.to_string())?;
                let number = other.latest_round().number;
                let other_deal = Deal::default().or_session(&other);
                (other, number, Mode::Deals, other_deal)
            }
        };
        let round = other.round(number).ok_or_else(|| format!("session {} has no round {number}", other.name))?;
        let mut doc: Document = round.document();
        doc.path = format!("{}:{number}", other.name).into();
        let label = |name: &str, number: u32, file: &str| format!("{name}:{number} ({})", crate::text::one_line(file));
        let old_label = label(&other.name, number, &round.file_name);
        // Two rounds are aligned while the other round's rules run; the clauses it shares
        // with the current round take the current round's results.
        let align = |clauses: &[crate::segment::Clause]| {
            (mode == Mode::Rounds)
                .then(|| compare::align_rounds((&doc, &compare::clause_spans(clauses)), (&current_doc, &compare::spans(&current_analysis))))
        };
        let review = Review::new(&library, registry.as_ref());
        let (analysis, aligned) = review.analyze_next_beside((&current_doc, &current_analysis), &doc, &other_deal, align);
        let file = session.round(current).map_or_else(String::new, |r| r.file_name.clone());
        let old = Side { label: old_label, doc: &doc, analysis: &analysis, negotiation: Some(compare::negotiation(&other, number, &doc)) };
        let new = Side {
            label: label(&session.name, current, &file),
            doc: &current_doc,
            analysis: &current_analysis,
            negotiation: Some(compare::negotiation(&session, current, &current_doc)),
        };
        let comparison = match aligned {
            Some(aligned) => compare::compare_rounds(&old, &new, &library, aligned),
            None => compare::compare(&old, &new, &library, mode),
        };
        let rows = rows::rows(&comparison, &doc, &current_doc, &library);
        Ok(CompareView { comparison, rows, selected: 0, offset: 0, text_focus: false, scroll: 0, search: None, detail: Vec::new() })
    }
}

/// A comparison on screen. Computed once when opened; moving only changes the selection.
#[derive(Debug, Clone)]
pub struct CompareView {
    pub comparison: Comparison,
    /// The list's rows: what each shows and where it points in the comparison.
    pub rows: Vec<Row>,
    pub selected: usize,
    pub offset: usize,
    /// Whether j/k scroll the detail rather than move in the list.
    pub text_focus: bool,
    pub scroll: usize,
    pub search: Option<Search>,
    /// The selected row's detail at the current width, made once per change.
    detail: Vec<Line<'static>>,
}

impl App<'_> {
    /// Starts comparing the current round with `target` on a worker thread; the result is
    /// taken by [`App::poll_work`]. One comparison at a time.
    pub(crate) fn start_comparison(&mut self, target: Target) {
        if let Some(running) = &self.comparing {
            self.info(format!("already comparing with {}… (Esc cancels)", running.with));
            return;
        }
        let job = CompareJob {
            library: self.ws.library().clone(),
            registry: self.ws.review().registry().cloned(),
            deal: self.ws.deal().clone(),
            session: self.ws.session().clone(),
            round: self.ws.round(),
            document: self.ws.document().clone(),
            analysis: self.ws.analysis().clone(),
            store: self.store.clone(),
            target,
        };
        let with = job.target.label();
        let (send, result) = mpsc::channel();
        let spawned = std::thread::Builder::new().name("compare".into()).spawn(move || {
            // The receiver is gone when the comparison was cancelled: nothing to do.
            let _ = send.send(job.run());
        });
        match spawned {
            Ok(_) => self.comparing = Some(Comparing { with, result }),
            Err(e) => self.error(format!("cannot start the comparison: {e}")),
        }
    }

    /// Takes the running comparison's result when it is ready (waiting for it when `wait`) and
    /// shows it; true when the screen changed.
    pub fn poll_work(&mut self, wait: bool) -> bool {
        let Some(running) = &self.comparing else { return false };
        let outcome = if wait {
            running.result.recv().ok()
        } else {
            match running.result.try_recv() {
                Ok(outcome) => Some(outcome),
                Err(mpsc::TryRecvError::Empty) => return false,
                Err(mpsc::TryRecvError::Disconnected) => None,
            }
        };
        self.comparing = None;
        match outcome {
            Some(Ok(view)) => {
                let c = &view.comparison;
                self.info(format!("compared {} with {}", c.new.label, c.old.label));
                self.screen.show_comparison(view);
            }
            Some(Err(why)) => self.error(why),
            None => self.error("the comparison stopped before it finished: nothing to show"),
        }
        self.refresh();
        true
    }

    /// Esc while comparing: stops waiting for the result.
    pub(crate) fn cancel_comparison(&mut self) {
        if let Some(running) = self.comparing.take() {
            self.info(format!("comparison with {} cancelled", running.with));
        }
    }

    pub(crate) fn update_compare(&mut self, action: &Action) {
        if *action != Action::Quit {
            self.quit_armed = false;
        }
        let list_height = self.compare_list_height();
        let half = isize::try_from(list_height / 2).unwrap_or(1).max(1);
        let Some(view) = self.screen.comparison_mut() else { return };
        let step = list::step(action, half);
        if step != 0 {
            if view.text_focus {
                view.scroll = view.scroll.saturating_add_signed(step);
            } else {
                view.select(view.selected.saturating_add_signed(step), list_height);
            }
            return;
        }
        match action {
            Action::Quit => self.quit_unless_unsaved(),
            Action::ToggleHelp => self.overlay = Some(crate::tui::window::Overlay::Help { scroll: 0 }),
            Action::Close if view.search.is_some() => {
                view.search = None;
                self.info("search cleared");
            }
            Action::Close => {
                self.screen.close_comparison();
                self.info("comparison closed");
            }
            Action::NextPane | Action::PrevPane => view.text_focus = !view.text_focus,
            Action::Activate => view.text_focus = true,
            Action::Search => self.open_input(Purpose::Search),
            Action::SearchNext => self.compare_search_step(true),
            Action::SearchPrev => self.compare_search_step(false),
            Action::OpenCompare => self.open_picker(),
            _ => {}
        }
    }

    fn compare_list_height(&self) -> usize {
        usize::from(layout::inner(layout::Compare::new(self.area()).list).height)
    }

    /// `/` on the comparison: the first row from the selection whose label, wording or concerns match.
    pub(crate) fn compare_search(&mut self, query: &str) -> Result<(), String> {
        let height = self.compare_list_height();
        let Some(view) = self.screen.comparison_mut() else { return Ok(()) };
        if query.trim().is_empty() {
            view.search = None;
            return Ok(());
        }
        let search = Search::new(query)?;
        let found =
            view.find(&search.pattern, view.selected, true, true).ok_or_else(|| format!("no change mentions \"{}\"", search.query))?;
        view.select(found, height);
        view.search = Some(search);
        self.info(format!("found \"{}\" (n next, N previous, Esc clears)", query.trim()));
        Ok(())
    }

    fn compare_search_step(&mut self, forward: bool) {
        let height = self.compare_list_height();
        let Some(view) = self.screen.comparison_mut() else { return };
        let Some(pattern) = view.search.as_ref().map(|s| s.pattern.clone()) else {
            self.info("no search yet: press / to search");
            return;
        };
        match view.find(&pattern, view.selected, forward, false) {
            Some(row) => {
                let wrapped = list::wrapped(view.selected, row, forward);
                view.select(row, height);
                if wrapped {
                    self.info("search wrapped around");
                }
            }
            None => self.error("no more matches"),
        }
    }

    /// The mouse wheel over the list moves its selection, over the detail scrolls it.
    pub(crate) fn compare_wheel(&mut self, at: ratatui::layout::Position, delta: isize) {
        let areas = layout::Compare::new(self.area());
        let Some(view) = self.screen.comparison_mut() else { return };
        if areas.list.contains(at) {
            let height = usize::from(layout::inner(areas.list).height);
            view.select(view.selected.saturating_add_signed(delta), height);
        } else {
            view.scroll = view.scroll.saturating_add_signed(delta);
        }
    }

    pub(crate) fn compare_click(&mut self, column: u16, row: u16) {
        let areas = layout::Compare::new(self.area());
        let height = usize::from(layout::inner(areas.list).height);
        let Some(view) = self.screen.comparison_mut() else { return };
        let at = ratatui::layout::Position::new(column, row);
        let rows = layout::inner(areas.list);
        if rows.contains(at) {
            view.text_focus = false;
            if let Some(target) = list::clicked(view.offset, rows.y, row, view.rows.len()) {
                view.select(target, height);
            }
        } else if areas.detail.contains(at) {
            view.text_focus = true;
        }
    }
}

impl CompareView {
    /// Selects row `index` (clamped), scrolling the list to it and the detail to its top.
    pub fn select(&mut self, index: usize, height: usize) {
        self.selected = list::clamp(index, self.rows.len());
        self.scroll = 0;
        self.offset = list::follow(self.selected, self.offset, height);
    }

    /// Makes the selected row's detail at the detail pane's width in `area`, and keeps its
    /// scroll in range.
    pub(crate) fn refresh(&mut self, theme: &Theme, area: Rect) {
        let pane = layout::inner(layout::Compare::new(area).detail);
        self.detail =
            self.rows.get(self.selected).map_or_else(Vec::new, |row| rows::detail(&self.comparison, row, theme, usize::from(pane.width)));
        self.scroll = self.scroll.min(self.detail.len().saturating_sub(usize::from(pane.height)));
    }

    fn find(&self, pattern: &regex::Regex, from: usize, forward: bool, inclusive: bool) -> Option<usize> {
        list::find(self.rows.len(), from, forward, inclusive, |i| {
            pattern.is_match(&self.rows[i].text) || pattern.is_match(&self.rows[i].searchable)
        })
    }
}

/// Draws the comparison over the whole screen but the status and hint bars.
pub fn render(view: &CompareView, theme: &Theme, frame: &mut Frame, area: Rect) {
    let areas = layout::Compare::new(area);
    let c = &view.comparison;
    let width = usize::from(areas.heading.width);
    let how = if c.mode == Mode::Deals { "deal against deal, by library clause" } else { "round against round, by content" };
    let heading = vec![
        Line::from(vec![
            Span::styled(
                truncate(&format!(" {} → {}", one_line(&c.old.label), one_line(&c.new.label)), width.saturating_sub(how.len() + 3)),
                theme.title,
            ),
            Span::styled(format!(" · {how}"), theme.dim),
        ]),
        Line::styled(truncate(&format!(" {}", rows::totals(c)), width), theme.text),
    ];
    frame.render_widget(Paragraph::new(heading), areas.heading);

    let inner = layout::inner(areas.list);
    let row_width = usize::from(inner.width);
    let rows: Vec<Line> = view
        .rows
        .iter()
        .enumerate()
        .skip(view.offset)
        .take(usize::from(inner.height))
        .map(|(i, row)| {
            let selected = i == view.selected;
            let hit = view.search.as_ref().is_some_and(|s| s.pattern.is_match(&row.text) || s.pattern.is_match(&row.searchable));
            let text_style = if hit { theme.search_match } else { theme.text };
            let spans =
                vec![rows::mark(row, theme), Span::raw(" "), Span::styled(truncate(&row.text, row_width.saturating_sub(3)), text_style)];
            list::row(spans, selected, Pointer::Narrow, row_width, theme)
        })
        .collect();
    let search = view.search.as_ref().map(|s| format!(" · \"{}\"", one_line(&s.query))).unwrap_or_default();
    let title = format!(" Changes {}/{}{search} ", (view.selected + 1).min(view.rows.len()), view.rows.len());
    frame.render_widget(Paragraph::new(rows).block(block(theme, title, !view.text_focus)), areas.list);

    let height = layout::inner(areas.detail).height;
    let paragraph = Paragraph::new(window(&view.detail, view.scroll, height)).block(block(theme, " Detail ", view.text_focus));
    frame.render_widget(paragraph, areas.detail);
}
