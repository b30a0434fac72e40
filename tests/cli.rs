//! End-to-end tests of the `translint` command line: exit codes, options, the JSON contract,
//! positions (bytes, lines, character columns) and input handling.
//!
//! Commands run with `tests/fixtures` as the working directory, so paths in the output are the
//! relative paths given on the command line. Expected offsets are computed by hand from the
//! fixture texts (see the comments next to each assertion).

mod common;

use assert_cmd::Command;
use common::cli::{diagnostics, num, run, run_json, translint_in};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn translint() -> Command {
    translint_in(&fixtures())
}

/// `translint` with only the given fixture rule files (no built-in packs).
fn with_rules(rule_files: &[&str]) -> Command {
    let mut cmd = translint();
    cmd.arg("--no-default-rules");
    for file in rule_files {
        cmd.arg("--rules").arg(fixtures().join(file));
    }
    cmd
}

fn temp_dir() -> tempfile::TempDir {
    common::cli::temp_dir("translint-cli-")
}

/// The rule ids of all diagnostics, in report order.
fn rule_ids(report: &Value) -> Vec<String> {
    diagnostics(report)
        .iter()
        .map(|d| d["rule"].as_str().expect("rule is a string").to_string())
        .collect()
}

/// (span.start, span.end, start.line, start.column, end.line, end.column) of a diagnostic.
fn position(d: &Value) -> (u64, u64, u64, u64, u64, u64) {
    (
        num(&d["span"]["start"]),
        num(&d["span"]["end"]),
        num(&d["start"]["line"]),
        num(&d["start"]["column"]),
        num(&d["end"]["line"]),
        num(&d["end"]["column"]),
    )
}

// ---------------------------------------------------------------------------------------------
// Exit codes and severities
// ---------------------------------------------------------------------------------------------

#[test]
fn exit_0_when_clean() {
    let r = run(with_rules(&["rules/house-minimal.toml"])
        .arg("-")
        .write_stdin("Nothing to see here.\n"));
    assert_eq!(r.code, 0, "{}", r.all_output());
    assert!(
        r.stdout.contains("No problems found in 1 file."),
        "{}",
        r.stdout
    );
}

#[test]
fn exit_1_when_findings() {
    let r = run(with_rules(&["rules/house-minimal.toml"])
        .arg("-")
        .write_stdin("We blorp daily.\n"));
    assert_eq!(r.code, 1, "{}", r.all_output());
    assert!(
        r.stdout
            .contains("error[house.no-blorp]: Do not write blorp"),
        "{}",
        r.stdout
    );
    // "We " is 3 bytes: blorp starts at column 4 of line 1 of stdin ("-").
    assert!(r.stdout.contains("-:1:4"), "{}", r.stdout);
}

#[test]
fn exit_2_on_usage_errors() {
    let r = run(translint().args(["--no-such-option", "articles/en.txt"]));
    assert_eq!(r.code, 2, "{}", r.all_output());
    let r = run(translint().args(["--fail-on", "sometimes", "articles/en.txt"]));
    assert_eq!(r.code, 2, "{}", r.all_output());
    let r = run(translint().args(["--format", "xml", "articles/en.txt"]));
    assert_eq!(r.code, 2, "{}", r.all_output());
}

#[test]
fn exit_2_on_a_broken_rule_file_and_nothing_is_linted() {
    let dir = temp_dir();
    let rules = dir.path().join("broken.toml");
    std::fs::write(
        &rules,
        "[[rule]]\nid = \"house.x\"\nkind = \"pattern\"\npattern = \"(x\"\n",
    )
    .unwrap();
    let r = run(translint()
        .arg("--rules")
        .arg(&rules)
        .arg("-")
        .write_stdin("the the blorp\n"));
    assert_eq!(r.code, 2, "{}", r.all_output());
    assert!(r.stderr.contains("nothing was linted"), "{}", r.stderr);
    assert!(
        !r.stdout.contains("common.doubled-word"),
        "no linting after a rule error: {}",
        r.stdout
    );
}

#[test]
fn fail_on_controls_which_severity_fails() {
    let rules = ["rules/severities.toml"];
    // Only a warning ("zork").
    let warning_only = "We zork daily.\n";
    let code = |extra: &[&str], text: &str| {
        let r = run(with_rules(&rules).args(extra).arg("-").write_stdin(text));
        r.code
    };
    assert_eq!(code(&[], warning_only), 1, "default --fail-on is warning");
    assert_eq!(code(&["--fail-on", "warning"], warning_only), 1);
    assert_eq!(code(&["--fail-on", "info"], warning_only), 1);
    assert_eq!(code(&["--fail-on", "error"], warning_only), 0);
    assert_eq!(code(&["--fail-on", "never"], warning_only), 0);

    // Only an info finding ("quux").
    let info_only = "We quux daily.\n";
    assert_eq!(code(&[], info_only), 0, "info does not fail by default");
    assert_eq!(code(&["--fail-on", "warning"], info_only), 0);
    assert_eq!(code(&["--fail-on", "info"], info_only), 1);

    // An error ("blorp").
    let error = "We blorp daily.\n";
    assert_eq!(code(&["--fail-on", "error"], error), 1);
    assert_eq!(code(&["--fail-on", "info"], error), 1);
    assert_eq!(code(&["--fail-on", "never"], error), 0);
}

