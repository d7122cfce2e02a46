//! Defined terms: where a draft defines a word ("X" means ..., (the "X"), X: the X is ...),
//! what its definition sweeps in, and where the term is used, so that "all Work Product" is
//! judged by what Work Product means in this draft.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use super::{Feature, Features, Lexicon};

/// The longest definition read; a longer one is read up to here.
const MAX_DEFINITION: usize = 3_000;

/// One defined term.
#[derive(Debug, Clone)]
pub struct Term {
    /// Lower case, as the normalised text has it.
    pub name: String,
    /// The definition's byte range in the normalised text.
    pub start: usize,
    pub end: usize,
    /// What the definition sweeps in.
    pub features: Features,
    /// Defined by a sentence of its own ("X" means ...), not named in passing ((the "X")).
    pub means: bool,
    /// Where the definition first names methods or know-how (a byte in the normalised text).
    pub methods_at: Option<usize>,
    /// Where the definition takes in work made with others ("alone or with others").
    pub joint_at: Option<(usize, usize)>,
    /// What the definition, or a sentence after it ("\"New Technology\" shall exclude any
    /// modification to Supplier's pre-existing IPR"), leaves out, when it leaves out the
    /// agency's prior work: prior, and what else the exclusion names (improvements of it).
    pub excluded: Features,
    /// Sentences of their own that add to the definition ("the Contract Material includes all
    /// software tools ..."): each one's range in the normalised text and what it adds.
    pub additions: Vec<(usize, usize, Features)>,
}

impl Term {
    /// The term `name` defined by `text[range]`: what that sweeps in, and where it names methods.
    fn read(lexicon: &Lexicon, text: &str, name: String, range: std::ops::Range<usize>, means: bool) -> Term {
        let definition = &text[range.clone()];
        let features = definition_features(lexicon, &name, definition);
        let methods = lexicon.features.iter().find(|(f, _)| *f == Feature::Methods);
        let methods_at = methods.and_then(|(_, w)| w.find(definition)).map(|m| range.start + m.start());
        let joint = lexicon.features.iter().find(|(f, _)| *f == Feature::JointWork).filter(|_| features.has(Feature::JointWork));
        let joint_at = joint.and_then(|(_, w)| w.find(definition)).map(|m| (range.start + m.start(), range.start + m.end()));
        let excluded = Features::default();
        Term { name, start: range.start, end: range.end, features, means, methods_at, joint_at, excluded, additions: Vec::new() }
    }

    /// A name for confidential information ("Confidential Information", "Proprietary
    /// Information"): what it sweeps in is kept secret, never handed over by being named.
    pub fn is_confidentiality(&self) -> bool {
        self.name.contains("confidential") || self.name.ends_with("proprietary information")
    }
}

/// Every defined term of a draft, and a finder for their uses.
#[derive(Debug, Default)]
pub struct Terms {
    pub terms: Vec<Term>,
    /// Finds each term's name, and its other forms: the singular of a plural name ("each
    /// Deliverable" uses "Deliverables") and the other spelling of "licence"; `forms[k]` is
    /// the term of the finder's pattern `terms.len() + k`.
    finder: Option<AhoCorasick>,
    forms: Vec<usize>,
}

/// `"x" means`, `"x" shall have the meaning`, `"x" refers to`, `"x" includes`, `"x" covers`; a
/// translation's gloss may follow the term (`"the Works" (al-a'mal) means`).
static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"" ?(?:the )?([a-z][a-z0-9&/ \u{e0}-\u{17f}-]{1,48}?) ?"(?: \([^()"]{1,40}\))?(?: or " ?[a-z][a-z0-9 -]{1,40} ?")?,? (?:means|shall mean|will mean|refers to|shall refer to|has the meaning|shall have the meaning|includes|shall include|is defined as|designates|shall designate|covers|shall cover|is|are)(?-u:\b)"#).expect("static regex")
});
/// `'result' means`, as EU and UK drafting quotes its terms: opened after a space or a
/// bracket (an apostrophe follows a letter), and only before a verb that defines.
static SINGLE_QUOTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s(])' ?(?:the )?([a-z][a-z0-9&/ \u{e0}-\u{17f}-]{1,48}?) ?',? (?:means|shall mean|will mean|refers to|has the meaning|shall have the meaning|is defined as|covers)(?-u:\b)").expect("static regex")
});
/// `(the "x")`, `("x")`, `(each a "x")`, `(collectively, "x")`: defined by what precedes it.
static PARENTHESISED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\((?:the |each |each a |an? |collectively,? (?:the )?|together,? (?:the )?|hereinafter,? (?:referred to as |called )?(?:the )?)?" ?(?:the )?([a-z][a-z0-9&/ \u{e0}-\u{17f}-]{1,48}?) ?"\)"#).expect("static regex")
});
/// A term opening its own paragraph: `work product means ...`, `work : the work is ...`.
static LEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[0-9a-z]{1,3}[.)] )?([a-z][a-z0-9 -]{1,40}?)(?: (?:means|shall mean|refers to)| ?: (?:an?|the) [a-z0-9 -]{1,40}? (?:is|are)) ").expect("static regex")
});
/// A definition by what the term includes, in a clause of its own, for a name of two words or
/// more ("Intellectual Property Rights includes copyright, ..."; a single word such as
/// "Material" is left alone: the normalised text cannot tell it from the plain word).
static LEADING_INCLUDES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[0-9a-z]{1,3}[.)] )?([a-z][a-z0-9-]+(?: [a-z0-9-]+){1,4}?) includes ").expect("static regex"));

/// A list item defining a term with a dash: `(iii) deliverables - any output from ...`.
static DASHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\()[0-9a-z]{1,4}[.)] ([a-z][a-z0-9 ]{1,40}?) - (?:any|all|the|a|an|where|each|every|those|such) ")
        .expect("static regex")
});

