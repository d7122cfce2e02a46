//! The windows drawn over the main screen: help, the fee calculator, the library browser and
//! the input box.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::panes::truncate;
use super::{block, window};
use crate::fee::money as format_money;
use crate::session::OfferAnswer;
use crate::tui::app::{App, FeeView, LibraryView, RouteView};
use crate::tui::input::{Input, Purpose};
use crate::tui::keymap::{self, Action, Context};
use crate::tui::layout;
use crate::tui::list::{self, Pointer};
use crate::tui::wrap::{pad, wrap};
use crate::workspace::fee::format_percent;

pub fn help(app: &App<'_>, scroll: usize, frame: &mut Frame, area: Rect) {
    let rect = layout::help(area);
    frame.render_widget(Clear, rect);
    let height = layout::inner(rect).height;
    let paragraph = Paragraph::new(window(&app.view.overlay, scroll, height)).block(block(app, " Help: keys and marks ", true));
    frame.render_widget(paragraph, rect);
}

pub fn fee(app: &App<'_>, view: &FeeView, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let session = app.ws.session();
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
    for (row, (percent, amount)) in app.ws.uplifts(view.custom).into_iter().enumerate() {
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
            Span::styled(format!(" · {} · ", crate::tui::view::short_time(&offer.at)), theme.dim),
            Span::styled(offer.answer.label(), theme.state(offer_state(offer.answer))),
        ]));
    }
    lines.push(Line::default());
    lines.extend(wrap(
        &[("Full IP transfer costs 20-40% more: price it when the client will not budge.", theme.dim)],
        usize::from(layout::inner(rect).width),
    ));
    frame.render_widget(Paragraph::new(lines).block(block(app, " Fee uplift for full IP transfer ", true)), rect);
}

pub fn library(app: &App<'_>, view: &LibraryView, frame: &mut Frame, body: Rect) {
    let theme = &app.theme;
    let (list_area, text_area) = layout::library(body);
    let inner = layout::inner(list_area);
    let clauses = &app.ws.library().clauses;
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
    frame.render_widget(Paragraph::new(rows).block(block(app, title, !view.text_focus)), list_area);
    let height = layout::inner(text_area).height;
    frame.render_widget(
        Paragraph::new(window(&app.view.overlay, view.scroll, height)).block(block(app, " Standard clause ", view.text_focus)),
        text_area,
    );
}

/// The clauses a pasted wording may be for, and its first words.
pub fn route(app: &App<'_>, route: &RouteView, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let rect = layout::picker(area, route.clauses.len());
    frame.render_widget(Clear, rect);
    let width = usize::from(layout::inner(rect).width);
    let mut lines = vec![
        Line::styled(truncate(&format!("\"{}\"", crate::text::one_line(&route.text)), width), theme.dim),
        Line::styled("names more than one clause of the draft. It revises:", theme.dim),
    ];
    for (i, &clause) in route.clauses.iter().enumerate() {
        let c = app.ws.clause(clause);
        let opening = app.ws.opening(clause, width);
        // The opening repeats the heading the label already gives.
        let after_heading =
            c.heading.as_deref().and_then(|h| opening.strip_prefix(h)).map_or(opening.as_str(), |r| r.trim_start_matches(['.', ':', ' ']));
        let text = format!("{} · {after_heading}", c.label());
        let spans = vec![Span::raw(truncate(&crate::text::one_line(&text), width.saturating_sub(2)))];
        lines.push(list::row(spans, i == route.selected, Pointer::Wide, width, theme));
    }
    frame.render_widget(Paragraph::new(lines).block(block(app, " Which clause is the pasted wording for? ", true)), rect);
}

pub fn input(app: &App<'_>, input: &Input, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
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
    let title = match (input.purpose, app.entry()) {
        (Purpose::Revision, Some(entry)) => format!(" Client's revised wording of {} ", app.ws.label(entry)),
        _ => format!(" {} ", input.purpose.title()),
    };
    frame.render_widget(Paragraph::new(lines).block(block(app, title, true)), rect);
}

/// The client's answer to the uplift, styled like a decision.
fn offer_state(answer: OfferAnswer) -> crate::session::DecisionState {
    match answer {
        OfferAnswer::Open => crate::session::DecisionState::Open,
        OfferAnswer::Accepted => crate::session::DecisionState::Accepted,
        OfferAnswer::Declined => crate::session::DecisionState::Rejected,
    }
}
