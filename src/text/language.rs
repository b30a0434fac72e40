//! Document language: a vote of function words where it is clear, whatlang otherwise; reported
//! as ISO 639-1 codes.
//!
//! whatlang's trigram model over all its languages is by far the most expensive analysis of a
//! document. Most news articles are told apart at a glance by their function words ("the", "der",
//! "les"), so each word of the sample is looked up in the built-in function-word lists (the
//! language pack's, plus Icelandic, which whatlang lacks and calls Welsh or Afrikaans). When one
//! language's words are a clear share of the text and clearly ahead of the runner-up, it wins;
//! whatlang then only confirms it against the runner-up and the winner's close relatives that have
//! no list (Catalan for Spanish, Slovak for Czech, Bulgarian for Russian), where such relatives
//! exist. Everything else (short texts, other languages and scripts, mixed text) goes to whatlang
//! over all its languages, as before.

use std::sync::OnceLock;

use whatlang::{Detector, Lang};

use crate::text::hash::FastMap;

include!(concat!(env!("OUT_DIR"), "/function_words.rs"));

/// How much prose (in bytes) the document-level detector looks at.
const SAMPLE_BYTES: usize = 16 * 1024;
/// How much of it whatlang reads to confirm a vote among close relatives (a few hundred words are
/// plenty to tell French from Catalan; whatlang's cost grows with the text).
const CONFIRM_BYTES: usize = 2 * 1024;

/// Icelandic function words (whatlang has no Icelandic).
const ICELANDIC: &[&str] = &[
    "og", "að", "í", "á", "er", "sem", "um", "til", "við", "það", "var", "með", "af", "ekki",
    "hann", "fyrir", "hún", "eru", "hefur", "frá", "þá", "þess", "sig", "eftir", "þar", "eða",
    "hafa", "verið", "voru", "hafi", "mun", "þegar", "sé", "hefði", "hans", "hennar", "þeir",
    "þau", "þetta", "þessi", "því", "vegna", "úr", "yfir", "undir", "ég", "einnig", "segir",
    "sagði", "mjög", "nú", "hér", "enn", "aðeins", "líka", "hjá", "meðal", "milli", "þó", "hvort",
    "hvað", "ef", "svo", "þeirra", "sína", "sinni", "sínum", "verður", "ári",
];

/// Close relatives of a listed language that whatlang knows but that have no list of their own:
/// a vote for the listed language is confirmed by whatlang among these, the runner-up and itself.
fn relatives(code: &str) -> &'static [&'static str] {
    match code {
        "fr" | "es" | "pt" => &["ca"],
        "it" => &["ca", "la"],
        "nl" => &["af"],
        "pl" => &["sk", "cs"],
        "cs" => &["sk", "sl", "hr"],
        "ru" | "uk" => &["bg", "be", "mk", "sr"],
        "fi" => &["et"],
        "tr" => &["az", "uz", "tk"],
        "id" => &["jv", "tl"],
        "sv" | "da" | "nb" => &["sv", "da", "nb"],
        _ => &[],
    }
}

/// Words counted before the vote may decide (fewer go to whatlang).
const MIN_WORDS: usize = 40;
/// The winner's function words per hundred words at least.
const MIN_SHARE_PERCENT: usize = 20;
/// The winner's hits at least this many times the runner-up's, in tenths.
const MIN_LEAD_TENTHS: usize = 15;

/// The vote's table: each word and the languages (bits) whose list has it.
struct Table {
    codes: Vec<&'static str>,
    words: FastMap<&'static str, u32>,
    longest: usize,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let lists = PACK_FUNCTION_WORDS
            .iter()
            .copied()
            .chain(std::iter::once(("is", ICELANDIC)));
        let mut codes = Vec::new();
        let mut words: FastMap<&'static str, u32> = FastMap::default();
        let mut longest = 0;
        for (bit, (code, list)) in lists.enumerate() {
            codes.push(code);
            for &word in list {
                *words.entry(word).or_default() |= 1 << bit;
                longest = longest.max(word.len());
            }
        }
        assert!(codes.len() <= 32, "the vote's masks are 32 bits");
        Table {
            codes,
            words,
            longest,
        }
    })
}

/// The outcome of the function-word vote on a sample.
#[derive(Debug, PartialEq, Eq)]
enum Vote {
    /// A clear winner, and the runner-up if it had any votes.
    Clear(&'static str, Option<&'static str>),
    /// Too few words, or no clear winner.
    Unclear,
}

