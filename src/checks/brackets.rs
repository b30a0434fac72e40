//! `brackets` rules: quotation marks and brackets that are opened and never closed in a paragraph,
//! or closed without being opened. Pairing follows each language's quotation marks (see
//! [`crate::text::quotes`]); apostrophes, inch marks, list markers ("1)") and emoticons are not
//! marks. A quotation that runs over several paragraphs may leave each paragraph open when the
//! next one starts with the same mark, as English, French and German typography do.

use super::Check;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::RuleMeta;

/// Flags unbalanced quotation marks and brackets, paragraph by paragraph.
pub struct BracketsCheck {
    /// Check brackets ((), [], {} and the CJK ones) and the CJK corner quotes 「」『』.
    pub brackets: bool,
    /// Check the Western quotation marks (" “ ” „ ‘ ’ ‚ « » ‹ ›).
    pub quotes: bool,
}

impl Check for BracketsCheck {
    fn check(&self, rule: &RuleMeta, doc: &Document, out: &mut Vec<Diagnostic>) {
        let prose = doc.prose();
        let blocks = doc.blocks();
        for (index, balance) in doc.balances().iter().enumerate() {
            for lone in &balance.lone {
                let wanted = if lone.family.is_western_quote() {
                    self.quotes
                } else {
                    self.brackets
                };
                if !wanted {
                    continue;
                }
                let mark = &prose[lone.span.clone()];
                if lone.opening && lone.family.is_quote() {
                    let next_starts_alike = blocks
                        .get(index + 1)
                        .and_then(|next| prose.get(next.clone()))
                        .is_some_and(|text| text.trim_start().starts_with(mark));
                    if next_starts_alike {
                        continue;
                    }
                }
                let (problem, help) = match (lone.opening, lone.family.is_quote()) {
                    (true, true) => (
                        "opens a quotation that is never closed in this paragraph",
                        "close the quotation where it ends, or delete the stray mark",
                    ),
                    (true, false) => (
                        "is never closed in this paragraph",
                        "close the bracket where the aside ends, or delete the stray bracket",
                    ),
                    (false, true) => (
                        "closes a quotation that was never opened in this paragraph",
                        "open the quotation where it starts, or delete the stray mark",
                    ),
                    (false, false) => (
                        "closes a bracket that was never opened in this paragraph",
                        "open the bracket where the aside starts, or delete the stray bracket",
                    ),
                };
                let mut d =
                    rule.diagnostic_with(lone.span.clone(), mark, None, &[("problem", problem)]);
                d.help.get_or_insert_with(|| help.to_string());
                out.push(d);
            }
        }
    }
}
