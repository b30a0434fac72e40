//! Helpers for the reporters' unit tests: documents made from text, findings placed by search.

use super::finding::{resolve, NoDocuments};
use super::{FileError, LintedFile, Reporter, RunEnd};
use crate::diagnostic::{Category, Diagnostic, Fix, Label, Severity};
use crate::document::Document;
use crate::input::Format;
use crate::rules::RuleMeta;
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

/// The byte range of the `nth` (0-based) occurrence of `needle` in `text`.
pub fn span(text: &str, needle: &str, nth: usize) -> Range<usize> {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .expect("needle occurs");
    start..start + needle.len()
}

/// A finding of `rule` at `span` with `message`.
pub fn diag(rule: &str, severity: Severity, span: Range<usize>, message: &str) -> Diagnostic {
    Diagnostic {
        rule: rule.into(),
        category: Category::Name,
        severity,
        message: message.into(),
        span,
        labels: vec![],
        fix: None,
        help: None,
    }
}

/// `d` with a secondary label in its own file.
pub fn with_label(mut d: Diagnostic, span: Range<usize>, message: &str) -> Diagnostic {
    d.labels.push(Label {
        span,
        message: message.into(),
        path: None,
    });
    d
}

/// `d` with a fix replacing `span` by `replacement`.
pub fn with_fix(mut d: Diagnostic, span: Range<usize>, replacement: &str) -> Diagnostic {
    d.fix = Some(Fix {
        span,
        replacement: replacement.into(),
        safe: true,
    });
    d
}

/// Runs `reporter` over files given as (path, text, findings), then ends the run.
pub fn run(
    reporter: &mut dyn Reporter,
    files: &[(&str, &str, Vec<Diagnostic>)],
    errors: &[FileError],
    rules: &[&RuleMeta],
) {
    for (path, text, diagnostics) in files {
        let document = Document::from_text(*path, (*text).into(), Format::Text, Some("en"));
        let report = resolve(&document, diagnostics, &NoDocuments);
        let file = LintedFile {
            document: &document,
            diagnostics,
            report: &report,
            others: &NoDocuments,
        };
        reporter.file(&file).expect("writes to memory");
    }
    reporter
        .finish(&RunEnd { errors, rules })
        .expect("writes to memory");
}

/// An unreadable file.
pub fn error(path: &str, message: &str) -> FileError {
    FileError {
        path: path.into(),
        message: message.into(),
    }
}

/// A writer that records how much had been written at each flush; clones share the record.
#[derive(Clone, Default)]
pub struct Recorder(Rc<RefCell<(Vec<u8>, Vec<usize>)>>);

impl std::io::Write for Recorder {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let mut record = self.0.borrow_mut();
        let written = record.0.len();
        record.1.push(written);
        Ok(())
    }
}

/// Checks that a reporter writes and flushes each file's findings before the next file comes:
/// runs it over two files with one finding each and returns the output.
pub fn assert_streams<R: Reporter>(new: impl FnOnce(Recorder) -> R) -> String {
    let out = Recorder::default();
    let text = "Kiev\n";
    let one = || vec![diag("t.r", Severity::Warning, span(text, "Kiev", 0), "m")];
    run(
        &mut new(out.clone()),
        &[("a.md", text, one()), ("b.md", text, one())],
        &[],
        &[],
    );
    let (bytes, flushed_at) = out.0.take();
    let output = String::from_utf8(bytes).expect("UTF-8");
    let first_file_end = output.find("b.md").expect("second file written");
    assert!(
        flushed_at.iter().any(|&at| at > 0 && at <= first_file_end),
        "no flush after the first file: {flushed_at:?} in {output:?}"
    );
    output
}
