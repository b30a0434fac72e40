//! `substitution` rules: a map of wrong → right spellings, word-bounded and case-preserving.

use super::literal::{preserve_case, LiteralSet};
use super::Check;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::RuleMeta;
use std::collections::HashMap;

/// Flags each wrong spelling with a fix to the right one, except inside listed exception phrases.
pub struct SubstitutionCheck {
    wrong: LiteralSet,
    /// Key: the wrong form as written, or lowercased when matching ignores case.
    swaps: HashMap<String, (String, String)>,
    exceptions: Option<LiteralSet>,
    case_sensitive: bool,
}

impl SubstitutionCheck {
    /// A check for `swap` (wrong → right) and the exception phrases (compiled on first use).
    pub fn new(swap: Vec<(String, String)>, exceptions: Vec<String>, case_sensitive: bool) -> Self {
        let wrong = LiteralSet::new(swap.iter().map(|(w, _)| w.as_str()), case_sensitive);
        let exceptions = (!exceptions.is_empty())
            .then(|| LiteralSet::new(exceptions.iter().map(String::as_str), false));
        let swaps = swap
            .into_iter()
            .map(|(wrong, right)| (key(&wrong, case_sensitive), (wrong, right)))
            .collect();
        SubstitutionCheck {
            wrong,
            swaps,
            exceptions,
            case_sensitive,
        }
    }
}

fn key(text: &str, case_sensitive: bool) -> String {
    if case_sensitive {
        text.to_string()
    } else {
        text.to_lowercase()
    }
}

impl Check for SubstitutionCheck {
    fn check(&self, rule: &RuleMeta, doc: &Document, out: &mut Vec<Diagnostic>) {
        let prose = doc.prose();
        let mut allowed: Vec<std::ops::Range<usize>> = Vec::new();
        let mut allowed_loaded = false;
        for range in self.wrong.find_words(prose) {
            if let Some(exceptions) = &self.exceptions {
                if !allowed_loaded {
                    allowed = exceptions.find_words(prose).collect();
                    allowed_loaded = true;
                }
                if allowed
                    .iter()
                    .any(|a| a.start <= range.start && range.end <= a.end)
                {
                    continue;
                }
            }
            let matched = &prose[range.clone()];
            let Some((pattern, right)) = self.swaps.get(&key(matched, self.case_sensitive)) else {
                continue;
            };
            let replacement = preserve_case(matched, pattern, right);
            out.push(rule.diagnostic(range.clone(), matched, Some((range, replacement))));
        }
    }
}
