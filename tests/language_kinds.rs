//! The `untranslated` kind through the library API: the built-in `language.untranslated` and
//! `language.foreign-script` rules, and variants of them loaded from inline TOML to exercise the
//! rule keys. Every clean text here must stay silent; every garbled one must be flagged at the
//! expected place.

mod common;

use common::lint::{builtin_rule, flagged, inline_linter, lint, lint_as, span_of};
use std::sync::Arc;
use translint::input::Format;
use translint::rules::{load_source, RuleSource};
use translint::{Category, Document, Linter};

const LANGUAGE_PACK: &str = include_str!("../rules/language/language.toml");

/// One rule of the built-in language pack (loading only that pack keeps the tests fast).
fn builtin(id: &str) -> Linter {
    builtin_rule("language/language.toml", LANGUAGE_PACK, id)
}

/// The built-in untranslated rule with some of its keys replaced.
fn untranslated_with(replace: &[(&str, &str)]) -> Linter {
    let first = LANGUAGE_PACK
        .split("\n[[rule]]\n")
        .nth(1)
        .expect("the pack has rules");
    let mut text = format!("[[rule]]\n{first}");
    for (from, to) in replace {
        assert!(text.contains(from), "{from} is in the built-in rule");
        text = text.replace(from, to);
    }
    inline_linter(text)
}

// =============================================================================================
// untranslated sentences
// =============================================================================================

const EN_CLEAN: &str = "\
Ukraine and Türkiye agreed on Tuesday to resume talks on grain exports from the Black Sea ports.
The foreign ministers met in Istanbul for more than three hours, officials said.
Ankara has offered to host a follow-up meeting of the delegations next month.
Bayern Munich beat Borussia Dortmund 2-1 at the Allianz Arena on Saturday.
The European Central Bank is expected to raise interest rates again in June, economists said.
";

const DE_CLEAN: &str = "\
Die Bundesregierung hat am Mittwoch den Entwurf für den Haushalt des kommenden Jahres gebilligt.
Finanzminister Christian Lindner sprach von einem Haushalt der Konsolidierung.
Die Opposition kritisierte die geplanten Kürzungen bei der Entwicklungshilfe scharf.
Bundeskanzler Olaf Scholz traf am Dienstag in Paris den französischen Präsidenten Emmanuel Macron.
";

const FR_CLEAN: &str = "\
Le gouvernement a présenté mercredi son projet de budget pour l'année prochaine.
Le ministre de l'Économie a défendu un budget de responsabilité face à la hausse des taux.
Les syndicats ont appelé à une nouvelle journée de grève dans tout le pays jeudi.
";

const ES_CLEAN: &str = "\
El Gobierno aprobó el martes el proyecto de presupuestos para el próximo año.
La ministra de Hacienda defendió las cuentas ante el Congreso de los Diputados.
Los sindicatos convocaron una nueva jornada de huelga para el jueves en todo el país.
";

const RU_CLEAN: &str = "\
Правительство в среду одобрило проект бюджета на следующий год.
Министр финансов заявил, что дефицит бюджета сократится до двух процентов.
Переговоры возобновятся на следующей неделе в Женеве, сообщили в министерстве.
";

#[test]
fn clean_news_in_five_languages_is_silent() {
    let linter = builtin("language.untranslated");
    for (lang, text) in [
        ("en", EN_CLEAN),
        ("de", DE_CLEAN),
        ("fr", FR_CLEAN),
        ("es", ES_CLEAN),
        ("ru", RU_CLEAN),
    ] {
        assert_eq!(
            flagged(text, &lint(&linter, text, lang)),
            Vec::<&str>::new(),
            "{lang}"
        );
    }
}

