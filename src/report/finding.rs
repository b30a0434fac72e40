//! Findings resolved for output: positions in lines and columns, the flagged text, a fingerprint.
//! Every machine-readable format is written from these, so the document can be dropped once its
//! findings are resolved.

use crate::diagnostic::{Category, Diagnostic, Fix, Severity};
use crate::document::Document;
use std::ops::Range;
use std::sync::Arc;

/// A place in a file as people count it: 1-based line, 1-based column in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// A byte range of one file with its start and end positions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub path: String,
    pub span: Range<usize>,
    pub start: Position,
    pub end: Position,
}

/// A secondary location with its message ("first written 'Kyiv' here").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelatedLocation {
    pub location: Location,
    pub message: String,
}

/// One diagnostic, resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: Arc<str>,
    pub category: Category,
    pub severity: Severity,
    pub message: String,
    pub location: Location,
    /// The flagged text.
    pub text: String,
    pub related: Vec<RelatedLocation>,
    pub fix: Option<Fix>,
    pub help: Option<String>,
    /// Stable across runs and across lines moving: a hash of the rule, the flagged text, the
    /// trimmed text of its line and how many identical findings precede it in the file.
    pub fingerprint: String,
}

/// One linted file, resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileReport {
    pub path: String,
    pub language: Option<String>,
    pub findings: Vec<Finding>,
}

/// Finds a document by path, for labels that point into other files (`--cross-file`).
pub trait Documents {
    /// The document at `path`, if known.
    fn find(&self, path: &str) -> Option<&Document>;
}

/// No other documents (a run without `--cross-file`).
pub struct NoDocuments;

impl Documents for NoDocuments {
    fn find(&self, _: &str) -> Option<&Document> {
        None
    }
}

impl Documents for Vec<super::FileResult> {
    fn find(&self, path: &str) -> Option<&Document> {
        self.iter().map(|r| &r.document).find(|d| d.path() == path)
    }
}

/// The location of a byte range of `doc`.
pub(crate) fn location(doc: &Document, span: &Range<usize>) -> Location {
    let (line, column) = doc.line_col(span.start);
    let (end_line, end_column) = doc.line_col(span.end);
    Location {
        path: doc.path().to_string(),
        span: span.clone(),
        start: Position { line, column },
        end: Position {
            line: end_line,
            column: end_column,
        },
    }
}

/// The trimmed text of the line holding byte `offset`.
fn line_text(source: &str, offset: usize) -> &str {
    let start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i);
    source[start..end].trim()
}

/// 64-bit FNV-1a: a small, stable hash (the same on every platform and in every release).
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &byte in *part {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        // Separate the parts so ("ab", "c") and ("a", "bc") differ.
        hash ^= 0xff;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The fingerprint of each of `diagnostics` (see [`Finding::fingerprint`]).
pub fn fingerprints(doc: &Document, diagnostics: &[Diagnostic]) -> Vec<String> {
    let source = doc.source();
    let mut seen: std::collections::HashMap<u64, usize> = std::collections::HashMap::new();
    diagnostics
        .iter()
        .map(|d| {
            let text = source.get(d.span.clone()).unwrap_or_default();
            let line = line_text(source, d.span.start.min(source.len()));
            let base = fnv1a(&[d.rule.as_bytes(), text.as_bytes(), line.as_bytes()]);
            let occurrence = seen.entry(base).or_insert(0);
            *occurrence += 1;
            format!(
                "{:016x}",
                fnv1a(&[&base.to_le_bytes(), &occurrence.to_le_bytes()])
            )
        })
        .collect()
}

/// Resolves a document's diagnostics. `others` finds the documents of cross-file labels; labels
/// into documents it cannot find are dropped.
pub fn resolve(doc: &Document, diagnostics: &[Diagnostic], others: &dyn Documents) -> FileReport {
    resolve_with(doc, diagnostics, fingerprints(doc, diagnostics), others)
}

/// [`resolve`] with the fingerprints already known (one per diagnostic, in order): those a
/// baseline filter took before it removed findings.
pub fn resolve_with(
    doc: &Document,
    diagnostics: &[Diagnostic],
    fingerprints: Vec<String>,
    others: &dyn Documents,
) -> FileReport {
    let source = doc.source();
    let findings = diagnostics
        .iter()
        .zip(fingerprints)
        .map(|(d, fingerprint)| {
            let related = d
                .labels
                .iter()
                .filter_map(|l| {
                    let in_doc = match &l.path {
                        None => doc,
                        Some(path) => others.find(path)?,
                    };
                    Some(RelatedLocation {
                        location: location(in_doc, &l.span),
                        message: l.message.clone(),
                    })
                })
                .collect();
            Finding {
                rule: d.rule.clone(),
                category: d.category,
                severity: d.severity,
                message: d.message.clone(),
                location: location(doc, &d.span),
                text: source.get(d.span.clone()).unwrap_or_default().to_string(),
                related,
                fix: d.fix.clone(),
                help: d.help.clone(),
                fingerprint,
            }
        })
        .collect();
    FileReport {
        path: doc.path().to_string(),
        language: doc.language().map(str::to_string),
        findings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Format;

    fn diag(span: Range<usize>) -> Diagnostic {
        Diagnostic {
            rule: "t.rule".into(),
            category: Category::Name,
            severity: Severity::Warning,
            message: "m".into(),
            span,
            labels: vec![],
            fix: None,
            help: None,
        }
    }

    fn resolved(text: &str, needle: &str) -> Vec<Finding> {
        let doc = Document::from_text("a.txt", text.into(), Format::Text, Some("en"));
        let spans: Vec<Diagnostic> = text
            .match_indices(needle)
            .map(|(i, m)| diag(i..i + m.len()))
            .collect();
        resolve(&doc, &spans, &NoDocuments).findings
    }

    #[test]
    fn positions_count_characters() {
        let f = &resolved("Ünï\nsaid Kyiv", "Kyiv")[0];
        assert_eq!(f.location.start, Position { line: 2, column: 6 });
        assert_eq!(
            f.location.end,
            Position {
                line: 2,
                column: 10
            }
        );
        assert_eq!(f.text, "Kyiv");
    }

    #[test]
    fn fingerprints_survive_lines_moving_and_tell_repeats_apart() {
        let before = resolved("Kiev is far.\nKiev is far.\n", "Kiev");
        let after = resolved("A new first line.\n\nKiev is far.\nKiev is far.\n", "Kiev");
        assert_eq!(before.len(), 2);
        assert_ne!(before[0].fingerprint, before[1].fingerprint);
        let fps = |v: &[Finding]| v.iter().map(|f| f.fingerprint.clone()).collect::<Vec<_>>();
        assert_eq!(fps(&before), fps(&after));
        let edited = resolved("Kiev is near.\n", "Kiev");
        assert_ne!(edited[0].fingerprint, before[0].fingerprint);
    }
}
