//! Rules: the rule-file schema, loading and validation, the embedded packs and rule self-tests.

mod builtin;
mod load;
pub mod scaffold;
mod schema;
pub mod selftest;

pub use load::{load_builtin, load_path, load_source, RuleError};

use crate::checks::Check;
use crate::diagnostic::{Category, Diagnostic, Fix, Label, Severity};
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

/// A rule file's text and the name it is reported under.
#[derive(Debug)]
pub struct RuleSource {
    /// The path as shown in messages (`rules/en/news-en.toml`, or `<built-in>/…` for embedded packs).
    pub name: String,
    pub text: String,
}

/// The rule kinds translint knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    Pattern,
    Substitution,
    Repetition,
    Consistency,
    /// Names spelled two ways in one document, found without a list.
    NameDrift,
    /// A gazetteer of canonical name spellings and their wrong variants.
    Names,
    /// A person's title changing within a document.
    Titles,
    /// Sentences left in another language, runs of another script.
    Untranslated,
    /// A word mixing Latin with Cyrillic or Greek look-alike letters.
    MixedScript,
    /// UTF-8 text that was decoded as Windows-1252 or Latin-1 ("CafÃ©").
    Mojibake,
    /// The same few words repeated back to back; a sentence repeated in a paragraph.
    Loop,
    /// Unbalanced quotation marks and brackets in a paragraph.
    Brackets,
    /// A prefixed word echoing a neighbouring word ("attempt to re-attempt", "re-relaunch").
    Echo,
    /// Suppression directives that suppress nothing or name no known rule (see docs/suppressions.md).
    Suppression,
}

impl RuleKind {
    /// Every kind, as written in rule files.
    pub const ALL: [RuleKind; 14] = [
        RuleKind::Pattern,
        RuleKind::Substitution,
        RuleKind::Repetition,
        RuleKind::Consistency,
        RuleKind::NameDrift,
        RuleKind::Names,
        RuleKind::Titles,
        RuleKind::Untranslated,
        RuleKind::MixedScript,
        RuleKind::Mojibake,
        RuleKind::Loop,
        RuleKind::Brackets,
        RuleKind::Echo,
        RuleKind::Suppression,
    ];

    /// The name used in rule files.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::Pattern => "pattern",
            RuleKind::Substitution => "substitution",
            RuleKind::Repetition => "repetition",
            RuleKind::Consistency => "consistency",
            RuleKind::NameDrift => "name-drift",
            RuleKind::Names => "names",
            RuleKind::Titles => "titles",
            RuleKind::Untranslated => "untranslated",
            RuleKind::MixedScript => "mixed-script",
            RuleKind::Mojibake => "mojibake",
            RuleKind::Loop => "loop",
            RuleKind::Brackets => "brackets",
            RuleKind::Echo => "echo",
            RuleKind::Suppression => "suppression",
        }
    }

    fn default_category(self) -> Category {
        match self {
            RuleKind::Repetition | RuleKind::MixedScript | RuleKind::Loop | RuleKind::Echo => {
                Category::Garble
            }
            RuleKind::NameDrift | RuleKind::Names => Category::Name,
            RuleKind::Titles => Category::Title,
            RuleKind::Untranslated => Category::Language,
            RuleKind::Mojibake | RuleKind::Suppression => Category::Markup,
            RuleKind::Brackets => Category::Typography,
            _ => Category::Style,
        }
    }

    fn default_fix(self) -> FixSafety {
        match self {
            RuleKind::Substitution
            | RuleKind::Names
            | RuleKind::MixedScript
            | RuleKind::Mojibake
            | RuleKind::Suppression => FixSafety::Safe,
            _ => FixSafety::Unsafe,
        }
    }

    fn default_message(self) -> &'static str {
        match self {
            RuleKind::Pattern => "'{match}' matches a forbidden pattern",
            RuleKind::Substitution => "Write '{replacement}' instead of '{match}'",
            RuleKind::Repetition => "The word '{match}' is repeated",
            RuleKind::Consistency => {
                "'{match}' is spelled '{replacement}' elsewhere in this document"
            }
            RuleKind::NameDrift => "'{match}' looks like a misspelling of '{replacement}'",
            RuleKind::Names => "'{match}' is spelled '{replacement}' in house style",
            RuleKind::Titles => "The title '{match}' contradicts an earlier one",
            RuleKind::Untranslated => {
                "Untranslated text in {language} (the document is in {expected})"
            }
            RuleKind::MixedScript => "'{match}' is a {script} word with {letters} in it",
            RuleKind::Mojibake => {
                "Garbled characters '{match}': UTF-8 text decoded as Windows-1252 or Latin-1"
            }
            RuleKind::Loop => "'{excerpt}' repeats {repeated}",
            RuleKind::Brackets => "'{match}' {problem}",
            RuleKind::Echo => "'{match}' echoes a neighbouring word",
            RuleKind::Suppression => "This suppression directive suppresses nothing",
        }
    }

    /// Placeholders that messages and help lines of this kind may use besides `{match}` and
    /// `{replacement}`.
    pub fn placeholders(self) -> &'static [&'static str] {
        match self {
            RuleKind::Untranslated => &["language", "expected"],
            RuleKind::MixedScript => &["script", "letters"],
            RuleKind::Loop => &["excerpt", "repeated"],
            RuleKind::Brackets => &["problem"],
            _ => &[],
        }
    }
}

