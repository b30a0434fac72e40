//! Word-bounded matching of literal phrases, shared by substitution and consistency rules.

use super::lazy::LazyRegex;
use crate::text::words::is_word_char;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::ops::Range;
use std::sync::OnceLock;

/// A set of literal phrases compiled into one automaton (on first use); matches must be whole words.
///
/// An Aho-Corasick automaton (cheap to build) finds the phrases wherever it matches exactly as the
/// regex alternation `phrase1|phrase2|…` (leftmost-first, longest phrase first) would: always
/// when case matters, and when it does not and every phrase is ASCII, in any text without the
/// two non-ASCII letters that Unicode case folding equates with ASCII ones (the Kelvin sign `K`
/// and the long `ſ`). Elsewhere the regex is compiled and used.
pub struct LiteralSet {
    /// The phrases, longest first.
    phrases: Vec<String>,
    case_sensitive: bool,
    /// Whether every phrase is ASCII.
    ascii: bool,
    regex: LazyRegex,
    automaton: OnceLock<AhoCorasick>,
}

/// Non-ASCII letters that case-insensitive matching equates with ASCII letters (`K` = `k`,
/// `ſ` = `s`).
const ASCII_FOLDS: [&str; 2] = ["\u{212A}", "\u{17F}"];

impl LiteralSet {
    /// A set of `phrases` (longest first, so `Kievan` beats `Kiev` where both are listed).
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a str>, case_sensitive: bool) -> Self {
        let mut phrases: Vec<&str> = phrases.into_iter().filter(|p| !p.is_empty()).collect();
        phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let alternation = phrases
            .iter()
            .map(|p| regex::escape(p))
            .collect::<Vec<_>>()
            .join("|");
        LiteralSet {
            ascii: phrases.iter().all(|p| p.is_ascii()),
            phrases: phrases.into_iter().map(str::to_string).collect(),
            case_sensitive,
            regex: LazyRegex::new(alternation, !case_sensitive),
            automaton: OnceLock::new(),
        }
    }

    /// The automaton, when it matches exactly as the regex would in `text`.
    fn automaton(&self, text: &str) -> Option<&AhoCorasick> {
        let exact =
            self.case_sensitive || (self.ascii && !ASCII_FOLDS.iter().any(|c| text.contains(c)));
        if !exact || self.phrases.is_empty() {
            return None;
        }
        Some(self.automaton.get_or_init(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostFirst)
                .ascii_case_insensitive(!self.case_sensitive)
                .build(&self.phrases)
                .expect("literal phrases build an automaton")
        }))
    }

    /// Matches in `text`, left to right, not overlapping.
    fn matches<'t>(&'t self, text: &'t str) -> Box<dyn Iterator<Item = Range<usize>> + 't> {
        match self.automaton(text) {
            Some(automaton) => Box::new(automaton.find_iter(text).map(|m| m.range())),
            None => Box::new(
                self.regex
                    .get()
                    .into_iter()
                    .flat_map(move |r| r.find_iter(text))
                    .map(|m| m.range()),
            ),
        }
    }

    /// Whole-word matches in `text`, left to right.
    pub fn find_words<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Range<usize>> + 't {
        self.matches(text)
            .filter(move |range| is_whole_word(text, range.clone()))
    }
}

/// Whether the characters on both sides of `range` are not word characters.
pub fn is_whole_word(text: &str, range: Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

/// Adapts `replacement` to the letter case of `matched` (`KIEV`→`KYIV`, `kiev`→`kyiv`, `Kiev`→`Kyiv`).
pub fn preserve_case(matched: &str, pattern: &str, replacement: &str) -> String {
    if matched == pattern {
        return replacement.to_string();
    }
    let letters: Vec<char> = matched.chars().filter(|c| c.is_alphabetic()).collect();
    let all_upper = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
    let all_lower = !letters.is_empty() && letters.iter().all(|c| c.is_lowercase());
    if all_upper {
        return replacement.to_uppercase();
    }
    if all_lower {
        return replacement.to_lowercase();
    }
    match (matched.chars().next(), replacement.chars().next()) {
        (Some(m), Some(r)) if m.is_uppercase() && r.is_lowercase() => r
            .to_uppercase()
            .chain(replacement.chars().skip(1))
            .collect(),
        _ => replacement.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_whole_words_only() {
        let set = LiteralSet::new(["Kiev"], false);
        let text = "Kiev, Kievan Rus, KIEV's, kiev";
        let found: Vec<_> = set.find_words(text).map(|r| &text[r]).collect();
        assert_eq!(found, ["Kiev", "KIEV", "kiev"]);
    }

    #[test]
    fn cyrillic_words_are_bounded_too() {
        let set = LiteralSet::new(["Киев"], true);
        assert_eq!(set.find_words("в Киеве и Киев.").count(), 1);
    }

    #[test]
    fn the_automaton_matches_as_the_regex() {
        let phrases = [
            "Kiev",
            "Kievan Rus",
            "kie",
            "Ukraine",
            "UKRAINE's",
            "Straße",
        ];
        let texts = [
            "Kiev, Kievan Rus, KIEV's, kiev, kievan rus, the ukraine, UKRAINE's, kie",
            "\u{212A}iev and Kiev",
            "die Straße, STRASSE, straße",
        ];
        for case_sensitive in [true, false] {
            for subset in [&phrases[..5], &phrases[..]] {
                let set = LiteralSet::new(subset.iter().copied(), case_sensitive);
                for text in texts {
                    let regex = set.regex.get().unwrap();
                    let expected: Vec<Range<usize>> =
                        regex.find_iter(text).map(|m| m.range()).collect();
                    assert_eq!(set.matches(text).collect::<Vec<_>>(), expected, "{text}");
                }
            }
        }
        // The Kelvin sign is a K when case does not matter, so the regex is used there.
        let set = LiteralSet::new(["kiev"], false);
        assert!(set.automaton("\u{212A}iev").is_none());
        assert_eq!(set.find_words("\u{212A}iev").count(), 1);
    }

    #[test]
    fn case_is_preserved() {
        assert_eq!(preserve_case("Kiev", "Kiev", "Kyiv"), "Kyiv");
        assert_eq!(preserve_case("KIEV", "Kiev", "Kyiv"), "KYIV");
        assert_eq!(preserve_case("kiev", "Kiev", "Kyiv"), "kyiv");
        assert_eq!(
            preserve_case("Etats-Unis", "etats-unis", "états-unis"),
            "États-unis"
        );
    }
}
