//! Word-bounded matching of literal phrases, shared by substitution and consistency rules.

use super::lazy::LazyRegex;
use crate::text::words::is_word_char;
use std::ops::Range;

/// A set of literal phrases compiled into one automaton (on first use); matches must be whole words.
pub struct LiteralSet {
    regex: LazyRegex,
}

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
            regex: LazyRegex::new(alternation, !case_sensitive),
        }
    }

    /// Whole-word matches in `text`, left to right.
    pub fn find_words<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Range<usize>> + 't {
        self.regex
            .get()
            .into_iter()
            .flat_map(move |r| r.find_iter(text))
            .filter(move |m| is_whole_word(text, m.range()))
            .map(|m| m.range())
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
