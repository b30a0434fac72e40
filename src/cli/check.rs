//! `translint check`: lint inputs and report.

use super::fixes::Fixer;
use super::inputs::{self, Input};
use super::ordered;
use super::progress::Progress;
use super::{ColorArg, RuleArgs, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use clap::{Args, ValueEnum};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use translint::baseline::{self, Baseline};
use translint::config::{self, Config, FileSettings};
use translint::fix::write_atomically;
use translint::report::finding::{resolve, resolve_with, Documents, NoDocuments};
use translint::report::github::GithubReporter;
use translint::report::human::HumanReporter;
use translint::report::json::JsonReporter;
use translint::report::jsonl::JsonlReporter;
use translint::report::junit::JunitReporter;
use translint::report::rdjson::RdjsonReporter;
use translint::report::sarif::SarifReporter;
use translint::report::{FileError, FileResult, LintedFile, Reporter, RunEnd};
use translint::rules::{RuleMeta, RuleSet};
use translint::text::language::is_valid_code;
use translint::{Diagnostic, Document, Linter, Severity};

#[derive(Args)]
pub struct CheckArgs {
    /// Files or folders to lint; '-' reads stdin (also the default when input is piped).
    pub paths: Vec<PathBuf>,
    /// Output format (see docs/formats.md) [default: human].
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
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
    /// Exit 1 when a finding is at or above this severity [default: warning].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Report only findings at or above this severity [default: info].
    #[arg(long, value_enum)]
    pub min_severity: Option<MinSeverity>,
    /// Skip files and folders matching this glob when walking folders (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Apply the excludes (and the config's include) to files named on the command line too, as
    /// pre-commit hooks need.
    #[arg(long)]
    pub force_exclude: bool,
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
    /// Report only findings that this baseline file does not accept (see --write-baseline).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Write every finding to this baseline file instead of reporting them, and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["baseline", "fix", "fix_unsafe", "diff"])]
    pub write_baseline: Option<PathBuf>,
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
    let (mut rules, config) = match args.rules.load(args.color) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    if let Err(code) = select_rules(&mut rules, &args, &config) {
        return code;
    }
    // Kept until the process ends: freeing the compiled rules and lexicons at exit would only
    // cost time (a few milliseconds, noticeable in pre-commit hooks and editors).
    let linter: &'static Linter = Box::leak(Box::new(Linter::new(rules)));
    let format = args
        .format
        .or_else(|| {
            let name = config.output_format.as_deref()?;
            OutputFormat::from_str(name, true).ok()
        })
        .unwrap_or(OutputFormat::Human);
    let fail_threshold = fail_threshold(args.fail_on, config.fail_on);
    let force_exclude = args.force_exclude || config.force_exclude == Some(true);
    let exclude = match inputs::Exclude::new(&args.exclude, &config, force_exclude) {
        Ok(exclude) => exclude,
        Err(message) => return usage_error(message),
    };

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
    let inputs = inputs::expand(&paths, &exclude, &mut errors);
    let stdin_given = inputs.iter().any(|i| matches!(i, Input::Stdin));
    if inputs.iter().filter(|i| matches!(i, Input::Stdin)).count() > 1 {
        return usage_error("'-' (stdin) can be given only once".into());
    }
    if stdin_given && (args.fix || args.fix_unsafe) && !args.diff {
        return usage_error("--fix cannot write to stdin; use --diff to see the fixes".into());
    }
    let run = Run {
        linter,
        min: args
            .min_severity
            .map(severity)
            .or(config.min_severity)
            .unwrap_or(Severity::Info),
        config: &config,
        lang: args.lang.as_deref(),
    };
    let mut baseline = match &args.baseline {
        Some(path) => match Baseline::load(path) {
            Ok(b) => Some(b),
            Err(message) => return usage_error(message),
        },
        None => None,
    };
    let mut baseline_entries: Vec<baseline::Entry> = Vec::new();
    let mut fixer =
        (args.fix || args.fix_unsafe || args.diff).then(|| Fixer::new(args.fix_unsafe, args.diff));
    let silent = args.diff || args.write_baseline.is_some();
    let mut reporter = reporter(if silent { None } else { Some(format) }, args.color);
    let mut failing = false;
    let mut write_error: Option<std::io::Error> = None;
    let mut progress = Progress::new(inputs.len());
    // Filters, fixes, reports and counts one linted file; runs on this thread, in input order.
    let mut finish_file = |document: &Document,
                           mut diagnostics: Vec<Diagnostic>,
                           others: &dyn Documents,
                           errors: &mut Vec<FileError>| {
        let accepted = baseline
            .as_mut()
            .map(|b| b.take_file(document.path()))
            .unwrap_or_default();
        let (hidden, kept_fingerprints) = accepted.filter(document, &mut diagnostics);
        let mut fixed = None;
        if let Some(fixer) = fixer.as_mut() {
            let relint = |text: String| {
                let again = Document::from_text(
                    document.path(),
                    text,
                    document.format(),
                    document.language(),
                );
                let mut result = run.lint(again, &run.settings(document.path()));
                accepted.filter(&result.document, &mut result.diagnostics);
                result
            };
            match fixer.fix(document, &diagnostics, relint) {
                // A dry run reports nothing, so the original findings stand.
                Ok(result) if !fixer.dry_run => fixed = result,
                Ok(_) => {}
                Err(e) => errors.push(e),
            }
        }
        if let Some(b) = baseline.as_mut() {
            b.record_matched(hidden);
        }
        let (document, diagnostics) = match &fixed {
            Some(result) => (&result.document, &result.diagnostics),
            None => (document, &diagnostics),
        };
        failing |= fail_threshold.is_some_and(|t| diagnostics.iter().any(|d| d.severity >= t));
        if write_error.is_some() {
            return;
        }
        // After fixing, the findings are the fixed text's, fingerprinted anew.
        let report = match kept_fingerprints.filter(|_| fixed.is_none()) {
            Some(prints) => resolve_with(document, diagnostics, prints, others),
            None => resolve(document, diagnostics, others),
        };
        if args.write_baseline.is_some() {
            baseline_entries.extend(report.findings.iter().map(|f| baseline::Entry {
                path: baseline::normalise_path(&f.location.path),
                rule: f.rule.to_string(),
                fingerprint: f.fingerprint.clone(),
                line: f.location.start.line,
                text: f.text.clone(),
            }));
        }
        let file = LintedFile {
            document,
            diagnostics,
            report: &report,
            others,
        };
        if let Err(e) = progress.suspend(|| reporter.file(&file)) {
            write_error = Some(e);
        }
        progress.tick();
    };
    let cross_file = args.cross_file || config.cross_file == Some(true);
    let read_and_lint = |input: &Input| -> Result<FileResult, FileError> {
        let loaded = inputs::read(input, args.stdin_filename.as_deref())?;
        let settings = run.settings(&loaded.path);
        let lang = run.lang.or(settings.lang.as_deref());
        let document = Document::from_bytes(loaded.path.clone(), loaded.bytes, loaded.format, lang)
            .map_err(|e| inputs::input_error(&loaded.path, e))?;
        Ok(if cross_file {
            run.lint_unsuppressed(document)
        } else {
            run.lint(document, &settings)
        })
    };
    let threads = args.threads.unwrap_or_else(rayon::current_num_threads);
    // Fewer files than threads: the spare threads run each file's rules side by side.
    if inputs.len() < threads {
        linter.set_rule_threads(threads / inputs.len().max(1));
    }
    if cross_file {
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
        for i in 0..results.len() {
            let diagnostics = std::mem::take(&mut results[i].diagnostics);
            finish_file(&results[i].document, diagnostics, &results, &mut errors);
        }
    } else {
        let mut read_errors = Vec::new();
        ordered::for_each_in_order(
            inputs.len(),
            threads,
            |i| read_and_lint(&inputs[i]),
            |outcome| match outcome {
                Ok(result) => finish_file(
                    &result.document,
                    result.diagnostics,
                    &NoDocuments,
                    &mut read_errors,
                ),
                Err(e) => read_errors.push(e),
            },
        );
        errors.append(&mut read_errors);
    }
    progress.finish();
    let rule_metas: Vec<&RuleMeta> = linter.rules().rules().iter().map(|r| &r.meta).collect();
    let end = RunEnd {
        errors: &errors,
        rules: &rule_metas,
    };
    let written = match write_error {
        Some(e) => Err(e),
        None => reporter.finish(&end),
    };
    if let Some(b) = &baseline {
        if b.matched() > 0 || b.unmatched() > 0 {
            eprintln!(
                "translint: the baseline hid {} known finding(s); {} of its entries no longer match (fixed, or edited into new findings)",
                b.matched(),
                b.unmatched()
            );
        }
    }
    if let Some(path) = &args.write_baseline {
        let count = baseline_entries.len();
        let text = baseline::to_json(std::mem::take(&mut baseline_entries));
        if let Err(e) = write_atomically(path, &text) {
            return usage_error(format!("cannot write baseline '{}': {e}", path.display()));
        }
        eprintln!(
            "translint: wrote {count} finding(s) to the baseline '{}'",
            path.display()
        );
        return ExitCode::from(if errors.is_empty() {
            EXIT_CLEAN
        } else {
            EXIT_ERROR
        });
    }
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
        if !matches!(format, OutputFormat::Human) || args.diff {
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

/// Keeps the rules the command line and the config select: `--select` replaces the config's
/// `select`, `--ignore` adds to its `ignore`. A command-line selector that names no rule is an
/// error (the config's are checked when it loads).
fn select_rules(rules: &mut RuleSet, args: &CheckArgs, config: &Config) -> Result<(), ExitCode> {
    for selector in args.select.iter().chain(&args.ignore) {
        if !rules
            .rules()
            .iter()
            .any(|r| r.meta.is_selected_by(selector))
        {
            return Err(usage_error(format!(
                "no loaded rule matches '{selector}' (see `translint rules list`)"
            )));
        }
    }
    let select = if args.select.is_empty() {
        config.select.clone().unwrap_or_default()
    } else {
        args.select.clone()
    };
    if !select.is_empty() {
        rules.retain(|r| select.iter().any(|s| r.meta.is_selected_by(s)));
    }
    let ignore: Vec<&String> = config.ignore.iter().chain(&args.ignore).collect();
    rules.retain(|r| !ignore.iter().any(|s| r.meta.is_selected_by(s)));
    Ok(())
}

/// The lowest severity that fails the run (`None`: never): the command line's, else the config's,
/// else warning.
fn fail_threshold(cli: Option<FailOn>, config: Option<config::FailOn>) -> Option<Severity> {
    match (cli, config) {
        (Some(FailOn::Error), _) => Some(Severity::Error),
        (Some(FailOn::Warning), _) => Some(Severity::Warning),
        (Some(FailOn::Info), _) => Some(Severity::Info),
        (Some(FailOn::Never), _) | (None, Some(config::FailOn::Never)) => None,
        (None, Some(config::FailOn::At(s))) => Some(s),
        (None, None) => Some(Severity::Warning),
    }
}

/// The reporter writing `format` to stdout; `None` reports nothing (`--diff`, `--write-baseline`).
fn reporter(format: Option<OutputFormat>, color: ColorArg) -> Box<dyn Reporter> {
    let stdout = std::io::stdout;
    match format {
        None => Box::new(Silent),
        Some(OutputFormat::Human) => Box::new(HumanReporter::new(color.stdout())),
        Some(OutputFormat::Json) => Box::new(JsonReporter::new(stdout())),
        Some(OutputFormat::Jsonl) => Box::new(JsonlReporter::new(stdout())),
        Some(OutputFormat::Sarif) => Box::new(SarifReporter::new(stdout())),
        Some(OutputFormat::Github) => Box::new(GithubReporter::new(stdout())),
        Some(OutputFormat::Rdjson) => Box::new(RdjsonReporter::new(stdout())),
        Some(OutputFormat::Junit) => Box::new(JunitReporter::new(stdout())),
    }
}

/// What every file goes through: the linter, the config's per-file settings and the severity
/// floor.
struct Run<'a> {
    linter: &'a Linter,
    min: Severity,
    config: &'a Config,
    /// --lang: wins over the config's languages.
    lang: Option<&'a str>,
}

impl Run<'_> {
    fn settings(&self, path: &str) -> FileSettings {
        self.config.for_file(Path::new(path))
    }

    fn lint(&self, document: Document, settings: &FileSettings) -> FileResult {
        let mut diagnostics = self.linter.lint(&document);
        self.adjust(&mut diagnostics, settings);
        FileResult {
            document,
            diagnostics,
        }
    }

    /// The findings before suppressions and settings: `--cross-file` adds findings across
    /// documents first, then [`Run::add_cross_file`] finishes them.
    fn lint_unsuppressed(&self, document: Document) -> FileResult {
        let diagnostics = self.linter.lint_unsuppressed(&document);
        FileResult {
            document,
            diagnostics,
        }
    }

    /// Applies the file's rule filters and severity overrides, then the severity floor.
    fn adjust(&self, diagnostics: &mut Vec<Diagnostic>, settings: &FileSettings) {
        diagnostics.retain(|d| settings.keeps(&d.rule));
        for d in diagnostics.iter_mut() {
            d.severity = settings.severity_of(&d.rule, d.severity);
        }
        diagnostics.retain(|d| d.severity >= self.min);
    }

    /// Adds the findings across documents (`--cross-file`) to results of
    /// [`Run::lint_unsuppressed`], then applies each file's suppressions and settings.
    fn add_cross_file(&self, results: &mut [FileResult]) {
        let docs: Vec<&Document> = results.iter().map(|r| &r.document).collect();
        let mut found: Vec<Vec<Diagnostic>> = vec![Vec::new(); results.len()];
        for (i, d) in self.linter.lint_batch(&docs) {
            found[i].push(d);
        }
        for (r, mut more) in results.iter_mut().zip(found) {
            let mut all = std::mem::take(&mut r.diagnostics);
            all.append(&mut more);
            let mut diagnostics = self.linter.suppress(&r.document, all);
            self.adjust(&mut diagnostics, &self.settings(r.document.path()));
            r.diagnostics = diagnostics;
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

#[cfg(test)]
mod tests {
    use super::OutputFormat;
    use clap::ValueEnum;

    #[test]
    fn the_config_accepts_exactly_the_cli_formats() {
        let names: Vec<String> = OutputFormat::value_variants()
            .iter()
            .filter_map(|f| f.to_possible_value())
            .map(|v| v.get_name().to_string())
            .collect();
        assert_eq!(names, translint::config::OUTPUT_FORMATS);
    }
}
