//! `mixed-script` rules: a word that mixes Latin letters with Cyrillic or Greek ones, usually a
//! look-alike ("Kyiv" typed with a Cyrillic "у", "Москва" with a Latin "o"). Such words look right
//! and break search, spell checking and sorting. The fix replaces each intruding letter with its
//! look-alike in the word's own script; it is only offered when every intruder has one.

use super::Check;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::RuleMeta;
use crate::text::script::{self, Script, ScriptCounts};
use std::collections::HashSet;

/// Cyrillic letters and the Latin letters they look like.
const CYRILLIC_LATIN: &[(char, char)] = &[
    ('а', 'a'),
    ('е', 'e'),
    ('о', 'o'),
    ('р', 'p'),
    ('с', 'c'),
    ('у', 'y'),
    ('х', 'x'),
    ('і', 'i'),
    ('ј', 'j'),
    ('ѕ', 's'),
    ('ԁ', 'd'),
    ('ԛ', 'q'),
    ('ԝ', 'w'),
    ('һ', 'h'),
    ('ӏ', 'l'),
    ('ё', 'ë'),
    ('ї', 'ï'),
    ('А', 'A'),
    ('В', 'B'),
    ('Е', 'E'),
    ('К', 'K'),
    ('М', 'M'),
    ('Н', 'H'),
    ('О', 'O'),
    ('Р', 'P'),
    ('С', 'C'),
    ('Т', 'T'),
    ('Х', 'X'),
    ('У', 'Y'),
    ('І', 'I'),
    ('Ј', 'J'),
    ('Ѕ', 'S'),
    ('Ԛ', 'Q'),
    ('Ԝ', 'W'),
    ('Ё', 'Ë'),
    ('Ї', 'Ï'),
];

/// Greek letters and the Latin letters they look like.
const GREEK_LATIN: &[(char, char)] = &[
    ('Α', 'A'),
    ('Β', 'B'),
    ('Ε', 'E'),
    ('Ζ', 'Z'),
    ('Η', 'H'),
    ('Ι', 'I'),
    ('Κ', 'K'),
    ('Μ', 'M'),
    ('Ν', 'N'),
    ('Ο', 'O'),
    ('Ρ', 'P'),
    ('Τ', 'T'),
    ('Υ', 'Y'),
    ('Χ', 'X'),
    ('ο', 'o'),
    ('ν', 'v'),
    ('κ', 'k'),
    ('ρ', 'p'),
    ('υ', 'u'),
    ('χ', 'x'),
    ('α', 'a'),
    ('ι', 'i'),
    ('ϲ', 'c'),
];

/// Cyrillic letters that also look like Latin ones but are not Russian (only Ukrainian and
/// Belarusian have "і"): a Latin "i" in a Russian word has no Cyrillic look-alike there.
const NOT_IN_RUSSIAN: &[char] = &[
    'і', 'І', 'ї', 'Ї', 'ј', 'Ј', 'ѕ', 'Ѕ', 'ԁ', 'ԛ', 'Ԛ', 'ԝ', 'Ԝ', 'һ', 'ӏ',
];

/// Latin vowels with an acute accent, used to mark stress in Cyrillic words ("замóк", "зáмок").
const STRESSED_VOWELS: &[char] = &['á', 'é', 'í', 'ó', 'ú', 'ý', 'Á', 'É', 'Ó', 'Ú', 'Ý'];

/// Greek letters that are also units or symbols glued to Latin letters: "μg", "kΩ", "μSv".
const UNIT_SYMBOLS: &[char] = &['μ', 'Ω', 'Δ'];

/// The look-alike of `c` (written in a foreign script) in `target`.
fn look_alike(c: char, target: Script, language: Option<&str>) -> Option<char> {
    let (table, forward) = match (script::of(c)?, target) {
        (Script::Cyrillic, Script::Latin) => (CYRILLIC_LATIN, true),
        (Script::Greek, Script::Latin) => (GREEK_LATIN, true),
        (Script::Latin, Script::Cyrillic) => (CYRILLIC_LATIN, false),
        (Script::Latin, Script::Greek) => (GREEK_LATIN, false),
        _ => return None,
    };
    if forward {
        return table.iter().find(|(f, _)| *f == c).map(|&(_, l)| l);
    }
    let ukrainian = matches!(language, Some("uk" | "be"));
    table
        .iter()
        .find(|(f, l)| *l == c && (ukrainian || !NOT_IN_RUSSIAN.contains(f)))
        .map(|&(f, _)| f)
}

