//! Folded forms of regular expressions, for text that is not all ASCII. A pattern searched in
//! its ASCII form (`ascii`) meets a character that is not ASCII now and then ("—", "é"); the
//! pattern itself, compiled for it, costs millions of instructions (its Unicode classes, such as
//! `[^.;]`, as automata over every UTF-8 sequence, once for each time they are repeated). Most
//! patterns tell such characters apart only coarsely: `[^.;]` takes all of them, `[a-z]` none,
//! `[a-z'’]` one. The characters above ASCII fall into a few runs that every class takes whole or
//! not at all (and each one a literal names, a run of its own); each run is given one byte above
//! ASCII, and the pattern is rewritten over those bytes. A text read a character at a time, each
//! character above ASCII as its run's byte, matches the folded form exactly where it matches the
//! pattern: a class takes a character where it takes the character's run, a literal's character
//! is its own run, and an ASCII word boundary sees neither a character above ASCII nor a byte
//! above ASCII as part of a word.

use regex_syntax::hir::{Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, Hir, HirKind, Repetition};

/// The first character above ASCII, and the one past the last.
const ABOVE_ASCII: u32 = 0x80;
const PAST_LAST: u32 = 0x11_0000;

/// How the characters above ASCII fall into runs, each read as one byte above ASCII.
#[derive(Debug)]
pub struct Fold {
    /// The first character of each run, ascending; the first is U+0080.
    starts: Vec<u32>,
}

impl Fold {
    /// The runs `hir` tells apart; `None` if it cannot be folded.
    fn of(hir: &Hir) -> Option<Fold> {
        let mut starts = vec![ABOVE_ASCII];
        bounds(hir, &mut starts)?;
        starts.sort_unstable();
        starts.dedup();
        starts.retain(|&s| s < PAST_LAST);
        (starts.len() <= 128).then_some(Fold { starts })
    }

    /// The byte `c` (not ASCII) is read as.
    pub fn byte(&self, c: char) -> u8 {
        let run = self.starts.partition_point(|&start| start <= u32::from(c)) - 1;
        // At most 128 runs (`folded`).
        0x80 + run as u8
    }
}

/// `hir` folded, with its fold; `None` if it cannot be (a byte class or literal above ASCII, a
/// Unicode word boundary, or more than 128 runs).
pub fn folded(hir: &Hir) -> Option<(Hir, Fold)> {
    let fold = Fold::of(hir)?;
    let folded = fold.hir(hir)?;
    Some((folded, fold))
}

/// For a pattern's ASCII form, the ASCII byte that stands for each run of characters above
/// ASCII, where one does: a byte no literal of the pattern holds, no byte class, not a word's,
/// not a line's end, and in just those of its classes that hold the run. Read in the run's
/// place, it takes the ASCII form through the states the folded form's byte for the run would
/// take the folded form through, so the ASCII form, already compiled, reads most text that is
/// not ASCII. A run that is a literal's character has no such byte.
#[derive(Debug)]
pub struct Stand {
    fold: Fold,
    bytes: Vec<Option<u8>>,
}

impl Stand {
    /// `None` if `hir` cannot be folded or no run has a byte to stand for it.
    pub fn of(hir: &Hir) -> Option<Stand> {
        let fold = Fold::of(hir)?;
        let mut parts = Parts { classes: Vec::new(), taken: [false; 128], literal: Vec::new() };
        parts.gather(hir);
        let holds = |class: &ClassUnicode, start: u32, end: u32| {
            class.ranges().iter().any(|r| u32::from(r.start()) < end && u32::from(r.end()) >= start)
        };
        let free =
            (0u8..0x80).filter(|&b| !parts.taken[usize::from(b)] && !b.is_ascii_alphanumeric() && ![b'_', b'\n', b'\r'].contains(&b));
        let free: Vec<(u8, Vec<bool>)> =
            free.map(|b| (b, parts.classes.iter().map(|c| holds(c, u32::from(b), u32::from(b) + 1)).collect())).collect();
        let ends = fold.starts.iter().skip(1).copied().chain([PAST_LAST]);
        let bytes: Vec<Option<u8>> = fold
            .starts
            .iter()
            .zip(ends)
            .map(|(&start, end)| {
                if parts.literal.iter().any(|&c| (start..end).contains(&u32::from(c))) {
                    return None;
                }
                let run: Vec<bool> = parts.classes.iter().map(|c| holds(c, start, end)).collect();
                free.iter().find(|(_, classes)| *classes == run).map(|(b, _)| *b)
            })
            .collect();
        bytes.iter().any(Option::is_some).then_some(Stand { fold, bytes })
    }

