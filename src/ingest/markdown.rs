//! Markdown drafts: markup and inline HTML are blanked out byte for byte, so the analysis
//! never sees them while every offset still points into the file as written.

/// Replaces Markdown markup and HTML tags with spaces, keeping the length and line breaks.
pub fn blank_markup(text: &str) -> String {
    let mut out = text.as_bytes().to_vec();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut line_start = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            line_start = true;
            i += 1;
            continue;
        }
        if line_start {
            // Heading hashes, block quotes, bullets and horizontal rules at the start of a line.
            let mut j = i;
            while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t') {
                j += 1;
            }
            // "2. ### Definitions": a heading inside a numbered list item keeps its number.
            let digits = bytes[j..].iter().take_while(|c| c.is_ascii_digit()).count();
            if digits > 0 && bytes.get(j + digits).is_some_and(|c| matches!(c, b'.' | b')')) && bytes.get(j + digits + 1) == Some(&b' ') {
                let heading = j + digits + 1 + bytes[j + digits + 1..].iter().take_while(|&&c| c == b' ').count();
                if bytes.get(heading) == Some(&b'#') {
                    j = heading;
                }
            }
            let mut k = j;
            while k < bytes.len() && matches!(bytes[k], b'#' | b'>') {
                k += 1;
            }
            if k == j && k + 1 < bytes.len() && matches!(bytes[k], b'-' | b'*' | b'+') && bytes[k + 1] == b' ' {
                k += 1;
            }
            out[j..k].fill(b' ');
            line_start = false;
            i = k;
            continue;
        }
        match b {
            b'<' => {
                // An HTML tag or comment: `<span ...>`, `</span>`, `<!-- -->`, `<br/>`.
                if let Some(len) = tag_len(&bytes[i..]) {
                    blank(&mut out[i..i + len]);
                    i += len;
                    continue;
                }
            }
            b'*' | b'_' | b'`' | b'~' => {
                let mut j = i;
                while j < bytes.len() && bytes[j] == b {
                    j += 1;
                }
                // Emphasis markers touch a word on one side; a lone `_` inside a word stays, and
                // so does a blank to fill in ("license: ________", "<span>___</span>"), which
                // touches none, or is four or more long ("address 0x____"), and is not the whole
                // line (a rule).
                let word = |k: Option<&u8>| k.is_some_and(u8::is_ascii_alphanumeric);
                let (before, after) = (word(i.checked_sub(1).and_then(|k| bytes.get(k))), word(bytes.get(j)));
                let inside_word = before && after;
                let line = &text[text[..i].rfind('\n').map_or(0, |k| k + 1)..text[j..].find('\n').map_or(text.len(), |k| j + k)];
                let fill_in = b == b'_' && (j - i >= 4 || j - i >= 3 && !before && !after) && line.trim() != &text[i..j];
                if !inside_word && !fill_in {
                    out[i..j].fill(b' ');
                }
                i = j;
                continue;
            }
            b'\\' if i + 1 < bytes.len() && bytes[i + 1].is_ascii_punctuation() => out[i] = b' ',
            b']' if bytes.get(i + 1) == Some(&b'(') => {
                if let Some(close) = bytes[i..].iter().position(|&c| c == b')' || c == b'\n').filter(|&p| bytes[i + p] == b')') {
                    blank(&mut out[i..=i + close]);
                    i += close + 1;
                    continue;
                }
            }
            // A defined term marked as templates mark it ("[[Covered Inventions]] means ...",
            // Open Agreements' Markdown) reads as a quoted term: `"Covered Inventions" means`.
            b'[' if bytes.get(i + 1) == Some(&b'[') && wiki_term(&bytes[i + 2..]).is_some() => {
                let len = wiki_term(&bytes[i + 2..]).unwrap_or(0);
                out[i] = b' ';
                out[i + 1] = b'"';
                out[i + 2 + len] = b'"';
                out[i + 3 + len] = b' ';
                i += len + 4;
                continue;
            }
            // A link's text opens with "[" ("[text](url)"); a placeholder ("[Client Name]") keeps
            // its brackets, as the draft's reader sees them.
            b'[' if link_text(&bytes[i..]) => out[i] = b' ',
            b'&' => {
                // `&quot;` and its kind, as drafts converted from HTML carry them: the character,
                // then spaces to the entity's length.
                if let Some((len, c)) = entity(&bytes[i..]) {
                    out[i] = c;
                    out[i + 1..i + len].fill(b' ');
                    i += len;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    // Only ASCII bytes were replaced by ASCII spaces, so the result is still valid UTF-8.
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

/// Whether `s` (at a `[`) opens a link's text: a `]` on the same line followed by `(`.
fn link_text(s: &[u8]) -> bool {
    s.iter().position(|&c| c == b']' || c == b'\n').is_some_and(|k| s[k] == b']' && s.get(k + 1) == Some(&b'('))
}

/// The length of a term closed by `]]` on the same line (`s` starts after the `[[`): words,
/// not another bracket.
fn wiki_term(s: &[u8]) -> Option<usize> {
    let len = s.iter().take(80).position(|&c| matches!(c, b']' | b'[' | b'\n'))?;
    (len > 0 && s[len] == b']' && s.get(len + 1) == Some(&b']')).then_some(len)
}

/// Blanks a byte range except line breaks.
fn blank(range: &mut [u8]) {
    for b in range.iter_mut().filter(|b| **b != b'\n') {
        *b = b' ';
    }
}

/// An HTML entity at the start of `s`: its length and the ASCII character that stands for it.
fn entity(s: &[u8]) -> Option<(usize, u8)> {
    const ENTITIES: &[(&[u8], u8)] = &[
        (b"&quot;", b'"'),
        (b"&ldquo;", b'"'),
        (b"&rdquo;", b'"'),
        (b"&#34;", b'"'),
        (b"&apos;", b'\''),
        (b"&lsquo;", b'\''),
        (b"&rsquo;", b'\''),
        (b"&#39;", b'\''),
        (b"&amp;", b'&'),
        (b"&nbsp;", b' '),
        (b"&ndash;", b'-'),
        (b"&mdash;", b'-'),
        (b"&lt;", b'<'),
        (b"&gt;", b'>'),
    ];
    ENTITIES.iter().find(|(e, _)| s.len() >= e.len() && s[..e.len()].eq_ignore_ascii_case(e)).map(|(e, c)| (e.len(), *c))
}

fn tag_len(s: &[u8]) -> Option<usize> {
    if s.starts_with(b"<!--") {
        return s.windows(3).position(|w| w == b"-->").map(|p| p + 3);
    }
    let second = *s.get(1)?;
    if !(second.is_ascii_alphabetic() || second == b'/') {
        return None;
    }
    let end = s.iter().take(2000).position(|&c| c == b'>')?;
    (!s[1..end].contains(&b'<')).then_some(end + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_markup_keeping_offsets() {
        let md = "## 1. **Ownership**\nAll <span class=\"x\">Deliverables</span> are [Client's](#def) property.";
        let out = blank_markup(md);
        assert_eq!(out.len(), md.len());
        assert_eq!(out.split_whitespace().collect::<Vec<_>>().join(" "), "1. Ownership All Deliverables are Client's property.");
    }

    #[test]
    fn html_entities_read_as_their_characters() {
        let md = "(&quot;**PO**&quot;) and&nbsp;AT&amp;T&rsquo;s";
        let out = blank_markup(md);
        assert_eq!(out.len(), md.len());
        assert_eq!(out.split_whitespace().collect::<Vec<_>>().join(" "), "(\" PO \" ) and AT& T' s");
    }

    #[test]
    fn a_heading_inside_a_numbered_item_keeps_its_number() {
        assert_eq!(blank_markup("2. ### Definitions").split_whitespace().collect::<Vec<_>>(), ["2.", "Definitions"]);
    }

    #[test]
    fn a_placeholder_keeps_its_brackets_and_a_link_loses_them() {
        let out = blank_markup("Client: [Client Name]\n- [List]\nsee [the terms](https://x.test).");
        assert_eq!(out.split_whitespace().collect::<Vec<_>>(), ["Client:", "[Client", "Name]", "[List]", "see", "the", "terms", "."]);
    }

    #[test]
    fn a_template_term_reads_as_a_quoted_term() {
        let md = "[[Covered Inventions]] means all; see [[x] and [[Open";
        let out = blank_markup(md);
        assert_eq!(out.len(), md.len());
        assert_eq!(
            out.split_whitespace().collect::<Vec<_>>(),
            ["\"Covered", "Inventions\"", "means", "all;", "see", "[[x]", "and", "[[Open"]
        );
    }

    #[test]
    fn keeps_underscores_inside_words() {
        assert_eq!(blank_markup("snake_case _em_"), "snake_case  em ");
    }

    #[test]
    fn keeps_a_blank_to_fill_in_but_not_emphasis_or_a_rule() {
        let blank = "license: <span aria-label=\"8 underscores\">________</span>";
        assert_eq!(blank_markup(blank).split_whitespace().collect::<Vec<_>>(), ["license:", "________"]);
        assert_eq!(blank_markup("By: ______ Date: ______").split_whitespace().collect::<Vec<_>>(), ["By:", "______", "Date:", "______"]);
        assert_eq!(blank_markup("___strong and em___").trim(), "strong and em");
        assert_eq!(blank_markup("(contract address 0x____ on chain)"), "(contract address 0x____ on chain)");
        assert_eq!(blank_markup("text\n___\nmore").split_whitespace().collect::<Vec<_>>(), ["text", "more"]);
    }
}
