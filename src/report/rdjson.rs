//! reviewdog's Reviewdog Diagnostic Format as one JSON document (`rdjson`, a `DiagnosticResult`).
//!
//! reviewdog counts columns in UTF-8 bytes from 1, end exclusive, so columns here are byte
//! columns, unlike every other format of translint.

use super::{Finding, LintedFile, Reporter, RunEnd};
use crate::diagnostic::Severity;
use serde_json::{json, Value};
use std::io;
use std::ops::Range;

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}

/// The 1-based line and 1-based UTF-8 byte column of byte `offset` in `source`.
fn byte_position(source: &str, offset: usize) -> Value {
    let offset = offset.min(source.len());
    let before = source.as_bytes().get(..offset).unwrap_or_default();
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    json!({ "line": line, "column": offset - line_start + 1 })
}

fn range(source: &str, span: &Range<usize>) -> Value {
    json!({ "start": byte_position(source, span.start), "end": byte_position(source, span.end) })
}

fn diagnostic(f: &Finding, source: &str) -> Value {
    let mut d = json!({
        "message": f.message,
        "location": { "path": f.location.path, "range": range(source, &f.location.span) },
        "severity": severity(f.severity),
        "code": { "value": &*f.rule },
    });
    if let Some(fix) = &f.fix {
        d["suggestions"] = json!([{ "range": range(source, &fix.span), "text": fix.replacement }]);
    }
    d
}

/// Writes the `DiagnosticResult` at the end of the run.
pub struct RdjsonReporter<W> {
    out: W,
    diagnostics: Vec<Value>,
}

impl<W: io::Write> RdjsonReporter<W> {
    /// A reporter writing to `out`.
    pub fn new(out: W) -> Self {
        RdjsonReporter {
            out,
            diagnostics: Vec::new(),
        }
    }
}

impl<W: io::Write> Reporter for RdjsonReporter<W> {
    fn file(&mut self, file: &LintedFile<'_>) -> io::Result<()> {
        let source = file.document.source();
        let found = file.report.findings.iter().map(|f| diagnostic(f, source));
        self.diagnostics.extend(found);
        Ok(())
    }

    fn finish(&mut self, _: &RunEnd<'_>) -> io::Result<()> {
        let result = json!({
            "source": { "name": "translint" },
            "diagnostics": std::mem::take(&mut self.diagnostics),
        });
        serde_json::to_writer_pretty(&mut self.out, &result)?;
        writeln!(self.out)?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::{diag, run, span, with_fix};

    #[test]
    fn byte_columns_as_reviewdog_counts_them() {
        // reviewdog's own example: in 'a𐐀b' the column of b is 6.
        assert_eq!(
            byte_position("x\na𐐀b", 7),
            json!({ "line": 2, "column": 6 })
        );
        assert_eq!(byte_position("x\n", 2), json!({ "line": 2, "column": 1 }));
    }

    #[test]
    fn findings_with_byte_ranges_and_suggestions() {
        let text = "Жук\nот Kiev.\n";
        let kiev = span(text, "Kiev", 0);
        let d = with_fix(
            diag("news.kyiv", Severity::Warning, kiev.clone(), "Write 'Kyiv'"),
            kiev,
            "Kyiv",
        );
        let info = diag("t.i", Severity::Info, span(text, "Жук", 0), "i");
        let mut out = Vec::new();
        run(
            &mut RdjsonReporter::new(&mut out),
            &[("a.md", text, vec![info, d]), ("clean.md", "ok", vec![])],
            &[],
            &[],
        );
        let report: Value = serde_json::from_slice(&out).expect("JSON");
        assert_eq!(report["source"]["name"], "translint");
        let diagnostics = report["diagnostics"].as_array().expect("array");
        assert_eq!(diagnostics.len(), 2);
        // "Жук" is 6 bytes: it ends before byte column 7.
        assert_eq!(
            diagnostics[0]["location"]["range"],
            json!({ "start": { "line": 1, "column": 1 }, "end": { "line": 1, "column": 7 } })
        );
        assert_eq!(diagnostics[0]["severity"], "INFO");
        assert!(diagnostics[0].get("suggestions").is_none());
        // "от " is 5 bytes: Kiev is at byte column 6, 4 bytes long.
        let range =
            json!({ "start": { "line": 2, "column": 6 }, "end": { "line": 2, "column": 10 } });
        let kiev = &diagnostics[1];
        assert_eq!(kiev["location"], json!({ "path": "a.md", "range": range }));
        assert_eq!(kiev["severity"], "WARNING");
        assert_eq!(kiev["code"]["value"], "news.kyiv");
        assert_eq!(kiev["message"], "Write 'Kyiv'");
        assert_eq!(
            kiev["suggestions"],
            json!([{ "range": range, "text": "Kyiv" }])
        );
    }
}
