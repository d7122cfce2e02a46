//! Deciding the changes: which passage each finding strikes (its sentence; several findings in
//! one sentence make one change), which words replace it (the session's adopted fallback, else
//! the library's first rung with counter-language), and where missing protections go.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::definitions::{self, Spot};
use super::function::{self, Cited, Function};
use super::person::Person;
use super::phrase;
use super::placement::{self, Number};
use super::sentence::{cover_markup, paragraph_of, sentence_bounds};
use super::terms::{Vocabulary, defined_terms, whole_word};
use super::{Change, Draft, Language, NewClause, OpenPoint, OpenReason, Reason, Redline, RedlineOptions};
use crate::analysis::{Analysis, Finding, FindingKind, Offer};
use crate::ingest::Format;
use crate::library::{ClauseLibrary, Concern, FallbackKind};

/// What the negotiation session decided about a finding (or a whole clause), located in this
/// draft. Built by the caller from the session's decisions.
#[derive(Debug, Clone, PartialEq)]
pub struct Steer {
    /// The clause of this draft the decision belongs to; None when it could not be found again.
    pub clause: Option<usize>,
    /// `Finding::key()` of the finding decided on; None for the whole clause.
    pub finding: Option<String>,
    pub stance: Stance,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Stance {
    /// Counter with these words (the fallback rung adopted, when recorded).
    Counter { fallback: Option<FallbackKind>, language: String },
    /// The agency accepted the client's wording: leave it.
    Concede,
}

/// A passage to strike, with the findings in it (indices into `Analysis::findings`).
#[derive(Clone)]
struct Group {
    clause: usize,
    paragraph: usize,
    range: Range<usize>,
    findings: Vec<usize>,
}

/// The words chosen for a change, the reason counsel reads beside them, and the talking point
/// that goes with them.
struct Chosen {
    text: String,
    language: Language,
    note: String,
    talking_point: String,
    /// The finding whose ladder supplied the words, if one did.
    from: Option<usize>,
}

/// What planning needs at hand.
struct Planner<'a> {
    draft: &'a Draft,
    analysis: &'a Analysis,
    library: &'a ClauseLibrary,
    steers: &'a [Steer],
    open: Vec<OpenPoint>,
    vocabulary: Vocabulary,
    /// Who the agency is (a company, an individual, an employee): the words that fit it.
    person: Person,
    /// The provision reader's reading of the whole draft, with the parties, read once.
    reading: std::cell::OnceCell<(crate::text::Normalised, crate::reading::Reading)>,
    /// The numbers of the clauses the redline changes ("4.3"), once the passages are known.
    changed: Vec<String>,
    /// The draft's term for what passes whose definition the redline narrows in its own words
    /// ("Covered Inventions"), once the passages are known.
    /// With the label of the clause that defines it.
    narrowed: Option<(String, String)>,
}

/// Plans the counter-proposal for `draft` from its analysis and what the session decided.
pub fn plan(draft: Draft, analysis: &Analysis, library: &ClauseLibrary, steers: &[Steer], options: RedlineOptions) -> Redline {
    // Clauses are named, placed and numbered by the numbers a reader sees.
    let shown = super::shown::numbers(&draft, analysis);
    let analysis = shown.as_ref().unwrap_or(analysis);
    let lexicon = library.reading.as_ref().map_or(crate::reading::Lexicon::embedded(), |r| &r.lexicon);
    let vocabulary = Vocabulary::read(&draft.analysed, &analysis.parties, lexicon);
    let person = Person::of(&draft.analysed, &analysis.parties);
    let (reading, open) = (std::cell::OnceCell::new(), Vec::new());
    let mut p =
        Planner { draft: &draft, analysis, library, steers, open, vocabulary, person, reading, changed: Vec::new(), narrowed: None };
    let mut groups: Vec<Group> = Vec::new();
    let mut missing: Vec<usize> = Vec::new();
    for (fi, f) in analysis.findings.iter().enumerate() {
        if let Some(why) = settled(&draft, analysis, steers, options.only, fi) {
            p.leave(fi, why);
        } else if f.kind == FindingKind::Missing {
            missing.push(fi);
        } else if let Some(group) = passage(&draft, analysis, fi) {
            let group = p.led_in(group);
            if is_heading(&draft, analysis, &group) {
                p.leave(fi, OpenReason::InHeading);
            } else if f.concern == Concern::NoLicenseBack && p.grants_a_licence(&group) {
                // A licence (the agency's, or the deal) is kept and the licence back goes beside it.
                missing.push(fi);
            } else {
                groups.push(group);
            }
        }
    }
    // One fix per problem: what an addition to a defined term alone gives other clauses is
    // answered where the addition is denied.
    p.answer_where_added(&mut groups);
    // A missing carve-out of the agency's own materials, where its clause has an assignment
    // that is edited or can be: "excluding <the draft's term>" in that sentence, not a new clause.
    missing.retain(|&fi| !p.carve_out_in_place(fi, &mut groups));
    let mut planned = p.replacements(groups);
    keep_items_changed_on_their_own(&mut planned);
    // One fix per problem: a protection a change already answers is not added again. A promise
    // narrowed in its own words ("shall not use Client's Confidential Information ...") takes a
    // bar away and grants nothing: the protection still goes in.
    let narrows_promise = |c: &Change| {
        matches!(c.language, Language::Edited { .. }) && phrase::restricts(&draft.analysed[draft.paragraphs[c.paragraph].clone()])
    };
    // Nor do words put in place of a bar on the agency's know-how that keep none of it ("shall
    // not use Client Data ..." for "... or any insights derived from Client Data"): where the
    // draft keeps the agency no know-how, the residuals clause goes in beside them.
    let keeps_know_how =
        |c: &Change| crate::reading::Features::of(p.lexicon(), &c.inserted.to_lowercase()).has(crate::reading::Feature::Residuals);
    let reworded = |f: &Finding| planned.iter().flat_map(|(_, c)| &c.reasons).any(|r| r.concern == f.concern && r.phrase == f.phrase);
    let barred = analysis.findings.iter().position(|f| f.kind == FindingKind::Phrase && f.concern == Concern::NoResiduals && reworded(f));
    if let Some(fi) = barred
        && !missing.iter().any(|&m| analysis.findings[m].concern == Concern::NoResiduals)
        && !p.draft_keeps_know_how()
    {
        missing.push(fi);
    }
    missing.retain(|&fi| {
        let f = &analysis.findings[fi];
        let answers = |c: &Change| !narrows_promise(c) && (f.concern != Concern::NoResiduals || keeps_know_how(c));
        !planned.iter().any(|(_, c)| c.reasons.iter().any(|r| r.concern == f.concern) && answers(c))
    });
    // The agency's materials carved out of what passes are licensed to the client as they sit
    // in the work, where the draft does not already license them.
    missing.extend(p.carved_out_unlicensed(&planned, &missing));
    planned.extend(p.new_clauses(&missing));
    let mut changes = in_order(planned);
    reserve_emptied(&mut changes, &draft);
    // A term the library's words define in passing ("including those listed in Exhibit A
    // ("Agency IP")") is defined in the draft's definitions section when it has one, else where
    // it is first used: a definition in passing anywhere else is taken out, and the term gets a
    // definition of its own below, never after a use.
    // A term the draft itself defines ("Reserved Materials") is never defined again.
    let section = definitions::Section::find(&draft);
    let drafts_own = defined_terms(&draft.analysed);
    without_second_definitions(&mut changes, &drafts_own, section.is_some(), &p.vocabulary);
    // In a draft with a definitions section, a definition the library's words carry after
    // the words that use it ("... the Client IP in that Deliverable. "Client IP" means ...")
    // goes in that section.
    let mut for_section: Vec<(String, String)> = Vec::new();
    if section.is_some() {
        for c in changes.iter_mut().filter(|c| !matches!(c.language, Language::AlreadyInserted { .. })) {
            for (term, at) in super::terms::definition_sentences(&c.inserted).into_iter().rev() {
                let sentence = c.inserted[at.clone()].trim().to_owned();
                c.inserted.replace_range(at, "");
                p.vocabulary.learn(&sentence);
                for_section.push((term, sentence));
            }
        }
        for_section.reverse();
    }
    // A term the inserted words define anywhere needs no second definition.
    for c in &changes {
        p.vocabulary.learn(&c.inserted);
    }
    // A definition goes in the draft's definitions section when it has one; else after the
    // words that need it, or, for words put inside the draft's own sentence, in a paragraph of
    // its own after that sentence's.
    let mut definitions: Vec<Change> = Vec::new();
    for c in changes.iter_mut().filter(|c| !c.inserted.is_empty()) {
        let needed = p.vocabulary.definitions_for(&c.inserted);
        if section.is_some() {
            for_section.extend(needed.into_iter().map(|d| (defined_terms(&d).into_iter().next().unwrap_or_default(), d)));
        } else if matches!(c.language, Language::Edited { .. }) {
            definitions.extend(definitions_after_edit(&draft, analysis, c, &needed));
        } else {
            for definition in needed {
                c.inserted.push(' ');
                c.inserted.push_str(&definition);
            }
        }
    }
    if let Some(section) = &section {
        for (_, spot) in section.place(&for_section) {
            let paragraph = &draft.paragraphs[spot.template];
            let label = analysis
                .clauses
                .iter()
                .position(|c| c.start <= paragraph.start && paragraph.start < c.end)
                .map(|i| analysis.label_as_read(i))
                .unwrap_or_default();
            definitions.push(definition(draft.paragraphs[spot.after].end, &spot, &label));
        }
    }
    let mut changes = with_definitions(changes, definitions);
    one_note_per_reason(&mut changes);
    let open = p.open;
    Redline { kind: super::Kind::CounterProposal, draft, changes, open, options }
}

