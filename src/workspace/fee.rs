//! Reading the project fee and an uplift percentage as people type them mid-call. The money
//! itself (the 20-40% band, the uplift, formatting) is `crate::fee`.

pub use crate::fee::format_percent;
use crate::session::Fee;

/// Fees above this are taken to be a typing slip rather than a project.
const MAX_FEE: f64 = 1e12;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeeError {
    #[error("no amount given; type the project fee, e.g. 120000 or $120k or 95,000 EUR")]
    Empty,
    #[error("cannot read {0:?} as an amount; type digits, e.g. 120000 or $120k or 95,000 EUR")]
    NotANumber(String),
    #[error(
        "{input:?} could be read two ways in {currency}: type {grouped} if \"{sep}\" separates thousands, or {decimal} if it marks decimals"
    )]
    Ambiguous { input: String, currency: String, sep: char, grouped: String, decimal: String },
    #[error("{0:?} is not a fee: it must be more than zero and under a trillion")]
    OutOfRange(String),
    #[error("cannot read {0:?} as a percentage; type a number such as 25 or 27.5")]
    BadPercent(String),
    #[error("{0:?}% is not a sensible uplift: give a percentage above 0 and at most 1000")]
    PercentOutOfRange(String),
}

/// A fee as read, and how its separators were read when that is worth checking (`95.000 EUR`
/// is €95,000: "." read as the thousands separator).
#[derive(Debug, Clone, PartialEq)]
pub struct ReadFee {
    pub fee: Fee,
    pub note: Option<String>,
}

fn round_cents(amount: f64) -> f64 {
    (amount * 100.0).round() / 100.0
}

/// Reads a fee as people type it: `120000`, `120,000`, `$120k`, `1.2m`, `95 000 EUR`, `£80,000`,
/// `95.000,50 EUR`. A currency written in the text wins over `default_currency`. This is the one
/// reader of fees, for the workspace and the command line alike.
pub fn parse_fee(input: &str, default_currency: &str) -> Result<ReadFee, FeeError> {
    let mut rest = input.trim();
    if rest.is_empty() {
        return Err(FeeError::Empty);
    }
    let mut currency = None;
    for (symbol, code) in [("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY")] {
        if let Some(r) = rest.strip_prefix(symbol).or_else(|| rest.strip_suffix(symbol)) {
            currency = Some(code.to_owned());
            rest = r.trim();
        }
    }
    let is_code = |w: &str| w.len() == 3 && w.chars().all(|c| c.is_ascii_alphabetic());
    if let Some((code, r)) = rest.split_once(char::is_whitespace).filter(|(w, _)| is_code(w)) {
        currency = Some(code.to_ascii_uppercase());
        rest = r.trim();
    } else if let Some((r, code)) = rest.rsplit_once(char::is_whitespace).filter(|(_, w)| is_code(w)) {
        currency = Some(code.to_ascii_uppercase());
        rest = r.trim();
    }
    let currency = currency.unwrap_or_else(|| default_currency.to_owned());
    let (digits, scale) = match rest.chars().last().map(|c| c.to_ascii_lowercase()) {
        Some('k') => (&rest[..rest.len() - 1], 1e3),
        Some('m') => (&rest[..rest.len() - 1], 1e6),
        _ => (rest, 1.0),
    };
    let input = input.trim();
    if digits.starts_with('-') {
        return Err(FeeError::OutOfRange(input.to_owned()));
    }
    let (value, note) = read_number(input, digits, &rest[digits.len()..], &currency)?;
    let amount = round_cents(value * scale);
    if !amount.is_finite() || amount <= 0.0 || amount >= MAX_FEE {
        return Err(FeeError::OutOfRange(input.to_owned()));
    }
    Ok(ReadFee { fee: Fee { amount, currency }, note })
}

/// The decimal mark a currency's amounts are usually written with, where one dominates.
fn decimal_mark_of(currency: &str) -> Option<char> {
    const COMMA: &[&str] = &[
        "EUR", "ARS", "BGN", "BRL", "CLP", "COP", "CZK", "DKK", "HUF", "IDR", "ISK", "NOK", "PLN", "RON", "RSD", "RUB", "SEK", "TRY",
        "UAH", "VND",
    ];
    const POINT: &[&str] = &[
        "USD", "AED", "AUD", "BHD", "CAD", "CHF", "CNY", "GBP", "HKD", "ILS", "INR", "JOD", "JPY", "KRW", "KWD", "MXN", "MYR", "NZD",
        "OMR", "PHP", "SAR", "SGD", "THB", "TWD",
    ];
    if COMMA.contains(&currency) {
        Some(',')
    } else if POINT.contains(&currency) {
        Some('.')
    } else {
        None
    }
}

