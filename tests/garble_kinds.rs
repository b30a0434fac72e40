//! The `mixed-script`, `mojibake`, `loop` and `brackets` kinds through the library API, with the
//! built-in `garble` pack and the opt-in `extra/quotes.toml`, plus rule-file errors for their keys.
//! Clean news must stay silent; garbled news must be flagged at the expected place.

mod common;

use common::lint::{apply_fixes, builtin_rule, flagged, lint, lint_as, pack, span_of};
use std::path::Path;
use std::sync::Arc;
use translint::input::Format;
use translint::rules::{load_builtin, load_path, load_source, selftest, RuleSource};

#[test]
fn the_packs_here_are_the_built_in_ones() {
    let set = load_builtin().expect("built-in rules load");
    for id in [
        "garble.mixed-script",
        "garble.mojibake",
        "garble.loop",
        "garble.brackets",
        "language.untranslated",
        "language.foreign-script",
    ] {
        assert!(set.get(id).is_some(), "{id}");
    }
}
use translint::{Category, Linter, Severity};

const GARBLE_PACK: &str = include_str!("../rules/garble/garble.toml");
const LANGUAGE_PACK: &str = include_str!("../rules/language/language.toml");

/// One rule of the built-in garble pack (loading only that pack keeps the tests fast).
fn builtin(id: &str) -> Linter {
    builtin_rule("garble/garble.toml", GARBLE_PACK, id)
}

fn quotes() -> Linter {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("extra/quotes.toml");
    Linter::new(load_path(&path).expect("extra/quotes.toml loads"))
}

