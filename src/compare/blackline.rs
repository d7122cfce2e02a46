//! A blackline, as Word's Compare makes one: the later round of a deal written as tracked
//! changes against the earlier one, so that counsel who send a clean round 2 can be read for
//! what they changed. Paragraphs are aligned by their words (a paragraph reworded stays one
//! paragraph, changed word by word; one dropped is struck whole, mark and all; one added is
//! inserted where the later round has it; one moved is struck where it was and inserted where
//! it went). The result is a [`Redline`] of the earlier round, so the one writer of every format
//! writes it: the earlier round's own .docx keeps its formatting.
//!
//! What a change means for the agency (the concerns each round's analysis finds in the words it
//! touches) goes only to the internal copy: a blackline for counsel carries no note at all.

use std::collections::HashMap;
use std::ops::Range;

use similar::{Algorithm, DiffOp};

use crate::analysis::{Analysis, Finding, FindingKind};
use crate::diff::{self, Op};
use crate::ingest::{Document, Format};
use crate::redline::{self, Change, Draft, Formatting, Kind, Language, NewClause, Reason, Redline, RedlineError, RedlineOptions};

/// One round as the blackline reads it.
pub struct Round<'a> {
    /// What the user named it: a file, `SESSION:ROUND`.
    pub label: String,
    pub doc: &'a Document,
    pub analysis: &'a Analysis,
    /// The file's bytes when it is a .docx: the earlier round's are written on, the later
    /// round's give the formatting of the paragraphs it adds.
    pub docx: Option<Vec<u8>>,
}

/// How alike two paragraphs' words must be (shared words over all, by Dice) to be one
/// paragraph reworded rather than one dropped and another added.
const SAME_PARAGRAPH: f32 = 0.5;
/// How alike a paragraph dropped in one place and one added in another must be to be a move.
const MOVED: f32 = 0.9;
/// Above this many paragraph pairs in one changed stretch, paragraphs are paired in order
/// rather than by the best pairing (which costs their product).
const PAIRING_LIMIT: usize = 250_000;

/// The later round as tracked changes against the earlier, and what the reader should know
/// about how it was made (an earlier round with tracked changes of its own).
pub fn blackline(old: &Round<'_>, new: &Round<'_>, options: RedlineOptions) -> Result<(Redline, Vec<String>), RedlineError> {
    let mut notes = Vec::new();
    let old_draft = draft(old, &mut notes, true)?;
    let new_draft = draft(new, &mut notes, false)?;
    if old_draft.paragraphs.is_empty() {
        return Err(RedlineError::docx(&old.doc.path, "has no text to compare against"));
    }
    let formatting = match &new_draft.docx {
        Some(source) => Some(source.paragraph_formatting().map_err(|e| RedlineError::docx(&new.doc.path, e))?),
        None => None,
    };
    let old_formatting = match &old_draft.docx {
        Some(source) => Some(source.paragraph_formatting().map_err(|e| RedlineError::docx(&old.doc.path, e))?),
        None => None,
    };
    let sides = Sides { old: Side::new(old, &old_draft), new: Side::new(new, &new_draft) };
    let steps = align(&sides);
    let later = |j: usize| -> (Option<Formatting>, bool) {
        match &formatting {
            Some(f) => f.get(j).cloned().map_or((None, false), |(f, t)| (Some(f), t)),
            None => (heading_level(&sides.new, j).map(Formatting::Heading), false),
        }
    };
    let mut builder = Builder { sides: &sides, changes: Vec::new() };
    // Where the next added paragraph goes: after this paragraph of the earlier round.
    let mut after: Option<usize> = None;
    for step in &steps {
        match *step {
            Step::Same(i, j) => {
                builder.reworded(i, j);
                after = Some(i);
            }
            Step::Dropped(i, moved_to) => {
                builder.dropped(i, moved_to);
                after = Some(i);
            }
            Step::Added(j, moved_from) => {
                let (mut format, in_table) = later(j);
                // A paragraph moved unchanged keeps the earlier round's own formatting.
                let same_words = moved_from.is_some_and(|i| sides.old.key(i) == sides.new.key(j));
                if let (true, Some(i), Some(old_format)) = (same_words, moved_from, &old_formatting) {
                    format = old_format.get(i).map(|(f, _)| f.clone());
                }
                let template = moved_from.filter(|_| format.is_none()).or(after).unwrap_or(0);
                builder.added(j, moved_from, after, template, format, in_table);
            }
        }
    }
    let mut changes = builder.changes;
    // In document order: what goes before the first paragraph, then each paragraph's words,
    // then what follows it.
    changes.sort_by_key(|c| {
        let place = match &c.new_clause {
            Some(n) if n.before => 0,
            Some(_) => 2,
            None => 1,
        };
        (c.paragraph, place)
    });
    for (k, c) in changes.iter_mut().enumerate() {
        c.id = k + 1;
    }
    let kind = Kind::Blackline { earlier: old.label.clone(), later: new.label.clone() };
    Ok((Redline { kind, draft: old_draft, changes, open: Vec::new(), options }, notes))
}

