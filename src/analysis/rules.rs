//! Applying the library's risk rules: phrase findings (with carve-outs, context and direction)
//! and missing findings (required protections absent from the whole draft).

use std::sync::{Arc, LazyLock};

use regex::Regex;

use super::prefilter::{Hits, Prefilter};
use super::{Finding, FindingKind, Ladders, Offer, Parties};
use crate::ingest::Document;
use crate::library::pattern::ascii::AsciiFirst;
use crate::library::{ClauseLibrary, Concern, Direction, Pattern, RiskRule, Severity, StandardClause};
use crate::segment::Clause;
use crate::text::{Normalised, full_stops};

/// A draft prepared for the rules: its clauses' ranges in the normalised text, and where the
/// patterns' words occur.
pub struct Draft<'a> {
    pub doc: &'a Document,
    pub norm: &'a Normalised,
    pub clauses: &'a [Clause],
    ranges: Vec<(usize, usize)>,
    hits: Hits<'a>,
}

impl<'a> Draft<'a> {
    /// `ranges`: each clause's range in `norm`. The rules will run on the clauses at
    /// `positions` (ascending) only.
    pub fn new(
        prefilter: &'a Prefilter,
        doc: &'a Document,
        norm: &'a Normalised,
        clauses: &'a [Clause],
        ranges: Vec<(usize, usize)>,
        positions: Vec<usize>,
    ) -> Self {
        let hits = prefilter.scan(&norm.text, &ranges, positions);
        Self { doc, norm, clauses, ranges, hits }
    }

    /// The normalised text of the clause at `position`.
    pub fn text(&self, position: usize) -> &str {
        let (start, end) = self.ranges[position];
        &self.norm.text[start..end]
    }

    /// The positions of the clauses `pattern` matches in.
    pub fn clauses_matching(&self, pattern: &Pattern) -> Vec<usize> {
        let mut at = self.hits.ranges(pattern);
        at.retain(|&k| pattern.is_match_within(&self.norm.text, self.ranges[k].0..self.ranges[k].1));
        at
    }
}

/// Phrase findings: each of the library's patterns run on the clauses that hold a word of each
/// of its word sets (most patterns need only a handful of the draft's clauses).
pub fn phrase_findings(library: &ClauseLibrary, draft: &Draft, parties: &Parties) -> Vec<Finding> {
    let Draft { doc, norm, clauses, ranges, hits } = draft;
    // (pattern, the clauses to run it on, library clause, rule), with the bytes to scan.
    let mut work: Vec<(&Pattern, Vec<usize>, usize, usize)> = library
        .clauses
        .iter()
        .enumerate()
        .flat_map(|(ci, c)| c.rules.iter().enumerate().flat_map(move |(ri, r)| r.patterns.iter().map(move |p| (p, ci, ri))))
        .map(|(p, ci, ri)| (p, hits.ranges(p), ci, ri))
        .filter(|(_, at, _, _)| !at.is_empty())
        .collect();
    let bytes = |at: &[usize]| at.iter().map(|&k| ranges[k].1 - ranges[k].0).sum::<usize>();
    work.sort_by_cached_key(|(_, at, _, _)| std::cmp::Reverse(bytes(at)));
    // Two threads, the work dealt out largest first to whichever has less.
    let (mut first, mut second, mut load) = (Vec::new(), Vec::new(), [0, 0]);
    for item in work {
        let side = usize::from(load[1] < load[0]);
        load[side] += bytes(&item.1);
        if side == 0 { first.push(item) } else { second.push(item) }
    }
    let scan = |part: &[(&Pattern, Vec<usize>, usize, usize)]| {
        let mut hits = Vec::new();
        for (pattern, at, ci, ri) in part {
            for &k in at {
                let (ns, ne) = ranges[k];
                hits.extend(
                    pattern
                        .find_within(&norm.text, ns..ne)
                        .into_iter()
                        .filter(|m| m.start < m.end)
                        .map(|m| (k, m.start - ns, m.end - ns, *ci, *ri)),
                );
            }
        }
        hits
    };
    let mut hits = std::thread::scope(|s| {
        let other = s.spawn(|| scan(&second));
        let mut hits = scan(&first);
        hits.extend(super::joined(other.join()));
        hits
    });
    hits.sort_unstable();
    hits.dedup();
    let mut findings: Vec<(usize, Finding)> = Vec::new();
    // Whether a rule's `unless_clause` holds in a clause, asked once a clause and rule.
    let mut excepted: std::collections::HashMap<(usize, usize, usize), bool> = std::collections::HashMap::new();
    let mut windows = super::window::Windows::new("");
    let mut ladders = Ladders::default();
    for (k, ms, me, ci, ri) in hits {
        let (ns, ne) = ranges[k];
        let text = &norm.text[ns..ne];
        if !std::ptr::eq(windows.text(), text) {
            windows = super::window::Windows::new(text);
        }
        let owner = &library.clauses[ci];
        let rule = &owner.rules[ri];
        if *excepted.entry((k, ci, ri)).or_insert_with(|| rule.unless_clause.iter().any(|p| p.is_match(text))) {
            continue;
        }
        let (from, to) = sentence_around(text, ms, me);
        let sentence = &text[from..to];
        if rule.unless.iter().any(|u| windows.is_match(u, from..to))
            || !(rule.requires.is_empty() || rule.requires.iter().any(|r| windows.is_match(r, from..to)))
        {
            continue;
        }
        let suppressed = match rule.direction {
            Direction::ToCounterparty => benefits_agency(sentence, parties),
            Direction::OnAgency => subject_is_counterparty(&sentence[..ms - from], parties),
            Direction::Any => false,
        };
        if suppressed {
            continue;
        }
        let (start, end) = norm.original_range(ns + ms, ns + me);
        let mut finding = phrase_finding(doc, (owner, ladders.of(owner)), rule, clauses[k].index, start, end);
        if rule.direction != Direction::Any && parties.agency_aliases.is_empty() {
            // Who benefits cannot be told without knowing which party is the agency.
            finding.severity = finding.severity.min(Severity::Low);
            finding.explanation.push_str(
                " (Severity lowered: the agency's party was not found in the draft, so the direction of this grant is unknown; name it with --agency-party.)",
            );
        }
        push_merged(&mut findings, finding, ns + from);
    }
    findings.into_iter().map(|(_, f)| f).collect()
}

