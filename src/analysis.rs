//! Reading a draft against the clause library: which clause matches which standard clause,
//! which phrases threaten the agency's IP and why, and which protections are missing.

pub(crate) mod judge;
#[cfg(test)]
mod linear;
mod matching;
mod parties;
mod prefilter;
mod reuse;
pub(crate) mod rules;
mod window;

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock, mpsc};
use std::thread::{Scope, ScopedJoinHandle};

use serde::Serialize;

use crate::ingest::{Document, Format};
use crate::library::{Category, ClauseLibrary, Concern, Fallback, FallbackKind, Severity, StandardClause};
use crate::reading::{Layout, Lexicon, Reading, Terms, TriggerWords};
use crate::segment::{self, Clause};
use crate::text::Normalised;

pub use parties::{Parties, is_client_role};

/// What the user tells the analysis beyond the draft.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The name or defined term the draft uses for the agency, overriding detection.
    pub agency_party: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub path: String,
    pub format: Format,
    pub sha256: String,
    pub bytes: u64,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LibraryMatch {
    pub id: String,
    /// Lexical similarity to the standard text (0 to 1), raised by 0.25 when one of that
    /// standard clause's risk rules or cues fired in this clause.
    pub score: f32,
}

#[derive(Debug, Clone, Serialize)]
pub struct AnalysedClause {
    pub index: usize,
    pub number: Option<String>,
    pub heading: Option<String>,
    pub start: usize,
    pub end: usize,
    pub category: Option<Category>,
    pub library_match: Option<LibraryMatch>,
}

impl AnalysedClause {
    pub fn clause(&self) -> Clause {
        Clause { index: self.index, number: self.number.clone(), heading: self.heading.clone(), start: self.start, end: self.end }
    }

    pub fn label(&self) -> String {
        self.clause().label()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FindingKind {
    /// A risky phrase at a place in the draft.
    Phrase,
    /// A required protection absent from the whole draft.
    Missing,
}

/// A fallback as offered for one finding (the library's rung, copied so output is standalone).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Offer {
    pub kind: FallbackKind,
    pub text: String,
    pub talking_point: String,
}

impl From<&Fallback> for Offer {
    fn from(f: &Fallback) -> Self {
        Offer { kind: f.kind, text: f.text.clone(), talking_point: f.talking_point.clone() }
    }
}

impl Offer {
    /// A library clause's ladder as offered, to be shared by the findings it answers.
    pub fn ladder(fallbacks: &[Fallback]) -> Arc<[Offer]> {
        fallbacks.iter().map(Offer::from).collect()
    }
}

/// Each library clause's ladder, made once for the findings of one analysis: a long draft can
/// give tens of thousands of findings answered by one clause, and each copy of its ladder is
/// a few kilobytes.
#[derive(Default)]
struct Ladders<'l>(HashMap<&'l str, Arc<[Offer]>>);

impl<'l> Ladders<'l> {
    fn of(&mut self, clause: &'l StandardClause) -> Arc<[Offer]> {
        Arc::clone(self.0.entry(&clause.id).or_insert_with(|| Offer::ladder(&clause.fallbacks)))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    pub concern: Concern,
    /// `clause-id/rule-id` for phrase findings, `clause-id/missing` for missing ones.
    pub rule: String,
    /// The standard clause whose language and ladder answer this finding.
    pub library_clause: String,
    pub severity: Severity,
    pub clause: Option<usize>,
    pub start: Option<usize>,
    pub end: Option<usize>,
    pub phrase: Option<String>,
    pub explanation: String,
    /// The library clause's ladder, shared by the findings it answers.
    pub fallbacks: Arc<[Offer]>,
    /// For a missing protection: the standard clause to add, whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub insert: Option<String>,
}

impl Finding {
    /// A stable identity that survives renumbering: concern, rule and the phrase as written.
    pub fn key(&self) -> String {
        let phrase = self.phrase.as_deref().map(crate::text::one_line).unwrap_or_default().to_lowercase();
        format!("{}|{}|{}", self.concern, self.rule, phrase)
    }
}

/// A `Finding::key()` read back (from a session's decision), to show a person what was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FindingKey<'a> {
    /// `None` for a concern this build does not know (a newer library's).
    pub concern: Option<Concern>,
    pub concern_id: &'a str,
    pub rule: &'a str,
    /// Lower-cased, as in the key; empty for a finding with no phrase (a missing protection).
    pub phrase: &'a str,
}

