//! Rule-file errors: each one is reported compiler-style on stderr, as `error: MESSAGE` followed by
//! `┌─ path:line:col` pointing into the rule file, and the run stops with exit code 2 before
//! anything is linted. Every expected `line:col` is counted by hand from the rule text next to it
//! (columns are 1-based characters).

mod common;

use common::cli::{run, translint_in, Run};
use std::sync::Arc;
use translint::input::Format;
use translint::rules::{load_source, RuleSource};
use translint::{Category, Document, Linter, Severity};

const MINIMAL: &str = r#"[[rule]]
id = "house.no-blorp"
kind = "pattern"
severity = "error"          # error | warning | info
category = "style"
message = "Do not write blorp"
pattern = "\\bblorp\\b"
"#;

/// Writes each `(name, contents)` into a fresh folder and lints a line of text with exactly those
/// rule files (`--no-default-rules --rules NAME …`), run from that folder.
fn check_with(files: &[(&str, &[u8])]) -> Run {
    let dir = tempfile::Builder::new()
        .prefix("translint-rules-")
        .tempdir()
        .expect("temp dir");
    let mut cmd = translint_in(dir.path());
    cmd.arg("--no-default-rules");
    for (name, contents) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, contents).unwrap();
        if !name.contains('/') {
            cmd.args(["--rules", name]);
        }
    }
    run(cmd.arg("-").write_stdin("We blorp the the x daily.\n"))
}

fn check_rule_file(text: &str) -> Run {
    check_with(&[("house.toml", text.as_bytes())])
}

/// Asserts a rule-file failure: exit 2, nothing linted, and `error: {message}…` located at `location`.
fn assert_rule_error(r: &Run, message: &str, location: &str) {
    assert_eq!(r.code, 2, "stdout:\n{}\nstderr:\n{}", r.stdout, r.stderr);
    assert!(
        r.stdout.is_empty(),
        "nothing may be linted after a rule error:\n{}",
        r.stdout
    );
    assert!(
        r.stderr.contains("nothing was linted"),
        "stderr:\n{}",
        r.stderr
    );
    assert_located(&r.stderr, message, location);
}

/// Asserts that a diagnostic header line (`error…`) containing `message` is directly followed by
/// `┌─ {location}`.
fn assert_located(output: &str, message: &str, location: &str) {
    let lines: Vec<&str> = output.lines().collect();
    let found: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("error") && l.contains(message))
        .map(|(i, _)| i)
        .collect();
    assert!(
        !found.is_empty(),
        "no error line containing {message:?} in:\n{output}"
    );
    let expected = format!("┌─ {location}");
    assert!(
        found
            .iter()
            .any(|&i| lines.get(i + 1).map(|l| l.trim()) == Some(expected.as_str())),
        "{message:?} is not located at {location:?} in:\n{output}"
    );
}

/// The number of `error:` diagnostics printed.
fn error_count(stderr: &str) -> usize {
    stderr.lines().filter(|l| l.starts_with("error")).count()
}

// ---------------------------------------------------------------------------------------------
// The minimal rule
// ---------------------------------------------------------------------------------------------

#[test]
fn minimal_rule_loads_and_works_as_written() {
    let r = check_rule_file(MINIMAL);
    // "We blorp the the x daily.": blorp is bytes 3..8, column 4; the doubled "the" is not a
    // concern of this pack.
    assert_eq!(r.code, 1, "stdout:\n{}\nstderr:\n{}", r.stdout, r.stderr);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    assert_located(
        &r.stdout,
        "error[house.no-blorp]: Do not write blorp",
        "-:1:4",
    );
    assert!(
        r.stdout.contains("Found 1 problem (1 error) in 1 file."),
        "{}",
        r.stdout
    );
}

