//! Backstops: a transfer that takes effect only where another one fails ("To the extent any
//! Work Product is not assigned under 2.1, Contractor holds it on trust for Company", "to the
//! extent not assigned, Contractor hereby grants Company a licence"). It depends on the
//! transfer it backs up, so a lawyer edits it in its own words or leaves it; the library's
//! whole assignment in its place would repeat that transfer and bring in terms the draft never
//! uses ("Company IP", "Jointly Developed IP").

use std::sync::LazyLock;

use regex::Regex;

/// A condition that another transfer fails: "to the extent (that) ... is not assigned", "if
/// any ... does not vest", "to the extent not assigned", "cannot be assigned", "is not a work
/// made for hire".
static FAILS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\b(?:to\s+the\s+extent|if|where|insofar\s+as|in\s+the\s+event)\b[^.;:]{0,200}?
        \b(?:not|cannot|never|fails?\s+to)\s+(?:[a-z-]+\s+){0,3}?
        (?:assigned|assignable|vest|vested|transferred|transferable|passed?|owned|a\s+works?\s+made\s+for\s+hire|works?\s+made\s+for\s+hire)\b",
    )
    .expect("static regex")
});

/// Whether `sentence` backs up another transfer: it transfers (or licenses) only what another
/// transfer fails to pass.
pub(super) fn backs_up(sentence: &str) -> bool {
    FAILS.is_match(sentence)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_transfer_conditioned_on_another_failing_backs_it_up() {
        assert!(backs_up(
            "To the extent that any Intellectual Property in the Project Materials does not vest in the Company automatically by operation of clause 2.1, the Contributor holds such Intellectual Property on trust for the Company."
        ));
        assert!(backs_up("To the extent any Work Product is not assigned under 2.1, Contractor hereby grants Client a licence to it."));
        assert!(backs_up("Contractor, to the extent not assigned, hereby grants Client a licence to the Work Product."));
        assert!(backs_up("To the extent any Work Product is not a work made for hire, it is assigned to Client under Section 4.1."));
        assert!(backs_up("If any rights cannot be assigned, Provider grants Client a licence to them."));
        assert!(!backs_up("Contractor hereby assigns to Client all right, title and interest in the Deliverables."));
        assert!(!backs_up("To the extent permitted by law, Contractor waives its moral rights."));
    }
}
