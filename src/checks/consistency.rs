//! `consistency` rules: either-or spellings; the minority form in a document is flagged.

use super::literal::{preserve_case, LiteralSet};
use super::Check;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::RuleMeta;
use std::ops::Range;

/// One spelling family: its alternatives (`Белоруссия|Белоруссии`), matched as one form.
pub struct Family {
    pub forms: Vec<String>,
}

/// One either-or set of spelling families.
pub struct ConsistencySet {
    families: Vec<Family>,
    matcher: LiteralSet,
    case_sensitive: bool,
}

impl ConsistencySet {
    /// A set of families (compiled on first use).
    pub fn new(families: Vec<Family>, case_sensitive: bool) -> Self {
        let matcher = LiteralSet::new(
            families
                .iter()
                .flat_map(|f| f.forms.iter().map(String::as_str)),
            case_sensitive,
        );
        ConsistencySet {
            families,
            matcher,
            case_sensitive,
        }
    }

    /// The family and alternative index of a matched text.
    fn locate(&self, matched: &str) -> Option<(usize, usize)> {
        self.families.iter().enumerate().find_map(|(f, family)| {
            family
                .forms
                .iter()
                .position(|form| {
                    if self.case_sensitive {
                        form == matched
                    } else {
                        form.to_lowercase() == matched.to_lowercase()
                    }
                })
                .map(|i| (f, i))
        })
    }
}

/// Flags every use of a spelling family other than the document's dominant one.
pub struct ConsistencyCheck {
    pub sets: Vec<ConsistencySet>,
}

struct Occurrence {
    span: Range<usize>,
    family: usize,
    alternative: usize,
}

impl Check for ConsistencyCheck {
    fn check(&self, rule: &RuleMeta, doc: &Document, out: &mut Vec<Diagnostic>) {
        let prose = doc.prose();
        for set in &self.sets {
            let occurrences: Vec<Occurrence> = set
                .matcher
                .find_words(prose)
                .filter_map(|span| {
                    let (family, alternative) = set.locate(&prose[span.clone()])?;
                    Some(Occurrence {
                        span,
                        family,
                        alternative,
                    })
                })
                .collect();
            let Some(winner) = dominant(&occurrences, set.families.len()) else {
                continue;
            };
            let first_winner = occurrences
                .iter()
                .find(|o| o.family == winner)
                .map(|o| o.span.clone());
            let winner_forms = &set.families[winner].forms;
            for o in occurrences.iter().filter(|o| o.family != winner) {
                let matched = &prose[o.span.clone()];
                let loser_forms = &set.families[o.family].forms;
                // Inflected families map position by position when they are aligned; otherwise
                // only the base form has a known replacement.
                let target = if loser_forms.len() == winner_forms.len() {
                    Some(&winner_forms[o.alternative])
                } else if o.alternative == 0 {
                    Some(&winner_forms[0])
                } else {
                    None
                };
                let replacement =
                    target.map(|t| preserve_case(matched, &loser_forms[o.alternative], t));
                let shown = replacement
                    .clone()
                    .unwrap_or_else(|| winner_forms[0].clone());
                let mut d = rule.diagnostic(
                    o.span.clone(),
                    matched,
                    replacement.map(|r| (o.span.clone(), r)),
                );
                d.message = RuleMeta::render(&rule.message, matched, Some(&shown));
                if let Some(first) = &first_winner {
                    d.labels.push(RuleMeta::label(
                        first.clone(),
                        format!("first written as '{}' here", &prose[first.clone()]),
                    ));
                }
                out.push(d);
            }
        }
    }
}

/// The family used most often (ties: the one used first), if more than one family occurs.
fn dominant(occurrences: &[Occurrence], families: usize) -> Option<usize> {
    let mut counts = vec![0usize; families];
    let mut first_seen = vec![usize::MAX; families];
    for (i, o) in occurrences.iter().enumerate() {
        counts[o.family] += 1;
        first_seen[o.family] = first_seen[o.family].min(i);
    }
    if counts.iter().filter(|&&c| c > 0).count() < 2 {
        return None;
    }
    (0..families).filter(|&f| counts[f] > 0).max_by(|&a, &b| {
        counts[a]
            .cmp(&counts[b])
            .then(first_seen[b].cmp(&first_seen[a]))
    })
}
