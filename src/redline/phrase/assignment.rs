//! Edits inside an assignment ("Contractor hereby assigns to Company all right, title and
//! interest in and to all Work Product"), as a lawyer marks one up: the payment condition put
//! in after the assignee (or in place of "effective upon creation"), the object narrowed to
//! what is made for the client, and the agency's own materials carved out after it. Nothing of
//! the sentence is struck that the fix does not need.

use std::sync::LazyLock;

use regex::Regex;

use super::{Edit, EditKind, PAID, UPON_PAYMENT, Words, carvable, carve_out, carved_out, merged, pronoun};
use crate::library::Concern;
use crate::reading::{Feature, Features};

/// The assigning verb: "hereby (irrevocably) assigns", "agrees to (grant and) assign", "grants
/// and assigns", "shall assign"; followed by what repeats it (", and agrees to assign,").
static ASSIGNS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b(?:hereby\s+(?:irrevocably\s+)?|irrevocably\s+|(?:shall|will)\s+(?:hereby\s+)?(?:irrevocably\s+)?)?
        (?:assigns?|grants?\s+and\s+assigns?|agrees?\s+to\s+(?:grant\s+and\s+)?assign)\b
        (?:,?\s+and\s+(?:hereby\s+)?(?:agrees?\s+to\s+)?(?:grants?\s+and\s+)?(?:assigns?|transfers?)\b,?|\s+and\s+transfers?\b)*",
    )
    .expect("static regex")
});

/// The assignee right after the verb: "to the Company", "to Client".
/// "to Company or Company's designee": the designee is named with the assignee.
static ASSIGNEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,?\s+to\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*(?:,?\s+(?:or|and/or)\s+(?:its|their|[A-Z][\w-]*['\x{2019}]s)\s+(?:designees?|nominees?))?")
        .expect("static regex")
});

/// What is assigned, right after the verb: "those rights", "such materials".
static DIRECT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+(?:those|such|these|all\s+such)\s+(?:rights|materials|works|inventions)\b").expect("static regex"));

/// Words that deny the transfer ("may not assign", "shall not assign this Agreement"): an
/// assignment of the contract, not of the work.
static NOT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(?:not|never|no)\s+$").expect("static regex"));

/// What is assigned: the noun phrase after "interest in (and to)" or "rights ... in", up to a
/// comma, a parenthesis or the words that qualify the whole grant ("including", "to the extent").
static OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b(?:interest|rights?|benefits)(?:\s*\([^)]*\)|\s*\u{2014}[^\u{2014}]*\u{2014})?(?:\s+worldwide|\s+throughout\s+the\s+world)?\s*(?:in\s+and\s+to|in)\s+
        (?P<object>(?:the|all|any|such|those|its|their)\s+[^,;()]*?|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)
        (?:\s*[,;(]|\s*\.?\s*$|\s+(?:including|together\s+with|to\s+the\s+extent|effective|whether|upon|on\s+creation|as\s+(?:they\s+are\s+)?created|and\s+(?:will|shall|agrees?))\b)",
    )
    .expect("static regex")
});

/// The rest of a list of what is assigned, up to the parenthesis that names the whole (", the
/// Source Code, the Documentation and all other deliverables created under this Agreement (the
/// "Foreground IP")"): no verb, clause or sentence ends before it.
static LIST_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^,[^;.()]{1,300}?\s*\((?:together,?\s+)?the\s+[*_\s]*["\u{201c}][^"\u{201d}]{1,60}["\u{201d}][*_\s]*\)"#)
        .expect("static regex")
});

/// Words that end a list of things: a verb or a qualification of the whole grant.
static NOT_A_LIST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:shall|will|hereby|agrees?|including|to\s+the\s+extent|whether)\b").expect("static regex"));

/// An object named in the library's own broad words: it is replaced by the deliverables, where
/// an object with a name of its own ("the Project Materials") keeps it and is qualified.
pub(super) static GENERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:all|any|the)\s+(?:(?:deliverables,?\s+and\s+other\s+)?work\s+product|works?|materials|results)$")
        .expect("static regex")
});

