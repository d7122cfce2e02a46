//! List numbering: the labels Word displays before numbered paragraphs ("1.2", "(a)", "iv."),
//! computed from numbering.xml the way Word counts. The segmenter finds clauses by these
//! numbers, and they are not in the document text at all.
//!
//! Counters belong to the abstract definition, not to the numbering instance: two `w:num`s over
//! the same `w:abstractNum` continue one sequence, and an instance restarts it only through a
//! level override (`w:lvlOverride`, usually with `w:startOverride`), the first time the instance
//! is used. That is how Word's "Restart at 1" and "Continue numbering" are written.

use std::collections::{HashMap, HashSet};

use super::DocxError;
use super::body::NumPr;
use super::styles::Styles;
use super::xml::{Node, Tag, Walker};

const LEVELS: usize = 9;
/// Hops through numbering styles (`w:numStyleLink`) before a definition counts as broken.
const MAX_LINKS: usize = 4;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Format {
    #[default]
    Decimal,
    DecimalZero,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    Ordinal,
    Bullet,
    Nothing,
}

impl Format {
    /// Formats this reader does not spell out (Chinese counting, cardinal text, ...) fall back
    /// to decimal, which still gives the segmenter a number.
    fn parse(name: &str) -> Format {
        match name {
            "decimalZero" => Format::DecimalZero,
            "lowerLetter" => Format::LowerLetter,
            "upperLetter" => Format::UpperLetter,
            "lowerRoman" => Format::LowerRoman,
            "upperRoman" => Format::UpperRoman,
            "ordinal" => Format::Ordinal,
            "bullet" => Format::Bullet,
            "none" => Format::Nothing,
            _ => Format::Decimal,
        }
    }
}

