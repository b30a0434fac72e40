//! HTML: the visible text of an article. Tags, attributes, comments, CDATA, the `<head>` (title
//! included), `<script>`, `<style>`, `<template>`, `<noscript>` and code (`<pre>`, `<code>`, …)
//! stay blank; block elements (`p`, `h1`–`h6`, `li`, `td`, `div`, `br`, …) end blocks.
//!
//! A hand-written tokenizer: it never fails, and anything it cannot read as markup is text.
//! Inline tags render as nothing, so a tag between two non-space characters (`Kyiv</a>,`) is blanked
//! with the opaque filler, never with a space that no reader sees. Character references are handled
//! in [`super::entities`].

use super::entities;
use super::Mask;
use std::ops::Range;

/// Elements whose content is hidden and that end a block.
const HIDDEN_BLOCK: &[&str] = &[
    "head", "script", "style", "template", "noscript", "pre", "textarea", "title", "svg", "math",
    "iframe", "object", "video", "audio", "canvas", "select", "listing", "xmp",
];

/// Elements whose content is hidden but stands inline, like Markdown's inline code.
const HIDDEN_INLINE: &[&str] = &["code", "kbd", "samp", "var", "tt"];

/// Elements whose content is not markup: only their own end tag ends them.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp"];

/// Elements that start or end a block of prose.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "option",
    "p",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

fn listed(list: &[&str], name: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(name))
}

/// Reveals the visible text of `source`, records its comments in `comments`, and returns its blocks.
pub(super) fn fill(
    source: &str,
    mask: &mut Mask,
    comments: &mut Vec<Range<usize>>,
) -> Vec<Range<usize>> {
    let mut state = State {
        source,
        blocks: Vec::new(),
        current: None,
        pending: None,
        hidden: Vec::new(),
    };
    let bytes = source.as_bytes();
    // No tag can start after the last '>': such a '<' is text, found without scanning to the end.
    let last_gt = source.rfind('>').unwrap_or(0);
    let mut text_start = 0;
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        let lt = i + offset;
        let Some(token) = token_at(source, lt, last_gt) else {
            i = lt + 1;
            continue;
        };
        state.text(text_start..lt, mask);
        let end = match token {
            Token::Comment(end) => {
                // A comment inside <pre>, <code> or <template> is content, not a directive.
                if state.hidden.is_empty() {
                    comments.push(lt..end);
                }
                state.inline_markup(lt..end);
                end
            }
            Token::Other(end) => {
                state.inline_markup(lt..end);
                end
            }
            Token::Tag(tag) => state.tag(&tag, lt, mask),
        };
        i = end;
        text_start = end;
    }
    state.text(text_start..source.len(), mask);
    state.close_block();
    state.flush(mask);
    state.blocks
}

/// What the tokenizer found at a `<`.
enum Token<'a> {
    /// A comment ending at the offset.
    Comment(usize),
    /// A doctype, processing instruction or CDATA section ending at the offset.
    Other(usize),
    Tag(Tag<'a>),
}

/// A start or end tag.
struct Tag<'a> {
    name: &'a str,
    end_tag: bool,
    self_closing: bool,
    /// The offset after the closing `>`.
    end: usize,
}

/// The token starting at `source[lt] == '<'`, or `None` when the `<` is text ("a < b");
/// `last_gt` is the offset of the source's last `>`.
fn token_at(source: &str, lt: usize, last_gt: usize) -> Option<Token<'_>> {
    let rest = &source[lt..];
    if let Some(body) = rest.strip_prefix("<!--") {
        let end = body.find("-->").map_or(source.len(), |e| lt + 4 + e + 3);
        return Some(Token::Comment(end));
    }
    if rest.starts_with("<![CDATA[") {
        let end = rest.find("]]>").map_or(source.len(), |e| lt + e + 3);
        return Some(Token::Other(end));
    }
    if rest.starts_with("<!") || rest.starts_with("<?") {
        let end = rest.find('>').map_or(source.len(), |e| lt + e + 1);
        return Some(Token::Other(end));
    }
    let (end_tag, name_start) = if rest.starts_with("</") {
        (true, 2)
    } else {
        (false, 1)
    };
    let name_len = rest[name_start..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
        .unwrap_or(rest.len() - name_start);
    let name = &rest[name_start..name_start + name_len];
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) || lt > last_gt {
        return None;
    }
    let close = tag_close(rest, name_start + name_len)?;
    Some(Token::Tag(Tag {
        name,
        end_tag,
        self_closing: rest[..close].ends_with('/'),
        end: lt + close + 1,
    }))
}

