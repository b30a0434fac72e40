//! The built-in `titles.inconsistent` rule (kind `titles`) and custom `titles` rule files, on news
//! paragraphs written for these tests in en, de, fr, es and ru.
//!
//! What is expected follows the rule's description in rules/titles/titles.toml and its lexicons:
//! * a title is a role phrase of the language's `roles` table, with the words right before it that
//!   are affiliations (`Norwegian`, `Norway's`, `tschechische`), `past` or `rank` modifiers; an
//!   affiliation right after it (`Президент Финляндии`, `président sénégalais`) belongs to it too;
//!   articles and prepositions (`connectors`) before the phrase are not part of it;
//! * it belongs to the name right after it (also across one comma: "la ministra de Agricultura,
//!   Elena Quiroga,") or to the name before ", title" (apposition), not when a `framing` word
//!   makes it a description ("As defence minister, …");
//! * a later title of the same person is reported when its role differs from the first one and
//!   both roles are in one `exclusive` set, or when the role is the same and the country or
//!   organisation differs; the primary span is the later title phrase, a label
//!   `first called '…' here` marks the first one and the message names the person and both titles;
//! * not reported: a shorter form of the same title, synonyms of one office, a former office, two
//!   people sharing a surname with different given names, two roles given together, and an
//!   organisation title ("président des Républicains") next to a government office.
//!
//! Expected spans are located in the test texts with [`at`] (the n-th occurrence of a phrase),
//! never copied from program output.

mod common;

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use common::cli::{manifest_dir, pos, run, translint_in};
use common::lint::lint_with;
use serde_json::Value;
use translint::rules::{load_builtin, load_source, RuleSource};
use translint::{Category, Diagnostic, Linter, Severity};

const TITLES: &str = "titles.inconsistent";
const DRIFT: &str = "names.drift";

// =============================================================================================
// Helpers
// =============================================================================================

/// The whole built-in rule set: `Linter::new` links the name data of `names.drift` into the
/// titles rule, so the rule runs exactly as it does for users.
fn builtin_linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| {
        let set = load_builtin().expect("built-in rules load");
        assert!(set.get(TITLES).is_some(), "{TITLES} is a built-in rule");
        assert!(set.get(DRIFT).is_some(), "{DRIFT} is a built-in rule");
        Linter::new(set)
    })
}

/// The findings of `titles.inconsistent` only.
fn titles(text: &str, lang: &str) -> Vec<Diagnostic> {
    lint_with(builtin_linter(), text, lang)
        .into_iter()
        .filter(|d| &*d.rule == TITLES)
        .collect()
}

/// Byte range of the `n`-th (0-based) occurrence of `phrase` in `text`.
fn at(text: &str, phrase: &str, n: usize) -> Range<usize> {
    text.match_indices(phrase)
        .nth(n)
        .map(|(i, _)| i..i + phrase.len())
        .unwrap_or_else(|| panic!("no occurrence {n} of {phrase:?} in {text:?}"))
}

/// Why two titles conflict, as the help line says.
#[derive(Clone, Copy, Debug)]
enum Why {
    Role,
    Affiliation,
}

