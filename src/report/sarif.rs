//! SARIF 2.1.0 for GitHub code scanning and other SARIF viewers (docs/formats.md).
//!
//! Regions give 1-based lines and columns counted in Unicode code points (`run.columnKind`),
//! `endColumn` exclusive, plus the byte range. Paths are relative URIs against `%SRCROOT%`.

use super::{finding, FileError, Finding, LintedFile, Location, Position, Reporter, RunEnd};
use crate::diagnostic::Severity;
use crate::document::Document;
use crate::rules::RuleMeta;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::io;

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/// The base that relative artifact URIs resolve against: the directory translint ran in.
const SRCROOT: &str = "%SRCROOT%";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Percent-encodes everything but unreserved characters and `/` (RFC 3986), UTF-8 byte-wise.
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(byte))
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The artifact location of a path as given on the command line: a relative URI against
/// `%SRCROOT%` with forward slashes, or a `file:` URI for an absolute path.
fn artifact_location(path: &str) -> Value {
    let slashed = path.replace('\\', "/");
    let bytes = slashed.as_bytes();
    let drive = bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && &bytes[1..3] == b":/";
    if drive {
        let (letter, rest) = slashed.split_at(2);
        return json!({ "uri": format!("file:///{letter}{}", encode_path(rest)) });
    }
    if slashed.starts_with('/') {
        return json!({ "uri": format!("file://{}", encode_path(&slashed)) });
    }
    let mut relative = slashed.as_str();
    while let Some(rest) = relative.strip_prefix("./") {
        relative = rest;
    }
    json!({ "uri": encode_path(relative), "uriBaseId": SRCROOT })
}

/// The region of `location`, found in `doc` when known. SARIF's `endLine` is the line of the
/// last character, so a region ending with a line break ends after it on its own line, not at
/// column 1 of the next.
fn region(location: &Location, doc: Option<&Document>) -> Value {
    let (start, mut end) = (location.start, location.end);
    if end.column == 1 && end.line > start.line {
        if let Some(doc) = doc.filter(|d| location.span.end <= d.source().len()) {
            let (line, column) = doc.line_col(location.span.end - 1);
            end = Position {
                line,
                column: column + 1,
            };
        }
    }
    json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
        "byteOffset": location.span.start,
        "byteLength": location.span.len(),
    })
}

fn physical(location: &Location, doc: Option<&Document>) -> Value {
    json!({ "physicalLocation": {
        "artifactLocation": artifact_location(&location.path),
        "region": region(location, doc),
    }})
}

/// Escapes the brackets that SARIF messages would read as embedded links.
fn escape_links(text: &str) -> String {
    text.replace('[', "\\[").replace(']', "\\]")
}

/// The message, with a link `[label](id)` to each related location.
fn message(f: &Finding) -> String {
    let mut text = escape_links(&f.message);
    if !f.related.is_empty() {
        let links: Vec<String> = f
            .related
            .iter()
            .enumerate()
            .map(|(i, r)| format!("[{}]({})", escape_links(&r.message), i + 1))
            .collect();
        text.push_str(&format!(" (see {})", links.join("; ")));
    }
    text
}

/// One result, without `ruleIndex` (known once the run's rules are).
fn result(f: &Finding, file: &LintedFile<'_>) -> Value {
    let doc = file.document;
    let mut location = physical(&f.location, Some(doc));
    location["physicalLocation"]["region"]["snippet"] = json!({ "text": f.text });
    let mut result = json!({
        "ruleId": &*f.rule,
        "level": level(f.severity),
        "message": { "text": message(f) },
        "locations": [location],
        "partialFingerprints": { "translintFingerprint/v1": f.fingerprint },
    });
    if !f.related.is_empty() {
        let related: Vec<Value> = f
            .related
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let path = &r.location.path;
                let in_doc = if path == doc.path() {
                    Some(doc)
                } else {
                    file.others.find(path)
                };
                let mut location = physical(&r.location, in_doc);
                location["id"] = json!(i + 1);
                location["message"] = json!({ "text": r.message });
                location
            })
            .collect();
        result["relatedLocations"] = json!(related);
    }
    if let Some(fix) = &f.fix {
        let mut description = if fix.replacement.is_empty() {
            format!(
                "Delete '{}'",
                doc.source().get(fix.span.clone()).unwrap_or_default()
            )
        } else {
            format!("Write '{}'", fix.replacement)
        };
        if !fix.safe {
            description.push_str(" (suggestion, not applied by --fix)");
        }
        result["fixes"] = json!([{
            "description": { "text": escape_links(&description) },
            "artifactChanges": [{
                "artifactLocation": artifact_location(&f.location.path),
                "replacements": [{
                    "deletedRegion": region(&finding::location(doc, &fix.span), Some(doc)),
                    "insertedContent": { "text": fix.replacement },
                }],
            }],
        }]);
    }
    result
}