/// Counts the function words of every listed language in `sample`.
fn vote(sample: &str) -> Vote {
    let table = table();
    let mut hits = [0usize; 32];
    let mut words = 0usize;
    let mut word = String::with_capacity(32);
    let mut too_long = false;
    let mut count = |word: &mut String, too_long: &mut bool| {
        if !word.is_empty() {
            words += 1;
            if !*too_long {
                if let Some(&mask) = table.words.get(word.as_str()) {
                    let mut mask = mask;
                    while mask != 0 {
                        hits[mask.trailing_zeros() as usize] += 1;
                        mask &= mask - 1;
                    }
                }
            }
            word.clear();
        }
        *too_long = false;
    };
    for c in sample.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                if !too_long {
                    word.push(c.to_ascii_lowercase());
                    too_long = word.len() > table.longest;
                }
            } else {
                count(&mut word, &mut too_long);
            }
        } else if is_letter(c) {
            if !too_long {
                word.extend(c.to_lowercase());
                too_long = word.len() > table.longest;
            }
        } else {
            count(&mut word, &mut too_long);
        }
    }
    count(&mut word, &mut too_long);
    if words < MIN_WORDS {
        return Vote::Unclear;
    }
    let mut order: Vec<usize> = (0..table.codes.len()).collect();
    order.sort_by_key(|&l| std::cmp::Reverse(hits[l]));
    let (first, second) = (hits[order[0]], hits[order[1]]);
    if first * 100 < words * MIN_SHARE_PERCENT || first * 10 < second * MIN_LEAD_TENTHS {
        return Vote::Unclear;
    }
    let runner_up = (second > 0).then(|| table.codes[order[1]]);
    Vote::Clear(table.codes[order[0]], runner_up)
}

/// `char::is_alphabetic`, with the frequent blocks of news text decided by range (Latin-1 and
/// Latin Extended letters, Cyrillic letters, kana, CJK ideographs) instead of the Unicode table.
#[inline]
fn is_letter(c: char) -> bool {
    match c {
        '\u{C0}'..='\u{24F}' => c != '\u{D7}' && c != '\u{F7}',
        '\u{400}'..='\u{481}' | '\u{48A}'..='\u{4FF}' => true,
        '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | '\u{4E00}'..='\u{9FFF}' => true,
        _ => c.is_alphabetic(),
    }
}

/// Detects the language of `text`, returning an ISO 639-1 code (`"en"`), or `None`
/// when there is too little text or whatlang is not confident.
pub fn detect(text: &str) -> Option<&'static str> {
    let sample = sample(text);
    if let Vote::Clear(winner, runner_up) = vote(sample) {
        let relatives = relatives(winner);
        if relatives.is_empty() {
            return Some(winner);
        }
        let candidates: Vec<Lang> = std::iter::once(winner)
            .chain(runner_up)
            .chain(relatives.iter().copied())
            .filter_map(whatlang_lang)
            .collect();
        if let Some(code) = Detector::with_allowlist(candidates)
            .detect(cut(sample, CONFIRM_BYTES))
            .and_then(confident)
        {
            return Some(code);
        }
    }
    whatlang(sample)
}

/// whatlang's answer over all its languages, as the detector gave it before the vote (used by
/// the tests that check the vote against it).
#[doc(hidden)]
pub fn whatlang(text: &str) -> Option<&'static str> {
    Detector::new().detect(sample(text)).and_then(confident)
}

/// The code of a detection whatlang is sure enough of.
fn confident(info: whatlang::Info) -> Option<&'static str> {
    if info.is_reliable() || info.confidence() >= 0.5 {
        Some(iso639_1(info.lang()))
    } else {
        None
    }
}

/// whatlang's language for an ISO 639-1 code.
fn whatlang_lang(code: &str) -> Option<Lang> {
    Lang::all().iter().copied().find(|&l| iso639_1(l) == code)
}

/// The first `SAMPLE_BYTES` of `text`, cut on a char boundary.
fn sample(text: &str) -> &str {
    cut(text, SAMPLE_BYTES)
}

/// The first `bytes` of `text`, cut on a char boundary.
fn cut(text: &str, bytes: usize) -> &str {
    if text.len() <= bytes {
        return text;
    }
    let mut end = bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Whether `code` looks like an ISO 639-1 code (two lowercase ASCII letters).
pub fn is_valid_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase())
}

