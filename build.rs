//! Embeds every rule file under `rules/` into the binary as the default rule set.

use std::fmt::Write;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

fn main() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let rules = root.join("rules");
    println!("cargo:rerun-if-changed=rules");
    let mut files = Vec::new();
    collect(&rules, &mut files);
    files.sort();
    let mut code = String::from("/// Built-in rule files: (path below rules/, contents).\npub static FILES: &[(&str, &str)] = &[\n");
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let relative = file
            .strip_prefix(&rules)
            .expect("below rules/")
            .to_string_lossy()
            .replace('\\', "/");
        writeln!(
            code,
            "    ({relative:?}, include_str!({:?})),",
            file.display().to_string()
        )
        .expect("write to string");
    }
    code.push_str("];\n");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out_dir.join("builtin_rules.rs"), code).expect("write generated file");
    let language = std::fs::read_to_string(rules.join("language").join("language.toml"))
        .expect("rules/language/language.toml");
    std::fs::write(out_dir.join("function_words.rs"), function_words(&language))
        .expect("write generated file");
}

/// The `[rule.function_words]` table of the language pack as Rust source, for the document
/// language vote (`text::language`), which runs before any rule is loaded. The table is one
/// `code = ["word", ...]` line per language; `text::language`'s tests check it against the pack.
fn function_words(pack: &str) -> String {
    let mut code = String::from(
        "/// The language pack's function words: (ISO 639-1 code, words).\n\
         pub static PACK_FUNCTION_WORDS: &[(&str, &[&str])] = &[\n",
    );
    let mut inside = false;
    for line in pack.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            inside = line == "[rule.function_words]";
            continue;
        }
        let Some((lang, list)) = line.split_once(" = [").filter(|_| inside) else {
            continue;
        };
        let words: Vec<&str> = list
            .trim_end_matches(']')
            .split(',')
            .map(|w| w.trim().trim_matches('"'))
            .filter(|w| !w.is_empty())
            .collect();
        writeln!(code, "    ({:?}, &{:?}),", lang.trim(), words).expect("write to string");
    }
    code.push_str("];\n");
    code
}
