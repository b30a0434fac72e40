//! `--fix`, `--fix-unsafe` and `--diff`: applying the fixes of reported findings to files.

use std::path::Path;
use translint::fix::{apply_counted, write_atomically};
use translint::report::{FileError, FileResult};
use translint::Fix;

/// What fixing did (or, with --diff, would do).
pub struct Outcome {
    pub fixes: usize,
    pub files: usize,
}

impl Outcome {
    /// "Fixed 3 problems in 2 files." / "3 fixes would be applied in 2 files."
    pub fn summary(&self, dry_run: bool) -> String {
        let files = if self.files == 1 {
            "1 file".to_string()
        } else {
            format!("{} files", self.files)
        };
        match (dry_run, self.fixes) {
            (true, 1) => format!("1 fix would be applied in {files}."),
            (true, n) => format!("{n} fixes would be applied in {files}."),
            (false, 1) => format!("Fixed 1 problem in {files}."),
            (false, n) => format!("Fixed {n} problems in {files}."),
        }
    }
}

/// Applies the safe fixes (and unsafe ones with `unsafe_too`) of every reported finding. With
/// `dry_run`, prints a unified diff instead of writing. Fixed findings are removed from `results`;
/// files that cannot be written are added to `errors` and keep their findings.
pub fn apply(
    results: &mut [FileResult],
    unsafe_too: bool,
    dry_run: bool,
    errors: &mut Vec<FileError>,
) -> Outcome {
    let mut outcome = Outcome { fixes: 0, files: 0 };
    for result in results.iter_mut() {
        let wanted: Vec<usize> = result
            .diagnostics
            .iter()
            .enumerate()
            .filter(|(_, d)| d.fix.as_ref().is_some_and(|f| f.safe || unsafe_too))
            .map(|(i, _)| i)
            .collect();
        if wanted.is_empty() {
            continue;
        }
        let fixes: Vec<&Fix> = wanted
            .iter()
            .filter_map(|&i| result.diagnostics[i].fix.as_ref())
            .collect();
        let source = result.document.source();
        let (fixed, applied) = apply_counted(source, &fixes);
        let count = applied.iter().filter(|a| **a).count();
        if count == 0 || fixed == source {
            continue;
        }
        let path = result.document.path().to_string();
        if dry_run {
            let diff = similar::TextDiff::from_lines(source, fixed.as_str());
            let text = diff
                .unified_diff()
                .context_radius(2)
                .header(&path, &path)
                .to_string();
            // A closed pipe (`--diff | head`) ends the output, not the run.
            let _ = super::write_stdout(&text);
        } else if let Err(e) = write_atomically(Path::new(&path), &fixed) {
            errors.push(FileError {
                path,
                message: format!("cannot write fixes: {e}"),
            });
            continue;
        }
        outcome.fixes += count;
        outcome.files += 1;
        if !dry_run {
            let fixed_indices: Vec<usize> = wanted
                .iter()
                .zip(&applied)
                .filter(|(_, a)| **a)
                .map(|(&i, _)| i)
                .collect();
            let mut index = 0;
            result.diagnostics.retain(|_| {
                let keep = !fixed_indices.contains(&index);
                index += 1;
                keep
            });
        }
    }
    outcome
}
