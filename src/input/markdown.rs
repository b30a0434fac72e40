//! Markdown: only prose is revealed. Code (fenced, indented, inline), HTML, link destinations and
//! front matter stay blank.

use super::{Mask, DIRECTIVE_MARK};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// Reveals the prose of `source`, records its HTML comments in `comments` (only if one may be a
/// directive), and returns its leaf blocks (paragraphs, headings, list items, cells).
pub(super) fn fill(
    source: &str,
    mask: &mut Mask,
    comments: &mut Vec<Range<usize>>,
) -> Vec<Range<usize>> {
    let mut html: Option<Vec<Range<usize>>> = source.contains(DIRECTIVE_MARK).then(Vec::new);
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut blocks = BlockRuns::default();
    let mut hidden_depth = 0usize;
    // A BOM would hide front matter and a first-line code block from the parser: parse after it.
    let skip = if source.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let text = &source[skip..];
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let range = range.start + skip..range.end + skip;
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::HtmlBlock) => {
                hidden_depth += 1;
                blocks.close();
            }
            Event::End(TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::HtmlBlock) => {
                hidden_depth = hidden_depth.saturating_sub(1);
            }
            Event::Start(tag) if is_block(&tag) => blocks.close(),
            Event::End(tag) if is_block_end(&tag) => blocks.close(),
            Event::Text(text) if hidden_depth == 0 => {
                // Text whose source differs (entities, escapes) stays blank: its offsets would lie.
                if source.get(range.clone()) == Some(text.as_ref()) {
                    mask.reveal(range.clone());
                }
                blocks.touching_markup(source, &range, mask);
                blocks.extend(range);
            }
            Event::Code(_) if hidden_depth == 0 => {
                mask.blank_opaque(range.clone());
                blocks.touching_markup(source, &range, mask);
                blocks.extend(range);
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                if let Some(html) = &mut html {
                    match html.last_mut() {
                        Some(last) if last.end >= range.start => last.end = range.end,
                        _ => html.push(range),
                    }
                }
            }
            _ => {}
        }
    }
    for run in html.unwrap_or_default() {
        html_comments(source, run, comments);
    }
    blocks.close();
    blocks.done
}

/// The `<!-- … -->` comments closed inside a run of HTML.
fn html_comments(source: &str, run: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut at = run.start;
    while let Some(open) = source[at..run.end].find("<!--") {
        let start = at + open;
        let Some(close) = source[start + 4..run.end].find("-->") else {
            return;
        };
        at = start + 4 + close + 3;
        out.push(start..at);
    }
}

fn is_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::Item
            | Tag::TableCell
            | Tag::BlockQuote(_)
            | Tag::FootnoteDefinition(_)
    )
}

fn is_block_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::TableCell
            | TagEnd::BlockQuote(_)
            | TagEnd::FootnoteDefinition
    )
}

/// Collects runs of prose between block boundaries.
#[derive(Default)]
struct BlockRuns {
    current: Option<Range<usize>>,
    done: Vec<Range<usize>>,
}

impl BlockRuns {
    fn extend(&mut self, range: Range<usize>) {
        match &mut self.current {
            Some(run) => run.end = run.end.max(range.end),
            None => self.current = Some(range),
        }
    }

    /// Blanks the markup between the block's previous text and `next` with the opaque filler when
    /// it touches non-space on both sides (`**said**,`, `[Kyiv](url),`): it renders as nothing, so
    /// spaces there would be a space no reader sees.
    fn touching_markup(&self, source: &str, next: &Range<usize>, mask: &mut Mask) {
        let Some(run) = &self.current else {
            return;
        };
        let Some(gap) = source.get(run.end..next.start) else {
            return;
        };
        let touching = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
        if !gap.is_empty()
            && !gap.contains(char::is_whitespace)
            && touching(source[..run.end].chars().next_back())
            && touching(source[next.start..].chars().next())
        {
            mask.blank_opaque(run.end..next.start);
        }
    }

    fn close(&mut self) {
        if let Some(run) = self.current.take() {
            self.done.push(run);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{prose, Format};

    fn visible(src: &str) -> String {
        let p = prose(src, Format::Markdown);
        assert_eq!(p.text.len(), src.len());
        p.text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn code_html_and_front_matter_are_hidden() {
        let src = "---\ntitle: Kiev\n---\n\n# Talks in Kyiv\n\nUse `Kiev` here.\n\n```\nKiev\n```\n\n    Kiev indented\n\n<div>Kiev</div>\n\nEnd.\n";
        let v = visible(src);
        assert!(!v.contains("Kiev"), "{v}");
        assert!(v.contains("Talks in Kyiv"));
        assert!(v.contains("End."));
    }

    #[test]
    fn links_keep_their_text_not_their_destination() {
        let v = visible("See [the report](https://example.org/kiev) and <https://x.org>.\n");
        assert!(v.contains("See the report and"), "{v}");
        assert!(!v.contains("kiev") && !v.contains("x.org"), "{v}");
    }

    #[test]
    fn markup_between_text_and_punctuation_is_not_a_space() {
        let src = "They **said**, then [left](https://x.org/a). Not * this.\n";
        let p = prose(src, Format::Markdown);
        let comma = src.find(',').unwrap();
        assert_eq!(&p.text[comma - 2..comma], "\u{1a}\u{1a}");
        let stop = src.find(". Not").unwrap();
        assert!(p.text[..stop].ends_with('\u{1a}'), "{:?}", p.text);
        assert!(p.text.contains("They   said"), "{:?}", p.text);
    }

    #[test]
    fn html_comments_are_directive_candidates_but_not_in_code() {
        let src = "<!-- translint-disable a -->\n\nText <!-- translint-enable --> here.\n\n```\n<!-- translint-disable b -->\n```\n";
        let p = prose(src, Format::Markdown);
        let got: Vec<_> = p.directives.iter().map(|r| &src[r.clone()]).collect();
        assert_eq!(
            got,
            ["<!-- translint-disable a -->", "<!-- translint-enable -->"]
        );
    }

    #[test]
    fn blocks_follow_paragraphs_headings_and_items() {
        let src = "# Head\n\nPara one\ncontinues.\n\n- item a\n- item b\n";
        let p = prose(src, Format::Markdown);
        let got: Vec<_> = p.blocks.iter().map(|r| &src[r.clone()]).collect();
        assert_eq!(got, ["Head", "Para one\ncontinues.", "item a", "item b"]);
    }
}