#[derive(Debug, Clone, Default)]
struct Level {
    start: i64,
    format: Format,
    text: Option<String>,
    /// `w:lvlRestart`: restart only after this (1-based) level or a higher one; 0 never.
    restart: Option<i64>,
    legal: bool,
    style: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Abstract {
    levels: [Option<Level>; LEVELS],
    num_style_link: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Override {
    start: Option<i64>,
    level: Option<Level>,
}

#[derive(Debug, Clone, Default)]
struct Instance {
    abstract_id: i64,
    overrides: [Option<Override>; LEVELS],
}

/// The numbering definitions of a document (`word/numbering.xml`).
#[derive(Debug, Clone, Default)]
pub(super) struct Definitions {
    abstracts: HashMap<i64, Abstract>,
    instances: HashMap<i64, Instance>,
}

impl Definitions {
    pub(super) fn parse(part: &str, xml: &str) -> Result<Definitions, DocxError> {
        let mut walker = Walker::new(part, xml);
        let mut definitions = Definitions::default();
        let mut abstract_: Option<(i64, Abstract)> = None;
        let mut instance: Option<(i64, Instance)> = None;
        let mut override_: Option<(usize, Override)> = None;
        let mut level: Option<(usize, Level)> = None;
        while let Some(node) = walker.next()? {
            match node {
                Node::Open(tag, start) => {
                    let path = walker.path();
                    let parent = path.len().checked_sub(2).map(|i| path[i]);
                    let id = |name: &str| -> Result<Option<i64>, DocxError> {
                        Ok(walker.attr(&start, name)?.and_then(|v| v.trim().parse().ok()))
                    };
                    let index = |name: &str| -> Result<Option<usize>, DocxError> {
                        Ok(id(name)?.and_then(|v| usize::try_from(v).ok()).filter(|&i| i < LEVELS))
                    };
                    match (parent, tag) {
                        (Some(Tag::Numbering), Tag::AbstractNum) => abstract_ = id("abstractNumId")?.map(|id| (id, Abstract::default())),
                        (Some(Tag::Numbering), Tag::Num) => instance = id("numId")?.map(|id| (id, Instance::default())),
                        (Some(Tag::AbstractNum), Tag::NumStyleLink) => {
                            if let Some((_, abstract_)) = &mut abstract_ {
                                abstract_.num_style_link = walker.attr(&start, "val")?;
                            }
                        }
                        (Some(Tag::Num), Tag::AbstractNumId) => {
                            if let Some((_, instance)) = &mut instance {
                                instance.abstract_id = walker.int_val(&start)?.unwrap_or(-1);
                            }
                        }
                        (Some(Tag::Num), Tag::LvlOverride) => override_ = index("ilvl")?.map(|i| (i, Override::default())),
                        (Some(Tag::LvlOverride), Tag::StartOverride) => {
                            if let Some((_, override_)) = &mut override_ {
                                override_.start = walker.int_val(&start)?;
                            }
                        }
                        (Some(Tag::AbstractNum | Tag::LvlOverride), Tag::Lvl) => level = index("ilvl")?.map(|i| (i, Level::default())),
                        (Some(Tag::Lvl), _) => {
                            let Some((_, level)) = &mut level else { continue };
                            match tag {
                                Tag::Start => level.start = walker.int_val(&start)?.unwrap_or(0),
                                Tag::NumFmt => level.format = walker.attr(&start, "val")?.map_or(Format::Decimal, |f| Format::parse(&f)),
                                Tag::LvlText => level.text = walker.attr(&start, "val")?,
                                Tag::LvlRestart => level.restart = walker.int_val(&start)?,
                                Tag::IsLgl => level.legal = walker.on_off(&start)?,
                                Tag::PStyle => level.style = walker.attr(&start, "val")?,
                                _ => {}
                            }
                        }
                        _ => {}
                    }
                }
                Node::Close(Tag::Lvl) => match (level.take(), &mut override_, &mut abstract_) {
                    (Some((_, level)), Some((_, override_)), _) => override_.level = Some(level),
                    (Some((i, level)), None, Some((_, abstract_))) => abstract_.levels[i] = Some(level),
                    _ => {}
                },
                Node::Close(Tag::LvlOverride) => {
                    if let (Some((i, override_)), Some((_, instance))) = (override_.take(), &mut instance) {
                        instance.overrides[i] = Some(override_);
                    }
                }
                Node::Close(Tag::AbstractNum) => {
                    if let Some((id, abstract_)) = abstract_.take() {
                        definitions.abstracts.entry(id).or_insert(abstract_);
                    }
                }
                Node::Close(Tag::Num) => {
                    if let Some((id, instance)) = instance.take() {
                        definitions.instances.entry(id).or_insert(instance);
                    }
                }
                Node::Close(_) | Node::Text(_) => {}
            }
        }
        Ok(definitions)
    }

    /// The abstract definition behind an instance, through numbering-style links.
    fn resolve(&self, num_id: i64, styles: &Styles) -> Option<(i64, &Abstract)> {
        let mut abstract_id = self.instances.get(&num_id)?.abstract_id;
        for _ in 0..MAX_LINKS {
            let abstract_ = self.abstracts.get(&abstract_id)?;
            let Some(link) = &abstract_.num_style_link else { return Some((abstract_id, abstract_)) };
            let linked = styles.numbering(link)?.num_id;
            abstract_id = self.instances.get(&linked)?.abstract_id;
        }
        None
    }
}

/// Hands out list labels paragraph by paragraph, in document order.
pub(super) struct Labeller<'d> {
    definitions: &'d Definitions,
    styles: &'d Styles,
    /// Last value shown at each level, per abstract definition; `None` until used or after a reset.
    counters: HashMap<i64, [Option<i64>; LEVELS]>,
    used: HashSet<i64>,
}

impl<'d> Labeller<'d> {
    pub(super) fn new(definitions: &'d Definitions, styles: &'d Styles) -> Self {
        Labeller { definitions, styles, counters: HashMap::new(), used: HashSet::new() }
    }

