//! The four rule kinds through the library API: rules are loaded from inline TOML with
//! `rules::load_source`, documents are built with `Document::from_text` and linted with `Linter`.
//! Expected byte spans are counted by hand (multi-byte characters noted where they occur).

// `[9..13]` here is a list of one expected span, not a mistaken attempt to build a range of numbers.
#![allow(clippy::single_range_in_vec_init)]

mod common;

use common::lint::{apply_fixes, inline_linter as linter, lint_as};
use std::ops::Range;
use translint::input::Format;
use translint::{Category, Diagnostic, Document, Linter, Severity};

fn lint(linter: &Linter, text: &str, lang: Option<&str>) -> Vec<Diagnostic> {
    lint_as(linter, text, Format::Text, lang)
}

fn spans(found: &[Diagnostic]) -> Vec<Range<usize>> {
    found.iter().map(|d| d.span.clone()).collect()
}

/// (primary span, fix replacement) of each finding.
fn fixes(found: &[Diagnostic]) -> Vec<(Range<usize>, Option<String>)> {
    found
        .iter()
        .map(|d| {
            (
                d.span.clone(),
                d.fix.as_ref().map(|f| f.replacement.clone()),
            )
        })
        .collect()
}

fn messages(found: &[Diagnostic]) -> Vec<&str> {
    found.iter().map(|d| d.message.as_str()).collect()
}

// =============================================================================================
// substitution
// =============================================================================================

const SUBSTITUTION: &str = r#"
[pack]
name = "sub"

[[rule]]
id = "sub.kyiv"
kind = "substitution"
message = "Use '{replacement}' instead of '{match}'"
swap = { "Kiev" = "Kyiv", "Kharkov" = "Kharkiv" }
exceptions = ["chicken Kiev", "Dynamo Kiev"]

[[rule]]
id = "sub.belarus-de"
kind = "substitution"
languages = ["de"]
swap = { "Weißrussland" = "Belarus" }

[[rule]]
id = "sub.kyiv-ru"
kind = "substitution"
languages = ["ru"]
swap = { "Киев" = "Київ" }
"#;

#[test]
fn substitution_preserves_case() {
    let l = linter(SUBSTITUTION);
    // "Kiev" 0..4, ", " → "KIEV" 6..10, " and " → "kiev" 15..19.
    let text = "Kiev, KIEV and kiev.";
    let found = lint(&l, text, Some("en"));
    assert_eq!(
        fixes(&found),
        [
            (0..4, Some("Kyiv".into())),
            (6..10, Some("KYIV".into())),
            (15..19, Some("kyiv".into())),
        ]
    );
    assert_eq!(
        messages(&found),
        [
            "Use 'Kyiv' instead of 'Kiev'",
            "Use 'KYIV' instead of 'KIEV'",
            "Use 'kyiv' instead of 'kiev'",
        ]
    );
    assert_eq!(apply_fixes(text, &found), "Kyiv, KYIV and kyiv.");
}

#[test]
fn substitution_metadata_and_fix() {
    let l = linter(SUBSTITUTION);
    // "Talks in " = 9 → Kiev 9..13; " and " → Kharkov 18..25.
    let text = "Talks in Kiev and Kharkov resumed.";
    let found = lint(&l, text, Some("en"));
    assert_eq!(spans(&found), [9..13, 18..25]);
    let d = &found[0];
    assert_eq!(&*d.rule, "sub.kyiv");
    assert_eq!(d.severity, Severity::Warning, "default severity");
    assert_eq!(d.category, Category::Style, "default category");
    let f = d.fix.as_ref().expect("a fix");
    assert_eq!(f.span, 9..13);
    assert_eq!(f.replacement, "Kyiv");
    assert!(f.safe, "substitution fixes are safe by default");
    assert!(d.labels.is_empty());
    assert_eq!(
        apply_fixes(text, &found),
        "Talks in Kyiv and Kharkiv resumed."
    );
}

