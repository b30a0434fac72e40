//! Applying fixes to a text.

use crate::diagnostic::Fix;

/// Applies `fixes` to `text`, left to right; a fix overlapping an earlier one is skipped.
pub fn apply<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> String {
    let mut fixes: Vec<&Fix> = fixes.into_iter().collect();
    fixes.sort_by_key(|f| (f.span.start, f.span.end));
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0;
    for fix in fixes {
        let valid = fix.span.start >= cursor
            && fix.span.end <= text.len()
            && text.is_char_boundary(fix.span.start)
            && text.is_char_boundary(fix.span.end);
        if !valid {
            continue;
        }
        out.push_str(&text[cursor..fix.span.start]);
        out.push_str(&fix.replacement);
        cursor = fix.span.end;
    }
    out.push_str(&text[cursor..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(span: std::ops::Range<usize>, r: &str) -> Fix {
        Fix {
            span,
            replacement: r.into(),
            safe: true,
        }
    }

    #[test]
    fn applies_in_order_and_skips_overlaps() {
        let text = "Kiev and Kharkov";
        let fixes = [fix(9..16, "Kharkiv"), fix(0..4, "Kyiv"), fix(2..6, "x")];
        assert_eq!(apply(text, &fixes), "Kyiv and Kharkiv");
    }
}
