//! HTML character references (`&amp;`, `&#8217;`, `&eacute;`) in a prose mask that must keep the
//! source's byte length.
//!
//! A reference is longer than the character it stands for, so:
//! - a word holding a reference that is part of the word (a letter, `don&#8217;t`, `&shy;`, or any
//!   reference not in the small table below) is blanked whole with the opaque filler: it is never
//!   linted, and the words around it never look adjacent;
//! - white space (`&nbsp;`) is padding followed by the decoded character;
//! - punctuation (`&ldquo;`, `&mdash;`, `&amp;`) is the decoded character next to the word it
//!   touches, padded on the other side (with spaces if that side is white space, else opaque).

use super::Mask;
use crate::text::words::is_word_char;
use std::ops::Range;

/// Named references decoded in place: white space and punctuation. Letters need no table: a
/// reference inside a word blanks the word.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("minus", '−'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("middot", '·'),
    ("bull", '•'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("sect", '§'),
    ("para", '¶'),
    ("times", '×'),
    ("divide", '÷'),
    ("plusmn", '±'),
    ("iexcl", '¡'),
    ("iquest", '¿'),
    ("shy", '\u{ad}'),
    ("zwj", '\u{200d}'),
    ("zwnj", '\u{200c}'),
];

/// One character or reference of a text run.
#[derive(Clone)]
struct Item {
    range: Range<usize>,
    /// The character, decoded for a reference; `None` for a reference not in the table.
    char: Option<char>,
    reference: bool,
}

impl Item {
    /// Whether the item can stand inside a word: letters, digits, apostrophes, invisible joiners,
    /// and unknown references.
    fn wordish(&self) -> bool {
        self.char.is_none_or(|c| {
            is_word_char(c) || is_apostrophe(c) || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200d}')
        })
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Reveals the text run `range` of `source` into `mask`, decoding or blanking references.
pub(super) fn reveal(source: &str, range: Range<usize>, mask: &mut Mask) {
    mask.reveal(range.clone());
    let run = &source[range.clone()];
    if !run.contains('&') {
        return;
    }
    let items = items(source, range.clone());
    let mut i = 0;
    while i < items.len() {
        if !items[i].wordish() {
            if items[i].reference {
                write_punctuation(source, &range, &items[i], mask);
            }
            i += 1;
            continue;
        }
        let start = i;
        while i < items.len() && items[i].wordish() {
            i += 1;
        }
        word(source, &range, &items[start..i], mask);
    }
}

/// A run of word-like items: blanked whole if it holds a reference inside the word; apostrophe
/// references at its edges are punctuation (closing quotes, `’90s`).
fn word(source: &str, run: &Range<usize>, items: &[Item], mask: &mut Mask) {
    let edge = |item: &Item| item.char.is_some_and(is_apostrophe);
    let lead = items.iter().take_while(|it| edge(it)).count();
    let trail = items[lead..].iter().rev().take_while(|it| edge(it)).count();
    let core = &items[lead..items.len() - trail];
    for item in items[..lead].iter().chain(&items[items.len() - trail..]) {
        if item.reference {
            write_punctuation(source, run, item, mask);
        }
    }
    if let (Some(first), Some(last)) = (core.first(), core.last()) {
        if core.iter().any(|it| it.reference) {
            mask.blank_opaque(first.range.start..last.range.end);
        }
    }
}

/// Writes a decoded white-space or punctuation reference of the text run `run` next to the word
/// it touches. The run's edges (tags) count as white space.
fn write_punctuation(source: &str, run: &Range<usize>, item: &Item, mask: &mut Mask) {
    let Some(c) = item.char else {
        mask.blank_opaque(item.range.clone());
        return;
    };
    let before = source[run.start..item.range.start].chars().next_back();
    let after = source[item.range.end..run.end].chars().next();
    let space = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || c == '&');
    let (right, pad_neighbour) = if c.is_whitespace() || (space(before) && !space(after)) {
        (true, before)
    } else {
        (false, after)
    };
    let opaque = !c.is_whitespace() && !space(pad_neighbour);
    mask.write_char(item.range.clone(), c, right, opaque);
}

/// The characters and references of `range`.
fn items(source: &str, range: Range<usize>) -> Vec<Item> {
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let rest = &source[i..range.end];
        if let Some((len, char)) = rest.strip_prefix('&').and_then(reference) {
            out.push(Item {
                range: i..i + 1 + len,
                char,
                reference: true,
            });
            i += 1 + len;
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push(Item {
            range: i..i + c.len_utf8(),
            char: Some(c),
            reference: false,
        });
        i += c.len_utf8();
    }
    out
}

/// A reference after its `&`: its length up to and including `;`, and the character when known.
fn reference(rest: &str) -> Option<(usize, Option<char>)> {
    let semi = rest.bytes().take(33).position(|b| b == b';')?;
    let body = &rest[..semi];
    let char = if let Some(number) = body.strip_prefix('#') {
        let value = match number.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()) => {
                u32::from_str_radix(hex, 16).ok()
            }
            None if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) => {
                number.parse().ok()
            }
            _ => return None,
        };
        value
            .and_then(char::from_u32)
            .filter(|c| !c.is_control() || c.is_whitespace())
    } else if !body.is_empty() && body.chars().all(|c| c.is_ascii_alphanumeric()) {
        NAMED.iter().find(|(n, _)| *n == body).map(|(_, c)| *c)
    } else {
        return None;
    };
    Some((semi + 1, char))
}

#[cfg(test)]
mod tests {
    use super::super::{prose, Format};

    fn mask(src: &str) -> String {
        let p = prose(src, Format::Html);
        assert_eq!(p.text.len(), src.len());
        p.text
    }

    #[test]
    fn references_inside_words_blank_the_word() {
        let src = "<p>the caf&eacute; don&#8217;t Bundes&shy;tag l&#x2019;&Eacute;tat ok</p>";
        let m = mask(src);
        assert!(m.contains("the "), "{m:?}");
        assert!(m.contains(" ok"), "{m:?}");
        for word in ["caf", "don", "Bundes", "tag", "tat"] {
            assert!(!m.contains(word), "{word} in {m:?}");
        }
        let start = src.find("caf").unwrap();
        assert!(m[start..start + 11].bytes().all(|b| b == 0x1a), "{m:?}");
    }

    #[test]
    fn punctuation_sits_next_to_its_word() {
        let m = mask("<p>&ldquo;Hello,&rdquo; she&nbsp;said &mdash; AT&amp;T&hellip;</p>");
        assert!(m.contains("“Hello,”"), "{m:?}");
        assert!(m.contains("she    \u{a0}said"), "{m:?}");
        assert!(m.contains("AT&\u{1a}\u{1a}\u{1a}\u{1a}T…"), "{m:?}");
        assert!(m.contains(" —     AT"), "{m:?}");
    }

    #[test]
    fn quotes_stay_balanced_around_apostrophe_references() {
        let m = mask("<p>&lsquo;Hello&rsquo; and &rsquo;90s</p>");
        assert!(m.contains("‘Hello’"), "{m:?}");
        assert!(m.contains("’90s"), "{m:?}");
    }

    #[test]
    fn malformed_references_are_text() {
        let m = mask("<p>R&D a & b; &#xZZ; &;</p>");
        assert!(m.contains("R&D"), "{m:?}");
        assert!(m.contains("a & b; &#xZZ; &;"), "{m:?}");
    }
}