#[test]
fn german_sentence_in_english_article() {
    let linter = builtin("language.untranslated");
    let german = "Die Bundesregierung hat am Dienstag den Entwurf gebilligt und will ihn im Herbst vorlegen.";
    let text =
        format!("{EN_CLEAN}{german}\nThe talks will continue on Friday, the ministry said.\n");
    let found = lint(&linter, &text, "en");
    assert_eq!(flagged(&text, &found), [german]);
    let d = &found[0];
    assert_eq!(d.category, Category::Language);
    assert_eq!(
        d.message,
        "This sentence reads as German, but the document is in English"
    );
    assert!(d.fix.is_none());
    assert_eq!(d.span, span_of(&text, german));
}

#[test]
fn english_sentence_in_german_french_and_russian_articles() {
    let linter = builtin("language.untranslated");
    let english =
        "The government said on Tuesday that the talks would resume next week in the capital.";
    for (lang, clean, name) in [
        ("de", DE_CLEAN, "German"),
        ("fr", FR_CLEAN, "French"),
        ("ru", RU_CLEAN, "Russian"),
    ] {
        let text = format!("{clean}{english}\n");
        let found = lint(&linter, &text, lang);
        assert_eq!(flagged(&text, &found), [english], "{lang}");
        assert_eq!(
            found[0].message,
            format!("This sentence reads as English, but the document is in {name}")
        );
    }
}

#[test]
fn spanish_sentence_in_french_article_shares_function_words() {
    // "de", "la", "en", "que" are French and Spanish: the Spanish-only "el", "las", "los" decide.
    let linter = builtin("language.untranslated");
    let spanish =
        "El Gobierno anunció el martes que las negociaciones con los sindicatos se reanudarán la próxima semana.";
    let text = format!("{FR_CLEAN}{spanish}\n");
    let found = lint(&linter, &text, "fr");
    assert_eq!(flagged(&text, &found), [spanish]);
    assert!(found[0].message.contains("Spanish"), "{}", found[0].message);
}

#[test]
fn sentences_split_inside_a_line_are_checked_one_by_one() {
    let linter = builtin("language.untranslated");
    let text = "Les négociations ont repris lundi à Genève. The minister said that the agreement would be signed before the end of the year. Le texte sera présenté au Parlement.";
    let found = lint(&linter, text, "fr");
    assert_eq!(
        flagged(text, &found),
        ["The minister said that the agreement would be signed before the end of the year."]
    );
}

#[test]
fn quotations_brackets_and_emphasis_are_marked_as_foreign() {
    let linter = builtin("language.untranslated");
    for text in [
        "Chancellor Olaf Scholz told the Bundestag: „Wir werden die Ukraine weiter unterstützen, solange es nötig ist.“",
        "The protesters chanted « nous ne lâcherons rien, pas un pas en arrière » outside the ministry.",
        "The slogan (in German: die Regierung muss endlich handeln und die Preise senken) was everywhere.",
        "\"Die Regierung hat die Lage nicht im Griff und muss jetzt handeln\", the opposition leader said.",
    ] {
        assert_eq!(flagged(text, &lint(&linter, text, "en")), Vec::<&str>::new(), "{text}");
    }
    // Markdown italics.
    let md = "The motto *Die Regierung hat die Lage nicht im Griff und muss jetzt handeln* spread fast.\n";
    assert!(lint_as(&linter, md, Format::Markdown, Some("en")).is_empty());
    // Closed right before punctuation (the closing `*` is masked opaque there, not with a space).
    let md = "The motto was *Die Regierung hat die Lage nicht im Griff und muss jetzt handeln*, they said.\n";
    assert!(lint_as(&linter, md, Format::Markdown, Some("en")).is_empty());
}

#[test]
fn quotes_are_checked_on_their_own_when_the_rule_does_not_skip_them() {
    let linter = untranslated_with(&[(
        "skip_inside = [\"quotes\", \"brackets\", \"emphasis\"]",
        "skip_inside = [\"brackets\"]",
    )]);
    let quote = "Wir werden die Ukraine weiter unterstützen, solange es nötig ist.";
    let text = format!("Chancellor Olaf Scholz told the Bundestag on Wednesday: „{quote}“\n");
    let found = lint(&linter, &text, "en");
    assert_eq!(flagged(&text, &found), [quote]);
    // The English part around the quote is still English.
    let text = "The minister said „the talks will resume on Monday in the capital“ and left.";
    assert!(lint(&linter, text, "en").is_empty());
}

