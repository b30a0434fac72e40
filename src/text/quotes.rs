//! Pairs quotation marks and brackets inside one block of prose, in the conventions of many
//! languages: “…” and ‘…’ (English), „…“ and ‚…‘ (German, Czech), „…” (Polish, Hungarian,
//! Romanian), ”…” (Swedish, Finnish), «…» (French, Russian, Spanish), »…« (German, Danish), ‹…›,
//! "…", 「…」 and 『…』 (Japanese, Chinese), and the brackets (), [], {}, （）, 【】, 《》, 〈〉, 〔〕.
//!
//! Apostrophes are not quotes: `'` is never paired, `’` only closes an open ‘ or ‚ and is otherwise
//! taken for an apostrophe (`don’t`, `students’`, `’90s`), and a `"` between two letters is a
//! mistyped apostrophe (`l"économie`). An inch or second mark after a digit (`12"`) is not a quote.

use std::ops::Range;

/// A kind of paired punctuation. Marks only pair with marks of their own family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    /// `"`, `“`, `”`, `„`.
    Double,
    /// `‘`, `’`, `‚`.
    Single,
    /// `«`, `»`.
    Guillemet,
    /// `‹`, `›`.
    SingleGuillemet,
    /// `「」` and `『』` (each pairs only with its own kind).
    Corner,
    WhiteCorner,
    Paren,
    Square,
    Curly,
    FullwidthParen,
    Lenticular,
    DoubleAngle,
    Angle,
    Tortoise,
}

impl Family {
    const COUNT: usize = 14;

    fn index(self) -> usize {
        self as usize
    }

    /// Whether marks of this family are the Western quotation marks, whose direction depends on
    /// the language and the context (" “ ” „ ‘ ’ ‚ « » ‹ ›), unlike brackets and 「」『』.
    pub fn is_western_quote(self) -> bool {
        matches!(
            self,
            Family::Double | Family::Single | Family::Guillemet | Family::SingleGuillemet
        )
    }

    /// Whether marks of this family are quotation marks (not brackets).
    pub fn is_quote(self) -> bool {
        matches!(
            self,
            Family::Double
                | Family::Single
                | Family::Guillemet
                | Family::SingleGuillemet
                | Family::Corner
                | Family::WhiteCorner
        )
    }
}

/// A pair of matching marks: byte ranges of the opening and the closing mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    pub family: Family,
    pub open: Range<usize>,
    pub close: Range<usize>,
}

impl Pair {
    /// From the opening mark to the closing one, both included.
    pub fn outer(&self) -> Range<usize> {
        self.open.start..self.close.end
    }
}

/// A mark that found no partner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lone {
    pub family: Family,
    pub span: Range<usize>,
    /// Whether it opens (and was never closed) or closes (what was never opened).
    pub opening: bool,
}

/// The marks of one block, paired.
#[derive(Clone, Debug, Default)]
pub struct Balance {
    pub pairs: Vec<Pair>,
    pub lone: Vec<Lone>,
}

/// Characters after which a quotation mark opens (white space aside).
fn is_opening_context(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '“'
            | '„'
            | '«'
            | '‹'
            | '‘'
            | '‚'
            | '"'
            | '\''
            | '「'
            | '『'
            | '（'
            | '—'
            | '–'
            | '-'
            | '/'
            | '¿'
            | '¡'
            | ':'
    )
}

/// Characters before which a quotation mark closes (white space aside).
fn is_closing_context(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '…'
            | ')'
            | ']'
            | '}'
            | '”'
            | '“'
            | '»'
            | '›'
            | '’'
            | '‘'
            | '"'
            | '\''
            | '—'
            | '–'
            | '-'
            | '」'
            | '』'
            | '）'
            | '、'
            | '。'
    )
}

/// Where a mark stands: after a space (or an opening mark) and before a word, or after a word
/// and before a space (or punctuation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Opening,
    Closing,
    Unclear,
}

fn side(prev: Option<char>, next: Option<char>) -> Side {
    let open_before = prev.is_none_or(|c| c.is_whitespace() || is_opening_context(c));
    let close_after = next.is_none_or(|c| c.is_whitespace() || is_closing_context(c));
    match (open_before, close_after) {
        (true, false) => Side::Opening,
        (false, true) => Side::Closing,
        _ => Side::Unclear,
    }
}

