//! The fee uplifts put to the client for a full IP transfer, every one of them: a declined 30%
//! is part of the deal's history as much as the 25% accepted after it. Files written before the
//! history was kept hold one `fee_offer`; they load as a history of one.

use serde::{Deserialize, Deserializer, Serialize};

use super::Session;

/// The client's answer to an uplift offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OfferAnswer {
    #[default]
    Open,
    Accepted,
    Declined,
}

/// One uplift put to the client. Its amount and currency are those of the fee when it was
/// made: changing the fee later does not change what was offered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "StoredOffer")]
pub struct FeeOffer {
    pub percent: f64,
    pub amount: f64,
    /// ISO 4217 code of `amount`.
    pub currency: String,
    /// The round under negotiation when it was made.
    pub round: u32,
    pub answer: OfferAnswer,
    /// When it was made (RFC 3339, UTC).
    pub at: String,
    /// When the client answered.
    pub answered: Option<String>,
}

/// A fee offer as files of either age hold it: without `currency`, `round`, `answer` and
/// `answered` but with `accepted` (and `at` moved to the answer's time) before the history.
#[derive(Deserialize)]
struct StoredOffer {
    percent: f64,
    amount: f64,
    #[serde(default)]
    currency: String,
    #[serde(default)]
    round: u32,
    answer: Option<OfferAnswer>,
    #[serde(default)]
    accepted: Option<bool>,
    at: String,
    #[serde(default)]
    answered: Option<String>,
}

impl From<StoredOffer> for FeeOffer {
    fn from(s: StoredOffer) -> Self {
        let answer = s.answer.unwrap_or(match s.accepted {
            None => OfferAnswer::Open,
            Some(true) => OfferAnswer::Accepted,
            Some(false) => OfferAnswer::Declined,
        });
        let answered = s.answered.or_else(|| s.accepted.map(|_| s.at.clone()));
        FeeOffer { percent: s.percent, amount: s.amount, currency: s.currency, round: s.round, answer, at: s.at, answered }
    }
}

/// Reads `offers` as a list, or an older file's single `fee_offer` (or `null`) as a list of
/// at most one.
pub(super) fn one_or_many<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<FeeOffer>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        Many(Vec<FeeOffer>),
        One(Option<FeeOffer>),
    }
    Ok(match OneOrMany::deserialize(deserializer)? {
        OneOrMany::Many(offers) => offers,
        OneOrMany::One(offer) => offer.into_iter().collect(),
    })
}

impl OfferAnswer {
    pub fn label(self) -> &'static str {
        match self {
            OfferAnswer::Open => "not answered yet",
            OfferAnswer::Accepted => "accepted",
            OfferAnswer::Declined => "declined",
        }
    }
}

impl FeeOffer {
    /// "30% = $36,000 (declined)": the offer as every report says it.
    pub fn describe(&self) -> String {
        let (percent, money) = (crate::fee::format_percent(self.percent), crate::fee::money(self.amount, &self.currency));
        format!("{percent} = {money} ({})", self.answer.label())
    }
}

impl Session {
    /// The uplift offered last, which the client is answering now.
    pub fn latest_offer(&self) -> Option<&FeeOffer> {
        self.offers.last()
    }

    /// The offers made up to and during round `round`, oldest first.
    pub fn offers_until(&self, round: u32) -> impl Iterator<Item = &FeeOffer> {
        self.offers.iter().filter(move |o| o.round <= round)
    }

    /// Completes offers read from a file written before the history was kept: their currency is
    /// the fee's (which they were shown in), their round the one received last before them.
    pub fn complete_old_offers(&mut self) {
        let currency = self.fee.as_ref().map_or_else(|| "USD".to_owned(), |f| f.currency.clone());
        let first = self.rounds.iter().map(|r| r.number).min().unwrap_or(1);
        let round_at = |at: &str| self.rounds.iter().filter(|r| r.received.as_str() <= at).map(|r| r.number).max().unwrap_or(first);
        let rounds: Vec<u32> = self.offers.iter().map(|o| if o.round == 0 { round_at(&o.at) } else { o.round }).collect();
        for (offer, round) in self.offers.iter_mut().zip(rounds) {
            offer.round = round;
            if offer.currency.is_empty() {
                offer.currency.clone_from(&currency);
            }
        }
    }
}
