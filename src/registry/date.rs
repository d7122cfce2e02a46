//! Calendar dates as the registry and the audit write them (`YYYY-MM-DD`), checked to be real
//! days, with messages that say what is wrong ("2023 has no February 29").

use std::fmt;
use std::time::SystemTime;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::{Month, OffsetDateTime};

/// A day in the proleptic Gregorian calendar; ordered, so "not in the future" is a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date(time::Date);

impl Date {
    /// The earliest date there is; stands in for a date that could not be read.
    pub const EARLIEST: Date = Date(time::Date::MIN);

    /// The next day, if there is one in the range `time` supports.
    pub fn next_day(self) -> Option<Date> {
        self.0.next_day().map(Date)
    }

    /// The day (UTC) a file was last modified.
    pub fn of(at: SystemTime) -> Date {
        Date(OffsetDateTime::from(at).date())
    }

    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// Midnight UTC at the start of the day, for comparing with file times.
    pub fn start(self) -> SystemTime {
        SystemTime::from(self.0.midnight().assume_utc())
    }
}

/// Today in UTC. Validation allows one day of slack, since it is already tomorrow somewhere.
pub fn today() -> Date {
    Date(OffsetDateTime::now_utc().date())
}

/// Reads `YYYY-MM-DD` (also the date part of an RFC 3339 time such as a session's
/// `2026-03-01T14:05:09Z`), refusing days that do not exist.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let text = text.trim();
    let day_part = text.split_once('T').map_or(text, |(d, _)| d);
    let bad = || format!("{text:?} is not a date; write it as YYYY-MM-DD (e.g. 2023-04-17)");
    let mut parts = day_part.split('-');
    let (Some(y), Some(m), Some(d), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else { return Err(bad()) };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 || ![y, m, d].iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
        return Err(bad());
    }
    let (year, month, day): (i32, u8, u8) = (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
    let month = Month::try_from(month).map_err(|_| format!("{text:?} is not a date: there is no month {month}"))?;
    time::Date::from_calendar_date(year, month, day)
        .map(Date)
        .map_err(|_| format!("{text:?} is not a date: {month} {year} has no day {day}"))
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.0.year(), u8::from(self.0.month()), self.0.day())
    }
}

impl std::str::FromStr for Date {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_date(s)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        parse_date(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_days_only() {
        assert_eq!(parse_date("2024-02-29").unwrap().to_string(), "2024-02-29");
        assert_eq!(parse_date("2026-03-01T14:05:09Z").unwrap().to_string(), "2026-03-01");
        assert!(parse_date("2023-02-29").unwrap_err().contains("February 2023 has no day 29"));
        assert!(parse_date("2023-13-01").unwrap_err().contains("no month 13"));
        for bad in ["", "2023-1-01", "01/02/2023", "2023-01-01-01", "yesterday", "２０２３-01-01"] {
            assert!(parse_date(bad).unwrap_err().contains("YYYY-MM-DD"), "{bad}");
        }
    }

    #[test]
    fn ordering_and_file_times() {
        let a = parse_date("2020-01-01").unwrap();
        assert!(a < parse_date("2020-01-02").unwrap());
        assert_eq!(Date::of(a.start()), a);
        assert_eq!(a.next_day().unwrap().to_string(), "2020-01-02");
    }
}