struct Stacks {
    /// Per family: the open marks, each with its line number within the block.
    open: [Vec<(Range<usize>, char, usize)>; Family::COUNT],
    /// The current line and whether only white space precedes the current mark on it.
    line: usize,
    line_start: bool,
}

impl Stacks {
    fn top(&self, family: Family) -> Option<char> {
        self.open[family.index()].last().map(|(_, c, _)| *c)
    }

    fn push(&mut self, family: Family, span: Range<usize>, c: char) {
        let stack = &mut self.open[family.index()];
        // A quotation that runs over several paragraphs opens each of them again and closes only
        // at its end: a quote mark that starts a line continues the one left open above.
        if family.is_quote()
            && self.line_start
            && stack
                .last()
                .is_some_and(|&(_, top, line)| top == c && line < self.line)
        {
            stack.pop();
        }
        stack.push((span, c, self.line));
    }

    fn pop(&mut self, family: Family, close: Range<usize>, out: &mut Balance) -> bool {
        match self.open[family.index()].pop() {
            Some((open, _, _)) => {
                out.pairs.push(Pair {
                    family,
                    open,
                    close,
                });
                true
            }
            None => false,
        }
    }
}

/// Pairs the quotation marks and brackets of `text[block]`.
pub fn balance(text: &str, block: Range<usize>) -> Balance {
    let mut out = Balance::default();
    let Some(slice) = text.get(block.clone()) else {
        return out;
    };
    if !slice.contains(is_mark) {
        return out;
    }
    let mut stacks = Stacks {
        open: Default::default(),
        line: 0,
        line_start: true,
    };
    // German and Danish »…«: decided by the first guillemet of the block.
    let reversed_guillemets = slice
        .char_indices()
        .find(|&(_, c)| c == '«' || c == '»')
        .is_some_and(|(i, c)| {
            c == '»'
                && slice[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        });
    let mut prev: Option<char> = None;
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_mark(c) {
            if c == '\n' {
                stacks.line += 1;
                stacks.line_start = true;
            } else if !c.is_whitespace() {
                stacks.line_start = false;
            }
            prev = Some(c);
            continue;
        }
        let next = chars.peek().map(|&(_, n)| n);
        let span = block.start + i..block.start + i + c.len_utf8();
        let here = side(prev, next);
        let lone = |family, opening| Lone {
            family,
            span: span.clone(),
            opening,
        };
        match c {
            '„' => stacks.push(Family::Double, span.clone(), c),
            '“' => {
                if stacks.top(Family::Double) == Some('„') || here == Side::Closing {
                    if !stacks.pop(Family::Double, span.clone(), &mut out) {
                        out.lone.push(lone(Family::Double, false));
                    }
                } else {
                    stacks.push(Family::Double, span.clone(), c);
                }
            }
            '”' => {
                if here == Side::Opening && stacks.top(Family::Double) != Some('“') {
                    // Swedish and Finnish ”…”.
                    stacks.push(Family::Double, span.clone(), c);
                } else if !stacks.pop(Family::Double, span.clone(), &mut out) {
                    out.lone.push(lone(Family::Double, false));
                }
            }
            '"' => {
                let open = stacks.top(Family::Double).is_some();
                let after_digit = prev.is_some_and(|p| p.is_ascii_digit());
                let inner =
                    prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic);
                if inner {
                    // "l"économie": a mistyped apostrophe, not a quotation mark.
                } else if open && here != Side::Opening {
                    stacks.pop(Family::Double, span.clone(), &mut out);
                } else if after_digit && !open {
                    // 12" (inches, seconds)
                } else if here == Side::Closing {
                    out.lone.push(lone(Family::Double, false));
                } else {
                    stacks.push(Family::Double, span.clone(), c);
                }
            }
            '‘' => {
                let top = stacks.top(Family::Single);
                if top == Some('‚') && here != Side::Opening {
                    stacks.pop(Family::Single, span.clone(), &mut out);
                } else if here != Side::Closing
                    && next.is_some_and(|n| n.is_alphabetic() || is_opening_context(n))
                {
                    stacks.push(Family::Single, span.clone(), c);
                }
                // Otherwise a misused apostrophe ("don‘t", "‘90s"): ignored.
            }
            '’' => {
                let inner = prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                if !inner && here != Side::Opening && stacks.top(Family::Single).is_some() {
                    stacks.pop(Family::Single, span.clone(), &mut out);
                }
                // Otherwise an apostrophe.
            }
            '‚' if here == Side::Opening && next.is_some_and(char::is_alphabetic) => {
                stacks.push(Family::Single, span.clone(), c);
            }
            '«' | '»' => {
                let opens = (c == '«') != reversed_guillemets;
                if opens {
                    stacks.push(Family::Guillemet, span.clone(), c);
                } else if stacks.top(Family::Guillemet) == Some(c) && here == Side::Opening {
                    // Swedish »…»: the same mark opens again.
                    stacks.push(Family::Guillemet, span.clone(), c);
                } else if !stacks.pop(Family::Guillemet, span.clone(), &mut out) {
                    out.lone.push(lone(Family::Guillemet, false));
                }
            }
            '‹' | '›' => {
                let opens = (c == '‹') != reversed_guillemets;
                if opens {
                    stacks.push(Family::SingleGuillemet, span.clone(), c);
                } else if !stacks.pop(Family::SingleGuillemet, span.clone(), &mut out) {
                    out.lone.push(lone(Family::SingleGuillemet, false));
                }
            }
            '(' | '[' | '{' | '「' | '『' | '（' | '【' | '《' | '〈' | '〔' => {
                let family = bracket_family(c);
                // ":(" is an emoticon.
                if !(c == '(' && matches!(prev, Some(':' | ';' | '='))) {
                    stacks.push(family, span.clone(), c);
                }
            }
            ')' | ']' | '}' | '」' | '』' | '）' | '】' | '》' | '〉' | '〕' => {
                let family = bracket_family(c);
                let emoticon = c == ')' && matches!(prev, Some(':' | ';' | '=' | '-'));
                let empty = stacks.top(family).is_none();
                if emoticon && empty {
                    // ":)", ";-)"
                } else if c == ')' && empty && is_list_marker(slice, i) {
                    // "1)", "a)", "iv)"
                } else if !stacks.pop(family, span.clone(), &mut out) {
                    out.lone.push(lone(family, false));
                }
            }
            _ => {}
        }
        stacks.line_start = false;
        prev = Some(c);
    }
    for (index, stack) in stacks.open.iter().enumerate() {
        let Some(family) = FAMILIES.get(index).copied() else {
            continue;
        };
        for (span, _, _) in stack {
            out.lone.push(Lone {
                family,
                span: span.clone(),
                opening: true,
            });
        }
    }
    out.pairs.sort_by_key(|p| p.open.start);
    out.lone.sort_by_key(|l| l.span.start);
    out
}

