//! `pattern` rules: one or more regexes; every match is a finding.

use super::lazy::LazyRegex;
use super::Check;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::RuleMeta;

/// Flags every match of any of its regexes, optionally with a replacement (`$1` expands groups).
/// When a regex has a group named `flag`, the finding and its fix cover that group only, so context
/// can be matched around it without a look-around: `(?:^|[^.])(?P<flag>\.\.)(?:[^.]|$)`.
pub struct PatternCheck {
    /// Checked for syntax when the rule file loads, compiled when a document first needs them.
    pub regexes: Vec<LazyRegex>,
    pub replacement: Option<String>,
}

impl Check for PatternCheck {
    fn check(&self, rule: &RuleMeta, doc: &Document, out: &mut Vec<Diagnostic>) {
        let prose = doc.prose();
        let present = doc.ascii_bytes();
        let regexes = self.regexes.iter().filter(|r| r.may_match(present));
        for regex in regexes.filter_map(LazyRegex::get) {
            for caps in regex.captures_iter(prose) {
                let Some(m) = caps.name("flag").or_else(|| caps.get(0)) else {
                    continue;
                };
                if m.is_empty() {
                    continue;
                }
                let fix = self.replacement.as_ref().map(|template| {
                    let mut expanded = String::new();
                    caps.expand(template, &mut expanded);
                    (m.range(), expanded)
                });
                out.push(rule.diagnostic(m.range(), m.as_str(), fix));
            }
        }
    }
}