/// When the sentence says the transfer happens: on creation, whatever is paid, with what
/// falls back on it ("(or, if not assignable upon creation, upon the earliest date permitted by
/// law)"). The payment condition takes its place.
pub(super) static TIMING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?:effective\s+(?:automatically\s+|immediately\s+)?)?(?:upon|on)\s+(?:its\s+|their\s+)?creation
        (?:\s+and\s+whether\s+or\s+not\s+[^,;.]*)?
        (?:\s*\([^()]{0,120}\bcreation\b[^()]{0,120}\))?
        |as\s+soon\s+as\s+(?:it\s+is|they\s+are|each\s+is)\s+(?:created|made|written|developed)
        |(?:automatically\s+)?as\s+(?:it\s+is\s+|they\s+are\s+)?created",
    )
    .expect("static regex")
});

/// A paragraph that only says when its clause's transfer takes effect, a label and the time
/// with no verb: "**Effective:** Upon creation (automatically)", "Effective upon creation.".
static BARE_TIMING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^[\s*_]*(?:[\w\s'\u{2019}-]{1,40}:[\s*_]*)?(?:effective\s+)?
        (?P<when>
          (?:(?:automatically\s+|immediately\s+)?(?:upon|on|from)\s+(?:its\s+|their\s+)?creation
          |(?:automatically\s+)?as\s+(?:it\s+is\s+|they\s+are\s+)?created)
          (?:\s*\((?:automatically|immediately)\))?)
        [\s*_]*[.;]?\s*$",
    )
    .expect("static regex")
});

/// The edit of a paragraph that only says when its clause's transfer takes effect: the payment
/// takes the place of the time ("Upon receipt of full payment of the Fees"), as in the transfer
/// it speaks of. None for any other sentence.
pub(super) fn timing(sentence: &str) -> Option<Edit> {
    let when = BARE_TIMING.captures(sentence)?.name("when")?;
    let mut inserted = UPON_PAYMENT.trim_end_matches(" for").to_owned();
    if when.as_str().starts_with(char::is_uppercase) {
        inserted.replace_range(..1, "U");
    }
    Some(Edit::new(when.range(), inserted, &[Concern::AssignmentBeforePayment], EditKind::UponPayment))
}

/// A sentence that says what the assignment covers ("This assignment covers all inventions
/// Employee makes during employment"): the verb of making, after which what is made for the
/// client is said.
pub(super) static SCOPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\b(?:this|the|such)\s+assignment\s+(?:covers|applies\s+to|includes|extends\s+to)\s+(?:all|any)\s+(?P<object>[\w\s,-]*?
        \b(?P<made>makes|creates|develops|conceives|produces|authors)\b)",
    )
    .expect("static regex")
});

/// Whether `sentence` has an assigning verb that is not denied.
pub(super) fn assigns(sentence: &str) -> bool {
    verb(sentence).is_some()
}

fn verb(sentence: &str) -> Option<regex::Match<'_>> {
    ASSIGNS.find_iter(sentence).find(|m| operative(&sentence[..m.start()]))
}

/// Whether the verb after `before` assigns: not denied ("may not assign"), and not the noun of
/// "successors and assigns", "agents or assigns".
fn operative(before: &str) -> bool {
    !NOT.is_match(before) && !PEOPLE.is_match(before)
}

/// Who may stand in a party's place, before "assigns" as a noun: "its employees, agents or
/// assigns", "successors and permitted assigns".
static PEOPLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:successors|heirs|agents|employees|representatives|affiliates|designees|licensees|executors|administrators|subcontractors),?\s+(?:and|or|and/or)\s+(?:permitted\s+)?$")
        .expect("static regex")
});

/// An assignment after `from` in a sentence whose ownership statement already waits for
/// payment ("... shall, upon receipt of full payment ..., belong to the Customer, and the
/// Supplier hereby assigns ..."): made to take effect from that payment, said after the "and"
/// that opens it, else after its verb.
pub(super) fn from_that_payment(sentence: &str, from: usize) -> Option<Edit> {
    let verb = ASSIGNS.find_iter(&sentence[from..]).find(|m| operative(&sentence[from..from + m.start()]))?;
    let before = &sentence[from..from + verb.start()];
    let and = before.rfind(", and ").map(|i| from + i + ", and".len());
    let at = and.unwrap_or(from + verb.end());
    Some(Edit::new(at..at, ", with effect from that payment,".into(), &[Concern::AssignmentBeforePayment], EditKind::UponPayment))
}

