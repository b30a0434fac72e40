//! Precision and recall of name-drift detection on the labelled articles under `eval/names/` (the
//! development set) and `eval/names-holdout/` (the held-out set); see docs/evaluation.md. Run with
//! `cargo test --release --test eval_names -- --nocapture` to see the tables.

mod common;

use common::{evaluate, strip_markers};

/// The development set: built first and used while refining the detector.
#[test]
fn name_drift_precision_and_recall() {
    let total = evaluate("names", "names.drift");
    assert!(
        total.articles >= 40,
        "the labelled set has at least 40 articles"
    );
    assert!(
        total.clean * 2 >= total.articles,
        "at least half of the articles are clean"
    );
    assert!(
        total.precision() >= 0.95,
        "precision {:.3} is below 0.95",
        total.precision()
    );
    assert!(
        total.recall() >= 0.90,
        "recall {:.3} is below 0.90",
        total.recall()
    );
}

/// The held-out set: written by someone who saw neither the detector nor the development set, and
/// never used to change the detector. Its floors are looser than the targets on purpose: they
/// catch regressions, the printed figures are what we report.
#[test]
fn name_drift_on_the_held_out_set() {
    let total = evaluate("names-holdout", "names.drift");
    assert!(
        total.articles >= 24,
        "the held-out set has at least 24 articles"
    );
    assert!(
        total.precision() >= 0.80,
        "held-out precision {:.3}",
        total.precision()
    );
    assert!(
        total.recall() >= 0.70,
        "held-out recall {:.3}",
        total.recall()
    );
}

#[test]
fn markers_are_stripped_with_byte_ranges() {
    let (text, gold) = strip_markers("Veldt met ⟦Veld⟧ and ⟦Łukasz⟧.");
    assert_eq!(text, "Veldt met Veld and Łukasz.");
    assert_eq!(
        gold.iter().map(|g| &text[g.clone()]).collect::<Vec<_>>(),
        ["Veld", "Łukasz"]
    );
}
