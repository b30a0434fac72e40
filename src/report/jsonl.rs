//! JSON Lines: one finding per line, the same object as in `--format json`, written and flushed
//! as each file finishes. Files that cannot be linted go to stderr, as with every machine format.

use super::{json, LintedFile, Reporter, RunEnd};
use std::io;

/// Writes one JSON object per finding and line.
pub struct JsonlReporter<W> {
    out: W,
}

impl<W: io::Write> JsonlReporter<W> {
    /// A reporter writing to `out`.
    pub fn new(out: W) -> Self {
        JsonlReporter { out }
    }
}

impl<W: io::Write> Reporter for JsonlReporter<W> {
    fn file(&mut self, file: &LintedFile<'_>) -> io::Result<()> {
        for f in &file.report.findings {
            serde_json::to_writer(&mut self.out, &json::finding(f))?;
            writeln!(self.out)?;
        }
        self.out.flush()
    }

    fn finish(&mut self, _: &RunEnd<'_>) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::{assert_streams, diag, error, run, span};
    use crate::Severity;
    use serde_json::Value;

    #[test]
    fn one_json_finding_per_line_and_nothing_else() {
        let text = "Kiev\nand\nKiev\n";
        let first = diag("t.a", Severity::Warning, span(text, "Kiev", 0), "m\nnext");
        let second = diag("t.b", Severity::Error, span(text, "Kiev", 1), "n");
        let mut out = Vec::new();
        run(
            &mut JsonlReporter::new(&mut out),
            &[
                ("a.txt", text, vec![first, second]),
                ("clean.txt", "ok", vec![]),
            ],
            &[error("gone.txt", "no such file")],
            &[],
        );
        let out = String::from_utf8(out).expect("UTF-8");
        let lines: Vec<Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).expect("each line is JSON"))
            .collect();
        assert_eq!(lines.len(), 2, "{out}");
        assert_eq!(lines[0]["rule"], "t.a");
        assert_eq!(lines[0]["message"], "m\nnext");
        assert_eq!(lines[1]["start"]["line"], 3);
        assert_eq!(lines[1]["path"], "a.txt");
        assert!(!out.contains("gone.txt"));
    }

    #[test]
    fn flushes_each_file_as_it_finishes() {
        let out = assert_streams(JsonlReporter::new);
        assert_eq!(out.lines().count(), 2);
    }
}
