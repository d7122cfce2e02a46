//! Reading what each clause does, as a lawyer reads it: who gives which rights in what to whom,
//! when, on what condition, with which exceptions, and what the defined terms mean. The
//! analysis judges provisions, not words: "no work is a work made for hire" is a negation,
//! "the Supplier retains all right, title and interest" keeps rights where they are, and
//! "all Work Product" means what this draft defines Work Product to be.
//!
//! Every stage is linear in the text: each trigger is read within a window of bounded size.

mod lexicon;
mod provisions;
mod terms;

use crate::analysis::Parties;
use crate::library::pattern::ascii::AsciiFirst;

pub use lexicon::{EMBEDDED as EMBEDDED_LEXICON, Incorporated, Instead, Lexicon};
pub(crate) use provisions::names_agency_prior;
pub use provisions::{Provision, Side, Standing, Timing, TriggerWords};

pub use terms::{Term, Terms};

/// What a provision does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Rights move: assigns, transfers, conveys, a future or present assignment.
    Assignment,
    /// Ownership stated: is owned by, property of, belongs to, vests in, shall own.
    Ownership,
    /// A statement that work is a work made for hire.
    HireWork,
    /// Both sides own together.
    Joint,
    /// A licence or right to use is granted.
    Licence,
    /// A party keeps what it has.
    Retention,
    /// A right is waived or not to be asserted (moral rights).
    Waiver,
    /// A party must not do something (use, disclose, compete, permit).
    Restriction,
    /// A party must hand something over (materials, records, the service itself).
    Delivery,
    /// A party promises a fact (originality, authority to grant).
    Warranty,
    /// What is given for the work: nothing, or "mutual benefits".
    Consideration,
    /// Work released under an open-source licence or to the public domain.
    OpenLicence,
}

impl Kind {
    pub const ALL: [Kind; 12] = [
        Kind::Assignment,
        Kind::Ownership,
        Kind::HireWork,
        Kind::Joint,
        Kind::Licence,
        Kind::Retention,
        Kind::Waiver,
        Kind::Restriction,
        Kind::Delivery,
        Kind::Warranty,
        Kind::Consideration,
        Kind::OpenLicence,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Kind::Assignment => "assignment",
            Kind::Ownership => "ownership",
            Kind::HireWork => "hire-work",
            Kind::Joint => "joint",
            Kind::Licence => "licence",
            Kind::Retention => "retention",
            Kind::Waiver => "waiver",
            Kind::Restriction => "restriction",
            Kind::Delivery => "delivery",
            Kind::Warranty => "warranty",
            Kind::Consideration => "consideration",
            Kind::OpenLicence => "open-licence",
        }
    }

    fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// Whether the provision moves ownership to its receiver.
    pub fn transfers(self) -> bool {
        matches!(self, Kind::Assignment | Kind::Ownership | Kind::HireWork | Kind::Joint)
    }
}

macro_rules! flags {
    ($(#[$doc:meta])* $name:ident, $set:ident { $($(#[$vdoc:meta])* $variant:ident = $id:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum $name { $($(#[$vdoc])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            fn from_id(id: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|f| f.id() == id)
            }
        }

        /// A set, as bits.
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
        pub struct $set(u32);

        impl $set {
            pub fn has(self, f: $name) -> bool {
                self.0 & (1 << f as u32) != 0
            }

            pub fn insert(&mut self, f: $name) {
                self.0 |= 1 << f as u32;
            }

            #[must_use]
            pub fn union(self, other: $set) -> $set {
                $set(self.0 | other.0)
            }

            /// The flags of `self` that `other` does not have.
            #[must_use]
            pub fn without(self, other: $set) -> $set {
                $set(self.0 & !other.0)
            }

            pub fn is_empty(self) -> bool {
                self.0 == 0
            }

            pub fn iter(self) -> impl Iterator<Item = $name> {
                $name::ALL.iter().copied().filter(move |&f| self.has(f))
            }
        }

        impl FromIterator<$name> for $set {
            fn from_iter<I: IntoIterator<Item = $name>>(flags: I) -> $set {
                $set(flags.into_iter().fold(0, |bits, f| bits | 1 << f as u32))
            }
        }
    };
}

flags!(
    /// What a provision's object (or a definition) is about.
    Feature, Features {
        /// Rights in intellectual property: copyright, patents, right, title and interest.
        Ip = "ip",
        /// Work product: deliverables, code, materials, works.
        Work = "work",
        /// Made in the work: created, developed, conceived, produced.
        Made = "made",
        /// Scope tied to the engagement rather than to described deliverables.
        Broad = "broad",
        /// Reaches what existed before the engagement.
        Prior = "prior",
        /// Know-how, methods, techniques, processes, tools.
        Methods = "methods",
        Models = "models",
        Data = "data",
        Improvements = "improvements",
        Moral = "moral",
        /// General skills and knowledge left to the agency.
        Residuals = "residuals",
        Confidential = "confidential",
        /// Competing business: what a non-compete bars.
        Competition = "competition",
        /// Anyone but this client ("for any other client", "on any other production", "for
        /// third parties"): where a bar on the agency's own tools and methods reaches.
        Others = "others",
        /// A promise that work is original, that no one else may claim it.
        Originality = "originality",
        /// A promise that the giver has the right to assign or grant it.
        Authority = "authority",
        /// Limited to deliverables described in a schedule or order.
        Scoped = "scoped",
        /// Only what a party can prove ("any intellectual property that Vendor can substantiate
        /// were ... owned ... prior to"): the burden of showing it is that party's.
        Proven = "proven",
        /// Open-source software as such ("any open source software"), not only copyleft.
        OpenSource = "open-source",
        /// Left to the other side's consent or approval ("without Client's prior written
        /// consent").
        Consent = "consent",
        /// Only what is listed in a schedule counts ("and that is specified as such in the
        /// applicable SOW"): of the agency's prior work, a carve-out that keeps only the list.
        Listed = "listed",
        /// Made by both sides together ("arising from the parties' joint work", "generated
        /// jointly by the Contractor and the Client").
        JointWork = "joint-work",
        /// Physical things that carry the work, not the work ("such media", "the equipment").
        Physical = "physical",
        /// Made for this engagement alone ("created specifically for the purposes of this
        /// Contract", "Specially Written Software"): nothing the agency brought to it.
        Bespoke = "bespoke",
        /// As it sits in the deliverables ("to the extent incorporated into a deliverable", "as
        /// embedded in the Deliverables"): the agency's materials only within the work.
        Embedded = "embedded",
        /// The object's own words name no work but the deliverables ("title to each
        /// Deliverable"). Set by the reader from the words that name work, not by words of its own.
        DeliverablesOnly = "deliverables-only",
    }
);