/// Currencies counted in thousandths: three decimals are a real amount of them.
fn has_three_decimals(currency: &str) -> bool {
    ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"].contains(&currency)
}

/// Reads the digits of an amount, deciding which of "." and "," separates thousands and which
/// marks decimals. When both appear the last one marks decimals; one that appears twice
/// separates thousands; one followed by other than three digits marks decimals. One followed by
/// exactly three digits ("95.000") separates thousands unless three decimals can be meant (a
/// `k`/`m` amount or a currency counted in thousandths), where the currency's convention
/// decides, and a currency without one is refused as ambiguous.
fn read_number(input: &str, text: &str, suffix: &str, currency: &str) -> Result<(f64, Option<String>), FeeError> {
    let not_a_number = || FeeError::NotANumber(input.to_owned());
    let plain: String = text.chars().filter(|c| !matches!(c, '_' | ' ' | '\u{a0}' | '\u{202f}' | '\'')).collect();
    let (dot, comma) = (plain.rfind('.'), plain.rfind(','));
    let mut by_convention = false;
    // The separator is the currency's decimal mark, but three decimals are no amount of it.
    let mut two_decimals = false;
    let decimal_mark = match (dot, comma) {
        (None, None) => None,
        (Some(d), Some(c)) => Some(if d > c { '.' } else { ',' }),
        (Some(at), None) | (None, Some(at)) => {
            let sep = if dot.is_some() { '.' } else { ',' };
            let after = plain.len() - at - 1;
            if plain.matches(sep).count() > 1 {
                None
            } else if after != 3 {
                Some(sep)
            } else if suffix.is_empty() && !has_three_decimals(currency) {
                two_decimals = decimal_mark_of(currency) == Some(sep);
                None
            } else {
                let (whole, frac) = (&plain[..at], &plain[at + 1..]);
                let short = frac.trim_end_matches('0');
                let decimal = if short.is_empty() { format!("{whole}{suffix}") } else { format!("{whole}.{short}{suffix}") };
                by_convention = true;
                match decimal_mark_of(currency) {
                    Some(mark) => (mark == sep).then_some(sep),
                    None => {
                        return Err(FeeError::Ambiguous {
                            input: input.to_owned(),
                            currency: currency.to_owned(),
                            sep,
                            grouped: format!("{whole}{frac}{suffix}"),
                            decimal,
                        });
                    }
                }
            }
        }
    };
    let group = match decimal_mark {
        Some('.') => ',',
        Some(_) => '.',
        None => {
            if dot.is_some() {
                '.'
            } else {
                ','
            }
        }
    };
    let (whole, frac) = match decimal_mark {
        Some(mark) => plain.split_once(mark).ok_or_else(not_a_number)?,
        None => (plain.as_str(), ""),
    };
    let groups: Vec<&str> = whole.split(group).collect();
    let grouped_well = groups.len() == 1
        || groups.iter().enumerate().all(|(i, g)| match i {
            0 => (1..=3).contains(&g.len()),
            i if i == groups.len() - 1 => g.len() == 3,
            // Lakh grouping ("12,00,000") has pairs before the last three.
            _ => g.len() == 3 || (group == ',' && g.len() == 2),
        });
    let digits = groups.concat();
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !grouped_well || digits.is_empty() || !all_digits(&digits) || !all_digits(frac) {
        return Err(not_a_number());
    }
    let value: f64 = format!("{digits}.{frac}0").parse().map_err(|_| not_a_number())?;
    let grouped = (groups.len() > 1).then_some(group);
    let unusual = grouped == Some('.') || decimal_mark == Some(',');
    let agrees = decimal_mark_of(currency).is_some_and(|c| decimal_mark.is_none_or(|d| d == c) && grouped != Some(c));
    let note = (unusual || by_convention || two_decimals).then(|| {
        let mut said: Vec<String> = grouped.map(|g| format!("\"{g}\" read as the thousands separator")).into_iter().collect();
        said.extend(decimal_mark.map(|m| format!("\"{m}\" read as the decimal mark")));
        let why = if two_decimals {
            format!(": {currency} amounts have two decimals, not three")
        } else if agrees {
            format!(", as {currency} amounts are written")
        } else {
            String::new()
        };
        said.join(" and ") + &why
    });
    Ok((value, note))
}

/// Reads a percentage such as `25`, `27.5` or `35%`.
pub fn parse_percent(input: &str) -> Result<f64, FeeError> {
    let t = input.trim().trim_end_matches('%').trim();
    let value: f64 = t.parse().map_err(|_| FeeError::BadPercent(input.trim().to_owned()))?;
    if !value.is_finite() || value <= 0.0 || value > 1000.0 {
        return Err(FeeError::PercentOutOfRange(t.to_owned()));
    }
    Ok(value)
}

