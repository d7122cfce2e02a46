//! The registry in the analysis: a draft naming the agency's items, or claiming pre-existing IP
//! without a carve-out, gets `pre-existing-ip` findings naming the items at risk; a draft that
//! lists them in an exhibit of pre-existing IP does not. And `analyze --engagement`.

use std::path::Path;
use std::process::{Command, Output};

use clauseguard::analysis::{Analyzer, Finding, FindingKind, Options};
use clauseguard::ingest::{self, Document, Format};
use clauseguard::library::{ClauseLibrary, Concern, FallbackKind, Severity};
use clauseguard::registry::{self, Registry, RegistryFile, Standing};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/registry");

fn library() -> ClauseLibrary {
    ClauseLibrary::load_dir(&Path::new(FIXTURES).join("library")).unwrap()
}

fn fixture_registry() -> Registry {
    RegistryFile::new(Path::new(FIXTURES).join("registry.json")).load().unwrap()
}

fn findings_for(doc: &Document, registry: &Registry, library: &ClauseLibrary) -> Vec<Finding> {
    let analysis = Analyzer::new(library).analyze(doc, &Options::default());
    registry::registry_findings_with(&analysis, doc, registry, library)
}

fn text(text: &str) -> Document {
    ingest::from_text("draft.txt", Format::Txt, text)
}

#[test]
fn named_items_and_claimed_background_ip() {
    let library = library();
    let doc = ingest::load(&Path::new(FIXTURES).join("draft-claims.txt")).unwrap();
    let findings = findings_for(&doc, &fixture_registry(), &library);
    let summary: Vec<(Severity, &str)> = findings.iter().map(|f| (f.severity, f.phrase.as_deref().unwrap_or(""))).collect();
    assert_eq!(summary, [(Severity::Medium, "EvalKit"), (Severity::High, "DocFlow Pipeline"), (Severity::High, "background technology")]);
    for f in &findings {
        assert_eq!((f.kind, f.concern, f.rule.as_str()), (FindingKind::Phrase, Concern::PreExistingIp, "registry/named-item"));
        let (start, end) = (f.start.unwrap(), f.end.unwrap());
        assert_eq!(Some(&doc.text[start..end]), f.phrase.as_deref(), "offsets point at the phrase");
        // The ladder is the library's exhibit clause.
        assert_eq!(f.fallbacks[0].talking_point, "The builder keeps its tools after the house is built.");
    }
    assert!(findings[0].explanation.contains("§2 Ownership assigns work product broadly"), "{}", findings[0].explanation);
    assert!(findings[1].explanation.contains("DocFlow Pipeline") && findings[1].explanation.contains("gives ownership to the client"));
    // The claim on background IP puts every item at risk, named.
    for name in ["EvalKit", "DocFlow Pipeline", "PromptBook", "R&D <Toolkit>"] {
        assert!(findings[2].explanation.contains(name), "{name}: {}", findings[2].explanation);
    }
}

#[test]
fn items_listed_in_an_exhibit_of_pre_existing_ip_are_kept() {
    let library = library();
    let registry = fixture_registry();
    let doc = ingest::load(&Path::new(FIXTURES).join("draft-carved.md")).unwrap();
    let analysis = Analyzer::new(&library).analyze(&doc, &Options::default());
    assert!(registry::registry_findings_with(&analysis, &doc, &registry, &library).is_empty());
    let mentions = registry::mentions(&analysis, &doc, &registry);
    let seen: Vec<(&str, Standing, Option<&str>)> = mentions.iter().map(|m| (m.item.as_str(), m.standing, m.exhibit.as_deref())).collect();
    let exhibit = Some("Exhibit A: Agency Pre-Existing IP");
    assert_eq!(
        seen,
        [("evalkit", Standing::Named, None), ("evalkit", Standing::Kept, exhibit), ("docflow-pipeline", Standing::Kept, exhibit)],
        "case-insensitive, and white space inside a name may vary"
    );
}

#[test]
fn names_match_whole_words_ignoring_case_and_line_breaks() {
    let library = library();
    let registry = fixture_registry();
    let doc = text("1. Tools. We use EvalKits, PromptBookish and evalkit-like tools; also EVALKIT and the DocFlow\nPipeline.\n");
    let analysis = Analyzer::new(&library).analyze(&doc, &Options::default());
    let found: Vec<&str> = registry::mentions(&analysis, &doc, &registry).iter().map(|m| &doc.text[m.start..m.end]).collect();
    assert_eq!(found, ["evalkit", "EVALKIT", "DocFlow\nPipeline"]);
}

#[test]
fn a_broad_assignment_without_carve_out_puts_every_item_at_risk() {
    let library = library();
    let preamble = "This Agreement is between Northwind Health, Inc. (\"Client\") and Bright Labs LLC (\"Agency\").\n\n";
    let doc = text(&format!("{preamble}1. Ownership. All work product created under this Agreement belongs to Client.\n"));
    let findings = findings_for(&doc, &fixture_registry(), &library);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0].severity, Severity::High);
    assert_eq!(findings[0].phrase.as_deref(), Some("All work product"));
    assert!(findings[0].explanation.contains("These registry items are at risk: EvalKit, DocFlow Pipeline, PromptBook, R&D <Toolkit>"));

    let carved = text(&format!(
        "{preamble}1. Ownership. All work product created under this Agreement belongs to Client.\n\n2. Agency IP. Client IP excludes Agency's pre-existing materials.\n"
    ));
    assert!(findings_for(&carved, &fixture_registry(), &library).is_empty(), "a carve-out anywhere in the draft covers the items");
    assert!(findings_for(&doc, &Registry::default(), &library).is_empty(), "no registry, no findings");
    // Without the parties the analysis cannot tell who receives the grant and rates it low: a
    // note, not an assignment that puts the registry at risk.
    let unsure = text("1. Ownership. All work product created under this Agreement belongs to Client.\n");
    assert!(findings_for(&unsure, &fixture_registry(), &library).is_empty());
}