    /// The ASCII byte that stands for `c` (above ASCII), if one does.
    pub fn byte(&self, c: char) -> Option<u8> {
        self.bytes[usize::from(self.fold.byte(c) - 0x80)]
    }
}

/// What a pattern's bytes above ASCII are read against: its Unicode classes, the ASCII bytes
/// its literals and byte classes take, and its literals' characters above ASCII.
struct Parts<'h> {
    classes: Vec<&'h ClassUnicode>,
    taken: [bool; 128],
    literal: Vec<char>,
}

impl<'h> Parts<'h> {
    fn gather(&mut self, hir: &'h Hir) {
        match hir.kind() {
            HirKind::Empty | HirKind::Look(_) => {}
            HirKind::Literal(literal) => {
                for &b in literal.0.iter().filter(|b| b.is_ascii()) {
                    self.taken[usize::from(b)] = true;
                }
                // Folded: its bytes are UTF-8.
                self.literal.extend(String::from_utf8_lossy(&literal.0).chars().filter(|c| !c.is_ascii()));
            }
            HirKind::Class(Class::Unicode(class)) => self.classes.push(class),
            HirKind::Class(Class::Bytes(class)) => {
                for range in class.ranges() {
                    for b in range.start()..=range.end().min(0x7f) {
                        self.taken[usize::from(b)] = true;
                    }
                }
            }
            HirKind::Repetition(r) => self.gather(&r.sub),
            HirKind::Capture(c) => self.gather(&c.sub),
            HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().for_each(|sub| self.gather(sub)),
        }
    }
}

/// Adds where the runs `hir` tells apart begin; `None` if it cannot be folded.
fn bounds(hir: &Hir, starts: &mut Vec<u32>) -> Option<()> {
    match hir.kind() {
        HirKind::Empty => {}
        HirKind::Literal(literal) => {
            for c in std::str::from_utf8(&literal.0).ok()?.chars().filter(|c| !c.is_ascii()) {
                starts.extend([u32::from(c), u32::from(c) + 1]);
            }
        }
        HirKind::Class(Class::Unicode(class)) => {
            for range in class.ranges().iter().filter(|r| u32::from(r.end()) >= ABOVE_ASCII) {
                starts.extend([u32::from(range.start()).max(ABOVE_ASCII), u32::from(range.end()) + 1]);
            }
        }
        HirKind::Class(Class::Bytes(class)) => {
            if class.ranges().last().is_some_and(|r| !r.end().is_ascii()) {
                return None;
            }
        }
        HirKind::Look(look) => {
            if super::ascii::ascii_look(*look) != *look {
                return None;
            }
        }
        HirKind::Repetition(r) => bounds(&r.sub, starts)?,
        HirKind::Capture(c) => bounds(&c.sub, starts)?,
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().try_for_each(|sub| bounds(sub, starts))?,
    }
    Some(())
}

