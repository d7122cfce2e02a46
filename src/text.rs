//! Text helpers shared by the analysis and every output: a normalised view for matching that
//! maps back to original byte offsets, and sanitising contract text before it is displayed.

/// A lower-cased, quote-straightened, white-space-collapsed copy of a text, with a map from
/// every byte of the copy back to the byte range of the original it came from.
#[derive(Clone)]
pub struct Normalised {
    pub text: String,
    /// Where the bytes of `text` came from in the original, stretch by stretch in text order.
    /// Most of a contract is copied as it is, so a long draft has a few stretches a line rather
    /// than a pair of offsets a byte (which were 8 bytes of fresh memory a byte of the draft).
    origin: Vec<Stretch>,
}

/// Where the bytes of the normalised text from `at` to the next stretch's `at` (or the text's
/// end) came from: each from the byte of the original as far from `start` (`copied`, and then
/// `end` is where the copy ends), or every one from `start..end` (one character, or a run of
/// white space). The starts never go back, within a stretch or from one to the next.
#[derive(Clone, Copy, Debug)]
struct Stretch {
    at: u32,
    start: u32,
    end: u32,
    copied: bool,
}

impl Stretch {
    /// The start in the original of the stretch's last byte.
    fn last_start(&self) -> usize {
        if self.copied { self.end as usize - 1 } else { self.start as usize }
    }
}

impl Normalised {
    /// Normalises `original`; offsets map back into it.
    pub fn new(original: &str) -> Self {
        Self::part(original, 0, original.len())
    }

    /// The normalised text of some regions of `original` (ascending, disjoint byte ranges), each
    /// exactly as [`Normalised::new`] of the whole has it and with the character before and
    /// after it there (for matches that look around), and where each region's text lies in it.
    /// A later round's analysis reads only the clauses it cannot reuse.
    pub fn regions(original: &str, regions: &[(usize, usize)]) -> (Self, Vec<(usize, usize)>) {
        let bytes = original.as_bytes();
        let mut out = Self { text: String::new(), origin: Vec::new() };
        let mut ranges = Vec::with_capacity(regions.len());
        for &(start, end) in regions {
            // Normalising starts afresh at a plain character, whatever came before it, and a
            // plain character settles whatever came before it (a pending space, a hyphen).
            let from = bytes[..start].iter().rposition(|&b| PLAIN[usize::from(b)]).unwrap_or(0);
            let until = bytes[end..].iter().position(|&b| PLAIN[usize::from(b)]).map_or(bytes.len(), |k| end + k + 1);
            let part = Self::part(original, from, until);
            let (first, last) = (part.first_from(start), part.first_from(end));
            if first == last {
                // Nothing to read; and a neighbour's context here would be out of place.
                ranges.push((out.text.len(), out.text.len()));
                continue;
            }
            // The bytes of one original character share its origin.
            let mut before = first;
            while before > 0 && part.origin(before - 1).0 == part.origin(first - 1).0 {
                before -= 1;
            }
            let mut after = last;
            while after < part.text.len() && part.origin(after).0 == part.origin(last).0 {
                after += 1;
            }
            let at = out.text.len();
            out.append(&part, before, after);
            ranges.push((at + first - before, at + last - before));
        }
        (out, ranges)
    }

