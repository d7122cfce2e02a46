//! Invariants that must hold for any input: segmentation partitions the text, every offset
//! falls on a char boundary, and a finding's phrase is exactly the text at its offsets.

#[path = "support/drafts.rs"]
mod drafts;

use clauseguard::analysis::{Analyzer, Options};
use clauseguard::ingest::{self, Format};
use clauseguard::library::ClauseLibrary;
use clauseguard::segment::segment;
use proptest::prelude::*;
use std::sync::LazyLock;

static LIBRARY: LazyLock<ClauseLibrary> = LazyLock::new(ClauseLibrary::embedded);
static ANALYZER: LazyLock<Analyzer<'static>> = LazyLock::new(|| Analyzer::new(&LIBRARY));

/// Contract-like text.
fn draft() -> impl Strategy<Value = String> {
    drafts::contract_text(0..40)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn segmentation_covers_every_byte_once(text in draft()) {
        let clauses = segment(&text, &text);
        prop_assert!(!clauses.is_empty());
        prop_assert_eq!(clauses[0].start, 0);
        prop_assert_eq!(clauses.last().unwrap().end, text.len());
        for (i, c) in clauses.iter().enumerate() {
            prop_assert_eq!(c.index, i);
            prop_assert!(c.start < c.end || text.is_empty());
            prop_assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
        }
        for w in clauses.windows(2) {
            prop_assert_eq!(w[0].end, w[1].start);
        }
    }

    #[test]
    fn findings_point_at_their_phrase(text in draft(), markdown in any::<bool>()) {
        let doc = ingest::from_text("prop", if markdown { Format::Markdown } else { Format::Txt }, &text);
        let analysis = ANALYZER.analyze(&doc, &Options::default());
        for f in &analysis.findings {
            if let (Some(s), Some(e)) = (f.start, f.end) {
                prop_assert!(s < e && e <= text.len());
                prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
                prop_assert_eq!(f.phrase.as_deref(), Some(&text[s..e]));
                let clause = &analysis.clauses[f.clause.unwrap()];
                prop_assert!(clause.start <= s && e <= clause.end, "finding inside its clause");
            }
        }
    }

    #[test]
    fn extract_output_keeps_offsets(text in "\\PC{0,200}") {
        prop_assert_eq!(clauseguard::text::sanitize_keep_offsets(&text).len(), text.len());
    }
}
