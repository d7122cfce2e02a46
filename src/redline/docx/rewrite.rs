//! Rewriting one paragraph of a .docx with its changes: runs split where a change begins and
//! ends (each piece keeping its `w:rPr`), struck pieces wrapped in `w:del` (text as
//! `w:delText`), the agency's words in a `w:ins` run formatted like the words they replace, and
//! the comment's range and reference around them. Runs a change does not touch are copied as
//! they were, byte for byte.

use std::fmt::Write;

use super::tree::{self, Item, ItemKind, Node, Paragraph, Run};
use super::{Marks, comment, comment_reference, run_content};
use crate::redline::Change;
use crate::redline::notes;

/// A change as offsets into the text of the paragraph's runs (`a == b` for words inserted
/// where nothing is struck).
pub struct Edit<'c> {
    pub a: usize,
    pub b: usize,
    pub change: &'c Change,
    /// The comment's id, when the change has one for the audience.
    pub comment: Option<u64>,
}

/// Rewrites one paragraph with its edits (sorted, not overlapping).
pub fn rewrite(xml: &str, para: &Paragraph, mut edits: Vec<Edit<'_>>, marks: &mut Marks<'_>, clean: bool, comments: &mut String) -> String {
    for e in &mut edits {
        e.b = e.b.max(e.a);
        if !clean && !notes::lines(e.change, marks.audience).is_empty() {
            e.comment = Some(marks.id());
        }
    }
    let styles = dominant_rpr(xml, para, &edits);
    let mut w = Writer {
        xml,
        out: String::with_capacity(xml.len() * 2),
        pos: 0,
        depth: 0,
        edits: &edits,
        styles,
        started: vec![false; edits.len()],
        done: vec![false; edits.len()],
        marks,
        clean,
        comments,
    };
    w.out.push_str(&xml[para.open.clone()]);
    // Never before the first child: that is where `w:pPr` must stay.
    for node in &para.children {
        w.node(node);
        w.insert_due(w.pos, false);
    }
    w.insert_due(w.pos, true);
    w.out.push_str(&xml[para.close.clone()]);
    w.out
}

struct Writer<'x, 'e, 'm, 'a> {
    xml: &'x str,
    out: String,
    /// Offset in the paragraph's text of the next item.
    pos: usize,
    /// How many containers (hyperlinks, insertions, fields) the writer is inside.
    depth: usize,
    edits: &'e [Edit<'e>],
    /// For each edit, the `w:rPr` its inserted words take.
    styles: Vec<String>,
    started: Vec<bool>,
    done: Vec<bool>,
    marks: &'m mut Marks<'a>,
    clean: bool,
    comments: &'m mut String,
}

/// Where an item sits: kept, or struck by edit `k`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Zone {
    Keep,
    Strike(usize),
}

impl Writer<'_, '_, '_, '_> {
    fn node(&mut self, node: &Node) {
        match node {
            Node::Opaque(r) => self.out.push_str(&self.xml[r.clone()]),
            Node::Container(c) => {
                self.out.push_str(&self.xml[c.open.clone()]);
                self.depth += 1;
                for child in &c.children {
                    self.node(child);
                }
                self.depth -= 1;
                self.out.push_str(&self.xml[c.close.clone()]);
            }
            Node::Run(r) => self.run(r),
        }
    }

    fn zone_of(&self, start: usize, len: usize) -> Zone {
        let inside = |e: &Edit<'_>| if len == 0 { e.a < start && start < e.b } else { e.a <= start && start < e.b };
        self.edits.iter().position(inside).map_or(Zone::Keep, Zone::Strike)
    }