/// The offset of the `>` that closes a tag whose attributes start at `from`: quoted attribute
/// values may hold `>`. An unclosed quote falls back to the first `>`; no `>` at all: not a tag.
fn tag_close(rest: &str, from: usize) -> Option<usize> {
    let bytes = rest.as_bytes();
    let mut i = from;
    let mut after_equals = false;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return Some(i),
            b'=' => after_equals = true,
            q @ (b'"' | b'\'') if after_equals => match bytes[i + 1..].iter().position(|&b| b == q)
            {
                Some(len) => {
                    i += len + 1;
                    after_equals = false;
                }
                None => return rest[from..].find('>').map(|e| from + e),
            },
            b if b.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        i += 1;
    }
    None
}

/// The tokenizer's state between tokens.
struct State<'a> {
    source: &'a str,
    blocks: Vec<Range<usize>>,
    /// The block being collected.
    current: Option<Range<usize>>,
    /// A run of inline markup not yet blanked: `(range, visible)`; visible runs (inline code)
    /// are always opaque.
    pending: Option<(Range<usize>, bool)>,
    /// Open hidden elements, innermost last.
    hidden: Vec<&'a str>,
}

impl<'a> State<'a> {
    /// A run of text between tokens: prose unless inside a hidden element.
    fn text(&mut self, range: Range<usize>, mask: &mut Mask) {
        if range.is_empty() {
            return;
        }
        match self.hidden.last() {
            Some(name) if listed(HIDDEN_INLINE, name) => self.extend_pending(range, true),
            Some(_) => {}
            None => {
                let run = &self.source[range.clone()];
                let trimmed = run.trim_start();
                if trimmed.is_empty() {
                    // White space between tags: only inline code before it is blanked opaque.
                    self.flush(mask);
                    return;
                }
                self.flush(mask);
                let start = range.start + run.len() - trimmed.len();
                let end = start + trimmed.trim_end().len();
                entities::reveal(self.source, range, mask);
                match &mut self.current {
                    Some(block) => block.end = end,
                    None => self.current = Some(start..end),
                }
            }
        }
    }

    /// A tag at `lt`; returns where scanning resumes.
    fn tag(&mut self, tag: &Tag<'a>, lt: usize, mask: &mut Mask) -> usize {
        let name = tag.name;
        let range = lt..tag.end;
        let hidden_block = listed(HIDDEN_BLOCK, name);
        let hidden_inline = listed(HIDDEN_INLINE, name);
        if tag.end_tag {
            if let Some(pos) = self
                .hidden
                .iter()
                .rposition(|h| h.eq_ignore_ascii_case(name))
            {
                self.hidden.truncate(pos);
            }
        } else if name.eq_ignore_ascii_case("body") {
            // `<body>` closes a `<head>` left open.
            self.hidden.retain(|h| !h.eq_ignore_ascii_case("head"));
        }
        if listed(BLOCK, name) || hidden_block {
            self.flush(mask);
            self.close_block();
        } else {
            self.extend_pending(range.clone(), hidden_inline || !self.hidden.is_empty());
        }
        if tag.end_tag || tag.self_closing || !(hidden_block || hidden_inline) {
            return tag.end;
        }
        if listed(RAW_TEXT, name) {
            // Raw text runs to its own end tag, which is then read as a tag.
            return match find_end_tag(self.source, tag.end, name) {
                Some(end_lt) => end_lt,
                None => self.source.len(),
            };
        }
        self.hidden.push(name);
        tag.end
    }

    fn extend_pending(&mut self, range: Range<usize>, visible: bool) {
        match &mut self.pending {
            Some((run, seen)) if run.end == range.start => {
                run.end = range.end;
                *seen |= visible;
            }
            _ => self.pending = Some((range, visible)),
        }
    }

    fn inline_markup(&mut self, range: Range<usize>) {
        let visible = self.hidden.last().is_some_and(|h| listed(HIDDEN_INLINE, h));
        self.extend_pending(range, visible);
    }

    /// Blanks the pending inline run with the opaque filler when it holds visible content or sits
    /// between two non-space characters; otherwise it stays blank with spaces.
    fn flush(&mut self, mask: &mut Mask) {
        let Some((run, visible)) = self.pending.take() else {
            return;
        };
        let before = self.source[..run.start].chars().next_back();
        let after = self.source[run.end..].chars().next();
        let touching = [before, after]
            .iter()
            .all(|c| c.is_some_and(|c| !c.is_whitespace()));
        if visible || touching {
            mask.blank_opaque(run);
        }
    }

    fn close_block(&mut self) {
        if let Some(block) = self.current.take() {
            self.blocks.push(block);
        }
    }
}

