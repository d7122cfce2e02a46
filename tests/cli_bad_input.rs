//! Bad drafts get one clear line naming the file and the problem, and exit code 2.

use std::process::{Command, Output};

fn clauseguard(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clauseguard")).args(args).env("NO_COLOR", "1").output().expect("run clauseguard")
}

fn analyze_bytes(name: &str, bytes: &[u8]) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = clauseguard(&["analyze", path.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(stderr.contains(name), "message should name the file {name}: {stderr}");
    assert!(out.stdout.is_empty(), "nothing printed on stdout for a bad draft");
    (out.status.code().unwrap_or(-1), stderr)
}

#[test]
fn empty_and_whitespace_drafts() {
    for (name, bytes) in [("empty.txt", &b""[..]), ("blank.md", b"  \n\n\t \r\n")] {
        let (code, err) = analyze_bytes(name, bytes);
        assert_eq!(code, 2);
        assert!(err.contains("empty"), "{err}");
    }
}

#[test]
fn binary_and_foreign_formats() {
    let cases: [(&str, &[u8], &str); 6] = [
        ("nul.txt", b"Client owns\0\x01\x02 everything", "binary"),
        ("image.docx", b"\x89PNG\r\n\x1a\n....", "PNG"),
        ("legacy.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", ".doc"),
        ("contract.pdf", b"%PDF-1.7 ...", "PDF"),
        ("latin1.txt", b"Caf\xe9 agreement", "UTF-8"),
        ("fake.docx", b"this is not a zip", "zip"),
    ];
    for (name, bytes, expect) in cases {
        let (code, err) = analyze_bytes(name, bytes);
        assert_eq!(code, 2, "{name}");
        assert!(err.contains(expect), "{name}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    }
    // Large enough to be hashed on a thread of its own while it is decoded.
    let big_binary: Vec<u8> = (0..400_000u32).map(|k| (k.wrapping_mul(2_654_435_761) >> 24) as u8).collect();
    let (code, err) = analyze_bytes("big.txt", &big_binary);
    assert_eq!(code, 2);
    assert!(err.contains("big.txt") && err.contains("UTF-8"), "{err}");
    let (code, err) = analyze_bytes("blank.txt", " \n".repeat(200_000).as_bytes());
    assert_eq!(code, 2);
    assert!(err.contains("blank.txt") && err.contains("empty"), "{err}");
}

#[test]
fn missing_file_and_folder() {
    let out = clauseguard(&["analyze", "/no/such/draft.docx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/draft.docx"));
    let dir = tempfile::tempdir().unwrap();
    let out = clauseguard(&["analyze", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("folder"));
}

#[test]
fn oversized_draft_is_refused_by_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(clauseguard::ingest::MAX_INPUT_BYTES + 1).unwrap();
    let out = clauseguard(&["analyze", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("huge.txt") && err.contains("MiB"), "{err}");
}

#[test]
fn encodings_are_decoded() {
    let text = "1. Ownership. All work product created during the engagement belongs to Client.\r\n";
    let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut bom8 = b"\xEF\xBB\xBF".to_vec();
    bom8.extend_from_slice(text.as_bytes());
    for (name, bytes) in [("utf16.txt", utf16), ("bom.txt", bom8)] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = clauseguard(&["extract", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8(out.stdout).unwrap(), text, "{name}");
    }
}

/// A valid clause file, written for this test so library edits do not move its lines.
const GOOD_CLAUSE: &str = r#"{
  "id": "residuals",
  "title": "Residuals",
  "category": "agency-ip",
  "standard_text": "Agency may use general know-how retained by its personnel.",
  "why_it_matters": "Our people stay smarter after the project.",
  "counsel_note": "Agency's personnel keep their general know-how.",
  "required": true,
  "missing": {
    "concern": "no-residuals",
    "severity": "high",
    "present_when": ["residual~"],
    "explanation": "No residuals clause."
  },
  "fallbacks": [
    {"kind": "educate", "text": "", "talking_point": "Every firm keeps what its people learn."},
    {"kind": "boundaries", "text": "Agency may use general know-how, never Client's Confidential Information.", "talking_point": "Your secrets stay yours.", "counsel_note": "General know-how only, never Client's Confidential Information."}
  ]
}"#;

#[test]
fn bad_library_folder_lists_every_problem() {
    let dir = tempfile::tempdir().unwrap();
    let good = GOOD_CLAUSE.to_owned();
    std::fs::write(dir.path().join("a.json"), &good).unwrap();
    std::fs::write(dir.path().join("b.json"), &good).unwrap();
    std::fs::write(dir.path().join("c.json"), "{ \"id\": \"x\",\n  \"title\": }").unwrap();
    std::fs::write(
        dir.path().join("d.json"),
        good.replacen("\"no-residuals\"", "\"no-such-concern\"", 1).replacen("\"residuals\"", "\"d\"", 1),
    )
    .unwrap();
    let with_rule = good.replacen("\"residuals\"", "\"e\"", 1).replacen(
        "\"fallbacks\"",
        "\"see_also\": [\"nowhere\"],\n  \"rules\": [{\"id\": \"r\", \"concern\": \"no-residuals\", \"severity\": \"high\", \"patterns\": [\"(unclosed\"], \"explanation\": \"x\"}],\n  \"fallbacks\"",
        1,
    );
    std::fs::write(dir.path().join("e.json"), with_rule).unwrap();
    std::fs::write(dir.path().join("f.json"), good.replacen("\"residuals\"", "\"f\"", 1).replacen("\"boundaries\"", "\"grovel\"", 1))
        .unwrap();
    std::fs::write(
        dir.path().join("g.json"),
        good.replacen("\"residuals\"", "\"g\"", 1).replacen("\"fallbacks\"", "\"see_also\": [\"nowhere\"],\n  \"fallbacks\"", 1),
    )
    .unwrap();
    // Valid syntax, but too large to compile: found although patterns compile on first use.
    let huge = good.replacen("\"residuals\"", "\"h\"", 1).replacen(
        "\"fallbacks\"",
        "\"rules\": [{\"id\": \"r\", \"concern\": \"no-residuals\", \"severity\": \"high\",\n    \"patterns\": [\"(?:\\\\w{0,60} ){0,60}\"], \"explanation\": \"x\"}],\n  \"fallbacks\"",
        1,
    );
    std::fs::write(dir.path().join("h.json"), huge).unwrap();
    // Counter-language with no reason for counsel, a clause with none for its standard text.
    let unexplained = good
        .replacen("\"residuals\"", "\"i\"", 1)
        .replacen(", \"counsel_note\": \"General know-how only, never Client's Confidential Information.\"", "", 1)
        .replacen("  \"counsel_note\": \"Agency's personnel keep their general know-how.\",\n", "", 1);
    assert!(!unexplained.contains("counsel_note"));
    std::fs::write(dir.path().join("i.json"), unexplained).unwrap();
    let out = clauseguard(&["library", "check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("h.json:") && stdout.contains("{0,60} ){0,60}") && stdout.contains("does not compile"), "{stdout}");
    assert!(stdout.contains("b.json") && stdout.contains("duplicate clause id"), "{stdout}");
    assert!(stdout.contains("c.json:2:"), "{stdout}");
    assert!(stdout.contains("d.json") && stdout.contains("missing.concern") && stdout.contains("no-such-concern"), "{stdout}");
    assert!(stdout.contains("e.json") && stdout.contains("rules[0].patterns[0]") && stdout.contains("does not compile"), "{stdout}");
    assert!(stdout.contains("f.json") && stdout.contains("fallbacks[1].kind") && stdout.contains("grovel"), "{stdout}");
    assert!(stdout.contains("g.json") && stdout.contains("see_also[0]") && stdout.contains("unknown clause reference"), "{stdout}");
    assert!(stdout.contains("i.json:") && stdout.contains("fallbacks[1].counsel_note: a fallback with counter-language"), "{stdout}");
    assert!(stdout.contains(": counsel_note: a clause needs a `counsel_note`"), "{stdout}");
    for line in stdout.lines() {
        let mut parts = line.splitn(4, ':');
        let (file, line_no, col) = (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap());
        assert!(
            std::path::Path::new(file).extension().is_some_and(|e| e == "json")
                && line_no.parse::<usize>().is_ok()
                && col.parse::<usize>().is_ok(),
            "FILE:LINE:COL: {line}"
        );
    }
    // analyze with that library fails the same way, naming the folder.
    let draft = dir.path().join("draft.txt");
    std::fs::write(&draft, "1. All work product belongs to Client.").unwrap();
    let out = clauseguard(&["analyze", "--library", dir.path().to_str().unwrap(), draft.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("loading clause library"));
}

#[test]
fn control_characters_never_reach_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.txt");
    std::fs::write(&path, "1. Ownership. All work product\x1b[2J\x1b]52;c;aGk=\x07 created during the engagement is owned by Client.\n")
        .unwrap();
    for args in [vec!["analyze"], vec!["analyze", "--format", "markdown"], vec!["extract"]] {
        let mut args = args.clone();
        args.push(path.to_str().unwrap());
        let out = clauseguard(&args);
        assert!(!out.stdout.contains(&0x1b) && !out.stdout.contains(&0x07), "{args:?}");
    }
}

#[test]
fn a_one_megabyte_line_is_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one-line.txt");
    let line = "1. Ownership. All work product created during the engagement shall be the property of Client; ".repeat(11_000);
    assert!(line.len() > 1_000_000);
    std::fs::write(&path, &line).unwrap();
    let out = clauseguard(&["analyze", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["summary"]["high"].as_u64().unwrap() > 0);
}

#[test]
fn hostile_libraries_are_refused_or_harmless() {
    let dir = tempfile::tempdir().unwrap();
    // Deeply nested JSON: refused by the parser's depth limit, named, no crash.
    std::fs::write(dir.path().join("deep.json"), format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000))).unwrap();
    let out = clauseguard(&["library", "check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("deep.json:1:"), "{}", String::from_utf8_lossy(&out.stdout));

    // A pattern that is catastrophic for a backtracking engine runs in linear time here.
    let lib = tempfile::tempdir().unwrap();
    let clause = GOOD_CLAUSE.replacen(
        "\"fallbacks\"",
        "\"rules\": [{\"id\": \"evil\", \"concern\": \"broad-work-product\", \"severity\": \"low\", \"patterns\": [\"(a+)+b\", \"(x|x)*y\"], \"explanation\": \"x\"}],\n  \"fallbacks\"",
        1,
    );
    std::fs::write(lib.path().join("evil.json"), clause).unwrap();
    let draft = lib.path().join("draft.txt");
    std::fs::write(&draft, format!("{}!\n{}!", "a".repeat(200_000), "x".repeat(200_000))).unwrap();
    // A backtracking engine would not return from this for hours; the regex engine is linear.
    let out = clauseguard(&["analyze", "--library", lib.path().to_str().unwrap(), draft.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_mistyped_command_is_suggested_not_read_as_a_draft() {
    for (args, typo, meant) in
        [(&["sesion", "list"][..], "sesion", "session"), (&["analyz"], "analyz", "analyze"), (&["redlin", "x.md"], "redlin", "redline")]
    {
        let out = clauseguard(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(&format!("unrecognized subcommand '{typo}'; did you mean '{meant}'?")), "{args:?}: {err}");
    }
    // A missing draft is still a missing draft, said once.
    let out = clauseguard(&["analyze", "nope.docx"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(err.matches("nope.docx").count(), 1, "{err}");
    assert_eq!(err.matches("os error 2").count(), 1, "the cause is said once: {err}");
}

#[test]
fn opendocument_is_named_and_refused() {
    use std::io::Write as _;
    let mut odt = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    odt.start_file("mimetype", stored).unwrap();
    odt.write_all(b"application/vnd.oasis.opendocument.text").unwrap();
    odt.start_file("content.xml", stored).unwrap();
    odt.write_all(b"<office:document-content/>").unwrap();
    let odt = odt.finish().unwrap().into_inner();
    for name in ["proposal.odt", "saved-as-odt.docx"] {
        let (code, err) = analyze_bytes(name, &odt);
        assert_eq!(code, 2);
        assert!(err.contains("OpenDocument is not supported: save as .docx"), "{name}: {err}");
    }
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    use std::io::Read as _;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    std::fs::write(&path, "1. Ownership. All work product created during the engagement belongs to Client.\n\n".repeat(20_000)).unwrap();
    for command in ["extract", "analyze"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_clauseguard"))
            .args([command, path.to_str().unwrap()])
            .env("NO_COLOR", "1")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut head = [0; 16];
        child.stdout.take().unwrap().read_exact(&mut head).unwrap();
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.is_empty(), "{command} | head printed: {err}");
        assert!(out.status.success(), "{command} | head: {:?}", out.status);
    }
}

#[test]
fn completions_and_man_page() {
    for (shell, expect) in [("bash", "_clauseguard()"), ("zsh", "#compdef clauseguard"), ("fish", "complete -c clauseguard")] {
        let out = clauseguard(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8_lossy(&out.stdout);
        assert!(script.contains(expect) && script.contains("redline") && script.contains("sessions-dir"), "{shell}: {script}");
    }
    let out = clauseguard(&["man"]);
    assert!(out.status.success());
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(page.contains(".TH clauseguard 1") && page.contains("session"), "{page}");
}

/// The options of `help` for `args`, each as (flag, description).
fn help_options(args: &[&str]) -> Vec<(String, String)> {
    let out = clauseguard(args);
    assert!(out.status.success(), "{args:?}");
    let help = String::from_utf8_lossy(&out.stdout).into_owned();
    let options = help.split("Options:").nth(1).unwrap_or_default();
    options
        .lines()
        .filter(|l| l.trim_start().starts_with('-'))
        .map(|l| {
            let flag = l.split_whitespace().find(|w| w.starts_with("--")).unwrap_or_default().trim_end_matches(',').to_owned();
            let description = l.trim_start().split_once("  ").map_or("", |(_, d)| d).trim().to_owned();
            (flag, description)
        })
        .collect()
}

#[test]
fn a_command_lists_only_the_options_it_takes_each_described() {
    let analyze = help_options(&["analyze", "--help"]);
    let flags: Vec<&str> = analyze.iter().map(|(f, _)| f.as_str()).collect();
    for workspace_only in ["--demo", "--resume", "--session", "--sessions-dir"] {
        assert!(!flags.contains(&workspace_only), "analyze --help lists {workspace_only}: {flags:?}");
    }
    for own in ["--format", "--fail-on", "--engagement", "--library", "--agency-party", "--registry"] {
        assert!(flags.contains(&own), "analyze --help lacks {own}: {flags:?}");
    }
    for (flag, description) in &analyze {
        assert!(!description.is_empty(), "analyze --help: {flag} has no description");
    }
    // A command that analyses nothing takes none of the analysis options.
    for args in [&["extract", "--help"][..], &["session", "list", "--help"], &["completions", "--help"], &["man", "--help"]] {
        let flags: Vec<String> = help_options(args).into_iter().map(|(f, _)| f).collect();
        assert!(
            !flags.iter().any(|f| ["--library", "--agency-party", "--registry", "--demo"].contains(&f.as_str())),
            "{args:?}: {flags:?}"
        );
    }
    let workspace: Vec<String> = help_options(&["--help"]).into_iter().map(|(f, _)| f).collect();
    assert!(["--demo", "--session", "--library", "--sessions-dir"].iter().all(|f| workspace.iter().any(|w| w == f)), "{workspace:?}");
}

#[test]
fn an_agency_party_the_draft_never_uses_is_refused_with_the_parties_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("msa.txt");
    std::fs::write(
        &path,
        "This Agreement is between Acme Corp (\"Client\") and Bright Labs LLC (\"Provider\"). Provider shall provide the Services.",
    )
    .unwrap();
    let out = clauseguard(&["analyze", path.to_str().unwrap(), "--agency-party", "Northwind"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("msa.txt") && err.contains("Northwind") && err.contains("\"Provider\"") && err.contains("\"Client\""), "{err}");
    let out = clauseguard(&["analyze", path.to_str().unwrap(), "--agency-party", "the provider"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_library_folder_brings_its_own_provision_reading() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/clause-library")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let draft = dir.path().join("d.txt");
    std::fs::write(
        &draft,
        "This Agreement is between Acme Corp (\"Client\") and Bright Labs LLC (\"Provider\").\n\n1. Provider shall provide the Services.\n\n2. Any New IPR created under this Contract is owned by the Client.\n",
    )
    .unwrap();
    let analyze = |library: &std::path::Path| {
        let out = clauseguard(&["analyze", draft.to_str().unwrap(), "--format", "json", "--library", library.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    // The embedded reading: the ownership statement is a transfer on signature.
    assert!(analyze(dir.path()).contains("ip-assignment/owned-before-payment"));
    // A reading/ folder with no provision rules reads the same draft without them.
    std::fs::create_dir(dir.path().join("reading")).unwrap();
    std::fs::write(dir.path().join("reading/rules.json"), r#"{"about": "none", "rules": []}"#).unwrap();
    assert!(!analyze(dir.path()).contains("owned-before-payment"));
    // A broken one is reported with its file, like any clause file.
    std::fs::write(dir.path().join("reading/lexicon.json"), "{ not json").unwrap();
    let out = clauseguard(&["library", "check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("lexicon.json"), "{}", String::from_utf8_lossy(&out.stdout));
}
