//! End-to-end tests of the output formats (`--format sarif|github|jsonl|rdjson|junit`): one run
//! over a multi-line Cyrillic file (a fixable finding, a finding with a secondary label), a clean
//! file, a file whose name needs escaping and a missing file, with the rules of
//! `tests/fixtures/rules/formats.toml`. Expected positions are worked out by hand in the comments.
//! SARIF is also validated against the OASIS SARIF 2.1.0 schema (tests/fixtures).

mod common;

use common::cli::{manifest_dir, run, temp_dir, translint_in, Run};
use serde_json::{json, Value};
use std::path::Path;

/// Line 3 starts with Cyrillic: "Жители сказали, что " is 20 characters (36 bytes), so "Kiev"
/// covers columns 21..25 (bytes 58..62: line 1 is 21 bytes, line 2 one). Line 4 starts at byte 67:
/// "теперь теперь" is doubled (the second at columns 8..14, bytes 80..92) and "иначе" is at
/// columns 21..26 (bytes 104..114).
const RU: &str = "# Заголовок\n\nЖители сказали, что Kiev <b>\nтеперь теперь пишут иначе.\n";
/// A name with the characters that workflow commands and URIs must escape.
const ODD_NAME: &str = "a, b: 100%.md";

/// Runs `translint check` with the format-test rules over the test files in a fresh folder.
fn check(format: &str) -> Run {
    let dir = temp_dir("translint-formats-");
    write(dir.path(), "ru.md", RU);
    write(dir.path(), "clean.md", "Nothing to see here.\n");
    // "Talks in " is 9 characters: Kiev covers columns 10..14.
    write(dir.path(), ODD_NAME, "Talks in Kiev.\n");
    let rules = manifest_dir().join("tests/fixtures/rules/formats.toml");
    run(translint_in(dir.path())
        .args(["check", "--no-default-rules", "--rules"])
        .arg(rules)
        .args([
            "ru.md",
            "clean.md",
            ODD_NAME,
            "missing.md",
            "--format",
            format,
        ]))
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("write test file");
}

fn parse(stdout: &str) -> Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{stdout}"))
}

/// Every format reports the missing file with exit code 2 and on stderr.
fn assert_missing_reported(r: &Run) {
    assert_eq!(r.code, 2, "{}", r.all_output());
    assert_eq!(
        r.stderr,
        "translint: error: missing.md: no such file or folder\n"
    );
}

#[test]
fn github_workflow_commands() {
    let r = check("github");
    assert_missing_reported(&r);
    // Messages escape only %, CR and LF; properties also ':' and ','. Help is a second line.
    let expected = "\
::warning file=ru.md,line=3,endLine=3,col=21,endColumn=25,title=fmt.kyiv::Write 'Kyiv', not 'Kiev': 100%25 house style%0Ahelp: write 'Kyiv'
::error file=ru.md,line=4,endLine=4,col=8,endColumn=14,title=fmt.doubled::Doubled word 'теперь'%0Ahelp: delete it
::notice file=ru.md,line=4,endLine=4,col=21,endColumn=26,title=fmt.tag::Leftover <b> & \"tag\"
::warning file=a%2C b%3A 100%25.md,line=1,endLine=1,col=10,endColumn=14,title=fmt.kyiv::Write 'Kyiv', not 'Kiev': 100%25 house style%0Ahelp: write 'Kyiv'
::error file=missing.md::cannot lint missing.md: no such file or folder
";
    assert_eq!(r.stdout, expected);
}

#[test]
fn jsonl_lines_are_the_json_formats_diagnostics() {
    let r = check("jsonl");
    assert_missing_reported(&r);
    let lines: Vec<Value> = r.stdout.lines().map(parse).collect();
    let json = check("json");
    let report = parse(&json.stdout);
    assert_eq!(Value::Array(lines.clone()), report["diagnostics"]);
    let rules: Vec<&str> = lines.iter().filter_map(|l| l["rule"].as_str()).collect();
    assert_eq!(rules, ["fmt.kyiv", "fmt.doubled", "fmt.tag", "fmt.kyiv"]);
    assert_eq!(
        lines[1]["labels"][0]["start"],
        json!({ "line": 4, "column": 1 })
    );
}

