//! Cost of each built-in rule on clean news, next to running language detection on every sentence.
//! Not part of the normal test run:
//!
//! ```sh
//! python3 bench/make_corpus.py human
//! cargo test --release --test bench_detectors -- --ignored --nocapture
//! ```
//!
//! Reads target/corpus/human (written by bench/make_corpus.py; skipped with a message when absent;
//! `BENCH_CORPUS=mt` reads target/corpus/mt, the machine translations, instead),
//! prepares every document and its shared analyses (words, sentences) first, then times each rule
//! alone over all documents, best of three runs.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use translint::input::Format;
use translint::rules::load_builtin;
use translint::text::language;
use translint::Document;

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

fn best_of_three(mut run: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[test]
#[ignore = "benchmark: run with --release --ignored --nocapture"]
fn rule_costs_on_clean_news() {
    let corpus = std::env::var("BENCH_CORPUS").unwrap_or_else(|_| "human".to_string());
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/corpus")
        .join(corpus);
    let mut paths = Vec::new();
    files(&root, &mut paths);
    if paths.is_empty() {
        println!(
            "skipped: {} is empty; run bench/make_corpus.py human first",
            root.display()
        );
        return;
    }
    paths.sort();
    let docs: Vec<Document> = paths
        .iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            Some(Document::from_text(
                p.display().to_string(),
                text,
                Format::Text,
                None,
            ))
        })
        .collect();
    let mut sentences = 0;
    for doc in &docs {
        doc.words();
        sentences += doc.sentences().len();
    }
    let whatlang = best_of_three(|| {
        for doc in &docs {
            for s in doc.sentences() {
                std::hint::black_box(language::detect(&doc.prose()[s.clone()]));
            }
        }
    });
    println!(
        "{} documents, {} sentences; whatlang on every sentence: {:.1} ms",
        docs.len(),
        sentences,
        whatlang.as_secs_f64() * 1000.0
    );
    println!("{:32} {:>9} {:>12}", "rule", "ms", "of whatlang");
    let rules = load_builtin().expect("built-in rules load");
    for rule in rules.rules() {
        let mut found = 0;
        let cost = best_of_three(|| {
            found = 0;
            for doc in &docs {
                if rule.meta.applies_to(doc.language()) {
                    let mut out = Vec::new();
                    rule.check(doc, &mut out);
                    found += out.len();
                }
            }
        });
        println!(
            "{:32} {:9.2} {:11.1}%   ({found} flags)",
            &*rule.meta.id,
            cost.as_secs_f64() * 1000.0,
            100.0 * cost.as_secs_f64() / whatlang.as_secs_f64()
        );
    }
}
