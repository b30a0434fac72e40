//! Parsing and validating rule files into a [`RuleSet`]. Every error points into the rule file.

use super::schema::{Exceptions, OneOrMany, PhraseTables, RawExample, RawFile, RawPack, RawRule};
use super::{builtin, Example, FixSafety, Rule, RuleKind, RuleMeta, RuleSet, RuleSource};
use crate::checks::brackets::BracketsCheck;
use crate::checks::consistency::{ConsistencyCheck, ConsistencySet, Family};
use crate::checks::echo::{EchoCheck, EchoLanguage};
use crate::checks::lazy::LazyRegex;
use crate::checks::loops::LoopCheck;
use crate::checks::mixed_script::MixedScriptCheck;
use crate::checks::mojibake::MojibakeCheck;
use crate::checks::name_drift::{DriftThresholds, NameDriftCheck, NameLanguage};
use crate::checks::pattern::PatternCheck;
use crate::checks::repetition::RepetitionCheck;
use crate::checks::substitution::SubstitutionCheck;
use crate::checks::titles::{Holder, LazyTitleLanguage, TitleWords, TitlesCheck};
use crate::checks::untranslated::{Skip, Thresholds, UntranslatedCheck};
use crate::checks::Check;
use crate::diagnostic::Severity;
use crate::text::language::is_valid_code;
use crate::text::names::NameLexicon;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, OnceLock};
use toml::Spanned;

/// A problem in a rule file, with its position when known.
#[derive(Debug)]
pub struct RuleError {
    /// The file's path as shown to the user.
    pub path: String,
    /// The file's text, when it could be read.
    pub source: Option<Arc<RuleSource>>,
    pub span: Option<Range<usize>>,
    pub message: String,
    /// The text under the primary underline.
    pub label: String,
    /// Another place that explains the error (the first definition of a duplicate id).
    pub secondary: Option<(Arc<RuleSource>, Range<usize>, String)>,
    pub notes: Vec<String>,
}

impl RuleError {
    /// An error at `span` of `source`, with the text under the underline.
    pub fn at(
        source: &Arc<RuleSource>,
        span: Range<usize>,
        message: impl Into<String>,
        label: impl Into<String>,
    ) -> Self {
        RuleError {
            path: source.name.clone(),
            source: Some(source.clone()),
            span: Some(span),
            message: message.into(),
            label: label.into(),
            secondary: None,
            notes: Vec::new(),
        }
    }

    /// A TOML syntax or schema error, pointing where the parser says.
    pub fn from_toml(source: &Arc<RuleSource>, e: &toml::de::Error) -> Self {
        let span = e.span().unwrap_or(0..0);
        let message = e.message().trim().to_string();
        let label = if message.starts_with("unknown field") {
            "unknown key"
        } else if message.starts_with("invalid type") {
            "wrong type"
        } else if message.starts_with("missing field") {
            "in this table"
        } else {
            "here"
        };
        RuleError::at(source, span, message, label)
    }

    /// Adds a note line.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// An error about a file that has no text to point into.
    pub fn io(path: &Path, message: String) -> Self {
        RuleError {
            path: path.display().to_string(),
            source: None,
            span: None,
            message,
            label: String::new(),
            secondary: None,
            notes: Vec::new(),
        }
    }

    /// A rule id defined twice.
    pub(super) fn duplicate(first: &RuleMeta, second: &RuleMeta) -> Self {
        let mut e = RuleError::at(
            &second.source,
            second.id_span.clone(),
            format!("duplicate rule id '{}'", second.id),
            "defined again here",
        );
        e.secondary = Some((
            first.source.clone(),
            first.id_span.clone(),
            "first defined here".to_string(),
        ));
        e.note("rule ids must be unique across all loaded packs; rename one of them")
    }
}

/// Loads the rule packs embedded in the binary.
pub fn load_builtin() -> Result<RuleSet, Vec<RuleError>> {
    use rayon::prelude::*;
    // The files are parsed and validated side by side (start-up time), then merged in path order,
    // so the rule order and the first error are those of loading them one after the other.
    let loaded: Vec<Result<RuleSet, Vec<RuleError>>> = builtin::FILES
        .par_iter()
        .map(|(name, text)| {
            load_source(Arc::new(RuleSource {
                name: format!("<built-in>/{name}"),
                text: (*text).to_string(),
            }))
        })
        .collect();
    let mut set = RuleSet::default();
    for file in loaded {
        set.extend(file?)?;
    }
    Ok(set)
}

/// Loads a rule file, or every `*.toml` file below a folder (in path order).
pub fn load_path(path: &Path) -> Result<RuleSet, Vec<RuleError>> {
    let files = if path.is_dir() {
        let mut files: Vec<_> = ignore::WalkBuilder::new(path)
            .standard_filters(false)
            .build()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
            .map(|e| e.into_path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(vec![RuleError::io(
                path,
                "no rule files (*.toml) in this folder".into(),
            )]);
        }
        files
    } else {
        vec![path.to_path_buf()]
    };
    let mut set = RuleSet::default();
    let mut errors = Vec::new();
    for file in files {
        let text = match std::fs::read(&file) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(e) => {
                    // Point at the first bad byte in a lossy copy (identical up to that byte).
                    let offset = e.utf8_error().valid_up_to();
                    let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                    let end = text[offset..]
                        .chars()
                        .next()
                        .map_or(offset, |c| offset + c.len_utf8());
                    let source = Arc::new(RuleSource {
                        name: file.display().to_string(),
                        text,
                    });
                    errors.push(
                        RuleError::at(
                            &source,
                            offset..end,
                            format!("invalid UTF-8 at byte offset {offset}"),
                            "not UTF-8",
                        )
                        .note("rule files must be UTF-8"),
                    );
                    continue;
                }
            },
            Err(e) => {
                errors.push(RuleError::io(&file, format!("cannot read rule file: {e}")));
                continue;
            }
        };
        let source = Arc::new(RuleSource {
            name: file.display().to_string(),
            text,
        });
        match load_source(source).and_then(|loaded| set.extend(loaded)) {
            Ok(()) => {}
            Err(mut e) => errors.append(&mut e),
        }
    }
    if errors.is_empty() {
        Ok(set)
    } else {
        Err(errors)
    }
}

