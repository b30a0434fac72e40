//! Name drift across the documents of one run (`--cross-file`): an entity spelled one way in some
//! articles and another way in others.
//!
//! Candidate pairs come from the deletion-neighbourhood index of [`candidate_pairs`], so the cost
//! grows with the number of distinct names, not with its square.

use super::{DocNames, NameDriftCheck};
use crate::diagnostic::{Diagnostic, Label};
use crate::document::Document;
use crate::rules::RuleMeta;
use crate::text::names::strip_clitic;
use crate::text::neighbours::candidate_pairs;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

/// One spelling of a name in one document.
struct Spelling {
    doc: usize,
    /// Index into the document's forms (the group's representative).
    form: usize,
    count: usize,
    first: Range<usize>,
}

/// Appends cross-document drift findings to `out`.
pub(super) fn check(
    check: &NameDriftCheck,
    rule: &RuleMeta,
    docs: &[&Document],
    out: &mut Vec<(usize, Diagnostic)>,
) {
    if docs.len() < 2 {
        return;
    }
    let names: Vec<Option<DocNames>> = docs.iter().map(|d| check.doc_names(d)).collect();
    let mut spellings: Vec<Spelling> = Vec::new();
    // Per document, every lowercase form it uses: a spelling a document also uses is not drift there.
    let mut used: Vec<HashSet<&str>> = Vec::with_capacity(docs.len());
    for (doc, n) in names.iter().enumerate() {
        let Some(n) = n else {
            used.push(HashSet::new());
            continue;
        };
        used.push(n.forms.iter().map(|f| f.lower.as_str()).collect());
        for group in n.groups.iter().filter(|g| g.strong) {
            let first = n.analysis.tokens[group.first_token].span.clone();
            let text = strip_clitic(&docs[doc].prose()[first.clone()]);
            spellings.push(Spelling {
                doc,
                form: group.representative,
                count: group.count,
                first: first.start..first.start + text.len(),
            });
        }
    }
    let form = |s: &Spelling| {
        &names[s.doc]
            .as_ref()
            .expect("spellings come from analysed documents")
            .forms[s.form]
    };

    // Popularity of each spelling across the batch: (documents, uses).
    let mut popularity: HashMap<&str, (usize, usize)> = HashMap::new();
    for s in &spellings {
        let entry = popularity.entry(form(s).lower.as_str()).or_default();
        entry.0 += 1;
        entry.1 += s.count;
    }

    let mut reported: HashSet<(usize, String)> = HashSet::new();
    let folded = spellings.iter().map(|s| vec![form(s).folded.as_str()]);
    for (a, b) in candidate_pairs(folded, check.thresholds.two_edit_length) {
        let (sa, sb) = (&spellings[a], &spellings[b]);
        if sa.doc == sb.doc {
            continue;
        }
        let (fa, fb) = (form(sa), form(sb));
        if fa.lower == fb.lower
            || used[sa.doc].contains(fb.lower.as_str())
            || used[sb.doc].contains(fa.lower.as_str())
        {
            continue;
        }
        let ending = names[sa.doc]
            .as_ref()
            .map_or(0, |n| n.language.ending_length)
            .max(
                names[sb.doc]
                    .as_ref()
                    .map_or(0, |n| n.language.ending_length),
            );
        if check
            .similar(&fa.lower, &fa.folded, &fb.lower, &fb.folded, ending)
            .is_none()
        {
            continue;
        }
        let rank = |s: &Spelling| {
            let (docs_using, uses) = popularity[form(s).lower.as_str()];
            (docs_using, uses, std::cmp::Reverse(s.doc))
        };
        let (minority, majority) = if rank(sa) < rank(sb) {
            (sa, sb)
        } else {
            (sb, sa)
        };
        let (fm, fj) = (form(minority), form(majority));
        if !reported.insert((minority.doc, fm.lower.clone())) {
            continue;
        }
        let (docs_using, _) = popularity[fj.lower.as_str()];
        let mut d = rule.diagnostic(
            minority.first.clone(),
            &fm.text,
            Some((minority.first.clone(), fj.text.clone())),
        );
        d.message = format!(
            "'{}' is written '{}' in {} of this batch",
            fm.text,
            fj.text,
            if docs_using == 1 {
                "another article".to_string()
            } else {
                format!("{docs_using} other articles")
            }
        );
        d.labels.push(Label {
            span: majority.first.clone(),
            message: format!("written '{}' here", fj.text),
            path: Some(Arc::from(docs[majority.doc].path())),
        });
        out.push((minority.doc, d));
    }
}
