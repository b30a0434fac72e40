//! Rule kinds: one module per kind, each an implementation of [`Check`].

pub mod brackets;
pub mod consistency;
mod literal;
pub mod loops;
pub mod mixed_script;
pub mod mojibake;
pub mod name_drift;
pub mod pattern;
pub mod repetition;
pub mod substitution;
pub mod untranslated;

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::RuleMeta;

/// A configured detector. It reads the document's shared analyses and pushes diagnostics.
pub trait Check: Send + Sync {
    /// Appends this rule's findings in `doc` to `out`.
    fn check(&self, rule: &RuleMeta, doc: &Document, out: &mut Vec<Diagnostic>);

    /// Appends findings that need several documents at once (`--cross-file`), each with the index
    /// of its document in `docs`. Most kinds have none.
    fn check_batch(
        &self,
        _rule: &RuleMeta,
        _docs: &[&Document],
        _out: &mut Vec<(usize, Diagnostic)>,
    ) {
    }
}