impl<'a> FindingKey<'a> {
    pub fn parse(key: &'a str) -> Self {
        let mut parts = key.splitn(3, '|');
        let concern_id = parts.next().unwrap_or_default();
        FindingKey {
            concern: Concern::from_id(concern_id),
            concern_id,
            rule: parts.next().unwrap_or_default(),
            phrase: parts.next().unwrap_or_default(),
        }
    }

    /// "Broad work-product grant: “all work product”", or the concern alone without a phrase.
    pub fn describe(&self) -> String {
        let concern: &str = self.concern.map_or(self.concern_id, |c| c.title());
        if self.phrase.is_empty() { concern.to_owned() } else { format!("{concern}: \u{201c}{}\u{201d}", self.phrase) }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub high: usize,
    pub medium: usize,
    pub low: usize,
    pub info: usize,
}

impl Summary {
    pub fn of(findings: &[Finding]) -> Self {
        findings.iter().fold(Summary::default(), |mut s, f| {
            match f.severity {
                Severity::High => s.high += 1,
                Severity::Medium => s.medium += 1,
                Severity::Low => s.low += 1,
                Severity::Info => s.info += 1,
            }
            s
        })
    }

    pub fn worst(&self) -> Option<Severity> {
        [(self.high, Severity::High), (self.medium, Severity::Medium), (self.low, Severity::Low), (self.info, Severity::Info)]
            .into_iter()
            .find(|(n, _)| *n > 0)
            .map(|(_, s)| s)
    }
}

/// The analysis of one draft.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    pub schema: &'static str,
    pub source: Source,
    pub clauses: Vec<AnalysedClause>,
    pub parties: Parties,
    pub findings: Vec<Finding>,
    pub summary: Summary,
    /// Where the whole-draft checks matched (see `rules::checks`), kept so a later round's
    /// analysis can reuse them.
    #[serde(skip)]
    checks: Vec<rules::Matches>,
    /// The library's phrase findings before the provisions were judged, kept so a later
    /// round's analysis can reuse them and judge them against its own provisions.
    #[serde(skip)]
    pattern_findings: Vec<Finding>,
}

impl Analysis {
    pub const SCHEMA: &'static str = "clauseguard.analysis/1";

    /// Findings located in a clause, in text order.
    pub fn findings_in(&self, clause: usize) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.clause == Some(clause))
    }

    /// The clause as a reader of the draft names it ("§4.1 Ownership"): for a paragraph with
    /// neither number nor heading, the nearest clause before it that has one, since a reader
    /// sees no "¶18"; "the opening words" before the first.
    pub fn label_as_read(&self, clause: usize) -> String {
        let upto = (clause + 1).min(self.clauses.len());
        let named = self.clauses[..upto].iter().rev().find(|c| c.number.is_some() || c.heading.is_some());
        named.map_or_else(|| "the opening words".to_owned(), |c| crate::text::one_line(&c.label()))
    }
}

/// The library compiled for matching; build once, analyse many drafts.
pub struct Analyzer<'a> {
    library: &'a ClauseLibrary,
    vectors: matching::LibraryVectors,
    /// Built on first use: `prepare` builds it beside reading the draft, off the start of the
    /// process's one thread.
    prefilter: OnceLock<prefilter::Prefilter>,
}