#[test]
fn substitution_is_word_bounded() {
    let l = linter(SUBSTITUTION);
    // Not words: Kievan, Kievs, Kiev2, XKiev. Words: "Kiev" before "-" (33..37) and before "'" (45..49).
    // "Kievan Rus, " 12 + "Kievs, " 7 + "Kiev2, " 7 + "XKiev, " 7 = 33; "Kiev-based, " 12 → 45.
    let text = "Kievan Rus, Kievs, Kiev2, XKiev, Kiev-based, Kiev's mayor";
    let found = lint(&l, text, Some("en"));
    assert_eq!(spans(&found), [33..37, 45..49]);
}

#[test]
fn substitution_exceptions() {
    let l = linter(SUBSTITUTION);
    // "He ordered chicken Kiev in " = 27 → the city is 27..31; the dish and the club are excepted.
    let text = "He ordered chicken Kiev in Kiev; Dynamo Kiev won.";
    let found = lint(&l, text, Some("en"));
    assert_eq!(spans(&found), [27..31]);
    // The phrase must be there in full: "chicken in Kiev" is no exception. "chicken in " = 11.
    let found = lint(&l, "chicken in Kiev", Some("en"));
    assert_eq!(spans(&found), [11..15]);
}

#[test]
fn substitution_case_sensitive() {
    let l = linter(
        r#"
[[rule]]
id = "sub.exact"
kind = "substitution"
case_sensitive = true
swap = { "Kiev" = "Kyiv" }
"#,
    );
    let found = lint(&l, "Kiev KIEV kiev", Some("en"));
    assert_eq!(fixes(&found), [(0..4, Some("Kyiv".into()))]);
}

#[test]
fn substitution_german() {
    let l = linter(SUBSTITUTION);
    // "Die Regierung von " = 18; "Weißrussland" has ß (2 bytes): 13 bytes → 18..31.
    // The genitive "Weißrusslands" is another word and is not matched.
    let text = "Die Regierung von Weißrussland reagierte. Weißrusslands Präsident schwieg.";
    let found = lint(&l, text, Some("de"));
    assert_eq!(fixes(&found), [(18..31, Some("Belarus".into()))]);
    assert_eq!(
        messages(&found),
        ["Write 'Belarus' instead of 'Weißrussland'"],
        "default substitution message"
    );
    // A German-only rule does not fire on English.
    assert!(lint(&l, "Weißrussland", Some("en")).is_empty());
}

#[test]
fn substitution_russian_word_boundaries_and_case() {
    let l = linter(SUBSTITUTION);
    // Cyrillic letters are 2 bytes. "в " = 3; "Киеве" 3..13 is another word (locative case);
    // " и " → "Киев" 17..25; ". " → "КИЕВ" 27..35; ", " → "киев" 37..45.
    let text = "в Киеве и Киев. КИЕВ, киев";
    let found = lint(&l, text, Some("ru"));
    assert_eq!(
        fixes(&found),
        [
            (17..25, Some("Київ".into())),
            (27..35, Some("КИЇВ".into())),
            (37..45, Some("київ".into())),
        ]
    );
    assert!(lint(&l, text, Some("en")).is_empty());
}

#[test]
fn substitution_fix_none_keeps_the_message() {
    let l = linter(
        r#"
[[rule]]
id = "sub.advice"
kind = "substitution"
fix = "none"
message = "Prefer '{replacement}' to '{match}'"
swap = { "Kiev" = "Kyiv" }
"#,
    );
    let found = lint(&l, "In Kiev.", Some("en"));
    assert_eq!(spans(&found), [3..7]);
    assert_eq!(messages(&found), ["Prefer 'Kyiv' to 'Kiev'"]);
    assert_eq!(found[0].fix, None);
}