/// The first sentence of a description, on one line.
fn first_sentence(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match joined.find(". ") {
        Some(end) => joined[..=end].to_string(),
        None => joined,
    }
}

/// A rule as a SARIF reporting descriptor.
fn rule(meta: &RuleMeta) -> Value {
    let name = meta.id.split_once('.').map_or(&*meta.id, |(_, name)| name);
    let description = meta.description.as_deref().map(str::trim);
    // A help line with placeholders ("write '{replacement}'") only makes sense on a finding.
    let help = meta.help.as_deref().filter(|h| !h.contains('{'));
    let short = description
        .or(help)
        .map_or_else(|| meta.id.to_string(), first_sentence);
    let mut rule = json!({
        "id": &*meta.id,
        "name": name,
        "shortDescription": { "text": short },
        "defaultConfiguration": { "level": level(meta.severity) },
        "properties": {
            "category": meta.category.as_str(),
            "kind": meta.kind.as_str(),
            "tags": ["translation", meta.category.as_str()],
        },
    });
    if let Some(description) = description {
        rule["fullDescription"] = json!({ "text": description });
    }
    if let Some(help) = help.or(description) {
        rule["help"] = json!({ "text": help });
    }
    if !meta.languages.is_empty() {
        rule["properties"]["languages"] = json!(meta.languages);
    }
    rule
}

fn notification(error: &FileError) -> Value {
    json!({
        "level": "error",
        "message": { "text": format!("{}: {}", error.path, error.message) },
        "locations": [{ "physicalLocation": { "artifactLocation": artifact_location(&error.path) } }],
    })
}

