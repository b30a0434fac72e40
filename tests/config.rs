//! The config file: discovery, --config, --isolated, precedence against the command line,
//! per-path overrides, include/exclude, and errors that point into the file.

mod common;

use common::cli::{diagnostics, run, run_json, temp_dir, translint_in};
use serde_json::Value;
use std::path::Path;

const KIEV: &str = "The delegation arrived in Kiev on Monday morning for the talks.\n";
const DOUBLED: &str = "The minister said that the the talks would resume in spring.\n";

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn rules(report: &Value) -> Vec<String> {
    diagnostics(report)
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect()
}

fn severities(report: &Value) -> Vec<(String, String)> {
    diagnostics(report)
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn config_is_found_from_the_current_folder_upward() {
    let dir = temp_dir("config-discovery");
    write(dir.path(), "translint.toml", "ignore = [\"news-en\"]\n");
    write(dir.path(), "desk/a.txt", KIEV);
    let (_, report) = run_json(translint_in(&dir.path().join("desk")).arg("a.txt"));
    assert!(rules(&report).is_empty(), "{report}");
    // Without the config the finding is there.
    let (code, report) =
        run_json(translint_in(&dir.path().join("desk")).args(["--isolated", "a.txt"]));
    assert_eq!(code, 1);
    assert_eq!(rules(&report), ["news-en.ukraine-places"]);
}

#[test]
fn explicit_config_file_replaces_discovery() {
    let dir = temp_dir("config-explicit");
    write(dir.path(), "translint.toml", "ignore = [\"news-en\"]\n");
    write(dir.path(), "strict.toml", "ignore = [\"common\"]\n");
    write(dir.path(), "a.txt", &format!("{KIEV}{DOUBLED}"));
    let (_, report) = run_json(translint_in(dir.path()).args(["--config", "strict.toml", "a.txt"]));
    assert_eq!(rules(&report), ["news-en.ukraine-places"]);
    let r = run(translint_in(dir.path()).args(["--config", "missing.toml", "a.txt"]));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("cannot read config file 'missing.toml'"),
        "{}",
        r.stderr
    );
}

#[test]
fn command_line_wins_and_ignores_add_up() {
    let dir = temp_dir("config-precedence");
    write(
        dir.path(),
        "translint.toml",
        "select = [\"common\"]\nfail-on = \"never\"\nmin-severity = \"warning\"\n",
    );
    write(dir.path(), "a.txt", &format!("{KIEV}{DOUBLED}"));
    // The config's select and fail-on apply...
    let (code, report) = run_json(translint_in(dir.path()).arg("a.txt"));
    assert_eq!(code, 0, "fail-on = never");
    assert_eq!(rules(&report), ["common.doubled-word"]);
    // ...until the command line says otherwise.
    let (code, report) = run_json(translint_in(dir.path()).args([
        "--select",
        "news-en",
        "--fail-on",
        "warning",
        "a.txt",
    ]));
    assert_eq!(code, 1);
    assert_eq!(rules(&report), ["news-en.ukraine-places"]);
    // --ignore adds to the config's ignores rather than replacing them.
    write(dir.path(), "translint.toml", "ignore = [\"common\"]\n");
    let (_, report) = run_json(translint_in(dir.path()).args(["--ignore", "news-en", "a.txt"]));
    assert!(rules(&report).is_empty(), "{report}");
}

#[test]
fn severity_overrides_and_per_path_overrides() {
    let dir = temp_dir("config-overrides");
    write(
        dir.path(),
        "translint.toml",
        r#"
[severity]
"news-en" = "error"

[[overrides]]
files = ["archive"]
ignore = ["news-en"]

[[overrides]]
files = ["de/*.txt"]
lang = "de"
[overrides.severity]
"common.doubled-word" = "info"
"#,
    );
    write(dir.path(), "today.txt", KIEV);
    write(dir.path(), "archive/2019/old.txt", KIEV);
    write(
        dir.path(),
        "de/bericht.txt",
        "Der Minister sagte, dass die die Gespräche im Frühjahr weitergehen.\n",
    );
    let (_, report) = run_json(translint_in(dir.path()).arg("."));
    let found = severities(&report);
    assert!(
        found.contains(&("news-en.ukraine-places".into(), "error".into())),
        "{found:?}"
    );
    let paths: Vec<&str> = diagnostics(&report)
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert!(!paths.iter().any(|p| p.contains("archive")), "{paths:?}");
    let german = diagnostics(&report)
        .iter()
        .find(|d| d["path"].as_str().unwrap().contains("bericht"))
        .expect("the German doubled word");
    assert_eq!(german["rule"], "common.doubled-word");
    assert_eq!(german["severity"], "info");
    let files = report["files"].as_array().unwrap();
    let de = files
        .iter()
        .find(|f| f["path"].as_str().unwrap().contains("bericht"))
        .unwrap();
    assert_eq!(de["language"], "de");
}