/// A limb of what an object names that takes in whatever was made in the engagement: "or
/// developed during the period of Agreement" (shared by the reader and the redline's edit of a
/// bar, which strikes it).
pub(crate) const MADE_MEANWHILE: &str = r"or\s+(?:[a-z]+\s+){0,2}?(?:developed|created|made|conceived|produced|written|generated)\s+(?:during|in\s+the\s+course\s+of|in\s+connection\s+with|while)\b";

/// The typographic bullets that open a list item ("•", "◦", "▪", "‣"), besides "-" and "*".
pub(crate) const BULLETS: &str = "\u{2022}\u{25e6}\u{25aa}\u{2023}";

flags!(
    /// A licence's terms.
    Attribute, Attributes {
        Exclusive = "exclusive",
        Perpetual = "perpetual",
        Irrevocable = "irrevocable",
        Transferable = "transferable",
        Sublicensable = "sublicensable",
        Revocable = "revocable",
        /// Said to be personal: non-transferable, non-sublicensable.
        Personal = "personal",
        /// Limited to a purpose, internal use, or the deliverables.
        Limited = "limited",
        /// Rights beyond use: derivative works, distribution to the public, any purpose.
        Unlimited = "unlimited",
        /// Its terms are set out in another clause ("a license to such Company Materials as
        /// set forth in Section 4.2.2").
        Referred = "referred",
        /// It may pass only with the receiver's business ("upon sale or transfer of the
        /// Client's business, this license shall be transferable to the new owner"). Set by the
        /// reader from the words of `transferable`, not by words of its own.
        WithTheBusiness = "with-the-business",
    }
);

impl Features {
    /// The features `text` names.
    pub fn of(lexicon: &Lexicon, text: &str) -> Features {
        let mut set = Features::default();
        for (feature, words) in &lexicon.features {
            if words.is_match(text)
                && !(*feature == Feature::Ip && only_addresses(words, text))
                && !(*feature == Feature::Models && only_graphics(text))
                && !(*feature == Feature::Methods && only_ways_of_use(words, text))
                && !(*feature == Feature::Confidential && only_regardless(words, text))
            {
                set.insert(*feature);
            }
        }
        set
    }
}

/// "the models, textures and rigs of Production's characters": models of a studio's 3D or CAD
/// work, with nothing of machine learning beside them.
fn only_graphics(text: &str) -> bool {
    const GRAPHICS: [&str; 6] = ["textures", "rigs", "meshes", "3d model", "cad model", "cad/cam model"];
    const LEARNING: [&str; 7] = ["train", "learning", "weights", "neural", "inference", "prediction", "algorithm"];
    GRAPHICS.iter().any(|g| text.contains(g)) && !LEARNING.iter().any(|l| text.contains(l))
}

/// "to use the platform by all methods provided for in Article 1270": every "method" in `text`
/// is a way of using the work (as civil-law drafting lists them), not a way of working.
fn only_ways_of_use(words: &lexicon::Words, text: &str) -> bool {
    let by_all = |at: usize| ["by all ", "by any ", "in all ", "by such "].iter().any(|w| text[..at].ends_with(w));
    words.find_iter(text).all(|m| text[m.start()..m.end()].starts_with("method") && by_all(m.start()))
}

/// "any know-how acquired in the Services, whether or not it constitutes Confidential
/// Information": every mention of confidentiality in `text` says it does not matter, so what is
/// named is not limited to the confidential.
fn only_regardless(words: &lexicon::Words, text: &str) -> bool {
    words.find_iter(text).all(|m| text[crate::text::floor_char(text, m.start().saturating_sub(60))..m.start()].contains("whether or not"))
}

/// "assign private IP addresses": every "IP" in `text` is a network address, not intellectual
/// property.
fn only_addresses(words: &lexicon::Words, text: &str) -> bool {
    text.contains("ip address") && words.find_iter(text).all(|m| text[m.end()..].starts_with(" address"))
}

impl Attributes {
    /// The attributes `text` gives, ignoring negated ones ("non-exclusive", "non-transferable").
    pub fn of(lexicon: &Lexicon, text: &str) -> Attributes {
        let mut set = Attributes::default();
        for (attribute, _, _) in Self::found(lexicon, text) {
            set.insert(attribute);
        }
        set
    }