/// The whole log: one run with the rules that ran, the results and the unreadable files.
fn log(mut results: Vec<Value>, end: &RunEnd<'_>) -> Value {
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, meta) in end.rules.iter().enumerate() {
        index.entry(&meta.id).or_insert(i);
    }
    for result in &mut results {
        let found = result["ruleId"].as_str().and_then(|id| index.get(id));
        if let Some(&i) = found {
            result["ruleIndex"] = json!(i);
        }
    }
    let rules: Vec<Value> = end.rules.iter().map(|meta| rule(meta)).collect();
    let mut invocation = Map::new();
    invocation.insert("executionSuccessful".into(), json!(end.errors.is_empty()));
    if !end.errors.is_empty() {
        let notes: Vec<Value> = end.errors.iter().map(notification).collect();
        invocation.insert("toolExecutionNotifications".into(), json!(notes));
    }
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "translint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "invocations": [invocation],
            "originalUriBaseIds": { SRCROOT: {
                "description": { "text": "The directory translint was run from." },
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// Writes a SARIF log at the end of the run.
pub struct SarifReporter<W> {
    out: W,
    results: Vec<Value>,
}

impl<W: io::Write> SarifReporter<W> {
    /// A reporter writing to `out`.
    pub fn new(out: W) -> Self {
        SarifReporter {
            out,
            results: Vec::new(),
        }
    }
}

impl<W: io::Write> Reporter for SarifReporter<W> {
    fn file(&mut self, file: &LintedFile<'_>) -> io::Result<()> {
        let found = file.report.findings.iter().map(|f| result(f, file));
        self.results.extend(found);
        Ok(())
    }

    fn finish(&mut self, end: &RunEnd<'_>) -> io::Result<()> {
        let log = log(std::mem::take(&mut self.results), end);
        serde_json::to_writer_pretty(&mut self.out, &log)?;
        writeln!(self.out)?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::{diag, error, run, span, with_fix, with_label};

    fn sarif(files: &[(&str, &str, Vec<crate::Diagnostic>)], errors: &[FileError]) -> Value {
        let rules = crate::rules::load_builtin().expect("built-in rules load");
        let metas: Vec<&RuleMeta> = rules.rules().iter().map(|r| &r.meta).take(3).collect();
        let mut out = Vec::new();
        run(&mut SarifReporter::new(&mut out), files, errors, &metas);
        serde_json::from_slice(&out).expect("JSON")
    }

    #[test]
    fn uris_are_relative_with_forward_slashes_and_percent_encoded() {
        let rel = |p: &str| artifact_location(p);
        assert_eq!(
            rel("./news/a b#1.md"),
            json!({ "uri": "news/a%20b%231.md", "uriBaseId": "%SRCROOT%" })
        );
        assert_eq!(
            rel("news\\Ü:x.md"),
            json!({ "uri": "news/%C3%9C%3Ax.md", "uriBaseId": "%SRCROOT%" })
        );
        assert_eq!(rel("/tmp/a%.md"), json!({ "uri": "file:///tmp/a%25.md" }));
        assert_eq!(
            rel("C:\\News\\a.md"),
            json!({ "uri": "file:///C:/News/a.md" })
        );
    }

    #[test]
    fn regions_count_code_points_and_end_after_the_last_one() {
        let text = "Заголовок\nВ Киеве Kiev.\n";
        let d = diag("t.r", Severity::Error, span(text, "Kiev", 0), "m");
        let log = sarif(&[("a.md", text, vec![d])], &[]);
        let run = &log["runs"][0];
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        let result = &run["results"][0];
        assert_eq!(result["level"], "error");
        // "В Киеве " is 8 code points (15 bytes): Kiev covers columns 9..=12.
        assert_eq!(
            result["locations"][0]["physicalLocation"]["region"],
            json!({
                "startLine": 2, "startColumn": 9, "endLine": 2, "endColumn": 13,
                "byteOffset": text.find("Kiev").unwrap(), "byteLength": 4,
                "snippet": { "text": "Kiev" },
            })
        );
    }

    #[test]
    fn related_locations_are_linked_from_the_message_and_fixes_replace_regions() {
        let text = "We [saw] saw it.\n";
        let second = span(text, "saw", 1);
        let d = with_fix(
            with_label(
                diag("t.r", Severity::Info, second.clone(), "Doubled [word]"),
                span(text, "saw", 0),
                "first [here]",
            ),
            second.start - 2..second.end,
            "",
        );
        let log = sarif(&[("a.md", text, vec![d])], &[]);
        let result = &log["runs"][0]["results"][0];
        assert_eq!(result["level"], "note");
        assert_eq!(
            result["message"]["text"],
            "Doubled \\[word\\] (see [first \\[here\\]](1))"
        );
        let related = &result["relatedLocations"][0];
        assert_eq!(related["id"], 1);
        assert_eq!(related["message"]["text"], "first [here]");
        assert_eq!(related["physicalLocation"]["region"]["startColumn"], 5);
        assert_eq!(related["physicalLocation"]["region"]["endColumn"], 8);
        let change = &result["fixes"][0]["artifactChanges"][0];
        assert_eq!(change["artifactLocation"]["uri"], "a.md");
        // The fix deletes "] saw": columns 8..13.
        assert_eq!(
            change["replacements"][0],
            json!({
                "deletedRegion": {
                    "startLine": 1, "startColumn": 8, "endLine": 1, "endColumn": 13,
                    "byteOffset": 7, "byteLength": 5,
                },
                "insertedContent": { "text": "" },
            })
        );
        assert_eq!(
            result["fixes"][0]["description"]["text"],
            "Delete '\\] saw'"
        );
    }

    #[test]
    fn rules_results_fingerprints_and_unreadable_files() {
        let rules = crate::rules::load_builtin().expect("built-in rules load");
        let meta = &rules.rules()[1].meta;
        let d = diag(&meta.id, Severity::Warning, 0..1, "m");
        let unknown = diag("other.rule", Severity::Warning, 0..1, "m");
        let log = sarif(
            &[("a.md", "x", vec![d, unknown]), ("clean.md", "ok", vec![])],
            &[error("gone.md", "no such file")],
        );
        let run = &log["runs"][0];
        assert_eq!(run["tool"]["driver"]["name"], "translint");
        assert_eq!(run["tool"]["driver"]["version"], env!("CARGO_PKG_VERSION"));
        let described = &run["tool"]["driver"]["rules"][1];
        assert_eq!(described["id"], &*meta.id);
        assert_eq!(
            described["defaultConfiguration"]["level"],
            level(meta.severity)
        );
        assert_eq!(described["properties"]["category"], meta.category.as_str());
        let results = run["results"].as_array().expect("results");
        assert_eq!(results.len(), 2);
        assert_eq!(results[0]["ruleIndex"], 1);
        assert!(results[1].get("ruleIndex").is_none());
        let fingerprint = &results[0]["partialFingerprints"]["translintFingerprint/v1"];
        assert_eq!(fingerprint.as_str().map(str::len), Some(16));
        let invocation = &run["invocations"][0];
        assert_eq!(invocation["executionSuccessful"], false);
        let note = &invocation["toolExecutionNotifications"][0];
        assert_eq!(note["level"], "error");
        assert_eq!(note["message"]["text"], "gone.md: no such file");
        assert_eq!(
            note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "gone.md"
        );
    }

    #[test]
    fn a_region_ending_with_a_line_break_ends_on_its_line() {
        let text = "Ab\u{e9}\ncd";
        let d = diag("t.r", Severity::Warning, 1..5, "m");
        let log = sarif(&[("a.md", text, vec![d])], &[]);
        let region = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
        // "b\u{e9}\n": the break is code point 4 of line 1, so the region ends before column 5 of
        // line 1 (translint's own end position is line 2, column 1).
        assert_eq!(
            (&region["startLine"], &region["startColumn"]),
            (&json!(1), &json!(2))
        );
        assert_eq!(
            (&region["endLine"], &region["endColumn"]),
            (&json!(1), &json!(5))
        );
        assert_eq!(region["byteLength"], 4);
    }

    #[test]
    fn short_descriptions_are_one_sentence() {
        assert_eq!(
            first_sentence("One line\nstill one. Two."),
            "One line still one."
        );
        assert_eq!(first_sentence("No stop"), "No stop");
    }
}
