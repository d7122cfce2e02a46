//! The comparison screen (heading and totals, the list of changes, the selected one's detail)
//! and the picker window that chooses what to compare with.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{block, window};
use crate::compare::Mode;
use crate::text::one_line;
use crate::tui::app::{App, CompareView};
use crate::tui::layout;
use crate::tui::list::{self, Pointer};
use crate::tui::view::compare::{mark, totals};
use crate::tui::wrap::truncate;

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
    frame.render_widget(Paragraph::new(rows).block(block(&app.theme, title, !view.text_focus)), areas.list);

    let height = layout::inner(areas.detail).height;
    let paragraph = Paragraph::new(window(&app.view.compare, view.scroll, height)).block(block(&app.theme, " Detail ", view.text_focus));
    frame.render_widget(paragraph, areas.detail);
}