    /// Each attribute `text` gives, with where its words are (the first use of each).
    pub fn found(lexicon: &Lexicon, text: &str) -> Vec<(Attribute, usize, usize)> {
        // "which Harrowgate may not pass on or sub-license": the verbs it is listed with, and
        // the modal, come between the denial and the right.
        const FILLER: [&str; 23] = [
            "include",
            "includes",
            "including",
            "confer",
            "confers",
            "give",
            "gives",
            "a",
            "an",
            "any",
            "the",
            "right",
            "rights",
            "to",
            "or",
            "and",
            "pass",
            "on",
            "transfer",
            "assign",
            "may",
            "shall",
            "will",
        ];
        let denial = |mut words_back: std::iter::Rev<std::str::SplitWhitespace>| {
            words_back
                .find(|w| !FILLER.contains(w))
                .is_some_and(|w| matches!(w, "no" | "not" | "without" | "nor" | "excluding" | "cannot" | "never"))
        };
        let negated = |start: usize| {
            // "non-exclusive", "non exclusive", and "non- exclusive" as text taken from a PDF has it.
            let before = text[crate::text::floor_char(text, start.saturating_sub(5))..start].trim_end();
            // "which licence does not include a right to sub-license", "without the right to
            // assign", "without the right to grant sublicences": the words deny the attribute.
            let words = text[crate::text::floor_char(text, start.saturating_sub(40))..start].split_whitespace();
            before.ends_with("non-") || before.ends_with("non") || denial(words.rev())
        };
        // "for the entire term of the exclusive right": the right itself (as Russian and
        // Civil Code drafting calls copyright), not a licence said to be exclusive.
        let names_the_right = |start: usize| text[..start].trim_end().ends_with(" of the");
        // "may transfer the license in connection with a merger", "upon sale or transfer of
        // the Client's business, this license shall be transferable to the new owner": it moves
        // only with the business, as any contract does.
        let with_the_business = |start: usize, end: usize| {
            const AFTER: [&str; 6] = ["merger", "acquisition", "change of control", "substantially all", "successor", "new owner"];
            const BEFORE: [&str; 5] =
                ["sale or transfer of", "sale of the business", "sale of its business", "merger", "change of control"];
            let after = &text[end..crate::text::floor_char(text, (end + 120).min(text.len()))];
            let before = &text[crate::text::floor_char(text, start.saturating_sub(80))..start];
            AFTER.iter().any(|w| after.contains(w)) || BEFORE.iter().any(|w| before.contains(w))
        };
        let first = |attribute: Attribute, words: &lexicon::Words| {
            let mut with_business = None;
            let m = words.find_iter(text).find(|m| {
                if attribute == Attribute::Transferable && !negated(m.start()) && with_the_business(m.start(), m.end()) {
                    with_business.get_or_insert((Attribute::WithTheBusiness, m.start(), m.end()));
                    return false;
                }
                // "a licence to use and copy, but not to sublicense": the words just before the
                // right to pass the licence on deny it, inside the match too.
                let passes_on = matches!(attribute, Attribute::Transferable | Attribute::Sublicensable);
                let denies = passes_on && {
                    let mut words = text[m.start()..m.end()].split_whitespace().rev();
                    words.next();
                    denial(words)
                };
                !(negated(m.start()) || denies || attribute == Attribute::Exclusive && names_the_right(m.start()))
            });
            m.map(|m| (attribute, m.start(), m.end())).or(with_business)
        };
        lexicon.attributes.iter().filter_map(|(attribute, words)| first(*attribute, words)).collect()
    }
}

/// Everything read from one draft.
#[derive(Debug, Default)]
pub struct Reading {
    pub terms: Terms,
    pub provisions: Vec<Provision>,
    /// How the draft is laid out: its list items, and the titles and notes that do nothing.
    pub layout: Layout,
    /// The draft says its services are given for nothing.
    pub free_of_charge: bool,
    /// Where the transfers start whose payment condition another clause sets, overriding their
    /// own words ("Notwithstanding anything contained in Clause 8, ... only upon receipt of
    /// the full payment").
    pub paid_by_override: Vec<usize>,
}

impl Reading {
    /// Reads the normalised text `text`, whose clauses are at `ranges` and whose list items
    /// and titles are in `layout`.
    pub fn read(lexicon: &Lexicon, text: &str, ranges: &[(usize, usize)], layout: Layout, parties: &Parties) -> Reading {
        let terms = Terms::read(lexicon, text, ranges, &layout);
        Self::read_found(lexicon, text, ranges, layout, terms, parties, &TriggerWords::find(lexicon, text))
    }

    /// [`Reading::read`], with the draft's defined terms read (`Terms::read` of the same text,
    /// ranges and layout) and the words that trigger provisions found in `text` already.
    pub fn read_found(
        lexicon: &Lexicon,
        text: &str,
        ranges: &[(usize, usize)],
        layout: Layout,
        terms: Terms,
        parties: &Parties,
        found: &TriggerWords,
    ) -> Reading {
        let mut provisions = provisions::read(lexicon, text, ranges, &layout, parties, &terms, found);
        agency_owned_given_away(text, &mut provisions, &terms, parties);
        licences_completed(lexicon, text, ranges, &mut provisions);
        licences_by_reference(text, &terms, &mut provisions);
        handovers_of_what_passed(text, &mut provisions);
        let mut paid_by_override = paid_notwithstanding(text, ranges, &mut provisions);
        paid_by_override.extend(qualified_next(lexicon, text, ranges, &mut provisions));
        paid_by_override.extend(instrument_paid(lexicon, text, &mut provisions));
        incorporated(lexicon, text, ranges, parties, &mut provisions);
        Reading { terms, provisions, layout, free_of_charge: free_of_charge(lexicon, text), paid_by_override }
    }

    /// Whether any provision of the draft gives ownership to the counterparty.
    pub fn transfers_to_counterparty(&self) -> bool {
        self.provisions.iter().any(Provision::transfers_to_counterparty)
    }
}

/// Compiles the fixed patterns the reader uses (each on first use otherwise), so that a thread
/// with nothing else to do can do it before the draft is read.
pub(crate) fn compile_patterns() {
    terms::compile_patterns();
    provisions::compile_patterns();
    IMPROVED.compile();
}

