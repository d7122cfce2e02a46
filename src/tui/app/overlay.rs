//! The windows over the main screen: help, the fee-uplift calculator and the library browser,
//! with what each remembers while open and how keys act on it.

use super::{App, Effect};
use crate::tui::input::{Input, Purpose};
use crate::tui::keymap::Action;
use crate::tui::list;
use crate::workspace::fee;

#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    Fee(FeeView),
    Library(LibraryView),
    /// What to compare the current round with.
    Pick(super::compare::PickView),
    /// Which clause a pasted wording that names several is for.
    Route(super::edit::RouteView),
    /// Who the agency is.
    Agency(super::agency::AgencyView),
}

impl Overlay {
    /// Mouse wheel over a window scrolls its text.
    pub fn scroll(&mut self, delta: isize) {
        match self {
            Overlay::Help { scroll } => *scroll = scroll.saturating_add_signed(delta),
            Overlay::Library(l) => l.scroll = l.scroll.saturating_add_signed(delta),
            Overlay::Fee(_) | Overlay::Pick(_) | Overlay::Route(_) | Overlay::Agency(_) => {}
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct FeeView {
    /// 0..=2 the standard uplifts, 3 the custom one.
    pub row: usize,
    pub custom: Option<f64>,
}

impl FeeView {
    pub const ROWS: usize = crate::fee::BAND.len() + 1;
}

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
    pub(crate) fn update_overlay(&mut self, action: &Action) {
        if *action == Action::Close {
            if let Some(Overlay::Library(l)) = &self.overlay
                && !l.filter.is_empty()
            {
                self.filter_library("");
                return;
            }
            if let Some(Overlay::Route(route)) = self.overlay.take() {
                self.info("cancelled; r brings the pasted wording back");
                self.drafts.retain(|(p, _)| *p != Purpose::Revision);
                self.drafts.push((Purpose::Revision, route.text));
            }
            self.overlay = None;
            return;
        }
        let help_half = crate::tui::layout::inner(crate::tui::layout::help(self.area())).height / 2;
        match &mut self.overlay {
            Some(Overlay::Help { scroll }) => {
                // Past the end is clamped when the help is laid out again (`refresh`).
                *scroll = scroll.saturating_add_signed(crate::tui::list::step(action, isize::try_from(help_half.max(1)).unwrap_or(1)));
            }
            Some(Overlay::Fee(_)) => self.update_fee(action),
            Some(Overlay::Library(_)) => self.update_library(action),
            Some(Overlay::Pick(_)) => self.update_pick(action),
            Some(Overlay::Route(_)) => self.update_route(action),
            Some(Overlay::Agency(_)) => self.update_agency(action),
            None => {}
        }
    }

    pub(crate) fn open_fee(&mut self) {
        self.overlay = Some(Overlay::Fee(FeeView::default()));
        if self.ws.session().fee.is_none() {
            self.open_input(Purpose::Fee);
        }
    }

    fn fee_view(&mut self) -> Option<&mut FeeView> {
        match &mut self.overlay {
            Some(Overlay::Fee(f)) => Some(f),
            _ => None,
        }
    }

    fn update_fee(&mut self, action: &Action) {
        let Some(view) = self.fee_view() else { return };
        match action {
            Action::Down | Action::Up => view.row = list::moved(view.row, list::step(action, 1), FeeView::ROWS),
            Action::Activate => {
                let percent = crate::fee::BAND.get(view.row).copied().or(view.custom);
                match percent {
                    None => self.open_input(Purpose::Percent),
                    Some(_) if self.ws.session().fee.is_none() => self.open_input(Purpose::Fee),
                    Some(p) => {
                        let outcome = self.ws.offer_fee(p);
                        let amount = self.ws.session().latest_offer().map(|o| o.amount).unwrap_or_default();
                        let money = crate::fee::money(amount, self.ws.session().fee.as_ref().map_or("USD", |f| f.currency.as_str()));
                        self.saved(&format!("offered a {} uplift ({money})", fee::format_percent(p)), outcome);
                    }
                }
            }
            Action::EditFee => {
                let current = self.ws.session().fee.as_ref().map(|f| format!("{} {}", f.amount, f.currency)).unwrap_or_default();
                self.input = Some(Input::new(Purpose::Fee, current));
            }
            Action::CustomPercent => self.open_input(Purpose::Percent),
            Action::OfferAccepted | Action::OfferDeclined => {
                let accepted = *action == Action::OfferAccepted;
                let outcome = self.ws.answer_offer(accepted);
                self.saved(if accepted { "the client accepted the uplift" } else { "the client declined the uplift" }, outcome);
            }
            _ => {}
        }
    }

    pub(crate) fn submit_fee(&mut self, text: &str) -> Result<(), String> {
        let outcome = self.ws.set_fee(text);
        let shown = self.ws.session().fee.as_ref().map(|f| crate::fee::money(f.amount, &f.currency)).unwrap_or_default();
        let how = outcome.as_ref().ok().and_then(|(_, note)| note.as_ref()).map(|n| format!(" ({n})")).unwrap_or_default();
        if self.saved(&format!("project fee set to {shown}{how}"), outcome.map(|(saved, _)| saved)) {
            if self.fee_view().is_none() {
                self.overlay = Some(Overlay::Fee(FeeView::default()));
            }
            Ok(())
        } else {
            Err(self.message.take().map(|m| m.text).unwrap_or_default())
        }
    }

    pub(crate) fn submit_percent(&mut self, text: &str) -> Result<(), String> {
        let percent = fee::parse_percent(text).map_err(|e| e.to_string())?;
        if let Some(view) = self.fee_view() {
            view.custom = Some(percent);
            view.row = FeeView::ROWS - 1;
        }
        Ok(())
    }

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

    fn update_library(&mut self, action: &Action) {
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
