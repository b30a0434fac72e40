//! Baselines: the findings a project has accepted, so CI fails only on new ones.
//!
//! A baseline is a JSON file of (path, rule, fingerprint) entries. Fingerprints hash the rule, the
//! flagged text and the text of its line, not line numbers, so an entry keeps matching when lines
//! move; editing the line itself makes the finding new.

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::report::finding::fingerprints;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

/// The baseline file format version.
const VERSION: u32 = 1;

/// One accepted finding. `line` and `text` are for readers of the file; matching ignores them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
    #[serde(default)]
    pub line: usize,
    #[serde(default)]
    pub text: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    version: u32,
    findings: Vec<Entry>,
}

/// A loaded baseline: how many findings of each (rule, fingerprint) are accepted, per file.
#[derive(Debug, Default)]
pub struct Baseline {
    files: HashMap<String, FileBaseline>,
    matched: usize,
    total: usize,
}

/// The accepted findings of one file.
#[derive(Clone, Debug, Default)]
pub struct FileBaseline {
    accepted: HashMap<(String, String), usize>,
}

impl FileBaseline {
    /// Removes the findings this file's entries accept (each entry accepts one finding) and
    /// returns how many it removed, with the fingerprints of those kept when any were removed:
    /// fingerprints count repeats of one finding, so those of the kept ones are taken before
    /// filtering (the third of three identical findings keeps the third's fingerprint). The
    /// entries themselves are not used up, so the same file can be filtered again after fixing.
    pub fn filter(
        &self,
        doc: &Document,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> (usize, Option<Vec<String>>) {
        if self.accepted.is_empty() {
            return (0, None);
        }
        let mut left = self.accepted.clone();
        let mut kept = Vec::new();
        let mut keep = fingerprints(doc, diagnostics)
            .into_iter()
            .zip(diagnostics.iter())
            .map(|(fingerprint, d)| {
                match left.get_mut(&(d.rule.to_string(), fingerprint.clone())) {
                    Some(count) if *count > 0 => {
                        *count -= 1;
                        false
                    }
                    _ => {
                        kept.push(fingerprint);
                        true
                    }
                }
            })
            .collect::<Vec<bool>>()
            .into_iter();
        let before = diagnostics.len();
        diagnostics.retain(|_| keep.next().unwrap_or(true));
        let hidden = before - diagnostics.len();
        (hidden, (hidden > 0).then_some(kept))
    }
}

/// The key paths are compared by: forward slashes, no leading `./`.
pub fn normalise_path(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut rest = path.as_str();
    while let Some(stripped) = rest.strip_prefix("./") {
        rest = stripped;
    }
    rest.to_string()
}

impl Baseline {
    /// Reads a baseline file; the error says what is wrong, with the position for bad JSON.
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read baseline '{}': {e}", path.display()))?;
        let file: BaselineFile = serde_json::from_str(&text).map_err(|e| {
            format!(
                "{}:{}:{}: not a translint baseline: {e}",
                path.display(),
                e.line(),
                e.column()
            )
        })?;
        if file.version != VERSION {
            return Err(format!(
                "{}: baseline version {} is not supported (expected {VERSION})",
                path.display(),
                file.version
            ));
        }
        let mut baseline = Baseline::default();
        for entry in file.findings {
            baseline.total += 1;
            let file = baseline
                .files
                .entry(normalise_path(&entry.path))
                .or_default();
            *file
                .accepted
                .entry((entry.rule, entry.fingerprint))
                .or_insert(0) += 1;
        }
        Ok(baseline)
    }

    /// Takes out the entries of the file at `path` (empty if it has none).
    pub fn take_file(&mut self, path: &str) -> FileBaseline {
        self.files.remove(&normalise_path(path)).unwrap_or_default()
    }

    /// Counts findings a file's entries hid, for [`Baseline::matched`].
    pub fn record_matched(&mut self, count: usize) {
        self.matched += count;
    }

    /// Findings hidden because the baseline accepts them.
    pub fn matched(&self) -> usize {
        self.matched
    }

    /// Entries that matched no finding: fixed since, or edited into new findings.
    pub fn unmatched(&self) -> usize {
        self.total.saturating_sub(self.matched)
    }
}

/// The baseline file's text for `entries` (pretty JSON, one entry per finding, in report order).
pub fn to_json(entries: Vec<Entry>) -> String {
    let file = BaselineFile {
        version: VERSION,
        findings: entries,
    };
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str, fingerprint: &str) -> Entry {
        Entry {
            path: path.into(),
            rule: "news-en.ukraine-places".into(),
            fingerprint: fingerprint.into(),
            line: 3,
            text: "Kiev".into(),
        }
    }

    fn saved(entries: Vec<Entry>) -> Baseline {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.json");
        std::fs::write(&path, to_json(entries)).unwrap();
        Baseline::load(&path).unwrap()
    }

    #[test]
    fn each_entry_accepts_one_finding_of_its_file() {
        use crate::input::Format;
        let doc = Document::from_text(
            "news/a.md",
            "Kiev.\nKiev.\n".into(),
            Format::Text,
            Some("en"),
        );
        let diag = |start: usize| Diagnostic {
            rule: "news-en.ukraine-places".into(),
            category: crate::Category::Name,
            severity: crate::Severity::Warning,
            message: String::new(),
            span: start..start + 4,
            labels: vec![],
            fix: None,
            help: None,
        };
        let all = vec![diag(0), diag(6)];
        let prints = fingerprints(&doc, &all);
        let mut b = saved(vec![
            entry("./news/a.md", &prints[1]),
            entry("news/b.md", &prints[0]),
        ]);
        let file = b.take_file("news/a.md");
        let mut found = all.clone();
        // The kept first repeat keeps its own fingerprint.
        assert_eq!(
            file.filter(&doc, &mut found),
            (1, Some(vec![prints[0].clone()]))
        );
        assert_eq!(found, vec![diag(0)], "only the second repeat is accepted");
        // Filtering again (after a fix) accepts the same finding again.
        let mut again = all.clone();
        assert_eq!(file.filter(&doc, &mut again).0, 1);
        assert!(b.take_file("news/a.md").accepted.is_empty(), "taken out");
    }

    #[test]
    fn bad_files_are_errors_with_a_position() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.json");
        std::fs::write(&path, "{\"version\": 1,\n \"findings\": [ {\"path\": 3} ]}").unwrap();
        let e = Baseline::load(&path).unwrap_err();
        assert!(e.contains("b.json:2:"), "{e}");
        std::fs::write(&path, "{\"version\": 9, \"findings\": []}").unwrap();
        assert!(Baseline::load(&path).unwrap_err().contains("version 9"));
        assert!(Baseline::load(&dir.path().join("missing.json"))
            .unwrap_err()
            .contains("cannot read baseline"));
    }
}