impl fmt::Display for RuleKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a rule's fixes may be applied automatically.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixSafety {
    /// Applied by `--fix`.
    Safe,
    /// Shown as a suggestion only.
    Unsafe,
    /// No fix is offered.
    None,
}

/// A rule's own example, checked by `translint rules test`.
#[derive(Clone, Debug)]
pub struct Example {
    pub bad: Option<String>,
    pub good: Option<String>,
    /// The expected text after applying the fixes to `bad`.
    pub fixed: Option<String>,
    /// The language the example is checked as.
    pub lang: Option<String>,
    /// Where the example stands in its rule file.
    pub span: Range<usize>,
}

/// Everything about a rule except its detector.
#[derive(Debug)]
pub struct RuleMeta {
    pub id: Arc<str>,
    pub kind: RuleKind,
    pub severity: Severity,
    pub category: Category,
    pub message: String,
    pub help: Option<String>,
    pub description: Option<String>,
    /// ISO 639-1 codes; empty means every language.
    pub languages: Vec<String>,
    pub fix: FixSafety,
    pub examples: Vec<Example>,
    /// The rule file it came from and the span of its `id` value there.
    pub source: Arc<RuleSource>,
    pub id_span: Range<usize>,
}

impl RuleMeta {
    /// Whether the rule runs on a document in `language` (unknown language: only universal rules).
    pub fn applies_to(&self, language: Option<&str>) -> bool {
        self.languages.is_empty() || language.is_some_and(|l| self.languages.iter().any(|x| x == l))
    }

    /// Whether `selector` names this rule: its id, or a prefix ending at a `.` (`news-en` selects `news-en.kyiv`).
    pub fn is_selected_by(&self, selector: &str) -> bool {
        selects(selector, &self.id)
    }

    /// Fills `{match}` and `{replacement}` into a message template.
    pub fn render(template: &str, matched: &str, replacement: Option<&str>) -> String {
        let text = template.replace("{match}", matched);
        match replacement {
            Some(r) => text.replace("{replacement}", r),
            None => text,
        }
    }

    /// A diagnostic of this rule at `span` with the rule's message filled in, a fix when one is given
    /// and the rule allows it, and the help line.
    pub fn diagnostic(
        &self,
        span: Range<usize>,
        matched: &str,
        fix: Option<(Range<usize>, String)>,
    ) -> Diagnostic {
        self.diagnostic_with(span, matched, fix, &[])
    }