impl<'a> Analyzer<'a> {
    pub fn new(library: &'a ClauseLibrary) -> Self {
        static WARM: std::sync::Once = std::sync::Once::new();
        // Once a process, while the library and the draft are read: the patterns that split a
        // draft and find its parties compile (about 5 ms), then those the reader and the phrase
        // rules' direction checks use, and the reader's vocabulary (about 10 ms).
        let embedded_lexicon = library.reading.is_none();
        WARM.call_once(|| {
            std::thread::spawn(move || {
                segment::compile_patterns();
                parties::compile_patterns();
                rules::compile_patterns();
                crate::reading::compile_patterns();
                if embedded_lexicon {
                    Lexicon::embedded().compile();
                }
            });
        });
        let vectors = matching::LibraryVectors::new(library);
        Self { library, vectors, prefilter: OnceLock::new() }
    }

    fn prefilter(&self) -> &prefilter::Prefilter {
        self.prefilter.get_or_init(|| prefilter::Prefilter::new(self.library, self.vectors.cues().iter().map(|(_, p)| p)))
    }

    pub fn library(&self) -> &'a ClauseLibrary {
        self.library
    }

    /// Analyses two versions of a draft (the two rounds of a compare): the later one while the
    /// earlier one is read, reusing its results for every clause left as it was.
    pub fn analyze_pair(&self, old: &Document, new: &Document, options: &Options) -> (Analysis, Analysis) {
        let (old, new, ()) = self.analyze_pair_beside(old, new, options, |_, _| ());
        (old, new)
    }

    /// [`Analyzer::analyze_pair`], running `beside` on the earlier analysis and the later
    /// draft's clauses on another thread while the later draft's rules run.
    pub fn analyze_pair_beside<R: Send>(
        &self,
        old: &Document,
        new: &Document,
        options: &Options,
        beside: impl FnOnce(&Analysis, &[Clause]) -> R + Send,
    ) -> (Analysis, Analysis, R) {
        let (old_analysis, prepared) = std::thread::scope(|s| {
            let prepared = s.spawn(|| self.prepare(new, options));
            (self.analyze(old, options), joined(prepared.join()))
        });
        let (new_analysis, result) =
            self.finish_beside(new, &prepared, Some((old, &old_analysis)), |clauses| beside(&old_analysis, clauses));
        (old_analysis, new_analysis, result)
    }

    pub fn analyze(&self, doc: &Document, options: &Options) -> Analysis {
        // Outside the threads' scope, so that they can borrow it.
        let normalised = OnceLock::new();
        std::thread::scope(|s| {
            let (prepared, reading) = self.prepare_afresh(s, doc, options, &normalised);
            self.finish(doc, &prepared, Some(reading), None)
        })
    }

    /// Analyses `doc`, a later version of `base` (a draft and its analysis by this analyzer
    /// with the same options), taking base's results for each clause worded as one of base's:
    /// the result is the same as [`Analyzer::analyze`]'s, and costs what the changed clauses
    /// cost.
    pub fn analyze_next(&self, base: (&Document, &Analysis), doc: &Document, options: &Options) -> Analysis {
        self.finish(doc, &self.prepare(doc, options), None, Some(base))
    }

    /// [`Analyzer::analyze_next`], running `beside` on the draft's clauses on another thread
    /// while the rules run (a comparison's alignment needs the clauses, not the findings).
    pub fn analyze_next_beside<R: Send>(
        &self,
        base: (&Document, &Analysis),
        doc: &Document,
        options: &Options,
        beside: impl FnOnce(&[Clause]) -> R + Send,
    ) -> (Analysis, R) {
        self.finish_beside(doc, &self.prepare(doc, options), Some(base), beside)
    }

    fn finish_beside<R: Send>(
        &self,
        doc: &Document,
        prepared: &Prepared,
        base: Option<(&Document, &Analysis)>,
        beside: impl FnOnce(&[Clause]) -> R + Send,
    ) -> (Analysis, R) {
        std::thread::scope(|s| {
            let result = s.spawn(|| beside(&prepared.clauses));
            let analysis = self.finish(doc, prepared, None, base);
            (analysis, joined(result.join()))
        })
    }

    /// The steps that read the whole draft of a later round, side by side: segmenting (on two
    /// threads) and finding the parties. Its normalised text is left to the analysis, which
    /// normalises just the clauses it cannot reuse.
    fn prepare(&self, doc: &Document, options: &Options) -> Prepared<'static> {
        std::thread::scope(|s| {
            let clauses = s.spawn(|| segment::segment_on_two_threads(&doc.analysed, &doc.text));
            s.spawn(|| self.prefilter());
            let parties = parties::detect(&doc.analysed, options.agency_party.as_deref());
            Prepared { clauses: joined(clauses.join()), normalised: None, parties }
        })
    }

    /// The steps that read the whole of a draft analysed afresh, side by side: normalising
    /// and then finding the words that trigger provisions (this thread), finding the parties,
    /// and on the reader's thread, which runs on in `s` until its provisions are read, the
    /// clauses, the layout and the defined terms. The reader's chain is the analysis's longest:
    /// each of its steps starts as soon as what it needs is found, not when all of this is.
    fn prepare_afresh<'s, 'e>(
        &'e self,
        s: &'s Scope<'s, 'e>,
        doc: &'e Document,
        options: &'e Options,
        normalised: &'e OnceLock<Normalised>,
    ) -> (Prepared<'e>, Reader<'s>) {
        let (norm_sent, norm_given) = mpsc::channel();
        let (clauses_sent, clauses_given) = mpsc::channel();
        let (found_sent, found_given) = mpsc::channel();
        let parties = s.spawn(|| parties::detect(&doc.analysed, options.agency_party.as_deref()));
        s.spawn(|| self.prefilter());
        let reading = s.spawn(move || {
            let clauses = segment::segment(&doc.analysed, &doc.text);
            // The rest of the analysis has its own copy, so that this thread reads on.
            let _ = clauses_sent.send(clauses.clone());
            let norm: &Normalised = norm_given.recv().expect("the draft normalised");
            let lexicon = self.lexicon();
            let ranges = rules::clause_ranges(norm, &clauses);
            let layout = layout(doc, norm);
            let terms = Terms::read(lexicon, &norm.text, &ranges, &layout);
            let (found, parties): (TriggerWords, Parties) = found_given.recv().expect("the trigger words and parties found");
            let reading = Reading::read_found(lexicon, &norm.text, &ranges, layout, terms, &parties, &found);
            (ranges, reading)
        });
        let norm = normalised.get_or_init(|| Normalised::new(&doc.analysed));
        let _ = norm_sent.send(norm);
        // The reader's longest step, taken while the parties are found (they wait for their
        // patterns to compile) rather than after.
        let found = TriggerWords::find(self.lexicon(), &norm.text);
        let parties = joined(parties.join());
        let _ = found_sent.send((found, parties.clone()));
        let clauses = clauses_given.recv().expect("the draft segmented on the reader's thread");
        (Prepared { clauses, normalised: Some(norm), parties }, reading)
    }

    /// The rest of the analysis of a prepared draft; `reading`, the thread reading its
    /// provisions if one was started.
    fn finish(&self, doc: &Document, prepared: &Prepared, reading: Option<Reader<'_>>, base: Option<(&Document, &Analysis)>) -> Analysis {
        let Prepared { clauses, parties, .. } = prepared;
        // A clause's findings and matches depend on its words and the parties alone: a clause
        // of the earlier round worded alike has them already.
        let reused = match base {
            Some((base_doc, base)) if base.parties == *parties => reuse::sources(base_doc, base, doc, clauses),
            _ => vec![None; clauses.len()],
        };
        let fresh: Vec<usize> = (0..clauses.len()).filter(|&k| reused[k].is_none()).collect();
        // The earlier round's analysis, when some of its results are taken.
        let base = base.filter(|_| fresh.len() < clauses.len()).map(|(_, base)| base);
        let made = OnceCell::new();
        let (norm, ranges) = prepared.reading(doc, &fresh, &made);
        let draft = rules::Draft::new(self.prefilter(), doc, &norm, clauses, ranges, fresh.clone());
        let (mut findings, checks, Matched { similarity, cued }) = self.apply_rules(doc, prepared, &made, &draft, &fresh, &reused, base);
        // The provisions of a draft analysed afresh were read beside the rules: reading them is a
        // good part of the analysis, and the rules do not need it.
        let reading = reading.map(|r| joined(r.join()));
        if let Some(base) = base {
            findings.extend(reuse::findings(base, &reused, clauses));
        }
        findings.sort_by_key(|f| (f.start.unwrap_or(usize::MAX), std::cmp::Reverse(f.severity)));
        let pattern_findings = findings.clone();
        let mut findings = self.judge(doc, prepared, &made, reading, findings, &checks);
        findings.sort_by_key(|f| (f.start.unwrap_or(usize::MAX), std::cmp::Reverse(f.severity)));
        // A standard clause whose own rules or cues fired in a clause is a likelier match.
        let mut boosted: Vec<Vec<usize>> = vec![Vec::new(); clauses.len()];
        // From the library's own phrases only: a clause's match is its own, whatever the rest
        // of the draft says, so a later round can take it from an earlier one.
        for f in pattern_findings.iter().filter(|f| f.kind == FindingKind::Phrase) {
            let owner = self.library.clauses.iter().position(|c| c.id == f.library_clause);
            if let (Some(list), Some(owner)) = (f.clause.and_then(|k| boosted.get_mut(k)), owner) {
                list.push(owner);
            }
        }
        for ((owner, _), at) in self.vectors.cues().iter().zip(cued) {
            for k in at {
                boosted[k].push(*owner);
            }
        }
        let mut similarity = similarity.into_iter();
        let analysed = clauses
            .iter()
            .zip(&reused)
            .map(|(c, source)| {
                let library_match = match (source, base) {
                    (Some(source), Some(base)) => base.clauses[source.clause].library_match.clone(),
                    _ => self.vectors.best_match(&similarity.next().expect("one for each fresh clause"), &boosted[c.index]),
                };
                let category = library_match.as_ref().and_then(|m| self.library.get(&m.id)).map(|l| l.category);
                AnalysedClause {
                    index: c.index,
                    number: c.number.clone(),
                    heading: c.heading.clone(),
                    start: c.start,
                    end: c.end,
                    category,
                    library_match,
                }
            })
            .collect();
        let summary = Summary::of(&findings);
        Analysis {
            schema: Analysis::SCHEMA,
            source: Source {
                path: doc.path.display().to_string(),
                format: doc.format,
                sha256: doc.sha256.clone(),
                bytes: doc.bytes,
                notes: doc.notes.clone(),
            },
            clauses: analysed,
            parties: parties.clone(),
            findings,
            summary,
            checks,
            pattern_findings,
        }
    }

    /// The library's rules applied to `draft` (its phrases, and beside them its whole-draft
    /// checks), beside matching each fresh clause to the standard clauses.
    #[allow(clippy::too_many_arguments)]
    fn apply_rules(
        &self,
        doc: &Document,
        prepared: &Prepared,
        made: &OnceCell<Normalised>,
        draft: &rules::Draft,
        fresh: &[usize],
        reused: &[Option<reuse::Source>],
        base: Option<&Analysis>,
    ) -> (Vec<Finding>, Vec<rules::Matches>, Matched) {
        let Prepared { clauses, parties, .. } = prepared;
        std::thread::scope(|s| {
            let matched = s.spawn(|| Matched {
                similarity: fresh.iter().map(|&k| self.vectors.similarity(draft.text(k))).collect(),
                cued: self.vectors.cues().iter().map(|(_, cue)| draft.clauses_matching(cue)).collect(),
            });
            // A draft analysed afresh has its whole-draft checks run beside its phrases.
            let fresh_checks = base.is_none().then(|| s.spawn(|| rules::checks(self.library, draft)));
            let findings = rules::phrase_findings(self.library, draft, parties);
            let checks = match base {
                Some(base) => {
                    let every = || {
                        let norm = prepared.whole(doc, made);
                        rules::Draft::new(
                            self.prefilter(),
                            doc,
                            norm,
                            clauses,
                            rules::clause_ranges(norm, clauses),
                            (0..clauses.len()).collect(),
                        )
                    };
                    rules::checks(self.library, &reuse::Later::new(&base.checks, reused, draft, every))
                }
                None => joined(fresh_checks.expect("spawned for a fresh draft").join()),
            };
            (findings, checks, joined(matched.join()))
        })
    }
}

