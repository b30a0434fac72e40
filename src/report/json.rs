//! The JSON contract: stable field names that CI tools and our own tests rely on (docs/json.md).

use super::{FileError, FileReport, Finding, LintedFile, Location, Reporter, RunEnd};
use serde_json::{json, Value};
use std::io;

fn span(location: &Location) -> (Value, Value, Value) {
    (
        json!({ "start": location.span.start, "end": location.span.end }),
        json!({ "line": location.start.line, "column": location.start.column }),
        json!({ "line": location.end.line, "column": location.end.column }),
    )
}

/// One finding as a JSON object (also one line of `jsonl`).
pub fn finding(f: &Finding) -> Value {
    let (primary, start, end) = span(&f.location);
    let labels: Vec<Value> = f
        .related
        .iter()
        .map(|r| {
            let (s, start, end) = span(&r.location);
            json!({ "path": r.location.path, "span": s, "start": start, "end": end, "message": r.message })
        })
        .collect();
    let fix = f.fix.as_ref().map(|fix| {
        json!({ "replacement": fix.replacement, "span": { "start": fix.span.start, "end": fix.span.end }, "safe": fix.safe })
    });
    json!({
        "path": f.location.path,
        "rule": &*f.rule,
        "category": f.category.as_str(),
        "severity": f.severity.as_str(),
        "message": f.message,
        "span": primary,
        "start": start,
        "end": end,
        "text": f.text,
        "labels": labels,
        "fix": fix,
        "help": f.help,
    })
}

/// The whole report: diagnostics, linted files with their language, and files that could not be read.
pub fn report(files: &[FileReport], errors: &[FileError]) -> Value {
    let diagnostics: Vec<Value> = files
        .iter()
        .flat_map(|r| r.findings.iter().map(finding))
        .collect();
    let files: Vec<Value> = files
        .iter()
        .map(|r| json!({ "path": r.path, "language": r.language, "diagnostics": r.findings.len() }))
        .collect();
    let errors: Vec<Value> = errors
        .iter()
        .map(|e| json!({ "path": e.path, "message": e.message }))
        .collect();
    json!({ "version": 1, "diagnostics": diagnostics, "files": files, "errors": errors })
}

/// Writes the report as pretty JSON followed by a newline, at the end of the run.
pub struct JsonReporter<W> {
    out: W,
    files: Vec<FileReport>,
}

impl<W: io::Write> JsonReporter<W> {
    /// A reporter writing to `out`.
    pub fn new(out: W) -> Self {
        JsonReporter {
            out,
            files: Vec::new(),
        }
    }
}

impl<W: io::Write> Reporter for JsonReporter<W> {
    fn file(&mut self, file: &LintedFile<'_>) -> io::Result<()> {
        self.files.push(file.report.clone());
        Ok(())
    }

    fn finish(&mut self, end: &RunEnd<'_>) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut self.out, &report(&self.files, end.errors))?;
        writeln!(self.out)?;
        self.out.flush()
    }
}
