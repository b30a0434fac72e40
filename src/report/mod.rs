//! Output formats. Reports never lint: they print what the linter found.

pub mod human;
pub mod json;

use crate::diagnostic::Diagnostic;
use crate::document::Document;

/// One linted file and its findings.
pub struct FileResult {
    pub document: Document,
    pub diagnostics: Vec<Diagnostic>,
}

/// A file that could not be linted, and why.
pub struct FileError {
    pub path: String,
    pub message: String,
}
