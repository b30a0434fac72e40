//! Finds URLs and e-mail addresses, which are not prose.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>()\[\]{}]+|\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",
    )
    .expect("URL regex is valid")
});

/// Byte ranges of URLs and e-mail addresses in `text`, without trailing sentence punctuation.
pub fn find(text: &str) -> Vec<Range<usize>> {
    URL.find_iter(text)
        .map(|m| {
            let trimmed = m
                .as_str()
                .trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '"']);
            m.start()..m.start() + trimmed.len()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_urls_and_emails_without_trailing_punctuation() {
        let text = "See https://example.org/a?b=1. Or www.bbc.co.uk, or write to desk@paper.de.";
        let found: Vec<_> = find(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            found,
            [
                "https://example.org/a?b=1",
                "www.bbc.co.uk",
                "desk@paper.de"
            ]
        );
    }

    #[test]
    fn ordinary_prose_has_no_urls() {
        assert!(find("The U.S. and the E.U. met in Kyiv at 3.30 p.m.").is_empty());
    }
}