#[test]
fn fail_on_never_still_reports_findings() {
    let (code, report) = run_json(
        with_rules(&["rules/severities.toml"])
            .args(["--fail-on", "never", "-"])
            .write_stdin("We blorp daily.\n"),
    );
    assert_eq!(code, 0);
    assert_eq!(rule_ids(&report), ["sev.err"]);
}

#[test]
fn min_severity_filters_reported_findings() {
    // "a " = 2 bytes → blorp 2..7; ", a " → zork 11..15; " and a " → quux 22..26.
    let text = "a blorp, a zork and a quux\n";
    let ids = |min: Option<&str>| {
        let mut cmd = with_rules(&["rules/severities.toml"]);
        if let Some(min) = min {
            cmd.args(["--min-severity", min]);
        }
        let (_, report) = run_json(cmd.arg("-").write_stdin(text));
        rule_ids(&report)
    };
    assert_eq!(ids(None), ["sev.err", "sev.warn", "sev.info"]);
    assert_eq!(ids(Some("info")), ["sev.err", "sev.warn", "sev.info"]);
    assert_eq!(ids(Some("warning")), ["sev.err", "sev.warn"]);
    assert_eq!(ids(Some("error")), ["sev.err"]);

    let (_, report) = run_json(
        with_rules(&["rules/severities.toml"])
            .arg("-")
            .write_stdin(text),
    );
    let spans: Vec<_> = diagnostics(&report)
        .iter()
        .map(|d| (position(d).0, position(d).1))
        .collect();
    assert_eq!(spans, [(2, 7), (11, 15), (22, 26)]);
}

#[test]
fn findings_hidden_by_min_severity_do_not_fail() {
    let r = run(with_rules(&["rules/severities.toml"])
        .args(["--min-severity", "error", "--fail-on", "info", "-"])
        .write_stdin("We zork and quux daily.\n"));
    assert_eq!(r.code, 0, "{}", r.all_output());
}

// ---------------------------------------------------------------------------------------------
// JSON contract and positions
// ---------------------------------------------------------------------------------------------

#[test]
fn json_contract_fields() {
    // articles/contract.txt: "Türkiye hosted talks in Kiev. Turkey said more.\n"
    // "Türkiye" is 8 bytes / 7 chars; "Türkiye hosted talks in " is 25 bytes / 24 chars, so Kiev is
    // bytes 25..29, columns 25..29. ". " follows: Turkey is bytes 31..37, columns 31..37.
    let (code, report) = run_json(with_rules(&["rules/places-en.toml"]).args([
        "--lang",
        "en",
        "articles/contract.txt",
    ]));
    assert_eq!(code, 1);
    assert_eq!(report["version"], 1);
    let ds = diagnostics(&report);
    assert_eq!(ds.len(), 2, "{report:#}");

    let kiev = &ds[0];
    assert_eq!(kiev["path"], "articles/contract.txt");
    assert_eq!(kiev["rule"], "places.kyiv");
    assert_eq!(kiev["category"], "name");
    assert_eq!(kiev["severity"], "warning");
    assert_eq!(kiev["message"], "Use 'Kyiv' instead of 'Kiev'");
    assert_eq!(position(kiev), (25, 29, 1, 25, 1, 29));
    assert_eq!(kiev["text"], "Kiev");
    assert_eq!(kiev["labels"], serde_json::json!([]));
    assert_eq!(kiev["fix"]["replacement"], "Kyiv");
    assert_eq!(kiev["fix"]["span"]["start"], 25);
    assert_eq!(kiev["fix"]["span"]["end"], 29);
    assert_eq!(kiev["fix"]["safe"], true);

    // Türkiye and Turkey are used once each: the tie goes to the first used, Türkiye.
    let turkey = &ds[1];
    assert_eq!(turkey["path"], "articles/contract.txt");
    assert_eq!(turkey["rule"], "places.turkiye");
    assert_eq!(turkey["category"], "name");
    assert_eq!(turkey["severity"], "info");
    assert_eq!(
        turkey["message"],
        "'Turkey' is spelled 'Türkiye' elsewhere in this document"
    );
    assert_eq!(position(turkey), (31, 37, 1, 31, 1, 37));
    let labels = turkey["labels"].as_array().expect("labels array");
    assert_eq!(labels.len(), 1);
    assert_eq!(labels[0]["span"]["start"], 0);
    assert_eq!(labels[0]["span"]["end"], 8);
    assert_eq!(labels[0]["start"]["line"], 1);
    assert_eq!(labels[0]["start"]["column"], 1);
    assert_eq!(labels[0]["end"]["line"], 1);
    assert_eq!(labels[0]["end"]["column"], 8);
    assert_eq!(labels[0]["message"], "first written as 'Türkiye' here");
    assert_eq!(turkey["fix"]["replacement"], "Türkiye");
    assert_eq!(turkey["fix"]["safe"], false);

    let files = report["files"].as_array().expect("files array");
    assert_eq!(files.len(), 1);
    assert_eq!(files[0]["path"], "articles/contract.txt");
    assert_eq!(files[0]["language"], "en");
    assert_eq!(report["errors"], serde_json::json!([]));
}

