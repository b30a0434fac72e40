//! Suppression directives (`<!-- translint-disable RULE -->`, see docs/suppressions.md): dropping
//! the findings they cover, and reporting directives that suppress nothing or name no known rule
//! under the `suppression` rule kind (the built-in `suppress.unused`).

mod parse;

pub(crate) use parse::{parse, Action, Directive};

use crate::checks::Check;
use crate::diagnostic::{Diagnostic, Fix};
use crate::document::Document;
use crate::rules::{selects, FixSafety, Rule, RuleKind, RuleMeta};
use std::ops::Range;
use std::sync::Arc;

/// The detector of `suppression` rules: it finds nothing by itself; the linter reports unused
/// directives for it once every other rule has run.
pub struct SuppressionCheck;

impl Check for SuppressionCheck {
    fn check(&self, _rule: &RuleMeta, _doc: &Document, _out: &mut Vec<Diagnostic>) {}
}

/// Where one selector (or, with `None`, every rule) of one directive is in force.
struct Scope {
    directive: usize,
    selector: Option<usize>,
    range: Range<usize>,
}

impl Scope {
    fn covers(&self, directives: &[Directive], d: &Diagnostic) -> bool {
        self.range.contains(&d.span.start)
            && self
                .selector
                .is_none_or(|s| selects(&directives[self.directive].selectors[s].text, &d.rule))
    }
}

/// Drops the findings in `out` that `doc`'s directives cover, then reports (if a `suppression`
/// rule is among `rules`) the directives that covered nothing although a rule they name ran, and
/// selectors naming no rule of `rules` or `dropped`.
pub fn apply(doc: &Document, rules: &[Rule], dropped: &[Arc<str>], out: &mut Vec<Diagnostic>) {
    let directives = doc.directives();
    if directives.is_empty() {
        return;
    }
    let (scopes, strays) = scopes(doc.source(), directives);
    let mut used = vec![false; scopes.len()];
    out.retain(|d| {
        let mut keep = true;
        for (i, scope) in scopes.iter().enumerate() {
            if scope.covers(directives, d) {
                used[i] = true;
                keep = false;
            }
        }
        keep
    });
    let Some(meta) = rules
        .iter()
        .map(|r| &r.meta)
        .find(|m| m.kind == RuleKind::Suppression && m.applies_to(doc.language()))
    else {
        return;
    };
    let known = Known {
        doc,
        rules,
        dropped,
    };
    let mut reports = Vec::new();
    for (index, directive) in directives.iter().enumerate() {
        let uses = |selector: Option<usize>| {
            scopes
                .iter()
                .zip(&used)
                .any(|(s, &u)| u && s.directive == index && s.selector == selector)
        };
        report_directive(meta, &known, directive, uses, &mut reports);
    }
    for (directive, selector) in strays {
        let span = match selector {
            Some(s) => directives[directive].selectors[s].span.clone(),
            None => directives[directive].span.clone(),
        };
        reports.push(report(
            meta,
            span,
            "This translint-enable ends no disabled region",
            None,
        ));
    }
    reports.retain(|d| !scopes.iter().any(|s| s.covers(directives, d)));
    out.extend(reports);
}

/// What the run knows about rules, for one document.
struct Known<'a> {
    doc: &'a Document,
    rules: &'a [Rule],
    dropped: &'a [Arc<str>],
}

impl Known<'_> {
    fn ids(&self) -> impl Iterator<Item = &str> {
        self.rules
            .iter()
            .map(|r| &*r.meta.id)
            .chain(self.dropped.iter().map(|id| &**id))
    }

    fn is_known(&self, selector: &str) -> bool {
        self.ids().any(|id| selects(selector, id))
    }

    /// Whether a rule `selector` names (every rule for `None`) ran on the document; the
    /// `suppression` rule itself does not count.
    fn ran(&self, selector: Option<&str>) -> bool {
        self.rules.iter().any(|r| {
            r.meta.kind != RuleKind::Suppression
                && r.meta.applies_to(self.doc.language())
                && selector.is_none_or(|s| r.meta.is_selected_by(s))
        })
    }

    /// Whether the selector names only `suppression` rules (those directives silence reports).
    fn names_only_meta(&self, selector: &str) -> bool {
        let mut named = self
            .rules
            .iter()
            .filter(|r| r.meta.is_selected_by(selector));
        named.all(|r| r.meta.kind == RuleKind::Suppression)
            && self.rules.iter().any(|r| r.meta.is_selected_by(selector))
    }

    /// The closest id or pack prefix to an unknown selector, if close enough to be a typo.
    fn suggestion(&self, selector: &str) -> Option<String> {
        let packs = self
            .ids()
            .filter_map(|id| id.split_once('.').map(|(p, _)| p));
        let limit = 2.max(selector.chars().count() / 4);
        self.ids()
            .chain(packs)
            .map(|c| (strsim::levenshtein(selector, c), c))
            .filter(|(d, _)| *d <= limit)
            .min()
            .map(|(_, c)| c.to_string())
    }

    /// Whether an unknown selector is worth reporting: a typo of a loaded id, or a rule of a
    /// loaded pack. A selector of a pack that is not loaded in this run stays silent.
    fn report_unknown(&self, selector: &str) -> (bool, Option<String>) {
        let suggestion = self.suggestion(selector);
        let pack = selector.split_once('.').map_or(selector, |(p, _)| p);
        let pack_loaded = self
            .ids()
            .any(|id| id.split_once('.').is_some_and(|(p, _)| p == pack));
        (suggestion.is_some() || pack_loaded, suggestion)
    }
}

