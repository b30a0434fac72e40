//! Writing systems of letters, by Unicode block: enough to tell Latin from Cyrillic, Greek, CJK and
//! the other scripts news is written in. No tables beyond code-point ranges, no allocation.

/// The script of a letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Script {
    Latin,
    Cyrillic,
    Greek,
    Armenian,
    Georgian,
    Hebrew,
    Arabic,
    Devanagari,
    Bengali,
    Thai,
    Hangul,
    Hiragana,
    Katakana,
    Han,
    /// A letter of any other script (or of a block not listed here).
    Other,
}

/// Every script, in declaration order.
const ALL: [Script; 15] = [
    Script::Latin,
    Script::Cyrillic,
    Script::Greek,
    Script::Armenian,
    Script::Georgian,
    Script::Hebrew,
    Script::Arabic,
    Script::Devanagari,
    Script::Bengali,
    Script::Thai,
    Script::Hangul,
    Script::Hiragana,
    Script::Katakana,
    Script::Han,
    Script::Other,
];

impl Script {
    /// The English name of the script.
    pub fn name(self) -> &'static str {
        match self {
            Script::Latin => "Latin",
            Script::Cyrillic => "Cyrillic",
            Script::Greek => "Greek",
            Script::Armenian => "Armenian",
            Script::Georgian => "Georgian",
            Script::Hebrew => "Hebrew",
            Script::Arabic => "Arabic",
            Script::Devanagari => "Devanagari",
            Script::Bengali => "Bengali",
            Script::Thai => "Thai",
            Script::Hangul => "Hangul",
            Script::Hiragana => "Hiragana",
            Script::Katakana => "Katakana",
            Script::Han => "Han",
            Script::Other => "other",
        }
    }

    /// Whether the script has upper- and lowercase letters.
    pub fn is_cased(self) -> bool {
        matches!(
            self,
            Script::Latin | Script::Cyrillic | Script::Greek | Script::Armenian
        )
    }

    /// Whether the script is one of the Chinese, Japanese or Korean scripts.
    pub fn is_cjk(self) -> bool {
        matches!(
            self,
            Script::Hangul | Script::Hiragana | Script::Katakana | Script::Han
        )
    }

    /// The scripts that are normally written together with `self` in one language: Japanese mixes
    /// Han and kana, Korean Hangul and Han, Chinese Han with the occasional kana ("の" in brand names).
    pub fn companions(self) -> &'static [Script] {
        match self {
            Script::Han | Script::Hiragana | Script::Katakana => {
                &[Script::Han, Script::Hiragana, Script::Katakana]
            }
            Script::Hangul => &[Script::Hangul, Script::Han],
            Script::Latin => &[Script::Latin],
            Script::Cyrillic => &[Script::Cyrillic],
            Script::Greek => &[Script::Greek],
            Script::Armenian => &[Script::Armenian],
            Script::Georgian => &[Script::Georgian],
            Script::Hebrew => &[Script::Hebrew],
            Script::Arabic => &[Script::Arabic],
            Script::Devanagari => &[Script::Devanagari],
            Script::Bengali => &[Script::Bengali],
            Script::Thai => &[Script::Thai],
            Script::Other => &[Script::Other],
        }
    }
}

/// Ranges in which every character is alphabetic, most frequent in news first.
const ALL_LETTERS: [(char, char, Script); 7] = [
    ('\u{00C0}', '\u{00D6}', Script::Latin),
    ('\u{00D8}', '\u{00F6}', Script::Latin),
    ('\u{00F8}', '\u{017F}', Script::Latin),
    ('\u{0410}', '\u{044F}', Script::Cyrillic),
    ('\u{4E00}', '\u{9FFF}', Script::Han),
    ('\u{3041}', '\u{3096}', Script::Hiragana),
    ('\u{30A1}', '\u{30FA}', Script::Katakana),
];

/// Whether `c` lies in a block of letters only (a cheap check before Unicode property lookups).
pub fn in_letter_block(c: char) -> bool {
    ALL_LETTERS
        .iter()
        .any(|&(from, to, _)| (from..=to).contains(&c))
}

/// The script of `c`, or `None` when `c` is not a letter of a script (digits, punctuation,
/// symbols, combining marks, the micro sign).
pub fn of(c: char) -> Option<Script> {
    if c.is_ascii() {
        return c.is_ascii_alphabetic().then_some(Script::Latin);
    }
    // Blocks of letters only (checked by a test): no Unicode property lookup needed.
    if let Some(&(_, _, script)) = ALL_LETTERS
        .iter()
        .find(|&&(from, to, _)| (from..=to).contains(&c))
    {
        return Some(script);
    }
    if !c.is_alphabetic() {
        return None;
    }
    Some(by_block(c))
}

