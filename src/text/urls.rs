//! Finds URLs and e-mail addresses, which are not prose.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)(?:https?|ftp)://|(?-u:\b)www\.)[^\s<>()\[\]{}]+")
        .expect("URL regex is valid")
});

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
        .expect("e-mail regex is valid")
});

/// Byte ranges of URLs and e-mail addresses in `text`, without trailing sentence punctuation.
/// The regexes only run when the text contains `://`, `www.` or `@` at all.
pub fn find(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut collect = |regex: &Regex| {
        for m in regex.find_iter(text) {
            let trimmed = m
                .as_str()
                .trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '"']);
            found.push(m.start()..m.start() + trimmed.len());
        }
    };
    if text.contains("://") || text.contains("www.") || text.contains("WWW.") {
        collect(&URL);
    }
    if text.contains('@') {
        collect(&EMAIL);
    }
    found.sort_by_key(|r| r.start);
    found
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
