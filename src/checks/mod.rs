//! Rule kinds: one module per kind, each an implementation of [`Check`].

pub mod brackets;
pub mod consistency;
pub mod echo;
pub mod gate;
pub(crate) mod lazy;
pub(crate) mod literal;
pub mod loops;
pub mod mixed_script;
pub mod mojibake;
pub mod name_drift;
pub mod pattern;
pub mod repetition;
pub mod substitution;
pub mod titles;
pub mod untranslated;

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::RuleMeta;
use name_drift::NameLanguage;
use std::collections::HashMap;
use std::sync::Arc;

/// Language code (or `*`) → name word lists and endings, shared between name-drift and title rules
/// so that both see the same entities.
pub type NameData = Arc<HashMap<String, NameLanguage>>;

/// A configured detector. It reads the document's shared analyses and pushes diagnostics.
pub trait Check: Send + Sync {
    /// Appends this rule's findings in `doc` to `out`.
    fn check(&self, rule: &RuleMeta, doc: &Document, out: &mut Vec<Diagnostic>);

    /// The per-language name data this check owns (a `name-drift` rule), for others to share.
    fn name_data(&self) -> Option<NameData> {
        None
    }

    /// Receives the shared name data of the run (called once, before linting).
    fn use_name_data(&self, _data: &NameData) {}

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
