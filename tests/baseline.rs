//! Baselines: --write-baseline records today's findings, --baseline hides them, fingerprints
//! survive lines moving, and new or edited findings still fail CI.

mod common;

use common::cli::{diagnostics, run, run_json, temp_dir, translint_in};
use serde_json::Value;
use std::path::Path;

const ARTICLE: &str = "Talks in Kiev resumed on Monday.\n\
The minister said that the the delegation was ready.\n\
Officials in Kiev declined to comment.\n";

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn found(report: &Value) -> Vec<(String, u64)> {
    diagnostics(report)
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn baseline_round_trip_survives_moved_lines() {
    let dir = temp_dir("baseline-roundtrip");
    write(dir.path(), "news/a.txt", ARTICLE);
    let r = run(translint_in(dir.path()).args(["--write-baseline", "baseline.json", "news"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.is_empty(),
        "writing a baseline reports nothing: {}",
        r.stdout
    );
    assert!(r.stderr.contains("wrote 3 finding(s)"), "{}", r.stderr);
    let saved: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("baseline.json")).unwrap())
            .unwrap();
    let entries = saved["findings"].as_array().unwrap();
    assert_eq!(entries.len(), 3);
    assert_eq!(entries[0]["path"], "news/a.txt");
    assert_eq!(entries[0]["text"], "Kiev");

    // Nothing new: clean exit, nothing reported.
    let (code, report) =
        run_json(translint_in(dir.path()).args(["--baseline", "baseline.json", "news"]));
    assert_eq!(code, 0);
    assert!(found(&report).is_empty(), "{report}");

    // Lines move (a new paragraph on top), and a new finding appears at the end.
    let moved = format!(
        "A new first paragraph about the weather.\n\n{ARTICLE}Officials in Kiev met again.\n"
    );
    write(dir.path(), "news/a.txt", &moved);
    let (code, report) =
        run_json(translint_in(dir.path()).args(["--baseline", "baseline.json", "news"]));
    assert_eq!(code, 1);
    assert_eq!(found(&report), [("news-en.ukraine-places".to_string(), 6)]);

    // Editing a line makes its finding new; the stale entry is counted on stderr.
    let edited = ARTICLE.replace("Officials in Kiev declined", "Officials in Kiev refused");
    write(dir.path(), "news/a.txt", &edited);
    let r = run(translint_in(dir.path()).args(["--baseline", "baseline.json", "news/a.txt"]));
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains(":3:14"), "{}", r.stdout);
    assert!(
        r.stderr
            .contains("hid 2 known finding(s); 1 of its entries no longer match"),
        "{}",
        r.stderr
    );
}

#[test]
fn repeated_identical_findings_are_counted_not_merged() {
    let dir = temp_dir("baseline-repeats");
    let line = "They met in Kiev.\n";
    write(dir.path(), "a.txt", &line.repeat(2));
    let r = run(translint_in(dir.path()).args(["--write-baseline", "b.json", "a.txt"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    write(dir.path(), "a.txt", &line.repeat(3));
    let (code, report) = run_json(translint_in(dir.path()).args(["--baseline", "b.json", "a.txt"]));
    assert_eq!(code, 1, "a third copy of the same line is a new finding");
    assert_eq!(found(&report).len(), 1);
}

#[test]
fn a_broken_baseline_is_an_error_with_its_position() {
    let dir = temp_dir("baseline-broken");
    write(dir.path(), "a.txt", ARTICLE);
    write(
        dir.path(),
        "b.json",
        "{\"version\": 1,\n \"findings\": [oops]}",
    );
    let r = run(translint_in(dir.path()).args(["--baseline", "b.json", "a.txt"]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("b.json:2:"), "{}", r.stderr);
    let r = run(translint_in(dir.path()).args(["--baseline", "missing.json", "a.txt"]));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("cannot read baseline 'missing.json'"),
        "{}",
        r.stderr
    );
}

#[test]
fn baselined_findings_are_not_fixed() {
    let dir = temp_dir("baseline-fix");
    write(dir.path(), "a.txt", "Talks in Kiev resumed on Monday.\n");
    // One sentence is too short to detect its language: say it.
    let r =
        run(translint_in(dir.path()).args(["--lang", "en", "--write-baseline", "b.json", "a.txt"]));
    assert!(r.stderr.contains("wrote 1 finding(s)"), "{}", r.stderr);
    write(
        dir.path(),
        "a.txt",
        "Talks in Kiev resumed on Monday.\nThe delegation left Kiev on Friday.\n",
    );
    let r = run(translint_in(dir.path()).args([
        "--lang",
        "en",
        "--baseline",
        "b.json",
        "--fix",
        "a.txt",
    ]));
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let text = std::fs::read_to_string(dir.path().join("a.txt")).unwrap();
    assert_eq!(
        text,
        "Talks in Kiev resumed on Monday.\nThe delegation left Kyiv on Friday.\n"
    );
}

#[test]
fn a_kept_repeat_keeps_its_own_fingerprint() {
    // Three identical findings on one line; the baseline accepts the first two. The third is
    // reported with its own fingerprint, not one the baseline accepts (code scanning tracks
    // results by it).
    let dir = temp_dir("baseline-kept-repeat");
    write(
        dir.path(),
        "a.txt",
        "He said the the talks, the the press and the the public were ready.\n",
    );
    let r = run(translint_in(dir.path()).args(["--write-baseline", "all.json", "a.txt"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let all: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("all.json")).unwrap())
            .unwrap();
    let entries = all["findings"].as_array().unwrap();
    assert_eq!(entries.len(), 3, "{all}");
    let prints: Vec<&str> = entries
        .iter()
        .map(|e| e["fingerprint"].as_str().unwrap())
        .collect();
    let mut first_two = all.clone();
    first_two["findings"].as_array_mut().unwrap().truncate(2);
    write(dir.path(), "b.json", &first_two.to_string());
    let r =
        run(translint_in(dir.path()).args(["--baseline", "b.json", "--format", "sarif", "a.txt"]));
    assert_eq!(r.code, 1, "{}", r.stderr);
    let sarif: Value = serde_json::from_str(&r.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "{}", r.stdout);
    let print = &results[0]["partialFingerprints"]["translintFingerprint/v1"];
    assert_eq!(print.as_str(), Some(prints[2]));
}