impl<'a> Analyzer<'a> {
    /// The draft's provisions (and each clause's range in its normalised text, `norm`).
    fn read(&self, doc: &Document, norm: &Normalised, clauses: &[Clause], parties: &Parties) -> (Vec<(usize, usize)>, Reading) {
        let ranges = rules::clause_ranges(norm, clauses);
        let reading = Reading::read(self.lexicon(), &norm.text, &ranges, layout(doc, norm), parties);
        (ranges, reading)
    }

    fn lexicon(&self) -> &'a Lexicon {
        match &self.library.reading {
            Some(custom) => &custom.lexicon,
            None => Lexicon::embedded(),
        }
    }

    /// The phrase findings judged against the draft's provisions, the provisions' own
    /// findings, and the missing protections the draft needs asked.
    fn judge(
        &self,
        doc: &Document,
        prepared: &Prepared,
        made: &OnceCell<Normalised>,
        read: Option<(Vec<(usize, usize)>, Reading)>,
        findings: Vec<Finding>,
        checks: &[rules::Matches],
    ) -> Vec<Finding> {
        let Prepared { clauses, parties, .. } = prepared;
        let norm = prepared.whole(doc, made);
        let (ranges, reading) = read.unwrap_or_else(|| self.read(doc, norm, clauses, parties));
        let provision_rules = match &self.library.reading {
            Some(custom) => custom.rules.as_slice(),
            None => judge::embedded_rules(),
        };
        let judged = judge::Judged::new(doc, norm, clauses, &ranges, &reading, parties, provision_rules);
        let at = norm.positions(findings.iter().map(|f| f.start.unwrap_or(doc.text.len())));
        let ends = norm.positions(findings.iter().map(|f| f.end.unwrap_or(doc.text.len())));
        // A phrase in a Markdown heading or a link to one names a clause, and the clause says
        // the rest; one in a drafter's note comments on the draft.
        let titled = |f: &Finding, start: usize, end: usize| f.start.is_some() && reading.layout.inert(start, end);
        let mut findings: Vec<Finding> = findings
            .into_iter()
            .zip(at.into_iter().zip(ends))
            .filter(|(f, (at, end))| !titled(f, *at, *end) && !judged.contradicts(self.library, f, *at))
            .map(|(f, _)| f)
            .collect();
        // One finding a concern and clause.
        let mut provisions = judged.findings(self.library);
        let same = |a: &Finding, b: &Finding| a.concern == b.concern && a.clause == b.clause;
        // Of a phrase and a provision finding on the same concern and clause, the more severe.
        findings.retain(|f| !provisions.iter().any(|p| same(f, p) && p.severity > f.severity));
        provisions.retain(|p| !findings.iter().any(|f| same(f, p)));
        findings.extend(provisions);
        // Each missing protection is shown where its absence bites; one a phrase there already
        // asks for (the transfer that is not tied to payment) is one point to negotiate, not two.
        let missing: Vec<Finding> = rules::missing_findings(self.library, clauses, checks, |c| judge::asked(c, &judged.facts))
            .into_iter()
            .map(|mut f| {
                if let Some(k) = judged.where_missing_bites(f.concern) {
                    f.clause = Some(clauses[k].index);
                }
                f
            })
            .filter(|f| !findings.iter().any(|p| p.concern == f.concern && p.clause == f.clause && p.severity >= Severity::Medium))
            .collect();
        findings.extend(missing);
        findings
    }
}