#[test]
fn minimal_rule_through_the_library() {
    let set = load_source(Arc::new(RuleSource {
        name: "house.toml".into(),
        text: MINIMAL.into(),
    }))
    .unwrap_or_else(|e| panic!("minimal rule must load: {e:#?}"));
    assert_eq!(set.rules().len(), 1);
    let meta = &set.rules()[0].meta;
    assert_eq!(&*meta.id, "house.no-blorp");
    assert_eq!(meta.severity, Severity::Error);
    assert_eq!(meta.category, Category::Style);
    assert!(meta.languages.is_empty(), "no languages: every language");
    // The id value `"house.no-blorp"` is on line 2 after `id = `: bytes 14..30.
    assert_eq!(meta.id_span, 14..30);
    assert_eq!(&MINIMAL[meta.id_span.clone()], "\"house.no-blorp\"");

    let linter = Linter::new(set);
    for lang in [Some("en"), Some("de"), None] {
        let doc = Document::from_text(
            "t.txt",
            "Blorp? We blorp, not blorpy blorps.".into(),
            Format::Text,
            lang,
        );
        let found = linter.lint(&doc);
        let spans: Vec<_> = found.iter().map(|d| d.span.clone()).collect();
        // Case-sensitive, word-bounded: only the lowercase "blorp" at 10..15.
        assert_eq!(spans, vec![10..15], "{lang:?}");
        assert_eq!(found[0].message, "Do not write blorp");
        assert_eq!(found[0].fix, None);
    }
}

// ---------------------------------------------------------------------------------------------
// Unknown keys, wrong types, unknown values
// ---------------------------------------------------------------------------------------------

#[test]
fn unknown_top_level_key() {
    let r = check_rule_file(&format!("colour = \"red\"\n{MINIMAL}"));
    assert_rule_error(&r, "unknown field `colour`", "house.toml:1:1");
}

#[test]
fn unknown_key_in_a_rule() {
    let text = r#"[[rule]]
id = "house.x"
kind = "pattern"
pattern = "x"
colour = "red"
"#;
    assert_rule_error(
        &check_rule_file(text),
        "unknown field `colour`",
        "house.toml:5:1",
    );
}

#[test]
fn unknown_key_in_the_pack_table() {
    let text = r#"[pack]
name = "house"
language = ["en"]
"#;
    assert_rule_error(
        &check_rule_file(text),
        "unknown field `language`",
        "house.toml:3:1",
    );
}

#[test]
fn unknown_key_in_an_example() {
    let text = r#"[[rule]]
id = "house.x"
kind = "pattern"
pattern = "x"
examples = [
  { bda = "x" },
]
"#;
    // `  { ` is 4 characters: the key starts at column 5 of line 6.
    assert_rule_error(
        &check_rule_file(text),
        "unknown field `bda`",
        "house.toml:6:5",
    );
}

#[test]
fn wrong_type_severity_number() {
    let text = r#"[[rule]]
id = "house.x"
kind = "pattern"
severity = 3
pattern = "x"
"#;
    // `severity = ` is 11 characters: the value is at column 12.
    assert_rule_error(
        &check_rule_file(text),
        "invalid type: integer `3`, expected a string",
        "house.toml:4:12",
    );
}

#[test]
fn wrong_type_boolean_and_pattern() {
    let text = r#"[[rule]]
id = "house.x"
kind = "substitution"
swap = { "Kiev" = "Kyiv" }
case_sensitive = "yes"
"#;
    assert_rule_error(
        &check_rule_file(text),
        "invalid type: string \"yes\", expected a boolean",
        "house.toml:5:18",
    );

    let text = r#"[[rule]]
id = "house.x"
kind = "pattern"
pattern = 5
"#;
    let r = check_rule_file(text);
    assert_rule_error(&r, "invalid type: integer `5`", "house.toml:4:11");
}

#[test]
fn unknown_kind() {
    let text = r#"[[rule]]
id = "house.x"
kind = "regex"
pattern = "x"
"#;
    assert_rule_error(
        &check_rule_file(text),
        "unknown rule kind 'regex'",
        "house.toml:3:8",
    );
}

#[test]
fn unknown_severity_and_category() {
    let text = r#"[[rule]]
id = "house.x"
kind = "pattern"
severity = "fatal"
category = "grammar"
pattern = "x"
"#;
    let r = check_rule_file(text);
    assert_rule_error(&r, "unknown severity 'fatal'", "house.toml:4:12");
    assert_rule_error(&r, "unknown category 'grammar'", "house.toml:5:12");
    assert_eq!(error_count(&r.stderr), 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("2 errors in rule or config files"),
        "{}",
        r.stderr
    );
}

#[test]
fn unknown_fix_safety() {
    let text = r#"[[rule]]
id = "house.x"
kind = "substitution"
swap = { "Kiev" = "Kyiv" }
fix = "always"
"#;
    assert_rule_error(
        &check_rule_file(text),
        "unknown fix safety 'always'",
        "house.toml:5:7",
    );
}

