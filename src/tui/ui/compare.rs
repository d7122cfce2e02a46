//! The comparison screen (heading and totals, the list of changes, the selected one's detail)
//! and the picker window that chooses what to compare with.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::panes::truncate;
use super::{block, window};
use crate::compare::Mode;
use crate::text::one_line;
use crate::tui::app::{App, CompareView, PickView, Target};
use crate::tui::layout;
use crate::tui::list::{self, Pointer};
use crate::tui::view::compare::{mark, totals};

pub fn screen(app: &App<'_>, view: &CompareView, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
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
        Line::styled(truncate(&format!(" {}", totals(c)), width), theme.text),
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
            let spans = vec![mark(row, theme), Span::raw(" "), Span::styled(truncate(&row.text, row_width.saturating_sub(3)), text_style)];
            list::row(spans, selected, Pointer::Narrow, row_width, theme)
        })
        .collect();
    let search = view.search.as_ref().map(|s| format!(" · \"{}\"", one_line(&s.query))).unwrap_or_default();
    let title = format!(" Changes {}/{}{search} ", (view.selected + 1).min(view.rows.len()), view.rows.len());
    frame.render_widget(Paragraph::new(rows).block(block(app, title, !view.text_focus)), areas.list);

    let height = layout::inner(areas.detail).height;
    let paragraph = Paragraph::new(window(&app.view.compare, view.scroll, height)).block(block(app, " Detail ", view.text_focus));
    frame.render_widget(paragraph, areas.detail);
}

pub fn picker(app: &App<'_>, pick: &PickView, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let rect = layout::picker(area, pick.targets.len());
    frame.render_widget(Clear, rect);
    let inner = layout::inner(rect);
    let width = usize::from(inner.width);
    let mut lines = vec![Line::styled(format!("Round {} (current) against:", app.ws.round()), theme.dim)];
    let room = usize::from(inner.height).saturating_sub(1);
    for (i, target) in pick.targets.iter().enumerate().skip(list::follow(pick.selected, 0, room)).take(room) {
        let text = match target {
            Target::Round { number, file_name } => format!("round {number} of this session · {file_name}"),
            Target::Session(name) => format!("session {} · its latest round (another deal)", one_line(name)),
        };
        lines.push(list::row(vec![Span::raw(truncate(&text, width.saturating_sub(2)))], i == pick.selected, Pointer::Wide, width, theme));
    }
    frame.render_widget(Paragraph::new(lines).block(block(app, " Compare with ", true)), rect);
}