/// An assignee named at the end of what is assigned ("... Intellectual Property to the Company").
static ASSIGNEE_AFTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r" to (?:the )?[A-Z][\w-]*(?: [A-Z][\w-]*)?$").expect("static regex"));

/// The edits of an assignment sentence; empty when `sentence` assigns nothing.
pub(super) fn edits(sentence: &str, concerns: &[Concern], words: &Words<'_>) -> Vec<Edit> {
    let Some(verb) = verb(sentence) else {
        // "This assignment covers all inventions Employee makes during employment": narrowed
        // to what is made for the client.
        // Where the redline narrows the draft's own term for what passes, the sentence names
        // it: "covers all ~~inventions Employee makes during employment~~ Covered Inventions".
        let Some(scope) = SCOPE.captures(sentence).filter(|_| concerns.contains(&Concern::BroadWorkProduct)) else { return Vec::new() };
        let (Some(object), Some(made)) = (scope.name("object"), scope.name("made")) else { return Vec::new() };
        return match words.narrowed {
            Some(term) => {
                let end = made.end() + sentence[made.end()..].find([',', ';', '.']).unwrap_or(sentence.len() - made.end());
                let end = sentence[..end].trim_end().len();
                vec![Edit::new(object.start()..end, term.to_owned(), &[Concern::BroadWorkProduct], EditKind::Narrowed)]
            }
            None => {
                vec![Edit::new(made.end()..made.end(), " specifically for Client".into(), &[Concern::BroadWorkProduct], EditKind::Narrowed)]
            }
        };
    };
    let after_verb = verb.end();
    let assignee_end = ASSIGNEE.find(&sentence[after_verb..]).map_or(after_verb, |m| after_verb + m.end());
    let object = OBJECT
        .captures(&sentence[assignee_end..])
        .and_then(|c| c.name("object"))
        .map(|m| (assignee_end + m.start())..(assignee_end + m.end()))
        .map(|o| {
            // A list of things named as a whole is what passes, up to its name.
            let list = LIST_NAMED.find(&sentence[o.end..]).filter(|m| !NOT_A_LIST.is_match(m.as_str()));
            let end = list.map_or(o.end, |m| sentence[..o.end + m.as_str().rfind('(').unwrap_or(0)].trim_end().len());
            // "assigns all its rights in ... Intellectual Property to the Company": the
            // assignee named after what passes is not part of it.
            let end = ASSIGNEE_AFTER.find(&sentence[o.start..end]).map_or(end, |m| o.start + m.start());
            o.start..end
        });
    // "Employee hereby assigns those rights and ...": what passes follows the verb itself, and
    // the condition follows it, after the words its pronoun stands for.
    let direct = DIRECT.find(&sentence[assignee_end..]).map(|m| assignee_end + m.end()).filter(|_| object.is_none());
    let assignee_end = direct.unwrap_or(assignee_end);
    let mut out = Vec::new();

    let narrowed_generic =
        concerns.contains(&Concern::BroadWorkProduct) && object.as_ref().is_some_and(|o| GENERIC.is_match(&sentence[o.clone()]));
    if concerns.contains(&Concern::AssignmentBeforePayment) && !words.employment && !PAID.is_match(sentence) {
        let timing = TIMING.find_at(sentence, after_verb);
        // The pronoun agrees with what passes as narrowed ("all Work Product" become "the
        // Deliverables ...": "for them").
        let it = match &object {
            _ if narrowed_generic => pronoun(words.deliverables.unwrap_or("the deliverables")),
            Some(o) => pronoun(&sentence[o.clone()]),
            None => "it",
        };
        // Put in before what is assigned, the condition names it: a pronoun would come before
        // the words it stands for.
        let named = object.as_ref().and_then(|o| {
            if narrowed_generic {
                Some(words.deliverables.unwrap_or("the deliverables").to_owned())
            } else {
                name(&sentence[o.clone()]).filter(|n| words.defined.contains(&n.trim_start_matches("the ")))
            }
        });
        let before = named.as_deref().unwrap_or(if direct.is_some() { "them" } else { it });
        out.push(match timing {
            Some(t) => {
                Edit::new(t.range(), format!("effective {UPON_PAYMENT} {it}"), &[Concern::AssignmentBeforePayment], EditKind::UponPayment)
            }
            // ", with full title guarantee," already follows, or the label's colon
            // ("**Developer Assigns to Client:**"): the condition goes before it.
            None if sentence[assignee_end..].starts_with([',', ':']) => Edit::new(
                assignee_end..assignee_end,
                format!(", {UPON_PAYMENT} {before}"),
                &[Concern::AssignmentBeforePayment],
                EditKind::UponPayment,
            ),
            None => Edit::new(
                assignee_end..assignee_end,
                format!(", {UPON_PAYMENT} {before},"),
                &[Concern::AssignmentBeforePayment],
                EditKind::UponPayment,
            ),
        });
    }

    let Some(object) = object else { return out };
    let named = &sentence[object.clone()];
    // An object named by the term whose definition the redline narrows ("the Project
    // Materials", now made "specifically for the Company") already says it: not said again.
    let said = name(named).is_some_and(|n| words.narrowed == Some(n.trim_start_matches("the "))) || named.ends_with("therein");
    if concerns.contains(&Concern::BroadWorkProduct) && !said && !named.ends_with("thereto") {
        out.push(if GENERIC.is_match(named) {
            let things = words.deliverables.unwrap_or("the deliverables");
            Edit::new(object.clone(), format!("{things} created specifically for Client"), &[Concern::BroadWorkProduct], EditKind::Narrowed)
        } else {
            Edit::new(
                object.end..object.end,
                " created by Agency specifically for Client".into(),
                &[Concern::BroadWorkProduct],
                EditKind::Narrowed,
            )
        });
    }
    // The agency's own materials stay out of the transfer, said right after what passes.
    // A parenthesis that qualifies what passes ("the Software (including all intellectual
    // property rights)") stays with it: the carve-out follows it.
    // "the Deliverables, including all Pre-Existing Materials incorporated in them": the word
    // that adds the agency's prior work is turned round.
    let carvable = carvable(concerns);
    let including = includes_prior(&sentence[object.end..], words).filter(|_| !carvable.is_empty());
    let carved = carved_out(sentence, concerns, words);
    if let Some(including) = including {
        let at = object.end + including.start;
        out.push(Edit::new(at..object.end + including.end, "excluding".into(), &carvable, EditKind::CarvedOut));
    } else if !carved.is_empty() {
        // So do several: "therein ("Client IPR") (including the right to apply for the same)".
        let mut at = object.end;
        while let (true, Some(close)) = (sentence[at..].trim_start().starts_with('('), sentence[at..].find(')')) {
            at += close + 1;
        }
        // "..., excluding Agency IP, to the Company": set off from the assignee after it.
        let comma = if sentence[at..].starts_with(" to ") || sentence[at..].starts_with(" together with ") { "," } else { "" };
        let carve = Edit::new(at..at, format!("{}{comma}", carve_out(concerns, words)), &carved, EditKind::CarvedOut);
        // After the narrowing that may end at the same place, so that they read in order.
        out.push(carve);
    }
    merged(out)
}