/// See `improved_owner`. ASCII first: its Unicode gaps (`[^.;]{0,80}`, `[^.;,]{0,60}?`) made
/// it costly to compile.
static IMPROVED: std::sync::LazyLock<AsciiFirst> = std::sync::LazyLock::new(|| {
    AsciiFirst::new(
        r"^(?:[^.;]{0,80}\. )?\s*(?:any|all|each|such|the)? ?(?:derivative works?|derivatives|improvements?|modifications?|enhancements?|adaptations?)\b[^.;,]{0,60}?\b(?:of|out of|to|based on|from) (?:the |any |such |all )?",
    )
});

/// How a draft is laid out, beyond its sentences, as positions in its normalised text: found
/// in the text as written, before the normalised text joins the lines.
#[derive(Debug, Default)]
pub struct Layout {
    /// Where list items start: a line that opens with a bullet or a list number ("- ", "* ",
    /// "• ", "2. ", "(b) "). Ascending.
    pub items: Vec<usize>,
    /// Markdown headings ("## Developer Assigns Intellectual Property"), which name a part of
    /// the draft and do nothing. Ascending.
    pub headings: Vec<(usize, usize)>,
    /// The texts of links to a part of the draft ("under [Developer Assigns Intellectual
    /// Property](#developer-assigns)"), names as well. Ascending.
    pub links: Vec<(usize, usize)>,
    /// Drafters' notes ("> **Drafting note:** Clause 8 reflects the IP position: ..."), which
    /// comment on the draft and are removed before it is signed. Ascending.
    pub notes: Vec<(usize, usize)>,
    /// Terms defined in brackets without quotes, as Australian and UK drafts do ("all
    /// intellectual property created ... in the course of providing the Services (Intellectual
    /// Property)"): capitalised words alone in brackets, used again after them. The names'
    /// spans, ascending.
    pub bracketed: Vec<(usize, usize)>,
    /// Terms defined in two columns, as a table of definitions turned into text sets them
    /// ("Fees      the fee that will be paid to the Consultancy ...", "| Fees | the fee ... |"):
    /// each entry's name and where its definition ends, ascending.
    pub columns: Vec<(usize, usize, usize)>,
    /// Where a paragraph after a list starts, when it is no item and opens a sentence of its
    /// own ("- General knowledge and skills", a blank line, "Agency grants Client ..."): the
    /// list a lead-in introduced ends there. Ascending.
    pub list_ends: Vec<usize>,
}

impl Layout {
    /// Whether `start..end` is inside a heading, a link's text or a drafter's note: words that
    /// name or comment on the draft, and do nothing.
    pub fn inert(&self, start: usize, end: usize) -> bool {
        within(&self.headings, start, end) || within(&self.links, start, end) || within(&self.notes, start, end)
    }

    /// The layout of `original`, whose normalised text (with its markup blanked) is `norm`.
    pub fn of(original: &str, norm: &crate::text::Normalised) -> Layout {
        let bytes = original.as_bytes();
        let marker = |at: usize| {
            let rest = &bytes[at..bytes.len().min(at + 6)];
            match rest {
                [b'-' | b'*' | b'+', b' ', ..] => true,
                [b'(', ..] => rest.iter().skip(1).position(|&b| b == b')').is_some_and(|k| k > 0 && rest.get(k + 2) == Some(&b' ')),
                _ => {
                    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
                    digits > 0 && matches!(rest.get(digits), Some(b'.' | b')')) && rest.get(digits + 1) == Some(&b' ')
                }
            }
        };
        // A typographic bullet ("    • Client receives ...") as well.
        let bullet = |at: usize| original[at..].starts_with(|c: char| BULLETS.contains(c));
        let starts = original.match_indices('\n').filter_map(|(i, _)| {
            let at = i + 1 + bytes[i + 1..].iter().take_while(|&&b| b == b' ' || b == b'\t').count();
            (at < bytes.len() && (marker(at) || bullet(at))).then_some(at)
        });
        let items = norm.positions(starts);
        let list_ends = norm.positions(list_ends(original, |at| marker(at) || bullet(at)).into_iter());
        let Asides { headings, links, notes } = asides(original);
        let normalised = |spans: Vec<(usize, usize)>| {
            let ends = norm.positions(spans.iter().flat_map(|&(s, e)| [s, e]));
            ends.chunks(2).map(|w| (w[0], w[1])).filter(|(s, e)| s < e).collect()
        };
        let bracketed = normalised(bracketed_terms(original));
        let columns = column_entries(original);
        let at = norm.positions(columns.iter().flat_map(|&(s, e, d)| [s, e, d]));
        let columns = at.chunks(3).map(|w| (w[0], w[1], w[2])).filter(|(s, e, d)| s < e && e < d).collect();
        Layout { items, headings: normalised(headings), links: normalised(links), notes: normalised(notes), bracketed, columns, list_ends }
    }
}

/// Where, in `original`, a paragraph that opens with a capital letter follows a blank line
/// after a list item (`item(at)`: whether a line's text at `at` opens with a list mark).
fn list_ends(original: &str, item: impl Fn(usize) -> bool) -> Vec<usize> {
    let mut out = Vec::new();
    let (mut in_list, mut blank) = (false, false);
    let mut at = 0;
    for line in original.split_inclusive('\n') {
        let text = line.trim_start_matches([' ', '\t']);
        let start = at + line.len() - text.len();
        at += line.len();
        if text.trim().is_empty() {
            blank = true;
            continue;
        }
        if item(start) {
            in_list = true;
        } else {
            if in_list && blank && text.starts_with(|c: char| c.is_uppercase()) {
                out.push(start);
            }
            in_list = in_list && !blank;
        }
        blank = false;
    }
    out
}