#[test]
fn columns_count_characters_and_spans_count_bytes() {
    // "Ünïcode … Kiev": Ü(2) n ï(2) c o d e, space, …(3), space = 14 bytes, 10 characters.
    let (_, report) = run_json(
        with_rules(&["rules/places-en.toml"])
            .args(["--lang", "en", "-"])
            .write_stdin("Ünïcode … Kiev\n"),
    );
    let ds = diagnostics(&report);
    assert_eq!(ds.len(), 1, "{report:#}");
    assert_eq!(position(&ds[0]), (14, 18, 1, 11, 1, 15));
    assert_eq!(ds[0]["text"], "Kiev");
}

#[test]
fn human_output_points_at_character_columns() {
    let r = run(with_rules(&["rules/places-en.toml"])
        .args(["--lang", "en", "--stdin-filename", "uni.txt", "-"])
        .write_stdin("Ünïcode … Kiev\n"));
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .contains("warning[places.kyiv]: Use 'Kyiv' instead of 'Kiev'"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("uni.txt:1:11"), "{}", r.stdout);
}

// ---------------------------------------------------------------------------------------------
// stdin
// ---------------------------------------------------------------------------------------------

#[test]
fn stdin_via_dash() {
    let (code, report) = run_json(
        with_rules(&["rules/house-minimal.toml"])
            .arg("-")
            .write_stdin("A blorp.\n"),
    );
    assert_eq!(code, 1);
    let ds = diagnostics(&report);
    assert_eq!(ds.len(), 1);
    assert_eq!(ds[0]["path"], "-");
    assert_eq!(position(&ds[0]), (2, 7, 1, 3, 1, 8));
    assert_eq!(report["files"][0]["path"], "-");
}

#[test]
fn piped_stdin_without_a_path() {
    let (code, report) =
        run_json(with_rules(&["rules/house-minimal.toml"]).write_stdin("One line.\nA blorp.\n"));
    assert_eq!(code, 1);
    let ds = diagnostics(&report);
    assert_eq!(ds.len(), 1);
    assert_eq!(ds[0]["path"], "-");
    // "One line.\n" is 10 bytes; "A " → blorp at 12..17, line 2, column 3.
    assert_eq!(position(&ds[0]), (12, 17, 2, 3, 2, 8));
}

#[test]
fn dash_given_twice_is_a_usage_error() {
    let r = run(with_rules(&["rules/house-minimal.toml"])
        .args(["-", "-"])
        .write_stdin("x\n"));
    assert_eq!(r.code, 2, "{}", r.all_output());
}

