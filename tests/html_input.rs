//! HTML input: the visible text is linted, spans point into the HTML file as written.

mod common;

use common::cli::{diagnostics, num, pos, run_json, translint_in};
use common::lint::lint_as;
use std::path::{Path, PathBuf};
use translint::input::Format;
use translint::rules::load_builtin;
use translint::Linter;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html")
}

fn builtin() -> Linter {
    Linter::new(load_builtin().expect("built-in rules load"))
}

#[test]
fn news_article_findings_point_at_the_html_source() {
    let (code, report) = run_json(translint_in(&fixtures()).arg("news-en.html"));
    assert_eq!(code, 1);
    let source = std::fs::read_to_string(fixtures().join("news-en.html")).unwrap();
    let found: Vec<_> = diagnostics(&report)
        .iter()
        .map(|d| {
            let span = num(&d["span"]["start"]) as usize..num(&d["span"]["end"]) as usize;
            (
                d["rule"].as_str().unwrap().to_string(),
                source[span].to_string(),
                pos(&d["start"]),
            )
        })
        .collect();
    // Kiev in the title, meta, script, link target, title attribute, alt text and <pre> is not prose.
    assert_eq!(
        found,
        [
            ("news-en.ukraine-places".into(), "Kiev".into(), (21, 96)),
            ("common.doubled-word".into(), "the".into(), (27, 25)),
        ],
        "{report:#}"
    );
    assert_eq!(report["files"][0]["language"], "en");
}

#[test]
fn clean_articles_in_english_and_french_stay_silent() {
    let (code, report) =
        run_json(translint_in(&fixtures()).args(["clean-en.html", "clean-fr.html"]));
    assert_eq!(code, 0, "{report:#}");
    assert!(diagnostics(&report).is_empty(), "{report:#}");
    let languages: Vec<_> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["language"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(languages, ["en", "fr"]);
}

#[test]
fn stdin_filename_html_selects_html() {
    let text = "<p title=\"Kiev\">Talks in Kiev resumed on Monday, officials said.</p>\n";
    let (_, report) = run_json(
        translint_in(&fixtures())
            .args(["--lang", "en", "--stdin-filename", "x.htm", "-"])
            .write_stdin(text),
    );
    let starts: Vec<_> = diagnostics(&report)
        .iter()
        .map(|d| num(&d["span"]["start"]))
        .collect();
    assert_eq!(starts, [25], "{report:#}");
}

#[test]
fn bom_crlf_and_uppercase_tags_keep_positions() {
    let text = "\u{feff}<HTML>\r\n<BODY>\r\n<P CLASS=\"a>b\">Die Gespräche gehen weiter, sagte der der Minister.</P>\r\n";
    let found = lint_as(&builtin(), text, Format::Html, Some("de"));
    let doubled: Vec<_> = found
        .iter()
        .filter(|d| &*d.rule == "common.doubled-word")
        .map(|d| &text[d.span.clone()])
        .collect();
    assert_eq!(doubled, ["der"]);
    let doc = translint::Document::from_text("x.html", text.into(), Format::Html, Some("de"));
    let second = text.find("der Minister").unwrap();
    assert_eq!(doc.line_col(second), (3, 54));
}

#[test]
fn markup_between_words_is_not_white_space() {
    // "said</b>, then": a blanked tag is not a space before the comma; "the <i>the</i>" is not
    // reported as a doubled word only because markup separates the two.
    let text = "<p>The minister <b>said</b>, then left; the <i>the</i> talks end.</p>";
    let found = lint_as(&builtin(), text, Format::Html, Some("en"));
    assert!(found.is_empty(), "{found:#?}");
    let md = "The minister **said**, then [left](https://x.org/a).";
    let found = lint_as(&builtin(), md, Format::Markdown, Some("en"));
    assert!(
        found.is_empty(),
        "Markdown emphasis is not a space either: {found:#?}"
    );
    let plain = "The minister said , then left.";
    let found = lint_as(&builtin(), plain, Format::Text, Some("en"));
    assert_eq!(found.len(), 1, "the same space in plain text is flagged");
}

#[test]
fn russian_article_with_entities() {
    let text = "<h2>Переговоры</h2><p>&laquo;Мы не ждём прорыва&raquo;, &mdash; сказал министр \
в&nbsp;Киеве. Он сказал сказал, что переговоры продолжатся.</p>";
    let found = lint_as(&builtin(), text, Format::Html, Some("ru"));
    let flagged: Vec<_> = found
        .iter()
        .map(|d| (&*d.rule, &text[d.span.clone()]))
        .collect();
    assert_eq!(flagged, [("common.doubled-word", "сказал")], "{found:#?}");
}
