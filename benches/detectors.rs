//! Criterion benchmarks: each detector kind alone, and whole-document linting with the full default
//! rule set, on a small (about 2 KB) and a large (about 1 MB) English input.
//!
//! ```sh
//! cargo bench --bench detectors               # everything
//! cargo bench --bench detectors -- 'lint/'    # whole-document linting only
//! ```
//!
//! The inputs are real machine-translated articles from `../shared/data/news` (the large one is
//! many articles joined by blank lines). Without `../shared` the bundled `examples/article.md`
//! stands in (repeated for the large input), with a message.
//!
//! Per-detector figures are measured on documents whose shared analyses (words, sentences, names)
//! are already computed, so they are the detector's own cost; `lint/*` includes everything from the
//! text: prose mask, language detection, analyses and every applicable rule.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::path::Path;
use std::time::Duration;
use translint::input::Format;
use translint::rules::{load_builtin, RuleKind};
use translint::{Document, Linter};

const SMALL: usize = 2 * 1024;
const LARGE: usize = 1024 * 1024;

/// English machine-translated articles of `../shared/data/news`, or `None` when it is absent.
fn shared_articles() -> Option<Vec<String>> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/news/wmt21_mt_docs.jsonl");
    let text = std::fs::read_to_string(&path).ok()?;
    let articles: Vec<String> = text
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|doc| doc["lang"] == "en")
        .filter_map(|doc| {
            let segments = doc["segments"].as_array()?;
            let lines: Vec<&str> = segments.iter().filter_map(|s| s.as_str()).collect();
            Some(lines.join("\n") + "\n")
        })
        .collect();
    (!articles.is_empty()).then_some(articles)
}

/// The small and the large input.
fn inputs() -> (String, String) {
    let articles = shared_articles().unwrap_or_else(|| {
        eprintln!("../shared/data/news not found: benchmarking examples/article.md instead");
        vec![include_str!("../examples/article.md").to_string()]
    });
    // The article closest to 2 KB.
    let small = articles
        .iter()
        .min_by_key(|a| a.len().abs_diff(SMALL))
        .cloned()
        .unwrap_or_default();
    let mut large = String::new();
    for article in articles.iter().cycle() {
        if large.len() >= LARGE {
            break;
        }
        large.push_str(article);
        large.push('\n');
    }
    (small, large)
}

fn document(text: &str) -> Document {
    Document::from_text("bench.txt", text.to_string(), Format::Text, None)
}

fn benches(c: &mut Criterion) {
    let linter = Linter::new(load_builtin().expect("built-in rules load"));
    let (small, large) = inputs();
    let inputs = [("small", small), ("large", large)];

    let mut whole = c.benchmark_group("lint");
    whole.sample_size(10).warm_up_time(Duration::from_secs(1));
    for (name, text) in &inputs {
        whole.throughput(Throughput::Bytes(text.len() as u64));
        whole.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
            b.iter(|| linter.lint(&document(text)))
        });
    }
    whole.finish();

    // Documents with their analyses and every lazily compiled regex ready.
    let docs: Vec<(&str, Document)> = inputs
        .iter()
        .map(|(name, text)| {
            let doc = document(text);
            linter.lint(&doc);
            (*name, doc)
        })
        .collect();
    let mut group = c.benchmark_group("detector");
    group.sample_size(10).warm_up_time(Duration::from_secs(1));
    for kind in RuleKind::ALL {
        for (name, doc) in &docs {
            let rules: Vec<_> = linter
                .rules()
                .rules()
                .iter()
                .filter(|r| r.meta.kind == kind && r.meta.applies_to(doc.language()))
                .collect();
            if rules.is_empty() {
                continue;
            }
            group.throughput(Throughput::Bytes(doc.source().len() as u64));
            let id = BenchmarkId::new(kind.as_str(), name);
            group.bench_with_input(id, doc, |b, doc| {
                b.iter(|| {
                    let mut out = Vec::new();
                    for rule in &rules {
                        rule.check(doc, &mut out);
                    }
                    out
                })
            });
        }
    }
    group.finish();
}

criterion_group!(detectors, benches);
criterion_main!(detectors);
