//! `mojibake` rules: UTF-8 text that was decoded as Windows-1252 or Latin-1 somewhere on its way
//! ("CafÃ©" for "Café", "donâ€™t" for "don’t", "Ð¿Ñ€Ð¸Ð²ÐµÑ‚" for "привет"). The repair is exact:
//! the garbled characters are turned back into the bytes they came from and decoded as UTF-8.
//!
//! Legitimate text never has a lead-byte letter (Â…ô) directly followed by the characters of the
//! UTF-8 continuation bytes (€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ and ¡…¿) that decode to a plausible
//! character: "São", "château" and "Ðorđe" are safe because the next character is a plain
//! letter. Two guards keep the rare real sequences out: a decoded character must lie in a block
//! mojibake comes from (Latin, punctuation, symbols, emoji; Greek, Cyrillic, Hebrew, Arabic and
//! CJK only in runs of at least two), so "Fuß“" (which would decode to an N'Ko letter) and
//! "café…”" (a lone CJK character) are left alone.

use super::Check;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::RuleMeta;
use std::ops::Range;

/// The Windows-1252 byte of `c`, for characters that single-byte decoders produce from bytes
/// 0x80 and up (C1 controls stand for the bytes Windows-1252 leaves undefined, as Latin-1 reads them).
fn cp1252_byte(c: char) -> Option<u8> {
    let b = match c {
        '\u{80}'..='\u{ff}' => c as u32 as u8,
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    };
    Some(b)
}

/// How a decoded character may appear: alone, only in runs, or not at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Plausible {
    Alone,
    InRuns,
    No,
}

fn plausibility(c: char) -> Plausible {
    match c as u32 {
        0xA0..=0x24F | 0x2000..=0x20CF | 0x2100..=0x215F | 0x2190..=0x21FF | 0xFEFF => {
            Plausible::Alone
        }
        0x1F000..=0x1FAFF => Plausible::Alone,
        0x370..=0x4FF | 0x590..=0x6FF | 0x3000..=0x9FFF | 0xAC00..=0xD7AF | 0xFF00..=0xFFEF => {
            Plausible::InRuns
        }
        _ => Plausible::No,
    }
}

/// One garbled sequence: its byte range in the text and the character it stands for.
#[derive(Clone, Debug)]
struct Sequence {
    span: Range<usize>,
    decoded: char,
    plausible: Plausible,
}

/// The garbled sequences of `text`, left to right.
fn sequences(text: &str) -> Vec<Sequence> {
    let mut found = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (start, c) = chars[k];
        let need = match c as u32 {
            0xC2..=0xDF => 1,
            0xE0..=0xEF => 2,
            0xF0..=0xF4 => 3,
            _ => 0,
        };
        if need == 0 || k + need >= chars.len() {
            k += 1;
            continue;
        }
        let mut bytes = vec![c as u32 as u8];
        for &(_, next) in &chars[k + 1..=k + need] {
            match cp1252_byte(next) {
                Some(b) if (0x80..=0xBF).contains(&b) => bytes.push(b),
                _ => break,
            }
        }
        let decoded = if bytes.len() == need + 1 {
            std::str::from_utf8(&bytes)
                .ok()
                .and_then(|s| s.chars().next())
        } else {
            None
        };
        match decoded.map(|d| (d, plausibility(d))) {
            Some((decoded, plausible)) if plausible != Plausible::No => {
                let end = chars.get(k + need + 1).map_or(text.len(), |&(i, _)| i);
                found.push(Sequence {
                    span: start..end,
                    decoded,
                    plausible,
                });
                k += need + 1;
            }
            _ => k += 1,
        }
    }
    found
}

