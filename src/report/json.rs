//! The JSON contract: stable field names that CI tools and our own tests rely on (docs/json.md).

use super::{FileError, FileResult};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use serde_json::{json, Value};
use std::io;
use std::ops::Range;

fn position(doc: &Document, offset: usize) -> Value {
    let (line, column) = doc.line_col(offset);
    json!({ "line": line, "column": column })
}

fn span(doc: &Document, range: &Range<usize>) -> (Value, Value, Value) {
    (
        json!({ "start": range.start, "end": range.end }),
        position(doc, range.start),
        position(doc, range.end),
    )
}

/// One diagnostic as a JSON object. `others` resolves labels that point into other documents.
pub fn diagnostic(doc: &Document, d: &Diagnostic, others: &[FileResult]) -> Value {
    let (primary, start, end) = span(doc, &d.span);
    let labels: Vec<Value> = d
        .labels
        .iter()
        .filter_map(|l| {
            let in_doc = match &l.path {
                None => doc,
                Some(path) => &others.iter().find(|r| r.document.path() == &**path)?.document,
            };
            let (s, start, end) = span(in_doc, &l.span);
            Some(json!({ "path": in_doc.path(), "span": s, "start": start, "end": end, "message": l.message }))
        })
        .collect();
    let fix = d.fix.as_ref().map(|f| {
        json!({ "replacement": f.replacement, "span": { "start": f.span.start, "end": f.span.end }, "safe": f.safe })
    });
    let text = doc.source().get(d.span.clone()).unwrap_or_default();
    json!({
        "path": doc.path(),
        "rule": &*d.rule,
        "category": d.category.as_str(),
        "severity": d.severity.as_str(),
        "message": d.message,
        "span": primary,
        "start": start,
        "end": end,
        "text": text,
        "labels": labels,
        "fix": fix,
        "help": d.help,
    })
}

/// The whole report: diagnostics, linted files with their language, and files that could not be read.
pub fn report(results: &[FileResult], errors: &[FileError]) -> Value {
    let diagnostics: Vec<Value> = results
        .iter()
        .flat_map(|r| {
            r.diagnostics
                .iter()
                .map(|d| diagnostic(&r.document, d, results))
        })
        .collect();
    let files: Vec<Value> = results
        .iter()
        .map(|r| json!({ "path": r.document.path(), "language": r.document.language(), "diagnostics": r.diagnostics.len() }))
        .collect();
    let errors: Vec<Value> = errors
        .iter()
        .map(|e| json!({ "path": e.path, "message": e.message }))
        .collect();
    json!({ "version": 1, "diagnostics": diagnostics, "files": files, "errors": errors })
}

/// Writes the report as pretty JSON followed by a newline.
pub fn write(
    w: &mut dyn io::Write,
    results: &[FileResult],
    errors: &[FileError],
) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, &report(results, errors))?;
    writeln!(w)
}
