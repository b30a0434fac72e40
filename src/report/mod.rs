//! Output formats. Reports never lint: they print what the linter found.
//!
//! A run streams its files to a [`Reporter`] in input order, each while its document is still in
//! memory, then calls [`Reporter::finish`] once. Formats that need the whole run (JSON, SARIF)
//! keep only the resolved [`FileReport`]s, never the documents.

pub mod finding;
pub mod github;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod junit;
pub mod rdjson;
pub mod sarif;
#[cfg(test)]
mod testing;

pub use finding::{FileReport, Finding, Location, Position, RelatedLocation};

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::rules::RuleMeta;
use std::io;

/// One linted file and its findings.
pub struct FileResult {
    pub document: Document,
    pub diagnostics: Vec<Diagnostic>,
}

/// A file that could not be linted, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    pub path: String,
    pub message: String,
}

/// One linted file as a reporter sees it.
pub struct LintedFile<'a> {
    pub document: &'a Document,
    pub diagnostics: &'a [Diagnostic],
    /// The same findings, resolved.
    pub report: &'a FileReport,
    /// The documents that cross-file labels point into.
    pub others: &'a dyn finding::Documents,
}

/// What a reporter learns at the end of a run.
pub struct RunEnd<'a> {
    /// Files that could not be read or decoded.
    pub errors: &'a [FileError],
    /// The rules that ran (SARIF lists them as the tool's rules).
    pub rules: &'a [&'a RuleMeta],
}

/// An output format.
pub trait Reporter {
    /// One linted file, in input order.
    fn file(&mut self, file: &LintedFile<'_>) -> io::Result<()>;
    /// The end of the run.
    fn finish(&mut self, end: &RunEnd<'_>) -> io::Result<()>;
}

/// Counts of findings by severity, for summary lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Tally {
    /// Adds one file's findings.
    pub fn add(&mut self, diagnostics: &[Diagnostic]) {
        self.files += 1;
        for d in diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }

    /// Every finding counted.
    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}
