//! The provision reader's vocabulary, compiled: the words for each kind of provision, each
//! feature of what a provision is about, each licence attribute, and the markers of negation,
//! payment, timing and exceptions. The words are data (`clause-library/reading/lexicon.json`).

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;

use std::sync::{Mutex, OnceLock, PoisonError};

use crate::library::pattern::{Matcher, StartsOfMany, TWO_THREADS_FROM, syntax};

use super::{Attribute, Feature, Kind};

/// The embedded vocabulary, as JSON.
pub static EMBEDDED: &str = include_str!("../../clause-library/reading/lexicon.json");

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Source {
    #[allow(dead_code)]
    about: String,
    kinds: BTreeMap<String, Vec<String>>,
    features: BTreeMap<String, Vec<String>>,
    attributes: BTreeMap<String, Vec<String>>,
    negation: Vec<String>,
    payment: Vec<String>,
    on_creation: Vec<String>,
    exception: Vec<String>,
    proviso: Vec<String>,
    agency_prior: Vec<String>,
    open_source_of_others: Vec<String>,
    timing_elsewhere: Vec<String>,
    on_termination: Vec<String>,
    free_of_charge: Vec<String>,
    capacity: Vec<String>,
    operative_before: Vec<String>,
    bar_lead_in: Vec<String>,
    unbounded_object: Vec<String>,
    #[serde(default)]
    incorporated: Vec<Incorporated>,
}

/// A clause a draft takes in by citing its number ("FAR 52.227-17").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Incorporated {
    /// Its number.
    pub cites: String,
    /// What it provides, in plain words, `{agency}` and `{client}` standing for the parties.
    pub reads: String,
    /// The standard clause a redline proposes in its place.
    #[serde(default)]
    pub instead: Option<Instead>,
}

/// A cited clause proposed in place of another: its number, the words of the title that
/// change ("Special Works" to "General"), and why, for the other side's counsel.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instead {
    pub cites: String,
    pub title: (String, String),
    pub why: String,
}

/// One alternation of a word list, matched at word boundaries. The embedded lexicon's lists are
/// compiled into the binary (build.rs, which reads `capacity`, `operative-before`,
/// `bar-lead-in` and `unbounded-object` as lists that end the text).
#[derive(Debug)]
pub struct Words(Matcher);

/// Where words were found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    start: usize,
    end: usize,
}

impl Found {
    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }
}

impl From<Range<usize>> for Found {
    fn from(r: Range<usize>) -> Self {
        Found { start: r.start, end: r.end }
    }
}

impl Words {
    fn new(list: &[String]) -> Result<Self, String> {
        Self::compiled(syntax::word_list(list, false))
    }

    /// Phrases that must end the text they are matched in.
    fn ending(list: &[String]) -> Result<Self, String> {
        Self::compiled(syntax::word_list(list, true))
    }

    fn compiled(regex: String) -> Result<Self, String> {
        let matcher = Matcher::new(regex, syntax::LEXICON_NEST)?;
        // A list not compiled into the binary is compiled now, so one too large says so.
        if !matcher.is_precompiled() {
            matcher.compile()?;
        }
        Ok(Words(matcher))
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.0.is_match_within(text, 0..text.len())
    }

    pub fn find_iter(&self, text: &str) -> impl Iterator<Item = Found> {
        self.0.find_within(text, 0..text.len(), false).into_iter().map(Found::from)
    }

    /// [`Words::find_iter`], given where the list's [`Matcher::start_literals`] occur in `text`.
    fn find_all_from(&self, text: &str, starts: Vec<usize>) -> impl Iterator<Item = Found> {
        self.0.find_all_from(text, starts).into_iter().map(Found::from)
    }

    pub fn find(&self, text: &str) -> Option<Found> {
        self.0.find_within(text, 0..text.len(), true).into_iter().next().map(Found::from)
    }

    fn compile(&self) {
        // One that cannot compile was refused when the lexicon was read.
        let _ = self.0.compile();
    }
}

#[cfg(test)]
impl Lexicon {
    /// Every word list of the embedded lexicon as the regular expression it is searched with.
    pub fn embedded_word_lists() -> Vec<String> {
        word_lists()
    }
}

#[cfg(test)]
fn word_lists() -> Vec<String> {
    let source: Source = serde_json::from_str(EMBEDDED).expect("the embedded lexicon reads");
    let lists = source.kinds.values().chain(source.features.values()).chain(source.attributes.values()).chain([
        &source.negation,
        &source.payment,
        &source.on_creation,
        &source.exception,
        &source.proviso,
        &source.agency_prior,
        &source.open_source_of_others,
        &source.timing_elsewhere,
        &source.on_termination,
        &source.free_of_charge,
    ]);
    let mut out: Vec<String> = lists.map(|l| syntax::word_list(l, false)).collect();
    out.extend(
        [&source.capacity, &source.operative_before, &source.bar_lead_in, &source.unbounded_object].map(|l| syntax::word_list(l, true)),
    );
    out
}