#[test]
fn rdjson_counts_columns_in_bytes() {
    let r = check("rdjson");
    assert_missing_reported(&r);
    let range = |line: u32, start: u32, end: u32| json!({ "start": { "line": line, "column": start }, "end": { "line": line, "column": end } });
    // Byte columns: "Жители сказали, что " is 36 bytes, so Kiev covers 37..41; on line 4 the
    // second "теперь" covers bytes 13..25 of the line (columns 14..26), its fix deletes from the
    // space before it (column 13); "иначе" covers bytes 37..47 (columns 38..48).
    let kyiv = "Write 'Kyiv', not 'Kiev': 100% house style";
    let expected = json!({
        "source": { "name": "translint" },
        "diagnostics": [
            {
                "message": kyiv,
                "location": { "path": "ru.md", "range": range(3, 37, 41) },
                "severity": "WARNING",
                "code": { "value": "fmt.kyiv" },
                "suggestions": [{ "range": range(3, 37, 41), "text": "Kyiv" }],
            },
            {
                "message": "Doubled word 'теперь'",
                "location": { "path": "ru.md", "range": range(4, 14, 26) },
                "severity": "ERROR",
                "code": { "value": "fmt.doubled" },
                "suggestions": [{ "range": range(4, 13, 26), "text": "" }],
            },
            {
                "message": "Leftover <b> & \"tag\"",
                "location": { "path": "ru.md", "range": range(4, 38, 48) },
                "severity": "INFO",
                "code": { "value": "fmt.tag" },
            },
            {
                "message": kyiv,
                "location": { "path": ODD_NAME, "range": range(1, 10, 14) },
                "severity": "WARNING",
                "code": { "value": "fmt.kyiv" },
                "suggestions": [{ "range": range(1, 10, 14), "text": "Kyiv" }],
            },
        ],
    });
    assert_eq!(parse(&r.stdout), expected);
}

#[test]
fn junit_suites_per_file_cases_per_rule() {
    let r = check("junit");
    assert_missing_reported(&r);
    let expected = r#"<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="translint" tests="6" failures="4" errors="1">
  <testsuite name="ru.md" tests="3" failures="3" errors="0">
    <testcase classname="ru.md" name="fmt.kyiv">
      <failure message="Write 'Kyiv', not 'Kiev': 100% house style" type="fmt.kyiv">ru.md:3:21: warning: Write 'Kyiv', not 'Kiev': 100% house style [Kiev]</failure>
    </testcase>
    <testcase classname="ru.md" name="fmt.doubled">
      <failure message="Doubled word 'теперь'" type="fmt.doubled">ru.md:4:8: error: Doubled word 'теперь' [теперь]</failure>
    </testcase>
    <testcase classname="ru.md" name="fmt.tag">
      <failure message="Leftover &lt;b&gt; &amp; &quot;tag&quot;" type="fmt.tag">ru.md:4:21: info: Leftover &lt;b&gt; &amp; &quot;tag&quot; [иначе]</failure>
    </testcase>
  </testsuite>
  <testsuite name="clean.md" tests="1" failures="0" errors="0">
    <testcase classname="clean.md" name="translint"/>
  </testsuite>
  <testsuite name="a, b: 100%.md" tests="1" failures="1" errors="0">
    <testcase classname="a, b: 100%.md" name="fmt.kyiv">
      <failure message="Write 'Kyiv', not 'Kiev': 100% house style" type="fmt.kyiv">a, b: 100%.md:1:10: warning: Write 'Kyiv', not 'Kiev': 100% house style [Kiev]</failure>
    </testcase>
  </testsuite>
  <testsuite name="missing.md" tests="1" failures="0" errors="1">
    <testcase classname="missing.md" name="translint">
      <error message="no such file or folder" type="unreadable"/>
    </testcase>
  </testsuite>
</testsuites>
"#;
    assert_eq!(r.stdout, expected);
}