/// Where one pattern of a whole-draft check matched (clause positions, ascending), and whether
/// every clause it could match in was tried: a protection is looked for only until a clause
/// holding it is found, and what makes it apply only when it is missing.
#[derive(Debug, Clone, Default)]
pub struct Matches {
    pub at: Vec<usize>,
    pub complete: bool,
}

/// How the checks find the clauses a pattern matches in.
pub trait Find {
    /// A clause `pattern` (the `check`th of the library's check patterns) matches in, if any.
    fn any(&self, check: usize, pattern: &Pattern) -> Option<usize>;
    /// Every clause it matches in.
    fn all(&self, check: usize, pattern: &Pattern) -> Vec<usize>;
}

impl Find for Draft<'_> {
    fn any(&self, _: usize, p: &Pattern) -> Option<usize> {
        self.hits.ranges(p).into_iter().find(|&k| p.is_match_within(&self.norm.text, self.ranges[k].0..self.ranges[k].1))
    }

    fn all(&self, _: usize, p: &Pattern) -> Vec<usize> {
        self.clauses_matching(p)
    }
}

/// Runs the whole-draft checks of the required clauses: for each, its `present_when` patterns
/// until one matches, then (when none did) its `applies_when` patterns. One entry per pattern,
/// `present_when` then `applies_when`, clause after clause.
pub fn checks(library: &ClauseLibrary, find: &impl Find) -> Vec<Matches> {
    let mut out: Vec<Matches> = Vec::new();
    for m in library.clauses.iter().filter(|c| c.required).filter_map(|c| c.missing.as_ref()) {
        let mut present = false;
        for p in &m.present_when {
            let at = if present { None } else { find.any(out.len(), p) };
            // A pattern not tried (one before it matched) is not complete.
            out.push(Matches { complete: !present && at.is_none(), at: at.into_iter().collect() });
            present |= at.is_some();
        }
        for p in &m.applies_when {
            let at = if present { Vec::new() } else { find.all(out.len(), p) };
            out.push(Matches { at, complete: !present });
        }
    }
    out
}

