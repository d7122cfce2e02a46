//! Where a draft names the agency's registry items, and whether the wording around each keeps
//! the item with the agency (a carve-out, a licence, an exhibit of pre-existing IP) or hands it
//! to the client; and where a draft claims pre-existing or background IP.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::{Item, Registry, name_key};
use crate::analysis::{Analysis, Parties};
use crate::ingest::Document;

/// How the wording around a mention treats the item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    /// Excluded from what the client gets, kept by the agency, or only licensed.
    Kept,
    /// In a sentence (or a schedule of deliverables) that gives ownership to the client.
    Claimed,
    /// Named, with nothing said about who owns it.
    Named,
}

/// One place a draft names a registry item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// The item's id.
    pub item: String,
    pub start: usize,
    pub end: usize,
    /// The analysed clause it is in.
    pub clause: Option<usize>,
    /// The heading of the exhibit or schedule it is listed in, if any ("Exhibit A").
    pub exhibit: Option<String>,
    pub standing: Standing,
}

static KEEP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:exclud\w*|except(?:ing)?|other than|(?:does|do|shall|will) not include|not including|save for|non-? ?exclusive licen[cs]\w*|licen[cs]\w* (?:to|back)|(?:retain|retains|retained|reserve|reserves|keep|keeps) (?:all|its|sole|ownership|title|every)|remains? (?:the )?(?:sole |exclusive )*(?:and exclusive )?property of (?:the )?(?:agency|provider|contractor|consultant|vendor|supplier|developer|service provider)|(?:neither party|nothing in this agreement|does not|do not|shall not|will not|no) (?:\w+ ){0,2}(?:transfer|assign|convey|vest|grant)\w*)\b",
    )
    .expect("static regex")
});
/// A sentence that opens with an exclusion carves out whatever its provisions list.
static OPENER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\(?[a-z0-9]{1,3}[.)] )?(?:except|excluding|other than|save for)\b").expect("static regex"));
static CLAIM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:assign\w*|transfer\w*|convey\w*|vest\w*|works? made for hire|work for hire|property of|owned by|owns|(?:shall|will|to|hereby|exclusively|solely|does|and) own|title to|belong\w*)\b")
        .expect("static regex")
});
static PRE_EXISTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:pre-?\s?existing|background|prior)\s+(?:intellectual\s+property|ip|materials?|technolog\w*|tools?|works?|inventions?|know-?\s?how|software|code|rights)\b")
        .expect("static regex")
});
static EXHIBIT_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?mi)^[ \t*_#>|]*((?:exhibit|schedule|appendix|annex|attachment|addendum)\s+[A-Z0-9][A-Za-z0-9.\-]*\b[^\n]{0,100})$")
        .expect("static regex")
});

/// Every place the draft names a registry item, by name, ignoring case, as whole words.
pub fn mentions(analysis: &Analysis, doc: &Document, registry: &Registry) -> Vec<Mention> {
    let Some((regex, by_key)) = name_matcher(registry) else { return Vec::new() };
    let agency = agency_keeps(&analysis.parties);
    let text = &doc.analysed;
    let exhibits: Vec<(usize, String)> = EXHIBIT_HEADING
        .captures_iter(text)
        .filter_map(|c| c.get(1))
        .filter(|m| m.as_str().split_whitespace().count() <= 14)
        .map(|m| (m.start(), crate::text::one_line(m.as_str().trim_end_matches(['|', '*', '_', ' ']))))
        .collect();
    regex
        .find_iter(text)
        .filter_map(|m| {
            let item = by_key.get(&name_key(m.as_str()).replace('\u{2019}', "'"))?;
            let clause = analysis.clauses.iter().find(|c| c.start <= m.start() && m.start() < c.end);
            let (lo, hi) = clause.map_or((0, text.len()), |c| (c.start, c.end));
            let exhibit = exhibits.iter().rev().find(|(at, _)| *at <= m.start()).map(|(_, h)| h.clone());
            let context = Context::around(text, m.start(), m.end(), lo, hi, agency.as_ref());
            let standing = exhibit.as_deref().and_then(heading_standing).unwrap_or_else(|| standing(&context));
            Some(Mention { item: item.id.clone(), start: m.start(), end: m.end(), clause: clause.map(|c| c.index), exhibit, standing })
        })
        .collect()
}