#[test]
fn stdin_filename_md_selects_markdown() {
    // "`blorp` and blorp": inline code is not prose; the second blorp is bytes 12..17.
    let text = "`blorp` and blorp\n";
    let (_, report) = run_json(
        with_rules(&["rules/house-minimal.toml"])
            .args(["--stdin-filename", "x.md", "-"])
            .write_stdin(text),
    );
    let ds = diagnostics(&report);
    assert_eq!(ds.len(), 1, "{report:#}");
    assert_eq!(ds[0]["path"], "x.md");
    assert_eq!(position(&ds[0]), (12, 17, 1, 13, 1, 18));
    assert_eq!(report["files"][0]["path"], "x.md");

    // The same text as plain text (no name, or a .txt name): both are prose.
    for extra in [&[][..], &["--stdin-filename", "x.txt"][..]] {
        let (_, report) = run_json(
            with_rules(&["rules/house-minimal.toml"])
                .args(extra)
                .arg("-")
                .write_stdin(text),
        );
        let spans: Vec<_> = diagnostics(&report)
            .iter()
            .map(|d| (position(d).0, position(d).1))
            .collect();
        assert_eq!(spans, [(1, 6), (12, 17)], "{extra:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Markdown, CRLF, BOM
// ---------------------------------------------------------------------------------------------

/// articles/offsets.md has "Kiev" in front matter, inline code, a bare URL, a link destination, a
/// fenced code block and an HTML block; only the last line's "Kiev" is prose. Line lengths
/// (with "\n"): 4, 21, 4, 1, 16, 1, 89, 1, 8, 5, 4, 1, 6, 5, 7, 1 = 174 bytes before line 17,
/// "The mayor of " is 13 bytes: Kiev is bytes 187..191, line 17, columns 14..18.
#[test]
fn markdown_offsets_after_front_matter_heading_code_and_html() {
    let (code, report) = run_json(with_rules(&["rules/places-en.toml"]).args([
        "--lang",
        "en",
        "articles/offsets.md",
    ]));
    assert_eq!(code, 1);
    let ds = diagnostics(&report);
    assert_eq!(ds.len(), 1, "only the prose Kiev is flagged: {report:#}");
    assert_eq!(ds[0]["rule"], "places.kyiv");
    assert_eq!(position(&ds[0]), (187, 191, 17, 14, 17, 18));
    assert_eq!(ds[0]["fix"]["replacement"], "Kyiv");
}

#[test]
fn markdown_with_crlf_line_endings() {
    let source = std::fs::read_to_string(fixtures().join("articles/offsets.md")).unwrap();
    assert!(!source.contains('\r'));
    let crlf = source.replace('\n', "\r\n");
    let dir = temp_dir();
    std::fs::write(dir.path().join("crlf.md"), crlf).unwrap();
    // 16 lines before the finding, each one byte longer: 187 + 16 = 203.
    let (_, report) = run_json(
        with_rules(&["rules/places-en.toml"])
            .current_dir(dir.path())
            .args(["--lang", "en", "crlf.md"]),
    );
    let ds = diagnostics(&report);
    assert_eq!(ds.len(), 1, "{report:#}");
    assert_eq!(ds[0]["path"], "crlf.md");
    assert_eq!(position(&ds[0]), (203, 207, 17, 14, 17, 18));
}

#[test]
fn plain_text_with_crlf_line_endings() {
    // "Talks resumed.\r\n" = 16 bytes; "The mayor of " = 13 → Kiev 29..33 on line 2, columns 14..18;
    // line 2 is 26 bytes with "\r\n" → the line-3 Kiev is 42..46, columns 1..5.
    let text = "Talks resumed.\r\nThe mayor of Kiev spoke.\r\nKiev again\r\n";
    let dir = temp_dir();
    std::fs::write(dir.path().join("crlf.txt"), text).unwrap();
    let (_, report) = run_json(
        with_rules(&["rules/places-en.toml"])
            .current_dir(dir.path())
            .args(["--lang", "en", "crlf.txt"]),
    );
    let positions: Vec<_> = diagnostics(&report).iter().map(position).collect();
    assert_eq!(
        positions,
        [(29, 33, 2, 14, 2, 18), (42, 46, 3, 1, 3, 5)],
        "{report:#}"
    );
}

#[test]
fn bom_bytes_count_in_spans() {
    // BOM (3 bytes) + "Talks in " (9) → Kiev 12..16 on line 1; "Kiev.\n" ends at 18, so the
    // line-2 Kiev is 18..22, columns 1..5.
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(b"Talks in Kiev.\nKiev again.\n");
    let dir = temp_dir();
    std::fs::write(dir.path().join("bom.txt"), bytes).unwrap();
    let (code, report) = run_json(
        with_rules(&["rules/places-en.toml"])
            .current_dir(dir.path())
            .args(["--lang", "en", "bom.txt"]),
    );
    assert_eq!(code, 1);
    let ds = diagnostics(&report);
    assert_eq!(ds.len(), 2, "{report:#}");
    assert_eq!((position(&ds[0]).0, position(&ds[0]).1), (12, 16));
    assert_eq!(position(&ds[0]).2, 1);
    assert_eq!(ds[0]["text"], "Kiev");
    assert_eq!(position(&ds[1]), (18, 22, 2, 1, 2, 5));
    assert_eq!(ds[0]["fix"]["span"]["start"], 12);
}

#[test]
fn a_bom_alone_is_not_a_finding() {
    let dir = temp_dir();
    std::fs::write(dir.path().join("bom.md"), "\u{feff}# Kyiv\n\nAll fine.\n").unwrap();
    let r = run(
        with_rules(&["rules/places-en.toml", "rules/house-minimal.toml"])
            .current_dir(dir.path())
            .args(["--lang", "en", "bom.md"]),
    );
    assert_eq!(r.code, 0, "{}", r.all_output());
}

// ---------------------------------------------------------------------------------------------
// Input errors and folders
// ---------------------------------------------------------------------------------------------

#[test]
fn invalid_utf8_is_exit_2_with_file_and_offset() {
    let dir = temp_dir();
    std::fs::write(dir.path().join("latin1.txt"), b"Kiev\xe9 ok\n").unwrap();
    let r = run(with_rules(&["rules/places-en.toml"])
        .current_dir(dir.path())
        .arg("latin1.txt"));
    assert_eq!(r.code, 2, "{}", r.all_output());
    let out = r.all_output();
    assert!(out.contains("latin1.txt"), "{out}");
    assert!(out.contains("invalid UTF-8"), "{out}");
    assert!(out.contains("byte offset 4"), "{out}");
}

#[test]
fn invalid_utf8_is_listed_in_json_errors() {
    let dir = temp_dir();
    std::fs::write(dir.path().join("latin1.txt"), b"abc\xff\n").unwrap();
    let (code, report) = run_json(
        with_rules(&["rules/places-en.toml"])
            .current_dir(dir.path())
            .arg("latin1.txt"),
    );
    assert_eq!(code, 2);
    let errors = report["errors"].as_array().expect("errors array");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["path"], "latin1.txt");
    let message = errors[0]["message"].as_str().unwrap();
    assert!(message.contains("byte offset 3"), "{message}");
}

#[test]
fn binary_file_is_exit_2() {
    let dir = temp_dir();
    std::fs::write(dir.path().join("image.txt"), b"GIF89a\x00\x01\x02Kiev").unwrap();
    let r = run(with_rules(&["rules/places-en.toml"])
        .current_dir(dir.path())
        .arg("image.txt"));
    assert_eq!(r.code, 2, "{}", r.all_output());
    let out = r.all_output();
    assert!(out.contains("image.txt"), "{out}");
    assert!(out.contains("byte offset 6"), "{out}");
    assert!(!out.contains("places.kyiv"), "{out}");
}

#[test]
fn missing_file_is_exit_2_and_named() {
    let r = run(with_rules(&["rules/places-en.toml"]).arg("articles/no-such-article.txt"));
    assert_eq!(r.code, 2, "{}", r.all_output());
    assert!(
        r.all_output().contains("articles/no-such-article.txt"),
        "{}",
        r.all_output()
    );
}

#[test]
fn input_errors_win_over_findings() {
    // A readable file with findings next to a missing one: still exit 2, findings still reported.
    let (code, report) = run_json(with_rules(&["rules/places-en.toml"]).args([
        "--lang",
        "en",
        "articles/contract.txt",
        "articles/no-such-article.txt",
    ]));
    assert_eq!(code, 2);
    assert_eq!(rule_ids(&report), ["places.kyiv", "places.turkiye"]);
    assert_eq!(report["errors"][0]["path"], "articles/no-such-article.txt");
}

#[test]
fn folder_with_nothing_to_lint_is_exit_2() {
    let dir = temp_dir();
    let empty = dir.path().join("site");
    std::fs::create_dir(&empty).unwrap();
    std::fs::write(empty.join("index.xml"), "<p>Kiev</p>").unwrap();
    std::fs::write(empty.join("notes.rst"), "Kiev").unwrap();
    let r = run(with_rules(&["rules/places-en.toml"])
        .current_dir(dir.path())
        .arg("site"));
    assert_eq!(r.code, 2, "{}", r.all_output());
    assert!(r.all_output().contains("site"), "{}", r.all_output());
    assert!(
        r.all_output().contains(".html, .htm)"),
        "{}",
        r.all_output()
    );
    assert!(
        !r.all_output().contains("places.kyiv"),
        "{}",
        r.all_output()
    );
}

#[test]
fn folder_walk_picks_txt_md_and_html_only() {
    let dir = temp_dir();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(docs.join("sub")).unwrap();
    for name in [
        "b.md",
        "a.txt",
        "c.html",
        "sub/C.HTM",
        "d.rst",
        "e.json",
        "README",
        "sub/f.markdown",
        "sub/g.csv",
    ] {
        std::fs::write(docs.join(name), "We blorp.\n").unwrap();
    }
    let (code, report) = run_json(
        with_rules(&["rules/house-minimal.toml"])
            .current_dir(dir.path())
            .arg("docs"),
    );
    assert_eq!(code, 1);
    let files: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        files,
        [
            "docs/a.txt",
            "docs/b.md",
            "docs/c.html",
            "docs/sub/C.HTM",
            "docs/sub/f.markdown"
        ]
    );
    let paths: Vec<&str> = diagnostics(&report)
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, files, "one finding per linted file, in path order");
}