/// One expected conflict: the later title (phrase, occurrence), the first title (phrase,
/// occurrence), the person as written next to the later title.
struct Conflict<'a> {
    later: (&'a str, usize),
    first: (&'a str, usize),
    person: &'a str,
    why: Why,
}

fn describe(found: &[Diagnostic], text: &str) -> String {
    found
        .iter()
        .map(|d| {
            format!(
                "{:?} {:?} — {} (labels: {:?})",
                d.span,
                &text[d.span.clone()],
                d.message,
                d.labels
                    .iter()
                    .map(|l| (l.span.clone(), l.message.clone()))
                    .collect::<Vec<_>>()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Asserts that `titles.inconsistent` reports exactly `expected` in `text`, in order.
fn assert_conflicts(lang: &str, text: &str, expected: &[Conflict]) {
    let found = titles(text, lang);
    assert_eq!(
        found.len(),
        expected.len(),
        "findings in {text:?}:\n{}",
        describe(&found, text)
    );
    for (d, e) in found.iter().zip(expected) {
        let later = at(text, e.later.0, e.later.1);
        let first = at(text, e.first.0, e.first.1);
        assert_eq!(
            (d.span.clone(), &text[d.span.clone()]),
            (later, e.later.0),
            "primary span in {text:?}:\n{}",
            describe(&found, text)
        );
        assert_eq!(d.category, Category::Title);
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(d.labels.len(), 1, "{}", describe(&found, text));
        assert_eq!(d.labels[0].span, first, "{}", describe(&found, text));
        assert_eq!(
            d.labels[0].message,
            format!("first called '{}' here", e.first.0)
        );
        assert!(d.labels[0].path.is_none());
        // The message names the person and both titles.
        for part in [
            e.person.to_string(),
            format!("'{}'", e.later.0),
            format!("'{}'", e.first.0),
        ] {
            assert!(
                d.message.contains(&part),
                "message {:?} does not name {part:?}",
                d.message
            );
        }
        assert!(
            d.message.find(e.person) < d.message.find(&format!("'{}'", e.later.0)),
            "the message starts with the person: {:?}",
            d.message
        );
        let help = d.help.as_deref().unwrap_or_default();
        let reason = match e.why {
            Why::Role => "the role differs",
            Why::Affiliation => "the country or organisation differs",
        };
        assert!(help.contains(reason), "help {help:?} for {:?}", e.why);
    }
}

/// Asserts that `titles.inconsistent` reports nothing in `text`.
fn assert_clean(lang: &str, text: &str) {
    let found = titles(text, lang);
    assert!(
        found.is_empty(),
        "unexpected findings in {text:?}:\n{}",
        describe(&found, text)
    );
}

fn conflict<'a>(
    later: (&'a str, usize),
    first: (&'a str, usize),
    person: &'a str,
    why: Why,
) -> Conflict<'a> {
    Conflict {
        later,
        first,
        person,
        why,
    }
}

// =============================================================================================
// English
// =============================================================================================

#[test]
fn en_same_role_of_another_country_or_organisation() {
    let text = "Swedish Trade Minister Ingrid Halvorsen arrived in Geneva on Monday for talks on \
                steel tariffs. Negotiators worked late into the night. On Wednesday, EU Trade \
                Minister Ingrid Halvorsen told reporters that a deal was within reach.";
    assert_conflicts(
        "en",
        text,
        &[conflict(
            ("EU Trade Minister", 0),
            ("Swedish Trade Minister", 0),
            "Ingrid Halvorsen",
            Why::Affiliation,
        )],
    );
}

#[test]
fn en_defence_minister_becomes_foreign_minister() {
    let text = "Latvian Defence Minister Andris Kalnins inspected the new air-defence batteries \
                near Rezekne on Thursday. He said the country would double its order. Speaking in \
                Riga a day later, Foreign Minister Kalnins said the purchase was not aimed at any \
                neighbour.";
    assert_conflicts(
        "en",
        text,
        &[conflict(
            ("Foreign Minister", 0),
            ("Latvian Defence Minister", 0),
            "Kalnins",
            Why::Role,
        )],
    );
}

#[test]
fn en_head_of_state_becomes_head_of_government() {
    let text = "Estonian President Kaarel Tamm opened the Baltic energy summit in Tallinn on \
                Tuesday. Delegations from eight countries attended. In his closing speech, Prime \
                Minister Tamm urged the region to finish the new power link by 2028.";
    assert_conflicts(
        "en",
        text,
        &[conflict(
            ("Prime Minister", 0),
            ("Estonian President", 0),
            "Tamm",
            Why::Role,
        )],
    );
}

#[test]
fn en_later_title_in_apposition() {
    let text =
        "Norwegian Fisheries Minister Marit Solberg arrived in Brussels on Monday for talks \
                on cod quotas. The talks are expected to last two days. On Tuesday, Solberg, \
                Iceland's fisheries minister, said Oslo would not accept a cut.";
    assert_conflicts(
        "en",
        text,
        &[conflict(
            ("Iceland's fisheries minister", 0),
            ("Norwegian Fisheries Minister", 0),
            "Solberg",
            Why::Affiliation,
        )],
    );
}

#[test]
fn en_first_title_in_apposition() {
    let text = "Anders Lunde, Denmark's trade minister, opened the WTO session in Geneva on \
                Monday. Delegates from 40 countries listened. Closing the session on Friday, EU \
                Trade Minister Anders Lunde called for new rules on subsidies.";
    assert_conflicts(
        "en",
        text,
        &[conflict(
            ("EU Trade Minister", 0),
            ("Denmark's trade minister", 0),
            "Anders Lunde",
            Why::Affiliation,
        )],
    );
}

#[test]
fn en_conflict_is_reported_once_per_later_title() {
    // Two later titles contradict the first one; a third repeats it. Each contradiction is
    // reported against the first title, the agreeing one is not.
    let text = "Defence Minister Jonas Petras visited the Suwalki gap on Monday. On Tuesday, \
                Foreign Minister Petras met his Polish counterpart. Defence Minister Petras later \
                toured a base. On Wednesday, Interior Minister Petras spoke about the border.";
    assert_conflicts(
        "en",
        text,
        &[
            conflict(
                ("Foreign Minister", 0),
                ("Defence Minister", 0),
                "Petras",
                Why::Role,
            ),
            conflict(
                ("Interior Minister", 0),
                ("Defence Minister", 0),
                "Petras",
                Why::Role,
            ),
        ],
    );
}

#[test]

fn en_country_after_the_role_still_conflicts() {
    // The code reads "of Norway" after a role as the title's affiliation; the title then belongs
    // to the name right after it.
    let text = "Foreign Minister of Norway Hakon Veldt arrived in Rome on Monday. Later, Defence \
                Minister Veldt spoke about Arctic security.";
    assert_conflicts(
        "en",
        text,
        &[conflict(
            ("Defence Minister", 0),
            ("Foreign Minister of Norway", 0),
            "Veldt",
            Why::Role,
        )],
    );
}

#[test]

fn en_apposition_with_an_article() {
    // "Solberg, the Icelandic fisheries minister," is apposition just like "Solberg, Iceland's
    // fisheries minister,"; the article is a connector and should not stop the title from
    // attaching to the name before the comma.
    let text =
        "Marit Solberg, the Norwegian fisheries minister, arrived in Brussels on Monday for \
                talks on cod quotas. The talks are expected to last two days. On Tuesday, Solberg, \
                the Icelandic fisheries minister, said Oslo would not accept a cut.";
    assert_conflicts(
        "en",
        text,
        &[conflict(
            ("Icelandic fisheries minister", 0),
            ("Norwegian fisheries minister", 0),
            "Solberg",
            Why::Affiliation,
        )],
    );
}

#[test]
fn en_shorter_form_of_the_same_title_is_clean() {
    let text =
        "Lithuanian President Gintaras Vaitkus arrived in Warsaw on Monday for talks on air \
                defence. President Vaitkus told reporters the talks had gone well. Vaitkus, \
                Lithuania's president, will return to Vilnius on Tuesday.";
    assert_clean("en", text);
}

#[test]
fn en_synonyms_of_one_office_are_clean() {
    let text = "Norwegian Foreign Minister Hakon Veldt flew to Ottawa on Sunday. Norway's top \
                diplomat, Hakon Veldt, met Canadian officials on Monday. Foreign Minister Veldt \
                said Arctic cooperation would deepen.";
    assert_clean("en", text);
}

#[test]
fn en_former_office_is_clean() {
    let text = "Foreign Minister Lars Brekke opened the Arctic meeting in Tromsø on Monday. \
                Delegates recalled that former prime minister Lars Brekke had founded the forum in \
                2011.";
    assert_clean("en", text);
}

#[test]
fn en_framing_description_is_clean() {
    let text =
        "Foreign Minister Ilze Kalnina travelled to Vilnius on Friday. As defence minister, \
                Kalnina pushed for the return of conscription in 2022, and she still defends it.";
    assert_clean("en", text);
}

#[test]
fn en_two_people_sharing_a_surname_are_clean() {
    let text = "Finance Minister Anna Berg presented the budget on Tuesday. Defence Minister Erik \
                Berg, her cousin, asked for more money for the navy. Finance Minister Berg said the \
                request would be studied. Defence Minister Berg said he was disappointed.";
    assert_clean("en", text);
}

#[test]
fn en_two_roles_given_together_are_clean() {
    let text = "Prime Minister and Defence Minister Tomas Varga announced the new conscription law \
                on Monday. Later Defence Minister Varga told soldiers in Kaunas that training would \
                start in June. Prime Minister Varga is due in Brussels on Thursday.";
    assert_clean("en", text);
}

// =============================================================================================
// German
// =============================================================================================

#[test]
fn de_defence_minister_becomes_foreign_minister() {
    let text =
        "Verteidigungsministerin Katrin Hollmann besuchte am Montag die Soldaten in Litauen. \
                Sie versprach weitere Hilfe. Am Dienstag sagte Außenministerin Hollmann in \
                Vilnius, Deutschland stehe fest an der Seite der baltischen Staaten.";
    assert_conflicts(
        "de",
        text,
        &[conflict(
            ("Außenministerin", 0),
            ("Verteidigungsministerin", 0),
            "Hollmann",
            Why::Role,
        )],
    );
}

#[test]
fn de_head_of_state_becomes_head_of_government() {
    // "Der" is a connector, not part of the title; "tschechische" is an affiliation and is.
    let text = "Der tschechische Staatspräsident Petr Navrátil empfing am Mittwoch in Prag \
                Vertreter der Energiebranche. Am Abend kündigte Regierungschef Navrátil neue \
                Gespräche über die Strompreise an.";
    assert_conflicts(
        "de",
        text,
        &[conflict(
            ("Regierungschef", 0),
            ("tschechische Staatspräsident", 0),
            "Navrátil",
            Why::Role,
        )],
    );
}

#[test]
fn de_same_role_of_another_organisation_by_compound_prefix() {
    let text = "Der norwegische Handelsminister Håkon Veldt traf am Montag in Brüssel ein. Die \
                Gespräche über Lachszölle dauerten bis in die Nacht. Am Dienstag erklärte \
                EU-Handelsminister Veldt, eine Einigung sei nahe.";
    assert_conflicts(
        "de",
        text,
        &[conflict(
            ("EU-Handelsminister", 0),
            ("norwegische Handelsminister", 0),
            "Veldt",
            Why::Affiliation,
        )],
    );
}

#[test]
fn de_synonyms_of_one_office_are_clean() {
    // roles.de lists "Chefdiplomat" and "Chef der Diplomatie" under "foreign minister".
    let text = "Außenminister Markus Tenholt reiste am Montag nach Warschau. Dort sprach \
                Deutschlands Chefdiplomat Tenholt mit seinem polnischen Amtskollegen. Der Chef der \
                Diplomatie, Markus Tenholt, sagte anschließend, die Gespräche seien offen gewesen.";
    assert_clean("de", text);
}

#[test]
fn de_shorter_form_of_the_same_title_is_clean() {
    let text =
        "Bundeskanzlerin Anna Reiter reiste am Donnerstag nach Paris. Kanzlerin Reiter warb \
                dort für gemeinsame Rüstungsprojekte.";
    assert_clean("de", text);
}

#[test]

fn de_federal_prefix_and_country_adjective_are_the_same_office() {
    // "Bundeskanzlerin" and "die deutsche Kanzlerin" name one office; the prefix "bundes" maps
    // to "federal", a level of government, which differs from "germany" only as a string.
    let text = "Bundeskanzlerin Anna Reiter reiste am Donnerstag nach Paris. Die deutsche \
                Kanzlerin Reiter warb dort für gemeinsame Rüstungsprojekte.";
    assert_clean("de", text);
}

#[test]
fn de_former_office_is_clean() {
    let text = "Außenminister Thomas Kühne reiste am Montag nach Rom. Der frühere Innenminister \
                Kühne war erst im Mai ins Auswärtige Amt gewechselt.";
    assert_clean("de", text);
}

#[test]
fn de_two_roles_given_together_are_clean() {
    let text = "Vizekanzler und Finanzminister Lars Brenner legte am Dienstag den Haushalt vor. \
                Finanzminister Brenner sprach von harten Einschnitten. Vizekanzler Brenner \
                verteidigte die Pläne am Abend.";
    assert_clean("de", text);
}

#[test]

fn de_vice_chancellor_becomes_chancellor() {
    // In English "Vice Chancellor X" … "Chancellor X" is reported (rank `vice`), and so is German
    // "stellvertretende Außenminister X" … "Außenminister X"; the compound "Vizekanzler" is the
    // same rank written as a prefix.
    let text = "Vizekanzler Lars Brenner reiste am Montag nach Washington. Dort sagte Kanzler \
                Brenner, die Zölle müssten fallen.";
    assert_conflicts(
        "de",
        text,
        &[conflict(
            ("Kanzler", 0),
            ("Vizekanzler", 0),
            "Brenner",
            Why::Role,
        )],
    );
}

// =============================================================================================
// French
// =============================================================================================

#[test]
fn fr_defence_minister_becomes_foreign_minister() {
    let text = "La ministre des Armées, Claire Vautrin, s'est rendue lundi à Vilnius pour \
                inspecter les troupes françaises. Mardi, la ministre des Affaires étrangères \
                Claire Vautrin a rencontré son homologue lituanien.";
    assert_conflicts(
        "fr",
        text,
        &[conflict(
            ("ministre des Affaires étrangères", 0),
            ("ministre des Armées", 0),
            "Claire Vautrin",
            Why::Role,
        )],
    );
}

#[test]
fn fr_head_of_state_becomes_head_of_government() {
    let text = "Le président sénégalais Amadou Diallo a reçu jeudi à Dakar une délégation du \
                FMI. Les discussions ont porté sur la dette. Le Premier ministre Diallo a ensuite \
                annoncé un plan d'économies.";
    assert_conflicts(
        "fr",
        text,
        &[conflict(
            ("Premier ministre", 0),
            ("président sénégalais", 0),
            "Diallo",
            Why::Role,
        )],
    );
}

#[test]
fn fr_same_role_of_another_country() {
    let text = "L'ambassadeur français Pierre Marchal a été convoqué mardi au ministère. La \
                rencontre a duré une heure. Selon l'ambassadeur belge Pierre Marchal, le \
                malentendu est levé.";
    assert_conflicts(
        "fr",
        text,
        &[conflict(
            ("ambassadeur belge", 0),
            ("ambassadeur français", 0),
            "Pierre Marchal",
            Why::Affiliation,
        )],
    );
}

#[test]

fn fr_country_after_the_role_still_conflicts() {
    // "président du Sénégal, Amadou Diallo," is the head of state; "Le Premier ministre Diallo"
    // contradicts it. The words after a role ("du Sénégal", "of Norway") should belong to the
    // title, which then attaches to the name after the comma.
    let text = "Le président du Sénégal, Amadou Diallo, a reçu jeudi à Dakar une délégation du \
                FMI. Les discussions ont porté sur la dette. Le Premier ministre Diallo a ensuite \
                annoncé un plan d'économies.";
    assert_conflicts(
        "fr",
        text,
        &[conflict(
            ("Premier ministre", 0),
            ("président du Sénégal", 0),
            "Diallo",
            Why::Role,
        )],
    );
}

#[test]

fn fr_party_office_next_to_a_government_office_is_clean() {
    // A party office ("président des Républicains") goes with any government office.
    let text = "Le ministre de l'Intérieur Laurent Marchetti, président des Républicains, a \
                défendu mardi son projet de loi. Le ministre de l'Intérieur Marchetti a promis un \
                vote avant l'été.";
    assert_clean("fr", text);
}

#[test]
fn fr_synonyms_of_one_office_are_clean() {
    let text = "Le ministre des Affaires étrangères Jean-Marc Delorme est arrivé dimanche à \
                Beyrouth. Le chef de la diplomatie française, Jean-Marc Delorme, doit rencontrer \
                lundi les autorités libanaises.";
    assert_clean("fr", text);
}

#[test]
fn fr_shorter_form_and_apposition_are_clean() {
    let text = "La ministre française de la Santé, Claire Vautrin, a présenté mercredi son plan \
                contre les déserts médicaux. Vautrin, ministre de la Santé depuis mars, a promis \
                des moyens. La ministre de la Santé Vautrin sera à Lyon vendredi.";
    assert_clean("fr", text);
}

#[test]
fn fr_former_office_is_clean() {
    let text = "Le ministre des Armées Michel Aubry s'est rendu mercredi à Tallinn. L'ancien \
                Premier ministre Michel Aubry, nommé aux Armées en mai, a promis de nouveaux \
                avions à l'Estonie.";
    assert_clean("fr", text);
}

// =============================================================================================
// Spanish
// =============================================================================================

#[test]
fn es_comma_form_portfolio_changes() {
    let text = "La ministra de Agricultura, Elena Quiroga, presentó el lunes en Bruselas el plan \
                de ayudas al olivar. Los agricultores la esperaban en la puerta. Más tarde, la \
                ministra de Sanidad, Elena Quiroga, defendió el reparto de los fondos.";
    assert_conflicts(
        "es",
        text,
        &[conflict(
            ("ministra de Sanidad", 0),
            ("ministra de Agricultura", 0),
            "Elena Quiroga",
            Why::Role,
        )],
    );
}

#[test]
fn es_head_of_state_becomes_head_of_government() {
    let text = "El presidente argentino, Martín Ocampo, llegó el martes a Madrid para una visita \
                de tres días. Tras reunirse con empresarios, el primer ministro Ocampo anunció \
                nuevas inversiones.";
    assert_conflicts(
        "es",
        text,
        &[conflict(
            ("primer ministro", 0),
            ("presidente argentino", 0),
            "Ocampo",
            Why::Role,
        )],
    );
}

#[test]
fn es_same_role_of_another_country() {
    let text = "El ministro español de Agricultura, Jorge Salcedo, pidió el jueves en Luxemburgo \
                más flexibilidad para la pesca. Según el ministro portugués de Agricultura, Jorge \
                Salcedo, la propuesta tiene apoyo.";
    assert_conflicts(
        "es",
        text,
        &[conflict(
            ("ministro portugués de Agricultura", 0),
            ("ministro español de Agricultura", 0),
            "Jorge Salcedo",
            Why::Affiliation,
        )],
    );
}

#[test]

fn es_country_after_the_role_still_conflicts() {
    // "ministro de Asuntos Exteriores de España, Julián Serrano," then "el ministro de Defensa
    // Julián Serrano": a portfolio swap that must be found like the one without "de España".
    let text = "El ministro de Asuntos Exteriores de España, Julián Serrano, viajó el lunes a \
                Rabat. La visita duró dos días. En la rueda de prensa final, el ministro de \
                Defensa Julián Serrano habló de inmigración.";
    assert_conflicts(
        "es",
        text,
        &[conflict(
            ("ministro de Defensa", 0),
            ("ministro de Asuntos Exteriores de España", 0),
            "Julián Serrano",
            Why::Role,
        )],
    );
}

#[test]
fn es_shorter_form_and_apposition_are_clean() {
    let text = "La ministra española de Defensa, Carmen Ibarra, visitó el viernes a las tropas \
                desplegadas en Letonia. Ibarra, ministra de Defensa desde 2023, prometió más \
                medios. La ministra Ibarra regresará a Madrid el domingo.";
    assert_clean("es", text);
}

#[test]
fn es_synonyms_of_one_office_are_clean() {
    let text = "El canciller peruano, Javier Salinas, llegó el lunes a Santiago. Allí el ministro \
                de Relaciones Exteriores Salinas firmó un acuerdo de pesca. El jefe de la \
                diplomacia peruana, Javier Salinas, volverá a Lima el miércoles.";
    assert_clean("es", text);
}

#[test]
fn es_former_office_is_clean() {
    let text = "La ministra de Defensa, Carmen Ibarra, inauguró el martes el nuevo hospital \
                militar de Zaragoza. Ibarra, ex ministra de Sanidad, recordó que el proyecto \
                empezó en 2019.";
    assert_clean("es", text);
}

// =============================================================================================
// Russian
// =============================================================================================

#[test]
fn ru_head_of_state_becomes_head_of_government() {
    let text = "Президент Финляндии Александр Стубб прибыл в Стокгольм с официальным визитом. \
                Переговоры продлились два дня. Позднее премьер-министр Стубб заявил журналистам, \
                что соглашение будет подписано летом.";
    assert_conflicts(
        "ru",
        text,
        &[conflict(
            ("премьер-министр", 0),
            ("Президент Финляндии", 0),
            "Стубб",
            Why::Role,
        )],
    );
}

#[test]
fn ru_portfolio_changes_across_case_forms() {
    // Nominative "Хакан Фидан" and instrumental "Хаканом Фиданом" are one person.
    let text = "Министр иностранных дел Турции Хакан Фидан прибыл в Москву во вторник. В среду с \
                министром обороны Турции Хаканом Фиданом встретились российские дипломаты.";
    assert_conflicts(
        "ru",
        text,
        &[conflict(
            ("министром обороны Турции", 0),
            ("Министр иностранных дел Турции", 0),
            "Хаканом Фиданом",
            Why::Role,
        )],
    );
}

#[test]
fn ru_spokesperson_becomes_ambassador_across_case_forms() {
    // Nominative "Мария Захарова" and genitive "Марии Захаровой" are one person; "МИД" after the
    // role is an affiliation of the first title.
    let text = "Официальный представитель МИД Мария Захарова прокомментировала в четверг \
                заявление Вашингтона. Позднее слова посла Марии Захаровой процитировали \
                американские СМИ.";
    assert_conflicts(
        "ru",
        text,
        &[conflict(
            ("посла", 0),
            ("Официальный представитель МИД", 0),
            "Марии Захаровой",
            Why::Role,
        )],
    );
}

#[test]

fn ru_case_forms_of_an_ov_surname_still_conflict() {
    // The rule reads "министра иностранных дел Сергея Лаврова" and "министр обороны Сергей
    // Лавров" as the same person (titles.toml: "inflected names (Лавров / Лаврова) are one
    // person").
    let text = "Турецкие СМИ подробно освещали визит министра иностранных дел России Сергея \
                Лаврова. По итогам переговоров министр обороны Сергей Лавров заявил, что стороны \
                договорились о новых консультациях.";
    assert_conflicts(
        "ru",
        text,
        &[conflict(
            ("министр обороны", 0),
            ("министра иностранных дел России", 0),
            "Сергей Лавров",
            Why::Role,
        )],
    );
}

#[test]
fn ru_case_forms_of_one_name_with_one_title_are_clean() {
    let text = "Министр иностранных дел Турции Хакан Фидан прибыл в Москву во вторник. Российские \
                дипломаты провели переговоры с министром иностранных дел Турции Хаканом Фиданом. \
                Визит главы МИД Турции Фидана продлится два дня.";
    assert_clean("ru", text);
}

#[test]
fn ru_case_forms_of_an_ov_surname_with_one_title_are_clean() {
    let text = "Министр иностранных дел России Сергей Лавров прибыл в Анкару. Турецкие СМИ \
                подробно освещали визит министра иностранных дел Сергея Лаврова. Глава МИД Лавров \
                провёл переговоры с министром иностранных дел Турции Хаканом Фиданом.";
    assert_clean("ru", text);
}

#[test]
fn ru_former_office_and_framing_are_clean() {
    let text = "Министр иностранных дел Эстонии Тоомас Ранд прибыл в Ригу. Бывший министр \
                обороны Ранд призвал союзников увеличить расходы на оборону. Будучи министром \
                обороны, Ранд добивался закупки систем ПВО.";
    assert_clean("ru", text);
}

// =============================================================================================
// Affiliations after the title, posts, dual roles, generated case forms (issue #4)
// =============================================================================================

#[test]
fn en_post_after_an_ambassador_title_conflicts() {
    let text = "US Ambassador to NATO Julia Marsh spoke in Brussels on Monday. Allies listened \
                closely. Later, US Ambassador to the EU Julia Marsh said the talks had gone well.";
    assert_conflicts(
        "en",
        text,
        &[conflict(
            ("US Ambassador to the EU", 0),
            ("US Ambassador to NATO", 0),
            "Julia Marsh",
            Why::Affiliation,
        )],
    );
}

#[test]
fn en_post_given_once_and_namesakes_without_titles_are_clean() {
    // The post is known once; "Mayor Hill" is ambiguous: two people named Hill are named in full,
    // even though the mayor's own title does not attach to his name.
    let text = "US Ambassador to NATO Julia Marsh spoke in Brussels on Monday. Ambassador Marsh \
                said allies agreed. Transport Minister Anna Hill visited the town. The mayor of \
                Stratford upon Avon, Tom Hill, welcomed her. Mayor Hill said the bypass was late.";
    assert_clean("en", text);
}

#[test]
fn fr_post_after_an_ambassador_title_conflicts() {
    let text =
        "L'ambassadrice de Belgique auprès de l'ONU, Claire Dumont, a plaidé lundi pour une \
                trêve. Les diplomates ont salué son discours. Claire Dumont, ambassadrice de \
                Belgique auprès de l'OTAN, a ensuite rencontré la presse.";
    assert_conflicts(
        "fr",
        text,
        &[conflict(
            ("ambassadrice de Belgique auprès de l'OTAN", 0),
            ("ambassadrice de Belgique auprès de l'ONU", 0),
            "Claire Dumont",
            Why::Affiliation,
        )],
    );
}

#[test]
fn fr_post_given_once_and_postposed_adjective_agreeing_are_clean() {
    // "d'IHS Markit": the organisation's second word is not a person.
    let text =
        "L'ambassadrice de Belgique auprès de l'ONU, Claire Dumont, a plaidé lundi pour une \
                trêve. L'ambassadrice belge Claire Dumont a ensuite rencontré la presse. Le \
                président ghanéen John Mensah est arrivé mardi. Le président John Mensah a salué \
                l'accord. Le directeur d'IHS Markit, Paul Lemaire, a parlé le premier. \
                L'économiste en chef d'IHS Markit, Chris Williamson, a répondu.";
    assert_clean("fr", text);
}

#[test]
fn fr_organisation_written_out_and_postposed_adjective_conflict() {
    let text = "Le commissaire de l'Union africaine Moussa Keita a ouvert la réunion. Plus tard, \
                le commissaire de la CEDEAO Moussa Keita a présenté un rapport. Le président \
                ghanéen John Mensah est arrivé mardi. Le président nigérian John Mensah a salué \
                l'accord.";
    assert_conflicts(
        "fr",
        text,
        &[
            conflict(
                ("commissaire de la CEDEAO", 0),
                ("commissaire de l'Union africaine", 0),
                "Moussa Keita",
                Why::Affiliation,
            ),
            conflict(
                ("président nigérian", 0),
                ("président ghanéen", 0),
                "John Mensah",
                Why::Affiliation,
            ),
        ],
    );
}

#[test]
fn es_nationality_inside_the_title_and_organisation_with_acronym_conflict() {
    let text = "La ministra peruana de Turismo, Lucía Campos, visitó Cuzco el lunes. Después, la \
                ministra boliviana de Turismo Lucía Campos habló con la prensa. La representante \
                de la Organización Internacional para las Migraciones (OIM) en Chile, Paula Rivas, \
                presentó un informe. Paula Rivas, representante de ACNUR en Chile, pidió fondos.";
    assert_conflicts(
        "es",
        text,
        &[
            conflict(
                ("ministra boliviana de Turismo", 0),
                ("ministra peruana de Turismo", 0),
                "Lucía Campos",
                Why::Affiliation,
            ),
            conflict(
                ("representante de ACNUR en Chile", 0),
                (
                    "representante de la Organización Internacional para las Migraciones (OIM) en Chile",
                    0,
                ),
                "Paula Rivas",
                Why::Affiliation,
            ),
        ],
    );
}

#[test]
fn es_nationality_inside_the_title_and_one_organisation_are_clean() {
    let text = "La ministra peruana de Turismo, Lucía Campos, visitó Cuzco el lunes. Después, la \
                ministra de Turismo Lucía Campos habló con la prensa. La representante de la OIM \
                en Chile, Paula Rivas, presentó un informe. Paula Rivas, representante de la OIM, \
                pidió fondos.";
    assert_clean("es", text);
}

#[test]
fn es_second_of_two_roles_given_together_and_portfolio_list() {
    // A title is checked against both roles given together; a list of portfolios after the
    // role ("Pesca, Agricultura y Alimentación") is no name; "comisario … de Pesca" is a
    // portfolio, not an organisation.
    let text = "La vicepresidenta segunda y ministra de Trabajo, Marta Ríos, presentó la reforma. \
                Más tarde, la ministra de Sanidad Marta Ríos respondió a los sindicatos. El \
                ministro de Pesca, Agricultura y Alimentación, Ramón Vidal, viajó a Vigo. Allí el \
                comisario europeo de Pesca, Ramón Vidal, defendió a la flota.";
    assert_conflicts(
        "es",
        text,
        &[
            conflict(
                ("ministra de Sanidad", 0),
                ("ministra de Trabajo", 0),
                "Marta Ríos",
                Why::Role,
            ),
            conflict(
                ("comisario europeo de Pesca", 0),
                ("ministro de Pesca", 0),
                "Ramón Vidal",
                Why::Role,
            ),
        ],
    );
}

#[test]
fn es_either_of_two_roles_given_together_is_clean() {
    let text = "La vicepresidenta segunda y ministra de Trabajo, Marta Ríos, presentó la reforma. \
                Más tarde, la vicepresidenta segunda Marta Ríos y la ministra de Trabajo Marta \
                Ríos respondieron. El ministro de Pesca, Agricultura y Alimentación, Ramón Vidal, \
                viajó a Vigo. Allí el ministro de Pesca Ramón Vidal defendió a la flota.";
    assert_clean("es", text);
}

#[test]
fn ru_generated_case_forms_and_genitive_complements_conflict() {
    // "министру образования" (dative) is generated from the nominative; "области" between the
    // role and the name is a complement; "Монголии" is a country the lexicon does not list.
    let text = "Министр здравоохранения области Ольга Белкина открыла новую поликлинику. Позднее \
                министру образования Ольге Белкиной вручили ключи от школы. Вице-премьер Монголии \
                Батбаяр Дорж прибыл в Иркутск. Вице-премьер Казахстана Батбаяр Дорж выступил на \
                форуме.";
    assert_conflicts(
        "ru",
        text,
        &[
            conflict(
                ("министру образования", 0),
                ("Министр здравоохранения области", 0),
                "Ольге Белкиной",
                Why::Role,
            ),
            conflict(
                ("Вице-премьер Казахстана", 0),
                ("Вице-премьер Монголии", 0),
                "Батбаяр Дорж",
                Why::Affiliation,
            ),
        ],
    );
}

#[test]
fn ru_generated_case_forms_role_inside_a_complement_and_namesakes_are_clean() {
    // "главным экономистом" is generated from "главный экономист"; "президента" inside "пресс-
    // секретарь президента" is not Песков's title; the two Петровы make "министра Петрова"
    // ambiguous; "после" is a preposition, not the prepositional of "посол" (whose cases are
    // listed: its vowel drops); "Владимира Путина" after "президента" is a name in the genitive,
    // not a country.
    let text = "Главный экономист банка Ирина Соколова представила прогноз. С главным экономистом \
                банка Ириной Соколовой согласились аналитики. Пресс-секретарь президента России \
                Дмитрий Песков ответил на вопросы. Песков сказал, что решений нет. Министр \
                транспорта и дорожного хозяйства Татарстана Андрей Петров открыл станцию. Там был \
                и вице-мэр Казани Сергей Петров. По словам министра транспорта Петрова, работы \
                продолжатся. Президент России Владимир Путин прибыл в Петербург. После парада в \
                Кронштадте Путин встретится с моряками. Пресс-секретарь президента Владимира \
                Путина Дмитрий Песков уточнил детали. Позднее пресс-секретарь Кремля Дмитрий \
                Песков ответил журналистам.";
    assert_clean("ru", text);
}

// =============================================================================================
// A house rule file: known office holders
// =============================================================================================

const HOUSE: &str = r#"[pack]
name = "house"
languages = ["en"]

[[rule]]
id = "house.offices"
kind = "titles"
description = "Office holders as our desk knows them"
holders = [{ name = "Hakon Veldt", role = "foreign minister", affiliation = "norway" }]
exclusive = [["foreign minister", "trade minister", "prime minister"]]
examples = [
  { bad = "Trade Minister Hakon Veldt arrived in Oslo on Monday." },
  { bad = "Swedish Foreign Minister Hakon Veldt arrived in Oslo on Monday." },
  { good = "Norwegian Foreign Minister Hakon Veldt arrived in Oslo on Monday." },
  { good = "Trade Minister Ingrid Veldt arrived in Oslo on Monday." },
]

[rule.roles.en]
"foreign minister" = ["foreign minister", "top diplomat"]
"trade minister" = ["trade minister"]
"prime minister" = ["prime minister", "premier"]

[rule.affiliations.en]
"norway" = ["norway", "norwegian", "norway's"]
"sweden" = ["sweden", "swedish", "sweden's"]
"#;

const HOUSE_ID: &str = "house.offices";

fn house_set() -> translint::rules::RuleSet {
    let source = Arc::new(RuleSource {
        name: "house.toml".into(),
        text: HOUSE.into(),
    });
    match load_source(source) {
        Ok(set) => set,
        Err(errors) => panic!("rules must load: {errors:#?}"),
    }
}

/// The house rule with the built-in name data (`names.drift`), as users run it.
fn house_linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| {
        let mut set = load_builtin().expect("built-in rules load");
        set.retain(|r| &*r.meta.id == DRIFT);
        set.extend(house_set()).expect("no duplicate ids");
        Linter::new(set)
    })
}

fn house(text: &str) -> Vec<Diagnostic> {
    lint_with(house_linter(), text, "en")
        .into_iter()
        .filter(|d| &*d.rule == HOUSE_ID)
        .collect()
}

#[test]
fn holder_with_a_consistent_but_wrong_role_is_flagged_at_every_title() {
    let text =
        "Trade Minister Hakon Veldt arrived in Oslo on Monday. Trade Minister Veldt said the \
                talks would go on.";
    let found = house(text);
    let spans: Vec<Range<usize>> = found.iter().map(|d| d.span.clone()).collect();
    assert_eq!(
        spans,
        [at(text, "Trade Minister", 0), at(text, "Trade Minister", 1)],
        "{}",
        describe(&found, text)
    );
    for d in &found {
        assert_eq!(d.category, Category::Title, "the kind's default category");
        assert_eq!(d.severity, Severity::Warning, "the default severity");
        for part in ["Hakon Veldt", "foreign minister", "'Trade Minister'"] {
            assert!(d.message.contains(part), "{:?} lacks {part:?}", d.message);
        }
    }
}

#[test]
fn holder_with_a_wrong_country_is_flagged() {
    // The second title has no country: it agrees with the house list.
    let text = "Swedish Foreign Minister Hakon Veldt met Nordic colleagues in Oslo on Monday. \
                Foreign Minister Veldt said the meeting went well.";
    let found = house(text);
    let spans: Vec<Range<usize>> = found.iter().map(|d| d.span.clone()).collect();
    assert_eq!(
        spans,
        [at(text, "Swedish Foreign Minister", 0)],
        "{}",
        describe(&found, text)
    );
    assert!(
        found[0].message.contains("'Swedish Foreign Minister'"),
        "{}",
        found[0].message
    );
    assert!(found[0].message.contains("norway"), "{}", found[0].message);
}

#[test]
fn holder_with_the_right_title_or_another_person_is_not_flagged() {
    let text = "Norwegian Foreign Minister Hakon Veldt met Nordic colleagues in Oslo on Monday. \
                Norway's top diplomat, Hakon Veldt, said the meeting went well. Trade Minister \
                Ingrid Veldt, his sister, joined the talks on Tuesday.";
    let found = house(text);
    assert!(found.is_empty(), "{}", describe(&found, text));
}

#[test]
fn holder_rule_also_reports_conflicts_within_the_article() {
    // The house rule is a full `titles` rule: a person who is not on the list but changes role
    // within the article is reported by it as well.
    let text = "Prime Minister Erna Lind opened the session in Oslo. On Tuesday, Trade Minister \
                Lind spoke about salmon exports.";
    let found = house(text);
    assert_eq!(found.len(), 1, "{}", describe(&found, text));
    assert_eq!(found[0].span, at(text, "Trade Minister", 0));
    assert_eq!(found[0].labels.len(), 1);
    assert_eq!(found[0].labels[0].span, at(text, "Prime Minister", 0));
    assert_eq!(
        found[0].labels[0].message,
        "first called 'Prime Minister' here"
    );
}

// =============================================================================================
// The command line
// =============================================================================================

fn temp_dir() -> tempfile::TempDir {
    common::cli::temp_dir("translint-titles-")
}

#[test]
fn cli_reports_a_conflict_with_label_position() {
    // Line 1 is the first paragraph, line 3 the second: the label points at line 1, column 1;
    // "Later, " is 7 characters, so the finding starts at line 3, column 8.
    let text = "Norwegian Trade Minister Hakon Veldt arrived in Brussels on Monday.\n\
                \n\
                Later, EU Trade Minister Hakon Veldt said a deal was close.\n";
    let r = run(translint_in(manifest_dir())
        .args(["--lang", "en", "--format", "json", "-"])
        .write_stdin(text));
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    let report: Value = serde_json::from_str(&r.stdout).expect("JSON report");
    let ds: Vec<&Value> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"] == TITLES)
        .collect();
    assert_eq!(ds.len(), 1, "{report:#}");
    let d = ds[0];
    assert_eq!(d["category"], "title");
    assert_eq!(d["severity"], "warning");
    assert_eq!(d["text"], "EU Trade Minister");
    assert_eq!(pos(&d["start"]), (3, 8));
    assert_eq!(pos(&d["end"]), (3, 8 + "EU Trade Minister".len() as u64));
    let labels = d["labels"].as_array().expect("labels");
    assert_eq!(labels.len(), 1, "{d:#}");
    assert_eq!(
        labels[0]["message"],
        "first called 'Norwegian Trade Minister' here"
    );
    assert_eq!(pos(&labels[0]["start"]), (1, 1));
    assert_eq!(
        pos(&labels[0]["end"]),
        (1, 1 + "Norwegian Trade Minister".len() as u64)
    );
}

#[test]
fn house_rule_file_passes_rules_test_and_runs_from_the_cli() {
    let dir = temp_dir();
    std::fs::write(dir.path().join("house.toml"), HOUSE).expect("write rule file");

    let r = run(translint_in(dir.path()).args(["rules", "test", "house.toml"]));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains(" 0 failed"), "{}", r.stdout);

    let text = "Trade Minister Hakon Veldt arrived in Oslo on Monday.\n";
    let r = run(translint_in(dir.path())
        .args([
            "--rules",
            "house.toml",
            "--lang",
            "en",
            "--format",
            "json",
            "-",
        ])
        .write_stdin(text));
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    let report: Value = serde_json::from_str(&r.stdout).expect("JSON report");
    let ds: Vec<&Value> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"] == HOUSE_ID)
        .collect();
    assert_eq!(ds.len(), 1, "{report:#}");
    assert_eq!(ds[0]["text"], "Trade Minister");
    assert_eq!(pos(&ds[0]["start"]), (1, 1));
    assert_eq!(ds[0]["category"], "title");
}

#[test]
fn rules_test_fails_on_a_wrong_holder_example() {
    // The same file with a "good" example that contradicts the house list: `rules test` must
    // point at it (exit 1). This shows the passing run above really checks the examples.
    let broken = HOUSE.replace(
        "{ good = \"Trade Minister Ingrid Veldt arrived in Oslo on Monday.\" },",
        "{ good = \"Trade Minister Hakon Veldt arrived in Oslo on Monday.\" },",
    );
    assert_ne!(broken, HOUSE);
    let dir = temp_dir();
    std::fs::write(dir.path().join("house.toml"), &broken).expect("write rule file");
    let r = run(translint_in(dir.path()).args(["rules", "test", "house.toml"]));
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    let out = format!("{}{}", r.stdout, r.stderr);
    // The good example is on line 15 of the file and starts at column 3.
    let line = broken
        .lines()
        .position(|l| l.contains("good = \"Trade Minister Hakon Veldt"))
        .expect("the broken example")
        + 1;
    assert_eq!(line, 15);
    assert!(out.contains("good example was flagged"), "{out}");
    assert!(out.contains("house.toml:15:3"), "{out}");
}

// =============================================================================================
// Rule-file errors
// =============================================================================================

const UNKNOWN_EXCLUSIVE: &str = r#"[[rule]]
id = "house.offices"
kind = "titles"
exclusive = [["foreign minister", "finance minister"]]

[rule.roles.en]
"foreign minister" = ["foreign minister"]
"defence minister" = ["defence minister"]
"#;

#[test]
fn exclusive_role_not_in_roles_is_an_error_in_the_file() {
    let dir = temp_dir();
    std::fs::write(dir.path().join("house.toml"), UNKNOWN_EXCLUSIVE).expect("write rule file");
    let r = run(translint_in(dir.path())
        .args(["--no-default-rules", "--rules", "house.toml", "-"])
        .write_stdin("Foreign Minister Hakon Veldt arrived.\n"));
    assert_eq!(r.code, 2, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.is_empty(), "nothing may be linted:\n{}", r.stdout);
    assert!(
        r.stderr.contains("nothing was linted"),
        "stderr:\n{}",
        r.stderr
    );
    // `exclusive = ` is 12 characters: the value starts at line 4, column 13.
    let lines: Vec<&str> = r.stderr.lines().collect();
    let at_error = lines
        .iter()
        .position(|l| l.starts_with("error") && l.contains("'finance minister'"))
        .unwrap_or_else(|| panic!("no error naming 'finance minister':\n{}", r.stderr));
    assert_eq!(
        lines.get(at_error + 1).map(|l| l.trim()),
        Some("┌─ house.toml:4:13"),
        "stderr:\n{}",
        r.stderr
    );
    assert!(
        !r.stderr.contains("'foreign minister' is not"),
        "a known role is not an error:\n{}",
        r.stderr
    );
}

#[test]
fn exclusive_role_not_in_roles_through_the_library() {
    let source = Arc::new(RuleSource {
        name: "house.toml".into(),
        text: UNKNOWN_EXCLUSIVE.into(),
    });
    let errors = match load_source(source) {
        Ok(_) => panic!("an unknown role in `exclusive` must not load"),
        Err(errors) => errors,
    };
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let value = r#"[["foreign minister", "finance minister"]]"#;
    assert_eq!(errors[0].span, Some(at(UNKNOWN_EXCLUSIVE, value, 0)));
    assert!(
        errors[0].message.contains("'finance minister'"),
        "{}",
        errors[0].message
    );
    assert_eq!(errors[0].path, "house.toml");
}

#[test]
fn russian_case_forms_are_generated_from_the_nominative() {
    use translint::checks::titles::russian_cases;
    let forms = |p: &str| russian_cases(p);
    assert_eq!(
        forms("министр обороны"),
        [
            "министра обороны",
            "министру обороны",
            "министром обороны",
            "министре обороны"
        ]
    );
    assert_eq!(
        forms("глава города"),
        [
            "главы города",
            "главе города",
            "главой города",
            "главу города"
        ]
    );
    assert_eq!(
        forms("генеральный директор"),
        [
            "генерального директора",
            "генеральному директору",
            "генеральным директором",
            "генеральном директоре"
        ]
    );
    assert!(forms("официальный представитель").contains(&"официальным представителем".to_string()));
    assert!(forms("премьер-министр").contains(&"премьер-министру".to_string()));
    assert!(
        forms("верховный главнокомандующий").contains(&"верховного главнокомандующего".to_string())
    );
    assert!(forms("российский").contains(&"российским".to_string()));
}

// =============================================================================================
// A title's head alone is its short form ("Chancellor" for "Chancellor of the Exchequer")
// =============================================================================================

#[test]
fn the_head_of_a_title_alone_is_its_short_form() {
    assert_clean(
        "en",
        "Chancellor of the Exchequer Rachel Reeves presented the budget on Wednesday. Economists \
         said the measures would raise taxes by billions. Chancellor Reeves defended the plan in \
         the Commons on Thursday.",
    );
    assert_clean(
        "es",
        "El presidente del Gobierno, Pedro Sánchez, viajó el lunes a Bruselas para la cumbre \
         europea. Los socios debatieron el presupuesto durante horas. El presidente Sánchez \
         defendió después el acuerdo ante la prensa.",
    );
}

#[test]
fn a_shortened_title_still_conflicts_with_another_office() {
    let text = "Chancellor of the Exchequer Rachel Reeves presented the budget on Wednesday. \
                Economists said the measures would raise taxes by billions. Foreign Secretary \
                Rachel Reeves defended the plan in the Commons on Thursday.";
    assert_conflicts(
        "en",
        text,
        &[conflict(
            ("Foreign Secretary", 0),
            ("Chancellor of the Exchequer", 0),
            "Rachel Reeves",
            Why::Role,
        )],
    );
}

// =============================================================================================
// Offices below cabinet level: central banks, police, justice, regions, services, councils
// =============================================================================================

#[test]
fn central_bank_and_police_offices_conflict_with_each_other() {
    let de = "Notenbankchefin Greta Lindqvist sprach am Morgen in Stockholm. Die Zinsen blieben \
              unverändert. Später sagte Polizeipräsidentin Greta Lindqvist, die Lage sei ruhig.";
    assert_conflicts(
        "de",
        de,
        &[conflict(
            ("Polizeipräsidentin", 0),
            ("Notenbankchefin", 0),
            "Greta Lindqvist",
            Why::Role,
        )],
    );
    let en = "Reserve Bank Governor Tom Hallett spoke in Sydney on Tuesday. Markets were calm. \
              Police Commissioner Tom Hallett later met the press.";
    assert_conflicts(
        "en",
        en,
        &[conflict(
            ("Police Commissioner", 0),
            ("Reserve Bank Governor", 0),
            "Tom Hallett",
            Why::Role,
        )],
    );
}

#[test]
fn a_police_chief_is_commissioner_or_president_for_short() {
    assert_clean(
        "en",
        "Police Commissioner Dana Ortiz spoke on Monday about the new patrols. Crime fell in \
         March. Commissioner Ortiz said more officers would be hired.",
    );
    assert_clean(
        "de",
        "Polizeipräsidentin Greta Lindqvist äußerte sich am Montag zu den Einsätzen. Die Lage \
         blieb ruhig. Präsidentin Lindqvist dankte den Beamten.",
    );
    assert_clean(
        "fr",
        "Le préfet de police Marc Delorme a annoncé des renforts. Les manifestations ont eu lieu \
         sans incident. Le préfet Marc Delorme a ensuite remercié les agents.",
    );
}

#[test]
fn prosecutors_and_judges_are_different_offices() {
    let fr = "Le procureur de la République Jean Lemaire a ouvert une enquête. Trois personnes \
              ont été interpellées. Le juge Jean Lemaire a ensuite entendu les témoins.";
    assert_conflicts(
        "fr",
        fr,
        &[conflict(
            ("juge", 0),
            ("procureur de la République", 0),
            "Jean Lemaire",
            Why::Role,
        )],
    );
    let es = "El fiscal jefe Andrés Molina presentó cargos contra los acusados. La vista duró \
              horas. El juez Andrés Molina dijo después que el caso era sólido.";
    assert_conflicts(
        "es",
        es,
        &[conflict(
            ("juez", 0),
            ("fiscal jefe", 0),
            "Andrés Molina",
            Why::Role,
        )],
    );
    // A prosecutor general is a prosecutor.
    assert_clean(
        "de",
        "Generalstaatsanwältin Petra Vogt erhob am Montag Anklage. Der Prozess beginnt im Mai. \
         Staatsanwältin Petra Vogt sagte, die Beweise seien eindeutig.",
    );
}

#[test]
fn regional_ministers_keep_their_portfolio() {
    let de = "Gesundheitslandesrätin Anna Huber stellte den Plan für die Spitäler vor. Die \
              Opposition übte Kritik. Danach erklärte Finanzlandesrätin Anna Huber, das Geld reiche.";
    assert_conflicts(
        "de",
        de,
        &[conflict(
            ("Finanzlandesrätin", 0),
            ("Gesundheitslandesrätin", 0),
            "Anna Huber",
            Why::Role,
        )],
    );
    let ru =
        "Министр здравоохранения области Ольга Смирнова открыла новую больницу. Строительство \
              заняло два года. Позднее министр финансов области Ольга Смирнова заявила о дефиците.";
    assert_conflicts(
        "ru",
        ru,
        &[conflict(
            ("министр финансов области", 0),
            ("Министр здравоохранения области", 0),
            "Ольга Смирнова",
            Why::Role,
        )],
    );
    assert_clean(
        "es",
        "La consejera de Sanidad, Marta Ibarra, presentó el plan de vacunación. Los hospitales \
         se preparan. La consejera Ibarra pidió calma después.",
    );
}

#[test]
fn a_service_chief_may_be_called_the_military_chief() {
    assert_clean(
        "ru",
        "Главнокомандующий ВМФ Олег Карпов провёл смотр кораблей. Погода была ясной. \
         Главнокомандующий Олег Карпов поблагодарил моряков.",
    );
    assert_clean(
        "fr",
        "Le chef d'état-major de la marine Pierre Vandier a visité Brest. Deux frégates étaient à \
         quai. Le chef d'état-major Pierre Vandier a salué les équipages.",
    );
}

#[test]
fn a_swiss_federal_councillor_heads_a_department() {
    assert_clean(
        "de",
        "Bundesrätin Carla Moretti reiste am Sonntag nach Washington. Die Gespräche dauerten zwei \
         Tage. Finanzministerin Carla Moretti traf dort ihren Amtskollegen.",
    );
    let fr =
        "La conseillère fédérale Carla Moretti s'est rendue à Washington. Les discussions ont \
              duré deux jours. L'ambassadrice Carla Moretti a ensuite rencontré la presse.";
    assert_conflicts(
        "fr",
        fr,
        &[conflict(
            ("ambassadrice", 0),
            ("conseillère fédérale", 0),
            "Carla Moretti",
            Why::Role,
        )],
    );
}

#[test]
fn a_party_leader_may_hold_a_government_office() {
    assert_clean(
        "en",
        "Party leader Mark Ellis addressed the conference on Saturday. Delegates cheered. Prime \
         Minister Mark Ellis later met the press.",
    );
    let en = "Party leader Mark Ellis addressed the conference on Saturday. Delegates cheered. \
              Judge Mark Ellis later met the press.";
    assert_conflicts(
        "en",
        en,
        &[conflict(
            ("Judge", 0),
            ("Party leader", 0),
            "Mark Ellis",
            Why::Role,
        )],
    );
}

// =============================================================================================
// Compounds: the tail of a compound title is its short form; a longer phrase that does not end
// the word does not hide a shorter one inside it
// =============================================================================================

#[test]
fn the_tail_of_a_compound_title_is_its_short_form() {
    assert_clean(
        "de",
        "Bundestagspräsidentin Julia Weber eröffnete die Sitzung am Mittwoch. Die Debatte war \
         hitzig. Präsidentin Weber rief mehrere Abgeordnete zur Ordnung.",
    );
    // A deputy is another office.
    let de = "Vizepräsident Tomas Brandt reiste am Montag nach Rom. Die Gespräche dauerten lange. \
              Dort sagte Präsident Tomas Brandt, man sei sich einig.";
    assert_conflicts(
        "de",
        de,
        &[conflict(
            ("Präsident", 0),
            ("Vizepräsident", 0),
            "Tomas Brandt",
            Why::Role,
        )],
    );
}

#[test]
fn a_phrase_ending_inside_a_word_does_not_hide_a_shorter_title() {
    // "weltbank-chef" is a title, but "Weltbank-Chefvolkswirt" is a chief economist.
    let de = "OECD-Chefvolkswirt Lars Berg stellte am Dienstag die Prognose vor. Die Märkte \
              reagierten gelassen. Weltbank-Chefvolkswirt Lars Berg sagte, das Wachstum bleibe schwach.";
    assert_conflicts(
        "de",
        de,
        &[conflict(
            ("Weltbank-Chefvolkswirt", 0),
            ("OECD-Chefvolkswirt", 0),
            "Lars Berg",
            Why::Affiliation,
        )],
    );
}

// =============================================================================================
// A title that agrees with the earlier ones without repeating them is established too
// =============================================================================================

#[test]
fn a_compatible_later_title_is_checked_against_what_follows() {
    // The party leader who is prime minister is not finance minister.
    let en = "Party leader Mark Ellis addressed the conference on Saturday. Delegates cheered. \
              Prime Minister Mark Ellis met the press on Sunday. Finance Minister Mark Ellis \
              later presented the budget.";
    assert_conflicts(
        "en",
        en,
        &[conflict(
            ("Finance Minister", 0),
            ("Prime Minister", 0),
            "Mark Ellis",
            Why::Role,
        )],
    );
    assert_clean(
        "de",
        "Parteichefin Lena Vogt sprach am Samstag auf dem Parteitag. Die Delegierten jubelten. \
         Kanzlerin Lena Vogt empfing am Sonntag die Presse. Kanzlerin Vogt sagte, die Koalition \
         halte.",
    );
}

// =============================================================================================
// A title before a rank and a name belongs to that name, not to the name before the comma
// =============================================================================================

#[test]
fn a_title_before_a_rank_and_a_name_is_that_persons() {
    assert_clean(
        "en",
        "Defence Minister Sergei Shoigu met the crews in Severomorsk on Sunday. The ships had \
         returned from a month at sea. He praised Defence Minister Sergei Shoigu, Navy Commander \
         Admiral Nikolai Yevmenov and the crews for their work. Putin, accompanied by Defence \
         Minister Sergei Shoigu, Navy Commander-in-Chief Admiral Nikolai Yevmenov, and the \
         district commander, toured the ship.",
    );
    assert_clean(
        "ru",
        "Министр обороны Сергей Шойгу прибыл в Североморск в воскресенье. Корабли вернулись \
         после месяца в море. На встрече присутствовали министр обороны Сергей Шойгу, \
         главнокомандующий ВМФ адмирал Николай Евменов и командиры кораблей.",
    );
    // Without a name after it, the title is still read in apposition.
    let text = "Defence Minister Sergei Shoigu met the crews in Severomorsk on Sunday. The ships \
                had returned from a month at sea. Sergei Shoigu, the foreign minister, praised the \
                crews.";
    assert_conflicts(
        "en",
        text,
        &[conflict(
            ("foreign minister", 0),
            ("Defence Minister", 0),
            "Sergei Shoigu",
            Why::Role,
        )],
    );
}

// =============================================================================================
// Places after a role, organisations named inside a listed phrase
// =============================================================================================

#[test]
fn fr_mayor_of_a_city_then_police_prefect_conflicts() {
    // "de Marseille" after a mayor is the place of the office, not an organisation the mayor
    // leads besides: a mayor is not the police prefect.
    let text = "Le maire de Marseille Benoît Payan a réclamé mardi des renforts. Plus tard, le \
                préfet de police Benoît Payan a dénoncé une violence inédite dans les quartiers \
                nord.";
    assert_conflicts(
        "fr",
        text,
        &[conflict(
            ("préfet de police", 0),
            ("maire de Marseille", 0),
            "Benoît Payan",
            Why::Role,
        )],
    );
}

#[test]
fn es_mayor_of_a_city_then_prosecutor_conflicts() {
    let text = "El alcalde de Sevilla, José Luis Sanz, visitó el mercado el lunes. Después, el \
                fiscal jefe José Luis Sanz pidió calma a los comerciantes.";
    assert_conflicts(
        "es",
        text,
        &[conflict(
            ("fiscal jefe", 0),
            ("alcalde de Sevilla", 0),
            "José Luis Sanz",
            Why::Role,
        )],
    );
}

#[test]
fn fr_mayor_of_a_city_repeated_is_clean() {
    let text = "Le maire de Marseille Benoît Payan a réclamé mardi des renforts. Le maire Payan \
                a ensuite reçu les habitants. Benoît Payan, maire de Marseille depuis 2020, \
                compte sur l'État.";
    assert_clean("fr", text);
}

#[test]
fn fr_union_named_by_acronym_inside_the_phrase_conflicts() {
    let text = "La secrétaire générale de la CGT, Sophie Binet, a appelé à la grève jeudi. \
                Vendredi, la secrétaire générale de la CFDT Sophie Binet a maintenu l'appel.";
    assert_conflicts(
        "fr",
        text,
        &[conflict(
            ("secrétaire générale de la CFDT", 0),
            ("secrétaire générale de la CGT", 0),
            "Sophie Binet",
            Why::Affiliation,
        )],
    );
}

#[test]
fn fr_two_union_leaders_named_by_acronym_are_clean() {
    let text = "La secrétaire générale de la CGT, Sophie Binet, a appelé à la grève jeudi. La \
                secrétaire générale de la CFDT, Marylise Léon, a refusé. Binet a répondu que la \
                secrétaire générale de la CGT ne céderait pas.";
    assert_clean("fr", text);
}

#[test]
fn en_two_rank_words_of_one_office_are_clean() {
    // "vice" and "deputy" make the same lower rank of an office.
    let text = "Vice-Mayor of Tartu Artem Suvorov opened the fair on Friday. Later the deputy \
                mayor Artem Suvorov thanked the volunteers.";
    assert_clean("en", text);
}

#[test]
fn en_deputy_of_an_office_is_another_office() {
    let text = "Mayor of Tartu Urmas Klaas opened the fair on Friday. Later the deputy mayor \
                Urmas Klaas thanked the volunteers.";
    assert_conflicts(
        "en",
        text,
        &[conflict(
            ("deputy mayor", 0),
            ("Mayor of Tartu", 0),
            "Urmas Klaas",
            Why::Role,
        )],
    );
}

#[test]
fn ru_ambassador_posted_to_another_country_conflicts() {
    // Neither place is in the lexicon's affiliations in this case form: unknown places are
    // compared with each other.
    let text = "Посол России в Узбекистане Алексей Сурин встретился с ректорами вузов. Позднее \
                посол России в Казахстане Алексей Сурин добавил, что число студентов растёт.";
    assert_conflicts(
        "ru",
        text,
        &[conflict(
            ("посол России в Казахстане", 0),
            ("Посол России в Узбекистане", 0),
            "Алексей Сурин",
            Why::Affiliation,
        )],
    );
}

#[test]
fn ru_ambassador_at_one_post_is_clean() {
    let text = "Посол России в Узбекистане Алексей Сурин встретился с ректорами вузов. Позднее \
                посол Алексей Сурин добавил, что число студентов растёт. Сурин, посол России в \
                Узбекистане с 2023 года, назвал цифры.";
    assert_clean("ru", text);
}

#[test]
fn en_affiliation_inside_a_listed_phrase_conflicts() {
    let text =
        "ECB President Christine Lagarde said rates would stay on hold. Later the president \
                of the European Commission Christine Lagarde told lawmakers that inflation was \
                easing.";
    assert_conflicts(
        "en",
        text,
        &[conflict(
            ("president of the European Commission", 0),
            ("ECB President", 0),
            "Christine Lagarde",
            Why::Affiliation,
        )],
    );
}

#[test]
fn en_affiliation_inside_a_listed_phrase_repeated_is_clean() {
    let text = "European Commission President Ursula von der Leyen arrived in Kyiv. The president \
                of the European Commission Ursula von der Leyen met officials. Von der Leyen later \
                flew to Warsaw.";
    assert_clean("en", text);
}

// =============================================================================================
// Offices of a portfolio head with a portfolio the lexicon does not list
// =============================================================================================

#[test]
fn fr_unlisted_portfolio_then_another_ministry_conflicts() {
    let text = "La ministre des Comptes publics Amélie Verdier a présenté mardi le projet de \
                budget. Mercredi, la ministre du Travail Amélie Verdier a défendu les économies \
                prévues.";
    assert_conflicts(
        "fr",
        text,
        &[conflict(
            ("ministre du Travail", 0),
            ("ministre des Comptes publics", 0),
            "Amélie Verdier",
            Why::Role,
        )],
    );
}

#[test]
fn fr_unlisted_portfolio_repeated_is_clean() {
    let text = "La ministre des Comptes publics Amélie Verdier a présenté mardi le projet de \
                budget. Amélie Verdier, ministre des Comptes publics depuis janvier, a défendu \
                les économies. La ministre Verdier sera au Sénat jeudi.";
    assert_clean("fr", text);
}

#[test]
fn es_regional_portfolio_then_another_conflicts() {
    let text = "La consejera de Vivienda Rocío Albert visitó las obras el lunes. El martes, la \
                consejera de Sanidad Rocío Albert inauguró un centro de salud en Getafe.";
    assert_conflicts(
        "es",
        text,
        &[conflict(
            ("consejera de Sanidad", 0),
            ("consejera de Vivienda", 0),
            "Rocío Albert",
            Why::Role,
        )],
    );
}

#[test]
fn es_regional_portfolio_and_a_shorter_one_are_clean() {
    // "Vivienda y Transportes" and "Transportes" share a portfolio word: one office.
    let text = "El consejero de Vivienda y Transportes Jorge Rodrigo visitó las obras el lunes. \
                El martes, el consejero de Transportes Jorge Rodrigo anunció nuevos autobuses.";
    assert_clean("es", text);
}

#[test]
fn de_two_unlisted_senate_portfolios_conflict() {
    let text = "Verkehrssenatorin Ute Bonde stellte am Montag den Plan vor. Am Dienstag sagte \
                Innensenatorin Ute Bonde, die Polizei werde die Baustellen sichern.";
    assert_conflicts(
        "de",
        text,
        &[conflict(
            ("Innensenatorin", 0),
            ("Verkehrssenatorin", 0),
            "Ute Bonde",
            Why::Role,
        )],
    );
}

#[test]
fn de_compound_and_written_out_portfolio_are_clean() {
    let text = "Verkehrssenatorin Ute Bonde stellte am Montag den Plan vor. Am Dienstag sagte \
                die Senatorin für Verkehr Ute Bonde, die Arbeiten begännen im Mai.";
    assert_clean("de", text);
}

#[test]
fn es_unlisted_secretariat_then_prosecutor_general_conflicts() {
    // A capitalised portfolio word closed by a comma is part of the portfolio, not the name.
    let text = "El secretario de Seguridad y Protección Ciudadana, Omar García Harfuch, presentó \
                las cifras. Después, el fiscal general Omar García Harfuch explicó las detenciones.";
    assert_conflicts(
        "es",
        text,
        &[conflict(
            ("fiscal general", 0),
            ("secretario de Seguridad y Protección Ciudadana", 0),
            "Omar García Harfuch",
            Why::Role,
        )],
    );
}

// =============================================================================================
// Short forms with another affiliation; organisations glued to German compounds
// =============================================================================================

#[test]
fn en_short_form_with_another_country_conflicts() {
    // "Governor X" stands for a central bank governor, but not for another country's.
    let text = "Kenyan central bank governor Kamau Thugge said inflation had eased. Later, \
                Uganda's Governor Kamau Thugge told a banking conference that rates could fall.";
    assert_conflicts(
        "en",
        text,
        &[conflict(
            ("Uganda's Governor", 0),
            ("Kenyan central bank governor", 0),
            "Kamau Thugge",
            Why::Affiliation,
        )],
    );
}

#[test]
fn en_short_form_without_affiliation_is_clean() {
    let text = "Kenyan central bank governor Kamau Thugge said inflation had eased. Later, \
                Governor Kamau Thugge told a banking conference that rates could fall.";
    assert_clean("en", text);
}

#[test]
fn de_organisations_glued_to_compounds_conflict() {
    // The union named before the hyphen of a listed compound, and an unlisted company glued to a
    // listed role.
    let text = "Die DGB-Chefin Yasmin Fahimi forderte am Montag höhere Löhne. Am Dienstag sagte \
                die Verdi-Chefin Yasmin Fahimi, die Streiks gingen weiter. Die BASF-Vorstandschefin \
                Katja Reuter warnte vor Kosten. Die Bayer-Vorstandschefin Katja Reuter nannte \
                keine Zahlen.";
    assert_conflicts(
        "de",
        text,
        &[
            conflict(
                ("Verdi-Chefin", 0),
                ("DGB-Chefin", 0),
                "Yasmin Fahimi",
                Why::Affiliation,
            ),
            conflict(
                ("Bayer-Vorstandschefin", 0),
                ("BASF-Vorstandschefin", 0),
                "Katja Reuter",
                Why::Affiliation,
            ),
        ],
    );
}

#[test]
fn de_organisations_glued_to_compounds_repeated_are_clean() {
    let text = "Die DGB-Chefin Yasmin Fahimi forderte am Montag höhere Löhne. Gewerkschaftschefin \
                Fahimi sagte, die DGB-Chefin werde nicht nachgeben. Die BASF-Vorstandschefin \
                Katja Reuter warnte vor Kosten. Vorstandschefin Reuter nannte keine Zahlen. \
                Ex-Vorstandschefin Ilse Brand schwieg.";
    assert_clean("de", text);
}

// =============================================================================================
// Organisations written out with a country inside
// =============================================================================================

#[test]
fn es_organisation_written_out_then_another_conflicts() {
    let text = "El presidente de la Asociación del Fútbol Argentino, Claudio Tapia, anunció un \
                amistoso en Madrid. El presidente de la Conmebol, Claudio Tapia, respondió que \
                los precios los fija el organizador. La presidenta del Banco Central de Chile, \
                Rosanna Costa, habló de inflación. La presidenta del Banco Central de Perú, \
                Rosanna Costa, presentará el informe en junio.";
    assert_conflicts(
        "es",
        text,
        &[
            conflict(
                ("presidente de la Conmebol", 0),
                ("presidente de la Asociación del Fútbol Argentino", 0),
                "Claudio Tapia",
                Why::Affiliation,
            ),
            conflict(
                ("presidenta del Banco Central de Perú", 0),
                ("presidenta del Banco Central de Chile", 0),
                "Rosanna Costa",
                Why::Affiliation,
            ),
        ],
    );
}

#[test]
fn es_organisation_with_and_without_its_country_is_clean() {
    let text = "La presidenta del Banco Central de Chile, Rosanna Costa, habló de inflación. La \
                presidenta del Banco Central, Rosanna Costa, presentará el informe en junio. El \
                presidente de la Asociación del Fútbol Argentino, Claudio Tapia, anunció un \
                amistoso. Tapia, presidente de la AFA desde 2017, viajará a Madrid.";
    assert_clean("es", text);
}

#[test]
fn fr_central_bank_written_out_with_another_country_conflicts() {
    let text = "Le gouverneur de la Banque de France, François Villeroy de Galhau, a appelé à \
                la prudence. Selon le gouverneur de la Banque d'Italie, François Villeroy de \
                Galhau, l'effort doit porter sur les dépenses.";
    assert_conflicts(
        "fr",
        text,
        &[conflict(
            ("gouverneur de la Banque d'Italie", 0),
            ("gouverneur de la Banque de France", 0),
            "François Villeroy de Galhau",
            Why::Affiliation,
        )],
    );
}

#[test]
fn fr_typographic_apostrophe_in_a_listed_phrase_conflicts() {
    let text = "Le ministre de l’Économie Éric Lombard a présenté le budget mardi. Mercredi, le \
                ministre de l’Intérieur Éric Lombard a défendu les économies.";
    assert_conflicts(
        "fr",
        text,
        &[conflict(
            ("ministre de l’Intérieur", 0),
            ("ministre de l’Économie", 0),
            "Éric Lombard",
            Why::Role,
        )],
    );
}

#[test]
fn fr_typographic_and_straight_apostrophes_of_one_title_are_clean() {
    let text = "Le ministre de l’Économie Éric Lombard a présenté le budget mardi. Mercredi, le \
                ministre de l'Économie Éric Lombard a défendu les économies.";
    assert_clean("fr", text);
}

// =============================================================================================
// German and Austrian states
// =============================================================================================

#[test]
fn de_minister_of_another_state_conflicts() {
    let text = "Der bayerische Innenminister Joachim Herrmann verteidigte am Montag die \
                Grenzkontrollen. Der baden-württembergische Innenminister Joachim Herrmann wies \
                die Kritik zurück.";
    assert_conflicts(
        "de",
        text,
        &[conflict(
            ("baden-württembergische Innenminister", 0),
            ("bayerische Innenminister", 0),
            "Joachim Herrmann",
            Why::Affiliation,
        )],
    );
}

#[test]
fn de_forms_of_one_state_are_clean() {
    let text = "Der bayerische Innenminister Joachim Herrmann verteidigte am Montag die \
                Grenzkontrollen. Bayerns Innenminister Herrmann wies die Kritik zurück. Die \
                baden-württembergische Innenministerin Anna Keller und die \
                Baden-Württembergs Innenministerin Keller schwiegen. Tiroler Landeshauptmann \
                Anton Mattle und Tirols Landeshauptmann Mattle sprachen von Hilfe.";
    assert_clean("de", text);
}

#[test]
fn de_central_bank_compound_then_another_bank_conflicts() {
    // "Präsident" stands for a central bank governor, but not of another bank.
    let text = "Bundesbankpräsident Joachim Nagel warnte am Montag vor zu frühen Zinssenkungen. \
                EZB-Präsident Nagel betonte, die Notenbanken blieben unabhängig.";
    assert_conflicts(
        "de",
        text,
        &[conflict(
            ("EZB-Präsident", 0),
            ("Bundesbankpräsident", 0),
            "Nagel",
            Why::Affiliation,
        )],
    );
}

#[test]
fn de_central_bank_compound_and_its_short_forms_are_clean() {
    let text = "Bundesbankpräsident Joachim Nagel warnte am Montag vor zu frühen Zinssenkungen. \
                Präsident Nagel betonte, die Bundesbank bleibe unabhängig. EZB-Präsidentin \
                Christine Lagarde und die EZB-Chefin Lagarde schwiegen.";
    assert_clean("de", text);
}

#[test]
fn unknown_names_in_the_new_title_tables_are_rule_errors() {
    let text = HOUSE.replace(
        "exclusive = [",
        "within = { \"oslo\" = \"norway\" }\n\
         organisation_roles = [\"party boss\"]\n\
         short_forms = [[\"prime minister\", \"trade minister\", \"foreign minister\"]]\n\
         portfolio_heads = { en = { \"culture minister\" = [\"minister\"] } }\n\
         exclusive = [",
    );
    let source = Arc::new(RuleSource {
        name: "house.toml".into(),
        text,
    });
    let Err(errors) = load_source(source) else {
        panic!("unknown names must not load");
    };
    let messages: Vec<String> = errors.iter().map(|e| e.message.to_string()).collect();
    for expected in [
        "'oslo' is not an affiliation of this rule",
        "'party boss' is not a role of this rule",
        "a pair has 3 roles, not 2",
        "'culture minister' is not a role of this rule",
    ] {
        assert!(
            messages.iter().any(|m| m == expected),
            "missing error {expected:?} in {messages:?}"
        );
    }
}

#[test]
fn es_minister_who_is_also_spokesperson_is_clean() {
    let text = "La ministra de Educación, Pilar Alegría, presentó el plan el martes. Después, la \
                ministra portavoz, Pilar Alegría, defendió las cuentas ante la prensa.";
    assert_clean("es", text);
}

#[test]
fn de_city_and_its_country_are_clean() {
    let text = "Der Wiener Bürgermeister Michael Ludwig eröffnete am Montag die neue Linie. Der \
                österreichische Bürgermeister Ludwig sprach von einem historischen Tag. Der \
                bayerische Innenminister Joachim Herrmann und der deutsche Innenminister Herrmann \
                waren nicht da.";
    assert_clean("de", text);
}

#[test]
fn ru_two_roles_joined_by_and_are_clean() {
    // "и" joins two titles; it is no genitive complement of the first.
    let text = "Министр спорта и президент Олимпийского комитета России Михаил Дегтярёв посетил \
                Сыктывкар. С министром спорта Михаилом Дегтярёвым приехала делегация.";
    assert_clean("ru", text);
}

#[test]
fn es_acronym_of_the_role_itself_is_no_organisation() {
    // "CEO" is the listed phrase: no organisation against "de Iberdrola".
    let text =
        "El consejero delegado de Iberdrola, Ignacio Galán, habló el lunes. Después, el CEO \
                Ignacio Galán prometió inversiones.";
    assert_clean("es", text);
}