fn report_directive(
    meta: &RuleMeta,
    known: &Known,
    directive: &Directive,
    uses: impl Fn(Option<usize>) -> bool,
    out: &mut Vec<Diagnostic>,
) {
    let Some(action) = directive.action else {
        let message = "Unknown translint directive: write translint-disable, translint-enable or translint-disable-next-line";
        out.push(report(meta, directive.span.clone(), message, None));
        return;
    };
    if action == Action::Enable {
        return;
    }
    if directive.selectors.is_empty() {
        if !uses(None) && known.ran(None) {
            let fix = removal(meta, directive);
            out.push(report(
                meta,
                directive.span.clone(),
                meta.message.as_str(),
                fix,
            ));
        }
        return;
    }
    let mut unused = Vec::new();
    let mut other = Vec::new();
    for (i, selector) in directive.selectors.iter().enumerate() {
        let text = selector.text.as_str();
        if !known.is_known(text) {
            let (worth, suggestion) = known.report_unknown(text);
            if worth {
                other.push(unknown(meta, selector.span.clone(), text, suggestion));
            } else {
                unused.push(None);
            }
        } else if known.names_only_meta(text) || uses(Some(i)) || !known.ran(Some(text)) {
            unused.push(None);
        } else {
            unused.push(Some(selector));
        }
    }
    let all_unused = other.is_empty() && unused.iter().all(Option::is_some);
    if all_unused {
        let fix = removal(meta, directive);
        out.push(report(meta, directive.span.clone(), &meta.message, fix));
    } else {
        for selector in unused.into_iter().flatten() {
            let message = format!("This suppression of '{}' suppresses nothing", selector.text);
            out.push(report(meta, selector.span.clone(), &message, None));
        }
    }
    out.append(&mut other);
}

fn unknown(
    meta: &RuleMeta,
    span: Range<usize>,
    text: &str,
    suggestion: Option<String>,
) -> Diagnostic {
    let message = format!("'{text}' names no loaded rule or pack; this suppression does nothing");
    let mut d = report(meta, span.clone(), &message, None);
    if let Some(s) = suggestion {
        d.help = Some(format!("did you mean '{s}'?"));
        d.fix = (meta.fix != FixSafety::None).then_some(Fix {
            span,
            replacement: s,
            safe: false,
        });
    }
    d
}

/// The fix that deletes a whole directive.
fn removal(meta: &RuleMeta, directive: &Directive) -> Option<Fix> {
    (meta.fix != FixSafety::None).then(|| Fix {
        span: directive.removal.clone(),
        replacement: String::new(),
        safe: meta.fix == FixSafety::Safe,
    })
}

fn report(meta: &RuleMeta, span: Range<usize>, message: &str, fix: Option<Fix>) -> Diagnostic {
    let help = fix.as_ref().map(|_| "delete the directive".to_string());
    Diagnostic {
        rule: meta.id.clone(),
        category: meta.category,
        severity: meta.severity,
        message: message.to_string(),
        span,
        labels: Vec::new(),
        fix,
        help: meta.help.clone().or(help),
    }
}

/// The scopes of `directives` in order, and the enables (with the selector, if any) that closed
/// nothing.
fn scopes(source: &str, directives: &[Directive]) -> (Vec<Scope>, Vec<(usize, Option<usize>)>) {
    let mut scopes = Vec::new();
    let mut strays = Vec::new();
    // Open regions: (directive, selector, start).
    let mut open: Vec<(usize, Option<usize>, usize)> = Vec::new();
    for (index, directive) in directives.iter().enumerate() {
        let selectors: Vec<Option<usize>> = if directive.selectors.is_empty() {
            vec![None]
        } else {
            (0..directive.selectors.len()).map(Some).collect()
        };
        match directive.action {
            Some(Action::DisableNextLine) => {
                let range = next_line(source, directive.span.end);
                for selector in selectors {
                    scopes.push(Scope {
                        directive: index,
                        selector,
                        range: range.clone(),
                    });
                }
            }
            Some(Action::Disable) => {
                open.extend(
                    selectors
                        .into_iter()
                        .map(|s| (index, s, directive.span.end)),
                );
            }
            Some(Action::Enable) => {
                for selector in selectors {
                    let closes = |&(d, s, _): &(usize, Option<usize>, usize)| match selector {
                        None => true,
                        Some(e) => s.is_some_and(|s| {
                            selects(
                                &directive.selectors[e].text,
                                &directives[d].selectors[s].text,
                            )
                        }),
                    };
                    let before = open.len();
                    for &(d, s, start) in open.iter().filter(|o| closes(o)) {
                        scopes.push(Scope {
                            directive: d,
                            selector: s,
                            range: start..directive.span.start,
                        });
                    }
                    open.retain(|o| !closes(o));
                    if open.len() == before {
                        strays.push((index, selector));
                    }
                }
            }
            None => {}
        }
    }
    for (d, s, start) in open {
        scopes.push(Scope {
            directive: d,
            selector: s,
            range: start..source.len(),
        });
    }
    (scopes, strays)
}

/// The byte range of the line after the one `offset` is on (empty at the end of the file).
fn next_line(source: &str, offset: usize) -> Range<usize> {
    let Some(newline) = source[offset..].find('\n') else {
        return source.len()..source.len();
    };
    let start = offset + newline + 1;
    let end = source[start..]
        .find('\n')
        .map_or(source.len(), |i| start + i);
    start..end
}
