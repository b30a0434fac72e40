//! Sentence segmentation inside prose blocks (paragraphs, headings, list items).

use std::ops::Range;

/// Abbreviations after which a full stop does not end a sentence (lowercased, without the stop).
/// Kept short and language-neutral; initials (`J. Smith`) are handled separately.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt",
    "no", "vs", "etc", "jr", "sr", "inc", "corp", "co", "ltd", "approx", "u.s", "e.g", "i.e", "nr",
    "z.b", "bzw", "ca", "vgl", "hr", "fr", "mme", "mlle", "sra", "srta", "dña", "av", "ee.uu", "г",
    "гг", "ул", "им", "т.е", "т.д", "др", "пр", "млн", "млрд", "тыс", "руб",
];

/// Splits each block of `text` into sentence ranges (trimmed of surrounding whitespace).
pub fn split(text: &str, blocks: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    for block in blocks {
        split_block(text, block.clone(), &mut sentences);
    }
    sentences
}

fn split_block(text: &str, block: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[block.clone()];
    let mut start = 0;
    let mut iter = slice.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let end = i + c.len_utf8();
        let boundary = match c {
            '。' | '！' | '？' => true,
            '.' | '!' | '?' | '…' => {
                ends_sentence(slice, start, i, c)
                    && next_starts_sentence(&slice[end..], true)
                    && !is_ordinal(&slice[start..i], &slice[end..], c)
            }
            '\n' => {
                next_starts_sentence(&slice[end..], false) && !slice[start..i].trim().is_empty()
            }
            _ => false,
        };
        if boundary {
            let close = end + closing_len(&slice[end..]);
            push_trimmed(text, block.start + start..block.start + close, out);
            start = close;
            while iter.peek().is_some_and(|&(j, _)| j < close) {
                iter.next();
            }
        }
    }
    push_trimmed(text, block.start + start..block.end, out);
}