/// Where "including" adds the agency's prior work to what passes, right after it (", including
/// all Pre-Existing Materials incorporated in them"): the word's range in `rest`.
fn includes_prior(rest: &str, words: &Words<'_>) -> Option<std::ops::Range<usize>> {
    static INCLUDING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^,?\s+(?P<w>including)\s+(?:all\s+|any\s+)?").expect("static regex"));
    let c = INCLUDING.captures(rest)?;
    let limb = &rest[c.get(0)?.end()..];
    let limb = &limb[..limb.find([',', ';', '.', '(']).unwrap_or(limb.len())];
    // "including all existing and future rights": rights in what passes, not things added to it.
    let features = Features::of(words.lexicon, &limb.to_lowercase());
    let things = !features.has(Feature::Ip) && !limb.contains("right");
    // "including all our tools and libraries": the agency's own tools, in its own words.
    // "including any Provider Materials incorporated in them": named after the agency.
    let ours = limb.starts_with("our ") && features.has(Feature::Methods)
        || crate::reading::names_agency_prior(words.lexicon, &limb.to_lowercase());
    c.name("w").filter(|_| (features.has(Feature::Prior) || ours) && things).map(|m| m.range())
}

/// What is assigned, named for the payment condition that comes before it: "the Covered
/// Inventions"; "the Project Materials" for "the Intellectual Property in the Project
/// Materials". None when it has no name of its own ("any intellectual property rights therein").
fn name(object: &str) -> Option<String> {
    let thing = object.rsplit(" in ").next().unwrap_or(object).trim();
    // A defined term used bare ("in and to Output") is named as it is.
    if thing.split_whitespace().count() <= 3 && thing.split_whitespace().all(|w| w.starts_with(char::is_uppercase)) {
        return Some(thing.to_owned());
    }
    let thing = thing.strip_prefix("all ").or_else(|| thing.strip_prefix("any ")).map_or(thing.to_owned(), |t| format!("the {t}"));
    let words: Vec<&str> = thing.split_whitespace().collect();
    let named = words.len() <= 5
        && words.first().is_some_and(|w| w.eq_ignore_ascii_case("the"))
        && words[1..].iter().all(|w| w.starts_with(char::is_uppercase))
        && words.len() > 1;
    named.then_some(thing)
}

