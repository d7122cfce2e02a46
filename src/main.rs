//! The `clauseguard` binary: parse arguments, run, and turn errors into one clear line and an
//! exit code (2 for input the tool cannot use, 1 for `--fail-on`).

use std::process::ExitCode;

use clauseguard::cli;

fn main() -> ExitCode {
    if let Err(e) = color_eyre::install() {
        eprintln!("clauseguard: {e}");
    }
    match cli::run(cli::parse()) {
        Ok(code) => code,
        Err(report) => match cli::error_line(&report) {
            Some(line) => {
                eprintln!("{line}");
                ExitCode::from(cli::EXIT_BAD_INPUT)
            }
            // The reader closed the pipe (`| head`): it has what it wanted.
            None => ExitCode::SUCCESS,
        },
    }
}