#[test]
fn substitution_only_in_markdown_prose() {
    let l = linter(SUBSTITUTION);
    // Line 1 "# Kiev\n" (7): heading text Kiev 2..6. Line 2 "\n". Line 3 "`Kiev` and " (11) from 8:
    // Kiev after the code span is 19..23.
    let text = "# Kiev\n\n`Kiev` and Kiev\n";
    let found = lint_as(&l, text, Format::Markdown, Some("en"));
    assert_eq!(spans(&found), [2..6, 19..23]);
}

// =============================================================================================
// repetition
// =============================================================================================

const REPETITION: &str = r#"
[pack]
name = "rep"

[[rule]]
id = "rep.doubled"
kind = "repetition"
exceptions = { en = ["had", "that"], fr = ["nous", "vous"], de = ["sie"] }
allowed_after_comma = { de = ["die", "der", "das"] }
"#;

#[test]
fn repetition_basic_with_label_and_fix() {
    let l = linter(REPETITION);
    // "Officials said " = 15: first "the" 15..18, second 19..22.
    let text = "Officials said the the talks resumed.";
    let found = lint(&l, text, Some("en"));
    assert_eq!(found.len(), 1);
    let d = &found[0];
    assert_eq!(&*d.rule, "rep.doubled");
    assert_eq!(d.span, 19..22);
    assert_eq!(d.message, "The word 'the' is repeated");
    assert_eq!(
        d.category,
        Category::Garble,
        "default category of repetition"
    );
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.labels.len(), 1);
    assert_eq!(d.labels[0].span, 15..18);
    assert_eq!(d.labels[0].message, "first written here");
    let f = d.fix.as_ref().expect("a fix");
    assert_eq!(f.span, 18..22);
    assert_eq!(f.replacement, "");
    assert_eq!(
        apply_fixes(text, &found),
        "Officials said the talks resumed."
    );
}

#[test]
fn repetition_ignores_case() {
    let l = linter(REPETITION);
    assert_eq!(
        spans(&lint(&l, "The the talks resumed.", Some("en"))),
        [4..7]
    );
}

#[test]
fn repetition_across_one_line_break() {
    let l = linter(REPETITION);
    // "Police said " = 12: "the" 12..15, "\n", "the" 16..19 on line 2.
    let text = "Police said the\nthe suspect fled.";
    let found = lint(&l, text, Some("en"));
    assert_eq!(spans(&found), [16..19]);
    assert_eq!(found[0].labels[0].span, 12..15);
    let doc = Document::from_text("t", text.into(), Format::Text, Some("en"));
    assert_eq!(doc.line_col(16), (2, 1));

    // The same with CRLF: the second "the" is one byte later.
    let found = lint(&l, "Police said the\r\nthe suspect fled.", Some("en"));
    assert_eq!(spans(&found), [17..20]);
}

#[test]
fn repetition_not_across_a_blank_line() {
    let l = linter(REPETITION);
    for text in [
        "Police said the\n\nthe suspect fled.",
        "Police said the\r\n\r\nthe suspect fled.",
        "Police said the\n   \nthe suspect fled.",
    ] {
        assert!(lint(&l, text, Some("en")).is_empty(), "{text:?}");
    }
}

#[test]
fn repetition_not_across_punctuation() {
    let l = linter(REPETITION);
    for text in ["He said no, no way.", "It was the. The end.", "yes - yes"] {
        assert!(lint(&l, text, Some("en")).is_empty(), "{text:?}");
    }
}

#[test]
fn repetition_names_and_numbers_are_not_flagged() {
    let l = linter(REPETITION);
    for (text, lang) in [
        ("Flights to Bora Bora were cancelled.", Some("en")),
        ("Die Kur in Baden Baden war teuer.", Some("de")),
        ("Scores of 3 3 and 10 10 were recorded.", Some("en")),
        ("Le score était de 2 2 à la mi-temps.", Some("fr")),
    ] {
        assert!(lint(&l, text, lang).is_empty(), "{text:?}");
    }
}