// ---------------------------------------------------------------------------------------------
// Language
// ---------------------------------------------------------------------------------------------

#[test]
fn language_detection_en_de_ru() {
    let (_, report) = run_json(with_rules(&["rules/places-en.toml"]).args([
        "articles/en.txt",
        "articles/de.txt",
        "articles/ru.txt",
    ]));
    let files: Vec<(&str, &Value)> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["path"].as_str().unwrap(), &f["language"]))
        .collect();
    assert_eq!(
        files,
        [
            ("articles/en.txt", &Value::from("en")),
            ("articles/de.txt", &Value::from("de")),
            ("articles/ru.txt", &Value::from("ru")),
        ]
    );
}

#[test]
fn an_en_pack_does_not_fire_on_german_text() {
    // Both articles contain "Kiev"; the places pack is for English only.
    // en.txt: Kiev follows 93 bytes of ASCII on line 1 → 93..97, columns 94..98.
    let (code, report) = run_json(
        with_rules(&["rules/places-en.toml"]).args(["articles/en.txt", "articles/de.txt"]),
    );
    assert_eq!(code, 1);
    let ds = diagnostics(&report);
    assert_eq!(ds.len(), 1, "{report:#}");
    assert_eq!(ds[0]["path"], "articles/en.txt");
    assert_eq!(position(&ds[0]), (93, 97, 1, 94, 1, 98));

    let r = run(with_rules(&["rules/places-en.toml"]).arg("articles/de.txt"));
    assert_eq!(r.code, 0, "{}", r.all_output());
}