/// The names of the documents that set a project's scope.
static SCOPING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:statements? of work|sows?|order forms?|purchase orders?|work orders?|task orders?|specifications?|schedules?|exhibits?|annex(?:es)?)$").expect("static regex")
});

/// An unquoted term opening a sentence that lists what it includes:
/// `proprietary or confidential information includes, but is not limited to:`.
static INCLUDES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^\s*|\. )([a-z][a-z -]{2,50}?) (?:includes|shall include|will include|means)(?:,? but is not limited to|,? without limitation)?,?:").expect("static regex")
});

/// "... but that does not qualify as work product. This is called "background IP."": the
/// sentence before names what the term means.
static CALLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:this|these|such [a-z]+) (?:is|are) (?:called|referred to as|known as) " ?([a-z][a-z0-9 -]{1,40}?)[ .,]?""#)
        .expect("static regex")
});

/// "All inventions ... created during the collaboration ... are considered **Foreground IP**.":
/// the sentence before names what the term means, quoted or not (unquoted, it must end in a
/// word that names things, not "deemed accepted" or "considered confidential").
static CONSIDERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:is|are|shall be|will be) (?:collectively )?(?:considered|deemed|referred to as|called|known as|designated as)(?: to be)? (?:the )?(?:" ?)?((?:[a-z0-9-]+ ){0,3}(?:ip|iprs?|intellectual property(?: rights)?|materials|work product|deliverables|technology|inventions|data|information|results|works|developments)) ?"?(?:[.;]|$)"#)
        .expect("static regex")
});

/// "all Inventions and all other business, technical, and financial information ... constitute
/// "Proprietary Information."": the sentence itself says what the quoted term means.
static CONSTITUTES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:constitutes?|shall constitute|will constitute) (?:the )?" ?([a-z][a-z0-9 -]{1,48}?)[ .,]?""#).expect("static regex")
});

/// A glossary entry: "AI System: the AI system(s) as referred to in Annex A;", or one that
/// opens with a list ("Intellectual Property Rights: patents, utility models, ...") (read
/// where a clause holds three or more, or two in a clause that says it defines; the
/// normalised text has no line breaks).
static GLOSSARY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[;.] )(?:[-*{}] )?([a-z][a-z0-9 -]{{1,60}}?): (?:the |an? |all |any |each |every |these |this |[a-z]+, )",
        super::BULLETS
    ))
    .expect("static regex")
});

/// A quoted term and a colon opening a definition, as in a table of definitions turned into
/// text (`"New IPR": IPR in items created ...;`, `"Intellectual Property Rights" or "IPR": ...`),
/// or the cell that follows it in a row of such a table (`| "Supplier Software" | any software`).
static QUOTED_COLON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:^|[;.|] )" ?(?:the )?([a-z][a-z0-9&/ -]{1,48}?) ?"(?: or " ?([a-z][a-z0-9&/ -]{1,40}?) ?")?(?:: | *\| )"#)
        .expect("static regex")
});

/// An entry of a list of definitions: "deliverables : work products, code, ...", "- new
/// intellectual property means all ...".
static GLOSSARY_ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r#"^(?:[-*{}] )?([a-z][a-z0-9 -]{{1,40}}?)(?: ?:| (?:means|shall mean|refers to)) [a-z0-9"]"#, super::BULLETS))
        .expect("static regex")
});

/// Where one limb of a definition ends and an alternative begins ("...; or", "the deliverables
/// specified in Schedule 1 and all other documents ... developed ... in the performance of the
/// Services").
static LIMB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"; (?:and/or|or|and) |,? (?:and|or|together with) (?:all|any) other ").expect("static regex"));

/// A word put in quotes in passing ("is creating "work product" for the Client").
static IN_QUOTES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"" ?([a-z][a-z0-9 -]{1,40}?) ?""#).expect("static regex"));

/// Compiles the patterns that find definitions (each on first use otherwise).
pub(super) fn compile_patterns() {
    for pattern in [
        &QUOTED,
        &SINGLE_QUOTED,
        &QUOTED_COLON,
        &PARENTHESISED,
        &LEADING,
        &LEADING_INCLUDES,
        &DASHED,
        &SCOPING,
        &INCLUDES,
        &CALLED,
        &CONSIDERED,
        &CONSTITUTES,
        &GLOSSARY,
        &GLOSSARY_ENTRY,
        &IN_QUOTES,
        &LIMB,
    ] {
        LazyLock::force(pattern);
    }
}

/// The words of an interpretation clause ("the word "or" is not exclusive"), never terms.
const PLAIN: [&str; 17] = [
    "and",
    "or",
    "and/or",
    "include",
    "includes",
    "including",
    "herein",
    "hereof",
    "hereunder",
    "shall",
    "will",
    "may",
    "this",
    "that",
    "these",
    "those",
    "it",
];

impl Terms {
    /// The terms, with a finder for their names and their other forms (the names first, so
    /// that a name wins over another term's singular of the same length).
    fn found(terms: Vec<Term>) -> Terms {
        if terms.is_empty() {
            return Terms::default();
        }
        let singular = |name: &str| name.strip_suffix('s').filter(|stem| !stem.ends_with(['s', 'u', 'i'])).map(str::to_owned);
        // "Licence" defined and "License" used, as a draft adapted from another country's has it.
        let spelt = |name: &str| {
            [("licence", "license"), ("license", "licence")].iter().find(|(a, _)| name.contains(a)).map(|(a, b)| name.replace(a, b))
        };
        let (forms, stems): (Vec<usize>, Vec<String>) = terms
            .iter()
            .enumerate()
            .flat_map(|(k, t)| [singular(&t.name), spelt(&t.name)].into_iter().flatten().map(move |form| (k, form)))
            .unzip();
        let names = terms.iter().map(|t| t.name.as_str()).chain(stems.iter().map(String::as_str));
        let finder = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(names).ok();
        Terms { terms, finder, forms }
    }