#[test]
fn repetition_english_exceptions() {
    let l = linter(REPETITION);
    for text in [
        "By March the company had had no contact with the regulator.",
        "The minister insisted that that decision was final.",
        "Had had is a past perfect.",
    ] {
        assert!(lint(&l, text, Some("en")).is_empty(), "{text:?}");
    }
    // The exceptions are per language: "had had" in a German document is a doubled word.
    // "Er " = 3 → second "had" 7..10.
    assert_eq!(
        spans(&lint(&l, "Er had had keine Zeit.", Some("de"))),
        [7..10]
    );
}

#[test]
fn repetition_german() {
    let l = linter(REPETITION);
    // "Wir fordern " = 12: "die" 12..15, "die" 16..19.
    let found = lint(&l, "Wir fordern die die sofortige Freilassung.", Some("de"));
    assert_eq!(spans(&found), [16..19]);
    // "Die Regierung hat " = 18 → the second "hat" is 18..21.
    let found = lint(
        &l,
        "Die Regierung hat hat den Entwurf gebilligt.",
        Some("de"),
    );
    assert_eq!(spans(&found), [18..21]);
    for text in [
        "Die Frau, die die Zeitung liest, kam.",
        "Das Unternehmen, das das Werk betreibt, baut ab.",
        "Der Zeuge sagte, dass sie sie gesehen habe.",
    ] {
        assert!(lint(&l, text, Some("de")).is_empty(), "{text:?}");
    }
}

#[test]
fn repetition_french() {
    let l = linter(REPETITION);
    for text in [
        "Nous nous sommes rendus à Bruxelles.",
        "« Vous vous trompez », a répondu le porte-parole.",
    ] {
        assert!(lint(&l, text, Some("fr")).is_empty(), "{text:?}");
    }
    // "Les manifestants devant le " = 27 → the second "le" is 27..29.
    let found = lint(&l, "Les manifestants devant le le siège.", Some("fr"));
    assert_eq!(spans(&found), [27..29]);
    assert_eq!(found[0].labels[0].span, 24..26);
    // "nous nous" is only an exception in French.
    assert_eq!(spans(&lint(&l, "nous nous", Some("en"))), [5..9]);
}

#[test]
fn repetition_russian() {
    let l = linter(REPETITION);
    // "Встреча " = 15 bytes, "прошла " = 13 → "в" 28..30, second "в" 31..33.
    let found = lint(&l, "Встреча прошла в в Москве.", Some("ru"));
    assert_eq!(spans(&found), [31..33]);
    assert_eq!(found[0].message, "The word 'в' is repeated");
    // "Он " = 5 bytes → "он" 5..9.
    assert_eq!(spans(&lint(&l, "Он он сказал.", Some("ru"))), [5..9]);
}

#[test]
fn repetition_hyphenated_compound_is_not_a_doubling() {
    let l = linter(REPETITION);
    // "что-то" (something) after the conjunction "что" is not a doubled word.
    let found = lint(&l, "Он понял, что что-то не так.", Some("ru"));
    assert!(found.is_empty(), "{:?}", fixes(&found));
    let found = lint(&l, "They published an in in-depth report.", Some("en"));
    assert!(found.is_empty(), "{:?}", fixes(&found));
}

#[test]
fn repetition_in_markdown_paragraphs() {
    let l = linter(REPETITION);
    // A soft line break inside one paragraph: flagged. "Police said the\n" = 16 → 16..19.
    let found = lint_as(
        &l,
        "Police said the\nthe suspect fled.\n",
        Format::Markdown,
        Some("en"),
    );
    assert_eq!(spans(&found), [16..19]);
    // Inline code between the words: not a doubling.
    assert!(lint_as(&l, "the `x` the\n", Format::Markdown, Some("en")).is_empty());
}

#[test]
fn repetition_not_across_table_cells() {
    let l = linter(REPETITION);
    let text = "| Vote | Result |\n|---|---|\n| no | no |\n";
    let found = lint_as(&l, text, Format::Markdown, Some("en"));
    assert!(found.is_empty(), "{:?}", fixes(&found));
}

