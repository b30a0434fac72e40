//! Byte gates for user regexes: the rare ASCII characters of which every match needs at least one
//! (`{`, `$` or `%` for a placeholder pattern, `<` for a tag). A document containing none of them
//! cannot match, so the regex is neither compiled nor run for it: on a clean article most markup
//! patterns cost nothing.

use regex_syntax::ast::{Ast, ClassSet, ClassSetItem, RepetitionKind, RepetitionRange};

/// A set of ASCII characters as a bit mask (bit `b` for byte `b`).
pub type ByteSet = u128;

/// ASCII characters rare enough in prose for a gate on them to pay off.
const RARE: &[u8] = b"{}$%<>[]|\\@#^~`_*=+&/";

/// The set of rare ASCII characters of which every match of `pattern` contains at least one, or
/// `None` when there is no such set (the pattern can match text made of common characters only).
pub fn required(pattern: &str) -> Option<ByteSet> {
    let ast = regex_syntax::ast::parse::Parser::new()
        .parse(pattern)
        .ok()?;
    needed(&ast).filter(|&set| set != 0)
}

/// The characters present in `text`, as a set of ASCII bytes (non-ASCII text is ignored).
pub fn present(text: &str) -> ByteSet {
    let mut seen = [false; 128];
    for &b in text.as_bytes() {
        if b < 128 {
            seen[usize::from(b)] = true;
        }
    }
    seen.iter()
        .enumerate()
        .filter(|(_, &s)| s)
        .fold(0, |set, (b, _)| set | (1u128 << b))
}

fn rare(c: char) -> Option<ByteSet> {
    u8::try_from(c)
        .ok()
        .filter(|b| RARE.contains(b))
        .map(|b| 1u128 << b)
}

fn needed(ast: &Ast) -> Option<ByteSet> {
    match ast {
        Ast::Literal(literal) => rare(literal.c),
        Ast::ClassBracketed(class) if !class.negated => class_set(&class.kind),
        Ast::Repetition(repetition) => {
            let at_least_once = match &repetition.op.kind {
                RepetitionKind::OneOrMore => true,
                RepetitionKind::Range(
                    RepetitionRange::Exactly(n)
                    | RepetitionRange::AtLeast(n)
                    | RepetitionRange::Bounded(n, _),
                ) => *n >= 1,
                RepetitionKind::ZeroOrOne | RepetitionKind::ZeroOrMore => false,
            };
            if at_least_once {
                needed(&repetition.ast)
            } else {
                None
            }
        }
        Ast::Group(group) => needed(&group.ast),
        // Every branch must bring one of its own.
        Ast::Alternation(alternation) => alternation
            .asts
            .iter()
            .try_fold(0, |set, branch| Some(set | needed(branch)?)),
        // Any part's set will do: the smallest is the most selective.
        Ast::Concat(concat) => concat
            .asts
            .iter()
            .filter_map(needed)
            .min_by_key(|set| set.count_ones()),
        _ => None,
    }
}

fn class_set(set: &ClassSet) -> Option<ByteSet> {
    match set {
        ClassSet::Item(item) => class_item(item),
        ClassSet::BinaryOp(_) => None,
    }
}

fn class_item(item: &ClassSetItem) -> Option<ByteSet> {
    match item {
        ClassSetItem::Literal(literal) => rare(literal.c),
        ClassSetItem::Range(range) => {
            (range.start.c..=range.end.c).try_fold(0, |set, c| Some(set | rare(c)?))
        }
        ClassSetItem::Union(union) => union
            .items
            .iter()
            .try_fold(0, |set, item| Some(set | class_item(item)?)),
        ClassSetItem::Bracketed(class) if !class.negated => class_set(&class.kind),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(set: Option<ByteSet>) -> String {
        let Some(set) = set else {
            return "-".into();
        };
        (0u8..128)
            .filter(|b| set & (1u128 << b) != 0)
            .map(char::from)
            .collect()
    }

    #[test]
    fn finds_what_every_match_needs() {
        assert_eq!(chars(required(r"\{\d+\}")), "{");
        assert_eq!(chars(required(r"\{\{x\}\}|\$\{[A-Z]+\}|%s")), "$%{");
        assert_eq!(chars(required(r"(?i)</?(?:a|br)\s*/?>")), "<");
        assert_eq!(
            chars(required(r"\p{L}[|¦]|[|¦]\p{L}")),
            "-",
            "¦ is not ASCII"
        );
        assert_eq!(chars(required(r"\p{L}[|]|[|]\p{L}")), "|");
        assert_eq!(chars(required(r"\[\[[^\[\]]{1,100}\]\]")), "[");
        assert_eq!(chars(required(r"[<>]{2}")), "<>");
    }

    #[test]
    fn no_gate_when_common_text_can_match() {
        for pattern in [
            r"\bexplain me\b",
            r"\{?\d+",
            r"(?:x|\{)",
            r"[^<]+",
            r"\p{L}(?P<flag>[ \t]+([,;:!?]))",
            r"[a-z{]",
            r"\$*",
        ] {
            assert_eq!(required(pattern), None, "{pattern}");
        }
    }

    #[test]
    fn a_gated_regex_cannot_match_text_without_its_characters() {
        let patterns = [
            r"\{\d+\}",
            r"\$\{[A-Z_]+\}|%\([a-z]+\)s",
            r"(?i)</?(?:p|br)>",
        ];
        let texts = [
            "The minister said 12 of them left.",
            "Cost: {3} and ${NAME} <br>",
        ];
        for pattern in patterns {
            let gate = required(pattern).expect("a gate");
            let regex = regex::Regex::new(pattern).unwrap();
            for text in texts {
                if present(text) & gate == 0 {
                    assert!(!regex.is_match(text), "{pattern} on {text}");
                }
            }
        }
        assert_eq!(present("a{"), (1u128 << b'a') | (1u128 << b'{'));
    }
}
