//! `translint rules test`: every rule's own examples must behave as the rule file says.

use super::{Example, Rule};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::fix;
use crate::input::Format;
use std::ops::Range;

/// Why one example failed.
#[derive(Debug)]
pub struct ExampleFailure {
    pub rule: String,
    /// The example's span in its rule file.
    pub span: Range<usize>,
    pub message: String,
}

/// The outcome of testing a set of rules.
#[derive(Debug, Default)]
pub struct SelfTestReport {
    pub rules: usize,
    pub examples: usize,
    pub failures: Vec<(usize, ExampleFailure)>,
    /// Indices of rules that carry no example at all.
    pub untested: Vec<usize>,
}

/// Runs the examples of every rule in `rules`.
pub fn run(rules: &[Rule]) -> SelfTestReport {
    let mut report = SelfTestReport {
        rules: rules.len(),
        ..Default::default()
    };
    for (index, rule) in rules.iter().enumerate() {
        if rule.meta.examples.is_empty() {
            report.untested.push(index);
        }
        for example in &rule.meta.examples {
            report.examples += 1;
            for failure in test_example(rule, example) {
                report.failures.push((index, failure));
            }
        }
    }
    report
}

fn lint(rule: &Rule, text: &str, lang: Option<&str>) -> Vec<Diagnostic> {
    let doc = Document::from_text("example", text.to_string(), Format::Text, lang);
    let mut out = Vec::new();
    rule.check(&doc, &mut out);
    crate::suppress::apply(&doc, std::slice::from_ref(rule), &[], &mut out);
    out
}

fn test_example(rule: &Rule, example: &Example) -> Vec<ExampleFailure> {
    let lang = example
        .lang
        .as_deref()
        .or(rule.meta.languages.first().map(String::as_str));
    let fail = |message: String| ExampleFailure {
        rule: rule.meta.id.to_string(),
        span: example.span.clone(),
        message,
    };
    let mut failures = Vec::new();
    if !rule.meta.applies_to(lang) {
        failures.push(fail(format!(
            "the example's language '{}' is not one of the rule's languages",
            lang.unwrap_or("?")
        )));
        return failures;
    }
    if let Some(bad) = &example.bad {
        let found = lint(rule, bad, lang);
        if found.is_empty() {
            failures.push(fail(format!("bad example was not flagged: {bad:?}")));
        } else if let Some(expected) = &example.fixed {
            let fixed = fix::apply(bad, found.iter().filter_map(|d| d.fix.as_ref()));
            if &fixed != expected {
                failures.push(fail(format!(
                    "fixing the bad example gave {fixed:?}, expected {expected:?}"
                )));
            }
        }
    }
    if let Some(good) = &example.good {
        let found = lint(rule, good, lang);
        if let Some(d) = found.first() {
            let flagged = good.get(d.span.clone()).unwrap_or_default();
            failures.push(fail(format!(
                "good example was flagged at {flagged:?}: {}",
                d.message
            )));
        }
    }
    failures
}
