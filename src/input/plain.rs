//! Plain text: everything is prose; blocks are separated by blank lines.

use super::Mask;
use std::ops::Range;

/// Reveals the whole text and returns its paragraphs as blocks.
pub(super) fn fill(source: &str, mask: &mut Mask) -> Vec<Range<usize>> {
    mask.reveal(0..source.len());
    paragraphs(source)
}

/// Ranges of text separated by blank (white-space-only) lines.
fn paragraphs(source: &str) -> Vec<Range<usize>> {
    let mut blocks = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                blocks.push(s..end);
            }
        } else {
            start.get_or_insert(offset);
            end = offset + line.trim_end().len();
        }
        offset += line.len();
    }
    if let Some(s) = start {
        blocks.push(s..end);
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_separate_blocks() {
        let text = "One line\nsame block\n\n  \r\nNext block\r\n";
        let got: Vec<_> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, ["One line\nsame block", "Next block"]);
    }
}
