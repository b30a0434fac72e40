//! The document language vote (`text::language::detect`) against whatlang over all its languages
//! (`text::language::whatlang`, the detector before the vote), on every real article of
//! ../shared/data/news (human and machine translations). The vote may answer where whatlang was
//! not confident, and may name Icelandic, which whatlang lacks; it must never name another
//! language where whatlang was confident.
//!
//! Ignored by default (it reads 20 MB and runs whatlang on every article; a few seconds in release
//! mode): `cargo test --release --test language_vote -- --ignored --nocapture`. Skips when
//! ../shared is absent.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;
use translint::input::Format;
use translint::text::language;
use translint::Document;

#[test]
#[ignore = "reads ../shared/data/news; run with --ignored in release mode"]
fn vote_agrees_with_confident_whatlang_on_the_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/news");
    if !root.is_dir() {
        eprintln!("skipped: {} not found", root.display());
        return;
    }
    let mut documents = 0usize;
    let mut contradictions = Vec::new();
    // (whatlang's answer, the vote's answer) -> documents where they differ.
    let mut changes: BTreeMap<(String, String), usize> = BTreeMap::new();
    for file in ["wmt21_human_docs.jsonl", "wmt21_mt_docs.jsonl"] {
        let Ok(text) = std::fs::read_to_string(root.join(file)) else {
            continue;
        };
        for line in text.lines() {
            let doc: Value = serde_json::from_str(line).expect("one JSON document per line");
            let segments: Vec<&str> = doc["segments"]
                .as_array()
                .expect("segments")
                .iter()
                .map(|s| s.as_str().expect("segment text"))
                .collect();
            let source = segments.join("\n") + "\n";
            let document = Document::from_text("a.txt", source, Format::Text, None);
            let voted = document.language().map(str::to_string);
            let full = language::whatlang(document.prose()).map(str::to_string);
            documents += 1;
            if voted != full {
                let show = |l: &Option<String>| l.clone().unwrap_or_else(|| "none".into());
                *changes.entry((show(&full), show(&voted))).or_default() += 1;
                // A confident whatlang answer may only give way to a language it does not know.
                if full.is_some() && voted.as_deref() != Some("is") {
                    contradictions.push(format!(
                        "{} ({}): whatlang {:?}, vote {:?}",
                        doc["doc_id"], doc["lang"], full, voted
                    ));
                }
            }
        }
    }
    // The labelled evaluation articles (en, de, fr, es, ru) of the repository.
    let mut files = Vec::new();
    collect(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("eval"),
        &mut files,
    );
    for path in files {
        let source = std::fs::read_to_string(&path).expect("UTF-8 article");
        let document = Document::from_text("a.txt", source, Format::Text, None);
        let voted = document.language().map(str::to_string);
        let full = language::whatlang(document.prose()).map(str::to_string);
        documents += 1;
        if voted != full {
            contradictions.push(format!(
                "{}: whatlang {full:?}, vote {voted:?}",
                path.display()
            ));
        }
    }
    eprintln!("{documents} documents; whatlang -> vote where they differ: {changes:?}");
    assert!(documents > 0, "no documents read");
    assert!(
        contradictions.is_empty(),
        "{} contradictions: {:#?}",
        contradictions.len(),
        &contradictions[..contradictions.len().min(20)]
    );
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}
