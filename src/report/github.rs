//! GitHub Actions workflow commands: one `::warning …::message` line per finding, which the
//! runner turns into annotations on the pull request. Written as each file finishes.

use super::{Finding, LintedFile, Reporter, RunEnd};
use crate::diagnostic::Severity;
use std::io;

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Escapes a command's message as the Actions toolkit does (`escapeData`).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value as the Actions toolkit does (`escapeProperty`).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// One finding as a workflow command. Columns are in characters, `endColumn` exclusive; GitHub
/// takes columns only on one line, so a finding spanning lines gives lines only.
fn line(f: &Finding) -> String {
    let (start, end) = (f.location.start, f.location.end);
    let mut properties = format!(
        "file={},line={},endLine={}",
        escape_property(&f.location.path),
        start.line,
        end.line
    );
    if start.line == end.line {
        properties.push_str(&format!(",col={},endColumn={}", start.column, end.column));
    }
    properties.push_str(&format!(",title={}", escape_property(&f.rule)));
    let mut message = f.message.clone();
    if let Some(help) = &f.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    format!(
        "::{} {properties}::{}",
        command(f.severity),
        escape_data(&message)
    )
}

/// Writes workflow commands to `out` (the job's stdout, where the runner reads them).
pub struct GithubReporter<W> {
    out: W,
}

impl<W: io::Write> GithubReporter<W> {
    /// A reporter writing to `out`.
    pub fn new(out: W) -> Self {
        GithubReporter { out }
    }
}

impl<W: io::Write> Reporter for GithubReporter<W> {
    fn file(&mut self, file: &LintedFile<'_>) -> io::Result<()> {
        for f in &file.report.findings {
            writeln!(self.out, "{}", line(f))?;
        }
        self.out.flush()
    }

    fn finish(&mut self, end: &RunEnd<'_>) -> io::Result<()> {
        for e in end.errors {
            writeln!(
                self.out,
                "::error file={}::{}",
                escape_property(&e.path),
                escape_data(&format!("cannot lint {}: {}", e.path, e.message))
            )?;
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::{assert_streams, diag, error, run, span};

    fn output(files: &[(&str, &str, Vec<crate::Diagnostic>)]) -> String {
        let mut out = Vec::new();
        run(
            &mut GithubReporter::new(&mut out),
            files,
            &[error("gone, a:b.md", "no such file")],
            &[],
        );
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn escapes_properties_and_data_like_the_toolkit() {
        assert_eq!(escape_data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("50% a\nb: c, d"), "50%25 a%0Ab%3A c%2C d");
    }

    #[test]
    fn one_command_per_finding_with_character_columns() {
        let text = "Über\nЖ said Kiev, 100%.\n";
        let d = diag(
            "news.kyiv",
            Severity::Warning,
            span(text, "Kiev", 0),
            "Write 'Kyiv': 100%, now",
        );
        let info = diag("t.info", Severity::Info, span(text, "Über", 0), "i");
        let out = output(&[("dir/a,b:c.md", text, vec![info, d])]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines,
            [
                "::notice file=dir/a%2Cb%3Ac.md,line=1,endLine=1,col=1,endColumn=5,title=t.info::i",
                // "Ж said " is 7 characters (8 bytes): Kiev starts at column 8, ends before 12.
                "::warning file=dir/a%2Cb%3Ac.md,line=2,endLine=2,col=8,endColumn=12,title=news.kyiv::Write 'Kyiv': 100%25, now",
                "::error file=gone%2C a%3Ab.md::cannot lint gone, a:b.md: no such file",
            ]
        );
    }

    #[test]
    fn multi_line_findings_have_no_columns_and_help_is_a_second_line() {
        let text = "one\ntwo\n";
        let mut d = diag("t.r", Severity::Error, 2..5, "m");
        d.help = Some("fix it".into());
        let out = output(&[("a.md", text, vec![d])]);
        assert_eq!(
            out.lines().next(),
            Some("::error file=a.md,line=1,endLine=2,title=t.r::m%0Ahelp: fix it")
        );
    }

    #[test]
    fn flushes_each_file_as_it_finishes() {
        let out = assert_streams(GithubReporter::new);
        assert_eq!(out.lines().count(), 2);
    }
}