/// Whether the terminal punctuation `c` at `i` really ends a sentence (not an abbreviation or initial).
fn ends_sentence(slice: &str, sentence_start: usize, i: usize, c: char) -> bool {
    if c != '.' {
        return true;
    }
    let before = &slice[sentence_start..i];
    let word: String = before
        .chars()
        .rev()
        .take_while(|ch| ch.is_alphanumeric() || *ch == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if word.is_empty() {
        return true;
    }
    let mut letters = word.chars();
    let single_capital =
        matches!((letters.next(), letters.next()), (Some(l), None) if l.is_uppercase());
    if single_capital {
        return false;
    }
    let lower = word.to_lowercase();
    !ABBREVIATIONS.contains(&lower.as_str())
}

/// Month names written with a capital after an ordinal dot ("28. Mai", German).
const CAPITALISED_MONTHS: &[&str] = &[
    "Januar",
    "Jänner",
    "Februar",
    "Feber",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// Words before an ordinal number in German ("am 3. Oktober", "der 2. Weltkrieg").
const BEFORE_ORDINALS: &[&str] = &[
    "am", "vom", "zum", "im", "beim", "ab", "bis", "seit", "der", "die", "das", "den", "dem",
    "des", "zur", "ihr", "ihre", "ihrem", "ihren", "sein", "seine", "seinem", "seinen",
];

/// Whether a full stop closes an ordinal number rather than a sentence: a number of at most three
/// digits followed by a capitalised month name, or preceded by a German article or preposition.
/// (In languages that write months in lowercase, "28. maj", the next word already keeps the
/// sentence going.)
fn is_ordinal(before: &str, after: &str, c: char) -> bool {
    if c != '.' {
        return false;
    }
    let mut words = before.split_whitespace().rev();
    let Some(number) = words.next() else {
        return false;
    };
    if number.is_empty() || number.len() > 3 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let next: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    CAPITALISED_MONTHS.contains(&next.as_str())
        || words
            .next()
            .is_some_and(|w| BEFORE_ORDINALS.contains(&w.to_lowercase().as_str()))
}

/// Whether the text after a candidate boundary starts a new sentence: optional closing quotes, then
/// whitespace (unless `need_space` is false), then an uppercase letter, a digit, an opening quote or a dash.
fn next_starts_sentence(rest: &str, need_space: bool) -> bool {
    let rest = &rest[closing_len(rest)..];
    let trimmed = rest.trim_start();
    if need_space && trimmed.len() == rest.len() && !rest.is_empty() {
        return false;
    }
    match trimmed.chars().next() {
        None => true,
        Some(c) => {
            c.is_uppercase()
                || c.is_numeric()
                || matches!(
                    c,
                    '"' | '\''
                        | '“'
                        | '‘'
                        | '„'
                        | '«'
                        | '‹'
                        | '('
                        | '['
                        | '—'
                        | '–'
                        | '-'
                        | '¿'
                        | '¡'
                )
        }
    }
}

/// Length in bytes of closing quotes and brackets at the start of `rest`.
fn closing_len(rest: &str) -> usize {
    rest.char_indices()
        .find(|&(_, c)| !matches!(c, '"' | '\'' | '”' | '’' | '“' | '»' | '›' | ')' | ']'))
        .map_or(rest.len(), |(i, _)| i)
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let trimmed_start = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        let start = range.start + trimmed_start;
        out.push(start..start + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text, std::slice::from_ref(&(0..text.len())))
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn splits_on_terminal_punctuation() {
        assert_eq!(
            sentences("Talks resumed. Mr. Veldt said no! Why? “Yes.” He left."),
            [
                "Talks resumed.",
                "Mr. Veldt said no!",
                "Why?",
                "“Yes.”",
                "He left."
            ]
        );
    }

    #[test]
    fn keeps_initials_decimals_and_abbreviations() {
        assert_eq!(
            sentences("J. R. Smith earned 3.5 million, e.g. more. Dr. Weber agreed."),
            [
                "J. R. Smith earned 3.5 million, e.g. more.",
                "Dr. Weber agreed."
            ]
        );
    }

    #[test]
    fn a_line_break_before_a_capital_ends_a_headline() {
        assert_eq!(
            sentences("Kyiv talks resume\nThe talks began on Monday."),
            ["Kyiv talks resume", "The talks began on Monday."]
        );
        assert_eq!(
            sentences("talks with the\nprime minister."),
            ["talks with the\nprime minister."]
        );
    }

    #[test]
    fn cjk_and_cyrillic() {
        assert_eq!(
            sentences("東京で会議。大阪へ。"),
            ["東京で会議。", "大阪へ。"]
        );
        assert_eq!(
            sentences("Он приехал в г. Москву. Потом уехал."),
            ["Он приехал в г. Москву.", "Потом уехал."]
        );
    }

    #[test]
    fn german_ordinals_do_not_end_sentences() {
        assert_eq!(
            sentences("Am 28. Mai trafen sich die Minister. Der 2. Weltkrieg endete 1945."),
            [
                "Am 28. Mai trafen sich die Minister.",
                "Der 2. Weltkrieg endete 1945."
            ]
        );
        assert_eq!(
            sentences("Die Wahl findet am 3. Oktober statt. Bis 12. März bleibt es so."),
            [
                "Die Wahl findet am 3. Oktober statt.",
                "Bis 12. März bleibt es so."
            ]
        );
        // A sentence that really ends in a number still ends.
        assert_eq!(
            sentences("Die Quote lag bei 28. Danach stieg sie."),
            ["Die Quote lag bei 28.", "Danach stieg sie."]
        );
        assert_eq!(
            sentences("The score was 3. Then the rain came. They won in 2019. May was warm."),
            [
                "The score was 3.",
                "Then the rain came.",
                "They won in 2019.",
                "May was warm."
            ]
        );
    }

    #[test]
    fn blocks_are_never_joined() {
        let text = "Heading\n\nBody text here";
        let got: Vec<_> = split(text, &[0..7, 9..text.len()])
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(got, ["Heading", "Body text here"]);
    }
}