#[cfg(test)]
#[allow(clippy::float_cmp, reason = "the amounts are exact in binary: whole numbers")]
mod tests {
    use super::*;

    fn fee(input: &str) -> Fee {
        parse_fee(input, "USD").unwrap().fee
    }

    fn read(input: &str) -> (f64, String, Option<String>) {
        let read = parse_fee(input, "USD").unwrap();
        (read.fee.amount, read.fee.currency, read.note)
    }

    #[test]
    fn reads_fees_as_typed() {
        assert_eq!(fee("120000"), Fee { amount: 120_000.0, currency: "USD".into() });
        assert_eq!(fee("120,000").amount, 120_000.0);
        assert_eq!(fee("$120k").amount, 120_000.0);
        assert_eq!(fee("1.25m").amount, 1_250_000.0);
        assert_eq!(fee("95 000 EUR"), Fee { amount: 95_000.0, currency: "EUR".into() });
        assert_eq!(fee("gbp 80,000"), Fee { amount: 80_000.0, currency: "GBP".into() });
        assert_eq!(fee("£80,000").currency, "GBP");
        assert_eq!(parse_fee("80000", "CHF").unwrap().fee.currency, "CHF");
        assert_eq!(fee("12,00,000 INR").amount, 1_200_000.0);
    }

    #[test]
    fn separators_are_read_by_the_currency_and_the_reading_is_said() {
        let thousands = Some(r#""." read as the thousands separator, as EUR amounts are written"#.to_owned());
        assert_eq!(read("95.000 EUR"), (95_000.0, "EUR".into(), thousands.clone()));
        assert_eq!(read("€1.250.000"), (1_250_000.0, "EUR".into(), thousands));
        let (amount, _, note) = read("95.000,50 EUR");
        assert_eq!(amount, 95_000.5);
        let both = r#""." read as the thousands separator and "," read as the decimal mark, as EUR amounts are written"#;
        assert_eq!(note.as_deref(), Some(both));
        assert_eq!(read("1,5m EUR").0, 1_500_000.0);
        // Three decimals are no amount of euros: "," separates thousands, against the convention.
        let (amount, _, note) = read("95,000 EUR");
        assert_eq!(amount, 95_000.0);
        assert_eq!(note.as_deref(), Some(r#""," read as the thousands separator: EUR amounts have two decimals, not three"#));
        // The same in dollars, typed with no currency in a workspace whose fee is in dollars.
        let (amount, _, note) = read("95.000");
        assert_eq!(amount, 95_000.0);
        assert_eq!(note.as_deref(), Some(r#""." read as the thousands separator: USD amounts have two decimals, not three"#));
        // The plain English forms need no word.
        assert_eq!(read("$95,000.50"), (95_000.5, "USD".into(), None));
        assert_eq!(read("120,000").2, None);
        // Where three decimals are possible, the currency's convention decides...
        assert_eq!(read("1.500k EUR").0, 1_500_000.0);
        assert_eq!(read("$1.500k").0, 1_500.0);
        assert_eq!(read("1.250 KWD").0, 1.25);
        // ... and a currency without one is ambiguous.
        let err = parse_fee("1.500k XYZ", "USD").unwrap_err();
        assert!(matches!(err, FeeError::Ambiguous { .. }), "{err:?}");
        assert!(err.to_string().contains("type 1500k if \".\" separates thousands, or 1.5k if it marks decimals"), "{err}");
        for bad in ["1.2.3", "95.00.000", "1,5.000", "1e5", "12.34.56,7"] {
            assert!(matches!(parse_fee(bad, "EUR"), Err(FeeError::NotANumber(_))), "{bad}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_fee() {
        assert_eq!(parse_fee("  ", "USD"), Err(FeeError::Empty));
        assert!(matches!(parse_fee("twelve", "USD"), Err(FeeError::NotANumber(_))));
        assert!(matches!(parse_fee("-5", "USD"), Err(FeeError::OutOfRange(_))));
        assert!(matches!(parse_fee("0", "USD"), Err(FeeError::OutOfRange(_))));
        assert!(matches!(parse_percent("lots"), Err(FeeError::BadPercent(_))));
        assert!(matches!(parse_percent("0"), Err(FeeError::PercentOutOfRange(_))));
        assert_eq!(parse_percent("27.5%"), Ok(27.5));
    }

    #[test]
    fn percentages_as_read() {
        assert_eq!(format_percent(27.5), "27.5%");
        assert_eq!(format_percent(20.0), "20%");
    }
}