/// The English name of the language with ISO 639-1 `code` (`"de"` → `"German"`), or the code itself
/// when whatlang does not know it.
pub fn name(code: &str) -> &str {
    Lang::all()
        .iter()
        .find(|&&lang| iso639_1(lang) == code)
        .map_or(if code == "is" { "Icelandic" } else { code }, |lang| {
            lang.eng_name()
        })
}

/// Maps whatlang's languages to ISO 639-1 codes.
pub fn iso639_1(lang: Lang) -> &'static str {
    match lang {
        Lang::Epo => "eo",
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Tuk => "tk",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        Lang::Cym => "cy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_common_news_languages() {
        let cases = [
            ("en", "The government said on Tuesday that the talks would resume next week in the capital."),
            ("de", "Die Regierung teilte am Dienstag mit, dass die Gespräche in der nächsten Woche fortgesetzt werden."),
            ("fr", "Le gouvernement a annoncé mardi que les négociations reprendraient la semaine prochaine dans la capitale."),
            ("es", "El gobierno anunció el martes que las negociaciones se reanudarán la próxima semana en la capital."),
            ("ru", "Правительство во вторник заявило, что переговоры возобновятся на следующей неделе в столице."),
        ];
        for (code, text) in cases {
            assert_eq!(detect(text), Some(code), "{text}");
        }
    }

    /// Articles long enough for the vote (at least `MIN_WORDS` words).
    const ARTICLES: &[(&str, &str)] = &[
        ("en", "The government said on Tuesday that the talks would resume next week in the capital. \
            The minister told reporters that he was confident an agreement could be reached before the \
            end of the year, but he added that there were still differences over the budget and the \
            timetable. Opposition leaders said they would not support any deal that had not been \
            discussed in parliament."),
        ("de", "Die Regierung teilte am Dienstag mit, dass die Gespräche in der nächsten Woche in der \
            Hauptstadt fortgesetzt werden. Der Minister sagte, er sei zuversichtlich, dass noch vor dem \
            Ende des Jahres eine Einigung erzielt werden könne, aber es gebe nach wie vor Unterschiede \
            bei dem Haushalt und dem Zeitplan. Die Opposition kündigte an, sie werde keine Vereinbarung \
            unterstützen, die nicht im Parlament beraten worden sei."),
        ("fr", "Le gouvernement a annoncé mardi que les négociations reprendraient la semaine prochaine \
            dans la capitale. Le ministre a déclaré aux journalistes qu'il était confiant dans la \
            possibilité d'un accord avant la fin de l'année, mais il a ajouté que des divergences \
            subsistaient sur le budget et le calendrier. Les dirigeants de l'opposition ont dit qu'ils \
            ne soutiendraient pas un accord qui n'aurait pas été débattu au Parlement."),
        ("es", "El gobierno anunció el martes que las negociaciones se reanudarán la próxima semana en \
            la capital. El ministro dijo a los periodistas que confiaba en que se podría alcanzar un \
            acuerdo antes del final del año, pero añadió que todavía hay diferencias sobre el \
            presupuesto y el calendario. Los líderes de la oposición dijeron que no apoyarán ningún \
            acuerdo que no se haya debatido en el Parlamento."),
        ("ru", "Правительство во вторник заявило, что переговоры возобновятся на следующей неделе в \
            столице. Министр сказал журналистам, что он уверен в том, что соглашение может быть \
            достигнуто до конца года, но добавил, что по бюджету и по срокам все еще есть разногласия. \
            Лидеры оппозиции заявили, что не поддержат никакую сделку, которая не была бы обсуждена в \
            парламенте, и что они будут против нее."),
    ];

    /// Close relatives without a list of their own, which whatlang must tell apart.
    const RELATIVES: &[(&str, &str)] = &[
        ("ca", "El govern va anunciar dimarts que les negociacions es reprendran la setmana vinent a la \
            capital. El ministre va dir als periodistes que confiava que es podria arribar a un acord \
            abans de la fi de l'any, però va afegir que encara hi ha diferències sobre el pressupost i el \
            calendari. Els líders de l'oposició van dir que no donaran suport a cap acord que no s'hagi \
            debatut al Parlament."),
        ("sk", "Vláda v utorok oznámila, že rokovania sa obnovia budúci týždeň v hlavnom meste. Minister \
            povedal novinárom, že je presvedčený, že dohodu bude možné dosiahnuť ešte pred koncom roka, \
            ale dodal, že stále existujú rozdiely v otázke rozpočtu a harmonogramu. Predstavitelia \
            opozície uviedli, že nepodporia žiadnu dohodu, o ktorej sa nediskutovalo v parlamente, a že \
            budú proti nej hlasovať."),
        ("bg", "Правителството заяви във вторник, че преговорите ще бъдат възобновени следващата седмица \
            в столицата. Министърът каза пред журналисти, че е уверен, че споразумение може да бъде \
            постигнато преди края на годината, но добави, че все още има различия по бюджета и \
            графика. Лидерите на опозицията заявиха, че няма да подкрепят сделка, която не е била \
            обсъдена в парламента, и че ще гласуват против нея."),
    ];

    #[test]
    fn the_vote_decides_clear_articles() {
        for &(code, text) in ARTICLES {
            match vote(text) {
                Vote::Clear(winner, _) => assert_eq!(winner, code, "{text}"),
                Vote::Unclear => panic!("no clear vote: {text}"),
            }
            assert_eq!(detect(text), Some(code), "{text}");
            assert_eq!(detect(text), whatlang(text), "{text}");
        }
    }

    #[test]
    fn relatives_without_a_list_are_left_to_whatlang() {
        assert!(matches!(vote(RELATIVES[0].1), Vote::Clear("es", _)));
        assert!(matches!(vote(RELATIVES[1].1), Vote::Clear("cs", _)));
        for &(code, text) in RELATIVES {
            assert_eq!(whatlang(text), Some(code), "whatlang: {text}");
            assert_eq!(detect(text), Some(code), "{text}");
            // Catalan wins the vote as Spanish, Slovak as Czech: whatlang's confirmation corrects it.
            if let Vote::Clear(winner, _) = vote(text) {
                assert!(relatives(winner).contains(&code), "{code}: {winner}");
            }
        }
    }

    #[test]
    fn icelandic_is_recognised() {
        let text = "Ríkisstjórnin tilkynnti á þriðjudag að viðræðurnar myndu hefjast aftur í næstu viku \
            í höfuðborginni. Ráðherrann sagði við fréttamenn að hann væri viss um að samkomulag næðist \
            fyrir lok ársins, en hann bætti við að enn væri ágreiningur um fjárlögin og tímaáætlunina. \
            Leiðtogar stjórnarandstöðunnar sögðu að þeir myndu ekki styðja samning sem hefði ekki verið \
            ræddur á þinginu og að þeir væru á móti honum.";
        assert_eq!(detect(text), Some("is"));
        assert_ne!(whatlang(text), Some("is"));
        assert_eq!(name("is"), "Icelandic");
    }

    #[test]
    fn short_text_goes_to_whatlang() {
        let text = "Die Regierung teilte am Dienstag mit, dass die Gespräche fortgesetzt werden.";
        assert_eq!(vote(text), Vote::Unclear);
        assert_eq!(detect(text), whatlang(text));
    }

    #[test]
    fn the_vote_uses_the_packs_lists() {
        let pack: toml::Value =
            toml::from_str(include_str!("../../rules/language/language.toml")).expect("TOML");
        let lists = pack["rule"][0]["function_words"].as_table().expect("table");
        assert_eq!(lists.len(), PACK_FUNCTION_WORDS.len());
        for (code, words) in PACK_FUNCTION_WORDS {
            let listed: Vec<&str> = lists[*code]
                .as_array()
                .expect("list")
                .iter()
                .map(|w| w.as_str().expect("word"))
                .collect();
            assert_eq!(&listed, words, "{code}");
        }
    }

    #[test]
    fn letters_by_range_are_unicode_letters() {
        for c in ('\u{80}'..='\u{FFFF}').chain(['\u{1F600}', '\u{20000}']) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn no_language_for_empty_or_numeric_text() {
        assert_eq!(detect(""), None);
        assert_eq!(detect("12 345 678"), None);
    }

    #[test]
    fn names_of_codes() {
        assert_eq!(name("de"), "German");
        assert_eq!(name("en"), "English");
        assert_eq!(name("zh"), "Mandarin");
        assert_eq!(name("xx"), "xx");
    }

    #[test]
    fn code_validation() {
        assert!(is_valid_code("en"));
        assert!(!is_valid_code("eng"));
        assert!(!is_valid_code("EN"));
    }
}
