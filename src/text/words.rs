//! A word scanner: one pass over the text, no regex.

use std::ops::Range;

/// A word token: a byte range into the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub span: Range<usize>,
}

/// Whether `c` can be part of a word (letters, digits and combining marks).
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    super::script::in_letter_block(c) || c.is_alphanumeric() || is_combining_mark(c)
}

/// Combining diacritics that follow a base letter in decomposed text.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Apostrophes that join the parts of one word (`don't`, `O'Neill`, `l'État`).
fn is_inner_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Splits `text` into words. An apostrophe between two word characters stays inside the word.
pub fn scan(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_word_char(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start {
            let next_is_word = chars.peek().is_some_and(|&(_, n)| is_word_char(n));
            if is_inner_apostrophe(c) && next_is_word {
                continue;
            }
            words.push(Word { span: s..i });
            start = None;
        }
    }
    if let Some(s) = start {
        words.push(Word {
            span: s..text.len(),
        });
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        scan(text).into_iter().map(|w| &text[w.span]).collect()
    }

    #[test]
    fn splits_on_spaces_and_punctuation() {
        assert_eq!(
            texts("Talks in Kyiv, resumed."),
            ["Talks", "in", "Kyiv", "resumed"]
        );
    }

    #[test]
    fn keeps_inner_apostrophes_and_diacritics() {
        assert_eq!(
            texts("O'Neill don’t l'État"),
            ["O'Neill", "don’t", "l'État"]
        );
        assert_eq!(texts("'quoted'"), ["quoted"]);
        assert_eq!(texts("Łukaszewski Gonçalves"), ["Łukaszewski", "Gonçalves"]);
    }

    #[test]
    fn handles_cyrillic_greek_and_combining_marks() {
        assert_eq!(texts("Сергей Лавров, Αθήνα"), ["Сергей", "Лавров", "Αθήνα"]);
        assert_eq!(texts("Gonc\u{327}alves x"), ["Gonc\u{327}alves", "x"]);
    }

    #[test]
    fn hyphen_separates_words() {
        assert_eq!(texts("Jae-myung"), ["Jae", "myung"]);
    }
}
