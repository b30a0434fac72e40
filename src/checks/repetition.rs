//! `repetition` rules: a word written twice in a row ("the the"), also across one line break.

use super::Check;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::RuleMeta;
use std::collections::{HashMap, HashSet};

/// Flags doubled words, with per-language exceptions.
pub struct RepetitionCheck {
    /// Language code (or `*`) → lowercase words that may be doubled.
    pub exceptions: HashMap<String, HashSet<String>>,
    /// Language code (or `*`) → lowercase words that may be doubled at the start of a clause:
    /// after a comma or other clause punctuation, at a sentence start, or after a clause word.
    pub allowed_after_comma: HashMap<String, HashSet<String>>,
    /// Language code (or `*`) → lowercase words that open a clause (`und`, `oder`).
    pub clause_words: HashMap<String, HashSet<String>>,
}

impl RepetitionCheck {
    /// Whether the text before `start` ends a clause: clause punctuation, a sentence or paragraph
    /// start, or a clause word.
    fn at_clause_start(&self, prose: &str, language: Option<&str>, start: usize) -> bool {
        let before = prose[..start].trim_end();
        if before.is_empty()
            || before.ends_with([
                ',', ';', ':', '–', '—', '(', '.', '!', '?', '"', '„', '«', '“',
            ])
        {
            return true;
        }
        let previous = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default();
        Self::listed(&self.clause_words, language, &previous.to_lowercase())
    }

    fn listed(map: &HashMap<String, HashSet<String>>, language: Option<&str>, word: &str) -> bool {
        let in_list = |key: &str| map.get(key).is_some_and(|words| words.contains(word));
        in_list("*") || language.is_some_and(in_list)
    }
}

impl Check for RepetitionCheck {
    fn check(&self, rule: &RuleMeta, doc: &Document, out: &mut Vec<Diagnostic>) {
        let prose = doc.prose();
        let language = doc.language();
        for pair in doc.words().windows(2) {
            let (first, second) = (&pair[0].span, &pair[1].span);
            let (a, b) = (&prose[first.clone()], &prose[second.clone()]);
            if a.len() != b.len() && a.chars().count() != b.chars().count() {
                continue;
            }
            let gap = &prose[first.end..second.start];
            // The source between the words must be white space too: no table pipe, list marker,
            // entity or markup that the prose mask blanked out.
            let source_gap = &doc.source()[first.end..second.start];
            if gap.is_empty()
                || !source_gap.chars().all(char::is_whitespace)
                || !gap.chars().all(char::is_whitespace)
                || gap.matches('\n').count() > 1
            {
                continue;
            }
            if !eq_ignore_case(a, b) || a.chars().all(char::is_numeric) {
                continue;
            }
            // A headline ending in the word that starts the next line ("…landfills\nLandfills of…").
            if gap.contains('\n') && starts_upper(b) {
                continue;
            }
            // "in in-depth", "что что-то": the second word is the start of a hyphenated compound.
            if continues_with_hyphen(&prose[second.end..]) {
                continue;
            }
            // "Bora Bora", "Baden Baden": two capitalised words are a name, not a stutter.
            if starts_upper(a) && starts_upper(b) {
                continue;
            }
            let lower = a.to_lowercase();
            if Self::listed(&self.exceptions, language, &lower) {
                continue;
            }
            if Self::listed(&self.allowed_after_comma, language, &lower)
                && self.at_clause_start(prose, language, first.start)
            {
                continue;
            }
            let mut diagnostic = rule.diagnostic(
                second.clone(),
                b,
                Some((first.end..second.end, String::new())),
            );
            diagnostic
                .labels
                .push(RuleMeta::label(first.clone(), "first written here"));
            out.push(diagnostic);
        }
    }
}

fn continues_with_hyphen(rest: &str) -> bool {
    let mut chars = rest.chars();
    matches!(chars.next(), Some('-' | '‑')) && chars.next().is_some_and(char::is_alphanumeric)
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn eq_ignore_case(a: &str, b: &str) -> bool {
    a == b
        || a.chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase))
}
