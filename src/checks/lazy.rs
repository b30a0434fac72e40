//! Regexes compiled on first use, so that rules for languages a run never sees cost nothing.

use super::gate::{self, ByteSet};
use regex::{Regex, RegexBuilder};
use std::sync::OnceLock;

/// The largest compiled automaton a generated regex may have.
const SIZE_LIMIT: usize = 64 << 20;

/// A regex built from generated (escaped) text, compiled on first use.
pub struct LazyRegex {
    pattern: String,
    case_insensitive: bool,
    /// Rare characters of which every match needs one (see [`super::gate`]).
    gate: Option<ByteSet>,
    compiled: OnceLock<Option<Regex>>,
}

impl LazyRegex {
    /// A regex for `pattern`, not compiled yet.
    pub fn new(pattern: String, case_insensitive: bool) -> Self {
        LazyRegex {
            pattern,
            case_insensitive,
            gate: None,
            compiled: OnceLock::new(),
        }
    }

    /// A user's regex, with the gate of rare characters its matches need, if any.
    pub fn gated(pattern: String) -> Self {
        LazyRegex {
            gate: gate::required(&pattern),
            ..LazyRegex::new(pattern, false)
        }
    }

    /// Whether the regex may match text containing the ASCII characters `present`: false when
    /// none of the characters every match needs is there.
    pub fn may_match(&self, present: ByteSet) -> bool {
        self.gate.is_none_or(|needed| needed & present != 0)
    }

    /// The compiled regex. A pattern too large to compile (megabytes of phrases) yields `None`
    /// once, with a warning, and the rule then finds nothing.
    pub fn get(&self) -> Option<&Regex> {
        self.compiled
            .get_or_init(|| {
                let built = RegexBuilder::new(&self.pattern)
                    .case_insensitive(self.case_insensitive)
                    .size_limit(SIZE_LIMIT)
                    .build();
                built
                    .map_err(|e| {
                        eprintln!(
                            "translint: warning: a rule's phrase list is too large to compile: {e}"
                        )
                    })
                    .ok()
            })
            .as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiles_once_on_first_use() {
        let lazy = LazyRegex::new("kyiv|kiev".into(), true);
        assert!(
            lazy.compiled.get().is_none(),
            "nothing is compiled up front"
        );
        assert_eq!(lazy.get().unwrap().find_iter("KIEV and Kyiv").count(), 2);
        assert!(lazy.compiled.get().is_some());
    }
}