/// Missing findings, from the [`checks`].
pub fn missing_findings(
    library: &ClauseLibrary,
    clauses: &[Clause],
    matches: &[Matches],
    read: impl Fn(Concern) -> Option<super::judge::Asked>,
) -> Vec<Finding> {
    use super::judge::Asked;
    let mut matches = matches.iter();
    let mut next = |n: usize| matches.by_ref().take(n).collect::<Vec<_>>();
    library
        .clauses
        .iter()
        .filter(|c| c.required)
        .filter_map(|c| c.missing.as_ref().map(|m| (c, m)))
        .map(|(c, m)| (c, m, next(m.present_when.len()), next(m.applies_when.len()), read(m.concern)))
        .filter(|(_, _, present, _, asked)| *asked == Some(Asked::Regardless) || present.iter().all(|p| p.at.is_empty()))
        .filter_map(|(c, m, _, applies, asked)| {
            // What the provisions say decides whether the check applies; where they say
            // nothing, the library's words do, and the finding is anchored to the first
            // clause that made the check apply.
            let anchor = match asked {
                Some(Asked::No) => return None,
                Some(_) => None,
                None if applies.is_empty() => None,
                None => Some(applies.iter().filter_map(|p| p.at.first().copied()).min()?),
            };
            Some(Finding {
                kind: FindingKind::Missing,
                concern: m.concern,
                rule: format!("{}/missing", c.id),
                library_clause: c.id.clone(),
                insert: Some(c.standard_text.clone()),
                severity: if asked == Some(Asked::Minor) { Severity::Low } else { m.severity },
                clause: anchor.map(|i| clauses[i].index),
                start: None,
                end: None,
                phrase: None,
                explanation: m.explanation.clone(),
                fallbacks: Offer::ladder(&c.fallbacks),
            })
        })
        .collect()
}

fn phrase_finding(
    doc: &Document,
    (owner, fallbacks): (&StandardClause, Arc<[Offer]>),
    rule: &RiskRule,
    clause: usize,
    start: usize,
    end: usize,
) -> Finding {
    let phrase = doc.text[start..end].to_owned();
    let shown = crate::text::one_line(&phrase);
    Finding {
        kind: FindingKind::Phrase,
        concern: rule.concern,
        rule: format!("{}/{}", owner.id, rule.id),
        library_clause: owner.id.clone(),
        severity: rule.severity,
        clause: Some(clause),
        start: Some(start),
        end: Some(end),
        phrase: Some(phrase),
        explanation: rule.explanation.replace("{phrase}", &format!("\u{201c}{shown}\u{201d}")),
        fallbacks,
        insert: None,
    }
}

/// Keeps one finding per concern and sentence (several phrasings of one risk in one sentence
/// are one thing to negotiate): the higher severity, then the earlier phrase.
fn push_merged(findings: &mut Vec<(usize, Finding)>, new: Finding, sentence: usize) {
    let same = |(s, f): &&mut (usize, Finding)| *s == sentence && f.concern == new.concern && f.clause == new.clause;
    if let Some((_, old)) = findings.iter_mut().rev().take(64).find(same) {
        if (new.severity, std::cmp::Reverse(new.start)) > (old.severity, std::cmp::Reverse(old.start)) {
            *old = new;
        }
    } else {
        findings.push((sentence, new));
    }
}

/// Each clause's range in the normalised text of the whole draft.
pub fn clause_ranges(norm: &Normalised, clauses: &[Clause]) -> Vec<(usize, usize)> {
    let mut start = 0;
    norm.positions(clauses.iter().map(|c| c.end))
        .into_iter()
        .map(|end| {
            let end = end.max(start);
            (std::mem::replace(&mut start, end), end)
        })
        .collect()
}

/// The byte range of the sentence of `text` containing `start..end`.
fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    // A sentence is read at most this far either side of the match: a draft that is one long
    // sentence is then read in time linear in its length.
    const REACH: usize = 1_500;
    let lo = crate::text::ceil_char(text, start.saturating_sub(REACH));
    let hi = crate::text::floor_char(text, (end + REACH).min(text.len()));
    let from = full_stops(&text[lo..start]).rev().find(|i| crate::text::ends_sentence(text, lo + i)).map_or(lo, |i| lo + i + 2);
    let to = full_stops(&text[end..hi]).find(|i| crate::text::ends_sentence(text, end + i)).map_or(hi, |i| end + i + 1);
    (from, to)
}

/// Whether the party named last before an obligation (its subject) is the counterparty:
/// "Client shall not compete" binds the client, not the agency.
fn subject_is_counterparty(before: &str, parties: &Parties) -> bool {
    let words: Vec<&str> = before.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-')).filter(|w| !w.is_empty()).collect();
    for end in (0..words.len()).rev() {
        for len in (1..=4.min(end + 1)).rev() {
            let candidate = words[end + 1 - len..=end].join(" ");
            let candidate = candidate.trim_end_matches("'s");
            if parties.is_agency(candidate) {
                return false;
            }
            if parties.is_counterparty(candidate) {
                return true;
            }
        }
    }
    false
}