    /// Splits a run at the edits' boundaries and writes each piece.
    fn run(&mut self, run: &Run) {
        let start = self.pos;
        let mut pieces: Vec<(Zone, Vec<Piece<'_>>)> = Vec::new();
        for item in &run.items {
            let text = item.kind.text();
            let mut cuts = vec![self.pos, self.pos + text.len()];
            let pos = self.pos;
            cuts.extend(
                self.edits.iter().flat_map(|e| [e.a, e.b]).filter(|&x| x > pos && x < pos + text.len() && text.is_char_boundary(x - pos)),
            );
            cuts.sort_unstable();
            cuts.dedup();
            if text.is_empty() {
                cuts.truncate(1);
                cuts.push(self.pos);
            }
            for w in cuts.windows(2) {
                let zone = self.zone_of(w[0], w[1] - w[0]);
                let piece =
                    if w[1] - w[0] == text.len() { Piece::Whole(item) } else { Piece::Part(&text[w[0] - self.pos..w[1] - self.pos]) };
                match pieces.last_mut() {
                    Some((z, list)) if *z == zone && !self.inserts_at(w[0]) => list.push(piece),
                    _ => pieces.push((zone, vec![piece])),
                }
            }
            self.pos += text.len();
        }
        // Words inserted inside the run, where nothing is struck, split it there.
        let inserts_inside = (start + 1..self.pos).any(|at| self.inserts_at(at));
        if pieces.iter().all(|(z, _)| *z == Zone::Keep) && !inserts_inside {
            self.out.push_str(&self.xml[run.span.clone()]);
            return;
        }
        let rpr = run.rpr.clone().map_or("", |r| &self.xml[r]);
        let open = &self.xml[run.open.clone()];
        let mut at = start;
        for (zone, list) in pieces {
            let len: usize = list.iter().map(Piece::len).sum();
            match zone {
                Zone::Keep => {
                    let _ = write!(self.out, "{open}{rpr}");
                    for p in &list {
                        p.write(&mut self.out, self.xml, false);
                    }
                    self.out.push_str("</w:r>");
                }
                Zone::Strike(k) => {
                    if let (false, Some(id)) = (self.started[k], self.edits[k].comment) {
                        let _ = write!(self.out, "<w:commentRangeStart w:id=\"{id}\"/>");
                    }
                    self.started[k] = true;
                    if !self.clean {
                        let del = self.marks.open("del");
                        let _ = write!(self.out, "{del}{open}{rpr}");
                        for p in &list {
                            p.write(&mut self.out, self.xml, true);
                        }
                        self.out.push_str("</w:r></w:del>");
                    }
                }
            }
            at += len;
            // Right after the struck words (or where words go in), when nothing encloses the run.
            if self.depth == 0 && (matches!(zone, Zone::Strike(_)) || self.inserts_at(at)) {
                self.insert_due(at, false);
            }
        }
        debug_assert_eq!(at, self.pos);
    }

    /// Whether words go in at `at` where nothing is struck (an insertion not yet written).
    fn inserts_at(&self, at: usize) -> bool {
        self.edits.iter().zip(&self.done).any(|(e, done)| !done && e.a == at && e.b == at)
    }

    /// Writes the insertions whose struck passage has been written up to `upto` (called only at
    /// the paragraph's top level, so they never land inside a hyperlink or someone else's
    /// insertion); `end` writes all that are left.
    fn insert_due(&mut self, upto: usize, end: bool) {
        for k in 0..self.edits.len() {
            let e = &self.edits[k];
            if self.done[k] || !(end || upto >= e.b) {
                continue;
            }
            if let (false, Some(id)) = (self.started[k], e.comment) {
                let _ = write!(self.out, "<w:commentRangeStart w:id=\"{id}\"/>");
            }
            self.done[k] = true;
            let text = &e.change.inserted;
            if !text.is_empty() {
                let body = format!("<w:r>{}{}</w:r>", self.styles[k], run_content(text, false));
                if self.clean {
                    self.out.push_str(&body);
                } else {
                    let ins = self.marks.open("ins");
                    let _ = write!(self.out, "{ins}{body}</w:ins>");
                }
            }
            if let Some(id) = e.comment {
                let _ = write!(self.out, "<w:commentRangeEnd w:id=\"{id}\"/>{}", comment_reference(id));
                self.comments.push_str(&comment(id, e.change, &*self.marks));
            }
        }
    }
}

/// Part of a run's content: an item as it was, or a stretch of one item's text.
enum Piece<'t> {
    Whole(&'t Item),
    Part(&'t str),
}

impl Piece<'_> {
    fn len(&self) -> usize {
        match self {
            Piece::Whole(i) => i.kind.text().len(),
            Piece::Part(s) => s.len(),
        }
    }

    fn write(&self, out: &mut String, xml: &str, deleted: bool) {
        match self {
            Piece::Part(s) => out.push_str(&run_content(s, deleted)),
            Piece::Whole(item) => match (&item.kind, deleted) {
                (ItemKind::Text(s), true) => out.push_str(&run_content(s, true)),
                (ItemKind::InstrText, true) => out.push_str(&xml[item.raw.clone()].replace("w:instrText", "w:delInstrText")),
                _ => out.push_str(&xml[item.raw.clone()]),
            },
        }
    }
}

/// For each edit, the `w:rPr` of the struck run holding most of its text (without revision
/// marks), so the inserted words look like the text around them; for words inserted where
/// nothing is struck, the run's they follow (or precede, at the paragraph's start).
fn dominant_rpr(xml: &str, para: &Paragraph, edits: &[Edit<'_>]) -> Vec<String> {
    let mut best: Vec<(usize, Option<String>)> = vec![(0, None); edits.len()];
    let mut pos = 0;
    tree::visit_runs(&para.children, &mut |run| {
        let len: usize = run.items.iter().map(|i| i.kind.text().len()).sum();
        let rpr = || run.rpr.clone().map_or_else(String::new, |r| plain_rpr(&xml[r]));
        for (k, e) in edits.iter().enumerate() {
            let overlap = (pos + len).min(e.b).saturating_sub(pos.max(e.a));
            let beside = e.a == e.b && len > 0 && best[k].1.is_none() && (pos < e.a || e.a == 0) && e.a <= pos + len;
            if overlap > best[k].0 || beside {
                best[k] = (overlap, Some(rpr()));
            }
        }
        pos += len;
    });
    best.into_iter().map(|(_, r)| r.unwrap_or_default()).collect()
}

/// Run properties without a recorded formatting change.
pub fn plain_rpr(rpr: &str) -> String {
    if !rpr.contains("w:rPrChange") {
        return rpr.to_owned();
    }
    let open_end = rpr.find('>').map_or(0, |i| i + 1);
    let close = rpr.rfind("</w:rPr>").unwrap_or(rpr.len()).max(open_end);
    let kids: String = tree::split_children(&rpr[open_end..close]).into_iter().filter(|k| tree::tag_name(k) != "w:rPrChange").collect();
    format!("{}{kids}</w:rPr>", &rpr[..open_end])
}