#[test]
fn lang_overrides_detection() {
    let (code, report) =
        run_json(with_rules(&["rules/places-en.toml"]).args(["--lang", "de", "articles/en.txt"]));
    assert_eq!(code, 0);
    assert_eq!(report["files"][0]["language"], "de");
    assert_eq!(diagnostics(&report).len(), 0);

    let (code, report) =
        run_json(with_rules(&["rules/places-en.toml"]).args(["--lang", "en", "articles/de.txt"]));
    assert_eq!(code, 1);
    assert_eq!(report["files"][0]["language"], "en");
    assert_eq!(rule_ids(&report), ["places.kyiv"]);
}

#[test]
fn bad_lang_is_exit_2() {
    for bad in ["english", "EN", "e", "e1"] {
        let r = run(with_rules(&["rules/places-en.toml"]).args(["--lang", bad, "articles/en.txt"]));
        assert_eq!(r.code, 2, "--lang {bad}: {}", r.all_output());
        assert!(r.stderr.contains(bad), "--lang {bad}: {}", r.stderr);
    }
}

// ---------------------------------------------------------------------------------------------
// Rule selection
// ---------------------------------------------------------------------------------------------

/// "blorp zork quux in Kiev": one finding of each sev rule and of places.kyiv.
fn selected(args: &[&str]) -> Vec<String> {
    let (_, report) = run_json(
        with_rules(&["rules/severities.toml", "rules/places-en.toml"])
            .args(["--lang", "en"])
            .args(args)
            .arg("-")
            .write_stdin("blorp zork quux in Kiev\n"),
    );
    rule_ids(&report)
}

#[test]
fn select_and_ignore_by_id_and_pack() {
    assert_eq!(
        selected(&[]),
        ["sev.err", "sev.warn", "sev.info", "places.kyiv"]
    );
    assert_eq!(selected(&["--select", "sev.err"]), ["sev.err"]);
    assert_eq!(
        selected(&["--select", "sev"]),
        ["sev.err", "sev.warn", "sev.info"]
    );
    assert_eq!(
        selected(&["--select", "sev.err,places"]),
        ["sev.err", "places.kyiv"]
    );
    assert_eq!(
        selected(&["--select", "sev.warn", "--select", "places.kyiv"]),
        ["sev.warn", "places.kyiv"]
    );
    assert_eq!(selected(&["--ignore", "sev"]), ["places.kyiv"]);
    assert_eq!(
        selected(&["--ignore", "sev.warn", "--ignore", "sev.info"]),
        ["sev.err", "places.kyiv"]
    );
    assert_eq!(
        selected(&["--select", "sev", "--ignore", "sev.info"]),
        ["sev.err", "sev.warn"]
    );
}

#[test]
fn unknown_selector_is_exit_2() {
    for args in [
        ["--select", "nope.rule"],
        ["--ignore", "nope"],
        // A pack prefix must end at the dot: "se" is not a prefix of "sev.err".
        ["--select", "se"],
    ] {
        let r = run(with_rules(&["rules/severities.toml"])
            .args(args)
            .arg("-")
            .write_stdin("blorp\n"));
        assert_eq!(r.code, 2, "{args:?}: {}", r.all_output());
        assert!(r.stderr.contains(args[1]), "{args:?}: {}", r.stderr);
    }
}

#[test]
fn no_default_rules_with_rules() {
    let text = "Officials said the the talks would resume, the blorp said.\n";
    // With the built-in packs, the doubled word is flagged as well as the house rule.
    let (_, report) = run_json(
        translint()
            .args(["--lang", "en", "--rules"])
            .arg(fixtures().join("rules/house-minimal.toml"))
            .arg("-")
            .write_stdin(text),
    );
    assert_eq!(rule_ids(&report), ["common.doubled-word", "house.no-blorp"]);
    // Without them, only the house rule runs.
    let (_, report) = run_json(
        with_rules(&["rules/house-minimal.toml"])
            .args(["--lang", "en", "-"])
            .write_stdin(text),
    );
    assert_eq!(rule_ids(&report), ["house.no-blorp"]);
}

#[test]
fn no_default_rules_alone_lints_nothing() {
    let r = run(translint()
        .args(["--no-default-rules", "--lang", "en", "-"])
        .write_stdin("the the {0} Kiev\n"));
    assert_eq!(r.code, 0, "{}", r.all_output());
}

#[test]
fn rules_folder_loads_every_toml() {
    // tests/fixtures/rules holds several packs; failing-example.toml only has a failing example,
    // which does not stop it from loading.
    let (_, report) = run_json(
        translint()
            .args([
                "--no-default-rules",
                "--rules",
                "rules",
                "--lang",
                "en",
                "-",
            ])
            .write_stdin("blorp zork in Kiev\n"),
    );
    let ids = rule_ids(&report);
    assert!(ids.contains(&"house.no-blorp".to_string()), "{ids:?}");
    assert!(ids.contains(&"sev.err".to_string()), "{ids:?}");
    assert!(ids.contains(&"places.kyiv".to_string()), "{ids:?}");
    assert!(ids.contains(&"broken.kyiv".to_string()), "{ids:?}");
}

// ---------------------------------------------------------------------------------------------
// rules list / rules test / explain
// ---------------------------------------------------------------------------------------------