#[test]
fn include_and_exclude_filter_folder_walking_but_not_named_files() {
    let dir = temp_dir("config-walk");
    write(
        dir.path(),
        "translint.toml",
        "include = [\"**/*.md\"]\nexclude = [\"drafts\"]\n",
    );
    write(dir.path(), "news/a.md", KIEV);
    write(dir.path(), "news/b.txt", KIEV);
    write(dir.path(), "drafts/c.md", KIEV);
    let (_, report) = run_json(translint_in(dir.path()).arg("."));
    let files: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["./news/a.md"]);
    // A file named on the command line is linted even when excluded.
    let (_, report) = run_json(translint_in(dir.path()).arg("drafts/c.md"));
    assert_eq!(rules(&report), ["news-en.ukraine-places"]);
    // ...unless excludes are forced, as pre-commit hooks need (they name every staged file).
    let (code, report) =
        run_json(translint_in(dir.path()).args(["--force-exclude", "drafts/c.md", "news/a.md"]));
    assert_eq!(code, 1);
    let files: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["news/a.md"]);
    write(
        dir.path(),
        "translint.toml",
        "include = [\"**/*.md\"]\nexclude = [\"drafts\"]\nforce-exclude = true\n",
    );
    let (code, report) = run_json(translint_in(dir.path()).args(["drafts/c.md", "news/b.txt"]));
    assert_eq!(code, 0, "{report}");
    assert!(report["files"].as_array().unwrap().is_empty(), "{report}");
    // --exclude adds to the config's excludes.
    let (_, report) = run_json(translint_in(dir.path()).args(["--exclude", "news", "."]));
    assert!(report["files"].as_array().unwrap().is_empty(), "{report}");
}

#[test]
fn config_rule_packs_load_relative_to_the_config() {
    let dir = temp_dir("config-packs");
    write(
        dir.path(),
        "house/blorp.toml",
        r#"
[[rule]]
id = "house.no-blorp"
kind = "substitution"
message = "Write '{replacement}', not '{match}'"
swap = { blorp = "blob" }
"#,
    );
    write(dir.path(), "translint.toml", "rules = [\"house\"]\n");
    write(
        dir.path(),
        "sub/a.txt",
        "The blorp was seen near the harbour.\n",
    );
    let (_, report) = run_json(translint_in(&dir.path().join("sub")).arg("a.txt"));
    assert_eq!(rules(&report), ["house.no-blorp"]);
    // `rules list` sees the config's packs too.
    let r = run(translint_in(&dir.path().join("sub")).args(["rules", "list"]));
    assert!(r.stdout.contains("house.no-blorp"), "{}", r.stdout);
}

#[test]
fn config_errors_point_into_the_file() {
    let dir = temp_dir("config-errors");
    write(
        dir.path(),
        "translint.toml",
        "select = [\"garble\"]\nfail-on = \"sometimes\"\n",
    );
    write(dir.path(), "a.txt", KIEV);
    let r = run(translint_in(dir.path()).arg("a.txt"));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("translint.toml:2:11"), "{}", r.stderr);
    assert!(
        r.stderr.contains("unknown fail-on value 'sometimes'"),
        "{}",
        r.stderr
    );

    write(dir.path(), "translint.toml", "\nignore = [\"garbel\"]\n");
    let r = run(translint_in(dir.path()).arg("a.txt"));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("translint.toml:2:11"), "{}", r.stderr);
    assert!(
        r.stderr.contains("no loaded rule matches 'garbel'"),
        "{}",
        r.stderr
    );

    write(
        dir.path(),
        "translint.toml",
        "lang = \"en\"\nselct = [\"x\"]\n",
    );
    let r = run(translint_in(dir.path()).arg("a.txt"));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("translint.toml:2:1"), "{}", r.stderr);
    assert!(r.stderr.contains("unknown field `selct`"), "{}", r.stderr);
}

#[test]
fn output_format_comes_from_the_config_unless_given() {
    let dir = temp_dir("config-format");
    write(dir.path(), "translint.toml", "output-format = \"json\"\n");
    write(dir.path(), "a.txt", KIEV);
    let r = run(translint_in(dir.path()).arg("a.txt"));
    let report: Value = serde_json::from_str(&r.stdout).expect("JSON from the config's format");
    assert_eq!(rules(&report), ["news-en.ukraine-places"]);
    let r = run(translint_in(dir.path()).args(["--format", "human", "a.txt"]));
    assert!(
        r.stdout.contains("warning[news-en.ukraine-places]"),
        "{}",
        r.stdout
    );
}

#[test]
fn every_output_format_can_be_named_in_the_config() {
    let dir = temp_dir("config-formats");
    write(dir.path(), "a.txt", KIEV);
    for format in translint::config::OUTPUT_FORMATS {
        write(
            dir.path(),
            "translint.toml",
            &format!("output-format = \"{format}\"\n"),
        );
        let r = run(translint_in(dir.path()).args(["--lang", "en", "a.txt"]));
        assert_eq!(r.code, 1, "{format}: {}", r.stderr);
        assert!(
            r.stdout.contains("ukraine-places"),
            "{format}: {}",
            r.stdout
        );
    }
}