    /// Normalises `original[from..until]` as if from the start of a text.
    fn part(original: &str, from: usize, until: usize) -> Self {
        let bytes = original.as_bytes();
        let mut text = String::with_capacity(until - from);
        let mut origin: Vec<Stretch> = Vec::new();
        let mut pending_space: Option<(usize, usize)> = None;
        let mut i = from;
        while i < until {
            let b = bytes[i];
            // Most of a contract is runs of plain ASCII: words with single spaces between them,
            // hyphens not at a line break. Copy each run at once.
            if b.is_ascii_graphic() && b != b'-' {
                if let Some((s, e)) = pending_space.take()
                    && !text.is_empty()
                {
                    record(&mut origin, text.len(), (s, e), 1, false);
                    text.push(' ');
                }
                let mut end = i + 1;
                loop {
                    while bytes.get(end).is_some_and(|&c| PLAIN[usize::from(c)]) {
                        end += 1;
                    }
                    let next = bytes.get(end + 1).copied();
                    match bytes.get(end) {
                        Some(b' ') if next.is_some_and(|c| PLAIN[usize::from(c)]) => end += 2,
                        Some(b'-') if !matches!(next, Some(b'\n' | b'\r')) => end += 1,
                        _ => break,
                    }
                }
                let end = end.min(until);
                let at = text.len();
                text.push_str(&original[i..end]);
                text[at..].make_ascii_lowercase();
                record(&mut origin, at, (i, end), end - i, true);
                i = end;
                continue;
            }
            let c = if b.is_ascii() { char::from(b) } else { original[i..].chars().next().unwrap_or(' ') };
            let end = i + c.len_utf8();
            // Hyphenation across a line break ("prod-\nuct"): drop the hyphen and the break.
            if c == '-' && matches!(bytes.get(end), Some(b'\n' | b'\r')) && text.ends_with(|p: char| p.is_alphabetic()) {
                let j = end + bytes[end..].iter().take_while(|b| b.is_ascii_whitespace()).count();
                if original[j..].starts_with(|n: char| n.is_lowercase()) {
                    i = j;
                    continue;
                }
            }
            if c.is_whitespace() || c.is_control() {
                pending_space = Some(pending_space.map_or((i, end), |(s, _)| (s, end)));
                i = end;
                continue;
            }
            if let Some((s, e)) = pending_space.take()
                && !text.is_empty()
            {
                record(&mut origin, text.len(), (s, e), 1, false);
                text.push(' ');
            }
            if b.is_ascii() {
                record(&mut origin, text.len(), (i, end), 1, true);
                text.push(char::from(b.to_ascii_lowercase()));
                i = end;
                continue;
            }
            let mapped = match c {
                // The acute accent typed for an apostrophe ("can´t", "Job´s").
                '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' | '\u{b4}' => '\'',
                // Guillemets and the low quote of translated drafts ("(hereinafter, the «Prior
                // Knowledge»)", "„Werk“") quote as straight quotes do.
                '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{ab}' | '\u{bb}' => '"',
                '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
                '\u{ad}' => {
                    i = end;
                    continue;
                }
                _ => c,
            };
            let before = text.len();
            text.extend(mapped.to_lowercase());
            record(&mut origin, before, (i, end), text.len() - before, false);
            i = end;
        }
        Self { text, origin }
    }

    /// The original byte range byte `j` of the text came from.
    fn origin(&self, j: usize) -> (usize, usize) {
        let s = self.origin[self.origin.partition_point(|s| s.at as usize <= j) - 1];
        if s.copied {
            let k = s.start as usize + (j - s.at as usize);
            (k, k + 1)
        } else {
            (s.start as usize, s.end as usize)
        }
    }

    /// The first byte of the text that comes from at or after `original` (the text's length
    /// when there is none).
    fn first_from(&self, original: usize) -> usize {
        let k = self.origin.partition_point(|s| s.last_start() < original);
        match self.origin.get(k) {
            Some(s) if s.copied => s.at as usize + original.saturating_sub(s.start as usize),
            Some(s) => s.at as usize,
            None => self.text.len(),
        }
    }

    /// Appends bytes `from..to` of `part`'s text, and where they came from.
    fn append(&mut self, part: &Normalised, from: usize, to: usize) {
        let at = self.text.len();
        self.text.push_str(&part.text[from..to]);
        let first = part.origin.partition_point(|s| s.at as usize <= from) - 1;
        for (k, s) in part.origin.iter().enumerate().skip(first) {
            let (begin, stop) = ((s.at as usize).max(from), part.origin.get(k + 1).map_or(part.text.len(), |n| n.at as usize).min(to));
            if begin >= stop {
                break;
            }
            let place = at + begin - from;
            if s.copied {
                let start = s.start as usize + (begin - s.at as usize);
                record(&mut self.origin, place, (start, start + (stop - begin)), stop - begin, true);
            } else {
                record(&mut self.origin, place, (s.start as usize, s.end as usize), stop - begin, false);
            }
        }
    }

    /// For each of `originals` (ascending offsets into the original), the first byte of the
    /// normalised text that comes from at or after it, on a char boundary (the text's length
    /// when there is none).
    pub fn positions(&self, originals: impl Iterator<Item = usize>) -> Vec<usize> {
        originals.map(|original| floor_char(&self.text, self.first_from(original))).collect()
    }