/// How a draft's fresh clauses match the standard clauses: each one's similarity to them (in
/// the order of `fresh`), and the clauses each standard clause's cues match in (in the order of
/// `LibraryVectors::cues`).
struct Matched {
    similarity: Vec<Vec<f32>>,
    cued: Vec<Vec<usize>>,
}

/// A draft's clauses, normalised text and parties: what the analysis needs before the rules.
struct Prepared<'n> {
    clauses: Vec<Clause>,
    /// The whole draft normalised, unless left to the analysis of a later round.
    normalised: Option<&'n Normalised>,
    parties: Parties,
}

/// The thread reading the provisions of a draft analysed afresh: each clause's range in the
/// normalised text, and the reading.
type Reader<'s> = ScopedJoinHandle<'s, (Vec<(usize, usize)>, Reading)>;

/// The layout of `doc`, normalised whole as `norm`.
fn layout(doc: &Document, norm: &Normalised) -> Layout {
    // The markup blanked out of `analysed` still marks the list items and headings in `text`
    // (same offsets).
    Layout::of(&doc.text, norm)
}

impl Prepared<'_> {
    /// The whole draft normalised: as prepared, or made now into `made`.
    fn whole<'p>(&'p self, doc: &Document, made: &'p OnceCell<Normalised>) -> &'p Normalised {
        self.normalised.unwrap_or_else(|| made.get_or_init(|| Normalised::new(&doc.analysed)))
    }

    /// The normalised text the rules read and each clause's range in it: the whole draft's, or
    /// when most clauses are taken from an earlier round, just those at `fresh`.
    fn reading<'p>(
        &'p self,
        doc: &Document,
        fresh: &[usize],
        made: &'p OnceCell<Normalised>,
    ) -> (Cow<'p, Normalised>, Vec<(usize, usize)>) {
        if self.normalised.is_some() || fresh.len() * 2 > self.clauses.len() {
            let whole = self.whole(doc, made);
            return (Cow::Borrowed(whole), rules::clause_ranges(whole, &self.clauses));
        }
        let regions: Vec<(usize, usize)> = fresh.iter().map(|&k| (self.clauses[k].start, self.clauses[k].end)).collect();
        let (norm, at) = Normalised::regions(&doc.analysed, &regions);
        let mut ranges = vec![(0, 0); self.clauses.len()];
        for (&k, range) in fresh.iter().zip(at) {
            ranges[k] = range;
        }
        (Cow::Owned(norm), ranges)
    }
}