#[test]
fn rules_list_contains_builtin_ids() {
    let r = run(translint().args(["rules", "list"]));
    assert_eq!(r.code, 0, "{}", r.all_output());
    let ids: Vec<&str> = r
        .stdout
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    for id in [
        "common.doubled-word",
        "common.placeholder",
        "news-en.ukraine-places",
    ] {
        assert!(ids.contains(&id), "{id} missing from:\n{}", r.stdout);
    }
}

#[test]
fn rules_list_shows_added_rules() {
    let r = run(translint()
        .args(["rules", "list", "--rules"])
        .arg(fixtures().join("rules/house-minimal.toml")));
    assert_eq!(r.code, 0, "{}", r.all_output());
    let line = r
        .stdout
        .lines()
        .find(|l| l.starts_with("house.no-blorp "))
        .unwrap_or_else(|| panic!("no house.no-blorp line:\n{}", r.stdout));
    assert_eq!(
        line.split_whitespace().collect::<Vec<_>>(),
        ["house.no-blorp", "pattern", "error", "style", "*"]
    );

    let r = run(translint()
        .args([
            "rules",
            "list",
            "--no-default-rules",
            "--format",
            "json",
            "--rules",
        ])
        .arg(fixtures().join("rules/places-en.toml")));
    assert_eq!(r.code, 0, "{}", r.all_output());
    let list: Value = serde_json::from_str(&r.stdout).expect("JSON");
    let rules = list["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["places.kyiv", "places.turkiye"]);
    assert_eq!(rules[0]["kind"], "substitution");
    assert_eq!(rules[0]["languages"], serde_json::json!(["en"]));
    assert_eq!(rules[1]["kind"], "consistency");
    assert_eq!(rules[1]["severity"], "info");
}

#[test]
fn rules_test_passes_on_builtin_packs() {
    let r = run(translint().args(["rules", "test"]));
    assert_eq!(r.code, 0, "{}", r.all_output());
    assert!(r.stdout.contains(" 0 failed"), "{}", r.stdout);
}

#[test]
fn rules_test_points_at_failing_examples() {
    // failing-example.toml: the example on line 10 passes; line 11 is a good example that is
    // flagged, line 12 a bad example that is not. Both start at column 3 ("  { ...").
    let r = run(translint().args(["rules", "test", "rules/failing-example.toml"]));
    assert_eq!(r.code, 1, "{}", r.all_output());
    let out = r.all_output();
    assert_located(
        &out,
        "error[broken.kyiv]: good example was flagged at \"Kiev\"",
        "rules/failing-example.toml:11:3",
    );
    assert_located(
        &out,
        "error[broken.kyiv]: bad example was not flagged: \"Talks in Kyiv resumed.\"",
        "rules/failing-example.toml:12:3",
    );
    assert!(!out.contains("failing-example.toml:10:"), "{out}");
}

#[test]
fn rules_test_passes_on_a_correct_rule_file() {
    let r = run(translint().args(["rules", "test", "rules/places-en.toml"]));
    // places-en.toml has no examples: nothing fails (it only warns about missing examples).
    assert_eq!(r.code, 0, "{}", r.all_output());
}

/// Asserts that the line starting with `message` is followed by a location line `┌─ location`.
fn assert_located(output: &str, message: &str, location: &str) {
    let lines: Vec<&str> = output.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with(message))
        .unwrap_or_else(|| panic!("no line starting with {message:?} in:\n{output}"));
    let next = lines.get(at + 1).map(|l| l.trim()).unwrap_or_default();
    assert_eq!(
        next,
        format!("┌─ {location}"),
        "location of {message:?} in:\n{output}"
    );
}

#[test]
fn explain_a_known_rule() {
    let r = run(translint()
        .args(["explain", "house.no-blorp", "--rules"])
        .arg(fixtures().join("rules/house-minimal.toml")));
    assert_eq!(r.code, 0, "{}", r.all_output());
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.first(), Some(&"house.no-blorp"));
    assert!(lines.contains(&"  kind:      pattern"), "{}", r.stdout);
    assert!(lines.contains(&"  severity:  error"), "{}", r.stdout);
    assert!(
        lines.iter().any(|l| l.starts_with("  category:  style")),
        "{}",
        r.stdout
    );
    assert!(
        lines.contains(&"Message: Do not write blorp"),
        "{}",
        r.stdout
    );

    let r = run(translint().args(["explain", "common.doubled-word"]));
    assert_eq!(r.code, 0, "{}", r.all_output());
    assert_eq!(r.stdout.lines().next(), Some("common.doubled-word"));
    assert!(r.stdout.contains("repetition"), "{}", r.stdout);
}

#[test]
fn explain_an_unknown_rule_is_exit_2() {
    let r = run(translint().args(["explain", "house.no-such-rule"]));
    assert_eq!(r.code, 2, "{}", r.all_output());
    assert!(r.stderr.contains("house.no-such-rule"), "{}", r.stderr);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
}

