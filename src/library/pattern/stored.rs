//! A parsed pattern as bytes. The build script stores the parse of each embedded pattern it
//! leaves to run time (`build.rs`), so a fresh process builds it from these bytes instead of
//! parsing it again: a long gap pattern or word list took the parser most of a million
//! instructions. The build script reads this file too; it depends on `regex-syntax` and `std`.

use regex_syntax::hir::{Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look, Repetition};

/// `hir` as bytes that [`read`] builds it again from.
#[cfg_attr(not(test), allow(dead_code, reason = "the build script writes, the analysis reads"))]
pub fn write(hir: &Hir, out: &mut Vec<u8>) {
    let number = |out: &mut Vec<u8>, n: usize| out.extend_from_slice(&(n as u32).to_le_bytes());
    match hir.kind() {
        HirKind::Empty => out.push(0),
        HirKind::Literal(literal) => {
            out.push(1);
            number(out, literal.0.len());
            out.extend_from_slice(&literal.0);
        }
        HirKind::Class(Class::Unicode(class)) => {
            out.push(2);
            number(out, class.ranges().len());
            for r in class.ranges() {
                number(out, r.start() as usize);
                number(out, r.end() as usize);
            }
        }
        HirKind::Class(Class::Bytes(class)) => {
            out.push(3);
            number(out, class.ranges().len());
            for r in class.ranges() {
                out.extend_from_slice(&[r.start(), r.end()]);
            }
        }
        HirKind::Look(look) => {
            out.push(4);
            number(out, look.as_repr() as usize);
        }
        HirKind::Repetition(r) => {
            out.push(5);
            number(out, r.min as usize);
            number(out, r.max.map_or(u32::MAX as usize, |m| m as usize));
            out.push(u8::from(r.greedy));
            write(&r.sub, out);
        }
        HirKind::Capture(c) => {
            out.push(6);
            number(out, c.index as usize);
            let name = c.name.as_deref().unwrap_or_default();
            out.push(u8::from(c.name.is_some()));
            number(out, name.len());
            out.extend_from_slice(name.as_bytes());
            write(&c.sub, out);
        }
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            out.push(if matches!(hir.kind(), HirKind::Concat(_)) { 7 } else { 8 });
            number(out, subs.len());
            for sub in subs {
                write(sub, out);
            }
        }
    }
}

/// The pattern [`write`] wrote into `bytes`; `None` if they are not such.
pub fn read(bytes: &[u8]) -> Option<Hir> {
    let mut reader = Reader { bytes };
    let hir = reader.hir()?;
    reader.bytes.is_empty().then_some(hir)
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let (taken, rest) = self.bytes.split_at_checked(n)?;
        self.bytes = rest;
        Some(taken)
    }

    fn byte(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }

    fn number(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn hir(&mut self) -> Option<Hir> {
        Some(match self.byte()? {
            0 => Hir::empty(),
            1 => {
                let n = self.number()? as usize;
                Hir::literal(self.take(n)?)
            }
            2 => {
                let n = self.number()?;
                let ranges = (0..n).map(|_| Some(ClassUnicodeRange::new(char::from_u32(self.number()?)?, char::from_u32(self.number()?)?)));
                Hir::class(Class::Unicode(ClassUnicode::new(ranges.collect::<Option<Vec<_>>>()?)))
            }
            3 => {
                let n = self.number()?;
                let ranges = (0..n).map(|_| Some(ClassBytesRange::new(self.byte()?, self.byte()?)));
                Hir::class(Class::Bytes(ClassBytes::new(ranges.collect::<Option<Vec<_>>>()?)))
            }
            4 => Hir::look(Look::from_repr(self.number()?)?),
            5 => {
                let (min, max, greedy) = (self.number()?, self.number()?, self.byte()? == 1);
                let max = (max != u32::MAX).then_some(max);
                Hir::repetition(Repetition { min, max, greedy, sub: Box::new(self.hir()?) })
            }
            6 => {
                let (index, named) = (self.number()?, self.byte()? == 1);
                let n = self.number()? as usize;
                let name = std::str::from_utf8(self.take(n)?).ok()?;
                let name = named.then(|| name.into());
                Hir::capture(Capture { index, name, sub: Box::new(self.hir()?) })
            }
            kind @ (7 | 8) => {
                let n = self.number()?;
                let subs = (0..n).map(|_| self.hir()).collect::<Option<Vec<_>>>()?;
                if kind == 7 { Hir::concat(subs) } else { Hir::alternation(subs) }
            }
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::pattern::syntax;

    #[test]
    fn a_parse_reads_back_as_it_was() {
        for regex in [r"(?-u:\b)(?:assign~[ -]*[^.;]{0,120}?(?P<who>all|any)|\s+\w{2,}|x{3}|a*?|(b)|$|é)", r"(?i)Title|^", ""] {
            let hir = syntax::parse(&syntax::expand(regex), syntax::PATTERN_NEST).expect("parses");
            let mut bytes = Vec::new();
            write(&hir, &mut bytes);
            assert_eq!(read(&bytes), Some(hir));
            assert_eq!(read(&bytes[..bytes.len() - 1]), None);
        }
    }
}
