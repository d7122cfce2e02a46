//! The fee-uplift calculator: the project fee, what each uplift for full IP transfer adds, the
//! offers made and the client's answers, and the keys that record them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::Overlay;
use crate::fee::money as format_money;
use crate::session::OfferAnswer;
use crate::tui::app::App;
use crate::tui::input::{Input, Purpose};
use crate::tui::keymap::Action;
use crate::tui::layout;
use crate::tui::list;
use crate::tui::theme::Theme;
use crate::tui::ui::block;
use crate::tui::wrap::{pad, wrap};
use crate::workspace::Workspace;
use crate::workspace::fee::{self, format_percent};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct FeeView {
    /// 0..=2 the standard uplifts, 3 the custom one.
    pub row: usize,
    pub custom: Option<f64>,
}

impl FeeView {
    pub const ROWS: usize = crate::fee::BAND.len() + 1;
}

impl App<'_> {
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

    pub(super) fn update_fee(&mut self, action: &Action) {
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
}

pub fn render(view: &FeeView, ws: &Workspace<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    let session = ws.session();
    let rect = layout::fee(area);
    frame.render_widget(Clear, rect);
    let mut lines = Vec::new();
    let currency = session.fee.as_ref().map_or("USD", |f| f.currency.as_str());
    match &session.fee {
        Some(f) => lines.push(Line::from(vec![
            Span::styled("Project fee  ", theme.dim),
            Span::styled(format_money(f.amount, &f.currency), theme.title),
        ])),
        None => lines.push(Line::styled("No project fee yet.", theme.dim)),
    }
    lines.push(Line::default());
    lines.push(Line::styled(format!("  {:<10}{:>16}{:>18}", "Uplift", "In money", "New total"), theme.heading));
    for (row, (percent, amount)) in ws.uplifts(view.custom).into_iter().enumerate() {
        let marker = if row == view.row { "▸ " } else { "  " };
        let money = amount.map_or_else(|| "—".to_owned(), |a| format!("+{}", format_money(a, currency)));
        let total = match (amount, &session.fee) {
            (Some(a), Some(f)) => format_money(f.amount + a, currency),
            _ => "—".to_owned(),
        };
        let line = Line::from(format!("{marker}{:<10}{money:>16}{total:>18}", format_percent(percent)));
        lines.push(if row == view.row { pad(line, 46).patch_style(theme.selected) } else { line });
    }
    if view.custom.is_none() {
        let marker = if view.row == FeeView::ROWS - 1 { "▸ " } else { "  " };
        let line = Line::from(vec![Span::raw(marker), Span::styled("custom percentage…", theme.dim)]);
        lines.push(if view.row == FeeView::ROWS - 1 { pad(line, 46).patch_style(theme.selected) } else { line });
    }
    lines.push(Line::default());
    // The latest offers, each in the currency it was made in; the box has room for three.
    let earlier = session.offers.len().saturating_sub(3);
    if session.offers.is_empty() {
        lines.push(Line::styled("No uplift offered yet.", theme.dim));
    } else if earlier > 0 {
        lines.push(Line::styled(
            format!("{earlier} earlier offer{} (session show lists them)", if earlier == 1 { "" } else { "s" }),
            theme.dim,
        ));
    }
    for (i, offer) in session.offers.iter().enumerate().skip(earlier) {
        lines.push(Line::from(vec![
            Span::styled(if i + 1 == session.offers.len() { "Offered  " } else { "Before   " }, theme.dim),
            Span::styled(format!("{} = {}", format_percent(offer.percent), format_money(offer.amount, &offer.currency)), theme.title),
            Span::styled(format!(" · {} · ", crate::tui::wrap::short_time(&offer.at)), theme.dim),
            Span::styled(offer.answer.label(), theme.state(offer_state(offer.answer))),
        ]));
    }
    lines.push(Line::default());
    lines.extend(wrap(
        &[("Full IP transfer costs 20-40% more: price it when the client will not budge.", theme.dim)],
        usize::from(layout::inner(rect).width),
    ));
    frame.render_widget(Paragraph::new(lines).block(block(theme, " Fee uplift for full IP transfer ", true)), rect);
}

/// The client's answer to the uplift, styled like a decision.
fn offer_state(answer: OfferAnswer) -> crate::session::DecisionState {
    match answer {
        OfferAnswer::Open => crate::session::DecisionState::Open,
        OfferAnswer::Accepted => crate::session::DecisionState::Accepted,
        OfferAnswer::Declined => crate::session::DecisionState::Rejected,
    }
}