impl Planner<'_> {
    /// Takes out of the passages the findings that only an addition to a defined term gives
    /// them, which the redline answers where the addition is denied (`additions`).
    fn answer_where_added(&mut self, groups: &mut Vec<Group>) {
        let passages: Vec<(Range<usize>, Vec<usize>)> = groups.iter().map(|g| (g.range.clone(), g.findings.clone())).collect();
        let mut answered = super::additions::answered_where_added(self.draft, self.analysis, self.library, self.lexicon(), &passages);
        // Words the session chose for a point still go in where it is.
        answered.retain(|&fi| steer_for(self.steers, &self.analysis.findings[fi]).is_none());
        for &fi in &answered {
            self.leave(fi, OpenReason::AnsweredWhereAdded);
        }
        for g in groups.iter_mut() {
            g.findings.retain(|fi| !answered.contains(fi));
        }
        groups.retain(|g| !g.findings.is_empty());
    }

    fn leave(&mut self, fi: usize, why: OpenReason) {
        let f = &self.analysis.findings[fi];
        let clause_label = self.label(f.clause);
        self.open.push(OpenPoint { concern: f.concern, severity: f.severity, clause_label, phrase: f.phrase.clone(), why });
    }

    fn label(&self, clause: Option<usize>) -> Option<String> {
        clause.filter(|&i| i < self.analysis.clauses.len()).map(|i| self.analysis.label_as_read(i))
    }

    /// What the draft's other clauses say of `clause` when they cite it by number.
    fn cited(&self, clause: usize) -> Vec<Cited> {
        let Some(c) = self.analysis.clauses.get(clause) else { return Vec::new() };
        c.number.as_deref().map(|n| function::cited_as(&self.draft.analysed, n, Some(&(c.start..c.end)))).unwrap_or_default()
    }

    /// The edits of the passage's own words for its findings (`phrase::edits`), in the draft's
    /// terms for the deliverables and the agency's own materials.
    fn phrase_edits(&self, g: &Group) -> Vec<phrase::Edit> {
        let sentence = &self.draft.analysed[g.range.clone()];
        let concerns: Vec<Concern> = g.findings.iter().map(|&i| self.analysis.findings[i].concern).collect();
        let defined: Vec<&str> = self.vocabulary.defined().iter().map(String::as_str).collect();
        let words = phrase::Words {
            deliverables: self.vocabulary.defines("Deliverables").then_some("the Deliverables"),
            agency_ip_has_methods: self.vocabulary.agency_ip_has_methods(),
            agency_ip_plural: self.vocabulary.adapt("Agency IP").ends_with('s'),
            defined: &defined,
            lexicon: self.lexicon(),
            employment: self.analysis.parties.is_employment(),
            narrowed: self.narrowed.as_ref().map(|(term, _)| term.as_str()),
        };
        let mut edits = phrase::edits(sentence, &concerns, &words);
        if concerns.contains(&Concern::Derivatives) && !edits.iter().any(|e| e.concerns.contains(&Concern::Derivatives)) {
            edits.extend(self.improvements_carved_out_of_items(g));
            edits.sort_by_key(|e| e.range.start);
        }
        // "Provider shall retain no right ... in any Work Product": the licence back goes in as
        // its exception, in the library's words, rather than in place of the clause.
        if edits.is_empty() && !words.employment && concerns.contains(&Concern::NoLicenseBack) && phrase::keeps_nothing(sentence) {
            let licence_back =
                g.findings.iter().flat_map(|&i| self.analysis.findings[i].fallbacks.iter()).find(|o| o.kind == FallbackKind::LicenseBack);
            edits.extend(licence_back.and_then(|o| phrase::licence_back_exception(sentence, &o.text)));
        }
        // "confirms that no pre-existing ... intellectual property of the Supplier is
        // incorporated": the agency's materials go in as its exception.
        if edits.is_empty() && concerns.contains(&Concern::PreExistingIp) {
            edits.extend(phrase::prior_excepted(sentence));
        }
        if edits.is_empty() {
            edits.extend(self.cited_instead(g, sentence));
        }
        // A licence "to the extent any rights in materials described in Section 4.3 cannot be
        // assigned", where §4.3 is changed, is conditioned instead on what it licenses being
        // in the deliverables, in the draft's terms: its own words, not a citation of nothing.
        let licensed: Vec<Concern> = edits.iter().flat_map(|e| e.concerns.iter().copied()).collect();
        if !licensed.is_empty()
            && phrase::grants_licence(sentence, &words)
            && let Some(cond) = phrase::cited_condition(sentence).filter(|c| self.cites_changed(&sentence[c.clone()]))
        {
            let things = words.deliverables.unwrap_or("the deliverables");
            let ours = self.vocabulary.adapt("Agency IP");
            let mut licensed = licensed;
            licensed.dedup();
            edits.push(phrase::Edit {
                range: cond.clone(),
                inserted: format!("{things} incorporate {ours}"),
                concerns: licensed.clone(),
                kinds: vec![phrase::EditKind::Limited],
            });
            if let Some(those) = phrase::those_materials(sentence, cond.end) {
                edits.push(phrase::Edit {
                    range: those,
                    inserted: format!("that {ours}"),
                    concerns: licensed,
                    kinds: vec![phrase::EditKind::Limited],
                });
            }
            edits.sort_by_key(|e| e.range.start);
        }
        edits
    }

    /// A clause cited by number for which the reading lexicon has the standard one to propose
    /// ("FAR 52.227-17 Rights in Data -- Special Works" becomes "52.227-14 Rights in Data --
    /// General"): the citation up to its title's changed words replaced, answering the
    /// findings read from the cited clause (their phrase is its number), and no other: a
    /// missing carve-out of the agency's materials is not what the other clause gives. With its
    /// reason.
    fn cited_instead(&self, g: &Group, sentence: &str) -> Option<phrase::Edit> {
        self.lexicon().incorporated.iter().find_map(|cited| {
            let instead = cited.instead.as_ref()?;
            let concerns: Vec<Concern> = g
                .findings
                .iter()
                .map(|&i| &self.analysis.findings[i])
                .filter(|f| f.phrase.as_deref() == Some(cited.cites.as_str()))
                .map(|f| f.concern)
                .collect();
            if concerns.is_empty() {
                return None;
            }
            let at = sentence
                .match_indices(cited.cites.as_str())
                .map(|(i, _)| i)
                .find(|&i| !sentence[..i].ends_with(|c: char| c.is_ascii_digit() || c == '.'))?;
            let end = at + cited.cites.len();
            let window = &sentence[end..crate::text::floor_char(sentence, (end + 60).min(sentence.len()))];
            let (deleted_end, inserted) = match window.find(instead.title.0.as_str()) {
                Some(k) => {
                    let between = &window[..k];
                    (end + k + instead.title.0.len(), format!("{}{between}{}", instead.cites, instead.title.1))
                }
                None => (end, instead.cites.clone()),
            };
            Some(phrase::Edit { range: at..deleted_end, inserted, concerns, kinds: vec![phrase::EditKind::Substituted] })
        })
    }

    /// Why a cited clause is replaced (`cited_instead`), in the draft's party names.
    fn substituted_because(&self, inserted: &str) -> String {
        let instead =
            self.lexicon().incorporated.iter().filter_map(|c| c.instead.as_ref()).find(|i| inserted.starts_with(i.cites.as_str()));
        instead.map_or_else(String::new, |i| self.vocabulary.adapt(&i.why.replace("{agency}", "Agency").replace("{client}", "Client")))
    }

    /// Whether `text` cites by number a clause the redline changes.
    fn cites_changed(&self, text: &str) -> bool {
        static CITES: std::sync::LazyLock<regex::Regex> =
            std::sync::LazyLock::new(|| regex::Regex::new(r"(?i)\b(?:section|clause|§)\s*(\d+(?:\.\d+)*)").expect("static regex"));
        CITES.captures_iter(text).any(|c| self.changed.iter().any(|n| *n == c[1]))
    }

    /// The provision reader's vocabulary the analysis used: the library's own, else the embedded.
    fn lexicon(&self) -> &crate::reading::Lexicon {
        match &self.library.reading {
            Some(reading) => &reading.lexicon,
            None => crate::reading::Lexicon::embedded(),
        }
    }

    /// Whether the edits of the passage's own words answer every finding in it, and the session
    /// chose no words for any of them.
    fn answered_by_edits(&self, g: &Group) -> bool {
        let edits = self.phrase_edits(g);
        g.findings.iter().all(|&i| {
            let f = &self.analysis.findings[i];
            (edits.iter().any(|e| e.concerns.contains(&f.concern)) || self.narrowed_where_defined(g, f.concern))
                && steer_for(self.steers, f).is_none()
        })
    }

    /// Whether a broad object is answered where its term is defined: the passage names the
    /// draft's term for what passes whose definition the redline narrows in its own words
    /// (enspyr §2.1 assigns "the Intellectual Property in the Project Materials", and §1's
    /// "Project Materials" now means what is made "specifically for the Company"). One fix per
    /// problem: saying "created ... specifically for the Company" after the term again would
    /// repeat what its definition now says.
    fn narrowed_where_defined(&self, g: &Group, concern: Concern) -> bool {
        let Some((term, _)) = self.narrowed.as_ref().filter(|_| concern == Concern::BroadWorkProduct) else { return false };
        let sentence = &self.draft.analysed[g.range.clone()];
        phrase::defined_term(sentence) != Some(term.as_str()) && phrase::transfers(sentence) && whole_word(term).is_match(sentence)
    }

    /// Whether a licence grant is better edited in its own words (its terms struck, its use
    /// limited) than replaced by the library's licence: the edits answer every finding in it,
    /// and it does not lean on a clause the redline changes ("materials described in Section
    /// 4.3", when §4.3 is struck), which its own words would still cite.
    fn edit_licence(&self, g: &Group, all: &[Group]) -> bool {
        static CITES: std::sync::LazyLock<regex::Regex> =
            std::sync::LazyLock::new(|| regex::Regex::new(r"(?i)\b(?:section|clause|§)\s*(\d+(?:\.\d+)*)").expect("static regex"));
        let sentence = &self.draft.analysed[g.range.clone()];
        let words = phrase::Words {
            deliverables: None,
            agency_ip_has_methods: false,
            agency_ip_plural: false,
            defined: &[],
            lexicon: self.lexicon(),
            employment: false,
            narrowed: None,
        };
        let changed = |number: &str| {
            all.iter().any(|o| {
                o.clause != g.clause
                    && self
                        .analysis
                        .clauses
                        .get(o.clause)
                        .and_then(|c| c.number.as_deref())
                        .is_some_and(|n| n.trim_end_matches('.') == number)
            })
        };
        // A citation in the licence's condition is rewritten (`phrase_edits`); one elsewhere
        // would still cite the changed clause.
        let condition = phrase::cited_condition(sentence).unwrap_or(0..0);
        let stale = CITES
            .captures_iter(sentence)
            .any(|c| c.get(0).is_some_and(|m| !(condition.start <= m.start() && m.end() <= condition.end)) && changed(&c[1]));
        phrase::grants_licence(sentence, &words) && !stale && self.answered_by_edits(g)
    }

    /// Whether a transfer (an assignment, "hereby assigns", or a statement of who owns the
    /// work) is better edited in its own words than replaced, as a lawyer marks up a draft: the
    /// edits answer every finding in it, and the session chose no words for any of them; and
    /// every other transfer of its clause is edited too or keeps its words (else the clause
    /// gets the library's assignment, and an edited second one would repeat it). Passages of
    /// the clause that do another job (a moral rights waiver beside the assignment) do not
    /// count.
    fn edit_transfer(&self, g: &Group, all: &[Group]) -> bool {
        let transfers = |g: &Group| phrase::transfers(&self.draft.analysed[g.range.clone()]);
        // Replaced by library words: some finding's ladder has words that can stand in its place.
        let replaced = |g: &Group| {
            let struck = Struck {
                deleted: &self.draft.analysed[g.range.clone()],
                cited: self.cited(g.clause),
                used: &[],
                draft: &self.draft.analysed,
            };
            choose(self.analysis, self.steers, &g.findings, self.library, Some(&struck), self.person).is_some()
        };
        let answers = |g: &Group| self.answered_by_edits(g);
        transfers(g)
            && answers(g)
            && all.iter().filter(|o| o.clause == g.clause && o.range != g.range && transfers(o)).all(|o| answers(o) || !replaced(o))
    }

    /// Whether a non-compete is better narrowed in its own words (a shorter period, its
    /// industry-wide reach struck, services by field made "a system substantially similar to
    /// the Deliverables") than replaced, and a statement that the agency keeps nothing better
    /// given the licence back as its exception: the edits answer every finding in it.
    fn edit_restriction(&self, g: &Group) -> bool {
        let narrowed = [Concern::NonCompete, Concern::NoLicenseBack, Concern::NoResiduals];
        g.findings.iter().any(|&i| narrowed.contains(&self.analysis.findings[i].concern)) && self.answered_by_edits(g)
    }

    /// Whether a definition of the draft's own term is better edited in its own words (what
    /// it sweeps in narrowed to what is made for the client, what existed before struck) than
    /// replaced by the library's definition under its name, as a lawyer marks up a definition:
    /// the edits, and the carve-out where the term passes, answer every finding in it, and the
    /// session chose no words for any. Enspyr's "Project Materials" keeps its list.
    fn edit_definition(&self, g: &Group, all: &[Group]) -> bool {
        let sentence = &self.draft.analysed[g.range.clone()];
        if phrase::defined_term(sentence).is_none() || phrase::transfers(sentence) {
            return false;
        }
        let edits = self.phrase_edits(g);
        // A definition that lists methods in its own words ("know-how, methodologies,
        // techniques") still gives them away: a carve-out elsewhere does not mend it.
        let lists_methods = |f: &Finding| {
            f.concern == Concern::MethodologyTransfer
                && f.phrase
                    .as_deref()
                    .is_some_and(|p| crate::reading::Features::of(self.lexicon(), &p.to_lowercase()).has(crate::reading::Feature::Methods))
        };
        // What a carve-out where the term passes can answer: never its breadth.
        let carved_out_elsewhere = [Concern::PreExistingIp, Concern::MethodologyTransfer, Concern::ModelOwnership, Concern::Derivatives];
        !edits.is_empty()
            && g.findings.iter().all(|&i| {
                let f = &self.analysis.findings[i];
                steer_for(self.steers, f).is_none()
                    && (edits.iter().any(|e| e.concerns.contains(&f.concern))
                        || carved_out_elsewhere.contains(&f.concern)
                            && !lists_methods(f)
                            && self.carved_out_where_it_passes(g, f.concern, all))
            })
    }

    /// Answers a missing pre-existing-IP finding with a carve-out in an assignment of its
    /// clause (a sentence already to be edited, or one that can be), as a lawyer adds
    /// "excluding Pre-Existing Materials" rather than a clause, and a missing payment condition
    /// with "upon receipt of full payment" in the transfer itself. Returns whether it did.
    fn carve_out_in_place(&self, fi: usize, groups: &mut Vec<Group>) -> bool {
        let f = &self.analysis.findings[fi];
        let in_place = matches!(f.concern, Concern::PreExistingIp | Concern::AssignmentBeforePayment);
        let Some(clause) = f.clause.filter(|_| in_place && steer_for(self.steers, f).is_none()) else {
            return false;
        };
        // The payment condition goes into a transfer the reader finds operative, not into words
        // that describe what the agreement is about ("... and what belongs to the Company").
        let payment = f.concern == Concern::AssignmentBeforePayment;
        for candidate in self.transfer_sentences(clause).into_iter().filter(|c| !payment || self.transfers_work(c)) {
            let mut all = groups.clone();
            let overlapping = all.iter().position(|g| {
                g.paragraph == candidate.paragraph && g.range.start < candidate.range.end && candidate.range.start < g.range.end
            });
            let trial = match overlapping {
                Some(i) => {
                    let mut g = all.remove(i);
                    g.range = g.range.start.min(candidate.range.start)..g.range.end.max(candidate.range.end);
                    g.findings.push(fi);
                    g
                }
                None => Group { findings: vec![fi], ..candidate },
            };
            all.push(trial.clone());
            if self.edit_transfer(&trial, &all) {
                *groups = all;
                return true;
            }
        }
        false
    }

    /// Improvements to the agency's materials carved out of each item of a list of what is
    /// assigned that a derivatives finding of `g` is in ("- Any inventions, innovations, or
    /// improvements, excluding improvements to Agency IP"): the list stays the list its lead-in
    /// announces, where the library's derivatives words in its place would be a statement the
    /// lead-in runs into. Offsets are into `g`'s sentence.
    fn improvements_carved_out_of_items(&self, g: &Group) -> Vec<phrase::Edit> {
        let mut out: Vec<phrase::Edit> = Vec::new();
        for &fi in &g.findings {
            let f = &self.analysis.findings[fi];
            let Some(item) = f.start.filter(|_| f.concern == Concern::Derivatives).and_then(|at| self.assigned_item(g, at)) else {
                continue;
            };
            let Some((end, inserted)) = phrase::improvements_excluded(&self.draft.text[item.clone()]) else { continue };
            let at = item.start + end - g.range.start;
            if !out.iter().any(|e| e.range.start == at) {
                out.push(phrase::Edit {
                    range: at..at,
                    inserted,
                    concerns: vec![Concern::Derivatives],
                    kinds: vec![phrase::EditKind::CarvedOut],
                });
            }
        }
        out
    }

    /// The item holding byte `at` of the passage `g`, as a range of the draft's text, when `g`
    /// lies in a list whose lead-in transfers the work ("Provider assigns to ODYSSEY-1 all
    /// rights to:" then "- Any inventions, innovations, or improvements"): the list laid out
    /// one item a line in `g`'s paragraph, led into by the words before it in that paragraph
    /// or by the paragraph before; else, an item a paragraph (a Word list), `g`'s paragraph,
    /// led into by the nearest paragraph above ending with a colon.
    fn assigned_item(&self, g: &Group, at: usize) -> Option<Range<usize>> {
        let draft = self.draft;
        let (start, end) = (draft.text_starts[g.paragraph], draft.paragraphs[g.paragraph].end);
        let raw = draft.text.get(start..end)?;
        let (item, lead_in) = if let Some(item) = phrase::list::line_item(raw, at.checked_sub(start)?) {
            let first = phrase::list::first_line_item(raw)?;
            let own = draft.analysed[start..start + first].trim_end();
            let lead_in = if own.is_empty() {
                self.lead_in_above(g)?
            } else {
                let bounds = start..start + own.len();
                own.ends_with(':').then(|| sentence_bounds(&draft.analysed, bounds.clone(), bounds.end - 1, bounds.end))?
            };
            (start + item.start..start + item.end, lead_in)
        } else {
            let words = draft.analysed[start..end].trim_end();
            let leading = words.len() - words.trim_start().len();
            (start + leading..start + words.len(), self.lead_in_above(g)?)
        };
        let within = g.range.start <= item.start && item.end <= g.range.end;
        (within && phrase::transfers(&draft.analysed[lead_in])).then_some(item)
    }

    /// The sentence that leads into the list `g`'s paragraph belongs to, in its clause: the
    /// nearest paragraph above ending with a colon, over paragraphs that read as the list's
    /// earlier items (no full stop at their end, a few words). Its last sentence's range.
    fn lead_in_above(&self, g: &Group) -> Option<Range<usize>> {
        let (draft, clause) = (self.draft, self.analysis.clauses.get(g.clause)?);
        for q in (0..g.paragraph).rev().take(20).take_while(|&q| draft.paragraphs[q].end > clause.start) {
            let bounds = draft.text_starts[q].max(clause.start)..draft.paragraphs[q].end;
            let words = draft.analysed[bounds.clone()].trim_end();
            if words.ends_with(':') {
                let end = bounds.start + words.len();
                return Some(sentence_bounds(&draft.analysed, bounds.start..end, end - 1, end));
            }
            if words.ends_with(['.', '!', '?']) || words.split_whitespace().count() > 40 {
                return None;
            }
        }
        None
    }

    /// A passage in the items of a list whose lead-in transfers the work ("The Company shall
    /// own all right, title, and interest in and to:" over "- All intellectual property
    /// rights"), that no edit of its item answers: the lead-in, which says what passes, is
    /// where it is answered (and a lead-in replaced takes its list along). Else the passage.
    fn led_in(&self, g: Group) -> Group {
        let draft = self.draft;
        if !is_list_item(draft, g.paragraph) || self.edit_assigned_list(&g) {
            return g;
        }
        let Some(range) = self.lead_in_above(&g) else { return g };
        let Some(paragraph) = paragraph_of(&draft.paragraphs, range.start) else { return g };
        // The transfer the lead-in starts runs on into its list.
        let (norm, reading) = self.reading();
        let span = norm.positions([range.start, range.end].into_iter());
        let transfers = reading.provisions.iter().any(|p| {
            p.transfers_to_counterparty()
                && p.standing == crate::reading::Standing::Operative
                && p.about_work()
                && (span[0]..span[1]).contains(&p.start)
        });
        if transfers { Group { paragraph, range, ..g } } else { g }
    }

    /// Whether a list of what its lead-in assigns is better edited in its own words
    /// (improvements to the agency's materials carved out of the item that names them) than
    /// replaced: the edits answer every finding in it.
    fn edit_assigned_list(&self, g: &Group) -> bool {
        let in_item = |&fi: &usize| self.analysis.findings[fi].start.is_some_and(|at| self.assigned_item(g, at).is_some());
        g.findings.iter().any(in_item) && self.answered_by_edits(g)
    }

    /// The sentences of `clause` that transfer the work, as passages.
    fn transfer_sentences(&self, clause: usize) -> Vec<Group> {
        let (draft, text) = (self.draft, &self.draft.analysed);
        let Some(c) = self.analysis.clauses.get(clause) else { return Vec::new() };
        let mut out = Vec::new();
        for (paragraph, p) in draft.paragraphs.iter().enumerate().filter(|(_, p)| p.start < c.end && c.start < p.end) {
            let bounds = draft.text_starts[paragraph].max(c.start)..p.end.min(c.end);
            let mut at = bounds.start;
            while at < bounds.end {
                let mut range = sentence_bounds(text, bounds.clone(), at, at);
                let next = range.end.max(at + text[at..].chars().next().map_or(1, char::len_utf8));
                range.start = past_labels(text, c.number.as_deref(), range.clone(), range.end, range.end);
                if !text[range.clone()].trim().is_empty() && phrase::transfers(&text[range.clone()]) {
                    if draft.format == Format::Markdown {
                        range = cover_markup(&draft.text, text, range, bounds.clone());
                    }
                    out.push(Group { clause, paragraph, range, findings: Vec::new() });
                }
                at = next;
            }
        }
        out
    }

    /// The passage's own words edited, as a lawyer marks up a draft: the payment condition put
    /// in, the object narrowed, the agency's materials carved out (`phrase::edits`), one change
    /// per place in the sentence. Used for transfers (`edit_transfer`), and where no words
    /// of the same function can replace the passage (it defines a term on the way, "...
    /// ("Project IP") shall belong to you"). Each edit carries the reason for what it does.
    /// Findings no edit answers stay open, for the reason `unanswered`.
    fn edits_in_place(&mut self, g: &Group, all: &[Group], unanswered: OpenReason) -> Vec<(Option<usize>, Change)> {
        let analysis = self.analysis;
        let mut edits = self.phrase_edits(g);
        // One fix per problem: a definition's methods carved out where its term passes are
        // not struck from its list too.
        if phrase::defined_term(&self.draft.analysed[g.range.clone()]).is_some()
            && self.carved_out_where_it_passes(g, Concern::MethodologyTransfer, all)
        {
            edits.retain(|e| e.concerns != [Concern::MethodologyTransfer]);
        }
        edits.extend(self.struck_items(g, &edits));
        // Each edit where it goes: its paragraph and its range of the draft's text.
        let mut located: Vec<(usize, std::ops::Range<usize>, phrase::Edit)> =
            edits.iter().map(|e| (g.paragraph, g.range.start + e.range.start..g.range.start + e.range.end, e.clone())).collect();
        located.extend(self.cited_elsewhere_in_clause(g, &edits));
        // A citation struck with what it belongs to takes its relettered labels with it.
        let gone: Vec<(usize, std::ops::Range<usize>)> =
            located.iter().filter(|(_, _, e)| e.kinds == [phrase::EditKind::CitationStruck]).map(|(p, r, _)| (*p, r.clone())).collect();
        located.retain(|(p, r, e)| {
            e.kinds == [phrase::EditKind::CitationStruck] || !gone.iter().any(|(q, s)| q == p && s.start <= r.start && r.end <= s.end)
        });
        let mut planned = Vec::new();
        for &i in &g.findings {
            let concern = analysis.findings[i].concern;
            if !edits.iter().any(|e| e.concerns.contains(&concern))
                && !self.carved_out_where_it_passes(g, concern, all)
                && !self.narrowed_where_defined(g, concern)
            {
                self.leave(i, unanswered);
            }
        }
        for (paragraph, range, e) in located {
            let answered: Vec<usize> =
                e.concerns.iter().filter_map(|&c| g.findings.iter().copied().find(|&i| analysis.findings[i].concern == c)).collect();
            let Some(&fi) = answered.first() else { continue };
            let f = &analysis.findings[fi];
            let clauses: Vec<&str> = answered.iter().map(|&i| analysis.findings[i].library_clause.as_str()).collect();
            let talking_point = f.fallbacks.iter().find(|o| !o.text.trim().is_empty()).map(|o| o.talking_point.clone()).unwrap_or_default();
            let note = if e.kinds == [phrase::EditKind::Relettered]
                && self.library.edit_note(&[&f.library_clause], phrase::EditKind::Relettered).is_none()
            {
                "Relettered to follow the item struck.".to_owned()
            } else if e.kinds == [phrase::EditKind::Substituted] {
                self.substituted_because(&e.inserted)
            } else if e.kinds == [phrase::EditKind::CitationStruck]
                && self.library.edit_note(&[&f.library_clause], phrase::EditKind::CitationStruck).is_none()
            {
                "Refers to the item struck.".to_owned()
            } else {
                match &self.narrowed {
                    // The defined term in place of broad words: its narrowed definition is the
                    // reason, said where it is.
                    Some((term, at)) if e.kinds.contains(&phrase::EditKind::Narrowed) && e.inserted.starts_with(term.as_str()) => {
                        let rest: Vec<phrase::EditKind> = e.kinds.iter().copied().filter(|k| *k != phrase::EditKind::Narrowed).collect();
                        let rest = if rest.is_empty() { String::new() } else { format!(" {}", edit_note(self.library, &clauses, &rest)) };
                        let narrows = if at.ends_with("words") { "narrow" } else { "narrows" };
                        format!(
                            "Named by the defined term \u{201c}{term}\u{201d}, which {at} {narrows} to what is made specifically for Client.{rest}"
                        )
                    }
                    _ => edit_note(self.library, &clauses, &e.kinds),
                }
            };
            let chosen = Chosen {
                text: e.inserted.clone(),
                language: Language::Edited { library_clause: f.library_clause.clone() },
                note,
                talking_point,
                from: Some(fi),
            };
            let (start, end) = (range.start, range.end);
            // A citing sentence that was its paragraph's whole text goes with its paragraph.
            let whole = self.draft.analysed[self.draft.text_starts[paragraph]..self.draft.paragraphs[paragraph].end].trim();
            let removes_paragraph = e.kinds == [phrase::EditKind::CitationStruck] && self.draft.analysed[start..end].trim() == whole;
            planned.push((
                Some(g.clause),
                Change {
                    id: 0,
                    clause_label: self.label(Some(g.clause)).unwrap_or_default(),
                    paragraph,
                    start,
                    end,
                    deleted: self.draft.analysed[start..end].to_owned(),
                    inserted: self.vocabulary.adapt(&chosen.text),
                    note: self.vocabulary.adapt(&chosen.note),
                    new_clause: None,
                    removes_paragraph,
                    language: chosen.language.clone(),
                    reasons: answered.iter().map(|&i| reason(&analysis.findings[i], &chosen, i)).collect(),
                },
            ));
        }
        planned
    }

    /// With items of a list struck, the clause's citations of the relettered items outside the
    /// paragraph's rest (`relettered` follows those after the list in its paragraph): before
    /// the list ("as set out in (d) below") and in the clause's other paragraphs, each with its
    /// paragraph and its range of the draft's text (the edit's own range is that range too). A stretch with a list of its own is left
    /// alone: its "(d)" may be its own item.
    fn cited_elsewhere_in_clause(&self, g: &Group, edits: &[phrase::Edit]) -> Vec<(usize, std::ops::Range<usize>, phrase::Edit)> {
        let sentence = &self.draft.analysed[g.range.clone()];
        let gone: Vec<&phrase::Edit> =
            edits.iter().filter(|e| e.inserted.is_empty() && e.kinds.contains(&phrase::EditKind::ItemStruck)).collect();
        let (Some(first), Some(clause)) = (gone.first(), self.analysis.clauses.get(g.clause)) else { return Vec::new() };
        let ranges: Vec<std::ops::Range<usize>> = gone.iter().map(|e| e.range.clone()).collect();
        let Some(mut out) = self.struck_citations(g, &ranges, &first.concerns) else { return Vec::new() };
        let changed = phrase::list::relettered(sentence, &ranges);
        let labels: Vec<&str> = changed.iter().map(|(_, old, _)| old.as_str()).collect();
        if labels.is_empty() {
            return out;
        }
        // What `relettered` already covers: the list's sentence from its first item, and the
        // rest of its paragraph.
        let lead_in = phrase::list::first_marker(sentence).unwrap_or(0);
        let covered = g.range.start + lead_in..self.draft.paragraphs[g.paragraph].end.min(clause.end).max(g.range.end);
        let end = self.clause_end(g.clause);
        let relettered = |range: std::ops::Range<usize>, new: &String| phrase::Edit {
            range,
            inserted: new.clone(),
            concerns: first.concerns.clone(),
            kinds: vec![phrase::EditKind::Relettered],
        };
        // Other clauses cite the list as the nearest above them: "(d) above".
        for (at, old) in self.cited_above(end, &labels) {
            let Some((_, _, new)) = changed.iter().find(|(_, o, _)| *o == old) else { continue };
            let Some(paragraph) = paragraph_of(&self.draft.paragraphs, at.start) else { continue };
            out.push((paragraph, at.clone(), relettered(at, new)));
        }
        for (paragraph, p) in self.draft.paragraphs.iter().enumerate().filter(|(_, p)| p.start < end && clause.start < p.end) {
            let bounds = self.draft.text_starts[paragraph].max(clause.start)..p.end.min(end);
            let stretches = [bounds.start..bounds.end.min(covered.start), bounds.start.max(covered.end)..bounds.end];
            for stretch in stretches.into_iter().filter(|r| r.start < r.end) {
                let text = &self.draft.analysed[stretch.clone()];
                if phrase::list::has_list(text) {
                    continue;
                }
                for (range, old) in phrase::list::citations(text, &labels) {
                    let Some((_, _, new)) = changed.iter().find(|(_, o, _)| *o == old) else { continue };
                    let at = stretch.start + range.start..stretch.start + range.end;
                    out.push((paragraph, at.clone(), relettered(at, new)));
                }
            }
        }
        // Other clauses cite the item with the clause's number: "Section 6.1(d)".
        let Some(citing) = clause.number.as_deref().and_then(|n| phrase::list::citing(n.trim_end_matches('.'))) else { return out };
        for (paragraph, p) in self.draft.paragraphs.iter().enumerate().filter(|(_, p)| p.end <= clause.start || end <= p.start) {
            let start = self.draft.text_starts[paragraph].max(p.start);
            for (range, old) in phrase::list::numbered_citations(&self.draft.analysed[start..p.end], &citing, &labels) {
                let Some((_, _, new)) = changed.iter().find(|(_, o, _)| *o == old) else { continue };
                let at = start + range.start..start + range.end;
                out.push((paragraph, at.clone(), relettered(at, new)));
            }
        }
        out
    }

    /// Where clause `k` ends: it goes on through the paragraphs after it that have neither number
    /// nor heading of their own (the reader makes each a clause).
    fn clause_end(&self, k: usize) -> usize {
        let clauses = &self.analysis.clauses;
        let own = clauses[k].end;
        clauses[k + 1..].iter().take_while(|c| c.number.is_none() && c.heading.is_none()).last().map_or(own, |c| c.end)
    }

    /// The citations of the items `struck` takes out of the list in `g`, each struck as a
    /// lawyer strikes a reference to a provision that is gone: the label with its joining word
    /// where others are cited with it ("(b), ~~(c)~~ and (d)"); a lead-in that excepts it
    /// ("~~Except as set out in (c),~~ Provider warrants ..."); else the sentence that speaks
    /// of it ("~~The warranty in (c) survives acceptance.~~"). Found in the clause of `g` (its
    /// paragraphs, and the unnumbered ones after it) and in other clauses that cite the item
    /// with the clause's number ("Section 6.1(c)") or as the list above them ("(c) above");
    /// each with its paragraph and range of the draft's text. None when one is in the list's
    /// own sentence past its lead-in: nothing is then relettered, since the struck item's
    /// label would come to name the next one.
    fn struck_citations(
        &self,
        g: &Group,
        struck: &[std::ops::Range<usize>],
        concerns: &[Concern],
    ) -> Option<Vec<(usize, std::ops::Range<usize>, phrase::Edit)>> {
        static EXCEPTING: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r"^\s*(?:Except|Save|Subject to|Other than|Without prejudice to)\b").expect("static regex")
        });
        let text = &self.draft.analysed;
        let sentence = &text[g.range.clone()];
        let labels = phrase::list::struck_labels(sentence, struck);
        let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
        let Some(clause) = self.analysis.clauses.get(g.clause).filter(|_| !labels.is_empty()) else { return Some(Vec::new()) };
        let end = self.clause_end(g.clause);
        let lead_in = g.range.start..g.range.start + phrase::list::first_marker(sentence).unwrap_or(0);
        let mut cited: Vec<std::ops::Range<usize>> = Vec::new();
        for r in [clause.start..g.range.start, lead_in.clone(), g.range.end..end].into_iter().filter(|r| r.start < r.end) {
            cited.extend(phrase::list::citations(&text[r.clone()], &labels).into_iter().map(|(c, _)| r.start + c.start..r.start + c.end));
        }
        if let Some(citing) = clause.number.as_deref().and_then(|n| phrase::list::citing(n.trim_end_matches('.'))) {
            for r in [0..clause.start, end..text.len()] {
                let found = phrase::list::numbered_citations(&text[r.clone()], &citing, &labels);
                cited.extend(found.into_iter().map(|(c, _)| r.start + c.start..r.start + c.end));
            }
        }
        cited.extend(self.cited_above(end, &labels).into_iter().map(|(r, _)| r));
        let mut out: Vec<(usize, std::ops::Range<usize>, phrase::Edit)> = Vec::new();
        for label in cited {
            let paragraph = paragraph_of(&self.draft.paragraphs, label.start)?;
            let bounds =
                self.draft.text_starts[paragraph].max(self.draft.paragraphs[paragraph].start)..self.draft.paragraphs[paragraph].end;
            let within = label.start - bounds.start..label.end - bounds.start;
            let range = if let Some(r) = phrase::list::struck_citation(&text[bounds.clone()], &within) {
                // "Section 6(c) ~~and (d)~~ ~~apply~~ applies": the verb agrees with the label
                // left; "6(b)~~,~~ and (c) ~~and (d)~~": the label now last takes the "and".
                let rejoined = phrase::list::rejoined(&text[bounds.clone()], &r);
                for (at, word) in phrase::list::agreeing(&text[bounds.clone()], &r).into_iter().chain(rejoined) {
                    let at = bounds.start + at.start..bounds.start + at.end;
                    let kinds = vec![phrase::EditKind::CitationStruck];
                    let edit = phrase::Edit { range: at.clone(), inserted: word, concerns: concerns.to_vec(), kinds };
                    out.push((paragraph, at, edit));
                }
                bounds.start + r.start..bounds.start + r.end
            } else if lead_in.contains(&label.start) {
                // The excepting phrase to its comma; the words after it open the sentence.
                let comma = label.end + text[label.end..lead_in.end].find(", ")? + 2;
                (EXCEPTING.is_match(sentence) && text[comma..].starts_with(char::is_uppercase)).then_some(g.range.start..comma)?
            } else if g.range.contains(&label.start) {
                return None;
            } else {
                // The sentence, with the space after it when words follow.
                let s = sentence_bounds(text, bounds.clone(), label.start, label.end);
                let rest = &text[s.end..bounds.end];
                let space = rest.len() - rest.trim_start().len();
                s.start..if rest.trim().is_empty() { s.end } else { s.end + space }
            };
            if !out.iter().any(|(_, r, _)| *r == range) {
                let edit = phrase::Edit {
                    range: range.clone(),
                    inserted: String::new(),
                    concerns: concerns.to_vec(),
                    kinds: vec![phrase::EditKind::CitationStruck],
                };
                out.push((paragraph, range, edit));
            }
        }
        Some(out)
    }

    /// Where the paragraphs from `from` on cite an item of a list above them ("(d) above") by
    /// one of `labels`, up to the first paragraph with a list of its own (which is then the
    /// nearest above): each label's range of the draft's text, with the label.
    fn cited_above(&self, from: usize, labels: &[&str]) -> Vec<(std::ops::Range<usize>, String)> {
        let text = &self.draft.analysed;
        let mut out = Vec::new();
        for (paragraph, p) in self.draft.paragraphs.iter().enumerate().filter(|(_, p)| p.start >= from) {
            let start = self.draft.text_starts[paragraph].max(p.start);
            if phrase::list::has_list(&text[start..p.end]) {
                break;
            }
            let found = phrase::list::above_citations(&text[start..p.end], labels);
            out.extend(found.into_iter().map(|(r, label)| (start + r.start..start + r.end, label)));
        }
        out
    }

    /// Whether a finding in a definition (the models or methods "Covered Inventions" sweeps in)
    /// is answered where the defined term passes: an assignment of it elsewhere in the draft that
    /// the redline edits carves the agency's materials out for the same concern ("... in the
    /// Covered Inventions, excluding Prior Inventions, ..."). One fix per problem: the same
    /// carve-out is not put in the definition again.
    fn carved_out_where_it_passes(&self, g: &Group, concern: Concern, all: &[Group]) -> bool {
        let Some(term) = phrase::defined_term(&self.draft.analysed[g.range.clone()]) else { return false };
        let names = whole_word(term);
        // The library's term for the agency's materials names its methodologies and know-how:
        // carving it out keeps the methods too.
        let keeps_methods = concern == Concern::MethodologyTransfer && self.vocabulary.agency_ip_has_methods();
        all.iter().filter(|o| o.range != g.range && names.is_match(&self.draft.analysed[o.range.clone()])).any(|o| {
            self.edit_transfer(o, all)
                && self
                    .phrase_edits(o)
                    .iter()
                    .any(|e| e.kinds.contains(&phrase::EditKind::CarvedOut) && (e.concerns.contains(&concern) || keeps_methods))
        })
    }

    /// For findings no edit answers in a promise made as a list ("warrants that (a) ...; (b)
    /// ...; (c) the Deliverables are wholly original ...; and (d) ..."), the item holding the
    /// finding struck, the list's punctuation mended: the other promises stand.
    fn struck_items(&self, g: &Group, edits: &[phrase::Edit]) -> Vec<phrase::Edit> {
        let sentence = &self.draft.analysed[g.range.clone()];
        if !function::functions(sentence, self.lexicon(), &function::with_library_names(&self.analysis.parties))
            .iter()
            .any(|f| matches!(f, Function::Warranty | Function::Covenant | Function::Duty))
        {
            return Vec::new();
        }
        let mut out: Vec<phrase::Edit> = Vec::new();
        for &i in &g.findings {
            let f = &self.analysis.findings[i];
            if edits.iter().chain(&out).any(|e| e.concerns.contains(&f.concern)) {
                continue;
            }
            let (Some(start), Some(end)) = (f.start, f.end) else { continue };
            let at = start.saturating_sub(g.range.start)..end.saturating_sub(g.range.start);
            let Some(range) = phrase::list::item(sentence, &at) else { continue };
            if let Some(e) = out.iter_mut().find(|e| e.range == range) {
                e.concerns.push(f.concern);
                continue;
            }
            if let Some(and) = phrase::list::and_before(sentence, &range) {
                out.push(phrase::Edit {
                    range: and..and,
                    inserted: "and ".into(),
                    concerns: vec![f.concern],
                    kinds: vec![phrase::EditKind::ItemStruck],
                });
            }
            out.push(phrase::Edit { range, inserted: String::new(), concerns: vec![f.concern], kinds: vec![phrase::EditKind::ItemStruck] });
        }
        out.extend(self.relettered(g, &out));
        out
    }

    /// With items of a list struck (`struck`), the later items relettered ("(d)" to "(c)") and
    /// the clause's citations of them after the list, in the same paragraph ("the warranty in
    /// (d)"), changed to follow, each a tracked edit with the struck item's concerns.
    fn relettered(&self, g: &Group, struck: &[phrase::Edit]) -> Vec<phrase::Edit> {
        let sentence = &self.draft.analysed[g.range.clone()];
        let gone: Vec<&phrase::Edit> =
            struck.iter().filter(|e| e.inserted.is_empty() && e.kinds.contains(&phrase::EditKind::ItemStruck)).collect();
        let Some(concerns) = gone.first().map(|e| e.concerns.clone()) else { return Vec::new() };
        let ranges: Vec<std::ops::Range<usize>> = gone.iter().map(|e| e.range.clone()).collect();
        if self.struck_citations(g, &ranges, &concerns).is_none() {
            return Vec::new();
        }
        let changed = phrase::list::relettered(sentence, &ranges);
        let edit = |range: std::ops::Range<usize>, new: &str| phrase::Edit {
            range,
            inserted: new.to_owned(),
            concerns: concerns.clone(),
            kinds: vec![phrase::EditKind::Relettered],
        };
        let mut out: Vec<phrase::Edit> = changed.iter().map(|(range, _, new)| edit(range.clone(), new)).collect();
        // Citations after the list, to the end of the paragraph or clause.
        let clause_end = self.analysis.clauses.get(g.clause).map_or(g.range.end, |c| c.end);
        let end = self.draft.paragraphs[g.paragraph].end.min(clause_end).max(g.range.end);
        let rest = &self.draft.analysed[g.range.end..end];
        let labels: Vec<&str> = changed.iter().map(|(_, old, _)| old.as_str()).collect();
        for (range, old) in phrase::list::citations(rest, &labels) {
            if let Some((_, _, new)) = changed.iter().find(|(_, o, _)| *o == old) {
                let at = sentence.len() + range.start..sentence.len() + range.end;
                out.push(edit(at, new));
            }
        }
        out
    }

    /// One change per struck passage; passages that overlap (several findings in one sentence)
    /// are one. Returns each change with the clause it is in.
    fn replacements(&mut self, mut groups: Vec<Group>) -> Vec<(Option<usize>, Change)> {
        let analysis = self.analysis;
        groups.sort_by_key(|g| (g.range.start, g.range.end));
        let mut merged: Vec<Group> = Vec::new();
        for g in groups {
            match merged.last_mut() {
                Some(last) if last.paragraph == g.paragraph && g.range.start < last.range.end => {
                    last.range.end = last.range.end.max(g.range.end);
                    last.findings.extend(g.findings);
                }
                _ => merged.push(g),
            }
        }
        // Numbered clauses choose first, so that words two passages both want go in an
        // operative clause rather than a recital.
        let numbered = |g: &Group| {
            analysis.clauses.get(g.clause).and_then(|c| c.number.as_deref()).is_some_and(|n| n.starts_with(|d: char| d.is_ascii_digit()))
        };
        let mut order: Vec<&Group> = merged.iter().collect();
        order.sort_by_key(|g| !numbered(g));
        self.changed = merged
            .iter()
            .filter_map(|g| analysis.clauses.get(g.clause).and_then(|c| c.number.as_deref()))
            .map(|n| n.trim_end_matches('.').to_owned())
            .collect();
        self.narrow(&merged);
        let mut planned = Vec::new();
        let (mut used, mut opened): (Vec<String>, Vec<(usize, usize)>) = (Vec::new(), Vec::new());
        for g in order {
            opened.push((self.open.len(), g.paragraph));
            let mut g = g.clone();
            // The finding of the clause's own subject speaks first (the joint-ownership finding
            // in a joint-developments clause), then the most severe.
            let subject = analysis.clauses.get(g.clause).and_then(|c| c.library_match.as_ref()).map(|m| m.id.as_str());
            g.findings.sort_by_key(|&i| {
                let f = &analysis.findings[i];
                (Some(f.library_clause.as_str()) != subject, std::cmp::Reverse(f.severity), i)
            });
            if let Some(why) = self.left_as_drafted(&g) {
                for &fi in &g.findings {
                    self.leave(fi, why);
                }
                continue;
            }
            if let Some(kept) = other_option(self.draft, &g, &merged) {
                planned.push((Some(g.clause), self.strike_option(&g, &kept)));
                continue;
            }
            if self.edited_in_own_words(&g, &merged) {
                planned.extend(self.edits_in_place(&g, &merged, OpenReason::NoLanguage));
                continue;
            }
            // The definition cell of a table of definitions (its term in the cell before): only
            // its own words are edited, never replaced by a clause of another job.
            if in_definition_cell(self.draft, g.paragraph) {
                planned.extend(self.edits_in_place(&g, &merged, OpenReason::OtherFunction));
                continue;
            }
            // A backstop to another transfer ("to the extent ... is not assigned under 2.1") is
            // edited in its own words or left: the library's clause would repeat the transfer.
            if phrase::backs_up(&self.draft.analysed[g.range.clone()])
                && g.findings.iter().all(|&fi| steer_for(self.steers, &analysis.findings[fi]).is_none())
            {
                planned.extend(self.edits_in_place(&g, &merged, OpenReason::Backstop));
                continue;
            }
            let struck = Struck {
                deleted: &self.draft.analysed[g.range.clone()],
                cited: self.cited(g.clause),
                used: &used,
                draft: &self.draft.analysed,
            };
            // A definition is answered by a definition or its own words, never by a promise.
            let defines = |c: &Chosen| phrase::defined_term(struck.deleted).is_none() || phrase::defined_term(&c.text).is_some();
            let Some(chosen) = choose(analysis, self.steers, &g.findings, self.library, Some(&struck), self.person).filter(defines) else {
                // Words the library has, but none of the clause's function: the passage stays
                // as drafted (what its own words allow aside), never a clause of another job.
                let why = self.unanswered(&g, struck.deleted);
                planned.extend(self.edits_in_place(&g, &merged, why));
                continue;
            };
            // One reason per concern: the most severe finding of it says why.
            let mut reasons: Vec<Reason> = Vec::new();
            for &i in &g.findings {
                if !reasons.iter().any(|r| r.concern == analysis.findings[i].concern) {
                    reasons.push(reason(&analysis.findings[i], &chosen, i));
                }
            }
            let change = Change {
                id: 0,
                clause_label: self.label(Some(g.clause)).unwrap_or_default(),
                paragraph: g.paragraph,
                start: g.range.start,
                end: g.range.end,
                deleted: self.draft.analysed[g.range.clone()].to_owned(),
                inserted: self.vocabulary.adapt(&self.backstop_kept(&chosen.text, g.paragraph, g.range.end)),
                note: self.vocabulary.adapt(&chosen.note),
                new_clause: None,
                removes_paragraph: false,
                language: chosen.language.clone(),
                reasons,
            };
            used.push(chosen.text);
            planned.extend(self.list_led_into(&g, &change));
            planned.push((Some(g.clause), change));
        }
        self.close_points_struck_with_lists(&planned, &opened);
        self.followed_up(planned)
    }

    /// `planned`, with the changes that other clauses need to stay coherent with it.
    fn followed_up(&self, mut planned: Vec<(Option<usize>, Change)>) -> Vec<(Option<usize>, Change)> {
        type FollowUp<'p> = fn(&Planner<'p>, &[(Option<usize>, Change)]) -> Vec<(Option<usize>, Change)>;
        let follow_ups: [FollowUp; 4] =
            [Self::same_name_after_narrowing, Self::timing_after_payment, Self::consent_after_waiver, Self::terms_of_struck_licence];
        for follow in follow_ups {
            let more = follow(self, &planned);
            self.pronouns_after_renaming(&mut planned, &more);
            planned.extend(more);
        }
        planned
    }

    /// "assigns ... the ~~Work Product~~ Deliverables, ... effective upon receipt of full payment
    /// of the Fees for it": a payment condition after a noun renamed to a plural one in its
    /// sentence speaks of "them".
    fn pronouns_after_renaming(&self, planned: &mut [(Option<usize>, Change)], renamed: &[(Option<usize>, Change)]) {
        static FOR_IT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(payment of the \w+ for) it\b").expect("static regex"));
        let text = &self.draft.analysed;
        for (clause, r) in renamed.iter().filter(|(_, r)| r.new_clause.is_none() && phrase::pronoun(&r.inserted) == "them") {
            for (_, c) in planned.iter_mut().filter(|(k, c)| k == clause && c.new_clause.is_none() && c.start >= r.end) {
                if !text[r.end..c.start].contains(". ") {
                    c.inserted = FOR_IT.replace(&c.inserted, "$1 them").into_owned();
                }
            }
        }
    }

    /// The library's `text` without a backstop sentence of its own ("To the extent any of those
    /// Deliverables is not a work made for hire, Provider assigns it ...") where the rest of
    /// the draft's paragraph, after `end`, keeps one ("To the extent any Work Product is not a
    /// work made for hire, it is assigned to Client under Section 5.1"): said twice, the
    /// contract would transfer the same work under two clauses.
    fn backstop_kept(&self, text: &str, paragraph: usize, end: usize) -> String {
        fn sentences(t: &str) -> Vec<&str> {
            t.split_inclusive(". ").map(str::trim).filter(|s| !s.is_empty()).collect()
        }
        let rest = self.draft.paragraphs.get(paragraph).map_or("", |p| &self.draft.analysed[end.min(p.end)..p.end]);
        let own = sentences(text);
        let kept: Vec<&str> = own.iter().copied().filter(|s| !phrase::backs_up(s)).collect();
        if kept.is_empty() || kept.len() == own.len() || !sentences(rest).into_iter().any(phrase::backs_up) {
            return text.to_owned();
        }
        kept.join(" ")
    }

    /// A sentence that speaks of the consent a change replaced with a waiver ("This consent is
    /// genuine, given voluntarily", after an Australian moral rights consent) speaks of the
    /// waiver: left, it would speak of words struck.
    fn consent_after_waiver(&self, planned: &[(Option<usize>, Change)]) -> Vec<(Option<usize>, Change)> {
        static CONSENTS: std::sync::LazyLock<regex::Regex> =
            std::sync::LazyLock::new(|| regex::Regex::new(r"(?i)\bconsents?\s+to\b").expect("static regex"));
        static THIS_CONSENT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r"(?:^|[.:]\s+|\n[ \t]*(?:[0-9]+(?:\.[0-9]+)*\.?[ \t]+)?)(?:This|Such|That|The foregoing)\s+(consent)\b")
                .expect("static regex")
        });
        let text = &self.draft.analysed;
        let mut out = Vec::new();
        for (_, c) in planned {
            let replaced = c.new_clause.is_none() && !matches!(c.language, Language::Edited { .. });
            if !replaced || !CONSENTS.is_match(&c.deleted) || CONSENTS.is_match(&c.inserted) || !c.inserted.contains("waive") {
                continue;
            }
            let after = c.end..crate::text::floor_char(text, c.end + 400);
            let Some(word) = THIS_CONSENT.captures(&text[after.clone()]).and_then(|m| m.get(1)) else { continue };
            let range = after.start + word.start()..after.start + word.end();
            let Some(paragraph) = paragraph_of(&self.draft.paragraphs, range.start) else { continue };
            if planned.iter().any(|(_, o)| o.start < range.end && range.start < o.end) {
                continue;
            }
            let label = self.label(paragraph_clause(self.analysis, self.draft, paragraph)).unwrap_or_default();
            let change = following(c, (label, paragraph), range, text, "waiver".to_owned(), c.note.clone());
            out.push((paragraph_clause(self.analysis, self.draft, paragraph), change));
        }
        out
    }

    /// The sentences after a licence replaced in its paragraph that give that licence its terms
    /// ("The license continues forever, cannot be revoked, ... and allows Blockchain Commons to
    /// sublicense", "However, upon sale ..., this license shall be transferable"): left, they
    /// would speak of the words struck and undo the licence put in their place, so they go
    /// with it.
    fn terms_of_struck_licence(&self, planned: &[(Option<usize>, Change)]) -> Vec<(Option<usize>, Change)> {
        static GRANTS: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"(?i)\bgrants?\b[^.;]{0,200}\blicen[cs]e|\blicenses\b").expect("static regex"));
        static ITS_TERMS: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^(?:however,[^,.]{0,100},\s*)?(?:the|this|such|said)\s+licen[cs]e\s+(?:continues|shall|will|is|may|allows|lasts|survives)\b")
                .expect("static regex")
        });
        let text = &self.draft.analysed;
        let mut out = Vec::new();
        for (_, c) in planned {
            let replaced = c.new_clause.is_none() && !matches!(c.language, Language::Edited { .. });
            let Some(paragraph) = self.draft.paragraphs.get(c.paragraph) else { continue };
            if !replaced || !GRANTS.is_match(&c.deleted) || c.end >= paragraph.end {
                continue;
            }
            let rest = c.end..paragraph.end;
            let mut at = rest.start;
            for sentence in text[rest].split_inclusive(". ") {
                let (start, end) = (at, at + sentence.len());
                at = end;
                let words = sentence.trim_start();
                if !ITS_TERMS.is_match(words) || planned.iter().any(|(_, o)| o.start < end && start < o.end) {
                    continue;
                }
                // The space before the sentence goes with it, so none is left doubled.
                let start = text[..start + (sentence.len() - words.len())].trim_end().len();
                let end = start + text[start..end].trim_end().len();
                let note = "These words gave the licence struck above its terms; the wording in its place states its own.".to_owned();
                let change = following(c, (c.clause_label.clone(), c.paragraph), start..end, text, String::new(), note);
                out.push((paragraph_clause(self.analysis, self.draft, c.paragraph), change));
            }
        }
        out
    }

    /// Whether a lawyer would edit the passage in its own words rather than replace it.
    fn edited_in_own_words(&self, g: &Group, all: &[Group]) -> bool {
        self.edit_licence(g, all)
            || self.edit_transfer(g, all)
            || self.edit_restriction(g)
            || self.edit_definition(g, all)
            || self.edit_timing(g)
            || self.edit_assigned_list(g)
            || self.edit_addition(g)
    }

    /// Whether the passage adds the agency's own things to a term for what passes ("the
    /// Foreground IPR includes all methods ...") and denying the addition answers it.
    fn edit_addition(&self, g: &Group) -> bool {
        let concerns: Vec<Concern> = g.findings.iter().map(|&i| self.analysis.findings[i].concern).collect();
        phrase::addition_denied(&self.draft.analysed[g.range.clone()], &concerns, self.lexicon()).is_some() && self.answered_by_edits(g)
    }

    /// Whether the passage only says when its clause's transfer takes effect ("**Effective:**
    /// Upon creation (automatically)") and the payment in place of that time answers it.
    fn edit_timing(&self, g: &Group) -> bool {
        phrase::timing(&self.draft.analysed[g.range.clone()]).is_some() && self.answered_by_edits(g)
    }

    /// A paragraph of a clause that only says when the clause's transfer takes effect
    /// ("**Effective:** Upon creation (automatically)") follows the payment condition a change
    /// of the clause's transfer puts in: left as it was, the clause would say both.
    fn timing_after_payment(&self, planned: &[(Option<usize>, Change)]) -> Vec<(Option<usize>, Change)> {
        let (draft, mut out) = (self.draft, Vec::new());
        for (clause, c) in planned {
            let paying = c.reasons.iter().any(|r| r.concern == Concern::AssignmentBeforePayment) || phrase::transfers(&c.deleted);
            let Some(within) = clause.and_then(|k| self.analysis.clauses.get(k)) else { continue };
            if c.new_clause.is_some() || !paying || !phrase::pays(&c.inserted) || phrase::pays(&c.deleted) {
                continue;
            }
            let first = paragraph_of(&draft.paragraphs, within.start).unwrap_or(0);
            let last = paragraph_of(&draft.paragraphs, within.end.saturating_sub(1)).map_or(0, |p| p + 1);
            for paragraph in first..last {
                let bounds = draft.text_starts[paragraph].max(within.start)..draft.paragraphs[paragraph].end.min(within.end);
                let Some(e) = bounds.clone().next().and_then(|_| phrase::timing(&draft.analysed[bounds.clone()])) else {
                    continue;
                };
                let range = bounds.start + e.range.start..bounds.start + e.range.end;
                if planned.iter().chain(&out).any(|(_, o)| o.new_clause.is_none() && o.start < range.end && range.start < o.end) {
                    continue;
                }
                let mut reasons: Vec<Reason> =
                    c.reasons.iter().filter(|r| r.concern == Concern::AssignmentBeforePayment).cloned().collect();
                if reasons.is_empty() {
                    reasons.clone_from(&c.reasons);
                }
                let change = Change {
                    id: 0,
                    clause_label: c.clause_label.clone(),
                    paragraph,
                    start: range.start,
                    end: range.end,
                    deleted: draft.analysed[range].to_owned(),
                    inserted: self.vocabulary.adapt(&e.inserted),
                    note: self.vocabulary.adapt(&edit_note(self.library, &["ip-assignment"], &e.kinds)),
                    new_clause: None,
                    removes_paragraph: false,
                    language: Language::Edited { library_clause: "ip-assignment".into() },
                    reasons,
                };
                out.push((*clause, change));
            }
        }
        out
    }

    /// Why a passage stays as drafted whatever its findings: what it allocates is another thing
    /// than the work, it releases the code under an open licence, or it licenses others'
    /// open-source components.
    fn left_as_drafted(&self, g: &Group) -> Option<OpenReason> {
        let unsteered = g.findings.iter().all(|&fi| steer_for(self.steers, &self.analysis.findings[fi]).is_none());
        if self.transfers_other_things(g) {
            Some(OpenReason::NotTheWork)
        } else if unsteered && self.grants_open_licence(g) {
            Some(OpenReason::OpenLicence)
        } else if self.licenses_open_source_of_others(g) {
            Some(OpenReason::OthersOpenSource)
        } else if unsteered && self.licence_already_personal(g) {
            Some(OpenReason::AlreadyPersonal)
        } else {
            None
        }
    }

    /// The paragraphs of the list that a replaced passage leads into ("Provider waives all
    /// moral rights, including:", then "- Right of attribution ..."): struck with it, paragraph
    /// and all, so that no list hangs from the words put in its place. Each carries the same
    /// words as `change`, which go in once (`in_order`).
    fn list_led_into(&self, g: &Group, change: &Change) -> Vec<(Option<usize>, Change)> {
        let draft = self.draft;
        let rest = &draft.analysed[g.range.end..draft.paragraphs[g.paragraph].end.max(g.range.end)];
        if !draft.analysed[g.range.clone()].trim_end().ends_with(':') || !rest.trim().is_empty() {
            return Vec::new();
        }
        list_after(draft, g.paragraph)
            .map(|q| {
                let (start, end) = (draft.text_starts[q], draft.paragraphs[q].end);
                let deleted = draft.analysed[start..end].to_owned();
                (Some(g.clause), Change { paragraph: q, start, end, deleted, removes_paragraph: true, ..change.clone() })
            })
            .collect()
    }

    /// One fix per problem: a point left open in a list item that goes with its replaced
    /// lead-in (`list_led_into`) is answered by that change when it is of a concern the change
    /// answers (set 17's "Right of attribution" under the moral-rights waiver replaced).
    /// `opened`: where each passage's open points start, with its paragraph.
    fn close_points_struck_with_lists(&mut self, planned: &[(Option<usize>, Change)], opened: &[(usize, usize)]) {
        let struck = |paragraph: usize| {
            planned
                .iter()
                .map(|(_, c)| c)
                .find(|c| c.removes_paragraph && c.paragraph == paragraph && !matches!(c.language, Language::Edited { .. }))
        };
        let mut keep = vec![true; self.open.len()];
        for (k, &(from, paragraph)) in opened.iter().enumerate() {
            let to = opened.get(k + 1).map_or(self.open.len(), |n| n.0);
            if let Some(c) = struck(paragraph) {
                for (kept, point) in keep[from..to].iter_mut().zip(&self.open[from..to]) {
                    *kept = !c.reasons.iter().any(|r| r.concern == point.concern);
                }
            }
        }
        let mut keep = keep.into_iter();
        self.open.retain(|_| keep.next().unwrap_or(true));
    }

    /// Why no words replace a passage: the ladder's worded rungs all do another job than it
    /// (a confidentiality promise for a duty to notify), or it has none.
    fn unanswered(&self, g: &Group, deleted: &str) -> OpenReason {
        let parties = function::with_library_names(&self.analysis.parties);
        let rungs: Vec<&Offer> = g
            .findings
            .iter()
            .flat_map(|&fi| self.analysis.findings[fi].fallbacks.iter())
            .filter(|o| !o.text.trim().is_empty() && o.kind != FallbackKind::FeeUplift)
            .collect();
        let other_job = !rungs.is_empty()
            && rungs.iter().all(|o| !function::keeps_read(deleted, &same_term(o.text.trim(), deleted).0, self.lexicon(), &parties));
        if other_job { OpenReason::OtherFunction } else { OpenReason::NoLanguage }
    }

    /// Records the term whose definition the redline narrows (`narrowed_definition`), which
    /// then stands for the library's "Deliverables".
    fn narrow(&mut self, groups: &[Group]) {
        self.narrowed = self.narrowed_definition(groups);
        if let Some((term, _)) = &self.narrowed {
            self.vocabulary.deliverables_are(term);
        }
        let rights = self.narrowed.as_ref().map(|(t, _)| t.clone()).filter(|t| names_rights(t)).or_else(|| self.rights_redefined(groups));
        if let Some(term) = rights {
            self.vocabulary.client_ip_is(&term);
        }
    }

    /// The draft's term for the rights that pass ("Foreground IPR") whose broad definition
    /// the library's narrowed one replaces.
    fn rights_redefined(&self, groups: &[Group]) -> Option<String> {
        groups.iter().find_map(|g| {
            let sentence = &self.draft.analysed[g.range.clone()];
            let Function::Definition(term) = function::of(sentence) else { return None };
            let broad = g.findings.iter().any(|&i| self.analysis.findings[i].concern == Concern::BroadWorkProduct);
            if !broad || !names_rights(&term) {
                return None;
            }
            let struck = Struck { deleted: sentence, cited: self.cited(g.clause), used: &[], draft: &self.draft.analysed };
            let chosen = choose(self.analysis, self.steers, &g.findings, self.library, Some(&struck), self.person)?;
            let defines = chosen.text.starts_with(&format!("{term}: ")) || chosen.text.starts_with(&format!("\"{term}\" means "));
            defines.then_some(term)
        })
    }

    /// The draft's term for what passes whose definition is narrowed in its own words ("...
    /// that Employee makes ... specifically for Company ..."): the first passage that defines
    /// a term and whose edits narrow it.
    fn narrowed_definition(&self, groups: &[Group]) -> Option<(String, String)> {
        groups.iter().find_map(|g| {
            let sentence = &self.draft.analysed[g.range.clone()];
            let term = phrase::defined_term(sentence)?;
            let narrows = self.phrase_edits(g).iter().any(|e| e.kinds.contains(&phrase::EditKind::Narrowed));
            narrows.then(|| (term.to_owned(), self.label(Some(g.clause)).unwrap_or_default()))
        })
    }

    /// One name for one thing: where an edit narrowed a broad object ("~~All Work Product~~
    /// The Deliverables created specifically for Client"), the later sentences of its clause
    /// that name the old object ("in and to the Work Product") say the draft's term it was
    /// narrowed to ("the Deliverables"), each as an edit of its own with the narrowing's reason.
    /// So do the sentences of other clauses that depend on it by number: the demo's §4.2 "To
    /// the extent any Work Product is not a work made for hire, it is assigned to Client under
    /// Section 4.1" speaks of what §4.1 assigns, which is now "the Deliverables".
    fn same_name_after_narrowing(&self, planned: &[(Option<usize>, Change)]) -> Vec<(Option<usize>, Change)> {
        let Some(term) = self.vocabulary.defines("Deliverables").then_some("the Deliverables") else { return Vec::new() };
        let mut out: Vec<(Option<usize>, Change)> = Vec::new();
        for (clause, c) in planned {
            let (Some(clause), Language::Edited { library_clause }) = (clause, &c.language) else { continue };
            let Some(noun) = phrase::broad_object(&c.deleted).filter(|_| c.inserted.contains(term.trim_start_matches("the "))) else {
                continue;
            };
            let Some(within) = self.analysis.clauses.get(*clause) else { continue };
            let Ok(again) = regex::Regex::new(&format!(r"\b(?:the|all|any|such)\s+{}\b", regex::escape(noun))) else { continue };
            let text = &self.draft.analysed;
            let taken = |r: &std::ops::Range<usize>, out: &[(Option<usize>, Change)]| {
                planned.iter().chain(out).any(|(_, o)| o.new_clause.is_none() && o.start < r.end && r.start < o.end)
            };
            let citing =
                within.number.as_deref().map(|n| self.sentences_citing(n.trim_end_matches('.'), within.start..self.clause_end(*clause)));
            let stretches = std::iter::once(c.end..within.end.max(c.end)).chain(citing.into_iter().flatten());
            for stretch in stretches {
                for m in again.find_iter(&text[stretch.clone()]) {
                    // A lawyer strikes the noun and keeps the article both say: "any ~~Work
                    // Product~~ Deliverable".
                    let new = renamed(m.as_str(), term);
                    let kept =
                        m.as_str().split_whitespace().next().filter(|d| new.starts_with(&format!("{d} "))).map_or(0, |d| d.len() + 1);
                    let (range, new) = ((stretch.start + m.start() + kept)..(stretch.start + m.end()), new[kept..].to_owned());
                    let Some(paragraph) = paragraph_of(&self.draft.paragraphs, range.start) else { continue };
                    if taken(&range, &out) {
                        continue;
                    }
                    let reasons: Vec<Reason> = c.reasons.iter().filter(|r| r.concern == Concern::BroadWorkProduct).cloned().collect();
                    let change = Change {
                        id: 0,
                        clause_label: self.label(paragraph_clause(self.analysis, self.draft, paragraph)).unwrap_or_default(),
                        paragraph,
                        start: range.start,
                        end: range.end,
                        deleted: text[range.clone()].to_owned(),
                        inserted: new,
                        note: self.vocabulary.adapt(&edit_note(self.library, &[library_clause], &[phrase::EditKind::Narrowed])),
                        new_clause: None,
                        removes_paragraph: false,
                        language: c.language.clone(),
                        reasons,
                    };
                    out.push((Some(*clause), change));
                }
            }
        }
        out
    }

    /// The sentences outside `skip` (the clause itself) that cite clause `number` ("under
    /// Section 4.1", "clause 2.1", "§4.1"; not "Section 4.10" or "Section 4.1.2").
    fn sentences_citing(&self, number: &str, skip: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
        let Ok(citation) = regex::Regex::new(&format!(r"(?i)\b(?:section|clause|§)\s*{}\b", regex::escape(number))) else {
            return Vec::new();
        };
        let text = &self.draft.analysed;
        let mut out: Vec<std::ops::Range<usize>> = Vec::new();
        for m in citation.find_iter(text).filter(|m| !skip.contains(&m.start())) {
            let rest = &text[m.end()..];
            if rest.starts_with('.') && rest[1..].starts_with(|d: char| d.is_ascii_digit()) {
                continue;
            }
            let Some(paragraph) = paragraph_of(&self.draft.paragraphs, m.start()) else { continue };
            let bounds =
                self.draft.text_starts[paragraph].max(self.draft.paragraphs[paragraph].start)..self.draft.paragraphs[paragraph].end;
            let sentence = sentence_bounds(text, bounds, m.start(), m.end());
            if !out.contains(&sentence) {
                out.push(sentence);
            }
        }
        out
    }

    /// A struck option of the draft's own choice list, the option beside it named for counsel.
    fn strike_option(&self, g: &Group, kept: &str) -> Change {
        let analysis = self.analysis;
        let chosen =
            Chosen { text: String::new(), language: Language::OtherOption, note: String::new(), talking_point: String::new(), from: None };
        let mut reasons: Vec<Reason> = Vec::new();
        for &i in &g.findings {
            if !reasons.iter().any(|r| r.concern == analysis.findings[i].concern) {
                reasons.push(reason(&analysis.findings[i], &chosen, i));
            }
        }
        Change {
            id: 0,
            clause_label: self.label(Some(g.clause)).unwrap_or_default(),
            paragraph: g.paragraph,
            start: g.range.start,
            end: g.range.end,
            deleted: self.draft.analysed[g.range.clone()].to_owned(),
            inserted: String::new(),
            note: {
                // The option's own full stop ends the sentence inside the quotes.
                let kept = crate::text::one_line(kept);
                let stop = if kept.ends_with(['.', '!', '?']) { "" } else { "." };
                format!("The draft's other option is proposed instead: \u{201c}{kept}\u{201d}{stop}")
            },
            new_clause: None,
            removes_paragraph: false,
            language: Language::OtherOption,
            reasons,
        }
    }

    /// Whether the draft gives the client rights in the work of its own: an assignment to it,
    /// its ownership, a work made for hire for it. Joint ownership leaves each side a share,
    /// and a transfer to the agency or of the client's own things is none. Where the agency is
    /// not known, a transfer to a party not named as both may be to the client.
    fn gives_client_the_work(&self) -> bool {
        use crate::reading::{Kind, Side, Standing};
        let analysis = self.analysis;
        let (_, reading) = self.reading();
        let unknown = analysis.parties.agency_aliases.is_empty();
        reading.provisions.iter().any(|p| {
            p.kind.transfers()
                && p.kind != Kind::Joint
                && p.standing == Standing::Operative
                && !p.counterparty_owned
                && p.giver != Side::Counterparty
                && p.about_work()
                && (p.receiver == Side::Counterparty || unknown && p.receiver == Side::Unknown)
        })
    }

    /// Whether the passage holds an operative transfer of the work to the client, as the
    /// reader reads it.
    fn transfers_work(&self, g: &Group) -> bool {
        use crate::reading::{Side, Standing};
        let (norm, reading) = self.reading();
        let span = norm.positions([g.range.start, g.range.end].into_iter());
        reading.provisions.iter().any(|p| {
            p.transfers_to_counterparty()
                && p.standing == Standing::Operative
                && p.about_work()
                && p.receiver == Side::Counterparty
                // Where the reader reads on past the sentence's end ("... at the Time of
                // Assignment</span>. Upon ..."), the transfer is still this sentence's.
                && (span[0]..span[1]).contains(&p.start)
        })
    }

    /// Whether the passage grants a licence: to the agency (one it keeps, however short it
    /// falls), or to the client (the deal, which a licence back goes beside).
    /// Whether the passage's only point is its licence's transfer, and the grant already says
    /// the licence is personal and not exclusive: nothing in its own words is left to strike.
    fn licence_already_personal(&self, g: &Group) -> bool {
        use crate::reading::{Attribute, Attributes};
        let sentence = &self.draft.analysed[g.range.clone()];
        let attributes = Attributes::of(self.lexicon(), &sentence.to_lowercase());
        g.findings.iter().all(|&fi| self.analysis.findings[fi].concern == Concern::TransferableLicense)
            && self.grants_a_licence(g)
            && attributes.has(Attribute::Personal)
            && ![Attribute::Transferable, Attribute::Sublicensable, Attribute::Exclusive].into_iter().any(|a| attributes.has(a))
    }

    fn grants_a_licence(&self, g: &Group) -> bool {
        use crate::reading::{Kind, Side};
        let (norm, reading) = self.reading();
        let span = norm.positions([g.range.start, g.range.end].into_iter());
        let receiver = |p: &crate::reading::Provision| matches!(p.receiver, Side::Agency | Side::Counterparty);
        reading.provisions.iter().any(|p| p.kind == Kind::Licence && receiver(p) && !p.negated() && span[0] <= p.start && p.end <= span[1])
    }

    /// Whether the draft already leaves the agency its general know-how, in whatever words.
    fn draft_keeps_know_how(&self) -> bool {
        crate::analysis::judge::facts(&self.reading().1, &self.analysis.parties).contains(&crate::analysis::judge::Fact::Residuals)
    }

    /// The provision reader's reading of the whole draft, with its parties.
    fn reading(&self) -> &(crate::text::Normalised, crate::reading::Reading) {
        self.reading.get_or_init(|| {
            let (draft, analysis) = (self.draft, self.analysis);
            let clauses: Vec<crate::segment::Clause> = analysis.clauses.iter().map(crate::analysis::AnalysedClause::clause).collect();
            let norm = crate::text::Normalised::new(&draft.analysed);
            let ranges = crate::analysis::rules::clause_ranges(&norm, &clauses);
            let layout = crate::reading::Layout::of(&draft.text, &norm);
            let reading = crate::reading::Reading::read(self.lexicon(), &norm.text, &ranges, layout, &analysis.parties);
            (norm, reading)
        })
    }

    /// The finding to answer with the library's clause on the agency's own materials, when a
    /// planned edit carves them out of what passes and nothing licenses them to the client: the
    /// client would get the work without the right to use what it is built on. None when the
    /// draft already licenses them, or the clause already goes in for a `missing` finding.
    fn carved_out_unlicensed(&self, planned: &[(Option<usize>, Change)], missing: &[usize]) -> Option<usize> {
        use crate::reading::{Feature, Kind, Side};
        const CLAUSE: &str = "agency-ip-license";
        let excluding = format!("excluding {}", self.vocabulary.adapt("Agency IP"));
        let carving: Vec<&Change> = planned
            .iter()
            .map(|(_, c)| c)
            .filter(|c| matches!(&c.language, Language::Edited { library_clause } if library_clause == CLAUSE))
            // "excluding Agency IP" put in, or "including" the agency's prior work turned round.
            .filter(|c| c.inserted.contains(&excluding) || c.inserted.trim() == "excluding")
            .collect();
        let carved: Vec<Concern> = carving.iter().flat_map(|c| c.reasons.iter().map(|r| r.concern)).collect();
        // The clause goes in after the transfer it completes.
        let at: Vec<usize> = carving
            .iter()
            .filter_map(|c| paragraph_clause(self.analysis, self.draft, c.paragraph))
            .map(|k| self.analysis.clauses[k].index)
            .collect();
        let findings = &self.analysis.findings;
        let added = missing.iter().any(|&fi| findings[fi].library_clause == CLAUSE);
        let licensed = self.reading().1.provisions.iter().any(|p| {
            p.kind == Kind::Licence
                && !p.negated()
                && p.giver != Side::Counterparty
                && matches!(p.receiver, Side::Counterparty | Side::Both)
                && p.features.has(Feature::Prior)
        });
        // A licence of the draft edited to license the agency's materials (demo r1 §4.4: "To
        // the extent the Deliverables incorporate Provider IP, Provider grants ...").
        let ours = self.vocabulary.adapt("Agency IP");
        let licensed_by_edit = planned.iter().any(|(_, c)| c.inserted.contains(&format!("incorporate {ours}")));
        if carved.is_empty() || added || licensed || licensed_by_edit {
            return None;
        }
        let of = |c: Concern, here: bool| {
            findings.iter().position(|f| {
                f.library_clause == CLAUSE && f.concern == c && carved.contains(&c) && (!here || f.clause.is_some_and(|k| at.contains(&k)))
            })
        };
        [true, false].into_iter().find_map(|here| of(Concern::PreExistingIp, here).or_else(|| carved.iter().find_map(|&c| of(c, here))))
    }

    /// Whether what the passage transfers is some other thing than the work: every transfer
    /// in it names its object only by the draft's terms for things that are not work (bcgov's
    /// "All Proposals and other records submitted to the Issuer ... become the property of
    /// the Issuer": a "Proposal" is "the written response of an Applicant to an
    /// Opportunity"). The library's words allocate the work ("the Deliverables"), so they
    /// would put a clause about another thing in its place, and a payment condition or a
    /// narrowing to what is made for the client means nothing there.
    fn transfers_other_things(&self, g: &Group) -> bool {
        use crate::reading::{Feature, Standing};
        let (norm, reading) = self.reading();
        let span = norm.positions([g.range.start, g.range.end].into_iter());
        let work = [Feature::Work, Feature::Ip, Feature::Models, Feature::Methods, Feature::Improvements];
        let names_work = |f: crate::reading::Features| work.iter().any(|&w| f.has(w));
        let transfers: Vec<&crate::reading::Provision> = reading
            .provisions
            .iter()
            .filter(|p| p.kind.transfers() && p.standing == Standing::Operative && span[0] <= p.start && p.end <= span[1])
            .collect();
        // The sentence's words other than its defined terms ("Proposals" is a word for work
        // too): what the transfer names by its own words.
        let own_words = |p: &crate::reading::Provision| {
            let mut sentence = norm.text[p.sentence.0..p.sentence.1].to_owned();
            for &t in &p.terms {
                if let Some(term) = reading.terms.terms.get(t) {
                    sentence = sentence.replace(term.name.as_str(), " ");
                }
            }
            crate::reading::Features::of(self.lexicon(), &sentence)
        };
        !transfers.is_empty()
            && transfers.iter().all(|p| {
                !p.terms.is_empty()
                    && !names_work(own_words(p))
                    && p.terms.iter().all(|&t| reading.terms.terms.get(t).is_some_and(|term| term.means && !names_work(term.features)))
            })
    }

    /// Whether the passage grants an open-source licence and nothing else: a licence named as
    /// one ("under the Apache License, Version 2.0"), by the draft's term for one (bcgov's
    /// "grant the Issuer the License over the Contribution", "License" meaning the Apache
    /// licence), or a release the reader finds inside the licence's own words ("makes the
    /// Material available ... as per the terms of the following open source license: ___"),
    /// or a release to the public domain ("code that will remain in the public domain"). Such a
    /// release is the same for everyone who takes the code; a payment condition or a limit to
    /// the deliverables does not fit it, and no proprietary licence, assignment or list of
    /// components may stand in its place, so the passage is left as it is and its findings stay
    /// open. A provision is the passage's when it begins in it: a sentence ending in a blank
    /// ("license: ___") runs on in the reader past the passage's end.
    fn grants_open_licence(&self, g: &Group) -> bool {
        use crate::reading::{Kind, Provision, Standing};
        let (norm, reading) = self.reading();
        let span = norm.positions([g.range.start, g.range.end].into_iter());
        let Some(open) = self.lexicon().kinds.iter().find(|(k, _)| *k == Kind::OpenLicence).map(|(_, w)| w) else { return false };
        let within = |p: &Provision| span[0] <= p.start && p.start < span[1];
        let operative: Vec<&Provision> = reading
            .provisions
            .iter()
            .filter(|p| p.standing == Standing::Operative && within(p))
            .filter(|p| p.kind.transfers() || matches!(p.kind, Kind::Licence | Kind::OpenLicence))
            .collect();
        let names_open = |p: &Provision| {
            let own = &norm.text[p.start..p.end.min(span[1])];
            reading
                .terms
                .used_in(own)
                .iter()
                .any(|&t| reading.terms.terms.get(t).is_some_and(|term| open.is_match(&norm.text[term.start..term.end])))
                || operative.iter().any(|o| o.kind == Kind::OpenLicence && p.start <= o.start && o.start < p.end.min(span[1]))
        };
        !operative.is_empty() && operative.iter().all(|p| p.kind == Kind::OpenLicence || p.kind == Kind::Licence && names_open(p))
    }

    /// Whether the passage licenses only others' open-source components ("**Licensed IP:**
    /// Open-source libraries owned by their respective creators; Client receives perpetual
    /// license to use in this project"): the agency passes on nothing of its own there, so
    /// neither the library's licence of the agency's materials nor a limit fits it, and
    /// striking it would lose the acknowledgement that the components are others'. Only a
    /// licence's points: a passage that also gives away the work is dealt with as such.
    fn licenses_open_source_of_others(&self, g: &Group) -> bool {
        let licence_points = [Concern::PerpetualIrrevocableGrant, Concern::TransferableLicense, Concern::OpenSource];
        let words = crate::text::Normalised::new(&self.draft.analysed[g.range.clone()]);
        self.lexicon().open_source_of_others.is_match(&words.text)
            && g.findings.iter().all(|&fi| {
                let f = &self.analysis.findings[fi];
                licence_points.contains(&f.concern) && steer_for(self.steers, f).is_none()
            })
    }

    /// A new clause for each missing protection, numbered in turn where several share a place,
    /// and never with a number another clause has: in a draft that numbers every clause "1."
    /// (a Markdown list), clauses put in after two of them are 1A, 1B and 1C, in document order.
    fn new_clauses(&mut self, missing: &[usize]) -> Vec<(Option<usize>, Change)> {
        let (draft, analysis) = (self.draft, self.analysis);
        let mut numbers: Vec<(usize, Option<Number>)> = Vec::new();
        let mut taken: Vec<String> = analysis.clauses.iter().filter_map(|c| c.number.clone()).collect();
        let mut planned = Vec::new();
        let mut gives_client: Option<bool> = None;
        let mut missing = missing.to_vec();
        missing.sort_by_key(|&fi| placement::place(&analysis.clauses, analysis.findings[fi].clause).map(|at| at.after));
        for fi in missing {
            let f = &analysis.findings[fi];
            let (Some(chosen), Some(at)) =
                (choose(analysis, self.steers, &[fi], self.library, None, self.person), placement::place(&analysis.clauses, f.clause))
            else {
                let unfit = analysis.parties.is_employment()
                    && self.library.get(&f.library_clause).is_some_and(|c| !fits_employment(&c.standard_text));
                self.leave(fi, if unfit { OpenReason::NotForEmployment } else { OpenReason::NoLanguage });
                continue;
            };
            // A clause that assigns the work goes in only where the draft already gives the
            // client the work: one that makes the parties co-owners (trainlog's collaboration)
            // asked for no assignment, and the agency would volunteer one.
            if function::assigns(&chosen.text) && !*gives_client.get_or_insert_with(|| self.gives_client_the_work()) {
                self.leave(fi, OpenReason::NothingPassesToClient);
                continue;
            }
            let (Some(paragraph), Some(template)) =
                (last_paragraph(draft, analysis, at.after), first_paragraph(draft, analysis, at.template))
            else {
                self.leave(fi, OpenReason::NoLanguage);
                continue;
            };
            let mut number = if let Some((_, n)) = numbers.iter_mut().find(|(after, _)| *after == at.after) {
                *n = n.as_ref().map(Number::next);
                n.clone()
            } else {
                numbers.push((at.after, at.number.clone()));
                at.number
            };
            // A lettered number is the tool's own, so it may skip on to one no clause has; a
            // dotted one is the draft's sequence (or Word's list) and stays as it is.
            while let Some(n @ Number::Suffixed(_, letter)) = &number
                && taken.contains(&n.label())
                && !matches!(letter, 'z' | 'Z')
            {
                number = Some(n.next());
            }
            if let Some((_, n)) = numbers.iter_mut().find(|(after, _)| *after == at.after) {
                n.clone_from(&number);
            }
            taken.extend(number.as_ref().map(Number::label));
            // "Residuals: the agency keeps general know-how" is the library's title; the clause's
            // heading is its subject, in the draft's names.
            let heading = self.library.get(&f.library_clause).map_or_else(
                || f.concern.id().to_owned(),
                |c| self.vocabulary.adapt(c.title.split([':', ';']).next().unwrap_or_default().trim()),
            );
            // A lettered number ("3A") is one no list of Word's gives: it is written out, on a
            // paragraph laid out like the one it follows rather than like the section's heading.
            let typed_number = matches!(number, Some(Number::Suffixed(..)));
            let template = if typed_number { paragraph } else { template };
            let end = draft.paragraphs[paragraph].end;
            let change = Change {
                id: 0,
                clause_label: self.label(Some(at.template)).unwrap_or_default(),
                paragraph,
                start: end,
                end,
                deleted: String::new(),
                inserted: self.vocabulary.adapt(&chosen.text),
                note: self.vocabulary.adapt(&chosen.note),
                new_clause: Some(NewClause {
                    number: number.map(|n| n.label()),
                    heading,
                    template_paragraph: template,
                    ..NewClause::default()
                }),
                removes_paragraph: false,
                language: chosen.language.clone(),
                reasons: vec![reason(f, &chosen, fi)],
            };
            planned.push((None, change));
        }
        planned
    }
}

