//! Suppression directives in Markdown, HTML and plain text, and the `suppress.unused` meta rule.

mod common;

use common::cli::{diagnostics, run, run_json, temp_dir, translint_in};
use common::lint::{apply_fixes, flagged, lint_as};
use std::sync::OnceLock;
use translint::input::Format;
use translint::rules::{load_builtin, RuleSet};
use translint::{Diagnostic, Linter};

fn builtin() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| Linter::new(load_builtin().expect("built-in rules load")))
}

fn rules_of(found: &[Diagnostic]) -> Vec<&str> {
    found.iter().map(|d| &*d.rule).collect()
}

const KIEV: &str = "news-en.ukraine-places";
const DOUBLED: &str = "common.doubled-word";

#[test]
fn markdown_next_line_region_and_all_rules() {
    let md = "# Talks\n\n\
<!-- translint-disable-next-line news-en.ukraine-places -->\n\
Talks resumed in Kiev on Monday, officials said.\n\n\
The mayor of Kiev spoke.\n\n\
<!-- translint-disable news-en -->\n\
Kiev was quiet. Kiev was cold.\n\n\
<!-- translint-enable news-en -->\n\
<!-- translint-disable -->\n\
The the mayor of Kiev left.\n";
    let found = lint_as(builtin(), md, Format::Markdown, Some("en"));
    assert_eq!(rules_of(&found), [KIEV], "{found:#?}");
    assert_eq!(
        md[..found[0].span.start].lines().count(),
        6,
        "only line 6 is flagged"
    );
}

#[test]
fn the_same_text_without_directives_is_flagged() {
    let md = "Talks resumed in Kiev on Monday.\n\nThe the mayor spoke.\n";
    let found = lint_as(builtin(), md, Format::Markdown, Some("en"));
    assert_eq!(rules_of(&found), [KIEV, DOUBLED]);
}

#[test]
fn a_region_without_enable_runs_to_the_end() {
    let md = "Kiev one.\n\n<!-- translint-disable common -->\n\nThe the end. Kiev.\n\nIt it.\n";
    let found = lint_as(builtin(), md, Format::Markdown, Some("en"));
    assert_eq!(flagged(md, &found), ["Kiev", "Kiev"], "{found:#?}");
}

#[test]
fn html_forms() {
    let html = "<article><h1>Talks</h1>\n\
<!-- translint-disable-next-line news-en.ukraine-places -->\n\
<p>Talks resumed in Kiev on Monday.</p>\n\
<!-- translint-disable common.doubled-word, news-en -->\n\
<p>The the mayor of Kiev spoke.</p>\n\
<!-- translint-enable common -->\n\
<p>It it ended in Kiev.</p>\n\
<!-- translint-enable -->\n\
<p>Kiev again.</p></article>";
    let found = lint_as(builtin(), html, Format::Html, Some("en"));
    let got: Vec<_> = found
        .iter()
        .map(|d| (&*d.rule, &html[d.span.clone()]))
        .collect();
    assert_eq!(got, [(DOUBLED, "it"), (KIEV, "Kiev")], "{found:#?}");
    assert!(html[found[1].span.start..].starts_with("Kiev again"));
}

#[test]
fn plain_text_line_forms_are_blanked_and_work() {
    let text = "Talks resumed on Monday.\n\
# translint-disable-next-line news-en -- the 1990s spelling, Kiev Kiev\n\
The mayor of Kiev spoke.\n\
<!-- translint-disable-next-line common.doubled-word -->\n\
The the mayor left.\n\
Kiev stayed.\n";
    let found = lint_as(builtin(), text, Format::Text, Some("en"));
    let got: Vec<_> = found
        .iter()
        .map(|d| (&*d.rule, &text[d.span.clone()]))
        .collect();
    assert_eq!(got, [(KIEV, "Kiev")], "{found:#?}");
    assert!(text[found[0].span.start..].starts_with("Kiev stayed"));
}

#[test]
fn directive_text_is_never_linted() {
    // Kiev and a doubled word inside directives of every format: no finding but the unused report.
    for (format, text) in [
        (Format::Text, "# translint-disable-next-line common -- Kiev Kiev the the\nFine text here.\n"),
        (Format::Markdown, "<!-- translint-disable-next-line common -- Kiev Kiev the the -->\nFine text here.\n"),
        (Format::Html, "<!-- translint-disable-next-line common -- Kiev Kiev the the -->\n<p>Fine text here.</p>\n"),
    ] {
        let found = lint_as(builtin(), text, format, Some("en"));
        assert_eq!(rules_of(&found), ["suppress.unused"], "{format:?}: {found:#?}");
    }
}

