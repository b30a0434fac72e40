//! JUnit XML for CI dashboards: a `<testsuite>` per file, a failing `<testcase>` per rule with
//! findings in it (named by the rule id, so a test keeps its name from run to run), one passing
//! test case for a clean file, and an `<error>` for a file that could not be linted.

use super::{FileError, Finding, LintedFile, Reporter, RunEnd};
use std::fmt::Write as _;
use std::io;

/// Escapes text for XML content and double-quoted attribute values. Characters XML 1.0 does not allow at all
/// (most C0 controls) become U+FFFD; line breaks and tabs become character references so that
/// attribute values keep them.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// One finding as a line of a failure's text.
fn finding_line(f: &Finding) -> String {
    let start = f.location.start;
    format!(
        "{}:{}:{}: {}: {} [{}]",
        f.location.path, start.line, start.column, f.severity, f.message, f.text
    )
}

/// A file's test suite: one test case per rule with findings, in order of first finding; and
/// the number of failing test cases.
fn suite(path: &str, findings: &[Finding]) -> (String, usize) {
    let mut rules: Vec<(&str, Vec<&Finding>)> = Vec::new();
    for f in findings {
        match rules.iter_mut().find(|(rule, _)| *rule == &*f.rule) {
            Some((_, found)) => found.push(f),
            None => rules.push((&f.rule, vec![f])),
        }
    }
    let path = escape(path);
    if rules.is_empty() {
        let xml = format!(
            "  <testsuite name=\"{path}\" tests=\"1\" failures=\"0\" errors=\"0\">\n    \
             <testcase classname=\"{path}\" name=\"translint\"/>\n  </testsuite>\n"
        );
        return (xml, 0);
    }
    let failures = rules.len();
    let mut xml = format!(
        "  <testsuite name=\"{path}\" tests=\"{failures}\" failures=\"{failures}\" errors=\"0\">\n"
    );
    for (rule, found) in rules {
        let message = match found.as_slice() {
            [only] => only.message.clone(),
            [first, ..] => format!("{} findings, first: {}", found.len(), first.message),
            [] => String::new(),
        };
        let text: Vec<String> = found.iter().map(|f| escape(&finding_line(f))).collect();
        let rule = escape(rule);
        let _ = write!(
            xml,
            "    <testcase classname=\"{path}\" name=\"{rule}\">\n      \
             <failure message=\"{}\" type=\"{rule}\">{}</failure>\n    </testcase>\n",
            escape(&message),
            text.join("\n")
        );
    }
    xml.push_str("  </testsuite>\n");
    (xml, failures)
}

/// An unreadable file's test suite: one test case in error.
fn error_suite(e: &FileError) -> String {
    let path = escape(&e.path);
    format!(
        "  <testsuite name=\"{path}\" tests=\"1\" failures=\"0\" errors=\"1\">\n    \
         <testcase classname=\"{path}\" name=\"translint\">\n      \
         <error message=\"{}\" type=\"unreadable\"/>\n    </testcase>\n  </testsuite>\n",
        escape(&e.message)
    )
}

/// Collects a suite per file, writes the document at the end of the run.
pub struct JunitReporter<W> {
    out: W,
    suites: Vec<String>,
    tests: usize,
    failures: usize,
}

impl<W: io::Write> JunitReporter<W> {
    /// A reporter writing to `out`.
    pub fn new(out: W) -> Self {
        JunitReporter {
            out,
            suites: Vec::new(),
            tests: 0,
            failures: 0,
        }
    }
}

impl<W: io::Write> Reporter for JunitReporter<W> {
    fn file(&mut self, file: &LintedFile<'_>) -> io::Result<()> {
        let (xml, failures) = suite(&file.report.path, &file.report.findings);
        self.tests += failures.max(1);
        self.failures += failures;
        self.suites.push(xml);
        Ok(())
    }

    fn finish(&mut self, end: &RunEnd<'_>) -> io::Result<()> {
        let errors = end.errors.len();
        writeln!(self.out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            self.out,
            r#"<testsuites name="translint" tests="{}" failures="{}" errors="{errors}">"#,
            self.tests + errors,
            self.failures
        )?;
        for suite in &self.suites {
            self.out.write_all(suite.as_bytes())?;
        }
        for e in end.errors {
            self.out.write_all(error_suite(e).as_bytes())?;
        }
        writeln!(self.out, "</testsuites>")?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::{diag, error, run, span};
    use crate::Severity;

    #[test]
    fn escapes_markup_quotes_breaks_and_forbidden_characters() {
        assert_eq!(
            escape("a<b & \"c\" 'd'>\n\u{1}"),
            "a&lt;b &amp; &quot;c&quot; 'd'&gt;&#10;\u{fffd}"
        );
    }

    #[test]
    fn a_suite_per_file_a_case_per_rule_a_pass_for_clean_files_an_error_for_unreadable() {
        let text = "Über <b> & \"Kiev\"\nKiev\n";
        let a = diag(
            "t.a",
            Severity::Warning,
            span(text, "Kiev", 0),
            "Write \"Kyiv\" <now>",
        );
        let b = diag("t.b", Severity::Info, span(text, "<b>", 0), "tag");
        let a2 = diag(
            "t.a",
            Severity::Warning,
            span(text, "Kiev", 1),
            "Write \"Kyiv\" <now>",
        );
        let mut out = Vec::new();
        run(
            &mut JunitReporter::new(&mut out),
            &[("a&b.md", text, vec![a, b, a2]), ("clean.md", "ok", vec![])],
            &[error("gone<1>.md", "no such file")],
            &[],
        );
        let xml = String::from_utf8(out).expect("UTF-8");
        let expected = r#"<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="translint" tests="4" failures="2" errors="1">
  <testsuite name="a&amp;b.md" tests="2" failures="2" errors="0">
    <testcase classname="a&amp;b.md" name="t.a">
      <failure message="2 findings, first: Write &quot;Kyiv&quot; &lt;now&gt;" type="t.a">a&amp;b.md:1:13: warning: Write &quot;Kyiv&quot; &lt;now&gt; [Kiev]
a&amp;b.md:2:1: warning: Write &quot;Kyiv&quot; &lt;now&gt; [Kiev]</failure>
    </testcase>
    <testcase classname="a&amp;b.md" name="t.b">
      <failure message="tag" type="t.b">a&amp;b.md:1:6: info: tag [&lt;b&gt;]</failure>
    </testcase>
  </testsuite>
  <testsuite name="clean.md" tests="1" failures="0" errors="0">
    <testcase classname="clean.md" name="translint"/>
  </testsuite>
  <testsuite name="gone&lt;1&gt;.md" tests="1" failures="0" errors="1">
    <testcase classname="gone&lt;1&gt;.md" name="translint">
      <error message="no such file" type="unreadable"/>
    </testcase>
  </testsuite>
</testsuites>
"#;
        assert_eq!(xml, expected);
    }
}