impl Fold {
    fn hir(&self, hir: &Hir) -> Option<Hir> {
        Some(match hir.kind() {
            HirKind::Empty => Hir::empty(),
            HirKind::Literal(literal) => {
                let text = std::str::from_utf8(&literal.0).ok()?;
                Hir::literal(text.chars().map(|c| if c.is_ascii() { c as u8 } else { self.byte(c) }).collect::<Vec<u8>>())
            }
            HirKind::Class(Class::Unicode(class)) => {
                let ascii = class.ranges().iter().filter(|r| r.start().is_ascii()).map(|r| {
                    // Both ends fit a byte: the start is ASCII, the end is cut to ASCII.
                    ClassBytesRange::new(r.start() as u8, u32::from(r.end()).min(0x7f) as u8)
                });
                let ends = self.starts.iter().skip(1).copied().chain([PAST_LAST]);
                let runs = self.starts.iter().zip(ends).enumerate().filter(|(_, (start, end))| {
                    // A run is in the class whole or not at all: in it if they overlap.
                    class.ranges().iter().any(|r| u32::from(r.start()) < *end && u32::from(r.end()) >= **start)
                });
                let runs = runs.map(|(i, _)| ClassBytesRange::new(0x80 + i as u8, 0x80 + i as u8));
                Hir::class(Class::Bytes(ClassBytes::new(ascii.chain(runs))))
            }
            HirKind::Class(Class::Bytes(_)) | HirKind::Look(_) => hir.clone(),
            HirKind::Repetition(r) => {
                Hir::repetition(Repetition { min: r.min, max: r.max, greedy: r.greedy, sub: Box::new(self.hir(&r.sub)?) })
            }
            HirKind::Capture(c) => Hir::capture(Capture { index: c.index, name: c.name.clone(), sub: Box::new(self.hir(&c.sub)?) }),
            HirKind::Concat(subs) => Hir::concat(subs.iter().map(|sub| self.hir(sub)).collect::<Option<_>>()?),
            HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(|sub| self.hir(sub)).collect::<Option<_>>()?),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_runs_are_those_the_classes_and_literals_tell_apart() {
        let hir = regex_syntax::parse(r"(?-u:\b)[a-z'’ ]{0,3}[^.;]x’é").expect("valid");
        let (form, fold) = folded(&hir).expect("folds");
        // Below ’, ’, between ’ and é... : é is a run of its own, as is ’.
        assert_eq!(fold.byte('\u{e0}'), 0x80);
        assert_eq!(fold.byte('é'), 0x81);
        assert_eq!(fold.byte('\u{ea}'), 0x82);
        assert_eq!(fold.byte('—'), 0x82);
        assert_eq!(fold.byte('’'), 0x83);
        assert_eq!(fold.byte('\u{1f600}'), 0x84);
        assert!(!form.properties().is_utf8(), "its bytes above ASCII stand for runs");
        assert!(folded(&regex_syntax::parse(r"\bx").expect("valid")).is_none(), "a Unicode word boundary");
        let bytes = regex_syntax::ParserBuilder::new().utf8(false).build().parse(r"(?-u:[\x00-\xff])").expect("valid");
        assert!(folded(&bytes).is_none(), "bytes above ASCII");
    }

    #[test]
    fn a_byte_stands_for_each_run_but_a_literals_character() {
        let hir = regex_syntax::parse(r"(?-u:\b)[a-z'’ ]{0,3}[^.;\x01]x’é").expect("valid");
        let stand = Stand::of(&hir).expect("a byte stands for some");
        assert_eq!(stand.byte('é'), None, "a literal's");
        assert_eq!(stand.byte('’'), None, "a literal's, and in [a-z'’ ] as no free byte is");
        let other = stand.byte('—').expect("in [^.;\x01] alone");
        assert!(other != 1 && !other.is_ascii_alphanumeric(), "{other}");
        assert_eq!(stand.byte('\u{e0}'), Some(other));
        let stand = Stand::of(&regex_syntax::parse(r"(?-u:\b)[a-zé]{0,3}x").expect("valid")).expect("a byte stands for some");
        assert_eq!(stand.byte('é'), None, "no byte is in [a-z] and not a word's");
        assert!(stand.byte('ü').is_some());
    }
}
