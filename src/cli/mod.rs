//! Subcommands and their options.

mod check;
mod fixes;
mod generate;
mod inputs;
mod ordered;
mod progress;
mod rules_cmd;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use translint::config::{self, Config};
use translint::report::human;
use translint::rules::{self, RuleError, RuleSet};

/// Exit code: nothing at or above the failing severity.
pub const EXIT_CLEAN: u8 = 0;
/// Exit code: findings at or above the failing severity (or failing rule examples).
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: usage, rule-file or input error.
pub const EXIT_ERROR: u8 = 2;

/// translint — a translation-quality linter for machine-translated news.
///
/// Finds name drift, doubled words, outdated place names, inconsistent spellings and
/// leftover placeholders, and prints compiler-style diagnostics.
#[derive(Parser)]
#[command(name = "translint", version, about, long_about = None, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint files, folders or stdin (the default subcommand).
    Check(check::CheckArgs),
    /// List or test rules.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Explain a rule: what it flags, why, and its examples.
    Explain {
        /// The rule id, e.g. news-en.ukraine-places.
        rule: String,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Print a shell completion script (e.g. `translint completions bash > /etc/bash_completion.d/translint`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), e.g. `translint man > translint.1`, `translint man check > translint-check.1`.
    Man {
        /// A subcommand whose page to print.
        subcommand: Option<String>,
    },
}