/// A round's paragraphs: its .docx as written when it has one (an earlier round with tracked
/// changes of its own is read as text, those changes accepted, or they would show as the
/// later round's), else its text.
fn draft(round: &Round<'_>, notes: &mut Vec<String>, earlier: bool) -> Result<Draft, RedlineError> {
    let tracked = round.doc.notes.iter().any(|n| n.starts_with("tracked changes"));
    match &round.docx {
        Some(bytes) if !(earlier && tracked) => Draft::from_docx(round.doc, bytes.clone()),
        Some(_) => {
            notes.push(format!(
                "{} has tracked changes of its own: the blackline is a new document made from its text with them accepted (accept them in Word and save to keep its formatting)",
                round.label
            ));
            let text = crate::ingest::from_text(&round.doc.path.display().to_string(), Format::Txt, &round.doc.text);
            Ok(Draft::from_text(&text))
        }
        None => Ok(Draft::from_text(round.doc)),
    }
}

/// One round's paragraphs as compared: the words of each (without a list number Word draws)
/// and their key (white space collapsed).
struct Side<'a> {
    round: &'a Round<'a>,
    draft: &'a Draft,
    /// Byte range of each paragraph's words in the draft's analysed text.
    words: Vec<Range<usize>>,
    keys: Vec<String>,
    /// Whether Word draws the paragraph's number (so the other side's typed number is no change).
    drawn_number: Vec<bool>,
}

struct Sides<'a> {
    old: Side<'a>,
    new: Side<'a>,
}

impl<'a> Side<'a> {
    fn new(round: &'a Round<'a>, draft: &'a Draft) -> Side<'a> {
        let words: Vec<Range<usize>> = draft.paragraphs.iter().zip(&draft.text_starts).map(|(p, &s)| s.max(p.start)..p.end).collect();
        let keys = words.iter().map(|r| redline::collapse(&draft.analysed[r.clone()])).collect();
        let drawn_number = draft.paragraphs.iter().zip(&draft.text_starts).map(|(p, &s)| s > p.start).collect();
        Side { round, draft, words, keys, drawn_number }
    }

    fn key(&self, i: usize) -> &str {
        &self.keys[i]
    }

    fn text(&self, i: usize) -> &str {
        &self.draft.analysed[self.words[i].clone()]
    }

    /// The clause of the round's analysis holding byte `at`, as "§4.1 Ownership"; for a
    /// paragraph with neither number nor heading, the nearest clause before it that has one (a
    /// reader sees no "¶18").
    fn clause_label(&self, at: usize) -> String {
        let clauses = &self.round.analysis.clauses;
        match clauses.partition_point(|c| c.start <= at) {
            0 => "the opening words".to_owned(),
            k => self.round.analysis.label_as_read(k - 1),
        }
    }

    /// The phrase findings whose words overlap `range` (or, for an empty range, hold it).
    fn findings_in(&self, range: &Range<usize>) -> impl Iterator<Item = &'a Finding> + '_ {
        let range = range.clone();
        self.round.analysis.findings.iter().filter(move |f| {
            let (Some(s), Some(e)) = (f.start, f.end) else { return false };
            f.kind == FindingKind::Phrase
                && if range.is_empty() { s < range.start && range.start < e } else { s < range.end && range.start < e }
        })
    }
}

/// One step of the alignment, in document order of both rounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Earlier paragraph `i` is later paragraph `j` (perhaps reworded).
    Same(usize, usize),
    /// Earlier paragraph `i` is not in the later round (or moved: to later paragraph `j`).
    Dropped(usize, Option<usize>),
    /// Later paragraph `j` is new (or moved: from earlier paragraph `i`).
    Added(usize, Option<usize>),
}

