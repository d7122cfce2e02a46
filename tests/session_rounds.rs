//! A revised draft of a deal opened without `--session` (`deal.md` changed, `deal-v2.md`,
//! `deal round 2.md`) goes to the deal's session as its next round, not to a new deal "deal-2";
//! when the name fits but the wording does not, clauseguard says so and how to choose.

use std::path::{Path, PathBuf};

use clauseguard::cli::launch;
use clauseguard::session::{Round, Session, SessionStore};
use clauseguard::tui::Launch;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rounds").join(name)).unwrap()
}

struct Env {
    dir: tempfile::TempDir,
    store: SessionStore,
}

impl Env {
    /// A session "deal" whose round 1 is `deal.md`.
    fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let store = SessionStore::new(dir.path().join("sessions"));
        drop(store.create(Session::new("deal", Round::new(1, "deal.md", &fixture("r1.txt")))).unwrap());
        Env { dir, store }
    }

    fn draft(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    /// The session the workspace would record `name` in, or the refusal.
    fn session_for(&self, name: &str, text: &str) -> Result<Option<String>, String> {
        let path = self.draft(name, text);
        match launch(false, None, Some(path.clone()), None, &self.store) {
            Ok(Some(Launch::Draft { path: p, session })) if p == path => Ok(session),
            Ok(other) => panic!("{other:?}"),
            Err(e) => Err(e.to_string()),
        }
    }
}

#[test]
fn a_revised_draft_is_the_next_round_of_its_deal() {
    let env = Env::new();
    let revised = fixture("r2.txt");
    for name in ["deal.md", "deal-v2.md", "deal round 2.md", "Deal_R2.md", "deal (2).md"] {
        assert_eq!(env.session_for(name, &revised), Ok(Some("deal".into())), "{name}");
    }
    // The latest round itself opens there too; a draft of another name is another deal.
    assert_eq!(env.session_for("deal.md", &fixture("r1.txt")), Ok(Some("deal".into())));
    assert_eq!(env.session_for("harbour-lease.md", &revised), Ok(None));
}

#[test]
fn a_session_made_from_deal_v1_takes_deal_v2() {
    let env = Env::new();
    drop(env.store.create(Session::new("msa-v1", Round::new(1, "msa-v1.md", &fixture("r1.txt")))).unwrap());
    std::fs::remove_file(env.store.path("deal")).unwrap();
    assert_eq!(env.session_for("msa-v2.md", &fixture("r2.txt")), Ok(Some("msa-v1".into())));
}

#[test]
fn a_match_by_name_alone_is_refused_with_how_to_choose() {
    let env = Env::new();
    let other = "LEASE AGREEMENT\n\n1. Premises. The landlord lets the flat at 3 High Street to the tenant.\n\n2. Rent. The tenant pays rent monthly in advance.\n";
    let err = env.session_for("deal-v2.md", other).unwrap_err();
    assert!(err.contains("deal-v2.md is named like session deal"), "{err}");
    assert!(err.contains("to record it as round 2 of deal, pass --session deal"), "{err}");
    assert!(err.contains("--session NEW-NAME"), "{err}");
    // --session decides.
    let path = env.draft("deal-v2.md", other);
    let chosen = launch(false, None, Some(path.clone()), Some("lease".into()), &env.store).unwrap();
    assert_eq!(chosen, Some(Launch::Draft { path, session: Some("lease".into()) }));
}

#[test]
fn an_earlier_round_opened_again_is_named_as_such() {
    let env = Env::new();
    let mut open = env.store.open("deal").unwrap();
    open.session_mut().add_round("deal.md", &fixture("r2.txt"));
    open.save().unwrap();
    drop(open);
    let err = env.session_for("deal.md", &fixture("r1.txt")).unwrap_err();
    assert!(err.contains("deal.md is round 1 of session deal, which is at round 2 now"), "{err}");
    assert!(err.contains("clauseguard --resume deal"), "{err}");
}

#[test]
fn two_sessions_of_the_same_name_are_a_choice_for_the_user() {
    let env = Env::new();
    drop(env.store.create(Session::new("deal-2", Round::new(1, "deal.md", &fixture("r1.txt")))).unwrap());
    let err = env.session_for("deal-v3.md", &fixture("r2.txt")).unwrap_err();
    assert!(err.contains("could be the next round of sessions deal, deal-2"), "{err}");
}

#[test]
fn a_session_named_otherwise_takes_the_next_round_of_its_file() {
    let env = Env::new();
    drop(env.store.create(Session::new("friday-call", Round::new(1, "acme-msa.md", &fixture("r1.txt")))).unwrap());
    std::fs::remove_file(env.store.path("deal")).unwrap();
    for name in ["acme-msa.md", "acme-msa-v2.md", "acme msa round 2.md"] {
        assert_eq!(env.session_for(name, &fixture("r2.txt")), Ok(Some("friday-call".into())), "{name}");
    }
    assert_eq!(env.session_for("harbour-lease.md", &fixture("r2.txt")), Ok(None));
}
