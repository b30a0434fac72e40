//! `echo` rules: MT stutter that re-uses a neighbouring word with a prefix the sentence does not
//! need — "a fresh attempt to re-attempt the talks", "to re-relaunch the relaunch".
//!
//! Two signals, from the document itself and a per-language prefix list: a prefix written twice
//! ("re-relaunch", "rere…"), and a hyphenated prefix word whose stem stands a few words away in the
//! same sentence with no conjunction or comma between them ("elected … and re-elected" is a
//! contrast, not a stutter).

use super::Check;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::RuleMeta;
use std::collections::{HashMap, HashSet};

/// Per-language data of echo detection.
#[derive(Clone, Debug, Default)]
pub struct EchoLanguage {
    /// Lowercase prefixes (`re`, `un`, `wieder`, `ré`, `пере`).
    pub prefixes: Vec<String>,
    /// Lowercase words that join two parts of a contrast (`and`, `or`, `und`, `et`, `и`).
    pub conjunctions: HashSet<String>,
}

/// Finds prefix stutters.
pub struct EchoCheck {
    /// Language code → data (merged with `*`); `*` is the fallback.
    pub languages: HashMap<String, EchoLanguage>,
    /// How many words apart the stem may stand.
    pub window: usize,
}

/// The shortest stem an echo may re-use.
const MIN_STEM: usize = 4;

impl Check for EchoCheck {
    fn check(&self, rule: &RuleMeta, doc: &Document, out: &mut Vec<Diagnostic>) {
        let Some(language) = doc
            .language()
            .and_then(|l| self.languages.get(l))
            .or_else(|| self.languages.get("*"))
        else {
            return;
        };
        let prose = doc.prose();
        let words = doc.words();
        let sentences = doc.sentences();
        let mut sentence = 0;
        for (i, w) in words.iter().enumerate() {
            while sentence < sentences.len() && sentences[sentence].end <= w.span.start {
                sentence += 1;
            }
            let Some(range) = sentences.get(sentence) else {
                break;
            };
            let text = &prose[w.span.clone()];
            // A hyphenated prefix is two words for the scanner: "re" + "-" + "attempt".
            let hyphenated = words
                .get(i + 1)
                .filter(|n| &prose[w.span.end..n.span.start] == "-");
            // Inside a compound ("year-over-year") a prefix is no prefix.
            let in_compound = i > 0 && prose[words[i - 1].span.end..w.span.start] == *"-";
            let Some(next) = hyphenated.filter(|_| !in_compound) else {
                continue;
            };
            let lower = text.to_lowercase();
            for prefix in &language.prefixes {
                if lower != *prefix {
                    continue;
                }
                let (stem_word, span_end) =
                    (prose[next.span.clone()].to_lowercase(), next.span.end);
                let span = w.span.start..span_end;
                let matched = &prose[span.clone()];
                // "re-relaunch", "rerelaunch": the prefix twice.
                if stem_word.starts_with(prefix.as_str())
                    && stem_word.chars().count() >= prefix.chars().count() + MIN_STEM
                {
                    let mut d = rule.diagnostic(span, matched, None);
                    d.message = format!("'{matched}' repeats the prefix '{prefix}'");
                    out.push(d);
                    break;
                }
                if stem_word.chars().count() < MIN_STEM {
                    continue;
                }
                // "attempt to re-attempt": the stem a few words away, nothing coordinating between.
                let lo = i.saturating_sub(self.window);
                let hi = (i + 2 + self.window).min(words.len());
                let echo = (lo..hi).filter(|&j| j != i && j != i + 1).find(|&j| {
                    let other = &words[j];
                    if other.span.start < range.start || other.span.end > range.end {
                        return false;
                    }
                    let other_text = prose[other.span.clone()].to_lowercase();
                    let same = other_text == stem_word
                        || (other_text.starts_with(&stem_word)
                            && other_text.len() <= stem_word.len() + 3);
                    let (a, b) = if j < i { (j, i) } else { (i + 1, j) };
                    let between = &prose[words[a].span.end..words[b].span.start];
                    let coordinated = between.contains([',', ';', '/', '('])
                        || (a + 1..b).any(|k| {
                            language
                                .conjunctions
                                .contains(&prose[words[k].span.clone()].to_lowercase())
                        });
                    same && !coordinated
                });
                if let Some(j) = echo {
                    let mut d = rule.diagnostic(span, matched, None);
                    d.message = format!(
                        "'{matched}' echoes '{}' nearby: a machine-translation stutter?",
                        &prose[words[j].span.clone()]
                    );
                    d.labels
                        .push(RuleMeta::label(words[j].span.clone(), "the same stem here"));
                    out.push(d);
                    break;
                }
            }
        }
    }
}