#[test]
fn short_sentences_names_and_numbers_are_not_detected() {
    let linter = builtin("language.untranslated");
    for text in [
        // Five words: below min_words.
        "The talks resumed. Die Gespräche werden heute fortgesetzt.",
        // Mostly names.
        "Bayern München gegen Borussia Dortmund, Allianz Arena, Samstag 18.30 Uhr.",
        // A German sentence quoting a French organisation's name is German.
        "Das teilte die Fédération de l'e-commerce et de la vente à distance am Donnerstag mit.",
        // Name particles are part of names.
        "Scrapyard owner Lowie van De Ooyevaar said the parts would be reused.",
    ] {
        let lang = if text.starts_with("Das") { "de" } else { "en" };
        assert_eq!(
            flagged(text, &lint(&linter, text, lang)),
            Vec::<&str>::new(),
            "{text}"
        );
    }
}

#[test]
fn thresholds_are_rule_keys() {
    let text = "The talks resumed on Monday in Geneva. Die Gespräche werden heute fortgesetzt.";
    assert!(lint(&builtin("language.untranslated"), text, "en").is_empty());
    let linter = untranslated_with(&[("min_words = 6", "min_words = 5")]);
    assert_eq!(
        flagged(text, &lint(&linter, text, "en")),
        ["Die Gespräche werden heute fortgesetzt."]
    );
    let linter = untranslated_with(&[
        ("min_words = 6", "min_words = 5"),
        ("min_letters = 30", "min_letters = 40"),
    ]);
    assert!(lint(&linter, text, "en").is_empty());
    // Between English and German, whatlang is about 0.66 sure of this short sentence.
    let text = format!("{EN_CLEAN}Es ist so weit in Berlin.\n");
    let short = [("min_letters = 30", "min_letters = 10")];
    assert_eq!(lint(&untranslated_with(&short), &text, "en").len(), 1);
    let linter = untranslated_with(&[short[0], ("min_confidence = 0.5", "min_confidence = 0.9")]);
    assert!(lint(&linter, &text, "en").is_empty());
}

#[test]
fn unknown_document_language_detects_no_sentences() {
    let linter = builtin("language.untranslated");
    let text = "Die Bundesregierung hat am Dienstag den Entwurf gebilligt und will ihn im Herbst vorlegen.";
    let doc = Document::from_text("x", text.into(), Format::Text, None);
    // Detected as German: nothing is foreign.
    assert!(linter.lint(&doc).is_empty());
    let doc = Document::from_text("x", "12 345".into(), Format::Text, None);
    assert!(linter.lint(&doc).is_empty());
}

#[test]
fn a_mislabelled_document_falls_back_to_its_own_frequent_words() {
    // Icelandic, which whatlang does not know, labelled Swedish: the Swedish function words are
    // rare in it, so the document's own words stand in and no sentence is called Danish.
    let linter = builtin("language.untranslated");
    let text = "\
Á þinginu verða 300 fulltrúar og 100 þeirra verða kosnir eftir lokuðu listakerfi á næsta ári.
Ríkisstjórnin sagði að kosningarnar yrðu haldnar í haust og að allir flokkar gætu boðið fram.
Forsætisráðherra sagði á fundi með blaðamönnum að það væri mikilvægt að kjörsókn yrði góð.
Þingið kemur saman í næstu viku og það er búist við að frumvarpið verði samþykkt fljótt.
";
    assert_eq!(
        flagged(text, &lint(&linter, text, "sv")),
        Vec::<&str>::new()
    );
}

// =============================================================================================
// foreign scripts
// =============================================================================================