/// Aligns the rounds' paragraphs: identical ones by a patience diff of their keys, then within
/// each stretch that differs the pairing of most alike words; what is left dropped or added,
/// and a dropped paragraph that reappears elsewhere is a move.
fn align(sides: &Sides<'_>) -> Vec<Step> {
    let ops = similar::capture_diff_slices(Algorithm::Patience, &sides.old.keys, &sides.new.keys);
    let mut steps = Vec::new();
    for op in ops {
        match op {
            DiffOp::Equal { old_index, new_index, len } => steps.extend((0..len).map(|k| Step::Same(old_index + k, new_index + k))),
            DiffOp::Delete { old_index, old_len, .. } => steps.extend((old_index..old_index + old_len).map(|i| Step::Dropped(i, None))),
            DiffOp::Insert { new_index, new_len, .. } => steps.extend((new_index..new_index + new_len).map(|j| Step::Added(j, None))),
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                steps.extend(pair(sides, old_index..old_index + old_len, new_index..new_index + new_len));
            }
        }
    }
    find_moves(sides, &mut steps);
    steps
}

/// The monotone pairing of two stretches of paragraphs with the most likeness (pairs at least
/// [`SAME_PARAGRAPH`] alike), as steps: each earlier paragraph dropped before the later ones
/// added in its place.
fn pair(sides: &Sides<'_>, old: Range<usize>, new: Range<usize>) -> Vec<Step> {
    let bags_old: Vec<HashMap<&str, u32>> = old.clone().map(|i| bag(sides.old.key(i))).collect();
    let bags_new: Vec<HashMap<&str, u32>> = new.clone().map(|j| bag(sides.new.key(j))).collect();
    let (n, m) = (bags_old.len(), bags_new.len());
    let alike = |a: usize, b: usize| Some(dice(&bags_old[a], &bags_new[b])).filter(|&s| s >= SAME_PARAGRAPH);
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    if n * m > PAIRING_LIMIT {
        let (mut a, mut b) = (0, 0);
        while a < n && b < m {
            if alike(a, b).is_some() {
                pairs.push((a, b));
                a += 1;
                b += 1;
            } else if n - a > m - b {
                a += 1;
            } else {
                b += 1;
            }
        }
    } else {
        // best[a][b]: the most likeness pairing old[a..] with new[b..].
        let mut best = vec![vec![0f32; m + 1]; n + 1];
        for a in (0..n).rev() {
            for b in (0..m).rev() {
                let with = alike(a, b).map_or(f32::MIN, |s| s + best[a + 1][b + 1]);
                best[a][b] = with.max(best[a + 1][b]).max(best[a][b + 1]);
            }
        }
        let (mut a, mut b) = (0, 0);
        while a < n && b < m {
            if alike(a, b).is_some_and(|s| (best[a][b] - (s + best[a + 1][b + 1])).abs() < 1e-6) {
                pairs.push((a, b));
                a += 1;
                b += 1;
            } else if (best[a][b] - best[a + 1][b]).abs() < 1e-6 {
                a += 1;
            } else {
                b += 1;
            }
        }
    }
    let mut steps = Vec::new();
    let (mut a, mut b) = (0, 0);
    for (pa, pb) in pairs.into_iter().chain(std::iter::once((n, m))) {
        steps.extend((a..pa).map(|k| Step::Dropped(old.start + k, None)));
        steps.extend((b..pb).map(|k| Step::Added(new.start + k, None)));
        if pa < n {
            steps.push(Step::Same(old.start + pa, new.start + pb));
        }
        (a, b) = (pa + 1, pb + 1);
    }
    steps
}

/// A dropped paragraph whose words are added elsewhere moved there.
fn find_moves(sides: &Sides<'_>, steps: &mut [Step]) {
    let dropped: Vec<usize> = steps.iter().filter_map(|s| if let Step::Dropped(i, None) = s { Some(*i) } else { None }).collect();
    if dropped.is_empty() {
        return;
    }
    let bags: Vec<HashMap<&str, u32>> = dropped.iter().map(|&i| bag(sides.old.key(i))).collect();
    let mut moved: HashMap<usize, usize> = HashMap::new();
    let mut taken = vec![false; dropped.len()];
    for step in steps.iter_mut() {
        if let Step::Added(j, from @ None) = step {
            let words = bag(sides.new.key(*j));
            let found = (0..dropped.len()).filter(|&k| !taken[k]).find(|&k| dice(&bags[k], &words) >= MOVED);
            if let Some(k) = found {
                taken[k] = true;
                *from = Some(dropped[k]);
                moved.insert(dropped[k], *j);
            }
        }
    }
    for step in steps.iter_mut() {
        if let Step::Dropped(i, to @ None) = step {
            *to = moved.get(i).copied();
        }
    }
}