#[derive(Subcommand)]
enum RulesCommand {
    /// List every loaded rule.
    List {
        #[command(flatten)]
        rules: RuleArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
    },
    /// Write a starting rule file for a pack, with examples that pass `rules test`.
    New {
        /// The pack name: rule ids start with it (lowercase letters, digits, hyphens).
        pack: String,
        /// The kind of the example rule.
        #[arg(long, default_value = "substitution", value_parser = clap::builder::PossibleValuesParser::new(translint::rules::scaffold::KINDS))]
        kind: String,
        /// The languages the pack applies to (ISO 639-1, comma-separated; default: every language).
        #[arg(long, value_name = "CODE", value_delimiter = ',')]
        lang: Vec<String>,
        /// Where to write it (default: PACK.toml in the current folder; '-' prints it).
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Run each rule's own good/bad examples; exit 1 if any fails.
    Test {
        /// Rule files or folders to test (default: the built-in packs).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
        color: ColorArg,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Human,
    Json,
}

/// Where rules come from.
#[derive(Args, Clone, Default)]
pub struct RuleArgs {
    /// Add rule packs from a TOML file or a folder of them (repeatable).
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// Do not load the built-in rule packs.
    #[arg(long)]
    pub no_default_rules: bool,
    /// Use this config file instead of looking for translint.toml from the current folder up.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Ignore every config file.
    #[arg(long)]
    pub isolated: bool,
}

/// When to colour the output.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

impl ColorArg {
    /// A stdout stream coloured as asked (auto: only on a terminal).
    pub fn stdout(self) -> StandardStream {
        StandardStream::stdout(self.choice(std::io::stdout().is_terminal()))
    }

    /// A stderr stream coloured as asked (auto: only on a terminal).
    pub fn stderr(self) -> StandardStream {
        StandardStream::stderr(self.choice(std::io::stderr().is_terminal()))
    }

    fn choice(self, terminal: bool) -> ColorChoice {
        match self {
            ColorArg::Always => ColorChoice::Always,
            ColorArg::Never => ColorChoice::Never,
            ColorArg::Auto if terminal && std::env::var_os("NO_COLOR").is_none() => {
                ColorChoice::Auto
            }
            ColorArg::Auto => ColorChoice::Never,
        }
    }
}

impl RuleArgs {
    /// Loads the config file (unless isolated), then the built-in packs (unless disabled) and
    /// every rule path of the command line and the config; errors are printed.
    pub fn load(&self, color: ColorArg) -> Result<(RuleSet, Config), ExitCode> {
        let config = self.load_config(color)?;
        let mut set = RuleSet::default();
        let mut errors: Vec<RuleError> = Vec::new();
        let defaults = !self.no_default_rules && config.default_rules.unwrap_or(true);
        if defaults {
            match rules::load_builtin() {
                Ok(builtin) => set = builtin,
                Err(mut e) => errors.append(&mut e),
            }
        }
        for path in config.rules.iter().chain(&self.rules) {
            if !path.exists() {
                eprintln!(
                    "translint: error: rule path '{}' does not exist",
                    path.display()
                );
                return Err(ExitCode::from(EXIT_ERROR));
            }
            match rules::load_path(path).and_then(|loaded| set.extend(loaded)) {
                Ok(()) => {}
                Err(mut e) => errors.append(&mut e),
            }
        }
        if errors.is_empty() {
            if let Err(mut e) = config.check_selectors(&set) {
                errors.append(&mut e);
            }
        }
        if errors.is_empty() {
            // Share name data now, before --select/--ignore may drop the rule that owns it.
            set.link();
            return Ok((set, config));
        }
        let mut stderr = color.stderr();
        let _ = human::write_rule_errors(&mut stderr, &errors);
        eprintln!(
            "translint: {} in rule or config files; nothing was linted",
            plural(errors.len(), "error")
        );
        Err(ExitCode::from(EXIT_ERROR))
    }

    /// The config file given with --config, or found from the current folder up; none when
    /// isolated.
    fn load_config(&self, color: ColorArg) -> Result<Config, ExitCode> {
        if self.isolated {
            return Ok(Config::default());
        }
        let path = match &self.config {
            Some(path) => Some(path.clone()),
            // Shown relative to the current folder when it is there.
            None => std::env::current_dir().ok().and_then(|cwd| {
                let found = config::discover(&cwd)?;
                Some(
                    found
                        .strip_prefix(&cwd)
                        .map_or(found.clone(), PathBuf::from),
                )
            }),
        };
        let Some(path) = path else {
            return Ok(Config::default());
        };
        config::load(&path).map_err(|errors| {
            let mut stderr = color.stderr();
            let _ = human::write_rule_errors(&mut stderr, &errors);
            eprintln!(
                "translint: {} in config file '{}'; nothing was linted",
                plural(errors.len(), "error"),
                path.display()
            );
            ExitCode::from(EXIT_ERROR)
        })
    }
}

/// Writes `text` to stdout. A closed pipe (`translint rules list | head`) is not an error.
pub fn write_stdout(text: &str) -> ExitCode {
    use std::io::Write;
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    match lock.write_all(text.as_bytes()).and_then(|()| lock.flush()) {
        Ok(()) => ExitCode::from(EXIT_CLEAN),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(EXIT_CLEAN),
        Err(e) => {
            eprintln!("translint: error: cannot write output: {e}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Names that select a subcommand; anything else starts `check`.
const SUBCOMMANDS: &[&str] = &[
    "check",
    "rules",
    "explain",
    "completions",
    "man",
    "help",
    "-h",
    "--help",
    "-V",
    "--version",
];

/// Parses `args` (with `check` as the default subcommand) and runs the command.
pub fn run(mut args: Vec<OsString>) -> ExitCode {
    let first = args.get(1).and_then(|a| a.to_str());
    if !first.is_some_and(|a| SUBCOMMANDS.contains(&a)) {
        args.insert(1.min(args.len()), OsString::from("check"));
    }
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                EXIT_ERROR
            } else {
                EXIT_CLEAN
            });
        }
    };
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Rules(RulesCommand::List { rules, format }) => rules_cmd::list(&rules, format),
        Command::Rules(RulesCommand::Test { paths, color }) => rules_cmd::test(&paths, color),
        Command::Explain { rule, rules } => rules_cmd::explain(&rule, &rules),
        Command::Rules(RulesCommand::New {
            pack,
            kind,
            lang,
            output,
        }) => rules_cmd::new(&pack, &kind, &lang, output),
        Command::Completions { shell } => generate::completions(shell, &mut Cli::command()),
        Command::Man { subcommand } => generate::man(&Cli::command(), subcommand.as_deref()),
    }
}