/// The script of letter `c`, by its Unicode block.
fn by_block(c: char) -> Script {
    match c as u32 {
        0x00AA | 0x00BA | 0x00C0..=0x00D6 | 0x00D8..=0x00F6 | 0x00F8..=0x02AF => Script::Latin,
        0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xAB30..=0xAB6F => Script::Latin,
        0xFF21..=0xFF3A | 0xFF41..=0xFF5A => Script::Latin,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x0530..=0x058F => Script::Armenian,
        0x0590..=0x05FF | 0xFB1D..=0xFB4F => Script::Hebrew,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        0x0900..=0x097F => Script::Devanagari,
        0x0980..=0x09FF => Script::Bengali,
        0x0E00..=0x0E7F => Script::Thai,
        0x10A0..=0x10FF | 0x1C90..=0x1CBF => Script::Georgian,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7FF => Script::Hangul,
        0x3040..=0x309F => Script::Hiragana,
        0x30A0..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Katakana,
        0x3005..=0x3007
        | 0x3021..=0x3029
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0x20000..=0x3134F => Script::Han,
        _ => Script::Other,
    }
}

/// The single script of all letters of `word`, or `None` when it has no letters or several scripts.
pub fn of_word(word: &str) -> Option<Script> {
    let mut found = None;
    for script in word.chars().filter_map(of) {
        match found {
            None => found = Some(script),
            Some(s) if s == script => {}
            Some(_) => return None,
        }
    }
    found
}

/// Letter counts per script.
#[derive(Clone, Debug, Default)]
pub struct ScriptCounts {
    counts: [usize; ALL.len()],
}

impl ScriptCounts {
    /// Counts the letters of `text`.
    pub fn of(text: &str) -> ScriptCounts {
        let mut counts = ScriptCounts::default();
        counts.add(text);
        counts
    }

    /// Adds the letters of `text`.
    pub fn add(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_ascii() {
                if c.is_ascii_alphabetic() {
                    self.counts[Script::Latin as usize] += 1;
                }
            } else if let Some(script) = of(c) {
                self.counts[script as usize] += 1;
            }
        }
    }

    /// The number of letters of `script`.
    pub fn get(&self, script: Script) -> usize {
        self.counts[script as usize]
    }

    /// All letters counted.
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    /// The script with most letters (ties: the first in `Script` order); Japanese kana count
    /// towards Han, so a Japanese text is "Han" like a Chinese one.
    pub fn dominant(&self) -> Option<Script> {
        let mut best: Option<(Script, usize)> = None;
        for script in ALL {
            let n = match script {
                Script::Hiragana | Script::Katakana => continue,
                Script::Han => {
                    self.get(Script::Han) + self.get(Script::Hiragana) + self.get(Script::Katakana)
                }
                s => self.get(s),
            };
            if n > 0 && best.is_none_or(|(_, m)| n > m) {
                best = Some((script, n));
            }
        }
        best.map(|(s, _)| s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_only_ranges_hold_letters_of_their_script() {
        for (from, to, script) in ALL_LETTERS {
            for c in from..=to {
                assert!(c.is_alphabetic(), "{c:?} is not a letter");
                assert_eq!(by_block(c), script, "{c:?}");
            }
        }
    }

    #[test]
    fn classifies_letters_not_punctuation() {
        assert_eq!(of('a'), Some(Script::Latin));
        assert_eq!(of('ß'), Some(Script::Latin));
        assert_eq!(of('Ł'), Some(Script::Latin));
        assert_eq!(of('у'), Some(Script::Cyrillic));
        assert_eq!(of('і'), Some(Script::Cyrillic));
        assert_eq!(of('Ω'), Some(Script::Greek));
        assert_eq!(of('東'), Some(Script::Han));
        assert_eq!(of('の'), Some(Script::Hiragana));
        assert_eq!(of('ー'), Some(Script::Katakana));
        assert_eq!(of('한'), Some(Script::Hangul));
        assert_eq!(of('ש'), Some(Script::Hebrew));
        assert_eq!(of('ب'), Some(Script::Arabic));
        for c in [
            '1', '.', '×', '÷', '«', '„', '—', '。', '、', ' ', '\u{301}',
        ] {
            assert_eq!(of(c), None, "{c:?}");
        }
        // The micro sign is not Greek: "µg" is a unit, not a mixed-script word.
        assert_ne!(of('µ'), Some(Script::Greek));
    }

    #[test]
    fn words_and_dominant_scripts() {
        assert_eq!(of_word("Kyiv"), Some(Script::Latin));
        assert_eq!(of_word("K\u{443}iv"), None);
        assert_eq!(of_word("2024"), None);
        assert_eq!(of_word("Москва"), Some(Script::Cyrillic));
        let counts = ScriptCounts::of("東京のニュース on TV");
        assert_eq!(counts.dominant(), Some(Script::Han));
        assert_eq!(counts.get(Script::Latin), 4);
        assert_eq!(
            ScriptCounts::of("Путин met Biden").dominant(),
            Some(Script::Latin)
        );
        assert_eq!(ScriptCounts::of("123 ...").dominant(), None);
    }
}
