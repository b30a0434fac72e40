//! `loop` rules: the classic neural-MT hallucination of a few words repeated back to back
//! ("in the city in the city in the city"), and a whole sentence repeated within a paragraph.
//! A single doubled word ("the the") is the `repetition` kind's business and is never reported here.

use super::Check;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::RuleMeta;
use crate::text::hash::FastMap;
use crate::text::words::Word;
use std::ops::Range;

/// Flags repeated word sequences and repeated sentences.
pub struct LoopCheck {
    /// Shortest repeated sequence, in words (at least 2).
    pub min_words: usize,
    /// Longest repeated sequence, in words.
    pub max_words: usize,
    /// Shortest sentence whose repetition in a paragraph is reported; 0 turns that part off.
    pub min_sentence_words: usize,
}

/// How many sentences apart a repeated sentence may stand (1: right after it).
const SENTENCE_WINDOW: usize = 2;

/// How two copies of a sequence are joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Joint {
    /// Only white space (at most one line break).
    Space,
    /// A comma or semicolon and white space: "the city, the city, the city".
    Comma,
    /// Anything else ends the loop.
    Broken,
}

struct Block<'d> {
    prose: &'d str,
    source: &'d str,
    words: &'d [Word],
    /// A hash of each word, lowercased: most comparisons fail on it at once.
    keys: Vec<u64>,
}

impl Block<'_> {
    fn text(&self, k: usize) -> &str {
        &self.prose[self.words[k].span.clone()]
    }

    fn gap(&self, k: usize) -> &str {
        &self.prose[self.words[k].span.end..self.words[k + 1].span.start]
    }

    /// How word `k` is joined to word `k + 1`.
    fn joint(&self, k: usize) -> Joint {
        let range = self.words[k].span.end..self.words[k + 1].span.start;
        let gap = &self.prose[range.clone()];
        // Markup, a table pipe or an entity that the prose mask blanked is not a joint.
        if self.source.get(range) != Some(gap) || gap.matches('\n').count() > 1 {
            return Joint::Broken;
        }
        let mut punctuation = gap.chars().filter(|c| !c.is_whitespace());
        match (punctuation.next(), punctuation.next()) {
            (None, _) if !gap.is_empty() => Joint::Space,
            (Some(',' | ';' | '،' | '、' | '，'), None) => Joint::Comma,
            _ => Joint::Broken,
        }
    }

    /// Whether the `n` words from `a` equal the `n` words from `b`, with the same punctuation between.
    fn copies_equal(&self, a: usize, b: usize, n: usize) -> bool {
        // The first words differ in most places: no slice comparison then.
        self.keys[a] == self.keys[b]
            && self.keys[a..a + n] == self.keys[b..b + n]
            && (0..n).all(|t| eq_ignore_case(self.text(a + t), self.text(b + t)))
            && (0..n - 1).all(|t| norm_gap(self.gap(a + t)) == norm_gap(self.gap(b + t)))
    }

    /// Whether the `n` words from `a` repeat with a shorter period (then it is a shorter loop).
    fn periodic(&self, a: usize, n: usize) -> bool {
        (1..n)
            .filter(|p| n % p == 0)
            .any(|p| (p..n).all(|t| self.keys[a + t] == self.keys[a + t - p]))
    }

    /// Whether the sequence is worth reporting: some word with a letter, not all capitalised
    /// ("New York New York", "Walla Walla" are names).
    fn reportable(&self, a: usize, n: usize) -> bool {
        let words: Vec<&str> = (a..a + n).map(|k| self.text(k)).collect();
        let lettered: Vec<&&str> = words
            .iter()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect();
        !lettered.is_empty()
            && !lettered
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    }
}

