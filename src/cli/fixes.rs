//! `--fix`, `--fix-unsafe` and `--diff`: applying the fixes of reported findings to files.

use std::path::Path;
use translint::fix::{apply_counted, write_atomically};
use translint::report::{FileError, FileResult};
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

    /// Applies the wanted fixes of `diagnostics` to `document`, then lints the fixed text again
    /// with `relint` and repeats while that finds more fixes (a fix may make another finding
    /// fixable, or a suppression unused), at most [`MAX_PASSES`] times, so one run leaves nothing
    /// for the next. A dry run prints the diff of all passes; a real run writes the file once,
    /// atomically. Returns the result for the fixed text, if anything changed.
    pub fn fix(
        &mut self,
        document: &Document,
        diagnostics: &[Diagnostic],
        relint: impl Fn(String) -> FileResult,
    ) -> Result<Option<FileResult>, FileError> {
        let mut count = 0;
        let mut last: Option<FileResult> = None;
        for _ in 0..MAX_PASSES {
            let (source, found) = match &last {
                Some(r) => (r.document.source(), r.diagnostics.as_slice()),
                None => (document.source(), diagnostics),
            };
            let fixes: Vec<&Fix> = found
                .iter()
                .filter_map(|d| d.fix.as_ref())
                .filter(|f| f.safe || self.unsafe_too)
                .collect();
            let (fixed, applied) = apply_counted(source, &fixes);
            let applied = applied.iter().filter(|a| **a).count();
            if applied == 0 || fixed == source {
                break;
            }
            count += applied;
            last = Some(relint(fixed));
        }
        let Some(result) = last else {
            return Ok(None);
        };
        let path = document.path();
        let fixed = result.document.source();
        if self.dry_run {
            let diff = similar::TextDiff::from_lines(document.source(), fixed);
            let text = diff
                .unified_diff()
                .context_radius(2)
                .header(path, path)
                .to_string();
            // A closed pipe (`--diff | head`) ends the output, not the run.
            let _ = super::write_stdout(&text);
        } else {
            write_atomically(Path::new(path), fixed).map_err(|e| FileError {
                path: path.to_string(),
                message: format!("cannot write fixes: {e}"),
            })?;
        }
        self.fixes += count;
        self.files += 1;
        Ok(Some(result))
    }
}

/// Fix-and-lint passes per file at most (ruff's loop, kept short: passes after the first are rare).
const MAX_PASSES: usize = 10;