/// The offset of `</name` (any case) at or after `from`.
fn find_end_tag(source: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = source.as_bytes();
    let mut i = from;
    while let Some(offset) = bytes[i..].windows(2).position(|w| w == b"</") {
        let at = i + offset;
        let candidate = bytes.get(at + 2..at + 2 + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
            return Some(at);
        }
        i = at + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::{prose, Format};

    fn visible(src: &str) -> String {
        let p = prose(src, Format::Html);
        assert_eq!(p.text.len(), src.len());
        p.text
            .replace('\u{1a}', "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn blocks(src: &str) -> Vec<&str> {
        let p = prose(src, Format::Html);
        p.blocks.iter().map(|r| &src[r.clone()]).collect()
    }

    #[test]
    fn hidden_elements_stay_blank() {
        let src = "<!DOCTYPE html><HTML><head><title>Kiev news</title><style>p>a{}</style></head>\
<body><script>if (a < b) { x = '</p>Kiev'; }</script><noscript>Kiev</noscript>\
<template><p>Kiev</p></template><pre>Kiev</pre><p>Talks in <b>Kyiv</b> use <code>Kiev</code>.</p>\
<!-- Kiev --><![CDATA[Kiev]]></body></HTML>";
        let v = visible(src);
        assert_eq!(v, "Talks in Kyiv use .");
    }

    #[test]
    fn attributes_may_hold_angle_brackets() {
        let v = visible("<p title=\"a > Kiev\" data-x='<b>'>Kyiv</p><a href=x>ok</a>");
        assert_eq!(v, "Kyiv ok");
    }

    #[test]
    fn a_lone_less_than_sign_is_text() {
        assert_eq!(visible("<p>a < b and 3<4, <3</p>"), "a < b and 3<4, <3");
        assert_eq!(visible("<p>unclosed <b"), "unclosed <b");
    }

    #[test]
    fn block_elements_end_blocks() {
        let src = "<h1>Head</h1>\n<div><p>One\nline.</p><ul><li>a</li><li>b<br>c</li></ul></div>";
        assert_eq!(blocks(src), ["Head", "One\nline.", "a", "b", "c"]);
    }

    #[test]
    fn inline_tags_between_letters_are_opaque_not_spaces() {
        let src = "<p>said <a href=\"/k\">Kyiv</a>, then</p>";
        let p = prose(src, Format::Html);
        let comma = src.find(',').unwrap();
        assert_eq!(&p.text.as_bytes()[comma - 4..comma], b"\x1a\x1a\x1a\x1a");
        let open = src.find("<a").unwrap();
        assert_eq!(&p.text[open..open + 3], "   ");
    }

    fn comments(src: &str) -> Vec<&str> {
        let mut mask = super::super::Mask::blank(src);
        let mut comments = Vec::new();
        super::fill(src, &mut mask, &mut comments);
        comments.into_iter().map(|r| &src[r]).collect()
    }

    #[test]
    fn comments_are_recorded_outside_code() {
        let src = "<p>a</p><!-- translint-disable x --><p>b";
        assert_eq!(comments(src), ["<!-- translint-disable x -->"]);
        let src = "<pre><!-- translint-disable x --></pre><code><!-- translint-enable --></code>";
        assert!(comments(src).is_empty());
    }

    #[test]
    fn unclosed_comment_and_raw_text_run_to_the_end() {
        assert_eq!(visible("<p>Kyiv<!-- open"), "Kyiv");
        assert_eq!(visible("<p>Kyiv</p><script>Kiev"), "Kyiv");
    }

    #[test]
    fn generated_junk_never_panics_and_keeps_length() {
        const PIECES: &[&str] = &[
            "<",
            ">",
            "</",
            "/>",
            "<p>",
            "</P>",
            "<b>",
            "<!--",
            "-->",
            "<![CDATA[",
            "]]>",
            "<!",
            "<?",
            "&",
            ";",
            "&amp;",
            "&#8217;",
            "&#x",
            "&eacute;",
            "&nbsp;",
            "&#0;",
            "&#xD800;",
            "\"",
            "'",
            "=",
            " ",
            "\n",
            "\r\n",
            "\u{feff}",
            "é",
            "Кийв",
            "日本",
            "a",
            "Kiev",
            "<script>",
            "</script",
            "<code>",
            "</code>",
            "<head>",
            "<body>",
            "<br>",
            "x=\"a>b\"",
            "<a href='",
            "&rsquo;",
            "\u{1a}",
            "-",
            "!",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            let mut src = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 40) as usize;
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                src.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
            }
            let p = prose(&src, Format::Html);
            assert_eq!(p.text.len(), src.len(), "{src:?}");
            // Every character that is not filler starts and ends on a char boundary of the source.
            for (i, c) in p.text.char_indices().filter(|(_, c)| !c.is_ascii()) {
                let end = i + c.len_utf8();
                assert!(
                    src.is_char_boundary(i) && src.is_char_boundary(end),
                    "{src:?}"
                );
            }
            for r in p.blocks.iter().chain(&p.directives) {
                assert!(src.get(r.clone()).is_some(), "{src:?} {r:?}");
            }
        }
    }
}