// ---------------------------------------------------------------------------------------------
// Regexes
// ---------------------------------------------------------------------------------------------

#[test]
fn invalid_regex_single_pattern() {
    let text = r#"[[rule]]
id = "house.x"
kind = "pattern"
pattern = "(blorp"
"#;
    // `pattern = ` is 10 characters: the string starts at column 11.
    assert_rule_error(
        &check_rule_file(text),
        "invalid regex: unclosed group",
        "house.toml:4:11",
    );
}

#[test]
fn invalid_regex_in_an_array_points_at_that_pattern() {
    let text = r#"[[rule]]
id = "house.x"
kind = "pattern"
pattern = ["ok", "blorp(", "fine"]
"#;
    // `pattern = [` is 11 characters, `"ok", ` 6 more: the bad pattern starts at column 18.
    let r = check_rule_file(text);
    assert_rule_error(&r, "invalid regex: unclosed group", "house.toml:4:18");
    assert_eq!(error_count(&r.stderr), 1, "{}", r.stderr);
}

#[test]
fn invalid_regex_span_through_the_library() {
    let text = "[[rule]]\nid = \"house.x\"\nkind = \"pattern\"\npattern = [\"ok\", \"[z-a]\"]\n";
    let errors = load_source(Arc::new(RuleSource {
        name: "house.toml".into(),
        text: text.into(),
    }))
    .expect_err("invalid regex");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let e = &errors[0];
    assert_eq!(e.path, "house.toml");
    assert!(e.message.starts_with("invalid regex"), "{}", e.message);
    let span = e.span.clone().expect("a span");
    assert_eq!(&text[span], "\"[z-a]\"");
}

#[test]
fn empty_pattern_array() {
    let text = r#"[[rule]]
id = "house.x"
kind = "pattern"
pattern = []
"#;
    assert_rule_error(
        &check_rule_file(text),
        "'pattern' is empty",
        "house.toml:4:11",
    );
}

// ---------------------------------------------------------------------------------------------
// Ids
// ---------------------------------------------------------------------------------------------

#[test]
fn duplicate_id_in_one_file() {
    let text = r#"[[rule]]
id = "house.x"
kind = "pattern"
pattern = "x"

[[rule]]
id = "house.x"
kind = "pattern"
pattern = "y"
"#;
    let r = check_rule_file(text);
    // The second id value is at line 7, column 6 (after `id = `).
    assert_rule_error(&r, "duplicate rule id 'house.x'", "house.toml:7:6");
    // The secondary label sits under line 2, the first definition.
    let lines: Vec<&str> = r.stderr.lines().collect();
    let source_line = lines
        .iter()
        .position(|l| l.trim_start().starts_with("2 │ id = \"house.x\""))
        .unwrap_or_else(|| panic!("line 2 not shown:\n{}", r.stderr));
    assert!(
        lines[source_line + 1].ends_with("--------- first defined here"),
        "{}",
        r.stderr
    );
    assert_eq!(error_count(&r.stderr), 1, "{}", r.stderr);
}

#[test]
fn duplicate_id_across_two_files() {
    let first = "[[rule]]\nid = \"house.x\"\nkind = \"pattern\"\npattern = \"x\"\n";
    let second =
        "# the same id again\n[[rule]]\nid = \"house.x\"\nkind = \"pattern\"\npattern = \"y\"\n";
    let r = check_with(&[
        ("first.toml", first.as_bytes()),
        ("second.toml", second.as_bytes()),
    ]);
    assert_rule_error(&r, "duplicate rule id 'house.x'", "second.toml:3:6");
    assert_secondary(&r.stderr, "first.toml:2:6", "first defined here");
}

#[test]
fn duplicate_id_across_files_of_one_folder() {
    let first = "[[rule]]\nid = \"house.x\"\nkind = \"pattern\"\npattern = \"x\"\n";
    let second = "[[rule]]\nid = \"house.y\"\nkind = \"pattern\"\npattern = \"y\"\n\n[[rule]]\nid = \"house.x\"\nkind = \"pattern\"\npattern = \"z\"\n";
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("packs")).unwrap();
    std::fs::write(dir.path().join("packs/a.toml"), first).unwrap();
    std::fs::write(dir.path().join("packs/b.toml"), second).unwrap();
    let r = run(translint_in(dir.path())
        .args(["--no-default-rules", "--rules", "packs", "-"])
        .write_stdin("x\n"));
    assert_rule_error(&r, "duplicate rule id 'house.x'", "packs/b.toml:7:6");
    assert_secondary(&r.stderr, "packs/a.toml:2:6", "first defined here");
}

