//! `clauseguard registry`: every command through the real binary, and every bad input gets one
//! clear message naming the file, exit code 2, and leaves the registry as it was.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/registry");

fn clauseguard(args: &[&str], registry: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clauseguard"))
        .args(args)
        .arg("--registry")
        .arg(registry)
        .env("NO_COLOR", "1")
        // Error reports need no backtrace; capturing one costs a second per error in debug builds.
        .env("RUST_LIB_BACKTRACE", "0")
        .output()
        .expect("run clauseguard")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A temporary folder with a copy of the fixture registry.
fn with_fixture() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("registry.json");
    std::fs::copy(Path::new(FIXTURES).join("registry.json"), &path).unwrap();
    (dir, path)
}

fn add(registry: &Path, name: &str, created: &str) -> Output {
    clauseguard(&["registry", "add", "--name", name, "--kind", "tool", "--description", "A tool.", "--created", created], registry)
}

#[test]
fn add_creates_a_private_registry_then_list_and_show_read_it() {
    let dir = tempfile::tempdir().unwrap();
    let registry = dir.path().join("config/clauseguard/registry.json");
    let listed = clauseguard(&["registry", "list"], &registry);
    assert!(listed.status.success());
    assert!(err(&listed).contains("no registry at"), "{}", err(&listed));

    let o = clauseguard(
        &[
            "registry",
            "add",
            "--name",
            "Prompt Forge",
            "--kind",
            "Model architecture",
            "--description",
            "Retrieval model architecture.",
            "--created",
            "2022-05-06",
            "--version",
            "3.1",
            "--evidence",
            "https://git.example.com/forge@v3.1.0; forge-paper.pdf",
        ],
        &registry,
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(err(&o).contains("added prompt-forge"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&registry).unwrap().permissions().mode() & 0o777, 0o600);
    }
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&registry).unwrap()).unwrap();
    assert_eq!(json["schema"], "clauseguard.registry/1");
    assert_eq!(json["items"][0]["kind"], "model-architecture");
    assert_eq!(json["items"][0]["evidence"]["commit"], "v3.1.0");
    assert_eq!(json["items"][0]["evidence"]["document"], "forge-paper.pdf");

    let list = out(&clauseguard(&["registry", "list"], &registry));
    assert!(list.contains("prompt-forge") && list.contains("2022-05-06") && list.contains("Prompt Forge"), "{list}");
    let show = out(&clauseguard(&["registry", "show", "prompt-forge"], &registry));
    assert!(show.contains("Model architecture") && show.contains("https://git.example.com/forge") && show.contains("Retrieval model"));
    let json_list: serde_json::Value =
        serde_json::from_str(&out(&clauseguard(&["registry", "list", "--format", "json"], &registry))).unwrap();
    assert_eq!(json_list["items"].as_array().unwrap().len(), 1);
    // No temporary files are left beside the registry.
    let leftovers: Vec<_> = std::fs::read_dir(registry.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn edit_and_remove() {
    let (_dir, registry) = with_fixture();
    let o =
        clauseguard(&["registry", "edit", "evalkit", "--version", "", "--document", "evalkit-2021.pdf", "--new-id", "eval-kit"], &registry);
    assert!(o.status.success(), "{}", err(&o));
    let show = out(&clauseguard(&["registry", "show", "eval-kit"], &registry));
    assert!(show.contains("version:     -") && show.contains("evalkit-2021.pdf"), "{show}");
    let o = clauseguard(&["registry", "remove", "eval-kit"], &registry);
    assert!(o.status.success());
    assert!(!out(&clauseguard(&["registry", "list"], &registry)).contains("EvalKit"));
    let o = clauseguard(&["registry", "edit", "promptbook"], &registry);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("nothing to change"), "{}", err(&o));
}

#[test]
fn unknown_items_name_the_file_and_the_known_ids() {
    let (_dir, registry) = with_fixture();
    for args in [&["registry", "show", "nope"][..], &["registry", "remove", "nope"], &["registry", "edit", "nope", "--name", "X"]] {
        let o = clauseguard(args, &registry);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let e = err(&o);
        assert!(
            e.contains(&registry.display().to_string()) && e.contains("no item \"nope\"") && e.contains("evalkit, docflow-pipeline"),
            "{e}"
        );
    }
}

#[test]
fn duplicates_and_future_dates_are_refused_and_nothing_changes() {
    let (_dir, registry) = with_fixture();
    let before = std::fs::read(&registry).unwrap();
    let cases = [
        (add(&registry, "evalkit", "2020-01-01"), "duplicate name"),
        (
            clauseguard(
                &[
                    "registry",
                    "add",
                    "--name",
                    "Other",
                    "--id",
                    "evalkit",
                    "--kind",
                    "tool",
                    "--description",
                    "x",
                    "--created",
                    "2020-01-01",
                ],
                &registry,
            ),
            "duplicate id",
        ),
        (add(&registry, "Time Machine", "2999-01-01"), "in the future"),
        (clauseguard(&["registry", "edit", "promptbook", "--name", "EVALKIT"], &registry), "duplicate name"),
        (
            clauseguard(&["registry", "add", "--name", "X", "--kind", "tool", "--description", "  ", "--created", "2020-01-01"], &registry),
            "description is required",
        ),
        (
            clauseguard(
                &["registry", "add", "--name", "Y", "--id", "Bad_Id", "--kind", "tool", "--description", "x", "--created", "2020-01-01"],
                &registry,
            ),
            "not a slug",
        ),
    ];
    for (o, expected) in cases {
        assert_eq!(o.status.code(), Some(2), "{expected}");
        let e = err(&o);
        assert!(e.contains(expected) && e.contains("registry.json"), "{expected}: {e}");
    }
    // Dates that do not exist are refused when parsed.
    let o = add(&registry, "Leap", "2023-02-29");
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("February 2023 has no day 29"), "{}", err(&o));
    assert_eq!(std::fs::read(&registry).unwrap(), before, "a refused change leaves the file as it was");
}