/// A list item struck with the lead-in it hangs from (`Planner::list_led_into`) that has a
/// change of its own (its sentence replaced) keeps that change: the strike of the whole item
/// gives way, so that no two changes overlap.
fn keep_items_changed_on_their_own(planned: &mut Vec<(Option<usize>, Change)>) {
    let own: Vec<Range<usize>> = planned.iter().filter(|(_, c)| !c.removes_paragraph).map(|(_, c)| c.start..c.end).collect();
    planned.retain(|(_, c)| !(c.removes_paragraph && own.iter().any(|r| r.start < c.end && c.start < r.end && r.start < r.end)));
}

/// The broad words that named what a narrowed clause passes ("any Work Product") in the term
/// it now names (`term`, "the Deliverables"), keeping the number the words had: "any
/// Deliverable is", "such Deliverables", else `term`.
fn renamed(words: &str, term: &str) -> String {
    let bare = term.trim_start_matches("the ");
    match words.split_whitespace().next().map(str::to_lowercase).as_deref() {
        Some("any") => format!("any {}", bare.strip_suffix('s').unwrap_or(bare)),
        Some("such") => format!("such {bare}"),
        _ => term.to_owned(),
    }
}

/// The clause a paragraph is in, by where it starts.
/// A change that follows from `of` elsewhere in the draft (a sentence that speaks of words it
/// struck): `range` of `text` made `inserted`, for the same reasons, as the draft's words edited
/// for the same library clause.
fn following(
    of: &Change,
    (clause_label, paragraph): (String, usize),
    range: Range<usize>,
    text: &str,
    inserted: String,
    note: String,
) -> Change {
    Change {
        id: 0,
        clause_label,
        paragraph,
        start: range.start,
        end: range.end,
        deleted: text[range].to_owned(),
        inserted,
        note,
        new_clause: None,
        removes_paragraph: false,
        language: match &of.language {
            Language::Fallback { library_clause, .. } | Language::Standard { library_clause } => {
                Language::Edited { library_clause: library_clause.clone() }
            }
            other => other.clone(),
        },
        reasons: of.reasons.clone(),
    }
}