/// Parses and validates one rule file.
pub fn load_source(source: Arc<RuleSource>) -> Result<RuleSet, Vec<RuleError>> {
    let raw: RawFile =
        toml::from_str(&source.text).map_err(|e| vec![RuleError::from_toml(&source, &e)])?;
    let mut errors = Vec::new();
    let pack = raw.pack.map(Spanned::into_inner);
    let pack_languages = match pack.as_ref().and_then(|p| p.languages.as_ref()) {
        Some(langs) => languages(&source, langs, &mut errors),
        None => Vec::new(),
    };
    let mut set = RuleSet::default();
    let mut seen: HashMap<String, Range<usize>> = HashMap::new();
    for raw_rule in raw.rule {
        let rule_span = raw_rule.span();
        let raw_rule = raw_rule.into_inner();
        let id_span = raw_rule.id.span();
        if let Some(first) = seen.get(raw_rule.id.get_ref()) {
            let mut e = RuleError::at(
                &source,
                id_span,
                format!("duplicate rule id '{}'", raw_rule.id.get_ref()),
                "defined again here",
            );
            e.secondary = Some((source.clone(), first.clone(), "first defined here".into()));
            errors.push(e);
            continue;
        }
        seen.insert(raw_rule.id.get_ref().clone(), id_span);
        let mut validator = Validator {
            source: &source,
            errors: Vec::new(),
        };
        if let Some(rule) = validator.rule(raw_rule, pack.as_ref(), &pack_languages, rule_span) {
            if validator.errors.is_empty() {
                set.push(rule);
            }
        }
        errors.append(&mut validator.errors);
    }
    if errors.is_empty() {
        Ok(set)
    } else {
        Err(errors)
    }
}

fn languages(
    source: &Arc<RuleSource>,
    langs: &[Spanned<String>],
    errors: &mut Vec<RuleError>,
) -> Vec<String> {
    let mut out = Vec::new();
    for lang in langs {
        if is_valid_code(lang.get_ref()) {
            out.push(lang.get_ref().clone());
        } else {
            errors.push(
                RuleError::at(
                    source,
                    lang.span(),
                    format!("'{}' is not an ISO 639-1 language code", lang.get_ref()),
                    "expected two lowercase letters",
                )
                .note("examples: \"en\", \"de\", \"fr\", \"es\", \"ru\""),
            );
        }
    }
    out
}

/// A kind-specific key: its name, where it stands (if present) and the kinds that use it.
type KindKey<'k> = (&'k str, Option<Range<usize>>, &'k [RuleKind]);

/// Validates one rule and compiles its detector, collecting every error.
struct Validator<'a> {
    source: &'a Arc<RuleSource>,
    errors: Vec<RuleError>,
}