#[test]
fn repetition_not_across_list_items() {
    let l = linter(REPETITION);
    let text = "- we agreed on the\n- the plan was approved\n";
    let found = lint_as(&l, text, Format::Markdown, Some("en"));
    assert!(found.is_empty(), "{:?}", fixes(&found));
}

#[test]
fn repetition_not_across_an_entity() {
    let l = linter(REPETITION);
    assert!(lint_as(&l, "Prices rose more & more.\n", Format::Text, Some("en")).is_empty());
    let found = lint_as(
        &l,
        "Prices rose more &amp; more.\n",
        Format::Markdown,
        Some("en"),
    );
    assert!(found.is_empty(), "{:?}", fixes(&found));
}

#[test]
fn repetition_star_exceptions_apply_to_every_language() {
    let l = linter(
        r#"
[[rule]]
id = "rep.star"
kind = "repetition"
exceptions = { "*" = ["bye"] }
"#,
    );
    for lang in [Some("en"), Some("de"), None] {
        assert!(lint(&l, "bye bye", lang).is_empty(), "{lang:?}");
        assert_eq!(spans(&lint(&l, "go go", lang)), [3..5], "{lang:?}");
    }
}

// =============================================================================================
// consistency
// =============================================================================================

const CONSISTENCY: &str = r#"
[pack]
name = "con"

[[rule]]
id = "con.kyiv"
kind = "consistency"
sets = [["Kyiv", "Kiev"]]

[[rule]]
id = "con.turkiye"
kind = "consistency"
message = "'{match}' mixed with '{replacement}'"
sets = [["Türkiye", "Turkey"]]

[[rule]]
id = "con.gaddafi"
kind = "consistency"
case_sensitive = false
sets = [["Gaddafi", "Gadhafi"]]

[[rule]]
id = "con.belarus-de"
kind = "consistency"
languages = ["de"]
sets = [["Belarus", "Weißrussland|Weißrusslands"]]

[[rule]]
id = "con.belarus-fr"
kind = "consistency"
languages = ["fr"]
sets = [["Bélarus", "Biélorussie"]]

[[rule]]
id = "con.belarus-ru"
kind = "consistency"
languages = ["ru"]
sets = [["Беларусь|Беларуси", "Белоруссия|Белоруссии"]]
"#;

#[test]
fn consistency_minority_form_is_flagged_with_a_label() {
    let l = linter(CONSISTENCY);
    // Kyiv 0..4; "Kyiv said. " = 11 → Kiev 11..15; Kyiv 22..26.
    let text = "Kyiv said. Kiev said. Kyiv again.";
    let found = lint(&l, text, Some("en"));
    assert_eq!(found.len(), 1);
    let d = &found[0];
    assert_eq!(&*d.rule, "con.kyiv");
    assert_eq!(d.span, 11..15);
    assert_eq!(
        d.message,
        "'Kiev' is spelled 'Kyiv' elsewhere in this document"
    );
    assert_eq!(d.category, Category::Style);
    assert_eq!(d.labels.len(), 1);
    assert_eq!(d.labels[0].span, 0..4);
    assert_eq!(d.labels[0].message, "first written as 'Kyiv' here");
    let f = d.fix.as_ref().expect("a fix");
    assert_eq!((f.span.clone(), f.replacement.as_str()), (11..15, "Kyiv"));
    assert!(!f.safe, "consistency fixes are unsafe by default");
}

#[test]
fn consistency_majority_wins_whatever_the_set_order() {
    let l = linter(CONSISTENCY);
    // Kiev is the majority here although the set lists Kyiv first. Kyiv is 11..15.
    let found = lint(&l, "Kiev said. Kyiv said. Kiev again.", Some("en"));
    assert_eq!(fixes(&found), [(11..15, Some("Kiev".into()))]);
    assert_eq!(found[0].labels[0].span, 0..4);
    assert_eq!(found[0].labels[0].message, "first written as 'Kiev' here");
}