fn paragraph_clause(analysis: &Analysis, draft: &Draft, paragraph: usize) -> Option<usize> {
    let at = draft.paragraphs[paragraph].start;
    analysis.clauses.iter().position(|c| c.start <= at && at < c.end)
}

/// Puts changes in document order and numbers them. Words are inserted once in a redline:
/// where several passages would get the same words, they go in where they count most (a
/// numbered clause before a recital or an unnumbered paragraph, else the first), and the other
/// passages are only struck; a new clause that repeats them is not added.
fn in_order(mut planned: Vec<(Option<usize>, Change)>) -> Vec<Change> {
    planned.sort_by_key(|(_, c)| (c.start, c.new_clause.is_some()));
    let mut changes: Vec<Change> = planned.into_iter().map(|(_, c)| c).collect();
    let numbered = |c: &Change| {
        c.new_clause.is_none() && c.clause_label.starts_with("§") && c.clause_label[2..].starts_with(|d: char| d.is_ascii_digit())
    };
    let mut keep = vec![true; changes.len()];
    // An edit of a provision's own words ("upon receipt of full payment") belongs to that
    // provision: the same edit of another one is not covered by it.
    let edited = |c: &Change| matches!(c.language, Language::Edited { .. });
    for i in 0..changes.len() {
        if edited(&changes[i]) {
            continue;
        }
        let same: Vec<usize> = (0..changes.len()).filter(|&j| !edited(&changes[j]) && changes[j].inserted == changes[i].inserted).collect();
        let Some(&kept) =
            same.iter().find(|&&j| numbered(&changes[j])).or(same.iter().find(|&&j| changes[j].new_clause.is_none())).or(same.first())
        else {
            continue;
        };
        if i != kept && !changes[i].inserted.is_empty() {
            keep[i] = changes[i].new_clause.is_none();
            changes[i].language = Language::AlreadyInserted { change: kept };
        }
    }
    // A passage struck whole already takes with it any edit inside it (a list item that runs
    // on past a stray full stop into the next sentence's bar): the edit would overlap it.
    let cited: Vec<usize> =
        changes.iter().filter_map(|c| if let Language::AlreadyInserted { change } = c.language { Some(change) } else { None }).collect();
    let mut reach = 0;
    for i in 0..changes.len() {
        let c = &changes[i];
        if !keep[i] || c.new_clause.is_some() {
            continue;
        }
        if c.start < reach && !cited.contains(&i) {
            keep[i] = false;
        } else {
            reach = reach.max(c.end);
        }
    }
    let mut kept_ids = vec![0; changes.len()];
    let mut out: Vec<Change> = Vec::with_capacity(changes.len());
    for (i, c) in changes.iter().enumerate().filter(|(i, _)| keep[*i]) {
        kept_ids[i] = out.len() + 1;
        out.push(Change { id: out.len() + 1, ..c.clone() });
    }
    let labels: Vec<String> = changes.iter().map(|c| c.clause_label.clone()).collect();
    for c in &mut out {
        if let Language::AlreadyInserted { change } = c.language {
            c.language = Language::AlreadyInserted { change: kept_ids[change] };
            c.inserted = String::new();
            c.note = format!("Covered by the wording proposed in {}.", labels[change]);
        }
    }
    out
}