// Who receives the rights and who keeps them, read by `benefits_agency`. The sentence is
// normalised (lower case, single spaces), so the classes are ASCII: the Unicode `\w` and `\s`
// made these searches cost milliseconds a sentence. The gap `[^.;]` is searched in its ASCII
// form in an ASCII sentence.
static RECIPIENT: LazyLock<AsciiFirst> = LazyLock::new(|| {
    AsciiFirst::new(
        r"(?-u:\b)(?:assign[a-z]*|transfer[a-z]*|convey[a-z]*|vest[a-z]*|belong[a-z]*|property|owned|ownership|exclusively|grant[a-z]*|licen[cs][a-z]*)(?-u:\b)[^.;]{0,120}?(?-u:\b)(?:to|of|by|in|unto|with) (?:the )?([a-z][a-z0-9&.\-]*(?: [a-z][a-z0-9&.\-]*){0,3})",
    )
});
static OWNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[ ,(])([a-z][a-z0-9&.\-]*(?: [a-z][a-z0-9&.\-]*){0,3}?) (?:shall |will |does |hereby |may )?(?:[a-z0-9_]+ )?(?:own|owns|retain|retains|keep|keeps|reserve|reserves)(?-u:\b)").expect("static regex")
});

/// Compiles the patterns that judge a phrase's direction (each on first use otherwise), so that
/// a thread with nothing else to do can do it before the draft is read.
pub(crate) fn compile_patterns() {
    RECIPIENT.compile();
    LazyLock::force(&OWNER);
}

/// Whether the rights in this sentence go to (or stay with) the agency, so the phrase is no
/// threat: "Client hereby assigns to Provider", "Provider retains all right, title and interest".
fn benefits_agency(sentence: &str, parties: &Parties) -> bool {
    if parties.agency_aliases.is_empty() {
        return false;
    }
    let names = |s: &str| -> Option<bool> {
        let words: Vec<&str> = s.split_whitespace().collect();
        // Longest prefix of the words that names a party; a longer defined term that merely
        // starts with a party's name ("Provider Materials") names no party.
        (1..=words.len())
            .rev()
            .find_map(|n| {
                let candidate = words[..n].join(" ").trim_end_matches(['.', ',', '\'']).trim_end_matches("'s").to_owned();
                if parties.is_other_term(&candidate) {
                    Some(None)
                } else if parties.is_agency(&candidate) {
                    Some(Some(true))
                } else if parties.is_counterparty(&candidate) {
                    Some(Some(false))
                } else {
                    None
                }
            })
            .flatten()
    };
    // Who receives decides; who keeps them is read only when the sentence does not say.
    match RECIPIENT.on(sentence).captures(sentence).and_then(|c| names(&c[1])) {
        Some(recipient) => recipient,
        None => OWNER.captures_iter(sentence).find_map(|c| names(&c[1])).unwrap_or(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parties() -> Parties {
        Parties {
            agency: Some("Provider".into()),
            counterparty: Some("Client".into()),
            detected: true,
            uncertain: false,
            agency_aliases: vec!["provider".into()],
            counterparty_aliases: vec!["client".into()],
            other_terms: vec!["provider materials".into()],
            candidates: Vec::new(),
        }
    }

    #[test]
    fn direction_of_assignment() {
        let p = parties();
        assert!(!benefits_agency("provider hereby assigns to client all right, title and interest in the deliverables.", &p));
        assert!(benefits_agency("client hereby assigns to provider all right, title and interest in the feedback.", &p));
        assert!(benefits_agency("provider retains all right, title and interest in its tools.", &p));
        assert!(!benefits_agency("all work product shall be the sole property of client.", &p));
        assert!(!benefits_agency("all work product shall be owned exclusively by the client.", &p));
        assert!(
            !benefits_agency("client shall have an exclusive, transferable license to the provider materials.", &p),
            "a defined term is not the party"
        );
    }

    #[test]
    fn sentences() {
        let t = "one two. three four five. six.";
        let at = t.find("four").unwrap();
        let (s, e) = sentence_around(t, at, at + 4);
        assert_eq!(&t[s..e], "three four five.");
        let t = "acme inc. shall own all work product, e.g. code. see section 4. next.";
        let at = t.find("work").unwrap();
        let (s, e) = sentence_around(t, at, at + 4);
        assert_eq!(&t[s..e], "acme inc. shall own all work product, e.g. code.");
        let t = "client owns the deliverables in schedule a. provider retains its tools.";
        let at = t.find("tools").unwrap();
        let (s, e) = sentence_around(t, at, at + 5);
        assert_eq!(&t[s..e], "provider retains its tools.");
    }
}
