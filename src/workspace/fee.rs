//! Reading the project fee and an uplift percentage as people type them mid-call. The money
//! itself (the 20-40% band, the uplift, formatting) is `crate::fee`.

use crate::session::Fee;

/// Fees above this are taken to be a typing slip rather than a project.
const MAX_FEE: f64 = 1e12;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeeError {
    #[error("no amount given; type the project fee, e.g. 120000 or $120k or 95,000 EUR")]
    Empty,
    #[error("cannot read {0:?} as an amount; type digits, e.g. 120000 or $120k or 95,000 EUR")]
    NotANumber(String),
    #[error("{0:?} is not a fee: it must be more than zero and under a trillion")]
    OutOfRange(String),
    #[error("cannot read {0:?} as a percentage; type a number such as 25 or 27.5")]
    BadPercent(String),
    #[error("{0:?}% is not a sensible uplift: give a percentage above 0 and at most 1000")]
    PercentOutOfRange(String),
}

fn round_cents(amount: f64) -> f64 {
    (amount * 100.0).round() / 100.0
}

/// Reads a fee as people type it: `120000`, `120,000`, `$120k`, `1.2m`, `95 000 EUR`, `£80,000`.
/// A currency written in the text wins over `default_currency`.
pub fn parse_fee(input: &str, default_currency: &str) -> Result<Fee, FeeError> {
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
    let (digits, scale) = match rest.chars().last().map(|c| c.to_ascii_lowercase()) {
        Some('k') => (&rest[..rest.len() - 1], 1e3),
        Some('m') => (&rest[..rest.len() - 1], 1e6),
        _ => (rest, 1.0),
    };
    let cleaned: String = digits.chars().filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}' | '\'')).collect();
    let value: f64 = cleaned.parse().map_err(|_| FeeError::NotANumber(input.trim().to_owned()))?;
    let amount = round_cents(value * scale);
    if !amount.is_finite() || amount <= 0.0 || amount >= MAX_FEE {
        return Err(FeeError::OutOfRange(input.trim().to_owned()));
    }
    Ok(Fee { amount, currency: currency.unwrap_or_else(|| default_currency.to_owned()) })
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

/// `20%`, `27.5%`.
pub fn format_percent(percent: f64) -> String {
    let rounded = (percent * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 { format!("{rounded:.0}%") } else { format!("{rounded}%") }
}

#[cfg(test)]
#[allow(clippy::float_cmp, reason = "the amounts are exact in binary: whole numbers")]
mod tests {
    use super::*;

    fn fee(input: &str) -> Fee {
        parse_fee(input, "USD").unwrap()
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
        assert_eq!(parse_fee("80000", "CHF").unwrap().currency, "CHF");
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