/// The compiled vocabulary.
#[derive(Debug)]
pub struct Lexicon {
    pub kinds: Vec<(Kind, Words)>,
    pub features: Vec<(Feature, Words)>,
    pub attributes: Vec<(Attribute, Words)>,
    pub negation: Words,
    pub payment: Words,
    pub on_creation: Words,
    pub exception: Words,
    /// A condition that lifts a bar where it holds ("without Client's prior written consent",
    /// "in a manner that would impose obligations on Client"): the bar is not absolute.
    pub proviso: Words,
    pub agency_prior: Words,
    /// Open-source components that are others' and come under their own licences ("open-source
    /// libraries owned by their respective creators"): a licence of them passes on nothing of
    /// the agency's.
    pub open_source_of_others: Words,
    /// Timing set elsewhere in the draft ("at the Time of Assignment").
    pub timing_elsewhere: Words,
    /// A hand-over on termination or of unfinished work ("upon termination", "work in progress").
    pub on_termination: Words,
    /// The services are given for nothing ("provided at no charge as a proof of concept"):
    /// no payment for a transfer to wait for.
    pub free_of_charge: Words,
    /// Words before a transfer verb that make it a capacity, not a transfer ("right to assign").
    pub capacity: Words,
    /// What comes before a bare transfer verb used as a verb ("shall assign", "is transferred"),
    /// not as a noun ("the Transfer Agreement", "any transfer").
    pub operative_before: Words,
    /// The words that end a clause leading into a list of what it bars ("Contractor shall
    /// not:", then "(a) Develop or provide competing services").
    pub bar_lead_in: Words,
    /// What passes named with nothing that bounds it, read as a whole piece of an object (a
    /// list item "All intellectual property rights", "all code and materials created"), at its
    /// end.
    pub unbounded_object: Words,
    /// Clauses a draft takes in by citing them ("FAR 52.227-17").
    pub incorporated: Vec<Incorporated>,
    /// The places the kinds' searches can start, found in one pass for all (`Lexicon::kinds_in`);
    /// made on first use.
    kind_starts: OnceLock<KindStarts>,
}

/// Of the kinds' lists, those searched from the places their matches can start (by their
/// position in `kinds`), and the finder of those places.
#[derive(Debug)]
struct KindStarts {
    anchored: Vec<usize>,
    finder: Option<StartsOfMany>,
}

impl Lexicon {
    /// The first exception in `text` that excepts something: "including but not limited to"
    /// widens and "unless otherwise agreed" defers, so neither counts.
    pub fn first_exception(&self, text: &str) -> Option<Found> {
        self.exception.find_iter(text).find(|m| ![" limit", " otherwise"].iter().any(|w| text[m.end()..].starts_with(w)))
    }

    /// Each kind's words in `text`, kind by kind in the order of `kinds`, as each list's
    /// [`Words::find_iter`] finds them; the places where the lists' matches can start are found
    /// in one pass over the text for all of them. A long text's lists are searched on two
    /// threads, each taking the next list left.
    pub fn kinds_in(&self, text: &str) -> Vec<(Kind, Found)> {
        let KindStarts { anchored, finder } = self.kind_starts();
        let mut given: Vec<Option<Vec<usize>>> = vec![None; self.kinds.len()];
        for (&k, starts) in anchored.iter().zip(finder.as_ref().map(|f| f.find(text)).unwrap_or_default()) {
            given[k] = Some(starts);
        }
        let lists = Mutex::new(given.into_iter().enumerate());
        let search = || {
            let mut done = Vec::new();
            while let Some((k, starts)) = lists.lock().unwrap_or_else(PoisonError::into_inner).next() {
                let (kind, words) = &self.kinds[k];
                let found: Vec<(Kind, Found)> = match starts {
                    Some(at) => words.find_all_from(text, at).map(|m| (*kind, m)).collect(),
                    None => words.find_iter(text).map(|m| (*kind, m)).collect(),
                };
                done.push((k, found));
            }
            done
        };
        let mut done = if text.len() < TWO_THREADS_FROM {
            search()
        } else {
            std::thread::scope(|s| {
                let other = s.spawn(search);
                let mut done = search();
                done.extend(crate::analysis::joined(other.join()));
                done
            })
        };
        done.sort_unstable_by_key(|(k, _)| *k);
        done.into_iter().flat_map(|(_, found)| found).collect()
    }

    fn kind_starts(&self) -> &KindStarts {
        self.kind_starts.get_or_init(|| {
            let literals: Vec<(usize, &[Vec<u8>])> =
                self.kinds.iter().enumerate().filter_map(|(k, (_, words))| Some((k, words.0.start_literals()?))).collect();
            let finder = StartsOfMany::new(&literals.iter().map(|(_, l)| *l).collect::<Vec<_>>());
            KindStarts { anchored: literals.iter().map(|(k, _)| *k).collect(), finder }
        })
    }