/// A paragraph's words with their counts (white space and punctuation aside).
fn bag(key: &str) -> HashMap<&str, u32> {
    let mut out = HashMap::new();
    for w in key.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        *out.entry(w).or_insert(0) += 1;
    }
    out
}

/// Dice's coefficient of two bags of words: 1 when they hold the same words.
fn dice(a: &HashMap<&str, u32>, b: &HashMap<&str, u32>) -> f32 {
    let (total_a, total_b): (u32, u32) = (a.values().sum(), b.values().sum());
    if total_a + total_b == 0 {
        return 1.0;
    }
    let shared: u32 = a.iter().map(|(w, n)| (*n).min(b.get(w).copied().unwrap_or(0))).sum();
    (2 * shared) as f32 / (total_a + total_b) as f32
}

/// The heading level a text round's paragraph shows (Markdown `#`s, a line in capitals).
fn heading_level(side: &Side<'_>, j: usize) -> Option<u8> {
    let p = &side.draft.paragraphs[j];
    redline::heading_level(side.draft.format, &side.draft.text[p.clone()])
}

/// The changes, built step by step.
struct Builder<'s, 'a> {
    sides: &'s Sides<'a>,
    changes: Vec<Change>,
}

impl Builder<'_, '_> {
    /// Earlier paragraph `i` as later paragraph `j` words it: a change for each stretch of
    /// words that differs (white space aside).
    fn reworded(&mut self, i: usize, j: usize) {
        let (old, new) = (&self.sides.old, &self.sides.new);
        if old.key(i) == new.key(j) {
            return;
        }
        let (mut at_old, mut at_new) = (old.words[i].start, new.words[j].start);
        let mut old_text = old.text(i);
        let mut new_text = new.text(j);
        // A number Word draws on one side and the other side types is not a change.
        if old.drawn_number[i] != new.drawn_number[j] {
            let typed = |t: &str| redline::leading_label(t).map_or(0, str::len);
            if old.drawn_number[i] {
                let skip = typed(new_text);
                at_new += skip;
                new_text = &new_text[skip..];
            } else {
                let skip = typed(old_text);
                at_old += skip;
                old_text = &old_text[skip..];
            }
        }
        let runs = diff::word_diff(old_text, new_text);
        let mut next = 0;
        while next < runs.len() {
            let run = &runs[next];
            if run.op == Op::Equal {
                at_old += run.text.len();
                at_new += run.text.len();
                next += 1;
                continue;
            }
            let deleted = if run.op == Op::Delete { run.text.as_str() } else { "" };
            let inserted = match (run.op, runs.get(next + 1)) {
                (Op::Insert, _) => run.text.as_str(),
                (Op::Delete, Some(then)) if then.op == Op::Insert => {
                    next += 1;
                    then.text.as_str()
                }
                _ => "",
            };
            next += 1;
            let (old_range, new_range) = (at_old..at_old + deleted.len(), at_new..at_new + inserted.len());
            (at_old, at_new) = (old_range.end, new_range.end);
            if deleted.trim().is_empty() && inserted.trim().is_empty() {
                continue;
            }
            let reasons = self.reasons(&old_range, &new_range);
            self.changes.push(Change {
                id: 0,
                clause_label: old.clause_label(old_range.start),
                paragraph: i,
                start: old_range.start,
                end: old_range.end,
                deleted: deleted.to_owned(),
                inserted: inserted.to_owned(),
                note: String::new(),
                new_clause: None,
                removes_paragraph: false,
                language: Language::LaterRound,
                reasons,
            });
        }
    }