    /// The term a match of the finder names.
    fn term_of(&self, m: &aho_corasick::Match) -> usize {
        let p = m.pattern().as_usize();
        p.checked_sub(self.terms.len()).map_or(p, |k| self.forms[k])
    }

    /// Reads the definitions in `text` (normalised), clause by clause (`ranges`).
    pub fn read(lexicon: &Lexicon, text: &str, ranges: &[(usize, usize)], layout: &super::Layout) -> Terms {
        let mut terms: Vec<Term> = Vec::new();
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        // Terms whose definition so far only points elsewhere ("has the meaning given to it
        // in paragraph 10.1"): the definition there replaces it.
        let mut pointers: std::collections::HashSet<String> = std::collections::HashSet::new();
        let mut add = |name: &str, start: usize, end: usize, means: bool| {
            let name = name.trim().to_owned();
            if name.len() < 2 || PLAIN.contains(&name.as_str()) {
                return;
            }
            let end = crate::text::floor_char(text, end.min(start + MAX_DEFINITION));
            let points = points_elsewhere(&text[start.min(end)..end]);
            if !seen.insert(name.clone()) {
                if points || !pointers.remove(&name) {
                    return;
                }
                terms.retain(|t| t.name != name);
            } else if points {
                pointers.insert(name.clone());
            }
            terms.push(Term::read(lexicon, text, name, start..end, means));
        };
        // A definitions clause whose entries are numbered clauses of their own ("10.
        // Deliverables: the deliverables ..."): each opens with its entry.
        let opens_entry: Vec<bool> = ranges.iter().map(|&(cs, ce)| opens_glossary_entry(&text[cs..ce])).collect();
        for (k, &(cs, ce)) in ranges.iter().enumerate() {
            let clause = &text[cs..ce];
            if clause.contains("definitions") {
                for (name, start, end) in list_entries(text, &layout.items, cs, ce) {
                    add(name, start, end, true);
                }
            }
            // Most clauses hold no quote or colon, and every match of most of these patterns
            // does: a byte scan rules them out (some have no literal of their own to skip to,
            // and would read the whole clause).
            let quoted = clause.contains('"');
            let colon = clause.contains(':');
            for c in captures(&QUOTED, clause, quoted).chain(captures(&SINGLE_QUOTED, clause, clause.contains('\''))) {
                let whole = c.get(0).expect("match");
                add(&c[1], cs + whole.end(), cs + sentence_end(clause, whole.end()), true);
            }
            for (name, start, end) in table_entries(clause, quoted && (colon || clause.contains('|'))) {
                add(name, cs + start, cs + end, true);
            }
            for c in captures(&PARENTHESISED, clause, quoted) {
                let whole = c.get(0).expect("match");
                add(&c[1], cs + sentence_start(clause, whole.start()), cs + whole.start(), false);
            }
            for (name, start, end) in bracketed_entries(text, &layout.bracketed, cs, ce) {
                add(name, start, end, false);
            }
            for &(ns, ne, end) in layout.columns.iter().filter(|&&(ns, _, end)| ns >= cs && end <= ce) {
                add(&text[ns..ne], ne, end, true);
            }
            for c in captures(&DASHED, clause, clause.contains(" - ")) {
                let whole = c.get(0).expect("match");
                let end = sentence_end(clause, whole.end());
                let end = clause[whole.end()..end].find(';').map_or(end, |i| whole.end() + i);
                add(&c[1], cs + whole.end(), cs + end, true);
            }
            let glossary: Vec<_> = captures(&GLOSSARY, clause, colon).take(200).collect();
            // Fewer entries do where the clause says it defines ("The definitions in this
            // clause apply in this agreement. Developed IPR: all ...").
            let needed = if clause.contains("definitions") || clause.contains("following meaning") { 2 } else { 3 };
            let in_a_run = opens_entry[k] && (k > 0 && opens_entry[k - 1] || opens_entry.get(k + 1) == Some(&true));
            if glossary.len() >= needed || in_a_run {
                for (i, c) in glossary.iter().enumerate() {
                    let (name, whole) = (c.get(1).expect("group"), c.get(0).expect("match"));
                    let next = glossary.get(i + 1).map_or(clause.len(), |n| n.get(0).expect("match").start());
                    let next = next.min(sentence_end(clause, whole.end()));
                    let end = clause[whole.end()..next].find(';').map_or(next, |k| whole.end() + k);
                    add(name.as_str(), cs + whole.end(), cs + end, true);
                }
            }
            for (name, start, end) in named_after(clause, cs, &layout.items, quoted) {
                add(name, start, end, true);
            }
            for (name, start, end) in said_in_quotes(clause, quoted) {
                add(name, cs + start, cs + end, true);
            }
            if let Some(c) = LEADING.captures(clause.trim_start()).or_else(|| LEADING_INCLUDES.captures(clause.trim_start())) {
                let offset = clause.len() - clause.trim_start().len();
                let whole = c.get(0).expect("match");
                add(&c[1], cs + offset + whole.end(), cs + sentence_end(clause, offset + whole.end()), true);
            }
            // "Confidential information includes, but is not limited to:" and its list.
            for c in captures(&INCLUDES, clause, colon) {
                let (name, whole) = (c.get(1).expect("group"), c.get(0).expect("match"));
                let end =
                    if whole.end() >= clause.trim_end().len() { super::provisions::list_after(text, ranges, k).unwrap_or(ce) } else { ce };
                add(name.as_str(), cs + whole.end(), end.max(cs + whole.end()), true);
            }
        }
        terms.sort_by_key(|t| t.start);
        let mut terms = Terms::found(terms);
        terms.narrow_to_genus(lexicon, text);
        terms.exclusions(lexicon, text);
        terms.extensions(lexicon, text);
        terms.inherit(text);
        terms.follow_methods(text);
        terms
    }

