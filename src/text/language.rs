//! Language detection with whatlang, reported as ISO 639-1 codes.

use whatlang::{Detector, Lang};

/// How much prose (in bytes) the document-level detector looks at.
const SAMPLE_BYTES: usize = 16 * 1024;

/// Detects the language of `text`, returning an ISO 639-1 code (`"en"`), or `None`
/// when there is too little text or whatlang is not confident.
pub fn detect(text: &str) -> Option<&'static str> {
    let sample = sample(text);
    let info = Detector::new().detect(sample)?;
    if info.is_reliable() || info.confidence() >= 0.5 {
        Some(iso639_1(info.lang()))
    } else {
        None
    }
}

/// The first `SAMPLE_BYTES` of `text`, cut on a char boundary.
fn sample(text: &str) -> &str {
    if text.len() <= SAMPLE_BYTES {
        return text;
    }
    let mut end = SAMPLE_BYTES;
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
        .map_or(code, |lang| lang.eng_name())
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