/// The names of terms defined in brackets without quotes ("(Intellectual Property)"), as byte
/// ranges of `original`: one to four capitalised words alone in brackets, not a reference to a
/// numbered part ("Section 6.2 (Licensed Deliverables)"), and used again in the 64 KB after the
/// brackets. At most `MAX` names are looked for again, so a draft of many brackets stays linear.
fn bracketed_terms(original: &str) -> Spans {
    const MAX: usize = 200;
    const AHEAD: usize = 64 * 1024;
    const STATUTES: [&str; 6] = ["Act", "Regulation", "Regulations", "Code", "Law", "Rules"];
    static BRACKETED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\((?:the )?([A-Z][A-Za-z'-]+(?: (?:of |and )?[A-Z][A-Za-z'-]+){0,3})\)").expect("static regex")
    });
    let mut out = Vec::new();
    for c in BRACKETED.captures_iter(original).take(MAX) {
        let (Some(whole), Some(name)) = (c.get(0), c.get(1)) else { continue };
        let before = original[..whole.start()].trim_end();
        // "Section 6.2 (Licensed Deliverables)", "Copyright Act 1968 (Cth)", "Workers
        // Compensation Act (British Columbia)": a part or a statute's jurisdiction, named.
        let statute = before.rsplit(' ').next().is_some_and(|w| STATUTES.contains(&w.trim_matches(|ch: char| !ch.is_alphanumeric())));
        let reference = before.ends_with(|ch: char| ch.is_ascii_digit() || ch == ')') || before.is_empty() || statute;
        let after = &original[whole.end()..crate::text::floor_char(original, whole.end() + AHEAD)];
        // Read only for a name that is not a reference: up to 64 KB a name.
        let used_again = || {
            crate::text::find_all(after, name.as_str()).any(|i| {
                let next = after[i + name.len()..].chars().next();
                !after[..i].ends_with(|ch: char| ch.is_alphanumeric()) && !next.is_some_and(char::is_alphanumeric)
            })
        };
        if !reference && used_again() {
            out.push((name.start(), name.end()));
        }
    }
    out
}

/// A term's name in a table of definitions set in two columns: one to six capitalised words
/// ("Consultancy Personnel", "Working Time").
pub(crate) const COLUMN_TERM: &str = r"[A-Z][A-Za-z0-9'&/-]*(?: (?:of |and |or |the |for |to |in )?[A-Z][A-Za-z0-9'&/-]*){0,5}";

/// How many entries set in two columns make a table of definitions: fewer are a form's fields.
pub(crate) const COLUMN_RUN: usize = 3;

/// Whether `lead`, the words before a table set in two columns, says it defines ("The following
/// terms have the following meanings:").
pub(crate) fn leads_glossary(lead: &str) -> bool {
    let lead = lead.to_lowercase();
    ["definition", "meaning", "interpretation"].iter().any(|w| lead.contains(w))
}

/// The entries of tables of definitions set in two columns, as byte offsets of `original`: the
/// name's range and where its definition ends. An entry is a line that opens with one to six
/// capitalised words and, after three spaces, a tab or a table's bar, goes on with the
/// definition; the indented lines after it continue it. Only runs of three or more entries
/// whose lead-in (the two lines before them) speaks of definitions or meanings count: a line or
/// two so set is a heading, and a signature block's "Name", "Title" and "Date" are a form's
/// fields, not a glossary.
fn column_entries(original: &str) -> Vec<(usize, usize, usize)> {
    static ENTRY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(&format!(r"^[ \t]{{0,3}}(?:\| ?)?({COLUMN_TERM})(?: {{3,}}|\t+| +\| +)[A-Za-z0-9(\x22\u{{201c}}]"))
            .expect("static regex")
    });
    let mut out = Vec::new();
    let mut run: Vec<(usize, usize, usize)> = Vec::new();
    // The last two lines that were neither blank nor part of an entry, and the lead-in of the
    // run being read.
    let mut recent: [&str; 2] = ["", ""];
    let mut lead = String::new();
    let mut end_run = |run: &mut Vec<(usize, usize, usize)>, lead: &str| {
        if run.len() >= COLUMN_RUN && leads_glossary(lead) {
            out.append(run);
        }
        run.clear();
    };
    let mut at = 0;
    for line in original.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let text = line.trim_end();
        // The gap comes within the first words: most lines, prose, are ruled out by a look at
        // their opening bytes.
        let head = &text.as_bytes()[..text.len().min(90)];
        let gapped = head.windows(3).any(|w| w == b"   " || w == b" | ") || head.contains(&b'\t');
        if let Some(c) = gapped.then(|| ENTRY.captures(text)).flatten() {
            if run.is_empty() {
                lead = recent.join(" ");
            }
            let name = c.get(1).expect("group");
            run.push((start + name.start(), start + name.end(), start + text.len()));
            continue;
        }
        let indented = line.starts_with("   ") || line.starts_with('\t');
        match run.last_mut() {
            Some(last) if indented && !text.trim().is_empty() => last.2 = start + text.len(),
            _ if text.trim().is_empty() => {}
            _ => {
                end_run(&mut run, &lead);
                recent = [recent[1], text];
            }
        }
    }
    end_run(&mut run, &lead);
    out
}

/// Byte ranges of a text, ascending.
pub type Spans = Vec<(usize, usize)>;

/// The words of a draft that name or comment on it, as byte ranges of it, each ascending.
#[derive(Debug, Default)]
struct Asides {
    /// Markdown headings ("## Developer Assigns Intellectual Property"); a heading of more than
    /// a dozen words is a clause set as one, and a table's "# | Item" column is none.
    headings: Spans,
    /// The texts of links to the draft's own parts ("under [Developer Assigns Intellectual
    /// Property](#developer-assigns)").
    links: Spans,
    /// Drafters' notes: a paragraph that opens "Drafting note:", "Note to draft:", "NTD:" and
    /// the like (in a blockquote, in brackets or in bold), to the end of its paragraph.
    notes: Spans,
}