    /// A term named in passing as a kind of another is defined by the words from that other's
    /// mention on, not by its whole sentence: in "Contractor grants ... a license to practice all
    /// patent, ... moral right ... rights relating to any Prior Innovations ... in any
    /// Innovations that Contractor ... conceive ... during my contract (the "Company
    /// Innovations")", the Company Innovations are those Innovations, not moral rights. A term
    /// naming a list as a whole ("(collectively, the "Company Work Product")") keeps the list.
    fn narrow_to_genus(&mut self, lexicon: &Lexicon, text: &str) {
        for i in 0..self.terms.len() {
            let term = &self.terms[i];
            let after = text[term.end..crate::text::floor_char(text, (term.end + 16).min(text.len()))].trim_start_matches('(');
            let collective = ["collectively", "together", "each"].iter().any(|w| after.starts_with(w));
            if term.means || collective {
                continue;
            }
            let definition = &text[term.start..term.end];
            // The terms the definition uses (one pass, not every term against every other).
            let genus_at = self
                .used_in(definition)
                .into_iter()
                .map(|g| &self.terms[g])
                .filter(|g| term.name.strip_suffix(g.name.as_str()).is_some_and(|rest| rest.ends_with(' ')))
                .filter_map(|g| {
                    definition.rmatch_indices(g.name.as_str()).map(|(k, _)| k).find(|&k| {
                        let bounded = |b: Option<&u8>| b.is_none_or(|b| !b.is_ascii_alphanumeric());
                        bounded(k.checked_sub(1).and_then(|j| definition.as_bytes().get(j)))
                            && bounded(definition.as_bytes().get(k + g.name.len()).filter(|&&b| b != b's'))
                    })
                })
                .max();
            let Some(k) = genus_at.filter(|&k| k > 0) else { continue };
            let before = &definition[..k];
            let determiner = ["any and all ", "all ", "any ", "the ", "such "].iter().find(|d| before.ends_with(*d)).map_or(0, |d| d.len());
            let start = term.start + k - determiner;
            let (name, end, means) = (term.name.clone(), term.end, term.means);
            self.terms[i] = Term::read(lexicon, text, name, start..end, means);
        }
    }

    /// Know-how a definition takes in by naming another term ("IPR" listing "Know-How") is
    /// found in that term's own definition, where the words that sweep it in are.
    fn follow_methods(&mut self, text: &str) {
        let with: Vec<usize> = (0..self.terms.len()).filter(|&i| self.terms[i].methods_at.is_some()).collect();
        for _ in 0..2 {
            for &i in &with {
                let Some(at) = self.terms[i].methods_at else { continue };
                let named = with.iter().filter(|&&j| j != i).find_map(|&j| {
                    let t = &self.terms[j];
                    let lo = crate::text::ceil_char(text, at.saturating_sub(t.name.len()));
                    let hi = crate::text::floor_char(text, (at + t.name.len()).min(text.len()));
                    let k = text[lo..hi].find(t.name.as_str())?;
                    (lo + k + t.name.len() > at).then_some(t.methods_at).flatten()
                });
                if let Some(m) = named {
                    self.terms[i].methods_at = Some(m);
                }
            }
        }
    }

    /// A term defined as a kind of another ("New IPR": IPR in items created ...) is made of
    /// the rights and know-how that one is made of (IPR there including know-how). Neither
    /// its scope nor the things it lists pass down ("Work Product" as "the Deliverables
    /// described in Schedule A" is not every model the Deliverables may include); two levels
    /// ("Foreground IPR" of "New IPR" of "IPR").
    fn inherit(&mut self, text: &str) {
        let what: Features = [Feature::Ip, Feature::Methods].into_iter().collect();
        for _ in 0..2 {
            for i in 0..self.terms.len() {
                let term = &self.terms[i];
                let definition = &text[term.start..term.end];
                let head = definition.trim_start_matches([' ', ',', ':']);
                let head = ["any and all ", "all ", "any ", "the "].iter().find_map(|d| head.strip_prefix(d)).unwrap_or(head);
                let head = &head[..crate::text::floor_char(head, head.len().min(60))];
                // "Company Innovations" is a kind of "Innovations", its definition naming them
                // ("any Innovations that Contractor ... conceives (the "Company Innovations")").
                let kind_of = |g: &usize| {
                    let genus = &self.terms[*g].name;
                    term.name.strip_suffix(genus.as_str()).is_some_and(|rest| rest.ends_with(' '))
                };
                let named_first = || self.used_in(head).first().copied().filter(|&g| head.starts_with(self.terms[g].name.as_str()));
                let Some(genus) = self.used_in(definition).into_iter().find(kind_of).or_else(named_first) else { continue };
                if genus == i {
                    continue;
                }
                let (features, methods_at) = (self.terms[genus].features, self.terms[genus].methods_at);
                let inherited = features.without(features.without(what)); // only `what` of them
                let term = &mut self.terms[i];
                term.features = term.features.union(inherited.without(term.excluded));
                term.methods_at = term.methods_at.or(methods_at);
            }
        }
    }