#[test]
fn unused_directives_are_reported_and_fixed_by_deleting_the_line() {
    let md = "Intro.\n\n<!-- translint-disable-next-line news-en.ukraine-places -->\nTalks resumed in Kyiv.\n";
    let found = lint_as(builtin(), md, Format::Markdown, Some("en"));
    assert_eq!(rules_of(&found), ["suppress.unused"]);
    assert_eq!(
        &md[found[0].span.clone()],
        "<!-- translint-disable-next-line news-en.ukraine-places -->"
    );
    assert!(found[0].fix.as_ref().is_some_and(|f| f.safe));
    assert_eq!(
        apply_fixes(md, &found),
        "Intro.\n\nTalks resumed in Kyiv.\n"
    );
}

#[test]
fn unknown_rules_get_a_suggestion() {
    let text = "# translint-disable-next-line common.doubled-wrd\nThe the mayor spoke.\n";
    let found = lint_as(builtin(), text, Format::Text, Some("en"));
    assert_eq!(rules_of(&found), ["suppress.unused", DOUBLED], "{found:#?}");
    let unknown = &found[0];
    assert_eq!(&text[unknown.span.clone()], "common.doubled-wrd");
    assert_eq!(
        unknown.help.as_deref(),
        Some("did you mean 'common.doubled-word'?")
    );
    assert!(unknown.fix.as_ref().is_some_and(|f| !f.safe));
    // A misspelt keyword is reported too.
    let found = lint_as(
        builtin(),
        "<!-- translint-disabel common -->\n\nText.\n",
        Format::Markdown,
        Some("en"),
    );
    assert_eq!(rules_of(&found), ["suppress.unused"]);
    assert!(found[0].message.contains("Unknown translint directive"));
}

#[test]
fn rules_that_did_not_run_are_not_unused() {
    // news-en does not apply to a German document; a pack that is not loaded ("house") is silent.
    let text = "# translint-disable-next-line news-en, house.style\nDie Gespräche in Kyjiw wurden am Montag fortgesetzt.\n";
    assert!(lint_as(builtin(), text, Format::Text, Some("de")).is_empty());
    // The same news-en directive in English, with nothing to suppress, is unused.
    let text = "# translint-disable-next-line news-en\nTalks resumed in Kyiv on Monday.\n";
    assert_eq!(
        rules_of(&lint_as(builtin(), text, Format::Text, Some("en"))),
        ["suppress.unused"]
    );

    // Deselected (as --select does): known, not run, not reported, not unknown.
    let mut set: RuleSet = load_builtin().unwrap();
    set.retain(|r| r.meta.id.starts_with("suppress.") || &*r.meta.id == DOUBLED);
    let linter = Linter::new(set);
    assert!(lint_as(&linter, text, Format::Text, Some("en")).is_empty());
}

#[test]
fn french_next_line_and_a_directive_silencing_the_meta_rule() {
    let text = "<!-- translint-disable suppress.unused -->\n\
<!-- translint-disable-next-line common -->\n\
Les négociations ont repris lundi à Kyiv.\n";
    assert!(lint_as(builtin(), text, Format::Markdown, Some("fr")).is_empty());
    let text =
        "<!-- translint-disable-next-line common -->\nLes les négociations ont repris lundi.\n";
    assert!(lint_as(builtin(), text, Format::Markdown, Some("fr")).is_empty());
}

#[test]
fn cli_select_ignore_list_and_fix() {
    let dir = temp_dir("translint-suppress-");
    let text = "<p>Intro.</p>\n<!-- translint-disable-next-line news-en -->\n<p>Talks resumed in Kyiv on Monday.</p>\n";
    std::fs::write(dir.path().join("a.html"), text).unwrap();
    let (code, report) = run_json(translint_in(dir.path()).args(["--lang", "en", "a.html"]));
    assert_eq!(code, 1);
    let ids: Vec<_> = diagnostics(&report)
        .iter()
        .map(|d| d["rule"].clone())
        .collect();
    assert_eq!(ids, ["suppress.unused"]);
    let (code, report) =
        run_json(translint_in(dir.path()).args(["--lang", "en", "--ignore", "suppress", "a.html"]));
    assert_eq!(code, 0, "{report:#}");
    let (code, _) =
        run_json(translint_in(dir.path()).args(["--lang", "en", "--select", "common", "a.html"]));
    assert_eq!(code, 0, "suppress.unused is deselected too");
    let listed = run(translint_in(dir.path()).args(["rules", "list"]));
    assert!(
        listed.stdout.contains("suppress.unused"),
        "{}",
        listed.stdout
    );
    let r = run(translint_in(dir.path()).args(["--lang", "en", "--fix", "a.html"]));
    assert_eq!(r.code, 0, "{}", r.all_output());
    let fixed = std::fs::read_to_string(dir.path().join("a.html")).unwrap();
    assert_eq!(
        fixed,
        "<p>Intro.</p>\n<p>Talks resumed in Kyiv on Monday.</p>\n"
    );
}