/// A helper thread's result; its panic, if any, goes on in the caller.
pub(crate) fn joined<T>(result: std::thread::Result<T>) -> T {
    result.unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// Why `--agency-party NAME` cannot be right for `doc`: the draft never uses the name. The
/// message lists the parties the draft does define, so the user can pick one.
pub fn unknown_agency_party(doc: &Document, name: &str) -> Option<String> {
    let lower = name.trim().to_lowercase();
    let bare = lower.strip_prefix("the ").unwrap_or(&lower);
    let text = doc.analysed.to_lowercase();
    let used = text.match_indices(bare).any(|(i, _)| {
        let before = text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = text[i + bare.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        before && after
    });
    if used || bare.is_empty() {
        return None;
    }
    let found = parties::detect(&doc.analysed, None);
    let names: Vec<String> = [found.agency, found.counterparty].into_iter().flatten().map(|n| format!("\"{n}\"")).collect();
    let listed = if names.is_empty() { "no party names found".to_owned() } else { format!("parties found: {}", names.join(", ")) };
    Some(format!("{}: --agency-party \"{}\" is not used in this draft ({listed})", doc.path.display(), name.trim()))
}

/// Analyses one draft with a library compiled for the occasion.
pub fn analyze(doc: &Document, library: &ClauseLibrary, options: &Options) -> Analysis {
    Analyzer::new(library).analyze(doc, options)
}