impl Validator<'_> {
    /// Reports `role`, named in the table at `span`, as not one of the rule's roles.
    fn unknown_role(&mut self, span: Range<usize>, role: &str, label: &str) {
        self.error(span, format!("'{role}' is not a role of this rule"), label)
            .notes
            .push("roles are the keys of the `roles` tables".into());
    }

    fn error(
        &mut self,
        span: Range<usize>,
        message: impl Into<String>,
        label: impl Into<String>,
    ) -> &mut RuleError {
        self.errors
            .push(RuleError::at(self.source, span, message, label));
        self.errors.last_mut().expect("just pushed")
    }

    fn rule(
        &mut self,
        raw: RawRule,
        pack: Option<&RawPack>,
        pack_languages: &[String],
        rule_span: Range<usize>,
    ) -> Option<Rule> {
        self.check_id(&raw.id, pack);
        let kind = self.kind(&raw.kind)?;
        self.reject_foreign_keys(&raw, kind);
        let severity = self.parse_or(&raw.severity, Severity::Warning);
        let category = self.parse_or(&raw.category, kind.default_category());
        let fix = match &raw.fix {
            None => kind.default_fix(),
            Some(f) => match f.get_ref().as_str() {
                "safe" => FixSafety::Safe,
                "unsafe" => FixSafety::Unsafe,
                "none" => FixSafety::None,
                other => {
                    self.error(
                        f.span(),
                        format!("unknown fix safety '{other}'"),
                        "expected safe, unsafe or none",
                    );
                    kind.default_fix()
                }
            },
        };
        let languages = match &raw.languages {
            Some(langs) => languages(self.source, langs, &mut self.errors),
            None => pack_languages.to_vec(),
        };
        for template in [&raw.message, &raw.help].into_iter().flatten() {
            self.check_template(template, kind);
        }
        let examples = self.examples(raw.examples.as_deref().unwrap_or_default());
        let check = self.check(&raw, kind, rule_span)?;
        let meta = RuleMeta {
            id: Arc::from(raw.id.get_ref().as_str()),
            kind,
            severity,
            category,
            message: raw
                .message
                .map_or_else(|| kind.default_message().to_string(), Spanned::into_inner),
            help: raw.help.map(Spanned::into_inner),
            description: raw.description,
            languages,
            fix,
            examples,
            source: self.source.clone(),
            id_span: raw.id.span(),
        };
        Some(Rule { meta, check })
    }

    fn check_id(&mut self, id: &Spanned<String>, pack: Option<&RawPack>) {
        let text = id.get_ref();
        let valid_part = |s: &str| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && !s.starts_with('-')
        };
        let well_formed =
            matches!(text.split_once('.'), Some((p, n)) if valid_part(p) && valid_part(n));
        if !well_formed {
            self.error(id.span(), format!("invalid rule id '{text}'"), "expected 'pack.rule-name'")
                .notes
                .push("ids are lowercase letters, digits and '-', with one '.' after the pack name, e.g. \"house.no-blorp\"".into());
            return;
        }
        if let Some(name) = pack.and_then(|p| p.name.as_ref()) {
            let prefix = text.split('.').next().unwrap_or_default();
            if prefix != name.get_ref() {
                self.error(
                    id.span(),
                    format!(
                        "rule id '{text}' does not start with its pack name '{}'",
                        name.get_ref()
                    ),
                    format!("expected '{}.…'", name.get_ref()),
                );
            }
        }
    }

    fn kind(&mut self, kind: &Spanned<String>) -> Option<RuleKind> {
        let found = RuleKind::ALL
            .into_iter()
            .find(|k| k.as_str() == kind.get_ref());
        if found.is_none() {
            let names: Vec<_> = RuleKind::ALL.iter().map(|k| k.as_str()).collect();
            self.error(
                kind.span(),
                format!("unknown rule kind '{}'", kind.get_ref()),
                format!("expected one of {}", names.join(", ")),
            );
        }
        found
    }

    fn parse_or<T: std::str::FromStr<Err = String>>(
        &mut self,
        value: &Option<Spanned<String>>,
        default: T,
    ) -> T {
        match value {
            None => default,
            Some(v) => v.get_ref().parse().unwrap_or_else(|e: String| {
                self.error(v.span(), e, "not allowed here");
                default
            }),
        }
    }

    /// Keys that belong to other kinds are mistakes, not silently ignored options.
    fn reject_foreign_keys(&mut self, raw: &RawRule, kind: RuleKind) {
        use RuleKind::*;
        let keys: Vec<KindKey> = vec![
            (
                "pattern",
                raw.pattern.as_ref().map(Spanned::span),
                &[Pattern],
            ),
            (
                "replacement",
                raw.replacement.as_ref().map(Spanned::span),
                &[Pattern],
            ),
            (
                "swap",
                raw.swap.as_ref().map(Spanned::span),
                &[Substitution],
            ),
            (
                "case_sensitive",
                raw.case_sensitive.as_ref().map(Spanned::span),
                &[Substitution, Consistency, Names],
            ),
            (
                "exceptions",
                raw.exceptions.as_ref().map(Spanned::span),
                &[Substitution, Repetition, Names, MixedScript],
            ),
            (
                "allowed_after_comma",
                raw.allowed_after_comma.as_ref().map(Spanned::span),
                &[Repetition],
            ),
            (
                "clause_words",
                raw.clause_words.as_ref().map(Spanned::span),
                &[Repetition],
            ),
            ("sets", raw.sets.as_ref().map(Spanned::span), &[Consistency]),
            (
                "stopwords",
                raw.stopwords.as_ref().map(Spanned::span),
                &[NameDrift],
            ),
            (
                "titles",
                raw.titles.as_ref().map(Spanned::span),
                &[NameDrift],
            ),
            (
                "particles",
                raw.particles.as_ref().map(Spanned::span),
                &[NameDrift],
            ),
            (
                "determiners",
                raw.determiners.as_ref().map(Spanned::span),
                &[NameDrift],
            ),
            (
                "inflections",
                raw.inflections.as_ref().map(Spanned::span),
                &[NameDrift],
            ),
            (
                "derivations",
                raw.derivations.as_ref().map(Spanned::span),
                &[NameDrift],
            ),
            (
                "min_length",
                raw.min_length.as_ref().map(Spanned::span),
                &[NameDrift],
            ),
            (
                "ending_length",
                raw.ending_length.as_ref().map(Spanned::span),
                &[NameDrift],
            ),
            (
                "one_edit_length",
                raw.one_edit_length.as_ref().map(Spanned::span),
                &[NameDrift],
            ),
            (
                "two_edit_length",
                raw.two_edit_length.as_ref().map(Spanned::span),
                &[NameDrift],
            ),
            (
                "canonical",
                raw.canonical.as_ref().map(Spanned::span),
                &[Names],
            ),
            (
                "echo_prefixes",
                raw.echo_prefixes.as_ref().map(Spanned::span),
                &[Echo],
            ),
            (
                "conjunctions",
                raw.conjunctions.as_ref().map(Spanned::span),
                &[Echo],
            ),
            ("window", raw.window.as_ref().map(Spanned::span), &[Echo]),
            ("roles", raw.roles.as_ref().map(Spanned::span), &[Titles]),
            (
                "affiliations",
                raw.affiliations.as_ref().map(Spanned::span),
                &[Titles],
            ),
            (
                "prefixes",
                raw.prefixes.as_ref().map(Spanned::span),
                &[Titles],
            ),
            ("past", raw.past.as_ref().map(Spanned::span), &[Titles]),
            ("rank", raw.rank.as_ref().map(Spanned::span), &[Titles]),
            ("posts", raw.posts.as_ref().map(Spanned::span), &[Titles]),
            (
                "portfolio_heads",
                raw.portfolio_heads.as_ref().map(Spanned::span),
                &[Titles],
            ),
            (
                "connectors",
                raw.connectors.as_ref().map(Spanned::span),
                &[Titles],
            ),
            (
                "exclusive",
                raw.exclusive.as_ref().map(Spanned::span),
                &[Titles],
            ),
            (
                "organisation_roles",
                raw.organisation_roles.as_ref().map(Spanned::span),
                &[Titles],
            ),
            (
                "short_forms",
                raw.short_forms.as_ref().map(Spanned::span),
                &[Titles],
            ),
            ("within", raw.within.as_ref().map(Spanned::span), &[Titles]),
            (
                "holders",
                raw.holders.as_ref().map(Spanned::span),
                &[Titles],
            ),
            (
                "detect",
                raw.detect.as_ref().map(Spanned::span),
                &[Untranslated],
            ),
            (
                "skip_inside",
                raw.skip_inside.as_ref().map(Spanned::span),
                &[Untranslated],
            ),
            (
                "min_letters",
                raw.min_letters.as_ref().map(Spanned::span),
                &[Untranslated],
            ),
            (
                "min_confidence",
                raw.min_confidence.as_ref().map(Spanned::span),
                &[Untranslated],
            ),
            (
                "min_script_letters",
                raw.min_script_letters.as_ref().map(Spanned::span),
                &[Untranslated],
            ),
            (
                "function_words",
                raw.function_words.as_ref().map(Spanned::span),
                &[Untranslated],
            ),
            (
                "min_words",
                raw.min_words.as_ref().map(Spanned::span),
                &[Untranslated, Loop],
            ),
            (
                "max_words",
                raw.max_words.as_ref().map(Spanned::span),
                &[Loop],
            ),
            (
                "min_sentence_words",
                raw.min_sentence_words.as_ref().map(Spanned::span),
                &[Loop],
            ),
            ("marks", raw.marks.as_ref().map(Spanned::span), &[Brackets]),
        ];
        for (key, span, kinds) in keys {
            if let Some(span) = span {
                if !kinds.contains(&kind) {
                    let owners: Vec<_> = kinds.iter().map(|k| k.as_str()).collect();
                    self.error(
                        span,
                        format!("'{key}' is not a key of {kind} rules"),
                        format!("used only by {} rules", owners.join(" and ")),
                    );
                }
            }
        }
    }

    fn check_template(&mut self, template: &Spanned<String>, kind: RuleKind) {
        let text = template.get_ref();
        let mut rest = text.as_str();
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else { break };
            let name = &after[..close];
            let is_identifier =
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic() || c == '_');
            let known =
                name == "match" || name == "replacement" || kind.placeholders().contains(&name);
            if is_identifier && !known {
                let extra: String = kind
                    .placeholders()
                    .iter()
                    .map(|p| format!(", {{{p}}}"))
                    .collect();
                self.error(
                    template.span(),
                    format!("unknown placeholder '{{{name}}}' in this template"),
                    "in this template",
                )
                .notes
                .push(format!(
                    "{kind} templates know {{match}}, {{replacement}}{extra}"
                ));
            }
            rest = &after[close + 1..];
        }
    }

    fn examples(&mut self, raw: &[Spanned<RawExample>]) -> Vec<Example> {
        let mut out = Vec::new();
        for example in raw {
            let span = example.span();
            let e = example.get_ref();
            if e.bad.is_none() && e.good.is_none() {
                self.error(
                    span.clone(),
                    "an example needs 'bad' or 'good' text",
                    "empty example",
                );
            }
            if e.fixed.is_some() && e.bad.is_none() {
                self.error(
                    span.clone(),
                    "'fixed' needs a 'bad' text to fix",
                    "in this example",
                );
            }
            let lang = e
                .lang
                .as_ref()
                .map(|l| languages(self.source, std::slice::from_ref(l), &mut self.errors))
                .and_then(|mut v| v.pop());
            out.push(Example {
                bad: e.bad.clone(),
                good: e.good.clone(),
                fixed: e.fixed.clone(),
                lang,
                span,
            });
        }
        out
    }

    fn required<'r, T>(
        &mut self,
        value: &'r Option<Spanned<T>>,
        key: &str,
        kind: RuleKind,
        rule_span: &Range<usize>,
    ) -> Option<&'r Spanned<T>> {
        if value.is_none() {
            self.error(
                rule_span.start..rule_span.start,
                format!("{kind} rule is missing the '{key}' key"),
                format!("add '{key} = …' to this rule"),
            );
        }
        value.as_ref()
    }

    fn check(
        &mut self,
        raw: &RawRule,
        kind: RuleKind,
        rule_span: Range<usize>,
    ) -> Option<Box<dyn Check>> {
        match kind {
            RuleKind::Pattern => {
                let pattern = self.required(&raw.pattern, "pattern", kind, &rule_span)?;
                let sources: Vec<(String, Range<usize>)> = match pattern.get_ref() {
                    OneOrMany::One(p) => vec![(p.clone(), pattern.span())],
                    OneOrMany::Many(ps) => {
                        ps.iter().map(|p| (p.get_ref().clone(), p.span())).collect()
                    }
                };
                if sources.is_empty() {
                    self.error(
                        pattern.span(),
                        "'pattern' is empty",
                        "add at least one regex",
                    );
                }
                let regexes: Vec<LazyRegex> = sources
                    .into_iter()
                    .filter_map(|(p, span)| self.regex(&p, span))
                    .collect();
                Some(Box::new(PatternCheck {
                    regexes,
                    replacement: raw.replacement.as_ref().map(|r| r.get_ref().clone()),
                }))
            }
            RuleKind::Substitution => {
                let swap = self.required(&raw.swap, "swap", kind, &rule_span)?;
                if swap.get_ref().is_empty() {
                    self.error(
                        swap.span(),
                        "'swap' is empty",
                        "add at least one \"wrong\" = \"right\" pair",
                    );
                }
                for (wrong, right) in swap.get_ref() {
                    if wrong.trim().is_empty() || wrong == right {
                        self.error(
                            swap.span(),
                            format!("invalid swap '{wrong}' = '{right}'"),
                            "the wrong form must be non-empty and differ from the right one",
                        );
                    }
                }
                let exceptions = self.phrase_exceptions(raw);
                let case_sensitive = raw.case_sensitive.as_ref().is_some_and(|c| *c.get_ref());
                let pairs = swap
                    .get_ref()
                    .iter()
                    .map(|(w, r)| (w.clone(), r.clone()))
                    .collect();
                Some(Box::new(SubstitutionCheck::new(
                    pairs,
                    exceptions,
                    case_sensitive,
                )))
            }
            RuleKind::Repetition => {
                let exceptions = match raw.exceptions.as_ref().map(|e| (e.span(), e.get_ref())) {
                    None => HashMap::new(),
                    Some((_, Exceptions::ByLanguage(map))) => self.word_lists(
                        map,
                        raw.exceptions
                            .as_ref()
                            .map(Spanned::span)
                            .unwrap_or_default(),
                    ),
                    Some((span, Exceptions::Phrases(_))) => {
                        self.error(
                            span,
                            "repetition 'exceptions' must be a table of language → words",
                            "expected { en = [\"had\", \"that\"] }",
                        );
                        HashMap::new()
                    }
                };
                let mut lists =
                    [&raw.allowed_after_comma, &raw.clause_words].map(|table| match table {
                        None => HashMap::new(),
                        Some(map) => self.word_lists(map.get_ref(), map.span()),
                    });
                Some(Box::new(RepetitionCheck {
                    exceptions,
                    allowed_after_comma: std::mem::take(&mut lists[0]),
                    clause_words: std::mem::take(&mut lists[1]),
                }))
            }
            RuleKind::Consistency => {
                let sets = self.required(&raw.sets, "sets", kind, &rule_span)?;
                let case_sensitive = raw.case_sensitive.as_ref().is_none_or(|c| *c.get_ref());
                let mut compiled = Vec::new();
                for set in sets.get_ref() {
                    if set.get_ref().len() < 2 {
                        self.error(
                            set.span(),
                            "a consistency set needs at least two spellings",
                            "only one spelling here",
                        );
                        continue;
                    }
                    let families: Vec<Family> = set
                        .get_ref()
                        .iter()
                        .map(|f| Family {
                            forms: f
                                .get_ref()
                                .split('|')
                                .map(str::trim)
                                .filter(|s| !s.is_empty())
                                .map(String::from)
                                .collect(),
                        })
                        .collect();
                    if let Some(empty) = set
                        .get_ref()
                        .iter()
                        .zip(&families)
                        .find(|(_, f)| f.forms.is_empty())
                    {
                        self.error(
                            empty.0.span(),
                            "empty spelling in a consistency set",
                            "write a spelling here",
                        );
                        continue;
                    }
                    compiled.push(ConsistencySet::new(families, case_sensitive));
                }
                Some(Box::new(ConsistencyCheck { sets: compiled }))
            }
            RuleKind::NameDrift => Some(Box::new(NameDriftCheck {
                languages: std::sync::Arc::new(self.name_languages(raw)),
                thresholds: DriftThresholds {
                    min_length: self.length(&raw.min_length, 4),
                    one_edit_length: self.length(&raw.one_edit_length, 5),
                    two_edit_length: self.length(&raw.two_edit_length, 9),
                },
            })),
            RuleKind::Titles => self.titles(raw, &rule_span),
            RuleKind::Names => {
                let canonical = self.required(&raw.canonical, "canonical", kind, &rule_span)?;
                let mut pairs = Vec::new();
                for (right, variants) in canonical.get_ref() {
                    if variants.is_empty()
                        || variants.iter().any(|v| v.trim().is_empty() || v == right)
                    {
                        self.error(
                            canonical.span(),
                            format!("invalid variants for '{right}'"),
                            "each canonical spelling needs non-empty variants that differ from it",
                        );
                    }
                    pairs.extend(variants.iter().map(|v| (v.clone(), right.clone())));
                }
                let exceptions = self.phrase_exceptions(raw);
                let case_sensitive = raw.case_sensitive.as_ref().is_some_and(|c| *c.get_ref());
                Some(Box::new(SubstitutionCheck::new(
                    pairs,
                    exceptions,
                    case_sensitive,
                )))
            }
            RuleKind::Untranslated => {
                let detect = self.choices(&raw.detect, &["sentences", "scripts"]);
                let skip = self.choices(&raw.skip_inside, &["quotes", "brackets", "emphasis"]);
                let has = |list: &Option<Vec<String>>, item: &str, default: bool| {
                    list.as_ref()
                        .map_or(default, |l| l.iter().any(|x| x == item))
                };
                let function_words = match &raw.function_words {
                    Some(t) => self.word_lists(t.get_ref(), t.span()),
                    None => HashMap::new(),
                };
                Some(Box::new(UntranslatedCheck::new(
                    has(&detect, "sentences", true),
                    has(&detect, "scripts", true),
                    Skip {
                        quotes: has(&skip, "quotes", true),
                        brackets: has(&skip, "brackets", true),
                        emphasis: has(&skip, "emphasis", true),
                    },
                    Thresholds {
                        min_words: self.length(&raw.min_words, 6),
                        min_letters: self.count(&raw.min_letters, 30, 1000),
                        min_confidence: self.fraction(&raw.min_confidence, 0.5),
                        min_script_letters: self.length(&raw.min_script_letters, 2),
                    },
                    function_words,
                )))
            }
            RuleKind::MixedScript => {
                let exceptions = self
                    .phrase_exceptions(raw)
                    .into_iter()
                    .map(|e| e.to_lowercase())
                    .collect();
                Some(Box::new(MixedScriptCheck { exceptions }))
            }
            RuleKind::Mojibake => Some(Box::new(MojibakeCheck)),
            RuleKind::Loop => {
                let min_words = self.length(&raw.min_words, 2);
                let max_words = self.length(&raw.max_words, 6);
                if min_words < 2 {
                    if let Some(v) = &raw.min_words {
                        self.error(
                            v.span(),
                            "a loop is at least 2 words long",
                            "single doubled words are the repetition kind's business",
                        );
                    }
                }
                if max_words < min_words || max_words > 20 {
                    if let Some(v) = &raw.max_words {
                        self.error(
                            v.span(),
                            "'max_words' must be between 'min_words' and 20",
                            "out of range",
                        );
                    }
                }
                Some(Box::new(LoopCheck {
                    min_words,
                    max_words: max_words.clamp(min_words, 20),
                    min_sentence_words: self.count(&raw.min_sentence_words, 4, 100),
                }))
            }
            RuleKind::Echo => {
                let mut lists = [&raw.echo_prefixes, &raw.conjunctions].map(|table| match table {
                    None => HashMap::new(),
                    Some(map) => self.word_lists(map.get_ref(), map.span()),
                });
                let (prefixes, conjunctions) =
                    (std::mem::take(&mut lists[0]), std::mem::take(&mut lists[1]));
                let mut codes: HashSet<&String> =
                    prefixes.keys().chain(conjunctions.keys()).collect();
                let star = "*".to_string();
                codes.insert(&star);
                let languages = codes
                    .into_iter()
                    .map(|code| {
                        let mut ordered: Vec<String> =
                            for_language(&prefixes, code).into_iter().collect();
                        ordered.sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
                        (
                            code.clone(),
                            EchoLanguage {
                                prefixes: ordered,
                                conjunctions: for_language(&conjunctions, code),
                            },
                        )
                    })
                    .collect();
                let window = self.length(&raw.window, 4);
                Some(Box::new(EchoCheck { languages, window }))
            }
            RuleKind::Suppression => Some(Box::new(crate::suppress::SuppressionCheck)),
            RuleKind::Brackets => {
                let marks = self.choices(&raw.marks, &["brackets", "quotes"]);
                let has = |item: &str| marks.as_ref().is_none_or(|m| m.iter().any(|x| x == item));
                Some(Box::new(BracketsCheck {
                    brackets: has("brackets"),
                    quotes: has("quotes"),
                }))
            }
        }
    }

    /// A list of choices among `allowed` (each value checked), or `None` when the key is absent.
    fn choices(
        &mut self,
        value: &Option<Spanned<Vec<Spanned<String>>>>,
        allowed: &[&str],
    ) -> Option<Vec<String>> {
        let list = value.as_ref()?;
        let mut out = Vec::new();
        for item in list.get_ref() {
            if allowed.contains(&item.get_ref().as_str()) {
                out.push(item.get_ref().clone());
            } else {
                self.error(
                    item.span(),
                    format!("unknown value '{}'", item.get_ref()),
                    format!("expected one of {}", allowed.join(", ")),
                );
            }
        }
        Some(out)
    }

    /// A count from 0 to `max`, or its default.
    fn count(&mut self, value: &Option<Spanned<i64>>, default: usize, max: usize) -> usize {
        match value {
            None => default,
            Some(v) => match usize::try_from(*v.get_ref()) {
                Ok(n) if n <= max => n,
                _ => {
                    self.error(
                        v.span(),
                        format!("must be between 0 and {max}"),
                        "out of range",
                    );
                    default
                }
            },
        }
    }

    /// A number from 0 to 1, or its default.
    fn fraction(&mut self, value: &Option<Spanned<f64>>, default: f64) -> f64 {
        match value {
            None => default,
            Some(v) if (0.0..=1.0).contains(v.get_ref()) => *v.get_ref(),
            Some(v) => {
                self.error(v.span(), "must be between 0 and 1", "out of range");
                default
            }
        }
    }

    /// A `titles` rule: one lexicon per language named in any table (each merged with `*`).
    fn titles(&mut self, raw: &RawRule, rule_span: &Range<usize>) -> Option<Box<dyn Check>> {
        let roles_table = self.required(&raw.roles, "roles", RuleKind::Titles, rule_span)?;
        let mut codes: HashSet<String> = HashSet::from(["*".to_string()]);
        let phrase_maps = |table: &Option<Spanned<PhraseTables>>,
                           codes: &mut HashSet<String>|
         -> HashMap<String, HashMap<String, String>> {
            let mut out: HashMap<String, HashMap<String, String>> = HashMap::new();
            for (code, entries) in table.iter().flat_map(|t| t.get_ref()) {
                codes.insert(code.clone());
                let map = out.entry(code.clone()).or_default();
                for (canonical, phrases) in entries {
                    map.insert(canonical.to_lowercase(), canonical.clone());
                    for phrase in phrases {
                        map.insert(phrase.to_lowercase(), canonical.clone());
                    }
                }
            }
            out
        };
        let roles = phrase_maps(&raw.roles, &mut codes);
        let affiliations = phrase_maps(&raw.affiliations, &mut codes);
        let mut prefixes: HashMap<String, HashMap<String, String>> = HashMap::new();
        for (code, entries) in raw.prefixes.iter().flat_map(|t| t.get_ref()) {
            codes.insert(code.clone());
            prefixes.insert(
                code.clone(),
                entries
                    .iter()
                    .map(|(p, a)| (p.to_lowercase(), a.clone()))
                    .collect(),
            );
        }
        // Head word (lowercase) → the listed role whose exclusive sets an office of that head and
        // an unlisted portfolio shares.
        let mut portfolio_heads: HashMap<String, HashMap<String, String>> = HashMap::new();
        for (code, entries) in raw.portfolio_heads.iter().flat_map(|t| t.get_ref()) {
            codes.insert(code.clone());
            let map = portfolio_heads.entry(code.clone()).or_default();
            for (like, heads) in entries {
                map.extend(heads.iter().map(|h| (h.to_lowercase(), like.clone())));
            }
        }
        let mut lists = Vec::new();
        for table in [
            &raw.past,
            &raw.rank,
            &raw.connectors,
            &raw.framing,
            &raw.posts,
        ] {
            let map = match table {
                Some(t) => self.word_lists(t.get_ref(), t.span()),
                None => HashMap::new(),
            };
            codes.extend(map.keys().cloned());
            lists.push(map);
        }
        for code in &codes {
            if code != "*" && !is_valid_code(code) {
                self.error(
                    roles_table.span(),
                    format!("'{code}' is not an ISO 639-1 language code or \"*\""),
                    "in the title tables",
                );
            }
        }
        let mut languages = HashMap::new();
        for code in codes {
            let role_phrases = for_language(&roles, &code);
            if role_phrases.is_empty() {
                continue;
            }
            let built = LazyTitleLanguage::new(
                role_phrases,
                TitleWords {
                    prefixes: for_language(&prefixes, &code).into_iter().collect(),
                    affiliations: for_language(&affiliations, &code).into_iter().collect(),
                    past: for_language(&lists[0], &code).into_iter().collect(),
                    rank: for_language(&lists[1], &code).into_iter().collect(),
                    connectors: for_language(&lists[2], &code).into_iter().collect(),
                    framing: for_language(&lists[3], &code).into_iter().collect(),
                    posts: for_language(&lists[4], &code).into_iter().collect(),
                    portfolio_heads: for_language(&portfolio_heads, &code).into_iter().collect(),
                    // Russian role phrases are listed in the nominative; their cases are generated.
                    russian_cases: code == "ru",
                },
            );
            languages.insert(code, built);
        }
        let known_roles: HashSet<String> =
            roles.values().flat_map(|m| m.values().cloned()).collect();
        let mut exclusive = Vec::new();
        if let Some(sets) = &raw.exclusive {
            for set in sets.get_ref() {
                if let Some(unknown) = set.iter().find(|r| !known_roles.contains(*r)) {
                    self.unknown_role(sets.span(), unknown, "in these sets");
                }
                exclusive.push(set.iter().cloned().collect());
            }
        }
        if let Some(table) = &raw.portfolio_heads {
            let likes = table.get_ref().values().flat_map(|m| m.keys());
            for like in likes.filter(|l| !known_roles.contains(*l)) {
                self.unknown_role(table.span(), like, "in this table");
            }
        }
        if let Some(within) = &raw.within {
            let known: HashSet<&String> = affiliations.values().flat_map(|m| m.values()).collect();
            let names = within.get_ref().iter().flat_map(|(a, b)| [a, b]);
            for unknown in names.filter(|n| !known.contains(n)) {
                self.error(
                    within.span(),
                    format!("'{unknown}' is not an affiliation of this rule"),
                    "in this table",
                )
                .notes
                .push("affiliations are the keys of the `affiliations` tables".into());
            }
        }
        let mut short_forms = Vec::new();
        if let Some(pairs) = &raw.short_forms {
            for pair in pairs.get_ref() {
                let unknown = pair.iter().find(|r| !known_roles.contains(*r));
                match (pair.as_slice(), unknown) {
                    ([short, long], None) => short_forms.push((short.clone(), long.clone())),
                    (_, Some(unknown)) => {
                        self.unknown_role(pairs.span(), unknown, "in these pairs");
                    }
                    _ => {
                        self.error(
                            pairs.span(),
                            format!("a pair has {} roles, not 2", pair.len()),
                            "in these pairs",
                        );
                    }
                }
            }
        }
        let mut organisation_roles = HashSet::new();
        if let Some(list) = &raw.organisation_roles {
            if let Some(unknown) = list.get_ref().iter().find(|r| !known_roles.contains(*r)) {
                self.unknown_role(list.span(), unknown, "in this list");
            }
            organisation_roles.extend(list.get_ref().iter().cloned());
        }
        let holders = raw
            .holders
            .iter()
            .flat_map(|h| h.get_ref())
            .map(|h| Holder {
                name: h.name.clone(),
                role: h.role.clone(),
                affiliation: h.affiliation.clone(),
            })
            .collect();
        Some(Box::new(TitlesCheck {
            languages,
            exclusive,
            organisation_roles,
            short_forms,
            within: raw
                .within
                .iter()
                .flat_map(|w| w.get_ref())
                .map(|(place, parent)| (place.clone(), parent.clone()))
                .collect(),
            holders,
            names: OnceLock::new(),
        }))
    }

    /// `exceptions` as a list of phrases (substitution and names rules).
    fn phrase_exceptions(&mut self, raw: &RawRule) -> Vec<String> {
        match raw.exceptions.as_ref().map(|e| (e.span(), e.get_ref())) {
            None => Vec::new(),
            Some((_, Exceptions::Phrases(p))) => p.clone(),
            Some((span, Exceptions::ByLanguage(_))) => {
                self.error(
                    span,
                    "'exceptions' must be an array of phrases here",
                    "expected [\"chicken Kiev\", …]",
                );
                Vec::new()
            }
        }
    }

    /// A positive length setting, or its default.
    fn length(&mut self, value: &Option<Spanned<i64>>, default: usize) -> usize {
        match value {
            None => default,
            Some(v) => match usize::try_from(*v.get_ref()) {
                Ok(n) if (1..=100).contains(&n) => n,
                _ => {
                    self.error(
                        v.span(),
                        "a length must be between 1 and 100",
                        "out of range",
                    );
                    default
                }
            },
        }
    }

    /// The per-language data of a name-drift rule: every language named in any list, each merged
    /// with the `*` entries, plus `*` itself as the fallback.
    fn name_languages(&mut self, raw: &RawRule) -> HashMap<String, NameLanguage> {
        let tables = [
            &raw.stopwords,
            &raw.titles,
            &raw.particles,
            &raw.determiners,
            &raw.inflections,
            &raw.derivations,
        ];
        let mut codes: HashSet<String> = HashSet::from(["*".to_string()]);
        let mut lists: Vec<HashMap<String, HashSet<String>>> = Vec::new();
        for table in tables {
            let map = match table {
                Some(t) => self.word_lists(t.get_ref(), t.span()),
                None => HashMap::new(),
            };
            codes.extend(map.keys().cloned());
            lists.push(map);
        }
        let mut ending_lengths: HashMap<String, usize> = HashMap::new();
        if let Some(table) = &raw.ending_length {
            for (code, n) in table.get_ref() {
                if code != "*" && !is_valid_code(code) {
                    self.error(
                        table.span(),
                        format!("'{code}' is not an ISO 639-1 language code or \"*\""),
                        "in this table",
                    );
                }
                match usize::try_from(*n) {
                    Ok(n) if n <= 10 => {
                        ending_lengths.insert(code.clone(), n);
                    }
                    _ => {
                        self.error(
                            table.span(),
                            format!("ending length {n} for '{code}' is out of range"),
                            "expected 0 to 10",
                        );
                    }
                }
                codes.insert(code.clone());
            }
        }
        let endings = |set: HashSet<String>| -> Vec<String> {
            let mut v: Vec<String> = set.into_iter().collect();
            v.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
            v
        };
        codes
            .into_iter()
            .map(|code| {
                let data = NameLanguage {
                    lexicon: NameLexicon {
                        stopwords: for_language(&lists[0], &code).into_iter().collect(),
                        titles: for_language(&lists[1], &code).into_iter().collect(),
                        particles: for_language(&lists[2], &code).into_iter().collect(),
                        determiners: for_language(&lists[3], &code).into_iter().collect(),
                    },
                    inflections: endings(for_language(&lists[4], &code)),
                    derivations: endings(for_language(&lists[5], &code)),
                    ending_length: ending_lengths
                        .get(&code)
                        .or(ending_lengths.get("*"))
                        .copied()
                        .unwrap_or(0),
                };
                (code, data)
            })
            .collect()
    }

    fn word_lists(
        &mut self,
        map: &std::collections::BTreeMap<String, Vec<String>>,
        span: Range<usize>,
    ) -> HashMap<String, HashSet<String>> {
        let mut out = HashMap::new();
        for (lang, words) in map {
            if lang != "*" && !is_valid_code(lang) {
                self.error(
                    span.clone(),
                    format!("'{lang}' is not an ISO 639-1 language code or \"*\""),
                    "in this table",
                );
            }
            out.insert(
                lang.clone(),
                words.iter().map(|w| w.to_lowercase()).collect(),
            );
        }
        out
    }

    /// Checks a user regex's syntax now (errors point into the rule file); it compiles on first use.
    fn regex(&mut self, pattern: &str, span: Range<usize>) -> Option<LazyRegex> {
        match regex_syntax::ParserBuilder::new().build().parse(pattern) {
            Ok(_) => Some(LazyRegex::gated(pattern.to_string())),
            Err(e) => {
                let detail = e.to_string();
                let summary = detail
                    .lines()
                    .last()
                    .unwrap_or("invalid regex")
                    .trim()
                    .trim_start_matches("error: ")
                    .to_string();
                self.error(span, format!("invalid regex: {summary}"), "in this pattern")
                    .notes
                    .push(detail);
                None
            }
        }
    }
}

/// A per-language table's `*` entries merged with those of `code` (every list, set or map of word
/// data in rule files works this way).
fn for_language<C>(table: &HashMap<String, C>, code: &str) -> C
where
    C: Clone + Default + IntoIterator + Extend<<C as IntoIterator>::Item>,
{
    let mut out = table.get("*").cloned().unwrap_or_default();
    if code != "*" {
        if let Some(own) = table.get(code) {
            out.extend(own.clone());
        }
    }
    out
}
