//! Proper-name mentions: runs of capitalised words in scripts with letter case (Latin, Cyrillic,
//! Greek), decided with evidence from the document itself and small per-language word lists that
//! come from rule files. Scripts without case yield no mentions (graceful degradation).

use super::fold::fold;
use crate::document::Document;
use crate::text::hash::FastSet;
use std::ops::Range;

/// The per-language word lists name detection needs (all lowercase).
#[derive(Clone, Debug, Default)]
pub struct NameLexicon {
    /// Capitalised words that are never names (function words, months, days).
    pub stopwords: FastSet<String>,
    /// Titles and honorifics before names (`Mr`, `President`); never part of a name, they break runs.
    pub titles: FastSet<String>,
    /// Lowercase particles inside names (`van`, `de`, `al`, `bin`).
    pub particles: FastSet<String>,
    /// Words after which a capitalised word is a common noun. Only languages that capitalise all
    /// nouns (German) list them; for those, a name needs a full name or a title as evidence.
    pub determiners: FastSet<String>,
}

/// One name token: a capitalised word judged to be (part of) a proper name.
#[derive(Clone, Debug)]
pub struct NameToken {
    pub span: Range<usize>,
    /// Index of the sentence it stands in.
    pub sentence: usize,
    /// Index of its (first) word in [`Document::words`].
    pub word: usize,
    /// Index of its mention in [`NameAnalysis::mentions`].
    pub mention: usize,
    /// Not a name by evidence (a lone word at a sentence start; in German, a noun with no name
    /// or title beside it): it may be a drifted form, never the reference spelling.
    pub weak: bool,
    /// A lone word capitalised only at sentence starts.
    pub initial: bool,
    /// Capitalised only at sentence starts, lone or not: as the first word of a run it may be an
    /// adverb ("Позднее Пексов", "Later Veldt") as much as a given name.
    pub uncertain: bool,
}

/// A run of name tokens ("Hakon Veldt", "Ursula von der Leyen", "Veldt").
#[derive(Clone, Debug)]
pub struct Mention {
    pub span: Range<usize>,
    /// Indices into [`NameAnalysis::tokens`], in order.
    pub tokens: Range<usize>,
    pub sentence: usize,
}

/// All name mentions of a document.
#[derive(Clone, Debug, Default)]
pub struct NameAnalysis {
    pub tokens: Vec<NameToken>,
    pub mentions: Vec<Mention>,
}

impl NameAnalysis {
    /// Whether a token is the last of a mention of two or more tokens (a surname in a full name).
    pub fn is_final_in_full_name(&self, token: usize) -> bool {
        let m = &self.mentions[self.tokens[token].mention];
        m.tokens.len() > 1 && token + 1 == m.tokens.end
    }

    /// Whether a token is a non-final part of a mention of two or more tokens (a given name).
    pub fn is_leading_in_full_name(&self, token: usize) -> bool {
        let m = &self.mentions[self.tokens[token].mention];
        m.tokens.len() > 1 && token + 1 < m.tokens.end
    }
}

/// A headline has at least this share of capitalised words (of the longer ones)…
const HEADLINE_SHARE: f64 = 0.6;
/// …and at most this many words.
const HEADLINE_MAX_WORDS: usize = 20;