    /// What each term leaves out of the agency's prior work, in its definition ("...,
    /// excluding Background IP": what follows is not swept in) or in a sentence after it ("For
    /// greater certainty, "New Technology" shall exclude any modification to Philips'
    /// pre-existing IPR", "Work Product does not include Background IP"; found by a byte
    /// search for the verbs, so a draft without them costs one scan).
    fn exclusions(&mut self, lexicon: &Lexicon, text: &str) {
        let Some(finder) = &self.finder else { return };
        let mut found = Vec::new();
        for (k, t) in self.terms.iter().enumerate() {
            let definition = &text[t.start..t.end];
            if let Some(m) = lexicon.first_exception(definition) {
                let excluded = self.excluded_by(lexicon, &definition[m.start()..]);
                if !excluded.is_empty() {
                    found.push((k, excluded, Some(definition_features(lexicon, &t.name, &definition[..m.start()]))));
                }
            }
        }
        let hits = crate::text::find_all(text, "exclude").chain(crate::text::find_all(text, "not include"));
        for at in hits.take(10_000) {
            let before = text[crate::text::ceil_char(text, at.saturating_sub(80))..at].trim_end();
            let before = ["does not", "do not", "shall not", "will not", "shall", "will", "does", "do", "must"]
                .iter()
                .find_map(|w| before.strip_suffix(w))
                .unwrap_or(before)
                .trim_end()
                .trim_end_matches('"')
                .trim_end();
            let Some(named) = finder.find_iter(before).filter(|m| m.end() == before.len()).last() else { continue };
            // An exclusion says what it leaves out in a few words.
            let end = sentence_end(text, at).min(crate::text::floor_char(text, (at + 300).min(text.len())));
            let excluded = self.excluded_by(lexicon, &text[at..end]);
            if !excluded.is_empty() {
                found.push((self.term_of(&named), excluded, None));
            }
        }
        for (k, excluded, features) in found {
            let term = &mut self.terms[k];
            term.excluded = term.excluded.union(excluded);
            if let Some(features) = features {
                term.features = features;
            }
        }
    }