/// FNV-1a over the lowercased characters of `word`.
fn key(word: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    // ASCII words byte by byte (the same hash: an ASCII char is its byte).
    if word.is_ascii() {
        for b in word.bytes() {
            hash ^= u64::from(b.to_ascii_lowercase());
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        return hash;
    }
    let mut add = |c: char| {
        hash ^= c as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    };
    for c in word.chars() {
        // ASCII needs no Unicode case table.
        if c.is_ascii() {
            add(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(&mut add);
        }
    }
    hash
}

fn norm_gap(gap: &str) -> String {
    gap.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn eq_ignore_case(a: &str, b: &str) -> bool {
    a == b
        || a.chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase))
}

impl LoopCheck {
    /// Repeated sequences in one block: (first copy, repeated copies, fix range).
    fn sequences(&self, block: &Block) -> Vec<(Range<usize>, Range<usize>, Range<usize>)> {
        let mut found = Vec::new();
        let len = block.words.len();
        let min = self.min_words.max(2);
        let mut i = 0;
        while i < len {
            let mut hit = None;
            for n in min..=self.max_words.max(min) {
                if i + 2 * n > len {
                    break;
                }
                // The first words differ in most places: no call then.
                if block.keys[i] != block.keys[i + n]
                    || !block.copies_equal(i, i + n, n)
                    || block.periodic(i, n)
                {
                    continue;
                }
                let first_joint = block.joint(i + n - 1);
                if first_joint == Joint::Broken {
                    continue;
                }
                // A headline ending in the words that start the next line ("…über das
                // Dromedar\nDas Dromedar ist…").
                if block.gap(i + n - 1).contains('\n')
                    && block
                        .text(i + n)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                {
                    continue;
                }
                let mut copies = 2;
                let mut all_space = first_joint == Joint::Space;
                while i + (copies + 1) * n <= len && block.copies_equal(i, i + copies * n, n) {
                    match block.joint(i + copies * n - 1) {
                        Joint::Broken => break,
                        joint => all_space &= joint == Joint::Space,
                    }
                    copies += 1;
                }
                // Two copies of two words are too often part of an idiom ("more and more
                // people", "step by step by step", "von Stadt zu Stadt zu fördern"): two-word
                // sequences need a third copy.
                let idiom_risk = copies == 2 && n == 2;
                if (all_space || copies >= 3) && !idiom_risk && block.reportable(i, n) {
                    hit = Some((n, copies));
                    break;
                }
            }
            match hit {
                Some((n, copies)) => {
                    let w = block.words;
                    let last = i + copies * n - 1;
                    found.push((
                        w[i].span.start..w[i + n - 1].span.end,
                        w[i + n].span.start..w[last].span.end,
                        w[i + n - 1].span.end..w[last].span.end,
                    ));
                    i = last + 1;
                }
                None => i += 1,
            }
        }
        found
    }
}

impl Check for LoopCheck {
    fn check(&self, rule: &RuleMeta, doc: &Document, out: &mut Vec<Diagnostic>) {
        let prose = doc.prose();
        let words = doc.words();
        let sentences = doc.sentences();
        for range in doc.blocks() {
            let a = words.partition_point(|w| w.span.start < range.start);
            let b = words.partition_point(|w| w.span.start < range.end);
            let block_words = &words[a..b];
            let block = Block {
                prose,
                source: doc.source(),
                words: block_words,
                keys: block_words
                    .iter()
                    .map(|w| key(&prose[w.span.clone()]))
                    .collect(),
            };
            let loops = self.sequences(&block);
            for (first, repeated, delete) in &loops {
                let text = &prose[repeated.clone()];
                let mut d = rule.diagnostic_with(
                    repeated.clone(),
                    text,
                    Some((delete.clone(), String::new())),
                    &[
                        ("excerpt", &abbreviate(text)),
                        ("repeated", "the words just before it"),
                    ],
                );
                d.labels
                    .push(RuleMeta::label(first.clone(), "first written here"));
                out.push(d);
            }
            if self.min_sentence_words == 0 {
                continue;
            }
            let s0 = sentences.partition_point(|s| s.start < range.start);
            let s1 = sentences.partition_point(|s| s.start < range.end);
            let mut seen: FastMap<&[u64], (usize, Range<usize>)> = FastMap::default();
            for (k, sentence) in sentences[s0..s1].iter().enumerate() {
                let wa = words.partition_point(|w| w.span.start < sentence.start);
                let wb = words.partition_point(|w| w.span.start < sentence.end);
                let lettered = words[wa..wb]
                    .iter()
                    .filter(|w| prose[w.span.clone()].chars().any(char::is_alphabetic))
                    .count();
                if lettered < self.min_sentence_words {
                    continue;
                }
                let key = &block.keys[wa - a..wb - a];
                let earlier = seen
                    .get(key)
                    .filter(|(at, _)| k - at <= SENTENCE_WINDOW)
                    .filter(|(_, first)| same_words(prose, words, first, sentence));
                if let Some((_, first)) = earlier {
                    if loops
                        .iter()
                        .any(|(_, r, _)| r.start < sentence.end && sentence.start < r.end)
                    {
                        continue;
                    }
                    let previous_end = match k {
                        0 => sentence.start,
                        _ => sentences[s0 + k - 1].end,
                    };
                    let text = &prose[sentence.clone()];
                    let mut d = rule.diagnostic_with(
                        sentence.clone(),
                        text,
                        Some((previous_end..sentence.end, String::new())),
                        &[
                            ("excerpt", &abbreviate(text)),
                            ("repeated", "a sentence earlier in this paragraph"),
                        ],
                    );
                    d.labels
                        .push(RuleMeta::label(first.clone(), "first written here"));
                    out.push(d);
                } else {
                    seen.insert(key, (k, sentence.clone()));
                }
            }
        }
    }
}

/// Whether two sentences have the same words, ignoring case (their word hashes already agree).
fn same_words(prose: &str, words: &[Word], a: &Range<usize>, b: &Range<usize>) -> bool {
    let of = |r: &Range<usize>| {
        let x = words.partition_point(|w| w.span.start < r.start);
        let y = words.partition_point(|w| w.span.start < r.end);
        &words[x..y]
    };
    let (a, b) = (of(a), of(b));
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| eq_ignore_case(&prose[x.span.clone()], &prose[y.span.clone()]))
}

/// The first words of a long sentence, for a message.
fn abbreviate(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 8 {
        words.join(" ")
    } else {
        format!("{} …", words[..8].join(" "))
    }
}