/// The headings, links to the draft's own parts and drafters' notes of `original`.
fn asides(original: &str) -> Asides {
    const MAX_WORDS: usize = 12;
    const NOTES: [&str; 7] =
        ["drafting note", "note to draft", "note to drafter", "note for drafter", "ntd:", "guidance note", "explanatory note"];
    let mut out = Asides::default();
    let mut start = 0;
    // Where the drafter's note being read started.
    let mut note: Option<usize> = None;
    // Most drafts link to none of their parts: then no line is searched for a link.
    let links = memchr::memmem::find(original.as_bytes(), b"](#").is_some();
    for raw in original.split_inclusive('\n') {
        let at = start + raw.len() - raw.trim_start_matches([' ', '\t']).len();
        let line = raw.trim_matches([' ', '\t', '\r', '\n']);
        start += raw.len();
        let bare = line.trim_start_matches(['>', ' ', '\t', '*', '_', '[']);
        if bare.is_empty() {
            out.notes.extend(note.take().map(|from| (from, at)));
            continue;
        }
        let opening = bare.get(..20).unwrap_or(bare).to_ascii_lowercase();
        if note.is_none() && NOTES.iter().any(|n| opening.starts_with(n)) {
            note = Some(at);
        }
        if note.is_some() {
            continue;
        }
        let hashes = line.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
            if !line.contains('|') && line.split_whitespace().count() <= MAX_WORDS + 1 {
                out.headings.push((at, at + line.len()));
            }
            continue;
        }
        let mut from = 0;
        while links && let Some(k) = line[from..].find("](#") {
            let close = from + k;
            if let Some(open) = line[..close].rfind(['[', ']']).filter(|&o| line.as_bytes()[o] == b'[') {
                out.links.push((at + open, at + close + 1));
            }
            from = close + 3;
        }
    }
    out.notes.extend(note.map(|from| (from, original.len())));
    out
}

/// Whether `start..end` lies inside one of `spans` (ascending, none inside another).
pub fn within(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    let k = spans.partition_point(|&(from, _)| from <= start);
    k > 0 && end <= spans[k - 1].1
}

/// A licence granted "under the license for Licensed Deliverables in Section 6.2(a)" is on
/// that licence's terms: the attributes of the draft's licence of the term it names.
fn licences_by_reference(text: &str, terms: &Terms, provisions: &mut [Provision]) {
    const NEAR: usize = 600;
    static UNDER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"under the licen[cs]e (?:for|of|granted (?:for|in respect of)) (?:the |any |all )?([a-z][a-z -]{1,40}?)(?: in | under | pursuant |[.,;]|$)")
            .expect("static regex")
    });
    let named: Vec<(usize, Attributes)> = provisions
        .iter()
        .filter(|p| p.kind == Kind::Licence && p.standing == Standing::Operative)
        .flat_map(|p| p.terms.iter().map(|&t| (t, p.attributes)))
        .collect();
    for p in provisions.iter_mut().filter(|p| p.kind == Kind::Licence && p.standing == Standing::Operative) {
        // The reference follows what is licensed: near it, so a long sentence stays linear.
        let from = p.start.min(p.sentence.1);
        let after = &text[from..crate::text::floor_char(text, (from + NEAR).min(p.sentence.1))];
        let Some(name) = UNDER.captures(after).and_then(|c| c.get(1)) else { continue };
        let Some(t) = terms.terms.iter().position(|t| t.name == name.as_str()) else { continue };
        for (_, attributes) in named.iter().filter(|(used, _)| *used == t) {
            for a in attributes.iter() {
                p.attributes.insert(a);
            }
        }
    }
}

/// Clauses the draft takes in by citing them ("shall be in accordance with FAR 52.227-17 Rights
/// in Data -- Special Works"), read from what the lexicon says each provides, between the
/// draft's own parties, as provisions of the clause that cites them: the citation is their
/// phrase. Read once per clause, and only where both parties are known. Not read: what the
/// draft already provides in its own words (a provision of the same kind between the same
/// sides), a citation of a clause's definitions ("according to DFAR section
/// 252.227-7014(a)(1)": paragraph (a) of each defines its terms), and a citation that opens the
/// draft, which is that clause itself.
fn incorporated(lexicon: &Lexicon, text: &str, ranges: &[(usize, usize)], parties: &Parties, provisions: &mut Vec<Provision>) {
    let (Some(agency), Some(client)) = (&parties.agency, &parties.counterparty) else { return };
    let said: Vec<(Kind, Side, Side)> =
        provisions.iter().filter(|p| p.standing == Standing::Operative).map(|p| (p.kind, p.giver, p.receiver)).collect();
    let mut added = false;
    for lexicon::Incorporated { cites, reads, .. } in &lexicon.incorporated {
        let mut read_in: Option<usize> = None;
        for at in crate::text::find_all(text, cites) {
            let end = at + cites.len();
            // "52.227-17", not "252.227-17" or "52.227-170".
            let bytes = text.as_bytes();
            let part_of_another = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_digit() || *b == b'.' || *b == b'-');
            if part_of_another(at.checked_sub(1).and_then(|i| bytes.get(i)))
                || bytes.get(end).is_some_and(u8::is_ascii_digit)
                || text[end..].starts_with("(a)")
                || text[..at].trim().is_empty()
            {
                continue;
            }
            let clause = ranges.partition_point(|&(_, e)| e <= at);
            let Some(&(cs, ce)) = ranges.get(clause).filter(|&&(cs, _)| cs <= at) else { continue };
            if read_in == Some(clause) {
                continue;
            }
            read_in = Some(clause);
            let words = crate::text::Normalised::new(&reads.replace("{agency}", agency).replace("{client}", client)).text;
            let found = provisions::TriggerWords::find(lexicon, &words);
            let read = provisions::read(lexicon, &words, &[(0, words.len())], &Layout::default(), parties, &Terms::default(), &found);
            let sentence = (terms::sentence_start(text, at).max(cs), terms::sentence_end(text, at).min(ce));
            for mut p in read.into_iter().filter(|p| !said.contains(&(p.kind, p.giver, p.receiver))) {
                (p.clause, p.start, p.end, p.sentence) = (clause, at, end, sentence);
                p.terms.clear();
                p.attribute_at.clear();
                p.feature_at.clear();
                provisions.push(p);
                added = true;
            }
        }
    }
    // In the order of the clauses, each clause's own provisions first.
    if added {
        provisions.sort_by_key(|p| p.clause);
    }
}

