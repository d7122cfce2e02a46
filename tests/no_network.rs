//! Contracts are confidential: clauseguard never opens a network connection, and nothing in its
//! dependency tree could.

use std::path::Path;
use std::process::Command;

/// Crates whose presence would mean the binary can talk to the network.
const NETWORK_CRATES: &[&str] = &[
    "hyper",
    "reqwest",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "surf",
    "attohttpc",
    "h2",
    "tokio",
    "async-std",
    "native-tls",
    "rustls",
    "openssl",
    "openssl-sys",
    "socket2",
    "trust-dns-resolver",
    "hickory-resolver",
    "tungstenite",
    "ssh2",
];

#[test]
fn dependency_tree_has_no_network_client() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["tree", "--offline", "-e", "normal", "--prefix", "none", "--format", "{p}"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run cargo tree");
    assert!(out.status.success(), "cargo tree failed: {}", String::from_utf8_lossy(&out.stderr));
    let tree = String::from_utf8(out.stdout).unwrap();
    let names: Vec<&str> = tree.lines().filter_map(|l| l.split_whitespace().next()).collect();
    assert!(names.contains(&"ratatui"), "the tree was read: {names:?}");
    let found: Vec<&&str> = NETWORK_CRATES.iter().filter(|c| names.contains(c)).collect();
    assert!(found.is_empty(), "network-capable crates in the dependency tree: {found:?}");
}

fn strace_available() -> bool {
    Command::new("strace").arg("-V").output().is_ok_and(|o| o.status.success())
}

#[test]
fn main_commands_open_no_socket() {
    if !strace_available() {
        eprintln!("skipped: strace is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessions");
    let draft = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rounds/r1.txt");
    let draft2 = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rounds/r2.txt");
    let (d1, d2, s) = (draft.to_str().unwrap(), draft2.to_str().unwrap(), sessions.to_str().unwrap());
    let commands: Vec<Vec<&str>> = vec![
        vec!["analyze", "--format", "json", d1],
        vec!["extract", d1],
        vec!["library", "check"],
        vec!["compare", d1, d2],
        vec!["session", "new", "deal", "--draft", d1, "--sessions-dir", s],
        vec!["session", "add-round", "deal", d2, "--sessions-dir", s],
        vec!["session", "note", "deal", "client wants Schedule A", "--sessions-dir", s],
        vec!["session", "show", "deal", "--sessions-dir", s],
        vec!["compare", "deal:1", "deal:2", "--sessions-dir", s],
    ];
    for (k, args) in commands.iter().enumerate() {
        let log = dir.path().join(format!("strace-{k}.log"));
        let status = Command::new("strace")
            .args(["-f", "-qq", "-e", "trace=network", "-o"])
            .arg(&log)
            .arg(env!("CARGO_BIN_EXE_clauseguard"))
            .args(args)
            .output()
            .expect("run strace");
        assert!(status.status.success(), "{args:?} failed under strace: {}", String::from_utf8_lossy(&status.stderr));
        let trace = std::fs::read_to_string(&log).unwrap();
        let calls: Vec<&str> = trace.lines().filter(|l| !l.contains("+++") && !l.contains("---")).collect();
        assert!(calls.is_empty(), "{args:?} made network system calls:\n{}", calls.join("\n"));
    }
}