    /// The original byte range of the normalised range `start..end` (which must be non-empty).
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        (self.origin(start).0, self.origin(end - 1).1)
    }

    /// Where each byte of the text came from, byte by byte.
    #[cfg(test)]
    fn origins(&self) -> Vec<(usize, usize)> {
        (0..self.text.len()).map(|j| self.origin(j)).collect()
    }
}

/// Records that `bytes` bytes of a text from `at` on came from `range` of the original: each
/// from the byte as far into it (`copied`), or every one from all of it. A copy that goes on
/// where the last stretch's ends, in both texts, lengthens it.
fn record(origin: &mut Vec<Stretch>, at: usize, (start, end): (usize, usize), bytes: usize, copied: bool) {
    // One byte from one byte is a copy, however it was made.
    let copied = copied || (bytes == 1 && end == start + 1);
    if copied
        && let Some(last) = origin.last_mut()
        && last.copied
        && last.end as usize == start
        && (last.at + last.end - last.start) as usize == at
    {
        last.end = end as u32;
        return;
    }
    origin.push(Stretch { at: at as u32, start: start as u32, end: end as u32, copied });
}

/// ASCII letters, digits and punctuation other than the hyphen.
const PLAIN: [bool; 256] = {
    let mut plain = [false; 256];
    let mut b = 0;
    while b < 0x80 {
        plain[b] = (b as u8).is_ascii_graphic() && b as u8 != b'-';
        b += 1;
    }
    plain
};

/// Makes contract text safe to show on a terminal: control characters (escape sequences, OSC,
/// bells, carriage returns) are dropped; tabs and line breaks are kept only where asked.
pub fn sanitize(text: &str, keep_newlines: bool) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' if keep_newlines => Some('\n'),
            '\t' | '\n' | '\r' => Some(' '),
            c if is_unsafe(c) => None,
            c => Some(c),
        })
        .collect()
}

/// Like `sanitize`, but every byte offset stays valid: each unsafe character becomes as many
/// `?` as it had bytes. Line breaks, tabs and the CR of a CRLF are kept. For `extract`, whose
/// output is the text every reported offset points into.
pub fn sanitize_keep_offsets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let safe = match c {
            '\n' | '\t' => true,
            '\r' => chars.peek() == Some(&'\n'),
            c => !is_unsafe(c),
        };
        if safe {
            out.push(c);
        } else {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        }
    }
    out
}

/// Control characters and the invisible direction overrides that can disguise text.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Escapes text for HTML element content and attribute values, dropping control characters
/// (contract text is data: it must not become markup).
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether the full stop at `dot` ends a sentence, rather than an abbreviation ("Inc.",
/// "e.g.", "No.") or a clause number ("4.").
pub fn ends_sentence(text: &str, dot: usize) -> bool {
    const ABBREVIATIONS: &[&str] = &[
        "inc", "ltd", "co", "corp", "no", "nos", "e.g", "i.e", "u.s", "sec", "art", "para", "etc", "vs", "v", "st", "mr", "mrs", "ms",
        "dr", "l.p", "n.a", "s.a", "b.v", "n.v", "s.p.a", "s.r.l", "s.l", "s.a.s", "pvt", "pte", "bhd", "k.k", "lda",
    ];
    // Letters in short groups joined by stops: a company form ("d.o.o", "d.d", "p.l.c", "e.p").
    let dotted =
        |w: &str| w.contains('.') && w.split('.').all(|p| (1..=3).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic));
    let before = &text[..dot];
    // `... ("MP3.com"). MP3.com owns`: a stop after a parenthesis or a quotation ends one.
    if before.ends_with([')', '"', '\u{201d}']) {
        return true;
    }
    let word = before.rsplit(|c: char| !(c.is_alphanumeric() || c == '.')).next().unwrap_or("");
    if word.chars().count() == 1 {
        // "Schedule A." ends a sentence; "J. Smith" or a list letter does not.
        let previous = before[..before.len() - word.len()].trim_end().rsplit(' ').next().unwrap_or("");
        return matches!(previous, "schedule" | "exhibit" | "annex" | "appendix" | "article" | "section" | "part" | "attachment");
    }
    !(word.is_empty() || word.chars().all(|c| c.is_ascii_digit() || c == '.') || ABBREVIATIONS.contains(&word) || dotted(word))
}