    /// Like [`RuleMeta::diagnostic`], with the kind's own placeholders (`{language}`) filled in
    /// from `vars` before `{match}` and `{replacement}`.
    pub fn diagnostic_with(
        &self,
        span: Range<usize>,
        matched: &str,
        fix: Option<(Range<usize>, String)>,
        vars: &[(&str, &str)],
    ) -> Diagnostic {
        let fill = |template: &str| -> String {
            let mut text = template.to_string();
            for (name, value) in vars {
                text = text.replace(&format!("{{{name}}}"), value);
            }
            text
        };
        let replacement = fix.as_ref().map(|(_, r)| r.as_str());
        let message = Self::render(&fill(&self.message), matched, replacement);
        let help = match (&self.help, replacement) {
            (Some(template), _) => Some(Self::render(&fill(template), matched, replacement)),
            (None, Some("")) => Some("delete it".to_string()),
            (None, Some(r)) => Some(format!("write '{r}'")),
            (None, None) => None,
        };
        let fix = fix
            .filter(|_| self.fix != FixSafety::None)
            .map(|(span, replacement)| Fix {
                span,
                replacement,
                safe: self.fix == FixSafety::Safe,
            });
        Diagnostic {
            rule: self.id.clone(),
            category: self.category,
            severity: self.severity,
            message,
            span,
            labels: Vec::new(),
            fix,
            help,
        }
    }

    /// A secondary label.
    pub fn label(span: Range<usize>, message: impl Into<String>) -> Label {
        Label {
            span,
            message: message.into(),
            path: None,
        }
    }
}

/// Whether `selector` names the rule `id`: the id itself, or a prefix ending at a `.`.
pub fn selects(selector: &str, id: &str) -> bool {
    id == selector
        || (id.starts_with(selector)
            && (selector.ends_with('.') || id[selector.len()..].starts_with('.')))
}

/// A rule: its metadata and its configured detector.
pub struct Rule {
    pub meta: RuleMeta,
    pub(crate) check: Box<dyn Check>,
}

impl Rule {
    /// Runs the rule on `doc`.
    pub fn check(&self, doc: &crate::Document, out: &mut Vec<Diagnostic>) {
        self.check.check(&self.meta, doc, out);
    }

    /// Runs the rule's cross-document check on `docs` (all of the rule's languages).
    pub fn check_batch(&self, docs: &[&crate::Document], out: &mut Vec<(usize, Diagnostic)>) {
        self.check.check_batch(&self.meta, docs, out);
    }
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule")
            .field("meta", &self.meta)
            .finish_non_exhaustive()
    }
}

/// All loaded rules, in load order.
#[derive(Debug, Default)]
pub struct RuleSet {
    rules: Vec<Rule>,
    /// Ids of rules loaded but removed by [`RuleSet::retain`] (deselected).
    dropped: Vec<Arc<str>>,
}

impl RuleSet {
    /// The rules, in load order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Looks a rule up by id.
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| &*r.meta.id == id)
    }

    /// Adds the rules of another set; a duplicate id is an error pointing at both definitions.
    pub fn extend(&mut self, other: RuleSet) -> Result<(), Vec<RuleError>> {
        let mut errors = Vec::new();
        for rule in other.rules {
            if let Some(first) = self.get(&rule.meta.id) {
                errors.push(RuleError::duplicate(&first.meta, &rule.meta));
            } else {
                self.rules.push(rule);
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Shares the name data of the first `name-drift` rule with every rule that uses names
    /// (title rules), so all of them see the same entities. Call once all packs are loaded.
    pub fn link(&self) {
        if let Some(data) = self.rules.iter().find_map(|r| r.check.name_data()) {
            for rule in &self.rules {
                rule.check.use_name_data(&data);
            }
        }
    }

    /// Keeps only the rules for which `keep` is true; the others' ids are remembered as dropped.
    pub fn retain(&mut self, mut keep: impl FnMut(&Rule) -> bool) {
        let dropped = &mut self.dropped;
        self.rules.retain(|rule| {
            let kept = keep(rule);
            if !kept {
                dropped.push(rule.meta.id.clone());
            }
            kept
        });
    }

    /// Ids of rules that were loaded and then removed by [`RuleSet::retain`] (`--select`,
    /// `--ignore`): known, but not run.
    pub fn dropped(&self) -> &[Arc<str>] {
        &self.dropped
    }

    pub(crate) fn push(&mut self, rule: Rule) {
        self.rules.push(rule);
    }
}