    /// Earlier paragraph `i`, which the later round drops (or moves, to its paragraph `j`).
    fn dropped(&mut self, i: usize, moved_to: Option<usize>) {
        let (old, new) = (&self.sides.old, &self.sides.new);
        let range = old.words[i].clone();
        let reasons = self.reasons(&range, &(0..0));
        let mut clause_label = old.clause_label(range.start);
        if let Some(j) = moved_to {
            clause_label = format!("{clause_label}, moved to {}", new.clause_label(new.words[j].start));
        }
        self.changes.push(Change {
            id: 0,
            clause_label,
            paragraph: i,
            start: range.start,
            end: range.end,
            deleted: old.text(i).to_owned(),
            inserted: String::new(),
            note: String::new(),
            new_clause: None,
            removes_paragraph: true,
            language: Language::LaterRound,
            reasons,
        });
    }

    /// Later paragraph `j`, new (or moved from earlier paragraph `i`), after earlier paragraph
    /// `after` (before the first when None).
    fn added(
        &mut self,
        j: usize,
        moved_from: Option<usize>,
        after: Option<usize>,
        template: usize,
        formatting: Option<Formatting>,
        in_table: bool,
    ) {
        let (old, new) = (&self.sides.old, &self.sides.new);
        let range = new.words[j].clone();
        let reasons = self.reasons(&(0..0), &range);
        let mut clause_label = new.clause_label(range.start);
        if let Some(i) = moved_from {
            clause_label = format!("{clause_label}, moved from {}", old.clause_label(old.words[i].start));
        }
        self.changes.push(Change {
            id: 0,
            clause_label,
            paragraph: after.unwrap_or(0),
            start: 0,
            end: 0,
            deleted: String::new(),
            inserted: new.text(j).to_owned(),
            note: String::new(),
            new_clause: Some(NewClause {
                template_paragraph: template,
                formatting,
                before: after.is_none(),
                in_table,
                ..NewClause::default()
            }),
            removes_paragraph: false,
            language: Language::LaterRound,
            reasons,
        });
        if let Some(c) = self.changes.last_mut() {
            // A new paragraph is placed at its paragraph's end (or start), as a new clause is.
            let p = &self.sides.old.draft.paragraphs[c.paragraph];
            let at = if after.is_some() { p.end } else { p.start };
            (c.start, c.end) = (at, at);
        }
    }

