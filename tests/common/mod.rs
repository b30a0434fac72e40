//! Scoring a built-in rule on a labelled set under `eval/`: each article marks the spans the rule
//! should find with ⟦ ⟧; the markers are removed and a finding counts as correct when its span
//! overlaps a marked span.
//!
//! Also the helpers shared by the integration tests: [`cli`] for running the binary, [`lint`] for
//! the library API.

// Each test crate uses a different subset of these helpers.
#![allow(dead_code)]

pub mod cli;
pub mod lint;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use translint::input::Format;
use translint::rules::load_builtin;
use translint::{Document, Linter};

/// The text without markers, and the byte ranges the markers enclosed.
pub fn strip_markers(marked: &str) -> (String, Vec<Range<usize>>) {
    let mut text = String::with_capacity(marked.len());
    let mut gold = Vec::new();
    let mut open = None;
    for c in marked.chars() {
        match c {
            '⟦' => open = Some(text.len()),
            '⟧' => {
                if let Some(start) = open.take() {
                    gold.push(start..text.len());
                }
            }
            _ => text.push(c),
        }
    }
    (text, gold)
}

#[derive(Default, Debug)]
pub struct Score {
    /// Articles, clean ones, marked spans, marked spans found, findings, correct findings.
    pub articles: usize,
    pub clean: usize,
    pub gold: usize,
    pub found_gold: usize,
    pub flags: usize,
    pub correct_flags: usize,
}

impl Score {
    fn add(&mut self, other: &Score) {
        self.articles += other.articles;
        self.clean += other.clean;
        self.gold += other.gold;
        self.found_gold += other.found_gold;
        self.flags += other.flags;
        self.correct_flags += other.correct_flags;
    }

    pub fn precision(&self) -> f64 {
        if self.flags == 0 {
            1.0
        } else {
            self.correct_flags as f64 / self.flags as f64
        }
    }

    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.found_gold as f64 / self.gold as f64
        }
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Scores the built-in rule `rule_id` on every `<lang>/*.txt` under `eval/<set>` and prints a table.
pub fn evaluate(set: &str, rule_id: &str) -> Score {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval").join(set);
    let mut rules = load_builtin().expect("built-in rules load");
    // Share name data first, as the command line does before --select: the title rule reads
    // people through the name-drift rule's data (Russian case endings), which `retain` drops.
    rules.link();
    rules.retain(|r| &*r.meta.id == rule_id);
    let linter = Linter::new(rules);
    let mut by_language: BTreeMap<String, Score> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut false_flags = Vec::new();
    let mut languages: Vec<_> = std::fs::read_dir(&root)
        .expect("eval/names exists")
        .flatten()
        .filter(|e| e.path().is_dir())
        .collect();
    languages.sort_by_key(|e| e.path());
    for language in languages {
        let lang = language.file_name().to_string_lossy().to_string();
        let mut files: Vec<_> = std::fs::read_dir(language.path())
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for file in files
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        {
            let marked = std::fs::read_to_string(&file).unwrap();
            let (text, gold) = strip_markers(&marked);
            let doc = Document::from_text(
                file.display().to_string(),
                text.clone(),
                Format::Text,
                Some(&lang),
            );
            let found = linter.lint(&doc);
            let score = by_language.entry(lang.clone()).or_default();
            score.articles += 1;
            score.clean += usize::from(gold.is_empty());
            score.gold += gold.len();
            for g in &gold {
                if found.iter().any(|d| overlaps(&d.span, g)) {
                    score.found_gold += 1;
                } else {
                    misses.push(format!("{}: missed '{}'", file.display(), &text[g.clone()]));
                }
            }
            for d in &found {
                score.flags += 1;
                if gold.iter().any(|g| overlaps(&d.span, g)) {
                    score.correct_flags += 1;
                } else {
                    false_flags.push(format!("{}: {}", file.display(), d.message));
                }
            }
        }
    }
    let mut total = Score::default();
    println!("\n{rule_id} on eval/{set}");
    println!(
        "{:<6} {:>8} {:>6} {:>6} {:>6} {:>10} {:>7}",
        "lang", "articles", "clean", "gold", "flags", "precision", "recall"
    );
    for (lang, s) in &by_language {
        println!(
            "{lang:<6} {:>8} {:>6} {:>6} {:>6} {:>10.3} {:>7.3}",
            s.articles,
            s.clean,
            s.gold,
            s.flags,
            s.precision(),
            s.recall()
        );
        total.add(s);
    }
    println!(
        "{:<6} {:>8} {:>6} {:>6} {:>6} {:>10.3} {:>7.3}",
        "all",
        total.articles,
        total.clean,
        total.gold,
        total.flags,
        total.precision(),
        total.recall()
    );
    for line in misses.iter().chain(&false_flags) {
        println!("  {line}");
    }
    total
}