#[test]
fn duplicate_of_a_builtin_id() {
    let text = "[[rule]]\nid = \"common.doubled-word\"\nkind = \"repetition\"\n";
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mine.toml"), text).unwrap();
    let r = run(translint_in(dir.path())
        .args(["--rules", "mine.toml", "-"])
        .write_stdin("x\n"));
    assert_rule_error(
        &r,
        "duplicate rule id 'common.doubled-word'",
        "mine.toml:2:6",
    );
    assert!(
        r.stderr.contains("┌─ <built-in>/common/common.toml:"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("first defined here"), "{}", r.stderr);
}

/// Asserts a `┌─ location` header followed (within the next lines of that snippet) by `label`.
fn assert_secondary(stderr: &str, location: &str, label: &str) {
    let lines: Vec<&str> = stderr.lines().collect();
    let header = format!("┌─ {location}");
    let at = lines
        .iter()
        .position(|l| l.trim() == header)
        .unwrap_or_else(|| panic!("no {header:?} in:\n{stderr}"));
    assert!(
        lines[at + 1..]
            .iter()
            .take(4)
            .any(|l| l.trim_end().ends_with(label)),
        "no {label:?} under {header:?} in:\n{stderr}"
    );
}

#[test]
fn id_not_of_the_form_pack_rule_name() {
    let text = r#"[[rule]]
id = "House.Blorp"
kind = "pattern"
pattern = "x"

[[rule]]
id = "blorp"
kind = "pattern"
pattern = "x"

[[rule]]
id = "house.no.blorp"
kind = "pattern"
pattern = "x"

[[rule]]
id = "house.no_blorp"
kind = "pattern"
pattern = "x"
"#;
    let r = check_rule_file(text);
    assert_rule_error(&r, "invalid rule id 'House.Blorp'", "house.toml:2:6");
    assert_rule_error(&r, "invalid rule id 'blorp'", "house.toml:7:6");
    assert_rule_error(&r, "invalid rule id 'house.no.blorp'", "house.toml:12:6");
    assert_rule_error(&r, "invalid rule id 'house.no_blorp'", "house.toml:17:6");
    assert_eq!(error_count(&r.stderr), 4, "{}", r.stderr);
}

#[test]
fn id_not_matching_the_pack_name() {
    let text = r#"[pack]
name = "house"

[[rule]]
id = "house.ok"
kind = "pattern"
pattern = "x"

[[rule]]
id = "other.blorp"
kind = "pattern"
pattern = "x"
"#;
    let r = check_rule_file(text);
    assert_rule_error(
        &r,
        "rule id 'other.blorp' does not start with its pack name 'house'",
        "house.toml:10:6",
    );
    assert_eq!(error_count(&r.stderr), 1, "{}", r.stderr);
}

// ---------------------------------------------------------------------------------------------
// Keys of the kinds
// ---------------------------------------------------------------------------------------------

#[test]
fn missing_swap_for_substitution() {
    let text = r#"[[rule]]
id = "house.ok"
kind = "pattern"
pattern = "x"

[[rule]]
id = "house.kyiv"
kind = "substitution"
message = "Use '{replacement}'"
"#;
    // Points at the start of the `[[rule]]` header of the second rule.
    assert_rule_error(
        &check_rule_file(text),
        "substitution rule is missing the 'swap' key",
        "house.toml:6:1",
    );
}

#[test]
fn missing_pattern_and_sets() {
    let text = r#"[[rule]]
id = "house.p"
kind = "pattern"

[[rule]]
id = "house.c"
kind = "consistency"
"#;
    let r = check_rule_file(text);
    assert_rule_error(
        &r,
        "pattern rule is missing the 'pattern' key",
        "house.toml:1:1",
    );
    assert_rule_error(
        &r,
        "consistency rule is missing the 'sets' key",
        "house.toml:5:1",
    );
}

#[test]
fn missing_kind() {
    let text = r#"[[rule]]
id = "house.ok"
kind = "pattern"
pattern = "x"

[[rule]]
id = "house.p"
pattern = "x"
"#;
    assert_rule_error(
        &check_rule_file(text),
        "missing field `kind`",
        "house.toml:6:1",
    );
}

#[test]
fn key_of_another_kind() {
    let text = r#"[[rule]]
id = "house.p"
kind = "pattern"
pattern = "x"
swap = { "Kiev" = "Kyiv" }

[[rule]]
id = "house.s"
kind = "substitution"
swap = { "Kiev" = "Kyiv" }
replacement = "Kyiv"
sets = [["a", "b"]]
"#;
    let r = check_rule_file(text);
    assert_rule_error(&r, "'swap' is not a key of pattern rules", "house.toml:5:8");
    assert_rule_error(
        &r,
        "'replacement' is not a key of substitution rules",
        "house.toml:11:15",
    );
    assert_rule_error(
        &r,
        "'sets' is not a key of substitution rules",
        "house.toml:12:8",
    );
    assert_eq!(error_count(&r.stderr), 3, "{}", r.stderr);
}

#[test]
fn wrong_shape_of_exceptions() {
    let text = r#"[[rule]]
id = "house.s"
kind = "substitution"
swap = { "Kiev" = "Kyiv" }
exceptions = { en = ["chicken Kiev"] }

[[rule]]
id = "house.r"
kind = "repetition"
exceptions = ["had"]
"#;
    let r = check_rule_file(text);
    assert_rule_error(
        &r,
        "'exceptions' must be an array of phrases",
        "house.toml:5:14",
    );
    assert_rule_error(
        &r,
        "repetition 'exceptions' must be a table of language → words",
        "house.toml:10:14",
    );
}

// ---------------------------------------------------------------------------------------------
// Languages, templates
// ---------------------------------------------------------------------------------------------

#[test]
fn invalid_language_codes() {
    let text = r#"[pack]
name = "house"
languages = ["en", "english"]

[[rule]]
id = "house.x"
kind = "pattern"
pattern = "x"
languages = ["EN"]
examples = [{ bad = "x", lang = "eng" }]
"#;
    let r = check_rule_file(text);
    // `languages = [` is 13 characters, `"en", ` 6 more → column 20.
    assert_rule_error(
        &r,
        "'english' is not an ISO 639-1 language code",
        "house.toml:3:20",
    );
    assert_rule_error(
        &r,
        "'EN' is not an ISO 639-1 language code",
        "house.toml:9:14",
    );
    // `examples = [{ bad = "x", lang = ` is 32 characters → column 33.
    assert_rule_error(
        &r,
        "'eng' is not an ISO 639-1 language code",
        "house.toml:10:33",
    );
}

#[test]
fn invalid_language_in_a_repetition_table() {
    let text = r#"[[rule]]
id = "house.r"
kind = "repetition"
exceptions = { english = ["had"] }
"#;
    assert_rule_error(
        &check_rule_file(text),
        "'english' is not an ISO 639-1 language code",
        "house.toml:4:14",
    );
}

#[test]
fn unknown_message_placeholder() {
    let text = r#"[[rule]]
id = "house.kyiv"
kind = "substitution"
swap = { "Kiev" = "Kyiv" }
message = "Write '{replacment}' instead of '{match}'"
help = "Use {fix}"
"#;
    let r = check_rule_file(text);
    assert_rule_error(&r, "unknown placeholder '{replacment}'", "house.toml:5:11");
    assert_rule_error(&r, "unknown placeholder '{fix}'", "house.toml:6:8");
    assert_eq!(error_count(&r.stderr), 2, "{}", r.stderr);
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

#[test]
fn toml_syntax_errors() {
    let r = check_rule_file("[[rule]\nid = \"house.x\"\n");
    // The header lacks its second `]`: reported right after `[[rule]`.
    assert_rule_error(&r, "unclosed array table", "house.toml:1:8");

    let r = check_rule_file("[[rule]]\nid = \"house.x\"\nkind \"pattern\"\npattern = \"x\"\n");
    assert_rule_error(&r, "key with no value", "house.toml:3:6");

    let r = check_rule_file("[[rule]]\nid = \"house.x\"\nkind = \"pattern\"\nkind = \"pattern\"\n");
    assert_rule_error(&r, "duplicate key", "house.toml:4:1");
}

#[test]
fn invalid_utf8_rule_file() {
    // "[[rule]]\n" (9) + "id = \"house.x\"\n" (15) + "kind = \"pattern\"\n" (17)
    // + "pattern = \"z\"\n" (14) + "message = \"caf" (14) = 69: the 0xE9 byte is at offset 69.
    let mut bytes =
        b"[[rule]]\nid = \"house.x\"\nkind = \"pattern\"\npattern = \"z\"\nmessage = \"caf"
            .to_vec();
    bytes.extend_from_slice(b"\xe9\"\n");
    let r = check_with(&[("latin1.toml", &bytes)]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert!(r.stderr.contains("latin1.toml"), "{}", r.stderr);
    assert!(
        r.stderr.contains("invalid UTF-8 at byte offset 69"),
        "{}",
        r.stderr
    );
}

#[test]
fn invalid_utf8_rule_file_has_a_line_and_column() {
    // Same file as above: the bad byte is on line 5, after `message = "caf` (14 characters).
    let mut bytes =
        b"[[rule]]\nid = \"house.x\"\nkind = \"pattern\"\npattern = \"z\"\nmessage = \"caf"
            .to_vec();
    bytes.extend_from_slice(b"\xe9\"\n");
    let r = check_with(&[("latin1.toml", &bytes)]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("latin1.toml:5:15"), "{}", r.stderr);
}

#[test]
fn rule_path_that_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(translint_in(dir.path())
        .args(["--rules", "no-such-rules.toml", "-"])
        .write_stdin("the the\n"));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert!(
        r.stderr.contains("no-such-rules.toml") && r.stderr.contains("does not exist"),
        "{}",
        r.stderr
    );
}

#[test]
fn rule_folder_without_toml_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("packs")).unwrap();
    std::fs::write(dir.path().join("packs/readme.txt"), "no rules here").unwrap();
    let r = run(translint_in(dir.path())
        .args(["--no-default-rules", "--rules", "packs", "-"])
        .write_stdin("x\n"));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("packs"), "{}", r.stderr);
    assert!(r.stderr.contains("no rule files"), "{}", r.stderr);
}