/// What a licence's own sentence leaves unsaid, read from around it:
/// - its terms said of it afterwards, in the same clause ("The Contractor cannot take back this
///   grant, and this grant does not end when the Contract is over": irrevocable, perpetual);
/// - an object it does not name ("grants Client an irrevocable, perpetual licence pending
///   payment"): the licence is of what the draft transferred before it.
fn licences_completed(lexicon: &Lexicon, text: &str, ranges: &[(usize, usize)], provisions: &mut [Provision]) {
    const LATER: usize = 600;
    const BACK: [&str; 10] = [
        "this grant",
        "this licence",
        "this license",
        "such licence",
        "such license",
        "the licence",
        "the license",
        "this right",
        "such rights",
        "these rights",
    ];
    let mut transferred: Option<(Features, Features)> = None;
    let starts: Vec<usize> = provisions.iter().map(|p| p.start).collect();
    // Where the first licence at or after each provision starts (one pass, so a draft of many
    // licences in one sentence stays linear).
    let mut next_licence_from = vec![usize::MAX; provisions.len() + 1];
    for (k, p) in provisions.iter().enumerate().rev() {
        next_licence_from[k] = if p.kind == Kind::Licence { p.start } else { next_licence_from[k + 1] };
    }
    for p in provisions.iter_mut() {
        if p.kind == Kind::Licence {
            let clause_end = ranges[p.clause].1;
            let next_licence = next_licence_from[starts.partition_point(|&s| s < p.sentence.1)];
            let to = crate::text::floor_char(text, clause_end.min(p.sentence.1 + LATER).min(next_licence).max(p.sentence.1));
            for sentence in text[p.sentence.1..to].split(". ") {
                if BACK.iter().any(|b| sentence.contains(b)) {
                    for (attribute, _, _) in Attributes::found(lexicon, sentence) {
                        p.attributes.insert(attribute);
                    }
                }
            }
            if p.own_features == Features::default()
                && p.terms.is_empty()
                && let Some((features, own)) = transferred
            {
                p.features = features;
                p.own_features = own;
            }
        }
        if p.transfers_to_counterparty() && p.about_work() {
            transferred = Some((p.features, p.own_features));
        }
    }
}

/// What the draft itself gives the agency ("All rights relating to Supplier Data Sets will
/// accrue to the Supplier") is the agency's own wherever else it is named: handed over to the
/// counterparty, it is the agency's prior work leaving with the project.
fn agency_owned_given_away(text: &str, provisions: &mut [Provision], terms: &Terms, parties: &Parties) {
    use Feature::{Confidential, Data, Ip, Made, Methods, Models, Work};
    let things = |t: &usize| {
        let term = &terms.terms[*t];
        !parties.is_agency(&term.name)
            && !parties.is_counterparty(&term.name)
            && !term.features.has(Confidential)
            && [Ip, Work, Made, Methods, Models, Data].iter().any(|&f| term.features.has(f))
    };
    let owned: Vec<usize> = provisions
        .iter()
        .filter(|p| matches!(p.kind, Kind::Ownership | Kind::Retention) && p.standing == Standing::Operative && p.receiver == Side::Agency)
        // "EFS may use and exchange User Data": a right to use is not ownership.
        .filter(|p| {
            !["may ", "is free", "are free", "shall be free", "will be free", "remains free", "shall remain free"]
                .iter()
                .any(|w| text[p.start..].starts_with(w))
        })
        .flat_map(|p| p.terms.iter().copied().filter(things))
        .collect();
    for p in provisions.iter_mut() {
        let given = p.kind == Kind::Delivery
            && p.giver == Side::Agency
            && p.receiver == Side::Counterparty
            && !p.counterparty_owned
            && !p.features.has(Confidential);
        if given && p.standing == Standing::Operative && p.terms.iter().any(|t| owned.contains(t)) {
            p.features.insert(Feature::Prior);
        }
    }
}

/// "Provider hereby assigns ... any invention, technique or know-how. (b) Provider shall
/// disclose any such invention ... to Recipient": a hand-over of "such" things, just after a
/// transfer of them, hands over what is the counterparty's already. The transfer is the point.
fn handovers_of_what_passed(text: &str, provisions: &mut [Provision]) {
    const NEAR: usize = 2;
    let mut last_transfer: Option<(usize, Features)> = None;
    for p in provisions.iter_mut() {
        if p.transfers_to_counterparty() {
            last_transfer = Some((p.clause, p.features));
            continue;
        }
        let Some((clause, passed)) = last_transfer else { continue };
        let anaphoric = || text[p.start..p.end].split_whitespace().take(6).any(|w| w == "such");
        if p.kind == Kind::Delivery && p.clause <= clause + NEAR && !p.features.iter().any(|f| !passed.has(f)) && anaphoric() {
            p.counterparty_owned = true;
        }
    }
}