/// One case-insensitive alternation of every name, longest first so "Eval Harness Pro" wins
/// over "Eval Harness"; and the items by name key.
fn name_matcher(registry: &Registry) -> Option<(Regex, HashMap<String, &Item>)> {
    let mut items: Vec<&Item> = registry.items.iter().filter(|i| i.name.chars().any(char::is_alphanumeric)).collect();
    if items.is_empty() {
        return None;
    }
    items.sort_by_key(|i| std::cmp::Reverse(i.name.len()));
    let alternatives: Vec<String> = items
        .iter()
        .map(|i| {
            let name = i.name.trim();
            let words: Vec<String> = name.split_whitespace().map(|w| regex::escape(w).replace('\'', "['\u{2019}]")).collect();
            let open = if name.starts_with(|c: char| c.is_alphanumeric() || c == '_') { r"\b" } else { "" };
            let close = if name.ends_with(|c: char| c.is_alphanumeric() || c == '_') { r"\b" } else { "" };
            format!("{open}{}{close}", words.join(r"\s+"))
        })
        .collect();
    let regex =
        regex::RegexBuilder::new(&format!("(?:{})", alternatives.join("|"))).case_insensitive(true).size_limit(1 << 24).build().ok()?;
    let by_key = items.into_iter().map(|i| (name_key(&i.name).replace('\u{2019}', "'"), i)).collect();
    Some((regex, by_key))
}

/// The wording around a place in the draft, normalised for matching (lower case, straight
/// quotes, single spaces): its sentence, and the `;`-separated provision within it.
struct Context {
    sentence: String,
    provision: String,
    /// The provision says the agency (by the draft's own name for it) owns or keeps something.
    agency_keeps: bool,
}

impl Context {
    fn around(text: &str, start: usize, end: usize, lo: usize, hi: usize, agency: Option<&Regex>) -> Context {
        let lo = crate::text::ceil_char(text, lo.max(start.saturating_sub(600)));
        let hi = crate::text::floor_char(text, hi.min(end + 600)).max(end);
        let span = |breaks: &[&str]| {
            let before = &text[lo..start];
            let from = breaks.iter().filter_map(|b| before.rfind(b).map(|i| lo + i + b.len())).max().unwrap_or(lo);
            let after = &text[end..hi];
            let to = breaks.iter().filter_map(|b| after.find(b).map(|i| end + i + 1)).min().unwrap_or(hi);
            crate::text::one_line(&text[from..to]).to_lowercase().replace(['\u{2018}', '\u{2019}'], "'").replace('\u{2010}', "-")
        };
        let provision = span(&[". ", ".\n", ";", "\n\n"]);
        let agency_keeps = agency.is_some_and(|a| a.is_match(&provision));
        Context { sentence: span(&[". ", ".\n", "\n\n"]), provision, agency_keeps }
    }

    /// Excludes, keeps or only licenses what it names.
    fn keeps(&self) -> bool {
        self.agency_keeps || KEEP.is_match(&self.provision) || OPENER.is_match(&self.sentence)
    }

    fn claims(&self) -> bool {
        CLAIM.is_match(&self.provision)
    }
}

/// "Property of Agency", "Agency shall own", "Bright Labs retains", in the draft's own names for
/// the agency (or the usual role words when it names none).
fn agency_keeps(parties: &Parties) -> Option<Regex> {
    const ROLES: [&str; 7] = ["agency", "provider", "contractor", "consultant", "vendor", "supplier", "developer"];
    let names: Vec<String> = if parties.agency_aliases.is_empty() {
        ROLES.iter().map(|r| (*r).to_owned()).collect()
    } else {
        parties.agency_aliases.iter().map(|a| regex::escape(&a.to_lowercase())).collect()
    };
    let names = names.join("|");
    Regex::new(&format!(
        r"\b(?:(?:the|remains?|is|are|be) (?:sole |exclusive |and )*property of (?:the )?(?:{names})\b|(?:{names})(?:'s?)? (?:shall |will |does |hereby |may )?(?:continue to )?(?:retain|retains|own|owns|keep|keeps|reserve|reserves)\b)"
    ))
    .ok()
}

fn standing(context: &Context) -> Standing {
    if context.keeps() {
        Standing::Kept
    } else if context.claims() {
        Standing::Claimed
    } else {
        Standing::Named
    }
}

/// What listing an item under this heading says: a schedule of the agency's pre-existing IP
/// keeps it; a schedule of deliverables hands it over.
fn heading_standing(heading: &str) -> Option<Standing> {
    let h = heading.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
    if has(&[
        "pre-existing",
        "preexisting",
        "pre existing",
        "background",
        "agency ip",
        "agency materials",
        "agency tools",
        "excluded",
        "retained",
        "third-party",
        "third party",
        "open source",
    ]) {
        Some(Standing::Kept)
    } else if has(&["deliverable", "work product", "client ip", "assigned"]) {
        Some(Standing::Claimed)
    } else {
        None
    }
}

/// The provision around a mention, as the text groups mentions by.
pub(super) fn provision_of(doc: &Document, m: &Mention) -> String {
    Context::around(&doc.analysed, m.start, m.end, 0, doc.analysed.len(), None).provision
}

/// Whether any sentence of the draft excludes or keeps pre-existing IP for the agency.
pub(super) fn draft_carves_out(doc: &Document, analysis: &Analysis) -> bool {
    sentences_with_pre_existing(doc, analysis).into_iter().any(|(_, _, _, c)| c.keeps() || c.provision.contains("agency ip"))
        || made_before_is_excluded(&doc.analysed)
}