#[test]
fn consistency_tie_goes_to_the_first_used() {
    let l = linter(CONSISTENCY);
    // "Kiev first, then " = 17 → Kyiv 17..21.
    let found = lint(&l, "Kiev first, then Kyiv.", Some("en"));
    assert_eq!(fixes(&found), [(17..21, Some("Kiev".into()))]);
    assert_eq!(found[0].labels[0].span, 0..4);
    let found = lint(&l, "Kyiv first, then Kiev.", Some("en"));
    assert_eq!(fixes(&found), [(17..21, Some("Kyiv".into()))]);
}

#[test]
fn consistency_one_form_only_is_fine() {
    let l = linter(CONSISTENCY);
    assert!(lint(&l, "Kiev and Kiev and Kiev.", Some("en")).is_empty());
    assert!(lint(&l, "Kyiv.", Some("en")).is_empty());
}

#[test]
fn consistency_is_case_sensitive_by_default() {
    let l = linter(CONSISTENCY);
    // The bird is not the country.
    let text = "Türkiye hosted the talks; the turkey was roasted. Türkiye agreed.";
    assert!(lint(&l, text, Some("en")).is_empty());
    // "Türkiye" is 8 bytes; "Türkiye hosted talks. " = 23 bytes → Turkey 23..29. Custom message.
    let found = lint(&l, "Türkiye hosted talks. Turkey agreed.", Some("en"));
    assert_eq!(spans(&found), [23..29]);
    assert_eq!(messages(&found), ["'Turkey' mixed with 'Türkiye'"]);
    assert_eq!(found[0].labels[0].span, 0..8);
    assert_eq!(
        found[0].labels[0].message,
        "first written as 'Türkiye' here"
    );
}

#[test]
fn consistency_case_insensitive_preserves_case() {
    let l = linter(CONSISTENCY);
    // "GADDAFI ruled. " = 15 → Gadhafi 15..22; ". " → Gadhafi 24..31. GADDAFI is the minority.
    let found = lint(&l, "GADDAFI ruled. Gadhafi fell. Gadhafi died.", Some("en"));
    assert_eq!(fixes(&found), [(0..7, Some("GADHAFI".into()))]);
    assert_eq!(found[0].labels[0].span, 15..22);
}

#[test]
fn consistency_german_families_with_alternatives() {
    let l = linter(CONSISTENCY);
    // "Belarus schloss die Grenze. " = 28; "Der Präsident von " = 19 (ä is 2 bytes) → Belarus 47..54;
    // " sprach. " → "Weißrusslands" (14 bytes) 63..77. The families have different numbers of
    // forms, so only a base form has a known replacement: no fix for the genitive.
    let text = "Belarus schloss die Grenze. Der Präsident von Belarus sprach. Weißrusslands Opposition protestierte.";
    let found = lint(&l, text, Some("de"));
    assert_eq!(fixes(&found), [(63..77, None)]);
    assert_eq!(
        messages(&found),
        ["'Weißrusslands' is spelled 'Belarus' elsewhere in this document"]
    );
    assert_eq!(found[0].labels[0].span, 0..7);

    // The base form does get a fix. "Belarus und Belarus, aber " = 26 → Weißrussland 26..39.
    let found = lint(&l, "Belarus und Belarus, aber Weißrussland.", Some("de"));
    assert_eq!(fixes(&found), [(26..39, Some("Belarus".into()))]);

    // Alternatives of one family count together: Weißrussland + Weißrusslands (2) beat Belarus (1).
    // "Weißrussland und " = 18 bytes (ß) → Belarus 18..25.
    let found = lint(
        &l,
        "Weißrussland und Belarus. Weißrusslands Grenze.",
        Some("de"),
    );
    assert_eq!(fixes(&found), [(18..25, Some("Weißrussland".into()))]);

    // A German-only rule does not run on English.
    assert!(lint(&l, "Belarus und Weißrussland", Some("en")).is_empty());
}

