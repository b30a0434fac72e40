//! Shell completions and the man page, generated from the command-line definition.

use super::{write_stdout, EXIT_ERROR};
use std::process::ExitCode;

/// Prints the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell, command: &mut clap::Command) -> ExitCode {
    let mut script = Vec::new();
    clap_complete::generate(shell, command, "translint", &mut script);
    write_stdout(&String::from_utf8_lossy(&script))
}

/// Prints the man page (roff) of translint, or of one subcommand (`translint-check(1)`, which the
/// main page refers to).
pub fn man(command: &clap::Command, subcommand: Option<&str>) -> ExitCode {
    let man = match subcommand {
        None => clap_mangen::Man::new(command.clone()),
        Some(name) => match command.find_subcommand(name) {
            Some(sub) => {
                let sub = sub
                    .clone()
                    .display_name(format!("translint-{name}"))
                    .bin_name(format!("translint {name}"))
                    .version(env!("CARGO_PKG_VERSION"));
                clap_mangen::Man::new(sub)
                    .title(format!("translint-{name}"))
                    .source(concat!("translint ", env!("CARGO_PKG_VERSION")))
            }
            None => {
                eprintln!("translint: error: no subcommand '{name}' (see translint --help)");
                return ExitCode::from(EXIT_ERROR);
            }
        },
    };
    let mut page = Vec::new();
    if let Err(e) = man.render(&mut page) {
        eprintln!("translint: error: cannot render the man page: {e}");
        return ExitCode::from(EXIT_ERROR);
    }
    write_stdout(&String::from_utf8_lossy(&page))
}