#[test]
fn without_the_library_clause_the_built_in_ladder_is_offered() {
    let bare = ClauseLibrary { clauses: Vec::new(), origin: "test".into(), reading: None };
    let doc = text("1. Ownership. Client shall own EvalKit.\n");
    let findings = findings_for(&doc, &fixture_registry(), &bare);
    assert_eq!(findings.len(), 1);
    let kinds: Vec<FallbackKind> = findings[0].fallbacks.iter().map(|o| o.kind).collect();
    assert_eq!(
        kinds,
        [FallbackKind::Educate, FallbackKind::ShowValue, FallbackKind::NarrowScope, FallbackKind::LicenseBack, FallbackKind::WalkAway]
    );
    assert!(findings[0].fallbacks[2].text.contains("Exhibit A"));
}

fn analyze(args: &[&str], config_home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clauseguard"))
        .arg("analyze")
        .args(args)
        .env_remove("CLAUSEGUARD_REGISTRY")
        .env("XDG_CONFIG_HOME", config_home)
        .env("NO_COLOR", "1")
        .env("RUST_LIB_BACKTRACE", "0")
        .output()
        .expect("run clauseguard")
}

fn json_findings(o: &Output) -> Vec<serde_json::Value> {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v["findings"].as_array().unwrap().clone()
}

#[test]
fn analyze_uses_the_registry_and_the_engagement_model() {
    let home = tempfile::tempdir().unwrap();
    let draft = format!("{FIXTURES}/draft-claims.txt");
    let lib = format!("{FIXTURES}/library");
    let reg = format!("{FIXTURES}/registry.json");
    let without = json_findings(&analyze(&[&draft, "--format", "json", "--library", &lib], home.path()));
    assert!(!without.iter().any(|f| f["rule"] == "registry/named-item"), "no registry anywhere: no registry findings");

    let with = json_findings(&analyze(&[&draft, "--format", "json", "--library", &lib, "--registry", &reg], home.path()));
    assert_eq!(with.iter().filter(|f| f["rule"] == "registry/named-item").count(), 3);

    // The default registry location is used when nothing is given.
    std::fs::create_dir_all(home.path().join("clauseguard")).unwrap();
    std::fs::copy(&reg, home.path().join("clauseguard/registry.json")).unwrap();
    let default = json_findings(&analyze(&[&draft, "--format", "json", "--library", &lib], home.path()));
    assert_eq!(default.len(), with.len());

    let tm = json_findings(&analyze(&[&draft, "--format", "json", "--library", &lib, "--engagement", "time-and-materials"], home.path()));
    let missing: Vec<&str> = tm.iter().filter(|f| f["kind"] == "missing").map(|f| f["library_clause"].as_str().unwrap()).collect();
    assert_eq!(missing, ["engagement-time-materials"]);

    let productized = json_findings(&analyze(&[&draft, "--format", "json", "--library", &lib, "--engagement", "productized"], home.path()));
    let missing: Vec<(&str, &str)> = productized
        .iter()
        .filter(|f| f["kind"] == "missing")
        .map(|f| (f["library_clause"].as_str().unwrap(), f["explanation"].as_str().unwrap()))
        .collect();
    assert_eq!(missing.len(), 2, "{missing:?}");
    assert!(missing.iter().any(|(id, _)| *id == "engagement-productized"));
    assert!(
        missing
            .iter()
            .any(|(id, why)| *id == "model-ownership" && why.starts_with("In a productized engagement this protection is required"))
    );

    let text = analyze(&[&draft, "--library", &lib, "--engagement", "staff-augmentation"], home.path());
    assert!(String::from_utf8_lossy(&text.stdout).contains("MISSING  [pre-existing-ip]"));
}

#[test]
fn bad_registries_and_models_in_analyze() {
    let home = tempfile::tempdir().unwrap();
    let draft = format!("{FIXTURES}/draft-claims.txt");
    let o = analyze(&[&draft, "--engagement", "retainer"], home.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("time-and-materials"));

    let broken = home.path().join("broken.json");
    std::fs::write(&broken, "{ not json").unwrap();
    let o = analyze(&[&draft, "--registry", broken.to_str().unwrap()], home.path());
    assert_eq!(o.status.code(), Some(2), "a registry asked for must load");
    assert!(String::from_utf8_lossy(&o.stderr).contains("broken.json"));

    // A broken default registry is reported, and the draft is still analysed.
    std::fs::create_dir_all(home.path().join("clauseguard")).unwrap();
    std::fs::write(home.path().join("clauseguard/registry.json"), "{ not json").unwrap();
    let o = analyze(&[&draft], home.path());
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("warning: the registry was not used"));
    assert_eq!(std::fs::read_to_string(home.path().join("clauseguard/registry.json")).unwrap(), "{ not json");
}
