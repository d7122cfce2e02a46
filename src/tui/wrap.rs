//! Word wrapping of styled text into lines of a given width, done once per change rather than
//! per frame, so the views know their height and draw only the lines on screen.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// Wraps styled pieces of text at `width` columns. Line breaks in the text are kept; spaces at
/// a soft wrap are dropped; a word longer than the width is cut.
pub fn wrap(pieces: &[(&str, Style)], width: usize) -> Vec<Line<'static>> {
    let mut w = Wrapper {
        width: width.max(1),
        lines: Vec::new(),
        line: Vec::new(),
        col: 0,
        soft: false,
        word: Vec::new(),
        word_width: 0,
        space: Vec::new(),
    };
    for &(text, style) in pieces {
        for c in text.chars() {
            if c == '\n' {
                w.flush_word();
                w.space.clear();
                w.break_line(false);
            } else if c.is_whitespace() {
                w.flush_word();
                w.space.push((' ', style));
            } else {
                push_char(&mut w.word, c, style);
                w.word_width += c.width().unwrap_or(0);
            }
        }
    }
    w.flush_word();
    if !w.line.is_empty() || w.lines.is_empty() {
        w.break_line(false);
    }
    w.lines
}

/// Wraps like `wrap` with every line after the first indented by `indent` columns.
pub fn hanging(pieces: &[(&str, Style)], indent: usize, width: usize) -> Vec<Line<'static>> {
    let mut lines = wrap(pieces, width.saturating_sub(indent).max(1));
    for line in lines.iter_mut().skip(1) {
        line.spans.insert(0, Span::raw(" ".repeat(indent)));
    }
    lines
}

/// Pads `line` with spaces to `width` columns.
pub fn pad(mut line: Line<'static>, width: usize) -> Line<'static> {
    let used = line.width();
    if used < width {
        line.spans.push(Span::raw(" ".repeat(width - used)));
    }
    line
}

struct Wrapper {
    width: usize,
    lines: Vec<Line<'static>>,
    line: Vec<(String, Style)>,
    col: usize,
    /// Whether the current line began at a soft wrap (its leading spaces are dropped).
    soft: bool,
    word: Vec<(String, Style)>,
    word_width: usize,
    space: Vec<(char, Style)>,
}

fn push_char(pieces: &mut Vec<(String, Style)>, c: char, style: Style) {
    match pieces.last_mut() {
        Some((text, s)) if *s == style => text.push(c),
        _ => pieces.push((c.to_string(), style)),
    }
}

impl Wrapper {
    fn break_line(&mut self, soft: bool) {
        let spans: Vec<Span<'static>> = self.line.drain(..).map(|(t, s)| Span::styled(t, s)).collect();
        self.lines.push(Line::from(spans));
        self.col = 0;
        self.soft = soft;
    }

    fn flush_word(&mut self) {
        if self.word.is_empty() {
            return;
        }
        let mut space: Vec<(char, Style)> = std::mem::take(&mut self.space);
        let keep_space = !(self.col == 0 && self.soft);
        // Indentation at the start of a line is kept; a run of spaces inside one is one space.
        if self.col > 0 {
            space.truncate(1);
        }
        let space_width = if keep_space { space.len() } else { 0 };
        if self.col + space_width + self.word_width > self.width && self.col > 0 {
            self.break_line(true);
        } else if keep_space {
            for (c, s) in space {
                push_char(&mut self.line, c, s);
            }
            self.col += space_width;
        }
        let word = std::mem::take(&mut self.word);
        let word_width = std::mem::replace(&mut self.word_width, 0);
        if self.col + word_width <= self.width {
            for (t, s) in word {
                match self.line.last_mut() {
                    Some((text, style)) if *style == s => text.push_str(&t),
                    _ => self.line.push((t, s)),
                }
            }
            self.col += word_width;
            return;
        }
        // Longer than a line: cut it wherever the line is full.
        for (t, s) in word {
            for c in t.chars() {
                let cw = c.width().unwrap_or(0);
                if self.col + cw > self.width && self.col > 0 {
                    self.break_line(true);
                }
                push_char(&mut self.line, c, s);
                self.col += cw;
            }
        }
    }
}

/// `text` cut to `width` columns with an ellipsis.
pub fn truncate(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    if unicode_width::UnicodeWidthStr::width(text) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// A section rule: `── title ──────`, as wide as the pane.
pub fn rule(title: &str, width: usize, style: Style) -> Line<'static> {
    let head = format!("── {title} ");
    let used = unicode_width::UnicodeWidthStr::width(head.as_str());
    Line::from(Span::styled(format!("{head}{}", "─".repeat(width.saturating_sub(used))), style))
}

/// `2025-03-04T10:42:13Z` as `2025-03-04 10:42`.
pub fn short_time(at: &str) -> String {
    at.get(..16).map_or_else(|| at.to_owned(), |t| t.replacen('T', " ", 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    fn text(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect()).collect()
    }

    #[test]
    fn wraps_at_word_boundaries_and_keeps_breaks() {
        let lines = wrap(&[("all work product created during\nthe engagement", Style::new())], 12);
        assert_eq!(text(&lines), ["all work", "product", "created", "during", "the", "engagement"]);
    }

    #[test]
    fn keeps_styles_across_a_wrap() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let lines = wrap(&[("the ", Style::new()), ("work product", bold), (" is", Style::new())], 9);
        assert_eq!(text(&lines), ["the work", "product", "is"]);
        assert_eq!(lines[0].spans[1].style, bold);
        assert_eq!(lines[1].spans[0].style, bold);
    }

    #[test]
    fn cuts_words_longer_than_a_line() {
        let lines = wrap(&[("abcdefghij xy", Style::new())], 4);
        assert_eq!(text(&lines), ["abcd", "efgh", "ij", "xy"]);
        assert!(lines.iter().all(|l| l.width() <= 4));
    }

    #[test]
    fn collapses_runs_of_spaces_inside_a_line() {
        let lines = wrap(&[("a   **b**  c", Style::new())], 40);
        assert_eq!(text(&lines), ["a **b** c"]);
    }

    #[test]
    fn keeps_indentation_after_a_hard_break() {
        let lines = wrap(&[("1. Terms\n   (a) first", Style::new())], 40);
        assert_eq!(text(&lines), ["1. Terms", "   (a) first"]);
        assert_eq!(text(&wrap(&[("", Style::new())], 10)), [""]);
    }
}