/// A new paragraph defining a term proposed words use: after `spot.after` (whose end is `end`),
/// laid out like `spot.template`, in the clause labelled `label`.
fn definition(end: usize, spot: &Spot, label: &str) -> Change {
    let term = defined_terms(&spot.text).into_iter().next().unwrap_or_else(|| spot.term.clone());
    Change {
        id: 0,
        clause_label: label.to_owned(),
        paragraph: spot.after,
        start: end,
        end,
        deleted: String::new(),
        inserted: spot.text.clone(),
        note: format!("Defines \u{201c}{}\u{201d}, a term the proposed wording uses.", term.trim_matches(['\u{201c}', '\u{201d}'])),
        new_clause: Some(NewClause { template_paragraph: spot.template, ..NewClause::default() }),
        removes_paragraph: false,
        language: Language::Definition { term },
        reasons: Vec::new(),
    }
}

/// The definitions a term of words put inside the draft's own sentence needs (`edit`), where
/// the term is first used: each a sentence of its own after that sentence; or, where the
/// words end no sentence (an item of a list, "- Any inventions, ..., excluding improvements
/// to Provider IP", or a list laid out one item a line), a paragraph of its own after the
/// list (its last item before the next clause), laid out like the paragraph that leads into
/// it: put after the list's last words, it would read as part of its last item.
fn definitions_after_edit(draft: &Draft, analysis: &Analysis, edit: &Change, needed: &[String]) -> Vec<Change> {
    let bounds = draft.text_starts[edit.paragraph]..draft.paragraphs[edit.paragraph].end;
    let raw = &draft.text[bounds.clone()];
    let sentence = sentence_bounds(&draft.analysed, bounds.clone(), edit.start, edit.end);
    let ends_no_sentence = |words: &str| {
        let words = words.trim_end().trim_end_matches(['"', '\'', ')', ']', '\u{201d}', '\u{2019}']);
        !words.ends_with(['.', '!', '?'])
    };
    let in_item = phrase::list::line_item(raw, edit.start - bounds.start).map(|item| &raw[item]);
    if !in_item.map_or_else(|| ends_no_sentence(&draft.analysed[sentence.clone()]), ends_no_sentence) {
        return needed.iter().map(|d| definition_after_sentence(sentence.end, d, edit)).collect();
    }
    let template = lead_in_paragraph(draft, edit.paragraph).unwrap_or(edit.paragraph);
    // A list with a paragraph for each item: after its last item, before the next clause.
    let clause_end = paragraph_clause(analysis, draft, edit.paragraph).map_or(edit.end, |k| analysis.clauses[k].end);
    let item = |q: usize| {
        let (p, words) = (&draft.paragraphs[q], &draft.analysed[draft.text_starts[q]..draft.paragraphs[q].end]);
        p.start < clause_end
            && !analysis.clauses.iter().any(|c| p.start <= c.start && c.start < p.end)
            && ends_no_sentence(words)
            && words.split_whitespace().count() <= 40
    };
    let after = match in_item {
        Some(_) => edit.paragraph,
        None => (edit.paragraph + 1..draft.paragraphs.len()).take(20).take_while(|&q| item(q)).last().unwrap_or(edit.paragraph),
    };
    let end = draft.paragraphs[after].end;
    needed.iter().map(|d| definition(end, &Spot { after, template, text: d.clone(), term: String::new() }, &edit.clause_label)).collect()
}

