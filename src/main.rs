//! The translint command line: argument parsing, input discovery, output and exit codes.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run(std::env::args_os().collect())
}
