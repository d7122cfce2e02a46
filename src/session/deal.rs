//! Which deal a draft opened without `--session` belongs to. The client's revised draft comes
//! back as `deal.md` again, `deal-v2.md` or `deal round 2.docx`: when a session for that deal
//! exists and the draft reads like its latest round, it is that session's next round, not a
//! new deal "deal-2"; when the name fits but the wording does not, the user is asked to choose.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

use super::SessionError;
use super::store::SessionStore;

/// Share of the draft's word pairs the latest round must hold for the draft to be its revision.
/// Counsel rewrite clauses between rounds, not whole contracts: rounds of one deal share far
/// more, and two different contracts far less (unless made from one template).
const SAME_DEAL: f64 = 0.6;

/// Where a draft opened without `--session` goes.
#[derive(Debug, Clone, PartialEq)]
pub enum Deal {
    /// No session is this deal's: a new one, named after the file.
    New,
    /// The draft is already this session's latest round: open it there.
    Latest { session: String },
    /// The client's revised draft of this session's deal: its next round.
    NextRound { session: String, round: u32 },
    /// Sessions the name points at, none of them clearly this draft's deal; the message says
    /// why and how to choose.
    Uncertain { message: String },
}

/// A session name without a trailing round or version marker: `deal-v2`, `deal-round-2`,
/// `deal_r3`, `deal-rev.2`, `deal-2` all give `deal` (and `deal` itself).
pub fn deal_stem(name: &str) -> String {
    const MARKERS: &[&str] = &["version", "round", "draft", "ver", "rev", "v", "r"];
    let lower = name.to_ascii_lowercase();
    let no_number = lower.trim_end_matches(|c: char| c.is_ascii_digit());
    if no_number.len() == lower.len() {
        return lower;
    }
    let no_sep = no_number.trim_end_matches(['-', '_', '.']);
    let marker = MARKERS.iter().find(|m| no_sep.strip_suffix(**m).is_some_and(|rest| rest.ends_with(['-', '_', '.'])));
    let stem = marker.map_or(no_sep, |m| no_sep[..no_sep.len() - m.len()].trim_end_matches(['-', '_', '.']));
    // A bare number is a round only when short and set off ("deal-2", not "msa2" or "msa-2024").
    let bare_round = no_sep.len() < no_number.len() && lower.len() - no_number.len() <= 2;
    if stem.is_empty() || (marker.is_none() && !bare_round) { lower } else { stem.to_owned() }
}

/// A session name from a draft's file name: letters, digits, `-`, `_` and `.` only.
pub fn name_from(path: &Path) -> String {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mut name = String::new();
    for c in stem.chars() {
        let c = if c.is_ascii_alphanumeric() || matches!(c, '_' | '.') { c } else { '-' };
        if !(c == '-' && name.ends_with('-')) {
            name.push(c);
        }
    }
    let name: String = name.trim_matches(['-', '.']).chars().take(56).collect();
    let name = name.trim_end_matches(['-', '.']).to_owned();
    if name.is_empty() { "draft".to_owned() } else { name }
}

/// How much of `new`'s wording `old` holds: the share of `new`'s distinct word pairs (lower
/// case, letters and digits) also in `old`.
pub fn shared_wording(old: &str, new: &str) -> f64 {
    let pairs = |text: &str| -> HashSet<u64> {
        let words: Vec<String> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
        words
            .windows(2)
            .map(|w| {
                let mut h = DefaultHasher::new();
                w.hash(&mut h);
                h.finish()
            })
            .collect()
    };
    let (old, new) = (pairs(old), pairs(new));
    if new.is_empty() {
        return 0.0;
    }
    new.iter().filter(|p| old.contains(p)).count() as f64 / new.len() as f64
}

impl SessionStore {
    /// The deal the draft `file_name` (whose session name would be `base`) with text `text`
    /// belongs to, among the stored sessions named like it or holding a round of a file named
    /// like it (same name once round markers are left out): `--session friday-call` on
    /// `deal.md` takes `deal-v2.md`. Sessions that cannot be read are left out of the choice.
    pub fn deal_of(&self, base: &str, file_name: &str, text: &str) -> Result<Deal, SessionError> {
        let stem = deal_stem(base);
        let mut candidates = Vec::new();
        for name in self.names()? {
            let Ok(session) = self.load(&name) else { continue };
            let round_named = |r: &super::Round| deal_stem(&name_from(Path::new(&r.file_name))) == stem;
            if deal_stem(&name) != stem && !session.rounds.iter().any(round_named) {
                continue;
            }
            let latest = session.latest_round();
            if latest.text == text {
                return Ok(Deal::Latest { session: name });
            }
            let earlier = session.rounds.iter().find(|r| r.text == text).map(|r| r.number);
            candidates.push((name, latest.number, shared_wording(&latest.text, text), earlier));
        }
        let quote = |s: &str| crate::text::one_line(s);
        let file = quote(file_name);
        if let [(name, _, _, Some(round))] = candidates.as_slice() {
            let latest = candidates[0].1;
            return Ok(Deal::Uncertain {
                message: format!(
                    "{file} is round {round} of session {name}, which is at round {latest} now: `clauseguard --resume {name}` opens round {latest}; to record {file} again as round {}, pass --session {name}",
                    latest + 1
                ),
            });
        }
        let same: Vec<&(String, u32, f64, Option<u32>)> = candidates.iter().filter(|c| c.2 >= SAME_DEAL).collect();
        Ok(match (same.as_slice(), candidates.as_slice()) {
            (_, []) => Deal::New,
            ([(name, latest, ..)], _) => Deal::NextRound { session: name.clone(), round: latest + 1 },
            ([], [(name, latest, shared, _)]) => Deal::Uncertain {
                message: format!(
                    "{file} is named like session {name} but shares only {:.0}% of its wording with round {latest}: to record it as round {} of {name}, pass --session {name}; to start a new deal, pass --session NEW-NAME",
                    shared * 100.0,
                    latest + 1
                ),
            },
            _ => {
                let names: Vec<&str> = candidates.iter().map(|c| c.0.as_str()).collect();
                Deal::Uncertain {
                    message: format!(
                        "{file} could be the next round of sessions {}: choose one with --session NAME, or start a new deal with --session NEW-NAME",
                        names.join(", ")
                    ),
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_markers_are_left_out_of_the_deal_name() {
        for name in ["deal", "deal-v2", "deal_V3", "deal-round-2", "deal-r2", "deal-rev.4", "deal-2", "Deal-draft-10", "deal-version2"] {
            assert_eq!(deal_stem(name), "deal", "{name}");
        }
        for name in ["msa2", "2024", "deal-review", "river-v"] {
            assert_eq!(deal_stem(name), name, "{name}");
        }
        assert_eq!(deal_stem("acme-msa-2024"), "acme-msa-2024", "a year is no round");
    }

    #[test]
    fn rounds_of_one_contract_share_their_wording() {
        let r1 = "1. Ownership. All work product created during the engagement shall be owned by Client. 2. Fees. Client pays the fees.";
        let r2 = "1. Ownership. All deliverables described in Schedule A shall be owned by Client upon full payment. 2. Fees. Client pays the fees.";
        assert!(shared_wording(r1, r2) > 0.5);
        assert!(shared_wording(r1, "Lease. The tenant rents the flat at 3 High Street for twelve months.") < 0.1);
        assert!((shared_wording(r1, r1) - 1.0).abs() < f64::EPSILON);
    }
}