/// Finds the name mentions of `doc` using `lexicon`.
pub fn analyse(doc: &Document, lexicon: &NameLexicon) -> NameAnalysis {
    let prose = doc.prose();
    let words = doc.words();
    let sentences = doc.sentences();
    let lowercase_seen: FastSet<&str> = words
        .iter()
        .map(|w| &prose[w.span.clone()])
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect();
    let headline_blocks = headline_blocks(doc);

    // Pass 1: which word forms are common nouns by evidence (after a determiner).
    let mut after_determiner: FastSet<&str> = FastSet::default();
    if !lexicon.determiners.is_empty() {
        for pair in words.windows(2) {
            let (a, b) = (&prose[pair[0].span.clone()], &prose[pair[1].span.clone()]);
            if only_spaces(&prose[pair[0].span.end..pair[1].span.start])
                && lexicon.determiners.contains(&a.to_lowercase())
            {
                after_determiner.insert(b);
            }
        }
    }

    // Pass 2: classify each word, sentence by sentence.
    let mut analysis = NameAnalysis::default();
    let mut sentence = 0usize;
    let mut candidates: Vec<(usize, usize)> = Vec::new(); // (word index, sentence)
    for (i, w) in words.iter().enumerate() {
        while sentence < sentences.len() && sentences[sentence].end <= w.span.start {
            sentence += 1;
        }
        let text = &prose[w.span.clone()];
        if !is_capitalised(text) || headline_blocks.iter().any(|b| b.contains(&w.span.start)) {
            continue;
        }
        let lower = text.to_lowercase();
        let bare = strip_clitic(&lower);
        if lexicon.stopwords.contains(bare)
            || lexicon.titles.contains(bare)
            || after_determiner.contains(text)
        {
            continue;
        }
        if lowercase_seen.contains(bare) || lowercase_seen.contains(lower.as_str()) {
            continue;
        }
        candidates.push((i, sentence));
    }

    // Sentence-initial words are only weak evidence unless they are capitalised elsewhere too,
    // or followed by another name.
    let non_initial: FastSet<&str> = candidates
        .iter()
        .filter(|(i, s)| !is_sentence_initial(doc, *i, *s))
        .map(|(i, _)| &prose[words[*i].span.clone()])
        .collect();
    let candidate_words: FastSet<usize> = candidates.iter().map(|(i, _)| *i).collect();
    let capitalised_nouns = !lexicon.determiners.is_empty();
    let after_title = |i: usize| {
        i > 0
            && joined(prose, words, i - 1, i)
            && lexicon
                .titles
                .contains(&prose[words[i - 1].span.clone()].to_lowercase())
    };
    // A lone word capitalised only at sentence starts is weak: it may be a drifted form of a
    // name, never the reference spelling. In languages that capitalise every noun, only a full
    // name or a title makes a word a name.
    let kept: Vec<Kept> = candidates
        .iter()
        .map(|&(word, sentence)| {
            let in_run = (candidate_words.contains(&(word + 1))
                && joined(prose, words, word, word + 1))
                || (word > 0
                    && candidate_words.contains(&(word - 1))
                    && joined(prose, words, word - 1, word));
            let unsupported = is_sentence_initial(doc, word, sentence)
                && !non_initial.contains(&prose[words[word].span.clone()]);
            let initial = unsupported && !in_run;
            let weak = initial || (capitalised_nouns && !(in_run || after_title(word)));
            Kept {
                word,
                sentence,
                weak,
                initial,
                uncertain: unsupported,
            }
        })
        .collect();

    // Pass 3: join neighbouring name tokens (and particles between them) into mentions. A
    // hyphenated compound ("Marie-Caroline", "Jae-myung") is one token.
    let compound_end = |mut j: usize| {
        while j + 1 < words.len() && is_hyphen(&prose[words[j].span.end..words[j + 1].span.start]) {
            j += 1;
        }
        j
    };
    let mut k = 0;
    while k < kept.len() {
        let Kept {
            word: first,
            sentence,
            weak,
            initial,
            uncertain,
        } = kept[k];
        let start_token = analysis.tokens.len();
        let mention_index = analysis.mentions.len();
        let mut last = compound_end(first);
        analysis.tokens.push(NameToken {
            span: words[first].span.start..words[last].span.end,
            sentence,
            word: first,
            mention: mention_index,
            weak,
            initial,
            uncertain,
        });
        k += 1;
        while k < kept.len() && kept[k].word <= last {
            k += 1;
        }
        while k < kept.len() && kept[k].sentence == sentence {
            let next = kept[k].word;
            let bridged = (last + 1..next).all(|p| {
                lexicon
                    .particles
                    .contains(&prose[words[p].span.clone()].to_lowercase())
            }) && (last..next).all(|p| joined(prose, words, p, p + 1));
            if !bridged || next - last > 3 {
                break;
            }
            let end = compound_end(next);
            analysis.tokens.push(NameToken {
                span: words[next].span.start..words[end].span.end,
                sentence,
                word: next,
                mention: mention_index,
                weak: kept[k].weak,
                initial: false,
                uncertain: false,
            });
            last = end;
            k += 1;
            while k < kept.len() && kept[k].word <= last {
                k += 1;
            }
        }
        analysis.mentions.push(Mention {
            span: words[first].span.start..words[last].span.end,
            tokens: start_token..analysis.tokens.len(),
            sentence,
        });
    }
    analysis
}

fn is_sentence_initial(doc: &Document, word: usize, sentence: usize) -> bool {
    let words = doc.words();
    let Some(range) = doc.sentences().get(sentence) else {
        return false;
    };
    word == 0 || words[word - 1].span.end <= range.start
}

fn is_hyphen(gap: &str) -> bool {
    matches!(gap, "-" | "‑")
}

/// A candidate name word and what the evidence says about it.
#[derive(Clone, Copy)]
struct Kept {
    word: usize,
    sentence: usize,
    /// Not a name by evidence: may only be a drifted form.
    weak: bool,
    /// A lone word capitalised only at sentence starts.
    initial: bool,
    /// Capitalised only at sentence starts.
    uncertain: bool,
}

/// Whether two words are separated only by one space or a hyphen (parts of one name).
fn joined(prose: &str, words: &[super::words::Word], a: usize, b: usize) -> bool {
    let gap = &prose[words[a].span.end..words[b].span.start];
    matches!(gap, " " | "-" | "\u{a0}" | "‑")
}

fn only_spaces(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
}

