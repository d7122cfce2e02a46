//! Contract-like text for property tests run against the embedded library: clause numbers,
//! risky phrases and carve-outs, quotes, odd white space, markup and non-ASCII.

use proptest::prelude::*;

/// Between `pieces.start` and `pieces.end` pieces of contract-like text, run together.
pub fn contract_text(pieces: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("1. Ownership. ".to_owned()),
        Just("1.2 ".to_owned()),
        Just("12.3 ".to_owned()),
        Just("(a) ".to_owned()),
        Just("ARTICLE IV\n".to_owned()),
        Just("All work product created during the engagement ".to_owned()),
        Just("shall be the sole property of Client. ".to_owned()),
        Just("Provider hereby assigns to Client all right, title and interest ".to_owned()),
        Just("excluding Provider's Pre-Existing Materials. ".to_owned()),
        Just("Provider shall not provide similar services to any competitor. ".to_owned()),
        Just("Client shall pay all fees. ".to_owned()),
        Just("work made for hire ".to_owned()),
        Just("“Deliverables” means ".to_owned()),
        Just("méthodologies, know-\nhow ".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("   12   \n".to_owned()),
        Just("**bold** <span>x</span> ".to_owned()),
        "[a-zA-Z0-9 .,;:()\"'\\-é€\u{2019}\n]{0,30}",
    ];
    proptest::collection::vec(piece, pieces).prop_map(|v| v.concat())
}