/// Repairs every garbled sequence of `text` (at most three rounds, for text garbled twice).
pub fn repair(text: &str) -> String {
    let mut current = text.to_string();
    for _ in 0..3 {
        let found = sequences(&current);
        let groups = group(&current, &found);
        if groups.is_empty() {
            break;
        }
        let mut fixed = String::with_capacity(current.len());
        let mut last = 0;
        for seq in groups.iter().flat_map(|g| &found[g.clone()]) {
            fixed.push_str(&current[last..seq.span.start]);
            if seq.decoded != '\u{feff}' {
                fixed.push(seq.decoded);
            }
            last = seq.span.end;
        }
        fixed.push_str(&current[last..]);
        current = fixed;
    }
    current
}

/// Groups of sequences (index ranges into `found`) that belong to one garbled stretch: neighbours
/// in one word, or with at most a few characters between them on one line. A group whose
/// characters may only appear in runs needs at least two sequences.
fn group(text: &str, found: &[Sequence]) -> Vec<Range<usize>> {
    let mut groups: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for i in 0..found.len() {
        let joins = i > 0 && {
            let gap = &text[found[i - 1].span.end..found[i].span.start];
            !gap.contains('\n')
                && (gap.chars().count() <= 3 || !gap.chars().any(char::is_whitespace))
        };
        if i > 0 && !joins {
            groups.push(start..i);
            start = i;
        }
    }
    if !found.is_empty() {
        groups.push(start..found.len());
    }
    groups.retain(|g| {
        let members = &found[g.clone()];
        members.len() >= 2 || members.iter().all(|s| s.plausible == Plausible::Alone)
    });
    groups
}

/// Flags garbled stretches with their repair as a fix.
pub struct MojibakeCheck;

impl Check for MojibakeCheck {
    fn check(&self, rule: &RuleMeta, doc: &Document, out: &mut Vec<Diagnostic>) {
        let prose = doc.prose();
        // Every garbled sequence starts with a character from U+00C2 to U+00F4: two bytes in
        // UTF-8, the first 0xC3. Texts without that byte (most English news) are done at once.
        if !prose.as_bytes().contains(&0xC3) {
            return;
        }
        let found = sequences(prose);
        for g in group(prose, &found) {
            let members = &found[g];
            let (Some(first), Some(last)) = (members.first(), members.last()) else {
                continue;
            };
            let span = first.span.start..last.span.end;
            let garbled = &prose[span.clone()];
            let fixed = repair(garbled);
            out.push(rule.diagnostic(span.clone(), garbled, Some((span, fixed))));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_common_garbles() {
        assert_eq!(repair("CafÃ©"), "Café");
        assert_eq!(repair("donâ€™t"), "don’t");
        assert_eq!(repair("â€œQuoteâ€\u{9d}"), "“Quote”");
        assert_eq!(repair("MÃ¼nchen und KÃ¶ln"), "München und Köln");
        assert_eq!(repair("Ð¿Ñ€Ð¸Ð²ÐµÑ‚"), "привет");
        assert_eq!(repair("ä¸\u{ad}æ–‡"), "中文");
        assert_eq!(repair("SÃ£o Paulo"), "São Paulo");
        assert_eq!(repair("Â\u{a0}10Â\u{a0}km"), "\u{a0}10\u{a0}km");
        assert_eq!(repair("ï»¿Title"), "Title");
        assert_eq!(repair("ðŸ˜€"), "😀");
        // Garbled twice.
        assert_eq!(repair("CafÃƒÂ©"), "Café");
    }

    #[test]
    fn leaves_real_text_alone() {
        for text in [
            "São Paulo, château, âge, Ðorđe, Ísafjörður, Fuß“ und Gruß…",
            "Il a dit « café… » et « rêvé…”",
            "ÉTÉ», España, ÀÉÎÕÜ, ß–",
            "naïve façade, Øresund, Þingvellir, Ærø",
        ] {
            assert_eq!(repair(text), text, "{text}");
            assert!(group(text, &sequences(text)).is_empty(), "{text}");
        }
    }

    #[test]
    fn never_panics_on_edges() {
        for text in ["Ã", "â€", "Ã©", "ð", "ðŸ", "x\u{c3}", ""] {
            let _ = repair(text);
        }
        assert_eq!(repair("â€"), "â€");
    }
}