const FAMILIES: [Family; Family::COUNT] = [
    Family::Double,
    Family::Single,
    Family::Guillemet,
    Family::SingleGuillemet,
    Family::Corner,
    Family::WhiteCorner,
    Family::Paren,
    Family::Square,
    Family::Curly,
    Family::FullwidthParen,
    Family::Lenticular,
    Family::DoubleAngle,
    Family::Angle,
    Family::Tortoise,
];

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '“'
            | '”'
            | '„'
            | '‘'
            | '’'
            | '‚'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '「'
            | '」'
            | '『'
            | '』'
            | '（'
            | '）'
            | '【'
            | '】'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '〔'
            | '〕'
    )
}

fn bracket_family(c: char) -> Family {
    match c {
        '(' | ')' => Family::Paren,
        '[' | ']' => Family::Square,
        '{' | '}' => Family::Curly,
        '「' | '」' => Family::Corner,
        '『' | '』' => Family::WhiteCorner,
        '（' | '）' => Family::FullwidthParen,
        '【' | '】' => Family::Lenticular,
        '《' | '》' => Family::DoubleAngle,
        '〈' | '〉' => Family::Angle,
        _ => Family::Tortoise,
    }
}

/// Whether the `)` at byte `i` of `slice` ends a list marker: one to three letters or digits at
/// the start of a line (or of the block) or after white space ("1)", "b)", "iv)").
fn is_list_marker(slice: &str, i: usize) -> bool {
    let before = &slice[..i];
    let token: Vec<char> = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    if token.is_empty() || token.len() > 3 {
        return false;
    }
    let token_len: usize = token.iter().map(|c| c.len_utf8()).sum();
    before[..before.len() - token_len]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lone(text: &str) -> Vec<(&str, bool)> {
        balance(text, 0..text.len())
            .lone
            .into_iter()
            .map(|l| (&text[l.span], l.opening))
            .collect()
    }

    fn pairs(text: &str) -> Vec<&str> {
        balance(text, 0..text.len())
            .pairs
            .into_iter()
            .map(|p| &text[p.outer()])
            .collect()
    }

    #[test]
    fn balanced_quotes_in_many_conventions() {
        for text in [
            "He said “we will win” (on Monday) and ‘no’ [sic].",
            "Er sagte: „Wir schaffen das“ und ‚nein‘.",
            "Powiedział: „Wygramy” w poniedziałek.",
            "Han sa: ”Vi vinner” på måndag.",
            "Il a déclaré : « Nous gagnerons » lundi.",
            "Он сказал: «Мы „победим“» в понедельник.",
            "Er las »Die Zeit« und ›Bild‹.",
            "He said \"we will win\" and \"soon\".",
            "彼は「勝つ」と『言った』。（東京）",
            "The students’ union said it doesn’t back the ’90s rules.",
            "Rock 'n' roll fans said 'maybe' at the 5'10\" mark.",
            "Il parle de l\"économie et d\"éléments nouveaux.",
            "Options: a) talks, b) sanctions, 1) first; see :) and ;-)",
        ] {
            assert_eq!(lone(text), [], "{text}");
        }
    }

    #[test]
    fn finds_unclosed_and_unopened_marks() {
        assert_eq!(lone("He said “we will win on Monday."), [("“", true)]);
        assert_eq!(lone("He said we will win” on Monday."), [("”", false)]);
        assert_eq!(lone("Er sagte: „Wir schaffen das."), [("„", true)]);
        assert_eq!(lone("Il a dit « nous gagnerons lundi."), [("«", true)]);
        assert_eq!(lone("The talks (in Geneva resumed."), [("(", true)]);
        assert_eq!(lone("The talks in Geneva] resumed."), [("]", false)]);
        assert_eq!(lone("He said \"we will win on Monday."), [("\"", true)]);
        assert_eq!(lone("He said ‘we will win on Monday."), [("‘", true)]);
        assert_eq!(lone("彼は「勝つと言った。"), [("「", true)]);
        assert_eq!(
            lone("(a] b"),
            [("(", true), ("]", false)],
            "families do not cross"
        );
    }

    #[test]
    fn a_quote_continued_on_the_next_line_is_not_unclosed() {
        assert_eq!(lone("“We will win.\n“And soon,” she said."), []);
        assert_eq!(lone("\"We will win.\n\"And soon,\" she said."), []);
        assert_eq!(lone("«Nous gagnerons.\n«Bientôt», a-t-elle dit."), []);
        // Not at the start of the line: the first quote stays open.
        assert_eq!(lone("“We will win.\nShe said “soon” then."), [("“", true)]);
    }

    #[test]
    fn pairs_cover_the_quoted_text() {
        assert_eq!(
            pairs("He said “we will win” and «nous» too."),
            ["“we will win”", "«nous»"]
        );
        assert_eq!(
            pairs("„Wir schaffen das“, sagte sie."),
            ["„Wir schaffen das“"]
        );
    }

    #[test]
    fn works_on_a_block_inside_a_larger_text() {
        let text = "First (one.\n\nSecond “two” here.";
        let start = text.find("Second").unwrap();
        let b = balance(text, start..text.len());
        assert!(b.lone.is_empty());
        assert_eq!(&text[b.pairs[0].outer()], "“two”");
        assert!(balance(text, 0..4).lone.is_empty());
        assert!(balance(text, 1..999).pairs.is_empty());
    }
}