#[test]
fn cyrillic_and_cjk_runs_in_latin_text() {
    let linter = builtin("language.foreign-script");
    let text = "The newspaper Коммерсантъ reported that the deal with 华为 had collapsed.";
    let found = lint(&linter, text, "en");
    assert_eq!(flagged(text, &found), ["Коммерсантъ", "华为"]);
    assert_eq!(
        found[0].message,
        "Text in Cyrillic script inside English prose"
    );
    assert_eq!(found[1].message, "Text in Han script inside English prose");
    // A run of several words is one finding.
    let text = "Der Sprecher sagte wörtlich: мы будем продолжать переговоры, und ging.";
    assert_eq!(
        flagged(text, &lint(&linter, text, "de")),
        ["мы будем продолжать переговоры"]
    );
}

#[test]
fn cjk_and_greek_in_cyrillic_text() {
    let linter = builtin("language.foreign-script");
    let text = "Компания 华为 заявила, что продажи выросли, сообщает агентство Ελληνικά νέα.";
    assert_eq!(
        flagged(text, &lint(&linter, text, "ru")),
        ["华为", "Ελληνικά νέα"]
    );
}

#[test]
fn allowed_scripts_and_marked_names_are_silent() {
    let linter = builtin("language.foreign-script");
    for (lang, text) in [
        (
            "en",
            "Foreign Minister Sergei Lavrov (Сергей Лавров) arrived in Ankara on Monday.",
        ),
        (
            "en",
            "The paper «Коммерсантъ» and the site стопкоронавирус.рф published the figures.",
        ),
        (
            "en",
            "Researchers said the α-synuclein protein and the Δ variant were unrelated.",
        ),
        (
            "ru",
            "Компания Apple представила новый iPhone на конференции WWDC в Купертино.",
        ),
        (
            "ja",
            "東京都は、新型コロナウイルスの感染者がWHOの基準を下回ったと発表した。",
        ),
        ("ko", "삼성전자는 서울에서 新製品을 공개했다고 밝혔다."),
        (
            "de",
            "Die Zeitung „Коммерсантъ“ berichtete am Montag über den Rücktritt.",
        ),
    ] {
        assert_eq!(
            flagged(text, &lint(&linter, text, lang)),
            Vec::<&str>::new(),
            "{text}"
        );
    }
}

#[test]
fn the_script_minimum_is_a_rule_key() {
    let text = "The newspaper Коммерсантъ reported the news.";
    let strict = LANGUAGE_PACK
        .split("\n[[rule]]\n")
        .nth(2)
        .expect("second rule")
        .replace("min_script_letters = 2", "min_script_letters = 20");
    let source = Arc::new(RuleSource {
        name: "t.toml".into(),
        text: format!("[[rule]]\n{strict}"),
    });
    let linter = Linter::new(load_source(source).expect("loads"));
    assert!(lint(&linter, text, "en").is_empty());
    assert_eq!(
        lint(&builtin("language.foreign-script"), text, "en").len(),
        1
    );
}

#[test]
fn sentence_and_script_checks_do_not_report_the_same_text() {
    // A whole Russian sentence in an English article: the script check reports it, the sentence
    // check leaves sentences in another script alone.
    let text =
        format!("{EN_CLEAN}Правительство в среду одобрило проект бюджета на следующий год.\n");
    assert!(lint(&builtin("language.untranslated"), &text, "en").is_empty());
    assert_eq!(
        lint(&builtin("language.foreign-script"), &text, "en").len(),
        1
    );
}

#[test]
fn odd_inputs_do_not_panic() {
    let linters = [
        builtin("language.untranslated"),
        builtin("language.foreign-script"),
    ];
    for text in [
        "",
        "„",
        "«»«",
        "\u{feff}Привет",
        "a\u{301}\u{301}\u{301} b",
        "東京。。。“",
        "**\n\n__",
        "\"\"\"\"",
        "x.y@z/Ωμ",
    ] {
        for linter in &linters {
            for format in [Format::Text, Format::Markdown] {
                for lang in [Some("en"), Some("ja"), None] {
                    let _ = lint_as(linter, text, format, lang);
                }
            }
        }
    }
}