#[cfg(test)]
mod tests {
    use super::super::tests::apply;
    use super::*;

    fn library_ip() -> Words<'static> {
        Words { defined: &["Covered Inventions", "Project Materials", "Output"], ..super::super::tests::words() }
    }

    #[test]
    fn assigns_after_agents_or_successors_is_a_noun() {
        assert!(!assigns("Contractor agrees that neither it, its employees, agents and assigns shall use any software."));
        assert!(!assigns("This Agreement binds the parties and their successors and permitted assigns."));
        assert!(assigns("Contractor hereby does and will specifically assign to Company all rights in the Work Product."));
    }

    #[test]
    fn an_assignment_waits_for_payment_covers_what_is_made_for_the_client_and_keeps_the_agencys_materials() {
        let all = [Concern::AssignmentBeforePayment, Concern::BroadWorkProduct, Concern::PreExistingIp, Concern::MethodologyTransfer];
        let s = "The Contributor hereby assigns to the Company, with full title guarantee, all right, title, and interest in and to the Intellectual Property in the Project Materials, including all existing and future rights, throughout the world.";
        assert_eq!(
            apply(s, &edits(s, &all, &library_ip())),
            "The Contributor hereby assigns to the Company, upon receipt of full payment of the Fees for the Project Materials, with full title guarantee, all right, title, and interest in and to the Intellectual Property in the Project Materials created by Agency specifically for Client, excluding Agency IP, including all existing and future rights, throughout the world."
        );
        let s = "Provider hereby irrevocably assigns to Client all right, title and interest in and to all Work Product, including all intellectual property rights therein, effective automatically upon creation and whether or not Client has paid any invoice relating to it.";
        let e = edits(s, &all, &Words { deliverables: Some("the Deliverables"), agency_ip_has_methods: false, ..library_ip() });
        assert_eq!(
            apply(s, &e),
            "Provider hereby irrevocably assigns to Client all right, title and interest in and to the Deliverables created specifically for Client, excluding Agency IP and Agency's general methodologies and know-how, including all intellectual property rights therein, effective upon receipt of full payment of the Fees for them."
        );
        // A draft's own term that does not reach methods has them named beside it.
        assert!(e.iter().any(|e| e.concerns.contains(&Concern::MethodologyTransfer)));
        let s = "Employee hereby assigns, and agrees to assign, to Company all right, title, and interest in the Covered Inventions, to the extent permitted by law.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::AssignmentBeforePayment], &library_ip())),
            "Employee hereby assigns, and agrees to assign, to Company, upon receipt of full payment of the Fees for the Covered Inventions, all right, title, and interest in the Covered Inventions, to the extent permitted by law."
        );
    }

    #[test]
    fn prior_work_added_by_including_is_excluded_instead() {
        let s = "Upon payment of the fees, Provider assigns to Customer all right, title and interest in the Deliverables, including all Pre-Existing Materials incorporated in them.";
        let concerns = [Concern::PreExistingIp, Concern::MethodologyTransfer];
        assert_eq!(
            apply(s, &edits(s, &concerns, &library_ip())),
            "Upon payment of the fees, Provider assigns to Customer all right, title and interest in the Deliverables, excluding all Pre-Existing Materials incorporated in them."
        );
        // What "including" adds that is not prior work stays, and the carve-out follows.
        let s = "Provider assigns to Customer all right, title and interest in the Deliverables, including all source code.";
        assert!(apply(s, &edits(s, &concerns, &library_ip())).contains("including all source code"));
    }

    #[test]
    fn what_is_assigned_ends_before_the_assignee_named_after_it() {
        let s = "The Contractor assigns all its rights in existing or future Intellectual Property to the Company.";
        let both = [Concern::BroadWorkProduct, Concern::PreExistingIp];
        assert_eq!(
            apply(s, &edits(s, &both, &super::super::tests::words())),
            "The Contractor assigns all its rights in existing or future Intellectual Property created by Agency specifically for Client, excluding Agency IP, to the Company."
        );
    }

    #[test]
    fn the_condition_follows_the_assignee_and_its_designee() {
        let s = "Contractor hereby does and will specifically assign to Company or Company\u{2019}s designee all rights, title, and interest in and to any and all Company Innovations.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::AssignmentBeforePayment], &library_ip())),
            "Contractor hereby does and will specifically assign to Company or Company\u{2019}s designee, upon receipt of full payment of the Fees for them, all rights, title, and interest in and to any and all Company Innovations."
        );
    }

    #[test]
    fn what_falls_back_on_creation_goes_with_it() {
        let s = "The Developer hereby assigns to the Client, with full title guarantee, all Foreground IPR, effective upon creation (or, if not assignable upon creation, upon the earliest date permitted by law).";
        assert_eq!(
            apply(s, &edits(s, &[Concern::AssignmentBeforePayment], &library_ip())),
            "The Developer hereby assigns to the Client, with full title guarantee, all Foreground IPR, effective upon receipt of full payment of the Fees for it."
        );
    }

    #[test]
    fn a_list_named_as_a_whole_keeps_the_agencys_materials_after_its_name() {
        // Markdown emphasis reaches the analysis as spaces ("(the **\"Foreground IP\"**)").
        let s = "The Supplier hereby assigns to the Customer with full title guarantee all Intellectual Property Rights worldwide in the Platform, the Source Code and all other deliverables created under this Agreement (the   \"Foreground IP\"  ), free from all encumbrances.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::AssignmentBeforePayment, Concern::PreExistingIp], &library_ip())),
            "The Supplier hereby assigns to the Customer, upon receipt of full payment of the Fees for it, with full title guarantee all Intellectual Property Rights worldwide in the Platform, the Source Code and all other deliverables created under this Agreement (the   \"Foreground IP\"  ), excluding Agency IP, free from all encumbrances."
        );
        // A list the sentence goes on from is not named as a whole.
        let s = "Provider hereby assigns to Client all rights in the Website, the Code, including anything Provider makes (the \"Work\").";
        assert!(apply(s, &edits(s, &[Concern::PreExistingIp], &library_ip())).contains("the Website, excluding Agency IP, the Code"));
    }

    #[test]
    fn derivatives_are_answered_by_keeping_improvements_to_the_agencys_materials_and_the_condition_names_what_follows() {
        // The CIIAA's assignment: derivatives pass through "Covered Inventions".
        let s = "Employee hereby assigns, and agrees to assign, to Company all right, title, and interest in the Covered Inventions, to the extent permitted by law.";
        let concerns = [Concern::AssignmentBeforePayment, Concern::Derivatives];
        assert_eq!(
            apply(s, &edits(s, &concerns, &library_ip())),
            "Employee hereby assigns, and agrees to assign, to Company, upon receipt of full payment of the Fees for the Covered Inventions, all right, title, and interest in the Covered Inventions, excluding Agency IP and improvements to it, to the extent permitted by law."
        );
        let plural = Words { agency_ip_plural: true, ..library_ip() };
        assert!(apply(s, &edits(s, &concerns, &plural)).contains("excluding Agency IP and improvements to them,"));
        // What the assignment covers is narrowed in its own sentence.
        let s = "This assignment covers all inventions Employee makes during employment, except for the inventions carved out below.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::BroadWorkProduct], &library_ip())),
            "This assignment covers all inventions Employee makes specifically for Client during employment, except for the inventions carved out below."
        );
        // Where the redline narrows the draft's term for what passes, the sentence names it.
        let narrowed = Words { narrowed: Some("Covered Inventions"), ..library_ip() };
        assert_eq!(
            apply(s, &edits(s, &[Concern::BroadWorkProduct], &narrowed)),
            "This assignment covers all Covered Inventions, except for the inventions carved out below."
        );
        // An object named by the term the redline narrows in its definition is not narrowed again.
        let s = "The Contributor hereby assigns to the Company all right, title, and interest in and to the Intellectual Property in the Project Materials, throughout the world.";
        let narrowed = Words { narrowed: Some("Project Materials"), ..library_ip() };
        let e = edits(s, &[Concern::BroadWorkProduct, Concern::PreExistingIp], &narrowed);
        assert_eq!(
            apply(s, &e),
            "The Contributor hereby assigns to the Company all right, title, and interest in and to the Intellectual Property in the Project Materials, excluding Agency IP, throughout the world."
        );
        assert!(!e.iter().any(|e| e.concerns.contains(&Concern::BroadWorkProduct)), "answered by the definition: {e:?}");
        // A denied vesting is not the transfer; the condition follows what is assigned.
        let s =
            "If any rights do not automatically vest in Company, Employee hereby assigns those rights and will sign additional documents.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::AssignmentBeforePayment], &library_ip())),
            "If any rights do not automatically vest in Company, Employee hereby assigns those rights, upon receipt of full payment of the Fees for them, and will sign additional documents."
        );
        // A bare defined term after "interest—if any—in and to" is what passes.
        let s = "Provider hereby assigns to Customer all right, title, and interest\u{2014}if any\u{2014}in and to Output.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::AssignmentBeforePayment, Concern::PreExistingIp], &library_ip())),
            "Provider hereby assigns to Customer, upon receipt of full payment of the Fees for Output, all right, title, and interest\u{2014}if any\u{2014}in and to Output, excluding Agency IP."
        );
        // The carve-out follows the parenthesis that qualifies what passes.
        let s = "The Supplier assigns to the Buyer all rights and interest in the Specially Written Software together with and including its Source Code.";
        assert_eq!(
            apply(s, &edits(s, &[Concern::PreExistingIp], &library_ip())),
            "The Supplier assigns to the Buyer all rights and interest in the Specially Written Software, excluding Agency IP, together with and including its Source Code."
        );
        let s = "The Developer hereby grants and assigns to the Customer its entire interest in the Software (including all intellectual property rights).";
        assert_eq!(
            apply(s, &edits(s, &[Concern::PreExistingIp], &library_ip())),
            "The Developer hereby grants and assigns to the Customer its entire interest in the Software (including all intellectual property rights), excluding Agency IP."
        );
    }

    #[test]
    fn what_is_not_an_assignment_of_the_work_or_already_fixed_is_left() {
        let all = [Concern::AssignmentBeforePayment, Concern::PreExistingIp];
        assert!(edits("Provider may not assign this Agreement without consent.", &all, &library_ip()).is_empty());
        let paid = "Upon full payment, Provider assigns to Client all right, title and interest in the Deliverables.";
        assert!(edits(paid, &[Concern::AssignmentBeforePayment], &library_ip()).is_empty());
        let claimed = "Provider hereby assigns to Client all right, title and interest in its pre-existing materials.";
        assert!(edits(claimed, &[Concern::PreExistingIp], &library_ip()).is_empty());
    }

    #[test]
    fn a_field_that_only_says_when_the_transfer_takes_effect_waits_for_payment() {
        let field = |s: &str| timing(s).map(|e| apply(s, &[e]));
        assert_eq!(
            field("**Effective:** Upon creation (automatically)").as_deref(),
            Some("**Effective:** Upon receipt of full payment of the Fees")
        );
        assert_eq!(field("Effective upon creation.").as_deref(), Some("Effective upon receipt of full payment of the Fees."));
        assert_eq!(field("Timing: as they are created").as_deref(), Some("Timing: upon receipt of full payment of the Fees"));
        // A sentence that assigns is edited as an assignment, and other words are not a time.
        assert_eq!(field("Developer assigns the code to Client upon creation."), None);
        assert_eq!(field("Effective: the date of the last signature"), None);
    }
}