#[test]
fn consistency_french() {
    let l = linter(CONSISTENCY);
    // "La " = 3 → "Biélorussie" (é: 12 bytes) 3..15. "La Biélorussie a fermé sa frontière. Le " = 43 bytes
    // (é, è are 2 bytes) → "Bélarus" (8 bytes) 43..51.
    let text = "La Biélorussie a fermé sa frontière. Le Bélarus dément. Le Bélarus accuse.";
    let found = lint(&l, text, Some("fr"));
    assert_eq!(fixes(&found), [(3..15, Some("Bélarus".into()))]);
    assert_eq!(found[0].labels[0].span, 43..51);
    assert_eq!(
        found[0].labels[0].message,
        "first written as 'Bélarus' here"
    );
}

#[test]
fn consistency_russian_aligned_families() {
    let l = linter(CONSISTENCY);
    // Cyrillic is 2 bytes a letter. "Беларусь" 0..16; "Белоруссии" (10 letters) starts at 105.
    // The families are aligned, so the genitive Белоруссии maps to the genitive Беларуси.
    let text =
        "Беларусь закрыла границу. Президент Беларуси заявил, что Белоруссии ничто не угрожает.";
    let found = lint(&l, text, Some("ru"));
    assert_eq!(fixes(&found), [(105..125, Some("Беларуси".into()))]);
    assert_eq!(
        messages(&found),
        ["'Белоруссии' is spelled 'Беларуси' elsewhere in this document"]
    );
    assert_eq!(found[0].labels[0].span, 0..16);
    assert_eq!(
        found[0].labels[0].message,
        "first written as 'Беларусь' here"
    );
}

#[test]
fn consistency_counts_only_markdown_prose() {
    let l = linter(CONSISTENCY);
    // Kiev appears only in code and a link destination: nothing to compare Kyiv against.
    let text =
        "Kyiv said.\n\n`Kiev` and [the report](https://example.org/Kiev).\n\n```\nKiev Kiev\n```\n";
    assert!(lint_as(&l, text, Format::Markdown, Some("en")).is_empty());
}

// =============================================================================================
// pattern
// =============================================================================================

const PATTERN: &str = r#"
[pack]
name = "pat"

[[rule]]
id = "pat.percent"
kind = "pattern"
message = "Write '{replacement}' instead of '{match}'"
pattern = '(\d+) ?pc\b'
replacement = "$1%"

[[rule]]
id = "pat.zb"
kind = "pattern"
languages = ["de"]
severity = "info"
message = "Abkürzung '{match}' ausschreiben"
pattern = '\bz\. ?B\.'

[[rule]]
id = "pat.pleonasm"
kind = "pattern"
languages = ["fr"]
category = "style"
message = "Pléonasme : « {match} »"
pattern = ["\\bau jour d'aujourd'hui\\b", "(?i)\\bmonter en haut\\b"]

[[rule]]
id = "pat.named"
kind = "pattern"
languages = ["es"]
fix = "safe"
pattern = '(?P<num>\d+) ?mill\.'
replacement = "${num} millones"
"#;

#[test]
fn pattern_replacement_expands_groups() {
    let l = linter(PATTERN);
    // "Prices rose " = 12 → "5 pc" 12..16; ", wages " → "12pc" 24..28; "7 pcs" does not match.
    let text = "Prices rose 5 pc, wages 12pc and 7 pcs.";
    let found = lint(&l, text, Some("en"));
    assert_eq!(
        fixes(&found),
        [(12..16, Some("5%".into())), (24..28, Some("12%".into()))]
    );
    assert_eq!(
        messages(&found),
        [
            "Write '5%' instead of '5 pc'",
            "Write '12%' instead of '12pc'"
        ]
    );
    let d = &found[0];
    assert_eq!(&*d.rule, "pat.percent");
    assert_eq!(d.category, Category::Style, "default category of pattern");
    assert_eq!(d.severity, Severity::Warning);
    assert!(
        !d.fix.as_ref().unwrap().safe,
        "a pattern replacement is unsafe by default"
    );
    assert_eq!(
        apply_fixes(text, &found),
        "Prices rose 5%, wages 12% and 7 pcs."
    );
}