    /// The vocabulary built into the binary (checked by the test suite).
    pub fn embedded() -> &'static Lexicon {
        static LEXICON: std::sync::LazyLock<Lexicon> = std::sync::LazyLock::new(|| match Lexicon::parse(EMBEDDED) {
            Ok(lexicon) => lexicon,
            Err(e) => panic!("embedded reading lexicon is invalid: {e}"),
        });
        &LEXICON
    }

    /// Compiles every list's search (each on first use otherwise: an embedded DFA is read back,
    /// a list too large to embed is compiled), the kinds' lists and the finder of their starts
    /// first (the trigger words need them at once), so that a thread with nothing else to do
    /// can do it before the draft is read.
    pub fn compile(&self) {
        self.kind_starts();
        let lists = self.kinds.iter().map(|(_, w)| w).chain(self.features.iter().map(|(_, w)| w));
        let lists = lists.chain(self.attributes.iter().map(|(_, w)| w)).chain([
            &self.negation,
            &self.payment,
            &self.on_creation,
            &self.exception,
            &self.proviso,
            &self.agency_prior,
            &self.open_source_of_others,
            &self.timing_elsewhere,
            &self.on_termination,
            &self.free_of_charge,
            &self.capacity,
            &self.operative_before,
            &self.bar_lead_in,
            &self.unbounded_object,
        ]);
        lists.for_each(Words::compile);
    }

    /// Reads a lexicon from its JSON text; the message names the entry at fault.
    pub fn parse(json: &str) -> Result<Lexicon, String> {
        let source: Source = serde_json::from_str(json).map_err(|e| e.to_string())?;
        let words = |name: &str, list: &[String]| Words::new(list).map_err(|e| format!("{name}: {e}"));
        let kinds = source
            .kinds
            .iter()
            .map(|(name, list)| Ok((Kind::from_id(name).ok_or(format!("unknown kind {name:?}"))?, words(name, list)?)))
            .collect::<Result<_, String>>()?;
        let features = source
            .features
            .iter()
            .map(|(name, list)| Ok((Feature::from_id(name).ok_or(format!("unknown feature {name:?}"))?, words(name, list)?)))
            .collect::<Result<_, String>>()?;
        let attributes = source
            .attributes
            .iter()
            .map(|(name, list)| Ok((Attribute::from_id(name).ok_or(format!("unknown attribute {name:?}"))?, words(name, list)?)))
            .collect::<Result<_, String>>()?;
        Ok(Lexicon {
            kinds,
            features,
            attributes,
            negation: words("negation", &source.negation)?,
            payment: words("payment", &source.payment)?,
            on_creation: words("on-creation", &source.on_creation)?,
            exception: words("exception", &source.exception)?,
            proviso: words("proviso", &source.proviso)?,
            agency_prior: words("agency-prior", &source.agency_prior)?,
            open_source_of_others: words("open-source-of-others", &source.open_source_of_others)?,
            timing_elsewhere: words("timing-elsewhere", &source.timing_elsewhere)?,
            on_termination: words("on-termination", &source.on_termination)?,
            free_of_charge: words("free-of-charge", &source.free_of_charge)?,
            capacity: Words::ending(&source.capacity).map_err(|e| format!("capacity: {e}"))?,
            operative_before: Words::ending(&source.operative_before).map_err(|e| format!("operative-before: {e}"))?,
            bar_lead_in: Words::ending(&source.bar_lead_in).map_err(|e| format!("bar-lead-in: {e}"))?,
            unbounded_object: Words::ending(&source.unbounded_object).map_err(|e| format!("unbounded-object: {e}"))?,
            incorporated: source.incorporated,
            kind_starts: OnceLock::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_lexicon_compiles() {
        assert!(Lexicon::parse(EMBEDDED).is_ok());
    }

    #[test]
    fn the_kinds_found_together_are_those_each_list_finds() {
        let lexicon = Lexicon::embedded();
        let each = |text: &str| -> Vec<(Kind, Found)> {
            lexicon.kinds.iter().flat_map(|(kind, words)| words.find_iter(text).map(move |m| (*kind, m))).collect()
        };
        let mut texts = vec![
            String::new(),
            "the contractor hereby assigns and shall assign, is owned by and will transfer all rights".to_owned(),
            "assignassign is is shall shall willwill grants grant\u{e9} licence license owns owned".to_owned(),
        ];
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev");
        for entry in std::fs::read_dir(corpus).into_iter().flatten().flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                texts.push(crate::text::Normalised::new(&text).text);
            }
        }
        let every_word: String = texts.iter().flat_map(|t| t.split(' ')).take(4_000).collect::<Vec<_>>().join(" ");
        texts.push(every_word);
        for text in &texts {
            let found = lexicon.kinds_in(text);
            assert_eq!(found, each(text), "{}", text.chars().take(80).collect::<String>());
        }
        assert!(lexicon.kinds_in(&texts[1]).len() >= 4, "the sample finds kinds");
    }

    #[test]
    fn an_unknown_kind_is_named() {
        let json = EMBEDDED.replacen("\"assignment\":", "\"assignement\":", 1);
        assert!(Lexicon::parse(&json).unwrap_err().contains("assignement"));
    }
}