/// Flags words that mix Latin with Cyrillic or Greek letters.
pub struct MixedScriptCheck {
    /// Lowercased words that may mix scripts.
    pub exceptions: HashSet<String>,
}

impl Check for MixedScriptCheck {
    fn check(&self, rule: &RuleMeta, doc: &Document, out: &mut Vec<Diagnostic>) {
        let prose = doc.prose();
        let mut document_script: Option<Option<Script>> = None;
        for word in doc.words() {
            let text = &prose[word.span.clone()];
            if text.is_ascii() {
                continue;
            }
            let counts = ScriptCounts::of(text);
            let latin = counts.get(Script::Latin);
            let cyrillic = counts.get(Script::Cyrillic);
            let greek = counts.get(Script::Greek);
            let scripts = [latin, cyrillic, greek].iter().filter(|&&n| n > 0).count();
            // Only Latin, Cyrillic and Greek mix by look-alikes; a word with other letters too
            // (Japanese "iPhone発売") is not this rule's business.
            if scripts < 2 || latin + cyrillic + greek != counts.total() {
                continue;
            }
            if self.exceptions.contains(&text.to_lowercase()) {
                continue;
            }
            // Russian and Ukrainian stress marks typed as accented Latin vowels ("замóк").
            let stress_marks = cyrillic > 0
                && greek == 0
                && text
                    .chars()
                    .filter(|&c| script::of(c) == Some(Script::Latin))
                    .all(|c| STRESSED_VOWELS.contains(&c));
            if stress_marks {
                continue;
            }
            let is_unit = greek > 0
                && cyrillic == 0
                && text.chars().count() <= 5
                && text
                    .chars()
                    .filter(|&c| script::of(c) == Some(Script::Greek))
                    .all(|c| UNIT_SYMBOLS.contains(&c));
            if is_unit {
                continue;
            }
            let mut ranked = [
                (Script::Latin, latin),
                (Script::Cyrillic, cyrillic),
                (Script::Greek, greek),
            ];
            ranked.sort_by_key(|r| std::cmp::Reverse(r.1));
            let target = if ranked[0].1 == ranked[1].1 {
                // A tie: the document's script decides, if it is one of the two.
                let dominant =
                    *document_script.get_or_insert_with(|| doc.script_counts().dominant());
                match dominant {
                    Some(s) if s == ranked[0].0 || s == ranked[1].0 => s,
                    _ => Script::Latin,
                }
            } else {
                ranked[0].0
            };
            let mut intruders: Vec<char> = Vec::new();
            let mut fixed = String::with_capacity(text.len());
            let mut fixable = true;
            for c in text.chars() {
                match script::of(c) {
                    Some(s) if s != target => {
                        if !intruders.contains(&c) {
                            intruders.push(c);
                        }
                        match look_alike(c, target, doc.language()) {
                            Some(l) => fixed.push(l),
                            None => {
                                fixable = false;
                                fixed.push(c);
                            }
                        }
                    }
                    _ => fixed.push(c),
                }
            }
            let letters = intruders
                .iter()
                .map(|&c| {
                    let name = script::of(c).map_or("other", Script::name);
                    format!("{name} '{c}' (U+{:04X})", c as u32)
                })
                .collect::<Vec<_>>()
                .join(", ");
            let fix = fixable.then(|| (word.span.clone(), fixed));
            out.push(rule.diagnostic_with(
                word.span.clone(),
                text,
                fix,
                &[("script", target.name()), ("letters", &letters)],
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alikes_both_ways() {
        assert_eq!(look_alike('у', Script::Latin, None), Some('y'));
        assert_eq!(look_alike('Ο', Script::Latin, None), Some('O'));
        assert_eq!(look_alike('o', Script::Cyrillic, Some("ru")), Some('о'));
        assert_eq!(look_alike('i', Script::Cyrillic, Some("ru")), None);
        assert_eq!(look_alike('i', Script::Cyrillic, Some("uk")), Some('і'));
        assert_eq!(look_alike('v', Script::Greek, None), Some('ν'));
        assert_eq!(look_alike('ж', Script::Latin, None), None);
    }

    #[test]
    fn tables_map_look_alikes_across_scripts() {
        for &(foreign, latin) in CYRILLIC_LATIN.iter().chain(GREEK_LATIN) {
            assert_ne!(script::of(foreign), Some(Script::Latin), "{foreign}");
            assert_eq!(script::of(latin), Some(Script::Latin), "{latin}");
        }
    }
}
