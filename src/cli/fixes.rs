//! `--fix`, `--fix-unsafe` and `--diff`: applying the fixes of reported findings to files.

use std::path::Path;
use translint::fix::{apply_counted, write_atomically};
use translint::report::FileError;
use translint::{Diagnostic, Document, Fix};

/// Applies fixes file by file and counts what it did.
pub struct Fixer {
    /// Also apply unsafe fixes (suggestions such as name corrections).
    pub unsafe_too: bool,
    /// Print a unified diff instead of writing.
    pub dry_run: bool,
    pub fixes: usize,
    pub files: usize,
}

impl Fixer {
    /// A fixer that has fixed nothing yet.
    pub fn new(unsafe_too: bool, dry_run: bool) -> Self {
        Fixer {
            unsafe_too,
            dry_run,
            fixes: 0,
            files: 0,
        }
    }

    /// "Fixed 3 problems in 2 files." / "3 fixes would be applied in 2 files."
    pub fn summary(&self) -> String {
        let files = if self.files == 1 {
            "1 file".to_string()
        } else {
            format!("{} files", self.files)
        };
        match (self.dry_run, self.fixes) {
            (true, 1) => format!("1 fix would be applied in {files}."),
            (true, n) => format!("{n} fixes would be applied in {files}."),
            (false, 1) => format!("Fixed 1 problem in {files}."),
            (false, n) => format!("Fixed {n} problems in {files}."),
        }
    }

    /// Applies the wanted fixes of `diagnostics` to `document`. A dry run prints the diff; a real
    /// run writes the file atomically and returns the fixed text, which the caller lints again so
    /// that what is reported afterwards points into the file as it now is.
    pub fn fix(
        &mut self,
        document: &Document,
        diagnostics: &[Diagnostic],
    ) -> Result<Option<String>, FileError> {
        let fixes: Vec<&Fix> = diagnostics
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .filter(|f| f.safe || self.unsafe_too)
            .collect();
        if fixes.is_empty() {
            return Ok(None);
        }
        let source = document.source();
        let (fixed, applied) = apply_counted(source, &fixes);
        let count = applied.iter().filter(|a| **a).count();
        if count == 0 || fixed == source {
            return Ok(None);
        }
        let path = document.path();
        if self.dry_run {
            let diff = similar::TextDiff::from_lines(source, fixed.as_str());
            let text = diff
                .unified_diff()
                .context_radius(2)
                .header(path, path)
                .to_string();
            // A closed pipe (`--diff | head`) ends the output, not the run.
            let _ = super::write_stdout(&text);
        } else {
            write_atomically(Path::new(path), &fixed).map_err(|e| FileError {
                path: path.to_string(),
                message: format!("cannot write fixes: {e}"),
            })?;
        }
        self.fixes += count;
        self.files += 1;
        Ok((!self.dry_run).then_some(fixed))
    }
}
