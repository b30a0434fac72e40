//! Plain text: everything is prose except suppression directive lines; blocks are separated by
//! blank lines.

use super::{Mask, DIRECTIVE_MARK};
use std::ops::Range;

/// Reveals the whole text but its directive lines (recorded in `directives`) and returns its
/// paragraphs as blocks.
pub(super) fn fill(
    source: &str,
    mask: &mut Mask,
    directives: &mut Vec<Range<usize>>,
) -> Vec<Range<usize>> {
    mask.reveal(0..source.len());
    if !source.contains(DIRECTIVE_MARK) {
        return paragraphs(source, &[]);
    }
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let text = line.trim();
        if is_directive_line(text) {
            let start = offset + (line.len() - line.trim_start().len());
            directives.push(start..start + text.len());
            mask.blank_range(offset..offset + line.len());
        }
        offset += line.len();
    }
    paragraphs(source, directives)
}

/// Whether a trimmed line is a directive: `# translint-…` or `<!-- translint-… -->`.
fn is_directive_line(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(rest) = text.strip_prefix('#') {
        return rest.trim_start().starts_with(DIRECTIVE_MARK);
    }
    text.strip_prefix("<!--")
        .is_some_and(|rest| rest.trim_start().starts_with(DIRECTIVE_MARK))
        && text.ends_with("-->")
}

/// Ranges of text separated by blank (white-space-only) lines; directive lines count as blank.
fn paragraphs(source: &str, directives: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut blocks = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let line_end = offset + line.len();
        let directive = directives
            .iter()
            .any(|d| d.start >= offset && d.end <= line_end);
        if directive || line.trim().is_empty() {
            if let Some(s) = start.take() {
                blocks.push(s..end);
            }
        } else {
            start.get_or_insert(offset);
            end = offset + line.trim_end().len();
        }
        offset = line_end;
    }
    if let Some(s) = start {
        blocks.push(s..end);
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::super::{prose, Format};
    use super::*;

    #[test]
    fn blank_lines_separate_blocks() {
        let text = "One line\nsame block\n\n  \r\nNext block\r\n";
        let got: Vec<_> = paragraphs(text, &[])
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(got, ["One line\nsame block", "Next block"]);
    }

    #[test]
    fn directive_lines_are_blank_and_end_blocks() {
        let text = "Kyiv talks.\n# translint-disable-next-line news-en\nKiev.\n  <!-- translint-enable -->\r\nEnd.";
        let p = prose(text, Format::Text);
        assert_eq!(p.text.len(), text.len());
        assert!(!p.text.contains("translint") && !p.text.contains('#'));
        let got: Vec<_> = p.directives.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            got,
            [
                "# translint-disable-next-line news-en",
                "<!-- translint-enable -->"
            ]
        );
        let blocks: Vec<_> = p.blocks.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(blocks, ["Kyiv talks.", "Kiev.", "End."]);
    }

    #[test]
    fn prose_mentioning_translint_is_not_a_directive() {
        let text = "Run translint-disable here.\n#translintdisable\n# Translint-disable x\n";
        let p = prose(text, Format::Text);
        assert!(p.directives.is_empty());
        assert_eq!(p.text, text);
    }
}
