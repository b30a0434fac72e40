//! Rule kinds: one module per kind, each an implementation of [`Check`].

pub mod consistency;
mod literal;
pub mod name_drift;
pub mod pattern;
pub mod repetition;
pub mod substitution;

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::RuleMeta;

/// A configured detector. It reads the document's shared analyses and pushes diagnostics.
pub trait Check: Send + Sync {
    /// Appends this rule's findings in `doc` to `out`.
    fn check(&self, rule: &RuleMeta, doc: &Document, out: &mut Vec<Diagnostic>);
}
