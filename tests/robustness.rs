//! Generated junk in every input format, through every output format, with --cross-file and
//! --fix: translint never panics, exits 0, 1 or 2, and a second --fix finds nothing left to fix.

mod common;

use common::cli::{run, temp_dir, translint_in};
use std::path::Path;

/// Pieces that exercise the input adapters, directives, names, titles and repairs.
const PIECES: &[&str] = &[
    "Kiev",
    "the the",
    "Zelensky",
    "Selenskyj",
    "<p>",
    "</p>",
    "<!-- translint-disable",
    " -->",
    "<!-- translint-enable -->",
    "\n# translint-disable-next-line names\n",
    "&amp;",
    "&#8217;",
    "&eacute;",
    "<script>",
    "</script>",
    "\r\n",
    "\n\n",
    "Министр иностранных дел Сергей Лавров",
    "Лаврова",
    "é",
    "\u{301}",
    "\u{feff}",
    "日本",
    "**x**",
    "`code`",
    "[link](http://x.org)",
    "Ã©",
    "{0}",
    "%s",
    "Foreign Minister Hakon Veldt",
    "Veldtt",
    "«",
    "»",
    "\"",
    "(",
    ")",
    "<b",
    "<",
    ">",
    "&",
    "translint-",
    "---\ntitle: x\n---\n",
    "\t",
    " ",
    ". ",
    "A",
    "Über",
    "28. Mai",
    "Kyiv",
    "Vledt",
    "re-re-launch",
];

/// A small deterministic generator (64-bit LCG), so failures reproduce.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn write_junk(dir: &Path, seed: u64) {
    let mut rng = Lcg(seed);
    for i in 0..12 {
        let ext = ["txt", "md", "html", "htm"][rng.below(4)];
        let mut text = String::new();
        for _ in 0..rng.below(150) {
            text.push_str(PIECES[rng.below(PIECES.len())]);
            text.push_str(["", " ", " word "][rng.below(3)]);
        }
        std::fs::write(dir.join(format!("f{i}.{ext}")), text).unwrap();
    }
}

#[test]
fn junk_never_panics_in_any_format() {
    for seed in 1..=4 {
        let dir = temp_dir("robust");
        write_junk(dir.path(), seed);
        for format in translint::config::OUTPUT_FORMATS {
            let r = run(translint_in(dir.path()).args(["--cross-file", "--format", format, "."]));
            assert!(
                matches!(r.code, 0..=2) && !r.stderr.contains("panicked"),
                "seed {seed}, {format}: exit {}\n{}",
                r.code,
                r.stderr
            );
        }
    }
}

#[test]
fn fixing_junk_twice_finds_nothing_the_second_time() {
    for seed in 5..=8 {
        let dir = temp_dir("robust-fix");
        write_junk(dir.path(), seed);
        let r = run(translint_in(dir.path()).args(["--fix", "."]));
        assert!(!r.stderr.contains("panicked"), "seed {seed}: {}", r.stderr);
        let r = run(translint_in(dir.path()).args(["--diff", "."]));
        assert!(
            r.stderr.contains("0 fixes would be applied"),
            "seed {seed}: {}{}",
            r.stdout,
            r.stderr
        );
    }
}
