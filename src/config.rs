//! The project configuration file, `translint.toml` (or `.translint.toml`): found from the current
//! folder upward, like rustfmt and ruff. Every value is spanned, so a mistake is reported
//! compiler-style, pointing into the file. Paths and globs in it are relative to its folder.

use crate::diagnostic::Severity;
use crate::rules::{selects, RuleError, RuleSet, RuleSource};
use crate::text::language::is_valid_code;
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

/// The file names looked for, in order, in each folder.
pub const FILE_NAMES: [&str; 2] = ["translint.toml", ".translint.toml"];

/// The failing threshold: a severity, or never.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    At(Severity),
    Never,
}

/// A loaded, validated configuration.
#[derive(Debug, Default)]
pub struct Config {
    /// The file it came from; `None` for the empty default.
    pub path: Option<PathBuf>,
    /// Extra rule packs (files or folders), resolved against the config's folder.
    pub rules: Vec<PathBuf>,
    /// Whether to load the built-in packs (`default-rules`).
    pub default_rules: Option<bool>,
    pub select: Option<Vec<String>>,
    pub ignore: Vec<String>,
    pub fail_on: Option<FailOn>,
    pub min_severity: Option<Severity>,
    pub lang: Option<String>,
    pub cross_file: Option<bool>,
    /// Apply `include`/`exclude` to files named on the command line too.
    pub force_exclude: Option<bool>,
    pub output_format: Option<String>,
    /// Severity overrides by rule id or pack prefix.
    pub severity: Vec<(String, Severity)>,
    /// Folder walking: files must match one of these (relative to the config's folder) if given.
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
    overrides: Vec<Override>,
    /// Every rule selector in the file with its span, checked against the loaded rules.
    selectors: Vec<Spanned<String>>,
    source: Option<Arc<RuleSource>>,
    /// The config's folder as an absolute path, and the current folder relative paths on the
    /// command line start from: both read once, at load.
    root: Option<(PathBuf, PathBuf)>,
}

/// Settings for the files matching some globs.
#[derive(Debug)]
struct Override {
    files: GlobSet,
    lang: Option<String>,
    select: Option<Vec<String>>,
    ignore: Vec<String>,
    severity: Vec<(String, Severity)>,
}

/// What applies to one file: its language and the rule filters and severities on top of the run's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileSettings {
    pub lang: Option<String>,
    /// Every one of these selections (one per matching override) must let a rule through.
    pub select: Vec<Vec<String>>,
    pub ignore: Vec<String>,
    /// Severity overrides, later entries winning.
    pub severity: Vec<(String, Severity)>,
}

impl FileSettings {
    /// Whether findings of `rule` are reported for this file.
    pub fn keeps(&self, rule: &str) -> bool {
        self.select
            .iter()
            .all(|selection| selection.iter().any(|s| selects(s, rule)))
            && !self.ignore.iter().any(|s| selects(s, rule))
    }