/// The paragraph that leads into the list `paragraph` is in or opens: the nearest above
/// ending with a colon, over earlier items (paragraphs that end no sentence).
fn lead_in_paragraph(draft: &Draft, paragraph: usize) -> Option<usize> {
    for q in (0..paragraph).rev().take(20) {
        let words = draft.analysed[draft.text_starts[q]..draft.paragraphs[q].end].trim_end();
        if words.ends_with(':') {
            return Some(q);
        }
        if words.ends_with(['.', '!', '?']) {
            return None;
        }
    }
    None
}

/// A definition a term of an edit needs, as a sentence of its own put in at `end`, the end of
/// the edited sentence.
fn definition_after_sentence(end: usize, text: &str, edit: &Change) -> Change {
    let term = defined_terms(text).into_iter().next().unwrap_or_default();
    Change {
        id: 0,
        clause_label: edit.clause_label.clone(),
        paragraph: edit.paragraph,
        start: end,
        end,
        deleted: String::new(),
        inserted: format!(" {text}"),
        note: format!("Defines \u{201c}{}\u{201d}, a term the proposed wording uses.", term.trim_matches(['\u{201c}', '\u{201d}'])),
        new_clause: None,
        removes_paragraph: false,
        language: Language::Definition { term },
        reasons: Vec::new(),
    }
}

