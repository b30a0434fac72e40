//! Running the `translint` binary and reading what it printed.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

pub fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `translint` with colours off, run from the test's own working directory.
pub fn translint() -> Command {
    let mut cmd = Command::cargo_bin("translint").expect("the translint binary is built");
    cmd.env("NO_COLOR", "1");
    cmd
}

/// `translint` with colours off, run from `dir`.
pub fn translint_in(dir: &Path) -> Command {
    let mut cmd = translint();
    cmd.current_dir(dir);
    cmd
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// stdout and stderr together, for messages whose stream is not part of the contract.
    pub fn all_output(&self) -> String {
        format!("{}\n{}", self.stdout, self.stderr)
    }
}

pub fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("translint runs");
    Run {
        code: out.status.code().expect("translint exits normally"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// Runs with `--format json`, returns the exit code and the parsed report.
pub fn run_json(cmd: &mut Command) -> (i32, Value) {
    cmd.args(["--format", "json"]);
    let r = run(cmd);
    let report: Value = serde_json::from_str(&r.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
            r.stdout, r.stderr
        )
    });
    (r.code, report)
}

pub fn diagnostics(report: &Value) -> &Vec<Value> {
    report["diagnostics"]
        .as_array()
        .expect("diagnostics is an array")
}

pub fn num(v: &Value) -> u64 {
    v.as_u64().unwrap_or_else(|| panic!("not a number: {v}"))
}

/// (line, column) of a JSON position.
pub fn pos(v: &Value) -> (u64, u64) {
    (num(&v["line"]), num(&v["column"]))
}

/// A fresh temporary folder whose name starts with `prefix` (one per test crate).
pub fn temp_dir(prefix: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(prefix)
        .tempdir()
        .expect("temp dir")
}
