//! `translint check`: lint inputs and report.

use super::fixes;
use super::inputs::{self, Input};
use super::{ColorArg, RuleArgs, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use clap::{Args, ValueEnum};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use translint::report::{human, json, FileError, FileResult};
use translint::text::language::is_valid_code;
use translint::{Document, Linter, Severity};

#[derive(Args)]
pub struct CheckArgs {
    /// Files or folders to lint; '-' reads stdin (also the default when input is piped).
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    /// When to use colour in human output.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    #[command(flatten)]
    pub rules: RuleArgs,
    /// The documents' language (ISO 639-1, e.g. en); overrides detection.
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
    /// Run only these rules: ids or pack prefixes (repeatable, comma-separated).
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    pub select: Vec<String>,
    /// Skip these rules: ids or pack prefixes (repeatable, comma-separated).
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Exit 1 when a finding is at or above this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
    /// Report only findings at or above this severity.
    #[arg(long, value_enum, default_value_t = MinSeverity::Info)]
    pub min_severity: MinSeverity,
    /// Apply safe fixes (substitutions) to the files, atomically; report what remains.
    #[arg(long)]
    pub fix: bool,
    /// With --fix: also apply unsafe fixes (suggestions such as name corrections).
    #[arg(long)]
    pub fix_unsafe: bool,
    /// Print a unified diff of the fixes --fix would apply, and write nothing.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
    /// Also report names spelled differently in different files of this run.
    #[arg(long)]
    pub cross_file: bool,
    /// The file name to report for stdin (also picks its format, e.g. article.md).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum OutputFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum MinSeverity {
    Error,
    Warning,
    Info,
}

fn severity(s: MinSeverity) -> Severity {
    match s {
        MinSeverity::Error => Severity::Error,
        MinSeverity::Warning => Severity::Warning,
        MinSeverity::Info => Severity::Info,
    }
}

fn usage_error(message: String) -> ExitCode {
    eprintln!("translint: error: {message}");
    ExitCode::from(EXIT_ERROR)
}

pub fn run(args: CheckArgs) -> ExitCode {
    if let Some(lang) = &args.lang {
        if !is_valid_code(lang) {
            return usage_error(format!(
                "--lang '{lang}' is not an ISO 639-1 code (two lowercase letters, e.g. en)"
            ));
        }
    }
    let mut rules = match args.rules.load(args.color) {
        Ok(rules) => rules,
        Err(code) => return code,
    };
    for selector in args.select.iter().chain(&args.ignore) {
        if !rules
            .rules()
            .iter()
            .any(|r| r.meta.is_selected_by(selector))
        {
            return usage_error(format!(
                "no loaded rule matches '{selector}' (see `translint rules list`)"
            ));
        }
    }
    if !args.select.is_empty() {
        rules.retain(|r| args.select.iter().any(|s| r.meta.is_selected_by(s)));
    }
    rules.retain(|r| !args.ignore.iter().any(|s| r.meta.is_selected_by(s)));
    let linter = Linter::new(rules);

    let mut paths = args.paths.clone();
    if paths.is_empty() {
        if std::io::stdin().is_terminal() {
            return usage_error(
                "no input: give files or folders to lint, or pipe text into translint (see --help)"
                    .into(),
            );
        }
        paths.push(PathBuf::from("-"));
    }
    let mut errors: Vec<FileError> = Vec::new();
    let inputs = inputs::expand(&paths, &mut errors);
    if inputs.iter().filter(|i| matches!(i, Input::Stdin)).count() > 1 {
        return usage_error("'-' (stdin) can be given only once".into());
    }
    let min = severity(args.min_severity);
    // Files are read and linted in parallel; results keep the input order.
    let outcomes: Vec<Result<FileResult, FileError>> = inputs
        .par_iter()
        .map(|input| {
            let loaded = inputs::read(input, args.stdin_filename.as_deref())?;
            let document = Document::from_bytes(
                loaded.path.clone(),
                loaded.bytes,
                loaded.format,
                args.lang.as_deref(),
            )
            .map_err(|e| inputs::input_error(&loaded.path, e))?;
            let mut diagnostics = linter.lint(&document);
            diagnostics.retain(|d| d.severity >= min);
            Ok(FileResult {
                document,
                diagnostics,
            })
        })
        .collect();
    let mut results = Vec::with_capacity(outcomes.len());
    for outcome in outcomes {
        match outcome {
            Ok(result) => results.push(result),
            Err(e) => errors.push(e),
        }
    }

    if args.cross_file {
        let docs: Vec<&Document> = results.iter().map(|r| &r.document).collect();
        let found = linter.lint_batch(&docs);
        for (i, d) in found {
            if d.severity >= min {
                results[i].diagnostics.push(d);
            }
        }
        for r in &mut results {
            r.diagnostics.sort_by(|a, b| {
                (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
            });
        }
    }
    if args.fix || args.fix_unsafe || args.diff {
        let stdin_given = inputs.iter().any(|i| matches!(i, Input::Stdin));
        if stdin_given && !args.diff {
            return usage_error("--fix cannot write to stdin; use --diff to see the fixes".into());
        }
        let outcome = fixes::apply(&mut results, args.fix_unsafe, args.diff, &mut errors);
        if args.diff {
            eprintln!("{}", outcome.summary(true));
            return ExitCode::from(if !errors.is_empty() {
                EXIT_ERROR
            } else if outcome.fixes > 0 {
                EXIT_FINDINGS
            } else {
                EXIT_CLEAN
            });
        }
        if outcome.fixes > 0 {
            eprintln!("{}", outcome.summary(false));
        }
    }
    let written = match args.format {
        OutputFormat::Human => {
            let mut out = args.color.stdout();
            human::write(&mut out, &results, &errors)
        }
        OutputFormat::Json => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            json::write(&mut lock, &results, &errors).and_then(|()| lock.flush())
        }
    };
    if let Err(e) = written {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return usage_error(format!("cannot write output: {e}"));
        }
    }
    if !errors.is_empty() {
        if matches!(args.format, OutputFormat::Json) {
            for e in &errors {
                eprintln!("translint: error: {}: {}", e.path, e.message);
            }
        }
        return ExitCode::from(EXIT_ERROR);
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let failing = threshold.is_some_and(|t| {
        results
            .iter()
            .flat_map(|r| &r.diagnostics)
            .any(|d| d.severity >= t)
    });
    ExitCode::from(if failing { EXIT_FINDINGS } else { EXIT_CLEAN })
}