#[test]
fn pattern_named_group_and_safe_fix() {
    let l = linter(PATTERN);
    // "Costó " = 7 bytes (ó) → "30 mill." 7..15.
    let found = lint(&l, "Costó 30 mill. de euros.", Some("es"));
    assert_eq!(fixes(&found), [(7..15, Some("30 millones".into()))]);
    assert!(found[0].fix.as_ref().unwrap().safe);
    // The default pattern message names the match.
    assert_eq!(messages(&found), ["'30 mill.' matches a forbidden pattern"]);
}

#[test]
fn pattern_match_in_message_german() {
    let l = linter(PATTERN);
    // "Das gilt " = 9 → "z. B." 9..14; " für Berlin und " (ü: 2 bytes) = 17 → "z.B." 31..35.
    let text = "Das gilt z. B. für Berlin und z.B. für Bonn.";
    let found = lint(&l, text, Some("de"));
    assert_eq!(fixes(&found), [(9..14, None), (31..35, None)]);
    assert_eq!(
        messages(&found),
        [
            "Abkürzung 'z. B.' ausschreiben",
            "Abkürzung 'z.B.' ausschreiben"
        ]
    );
    assert_eq!(found[0].severity, Severity::Info);
    // Only for German documents; without an override the language is detected as German.
    assert!(lint(&l, text, Some("en")).is_empty());
    assert_eq!(spans(&lint(&l, text, None)), [9..14, 31..35]);
}

#[test]
fn pattern_array_french() {
    let l = linter(PATTERN);
    // "Il faut, " = 9 → "au jour d'aujourd'hui" (21) 9..30; ", " → "Monter en haut" 32..46 ((?i)).
    let text = "Il faut, au jour d'aujourd'hui, Monter en haut de la tour. Aujourd'hui, rien.";
    let found = lint(&l, text, Some("fr"));
    assert_eq!(spans(&found), [9..30, 32..46]);
    assert_eq!(
        messages(&found),
        [
            "Pléonasme : « au jour d'aujourd'hui »",
            "Pléonasme : « Monter en haut »"
        ]
    );
    // The first pattern is case-sensitive.
    assert!(lint(&l, "Au jour d'aujourd'hui.", Some("fr")).is_empty());
}

#[test]
fn pattern_only_in_markdown_prose() {
    let l = linter(PATTERN);
    // Line 1 "Code `z. B.` und z. B. hier\n": "Code `z. B.` und " = 17 → 17..22.
    let text = "Code `z. B.` und z. B. hier\n\n    z. B. indented code\n";
    let found = lint_as(&l, text, Format::Markdown, Some("de"));
    assert_eq!(spans(&found), [17..22]);
}

#[test]
fn findings_of_all_kinds_are_sorted_by_position() {
    let rules = format!(
        "{SUBSTITUTION}\n{}",
        REPETITION.replace("[pack]\nname = \"rep\"\n", "")
    )
    .replace("id = \"rep.doubled\"", "id = \"sub.doubled\"");
    let l = linter(&rules);
    // "the the" → second "the" 4..7; "Kiev" 8..12. Ordered by position.
    let found = lint(&l, "the the Kiev", Some("en"));
    let got: Vec<(&str, Range<usize>)> = found.iter().map(|d| (&*d.rule, d.span.clone())).collect();
    assert_eq!(got, [("sub.doubled", 4..7), ("sub.kyiv", 8..12)]);
}
