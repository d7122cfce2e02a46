//! A mistyped command name. The workspace takes a draft as its first positional argument, so
//! clap reads `clauseguard analyz` as a draft called "analyz" and cannot suggest `analyze` as it
//! does for programs without one. This looks at that first word before clap does.

use std::ffi::OsString;
use std::path::Path;

use clap::error::ErrorKind;

/// Below this similarity a word is taken for a draft's name, not a command. Stricter than clap's
/// 0.7, which has no draft to tell apart: "contract" is not a typo of "extract".
const SIMILAR: f64 = 0.85;

/// An "unrecognized subcommand; did you mean" error when the first positional word is not an
/// existing file, has no path or extension in it, and is close to a command's name.
pub fn check(mut cmd: clap::Command, args: &[OsString]) -> Result<(), clap::Error> {
    let Some(word) = first_positional(&cmd, args) else { return Ok(()) };
    if word.contains(['.', '/', '\\']) || Path::new(word).exists() {
        return Ok(());
    }
    let names: Vec<&str> = cmd.get_subcommands().flat_map(|s| std::iter::once(s.get_name()).chain(s.get_all_aliases())).collect();
    if names.contains(&word) {
        return Ok(());
    }
    let best = names
        .into_iter()
        .map(|name| (strsim::jaro(word, name), name))
        .filter(|(score, _)| *score > SIMILAR)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match best {
        Some((_, name)) => {
            let message = format!("unrecognized subcommand '{word}'; did you mean '{name}'?");
            Err(cmd.error(ErrorKind::InvalidSubcommand, message))
        }
        None => Ok(()),
    }
}

/// The first argument that is not an option or an option's value.
fn first_positional<'a>(cmd: &clap::Command, args: &'a [OsString]) -> Option<&'a str> {
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        let arg = arg.to_str()?;
        if arg == "--" {
            return rest.next()?.to_str();
        }
        let Some(option) = arg.strip_prefix('-').filter(|o| !o.is_empty()) else { return Some(arg) };
        let takes_value = match option.strip_prefix('-') {
            Some(long) if !long.contains('=') => cmd.get_arguments().any(|a| a.get_long() == Some(long) && a.get_action().takes_values()),
            Some(_) => false,
            None => {
                option.chars().count() == 1
                    && cmd.get_arguments().any(|a| a.get_short() == option.chars().next() && a.get_action().takes_values())
            }
        };
        if takes_value {
            rest.next();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    fn check_words(words: &[&str]) -> Result<(), String> {
        let args: Vec<OsString> = std::iter::once("clauseguard").chain(words.iter().copied()).map(OsString::from).collect();
        check(crate::cli::Cli::command(), &args).map_err(|e| e.to_string())
    }

    #[test]
    fn a_near_command_is_suggested() {
        let err = check_words(&["analyz", "draft.docx"]).unwrap_err();
        assert!(err.contains("unrecognized subcommand 'analyz'; did you mean 'analyze'?"), "{err}");
        let err = check_words(&["--sessions-dir", "/tmp/s", "sesion", "list"]).unwrap_err();
        assert!(err.contains("did you mean 'session'?"), "{err}");
    }

    #[test]
    fn drafts_commands_and_option_values_are_left_to_clap() {
        for words in
            [&["analyze", "x.md"][..], &["nope.docx"], &["--session", "sesion", "draft.md"], &["--session=psa"], &["contract"], &[]]
        {
            assert_eq!(check_words(words), Ok(()), "{words:?}");
        }
    }
}
