//! The `clauseguard` binary: parse arguments, run, and turn errors into one clear line and an
//! exit code (2 for input the tool cannot use, 1 for `--fail-on`).

use std::process::ExitCode;

use clap::Parser;
use clauseguard::cli::{self, Cli};

fn main() -> ExitCode {
    if let Err(e) = color_eyre::install() {
        eprintln!("clauseguard: {e}");
    }
    match cli::run(Cli::parse()) {
        Ok(code) => code,
        Err(report) => {
            let chain: Vec<String> = report.chain().map(ToString::to_string).collect();
            eprintln!("clauseguard: {}", clauseguard::text::sanitize(&chain.join(": "), true));
            ExitCode::from(cli::EXIT_BAD_INPUT)
        }
    }
}