/// The errors of `log` against the OASIS SARIF 2.1.0 schema, formats included.
fn schema_errors(log: &Value) -> Vec<String> {
    let path = manifest_dir().join("tests/fixtures/sarif-schema-2.1.0.json");
    let text = std::fs::read_to_string(path).expect("schema fixture");
    // The schema's `run.language` pattern has a stray `]` ("…-[a-zA-Z]{2}]?$"), which the strict
    // "regex" format check rejects when the schema itself is validated; it is read as the
    // evident intent. translint writes no `language`, so nothing of ours depends on it.
    let text = text.replace(
        "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$",
        "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$",
    );
    let schema: Value = parse(&text);
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles");
    validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn the_schema_catches_what_it_should() {
    let bad = json!({ "version": "2.1.0", "runs": [{ "tool": { "driver": { "name": "x" } },
        "results": [{ "message": { "text": "m" }, "level": "warn",
            "locations": [{ "physicalLocation": { "region": { "startLine": 0 } } }] }] }] });
    let errors = schema_errors(&bad);
    assert!(errors.len() >= 2, "{errors:?}");
}

#[test]
fn sarif_is_valid_and_exact_where_it_matters() {
    let r = check("sarif");
    assert_missing_reported(&r);
    let log = parse(&r.stdout);
    assert_eq!(schema_errors(&log), Vec::<String>::new());
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, ["fmt.kyiv", "fmt.doubled", "fmt.tag"]);
    assert_eq!(rules[2]["defaultConfiguration"]["level"], "note");
    // The rule's help line is a template ("write '{replacement}'"): rules list it on no rule.
    assert!(rules[0].get("help").is_none(), "{}", rules[0]);
    assert_eq!(rules[0]["shortDescription"]["text"], "fmt.kyiv");
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 4);

    let kyiv = &results[0];
    assert_eq!(
        (&kyiv["ruleId"], &kyiv["ruleIndex"]),
        (&json!("fmt.kyiv"), &json!(0))
    );
    let location = &kyiv["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"],
        json!({ "uri": "ru.md", "uriBaseId": "%SRCROOT%" })
    );
    // Columns in code points after Cyrillic text; endColumn is the column after "Kiev".
    let region = json!({ "startLine": 3, "startColumn": 21, "endLine": 3, "endColumn": 25,
        "byteOffset": 58, "byteLength": 4 });
    let mut with_snippet = region.clone();
    with_snippet["snippet"] = json!({ "text": "Kiev" });
    assert_eq!(location["region"], with_snippet);
    let replacement = &kyiv["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(
        *replacement,
        json!({ "deletedRegion": region, "insertedContent": { "text": "Kyiv" } })
    );

    let doubled = &results[1];
    assert_eq!(doubled["level"], "error");
    assert_eq!(
        doubled["message"]["text"],
        "Doubled word 'теперь' (see [first written here](1))"
    );
    let related = &doubled["relatedLocations"][0];
    assert_eq!(related["id"], 1);
    assert_eq!(
        related["physicalLocation"]["region"],
        json!({ "startLine": 4, "startColumn": 1, "endLine": 4, "endColumn": 7,
            "byteOffset": 67, "byteLength": 12 })
    );
    let fingerprint = doubled["partialFingerprints"]["translintFingerprint/v1"].as_str();
    assert!(fingerprint.is_some_and(|f| f.len() == 16), "{doubled}");

    assert_eq!(results[2]["level"], "note");
    assert!(results[2].get("fixes").is_none());
    let odd = &results[3]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(odd["uri"], "a%2C%20b%3A%20100%25.md");

    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let note = &invocation["toolExecutionNotifications"][0];
    assert_eq!(
        note["message"]["text"],
        "missing.md: no such file or folder"
    );
}

#[test]
fn sarif_of_the_bundled_example_is_valid() {
    let r = run(translint_in(manifest_dir()).args([
        "check",
        "examples/article.md",
        "--format",
        "sarif",
    ]));
    assert_eq!(r.code, 1, "{}", r.all_output());
    let log = parse(&r.stdout);
    assert_eq!(schema_errors(&log), Vec::<String>::new());
    let run = &log["runs"][0];
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    let results = run["results"].as_array().expect("results");
    assert!(!results.is_empty());
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    for result in results {
        let index = result["ruleIndex"]
            .as_u64()
            .expect("every result has a rule");
        let rule = &rules[usize::try_from(index).expect("index")];
        assert_eq!(rule["id"], result["ruleId"]);
    }
}

#[test]
fn sarif_related_locations_point_into_other_files() {
    let dir = temp_dir("translint-formats-");
    let veldt = "Trade Minister Anders Veldt opened the summit.\nVeldt said quotas would be cut.\n";
    write(dir.path(), "a.txt", veldt);
    write(
        dir.path(),
        "b.txt",
        "The cuts announced by Anders Veldt.\nVeldt ignored advice.\n",
    );
    write(
        dir.path(),
        "c.txt",
        "Anders Vledt will travel.\nOfficials expect Vledt to soften.\n",
    );
    let r = run(translint_in(dir.path()).args([
        "check",
        "--select",
        "names.drift",
        "--lang",
        "en",
        "--cross-file",
        "a.txt",
        "b.txt",
        "c.txt",
        "--format",
        "sarif",
    ]));
    assert_eq!(r.code, 1, "{}", r.all_output());
    let log = parse(&r.stdout);
    assert_eq!(schema_errors(&log), Vec::<String>::new());
    let result = &log["runs"][0]["results"][0];
    let uri = |location: &Value| location["physicalLocation"]["artifactLocation"]["uri"].clone();
    assert_eq!(uri(&result["locations"][0]), "c.txt");
    let related = &result["relatedLocations"][0];
    assert_eq!(uri(related), "a.txt");
    // "Trade Minister Anders " is 22 characters: Veldt covers columns 23..28 of line 1.
    assert_eq!(
        related["physicalLocation"]["region"],
        json!({ "startLine": 1, "startColumn": 23, "endLine": 1, "endColumn": 28,
            "byteOffset": 22, "byteLength": 5 })
    );
    let message = result["message"]["text"].as_str().expect("message");
    assert!(
        message.ends_with("(see [written 'Veldt' here](1))"),
        "{message}"
    );
}