    /// What the change means for the agency, for the internal copy: each concern the earlier
    /// round's analysis finds in the words struck and the later round's in the words put in.
    fn reasons(&self, old_range: &Range<usize>, new_range: &Range<usize>) -> Vec<Reason> {
        let (old, new) = (&self.sides.old, &self.sides.new);
        let before: Vec<&Finding> = if old_range.is_empty() { Vec::new() } else { old.findings_in(old_range).collect() };
        let after: Vec<&Finding> = if new_range.is_empty() { Vec::new() } else { new.findings_in(new_range).collect() };
        let (earlier, later) = (&old.round.label, &new.round.label);
        let mut out: Vec<Reason> = Vec::new();
        for f in after.iter().chain(&before) {
            if out.iter().any(|r| r.concern == f.concern) {
                continue;
            }
            let was = before.iter().find(|b| b.concern == f.concern);
            let now = after.iter().find(|a| a.concern == f.concern);
            let (severity, explanation) = match (was, now) {
                (Some(w), Some(n)) if n.severity > w.severity => {
                    (n.severity, format!("worse in {later} ({} was {}): {}", earlier, w.severity, n.explanation))
                }
                (Some(w), Some(n)) if n.severity < w.severity => {
                    (n.severity, format!("milder in {later} ({} was {}): {}", earlier, w.severity, n.explanation))
                }
                (Some(_), Some(n)) => (n.severity, format!("in both rounds' words: {}", n.explanation)),
                (None, Some(n)) => (n.severity, format!("new in {later}'s words: {}", n.explanation)),
                (Some(w), None) => (w.severity, format!("in {earlier}'s words, gone from {later}'s: {}", w.explanation)),
                (None, None) => continue,
            };
            out.push(Reason { concern: f.concern, severity, phrase: f.phrase.clone(), explanation, talking_point: String::new() });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Analyzer, Options};
    use crate::library::{ClauseLibrary, Concern};

    #[test]
    fn words_alike_by_dice() {
        assert!((dice(&bag("a b c"), &bag("c b a")) - 1.0).abs() < 1e-6);
        assert!(dice(&bag("Provider owns the work"), &bag("Client owns the work")) >= SAME_PARAGRAPH);
        assert!(dice(&bag("Term. Five years."), &bag("Governing law. New York.")) < SAME_PARAGRAPH);
    }

    /// The blackline of two Markdown rounds, planned in process.
    fn blackline_of(r1: &str, r2: &str) -> Redline {
        let library = ClauseLibrary::embedded();
        let analyzer = Analyzer::new(&library);
        let (d1, d2) = (crate::ingest::from_text("r1.md", Format::Markdown, r1), crate::ingest::from_text("r2.md", Format::Markdown, r2));
        let (a1, a2) = (analyzer.analyze(&d1, &Options::default()), analyzer.analyze(&d2, &Options::default()));
        let round = |label: &str, doc, analysis| Round { label: label.into(), doc, analysis, docx: None };
        let options = RedlineOptions { only: crate::library::Severity::Info, author: "Client".into(), date: "2026-03-01T10:00:00Z".into() };
        blackline(&round("r1.md", &d1, &a1), &round("r2.md", &d2, &a2), options).unwrap().0
    }

    const R1: &str = "# Agreement\n\n1. Ownership. Provider hereby assigns to Client all right, title and interest in the\nWork Product upon creation.\n\n2. Term. This Agreement lasts one year.\n\n3. Notices. Notices are given in writing.\n\n4. Publicity. Neither party may announce this Agreement.\n";

    #[test]
    fn paragraphs_reworded_dropped_added_and_moved() {
        let r2 = "# Agreement\n\n1. Ownership. Upon payment in full, Provider assigns to Client all right, title and interest in the Work Product.\n\n3. Notices. Notices are given in writing.\n\n4. Publicity. Neither party may announce this Agreement.\n\n5. Residuals. Provider may use its general know-how.\n\n2. Term. This Agreement lasts one year.\n";
        let plan = blackline_of(R1, r2);
        let accepted = plan.accepted_paragraphs().join("\n");
        assert_eq!(
            crate::redline::collapse(&accepted),
            crate::redline::collapse(&crate::ingest::from_text("r2.md", Format::Markdown, r2).analysed)
        );
        let ownership: Vec<&Change> = plan.changes.iter().filter(|c| c.paragraph == 1).collect();
        assert!(ownership.iter().all(|c| c.new_clause.is_none() && !c.removes_paragraph), "§1 is reworded in place: {ownership:#?}");
        assert!(ownership.iter().any(|c| c.deleted.contains("hereby") && c.inserted.is_empty()), "{ownership:#?}");
        assert!(ownership.iter().any(|c| c.deleted.is_empty() && c.inserted.contains("Upon payment in full")), "{ownership:#?}");
        assert!(
            !ownership.iter().any(|c| c.deleted.contains('\n') && c.inserted.trim().is_empty() && c.deleted.trim().is_empty()),
            "a line break is no change"
        );
        let term = plan.changes.iter().find(|c| c.removes_paragraph).expect("the term is struck where it was");
        assert!(term.clause_label.contains("moved to"), "{}", term.clause_label);
        let added: Vec<&str> = plan.changes.iter().filter(|c| c.new_clause.is_some()).map(|c| c.inserted.as_str()).collect();
        assert_eq!(added, ["5. Residuals. Provider may use its general know-how.", "2. Term. This Agreement lasts one year."]);
        assert!(plan.changes.iter().all(|c| c.note.is_empty()), "nothing for counsel to read");
        assert_eq!(plan.changes.iter().map(|c| c.id).collect::<Vec<_>>(), (1..=plan.changes.len()).collect::<Vec<_>>());
    }

    #[test]
    fn the_internal_note_names_the_concerns_each_round_finds_in_the_words() {
        let r2 = R1.replace("hereby assigns", "assigns").replace("upon creation", "upon payment of the fees");
        let plan = blackline_of(R1, &r2);
        let reasons: Vec<&Reason> = plan.changes.iter().flat_map(|c| &c.reasons).collect();
        let timing = reasons.iter().find(|r| r.concern == Concern::AssignmentBeforePayment).expect("the timing of the assignment");
        assert!(timing.explanation.starts_with("in r1.md's words, gone from r2.md's:"), "{}", timing.explanation);
    }

    #[test]
    fn a_paragraph_before_the_first_goes_before_it() {
        let plan = blackline_of(R1, &format!("DRAFT FOR DISCUSSION\n\n{R1}"));
        let first = &plan.changes[0];
        assert!(first.new_clause.as_ref().is_some_and(|n| n.before) && first.paragraph == 0, "{first:#?}");
        assert_eq!(plan.accepted_paragraphs()[0], "DRAFT FOR DISCUSSION");
    }
}