/// `changes` with the new `definitions` in document order, numbered again (and the numbers
/// that "covered by" changes cite with them).
fn with_definitions(changes: Vec<Change>, definitions: Vec<Change>) -> Vec<Change> {
    if definitions.is_empty() {
        return changes;
    }
    let mut all: Vec<Change> = changes.into_iter().chain(definitions).collect();
    // Stable: the changes already in order keep it; a definition goes after the paragraph's own
    // changes and before any new clause that follows the same paragraph.
    all.sort_by_key(|c| (c.start, c.new_clause.is_some(), !matches!(c.language, Language::Definition { .. })));
    let renumbered: Vec<(usize, usize)> = all.iter().enumerate().filter(|(_, c)| c.id != 0).map(|(i, c)| (c.id, i + 1)).collect();
    for (i, c) in all.iter_mut().enumerate() {
        c.id = i + 1;
        if let Language::AlreadyInserted { change } = &mut c.language
            && let Some(&(_, new)) = renumbered.iter().find(|(old, _)| old == change)
        {
            *change = new;
        }
    }
    all
}

/// Counsel reads each reason once: a sentence of a change's note that an earlier change in the
/// same clause already gave (the "limited" reason beside a rewritten condition, "that Provider
/// IP" and "solely as incorporated", all in one licence) is left out, and a change with nothing
/// new to say carries no note. One an earlier change in another clause gave is not given
/// again either: the note refers to it ("For the reason given at §1.3."), so that counsel does
/// not read the same paragraph twice (the demo's §1.3 and §4.1 both narrow what passes). New
/// clauses keep their notes: each is read alone.
fn one_note_per_reason(changes: &mut [Change]) {
    let mut said: Vec<(String, String)> = Vec::new();
    for c in changes.iter_mut().filter(|c| c.new_clause.is_none()) {
        let mut kept: Vec<&str> = Vec::new();
        let mut given_at: Option<String> = None;
        for sentence in note_sentences(&c.note) {
            if kept.contains(&sentence) || said.iter().any(|(l, s)| *l == c.clause_label && s == sentence) {
                continue;
            }
            // Given in another clause: referred to, once in this clause.
            if let Some((label, _)) = said.iter().find(|(_, s)| s == sentence && sentence.split_whitespace().count() > 6) {
                given_at.get_or_insert_with(|| label.clone());
            } else {
                kept.push(sentence);
            }
            said.push((c.clause_label.clone(), sentence.to_owned()));
        }
        let reference = given_at.map(|label| match label.split_whitespace().next() {
            Some(number) if number.starts_with('\u{a7}') => format!("For the reason given at {number}."),
            _ => "For the reason given above.".to_owned(),
        });

        c.note = kept.into_iter().map(str::to_owned).chain(reference).collect::<Vec<_>>().join(" ");
    }
}

/// A note's sentences: a note is the library's plain prose, each sentence ending at a full stop
/// followed by a space and a capital (or the note's end).
fn note_sentences(note: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in note.match_indices(". ") {
        if note[i + 2..].starts_with(|ch: char| ch.is_uppercase()) {
            out.push(note[start..=i].trim());
            start = i + 2;
        }
    }
    out.push(note[start..].trim());
    out.retain(|s| !s.is_empty());
    out
}

/// A clause whose whole body is struck, its words covered elsewhere, keeps its number and
/// heading as a reserved clause, so that later numbers and citations stay as they are: a
/// run-in heading ("5.2 Assignment. ..."), one on the line above ("### 5.2 Assignment of
/// Rights"), or its number alone ("7.4 Any modification ...").
fn reserve_emptied(changes: &mut [Change], draft: &Draft) {
    for c in changes.iter_mut().filter(|c| matches!(c.language, Language::AlreadyInserted { .. })) {
        let p = &draft.paragraphs[c.paragraph];
        let (before, after) = (&draft.analysed[p.start..c.start], &draft.analysed[c.end..p.end]);
        let heading_only = before.split_whitespace().count() <= 8 && !before.trim_end().trim_end_matches('.').contains(". ");
        // Or its number alone ("7.4 ~~Any modification ...~~").
        let numbered = !before.trim().is_empty() && before.trim().chars().all(|ch| ch.is_ascii_digit() || ch == '.');
        let headed = before.trim_end().ends_with('.')
            || before.trim_end_matches([' ', '\t']).ends_with('\n') && !before.trim().is_empty()
            || numbered;
        if after.trim().is_empty() && headed && heading_only {
            RESERVED.clone_into(&mut c.inserted);
        }
    }
}

/// What a clause whose body is struck says, as drafters write it.
const RESERVED: &str = "[Reserved.]";

/// The sentence (within its paragraph and clause) around a phrase finding.
fn passage(draft: &Draft, analysis: &Analysis, fi: usize) -> Option<Group> {
    let f = &analysis.findings[fi];
    let (start, end, clause) = (f.start?, f.end?, f.clause?);
    let c = analysis.clauses.get(clause)?;
    let paragraph = paragraph_of(&draft.paragraphs, start)?;
    let p = &draft.paragraphs[paragraph];
    let bounds = draft.text_starts[paragraph].max(c.start)..p.end.min(c.end);
    if bounds.start >= bounds.end || start >= bounds.end {
        return None;
    }
    let mut range = sentence_bounds(&draft.analysed, bounds.clone(), start, end);
    // A heading on the line above, in the same paragraph ("3. Work Product Ownership\nAll work
    // product ..."), names the subject and stays: the sentence starts after it.
    if let Some(h) = c.heading.as_deref().map(str::trim).filter(|h| !h.is_empty())
        && let Some(at) = draft.analysed[range.clone()].find(h).map(|at| range.start + at + h.len())
        && draft.analysed[range.start..at - h.len()].split_whitespace().count() <= 1
        && at < end
    {
        let rest = &draft.analysed[at..range.end];
        range.start = at + (rest.len() - rest.trim_start().len());
    }
    range.start = past_labels(&draft.analysed, c.number.as_deref(), range.clone(), start, end);
    if draft.format == Format::Markdown {
        range = cover_markup(&draft.text, &draft.analysed, range, bounds);
    }
    (!draft.analysed[range.clone()].trim().is_empty()).then_some(Group { clause, paragraph, range, findings: vec![fi] })
}

/// Where a sentence's own words start, past the labels that name its clause and stay when it
/// is struck: a heading on its own line above it, in the same paragraph ("5.2 Assignment of
/// Rights\nDeveloper hereby assigns ...": a short line with no stop of its own), and the
/// clause's `number` opening it ("5.5 Without limiting clause 5.1, ...": how it is cited).
/// Never past `keep` (where words that must stay in the sentence start), nor `end`.
fn past_labels(text: &str, number: Option<&str>, range: Range<usize>, keep: usize, end: usize) -> usize {
    let mut start = range.start;
    if let Some(nl) = text[range.clone()].find('\n').map(|i| range.start + i) {
        let line = text[range.start..nl].trim();
        let heading = (1..=8).contains(&line.split_whitespace().count()) && !line.ends_with(['.', ';', ':', ',']);
        let rest = &text[nl..range.end];
        let body = nl + (rest.len() - rest.trim_start().len());
        if heading && body <= keep && body < range.end {
            start = body;
        }
    }
    if let Some(n) = number.map(str::trim).filter(|n| !n.is_empty())
        && let Some(rest) = text[start..range.end].strip_prefix(n)
        && rest.starts_with([' ', '\t'])
    {
        let at = start + n.len() + (rest.len() - rest.trim_start().len());
        if at < range.end.min(end) {
            start = at;
        }
    }
    start
}

/// Whether paragraph `i` is the definition cell of a table of definitions: the paragraph before
/// it holds only a quoted term ("\"Source Code\"", then "computer programs and/or data ...").
fn in_definition_cell(draft: &Draft, i: usize) -> bool {
    static TERM_CELL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#"^\s*["\u{201c}][A-Z][^"\u{201c}\u{201d}]{0,60}["\u{201d}]\s*\|?\s*$"#).expect("static regex")
    });
    i.checked_sub(1).is_some_and(|j| TERM_CELL.is_match(&draft.analysed[draft.paragraphs[j].clone()]))
}

/// For a passage that is one option of the draft's choice list ("( ) Customer owns Deliverables
/// as they are created."), the option beside it that nothing strikes: a lawyer strikes the
/// option, and the other one stays as the proposal.
fn other_option(draft: &Draft, g: &Group, struck: &[Group]) -> Option<String> {
    static OPTION: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"^\s*(?:\(\s*\)|\[\s*\]|\u{2610}|\u{25a1})\s*\S").expect("static regex"));
    let text = |i: usize| &draft.analysed[draft.paragraphs[i].clone()];
    if !OPTION.is_match(&draft.analysed[g.range.clone()]) {
        return None;
    }
    let near = [g.paragraph.checked_sub(1), g.paragraph.checked_add(1)];
    near.into_iter()
        .flatten()
        .filter(|&i| i < draft.paragraphs.len() && OPTION.is_match(text(i)) && !struck.iter().any(|s| s.paragraph == i))
        .map(|i| text(i).trim().to_owned())
        .next()
}

/// Whether a passage is only its clause's heading ("Work Made for Hire and Further Assurances"):
/// the heading the segmenter found, or a short paragraph with no closing punctuation (a heading
/// on a line of its own). A heading names the subject; the body binds, so it is not struck.
fn is_heading(draft: &Draft, analysis: &Analysis, group: &Group) -> bool {
    let Some(clause) = analysis.clauses.get(group.clause) else { return false };
    let words = crate::text::one_line(&draft.analysed[group.range.clone()]);
    let bare = words.trim_end_matches(['.', ':', ';']).trim();
    if clause.heading.as_deref().is_some_and(|h| bare.eq_ignore_ascii_case(h.trim())) {
        return true;
    }
    let paragraph = &draft.paragraphs[group.paragraph];
    let whole = group.range.start <= draft.text_starts[group.paragraph] && group.range.end >= paragraph.end;
    whole && !words.ends_with(['.', ';', ':', ',']) && words.split_whitespace().count() <= 15 && !labels_a_value(draft, group)
}

/// Whether a Markdown paragraph is a field, its bold label then its value ("**Effective:**
/// Upon creation (automatically)"): a term of the clause, not a heading.
fn labels_a_value(draft: &Draft, group: &Group) -> bool {
    let raw = draft.text[group.range.clone()].trim_start();
    draft.format == Format::Markdown
        && raw
            .strip_prefix("**")
            .and_then(|rest| rest.split_once("**"))
            .is_some_and(|(label, value)| label.trim_end().ends_with(':') && !value.trim().is_empty())
}

/// The paragraph holding the last words of a clause.
/// A Markdown thematic break that closes a section ("---"), at the end of the clause or a
/// clause of its own, is not among its last words: new clauses go before it, inside the section
/// it closes.
fn last_paragraph(draft: &Draft, analysis: &Analysis, clause: usize) -> Option<usize> {
    let c = analysis.clauses.get(clause)?;
    let whole = draft.analysed[c.start..c.end].trim_end();
    let body = if draft.format == Format::Markdown { before_rules(whole) } else { whole };
    if body.is_empty() && !whole.is_empty() && clause > 0 {
        return last_paragraph(draft, analysis, clause - 1);
    }
    let body = if body.is_empty() { whole } else { body };
    let last = paragraph_of(&draft.paragraphs, (c.start + body.len()).saturating_sub(1))?;
    // "Among the rights assigned are:" goes on in its list, which may be clauses of their own.
    let leads_in = draft.analysed[draft.paragraphs[last].clone()].trim_end().ends_with(':');
    Some(if leads_in { list_after(draft, last).last().unwrap_or(last) } else { last })
}

/// The paragraphs right after `paragraph` that are items of a list (a bullet, "1.", "(a)"),
/// as a lead-in ending in a colon has them; in a draft without numbers each may be a clause.
fn list_after(draft: &Draft, paragraph: usize) -> std::ops::Range<usize> {
    let end = (paragraph + 1..draft.paragraphs.len()).find(|&q| !is_list_item(draft, q)).unwrap_or(draft.paragraphs.len());
    paragraph + 1..end.max(paragraph + 1)
}

/// Whether paragraph `q` is an item of a list: a bullet or number opens it (a .docx list's
/// number, "(a)", is Word's, before its words).
fn is_list_item(draft: &Draft, q: usize) -> bool {
    let raw = draft.text[draft.paragraphs[q].clone()].trim_start();
    phrase::list::first_line_item(raw) == Some(0) || super::sentence::leading_label(raw).is_some_and(|l| l.starts_with('('))
}

/// `body` without the thematic breaks ("---", "* * *") that end it.
fn before_rules(body: &str) -> &str {
    let rule = |line: &str| {
        let marks: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
        marks.len() >= 3 && ['-', '*', '_'].iter().any(|m| marks.iter().all(|c| c == m))
    };
    let mut body = body.trim_end();
    loop {
        let (words, last) = body.rsplit_once('\n').unwrap_or(("", body));
        if !rule(last) {
            return body;
        }
        body = words.trim_end();
    }
}

/// The paragraph holding the first words of a clause.
fn first_paragraph(draft: &Draft, analysis: &Analysis, clause: usize) -> Option<usize> {
    let c = analysis.clauses.get(clause)?;
    let text = &draft.analysed[c.start..c.end];
    paragraph_of(&draft.paragraphs, c.start + (text.len() - text.trim_start().len()))
}