/// Collapses white space to single spaces, for one-line display.
pub fn one_line(text: &str) -> String {
    // Most headings and phrases are printable ASCII with single spaces already.
    let bytes = text.as_bytes();
    let tidy = bytes.iter().all(|b| (b' '..=b'~').contains(b))
        && bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && !bytes.windows(2).any(|w| w == b"  ");
    if tidy {
        return text.to_owned();
    }
    sanitize(text, false).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where `needle` occurs in `haystack`, ascending and not overlapping: what
/// `haystack.match_indices(needle)` finds, with a vectorised search (several times faster over
/// a whole draft than the standard library's).
pub fn find_all<'h>(haystack: &'h str, needle: &'h str) -> impl Iterator<Item = usize> + 'h {
    // An empty needle matches at every character boundary, which the byte search does not know.
    let standard = needle.is_empty().then(|| haystack.match_indices(needle).map(|(i, _)| i));
    let fast = (!needle.is_empty()).then(|| memchr::memmem::find_iter(haystack.as_bytes(), needle.as_bytes()));
    standard.into_iter().flatten().chain(fast.into_iter().flatten())
}

/// Where a full stop and a space (". ") are in `haystack`: what `match_indices(". ")` finds
/// (ascending) and `rmatch_indices(". ")` (with `rev`), found by the full stop alone, with no
/// searcher to build for each of the many short stretches a sentence is looked for in.
pub fn full_stops(haystack: &str) -> impl DoubleEndedIterator<Item = usize> + '_ {
    let bytes = haystack.as_bytes();
    memchr::memchr_iter(b'.', bytes).filter(move |&i| bytes.get(i + 1) == Some(&b' '))
}

