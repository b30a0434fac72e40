//! Reading suppression directives out of the comments and directive lines an adapter found.

use crate::input::DIRECTIVE_MARK;
use std::ops::Range;

/// What a directive does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// `translint-disable`: from here to a matching enable, or to the end of the file.
    Disable,
    /// `translint-enable`: ends disabled regions.
    Enable,
    /// `translint-disable-next-line`: findings starting on the next line.
    DisableNextLine,
}

/// A rule id or pack prefix named by a directive, and where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selector {
    pub text: String,
    pub span: Range<usize>,
}

/// One directive. No selectors means every rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    /// `None` for a `translint-…` keyword that is none of the three.
    pub action: Option<Action>,
    /// The whole comment or directive line.
    pub span: Range<usize>,
    /// What a fix deletes: the directive's line when it stands alone on it, else the directive.
    pub removal: Range<usize>,
    pub selectors: Vec<Selector>,
}

/// The directives in `candidates` (ranges of `source`: comments or directive lines).
pub fn parse(source: &str, candidates: &[Range<usize>]) -> Vec<Directive> {
    candidates
        .iter()
        .filter_map(|range| directive(source, range.clone()))
        .collect()
}

fn directive(source: &str, span: Range<usize>) -> Option<Directive> {
    let text = &source[span.clone()];
    let (body, body_start) = match text.strip_prefix("<!--") {
        Some(rest) => (rest.strip_suffix("-->").unwrap_or(rest), span.start + 4),
        None => (text.strip_prefix('#')?, span.start + 1),
    };
    let lead = body.len() - body.trim_start().len();
    let body = body.trim_start();
    if !body.starts_with(DIRECTIVE_MARK) {
        return None;
    }
    let keyword_len = body.find(char::is_whitespace).unwrap_or(body.len());
    let action = match &body[..keyword_len] {
        "translint-disable" => Some(Action::Disable),
        "translint-enable" => Some(Action::Enable),
        "translint-disable-next-line" => Some(Action::DisableNextLine),
        _ => None,
    };
    // Rules, separated by commas or spaces, up to an optional `-- reason`.
    let rules_start = body_start + lead + keyword_len;
    let rules = &body[keyword_len..];
    let rules = rules.find("--").map_or(rules, |end| &rules[..end]);
    let mut selectors = Vec::new();
    let mut offset = rules_start;
    for part in rules.split_inclusive([',', ' ', '\t', '\n', '\r']) {
        let name = part.trim_end_matches([',', ' ', '\t', '\n', '\r']);
        if !name.is_empty() {
            selectors.push(Selector {
                text: name.to_string(),
                span: offset..offset + name.len(),
            });
        }
        offset += part.len();
    }
    Some(Directive {
        action,
        removal: removal(source, span.clone()),
        span,
        selectors,
    })
}

/// The directive's whole line (with its line break) when nothing else stands on it.
fn removal(source: &str, span: Range<usize>) -> Range<usize> {
    let line_start = source[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[span.end..]
        .find('\n')
        .map_or(source.len(), |i| span.end + i + 1);
    let alone = source[line_start..span.start].trim().is_empty()
        && source[span.end..line_end].trim().is_empty();
    if alone {
        line_start..line_end
    } else {
        span
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(source: &str) -> Directive {
        let start = source.find(['<', '#']).unwrap();
        let end = source[start..]
            .find("-->")
            .map_or_else(|| source.trim_end().len(), |e| start + e + 3);
        let found = parse(source, std::slice::from_ref(&(start..end)));
        assert_eq!(found.len(), 1, "{source:?}");
        found.into_iter().next().unwrap()
    }

    fn names<'a>(source: &'a str, d: &Directive) -> Vec<&'a str> {
        d.selectors
            .iter()
            .map(|s| &source[s.span.clone()])
            .collect()
    }

    #[test]
    fn reads_actions_and_selectors_with_spans() {
        let src = "<!-- translint-disable news-en.kyiv, garble -->";
        let d = one(src);
        assert_eq!(d.action, Some(Action::Disable));
        assert_eq!(names(src, &d), ["news-en.kyiv", "garble"]);
        assert_eq!(d.selectors[1].text, "garble");

        let src = "# translint-disable-next-line punct.space-before -- quoting a tweet";
        let d = one(src);
        assert_eq!(d.action, Some(Action::DisableNextLine));
        assert_eq!(names(src, &d), ["punct.space-before"]);

        let src = "<!--translint-enable-->";
        let d = one(src);
        assert_eq!(d.action, Some(Action::Enable));
        assert!(d.selectors.is_empty());
    }

    #[test]
    fn an_unknown_keyword_is_kept_as_a_directive_without_action() {
        let d = one("<!-- translint-disabel x -->");
        assert_eq!(d.action, None);
    }

    #[test]
    fn other_comments_are_not_directives() {
        let src = "<!-- see translint-disable -->";
        assert!(parse(src, std::slice::from_ref(&(0..src.len()))).is_empty());
    }

    #[test]
    fn removal_takes_the_line_when_alone() {
        let src = "a\n  <!-- translint-disable x -->\nb <!-- translint-enable --> c";
        let d = parse(src, &[4..32, 35..60]);
        assert_eq!(
            &src[d[0].removal.clone()],
            "  <!-- translint-disable x -->\n"
        );
        assert_eq!(&src[d[1].removal.clone()], "<!-- translint-enable -->");
    }
}
