//! The linter: runs every applicable rule over a document once and orders the findings.

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::{Rule, RuleSet};
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Runs a rule set over documents.
pub struct Linter {
    rules: RuleSet,
    /// Threads that run one document's rules side by side (1: one after the other).
    rule_threads: AtomicUsize,
}

impl Linter {
    /// A linter for `rules`.
    pub fn new(rules: RuleSet) -> Self {
        rules.link();
        Linter {
            rules,
            rule_threads: AtomicUsize::new(1),
        }
    }

    /// Runs each document's rules on up to `threads` threads side by side, for runs with fewer
    /// files than threads (a single article in an editor or a pre-commit hook, where compiling
    /// the rules' regexes dominates). The findings are the same as with one thread.
    pub fn set_rule_threads(&self, threads: usize) {
        self.rule_threads.store(threads.max(1), Ordering::Relaxed);
    }

    /// The rules this linter runs.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// All findings in `doc` that no suppression directive covers (plus the directives that
    /// suppress nothing), sorted by position then rule id, with spans on char boundaries.
    pub fn lint(&self, doc: &Document) -> Vec<Diagnostic> {
        self.suppress(doc, self.lint_unsuppressed(doc))
    }

    /// The findings of every rule before suppression directives are applied: `--cross-file` adds
    /// the findings across documents, then calls [`Linter::suppress`].
    pub fn lint_unsuppressed(&self, doc: &Document) -> Vec<Diagnostic> {
        let rules: Vec<&Rule> = self
            .rules
            .rules()
            .iter()
            .filter(|rule| rule.meta.applies_to(doc.language()))
            .collect();
        let threads = self.rule_threads.load(Ordering::Relaxed).min(rules.len());
        let mut out = Vec::new();
        if threads <= 1 {
            for rule in rules {
                rule.check(doc, &mut out);
            }
            return out;
        }
        // Each thread takes the next rule not yet taken; the findings are put back in rule order.
        let next = AtomicUsize::new(0);
        let work = || {
            let mut done: Vec<(usize, Vec<Diagnostic>)> = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(rule) = rules.get(i) else {
                    return done;
                };
                let mut found = Vec::new();
                rule.check(doc, &mut found);
                done.push((i, found));
            }
        };
        let mut found: Vec<Vec<Diagnostic>> = vec![Vec::new(); rules.len()];
        std::thread::scope(|scope| {
            let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
            let mine = work();
            for (i, f) in helpers
                .into_iter()
                .flat_map(|h| h.join().expect("a rule panicked"))
                .chain(mine)
            {
                found[i] = f;
            }
        });
        out.extend(found.into_iter().flatten());
        out
    }

    /// Applies `doc`'s suppression directives to its findings `out` (reporting directives that
    /// suppress nothing), snaps spans to char boundaries, and sorts by position then rule id.
    pub fn suppress(&self, doc: &Document, mut out: Vec<Diagnostic>) -> Vec<Diagnostic> {
        crate::suppress::apply(doc, self.rules.rules(), self.rules.dropped(), &mut out);
        let source = doc.source();
        for d in &mut out {
            d.span = snap(source, d.span.clone());
            // Labels into other documents (`--cross-file`) are snapped by the rule that made them.
            for label in d.labels.iter_mut().filter(|l| l.path.is_none()) {
                label.span = snap(source, label.span.clone());
            }
        }
        out.sort_by(|a, b| {
            (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
        });
        out.dedup_by(|a, b| a.span == b.span && a.rule == b.rule);
        out
    }
}

impl Linter {
    /// Findings across documents (`--cross-file`): each with the index of its document in `docs`.
    pub fn lint_batch(&self, docs: &[&Document]) -> Vec<(usize, Diagnostic)> {
        let mut out = Vec::new();
        for rule in self.rules.rules() {
            let (indices, applicable): (Vec<usize>, Vec<&Document>) = docs
                .iter()
                .enumerate()
                .filter(|(_, d)| rule.meta.applies_to(d.language()))
                .map(|(i, d)| (i, *d))
                .unzip();
            let mut found = Vec::new();
            rule.check_batch(&applicable, &mut found);
            out.extend(found.into_iter().map(|(i, d)| (indices[i], d)));
        }
        out
    }
}

/// Widens `range` to the nearest char boundaries of `text`.
fn snap(text: &str, range: Range<usize>) -> Range<usize> {
    let mut start = range.start.min(text.len());
    let mut end = range.end.clamp(start, text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Category, Label, Severity};
    use crate::input::Format;
    use crate::rules::RuleSet;

    #[test]
    fn labels_into_other_documents_keep_their_spans() {
        let doc = Document::from_text("a.txt", "aé b".into(), Format::Text, Some("en"));
        let label = |path: Option<&str>| Label {
            span: 2..3,
            message: String::new(),
            path: path.map(Into::into),
        };
        let found = Diagnostic {
            rule: "t.r".into(),
            category: Category::Name,
            severity: Severity::Warning,
            message: String::new(),
            span: 0..1,
            labels: vec![label(None), label(Some("b.txt"))],
            fix: None,
            help: None,
        };
        let out = Linter::new(RuleSet::default()).suppress(&doc, vec![found]);
        assert_eq!(out[0].labels[0].span, 1..3, "own label snapped to 'é'");
        assert_eq!(
            out[0].labels[1].span,
            2..3,
            "the other file's offsets are not this text's"
        );
    }

    #[test]
    fn snaps_outward_to_char_boundaries() {
        let text = "aé b";
        assert_eq!(snap(text, 2..2), 1..3);
        assert_eq!(snap(text, 0..2), 0..3);
        assert_eq!(snap(text, 3..99), 3..5);
    }
}
