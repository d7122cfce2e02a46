//! Mapping offsets in a paragraph's extracted text (what the analysis read: list numbers Word
//! shows prefixed, maybe tabs or breaks written differently) onto offsets in the text of the
//! paragraph's runs, where tracked changes are made.

use similar::{Algorithm, DiffOp};

/// Maps byte offsets of the extracted text onto byte offsets of the runs' text.
pub struct Alignment {
    kind: Kind,
}

enum Kind {
    /// Runs' text = extracted text with `shift` bytes (a list number) removed from its start.
    Shift(usize),
    /// Matching stretches (extracted start, runs start, length in bytes), in order.
    Pieces { pieces: Vec<(usize, usize, usize)>, runs_len: usize },
}

impl Alignment {
    pub fn new(extracted: &str, runs: &str) -> Alignment {
        if extracted.ends_with(runs) {
            return Alignment { kind: Kind::Shift(extracted.len() - runs.len()) };
        }
        let e: Vec<char> = extracted.chars().collect();
        let r: Vec<char> = runs.chars().collect();
        let e_at = byte_offsets(&e);
        let r_at = byte_offsets(&r);
        let ops = similar::capture_diff_slices(Algorithm::Myers, &e, &r);
        let pieces = ops
            .iter()
            .filter_map(|op| match *op {
                DiffOp::Equal { old_index, new_index, len } => {
                    Some((e_at[old_index], r_at[new_index], e_at[old_index + len] - e_at[old_index]))
                }
                _ => None,
            })
            .collect();
        Alignment { kind: Kind::Pieces { pieces, runs_len: runs.len() } }
    }

    /// The runs' offset for extracted offset `at`; text only the extracted side has maps to the
    /// next position the runs share.
    pub fn map(&self, at: usize) -> usize {
        match &self.kind {
            Kind::Shift(n) => at.saturating_sub(*n),
            Kind::Pieces { pieces, runs_len } => {
                for &(e, r, len) in pieces {
                    if at < e {
                        return r;
                    }
                    if at <= e + len {
                        return r + (at - e);
                    }
                }
                *runs_len
            }
        }
    }
}

fn byte_offsets(chars: &[char]) -> Vec<usize> {
    let mut out = Vec::with_capacity(chars.len() + 1);
    let mut at = 0;
    for c in chars {
        out.push(at);
        at += c.len_utf8();
    }
    out.push(at);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_numbers_shift_offsets() {
        let a = Alignment::new("1.2 Client owns it.", "Client owns it.");
        assert_eq!(a.map(4), 0);
        assert_eq!(a.map(10), 6);
        assert_eq!(a.map(0), 0);
    }

    #[test]
    fn differences_inside_map_to_shared_text() {
        // The reader wrote a tab as a space and a non-breaking hyphen as a hyphen.
        let a = Alignment::new("(a) Client's non-exclusive licence applies", "Client's non\u{2011}exclusive\tlicence applies");
        let e = "(a) Client's non-exclusive licence applies";
        let r = "Client's non\u{2011}exclusive\tlicence applies";
        // (A reader and the runs may disagree on such characters; offsets still line up.)
        let at = e.find("licence").unwrap();
        assert_eq!(&r[a.map(at)..], "licence applies");
        assert_eq!(a.map(e.len()), r.len());
    }
}