fn inline(toml: &str) -> Result<Linter, String> {
    let source = Arc::new(RuleSource {
        name: "test.toml".into(),
        text: toml.into(),
    });
    load_source(source).map(Linter::new).map_err(|errors| {
        errors
            .iter()
            .map(|e| format!("{} [{}] {}", e.message, e.label, e.notes.join("; ")))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

fn assert_silent(linter: &Linter, cases: &[(&str, &str)]) {
    for (lang, text) in cases {
        let found = lint(linter, text, lang);
        assert_eq!(flagged(text, &found), Vec::<&str>::new(), "{lang}: {text}");
    }
}

// =============================================================================================
// mixed-script
// =============================================================================================

#[test]
fn mixed_script_latin_word_with_cyrillic_letter() {
    let linter = builtin("garble.mixed-script");
    let text = "Air raid sirens sounded across K\u{443}iv early on Tuesday.";
    let found = lint(&linter, text, "en");
    assert_eq!(flagged(text, &found), ["K\u{443}iv"]);
    let d = &found[0];
    assert_eq!(d.category, Category::Garble);
    assert_eq!(
        d.message,
        "'K\u{443}iv' is a Latin word with Cyrillic 'у' (U+0443) in it"
    );
    assert!(d.fix.as_ref().is_some_and(|f| f.safe));
    assert_eq!(
        apply_fixes(text, &found),
        "Air raid sirens sounded across Kyiv early on Tuesday."
    );
}

#[test]
fn mixed_script_in_german_russian_and_greek_text() {
    let linter = builtin("garble.mixed-script");
    for (lang, bad, good) in [
        (
            "de",
            "Die Gespräche in Gen\u{435}va wurden fortgesetzt.",
            "Die Gespräche in Geneva wurden fortgesetzt.",
        ),
        (
            "ru",
            "Переговоры в М\u{6f}скве возобновятся в понедельник.",
            "Переговоры в Москве возобновятся в понедельник.",
        ),
        (
            "el",
            "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την \u{41}θήνα.",
            "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την Αθήνα.",
        ),
        (
            "fr",
            "Le s\u{43f}mmet de G\u{3bf}a s'est ouvert lundi.",
            "Le s\u{43f}mmet de Goa s'est ouvert lundi.",
        ),
    ] {
        let found = lint(&linter, bad, lang);
        assert!(!found.is_empty(), "{bad}");
        assert_eq!(apply_fixes(bad, &found), good, "{lang}");
    }
    // "п" has no Latin look-alike: flagged, but without a fix.
    let text = "Le s\u{43f}mmet s'est ouvert lundi.";
    let found = lint(&linter, text, "fr");
    assert_eq!(flagged(text, &found), ["s\u{43f}mmet"]);
    assert!(found[0].fix.is_none());
}

#[test]
fn mixed_script_tie_goes_to_the_document_script() {
    let linter = builtin("garble.mixed-script");
    // Latin X and Cyrillic Х, one each: the document is Cyrillic.
    let text = "Это было в X\u{425} веке, сказал историк.";
    assert_eq!(
        apply_fixes(text, &lint(&linter, text, "ru")),
        "Это было в \u{425}\u{425} веке, сказал историк."
    );
    // The Latin "i" has a Cyrillic look-alike only in Ukrainian.
    let text = "Це сталося в Києв\u{69}, сказав мер.";
    let found = lint(&linter, text, "uk");
    assert_eq!(apply_fixes(text, &found), "Це сталося в Києві, сказав мер.");
    let text = "Это случилось в Ки\u{69}ве, сказал мэр.";
    let found = lint(&linter, text, "ru");
    assert_eq!(flagged(text, &found), ["Ки\u{69}ве"]);
    assert!(found[0].fix.is_none());
}

#[test]
fn mixed_script_clean_text_is_silent() {
    assert_silent(
        &builtin("garble.mixed-script"),
        &[
            (
                "en",
                "Air raid sirens sounded across Kyiv and Kharkiv early on Tuesday.",
            ),
            (
                "en",
                "The dose was 50 μg per kilogram; the reading 0.2 μSv per hour; 4.7 kΩ.",
            ),
            (
                "ru",
                "Компания Apple представила новый iPhone на конференции WWDC в Купертино.",
            ),
            ("ru", "Он закрыл замóк и ушёл, сказав «до свидáния»."),
            (
                "de",
                "Die Zeitung „Коммерсантъ“ berichtete über den Rücktritt von Sergei Lawrow.",
            ),
            (
                "el",
                "Ο πρωθυπουργός συναντήθηκε με τον CEO της Pfizer στην Αθήνα.",
            ),
            ("ja", "アップルはiPhone発売を東京で発表した。"),
        ],
    );
}

#[test]
fn mixed_script_exceptions_are_a_rule_key() {
    let linter = inline(
        r#"
[[rule]]
id = "house.mixed"
kind = "mixed-script"
exceptions = ["K\u0443iv"]
"#,
    )
    .expect("loads");
    assert!(lint(&linter, "Talks in K\u{443}iv resumed.", "en").is_empty());
    assert_eq!(
        lint(&linter, "Talks in Gen\u{435}va resumed.", "en").len(),
        1
    );
}

// =============================================================================================
// mojibake
// =============================================================================================

#[test]
fn mojibake_is_repaired_in_five_languages() {
    let linter = builtin("garble.mojibake");
    for (lang, bad, good) in [
        (
            "fr",
            "Le CafÃ© de Flore a rouvert ses portes mardi.",
            "Le Café de Flore a rouvert ses portes mardi.",
        ),
        (
            "en",
            "The minister said she didnâ€™t know the details.",
            "The minister said she didn’t know the details.",
        ),
        (
            "de",
            "Die Polizei in MÃ¼nchen und KÃ¶ln nahm drei VerdÃ¤chtige fest.",
            "Die Polizei in München und Köln nahm drei Verdächtige fest.",
        ),
        (
            "es",
            "La reuniÃ³n terminÃ³ sin acuerdo, informÃ³ el ministerio.",
            "La reunión terminó sin acuerdo, informó el ministerio.",
        ),
        (
            "ru",
            "Ð\u{9f}Ñ€ÐµÐ·Ð¸Ð´ÐµÐ½Ñ‚ выступил в среду.",
            "Президент выступил в среду.",
        ),
        (
            "pl",
            "Premier spotkaÅ‚ siÄ™ z prezydentem w Å\u{81}odzi.",
            "Premier spotkał się z prezydentem w Łodzi.",
        ),
    ] {
        let found = lint(&linter, bad, lang);
        assert!(!found.is_empty(), "{bad}");
        assert!(found.iter().all(|d| d.severity == Severity::Error));
        assert!(found.iter().all(|d| d.fix.as_ref().is_some_and(|f| f.safe)));
        assert_eq!(apply_fixes(bad, &found), good, "{lang}");
    }
}

#[test]
fn mojibake_spans_cover_the_garbled_stretch() {
    let linter = builtin("garble.mojibake");
    let text = "â€œWe will win,â€\u{9d} he said in MÃ¼nchen.";
    let found = lint(&linter, text, "en");
    assert_eq!(flagged(text, &found), ["â€œ", "â€\u{9d}", "Ã¼"]);
    assert_eq!(
        found[2].message,
        "Garbled characters 'Ã¼': UTF-8 text decoded as Windows-1252 or Latin-1"
    );
    // A whole garbled Russian phrase is one finding.
    let text = "Заголовок: Ð¿Ñ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ€ и всё.";
    let found = lint(&linter, text, "ru");
    assert_eq!(flagged(text, &found), ["Ð¿Ñ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ€"]);
    assert_eq!(apply_fixes(text, &found), "Заголовок: привет мир и всё.");
}

#[test]
fn mojibake_clean_text_is_silent() {
    assert_silent(
        &builtin("garble.mojibake"),
        &[
            (
                "pt",
                "O presidente visitou São Paulo e a Ilha de Marajó na terça-feira.",
            ),
            (
                "fr",
                "Le château de Versailles a accueilli un sommet à l'âge d'or de la diplomatie.",
            ),
            (
                "fr",
                "Il a dit « café… » puis « rêvé…”, et l'ÉTÉ» s'est terminé.",
            ),
            (
                "de",
                "„Viele Grüße“, schrieb er, „und einen herzlichen Gruß“… Fuß–Ball.",
            ),
            (
                "is",
                "Forsætisráðherra Íslands ræddi við blaðamenn á Þingvöllum og í Ísafirði.",
            ),
            ("sr", "Ðorđe Balašević je rođen u Novom Sadu."),
            ("es", "España y Ñuñoa: el niño comió ñoquis."),
            ("da", "Ærø, Øresund og Åbenrå."),
        ],
    );
}

// =============================================================================================
// loop
// =============================================================================================

#[test]
fn loop_repeated_phrases_in_four_languages() {
    let linter = builtin("garble.loop");
    for (lang, bad, repeated, good) in [
        (
            "en",
            "Protests continued in the city in the city in the city on Sunday.",
            "in the city in the city",
            "Protests continued in the city on Sunday.",
        ),
        (
            "de",
            "Die Polizei nahm am frühen Montag am frühen Montag drei Verdächtige fest.",
            "am frühen Montag",
            "Die Polizei nahm am frühen Montag drei Verdächtige fest.",
        ),
        (
            "fr",
            "Le gouvernement a annoncé que le gouvernement a annoncé que la réforme était retirée.",
            "le gouvernement a annoncé que",
            "Le gouvernement a annoncé que la réforme était retirée.",
        ),
        (
            "ru",
            "Переговоры пройдут в Женеве, в Женеве, в Женеве в среду.",
            "в Женеве, в Женеве",
            "Переговоры пройдут в Женеве в среду.",
        ),
    ] {
        let found = lint(&linter, bad, lang);
        assert_eq!(flagged(bad, &found), [repeated], "{lang}");
        let d = &found[0];
        assert_eq!(d.category, Category::Garble);
        assert_eq!(d.labels.len(), 1);
        assert_eq!(d.labels[0].message, "first written here");
        assert!(d.fix.as_ref().is_some_and(|f| !f.safe));
        assert_eq!(apply_fixes(bad, &found), good, "{lang}");
    }
}

#[test]
fn loop_message_names_the_repetition() {
    let linter = builtin("garble.loop");
    let text = "Protests continued in the city in the city on Sunday.";
    let found = lint(&linter, text, "en");
    assert_eq!(
        found[0].message,
        "'in the city' repeats the words just before it"
    );
    assert_eq!(found[0].labels[0].span, span_of(text, "in the city"));
}

#[test]
fn loop_repeated_sentence_in_a_paragraph() {
    let linter = builtin("garble.loop");
    let text = "Le président a annoncé sa démission. Les marchés ont réagi. Le président a annoncé sa démission.\n\nLe président a annoncé sa démission.";
    let found = lint(&linter, text, "fr");
    // The third paragraph is another paragraph: only the repetition inside the first is flagged.
    assert_eq!(found.len(), 1);
    let second = text
        .match_indices("Le président a annoncé sa démission.")
        .nth(1)
        .map(|(i, _)| i);
    assert_eq!(Some(found[0].span.start), second);
    assert!(found[0]
        .message
        .ends_with("repeats a sentence earlier in this paragraph"));
    // Far apart in one paragraph: a deliberate repetition, not a loop.
    let text = "Der Minister trat zurück. Die Börse reagierte gelassen. Die Opposition jubelte. Die Regierung schwieg. Der Minister trat zurück.";
    assert!(lint(&linter, text, "de").is_empty());
}

#[test]
fn loop_clean_text_is_silent() {
    assert_silent(
        &builtin("garble.loop"),
        &[
            ("en", "They chanted \"lock her up, lock her up\" outside the courthouse."),
            ("en", "Frank Sinatra's New York New York played as the mayor arrived in Walla Walla."),
            ("en", "Officials said the the talks would resume on Monday."),
            ("en", "Prices rose step by step by step, and more and more people left."),
            ("en", "He scored in the 10th minute and again in the 90th minute."),
            ("de", "Ziel sei, das Reisen von Stadt zu Stadt zu fördern."),
            ("de", "Allgemeine Informationen über das Dromedar\nDas Dromedar ist das Tier der Sahara."),
            ("fr", "Le président a annoncé sa démission mardi. Le président du Sénat assure l'intérim."),
            ("ru", "Цены растут и растут, сказал министр, а зарплаты нет."),
            ("en", "The score was 2 2 after extra time, and 1 1 at half time."),
        ],
    );
}

#[test]
fn loop_lengths_are_rule_keys() {
    let text = "Protests continued in the very old city in the very old city on Sunday.";
    assert_eq!(lint(&builtin("garble.loop"), text, "en").len(), 1);
    let linter = inline(
        "[[rule]]\nid = \"house.loop\"\nkind = \"loop\"\nmax_words = 3\nmin_sentence_words = 0\n",
    )
    .expect("loads");
    assert!(lint(&linter, text, "en").is_empty());
    assert_eq!(
        lint(
            &linter,
            "Talks resumed in old Geneva in old Geneva on Monday.",
            "en"
        )
        .len(),
        1
    );
    // Two words need three copies.
    assert!(lint(
        &linter,
        "Talks resumed in Geneva in Geneva on Monday.",
        "en"
    )
    .is_empty());
    assert_eq!(
        lint(
            &linter,
            "Talks resumed in Geneva in Geneva in Geneva on Monday.",
            "en"
        )
        .len(),
        1
    );
    let text = "Talks resumed. Talks resumed.";
    assert!(lint(&builtin("garble.loop"), text, "en").is_empty());
    let linter = inline("[[rule]]\nid = \"house.loop\"\nkind = \"loop\"\nmin_sentence_words = 2\n")
        .expect("loads");
    assert_eq!(lint(&linter, text, "en").len(), 1);
}

// =============================================================================================
// brackets (built-in: brackets only) and extra/quotes.toml (opt-in: quotation marks)
// =============================================================================================

#[test]
fn brackets_unclosed_and_unopened() {
    let linter = builtin("garble.brackets");
    for (lang, text, mark, problem) in [
        (
            "en",
            "The talks (which began in March resumed on Monday.",
            "(",
            "is never closed in this paragraph",
        ),
        (
            "de",
            "Die Gespräche] wurden am Montag in Genf fortgesetzt.",
            "]",
            "closes a bracket that was never opened in this paragraph",
        ),
        (
            "ja",
            "首相は「交渉を続けると述べた。",
            "「",
            "opens a quotation that is never closed in this paragraph",
        ),
        (
            "zh",
            "外交部发言人表示（北京时间周一，会谈将继续。",
            "（",
            "is never closed in this paragraph",
        ),
    ] {
        let found = lint(&linter, text, lang);
        assert_eq!(flagged(text, &found), [mark], "{text}");
        assert_eq!(found[0].message, format!("'{mark}' {problem}"));
        assert_eq!(found[0].category, Category::Typography);
        assert!(found[0].help.is_some());
    }
}

#[test]
fn brackets_clean_text_is_silent() {
    assert_silent(
        &builtin("garble.brackets"),
        &[
            (
                "en",
                "The talks (which began in March) resumed on Monday [in Geneva].",
            ),
            (
                "en",
                "The options were: a) talks, b) sanctions, c) neither :) or :(",
            ),
            (
                "de",
                "Die Gespräche (in Genf) wurden am Montag fortgesetzt.",
            ),
            (
                "ja",
                "首相は「交渉を続ける」と述べた（東京）。『朝日新聞』が報じた。",
            ),
            (
                "en",
                "“We will not give up,” the minister said. “The talks will go on.",
            ),
        ],
    );
}

#[test]
fn brackets_are_per_paragraph() {
    let linter = builtin("garble.brackets");
    let text = "The talks (which began\n\nin March) resumed.";
    let found = lint(&linter, text, "en");
    assert_eq!(flagged(text, &found), ["(", ")"]);
    // In Markdown, link syntax is not prose.
    let md = "See [the report](https://example.org/a) (page 3).\n";
    assert!(lint_as(&linter, md, Format::Markdown, Some("en")).is_empty());
}

#[test]
fn quotes_unbalanced_in_six_languages() {
    let linter = quotes();
    for (lang, text, mark) in [
        (
            "en",
            "“We will not give up,” the minister said. “The talks will go on.",
            "“",
        ),
        (
            "en",
            "The minister said the talks will go on,” a spokesman added.",
            "”",
        ),
        (
            "de",
            "Der Minister sagte: „Wir werden nicht aufgeben. Die Gespräche gehen weiter.",
            "„",
        ),
        (
            "fr",
            "Le ministre a déclaré : « Nous ne céderons pas. Les discussions continuent.",
            "«",
        ),
        (
            "ru",
            "Министр заявил: «Мы не отступим. Переговоры продолжатся.",
            "«",
        ),
        (
            "pl",
            "Minister powiedział: „Nie poddamy się. Rozmowy będą kontynuowane.",
            "„",
        ),
        ("en", "He said \"we will win on Monday and left.", "\""),
    ] {
        let found = lint(&linter, text, lang);
        assert_eq!(flagged(text, &found), [mark], "{text}");
        assert_eq!(found[0].rule.as_ref(), "quotes.unbalanced");
    }
}

#[test]
fn quotes_clean_text_is_silent() {
    assert_silent(
        &quotes(),
        &[
            (
                "en",
                "“We will not give up,” the minister said. The students’ union didn’t agree.",
            ),
            (
                "en",
                "He said \"we will win\" and left; he is 6'2\" tall; rock 'n' roll.",
            ),
            ("en", "Fans of the ’90s band said ‘no’ to the reunion."),
            (
                "de",
                "Der Minister sagte: „Wir werden nicht aufgeben.“ Er las »Die Zeit« und ›Bild‹.",
            ),
            (
                "fr",
                "Le ministre a déclaré : « Nous ne céderons pas », avant de parler de l\"économie.",
            ),
            (
                "ru",
                "Министр заявил: «Мы не отступим, „никогда“ не отступим».",
            ),
            ("pl", "Minister powiedział: „Nie poddamy się” i wyszedł."),
            ("sv", "Ministern sa: ”Vi ger inte upp” på måndagen."),
            (
                "en",
                "“We will not give up.\n“The talks will go on,” the minister said.",
            ),
        ],
    );
}

#[test]
fn a_quotation_continued_in_the_next_paragraph_is_not_unclosed() {
    let linter = quotes();
    let text = "“We will not give up.\n\n“The talks will go on,” the minister said.";
    assert!(lint(&linter, text, "en").is_empty());
    let text = "“We will not give up.\n\nThe talks will go on, the minister said.";
    assert_eq!(flagged(text, &lint(&linter, text, "en")), ["“"]);
}

#[test]
fn the_opt_in_pack_passes_its_own_examples() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("extra");
    let set = load_path(&path).expect("extra/ loads");
    let report = selftest::run(set.rules());
    assert!(report.failures.is_empty(), "{:#?}", report.failures);
    assert!(report.untested.is_empty());
    assert!(report.examples >= 10);
}

// =============================================================================================
// rule files
// =============================================================================================

#[test]
fn new_keys_are_validated() {
    for (toml, expected) in [
        (
            "[[rule]]\nid = \"h.b\"\nkind = \"brackets\"\nmarks = [\"parens\"]\n",
            "unknown value 'parens'",
        ),
        (
            "[[rule]]\nid = \"h.l\"\nkind = \"loop\"\nmin_words = 1\n",
            "a loop is at least 2 words long",
        ),
        (
            "[[rule]]\nid = \"h.l\"\nkind = \"loop\"\nmin_words = 4\nmax_words = 3\n",
            "'max_words' must be between 'min_words' and 20",
        ),
        (
            "[[rule]]\nid = \"h.u\"\nkind = \"untranslated\"\nmin_confidence = 1.5\n",
            "must be between 0 and 1",
        ),
        (
            "[[rule]]\nid = \"h.u\"\nkind = \"untranslated\"\ndetect = [\"words\"]\n",
            "unknown value 'words'",
        ),
        (
            "[[rule]]\nid = \"h.u\"\nkind = \"untranslated\"\nskip_inside = [\"italics\"]\n",
            "unknown value 'italics'",
        ),
        (
            "[[rule]]\nid = \"h.p\"\nkind = \"pattern\"\npattern = \"x\"\nmarks = [\"quotes\"]\n",
            "'marks' is not a key of pattern rules",
        ),
        (
            "[[rule]]\nid = \"h.m\"\nkind = \"mojibake\"\nmin_words = 3\n",
            "'min_words' is not a key of mojibake rules",
        ),
        (
            "[[rule]]\nid = \"h.u\"\nkind = \"untranslated\"\nmessage = \"In {script}\"\n",
            "untranslated templates know {match}, {replacement}, {language}, {expected}",
        ),
    ] {
        match inline(toml) {
            Ok(_) => panic!("should not load: {toml}"),
            Err(errors) => assert!(errors.contains(expected), "{expected:?} not in:\n{errors}"),
        }
    }
    // Kind placeholders are accepted where they belong.
    assert!(inline("[[rule]]\nid = \"h.m\"\nkind = \"mixed-script\"\nmessage = \"{match}: {script}, {letters}\"\n").is_ok());
    assert!(inline("[[rule]]\nid = \"h.b\"\nkind = \"brackets\"\nhelp = \"{problem}\"\n").is_ok());
}

// =============================================================================================
// robustness
// =============================================================================================

#[test]
fn odd_inputs_do_not_panic() {
    let mut set = pack("garble/garble.toml", GARBLE_PACK);
    set.extend(pack("language/language.toml", LANGUAGE_PACK))
        .expect("no duplicate ids");
    let linter = Linter::new(set);
    let quotes = quotes();
    for text in [
        "",
        "Ã",
        "â€",
        "ðŸ",
        "Ã\u{80}\u{80}\u{80}",
        "ÃƒÂ©ÃƒÂ©",
        "ï»¿",
        "Kу Kу Kу Kу",
        "a b a b a b a b a b a b a b",
        "in in in in",
        "((((]]]]",
        "“„«»‹›‘’‚\"'",
        "「『（【《〈〔",
        "x\n\n\n)",
        "\u{feff}(",
        "é\u{301}\u{301}Ã©",
        "Это. Это. Это. Это.",
    ] {
        for format in [Format::Text, Format::Markdown] {
            for lang in [Some("en"), Some("ru"), Some("ja"), None] {
                let _ = lint_as(&linter, text, format, lang);
                let _ = lint_as(&quotes, text, format, lang);
            }
        }
    }
}

// =============================================================================================
// TOML-only packs: leftovers, punctuation, phrase packs
// =============================================================================================

fn packs(files: &[(&str, &str)]) -> Linter {
    let mut set = translint::rules::RuleSet::default();
    for (name, text) in files {
        set.extend(pack(name, text)).expect("no duplicate ids");
    }
    Linter::new(set)
}

fn toml_packs() -> Linter {
    packs(&[
        (
            "common/leftovers.toml",
            include_str!("../rules/common/leftovers.toml"),
        ),
        (
            "common/punctuation.toml",
            include_str!("../rules/common/punctuation.toml"),
        ),
        ("en/mt-en.toml", include_str!("../rules/en/mt-en.toml")),
        ("de/mt-de.toml", include_str!("../rules/de/mt-de.toml")),
        ("fr/mt-fr.toml", include_str!("../rules/fr/mt-fr.toml")),
        ("es/mt-es.toml", include_str!("../rules/es/mt-es.toml")),
        ("ru/mt-ru.toml", include_str!("../rules/ru/mt-ru.toml")),
    ])
}

#[test]
fn toml_packs_leave_clean_news_alone() {
    assert_silent(
        &toml_packs(),
        &[
            ("en", "Ukraine and Türkiye agreed on Tuesday to resume talks, officials said. The U.S. envoy, J.R. Smith, arrived at 3.30 p.m.; inflation was 5.2% (up from 4.8%). Shares in AT&T fell... Then they rose! The 50-year-old minister discussed the crisis and took photos."),
            ("de", "Die Bundesregierung hat am Mittwoch den Haushalt gebilligt. Finanzminister Christian Lindner sprach von Konsolidierung: Die Opposition kritisierte die Kürzungen. Das ergibt Sinn, sagte Frau Müller."),
            ("fr", "Le gouvernement a présenté mercredi son projet de budget. Le ministre a déclaré : « Nous tiendrons nos engagements. » M. Macron doit s'exprimer jeudi à 20 h 00 ; la réforme a du sens."),
            ("es", "El Gobierno aprobó el martes los presupuestos. ¿Habrá acuerdo? La cumbre tendrá lugar en Madrid y el presidente asistirá a la reunión."),
            ("ru", "Правительство в среду одобрило проект бюджета. Министр заявил: переговоры продолжатся. Встреча состоялась в Женеве; «Спартак» выиграл 2 : 1."),
        ],
    );
}

#[test]
fn toml_packs_flag_leftovers_punctuation_and_calques() {
    let linter = toml_packs();
    for (lang, text, rule, flagged_text) in [
        (
            "en",
            "The minister resigned.<br>Her deputy takes over.",
            "common.html-tag",
            "<br>",
        ),
        (
            "fr",
            "Le budget de l&#39;État sera présenté mardi.",
            "common.html-entity",
            "&#39;",
        ),
        (
            "de",
            "Die Ministerin trat zurück.\\nIhr Stellvertreter übernimmt.",
            "common.escape-sequence",
            "\\nI",
        ),
        (
            "es",
            "La cumbre se celebró en [[Madrid]] el lunes.",
            "common.template-brackets",
            "[[Madrid]]",
        ),
        (
            "en",
            "The talks ended on Monday.The minister left.",
            "punct.glued-sentence",
            "Monday.The",
        ),
        (
            "de",
            "Gespräche fortgesetzt|Nachrichten aus Berlin",
            "punct.glued-separator",
            "t|",
        ),
        (
            "ru",
            "Переговоры продолжатся,, заявил министр.",
            "punct.doubled",
            ",,",
        ),
        (
            "es",
            "¿Habrá acuerdo ? Nadie lo sabe.",
            "punct.space-before",
            " ?",
        ),
        (
            "en",
            "The two countries have been negotiating since years.",
            "mt-en.since-duration",
            "since years",
        ),
        (
            "de",
            "Das ist, wo die Verhandlungen gescheitert sind.",
            "mt-de.das-ist-wo",
            "Das ist, wo",
        ),
        (
            "fr",
            "Le gouvernement doit adresser ces préoccupations rapidement.",
            "mt-fr.adresser-probleme",
            "adresser ces préoccupations",
        ),
        (
            "es",
            "La cumbre tomará lugar en Madrid el lunes.",
            "mt-es.tomar-lugar",
            "tomará lugar",
        ),
        (
            "ru",
            "Это решение делает смысл только при поддержке парламента.",
            "mt-ru.delat-smysl",
            "делает смысл",
        ),
    ] {
        let found = lint(&linter, text, lang);
        assert_eq!(found.len(), 1, "{text}: {found:#?}");
        assert_eq!(found[0].rule.as_ref(), rule, "{text}");
        assert_eq!(&text[found[0].span.clone()], flagged_text, "{text}");
    }
}

#[test]
fn a_pattern_group_named_flag_narrows_the_finding_and_its_fix() {
    let linter = inline(
        r#"
[[rule]]
id = "house.dots"
kind = "pattern"
pattern = '(?:^|[^.])(?P<flag>(\.)\.)(?:[^.]|$)'
replacement = "$2"
"#,
    )
    .expect("loads");
    let text = "He said.. Then he left... Or not..";
    let found = lint(&linter, text, "en");
    assert_eq!(flagged(text, &found), ["..", ".."]);
    assert_eq!(found[0].span, 7..9);
    assert_eq!(
        apply_fixes(text, &found),
        "He said. Then he left... Or not."
    );
}

#[test]
fn random_text_never_panics_and_spans_stay_on_char_boundaries() {
    let mut set = pack("garble/garble.toml", GARBLE_PACK);
    for (name, text) in [
        ("language/language.toml", LANGUAGE_PACK),
        (
            "common/leftovers.toml",
            include_str!("../rules/common/leftovers.toml"),
        ),
        (
            "common/punctuation.toml",
            include_str!("../rules/common/punctuation.toml"),
        ),
    ] {
        set.extend(pack(name, text)).expect("no duplicate ids");
    }
    let linter = Linter::new(set);
    let quotes = quotes();
    // Characters that the detectors treat specially, mixed with plain letters.
    let palette: Vec<char> =
        "aAeéÃâ€™©¼ðŸ˜Ð¿Ñ€уУοΟXХ \n\n.,;:!?\"'“”„‘’‚«»‹›()[]{}「」（）<>&#|\\µμ東の한"
            .chars()
            .collect();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..100 {
        let len = (next() % 60) as usize;
        let text: String = (0..len)
            .map(|_| palette[(next() % palette.len() as u64) as usize])
            .collect();
        for lang in [Some("en"), Some("ru"), None] {
            for format in [Format::Text, Format::Markdown] {
                for l in [&linter, &quotes] {
                    let found = lint_as(l, &text, format, lang);
                    // Fixes apply without panicking.
                    let _ = apply_fixes(&text, &found);
                }
            }
        }
    }
}

// ---- echo ------------------------------------------------------------------------------------

const ECHO_PACK: &str = include_str!("../rules/garble/echo.toml");

fn echo() -> Linter {
    builtin_rule("garble/echo.toml", ECHO_PACK, "garble.echo")
}

#[test]
fn echo_finds_a_prefixed_word_that_echoes_its_neighbour() {
    let text = "The envoy made a fresh attempt to re-attempt the talks on Monday.";
    let found = lint(&echo(), text, "en");
    assert_eq!(flagged(text, &found), ["re-attempt"]);
    assert_eq!(found[0].category, Category::Garble);
    assert_eq!(found[0].labels.len(), 1);
    assert_eq!(&text[found[0].labels[0].span.clone()], "attempt");
}

#[test]
fn echo_finds_a_doubled_prefix_in_three_languages() {
    for (lang, text, expected) in [
        (
            "en",
            "The studio has no plans to re-reschedule the release.",
            "re-reschedule",
        ),
        (
            "fr",
            "Le gouvernement veut ré-réformer les retraites.",
            "ré-réformer",
        ),
        (
            "es",
            "El Gobierno quiere re-relanzar el plan de vivienda.",
            "re-relanzar",
        ),
    ] {
        let found = lint(&echo(), text, lang);
        assert_eq!(flagged(text, &found), [expected], "{lang}: {text}");
        assert!(
            found[0].message.contains("repeats the prefix"),
            "{}",
            found[0].message
        );
    }
}

#[test]
fn echo_leaves_contrasts_compounds_and_glued_prefixes_alone() {
    for (lang, text) in [
        ("en", "She was elected in 2019 and re-elected in 2023."),
        ("en", "Prices rose year-over-year, and food and non-food sales grew."),
        ("en", "The council will re-open the bridge once the opening mechanism is repaired next spring."),
        ("fr", "Le maire a été élu en 2014 puis réélu en 2020."),
        ("de", "Die Brücke wird nach der Reparatur wieder geöffnet, die Wiedereröffnung ist im Mai."),
        ("ru", "Жители вдруг разразились гневными комментариями."),
    ] {
        assert!(lint(&echo(), text, lang).is_empty(), "{lang}: {text}");
    }
}