#[test]
fn unknown_language_runs_only_universal_packs() {
    // Too little text to detect a language: the en-only pack stays silent, a universal rule runs.
    // "Kiev " = 5 → blorp 5..10.
    let (_, report) = run_json(
        with_rules(&["rules/places-en.toml", "rules/house-minimal.toml"])
            .arg("-")
            .write_stdin("Kiev blorp\n"),
    );
    assert_eq!(report["files"][0]["language"], Value::Null);
    assert_eq!(rule_ids(&report), ["house.no-blorp"]);
    assert_eq!(position(&diagnostics(&report)[0]), (5, 10, 1, 6, 1, 11));
}

#[test]
fn markdown_with_bom_still_hides_front_matter_and_code() {
    let dir = temp_dir();
    std::fs::write(
        dir.path().join("fm.md"),
        "\u{feff}---\ntitle: Kiev\n---\n\nAll fine.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("code.md"),
        "\u{feff}```\nKiev\n```\n\nAll fine.\n",
    )
    .unwrap();
    for file in ["fm.md", "code.md"] {
        let (code, report) = run_json(
            with_rules(&["rules/places-en.toml"])
                .current_dir(dir.path())
                .args(["--lang", "en", file]),
        );
        assert_eq!(diagnostics(&report).len(), 0, "{file}: {report:#}");
        assert_eq!(code, 0, "{file}");
    }
}

/// Runs translint with stdin text and its stdout closed before it writes anything (like
/// `translint … | head -0`): the read end is dropped before stdin is written, so the child only
/// writes after the reader is gone. Returns the exit code and stderr.
fn run_with_closed_stdout(args: &[&str], stdin: &str) -> (i32, String) {
    use std::io::{Read, Write};
    use std::process::Stdio;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_translint"))
        .current_dir(fixtures())
        .env("NO_COLOR", "1")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("translint starts");
    drop(child.stdout.take());
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(stdin.as_bytes()).expect("write stdin");
    drop(input);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("read stderr");
    let status = child.wait().expect("translint exits");
    (status.code().expect("exit code"), stderr)
}

#[test]
fn json_output_into_a_closed_pipe_keeps_the_exit_code() {
    let rules = fixtures().join("rules/house-minimal.toml");
    let rules = rules.to_str().unwrap();
    let (code, stderr) = run_with_closed_stdout(
        &[
            "--no-default-rules",
            "--rules",
            rules,
            "--format",
            "json",
            "-",
        ],
        "We blorp daily.\n",
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(!stderr.contains("cannot write output"), "{stderr}");
}

#[test]
fn human_output_into_a_closed_pipe_keeps_the_exit_code() {
    let rules = fixtures().join("rules/house-minimal.toml");
    let rules = rules.to_str().unwrap();
    let (code, stderr) = run_with_closed_stdout(
        &["--no-default-rules", "--rules", rules, "-"],
        "We blorp daily.\n",
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(!stderr.contains("cannot write output"), "{stderr}");
}

#[test]
fn listing_and_explaining_into_a_closed_pipe_do_not_panic() {
    for args in [
        &["rules", "list"][..],
        &["rules", "list", "--format", "json"],
        &["explain", "names.drift"],
    ] {
        let (code, stderr) = run_with_closed_stdout(args, "");
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn output_is_the_same_on_one_thread_and_many() {
    let dir = temp_dir();
    for i in 0..40 {
        // Uneven sizes so that threads finish out of order.
        let body = "Talks in Kiev resumed on Monday, and the the delegation met again.\n"
            .repeat(1 + (i * 7) % 13);
        std::fs::write(dir.path().join(format!("a{i:02}.txt")), body).unwrap();
    }
    let output = |threads: &str| {
        let out = translint()
            .current_dir(dir.path())
            .args(["--lang", "en", "--format", "json", "-j", threads, "."])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let one = output("1");
    assert!(one.contains("./a39.txt"), "all files linted");
    for threads in ["2", "4", "16"] {
        assert_eq!(output(threads), one, "-j {threads}");
    }
}

/// A file's rules run side by side when there are fewer files than threads: one file, two files
/// and a folder give the same output with 1, 2 and 8 threads.
#[test]
fn thread_counts_give_identical_output() {
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/article.md");
    let inputs: [Vec<PathBuf>; 3] = [
        vec![article.clone()],
        vec![article.clone(), fixtures().join("articles/de.txt")],
        vec![fixtures().join("html"), fixtures().join("articles")],
    ];
    for paths in inputs {
        let outputs: Vec<Vec<u8>> = ["1", "2", "8"]
            .iter()
            .map(|threads| {
                let output = translint()
                    .args(["--format", "json", "-j", threads])
                    .args(&paths)
                    .output()
                    .expect("runs");
                assert!(output.status.code().is_some_and(|c| c <= 1), "{output:?}");
                output.stdout
            })
            .collect();
        assert!(!outputs[0].is_empty());
        assert_eq!(outputs[0], outputs[1], "-j 1 and -j 2 on {paths:?}");
        assert_eq!(outputs[0], outputs[2], "-j 1 and -j 8 on {paths:?}");
    }
}
