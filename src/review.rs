//! One review: what a client's draft means for this deal. The analysis of the draft, the
//! findings the agency's registry of pre-existing IP adds, and those the engagement model adds,
//! merged into one `Analysis`. Every surface (`analyze`, `audit`, the workspace, redline and
//! compare) asks here, so each shows the same findings for the same draft and deal.

use crate::analysis::{Analysis, Analyzer, Options};
use crate::engagement::{self, Engagement};
use crate::ingest::Document;
use crate::library::ClauseLibrary;
use crate::registry::{self, Registry};
use crate::segment::Clause;
use crate::session::Session;

/// What the review is told of the deal beyond the draft.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Deal {
    /// The name or defined term the draft uses for the agency (None: detected).
    pub agency_party: Option<String>,
    /// How the agency is engaged (None: not said, so no model's own wording is asked for).
    pub engagement: Option<Engagement>,
}

impl Deal {
    /// This deal where it says something, else what `session` records: what the command line
    /// gives stands over what was chosen in the session.
    #[must_use]
    pub fn or_session(self, session: &Session) -> Deal {
        Deal {
            agency_party: self.agency_party.or_else(|| session.agency_party.clone()),
            engagement: self.engagement.or(Some(session.engagement)),
        }
    }

    /// What the analysis of the draft itself needs of the deal.
    pub fn options(&self) -> Options {
        Options { agency_party: self.agency_party.clone() }
    }
}

/// The library compiled for matching, and the agency's registry: build once, review many drafts.
pub struct Review<'a> {
    analyzer: Analyzer<'a>,
    registry: Option<&'a Registry>,
}

impl<'a> Review<'a> {
    /// Compiles `library` for matching; `registry` is the agency's (None: no registry findings).
    pub fn new(library: &'a ClauseLibrary, registry: Option<&'a Registry>) -> Self {
        Self { analyzer: Analyzer::new(library), registry }
    }

    pub fn library(&self) -> &'a ClauseLibrary {
        self.analyzer.library()
    }

    /// The registry read, so a review made elsewhere (on a worker thread) reads it too.
    pub fn registry(&self) -> Option<&'a Registry> {
        self.registry
    }

    /// What `doc` means for `deal`: its analysis with the registry's and the engagement
    /// model's findings, in text order.
    pub fn analyze(&self, doc: &Document, deal: &Deal) -> Analysis {
        self.add_deal(doc, deal, self.analyzer.analyze(doc, &deal.options()))
    }

    /// [`Review::analyze`] of `doc`, a later version of `base` (a draft and its review):
    /// each clause worded as one of base's takes base's results rather than being analysed
    /// again, and `beside` runs on the draft's clauses meanwhile (see
    /// [`Analyzer::analyze_next_beside`]).
    pub fn analyze_next_beside<R: Send>(
        &self,
        base: (&Document, &Analysis),
        doc: &Document,
        deal: &Deal,
        beside: impl FnOnce(&[Clause]) -> R + Send,
    ) -> (Analysis, R) {
        let (analysis, result) = self.analyzer.analyze_next_beside(base, doc, &deal.options(), beside);
        (self.add_deal(doc, deal, analysis), result)
    }

    /// Two versions of a draft (the two sides of a compare), each reviewed for its own deal:
    /// the later one while the earlier one is read, running `beside` on the earlier review and
    /// the later draft's clauses (see [`Analyzer::analyze_pair_beside`]).
    pub fn analyze_pair_beside<R: Send>(
        &self,
        (old, old_deal): (&Document, &Deal),
        (new, new_deal): (&Document, &Deal),
        beside: impl FnOnce(&Analysis, &[Clause]) -> R + Send,
    ) -> (Analysis, Analysis, R) {
        if old_deal.agency_party != new_deal.agency_party {
            // Read for different parties, the later draft can take nothing from the earlier.
            let old_analysis = self.analyze(old, old_deal);
            let (new_analysis, result) = self.analyze_next_beside((old, &old_analysis), new, new_deal, |c| beside(&old_analysis, c));
            return (old_analysis, new_analysis, result);
        }
        let (old_analysis, new_analysis, result) = self.analyzer.analyze_pair_beside(old, new, &new_deal.options(), beside);
        (self.add_deal(old, old_deal, old_analysis), self.add_deal(new, new_deal, new_analysis), result)
    }

    /// The registry's and the engagement model's findings added to `analysis`, of `doc`.
    fn add_deal(&self, doc: &Document, deal: &Deal, mut analysis: Analysis) -> Analysis {
        let library = self.library();
        let mut extra = Vec::new();
        if let Some(registry) = self.registry {
            extra.extend(registry::registry_findings_with(&analysis, doc, registry, library));
        }
        if let Some(model) = deal.engagement {
            extra.extend(engagement::engagement_findings(model, &analysis, doc, library));
        }
        registry::merge_findings(&mut analysis, extra);
        analysis
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Round;

    #[test]
    fn the_command_line_stands_over_the_session() {
        let mut session = Session::new("deal", Round::new(1, "d.md", "1. Services."));
        session.agency_party = Some("Provider".into());
        session.engagement = Engagement::StaffAugmentation;
        let from_session = Deal::default().or_session(&session);
        assert_eq!(from_session, Deal { agency_party: Some("Provider".into()), engagement: Some(Engagement::StaffAugmentation) });
        let given = Deal { agency_party: Some("Vendor".into()), engagement: Some(Engagement::Productized) };
        assert_eq!(given.clone().or_session(&session), given);
    }
}