    /// The label for the next paragraph with this style and direct numbering, advancing the
    /// counters even when the label is a bullet or the paragraph turns out empty (Word counts
    /// those paragraphs too).
    pub(super) fn label(&mut self, style: Option<&str>, direct: NumPr) -> Option<String> {
        let (definitions, styles) = (self.definitions, self.styles);
        let style = style.or(styles.default_paragraph());
        let from_style = style.and_then(|s| styles.numbering(s));
        let num_id = direct.num_id.or(from_style.map(|n| n.num_id)).filter(|&id| id > 0)?;
        let instance = definitions.instances.get(&num_id)?;
        let (abstract_id, abstract_) = definitions.resolve(num_id, styles)?;
        let linked_level = || {
            let linked = |name: &str| abstract_.levels.iter().position(|l| l.as_ref().and_then(|l| l.style.as_deref()) == Some(name));
            style.and_then(linked).or_else(|| from_style.and_then(|n| linked(n.carrier)))
        };
        let ilvl = match direct.ilvl.or(from_style.and_then(|n| n.ilvl)) {
            Some(ilvl) => usize::try_from(ilvl).ok().filter(|&l| l < LEVELS)?,
            None => linked_level().unwrap_or(0),
        };
        let level_of = |l: usize| instance.overrides[l].as_ref().and_then(|o| o.level.as_ref()).or(abstract_.levels[l].as_ref());
        let start_of =
            |l: usize| instance.overrides[l].as_ref().and_then(|o| o.start).or_else(|| level_of(l).map(|d| d.start)).unwrap_or(0).max(0);

        let counters = self.counters.entry(abstract_id).or_insert([None; LEVELS]);
        if self.used.insert(num_id) {
            for (counter, override_) in counters.iter_mut().zip(&instance.overrides) {
                if override_.is_some() {
                    *counter = None;
                }
            }
        }
        counters[ilvl] = Some(counters[ilvl].map_or_else(|| start_of(ilvl), |v| v.saturating_add(1)));
        for (deeper, counter) in counters.iter_mut().enumerate().skip(ilvl + 1) {
            let resets = match level_of(deeper).and_then(|d| d.restart) {
                None => true,
                Some(after) => usize::try_from(after).is_ok_and(|after| after > 0 && ilvl < after),
            };
            if resets {
                *counter = None;
            }
        }

        let level = level_of(ilvl)?;
        if level.format == Format::Bullet {
            return None;
        }
        let mut label = String::new();
        let mut chars = level.text.as_deref()?.chars().peekable();
        while let Some(c) = chars.next() {
            let placeholder = chars.peek().and_then(|d| d.to_digit(10)).filter(|d| (1..=9).contains(d));
            match placeholder {
                Some(digit) if c == '%' => {
                    chars.next();
                    let l = digit as usize - 1;
                    let value = counters[l].unwrap_or_else(|| start_of(l));
                    let format = if level.legal { Format::Decimal } else { level_of(l).map_or(Format::Decimal, |d| d.format) };
                    label.push_str(&format_number(value, format));
                }
                _ => label.push(c),
            }
        }
        let label = label.trim();
        (!label.is_empty()).then(|| label.to_owned())
    }
}

fn format_number(n: i64, format: Format) -> String {
    match format {
        Format::DecimalZero if (0..10).contains(&n) => format!("0{n}"),
        Format::Decimal | Format::DecimalZero => n.to_string(),
        Format::LowerLetter | Format::UpperLetter => letters(n, format == Format::UpperLetter).unwrap_or_else(|| n.to_string()),
        Format::LowerRoman | Format::UpperRoman => roman(n, format == Format::UpperRoman).unwrap_or_else(|| n.to_string()),
        Format::Ordinal => {
            let suffix = match (n % 10, n % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{n}{suffix}")
        }
        Format::Bullet | Format::Nothing => String::new(),
    }
}

/// Word's letter numbering: a..z, then aa..zz, aaa..zzz (the letter repeated, not base 26).
fn letters(n: i64, upper: bool) -> Option<String> {
    if n < 1 {
        return None;
    }
    let repeat = usize::try_from((n - 1) / 26 + 1).ok().filter(|&r| r <= 8)?;
    let letter = char::from(if upper { b'A' } else { b'a' } + ((n - 1) % 26) as u8);
    Some(std::iter::repeat_n(letter, repeat).collect())
}

fn roman(n: i64, upper: bool) -> Option<String> {
    const NUMERALS: [(i64, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    if !(1..4000).contains(&n) {
        return None;
    }
    let mut rest = n;
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while rest >= value {
            out.push_str(numeral);
            rest -= value;
        }
    }
    Some(if upper { out.to_ascii_uppercase() } else { out })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_spelled_as_word_spells_them() {
        assert_eq!(format_number(3, Format::LowerLetter), "c");
        assert_eq!(format_number(27, Format::LowerLetter), "aa");
        assert_eq!(format_number(28, Format::UpperLetter), "BB");
        assert_eq!(format_number(54, Format::UpperLetter), "BBB");
        assert_eq!(format_number(0, Format::LowerLetter), "0");
        assert_eq!(format_number(4, Format::LowerRoman), "iv");
        assert_eq!(format_number(1994, Format::UpperRoman), "MCMXCIV");
        assert_eq!(format_number(5000, Format::UpperRoman), "5000");
        assert_eq!(format_number(7, Format::DecimalZero), "07");
        assert_eq!(format_number(12, Format::Ordinal), "12th");
        assert_eq!(format_number(22, Format::Ordinal), "22nd");
        assert_eq!(format_number(i64::MAX, Format::LowerLetter), i64::MAX.to_string());
    }
}
