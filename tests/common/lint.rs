//! Linting text through the library API.

use std::ops::Range;
use std::sync::Arc;
use translint::input::Format;
use translint::rules::{load_source, RuleSet, RuleSource};
use translint::{fix, Diagnostic, Document, Linter};

/// Loads a built-in pack from its text, named `<built-in>/{name}` as the real loader names it.
pub fn pack(name: &str, text: &str) -> RuleSet {
    let source = Arc::new(RuleSource {
        name: format!("<built-in>/{name}"),
        text: text.into(),
    });
    load_source(source).expect("built-in pack loads")
}

/// One rule of a built-in pack (loading only that pack keeps the tests fast).
pub fn builtin_rule(pack_name: &str, pack_text: &str, id: &str) -> Linter {
    let mut set = pack(pack_name, pack_text);
    set.retain(|r| &*r.meta.id == id);
    assert_eq!(set.rules().len(), 1, "{id} is a built-in rule");
    Linter::new(set)
}

/// A linter for rules given as TOML text (file name `test.toml`); panics if they do not load.
pub fn inline_linter(toml: impl Into<String>) -> Linter {
    let source = Arc::new(RuleSource {
        name: "test.toml".into(),
        text: toml.into(),
    });
    match load_source(source) {
        Ok(set) => Linter::new(set),
        Err(errors) => panic!("rules must load: {errors:#?}"),
    }
}

/// Lints `text` as a document called `name`, checking that every span is on char boundaries.
pub fn lint_named(
    linter: &Linter,
    name: &str,
    text: &str,
    format: Format,
    lang: Option<&str>,
) -> Vec<Diagnostic> {
    let doc = Document::from_text(name, text.to_string(), format, lang);
    let found = linter.lint(&doc);
    for d in &found {
        assert!(
            text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end),
            "span {:?} not on char boundaries",
            d.span
        );
    }
    found
}

/// Lints `text` as a document called `test`.
pub fn lint_as(linter: &Linter, text: &str, format: Format, lang: Option<&str>) -> Vec<Diagnostic> {
    lint_named(linter, "test", text, format, lang)
}

/// Lints plain text called `test` in `lang`.
pub fn lint(linter: &Linter, text: &str, lang: &str) -> Vec<Diagnostic> {
    lint_as(linter, text, Format::Text, Some(lang))
}

/// Lints plain text called `article.txt` in `lang`.
pub fn lint_with(linter: &Linter, text: &str, lang: &str) -> Vec<Diagnostic> {
    lint_named(linter, "article.txt", text, Format::Text, Some(lang))
}

/// The flagged parts of `text`, in order.
pub fn flagged<'t>(text: &'t str, found: &[Diagnostic]) -> Vec<&'t str> {
    found.iter().map(|d| &text[d.span.clone()]).collect()
}

/// `text` with every fix applied.
pub fn apply_fixes(text: &str, found: &[Diagnostic]) -> String {
    fix::apply(text, found.iter().filter_map(|d| d.fix.as_ref()))
}

/// The byte range of the first occurrence of `part` in `text`.
pub fn span_of(text: &str, part: &str) -> Range<usize> {
    let start = text.find(part).expect("part is in the text");
    start..start + part.len()
}