    /// What a sentence of its own adds to a term defined elsewhere: "For these purposes,
    /// Foreground IP includes any Background IP ... modified", "any tool ... or methodology
    /// developed ... forms part of the Contract Material", "all such know-how shall constitute
    /// Company Confidential Information". Found in one pass over the text.
    fn extensions(&mut self, lexicon: &Lexicon, text: &str) {
        // The verbs that add to a term named before them, then those that add to one named
        // after them.
        const INCLUDES: usize = 5;
        static VERBS: LazyLock<AhoCorasick> = LazyLock::new(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build([
                    " includes ",
                    " shall include ",
                    " will include ",
                    " also includes ",
                    " shall also include ",
                    " form part of ",
                    " forms part of ",
                    " shall form part of ",
                    " constitutes ",
                    " shall constitute ",
                    " will constitute ",
                    " constitute ",
                ])
                .expect("static patterns")
        });
        let Some(finder) = &self.finder else { return };
        // The term named right before `at`, as the subject of its sentence ("for these
        // purposes, the Foreground IP"), or right after it ("the Contract Material").
        let named_before = |at: usize| {
            let from = crate::text::ceil_char(text, at.saturating_sub(60));
            let window = &text[from..at];
            let m = finder.find_iter(window).filter(|m| m.end() == window.len()).last()?;
            let lead = window[..m.start()].rsplit(['.', ';', ':', ',']).next().unwrap_or_default();
            (lead.split_whitespace().count() <= 4).then(|| self.term_of(&m))
        };
        let named_after = |at: usize| {
            let window = &text[at..crate::text::floor_char(text, (at + 60).min(text.len()))];
            let m = finder.find_iter(window).next()?;
            let lead = &window[..m.start()];
            (lead.split_whitespace().count() <= 2 && !lead.contains(['.', ';'])).then(|| self.term_of(&m))
        };
        let mut added: Vec<(usize, (usize, usize))> = Vec::new();
        for m in VERBS.find_iter(text).take(4_000) {
            let (at, end) = (m.start(), m.end());
            if m.pattern().as_usize() < INCLUDES {
                if let Some(t) = named_before(at) {
                    // To the sentence's end, or its clause's ("... while performing the
                    // Services. 5.6 ...": the next clause's number is no sentence of its own).
                    let rest = &text[end..crate::text::floor_char(text, (end + 600).min(text.len()))];
                    added.push((t, (end, end + rest.find(". ").map_or(rest.len(), |i| i + 1))));
                }
            } else if let Some(t) = named_after(end) {
                let before = &text[crate::text::ceil_char(text, at.saturating_sub(600))..at];
                let start = at - before.len() + before.rfind([';', '.']).map_or(0, |i| i + 1);
                // "Any derivative works ... of Customer Materials will constitute Services"
                // adds the client's own things, not improvements of the agency's.
                if !super::improved_owner(&text[start..at]).is_some_and(crate::analysis::is_client_role) {
                    added.push((t, (start, at)));
                }
            }
        }
        // With what the terms the added words use sweep in ("includes any Existing Material"),
        // not how they are bounded ("while performing the Services", the Services being scoped).
        let swept: Features = [Feature::Prior, Feature::Methods, Feature::Models, Feature::Improvements].into_iter().collect();
        let added: Vec<(usize, (usize, usize), Features)> = added
            .into_iter()
            .map(|(t, (from, to))| {
                let own = Features::of(lexicon, &text[from..to]);
                let named = self.used_in(&text[from..to]).into_iter().filter(|&u| u != t);
                let through = named.fold(Features::default(), |f, u| f.union(self.terms[u].features));
                (t, (from, to), own.union(through.without(through.without(swept))))
            })
            .collect();
        for (t, (from, to), features) in added {
            let term = &mut self.terms[t];
            // The definition itself ("Intellectual Property Rights includes copyright, ...").
            if from < term.end && to > term.start {
                continue;
            }
            // The contract itself and the documents that scope the work stay what they are.
            let last = term.name.rsplit(' ').next().unwrap_or_default();
            if SCOPING.is_match(&term.name) || ["agreement", "contract", "nda", "msa", "sda"].contains(&last) {
                continue;
            }
            let features = features.without(term.excluded);
            term.features = term.features.union(features);
            // Shown from the sentence's start ("the Contract Material includes").
            // A sentence that starts at `from` is shown from there, not from the one before.
            let back = crate::text::ceil_char(text, from.saturating_sub(80));
            let opens = if text[..from].trim_end().ends_with(['.', ';', ':']) {
                from + (text[from..].len() - text[from..].trim_start().len())
            } else {
                text[back..from].rfind(". ").map_or(back, |i| back + i + 2)
            };
            term.additions.push((opens, to, features));
        }
    }

    /// What an exclusion ("excluding any modification to Supplier's pre-existing IPR") leaves
    /// out, by its words and the terms it names, when it leaves out the agency's prior work;
    /// nothing otherwise.
    pub(super) fn excluded_by(&self, lexicon: &Lexicon, exclusion: &str) -> Features {
        let named = self.used_in(exclusion).iter().fold(Features::default(), |f, &t| f.union(self.terms[t].features));
        let mut excluded = Features::of(lexicon, exclusion).union(named);
        if lexicon.agency_prior.is_match(exclusion) {
            excluded.insert(Feature::Prior);
        }
        if excluded.has(Feature::Prior) { excluded } else { Features::default() }
    }

    /// Where terms are used in `text` (at word boundaries), in order, as far as it matters for
    /// `places` (ascending by start): every use found in a search of the whole text that lies in
    /// the stretch around a place. A stretch runs between bytes no term's name holds (a full
    /// stop, a comma...), which no use can cross, so searching it alone finds what the whole
    /// search finds there; and a long draft is searched only where it is asked about.
    pub fn spans_around(&self, text: &str, places: impl Iterator<Item = (usize, usize)>) -> Vec<(usize, usize)> {
        let Some(finder) = &self.finder else { return Vec::new() };
        let mut in_names = [false; 256];
        for term in &self.terms {
            for &b in term.name.as_bytes() {
                in_names[usize::from(b)] = true;
            }
        }
        let bytes = text.as_bytes();
        let bounded = |i: Option<&u8>| i.is_none_or(|b| !b.is_ascii_alphanumeric());
        let mut spans = Vec::new();
        let mut searched = 0;
        for (start, end) in places {
            if end <= searched {
                continue;
            }
            let from = bytes[searched..start.max(searched)]
                .iter()
                .rposition(|&b| !in_names[usize::from(b)])
                .map_or(searched, |i| searched + i + 1);
            let to = bytes[end..].iter().position(|&b| !in_names[usize::from(b)]).map_or(bytes.len(), |i| end + i);
            spans.extend(
                finder
                    .find_iter(aho_corasick::Input::new(text).range(from..to))
                    .filter(|m| {
                        bounded(m.start().checked_sub(1).and_then(|i| bytes.get(i))) && bounded(bytes.get(m.end()).filter(|&&b| b != b's'))
                    })
                    .map(|m| (m.start(), m.end())),
            );
            searched = to;
        }
        spans
    }

    /// The terms used in `text` (at word boundaries), each once, in order of first use.
    pub fn used_in(&self, text: &str) -> Vec<usize> {
        let Some(finder) = &self.finder else { return Vec::new() };
        let mut used: Vec<usize> = Vec::new();
        let bytes = text.as_bytes();
        for m in finder.find_iter(text) {
            let bounded = |i: Option<&u8>| i.is_none_or(|b| !b.is_ascii_alphanumeric());
            let before = m.start().checked_sub(1).and_then(|i| bytes.get(i));
            // A plural use ("Deliverables" for "Deliverable") counts.
            let after = bytes.get(m.end()).filter(|&&b| b != b's');
            if bounded(before) && bounded(after) && !used.contains(&self.term_of(&m)) {
                used.push(self.term_of(&m));
            }
        }
        used
    }

    /// The term whose definition holds byte `at` (terms are in text order; a definition is
    /// at most a few sentences long, so only the nearest few are looked at).
    pub fn defining(&self, at: usize) -> Option<&Term> {
        let after = self.terms.partition_point(|t| t.start <= at);
        self.terms[..after].iter().rev().take(8).find(|t| at < t.end)
    }
}

/// What a definition sweeps in, by its words and by what its name says it is.
fn definition_features(lexicon: &Lexicon, name: &str, definition: &str) -> Features {
    // A document that sets the scope ("Statement of Work") scopes what it names, however its
    // definition reads ("agreed during the term").
    if SCOPING.is_match(name) {
        let mut features = Features::default();
        features.insert(Feature::Scoped);
        return features;
    }
    // The contract itself ("Agreement", "the Software Development Agreement", "NDA") names no
    // work, whatever its recitals say; nor does what is done under it ("Services": "the
    // services to be provided by the Consultancy"), which a transfer names as its scope; nor
    // does the law ("Laws": "all applicable laws ... in connection with the Business").
    let last = name.rsplit(' ').next().unwrap_or(name);
    if ["agreement", "contract", "nda", "msa", "sda", "services", "law", "laws"].contains(&last) {
        return Features::default();
    }
    // "Intellectual Property Rights: patents, utility models, ..., moral rights, database
    // rights, rights to protect confidential information": a catalogue of kinds of right names
    // no models, authors' waivers, data, secrets or competition.
    if ["intellectual property rights", "intellectual property", "ipr", "iprs"].contains(&name) {
        let kinds = [Feature::Models, Feature::Moral, Feature::Data, Feature::Confidential, Feature::Competition];
        return Features::of(lexicon, definition).without(kinds.into_iter().collect());
    }
    // "Existing IPR", "Prior Innovations", "Background IP", "Pre-Existing Materials": named for
    // what came before.
    let mut named = Features::default();
    if name.starts_with("existing ")
        || name.starts_with("prior ")
        || name.contains("background")
        || name.contains("pre-existing")
        || name.contains("preexisting")
    {
        named.insert(Feature::Prior);
    }
    // Limbs joined by "; and/or" are alternatives: a scope in one ("created specifically for
    // the purposes of a Contract") does not bound another ("IPR arising as a result of the
    // performance of the Supplier's obligations").
    // "whether or not it was specified in Schedule 1" bounds nothing.
    let scope_of = |limb: &str| {
        let mut features = Features::of(lexicon, limb);
        if let Some(i) = limb.find("whether or not") {
            let rest = &limb[i..];
            let end = rest.find([',', ';', '.']).map_or(limb.len(), |j| i + j);
            let without = format!("{} {}", &limb[..i], &limb[end..]);
            if !Features::of(lexicon, &without).has(Feature::Scoped) {
                features = features.without([Feature::Scoped].into_iter().collect());
            }
        }
        features
    };
    let limbs: Vec<Features> = LIMB.split(definition).map(scope_of).collect();
    let all = limbs.iter().fold(Features::default(), |all, &limb| all.union(limb));
    let unbounded = limbs.iter().any(|limb| limb.has(Feature::Broad) && !limb.has(Feature::Scoped));
    let mut scoped = Features::default();
    if unbounded {
        scoped.insert(Feature::Scoped);
    }
    all.without(scoped).union(named)
}