/// The largest char boundary at or below `i`.
pub fn floor_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary at or above `i`.
pub fn ceil_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Up to `max` chars of context on each side of `start..end`, on one line.
pub fn context(text: &str, start: usize, end: usize, max: usize) -> (String, String, String) {
    let before_start = text[..start].char_indices().rev().nth(max.saturating_sub(1)).map_or(0, |(i, _)| i);
    let after_end = text[end..].char_indices().nth(max).map_or(text.len(), |(i, _)| end + i);
    let (before, after) = (&text[before_start..start], &text[end..after_end]);
    let mut b = one_line(before);
    if before.ends_with(char::is_whitespace) && !b.is_empty() {
        b.push(' ');
    }
    let a = one_line(after);
    let a = if after.starts_with(char::is_whitespace) && !a.is_empty() { format!(" {a}") } else { a };
    (b, one_line(&text[start..end]), a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn company_forms_and_numbers_end_no_sentence() {
        for text in [
            "grants alfa s.p.a. a licence",
            "between beta s.r.l. and",
            "acme inc. shall",
            "law no. 633 of",
            "jadran data d.o.o. shall",
            "lusa lda. grants",
        ] {
            let dot = text.find(". ").expect("a full stop");
            assert!(!ends_sentence(text, dot), "{text}");
        }
        assert!(ends_sentence("shall pay the Fees. The Client", 17));
        assert!(ends_sentence("(\"MP3.com\"). MP3.com owns", 10));
    }

    proptest::proptest! {
        #[test]
        fn find_all_finds_what_match_indices_does(text in "[ab. é]{0,40}", needle in "[ab. é]{0,3}") {
            let standard: Vec<usize> = text.match_indices(needle.as_str()).map(|(i, _)| i).collect();
            proptest::prop_assert_eq!(find_all(&text, &needle).collect::<Vec<_>>(), standard);
        }

        #[test]
        fn full_stops_are_what_match_indices_finds_both_ways(text in "[a. é]{0,40}") {
            let forward: Vec<usize> = text.match_indices(". ").map(|(i, _)| i).collect();
            let backward: Vec<usize> = text.rmatch_indices(". ").map(|(i, _)| i).collect();
            proptest::prop_assert_eq!(full_stops(&text).collect::<Vec<_>>(), forward);
            proptest::prop_assert_eq!(full_stops(&text).rev().collect::<Vec<_>>(), backward);
        }
    }

    proptest::proptest! {
        #[test]
        fn one_line_is_the_sanitised_words_joined_by_spaces(text in "[ a-zA-Z.,\t\n\r\x07\x1b~é\u{200b}]{0,40}") {
            let words = sanitize(&text, false).split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(one_line(&text), words);
        }
    }

    #[test]
    fn normalises_and_maps_back() {
        let original = "All  Work\r\nProduct \u{201c}Deliverables\u{201d}";
        let n = Normalised::new(original);
        assert_eq!(n.text, "all work product \"deliverables\"");
        let at = n.text.find("work product").unwrap();
        let (s, e) = n.original_range(at, at + "work product".len());
        assert_eq!(&original[s..e], "Work\r\nProduct");
    }

    #[test]
    fn positions_are_the_first_normalised_byte_from_each_offset() {
        let original = "  Ünïcode   “quoted”\n\n text-\nwrapped  and\tmore. ";
        let n = Normalised::new(original);
        let got = n.positions(0..=original.len());
        for (offset, at) in got.into_iter().enumerate() {
            let first = n.origins().iter().position(|&(start, _)| start >= offset).unwrap_or(n.text.len());
            assert_eq!(at, floor_char(&n.text, first), "offset {offset}");
        }
    }

    proptest::proptest! {
        #[test]
        fn regions_read_as_the_whole_text_does(
            original in "([a-zA-Z.,;()\"' ]|-\n|\n|\r\n|  |\t|é|İ|\u{ad}|\u{201c}|\u{2014}|ﬁ){0,120}",
            cuts in proptest::collection::vec(0usize..200, 0..8),
            keep in proptest::collection::vec(proptest::bool::ANY, 9),
        ) {
            // Split the text into clauses at char boundaries, keep some of them as regions.
            let mut bounds: Vec<usize> = cuts.iter().map(|&c| floor_char(&original, c)).chain([0, original.len()]).collect();
            bounds.sort_unstable();
            bounds.dedup();
            let clauses: Vec<(usize, usize)> = bounds.windows(2).map(|w| (w[0], w[1])).collect();
            let regions: Vec<(usize, usize)> = clauses.iter().zip(&keep).filter(|(_, k)| **k).map(|(c, _)| *c).collect();
            let whole = Normalised::new(&original);
            let (part, ranges) = Normalised::regions(&original, &regions);
            for (&(start, end), &(ps, pe)) in regions.iter().zip(&ranges) {
                let (ws, we) = (whole.positions([start].into_iter())[0], whole.positions([end].into_iter())[0]);
                proptest::prop_assert_eq!(&part.text[ps..pe], &whole.text[ws..we]);
                proptest::prop_assert_eq!(&part.origins()[ps..pe], &whole.origins()[ws..we]);
                // The character on each side, as the whole text has it (around text to read).
                if ps == pe {
                    continue;
                }
                proptest::prop_assert_eq!(part.text[..ps].chars().next_back(), whole.text[..ws].chars().next_back());
                proptest::prop_assert_eq!(part.text[pe..].chars().next(), whole.text[we..].chars().next());
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn each_byte_maps_to_what_it_came_from(
            original in "([a-zA-Z.,;()\"' ]|-\n|\n|\r\n|  |\t|é|İ|\u{ad}|\u{201c}|\u{2014}|ﬁ){0,120}",
        ) {
            let n = Normalised::new(&original);
            let origins = n.origins();
            proptest::prop_assert!(origins.windows(2).all(|w| w[0].0 <= w[1].0), "starts never go back");
            for (&(s, e), &byte) in origins.iter().zip(n.text.as_bytes()) {
                proptest::prop_assert!(s < e && original.is_char_boundary(s) && original.is_char_boundary(e));
                let came = &original[s..e];
                if byte == b' ' {
                    proptest::prop_assert!(came.chars().all(|c| c.is_whitespace() || c.is_control()), "{:?}", came);
                } else {
                    proptest::prop_assert_eq!(came.chars().count(), 1, "{:?}", came);
                }
                if byte.is_ascii_alphanumeric() && came.is_ascii() {
                    proptest::prop_assert_eq!(came.as_bytes()[0].to_ascii_lowercase(), byte);
                }
            }
        }
    }

    #[test]
    fn joins_hyphenated_line_breaks() {
        let n = Normalised::new("method-\nologies and work-\nProduct");
        assert_eq!(n.text, "methodologies and work- product");
    }

    #[test]
    fn sanitize_drops_escape_sequences() {
        let s = sanitize("a\x1b[31mred\x1b]52;c;Zm9v\x07b\u{202e}c", false);
        assert!(!s.contains('\x1b') && !s.contains('\x07') && !s.contains('\u{202e}'));
        assert!(s.starts_with('a') && s.ends_with("bc"));
    }
}