/// Why a finding is left open before its passage is read, if it is: below `--only`, conceded
/// in the session, a payment condition in an employment agreement, answered in a definition, or
/// a broad object the draft already bounds.
fn settled(draft: &Draft, analysis: &Analysis, steers: &[Steer], only: crate::library::Severity, fi: usize) -> Option<OpenReason> {
    let f = &analysis.findings[fi];
    if f.severity < only {
        Some(OpenReason::BelowThreshold)
    } else if steer_for(steers, f).is_some_and(|s| s.stance == Stance::Concede) {
        Some(OpenReason::Conceded)
    } else if f.concern == Concern::AssignmentBeforePayment && analysis.parties.is_employment() {
        // An employee is paid a salary, not fees per deliverable: no payment condition fits.
        Some(OpenReason::NotForEmployment)
    } else if licensed_through_a_definition(draft, analysis, fi) {
        Some(OpenReason::AnsweredInDefinition)
    } else if f.rule.ends_with("/broad-object-bounded") {
        Some(OpenReason::Bounded)
    } else {
        None
    }
}

/// An exclusive licence of methods whose same point is also found at the definition that
/// sweeps them in (the reader's rule anchors at both): the definition is where it is answered.
fn licensed_through_a_definition(draft: &Draft, analysis: &Analysis, fi: usize) -> bool {
    const RULE: &str = "/methods-licensed-exclusively";
    let f = &analysis.findings[fi];
    // The passage the redline would edit for it opens by defining a term.
    let defines = |d: usize| passage(draft, analysis, d).is_some_and(|g| phrase::defined_term(&draft.analysed[g.range]).is_some());
    f.rule.ends_with(RULE) && analysis.findings.iter().enumerate().any(|(d, o)| o.rule == f.rule && o.clause != f.clause && defines(d))
}

/// The decision that stands for a finding: one on the finding itself (in its clause, or
/// anywhere for a missing protection), else one on its whole clause.
fn steer_for<'s>(steers: &'s [Steer], f: &Finding) -> Option<&'s Steer> {
    let key = f.key();
    let on_finding = |s: &&Steer| s.finding.as_deref() == Some(key.as_str()) && (f.kind == FindingKind::Missing || s.clause == f.clause);
    let on_clause = |s: &&Steer| s.finding.is_none() && f.clause.is_some() && s.clause == f.clause;
    steers.iter().rev().find(on_finding).or_else(|| steers.iter().rev().find(on_clause))
}

/// The words for a change answering `findings` (most severe first).
/// The passage words are chosen for, with what other clauses say of its clause when they cite
/// it, and the words already chosen for other passages.
struct Struck<'a> {
    deleted: &'a str,
    cited: Vec<Cited>,
    used: &'a [String],
    /// The draft's whole text: the attachments it has.
    draft: &'a str,
}

impl Struck<'_> {
    /// Whether words define a term that other words already chosen define: a term is defined
    /// once. (The same words chosen again are fine: they go in once, see `in_order`.)
    fn redefines(&self, text: &str) -> bool {
        let defines = defined_terms(text);
        self.used.iter().any(|u| u != text && defined_terms(u).iter().any(|d| defines.contains(d)))
    }

    /// Whether words cite an attachment the draft does not have ("the companies listed in
    /// Schedule B"): a counter-proposal never points at a document nobody has. "Schedule A" (the
    /// library's statement of work) and "Exhibit A" (its registry of the agency's tools) are
    /// the vocabulary's to rename or add.
    fn cites_missing_attachment(&self, text: &str) -> bool {
        static ATTACHMENT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r"\b(?:Schedule|Exhibit|Annex|Appendix|Attachment)\s+[A-Z0-9]\b").expect("static regex")
        });
        ATTACHMENT
            .find_iter(text)
            .any(|m| !matches!(m.as_str(), "Schedule A" | "Exhibit A") && !whole_word(m.as_str()).is_match(self.draft))
    }
}

/// `struck` is the passage the words replace; None for a missing protection.
fn choose(
    analysis: &Analysis,
    steers: &[Steer],
    findings: &[usize],
    library: &ClauseLibrary,
    struck: Option<&Struck<'_>>,
    person: Person,
) -> Option<Chosen> {
    let talking_point = |fi: usize, kind: Option<FallbackKind>| {
        let f = &analysis.findings[fi];
        kind.and_then(|k| f.fallbacks.iter().find(|o| o.kind == k))
            .or_else(|| f.fallbacks.iter().find(|o| !o.text.trim().is_empty()))
            .or(f.fallbacks.first())
            .map(|o| o.talking_point.clone())
            .unwrap_or_default()
    };
    for &fi in findings {
        if let Some(Steer { stance: Stance::Counter { fallback, language }, .. }) = steer_for(steers, &analysis.findings[fi])
            && !language.trim().is_empty()
        {
            let tp = talking_point(fi, *fallback);
            return Some(Chosen {
                text: language.trim().to_owned(),
                language: Language::Session(*fallback),
                note: counsel_note(library, &analysis.findings[fi].library_clause, *fallback),
                talking_point: tp,
                from: Some(fi),
            });
        }
    }
    // A missing protection is added whole: the library clause's standard text is the clause
    // that was missing, where a fallback rung is wording to trade against a risky passage.
    // So is one that falls short where nothing is struck (a licence back kept beside it).
    // In an employment agreement, only words that do not speak of fees, payment or the
    // agency's other clients.
    let employment = analysis.parties.is_employment();
    let fits = |text: &str| !employment || fits_employment(text);
    // The library's words speak of a company's personnel: an individual or an employee has
    // none, and an employee learns "during employment" (`Person::fit`).
    let for_employee_note = |note: String| person.fit_note(&note);
    let for_employee = |text: String| person.fit(&text);
    if let Some(standard) = findings
        .first()
        .map(|&fi| &analysis.findings[fi])
        .filter(|f| f.kind == FindingKind::Missing || struck.is_none())
        .and_then(|f| library.get(&f.library_clause))
    {
        let text = for_employee(standard.standard_text.trim().to_owned());
        if !fits(&text) {
            return None;
        }
        let tp = talking_point(findings[0], None);
        let language = Language::Standard { library_clause: standard.id.clone() };
        let note = for_employee_note(counsel_note(library, &standard.id, None));
        return Some(Chosen { text, language, note, talking_point: tp, from: Some(findings[0]) });
    }
    // In place of struck words, words that do the same job (a definition of the same term, an
    // ownership clause for an ownership clause) and stand on their own ("Agency's waiver ...
    // applies solely" cannot replace the waiver); first those that still say what the clauses
    // citing this one assume ("assigned under Section 4.1"). The narrowed transfer first, then
    // the library's standard clause, then a licence back, then the rest of the ladder.
    let struck = struck?;
    // Struck words that assign give way to words that still assign (on payment, narrowed), not
    // to the agency keeping everything: the client's transfer is the deal's, and is fixed.
    // Unless what they assign is the agency's prior work, which no fix hands over.
    let prior = findings.iter().any(|&fi| analysis.findings[fi].concern == Concern::PreExistingIp);
    let must_assign = function::assigns(struck.deleted) && !prior;
    let lexicon = library.reading.as_ref().map_or(crate::reading::Lexicon::embedded(), |r| &r.lexicon);
    let parties = function::with_library_names(&analysis.parties);
    for cited in [true, false] {
        for &fi in findings {
            let f = &analysis.findings[fi];
            for (kind, raw, talking_point) in candidates(f, library) {
                let (text, trimmed) = same_term(&raw, struck.deleted);
                let text = for_employee(text);
                if fits(&text)
                    && (!must_assign || function::assigns(&text))
                    && function::keeps_read(struck.deleted, &text, lexicon, &parties)
                    && !function::presupposes(&text)
                    && (!cited || struck.cited.iter().all(|v| v.said_by(&text)))
                    && !struck.redefines(&text)
                    && !struck.cites_missing_attachment(&text)
                {
                    let language = match kind {
                        Some(kind) => Language::Fallback { library_clause: f.library_clause.clone(), kind },
                        None => Language::Standard { library_clause: f.library_clause.clone() },
                    };
                    // Words left out of a definition are not spoken of in its note either.
                    let note = if trimmed {
                        let carved = text.contains("exclude").then_some(phrase::EditKind::CarvedOut);
                        edit_note(
                            library,
                            &[&f.library_clause],
                            &[Some(phrase::EditKind::Narrowed), carved].into_iter().flatten().collect::<Vec<_>>(),
                        )
                    } else {
                        counsel_note(library, &f.library_clause, kind)
                    };
                    let note = for_employee_note(note);
                    let text = glossary_style(text, struck.deleted);
                    return Some(Chosen { text, language, note, talking_point, from: Some(fi) });
                }
            }
        }
    }
    None
}

/// Whether library words fit an employment agreement: they speak of no fees, payment or
/// invoices, and not of the agency's personnel, its clients ("for any client", the party
/// "Client" apart), engagements or deliverables (an employee delivers nothing under a
/// statement of work: what passes is what the draft defines, such as "Covered Inventions").
fn fits_employment(text: &str) -> bool {
    static AGENCY_ONLY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)\b(?:fees?|payments?|paid|invoices?|its\s+personnel|other\s+clients|engagements?|deliverables?)\b")
            .expect("static regex")
    });
    static ANY_CLIENT: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"\b(?:any|other|each|future) clients?\b").expect("static regex"));
    !AGENCY_ONLY.is_match(text) && !ANY_CLIENT.is_match(text)
}

/// The words a finding's ladder and library clause offer in place of struck words, in the
/// order they are tried (the narrowed rung, the standard text, the licence back, the rest),
/// each with its rung (None: the standard text) and talking point. The
/// fee rung prices the transfer rather than changing it: it goes in only when the session
/// adopts it.
fn candidates(f: &Finding, library: &ClauseLibrary) -> Vec<(Option<FallbackKind>, String, String)> {
    let worded: Vec<&Offer> = f.fallbacks.iter().filter(|o| !o.text.trim().is_empty() && o.kind != FallbackKind::FeeUplift).collect();
    let rung = |o: &&Offer| (Some(o.kind), o.text.trim().to_owned(), o.talking_point.clone());
    let of_kind = |k: FallbackKind| worded.iter().find(|o| o.kind == k).map(rung);
    let standard = library
        .get(&f.library_clause)
        .filter(|c| !c.standard_text.trim().is_empty())
        .map(|c| (None, c.standard_text.trim().to_owned(), worded.first().map(|o| o.talking_point.clone()).unwrap_or_default()));
    // Work deemed made for hire is the client's on creation, whatever a payment condition says:
    // the library's own clause on it (nothing is made for hire; the rights pass by the
    // assignment, on payment) comes before a narrower deeming.
    let (first, second) = if f.concern == Concern::WorkMadeForHire && f.library_clause == f.concern.id() {
        (standard, of_kind(FallbackKind::NarrowScope))
    } else {
        (of_kind(FallbackKind::NarrowScope), standard)
    };
    let mut out: Vec<_> = first.into_iter().chain(second).chain(of_kind(FallbackKind::LicenseBack)).collect();
    out.extend(worded.iter().filter(|o| !matches!(o.kind, FallbackKind::NarrowScope | FallbackKind::LicenseBack)).map(rung));
    out
}

/// A definition struck for its breadth is narrowed, not replaced by another term's: the
/// library's definition of what the client gets ("Work Product") takes the draft's term
/// ("Project Materials"). A definition of what the agency keeps is never renamed, and one of a
/// particular thing only stands for a term that names the same thing: the library's "Client
/// Models" may narrow the draft's "Models", never its "Covered Inventions" (which would be
/// redefined as model weights). A definition in place of a definition says what the term
/// means and nothing else: a sentence of the library's words that does not speak of the term
/// ("Title to each Deliverable passes to Client upon ... payment") is an operative provision
/// that belongs in the clause that transfers, and is left out (the second value says so).
fn same_term(text: &str, deleted: &str) -> (String, bool) {
    let head = |term: &str| term.split_whitespace().last().unwrap_or_default().trim_end_matches('s').to_lowercase();
    // The draft's catalogue of rights ("Intellectual Property Rights includes copyright, ...")
    // is no work product to narrow.
    let catalogue = |draft: &str| {
        ["intellectual property rights", "intellectual property", "ipr", "iprs", "ip"].contains(&draft.to_lowercase().as_str())
    };
    let same_thing = |draft: &str, library: &str| !catalogue(draft) && (library == "Work Product" || head(draft) == head(library));
    match (function::of(deleted), function::of(text)) {
        (Function::Definition(draft), Function::Definition(library)) => {
            let renamed = draft != library && !library.contains("Agency") && same_thing(&draft, &library);
            let term = if renamed { draft.as_str() } else { library.as_str() };
            let mut text = if renamed { whole_word(&library).replace_all(text, draft.as_str()).into_owned() } else { text.to_owned() };
            // A term for rights ("Foreground IPR") means the rights in what is delivered, not
            // the things themselves.
            if renamed && names_rights(&draft) {
                text = text.replacen(" means only the ", " means only the intellectual property rights in the ", 1);
            }
            let all = note_sentences(&text);
            let about: Vec<&str> = all.iter().copied().filter(|s| whole_word(term).is_match(s)).collect();
            let trimmed = about.len() < all.len() && !about.is_empty();
            let text = if trimmed { about.join(" ") } else { text.clone() };
            (function::quote_definition(&text), trimmed)
        }
        _ => (function::quote_definition(text), false),
    }
}

/// A definition in place of a glossary entry ("Foreground IPR: all ...") in the draft's
/// style: `Foreground IPR: only ...` rather than `"Foreground IPR" means only ...`.
fn glossary_style(text: String, deleted: &str) -> String {
    let Function::Definition(term) = function::of(deleted) else { return text };
    let entry = text.strip_prefix(&format!("\"{term}\" means ")).filter(|_| deleted.trim_start().starts_with(&format!("{term}: ")));
    entry.map_or_else(|| text.clone(), |rest| format!("{term}: {rest}"))
}

/// Takes out of the inserted words the definitions the result would have twice: a term
/// defined in passing where the draft has a definitions section or the term was used before
/// (it gets a definition of its own), and any definition of a term the draft defines.
fn without_second_definitions(changes: &mut [Change], drafts_own: &[String], section: bool, vocabulary: &Vocabulary) {
    for i in 0..changes.len() {
        let passing = super::terms::defined_in_passing(&changes[i].inserted);
        for (term, at) in passing.into_iter().rev() {
            let used_before = changes[..i].iter().any(|c| whole_word(&term).is_match(&c.inserted));
            if (section || used_before) && vocabulary.can_define(&term) || drafts_own.contains(&term) {
                changes[i].inserted.replace_range(at, "");
            }
        }
    }
    // A term the draft defines is not defined again in the library's words ("Client IP",
    // which stands for the draft's narrowed "Foreground IPR").
    for c in changes.iter_mut().filter(|c| !matches!(c.language, Language::Definition { .. } | Language::Edited { .. })) {
        for (term, at) in super::terms::definition_sentences(&c.inserted).into_iter().rev() {
            // (A definition in place of the draft's own of the same term stays.)
            if drafts_own.contains(&term) && function::of(&c.deleted) != Function::Definition(term.clone()) {
                c.inserted.replace_range(at, "");
            }
        }
    }
}

/// Whether a defined term names rights rather than things: "Foreground IPR", "New
/// Intellectual Property Rights", "Project IP".
fn names_rights(term: &str) -> bool {
    let last = term.split_whitespace().last().unwrap_or_default().to_lowercase();
    ["ip", "ipr", "iprs", "rights", "property"].contains(&last.as_str())
}

/// The reason for counsel that goes with a library clause's wording: the rung's, else the
/// clause's (its standard text, or the agency's own words in its place). `library check`
/// makes sure both exist.
fn counsel_note(library: &ClauseLibrary, clause: &str, rung: Option<FallbackKind>) -> String {
    let Some(c) = library.get(clause) else { return String::from("Proposed in place of the wording struck.") };
    let rung_note = rung.and_then(|k| c.fallbacks.iter().find(|f| f.kind == k)).map(|f| f.counsel_note.trim());
    rung_note.filter(|n| !n.is_empty()).unwrap_or(c.counsel_note.trim()).to_owned()
}

/// The reason for counsel beside an edit of the draft's own words: the library's note for each
/// thing it does ("Title passes only once the Fees are paid ..."), else the clause's note.
fn edit_note(library: &ClauseLibrary, clauses: &[&str], kinds: &[phrase::EditKind]) -> String {
    let notes: Vec<&str> = kinds.iter().filter_map(|&k| library.edit_note(clauses, k)).collect();
    if notes.is_empty() { counsel_note(library, clauses.first().copied().unwrap_or_default(), None) } else { notes.join(" ") }
}

fn reason(f: &Finding, chosen: &Chosen, fi: usize) -> Reason {
    let talking_point = if chosen.from == Some(fi) || chosen.from.is_none() {
        chosen.talking_point.clone()
    } else {
        f.fallbacks.iter().find(|o| !o.text.trim().is_empty()).or(f.fallbacks.first()).map(|o| o.talking_point.clone()).unwrap_or_default()
    };
    Reason {
        concern: f.concern,
        severity: f.severity,
        phrase: f.phrase.as_deref().map(crate::text::one_line),
        explanation: f.explanation.clone(),
        talking_point,
    }
}