/// "To avoid confusion, work product is the finished product, ...": a word put in quotes, then
/// said what it is at the start of a sentence or clause of its own. Each name, with where what
/// is said of it starts and ends in `clause`.
fn said_in_quotes(clause: &str, quoted: bool) -> Vec<(&str, usize, usize)> {
    let mut out = Vec::new();
    for c in captures(&IN_QUOTES, clause, quoted).take(20) {
        let (name, whole) = (c.get(1).expect("group").as_str(), c.get(0).expect("match"));
        let rest = &clause[whole.end()..crate::text::floor_char(clause, (whole.end() + 2_000).min(clause.len()))];
        let said = [" is ", " are ", " means "].iter().find_map(|verb| {
            let phrase = format!("{name}{verb}");
            rest.match_indices(phrase.as_str())
                .map(|(i, _)| i)
                .find(|&i| {
                    let before = rest[..i].trim_end_matches("the ").trim_end_matches("a ");
                    before.ends_with(". ") || before.ends_with(", ") || before.is_empty()
                })
                .map(|i| i + phrase.len())
        });
        if let Some(at) = said {
            let at = whole.end() + at;
            out.push((name, at, sentence_end(clause, at)));
        }
    }
    out
}

/// Whether a definition only points to one elsewhere ("has the meaning given to it in
/// paragraph 10.1", or what follows "has the meaning": "given in Clause 2").
fn points_elsewhere(definition: &str) -> bool {
    let d = definition.trim_start();
    let d = d.strip_prefix("has the meaning ").or_else(|| d.strip_prefix("shall have the meaning ")).unwrap_or(d);
    ["given ", "ascribed ", "assigned to it", "set out in ", "set forth in ", "as defined in "].iter().any(|w| d.starts_with(w))
}

/// Whether `clause` opens with a glossary entry, after its number ("10. deliverables: the ...").
fn opens_glossary_entry(clause: &str) -> bool {
    let head = &clause[..crate::text::floor_char(clause, clause.len().min(120))];
    head.contains(": ")
        && GLOSSARY
            .find(head)
            .is_some_and(|m| m.start() <= 8 && head[..m.start()].trim().chars().all(|c| c.is_ascii_alphanumeric() || c == '.'))
}

/// The entries of a table of definitions in `clause` (`"New IPR": ...;`), each running to the
/// next entry or the sentence's end: each name (both of `"X" or "Y":`) and its definition.
fn table_entries(clause: &str, possible: bool) -> Vec<(&str, usize, usize)> {
    let entries: Vec<_> = captures(&QUOTED_COLON, clause, possible).take(200).collect();
    let mut out = Vec::new();
    for (i, c) in entries.iter().enumerate() {
        let whole = c.get(0).expect("match");
        let next = entries.get(i + 1).map_or(clause.len(), |n| n.get(0).expect("match").start());
        let mut end = next.min(sentence_end(clause, whole.end()));
        // A cell of a table ends at the next cell's border.
        if whole.as_str().ends_with("| ") {
            end = end.min(clause[whole.end()..].find(" |").map_or(end, |i| whole.end() + i));
        }
        out.extend([c.get(1), c.get(2)].into_iter().flatten().map(|name| (name.as_str(), whole.end(), end)));
    }
    out
}

/// Terms named after what they mean: "This is called "background IP."" (the sentence before),
/// "... are considered Foreground IP." (the sentence itself, within its list item: not "##
/// Ownership - All designs ..."). Offsets are into the whole text (`clause` starts at `cs`).
fn named_after<'t>(clause: &'t str, cs: usize, breaks: &[usize], quoted: bool) -> Vec<(&'t str, usize, usize)> {
    let naming = ["considered", "deemed", "referred to", "called", "known as", "designated"].iter().any(|w| clause.contains(w));
    let mut out = Vec::new();
    for (pattern, possible, back) in [(&CALLED, quoted, 2), (&CONSIDERED, naming, 0), (&CONSTITUTES, quoted, 0)] {
        for c in captures(pattern, clause, possible) {
            let (name, whole) = (c.get(1).expect("group"), c.get(0).expect("match"));
            let item = breaks[..breaks.partition_point(|&b| b <= cs + whole.start())].last().copied().unwrap_or(cs);
            let from = (cs + sentence_start(clause, whole.start().saturating_sub(back))).max(item);
            out.push((name.as_str(), from, cs + whole.start()));
        }
    }
    out
}

