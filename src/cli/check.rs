//! `translint check`: lint inputs and report.

use super::fixes::Fixer;
use super::inputs::{self, Input};
use super::ordered;
use super::{ColorArg, RuleArgs, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use clap::{Args, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use translint::report::finding::{resolve, Documents, NoDocuments};
use translint::report::github::GithubReporter;
use translint::report::human::HumanReporter;
use translint::report::json::JsonReporter;
use translint::report::jsonl::JsonlReporter;
use translint::report::junit::JunitReporter;
use translint::report::rdjson::RdjsonReporter;
use translint::report::sarif::SarifReporter;
use translint::report::{FileError, FileResult, LintedFile, Reporter, RunEnd};
use translint::rules::RuleMeta;
use translint::text::language::is_valid_code;
use translint::{Document, Linter, Severity};

#[derive(Args)]
pub struct CheckArgs {
    /// Files or folders to lint; '-' reads stdin (also the default when input is piped).
    pub paths: Vec<PathBuf>,
    /// Output format (see docs/formats.md).
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
    /// Lint with this many threads (default: one per core; also RAYON_NUM_THREADS).
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(usize))]
    pub threads: Option<usize>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum OutputFormat {
    /// Compiler-style text with source excerpts.
    Human,
    /// One JSON report at the end (docs/json.md).
    Json,
    /// One JSON finding per line, written as each file finishes.
    Jsonl,
    /// SARIF 2.1.0, e.g. for GitHub code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// reviewdog's rdjson.
    Rdjson,
    /// JUnit XML for CI dashboards.
    Junit,
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
    let stdin_given = inputs.iter().any(|i| matches!(i, Input::Stdin));
    if inputs.iter().filter(|i| matches!(i, Input::Stdin)).count() > 1 {
        return usage_error("'-' (stdin) can be given only once".into());
    }
    if stdin_given && (args.fix || args.fix_unsafe) && !args.diff {
        return usage_error("--fix cannot write to stdin; use --diff to see the fixes".into());
    }
    let run = Run {
        linter: &linter,
        min: severity(args.min_severity),
    };
    let mut fixer =
        (args.fix || args.fix_unsafe || args.diff).then(|| Fixer::new(args.fix_unsafe, args.diff));
    let mut reporter: Box<dyn Reporter> = match (args.diff, args.format) {
        (true, _) => Box::new(Silent),
        (false, OutputFormat::Human) => Box::new(HumanReporter::new(args.color.stdout())),
        (false, OutputFormat::Json) => Box::new(JsonReporter::new(std::io::stdout())),
        (false, OutputFormat::Jsonl) => Box::new(JsonlReporter::new(std::io::stdout())),
        (false, OutputFormat::Sarif) => Box::new(SarifReporter::new(std::io::stdout())),
        (false, OutputFormat::Github) => Box::new(GithubReporter::new(std::io::stdout())),
        (false, OutputFormat::Rdjson) => Box::new(RdjsonReporter::new(std::io::stdout())),
        (false, OutputFormat::Junit) => Box::new(JunitReporter::new(std::io::stdout())),
    };
    let mut failing = false;
    let fail_threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let mut write_error: Option<std::io::Error> = None;
    // Fixes, reports and counts one linted file; runs on this thread, in input order.
    let mut finish_file = |result: &FileResult,
                           others: &dyn Documents,
                           errors: &mut Vec<FileError>| {
        let mut fixed = None;
        if let Some(fixer) = fixer.as_mut() {
            match fixer.fix(&result.document, &result.diagnostics) {
                Ok(Some(text)) => {
                    let doc = &result.document;
                    let again = Document::from_text(doc.path(), text, doc.format(), doc.language());
                    fixed = Some(run.lint(again));
                }
                Ok(None) => {}
                Err(e) => errors.push(e),
            }
        }
        let result = fixed.as_ref().unwrap_or(result);
        failing |=
            fail_threshold.is_some_and(|t| result.diagnostics.iter().any(|d| d.severity >= t));
        if write_error.is_some() {
            return;
        }
        let report = resolve(&result.document, &result.diagnostics, others);
        let file = LintedFile {
            document: &result.document,
            diagnostics: &result.diagnostics,
            report: &report,
            others,
        };
        if let Err(e) = reporter.file(&file) {
            write_error = Some(e);
        }
    };
    let read_and_lint = |input: &Input| -> Result<FileResult, FileError> {
        let loaded = inputs::read(input, args.stdin_filename.as_deref())?;
        let document = Document::from_bytes(
            loaded.path.clone(),
            loaded.bytes,
            loaded.format,
            args.lang.as_deref(),
        )
        .map_err(|e| inputs::input_error(&loaded.path, e))?;
        Ok(run.lint(document))
    };
    let threads = args.threads.unwrap_or_else(rayon::current_num_threads);
    if args.cross_file {
        // Every document is kept until the names of all of them have been compared.
        let mut results = Vec::with_capacity(inputs.len());
        ordered::for_each_in_order(
            inputs.len(),
            threads,
            |i| read_and_lint(&inputs[i]),
            |outcome| match outcome {
                Ok(result) => results.push(result),
                Err(e) => errors.push(e),
            },
        );
        run.add_cross_file(&mut results);
        for result in &results {
            finish_file(result, &results, &mut errors);
        }
    } else {
        let mut read_errors = Vec::new();
        ordered::for_each_in_order(
            inputs.len(),
            threads,
            |i| read_and_lint(&inputs[i]),
            |outcome| match outcome {
                Ok(result) => finish_file(&result, &NoDocuments, &mut read_errors),
                Err(e) => read_errors.push(e),
            },
        );
        errors.append(&mut read_errors);
    }
    let rule_metas: Vec<&RuleMeta> = linter.rules().rules().iter().map(|r| &r.meta).collect();
    let end = RunEnd {
        errors: &errors,
        rules: &rule_metas,
    };
    let written = match write_error {
        Some(e) => Err(e),
        None => reporter.finish(&end),
    };
    if let Some(fixer) = &fixer {
        if fixer.dry_run || fixer.fixes > 0 {
            eprintln!("{}", fixer.summary());
        }
    }
    if let Err(e) = written {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return usage_error(format!("cannot write output: {e}"));
        }
    }
    if !errors.is_empty() {
        if !matches!(args.format, OutputFormat::Human) || args.diff {
            for e in &errors {
                eprintln!("translint: error: {}: {}", e.path, e.message);
            }
        }
        return ExitCode::from(EXIT_ERROR);
    }
    if let Some(fixer) = fixer.filter(|f| f.dry_run) {
        return ExitCode::from(if fixer.fixes > 0 {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        });
    }
    ExitCode::from(if failing { EXIT_FINDINGS } else { EXIT_CLEAN })
}

/// What every file goes through: the linter and the severity floor.
struct Run<'a> {
    linter: &'a Linter,
    min: Severity,
}

impl Run<'_> {
    fn lint(&self, document: Document) -> FileResult {
        let mut diagnostics = self.linter.lint(&document);
        diagnostics.retain(|d| d.severity >= self.min);
        FileResult {
            document,
            diagnostics,
        }
    }

    /// Adds the findings across documents (`--cross-file`), keeping each file's order.
    fn add_cross_file(&self, results: &mut [FileResult]) {
        let docs: Vec<&Document> = results.iter().map(|r| &r.document).collect();
        let found = self.linter.lint_batch(&docs);
        for (i, d) in found {
            if d.severity >= self.min {
                results[i].diagnostics.push(d);
            }
        }
        for r in results {
            r.diagnostics.sort_by(|a, b| {
                (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
            });
        }
    }
}

/// The reporter of `--diff`, which prints diffs instead of findings.
struct Silent;

impl Reporter for Silent {
    fn file(&mut self, _: &LintedFile<'_>) -> std::io::Result<()> {
        Ok(())
    }
    fn finish(&mut self, _: &RunEnd<'_>) -> std::io::Result<()> {
        Ok(())
    }
}
