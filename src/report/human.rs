//! Compiler-style output with codespan-reporting.

use super::{LintedFile, Reporter, RunEnd, Tally};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::selftest::SelfTestReport;
use crate::rules::{Rule, RuleError};
use codespan_reporting::diagnostic::{
    Diagnostic as CsDiagnostic, Label as CsLabel, Severity as CsSeverity,
};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::WriteColor, Config};
use std::io;

fn severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    }
}

fn emit<'f>(
    w: &mut dyn WriteColor,
    files: &'f SimpleFiles<&'f str, &'f str>,
    diagnostic: &CsDiagnostic<usize>,
) -> io::Result<()> {
    term::emit_to_write_style(w, &Config::default(), files, diagnostic).map_err(|e| match e {
        codespan_reporting::files::Error::Io(io) => io,
        other => io::Error::other(other.to_string()),
    })
}

/// `file` is the diagnostic's own file; `file_of` finds the file of a label in another document.
fn to_codespan(
    file: usize,
    d: &Diagnostic,
    file_of: impl Fn(&str) -> Option<usize>,
) -> CsDiagnostic<usize> {
    let mut labels = vec![CsLabel::primary(file, d.span.clone())];
    labels.extend(d.labels.iter().filter_map(|l| {
        let in_file = match &l.path {
            None => file,
            Some(path) => file_of(path)?,
        };
        Some(CsLabel::secondary(in_file, l.span.clone()).with_message(&l.message))
    }));
    let mut notes = Vec::new();
    if let Some(help) = &d.help {
        let unsafe_marker = match &d.fix {
            Some(fix) if !fix.safe => " (suggestion, not applied by --fix)",
            _ => "",
        };
        notes.push(format!("help: {help}{unsafe_marker}"));
    }
    CsDiagnostic::new(severity(d.severity))
        .with_code(d.rule.to_string())
        .with_message(&d.message)
        .with_labels(labels)
        .with_notes(notes)
}

/// Prints each file's findings as the file arrives, then file errors and a summary line.
pub struct HumanReporter<W> {
    out: W,
    tally: Tally,
}

impl<W: WriteColor> HumanReporter<W> {
    /// A reporter writing to `out`.
    pub fn new(out: W) -> Self {
        HumanReporter {
            out,
            tally: Tally::default(),
        }
    }
}

impl<W: WriteColor> Reporter for HumanReporter<W> {
    fn file(&mut self, file: &LintedFile<'_>) -> io::Result<()> {
        self.tally.add(file.diagnostics);
        if file.diagnostics.is_empty() {
            return Ok(());
        }
        let doc = file.document;
        let mut files = SimpleFiles::new();
        let own = files.add(doc.path(), doc.source());
        // Files that cross-file labels point into, added once each.
        let mut others: Vec<(&str, usize)> = Vec::new();
        for label in file.diagnostics.iter().flat_map(|d| &d.labels) {
            let Some(path) = label.path.as_deref() else {
                continue;
            };
            if others.iter().any(|(p, _)| *p == path) {
                continue;
            }
            if let Some(other) = file.others.find(path) {
                others.push((other.path(), files.add(other.path(), other.source())));
            }
        }
        let file_of = |path: &str| others.iter().find(|(p, _)| *p == path).map(|(_, id)| *id);
        for d in file.diagnostics {
            emit(&mut self.out, &files, &to_codespan(own, d, file_of))?;
        }
        Ok(())
    }

    fn finish(&mut self, end: &RunEnd<'_>) -> io::Result<()> {
        let files = SimpleFiles::<&str, &str>::new();
        for e in end.errors {
            let d =
                CsDiagnostic::<usize>::error().with_message(format!("{}: {}", e.path, e.message));
            emit(&mut self.out, &files, &d)?;
        }
        writeln!(self.out, "{}", summary(&self.tally, end.errors.len()))?;
        self.out.flush()
    }
}

/// "Found 3 problems (1 error, 2 warnings) in 2 files.", or "No problems found in 2 files."
pub fn summary(tally: &Tally, unreadable: usize) -> String {
    let (e, w, i) = (tally.errors, tally.warnings, tally.infos);
    let total = tally.total();
    let files = plural(tally.files, "file");
    let mut line = if total == 0 {
        format!("No problems found in {files}.")
    } else {
        let parts: Vec<String> = [(e, "error"), (w, "warning"), (i, "info")]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, word)| {
                if word == "info" {
                    format!("{n} info")
                } else {
                    plural(n, word)
                }
            })
            .collect();
        format!(
            "Found {} ({}) in {files}.",
            plural(total, "problem"),
            parts.join(", ")
        )
    };
    if unreadable > 0 {
        line.push_str(&format!(
            " {} could not be read.",
            plural(unreadable, "file")
        ));
    }
    line
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Prints rule-file errors compiler-style, pointing into the rule files.
pub fn write_rule_errors(w: &mut dyn WriteColor, errors: &[RuleError]) -> io::Result<()> {
    for e in errors {
        let mut files = SimpleFiles::new();
        let mut d = CsDiagnostic::<usize>::error()
            .with_message(&e.message)
            .with_notes(e.notes.clone());
        match (&e.source, &e.span) {
            (Some(source), Some(span)) => {
                let file = files.add(source.name.as_str(), source.text.as_str());
                let mut labels = vec![CsLabel::primary(file, span.clone()).with_message(&e.label)];
                if let Some((other, span, message)) = &e.secondary {
                    let other_file = if other.name == source.name {
                        file
                    } else {
                        files.add(other.name.as_str(), other.text.as_str())
                    };
                    labels.push(CsLabel::secondary(other_file, span.clone()).with_message(message));
                }
                d = d.with_labels(labels);
            }
            _ => d = d.with_message(format!("{}: {}", e.path, e.message)),
        }
        emit(w, &files, &d)?;
    }
    Ok(())
}

/// Prints the failures of `translint rules test` pointing at the examples, then a summary.
pub fn write_selftest(
    w: &mut dyn WriteColor,
    rules: &[Rule],
    report: &SelfTestReport,
) -> io::Result<()> {
    for (index, failure) in &report.failures {
        let source = &rules[*index].meta.source;
        let mut files = SimpleFiles::new();
        let file = files.add(source.name.as_str(), source.text.as_str());
        let d = CsDiagnostic::<usize>::error()
            .with_code(failure.rule.clone())
            .with_message(&failure.message)
            .with_labels(vec![
                CsLabel::primary(file, failure.span.clone()).with_message("this example")
            ]);
        emit(w, &files, &d)?;
    }
    for index in &report.untested {
        let meta = &rules[*index].meta;
        let mut files = SimpleFiles::new();
        let file = files.add(meta.source.name.as_str(), meta.source.text.as_str());
        let d = CsDiagnostic::<usize>::warning()
            .with_code(meta.id.to_string())
            .with_message("rule has no examples")
            .with_labels(vec![CsLabel::primary(file, meta.id_span.clone())])
            .with_notes(vec![
                "help: add `examples = [{ bad = \"…\", good = \"…\" }]`".into(),
            ]);
        emit(w, &files, &d)?;
    }
    let failed: std::collections::BTreeSet<usize> =
        report.failures.iter().map(|(i, _)| *i).collect();
    writeln!(
        w,
        "rules test: {} passed, {} failed ({} examples, {} failing; {} rules without examples)",
        report.rules - failed.len(),
        failed.len(),
        report.examples,
        report.failures.len(),
        report.untested.len()
    )
}
