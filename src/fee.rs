//! The price of a full IP transfer: the 20-40% uplift on the project fee, in money.

use std::fmt::Write;

/// The uplift band the agency quotes for giving up reusable IP, in percent.
pub const BAND: [f64; 3] = [20.0, 30.0, 40.0];

/// The uplift on `fee` at `percent`, rounded to cents.
pub fn uplift(fee: f64, percent: f64) -> f64 {
    (fee * percent).round() / 100.0
}

/// An amount as people read it in a negotiation: "$24,000", "EUR 1,234.50".
pub fn money(amount: f64, currency: &str) -> String {
    let cents = (amount.abs() * 100.0).round() as u64;
    let (whole, frac) = (cents / 100, cents % 100);
    let digits = whole.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(d);
    }
    if frac != 0 {
        let _ = write!(grouped, ".{frac:02}");
    }
    let sign = if amount < 0.0 && cents != 0 { "-" } else { "" };
    match currency.to_ascii_uppercase().as_str() {
        "USD" => format!("{sign}${grouped}"),
        "GBP" => format!("{sign}£{grouped}"),
        "EUR" => format!("{sign}€{grouped}"),
        other => format!("{sign}{other} {grouped}"),
    }
}

/// `20%`, `27.5%`.
pub fn format_percent(percent: f64) -> String {
    let rounded = (percent * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 { format!("{rounded:.0}%") } else { format!("{rounded}%") }
}

/// "20% = $24,000 · 30% = $36,000 · 40% = $48,000" for a fee.
pub fn band_line(fee: f64, currency: &str) -> String {
    BAND.iter().map(|p| format!("{p:.0}% = {}", money(uplift(fee, *p), currency))).collect::<Vec<_>>().join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uplift_and_money() {
        assert!((uplift(120_000.0, 30.0) - 36_000.0).abs() < f64::EPSILON);
        assert_eq!(money(36_000.0, "USD"), "$36,000");
        assert_eq!(money(1_234.5, "chf"), "CHF 1,234.50");
        assert_eq!(money(-999.999, "EUR"), "-€1,000");
        assert_eq!(band_line(50_000.0, "GBP"), "20% = £10,000 · 30% = £15,000 · 40% = £20,000");
    }
}