/// Whether the draft gives its services for nothing: "The Services under this Contract are
/// provided at no charge", "No Charges are payable" (not "spare parts are supplied free of
/// charge", which gives one thing, not the services).
fn free_of_charge(lexicon: &Lexicon, text: &str) -> bool {
    const WHAT: [&str; 9] = ["services", "work", "poc", "pilot", "trial", "proof of concept", "deliverables", "contract", "agreement"];
    lexicon.free_of_charge.find_iter(text).take(50).any(|m| {
        let before = &text[crate::text::ceil_char(text, m.start().saturating_sub(80))..m.start()];
        let subject = before.rsplit(['.', ';']).next().unwrap_or_default();
        text[m.start()..].starts_with("no ") || WHAT.iter().any(|w| subject.contains(w))
    })
}

/// "The Consultant hereby assigns ... all Intellectual Property Rights in the Deliverables.
/// Such assignment shall take effect only upon payment of the Fees in full and shall not extend
/// to the Consultant's Background IP": the sentence after a transfer, speaking of it, makes it
/// wait for payment and carves out what it says. The transfers so made to wait.
fn qualified_next(lexicon: &Lexicon, text: &str, ranges: &[(usize, usize)], provisions: &mut [Provision]) -> Vec<usize> {
    const OPENS: [&str; 9] = [
        "such assignment",
        "the assignment",
        "this assignment",
        "such transfer",
        "the transfer",
        "this transfer",
        "such vesting",
        "the vesting",
        "such ownership",
    ];
    let mut waiting = Vec::new();
    for p in provisions.iter_mut().filter(|p| p.kind.transfers()) {
        let Some(&(_, ce)) = ranges.get(p.clause) else { continue };
        let after = text[p.sentence.1.min(ce)..ce].trim_start_matches(['.', ' ', '\n']);
        let next = &after[..after.find(". ").map_or(after.len(), |i| i + 1)];
        if !OPENS.iter().any(|o| next.starts_with(o)) {
            continue;
        }
        if !matches!(p.timing, Timing::Elsewhere | Timing::OnTermination) && provisions::paid(lexicon, next) {
            p.timing = Timing::OnPayment;
            waiting.push(p.start);
        }
        let prior = provisions::names_agency_prior(lexicon, next);
        if prior
            && [" not extend to", " not include", " not apply to", " exclude", " excluding", " except"].iter().any(|w| next.contains(w))
        {
            p.carve_out = true;
            p.excepted = true;
        }
    }
    waiting
}

/// "This Deed shall take effect only upon the Assignor's receipt in cleared funds of all
/// Charges then due": an instrument of transfer that takes effect on payment transfers nothing
/// before it, whatever its operative words say ("the Assignor assigns"). Only a deed, an
/// assignment or an instrument: an agreement taking effect on a payment (a deposit) still has
/// its transfers' own timing. Returns where the transfers start.
fn instrument_paid(lexicon: &Lexicon, text: &str, provisions: &mut [Provision]) -> Vec<usize> {
    const TAKES_EFFECT: &str = " shall take effect";
    // One pass for the verb; the instrument named before it is checked where it is found.
    let paid = text.match_indices(TAKES_EFFECT).any(|(at, _)| {
        let named = ["this deed", "this assignment", "this instrument"].iter().any(|w| text[..at].ends_with(w));
        let end = crate::text::floor_char(text, (at + TAKES_EFFECT.len() + 120).min(text.len()));
        let rest = &text[at + TAKES_EFFECT.len()..end];
        named && provisions::paid(lexicon, &rest[..rest.find(['.', ';']).unwrap_or(rest.len())])
    });
    let mut waiting = Vec::new();
    for p in provisions.iter_mut().filter(|p| paid && p.kind.transfers() && matches!(p.timing, Timing::OnCreation | Timing::Unstated)) {
        p.timing = Timing::OnPayment;
        waiting.push(p.start);
    }
    waiting
}

/// "Notwithstanding anything contained in Clause 8, the right, title and interest in each
/// Deliverable shall pass to the Company only upon receipt ... of the full payment": the
/// transfers of the clause it names wait for payment too, whatever their own words say ("from
/// the moment of their creation").
/// Returns where those transfers start.
fn paid_notwithstanding(text: &str, ranges: &[(usize, usize)], provisions: &mut [Provision]) -> Vec<usize> {
    static NAMED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"notwithstanding (?:anything|any other provision)(?: contained| to the contrary| set out| stated)? in (?:clause|section|article) ([0-9]+(?:\.[0-9]+)*)")
            .expect("static regex")
    });
    let numbers: Vec<String> = provisions
        .iter()
        .filter(|p| p.kind.transfers() && p.timing == Timing::OnPayment)
        .filter_map(|p| {
            let sentence = &text[p.sentence.0..p.sentence.1];
            NAMED.captures(&sentence[..crate::text::floor_char(sentence, sentence.len().min(200))]).map(|c| c[1].to_owned())
        })
        .collect();
    let mut overridden = Vec::new();
    if numbers.is_empty() {
        return overridden;
    }
    let numbered = |clause: usize, n: &str| {
        let Some(&(cs, ce)) = ranges.get(clause) else { return false };
        let head = text[cs..ce].trim_start();
        head.strip_prefix(n).is_some_and(|rest| rest.starts_with('.') || rest.starts_with(' '))
    };
    for p in provisions.iter_mut() {
        if p.kind.transfers() && matches!(p.timing, Timing::OnCreation | Timing::Unstated) && numbers.iter().any(|n| numbered(p.clause, n))
        {
            p.timing = Timing::OnPayment;
            overridden.push(p.start);
        }
    }
    overridden
}

#[cfg(test)]
mod tests;

/// Whose things `object` improves, when it is nothing but improvements of one party's things:
/// "any derivative works the Consultant makes out of Customer Materials" gives "customer",
/// "improvements to the Client's systems" "client".
pub(crate) fn improved_owner(object: &str) -> Option<&str> {
    let at = IMPROVED.on(object).find(object)?;
    object[at.end()..].split([' ', '\'', '\u{2019}']).next()
}
