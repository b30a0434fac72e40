//! `--fix`, `--fix-unsafe` and `--diff` on real files: what is written, what is kept, idempotence.

mod common;

use common::cli::translint;
use std::fs;

const ARTICLE: &str =
    "Talks in Kiev resumed on Monday.\r\nOfficials in Kharkov said the the convoy had left.\r\n";

fn write_article(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.path().join(name);
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn fix_applies_only_safe_fixes_and_keeps_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_article(&dir, "a.txt", ARTICLE);
    let out = translint()
        .args(["--lang", "en", "--fix"])
        .arg(&path)
        .output()
        .unwrap();
    // The doubled word remains (its fix is a suggestion), so the run still fails.
    assert_eq!(out.status.code(), Some(1));
    let fixed = fs::read_to_string(&path).unwrap();
    assert_eq!(fixed, "Talks in Kyiv resumed on Monday.\r\nOfficials in Kharkiv said the the convoy had left.\r\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Fixed 2 problems in 1 file."), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("Doubled word 'the'") && !stdout.contains("Kyiv'"),
        "only what remains is reported: {stdout}"
    );
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file is left behind"
    );
}

#[test]
fn fix_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_article(&dir, "a.txt", ARTICLE);
    translint()
        .args(["--lang", "en", "--fix"])
        .arg(&path)
        .output()
        .unwrap();
    let once = fs::read_to_string(&path).unwrap();
    let out = translint()
        .args(["--lang", "en", "--fix"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), once);
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("Fixed"),
        "nothing more to fix"
    );
}

#[test]
fn fix_unsafe_also_applies_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_article(&dir, "a.txt", ARTICLE);
    let out = translint()
        .args(["--lang", "en", "--fix", "--fix-unsafe"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "Talks in Kyiv resumed on Monday.\r\nOfficials in Kharkiv said the convoy had left.\r\n"
    );
}

#[test]
fn fix_keeps_a_bom() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_article(&dir, "a.md", "\u{feff}# Report\n\nTalks in Kiev resumed.\n");
    translint()
        .args(["--lang", "en", "--fix"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "\u{feff}# Report\n\nTalks in Kyiv resumed.\n"
    );
}

#[test]
fn diff_prints_a_unified_diff_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_article(&dir, "a.txt", ARTICLE);
    let out = translint()
        .args(["--lang", "en", "--diff"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "changes would be made");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("-Talks in Kiev resumed on Monday."),
        "{stdout}"
    );
    assert!(
        stdout.contains("+Talks in Kyiv resumed on Monday."),
        "{stdout}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 fixes would be applied in 1 file."));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        ARTICLE,
        "--diff writes nothing"
    );
}

#[test]
fn diff_on_a_clean_file_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_article(&dir, "a.txt", "Talks in Kyiv resumed on Monday.\n");
    let out = translint()
        .args(["--lang", "en", "--diff"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[test]
fn fix_refuses_stdin() {
    let out = translint()
        .args(["--lang", "en", "--fix", "-"])
        .write_stdin("Talks in Kiev.")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--fix cannot write to stdin"));
}

#[test]
fn fix_only_touches_what_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_article(&dir, "a.txt", ARTICLE);
    translint()
        .args(["--lang", "en", "--fix", "--ignore", "news-en"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        ARTICLE,
        "ignored rules are not fixed"
    );
}

#[test]
fn findings_left_after_fixing_point_into_the_fixed_file() {
    let dir = tempfile::tempdir().unwrap();
    // "Kiev" -> "Kyiv" keeps the length; "Dnepropetrovsk" -> "Dnipro" does not, so positions
    // after it on the same line move.
    let path = write_article(
        &dir,
        "a.txt",
        "Officials in Dnepropetrovsk said the the convoy had left for the front.\n",
    );
    let out = translint()
        .args(["--lang", "en", "--fix", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let fixed = fs::read_to_string(&path).unwrap();
    assert!(fixed.starts_with("Officials in Dnipro said"), "{fixed}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let doubled = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "common.doubled-word")
        .expect("the doubled word remains");
    let start = doubled["span"]["start"].as_u64().unwrap() as usize;
    let end = doubled["span"]["end"].as_u64().unwrap() as usize;
    assert_eq!(&fixed[start..end], doubled["text"].as_str().unwrap());
    let column = doubled["start"]["column"].as_u64().unwrap() as usize;
    assert_eq!(column, fixed[..start].chars().count() + 1);
}