/// In a clause that says it defines, each list item that opens "name: ..." is an entry ("1.
/// Definitions", then "- Client: The party engaging ...", "- Deliverables: Work products
/// ..."), running to the next item: each entry's name and definition.
fn list_entries<'t>(text: &'t str, breaks: &[usize], cs: usize, ce: usize) -> Vec<(&'t str, usize, usize)> {
    let items = &breaks[breaks.partition_point(|&b| b < cs)..breaks.partition_point(|&b| b < ce)];
    let mut out = Vec::new();
    for (i, &at) in items.iter().enumerate() {
        let item = &text[at..items.get(i + 1).copied().unwrap_or(ce)];
        let trimmed = item.trim_start();
        if let Some(c) = GLOSSARY_ENTRY.captures(trimmed) {
            let offset = at + item.len() - trimmed.len();
            out.push((c.get(1).expect("group").as_str(), offset + c.get(0).expect("match").end() - 1, at + item.len()));
        }
    }
    out
}

/// Whether `text` opens by defining a term, as a paragraph of a definitions clause does ("gst
/// law means the same as ...").
pub(super) fn opens_definition(text: &str) -> bool {
    LEADING.is_match(text)
}

/// The matches of `pattern` in `clause`; none, without searching, when `possible` says the
/// clause lacks what every match holds.
fn captures<'t>(pattern: &Regex, clause: &'t str, possible: bool) -> impl Iterator<Item = regex::Captures<'t>> {
    possible.then(|| pattern.captures_iter(clause)).into_iter().flatten()
}

/// Where the sentence holding `at` ends (exclusive), in a clause's text, looking no further
/// than a definition's length.
pub(super) fn sentence_end(text: &str, at: usize) -> usize {
    let limit = crate::text::floor_char(text, (at + MAX_DEFINITION).min(text.len()));
    crate::text::full_stops(&text[at..limit]).find(|i| crate::text::ends_sentence(text, at + i)).map_or(limit, |i| at + i + 1)
}

/// Where the sentence holding `at` starts, in a clause's text, looking no further back than a
/// definition's length.
/// The terms defined in brackets without quotes in the clause `cs..ce` ("(Intellectual
/// Property)", `Layout::bracketed`): each name, with its definition, the words before the
/// brackets in their sentence.
fn bracketed_entries<'t>(text: &'t str, bracketed: &[(usize, usize)], cs: usize, ce: usize) -> Vec<(&'t str, usize, usize)> {
    let from = bracketed.partition_point(|&(s, _)| s < cs);
    let clause = &text[cs..ce];
    bracketed[from..]
        .iter()
        .take_while(|&&(s, _)| s < ce)
        .map(|&(s, e)| {
            let open = clause[..s - cs].rfind('(').unwrap_or(s - cs);
            (&text[s..e], cs + sentence_start(clause, open), cs + open)
        })
        .collect()
}

pub(super) fn sentence_start(text: &str, at: usize) -> usize {
    let limit = crate::text::ceil_char(text, at.saturating_sub(MAX_DEFINITION));
    crate::text::full_stops(&text[limit..at]).rev().find(|i| crate::text::ends_sentence(text, limit + i)).map_or(limit, |i| limit + i + 2)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn terms(names: &[&str]) -> Terms {
        let terms: Vec<Term> = names
            .iter()
            .map(|n| Term {
                name: (*n).to_owned(),
                start: 0,
                end: 0,
                features: Features::default(),
                means: true,
                methods_at: None,
                joint_at: None,
                excluded: Features::default(),
                additions: Vec::new(),
            })
            .collect();
        Terms::found(terms)
    }

    /// Every use in the whole text, as the reader found them before it searched only around
    /// the places asked about.
    fn whole(terms: &Terms, text: &str) -> Vec<(usize, usize)> {
        let bytes = text.as_bytes();
        let bounded = |i: Option<&u8>| i.is_none_or(|b| !b.is_ascii_alphanumeric());
        let finder = terms.finder.as_ref().expect("terms");
        finder
            .find_iter(text)
            .filter(|m| bounded(m.start().checked_sub(1).and_then(|i| bytes.get(i))) && bounded(bytes.get(m.end()).filter(|&&b| b != b's')))
            .map(|m| (m.start(), m.end()))
            .collect()
    }

    /// The use a place is judged by: the last one starting at or before it.
    fn last_before(spans: &[(usize, usize)], at: usize) -> Option<(usize, usize)> {
        spans.get(spans.partition_point(|&(from, _)| from <= at).checked_sub(1)?).copied()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn uses_around_places_are_the_uses_of_the_whole_text(
            words in prop::collection::vec(prop::sample::select(vec!["assigned", "know", "how", "know-how", "ip", "assigned ip", "work", "product", ".", ",", "é", "s"]), 0..40),
            picks in prop::collection::vec(0usize..40, 0..6),
        ) {
            let text = words.join(" ");
            let terms = terms(&["assigned know-how", "know-how", "work product", "assigned ip", "product s", "work assigned", "how assigned ip"]);
            let mut places: Vec<(usize, usize)> =
                text.match_indices("assigned").enumerate().filter(|(i, _)| picks.contains(i)).map(|(_, (at, w))| (at, at + w.len())).collect();
            places.sort_unstable();
            let around = terms.spans_around(&text, places.iter().copied());
            let all = whole(&terms, &text);
            for &(start, end) in &places {
                let judged = |spans: &[(usize, usize)]| last_before(spans, start).filter(|&(_, to)| end <= to);
                prop_assert_eq!(judged(&around), judged(&all), "{:?} at {}", text, start);
            }
            prop_assert!(around.iter().all(|s| all.contains(s)));
        }
    }
}