#[test]
fn all_errors_of_a_file_are_reported_at_once() {
    let text = r#"[pack]
name = "house"
languages = ["xx1"]

[[rule]]
id = "house.a"
kind = "pattern"
pattern = "("

[[rule]]
id = "house.b"
kind = "substitution"
"#;
    let r = check_rule_file(text);
    // `languages = [` → column 14.
    assert_rule_error(
        &r,
        "'xx1' is not an ISO 639-1 language code",
        "house.toml:3:14",
    );
    assert_rule_error(&r, "invalid regex", "house.toml:8:11");
    assert_rule_error(
        &r,
        "substitution rule is missing the 'swap' key",
        "house.toml:10:1",
    );
    assert!(
        r.stderr.contains("3 errors in rule or config files"),
        "{}",
        r.stderr
    );
}

#[test]
fn rules_test_reports_rule_errors_the_same_way() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("house.toml"),
        "[[rule]]\nid = \"house.x\"\nkind = \"pattern\"\nseverity = \"fatal\"\npattern = \"x\"\n",
    )
    .unwrap();
    let r = run(translint_in(dir.path()).args(["rules", "test", "house.toml"]));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_located(&r.stderr, "unknown severity 'fatal'", "house.toml:4:12");
}

#[test]
fn invalid_values_of_kind_keys() {
    let text = r#"[[rule]]
id = "house.c"
kind = "consistency"
sets = [["Kyiv"]]

[[rule]]
id = "house.s"
kind = "substitution"
swap = { "Kiev" = "Kiev" }

[[rule]]
id = "house.e"
kind = "pattern"
pattern = "x"
examples = [{ lang = "en" }]
"#;
    let r = check_rule_file(text);
    // `sets = [` is 8 characters: the one-spelling set starts at column 9.
    assert_rule_error(
        &r,
        "a consistency set needs at least two spellings",
        "house.toml:4:9",
    );
    assert_rule_error(&r, "invalid swap 'Kiev' = 'Kiev'", "house.toml:9:8");
    // `examples = [` is 12 characters: the example table starts at column 13.
    assert_rule_error(
        &r,
        "an example needs 'bad' or 'good' text",
        "house.toml:15:13",
    );
}