#[test]
fn import_adds_every_row_or_none() {
    let (_dir, registry) = with_fixture();
    let o = clauseguard(&["registry", "import", &format!("{FIXTURES}/items.csv")], &registry);
    assert!(o.status.success(), "{}", err(&o));
    assert!(err(&o).contains("imported 2 items"));
    let list = out(&clauseguard(&["registry", "list"], &registry));
    assert!(list.contains("segmenter") && list.contains("red-team-playbook"), "{list}");

    let before = std::fs::read(&registry).unwrap();
    let o = clauseguard(&["registry", "import", &format!("{FIXTURES}/bad-items.csv")], &registry);
    assert_eq!(o.status.code(), Some(2));
    let e = err(&o);
    for expected in [
        "bad-items.csv",
        "6 bad rows",
        "line 3: name is required",
        "line 4: unknown kind \"spaceship\"",
        "line 5: created: \"2021-02-29\" is not a date",
        "line 6: created date 2999-01-01 is in the future",
        "line 7: id \"evalkit\" is already in the registry",
        "line 8: id \"good-tool\" is also on line 2",
    ] {
        assert!(e.contains(expected), "{expected:?} in {e}");
    }
    assert!(!e.contains("line 2:"), "the good row is not reported: {e}");
    assert_eq!(std::fs::read(&registry).unwrap(), before, "nothing imported");
}

#[test]
fn corrupt_future_and_foreign_files_are_reported_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &str); 5] = [
        ("truncated.json", "{\"schema\": \"clauseguard.registry/1\", \"items\": ["),
        ("future.json", "{\"schema\": \"clauseguard.registry/7\", \"items\": [], \"colour\": 1}"),
        ("foreign.json", "{\"name\": \"not ours\"}"),
        (
            "badfield.json",
            "{\"schema\": \"clauseguard.registry/1\", \"items\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"rocket\", \"description\": \"x\", \"created\": \"2020-01-01\"}]}",
        ),
        (
            "baddate.json",
            "{\"schema\": \"clauseguard.registry/1\", \"items\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"tool\", \"description\": \"x\", \"created\": \"2020-02-30\"}]}",
        ),
    ];
    let expected = [
        "corrupt registry file at line 1",
        "written by a newer clauseguard",
        "not a clauseguard registry",
        "items[0].kind",
        "February 2020 has no day 30",
    ];
    for ((name, content), expected) in cases.iter().zip(expected) {
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        for args in [
            &["registry", "list"][..],
            &["registry", "add", "--name", "New", "--kind", "tool", "--description", "x", "--created", "2020-01-01"],
        ] {
            let o = clauseguard(args, &path);
            assert_eq!(o.status.code(), Some(2), "{name} {args:?}");
            let e = err(&o);
            assert!(e.contains(name) && e.contains(expected), "{name}: {e}");
            assert_eq!(e.trim().lines().count(), 1, "one line: {e}");
        }
        assert_eq!(std::fs::read_to_string(&path).unwrap(), *content, "{name} is left as it was");
    }
}

#[test]
fn two_writers_at_once_both_keep_their_items() {
    let (_dir, registry) = with_fixture();
    let children: Vec<_> = (0..6)
        .map(|i| {
            Command::new(env!("CARGO_BIN_EXE_clauseguard"))
                .args([
                    "registry",
                    "add",
                    "--name",
                    &format!("Parallel {i}"),
                    "--kind",
                    "tool",
                    "--description",
                    "x",
                    "--created",
                    "2020-01-01",
                ])
                .arg("--registry")
                .arg(&registry)
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let list = out(&clauseguard(&["registry", "list"], &registry));
    for i in 0..6 {
        assert!(list.contains(&format!("parallel-{i}")), "item {i} lost: {list}");
    }
}

#[test]
fn the_environment_variable_names_the_registry() {
    let (_dir, registry) = with_fixture();
    let o =
        Command::new(env!("CARGO_BIN_EXE_clauseguard")).args(["registry", "path"]).env("CLAUSEGUARD_REGISTRY", &registry).output().unwrap();
    assert_eq!(out(&o).trim(), registry.display().to_string());
    let o =
        Command::new(env!("CARGO_BIN_EXE_clauseguard")).args(["registry", "list"]).env("CLAUSEGUARD_REGISTRY", &registry).output().unwrap();
    assert!(out(&o).contains("docflow-pipeline"));
}