/// "IP you create before your employment ... the Company doesn't own it": a carve-out of what
/// existed before, said without the words "pre-existing" or "background".
fn made_before_is_excluded(text: &str) -> bool {
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:before|prior to)\s+(?:or\s+after\s+)?(?:the\s+|your\s+|this\s+|its\s+)?(?:employment|engagement|effective\s+date|agreement|services|contract|commencement)\b")
            .expect("static regex")
    });
    static NOT_OWNED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:(?:doesn't|does not|do not|don't|shall not|will not|won't) (?:own|acquire|include|cover)|exclud\w*|remains? (?:the )?(?:sole )?property of|retains?)\b")
            .expect("static regex")
    });
    BEFORE.find_iter(text).any(|m| NOT_OWNED.is_match(&Context::around(text, m.start(), m.end(), 0, text.len(), None).sentence))
}

/// Sentences naming pre-existing or background IP with ownership wording and no carve-out:
/// (clause, start, end) of the pre-existing phrase.
pub(super) fn pre_existing_claims(doc: &Document, analysis: &Analysis) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    for (clause, start, end, context) in sentences_with_pre_existing(doc, analysis) {
        if !context.keeps() && context.claims() && !out.iter().any(|&(c, _, _)| c == clause) {
            out.push((clause, start, end));
        }
    }
    out
}

fn sentences_with_pre_existing(doc: &Document, analysis: &Analysis) -> Vec<(usize, usize, usize, Context)> {
    let agency = agency_keeps(&analysis.parties);
    let text = &doc.analysed;
    let mut out = Vec::new();
    for c in &analysis.clauses {
        let lower = text[c.start..c.end].to_lowercase();
        // Lower-casing can change byte lengths; fall back to no match rather than wrong offsets.
        if lower.len() != c.end - c.start {
            continue;
        }
        for m in PRE_EXISTING.find_iter(&lower) {
            let (start, end) = (c.start + m.start(), c.start + m.end());
            out.push((c.index, start, end, Context::around(text, start, end, c.start, c.end, agency.as_ref())));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standing_of(sentence: &str) -> Standing {
        let at = sentence.find("evalkit").unwrap();
        let agency = agency_keeps(&Parties {
            agency: Some("Bright Labs".into()),
            counterparty: Some("Client".into()),
            detected: true,
            uncertain: false,
            agency_aliases: vec!["bright labs".into(), "agency".into()],
            counterparty_aliases: vec!["client".into()],
            other_terms: Vec::new(),
            candidates: Vec::new(),
        });
        standing(&Context::around(sentence, at, at + 7, 0, sentence.len(), agency.as_ref()))
    }

    #[test]
    fn standing_of_sentences() {
        assert_eq!(standing_of("all deliverables, including evalkit, shall be the property of client."), Standing::Claimed);
        assert_eq!(standing_of("client ip excludes evalkit and other agency tools."), Standing::Kept);
        assert_eq!(standing_of("agency grants client a non-exclusive license to evalkit."), Standing::Kept);
        assert_eq!(standing_of("agency will evaluate the models with evalkit."), Standing::Named);
        assert_eq!(standing_of("except for (a) client's rights; (b) evalkit, neither party transfers any rights."), Standing::Kept);
        assert_eq!(standing_of("agency retains its tools; client owns evalkit."), Standing::Claimed);
        assert_eq!(standing_of("agency shall own evalkit and all improvements to it."), Standing::Kept);
        assert_eq!(standing_of("evalkit remains the property of bright labs."), Standing::Kept);
        assert_eq!(standing_of("evalkit is the sole and exclusive property of agency."), Standing::Kept);
        assert_eq!(standing_of("client shall own evalkit and the intellectual property of agency."), Standing::Claimed);
        assert_eq!(standing_of("bright labs' evalkit shall be owned by client."), Standing::Claimed);
        assert_eq!(heading_standing("Exhibit A - Agency Pre-Existing IP"), Some(Standing::Kept));
        assert_eq!(heading_standing("Schedule 1: Deliverables"), Some(Standing::Claimed));
        assert_eq!(heading_standing("Exhibit B: Fees"), None);
    }

    #[test]
    fn things_made_before_the_engagement_excluded_in_plain_words() {
        assert!(made_before_is_excluded(
            "If you create IP before or after your employment (\"Your IP\"), the Company doesn\u{2019}t own it."
        ));
        assert!(made_before_is_excluded("Work Product excludes materials Agency developed prior to the Effective Date."));
        assert!(!made_before_is_excluded("Client owns all work product created before the effective date and after it."));
    }

    #[test]
    fn sentences_stop_at_periods_and_provisions_at_semicolons() {
        let t = "One. Client owns EvalKit; Agency keeps the rest. Two.";
        let at = t.find("EvalKit").unwrap();
        let c = Context::around(t, at, at + 7, 0, t.len(), None);
        assert_eq!(c.provision, "client owns evalkit;");
        assert_eq!(c.sentence, "client owns evalkit; agency keeps the rest.");
    }
}