/// A word starting with an uppercase letter and containing a lowercase one (acronyms and all-caps
/// shouting are left out).
fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// Drops a short lowercase suffix after an apostrophe: possessives and Turkish case endings
/// (`veldt's` → `veldt`, `erdoğan'ın` → `erdoğan`), but not `o'neill`.
pub fn strip_clitic(lower: &str) -> &str {
    if let Some(pos) = lower.rfind(['\'', '’']) {
        let suffix = &lower[pos..];
        if pos > 1 && suffix.chars().count() <= 5 {
            return &lower[..pos];
        }
    }
    lower
}

/// Headline lines in title case ("Grain Corridor Talks Resume"), where capitals say nothing about
/// names: short lines without a full stop, most of whose longer words are capitalised.
fn headline_blocks(doc: &Document) -> Vec<Range<usize>> {
    let prose = doc.prose();
    let words = doc.words();
    let mut out = Vec::new();
    let mut offset = 0;
    let lines: Vec<Range<usize>> = prose
        .split_inclusive('\n')
        .map(|line| {
            let range = offset..offset + line.trim_end().len();
            offset += line.len();
            range
        })
        .collect();
    for (i, block) in lines.iter().enumerate() {
        let text = prose[block.clone()].trim_end();
        if text.ends_with(['.', '!', '?', ':', ';', ',']) {
            continue;
        }
        // A wrapped line of a paragraph continues in lowercase on the next line.
        let continues = lines.get(i + 1).is_some_and(|next| {
            prose[next.clone()]
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
        });
        if continues {
            continue;
        }
        let first = words.partition_point(|w| w.span.start < block.start);
        let in_line: Vec<&str> = words[first..]
            .iter()
            .take_while(|w| w.span.end <= block.end)
            .map(|w| &prose[w.span.clone()])
            .collect();
        if in_line.len() > HEADLINE_MAX_WORDS {
            continue;
        }
        let long: Vec<&str> = in_line
            .into_iter()
            .filter(|w| w.chars().count() >= 4)
            .collect();
        let capitalised = long.iter().filter(|w| is_capitalised(w)).count();
        if long.len() >= 3 && capitalised as f64 >= HEADLINE_SHARE * long.len() as f64 {
            out.push(block.clone());
        }
    }
    out
}

/// The comparison key of a name token: folded, without clitics.
pub fn key(word: &str) -> String {
    fold(strip_clitic(&word.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Format;

    fn lexicon() -> NameLexicon {
        let set = |w: &[&str]| w.iter().map(|s| s.to_string()).collect();
        NameLexicon {
            stopwords: set(&["the", "but", "in", "on"]),
            titles: set(&["president", "mr", "minister", "foreign"]),
            particles: set(&["von", "der", "de"]),
            determiners: FastSet::default(),
        }
    }

    fn mentions(text: &str) -> Vec<String> {
        let doc = Document::from_text("t", text.to_string(), Format::Text, Some("en"));
        let a = analyse(&doc, &lexicon());
        a.mentions
            .iter()
            .map(|m| doc.source()[m.span.clone()].to_string())
            .collect()
    }

    #[test]
    fn finds_full_names_particles_and_short_references() {
        assert_eq!(
            mentions("Foreign Minister Hakon Veldt met Ursula von der Leyen in Brussels. Veldt's aides said little."),
            ["Hakon Veldt", "Ursula von der Leyen", "Brussels", "Veldt's"]
        );
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        assert_eq!(
            mentions("Officials met. Officials said the talks were over, but officials left."),
            Vec::<String>::new()
        );
        assert_eq!(
            mentions("Talks resumed. The talks resumed."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn unsupported_sentence_initial_words_are_weak() {
        let doc = Document::from_text(
            "t",
            "Yesterday talks resumed. Veldt said Veldt would stay.".into(),
            Format::Text,
            Some("en"),
        );
        let a = analyse(&doc, &lexicon());
        let weak: Vec<(&str, bool)> = a
            .tokens
            .iter()
            .map(|t| (&doc.source()[t.span.clone()], t.weak))
            .collect();
        assert_eq!(
            weak,
            [("Yesterday", true), ("Veldt", false), ("Veldt", false)]
        );
    }

    #[test]
    fn headlines_in_title_case_are_skipped() {
        assert_eq!(
            mentions("Grain Corridor Talks Resume Today\n\nThe talks in Istanbul resumed."),
            ["Istanbul"]
        );
    }

    #[test]
    fn wrapped_paragraph_lines_are_not_headlines() {
        assert_eq!(
            mentions("Ukrainian Foreign Minister Andrii Sybiha told reporters that Kyiv was ready to\nguarantee safe passage."),
            ["Ukrainian", "Andrii Sybiha", "Kyiv"]
        );
    }

    #[test]
    fn caseless_scripts_yield_no_mentions() {
        assert!(mentions("東京で岸田首相が会見した。").is_empty());
    }
}