    /// The severity of `rule`'s findings here: the most specific override (a full id beats a
    /// pack prefix; among equals, per-path beats the whole project), else `default`.
    pub fn severity_of(&self, rule: &str, default: Severity) -> Severity {
        let mut best: Option<(usize, Severity)> = None;
        for (selector, severity) in &self.severity {
            if selects(selector, rule) && best.is_none_or(|(len, _)| selector.len() >= len) {
                best = Some((selector.len(), *severity));
            }
        }
        best.map_or(default, |(_, s)| s)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    rules: Option<Vec<Spanned<String>>>,
    default_rules: Option<bool>,
    select: Option<Vec<Spanned<String>>>,
    ignore: Option<Vec<Spanned<String>>>,
    fail_on: Option<Spanned<String>>,
    min_severity: Option<Spanned<String>>,
    lang: Option<Spanned<String>>,
    cross_file: Option<bool>,
    force_exclude: Option<bool>,
    output_format: Option<Spanned<String>>,
    include: Option<Vec<Spanned<String>>>,
    exclude: Option<Vec<Spanned<String>>>,
    severity: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    #[serde(default)]
    overrides: Vec<RawOverride>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawOverride {
    files: Spanned<Vec<Spanned<String>>>,
    lang: Option<Spanned<String>>,
    select: Option<Vec<Spanned<String>>>,
    ignore: Option<Vec<Spanned<String>>>,
    severity: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
}

/// The output formats a config may name (the CLI's `--format` values).
pub const OUTPUT_FORMATS: &[&str] = &[
    "human", "json", "jsonl", "sarif", "github", "rdjson", "junit",
];

/// The config file that applies in `folder`: the first of [`FILE_NAMES`] found there or in a
/// parent folder.
pub fn discover(folder: &Path) -> Option<PathBuf> {
    folder.ancestors().find_map(|dir| {
        FILE_NAMES
            .iter()
            .map(|name| dir.join(name))
            .find(|candidate| candidate.is_file())
    })
}

/// Reads and validates the config file at `path`.
pub fn load(path: &Path) -> Result<Config, Vec<RuleError>> {
    let bytes = std::fs::read(path).map_err(|e| {
        vec![RuleError::io(
            path,
            format!("cannot read config file '{}': {e}", path.display()),
        )]
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        vec![RuleError::io(
            path,
            format!(
                "config file '{}' is not UTF-8 (invalid byte at offset {})",
                path.display(),
                e.utf8_error().valid_up_to()
            ),
        )]
    })?;
    let source = Arc::new(RuleSource {
        name: path.display().to_string(),
        text,
    });
    let base = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    parse(source, &base, path)
}

/// Parses config text; `base` is the folder relative paths and globs start from.
pub fn parse(source: Arc<RuleSource>, base: &Path, path: &Path) -> Result<Config, Vec<RuleError>> {
    let raw: RawConfig =
        toml::from_str(&source.text).map_err(|e| vec![RuleError::from_toml(&source, &e)])?;
    let mut v = Validator {
        source: source.clone(),
        errors: Vec::new(),
        selectors: Vec::new(),
    };
    let mut config = Config {
        path: Some(path.to_path_buf()),
        rules: raw
            .rules
            .iter()
            .flatten()
            .map(|p| base.join(p.get_ref()))
            .collect(),
        default_rules: raw.default_rules,
        select: raw.select.as_ref().map(|s| v.selectors(s)),
        ignore: v.selectors(raw.ignore.as_deref().unwrap_or_default()),
        fail_on: raw.fail_on.as_ref().and_then(|f| v.fail_on(f)),
        min_severity: raw.min_severity.as_ref().and_then(|s| v.severity(s)),
        lang: raw.lang.as_ref().and_then(|l| v.lang(l)),
        cross_file: raw.cross_file,
        force_exclude: raw.force_exclude,
        output_format: raw.output_format.as_ref().and_then(|f| v.output_format(f)),
        severity: v.severities(raw.severity.as_ref()),
        include: raw.include.as_ref().and_then(|g| v.globs(g)),
        exclude: raw.exclude.as_ref().and_then(|g| v.globs(g)),
        overrides: Vec::new(),
        selectors: Vec::new(),
        source: Some(source.clone()),
        root: std::env::current_dir()
            .ok()
            .map(|cwd| (normalise(&cwd.join(base)), cwd)),
    };
    for (o, raw) in raw.overrides.iter().enumerate() {
        if raw.files.get_ref().is_empty() {
            v.error(
                raw.files.span(),
                format!("overrides[{o}].files is empty"),
                "give at least one glob",
            );
            continue;
        }
        let Some(files) = v.globs(raw.files.get_ref()) else {
            continue;
        };
        config.overrides.push(Override {
            files,
            lang: raw.lang.as_ref().and_then(|l| v.lang(l)),
            select: raw.select.as_ref().map(|s| v.selectors(s)),
            ignore: v.selectors(raw.ignore.as_deref().unwrap_or_default()),
            severity: v.severities(raw.severity.as_ref()),
        });
    }
    config.selectors = v.selectors;
    if v.errors.is_empty() {
        Ok(config)
    } else {
        Err(v.errors)
    }
}

/// Collects validation errors, pointing into the config file.
struct Validator {
    source: Arc<RuleSource>,
    errors: Vec<RuleError>,
    selectors: Vec<Spanned<String>>,
}

impl Validator {
    fn error(&mut self, span: Range<usize>, message: String, label: &str) {
        self.errors
            .push(RuleError::at(&self.source, span, message, label));
    }

    fn selectors(&mut self, values: &[Spanned<String>]) -> Vec<String> {
        self.selectors.extend(values.iter().cloned());
        values.iter().map(|s| s.get_ref().clone()).collect()
    }

    fn severity(&mut self, value: &Spanned<String>) -> Option<Severity> {
        match value.get_ref().parse() {
            Ok(s) => Some(s),
            Err(e) => {
                self.error(value.span(), e, "not a severity");
                None
            }
        }
    }

    fn fail_on(&mut self, value: &Spanned<String>) -> Option<FailOn> {
        if value.get_ref() == "never" {
            return Some(FailOn::Never);
        }
        match value.get_ref().parse() {
            Ok(s) => Some(FailOn::At(s)),
            Err(_) => {
                self.error(
                    value.span(),
                    format!(
                        "unknown fail-on value '{}' (expected error, warning, info or never)",
                        value.get_ref()
                    ),
                    "not allowed here",
                );
                None
            }
        }
    }

    fn lang(&mut self, value: &Spanned<String>) -> Option<String> {
        if is_valid_code(value.get_ref()) {
            return Some(value.get_ref().clone());
        }
        self.error(
            value.span(),
            format!(
                "'{}' is not an ISO 639-1 language code (two lowercase letters, e.g. en)",
                value.get_ref()
            ),
            "not a language code",
        );
        None
    }

    fn output_format(&mut self, value: &Spanned<String>) -> Option<String> {
        if OUTPUT_FORMATS.contains(&value.get_ref().as_str()) {
            return Some(value.get_ref().clone());
        }
        self.error(
            value.span(),
            format!(
                "unknown output format '{}' (expected one of {})",
                value.get_ref(),
                OUTPUT_FORMATS.join(", ")
            ),
            "not a format",
        );
        None
    }

    fn severities(
        &mut self,
        table: Option<&BTreeMap<Spanned<String>, Spanned<String>>>,
    ) -> Vec<(String, Severity)> {
        let mut out = Vec::new();
        for (selector, severity) in table.into_iter().flatten() {
            self.selectors.push(selector.clone());
            if let Some(s) = self.severity(severity) {
                out.push((selector.get_ref().clone(), s));
            }
        }
        out
    }

    fn globs(&mut self, values: &[Spanned<String>]) -> Option<GlobSet> {
        let mut builder = GlobSetBuilder::new();
        let before = self.errors.len();
        for value in values {
            // A folder name alone ("drafts") means everything under it, as in .gitignore.
            let pattern = value.get_ref().trim_end_matches('/');
            let full = if pattern.contains(['*', '?', '[', '{']) {
                pattern.to_string()
            } else {
                format!("{{{pattern},{pattern}/**}}")
            };
            match Glob::new(&full) {
                Ok(glob) => {
                    builder.add(glob);
                }
                Err(e) => self.error(
                    value.span(),
                    format!("invalid glob '{}': {}", value.get_ref(), e.kind()),
                    "not a valid glob",
                ),
            }
        }
        if self.errors.len() > before {
            return None;
        }
        builder.build().ok()
    }
}

impl Config {
    /// Reports every selector in the file that names no loaded rule.
    pub fn check_selectors(&self, rules: &RuleSet) -> Result<(), Vec<RuleError>> {
        let Some(source) = &self.source else {
            return Ok(());
        };
        let errors: Vec<RuleError> = self
            .selectors
            .iter()
            .filter(|s| {
                !rules
                    .rules()
                    .iter()
                    .any(|r| r.meta.is_selected_by(s.get_ref()))
            })
            .map(|s| {
                RuleError::at(
                    source,
                    s.span(),
                    format!("no loaded rule matches '{}'", s.get_ref()),
                    "unknown rule or pack",
                )
                .note("see `translint rules list`")
            })
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// `path` relative to the config's folder, if it is inside it.
    fn relative(&self, path: &Path) -> Option<PathBuf> {
        let (root, cwd) = self.root.as_ref()?;
        let path = normalise(&cwd.join(path));
        path.strip_prefix(root).ok().map(Path::to_path_buf)
    }

    /// Whether folder walking should lint `path`: it matches `include` (if given) and not `exclude`.
    pub fn walks(&self, path: &Path) -> bool {
        let Some(relative) = self.relative(path) else {
            return true;
        };
        self.include.as_ref().is_none_or(|g| g.is_match(&relative))
            && !self.exclude.as_ref().is_some_and(|g| g.is_match(&relative))
    }

    /// The settings for the file at `path`: the project's language and severities, then each
    /// matching override in order. (The project-wide `select` and `ignore` are not here: they
    /// decide which rules run at all.)
    pub fn for_file(&self, path: &Path) -> FileSettings {
        let mut settings = FileSettings {
            lang: self.lang.clone(),
            select: Vec::new(),
            ignore: Vec::new(),
            severity: self.severity.clone(),
        };
        let Some(relative) = self.relative(path) else {
            return settings;
        };
        for o in self
            .overrides
            .iter()
            .filter(|o| o.files.is_match(&relative))
        {
            if o.lang.is_some() {
                settings.lang = o.lang.clone();
            }
            settings.select.extend(o.select.iter().cloned());
            settings.ignore.extend(o.ignore.iter().cloned());
            settings.severity.extend(o.severity.iter().cloned());
        }
        settings
    }
}

/// Removes `.` and resolves `..` lexically (no file-system access, so missing paths work too).
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<Config, Vec<RuleError>> {
        let source = Arc::new(RuleSource {
            name: "translint.toml".into(),
            text: text.into(),
        });
        parse(
            source,
            Path::new("/project"),
            Path::new("/project/translint.toml"),
        )
    }

    fn error_at(text: &str) -> (String, String) {
        let Err(errors) = parsed(text) else {
            panic!("expected an error")
        };
        let e = &errors[0];
        let span = e.span.clone().expect("a span");
        (e.message.clone(), text[span].to_string())
    }

    #[test]
    fn reads_every_key() {
        let config = parsed(
            r#"
rules = ["house"]
default-rules = false
select = ["news-en", "names"]
ignore = ["names.drift"]
fail-on = "error"
min-severity = "warning"
lang = "en"
cross-file = true
output-format = "json"
exclude = ["drafts"]
[severity]
"news-en" = "error"
[[overrides]]
files = ["de/**"]
lang = "de"
"#,
        )
        .unwrap();
        assert_eq!(config.rules, vec![PathBuf::from("/project/house")]);
        assert_eq!(config.default_rules, Some(false));
        assert_eq!(config.select, Some(vec!["news-en".into(), "names".into()]));
        assert_eq!(config.fail_on, Some(FailOn::At(Severity::Error)));
        assert_eq!(config.min_severity, Some(Severity::Warning));
        assert_eq!(config.cross_file, Some(true));
        assert_eq!(config.output_format.as_deref(), Some("json"));
        assert!(!config.walks(Path::new("/project/drafts/a.md")));
        assert!(config.walks(Path::new("/project/news/a.md")));
        assert_eq!(
            config
                .for_file(Path::new("/project/de/a.md"))
                .lang
                .as_deref(),
            Some("de")
        );
        assert_eq!(
            config
                .for_file(Path::new("/project/en/a.md"))
                .lang
                .as_deref(),
            Some("en")
        );
    }

    #[test]
    fn errors_point_at_the_bad_value() {
        assert_eq!(error_at("fail-on = \"sometimes\"\n").1, "\"sometimes\"");
        assert_eq!(error_at("lang = \"english\"\n").1, "\"english\"");
        assert_eq!(error_at("output-format = \"xml\"\n").1, "\"xml\"");
        assert_eq!(error_at("exclude = [\"a[\"]\n").1, "\"a[\"");
        assert_eq!(error_at("[severity]\nx = \"fatal\"\n").1, "\"fatal\"");
        let (message, text) = error_at("selct = []\n");
        assert!(message.contains("unknown field `selct`"), "{message}");
        assert_eq!(text, "selct");
        assert_eq!(error_at("[[overrides]]\nfiles = []\n").1, "[]");
    }

    #[test]
    fn overrides_stack_in_order_and_specific_severities_win() {
        let config = parsed(
            r#"
ignore = ["punct"]
[severity]
"garble" = "info"
[[overrides]]
files = ["archive/**/*.md"]
select = ["names", "garble"]
[overrides.severity]
"garble.loop" = "error"
[[overrides]]
files = ["archive/2019"]
ignore = ["names.drift"]
"#,
        )
        .unwrap();
        let old = config.for_file(Path::new("/project/archive/2019/a.md"));
        assert!(old.keeps("garble.loop"));
        assert!(!old.keeps("names.drift"));
        assert!(!old.keeps("news-en.kyiv"), "outside the override's select");
        assert_eq!(
            old.severity_of("garble.loop", Severity::Warning),
            Severity::Error
        );
        assert_eq!(
            old.severity_of("garble.echo", Severity::Warning),
            Severity::Info
        );
        let new = config.for_file(Path::new("/project/news/a.md"));
        assert!(new.keeps("news-en.kyiv"));
        assert_eq!(
            new.severity_of("garble.loop", Severity::Warning),
            Severity::Info
        );
        // Outside the project folder only the project-wide settings apply.
        let outside = config.for_file(Path::new("/elsewhere/archive/2019/a.md"));
        assert!(outside.keeps("names.drift"));
    }

    #[test]
    fn discovery_walks_up_to_the_nearest_file() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        std::fs::create_dir_all(&nested).unwrap();
        assert_eq!(discover(&nested), None);
        std::fs::write(dir.path().join("translint.toml"), "").unwrap();
        assert_eq!(discover(&nested), Some(dir.path().join("translint.toml")));
        std::fs::write(dir.path().join("a/.translint.toml"), "").unwrap();
        assert_eq!(
            discover(&nested),
            Some(dir.path().join("a/.translint.toml"))
        );
    }
}
